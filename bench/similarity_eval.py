#!/usr/bin/env python3
"""similarity_eval — scores `storyline similarity --json` output against the
human labels of the news-similarity pairs.

usage: bench/similarity_eval.py PAIRS.jsonl OUTPUT.jsonl [--by-language] [--sweep]

Prints Pearson r between score and 5 - overall (all pairs, same-language,
cross-lingual, per language pair with --by-language or --sweep), and precision/recall of
same_event for overall <= 1.5 (same event) against overall >= 3
(different); --sweep also lists precision/recall at other thresholds.
"""
import json
import math
import sys


def pearson(xs, ys):
    n = len(xs)
    if n < 2:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")


def pr(rows, same_of):
    tp = fp = fn = 0
    for r, gold in rows:
        if gold <= 1.5:
            tp += same_of(r)
            fn += 1 - same_of(r)
        elif gold >= 3:
            fp += same_of(r)
    p = tp / (tp + fp) if tp + fp else float("nan")
    rc = tp / (tp + fn) if tp + fn else float("nan")
    return p, rc


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    rows, g = [], 0
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        # the output keeps input order; pair ids may repeat, skipped pairs are absent
        while g < len(gold) and str(gold[g]["pair_id"]) != r["pair_id"]:
            g += 1
        if g == len(gold):
            sys.exit("similarity_eval: output is not in the order of the pairs")
        rows.append((r, (gold[g]["overall"], gold[g]["lang1"], gold[g]["lang2"])))
        g += 1
    groups = {"all": rows,
              "same-language": [x for x in rows if x[1][1] == x[1][2]],
              "cross-lingual": [x for x in rows if x[1][1] != x[1][2]]}
    if "--sweep" in sys.argv or "--by-language" in sys.argv:
        pairs = sorted({(x[1][1], x[1][2]) for x in rows})
        for a, b in pairs:
            groups[a + "-" + b] = [x for x in rows if (x[1][1], x[1][2]) == (a, b)]
    print("scored %d of %d pairs" % (len(rows), len(gold)))
    for name, g in groups.items():
        r = pearson([x[0]["score"] for x in g], [5 - x[1][0] for x in g])
        print("pearson_r %-14s %.4f  (n=%d)" % (name, r, len(g)))
    lab = [(x[0], x[1][0]) for x in rows]
    p, rc = pr(lab, lambda r: r["same_event"])
    print("same_event precision %.4f recall %.4f  (overall<=1.5 vs >=3)" % (p, rc))
    if "--sweep" in sys.argv:
        for t in [i / 100 for i in range(5, 80, 2)]:
            p, rc = pr(lab, lambda r: 1 if r["score"] >= t else 0)
            print("  threshold %.2f precision %.4f recall %.4f" % (t, p, rc))


main()
