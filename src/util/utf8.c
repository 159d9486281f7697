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
    size_t len = valid_seq(u, n, i);
    if (len) {
      memcpy(out + o, z + i, len);
      o += len;
      i += len;
    } else {
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

size_t sl_utf8_repair_mojibake(char *z, size_t n) {
  /* Pass 1: decide.  Every code point must map to a byte, and the bytes
   * must contain at least one multi-byte sequence and be valid UTF-8. */
  size_t i = 0, o = 0, multi = 0;
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
  return n;
}
