/*
 * utf8 — validation, U+FFFD substitution, binary detection and mojibake
 * repair at the input boundary (see utf8.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

int sl_utf8_is_binary(const char *z, size_t n) {
  size_t lim = n < 65536 ? n : 65536, ctrl = 0;
  for (size_t i = 0; i < lim; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == 0)
      return 1;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
      ctrl++;
  }
  return lim > 0 && ctrl * 20 > lim; /* more than 5% control bytes */
}

/* Length of the valid UTF-8 sequence at z[i], or 0 when invalid. */
static size_t valid_seq(const unsigned char *z, size_t n, size_t i) {
  unsigned char c = z[i];
  if (c < 0x80)
    return 1;
  size_t len;
  uint32_t min;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { len = 3; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { len = 4; min = 0x10000; }
  else return 0;
  if (i + len > n)
    return 0;
  uint32_t cp = c & (0xFFu >> (len + 1));
  for (size_t k = 1; k < len; k++) {
    if ((z[i + k] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (z[i + k] & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

char *sl_utf8_sanitize(const char *z, size_t n, size_t *out_n, size_t *nbad) {
  const unsigned char *u = (const unsigned char *)z;
  size_t bad = 0, i = 0, o = 0;
  /* worst case: every byte becomes 3 bytes of U+FFFD */
  char *out = malloc(n * 3 + 1);
  if (!out)
    return NULL;
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    i = 3; /* drop the byte-order mark */
  while (i < n) {
    /* a run of valid text is copied whole: ASCII found eight bytes at a
     * time, other characters one sequence at a time */
    size_t a = i, len;
    for (;;) {
      while (a + 8 <= n) {
        uint64_t w;
        memcpy(&w, u + a, 8);
        if (w & 0x8080808080808080ull)
          break;
        a += 8;
      }
      while (a < n && u[a] < 0x80)
        a++;
      if (a >= n || !(len = valid_seq(u, n, a)))
        break;
      a += len;
    }
    memcpy(out + o, z + i, a - i);
    o += a - i;
    i = a;
    if (i < n) {
      memcpy(out + o, "\xEF\xBF\xBD", 3);
      o += 3;
      i++;
      bad++;
    }
  }
  out[o] = 0;
  if (out_n)
    *out_n = o;
  if (nbad)
    *nbad = bad;
  return out;
}

uint32_t sl_utf8_next(const char *z, size_t n, size_t *i) {
  const unsigned char *u = (const unsigned char *)z;
  size_t len = valid_seq(u, n, *i);
  if (!len) {
    (*i)++;
    return 0xFFFD;
  }
  uint32_t cp = len == 1 ? u[*i] : (u[*i] & (0xFFu >> (len + 1)));
  for (size_t k = 1; k < len; k++)
    cp = (cp << 6) | (u[*i + k] & 0x3Fu);
  *i += len;
  return cp;
}

size_t sl_utf8_put(uint32_t c, char *out) {
  if (c < 0x80) { out[0] = (char)c; return 1; }
  if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (c >> 18));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* cp1252 0x80..0x9F as Unicode; 0 where cp1252 leaves the byte undefined. */
static const uint16_t CP1252_HIGH[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* The byte a code point stands for under cp1252/Latin-1, or -1. */
static int cp1252_byte(uint32_t c) {
  if (c < 0x100)
    return (int)c;
  for (int k = 0; k < 32; k++)
    if (CP1252_HIGH[k] == c)
      return 0x80 + k;
  return -1;
}

/* Places in z[0..n) where a character standing for a UTF-8 lead byte
 * (U+00C2..U+00F4, written C3 82..C3 B4) is followed by one standing for
 * a continuation byte (U+0080..U+00BF or a cp1252 special: the next byte
 * is C2, C5, C6, CB or E2), at most `enough`: text without any holds no
 * mojibake, and most text is ruled out by this scan alone. */
static size_t suspects(const char *z, size_t n, size_t enough) {
  const unsigned char *u = (const unsigned char *)z;
  size_t c = 0;
  const unsigned char *p = u, *end = u + n;
  while (c < enough && (p = memchr(p, 0xC3, (size_t)(end - p))) != NULL && p + 2 < end) {
    if (p[1] >= 0x82 && p[1] <= 0xB4 &&
        (p[2] == 0xC2 || p[2] == 0xC5 || p[2] == 0xC6 || p[2] == 0xCB || p[2] == 0xE2))
      c++;
    p++;
  }
  return c;
}

/* Repairs the mis-decoded sequences inside otherwise sound text ("Horoz
 * dÃ¶vÃ¼ÅŸÃ¼ yaptÄ±ran" after a title that was stored right): a character
 * that stands for a UTF-8 lead byte, followed by the characters standing
 * for its continuation bytes, becomes the character those bytes encode.
 * Acts only when it finds at least MIN_PARTIAL such sequences, so a
 * genuine "Ã" or "Â" next to a symbol is left alone.  Returns the new
 * length. */
#define MIN_PARTIAL 2
static size_t repair_partial(char *z, size_t n) {
  size_t i = 0, o = 0, fixed = 0;
  if (suspects(z, n, MIN_PARTIAL) < MIN_PARTIAL)
    return n;
  char *out = malloc(n + 1);
  if (!out)
    return n;
  while (i < n) {
    size_t at = i, j = i, k;
    unsigned char seq[4];
    int lead = cp1252_byte(sl_utf8_next(z, n, &j));
    size_t need = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2
                  : lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
    seq[0] = (unsigned char)lead;
    for (k = 1; k <= need && j < n; k++) {
      int b = cp1252_byte(sl_utf8_next(z, n, &j));
      if (b < 0x80 || b > 0xBF)
        break;
      seq[k] = (unsigned char)b;
    }
    if (need && k == need + 1 && valid_seq(seq, need + 1, 0) == need + 1) {
      memcpy(out + o, seq, need + 1);
      o += need + 1;
      i = j;
      fixed++;
      continue;
    }
    /* not a mis-decoded sequence: its first character as it is */
    j = at;
    sl_utf8_next(z, n, &j);
    memcpy(out + o, z + at, j - at);
    o += j - at;
    i = j;
  }
  if (fixed >= MIN_PARTIAL) {
    memcpy(z, out, o);
    z[o] = 0;
    n = o;
  }
  free(out);
  return n;
}

size_t sl_utf8_repair_mojibake(char *z, size_t n) {
  /* Pass 1: decide.  Every code point must map to a byte, and the bytes
   * must contain at least one multi-byte sequence and be valid UTF-8. */
  size_t i = 0, o = 0, multi = 0;
  if (!suspects(z, n, 1))
    return n;
  char *tmp = malloc(n + 1);
  if (!tmp)
    return n;
  while (i < n) {
    uint32_t c = sl_utf8_next(z, n, &i);
    int b = cp1252_byte(c);
    if (b < 0)
      goto keep;
    tmp[o++] = (char)b;
  }
  for (size_t k = 0; k < o;) {
    size_t len = valid_seq((const unsigned char *)tmp, o, k);
    if (!len)
      goto keep;
    if (len > 1)
      multi++;
    k += len;
  }
  if (!multi)
    goto keep;
  memcpy(z, tmp, o);
  z[o] = 0;
  free(tmp);
  return o;
keep:
  free(tmp);
  return repair_partial(z, n);
}
