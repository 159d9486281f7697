/*
 * query — opening a store for reading, the statement cache, filters and the
 * store's health.  The list and detail answers live in query_events.c
 * (events, stories, documents), query_entities.c and query_search.c; this
 * file holds what they share (see query_int.h): field tables turning rows
 * into objects and the one walk over a statement's rows they are built on.
 *
 * The store is opened with SQLITE_OPEN_READONLY: a reader can never change
 * it, even through a bug or a hostile request, and WAL mode lets it read a
 * consistent snapshot while ingest commits.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "query/query_int.h"
#include "store/textz.h"

#define BUSY_TIMEOUT_MS 5000

/* ---- helpers shared by the query files ---- */

/* slq_fail with a va_list. */
static sl_rc vfail(sl_query *q, sl_rc rc, const char *fmt, va_list ap) {
  vsnprintf(q->err, sizeof q->err, fmt, ap);
  return rc;
}

sl_rc slq_fail(sl_query *q, sl_rc rc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(q, rc, fmt, ap);
  va_end(ap);
  return rc;
}

sl_rc slq_store_error(sl_query *q, const char *what) {
  return slq_fail(q, SL_ESTORE, "%s: %s", what, sqlite3_errmsg(q->db));
}

sqlite3_stmt *slq_stmt(sl_query *q, int slot, const char *sql) {
  sqlite3_stmt *st = q->st[slot];
  if (st) {
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return st;
  }
  if (sqlite3_prepare_v3(q->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
    slq_store_error(q, "preparing a query");
    sqlite3_finalize(st);
    return NULL;
  }
  q->st[slot] = st;
  return st;
}

json_t *slq_text(sqlite3_stmt *st, int i) {
  if (sqlite3_column_type(st, i) == SQLITE_NULL)
    return json_null();
  const unsigned char *z = sqlite3_column_text(st, i);
  int n = sqlite3_column_bytes(st, i);
  if (!z)
    return json_null();
  /* The store holds valid UTF-8 (validated at ingest); should a byte slip
   * through, json_stringn refuses it and we answer null, not garbage. */
  json_t *v = json_stringn((const char *)z, (size_t)n);
  return v ? v : json_null();
}

json_t *slq_col(sqlite3_stmt *st, int i) {
  switch (sqlite3_column_type(st, i)) {
  case SQLITE_INTEGER: return json_integer(sqlite3_column_int64(st, i));
  case SQLITE_FLOAT: return json_real(sqlite3_column_double(st, i));
  case SQLITE_NULL: return json_null();
  default: return slq_text(st, i);
  }
}

int slq_set(json_t *obj, const char *key, json_t *v) {
  if (!v)
    return -1;
  return json_object_set_new(obj, key, v);
}

int slq_push(json_t *arr, json_t *v) {
  if (!v)
    return -1;
  return json_array_append_new(arr, v);
}

int slq_bind_opt(sqlite3_stmt *st, int i, const char *z) {
  if (!z || !*z)
    return sqlite3_bind_null(st, i);
  return sqlite3_bind_text(st, i, z, -1, SQLITE_TRANSIENT);
}

void slq_bind_page(sqlite3_stmt *st, int i, const sl_query_filter *f) {
  sqlite3_bind_int64(st, i, f->limit > 0 ? f->limit : SL_QUERY_DEFAULT_LIMIT);
  sqlite3_bind_int64(st, i + 1, f->offset);
}

const sl_query_filter *slq_filter(const sl_query_filter *f, sl_query_filter *none) {
  if (f)
    return f;
  sl_query_filter_init(none);
  return none;
}

sqlite3_stmt *slq_stmt_id(sl_query *q, int slot, const char *sql, int64_t id) {
  sqlite3_stmt *st = slq_stmt(q, slot, sql);
  if (st)
    sqlite3_bind_int64(st, 1, id);
  return st;
}

/* ---- rows as JSON ---- */

/* Sets the n fields f[] of st's current row on obj; 0 on success, -1 on
 * ENOMEM (obj keeps what was set). */
static int set_fields(json_t *obj, sqlite3_stmt *st, const slq_field *f, size_t n) {
  for (size_t i = 0; i < n; i++) {
    json_t *v = f[i].kind == SLQ_TEXT ? slq_text(st, f[i].col) : slq_col(st, f[i].col);
    if (slq_set(obj, f[i].key, v))
      return -1;
  }
  return 0;
}

json_t *slq_row_object(sqlite3_stmt *st, const slq_field *f, size_t n) {
  json_t *o = json_object();
  if (o && set_fields(o, st, f, n)) {
    json_decref(o);
    o = NULL;
  }
  return o;
}

json_t *slq_push_fields(json_t *arr, sqlite3_stmt *st, const slq_field *f, size_t n) {
  json_t *o = json_object();
  if (!o || slq_push(arr, o) || set_fields(o, st, f, n))
    return NULL;
  return o;
}

sl_rc slq_each(sl_query *q, sqlite3_stmt *st, slq_row_fn *each, void *ctx, const char *what) {
  sl_rc rc = SL_OK;
  int r;
  if (!st)
    return SL_ESTORE;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if ((rc = each(q, st, ctx)) != SL_OK)
      goto out;
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, what);
out:
  sqlite3_reset(st);
  return rc;
}

