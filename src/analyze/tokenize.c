/*
 * tokenize — word tokens with normal form, stem and flags (stage 4 of the
 * data flow: after langid, before dates and mentions).
 *
 * Boundaries are ICU's word breaks (wordbreak.c), as byte offsets into
 * the caller's text.  Invalid UTF-8 is read as U+FFFD.  ICU segments
 * Chinese and Japanese with its dictionary, Thai-like scripts likewise,
 * and Vietnamese into syllables.  Segments
 * whose rule status is UBRK_WORD_NONE (spaces, punctuation, emoji) are
 * skipped but scanned for sentence ends to set SL_TOK_SENT.
 *
 * Each token's normal form is that of sl_normalize (NFKC_Casefold plus
 * Arabic folding, see normalize.c); ASCII tokens take a lower-casing
 * fast path with the same result, and so do words of characters that
 * normalise one by one (a table made from ICU's answers up to U+06FF, and
 * the CJK ideographs): only the rest go through UTF-16 and ICU.  The stem is Snowball's (libstemmer)
 * for the token's language when one exists (none for vi, zh, ja, pl),
 * computed from the normal form — Russian needs lower case first.  The
 * Arabic stemmer also strips letters off names (بوتين -> وتين); stems are
 * only for term matching, mention finding uses norm.  Numbers, Han and
 * kana tokens are not stemmed.  Tokens longer than SL_TOK_MAX_BYTES are
 * dropped: they are base64 blobs or run-together junk, not words.
 *
 * Memory is reused across calls: the token array and one string pool
 * (norms and stems; pointers are fixed up at the end, as the pool may
 * move while it grows), and a cache of (language, norm) -> (stem,
 * stopword) that spares Snowball every repeated word.
 */
#include "analyze/tokenize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "analyze/normalize.h"
#include "analyze/wordbreak.h"
#include "util/utf8.h"

#define SL_TOK_MAX_BYTES 256u
/* Bytes of normal forms + stems kept per call: far above any real
 * document (SL_MAX_DOC_TEXT is 4 MB), a stop for hostile input. */
#define SL_TOK_POOL_MAX (256u * 1024u * 1024u)
#define SL_TOK_NSTEMMERS 12
/* Stem cache: stem and stopword verdict of each word Snowball stemmed,
 * by language slot and normal form: an open-addressing table of offsets
 * into a pool of variable-length entries (a word and its stem take ~24
 * bytes, not a fixed 64).  Snowball costs ~4,000 instructions a word;
 * the news-similarity dev pairs hold 70,000 distinct stemmed words, of
 * which a two-way cache of 64K fixed slots (4 MB) kept too few: 17,000
 * were stemmed twice.  When the table is 3/4 full or the pool reaches its
 * cap, the cache starts over. */
#define SL_TOK_CACHE_SLOTS (1u << 17)
#define SL_TOK_CACHE_POOL (8u << 20)

typedef struct stem_entry { /* in the pool, followed by norm then stem */
  uint32_t hash;
  uint8_t slot; /* 1 + language slot */
  uint8_t nnorm, nstem, stop;
} stem_entry;

typedef struct sl_stemslot {
  char lang[4];
  struct sb_stemmer *st; /* NULL when Snowball has no such language */
  int prefix;            /* without st: stems are the first prefix letters */
} sl_stemslot;

struct sl_tokenizer {
  sl_wordbreak *wb;
  UChar *u16, *n16;        /* per-token scratch */
  int32_t u16cap, n16cap;
  sl_token *toks;
  uint32_t *off;           /* 2 per token: norm and stem offsets in pool */
  size_t ntok, captok;
  char *pool;
  size_t npool, cappool;
  sl_stemslot stems[SL_TOK_NSTEMMERS];
  size_t nstems;
  uint32_t *cslot;         /* SL_TOK_CACHE_SLOTS: 1 + pool offset, 0 empty */
  char *cpool;             /* stem_entry records, 4-byte aligned */
  size_t ncpool, capcpool, cused;
};

