/*
 * similarity — same happening or not (see similarity.h).
 *
 * Each kind of evidence is a cosine between the two vectors restricted to
 * that kind, with counts damped (a name said ten times is not ten times
 * the evidence) except for word stems, whose raw counts say what a report
 * is about (cross-validated on the dev pairs: r 0.671 against 0.662), and,
 * when document frequencies are given, weighted by a smoothed IDF.
 *
 * The parts are combined linearly by one of four weight sets — same
 * language (word stems can meet), other language in the same script
 * (surface tokens can meet), other script (neither can), other script with
 * Latin capitalised words on both sides (names can) — fitted by
 * non-negative least squares on the labelled dev pairs, over columns that
 * grow with each part (similarity_weights.h), so more shared evidence never
 * lowers the score.  The prediction lives on the labels' 1..4 scale; it is
 * mapped to [0,1], then through the line fitted for the two documents'
 * languages (SL_SIM_CALIB: one weight set serves all languages, not
 * equally well, and one threshold needs scores that mean the same in
 * each; on the dev pairs, cross-validated precision of same_event at
 * recall 0.70 goes from 0.849 to 0.868).
 * Two known days far apart still cap the score: two meetings of the same
 * people a year apart are two events.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/similarity.h"
#include "cluster/similarity_weights.h"

/* ---- document frequencies: open addressing, feature id -> count ---- */

#define DF_MAX_SLOTS (1u << 26) /* 64M features: far beyond any corpus we score */

struct sl_df {
  uint64_t *key; /* 0 = empty: no feature id is 0 (person ids are entity
                  * ids > 0, every other kind is > 0) */
  uint32_t *cnt;
  size_t nslots, used, ndocs;
};

sl_rc sl_df_new(sl_df **out) {
  sl_df *df = calloc(1, sizeof *df);
  *out = NULL;
  if (!df)
    return SL_ENOMEM;
  df->nslots = 1u << 14;
  df->key = calloc(df->nslots, sizeof *df->key);
  df->cnt = calloc(df->nslots, sizeof *df->cnt);
  if (!df->key || !df->cnt) {
    sl_df_free(df);
    return SL_ENOMEM;
  }
  *out = df;
  return SL_OK;
}

void sl_df_free(sl_df *df) {
  if (!df)
    return;
  free(df->key);
  free(df->cnt);
  free(df);
}

static size_t slot_of(uint64_t id, size_t nslots) {
  uint64_t h = id * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 20) & (nslots - 1);
}

static sl_rc df_grow(sl_df *df) {
  size_t n2 = df->nslots * 2;
  if (n2 > DF_MAX_SLOTS)
    return SL_ETOOBIG;
  uint64_t *k2 = calloc(n2, sizeof *k2);
  uint32_t *c2 = calloc(n2, sizeof *c2);
  if (!k2 || !c2) {
    free(k2);
    free(c2);
    return SL_ENOMEM;
  }
  for (size_t i = 0; i < df->nslots; i++) {
    if (!df->key[i])
      continue;
    size_t p = slot_of(df->key[i], n2);
    while (k2[p])
      p = (p + 1) & (n2 - 1);
    k2[p] = df->key[i];
    c2[p] = df->cnt[i];
  }
  free(df->key);
  free(df->cnt);
  df->key = k2;
  df->cnt = c2;
  df->nslots = n2;
  return SL_OK;
}

sl_rc sl_df_add(sl_df *df, const sl_featvec *v) {
  for (size_t i = 0; i < v->n; i++) {
    uint64_t id = v->v[i].id;
    if (!id)
      continue;
    if ((df->used + 1) * 2 > df->nslots) {
      sl_rc rc = df_grow(df);
      if (rc != SL_OK)
        return rc;
    }
    size_t p = slot_of(id, df->nslots);
    while (df->key[p] && df->key[p] != id)
      p = (p + 1) & (df->nslots - 1);
    if (!df->key[p]) {
      df->key[p] = id;
      df->used++;
    }
    if (df->cnt[p] < UINT32_MAX)
      df->cnt[p]++;
  }
  df->ndocs++;
  return SL_OK;
}

size_t sl_df_ndocs(const sl_df *df) { return df ? df->ndocs : 0; }

static uint32_t df_get(const sl_df *df, uint64_t id) {
  size_t p = slot_of(id, df->nslots);
  while (df->key[p]) {
    if (df->key[p] == id)
      return df->cnt[p];
    p = (p + 1) & (df->nslots - 1);
  }
  return 0;
}

