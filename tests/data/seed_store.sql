-- seed_store.sql — a small store (schema version 2, src/store/SCHEMA.md)
-- resembling what `storyline ingest examples/seeds` writes: four events, one
-- story, the five seed documents (vi, ar, en), their entities with variants
-- in Latin and Arabic script, mentions and facts.  Used by
-- tests/unit/test_query.c, which loads it with sqlite3_exec and then fills
-- entities.key and doc_fts through the names and tokenize modules, exactly
-- as the write side does.  Hand-written; keep it in step with SCHEMA.md.
PRAGMA journal_mode = WAL;
BEGIN;
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE stories(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  first_date TEXT, last_date TEXT,
  event_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  event_date TEXT,
  story_id INTEGER REFERENCES stories(id),
  doc_count INTEGER NOT NULL DEFAULT 0,
  langs TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE documents(
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  url TEXT, path TEXT, source TEXT,
  title TEXT NOT NULL, text TEXT NOT NULL,
  lang TEXT NOT NULL, script TEXT NOT NULL,
  published TEXT, event_date TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  event_id INTEGER REFERENCES events(id),
  ingested_at TEXT NOT NULL);
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('person','place','org')),
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  doc_count INTEGER NOT NULL DEFAULT 0,
  mention_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE entity_variants(
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  variant TEXT NOT NULL, script TEXT NOT NULL, lang TEXT,
  count INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (entity_id, variant));
