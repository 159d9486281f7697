/*
 * ingest — drives documents through the whole data flow: read, analyse
 * (clean, language, tokens, dates, numbers), mentions, linking, evidence,
 * clustering into events and stories, and the store.
 *
 * Documents are written in batches of BATCH_DOCS per transaction (or what
 * arrived within BATCH_SECONDS), each
 * inside its own savepoint: a document that fails is undone alone, and a
 * document counts as stored (the on_stored callback) only once its
 * batch's COMMIT succeeded.
 *
 * With jobs > 1 (ingest_jobs.c) the per-document analysis runs on worker
 * threads while one writer takes the documents in input order through
 * linking, clustering and the store, so the store is the same as with one
 * job.
 *
 * The linker and the clusterer are in-memory mirrors of the store.  When a
 * document fails they may hold changes the store rolled back, so they are
 * rebuilt from the store (inside the open batch) before the next document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "cluster/cluster.h"
#include "cluster/evidence.h"
#include "link/linker.h"
#include "pipeline/pairdoc.h"
#include "read/read.h"
#include "store/store.h"
#include "pipeline/ingest_int.h"
#include "util/grow.h"
#include "util/strmap.h"

#define MAX_FACT_SENTENCE 400
#define BATCH_DOCS 500     /* documents per transaction by default */
#define BATCH_SECONDS 1.0  /* a batch open longer is committed: readers and
                            * --verbose see a slow stream without waiting */

static sl_rc reload(sl_ingest *in) {
  sl_linker_free(in->lk);
  sl_cluster_free(in->cl);
  in->lk = NULL;
  in->cl = NULL;
  sl_rc rc = sl_linker_new(&in->lk);
  if (rc == SL_OK)
    rc = sl_cluster_new(&in->cl);
  if (rc == SL_OK)
    rc = sl_store_load(in->store, in->lk, in->cl);
  return rc;
}

sl_rc sl_ingest_open(const char *db_path, sl_ingest **out, char *err, size_t nerr) {
  sl_ingest *in = calloc(1, sizeof *in);
  sl_rc rc;
  *out = NULL;
  if (!in)
    return SL_ENOMEM;
  in->jobs = 1;
  in->batch_docs = BATCH_DOCS;
  pthread_mutex_init(&in->lock, NULL);
  sl_featvec_init(&in->vec);
  if ((rc = sl_store_open(db_path, &in->store, err, nerr)) != SL_OK)
    goto fail;
  if ((rc = sl_analyzer_new(&in->az)) != SL_OK || (rc = reload(in)) != SL_OK) {
    if (err)
      snprintf(err, nerr, "cannot load store %s: %s", db_path, sl_strerror(rc));
    goto fail;
  }
  *out = in;
  return SL_OK;
fail:
  sl_ingest_close(in);
  return rc;
}

void sl_ingest_close(sl_ingest *in) {
  if (!in)
    return;
  if (in->store && in->in_txn)
    sl_ingest_flush(in);
  sl_store_close(in->store);
  sl_analyzer_free(in->az);
  sl_linker_free(in->lk);
  sl_cluster_free(in->cl);
  sl_featvec_free(&in->vec);
  for (size_t i = 0; i < in->npending; i++)
    free(in->pending[i]);
  free(in->pending);
  pthread_mutex_destroy(&in->lock);
  free(in);
}

void sl_ingest_get_stats(const sl_ingest *in, sl_ingest_stats *out) { *out = in->st; }

void sl_ingest_on_stored(sl_ingest *in, sl_ingest_stored_fn fn, void *ctx) {
  in->stored_fn = fn;
  in->stored_ctx = ctx;
}

void sl_ingest_set_jobs(sl_ingest *in, int jobs) { in->jobs = jobs < 1 ? 1 : jobs > 64 ? 64 : jobs; }

void sl_ingest_set_batch(sl_ingest *in, size_t docs) { in->batch_docs = docs < 1 ? 1 : docs; }


