# concurrency.sh — one `storyline ingest` writes a batch while several
# readers read the same store: a loop of CLI queries and two HTTP clients
# of `storyline serve`.  No reader may see an error ("database is locked"
# or any other), every answer must be self-consistent (an event's
# doc_count is the length of its document list, a story's event_count that
# of its event list), the document count one reader sees never goes down,
# and the writer must not be held up into failure either.  At the end the
# store passes the checks of lib/store_check.sql and holds the batch.
set -u
. "$ROOT/tests/e2e/lib/server.sh"
. "$ROOT/tests/e2e/lib/store.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v sqlite3 > /dev/null || fail "sqlite3 shell missing (scripts/install-deps.sh)"

batch() { # N OUT: N distinct reports made from the seed articles
  set -- "$1" "$2" "$ROOT"/examples/seeds/*.txt
  jq -nc --argjson n "$1" --rawfile a "$3" --rawfile b "$4" --rawfile c "$5" --rawfile d "$6" \
    --rawfile e "$7" '[$a, $b, $c, $d, $e] as $s | range(1; $n + 1) |
      {id: "doc-\(.)", title: "Dispatch \(.)",
       text: ("Dispatch number \(.) from our desk.\n\n" + $s[. % 5])}' > "$2"
}

"$SL" ingest --db s.db "$ROOT/examples/seeds" 2> seed.err || { cat seed.err >&2; fail "seed ingest"; }
# size the batch for about 6 s of writing in this build
batch 40 calib.jsonl
t0=$(date +%s%N)
"$SL" ingest --db calib.db calib.jsonl 2> /dev/null || fail "calibration ingest"
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
n=$(( 40 * 6000 / (ms > 1 ? ms : 1) ))
[ "$n" -ge 100 ] || n=100
batch "$n" batch.jsonl
want=$(( n + $(sl_store_count s.db) ))

sl_serve_start s.db || fail "server did not start"

# Each reader loops until the writer is done, appends what went wrong to
# its own .fail file and counts its rounds in a .rounds file.
ok_json() { # FILE: valid JSON, no error member
  jq -e 'if type == "object" then has("error") | not else true end' "$1" > /dev/null 2>&1
}
http_get() { # NAME PATH: 200 and a JSON body
  code=$(curl -s -o "$1.body" -w '%{http_code}' --max-time 30 "$SL_BASE$2")
  [ "$code" = 200 ] && ok_json "$1.body" || echo "GET $2 -> $code $(head -c 300 "$1.body")" >> "$1.fail"
}
reader_cli() {
  r=0
  while [ ! -f writer.done ]; do
    for q in "events --json" "stories --json" "entities --json" "search --json Putin" \
             "show --json 000_a36e95430f0b8119"; do
      # shellcheck disable=SC2086
      set -- $q
      c=$1
      shift
      "$SL" "$c" --db s.db "$@" > cli.out 2> cli.err ||
        echo "storyline $q: exit $? $(cat cli.err)" >> cli.fail
      [ -s cli.err ] && echo "storyline $q: $(cat cli.err)" >> cli.fail
    done
    "$SL" events --db s.db --json > cli.events 2>> cli.fail &&
      jq -e -s 'all(.[]; .doc_count == (.documents | length))' cli.events > /dev/null ||
      echo "events: a doc_count differs from its document list" >> cli.fail
    "$SL" stories --db s.db --json > cli.stories 2>> cli.fail &&
      jq -e -s 'all(.[]; .event_count == (.events | length))' cli.stories > /dev/null ||
      echo "stories: an event_count differs from its event list" >> cli.fail
    r=$((r + 1))
    echo "$r" > cli.rounds
  done
}
reader_http() { # NAME
  r=0
  last=0
  while [ ! -f writer.done ]; do
    http_get "$1" /api/health
    docs=$(jq -r '.documents // 0' "$1.body" 2>/dev/null || echo 0)
    [ "$docs" -ge "$last" ] || echo "health: documents went from $last down to $docs" >> "$1.fail"
    last=$docs
    http_get "$1" '/api/events?limit=100'
    jq -e 'all(.events[]; .doc_count == (.documents | length))' "$1.body" > /dev/null 2>&1 ||
      echo "events: a doc_count differs from its document list" >> "$1.fail"
    http_get "$1" /api/stories
    http_get "$1" '/api/search?q=Putin'
    http_get "$1" '/api/entities?q=putin'
    http_get "$1" /api/events/1
    r=$((r + 1))
    echo "$r" > "$1.rounds"
  done
}

"$SL" ingest --verbose --db s.db batch.jsonl > writer.out 2> writer.err &
writer=$!
reader_cli & r1=$!
reader_http web1 & r2=$!
reader_http web2 & r3=$!
wait "$writer"
wst=$?
touch writer.done
wait "$r1" "$r2" "$r3"
sl_serve_stop

[ "$wst" = 0 ] || { cat writer.err >&2; fail "the writer failed (exit $wst)"; }
grep -v -e '^storyline ingest: [0-9]* read' writer.err | grep . && fail "the writer reported problems"
for f in cli.fail web1.fail web2.fail; do
  [ -s "$f" ] && { head -n 10 "$f" >&2; fail "reader $f"; }
done
grep -il 'locked\|busy' serve.err cli.err 2> /dev/null && fail "'database is locked' reached a user"
for r in cli web1 web2; do
  [ "$(cat $r.rounds 2>/dev/null || echo 0)" -ge 2 ] || fail "reader $r ran fewer than 2 rounds beside the writer"
done
why=$(sl_store_check s.db) || fail "after the run: $why"
[ "$(sl_store_count s.db)" = "$want" ] || fail "store holds $(sl_store_count s.db) documents, want $want"
[ "$(grep -c '^stored' writer.out)" = "$n" ] || fail "writer reported $(grep -c '^stored' writer.out) of $n"
echo "ok: batch $n written beside readers: cli $(cat cli.rounds), web1 $(cat web1.rounds), web2 $(cat web2.rounds) rounds"
