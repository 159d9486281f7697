/*
 * dates_iso — dates in metadata (stage 1/5 boundary): the "published"
 * field of JSON Lines records, HTML meta tags and feeds, parsed into the
 * same sl_date the text recogniser (dates.c) produces, and sl_date
 * formatted back to ISO 8601 for the store and JSON output.  ISO 8601
 * prefixes ("2026-01-28T10:00:00+07:00", "2026-01", "20260128") and the
 * RFC 822 form of RSS ("Wed, 28 Jan 2026 10:00:00 +0000") are accepted.
 */
#include "analyze/dates.h"

#include <string.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int mdays(int y, int m) {
  static const int k[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  if (m == 2) return y == 0 || is_leap(y) ? 29 : 28;
  return k[m - 1];
}

static int valid_ymd(int y, int m, int d) {
  if (y < 0 || y > 9999 || m < 0 || m > 12 || d < 0) return 0;
  if (d > 0 && (m == 0 || d > mdays(y, m))) return 0;
  return 1;
}

/* Reads exactly k ASCII digits at z[*i]. -1 when absent. */
static int digits(const char *z, size_t n, size_t *i, int k) {
  int v = 0, j;
  for (j = 0; j < k; j++) {
    if (*i >= n || z[*i] < '0' || z[*i] > '9') return -1;
    v = v * 10 + (z[(*i)++] - '0');
  }
  return v;
}

/* RFC 822/2822 date as RSS uses it: "[Wed, ]28 Jan 2026 ...". */
static sl_rc parse_rfc822(const char *z, size_t n, sl_date *out) {
  static const char mon[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  size_t i = 0;
  int d = 0, m = 0, y, k;
  while (i < n && (z[i] == ' ' || z[i] == '\t')) i++;
  if (i + 4 <= n && z[i + 3] == ',') i += 4;
  while (i < n && z[i] == ' ') i++;
  for (k = 0; k < 2 && i < n && z[i] >= '0' && z[i] <= '9'; k++) d = d * 10 + (z[i++] - '0');
  if (k == 0 || i + 4 > n || z[i] != ' ') return SL_EPARSE;
  i++;
  for (k = 0; k < 12; k++)
    if ((z[i] | 0x20) == mon[3 * k] && (z[i + 1] | 0x20) == mon[3 * k + 1] &&
        (z[i + 2] | 0x20) == mon[3 * k + 2]) { m = k + 1; break; }
  if (m == 0) return SL_EPARSE;
  i += 3;
  if (i >= n || z[i] != ' ') return SL_EPARSE;
  i++;
  if ((y = digits(z, n, &i, 4)) < 0 || !valid_ymd(y, m, d) || d < 1) return SL_EPARSE;
  memset(out, 0, sizeof *out);
  out->year = (int16_t)y;
  out->month = (int8_t)m;
  out->day = (int8_t)d;
  out->end = (uint32_t)i;
  return SL_OK;
}

/* Contract in dates.h.  Accepts "YYYY", "YYYY-MM", "YYYY-MM-DD" and the
 * basic "YYYYMMDD", each optionally followed by a time ("T10:00:00+07:00"),
 * after optional leading blanks; falls back to the RFC 822 form RSS feeds
 * use ("Wed, 28 Jan 2026 10:00:00 +0000").  Reads at most n bytes; out->end
 * is the length consumed.  Pure function. */
sl_rc sl_date_parse_iso(const char *z, size_t n, sl_date *out) {
  size_t i = 0;
  int y, m = 0, d = 0;
  if (z == NULL || out == NULL) return SL_EINVAL;
  if (n > 256) n = 256; /* a date prefix is short; ignore the rest */
  while (i < n && (z[i] == ' ' || z[i] == '\t')) i++;
  if ((y = digits(z, n, &i, 4)) < 0) return parse_rfc822(z, n, out);
  if (i < n && z[i] == '-') {
    i++;
    if ((m = digits(z, n, &i, 2)) < 1 || m > 12) return SL_EPARSE;
    if (i < n && z[i] == '-') {
      i++;
      if ((d = digits(z, n, &i, 2)) < 1 || d > mdays(y, m)) return SL_EPARSE;
    }
  } else if (i + 4 <= n && z[i] >= '0' && z[i] <= '9') {
    if ((m = digits(z, n, &i, 2)) < 1 || m > 12 ||
        (d = digits(z, n, &i, 2)) < 1 || d > mdays(y, m))
      return SL_EPARSE;                          /* basic form 20260128 */
  }
  if (i < n && z[i] >= '0' && z[i] <= '9') return SL_EPARSE;
  if (i < n && z[i] != 'T' && z[i] != 't' && z[i] != ' ' && z[i] != 'Z' &&
      z[i] != '+' && z[i] != '\n' && z[i] != '\r' && !(d == 0 && z[i] == '-'))
    return SL_EPARSE;
  if (y < 1000) return SL_EPARSE;
  memset(out, 0, sizeof *out);
  out->year = (int16_t)y;
  out->month = (int8_t)m;
  out->day = (int8_t)d;
  out->end = (uint32_t)i;
  return SL_OK;
}

static void put_num(char *b, int v, int k) {
  while (k-- > 0) { b[k] = (char)('0' + v % 10); v /= 10; }
}

/* Contract in dates.h.  Writes at most 11 bytes; a day without a valid
 * month is dropped ("2026").  Pure function. */
void sl_date_format(const sl_date *d, char buf[16]) {
  buf[0] = '\0';
  if (d == NULL || d->year <= 0 || d->year > 9999) return;
  put_num(buf, d->year, 4);
  buf[4] = '\0';
  if (d->month < 1 || d->month > 12) return;
  buf[4] = '-';
  put_num(buf + 5, d->month, 2);
  buf[7] = '\0';
  if (d->day < 1 || d->day > 31) return;
  buf[7] = '-';
  put_num(buf + 8, d->day, 2);
  buf[10] = '\0';
}
