/*
 * cluster — events and stories, incrementally (see cluster.h).
 */
#include <math.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "cluster/similarity.h"
#include "util/grow.h"
#include "util/strmap.h"

#define RECENT_POSTINGS 512 /* per feature, only its latest events are candidates */
#define MAX_CANDIDATES 24   /* events scored in full per document */
/* Time window.  A report whose day and an event's day are more than
 * WINDOW_DAYS apart cannot join it: sl_similarity_df caps such a score at
 * SL_SIM_FAR_CAP, below any joining threshold, so those events are not
 * even scored.  An event closes when it took no report for WINDOW_DAYS of
 * the ingest's clock (the newest publication day seen, see
 * sl_cluster_set_clock) or, without a clock, for UNDATED_DOCS documents:
 * it drops its evidence (memory stays flat) and leaves the candidate
 * lists.  A late report of a closed event opens a new one. */
#define WINDOW_DAYS 31
#define UNDATED_DOCS 20000
#define SWEEP_EVERY 1024    /* documents between two closing sweeps */

typedef struct sl_postings {
  uint64_t id;       /* the feature */
  sl_idlist ev;      /* events that carry it, oldest first */
} sl_postings;

struct sl_cluster {
  sl_event_rec *ev;
  size_t nev, capev;
  sl_story_rec *st;
  size_t nst, capst;
  sl_strmap *index;  /* feature id (8 bytes) -> postings slot */
  sl_postings *post;
  size_t npost, cappost;
  size_t *seen;      /* scratch: last doc that looked at each event */
  float *votes;      /* scratch: shared-feature votes per event, valid when seen */
  size_t *cand;      /* scratch: events voted for by the current document */
  double *docw;      /* scratch: the current document's feature weights */
  size_t capdocw;
  size_t ncand;
  sl_df *df;         /* document frequencies for the similarity's IDF */
  size_t stamp, last_candidates;
  sl_strmap *story_of_id; /* story store id (8 bytes) -> index, for loading */
  sl_idlist dirty_st;  /* stories marked dirty since the last take */
  sl_idlist open;      /* events not closed yet */
  sl_idlist closed;    /* store ids of events closed since the last take */
  int32_t clock;       /* newest publication day seen (SL_NO_DAY: none yet) */
  int32_t today;       /* the machine's day: a later clock is a typo */
  size_t ndocs;        /* documents added in this run */
  size_t nclosed_lists; /* closed events still named by postings */
};

sl_rc sl_cluster_new(sl_cluster **out) {
  sl_cluster *c = calloc(1, sizeof *c);
  *out = NULL;
  if (!c || !(c->index = sl_strmap_new()) || !(c->story_of_id = sl_strmap_new()) ||
      sl_df_new(&c->df) != SL_OK) {
    if (c) {
      sl_strmap_free(c->index);
      sl_strmap_free(c->story_of_id);
    }
    free(c);
    return SL_ENOMEM;
  }
  c->clock = SL_NO_DAY;
  c->today = (int32_t)(time(NULL) / 86400) + 1;
  *out = c;
  return SL_OK;
}

void sl_cluster_free(sl_cluster *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nev; i++)
    sl_featvec_free(&c->ev[i].sum);
  for (size_t i = 0; i < c->npost; i++)
    sl_idlist_free(&c->post[i].ev);
  free(c->post);
  free(c->ev);
  free(c->st);
  free(c->seen);
  free(c->votes);
  free(c->cand);
  free(c->docw);
  sl_strmap_free(c->index);
  sl_strmap_free(c->story_of_id);
  sl_idlist_free(&c->dirty_st);
  sl_idlist_free(&c->open);
  sl_idlist_free(&c->closed);
  sl_df_free(c->df);
  free(c);
}

void sl_cluster_set_clock(sl_cluster *c, int32_t day) {
  if (day != SL_NO_DAY && day <= c->today && (c->clock == SL_NO_DAY || day > c->clock))
    c->clock = day;
}

void sl_cluster_mark_story(sl_cluster *c, long s) {
  if (s < 0 || (size_t)s >= c->nst)
    return;
  if (!c->st[s].dirty)
    sl_idlist_push(&c->dirty_st, (size_t)s); /* on ENOMEM the flag still says so */
  c->st[s].dirty = 1;
}

size_t sl_cluster_take_dirty_stories(sl_cluster *c, size_t *out, size_t cap) {
  size_t n = 0;
  while (c->dirty_st.n && n < cap) {
    size_t s = c->dirty_st.v[--c->dirty_st.n];
    if (c->st[s].dirty)
      out[n++] = s;
  }
  return n;
}

