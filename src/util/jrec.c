/*
 * jrec — flat JSON records without jansson's per-byte cost (see jrec.h).
 *
 * Two passes: the first checks the whole line and notes where each member
 * is, touching nothing, so that a line it gives up on goes to jansson
 * intact; the second decodes the strings that hold escapes in place (a
 * decoded escape is never longer than its source) and writes a NUL after
 * every key and value, over what ends it or before it.
 */
#include "util/jrec.h"

#include <string.h>

/* A member as the first pass found it (offsets into the line). */
typedef struct span {
  size_t key, nkey, val, nval;
  int type, esc;
  long long i;
} span;

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int hex4(const unsigned char *p, unsigned *v) {
  unsigned x = 0;
  for (int k = 0; k < 4; k++) {
    unsigned char c = p[k];
    unsigned d;
    if (c >= '0' && c <= '9')
      d = (unsigned)(c - '0');
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
      d = (unsigned)((c | 0x20) - 'a' + 10);
    else
      return 0;
    x = x << 4 | d;
  }
  *v = x;
  return 1;
}

/* Length of the well-formed UTF-8 sequence at p[0..n) (lead byte >=
 * 0x80), or 0: the strict rules jansson applies too (no overlongs, no
 * surrogates, nothing above U+10FFFF). */
static size_t utf8_len(const unsigned char *p, size_t n) {
  unsigned char c = p[0], lo = 0x80, hi = 0xBF;
  size_t k;
  if (c >= 0xC2 && c <= 0xDF)
    k = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    k = 3;
    if (c == 0xE0)
      lo = 0xA0;
    else if (c == 0xED)
      hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    k = 4;
    if (c == 0xF0)
      lo = 0x90;
    else if (c == 0xF4)
      hi = 0x8F;
  } else
    return 0;
  if (n < k || p[1] < lo || p[1] > hi)
    return 0;
  for (size_t j = 2; j < k; j++)
    if (p[j] < 0x80 || p[j] > 0xBF)
      return 0;
  return k;
}

/* Byte classes for scan_string: 0 ends a plain run (quote, backslash,
 * control character, any byte >= 0x80), 1 is plain ASCII. */
static const unsigned char PLAIN[256] = {
    ['\x20'] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20..0x2F, no '"' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,             /* 0x30 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,             /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,             /* 0x50, no '\\' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,             /* 0x60 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,             /* 0x70 */
};

/* Checks the string whose opening quote is at p[*i - 1]; *i ends after
 * the closing quote.  *esc = 1 when it holds escapes.  0 when unsure. */
