#!/bin/sh
# e2e names: pipes the name pairs of tests/data/names/pairs.tsv
# (NAME_A<TAB>NAME_B<TAB>EXPECTED_SAME) through "$SL names" and checks the
# SAME column; then feeds bad lines (no tab, invalid UTF-8, over-long) and
# checks they are reported on stderr with their line number and skipped
# while the good lines around them are still scored.
set -u
: "${SL:?SL must name the storyline binary}"
: "${ROOT:?ROOT must name the repository root}"
data="$ROOT/tests/data/names/pairs.tsv"
fail=0

cut -f1,2 "$data" | "$SL" names > out.tsv 2> err.txt || { echo "names exited $?"; exit 1; }
[ "$(wc -l < out.tsv)" -eq "$(wc -l < "$data")" ] || { echo "line count differs"; exit 1; }
paste "$data" out.tsv | awk -F'\t' '
  $1 != $4 || $2 != $5 { print "names echoed wrong: " $0; bad = 1 }
  $6 !~ /^[01]\.[0-9][0-9][0-9][0-9]$/ || $6 > 1 { print "bad score: " $0; bad = 1 }
  $3 != $7 { print "expected SAME=" $3 ": " $1 " / " $2 " scored " $6; bad = 1 }
  END { exit bad }' || fail=1

# --threshold 0 makes everything with a score >= 0 the same; 1.0 only identities
printf 'Putin\tTrump\n' | "$SL" names --threshold 0 | awk -F'\t' '$4 != 1 { exit 1 }' ||
  { echo "--threshold 0 not honoured"; fail=1; }
printf 'Putin\tPutin\nPutin\tPutina\n' | "$SL" names --threshold 1 | awk -F'\t' '
  NR == 1 && $4 != 1 { exit 1 } NR == 2 && $4 != 0 { exit 1 }' ||
  { echo "--threshold 1 not honoured"; fail=1; }
if "$SL" names --threshold abc < /dev/null 2> /dev/null; then echo "bad --threshold accepted"; fail=1; fi
"$SL" names --help | grep -q 'NAME_A' || { echo "--help says nothing useful"; fail=1; }

# bad lines: 2 = no tab, 3 = invalid UTF-8 (scored, repaired), 4 = over-long
{
  printf 'Putin\tПутин\n'
  printf 'no tab here\n'
  printf 'Put\377in\tPutin\n'
  head -c 6000 /dev/zero | tr '\0' 'a'; printf '\tb\n'
  printf 'Assad\tАсад\n'
  printf 'last\tline without newline'
} | "$SL" names > bad.tsv 2> bad.err || { echo "names failed on bad lines"; exit 1; }
[ "$(wc -l < bad.tsv)" -eq 4 ] || { echo "expected 4 scored lines:"; cat bad.tsv; fail=1; }
grep -q 'line 2' bad.err || { echo "no report for line 2"; fail=1; }
grep -q 'line 3' bad.err || { echo "no report for line 3"; fail=1; }
grep -q 'line 4' bad.err || { echo "no report for line 4"; fail=1; }
sed -n 2p bad.tsv | grep -q "$(printf 'Put\357\277\275in')" || { echo "U+FFFD not written"; fail=1; }
sed -n 3p bad.tsv | awk -F'\t' '$1 != "Assad" || $4 != 1 { exit 1 }' || { echo "line after long one lost"; fail=1; }
exit $fail
