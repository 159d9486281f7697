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
 *
 * Candidate search is bounded by a time window: only events within a
 * month of the report's day are scored, and events that took no report
 * for a month of publication days are closed and drop their evidence, so
 * memory and work per document stay flat in a long ingest.
 */
#ifndef SL_CLUSTER_H
#define SL_CLUSTER_H

#include "cluster/features.h"

#define SL_EVENT_CORE 6        /* entities that make an event's core */
#define SL_EVENT_FEATURES 512  /* strongest features an event keeps */

typedef struct sl_event_rec {
  int64_t id;        /* store id; 0 until stored */
  sl_featvec sum;    /* summed evidence of its reports, at most
                      * SL_EVENT_FEATURES of the strongest (see cluster.c) */
  uint64_t core[SL_EVENT_CORE]; /* its most-named entities, kept with sum */
  size_t ncore;
  long story;        /* index of its story */
  int dirty;
  int closed;        /* out of the time window: sum freed, never a candidate */
  size_t last_doc;   /* document count when it last took a report */
  int32_t last_day;  /* the clock then (SL_NO_DAY: unknown) */
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

/* Moves the clock on to day (a report's publication day, days since
 * 1970-01-01) when it is later than the clock and not in the future;
 * events close by it (see cluster.c, WINDOW_DAYS). */
void sl_cluster_set_clock(sl_cluster *c, int32_t day);

/* Marks story idx as changed (its row must be rewritten); the ids come
 * back from sl_cluster_take_dirty_stories, so no caller scans all. */
void sl_cluster_mark_story(sl_cluster *c, long idx);
/* Up to cap indexes of stories marked dirty (each once); 0 when none. */
size_t sl_cluster_take_dirty_stories(sl_cluster *c, size_t *out, size_t cap);
/* Up to cap store ids of events closed since the last call: their
 * evidence is no longer needed (see cluster.c, WINDOW_DAYS). */
size_t sl_cluster_take_closed(sl_cluster *c, int64_t *out, size_t cap);

/* Candidate events examined by the last sl_cluster_add (for benchmarks). */
size_t sl_cluster_last_candidates(const sl_cluster *c);

#endif
