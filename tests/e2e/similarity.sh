#!/bin/sh
# e2e similarity: pairs of the seed articles through "$SL similarity" (the
# Vietnamese and Arabic reports of the 28 January 2026 Kremlin talks are
# one event; the 2017 Sochi meeting and the 2025 phone call are others),
# as TSV and JSON; a Latin-1 mojibake copy of an article is repaired and
# matches its original; an integer pair_id and given languages are kept;
# --threshold is honoured; --explain names what the texts share; bytes that
# are not UTF-8 are repaired and reported; bad records (truncated JSON, a
# missing text, an over-long line) are reported on stderr with their line
# number and skipped, a text with no article is scored 0 with a note, and
# the exit status is 1 only when nothing could be scored.
set -u
: "${SL:?SL must name the storyline binary}"
: "${ROOT:?ROOT must name the repository root}"
seeds="$ROOT/examples/seeds"
fail=0

pair() { # pair ID FILE1 FILE2 -> one JSON record
  jq -cn --arg id "$1" --rawfile a "$seeds/$2.txt" --rawfile b "$seeds/$3.txt" \
    '{pair_id: $id, text1: $a, text2: $b}'
}
{
  pair kremlin-vi-ar 000_a36e95430f0b8119 002_4843e7fa21632428
  pair sochi-kremlin 001_68aac25d7f60230c 000_a36e95430f0b8119
  pair kremlin-call 002_4843e7fa21632428 003_2c3edb034ccb3b0f
} > pairs.jsonl

"$SL" similarity --json < pairs.jsonl > out.jsonl 2> err.txt || { echo "similarity exited $?"; cat err.txt; exit 1; }
[ "$(wc -l < out.jsonl)" -eq 3 ] || { echo "expected 3 lines:"; cat out.jsonl; exit 1; }
jq -e -s 'all(.[]; (.score | type) == "number" and .score >= 0 and .score <= 1
              and (.parts | has("persons") and has("places") and has("orgs") and has("dates")
                   and has("numbers") and has("eventwords") and has("words")))' out.jsonl > /dev/null ||
  { echo "malformed JSON output:"; cat out.jsonl; fail=1; }
expect() { # expect ID SAME
  got=$(jq -r --arg id "$1" 'select(.pair_id == $id) | .same_event' out.jsonl)
  [ "$got" = "$2" ] || { echo "$1: expected same_event $2, got '$got'"; grep "$1" out.jsonl; fail=1; }
}
expect kremlin-vi-ar 1
expect sochi-kremlin 0
expect kremlin-call 0
jq -e -s 'map(select(.pair_id == "kremlin-vi-ar"))[0] | .lang1 == "vi" and .lang2 == "ar" and .parts.persons > 0.5' \
  out.jsonl > /dev/null || { echo "kremlin-vi-ar: names not linked across scripts"; fail=1; }
# both Kremlin reports name persons, and a kind named by one side only is
# not listed
jq -e -s 'map(select(.pair_id == "kremlin-vi-ar"))[0].named_by_both | index("persons") != null' \
  out.jsonl > /dev/null || { echo "kremlin-vi-ar: persons missing from named_by_both"; fail=1; }
jq -e -s 'all(.[]; .named_by_both | all(.[]; IN("persons", "places", "orgs", "numbers", "eventwords", "topics", "translated")))' \
  out.jsonl > /dev/null || { echo "named_by_both: unknown kind"; fail=1; }

# TSV: a header, then the same scores
"$SL" similarity < pairs.jsonl > out.tsv 2> /dev/null || { echo "TSV run failed"; fail=1; }
head -n 1 out.tsv | grep -q '^pair_id	score	same_event	persons	places	orgs	dates	numbers	eventwords	topics	words' ||
  { echo "TSV header missing"; fail=1; }
tsv=$(awk -F'\t' 'NR == 2 { print $1 " " $2 }' out.tsv)
js=$(jq -r 'select(.pair_id == "kremlin-vi-ar") | "\(.pair_id) \(.score)"' out.jsonl)
[ "$(echo "$tsv" | awk '{printf "%s %.4f", $1, $2}')" = "$(echo "$js" | awk '{printf "%s %.4f", $1, $2}')" ] ||
  { echo "TSV and JSON disagree: '$tsv' vs '$js'"; fail=1; }

# --threshold 0: everything is the same event; 1: only a perfect score
"$SL" similarity --json --threshold 0 < pairs.jsonl | jq -e -s 'all(.[]; .same_event == 1)' > /dev/null ||
  { echo "--threshold 0 not honoured"; fail=1; }
if "$SL" similarity --threshold 2 < pairs.jsonl > /dev/null 2>&1; then echo "--threshold 2 accepted"; fail=1; fi
"$SL" similarity --help | grep -q 'text1' || { echo "--help says nothing useful"; fail=1; }

# mojibake: the Vietnamese article read as Latin-1 and re-encoded
iconv -f latin1 -t utf-8 "$seeds/000_a36e95430f0b8119.txt" > moji.txt
jq -cn --rawfile a moji.txt --rawfile b "$seeds/000_a36e95430f0b8119.txt" \
  '{pair_id: "moji", text1: $a, text2: $b}' | "$SL" similarity --json > moji.jsonl 2> /dev/null ||
  { echo "mojibake pair failed"; fail=1; }
