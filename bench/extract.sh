#!/bin/sh
# extract — article extraction benchmark: F1 and pages/s of
# `storyline extract` over the shared article-extraction pages, then the
# same for Readability.js (npm @mozilla/readability + jsdom, one node
# process) when node is available, and the speed ratio.  Single core
# (taskset -c 0 when present).  Prints to stdout; exits 0 unless our run
# failed.
#
# usage: bench/extract.sh [BIN] [DATA_DIR]
#   BIN       storyline binary (default build/storyline)
#   DATA_DIR  folder with html/*.html.gz and ground-truth.json (default
#             ../shared/data/article-extraction beside the repository,
#             or $SL_EXTRACT_DATA)
# Rates are pages per CPU second (user + sys), measured the same way for
# both, so that other load on the machine does not skew them.
# Environment: ROUNDS (our passes over the pages, default 5),
#              SKIP_READABILITY=1 to run ours only.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/build/storyline}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
DATA=${2:-${SL_EXTRACT_DATA:-}}
if [ -z "$DATA" ]; then
  for d in "$ROOT/../shared/data/article-extraction" /work/shared/data/article-extraction; do
    [ -d "$d" ] && { DATA=$d; break; }
  done
fi
[ -n "$DATA" ] && [ -d "$DATA/html" ] || { echo "extract bench: no data (set SL_EXTRACT_DATA)"; exit 0; }
SCORER=""
for s in "$DATA/../../tools/score_extraction.py" "$ROOT/../shared/tools/score_extraction.py" \
         /work/shared/tools/score_extraction.py; do
  [ -f "$s" ] && { SCORER=$s; break; }
done
ROUNDS=${ROUNDS:-5}
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT INT TERM
NPAGES=$(ls "$DATA"/html/*.html.gz | wc -l)

now() { date +%s.%N; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", n / (b - a) }'; }
f1() {
  if [ -n "$SCORER" ]; then
    python3 "$SCORER" "$DATA/ground-truth.json" "$1" | sed -n 's/.*F1 \([0-9.]*\).*/\1/p'
  else
    echo "n/a"
  fi
}

echo "article extraction: $NPAGES pages from $DATA, single core"
# ours: one process per round over all pages, as a user would run it
$PIN "$BIN" extract --json "$DATA"/html/*.html.gz > "$TMP/ours.jsonl"
# CPU seconds (user + sys) of the rounds, so other load does not skew them
cat > "$TMP/rounds.sh" <<EOS
r=0
while [ "\$r" -lt $ROUNDS ]; do
  $PIN "$BIN" extract --json "$DATA"/html/*.html.gz > /dev/null
  r=\$((r + 1))
done
EOS
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f "%U %S" -o "$TMP/cpu" sh "$TMP/rounds.sh"
  t0=0
  t1=$(awk '{ print $1 + $2 }' "$TMP/cpu")
else
  t0=$(now)
  sh "$TMP/rounds.sh"
  t1=$(now)
fi
OURS=$(rate $((NPAGES * ROUNDS)) "$t0" "$t1")
OURS_F1=$(f1 "$TMP/ours.jsonl")
[ -n "$SCORER" ] && python3 "$SCORER" "$DATA/ground-truth.json" "$TMP/ours.jsonl" | sed 's/^/storyline:   /'
echo "storyline:   F1 $OURS_F1, $OURS pages/s ($ROUNDS rounds)"

if [ "${SKIP_READABILITY:-0}" = 1 ] || ! command -v node >/dev/null 2>&1; then
  echo "readability: skipped (no node)"
  exit 0
fi
RD="$ROOT/bench/readability"
if [ ! -d "$RD/node_modules/@mozilla/readability" ] || [ ! -d "$RD/node_modules/jsdom" ]; then
  (cd "$RD" && npm install --no-audit --no-fund >/dev/null 2>&1) || {
    echo "readability: npm install failed, skipped"; exit 0; }
fi
$PIN node "$RD/run.js" "$DATA"/html/*.html.gz > "$TMP/readability.jsonl" 2> "$TMP/readability.err" || {
  echo "readability: failed"; cat "$TMP/readability.err"; exit 0; }
RS=$(sed -n 's/.*s, \([0-9.]*\) pages\/s.*/\1/p' "$TMP/readability.err")
RF1=$(f1 "$TMP/readability.jsonl")
[ -n "$SCORER" ] && python3 "$SCORER" "$DATA/ground-truth.json" "$TMP/readability.jsonl" | sed 's/^/readability: /'
echo "readability: F1 $RF1, $RS pages/s"
awk -v a="$OURS" -v b="$RS" 'BEGIN { if (b > 0) printf "speed ratio: %.1fx Readability.js\n", a / b }'
