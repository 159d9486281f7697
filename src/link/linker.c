/*
 * linker — mentions to canonical entities (see linker.h).
 */
#include <stdlib.h>
#include <string.h>

#include "analyze/langid.h"
#include "analyze/tokenize.h"
#include "link/decline.h"
#include "link/linker.h"
#include "link/names.h"
#include "util/grow.h"
#include "util/strmap.h"

#define PARTIAL_BIT ((int64_t)1 << 40) /* variant map: value is a family name */
#define AMBIGUOUS (-1)
#define BLOCK_SCAN 256 /* newest entities of a name's blocks compared with it */
/* Two acronyms are one entity only when spelled alike or known as one
 * (NATO = НАТО, IMF = МВФ score 1): a letter apart (GDP / HDP, SEC / SEK)
 * they are two, whatever a reading of their letters allows. */
#define ACRONYM_LINK 0.95
/* Family-name scores remembered, by the hashes of both names: a name not
 * linked yet is looked up again in every document that repeats it, against
 * the same block (a direct-mapped table; a collision just recomputes). */
#define FAM_CACHE_SLOTS (1u << 16)
/* Bits of the set of the first words of every variant (two bits a word):
 * the mention finder asks it before looking up each name that starts at
 * a capitalised word; a few per cent of the words not in it answer yes. */
#define FIRST_BITS (1u << 18)
/* Surfaces whose normal form (surface_norm: a tokenizer run per linked
 * mention) and names keys whose blocking codes are remembered, as
 * documents repeat their names; past this many bytes the memory starts
 * over. */
#define SURF_POOL_MAX (4u << 20)

typedef struct fam_score {
  uint64_t tag; /* both names' hashes mixed; 0 = empty */
  double score;
} fam_score;

struct sl_linker {
  sl_names *nm;
  sl_tokenizer *tk;
  sl_entity *e;
  size_t n, cap;
  sl_strmap *by_variant; /* normalised surface -> idx (| PARTIAL_BIT), AMBIGUOUS */
  sl_strmap *by_gaz;     /* gazetteer code -> idx */
  sl_strmap *by_id;      /* store id (8 bytes) -> idx, for stored entities */
  sl_strmap *by_block;   /* blocking code (sl_names_block) -> blocks[] */
  sl_idlist *blocks;
  size_t nblocks, capblocks;
  long *doc_linked;      /* scratch: entities linked in the current doc */
  fam_score *fam_cache;  /* FAM_CACHE_SLOTS */
  uint64_t *first;       /* FIRST_BITS: first words of by_variant's keys */
  sl_strmap *by_surface; /* surface -> offset in surf of its surface_norm */
  sl_strmap *by_key;     /* names key -> offset in surf of its family_codes */
  char *surf;            /* records: uint16 k, fam, fam_end, then k bytes of
                          * norm (by_surface); uint16 n, n bytes of codes (by_key) */
  size_t nsurf, capsurf;
  uint32_t stamp;        /* best_candidate's current search (sl_entity.stamp) */
  size_t ndoc_linked, capdoc;
};

sl_rc sl_linker_new(sl_linker **out) {
  sl_linker *lk = calloc(1, sizeof *lk);
  *out = NULL;
  if (!lk)
    return SL_ENOMEM;
  sl_rc rc = sl_names_new(&lk->nm);
  if (rc == SL_OK)
    rc = sl_tokenizer_new(&lk->tk);
  if (rc == SL_OK && (!(lk->by_variant = sl_strmap_new()) || !(lk->by_gaz = sl_strmap_new()) || !(lk->by_id = sl_strmap_new()) ||
                      !(lk->by_block = sl_strmap_new()) || !(lk->by_surface = sl_strmap_new()) ||
                      !(lk->by_key = sl_strmap_new()) ||
                      !(lk->fam_cache = calloc(FAM_CACHE_SLOTS, sizeof *lk->fam_cache)) ||
                      !(lk->first = calloc(FIRST_BITS / 64, sizeof *lk->first))))
    rc = SL_ENOMEM;
  if (rc != SL_OK) {
    sl_linker_free(lk);
    return rc;
  }
  *out = lk;
  return SL_OK;
}

