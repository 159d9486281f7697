/*
 * mentions — person, place and organisation mentions (see mentions.h).
 *
 * One left-to-right pass over the tokens.  At each position the matcher
 * tries, in order: a gazetteer name, a trigger word (title -> person name,
 * place word -> place name, locative -> capitalised place), a name the
 * caller knows, and a run of capitalised words.  Scripts without case
 * (Arabic, Chinese, ...) rely on the first three; there a name after a
 * title ends at a stopword, a reporting verb, a clitic-plus-article word,
 * or punctuation.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/dates_lexicon.h"
#include "analyze/mentions.h"
#include "analyze/mentions_int.h"
#include "util/grow.h"
#include "util/strmap.h"

#define MAX_NAME_TOKENS 4
#define MAX_CUE_TOKENS 3

static sl_strmap *CUES; /* normalised cue -> kind | ntokens << 8 */
static sl_strmap *HEADS; /* normalised last word -> sl_head_kind */
static sl_strmap *CUE_FIRST; /* first token of every cue */
/* Bits of the shapes (sl_shape_bit) of CUE_FIRST's keys: a token whose
 * bit is clear starts no cue, which spares the map lookup for nearly
 * every token. */
#define CUE_BITS (1u << 16)
static uint64_t CUE_BLOOM[CUE_BITS / 64];
static pthread_once_t CUES_ONCE = PTHREAD_ONCE_INIT;

const char *sl_ent_type_name(sl_ent_type t) {
  switch (t) {
  case SL_ENT_PERSON: return "person";
  case SL_ENT_PLACE: return "place";
  case SL_ENT_ORG: return "org";
  case SL_ENT_UNKNOWN: break;
  }
  return "unknown";
}

/* Joins the norms of toks[a..b) with spaces into buf; 0 when too long. */
static size_t join_norms(const sl_token *t, size_t a, size_t b, char *buf, size_t cap) {
  size_t k = 0;
  for (size_t i = a; i < b; i++) {
    if (k + t[i].nnorm + 2 >= cap)
      return 0;
    if (i > a)
      buf[k++] = ' ';
    memcpy(buf + k, t[i].norm, t[i].nnorm);
    k += t[i].nnorm;
  }
  buf[k] = 0;
  return k;
}

/* Joins the norms of up to m tokens from toks[a] as join_norms does, once:
 * lens[j] (j = 1..) is the length of the join of the first j tokens, which
 * is a prefix of the whole.  Returns how many tokens fit in cap. */
static size_t join_prefixes(const sl_token *t, size_t a, size_t m, char *buf, size_t cap, size_t *lens) {
  size_t k = 0, j;
  for (j = 0; j < m; j++) {
    const sl_token *x = &t[a + j];
    if (k + x->nnorm + 2 >= cap)
      break;
    if (j)
      buf[k++] = ' ';
    memcpy(buf + k, x->norm, x->nnorm);
    k += x->nnorm;
    lens[j + 1] = k;
  }
  return j;
}

static void build_cues(void) {
  sl_tokenizer *tk = NULL;
  sl_strmap *m = sl_strmap_new(), *first = sl_strmap_new(), *heads = NULL;
  if (!m || !first || sl_tokenizer_new(&tk) != SL_OK)
    goto fail;
  for (size_t i = 0; SL_MENTION_CUES[i].text; i++) {
    const char *s = SL_MENTION_CUES[i].text;
    const sl_token *t;
    size_t nt;
    char key[256];
    if (sl_tokenize(tk, "und", s, strlen(s), &t, &nt) != SL_OK || nt == 0 || nt > MAX_CUE_TOKENS)
      continue;
    size_t k = join_norms(t, 0, nt, key, sizeof key);
    if (k && (sl_strmap_put(m, key, k, (int64_t)SL_MENTION_CUES[i].kind | (int64_t)nt << 8) != SL_OK ||
              sl_strmap_put(first, t[0].norm, t[0].nnorm, 1) != SL_OK))
      goto fail;
    if (k) {
      uint32_t h = sl_shape_bit(t[0].norm, t[0].nnorm);
      CUE_BLOOM[h / 64] |= 1ull << (h % 64);
    }
  }
  if (!(heads = sl_strmap_new()))
    goto fail;
  for (size_t i = 0; SL_MENTION_HEADS[i].words; i++) {
    const char *w = SL_MENTION_HEADS[i].words;
    const sl_token *t;
    size_t nt;
    if (sl_tokenize(tk, "und", w, strlen(w), &t, &nt) != SL_OK)
      goto fail;
    for (size_t k = 0; k < nt; k++) {
      /* a word may be a last word of one kind and an opening one too */
      int64_t v = 0;
      sl_strmap_get(heads, t[k].norm, t[k].nnorm, &v);
      int kind = SL_MENTION_HEADS[i].kind;
      v = kind & ~HEAD_KIND_MASK ? v | kind : (v & ~(int64_t)HEAD_KIND_MASK) | kind;
      if (sl_strmap_put(heads, t[k].norm, t[k].nnorm, v) != SL_OK)
        goto fail;
    }
  }
  sl_tokenizer_free(tk);
  CUES = m;
  CUE_FIRST = first;
  HEADS = heads;
  return;
fail:
  sl_tokenizer_free(tk);
  sl_strmap_free(m);
  sl_strmap_free(first);
  sl_strmap_free(heads);
}

/* Bytes of a possessive ending ("'s" or "’s") of z[0..n) that follows at
 * least min_stem bytes, 0 when none: "Assad's" is Assad. */
static size_t possessive_len(const char *z, size_t n, size_t min_stem) {
  if (n >= 2 + min_stem && !memcmp(z + n - 2, "'s", 2))
    return 2;
  if (n >= 4 + min_stem && !memcmp(z + n - 4, "\xE2\x80\x99s", 4))
    return 4;
  return 0;
}

