/*
 * grow — array growth and id lists (see grow.h).
 */
#include <stdint.h>
#include <stdlib.h>

#include "util/grow.h"

sl_rc sl_grow(void *parray, size_t n, size_t *cap, size_t elem, size_t first) {
  void **p = parray;
  if (n < *cap)
    return SL_OK;
  size_t nc = *cap ? *cap * 2 : first;
  if (nc < n + 1 || nc > SIZE_MAX / elem)
    return SL_ENOMEM;
  void *q = realloc(*p, nc * elem);
  if (!q)
    return SL_ENOMEM;
  *p = q;
  *cap = nc;
  return SL_OK;
}

sl_rc sl_idlist_push(sl_idlist *l, size_t id) {
  if (l->n && l->v[l->n - 1] == id)
    return SL_OK;
  if (sl_grow(&l->v, l->n, &l->cap, sizeof *l->v, 4) != SL_OK)
    return SL_ENOMEM;
  l->v[l->n++] = id;
  return SL_OK;
}

sl_rc sl_idlist_add_unique(sl_idlist *l, size_t id) {
  for (size_t i = 0; i < l->n; i++)
    if (l->v[i] == id)
      return SL_OK;
  return sl_idlist_push(l, id);
}

void sl_idlist_free(sl_idlist *l) {
  if (!l)
    return;
  free(l->v);
  l->v = NULL;
  l->n = l->cap = 0;
}