uint32_t sl_df_count(const sl_df *df, uint64_t id) { return df ? df_get(df, id) : 0; }

/* Smoothed IDF scaled to (0,1]: a feature no other document has weighs 1,
 * one every document has weighs little.  Below a few dozen documents the
 * counts say nothing yet and every feature weighs 1 (see wctx). */
static double idf_of(const sl_df *df, uint32_t d, double lognorm) {
  double n = (double)df->ndocs;
  return log((n + 1) / ((double)d + 0.5)) / lognorm;
}

/* The denominator of idf: the same for every feature of one comparison. */
static double idf_norm(const sl_df *df) {
  return df && df->ndocs >= 32 ? log(((double)df->ndocs + 1) / 0.5) : 1;
}

/* What one comparison needs for its weights: the table, the norm, and
 * the IDF of the small document counts most features have, each computed
 * once (log was a third of the comparison's work). */
#define IDF_MEMO 64
typedef struct wctx {
  const sl_df *df; /* NULL, or fewer than 32 documents: every idf is 1 */
  double lognorm;
  double memo[IDF_MEMO]; /* idf of document count d, or < 0 until known */
} wctx;

static double idf(wctx *c, uint64_t id) {
  if (!c->df)
    return 1;
  uint32_t d = df_get(c->df, id);
  if (d >= IDF_MEMO)
    return idf_of(c->df, d, c->lognorm);
  if (c->memo[d] < 0)
    c->memo[d] = idf_of(c->df, d, c->lognorm);
  return c->memo[d];
}

/* log1p(k) for the small whole counts of one document's damped features. */
#define LOG1P_MEMO 64
static double LOG1P[LOG1P_MEMO];
static pthread_once_t LOG1P_ONCE = PTHREAD_ONCE_INIT;

static void log1p_init(void) {
  for (int k = 0; k < LOG1P_MEMO; k++)
    LOG1P[k] = log1p((double)k);
}

/* ---- the score ---- */

typedef struct kind_acc {
  double dot, na, nb;
} kind_acc;

static double cosine(const kind_acc *k) {
  return k->na > 0 && k->nb > 0 ? k->dot / sqrt(k->na * k->nb) : 0;
}

static double weight(const sl_featvec *v, size_t i, wctx *c) {
  double r = v->v[i].w / (double)(v->ndocs > 0 ? v->ndocs : 1), w = r;
  if (sl_feat_kind_of(v->v[i].id) != SL_F_TERM) {
    int k = r >= 0 && r < LOG1P_MEMO ? (int)r : -1;
    w = k >= 0 && (double)k == r ? LOG1P[k] : log1p(r);
  }
  return w * idf(c, v->v[i].id);
}

/* Knots of the piecewise-linear shapes of the text overlaps: ramps that
 * saturate at each RAMP (a little overlap already says much) and hinges
 * that start at each HINGE (near-copies). */
static const double RAMP[] = {0.1, 0.2, 0.4};
static const double HINGE[] = {0.3, 0.5, 0.7};

static double *shape(double v, double *x) {
  *x++ = v;
  for (size_t k = 0; k < sizeof RAMP / sizeof RAMP[0]; k++)
    *x++ = (v < RAMP[k] ? v : RAMP[k]) / RAMP[k];
  for (size_t k = 0; k < sizeof HINGE / sizeof HINGE[0]; k++)
    *x++ = v > HINGE[k] ? v - HINGE[k] : 0;
  return x;
}

void sl_sim_design(const sl_sim_parts *p, double *x) {
  double *o = x;
  *o++ = 1;
  *o++ = p->persons;
  *o++ = p->places;
  *o++ = p->orgs;
  *o++ = p->numbers;
  *o++ = p->eventwords;
  o = shape(p->words, o);
  o = shape(p->tokens, o);
  o = shape(p->caps, o);
  o = shape(p->lead, o);
  *o++ = p->eventwords * (p->persons > p->places ? p->persons : p->places);
  *o++ = p->persons * p->places;
  *o++ = sqrt(p->persons);
  *o++ = sqrt(p->places);
  *o++ = sqrt(p->numbers);
  *o++ = p->topics;
  *o++ = sqrt(p->topics);
  /* what both name but do not share, as a negative column: it grows
   * (toward 0) with the share, so the weight >= 0 still never lets more
   * shared evidence lower the score */
  const double part[] = {p->persons, p->places, p->orgs, p->numbers, p->eventwords,
                         p->topics, p->translated}; /* in SL_SIM_BOTH_* bit order */
  for (unsigned k = 0; k < sizeof part / sizeof part[0]; k++)
    *o++ = p->both & (1u << k) ? -(1 - part[k]) : 0;
  *o++ = p->both & SL_SIM_BOTH_TRANSLATED ? -(1 - p->translated_lead) : 0;
}

