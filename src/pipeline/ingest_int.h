/*
 * ingest_int — the ingest handle's insides, shared by ingest.c (the
 * writer: link, cluster, store in input order) and ingest_jobs.c (reader,
 * analysis workers and writer on their own threads).  Not installed.
 */
#ifndef SL_INGEST_INT_H
#define SL_INGEST_INT_H

#include <pthread.h>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "link/linker.h"
#include "store/store.h"
#include "util/cputime.h"

struct sl_ingest {
  sl_store *store;
  sl_analyzer *az;        /* the writer's (and with one job, the only one) */
  sl_linker *lk;
  sl_cluster *cl;
  sl_ingest_stats st;     /* guarded by lock where reader and writer meet */
  sl_ingest_report_fn report;
  void *report_ctx;
  sl_ingest_stored_fn stored_fn;
  void *stored_ctx;
  pthread_mutex_t lock;   /* reports and shared stats */
  sl_featvec vec;
  int jobs;
  int in_txn;             /* a batch transaction is open */
  size_t batch_docs;      /* documents per transaction at most */
  double batch_opened;    /* wall clock when the open batch began */
  char **pending;         /* "id\0source\0" of the open batch's documents */
  size_t npending, cappending;
  sl_stage_times times;   /* the calling / writer thread's stage CPU */
  double read_mark;
  int broken;             /* the in-memory mirror could not be rebuilt: stop */
};

/* Links, clusters and stores one analysed document; arc/why are
 * sl_analyze's result.  Writer thread only.  Not SL_OK: stop ingesting. */
sl_rc sl_ingest_write(sl_ingest *in, sl_analysis *a, sl_rc arc, const char *why, const sl_doc *doc);
/* Commits the open batch (see ingest.c). */
sl_rc sl_ingest_flush(sl_ingest *in);
/* sl_read_error_fn for the reader. */
void sl_ingest_on_read_error(void *ctx, const char *where, sl_rc rc, const char *what);
void sl_ingest_report(sl_ingest *in, const char *where, sl_rc rc, const char *what);
/* sl_ingest_path with in->jobs analysis threads (ingest_jobs.c). */
sl_rc sl_ingest_path_jobs(sl_ingest *in, const char *path);

#endif
