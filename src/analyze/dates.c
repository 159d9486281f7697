/*
 * dates — calendar dates in article text and metadata (stage 5: analysed
 * document).  Input is a cleaned body, optional context lines of the same
 * page and the publication date; output is a list of sl_date in one
 * calendar, read by the event builder (sl_dates_event) and the store.
 *
 * The text is scanned once into tokens (dates_lexicon.c) and small
 * patterns run over the token array: ISO and numeric dates, day-month-year
 * and month-day-year with month names of every supported locale (from
 * ICU/CLDR), Vietnamese "tháng"/"ngày", CJK 年月日, year cues ("năm 2025",
 * "عام 2017", "2017 году") and relative expressions ("hôm qua", "3 days
 * ago", "قبل 3 أيام").
 *
 * Numeric "x/y" is day/month in every language except English, where it is
 * read month/day first (US style) and day/month only when month/day is
 * impossible.  A yearless "x/y" counts only after a date cue ("ngày",
 * "on", "في") or in Vietnamese, where it is the usual way to write dates.
 *
 * Year inference: the reference is the latest explicit (year, month, day)
 * written in the body; only when the body has none, the latest in the
 * context.  A yearless date takes the reference year, or the next year
 * when it would fall more than 31 days before the reference.  A bare
 * four-digit number is a year only inside a date, after a year cue, or
 * right after an acronym or a capitalised word ending a headline ("APEC
 * 2017", "Sochi 2014:"), never in ranges ("2025-2031").  Without any
 * explicit year the publication date is the reference: its year, or the
 * year before when that would put the date more than two months after
 * publication.  Otherwise the year stays 0.
 */
#include "analyze/dates.h"
#include "analyze/dates_lexicon.h"

#include <stdlib.h>
#include <string.h>

typedef struct raw {
  sl_date d;
  uint8_t ystr;        /* 0: no year written, 1: bare year, 2: explicit */
  uint8_t rel;         /* relative expression */
  int8_t weekday;      /* rel by weekday name: 0 Sunday .. 6; -1 otherwise */
  int32_t reldays;     /* offset from the anchor */
} raw;

typedef struct rawv {
  raw *v;
  size_t n, cap;
} rawv;

typedef struct scan {
  const char *z;
  const sl_dtok *t;
  size_t n;
  int lx;
  rawv *out;
  uint32_t flags;      /* SL_DATE_CONTEXT for context text */
  uint32_t base;       /* offset of z in the caller's text */
} scan;

/* ---- calendar helpers ------------------------------------------------- */

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m) {
  static const int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2) return y == 0 || is_leap(y) ? 29 : 28;
  return k[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(int y, int m, int d) {
  long yy = (long)y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
  long era, doe, yoe, yy, doy, mp;
  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  yy = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yy + (*m <= 2));
}

static int valid_ymd(int y, int m, int d) {
  if (y < 0 || y > 9999 || m < 0 || m > 12 || d < 0) return 0;
  if (d > 0 && (m == 0 || d > mdays(y, m))) return 0;
  return 1;
}

/* ---- token predicates ------------------------------------------------- */

static int tk_num(const scan *S, size_t j, int mind, int maxd) {
  return j < S->n && S->t[j].type == TK_NUM && S->t[j].ndig >= mind && S->t[j].ndig <= maxd;
}

static int tk_p(const scan *S, size_t j, uint32_t cp) {
  return j < S->n && S->t[j].type == TK_PUNCT && S->t[j].cp == cp;
}

static int tk_dash(const scan *S, size_t j) {
  return tk_p(S, j, '-') || tk_p(S, j, 0x2013) || tk_p(S, j, 0x2014);
}

static int tk_role(const scan *S, size_t j, uint32_t role) {
  const sl_lex *e;
  if (j >= S->n || S->t[j].type != TK_WORD || (e = S->t[j].lex) == NULL) return 0;
  return (e->roles & role) != 0 && sl_lex_in_lang(e, S->lx);
}

static int adj(const scan *S, size_t j) { return j < S->n && S->t[j].gap == GAP_NONE; }
static int near(const scan *S, size_t j) { return j < S->n && S->t[j].gap != GAP_LINE; }
static int val(const scan *S, size_t j) {
  return S->t[j].num > 100000 ? 100000 : (int)S->t[j].num;
}

/* Year from a 4-digit number token in 1000..2100, else 0: news dates lie
 * in the printed era ("2. April 2808 Menschen" is a count of people). */
static int year_at(const scan *S, size_t j) {
  int y;
  if (!tk_num(S, j, 4, 4)) return 0;
  y = val(S, j);
  return y >= 1000 && y <= 2100 ? y : 0;
}

