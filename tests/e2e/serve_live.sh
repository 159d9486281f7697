# serve_live.sh — `storyline serve` reads while `storyline ingest` writes
# (SQLite WAL): answers cached before the write are not served after it.
set -u
. "$ROOT/tests/e2e/lib/server.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir first second
for f in "$ROOT"/examples/seeds/00[0-3]_*.txt; do cp "$f" first/; done
cp "$ROOT"/examples/seeds/004_*.txt second/
"$SL" ingest --db s.db first > ingest1.out 2>&1 || { cat ingest1.out >&2; fail "ingest 1"; }
sl_serve_start s.db || fail "server did not start"

docs() { curl -s --max-time 20 "$SL_BASE/api/health" | jq -r .documents; }
hits() { curl -s --max-time 20 "$SL_BASE/api/search?q=Putin" | jq '.results | length'; }
[ "$(docs)" = 4 ] || fail "health before: $(docs)"
[ "$(hits)" = 4 ] || fail "search before: $(hits)"
[ "$(hits)" = 4 ] || fail "search before (cached): $(hits)"

"$SL" ingest --db s.db second > ingest2.out 2>&1 || { cat ingest2.out >&2; fail "ingest 2 while serving"; }
[ "$(docs)" = 5 ] || fail "health after ingest: $(docs)"
[ "$(hits)" = 5 ] || fail "search after ingest still answers from the cache: $(hits)"
sl_serve_stop
[ "${SL_SERVE_STATUS:-1}" = 0 ] || fail "server exit status ${SL_SERVE_STATUS:-?}"
echo ok