/* Length of a Turkish case ending set off by an apostrophe at the end of
 * z[0..n) ("Soylu'nun", "Ankara’da"): a proper noun takes its suffixes so,
 * and the name ends before it.  0 when there is none. */
static size_t case_ending_len(const char *z, size_t n) {
  for (size_t i = n; i > 2 && n - i <= 12; i--) {
    if (z[i - 1] == '\'')
      return n - i + 1;
    if (i > 5 && !memcmp(z + i - 3, "\xE2\x80\x99", 3))
      return n - i + 3;
    unsigned char c = (unsigned char)z[i - 1];
    if (c < 0x80 && !(c >= 'a' && c <= 'z'))
      return 0; /* only letters follow the apostrophe */
  }
  return 0;
}

/* HEADS' value for token t: an sl_head_kind in the low bits, HEAD_LEAD_*
 * above them. */
static int64_t heads_of(const sl_token *t) {
  int64_t v = HEAD_NONE;
  /* "New Year's": the word without its possessive */
  size_t n = t->nnorm - possessive_len(t->norm, t->nnorm, 1);
  if (HEADS)
    sl_strmap_get(HEADS, t->norm, n, &v);
  return v;
}

/* What the last word of an untyped name says of it (HEAD_NONE: nothing). */
static sl_head_kind head_of(const sl_token *t) { return (sl_head_kind)(heads_of(t) & HEAD_KIND_MASK); }

/* 0 when z[0..n) is surely not the first token of a cue. */
static int may_start_cue(const char *z, size_t n) {
  uint32_t h = sl_shape_bit(z, n);
  return (CUE_BLOOM[h / 64] >> (h % 64)) & 1;
}

/* Longest cue starting at token i: returns its kind, *len its tokens. */
static sl_cue_kind cue_find(const sl_token *t, size_t ntok, size_t i, size_t *len) {
  char key[256];
  const sl_token *f = &t[i];
  if (!CUES)
    return CUE_NONE;
  /* most tokens start no cue, not even behind an Arabic clitic */
  if (!(may_start_cue(f->norm, f->nnorm) && sl_strmap_get(CUE_FIRST, f->norm, f->nnorm, NULL)) &&
      !(f->nnorm > 2 && ((unsigned char)f->norm[0] == 0xD9 || (unsigned char)f->norm[0] == 0xD8) &&
        may_start_cue(f->norm + 2, f->nnorm - 2) &&
        sl_strmap_get(CUE_FIRST, f->norm + 2, f->nnorm - 2, NULL)))
    return CUE_NONE;
  for (size_t k = MAX_CUE_TOKENS; k >= 1; k--) {
    if (i + k > ntok)
      continue;
    size_t n = join_norms(t, i, i + k, key, sizeof key);
    int64_t v;
    if (n && sl_strmap_get(CUES, key, n, &v)) {
      *len = k;
      return (sl_cue_kind)(v & 0xFF);
    }
    /* Arabic one-letter clitics: "ونظيره" is "و" + "نظيره" */
    if (n > 6 && ((unsigned char)key[0] == 0xD9 || (unsigned char)key[0] == 0xD8) &&
        (!memcmp(key, "\xD9\x88", 2) || !memcmp(key, "\xD8\xA8", 2) || !memcmp(key, "\xD9\x84", 2) ||
         !memcmp(key, "\xD9\x81", 2)) &&
        sl_strmap_get(CUES, key + 2, n - 2, &v)) {
      *len = k;
      return (sl_cue_kind)(v & 0xFF);
    }
  }
  return CUE_NONE;
}

/* 1 when z[from..to) is only spaces (and hyphens or apostrophes when
 * allowed, for "al-Sharaa"): the words around it belong to one name. */
static int blank(const char *z, uint32_t from, uint32_t to, int allow_hyphen) {
  for (uint32_t i = from; i < to; i++) {
    char c = z[i];
    if (c == ' ' || (unsigned char)c == 0xC2 || (unsigned char)c == 0xA0)
      continue;
    if (allow_hyphen && (c == '-' || c == '\''))
      continue;
    return 0;
  }
  return 1;
}

/* 1 when only blank() separates tokens a and b. */
static int adjacent(const char *z, const sl_token *a, const sl_token *b, int allow_hyphen) {
  return blank(z, a->end, b->start, allow_hyphen);
}

/* 1 when tokens a and b are one hyphenated word ("Corona-Krise"). */
static int joined(const char *z, const sl_token *a, const sl_token *b) {
  return b->start > a->end && blank(z, a->end, b->start, 1) && !blank(z, a->end, b->start, 0);
}

static int is_upper(const sl_token *t) { return (t->flags & SL_TOK_UPPER) != 0; }

/* 1 when t's norm ends in one of ends (NULL-terminated) after at least
 * three more bytes. */
static int ends_in(const sl_token *t, const char *const *ends) {
  for (int i = 0; ends[i]; i++) {
    size_t m = strlen(ends[i]);
    if (t->nnorm > m + 2 && !memcmp(t->norm + t->nnorm - m, ends[i], m))
      return 1;
  }
  return 0;
}

/* 1 for an inflected German adjective of the kind that opens place and
 * organisation names ("Persischen", "Vereinigten", "Bayerischen"), not
 * a given name. */
static int german_adjective(const sl_token *t) {
  static const char *const ENDS[] = {"ischen", "ischer", "ische", "isches", "igten", "igen", NULL};
  return ends_in(t, ENDS);
}

/* 1 for a German word with a suffix that makes abstract nouns
 * ("Lungenkrankheit", "Auseinandersetzungen"): no part of a person's name. */