static int month_ok(const sl_lex *e, int lx, int cap) {
  uint16_t en = (uint16_t)(1u << LX_EN), me = (uint16_t)(lx == LX_OTHER ? 0 : 1u << lx);
  if (e->full_langs) {
    /* English capitalises month names; lower-case "may", "march" are words. */
    if ((e->full_langs & en) && !cap && !(e->full_langs & me & ~en)) return 0;
    return 1;
  }
  if (e->abbr_langs & me) return lx != LX_EN || cap;
  return (e->abbr_langs & en) && cap;
}

/* Month named at token j (one or two words, "Jan." with its dot); sets
 * *last to the last token.  0 when none. */
static int month_at(const scan *S, size_t j, size_t *last) {
  const sl_dtok *t;
  const sl_lex *e;
  if (j >= S->n || S->t[j].type != TK_WORD) return 0;
  t = &S->t[j];
  if (t->lex && (t->lex->roles & LR_PAIR1) && j + 1 < S->n) {
    e = sl_lex_pair(S->z, t, &S->t[j + 1]);
    if (e && (e->roles & LR_MONTH)) { *last = j + 1; return e->month; }
  }
  e = t->lex;
  if (e == NULL || !(e->roles & LR_MONTH) || !month_ok(e, S->lx, t->cap)) return 0;
  *last = j;
  if (e->abbr_langs && tk_p(S, j + 1, '.') && adj(S, j + 1)) *last = j + 1;
  return e->month;
}

/* month_at, plus a second name of the same month after a slash, as Arabic
 * papers write it: "كانون الثاني/يناير". */
static int month_at2(const scan *S, size_t j, size_t *last) {
  int m = month_at(S, j, last);
  size_t l2;
  if (m && tk_p(S, *last + 1, '/') && S->t[*last + 1].gap <= GAP_SPACE &&
      near(S, *last + 2) && month_at(S, *last + 2, &l2) == m)
    *last = l2;
  return m;
}

/* Skips an ordinal suffix glued to a number ("1st", "28th", "1er"). */
static size_t skip_ord(const scan *S, size_t j) {
  static const char *suf[] = {"st", "nd", "rd", "th", "er", "re", "e"};
  size_t k, len;
  if (j >= S->n || S->t[j].type != TK_WORD || !adj(S, j)) return j;
  len = S->t[j].end - S->t[j].start;
  for (k = 0; k < sizeof suf / sizeof suf[0]; k++)
    if (strlen(suf[k]) == len && memcmp(S->z + S->t[j].start, suf[k], len) == 0) return j + 1;
  return j;
}

/* Weekday (0 Sunday .. 6) named at token j in the text's language, one
 * word or two ("thứ Ba", "Chủ Nhật"); sets *last.  -1 when none. */
static int weekday_at(const scan *S, size_t j, size_t *last) {
  const sl_lex *e;
  if (j >= S->n || S->t[j].type != TK_WORD || (e = S->t[j].lex) == NULL) return -1;
  if ((e->roles & LR_PAIR1) && j + 1 < S->n) {
    const sl_lex *p = sl_lex_pair(S->z, &S->t[j], &S->t[j + 1]);
    if (p && (p->roles & LR_WEEKDAY) && (S->lx == LX_OTHER || (p->wd_langs & (1u << S->lx)))) {
      *last = j + 1;
      return p->weekday;
    }
  }
  if ((e->roles & LR_WEEKDAY) && (S->lx == LX_OTHER || (e->wd_langs & (1u << S->lx)))) {
    *last = j;
    return e->weekday;
  }
  return -1;
}

/* 1 when token j ends a weekday name ("Tuesday", the "Ba" of "thứ Ba"). */
static int weekday_end(const scan *S, size_t j) {
  size_t last;
  if (weekday_at(S, j, &last) >= 0 && last == j) return 1;
  return j > 0 && weekday_at(S, j - 1, &last) >= 0 && last == j;
}

/* 1 when a date cue precedes token j on its line, possibly across a
 * weekday and a comma ("On Tuesday, January 28", "hôm thứ Ba, 28/1"). */
static int cued(const scan *S, size_t j) {
  size_t k = j, steps;
  for (steps = 0; steps < 4 && k > 0 && near(S, k); steps++) {
    if (tk_role(S, k - 1, LR_CUE)) return 1;
    if (tk_p(S, k - 1, ',') || tk_p(S, k - 1, '(')) { k--; continue; }
    if (weekday_end(S, k - 1)) {
      size_t last;
      k = (k >= 2 && weekday_at(S, k - 2, &last) >= 0 && last == k - 1) ? k - 2 : k - 1;
      continue;
    }
    return 0;
  }
  return 0;
}

