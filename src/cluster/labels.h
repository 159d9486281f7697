/*
 * labels — what a document's evidence features say in words, for showing
 * why two reports scored as they did: a linked entity's name, a number
 * with its unit, the word behind an event word, topic or word stem.
 * Features are hashed (features.h), so the words are kept beside them,
 * only when a caller asks (`storyline similarity --explain`).
 */
#ifndef SL_LABELS_H
#define SL_LABELS_H

#include <stddef.h>
#include <stdint.h>

#include "storyline/storyline.h"

#define SL_LABEL_MAX 64      /* bytes kept of one label (cut at a character) */
#define SL_LABELS_MAX 8192   /* labels kept per document; later ones are dropped */

typedef struct sl_label {
  uint64_t feat;
  uint32_t off; /* of the NUL-terminated label in sl_labels.buf */
  uint32_t seq; /* order of arrival: the first label of a feature wins */
} sl_label;

typedef struct sl_labels {
  sl_label *v; /* sorted by feature after sl_labels_finish */
  char *buf;
  size_t n, cap, nbuf, capbuf;
} sl_labels;

void sl_labels_init(sl_labels *l);
void sl_labels_free(sl_labels *l);
void sl_labels_clear(sl_labels *l);

/* Records z[0..n) as the label of feature feat; a feature keeps its first
 * label.  SL_ENOMEM only; past SL_LABELS_MAX labels are ignored. */
sl_rc sl_labels_add(sl_labels *l, uint64_t feat, const char *z, size_t n);

/* Sorts the labels by feature (first label of each wins); call once
 * after the last sl_labels_add and before sl_labels_get. */
void sl_labels_finish(sl_labels *l);

/* The label of feat, or NULL. */
const char *sl_labels_get(const sl_labels *l, uint64_t feat);

#endif