static int german_noun(const sl_token *t) {
  static const char *const ENDS[] = {"ungen", "heit", "keit", "schaft", "tion", "tionen", "ismus", "ität", NULL};
  return ends_in(t, ENDS);
}

/* Lower-case name particles inside names: al-, el-, bin, ibn, van, von... */
static int is_particle(const sl_token *t) {
  static const char *const P[] = {"al", "el", "ul", "ad", "as", "ash", "bin", "ibn", "bint", "abu",
                                  "van", "von", "de", "da", "di", "du", "dos", "ben", NULL};
  if (t->nnorm < 2 || t->nnorm > 4) /* the lengths of P: most words are out at once */
    return 0;
  for (int i = 0; P[i]; i++)
    if (P[i][0] == t->norm[0] && t->nnorm == strlen(P[i]) && !memcmp(t->norm, P[i], t->nnorm))
      return 1;
  return 0;
}

typedef struct scan {
  const char *z;
  const sl_token *t;
  size_t ntok;
  int cased; /* the text's script has letter case */
  int nouns_capitalised; /* German, Luxembourgish: every noun has a capital */
  int slavic;            /* Polish, Czech, Slovak: places take case endings */
  int turkish;           /* Turkish: a proper noun's case ending follows an apostrophe */
  const struct sl_gazetteer *gaz;
  sl_known_name_fn known;
  void *known_ctx;
  sl_mention *out;
  size_t n, cap;
  uint8_t *titled;        /* bit per token: its sentence is in title case (titled_build) */
  const sl_token **lower; /* tokens the text writes in lower case, by norm hash */
  size_t lower_mask;      /* slots - 1 (a power of two), 0 when none */
  sl_mention_memo *memo;  /* may be NULL */
} scan;

/* Bytes at the end of z[0..n) that follow a name but are not part of it:
 * a possessive ("Assad's"; the name keeps min_stem bytes), and in Turkish
 * a case ending after an apostrophe ("Soylu'nun"). */
static size_t suffix_len(const scan *s, const char *z, size_t n, size_t min_stem) {
  size_t p = possessive_len(z, n, min_stem);
  if (s->turkish)
    p += case_ending_len(z, n - p);
  return p;
}

#define MEMO_UNSEEN 0xFF

struct sl_mention_memo {
  const sl_token *toks;
  size_t ntok;
  const sl_gaz_entry **gaz; /* gaz_find at each token, once gaz_len is seen */
  uint8_t *gaz_len;         /* MEMO_UNSEEN, else the match's tokens (0: none) */
  uint8_t *cue, *cue_len;   /* cue_find's kind and length, cue MEMO_UNSEEN first */
  uint8_t *cal;             /* is_calendar_word, MEMO_UNSEEN first */
  const sl_token **lower;   /* lower_build's table (NULL: not built) */
  size_t lower_mask;
  uint8_t *titled;          /* titled_build's bits (NULL: not built) */
};

void sl_mention_memo_free(sl_mention_memo *m) {
  if (!m)
    return;
  free(m->gaz);
  free(m->gaz_len);
  free(m->cue);
  free(m->cue_len);
  free(m->cal);
  free(m->lower);
  free(m->titled);
  free(m);
}

/* A memo for toks[0..ntok), every lookup unseen; NULL when out of memory. */
static sl_mention_memo *memo_new(const sl_token *toks, size_t ntok) {
  sl_mention_memo *m = calloc(1, sizeof *m);
  size_t k = ntok ? ntok : 1;
  if (!m || !(m->gaz = malloc(k * sizeof *m->gaz)) || !(m->gaz_len = malloc(k)) ||
      !(m->cue = malloc(k)) || !(m->cue_len = malloc(k)) || !(m->cal = malloc(k))) {
    sl_mention_memo_free(m);
    return NULL;
  }
  memset(m->gaz_len, MEMO_UNSEEN, k);
  memset(m->cue, MEMO_UNSEEN, k);
  memset(m->cal, MEMO_UNSEEN, k);
  m->toks = toks;
  m->ntok = ntok;
  return m;
}

/* cue_find through the memo. */
static sl_cue_kind cue_at(scan *s, size_t i, size_t *len) {
  sl_mention_memo *m = s->memo;
  if (!m)
    return cue_find(s->t, s->ntok, i, len);
  if (m->cue[i] == MEMO_UNSEEN) {
    size_t l = 0;
    m->cue[i] = (uint8_t)cue_find(s->t, s->ntok, i, &l);
    m->cue_len[i] = (uint8_t)l;
  }
  if (m->cue[i] != CUE_NONE)
    *len = m->cue_len[i];
  return (sl_cue_kind)m->cue[i];
}

/* The set of norms written in lower case: an open-addressing table of
 * token pointers local to one call (a string map copied every key). */
static sl_rc lower_build(scan *s) {
  size_t slots = 16;
  while (slots < 2 * s->ntok)
    slots *= 2;
  s->lower = calloc(slots, sizeof *s->lower);
  if (!s->lower)
    return SL_ENOMEM;
  s->lower_mask = slots - 1;
  for (size_t i = 0; i < s->ntok; i++) {
    const sl_token *t = &s->t[i];
    if (t->flags & (SL_TOK_UPPER | SL_TOK_NUMBER))
      continue;
    size_t p = (size_t)sl_hash_mem(t->norm, t->nnorm) & s->lower_mask;
    while (s->lower[p] && !(s->lower[p]->nnorm == t->nnorm && !memcmp(s->lower[p]->norm, t->norm, t->nnorm)))
      p = (p + 1) & s->lower_mask;
    s->lower[p] = t;
  }
  return SL_OK;
}

/* Marks the tokens of the sentences written in title case, as English
 * headlines are ("Tom Moore Is Awarded Knighthood For Fundraising
 * Walks"): five words or more, four in five with a capital, a small word
 * among them.  Capitals there say nothing of names. */
