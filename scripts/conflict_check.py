#!/usr/bin/env python3
"""Checks the conflicts a build shows on ECB+ against an editor's reading of them.

    python3 scripts/conflict_check.py --site SITE [--judged FILE] [--dev DIR] [--verbose]
                                      [--topics even|odd|odd-a|odd-b] [--exclude-topics 1,3,...]

SITE is a build of ../shared/bench/ecbplus/articles. Conflicts whose sources include an
article of a dev story (../shared/eval/gold/dev, graded by dev.sh) are left out. Every
other shown conflict is split into pairs of sides; each pair is looked up in the judged
file (tests/fixtures/conflicts/ecbplus-judged.tsv) by its two sentences and values. A
conflict is real when every pair is judged real, false when any pair is judged false,
and unjudged otherwise (listed with --verbose: read them and add lines to the file).

Prints: shown, real, false, unjudged, precision = real / (real + false), and how many of
the judged-real pairs the build still shows; --min-precision and --max-false make it exit 1
(CI). --topics keeps only the conflicts of even or odd ECB+ topics (the number before the
first "_" of a source id, e.g. 36 for 36_4ecb), so rules can be designed by reading one
half and checked on the other, held out. Since session 29 the odd half is split in two
quarters: odd-a (topic % 4 == 1) is design data too, odd-b (topic % 4 == 3) stays held out
(the even half gave no signal left: every conflict it shows is real). --exclude-topics leaves out topics whose judged
sentences were read while designing. Standard library only.
"""
import argparse
import glob
import itertools
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_judged(path):
    judged = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            verdict, _topic, va, vb, _why, sa, sb = line.rstrip("\n").split("\t")
            judged[frozenset([(va, sa), (vb, sb)])] = verdict
    return judged


def dev_sources(folder):
    out = set()
    for g in glob.glob(os.path.join(folder, "*.json")):
        for story in json.load(open(g, encoding="utf-8"))["stories"]:
            out.update(story["sources"])
    return out


def topic_of(source):
    """The ECB+ topic number of a source id ("36_4ecbplus__x" -> 36), or None."""
    head = os.path.basename(source).split("_", 1)[0]
    return int(head) if head.isdigit() else None


def in_half(item, half, exclude=()):
    """Whether a conflict belongs to the even or odd half (by its first source's topic) and
    not to an excluded topic."""
    topics = [topic_of(s) for c in item["claims"] for s in c["sources"]]
    topics = [t for t in topics if t is not None]
    if topics and min(topics) in exclude:
        return False
    if half is None:
        return True
    if not topics:
        return False
    t = min(topics)
    if half == "odd-a":
        return t % 4 == 1
    if half == "odd-b":
        return t % 4 == 3
    return (t % 2 == 0) == (half == "even")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", required=True)
    ap.add_argument(
        "--judged",
        default=os.path.join(HERE, "..", "tests", "fixtures", "conflicts", "ecbplus-judged.tsv"),
    )
    ap.add_argument("--dev", default=os.path.join(HERE, "..", "..", "shared", "eval", "gold", "dev"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--min-precision", type=float, help="exit 1 below this precision")
    ap.add_argument("--max-false", type=int, help="exit 1 above this many false conflicts")
    ap.add_argument(
        "--topics",
        choices=["even", "odd", "odd-a", "odd-b"],
        help="only one half (even, odd) or one quarter (odd-a: topic % 4 == 1, odd-b: % 4 == 3)",
    )
    ap.add_argument("--exclude-topics", default="", help="comma-separated topic numbers to leave out")
    args = ap.parse_args()
    exclude = {int(t) for t in args.exclude_topics.split(",") if t.strip()}
    judged = load_judged(args.judged)
    dev = dev_sources(args.dev)
    counts = {"real": 0, "false": 0, "unjudged": 0}
    real_pairs_shown = set()
    for path in sorted(glob.glob(os.path.join(args.site, "stories", "*", "digest.json"))):
        digest = json.load(open(path, encoding="utf-8"))
        for item in digest.get("divergent", []):
            if item["kind"] != "conflict":
                continue
            if any(s in dev for c in item["claims"] for s in c["sources"]):
                continue
            if not in_half(item, args.topics, exclude):
                continue
            sides = [(c.get("value") or "", c["text"]) for c in item["claims"]]
            verdicts = []
            for a, b in itertools.combinations(sides, 2):
                key = frozenset([a, b])
                v = judged.get(key)
                verdicts.append(v)
                if v == "real":
                    real_pairs_shown.add(key)
            if "false" in verdicts:
                verdict = "false"
            elif verdicts and all(v == "real" for v in verdicts):
                verdict = "real"
            else:
                verdict = "unjudged"
            counts[verdict] += 1
            if args.verbose and verdict != "real":
                print(f"{verdict}: {digest['slug']}: {item['topic']}")
                for value, text in sides:
                    print(f"    {value!r}: {text[:300]}")
    shown = sum(counts.values())
    judged_real = sum(1 for v in judged.values() if v == "real")
    decided = counts["real"] + counts["false"]
    precision = counts["real"] / decided if decided else 1.0
    print(
        f"summary: shown={shown} real={counts['real']} false={counts['false']} "
        f"unjudged={counts['unjudged']} precision={precision:.2f} "
        f"real_pairs_kept={len(real_pairs_shown)}/{judged_real}"
    )
    failed = (args.min_precision is not None and precision < args.min_precision) or (
        args.max_false is not None and counts["false"] > args.max_false
    )
    if failed:
        print("conflict check: below the minimum (read the false ones with --verbose)")
        sys.exit(1)


if __name__ == "__main__":
    main()