jq -e '.lang1 == "vi" and .parts.words > 0.99 and .same_event == 1' moji.jsonl > /dev/null ||
  { echo "mojibake not repaired:"; cat moji.jsonl; fail=1; }

# an integer pair_id is printed as such; given languages are used as given
jq -cn --rawfile a "$seeds/003_2c3edb034ccb3b0f.txt" \
  '{pair_id: 42, lang1: "en", lang2: "en", title1: "Putin and al-Sharaa speak by phone", text1: $a, text2: $a}' |
  "$SL" similarity --json > int.jsonl 2> /dev/null || { echo "integer pair_id failed"; fail=1; }
jq -e '.pair_id == "42" and .lang1 == "en" and .lang2 == "en" and .same_event == 1' int.jsonl > /dev/null ||
  { echo "integer pair_id or given languages not honoured:"; cat int.jsonl; fail=1; }

# bad records between good ones: 2 truncated, 3 no text2, 4 invalid UTF-8
# (repaired: still scored, and reported), 5 over-long, 6 not an object,
# 8 a record with text after it
{
  sed -n 1p pairs.jsonl
  sed -n 2p pairs.jsonl | head -c 300; echo
  echo '{"pair_id": "x", "text1": "only one text"}'
  printf '{"pair_id": "bad", "text1": "caf\351", "text2": "x"}\n'
  printf '{"pair_id": "big", "text1": "'; head -c 9000000 /dev/zero | tr '\0' 'a'; printf '", "text2": "b"}\n'
  echo '[1, 2]'
  sed -n 3p pairs.jsonl
  printf '%s trailing\n' "$(sed -n 1p pairs.jsonl)"
} > bad.jsonl
"$SL" similarity --json < bad.jsonl > bad.out 2> bad.err || { echo "similarity failed on bad records"; cat bad.err; fail=1; }
[ "$(wc -l < bad.out)" -eq 3 ] || { echo "expected 3 scored pairs:"; cat bad.out; fail=1; }
jq -e -s 'map(.pair_id) == ["kremlin-vi-ar", "bad", "kremlin-call"]' bad.out > /dev/null ||
  { echo "the repaired record was not scored in its place:"; cat bad.out; fail=1; }
grep -q 'line 4: invalid UTF-8 replaced by U+FFFD' bad.err || { echo "repair not reported"; cat bad.err; fail=1; }
for n in 2 3 4 5 6 8; do
  grep -q "line $n:" bad.err || { echo "no report for line $n"; cat bad.err; fail=1; }
done

# --explain: what the Kremlin reports share, named, in JSON and as a last
# TSV column; the scores are the same as without it
"$SL" similarity --json --explain < pairs.jsonl > explain.jsonl 2> explain.err ||
  { echo "similarity --explain failed"; cat explain.err; fail=1; }
jq -e -s 'map(select(.pair_id == "kremlin-vi-ar"))[0].shared
          | (.persons | index("Vladimir Putin")) != null and (.places | length) > 0
            and has("numbers") and has("event_words") and has("words")' explain.jsonl > /dev/null ||
  { echo "--explain does not name Putin for kremlin-vi-ar:"; cat explain.jsonl; fail=1; }
[ "$(jq -c 'del(.shared)' explain.jsonl)" = "$(jq -c . out.jsonl)" ] ||
  { echo "--explain changed the scores"; fail=1; }
"$SL" similarity --explain < pairs.jsonl > explain.tsv 2> /dev/null
head -n 1 explain.tsv | grep -q '	shared$' || { echo "no shared column in the TSV header"; fail=1; }
[ "$(sed -n 2p explain.tsv | awk -F'\t' '{print NF}')" -eq 17 ] || { echo "TSV rows lack the shared column"; fail=1; }

# a text with no article (blank, or a URL alone) shares nothing: the pair
# is answered with score 0 in its place, and a note says why
{
  sed -n 1p pairs.jsonl
  echo '{"pair_id": "blank", "text1": "   ", "text2": "The minister met the union on Tuesday."}'
  echo '{"pair_id": "url", "text1": "https://example.com/a", "text2": "The minister met the union."}'
  sed -n 3p pairs.jsonl
} > empty.jsonl
"$SL" similarity --json < empty.jsonl > empty.out 2> empty.err || { echo "similarity failed on empty texts"; cat empty.err; fail=1; }
jq -e -s 'map(.pair_id) == ["kremlin-vi-ar", "blank", "url", "kremlin-call"]
          and (map(select(.pair_id == "blank" or .pair_id == "url") | .score == 0 and .same_event == 0) | all)' \
  empty.out > /dev/null || { echo "empty texts not scored 0 in their place:"; cat empty.out; fail=1; }
grep -q 'line 2: no article text after cleaning: scored 0' empty.err || { echo "no note for the blank text"; cat empty.err; fail=1; }

# nothing scorable: exit 1 with a message
printf '{"text1": "a"}\nnot json\n' > none.jsonl
if "$SL" similarity < none.jsonl > /dev/null 2> none.err; then echo "exit 0 with nothing scored"; fail=1; fi
grep -q 'no pair could be scored' none.err || { echo "no summary message"; fail=1; }
exit $fail