static int emit(const scan *S, size_t first, size_t last, int y, int m, int d, int ystr) {
  raw *r;
  rawv *o = S->out;
  if (o->n == o->cap) {
    size_t nc = o->cap ? o->cap * 2 : 32;
    raw *v = realloc(o->v, nc * sizeof *v);
    if (v == NULL) return -1;
    o->v = v;
    o->cap = nc;
  }
  r = &o->v[o->n++];
  memset(r, 0, sizeof *r);
  r->d.year = (int16_t)y;
  r->d.month = (int8_t)m;
  r->d.day = (int8_t)d;
  r->d.start = S->base + S->t[first].start;
  r->d.end = S->base + S->t[last].end;
  r->d.flags = S->flags | (cued(S, first) ? SL_DATE_CUED : 0u);
  r->ystr = (uint8_t)ystr;
  r->weekday = -1;
  return 0;
}

static int emit_rel(const scan *S, size_t first, size_t last, int32_t days) {
  if (emit(S, first, last, 0, 0, 0, 0) < 0) return -1;
  S->out->v[S->out->n - 1].rel = 1;
  S->out->v[S->out->n - 1].reldays = days;
  return 0;
}

/* ---- patterns: each returns the last token used, or 0 (no match) ------ */

/* Optional year after a day-month: ", 2026", "de 2026", "năm 2026",
 * "2026 года", "2026 r.".  Sets *y, returns the last token. */
static size_t tail_year(const scan *S, size_t last, int *y) {
  size_t k = last + 1;
  *y = 0;
  if (tk_p(S, k, ',') && near(S, k)) k++;
  else if ((tk_role(S, k, LR_DE) || tk_role(S, k, LR_VI_YEAR)) && near(S, k)) k++;
  else if (tk_p(S, k, '/') && adj(S, k)) k++;
  if (!near(S, k) || (*y = year_at(S, k)) == 0) { *y = 0; return last; }
  if (k + 1 < S->n && (tk_num(S, k + 1, 1, 255) && adj(S, k + 1))) { *y = 0; return last; }
  last = k;
  if (tk_role(S, k + 1, LR_YCUE_POST) && near(S, k + 1)) {
    last = k + 1;
    if (tk_p(S, k + 2, '.') && adj(S, k + 2)) last = k + 2;
  }
  return last;
}

/* "28 January 2026", "28. Januar", "28 de enero de 2026", "28 tháng 1". */
static size_t pat_day_month(const scan *S, size_t i) {
  size_t j, last;
  int d, m, y;
  if (!tk_num(S, i, 1, 2) || (d = val(S, i)) < 1 || d > 31) return 0;
  if (i > 0 && adj(S, i) && (S->t[i - 1].type != TK_PUNCT || tk_p(S, i - 1, '.') ||
                             tk_p(S, i - 1, ',') || tk_p(S, i - 1, '/')))
    return 0;
  j = skip_ord(S, i + 1);
  if (tk_p(S, j, '.') && adj(S, j)) j++;
  if (tk_role(S, j, LR_DE) && near(S, j)) j++;
  if (!near(S, j)) return 0;
  if (tk_role(S, j, LR_VI_MONTH) && tk_num(S, j + 1, 1, 2) && near(S, j + 1)) {
    m = val(S, j + 1);
    last = j + 1;
    if (m < 1 || m > 12) return 0;
  } else if ((m = month_at2(S, j, &last)) == 0) {
    return 0;
  }
  last = tail_year(S, last, &y);
  if (!valid_ymd(y, m, d)) return 0;
  return emit(S, i, last, y, m, d, y ? 2 : 0) < 0 ? (size_t)-1 : last;
}

/* "January 28, 2026", "Jan. 28", "February 12", "December 2024",
 * "in December". */
static size_t pat_month_first(const scan *S, size_t i) {
  size_t last, k;
  int m, d, y;
  if ((m = month_at2(S, i, &last)) == 0) return 0;
  k = last + 1;
  if (near(S, k) && !adj(S, k) && (y = year_at(S, k)) != 0) {
    if (tk_dash(S, k + 1) && adj(S, k + 1)) return 0;
    return emit(S, i, k, y, m, 0, 2) < 0 ? (size_t)-1 : k;
  }
  if (near(S, k) && !adj(S, k) && tk_num(S, k, 1, 2)) {
    size_t e;
    d = val(S, k);
    if (d < 1 || d > 31) return 0;
    if (adj(S, k + 1) && (tk_p(S, k + 1, ':') || tk_p(S, k + 1, '%') ||
                          ((tk_p(S, k + 1, ',') || tk_p(S, k + 1, '.')) &&
                           tk_num(S, k + 2, 3, 3) && adj(S, k + 2))))
      return 0;
    e = skip_ord(S, k + 1) - 1;
    e = tail_year(S, e, &y);
    if (!valid_ymd(y, m, d)) return 0;
    return emit(S, i, e, y, m, d, y ? 2 : 0) < 0 ? (size_t)-1 : e;
  }
  if (i > 0 && near(S, i) && tk_role(S, i - 1, LR_MONTH_CUE))
    return emit(S, i, last, 0, m, 0, 0) < 0 ? (size_t)-1 : last;
  return 0;
}

