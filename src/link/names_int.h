/*
 * names_int — internals shared by the two halves of the name matcher:
 * names_translit.c (ICU transliteration and the phonetic key of a name)
 * and names.c (key cache, alignment score, public API).  Not installed.
 *
 * A key is a sequence of per-word keys separated by one space.  A word key
 * is an optional flag '#' (the word was written in an abjad -- Arabic or
 * Hebrew -- so short vowels are absent and A/W/Y stand for alif, waw, yeh),
 * an optional flag '@' (an Arabic article al-/el-/ash-... was removed), then
 * one byte per sound symbol:
 *   vowels      a e i o u          (abjad: A W Y, which are also consonants)
 *   consonants  b p f v w k g q c s z t d l m n r h x(kh) j(dzh) y
 *               S(sh) C(ch) Z(zh) G(gh) T(th) D(dh)
 * Doubled symbols are collapsed.
 */
#ifndef SL_NAMES_INT_H
#define SL_NAMES_INT_H

#include <stddef.h>
#include "storyline/storyline.h"

/* Hard caps: bytes of a name considered, words per name, symbols per word. */
#define SL_NAMES_MAX_INPUT 1024u
#define SL_NAMES_MAX_WORDS 12
#define SL_NAMES_MAX_SYMS  48
#define SL_NAMES_KEY_CAP   512u

typedef struct sl_names_tr sl_names_tr;

/* Opens the ICU transliterators used for keys.  *out is owned by the caller
 * and freed with sl_names_tr_free (NULL ok).  Returns SL_EICU when ICU lacks
 * a transform, SL_ENOMEM.  One handle per thread. */
sl_rc sl_names_tr_new(sl_names_tr **out);
void sl_names_tr_free(sl_names_tr *tr);

/* Builds the key of name z[0..n) (any script, invalid UTF-8 tolerated and
 * replaced) into key[0..cap), NUL-terminated; returns its length, 0 when
 * the name has no letters or on an ICU failure.  Input beyond
 * SL_NAMES_MAX_INPUT bytes is ignored.  Not thread-safe (uses tr). */
size_t sl_names_tr_key(sl_names_tr *tr, const char *z, size_t n, char *key, size_t cap);

#endif
