/*
 * dates_scan — the one-pass tokenizer under the dates and numbers
 * recognisers (stage 5: analysed document).  It splits UTF-8 text into
 * words, digit runs (any script's decimal digits, so ٢٠٢٦ is 2026) and
 * punctuation, records what whitespace separated each token from the
 * previous one, splits glued words at a lower-to-upper case change
 * ("trướcBài"), makes every CJK ideograph its own word, and looks each
 * word up in the folded lexicon (dates_lexicon.c).  Character classes come
 * from ICU's property tables; no ICU service is opened here.
 */
#include "analyze/dates_lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#define WORD_MAX 96u

/* ---- scanner ---------------------------------------------------------- */

enum { CC_SPACE, CC_LINE, CC_IGNORE, CC_LETTER, CC_CJK, CC_DIGIT, CC_PUNCT };

static int classify_other(int32_t c, int *digit, int *lower, int *upper);

/* classify_other's answers for U+0080..U+06FF (Latin, Greek, Cyrillic,
 * Arabic), made once: class | lower << 3 | upper << 4, digit + 1 << 5 */
#define TABLE_LAST 0x6FF
static uint16_t CLASS[TABLE_LAST + 1];
static pthread_once_t CLASS_ONCE = PTHREAD_ONCE_INIT;

static void class_init(void) {
  for (int32_t c = 0x80; c <= TABLE_LAST; c++) {
    int digit = -1, lower = 0, upper = 0;
    int cc = classify_other(c, &digit, &lower, &upper);
    CLASS[c] = (uint16_t)(cc | lower << 3 | upper << 4 | (digit + 1) << 5);
  }
}

/* Character class of c; ASCII inline (most of the text), the rest from
 * ICU's tables. */
static inline int classify(int32_t c, int *digit, int *lower, int *upper) {
  *lower = *upper = 0;
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') { *lower = 1; return CC_LETTER; }
    if (c >= 'A' && c <= 'Z') { *upper = 1; return CC_LETTER; }
    if (c >= '0' && c <= '9') { *digit = c - '0'; return CC_DIGIT; }
    if (c == '\n' || c == '\v' || c == '\f') return CC_LINE;
    if (c == ' ' || c == '\t' || c == '\r') return CC_SPACE;
    return CC_PUNCT;
  }
  if (c <= TABLE_LAST) {
    pthread_once(&CLASS_ONCE, class_init);
    uint16_t e = CLASS[c];
    *lower = (e >> 3) & 1;
    *upper = (e >> 4) & 1;
    if (e >> 5)
      *digit = (int)(e >> 5) - 1;
    return e & 7;
  }
  return classify_other(c, digit, lower, upper);
}

static int classify_other(int32_t c, int *digit, int *lower, int *upper) {
  int8_t t;
  if (c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
      c == 0x3000 || c == 0x1680)
    return CC_SPACE;
  if (c == 0x2028 || c == 0x2029 || c == 0x85) return CC_LINE;
  if ((c >= 0x200B && c <= 0x200F) || c == 0xFEFF || c == 0x00AD || c == 0x0640 ||
      (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return CC_IGNORE;
  if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3040 && c <= 0x30FF) ||
      (c >= 0x20000 && c <= 0x3FFFF))
    return CC_CJK;
  t = u_charType(c);
  switch (t) {
  case U_DECIMAL_DIGIT_NUMBER:
    *digit = u_charDigitValue(c);
    return *digit >= 0 && *digit <= 9 ? CC_DIGIT : CC_PUNCT;
  case U_LOWERCASE_LETTER: *lower = 1; return CC_LETTER;
  case U_UPPERCASE_LETTER: case U_TITLECASE_LETTER: *upper = 1; return CC_LETTER;
  case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_NON_SPACING_MARK:
  case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK:
    return CC_LETTER;
  default:
    return CC_PUNCT;
  }
}

/* sl_lex_u8_next with the ASCII case inline: most of the text. */
static inline int32_t next_cp(const char *z, size_t n, size_t i, size_t *len) {
  unsigned char b = (unsigned char)z[i];
  if (b < 0x80) {
    *len = 1;
    return b;
  }
  return sl_lex_u8_next(z, n, i, len);
}

static sl_rc push(sl_dtoks *out, const sl_dtok *t) {
  if (out->n == out->cap) {
    size_t nc = out->cap ? out->cap * 2 : 256;
    sl_dtok *v = realloc(out->v, nc * sizeof *v);
    if (v == NULL) return SL_ENOMEM;
    out->v = v;
    out->cap = nc;
  }
  out->v[out->n++] = *t;
  return SL_OK;
}

/* The lexicon entry of word z[s..e); plain: the scanner saw only ASCII
 * letters in it (no apostrophe). */
