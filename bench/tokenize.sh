#!/bin/sh
# Throughput of tokenize (+ stemming, stopwords) and langid on the
# news-similarity dev pairs (one text per line, with its gold language).
# usage: bench/tokenize.sh [BUILD_DIR] [PAIRS.jsonl]   (run from repo root)
set -eu
BUILD=${1:-build}
PAIRS=${2:-/work/shared/data/news-similarity/pairs.dev.jsonl}
LIB="$BUILD/libstoryline.a"
[ -f "$LIB" ] || { echo "tokenize.sh: build $LIB first (make BUILD=$BUILD $LIB)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jq -r '(.lang1 + "\t" + (.text1 | gsub("[\t\n]"; " "))), (.lang2 + "\t" + (.text2 | gsub("[\t\n]"; " ")))' \
  "$PAIRS" > "$tmp/corpus.tsv"
cc -std=c11 -O2 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
  bench/tokenize_bench.c "$LIB" \
  $(pkg-config --libs icu-uc icu-i18n libexttextcat) -lstemmer -o "$tmp/bench"
"$tmp/bench" "$tmp/corpus.tsv" 3
