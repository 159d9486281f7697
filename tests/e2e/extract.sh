#!/bin/sh
# extract: `storyline extract --json` on test pages (plain, gzip, Arabic,
# Vietnamese) gives the article and its metadata as one JSON object per
# line; bad inputs are reported by name and do not stop the other files.
set -eu
: "${SL:?}" "${ROOT:?}"
D="$ROOT/tests/data/html"
fail() { echo "FAIL: $*" >&2; exit 1; }

cp "$D/article_nav.html" page.html
gzip -c "$D/arabic.html" > arabic.html.gz
"$SL" extract --json page.html arabic.html.gz "$D/vietnamese.html" > out.jsonl
[ "$(wc -l < out.jsonl)" -eq 3 ] || fail "expected 3 lines"

j() { jq -r "select(.id == \"$1\") | .$2" out.jsonl; }
[ "$(j page title)" = "Leaders meet in Moscow to discuss trade" ] || fail "title: $(j page title)"
[ "$(j page published)" = "2026-01-28T14:05:00Z" ] || fail "published"
[ "$(j page lang)" = "en" ] || fail "lang"
[ "$(j page url)" = "https://example.com/world/2026/01/28/leaders-meet-moscow" ] || fail "url"
[ "$(j page site_name)" = "The Daily Example" ] || fail "site_name"
[ "$(j page path)" = "page.html" ] || fail "path"
j page text | grep -q "^The two presidents met at the Kremlin" || fail "text start"
j page text | grep -q "Related stories" && fail "related list leaked"
j page text | grep -q "cookie" && fail "cookie banner leaked"
# paragraphs are separated by blank lines
[ "$(j page text | grep -c '^$')" -ge 3 ] || fail "paragraph breaks"

[ "$(j arabic lang)" = "ar" ] || fail "arabic lang"
[ "$(j arabic published)" = "2026-01-28T10:00:00+03:00" ] || fail "arabic date"
j arabic text | grep -q "فلاديمير بوتين" || fail "arabic text"
# UTF-8 is written as is, not \u-escaped
grep -q 'فلاديمير' out.jsonl || fail "escaped UTF-8"
[ "$(j vietnamese lang)" = "vi" ] || fail "vietnamese lang"

# bad inputs: named on stderr, others still extracted, exit status 1
head -c 3000 /dev/urandom > junk.html
: > empty.html
set +e
"$SL" extract --json missing.html junk.html empty.html page.html > out2.jsonl 2> err.txt
rc=$?
set -e
[ "$rc" -eq 1 ] || fail "exit status $rc on bad input"
grep -q "missing.html" err.txt || fail "missing file not named"
grep -q "junk.html" err.txt || fail "junk not named"
grep -q "empty.html" err.txt || fail "empty not named"
[ "$(wc -l < out2.jsonl)" -eq 1 ] || fail "good file after bad ones"

# plain text goes through the clean module
printf 'A headline line\n\nThe first paragraph of a plain text article, long enough to keep.\n' > note.txt
"$SL" extract --json note.txt > out3.jsonl
[ "$(jq -r .id out3.jsonl)" = "note" ] || fail "text id"
jq -r .text out3.jsonl | grep -q "first paragraph" || fail "text body"

"$SL" extract --help | grep -q -- "--json" || fail "help"
exit 0
