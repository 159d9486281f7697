-- store_check.sql — consistency of a storyline store (src/store/SCHEMA.md,
-- schema version 3): each line is "check|count" and every count must be 0.
-- A document is written with its event, mentions, facts, entity_events
-- counts and full-text row in one transaction, so a half-written document
-- shows up here.  Used by tests/e2e/lib/store.sh (crash-safety and
-- concurrency tests).
-- a text's byte length: a packed text (BLOB, src/store/textz.h) carries it
-- in its first 4 bytes, little-endian
CREATE TEMP VIEW text_len AS SELECT rid, CASE typeof(text) WHEN 'blob' THEN
  ((instr('0123456789ABCDEF', substr(h, 1, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(h, 2, 1)) - 1)
  + 256 * ((instr('0123456789ABCDEF', substr(h, 3, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(h, 4, 1)) - 1)
  + 65536 * ((instr('0123456789ABCDEF', substr(h, 5, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(h, 6, 1)) - 1)
  + 16777216 * ((instr('0123456789ABCDEF', substr(h, 7, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(h, 8, 1)) - 1)
  ELSE length(CAST(text AS BLOB)) END AS n
  FROM (SELECT rid, text, hex(substr(text, 1, 4)) AS h FROM documents);
SELECT 'duplicate ids', count(*) - count(DISTINCT id) FROM documents;
-- doc_fts is contentless: its rowids are the documents' rids
SELECT 'document without full-text row', count(*) FROM documents d
  WHERE NOT EXISTS (SELECT 1 FROM doc_fts f WHERE f.rowid = d.rid);
SELECT 'full-text row without document', count(*) FROM doc_fts f
  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rid = f.rowid);
SELECT 'document without event', count(*) FROM documents d
  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.event_id);
SELECT 'event doc_count wrong', count(*) FROM events e
  WHERE e.doc_count != (SELECT count(*) FROM documents d WHERE d.event_id = e.id);
SELECT 'event without story', count(*) FROM events e
  WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = e.story_id);
SELECT 'story event_count wrong', count(*) FROM stories s
  WHERE s.event_count != (SELECT count(*) FROM events e WHERE e.story_id = s.id);
SELECT 'mention without document or entity', count(*) FROM mentions m
  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rid = m.doc)
     OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id);
SELECT 'mention outside its text', count(*) FROM mentions m JOIN text_len t ON t.rid = m.doc
  WHERE m.start >= m.end OR m.end > t.n;
SELECT 'fact without document', count(*) FROM facts f
  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rid = f.doc);
SELECT 'fact sentence outside its text', count(*) FROM facts f JOIN text_len t ON t.rid = f.doc
  WHERE f.start > f.end OR f.end > t.n;
-- (mentions have no index by entity: one grouped pass)
CREATE TEMP TABLE entity_counts AS SELECT entity_id, count(DISTINCT doc) AS docs,
  count(*) AS n FROM mentions GROUP BY entity_id;
SELECT 'entity doc_count wrong', count(*) FROM entities e LEFT JOIN entity_counts c ON c.entity_id = e.id
  WHERE e.doc_count != coalesce(c.docs, 0);
SELECT 'entity mention_count wrong', count(*) FROM entities e LEFT JOIN entity_counts c ON c.entity_id = e.id
  WHERE e.mention_count != coalesce(c.n, 0);
SELECT 'entity without variant', count(*) FROM entities e
  WHERE NOT EXISTS (SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id);
-- entity_events: the mentions of each entity counted by event
-- (with its event's date, '' when undated)
SELECT 'entity_events row wrong', count(*) FROM (
  SELECT entity_id, event_date, event_id, mentions FROM entity_events
  EXCEPT SELECT m.entity_id, coalesce(e.event_date, ''), d.event_id, count(*) FROM mentions m
    JOIN documents d ON d.rid = m.doc JOIN events e ON e.id = d.event_id GROUP BY 1, 3);
SELECT 'entity_events row missing', count(*) FROM (
  SELECT m.entity_id, coalesce(e.event_date, ''), d.event_id, count(*) FROM mentions m
    JOIN documents d ON d.rid = m.doc JOIN events e ON e.id = d.event_id GROUP BY 1, 3
  EXCEPT SELECT entity_id, event_date, event_id, mentions FROM entity_events);
-- entity_keys (external content over entities.key) agrees with its table
SELECT 'entity_keys out of step', count(*) FROM (
  SELECT 1 WHERE (SELECT count(*) FROM entity_keys_docsize) != (SELECT count(*) FROM entities));
SELECT 'feature of no event', count(*) FROM event_features f
  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id);
SELECT 'evidence of no event', count(*) FROM event_evidence v
  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = v.event_id);
