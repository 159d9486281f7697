#!/bin/sh
# tools/gen_gazetteer.sh — regenerates src/analyze/gazetteer_cldr.c, the
# CLDR place names asked of ICU (tools/gen_gazetteer.c).  Deterministic
# for a given ICU version.
# usage: sh tools/gen_gazetteer.sh
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
PKG="icu-uc icu-i18n"
cc -O2 -std=c11 -Wall -Wextra -D_DEFAULT_SOURCE $(pkg-config --cflags $PKG) \
  -o "$out/gen_gazetteer" tools/gen_gazetteer.c $(pkg-config --libs $PKG)
"$out/gen_gazetteer" > "$out/gazetteer_cldr.c"
mv "$out/gazetteer_cldr.c" src/analyze/gazetteer_cldr.c
