/*
 * store — SQLite persistence for ingest (see store.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store/store.h"
#include "store/textz.h"

/* Indexes the read side needs for paging and timelines; created with IF
 * NOT EXISTS at every open, so stores made before they were added get
 * them too (they change no data, so the schema version stays). */
#define INDEXES                                                                  \
  "CREATE INDEX IF NOT EXISTS events_date ON events(event_date);"                \
  "CREATE INDEX IF NOT EXISTS stories_last ON stories(last_date);"               \
  DROPPED EVIDENCE

/* Indexes no reader uses any more, dropped from older stores at open:
 * mentions by entity (search finds an entity's documents through
 * entity_events; the index cost ~300 bytes and a random B-tree write per
 * mention). */
#define DROPPED "DROP INDEX IF EXISTS mentions_entity;"

/* The summed evidence of each open event, one row per event (see
 * pack_features): what the clusterer reloads.  Readers never look at it,
 * so adding it keeps the schema version; event_features, its row-per-
 * feature predecessor, stays empty (rows of older stores are moved here
 * at open). */
#define EVIDENCE                                                                 \
  "CREATE TABLE IF NOT EXISTS event_evidence(event_id INTEGER PRIMARY KEY"      \
  " REFERENCES events(id), features BLOB NOT NULL);"

#ifndef STORE_PAGE_SIZE
#define STORE_PAGE_SIZE "8192"
#endif

#define FEATURE_BYTES 12 /* id (8, little-endian) + weight (float bits, 4) */

static const char SCHEMA[] =
  "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE stories(id INTEGER PRIMARY KEY, title TEXT NOT NULL, first_date TEXT,"
  " last_date TEXT, event_count INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE events(id INTEGER PRIMARY KEY, title TEXT NOT NULL, event_date TEXT,"
  " story_id INTEGER REFERENCES stories(id), doc_count INTEGER NOT NULL DEFAULT 0,"
  " langs TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL);"
  "CREATE TABLE documents(rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, url TEXT, path TEXT,"
  " source TEXT, title TEXT NOT NULL, text TEXT NOT NULL, lang TEXT NOT NULL, script TEXT NOT NULL,"
  " published TEXT, event_date TEXT, content_hash TEXT NOT NULL UNIQUE,"
  " event_id INTEGER REFERENCES events(id), ingested_at TEXT NOT NULL);"
  "CREATE TABLE entities(id INTEGER PRIMARY KEY,"
  " type TEXT NOT NULL CHECK (type IN ('person','place','org')), name TEXT NOT NULL,"
  " key TEXT NOT NULL, doc_count INTEGER NOT NULL DEFAULT 0,"
  " mention_count INTEGER NOT NULL DEFAULT 0, code TEXT);"
  "CREATE TABLE entity_variants(entity_id INTEGER NOT NULL REFERENCES entities(id),"
  " variant TEXT NOT NULL, script TEXT NOT NULL, lang TEXT, count INTEGER NOT NULL DEFAULT 1,"
  " PRIMARY KEY (entity_id, variant));"
  /* keyed by document and order of writing (n): no rowid, no second
   * index for the document's rows */
  "CREATE TABLE mentions(doc INTEGER NOT NULL REFERENCES documents(rid), n INTEGER NOT NULL,"
  " entity_id INTEGER NOT NULL REFERENCES entities(id), start INTEGER NOT NULL,"
  " end INTEGER NOT NULL, PRIMARY KEY (doc, n)) WITHOUT ROWID;"
  "CREATE TABLE facts(doc INTEGER NOT NULL REFERENCES documents(rid), n INTEGER NOT NULL,"
  " value REAL NOT NULL, unit TEXT NOT NULL DEFAULT '', start INTEGER NOT NULL,"
  " end INTEGER NOT NULL, PRIMARY KEY (doc, n)) WITHOUT ROWID;"
  /* an entity's events in date order ('' = undated), so its page reads
   * the rows it shows and no more; an event's date is set once (from
   * undated), and the trigger moves its rows then */
  "CREATE TABLE entity_events(entity_id INTEGER NOT NULL REFERENCES entities(id),"
  " event_date TEXT NOT NULL, event_id INTEGER NOT NULL REFERENCES events(id),"
  " mentions INTEGER NOT NULL, PRIMARY KEY (entity_id, event_date, event_id)) WITHOUT ROWID;"
  "CREATE TRIGGER entity_events_date AFTER UPDATE OF event_date ON events"
  " WHEN old.event_date IS NOT new.event_date BEGIN"
  " UPDATE entity_events SET event_date = coalesce(new.event_date, '')"
  " WHERE event_date = coalesce(old.event_date, '') AND event_id = new.id AND entity_id IN"
  " (SELECT m.entity_id FROM documents d JOIN mentions m ON m.doc = d.rid WHERE d.event_id = new.id);"
  " END;"
  "CREATE TABLE event_features(feature INTEGER NOT NULL, event_id INTEGER NOT NULL,"
  " weight REAL NOT NULL, PRIMARY KEY (feature, event_id)) WITHOUT ROWID;"
  /* contentless: the index alone (rowid = documents.rid); the text is
   * stored once, in documents */
  "CREATE VIRTUAL TABLE doc_fts USING fts5(title, body, names, content='',"
  " tokenize = 'unicode61 remove_diacritics 2');"
  /* the words of entity keys, for search's name prefilter; kept in step
   * with entities.key by triggers, so every writer keeps it right */
  "CREATE VIRTUAL TABLE entity_keys USING fts5(key, content='entities', content_rowid='id',"
  " tokenize = 'unicode61 remove_diacritics 0');"
  "CREATE TRIGGER entity_keys_ins AFTER INSERT ON entities BEGIN"
  " INSERT INTO entity_keys(rowid, key) VALUES (new.id, new.key); END;"
  "CREATE TRIGGER entity_keys_upd AFTER UPDATE OF key ON entities BEGIN"
  " INSERT INTO entity_keys(entity_keys, rowid, key) VALUES ('delete', old.id, old.key);"
  " INSERT INTO entity_keys(rowid, key) VALUES (new.id, new.key); END;"
  "CREATE INDEX documents_event ON documents(event_id);"
  "CREATE INDEX events_story ON events(story_id, event_date);"  /* story dates: O(log n) */
  "CREATE INDEX variants_variant ON entity_variants(variant);"
  INDEXES
  "INSERT INTO meta VALUES('schema_version', '3');";

