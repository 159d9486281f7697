/*
 * test_jrec — the fast flat-record reader against jansson: whatever it
 * accepts, jansson (JSON_REJECT_DUPLICATES) accepts with the same members
 * and the same decoded strings; what it refuses it leaves untouched.  Run
 * on crafted edge cases, on the JSON Lines seeds of the fuzz corpus and,
 * when present, on the news-similarity dev pairs (all of which it must
 * accept: they are the lines it exists for).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check_main.h"
#include "util/jrec.h"

/* Parses z[0..n) both ways and checks they agree; 1 when jrec took it. */
static int agree(const char *z, size_t n) {
  char *copy = malloc(n + 1);
  sl_jfield f[SL_JREC_MAX_FIELDS];
  size_t nf = 0;
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, z, n);
  copy[n] = 0;
  sl_rc rc = sl_jrec_parse(copy, n, f, &nf);
  if (rc != SL_OK) {
    ck_assert_msg(!memcmp(copy, z, n), "a refused line was changed: %.*s", (int)n, z);
    free(copy);
    return 0;
  }
  json_error_t err;
  json_t *o = json_loadb(z, n, JSON_REJECT_DUPLICATES, &err);
  ck_assert_msg(o != NULL, "jrec accepted what jansson refuses (%s): %.*s", err.text, (int)n, z);
  ck_assert(json_is_object(o));
  ck_assert_uint_eq(json_object_size(o), nf);
  for (size_t i = 0; i < nf; i++) {
    ck_assert_uint_eq(strlen(f[i].key), f[i].nkey);
    json_t *v = json_object_get(o, f[i].key);
    ck_assert_msg(v != NULL, "no member %s", f[i].key);
    ck_assert_ptr_eq(sl_jrec_get(f, nf, f[i].key, f[i].nkey), &f[i]);
    switch (f[i].type) {
    case SL_JREC_STRING:
      ck_assert(json_is_string(v));
      ck_assert_uint_eq(json_string_length(v), f[i].n);
      ck_assert(!memcmp(json_string_value(v), f[i].z, f[i].n));
      ck_assert_int_eq(f[i].z[f[i].n], 0);
      break;
    case SL_JREC_INT:
      ck_assert(json_is_integer(v));
      ck_assert(json_integer_value(v) == f[i].i);
      break;
    default:
      ck_assert(!json_is_string(v) && !json_is_integer(v));
    }
  }
  json_decref(o);
  free(copy);
  return 1;
}

static int agree_s(const char *z) { return agree(z, strlen(z)); }

START_TEST(test_accepts) {
  ck_assert(agree_s("{}"));
  ck_assert(agree_s(" { } \r"));
  ck_assert(agree_s("{\"a\":\"x\",\"b\":12,\"c\":-0,\"d\":1.25,\"e\":true,\"f\":false,\"g\":null}"));
  ck_assert(agree_s("{\"t\":\"K\xC3\xB6ln \xE2\x80\x94 \xF0\x9F\x98\x80 \xE4\xB8\xAD\"}"));
  ck_assert(agree_s("{\"t\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\te\"}"));
  ck_assert(agree_s("{\"t\":\"\\u00e9\\u4E2D\\ud83d\\ude00\\u0041\\u007f\"}"));
  ck_assert(agree_s("{\"pair_id\": 1484084337, \"x\": \"\"}"));
  ck_assert(agree_s("{\"\":\"empty key\"}"));
  ck_assert(agree_s("{\"n\":999999999999999999}"));
  /* each special byte at every place of the eight-byte steps */
  static const char *const SPECIAL[] = {"\\\"", "\\\\", "\\n", "\xC3\xA9", "\xE4\xB8\xAD", "\x7F", "~"};
  for (size_t k = 0; k < sizeof SPECIAL / sizeof *SPECIAL; k++)
    for (int at = 0; at < 20; at++) {
      char line[128];
      snprintf(line, sizeof line, "{\"t\":\"%.*s%s%.*s\",\"u\":\"%.*s\"}", at,
               "abcdefghijklmnopqrstuvwxyz", SPECIAL[k], 19 - at, "ABCDEFGHIJKLMNOPQRSTU", at,
               "0123456789012345678901");
      ck_assert_msg(agree_s(line), "jrec refused %s", line);
    }
}
END_TEST

START_TEST(test_leaves) {
  static const char *const BAD[] = {
      "", "[]", "\"s\"", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{\"a\":1 \"b\":2}",
      "{\"a\":1}x", "{\"a\":1}{}", "{\"a\":\"x\",\"a\":\"y\"}", "{\"a\":{}}", "{\"a\":[1]}",
      "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":-}", "{\"a\":1e5}", "{\"a\":+1}",
      "{\"a\":1234567890123456789}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}",
      "{\"a\":\"\\u0000\"}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\ude00\"}",
      "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"tab\there\"}",
      "{\"k\\u0041\":1}", "{\"a\":\"\xC3\"}", "{\"a\":\"\xC0\x80\"}", "{\"a\":\"\xED\xA0\x80\"}",
      "{\"a\":\"\xF4\x90\x80\x80\"}", "{\"a\":\"\xFF\"}", "\xEF\xBB\xBF{}", "{\"a\":\"x",
      "{a:1}", "{'a':1}",
  };
  for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++)
    ck_assert_msg(!agree_s(BAD[i]), "jrec took %s", BAD[i]);
  ck_assert(!agree("{\"a\":\"\0\"}", 9)); /* a raw NUL */
}
END_TEST

/* Every line of path, each checked; returns how many jrec took. */
static size_t file_lines(const char *path, size_t *total) {
  size_t n = 0, took = 0;
  char *b = sl_test_slurp(path, &n);
  for (size_t i = 0; i < n;) {
    size_t e = i;
    while (e < n && b[e] != '\n')
      e++;
    took += (size_t)agree(b + i, e - i);
    (*total)++;
    i = e + 1;
  }
  free(b);
  return took;
}

START_TEST(test_corpus) {
  static const char *const FILES[] = {"tests/fuzz/corpus/jsonl/escapes.jsonl",
                                      "tests/fuzz/corpus/jsonl/mixed.jsonl",
                                      "tests/data/ingest/dev_articles.jsonl"};
  size_t took = 0, total = 0;
  for (size_t i = 0; i < sizeof FILES / sizeof *FILES; i++)
    took += file_lines(FILES[i], &total);
  ck_assert_uint_gt(took, 0);
  const char *dev = "/work/shared/data/news-similarity/pairs.dev.jsonl";
  FILE *f = fopen(dev, "rb");
  if (f) {
    fclose(f);
    total = 0;
    ck_assert_uint_eq(file_lines(dev, &total), total);
  }
}
END_TEST

static Suite *make_suite(void) {
  Suite *s = suite_create("jrec");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_accepts);
  tcase_add_test(tc, test_leaves);
  tcase_add_test(tc, test_corpus);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(make_suite)
