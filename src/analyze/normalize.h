/*
 * normalize — internal helpers shared by sl_normalize and the tokenizer
 * (stage 4 of the data flow).  The public entry point, sl_normalize, is
 * declared in analyze/tokenize.h.
 */
#ifndef SL_NORMALIZE_H
#define SL_NORMALIZE_H

#include <unicode/unorm2.h>
#include <unicode/utypes.h>

#include "storyline/storyline.h"

/* Applies storyline's script folding to UTF-16 s[0..n) in place (Arabic
 * harakat/tatweel removed, alef/ya/waw/ta-marbuta variants unified,
 * Arabic-Indic digits to ASCII).  s must already be NFKC_Casefold'ed.
 * Returns the new length (<= n).  Thread-safe. */
int32_t sl_fold_u16(UChar *s, int32_t n);

/* Normalises UTF-16 src[0..n) into *buf (capacity *cap units, grown with
 * realloc as needed, owned by the caller): NFKC_Casefold, then
 * sl_fold_u16.  Writes the length to *nout.  SL_ENOMEM, SL_EICU.
 * Thread-safe (the ICU normaliser instance is shared and immutable). */
sl_rc sl_norm_u16(const UChar *src, int32_t n, UChar **buf, int32_t *cap,
                  int32_t *nout);

/* 1 when UTF-16 s[0..n) is certainly unchanged by sl_norm_u16 (ICU's
 * quick check says NFKC_Casefold YES and nothing needs script folding);
 * 0 when it may change.  Thread-safe. */
int sl_norm_is_final(const UChar *s, int32_t n);

/* Lower-cases UTF-8 z[0..n) as ICU's u_strToLower does in the root locale
 * (not a normal form: the cleaner's cue checks use it) into out (cap
 * bytes, NUL-terminated), character by character, when each is ASCII,
 * Latin-1, Latin Extended-A other than U+0130, Cyrillic (U+0400..U+052F)
 * or Arabic (U+0600..U+06FF): their lower case is one character of the
 * same UTF-8 length that no context changes; or a character lower-casing
 * leaves alone among general punctuation, CJK punctuation, kana, CJK
 * ideographs and full-width forms (a Chinese line).  Returns the length, or 0
 * when some character is not such, a byte sequence is not UTF-8, or the
 * result would not fit: the caller asks ICU then.  Thread-safe. */
size_t sl_lower_simple(const char *z, size_t n, char *out, size_t cap);

#endif