enum {
  Q_HAS_DOC, Q_INS_ENTITY, Q_UPD_ENTITY, Q_INS_VARIANT, Q_COUNT_ENTITY, Q_INS_DOC,
  Q_INS_MENTION, Q_ENTITY_EVENT, Q_EVENT_DATE, Q_INS_FACT, Q_INS_FTS, Q_INS_EVENT, Q_UPD_EVENT,
  Q_INS_STORY, Q_UPD_STORY, Q_DEL_STORY, Q_CLOSE_EVENT, Q_PUT_EVIDENCE, Q_SAVEPOINT, Q_RELEASE, Q_ROLLBACK_TO,
  Q_COUNT
};

static const char *const SQL[Q_COUNT] = {
  [Q_HAS_DOC] = "SELECT 1 FROM documents WHERE id = ?1 UNION ALL"
                " SELECT 1 FROM documents WHERE content_hash = ?2",
  [Q_INS_ENTITY] = "INSERT INTO entities(type, name, key, code) VALUES(?1, ?2, ?3, ?4)",
  [Q_UPD_ENTITY] = "UPDATE entities SET name = ?2, key = ?3 WHERE id = ?1",
  [Q_INS_VARIANT] = "INSERT INTO entity_variants(entity_id, variant, script, lang, count)"
                    " VALUES(?1, ?2, ?3, ?4, ?5)"
                    " ON CONFLICT(entity_id, variant) DO UPDATE SET count = count + excluded.count",
  [Q_COUNT_ENTITY] = "UPDATE entities SET doc_count = doc_count + 1,"
                     " mention_count = mention_count + ?2 WHERE id = ?1",
  [Q_INS_DOC] = "INSERT INTO documents(id, url, path, source, title, text, lang, script, published,"
                " event_date, content_hash, event_id, ingested_at)"
                " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [Q_INS_MENTION] = "INSERT INTO mentions(doc, n, entity_id, start, end) VALUES(?1, ?2, ?3, ?4, ?5)",
  [Q_ENTITY_EVENT] = "INSERT INTO entity_events(entity_id, event_date, event_id, mentions)"
                     " VALUES(?1, ?2, ?3, ?4) ON CONFLICT DO UPDATE SET mentions = mentions + ?4",
  [Q_EVENT_DATE] = "SELECT coalesce(event_date, '') FROM events WHERE id = ?1",
  [Q_INS_FACT] = "INSERT INTO facts(doc, n, value, unit, start, end) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
  [Q_INS_FTS] = "INSERT INTO doc_fts(rowid, title, body, names) VALUES(?1, ?2, ?3, ?4)",
  [Q_INS_EVENT] = "INSERT INTO events(title, event_date, story_id, doc_count, langs, created_at, updated_at)"
                  " VALUES(?1, ?2, ?3, 0, '', ?4, ?4)",
  [Q_UPD_EVENT] = "UPDATE events SET event_date = ?2, story_id = ?3, doc_count = doc_count + 1,"
                  " langs = CASE WHEN ?4 IS NULL OR instr(',' || langs || ',', ',' || ?4 || ',') THEN langs"
                  " WHEN langs = '' THEN ?4 ELSE langs || ',' || ?4 END, updated_at = ?5 WHERE id = ?1",
  [Q_INS_STORY] = "INSERT INTO stories(title) VALUES(?1)",
  [Q_UPD_STORY] = "UPDATE stories SET"
                  " first_date = (SELECT min(event_date) FROM events WHERE story_id = ?1),"
                  " last_date = (SELECT max(event_date) FROM events WHERE story_id = ?1),"
                  " event_count = (SELECT count(*) FROM events WHERE story_id = ?1) WHERE id = ?1",
  [Q_DEL_STORY] = "DELETE FROM stories WHERE id = ?1 AND NOT EXISTS"
                  " (SELECT 1 FROM events WHERE story_id = ?1)",
  [Q_CLOSE_EVENT] = "DELETE FROM event_evidence WHERE event_id = ?1",
  [Q_PUT_EVIDENCE] = "INSERT OR REPLACE INTO event_evidence(event_id, features) VALUES(?1, ?2)",
  [Q_SAVEPOINT] = "SAVEPOINT doc",
  [Q_RELEASE] = "RELEASE doc",
  [Q_ROLLBACK_TO] = "ROLLBACK TO doc",
};

