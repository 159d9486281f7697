/*
 * test_wordbreak — ICU's word boundaries in byte offsets of the UTF-8
 * text: segments tile the text whatever its scripts (multi-byte letters,
 * characters beyond the BMP, ill-formed bytes), words and numbers carry
 * their rule status, Chinese is cut by ICU's dictionary, and a callback's
 * error stops the walk.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "analyze/wordbreak.h"
#include "check_main.h"

static sl_wordbreak *wb;

static void setup(void) { ck_assert_int_eq(sl_wordbreak_new(&wb), SL_OK); }
static void teardown(void) { sl_wordbreak_free(wb); }

typedef struct segs {
  size_t n;
  uint32_t start[512], end[512];
  int32_t status[512];
} segs;

static sl_rc add(void *ctx, uint32_t start, uint32_t end, int32_t status) {
  segs *s = ctx;
  if (s->n == sizeof s->start / sizeof s->start[0])
    return SL_ETOOBIG;
  s->start[s->n] = start;
  s->end[s->n] = end;
  s->status[s->n++] = status;
  return SL_OK;
}

/* The segments of z, checked to tile it from its first byte to its last. */
static segs *cut(const char *z) {
  static segs s;
  size_t n = strlen(z);
  s.n = 0;
  ck_assert_int_eq(sl_wordbreak_each(wb, z, n, add, &s), SL_OK);
  ck_assert_uint_gt(s.n, 0);
  ck_assert_uint_eq(s.start[0], 0);
  for (size_t i = 1; i < s.n; i++)
    ck_assert_uint_eq(s.start[i], s.end[i - 1]);
  ck_assert_uint_eq(s.end[s.n - 1], n);
  return &s;
}

/* The i-th segment of z whose status is at least lo and below hi. */
static int word_is(const segs *s, const char *z, size_t i, int32_t lo, int32_t hi, const char *want) {
  for (size_t k = 0; k < s->n; k++)
    if (s->status[k] >= lo && s->status[k] < hi && i-- == 0)
      return s->end[k] - s->start[k] == strlen(want) && !memcmp(z + s->start[k], want, strlen(want));
  return 0;
}

START_TEST(words_and_numbers_in_byte_offsets) {
  const char *z = "Путин встретился с Эрдоганом 28 января, 3.5% роста.";
  segs *s = cut(z);
  ck_assert(word_is(s, z, 0, UBRK_WORD_LETTER, UBRK_WORD_LETTER_LIMIT, "Путин"));
  ck_assert(word_is(s, z, 3, UBRK_WORD_LETTER, UBRK_WORD_LETTER_LIMIT, "Эрдоганом"));
  ck_assert(word_is(s, z, 0, UBRK_WORD_NUMBER, UBRK_WORD_NUMBER_LIMIT, "28"));
  ck_assert(word_is(s, z, 1, UBRK_WORD_NUMBER, UBRK_WORD_NUMBER_LIMIT, "3.5"));
}
END_TEST

START_TEST(apostrophes_and_abbreviations_stay_in_words) {
  const char *z = "U.S. officials don't say l'homme";
  segs *s = cut(z);
  ck_assert(word_is(s, z, 0, UBRK_WORD_LETTER, UBRK_WORD_LETTER_LIMIT, "U.S"));
  ck_assert(word_is(s, z, 2, UBRK_WORD_LETTER, UBRK_WORD_LETTER_LIMIT, "don't"));
  ck_assert(word_is(s, z, 4, UBRK_WORD_LETTER, UBRK_WORD_LETTER_LIMIT, "l'homme"));
}
END_TEST

START_TEST(chinese_is_cut_by_the_dictionary) {
  const char *z = "习近平在北京会见了普京。";
  segs *s = cut(z);
  size_t ideo = 0;
  for (size_t k = 0; k < s->n; k++)
    ideo += s->status[k] >= UBRK_WORD_IDEO && s->status[k] < UBRK_WORD_IDEO_LIMIT;
  /* words, not one run and not one segment per character */
  ck_assert_uint_gt(ideo, 2);
  ck_assert_uint_lt(ideo, 11);
  ck_assert(word_is(s, z, 0, UBRK_WORD_IDEO, UBRK_WORD_IDEO_LIMIT, "习近平") ||
            word_is(s, z, 0, UBRK_WORD_IDEO, UBRK_WORD_IDEO_LIMIT, "习"));
}
END_TEST

START_TEST(any_bytes_are_tiled) {
  /* emoji beyond the BMP, combining marks, Arabic, ill-formed UTF-8 */
  const char *z = "Emoji \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD e\xCC\x81te\xCC\x81 بوتين \xFF\xFE broken \xC3 "
                  "UTF-8 \xE2\x82 bytes \xED\xA0\x80 end";
  segs *s = cut(z);
  size_t last = s->n - 1;
  ck_assert_uint_eq(s->end[last] - s->start[last], 3); /* "end" */
  ck_assert(word_is(s, z, 2, UBRK_WORD_LETTER, UBRK_WORD_LETTER_LIMIT, "بوتين"));
}
END_TEST

static sl_rc stop_at_third(void *ctx, uint32_t start, uint32_t end, int32_t status) {
  (void)start, (void)end, (void)status;
  return ++*(int *)ctx == 3 ? SL_ETOOBIG : SL_OK;
}

START_TEST(a_callback_error_stops_the_walk) {
  int calls = 0;
  const char *z = "one two three four five";
  ck_assert_int_eq(sl_wordbreak_each(wb, z, strlen(z), stop_at_third, &calls), SL_ETOOBIG);
  ck_assert_int_eq(calls, 3);
  calls = 0;
  ck_assert_int_eq(sl_wordbreak_each(wb, z, 0, stop_at_third, &calls), SL_OK);
  ck_assert_int_eq(calls, 0);
}
END_TEST

static Suite *wordbreak_suite(void) {
  Suite *s = suite_create("wordbreak");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, words_and_numbers_in_byte_offsets);
  tcase_add_test(tc, apostrophes_and_abbreviations_stay_in_words);
  tcase_add_test(tc, chinese_is_cut_by_the_dictionary);
  tcase_add_test(tc, any_bytes_are_tiled);
  tcase_add_test(tc, a_callback_error_stops_the_walk);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(wordbreak_suite)
