#!/usr/bin/env python3
"""Grades quotation speakers on MSR Paraphrase sentences (held-out text no
speaker rule was shaped on) against judgements made by reading.

    cargo run --release --example msrp_speakers -- ../shared/data/msrp > /tmp/msrp-speakers.tsv
    python3 scripts/msrp_speaker_check.py /tmp/msrp-speakers.tsv --half design [--verbose]
    python3 scripts/msrp_speaker_check.py /tmp/msrp-speakers.tsv --half report

Two halves by sentence key: `design` (keys starting 0 or 1) may be read to
design rules; `report` (keys starting 2 or 3) is held out and only graded.
A judged quotation now credited to the same speaker keeps its verdict; one
now unattributed counts as an abstention; one credited to someone else, or a
quotation credited now that was unattributed when judged, is listed as
unjudged (read it and add a line). Prints right, wrong, abstained, unjudged,
and the wrong share over the judged credited quotations.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures", "speakers")
HALVES = {"design": ("0", "1"), "report": ("2", "3")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("shown", help="output of examples/msrp_speakers.rs")
    ap.add_argument("--half", choices=sorted(HALVES), default="report")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--max-wrong", type=int)
    ap.add_argument("--min-right", type=int)
    args = ap.parse_args()
    judged = {}
    path = os.path.join(FIXTURES, f"msrp-{args.half}-judged.tsv")
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        key, speaker, quote, verdict, why = line.rstrip("\n").split("\t")
        judged[(key, quote)] = (speaker, verdict, why)
    right = wrong = abstained = 0
    unjudged = []
    for line in open(args.shown, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4 or not f[0].startswith(HALVES[args.half]):
            continue
        key, speaker, quote = f[0], f[1], f[2][:40]
        hit = judged.get((key, quote))
        if hit is None:
            if speaker != "-":
                unjudged.append(line.rstrip("\n"))
            continue
        if speaker == "-":
            abstained += 1
            if args.verbose:
                print(f"ABSTAINS {key} (was {hit[0]}, {hit[1]}): {quote}")
        elif speaker != hit[0]:
            unjudged.append(line.rstrip("\n"))
        elif hit[1] == "right":
            right += 1
        else:
            wrong += 1
            if args.verbose:
                print(f"WRONG {key} {speaker}: {quote} ({hit[2]})")
    for u in unjudged:
        print(f"UNJUDGED {u}")
    credited = right + wrong
    share = wrong / credited if credited else 0.0
    print(
        f"{args.half}: right {right}  wrong {wrong}  abstained {abstained}  "
        f"unjudged {len(unjudged)}  wrong share {share:.3f}"
    )
    failed = []
    if args.max_wrong is not None and wrong > args.max_wrong:
        failed.append(f"wrong {wrong} > {args.max_wrong}")
    if args.min_right is not None and right < args.min_right:
        failed.append(f"right {right} < {args.min_right}")
    if failed:
        print("FAIL: " + "; ".join(failed), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
