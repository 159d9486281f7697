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

/* Appends column 0 of row st (a string or an integer) to the array ids. */
static sl_rc push_id(sl_query *q, sqlite3_stmt *st, void *ids) {
  if (slq_push(ids, slq_col(st, 0)))
    return slq_fail(q, SL_ENOMEM, "out of memory");
  return SL_OK;
}

/* Runs st (bound; NULL when it could not be prepared) and collects column
 * 0 of every row into a new array; NULL on error (message in q->err). */
static json_t *collect_ids(sl_query *q, sqlite3_stmt *st) {
  json_t *a = json_array();
  if (a && slq_each(q, st, push_id, a, "listing member ids") != SL_OK) {
    json_decref(a);
    a = NULL;
  }
  return a;
}

/* slq_stmt with document id z[0..n) bound to parameter 1. */
static sqlite3_stmt *stmt_doc(sl_query *q, int slot, const char *sql, const char *z, size_t n) {
  sqlite3_stmt *st = slq_stmt(q, slot, sql);
  if (st)
    sqlite3_bind_text(st, 1, z, (int)n, SQLITE_TRANSIENT);
  return st;
}

json_t *slq_event_summary(sl_query *q, sqlite3_stmt *row) {
  json_t *o = json_object();
  json_t *docs = NULL;

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
  docs = collect_ids(q, slq_stmt_id(q, SLQ_EVENT_DOCIDS,
                                    "SELECT id FROM documents WHERE event_id = ?1 ORDER BY id",
                                    sqlite3_column_int64(row, 0)));
  if (!docs || slq_set(o, "documents", docs))
    goto fail;
  return o;
fail:
  json_decref(o);
  return NULL;
}

/* Appends the summary of event row st to the array arr. */
static sl_rc push_event(sl_query *q, sqlite3_stmt *st, void *arr) {
  json_t *ev = slq_event_summary(q, st);
  return ev && !slq_push(arr, ev) ? SL_OK : SL_ESTORE;
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
  slq_bind_page(st, 5, f);
}

/* ---- events ---- */

sl_rc sl_query_events(sl_query *q, const sl_query_filter *f, json_t **out) {
  sl_query_filter none;
  sqlite3_stmt *st;

  f = slq_filter(f, &none);
  /* The page is chosen on (event_date, id) alone, then its rows are read:
   * the sort then carries two columns instead of whole rows (twice as
   * fast on 80,000 events without an index on event_date). */
  st = slq_stmt(q, SLQ_EVENTS,
                "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.id IN"
                " (SELECT x.id FROM events x"
                "  WHERE (?1 IS NULL OR x.event_date >= ?1)"
                "  AND (?2 IS NULL OR substr(x.event_date, 1, length(?2)) <= ?2)"
                "  AND (?3 IS NULL OR (',' || x.langs || ',') LIKE ('%,' || ?3 || ',%'))"
                "  AND (?4 IS NULL OR x.id IN (SELECT ee.event_id FROM entity_events ee"
                "       WHERE ee.entity_id = ?4))"
                "  ORDER BY x.event_date DESC, x.id DESC LIMIT ?5 OFFSET ?6)"
                " ORDER BY e.event_date DESC, e.id DESC");
  if (st)
    bind_filter(st, f);
  return slq_list(q, st, push_event, "listing events", out);
}

static const slq_field FACT[] = {
  {"value", 0, SLQ_VALUE}, {"unit", 1, SLQ_TEXT}, {"sentence", 2, SLQ_TEXT}};

/* Adds "facts" (numbers with their sentence, cut from the text by its
 * stored byte range) claimed by the document with row rid to d. */
static sl_rc add_facts(sl_query *q, json_t *d, int64_t rid) {
  sqlite3_stmt *st = slq_stmt_id(q, SLQ_DOC_FACTS,
                                 "SELECT f.value, f.unit,"
                                 " CAST(substr(CAST(sl_text(d.text) AS BLOB), f.start + 1, f.end - f.start) AS TEXT)"
                                 " FROM facts f JOIN documents d ON d.rid = f.doc WHERE f.doc = ?1"
                                 " ORDER BY f.n", rid);
  return slq_add_rows(q, d, "facts", st, FACT, SLQ_NFIELDS(FACT), "reading facts");
}

