/*
 * wordbreak — word boundaries of UTF-8 text, as ICU's word break iterator
 * (root locale) gives them, with their rule status (UBRK_WORD_*): the
 * segmentation under the tokenizer (stage 4 of the data flow).
 *
 * ICU decides every boundary.  Text of the alphabets it segments by its
 * rules alone (letters, digits, punctuation and spaces below U+0800, and
 * general punctuation) takes a fast path that follows the same rules
 * (UAX #29 as ICU tailors them) in C; each character joins it only after
 * ICU has segmented it in a set of probe strings exactly as the fast path
 * does.  Everything else — scripts ICU segments with a dictionary
 * (Chinese, Japanese, Thai, ...), combining marks, emoji, characters the
 * probes did not settle — goes to ICU itself, a stretch at a time, cut
 * where a boundary is certain (a space or line end before a letter or
 * digit), so the boundaries are ICU's whatever the mix.
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

/* Turns the fast path off (0) or back on (1) for wb: the unit tests
 * compare both ways on the same text.  Returns 1 when wb now takes the
 * fast path (the installed ICU passed its check), else 0. */
int sl_wordbreak_set_fast(sl_wordbreak *wb, int on);

#endif
