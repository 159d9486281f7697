/*
 * tokenize — text normalisation and word tokens (stage 4 of the data flow).
 *
 * Normalisation is ICU NFKC + case folding, plus Arabic folding (harakat,
 * tatweel, alef/ya/ta-marbuta variants).  Word boundaries come from ICU's
 * word break iterator (dictionary-based for Chinese, syllables for
 * Vietnamese).  Stems come from Snowball (libstemmer) where an algorithm
 * exists for the language; stopwords are per language.
 */
#ifndef SL_TOKENIZE_H
#define SL_TOKENIZE_H

#include "storyline/storyline.h"

enum {
  SL_TOK_NUMBER   = 1u << 0,  /* token is numeric (digits, 4%, 1,000) */
  SL_TOK_STOP     = 1u << 1,  /* stopword of the language */
  SL_TOK_UPPER    = 1u << 2,  /* first letter is upper case in the source */
  SL_TOK_SENT     = 1u << 3,  /* first token of a sentence or line */
  SL_TOK_ALLCAPS  = 1u << 4   /* every letter upper case (2+ letters) */
};

typedef struct sl_token {
  uint32_t start, end;   /* byte offsets of the token in the source text */
  const char *norm;      /* normalised form (NFKC, folded), NUL-terminated */
  const char *stem;      /* Snowball stem of norm, or norm itself */
  uint32_t nnorm, nstem; /* byte lengths */
  uint32_t flags;        /* SL_TOK_* */
} sl_token;

typedef struct sl_tokenizer sl_tokenizer;

/* Opens a tokenizer (ICU break iterator, normaliser, stemmers).  Not
 * thread-safe: one per thread.  Freed with sl_tokenizer_free (NULL ok). */
sl_rc sl_tokenizer_new(sl_tokenizer **out);
void sl_tokenizer_free(sl_tokenizer *tk);

/* Splits UTF-8 text z[0..n) of language lang ("und" allowed) into word and
 * number tokens (punctuation and spaces are skipped).  *toks points into
 * memory owned by tk, valid until the next call on tk. */
sl_rc sl_tokenize(sl_tokenizer *tk, const char *lang, const char *z, size_t n,
                  const sl_token **toks, size_t *ntok);

/* The memory that the norm and stem of every token of the last
 * sl_tokenize call on tk point into: *n bytes from the returned address
 * (a caller keeping the tokens copies it whole and moves the pointers). */
const char *sl_tokenizer_pool(const sl_tokenizer *tk, size_t *n);

/* Normalises z[0..n) as tokens are normalised (NFKC, case fold, Arabic
 * folding).  *out is malloc'd, NUL-terminated; caller frees. */
sl_rc sl_normalize(const char *z, size_t n, char **out, size_t *nout);

/* 1 when the normalised word w[0..n) is a stopword of lang. */
int sl_is_stopword(const char *lang, const char *w, size_t n);

#endif
