/*
 * evidence — turns an analysed, linked document into its evidence vector
 * (features.h): linked entities by type, the happening's day, numbers,
 * event words and word stems.  Shared by ingest and `storyline similarity`
 * so the clusterer and the similarity tool judge the same evidence.
 */
#ifndef SL_EVIDENCE_H
#define SL_EVIDENCE_H

#include "analyze/analyze.h"
#include "cluster/features.h"
#include "cluster/labels.h"

/* Builds the finished vector of a.  ids[i] is the stable id of the entity
 * linked to mention i (0 when none), types[i] its type.  out must be
 * initialised; its old contents are replaced. */
sl_rc sl_evidence_build(const sl_analysis *a, const int64_t *ids, const sl_ent_type *types,
                        sl_featvec *out);

/* sl_evidence_build that also records in labels (may be NULL) the words
 * behind the number, event-word, topic and word-stem features; entity
 * features carry the entity's id, whose name the linker knows. */
sl_rc sl_evidence_build_labeled(const sl_analysis *a, const int64_t *ids, const sl_ent_type *types,
                                sl_featvec *out, sl_labels *labels);

#endif
