/*
 * dates_lexicon — internal to the dates and numbers modules (stage 5).
 *
 * One folded-word lexicon built once per process: month names of every
 * supported locale from ICU/CLDR (format and stand-alone, wide and
 * abbreviated, so genitive forms such as "января" are in), the Levantine
 * Arabic names, plus small hand-written lists of date cues, relative-day
 * words, time units, percent words, multipliers and currencies.  A
 * one-pass scanner turns text into word, number and punctuation tokens
 * that carry their lexicon entry, so the date and number recognisers walk
 * a token array and never call ICU per position.  Not installed.
 */
#ifndef SL_DATES_LEXICON_H
#define SL_DATES_LEXICON_H

#include "storyline/storyline.h"

/* Language bits (sl_lex_lang); LX_OTHER for anything else. */
enum {
  LX_EN, LX_VI, LX_AR, LX_RU, LX_UK, LX_FR, LX_DE, LX_ES, LX_IT, LX_PL,
  LX_TR, LX_PT, LX_NL, LX_ZH, LX_JA, LX_OTHER
};

/* Roles a folded word can play (several at once). */
enum {
  LR_MONTH     = 1u << 0,  /* month name, sl_lex.month */
  LR_CUE       = 1u << 1,  /* word that ties a following date ("ngày", "on") */
  LR_YCUE_PRE  = 1u << 2,  /* year cue before a year ("năm", "عام", "in") */
  LR_YCUE_POST = 1u << 3,  /* year cue after a year ("года", "roku", "年") */
  LR_REL       = 1u << 4,  /* relative day word, sl_lex.rel days */
  LR_UNIT      = 1u << 5,  /* time unit, sl_lex.unit (LU_*) */
  LR_AGO_POST  = 1u << 6,  /* "ago" after the amount ("trước", "назад") */
  LR_AGO_PRE   = 1u << 7,  /* "ago" before the amount ("قبل", "vor") */
  LR_PAIR1     = 1u << 8,  /* first word of a two-word entry */
  LR_VI_MONTH  = 1u << 9,  /* "tháng": month number follows */
  LR_VI_YEAR   = 1u << 10, /* "năm" */
  LR_CJK_YEAR  = 1u << 11, /* 年 */
  LR_CJK_MONTH = 1u << 12, /* 月 */
  LR_CJK_DAY   = 1u << 13, /* 日 号 */
  LR_PERCENT   = 1u << 14, /* percent word after the number */
  LR_PCT_PRE   = 1u << 15, /* percent word before the number ("yüzde") */
  LR_MULT      = 1u << 16, /* multiplier, sl_lex.mult */
  LR_CURRENCY  = 1u << 17, /* currency word after the number, sl_lex.cur */
  LR_APPROX    = 1u << 18, /* "about", "khoảng", "около" */
  LR_MONTH_CUE = 1u << 19, /* cue before a bare month name ("in", "في") */
  LR_DE        = 1u << 20, /* "de"/"del" between day, month and year */
  LR_WEEKDAY   = 1u << 21  /* weekday name, sl_lex.weekday */
};

enum { LU_NONE, LU_DAY, LU_HOUR, LU_MINUTE, LU_WEEK };

typedef struct sl_lex {
  uint32_t roles;        /* LR_* */
  uint16_t langs;        /* 1 << LX_*: languages the entry is valid in; 0 = any */
  uint16_t full_langs;   /* month: locales where it is a wide name */
  uint16_t abbr_langs;   /* month: locales where it is an abbreviation */
  uint8_t month;         /* 1..12 */
  uint8_t unit;          /* LU_* */
  int8_t rel;            /* LR_REL: day offset (-1 yesterday) */
  uint8_t weekday;       /* LR_WEEKDAY: 0 Sunday .. 6 Saturday */
  uint16_t wd_langs;     /* LR_WEEKDAY: locales where it names a weekday */
  char cur[4];           /* LR_CURRENCY: ISO 4217 code */
  double mult;           /* LR_MULT */
} sl_lex;

