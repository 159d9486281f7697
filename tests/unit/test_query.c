/*
 * test_query — the read side (src/query) on a fixture store built from
 * tests/data/seed_store.sql: four events and one story over the five seed
 * articles.  The fixture's entity keys and full-text rows are filled here
 * through the names and tokenize modules, as the write side fills them, so
 * search is tested against the real name matching and normalisation.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query/query.h"
#include "link/names.h"
#include "analyze/tokenize.h"

static char DB[64];
static char DB_V2[64];
static char DB_EMPTY[64];

/* Reads a whole file into a NUL-terminated malloc'd buffer. */
static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long n;
  if (!f)
    return NULL;
  if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
    buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
      free(buf);
      buf = NULL;
    } else if (buf) {
      buf[n] = '\0';
    }
  }
  fclose(f);
  return buf;
}

/* Fixture building runs outside Check's tests: failures exit loudly. */
#define REQUIRE(c, ...)                                                    \
  do {                                                                     \
    if (!(c)) {                                                            \
      fprintf(stderr, "test_query fixture: %s:%d: ", __FILE__, __LINE__);  \
      fprintf(stderr, __VA_ARGS__);                                        \
      fputc('\n', stderr);                                                 \
      exit(1);                                                             \
    }                                                                      \
  } while (0)
#define REQUIRE_EQ(a, b) REQUIRE((a) == (b), "%s", #a)

/* Fills entities.key (sl_names_key of the name) and doc_fts (title, body
 * through sl_normalize; names = variants of the document's entities). */
static void fill_derived(sqlite3 *db) {
  sl_names *nm = NULL;
  sqlite3_stmt *sel = NULL, *upd = NULL, *ins = NULL;
  char key[512];
  REQUIRE_EQ(sl_names_new(&nm), SL_OK);
  REQUIRE_EQ(sqlite3_prepare_v2(db, "SELECT id, name FROM entities", -1, &sel, NULL), SQLITE_OK);
  REQUIRE_EQ(sqlite3_prepare_v2(db, "UPDATE entities SET key = ?2 WHERE id = ?1", -1, &upd, NULL),
                   SQLITE_OK);
  while (sqlite3_step(sel) == SQLITE_ROW) {
    const char *name = (const char *)sqlite3_column_text(sel, 1);
    size_t nk = sl_names_key(nm, name, strlen(name), key, sizeof key);
    REQUIRE(nk > 0, "empty key");
    sqlite3_reset(upd);
    sqlite3_bind_int64(upd, 1, sqlite3_column_int64(sel, 0));
    sqlite3_bind_text(upd, 2, key, -1, SQLITE_TRANSIENT);
    REQUIRE_EQ(sqlite3_step(upd), SQLITE_DONE);
  }
  sqlite3_finalize(sel);
  sqlite3_finalize(upd);
  REQUIRE_EQ(sqlite3_prepare_v2(db,
                                      "SELECT d.rid, d.title, d.text, (SELECT group_concat(v.variant, ' ')"
                                      " FROM entity_variants v WHERE v.entity_id IN"
                                      " (SELECT entity_id FROM mentions WHERE doc = d.rid))"
                                      " FROM documents d", -1, &sel, NULL), SQLITE_OK);
  REQUIRE_EQ(sqlite3_prepare_v2(db, "INSERT INTO doc_fts(rowid, title, body, names)"
                                          " VALUES (?1, ?2, ?3, ?4)", -1, &ins, NULL), SQLITE_OK);
  while (sqlite3_step(sel) == SQLITE_ROW) {
    char *t = NULL, *b = NULL;
    size_t nt = 0, nb = 0;
    REQUIRE_EQ(sl_normalize((const char *)sqlite3_column_text(sel, 1),
                                  (size_t)sqlite3_column_bytes(sel, 1), &t, &nt), SL_OK);
    REQUIRE_EQ(sl_normalize((const char *)sqlite3_column_text(sel, 2),
                                  (size_t)sqlite3_column_bytes(sel, 2), &b, &nb), SL_OK);
    sqlite3_reset(ins);
    sqlite3_bind_value(ins, 1, sqlite3_column_value(sel, 0));
    sqlite3_bind_text(ins, 2, t, (int)nt, SQLITE_TRANSIENT);
    sqlite3_bind_text(ins, 3, b, (int)nb, SQLITE_TRANSIENT);
    sqlite3_bind_value(ins, 4, sqlite3_column_value(sel, 3));
    REQUIRE_EQ(sqlite3_step(ins), SQLITE_DONE);
    free(t);
    free(b);
  }
  sqlite3_finalize(sel);
  sqlite3_finalize(ins);
  sl_names_free(nm);
}

