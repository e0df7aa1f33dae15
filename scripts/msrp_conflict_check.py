#!/usr/bin/env python3
"""Grades the conflicts Parallax shows on MSR Paraphrase pairs against
judgements made by reading (tests/fixtures/conflicts/msrp-test-judged.tsv).

    cargo run --release --example msrp_conflicts -- ../shared/data/msrp test > /tmp/msrp.tsv
    python3 scripts/msrp_conflict_check.py /tmp/msrp.tsv [--verbose]

A conflict is matched to a judgement by the pair's ids, its topic and its
values; one whose values changed is matched by ids and topic, and one never
judged is reported as unjudged (read it and add a line). Prints shown, real,
false, unjudged, precision over the judged ones, and how many of the real
conflicts judged are still shown. The test split is held out: design rules
on the train split, report here.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "tests", "fixtures", "conflicts", "msrp-test-judged.tsv")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shown", help="output of examples/msrp_conflicts.rs")
    ap.add_argument("--judged", default=DEFAULT)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--min-precision", type=float)
    ap.add_argument("--max-false", type=int)
    ap.add_argument("--min-real", type=int)
    args = ap.parse_args()
    exact, loose = {}, {}
    for line in open(args.judged, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        id1, id2, topic, values, verdict, why = line.rstrip("\n").split("\t")
        exact[(id1, id2, topic, values)] = (verdict, why)
        loose.setdefault((id1, id2, topic), (verdict, why))
    real_judged = sum(1 for v, _ in exact.values() if v == "real")
    shown = real = false = 0
    unjudged = []
    for line in open(args.shown, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 6:
            continue
        id1, id2, _label, topic, values, text = f[:6]
        shown += 1
        hit = exact.get((id1, id2, topic, values)) or loose.get((id1, id2, topic))
        if hit is None:
            unjudged.append(line.rstrip("\n"))
            continue
        if hit[0] == "real":
            real += 1
        else:
            false += 1
            if args.verbose:
                print(f"FALSE {id1} {id2} {topic}: {values} ({hit[1]})")
    for u in unjudged:
        print(f"UNJUDGED {u}")
    judged = real + false
    precision = real / judged if judged else 1.0
    print(
        f"shown {shown}  real {real}  false {false}  unjudged {len(unjudged)}  "
        f"precision {precision:.2f}  real kept {real}/{real_judged}"
    )
    failed = []
    if args.min_precision is not None and precision < args.min_precision:
        failed.append(f"precision {precision:.2f} < {args.min_precision}")
    if args.max_false is not None and false > args.max_false:
        failed.append(f"false {false} > {args.max_false}")
    if args.min_real is not None and real < args.min_real:
        failed.append(f"real {real} < {args.min_real}")
    if failed:
        print("FAIL: " + "; ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
