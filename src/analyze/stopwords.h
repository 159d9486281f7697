/*
 * stopwords — per-language stopword tables (part of stage 4, tokenize).
 * The tables are generated into stopwords_data.c by tools/gen_stopwords.py
 * from data/stopwords/<lang>.txt; sl_is_stopword (analyze/tokenize.h)
 * looks words up.  This header exposes the raw table for tests and tools.
 */
#ifndef SL_STOPWORDS_H
#define SL_STOPWORDS_H

#include "storyline/storyline.h"

typedef struct sl_stopword {
  const char *lang;  /* ISO 639-1 code */
  const char *word;  /* normal form (sl_normalize), UTF-8, NUL-terminated */
  uint16_t len;      /* byte length of word */
} sl_stopword;

/* Generated tables (stopwords_data.c). */
extern const sl_stopword sl_stopwords[];
extern const size_t sl_stopwords_n;
/* Open-addressing slots: 1 + index into sl_stopwords, 0 when empty;
 * sl_stopword_mask + 1 slots, a power of two. */
extern const uint16_t sl_stopword_slots[];
extern const uint32_t sl_stopword_mask;

/* FNV-1a 32 over lang bytes, one NUL byte, then w[0..n); the generator
 * computes the same.  Thread-safe, pure. */
uint32_t sl_stopword_hash(const char *lang, size_t nlang, const char *w,
                          size_t n);

#endif
