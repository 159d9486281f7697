/*
 * wordbreak — ICU's word boundaries over UTF-8 text (see wordbreak.h).
 *
 * The tokenizer reads byte offsets and ICU iterates UTF-16: the text is
 * converted once with a table from each UTF-16 unit back to its byte, so
 * a boundary costs one lookup.
 */
#include "analyze/wordbreak.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

struct sl_wordbreak {
  UBreakIterator *bi;
  UChar *text16;     /* the text in UTF-16 */
  uint32_t *off8;    /* byte offset of each UTF-16 unit of text16, + end */
  size_t cap16;
};

sl_rc sl_wordbreak_new(sl_wordbreak **out) {
  UErrorCode err = U_ZERO_ERROR;
  sl_wordbreak *wb = calloc(1, sizeof *wb);
  *out = NULL;
  if (!wb)
    return SL_ENOMEM;
  wb->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
  if (U_FAILURE(err)) {
    sl_wordbreak_free(wb);
    return SL_EICU;
  }
  *out = wb;
  return SL_OK;
}

void sl_wordbreak_free(sl_wordbreak *wb) {
  if (!wb)
    return;
  if (wb->bi)
    ubrk_close(wb->bi);
  free(wb->text16);
  free(wb->off8);
  free(wb);
}

/* z[0..n) into wb->text16 (*n16 units), with off8[i] the byte offset of
 * unit i and off8[*n16] = n.  Ill-formed UTF-8 reads as
 * U+FFFD, one per maximal subpart, as ICU's UTF-8 UText reads it. */
static sl_rc to_utf16(sl_wordbreak *wb, const char *z, size_t n, int32_t *n16) {
  const uint8_t *restrict p = (const uint8_t *)z;
  int32_t i = 0, len = (int32_t)n, j = 0;
  if (n + 1 > wb->cap16) {
    size_t nc = wb->cap16 ? wb->cap16 : 4096;
    while (nc < n + 1)
      nc *= 2;
    UChar *t = realloc(wb->text16, nc * sizeof *t);
    if (!t)
      return SL_ENOMEM;
    wb->text16 = t;
    uint32_t *o = realloc(wb->off8, nc * sizeof *o);
    if (!o)
      return SL_ENOMEM;
    wb->off8 = o;
    wb->cap16 = nc;
  }
  UChar *restrict u = wb->text16;
  uint32_t *restrict o = wb->off8;
  /* a UTF-8 sequence never takes more UTF-16 units than bytes */
  while (i < len) {
    /* a run of ASCII: one unit per byte */
    int32_t e = i, d = j - i;
    for (uint64_t w; e + 8 <= len; e += 8) { /* eight ASCII bytes a step */
      memcpy(&w, p + e, 8);
      if (w & 0x8080808080808080ull)
        break;
    }
    while (e < len && p[e] < 0x80)
      e++;
    for (int32_t k = i; k < e; k++) {
      o[k + d] = (uint32_t)k;
      u[k + d] = p[k];
    }
    j += e - i;
    i = e;
    if (i >= len)
      break;
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0)
      c = 0xFFFD;
    o[j] = (uint32_t)at;
    if (c <= 0xFFFF) {
      u[j++] = (UChar)c;
    } else {
      u[j++] = U16_LEAD(c);
      o[j] = (uint32_t)at;
      u[j++] = U16_TRAIL(c);
    }
  }
  o[j] = (uint32_t)n;
  *n16 = j;
  return SL_OK;
}

sl_rc sl_wordbreak_each(sl_wordbreak *wb, const char *z, size_t n, sl_wordbreak_fn fn, void *ctx) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t n16 = 0, b;
  if (n == 0)
    return SL_OK;
  sl_rc rc = to_utf16(wb, z, n, &n16);
  if (rc != SL_OK)
    return rc;
  ubrk_setText(wb->bi, wb->text16, n16, &err);
  if (U_FAILURE(err))
    return SL_EICU;
  uint32_t prev = wb->off8[ubrk_first(wb->bi)];
  while (rc == SL_OK && (b = ubrk_next(wb->bi)) != UBRK_DONE) {
    uint32_t cur = wb->off8[b];
    rc = fn(ctx, prev, cur, ubrk_getRuleStatus(wb->bi));
    prev = cur;
  }
  return rc;
}
