/*
 * query_entities — people, places and organisations as JSON (read side of
 * the store, see query.h).  An entity is one canonical name with every
 * variant the linker bound to it across scripts (بوتين, Путин, Putin); its
 * page shows those variants grouped by script and the events it appears in
 * over time.
 */
#include <string.h>

#include "query/query_int.h"

/* Writes "%text%" with LIKE's wildcards escaped by '\' into dst. */
static void like_pattern(char *dst, size_t cap, const char *z) {
  size_t k = 0;
  dst[k++] = '%';
  for (; *z && k + 3 < cap; z++) {
    if (*z == '%' || *z == '_' || *z == '\\')
      dst[k++] = '\\';
    dst[k++] = *z;
  }
  dst[k++] = '%';
  dst[k] = '\0';
}

/* An entity list row (id, type, name, doc_count, mention_count). */
static const slq_field ENTITY[] = {
  {"id", 0, SLQ_VALUE}, {"type", 1, SLQ_TEXT}, {"name", 2, SLQ_TEXT},
  {"doc_count", 3, SLQ_VALUE}, {"mention_count", 4, SLQ_VALUE}};

/* Appends entity row st to the array arr. */
static sl_rc push_entity(sl_query *q, sqlite3_stmt *st, void *arr) {
  (void)q;
  return slq_push_fields(arr, st, ENTITY, SLQ_NFIELDS(ENTITY)) ? SL_OK : SL_ENOMEM;
}

/* Appends to arr (the rows of one entity list page) the entities whose
 * name sounds like f->q in any script ("Poutine", "Путин" find Putin),
 * unless already listed or of another type, up to f->limit. */
static sl_rc add_name_matches(sl_query *q, json_t *arr, const sl_query_filter *f) {
  json_t *m = slq_match_entities(q, f->q, strlen(f->q)), *e, *row;
  sqlite3_stmt *st = NULL;
  sl_rc rc = SL_OK;
  size_t i, k;
  if (!m)
    return SL_ESTORE;
  st = slq_stmt(q, SLQ_ENTITY_ROW,
                "SELECT id, type, name, doc_count, mention_count FROM entities WHERE id = ?1");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  json_array_foreach(m, i, e) {
    json_int_t id = json_integer_value(json_object_get(e, "id"));
    int listed = 0;
    json_array_foreach(arr, k, row)
      listed |= json_integer_value(json_object_get(row, "id")) == id;
    if (listed || (int64_t)json_array_size(arr) >= f->limit)
      continue;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, id);
    if (sqlite3_step(st) != SQLITE_ROW)
      continue;
    const char *type = (const char *)sqlite3_column_text(st, 1);
    if (f->type[0] && (!type || strcmp(type, f->type) != 0))
      continue;
    if ((rc = push_entity(q, st, arr)) != SL_OK)
      goto out;
  }
out:
  if (st)
    sqlite3_reset(st);
  json_decref(m);
  return rc;
}

sl_rc sl_query_entities(sl_query *q, const sl_query_filter *f, json_t **out) {
  sl_rc rc;
  sqlite3_stmt *st;
  sl_query_filter none;
  char pat[2 * SL_QUERY_MAX_TEXT + 4];

  f = slq_filter(f, &none);
  st = slq_stmt(q, SLQ_ENTITIES,
                "SELECT en.id, en.type, en.name, en.doc_count, en.mention_count FROM entities en"
                " WHERE (?1 IS NULL OR en.type = ?1)"
                " AND (?2 IS NULL OR en.name LIKE ?2 ESCAPE '\\' OR en.id IN"
                "      (SELECT entity_id FROM entity_variants WHERE variant LIKE ?2 ESCAPE '\\'))"
                " ORDER BY en.doc_count DESC, en.mention_count DESC, en.id LIMIT ?3 OFFSET ?4");
  if (st) {
    slq_bind_opt(st, 1, f->type);
    if (f->q[0]) {
      like_pattern(pat, sizeof pat, f->q);
      sqlite3_bind_text(st, 2, pat, -1, SQLITE_TRANSIENT);
    }
    slq_bind_page(st, 3, f);
  }
  rc = slq_list(q, st, push_entity, "listing entities", out);
  if (rc == SL_OK && f->q[0] && f->offset == 0 && (rc = add_name_matches(q, *out, f)) != SL_OK) {
    json_decref(*out);
    *out = NULL;
  }
  return rc;
}

static const slq_field VARIANT[] = {
  {"variant", 0, SLQ_TEXT}, {"lang", 2, SLQ_TEXT}, {"count", 3, SLQ_VALUE}};

/* Appends variant row st (variant, script, lang, count) to the list of its
 * script in the object by. */
static sl_rc push_variant(sl_query *q, sqlite3_stmt *st, void *by) {
  const char *script = (const char *)sqlite3_column_text(st, 1);
  (void)q;
  if (!script || !*script)
    script = "Zyyy";
  json_t *list = json_object_get(by, script);
  if (!list) {
    list = json_array();
    if (!list || json_object_set_new(by, script, list))
      return SL_ENOMEM;
  }
  return slq_push_fields(list, st, VARIANT, SLQ_NFIELDS(VARIANT)) ? SL_OK : SL_ENOMEM;
}

