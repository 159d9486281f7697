-- store_check.sql — consistency of a storyline store (src/store/SCHEMA.md):
-- each line is "check|count" and every count must be 0.  A document is
-- written with its event, mentions, facts and full-text row in one
-- transaction, so a half-written document shows up here.  Used by
-- tests/e2e/lib/store.sh (crash-safety and concurrency tests).
SELECT 'duplicate ids', count(*) - count(DISTINCT id) FROM documents;
SELECT 'document without full-text row', count(*) FROM documents d
  WHERE (SELECT count(*) FROM doc_fts f WHERE f.doc_id = d.id) != 1;
SELECT 'full-text row without document', count(*) FROM doc_fts f
  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.doc_id);
SELECT 'document without event', count(*) FROM documents d
  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = d.event_id);
SELECT 'event doc_count wrong', count(*) FROM events e
  WHERE e.doc_count != (SELECT count(*) FROM documents d WHERE d.event_id = e.id);
SELECT 'event without story', count(*) FROM events e
  WHERE NOT EXISTS (SELECT 1 FROM stories s WHERE s.id = e.story_id);
SELECT 'story event_count wrong', count(*) FROM stories s
  WHERE s.event_count != (SELECT count(*) FROM events e WHERE e.story_id = s.id);
SELECT 'mention without document or entity', count(*) FROM mentions m
  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc_id)
     OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id);
SELECT 'mention outside its text', count(*) FROM mentions m JOIN documents d ON d.id = m.doc_id
  WHERE m.start >= m.end OR m.end > length(CAST(d.text AS BLOB));
SELECT 'fact without document', count(*) FROM facts f
  WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = f.doc_id);
SELECT 'entity doc_count wrong', count(*) FROM entities e
  WHERE e.doc_count != (SELECT count(DISTINCT doc_id) FROM mentions m WHERE m.entity_id = e.id);
SELECT 'entity mention_count wrong', count(*) FROM entities e
  WHERE e.mention_count != (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id);
SELECT 'entity without variant', count(*) FROM entities e
  WHERE NOT EXISTS (SELECT 1 FROM entity_variants v WHERE v.entity_id = e.id);
SELECT 'feature of no event', count(*) FROM event_features f
  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id);
