#!/usr/bin/env python3
"""names_eval — recall and false-match rate of `storyline names` on a file
of true name pairs (header `latin<TAB>native`, one pair per line).

recall = share of true pairs (latin_i, native_i) with SAME=1;
false-match rate (FMR) = share with SAME=1 of 10 random partners per true
pair (latin_i, native_j), j another row drawn with a fixed seed.
Every row counts, noise rows included.  Also prints the recall at the
threshold where FMR would be 0.005, to help tuning, and with --blocks the
share of matched true pairs (SAME=1) that share a blocking code (`names
--keys`), i.e. the recall of the entity linker's candidate index.

usage: names_eval.py BIN FILE.tsv [--half even|odd|all] [--misses N]
                     [--threshold X] [--seed S] [--write-pairs OUT] [--blocks]
                     [--words K [--partial|--initials|--shared-first]]
"""
import argparse
import random
import subprocess
import sys


def load(path, half):
    rows = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for k, line in enumerate(f):
            if k == 0:
                continue  # header
            line = line.rstrip("\n").rstrip("\r")
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            if half == "even" and k % 2:
                continue
            if half == "odd" and not k % 2:
                continue
            rows.append((parts[0].replace("\t", " "), parts[1].replace("\t", " ")))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bin")
    ap.add_argument("tsv")
    ap.add_argument("--half", default="all", choices=["even", "odd", "all"])
    ap.add_argument("--misses", type=int, default=0, help="print N misses and N false matches")
    ap.add_argument("--threshold", default=None)
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--write-pairs", metavar="OUT", help="only write the pairs to OUT")
    ap.add_argument("--blocks", action="store_true", help="measure blocking-code recall")
    ap.add_argument("--words", type=int, default=1,
                    help="join K random rows into K-word names (a full-name proxy)")
    ap.add_argument("--shared-first", action="store_true",
                    help="with --words K: partners share the true pair's first word"
                         " (Mohammed X vs Mohammed Y, the hardest false matches)")
    ap.add_argument("--initials", action="store_true",
                    help="with --words K: one side writes all but the last word as initials"
                         " (V. Putin / Владимир Путин, sides alternating; Latin side only"
                         " against Arabic script, which writes none)")
    ap.add_argument("--partial", action="store_true",
                    help="with --words K: one side keeps only the last word"
                         " (full name vs family name, sides alternating)")
    a = ap.parse_args()
    rows = load(a.tsv, a.half)
    rnd = random.Random(a.seed)
    if a.words > 1:
        order = list(range(len(rows)))
        rnd.shuffle(order)
        groups = [order[k:k + a.words] for k in range(0, len(order) - a.words + 1, a.words)]
        first = {k: rows[grp[0]][1] for k, grp in enumerate(groups)}
        def initials(words):
            return " ".join([w[0] + "." for w in words[:-1] if w] + words[-1:])

        def abjad(name):  # Arabic and Hebrew script write no initials
            return any("\u0590" <= ch <= "\u08ff" for ch in name)
        if a.initials:
            rows = [(initials([rows[g][0] for g in grp]), " ".join(rows[g][1] for g in grp))
                    if k % 2 == 0 or abjad(rows[grp[-1]][1]) else
                    (" ".join(rows[g][0] for g in grp), initials([rows[g][1] for g in grp]))
                    for k, grp in enumerate(groups)]
        elif a.partial:
            # "Vladimir Putin" / "Путин" and "Putin" / "Владимир Путин"
            rows = [(" ".join(rows[g][0] for g in grp), rows[grp[-1]][1]) if k % 2 == 0 else
                    (rows[grp[-1]][0], " ".join(rows[g][1] for g in grp))
                    for k, grp in enumerate(groups)]
        else:
            rows = [(" ".join(rows[g][0] for g in grp), " ".join(rows[g][1] for g in grp))
                    for grp in groups]
    n = len(rows)
    pairs = []
    for i, (lat, nat) in enumerate(rows):
        pairs.append((lat, nat))
        for _ in range(10):
            j = rnd.randrange(n - 1)
            if j >= i:
                j += 1
            if a.shared_first and a.words > 1:
                # the other name's native words after its first, behind ours
                rest = rows[j][1].split(" ", 1)[1] if " " in rows[j][1] else rows[j][1]
                pairs.append((lat, first[i] + " " + rest))
            else:
                pairs.append((lat, rows[j][1]))
    inp = "".join(f"{x}\t{y}\n" for x, y in pairs).encode("utf-8")
    if a.write_pairs:
        with open(a.write_pairs, "wb") as f:
            f.write(inp)
        return
    cmd = [a.bin, "names"] + (["--threshold", a.threshold] if a.threshold else [])
    out = subprocess.run(cmd, input=inp, stdout=subprocess.PIPE, check=True).stdout
    lines = out.decode("utf-8").split("\n")[:-1]
    if len(lines) != len(pairs):
        sys.exit(f"names_eval: {len(pairs)} pairs in, {len(lines)} lines out")
    tp = fp = 0
    tscores, fscores, miss, fm = [], [], [], []
    for k, line in enumerate(lines):
        f = line.split("\t")
        s, same = float(f[-2]), f[-1] == "1"
        if k % 11 == 0:
            tp += same
            tscores.append(s)
            if not same:
                miss.append(line)
        else:
            fp += same
            fscores.append(s)
            if same:
                fm.append(line)
    recall = tp / n
    fmr = fp / (10 * n)
    fs = sorted(fscores, reverse=True)
    t5 = fs[int(0.005 * len(fs))]  # scores above this: FMR <= 0.005
    r5 = sum(1 for s in tscores if s > t5) / n
    words = f", {a.words}-word names" if a.words > 1 else ""
    words += " vs their last word" if a.partial and a.words > 1 else ""
    words += ", one side with initials" if a.initials and a.words > 1 else ""
    words += ", partners share the first word" if a.shared_first and a.words > 1 else ""
    print(f"{a.tsv} ({a.half}{words}, {n} pairs): recall {recall:.4f}  FMR {fmr:.4f}"
          f"  | at FMR 0.005: threshold >{t5:.4f} recall {r5:.4f}")
    if a.blocks:
        names = sorted({x for x, _ in rows} | {y for _, y in rows})
        kin = "".join(f"{x}\n" for x in names).encode("utf-8")
        kout = subprocess.run([a.bin, "names", "--keys"], input=kin, stdout=subprocess.PIPE,
                              check=True).stdout.decode("utf-8").split("\n")[:-1]
        codes = {}
        for x, line in zip(names, kout):
            codes[x] = set(line.split("\t")[-1].split())
        matched = [k for k in range(n) if lines[11 * k].split("\t")[-1] == "1"]
        shared = sum(1 for k in matched if codes[rows[k][0]] & codes[rows[k][1]])
        sizes = {}
        for x in (y for _, y in rows):
            for c in codes[x]:
                sizes[c] = sizes.get(c, 0) + 1
        avg = sum(sizes.get(c, 0) for x, _ in rows for c in codes[x]) / max(1, n)
        print(f"  blocking codes: {shared / max(1, len(matched)):.4f} of matched pairs share one;"
              f" a name meets {avg:.0f} of {n} candidates ({avg / max(1, n):.3f})")
    if a.misses:
        rnd2 = random.Random(1)
        for line in rnd2.sample(miss, min(a.misses, len(miss))):
            print("MISS\t" + line)
        for line in rnd2.sample(fm, min(a.misses, len(fm))):
            print("FALSE\t" + line)


if __name__ == "__main__":
    main()