/* "tháng 12/2025", "tháng 10 năm 2025", "tháng 12". */
static size_t pat_vi_month(const scan *S, size_t i) {
  size_t last;
  int m, y = 0;
  if (!tk_role(S, i, LR_VI_MONTH) || !tk_num(S, i + 1, 1, 2) || !near(S, i + 1)) return 0;
  m = val(S, i + 1);
  if (m < 1 || m > 12) return 0;
  last = i + 1;
  if ((tk_p(S, i + 2, '/') || tk_p(S, i + 2, '-')) && adj(S, i + 2) && adj(S, i + 3) &&
      (y = year_at(S, i + 3)) != 0)
    last = i + 3;
  else if (tk_role(S, i + 2, LR_VI_YEAR) && near(S, i + 2) && near(S, i + 3) &&
           (y = year_at(S, i + 3)) != 0)
    last = i + 3;
  else if (adj(S, i + 2) && (tk_p(S, i + 2, '/') || tk_p(S, i + 2, '.')) && tk_num(S, i + 3, 1, 255))
    return 0; /* "tháng 1/3": not ours */
  return emit(S, i, last, y, m, 0, y ? 2 : 0) < 0 ? (size_t)-1 : last;
}

/* "2026-01-28", "2026/1/28", "28/1/2026", "28.01.2026", "ngày 28/1",
 * "10/2025", "ngày 28-1". */
static size_t pat_numeric(const scan *S, size_t i) {
  uint32_t sep;
  int a, b, y = 0, d, m;
  size_t last;
  if (!tk_num(S, i, 1, 4) || !adj(S, i + 1) || !adj(S, i + 2) ||
      S->t[i + 1].type != TK_PUNCT || !tk_num(S, i + 2, 1, 4))
    return 0;
  sep = S->t[i + 1].cp;
  if (sep != '/' && sep != '.' && sep != '-') return 0;
  if (i > 0 && adj(S, i) && (S->t[i - 1].type != TK_PUNCT ||
                             tk_p(S, i - 1, '/') || tk_p(S, i - 1, '.') ||
                             tk_p(S, i - 1, ':') || tk_p(S, i - 1, ',')))
    return 0;
  a = val(S, i);
  b = val(S, i + 2);
  last = i + 2;
  if (tk_p(S, i + 3, sep) && adj(S, i + 3) && adj(S, i + 4) && tk_num(S, i + 4, 1, 4)) {
    int c = val(S, i + 4);
    last = i + 4;
    if (S->t[i].ndig == 4 && S->t[i + 4].ndig <= 2 && S->t[i + 2].ndig <= 2) {
      y = a; m = b; d = c;                       /* ISO order */
    } else if (S->t[i + 4].ndig == 4 && S->t[i].ndig <= 2 && S->t[i + 2].ndig <= 2) {
      y = c;
      if (S->lx == LX_EN && a <= 12 && b <= 31) { m = a; d = b; }
      else if (b <= 12) { d = a; m = b; }
      else { m = a; d = b; }
    } else {
      return 0;
    }
    if (y < 1000 || y > 2999 || m < 1 || d < 1 || !valid_ymd(y, m, d)) return 0;
  } else {
    if (S->t[i + 2].ndig == 4 && S->t[i].ndig <= 2 && sep == '/') {
      y = b; m = a; d = 0;                        /* "10/2025" */
      if (y < 1000 || y > 2999 || m < 1 || m > 12) return 0;
    } else if (sep == '-' && S->lx == LX_VI && cued(S, i) && S->t[i].ndig <= 2 &&
               S->t[i + 2].ndig <= 2) {
      d = a; m = b;                               /* "ngày 28-1" */
      if (m < 1 || m > 12 || d < 1 || !valid_ymd(0, m, d)) return 0;
    } else if (sep == '/' && S->t[i].ndig <= 2 && S->t[i + 2].ndig <= 2 &&
               (cued(S, i) || S->lx == LX_VI ||
                (i > 1 && tk_dash(S, i - 1) && adj(S, i) && tk_num(S, i - 2, 1, 2)))) {
      if (S->lx == LX_EN && a <= 12 && b <= 31) { m = a; d = b; }
      else { d = a; m = b; }
      if (m < 1 || d < 1 || !valid_ymd(0, m, d)) return 0;
    } else {
      return 0;
    }
  }
  /* What follows must not continue the number: "1/2/3/4", "5/11%". */
  if (adj(S, last + 1) && (S->t[last + 1].type == TK_NUM || tk_p(S, last + 1, '%') ||
                           ((tk_p(S, last + 1, '/') || tk_p(S, last + 1, '.') ||
                             tk_p(S, last + 1, '-')) && tk_num(S, last + 2, 1, 255) &&
                            adj(S, last + 2))))
    return 0;
  if (y && tk_role(S, last + 1, LR_YCUE_POST) && near(S, last + 1)) last++;
  return emit(S, i, last, y, m, d, y ? 2 : 0) < 0 ? (size_t)-1 : last;
}