static void wctx_init(wctx *c, const sl_df *df) {
  c->df = df && df->ndocs >= 32 ? df : NULL;
  c->lognorm = idf_norm(df);
  for (size_t k = 0; k < IDF_MEMO; k++)
    c->memo[k] = -1;
  pthread_once(&LOG1P_ONCE, log1p_init);
}

static double clamp01(double s) { return s < 0 ? 0 : s > 1 ? 1 : s; }

/* SL_SIM_CALIB by language feature ids, made once. */
#define MAX_CALIB 64
typedef struct calib_ids {
  uint64_t a, b;
  double ca, cb;
} calib_ids;
static calib_ids CALIB[MAX_CALIB];
static size_t NCALIB;
static pthread_once_t CALIB_ONCE = PTHREAD_ONCE_INIT;

static void calib_init(void) {
  for (const sl_sim_calib *c = SL_SIM_CALIB; c->lang_a && NCALIB < MAX_CALIB; c++, NCALIB++) {
    CALIB[NCALIB].a = sl_feat_id(SL_F_LANG, c->lang_a, strlen(c->lang_a));
    CALIB[NCALIB].b = sl_feat_id(SL_F_LANG, c->lang_b, strlen(c->lang_b));
    CALIB[NCALIB].ca = c->a;
    CALIB[NCALIB].cb = c->b;
  }
}

/* The language feature of v with the most weight (an event's reports may
 * be in several), or 0. */
static uint64_t main_lang(const sl_featvec *v) {
  uint64_t best = 0;
  float bw = 0;
  for (size_t i = sl_featvec_lower(v, sl_feat_hashed(SL_F_LANG, 0));
       i < v->n && sl_feat_kind_of(v->v[i].id) == SL_F_LANG; i++)
    if (!best || v->v[i].w > bw)
      best = v->v[i].id, bw = v->v[i].w;
  return best;
}

/* s through the calibration of the language pair of a and b. */
static double calibrate(const sl_featvec *a, const sl_featvec *b, double s) {
  pthread_once(&CALIB_ONCE, calib_init);
  uint64_t la = main_lang(a), lb = main_lang(b);
  for (size_t k = 0; k < NCALIB && la && lb; k++)
    if ((CALIB[k].a == la && CALIB[k].b == lb) || (CALIB[k].a == lb && CALIB[k].b == la))
      return CALIB[k].ca + CALIB[k].cb * s;
  return s;
}

void sl_similarity_weights(const sl_featvec *a, const sl_df *df, double *w) {
  wctx c;
  wctx_init(&c, df);
  for (size_t i = 0; i < a->n; i++)
    w[i] = weight(a, i, &c);
}

double sl_similarity_df(const sl_featvec *a, const sl_featvec *b, const sl_df *df,
                        sl_sim_parts *parts) {
  return sl_similarity_dfw(a, NULL, b, df, parts);
}

/* The SL_SIM_BOTH_* kinds that both sides carry. */
static unsigned both_name(const kind_acc *acc) {
  static const struct { int kind; unsigned bit; } K[] = {
    {SL_F_PERSON, SL_SIM_BOTH_PERSONS}, {SL_F_PLACE, SL_SIM_BOTH_PLACES},
    {SL_F_ORG, SL_SIM_BOTH_ORGS}, {SL_F_NUMBER, SL_SIM_BOTH_NUMBERS},
    {SL_F_EVENTWORD, SL_SIM_BOTH_EVENTWORDS}, {SL_F_TOPIC, SL_SIM_BOTH_TOPICS},
    {SL_F_TRANS, SL_SIM_BOTH_TRANSLATED}};
  unsigned both = 0;
  for (size_t k = 0; k < sizeof K / sizeof K[0]; k++)
    if (acc[K[k].kind].na > 0 && acc[K[k].kind].nb > 0)
      both |= K[k].bit;
  return both;
}

/* wa: a's weights from sl_similarity_weights under the same df, or NULL
 * to compute them here (each is the same number either way). */
