/*
 * numbers — quantities in article text (stage 5: analysed document).
 *
 * Runs over the same token array as the dates module (dates_scan.c) and
 * the same folded lexicon (percent words, multipliers, currencies, hedges
 * live in dates_lexicon.c): the dates scan hands each chunk's tokens and
 * date spans (relative ones such as "2 giờ trước" included) to this module,
 * whose tokens inside a date are skipped.
 *
 * Separators follow the language: "." groups thousands and "," is the
 * decimal mark in vi, de, es, it, pt, tr, nl, id; a space (or no-break
 * space) groups thousands in fr, ru, uk, pl and the decimal mark is ",";
 * everywhere else "," groups and "." is decimal.  A group separator counts
 * only before exactly three digits, so "3.5" in Vietnamese is still 3.5.
 * A bare four-digit integer between 1800 and 2100 with nothing attached
 * is taken for a year and not reported.
 */
#include "analyze/numbers.h"
#include "analyze/dates.h"
#include "analyze/dates_lexicon.h"

#include <stdlib.h>
#include <string.h>

enum { ST_COMMA, ST_DOT, ST_SPACE };

typedef struct nscan {
  const char *z;
  const sl_dtok *t;
  size_t n;
  int lx;
  int style;
  uint32_t base;       /* offset of z in the caller's text */
} nscan;

typedef struct numv {
  sl_number *v;
  size_t n, cap;
} numv;

static int style_of(int lx) {
  switch (lx) {
  case LX_VI: case LX_DE: case LX_ES: case LX_IT: case LX_PT: case LX_TR: case LX_NL:
    return ST_DOT;
  case LX_FR: case LX_RU: case LX_UK: case LX_PL:
    return ST_SPACE;
  default:
    return ST_COMMA;
  }
}

static int is_p(const nscan *S, size_t j, uint32_t cp) {
  return j < S->n && S->t[j].type == TK_PUNCT && S->t[j].cp == cp;
}
static int is_num(const nscan *S, size_t j) { return j < S->n && S->t[j].type == TK_NUM; }
static int adj(const nscan *S, size_t j) { return j < S->n && S->t[j].gap == GAP_NONE; }
static int same_line(const nscan *S, size_t j) { return j < S->n && S->t[j].gap != GAP_LINE; }

static const sl_lex *word_role(const nscan *S, size_t j, uint32_t role) {
  const sl_lex *e;
  if (j >= S->n || S->t[j].type != TK_WORD || (e = S->t[j].lex) == NULL) return NULL;
  return (e->roles & role) && sl_lex_in_lang(e, S->lx) ? e : NULL;
}

/* Two-word entry at j with the role ("per cent", "في المائة"). */
static const sl_lex *pair_role(const nscan *S, size_t j, uint32_t role) {
  const sl_lex *e;
  if (j + 1 >= S->n || S->t[j].type != TK_WORD) return NULL;
  e = sl_lex_pair(S->z, &S->t[j], &S->t[j + 1]);
  return e && (e->roles & role) && sl_lex_in_lang(e, S->lx) ? e : NULL;
}

static double frac(uint64_t v, unsigned nd) {
  double f = (double)v;
  while (nd-- > 0) f /= 10.0;
  return f;
}

static int is_thou(const nscan *S, size_t j) {
  uint32_t cp;
  if (j >= S->n || S->t[j].type != TK_PUNCT) return 0;
  cp = S->t[j].cp;
  if (cp == 0x066C) return 1;
  if (S->style == ST_COMMA) return cp == ',';
  if (S->style == ST_DOT) return cp == '.';
  return cp == '.' ; /* fr/ru also write 1.000 now and then */
}

static int is_dec(const nscan *S, size_t j) {
  uint32_t cp;
  if (j >= S->n || S->t[j].type != TK_PUNCT) return 0;
  cp = S->t[j].cp;
  if (cp == 0x066B) return 1;
  return S->style == ST_COMMA ? cp == '.' : cp == ',';
}