size_t sl_ingest_stage_count(void) { return SL_STAGE_N; }
const char *sl_ingest_stage_name(size_t i) { return i < SL_STAGE_N ? SL_STAGE_NAMES[i] : NULL; }
double sl_ingest_stage_seconds(const sl_ingest *in, size_t i) {
  return i < SL_STAGE_N ? in->times.sec[i] : 0;
}

/* Reports come from the reader and the writer: one at a time. */
void sl_ingest_report(sl_ingest *in, const char *where, sl_rc rc, const char *what) {
  pthread_mutex_lock(&in->lock);
  if (rc != SL_OK && rc != SL_EDUP && !what)
    what = sl_strerror(rc);
  if (in->report)
    in->report(in->report_ctx, where, rc, what);
  pthread_mutex_unlock(&in->lock);
}

static void report(sl_ingest *in, const char *where, sl_rc rc, const char *what) {
  sl_ingest_report(in, where, rc, what);
}

/* The sentence around byte offset [s, e) of text, for a fact. */
static void sentence_around(const char *z, size_t n, uint32_t s, uint32_t e, size_t *a, size_t *b) {
  size_t i = s, j = e;
  while (i > 0 && s - i < MAX_FACT_SENTENCE / 2 && z[i - 1] != '\n' &&
         !(z[i - 1] == '.' && i < n && z[i] == ' '))
    i--;
  while (j < n && j - e < MAX_FACT_SENTENCE / 2 && z[j] != '\n' && !(z[j] == '.' && (j + 1 >= n || z[j + 1] == ' ')))
    j++;
  if (j < n && z[j] == '.')
    j++;
  while (i < j && ((unsigned char)z[i] & 0xC0) == 0x80)
    i++; /* never start inside a code point */
  while (j > i && j < n && ((unsigned char)z[j] & 0xC0) == 0x80)
    j--;
  *a = i;
  *b = j;
}

static char *normalized(const char *z) {
  char *out = NULL;
  size_t n;
  if (sl_normalize(z, strlen(z), &out, &n) != SL_OK)
    return NULL;
  return out;
}

/* Drops a code point that snprintf cut short at the end of z. */
static void cut_utf8(char *z) {
  size_t n = strlen(z), i = n;
  while (i > 0 && ((unsigned char)z[i - 1] & 0xC0) == 0x80)
    i--;
  if (i > 0 && (unsigned char)z[i - 1] >= 0xC0) {
    unsigned char c = (unsigned char)z[i - 1];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (n - (i - 1) < len)
      z[i - 1] = 0;
  }
}

/* A story's title: the two people its first event turns on and its main
 * place ("Vladimir Putin · al-Sharaa · Syria"); the report's title when
 * the event names no one twice. */
static void story_title(sl_ingest *in, const sl_featvec *v, const char *fallback, char *out,
                        size_t cap) {
  int64_t pick[3] = {0, 0, 0}; /* person, person, place */
  float best[3] = {1.5f, 1.5f, 1.5f}; /* a name said once does not define a story */
  size_t o = 0;
  for (size_t i = 0; i < v->n; i++) {
    sl_feat_kind k = sl_feat_kind_of(v->v[i].id);
    int64_t id = sl_feat_entity_of(v->v[i].id);
    float w = v->v[i].w;
    if (k == SL_F_PLACE && w > best[2]) {
      best[2] = w;
      pick[2] = id;
    } else if (k == SL_F_PERSON && w > best[0]) {
      best[1] = best[0];
      pick[1] = pick[0];
      best[0] = w;
      pick[0] = id;
    } else if (k == SL_F_PERSON && w > best[1]) {
      best[1] = w;
      pick[1] = id;
    }
  }
  out[0] = 0;
  for (int s = 0; s < 3; s++) {
    const sl_entity *e = pick[s] ? sl_linker_by_id(in->lk, pick[s]) : NULL;
    int n = e ? snprintf(out + o, cap - o, "%s%s", o ? " · " : "", e->name) : 0;
    if (n < 0 || (size_t)n >= cap - o) {
      out[o] = 0; /* a name that does not fit is left out, not cut */
      break;
    }
    o += (size_t)n;
  }
  if (!o) {
    snprintf(out, cap, "%s", fallback);
    cut_utf8(out);
  }
}

