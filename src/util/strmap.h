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

#endif