/* Reads the number starting at token i: integer groups and fraction.
 * Sets *value, *plain (nothing but one digit run), returns last token. */
static size_t read_number(const nscan *S, size_t i, double *value, int *plain) {
  uint64_t v = S->t[i].num;
  size_t last = i;
  int grouped = 0;
  *plain = 1;
  if (S->t[i].ndig <= 3) {
    for (;;) {
      size_t j = last + 1;
      if (S->style == ST_SPACE && is_num(S, j) && S->t[j].gap == GAP_SPACE &&
          S->t[j].ndig == 3 && !(adj(S, j + 1) && is_num(S, j + 1))) {
        v = v * 1000 + S->t[j].num;
        last = j;
        grouped = 1;
        continue;
      }
      if (is_thou(S, j) && adj(S, j) && is_num(S, j + 1) && adj(S, j + 1) &&
          S->t[j + 1].ndig == 3 &&
          !(adj(S, j + 2) && is_num(S, j + 3) && adj(S, j + 3) && !is_thou(S, j + 2) &&
            !is_dec(S, j + 2))) {
        v = v * 1000 + S->t[j + 1].num;
        last = j + 1;
        grouped = 1;
        continue;
      }
      break;
    }
  }
  *value = (double)v;
  if (grouped) *plain = 0;
  {
    size_t j = last + 1;
    /* Decimal mark; a lone "." or "," before 1-2 or 4+ digits is decimal
     * in any style ("3.5" in Vietnamese, "3,5" in English). */
    if (j + 1 < S->n && adj(S, j) && adj(S, j + 1) && is_num(S, j + 1) &&
        (is_dec(S, j) || (!grouped && (is_p(S, j, '.') || is_p(S, j, ',')) &&
                          S->t[j + 1].ndig != 3)) &&
        !(adj(S, j + 2) && (is_p(S, j + 2, '.') || is_p(S, j + 2, ',')) &&
          is_num(S, j + 3) && adj(S, j + 3))) {
      *value += frac(S->t[j + 1].num, S->t[j + 1].ndig);
      last = j + 1;
      *plain = 0;
    }
  }
  return last;
}

static int push(numv *o, const sl_number *x) {
  if (o->n == o->cap) {
    size_t nc = o->cap ? o->cap * 2 : 32;
    sl_number *v = realloc(o->v, nc * sizeof *v);
    if (v == NULL) return -1;
    o->v = v;
    o->cap = nc;
  }
  o->v[o->n++] = *x;
  return 0;
}

static const struct { uint32_t cp; const char *code; } k_symbols[] = {
  {'$', "USD"}, {0x20AC, "EUR"}, {0xA3, "GBP"}, {0xA5, "CNY"}, {0x20AB, "VND"},
  {0x20BD, "RUB"}, {0x20BA, "TRY"},
};

static const char *symbol_code(const nscan *S, size_t j) {
  size_t k;
  if (j >= S->n || S->t[j].type != TK_PUNCT) return NULL;
  for (k = 0; k < sizeof k_symbols / sizeof k_symbols[0]; k++)
    if (S->t[j].cp == k_symbols[k].cp) return k_symbols[k].code;
  return NULL;
}

static void set_unit(sl_number *x, const char *u) {
  size_t k = strlen(u);
  if (k >= sizeof x->unit) k = sizeof x->unit - 1;
  memcpy(x->unit, u, k);
  x->unit[k] = '\0';
}

