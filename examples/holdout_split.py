#!/usr/bin/env python3
"""Stratified, seeded hold-out split of a labelled TSV (header with a 'label' column).

    python3 examples/holdout_split.py examples/data/splice_train.tsv 0.2 1 /tmp/splice1

writes /tmp/splice1/train.tsv and /tmp/splice1/test.tsv: from each class, round(n * FRACTION)
rows (chosen by Python's random.Random(SEED)) go to test.tsv, the rest to train.tsv, both in
the original order. Only the standard library is used, so the split is the same everywhere.
"""
import os
import random
import sys


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: holdout_split.py FILE.tsv FRACTION SEED OUTDIR")
    path, fraction, seed, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    with open(path, encoding="utf-8") as f:
        header, *rows = f.read().splitlines()
    label = header.split("\t").index("label")
    by_class = {}
    for i, r in enumerate(rows):
        by_class.setdefault(r.split("\t")[label], []).append(i)
    rng = random.Random(seed)
    test = set()
    for c in sorted(by_class):
        idx = by_class[c]
        test.update(rng.sample(idx, round(len(idx) * fraction)))
    os.makedirs(out, exist_ok=True)
    for name, keep in (("train.tsv", False), ("test.tsv", True)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(header + "\n")
            f.writelines(r + "\n" for i, r in enumerate(rows) if (i in test) == keep)


if __name__ == "__main__":
    main()
