# ingest_jobs.sh — `ingest --jobs 2` builds exactly the store `--jobs 1`
# builds: the seed articles and 286 real dev articles in ten languages
# (both sides of every ninth news-similarity dev pair), compared as a dump
# of documents with their events, events, stories, entities, variants,
# mentions, facts and the clusterer's evidence (timestamps left out).
# Also: --verbose prints one stored line per document, in input order.
# Run from an empty folder with $SL and $ROOT.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
DEV="$ROOT/tests/data/ingest/dev_articles.jsonl"
dump() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for q in ("SELECT id, event_id, lang, event_date, content_hash FROM documents ORDER BY id",
          "SELECT id, title, event_date, story_id, doc_count, langs FROM events ORDER BY id",
          "SELECT id, title, first_date, last_date, event_count FROM stories ORDER BY id",
          "SELECT id, type, name, key, doc_count, mention_count, code FROM entities ORDER BY id",
          "SELECT entity_id, variant, script, lang, count FROM entity_variants ORDER BY 1, 2",
          "SELECT d.id, m.entity_id, m.start, m.end FROM mentions m JOIN documents d ON d.rid = m.doc"
          " ORDER BY 1, 3, 2",
          "SELECT d.id, f.value, f.unit, f.start, f.end FROM facts f JOIN documents d ON d.rid = f.doc"
          " ORDER BY 1, 2, 3, 4",
          "SELECT entity_id, event_date, event_id, mentions FROM entity_events ORDER BY 1, 3",
          "SELECT event_id, hex(features) FROM event_evidence ORDER BY 1"):
    for row in db.execute(q):
        print("|".join(str(x) for x in row))
PY
}
count() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"; }
for j in 1 2; do
  "$SL" ingest --jobs $j --verbose --db j$j.db "$ROOT/examples/seeds" "$DEV" > stored$j.txt 2> err$j.txt ||
    { cat err$j.txt >&2; fail "ingest --jobs $j"; }
  dump j$j.db > dump$j.txt
done
docs=$(count j1.db "SELECT count(*) FROM documents")
[ "$docs" -ge 280 ] || fail "only $docs documents stored"
[ "$(count j1.db "SELECT count(*) FROM events")" -lt "$docs" ] || fail "no event holds two reports"
cmp -s dump1.txt dump2.txt || { diff dump1.txt dump2.txt | head -20 >&2; fail "--jobs 2 store differs from --jobs 1"; }
# one stored line per stored document, in input order, for every job count
[ "$(wc -l < stored1.txt)" = "$docs" ] || fail "$(wc -l < stored1.txt) stored lines for $docs documents"
cmp -s stored1.txt stored2.txt || fail "stored lines differ between --jobs 1 and 2"
head -n 1 stored1.txt | grep -q "^stored	000_a36e95430f0b8119	" || fail "first stored line: $(head -n 1 stored1.txt)"
# a second ingest of the same inputs stores nothing new, with 2 jobs too
"$SL" ingest --jobs 2 --verbose --db j2.db "$ROOT/examples/seeds" "$DEV" > again.txt 2> /dev/null
[ ! -s again.txt ] || fail "re-ingest stored documents again"
dump j2.db > dump2b.txt
cmp -s dump1.txt dump2b.txt || fail "re-ingest changed the store"
