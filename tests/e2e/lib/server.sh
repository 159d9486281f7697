# server.sh — sourced by the serve/web end-to-end tests and bench/serve.sh:
# starts `storyline serve` on a free loopback port and always stops it.
#   sl_serve_start DB     sets SL_PORT, SL_BASE, SL_SERVE_PID
#   sl_serve_stop         SIGTERM, bounded wait, then SIGKILL
# Waits are bounded (SL_SERVE_WAIT tenths of a second, default 300 = 30 s,
# generous for sanitizer builds).  Needs $SL.  Optional: SL_SERVE_ARGS
# (more serve options), SL_SERVE_PREFIX (a command that execs the server,
# e.g. "taskset -c 0").

sl_serve_stop() {
  [ -n "${SL_SERVE_PID:-}" ] || return 0
  kill -TERM "$SL_SERVE_PID" 2>/dev/null
  _i=0
  while kill -0 "$SL_SERVE_PID" 2>/dev/null && [ $_i -lt 100 ]; do
    sleep 0.1
    _i=$((_i + 1))
  done
  if kill -0 "$SL_SERVE_PID" 2>/dev/null; then
    echo "server did not stop on SIGTERM; killing" >&2
    kill -KILL "$SL_SERVE_PID" 2>/dev/null
    SL_SERVE_STOP_FAILED=1
  fi
  wait "$SL_SERVE_PID" 2>/dev/null
  SL_SERVE_STATUS=$?
  SL_SERVE_PID=
}

sl_serve_start() {
  _db=$1
  trap 'sl_serve_stop' EXIT
  trap 'sl_serve_stop; exit 1' INT TERM
  rm -f serve.out serve.err   # never read a previous run's port
  : > serve.out
  # shellcheck disable=SC2086
  ${SL_SERVE_PREFIX:-} "$SL" serve --db "$_db" --port 0 ${SL_SERVE_ARGS:-} > serve.out 2> serve.err &
  SL_SERVE_PID=$!
  _i=0
  SL_PORT=
  while [ $_i -lt "${SL_SERVE_WAIT:-300}" ]; do
    SL_PORT=$(sed -n 's/^storyline: serving .*:\([0-9][0-9]*\)\/.*/\1/p' serve.out 2>/dev/null)
    [ -n "$SL_PORT" ] && break
    kill -0 "$SL_SERVE_PID" 2>/dev/null || break
    sleep 0.1
    _i=$((_i + 1))
  done
  if [ -z "$SL_PORT" ]; then
    echo "server did not start:" >&2
    cat serve.out serve.err >&2
    sl_serve_stop
    return 1
  fi
  SL_BASE="http://127.0.0.1:$SL_PORT"
  return 0
}
