#!/usr/bin/env python3
"""names_fullnames_fmr — the false-match rate of `storyline names` on the
hand-made full names (bench/data/fullnames*.tsv) scored as the issue scores
the dev files: each true pair's Latin name against the native names of 10
other true pairs of the same language (fixed seed), by type.

usage: names_fullnames_fmr.py BIN FILE.tsv...
"""
import random
import subprocess
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rows = []
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#"):
                    continue
                p = line.rstrip("\n").split("\t")
                if len(p) >= 5 and p[4] == "1":
                    rows.append(p)
    rng = random.Random(7)
    pairs = []
    for i, r in enumerate(rows):
        others = [j for j, q in enumerate(rows) if q[1] == r[1] and j != i and q[3] != r[3]]
        for j in rng.sample(others, min(10, len(others))):
            pairs.append((r[0], r[2], rows[j][3]))
    text = "".join(f"{a}\t{b}\n" for _, a, b in pairs)
    out = subprocess.run([sys.argv[1], "names"], input=text, capture_output=True,
                         text=True, check=True).stdout.splitlines()
    by = {}
    for (kind, _, _), line in zip(pairs, out):
        n = by.setdefault(kind, [0, 0])
        n[0] += 1
        n[1] += line.endswith("\t1")
    total = sum(v[0] for v in by.values())
    matched = sum(v[1] for v in by.values())
    kinds = ", ".join(f"{k} {v[1]}/{v[0]}" for k, v in sorted(by.items()))
    print(f"fullnames random partners: FMR {matched}/{total} = {matched / max(total, 1):.4f} ({kinds})")


if __name__ == "__main__":
    main()
