# seeds.sh — the acceptance case of the foundation: the five seed articles
# (vi, ar, en) give four events, one story in date order, the cross-script
# entities Putin / al-Sharaa / al-Assad, the right event dates, and search
# that crosses scripts.  Run from an empty folder with $SL and $ROOT.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
D000=000_a36e95430f0b8119 D001=001_68aac25d7f60230c D002=002_4843e7fa21632428
D003=003_2c3edb034ccb3b0f D004=004_23d814b1d62127e7

"$SL" ingest --db s.db "$ROOT/examples/seeds" 2> ingest.err || { cat ingest.err >&2; fail "ingest"; }

# four events with exactly these members
"$SL" events --db s.db --json > events.jsonl
[ "$(wc -l < events.jsonl)" = 4 ] || fail "expected 4 events, got $(wc -l < events.jsonl)"
jq -r '.documents | sort | join(" ")' events.jsonl | sort > groups.txt
printf '%s\n' "$D000 $D002" "$D001" "$D003" "$D004" | sort > want.txt
diff want.txt groups.txt > /dev/null || { diff want.txt groups.txt >&2; fail "event membership"; }

# event dates; 004 states no year, so it is undated or 2023, never another year
date_of() { jq -r --arg d "$1" 'select(.documents | index($d)) | .date // "none"' events.jsonl; }
[ "$(date_of $D000)" = 2026-01-28 ] || fail "Kremlin 2026 event date: $(date_of $D000)"
[ "$(date_of $D001)" = 2017-11-20 ] || fail "Sochi event date: $(date_of $D001)"
[ "$(date_of $D003)" = 2025-02-12 ] || fail "phone call date: $(date_of $D003)"
case "$(date_of $D004)" in none|2023-*) ;; *) fail "Moscow talks got a wrong year: $(date_of $D004)";; esac

# one story holding all four events, in date order (undated last)
"$SL" stories --db s.db --json > stories.jsonl
[ "$(wc -l < stories.jsonl)" = 1 ] || fail "expected 1 story, got $(wc -l < stories.jsonl)"
[ "$(jq '.events | length' stories.jsonl)" = 4 ] || fail "story does not hold four events"
sid=$(jq -r .id stories.jsonl)
"$SL" show --db s.db --json "story:$sid" | jq -r '.timeline[] | .date // "~"' > tl.txt
sort -c tl.txt || fail "timeline not in date order"

# entities: one per person across scripts, with mentions in the right documents
docs_of() { # entity name -> sorted ids of the documents that mention it
  for d in $D000 $D001 $D002 $D003 $D004; do
    "$SL" show --db s.db --json "$d" | jq -e --arg n "$1" 'any(.mentions[]; .name == $n)' > /dev/null && echo "$d"
  done | tr '\n' ' '
}
"$SL" entities --db s.db --json > entities.jsonl
name_like() { jq -r --arg t "$1" --arg re "$2" 'select(.type == $t and (.name | test($re; "i"))) | .name' entities.jsonl; }
putin=$(name_like person 'putin')
[ "$(printf '%s\n' "$putin" | grep -c .)" = 1 ] || fail "Putin entities: $putin"
[ "$(docs_of "$putin")" = "$D000 $D001 $D002 $D003 $D004 " ] || fail "Putin mentioned in: $(docs_of "$putin")"
sharaa=$(name_like person 'shara')
[ "$(printf '%s\n' "$sharaa" | grep -c .)" = 1 ] || fail "al-Sharaa entities: $sharaa"
[ "$(docs_of "$sharaa")" = "$D000 $D002 $D003 " ] || fail "al-Sharaa mentioned in: $(docs_of "$sharaa")"
assad=$(name_like person 'assad')
[ "$(printf '%s\n' "$assad" | grep -c .)" = 1 ] || fail "al-Assad entities: $assad"
[ "$(docs_of "$assad")" = "$D001 $D003 " ] || fail "al-Assad mentioned in: $(docs_of "$assad")"
for p in Syria Russia Sochi; do
  [ "$(name_like place "^$p\$")" = "$p" ] || fail "place $p missing"
done
[ -n "$(name_like place '^(Moscow|Kremlin)$')" ] || fail "Moscow/Kremlin missing"
# no entity made of page furniture
jq -r .name entities.jsonl | grep -Eiq '^(Source|Comment|Xem|Đọc|TIN|Phiên|Theo dõi|Nguồn|إقرأ)' \
  && fail "furniture became an entity"

# search in any script finds the reports in all scripts
hits() { "$SL" search --db s.db --json "$1" | jq -r .doc | sort -u | tr '\n' ' '; }
[ "$(hits Putin)" = "$D000 $D001 $D002 $D003 $D004 " ] || fail "search Putin: $(hits Putin)"
[ "$(hits بوتين)" = "$D000 $D001 $D002 $D003 $D004 " ] || fail "search بوتين: $(hits بوتين)"
for q in al-Sharaa الشرع; do
  h=$(hits "$q")
  for d in $D000 $D002 $D003; do
    case "$h" in *"$d"*) ;; *) fail "search $q misses $d: $h";; esac
  done
done

# ingesting again stores nothing twice
"$SL" ingest --db s.db "$ROOT/examples/seeds" 2> again.err || fail "second ingest"
grep -q '0 stored, 5 already stored' again.err || { cat again.err >&2; fail "re-ingest stored again"; }
[ "$("$SL" events --db s.db --json | wc -l)" = 4 ] || fail "re-ingest changed the events"
