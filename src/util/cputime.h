/*
 * cputime — CPU seconds per pipeline stage, for `ingest --stats` and the
 * scale benchmark.  Each thread adds to its own sl_stage_times (no locks);
 * the ingest sums them at the end.  The clock is the calling thread's CPU
 * time, so a loaded machine does not inflate the figures.
 */
#ifndef SL_CPUTIME_H
#define SL_CPUTIME_H

#include <time.h>

typedef enum sl_stage {
  SL_STAGE_READ, SL_STAGE_CLEAN, SL_STAGE_LANG, SL_STAGE_NORMALIZE, SL_STAGE_DATES,
  SL_STAGE_MENTIONS, SL_STAGE_LINK, SL_STAGE_CLUSTER, SL_STAGE_STORE, SL_STAGE_N
} sl_stage;

typedef struct sl_stage_times {
  double sec[SL_STAGE_N];
} sl_stage_times;

/* Stage names as `ingest --stats` prints them. */
extern const char *const SL_STAGE_NAMES[SL_STAGE_N];

/* CPU seconds the calling thread has used. */
static inline double sl_thread_cpu(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds on a monotonic wall clock (progress lines, batch age). */
static inline double sl_wall_seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Adds the time since *mark to stage s of t (t may be NULL) and moves
 * *mark to now. */
static inline void sl_stage_lap(sl_stage_times *t, sl_stage s, double *mark) {
  double now = sl_thread_cpu();
  if (t)
    t->sec[s] += now - *mark;
  *mark = now;
}

#endif
