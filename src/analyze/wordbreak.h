/*
 * wordbreak — word boundaries of UTF-8 text, as ICU's word break iterator
 * (root locale) gives them, with their rule status (UBRK_WORD_*): the
 * segmentation under the tokenizer (stage 4 of the data flow).
 *
 * ICU decides every boundary (UAX #29 as ICU tailors it, with its
 * dictionaries for Chinese, Japanese, Thai, ...).
 */
#ifndef SL_WORDBREAK_H
#define SL_WORDBREAK_H

#include "storyline/storyline.h"

typedef struct sl_wordbreak sl_wordbreak;

/* Called for each segment [start, end) (byte offsets into the text), in
 * order, with ICU's rule status of the boundary that ends it; a return
 * other than SL_OK stops the walk and is returned by sl_wordbreak_each. */
typedef sl_rc (*sl_wordbreak_fn)(void *ctx, uint32_t start, uint32_t end, int32_t status);

/* Opens a segmenter (one ICU word break iterator and scratch buffers).
 * SL_ENOMEM, SL_EICU.  Not thread-safe: one per thread.  Freed with
 * sl_wordbreak_free (NULL is a no-op). */
sl_rc sl_wordbreak_new(sl_wordbreak **out);
void sl_wordbreak_free(sl_wordbreak *wb);

/* Segments UTF-8 z[0..n) (n <= SL_MAX_INPUT_BYTES; ill-formed UTF-8 reads
 * as U+FFFD, one per maximal subpart, as ICU's UTF-8 UText reads it),
 * calling fn for every segment, word or not.  SL_ENOMEM, SL_EICU, or
 * fn's own error. */
sl_rc sl_wordbreak_each(sl_wordbreak *wb, const char *z, size_t n, sl_wordbreak_fn fn, void *ctx);

#endif
