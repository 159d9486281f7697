/*
 * cluster — events and stories, incrementally (see cluster.h).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/cluster.h"
#include "cluster/similarity.h"
#include "util/grow.h"
#include "util/strmap.h"

#define CORE_SIZE 6     /* entities that make an event's core */
#define RECENT_POSTINGS 512 /* per feature, only its latest events are candidates */
#define MAX_CANDIDATES 48   /* events scored in full per document */

struct sl_cluster {
  sl_event_rec *ev;
  size_t nev, capev;
  sl_story_rec *st;
  size_t nst, capst;
  sl_strmap *index;  /* feature id (8 bytes) -> postings slot */
  sl_idlist *post;
  size_t npost, cappost;
  size_t *seen;      /* scratch: last doc that looked at each event */
  float *votes;      /* scratch: shared-feature votes per event, valid when seen */
  size_t *cand;      /* scratch: events voted for by the current document */
  size_t ncand;
  sl_df *df;         /* document frequencies for the similarity's IDF */
  size_t stamp, last_candidates;
};

sl_rc sl_cluster_new(sl_cluster **out) {
  sl_cluster *c = calloc(1, sizeof *c);
  *out = NULL;
  if (!c || !(c->index = sl_strmap_new()) || sl_df_new(&c->df) != SL_OK) {
    if (c)
      sl_strmap_free(c->index);
    free(c);
    return SL_ENOMEM;
  }
  *out = c;
  return SL_OK;
}

void sl_cluster_free(sl_cluster *c) {
  if (!c)
    return;
  for (size_t i = 0; i < c->nev; i++)
    sl_featvec_free(&c->ev[i].sum);
  for (size_t i = 0; i < c->npost; i++)
    sl_idlist_free(&c->post[i]);
  free(c->post);
  free(c->ev);
  free(c->st);
  free(c->seen);
  free(c->votes);
  free(c->cand);
  sl_strmap_free(c->index);
  sl_df_free(c->df);
  free(c);
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
    c->post[c->npost++] = (sl_idlist){0};
    if (sl_strmap_put(c->index, (const char *)&id, sizeof id, slot) != SL_OK)
      return SL_ENOMEM;
  }
  /* an event may stand twice in a list (it grew after others joined);
   * readers skip repeats with their seen-stamps, so adding stays O(1) */
  return sl_idlist_push(&c->post[slot], ev);
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
  *idx = c->nev++;
  return SL_OK;
}

static sl_rc new_story(sl_cluster *c, long *idx) {
  if (sl_grow(&c->st, c->nst, &c->capst, sizeof *c->st, 64) != SL_OK)
    return SL_ENOMEM;
  memset(&c->st[c->nst], 0, sizeof c->st[c->nst]);
  c->st[c->nst].dirty = 1;
  *idx = (long)c->nst++;
  return SL_OK;
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
  if (story_id) {
    long s = -1;
    for (size_t i = 0; i < c->nst; i++)
      if (c->st[i].id == story_id)
        s = (long)i;
    if (s < 0) {
      if ((rc = new_story(c, &s)) != SL_OK)
        return rc;
      c->st[s].id = story_id;
      c->st[s].dirty = 0;
    }
    e->story = s;
    c->st[s].nevents++;
  }
  return index_event(c, *idx, &e->sum);
}

/* The event's core: its most-named entities (ids written to core[]). */
static size_t event_core(const sl_event_rec *e, uint64_t *core) {
  size_t n = 0;
  float wmin[CORE_SIZE];
  for (size_t i = 0; i < e->sum.n; i++) {
    sl_feat_kind k = sl_feat_kind_of(e->sum.v[i].id);
    float w = e->sum.v[i].w / (float)(e->sum.ndocs > 0 ? e->sum.ndocs : 1);
    if (k != SL_F_PERSON && k != SL_F_PLACE && k != SL_F_ORG)
      continue;
    size_t pos = n < CORE_SIZE ? n++ : CORE_SIZE;
    if (pos == CORE_SIZE) {
      size_t lo = 0;
      for (size_t j = 1; j < CORE_SIZE; j++)
        if (wmin[j] < wmin[lo])
          lo = j;
      if (wmin[lo] >= w)
        continue;
      pos = lo;
    }
    core[pos] = e->sum.v[i].id;
    wmin[pos] = w;
  }
  return n;
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
  uint64_t core[CORE_SIZE], other[CORE_SIZE];
  size_t nc = event_core(&c->ev[ev], core);
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
    const sl_idlist *p = &c->post[slot];
    for (size_t pi = p->n > RECENT_POSTINGS ? p->n - RECENT_POSTINGS : 0; pi < p->n; pi++) {
      size_t i = p->v[pi];
      if (c->seen[i] == c->stamp || i == ev || c->ev[i].story < 0 || c->ev[i].story == e->story)
        continue;
      c->seen[i] = c->stamp;
      size_t no = event_core(&c->ev[i], other);
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
      c->st[e->story].dirty = 1;
    }
    e->story = best;
    c->st[best].nevents++;
    c->st[best].dirty = 1;
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

sl_rc sl_cluster_add(sl_cluster *c, const sl_featvec *doc, size_t *ev, double *score) {
  long best = -1;
  double best_score = 0;
  sl_rc rc;
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
    const sl_idlist *p = &c->post[slot];
    float vote = 1.0f / (1.0f + logf((float)p->n));
    for (size_t k = p->n > RECENT_POSTINGS ? p->n - RECENT_POSTINGS : 0; k < p->n; k++) {
      size_t e = p->v[k];
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
  for (size_t k = 0; k < keep; k++) {
    size_t e = c->cand[k];
    double sc = sl_similarity_df(doc, &c->ev[e].sum, c->df, NULL);
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
  e->dirty = 1;
  if ((rc = index_event(c, idx, doc)) != SL_OK)
    return rc;
  *ev = idx;
  return thread_story(c, idx);
}
