#!/bin/sh
# extract_hostile: 100,000 nested tags, a 50 MB page, truncated markup and
# a wrong charset declaration give a result or a clean error, never a
# crash or a hang.
set -eu
: "${SL:?}" "${ROOT:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }

python3 - <<'PY'
deep = "<html><body>" + "<div>" * 100000 + "<p>Deep text inside, long enough to be a paragraph of prose.</p>" + "</div>" * 100000
open("deep.html", "w").write(deep)
para = "<p>" + "Words of a long article, with commas, repeated many times. " * 20 + "</p>\n"
with open("big.html", "w") as f:
    f.write("<html><body><article>")
    n = 0
    while n < 50 * 1024 * 1024:
        f.write(para)
        n += len(para)
    f.write("</article></body></html>")
page = open(__import__("os").environ["ROOT"] + "/tests/data/html/article_nav.html").read()
open("cut.html", "w").write(page[: page.index("Energy dominated") + 20])
open("wrong.html", "w", encoding="utf-8").write(
    '<html><head><meta charset="windows-1252"></head><body><p>'
    "Đường phố Hà Nội hôm nay rất đông người, xe cộ đi lại tấp nập trên các con phố.</p></body></html>")
PY
timeout 120 "$SL" extract --json deep.html > deep.jsonl || fail "deep nesting"
jq -r .text deep.jsonl | grep -q "Deep text inside" || fail "deep text"
timeout 300 "$SL" extract --json big.html > big.jsonl || fail "50 MB page"
[ "$(jq -r '.text | length' big.jsonl)" -gt 1000000 ] || fail "50 MB text"
timeout 60 "$SL" extract --json cut.html > cut.jsonl || fail "truncated"
jq -r .text cut.jsonl | grep -q "Energy dominated" || fail "truncated text"
"$SL" extract --json wrong.html > wrong.jsonl || fail "wrong charset"
jq -r .text wrong.jsonl | grep -q "Đường phố Hà Nội" || fail "wrong charset text"
exit 0