void sl_linker_free(sl_linker *lk) {
  if (!lk)
    return;
  for (size_t i = 0; i < lk->n; i++) {
    free(lk->e[i].name);
    free(lk->e[i].key);
    free(lk->e[i].gaz_code);
  }
  for (size_t i = 0; i < lk->nblocks; i++)
    sl_idlist_free(&lk->blocks[i]);
  free(lk->blocks);
  free(lk->e);
  free(lk->doc_linked);
  free(lk->fam_cache);
  free(lk->first);
  free(lk->surf);
  sl_strmap_free(lk->by_surface);
  sl_strmap_free(lk->by_key);
  sl_strmap_free(lk->by_variant);
  sl_strmap_free(lk->by_gaz);
  sl_strmap_free(lk->by_id);
  sl_strmap_free(lk->by_block);
  sl_names_free(lk->nm);
  sl_tokenizer_free(lk->tk);
  free(lk);
}

size_t sl_linker_count(const sl_linker *lk) { return lk->n; }

sl_entity *sl_linker_by_id(sl_linker *lk, int64_t id) {
  int64_t idx;
  if (sl_strmap_get(lk->by_id, (const char *)&id, sizeof id, &idx) && lk->e[idx].id == id)
    return &lk->e[idx];
  /* stored during this run: ids are set by the store after linking */
  for (size_t i = lk->n; i-- > 0;)
    if (lk->e[i].id == id) {
      sl_strmap_put(lk->by_id, (const char *)&id, sizeof id, (int64_t)i);
      return &lk->e[i];
    }
  return NULL;
}
sl_rc sl_linker_note_id(sl_linker *lk, size_t idx) {
  if (idx >= lk->n || !lk->e[idx].id)
    return SL_EINVAL;
  int64_t id = lk->e[idx].id;
  return sl_strmap_put(lk->by_id, (const char *)&id, sizeof id, (int64_t)idx);
}

sl_entity *sl_linker_entity(sl_linker *lk, size_t idx) { return idx < lk->n ? &lk->e[idx] : NULL; }

/* The family name of key (sl_names_family: not a trailing initial, as in
 * "Путин В. В.", nor a generic word, as in "Volga River") copied into
 * fam[0..cap), NUL-terminated; returns its length. */
static size_t family_of(const char *key, char *fam, size_t cap) {
  size_t n;
  const char *f = sl_names_family(key, &n);
  if (!f || cap == 0)
    n = 0;
  else if (n >= cap)
    n = cap - 1;
  if (cap)
    memcpy(fam, f ? f : "", n), fam[n] = 0;
  return n;
}

/* Finds entity e's family name once per key (family_of): its hash, and
 * where it lies in the key, so that scoring it again needs no search. */
static void remember_family(sl_entity *e) {
  size_t n;
  const char *f = sl_names_family(e->key, &n);
  if (!f)
    n = 0;
  else if (n >= 512)
    n = 511; /* as family_of into a 512-byte buffer */
  e->fam_off = f ? (uint32_t)(f - e->key) : 0;
  e->fam_len = (uint32_t)n;
  e->fam_hash = sl_hash64(e->key + e->fam_off, n) | 1;
}

/* The blocking codes (sl_names_block) of the family name of key, one per
 * reading, that the linker indexes and looks up, into out[0..cap)
 * separated by spaces; returns their length (0: none).  Every reading
 * counts: with only the last one, 0.62-0.67 of the true Arabic and Russian
 * pairs of the names dev files met in one block (Erdogan/أردوغان did not).
 * Names of up to SHORT_NAME letters (acronyms: GDP, HDP, SEC) keep their
 * last code only: their readings are a letter apart, and every code let
 * unrelated acronyms meet. */
#define SHORT_NAME 4
static size_t family_codes(const char *key, char *out, size_t cap) {
  char fam[512];
  size_t nf = family_of(key, fam, sizeof fam), letters = 0;
  size_t nc = sl_names_block(fam, out, cap);
  while (nc && out[nc - 1] == ' ')
    out[--nc] = 0;
  for (size_t i = 0; i < nf && fam[i] != '|'; i++) /* its first reading */
    letters += (fam[i] >= 'a' && fam[i] <= 'z') || (fam[i] >= 'A' && fam[i] <= 'Z');
  const char *b = letters <= SHORT_NAME ? strrchr(out, ' ') : NULL;
  if (b) {
    nc = strlen(b + 1);
    memmove(out, b + 1, nc + 1);
  }
  return nc;
}

static int surf_room(sl_linker *lk, size_t need);

/* family_codes through lk->by_key: a name looked up again (in every
 * document that repeats it) is not read into codes again. */
