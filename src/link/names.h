/*
 * names — whether two names, in any scripts, can denote the same name.
 *
 * Transliterates through ICU (Any-Latin; Latin-ASCII), then normalises in
 * the manner of Europe Media Monitor's name variants (vowels, consonant
 * classes p/b, v/f/w, k/q/c, doubled letters, Arabic article al-/el-,
 * hyphens, apostrophes, word order) and scores an alignment of the keys.
 * The entity linker uses exactly this module; its keys feed the linker's
 * index of candidate entities.
 */
#ifndef SL_NAMES_H
#define SL_NAMES_H

#include "storyline/storyline.h"

typedef struct sl_names sl_names;

/* Opens a matcher (ICU transliterators).  Not thread-safe: one per thread.
 * Freed with sl_names_free (NULL ok). */
sl_rc sl_names_new(sl_names **out);
void sl_names_free(sl_names *nm);

/* Writes the phonetic key of name z[0..n) into key (NUL-terminated, at
 * most cap-1 bytes): space-separated per-word keys in the name's order.
 * Returns the key length (0 for a name with no letters). */
size_t sl_names_key(sl_names *nm, const char *z, size_t n, char *key, size_t cap);

/* Score in [0,1] that names a and b (any scripts) are the same name;
 * partial names ("Putin" vs "Vladimir Putin") score on their shared words. */
double sl_names_score(sl_names *nm, const char *a, size_t na, const char *b, size_t nb);

/* The same, on two keys made by sl_names_key (fast path for the linker). */
double sl_names_score_keys(const char *ka, const char *kb);

/* sl_names_score_keys for a caller that only asks whether the score
 * reaches floor: the score when it does, else 0 (an alignment stops once
 * it cannot reach floor).  The linker's family-name test. */
double sl_names_score_keys_floor(const char *ka, const char *kb, double floor);

/* Blocking codes of key k (made by sl_names_key) for an inverted index of
 * names: one short ASCII code per word (the first two consonant classes),
 * space-separated, written NUL-terminated into out[0..cap).  Two names
 * that score >= SL_NAMES_SAME nearly always share a code (see bench/names.sh
 * for the measured share), so candidates are the entities sharing one code
 * with the mention; the score then decides.  Returns the length of out.
 * Pure function of k: thread-safe. */
size_t sl_names_block(const char *k, char *out, size_t cap);

/* The family name of key k (made by sl_names_key), the word that every
 * link of a name must agree on: its last word that is neither an initial
 * (Путин В. В., Putin V.), nor a generic word (Volga River, Republic of
 * Korea), nor a particle; the last word when every word is one.  Sets
 * *len to its length in k (alternative readings included) and returns a
 * pointer into k, or NULL with *len 0 for an empty key.  Pure function:
 * thread-safe. */
const char *sl_names_family(const char *k, size_t *len);

/* The tool's threshold: score >= SL_NAMES_SAME means the same name. */
extern const double SL_NAMES_SAME;

#endif
