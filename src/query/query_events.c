/*
 * query_events — events, stories and documents as JSON (read side of the
 * store, see query.h).  An event is the set of reports of one happening; a
 * story is its events on a timeline.  Summaries carry member ids so a
 * script can follow them ("documents", "events"); the detail answers add
 * what an analyst reads: every report with its language and source, the
 * entities the reports link to, the numbers each report claims.
 */
#include <string.h>

#include "query/query_int.h"

/* ---- small builders ---- */

/* "ar,vi" -> ["ar", "vi"]. */
static json_t *split_langs(const unsigned char *z) {
  json_t *a = json_array();
  if (!a || !z)
    return a;
  const char *p = (const char *)z;
  while (*p) {
    const char *e = strchr(p, ',');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (n > 0 && slq_push(a, json_stringn(p, n))) {
      json_decref(a);
      return NULL;
    }
    if (!e)
      break;
    p = e + 1;
  }
  return a;
}

/* Runs st (bound, reset) and collects column 0 of every row as strings or
 * integers into a new array; NULL on error (message in q->err). */
static json_t *collect_ids(sl_query *q, sqlite3_stmt *st) {
  json_t *a = json_array();
  int r;
  if (!a)
    return NULL;
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    if (slq_push(a, slq_col(st, 0))) {
      slq_fail(q, SL_ENOMEM, "out of memory");
      goto fail;
    }
  }
  if (r != SQLITE_DONE) {
    slq_store_error(q, "listing member ids");
    goto fail;
  }
  sqlite3_reset(st);
  return a;
fail:
  sqlite3_reset(st);
  json_decref(a);
  return NULL;
}

json_t *slq_event_summary(sl_query *q, sqlite3_stmt *row) {
  json_t *o = json_object();
  json_t *docs = NULL;
  sqlite3_stmt *st;

  if (!o)
    goto fail;
  if (slq_set(o, "id", json_integer(sqlite3_column_int64(row, 0))) ||
      slq_set(o, "title", slq_text(row, 1)) || slq_set(o, "date", slq_text(row, 2)) ||
      slq_set(o, "story", slq_col(row, 3)) ||
      slq_set(o, "doc_count", json_integer(sqlite3_column_int64(row, 4))) ||
      slq_set(o, "langs", split_langs(sqlite3_column_text(row, 5))) ||
      slq_set(o, "updated_at", slq_text(row, 6))) {
    slq_fail(q, SL_ENOMEM, "out of memory");
    goto fail;
  }
  st = slq_stmt(q, SLQ_EVENT_DOCIDS, "SELECT id FROM documents WHERE event_id = ?1 ORDER BY id");
  if (!st)
    goto fail;
  sqlite3_bind_int64(st, 1, sqlite3_column_int64(row, 0));
  docs = collect_ids(q, st);
  if (!docs || slq_set(o, "documents", docs))
    goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

/* Binds the date/lang/entity filters shared by events and stories lists to
 * parameters 1..4 and paging to 5..6. */
static void bind_filter(sqlite3_stmt *st, const sl_query_filter *f) {
  slq_bind_opt(st, 1, f->since);
  slq_bind_opt(st, 2, f->until);
  slq_bind_opt(st, 3, f->lang);
  if (f->entity > 0)
    sqlite3_bind_int64(st, 4, f->entity);
  else
    sqlite3_bind_null(st, 4);
  sqlite3_bind_int64(st, 5, f->limit > 0 ? f->limit : SL_QUERY_DEFAULT_LIMIT);
  sqlite3_bind_int64(st, 6, f->offset);
}

/* ---- events ---- */

sl_rc sl_query_events(sl_query *q, const sl_query_filter *f, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *arr = NULL;
  sqlite3_stmt *st;
  sl_query_filter none;
  int r;

  *out = NULL;
  if (!f) {
    sl_query_filter_init(&none);
    f = &none;
  }
  /* The page is chosen on (event_date, id) alone, then its rows are read:
   * the sort then carries two columns instead of whole rows (twice as
   * fast on 80,000 events without an index on event_date). */
  st = slq_stmt(q, SLQ_EVENTS,
                "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.id IN"
                " (SELECT x.id FROM events x"
                "  WHERE (?1 IS NULL OR x.event_date >= ?1)"
                "  AND (?2 IS NULL OR substr(x.event_date, 1, length(?2)) <= ?2)"
                "  AND (?3 IS NULL OR (',' || x.langs || ',') LIKE ('%,' || ?3 || ',%'))"
                "  AND (?4 IS NULL OR x.id IN (SELECT d.event_id FROM mentions m"
                "       JOIN documents d ON d.id = m.doc_id WHERE m.entity_id = ?4))"
                "  ORDER BY x.event_date DESC, x.id DESC LIMIT ?5 OFFSET ?6)"
                " ORDER BY e.event_date DESC, e.id DESC");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  bind_filter(st, f);
  arr = json_array();
  if (!arr) {
    rc = SL_ENOMEM;
    goto out;
  }
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *ev = slq_event_summary(q, st);
    if (!ev || slq_push(arr, ev)) {
      rc = SL_ESTORE;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "listing events");
out:
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(arr);
    return rc;
  }
  *out = arr;
  return SL_OK;
}

