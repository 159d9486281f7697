#!/usr/bin/env python3
"""query_latency — p50/p99 of the three pages a reader opens most, over
one keep-alive HTTP connection to `storyline serve`.

usage: python3 bench/query_latency.py BASE_URL STORE.db [REQUESTS]

events list: /api/events?limit=20&offset=K, K in the first 50 pages (what a
reader pages through), and events_list_deep: K anywhere in the list (OFFSET
paging walks the skipped rows: this one grows with the store); entity page: /api/entities/ID (random entities,
most named first); search: /api/search?q=WORD (words from stored titles).
Prints one line per endpoint and one JSON line (milliseconds).
"""
import http.client
import json
import random
import sqlite3
import sys
import time
import urllib.parse


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    base, db, n = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 200
    rng = random.Random(7)
    con = sqlite3.connect(db)
    nev = con.execute("SELECT count(*) FROM events").fetchone()[0]
    ents = [r[0] for r in con.execute("SELECT id FROM entities ORDER BY doc_count DESC LIMIT 2000")]
    words = []
    for (t,) in con.execute("SELECT title FROM documents ORDER BY random() LIMIT 500"):
        words += [w for w in t.split() if len(w) >= 5 and w.isalpha()]
    con.close()
    u = urllib.parse.urlparse(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    paths = {
        "events_list": lambda: "/api/events?limit=20&offset=%d" % (20 * rng.randrange(min(50, max(1, nev // 20)))),
        "events_list_deep": lambda: "/api/events?limit=20&offset=%d" % rng.randrange(max(1, nev - 20)),
        "entity_page": lambda: "/api/entities/%d" % rng.choice(ents),
        "search": lambda: "/api/search?q=" + urllib.parse.quote(rng.choice(words)),
    }
    out = {}
    for name, mk in paths.items():
        lat = []
        for _ in range(n):
            p = mk()
            t0 = time.perf_counter()
            conn.request("GET", p)
            r = conn.getresponse()
            r.read()
            lat.append((time.perf_counter() - t0) * 1000)
            if r.status != 200:
                print("query_latency: %s -> %d" % (p, r.status), file=sys.stderr)
        out[name] = {"p50_ms": round(pct(lat, 50), 2), "p99_ms": round(pct(lat, 99), 2)}
        print("%-16s p50 %7.2f ms  p99 %7.2f ms  (%d requests)" % (name, out[name]["p50_ms"], out[name]["p99_ms"], n))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
