/*
 * stopwords — is this word a stopword of that language?  (Part of stage 4,
 * tokenize: the tokenizer flags SL_TOK_STOP; similarity and search skip
 * such words.)
 *
 * The lists are small hand-written files, data/stopwords/<lang>.txt,
 * compiled into a hash table by tools/gen_stopwords.py (output:
 * stopwords_data.c, committed, so the binary needs no data files at run
 * time).  Words are stored in storyline's normal form, so callers look
 * up a token's norm, never its source spelling.  Vietnamese entries are
 * syllables, because the word breaker splits Vietnamese into syllables;
 * Chinese entries are the words ICU's dictionary segmentation yields.
 */
#include "analyze/stopwords.h"

#include <string.h>

#include "analyze/tokenize.h"

/* FNV-1a 32 of lang, a NUL byte and w, as tools/gen_stopwords.py
 * computes it.  Pure, thread-safe. */
uint32_t sl_stopword_hash(const char *lang, size_t nlang, const char *w,
                          size_t n) {
  uint32_t h = 0x811C9DC5u;
  for (size_t i = 0; i < nlang; i++) {
    h ^= (uint8_t)lang[i];
    h *= 0x01000193u;
  }
  /* the separator byte is 0: xor is a no-op, the multiply is not */
  h *= 0x01000193u;
  for (size_t i = 0; i < n; i++) {
    h ^= (uint8_t)w[i];
    h *= 0x01000193u;
  }
  return h;
}

/* 1 when normalised w[0..n) is a stopword of lang (a BCP 47 tag; only
 * the primary subtag counts: "zh-Hans" looks in "zh").  0 for unknown
 * languages, "und", NULL or empty input.  Thread-safe. */
int sl_is_stopword(const char *lang, const char *w, size_t n) {
  size_t nl = 0;
  char key[4];
  if (!lang || !w || n == 0 || n > 64)
    return 0;
  while (nl < 3 && lang[nl] && lang[nl] != '-' && lang[nl] != '_') {
    char c = lang[nl];
    key[nl++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  key[nl] = '\0';
  if (nl == 0)
    return 0;
  uint32_t h = sl_stopword_hash(key, nl, w, n) & sl_stopword_mask;
  for (;;) {
    uint16_t s = sl_stopword_slots[h];
    if (s == 0)
      return 0;
    const sl_stopword *e = &sl_stopwords[s - 1];
    if (e->len == n && memcmp(e->word, w, n) == 0 &&
        strcmp(e->lang, key) == 0)
      return 1;
    h = (h + 1) & sl_stopword_mask;
  }
}