static void make_db(const char *path, const char *sql, const char *extra) {
  sqlite3 *db = NULL;
  char *err = NULL;
  unlink(path);
  REQUIRE_EQ(sqlite3_open(path, &db), SQLITE_OK);
  if (sql) {
    REQUIRE(sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK, "fixture: %s", err);
    fill_derived(db);
  }
  if (extra)
    REQUIRE(sqlite3_exec(db, extra, NULL, NULL, &err) == SQLITE_OK, "extra: %s", err);
  sqlite3_close(db);
}

static void build_fixtures(void) {
  char *sql = slurp("tests/data/seed_store.sql");
  if (!sql) {
    fprintf(stderr, "test_query: cannot read tests/data/seed_store.sql (run from the repo root)\n");
    exit(1);
  }
  int pid = (int)getpid();
  snprintf(DB, sizeof DB, "/tmp/sl_test_query_%d.db", pid);
  snprintf(DB_V2, sizeof DB_V2, "/tmp/sl_test_query_%d_v2.db", pid);
  snprintf(DB_EMPTY, sizeof DB_EMPTY, "/tmp/sl_test_query_%d_empty.db", pid);
  make_db(DB, sql, NULL);
  make_db(DB_V2, sql, "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
  make_db(DB_EMPTY, NULL, "CREATE TABLE t(x)");
  free(sql);
}

static void remove_fixtures(void) {
  const char *paths[] = {DB, DB_V2, DB_EMPTY};
  char p[80];
  for (size_t i = 0; i < 3; i++) {
    unlink(paths[i]);
    snprintf(p, sizeof p, "%s-wal", paths[i]);
    unlink(p);
    snprintf(p, sizeof p, "%s-shm", paths[i]);
    unlink(p);
  }
}

static sl_query *open_fixture(void) {
  sl_query *q = NULL;
  char err[256];
  ck_assert_msg(sl_query_open(DB, &q, err, sizeof err) == SL_OK, "%s", err);
  return q;
}

/* Ids (strings or integers, as text) of arr[i][key] joined by ','. */
static void ids_of(const json_t *arr, const char *key, char *dst, size_t cap) {
  size_t i, k = 0;
  json_t *v;
  dst[0] = '\0';
  json_array_foreach(arr, i, v) {
    json_t *x = key ? json_object_get(v, key) : v;
    int w;
    if (json_is_integer(x))
      w = snprintf(dst + k, cap - k, "%s%lld", k ? "," : "", (long long)json_integer_value(x));
    else
      w = snprintf(dst + k, cap - k, "%s%s", k ? "," : "", json_is_string(x) ? json_string_value(x) : "?");
    if (w < 0 || (size_t)w >= cap - k)
      break;
    k += (size_t)w;
  }
}

/* Sorted three-character prefixes of result doc ids: "000,002,003". */
static void doc_prefixes(const json_t *res, char *dst, size_t cap) {
  char all[10][4];
  size_t n = 0, i;
  json_t *h;
  json_array_foreach(json_object_get(res, "results"), i, h) {
    const char *d = json_string_value(json_object_get(h, "doc"));
    if (n < 10 && d) {
      memcpy(all[n], d, 3);
      all[n++][3] = '\0';
    }
  }
  for (i = 1; i < n; i++)
    for (size_t j = i; j > 0 && strcmp(all[j - 1], all[j]) > 0; j--) {
      char t[4];
      memcpy(t, all[j], 4);
      memcpy(all[j], all[j - 1], 4);
      memcpy(all[j - 1], t, 4);
    }
  dst[0] = '\0';
  size_t k = 0;
  for (i = 0; i < n && k + 5 < cap; i++) {
    if (i)
      dst[k++] = ',';
    memcpy(dst + k, all[i], 4);
    k += 3;
  }
  dst[k] = '\0';
}

/* ---- open ---- */

START_TEST(open_missing_store_names_it) {
  sl_query *q = (sl_query *)1;
  char err[256];
  ck_assert_int_eq(sl_query_open("/nonexistent/x.db", &q, err, sizeof err), SL_EIO);
  ck_assert_ptr_null(q);
  ck_assert_msg(strstr(err, "cannot open store /nonexistent/x.db: ") == err, "%s", err);
}
END_TEST

START_TEST(open_foreign_db_is_refused) {
  sl_query *q = NULL;
  char err[256];
  ck_assert_int_eq(sl_query_open(DB_EMPTY, &q, err, sizeof err), SL_ESTORE);
  ck_assert_msg(strstr(err, "not a storyline store") != NULL, "%s", err);
}
END_TEST

START_TEST(open_schema_mismatch_is_refused) {
  sl_query *q = NULL;
  char err[256];
  ck_assert_int_eq(sl_query_open(DB_V2, &q, err, sizeof err), SL_EUNSUPPORTED);
  /* an older store: the message says which version and what to do */
  ck_assert_msg(strstr(err, "schema version 1") != NULL, "%s", err);
  ck_assert_msg(strstr(err, "into a new store") != NULL, "%s", err);
  ck_assert_ptr_null(q);
}
END_TEST

/* ---- filters ---- */

START_TEST(filter_validates_values) {
  sl_query_filter f;
  sl_query_filter_init(&f);
  ck_assert_int_eq(f.limit, SL_QUERY_DEFAULT_LIMIT);
  ck_assert_int_eq(sl_query_filter_set(&f, "since", "2025-02", 7), SL_OK);
  ck_assert_str_eq(f.since, "2025-02");
  ck_assert_int_eq(sl_query_filter_set(&f, "since", "2025-13", 7), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "until", "2025'--", 7), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "limit", "0", 1), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "limit", "1000000", 7), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "limit", "-1", 2), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "limit", "7", 1), SL_OK);
  ck_assert_int_eq(f.limit, 7);
  ck_assert_int_eq(sl_query_filter_set(&f, "lang", "a'r", 3), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "type", "planet", 6), SL_EINVAL);
  ck_assert_int_eq(sl_query_filter_set(&f, "q", "\xff\xfe", 2), SL_EINVAL);
  char big[SL_QUERY_MAX_TEXT + 2];
  memset(big, 'a', sizeof big);
  ck_assert_int_eq(sl_query_filter_set(&f, "q", big, sizeof big), SL_ETOOBIG);
  ck_assert_int_eq(sl_query_filter_set(&f, "nosuch", "1", 1), SL_EINVAL);
  ck_assert_str_eq(f.since, "2025-02"); /* unchanged by the failures */
}
END_TEST

