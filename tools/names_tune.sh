#!/bin/sh
# tools/names_tune.sh — regenerates src/link/names_weights.c, the fitted
# alignment weights of the name matcher, from the hand-made table
# tools/names_weights.tsv and the even lines of the shared dev files (odd
# lines stay held out for bench/names.sh).  Deterministic.
# usage: sh tools/names_tune.sh [DATA_DIR] [extra names_tune options]
set -eu
DATA=${1:-${NAMES_DATA:-/work/shared/data/names}}
[ $# -gt 0 ] && shift
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
PKG="icu-uc icu-i18n"
# The tuner supplies its own (writable) weight table, so names_weights.c
# is left out of the build; the Han table and the gazetteer (names.c
# reads whole place names there) come with their tokenizer.
cc -O2 -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc \
  $(pkg-config --cflags $PKG) -o "$out/names_tune" tools/names_tune.c \
  src/link/names.c src/link/names_translit.c src/link/names_han.c src/link/names_whole.c \
  src/util/error.c src/util/utf8.c \
  src/analyze/gazetteer.c src/analyze/gazetteer_cldr.c src/analyze/gazetteer_extra.c \
  src/analyze/normalize.c src/analyze/tokenize.c src/analyze/stopwords.c \
  src/analyze/stopwords_data.c src/util/strmap.c src/util/grow.c \
  $(pkg-config --libs $PKG) -lstemmer -lpthread
"$out/names_tune" --half even --sweeps 30 --out src/link/names_weights.c "$@" \
  "$DATA/latin-arabic.dev.tsv" "$DATA/latin-russian.dev.tsv"
