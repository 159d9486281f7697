/*
 * test_dates — unit tests of the dates module (src/analyze/dates.c): the
 * five seed articles' event dates, every supported written form, year
 * inference, relative expressions with and without a publication date,
 * ISO metadata parsing, and garbage input.  Runs with cwd = repo root.
 */
#include "analyze/dates.h"
#include "analyze/dates_lexicon.h"

#include <check.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"


/* Event date of body (+ context) formatted, "" when none. */
static void event_of(const char *lang, const char *z, size_t n, const char *ctx,
                     size_t nctx, const sl_date *anchor, char buf[16]) {
  sl_date *d = NULL, e;
  size_t nd = 0;
  ck_assert_int_eq(sl_dates_find(lang, z, n, ctx, nctx, anchor, &d, &nd), SL_OK);
  buf[0] = '\0';
  if (sl_dates_event(d, nd, &e)) sl_date_format(&e, buf);
  free(d);
}

/* First date found in s, formatted with unknown parts as 0:
 * "YYYY-MM-DD" always 10 chars ("0000-01-28" when the year is unknown). */
static void first_of(const char *lang, const char *s, const sl_date *anchor, char buf[32],
                     uint32_t *flags) {
  sl_date *d = NULL;
  size_t nd = 0;
  ck_assert_int_eq(sl_dates_find(lang, s, strlen(s), NULL, 0, anchor, &d, &nd), SL_OK);
  if (nd == 0) {
    snprintf(buf, 32, "none");
  } else {
    snprintf(buf, 32, "%04d-%02d-%02d", d[0].year, d[0].month, d[0].day);
    if (flags) *flags = d[0].flags;
  }
  free(d);
}

/* Splits a seed into body and context: lines matching a furniture test go
 * to context, lines from the stop line on are dropped (what the cleaner
 * does with inline furniture and trailing blocks). */
static void split(const char *z, size_t n, int (*is_ctx)(const char *, size_t, int *),
                  const char *stop, char **body, size_t *nb, char **ctx, size_t *nc) {
  size_t i = 0;
  int state = 0;
  *body = calloc(n + 1, 1);
  *ctx = calloc(n + 1, 1);
  *nb = *nc = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && z[j] != '\n') j++;
    if (stop && j - i == strlen(stop) && memcmp(z + i, stop, j - i) == 0) break;
    if (is_ctx(z + i, j - i, &state)) {
      memcpy(*ctx + *nc, z + i, j - i);
      *nc += j - i;
      (*ctx)[(*nc)++] = '\n';
    } else {
      memcpy(*body + *nb, z + i, j - i);
      *nb += j - i;
      (*body)[(*nb)++] = '\n';
    }
    i = j + 1;
  }
}

static int starts(const char *l, size_t n, const char *p) {
  return n >= strlen(p) && memcmp(l, p, strlen(p)) == 0;
}

/* 001: related-story lines ("syria va nga ..."), their snippets, follow box. */
static int ctx001(const char *l, size_t n, int *state) {
  int r;
  if (n == 0) return 0;
  if (starts(l, n, "syria va nga thao luan") || starts(l, n, "TIN LI") ||
      starts(l, n, "Theo d")) {
    *state = 1;
    return 1;
  }
  r = *state;
  *state = 0;
  return r;
}

/* 002: tweet embed lines (the quoted text and the attribution line). */
static int ctx002(const char *l, size_t n, int *state) {
  (void)state;
  return starts(l, n, "\xe2\x80\x94 ") || (n > 0 && strstr(l, "pic.twitter.com") != NULL &&
                                          (size_t)(strstr(l, "pic.twitter.com") - l) < n);
}

