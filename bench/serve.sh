#!/bin/sh
# serve.sh — load test of `storyline serve` with wrk on loopback.
# usage: bench/serve.sh BIN [DOCS]     (DOCS default: $BENCH_DOCS or 100000)
# Ingests the seed articles into a temporary store; with DOCS > 5 grows it
# to DOCS documents by cloning the seed rows (new ids, events spread over
# 20 years; bench/grow_store.py), then runs wrk for ~10 s per endpoint on
# /api/events, /api/events?offset=… (varying, uncached), /api/search?q=Putin
# and prints requests/s and latency percentiles.  The server is always
# stopped.  Needs wrk and python3 (scripts/install-deps.sh).  Knobs:
# WRK_THREADS WRK_CONNECTIONS WRK_SECONDS SERVE_THREADS, BENCH_PIN=0 to not
# pin the server to core 0 and wrk to the others.
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
# One core for the server, the others for wrk, when the machine has two.
THREADS=${WRK_THREADS:-1}
CONNS=${WRK_CONNECTIONS:-8}
SECS=${WRK_SECONDS:-10}
SERVE_THREADS=${SERVE_THREADS:-1}
SL_SERVE_ARGS="--threads $SERVE_THREADS"
WRK_PREFIX=
if [ "${BENCH_PIN:-1}" = 1 ] && command -v taskset > /dev/null && [ "$(nproc)" -ge 2 ]; then
  SL_SERVE_PREFIX="taskset -c 0"
  WRK_PREFIX="taskset -c 1-$(($(nproc) - 1))"
fi
sl_serve_start bench.db
echo "store: $(curl -s "$SL_BASE/api/health")"
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
  # shellcheck disable=SC2086
  $WRK_PREFIX wrk -t "$THREADS" -c "$CONNS" -d "${SECS}s" --latency "$@" > wrk.out 2>&1 || { cat wrk.out >&2; return 1; }
  rps=$(awk '/^Requests\/sec/ {print $2}' wrk.out)
  p50=$(awk '$1 == "50%" {print $2}' wrk.out)
  p99=$(awk '$1 == "99%" {print $2}' wrk.out)
  errs=$(awk '/Non-2xx|Socket errors/ {print}' wrk.out | tr '\n' ' ')
  printf '%-34s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "$errs"
}
echo "wrk: $THREADS thread(s), $CONNS connections, ${SECS}s each;" \
     "server: $SERVE_THREADS thread(s)${SL_SERVE_PREFIX:+ pinned with '$SL_SERVE_PREFIX'}"
run "/api/events" "$SL_BASE/api/events"
run "/api/events?offset=N (uncached)" -s offsets.lua "$SL_BASE"
run "/api/search?q=Putin" "$SL_BASE/api/search?q=Putin"
echo "(repeated requests are answered from a per-thread cache keyed on the store's"
echo " data_version; the offset run shows the cost of computing a page of events)"