/* A document's full-text row, written at the batch's commit. */
typedef struct fts_row {
  int64_t rid;
  char *title, *body, *names; /* title NULL when the body opens with it */
} fts_row;

struct sl_store {
  sqlite3 *db;
  sqlite3_stmt *q[Q_COUNT];
  unsigned char *blob;  /* scratch for pack_features */
  size_t capblob;
  unsigned char *ztext; /* scratch for a packed text (textz.h) */
  size_t capztext;
  char now[32];
  int64_t doc_rid, doc_event; /* the document being written (rows refer to it) */
  int64_t nments, nfacts;      /* its rows so far: the next n */
  int64_t dated_event;         /* the event put_event wrote last, */
  char event_date[32];         /* and its date ('' when undated) */
  fts_row *fts;                /* full-text rows of the open batch (see put_fts) */
  size_t nfts, capfts, fts_mark; /* fts_mark: rows before the open savepoint */
  char err[256]; /* last SQLite error, for reports */
};

const char *sl_store_errmsg(const sl_store *st) { return st->err[0] ? st->err : "store error"; }

static void set_err(char *err, size_t nerr, const char *path, const char *what) {
  if (err && nerr)
    snprintf(err, nerr, "cannot open store %s: %s", path, what);
}

static sl_rc exec(sl_store *st, const char *sql) {
  if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK)
    return SL_OK;
  snprintf(st->err, sizeof st->err, "%s", sqlite3_errmsg(st->db));
  return SL_ESTORE;
}

/* features -> blob of FEATURE_BYTES each, in st->blob; *n its size. */
static sl_rc pack_features(sl_store *st, const sl_featvec *v, size_t *n) {
  size_t need = v->n * FEATURE_BYTES;
  if (need > st->capblob) {
    unsigned char *b = realloc(st->blob, need);
    if (!b)
      return SL_ENOMEM;
    st->blob = b;
    st->capblob = need;
  }
  for (size_t i = 0; i < v->n; i++) {
    unsigned char *o = st->blob + i * FEATURE_BYTES;
    uint64_t id = v->v[i].id;
    uint32_t w;
    memcpy(&w, &v->v[i].w, sizeof w);
    for (int k = 0; k < 8; k++)
      o[k] = (unsigned char)(id >> (8 * k));
    for (int k = 0; k < 4; k++)
      o[8 + k] = (unsigned char)(w >> (8 * k));
  }
  *n = need;
  return SL_OK;
}

/* blob -> features appended to v (unfinished: the caller finishes). */
static sl_rc unpack_features(const unsigned char *b, size_t n, sl_featvec *v) {
  for (size_t i = 0; i + FEATURE_BYTES <= n; i += FEATURE_BYTES) {
    uint64_t id = 0;
    uint32_t wb = 0;
    float w;
    for (int k = 0; k < 8; k++)
      id |= (uint64_t)b[i + (size_t)k] << (8 * k);
    for (int k = 0; k < 4; k++)
      wb |= (uint32_t)b[i + 8 + (size_t)k] << (8 * k);
    memcpy(&w, &wb, sizeof w);
    if (sl_featvec_push(v, id, w) != SL_OK)
      return SL_ENOMEM;
  }
  return SL_OK;
}

static sl_rc put_evidence(sl_store *st, int64_t event_id, const sl_featvec *v);
static void drop_fts(sl_store *st, size_t from);

/* Moves the per-feature rows of a store written before event_evidence
 * into it, in one transaction. */
