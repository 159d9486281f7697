# crash_safety.sh — `storyline ingest` killed with SIGKILL at random points
# of a large batch, again and again (SL_CRASH_KILLS times, default 25).
# After every kill the store must open, pass PRAGMA integrity_check and the
# consistency checks of lib/store_check.sql (no half-written document), and
# hold every document the ingest reported as committed (`--verbose` prints
# "stored<TAB>ID<TAB>SOURCE" only after its batch's commit).  Each restart ingests
# what was not yet reported, so documents committed just before a kill come
# round again and must be recognised as stored.  At the end one full run
# completes the batch: every document exactly once.
# SL_CRASH_SEED replays a run (the seed is printed on failure).
set -u
. "$ROOT/tests/e2e/lib/store.sh"
seed=${SL_CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
fail() { echo "FAIL (SL_CRASH_SEED=$seed): $*" >&2; exit 1; }
kills_wanted=${SL_CRASH_KILLS:-25}
command -v sqlite3 > /dev/null || fail "sqlite3 shell missing (scripts/install-deps.sh)"

# N distinct reports made from the seed articles (distinct text: no two
# share a content hash), as JSON Lines.
batch() { # N OUT
  set -- "$1" "$2" "$ROOT"/examples/seeds/*.txt
  jq -nc --argjson n "$1" --rawfile a "$3" --rawfile b "$4" --rawfile c "$5" --rawfile d "$6" \
    --rawfile e "$7" '[$a, $b, $c, $d, $e] as $s | range(1; $n + 1) |
      {id: "doc-\(.)", title: "Dispatch \(.)",
       text: ("Dispatch number \(.) from our desk.\n\n" + $s[. % 5])}' > "$2"
}

# Kill points: after a random number (0..20) of documents reported stored
# in this round, then a random 0..0.1 s more, so kills land at start-up,
# inside a document's analysis or inside its transaction, at any speed
# (sanitizer builds, busy machines).  The batch grows when it runs out.
n=$(( 30 * kills_wanted ))
batch "$n" batch.jsonl
: > reported.txt
awk -v s="$seed" -v k=$((kills_wanted * 2)) \
  'BEGIN { srand(s); for (i = 0; i < k; i++) printf "%d %.3f\n", int(rand() * 21), rand() * 0.1 }' > points.txt

kills=0
round=0
while [ "$kills" -lt "$kills_wanted" ]; do
  round=$((round + 1))
  point=$(sed -n "${round}p" points.txt)
  [ -n "$point" ] || fail "ran out of rounds after $kills kills"
  after=${point% *}
  delay=${point#* }
  # the records not yet reported as stored; never fewer than a round can
  # store, or the round ends before its kill: the batch grows instead
  while :; do
    jq -nc --rawfile done reported.txt \
      '(reduce ($done | split("\n"))[] as $i ({}; .[$i] = 1)) as $d | inputs | select($d[.id] | not)' \
      batch.jsonl > rest.jsonl
    [ "$(wc -l < rest.jsonl)" -lt 100 ] || break
    n=$((n + 40 * (kills_wanted - kills)))
    batch "$n" batch.jsonl
  done
  # small batches (3 documents a transaction) so that kills land inside
  # open batches, between them and inside commits
  "$SL" ingest --verbose --batch 3 --db s.db rest.jsonl > out.txt 2> err.txt &
  pid=$!
  while kill -0 "$pid" 2> /dev/null && [ "$(grep -c '^stored' out.txt)" -lt "$after" ]; do
    sleep 0.02
  done
  sleep "$delay"
  kill -KILL "$pid" 2> /dev/null
  { wait "$pid"; } 2> /dev/null # no "Killed" from the shell
  st=$?
  case $st in
    137) kills=$((kills + 1)) ;;
    0) ;; # finished before the kill
    *) cat err.txt >&2; fail "round $round: ingest exit $st" ;;
  esac
  if grep -v -e 'already stored' -e '^storyline ingest: [0-9]* read' err.txt | grep -q .; then
    cat err.txt >&2
    fail "round $round: unexpected messages"
  fi
  # only complete lines: the kill may cut the last one
  grep -E '^stored	doc-[0-9]+	rest\.jsonl$' out.txt | cut -f2 >> reported.txt
  [ -f s.db ] || continue
  # killed before the schema's transaction committed: a file with no
  # tables, which the next ingest fills; nothing may have been reported
  if [ "$(sqlite3 -batch s.db 'SELECT count(*) FROM sqlite_schema;')" = 0 ]; then
    [ ! -s reported.txt ] || fail "round $round: the store lost its tables after documents were reported"
    continue
  fi
  why=$(sl_store_check s.db) || fail "round $round (killed after $after documents + ${delay}s): $why"
  # every report of the batch names people and places: a stored one
  # without mentions was cut in half
  bare=$(sqlite3 -batch s.db 'SELECT count(*) FROM documents d
    WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.doc = d.rid)')
  [ "$bare" = 0 ] || fail "round $round: $bare documents stored without their mentions"
  sqlite3 -batch s.db 'SELECT id FROM documents' | sort > stored.txt
  sort -u reported.txt > want.txt
  missing=$(comm -23 want.txt stored.txt | head -n 5)
  [ -z "$missing" ] || fail "round $round: reported as stored but missing: $missing"
  "$SL" events --db s.db --json > /dev/null 2> q.err || { cat q.err >&2; fail "round $round: the store does not open for reading"; }
done
done_docs=$(sort -u reported.txt | wc -l)
[ "$done_docs" -gt 0 ] || fail "no document was ever reported stored ($kills kills)"

# one full run completes the batch, each document once
"$SL" ingest --verbose --db s.db batch.jsonl > out.txt 2> err.txt || { cat err.txt >&2; fail "final ingest"; }
why=$(sl_store_check s.db) || fail "after the final run: $why"
[ "$(sl_store_count s.db)" = "$n" ] || fail "final store holds $(sl_store_count s.db) documents, batch has $n"
[ "$(sqlite3 -batch s.db 'SELECT count(DISTINCT id) FROM documents')" = "$n" ] || fail "duplicate ids"
again=$(cut -f2 out.txt | sort | comm -12 - want.txt | head -n 3)
[ -z "$again" ] || fail "final run stored again what was reported before: $again"
echo "ok: $kills kills in $round rounds, batch $n, $done_docs reported done before the last run, all present"