/* "2026年1月28日", "1月28日", "2017年". */
static size_t pat_cjk(const scan *S, size_t i) {
  size_t j = i, last;
  int y = 0, m = 0, d = 0;
  if (!tk_num(S, i, 1, 4)) return 0;
  if (tk_role(S, i + 1, LR_CJK_YEAR) && S->t[i + 1].gap <= GAP_SPACE) {
    if ((y = year_at(S, i)) == 0) return 0;
    j = i + 2;
    last = i + 1;
  } else {
    last = 0;
  }
  if (tk_num(S, j, 1, 2) && tk_role(S, j + 1, LR_CJK_MONTH) && S->t[j].gap <= GAP_SPACE) {
    m = val(S, j);
    if (m < 1 || m > 12) return 0;
    last = j + 1;
    if (tk_num(S, j + 2, 1, 2) && tk_role(S, j + 3, LR_CJK_DAY) && S->t[j + 2].gap <= GAP_SPACE) {
      d = val(S, j + 2);
      last = j + 3;
    }
  }
  if (last == 0 || !valid_ymd(y, m, d) || (d && d < 1)) return 0;
  return emit(S, i, last, y, m, d, y ? 2 : 0) < 0 ? (size_t)-1 : last;
}

/* "2 giờ trước", "3 days ago", "3 дня назад", "3天前". */
static size_t pat_ago(const scan *S, size_t i) {
  int n, days;
  uint8_t unit;
  if (!tk_num(S, i, 1, 3) || !tk_role(S, i + 1, LR_UNIT) || !near(S, i + 1) ||
      !tk_role(S, i + 2, LR_AGO_POST) || !near(S, i + 2))
    return 0;
  n = val(S, i);
  unit = S->t[i + 1].lex->unit;
  days = unit == LU_DAY ? n : unit == LU_WEEK ? 7 * n : unit == LU_HOUR ? n / 24 : 0;
  return emit_rel(S, i, i + 2, -days) < 0 ? (size_t)-1 : i + 2;
}

/* "قبل 3 أيام", "vor 3 Tagen", "hace 3 días", "il y a 3 jours". */
static size_t pat_ago_pre(const scan *S, size_t i) {
  size_t j = i + 1;
  int n, days;
  uint8_t unit;
  const sl_lex *p = NULL;
  if (i + 1 < S->n && S->t[i].type == TK_WORD)
    p = sl_lex_pair(S->z, &S->t[i], &S->t[i + 1]);
  if (p && (p->roles & LR_AGO_PRE)) j = i + 2;
  else if (!tk_role(S, i, LR_AGO_PRE)) return 0;
  if (!tk_num(S, j, 1, 3) || !near(S, j) || !tk_role(S, j + 1, LR_UNIT) || !near(S, j + 1))
    return 0;
  n = val(S, j);
  unit = S->t[j + 1].lex->unit;
  days = unit == LU_DAY ? n : unit == LU_WEEK ? 7 * n : unit == LU_HOUR ? n / 24 : 0;
  return emit_rel(S, i, j + 1, -days) < 0 ? (size_t)-1 : j + 1;
}

/* "hôm qua", "yesterday", "أمس", "昨天". */
static size_t pat_rel_word(const scan *S, size_t i) {
  const sl_dtok *t = &S->t[i];
  const sl_lex *p;
  if (t->type != TK_WORD || t->lex == NULL) return 0;
  if (i + 1 < S->n && (p = sl_lex_pair(S->z, t, &S->t[i + 1])) != NULL &&
      (p->roles & LR_REL) && sl_lex_in_lang(p, S->lx))
    return emit_rel(S, i, i + 1, p->rel) < 0 ? (size_t)-1 : i + 1;
  if (tk_role(S, i, LR_REL)) return emit_rel(S, i, i, t->lex->rel) < 0 ? (size_t)-1 : i;
  return 0;
}

/* "on Tuesday", "am Dienstag", "hôm thứ Ba", "يوم الثلاثاء", "во вторник":
 * the latest such weekday on or before the publication date.  A cue is
 * required (weekday names double as words: الاثنين is also "the two"),
 * except in English for a capitalised name standing alone ("said
 * Tuesday", not "Super Tuesday" or "Sunday Times").  When a written date
 * follows ("Tuesday, January 28"), the date speaks instead. */
