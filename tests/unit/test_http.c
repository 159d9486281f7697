/*
 * test_http — the API routes (src/http/routes.c) and the server's start and
 * stop (src/http/server.c) on the fixture store tests/data/seed_store.sql:
 * paths, arguments and errors map to the right status and JSON.  The HTTP
 * traffic itself is tested end to end by tests/e2e/serve*.sh.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/http.h"

static char DB[64];

static void build_fixture(void) {
  FILE *f = fopen("tests/data/seed_store.sql", "rb");
  char *sql = NULL;
  long n = 0;
  sqlite3 *db = NULL;
  if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0 ||
      !(sql = calloc(1, (size_t)n + 1)) || fread(sql, 1, (size_t)n, f) != (size_t)n) {
    fprintf(stderr, "test_http: cannot read tests/data/seed_store.sql (run from the repo root)\n");
    exit(1);
  }
  fclose(f);
  snprintf(DB, sizeof DB, "/tmp/sl_test_http_%d.db", (int)getpid());
  unlink(DB);
  if (sqlite3_open(DB, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    fprintf(stderr, "test_http: cannot build the fixture store %s\n", DB);
    exit(1);
  }
  sqlite3_close(db);
  free(sql);
}

static void remove_fixture(void) {
  char p[80];
  unlink(DB);
  snprintf(p, sizeof p, "%s-wal", DB);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", DB);
  unlink(p);
}

/* Query-string arguments for a request: "name=value" pairs, NULL-ended. */
typedef struct args {
  const char *const *kv;
} args;

static int get_arg(void *ctx, const char *name, const char **z, size_t *n) {
  const args *a = ctx;
  size_t nl = strlen(name);
  for (const char *const *p = a->kv; p && *p; p++) {
    if (!strncmp(*p, name, nl) && (*p)[nl] == '=') {
      *z = *p + nl + 1;
      *n = strlen(*z);
      return 1;
    }
  }
  return 0;
}

/* Runs one API request; returns the status, body in *body (caller frees). */
static unsigned call(const char *path, const char *const *kv, json_t **body) {
  sl_query *q = NULL;
  char err[256];
  args a = {kv};
  sl_http_answer ans;
  ck_assert_msg(sl_query_open(DB, &q, err, sizeof err) == SL_OK, "%s", err);
  sl_http_api(q, path, get_arg, &a, &ans);
  sl_query_close(q);
  ck_assert_ptr_nonnull(ans.body);
  *body = ans.body;
  return ans.status;
}

static void expect_error(const char *path, const char *const *kv, unsigned status, const char *msg) {
  json_t *b = NULL;
  unsigned got = call(path, kv, &b);
  ck_assert_msg(got == status, "%s: status %u, want %u", path, got, status);
  const char *e = json_string_value(json_object_get(b, "error"));
  ck_assert_msg(e && strstr(e, msg), "%s: error '%s' lacks '%s'", path, e ? e : "(none)", msg);
  json_decref(b);
}

START_TEST(health_and_lists) {
  json_t *b = NULL;
  ck_assert_uint_eq(call("/api/health", NULL, &b), 200);
  ck_assert_int_eq(json_integer_value(json_object_get(b, "documents")), 5);
  json_decref(b);
  const char *const lim[] = {"limit=2", "offset=1", NULL};
  ck_assert_uint_eq(call("/api/events", lim, &b), 200);
  ck_assert_uint_eq(json_array_size(json_object_get(b, "events")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(b, "limit")), 2);
  ck_assert_int_eq(json_integer_value(json_object_get(b, "offset")), 1);
  ck_assert_int_eq(json_integer_value(json_object_get(json_array_get(json_object_get(b, "events"), 0), "id")), 3);
  json_decref(b);
  ck_assert_uint_eq(call("/api/events/", NULL, &b), 200); /* trailing slash */
  ck_assert_uint_eq(json_array_size(json_object_get(b, "events")), 4);
  json_decref(b);
  const char *const ar[] = {"lang=ar", NULL};
  ck_assert_uint_eq(call("/api/stories", ar, &b), 200);
  ck_assert_uint_eq(json_array_size(json_object_get(b, "stories")), 1);
  json_decref(b);
  const char *const per[] = {"type=person", NULL};
  ck_assert_uint_eq(call("/api/entities", per, &b), 200);
  ck_assert_uint_eq(json_array_size(json_object_get(b, "entities")), 3);
  json_decref(b);
}
END_TEST