static size_t key_codes(sl_linker *lk, const char *key, char *out, size_t cap) {
  int64_t at;
  size_t nk = strlen(key);
  if (sl_strmap_get(lk->by_key, key, nk, &at)) {
    uint16_t nc;
    memcpy(&nc, lk->surf + at, sizeof nc);
    if (nc + 1u > cap)
      return family_codes(key, out, cap);
    memcpy(out, lk->surf + at + sizeof nc, nc);
    out[nc] = 0;
    return nc;
  }
  size_t nc = family_codes(key, out, cap);
  uint16_t h = (uint16_t)nc;
  if (nc > UINT16_MAX || !surf_room(lk, sizeof h + nc) ||
      sl_strmap_put(lk->by_key, key, nk, (int64_t)lk->nsurf) != SL_OK)
    return nc;
  memcpy(lk->surf + lk->nsurf, &h, sizeof h);
  memcpy(lk->surf + lk->nsurf + sizeof h, out, nc);
  lk->nsurf += sizeof h + nc;
  return nc;
}

/* Posts entity idx under the blocking codes of its family name, which
 * every link must agree on. */
static sl_rc index_key(sl_linker *lk, const char *key, size_t idx) {
  char codes[512];
  key_codes(lk, key, codes, sizeof codes);
  for (const char *b = codes; *b;) {
    size_t nb = strcspn(b, " ");
    int64_t bi;
    if (!sl_strmap_get(lk->by_block, b, nb, &bi)) {
      if (sl_grow(&lk->blocks, lk->nblocks, &lk->capblocks, sizeof *lk->blocks, 256) != SL_OK)
        return SL_ENOMEM;
      bi = (int64_t)lk->nblocks;
      lk->blocks[lk->nblocks++] = (sl_idlist){0};
      if (sl_strmap_put(lk->by_block, b, nb, bi) != SL_OK)
        return SL_ENOMEM;
    }
    if (sl_idlist_add_unique(&lk->blocks[bi], idx) != SL_OK)
      return SL_ENOMEM;
    b += nb;
    while (*b == ' ')
      b++;
  }
  return SL_OK;
}

/* Display-name rank: Latin script first, then more words. */
static int name_rank(const char *z, size_t n) {
  int words = 1;
  for (size_t i = 0; i < n; i++)
    words += z[i] == ' ';
  return (sl_script_detect(z, n) == SL_SCRIPT_LATIN ? 100 : 0) + (words > 4 ? 4 : words);
}

static sl_rc new_entity(sl_linker *lk, sl_ent_type type, const char *name, size_t n,
                        const char *gaz_code, size_t *idx) {
  if (sl_grow(&lk->e, lk->n, &lk->cap, sizeof *lk->e, 256) != SL_OK)
    return SL_ENOMEM;
  sl_entity *e = &lk->e[lk->n];
  char key[512];
  memset(e, 0, sizeof *e);
  e->type = type;
  e->name = strndup(name, n);
  sl_names_key(lk->nm, name, n, key, sizeof key);
  e->key = strdup(key);
  e->gaz_code = gaz_code ? strdup(gaz_code) : NULL;
  e->name_rank = gaz_code ? 1000 : name_rank(name, n);
  e->dirty = 1;
  if (!e->name || !e->key || (gaz_code && !e->gaz_code)) {
    free(e->name);
    free(e->key);
    free(e->gaz_code);
    return SL_ENOMEM;
  }
  *idx = lk->n++;
  if (gaz_code && sl_strmap_put(lk->by_gaz, gaz_code, strlen(gaz_code), (int64_t)*idx) != SL_OK)
    return SL_ENOMEM;
  return gaz_code ? SL_OK : index_key(lk, e->key, *idx);
}

/* Code points in UTF-8 z[0..n). */
static size_t count_cps(const char *z, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    c += ((unsigned char)z[i] & 0xC0) != 0x80;
  return c;
}

/* Normalised token sequence of a surface, as the mention finder builds it,
 * into buf; [*fam, *fam_end) gets the last token longer than one letter,
 * the family name even when initials follow it ("Путин В. В."). */
