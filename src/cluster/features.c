/*
 * features — sparse evidence vectors (see features.h).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cluster/features.h"
#include "util/grow.h"
#include "util/strmap.h"

uint64_t sl_feat_hashed(sl_feat_kind k, uint64_t h) {
  return ((uint64_t)k << 56) | (h & 0x00FFFFFFFFFFFFFFull);
}

uint64_t sl_feat_id(sl_feat_kind k, const char *z, size_t n) { return sl_feat_hashed(k, sl_hash64(z, n)); }

int sl_feat_number_key(double value, const char *unit, char *buf, size_t cap) {
  char d[24];
  size_t nd = 0, nu = strlen(unit), o = 0;
  /* %.6g writes a whole number below 10^6 as its digits; -0 keeps its sign */
  if (!(value > -1e6 && value < 1e6) || value != (double)(long)value || (value == 0 && signbit(value)) ||
      8 + nu >= cap)
    return snprintf(buf, cap, "%.6g%s", value, unit);
  long v = (long)value;
  unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
  do
    d[nd++] = (char)('0' + u % 10);
  while ((u /= 10) > 0);
  if (v < 0)
    buf[o++] = '-';
  while (nd)
    buf[o++] = d[--nd];
  memcpy(buf + o, unit, nu + 1);
  return (int)(o + nu);
}

uint64_t sl_feat_entity(sl_feat_kind k, int64_t entity_id) {
  return ((uint64_t)k << 56) | ((uint64_t)entity_id & 0x00FFFFFFFFFFFFFFull);
}

void sl_featvec_init(sl_featvec *v) {
  memset(v, 0, sizeof *v);
  v->day = SL_NO_DAY;
}

void sl_featvec_free(sl_featvec *v) {
  if (!v)
    return;
  free(v->v);
  sl_featvec_init(v);
}

sl_rc sl_featvec_push(sl_featvec *v, uint64_t id, float w) {
  if (v->n >= v->cap && sl_grow(&v->v, v->n, &v->cap, sizeof *v->v, 64) != SL_OK)
    return SL_ENOMEM;
  v->v[v->n++] = (sl_feat){id, w};
  return SL_OK;
}

/* Stable sort of f[0..n) by id: insertion-sorted runs of RUN, then
 * bottom-up merges through tmp (n entries).  qsort's comparison calls
 * were a third of building a document's evidence; stability keeps the
 * order in which equal ids' weights are summed, so sums do not change. */
#define RUN 16
static void sort_feats(sl_feat *f, sl_feat *tmp, size_t n) {
  for (size_t a = 0; a < n; a += RUN) {
    size_t b = a + RUN < n ? a + RUN : n;
    for (size_t i = a + 1; i < b; i++) {
      sl_feat x = f[i];
      size_t j = i;
      for (; j > a && f[j - 1].id > x.id; j--)
        f[j] = f[j - 1];
      f[j] = x;
    }
  }
  sl_feat *src = f, *dst = tmp;
  for (size_t w = RUN; w < n; w *= 2) {
    for (size_t a = 0; a < n; a += 2 * w) {
      size_t m = a + w < n ? a + w : n, b = a + 2 * w < n ? a + 2 * w : n, i = a, j = m, o = a;
      while (i < m && j < b)
        dst[o++] = src[j].id < src[i].id ? src[j++] : src[i++];
      while (i < m)
        dst[o++] = src[i++];
      while (j < b)
        dst[o++] = src[j++];
    }
    sl_feat *t = src;
    src = dst;
    dst = t;
  }
  if (src != f)
    memcpy(f, src, n * sizeof *f);
}

/* Stable sort of f[0..n) by id through tmp (n entries), for ids whose
 * kind is below 16 (else 0, untouched): one counting pass on the top byte
 * of kind and hash spreads a document's features over 256 buckets, which
 * the merge sort above then finishes, most holding a handful.  Half the
 * cost of merging the whole vector for the few hundred features of a
 * document.  The result is in f. */
static int radix_feats(sl_feat *f, sl_feat *tmp, size_t n) {
  uint32_t at[256] = {0};
  uint64_t any = 0;
  for (size_t i = 0; i < n; i++) {
    any |= f[i].id;
    at[(f[i].id >> 52) & 0xFF]++;
  }
  if (any >> 60)
    return 0;
  uint32_t sum = 0;
  for (size_t d = 0; d < 256; d++) {
    uint32_t c = at[d];
    at[d] = sum;
    sum += c;
  }
  for (size_t i = 0; i < n; i++)
    tmp[at[f[i].id >> 52]++] = f[i];
  /* f is free now: each bucket is sorted in tmp, with f as scratch */
  for (size_t a = 0, b; a < n; a = b) {
    uint64_t d = tmp[a].id >> 52;
    for (b = a + 1; b < n && tmp[b].id >> 52 == d; b++)
      ;
    if (b - a > 1)
      sort_feats(tmp + a, f + a, b - a);
  }
  memcpy(f, tmp, n * sizeof *f);
  return 1;
}

static int cmp_feat(const void *a, const void *b) {
  uint64_t x = ((const sl_feat *)a)->id, y = ((const sl_feat *)b)->id;
  return x < y ? -1 : x > y;
}

size_t sl_featvec_lower(const sl_featvec *v, uint64_t id) {
  size_t lo = 0, hi = v->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v->v[mid].id < id)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

void sl_featvec_finish(sl_featvec *v) {
  if (v->n < 2)
    return;
  sl_feat *tmp = v->n > RUN ? malloc(v->n * sizeof *tmp) : NULL;
  if (tmp && v->n >= 64 && radix_feats(v->v, tmp, v->n))
    ;
  else if (tmp || v->n <= RUN)
    sort_feats(v->v, tmp, v->n);
  else
    qsort(v->v, v->n, sizeof *v->v, cmp_feat); /* no memory for the merge: in place */
  free(tmp);
  size_t o = 0;
  for (size_t i = 1; i < v->n; i++) {
    if (v->v[i].id == v->v[o].id)
      v->v[o].w += v->v[i].w;
    else
      v->v[++o] = v->v[i];
  }
  v->n = o + 1;
}

sl_rc sl_featvec_add(sl_featvec *acc, const sl_featvec *doc) {
  for (size_t i = 0; i < doc->n; i++)
    if (sl_featvec_push(acc, doc->v[i].id, doc->v[i].w) != SL_OK)
      return SL_ENOMEM;
  sl_featvec_finish(acc);
  acc->ndocs += doc->ndocs ? doc->ndocs : 1;
  return SL_OK;
}

/* Howard Hinnant's days-from-civil algorithm. */
int32_t sl_days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (int32_t)(era * 146097 + doe - 719468);
}