static int scan_string(const unsigned char *p, size_t n, size_t *i, int *esc) {
  size_t j = *i;
  *esc = 0;
  for (;;) {
    /* eight bytes a step while none is a quote, a backslash, a control
     * character or above 0x7F (the usual carry-less byte tests) */
    while (j + 8 <= n) {
      uint64_t x, q, b;
      memcpy(&x, p + j, 8);
      q = x ^ 0x2222222222222222ull;
      b = x ^ 0x5C5C5C5C5C5C5C5Cull;
      if ((((x - 0x2020202020202020ull) & ~x) | ((q - 0x0101010101010101ull) & ~q) |
           ((b - 0x0101010101010101ull) & ~b) | x) & 0x8080808080808080ull)
        break;
      j += 8;
    }
    while (j < n && PLAIN[p[j]])
      j++;
    if (j >= n)
      return 0;
    unsigned char c = p[j];
    if (c == '"') {
      *i = j + 1;
      return 1;
    }
    if (c < 0x20)
      return 0;
    if (c >= 0x80) {
      /* two- and three-byte letters inline (Cyrillic, Arabic, CJK) */
      if (c >= 0xC2 && c <= 0xDF && j + 1 < n && (p[j + 1] & 0xC0) == 0x80) {
        j += 2;
        continue;
      }
      if (c >= 0xE1 && c <= 0xEC && j + 2 < n && (p[j + 1] & 0xC0) == 0x80 &&
          (p[j + 2] & 0xC0) == 0x80) {
        j += 3;
        continue;
      }
      size_t k = utf8_len(p + j, n - j);
      if (!k)
        return 0;
      j += k;
      continue;
    }
    /* a backslash */
    *esc = 1;
    if (j + 1 >= n)
      return 0;
    c = p[j + 1];
    if (c != 'u') {
      if (!strchr("\"\\/bfnrt", c) || !c)
        return 0;
      j += 2;
      continue;
    }
    unsigned v, w;
    if (j + 6 > n || !hex4(p + j + 2, &v) || v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
      return 0;
    j += 6;
    if (v >= 0xD800 && v <= 0xDBFF) {
      if (j + 6 > n || p[j] != '\\' || p[j + 1] != 'u' || !hex4(p + j + 2, &w) || w < 0xDC00 ||
          w > 0xDFFF)
        return 0;
      j += 6;
    }
  }
}

/* Decodes the checked string body s[0..n) (escapes) into d, which may be
 * s itself; returns the decoded length. */
static size_t decode(char *d, const char *s, size_t n) {
  size_t o = 0;
  for (size_t j = 0; j < n;) {
    const char *bs = memchr(s + j, '\\', n - j);
    size_t run = bs ? (size_t)(bs - (s + j)) : n - j;
    memmove(d + o, s + j, run); /* the text between escapes, in one move */
    o += run;
    j += run;
    if (!bs)
      break;
    char c = s[j + 1];
    j += 2;
    switch (c) {
    case 'b': d[o++] = '\b'; continue;
    case 'f': d[o++] = '\f'; continue;
    case 'n': d[o++] = '\n'; continue;
    case 'r': d[o++] = '\r'; continue;
    case 't': d[o++] = '\t'; continue;
    case 'u': break;
    default: d[o++] = c; continue;
    }
    unsigned v = 0, w = 0;
    hex4((const unsigned char *)s + j, &v);
    j += 4;
    if (v >= 0xD800 && v <= 0xDBFF) {
      hex4((const unsigned char *)s + j + 2, &w);
      j += 6;
      v = ((v - 0xD800) << 10) + (w - 0xDC00) + 0x10000;
    }
    if (v < 0x80) {
      d[o++] = (char)v;
    } else if (v < 0x800) {
      d[o++] = (char)(0xC0 | (v >> 6));
      d[o++] = (char)(0x80 | (v & 0x3F));
    } else if (v < 0x10000) {
      d[o++] = (char)(0xE0 | (v >> 12));
      d[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
      d[o++] = (char)(0x80 | (v & 0x3F));
    } else {
      d[o++] = (char)(0xF0 | (v >> 18));
      d[o++] = (char)(0x80 | ((v >> 12) & 0x3F));
      d[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
      d[o++] = (char)(0x80 | (v & 0x3F));
    }
  }
  return o;
}

/* A number at p[*i]: JSON's grammar without exponents, integers of at
 * most 18 digits (no overflow) and reals of at most 30 characters (no
 * overflow in strtod either).  0 when unsure. */
static int scan_number(const unsigned char *p, size_t n, size_t *i, span *s) {
  size_t j = *i, digits = 0;
  int neg = 0, real = 0;
  long long v = 0;
  if (j < n && p[j] == '-') {
    neg = 1;
    j++;
  }
  if (j >= n || p[j] < '0' || p[j] > '9')
    return 0;
  if (p[j] == '0') {
    j++;
    if (j < n && p[j] >= '0' && p[j] <= '9')
      return 0;
  } else
    while (j < n && p[j] >= '0' && p[j] <= '9') {
      v = v * 10 + (p[j++] - '0');
      digits++;
    }
  if (j < n && p[j] == '.') {
    real = 1;
    j++;
    if (j >= n || p[j] < '0' || p[j] > '9')
      return 0;
    while (j < n && p[j] >= '0' && p[j] <= '9')
      j++;
  }
  if (j < n && (p[j] == 'e' || p[j] == 'E'))
    return 0;
  if (digits > 18 || j - *i > 30)
    return 0;
  s->type = real ? SL_JREC_OTHER : SL_JREC_INT;
  s->i = neg ? -v : v;
  s->val = *i;
  s->nval = j - *i;
  *i = j;
  return 1;
}

static void skip_ws(const unsigned char *p, size_t n, size_t *i) {
  while (*i < n && is_ws(p[*i]))
    (*i)++;
}

sl_rc sl_jrec_parse(char *line, size_t n, sl_jfield *f, size_t *nf) {
  const unsigned char *p = (const unsigned char *)line;
  span sp[SL_JREC_MAX_FIELDS];
  size_t i = 0, k = 0;
  int esc;
  *nf = 0;
  skip_ws(p, n, &i);
  if (i >= n || p[i++] != '{')
    return SL_EINVAL;
  skip_ws(p, n, &i);
  if (i < n && p[i] == '}') {
    i++;
    goto end;
  }
  for (;;) {
    span *s = &sp[k];
    if (k >= SL_JREC_MAX_FIELDS || i >= n || p[i++] != '"')
      return SL_EINVAL;
    s->key = i;
    if (!scan_string(p, n, &i, &esc) || esc)
      return SL_EINVAL;
    s->nkey = i - 1 - s->key;
    for (size_t j = 0; j < k; j++) /* jansson refuses duplicates */
      if (sp[j].nkey == s->nkey && !memcmp(line + sp[j].key, line + s->key, s->nkey))
        return SL_EINVAL;
    skip_ws(p, n, &i);
    if (i >= n || p[i++] != ':')
      return SL_EINVAL;
    skip_ws(p, n, &i);
    if (i >= n)
      return SL_EINVAL;
    s->esc = 0;
    s->i = 0;
    if (p[i] == '"') {
      s->type = SL_JREC_STRING;
      s->val = ++i;
      if (!scan_string(p, n, &i, &s->esc))
        return SL_EINVAL;
      s->nval = i - 1 - s->val;
    } else if (p[i] == '-' || (p[i] >= '0' && p[i] <= '9')) {
      if (!scan_number(p, n, &i, s))
        return SL_EINVAL;
    } else {
      static const char *const LIT[] = {"true", "false", "null"};
      size_t m = 0;
      for (size_t j = 0; j < 3 && !m; j++) {
        size_t l = strlen(LIT[j]);
        if (n - i >= l && !memcmp(p + i, LIT[j], l))
          m = l;
      }
      if (!m)
        return SL_EINVAL;
      s->type = SL_JREC_OTHER;
      s->val = i;
      s->nval = m;
      i += m;
    }
    k++;
    skip_ws(p, n, &i);
    if (i >= n)
      return SL_EINVAL;
    if (p[i] == '}') {
      i++;
      break;
    }
    if (p[i++] != ',')
      return SL_EINVAL;
    skip_ws(p, n, &i);
  }
end:
  skip_ws(p, n, &i);
  if (i != n)
    return SL_EINVAL;
  /* the line is sound: decode and terminate in place */
  for (size_t j = 0; j < k; j++) {
    span *s = &sp[j];
    sl_jfield *o = &f[j];
    line[s->key + s->nkey] = 0;
    o->key = line + s->key;
    o->nkey = s->nkey;
    o->type = s->type;
    o->z = line + s->val;
    o->n = s->esc ? decode(line + s->val, line + s->val, s->nval) : s->nval;
    o->i = s->i;
    /* over the closing quote, or the ',', '}' or space after a number */
    line[s->val + o->n] = 0;
  }
  *nf = k;
  return SL_OK;
}

const sl_jfield *sl_jrec_get(const sl_jfield *f, size_t nf, const char *key, size_t nkey) {
  for (size_t j = 0; j < nf; j++)
    if (f[j].nkey == nkey && !memcmp(f[j].key, key, nkey))
      return &f[j];
  return NULL;
}