static const slq_field REPORT[] = {
  {"id", 0, SLQ_TEXT},     {"lang", 1, SLQ_TEXT},      {"script", 2, SLQ_TEXT},
  {"title", 3, SLQ_TEXT},  {"source", 4, SLQ_TEXT},    {"url", 5, SLQ_TEXT},
  {"published", 6, SLQ_TEXT}, {"date", 7, SLQ_TEXT}, {"excerpt", 8, SLQ_TEXT}};

/* Appends report row st, with its facts, to the array arr. */
static sl_rc push_report(sl_query *q, sqlite3_stmt *st, void *arr) {
  json_t *d = slq_push_fields(arr, st, REPORT, SLQ_NFIELDS(REPORT));
  if (!d || slq_set(d, "excerpt_cut", json_boolean(sqlite3_column_int(st, 9))) ||
      add_facts(q, d, sqlite3_column_int64(st, 10)) != SL_OK)
    return SL_ENOMEM;
  return SL_OK;
}

/* Adds "reports" (member documents with facts) to event object ev. */
static sl_rc add_reports(sl_query *q, json_t *ev, int64_t id) {
  sqlite3_stmt *st = slq_stmt_id(q, SLQ_EVENT_REPORTS,
                                 "SELECT id, lang, script, title, source, url, published, event_date,"
                                 " substr(text, 1, 280), length(text) > 280, rid"
                                 " FROM documents WHERE event_id = ?1"
                                 " ORDER BY lang, published IS NULL, published, id", id);
  return slq_add_array(q, ev, "reports", st, push_report, "reading an event's reports");
}

static const slq_field EVENT_ENTITY[] = {
  {"id", 0, SLQ_VALUE}, {"type", 1, SLQ_TEXT}, {"name", 2, SLQ_TEXT},
  {"mentions", 3, SLQ_VALUE}, {"documents", 4, SLQ_VALUE}};

/* Appends entity row st to lists (an array of three: persons, places,
 * orgs) by its type. */
static sl_rc push_entity(sl_query *q, sqlite3_stmt *st, void *lists) {
  json_t **l = lists;
  const char *type = (const char *)sqlite3_column_text(st, 1);
  json_t *dst = !type ? NULL : !strcmp(type, "person") ? l[0] : !strcmp(type, "place") ? l[1] : l[2];
  (void)q;
  if (!dst || !slq_push_fields(dst, st, EVENT_ENTITY, SLQ_NFIELDS(EVENT_ENTITY)))
    return SL_ENOMEM;
  return SL_OK;
}

/* Adds "participants" (persons), "places" and "orgs" to ev. */
static sl_rc add_entities(sl_query *q, json_t *ev, int64_t id) {
  sqlite3_stmt *st = slq_stmt_id(q, SLQ_EVENT_ENTITIES,
                                 "SELECT en.id, en.type, en.name, count(*) AS n,"
                                 " count(DISTINCT m.doc)"
                                 " FROM documents d JOIN mentions m ON m.doc = d.rid"
                                 " JOIN entities en ON en.id = m.entity_id"
                                 " WHERE d.event_id = ?1 GROUP BY en.id ORDER BY n DESC, en.name",
                                 id);
  json_t *lists[3] = {json_array(), json_array(), json_array()};
  if (slq_set(ev, "participants", lists[0]) || slq_set(ev, "places", lists[1]) ||
      slq_set(ev, "orgs", lists[2]))
    return SL_ENOMEM;
  return slq_each(q, st, push_entity, lists, "reading an event's entities");
}

/* A story's row (id, title, first_date, last_date, event_count); a
 * reference to a story is the first four. */
