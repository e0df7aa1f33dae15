#!/usr/bin/env python3
"""Builds data/en/speech_verbs.txt, the verbs that can introduce a quotation.

Source: Debian package wordnet-base (/usr/share/wordnet), WordNet 3.0,
Copyright 2006 Princeton University, under the WordNet licence (redistribution
allowed with the copyright notice, which data/WORDNET-LICENSE carries).
Read the same way as scripts/make_synonyms.py.

Usage: python3 scripts/make_speech_verbs.py [/usr/share/wordnet] > data/en/speech_verbs.txt
       python3 scripts/make_speech_verbs.py --after [/usr/share/wordnet] > data/en/speech_verbs_after.txt
       python3 scripts/make_speech_verbs.py --perception [/usr/share/wordnet] > data/en/perception_verbs.txt

With --perception: verbs of perception, whose object may be the subject of a
speech verb after it ("Nelson heard people shout: '…'": the people spoke, not
Nelson): lemmas with a verb.perception sense (file 39) among their two most
frequent that is, or is a kind of, perceive, hear, listen, see, watch or observe
and takes an object (frame 8, 9 or 25), with their inflections; flags always `-`.

With --after: the verbs that report a quotation only right after it, with their
subject (`"…," Willoughby's letter continued.`): lemmas with a verb.communication
sense that takes frame 2 or 26 at any rank (so step 2 and the exclusions of step 4
do not apply: in that position "continue" can only mean "continue talking"), less
the verbs of the main list. Forms as below, flags always `-`. "Shrug" and "smile"
are not there: WordNet files them under verbs of the body, not of communication.

Which verbs (the filter, in order):
1. WordNet's verbs of communication: senses in lexicographer file 32
   (verb.communication), single-word lemmas only.
2. The communication sense is one of the lemma's two most frequent senses
   (WordNet orders senses by tagged frequency), so "add" (sense 2: "state or
   say further") is in and "recall" (sense 4: "summon to return") is out.
3. That sense can report words: its WordNet sentence frames include
   frame 26 "Somebody ----s that CLAUSE" (say, boast, acknowledge, demand) or
   frame 2 "Somebody ----s" (quip, joke, insist: `"…," he joked`).
   Feelings put into words count too: verb.emotion senses (file 37) that
   are kinds of "express_emotion" ("give verbal or other expression to
   one's feelings"): lament, laugh, cry.
4. Left out by name (EXCLUDE below): communication without words or by a
   device (gesture, nod, film, phone, fax …), activities that report no
   words (chair, mediate, investigate …), and words that are chiefly
   something else in running text: the modal "will", "mind", "point",
   "order", "record", "out" … Each such word would make the subject of an
   unrelated clause the speaker of the quotation after it.
5. Added by name (EXTRA below): senses of communication younger than
   WordNet 3.0 (2006): "tweet", "retweet", and "post" (on social media).

Forms: the lemma and its inflections: irregular forms from WordNet's
verb.exc (say -> said, tell -> told, write -> wrote/written), regular ones
by English spelling rules (-s/-es/-ies, -ed/-d/-ied, -ing with a dropped e;
a final consonant after a single vowel is also written doubled: admitted,
quipped, since stress cannot be told from spelling; the extra undoubled or
doubled form is harmless: it never occurs).

Output, after `#` comment lines, one line per form (sorted):
    form<TAB>lemma<TAB>flags
flags: `n` when the form is also a WordNet noun ("warning", "claim", "post"),
so a determiner before it reads it as a noun ("a stern warning"); `-` else.
"""
import collections
import sys

from wordnet_index import load_index

AFTER = "--after" in sys.argv[1:]
PERCEPTION = "--perception" in sys.argv[1:]
ARGS = [a for a in sys.argv[1:] if a not in ("--after", "--perception")]
WN = ARGS[0] if ARGS else "/usr/share/wordnet"
COMMUNICATION = 32
PERCEPTION_FILE = 39
PERCEPTION_ROOTS = {"perceive", "hear", "listen", "see", "watch", "observe"}
EMOTION = 37
SENSES = 2
FRAMES = {2, 26}

EXCLUDE = set("""
will mind point order record out except project rest continue proceed push scrap mash
succumb pause bet guess suppose suspect ignore disregard arrange weigh bare plain pipe swan
gas evidence exact counter sham unwrap wire cable chair mediate moderate consult compromise
bargain investigate probe spy snoop pry sleuth network dial phone telephone fax telefax
film photograph tape videotape type typewrite sign signal signalise signalize motion
gesture gesticulate nod wave flag beckon curtsy salaam semaphore fingerspell backspace
telecommunicate intercommunicate telepathise telepathize heliograph telegraph facsimile
dj podcast sportscast stet trump teach mentor lecture burst
""".split())
EXTRA = {"tweet", "retweet", "post"}