static size_t surface_norm(sl_linker *lk, const char *z, size_t n, char *buf, size_t cap,
                           size_t *fam, size_t *fam_end) {
  const sl_token *t;
  size_t nt, k = 0;
  int found = 0;
  *fam = *fam_end = 0;
  if (sl_tokenize(lk->tk, "und", z, n, &t, &nt) != SL_OK)
    return 0;
  for (size_t i = 0; i < nt; i++) {
    if (k + t[i].nnorm + 2 >= cap)
      return 0;
    if (i)
      buf[k++] = ' ';
    if (!found || count_cps(t[i].norm, t[i].nnorm) > 1) {
      *fam = k;
      *fam_end = k + t[i].nnorm;
      found = count_cps(t[i].norm, t[i].nnorm) > 1;
    }
    memcpy(buf + k, t[i].norm, t[i].nnorm);
    k += t[i].nnorm;
  }
  buf[k] = 0;
  return k;
}

/* surface_norm through lk->by_surface: a surface seen before is not
 * tokenised again. */
static size_t surface_norm_cached(sl_linker *lk, const char *z, size_t n, char *buf, size_t cap,
                                  size_t *fam, size_t *fam_end) {
  int64_t at;
  uint16_t h[3];
  if (sl_strmap_get(lk->by_surface, z, n, &at)) {
    memcpy(h, lk->surf + at, sizeof h);
    if (h[0] + 1u > cap)
      return 0;
    memcpy(buf, lk->surf + at + sizeof h, h[0]);
    buf[h[0]] = 0;
    *fam = h[1];
    *fam_end = h[2];
    return h[0];
  }
  size_t k = surface_norm(lk, z, n, buf, cap, fam, fam_end);
  if (!k || k > UINT16_MAX || !surf_room(lk, sizeof h + k))
    return k;
  h[0] = (uint16_t)k, h[1] = (uint16_t)*fam, h[2] = (uint16_t)*fam_end;
  if (sl_strmap_put(lk->by_surface, z, n, (int64_t)lk->nsurf) != SL_OK)
    return k;
  memcpy(lk->surf + lk->nsurf, h, sizeof h);
  memcpy(lk->surf + lk->nsurf + sizeof h, buf, k);
  lk->nsurf += sizeof h + k;
  return k;
}

/* 1 when lk->surf has need bytes free at nsurf; past SURF_POOL_MAX both
 * memories start over.  0 when out of memory. */
static int surf_room(sl_linker *lk, size_t need) {
  if (lk->nsurf + need > SURF_POOL_MAX) {
    sl_strmap *a = sl_strmap_new(), *b = sl_strmap_new();
    if (!a || !b) {
      sl_strmap_free(a);
      sl_strmap_free(b);
      return 0;
    }
    sl_strmap_free(lk->by_surface);
    sl_strmap_free(lk->by_key);
    lk->by_surface = a;
    lk->by_key = b;
    lk->nsurf = 0;
  }
  return sl_grow(&lk->surf, lk->nsurf + need - 1, &lk->capsurf, 1, 65536) == SL_OK;
}

/* Last space-separated word of z[0..n). */
static const char *last_of(const char *z, size_t n, size_t *len) {
  size_t i = n;
  while (i > 0 && z[i - 1] != ' ')
    i--;
  *len = n - i;
  return z + i;
}

static int better_name(const char *cur, int cur_rank, const char *z, size_t n, int rank) {
  if (rank / 100 > cur_rank / 100)
    return 1; /* first Latin spelling */
  size_t lc, ln;
  const char *a = last_of(cur, strlen(cur), &lc), *b = last_of(z, n, &ln);
  return cur_rank % 100 == 1 && rank % 100 <= 3 && lc == ln && !memcmp(a, b, lc);
}

/* The two bits of FIRST for the first word of z[0..n). */
static void first_bits(const char *z, size_t n, size_t *b0, size_t *b1) {
  const char *sp = memchr(z, ' ', n);
  uint64_t h = sl_hash64(z, sp ? (size_t)(sp - z) : n);
  *b0 = (size_t)h & (FIRST_BITS - 1);
  *b1 = (size_t)(h >> 32) & (FIRST_BITS - 1);
}

/* by_variant's key z[0..n) gets value v; its first word joins FIRST. */
static sl_rc put_variant(sl_linker *lk, const char *z, size_t n, int64_t v) {
  size_t b0, b1;
  first_bits(z, n, &b0, &b1);
  lk->first[b0 / 64] |= (uint64_t)1 << (b0 % 64);
  lk->first[b1 / 64] |= (uint64_t)1 << (b1 % 64);
  return sl_strmap_put(lk->by_variant, z, n, v);
}