START_TEST(one_object_routes) {
  json_t *b = NULL;
  ck_assert_uint_eq(call("/api/events/1", NULL, &b), 200);
  ck_assert_uint_eq(json_array_size(json_object_get(b, "reports")), 2);
  json_decref(b);
  ck_assert_uint_eq(call("/api/stories/1", NULL, &b), 200);
  ck_assert_uint_eq(json_array_size(json_object_get(b, "timeline")), 4);
  json_decref(b);
  ck_assert_uint_eq(call("/api/entities/2", NULL, &b), 200);
  ck_assert_str_eq(json_string_value(json_object_get(b, "name")), "Ahmed al-Sharaa");
  json_decref(b);
  ck_assert_uint_eq(call("/api/documents/004_23d814b1d62127e7", NULL, &b), 200);
  ck_assert_str_eq(json_string_value(json_object_get(b, "lang")), "ar");
  json_decref(b);
}
END_TEST

START_TEST(errors_map_to_statuses) {
  expect_error("/api/events/99", NULL, 404, "no event 99");
  expect_error("/api/stories/7", NULL, 404, "no story 7");
  expect_error("/api/entities/70", NULL, 404, "no entity 70");
  expect_error("/api/documents/nope", NULL, 404, "no document");
  expect_error("/api/events/0", NULL, 400, "positive number");
  expect_error("/api/events/abc", NULL, 400, "positive number");
  expect_error("/api/events/1e3", NULL, 400, "positive number");
  expect_error("/api/events/99999999999999999999", NULL, 400, "positive number");
  expect_error("/api/events/1/reports", NULL, 404, "no such resource");
  expect_error("/api/nosuch", NULL, 404, "no such resource");
  expect_error("/api/", NULL, 404, "no such resource");
  expect_error("/api/health/1", NULL, 404, "no such resource");
  expect_error("/api/search/1", NULL, 404, "no such resource");
  expect_error("/api/events/..%2f..", NULL, 400, "positive number");
  const char *const bad_limit[] = {"limit=abc", NULL};
  expect_error("/api/events", bad_limit, 400, "bad value for limit");
  const char *const sql[] = {"since=2025' OR 1=1 --", NULL};
  expect_error("/api/events", sql, 400, "bad value for since");
  const char *const bad_type[] = {"type=planet", NULL};
  expect_error("/api/entities", bad_type, 400, "bad value for type");
  const char *const bad_q[] = {"q=\xc3\x28", NULL};
  expect_error("/api/entities", bad_q, 400, "bad value for q");
  expect_error("/api/search", NULL, 400, "needs ?q=");
  const char *const empty_q[] = {"q=", NULL};
  expect_error("/api/search", empty_q, 400, "empty query");
  const char *const utf8_q[] = {"q=\xff", NULL};
  expect_error("/api/search", utf8_q, 400, "UTF-8");
}
END_TEST

START_TEST(server_starts_and_stops) {
  sl_http_config cfg = {DB, "127.0.0.1", 0, 2};
  sl_http *h = NULL;
  char err[256];
  ck_assert_msg(sl_http_start(&cfg, &h, err, sizeof err) == SL_OK, "%s", err);
  ck_assert_uint_gt(sl_http_port(h), 0);
  sl_http_stop(h);
  sl_http_stop(NULL);

  cfg.db = "/nonexistent/s.db";
  ck_assert_int_ne(sl_http_start(&cfg, &h, err, sizeof err), SL_OK);
  ck_assert_ptr_null(h);
  ck_assert_msg(strstr(err, "cannot open store /nonexistent/s.db") != NULL, "%s", err);

  cfg.db = DB;
  cfg.bind = "not-an-address";
  ck_assert_int_eq(sl_http_start(&cfg, &h, err, sizeof err), SL_EINVAL);
  ck_assert_msg(strstr(err, "not an IP address") != NULL, "%s", err);
}
END_TEST

START_TEST(embedded_assets_present) {
  int html = 0, js = 0, css = 0;
  for (size_t i = 0; i < sl_web_asset_count; i++) {
    ck_assert_uint_gt(sl_web_assets[i].size, 0);
    html |= !strcmp(sl_web_assets[i].path, "/index.html");
    js |= !strcmp(sl_web_assets[i].path, "/app.js");
    css |= !strcmp(sl_web_assets[i].path, "/app.css");
    ck_assert_ptr_null(strstr(sl_web_assets[i].path, ".."));
  }
  ck_assert(html && js && css);
}
END_TEST

int main(void) {
  build_fixture();
  Suite *s = suite_create("http");
  TCase *tc = tcase_create("http");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, health_and_lists);
  tcase_add_test(tc, one_object_routes);
  tcase_add_test(tc, errors_map_to_statuses);
  tcase_add_test(tc, server_starts_and_stops);
  tcase_add_test(tc, embedded_assets_present);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  remove_fixture();
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