sl_rc slq_add_array(sl_query *q, json_t *parent, const char *key, sqlite3_stmt *st,
                    slq_row_fn *each, const char *what) {
  json_t *a = json_array();
  if (!a || slq_set(parent, key, a))
    return SL_ENOMEM;
  return slq_each(q, st, each, a, what);
}

/* What slq_add_rows fills: the array and the fields of its objects. */
typedef struct rows {
  json_t *arr;
  const slq_field *f;
  size_t n;
} rows;

/* Appends the fields of row st to ctx (a rows). */
static sl_rc push_row(sl_query *q, sqlite3_stmt *st, void *ctx) {
  rows *r = ctx;
  (void)q;
  return slq_push_fields(r->arr, st, r->f, r->n) ? SL_OK : SL_ENOMEM;
}

sl_rc slq_add_rows(sl_query *q, json_t *parent, const char *key, sqlite3_stmt *st,
                   const slq_field *f, size_t n, const char *what) {
  rows r = {json_array(), f, n};
  if (!r.arr || slq_set(parent, key, r.arr))
    return SL_ENOMEM;
  return slq_each(q, st, push_row, &r, what);
}

sl_rc slq_one(sl_query *q, sqlite3_stmt *st, const char *what, const char *fmt, ...) {
  va_list ap;
  int r;
  if (!st)
    return SL_ESTORE;
  r = sqlite3_step(st);
  if (r == SQLITE_ROW)
    return SL_OK;
  if (r != SQLITE_DONE)
    return slq_store_error(q, what);
  va_start(ap, fmt);
  vfail(q, SL_ENOTFOUND, fmt, ap);
  va_end(ap);
  return SL_ENOTFOUND;
}

sl_rc slq_finish(sqlite3_stmt *st, sl_rc rc, json_t *v, json_t **out) {
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(v);
    return rc;
  }
  *out = v;
  return SL_OK;
}

sl_rc slq_list(sl_query *q, sqlite3_stmt *st, slq_row_fn *each, const char *what, json_t **out) {
  json_t *arr = NULL;
  sl_rc rc;

  *out = NULL;
  if (!st)
    return SL_ESTORE;
  arr = json_array();
  rc = arr ? slq_each(q, st, each, arr, what) : SL_ENOMEM;
  return slq_finish(st, rc, arr, out);
}

/* ---- filters ---- */

void sl_query_filter_init(sl_query_filter *f) {
  memset(f, 0, sizeof *f);
  f->limit = SL_QUERY_DEFAULT_LIMIT;
}

/* Parses a decimal integer in [lo, hi] from z[0..n); 0 on success. */
static int parse_int(const char *z, size_t n, int64_t lo, int64_t hi, int64_t *out) {
  int64_t v = 0;
  if (n == 0 || n > 12)
    return -1;
  for (size_t i = 0; i < n; i++) {
    if (z[i] < '0' || z[i] > '9')
      return -1;
    v = v * 10 + (z[i] - '0');
  }
  if (v < lo || v > hi)
    return -1;
  *out = v;
  return 0;
}

/* 1 when z[0..n) is YYYY, YYYY-MM or YYYY-MM-DD with plausible fields. */
static int is_iso_date(const char *z, size_t n) {
  static const char shape[] = "dddd-dd-dd";
  if (n != 4 && n != 7 && n != 10)
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (shape[i] == 'd' ? (z[i] < '0' || z[i] > '9') : z[i] != '-')
      return 0;
  }
  if (n >= 7) {
    int m = (z[5] - '0') * 10 + (z[6] - '0');
    if (m < 1 || m > 12)
      return 0;
  }
  if (n == 10) {
    int d = (z[8] - '0') * 10 + (z[9] - '0');
    if (d < 1 || d > 31)
      return 0;
  }
  return 1;
}

