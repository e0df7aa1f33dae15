#!/usr/bin/env python3
"""Real/false counts of judged conflict lines per attribute KIND, with a Wilson lower bound.

    python3 scripts/conflict_kinds.py [--articles ../shared/bench/ecbplus/articles] [--dev FILE]

Reads only DESIGN lines: tests/fixtures/conflicts/msrp-train-judged.tsv (all) and the lines of
tests/fixtures/conflicts/ecbplus-judged.tsv whose ECB+ topic (found by locating sentence_a in the
articles; file names carry the topic) is even or %4 == 1. Lines of topic %4 == 3 (held out) are
skipped unread: only their number is printed. --dev FILE (default tests/fixtures/conflicts/dev-judged.tsv) adds "verdict<TAB>topic" lines
(dev.sh conflicts judged against the dev gold). The kind is the generic part of a conflict's topic
(`Slot::topic` in src/divergence/slots.rs). Standard library only.
"""
import argparse, glob, math, os, re, sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CASUALTY = re.compile(r"\b(killed|dead|died|deaths?|injured|wounded|hurt|missing|victims?|casualties|bodies)\b")
UNITS = ("percent", "cents", "pence", "points")  # a unit of a scale, counted as a noun


def kind(topic):
    t = topic.replace(" (a changing figure)", "").strip()
    if t.startswith("certainty"):
        return "certainty"
    if t.startswith("title of"):
        return "title"
    if t == "age" or t.startswith("age of"):
        return "age"
    if t == "day of the week":
        return "weekday"
    if t == "date":
        return "date"
    if t.startswith("kind of"):
        return "kind (of firearm)"
    if t.startswith("what happened"):
        return "what happened (fate)"
    if t.startswith("magnitude"):
        return "magnitude"
    if t.startswith("who said it"):
        return "attribution"
    if t.startswith("amount of") or t.startswith("value of"):
        return "money"
    if t.startswith("number of"):
        label = t[len("number of "):]
        if label in ("years", "months", "days", "weeks", "hours", "minutes", "seconds"):
            return "count:time units"
        if label in UNITS:
            return "count:" + label
        if CASUALTY.search(label):
            return "count:casualties"
        if label in ("officials", "sources"):
            return "count:sourcing"
        if label.startswith("people") or label in ("men", "women", "persons", "others"):
            return "count:people (other)"
        return "count:other nouns"
    return "other:" + t


def wilson_lower(k, n, z=1.96):
    if n == 0:
        return 0.0
    p = k / n
    d = 1 + z * z / n
    c = p + z * z / (2 * n)
    r = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (c - r) / d


def squash(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", default=os.path.join(HERE, "..", "..", "shared", "bench", "ecbplus", "articles"))
    ap.add_argument("--dev", default=os.path.join(HERE, "..", "tests", "fixtures", "conflicts", "dev-judged.tsv"))
    a = ap.parse_args()
    texts = []
    for f in sorted(glob.glob(os.path.join(a.articles, "*.txt"))):
        head = os.path.basename(f).split("_", 1)[0]
        if head.isdigit():
            texts.append((int(head), squash(open(f, encoding="utf-8").read())))
    counts = defaultdict(lambda: defaultdict(lambda: [0, 0]))  # source -> kind -> [real, false]
    skipped = unplaced = 0
    for line in open(os.path.join(HERE, "..", "tests", "fixtures", "conflicts", "ecbplus-judged.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        verdict, topic, _va, _vb, _why, sa, _sb = line.rstrip("\n").split("\t")
        key = squash(sa)[:80]
        topics = {t for t, x in texts if key in x}
        if not topics:
            unplaced += 1
            continue
        t = min(topics)
        if t % 4 == 3 or any(x % 4 == 3 for x in topics):
            skipped += 1  # held out (or ambiguous): not read
            continue
        counts["ecb+ " + ("even" if t % 2 == 0 else "odd-a")][kind(topic)][verdict == "false"] += 1
    for line in open(os.path.join(HERE, "..", "tests", "fixtures", "conflicts", "msrp-train-judged.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        counts["msrp train"][kind(f[2])][f[4] == "false"] += 1
    if a.dev:
        for line in open(a.dev, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            verdict, topic = line.rstrip("\n").split("\t")[:2]
            counts["dev"][kind(topic)][verdict == "false"] += 1
    total = defaultdict(lambda: [0, 0])
    print(f"ecb+ lines skipped (held-out topic %4==3): {skipped}; not placed: {unplaced}")
    print(f"{'kind':26} " + " ".join(f"{s:>11}" for s in sorted(counts)) + "   all real/false  prec  wilson_lb")
    kinds = sorted({k for s in counts.values() for k in s})
    for k in kinds:
        cells = []
        for s in sorted(counts):
            r, fl = counts[s][k]
            total[k][0] += r
            total[k][1] += fl
            cells.append(f"{r:>5}/{fl:<5}")
        r, fl = total[k]
        print(f"{k:26} " + " ".join(cells) + f"   {r:>4}/{fl:<4}      {r/(r+fl):.2f}  {wilson_lower(r, r+fl):.2f}")


if __name__ == "__main__":
    main()