static const slq_field STORY[] = {
  {"id", 0, SLQ_VALUE}, {"title", 1, SLQ_TEXT}, {"first_date", 2, SLQ_TEXT},
  {"last_date", 3, SLQ_TEXT}, {"event_count", 4, SLQ_VALUE}};

/* Story id's row, bound and ready to step. */
static sqlite3_stmt *story_stmt(sl_query *q, int64_t id) {
  return slq_stmt_id(q, SLQ_STORY_ONE,
                     "SELECT id, title, first_date, last_date, event_count FROM stories WHERE id = ?1",
                     id);
}

/* Story id's events by date, undated last, bound and ready to step. */
static sqlite3_stmt *story_events(sl_query *q, int64_t id) {
  return slq_stmt_id(q, SLQ_STORY_EVENTS,
                     "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.story_id = ?1"
                     " ORDER BY e.event_date IS NULL, e.event_date, e.id", id);
}

/* {id, title, first_date, last_date} of story sid, or null. */
static json_t *story_ref(sl_query *q, int64_t sid) {
  sqlite3_stmt *st = story_stmt(q, sid);
  json_t *o;
  if (!st)
    return NULL;
  o = sqlite3_step(st) == SQLITE_ROW ? slq_row_object(st, STORY, 4) : json_null();
  sqlite3_reset(st);
  return o;
}

sl_rc sl_query_event(sl_query *q, int64_t id, json_t **out) {
  sl_rc rc;
  json_t *ev = NULL;
  int64_t sid = 0;
  int has_story = 0;
  sqlite3_stmt *st;

  *out = NULL;
  st = slq_stmt_id(q, SLQ_EVENT_ONE, "SELECT " SLQ_EVENT_COLS " FROM events e WHERE e.id = ?1", id);
  if ((rc = slq_one(q, st, "reading an event", "no event %lld", (long long)id)) != SL_OK)
    goto out;
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
  return slq_finish(st, rc, ev, out);
}

/* ---- stories ---- */

/* Story summary from a row of STORY: adds "events" (ids by date, undated
 * last) and "documents". */