sl_rc sl_linker_add_variant(sl_linker *lk, size_t idx, const char *surface, size_t n) {
  char norm[512];
  size_t last, last_end;
  size_t k = surface_norm_cached(lk, surface, n, norm, sizeof norm, &last, &last_end);
  int64_t v;
  if (!k)
    return SL_OK;
  if (!sl_strmap_get(lk->by_variant, norm, k, &v) || (v & PARTIAL_BIT) || v == AMBIGUOUS) {
    if (put_variant(lk, norm, k, (int64_t)idx) != SL_OK)
      return SL_ENOMEM;
  }
  /* a person's family name alone is a partial variant ("بوتين", "Assad") */
  sl_entity *e = &lk->e[idx];
  if (e->type == SL_ENT_PERSON && (last > 0 || last_end < k) && last_end - last >= 4) {
    const char *fam = norm + last;
    size_t nf = last_end - last;
    if (!sl_strmap_get(lk->by_variant, fam, nf, &v)) {
      if (put_variant(lk, fam, nf, (int64_t)idx | PARTIAL_BIT) != SL_OK)
        return SL_ENOMEM;
    } else if ((v & PARTIAL_BIT) && (size_t)(v & ~PARTIAL_BIT) != idx) {
      if (put_variant(lk, fam, nf, AMBIGUOUS) != SL_OK)
        return SL_ENOMEM;
    }
  }
  /* a better display name replaces the current one: a Latin spelling
   * for a name only seen in other scripts, or the full form of a family
   * name ("Putin" -> "Vladimir Putin"), never a longer run of capitals */
  int r = e->gaz_code ? 0 : name_rank(surface, n);
  if (!e->gaz_code && r > e->name_rank && better_name(e->name, e->name_rank, surface, n, r)) {
    char *nn = strndup(surface, n);
    char key[512];
    if (!nn)
      return SL_ENOMEM;
    free(e->name);
    e->name = nn;
    e->name_rank = r;
    sl_names_key(lk->nm, surface, n, key, sizeof key);
    char *nk = strdup(key);
    if (!nk)
      return SL_ENOMEM;
    free(e->key);
    e->key = nk;
    e->fam_hash = 0;
    e->nwords = 0;
    e->dirty = 1;
    return index_key(lk, e->key, idx);
  }
  return SL_OK;
}

sl_rc sl_linker_load_entity(sl_linker *lk, int64_t id, sl_ent_type type, const char *name,
                            const char *gaz_code, int64_t mentions, int64_t docs, size_t *idx) {
  sl_rc rc = new_entity(lk, type, name, strlen(name), gaz_code && *gaz_code ? gaz_code : NULL, idx);
  if (rc != SL_OK)
    return rc;
  sl_entity *e = &lk->e[*idx];
  e->id = id;
  e->dirty = 0;
  e->mentions = mentions;
  e->docs = docs;
  if (!e->gaz_code)
    e->name_rank = name_rank(name, strlen(name));
  if ((rc = sl_linker_note_id(lk, *idx)) != SL_OK) /* found by id without a scan */
    return rc;
  return sl_linker_add_variant(lk, *idx, name, strlen(name));
}

int sl_linker_known(void *ctx, const char *norm, size_t n, sl_ent_type *type) {
  sl_linker *lk = ctx;
  int64_t v;
  if (!type) { /* may a variant start with this word? */
    size_t b0, b1;
    first_bits(norm, n, &b0, &b1);
    return (int)((lk->first[b0 / 64] >> (b0 % 64)) & (lk->first[b1 / 64] >> (b1 % 64)) & 1);
  }
  if (!sl_strmap_get(lk->by_variant, norm, n, &v) || v == AMBIGUOUS)
    return 0;
  *type = lk->e[v & ~PARTIAL_BIT].type;
  return 1;
}

static int linked_in_doc(const sl_linker *lk, long idx) {
  for (size_t i = 0; i < lk->ndoc_linked; i++)
    if (lk->doc_linked[i] == idx)
      return 1;
  return 0;
}

static sl_rc note_doc_link(sl_linker *lk, long idx) {
  if (linked_in_doc(lk, idx))
    return SL_OK;
  if (sl_grow(&lk->doc_linked, lk->ndoc_linked, &lk->capdoc, sizeof *lk->doc_linked, 64) != SL_OK)
    return SL_ENOMEM;
  lk->doc_linked[lk->ndoc_linked++] = idx;
  return SL_OK;
}

static size_t count_words(const char *key) {
  size_t w = 0;
  int in = 0;
  for (; *key; key++) {
    if (*key != ' ' && !in)
      w++;
    in = *key != ' ';
  }
  return w;
}