static sl_rc titled_build(scan *s) {
  s->titled = calloc(s->ntok / 8 + 1, 1);
  if (!s->titled)
    return SL_ENOMEM;
  for (size_t a = 0; a < s->ntok;) {
    size_t b = a + 1, words = 0, caps = 0, small = 0;
    while (b < s->ntok && !(s->t[b].flags & SL_TOK_SENT))
      b++;
    for (size_t k = a; k < b; k++) {
      if (s->t[k].flags & SL_TOK_NUMBER)
        continue;
      words++;
      if (is_upper(&s->t[k])) {
        caps++;
        small += k > a && (s->t[k].flags & SL_TOK_STOP);
      }
    }
    if (words >= 5 && caps * 5 >= words * 4 && small)
      for (size_t k = a; k < b; k++)
        s->titled[k / 8] |= (uint8_t)(1u << (k % 8));
    a = b;
  }
  return SL_OK;
}

static int titled(const scan *s, size_t i) { return s->titled && (s->titled[i / 8] >> (i % 8)) & 1; }

static int lower_has(const scan *s, const sl_token *t) {
  size_t p = (size_t)sl_hash_mem(t->norm, t->nnorm) & s->lower_mask;
  for (; s->lower[p]; p = (p + 1) & s->lower_mask)
    if (s->lower[p]->nnorm == t->nnorm && !memcmp(s->lower[p]->norm, t->norm, t->nnorm))
      return 1;
  return 0;
}

static const char *const ARABIC_CLITICS[] = {"\xD9\x88", "\xD8\xA8", "\xD9\x84", "\xD9\x81", "\xD9\x83", NULL};

/* Length of an elided prefix ("l'", "d'", "qu'", "dell'") of norm, or 0. */
static size_t elision(const char *norm, size_t n) {
  for (size_t i = 1; i <= 4 && i + 1 < n; i++) {
    char c = norm[i];
    if (c == '\'')
      return i + 1;
    if (c < 'a' || c > 'z')
      return 0;
  }
  return 0;
}

/* Polish and Czech cases of a one-word place, by the endings that replace
 * its nominative's: "Polsce", "Rosji", "Warszawie", "Chinach", "Berlinie",
 * "Izraelu", "Německu" -> Polska, Rosja, Warszawa, Chiny, Berlin, Izrael,
 * Německo.  Each pair is (case ending, nominative ending). */
static const char *const SLAVIC_END[][2] = {
  {"ie", "a"}, {"ie", ""}, {"ii", "ia"}, {"i", "a"}, {"y", "a"}, {"ce", "ka"}, {"ach", "y"},
  {"u", ""}, {"u", "o"}, {"e", "a"}, {"\xC4\x99", "a"}, {"\xC4\x85", "a"}, {"\xC4\x9B", "a"},
  {"em", ""}, {"a", ""}, {NULL, NULL}};

static const sl_gaz_entry *slavic_base(const struct sl_gazetteer *g, const char *key, size_t n) {
  char buf[64];
  for (int i = 0; SLAVIC_END[i][0]; i++) {
    size_t ce = strlen(SLAVIC_END[i][0]), ne = strlen(SLAVIC_END[i][1]);
    if (n < ce + 3 || n - ce + ne >= sizeof buf || memcmp(key + n - ce, SLAVIC_END[i][0], ce))
      continue;
    memcpy(buf, key, n - ce);
    memcpy(buf + n - ce, SLAVIC_END[i][1], ne);
    const sl_gaz_entry *e = sl_gazetteer_find(g, buf, n - ce + ne);
    if (e)
      return e;
  }
  return NULL;
}

/* 0 when no gazetteer name can start at token t in any of the forms
 * gaz_at tries (as written, without a possessive, without an elided
 * article or an Arabic clitic; Russian case endings are always tried):
 * most tokens start none, and then the longer lookups are skipped. */
static int may_start_place(const scan *s, const sl_token *t) {
  const char *f = t->norm;
  size_t n = t->nnorm;
  if (n >= 2 && ((unsigned char)f[0] == 0xD0 || (unsigned char)f[0] == 0xD1))
    return 1;
  if (s->slavic && (t->flags & SL_TOK_UPPER))
    return 1;
  if (sl_gazetteer_may_start(s->gaz, f, n))
    return 1;
  size_t p = suffix_len(s, f, n, 2);
  if (p && sl_gazetteer_may_start(s->gaz, f, n - p))
    return 1;
  if (s->cased) {
    size_t el = elision(f, n);
    return el && sl_gazetteer_may_start(s->gaz, f + el, n - el);
  }
  for (int c = 0; ARABIC_CLITICS[c]; c++)
    if (n > 2 && !memcmp(f, ARABIC_CLITICS[c], 2) && sl_gazetteer_may_start(s->gaz, f + 2, n - 2))
      return 1;
  return 0;
}

/* Gazetteer match at token i, longest first.  In scripts without case the
 * first token may carry a one-letter clitic (و ب ل ف ك). */