enum { TK_WORD = 1, TK_NUM, TK_PUNCT };
enum { GAP_NONE, GAP_SPACE, GAP_WIDE, GAP_LINE };

typedef struct sl_dtok {
  uint32_t start, end;   /* byte offsets in the scanned text */
  uint64_t num;          /* TK_NUM: value (saturates) */
  const sl_lex *lex;     /* TK_WORD: lexicon entry or NULL */
  uint32_t cp;           /* TK_PUNCT: code point */
  uint8_t type;          /* TK_* */
  uint8_t gap;           /* GAP_*: what separates it from the previous token */
  uint8_t ndig;          /* TK_NUM: digit count (saturates at 255) */
  uint8_t cap;           /* TK_WORD: first letter not lower case */
  uint8_t upper;         /* TK_WORD: 2+ letters, all upper-case Latin */
  uint8_t cjk;           /* TK_WORD: one CJK ideograph or kana */
} sl_dtok;

typedef struct sl_dtoks {
  sl_dtok *v;
  size_t n, cap;
} sl_dtoks;

/* Builds the lexicon once (pthread_once).  Returns SL_OK, or SL_EICU when
 * ICU gave no month names at all, SL_ENOMEM.  Thread-safe. */
sl_rc sl_lex_init(void);

/* Language bit index for a BCP 47 tag ("vi", "ar-SY", "zh-Hans"); LX_OTHER
 * for NULL, "und" or unknown.  Pure function. */
int sl_lex_lang(const char *lang);

/* Folds one word z[0..n) (lower case, Arabic harakat/tatweel removed, alef
 * and ya variants unified, dotless i -> i, ё -> е) into out[0..cap).
 * Returns the folded length, or 0 when it does not fit.  Thread-safe. */
size_t sl_lex_fold(const char *z, size_t n, char *out, size_t cap);

/* Entry for the two words a, b of text z ("hôm qua", "كانون الثاني",
 * "per cent"), or NULL.  Requires sl_lex_init.  Thread-safe. */
const sl_lex *sl_lex_pair(const char *z, const sl_dtok *a, const sl_dtok *b);

/* Entry for an already folded key k[0..n), or NULL.  Requires
 * sl_lex_init.  Thread-safe. */
const sl_lex *sl_lex_lookup(const char *k, size_t n);

/* 0 when no key of n bytes starts with byte first and ends with byte
 * last (then sl_lex_lookup finds nothing); 1 when one may.  Requires
 * sl_lex_init.  Thread-safe. */
int sl_lex_may_be(size_t n, unsigned char first, unsigned char last);

/* Decodes the code point at z[i..n) (i < n), sets *len (>= 1); -1 for an
 * invalid or truncated sequence (then *len is 1).  Pure function. */
int32_t sl_lex_u8_next(const char *z, size_t n, size_t i, size_t *len);

/* 1 when entry e is valid in language bit lx. */
int sl_lex_in_lang(const sl_lex *e, int lx);

/* Largest piece of text tokenized at once (bytes). */
#define SL_DTOK_CHUNK 65536u

/* End of the chunk of z[0..n) that starts at pos: pos + SL_DTOK_CHUNK at
 * most, cut after a line end when there is one in the second half of the
 * window, else after a space, else at a UTF-8 character boundary; n when
 * the rest fits.  Pure function. */
size_t sl_dtok_chunk(const char *z, size_t n, size_t pos); /* dates_scan.c */

/* Tokenizes z[0..n) into *out (appends; out->v is malloc'd, caller frees)
 * and looks every word up.  Invalid UTF-8 bytes become punctuation.
 * SL_ENOMEM on allocation failure.  Requires sl_lex_init.  Thread-safe. */
sl_rc sl_dtok_scan(const char *z, size_t n, sl_dtoks *out); /* dates_scan.c */

#endif
