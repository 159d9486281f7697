# ingest_bad_input.sh — bad inputs get a clear message naming the input,
# a non-zero exit when nothing could be read, and never change what the
# store already holds.  Run from an empty folder with $SL and $ROOT.
set -eu
fail() { echo "FAIL: $*" >&2; exit 1; }

"$SL" ingest --db s.db "$ROOT/examples/seeds/003_2c3edb034ccb3b0f.txt" 2> /dev/null || fail "good ingest"
snapshot() { "$SL" events --db s.db --json; "$SL" entities --db s.db --json; }
snapshot > before.txt

expect_fail() { # name file: ingest must fail, naming the file
  if "$SL" ingest --db s.db "$2" 2> err.txt; then fail "$1: exit 0"; fi
  grep -q "$2" err.txt || { cat err.txt >&2; fail "$1: message does not name the input"; }
  snapshot > after.txt
  cmp -s before.txt after.txt || fail "$1: the store changed"
}

: > empty.txt
expect_fail "empty file" empty.txt
head -c 4096 /dev/urandom > junk.bin
printf '\000\001\002' >> junk.bin
expect_fail "binary file" junk.bin
printf '{"id": "t1", "text": "Putin met al-Sharaa in Mos' > truncated.jsonl
expect_fail "truncated JSON line" truncated.jsonl
grep -q 'truncated.jsonl:1' err.txt || fail "truncated JSON: no line number"
printf '{"id": "x", "title": "no text"}\n' > notext.jsonl
expect_fail "record without text" notext.jsonl
dd if=/dev/zero bs=1M count=70 2>/dev/null | tr '\0' 'a' > huge.txt
expect_fail "file over the size limit" huge.txt
grep -qi 'limit' err.txt || fail "huge file: message does not say why"
expect_fail "missing file" nosuch.txt

# a 50 MB text is no article: its head is kept, with a warning naming it
awk 'BEGIN { print "A very long page"; for (i = 0; i < 700000; i++) printf "Line %d of a report that goes on and on.\n", i }' > long.txt
[ "$(wc -c < long.txt)" -gt 30000000 ] || fail "long.txt too small"
"$SL" ingest --db s.db long.txt 2> err.txt || { cat err.txt >&2; fail "50 MB text refused"; }
grep -q 'long.txt.*4 MB' err.txt || { cat err.txt >&2; fail "50 MB text: no warning naming it"; }
snapshot > before.txt

# invalid UTF-8 is repaired (U+FFFD), the document still stored
printf 'Title \377 here\n\nRussian President Vladimir Putin met Syrian President Ahmed al-Sharaa in Moscow on January 28, 2026. \376\n' > bad_utf8.txt
"$SL" ingest --db s.db bad_utf8.txt 2> err.txt || { cat err.txt >&2; fail "invalid UTF-8 document refused"; }
grep -q 'bad_utf8.txt' err.txt || fail "invalid UTF-8 not reported"
"$SL" show --db s.db --json bad_utf8 | jq -e '.text | contains("\ufffd")' > /dev/null || fail "U+FFFD missing"
# ... in a JSON Lines record as well: the record is stored, the line named
printf '{"id": "bad_utf8_jsonl", "text": "Russian President Vladimir Putin met Syrian President Ahmed al-Sharaa in Moscow on January 28, 2026. \376 The talks lasted three hours."}\n' > bad_utf8.jsonl
"$SL" ingest --db s.db bad_utf8.jsonl 2> err.txt || { cat err.txt >&2; fail "invalid UTF-8 record refused"; }
grep -q 'bad_utf8.jsonl:1.*U+FFFD' err.txt || { cat err.txt >&2; fail "invalid UTF-8 record not reported"; }
"$SL" show --db s.db --json bad_utf8_jsonl | jq -e '.text | contains("\ufffd")' > /dev/null || fail "record's U+FFFD missing"

# a folder whose links lead back into it is read once, not walked in circles
mkdir -p loop/a
printf 'Loop test\n\nPresident Emmanuel Macron met Chancellor Olaf Scholz in Berlin on May 2, 2024.\n' > loop/a/looped.txt
ln -s .. loop/a/up
ln -s . loop/self
timeout 60 "$SL" ingest --db loop.db loop 2> err.txt || { cat err.txt >&2; fail "folder with link loops"; }
grep -q 'loop/self: folder already read' err.txt || { cat err.txt >&2; fail "link loop not reported"; }
[ "$("$SL" events --db loop.db --json | jq -r '.documents[]' | wc -l)" = 1 ] || fail "looped folder: not one document"

# legacy encodings are decoded, not replaced: UTF-16 with a byte-order
# mark, and Latin-1 / windows-1251 text (told by ICU's charset detection)
printf 'Rencontre à Paris\n\nLe président français Emmanuel Macron a reçu à Paris le chancelier allemand Olaf Scholz le 3 février 2024 pour évoquer la défense européenne.\n' > fr_utf8.txt
iconv -f UTF-8 -t UTF-16 fr_utf8.txt > fr_utf16.txt
# (another text: the same text decoded twice would be one document)
printf 'Sommet à Bruxelles\n\nLe président français Emmanuel Macron a retrouvé à Bruxelles les dirigeants européens le 5 mars 2024 pour un sommet consacré à la défense.\n' |
  iconv -f UTF-8 -t LATIN1 > fr_latin1.txt
printf 'Переговоры в Москве\n\nПрезидент России Владимир Путин провёл переговоры в Москве с президентом Сирии Ахмедом аш-Шараа 28 января 2026 года.\n' |
  iconv -f UTF-8 -t CP1251 > ru_cp1251.txt
for f in fr_utf16 fr_latin1 ru_cp1251; do
  "$SL" ingest --db s.db $f.txt 2> err.txt || { cat err.txt >&2; fail "$f refused"; }
  "$SL" show --db s.db --json $f > $f.json || fail "$f not stored"
  jq -e '.text | contains("\ufffd") | not' $f.json > /dev/null || fail "$f: text replaced by U+FFFD"
done
jq -e '.text | contains("président français")' fr_latin1.json > /dev/null || fail "Latin-1 not decoded"
jq -e '.text | contains("président français")' fr_utf16.json > /dev/null || fail "UTF-16 not decoded"
jq -e '.text | contains("Владимир Путин")' ru_cp1251.json > /dev/null || fail "windows-1251 not decoded"
grep -q 'ru_cp1251.txt.*not UTF-8' err.txt || fail "windows-1251 decoding not reported"

# a 50 MB JSON Lines file of valid records is read without trouble
: > big.jsonl
i=0
line=$(printf '{"id":"big%%d","title":"Talks","text":"%s"}' "$(head -c 20000 /dev/zero | tr '\0' 'x' | sed 's/x\{10\}/word word /g')")
while [ $i -lt 5 ]; do printf "$line\n" $i >> big.jsonl; i=$((i + 1)); done
"$SL" ingest --db s.db big.jsonl 2> err.txt || { cat err.txt >&2; fail "big JSON Lines"; }

# stdin: JSON Lines, one bad line among good ones
printf '%s\n' '{"id":"s1","text":"Vladimir Putin spoke by phone with Ahmed al-Sharaa on February 12, 2025."}' \
  'not json' '{"id":"s2","lang":"en","text":"Earthquake hits Turkey."}' \
  | "$SL" ingest --db s.db - 2> err.txt || { cat err.txt >&2; fail "stdin ingest"; }
grep -q -- '-:2' err.txt || { cat err.txt >&2; fail "stdin bad line not named"; }
"$SL" show --db s.db --json s1 > /dev/null || fail "stdin record s1 not stored"