static const sl_gaz_entry *gaz_find(scan *s, size_t i, size_t *len) {
  char key[512];
  if (!may_start_place(s, &s->t[i]))
    return NULL;
  int maxk = sl_gazetteer_max_tokens(s->gaz);
  size_t kmax = (size_t)(maxk > MAX_NAME_TOKENS ? MAX_NAME_TOKENS : maxk), lens[MAX_NAME_TOKENS + 1];
  size_t fit = join_prefixes(s->t, i, kmax < s->ntok - i ? kmax : s->ntok - i, key, sizeof key, lens);
  for (size_t k = kmax; k >= 1; k--) {
    if (i + k > s->ntok || k > fit)
      continue;
    size_t n = lens[k];
    const sl_gaz_entry *e = sl_gazetteer_find(s->gaz, key, n);
    size_t p = e ? 0 : suffix_len(s, key, n, 2); /* "Assad's", "Ankara'da" */
    if (p)
      e = sl_gazetteer_find(s->gaz, key, n - p);
    /* Russian cases: "России", "Москве", "Китая" -> Россия, Москва, Китай */
    if (!e && k == 1 && n >= 6 && ((unsigned char)key[0] == 0xD0 || (unsigned char)key[0] == 0xD1))
      e = sl_gazetteer_find_russian_case(s->gaz, key, n, NULL);
    if (!e && k == 1 && s->slavic)
      e = slavic_base(s->gaz, key, n);
    /* elided articles and prepositions: l'ONU, d'Italia, dell'Iran */
    if (!e && s->cased) {
      size_t el = elision(key, n);
      if (el)
        e = sl_gazetteer_find(s->gaz, key + el, n - el);
    }
    if (!e && !s->cased) {
      for (int c = 0; ARABIC_CLITICS[c] && !e; c++)
        if (n > 6 && !memcmp(key, ARABIC_CLITICS[c], 2))
          e = sl_gazetteer_find(s->gaz, key + 2, n - 2);
    }
    /* a short name opening a sentence is more likely a word with a
     * capital ("Un homme…" is not the UN) unless written in capitals */
    if (e && k == 1 && s->cased && s->t[i].nnorm <= 3 && (s->t[i].flags & SL_TOK_SENT) &&
        !(s->t[i].flags & SL_TOK_ALLCAPS))
      e = NULL;
    if (e) {
      *len = k;
      return e;
    }
  }
  return NULL;
}

/* 0 when no name the caller knows can start at token t, as written or
 * (in scripts without case) after a one-letter clitic: then known_at's
 * lookups are spared.  A norm with a space in it is not asked about. */
static int may_be_known(const scan *s, const sl_token *t) {
  const char *f = t->norm;
  size_t n = t->nnorm;
  if (memchr(f, ' ', n) || s->known(s->known_ctx, f, n, NULL))
    return 1;
  if (s->cased || n <= 2)
    return 0;
  for (int c = 0; ARABIC_CLITICS[c]; c++)
    if (!memcmp(f, ARABIC_CLITICS[c], 2))
      return s->known(s->known_ctx, f + 2, n - 2, NULL);
  return 0;
}

/* 1 when token t of a text with case starts no place: written in lower
 * case, unless a capital follows an elision ("l'ONU" counts).  Most
 * tokens are such, and go no further. */
static int lower_no_place(const scan *s, const sl_token *t) {
  if (!s->cased || is_upper(t) || (t->flags & SL_TOK_ALLCAPS))
    return 0;
  size_t el = elision(t->norm, t->nnorm);
  char c = el ? s->z[t->start + el] : 0;
  return !(c >= 'A' && c <= 'Z');
}

/* gaz_find (after lower_no_place) through the memo. */
static const sl_gaz_entry *gaz_at(scan *s, size_t i, size_t *len) {
  sl_mention_memo *m = s->memo;
  if (lower_no_place(s, &s->t[i]))
    return NULL;
  if (!m)
    return gaz_find(s, i, len);
  if (m->gaz_len[i] == MEMO_UNSEEN) {
    size_t l = 0;
    m->gaz[i] = gaz_find(s, i, &l);
    m->gaz_len[i] = (uint8_t)(m->gaz[i] ? l : 0);
  }
  if (m->gaz[i])
    *len = m->gaz_len[i];
  return m->gaz[i];
}

static int known_at(scan *s, size_t i, size_t *len, sl_ent_type *type) {
  char key[512];
  if (!s->known || (s->cased && !is_upper(&s->t[i])) || (s->t[i].flags & SL_TOK_STOP))
    return 0;
  if (!may_be_known(s, &s->t[i]))
    return 0;
  size_t lens[MAX_NAME_TOKENS + 1];
  size_t fit = join_prefixes(s->t, i, MAX_NAME_TOKENS < s->ntok - i ? MAX_NAME_TOKENS : s->ntok - i, key,
                             sizeof key, lens);
  for (size_t k = MAX_NAME_TOKENS; k >= 1; k--) {
    if (i + k > s->ntok)
      continue;
    if (k > 1 && !adjacent(s->z, &s->t[i + k - 2], &s->t[i + k - 1], 1))
      continue;
    if (k > fit)
      continue;
    size_t n = lens[k];
    if (s->known(s->known_ctx, key, n, type)) {
      *len = k;
      return 1;
    }
    if (!s->cased && n > 6) {
      for (int c = 0; ARABIC_CLITICS[c]; c++)
        if (!memcmp(key, ARABIC_CLITICS[c], 2) && s->known(s->known_ctx, key + 2, n - 2, type)) {
          *len = k;
          return 1;
        }
    }
  }
  return 0;
}

static sl_rc emit(scan *s, size_t a, size_t b, sl_ent_type type, sl_mention_src src,
                  const sl_gaz_entry *gaz) {
  if (sl_grow(&s->out, s->n, &s->cap, sizeof *s->out, 32) != SL_OK)
    return SL_ENOMEM;
  sl_mention *m = &s->out[s->n++];
  memset(m, 0, sizeof *m);
  m->tok_first = (uint32_t)a;
  m->tok_end = (uint32_t)b;
  m->start = s->t[a].start;
  m->end = s->t[b - 1].end;
  m->end -= (uint32_t)suffix_len(s, s->z + m->start, m->end - m->start, 2);
  m->type = type;
  m->src = src;
  m->gaz = gaz;
  m->sentence_start = (s->t[a].flags & SL_TOK_SENT) != 0;
  if (!join_norms(s->t, a, b, m->norm, sizeof m->norm))
    m->norm[0] = 0;
  size_t nn = strlen(m->norm);
  m->norm[nn - suffix_len(s, m->norm, nn, 1)] = 0;
  return SL_OK;
}

