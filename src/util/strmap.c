/*
 * strmap — string-keyed open-addressing hash map (see strmap.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"

typedef struct slot {
  char *key; /* NULL when empty */
  size_t n;
  uint64_t h;
  int64_t v;
} slot;

struct sl_strmap {
  slot *s;
  size_t cap, count;
};

uint64_t sl_hash64(const char *z, size_t n) {
  const unsigned char *p = (const unsigned char *)z;
  uint64_t h = 1469598103934665603ull;
  size_t i = 0;
  /* four bytes a round: the same hash with a quarter of the loop tests */
  for (; i + 4 <= n; i += 4) {
    h = (h ^ p[i]) * 1099511628211ull;
    h = (h ^ p[i + 1]) * 1099511628211ull;
    h = (h ^ p[i + 2]) * 1099511628211ull;
    h = (h ^ p[i + 3]) * 1099511628211ull;
  }
  for (; i < n; i++)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

static inline uint64_t hash_mem(const char *z, size_t n) {
  const unsigned char *p = (const unsigned char *)z;
  const uint64_t k = 0x9E3779B97F4A7C15ull;
  uint64_t h = (uint64_t)n * k, w = 0;
  uint32_t a, b;
  /* whole words, then the last (overlapping) eight, four or fewer bytes:
   * most keys are a word or two long */
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      memcpy(&w, p + i, 8);
      h = (h ^ w) * k;
      h ^= h >> 32;
    }
    memcpy(&w, p + n - 8, 8);
  } else if (n >= 4) {
    memcpy(&a, p, 4);
    memcpy(&b, p + n - 4, 4);
    w = (uint64_t)a << 32 | b;
  } else if (n) {
    w = (uint64_t)p[0] << 16 | (uint64_t)p[n >> 1] << 8 | p[n - 1];
  }
  h = (h ^ w) * k;
  /* the finaliser of splitmix64: every bit reaches the low ones, which
   * pick the slot */
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 31);
}

uint64_t sl_hash_mem(const char *z, size_t n) { return hash_mem(z, n); }

sl_strmap *sl_strmap_new(void) {
  sl_strmap *m = calloc(1, sizeof *m);
  if (!m)
    return NULL;
  m->cap = 16; /* most maps are per document and small; they grow */
  m->s = calloc(m->cap, sizeof *m->s);
  if (!m->s) {
    free(m);
    return NULL;
  }
  return m;
}

void sl_strmap_free(sl_strmap *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->cap; i++)
    free(m->s[i].key);
  free(m->s);
  free(m);
}

static slot *find(const sl_strmap *m, const char *z, size_t n, uint64_t h) {
  size_t i = (size_t)h & (m->cap - 1);
  for (;;) {
    slot *s = &m->s[i];
    if (!s->key || (s->h == h && s->n == n && !memcmp(s->key, z, n)))
      return s;
    i = (i + 1) & (m->cap - 1);
  }
}

static sl_rc grow(sl_strmap *m) {
  size_t ncap = m->cap * 2;
  slot *ns = calloc(ncap, sizeof *ns);
  if (!ns)
    return SL_ENOMEM;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->s[i].key)
      continue;
    size_t j = (size_t)m->s[i].h & (ncap - 1);
    while (ns[j].key)
      j = (j + 1) & (ncap - 1);
    ns[j] = m->s[i];
  }
  free(m->s);
  m->s = ns;
  m->cap = ncap;
  return SL_OK;
}

sl_rc sl_strmap_put(sl_strmap *m, const char *z, size_t n, int64_t v) {
  if ((m->count + 1) * 4 > m->cap * 3 && grow(m) != SL_OK)
    return SL_ENOMEM;
  uint64_t h = hash_mem(z, n);
  slot *s = find(m, z, n, h);
  if (!s->key) {
    s->key = malloc(n + 1);
    if (!s->key)
      return SL_ENOMEM;
    memcpy(s->key, z, n);
    s->key[n] = 0;
    s->n = n;
    s->h = h;
    m->count++;
  }
  s->v = v;
  return SL_OK;
}

int sl_strmap_get(const sl_strmap *m, const char *z, size_t n, int64_t *v) {
  slot *s = find(m, z, n, hash_mem(z, n));
  if (!s->key)
    return 0;
  if (v)
    *v = s->v;
  return 1;
}

size_t sl_strmap_count(const sl_strmap *m) { return m->count; }
