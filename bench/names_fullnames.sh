#!/bin/sh
# bench/names_fullnames.sh BIN [FILE] — the hand-made full-name regression
# set (bench/data/fullnames.tsv: typed person/place/organisation names
# written down by hand, see its header) through `BIN names`: per type and
# language, how many true pairs match and how many hard negatives do; with
# -v the misses.  A regression check, reported apart from the dev files.
set -eu
BIN=${1:?usage: sh bench/names_fullnames.sh BIN [FILE] [-v]}
HERE=$(cd "$(dirname "$0")" && pwd)
FILE=${2:-$HERE/data/fullnames.tsv}
VERBOSE=${3:-}
grep -v '^#' "$FILE" | awk -F'\t' 'NF >= 5' > "${TMPDIR:-/tmp}/fullnames.$$"
trap 'rm -f "${TMPDIR:-/tmp}/fullnames.$$"' EXIT INT TERM
cut -f3,4 "${TMPDIR:-/tmp}/fullnames.$$" | "$BIN" names |
  paste "${TMPDIR:-/tmp}/fullnames.$$" - | awk -F'\t' -v verbose="$VERBOSE" '
  { k = $1 " " $2
    if ($5 == 1) { pos[k]++; tp[k] += $9; P++; TP += $9 }
    else { neg[k]++; fp[k] += $9; N++; FP += $9 }
    if (verbose == "-v" && $9 != $5) printf "  miss (want %d): %s / %s  %s\n", $5, $3, $4, $8 }
  END {
    for (k in pos) printf "fullnames %-10s same %2d/%2d   different matched %d/%d\n", k, tp[k], pos[k], fp[k], neg[k]
    printf "fullnames (hand-made) all: recall %d/%d = %.3f, hard negatives matched %d/%d\n", TP, P, TP / P, FP, N }' | sort
