#!/bin/sh
# bench/scale.sh BIN [N] — the scale benchmark (issue 8): N generated
# documents (default $SCALE_DOCS or 20000; tools/gencorpus.py, real
# paragraphs recombined into events, over three years or more) through
# `BIN ingest --stats` on one core (taskset -c 0), then:
#   - docs/s per stage (CPU seconds measured inside the pipeline) and end
#     to end (process CPU, and wall), peak RSS;
#   - flatness: docs per CPU second over the last tenth of the ingest
#     against the first tenth, and from 200,000 documents on over the
#     last 100,000 against the first 100,000 (issue 8), from
#     --progress-every lines;
#   - store bytes per document, and overhead beyond the text itself;
#   - clustering quality against the generated events (B-cubed);
#   - query latency p50/p99 over `BIN serve` (events list, entity page,
#     search), and `extract` time per MB of HTML beside Readability.js.
# Prints a table and, last, one JSON line.  The corpus is cached in
# build/bench/ (never in git); STORE=path keeps the store there.
set -eu
BIN=${1:?usage: sh bench/scale.sh BIN [N]}
N=${2:-${SCALE_DOCS:-20000}}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
case $BIN in /*) SL=$BIN ;; *) SL="$PWD/$BIN" ;; esac
export SL
DATA=${SL_DATA:-$ROOT/../shared/data}
[ -f "$DATA/news-similarity/pairs.dev.jsonl" ] || { echo "scale bench: $DATA not found, skipped"; exit 0; }
CACHE="$ROOT/build/bench"
mkdir -p "$CACHE"
# named after the generator's own hash: a changed generator makes a new corpus
GEN=$(cksum < "$ROOT/tools/gencorpus.py" | cut -d' ' -f1)
CORPUS="$CACHE/gen-$N-$GEN.jsonl"
if [ ! -s "$CORPUS" ]; then
  python3 "$ROOT/tools/gencorpus.py" "$N" --data "$DATA" > "$CORPUS.tmp" && mv "$CORPUS.tmp" "$CORPUS"
fi
TMP=$(mktemp -d)
cleanup() { sl_serve_stop 2>/dev/null || true; cd /; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM
DB=${STORE:-$TMP/scale.db}
rm -f "$DB" "$DB-wal" "$DB-shm"
PIN=""
command -v taskset > /dev/null && PIN="taskset -c 0"
# progress lines come at batch commits (500 documents): a tenth, rounded to them
STEP=$((N / 10 / 500 * 500))
[ "$STEP" -ge 500 ] || STEP=500
[ "$N" -lt 200000 ] || STEP=10000 # lines at 100,000 and N - 100,000 too
t0=$(date +%s.%N)
/usr/bin/time -f '%U %S %M' -o "$TMP/time" $PIN "$SL" ingest --quiet --stats --progress-every "$STEP" \
  --db "$DB" "$CORPUS" 2> "$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
t1=$(date +%s.%N)
python3 - "$TMP/err" "$TMP/time" "$DB" "$N" "$t0" "$t1" > "$TMP/ingest.json" <<'PY'
import json, os, re, sqlite3, sys
err, tm, db, n, t0, t1 = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
lines = open(err).read().splitlines()
stages, prog = {}, []
for l in lines:
    f = l.split("\t")
    if len(f) >= 3 and f[0] not in ("stage", "stages", "process"):
        stages[f[0]] = float(f[1])
    m = re.match(r"ingest: (\d+) documents, .* ([0-9.]+) s CPU", l)
    if m:
        prog.append((int(m.group(1)), float(m.group(2))))
u, s, rss = open(tm).read().split()[-3:]
cpu = float(u) + float(s)
con = sqlite3.connect(db)
docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
# the text's own bytes: a packed text (src/store/textz.h) carries its
# length in its first 4 bytes; the store's size beyond them is overhead
text = con.execute("SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents"
                   " WHERE typeof(text) = 'text'").fetchone()[0]
for (head,) in con.execute("SELECT substr(text, 1, 4) FROM documents WHERE typeof(text) = 'blob'"):
    text += int.from_bytes(head, "little")
stored = con.execute("SELECT coalesce(sum(length(text)), 0) FROM documents").fetchone()[0]
events = con.execute("SELECT count(*) FROM events").fetchone()[0]
ents = con.execute("SELECT count(*) FROM entities").fetchone()[0]
con.close()
size = sum(os.path.getsize(p) for p in (db, db + "-wal") if os.path.exists(p))
flat = None
if len(prog) >= 3:
    (d1, c1), (d9, c9), (dn, cn) = prog[0], prog[-2], prog[-1]
    first = d1 / c1 if c1 > 0 else 0
    last = (dn - d9) / (cn - c9) if cn > c9 else 0
    # tenths: the line nearest a tenth of the way, and the one before the last
    at = dict(prog)
    d1 = min(at, key=lambda d: abs(d - n / 10))
    d9 = min(at, key=lambda d: abs(d - (dn - n / 10)) if d < dn else n * 2)
    c1, c9 = at[d1], at[d9]
    first = d1 / c1 if c1 > 0 else 0
    last = (dn - d9) / (cn - c9) if cn > c9 else 0
    flat = {"first_tenth_docs_per_cpu_s": round(first, 1), "last_tenth_docs_per_cpu_s": round(last, 1),
            "ratio": round(last / first, 3) if first else None}
    if n >= 200000 and 100000 in at and dn - 100000 in at:
        f100 = 100000 / at[100000]
        l100 = 100000 / (cn - at[dn - 100000])
        flat.update({"first_100k_docs_per_cpu_s": round(f100, 1), "last_100k_docs_per_cpu_s": round(l100, 1),
                     "ratio_100k": round(l100 / f100, 3)})
out = {"docs": docs, "read": n, "events": events, "entities": ents,
       "docs_per_s_cpu": round(docs / cpu, 1), "docs_per_s_wall": round(docs / (t1 - t0), 1),
       "cpu_s": round(cpu, 2), "wall_s": round(t1 - t0, 2), "peak_rss_mb": round(int(rss) / 1024, 1),
       "stages_docs_per_cpu_s": {k: round(n / v, 1) if v > 0 else None for k, v in stages.items()},
       "store_bytes_per_doc": round(size / max(1, docs)), "text_bytes_per_doc": round(text / max(1, docs)),
       "text_stored_bytes_per_doc": round(stored / max(1, docs)),
       "overhead_bytes_per_doc": round((size - text) / max(1, docs)), "flat": flat}
print(json.dumps(out))
PY
python3 "$ROOT/bench/cluster_eval.py" "$DB" | tail -n 1 > "$TMP/cluster.json"
# query latency over the store just built
cd "$TMP"
. "$ROOT/tests/e2e/lib/server.sh"
echo '{}' > "$TMP/query.json"
if sl_serve_start "$DB"; then
  python3 "$ROOT/bench/query_latency.py" "$SL_BASE" "$DB" 300 | tail -n 1 > "$TMP/query.json"
  sl_serve_stop
fi
# extraction per MB of HTML, beside Readability.js
echo '{}' > "$TMP/extract.json"
if [ -f "$ROOT/bench/extract.sh" ] && [ -d "$DATA/article-extraction/html" ]; then
  MB=$(for f in "$DATA"/article-extraction/html/*.html.gz; do gzip -dc "$f"; done | wc -c)
  NP=$(ls "$DATA"/article-extraction/html/*.html.gz | wc -l)
  ROUNDS=${ROUNDS:-3} sh "$ROOT/bench/extract.sh" "$SL" "$DATA/article-extraction" > "$TMP/extract.out" 2>&1 || true
  python3 - "$TMP/extract.out" "$MB" "$NP" > "$TMP/extract.json" <<'PY'
import json, re, sys
txt, mb, npages = open(sys.argv[1]).read(), int(sys.argv[2]) / 1e6, int(sys.argv[3])
out = {"html_mb": round(mb, 2), "pages": npages}
for who in ("storyline", "readability"):
    m = re.search(r"^%s: +F1 ([0-9.na/]+), ([0-9.]+) pages/s" % who, txt, re.M)
    if m:
        pps = float(m.group(2))
        out[who] = {"f1": m.group(1), "pages_per_s": pps, "ms_per_mb": round(1000 * npages / pps / mb, 1)}
print(json.dumps(out))
PY
fi
python3 - "$TMP/ingest.json" "$TMP/cluster.json" "$TMP/query.json" "$TMP/extract.json" <<'PY'
import json, sys
ing, clu, q, ex = (json.load(open(p)) for p in sys.argv[1:5])
print("scale benchmark: %d generated documents (%d stored), one core (taskset -c 0)" % (ing["read"], ing["docs"]))
print("%-26s %12s" % ("stage", "docs/CPU s"))
for k, v in ing["stages_docs_per_cpu_s"].items():
    print("%-26s %12s" % (k, v))
print("%-26s %12s   (wall: %s docs/s, %.0f s; CPU %.0f s)" % ("end to end", ing["docs_per_s_cpu"], ing["docs_per_s_wall"], ing["wall_s"], ing["cpu_s"]))
f = ing.get("flat") or {}
print("%-26s %12s   (first tenth %s, last tenth %s docs/CPU s)" % ("flatness last/first", f.get("ratio"), f.get("first_tenth_docs_per_cpu_s"), f.get("last_tenth_docs_per_cpu_s")))
if "ratio_100k" in f:
    print("%-26s %12s   (first 100k %s, last 100k %s docs/CPU s)" % ("flatness 100k blocks", f["ratio_100k"], f["first_100k_docs_per_cpu_s"], f["last_100k_docs_per_cpu_s"]))
print("%-26s %12s MB" % ("peak RSS", ing["peak_rss_mb"]))
print("%-26s %12s B   (text %s B, stored packed in %s B; overhead beyond the text %s B)" % ("store per document", ing["store_bytes_per_doc"], ing["text_bytes_per_doc"], ing["text_stored_bytes_per_doc"], ing["overhead_bytes_per_doc"]))
print("%-26s %12s   (%s events, %s entities; B-cubed P %s R %s)" % ("clustering F1", clu.get("bcubed_f1"), ing["events"], ing["entities"], clu.get("bcubed_precision"), clu.get("bcubed_recall")))
for k in ("events_list", "events_list_deep", "entity_page", "search"):
    if k in q:
        print("%-26s %12s   (p50 %s ms)" % (k + " p99 ms", q[k]["p99_ms"], q[k]["p50_ms"]))
for k in ("storyline", "readability"):
    if k in ex:
        print("%-26s %12s   (%s pages/s, F1 %s)" % ("extract " + k + " ms/MB", ex[k]["ms_per_mb"], ex[k]["pages_per_s"], ex[k]["f1"]))
print(json.dumps({"bench": "scale", "ingest": ing, "clustering": clu, "query": q, "extract": ex}))
PY