/* Opens a tokenizer: one word segmenter (ICU's root locale rules, which
 * still use the CJK dictionary), reusable buffers, stemmers opened
 * lazily per language.  *out is freed with sl_tokenizer_free.  SL_EINVAL,
 * SL_ENOMEM, SL_EICU.  Not thread-safe: one tokenizer per thread. */
sl_rc sl_tokenizer_new(sl_tokenizer **out) {
  sl_rc rc = SL_OK;
  UErrorCode err = U_ZERO_ERROR;
  sl_tokenizer *tk;
  if (!out)
    return SL_EINVAL;
  *out = NULL;
  tk = calloc(1, sizeof *tk);
  if (!tk)
    return SL_ENOMEM;
  if ((rc = sl_wordbreak_new(&tk->wb)) != SL_OK)
    goto out;
  unorm2_getNFKCCasefoldInstance(&err); /* load the data once, up front */
  if (U_FAILURE(err)) {
    rc = SL_EICU;
    goto out;
  }
  *out = tk;
  tk = NULL;
out:
  sl_tokenizer_free(tk);
  return rc;
}

/* Frees a tokenizer and everything it owns; NULL is a no-op. */
void sl_tokenizer_free(sl_tokenizer *tk) {
  if (!tk)
    return;
  sl_wordbreak_free(tk->wb);
  for (size_t i = 0; i < tk->nstems; i++)
    if (tk->stems[i].st)
      sb_stemmer_delete(tk->stems[i].st);
  free(tk->u16);
  free(tk->n16);
  free(tk->toks);
  free(tk->off);
  free(tk->pool);
  free(tk->cslot);
  free(tk->cpool);
  free(tk);
}

/* Primary subtag of a language tag, lower case, at most 3 letters:
 * "zh-Hans" -> "zh", "pt_BR" -> "pt".  "" for NULL/"und". */
