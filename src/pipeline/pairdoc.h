/*
 * pairdoc — one text through the front of the data flow without a store:
 * analyse (clean, language, tokens, dates, numbers), find mentions, link
 * them with an in-memory linker, and build the evidence vector the event
 * clusterer would see.  `storyline similarity` scores article pairs with
 * it; because the linker lives as long as the handle, names link across
 * all the texts of one run and across scripts, as they do in ingest.
 * Entity ids in the vectors are linker index + 1.
 */
#ifndef SL_PAIRDOC_H
#define SL_PAIRDOC_H

#include "analyze/analyze.h"
#include "cluster/features.h"
#include "cluster/labels.h"
#include "link/linker.h"

typedef struct sl_pairdoc sl_pairdoc;

/* New handle (analyzer + empty linker).  Not thread-safe: one per thread.
 * Free with sl_pairdoc_free. */
sl_rc sl_pairdoc_new(sl_pairdoc **out);
void sl_pairdoc_free(sl_pairdoc *pd);

/* One text to evaluate.  Strings are UTF-8 (valid: the caller checked
 * them at its boundary); lang, title and published may be NULL. */
typedef struct sl_pairdoc_text {
  const char *id;
  const char *lang;      /* ISO 639-1 code, else detected */
  const char *title;     /* NULL: the text has no separate title */
  const char *published; /* ISO 8601, anchors relative dates */
  const char *z;
  size_t n;
} sl_pairdoc_text;

/* Analyses and links t and writes its finished evidence vector into out
 * (initialised by the caller, contents replaced).  lang (may be NULL,
 * >= 8 bytes) receives the language used.  SL_EEMPTY when no text
 * remains; *why (may be NULL) then names the problem. */
sl_rc sl_pairdoc_vector(sl_pairdoc *pd, const sl_pairdoc_text *t, sl_featvec *out, char *lang,
                        const char **why);

/* sl_pairdoc_vector that also records the words behind the vector's
 * features in labels (cleared first by the caller; see labels.h). */
sl_rc sl_pairdoc_vector_labeled(sl_pairdoc *pd, const sl_pairdoc_text *t, sl_featvec *out,
                                char *lang, const char **why, sl_labels *labels);

/* Name of the entity behind a person, place or organisation feature of a
 * vector from this handle, or NULL.  Valid until the handle reads another
 * text (a name may give way to a better spelling). */
const char *sl_pairdoc_entity_name(sl_pairdoc *pd, uint64_t feat);

/* What sl_pairdoc_pair writes: both vectors (initialised by the caller,
 * contents replaced), the languages used (>= 8 bytes each, may be NULL),
 * and, when labels1 is not NULL, the words behind text1's features
 * (cleared first by the caller). */
typedef struct sl_pairdoc_pair_out {
  sl_featvec *v1, *v2;
  char *lang1, *lang2;
  sl_labels *labels1;
} sl_pairdoc_pair_out;

/* The vectors of a pair of texts, read as two sl_pairdoc_vector calls
 * would, except that when text2 teaches the linker new names, text1's
 * mentions are found and linked again: a name text2 introduced counts in
 * text1 as well, as it would in a store that already knew it. */
sl_rc sl_pairdoc_pair(sl_pairdoc *pd, const sl_pairdoc_text *t1, const sl_pairdoc_text *t2,
                      sl_pairdoc_pair_out *o, const char **why);

/* Mentions of a, found with the linker's help and linked: the step between
 * sl_analyze and sl_evidence_build that ingest takes as well.  When the
 * first pass creates entities and passes is 2, a second pass runs, to find
 * the short forms ("بوتين") of the names the document itself introduced:
 * ingest stores them; a pair's score does not need them (sl_pairdoc_pair
 * reads text1 again after text2 instead; on the dev pairs the second pass
 * changed no cross-validated figure and cost 4% of a run). */
sl_rc sl_pipeline_link(sl_analyzer *az, sl_linker *lk, sl_analysis *a, int passes);

#endif