/* Adds "variants": {script: [{variant, lang, count}, ...]} to e. */
static sl_rc add_variants(sl_query *q, json_t *e, int64_t id) {
  sqlite3_stmt *st = slq_stmt_id(q, SLQ_ENTITY_VARIANTS,
                                 "SELECT variant, script, lang, count FROM entity_variants"
                                 " WHERE entity_id = ?1 ORDER BY script, count DESC, variant", id);
  json_t *by = json_object();
  if (!by || slq_set(e, "variants", by))
    return SL_ENOMEM;
  return slq_each(q, st, push_variant, by, "reading an entity's variants");
}

static const slq_field ENTITY_EVENT[] = {
  {"id", 0, SLQ_VALUE},    {"title", 1, SLQ_TEXT},     {"date", 2, SLQ_TEXT},
  {"story", 3, SLQ_VALUE}, {"mentions", 4, SLQ_VALUE}, {"langs", 5, SLQ_TEXT}};

/* Appends the fields of entity event row st to the array arr. */
static sl_rc push_event_row(sl_query *q, sqlite3_stmt *st, void *arr) {
  (void)q;
  return slq_push_fields(arr, st, ENTITY_EVENT, SLQ_NFIELDS(ENTITY_EVENT)) ? SL_OK : SL_ENOMEM;
}

/* The entity's events, dated or undated (the sign of `undated`), newest
 * first: the page of entity_events is cut before the join, so skipped rows
 * cost an index step each and the page reads only the events it shows. */
#define ENTITY_EVENTS_SQL(WHERE)                                                      \
  "SELECT ev.id, ev.title, ev.event_date, ev.story_id, ee.mentions, ev.langs FROM"   \
  " (SELECT event_id, event_date, mentions FROM entity_events"                      \
  "  WHERE entity_id = ?1 AND " WHERE " ORDER BY event_date DESC, event_id DESC"    \
  "  LIMIT ?2 OFFSET ?3) ee JOIN events ev ON ev.id = ee.event_id"                  \
  " ORDER BY ee.event_date DESC, ee.event_id DESC"

/* Adds "events": [{id, title, date, story, mentions, langs}] to e, newest
 * first and undated last (as the events list), f->limit of them from
 * f->offset on, and "event_count" (all of them) to page with. */
static sl_rc add_entity_events(sl_query *q, json_t *e, int64_t id, const sl_query_filter *f) {
  sqlite3_stmt *st = slq_stmt_id(q, SLQ_ENTITY_EVENT_COUNT,
                                 "SELECT count(*), count(*) FILTER (WHERE event_date = '')"
                                 " FROM entity_events WHERE entity_id = ?1", id);
  int64_t total, undated, dated, got;
  json_t *arr;
  sl_rc rc;
  if ((rc = slq_one(q, st, "counting an entity's events", "no entity %lld", (long long)id)) != SL_OK)
    return rc;
  total = sqlite3_column_int64(st, 0);
  undated = sqlite3_column_int64(st, 1);
  sqlite3_reset(st);
  dated = total - undated;
  if (slq_set(e, "event_count", json_integer(total)) || slq_set(e, "limit", json_integer(f->limit)) ||
      slq_set(e, "offset", json_integer(f->offset)) || slq_set(e, "events", json_array()))
    return SL_ENOMEM;
  arr = json_object_get(e, "events");
  if (f->offset < dated) {
    st = slq_stmt_id(q, SLQ_ENTITY_EVENTS, ENTITY_EVENTS_SQL("event_date > ''"), id);
    if (!st)
      return SL_ESTORE;
    sqlite3_bind_int64(st, 2, f->limit);
    sqlite3_bind_int64(st, 3, f->offset);
    if ((rc = slq_each(q, st, push_event_row, arr, "reading an entity's events")) != SL_OK)
      return rc;
  }
  got = (int64_t)json_array_size(arr);
  if (got >= f->limit || f->offset + got >= total)
    return SL_OK;
  st = slq_stmt_id(q, SLQ_ENTITY_UNDATED, ENTITY_EVENTS_SQL("event_date = ''"), id);
  if (!st)
    return SL_ESTORE;
  sqlite3_bind_int64(st, 2, f->limit - got);
  sqlite3_bind_int64(st, 3, f->offset > dated ? f->offset - dated : 0);
  return slq_each(q, st, push_event_row, arr, "reading an entity's events");
}

static const slq_field ENTITY_FULL[] = {
  {"id", 0, SLQ_VALUE}, {"type", 1, SLQ_TEXT}, {"name", 2, SLQ_TEXT}, {"key", 3, SLQ_TEXT},
  {"doc_count", 4, SLQ_VALUE}, {"mention_count", 5, SLQ_VALUE}};

sl_rc sl_query_entity(sl_query *q, int64_t id, const sl_query_filter *f, json_t **out) {
  sl_query_filter dflt;
  sl_rc rc;
  json_t *e = NULL;
  sqlite3_stmt *st;

  *out = NULL;
  if (!f) {
    sl_query_filter_init(&dflt);
    f = &dflt;
  }
  st = slq_stmt_id(q, SLQ_ENTITY_ONE,
                   "SELECT id, type, name, key, doc_count, mention_count FROM entities WHERE id = ?1",
                   id);
  if ((rc = slq_one(q, st, "reading an entity", "no entity %lld", (long long)id)) != SL_OK)
    goto out;
  if (!(e = slq_row_object(st, ENTITY_FULL, SLQ_NFIELDS(ENTITY_FULL)))) {
    rc = SL_ENOMEM;
    goto out;
  }
  sqlite3_reset(st);
  if ((rc = add_variants(q, e, id)) == SL_OK)
    rc = add_entity_events(q, e, id, f);
out:
  return slq_finish(st, rc, e, out);
}
