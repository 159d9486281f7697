/*
 * similarity — the one judgement "do these two reports (or a report and
 * an event) describe the same happening?", used by the event clusterer
 * and by `storyline similarity`.  Built from language-independent evidence
 * (linked persons, places, organisations, the day, numbers, event words,
 * news topics, shared surface tokens such as names written alike) plus
 * within-language word overlap, each weighted by how rare the feature is
 * when document frequencies are known, and combined by weights fitted on
 * human-labelled multilingual news pairs (similarity_weights.c, generated
 * by tools/fit_similarity.py).
 */
#ifndef SL_SIMILARITY_H
#define SL_SIMILARITY_H

#include "cluster/features.h"

/* Bits of sl_sim_parts.both: what both reports name.  Persons (or
 * numbers, ...) that both name but do not share count against the pair:
 * two reports naming different towns are less likely one happening than
 * two that name none. */
enum {
  SL_SIM_BOTH_PERSONS = 1u << 0,
  SL_SIM_BOTH_PLACES = 1u << 1,
  SL_SIM_BOTH_ORGS = 1u << 2,
  SL_SIM_BOTH_NUMBERS = 1u << 3,
  SL_SIM_BOTH_EVENTWORDS = 1u << 4,
  SL_SIM_BOTH_TOPICS = 1u << 5,
  SL_SIM_BOTH_TRANSLATED = 1u << 6 /* words the dictionaries translate */
};

typedef struct sl_sim_parts {
  double persons, places, orgs; /* weighted overlap of linked entities, [0,1] */
  double dates;                 /* 1 same day .. 0 far apart; -1 unknown */
  double numbers;               /* overlap of numbers and quantities */
  double eventwords;            /* overlap of multilingual event words */
  double topics;                /* overlap of multilingual news topics */
  double words;                 /* cosine of word stems (same language) */
  double tokens;                /* cosine of surface tokens, any language */
  double caps;                  /* ... of capitalised words (names) only */
  double lead;                  /* ... of the title and lead only */
  double translated;            /* cosine of English stems, words translated (translate.h) */
  double translated_lead;       /* ... of the title and lead only */
  int same_lang;                /* 1 when both sides share a language */
  int same_script;              /* 1 when both sides share a script */
  int caps_both;                /* 1 when both sides have capitalised words */
  unsigned both;                /* SL_SIM_BOTH_* kinds both sides name, shared or not */
  double score;                 /* the combined score in [0,1] */
} sl_sim_parts;

/* Document frequencies of features: how many documents carry each one.
 * Rare features weigh more (IDF).  Not thread-safe while being added to;
 * read-only use from many threads is safe. */
typedef struct sl_df sl_df;

/* New empty table; free with sl_df_free (NULL ok). */
sl_rc sl_df_new(sl_df **out);
void sl_df_free(sl_df *df);
/* Counts one document's features (a finished vector). */
sl_rc sl_df_add(sl_df *df, const sl_featvec *v);
/* Documents counted so far. */
size_t sl_df_ndocs(const sl_df *df);
/* Documents counted with feature id (0 when none). */
uint32_t sl_df_count(const sl_df *df, uint64_t id);

/* Score in [0,1] that a and b report the same happening; parts (may be
 * NULL) receives the evidence behind it.  df (may be NULL: every feature
 * then weighs the same) supplies the IDF weights.  Thread-safe. */
double sl_similarity_df(const sl_featvec *a, const sl_featvec *b, const sl_df *df,
                        sl_sim_parts *parts);

/* The weight sl_similarity_df gives each of a's features under df, into
 * w[0..a->n); sl_similarity_dfw then scores a against many b without
 * computing them again (the clusterer: one document, many events).  The
 * score is the same number as sl_similarity_df's. */
void sl_similarity_weights(const sl_featvec *a, const sl_df *df, double *w);
double sl_similarity_dfw(const sl_featvec *a, const double *wa, const sl_featvec *b,
                         const sl_df *df, sl_sim_parts *parts);

/* sl_similarity_df without document frequencies. */
double sl_similarity(const sl_featvec *a, const sl_featvec *b, sl_sim_parts *parts);

/* The same-event threshold: `storyline similarity` reports same_event = 1
 * and the clusterer lets a document join an event when the score reaches
 * it.  Chosen by tools/fit_similarity.py on the labelled pairs (precision
 * of "same event" first, then recall): the lowest score with precision
 * 0.88 on the pairs of the fit, which cross-validation puts near 0.85 on
 * unseen ones. */
extern const double SL_SAME_EVENT;
/* The clusterer's threshold when either side has no known day: without
 * dates nothing rules out another occasion of the same people meeting. */
extern const double SL_SAME_EVENT_UNDATED;

#endif
