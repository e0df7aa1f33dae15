#!/usr/bin/env python3
"""Builds data/en/role_nouns.txt, the nouns that name a person by a role.

Source: Debian package wordnet-base (/usr/share/wordnet), WordNet 3.0,
Copyright 2006 Princeton University, under the WordNet licence (redistribution
allowed with the copyright notice, which data/WORDNET-LICENSE carries).
Read the same way as scripts/make_speech_verbs.py.

Usage: python3 scripts/make_role_nouns.py [/usr/share/wordnet] > data/en/role_nouns.txt
       python3 scripts/make_role_nouns.py --person [/usr/share/wordnet] > data/en/person_nouns.tsv

Speaker detection reads "a spokesman said", "said the company's director",
"Ana Lima, a resident, said": a role noun heads a phrase that stands for a
person. Which nouns (the filter, in order):
1. WordNet's nouns of persons: lexicographer file 18 (noun.person),
   single-word lemmas only.
2. The person sense is the lemma's most frequent noun sense (WordNet orders
   senses by tagged frequency), so "director" and "witness" are in, and
   "head" (a body part first), "source" (a beginning first) are out.
3. Written in lower case in WordNet: proper names ("Lincoln") and
   nationalities ("Texan") are capitalised, and a capitalised word is read
   as a name, not a role.
4. Not glossed as a slur or an offensive or disparaging term.
5. A role, not any person: that sense is (a hyponym of) one of the ROOTS
   below, the persons defined by work, office, expertise, speaking for
   others, taking a side, or living or being somewhere (worker, leader,
   expert, professional, communicator, advocate, representative, resident,
   witness …). All nouns of persons (5,800) was tried first: "senior",
   "feller" and "have"-like fragments then head role phrases and moved
   107 of 2,040 ECB+ quotations' speakers, most for the worse.
6. Added by name (EXTRA below): "person" (WordNet files it under noun.Tops),
   "man", "woman" and "engineer" (direct hyponyms of person, adult),
   "neighbor" and its British spelling "neighbour" (a direct hyponym of
   person: "a neighbour said", "One said:" after "neighbours"),
   "source" in its news sense ("a source said"; WordNet's person sense of
   "source" is not its first) and "ceo" (an initialism WordNet files under
   chief_executive_officer, with the lemma "CEO").

Forms: the lemma and its plural: irregular plurals from WordNet's noun.exc
(man -> men, spokesman -> spokesmen), regular ones by English spelling rules.

Output, after `#` comment lines, one line per form (sorted):
    form<TAB>lemma

With --person: every noun of persons (filters 1-4 and EXTRA, without 5), for
one use only: an indefinite noun phrase opening the sentence just before a
pronoun's quotation ("one Mac customer ... was sceptical. '...,' he said")
names the speaker. Never read as a role head elsewhere (filter 5 is why).
Each form with its lemma and the gender the noun gives its person: "f" when
the sense is a hyponym of female (female person) or woman, "m" of male (male
person) or man; failing both, when its definition (the gloss before any
";") has the word female, woman or girl ("mother: a woman who has given
birth"), or male, man or boy ("king: a male sovereign"); "-" otherwise or
when both:
    form<TAB>lemma<TAB>gender
"""
import re
import sys

from wordnet_index import load_index

PERSON_FLAG = "--person" in sys.argv[1:]
ARGS = [a for a in sys.argv[1:] if a != "--person"]
WN = ARGS[0] if ARGS else "/usr/share/wordnet"
PERSON = 18
EXTRA = {"person", "man", "woman", "engineer", "neighbor", "neighbour", "source", "ceo"}
ROOTS = {
    "worker", "leader", "expert", "professional", "communicator", "advocate",
    "adjudicator", "lawman", "scientist", "intellectual", "associate", "inhabitant",
    "witness", "dissenter", "demonstrator", "reformer", "planner", "representative",
    "politician", "official",
}
OFFENSIVE = ("slur", "offensive", "disparaging", "derogatory", "vulgar")
VOWELS = set("aeiou")