/* Facts (numbers with their sentence) claimed by document doc_id. */
static json_t *doc_facts(sl_query *q, const unsigned char *doc_id, int n) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_DOC_FACTS,
                              "SELECT value, unit, sentence FROM facts WHERE doc_id = ?1"
                              " ORDER BY rowid");
  json_t *a = json_array();
  int r;
  if (!st || !a)
    goto fail;
  sqlite3_bind_text(st, 1, (const char *)doc_id, n, SQLITE_TRANSIENT);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *fo = json_object();
    if (!fo || slq_push(a, fo) || slq_set(fo, "value", slq_col(st, 0)) ||
        slq_set(fo, "unit", slq_text(st, 1)) || slq_set(fo, "sentence", slq_text(st, 2)))
      goto fail;
  }
  if (r != SQLITE_DONE) {
    slq_store_error(q, "reading facts");
    goto fail;
  }
  sqlite3_reset(st);
  return a;
fail:
  if (st)
    sqlite3_reset(st);
  json_decref(a);
  return NULL;
}

/* Adds "reports" (member documents with facts) to event object ev. */
static sl_rc add_reports(sl_query *q, json_t *ev, int64_t id) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_EVENT_REPORTS,
                              "SELECT id, lang, script, title, source, url, published, event_date,"
                              " substr(text, 1, 280), length(text) > 280"
                              " FROM documents WHERE event_id = ?1"
                              " ORDER BY lang, published IS NULL, published, id");
  json_t *a = json_array();
  sl_rc rc = SL_OK;
  int r;
  if (!a || slq_set(ev, "reports", a)) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *d = json_object();
    if (!d || slq_push(a, d) || slq_set(d, "id", slq_text(st, 0)) ||
        slq_set(d, "lang", slq_text(st, 1)) || slq_set(d, "script", slq_text(st, 2)) ||
        slq_set(d, "title", slq_text(st, 3)) || slq_set(d, "source", slq_text(st, 4)) ||
        slq_set(d, "url", slq_text(st, 5)) || slq_set(d, "published", slq_text(st, 6)) ||
        slq_set(d, "date", slq_text(st, 7)) || slq_set(d, "excerpt", slq_text(st, 8)) ||
        slq_set(d, "excerpt_cut", json_boolean(sqlite3_column_int(st, 9))) ||
        slq_set(d, "facts", doc_facts(q, sqlite3_column_text(st, 0), sqlite3_column_bytes(st, 0)))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "reading an event's reports");
out:
  if (st)
    sqlite3_reset(st);
  return rc;
}

/* Adds "participants" (persons), "places" and "orgs" to ev. */
static sl_rc add_entities(sl_query *q, json_t *ev, int64_t id) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_EVENT_ENTITIES,
                              "SELECT en.id, en.type, en.name, count(*) AS n,"
                              " count(DISTINCT m.doc_id)"
                              " FROM documents d JOIN mentions m ON m.doc_id = d.id"
                              " JOIN entities en ON en.id = m.entity_id"
                              " WHERE d.event_id = ?1 GROUP BY en.id ORDER BY n DESC, en.name");
  json_t *per = json_array(), *pla = json_array(), *org = json_array();
  sl_rc rc = SL_OK;
  int r;
  if (slq_set(ev, "participants", per) || slq_set(ev, "places", pla) || slq_set(ev, "orgs", org)) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    const char *type = (const char *)sqlite3_column_text(st, 1);
    json_t *dst = !type ? NULL : !strcmp(type, "person") ? per : !strcmp(type, "place") ? pla
                                                                                        : org;
    json_t *e = json_object();
    if (!e || !dst || slq_push(dst, e) || slq_set(e, "id", slq_col(st, 0)) ||
        slq_set(e, "type", slq_text(st, 1)) || slq_set(e, "name", slq_text(st, 2)) ||
        slq_set(e, "mentions", slq_col(st, 3)) || slq_set(e, "documents", slq_col(st, 4))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "reading an event's entities");
out:
  if (st)
    sqlite3_reset(st);
  return rc;
}

