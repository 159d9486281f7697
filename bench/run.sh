#!/bin/sh
# bench/run.sh BIN — every benchmark (`make bench`).  Each prints its own
# figures with what it measured; a benchmark whose data is absent says so
# and is skipped.  Speed targets live here, never in the tests.
set -u
BIN=${1:?usage: sh bench/run.sh BIN}
BUILD=$(dirname "$BIN")
HERE=$(cd "$(dirname "$0")" && pwd)
status=0
run() {
  echo "== $1"
  shift
  "$@" || { echo "(failed: $*)"; status=1; }
  echo
}
run "ingest (end to end)" sh "$HERE/ingest.sh" "$BIN"
[ -f "$HERE/scale.sh" ] && run "scale: generated corpus, per stage, flatness, store, queries (issue 8)" sh "$HERE/scale.sh" "$BIN"
[ -f "$HERE/extract.sh" ] && run "HTML extraction (issue 3)" sh "$HERE/extract.sh" "$BIN"
[ -f "$HERE/names.sh" ] && run "name matching (issue 4)" sh "$HERE/names.sh" "$BIN"
[ -f "$HERE/similarity.sh" ] && run "same-event similarity (issue 5)" sh "$HERE/similarity.sh" "$BIN"
[ -f "$HERE/tokenize.sh" ] && run "tokenize + langid" sh "$HERE/tokenize.sh" "$BUILD"
[ -f "$HERE/dates.sh" ] && run "dates + numbers" sh "$HERE/dates.sh" "$BUILD"
[ -f "$HERE/serve.sh" ] && command -v wrk > /dev/null && run "HTTP API (wrk)" sh "$HERE/serve.sh" "$BIN"
exit $status
