# query.sh — the CLI query commands over the five seed articles:
# events/stories/entities/show/search, human and --json output.
# Run from an empty folder with $SL (storyline binary) and $ROOT (repo).
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }

"$SL" ingest --db s.db "$ROOT/examples/seeds" > ingest.out 2>&1 || { cat ingest.out >&2; fail "ingest"; }

# events --json: one object per line; every document in exactly one event
"$SL" events --db s.db --json > events.jsonl
[ "$(wc -l < events.jsonl)" -ge 1 ] || fail "no events"
jq -e . events.jsonl > /dev/null || fail "events --json is not JSON Lines"
jq -se 'all(has("id") and has("date") and has("title") and (.documents | type == "array"))' \
  events.jsonl > /dev/null || fail "event without id/date/title/documents"
[ "$(jq -r '.documents[]' events.jsonl | sort | uniq -d | wc -l)" = 0 ] || fail "document in two events"
[ "$(jq -r '.documents[]' events.jsonl | wc -l)" = 5 ] || fail "not all five documents in events"
# (which documents form which event is the clustering's business, checked
# by seeds.sh; here: every event's "documents" are exactly its reports)
for eid in $(jq -r '.id' events.jsonl); do
  "$SL" show --db s.db --json "event:$eid" > ev.json
  [ "$(jq -c '[.reports[].id] | sort' ev.json)" = "$(jq -c '.documents | sort' ev.json)" ] \
    || fail "event $eid: reports differ from documents"
  [ "$(jq -c '[.reports[].lang] | unique' ev.json)" = "$(jq -c '.langs | unique' ev.json)" ] \
    || fail "event $eid: report languages differ from langs"
done
# UTF-8 is printed as such, not \u-escaped
grep -q '\\u0' events.jsonl && fail "JSON output escapes UTF-8"
grep -q 'Tổng thống' events.jsonl || fail "Vietnamese title missing from events"

# filters
n_all=$(wc -l < events.jsonl)
"$SL" events --db s.db --json --limit 1 > one.jsonl
[ "$(wc -l < one.jsonl)" = 1 ] || fail "--limit 1"
"$SL" events --db s.db --json --since 2026 | jq -r '.date' | grep -v '^2026' && fail "--since 2026 leaks"
"$SL" events --db s.db --json --lang ar | jq -se 'length > 0 and all(.langs | index("ar") != null)' \
  > /dev/null || fail "--lang ar"
[ "$("$SL" events --db s.db --json --until 2030 | wc -l)" -le "$n_all" ] || fail "--until"

# human output lists ids, dates and member documents
"$SL" events --db s.db > events.txt
d1=$(head -n 1 events.jsonl | jq -r '.date // "undated"')
grep -q -- "$d1" events.txt || fail "human events lack the date $d1"
grep -q '000_a36e95430f0b8119' events.txt || fail "human events lack document ids"

# stories: events in date order, undated last
"$SL" stories --db s.db --json > stories.jsonl
[ "$(wc -l < stories.jsonl)" -ge 1 ] || fail "no stories"
for sid in $(jq -r '.id' stories.jsonl); do
  "$SL" show --db s.db --json "story:$sid" > story.json
  jq -r '.timeline[] | .date // "~undated"' story.json > dates.txt
  sort -c dates.txt 2>/dev/null || fail "story $sid timeline not in date order: $(tr '\n' ' ' < dates.txt)"
  [ "$(jq -c '[.timeline[].id]' story.json)" = "$(jq -c '.events' story.json)" ] || fail "story events order"
done
"$SL" stories --db s.db > stories.txt
grep -q '^story ' stories.txt || fail "human stories"
grep -q '^  event ' stories.txt || fail "human stories lack indented events"

# show: event (bare number and event:N), document, entity
eid=$(jq -r 'select(.documents | index("000_a36e95430f0b8119")) | .id' events.jsonl)
"$SL" show --db s.db --json "$eid" > ev.json
jq -e '.reports | map(.id) | index("000_a36e95430f0b8119") != null' ev.json > /dev/null \
  || fail "show $eid (bare number) is not the event of 000"
jq -e '.participants | length > 0' ev.json > /dev/null || fail "event participants"
"$SL" show --db s.db "event:$eid" | grep -q '^reports' || fail "human show event"
"$SL" show --db s.db --json 003_2c3edb034ccb3b0f | jq -e '.lang == "en"' > /dev/null || fail "show document"
"$SL" entities --db s.db --json > ents.jsonl
pid=$(jq -r 'select(.name | test("Putin")) | .id' ents.jsonl | head -n 1)
[ -n "$pid" ] || fail "no Putin entity"
"$SL" show --db s.db --json "entity:$pid" > putin.json
jq -e '.variants | length >= 2' putin.json > /dev/null || fail "Putin variants not in two scripts"
"$SL" entities --db s.db --json --q 'بوتين' | jq -r '.name' | grep -q Putin || fail "entities --q Arabic"

# search across scripts
docs() { "$SL" search --db s.db --json "$@" | jq -r '.doc' | cut -c1-3 | sort -u | tr '\n' ' '; }
[ "$(docs الشرع)" = "000 002 003 " ] || fail "search الشرع: $(docs الشرع)"
[ "$(docs al-Sharaa)" = "000 002 003 " ] || fail "search al-Sharaa: $(docs al-Sharaa)"
[ "$(docs Putin)" = "000 001 002 003 004 " ] || fail "search Putin: $(docs Putin)"
[ "$(docs بوتين)" = "000 001 002 003 004 " ] || fail "search بوتين: $(docs بوتين)"
# other spellings meet an entity through its name key: a key word's other
# reading (Moscow = moskou|moskov) and a name after its article (al-Assad)
[ "$(docs Moskov)" = "$(docs Moscow)" ] || fail "search Moskov: $(docs Moskov) vs Moscow: $(docs Moscow)"
[ -n "$(docs Moskov)" ] || fail "search Moskov finds nothing"
[ "$(docs Asad)" = "$(docs al-Assad)" ] || fail "search Asad: $(docs Asad) vs al-Assad: $(docs al-Assad)"
"$SL" search --db s.db 'NEAR(" OR *' > /dev/null || fail "FTS syntax in a query is not inert"
echo ok