static size_t pat_weekday(const scan *S, size_t i) {
  size_t last, k, l2;
  int wd = weekday_at(S, i, &last);
  if (wd < 0) return 0;
  k = last + 1;
  if (tk_p(S, k, ',') || tk_p(S, k, '(')) k++;
  if (near(S, k) && (S->t[k].type == TK_NUM || month_at(S, k, &l2))) return 0;
  if (!(i > 0 && near(S, i) && tk_role(S, i - 1, LR_CUE)) &&
      !(S->lx == LX_EN && S->t[i].cap &&
        !(i > 0 && near(S, i) && S->t[i - 1].type == TK_WORD && S->t[i - 1].cap) &&
        !(near(S, last + 1) && S->t[last + 1].type == TK_WORD && S->t[last + 1].cap)))
    return 0;
  if (emit_rel(S, i, last, 0) < 0) return (size_t)-1;
  S->out->v[S->out->n - 1].weekday = (int8_t)wd;
  return last;
}

/* Ranges of years ("2025-2031") are terms, not dates: swallowed. */
static size_t pat_year_range(const scan *S, size_t i) {
  if (year_at(S, i) && tk_dash(S, i + 1) && S->t[i + 1].gap <= GAP_SPACE &&
      S->t[i + 2].gap <= GAP_SPACE && year_at(S, i + 2))
    return i + 2;
  return 0;
}

/* "năm 2025", "in 2017", "عام 2017", "2017 году". */
static size_t pat_year_cue(const scan *S, size_t i) {
  int y;
  if (tk_role(S, i, LR_YCUE_PRE) && near(S, i + 1) && (y = year_at(S, i + 1)) != 0) {
    if (pat_year_range(S, i + 1)) return i + 3;
    if (tk_role(S, i, LR_MONTH_CUE) && (y < 1900 || y > 2099)) return 0;
    if (adj(S, i + 2) && S->t[i + 2].type != TK_PUNCT) return 0;
    return emit(S, i, i + 1, y, 0, 0, 2) < 0 ? (size_t)-1 : i + 1;
  }
  if ((y = year_at(S, i)) != 0 && tk_role(S, i + 1, LR_YCUE_POST) && near(S, i + 1) &&
      !(i > 0 && adj(S, i) && S->t[i - 1].type != TK_PUNCT)) {
    size_t last = i + 1;
    if (tk_p(S, i + 2, '.') && adj(S, i + 2)) last = i + 2;
    return emit(S, i, last, y, 0, 0, 2) < 0 ? (size_t)-1 : last;
  }
  return 0;
}

/* "APEC 2017", "Sochi 2014:": a year named in a headline-like phrase. */
static size_t pat_bare_year(const scan *S, size_t i) {
  const sl_dtok *p;
  int y = year_at(S, i);
  if (y < 1900 || y > 2099 || i == 0 || S->t[i].gap != GAP_SPACE) return 0;
  p = &S->t[i - 1];
  if (p->type != TK_WORD) return 0;
  if (adj(S, i + 1) && S->t[i + 1].type != TK_PUNCT) return 0;
  if (adj(S, i + 1) && (tk_dash(S, i + 1) || tk_p(S, i + 1, '/') || tk_p(S, i + 1, '.') ||
                        tk_p(S, i + 1, ',')) && tk_num(S, i + 2, 1, 255))
    return 0;
  if (p->upper ||
      (p->cap && (tk_p(S, i + 1, ':') || i + 1 >= S->n || S->t[i + 1].gap == GAP_LINE)))
    return emit(S, i, i, y, 0, 0, 1) < 0 ? (size_t)-1 : i;
  return 0;
}

typedef size_t (*pattern_fn)(const scan *, size_t);

/* Spans [start, end) of raws v[from..v->n), for a chunk hook. */
static sl_rc spans_of(const rawv *v, size_t from, uint32_t **sp, size_t *cap) {
  size_t k = v->n - from;
  if (k * 2 > *cap) {
    uint32_t *ns = realloc(*sp, k * 2 * sizeof *ns);
    if (ns == NULL) return SL_ENOMEM;
    *sp = ns;
    *cap = k * 2;
  }
  for (size_t i = 0; i < k; i++) {
    (*sp)[2 * i] = v->v[from + i].d.start;
    (*sp)[2 * i + 1] = v->v[from + i].d.end;
  }
  return SL_OK;
}

