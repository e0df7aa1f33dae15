"""Reads a WordNet 3.0 index file (Debian package wordnet-base, /usr/share/wordnet):
every lemma of one part of speech with its synset offsets, most frequent sense first.
Shared by the make_*.py scripts that derive Parallax's word lists from WordNet.
"""


def load_index(wn, pos):
    """{lemma: [synset offset, ...]} from `wn`/index.`pos` ("noun", "verb")."""
    idx = {}
    with open(f"{wn}/index.{pos}", encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            f = line.split()
            pc = int(f[3])
            rest = f[4 + pc:]
            idx[f[0]] = rest[2:2 + int(rest[0])]
    return idx