static const sl_lex *word_lex(const char *z, size_t s, size_t e, int plain) {
  char key[WORD_MAX];
  size_t n;
  if (e - s >= WORD_MAX) return NULL;
  const sl_lex *r = NULL;
  size_t k;
  /* a plain ASCII word is its key lowered: most have no key of their
   * shape, and then need not be copied or hashed */
  if (plain) {
    unsigned char a = (unsigned char)z[s], b = (unsigned char)z[e - 1];
    if (!sl_lex_may_be(e - s, (unsigned char)(a >= 'A' && a <= 'Z' ? a + 32 : a),
                       (unsigned char)(b >= 'A' && b <= 'Z' ? b + 32 : b)))
      return NULL;
    for (k = s; k < e; k++)
      key[k - s] = (char)(z[k] >= 'A' && z[k] <= 'Z' ? z[k] + 32 : z[k]);
    return sl_lex_lookup(key, e - s);
  }
  for (k = s; k < e && (unsigned char)z[k] < 0x80; k++)
    key[k - s] = (char)(z[k] >= 'A' && z[k] <= 'Z' ? z[k] + 32 : z[k]);
  /* plain ASCII folds to lower case; anything else through sl_lex_fold */
  n = k == e ? e - s : sl_lex_fold(z + s, e - s, key, sizeof key);
  if (n && (r = sl_lex_lookup(key, n)) == NULL) {
    /* Turkish case suffix after an apostrophe: "Şubat'ta", "Ocak'ın". */
    for (k = 1; k < n; k++)
      if (key[k] == '\'') return sl_lex_lookup(key, k);
  }
  return r;
}

sl_rc sl_dtok_scan(const char *z, size_t n, sl_dtoks *out) {
  size_t i = 0, len;
  int gap = GAP_NONE, nspace = 0;
  sl_rc rc = SL_OK;
  while (i < n) {
    int digit = 0, lower, upper, cc, plain = 0;
    int32_t c = next_cp(z, n, i, &len);
    sl_dtok t;
    cc = c < 0 ? CC_PUNCT : classify(c, &digit, &lower, &upper);
    if (cc == CC_IGNORE) { i += len; continue; }
    if (cc == CC_SPACE || cc == CC_LINE) {
      nspace++;
      if (cc == CC_LINE) gap = GAP_LINE;
      else if (gap != GAP_LINE) gap = nspace == 1 && (c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009) ? GAP_SPACE : GAP_WIDE;
      i += len;
      continue;
    }
    memset(&t, 0, sizeof t);
    t.start = (uint32_t)i;
    t.gap = (uint8_t)gap;
    gap = GAP_NONE;
    nspace = 0;
    if (cc == CC_DIGIT) {
      uint64_t v = 0;
      unsigned nd = 0;
      while (i < n) {
        int d2 = 0, lo, up;
        size_t l2;
        int32_t c2 = next_cp(z, n, i, &l2);
        if (c2 < 0 || classify(c2, &d2, &lo, &up) != CC_DIGIT) break;
        v = v < UINT64_C(100000000000000000) ? v * 10 + (uint64_t)d2 : v;
        nd++;
        i += l2;
      }
      t.type = TK_NUM;
      t.num = v;
      t.ndig = (uint8_t)(nd > 255 ? 255 : nd);
    } else if (cc == CC_CJK) {
      i += len;
      t.type = TK_WORD;
      t.cap = 1;
      t.cjk = 1;
    } else if (cc == CC_LETTER) {
      int prev_lower = 0, all_upper = 1, nlet = 0, first = 1;
      plain = 1;
      while (i < n) {
        int d2 = 0, lo, up, c2c;
        size_t l2;
        unsigned char b = (unsigned char)z[i];
        if (b >= 'a' && b <= 'z') { /* most letters: what classify says of them */
          if (first) t.cap = 0;
          first = 0;
          all_upper = 0;
          prev_lower = 1;
          nlet++;
          i++;
          continue;
        }
        int32_t c2 = next_cp(z, n, i, &l2);
        if (c2 < 0) break;
        c2c = classify(c2, &d2, &lo, &up);
        if (c2c == CC_IGNORE) { i += l2; plain = 0; continue; }
        if (c2c != CC_LETTER) {
          /* apostrophe inside a word: aujourd'hui, l’an */
          size_t l3;
          int d3 = 0, lo3, up3;
          if ((c2 == '\'' || c2 == 0x2019) && i + l2 < n) {
            int32_t c3 = next_cp(z, n, i + l2, &l3);
            if (c3 >= 0 && classify(c3, &d3, &lo3, &up3) == CC_LETTER) { i += l2; plain = 0; continue; }
          }
          break;
        }
        if (!first && prev_lower && up) break; /* "trướcBài": glued words */
        if (c2 >= 0x80) plain = 0;
        if (first) t.cap = (uint8_t)!lo;
        first = 0;
        if (lo || !(c2 < 0x80)) all_upper = 0;
        prev_lower = lo;
        nlet++;
        i += l2;
      }
      t.type = TK_WORD;
      t.upper = (uint8_t)(all_upper && nlet >= 2);
    } else {
      i += len;
      t.type = TK_PUNCT;
      t.cp = c < 0 ? 0xFFFDu : (uint32_t)c;
    }
    t.end = (uint32_t)i;
    if (t.type == TK_WORD) t.lex = word_lex(z, t.start, t.end, plain);
    if ((rc = push(out, &t)) != SL_OK) goto out;
  }
out:
  return rc;
}

size_t sl_dtok_chunk(const char *z, size_t n, size_t pos) {
  size_t end = pos + SL_DTOK_CHUNK, k;
  if (end >= n || pos >= n) return n;
  for (k = end; k > pos + SL_DTOK_CHUNK / 2; k--)
    if (z[k - 1] == '\n') return k;
  for (k = end; k > pos + SL_DTOK_CHUNK / 2; k--)
    if (z[k - 1] == ' ') return k;
  k = end;
  while (k > pos + 1 && ((unsigned char)z[k] & 0xC0) == 0x80) k--;
  return k;
}
