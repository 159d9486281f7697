/*
 * test_names_han — the generated Han reading table (src/link/names_han.c)
 * agrees with the ICU it was generated from: every character's reading
 * and every context rule as ICU's Any-Latin and the name matcher's post
 * pass give them, and a Chinese name's key is the key of its pinyin.
 * Fails when ICU changes under the table: regenerate with
 * tools/gen_han_latin.sh.
 */
#include "link/names_han.h"
#include "link/names_int.h"

#include <check.h>
#include <string.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include "check_main.h"

static UTransliterator *any_latin, *post;

/* ICU's a-z reading of s[0..n), as tools/gen_han_latin.c asks it. */
static void icu_reading(const UChar *s, int32_t n, char *out, size_t cap) {
  UChar buf[256];
  int32_t len = n, lim = n;
  UErrorCode st = U_ZERO_ERROR;
  size_t k = 0;
  memcpy(buf, s, (size_t)n * sizeof *s);
  utrans_transUChars(any_latin, buf, &len, 256, 0, &lim, &st);
  lim = len;
  utrans_transUChars(post, buf, &len, 256, 0, &lim, &st);
  ck_assert_msg(U_SUCCESS(st), "ICU: %s", u_errorName(st));
  for (int32_t i = 0; i < len && k + 1 < cap; i++)
    if (buf[i] >= 'a' && buf[i] <= 'z')
      out[k++] = (char)buf[i];
  out[k] = 0;
}

static void setup(void) {
  UErrorCode st = U_ZERO_ERROR;
  any_latin = utrans_openU(u"Any-Latin", -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
  post = utrans_openU(u"NFC; Lower; Latin-ASCII", -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
  ck_assert_msg(U_SUCCESS(st), "ICU: %s", u_errorName(st));
}

static void teardown(void) {
  utrans_close(any_latin);
  utrans_close(post);
}

START_TEST(test_every_reading) {
  size_t checked = 0;
  for (unsigned c = SL_HAN_LO; c <= SL_HAN_HI; c++) {
    unsigned syl = sl_han_reading[c - SL_HAN_LO];
    if (!syl)
      continue; /* not in the table: the matcher asks ICU */
    UChar u = (UChar)c;
    char r[64];
    icu_reading(&u, 1, r, sizeof r);
    ck_assert_msg(!strcmp(r, sl_han_syl[syl]), "U+%04X: table %s, ICU %s", c, sl_han_syl[syl], r);
    checked++;
  }
  ck_assert_uint_gt(checked, 20000); /* the CJK blocks, not a stub */
}
END_TEST

START_TEST(test_context_rules) {
  ck_assert_int_gt(sl_han_nctx, 0);
  for (int i = 0; i < sl_han_nctx; i++) {
    UChar xy[2] = {sl_han_ctx_rules[i].x, sl_han_ctx_rules[i].y};
    char r[64], want[64];
    icu_reading(xy, 2, r, sizeof r);
    snprintf(want, sizeof want, "%s%s", sl_han_syl[sl_han_ctx_rules[i].syl],
             sl_han_syl[sl_han_reading[xy[1] - SL_HAN_LO]]);
    ck_assert_str_eq(r, want);
  }
}
END_TEST

/* Through the matcher: 重庆 is Chongqing (a context rule: 重 alone reads
 * zhong), 沈阳 Shenyang, 习近平 Xi Jinping; the key of the Han word is its
 * script's flag and the own reading of the pinyin written as one Latin
 * word. */
START_TEST(test_keys) {
  static const char *const pairs[][2] = {
      {"\xE6\xB2\x88\xE9\x98\xB3", "Shenyang"},
      {"\xE4\xB9\xA0\xE8\xBF\x91\xE5\xB9\xB3", "Xijinping"},
      {"\xE9\x87\x8D\xE5\xBA\x86", "Chongqing"},
      {"\xE9\x87\x8D", "Zhong"},
  };
  sl_names_tr *tr;
  ck_assert_int_eq(sl_names_tr_new(&tr), SL_OK);
  for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
    char a[SL_NAMES_KEY_CAP], b[SL_NAMES_KEY_CAP];
    ck_assert_uint_gt(sl_names_tr_key(tr, pairs[i][0], strlen(pairs[i][0]), a, sizeof a), 0);
    ck_assert_uint_gt(sl_names_tr_key(tr, pairs[i][1], strlen(pairs[i][1]), b, sizeof b), 0);
    b[strcspn(b, "|~")] = 0; /* the Latin word's own reading */
    ck_assert_int_eq(a[0], '&'); /* flag of a word of another script */
    ck_assert_str_eq(a + 1, b);
  }
  sl_names_tr_free(tr);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("names_han");
  TCase *tc = tcase_create("table");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_every_reading);
  tcase_add_test(tc, test_context_rules);
  tcase_add_test(tc, test_keys);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(suite)
