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
    json_t *o = json_object();
    if (!o || slq_push(arr, o) || slq_set(o, "id", slq_col(st, 0)) ||
        slq_set(o, "type", slq_text(st, 1)) || slq_set(o, "name", slq_text(st, 2)) ||
        slq_set(o, "doc_count", slq_col(st, 3)) || slq_set(o, "mention_count", slq_col(st, 4))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
out:
  if (st)
    sqlite3_reset(st);
  json_decref(m);
  return rc;
}

sl_rc sl_query_entities(sl_query *q, const sl_query_filter *f, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *arr = NULL;
  sqlite3_stmt *st;
  sl_query_filter none;
  char pat[2 * SL_QUERY_MAX_TEXT + 4];
  int r;

  *out = NULL;
  if (!f) {
    sl_query_filter_init(&none);
    f = &none;
  }
  st = slq_stmt(q, SLQ_ENTITIES,
                "SELECT en.id, en.type, en.name, en.doc_count, en.mention_count FROM entities en"
                " WHERE (?1 IS NULL OR en.type = ?1)"
                " AND (?2 IS NULL OR en.name LIKE ?2 ESCAPE '\\' OR en.id IN"
                "      (SELECT entity_id FROM entity_variants WHERE variant LIKE ?2 ESCAPE '\\'))"
                " ORDER BY en.doc_count DESC, en.mention_count DESC, en.id LIMIT ?3 OFFSET ?4");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  slq_bind_opt(st, 1, f->type);
  if (f->q[0]) {
    like_pattern(pat, sizeof pat, f->q);
    sqlite3_bind_text(st, 2, pat, -1, SQLITE_TRANSIENT);
  }
  sqlite3_bind_int64(st, 3, f->limit > 0 ? f->limit : SL_QUERY_DEFAULT_LIMIT);
  sqlite3_bind_int64(st, 4, f->offset);
  arr = json_array();
  if (!arr) {
    rc = SL_ENOMEM;
    goto out;
  }
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *e = json_object();
    if (!e || slq_push(arr, e) || slq_set(e, "id", slq_col(st, 0)) ||
        slq_set(e, "type", slq_text(st, 1)) || slq_set(e, "name", slq_text(st, 2)) ||
        slq_set(e, "doc_count", slq_col(st, 3)) || slq_set(e, "mention_count", slq_col(st, 4))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  if (r != SQLITE_DONE) {
    rc = slq_store_error(q, "listing entities");
    goto out;
  }
  if (f->q[0] && f->offset == 0)
    rc = add_name_matches(q, arr, f);
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

/* Adds "variants": {script: [{variant, lang, count}, ...]} to e. */
static sl_rc add_variants(sl_query *q, json_t *e, int64_t id) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_ENTITY_VARIANTS,
                              "SELECT variant, script, lang, count FROM entity_variants"
                              " WHERE entity_id = ?1 ORDER BY script, count DESC, variant");
  json_t *by = json_object();
  sl_rc rc = SL_OK;
  int r;
  if (!by || slq_set(e, "variants", by)) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    const char *script = (const char *)sqlite3_column_text(st, 1);
    if (!script || !*script)
      script = "Zyyy";
    json_t *list = json_object_get(by, script);
    if (!list) {
      list = json_array();
      if (!list || json_object_set_new(by, script, list)) {
        rc = SL_ENOMEM;
        goto out;
      }
    }
    json_t *v = json_object();
    if (!v || slq_push(list, v) || slq_set(v, "variant", slq_text(st, 0)) ||
        slq_set(v, "lang", slq_text(st, 2)) || slq_set(v, "count", slq_col(st, 3))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "reading an entity's variants");
out:
  if (st)
    sqlite3_reset(st);
  return rc;
}

/* Adds "events": [{id, title, date, story, mentions}] by date to e. */
static sl_rc add_entity_events(sl_query *q, json_t *e, int64_t id) {
  sqlite3_stmt *st = slq_stmt(q, SLQ_ENTITY_EVENTS,
                              "SELECT ev.id, ev.title, ev.event_date, ev.story_id, count(*),"
                              " ev.langs FROM mentions m JOIN documents d ON d.id = m.doc_id"
                              " JOIN events ev ON ev.id = d.event_id WHERE m.entity_id = ?1"
                              " GROUP BY ev.id ORDER BY ev.event_date IS NULL, ev.event_date, ev.id"
                              " LIMIT 1000");
  json_t *a = json_array();
  sl_rc rc = SL_OK;
  int r;
  if (!a || slq_set(e, "events", a)) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  while ((r = sqlite3_step(st)) == SQLITE_ROW) {
    json_t *v = json_object();
    if (!v || slq_push(a, v) || slq_set(v, "id", slq_col(st, 0)) ||
        slq_set(v, "title", slq_text(st, 1)) || slq_set(v, "date", slq_text(st, 2)) ||
        slq_set(v, "story", slq_col(st, 3)) || slq_set(v, "mentions", slq_col(st, 4)) ||
        slq_set(v, "langs", slq_text(st, 5))) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  if (r != SQLITE_DONE)
    rc = slq_store_error(q, "reading an entity's events");
out:
  if (st)
    sqlite3_reset(st);
  return rc;
}

sl_rc sl_query_entity(sl_query *q, int64_t id, json_t **out) {
  sl_rc rc = SL_OK;
  json_t *e = NULL;
  sqlite3_stmt *st;
  int r;

  *out = NULL;
  st = slq_stmt(q, SLQ_ENTITY_ONE,
                "SELECT id, type, name, key, doc_count, mention_count FROM entities WHERE id = ?1");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  sqlite3_bind_int64(st, 1, id);
  r = sqlite3_step(st);
  if (r == SQLITE_DONE) {
    rc = slq_fail(q, SL_ENOTFOUND, "no entity %lld", (long long)id);
    goto out;
  }
  if (r != SQLITE_ROW) {
    rc = slq_store_error(q, "reading an entity");
    goto out;
  }
  e = json_object();
  if (!e || slq_set(e, "id", slq_col(st, 0)) || slq_set(e, "type", slq_text(st, 1)) ||
      slq_set(e, "name", slq_text(st, 2)) || slq_set(e, "key", slq_text(st, 3)) ||
      slq_set(e, "doc_count", slq_col(st, 4)) || slq_set(e, "mention_count", slq_col(st, 5))) {
    rc = SL_ENOMEM;
    goto out;
  }
  sqlite3_reset(st);
  if ((rc = add_variants(q, e, id)) != SL_OK || (rc = add_entity_events(q, e, id)) != SL_OK)
    goto out;
out:
  if (st)
    sqlite3_reset(st);
  if (rc != SL_OK) {
    json_decref(e);
    return rc;
  }
  *out = e;
  return SL_OK;
}
