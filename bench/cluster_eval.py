#!/usr/bin/env python3
"""cluster_eval — how well a store's events recover the generated events.

usage: python3 bench/cluster_eval.py STORE.db

Documents made by tools/gencorpus.py carry their true event in their id
("gen-EVENT-SEQ").  Prints B-cubed precision, recall and F1 of the store's
event assignment against it (each document: the share of its stored
event that truly belongs with it, and the share of its true event that
the store put with it), plus one JSON line.
"""
import collections
import json
import sqlite3
import sys


def main():
    db = sqlite3.connect(sys.argv[1])
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
