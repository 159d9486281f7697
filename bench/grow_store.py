#!/usr/bin/env python3
"""grow_store.py STORE DOCS — grows an ingested store to about DOCS
documents for load tests (bench/serve.sh) by cloning its rows: every copy
k gets new document ids (ID_cK), new events and a new story, with dates
shifted back k days (mod 20 years) so the timeline spreads out.  Mentions,
facts and full-text rows are cloned with their documents.  Only for
benchmarks: the clones are not real articles."""
import sqlite3
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: grow_store.py STORE DOCS")
    path, want = sys.argv[1], int(sys.argv[2])
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA cache_size = -262144")
    have = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    if have == 0 or want <= have:
        return
    copies = (want - have + have - 1) // have
    me = db.execute("SELECT coalesce(max(id), 0) + 1 FROM events").fetchone()[0]
    ms = db.execute("SELECT coalesce(max(id), 0) + 1 FROM stories").fetchone()[0]
    db.execute("CREATE TEMP TABLE n(k INTEGER PRIMARY KEY)")
    db.executemany("INSERT INTO n VALUES (?)", ((k,) for k in range(1, copies + 1)))
    shift = "'-' || (k % 7300) || ' days'"
    db.executescript(f"""
    BEGIN;
    INSERT INTO stories(id, title, first_date, last_date, event_count)
      SELECT s.id + k * {ms}, s.title, date(s.first_date, {shift}), date(s.last_date, {shift}),
             s.event_count FROM stories s, n;
    INSERT INTO events(id, title, event_date, story_id, doc_count, langs, created_at, updated_at)
      SELECT e.id + k * {me}, e.title,
             CASE WHEN length(e.event_date) = 10 THEN date(e.event_date, {shift}) ELSE e.event_date END,
             e.story_id + k * {ms}, e.doc_count, e.langs, e.created_at, e.updated_at FROM events e, n;
    INSERT INTO documents(id, url, path, source, title, text, lang, script, published, event_date,
                          content_hash, event_id, ingested_at)
      SELECT d.id || '_c' || k, d.url, d.path, d.source, d.title, d.text, d.lang, d.script,
             CASE WHEN length(d.published) >= 10 THEN date(d.published, {shift}) ELSE d.published END,
             CASE WHEN length(d.event_date) = 10 THEN date(d.event_date, {shift}) ELSE d.event_date END,
             d.content_hash || '_c' || k, d.event_id + k * {me}, d.ingested_at FROM documents d, n
      WHERE d.id NOT LIKE '%\\_c%' ESCAPE '\\';
    INSERT INTO mentions(doc_id, entity_id, start, end, surface)
      SELECT m.doc_id || '_c' || k, m.entity_id, m.start, m.end, m.surface FROM mentions m, n
      WHERE m.doc_id NOT LIKE '%\\_c%' ESCAPE '\\';
    INSERT INTO facts(doc_id, value, unit, sentence)
      SELECT f.doc_id || '_c' || k, f.value, f.unit, f.sentence FROM facts f, n
      WHERE f.doc_id NOT LIKE '%\\_c%' ESCAPE '\\';
    INSERT INTO doc_fts(doc_id, title, body, names)
      SELECT f.doc_id || '_c' || k, f.title, f.body, f.names FROM doc_fts f, n
      WHERE f.doc_id NOT LIKE '%\\_c%' ESCAPE '\\';
    UPDATE entities SET doc_count = (SELECT count(DISTINCT doc_id) FROM mentions
                                     WHERE entity_id = entities.id);
    COMMIT;
    ANALYZE;
    """)
    total = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(f"grow_store: {path} now holds {total} documents")
    db.close()


if __name__ == "__main__":
    main()
