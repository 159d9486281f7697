#!/bin/sh
# bench/similarity.sh BIN — quality and speed of `BIN similarity` (issue 5)
# on the labelled news-similarity dev pairs (SemEval-2022 Task 8; 10
# languages, a third cross-lingual).  Quality: Pearson r between score and
# 5 - overall (all pairs, same-language, cross-lingual, per language pair)
# and precision/recall of same_event for overall <= 1.5 (same event)
# against overall >= 3 (different).  Speed: CPU seconds (user + sys) of one
# single-threaded run over the pairs, as pairs per second, start-up included.
# Also the 5-fold cross-validated r of the weight fit (tools/fit_similarity.py),
# an estimate for unseen pairs, since the weights were fitted on these.
# usage: sh bench/similarity.sh build/storyline [PAIRS.jsonl]
set -eu
BIN=${1:?usage: sh bench/similarity.sh BIN [PAIRS.jsonl]}
case $BIN in /*) ;; *) BIN="$PWD/$BIN" ;; esac
PAIRS=${2:-${SIMILARITY_PAIRS:-/work/shared/data/news-similarity/pairs.dev.jsonl}}
HERE=$(cd "$(dirname "$0")" && pwd)
[ -f "$PAIRS" ] || { echo "similarity bench: no pairs at $PAIRS (skipped)"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

/usr/bin/time -f '%U %S' -o "$tmp/time" "$BIN" similarity --json < "$PAIRS" > "$tmp/out.jsonl" 2> "$tmp/err"
python3 "$HERE/similarity_eval.py" "$PAIRS" "$tmp/out.jsonl" --by-language
# the combination weights were fitted on these pairs: 5-fold cross-validation
# of the same fit estimates what unseen pairs from the same source give
python3 "$HERE/../tools/fit_similarity.py" "$PAIRS" "$tmp/out.jsonl" 2>&1 > /dev/null | sed 's/^/refit: /' 
n=$(wc -l < "$tmp/out.jsonl")
awk -v n="$n" '{ cpu = $1 + $2; printf "speed: %d pairs in %.2f s CPU = %.0f pairs/s (one core, start-up included)\n", n, cpu, (cpu > 0 ? n / cpu : 0) }' "$tmp/time"
# start-up alone: one zh-en pair loads every table a run needs (gazetteer,
# lexicons, the transliterators up to Han-Latin) and analyses two texts
grep -m 1 '"lang1": *"zh"' "$PAIRS" > "$tmp/one.jsonl" || head -n 1 "$PAIRS" > "$tmp/one.jsonl"
/usr/bin/time -f '%U %S' -o "$tmp/time1" "$BIN" similarity --json < "$tmp/one.jsonl" > /dev/null 2>&1 || true
awk '{ printf "start-up: %.2f s CPU for a one-pair run (included above)\n", $1 + $2 }' "$tmp/time1"
