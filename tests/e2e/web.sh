# web.sh — the web page in headless Chromium over the seed articles (see
# tests/web/run.sh): search "الشرع", open the 2026 event, see its
# Vietnamese and Arabic reports.  The server is always stopped.
set -u
. "$ROOT/tests/e2e/lib/server.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$SL" ingest --db s.db "$ROOT/examples/seeds" > ingest.out 2>&1 || { cat ingest.out >&2; fail "ingest"; }
sl_serve_start s.db || fail "server did not start"
sh "$ROOT/tests/web/run.sh" "$SL_BASE" || fail "browser checks"
sl_serve_stop
echo ok