def load_synsets():
    """offset -> (lexfile, {word: set of frames}, hypernym offsets, words)"""
    out = {}
    with open(f"{WN}/data.verb", encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split(" | ")[0].split()
            off, lex, wc = f[0], int(f[1]), int(f[3], 16)
            words = [f[4 + 2 * i].lower() for i in range(wc)]
            k = 4 + 2 * wc
            hypernyms = {f[k + 2 + 4 * i] for i in range(int(f[k])) if f[k + 1 + 4 * i] == "@"}
            k += 1 + 4 * int(f[k])
            frames = collections.defaultdict(set)
            for i in range(int(f[k])):
                _, fn, wn = f[k + 1 + 3 * i:k + 4 + 3 * i]
                frames[int(wn, 16)].add(int(fn))
            frames = {w: frames[0] | frames[i + 1] for i, w in enumerate(words)}
            out[off] = (lex, frames, hypernyms, words)
    return out



def speech_lemmas(synsets, verbs):
    keep = set(EXTRA)
    express_emotion = {off for off, s in synsets.items() if "express_emotion" in s[3]}
    for lemma, offs in verbs.items():
        if not lemma.isalpha() or lemma in EXCLUDE:
            continue
        for off in offs[:SENSES]:
            lex, frames, hypernyms, _ = synsets[off]
            spoken = lex == COMMUNICATION and frames.get(lemma, set()) & FRAMES
            if spoken or (lex == EMOTION and hypernyms & express_emotion):
                keep.add(lemma)
                break
    return keep


def after_lemmas(synsets, verbs, main):
    keep = set()
    for lemma, offs in verbs.items():
        if not lemma.isalpha() or lemma in main:
            continue
        for off in offs:
            lex, frames, _, _ = synsets[off]
            if lex == COMMUNICATION and frames.get(lemma, set()) & FRAMES:
                keep.add(lemma)
                break
    return keep


def perception_lemmas(synsets, verbs):
    roots = {off for off, s in synsets.items()
             if s[0] == PERCEPTION_FILE and s[3][0] in PERCEPTION_ROOTS}

    def ancestors(off):
        seen, stack = {off}, [off]
        while stack:
            for h in synsets[stack.pop()][2]:
                if h not in seen:
                    seen.add(h)
                    stack.append(h)
        return seen

    keep = set()
    for lemma, offs in verbs.items():
        if not lemma.isalpha():
            continue
        for off in offs[:SENSES]:
            lex, frames, _, _ = synsets[off]
            if lex == PERCEPTION_FILE and ancestors(off) & roots and frames.get(lemma, set()) & {8, 9, 25}:
                keep.add(lemma)
                break
    return keep


def irregular():
    forms = collections.defaultdict(set)
    with open(f"{WN}/verb.exc", encoding="latin-1") as fh:
        for line in fh:
            f = line.split()
            if len(f) >= 2 and f[0].isalpha():
                for lemma in f[1:]:
                    forms[lemma].add(f[0])
    return forms


VOWELS = set("aeiou")


def regular(lemma):
    out = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if lemma.endswith("e"):
        out |= {lemma + "d", (lemma[:-1] if not lemma.endswith(("ee", "ye", "oe")) else lemma) + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        out |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        out |= {lemma + "ed", lemma + "ing"}
        last = lemma[-1]
        if (len(lemma) >= 3 and last not in VOWELS and last not in "wxy"
                and lemma[-2] in VOWELS and lemma[-3] not in VOWELS):
            out |= {lemma + last + "ed", lemma + last + "ing"}
    return out


def print_table(header, rows):
    """Prints the comment lines of `header`, then one `form<TAB>lemma<TAB>flag`
    line per form, in order."""
    for line in header:
        print(line)
    for form in sorted(rows):
        lemma, flag = rows[form]
        print(f"{form}\t{lemma}\t{flag}")


def main():
    synsets = load_synsets()
    verbs = load_index(WN, "verb")
    nouns = set(load_index(WN, "noun"))
    irr = irregular()
    rows = {}
    if PERCEPTION:
        for lemma in sorted(perception_lemmas(synsets, verbs)):
            for form in sorted(regular(lemma) | irr.get(lemma, set())):
                rows.setdefault(form, (lemma, "-"))
        print_table(
            [
                "# Perception verbs: verbs whose object may be the subject of a speech verb after it",
                "# (\"X heard people shout: ...\"), with their inflections.",
                "# Origin: generated by scripts/make_speech_verbs.py --perception from WordNet 3.0",
                "# (Debian wordnet-base; licence in data/WORDNET-LICENSE): verb.perception senses among",
                "# a lemma's two most frequent, kinds of perceive, hear, listen, see, watch or observe,",
                "# taking an object. Do not edit by hand.",
                "# form<TAB>lemma<TAB>-",
            ],
            rows,
        )
        return
    lemmas = speech_lemmas(synsets, verbs)
    if AFTER:
        main_forms = {f for l in lemmas for f in regular(l) | irr.get(l, set())}
        for lemma in sorted(after_lemmas(synsets, verbs, lemmas)):
            for form in sorted(regular(lemma) | irr.get(lemma, set())):
                if form not in main_forms:
                    rows.setdefault(form, (lemma, "-"))
        print_table(
            [
                "# Speech verbs after a quotation: verbs that report a quotation only right after",
                "# it, with their subject (\"...,\" X continued.), with their inflections.",
                "# Origin: generated by scripts/make_speech_verbs.py --after from WordNet 3.0",
                "# (Debian wordnet-base; licence in data/WORDNET-LICENSE): verbs with a",
                "# verb.communication sense of any rank taking 'Somebody ----s' or 'Somebody ----s",
                "# that CLAUSE', less those of speech_verbs.txt. Do not edit by hand.",
                "# form<TAB>lemma<TAB>-",
            ],
            rows,
        )
        return
    for lemma in sorted(lemmas):
        for form in sorted(regular(lemma) | irr.get(lemma, set())):
            rows.setdefault(form, (lemma, "n" if form in nouns else "-"))
    print_table(
        [
            "# Speech verbs: verbs that can introduce a quotation, with their inflections.",
            "# Generated by scripts/make_speech_verbs.py from WordNet 3.0 (Debian wordnet-base;",
            "# licence in data/WORDNET-LICENSE): verb.communication senses among a lemma's two",
            "# most frequent, with the sentence frame 'Somebody ----s that CLAUSE' or 'Somebody",
            "# ----s', and feelings put into words (express_emotion); see the script for the",
            "# exclusions and additions. Do not edit by hand.",
            "# form<TAB>lemma<TAB>n if the form is also a noun, else -",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
