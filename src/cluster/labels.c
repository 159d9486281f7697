/*
 * labels — feature id -> words (see labels.h).  An append-only array of
 * (feature, offset) pairs over one string buffer, sorted once, then read
 * by binary search: a document has a few hundred labels.
 */
#include <stdlib.h>
#include <string.h>

#include "cluster/labels.h"
#include "util/grow.h"

void sl_labels_init(sl_labels *l) { memset(l, 0, sizeof *l); }

void sl_labels_free(sl_labels *l) {
  free(l->v);
  free(l->buf);
  sl_labels_init(l);
}

void sl_labels_clear(sl_labels *l) { l->n = l->nbuf = 0; }

sl_rc sl_labels_add(sl_labels *l, uint64_t feat, const char *z, size_t n) {
  if (l->n >= SL_LABELS_MAX)
    return SL_OK;
  if (n >= SL_LABEL_MAX) { /* cut before a UTF-8 continuation byte */
    n = SL_LABEL_MAX - 1;
    while (n > 0 && ((unsigned char)z[n] & 0xC0) == 0x80)
      n--;
  }
  if (sl_grow(&l->v, l->n, &l->cap, sizeof *l->v, 64) != SL_OK)
    return SL_ENOMEM;
  while (l->nbuf + n + 1 > l->capbuf)
    if (sl_grow(&l->buf, l->capbuf, &l->capbuf, 1, 1024) != SL_OK)
      return SL_ENOMEM;
  l->v[l->n].feat = feat;
  l->v[l->n].off = (uint32_t)l->nbuf;
  l->v[l->n].seq = (uint32_t)l->n;
  l->n++;
  memcpy(l->buf + l->nbuf, z, n);
  l->nbuf += n;
  l->buf[l->nbuf++] = 0;
  return SL_OK;
}

static int by_feat(const void *pa, const void *pb) {
  const sl_label *a = pa, *b = pb;
  if (a->feat != b->feat)
    return a->feat < b->feat ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void sl_labels_finish(sl_labels *l) {
  qsort(l->v, l->n, sizeof *l->v, by_feat);
  size_t k = 0;
  for (size_t i = 0; i < l->n; i++)
    if (!k || l->v[k - 1].feat != l->v[i].feat)
      l->v[k++] = l->v[i];
  l->n = k;
}

const char *sl_labels_get(const sl_labels *l, uint64_t feat) {
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->v[mid].feat < feat)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < l->n && l->v[lo].feat == feat ? l->buf + l->v[lo].off : NULL;
}