/* Commits the open batch.  On success every document in it is reported
 * stored; on failure the whole batch is undone, each of its documents is
 * reported failed and the in-memory mirrors are rebuilt. */
sl_rc sl_ingest_flush(sl_ingest *in) {
  sl_rc rc = SL_OK;
  if (!in->in_txn)
    return SL_OK;
  double mark = sl_thread_cpu();
  in->in_txn = 0;
  rc = sl_store_commit(in->store);
  if (rc == SL_OK) {
    in->st.stored += in->npending;
    for (size_t i = 0; i < in->npending; i++)
      if (in->stored_fn) {
        const char *id = in->pending[i], *src = id + strlen(id) + 1;
        in->stored_fn(in->stored_ctx, id, *src ? src : NULL);
      }
  } else {
    char what[400];
    snprintf(what, sizeof what, "could not be stored: the batch's commit failed (%s)",
             sl_store_errmsg(in->store));
    sl_store_rollback(in->store);
    for (size_t i = 0; i < in->npending; i++)
      report(in, in->pending[i], rc, what);
    pthread_mutex_lock(&in->lock);
    in->st.failed += in->npending;
    pthread_mutex_unlock(&in->lock);
    if (reload(in) != SL_OK)
      in->broken = 1;
  }
  for (size_t i = 0; i < in->npending; i++)
    free(in->pending[i]);
  in->npending = 0;
  sl_stage_lap(&in->times, SL_STAGE_STORE, &mark);
  return rc;
}

/* Remembers a document of the open batch ("id\0source\0"). */
static sl_rc note_pending(sl_ingest *in, const sl_analysis *a, const char *source) {
  size_t ni = strlen(a->id), ns = source ? strlen(source) : 0;
  char *p = malloc(ni + ns + 2);
  if (!p)
    return SL_ENOMEM;
  memcpy(p, a->id, ni + 1);
  if (ns)
    memcpy(p + ni + 1, source, ns);
  p[ni + 1 + ns] = 0;
  if (sl_grow(&in->pending, in->npending, &in->cappending, sizeof *in->pending, 64) != SL_OK) {
    free(p);
    return SL_ENOMEM;
  }
  in->pending[in->npending++] = p;
  return SL_OK;
}

/* A linked mention: the entity's store id and linker index, and its
 * spelling in the text. */
typedef struct linked {
  int64_t id;
  long idx;
  const char *z;
  size_t n;
} linked;

/* By entity, then spelling. */
static int cmp_linked(const void *x, const void *y) {
  const linked *a = x, *b = y;
  if (a->id != b->id)
    return a->id < b->id ? -1 : 1;
  int c = memcmp(a->z, b->z, a->n < b->n ? a->n : b->n);
  return c ? c : (a->n > b->n) - (a->n < b->n);
}

/* The document's linked mentions sorted by cmp_linked into a new array
 * (*n of them; the caller frees it), or NULL when out of memory. */
static linked *sorted_mentions(const sl_analysis *a, const int64_t *ids, size_t *n) {
  linked *l = malloc((a->nments ? a->nments : 1) * sizeof *l);
  *n = 0;
  if (!l)
    return NULL;
  for (size_t i = 0; i < a->nments; i++)
    if (ids[i])
      l[(*n)++] = (linked){ids[i], a->ment_entity[i], a->text + a->ments[i].start,
                           a->ments[i].end - a->ments[i].start};
  qsort(l, *n, sizeof *l, cmp_linked);
  return l;
}

/* Counts the document's mentions once per entity (its totals and its
 * page's row for this event) and once per spelling: a long report names
 * one person many times, and each count is a write at a random place. */
static sl_rc count_mentions(sl_ingest *in, const sl_analysis *a, const linked *l, size_t n) {
  sl_rc rc = SL_OK;
  for (size_t i = 0, j; i < n && rc == SL_OK; i = j) {
    for (j = i; j < n && l[j].id == l[i].id; j++)
      ;
    rc = sl_store_count_entity(in->store, l[i].id, (int64_t)(j - i));
    if (rc == SL_OK)
      rc = sl_store_count_entity_event(in->store, l[i].id, (int64_t)(j - i));
    for (size_t k = i, m; k < j && rc == SL_OK; k = m) {
      for (m = k; m < j && l[m].n == l[k].n && !memcmp(l[m].z, l[k].z, l[k].n); m++)
        ;
      rc = sl_store_put_variant(in->store, l[k].id, l[k].z, l[k].n,
                                sl_script_name(sl_script_detect(l[k].z, l[k].n)), a->lang,
                                (int64_t)(m - k));
    }
  }
  return rc;
}

