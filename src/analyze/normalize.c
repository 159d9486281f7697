/*
 * normalize — one normal form for every script (stage 4 of the data flow,
 * used by the tokenizer, the full-text index and search queries).
 *
 * The base is ICU's NFKC_Casefold: compatibility forms (Arabic
 * presentation forms, full-width Latin, ligatures) are unfolded, case is
 * folded, default-ignorable characters (ZWJ, ZWNJ, soft hyphen) vanish.
 * Vietnamese keeps its diacritics: NFKC composes them, casefold lowers
 * Đ to đ.  On top of that comes Arabic folding, the choices made by most
 * Arabic search engines, so that spellings seen in news agree:
 *   - harakat, tanwin, shadda, sukun, superscript alef and Quranic marks
 *     (U+0610..U+061A, U+064B..U+065F, U+0670, U+06D6..U+06ED) removed;
 *   - tatweel U+0640 removed;
 *   - alef with hamza above/below, madda, wasla (أ إ آ ٱ) -> bare alef ا;
 *   - alef maqsura ى -> ya ي;  ta marbuta ة -> ha ه;
 *   - waw with hamza ؤ -> و;  ya with hamza ئ -> ي;
 *   - Persian/Urdu ya ی and keheh ک -> Arabic ي and ك, so names written
 *     in Persian style meet their Arabic spelling;
 *   - Arabic-Indic and Persian digits -> ASCII digits (dates, figures).
 * Hamza on the line (ء) is kept: it is a letter of its own.
 * Turkish İ case-folds to i + U+0307 (combining dot above); the dot is
 * dropped after i so İstanbul and Istanbul meet.  Dotless ı stays ı:
 * default case folding maps I to i, the non-Turkish choice, as query text
 * rarely says which language it is in.  The right single quotation mark
 * (and modifier apostrophe) inside words becomes ASCII ' (don’t = don't).
 */
#include "analyze/normalize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "analyze/tokenize.h"

/* Script folding in place, see the file comment and normalize.h; returns
 * the new length.  Thread-safe. */
int32_t sl_fold_u16(UChar *s, int32_t n) {
  int32_t i = 0, j = 0;
  /* fast path: nothing to fold below U+02BC */
  for (; i < n; i++)
    if (s[i] >= 0x02BC)
      break;
  j = i;
  for (; i < n; i++) {
    UChar c = s[i];
    if (c == 0x0307 && j > 0 && s[j - 1] == 'i')
      continue;
    if (c == 0x2019 || c == 0x02BC) { /* don’t -> don't */
      s[j++] = '\'';
      continue;
    }
    if (c < 0x0600 || c > 0x06FF) {
      s[j++] = c;
      continue;
    }
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
        (c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED))
      continue;
    switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: c = 0x0627; break;
    case 0x0649: case 0x0626: case 0x06CC: c = 0x064A; break;
    case 0x0629: c = 0x0647; break;
    case 0x0624: c = 0x0648; break;
    case 0x06A9: c = 0x0643; break;
    default:
      if (c >= 0x0660 && c <= 0x0669)
        c = (UChar)('0' + (c - 0x0660));
      else if (c >= 0x06F0 && c <= 0x06F9)
        c = (UChar)('0' + (c - 0x06F0));
      break;
    }
    s[j++] = c;
  }
  return j;
}

/* 1 when sl_fold_u16 would change the character c (given the previous
 * character prev, for the Turkish dotted i). */
static int folds(UChar prev, UChar c) {
  if (c < 0x02BC)
    return 0;
  if (c == 0x2019 || c == 0x02BC || (c == 0x0307 && prev == 'i'))
    return 1;
  if (c < 0x0600 || c > 0x06FF)
    return 0;
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
         (c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED) ||
         c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671 ||
         c == 0x0649 || c == 0x0626 || c == 0x06CC || c == 0x0629 ||
         c == 0x0624 || c == 0x06A9 || (c >= 0x0660 && c <= 0x0669) ||
         (c >= 0x06F0 && c <= 0x06F9);
}

/* 1 when s[0..n) is already in storyline's normal form (see
 * normalize.h); a cheap test that lets the tokenizer copy bytes.
 * Thread-safe. */
int sl_norm_is_final(const UChar *s, int32_t n) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&err);
  UChar prev = 0;
  if (U_FAILURE(err))
    return 0;
  for (int32_t i = 0; i < n; i++) {
    if (folds(prev, s[i]))
      return 0;
    prev = s[i];
  }
  return unorm2_quickCheck(nf, s, n, &err) == UNORM_YES && U_SUCCESS(err);
}

/* Makes *buf hold at least need units. */
static sl_rc grow16(UChar **buf, int32_t *cap, int32_t need) {
  if (need <= *cap)
    return SL_OK;
  int32_t nc = *cap ? *cap : 64;
  while (nc < need) {
    if (nc > INT32_MAX / 2)
      return SL_ETOOBIG;
    nc *= 2;
  }
  UChar *p = realloc(*buf, (size_t)nc * sizeof(UChar));
  if (!p)
    return SL_ENOMEM;
  *buf = p;
  *cap = nc;
  return SL_OK;
}

/* NFKC_Casefold + script folding of src into the caller's growable
 * buffer (see normalize.h).  SL_ENOMEM, SL_ETOOBIG, SL_EICU. */