/* Suffixes: multiplier, then percent or currency.  Returns last token. */
static size_t suffixes(const nscan *S, size_t last, sl_number *x) {
  size_t j = last + 1;
  const sl_lex *e;
  const char *code;
  if (!same_line(S, j)) return last;
  if ((e = pair_role(S, j, LR_MULT)) != NULL && S->t[j].gap <= GAP_SPACE) {
    x->value *= e->mult;
    x->flags |= SL_NUM_SCALED;
    last = j + 1;
  } else if ((e = word_role(S, j, LR_MULT)) != NULL && S->t[j].gap <= GAP_SPACE) {
    x->value *= e->mult;
    x->flags |= SL_NUM_SCALED;
    last = j;
  }
  j = last + 1;
  if (!same_line(S, j)) return last;
  if ((is_p(S, j, '%') || is_p(S, j, 0x066A)) && S->t[j].gap <= GAP_SPACE) {
    x->flags |= SL_NUM_PERCENT;
    set_unit(x, "%");
    return j;
  }
  if (S->t[j].gap > GAP_WIDE) return last;
  if ((e = pair_role(S, j, LR_PERCENT)) != NULL) {
    x->flags |= SL_NUM_PERCENT;
    set_unit(x, "%");
    return j + 1;
  }
  if ((e = word_role(S, j, LR_PERCENT)) != NULL) {
    x->flags |= SL_NUM_PERCENT;
    set_unit(x, "%");
    return j;
  }
  if ((e = word_role(S, j, LR_CURRENCY)) != NULL) {
    x->flags |= SL_NUM_CURRENCY;
    set_unit(x, e->cur);
    return j;
  }
  if ((code = symbol_code(S, j)) != NULL && S->t[j].gap <= GAP_SPACE) {
    x->flags |= SL_NUM_CURRENCY;
    set_unit(x, code);
    return j;
  }
  return last;
}

/* Prefixes: currency symbol, "%7" / "yüzde 7", hedge word, minus sign.
 * Returns the first token of the expression. */
static size_t prefixes(const nscan *S, size_t i, sl_number *x) {
  size_t first = i;
  const char *code;
  if (first > 0 && adj(S, first) && (is_p(S, first - 1, '-') || is_p(S, first - 1, 0x2212)) &&
      (first == 1 || S->t[first - 1].gap != GAP_NONE)) {
    x->value = -x->value;
    first--;
  }
  if (first > 0 && S->t[first].gap <= GAP_SPACE && (code = symbol_code(S, first - 1)) != NULL) {
    if (!x->unit[0]) { x->flags |= SL_NUM_CURRENCY; set_unit(x, code); }
    first--;
    if (first > 0 && adj(S, first) && S->t[first - 1].type == TK_WORD &&
        S->t[first - 1].end - S->t[first - 1].start == 2 &&
        memcmp(S->z + S->t[first - 1].start, "US", 2) == 0)
      first--;
  } else if (first > 0 && adj(S, first) && is_p(S, first - 1, '%') && S->lx == LX_TR &&
             !x->unit[0]) {
    x->flags |= SL_NUM_PERCENT;
    set_unit(x, "%");
    first--;
  } else if (first > 0 && same_line(S, first) && word_role(S, first - 1, LR_PCT_PRE) &&
             !x->unit[0]) {
    x->flags |= SL_NUM_PERCENT;
    set_unit(x, "%");
    first--;
  }
  if (first > 0 && same_line(S, first) && word_role(S, first - 1, LR_APPROX))
    x->flags |= SL_NUM_APPROX;
  return first;
}

/* 1 when token i cannot start a quantity: glued to a word ("G20"), part
 * of a time ("10:30"), a path or a longer digit string. */
static int bad_start(const nscan *S, size_t i) {
  const sl_dtok *p;
  if (i == 0 || !adj(S, i)) return 0;
  p = &S->t[i - 1];
  if (p->type == TK_WORD) return !p->cjk; /* "人口3万" is fine, "G20" is not */
  if (p->type == TK_NUM) return 1;
  if (p->cp == '/' || p->cp == ':' || p->cp == '=' || p->cp == '_' || p->cp == '#' ||
      p->cp == '.' || p->cp == ',' || p->cp == '&' || p->cp == '?')
    return 1;
  if ((p->cp == '-' || p->cp == 0x2013) && i >= 2 && adj(S, i - 1) &&
      S->t[i - 2].type == TK_WORD && !S->t[i - 2].cjk)
    return 1; /* "Su-35", "COVID-19" */
  return 0;
}

