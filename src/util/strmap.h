/*
 * strmap — a string-keyed hash map (open addressing, linear probing) from
 * byte strings to int64 values, hashed by sl_hash_mem.  Keys are copied into the map.  Used for
 * the gazetteer, the linker's name index and the cluster's inverted index.
 */
#ifndef SL_STRMAP_H
#define SL_STRMAP_H

#include "storyline/storyline.h"

typedef struct sl_strmap sl_strmap;

/* New empty map; NULL when out of memory.  Free with sl_strmap_free. */
sl_strmap *sl_strmap_new(void);
void sl_strmap_free(sl_strmap *m);

/* Sets key z[0..n) to v (replacing).  SL_ENOMEM on failure. */
sl_rc sl_strmap_put(sl_strmap *m, const char *z, size_t n, int64_t v);

/* 1 and *v when key z[0..n) is present, else 0. */
int sl_strmap_get(const sl_strmap *m, const char *z, size_t n, int64_t *v);

size_t sl_strmap_count(const sl_strmap *m);

/* 64-bit FNV-1a hash of z[0..n); also used for feature ids. */
uint64_t sl_hash64(const char *z, size_t n);

/* A faster hash of z[0..n), eight bytes a step, for tables that live in
 * memory only (the map's slots, Bloom bits): it may change between
 * versions and differs between byte orders, so it is never stored,
 * printed or used as a feature id (sl_hash64 is). */
uint64_t sl_hash_mem(const char *z, size_t n);

/* Bit of a 64K-bit Bloom filter for word z[0..n): its length and its
 * first two and last two bytes, mixed.  Far cheaper than hashing the
 * whole word, and enough to tell most words from a small set of keys;
 * in-memory only, like sl_hash_mem. */
static inline uint32_t sl_shape_bit(const char *z, size_t n) {
  const unsigned char *p = (const unsigned char *)z;
  uint32_t h = (uint32_t)n * 0x9E3779B1u;
  if (n) {
    h ^= (uint32_t)p[0] * 0x85EBCA77u ^ (uint32_t)p[n - 1] * 0xC2B2AE3Du;
    if (n > 1)
      h ^= (uint32_t)p[1] * 0x27D4EB2Fu ^ (uint32_t)p[n - 2] * 0x165667B1u;
  }
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  return (h ^ h >> 16) & 0xFFFFu;
}

#endif