static sl_rc migrate_features(sl_store *st) {
  sqlite3_stmt *s = NULL;
  sl_rc rc = SL_OK;
  sl_featvec v;
  int64_t cur = 0;
  int r;
  sl_featvec_init(&v);
  if (sqlite3_prepare_v2(st->db, "SELECT 1 FROM event_features LIMIT 1", -1, &s, NULL) != SQLITE_OK)
    return SL_OK; /* no such table: nothing to move */
  r = sqlite3_step(s);
  sqlite3_finalize(s);
  s = NULL;
  if (r != SQLITE_ROW)
    return SL_OK;
  if (sqlite3_prepare_v2(st->db, "SELECT event_id, feature, weight FROM event_features"
                         " ORDER BY event_id", -1, &s, NULL) != SQLITE_OK)
    return SL_ESTORE;
  if (exec(st, "BEGIN IMMEDIATE") != SL_OK) {
    sqlite3_finalize(s);
    return SL_ESTORE;
  }
  while (rc == SL_OK && (r = sqlite3_step(s)) == SQLITE_ROW) {
    int64_t ev = sqlite3_column_int64(s, 0);
    if (ev != cur && v.n) {
      sl_featvec_finish(&v);
      rc = put_evidence(st, cur, &v);
      v.n = 0;
    }
    cur = ev;
    if (rc == SL_OK)
      rc = sl_featvec_push(&v, (uint64_t)sqlite3_column_int64(s, 1), (float)sqlite3_column_double(s, 2));
  }
  if (rc == SL_OK && v.n) {
    sl_featvec_finish(&v);
    rc = put_evidence(st, cur, &v);
  }
  sqlite3_finalize(s);
  sl_featvec_free(&v);
  if (rc == SL_OK)
    rc = exec(st, "DELETE FROM event_features");
  if (rc == SL_OK)
    rc = exec(st, "COMMIT");
  if (rc != SL_OK)
    exec(st, "ROLLBACK");
  return rc;
}

sl_rc sl_store_open(const char *path, sl_store **out, char *err, size_t nerr) {
  sl_store *st = calloc(1, sizeof *st);
  sqlite3_stmt *v = NULL;
  sl_rc rc = SL_ESTORE;
  *out = NULL;
  if (!st)
    return SL_ENOMEM;
  if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
    set_err(err, nerr, path, st->db ? sqlite3_errmsg(st->db) : "out of memory");
    goto out;
  }
  sqlite3_busy_timeout(st->db, 5000);
  /* page size first: it only takes on a new, empty file.  Pages of 8 KB
   * hold several documents each, where 4 KB ones (SQLite's default) left a
   * quarter of the documents table empty (a 2 KB row per page, the next
   * one not fitting); 16 KB ones gain little more and write more. */
  if (exec(st, "PRAGMA page_size=" STORE_PAGE_SIZE ";"
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
                   "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"
                   /* checkpoint every ~80 MB of WAL, not SQLite's 4 MB
                    * (every commit): a page written by several batches
                    * is copied into the file once (measured at 1M docs:
                    * commits 9.1 -> 5.8 s CPU per 20k docs) */
                   "PRAGMA wal_autocheckpoint=10000;") != SL_OK) {
    set_err(err, nerr, path, sqlite3_errmsg(st->db));
    goto out;
  }
  /* a new file gets the schema; an existing one must carry our version */
  if (sqlite3_prepare_v2(st->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &v,
                         NULL) != SQLITE_OK) {
    if (exec(st, "BEGIN") != SL_OK || exec(st, SCHEMA) != SL_OK || exec(st, "COMMIT") != SL_OK) {
      set_err(err, nerr, path, sqlite3_errmsg(st->db));
      exec(st, "ROLLBACK");
      goto out;
    }
  } else {
    int found = sqlite3_step(v) == SQLITE_ROW;
    int ver = found ? sqlite3_column_int(v, 0) : 0;
    sqlite3_reset(v);
    if (found && ver == 2) {
      /* version 3 only adds packed texts (textz.h), which version 2
       * readers would show as bytes: mark the store so they refuse it */
      if (exec(st, "UPDATE meta SET value = '3' WHERE key = 'schema_version'") != SL_OK) {
        set_err(err, nerr, path, sqlite3_errmsg(st->db));
        goto out;
      }
      ver = SL_SCHEMA_VERSION;
    }
    if (found && ver > 0 && ver < SL_SCHEMA_VERSION) {
      /* never write rows of one schema into a store of another */
      char why[200];
      snprintf(why, sizeof why, "schema version %d, written by an older storyline; this one writes"
               " version %d: ingest the documents again into a new store", ver, SL_SCHEMA_VERSION);
      set_err(err, nerr, path, why);
      goto out;
    }
    if (ver != SL_SCHEMA_VERSION) {
      set_err(err, nerr, path, found ? "schema version newer than this storyline writes"
                                     : "not a storyline store (no schema version)");
      goto out;
    }
    if (exec(st, INDEXES) != SL_OK) {
      set_err(err, nerr, path, sqlite3_errmsg(st->db));
      goto out;
    }
  }
  for (int i = 0; i < Q_COUNT; i++)
    if (sqlite3_prepare_v3(st->db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &st->q[i], NULL) != SQLITE_OK) {
      set_err(err, nerr, path, sqlite3_errmsg(st->db));
      goto out;
    }
  if (migrate_features(st) != SL_OK) {
    set_err(err, nerr, path, st->err[0] ? st->err : sqlite3_errmsg(st->db));
    goto out;
  }
  rc = SL_OK;
