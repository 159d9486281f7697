#!/usr/bin/env python3
"""cluster_eval — how well a store's events recover the generated events.

usage: python3 bench/cluster_eval.py STORE.db
       python3 bench/cluster_eval.py STORE.db PAIRS.jsonl

Documents made by tools/gencorpus.py carry their true event in their id
("gen-EVENT-SEQ").  Prints B-cubed precision, recall and F1 of the store's
event assignment against it (each document: the share of its stored
event that truly belongs with it, and the share of its true event that
the store put with it), plus one JSON line.

With PAIRS (the news-similarity pairs, ingested as bench/ingest.sh does:
ids PAIR_ID-1 and PAIR_ID-2), the real labelled check instead: of the
pairs the judges rated the same event (overall <= 1.5), the share the
store put in one event, and of those rated unrelated (overall >= 3.5),
the share it wrongly put together.
"""
import collections
import json
import sqlite3
import sys


def labelled_pairs(db, path):
    ev = dict(db.execute("SELECT id, event_id FROM documents"))
    same = [0, 0]
    diff = [0, 0]
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            a, b = ev.get(r["pair_id"] + "-1"), ev.get(r["pair_id"] + "-2")
            if a is None or b is None:
                continue
            if r["overall"] <= 1.5:
                same[0] += 1
                same[1] += a == b
            elif r["overall"] >= 3.5:
                diff[0] += 1
                diff[1] += a == b
    rs = same[1] / same[0] if same[0] else 0
    rd = diff[1] / diff[0] if diff[0] else 0
    print("labelled pairs: %d of %d same-event pairs in one event (%.3f); %d of %d unrelated pairs "
          "wrongly joined (%.3f)" % (same[1], same[0], rs, diff[1], diff[0], rd))
    print(json.dumps({"same_pairs": same[0], "same_joined": round(rs, 4), "unrelated_pairs": diff[0],
                      "unrelated_joined": round(rd, 4)}))


def main():
    db = sqlite3.connect(sys.argv[1])
    if len(sys.argv) > 2:
        labelled_pairs(db, sys.argv[2])
        return
    rows = [(d, e) for d, e in db.execute("SELECT id, event_id FROM documents WHERE id LIKE 'gen-%'")]
    if not rows:
        print("cluster_eval: no generated documents in the store")
        return
    truth = {d: d.split("-")[1] for d, _ in rows}
    pred = dict(rows)
    by_pred, by_true = collections.defaultdict(list), collections.defaultdict(list)
    for d in pred:
        by_pred[pred[d]].append(d)
        by_true[truth[d]].append(d)
    pairs = collections.Counter((pred[d], truth[d]) for d in pred)
    p = sum(pairs[(pred[d], truth[d])] / len(by_pred[pred[d]]) for d in pred) / len(pred)
    r = sum(pairs[(pred[d], truth[d])] / len(by_true[truth[d]]) for d in pred) / len(pred)
    f = 2 * p * r / (p + r) if p + r else 0
    print("clustering vs generated events: B-cubed precision %.3f, recall %.3f, F1 %.3f "
          "(%d documents, %d true events, %d stored events)" % (p, r, f, len(pred), len(by_true), len(by_pred)))
    print(json.dumps({"bcubed_precision": round(p, 4), "bcubed_recall": round(r, 4), "bcubed_f1": round(f, 4),
                      "docs": len(pred), "true_events": len(by_true), "events": len(by_pred)}))


if __name__ == "__main__":
    main()
