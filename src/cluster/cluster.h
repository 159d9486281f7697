/*
 * cluster — incremental event clustering and story threading (stages 8
 * and 9 of the data flow).
 *
 * An event is the sum of its reports' evidence vectors.  A new document is
 * compared, through sl_similarity_df (with the document frequencies of all
 * it has seen, so rare words weigh more), only with the events that share one of
 * its linked entities, numbers or event words (an inverted index), so the
 * cost of adding a document stays flat as the store grows.  It joins the
 * best event at or above SL_SAME_EVENT, else opens a new one.  Stories are
 * events that continue each other: their core participants (the entities
 * each event names most) overlap; an event joins the story whose core it
 * shares most: two or more shared core entities and a person in common.
 */
#ifndef SL_CLUSTER_H
#define SL_CLUSTER_H

#include "cluster/features.h"

typedef struct sl_event_rec {
  int64_t id;        /* store id; 0 until stored */
  sl_featvec sum;    /* summed evidence of its reports */
  long story;        /* index of its story */
  int dirty;
} sl_event_rec;

typedef struct sl_story_rec {
  int64_t id;        /* store id; 0 until stored */
  size_t nevents;
  int dirty;
} sl_story_rec;

typedef struct sl_cluster sl_cluster;

sl_rc sl_cluster_new(sl_cluster **out);
void sl_cluster_free(sl_cluster *c);

/* Load path: an event with its summed vector (copied) and its story's
 * store id (0 for none).  *idx receives the event index. */
sl_rc sl_cluster_load_event(sl_cluster *c, int64_t id, const sl_featvec *sum, int64_t story_id,
                            size_t *idx);

/* Finds the event doc belongs to and adds it there (or to a new event),
 * then threads that event into a story.  *ev receives the event index,
 * *score the similarity to the event joined (0 for a new event).  doc
 * must be finished (sl_featvec_finish). */
sl_rc sl_cluster_add(sl_cluster *c, const sl_featvec *doc, size_t *ev, double *score);

size_t sl_cluster_nevents(const sl_cluster *c);
sl_event_rec *sl_cluster_event(sl_cluster *c, size_t idx);
size_t sl_cluster_nstories(const sl_cluster *c);
sl_story_rec *sl_cluster_story(sl_cluster *c, size_t idx);

/* Candidate events examined by the last sl_cluster_add (for benchmarks). */
size_t sl_cluster_last_candidates(const sl_cluster *c);

#endif