START_TEST(seed_000_whole) {
  size_t n;
  char *z = sl_test_slurp("examples/seeds/000_a36e95430f0b8119.txt", &n), buf[16];
  sl_date *d = NULL;
  size_t nd = 0, i;
  int saw_oct = 0, saw_dec = 0, saw_27 = 0;
  event_of("vi", z, n, NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  ck_assert_int_eq(sl_dates_find("vi", z, n, NULL, 0, NULL, &d, &nd), SL_OK);
  for (i = 0; i < nd; i++) {
    if (d[i].year == 2025 && d[i].month == 10 && d[i].day == 0) saw_oct = 1;
    if (d[i].year == 2025 && d[i].month == 12 && d[i].day == 0) saw_dec = 1;
    if (d[i].year == 2026 && d[i].month == 1 && d[i].day == 27) {
      saw_27 = 1;
      ck_assert(d[i].flags & SL_DATE_YEAR_INFERRED);
      ck_assert(memcmp(z + d[i].start, "27/1", 4) == 0);
    }
    ck_assert(!(d[i].flags & SL_DATE_RELATIVE)); /* "2 giờ trước": no anchor */
  }
  ck_assert(saw_oct && saw_dec && saw_27);
  free(d);
  free(z);
}
END_TEST

START_TEST(seed_000_anchor) {
  /* With a publication date, "2 giờ trước" is that day; the event is still
   * the written date. */
  size_t n;
  char *z = sl_test_slurp("examples/seeds/000_a36e95430f0b8119.txt", &n), buf[16];
  sl_date an = {2026, 1, 29, 0, 0, 0}, *d = NULL;
  size_t nd = 0;
  event_of("vi", z, n, NULL, 0, &an, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  ck_assert_int_eq(sl_dates_find("vi", z, n, NULL, 0, &an, &d, &nd), SL_OK);
  ck_assert_uint_ge(nd, 1);
  ck_assert(d[0].flags & SL_DATE_RELATIVE);
  ck_assert_int_eq(d[0].year, 2026);
  ck_assert_int_eq(d[0].day, 29);
  free(d);
  free(z);
}
END_TEST

START_TEST(anchor_beats_background_years) {
  /* A 2019 article that recalls 2016: "November 5th" is 2019's. */
  const char *z = "Trump won Kentucky in 2016 by 30 points. Voters went to the polls on "
                  "November 5th, and the governor lost.";
  char buf[16];
  sl_date an = {2019, 11, 19, 0, 0, 0};
  event_of("en", z, strlen(z), NULL, 0, &an, buf);
  ck_assert_str_eq(buf, "2019-11-05");
  /* without the publication date the text's own year is all there is */
  event_of("en", z, strlen(z), NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2016-11-05");
}
END_TEST

START_TEST(count_is_not_a_year) {
  /* "2808 Menschen" after a day and month is a count of people */
  const char *z = "Bis zum 2. April 2808 Menschen infiziert.";
  sl_date *d = NULL;
  size_t nd = 0;
  ck_assert_int_eq(sl_dates_find("de", z, strlen(z), NULL, 0, NULL, &d, &nd), SL_OK);
  for (size_t i = 0; i < nd; i++)
    ck_assert_int_ne(d[i].year, 2808);
  free(d);
}
END_TEST

START_TEST(seed_001_context_year) {
  size_t n, nb, nc;
  char *z = sl_test_slurp("examples/seeds/001_68aac25d7f60230c.txt", &n), *body, *ctx, buf[16];
  split(z, n, ctx001, "Xem nhiều", &body, &nb, &ctx, &nc);
  ck_assert(strstr(ctx, "APEC 2017") != NULL);
  ck_assert(strstr(body, "đêm 20/11") != NULL);
  event_of("vi", body, nb, ctx, nc, NULL, buf);
  ck_assert_str_eq(buf, "2017-11-20");
  /* Without the context there is no year at all: no event date. */
  event_of("vi", body, nb, NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "");
  free(body);
  free(ctx);
  free(z);
}
END_TEST

START_TEST(seed_002_embed_context) {
  size_t n, nb, nc;
  char *z = sl_test_slurp("examples/seeds/002_4843e7fa21632428.txt", &n), *body, *ctx, buf[16];
  sl_date *d = NULL;
  size_t nd = 0, i;
  split(z, n, ctx002, NULL, &body, &nb, &ctx, &nc);
  ck_assert(strstr(ctx, "January 28, 2026") != NULL);
  ck_assert(strstr(body, "January") == NULL);
  event_of("ar", body, nb, ctx, nc, NULL, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  /* "نابليون 1812" in the body is not a year. */
  ck_assert_int_eq(sl_dates_find("ar", body, nb, NULL, 0, NULL, &d, &nd), SL_OK);
  for (i = 0; i < nd; i++) ck_assert_int_ne(d[i].year, 1812);
  free(d);
  /* The whole file as body gives the same date. */
  event_of("ar", z, n, NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  free(body);
  free(ctx);
  free(z);
}
END_TEST

START_TEST(seed_003_english) {
  size_t n;
  char *z = sl_test_slurp("examples/seeds/003_2c3edb034ccb3b0f.txt", &n), buf[16];
  event_of("en", z, n, NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2025-02-12");
  free(z);
}
END_TEST

START_TEST(seed_004_none) {
  size_t n;
  char *z = sl_test_slurp("examples/seeds/004_23d814b1d62127e7.txt", &n), buf[16];
  sl_date an = {2023, 3, 16, 0, 0, 0};
  event_of("ar", z, n, NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "");
  /* "اجتماع اليوم" (today's meeting) is the publication day when known. */
  event_of("ar", z, n, NULL, 0, &an, buf);
  ck_assert_str_eq(buf, "2023-03-16");
  free(z);
}
END_TEST

static const struct { const char *lang, *text, *want; } k_forms[] = {
  {"en", "It happened on January 28, 2026 in Moscow.", "2026-01-28"},
  {"en", "It happened on 28 January 2026 in Moscow.", "2026-01-28"},
  {"en", "Talks on Jan. 28 were long.", "0000-01-28"},
  {"en", "On February 12 they spoke.", "0000-02-12"},
  {"en", "Since December 2024 the country changed.", "2024-12-00"},
  {"en", "the 28th of January 2026", "2026-01-28"},
  {"ar", "التقى الرئيسان في 28 يناير 2026 في موسكو", "2026-01-28"},
  {"ar", "التقى الرئيسان في 28 كانون الثاني 2026 في موسكو", "2026-01-28"},
  {"ar", "في 5 تشرين الأول 2024", "2024-10-05"},
  {"ar", "التقى الرئيسان في ٢٨ يناير ٢٠٢٦ في موسكو", "2026-01-28"},
  {"ar", "زار واشنطن في ديسمبر 2024", "2024-12-00"},
  {"ar", "في 3 آب 2025", "2025-08-03"},
  {"ar", "في 28 كانون الثاني/يناير 2026", "2026-01-28"},
  {"ar", "في 28 يناير/كانون الثاني 2026", "2026-01-28"},
  {"ar", "بتاريخ 28/1/2026", "2026-01-28"},
  {"ar", "في 3 أغسطس 2025", "2025-08-03"},
  {"vi", "Trong cuộc gặp ngày 28/1, hai bên", "0000-01-28"},
  {"vi", "đêm 20/11, Tổng thống", "0000-11-20"},
  {"vi", "sáng 5/3/2024, đoàn", "2024-03-05"},
  {"vi", "Tháng 12/2025, ông", "2025-12-00"},
  {"vi", "vào tháng 10/2025.", "2025-10-00"},
  {"vi", "ngày 28 tháng 1 năm 2026", "2026-01-28"},
  {"vi", "trong tháng 10 năm 2025", "2025-10-00"},
  {"vi", "Hôm 28/1/2026", "2026-01-28"},
  {"vi", "ký ngày 28.01.2026 tại", "2026-01-28"},
  {"vi", "chiều 28-1, tại Moskva", "0000-01-28"},
  {"vi", "hồi tháng 12-2025", "2025-12-00"},
  {"vi", "ngày 28-1-2026", "2026-01-28"},
  {"en", "Published 2026-01-28 at noon", "2026-01-28"},
  {"ru", "Встреча 28 января 2026 года в Кремле", "2026-01-28"},
  {"ru", "Встреча 28 января в Кремле", "0000-01-28"},
  {"ru", "28.01.2026 в Москве", "2026-01-28"},
  {"zh", "普京2026年1月28日在克里姆林宫会见", "2026-01-28"},
  {"zh", "普京1月28日会见", "0000-01-28"},
  {"fr", "Poutine a reçu le 28 janvier 2026 son homologue", "2026-01-28"},
  {"fr", "le 1er février 2026", "2026-02-01"},
  {"de", "Putin traf am 28. Januar 2026 den Präsidenten", "2026-01-28"},
  {"es", "Putin recibió el 28 de enero de 2026 a su homólogo", "2026-01-28"},
  {"it", "Putin ha ricevuto il 28 gennaio 2026 il presidente", "2026-01-28"},
  {"pl", "Putin przyjął 28 stycznia 2026 r. prezydenta", "2026-01-28"},
  {"tr", "Putin 28 Ocak 2026 tarihinde Şara ile görüştü", "2026-01-28"},
  {"tr", "Putin 12 Şubat'ta görüştü", "0000-02-12"},
  {"en", "on 1/2/2026 (US style)", "2026-01-02"},
  {"vi", "ngày 1/2/2026", "2026-02-01"},
  {"en", "on 28/1/2026 (day first: no month 28)", "2026-01-28"},
  {"pt", "em 28 de janeiro de 2026", "2026-01-28"},
  {"uk", "28 січня 2026 року", "2026-01-28"},
  {"nl", "op 28 januari 2026", "2026-01-28"},
};

START_TEST(formats) {
  char buf[32];
  first_of(k_forms[_i].lang, k_forms[_i].text, NULL, buf, NULL);
  ck_assert_msg(strcmp(buf, k_forms[_i].want) == 0, "%s: \"%s\" gave %s, want %s",
                k_forms[_i].lang, k_forms[_i].text, buf, k_forms[_i].want);
}
END_TEST

static const struct { const char *lang, *text; } k_not_dates[] = {
  {"en", "They may 2 weeks later decide."},
  {"en", "A third, 1/3 of voters, said so."},
  {"vi", "nhiệm kỳ 2025-2031"},
  {"ar", "حاول العسكريون (نابليون 1812 والنازيون الألمان)"},
  {"en", "Trade grew 4% to 1,000 tonnes in 12 months."},
  {"vi", "Nghị định số 15/2025/NĐ-CP"},
  {"en", "see https://example.com/2025/01/28/story"},
  {"en", "Score was 3.5 and 12.7"},
  {"de", "dass sie 20 Jahre alt ist"},
  {"en", "Room 2026 is on the left"},
  {"vi", "tỷ số 2-1 nghiêng về đội khách"},
};

START_TEST(not_dates) {
  char buf[32];
  first_of(k_not_dates[_i].lang, k_not_dates[_i].text, NULL, buf, NULL);
  ck_assert_msg(strcmp(buf, "none") == 0, "\"%s\" gave %s", k_not_dates[_i].text, buf);
}
END_TEST

START_TEST(year_inference) {
  char buf[16];
  const char *vi = "Kể từ tháng 10/2025 thương mại tăng. Tháng 12/2025 ông tới Washington. "
                   "Trong cuộc gặp ngày 28/1, hai bên thảo luận.";
  const char *en = "In December 2024 the government changed. On February 12 they spoke.";
  const char *noroll = "In December 2025 prices rose. On November 20 the talks began.";
  const char *ctx = "Related: Summit of 5 March 2019";
  const char *body = "The two leaders met on 20/11 in Sochi.";
  sl_date an = {2026, 1, 5, 0, 0, 0};
  event_of("vi", vi, strlen(vi), NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  event_of("en", en, strlen(en), NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2025-02-12");
  event_of("en", noroll, strlen(noroll), NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "2025-11-20");
  /* Context year only when the body has none. */
  event_of("en", body, strlen(body), ctx, strlen(ctx), NULL, buf);
  ck_assert_str_eq(buf, "2019-11-20");
  event_of("en", noroll, strlen(noroll), ctx, strlen(ctx), NULL, buf);
  ck_assert_str_eq(buf, "2025-11-20");
  /* No explicit year: the publication date's year, a year back when the
   * day would lie months after publication. */
  event_of("vi", "Hội đàm đêm 20/12 tại Sochi.", strlen("Hội đàm đêm 20/12 tại Sochi."),
           NULL, 0, &an, buf);
  ck_assert_str_eq(buf, "2025-12-20");
  event_of("vi", "Hội đàm ngày 3/1 tại Sochi.", strlen("Hội đàm ngày 3/1 tại Sochi."),
           NULL, 0, &an, buf);
  ck_assert_str_eq(buf, "2026-01-03");
  /* No year anywhere: no event date, never an invented year. */
  event_of("vi", "Hội đàm ngày 3/1 tại Sochi.", strlen("Hội đàm ngày 3/1 tại Sochi."),
           NULL, 0, NULL, buf);
  ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(inferred_flag) {
  char buf[32];
  uint32_t fl = 0;
  first_of("en", "On February 12 they spoke, after December 2024.", NULL, buf, &fl);
  ck_assert_str_eq(buf, "2025-02-12");
  ck_assert(fl & SL_DATE_YEAR_INFERRED);
  ck_assert(fl & SL_DATE_CUED);
  first_of("en", "On February 12, 2025 they spoke.", NULL, buf, &fl);
  ck_assert_str_eq(buf, "2025-02-12");
  ck_assert(!(fl & SL_DATE_YEAR_INFERRED));
}
END_TEST

static const struct { const char *lang, *text, *want; } k_rel[] = {
  {"vi", "2 giờ trước", "2026-01-29"}, {"vi", "hôm qua, ông nói", "2026-01-28"},
  {"vi", "hôm nay", "2026-01-29"}, {"en", "Yesterday, he said", "2026-01-28"},
  {"en", "today", "2026-01-29"}, {"ar", "قال أمس إن", "2026-01-28"},
  {"ar", "اجتماع اليوم", "2026-01-29"}, {"ru", "вчера он сказал", "2026-01-28"},
  {"ru", "сегодня", "2026-01-29"}, {"de", "gestern sagte er", "2026-01-28"},
  {"fr", "hier, il a dit", "2026-01-28"}, {"es", "ayer dijo", "2026-01-28"},
  {"it", "ieri ha detto", "2026-01-28"}, {"pl", "wczoraj powiedział", "2026-01-28"},
  {"tr", "dün söyledi", "2026-01-28"}, {"zh", "普京昨天说", "2026-01-28"},
  {"en", "3 days ago", "2026-01-26"}, {"vi", "5 ngày trước", "2026-01-24"},
  {"ar", "قبل 3 أيام", "2026-01-26"}, {"ru", "2 дня назад", "2026-01-27"},
  {"de", "vor 2 Tagen", "2026-01-27"}, {"fr", "il y a 2 jours", "2026-01-27"},
  {"en", "2 weeks ago", "2026-01-15"}, {"vi", "ngày mai", "2026-01-30"},
  /* weekdays: the latest on or before Thursday 2026-01-29 */
  {"en", "They met on Tuesday in Moscow", "2026-01-27"},
  {"en", "Putin said Tuesday that", "2026-01-27"},
  {"en", "on Thursday", "2026-01-29"},
  {"vi", "hôm thứ Ba, hai bên", "2026-01-27"},
  {"vi", "vào Chủ Nhật", "2026-01-25"},
  {"ar", "يوم الثلاثاء الماضي", "2026-01-27"},
  {"ru", "во вторник", "2026-01-27"}, {"ru", "в среду", "2026-01-28"},
  {"de", "am Dienstag", "2026-01-27"}, {"es", "el martes", "2026-01-27"},
  {"fr", "le mardi", "2026-01-27"}, {"pl", "w środę", "2026-01-28"},
};

START_TEST(relative) {
  char buf[32];
  uint32_t fl = 0;
  sl_date an = {2026, 1, 29, 0, 0, 0};
  first_of(k_rel[_i].lang, k_rel[_i].text, &an, buf, &fl);
  ck_assert_msg(strcmp(buf, k_rel[_i].want) == 0, "%s: \"%s\" gave %s, want %s",
                k_rel[_i].lang, k_rel[_i].text, buf, k_rel[_i].want);
  ck_assert(fl & SL_DATE_RELATIVE);
  /* Without an anchor a relative expression gives no date. */
  first_of(k_rel[_i].lang, k_rel[_i].text, NULL, buf, NULL);
  ck_assert_str_eq(buf, "none");
}
END_TEST

START_TEST(weekday_not_dates) {
  static const struct { const char *lang, *text; } k[] = {
    {"en", "Super Tuesday results"}, {"en", "the Sunday Times reported"},
    {"ar", "العلاقات بين الاثنين"}, {"en", "a tuesday meeting"}};
  sl_date an = {2026, 1, 29, 0, 0, 0};
  char buf[32];
  size_t i;
  uint32_t fl = 0;
  for (i = 0; i < sizeof k / sizeof k[0]; i++) {
    first_of(k[i].lang, k[i].text, &an, buf, NULL);
    ck_assert_msg(strcmp(buf, "none") == 0, "\"%s\" gave %s", k[i].text, buf);
  }
  /* A written date after the weekday wins, and the cue carries over. */
  first_of("en", "On Tuesday, January 27, 2026, they met", &an, buf, &fl);
  ck_assert_str_eq(buf, "2026-01-27");
  ck_assert(!(fl & SL_DATE_RELATIVE));
  ck_assert(fl & SL_DATE_CUED);
  first_of("vi", "Hôm thứ Ba (27/1), hai bên", NULL, buf, &fl);
  ck_assert_str_eq(buf, "0000-01-27");
  ck_assert(fl & SL_DATE_CUED);
}
END_TEST

START_TEST(relative_month_boundary) {
  char buf[32];
  sl_date an = {2024, 3, 1, 0, 0, 0};
  first_of("en", "yesterday", &an, buf, NULL);
  ck_assert_str_eq(buf, "2024-02-29");
}
END_TEST

START_TEST(iso) {
  sl_date d;
  char buf[16];
  ck_assert_int_eq(sl_date_parse_iso("2026-01-28", 10, &d), SL_OK);
  sl_date_format(&d, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  ck_assert_int_eq(sl_date_parse_iso("2026-01-28T10:00:00+07:00", 25, &d), SL_OK);
  ck_assert_int_eq(d.day, 28);
  ck_assert_int_eq(sl_date_parse_iso("2026-01", 7, &d), SL_OK);
  sl_date_format(&d, buf);
  ck_assert_str_eq(buf, "2026-01");
  ck_assert_int_eq(sl_date_parse_iso("2026", 4, &d), SL_OK);
  sl_date_format(&d, buf);
  ck_assert_str_eq(buf, "2026");
  ck_assert_int_eq(sl_date_parse_iso("Wed, 28 Jan 2026 10:00:00 +0000", 31, &d), SL_OK);
  sl_date_format(&d, buf);
  ck_assert_str_eq(buf, "2026-01-28");
  ck_assert_int_eq(sl_date_parse_iso("2026-13-01", 10, &d), SL_EPARSE);
  ck_assert_int_eq(sl_date_parse_iso("2026-02-30", 10, &d), SL_EPARSE);
  ck_assert_int_eq(sl_date_parse_iso("yesterday", 9, &d), SL_EPARSE);
  ck_assert_int_eq(sl_date_parse_iso("", 0, &d), SL_EPARSE);
  ck_assert_int_eq(sl_date_parse_iso("20261", 5, &d), SL_EPARSE);
  /* Length is honoured: no read past n. */
  ck_assert_int_eq(sl_date_parse_iso("2026-01-28", 7, &d), SL_OK);
  ck_assert_int_eq(d.day, 0);
  d.year = 0;
  sl_date_format(&d, buf);
  ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(garbage) {
  static const char *bad[] = {"\xff\xfe\x80\x80 28/1 \xc3", "/////", "1/", "/1",
                              "99999999999999999999999/1/2026", "31/2/2026",
                              "0/0/0000", "January", "January 99", "2026年13月1日",
                              "\xe2\x80", "ngày", "tháng", "قبل", "28 كانون"};
  unsigned seed = 12345;
  char rnd[4096];
  size_t i, k, nd;
  sl_date *d;
  for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    d = NULL;
    ck_assert_int_eq(sl_dates_find("vi", bad[i], strlen(bad[i]), NULL, 0, NULL, &d, &nd),
                     SL_OK);
    for (k = 0; k < nd; k++) {
      ck_assert(d[k].month >= 0 && d[k].month <= 12);
      ck_assert(d[k].day >= 0 && d[k].day <= 31);
    }
    free(d);
  }
  for (k = 0; k < 50; k++) {
    for (i = 0; i < sizeof rnd; i++) {
      seed = seed * 1103515245u + 12345u;
      rnd[i] = "0123456789/.- ,abnJ\xd9\xa2\xe5\xb9\xb4\xe6\x9c\x88\n"[(seed >> 16) % 27];
    }
    d = NULL;
    ck_assert_int_eq(sl_dates_find(k % 2 ? "en" : "zh", rnd, sizeof rnd, rnd, 100, NULL, &d, &nd),
                     SL_OK);
    free(d);
  }
  ck_assert_int_eq(sl_dates_find("en", NULL, 0, NULL, 0, NULL, &d, &nd), SL_OK);
  ck_assert_uint_eq(nd, 0);
  ck_assert_int_eq(sl_dates_find("en", NULL, 5, NULL, 0, NULL, &d, &nd), SL_EINVAL);
  ck_assert_int_eq(sl_dates_event(NULL, 0, NULL), 0);
}
END_TEST

START_TEST(offsets) {
  const char *s = "Xin chào. Trong cuộc gặp ngày 28/1, và tháng 10/2025.";
  sl_date *d = NULL;
  size_t nd = 0;
  ck_assert_int_eq(sl_dates_find("vi", s, strlen(s), NULL, 0, NULL, &d, &nd), SL_OK);
  ck_assert_uint_eq(nd, 2);
  ck_assert(memcmp(s + d[0].start, "28/1", 4) == 0 && d[0].end - d[0].start == 4);
  ck_assert(memcmp(s + d[1].start, "tháng 10/2025", d[1].end - d[1].start) == 0);
  ck_assert(d[0].start < d[1].start);
  free(d);
}
END_TEST


START_TEST(large_input) {
  /* 1.3 MB: chunked tokenizing must keep every date and its offsets, with
   * and without line ends to cut at. */
  static const char unit[] = "Họp ngày 28/1/2026 tại Hà Nội, tăng 4%. ";
  size_t ul = sizeof unit - 1, reps = 32768, i, nd = 0, nl;
  char *z = malloc(ul * reps + 1);
  sl_date *d = NULL;
  for (nl = 0; nl < 2; nl++) {
    for (i = 0; i < reps; i++) {
      memcpy(z + i * ul, unit, ul);
      if (nl && i % 7 == 6) z[i * ul + ul - 1] = '\n';
    }
    ck_assert_int_eq(sl_dates_find("vi", z, ul * reps, NULL, 0, NULL, &d, &nd), SL_OK);
    ck_assert_uint_eq(nd, reps);
    for (i = 0; i < nd; i++) {
      ck_assert_uint_eq(d[i].end - d[i].start, 9);
      ck_assert(memcmp(z + d[i].start, "28/1/2026", 9) == 0);
    }
    free(d);
  }
  ck_assert_int_eq(sl_dates_find("vi", z, (size_t)SL_MAX_INPUT_BYTES + 1, NULL, 0, NULL, &d, &nd),
                   SL_ETOOBIG);
  free(z);
}
END_TEST

static void *thread_body(void *arg) {
  const char *s = "Trong cuộc gặp ngày 28/1, sau tháng 12/2025, Putin 28 января 2026 года";
  sl_date *d = NULL;
  size_t nd = 0;
  long ok = sl_dates_find("vi", s, strlen(s), NULL, 0, NULL, &d, &nd) == SL_OK && nd == 3 &&
            d[0].year == 2026 && d[0].month == 1 && d[0].day == 28;
  free(d);
  (void)arg;
  return (void *)ok;
}

START_TEST(threads) {
  /* First use from eight threads at once: the lexicon is built once. */
  pthread_t th[8];
  int i;
  for (i = 0; i < 8; i++) ck_assert_int_eq(pthread_create(&th[i], NULL, thread_body, NULL), 0);
  for (i = 0; i < 8; i++) {
    void *r = NULL;
    pthread_join(th[i], &r);
    ck_assert_ptr_eq(r, (void *)1L);
  }
}
END_TEST

/* The scanner's lexicon entry of each word (found through the shape
 * bitmap, without folding when it saw only ASCII letters) is the one a
 * plain fold and lookup give, on the words of 286 real articles. */
START_TEST(scanner_words_match_folded_lookup) {
  size_t n = 0, words = 0, found = 0;
  char *b = sl_test_slurp("tests/data/ingest/dev_articles.jsonl", &n);
  sl_dtoks toks = {NULL, 0, 0};
  ck_assert_int_eq(sl_lex_init(), SL_OK);
  ck_assert_int_eq(sl_dtok_scan(b, n, &toks), SL_OK);
  for (size_t i = 0; i < toks.n; i++) {
    const sl_dtok *t = &toks.v[i];
    char key[96];
    size_t len = t->end - t->start, k;
    if (t->type != TK_WORD || t->cjk || len >= sizeof key)
      continue;
    const sl_lex *want = NULL;
    /* a Turkish case suffix: the word up to its first apostrophe */
    if ((k = sl_lex_fold(b + t->start, len, key, sizeof key)) > 0 && !(want = sl_lex_lookup(key, k)))
      for (size_t j = 1; j < k; j++)
        if (key[j] == '\'') {
          want = sl_lex_lookup(key, j);
          break;
        }
    ck_assert_msg(t->lex == want, "%.*s", (int)len, b + t->start);
    words++;
    found += want != NULL;
  }
  ck_assert_uint_gt(words, 40000);
  ck_assert_uint_gt(found, 300);
  free(toks.v);
  free(b);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("dates");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, seed_000_whole);
  tcase_add_test(tc, scanner_words_match_folded_lookup);
  tcase_add_test(tc, seed_000_anchor);
  tcase_add_test(tc, anchor_beats_background_years);
  tcase_add_test(tc, count_is_not_a_year);
  tcase_add_test(tc, seed_001_context_year);
  tcase_add_test(tc, seed_002_embed_context);
  tcase_add_test(tc, seed_003_english);
  tcase_add_test(tc, seed_004_none);
  tcase_add_loop_test(tc, formats, 0, (int)(sizeof k_forms / sizeof k_forms[0]));
  tcase_add_loop_test(tc, not_dates, 0, (int)(sizeof k_not_dates / sizeof k_not_dates[0]));
  tcase_add_test(tc, year_inference);
  tcase_add_test(tc, inferred_flag);
  tcase_add_loop_test(tc, relative, 0, (int)(sizeof k_rel / sizeof k_rel[0]));
  tcase_add_test(tc, relative_month_boundary);
  tcase_add_test(tc, weekday_not_dates);
  tcase_add_test(tc, iso);
  tcase_add_test(tc, garbage);
  tcase_add_test(tc, offsets);
  tcase_add_test(tc, large_input);
  tcase_add_test(tc, threads);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(suite)
