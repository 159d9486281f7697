/*
 * test_numbers — unit tests of the numbers module (src/analyze/numbers.c):
 * the seeds' percentages, per-language separators, Arabic-Indic digits,
 * percent words, multipliers, currencies, things that are not quantities
 * (years, dates, times, "G20"), and garbage input.  Runs with cwd = repo
 * root.
 */
#include "analyze/numbers.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"


START_TEST(seed_000_percent) {
  size_t n, nv, i, found = 0;
  char *z = sl_test_slurp("examples/seeds/000_a36e95430f0b8119.txt", &n);
  sl_number *v = NULL;
  ck_assert_int_eq(sl_numbers_find("vi", z, n, &v, &nv), SL_OK);
  for (i = 0; i < nv; i++) {
    /* "28/1", "tháng 10/2025", "2 giờ trước" are dates, not numbers. */
    ck_assert(v[i].value != 28 && v[i].value != 2025 && v[i].value != 10);
    if (v[i].value == 4.0) {
      ck_assert_str_eq(v[i].unit, "%");
      ck_assert(v[i].flags & SL_NUM_PERCENT);
      ck_assert(v[i].flags & SL_NUM_APPROX); /* "khoảng 4%" */
      ck_assert(memcmp(z + v[i].start, "4%", 2) == 0);
      found++;
    }
  }
  ck_assert_uint_eq(found, 1);
  free(v);
  free(z);
}
END_TEST

START_TEST(seed_004_percent) {
  size_t n, nv;
  char *z = sl_test_slurp("examples/seeds/004_23d814b1d62127e7.txt", &n);
  sl_number *v = NULL;
  ck_assert_int_eq(sl_numbers_find("ar", z, n, &v, &nv), SL_OK);
  ck_assert_uint_eq(nv, 1);
  ck_assert(v[0].value == 7.0);
  ck_assert_str_eq(v[0].unit, "%");
  ck_assert(strncmp(z + v[0].start, "7 في المائة", v[0].end - v[0].start) == 0);
  free(v);
  free(z);
}
END_TEST

START_TEST(seed_001_prices) {
  size_t n, nv, i, ok = 0;
  char *z = sl_test_slurp("examples/seeds/001_68aac25d7f60230c.txt", &n);
  sl_number *v = NULL;
  ck_assert_int_eq(sl_numbers_find("vi", z, n, &v, &nv), SL_OK);
  for (i = 0; i < nv; i++) {
    ck_assert(v[i].value != 2017 && v[i].value != 2025 && v[i].value != 2031);
    if ((v[i].value == 139000 || v[i].value == 140000) && strcmp(v[i].unit, "VND") == 0) ok++;
  }
  ck_assert_uint_eq(ok, 2); /* "139.000 – 140.000 đồng/kg" */
  free(v);
  free(z);
}
END_TEST

static const struct { const char *lang, *text; double value; const char *unit; } k_cases[] = {
  {"vi", "giá 139.000 đồng", 139000, "VND"},
  {"en", "about 1,000 people", 1000, ""},
  {"en", "1,234.5 tonnes", 1234.5, ""},
  {"fr", "plus de 1 000 personnes", 1000, ""},
  {"ru", "1 000 000 человек", 1000000, ""},
  {"fr", "1\xc2\xa0" "000 personnes", 1000, ""},
  {"de", "3,5 Prozent", 3.5, "%"},
  {"de", "1.234,5 Tonnen", 1234.5, ""},
  {"vi", "tăng 3,5%", 3.5, "%"},
  {"vi", "tăng 3.5%", 3.5, "%"},
  {"en", "rose 7 per cent", 7, "%"},
  {"en", "rose 7 percent", 7, "%"},
  {"en", "rose 7 %", 7, "%"},
  {"ru", "вырос на 7 процентов", 7, "%"},
  {"fr", "hausse de 7 pour cent", 7, "%"},
  {"es", "subió un 7 por ciento", 7, "%"},
  {"tr", "yüzde 7 arttı", 7, "%"},
  {"tr", "%7 arttı", 7, "%"},
  {"vi", "tăng 7 phần trăm", 7, "%"},
  {"ar", "بنسبة ٧ في المئة", 7, "%"},
  {"ar", "بنسبة ١٢٫٥٪", 12.5, "%"},
  {"ar", "نحو ٣٬٠٠٠ شخص", 3000, ""},
  {"en", "2.5 million people", 2500000, ""},
  {"vi", "3 triệu người", 3000000, ""},
  {"ar", "5 مليون دولار", 5000000, "USD"},
  {"ru", "10 миллионов", 10000000, ""},
  {"ru", "1,5 млрд рублей", 1500000000, "RUB"},
  {"zh", "人口3万", 30000, ""},
  {"zh", "投资5亿元", 500000000, "CNY"},
  {"en", "a $5 billion deal", 5e9, "USD"},
  {"en", "US$ 20 aid", 20, "USD"},
  {"de", "20 Euro", 20, "EUR"},
  {"en", "fell -3%", -3, "%"},
  {"en", "22 works", 22, ""},
};