/* 1 when key is one acronym (sl_names key: script marks, then '='). */
static int is_acronym(const char *key) {
  if (*key == '#')
    key++;
  if (*key == '%' || *key == '&')
    key++;
  return *key == '=' && !strchr(key, ' ');
}

/* Best entity for a name key among those sharing a block with its words. */
static long best_candidate(sl_linker *lk, const char *key, sl_ent_type type, int strict) {
  long best = -1;
  double best_score = 0;
  size_t mwords = count_words(key);
  int macronym = is_acronym(key);
  char mlast[512], elast[512], codes[512];
  uint64_t mhash = sl_hash64(mlast, family_of(key, mlast, sizeof mlast));
  /* linked names share their family name, so its code finds them; a lone
   * given name may also stand for a full name this document already gave.
   * An entity met twice (its block, then this document's names) is scored
   * once (stamp). */
  key_codes(lk, key, codes, sizeof codes);
  size_t ncodes = 0; /* words of codes: each ends at a space or the end */
  for (const char *c = codes; *c; c++)
    ncodes += c[0] != ' ' && (c[1] == ' ' || !c[1]);
  size_t per_code = ncodes > 1 ? BLOCK_SCAN / ncodes : BLOCK_SCAN;
  if (++lk->stamp == 0) {
    for (size_t i = 0; i < lk->n; i++)
      lk->e[i].stamp = 0;
    lk->stamp = 1;
  }
  const char *code = codes;
  for (;;) {
    const sl_idlist *post = NULL;
    size_t npost = 0, from = 0, total;
    int last = !*code;
    if (!last) {
      size_t nb = strcspn(code, " ");
      int64_t bi;
      if (sl_strmap_get(lk->by_block, code, nb, &bi))
        post = &lk->blocks[bi];
      code += nb;
      while (*code == ' ')
        code++;
      /* only the blocks' newest BLOCK_SCAN entities, shared among the
       * name's codes: blocks grow with every new name, and a name already
       * linked is found by its exact variant before this search; an old
       * entity met in a new spelling may then start a new one */
      npost = post ? post->n : 0;
      from = npost > per_code ? npost - per_code : 0;
      total = npost;
    } else {
      total = mwords == 1 ? lk->ndoc_linked : 0; /* then this document's names */
    }
    for (size_t k = from; k < total; k++) {
      size_t ci = post ? post->v[k] : (size_t)lk->doc_linked[k];
      sl_entity *e = &lk->e[ci];
      if (e->stamp == lk->stamp)
        continue;
      e->stamp = lk->stamp;
      if (e->gaz_code || (type != SL_ENT_UNKNOWN && e->type != type))
        continue;
      if (!e->nwords)
        e->nwords = (uint32_t)count_words(e->key);
      size_t ewords = e->nwords;
      int in_doc = -1; /* a scan of this document's links: only when asked */
      /* a name found only by its capitals may extend a known name
       * ("Ahmed Hussein al-Sharaa" for "al-Sharaa") but not be a piece of
       * a longer one */
      if (strict && (mwords < ewords || (mwords > ewords && e->type != SL_ENT_PERSON)))
        continue;
      /* family names must agree: "Ahmed Hussein" is not "Ahmed al-Sharaa";
       * a lone given name ("Mr. Ahmed") may stand for a full name the same
       * document already gave.  This one-word test is cheap: it goes first */
      if (!e->fam_hash)
        remember_family(e);
      uint64_t tag = (mhash * 0x9E3779B97F4A7C15ull ^ e->fam_hash) | 1;
      fam_score *fc = &lk->fam_cache[(tag >> 32) & (FAM_CACHE_SLOTS - 1)];
      if (fc->tag != tag) {
        /* the family name again, from where it was found in the key */
        memcpy(elast, e->key + e->fam_off, e->fam_len);
        elast[e->fam_len] = 0;
        fc->tag = tag;
        fc->score = sl_names_score_keys_floor(mlast, elast, SL_NAMES_SAME);
      }
      double fam = fc->score;
      if (fam < SL_NAMES_SAME &&
          !(mwords == 1 && ewords > 1 && (in_doc = linked_in_doc(lk, (long)ci))))
        continue;
      if (in_doc < 0)
        in_doc = linked_in_doc(lk, (long)ci);
      double sc = sl_names_score_keys(key, e->key);
      if (sc < SL_NAMES_SAME || (sc < ACRONYM_LINK && macronym && is_acronym(e->key)))
        continue;
      if (mwords == 1 && ewords > 1 && !in_doc)
        sc -= 0.05; /* prefer the entity this document already names */
      if (in_doc)
        sc += 0.1;
      sc += (double)(e->mentions > 1000 ? 1000 : e->mentions) * 1e-6;
      if (sc > best_score) {
        best_score = sc;
        best = (long)ci;
      }
    }
    if (last)
      break;
  }
  return best;
}