size_t sl_cluster_take_closed(sl_cluster *c, int64_t *out, size_t cap) {
  size_t n = 0;
  while (c->closed.n && n < cap)
    out[n++] = (int64_t)c->closed.v[--c->closed.n];
  return n;
}

size_t sl_cluster_nevents(const sl_cluster *c) { return c->nev; }
sl_event_rec *sl_cluster_event(sl_cluster *c, size_t i) { return i < c->nev ? &c->ev[i] : NULL; }
size_t sl_cluster_nstories(const sl_cluster *c) { return c->nst; }
sl_story_rec *sl_cluster_story(sl_cluster *c, size_t i) { return i < c->nst ? &c->st[i] : NULL; }
size_t sl_cluster_last_candidates(const sl_cluster *c) { return c->last_candidates; }

/* Features that find candidate events: entities, numbers, event words. */
static int indexed(uint64_t id) {
  sl_feat_kind k = sl_feat_kind_of(id);
  return k == SL_F_PERSON || k == SL_F_PLACE || k == SL_F_ORG || k == SL_F_EVENTWORD ||
         k == SL_F_NUMBER;
}

static sl_rc post(sl_cluster *c, uint64_t id, size_t ev) {
  int64_t slot;
  if (!sl_strmap_get(c->index, (const char *)&id, sizeof id, &slot)) {
    if (sl_grow(&c->post, c->npost, &c->cappost, sizeof *c->post, 1024) != SL_OK)
      return SL_ENOMEM;
    slot = (int64_t)c->npost;
    c->post[c->npost++] = (sl_postings){id, {0}};
    if (sl_strmap_put(c->index, (const char *)&id, sizeof id, slot) != SL_OK)
      return SL_ENOMEM;
  }
  /* an event may stand twice in a list (it grew after others joined);
   * readers skip repeats with their seen-stamps, so adding stays O(1) */
  return sl_idlist_push(&c->post[slot].ev, ev);
}

static sl_rc index_event(sl_cluster *c, size_t ev, const sl_featvec *v) {
  for (size_t i = 0; i < v->n; i++)
    if (indexed(v->v[i].id) && post(c, v->v[i].id, ev) != SL_OK)
      return SL_ENOMEM;
  return SL_OK;
}

static sl_rc new_event(sl_cluster *c, size_t *idx) {
  size_t capseen = c->capev, capvotes = c->capev, capcand = c->capev;
  if (sl_grow(&c->seen, c->nev, &capseen, sizeof *c->seen, 256) != SL_OK ||
      sl_grow(&c->votes, c->nev, &capvotes, sizeof *c->votes, 256) != SL_OK ||
      sl_grow(&c->cand, c->nev, &capcand, sizeof *c->cand, 256) != SL_OK ||
      sl_grow(&c->ev, c->nev, &c->capev, sizeof *c->ev, 256) != SL_OK)
    return SL_ENOMEM;
  if (capseen != c->capev || capvotes != c->capev || capcand != c->capev)
    return SL_ENOMEM; /* the arrays grow in step */
  sl_event_rec *e = &c->ev[c->nev];
  memset(e, 0, sizeof *e);
  sl_featvec_init(&e->sum);
  e->story = -1;
  e->dirty = 1;
  c->seen[c->nev] = 0;
  if (sl_idlist_push(&c->open, c->nev) != SL_OK)
    return SL_ENOMEM;
  *idx = c->nev++;
  return SL_OK;
}

static sl_rc new_story(sl_cluster *c, long *idx) {
  if (sl_grow(&c->st, c->nst, &c->capst, sizeof *c->st, 64) != SL_OK)
    return SL_ENOMEM;
  memset(&c->st[c->nst], 0, sizeof c->st[c->nst]);
  *idx = (long)c->nst++;
  sl_cluster_mark_story(c, *idx);
  return SL_OK;
}

/* Sets the event's core: its most-named entities. */
static void set_core(sl_event_rec *e) {
  size_t n = 0;
  float wmin[SL_EVENT_CORE];
  for (size_t i = 0; i < e->sum.n; i++) {
    sl_feat_kind k = sl_feat_kind_of(e->sum.v[i].id);
    float w = e->sum.v[i].w / (float)(e->sum.ndocs > 0 ? e->sum.ndocs : 1);
    if (k != SL_F_PERSON && k != SL_F_PLACE && k != SL_F_ORG)
      continue;
    size_t pos = n < SL_EVENT_CORE ? n++ : SL_EVENT_CORE;
    if (pos == SL_EVENT_CORE) {
      size_t lo = 0;
      for (size_t j = 1; j < SL_EVENT_CORE; j++)
        if (wmin[j] < wmin[lo])
          lo = j;
      if (wmin[lo] >= w)
        continue;
      pos = lo;
    }
    e->core[pos] = e->sum.v[i].id;
    wmin[pos] = w;
  }
  e->ncore = n;
}