out:
  sqlite3_finalize(v);
  if (rc != SL_OK) {
    sl_store_close(st);
    return rc;
  }
  *out = st;
  return SL_OK;
}

void sl_store_close(sl_store *st) {
  if (!st)
    return;
  drop_fts(st, 0);
  free(st->fts);
  for (int i = 0; i < Q_COUNT; i++)
    sqlite3_finalize(st->q[i]);
  sqlite3_close(st->db);
  free(st->blob);
  free(st->ztext);
  free(st);
}

static sl_ent_type type_of(const char *s) {
  return !strcmp(s, "place") ? SL_ENT_PLACE : !strcmp(s, "org") ? SL_ENT_ORG : SL_ENT_PERSON;
}

static const char *text_col(sqlite3_stmt *s, int i) {
  const unsigned char *t = sqlite3_column_text(s, i);
  return t ? (const char *)t : "";
}

/* entities -> linker; store ids are dense enough to map through a table */
static sl_rc load_entities(sl_store *st, sl_linker *lk) {
  sqlite3_stmt *s = NULL;
  sl_rc rc = SL_OK;
  size_t *map = NULL;
  int64_t maxid = 0;
  if (sqlite3_prepare_v2(st->db, "SELECT max(id) FROM entities", -1, &s, NULL) != SQLITE_OK)
    return SL_ESTORE;
  if (sqlite3_step(s) == SQLITE_ROW)
    maxid = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  map = calloc((size_t)maxid + 1, sizeof *map);
  if (!map)
    return SL_ENOMEM;
  if (sqlite3_prepare_v2(st->db, "SELECT id, type, name, code, mention_count, doc_count FROM entities"
                         " ORDER BY id", -1, &s, NULL) != SQLITE_OK) {
    rc = SL_ESTORE;
    goto out;
  }
  while (sqlite3_step(s) == SQLITE_ROW && rc == SL_OK) {
    int64_t id = sqlite3_column_int64(s, 0);
    size_t idx;
    rc = sl_linker_load_entity(lk, id, type_of(text_col(s, 1)), text_col(s, 2), text_col(s, 3),
                               sqlite3_column_int64(s, 4), sqlite3_column_int64(s, 5), &idx);
    if (id >= 0 && id <= maxid)
      map[id] = idx + 1;
  }
  sqlite3_finalize(s);
  s = NULL;
  if (rc != SL_OK)
    goto out;
  if (sqlite3_prepare_v2(st->db, "SELECT entity_id, variant FROM entity_variants", -1, &s, NULL) !=
      SQLITE_OK) {
    rc = SL_ESTORE;
    goto out;
  }
  while (sqlite3_step(s) == SQLITE_ROW && rc == SL_OK) {
    int64_t id = sqlite3_column_int64(s, 0);
    if (id < 0 || id > maxid || !map[id])
      continue;
    rc = sl_linker_add_variant(lk, map[id] - 1, text_col(s, 1), (size_t)sqlite3_column_bytes(s, 1));
  }
  /* loading replays names, it changes nothing worth writing back */
  for (size_t i = 0; i < sl_linker_count(lk); i++)
    sl_linker_entity(lk, i)->dirty = 0;
out:
  sqlite3_finalize(s);
  free(map);
  return rc;
}

static int32_t day_of(const char *iso) {
  int y, m, d;
  if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
    return sl_days_from_civil(y, m, d);
  return SL_NO_DAY;
}