/* The names of the entities a document links, each once, for its FTS row:
 * a report that says only "Путин" is found by "Putin".  The spellings in
 * the text are in its body already; indexing them again per mention cost
 * index bytes and found nothing more. */
static char *names_of(sl_ingest *in, const linked *l, size_t n) {
  size_t cap = 1, o = 0;
  for (size_t i = 0; i < n; i++)
    if (i == 0 || l[i].id != l[i - 1].id)
      cap += strlen(sl_linker_entity(in->lk, (size_t)l[i].idx)->name) + 1;
  char *s = malloc(cap);
  if (!s)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    if (i > 0 && l[i].id == l[i - 1].id)
      continue;
    const char *nm = sl_linker_entity(in->lk, (size_t)l[i].idx)->name;
    size_t ln = strlen(nm);
    memcpy(s + o, nm, ln);
    o += ln;
    s[o++] = ' ';
  }
  s[o] = 0;
  return s;
}

/* Writes the rows of one analysed, linked document (inside its savepoint). */
static sl_rc store_doc(sl_ingest *in, sl_analysis *a, double *mark) {
  sl_rc rc = SL_OK;
  size_t nm = a->nments;
  int64_t *ids = calloc(nm ? nm : 1, sizeof *ids);
  sl_ent_type *types = calloc(nm ? nm : 1, sizeof *types);
  char *title_n = NULL, *body_n = NULL, *names = NULL;
  linked *linked_sorted = NULL;
  char pub[16] = "", evd[16] = "";
  if (!ids || !types) {
    rc = SL_ENOMEM;
    goto out;
  }
  /* the entities (new ones get their store id) */
  for (size_t i = 0; i < nm && rc == SL_OK; i++) {
    long k = a->ment_entity[i];
    if (k < 0)
      continue;
    sl_entity *e = sl_linker_entity(in->lk, (size_t)k);
    int fresh = e->id == 0;
    if ((rc = sl_store_put_entity(in->store, e)) != SL_OK)
      break;
    if (fresh && (rc = sl_linker_note_id(in->lk, (size_t)k)) != SL_OK)
      break;
    ids[i] = e->id;
    types[i] = e->type;
  }
  if (rc != SL_OK)
    goto out;
  sl_stage_lap(&in->times, SL_STAGE_STORE, mark);
  /* the event and the story */
  if ((rc = sl_evidence_build(a, ids, types, &in->vec)) != SL_OK)
    goto out;
  size_t evi;
  double score;
  size_t before = sl_cluster_nevents(in->cl);
  if (a->published.year && a->published.month && a->published.day)
    sl_cluster_set_clock(in->cl, sl_days_from_civil(a->published.year, a->published.month,
                                                    a->published.day));
  if ((rc = sl_cluster_add(in->cl, &in->vec, &evi, &score)) != SL_OK)
    goto out;
  sl_stage_lap(&in->times, SL_STAGE_CLUSTER, mark);
  if (sl_cluster_nevents(in->cl) > before)
    in->st.events_new++;
  /* events that left the time window keep no evidence rows */
  int64_t closed[64];
  size_t nclosed;
  while (rc == SL_OK && (nclosed = sl_cluster_take_closed(in->cl, closed, 64)) > 0)
    for (size_t i = 0; i < nclosed && rc == SL_OK; i++)
      rc = sl_store_close_event(in->store, closed[i]);
  if (rc != SL_OK)
    goto out;
  sl_event_rec *ev = sl_cluster_event(in->cl, evi);
  sl_story_rec *story = sl_cluster_story(in->cl, (size_t)ev->story);
  char stitle[256];
  story_title(in, &ev->sum, a->title, stitle, sizeof stitle);
  if ((rc = sl_store_put_story(in->store, story, stitle)) != SL_OK)
    goto out;
  if ((rc = sl_store_put_event(in->store, ev, story->id, a->title, a->lang)) != SL_OK)
    goto out;
  sl_cluster_mark_story(in->cl, ev->story); /* its dates and counts now include this event */
  sl_date_format(&a->published, pub);
  sl_date_format(&a->event_date, evd);
  sl_doc_row row = {a->id, a->url, a->path, a->source, a->title, a->text, a->lang,
                    sl_script_name(a->script), pub[0] ? pub : NULL, evd[0] ? evd : NULL,
                    a->content_hash, ev->id};
  if ((rc = sl_store_put_document(in->store, &row)) != SL_OK)
    goto out;
  for (size_t i = 0; i < nm && rc == SL_OK; i++)
    if (ids[i])
      rc = sl_store_put_mention(in->store, ids[i], a->ments[i].start, a->ments[i].end);
  size_t nl = 0;
  if (rc == SL_OK && !(linked_sorted = sorted_mentions(a, ids, &nl)))
    rc = SL_ENOMEM;
  if (rc == SL_OK)
    rc = count_mentions(in, a, linked_sorted, nl);
  for (size_t i = 0; i < a->nnums && rc == SL_OK; i++) {
    size_t s, e;
    sentence_around(a->text, a->ntext, a->nums[i].start, a->nums[i].end, &s, &e);
    rc = sl_store_put_fact(in->store, a->nums[i].value, a->nums[i].unit, (uint32_t)s, (uint32_t)e);
  }
  if (rc != SL_OK)
    goto out;
  title_n = normalized(a->title);
  body_n = normalized(a->text);
  names = names_of(in, linked_sorted, nl);
  if (!title_n || !body_n || !names) {
    rc = SL_ENOMEM;
    goto out;
  }
  if ((rc = sl_store_put_fts(in->store, title_n, body_n, names)) != SL_OK)
    goto out;
  /* stories an event left behind, and this one's */
  size_t dirty[64], nd;
  while (rc == SL_OK && (nd = sl_cluster_take_dirty_stories(in->cl, dirty, 64)) > 0)
    for (size_t i = 0; i < nd && rc == SL_OK; i++)
      rc = sl_store_put_story(in->store, sl_cluster_story(in->cl, dirty[i]), a->title);
out:
  sl_stage_lap(&in->times, SL_STAGE_STORE, mark);
  free(ids);
  free(types);
  free(linked_sorted);
  free(title_n);
  free(body_n);
  free(names);
  return rc;
}