static json_t *story_summary(sl_query *q, sqlite3_stmt *row) {
  int64_t id = sqlite3_column_int64(row, 0);
  json_t *o = slq_row_object(row, STORY, SLQ_NFIELDS(STORY));
  if (!o || slq_set(o, "events", collect_ids(q, story_events(q, id))) ||
      slq_set(o, "documents",
              collect_ids(q, slq_stmt_id(q, SLQ_STORY_DOCIDS,
                                         "SELECT d.id FROM events e JOIN documents d ON d.event_id = e.id"
                                         " WHERE e.story_id = ?1"
                                         " ORDER BY e.event_date IS NULL, e.event_date, e.id, d.id",
                                         id)))) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* Appends the summary of story row st to the array arr. */
static sl_rc push_story(sl_query *q, sqlite3_stmt *st, void *arr) {
  json_t *s = story_summary(q, st);
  return s && !slq_push(arr, s) ? SL_OK : SL_ESTORE;
}

sl_rc sl_query_stories(sl_query *q, const sl_query_filter *f, json_t **out) {
  sl_query_filter none;
  sqlite3_stmt *st;

  f = slq_filter(f, &none);
  st = slq_stmt(q, SLQ_STORIES,
                "SELECT s.id, s.title, s.first_date, s.last_date, s.event_count FROM stories s"
                " WHERE (?1 IS NULL OR s.last_date >= ?1)"
                " AND (?2 IS NULL OR substr(s.first_date, 1, length(?2)) <= ?2)"
                " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM events e WHERE e.story_id = s.id"
                "      AND (',' || e.langs || ',') LIKE ('%,' || ?3 || ',%')))"
                " AND (?4 IS NULL OR s.id IN (SELECT e.story_id FROM entity_events ee"
                "      JOIN events e ON e.id = ee.event_id WHERE ee.entity_id = ?4))"
                " ORDER BY s.last_date DESC, s.id DESC LIMIT ?5 OFFSET ?6");
  if (st)
    bind_filter(st, f);
  return slq_list(q, st, push_story, "listing stories", out);
}

sl_rc sl_query_story(sl_query *q, int64_t id, json_t **out) {
  sl_rc rc;
  json_t *s = NULL;
  sqlite3_stmt *st;

  *out = NULL;
  st = story_stmt(q, id);
  if ((rc = slq_one(q, st, "reading a story", "no story %lld", (long long)id)) != SL_OK)
    goto out;
  s = story_summary(q, st);
  sqlite3_reset(st);
  if (!s) {
    rc = SL_ESTORE;
    goto out;
  }
  st = story_events(q, id);
  rc = slq_add_array(q, s, "timeline", st, push_event, "reading a story's events");
out:
  return slq_finish(st, rc, s, out);
}

/* ---- documents ---- */

static const slq_field DOCUMENT[] = {
  {"id", 0, SLQ_VALUE},        {"url", 1, SLQ_VALUE},    {"path", 2, SLQ_VALUE},
  {"source", 3, SLQ_VALUE},    {"title", 4, SLQ_VALUE},  {"text", 5, SLQ_VALUE},
  {"lang", 6, SLQ_VALUE},      {"script", 7, SLQ_VALUE}, {"published", 8, SLQ_VALUE},
  {"date", 9, SLQ_VALUE},      {"event", 10, SLQ_VALUE}, {"ingested_at", 11, SLQ_VALUE}};

static const slq_field MENTION[] = {
  {"entity", 0, SLQ_VALUE}, {"type", 1, SLQ_TEXT}, {"name", 2, SLQ_TEXT},
  {"surface", 3, SLQ_TEXT}, {"start", 4, SLQ_VALUE}, {"end", 5, SLQ_VALUE}};

/* Adds "mentions" (linked entities in text order, each surface cut from
 * the text by its byte range) to document d, stored as row rid. */
static sl_rc add_doc_mentions(sl_query *q, json_t *d, int64_t rid) {
  sqlite3_stmt *st = slq_stmt_id(q, SLQ_DOC_ENTITIES,
                                 "SELECT en.id, en.type, en.name,"
                                 " CAST(substr(CAST(sl_text(d.text) AS BLOB), m.start + 1, m.end - m.start) AS TEXT),"
                                 " m.start, m.end FROM mentions m JOIN entities en ON en.id = m.entity_id"
                                 " JOIN documents d ON d.rid = m.doc"
                                 " WHERE m.doc = ?1 ORDER BY m.start, m.n", rid);
  return slq_add_rows(q, d, "mentions", st, MENTION, SLQ_NFIELDS(MENTION),
                      "reading a document's mentions");
}

sl_rc sl_query_document(sl_query *q, const char *z, size_t n, json_t **out) {
  sl_rc rc;
  json_t *d = NULL;
  sqlite3_stmt *st;

  *out = NULL;
  if (n == 0 || n > SL_QUERY_MAX_TEXT || !slq_utf8_ok(z, n))
    return slq_fail(q, SL_ENOTFOUND, "no document with that id");
  st = stmt_doc(q, SLQ_DOC_ONE,
                "SELECT id, url, path, source, title, sl_text(text), lang, script, published, event_date,"
                " event_id, ingested_at, rid FROM documents WHERE id = ?1", z, n);
  if ((rc = slq_one(q, st, "reading a document", "no document %.*s", (int)n, z)) != SL_OK)
    goto out;
  if (!(d = slq_row_object(st, DOCUMENT, SLQ_NFIELDS(DOCUMENT)))) {
    rc = SL_ENOMEM;
    goto out;
  }
  int64_t rid = sqlite3_column_int64(st, 12);
  sqlite3_reset(st);
  if ((rc = add_doc_mentions(q, d, rid)) != SL_OK)
    goto out;
  if (add_facts(q, d, rid) != SL_OK) {
    rc = SL_ESTORE;
    goto out;
  }
out:
  return slq_finish(st, rc, d, out);
}