/* Occurrences of each name as written, one pass: count in the low 32
 * bits, sightings that do not open a sentence (headline-style capitals
 * open one) above them. */
static sl_strmap *count_as_written(const sl_mention *ms, size_t nm) {
  sl_strmap *m = sl_strmap_new();
  for (size_t i = 0; i < nm && m; i++) {
    int64_t v = 0;
    size_t n = strlen(ms[i].norm);
    sl_strmap_get(m, ms[i].norm, n, &v);
    v += 1 + (ms[i].sentence_start ? 0 : ((int64_t)1 << 32));
    if (sl_strmap_put(m, ms[i].norm, n, v) != SL_OK) {
      sl_strmap_free(m);
      m = NULL;
    }
  }
  return m;
}

/* 1 when name z (norms joined by spaces) has word w. */
static int has_word(const char *z, const char *w) {
  size_t n = strlen(w);
  for (const char *p = z; (p = strstr(p, w)) != NULL; p += n)
    if ((p == z || p[-1] == ' ') && (p[n] == ' ' || p[n] == 0))
      return 1;
  return 0;
}

/* The last word of a capitalised run of two or three words, as a person's
 * full name ends, else NULL.  A run joined by a Romance "of" ("Secretaría
 * de Educación", "Senato di Trump") is a body or a phrase, not a name. */
static const char *last_word(const sl_mention *m) {
  static const char *const OF[] = {"de", "di", "del", "della", "des", "du", "do", "da", "dos", NULL};
  const char *sp = strrchr(m->norm, ' ');
  uint32_t words = m->tok_end - m->tok_first;
  if (!sp || words < 2 || words > 3)
    return NULL;
  for (size_t k = 0; OF[k]; k++)
    if (has_word(m->norm, OF[k]))
      return NULL;
  return sp + 1;
}

/* Adds v to name z[0..n)'s count in m; 0 when out of memory. */
static int add_count(sl_strmap *m, const char *z, size_t n, int64_t v) {
  int64_t had = 0;
  sl_strmap_get(m, z, n, &had);
  return sl_strmap_put(m, z, n, had + v) == SL_OK;
}

sl_strmap *sl_linker_count_names(const sl_mention *ms, size_t nm) {
  sl_strmap *once = count_as_written(ms, nm), *m = count_as_written(ms, nm);
  sl_strmap *done = sl_strmap_new(); /* full names credited */
  if (!once || !m || !done)
    goto oom;
  /* news names a person in full once, then by the last name alone
   * ("Recep Tayyip Erdogan ... Erdogan said"): the full name and the last
   * name each count the other's sightings */
  for (size_t i = 0; i < nm; i++) {
    const char *z = ms[i].norm, *last = last_word(&ms[i]);
    size_t n = strlen(z);
    int64_t v = 0, alone = 0;
    if (!last || sl_strmap_get(done, z, n, &v))
      continue;
    if (sl_strmap_put(done, z, n, 1) != SL_OK)
      goto oom;
    sl_strmap_get(once, z, n, &v);
    if (sl_strmap_get(once, last, strlen(last), &alone) &&
        (!add_count(m, z, n, alone) || !add_count(m, last, strlen(last), v)))
      goto oom;
  }
  sl_strmap_free(once);
  sl_strmap_free(done);
  return m;
oom:
  sl_strmap_free(once);
  sl_strmap_free(done);
  sl_strmap_free(m);
  return NULL;
}

