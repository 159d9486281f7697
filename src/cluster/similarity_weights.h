/*
 * similarity_weights — the fitted combination of the similarity parts.
 * The values live in similarity_weights.c, generated from the labelled
 * dev pairs by tools/fit_similarity.py (see that script for the command);
 * this header is written by hand and fixes the design the fit assumes.
 */
#ifndef SL_SIMILARITY_WEIGHTS_H
#define SL_SIMILARITY_WEIGHTS_H

#include "cluster/similarity.h"

/* Columns of the design: bias; persons, places, orgs, numbers,
 * eventwords; for each of words, tokens, caps and lead the value, three
 * ramps min(v, k) / k (k = 0.1, 0.2, 0.4) and three hinges max(0, v - k)
 * (k = 0.3, 0.5, 0.7); eventwords * max(persons, places) (what happened,
 * to whom or where); persons * places; sqrt of persons, places, numbers;
 * topics, sqrt(topics); for persons, places, orgs, numbers, eventwords
 * topics and translated words, -(1 - part) when both sides have some
 * (what they name apart; translated: words of the two that the
 * dictionaries know, yet do not meet), else 0; the same for the
 * translated words of the title and lead.
 * Every column grows with its parts and every weight but the bias is
 * >= 0, so more shared evidence never lowers the score; what both name
 * but do not share lowers it.  Days are not in
 * the design: the dev pairs rarely know them; they act by rule.
 * tools/fit_similarity.py mirrors it. */
#define SL_SIM_NX 49

/* Highest score two reports may get when both days are known and more
 * than a month apart. */
#define SL_SIM_FAR_CAP 0.25

/* The design row x[SL_SIM_NX] of parts p. */
void sl_sim_design(const sl_sim_parts *p, double *x);

/* Weights for pairs in one language, pairs across languages in one
 * script, pairs across scripts (words, tokens, caps and lead weigh 0),
 * and pairs across scripts where both sides have capitalised words. */
extern const double SL_SIM_W_SAME[SL_SIM_NX];
extern const double SL_SIM_W_CROSS[SL_SIM_NX];
extern const double SL_SIM_W_SCRIPT[SL_SIM_NX];
extern const double SL_SIM_W_SCRIPT_CAPS[SL_SIM_NX];

/* Per language pair (either order), the line a + b * score that the
 * weighted score goes through before the cap of days far apart: one set
 * of weights serves every language, not equally well, and one same-event
 * threshold needs scores that mean the same in each.  Pairs of languages
 * not listed keep the score.  Ends with a NULL lang_a. */
typedef struct sl_sim_calib {
  const char *lang_a, *lang_b;
  double a, b;
} sl_sim_calib;
extern const sl_sim_calib SL_SIM_CALIB[];

#endif
