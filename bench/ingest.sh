#!/bin/sh
# bench/ingest.sh BIN — end-to-end ingest speed: every text of the
# news-similarity dev pairs (2,566 real articles in 10 languages) as JSON
# Lines records through `BIN ingest` into a fresh store, one core.
# Prints documents per second and the store's events, stories, entities.
# usage: sh bench/ingest.sh build/storyline [PAIRS.jsonl]
set -eu
BIN=${1:?usage: sh bench/ingest.sh BIN [PAIRS.jsonl]}
case $BIN in /*) ;; *) BIN="$PWD/$BIN" ;; esac
PAIRS=${2:-${SL_DATA:-../shared/data}/news-similarity/pairs.dev.jsonl}
[ -f "$PAIRS" ] || { echo "ingest bench: $PAIRS not found, skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
jq -c '{id: (.pair_id + "-1"), lang: .lang1, text: .text1}, {id: (.pair_id + "-2"), lang: .lang2, text: .text2}' \
  "$PAIRS" | awk '!seen[$0]++' > "$tmp/docs.jsonl"
n=$(wc -l < "$tmp/docs.jsonl")
pin=""
command -v taskset > /dev/null && pin="taskset -c 0"
t0=$(date +%s.%N)
$pin "$BIN" ingest --quiet --db "$tmp/b.db" "$tmp/docs.jsonl" 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
t1=$(date +%s.%N)
tail -n 1 "$tmp/err"
awk -v n="$n" -v a="$t0" -v b="$t1" 'BEGIN { printf "ingest: %d documents in %.2f s = %.0f docs/s (one core, fresh store)\n", n, b - a, n / (b - a) }'
python3 - "$tmp/b.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
q = lambda t: db.execute("SELECT count(*) FROM " + t).fetchone()[0]
print("store: %d documents, %d events, %d stories, %d entities" % (q("documents"), q("events"), q("stories"), q("entities")))
PY