/* 1 when z[0..n) is valid UTF-8 without NUL or other C0 controls. */
static int is_clean_utf8(const char *z, size_t n) {
  const unsigned char *s = (const unsigned char *)z;
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t len;
    unsigned cp;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7f)
        return 0;
      i++;
      continue;
    }
    if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; }
    else return 0;
    if (i + len > n)
      return 0;
    for (size_t k = 1; k < len; k++) {
      if ((s[i + k] & 0xc0) != 0x80)
        return 0;
      cp = (cp << 6) | (s[i + k] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return 0;
    i += len;
  }
  return 1;
}

int slq_utf8_ok(const char *z, size_t n) {
  return is_clean_utf8(z, n);
}

/* Copies z[0..n) into dst (cap bytes with the NUL). */
static void set_text(char *dst, size_t cap, const char *z, size_t n) {
  if (n >= cap)
    n = cap - 1;
  memcpy(dst, z, n);
  dst[n] = '\0';
}

sl_rc sl_query_filter_set(sl_query_filter *f, const char *name, const char *z, size_t n) {
  int64_t v;
  if (!f || !name || (!z && n))
    return SL_EINVAL;
  if (!strcmp(name, "limit")) {
    if (parse_int(z, n, 1, SL_QUERY_MAX_LIMIT, &v))
      return SL_EINVAL;
    f->limit = v;
  } else if (!strcmp(name, "offset")) {
    if (parse_int(z, n, 0, SL_QUERY_MAX_OFFSET, &v))
      return SL_EINVAL;
    f->offset = v;
  } else if (!strcmp(name, "entity")) {
    if (parse_int(z, n, 1, INT64_C(999999999999), &v))
      return SL_EINVAL;
    f->entity = v;
  } else if (!strcmp(name, "since") || !strcmp(name, "until")) {
    if (!is_iso_date(z, n))
      return SL_EINVAL;
    if (name[0] == 's')
      set_text(f->since, sizeof f->since, z, n);
    else
      set_text(f->until, sizeof f->until, z, n);
  } else if (!strcmp(name, "lang")) {
    if (n < 2 || n > 8)
      return SL_EINVAL;
    for (size_t i = 0; i < n; i++)
      if (!((z[i] >= 'a' && z[i] <= 'z') || z[i] == '-' || (z[i] >= 'A' && z[i] <= 'Z')))
        return SL_EINVAL;
    set_text(f->lang, sizeof f->lang, z, n);
  } else if (!strcmp(name, "type")) {
    if (!((n == 6 && !memcmp(z, "person", 6)) || (n == 5 && !memcmp(z, "place", 5)) ||
          (n == 3 && !memcmp(z, "org", 3))))
      return SL_EINVAL;
    set_text(f->type, sizeof f->type, z, n);
  } else if (!strcmp(name, "q")) {
    if (n > SL_QUERY_MAX_TEXT)
      return SL_ETOOBIG;
    if (!is_clean_utf8(z, n))
      return SL_EINVAL;
    set_text(f->q, sizeof f->q, z, n);
  } else {
    return SL_EINVAL;
  }
  return SL_OK;
}

/* ---- open / close ---- */

/* Writes "cannot open store PATH: why" into err. */
static void open_error(char *err, size_t errcap, const char *path, const char *fmt, ...) {
  if (!err || !errcap)
    return;
  int k = snprintf(err, errcap, "cannot open store %s: ", path);
  if (k < 0 || (size_t)k >= errcap)
    return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err + k, errcap - (size_t)k, fmt, ap);
  va_end(ap);
}