/* open events (those with evidence) -> clusterer */
static sl_rc load_events(sl_store *st, sl_cluster *cl) {
  sqlite3_stmt *ev = NULL;
  sl_rc rc = SL_OK;
  sl_featvec v;
  sl_featvec_init(&v);
  if (sqlite3_prepare_v2(st->db, "SELECT e.id, e.story_id, e.doc_count, e.event_date, v.features"
                         " FROM event_evidence v JOIN events e ON e.id = v.event_id ORDER BY e.id",
                         -1, &ev, NULL) != SQLITE_OK) {
    rc = SL_ESTORE;
    goto out;
  }
  while (rc == SL_OK && sqlite3_step(ev) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(ev, 0);
    v.n = 0;
    rc = unpack_features(sqlite3_column_blob(ev, 4), (size_t)sqlite3_column_bytes(ev, 4), &v);
    if (rc != SL_OK)
      break;
    sl_featvec_finish(&v);
    v.ndocs = sqlite3_column_int(ev, 2);
    v.day = day_of((const char *)sqlite3_column_text(ev, 3));
    size_t idx;
    rc = sl_cluster_load_event(cl, id, &v, sqlite3_column_int64(ev, 1), &idx);
  }
out:
  sl_featvec_free(&v);
  sqlite3_finalize(ev);
  return rc;
}

sl_rc sl_store_load(sl_store *st, sl_linker *lk, sl_cluster *cl) {
  sl_rc rc = load_entities(st, lk);
  return rc == SL_OK ? load_events(st, cl) : rc;
}

/* Steps a prepared statement once; resets it for the next use. */
static sl_rc run(sl_store *st, int q) {
  int r = sqlite3_step(st->q[q]);
  if (r != SQLITE_DONE && r != SQLITE_ROW)
    snprintf(st->err, sizeof st->err, "%s", sqlite3_errmsg(st->db));
  sqlite3_reset(st->q[q]);
  sqlite3_clear_bindings(st->q[q]);
  return r == SQLITE_DONE || r == SQLITE_ROW ? SL_OK : SL_ESTORE;
}

