/*
 * ingest_jobs — ingest on several threads (see ingest_int.h).
 *
 * The calling thread reads and numbers documents into a ring; `jobs`
 * workers, each with its own analyzer (tokenizer, language detector: ICU
 * and libexttextcat objects opened once per thread), run the per-document
 * analysis, which depends on nothing but the document; one writer thread
 * takes the analysed documents strictly in input order through linking,
 * clustering and the store, which depend on every document before.  So
 * the store is the one a single job builds.
 */
#include <stdlib.h>
#include <string.h>

#include "pipeline/ingest_int.h"
#include "read/read.h"

#define RING_PER_JOB 16

typedef struct slot {
  sl_doc *doc;
  sl_analysis a;
  sl_rc rc;
  const char *why;
  int analysed;
} slot;

typedef struct pool {
  sl_ingest *in;
  slot *ring;
  size_t cap;
  size_t nread, nclaimed, nwritten; /* documents read / taken by a worker / written */
  int eof;
  sl_rc stop;                       /* the writer's reason to stop, else SL_OK */
  pthread_mutex_t m;
  pthread_cond_t space, work, done;
  sl_analyzer **az;
  sl_stage_times *times;
} pool;

typedef struct worker_arg {
  pool *p;
  size_t k;
} worker_arg;

static void *worker(void *arg) {
  worker_arg *w = arg;
  pool *p = w->p;
  sl_analyzer *az = p->az[w->k];
  sl_analyzer_set_times(az, &p->times[w->k]);
  pthread_mutex_lock(&p->m);
  for (;;) {
    while (p->nclaimed == p->nread && !p->eof)
      pthread_cond_wait(&p->work, &p->m);
    if (p->nclaimed == p->nread)
      break;
    slot *s = &p->ring[p->nclaimed++ % p->cap];
    pthread_mutex_unlock(&p->m);
    s->why = NULL;
    s->rc = sl_analyze(az, s->doc, &s->a, &s->why);
    pthread_mutex_lock(&p->m);
    s->analysed = 1;
    pthread_cond_broadcast(&p->done);
  }
  pthread_mutex_unlock(&p->m);
  return NULL;
}

static void *writer(void *arg) {
  pool *p = arg;
  pthread_mutex_lock(&p->m);
  for (;;) {
    slot *s = &p->ring[p->nwritten % p->cap];
    while (!(p->nwritten < p->nread && s->analysed) && !(p->eof && p->nwritten == p->nread))
      pthread_cond_wait(&p->done, &p->m);
    if (p->nwritten == p->nread)
      break;
    pthread_mutex_unlock(&p->m);
    sl_rc rc = p->stop == SL_OK ? sl_ingest_write(p->in, &s->a, s->rc, s->why, s->doc) : SL_OK;
    sl_analysis_clear(&s->a);
    sl_doc_free(s->doc);
    pthread_mutex_lock(&p->m);
    if (rc != SL_OK && p->stop == SL_OK)
      p->stop = rc;
    s->doc = NULL;
    s->analysed = 0;
    p->nwritten++;
    pthread_cond_signal(&p->space);
  }
  pthread_mutex_unlock(&p->m);
  return NULL;
}

static sl_rc on_doc(void *ctx, sl_doc *doc) {
  pool *p = ctx;
  sl_ingest *in = p->in;
  sl_stage_lap(&in->times, SL_STAGE_READ, &in->read_mark);
  pthread_mutex_lock(&in->lock);
  in->st.read++;
  in->st.bytes += doc->nbody;
  pthread_mutex_unlock(&in->lock);
  pthread_mutex_lock(&p->m);
  while (p->nread - p->nwritten >= p->cap && p->stop == SL_OK)
    pthread_cond_wait(&p->space, &p->m);
  sl_rc stop = p->stop;
  if (stop == SL_OK) {
    slot *s = &p->ring[p->nread++ % p->cap];
    s->doc = doc;
    s->analysed = 0;
    pthread_cond_signal(&p->work);
  }
  pthread_mutex_unlock(&p->m);
  if (stop != SL_OK)
    sl_doc_free(doc);
  in->read_mark = sl_thread_cpu();
  return stop;
}

sl_rc sl_ingest_path_jobs(sl_ingest *in, const char *path) {
  pool p;
  sl_rc rc = SL_OK;
  size_t nj = (size_t)in->jobs, started = 0;
  int writer_up = 0;
  pthread_t *tid = calloc(nj, sizeof *tid), wtid;
  worker_arg *args = calloc(nj, sizeof *args);
  memset(&p, 0, sizeof p);
  p.in = in;
  p.cap = nj * RING_PER_JOB;
  p.ring = calloc(p.cap, sizeof *p.ring);
  p.az = calloc(nj, sizeof *p.az);
  p.times = calloc(nj, sizeof *p.times);
  pthread_mutex_init(&p.m, NULL);
  pthread_cond_init(&p.space, NULL);
  pthread_cond_init(&p.work, NULL);
  pthread_cond_init(&p.done, NULL);
  if (!tid || !args || !p.ring || !p.az || !p.times) {
    rc = SL_ENOMEM;
    goto out;
  }
  for (size_t k = 0; k < nj; k++)
    if ((rc = sl_analyzer_new(&p.az[k])) != SL_OK)
      goto out;
  if (pthread_create(&wtid, NULL, writer, &p) != 0) {
    rc = SL_ENOMEM;
    goto out;
  }
  writer_up = 1;
  for (; started < nj; started++) {
    args[started] = (worker_arg){&p, started};
    if (pthread_create(&tid[started], NULL, worker, &args[started]) != 0)
      break;
  }
  if (!started) {
    rc = SL_ENOMEM;
    goto out;
  }
  sl_read_stats rs;
  in->read_mark = sl_thread_cpu();
  rc = sl_read_path(path, on_doc, sl_ingest_on_read_error, &p, &rs);
  sl_stage_lap(&in->times, SL_STAGE_READ, &in->read_mark);
out:
  pthread_mutex_lock(&p.m);
  p.eof = 1;
  pthread_cond_broadcast(&p.work);
  pthread_cond_broadcast(&p.done);
  pthread_mutex_unlock(&p.m);
  for (size_t k = 0; k < started; k++)
    pthread_join(tid[k], NULL);
  if (writer_up)
    pthread_join(wtid, NULL);
  if (rc == SL_OK)
    rc = p.stop;
  for (size_t k = 0; p.az && k < nj; k++) {
    sl_analyzer_free(p.az[k]);
    for (int s = 0; s < SL_STAGE_N; s++)
      in->times.sec[s] += p.times[k].sec[s];
  }
  for (size_t i = 0; p.ring && i < p.cap; i++) {
    sl_analysis_clear(&p.ring[i].a);
    sl_doc_free(p.ring[i].doc);
  }
  pthread_cond_destroy(&p.space);
  pthread_cond_destroy(&p.work);
  pthread_cond_destroy(&p.done);
  pthread_mutex_destroy(&p.m);
  free(p.ring);
  free(p.az);
  free(p.times);
  free(tid);
  free(args);
  return rc;
}