static void lang_key(const char *lang, char key[4]) {
  size_t i = 0;
  if (lang)
    for (; i < 3 && lang[i] && lang[i] != '-' && lang[i] != '_'; i++) {
      char c = lang[i];
      key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  key[i] = '\0';
  if (strcmp(key, "und") == 0)
    key[0] = '\0';
}

/* Letters a word keeps as its stem in language key when Snowball has no
 * stemmer for it, 0 for none.  Slavic languages inflect by their endings
 * (papież, papieża, papieżowi): their first letters, a known light stemmer
 * for them in retrieval, meet where whole forms would not.  On the dev
 * news pairs in Polish, the TF-IDF cosine of whole words correlates 0.44
 * with the human scores, of their first six letters 0.53; six rather
 * than four or five, since the dictionaries key their Polish words by
 * the same stems (translate.h), where shorter ones collide. */
static int prefix_stem_letters(const char *key) {
  static const char *const SLAVIC[] = {"pl", "cs", "sk", "uk", "bg", "hr", "sl", "sr", NULL};
  for (int i = 0; SLAVIC[i]; i++)
    if (!strcmp(key, SLAVIC[i]))
      return 6;
  return 0;
}

/* Bytes of the first n letters (code points) of UTF-8 z[0..len). */
static size_t prefix_bytes(const char *z, size_t len, int n) {
  size_t i = 0;
  for (int k = 0; k < n && i < len; k++)
    do
      i++;
    while (i < len && ((unsigned char)z[i] & 0xC0) == 0x80);
  return i;
}

/* Slot of the language's stemmer, opened on first use (its st is NULL
 * when Snowball has no such language); -1 for "und" or when every slot
 * is taken, in which case there is neither stemming nor caching. */
static int stem_slot(sl_tokenizer *tk, const char *key) {
  if (!key[0])
    return -1;
  for (size_t i = 0; i < tk->nstems; i++)
    if (strcmp(tk->stems[i].lang, key) == 0)
      return (int)i;
  if (tk->nstems >= SL_TOK_NSTEMMERS)
    return -1;
  sl_stemslot *s = &tk->stems[tk->nstems];
  memcpy(s->lang, key, sizeof s->lang);
  /* libstemmer accepts ISO 639-1 codes ("ru", "ar") as algorithm names */
  s->st = sb_stemmer_new(key, "UTF_8");
  s->prefix = s->st ? 0 : prefix_stem_letters(key);
  return (int)tk->nstems++;
}

static sl_rc pool_reserve(sl_tokenizer *tk, size_t need);

static uint32_t hash_bytes(const char *s, size_t n, uint32_t kind) {
  uint32_t h = 0x811C9DC5u ^ kind;
  for (size_t i = 0; i < n; i++) {
    h ^= (uint8_t)s[i];
    h *= 0x01000193u;
  }
  return h;
}

/* The cached entry of norm[0..nnorm) (hash h) in language slot `slot`,
 * or NULL with *at the empty table slot where it would go. */
static const stem_entry *cache_find(const sl_tokenizer *tk, uint32_t h, int slot, const char *norm,
                                    uint32_t nnorm, uint32_t *at) {
  uint32_t p = h & (SL_TOK_CACHE_SLOTS - 1);
  for (; tk->cslot[p]; p = (p + 1) & (SL_TOK_CACHE_SLOTS - 1)) {
    const stem_entry *e = (const stem_entry *)(tk->cpool + tk->cslot[p] - 1);
    if (e->hash == h && e->slot == slot + 1 && e->nnorm == nnorm &&
        !memcmp((const char *)(e + 1), norm, nnorm))
      return e;
  }
  *at = p;
  return NULL;
}

/* Caches norm -> stem sv[0..sn) and stop at table slot at (from
 * cache_find); nothing happens when memory runs short. */
static void cache_add(sl_tokenizer *tk, uint32_t at, uint32_t h, int slot, const char *norm,
                      uint32_t nnorm, const char *sv, size_t sn, int stop) {
  size_t need = (sizeof(stem_entry) + nnorm + sn + 3) & ~(size_t)3;
  if (nnorm > 255 || sn > 255)
    return;
  if ((tk->cused + 1) * 4 > SL_TOK_CACHE_SLOTS * 3 || tk->ncpool + need > SL_TOK_CACHE_POOL) {
    memset(tk->cslot, 0, SL_TOK_CACHE_SLOTS * sizeof *tk->cslot); /* start over */
    tk->ncpool = tk->cused = 0;
    at = h & (SL_TOK_CACHE_SLOTS - 1);
  }
  if (tk->ncpool + need > tk->capcpool) {
    size_t nc = tk->capcpool ? tk->capcpool * 2 : 65536;
    char *p = realloc(tk->cpool, nc);
    if (!p)
      return;
    tk->cpool = p;
    tk->capcpool = nc;
  }
  stem_entry *e = (stem_entry *)(tk->cpool + tk->ncpool);
  *e = (stem_entry){h, (uint8_t)(slot + 1), (uint8_t)nnorm, (uint8_t)sn, (uint8_t)stop};
  memcpy((char *)(e + 1), norm, nnorm);
  memcpy((char *)(e + 1) + nnorm, sv, sn);
  tk->cslot[at] = (uint32_t)tk->ncpool + 1;
  tk->ncpool += need;
  tk->cused++;
}

/* Appends stem[0..n) to the pool as a token's stem, or, when stem is
 * NULL, the first n bytes of the pool at offset from (a prefix of the
 * norm: read after the pool may have moved). */
static sl_rc push_stem(sl_tokenizer *tk, const char *stem, uint32_t from, size_t n, uint32_t *stemoff,
                       uint32_t *nstem) {
  sl_rc rc = pool_reserve(tk, n + 1);
  if (rc != SL_OK)
    return rc;
  *stemoff = (uint32_t)tk->npool;
  memcpy(tk->pool + tk->npool, stem ? stem : tk->pool + from, n);
  tk->pool[tk->npool + n] = '\0';
  tk->npool += n + 1;
  *nstem = (uint32_t)n;
  return SL_OK;
}

/* Stem and stopword verdict of norm[0..nnorm) in language slot `slot`
 * (hash: its hash_bytes(norm, nnorm, stem) when known, or NULL); the stem
 * is appended to the pool when it differs from norm (then
 * stemoff and nstem are set; otherwise left alone).  stem != 0 for letter
 * tokens, which are stemmed; numbers and ideographs are not. */
static sl_rc stem_and_stop(sl_tokenizer *tk, int slot, const char *key,
                           uint32_t normoff, uint32_t nnorm, int stem, const uint32_t *hash,
                           uint32_t *stemoff, uint32_t *nstem, int *stop) {
  struct sb_stemmer *st = stem ? tk->stems[slot].st : NULL;
  const char *norm = tk->pool + normoff;
  const char *sv = norm;
  size_t sn = nnorm;
  uint32_t h = 0, at = 0;
  if (!st) { /* no Snowball stem: the stopword table alone, which costs
              * less than a cache entry, and maybe a prefix */
    *stop = sl_is_stopword(key, norm, nnorm);
    int prefix = stem ? tk->stems[slot].prefix : 0;
    if (!prefix || (sn = prefix_bytes(norm, nnorm, prefix)) == nnorm)
      return SL_OK;
    return push_stem(tk, NULL, normoff, sn, stemoff, nstem);
  }
  if (!tk->cslot)
    tk->cslot = calloc(SL_TOK_CACHE_SLOTS, sizeof *tk->cslot);
  const stem_entry *e = NULL;
  if (tk->cslot) {
    h = hash ? *hash : hash_bytes(norm, nnorm, (uint32_t)stem);
    e = cache_find(tk, h, slot, norm, nnorm, &at);
  }
  if (e) {
    *stop = e->stop;
    sv = (const char *)(e + 1) + nnorm;
    sn = e->nstem;
  } else {
    *stop = sl_is_stopword(key, norm, nnorm);
    const sb_symbol *sym = sb_stemmer_stem(st, (const sb_symbol *)norm, (int)nnorm);
    int len = sb_stemmer_length(st);
    if (sym && len > 0) {
      sv = (const char *)sym;
      sn = (size_t)len;
    }
    if (tk->cslot)
      cache_add(tk, at, h, slot, norm, nnorm, sv, sn, *stop);
  }
  if (sn == nnorm && memcmp(sv, norm, sn) == 0)
    return SL_OK;
  /* sv points into the cache or the stemmer, never into the pool */
  return push_stem(tk, sv, 0, sn, stemoff, nstem);
}

static sl_rc pool_reserve(sl_tokenizer *tk, size_t need) {
  if (tk->npool + need <= tk->cappool)
    return SL_OK;
  size_t nc = tk->cappool ? tk->cappool : 4096;
  while (nc < tk->npool + need) {
    nc *= 2;
    if (nc > SL_TOK_POOL_MAX)
      return SL_ETOOBIG;
  }
  char *p = realloc(tk->pool, nc);
  if (!p)
    return SL_ENOMEM;
  tk->pool = p;
  tk->cappool = nc;
  return SL_OK;
}

static sl_rc toks_reserve(sl_tokenizer *tk) {
  if (tk->ntok < tk->captok)
    return SL_OK;
  size_t nc = tk->captok ? tk->captok * 2 : 256;
  sl_token *t = realloc(tk->toks, nc * sizeof *t);
  if (!t)
    return SL_ENOMEM;
  tk->toks = t;
  uint32_t *o = realloc(tk->off, nc * 2 * sizeof *o);
  if (!o)
    return SL_ENOMEM;
  tk->off = o;
  tk->captok = nc;
  return SL_OK;
}

static sl_rc grow_u16(UChar **buf, int32_t *cap, int32_t need) {
  if (need <= *cap)
    return SL_OK;
  int32_t nc = *cap ? *cap : 256;
  while (nc < need)
    nc *= 2;
  UChar *p = realloc(*buf, (size_t)nc * sizeof(UChar));
  if (!p)
    return SL_ENOMEM;
  *buf = p;
  *cap = nc;
  return SL_OK;
}

/* The normal form of one character c <= FAST_LAST, script folding
 * included, when that is one BMP character and c normalises apart from
 * what precedes it (a normalisation boundary before it, under
 * NFKC_Casefold): a word of such characters then normalises character by
 * character, without ICU.  0: ask ICU.  CJK ideographs U+4E00..U+9FFF are
 * their own normal form.  tests/unit/test_tokenize.c checks both against
 * ICU's normaliser. */
#define FAST_LAST 0x6FFu
static uint16_t FAST[FAST_LAST + 1];
/* u_isalpha(c) | u_isupper(c) || u_istitle(c) << 1, for case_flags */
static uint8_t CASE[FAST_LAST + 1];
static pthread_once_t FAST_ONCE = PTHREAD_ONCE_INIT;

static void fast_init(void) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nf = unorm2_getNFKCCasefoldInstance(&err);
  if (U_FAILURE(err))
    return;
  for (UChar32 c = 0; c <= (UChar32)FAST_LAST; c++)
    CASE[c] = (uint8_t)((u_isalpha(c) ? 1 : 0) | (u_isupper(c) || u_istitle(c) ? 2 : 0));
  for (UChar32 c = 1; c <= (UChar32)FAST_LAST; c++) {
    UChar in = (UChar)c, out[4], f;
    UErrorCode e = U_ZERO_ERROR;
    if (!unorm2_hasBoundaryBefore(nf, c))
      continue;
    int32_t k = unorm2_normalize(nf, &in, 1, out, 4, &e);
    if (U_FAILURE(e) || k != 1 || U16_IS_SURROGATE(out[0]) || out[0] == 0)
      continue;
    f = out[0];
    if (sl_fold_u16(&f, 1) != 1 || f == 0 || U16_IS_SURROGATE(f))
      continue;
    FAST[c] = f;
  }
}

