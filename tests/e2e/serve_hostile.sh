# serve_hostile.sh — `storyline serve` under hostile requests: path
# traversal, overlong URLs and headers, 10 MB bodies, invalid UTF-8 and SQL
# metacharacters in every parameter, a thousand idle connections.  Each gets
# an error status (never 500, never a file outside the web assets), and the
# server keeps answering and stops cleanly.  All waits are bounded.
set -u
. "$ROOT/tests/e2e/lib/server.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$SL" ingest --db s.db "$ROOT/examples/seeds" > ingest.out 2>&1 || { cat ingest.out >&2; fail "ingest"; }
sl_serve_start s.db || fail "server did not start"

status() { curl -s -g --max-time 20 -o body.out -w '%{http_code}' "$@" || true; }
alive() {
  [ "$(status "$SL_BASE/api/health")" = 200 ] || fail "server stopped answering after: $1"
}
expect_in() { # expect_in CODES WHAT CURL-ARGS...
  codes=$1 what=$2
  shift 2
  c=$(status "$@")
  case " $codes " in *" $c "*) ;; *) fail "$what: status $c, want one of $codes" ;; esac
  grep -q 'root:' body.out && fail "$what: served a system file"
  alive "$what"
}

# path traversal, plain and encoded: nothing but the embedded assets
for p in '/../../../../etc/passwd' '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' '/..%2f..%2f..%2fetc%2fpasswd' \
         '/api/../../etc/passwd' '/app.js/../../etc/passwd' '//etc/passwd' '/api/%2e%2e/%2e%2e/etc/passwd'; do
  expect_in "400 404" "traversal $p" --path-as-is "$SL_BASE$p"
done
# a NUL cuts the decoded path: at most an embedded asset comes back
for p in '/%00' '/index.html%00.txt' '/%00/../../etc/passwd'; do
  expect_in "200 400 404" "NUL in path $p" --path-as-is "$SL_BASE$p"
done

# overlong URL and headers
long=$(head -c 3000 /dev/zero | tr '\0' a)
expect_in "413 414" "3 KB URL" "$SL_BASE/api/events?x=$long"
huge=$(head -c 200000 /dev/zero | tr '\0' a)
c=$(python3 - "$SL_PORT" <<'PY'
import socket, sys
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=20)
try:
    s.sendall(b"GET /api/events?x=" + b"a" * 200000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
except OSError:
    pass
try:
    print(s.recv(64).split(b" ")[1].decode())
except (OSError, IndexError):
    print("000")
PY
)
case "$c" in 413|414|431|400|000) ;; *) fail "200 KB URL: status $c" ;; esac
alive "200 KB URL"
printf 'X-Pad: %s\n' "$huge" > header.txt
expect_in "413 414 431 400" "200 KB header" -H @header.txt "$SL_BASE/api/health"
# bodies: methods other than GET/HEAD are refused, GET bodies are refused
head -c 10000000 /dev/zero > body10m
expect_in "405 413 000" "10 MB POST" -X POST --data-binary @body10m "$SL_BASE/api/events"
expect_in "413 000" "10 MB GET body" -X GET --data-binary @body10m "$SL_BASE/api/events"
expect_in "405" "PUT" -X PUT "$SL_BASE/api/events/1"

# invalid UTF-8 and SQL metacharacters in every parameter
expect_in "400" "bad UTF-8 in q" "$SL_BASE/api/search?q=%C3%28%FF"
expect_in "400" "NUL in q" "$SL_BASE/api/search?q=a%00b"
expect_in "400" "bad UTF-8 in entity q" "$SL_BASE/api/entities?q=%ED%A0%80"
sql="%27%3B%20DROP%20TABLE%20events%3B--%20%22%20OR%201%3D1"
for p in limit offset since until entity lang; do
  expect_in "400" "SQL in $p" "$SL_BASE/api/events?$p=$sql"
done
expect_in "400" "SQL in type" "$SL_BASE/api/entities?type=$sql"
expect_in "200" "SQL in entities q" "$SL_BASE/api/entities?q=$sql"
expect_in "200" "SQL in search q" "$SL_BASE/api/search?q=$sql"
expect_in "200" "FTS syntax in search q" "$SL_BASE/api/search?q=NEAR(%22a%22%20b)%20OR%20*%20%5E"
expect_in "404" "SQL in document id" "$SL_BASE/api/documents/$sql"
expect_in "400" "huge id" "$SL_BASE/api/events/99999999999999999999999"
expect_in "400" "negative limit" "$SL_BASE/api/events?limit=-1"
expect_in "400" "huge offset" "$SL_BASE/api/events?offset=999999999999999"
[ "$(curl -s --max-time 20 "$SL_BASE/api/health" | jq .documents)" = 5 ] || fail "store changed"

# a thousand idle connections: the server keeps answering
python3 - "$SL_PORT" <<'PY' || fail "idle connections"
import resource, socket, subprocess, sys
port = int(sys.argv[1])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
want = min(hard, 4096)
if soft < want:
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
n = min(1000, want - 64)
socks = []
for _ in range(n):
    s = socket.socket()
    s.settimeout(5)
    s.connect(("127.0.0.1", port))
    socks.append(s)
out = subprocess.run(["curl", "-s", "--max-time", "20", "-o", "/dev/null", "-w", "%{http_code}",
                      "http://127.0.0.1:%d/api/health" % port], capture_output=True, text=True).stdout
for s in socks:
    s.close()
if out != "200":
    print("with %d idle connections /api/health gave %s" % (n, out), file=sys.stderr)
    sys.exit(1)
PY
alive "idle connections"

sl_serve_stop
[ "${SL_SERVE_STOP_FAILED:-0}" = 0 ] || fail "server needed SIGKILL"
[ "$SL_SERVE_STATUS" = 0 ] || fail "server exit status $SL_SERVE_STATUS"
echo ok