START_TEST(cases) {
  sl_number *v = NULL;
  size_t nv = 0;
  const char *s = k_cases[_i].text;
  ck_assert_int_eq(sl_numbers_find(k_cases[_i].lang, s, strlen(s), &v, &nv), SL_OK);
  ck_assert_msg(nv == 1, "%s: \"%s\" gave %zu numbers", k_cases[_i].lang, s, nv);
  ck_assert_msg(fabs(v[0].value - k_cases[_i].value) < 1e-6 * (fabs(k_cases[_i].value) + 1),
                "%s: \"%s\" gave %g, want %g", k_cases[_i].lang, s, v[0].value,
                k_cases[_i].value);
  ck_assert_msg(strcmp(v[0].unit, k_cases[_i].unit) == 0, "\"%s\" unit %s, want %s", s,
                v[0].unit, k_cases[_i].unit);
  ck_assert(v[0].start < v[0].end && v[0].end <= strlen(s));
  free(v);
}
END_TEST

static const struct { const char *lang, *text; } k_none[] = {
  {"en", "the G20 summit"},       {"en", "a Su-35 jet"},
  {"en", "at 10:30 local time"},  {"en", "in 2025 and 1812"},
  {"vi", "ngày 28/1/2026"},       {"vi", "nhiệm kỳ 2025-2031"},
  {"en", "see https://example.com/news/123"},
  {"en", "On January 28, 2026 they met"},
  {"vi", "2 giờ trước"},           {"ru", "28 января 2026 года"},
  {"zh", "2026年1月28日"},          {"en", "COVID-19 cases"},
};

START_TEST(not_numbers) {
  sl_number *v = NULL;
  size_t nv = 0;
  const char *s = k_none[_i].text;
  ck_assert_int_eq(sl_numbers_find(k_none[_i].lang, s, strlen(s), &v, &nv), SL_OK);
  ck_assert_msg(nv == 0, "\"%s\" gave %zu numbers (first %g)", s, nv, nv ? v[0].value : 0.0);
  free(v);
}
END_TEST

START_TEST(range_unit) {
  const char *s = "giao dịch từ 139.000 – 140.000 đồng/kg, tăng 4-5%";
  sl_number *v = NULL;
  size_t nv = 0;
  ck_assert_int_eq(sl_numbers_find("vi", s, strlen(s), &v, &nv), SL_OK);
  ck_assert_uint_eq(nv, 4);
  ck_assert_str_eq(v[0].unit, "VND");
  ck_assert_str_eq(v[1].unit, "VND");
  ck_assert(v[2].value == 4 && v[3].value == 5);
  ck_assert_str_eq(v[2].unit, "%");
  free(v);
}
END_TEST

START_TEST(same) {
  sl_number *a = NULL, *b = NULL, *c = NULL;
  size_t na, nb, nc;
  ck_assert_int_eq(sl_numbers_find("vi", "139.000", 7, &a, &na), SL_OK);
  ck_assert_int_eq(sl_numbers_find("en", "139,000", 7, &b, &nb), SL_OK);
  ck_assert_int_eq(sl_numbers_find("en", "4%", 2, &c, &nc), SL_OK);
  ck_assert(na == 1 && nb == 1 && nc == 1);
  ck_assert(sl_number_same(a, b));
  ck_assert(!sl_number_same(a, c));
  ck_assert(!sl_number_same(NULL, c));
  free(a);
  free(b);
  free(c);
}
END_TEST