/* Month and weekday names are capitalised in many languages but are not
 * names ("Friday", "December"); the dates lexicon knows them all. */
static int is_calendar_word(const sl_token *t) {
  char f[64];
  if (sl_lex_init() != SL_OK)
    return 0;
  size_t n = sl_lex_fold(t->norm, t->nnorm, f, sizeof f);
  const sl_lex *e = n ? sl_lex_lookup(f, n) : NULL;
  return e && ((e->roles & LR_WEEKDAY) || ((e->roles & LR_MONTH) && e->full_langs));
}

/* is_calendar_word of token i through the memo. */
static int calendar_at(scan *s, size_t i) {
  sl_mention_memo *m = s->memo;
  if (!m)
    return is_calendar_word(&s->t[i]);
  if (m->cal[i] == MEMO_UNSEEN)
    m->cal[i] = (uint8_t)is_calendar_word(&s->t[i]);
  return m->cal[i];
}

/* 1 when token t ends in a possessive ("Merkel's") or a Turkish case
 * ending: the name ends there. */
static int name_ends(const scan *s, const sl_token *t) {
  return suffix_len(s, s->z + t->start, t->end - t->start, 1) != 0;
}

/* Length of a capitalised name starting at token i (0 when none). */
static size_t caps_run(scan *s, size_t i) {
  size_t j = i, words = 0;
  /* "al-Sharaa", "van Gogh": a name may open with a lower-case particle */
  if (i + 1 < s->ntok && is_particle(&s->t[i]) && !is_upper(&s->t[i]) &&
      is_upper(&s->t[i + 1]) && s->t[i].end < s->t[i + 1].start && s->z[s->t[i].end] == '-')
    j++;
  while (j < s->ntok && words < MAX_NAME_TOKENS) {
    const sl_token *t = &s->t[j];
    if (j > i && !adjacent(s->z, &s->t[j - 1], t, 1))
      break;
    if (j > i) {
      size_t glen;
      if (gaz_at(s, j, &glen) || cue_at(s, j, &glen) == CUE_PERSON)
        break;
    }
    if (is_upper(t) && !(t->flags & SL_TOK_NUMBER) && !(t->flags & SL_TOK_STOP) &&
        !calendar_at(s, j)) {
      words++;
      j++;
      if (name_ends(s, t))
        break;
      continue;
    }
    /* a lower-case particle counts only inside a name, before a capital */
    if (j > i && is_particle(t) && j + 1 < s->ntok && is_upper(&s->t[j + 1]) &&
        adjacent(s->z, t, &s->t[j + 1], 1)) {
      j++;
      continue;
    }
    break;
  }
  return j - i;
}

/* Where every noun has a capital (German), the name within the capitals
 * toks[*start..*start + *run), narrowed in place; 0 when there is none.  A
 * lone capital is a noun unless it is an acronym (CDU, RTL), and so is a
 * hyphenated compound ("Corona-Krise"); two capitals in a row are a name
 * ("Tom Moore", "Frank-Walter Steinmeier") after the nouns before it
 * ("Weltkriegsveteran Tom Moore"), unless the first is an adjective
 * ("Persischen Golf") or one of them an abstract noun.  "von" there mostly
 * joins two nouns ("Zustrom von Migranten"): the run ends before it.  Of
 * the persons the German dev texts yield so, about two in three are names
 * of people, most of the rest names of places and organisations. */
static int noun_language_name(const scan *s, size_t *start, size_t *run) {
  const sl_token *t = s->t;
  size_t a = *start, n = *run, words = 1;
  for (size_t k = a + 1; k < a + n; k++)
    if (is_particle(&t[k]) && !is_upper(&t[k]))
      n = k - a;
  for (size_t k = a + 1; k < a + n; k++)
    words += !joined(s->z, &t[k - 1], &t[k]);
  *run = n;
  if (words == 1)
    return n == 1 && (t[a].flags & SL_TOK_ALLCAPS) && t[a].nnorm <= 6;
  while (words > 2) {
    do {
      a++;
      n--;
    } while (joined(s->z, &t[a - 1], &t[a]));
    words--;
  }
  *start = a;
  *run = n;
  const sl_token *last = &t[a + n - 1];
  if ((last->flags & SL_TOK_ALLCAPS) && last->nnorm <= 6) {
    *start = a + n - 1; /* "Hamburgs CDU": the acronym alone */
    *run = 1;
    return 1;
  }
  if (german_adjective(&t[a]))
    return 0;
  for (size_t k = a; k < a + n; k++)
    if (german_noun(&t[k]) && head_of(last) == HEAD_NONE && head_of(&t[a]) != HEAD_ORG)
      return 0;
  return 1;
}

/* 1 for عبد ("servant of"), which opens a given name of two words. */
static int is_abd(const sl_token *t) {
  return t->nnorm == 6 && !memcmp(t->norm, "\xD8\xB9\xD8\xA8\xD8\xAF", 6);
}

/* Arabic-style name after a title: up to three words, ending at a
 * stopword, a cue, a clitic+article word or punctuation. */