static sl_rc scan_text(const char *z, size_t n, int lx, uint32_t flags, rawv *out,
                       sl_dates_chunk_fn hook, void *hook_ctx) {
  static const pattern_fn num_pats[] = {pat_cjk, pat_numeric, pat_day_month, pat_ago,
                                        pat_year_range, pat_year_cue, pat_bare_year};
  static const pattern_fn word_pats[] = {pat_rel_word, pat_vi_month, pat_month_first,
                                         pat_ago_pre, pat_year_cue, pat_weekday};
  sl_dtoks toks = {NULL, 0, 0};
  scan S;
  size_t i, k, pos = 0, from, capsp = 0;
  uint32_t *sp = NULL;
  sl_rc rc = SL_OK;
  S.lx = lx;
  S.out = out;
  S.flags = flags;
  /* Chunks of at most SL_DTOK_CHUNK bytes cut at line ends keep the
   * token array small whatever the input size. */
  while (pos < n && out->n < SL_DATES_MAX) {
    size_t end = sl_dtok_chunk(z, n, pos);
    toks.n = 0;
    if ((rc = sl_dtok_scan(z + pos, end - pos, &toks)) != SL_OK) goto out;
    S.z = z + pos;
    S.base = (uint32_t)pos;
    S.t = toks.v;
    S.n = toks.n;
    from = out->n;
    for (i = 0; i < S.n && out->n < SL_DATES_MAX; i++) {
      const pattern_fn *pats = S.t[i].type == TK_NUM ? num_pats : word_pats;
      size_t np = S.t[i].type == TK_NUM ? sizeof num_pats / sizeof num_pats[0]
                                        : sizeof word_pats / sizeof word_pats[0];
      if (S.t[i].type == TK_PUNCT) continue;
      /* every word pattern starts at a lexicon word (a pair's first word
       * is one too): most words are not, and skip six calls */
      if (S.t[i].type == TK_WORD && S.t[i].lex == NULL) continue;
      for (k = 0; k < np; k++) {
        size_t last = pats[k](&S, i);
        if (last == (size_t)-1) { rc = SL_ENOMEM; goto out; }
        if (last) { i = last; break; }
      }
    }
    if (hook) {
      if ((rc = spans_of(out, from, &sp, &capsp)) != SL_OK) goto out;
      if ((rc = hook(hook_ctx, z + pos, (uint32_t)pos, toks.v, toks.n, sp, out->n - from)) != SL_OK)
        goto out;
    }
    pos = end;
  }
out:
  free(sp);
  free(toks.v);
  return rc;
}

/* ---- year inference ----------------------------------------------------- */

static long key_of(int y, int m, int d) { return (long)y * 10000 + m * 100 + d; }

/* Latest explicit date among raws with the given context flag. */
static int reference(const rawv *v, uint32_t ctx, int *ry, int *rm, int *rd) {
  size_t i;
  long best = -1;
  for (i = 0; i < v->n; i++) {
    const raw *r = &v->v[i];
    long k;
    if (r->rel || r->ystr == 0 || (r->d.flags & SL_DATE_CONTEXT) != ctx) continue;
    k = key_of(r->d.year, r->d.month, r->d.day);
    if (k > best) { best = k; *ry = r->d.year; *rm = r->d.month; *rd = r->d.day; }
  }
  return best >= 0;
}

static void infer(rawv *v, const sl_date *anchor) {
  int ry = 0, rm = 0, rd = 0, from_anchor = 0;
  size_t i;
  int have_anchor_day = anchor && anchor->year > 0 && anchor->month >= 1 &&
                        anchor->month <= 12 && anchor->day >= 1 &&
                        anchor->day <= mdays(anchor->year, anchor->month);
  int have_ref = reference(v, 0, &ry, &rm, &rd) || reference(v, SL_DATE_CONTEXT, &ry, &rm, &rd);
  /* a publication date later than every date the text writes out is the
   * better reference: the older years are background ("elected in 2016",
   * then "vote on November 5th" in a 2019 article) */
  if (have_ref && anchor && anchor->year > 0 &&
      key_of(anchor->year, anchor->month, anchor->day) > key_of(ry, rm, rd))
    have_ref = 0;
  if (!have_ref) {
    if (anchor && anchor->year > 0) {
      ry = anchor->year;
      rm = anchor->month >= 1 && anchor->month <= 12 ? anchor->month : 0;
      rd = rm && anchor->day >= 1 && anchor->day <= mdays(ry, rm) ? anchor->day : 0;
      from_anchor = 1;
    }
  }
  for (i = 0; i < v->n; i++) {
    raw *r = &v->v[i];
    if (r->rel) {
      if (have_anchor_day) {
        long t = days_from_civil(anchor->year, anchor->month, anchor->day) + r->reldays;
        int y, m, d;
        if (r->weekday >= 0) {
          long awd = ((t + 4) % 7 + 7) % 7; /* 1970-01-01 was a Thursday */
          t -= (awd - r->weekday + 7) % 7;
        }
        civil_from_days(t, &y, &m, &d);
        r->d.year = (int16_t)y;
        r->d.month = (int8_t)m;
        r->d.day = (int8_t)d;
        r->d.flags |= SL_DATE_RELATIVE;
      }
      continue;
    }
    if (r->d.year != 0 || r->d.month == 0 || ry == 0) continue;
    {
      int y = ry, d = r->d.day ? r->d.day : 1;
      if (rm) {
        long ref = days_from_civil(ry, rm, rd ? rd : 1);
        long t = days_from_civil(ry, r->d.month, d);
        if (!from_anchor && t < ref - 31) y = ry + 1;
        else if (from_anchor && t > ref + 62) y = ry - 1;
      }
      if (r->d.day > mdays(y, r->d.month)) continue; /* 29 February */
      r->d.year = (int16_t)y;
      r->d.flags |= SL_DATE_YEAR_INFERRED;
    }
  }
}