/* ---- events ---- */

START_TEST(events_newest_first_undated_last) {
  sl_query *q = open_fixture();
  json_t *arr = NULL;
  char ids[128];
  ck_assert_int_eq(sl_query_events(q, NULL, &arr), SL_OK);
  ids_of(arr, "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "1,3,2,4");
  json_t *first = json_array_get(arr, 0), *last = json_array_get(arr, 3);
  ck_assert_str_eq(json_string_value(json_object_get(first, "date")), "2026-01-28");
  ck_assert(json_is_null(json_object_get(last, "date")));
  ids_of(json_object_get(first, "documents"), NULL, ids, sizeof ids);
  ck_assert_str_eq(ids, "000_a36e95430f0b8119,002_4843e7fa21632428");
  ids_of(json_object_get(first, "langs"), NULL, ids, sizeof ids);
  ck_assert_str_eq(ids, "ar,vi");
  json_decref(arr);
  sl_query_close(q);
}
END_TEST

START_TEST(events_filters) {
  sl_query *q = open_fixture();
  sl_query_filter f;
  json_t *arr = NULL;
  char ids[128];
  struct { const char *name, *value, *want; } cases[] = {
    {"since", "2025", "1,3"},     {"until", "2017", "2"},
    {"until", "2025-02-12", "3,2"}, {"lang", "ar", "1,4"},
    {"entity", "3", "3,2"},       {"entity", "8", "2"},
    {"lang", "ru", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sl_query_filter_init(&f);
    ck_assert_int_eq(sl_query_filter_set(&f, cases[i].name, cases[i].value, strlen(cases[i].value)),
                     SL_OK);
    ck_assert_int_eq(sl_query_events(q, &f, &arr), SL_OK);
    ids_of(arr, "id", ids, sizeof ids);
    ck_assert_msg(!strcmp(ids, cases[i].want), "%s=%s: got %s want %s", cases[i].name,
                  cases[i].value, ids, cases[i].want);
    json_decref(arr);
  }
  sl_query_filter_init(&f);
  f.limit = 2;
  f.offset = 1;
  ck_assert_int_eq(sl_query_events(q, &f, &arr), SL_OK);
  ids_of(arr, "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "3,2");
  json_decref(arr);
  sl_query_close(q);
}
END_TEST

START_TEST(event_detail_has_reports_entities_facts_story) {
  sl_query *q = open_fixture();
  json_t *ev = NULL;
  char ids[256];
  ck_assert_int_eq(sl_query_event(q, 1, &ev), SL_OK);
  json_t *reports = json_object_get(ev, "reports");
  ck_assert_uint_eq(json_array_size(reports), 2);
  ids_of(reports, "lang", ids, sizeof ids);
  ck_assert_str_eq(ids, "ar,vi");
  json_t *vi = json_array_get(reports, 1);
  ck_assert_str_eq(json_string_value(json_object_get(vi, "source")), "baomoi.example");
  json_t *facts = json_object_get(vi, "facts");
  ck_assert_uint_eq(json_array_size(facts), 1);
  ck_assert(json_number_value(json_object_get(json_array_get(facts, 0), "value")) == 4.0);
  ids_of(json_object_get(ev, "participants"), "name", ids, sizeof ids);
  ck_assert_str_eq(ids, "Ahmed al-Sharaa,Vladimir Putin");
  ids_of(json_object_get(ev, "places"), "name", ids, sizeof ids);
  ck_assert_str_eq(ids, "Kremlin,Moscow,Syria");
  ck_assert_int_eq(json_integer_value(json_object_get(json_object_get(ev, "story"), "id")), 1);
  json_decref(ev);
  ev = NULL;
  ck_assert_int_eq(sl_query_event(q, 99, &ev), SL_ENOTFOUND);
  ck_assert_ptr_null(ev);
  ck_assert_str_eq(sl_query_errmsg(q), "no event 99");
  sl_query_close(q);
}
END_TEST

/* ---- stories ---- */

START_TEST(story_timeline_in_date_order) {
  sl_query *q = open_fixture();
  json_t *arr = NULL, *s = NULL;
  char ids[256];
  ck_assert_int_eq(sl_query_stories(q, NULL, &arr), SL_OK);
  ck_assert_uint_eq(json_array_size(arr), 1);
  ids_of(json_object_get(json_array_get(arr, 0), "events"), NULL, ids, sizeof ids);
  ck_assert_str_eq(ids, "2,3,1,4");
  ck_assert_uint_eq(json_array_size(json_object_get(json_array_get(arr, 0), "documents")), 5);
  json_decref(arr);
  ck_assert_int_eq(sl_query_story(q, 1, &s), SL_OK);
  json_t *tl = json_object_get(s, "timeline");
  ids_of(tl, "date", ids, sizeof ids);
  ck_assert_str_eq(ids, "2017-11-20,2025-02-12,2026-01-28,?");
  json_decref(s);
  ck_assert_int_eq(sl_query_story(q, 2, &s), SL_ENOTFOUND);
  sl_query_close(q);
}
END_TEST

/* ---- entities ---- */

START_TEST(entities_filter_by_variant_and_type) {
  sl_query *q = open_fixture();
  sl_query_filter f;
  json_t *arr = NULL;
  char ids[256];
  sl_query_filter_init(&f);
  ck_assert_int_eq(sl_query_filter_set(&f, "q", "بوتين", strlen("بوتين")), SL_OK);
  ck_assert_int_eq(sl_query_entities(q, &f, &arr), SL_OK);
  ids_of(arr, "name", ids, sizeof ids);
  ck_assert_str_eq(ids, "Vladimir Putin");
  json_decref(arr);
  sl_query_filter_init(&f);
  ck_assert_int_eq(sl_query_filter_set(&f, "type", "person", 6), SL_OK);
  ck_assert_int_eq(sl_query_entities(q, &f, &arr), SL_OK);
  ids_of(arr, "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "1,2,3");
  json_decref(arr);
  sl_query_filter_init(&f); /* a name in another script, in no variant */
  ck_assert_int_eq(sl_query_filter_set(&f, "q", "Путин", strlen("Путин")), SL_OK);
  ck_assert_int_eq(sl_query_entities(q, &f, &arr), SL_OK);
  ids_of(arr, "name", ids, sizeof ids);
  ck_assert_str_eq(ids, "Vladimir Putin");
  json_decref(arr);
  ck_assert_int_eq(sl_query_filter_set(&f, "type", "place", 5), SL_OK);
  ck_assert_int_eq(sl_query_entities(q, &f, &arr), SL_OK);
  ck_assert_uint_eq(json_array_size(arr), 0);
  json_decref(arr);
  sl_query_filter_init(&f); /* LIKE wildcards in the filter are literal */
  ck_assert_int_eq(sl_query_filter_set(&f, "q", "%", 1), SL_OK);
  ck_assert_int_eq(sl_query_entities(q, &f, &arr), SL_OK);
  ck_assert_uint_eq(json_array_size(arr), 0);
  json_decref(arr);
  sl_query_close(q);
}
END_TEST

START_TEST(entity_detail_variants_by_script_and_events) {
  sl_query *q = open_fixture();
  json_t *e = NULL;
  char ids[256];
  ck_assert_int_eq(sl_query_entity(q, 2, NULL, &e), SL_OK);
  json_t *v = json_object_get(e, "variants");
  ck_assert_uint_eq(json_object_size(v), 2);
  ids_of(json_object_get(v, "Arab"), "variant", ids, sizeof ids);
  ck_assert_str_eq(ids, "أحمد الشرع,الشرع");
  ck_assert_uint_eq(json_array_size(json_object_get(v, "Latn")), 3);
  /* newest first, as the events list */
  ids_of(json_object_get(e, "events"), "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "1,3");
  ck_assert_int_eq(json_integer_value(json_object_get(e, "event_count")), 2);
  json_decref(e);
  /* a page of the events: the count stays, the rows move */
  sl_query_filter f;
  sl_query_filter_init(&f);
  ck_assert_int_eq(sl_query_filter_set(&f, "limit", "1", 1), SL_OK);
  ck_assert_int_eq(sl_query_filter_set(&f, "offset", "1", 1), SL_OK);
  ck_assert_int_eq(sl_query_entity(q, 2, &f, &e), SL_OK);
  ids_of(json_object_get(e, "events"), "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "3");
  ck_assert_int_eq(json_integer_value(json_object_get(e, "event_count")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(e, "offset")), 1);
  json_decref(e);
  ck_assert_int_eq(sl_query_filter_set(&f, "offset", "2", 1), SL_OK);
  ck_assert_int_eq(sl_query_entity(q, 2, &f, &e), SL_OK);
  ck_assert_uint_eq(json_array_size(json_object_get(e, "events")), 0);
  json_decref(e);
  /* entity 1 is in events 1 (2026), 3 (2025), 2 (2017) and undated 4:
   * a page across the undated boundary, and one after it */
  ck_assert_int_eq(sl_query_filter_set(&f, "limit", "2", 1), SL_OK);
  ck_assert_int_eq(sl_query_entity(q, 1, &f, &e), SL_OK);
  ids_of(json_object_get(e, "events"), "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "2,4");
  json_decref(e);
  ck_assert_int_eq(sl_query_filter_set(&f, "offset", "3", 1), SL_OK);
  ck_assert_int_eq(sl_query_entity(q, 1, &f, &e), SL_OK);
  ids_of(json_object_get(e, "events"), "id", ids, sizeof ids);
  ck_assert_str_eq(ids, "4");
  ck_assert_int_eq(json_integer_value(json_object_get(e, "event_count")), 4);
  json_decref(e);
  ck_assert_int_eq(sl_query_entity(q, 1000, NULL, &e), SL_ENOTFOUND);
  sl_query_close(q);
}
END_TEST

START_TEST(document_detail) {
  sl_query *q = open_fixture();
  json_t *d = NULL;
  const char *id = "000_a36e95430f0b8119";
  ck_assert_int_eq(sl_query_document(q, id, strlen(id), &d), SL_OK);
  ck_assert_str_eq(json_string_value(json_object_get(d, "lang")), "vi");
  ck_assert_int_eq(json_integer_value(json_object_get(d, "event")), 1);
  ck_assert_uint_eq(json_array_size(json_object_get(d, "mentions")), 4);
  ck_assert_uint_eq(json_array_size(json_object_get(d, "facts")), 1);
  json_decref(d);
  ck_assert_int_eq(sl_query_document(q, "nope", 4, &d), SL_ENOTFOUND);
  ck_assert_int_eq(sl_query_document(q, "\xc3", 1, &d), SL_ENOTFOUND);
  sl_query_close(q);
}
END_TEST

/* ---- search ---- */

static void expect_search(sl_query *q, const char *text, const char *want) {
  json_t *res = NULL;
  char got[128];
  ck_assert_msg(sl_query_search(q, text, strlen(text), 0, &res) == SL_OK, "%s: %s", text,
                sl_query_errmsg(q));
  doc_prefixes(res, got, sizeof got);
  ck_assert_msg(!strcmp(got, want), "search %s: got %s, want %s", text, got, want);
  json_decref(res);
}

START_TEST(search_crosses_scripts) {
  sl_query *q = open_fixture();
  expect_search(q, "الشرع", "000,002,003");
  expect_search(q, "al-Sharaa", "000,002,003");
  expect_search(q, "Putin", "000,001,002,003,004");
  expect_search(q, "بوتين", "000,001,002,003,004");
  expect_search(q, "  Vladimir Putin ", "000,001,002,003,004");
  sl_query_close(q);
}
END_TEST

START_TEST(search_entity_hits_first_then_text) {
  sl_query *q = open_fixture();
  json_t *res = NULL;
  ck_assert_int_eq(sl_query_search(q, "الشرع", strlen("الشرع"), 0, &res), SL_OK);
  json_t *h = json_array_get(json_object_get(res, "results"), 0);
  ck_assert_str_eq(json_string_value(json_object_get(h, "why")), "entity: Ahmed al-Sharaa");
  ck_assert_str_eq(json_string_value(json_object_get(json_array_get(json_object_get(res, "entities"), 0),
                                                     "name")), "Ahmed al-Sharaa");
  json_decref(res);
  ck_assert_int_eq(sl_query_search(q, "phone call", 10, 0, &res), SL_OK);
  ck_assert_uint_eq(json_array_size(json_object_get(res, "results")), 1);
  h = json_array_get(json_object_get(res, "results"), 0);
  ck_assert_str_eq(json_string_value(json_object_get(h, "doc")), "003_2c3edb034ccb3b0f");
  ck_assert_str_eq(json_string_value(json_object_get(h, "why")), "text");
  json_decref(res);
  expect_search(q, "thương mại", "000");  /* diacritics, normalised */
  expect_search(q, "zzzzqqq", "");
  sl_query_close(q);
}
END_TEST

START_TEST(search_input_is_inert_and_bounded) {
  sl_query *q = open_fixture();
  json_t *res = NULL;
  const char *hostile[] = {"\"", "a OR b*", "NEAR(x y)", "'; DROP TABLE events; --",
                           "title:putin", "^\"x", "{title}: x", "-", "*"};
  for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
    ck_assert_msg(sl_query_search(q, hostile[i], strlen(hostile[i]), 0, &res) == SL_OK, "%s: %s",
                  hostile[i], sl_query_errmsg(q));
    json_decref(res);
  }
  ck_assert_int_eq(sl_query_search(q, "", 0, 0, &res), SL_EINVAL);
  ck_assert_int_eq(sl_query_search(q, "   ", 3, 0, &res), SL_EINVAL);
  ck_assert_int_eq(sl_query_search(q, "bad \xff utf8", 10, 0, &res), SL_EINVAL);
  char big[SL_QUERY_MAX_TEXT + 1];
  memset(big, 'x', sizeof big);
  ck_assert_int_eq(sl_query_search(q, big, sizeof big, 0, &res), SL_ETOOBIG);
  ck_assert_ptr_null(res);
  /* the store is intact */
  json_t *arr = NULL;
  ck_assert_int_eq(sl_query_events(q, NULL, &arr), SL_OK);
  ck_assert_uint_eq(json_array_size(arr), 4);
  json_decref(arr);
  sl_query_close(q);
}
END_TEST

/* The hit for document id in search answer res. */
static json_t *hit_for(json_t *res, const char *id) {
  size_t i;
  json_t *h;
  json_array_foreach(json_object_get(res, "results"), i, h) {
    const char *d = json_string_value(json_object_get(h, "doc"));
    if (d && !strcmp(d, id))
      return h;
  }
  return NULL;
}

START_TEST(search_snippets_show_the_match_in_context) {
  sl_query *q = open_fixture();
  json_t *res = NULL;
  ck_assert_int_eq(sl_query_search(q, "الشرع", strlen("الشرع"), 0, &res), SL_OK);
  json_t *sn = json_object_get(hit_for(res, "002_4843e7fa21632428"), "snippet");
  ck_assert_ptr_nonnull(sn);
  ck_assert_str_eq(json_string_value(json_object_get(sn, "match")), "أحمد الشرع");
  const char *before = json_string_value(json_object_get(sn, "before"));
  ck_assert_msg(strlen(before) > 10 && !strcmp(before + strlen(before) - strlen("الرئيس "), "الرئيس "),
                "before: %s", before);
  sn = json_object_get(hit_for(res, "003_2c3edb034ccb3b0f"), "snippet");
  ck_assert_str_eq(json_string_value(json_object_get(sn, "match")), "Ahmed Hussein al-Sharaa");
  ck_assert_str_eq(json_string_value(json_object_get(sn, "after")),
                   ", the first since the collapse of former President Bashar al-Assad's government.");
  json_decref(res);
  ck_assert_int_eq(sl_query_search(q, "phone call", 10, 0, &res), SL_OK);
  sn = json_object_get(hit_for(res, "003_2c3edb034ccb3b0f"), "snippet");
  ck_assert_str_eq(json_string_value(json_object_get(sn, "match")), "phone call");
  ck_assert_ptr_null(strchr(json_string_value(json_object_get(sn, "after")), '\002'));
  json_decref(res);
  sl_query_close(q);
}
END_TEST

START_TEST(search_limit) {
  sl_query *q = open_fixture();
  json_t *res = NULL;
  ck_assert_int_eq(sl_query_search(q, "Putin", 5, 2, &res), SL_OK);
  ck_assert_uint_eq(json_array_size(json_object_get(res, "results")), 2);
  json_decref(res);
  sl_query_close(q);
}
END_TEST

START_TEST(health_counts) {
  sl_query *q = open_fixture();
  json_t *h = NULL;
  ck_assert_int_eq(sl_query_health(q, &h), SL_OK);
  ck_assert_str_eq(json_string_value(json_object_get(h, "status")), "ok");
  ck_assert_int_eq(json_integer_value(json_object_get(h, "documents")), 5);
  ck_assert_int_eq(json_integer_value(json_object_get(h, "events")), 4);
  ck_assert_int_eq(json_integer_value(json_object_get(h, "stories")), 1);
  ck_assert_int_eq(json_integer_value(json_object_get(h, "entities")), 8);
  ck_assert_int_ge(sl_query_data_version(q), 0);
  json_decref(h);
  sl_query_close(q);
}
END_TEST

int main(void) {
  /* SL_QUERY_FIXTURE=PATH writes the fixture store to PATH and exits (for
   * trying the CLI and the server on it by hand). */
  const char *keep = getenv("SL_QUERY_FIXTURE");
  if (keep) {
    char *sql = slurp("tests/data/seed_store.sql");
    REQUIRE(sql != NULL, "cannot read tests/data/seed_store.sql");
    make_db(keep, sql, NULL);
    free(sql);
    return 0;
  }
  build_fixtures();
  Suite *s = suite_create("query");
  TCase *tc = tcase_create("query");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, open_missing_store_names_it);
  tcase_add_test(tc, open_foreign_db_is_refused);
  tcase_add_test(tc, open_schema_mismatch_is_refused);
  tcase_add_test(tc, filter_validates_values);
  tcase_add_test(tc, events_newest_first_undated_last);
  tcase_add_test(tc, events_filters);
  tcase_add_test(tc, event_detail_has_reports_entities_facts_story);
  tcase_add_test(tc, story_timeline_in_date_order);
  tcase_add_test(tc, entities_filter_by_variant_and_type);
  tcase_add_test(tc, entity_detail_variants_by_script_and_events);
  tcase_add_test(tc, document_detail);
  tcase_add_test(tc, search_crosses_scripts);
  tcase_add_test(tc, search_entity_hits_first_then_text);
  tcase_add_test(tc, search_input_is_inert_and_bounded);
  tcase_add_test(tc, search_snippets_show_the_match_in_context);
  tcase_add_test(tc, search_limit);
  tcase_add_test(tc, health_counts);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  remove_fixtures();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