sl_rc sl_linker_link(sl_linker *lk, const char *lang, const char *z, size_t n,
                     const sl_mention *ms, size_t nm, long *ent) {
  sl_rc rc = SL_OK;
  char key[512];
  sl_strmap *names = NULL; /* name -> occurrences, built on first need */
  (void)n;
  lk->ndoc_linked = 0;
  for (size_t i = 0; i < nm; i++)
    ent[i] = -1;
  /* two rounds: full names first, so one-word mentions can lean on them */
  for (int round = 0; round < 2 && rc == SL_OK; round++) {
    for (size_t i = 0; i < nm && rc == SL_OK; i++) {
      const sl_mention *m = &ms[i];
      size_t words = (size_t)(m->tok_end - m->tok_first);
      if ((round == 0) != (words > 1 || m->gaz != NULL))
        continue;
      const char *surface = z + m->start;
      size_t ns = m->end - m->start;
      size_t idx;
      if (m->gaz) {
        int64_t v;
        sl_ent_type gt = m->gaz->kind == SL_GAZ_ORG ? SL_ENT_ORG : SL_ENT_PLACE;
        if (sl_strmap_get(lk->by_gaz, m->gaz->code, strlen(m->gaz->code), &v))
          idx = (size_t)v;
        else if ((rc = new_entity(lk, gt, m->gaz->name, strlen(m->gaz->name), m->gaz->code, &idx)) != SL_OK)
          break;
        goto linked;
      }
      int64_t v;
      if (m->norm[0] && sl_strmap_get(lk->by_variant, m->norm, strlen(m->norm), &v) && v != AMBIGUOUS) {
        idx = (size_t)(v & ~PARTIAL_BIT);
        sl_entity *e = &lk->e[idx];
        if (m->type == SL_ENT_UNKNOWN || m->type == e->type || e->gaz_code)
          goto linked;
      }
      if (!sl_names_key(lk->nm, surface, ns, key, sizeof key))
        continue;
      long best = best_candidate(lk, key, m->type == SL_ENT_PLACE ? SL_ENT_PLACE : m->type,
                                 m->src == SL_MSRC_CAPS);
      if (best >= 0 && (words > 1 || linked_in_doc(lk, best) || lk->e[best].type == m->type ||
                        m->type == SL_ENT_UNKNOWN)) {
        idx = (size_t)best;
        goto linked;
      }
      /* a declined name ("Andrzeja Dudy"): the person its nominative
       * guess names, if known */
      char nom[128];
      size_t nnom = m->type == SL_ENT_PERSON || m->type == SL_ENT_UNKNOWN
                        ? sl_decline_guess(lang, m->norm, strlen(m->norm), nom, sizeof nom)
                        : 0;
      if (nnom && sl_strmap_get(lk->by_variant, nom, nnom, &v) && v != AMBIGUOUS &&
          lk->e[v & ~PARTIAL_BIT].type == SL_ENT_PERSON) {
        idx = (size_t)(v & ~PARTIAL_BIT);
        goto linked;
      }
      char nkey[512];
      if (nnom && sl_names_key(lk->nm, nom, nnom, nkey, sizeof nkey)) {
        best = best_candidate(lk, nkey, SL_ENT_PERSON, m->src == SL_MSRC_CAPS);
        if (best >= 0 && (words > 1 || linked_in_doc(lk, best))) {
          idx = (size_t)best;
          goto linked;
        }
      }
      /* a new entity needs evidence of its type: a trigger, an acronym, or
       * a capitalised multi-word name the document repeats */
      if (m->type == SL_ENT_UNKNOWN) {
        int64_t seen = 0;
        if (!names && !(names = sl_linker_count_names(ms, nm))) {
          rc = SL_ENOMEM;
          break;
        }
        sl_strmap_get(names, m->norm, strlen(m->norm), &seen);
        if (words < 2 || (seen & 0xFFFFFFFF) < 2 || (seen >> 32) == 0)
          continue;
      }
      if (words == 1 && m->type == SL_ENT_PERSON && ns < 3)
        continue;
      if ((rc = new_entity(lk, m->type == SL_ENT_UNKNOWN ? SL_ENT_PERSON : m->type, surface, ns,
                           NULL, &idx)) != SL_OK)
        break;
      /* the same person in the nominative finds it by its guess */
      if (nnom && !sl_strmap_get(lk->by_variant, nom, nnom, &v) &&
          (rc = put_variant(lk, nom, nnom, (int64_t)idx)) != SL_OK)
        break;
    linked:
      ent[i] = (long)idx;
      lk->e[idx].mentions++;
      if (!linked_in_doc(lk, (long)idx))
        lk->e[idx].docs++;
      if ((rc = note_doc_link(lk, (long)idx)) != SL_OK)
        break;
      rc = sl_linker_add_variant(lk, idx, surface, ns);
    }
  }
  sl_strmap_free(names);
  return rc;
}