double sl_similarity_dfw(const sl_featvec *a, const double *wa, const sl_featvec *b,
                         const sl_df *df, sl_sim_parts *parts) {
  kind_acc acc[SL_F_NKINDS];
  size_t i = 0, j = 0;
  wctx c;
  wctx_init(&c, df);
  memset(acc, 0, sizeof acc);
#define WA(i) (wa ? wa[i] : weight(a, (i), &c))
  while (i < a->n || j < b->n) {
    if (j >= b->n || (i < a->n && a->v[i].id < b->v[j].id)) {
      double w = WA(i);
      acc[sl_feat_kind_of(a->v[i].id)].na += w * w;
      i++;
    } else if (i >= a->n || b->v[j].id < a->v[i].id) {
      double w = weight(b, j, &c);
      acc[sl_feat_kind_of(b->v[j].id)].nb += w * w;
      j++;
    } else {
      double wa_i = WA(i), wb = weight(b, j, &c);
      kind_acc *k = &acc[sl_feat_kind_of(a->v[i].id)];
      k->dot += wa_i * wb;
      k->na += wa_i * wa_i;
      k->nb += wb * wb;
      i++;
      j++;
    }
  }
#undef WA
  sl_sim_parts p;
  p.persons = cosine(&acc[SL_F_PERSON]);
  p.places = cosine(&acc[SL_F_PLACE]);
  p.orgs = cosine(&acc[SL_F_ORG]);
  p.numbers = cosine(&acc[SL_F_NUMBER]);
  p.eventwords = cosine(&acc[SL_F_EVENTWORD]);
  p.topics = cosine(&acc[SL_F_TOPIC]);
  p.words = cosine(&acc[SL_F_TERM]);
  p.tokens = cosine(&acc[SL_F_SURFACE]);
  p.caps = cosine(&acc[SL_F_CAPS]);
  p.lead = cosine(&acc[SL_F_LEAD]);
  p.translated = cosine(&acc[SL_F_TRANS]);
  p.translated_lead = cosine(&acc[SL_F_TRANS_LEAD]);
  /* a shared language feature, or (vectors from before it existed)
   * shared word stems, which carry their language */
  p.same_lang = acc[SL_F_LANG].dot > 0 || (acc[SL_F_LANG].na == 0 && acc[SL_F_TERM].dot > 0);
  p.dates = -1;
  if (a->day != SL_NO_DAY && b->day != SL_NO_DAY) {
    int32_t d = a->day > b->day ? a->day - b->day : b->day - a->day;
    p.dates = d <= 1 ? 1 : d <= 3 ? 0.8 : d <= 7 ? 0.5 : d <= 30 ? 0.2 : 0;
  }
  p.same_script = acc[SL_F_SCRIPT].dot > 0 || acc[SL_F_SCRIPT].na == 0;
  p.both = both_name(acc);
  double x[SL_SIM_NX];
  sl_sim_design(&p, x);
  /* across scripts surface tokens cannot meet and their absence says
   * nothing, except for the capitalised words a text in another script
   * quotes in Latin letters (names, acronyms), when both sides have some */
  if (acc[SL_F_LATIN].na > 0 || acc[SL_F_LATIN].nb > 0)
    p.caps_both = acc[SL_F_LATIN].na > 0 && acc[SL_F_LATIN].nb > 0;
  else /* vectors from before the flag: any capitals */
    p.caps_both = acc[SL_F_CAPS].na > 0 && acc[SL_F_CAPS].nb > 0;
  /* the cross-lingual weights in one script lean on the dictionaries: a
   * pair they cannot translate (a language without one, a text in the
   * wrong language) is read as across scripts, by names and numbers */
  int translated = (p.both & SL_SIM_BOTH_TRANSLATED) != 0;
  const double *w = p.same_lang ? SL_SIM_W_SAME
                  : p.same_script && translated ? SL_SIM_W_CROSS
                  : p.caps_both ? SL_SIM_W_SCRIPT_CAPS : SL_SIM_W_SCRIPT;
  double y = 0;
  for (size_t k = 0; k < SL_SIM_NX; k++)
    y += w[k] * x[k];
  /* labels run from 4 (unrelated) to 1 (very similar); y predicts 5 - label */
  double s = (y - 1) / 3;
  s = calibrate(a, b, clamp01(s));
  if (p.dates == 0 && s > SL_SIM_FAR_CAP)
    s = SL_SIM_FAR_CAP;
  s = clamp01(s);
  p.score = s;
  if (parts)
    *parts = p;
  return s;
}

double sl_similarity(const sl_featvec *a, const sl_featvec *b, sl_sim_parts *parts) {
  return sl_similarity_df(a, b, NULL, parts);
}
