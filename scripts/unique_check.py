#!/usr/bin/env python3
"""Counts shown single-source claims that restate a fact other sources state too.

    python3 scripts/unique_check.py --site SITE --gold GOLD.json [GOLD.json ...] [--verbose]

SITE is a build whose stories the gold files describe (dev.sh's layout, the fixtures, the
sample). Each gold story is paired with its built story as score.py does (most shared
sources; score.py is imported from ../shared/eval, or from --score). Every shown claim of
kind "unique" is then read against the gold story:

- restated: its text satisfies a gold consensus item's predicates (score.py's pred_holds on
  the item's "all" and "none" word groups) and it matches no gold divergence side (a
  divergence the editor lists is a legitimate single-source claim or conflict side even when
  it also satisfies a consensus item: "200 casualties" adds a figure to a shared fact);
- gold: it matches a gold single-source divergence side whose sources are exactly its own
  (what score.py counts for divergence recall);
- other: neither (a claim the editor did not list; not judged here).

Prints per story and in total: shown, restated, gold, other, restated share = restated /
shown. A consensus item's predicates are loose (a few key words), so "restated" is an upper
bound on true restatements; --verbose lists each restated claim with the consensus item it
matched, to read. Standard library only.
"""
import argparse
import glob
import importlib.util
import json
import os
import sys

DUMP = None
HERE = os.path.dirname(os.path.abspath(__file__))


def load_score(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def check_story(score, gold, digest, smap, verbose):
    uniques = [d for d in digest.get("divergent", []) or [] if d.get("kind") == "unique"]
    counts = {"shown": 0, "restated": 0, "gold": 0, "other": 0}
    for d in uniques:
        for cl in d.get("claims", []) or []:
            counts["shown"] += 1
            texts = score.item_texts(cl)
            srcs = smap.of(cl)
            is_gold = any(
                gd.get("unique") and score.pred_holds(side, texts) and srcs == set(side["sources"])
                for gd in gold["divergent"]
                for side in gd["sides"]
            )
            any_side = any(
                score.pred_holds(side, texts) and srcs & set(side["sources"])
                for gd in gold["divergent"]
                for side in gd["sides"]
            )
            fact = next((f for f in gold["consensus"] if score.pred_holds(f, texts)), None)
            if DUMP is not None:
                kind = "gold" if is_gold else "restated" if fact is not None and not any_side else "other"
                DUMP.write(f"{kind}\t{cl.get('text', '')}\n")
            if is_gold:
                counts["gold"] += 1
            elif fact is not None and not any_side:
                counts["restated"] += 1
                if verbose:
                    print(f"  restated {fact['id']} ({fact['desc'][:60]}): {sorted(srcs)} {cl.get('text', '')[:160]!r}")
            else:
                counts["other"] += 1
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", required=True)
    ap.add_argument("--gold", required=True, nargs="+")
    ap.add_argument("--score", default=os.path.join(HERE, "..", "..", "shared", "eval", "score.py"))
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--dump", help="write each shown claim's class and text, tab-separated, to this file")
    args = ap.parse_args()
    global DUMP
    if args.dump:
        DUMP = open(args.dump, "w", encoding="utf-8")
    score = load_score(args.score)
    digests = score.load_digests(args.site)
    total = {"shown": 0, "restated": 0, "gold": 0, "other": 0}
    for path in args.gold:
        for g in sorted(glob.glob(path)) or [path]:
            gold = json.load(open(g, encoding="utf-8"))
            for gs in gold["stories"]:
                picked = score.pick_digest(digests, gs)
                if picked is None:
                    print(f"{gs['id']}: NOT FOUND")
                    continue
                if args.verbose:
                    print(f"story {gs['id']}")
                c = check_story(score, gs, picked[0], picked[1], args.verbose)
                share = c["restated"] / c["shown"] if c["shown"] else 0.0
                print(f"{gs['id'][:40]:40s} shown={c['shown']} restated={c['restated']} gold={c['gold']} "
                      f"other={c['other']} restated_share={share:.3f}")
                for k in total:
                    total[k] += c[k]
    share = total["restated"] / total["shown"] if total["shown"] else 0.0
    print(f"total shown={total['shown']} restated={total['restated']} gold={total['gold']} "
          f"other={total['other']} restated_share={share:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