/* {id, title} of story sid, or null. */
static json_t *story_ref(sl_query *q, int64_t sid) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_STORY_ONE,
                              "SELECT id, title, first_date, last_date, event_count"
                              " FROM stories WHERE id = ?1");
  json_t *o = NULL;
  if (!st)
    return NULL;
  sqlite3_bind_int64(st, 1, sid);
  if (sqlite3_step(st) == SQLITE_ROW) {
    o = json_object();
    if (o && (slq_set(o, "id", slq_col(st, 0)) || slq_set(o, "title", slq_text(st, 1)) ||
              slq_set(o, "first_date", slq_text(st, 2)) || slq_set(o, "last_date", slq_text(st, 3)))) {
      json_decref(o);
      o = NULL;
    }
  } else {
    o = json_null();
  }
  sqlite3_reset(st);
  return o;
}

sl_rc sl_query_event(sl_query *q, int64_t id, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *ev = NULL;
  int64_t sid = 0;
  int has_story = 0;
  sqlite3_stmt *st;

  *out = NULL;
  st = slq_stmt(q, SLQ_EVENT_ONE, "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.id = ?1");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  int r = sqlite3_step(st);
  if (r == SQLITE_DONE) {
    rc = slq_fail(q, SL_ENOTFOUND, "no event %lld", (long long)id);
    goto out;
  }
  if (r != SQLITE_ROW) {
    rc = slq_store_error(q, "reading an event");
    goto out;
  }
  ev = slq_event_summary(q, st);
  if (!ev) {
    rc = SL_ESTORE;
    goto out;
  }
  has_story = sqlite3_column_type(st, 3) != SQLITE_NULL;
  sid = sqlite3_column_int64(st, 3);
  sqlite3_reset(st);
  if ((rc = add_reports(q, ev, id)) != SL_OK || (rc = add_entities(q, ev, id)) != SL_OK)
    goto out;
  if (slq_set(ev, "story", has_story ? story_ref(q, sid) : json_null())) {
    rc = SL_ENOMEM;
    goto out;
  }
out:
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(ev);
    return rc;
  }
  *out = ev;
  return SL_OK;
}

/* ---- stories ---- */

/* Story summary from a row (id, title, first_date, last_date, event_count):
 * adds "events" (ids by date, undated last) and "documents". */
static json_t *story_summary(sl_query *q, sqlite3_stmt *row) {
  int64_t id = sqlite3_column_int64(row, 0);
  json_t *o = json_object();
  sqlite3_stmt *st;
  if (!o || slq_set(o, "id", json_integer(id)) || slq_set(o, "title", slq_text(row, 1)) ||
      slq_set(o, "first_date", slq_text(row, 2)) || slq_set(o, "last_date", slq_text(row, 3)) ||
      slq_set(o, "event_count", slq_col(row, 4)))
    goto fail;
  st = slq_stmt(q, SLQ_STORY_EVENTS,
                "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.story_id = ?1"
                " ORDER BY e.event_date IS NULL, e.event_date, e.id");
  if (!st)
    goto fail;
  sqlite3_bind_int64(st, 1, id);
  if (slq_set(o, "events", collect_ids(q, st)))
    goto fail;
  st = slq_stmt(q, SLQ_STORY_DOCIDS,
                "SELECT d.id FROM events e JOIN documents d ON d.event_id = e.id"
                " WHERE e.story_id = ?1 ORDER BY e.event_date IS NULL, e.event_date, e.id, d.id");
  if (!st)
    goto fail;
  sqlite3_bind_int64(st, 1, id);
  if (slq_set(o, "documents", collect_ids(q, st)))
    goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

sl_rc sl_query_stories(sl_query *q, const sl_query_filter *f, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *arr = NULL;
  sqlite3_stmt *st;
  sl_query_filter none;
  int r;

  *out = NULL;
  if (!f) {
    sl_query_filter_init(&none);
    f = &none;
  }
  st = slq_stmt(q, SLQ_STORIES,
                "SELECT s.id, s.title, s.first_date, s.last_date, s.event_count FROM stories s"
                " WHERE (?1 IS NULL OR s.last_date >= ?1)"
                " AND (?2 IS NULL OR substr(s.first_date, 1, length(?2)) <= ?2)"
                " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id"
                "      AND (',' || e.langs || ',') LIKE ('%,' || ?3 || ',%')))"
                " AND (?4 IS NULL OR s.id IN (SELECT e.story_id FROM mentions m"
                "      JOIN documents d ON d.id = m.doc_id JOIN events e ON e.id = d.event_id"
                "      WHERE m.entity_id = ?4))"
                " ORDER BY s.last_date DESC, s.id DESC LIMIT ?5 OFFSET ?6");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  bind_filter(st, f);
  arr = json_array();
  if (!arr) {
    rc = SL_ENOMEM;
    goto out;
  }
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *s = story_summary(q, st);
    if (!s || slq_push(arr, s)) {
      rc = SL_ESTORE;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "listing stories");
out:
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(arr);
    return rc;
  }
  *out = arr;
  return SL_OK;
}

