/*
 * similarity — same happening or not (see similarity.h).
 *
 * Each kind of evidence is a cosine between the two vectors restricted to
 * that kind.  The combination leans on entities when the languages differ
 * (word stems cannot meet then) and on both when they agree; a clear gap
 * between the two days caps the score, since two meetings of the same
 * people a year apart are two events.
 */
#include <math.h>

#include "cluster/similarity.h"

const double SL_SAME_EVENT = 0.30;
const double SL_SAME_EVENT_UNDATED = 0.45;

typedef struct kind_acc {
  double dot, na, nb;
} kind_acc;

static double cosine(const kind_acc *k) {
  return k->na > 0 && k->nb > 0 ? k->dot / sqrt(k->na * k->nb) : 0;
}

double sl_similarity(const sl_featvec *a, const sl_featvec *b, sl_sim_parts *parts) {
  kind_acc acc[SL_F_NKINDS] = {{0, 0, 0}};
  size_t i = 0, j = 0;
  /* damp raw counts: a name said ten times is not ten times the evidence */
  while (i < a->n || j < b->n) {
    if (j >= b->n || (i < a->n && a->v[i].id < b->v[j].id)) {
      double w = log1p(a->v[i].w / (double)(a->ndocs > 0 ? a->ndocs : 1));
      acc[sl_feat_kind_of(a->v[i].id)].na += w * w;
      i++;
    } else if (i >= a->n || b->v[j].id < a->v[i].id) {
      double w = log1p(b->v[j].w / (double)(b->ndocs > 0 ? b->ndocs : 1));
      acc[sl_feat_kind_of(b->v[j].id)].nb += w * w;
      j++;
    } else {
      double wa = log1p(a->v[i].w / (double)(a->ndocs > 0 ? a->ndocs : 1));
      double wb = log1p(b->v[j].w / (double)(b->ndocs > 0 ? b->ndocs : 1));
      kind_acc *k = &acc[sl_feat_kind_of(a->v[i].id)];
      k->dot += wa * wb;
      k->na += wa * wa;
      k->nb += wb * wb;
      i++;
      j++;
    }
  }
  sl_sim_parts p;
  p.persons = cosine(&acc[SL_F_PERSON]);
  p.places = cosine(&acc[SL_F_PLACE]);
  p.orgs = cosine(&acc[SL_F_ORG]);
  p.numbers = cosine(&acc[SL_F_NUMBER]);
  p.eventwords = cosine(&acc[SL_F_EVENTWORD]);
  p.words = cosine(&acc[SL_F_TERM]);
  p.chars = 0;
  p.dates = -1;
  if (a->day != SL_NO_DAY && b->day != SL_NO_DAY) {
    int32_t d = a->day > b->day ? a->day - b->day : b->day - a->day;
    p.dates = d <= 1 ? 1 : d <= 3 ? 0.8 : d <= 7 ? 0.5 : d <= 30 ? 0.2 : 0;
  }
  /* entity evidence: persons matter most, then places, then orgs */
  double ent = 0.55 * p.persons + 0.3 * p.places + 0.15 * p.orgs;
  int same_lang = acc[SL_F_TERM].dot > 0;
  double s;
  if (same_lang)
    s = 0.45 * ent + 0.4 * p.words + 0.1 * p.numbers + 0.05 * p.eventwords;
  else
    s = 0.8 * ent + 0.12 * p.numbers + 0.08 * p.eventwords;
  if (p.dates >= 0)
    s = s * (0.35 + 0.65 * p.dates) + 0.1 * p.dates;
  if (s > 1)
    s = 1;
  p.score = s;
  if (parts)
    *parts = p;
  return s;
}