/* ---- public API --------------------------------------------------------- */

/* Contract in dates.h.  Body dates come first in text order, then context
 * dates (flagged SL_DATE_CONTEXT, offsets into context); *out is NULL when
 * nothing is found.  Relative expressions are reported only with a
 * day-level anchor.  SL_EINVAL on NULL out/nout or NULL text with n > 0,
 * SL_ETOOBIG above SL_MAX_INPUT_BYTES, SL_ENOMEM, SL_EICU when ICU gave no
 * month names.  Thread-safe (the lexicon is built once, then read-only). */
sl_rc sl_dates_find(const char *lang, const char *z, size_t n,
                    const char *context, size_t ncontext,
                    const sl_date *anchor, sl_date **out, size_t *nout) {
  return sl_dates_find_each(lang, z, n, context, ncontext, anchor, out, nout, NULL, NULL);
}

/* Contract in dates.h. */
sl_rc sl_dates_find_each(const char *lang, const char *z, size_t n,
                         const char *context, size_t ncontext,
                         const sl_date *anchor, sl_date **out, size_t *nout,
                         sl_dates_chunk_fn hook, void *hook_ctx) {
  rawv v = {NULL, 0, 0};
  sl_date *res = NULL;
  size_t i, k = 0;
  int lx;
  sl_rc rc;
  if (out == NULL || nout == NULL || (z == NULL && n > 0) || (context == NULL && ncontext > 0))
    return SL_EINVAL;
  *out = NULL;
  *nout = 0;
  if (n > SL_MAX_INPUT_BYTES || ncontext > SL_MAX_INPUT_BYTES) return SL_ETOOBIG;
  if ((rc = sl_lex_init()) != SL_OK) goto out;
  lx = sl_lex_lang(lang);
  if (n > 0 && (rc = scan_text(z, n, lx, 0, &v, hook, hook_ctx)) != SL_OK) goto out;
  if (ncontext > 0 &&
      (rc = scan_text(context, ncontext, lx, SL_DATE_CONTEXT, &v, NULL, NULL)) != SL_OK)
    goto out;
  infer(&v, anchor);
  if (v.n == 0) goto out;
  if ((res = malloc(v.n * sizeof *res)) == NULL) { rc = SL_ENOMEM; goto out; }
  for (i = 0; i < v.n; i++) {
    if (v.v[i].rel && !(v.v[i].d.flags & SL_DATE_RELATIVE)) continue; /* no anchor */
    res[k++] = v.v[i].d;
  }
  if (k == 0) { free(res); res = NULL; }
  *out = res;
  *nout = k;
out:
  free(v.v);
  return rc;
}

/* Contract in dates.h.  Only dates with year, month and day qualify;
 * returns 0 for NULL arguments.  Pure function. */
int sl_dates_event(const sl_date *dates, size_t n, sl_date *out) {
  /* Passes in order of trust: body dates tied by a cue, any body date,
   * body relative dates, context dates tied by a cue, any context date. */
  static const struct { uint32_t want, mask; } pass[] = {
    {SL_DATE_CUED, SL_DATE_CUED | SL_DATE_CONTEXT | SL_DATE_RELATIVE},
    {0, SL_DATE_CONTEXT | SL_DATE_RELATIVE},
    {SL_DATE_RELATIVE, SL_DATE_CONTEXT | SL_DATE_RELATIVE},
    {SL_DATE_CONTEXT | SL_DATE_CUED, SL_DATE_CUED | SL_DATE_CONTEXT | SL_DATE_RELATIVE},
    {SL_DATE_CONTEXT, SL_DATE_CONTEXT | SL_DATE_RELATIVE},
  };
  size_t p, i;
  if (dates == NULL || out == NULL) return 0;
  for (p = 0; p < sizeof pass / sizeof pass[0]; p++)
    for (i = 0; i < n; i++) {
      const sl_date *d = &dates[i];
      if ((d->flags & pass[p].mask) != pass[p].want) continue;
      if (d->year <= 0 || d->month < 1 || d->day < 1) continue;
      *out = *d;
      return 1;
    }
  return 0;
}
