/*
 * test_textz — how documents.text is kept (src/store/textz.c): a real
 * article packs to a BLOB that sl_text() gives back byte for byte, short
 * and incompressible texts stay TEXT, and a damaged BLOB is an error, not
 * garbage.
 */
#include "store/textz.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"

/* sl_text(x) on an in-memory database, x bound as a blob (or text). */
static char *unpack(const unsigned char *b, size_t n, int as_blob, int *ok) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  char *out = NULL;
  ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
  ck_assert_int_eq(sl_textz_register(db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT sl_text(?1)", -1, &st, NULL), SQLITE_OK);
  if (as_blob)
    sqlite3_bind_blob(st, 1, b, (int)n, SQLITE_STATIC);
  else
    sqlite3_bind_text(st, 1, (const char *)b, (int)n, SQLITE_STATIC);
  *ok = sqlite3_step(st) == SQLITE_ROW;
  if (*ok)
    out = strdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

START_TEST(an_article_packs_and_unpacks_byte_for_byte) {
  size_t n;
  char *text = sl_test_slurp("examples/seeds/001_68aac25d7f60230c.txt", &n);
  unsigned char *buf = NULL;
  size_t cap = 0, packed = 0;
  int ok;
  ck_assert_int_eq(sl_textz_pack(text, n, &buf, &cap, &packed), SL_OK);
  ck_assert_uint_gt(packed, 0);
  ck_assert_uint_lt(packed, n * 3 / 4);   /* news text packs well */
  char *back = unpack(buf, packed, 1, &ok);
  ck_assert(ok);
  ck_assert_uint_eq(strlen(back), n);
  ck_assert(!memcmp(back, text, n));
  free(back);
  /* the same blob twice (the per-connection cache) and TEXT passes as is */
  back = unpack((const unsigned char *)"plain text", 10, 0, &ok);
  ck_assert(ok);
  ck_assert_str_eq(back, "plain text");
  free(back);
  /* a damaged stream is an error */
  buf[packed / 2] ^= 0x55;
  buf[packed / 2 + 1] ^= 0xAA;
  back = unpack(buf, packed, 1, &ok);
  ck_assert(!ok);
  ck_assert_ptr_null(back);
  free(buf);
  free(text);
}
END_TEST

START_TEST(short_and_incompressible_texts_stay_text) {
  unsigned char *buf = NULL;
  size_t cap = 0, packed = 1;
  const char *tiny = "Putin and al-Sharaa spoke by phone.";
  ck_assert_int_eq(sl_textz_pack(tiny, strlen(tiny), &buf, &cap, &packed), SL_OK);
  ck_assert_uint_eq(packed, 0);
  /* random bytes: deflate cannot shrink them */
  char noise[4096];
  unsigned x = 2463534242u;
  for (size_t i = 0; i < sizeof noise; i++) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    noise[i] = (char)(1 + x % 255);
  }
  packed = 1;
  ck_assert_int_eq(sl_textz_pack(noise, sizeof noise, &buf, &cap, &packed), SL_OK);
  ck_assert_uint_eq(packed, 0);
  free(buf);
}
END_TEST

static Suite *make_suite(void) {
  Suite *s = suite_create("textz");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, an_article_packs_and_unpacks_byte_for_byte);
  tcase_add_test(tc, short_and_incompressible_texts_stay_text);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(make_suite)
