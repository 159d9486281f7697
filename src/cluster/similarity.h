/*
 * similarity — the one judgement "do these two reports (or a report and
 * an event) describe the same happening?", used by the event clusterer
 * and by `storyline similarity`.  Built from language-independent evidence
 * (linked persons, places, organisations, the day, numbers, event words)
 * plus within-language word overlap.
 */
#ifndef SL_SIMILARITY_H
#define SL_SIMILARITY_H

#include "cluster/features.h"

typedef struct sl_sim_parts {
  double persons, places, orgs; /* weighted overlap of linked entities, [0,1] */
  double dates;                 /* 1 same day .. 0 far apart; -1 unknown */
  double numbers;               /* overlap of numbers and quantities */
  double eventwords;            /* overlap of multilingual event words */
  double words;                 /* cosine of word stems (same language) */
  double chars;                 /* overlap of Latin-transliterated name-like tokens */
  double score;                 /* the combined score in [0,1] */
} sl_sim_parts;

/* Score in [0,1] that a and b report the same happening; parts (may be
 * NULL) receives the evidence behind it.  Thread-safe. */
double sl_similarity(const sl_featvec *a, const sl_featvec *b, sl_sim_parts *parts);

/* The clusterer's threshold: a document joins an event when the score
 * reaches it. */
extern const double SL_SAME_EVENT;
/* ... and this one when either side has no known day. */
extern const double SL_SAME_EVENT_UNDATED;

#endif
