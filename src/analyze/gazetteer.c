/*
 * gazetteer — places from CLDR (asked of ICU by tools/gen_gazetteer.sh)
 * plus a curated supplement,
 * keyed by the tokenizer's normalised forms (see gazetteer.h).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/gazetteer_int.h"
#include "analyze/tokenize.h"
#include "util/grow.h"
#include "util/strmap.h"

struct sl_gazetteer {
  sl_gaz_entry *e;
  size_t n, cap;
  sl_strmap *by_name; /* normalised token sequence -> entry index */
  sl_strmap *first;   /* first token of every name: most tokens start none */
  uint64_t shapes[(1u << 16) / 64]; /* sl_shape_bit of each first token */
  int max_tokens;
};

/* Marks a by_name value whose spelling other entries have too. */
#define SHARED ((int64_t)1 << 40)

static struct sl_gazetteer *GAZ;
static pthread_once_t GAZ_ONCE = PTHREAD_ONCE_INIT;

static long add_entry(struct sl_gazetteer *g, const char *code, const char *name, sl_place_kind kind) {
  if (sl_grow(&g->e, g->n, &g->cap, sizeof *g->e, 1024) != SL_OK)
    return -1;
  char *c = strdup(code), *nm = strdup(name);
  if (!c || !nm) {
    free(c);
    free(nm);
    return -1;
  }
  g->e[g->n] = (sl_gaz_entry){c, nm, kind};
  return (long)g->n++;
}

/* Adds one spelling of entry idx, keyed by its tokens' normalised forms.
 * The first entry to claim a spelling keeps it.  Normal forms do not
 * depend on the language ("und": no stems, which are not needed here). */
static void add_name(struct sl_gazetteer *g, sl_tokenizer *tk, const char *z, size_t n, long idx) {
  const sl_token *t;
  size_t nt = 0;
  char key[512];
  size_t k = 0;
  if (sl_tokenize(tk, "und", z, n, &t, &nt) != SL_OK || nt == 0 || nt > 6)
    return;
  for (size_t i = 0; i < nt; i++) {
    if (k + t[i].nnorm + 2 >= sizeof key)
      return;
    if (i)
      key[k++] = ' ';
    memcpy(key + k, t[i].norm, t[i].nnorm);
    k += t[i].nnorm;
  }
  int64_t had;
  if (sl_strmap_get(g->by_name, key, k, &had)) {
    /* a spelling of two places (تونس, Тунис: Tunisia and Tunis) keeps
     * its first entry, marked shared (a curated row and CLDR's may be
     * two entries of one code) */
    if (strcmp(g->e[had & ~SHARED].code, g->e[idx].code) != 0)
      (void)sl_strmap_put(g->by_name, key, k, had | SHARED);
    return;
  }
  if (sl_strmap_put(g->by_name, key, k, idx) == SL_OK && (int)nt > g->max_tokens)
    g->max_tokens = (int)nt;
  if (sl_strmap_put(g->first, t[0].norm, t[0].nnorm, 1) == SL_OK) {
    uint32_t b = sl_shape_bit(t[0].norm, t[0].nnorm);
    g->shapes[b / 64] |= 1ull << (b % 64);
  }
}

/* Country names and time-zone exemplar cities ("Europe/Moscow" -> Moscow,
 * Москва, موسكو) in storyline's languages, as CLDR gives them through ICU;
 * asked of ICU when the table was generated (tools/gen_gazetteer.sh), as
 * formatting 8,000 zone names cost each run more than its first pairs. */
static void load_cldr(struct sl_gazetteer *g, sl_tokenizer *tk) {
  for (size_t r = 0; SL_GAZ_CLDR[r].code; r++) {
    const sl_gaz_cldr *x = &SL_GAZ_CLDR[r];
    long idx = add_entry(g, x->code, x->name, x->kind);
    if (idx < 0)
      return;
    for (const char *p = x->spellings, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1)
      add_name(g, tk, p, (size_t)(nl - p), idx);
  }
}

static long find_code(struct sl_gazetteer *g, const char *code) {
  for (size_t i = 0; i < g->n; i++)
    if (!strcmp(g->e[i].code, code))
      return (long)i;
  return -1;
}

static void load_extra(struct sl_gazetteer *g, sl_tokenizer *tk) {
  for (size_t r = 0; SL_GAZ_EXTRA[r].code; r++) {
    const sl_gaz_extra *x = &SL_GAZ_EXTRA[r];
    long idx = find_code(g, x->code);
    if (idx < 0)
      idx = add_entry(g, x->code, x->name, x->kind);
    if (idx < 0)
      return;
    add_name(g, tk, x->name, strlen(x->name), idx);
    const char *p = x->variants;
    while (p && *p) {
      const char *bar = strchr(p, '|');
      size_t len = bar ? (size_t)(bar - p) : strlen(p);
      add_name(g, tk, p, len, idx);
      p = bar ? bar + 1 : NULL;
    }
  }
}

static void build(void) {
  struct sl_gazetteer *g = calloc(1, sizeof *g);
  sl_tokenizer *tk = NULL;
  if (!g || !(g->by_name = sl_strmap_new()) || !(g->first = sl_strmap_new()) ||
      sl_tokenizer_new(&tk) != SL_OK) {
    if (g) {
      sl_strmap_free(g->by_name);
      sl_strmap_free(g->first);
    }
    free(g);
    sl_tokenizer_free(tk);
    return;
  }
  /* curated rows first: they fix the English display names (Russia, not
   * "Russian Federation") and claim colloquial spellings */
  load_extra(g, tk);
  load_cldr(g, tk);
  sl_tokenizer_free(tk);
  GAZ = g;
}

const struct sl_gazetteer *sl_gazetteer_get(void) {
  pthread_once(&GAZ_ONCE, build);
  return GAZ;
}

const sl_gaz_entry *sl_gazetteer_find(const struct sl_gazetteer *g, const char *z, size_t n) {
  int64_t idx;
  if (!g || !sl_strmap_get(g->by_name, z, n, &idx))
    return NULL;
  return &g->e[idx & ~SHARED];
}

const sl_gaz_entry *sl_gazetteer_find_russian_case(const struct sl_gazetteer *g, const char *z,
                                                   size_t n, int *shared) {
  static const char *const END[] = {"", "\xD0\xB0", "\xD1\x8F", "\xD0\xB9", "\xD1\x8C", NULL};
  char buf[64];
  if (n < 2 || n - 2 + 2 >= sizeof buf)
    return NULL;
  memcpy(buf, z, n - 2);
  for (int i = 0; END[i]; i++) {
    size_t m = strlen(END[i]);
    memcpy(buf + n - 2, END[i], m);
    const sl_gaz_entry *e = sl_gazetteer_find(g, buf, n - 2 + m);
    if (e) {
      if (shared)
        *shared = sl_gazetteer_shared(g, buf, n - 2 + m);
      return e;
    }
  }
  return NULL;
}

int sl_gazetteer_shared(const struct sl_gazetteer *g, const char *z, size_t n) {
  int64_t idx;
  return g && sl_strmap_get(g->by_name, z, n, &idx) && (idx & SHARED) != 0;
}

int sl_gazetteer_may_start(const struct sl_gazetteer *g, const char *z, size_t n) {
  uint32_t b = sl_shape_bit(z, n);
  /* the bit first: most tokens are not the first word of a place */
  return g && (g->shapes[b / 64] >> (b % 64) & 1) && sl_strmap_get(g->first, z, n, NULL);
}

int sl_gazetteer_max_tokens(const struct sl_gazetteer *g) { return g ? g->max_tokens : 0; }
