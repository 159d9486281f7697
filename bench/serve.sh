#!/bin/sh
# serve.sh — load test of `storyline serve` with wrk on loopback.
# usage: bench/serve.sh BIN [DOCS]     (DOCS default: $BENCH_DOCS or 100000)
# Ingests the seed articles into a temporary store; with DOCS > 5 grows it
# to DOCS documents by cloning the seed rows (new ids, events spread over
# 20 years; bench/grow_store.py), then runs wrk for ~10 s per endpoint on
# /api/events, /api/events?offset=… (varying, uncached), /api/search?q=Putin
# and prints requests/s and latency percentiles.  The server is always
# stopped.  Needs wrk and python3 (scripts/install-deps.sh).
set -eu
BIN=${1:?usage: bench/serve.sh BIN [DOCS]}
DOCS=${2:-${BENCH_DOCS:-100000}}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case "$BIN" in /*) SL=$BIN ;; *) SL="$PWD/$BIN" ;; esac
export SL
command -v wrk > /dev/null || { echo "bench/serve.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
TMP=$(mktemp -d)
cd "$TMP"
. "$ROOT/tests/e2e/lib/server.sh"
cleanup() { sl_serve_stop; cd /; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

"$SL" ingest --db bench.db "$ROOT/examples/seeds" > ingest.out 2>&1 || { cat ingest.out >&2; exit 1; }
if [ "$DOCS" -gt 5 ]; then
  python3 "$ROOT/bench/grow_store.py" bench.db "$DOCS"
fi
sl_serve_start bench.db
echo "store: $(curl -s "$SL_BASE/api/health")"
THREADS=${WRK_THREADS:-2}
CONNS=${WRK_CONNECTIONS:-32}
SECS=${WRK_SECONDS:-10}
cat > offsets.lua <<'LUA'
-- a different page on every request, so the answer cache cannot help
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/events?limit=20&offset=" .. (counter % 5000))
end
LUA
run() { # run NAME ARGS...
  name=$1
  shift
  wrk -t "$THREADS" -c "$CONNS" -d "${SECS}s" --latency "$@" > wrk.out 2>&1 || { cat wrk.out >&2; return 1; }
  rps=$(awk '/^Requests\/sec/ {print $2}' wrk.out)
  p50=$(awk '$1 == "50%" {print $2}' wrk.out)
  p99=$(awk '$1 == "99%" {print $2}' wrk.out)
  errs=$(awk '/Non-2xx|Socket errors/ {print}' wrk.out | tr '\n' ' ')
  printf '%-34s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errs"
}
echo "wrk: $THREADS threads, $CONNS connections, ${SECS}s each; server: 4 threads"
run "/api/events" "$SL_BASE/api/events"
run "/api/events?offset=N (uncached)" -s offsets.lua "$SL_BASE"
run "/api/search?q=Putin" "$SL_BASE/api/search?q=Putin"
echo "(repeated requests are answered from a per-thread cache keyed on the store's"
echo " data_version; the offset run shows the cost of computing a page of events)"