/* The normal form of s[0..n) through FAST into the pool (see norm_token);
 * 0 when some character needs ICU. */
static int norm_fast(sl_tokenizer *tk, const char *s, size_t n, uint32_t *len) {
  const uint8_t *p = (const uint8_t *)s;
  int32_t i = 0, m = (int32_t)n;
  size_t o = 0;
  /* each character becomes one of at most 3 bytes from at least 1 */
  if (pool_reserve(tk, 3 * n + 1) != SL_OK)
    return 0;
  char *d = tk->pool + tk->npool;
  while (i < m) {
    UChar32 c;
    uint32_t f;
    U8_NEXT(p, i, m, c);
    if (c < 0)
      return 0;
    if ((uint32_t)c <= FAST_LAST) {
      if (!(f = FAST[c]))
        return 0;
    } else if (c >= 0x4E00 && c <= 0x9FFF) {
      f = (uint32_t)c;
    } else {
      return 0;
    }
    if (f < 0x80)
      d[o++] = (char)f;
    else
      o += sl_utf8_put(f, d + o);
  }
  d[o] = '\0';
  *len = (uint32_t)o;
  return 1;
}

/* norm_token, case_flags and stem_and_stop's hash_bytes for an ASCII
 * token in one pass over it (most tokens of Latin-script text): the
 * normal form is appended to the pool, *len, *flags and *hash (of the
 * normal form, with kind) set.  0 when a byte is not ASCII or the pool
 * cannot grow: the general path then decides, nothing having changed. */
