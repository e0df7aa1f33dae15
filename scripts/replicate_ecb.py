#!/usr/bin/env python3
"""Replicate the ECB+ articles into a large seeds folder for memory and
speed checks (issue 13): every replica renames the proper names and changes
every number, the same perturbation as `benches/pipeline.rs`, so each
replica reports different events of the same kinds.

    python3 scripts/replicate_ecb.py --copies 41 --paragraphs 1 --out /tmp/big
    /usr/bin/time -v target/release/parallax build --seeds /tmp/big --out /tmp/big-site

--paragraphs 1 keeps the headline and the first paragraph of each article
(the "one-paragraph news files" of the hostile-input campaign); 0 keeps all.
"""
import argparse
import os
import re

ECB = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench", "ecbplus", "articles")


def tag(r):
    out = []
    while True:
        out.append(chr(ord("a") + r % 26))
        r //= 26
        if r == 0:
            break
    return "".join(reversed(out))


def perturb(text, r):
    if r == 0:
        return text
    suffix = "q" + tag(r)
    prefix = str(r % 9 + 1)
    text = re.sub(r"(?<![0-9A-Za-z])(\d)", prefix + r"\1", text)
    return re.sub(r"\b([A-Z][A-Za-z]*)\b", r"\1" + suffix, text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=41)
    ap.add_argument("--paragraphs", type=int, default=1)
    ap.add_argument("--src", default=ECB)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    names = sorted(n for n in os.listdir(args.src) if n.endswith(".txt"))
    texts = []
    for n in names:
        with open(os.path.join(args.src, n), encoding="utf-8") as f:
            lines = [l.strip() for l in f.read().splitlines() if l.strip()]
        if args.paragraphs:
            lines = lines[: 1 + args.paragraphs]
        texts.append((n[:-4], "\n".join(lines) + "\n"))
    os.makedirs(args.out, exist_ok=True)
    count = 0
    for r in range(args.copies):
        for stem, text in texts:
            with open(os.path.join(args.out, f"{stem}-r{r}.txt"), "w", encoding="utf-8") as f:
                f.write(perturb(text, r))
            count += 1
    print(f"{count} files in {args.out}")


if __name__ == "__main__":
    main()
