/*
 * query_int — what the query module's files share: the handle, its cache of
 * prepared statements (one slot per statement, prepared on first use),
 * small helpers turning SQLite columns and rows into JSON (field tables,
 * slq_row_object) and the walk over a statement's rows that every list and
 * detail answer is built on (slq_each, slq_one, slq_finish).  Not
 * installed, not used outside src/query.
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
  SLQ_ENTITY_UNDATED,
  SLQ_ENTITY_EVENT_COUNT,
  SLQ_DOC_ONE,
  SLQ_DOC_ENTITIES,
  SLQ_SEARCH_VARIANT,
  SLQ_SEARCH_KEYWORD,
  SLQ_SEARCH_ENTITY_DOCS,
  SLQ_SEARCH_FTS,
  SLQ_SEARCH_DOC,
  SLQ_SEARCH_SNIPPET,
  SLQ_SNIP_SRC,
  SLQ_SNIP_PUT,
  SLQ_SNIP_GET,
  SLQ_NSTMT
};

struct sl_query {
  sqlite3 *db;
  sqlite3_stmt *st[SLQ_NSTMT];
  sl_names *names;      /* opened on the first search */
  int snip_ready;       /* temp.snip made (query_search.c) */
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

/* Binds f's page to st: the limit (SL_QUERY_DEFAULT_LIMIT when unset) to
 * parameter i, the offset to i + 1. */
void slq_bind_page(sqlite3_stmt *st, int i, const sl_query_filter *f);

/* f, or "no filters" written into *none when f is NULL. */
const sl_query_filter *slq_filter(const sl_query_filter *f, sl_query_filter *none);

/* slq_stmt with id bound to parameter 1; NULL on error (message in q->err). */
sqlite3_stmt *slq_stmt_id(sl_query *q, int slot, const char *sql, int64_t id);

/* ---- rows as JSON ---- */

/* One key of an object built from a row: column col as stored (SLQ_VALUE,
 * slq_col) or as text (SLQ_TEXT, slq_text).  Tables of these name the
 * fields of each answer in output order. */
enum { SLQ_VALUE, SLQ_TEXT };
typedef struct slq_field {
  const char *key;
  int col;
  int kind;
} slq_field;

#define SLQ_NFIELDS(a) (sizeof (a) / sizeof (a)[0])

/* A new object with the n fields f[] of st's current row (caller owns it:
 * json_decref); NULL on ENOMEM. */
json_t *slq_row_object(sqlite3_stmt *st, const slq_field *f, size_t n);

/* Appends to arr a new object with the n fields f[] of st's current row;
 * returns it (owned by arr), NULL on ENOMEM. */
json_t *slq_push_fields(json_t *arr, sqlite3_stmt *st, const slq_field *f, size_t n);

/* What slq_each does with one row of st: SL_OK to go on, or the error that
 * ends the walk (message in q->err if the callee set one). */
typedef sl_rc slq_row_fn(sl_query *q, sqlite3_stmt *st, void *ctx);

/* Steps st (from slq_stmt and bound; NULL when it could not be prepared,
 * which gives SL_ESTORE) to its end, calling each(q, st, ctx) on every row
 * and stopping at the first error, which it returns.  A failed step gives
 * SL_ESTORE with "what: why" in q->err.  Leaves st reset. */
sl_rc slq_each(sl_query *q, sqlite3_stmt *st, slq_row_fn *each, void *ctx, const char *what);

/* Sets key on parent to a new array and fills it through slq_each (each
 * gets the array as ctx).  SL_ENOMEM, or slq_each's result. */
sl_rc slq_add_array(sl_query *q, json_t *parent, const char *key, sqlite3_stmt *st,
                    slq_row_fn *each, const char *what);

/* Sets key on parent to a new array of one object per row of st (walked
 * as slq_each), each with the n fields f[].  SL_ENOMEM, or slq_each's
 * result. */
sl_rc slq_add_rows(sl_query *q, json_t *parent, const char *key, sqlite3_stmt *st,
                   const slq_field *f, size_t n, const char *what);

/* Steps st (as slq_each) to its first row: SL_OK on a row, left for the
 * caller to read and reset; SL_ENOTFOUND with the message fmt... in
 * q->err when there is none; SL_ESTORE ("what: why") on a store error. */
sl_rc slq_one(sl_query *q, sqlite3_stmt *st, const char *what, const char *fmt, ...);

/* The end of every public answer: resets st (may be NULL), then stores v
 * in *out on SL_OK or frees it (json_decref) otherwise.  Returns rc. */
sl_rc slq_finish(sqlite3_stmt *st, sl_rc rc, json_t *v, json_t **out);

/* A list answer: a new array in *out holding what each (which gets the
 * array as ctx) appends for every row of st; *out NULL and the error
 * otherwise, as slq_each. */
sl_rc slq_list(sl_query *q, sqlite3_stmt *st, slq_row_fn *each, const char *what, json_t **out);

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