START_TEST(garbage) {
  static const char *bad[] = {"\xff\xfe 12 \x80", "99999999999999999999999999999999",
                              "1.2.3.4.5", ",,,...", "%%%", "1,", ".5", "$", "—5—"};
  char rnd[8192];
  unsigned seed = 7;
  size_t i, k, nv;
  sl_number *v;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    v = NULL;
    ck_assert_int_eq(sl_numbers_find("de", bad[i], strlen(bad[i]), &v, &nv), SL_OK);
    for (k = 0; k < nv; k++) ck_assert(v[k].end <= strlen(bad[i]));
    free(v);
  }
  for (k = 0; k < 20; k++) {
    for (i = 0; i < sizeof rnd; i++) {
      seed = seed * 1103515245u + 12345u;
      rnd[i] = "0123456789.,% -$kmillon\xd9\xa2\xd9\xab\n"[(seed >> 16) % 29];
    }
    v = NULL;
    ck_assert_int_eq(sl_numbers_find(k % 2 ? "fr" : "ar", rnd, sizeof rnd, &v, &nv), SL_OK);
    free(v);
  }
  ck_assert_int_eq(sl_numbers_find("en", NULL, 0, &v, &nv), SL_OK);
  ck_assert_uint_eq(nv, 0);
  ck_assert_int_eq(sl_numbers_find("en", NULL, 3, &v, &nv), SL_EINVAL);
}
END_TEST


START_TEST(large_input) {
  static const char unit[] = "Giá 139.000 đồng, ngày 28/1, tăng 4%. ";
  size_t ul = sizeof unit - 1, reps = 20000, i, nv = 0;
  char *z = malloc(ul * reps);
  sl_number *v = NULL;
  for (i = 0; i < reps; i++) memcpy(z + i * ul, unit, ul);
  ck_assert_int_eq(sl_numbers_find("vi", z, ul * reps, &v, &nv), SL_OK);
  ck_assert_uint_eq(nv, 2 * reps);
  for (i = 0; i < nv; i += 2) {
    ck_assert(v[i].value == 139000 && v[i + 1].value == 4);
    ck_assert(memcmp(z + v[i + 1].start, "4%", 2) == 0);
  }
  free(v);
  free(z);
}
END_TEST

/* One scan for dates and numbers gives what the two separate calls give,
 * on every seed (real articles with dates, relative dates and numbers). */
START_TEST(one_scan_same_as_two) {
  static const char *const seeds[][2] = {
      {"examples/seeds/000_a36e95430f0b8119.txt", "vi"}, {"examples/seeds/001_68aac25d7f60230c.txt", "vi"},
      {"examples/seeds/004_23d814b1d62127e7.txt", "ar"}};
  sl_date anchor = {2026, 1, 28, 0, 0, 0};
  for (size_t s = 0; s < sizeof seeds / sizeof seeds[0]; s++) {
    size_t n, nd1, nd2, nv1, nv2;
    char *z = sl_test_slurp(seeds[s][0], &n);
    sl_date *d1 = NULL, *d2 = NULL;
    sl_number *v1 = NULL, *v2 = NULL;
    ck_assert_int_eq(sl_dates_find(seeds[s][1], z, n, NULL, 0, &anchor, &d1, &nd1), SL_OK);
    ck_assert_int_eq(sl_numbers_find(seeds[s][1], z, n, &v1, &nv1), SL_OK);
    ck_assert_int_eq(sl_dates_numbers_find(seeds[s][1], z, n, NULL, 0, &anchor, &d2, &nd2, &v2, &nv2),
                     SL_OK);
    ck_assert_uint_gt(nd1, 0);
    ck_assert_uint_eq(nd1, nd2);
    ck_assert_uint_eq(nv1, nv2);
    ck_assert(nd1 == 0 || memcmp(d1, d2, nd1 * sizeof *d1) == 0);
    ck_assert(nv1 == 0 || memcmp(v1, v2, nv1 * sizeof *v1) == 0);
    free(d1);
    free(d2);
    free(v1);
    free(v2);
    free(z);
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("numbers");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, seed_000_percent);
  tcase_add_test(tc, seed_004_percent);
  tcase_add_test(tc, seed_001_prices);
  tcase_add_loop_test(tc, cases, 0, (int)(sizeof k_cases / sizeof k_cases[0]));
  tcase_add_loop_test(tc, not_numbers, 0, (int)(sizeof k_none / sizeof k_none[0]));
  tcase_add_test(tc, range_unit);
  tcase_add_test(tc, same);
  tcase_add_test(tc, garbage);
  tcase_add_test(tc, large_input);
  tcase_add_test(tc, one_scan_same_as_two);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(suite)