def load_synsets():
    """offset -> (lexfile, {lower-case lemma: lemma as written}, gloss,
    hypernym offsets, first lemma)"""
    out = {}
    with open(f"{WN}/data.noun", encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            head, _, gloss = line.partition(" | ")
            f = head.split()
            off, lex, wc = f[0], int(f[1]), int(f[3], 16)
            written = {}
            for i in range(wc):
                w = f[4 + 2 * i]
                written.setdefault(w.lower(), w)
            k = 4 + 2 * wc
            hypernyms = {f[k + 2 + 4 * i] for i in range(int(f[k]))
                         if f[k + 1 + 4 * i] in ("@", "@i")}
            out[off] = (lex, written, gloss, hypernyms, f[4].lower())
    return out


def ancestors(synsets, off):
    """The first lemmas of a synset and of all its hypernyms."""
    seen, stack = {off}, [off]
    while stack:
        for h in synsets[stack.pop()][3]:
            if h not in seen:
                seen.add(h)
                stack.append(h)
    return {synsets[o][4] for o in seen}



def role_lemmas(synsets, index, every_person=False):
    keep = set(EXTRA)
    for lemma, offs in index.items():
        if not lemma.isalpha() or not offs:
            continue
        lex, written, gloss, _, _ = synsets[offs[0]]
        if lex != PERSON or not written.get(lemma, "").islower():
            continue
        if any(w in gloss for w in OFFENSIVE):
            continue
        if every_person or ancestors(synsets, offs[0]) & ROOTS:
            keep.add(lemma)
    return keep


def irregular():
    forms = {}
    with open(f"{WN}/noun.exc", encoding="latin-1") as fh:
        for line in fh:
            f = line.split()
            if len(f) >= 2 and f[0].isalpha():
                for lemma in f[1:]:
                    forms.setdefault(lemma, set()).add(f[0])
    return forms


def plural(lemma):
    if lemma.endswith("man") and not lemma.endswith(("human", "german", "shaman", "talisman")):
        return lemma[:-3] + "men"
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        return lemma[:-1] + "ies"
    return lemma + "s"


FEMALE = {"female", "woman"}
MALE = {"male", "man"}


def gender(synsets, index, lemma):
    """'f', 'm' or '-': what the lemma's first sense says of its person."""
    offs = index.get(lemma)
    if not offs:
        return "-"
    up = ancestors(synsets, offs[0])
    gloss = set(re.findall(r"[a-z]+", synsets[offs[0]][2].split(";")[0].lower()))
    f, m = bool(up & FEMALE), bool(up & MALE)
    if not (f or m):
        f, m = bool(gloss & (FEMALE | {"girl"})), bool(gloss & (MALE | {"boy"}))
    return "f" if f and not m else "m" if m and not f else "-"


def main_person():
    synsets = load_synsets()
    index = load_index(WN, "noun")
    irr = irregular()
    rows = {}
    for lemma in sorted(role_lemmas(synsets, index, every_person=True)):
        g = gender(synsets, index, lemma)
        for form in sorted({lemma} | irr.get(lemma, {plural(lemma)})):
            rows.setdefault(form, (lemma, g))
    print("# Person nouns: every noun that names a person, with its lemma and gender.")
    print("# Origin: generated by scripts/make_role_nouns.py --person from WordNet 3.0 (Debian")
    print("# wordnet-base; licence in data/WORDNET-LICENSE): lower-case single-word nouns")
    print("# whose most frequent sense is in noun.person (slurs left out), plus the role")
    print("# list's additions; gender f/m when that sense is a kind of female/woman or")
    print("# male/man. Used only for a pronoun after an indefinite person (\"one Mac")
    print("# customer ... he said\"), never as a role head. Do not edit by hand.")
    print("# form<TAB>lemma<TAB>gender")
    for form in sorted(rows):
        print(f"{form}\t{rows[form][0]}\t{rows[form][1]}")


def main():
    synsets = load_synsets()
    irr = irregular()
    rows = {}
    for lemma in sorted(role_lemmas(synsets, load_index(WN, "noun"))):
        for form in sorted({lemma} | irr.get(lemma, {plural(lemma)})):
            rows.setdefault(form, lemma)
    print("# Role nouns: nouns that name a person by a role, with their plurals.")
    print("# Origin: generated by scripts/make_role_nouns.py from WordNet 3.0 (Debian")
    print("# wordnet-base; licence in data/WORDNET-LICENSE): lower-case single-word nouns")
    print("# whose most frequent sense is a role in noun.person (a kind of worker, leader,")
    print("# expert, representative, resident …; slurs left out), plus person, man, woman,")
    print("# engineer, neighbo(u)r, source and ceo; see the script. Do not edit by hand.")
    print("# form<TAB>lemma")
    for form in sorted(rows):
        print(f"{form}\t{rows[form]}")


if __name__ == "__main__":
    main_person() if PERSON_FLAG else main()