static int norm_ascii(sl_tokenizer *tk, const char *s, size_t n, uint32_t kind, uint32_t *len,
                      uint32_t *flags, uint32_t *hash) {
  size_t letters = 0, upper = 0;
  uint32_t h = 0x811C9DC5u ^ kind, fl = 0;
  if (pool_reserve(tk, n + 1) != SL_OK)
    return 0;
  char *d = tk->pool + tk->npool;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x80)
      return 0;
    if ((unsigned)((c | 0x20) - 'a') < 26u) {
      int isup = c <= 'Z';
      if (letters == 0 && isup)
        fl |= SL_TOK_UPPER;
      letters++;
      upper += (size_t)isup;
      c |= 0x20;
    }
    d[i] = (char)c;
    h = (h ^ c) * 0x01000193u;
  }
  d[n] = '\0';
  if (letters >= 2 && upper == letters)
    fl |= SL_TOK_ALLCAPS;
  *len = (uint32_t)n;
  *flags = fl;
  *hash = h;
  return 1;
}

/* Appends the normal form of source bytes s[0..n) to the pool; *len gets
 * its byte length (NUL written after it, not counted). */
static sl_rc norm_token(sl_tokenizer *tk, const char *s, size_t n,
                        uint32_t *len) {
  sl_rc rc = SL_OK;
  size_t i;
  for (i = 0; i < n; i++)
    if ((uint8_t)s[i] >= 0x80)
      break;
  if (i == n) { /* ASCII: NFKC_Casefold is plain lower-casing */
    if ((rc = pool_reserve(tk, n + 1)) != SL_OK)
      return rc;
    char *d = tk->pool + tk->npool;
    for (i = 0; i < n; i++) {
      char c = s[i];
      d[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    d[n] = '\0';
    *len = (uint32_t)n;
    return SL_OK;
  }
  pthread_once(&FAST_ONCE, fast_init);
  if (norm_fast(tk, s, n, len))
    return SL_OK;
  UErrorCode err = U_ZERO_ERROR;
  int32_t n16 = 0, nn = 0, n8 = 0, nsub = 0;
  if ((rc = grow_u16(&tk->u16, &tk->u16cap, (int32_t)n + 1)) != SL_OK)
    return rc;
  u_strFromUTF8WithSub(tk->u16, tk->u16cap, &n16, s, (int32_t)n, 0xFFFD,
                       &nsub, &err);
  if (U_FAILURE(err))
    return SL_EICU;
  /* Most non-ASCII words (lower-case Cyrillic, Arabic without marks,
   * Han, Vietnamese) are already in normal form: copy their bytes. */
  if (nsub == 0 && sl_norm_is_final(tk->u16, n16)) {
    if ((rc = pool_reserve(tk, n + 1)) != SL_OK)
      return rc;
    memcpy(tk->pool + tk->npool, s, n);
    tk->pool[tk->npool + n] = '\0';
    *len = (uint32_t)n;
    return SL_OK;
  }
  if ((rc = sl_norm_u16(tk->u16, n16, &tk->n16, &tk->n16cap, &nn)) != SL_OK)
    return rc;
  /* each UTF-16 unit is at most 3 UTF-8 bytes */
  if ((rc = pool_reserve(tk, (size_t)nn * 3 + 1)) != SL_OK)
    return rc;
  u_strToUTF8(tk->pool + tk->npool, nn * 3 + 1, &n8, tk->n16, nn, &err);
  if (U_FAILURE(err))
    return SL_EICU;
  tk->pool[tk->npool + (size_t)n8] = '\0';
  *len = (uint32_t)n8;
  return SL_OK;
}

/* SL_TOK_UPPER / SL_TOK_ALLCAPS from the source spelling of a token. */
static uint32_t case_flags(const char *s, size_t n) {
  const uint8_t *p = (const uint8_t *)s;
  int32_t i = 0, len = (int32_t)n;
  size_t letters = 0, upper = 0;
  uint32_t fl = 0;
  while (i < len) {
    UChar32 c;
    int isup;
    if (p[i] < 0x80) {
      c = p[i++];
      if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
        continue;
      isup = c <= 'Z';
    } else {
      U8_NEXT(p, i, len, c);
      pthread_once(&FAST_ONCE, fast_init);
      if (c >= 0 && (uint32_t)c <= FAST_LAST) {
        if (!(CASE[c] & 1))
          continue;
        isup = CASE[c] >> 1;
      } else {
        if (c < 0 || !u_isalpha(c))
          continue;
        isup = u_isupper(c) || u_istitle(c);
      }
    }
    if (letters == 0 && isup)
      fl |= SL_TOK_UPPER;
    letters++;
    upper += (size_t)(isup != 0);
  }
  if (letters >= 2 && upper == letters)
    fl |= SL_TOK_ALLCAPS;
  return fl;
}

/* What the skipped bytes s[0..n) hold: 2 for a sure sentence or line end
 * (! ? newline, … 。 ؟ ...), 1 for a full stop only, 0 for neither. */
static int ends_sentence(const char *s, size_t n) {
  const uint8_t *p = (const uint8_t *)s;
  int dot = 0;
  for (size_t i = 0; i < n; i++) {
    uint8_t c = p[i];
    if (c == '.') {
      dot = 1;
      continue;
    }
    if (c == '!' || c == '?' || c == '\n')
      return 2;
    if (c < 0x80 || i + 1 >= n)
      continue;
    if (c == 0xD8 && p[i + 1] == 0x9F) /* ؟ U+061F */
      return 1;
    if (c == 0xDB && p[i + 1] == 0x94) /* ۔ U+06D4 */
      return 1;
    if (i + 2 >= n)
      continue;
    if (c == 0xE2 && p[i + 1] == 0x80 &&
        (p[i + 2] == 0xA6 || p[i + 2] == 0xA8 || p[i + 2] == 0xA9))
      return 2; /* … U+2026, line/paragraph separators */
    if (c == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x82) /* 。 */
      return 1;
    if (c == 0xEF && p[i + 1] == 0xBC && (p[i + 2] == 0x81 || p[i + 2] == 0x9F))
      return 2; /* ！ ？ full width */
  }
  return dot;
}

/* 1 when the token s[0..n) reads as an abbreviation or an initial before
 * a full stop ("U.S", "V" in "V. Putin"): one letter, or dots inside. */
static int is_abbrev(const char *s, size_t n) {
  int32_t i = 0, len = (int32_t)n, letters = 0;
  if (memchr(s, '.', n))
    return 1;
  while (i < len && letters < 2) {
    UChar32 c;
    U8_NEXT((const uint8_t *)s, i, len, c);
    letters++;
  }
  return letters == 1;
}

/* One walk of sl_tokenize over its text's segments. */
typedef struct tok_walk {
  sl_tokenizer *tk;
  const char *z;
  const char *key; /* language key (lang_key) */
  int slot;        /* stem_slot, or -1 */
  int sent;        /* the next token opens a sentence */
  uint32_t last_start, last_end; /* the last token kept */
} tok_walk;

/* A segment [start, end) of status `status` (ICU's rule status): a
 * sentence end to note or a token to add (sl_wordbreak_fn). */
static sl_rc on_segment(void *ctx, uint32_t start, uint32_t end, int32_t status) {
  tok_walk *w = ctx;
  sl_tokenizer *tk = w->tk;
  const char *s = w->z + start;
  size_t len = end - start;
  sl_rc rc;
  if (status < UBRK_WORD_NONE_LIMIT) {
    if (!w->sent) {
      int e = ends_sentence(s, len);
      /* a lone full stop after "U.S" or an initial ends no sentence */
      w->sent = e == 2 || (e == 1 && !(tk->ntok > 0 && w->last_end == start &&
                                       is_abbrev(w->z + w->last_start,
                                                 (size_t)(w->last_end - w->last_start))));
    }
    return SL_OK;
  }
  if (len > SL_TOK_MAX_BYTES)
    return SL_OK;
  if ((rc = toks_reserve(tk)) != SL_OK)
    return rc;
  sl_token *t = &tk->toks[tk->ntok];
  uint32_t *off = &tk->off[2 * tk->ntok];
  uint32_t nnorm = 0, cflags = 0, hash = 0;
  int letter = status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT;
  int ascii = norm_ascii(tk, s, len, (uint32_t)letter, &nnorm, &cflags, &hash);
  off[0] = (uint32_t)tk->npool;
  if (!ascii && (rc = norm_token(tk, s, len, &nnorm)) != SL_OK)
    return rc;
  if (nnorm == 0)
    return SL_OK; /* only marks or ignorables */
  t->start = start;
  t->end = end;
  t->nnorm = nnorm;
  t->flags = 0;
  tk->npool += nnorm + 1;
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT)
    t->flags |= SL_TOK_NUMBER;
  else
    t->flags |= ascii ? cflags : case_flags(s, len);
  if (w->sent) {
    t->flags |= SL_TOK_SENT;
    w->sent = 0;
  }
  off[1] = off[0];
  t->nstem = nnorm;
  if (w->slot >= 0) {
    int stop = 0;
    if ((rc = stem_and_stop(tk, w->slot, w->key, off[0], nnorm, letter, ascii ? &hash : NULL,
                            &off[1], &t->nstem, &stop)) != SL_OK)
      return rc;
    if (stop)
      t->flags |= SL_TOK_STOP;
  }
  w->last_start = start;
  w->last_end = end;
  tk->ntok++;
  return SL_OK;
}

const char *sl_tokenizer_pool(const sl_tokenizer *tk, size_t *n) {
  *n = tk->npool;
  return tk->pool;
}

/* Tokenises UTF-8 z[0..n) of language lang (BCP 47 tag, "und" or NULL:
 * no stems, no stopwords) into word and number tokens.  *toks points
 * into tk's memory and stays valid until the next call on tk.  Invalid
 * UTF-8 is read as U+FFFD; offsets are byte offsets into z.  SL_EINVAL,
 * SL_ETOOBIG (n > SL_MAX_INPUT_BYTES), SL_ENOMEM, SL_EICU; on error
 * *ntok is 0.  Not thread-safe per tokenizer. */
sl_rc sl_tokenize(sl_tokenizer *tk, const char *lang, const char *z, size_t n,
                  const sl_token **toks, size_t *ntok) {
  sl_rc rc = SL_OK;
  char key[4];
  tok_walk w;
  if (!tk || !toks || !ntok || (!z && n))
    return SL_EINVAL;
  *toks = NULL;
  *ntok = 0;
  tk->ntok = 0;
  tk->npool = 0;
  if (n > SL_MAX_INPUT_BYTES)
    return SL_ETOOBIG;
  if (n == 0)
    goto out;
  lang_key(lang, key);
  memset(&w, 0, sizeof w);
  w.tk = tk;
  w.z = z;
  w.key = key;
  w.slot = stem_slot(tk, key);
  w.sent = 1;
  if ((rc = sl_wordbreak_each(tk->wb, z, n, on_segment, &w)) != SL_OK)
    goto out;
  /* the pool may have moved while growing: pointers are set last */
  for (size_t i = 0; i < tk->ntok; i++) {
    tk->toks[i].norm = tk->pool + tk->off[2 * i];
    tk->toks[i].stem = tk->pool + tk->off[2 * i + 1];
  }
  *toks = tk->toks;
  *ntok = tk->ntok;
out:
  if (rc != SL_OK)
    tk->ntok = 0;
  return rc;
}