static size_t uncased_run(scan *s, size_t i) {
  size_t j = i;
  while (j < s->ntok && j - i < 3) {
    const sl_token *t = &s->t[j];
    size_t clen, glen;
    if (j > i && !adjacent(s->z, &s->t[j - 1], t, 0))
      break;
    if (t->flags & (SL_TOK_STOP | SL_TOK_NUMBER))
      break;
    if (cue_at(s, j, &clen) != CUE_NONE)
      break;
    if (j > i && gaz_at(s, j, &glen))
      break;
    /* و/ب/ل/ف + ال opens a new phrase ("بالرئيس", "والعلاقات") */
    if (j > i && t->nnorm > 6 && !memcmp(t->norm + 2, "\xD8\xA7\xD9\x84", 4) &&
        memcmp(t->norm, "\xD8\xA7", 2))
      break;
    j++;
    /* a family name with the article ends the name ("أحمد الشرع"), but
     * after عبد it is the second half of one given name ("عبد الفتاح السيسي") */
    if (j - i >= (is_abd(&s->t[i]) ? 3u : 2u) && t->nnorm > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4))
      break;
  }
  return j - i;
}

/* Arabic nisba adjective ("الروسي", "السورية"): skipped after a title. */
static int is_nisba(const sl_token *t) {
  if (t->nnorm < 8 || memcmp(t->norm, "\xD8\xA7\xD9\x84", 4))
    return 0;
  const char *e = t->norm + t->nnorm;
  return !memcmp(e - 2, "\xD9\x8A", 2) || (t->nnorm >= 10 && !memcmp(e - 4, "\xD9\x8A\xD9\x87", 4));
}

/* The name after a title word ending at token i: skips nationality and
 * role complements, then takes the name itself.  Returns its token range. */
static int name_after_title(scan *s, size_t i, size_t *a, size_t *b) {
  size_t j = i, skipped = 0, len;
  while (j < s->ntok && skipped < 4) {
    sl_cue_kind k = cue_at(s, j, &len);
    if (k == CUE_SKIP || k == CUE_PERSON) {
      j += len;
      skipped++;
      continue;
    }
    if (gaz_at(s, j, &len) && (s->t[j + len - 1].flags & SL_TOK_UPPER || !s->cased)) {
      j += len; /* "Tổng thống Nga Vladimir Putin": skip the country */
      skipped++;
      continue;
    }
    if (!s->cased && is_nisba(&s->t[j])) {
      j++;
      skipped++;
      continue;
    }
    break;
  }
  /* the name follows the title (or what was skipped) with nothing between
   * but the period of an abbreviation ("Mr. Smith", "Sen. Paul"): "...del
   * presidente. NBC News informó" names no president */
  if (j >= s->ntok)
    return 0;
  if (j > 0) {
    const sl_token *p = &s->t[j - 1];
    uint32_t from = p->end + (p->end - p->start <= 4 && s->z[p->end] == '.');
    if (!blank(s->z, from, s->t[j].start, 0))
      return 0;
  }
  /* an organisation word opens a board, a ministry, a company */
  if (head_of(&s->t[j]) == HEAD_ORG)
    return 0;
  size_t n = s->cased ? caps_run(s, j) : uncased_run(s, j);
  if (n == 0)
    return 0;
  /* where every noun has a capital, the name is its first two words:
   * "Präsident Donald Trump Ende Januar" */
  if (s->nouns_capitalised && n > 2)
    n = 2;
  *a = j;
  *b = j + n;
  return 1;
}

sl_rc sl_mentions_find(const char *lang, const char *z, size_t n, const sl_token *toks, size_t ntok,
                       sl_known_name_fn known, void *known_ctx, sl_mention **out, size_t *nout) {
  return sl_mentions_find_memo(lang, z, n, toks, ntok, known, known_ctx, NULL, out, nout);
}

