# ingest_html.sh — web pages go through the same pipeline as plain text:
# an HTML file, a gzipped one and a JSON Lines record carrying "html" are
# extracted (no menus), dated from their metadata, linked and clustered.
# Run from an empty folder with $SL and $ROOT.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }
cp "$ROOT/tests/data/html/arabic.html" ar_page.html
gzip -c "$ROOT/tests/data/html/article_nav.html" > en_page.html.gz
jq -cn --rawfile h "$ROOT/tests/data/html/vietnamese.html" '{id: "vi-record", url: "https://example.vn/a", html: $h}' > rec.jsonl

"$SL" ingest --db s.db ar_page.html en_page.html.gz rec.jsonl 2> err.txt || { cat err.txt >&2; fail "ingest"; }
grep -q '3 stored' err.txt || { cat err.txt >&2; fail "not all three pages stored"; }

"$SL" show --db s.db --json ar_page > ar.json
jq -e '.lang == "ar" and .published == "2026-01-28"' ar.json > /dev/null || fail "Arabic page metadata: $(jq -c '{lang,published}' ar.json)"
jq -e '.title | contains("بوتين")' ar.json > /dev/null || fail "Arabic title"
jq -e '.text | contains("الرئيسية") | not' ar.json > /dev/null || fail "menu text kept in the article"
jq -e '[.mentions[].name] | any(test("Putin|بوتين"))' ar.json > /dev/null || fail "Putin not found in the Arabic page"

"$SL" show --db s.db --json en_page > en.json
jq -e '.lang == "en" and (.title | startswith("Leaders meet in Moscow"))' en.json > /dev/null \
  || fail "gzipped page: $(jq -c '{lang,title}' en.json)"
"$SL" show --db s.db --json vi-record | jq -e '.lang == "vi" and .url == "https://example.vn/a"' > /dev/null \
  || fail "JSON Lines record with html"

# the same page again is a duplicate, not a second document
"$SL" ingest --db s.db ar_page.html 2> again.txt || fail "re-ingest"
grep -q '1 already stored' again.txt || fail "page stored twice"
