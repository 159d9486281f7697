#!/bin/sh
# bench/names.sh BIN — quality and speed of `BIN names` (issue 4).
# Quality: recall and false-match rate (10 random partners per true pair,
# fixed seed) on the shared dev files, whole and by halves (even lines were
# used for tuning, odd lines are held out), and on names of 2-3 words joined
# from random odd rows (a proxy for full names, also against one word).  Speed: >= 1M pairs through
# `BIN names` on one core, timed, as pairs per second.
# usage: sh bench/names.sh build/storyline [DATA_DIR]
set -eu
BIN=${1:?usage: sh bench/names.sh BIN [DATA_DIR]}
case $BIN in /*) ;; *) BIN="$PWD/$BIN" ;; esac
DATA=${2:-${NAMES_DATA:-/work/shared/data/names}}
HERE=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for f in "$DATA"/latin-*.tsv; do
  [ -f "$f" ] || continue
  python3 "$HERE/names_eval.py" "$BIN" "$f" --half all --blocks
  for half in even odd; do
    python3 "$HERE/names_eval.py" "$BIN" "$f" --half "$half"
  done
  # full-name proxies, held-out lines only: 2 and 3 words joined from
  # random rows, a full name against its last word or with initials (V. V.
  # Putin / Vladimir Vladimirovich Putin), and the hard case of
  # partners that share the true name's first word (Mohammed X / Mohammed Y)
  for w in 2 3; do
    python3 "$HERE/names_eval.py" "$BIN" "$f" --half odd --words "$w"
  done
  python3 "$HERE/names_eval.py" "$BIN" "$f" --half odd --words 2 --partial
  python3 "$HERE/names_eval.py" "$BIN" "$f" --half odd --words 3 --initials
  python3 "$HERE/names_eval.py" "$BIN" "$f" --half odd --words 2 --shared-first
  python3 "$HERE/names_eval.py" "$BIN" "$f" --write-pairs "$tmp/$(basename "$f").pairs"
done

# hand-made typed full names (persons, places, organisations), apart from
# the dev files: a regression check, never a tuning target
for f in "$HERE"/data/fullnames*.tsv; do
  [ -f "$f" ] && sh "$HERE/names_fullnames.sh" "$BIN" "$f" | sed "s|^|$(basename "$f"): |"
done
# ... and their true pairs with random partners, as the dev files are scored
python3 "$HERE/names_fullnames_fmr.py" "$BIN" "$HERE"/data/fullnames*.tsv

# throughput: every generated pair, repeated until there are >= 1M
if ! ls "$tmp"/*.tsv.pairs > /dev/null 2>&1; then
  echo "names bench: no latin-*.tsv in $DATA, skipped"
  exit 0
fi
: > "$tmp/all.pairs"
n=0
while [ "$n" -lt 1000000 ]; do
  cat "$tmp"/*.tsv.pairs >> "$tmp/all.pairs"
  n=$(wc -l < "$tmp/all.pairs")
  [ "$n" -gt 0 ] || { echo "names bench: no data in $DATA" >&2; exit 1; }
done
python3 - "$BIN" "$tmp/all.pairs" "$n" <<'PY'
import subprocess, sys, time
bin_, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, "rb") as f:
    t0 = time.perf_counter()
    subprocess.run(["taskset", "-c", "0", bin_, "names"] if subprocess.run(
        ["sh", "-c", "command -v taskset"], capture_output=True).returncode == 0 else [bin_, "names"],
        stdin=f, stdout=subprocess.DEVNULL, check=True)
    dt = time.perf_counter() - t0
print(f"names throughput: {n} pairs in {dt:.2f} s = {n / dt:,.0f} pairs/s (one core)")
PY