sl_rc sl_query_story(sl_query *q, int64_t id, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *s = NULL, *tl = NULL;
  sqlite3_stmt *st;
  int r;

  *out = NULL;
  st = slq_stmt(q, SLQ_STORY_ONE,
                "SELECT id, title, first_date, last_date, event_count FROM stories WHERE id = ?1");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  r = sqlite3_step(st);
  if (r == SQLITE_DONE) {
    rc = slq_fail(q, SL_ENOTFOUND, "no story %lld", (long long)id);
    goto out;
  }
  if (r != SQLITE_ROW) {
    rc = slq_store_error(q, "reading a story");
    goto out;
  }
  s = story_summary(q, st);
  sqlite3_reset(st);
  if (!s) {
    rc = SL_ESTORE;
    goto out;
  }
  tl = json_array();
  if (!tl || slq_set(s, "timeline", tl)) {
    rc = SL_ENOMEM;
    goto out;
  }
  st = slq_stmt(q, SLQ_STORY_EVENTS,
                "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.story_id = ?1"
                " ORDER BY e.event_date IS NULL, e.event_date, e.id");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *ev = slq_event_summary(q, st);
    if (!ev || slq_push(tl, ev)) {
      rc = SL_ESTORE;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "reading a story's events");
out:
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(s);
    return rc;
  }
  *out = s;
  return SL_OK;
}

/* ---- documents ---- */

/* Adds "mentions" (linked entities in text order) to document d. */
static sl_rc add_doc_mentions(sl_query *q, json_t *d, const char *id, size_t n) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_DOC_ENTITIES,
                              "SELECT en.id, en.type, en.name, m.surface, m.start, m.end"
                              " FROM mentions m JOIN entities en ON en.id = m.entity_id"
                              " WHERE m.doc_id = ?1 ORDER BY m.start");
  json_t *a = json_array();
  sl_rc rc = SL_OK;
  int r;
  if (!a || slq_set(d, "mentions", a)) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_text(st, 1, id, (int)n, SQLITE_TRANSIENT);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *m = json_object();
    if (!m || slq_push(a, m) || slq_set(m, "entity", slq_col(st, 0)) ||
        slq_set(m, "type", slq_text(st, 1)) || slq_set(m, "name", slq_text(st, 2)) ||
        slq_set(m, "surface", slq_text(st, 3)) || slq_set(m, "start", slq_col(st, 4)) ||
        slq_set(m, "end", slq_col(st, 5))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "reading a document's mentions");
out:
  if (st)
    sqlite3_reset(st);
  return rc;
}

sl_rc sl_query_document(sl_query *q, const char *z, size_t n, json_t **out) {
  static const char *const cols[] = {"id", "url", "path", "source", "title", "text",
                                     "lang", "script", "published", "date", "event",
                                     "ingested_at"};
  sl_rc rc = SL_OK;
  json_t *d = NULL;
  sqlite3_stmt *st;
  int r;

  *out = NULL;
  if (n == 0 || n > SL_QUERY_MAX_TEXT || !slq_utf8_ok(z, n))
    return slq_fail(q, SL_ENOTFOUND, "no document with that id");
  st = slq_stmt(q, SLQ_DOC_ONE,
                "SELECT id, url, path, source, title, text, lang, script, published, event_date,"
                " event_id, ingested_at FROM documents WHERE id = ?1");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_text(st, 1, z, (int)n, SQLITE_TRANSIENT);
  r = sqlite3_step(st);
  if (r == SQLITE_DONE) {
    rc = slq_fail(q, SL_ENOTFOUND, "no document %.*s", (int)n, z);
    goto out;
  }
  if (r != SQLITE_ROW) {
    rc = slq_store_error(q, "reading a document");
    goto out;
  }
  d = json_object();
  if (!d) {
    rc = SL_ENOMEM;
    goto out;
  }
  for (int i = 0; i < (int)(sizeof cols / sizeof cols[0]); i++) {
    if (slq_set(d, cols[i], slq_col(st, i))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  sqlite3_reset(st);
  if ((rc = add_doc_mentions(q, d, z, n)) != SL_OK)
    goto out;
  if (slq_set(d, "facts", doc_facts(q, (const unsigned char *)z, (int)n))) {
    rc = SL_ESTORE;
    goto out;
  }
out:
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(d);
    return rc;
  }
  *out = d;
  return SL_OK;
}