/* Links, clusters and stores one analysed document (the writer's part,
 * always in input order).  arc is sl_analyze's result, why its reason. */
sl_rc sl_ingest_write(sl_ingest *in, sl_analysis *a, sl_rc arc, const char *why, const sl_doc *doc) {
  char where[512];
  sl_rc rc = arc;
  double mark = sl_thread_cpu();
  snprintf(where, sizeof where, "%s (%s)", doc->id, doc->path ? doc->path : "-");
  if (rc != SL_OK) {
    report(in, where, rc, why ? why : sl_strerror(rc));
    pthread_mutex_lock(&in->lock);
    in->st.failed++;
    pthread_mutex_unlock(&in->lock);
    rc = rc == SL_ENOMEM ? rc : SL_OK;
    goto out;
  }
  if (a->truncated)
    report(in, where, SL_OK, "text longer than 4 MB: only its first 4 MB are kept");
  if (a->html_limit)
    report(in, where, SL_OK, a->html_limit);
  if (!in->in_txn) {
    if ((rc = sl_store_begin(in->store)) != SL_OK) {
      char what[400];
      snprintf(what, sizeof what, "could not be stored (%s); the store is unchanged",
               sl_store_errmsg(in->store));
      report(in, where, rc, what);
      pthread_mutex_lock(&in->lock);
      in->st.failed++;
      pthread_mutex_unlock(&in->lock);
      goto out;
    }
    in->in_txn = 1;
    in->batch_opened = sl_wall_seconds();
  }
  if (sl_store_has_doc(in->store, a->id, a->content_hash)) {
    report(in, where, SL_EDUP, "already stored (same id or same text)");
    in->st.duplicates++;
    goto out;
  }
  if ((rc = sl_store_savepoint(in->store)) == SL_OK) {
    sl_stage_lap(&in->times, SL_STAGE_STORE, &mark);
    /* the same mention finding and linking as `storyline similarity` */
    sl_stage_times *saved = sl_analyzer_times(in->az);
    sl_analyzer_set_times(in->az, &in->times);
    rc = sl_pipeline_link(in->az, in->lk, a, 2);
    sl_analyzer_set_times(in->az, saved);
    mark = sl_thread_cpu();
    if (rc == SL_OK)
      rc = store_doc(in, a, &mark);
    if (rc == SL_OK)
      rc = sl_store_release(in->store);
    if (rc == SL_OK)
      rc = note_pending(in, a, doc && doc->path ? doc->path : "-");
    if (rc != SL_OK) {
      sl_store_rollback_to(in->store);
      if (reload(in) != SL_OK)
        in->broken = 1;
    }
  }
  if (rc != SL_OK) {
    char what[400];
    snprintf(what, sizeof what, "could not be stored (%s); the store is unchanged",
             rc == SL_ESTORE ? sl_store_errmsg(in->store) : sl_strerror(rc));
    report(in, where, rc, what);
    pthread_mutex_lock(&in->lock);
    in->st.failed++;
    pthread_mutex_unlock(&in->lock);
  }
  if (in->npending >= in->batch_docs ||
      (in->npending && sl_wall_seconds() - in->batch_opened >= BATCH_SECONDS)) {
    sl_ingest_flush(in);            /* which counts its own time */
    mark = sl_thread_cpu();
  }
out:
  sl_stage_lap(&in->times, SL_STAGE_STORE, &mark);
  /* a document the store refused is reported and skipped; the ingest
   * stops only when memory runs out or the store cannot be read back */
  if (in->broken)
    return SL_ESTORE;
  return rc == SL_ENOMEM ? rc : SL_OK;
}

