# query_errors.sh — the query commands' failures: a missing or foreign
# store, bad options and unknown ids give a clear message and the right
# exit status (1 failure, 2 usage), never a crash.
set -u
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect STATUS PATTERN CMD... : exit status and stderr pattern
  want=$1 pat=$2
  shift 2
  "$@" > out.txt 2> err.txt
  got=$?
  [ "$got" = "$want" ] || fail "$*: exit $got, want $want ($(cat err.txt))"
  grep -q -- "$pat" err.txt || fail "$*: stderr lacks '$pat': $(cat err.txt)"
}

expect 1 "cannot open store missing.db" "$SL" events --db missing.db
expect 1 "cannot open store missing.db" "$SL" search --db missing.db Putin
printf 'not a database at all' > junk.db
expect 1 "cannot open store junk.db" "$SL" stories --db junk.db
expect 2 "unknown option" "$SL" events --frobnicate
expect 2 "bad value for --since" "$SL" events --since yesterday
expect 2 "bad value for --limit" "$SL" events --limit -3
expect 2 "expected one ID" "$SL" show
expect 2 "expected a QUERY" "$SL" search
"$SL" events --help | grep -q '^usage: storyline events' || fail "events --help"
"$SL" show --help | grep -q '^usage: storyline show' || fail "show --help"

"$SL" ingest --db s.db "$ROOT/examples/seeds" > /dev/null 2>&1 || fail "ingest"
expect 1 "no event 99999" "$SL" show --db s.db event:99999
expect 1 "no story 99999" "$SL" show --db s.db story:99999
expect 1 "no entity 99999" "$SL" show --db s.db entity:99999
expect 1 "no document nope" "$SL" show --db s.db nope
expect 1 "no event or document 99999" "$SL" show --db s.db 99999
expect 2 "not valid UTF-8" "$SL" search --db s.db "$(printf 'bad\377')"
# the store is untouched by reads
"$SL" events --db s.db --json > a.jsonl && "$SL" events --db s.db --json > b.jsonl
cmp -s a.jsonl b.jsonl || fail "two reads differ"
echo ok