sl_rc sl_norm_u16(const UChar *src, int32_t n, UChar **buf, int32_t *cap,
                  int32_t *nout) {
  UErrorCode err = U_ZERO_ERROR;
  sl_rc rc = SL_OK;
  const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&err);
  int32_t len;
  if (U_FAILURE(err))
    return SL_EICU;
  len = unorm2_normalize(nf, src, n, *buf, *cap, &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    if ((rc = grow16(buf, cap, len + 1)) != SL_OK)
      goto out;
    err = U_ZERO_ERROR;
    len = unorm2_normalize(nf, src, n, *buf, *cap, &err);
  }
  if (U_FAILURE(err)) {
    rc = SL_EICU;
    goto out;
  }
  *nout = sl_fold_u16(*buf, len);
out:
  return rc;
}

/* Normalises UTF-8 z[0..n) (NFKC_Casefold + Arabic folding), keeping
 * spaces and punctuation, for full-text indexing and search queries.
 * Invalid UTF-8 becomes U+FFFD.  *out is malloc'd and NUL-terminated; the
 * caller frees it with free().  *nout gets its byte length (may be NULL).
 * SL_EINVAL, SL_ETOOBIG (n > SL_MAX_INPUT_BYTES), SL_ENOMEM, SL_EICU.
 * Thread-safe. */
sl_rc sl_normalize(const char *z, size_t n, char **out, size_t *nout) {
  sl_rc rc = SL_OK;
  UErrorCode err = U_ZERO_ERROR;
  UChar *u16 = NULL, *norm = NULL;
  int32_t n16 = 0, ncap = 0, nn = 0, n8 = 0;
  char *res = NULL;
  if (!out || (!z && n))
    return SL_EINVAL;
  *out = NULL;
  if (nout)
    *nout = 0;
  if (n > SL_MAX_INPUT_BYTES)
    return SL_ETOOBIG;
  /* UTF-8 never needs more UTF-16 units than bytes */
  u16 = malloc((n + 1) * sizeof(UChar));
  if (!u16) {
    rc = SL_ENOMEM;
    goto out;
  }
  u_strFromUTF8WithSub(u16, (int32_t)n + 1, &n16, z ? z : "", (int32_t)n,
                       0xFFFD, NULL, &err);
  if (U_FAILURE(err)) {
    rc = SL_EICU;
    goto out;
  }
  if ((rc = grow16(&norm, &ncap, n16 + 16)) != SL_OK)
    goto out;
  if ((rc = sl_norm_u16(u16, n16, &norm, &ncap, &nn)) != SL_OK)
    goto out;
  err = U_ZERO_ERROR;
  u_strToUTF8(NULL, 0, &n8, norm, nn, &err);
  if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err)) {
    rc = SL_EICU;
    goto out;
  }
  res = malloc((size_t)n8 + 1);
  if (!res) {
    rc = SL_ENOMEM;
    goto out;
  }
  err = U_ZERO_ERROR;
  u_strToUTF8(res, n8 + 1, NULL, norm, nn, &err);
  if (U_FAILURE(err)) {
    rc = SL_EICU;
    goto out;
  }
  res[n8] = '\0';
  *out = res;
  res = NULL;
  if (nout)
    *nout = (size_t)n8;
out:
  free(res);
  free(u16);
  free(norm);
  return rc;
}

/* u_tolower over U+0080..U+06FF, 0 where sl_lower_simple asks ICU. */
#define LOWER_LAST 0x6FFu
static uint16_t LOWER[LOWER_LAST + 1];
static pthread_once_t LOWER_ONCE = PTHREAD_ONCE_INIT;

static void lower_init(void) {
  for (UChar32 c = 0x80; c <= (UChar32)LOWER_LAST; c++) {
    int ok = (c < 0x180 && c != 0x130) || (c >= 0x400 && c <= 0x52F) || c >= 0x600;
    UChar32 l = u_tolower(c);
    /* two UTF-8 bytes in and out, as the ranges promise */
    if (ok && l >= 0x80 && l <= 0x7FF)
      LOWER[c] = (uint16_t)l;
  }
}

/* 1 when the three-byte UTF-8 sequence at p is a character of general
 * punctuation, CJK punctuation, kana, CJK ideographs or full-width forms
 * that lower-casing leaves as it is, in any context (ICU's
 * Changes_When_Lowercased is false for it). */
static int same_lower3(const unsigned char *p) {
  if ((p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
    return 0;
  UChar32 c = (UChar32)((p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu));
  int range = (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x30FF) ||
              (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
  return range && !u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_LOWERCASED);
}

size_t sl_lower_simple(const char *z, size_t n, char *out, size_t cap) {
  const unsigned char *p = (const unsigned char *)z;
  size_t i = 0;
  if (n == 0 || n >= cap)
    return 0;
  pthread_once(&LOWER_ONCE, lower_init);
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      out[i++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if (c >= 0xE0 && c <= 0xEF) { /* three bytes: copied when lowering keeps it */
      if (i + 2 >= n || !same_lower3(p + i))
        return 0;
      memcpy(out + i, p + i, 3);
      i += 3;
      continue;
    }
    /* two-byte sequences (U+0080..U+07FF) */
    if (c < 0xC2 || c > 0xDF || i + 1 >= n || (p[i + 1] & 0xC0) != 0x80)
      return 0;
    uint32_t cp = (uint32_t)(c & 0x1F) << 6 | (p[i + 1] & 0x3Fu), l;
    if (cp > LOWER_LAST || !(l = LOWER[cp]))
      return 0;
    out[i] = (char)(0xC0 | l >> 6);
    out[i + 1] = (char)(0x80 | (l & 0x3F));
    i += 2;
  }
  out[n] = 0;
  return n;
}