static int bad_end(const nscan *S, size_t last) {
  size_t j = last + 1;
  if (!adj(S, j)) return 0;
  if (S->t[j].type == TK_WORD)
    return !S->t[j].cjk &&
           !(S->t[j].lex && (S->t[j].lex->roles & (LR_MULT | LR_PERCENT | LR_CURRENCY)));
  if (S->t[j].type == TK_NUM) return 1;
  if ((S->t[j].cp == ':' || S->t[j].cp == '/') && adj(S, j + 1) &&
      j + 1 < S->n && S->t[j + 1].type != TK_PUNCT)
    return 1;
  return 0;
}

/* Marks the tokens t[0..nt) (at offset base) that lie inside one of the
 * date spans sp[0..2*nsp) ([start, end) pairs in text order). */
static void date_mask(const uint32_t *sp, size_t nsp, const sl_dtok *t, size_t nt,
                      uint32_t base, unsigned char *mask) {
  size_t i, k = 0;
  memset(mask, 0, nt);
  for (i = 0; i < nt && k < nsp; i++) {
    uint32_t s = base + t[i].start, e = base + t[i].end;
    while (k < nsp && sp[2 * k + 1] <= s) k++;
    if (k < nsp && s >= sp[2 * k] && e <= sp[2 * k + 1]) mask[i] = 1;
  }
}

/* Finds the numbers of one chunk (tokens in S) into res. */
static sl_rc scan_chunk(const nscan *S, const unsigned char *mask, numv *res) {
  size_t i;
  for (i = 0; i < S->n && res->n < SL_NUMBERS_MAX; i++) {
    sl_number x;
    size_t last, first, j;
    int plain;
    if (S->t[i].type != TK_NUM || mask[i]) continue;
    if (bad_start(S, i)) {
      while (i + 1 < S->n && adj(S, i + 1) && S->t[i + 1].type != TK_WORD) i++;
      continue;
    }
    memset(&x, 0, sizeof x);
    last = read_number(S, i, &x.value, &plain);
    for (j = i; j <= last; j++)
      if (mask[j]) break;
    if (j <= last || bad_end(S, last)) {
      while (last + 1 < S->n && adj(S, last + 1) && S->t[last + 1].type != TK_WORD) last++;
      i = last;
      continue;
    }
    last = suffixes(S, last, &x);
    first = prefixes(S, i, &x);
    if (plain && !x.unit[0] && !(x.flags & SL_NUM_SCALED) && S->t[i].ndig == 4 &&
        S->t[i].num >= 1800 && S->t[i].num <= 2100) {
      i = last;
      continue; /* a year */
    }
    x.start = S->base + S->t[first].start;
    x.end = S->base + S->t[last].end;
    if (push(res, &x) < 0) return SL_ENOMEM;
    i = last;
  }
  return SL_OK;
}

/* State of one numbers pass, fed chunk by chunk by the dates scan. */
typedef struct npass {
  int lx, style;
  numv res;
  unsigned char *mask;
  size_t capmask;
} npass;

/* sl_dates_chunk_fn: the numbers of one chunk, date tokens skipped. */
static sl_rc numbers_chunk(void *ctx, const char *z, uint32_t base, const struct sl_dtok *toks,
                           size_t nt, const uint32_t *spans, size_t nspans) {
  npass *P = ctx;
  nscan S;
  if (nt == 0 || P->res.n >= SL_NUMBERS_MAX) return SL_OK;
  if (nt > P->capmask) {
    unsigned char *m2 = realloc(P->mask, nt);
    if (m2 == NULL) return SL_ENOMEM;
    P->mask = m2;
    P->capmask = nt;
  }
  date_mask(spans, nspans, toks, nt, base, P->mask);
  S.z = z;
  S.base = base;
  S.t = toks;
  S.n = nt;
  S.lx = P->lx;
  S.style = P->style;
  return scan_chunk(&S, P->mask, &P->res);
}

