/*
 * decline — the nominative a declined name may stand for.  Polish news
 * declines names: "Andrzeja Dudy", "Jackiem Kurskim", "z Donaldem
 * Trumpem".  The linker, failing to find such a name, tries the guess
 * (one per name: each word's most specific ending rule) against the
 * entities it knows, and remembers it beside a new entity, so that the
 * same person in another case is one entity.  A guess may be wrong
 * ("Duda" itself gives "Dud"): it is only ever looked up, never shown.
 */
#ifndef SL_DECLINE_H
#define SL_DECLINE_H

#include <stddef.h>

/* The nominative guess for the lower-case, space-separated name z[0..n)
 * of language lang into out (cap bytes, NUL-terminated); returns its
 * length, 0 when lang declines no names here or no word changes. */
size_t sl_decline_guess(const char *lang, const char *z, size_t n, char *out, size_t cap);

#endif
