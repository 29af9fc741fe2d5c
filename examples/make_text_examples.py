#!/usr/bin/env python3
"""Builds the two text examples of docs/CLI.md's "Classification results" (standard library only).

    python3 examples/make_text_examples.py words OUT.tsv [PER_LANGUAGE] [SEED]
        Words from Debian's word lists (packages wamerican, wngerman, wfrench, wspanish, witalian:
        /usr/share/dict/american-english, ngerman, french, spanish, italian), lower-cased; entries
        with an apostrophe, a digit or a space are dropped, and so is every word found in more than
        one list. PER_LANGUAGE (default 2000) words per language are drawn with random.Random(SEED)
        (default 1). Labels: en, de, fr, es, it.

    python3 examples/make_text_examples.py books PRIDE.txt RDATA.rdb OUT.tsv [PER_BOOK] [WORDS] [SEED]
        Passages of WORDS (default 30) consecutive words from Pride and Prejudice (PRIDE.txt, e.g.
        examples/data/pride_and_prejudice.txt) and Moby Dick, which Debian's r-cran-tokenizers ships
        as R data (RDATA.rdb = /usr/lib/R/site-library/tokenizers/data/Rdata.rdb: a 4-byte length,
        then zlib data whose longest text run is the Project Gutenberg ebook #2701; the Gutenberg
        header and licence are cut off). PER_BOOK (default 1500) passages per book are drawn with
        random.Random(SEED) (default 1). Labels: austen, melville.
"""
import random
import re
import sys
import zlib

LISTS = {"en": "american-english", "de": "ngerman", "fr": "french", "es": "spanish", "it": "italian"}


def words(out, per_language=2000, seed=1):
    found = {}
    for lang, name in LISTS.items():
        with open("/usr/share/dict/" + name, encoding="utf-8") as f:
            found[lang] = {w.strip().lower() for w in f if w.strip() and not re.search(r"['\d\s]", w.strip())}
    seen = {}
    for lang, ws in found.items():
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    rng = random.Random(seed)
    rows = []
    for lang in LISTS:
        unique = sorted(w for w in found[lang] if seen[w] == 1)
        rows += [(lang, w) for w in rng.sample(unique, per_language)]
    write(out, rows)


def moby_dick(rdb):
    with open(rdb, "rb") as f:
        data = zlib.decompress(f.read()[4:])
    text = max(re.findall(rb"[\x20-\x7e\n\r\t]{10000,}", data), key=len).decode("ascii")
    start = text.index("CHAPTER 1. Loomings.")
    end = text.index("End of Project Gutenberg")
    return text[start:end]


def passages(text, size):
    w = text.split()
    return [" ".join(w[i:i + size]) for i in range(0, len(w) - size + 1, size)]


def books(pride, rdb, out, per_book=1500, size=30, seed=1):
    with open(pride, encoding="utf-8") as f:
        austen = passages(f.read(), size)
    melville = passages(moby_dick(rdb), size)
    rng = random.Random(seed)
    rows = [("austen", p) for p in rng.sample(austen, per_book)] + [("melville", p) for p in rng.sample(melville, per_book)]
    write(out, rows)


def write(out, rows):
    with open(out, "w", encoding="utf-8") as f:
        f.write("id\tlabel\tsequence\n")
        for i, (label, seq) in enumerate(rows, 1):
            f.write(f"{i}\t{label}\t{seq}\n")


if __name__ == "__main__":
    a = sys.argv[1:]
    if a and a[0] == "words" and len(a) >= 2:
        words(a[1], *map(int, a[2:4]))
    elif a and a[0] == "books" and len(a) >= 4:
        books(a[1], a[2], a[3], *map(int, a[4:7]))
    else:
        sys.exit(__doc__)