sl_rc sl_mentions_find_memo(const char *lang, const char *z, size_t n, const sl_token *toks,
                            size_t ntok, sl_known_name_fn known, void *known_ctx,
                            sl_mention_memo **memo, sl_mention **out, size_t *nout) {
  scan s = {z, toks, ntok, 0, 0, 0, 0, sl_gazetteer_get(), known, known_ctx, NULL, 0, 0, NULL, NULL, 0, NULL};
  sl_rc rc = SL_OK;
  (void)n;
  pthread_once(&CUES_ONCE, build_cues);
  *out = NULL;
  *nout = 0;
  /* case-sensitive scripts: any token with an upper-case letter says so */
  for (size_t i = 0; i < ntok && !s.cased; i++)
    s.cased = (toks[i].flags & SL_TOK_UPPER) != 0;
  if (lang && (!strncmp(lang, "ar", 2) || !strncmp(lang, "zh", 2) || !strncmp(lang, "fa", 2) ||
               !strncmp(lang, "ja", 2) || !strncmp(lang, "he", 2)))
    s.cased = 0;

  /* Capitalised runs are names only in scripts with case; in languages
   * that capitalise every noun (German, Luxembourgish) only runs of two
   * or more, or acronyms (see below) */
  s.nouns_capitalised = lang && (!strncmp(lang, "de", 2) || !strncmp(lang, "lb", 2));
  s.slavic = lang && (!strncmp(lang, "pl", 2) || !strncmp(lang, "cs", 2) || !strncmp(lang, "sk", 2));
  s.turkish = lang && (!strncmp(lang, "tr", 2) || !strncmp(lang, "az", 2));
  if (memo) {
    if (*memo && ((*memo)->toks != toks || (*memo)->ntok != ntok)) {
      sl_mention_memo_free(*memo); /* other tokens: start afresh */
      *memo = NULL;
    }
    if (!*memo && !(*memo = memo_new(toks, ntok)))
      return SL_ENOMEM;
    s.memo = *memo;
    s.lower = s.memo->lower;
    s.lower_mask = s.memo->lower_mask;
    s.titled = s.memo->titled;
  }
  if (s.cased && !s.lower) {
    if (lower_build(&s) != SL_OK)
      return SL_ENOMEM;
    if (s.memo) { /* the memo owns it now */
      s.memo->lower = s.lower;
      s.memo->lower_mask = s.lower_mask;
    }
  }

  if (s.cased && !s.nouns_capitalised && !s.titled) {
    if (titled_build(&s) != SL_OK) {
      if (!s.memo)
        free(s.lower);
      return SL_ENOMEM;
    }
    if (s.memo) /* the memo owns it now */
      s.memo->titled = s.titled;
  }

  for (size_t i = 0; i < ntok && rc == SL_OK;) {
    size_t len = 0, a, b;
    sl_ent_type type;
    const sl_gaz_entry *g = gaz_at(&s, i, &len);
    if (g) {
      sl_ent_type gt = g->kind == SL_GAZ_ORG ? SL_ENT_ORG : SL_ENT_PLACE;
      rc = emit(&s, i, i + len, gt, SL_MSRC_GAZETTEER, g);
      i += len;
      continue;
    }
    sl_cue_kind cue = cue_at(&s, i, &len);
    if (cue == CUE_PERSON && name_after_title(&s, i + len, &a, &b)) {
      size_t klen;
      sl_ent_type kt = SL_ENT_PERSON;
      /* a known name inside wins its own type (an org after "head of") */
      if (known_at(&s, a, &klen, &kt) && klen == b - a && kt != SL_ENT_PERSON)
        rc = emit(&s, a, b, kt, SL_MSRC_KNOWN, NULL);
      else
        rc = emit(&s, a, b, SL_ENT_PERSON, SL_MSRC_TRIGGER, NULL);
      i = b;
      continue;
    }
    size_t glen;
    if ((cue == CUE_PLACE || cue == CUE_LOCATIVE) && i + len < ntok && s.cased &&
        is_upper(&toks[i + len]) && adjacent(z, &toks[i + len - 1], &toks[i + len], 0) &&
        !gaz_at(&s, i + len, &glen) &&
        !(known && known_at(&s, i + len, &a, &type) && type != SL_ENT_PLACE)) {
      size_t run = caps_run(&s, i + len);
      if (run > 0) {
        rc = emit(&s, i + len, i + len + run, SL_ENT_PLACE, SL_MSRC_TRIGGER, NULL);
        i += len + run;
        continue;
      }
    }
    if (cue == CUE_PLACE && !s.cased && i + len < ntok && !(toks[i + len].flags & SL_TOK_STOP) &&
        !is_nisba(&toks[i + len])) {
      size_t gl;
      if (!gaz_at(&s, i + len, &gl) && !known_at(&s, i + len, &gl, &type)) {
        size_t run = uncased_run(&s, i + len);
        if (run > 0 && run <= 2) {
          rc = emit(&s, i + len, i + len + run, SL_ENT_PLACE, SL_MSRC_TRIGGER, NULL);
          i += len + run;
          continue;
        }
      }
    }
    if (known_at(&s, i, &len, &type)) {
      rc = emit(&s, i, i + len, type, SL_MSRC_KNOWN, NULL);
      i += len;
      continue;
    }
    if (s.cased && s.lower && is_upper(&toks[i])) {
      size_t run = caps_run(&s, i);
      size_t start = i;
      if (s.nouns_capitalised && run > 0 && !noun_language_name(&s, &start, &run)) {
        i = start + run;
        continue;
      }
      /* a capital that only opens a sentence is not a name by itself */
      if (run == 1 && (toks[i].flags & SL_TOK_SENT)) {
        i++;
        continue;
      }
      /* a sentence's first word before a name ("Later Erdogan said",
       * "Now Biden"): a stopword, or a word the text writes in lower case
       * too, opens no name */
      if (run > 1 && (toks[start].flags & SL_TOK_SENT) &&
          ((toks[start].flags & SL_TOK_STOP) || lower_has(&s, &toks[start]))) {
        i = start + 1;
        continue;
      }
      /* a word the text also writes in lower case is a common word with
       * a capital (a headline, a sentence start), not part of a name; in
       * a title-case headline any capital may be one */
      int common = run > 0 && titled(&s, start);
      for (size_t k = start; k < start + run && !common; k++)
        common = !is_particle(&toks[k]) && lower_has(&s, &toks[k]);
      if (run > 0 && common) {
        i = start + run;
        continue;
      }
      if (run > 0) {
        sl_ent_type t = SL_ENT_UNKNOWN;
        sl_head_kind head = head_of(&toks[start + run - 1]);
        int64_t lead = run > 1 ? heads_of(&toks[start]) : 0;
        /* "New Year", "Coronavirus-Pandemie", "Año Nuevo", or a lone
         * "Police": no name */
        if (head == HEAD_NOT_NAME || (lead & HEAD_LEAD_NOT_NAME) || (run == 1 && head != HEAD_NONE)) {
          i = start + run;
          continue;
        }
        if (run == 1 && (toks[i].flags & SL_TOK_ALLCAPS) && toks[i].nnorm <= 6)
          t = SL_ENT_ORG; /* acronyms: TASS, SANA, AFP */
        else if (head == HEAD_ORG || (lead & HEAD_KIND_MASK) == HEAD_ORG)
          t = SL_ENT_ORG; /* "Fox News", "Deutsche Bank", "Banco Santander" */
        else if (head == HEAD_PLACE || (lead & HEAD_LEAD_PLACE))
          t = SL_ENT_PLACE; /* "Wall Street", "Red Square", "Bezirk Korneuburg" */
        rc = emit(&s, start, start + run, t, SL_MSRC_CAPS, NULL);
        i = start + run;
        continue;
      }
    }
    i++;
  }
  if (!s.memo) {
    free(s.lower);
    free(s.titled);
  }
  if (rc != SL_OK) {
    free(s.out);
    return rc;
  }
  *out = s.out;
  *nout = s.n;
  return SL_OK;
}
