# serve.sh — the JSON API of `storyline serve` over the seed articles:
# every route answers with JSON (charset=utf-8) and the right status.
# Run from an empty folder with $SL and $ROOT; the server is always stopped.
set -u
. "$ROOT/tests/e2e/lib/server.sh"
fail() { echo "FAIL: $*" >&2; exit 1; }

"$SL" ingest --db s.db "$ROOT/examples/seeds" > ingest.out 2>&1 || { cat ingest.out >&2; fail "ingest"; }
sl_serve_start s.db || fail "server did not start"

# get PATH STATUS: body in body.json, headers in head.txt
get() {
  code=$(curl -s -g --max-time 20 -D head.txt -o body.json -w '%{http_code}' "$SL_BASE$1") || code=000
  [ "$code" = "$2" ] || fail "GET $1: status $code, want $2: $(head -c 300 body.json)"
  grep -qi '^content-type: .*charset=utf-8' head.txt || fail "GET $1: no charset=utf-8"
}

get /api/health 200
jq -e '.status == "ok" and .documents == 5' body.json > /dev/null || fail "health: $(cat body.json)"

get /api/events 200
jq -e '.events | length >= 1' body.json > /dev/null || fail "events list"
[ "$(jq '[.events[].documents[]] | length' body.json)" = 5 ] || fail "events do not hold the 5 documents"
eid=$(jq -r '.events[] | select(.documents | index("000_a36e95430f0b8119")) | .id' body.json)
[ -n "$eid" ] || fail "no event holds 000"
get "/api/events?limit=1&offset=0" 200
[ "$(jq '.events | length' body.json)" = 1 ] || fail "limit=1"
get "/api/events?since=2017&lang=vi" 200
jq -e '(.events | length) >= 1 and all(.events[]; (.date >= "2017") and (.langs | index("vi") != null))' \
  body.json > /dev/null || fail "since+lang filter"

get "/api/events/$eid" 200
[ "$(jq -c '[.reports[].id] | sort' body.json)" = "$(jq -c '.documents | sort' body.json)" ] \
  || fail "event $eid: reports differ from documents"
jq -e '.reports | map(.id) | index("000_a36e95430f0b8119") != null' body.json > /dev/null \
  || fail "event $eid lacks report 000"
jq -e '.reports[0] | has("title") and has("source") and has("published") and has("facts")' body.json \
  > /dev/null || fail "report fields"

get /api/stories 200
sid=$(jq -r '.stories[0].id' body.json)
get "/api/stories/$sid" 200
jq -e '.timeline | length >= 1' body.json > /dev/null || fail "story timeline"

get "/api/entities?q=Putin" 200
pid=$(jq -r '.entities[0].id' body.json)
[ "$pid" != null ] || fail "entities?q=Putin found nothing"
get "/api/entities/$pid" 200
jq -e '(.variants | length) >= 2 and (.events | length) >= 1' body.json > /dev/null || fail "entity page"
# its events page like the events list: newest first, undated last
all=$(jq -c '[.events[].id]' body.json)
n=$(jq '.event_count' body.json)
[ "$n" = "$(jq '.events | length' body.json)" ] || fail "entity page: event_count $n"
jq -e '[.events[].date | select(. != null)] as $d | $d == ($d | sort | reverse)' body.json > /dev/null \
  || fail "entity page: events not newest first"
get "/api/entities/$pid?limit=1&offset=1" 200
[ "$(jq -c '[.events[].id]' body.json)" = "$(echo "$all" | jq -c '.[1:2]')" ] || fail "entity page limit=1&offset=1"
[ "$(jq '.event_count' body.json)" = "$n" ] || fail "entity page count moved with paging"
get "/api/entities/$pid?limit=0" 400
get "/api/entities?type=place" 200
jq -e 'all(.entities[]; .type == "place")' body.json > /dev/null || fail "type=place"
get /api/documents/003_2c3edb034ccb3b0f 200

# search in any script (percent-encoded UTF-8)
get "/api/search?q=%D8%A7%D9%84%D8%B4%D8%B1%D8%B9" 200
[ "$(jq -r '[.results[].doc[0:3]] | sort | join(",")' body.json)" = "000,002,003" ] \
  || fail "search الشرع: $(jq -c '[.results[].doc]' body.json)"
get "/api/search?q=Putin" 200
[ "$(jq '.results | length' body.json)" = 5 ] || fail "search Putin"
# the entity's reports come first, each with the name cut from its text
# (texts are stored packed: the snippet must be readable words)
jq -e '[.results[] | select(.entity != null)] | length >= 4 and
       all(.[]; .snippet.match | test("Putin|Путин|بوتين|Пу"; "i"))' body.json > /dev/null \
  || fail "search Putin: entity hits or snippets: $(jq -c '[.results[] | {doc, entity, snippet}]' body.json | head -c 600)"

# errors: JSON {"error"} with a fitting status
get /api/events/999999 404
jq -e '.error | length > 0' body.json > /dev/null || fail "404 body"
get /api/nosuch 404
get /api/events/abc 400
get "/api/events?limit=0" 400
get "/api/events?since=2026-13-45" 400
get "/api/search" 400
get "/api/search?q=" 400
get "/api/search?q=%FF%FE" 400
get "/api/entities?type=planet" 400
get /nosuch.html 404
code=$(curl -s --max-time 20 -o body.json -w '%{http_code}' -X POST "$SL_BASE/api/events") || code=000
[ "$code" = 405 ] || fail "POST: $code"
code=$(curl -s --max-time 20 -o body.json -w '%{http_code}' -X DELETE "$SL_BASE/api/events/1") || code=000
[ "$code" = 405 ] || fail "DELETE: $code"

# the page and its assets
get / 200
grep -q '<html' body.json || fail "index.html"
get /app.js 200
get /app.css 200

# entity tags: a revalidation with the current tag gets 304, a stale one 200
tag=$(curl -s --max-time 20 -D - -o /dev/null "$SL_BASE/api/events" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
[ -n "$tag" ] || fail "no ETag on /api/events"
code=$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' -H "If-None-Match: $tag" "$SL_BASE/api/events")
[ "$code" = 304 ] || fail "If-None-Match current tag: $code"
code=$(curl -s --max-time 20 -o /dev/null -w '%{http_code}' -H 'If-None-Match: "0"' "$SL_BASE/api/events")
[ "$code" = 200 ] || fail "If-None-Match stale tag: $code"

# HEAD works like GET without a body
code=$(curl -s --max-time 20 -I -o /dev/null -w '%{http_code}' "$SL_BASE/api/health") || code=000
[ "$code" = 200 ] || fail "HEAD: $code"

sl_serve_stop
[ "${SL_SERVE_STOP_FAILED:-0}" = 0 ] || fail "server needed SIGKILL"
[ "$SL_SERVE_STATUS" = 0 ] || fail "server exit status $SL_SERVE_STATUS after SIGTERM"
echo ok