sl_rc sl_query_open(const char *path, sl_query **out, char *err, size_t errcap) {
  sl_rc rc = SL_OK;
  sl_query *q = NULL;
  sqlite3_stmt *st = NULL;
  struct stat sb;

  if (err && errcap)
    err[0] = '\0';
  if (!out || !path)
    return SL_EINVAL;
  *out = NULL;
  if (stat(path, &sb) != 0) {
    open_error(err, errcap, path, "%s", strerror(errno));
    rc = SL_EIO;
    goto out;
  }
  if (!S_ISREG(sb.st_mode)) {
    open_error(err, errcap, path, "not a regular file");
    rc = SL_EIO;
    goto out;
  }
  q = calloc(1, sizeof *q);
  if (!q) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (sqlite3_open_v2(path, &q->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    open_error(err, errcap, path, "%s", q->db ? sqlite3_errmsg(q->db) : "out of memory");
    rc = SL_EIO;
    goto out;
  }
  sqlite3_busy_timeout(q->db, BUSY_TIMEOUT_MS);
  /* Reads only: map the file (no copy into SQLite's cache) and keep a
   * modest page cache per handle (one handle per server thread). */
  sqlite3_exec(q->db, "PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16384", NULL, NULL, NULL);
  if (sl_textz_register(q->db) != SQLITE_OK) {   /* documents.text, packed or not */
    rc = SL_ENOMEM;
    goto out;
  }
  if (sqlite3_prepare_v2(q->db, "SELECT value FROM meta WHERE key = 'schema_version'", -1, &st,
                         NULL) != SQLITE_OK) {
    const char *m = sqlite3_errmsg(q->db);
    if (strstr(m, "no such table"))
      open_error(err, errcap, path, "not a storyline store (no meta table)");
    else
      open_error(err, errcap, path, "%s", m);
    rc = SL_ESTORE;
    goto out;
  }
  int step = sqlite3_step(st);
  if (step != SQLITE_ROW) {
    open_error(err, errcap, path, step == SQLITE_DONE ? "not a storyline store (no schema version)"
                                                      : sqlite3_errmsg(q->db));
    rc = SL_ESTORE;
    goto out;
  }
  const char *ver = (const char *)sqlite3_column_text(st, 0);
  int64_t v = -1;
  if (!ver || parse_int(ver, strlen(ver), 0, 1000000, &v) || v < SL_QUERY_SCHEMA_OLDEST ||
      v > SL_QUERY_SCHEMA_VERSION) {
    open_error(err, errcap, path, "schema version %s, this storyline reads versions %d to %d%s",
               ver ? ver : "(null)", SL_QUERY_SCHEMA_OLDEST, SL_QUERY_SCHEMA_VERSION,
               v > 0 && v < SL_QUERY_SCHEMA_OLDEST
                 ? " (an older store: ingest its documents again into a new store)" : "");
    rc = SL_EUNSUPPORTED;
    goto out;
  }
out:
  sqlite3_finalize(st);
  if (rc != SL_OK) {
    if (rc == SL_ENOMEM)
      open_error(err, errcap, path ? path : "", "out of memory");
    sl_query_close(q);
    return rc;
  }
  *out = q;
  return SL_OK;
}

void sl_query_close(sl_query *q) {
  if (!q)
    return;
  for (int i = 0; i < SLQ_NSTMT; i++)
    sqlite3_finalize(q->st[i]);
  sl_names_free(q->names);
  sqlite3_close(q->db);
  free(q);
}

const char *sl_query_errmsg(const sl_query *q) {
  return q ? q->err : "no store";
}

/* ---- health ---- */

int64_t sl_query_data_version(sl_query *q) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_DATA_VERSION, "PRAGMA data_version");
  if (!st || sqlite3_step(st) != SQLITE_ROW)
    return -1;
  int64_t v = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  return v;
}

sl_rc sl_query_health(sl_query *q, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *o = NULL;
  sqlite3_stmt *st;

  *out = NULL;
  st = slq_stmt(q, SLQ_HEALTH,
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),"
                " (SELECT count(*) FROM stories), (SELECT count(*) FROM entities)");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  if (sqlite3_step(st) != SQLITE_ROW) {
    rc = slq_store_error(q, "reading the store's counts");
    goto out;
  }
  o = json_object();
  if (!o || slq_set(o, "status", json_string("ok")) ||
      slq_set(o, "schema_version", json_integer(SL_QUERY_SCHEMA_VERSION)) ||
      slq_set(o, "documents", json_integer(sqlite3_column_int64(st, 0))) ||
      slq_set(o, "events", json_integer(sqlite3_column_int64(st, 1))) ||
      slq_set(o, "stories", json_integer(sqlite3_column_int64(st, 2))) ||
      slq_set(o, "entities", json_integer(sqlite3_column_int64(st, 3))) ||
      slq_set(o, "version", json_string(SL_VERSION))) {
    rc = SL_ENOMEM;
    goto out;
  }
  sqlite3_reset(st);
  int64_t dv = sl_query_data_version(q);
  if (slq_set(o, "data_version", json_integer(dv))) {
    rc = SL_ENOMEM;
    goto out;
  }
out:
  return slq_finish(st, rc, o, out);
}