static void bind_text(sqlite3_stmt *s, int i, const char *z) {
  if (z)
    sqlite3_bind_text(s, i, z, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(s, i);
}

int sl_store_has_doc(sl_store *st, const char *id, const char *content_hash) {
  sqlite3_stmt *s = st->q[Q_HAS_DOC];
  bind_text(s, 1, id);
  bind_text(s, 2, content_hash);
  int found = sqlite3_step(s) == SQLITE_ROW;
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  return found;
}

sl_rc sl_store_begin(sl_store *st) {
  time_t t = time(NULL);
  struct tm tm;
  gmtime_r(&t, &tm);
  strftime(st->now, sizeof st->now, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return exec(st, "BEGIN IMMEDIATE");
}

/* Drops the queued full-text rows from index `from` on. */
static void drop_fts(sl_store *st, size_t from) {
  for (size_t i = from; i < st->nfts; i++) {
    free(st->fts[i].title);
    free(st->fts[i].body);
    free(st->fts[i].names);
  }
  st->nfts = st->fts_mark = from;
}

/* Writes the queued full-text rows (inside the batch's transaction). */
static sl_rc write_fts(sl_store *st) {
  sqlite3_stmt *s = st->q[Q_INS_FTS];
  for (size_t i = 0; i < st->nfts; i++) {
    sqlite3_bind_int64(s, 1, st->fts[i].rid);
    bind_text(s, 2, st->fts[i].title);
    bind_text(s, 3, st->fts[i].body);
    bind_text(s, 4, st->fts[i].names);
    if (run(st, Q_INS_FTS) != SL_OK)
      return SL_ESTORE;
  }
  return SL_OK;
}

sl_rc sl_store_commit(sl_store *st) {
  sl_rc rc = write_fts(st);
  drop_fts(st, 0);
  return rc == SL_OK ? exec(st, "COMMIT") : rc;
}

sl_rc sl_store_savepoint(sl_store *st) {
  st->fts_mark = st->nfts;
  return run(st, Q_SAVEPOINT);
}

sl_rc sl_store_release(sl_store *st) { return run(st, Q_RELEASE); }

void sl_store_rollback_to(sl_store *st) {
  drop_fts(st, st->fts_mark);
  run(st, Q_ROLLBACK_TO);
  run(st, Q_RELEASE);
}

sl_rc sl_store_close_event(sl_store *st, int64_t event_id) {
  sqlite3_bind_int64(st->q[Q_CLOSE_EVENT], 1, event_id);
  return run(st, Q_CLOSE_EVENT);
}
void sl_store_rollback(sl_store *st) {
  drop_fts(st, 0);
  exec(st, "ROLLBACK");
}

sl_rc sl_store_put_entity(sl_store *st, sl_entity *e) {
  static const char *const TYPES[] = {"person", "place", "org", "person"};
  if (e->id == 0) {
    sqlite3_stmt *s = st->q[Q_INS_ENTITY];
    bind_text(s, 1, TYPES[e->type]);
    bind_text(s, 2, e->name);
    bind_text(s, 3, e->key);
    bind_text(s, 4, e->gaz_code);
    if (run(st, Q_INS_ENTITY) != SL_OK)
      return SL_ESTORE;
    e->id = sqlite3_last_insert_rowid(st->db);
  } else if (e->dirty) {
    sqlite3_stmt *s = st->q[Q_UPD_ENTITY];
    sqlite3_bind_int64(s, 1, e->id);
    bind_text(s, 2, e->name);
    bind_text(s, 3, e->key);
    if (run(st, Q_UPD_ENTITY) != SL_OK)
      return SL_ESTORE;
  }
  e->dirty = 0;
  return SL_OK;
}

sl_rc sl_store_put_variant(sl_store *st, int64_t entity_id, const char *z, size_t n,
                           const char *script, const char *lang, int64_t count) {
  sqlite3_stmt *s = st->q[Q_INS_VARIANT];
  sqlite3_bind_int64(s, 1, entity_id);
  sqlite3_bind_text(s, 2, z, (int)n, SQLITE_STATIC);
  bind_text(s, 3, script);
  bind_text(s, 4, lang);
  sqlite3_bind_int64(s, 5, count);
  return run(st, Q_INS_VARIANT);
}

sl_rc sl_store_count_entity(sl_store *st, int64_t entity_id, int64_t mentions) {
  sqlite3_stmt *s = st->q[Q_COUNT_ENTITY];
  sqlite3_bind_int64(s, 1, entity_id);
  sqlite3_bind_int64(s, 2, mentions);
  return run(st, Q_COUNT_ENTITY);
}

sl_rc sl_store_put_document(sl_store *st, const sl_doc_row *d) {
  sqlite3_stmt *s = st->q[Q_INS_DOC];
  bind_text(s, 1, d->id);
  bind_text(s, 2, d->url);
  bind_text(s, 3, d->path);
  bind_text(s, 4, d->source);
  bind_text(s, 5, d->title);
  size_t nz = 0;
  if (d->text && sl_textz_pack(d->text, strlen(d->text), &st->ztext, &st->capztext, &nz) != SL_OK) {
    snprintf(st->err, sizeof st->err, "out of memory");
    sqlite3_clear_bindings(s);
    return SL_ENOMEM;
  }
  if (nz)
    sqlite3_bind_blob(s, 6, st->ztext, (int)nz, SQLITE_STATIC);
  else
    bind_text(s, 6, d->text);
  bind_text(s, 7, d->lang);
  bind_text(s, 8, d->script);
  bind_text(s, 9, d->published);
  bind_text(s, 10, d->event_date);
  bind_text(s, 11, d->content_hash);
  sqlite3_bind_int64(s, 12, d->event_id);
  bind_text(s, 13, st->now);
  if (run(st, Q_INS_DOC) != SL_OK)
    return SL_ESTORE;
  st->doc_rid = sqlite3_last_insert_rowid(st->db);
  st->doc_event = d->event_id;
  st->nments = st->nfacts = 0;
  if (st->dated_event != d->event_id) {
    /* not the event just written (the ingest writes it first): read its date */
    sqlite3_stmt *q = st->q[Q_EVENT_DATE];
    sqlite3_bind_int64(q, 1, d->event_id);
    const unsigned char *z = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_text(q, 0) : NULL;
    snprintf(st->event_date, sizeof st->event_date, "%s", z ? (const char *)z : "");
    st->dated_event = d->event_id;
    sqlite3_reset(q);
  }
  return SL_OK;
}

sl_rc sl_store_put_mention(sl_store *st, int64_t entity_id, uint32_t start, uint32_t end) {
  sqlite3_stmt *s = st->q[Q_INS_MENTION];
  sqlite3_bind_int64(s, 1, st->doc_rid);
  sqlite3_bind_int64(s, 2, st->nments++);
  sqlite3_bind_int64(s, 3, entity_id);
  sqlite3_bind_int64(s, 4, start);
  sqlite3_bind_int64(s, 5, end);
  return run(st, Q_INS_MENTION);
}

sl_rc sl_store_count_entity_event(sl_store *st, int64_t entity_id, int64_t mentions) {
  sqlite3_stmt *s = st->q[Q_ENTITY_EVENT];
  sqlite3_bind_int64(s, 1, entity_id);
  bind_text(s, 2, st->event_date);
  sqlite3_bind_int64(s, 3, st->doc_event);
  sqlite3_bind_int64(s, 4, mentions);
  return run(st, Q_ENTITY_EVENT);
}

sl_rc sl_store_put_fact(sl_store *st, double value, const char *unit, uint32_t start,
                        uint32_t end) {
  sqlite3_stmt *s = st->q[Q_INS_FACT];
  sqlite3_bind_int64(s, 1, st->doc_rid);
  sqlite3_bind_int64(s, 2, st->nfacts++);
  sqlite3_bind_double(s, 3, value);
  bind_text(s, 4, unit ? unit : "");
  sqlite3_bind_int64(s, 5, start);
  sqlite3_bind_int64(s, 6, end);
  return run(st, Q_INS_FACT);
}

/* Full-text rows wait for the batch's commit: FTS5 flushes its pending
 * terms into a new segment at every savepoint release, so written per
 * document they cost a segment (and its merging) each; written together
 * they make one.  A document rolled back drops its row from the queue. */
sl_rc sl_store_put_fts(sl_store *st, const char *title, const char *body, const char *names) {
  /* a text that opens with its title (most news records do) already
   * indexes the title's words: indexing them twice finds nothing more */
  size_t nt = title ? strlen(title) : 0;
  if (nt && body && !strncmp(body, title, nt))
    title = NULL;
  if (st->nfts == st->capfts) {
    size_t cap = st->capfts ? 2 * st->capfts : 256;
    fts_row *f = realloc(st->fts, cap * sizeof *f);
    if (!f)
      return SL_ENOMEM;
    st->fts = f;
    st->capfts = cap;
  }
  fts_row *r = &st->fts[st->nfts];
  r->rid = st->doc_rid;
  r->title = title ? strdup(title) : NULL;
  r->body = body ? strdup(body) : NULL;
  r->names = names ? strdup(names) : NULL;
  st->nfts++;
  if ((title && !r->title) || (body && !r->body) || (names && !r->names)) {
    drop_fts(st, st->nfts - 1);
    return SL_ENOMEM;
  }
  return SL_OK;
}

static void format_day(int32_t day, char out[32]) {
  /* civil-from-days (Howard Hinnant) */
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  snprintf(out, 32, "%04d-%02d-%02d", y + (m <= 2), m, d);
}

static sl_rc put_evidence(sl_store *st, int64_t event_id, const sl_featvec *v) {
  size_t n;
  if (pack_features(st, v, &n) != SL_OK) {
    snprintf(st->err, sizeof st->err, "out of memory");
    return SL_ENOMEM;
  }
  sqlite3_stmt *s = st->q[Q_PUT_EVIDENCE];
  sqlite3_bind_int64(s, 1, event_id);
  sqlite3_bind_blob(s, 2, st->blob, (int)n, SQLITE_STATIC);
  return run(st, Q_PUT_EVIDENCE);
}

sl_rc sl_store_put_event(sl_store *st, sl_event_rec *ev, int64_t story_id, const char *title,
                         const char *lang) {
  char day[32];
  const char *date = NULL;
  if (ev->sum.day != SL_NO_DAY) {
    format_day(ev->sum.day, day);
    date = day;
  }
  if (ev->id == 0) {
    sqlite3_stmt *s = st->q[Q_INS_EVENT];
    bind_text(s, 1, title);
    bind_text(s, 2, date);
    if (story_id)
      sqlite3_bind_int64(s, 3, story_id);
    bind_text(s, 4, st->now);
    if (run(st, Q_INS_EVENT) != SL_OK)
      return SL_ESTORE;
    ev->id = sqlite3_last_insert_rowid(st->db);
  }
  sqlite3_stmt *u = st->q[Q_UPD_EVENT];
  sqlite3_bind_int64(u, 1, ev->id);
  bind_text(u, 2, date);
  if (story_id)
    sqlite3_bind_int64(u, 3, story_id);
  bind_text(u, 4, lang);
  bind_text(u, 5, st->now);
  if (run(st, Q_UPD_EVENT) != SL_OK)
    return SL_ESTORE;
  st->dated_event = ev->id;
  snprintf(st->event_date, sizeof st->event_date, "%s", date ? date : "");
  if (put_evidence(st, ev->id, &ev->sum) != SL_OK)
    return SL_ESTORE;
  ev->dirty = 0;
  return SL_OK;
}

sl_rc sl_store_put_story(sl_store *st, sl_story_rec *s, const char *title) {
  if (s->nevents == 0) {
    /* its last event moved to another story */
    if (s->id) {
      sqlite3_bind_int64(st->q[Q_DEL_STORY], 1, s->id);
      if (run(st, Q_DEL_STORY) != SL_OK)
        return SL_ESTORE;
    }
    s->dirty = 0;
    return SL_OK;
  }
  if (s->id == 0) {
    bind_text(st->q[Q_INS_STORY], 1, title);
    if (run(st, Q_INS_STORY) != SL_OK)
      return SL_ESTORE;
    s->id = sqlite3_last_insert_rowid(st->db);
  }
  sqlite3_bind_int64(st->q[Q_UPD_STORY], 1, s->id);
  if (run(st, Q_UPD_STORY) != SL_OK)
    return SL_ESTORE;
  s->dirty = 0;
  return SL_OK;
}
