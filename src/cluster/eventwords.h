/*
 * eventwords — a multilingual lexicon of event words (visit, talks,
 * phone call, attack, earthquake, election, summit, sanctions, ...) and of
 * news topics (epidemic, vaccine, courts, markets, schools, weather, ...):
 * each word of each supported language maps to one language-independent
 * concept, so reports in different languages can share "what happened"
 * and what it was about.
 */
#ifndef SL_EVENTWORDS_H
#define SL_EVENTWORDS_H

#include "storyline/storyline.h"

/* Concept id (> 0) of the token with normalised form norm and stem stem
 * in language lang, or 0 when it is not an event word.  Thread-safe. */
uint32_t sl_eventword(const char *lang, const char *norm, size_t nnorm, const char *stem,
                      size_t nstem);

/* sl_eventword for a caller that has hashed the stem's key already:
 * hstem is sl_hash64 of "lang:stem" (the word's SL_F_TERM feature). */
uint32_t sl_eventword_hashed(const char *lang, const char *norm, size_t nnorm, const char *stem,
                             size_t nstem, uint64_t hstem);

/* 1 when concept names a topic a report is about (epidemic, economy,
 * schools, weather, ...) rather than something that happened (talks, a
 * visit, an attack, an election). */
int sl_eventword_is_topic(uint32_t concept);

#endif
