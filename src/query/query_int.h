/*
 * query_int — what the query module's files share: the handle, its cache of
 * prepared statements (one slot per statement, prepared on first use) and
 * small helpers turning SQLite columns into JSON.  Not installed, not used
 * outside src/query.
 */
#ifndef SL_QUERY_INT_H
#define SL_QUERY_INT_H

#include <sqlite3.h>

#include "query/query.h"
#include "link/names.h"

/* Statement slots; each is prepared once per handle, kept, and reset on
 * every fetch through slq_stmt. */
enum {
  SLQ_HEALTH,
  SLQ_DATA_VERSION,
  SLQ_EVENTS,
  SLQ_EVENT_ONE,
  SLQ_EVENT_DOCIDS,
  SLQ_EVENT_REPORTS,
  SLQ_EVENT_ENTITIES,
  SLQ_DOC_FACTS,
  SLQ_STORY_ONE,
  SLQ_STORIES,
  SLQ_STORY_EVENTS,
  SLQ_STORY_DOCIDS,
  SLQ_ENTITIES,
  SLQ_ENTITY_ONE,
  SLQ_ENTITY_ROW,
  SLQ_ENTITY_VARIANTS,
  SLQ_ENTITY_EVENTS,
  SLQ_DOC_ONE,
  SLQ_DOC_ENTITIES,
  SLQ_SEARCH_VARIANT,
  SLQ_SEARCH_KEYWORD,
  SLQ_SEARCH_ENTITY_DOCS,
  SLQ_SEARCH_FTS,
  SLQ_SEARCH_DOC,
  SLQ_SEARCH_SNIPPET,
  SLQ_NSTMT
};

struct sl_query {
  sqlite3 *db;
  sqlite3_stmt *st[SLQ_NSTMT];
  sl_names *names;      /* opened on the first search */
  char err[512];
};

/* Returns the statement in slot, prepared from sql on first use, reset and
 * with bindings cleared; NULL on error (message in q->err). */
sqlite3_stmt *slq_stmt(sl_query *q, int slot, const char *sql);

/* Records SQLite's current error for `what` in q->err; returns SL_ESTORE. */
sl_rc slq_store_error(sl_query *q, const char *what);

/* Records a formatted message in q->err; returns rc. */
sl_rc slq_fail(sl_query *q, sl_rc rc, const char *fmt, ...);

/* Column i of st as JSON: string, integer, real or null; NULL on ENOMEM. */
json_t *slq_col(sqlite3_stmt *st, int i);

/* Column i as a JSON string (text as stored), null when SQL NULL. */
json_t *slq_text(sqlite3_stmt *st, int i);

/* Sets key on obj to v, taking ownership; returns 0 on success. */
int slq_set(json_t *obj, const char *key, json_t *v);

/* Appends v to arr, taking ownership; returns 0 on success. */
int slq_push(json_t *arr, json_t *v);

/* Binds text z (NUL-terminated, may be "") to st's parameter i, or NULL
 * when z is empty. */
int slq_bind_opt(sqlite3_stmt *st, int i, const char *z);

/* 1 when z[0..n) is valid UTF-8 without control characters. */
int slq_utf8_ok(const char *z, size_t n);

/* Entities named z[0..n) in any script: exact variants first, then
 * phonetic name keys (src/link/names.h).  New array of {id, name, type,
 * how} (at most 16); NULL on error (message in q->err). */
json_t *slq_match_entities(sl_query *q, const char *z, size_t n);

/* Event summary from a row of SLQ_EVENT_COLS (see below), with its member
 * document ids; NULL on error (message in q->err). */
json_t *slq_event_summary(sl_query *q, sqlite3_stmt *row);

/* The columns every event summary is built from, in this order. */
#define SLQ_EVENT_COLS "e.id, e.title, e.event_date, e.story_id, e.doc_count, e.langs, e.updated_at"

#endif
