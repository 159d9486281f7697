/*
 * translate — lookups in the generated dictionary table (see translate.h).
 * The keys are hashes, spread evenly: an index by their top 16 bits
 * leaves a handful of entries to search (a binary search over the whole
 * table was 1.4% of a similarity run).
 */
#include <pthread.h>

#include "cluster/translate.h"

#define INDEX_BITS 16

static uint32_t FIRST[(1u << INDEX_BITS) + 1]; /* first entry of each top-bits bucket */
static pthread_once_t FIRST_ONCE = PTHREAD_ONCE_INIT;

static void build_index(void) {
  size_t i = 0;
  for (uint32_t b = 0; b < (1u << INDEX_BITS); b++) {
    while (i < sl_trans_n && (sl_trans_keys[i] >> (64 - INDEX_BITS)) < b)
      i++;
    FIRST[b] = (uint32_t)i;
  }
  FIRST[1u << INDEX_BITS] = (uint32_t)sl_trans_n;
}

size_t sl_translate(uint64_t key, uint32_t *out, size_t cap) {
  pthread_once(&FIRST_ONCE, build_index);
  size_t b = (size_t)(key >> (64 - INDEX_BITS)), i = FIRST[b], end = FIRST[b + 1], n = 0;
  while (i < end && sl_trans_keys[i] < key)
    i++;
  for (; i < end && sl_trans_keys[i] == key && n < cap; i++)
    out[n++] = sl_trans_vals[i];
  return n;
}