/* Strongest first; the language, script and Latin-capitals flag always
 * count as strongest (they choose the similarity's weight set); ties by id, so the same
 * input always keeps the same features. */
static int by_strength(const void *pa, const void *pb) {
  const sl_feat *a = pa, *b = pb;
  sl_feat_kind ka = sl_feat_kind_of(a->id), kb = sl_feat_kind_of(b->id);
  int pa_ = ka == SL_F_LANG || ka == SL_F_SCRIPT || ka == SL_F_LATIN;
  int pb_ = kb == SL_F_LANG || kb == SL_F_SCRIPT || kb == SL_F_LATIN;
  if (pa_ != pb_)
    return pb_ - pa_;
  if (a->w != b->w)
    return a->w > b->w ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

static int by_id(const void *pa, const void *pb) {
  const sl_feat *a = pa, *b = pb;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* Keeps the event's SL_EVENT_FEATURES strongest features.  A feature
 * only a few of many reports carry weighs little in the averaged vector
 * the similarity reads, while every feature kept costs time in each
 * comparison and bytes in the store: unbounded, a long-running event
 * grows by every report's stray words, gets dearer to compare and turns
 * into a catch-all.  Dropped features come back if later reports repeat
 * them. */
static void keep_strongest(sl_event_rec *e) {
  if (e->sum.n > SL_EVENT_FEATURES) {
    qsort(e->sum.v, e->sum.n, sizeof *e->sum.v, by_strength);
    e->sum.n = SL_EVENT_FEATURES;
    qsort(e->sum.v, e->sum.n, sizeof *e->sum.v, by_id);
  }
  set_core(e);
}

sl_rc sl_cluster_load_event(sl_cluster *c, int64_t id, const sl_featvec *sum, int64_t story_id,
                            size_t *idx) {
  sl_rc rc = new_event(c, idx);
  if (rc != SL_OK)
    return rc;
  sl_event_rec *e = &c->ev[*idx];
  e->id = id;
  e->dirty = 0;
  if ((rc = sl_featvec_add(&e->sum, sum)) != SL_OK)
    return rc;
  /* a stored event counts once towards document frequencies: near enough
   * for IDF, and the store keeps no per-document vectors */
  if ((rc = sl_df_add(c->df, sum)) != SL_OK)
    return rc;
  e->sum.ndocs = sum->ndocs;
  e->sum.day = sum->day;
  keep_strongest(e); /* stores written before the cap kept every feature */
  /* when it last took a report is not stored: count from now */
  e->last_doc = c->ndocs;
  e->last_day = SL_NO_DAY;
  if (story_id) {
    long s = -1;
    int64_t v;
    if (sl_strmap_get(c->story_of_id, (const char *)&story_id, sizeof story_id, &v))
      s = (long)v;
    if (s < 0) {
      if ((rc = new_story(c, &s)) != SL_OK)
        return rc;
      c->st[s].id = story_id;
      c->st[s].dirty = 0;
      if (sl_strmap_put(c->story_of_id, (const char *)&story_id, sizeof story_id, s) != SL_OK)
        return SL_ENOMEM;
    }
    e->story = s;
    c->st[s].nevents++;
  }
  return index_event(c, *idx, &e->sum);
}

/* 1 when both events name at least one person in common. */
static int share_person(const sl_featvec *a, const sl_featvec *b) {
  size_t i = 0, j = 0;
  while (i < a->n && j < b->n) {
    if (a->v[i].id < b->v[j].id)
      i++;
    else if (b->v[j].id < a->v[i].id)
      j++;
    else {
      if (sl_feat_kind_of(a->v[i].id) == SL_F_PERSON)
        return 1;
      i++;
      j++;
    }
  }
  return 0;
}

/* Story for event ev: the story of the events whose cores it shares
 * most (two or more shared core entities, and a person in common). */
static sl_rc thread_story(sl_cluster *c, size_t ev) {
  const uint64_t *core = c->ev[ev].core;
  size_t nc = c->ev[ev].ncore;
  long best = -1;
  double best_score = 0;
  sl_event_rec *e = &c->ev[ev];
  if (e->story >= 0 && c->st[e->story].nevents > 1)
    return SL_OK; /* already threaded with others */
  /* candidates: events that share a core entity, found by the index */
  c->stamp++;
  for (size_t q = 0; q < nc && nc >= 2; q++) {
    int64_t slot;
    if (!sl_strmap_get(c->index, (const char *)&core[q], sizeof core[q], &slot))
      continue;
    const sl_idlist *p = &c->post[slot].ev;
    for (size_t pi = p->n > RECENT_POSTINGS ? p->n - RECENT_POSTINGS : 0; pi < p->n; pi++) {
      size_t i = p->v[pi];
      if (c->seen[i] == c->stamp || i == ev || c->ev[i].closed || c->ev[i].story < 0 ||
          c->ev[i].story == e->story)
        continue;
      c->seen[i] = c->stamp;
      const uint64_t *other = c->ev[i].core;
      size_t no = c->ev[i].ncore;
      size_t shared = 0;
      for (size_t a = 0; a < nc; a++)
        for (size_t b = 0; b < no; b++)
          shared += core[a] == other[b];
      double jac = (double)shared / (double)(nc + no - shared);
      if (shared >= 2 && jac >= 0.25 && jac > best_score && share_person(&e->sum, &c->ev[i].sum)) {
        best_score = jac;
        best = c->ev[i].story;
      }
    }
  }
  if (best >= 0) {
    if (e->story >= 0) {
      c->st[e->story].nevents--;
      sl_cluster_mark_story(c, e->story);
    }
    e->story = best;
    c->st[best].nevents++;
    sl_cluster_mark_story(c, best);
    e->dirty = 1;
    return SL_OK;
  }
  if (e->story < 0) {
    long s;
    sl_rc rc = new_story(c, &s);
    if (rc != SL_OK)
      return rc;
    e = &c->ev[ev];
    e->story = s;
    c->st[s].nevents = 1;
    e->dirty = 1;
  }
  return SL_OK;
}

/* 0 when both days are known and further apart than the window: the
 * similarity could not reach a joining score (see WINDOW_DAYS). */
static int near_enough(const sl_featvec *doc, const sl_event_rec *e) {
  if (doc->day == SL_NO_DAY || e->sum.day == SL_NO_DAY)
    return 1;
  int64_t d = (int64_t)doc->day - e->sum.day;
  return d <= WINDOW_DAYS && d >= -WINDOW_DAYS;
}

/* Drops the postings of closed events once they outnumber the open ones,
 * and the features no open event carries any more, so the index is
 * linear in open events, amortised, however many features the whole
 * ingest has seen (names and numbers keep coming). */
static void compact_postings(sl_cluster *c) {
  if (c->nclosed_lists < 4096 || c->nclosed_lists < c->open.n)
    return;
  c->nclosed_lists = 0;
  for (size_t i = 0; i < c->npost; i++) {
    sl_idlist *p = &c->post[i].ev;
    size_t o = 0;
    for (size_t k = 0; k < p->n; k++)
      if (!c->ev[p->v[k]].closed)
        p->v[o++] = p->v[k];
    p->n = o;
  }
  /* a fresh index of the features still carried; out of memory, the old
   * one stays, empty lists and all */
  sl_strmap *index = sl_strmap_new();
  size_t o = 0;
  for (size_t i = 0; i < c->npost && index; i++)
    if (c->post[i].ev.n && sl_strmap_put(index, (const char *)&c->post[i].id,
                                         sizeof c->post[i].id, (int64_t)o++) != SL_OK) {
      sl_strmap_free(index);
      index = NULL;
    }
  if (!index)
    return;
  o = 0;
  for (size_t i = 0; i < c->npost; i++) {
    if (c->post[i].ev.n)
      c->post[o++] = c->post[i];
    else
      sl_idlist_free(&c->post[i].ev);
  }
  c->npost = o;
  sl_strmap_free(c->index);
  c->index = index;
}

/* Closes the open events that fell out of the window (see WINDOW_DAYS). */
static void sweep(sl_cluster *c) {
  size_t o = 0;
  for (size_t k = 0; k < c->open.n; k++) {
    size_t i = c->open.v[k];
    sl_event_rec *e = &c->ev[i];
    int old = e->last_day != SL_NO_DAY && c->clock != SL_NO_DAY
                  ? e->last_day < c->clock - WINDOW_DAYS
                  : c->ndocs - e->last_doc > UNDATED_DOCS;
    /* an event not stored yet is kept: its id would be lost */
    if (!old || e->id == 0) {
      c->open.v[o++] = i;
      continue;
    }
    e->closed = 1;
    sl_featvec_free(&e->sum);
    sl_idlist_push(&c->closed, (size_t)e->id);
    c->nclosed_lists++;
  }
  c->open.n = o;
  compact_postings(c);
}

sl_rc sl_cluster_add(sl_cluster *c, const sl_featvec *doc, size_t *ev, double *score) {
  long best = -1;
  double best_score = 0;
  sl_rc rc;
  if (++c->ndocs % SWEEP_EVERY == 0)
    sweep(c);
  c->stamp++;
  c->last_candidates = 0;
  if ((rc = sl_df_add(c->df, doc)) != SL_OK)
    return rc;
  /* 1. votes: each shared feature votes for the events that carry it,
   * rare features louder; only each feature's latest events count, so
   * the work per document does not grow with the store */
  c->ncand = 0;
  for (size_t i = 0; i < doc->n; i++) {
    int64_t slot;
    uint64_t id = doc->v[i].id;
    if (!indexed(id) || !sl_strmap_get(c->index, (const char *)&id, sizeof id, &slot))
      continue;
    const sl_idlist *p = &c->post[slot].ev;
    float vote = 1.0f / (1.0f + logf((float)p->n));
    for (size_t k = p->n > RECENT_POSTINGS ? p->n - RECENT_POSTINGS : 0; k < p->n; k++) {
      size_t e = p->v[k];
      if (c->ev[e].closed || !near_enough(doc, &c->ev[e]))
        continue;
      if (c->seen[e] != c->stamp) {
        c->seen[e] = c->stamp;
        c->votes[e] = 0;
        c->cand[c->ncand++] = e;
      }
      c->votes[e] += vote;
    }
  }
  /* 2. the best-voted events are scored in full */
  size_t keep = c->ncand;
  if (keep > MAX_CANDIDATES) {
    for (size_t a = 0; a < MAX_CANDIDATES; a++) { /* partial selection */
      size_t m = a;
      for (size_t b = a + 1; b < c->ncand; b++)
        if (c->votes[c->cand[b]] > c->votes[c->cand[m]])
          m = b;
      size_t t = c->cand[a];
      c->cand[a] = c->cand[m];
      c->cand[m] = t;
    }
    keep = MAX_CANDIDATES;
  }
  c->last_candidates = keep;
  /* the document's side of every comparison weighs the same: once */
  const double *docw = NULL;
  if (keep > 1 && doc->n > c->capdocw) {
    double *w = realloc(c->docw, doc->n * sizeof *w);
    if (w) {  /* else each comparison computes them, as before */
      c->docw = w;
      c->capdocw = doc->n;
    }
  }
  if (keep > 1 && doc->n && doc->n <= c->capdocw) {
    sl_similarity_weights(doc, c->df, c->docw);
    docw = c->docw;
  }
  for (size_t k = 0; k < keep; k++) {
    size_t e = c->cand[k];
    double sc = sl_similarity_dfw(doc, docw, &c->ev[e].sum, c->df, NULL);
    if (sc > best_score) {
      best_score = sc;
      best = (long)e;
    }
  }
  size_t idx;
  /* without a day on both sides nothing rules out a different occasion
   * of the same people meeting: ask for stronger evidence */
  double need = SL_SAME_EVENT;
  if (best >= 0 && (doc->day == SL_NO_DAY || c->ev[best].sum.day == SL_NO_DAY))
    need = SL_SAME_EVENT_UNDATED;
  if (best >= 0 && best_score >= need) {
    idx = (size_t)best;
    *score = best_score;
  } else {
    if ((rc = new_event(c, &idx)) != SL_OK)
      return rc;
    *score = 0;
  }
  sl_event_rec *e = &c->ev[idx];
  int32_t day = e->sum.day;
  if ((rc = sl_featvec_add(&e->sum, doc)) != SL_OK)
    return rc;
  /* the event keeps the first day it was given */
  e->sum.day = day != SL_NO_DAY ? day : doc->day;
  keep_strongest(e);
  e->dirty = 1;
  e->last_doc = c->ndocs;
  e->last_day = c->clock;
  if ((rc = index_event(c, idx, doc)) != SL_OK)
    return rc;
  *ev = idx;
  return thread_story(c, idx);
}