CREATE TABLE mentions(
  doc INTEGER NOT NULL REFERENCES documents(rid), n INTEGER NOT NULL,
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;
CREATE TABLE facts(
  doc INTEGER NOT NULL REFERENCES documents(rid), n INTEGER NOT NULL,
  value REAL NOT NULL, unit TEXT NOT NULL DEFAULT '',
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  PRIMARY KEY (doc, n)) WITHOUT ROWID;
CREATE TABLE entity_events(
  entity_id INTEGER NOT NULL REFERENCES entities(id),
  event_date TEXT NOT NULL,
  event_id INTEGER NOT NULL REFERENCES events(id),
  mentions INTEGER NOT NULL,
  PRIMARY KEY (entity_id, event_date, event_id)) WITHOUT ROWID;
CREATE TRIGGER entity_events_date AFTER UPDATE OF event_date ON events
  WHEN old.event_date IS NOT new.event_date BEGIN
  UPDATE entity_events SET event_date = coalesce(new.event_date, '')
  WHERE event_date = coalesce(old.event_date, '') AND event_id = new.id AND entity_id IN
  (SELECT m.entity_id FROM documents d JOIN mentions m ON m.doc = d.rid WHERE d.event_id = new.id);
  END;
CREATE TABLE event_features(
  feature INTEGER NOT NULL, event_id INTEGER NOT NULL, weight REAL NOT NULL,
  PRIMARY KEY (feature, event_id)) WITHOUT ROWID;
CREATE VIRTUAL TABLE doc_fts USING fts5(
  title, body, names, content='',
  tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE entity_keys USING fts5(
  key, content='entities', content_rowid='id',
  tokenize = 'unicode61 remove_diacritics 0');
CREATE TRIGGER entity_keys_ins AFTER INSERT ON entities BEGIN
  INSERT INTO entity_keys(rowid, key) VALUES (new.id, new.key); END;
CREATE TRIGGER entity_keys_upd AFTER UPDATE OF key ON entities BEGIN
  INSERT INTO entity_keys(entity_keys, rowid, key) VALUES ('delete', old.id, old.key);
  INSERT INTO entity_keys(rowid, key) VALUES (new.id, new.key); END;
CREATE INDEX documents_event ON documents(event_id);
CREATE INDEX events_story ON events(story_id, event_date);
CREATE INDEX variants_variant ON entity_variants(variant);

INSERT INTO meta VALUES ('schema_version', '2');

INSERT INTO stories VALUES
 (1, 'Tổng thống Nga và Syria hội đàm tại điện Kremlin', '2017-11-20', '2026-01-28', 4);

INSERT INTO events VALUES
 (1, 'Tổng thống Nga và Syria hội đàm tại điện Kremlin', '2026-01-28', 1, 2, 'ar,vi',
  '2026-01-29T08:00:00Z', '2026-01-29T08:00:01Z'),
 (2, 'Syria và Nga thảo luận chấm dứt xung đột ở Syria', '2017-11-20', 1, 1, 'vi',
  '2026-01-29T08:00:00Z', '2026-01-29T08:00:00Z'),
 (3, 'Putin holds first phone call with Syria''s al-Sharaa', '2025-02-12', 1, 1, 'en',
  '2026-01-29T08:00:00Z', '2026-01-29T08:00:00Z'),
 (4, 'رئيسا سوريا وروسيا يعقدان مباحثات ثنائية تتضمن تعزيز التعاون فى مختلف المجالات', NULL, 1, 1, 'ar',
  '2026-01-29T08:00:00Z', '2026-01-29T08:00:00Z');

INSERT INTO documents(id, url, path, source, title, text, lang, script, published, event_date,
                      content_hash, event_id, ingested_at) VALUES
 ('000_a36e95430f0b8119', 'https://baomoi.example/kremlin.html', 'examples/seeds/000_a36e95430f0b8119.txt',
  'baomoi.example', 'Tổng thống Nga và Syria hội đàm tại điện Kremlin',
  'Tổng thống Nga Vladimir Putin hội đàm với Tổng thống Syria Ahmed al-Sharaa tại Điện Kremlin. Trong cuộc gặp ngày 28/1, Tổng thống Nga Vladimir Putin khẳng định quan hệ Nga - Syria có nền tảng hữu nghị lâu dài. Truyền thông Nga dẫn lời ông Putin cho biết kim ngạch thương mại hai chiều đã tăng khoảng 4% kể từ cuộc gặp gần nhất.',
  'vi', 'Latn', '2026-01-28', '2026-01-28', 'h000', 1, '2026-01-29T08:00:00Z'),
 ('001_68aac25d7f60230c', NULL, 'examples/seeds/001_68aac25d7f60230c.txt',
  'baoquocte.example', 'Syria và Nga thảo luận chấm dứt xung đột ở Syria',
  'Trong khuôn khổ chuyến thăm làm việc tại Nga, đêm 20/11, Tổng thống Syria Bashar Al Assad hội đàm với Tổng thống Nga Vladimir Putin. Tại cuộc gặp ở thành phố Sochi (Nga), Tổng thống Putin đánh giá cuộc hội đàm rất cụ thể.',
  'vi', 'Latn', '2017-11-21', '2017-11-20', 'h001', 2, '2026-01-29T08:00:00Z'),
 ('002_4843e7fa21632428', 'https://sana.example/kremlin', 'examples/seeds/002_4843e7fa21632428.txt',
  'sana.example', 'اجتماع موسع في قصر الكرملين يجمع الرئيس أحمد الشرع والرئيس الروسي فلاديمير بوتين',
  'عقد اجتماع موسع في قصر الكرملين بالعاصمة الروسية موسكو، جمع السيد الرئيس أحمد الشرع والرئيس الروسي فلاديمير بوتين. وذكرت أن الشرع أفاد بأن سوريا تجاوزت خلال العام الماضي تحديات كبرى. وأشارت إلى أن الرئيس بوتين أكد على أن العلاقات بين البلدين ذات جذور عميقة.',
  'ar', 'Arab', '2026-01-28', '2026-01-28', 'h002', 1, '2026-01-29T08:00:01Z'),
 ('003_2c3edb034ccb3b0f', NULL, 'examples/seeds/003_2c3edb034ccb3b0f.txt',
  NULL, 'Putin holds first phone call with Syria''s al-Sharaa',
  'On February 12, Russian President Vladimir Putin had his first phone call with the head of the new Syrian government, Ahmed Hussein al-Sharaa, the first since the collapse of former President Bashar al-Assad''s government. According to the Kremlin, Mr. Putin said that Moscow supports the unity of Syria.',
  'en', 'Latn', '2025-02-13', '2025-02-12', 'h003', 3, '2026-01-29T08:00:00Z'),
 ('004_23d814b1d62127e7', NULL, 'examples/seeds/004_23d814b1d62127e7.txt',
  NULL, 'رئيسا سوريا وروسيا يعقدان مباحثات ثنائية تتضمن تعزيز التعاون فى مختلف المجالات',
  'وقالت وكالة الأنباء السورية إن الحادث وقع خلال محادثات رسمية بين الرئيس السوري ونظيره الروسي فلاديمير بوتين في الكرملين بالعاصمة الروسية موسكو. حيث زاد حجم التجارة خلال العام الماضي بنسبة 7 في المائة.',
  'ar', 'Arab', NULL, NULL, 'h004', 4, '2026-01-29T08:00:00Z');

-- key is filled by the test through sl_names_key (the write side does the same).
INSERT INTO entities VALUES
 (1, 'person', 'Vladimir Putin', '', 5, 14),
 (2, 'person', 'Ahmed al-Sharaa', '', 3, 7),
 (3, 'person', 'Bashar al-Assad', '', 2, 2),
 (4, 'place', 'Syria', '', 5, 9),
 (5, 'place', 'Russia', '', 4, 6),
 (6, 'place', 'Moscow', '', 3, 3),
 (7, 'place', 'Kremlin', '', 4, 4),
 (8, 'place', 'Sochi', '', 1, 1);

INSERT INTO entity_variants VALUES
 (1, 'Vladimir Putin', 'Latn', 'vi', 5),
 (1, 'Putin', 'Latn', 'en', 4),
 (1, 'فلاديمير بوتين', 'Arab', 'ar', 3),
 (1, 'بوتين', 'Arab', 'ar', 1),
 (2, 'Ahmed al-Sharaa', 'Latn', 'vi', 1),
 (2, 'al-Sharaa', 'Latn', 'vi', 1),
 (2, 'Ahmed Hussein al-Sharaa', 'Latn', 'en', 2),
 (2, 'أحمد الشرع', 'Arab', 'ar', 2),
 (2, 'الشرع', 'Arab', 'ar', 1),
 (3, 'Bashar Al Assad', 'Latn', 'vi', 1),
 (3, 'Bashar al-Assad', 'Latn', 'en', 1),
 (4, 'Syria', 'Latn', NULL, 6),
 (4, 'سوريا', 'Arab', 'ar', 3),
 (5, 'Nga', 'Latn', 'vi', 4),
 (5, 'Russia', 'Latn', 'en', 1),
 (5, 'روسيا', 'Arab', 'ar', 1),
 (6, 'Moscow', 'Latn', NULL, 2),
 (6, 'موسكو', 'Arab', 'ar', 2),
 (7, 'Kremlin', 'Latn', NULL, 2),
 (7, 'الكرملين', 'Arab', 'ar', 2),
 (8, 'Sochi', 'Latn', 'vi', 1);

-- Offsets are computed below: the byte range of the surface's first
-- occurrence in documents.text, as the write side stores them (a mention
-- keeps no copy of its surface).
CREATE TEMP TABLE m(doc_id, entity_id, start, end, surface);
INSERT INTO m VALUES
 ('000_a36e95430f0b8119', 1, 21, 35, 'Vladimir Putin'),
 ('000_a36e95430f0b8119', 2, 68, 83, 'Ahmed al-Sharaa'),
 ('000_a36e95430f0b8119', 4, 60, 65, 'Syria'),
 ('000_a36e95430f0b8119', 7, 93, 100, 'Kremlin'),
 ('001_68aac25d7f60230c', 1, 150, 164, 'Vladimir Putin'),
 ('001_68aac25d7f60230c', 3, 94, 109, 'Bashar Al Assad'),
 ('001_68aac25d7f60230c', 4, 88, 93, 'Syria'),
 ('001_68aac25d7f60230c', 8, 190, 195, 'Sochi'),
 ('002_4843e7fa21632428', 1, 150, 175, 'فلاديمير بوتين'),
 ('002_4843e7fa21632428', 2, 110, 129, 'أحمد الشرع'),
 ('002_4843e7fa21632428', 6, 90, 100, 'موسكو'),
 ('002_4843e7fa21632428', 7, 40, 56, 'الكرملين'),
 ('003_2c3edb034ccb3b0f', 1, 37, 51, 'Vladimir Putin'),
 ('003_2c3edb034ccb3b0f', 2, 118, 141, 'Ahmed Hussein al-Sharaa'),
 ('003_2c3edb034ccb3b0f', 3, 197, 212, 'Bashar al-Assad'),
 ('003_2c3edb034ccb3b0f', 4, 300, 305, 'Syria'),
 ('003_2c3edb034ccb3b0f', 6, 270, 276, 'Moscow'),
 ('003_2c3edb034ccb3b0f', 7, 250, 257, 'Kremlin'),
 ('004_23d814b1d62127e7', 1, 120, 145, 'فلاديمير بوتين'),
 ('004_23d814b1d62127e7', 5, 10, 20, 'الروسية'),
 ('004_23d814b1d62127e7', 6, 180, 190, 'موسكو'),
 ('004_23d814b1d62127e7', 7, 150, 166, 'الكرملين');

UPDATE m SET start = instr(CAST((SELECT text FROM documents WHERE id = doc_id) AS BLOB),
                                  CAST(surface AS BLOB)) - 1;
UPDATE m SET end = start + length(CAST(surface AS BLOB));

INSERT INTO mentions SELECT d.rid, row_number() OVER (PARTITION BY d.rid ORDER BY m.rowid) - 1,
  m.entity_id, m.start, m.end FROM m JOIN documents d ON d.id = m.doc_id;
INSERT INTO entity_events SELECT m.entity_id, coalesce(e.event_date, ''), d.event_id, count(*)
  FROM mentions m JOIN documents d ON d.rid = m.doc JOIN events e ON e.id = d.event_id
  GROUP BY m.entity_id, d.event_id;

-- a fact is the byte range of its sentence in the text
CREATE TEMP TABLE f(doc_id, value, unit, sentence);
INSERT INTO f VALUES
 ('000_a36e95430f0b8119', 4, '%', 'kim ngạch thương mại hai chiều đã tăng khoảng 4% kể từ cuộc gặp gần nhất'),
 ('004_23d814b1d62127e7', 7, '%', 'زاد حجم التجارة خلال العام الماضي بنسبة 7 في المائة');

INSERT INTO facts SELECT d.rid, row_number() OVER (PARTITION BY d.rid ORDER BY f.rowid) - 1,
  f.value, f.unit,
  instr(CAST(d.text AS BLOB), CAST(f.sentence AS BLOB)) - 1,
  instr(CAST(d.text AS BLOB), CAST(f.sentence AS BLOB)) - 1 + length(CAST(f.sentence AS BLOB))
  FROM f JOIN documents d ON d.id = f.doc_id;

-- doc_fts is filled by the test (title/body through sl_normalize).
COMMIT;
