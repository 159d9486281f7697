#!/bin/sh
# Throughput of the dates and numbers recognisers on the news-similarity
# dev pairs plus the seed articles (one document per line, with its gold
# language).  -v as third argument prints every date and number found.
# usage: bench/dates.sh [BUILD_DIR] [PAIRS.jsonl] [-v]   (run from repo root)
set -eu
BUILD=${1:-build}
PAIRS=${2:-/work/shared/data/news-similarity/pairs.dev.jsonl}
LIB="$BUILD/libstoryline.a"
[ -f "$LIB" ] || { echo "dates.sh: build $LIB first (make BUILD=$BUILD $LIB)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jq -r '(.lang1 + "\t" + (.text1 | gsub("[\t\n]"; " "))), (.lang2 + "\t" + (.text2 | gsub("[\t\n]"; " ")))' \
  "$PAIRS" > "$tmp/corpus.tsv"
for f in examples/seeds/*.txt; do
  case $(basename "$f") in 000_*|001_*) l=vi ;; 003_*) l=en ;; *) l=ar ;; esac
  printf '%s\t%s\n' "$l" "$(tr '\t\n' '  ' < "$f")" >> "$tmp/corpus.tsv"
done
cc -std=c11 -O2 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
  bench/dates_bench.c "$LIB" $(pkg-config --libs icu-uc icu-i18n) -lpthread -lm -o "$tmp/bench"
"$tmp/bench" "$tmp/corpus.tsv" 3 ${3:-}