/* One job: read -> analyse -> write, all on the calling thread. */
static sl_rc on_doc(void *ctx, sl_doc *doc) {
  sl_ingest *in = ctx;
  sl_analysis a;
  const char *why = NULL;
  sl_stage_lap(&in->times, SL_STAGE_READ, &in->read_mark);
  pthread_mutex_lock(&in->lock);
  in->st.read++;
  in->st.bytes += doc->nbody;
  pthread_mutex_unlock(&in->lock);
  sl_analyzer_set_times(in->az, &in->times);
  sl_rc arc = sl_analyze(in->az, doc, &a, &why);
  sl_analyzer_set_times(in->az, NULL);
  sl_rc rc = sl_ingest_write(in, &a, arc, why, doc);
  sl_analysis_clear(&a);
  sl_doc_free(doc);
  in->read_mark = sl_thread_cpu();
  return rc;
}

void sl_ingest_on_read_error(void *ctx, const char *where, sl_rc rc, const char *what) {
  sl_ingest *in = ctx;
  if (rc != SL_OK) {
    pthread_mutex_lock(&in->lock);
    in->st.failed++;
    pthread_mutex_unlock(&in->lock);
  }
  report(in, where, rc, what);
}

sl_rc sl_ingest_path(sl_ingest *in, const char *path, sl_ingest_report_fn rep, void *ctx) {
  sl_read_stats rs;
  sl_rc rc;
  in->report = rep;
  in->report_ctx = ctx;
  if (in->jobs > 1)
    rc = sl_ingest_path_jobs(in, path);
  else {
    in->read_mark = sl_thread_cpu();
    rc = sl_read_path(path, on_doc, sl_ingest_on_read_error, in, &rs);
    sl_stage_lap(&in->times, SL_STAGE_READ, &in->read_mark);
  }
  sl_ingest_flush(in); /* a failed commit is reported per document */
  if (rc == SL_OK && in->broken)
    rc = SL_ESTORE;
  return rc;
}