/* "139.000 – 140.000 đồng", "4-5%": the unit of a range's end applies to
 * its start. */
static void range_units(const char *z, size_t n, numv *res) {
  size_t k;
  for (k = 0; k + 1 < res->n; k++) {
    sl_number *a = &res->v[k], *b = &res->v[k + 1];
    size_t g = a->end;
    if (a->unit[0] || !b->unit[0]) continue;
    while (g < b->start && (z[g] == ' ' || z[g] == '-' || (unsigned char)z[g] >= 0x80)) {
      if ((unsigned char)z[g] >= 0x80 &&
          !(g + 2 < n && (unsigned char)z[g] == 0xE2 && (unsigned char)z[g + 1] == 0x80 &&
            ((unsigned char)z[g + 2] == 0x93 || (unsigned char)z[g + 2] == 0x94)))
        break;
      g += (unsigned char)z[g] >= 0x80 ? 3 : 1;
    }
    if (g == b->start && b->start - a->end <= 5) {
      memcpy(a->unit, b->unit, sizeof a->unit);
      a->flags |= b->flags & (SL_NUM_PERCENT | SL_NUM_CURRENCY);
    }
  }
}

/* Contract in numbers.h.  Memory stays bounded: text is tokenized in
 * chunks (sl_dtok_chunk) and at most SL_NUMBERS_MAX numbers are kept.
 * The tokens and date spans are the dates module's (sl_dates_find_each):
 * one scan of the body for both. */
sl_rc sl_dates_numbers_find(const char *lang, const char *z, size_t n, const char *context,
                            size_t ncontext, const sl_date *anchor, sl_date **dates,
                            size_t *ndates, sl_number **out, size_t *nout) {
  npass P;
  sl_rc rc;
  if (out == NULL || nout == NULL || dates == NULL || ndates == NULL || (z == NULL && n > 0))
    return SL_EINVAL;
  *out = NULL;
  *nout = 0;
  *dates = NULL;
  *ndates = 0;
  if (n > SL_MAX_INPUT_BYTES) return SL_ETOOBIG;
  memset(&P, 0, sizeof P);
  P.lx = sl_lex_lang(lang);
  P.style = style_of(P.lx);
  rc = sl_dates_find_each(lang, z, n, context, ncontext, anchor, dates, ndates, numbers_chunk, &P);
  if (rc != SL_OK) {
    free(*dates);
    *dates = NULL;
    *ndates = 0;
    goto out;
  }
  range_units(z, n, &P.res);
  if (P.res.n > 0) {
    *out = P.res.v;
    *nout = P.res.n;
    P.res.v = NULL;
  }
out:
  free(P.res.v);
  free(P.mask);
  return rc;
}

/* Contract in numbers.h. */
sl_rc sl_numbers_find(const char *lang, const char *z, size_t n,
                      sl_number **out, size_t *nout) {
  sl_date *dates = NULL;
  size_t ndates = 0;
  if (out == NULL || nout == NULL || (z == NULL && n > 0)) return SL_EINVAL;
  sl_rc rc = sl_dates_numbers_find(lang, z, n, NULL, 0, NULL, &dates, &ndates, out, nout);
  free(dates);
  return rc;
}

/* Contract in numbers.h.  NULL arguments compare unequal. */
int sl_number_same(const sl_number *a, const sl_number *b) {
  double d, m;
  if (a == NULL || b == NULL || strcmp(a->unit, b->unit) != 0) return 0;
  d = a->value - b->value;
  if (d < 0) d = -d;
  m = a->value < 0 ? -a->value : a->value;
  if (b->value > m || -b->value > m) m = b->value < 0 ? -b->value : b->value;
  return d <= m * 0.005;
}
