/*
 * test_wordbreak — the fast path gives ICU's word boundaries and rule
 * statuses, segment for segment: every short string over letters, digits,
 * the mid and joining marks, spaces, line ends and characters that must go
 * to ICU (a combining mark, an ideograph, an emoji), every character of
 * the fast range among letters and digits, and whole articles.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/wordbreak.h"
#include "check_main.h"

static sl_wordbreak *fast, *icu;

static void setup(void) {
  ck_assert_int_eq(sl_wordbreak_new(&fast), SL_OK);
  ck_assert_int_eq(sl_wordbreak_new(&icu), SL_OK);
  ck_assert_int_eq(sl_wordbreak_set_fast(icu, 0), 0);
  ck_assert_int_eq(sl_wordbreak_set_fast(fast, 1), 1); /* else this compares ICU with itself */
}
static void teardown(void) {
  sl_wordbreak_free(fast);
  sl_wordbreak_free(icu);
}

typedef struct segs {
  size_t n;
  uint32_t v[3 * 4096]; /* start, end, status */
} segs;

static sl_rc add(void *ctx, uint32_t start, uint32_t end, int32_t status) {
  segs *s = ctx;
  if (s->n + 3 > sizeof s->v / sizeof s->v[0])
    return SL_ETOOBIG;
  s->v[s->n++] = start;
  s->v[s->n++] = end;
  s->v[s->n++] = (uint32_t)status;
  return SL_OK;
}

static segs got_fast, got_icu;

/* 1 when both ways segment z[0..n) alike. */
static int same(const char *z, size_t n) {
  got_fast.n = got_icu.n = 0;
  ck_assert_int_eq(sl_wordbreak_each(fast, z, n, add, &got_fast), SL_OK);
  ck_assert_int_eq(sl_wordbreak_each(icu, z, n, add, &got_icu), SL_OK);
  return got_fast.n == got_icu.n && !memcmp(got_fast.v, got_icu.v, got_fast.n * sizeof got_fast.v[0]);
}

static void ck_same(const char *z, size_t n) {
  ck_assert_msg(same(z, n), "fast path differs from ICU on \"%.*s\"", (int)n, z);
}

/* Every string of up to len symbols of alpha. */
static void all_strings(const char *const *alpha, size_t na, int len) {
  char buf[64];
  int idx[8] = {0};
  for (int k = 1; k <= len; k++) {
    memset(idx, 0, sizeof idx);
    for (;;) {
      size_t n = 0;
      for (int i = 0; i < k; i++) {
        size_t l = strlen(alpha[idx[i]]);
        memcpy(buf + n, alpha[idx[i]], l);
        n += l;
      }
      ck_same(buf, n);
      int i = 0;
      while (i < k && ++idx[i] == (int)na)
        idx[i++] = 0;
      if (i == k)
        break;
    }
  }
}

START_TEST(test_short_strings) {
  static const char *const A[] = {"a", "1", "_", ".", ",", "'", ":", " ", "\r", "\n", "-", "\xC3\xA9",
                                  "\xE2\x80\x99", "\xCC\x81", "\xE4\xB8\xAD", "@"};
  static const char *const B[] = {"a", "1", "_", ".", " ", "\xCC\x81", "\xE2\x80\x99", "\xD9\xA1", "\n"};
  all_strings(A, sizeof A / sizeof A[0], 4);
  all_strings(B, sizeof B / sizeof B[0], 5);
}
END_TEST

/* Each character of the fast range, alone and among others. */
START_TEST(test_every_fast_char) {
  static const char *const CTX[] = {"%sa",   "a%s",   "a%sb",  "1%s2",  "%s%s",   "a%s%sb", "1%s%s2",
                                    " %s ",  "%s_a",  "a_%s",  "a.%sb", "1,%s2",  "\r%s\n", "%s\xCC\x81",
                                    "%s.a",  "U.%s.", "a%s1",  "1%sa",  "%s'a",   "a'%s",   "%s \xE4\xB8\xAD"};
  char ch[8], buf[64];
  for (uint32_t c = 1; c < 0x2070; c++) {
    if (c == 0x800)
      c = 0x2000;
    size_t k = 0;
    if (c < 0x80) {
      ch[k++] = (char)c;
    } else if (c < 0x800) {
      ch[k++] = (char)(0xC0 | (c >> 6));
      ch[k++] = (char)(0x80 | (c & 0x3F));
    } else {
      ch[k++] = (char)(0xE0 | (c >> 12));
      ch[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
      ch[k++] = (char)(0x80 | (c & 0x3F));
    }
    ch[k] = 0;
    for (size_t t = 0; t < sizeof CTX / sizeof CTX[0]; t++) {
      int n = snprintf(buf, sizeof buf, CTX[t], ch, ch);
      ck_same(buf, (size_t)n);
    }
  }
}
END_TEST

START_TEST(test_mixed_texts) {
  static const char *const T[] = {
      "Президент России Владимир Путин провёл переговоры с Башаром Асадом в Кремле.",
      "التقى الرئيس السوري بشار الأسد نظيره الروسي فلاديمير بوتين في موسكو، الثلاثاء.",
      "Tổng thống Nga và Syria hội đàm tại điện Kremlin ngày 28/1/2026.",
      "习近平 2024年3月5日 在北京会见了 Vladimir Putin，双方讨论了 G20 议题。",
      "Emoji 👍🏽 and flags 🇫🇷🇩🇪 and ZWJ 👨‍👩‍👧 families, soft\xC2\xADhyphen, "
      "e\xCC\x81te\xCC\x81 combining, U.S. officials said 3.5% of $1,000.50 on 12:30.",
      "שלום עולם \"ציטוט\" and Hebrew letters' quotes, カタカナ and ひらがな, 한국어 텍스트.",
      "Thai ภาษาไทย ไม่มีช่องว่าง mixed with words and 123 numbers.",
      "x@y.com, http://example.com/a_b?c=1&d=2 #tag @user don't rock'n'roll l'homme",
      "\xFF\xFE broken \xC3 UTF-8 \xE2\x82 bytes \xED\xA0\x80 here"};
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
    ck_same(T[i], strlen(T[i]));
}
END_TEST

START_TEST(test_articles) {
  static const char *const F[] = {"examples/seeds/000_a36e95430f0b8119.txt", "examples/seeds/001_68aac25d7f60230c.txt",
                                  "examples/seeds/002_4843e7fa21632428.txt", "examples/seeds/003_2c3edb034ccb3b0f.txt",
                                  "examples/seeds/004_23d814b1d62127e7.txt"};
  for (size_t i = 0; i < sizeof F / sizeof F[0]; i++) {
    size_t n;
    char *z = sl_test_slurp(F[i], &n);
    /* a segment list of its own size: articles are long */
    for (size_t at = 0; at < n; at += 2000) {
      size_t len = n - at < 3000 ? n - at : 3000;
      while (at > 0 && at < n && ((unsigned char)z[at] & 0xC0) == 0x80)
        at++;
      while (at + len < n && ((unsigned char)z[at + len] & 0xC0) == 0x80)
        len--;
      ck_same(z + at, len);
    }
    free(z);
  }
}
END_TEST

static Suite *wordbreak_suite(void) {
  Suite *s = suite_create("wordbreak");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_short_strings);
  tcase_add_test(tc, test_every_fast_char);
  tcase_add_test(tc, test_mixed_texts);
  tcase_add_test(tc, test_articles);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(wordbreak_suite)
