#!/usr/bin/env python3
"""Builds data/synonyms.tsv, Parallax's compact synonym table, from WordNet 3.0.

Source: Debian package wordnet-base (/usr/share/wordnet), WordNet 3.0,
Copyright 2006 Princeton University, under the WordNet licence (redistribution
allowed with the copyright notice, which data/WORDNET-LICENSE carries).

Usage: python3 scripts/make_synonyms.py [/usr/share/wordnet] > data/synonyms.tsv

Output, one line per word (lower-case, single-word lemmas only):
    word<TAB>concept concept ...
A concept is a synset id (`v2473431`) for one of the word's most frequent senses
(the senses WordNet ranks first by their tagged frequency, at most three), or
`^id` for the direct hypernym of such a sense ("assassinate" is a kind of
"murder"), left out when that hypernym is very general (more than MAX_HYPONYMS
direct hyponyms: "act", "change"), since those link unrelated words.
Lines `=word<TAB>target` are pertainyms of adjectives ("israeli" -> "israel"),
so a demonym and its country count as one name.
Only lemmas with at least one sense seen in WordNet's tagged corpus (cntlist)
are kept, and every verb: rare nouns are names or terms whose exact match
matters anyway, while news paraphrase lives in its verbs ("assassinate").
"""
import collections
import sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
POS = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
MAX_SENSES = 3
MAX_HYPONYMS = 40


def norm_pos(p):
    return "a" if p == "s" else p


def load_data():
    data = {}
    for p, name in POS.items():
        with open(f"{WN}/data.{name}", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                f = line.split(" | ")[0].split()
                off, wc = f[0], int(f[3], 16)
                words = [f[4 + 2 * i].lower() for i in range(wc)]
                k = 4 + 2 * wc
                pc = int(f[k])
                ptrs = []
                for i in range(pc):
                    sym, o, pp, st = f[k + 1 + 4 * i:k + 5 + 4 * i]
                    ptrs.append((sym, norm_pos(pp), o, st))
                data[(p, off)] = (words, ptrs)
    return data


def load_index():
    idx = collections.defaultdict(list)
    for p, name in POS.items():
        with open(f"{WN}/index.{name}", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                f = line.split()
                lemma, pc = f[0], int(f[3])
                rest = f[4 + pc:]
                sense_cnt, tagsense_cnt = int(rest[0]), int(rest[1])
                idx[lemma].append((p, rest[2:2 + sense_cnt], tagsense_cnt))
    return idx


def main():
    data = load_data()
    idx = load_index()
    hyponyms = collections.Counter()
    for key, (_, ptrs) in data.items():
        for sym, pp, o, _ in ptrs:
            if sym in ("@", "@i"):
                hyponyms[(pp, o)] += 1
    out = []
    aliases = []
    for lemma in sorted(idx):
        if not lemma.isalpha():
            continue
        concepts = []
        tagged_any = False
        for p, offs, tagged in idx[lemma]:
            tagged_any |= tagged > 0 or p == "v"
            for off in offs[:max(1, min(MAX_SENSES, tagged))]:
                concepts.append(f"{p}{int(off)}")
                for sym, pp, o, _ in data[(p, off)][1]:
                    if sym in ("@", "@i") and hyponyms[(pp, o)] <= MAX_HYPONYMS:
                        concepts.append(f"^{pp}{int(o)}")
            if p == "a":
                for off in offs[:1]:
                    for sym, pp, o, st in data[(p, off)][1]:
                        if sym == "\\" and pp == "n":
                            target = data[(pp, o)][0][int(st[2:], 16) - 1]
                            if target.isalpha() and target != lemma:
                                aliases.append((lemma, target))
        if tagged_any and concepts:
            seen = []
            for c in concepts:
                if c not in seen:
                    seen.append(c)
            out.append(f"{lemma}\t{' '.join(seen)}")
    for a, t in sorted(set(aliases)):
        out.append(f"={a}\t{t}")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
