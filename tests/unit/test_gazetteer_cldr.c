/*
 * test_gazetteer_cldr — the generated CLDR place names
 * (src/analyze/gazetteer_cldr.c) agree with the ICU they came from: every
 * country row is named as uloc_getDisplayCountry names it in English and
 * carries its name in each of the generator's languages that ICU knows,
 * every city row is its time zone's English exemplar city; and the
 * gazetteer built from the table finds Moscow by its Russian name.  Fails
 * when ICU changes under the table: regenerate with tools/gen_gazetteer.sh.
 */
#include "analyze/gazetteer_int.h"

#include <check.h>
#include <string.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include "check_main.h"

/* 1 when spelling z is one of row x's spellings. */
static int has_spelling(const sl_gaz_cldr *x, const char *z) {
  size_t n = strlen(z);
  for (const char *p = x->spellings, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
    if ((size_t)(nl - p) == n && !memcmp(p, z, n))
      return 1;
  return 0;
}

START_TEST(test_countries) {
  static const char *const LANGS[] = {"en", "ru", "zh", "ar", "de", "tr", NULL};
  size_t checked = 0;
  for (size_t r = 0; SL_GAZ_CLDR[r].code; r++) {
    const sl_gaz_cldr *x = &SL_GAZ_CLDR[r];
    if (x->kind != SL_GAZ_COUNTRY)
      continue;
    char loc[32], buf[256];
    snprintf(loc, sizeof loc, "und_%s", x->code);
    for (int l = 0; LANGS[l]; l++) {
      UChar u[128];
      UErrorCode st = U_ZERO_ERROR;
      int32_t nu = uloc_getDisplayCountry(loc, LANGS[l], u, 128, &st), nb = 0;
      ck_assert_msg(U_SUCCESS(st) && nu > 0, "%s: ICU has no %s name", x->code, LANGS[l]);
      u_strToUTF8(buf, sizeof buf, &nb, u, nu, &st);
      ck_assert(U_SUCCESS(st));
      if (l == 0)
        ck_assert_str_eq(x->name, buf);
      ck_assert_msg(has_spelling(x, buf), "%s: ICU's %s name %s not in the table", x->code,
                    LANGS[l], buf);
    }
    checked++;
  }
  ck_assert_uint_gt(checked, 200);
}
END_TEST

START_TEST(test_cities) {
  UErrorCode st = U_ZERO_ERROR;
  UChar pat[4] = {'V', 'V', 'V', 0};
  UCalendar *cal = ucal_open(NULL, 0, "en", UCAL_GREGORIAN, &st);
  UDateFormat *fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, "en", NULL, 0, pat, -1, &st);
  ck_assert(U_SUCCESS(st));
  size_t checked = 0;
  for (size_t r = 0; SL_GAZ_CLDR[r].code; r++) {
    const sl_gaz_cldr *x = &SL_GAZ_CLDR[r];
    if (x->kind != SL_GAZ_CITY)
      continue;
    UChar uz[64], out[128];
    char buf[256];
    int32_t nb = 0;
    ck_assert(!strncmp(x->code, "tz:", 3));
    u_uastrncpy(uz, x->code + 3, 64);
    ucal_setTimeZone(cal, uz, -1, &st);
    int32_t no = udat_formatCalendar(fmt, cal, out, 128, NULL, &st);
    u_strToUTF8(buf, sizeof buf, &nb, out, no, &st);
    ck_assert_msg(U_SUCCESS(st), "%s: %s", x->code, u_errorName(st));
    ck_assert_str_eq(x->name, buf);
    checked++;
  }
  ck_assert_uint_gt(checked, 300);
  udat_close(fmt);
  ucal_close(cal);
}
END_TEST

START_TEST(test_built) {
  const struct sl_gazetteer *g = sl_gazetteer_get();
  const char *moscow = "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"; /* москва, normalised */
  const sl_gaz_entry *e = sl_gazetteer_find(g, moscow, strlen(moscow));
  ck_assert_ptr_nonnull(e);
  ck_assert_str_eq(e->code, "tz:Europe/Moscow");
  e = sl_gazetteer_find(g, "germany", 7);
  ck_assert_ptr_nonnull(e);
  ck_assert_str_eq(e->code, "DE");
  /* a spelling of two entries keeps its first and is marked shared:
   * Тунис is Tunisia and its capital; Германия and Москва are one */
  const char *tunis = "\xD1\x82\xD1\x83\xD0\xBD\xD0\xB8\xD1\x81"; /* тунис */
  ck_assert_ptr_nonnull(sl_gazetteer_find(g, tunis, strlen(tunis)));
  ck_assert_int_eq(sl_gazetteer_shared(g, tunis, strlen(tunis)), 1);
  ck_assert_int_eq(sl_gazetteer_shared(g, moscow, strlen(moscow)), 0);
  ck_assert_int_eq(sl_gazetteer_shared(g, "germany", 7), 0);
  ck_assert_int_eq(sl_gazetteer_shared(g, "atlantis", 8), 0);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("gazetteer_cldr");
  TCase *tc = tcase_create("table");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_countries);
  tcase_add_test(tc, test_cities);
  tcase_add_test(tc, test_built);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(suite)
