/*
 * grow — the one way storyline grows its arrays: capacity doubles from a
 * first size, with an overflow check, and a failure leaves the array as
 * it was.  Plus the id list that the linker and the clusterer index with.
 */
#ifndef SL_GROW_H
#define SL_GROW_H

#include "storyline/storyline.h"

/* Makes room for one element after the n in *(void **)parray, each of
 * elem bytes, with capacity *cap (0 for an empty array: first elements are
 * allocated).  SL_ENOMEM leaves the array and *cap unchanged. */
sl_rc sl_grow(void *parray, size_t n, size_t *cap, size_t elem, size_t first);

typedef struct sl_idlist {
  size_t *v;
  size_t n, cap;
} sl_idlist;

/* Appends id unless it is already the last element. */
sl_rc sl_idlist_push(sl_idlist *l, size_t id);
/* Appends id unless the list holds it anywhere (for short lists). */
sl_rc sl_idlist_add_unique(sl_idlist *l, size_t id);
void sl_idlist_free(sl_idlist *l);

#endif
