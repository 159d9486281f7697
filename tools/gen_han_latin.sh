#!/bin/sh
# tools/gen_han_latin.sh — regenerates src/link/names_han.c, the Han
# characters' Latin readings asked of ICU (tools/gen_han_latin.c).
# Deterministic for a given ICU version.
# usage: sh tools/gen_han_latin.sh
set -eu
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT INT TERM
PKG="icu-uc icu-i18n"
cc -O2 -std=c11 -Wall -Wextra -D_DEFAULT_SOURCE $(pkg-config --cflags $PKG) \
  -o "$out/gen_han_latin" tools/gen_han_latin.c $(pkg-config --libs $PKG)
"$out/gen_han_latin" > "$out/names_han.c"
mv "$out/names_han.c" src/link/names_han.c
