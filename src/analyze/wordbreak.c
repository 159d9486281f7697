/*
 * wordbreak — ICU word boundaries with a fast path (see wordbreak.h).
 *
 * ICU's iterator costs ~170 instructions a byte of news text; most of
 * that text is letters, digits, spaces and punctuation whose boundaries
 * follow a dozen rules (UAX #29: WB3-WB13b without Hebrew, Katakana,
 * emoji or ignorable characters).  Each character of the fast range gets
 * a class the first time it is met: the class under which the fast path
 * segments a set of probe strings holding it (beside letters, digits,
 * marks and spaces) exactly as ICU does, boundaries and rule statuses
 * alike; a character no class fits stays with ICU.  The probes ask the
 * installed ICU, so its own tailorings ('@' a letter in ICU 72, ':' no
 * MidLetter) are followed, and when the characters the probes are built
 * from stop behaving as assumed the fast path turns itself off.
 */
#include "analyze/wordbreak.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* Classes of the fast path, as in UAX #29; SQ (') behaves as MidNumLet
 * without Hebrew letters, Double_Quote as Other. */
enum {
  WB_UNKNOWN = 0, /* not probed yet (CLASS only) */
  WB_SLOW,        /* ICU segments it */
  WB_CONT,        /* a character's later byte (the cls scratch only) */
  WB_L,           /* ALetter */
  WB_N,           /* Numeric */
  WB_ML,          /* MidLetter */
  WB_MNL,         /* MidNumLet, Single_Quote */
  WB_MN,          /* MidNum */
  WB_ENL,         /* ExtendNumLet */
  WB_WS,          /* WSegSpace */
  WB_O,           /* any other character; without ignorables, Newline too */
  WB_LF,
  WB_CR,
  WB_NCLASS
};

/* Characters with a fast class: below U+0800 (no script there is
 * segmented by dictionary) and the general punctuation block. */
#define LOW_END 0x800u
#define PUNCT_FIRST 0x2000u
#define PUNCT_END 0x2070u
#define TABLE_SIZE (LOW_END + (PUNCT_END - PUNCT_FIRST))

/* Probed classes, shared by all threads: a race probes one character
 * twice and stores the same answer. */
static _Atomic uint8_t CLASS[TABLE_SIZE];
/* 0 not checked yet, 1 the probe characters behave as assumed, -1 not */
static _Atomic int FAST_STATE;

/* Probe strings, 'X' standing for the character probed; joined by '\v'
 * (Newline: a boundary on both sides).  Each context character has the
 * class CTX_CLASS gives it. */
static const char *const PROBES[] = {
    "X",    "XX",   "XXX",  "aX",   "Xa",   "1X",   "X1",   "_X",   "X_",   "aXa",
    "1X1",  "aX1",  "1Xa",  "a.X",  "X.a",  "1,X",  "X,1",  "1.X",  "X.1",  "X'a",
    "a'X",  "X\"X", "X'",   "aXX",  "XXa",  "a_X",  "X_a",  " X",   "X ",   "X  ",
    "\rX",  "X\r",  "X\n",  "\nX",  "aX.",  "1X,",  ".X",   "X.",   ",X",   "X,",
    "aX'a", "a'Xa", "1X.1", "1.X1", "_X_",  "X_X",  "XaX",  "X1X",  "a:X",  "X:a"};
#define NPROBES (sizeof PROBES / sizeof PROBES[0])
#define PROBE_MAX 256 /* UTF-16 units of the joined probes, and boundaries */

static const char CTX_CHARS[] = "a1_.,'\" \r\n\v:";
static const uint8_t CTX_CLASS[] = {WB_L,  WB_N,  WB_ENL, WB_MNL, WB_MN, WB_MNL,
                                    WB_O,  WB_WS, WB_CR,  WB_LF,  WB_O,  WB_O};

typedef struct sig {
  int32_t n;
  int32_t end[PROBE_MAX], status[PROBE_MAX];
} sig;

/* What the fast path makes of the probes for each class of X. */
static sig FAST_SIG[WB_NCLASS];
static int FAST_SIG_OK;
static pthread_once_t SIG_ONCE = PTHREAD_ONCE_INIT;

struct sl_wordbreak {
  UBreakIterator *bi;
  int fast;          /* the fast path is allowed (sl_wordbreak_set_fast) */
  uint8_t *cls;      /* class of each byte of the text (WB_CONT after a lead) */
  size_t capcls;
  UChar *text16;     /* an ICU stretch in UTF-16 */
  uint32_t *off8;    /* byte offset of each UTF-16 unit of text16, + end */
  size_t cap16;
};

static size_t next_char(const uint8_t *cls, size_t i, size_t e) {
  for (i++; i < e && cls[i] == WB_CONT; i++)
    ;
  return i;
}

/* End of the word that starts at i (a letter, digit or ExtendNumLet):
 * WB5-WB13b.  *status gets ICU's rule status: that of the rule that
 * matched last, which the last two characters decide. */
static size_t word_end(const uint8_t *cls, size_t i, size_t e, int32_t *status) {
  uint8_t prev = 0, last = cls[i];
  size_t j = next_char(cls, i, e);
  while (j < e) {
    uint8_t c = cls[j];
    if (c == WB_L || c == WB_N || c == WB_ENL) {
      prev = last;
      last = c;
      j = next_char(cls, j, e);
      continue;
    }
    if (c != WB_ML && c != WB_MNL && c != WB_MN)
      break;
    /* a mid character joins two letters (WB6/7) or two digits (WB11/12) */
    size_t k = next_char(cls, j, e);
    uint8_t d = k < e ? cls[k] : WB_O;
    if (!(last == WB_L && d == WB_L && c != WB_MN) && !(last == WB_N && d == WB_N && c != WB_ML))
      break;
    prev = c;
    last = d;
    j = next_char(cls, k, e);
  }
  if (last == WB_L)
    *status = 200; /* UBRK_WORD_LETTER */
  else if (last == WB_N)
    *status = 100; /* UBRK_WORD_NUMBER */
  else /* ExtendNumLet: alone it is no word (WB999) */
    *status = prev == 0 ? 0 : prev == WB_N ? 100 : 200;
  return j;
}

/* The segments of cls[s..e), all of fast classes, s a boundary. */
static sl_rc fast_segments(const uint8_t *cls, size_t s, size_t e, sl_wordbreak_fn fn, void *ctx) {
  sl_rc rc = SL_OK;
  for (size_t i = s, j; i < e && rc == SL_OK; i = j) {
    int32_t status = 0;
    uint8_t c = cls[i];
    j = next_char(cls, i, e);
    if (c == WB_L || c == WB_N || c == WB_ENL)
      j = word_end(cls, i, e, &status);
    else if (c == WB_CR && j < e && cls[j] == WB_LF)
      j = next_char(cls, j, e); /* WB3 */
    else if (c == WB_WS)
      while (j < e && cls[j] == WB_WS) /* WB3d */
        j = next_char(cls, j, e);
    rc = fn(ctx, (uint32_t)i, (uint32_t)j, status);
  }
  return rc;
}

/* The probes joined, as classes with X of class k, or as UTF-16 with X
 * the character c; returns their length. */
static int32_t probe_text(uint8_t k, uint8_t *cls, UChar32 c, UChar *u) {
  int32_t n = 0;
  for (size_t p = 0; p < NPROBES; p++) {
    for (const char *s = PROBES[p]; *s; s++, n++) {
      const char *at = strchr(CTX_CHARS, *s);
      if (cls)
        cls[n] = *s == 'X' ? k : CTX_CLASS[at - CTX_CHARS];
      if (u)
        u[n] = *s == 'X' ? (UChar)c : (UChar)*s;
    }
    if (cls)
      cls[n] = WB_O; /* '\v' */
    if (u)
      u[n] = '\v';
    n++;
  }
  return n;
}

static sl_rc sig_add(void *ctx, uint32_t start, uint32_t end, int32_t status) {
  sig *g = ctx;
  (void)start;
  if (g->n >= PROBE_MAX)
    return SL_ETOOBIG;
  g->end[g->n] = (int32_t)end;
  g->status[g->n++] = status;
  return SL_OK;
}

static int sig_eq(const sig *a, const sig *b) {
  if (a->n != b->n)
    return 0;
  return !memcmp(a->end, b->end, (size_t)a->n * sizeof *a->end) &&
         !memcmp(a->status, b->status, (size_t)a->n * sizeof *a->status);
}

/* FAST_SIG for every class; FAST_SIG_OK when all are told apart. */
static void fast_sigs_init(void) {
  uint8_t cls[PROBE_MAX];
  FAST_SIG_OK = 1;
  for (uint8_t k = WB_L; k < WB_NCLASS; k++) {
    int32_t n = probe_text(k, cls, 0, NULL);
    if (fast_segments(cls, 0, (size_t)n, sig_add, &FAST_SIG[k]) != SL_OK)
      FAST_SIG_OK = 0;
    for (uint8_t j = WB_L; j < k; j++)
      if (sig_eq(&FAST_SIG[j], &FAST_SIG[k]))
        FAST_SIG_OK = 0;
  }
}

/* ICU's segments of the probes for c, compared with each class's. */
static uint8_t probe(sl_wordbreak *wb, UChar32 c) {
  UChar u[PROBE_MAX];
  sig g;
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = probe_text(0, NULL, c, u), b;
  g.n = 0;
  ubrk_setText(wb->bi, u, n, &err);
  if (U_FAILURE(err))
    return WB_SLOW;
  ubrk_first(wb->bi);
  while ((b = ubrk_next(wb->bi)) != UBRK_DONE)
    if (sig_add(&g, 0, (uint32_t)b, ubrk_getRuleStatus(wb->bi)) != SL_OK)
      return WB_SLOW;
  for (uint8_t k = WB_L; k < WB_NCLASS; k++)
    if (sig_eq(&g, &FAST_SIG[k]))
      return k;
  return WB_SLOW;
}

static uint8_t class_of(sl_wordbreak *wb, UChar32 c) {
  size_t at;
  if (c < 0)
    return WB_SLOW;
  if ((uint32_t)c < LOW_END)
    at = (size_t)c;
  else if ((uint32_t)c >= PUNCT_FIRST && (uint32_t)c < PUNCT_END)
    at = LOW_END + (size_t)c - PUNCT_FIRST;
  else
    return WB_SLOW;
  uint8_t k = atomic_load_explicit(&CLASS[at], memory_order_relaxed);
  if (k == WB_UNKNOWN) {
    k = probe(wb, c);
    atomic_store_explicit(&CLASS[at], k, memory_order_relaxed);
  }
  return k;
}

/* 1 when the installed ICU gives the probes' context characters the
 * classes they are built on (checked once per process). */
static int fast_ok(sl_wordbreak *wb) {
  int st = atomic_load_explicit(&FAST_STATE, memory_order_acquire);
  if (st)
    return st > 0;
  pthread_once(&SIG_ONCE, fast_sigs_init);
  st = FAST_SIG_OK ? 1 : -1;
  for (size_t i = 0; st > 0 && CTX_CHARS[i]; i++)
    if (class_of(wb, (UChar32)CTX_CHARS[i]) != CTX_CLASS[i])
      st = -1;
  atomic_store_explicit(&FAST_STATE, st, memory_order_release);
  return st > 0;
}

sl_rc sl_wordbreak_new(sl_wordbreak **out) {
  UErrorCode err = U_ZERO_ERROR;
  sl_wordbreak *wb = calloc(1, sizeof *wb);
  *out = NULL;
  if (!wb)
    return SL_ENOMEM;
  wb->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
  if (U_FAILURE(err)) {
    sl_wordbreak_free(wb);
    return SL_EICU;
  }
  wb->fast = 1;
  *out = wb;
  return SL_OK;
}

void sl_wordbreak_free(sl_wordbreak *wb) {
  if (!wb)
    return;
  if (wb->bi)
    ubrk_close(wb->bi);
  free(wb->cls);
  free(wb->text16);
  free(wb->off8);
  free(wb);
}

int sl_wordbreak_set_fast(sl_wordbreak *wb, int on) {
  wb->fast = on;
  return on && fast_ok(wb);
}

/* z[0..n) into wb->text16 (*n16 units), with off8[i] = base + the byte
 * offset of unit i and off8[*n16] = base + n.  Ill-formed UTF-8 reads as
 * U+FFFD, one per maximal subpart, as ICU's UTF-8 UText reads it. */
static sl_rc to_utf16(sl_wordbreak *wb, const char *z, size_t n, uint32_t base, int32_t *n16) {
  const uint8_t *restrict p = (const uint8_t *)z;
  int32_t i = 0, len = (int32_t)n, j = 0;
  if (n + 1 > wb->cap16) {
    size_t nc = wb->cap16 ? wb->cap16 : 4096;
    while (nc < n + 1)
      nc *= 2;
    UChar *t = realloc(wb->text16, nc * sizeof *t);
    if (!t)
      return SL_ENOMEM;
    wb->text16 = t;
    uint32_t *o = realloc(wb->off8, nc * sizeof *o);
    if (!o)
      return SL_ENOMEM;
    wb->off8 = o;
    wb->cap16 = nc;
  }
  UChar *restrict u = wb->text16;
  uint32_t *restrict o = wb->off8;
  /* a UTF-8 sequence never takes more UTF-16 units than bytes */
  while (i < len) {
    /* a run of ASCII: one unit per byte */
    int32_t e = i, d = j - i;
    for (uint64_t w; e + 8 <= len; e += 8) { /* eight ASCII bytes a step */
      memcpy(&w, p + e, 8);
      if (w & 0x8080808080808080ull)
        break;
    }
    while (e < len && p[e] < 0x80)
      e++;
    for (int32_t k = i; k < e; k++) {
      o[k + d] = base + (uint32_t)k;
      u[k + d] = p[k];
    }
    j += e - i;
    i = e;
    if (i >= len)
      break;
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0)
      c = 0xFFFD;
    o[j] = base + (uint32_t)at;
    if (c <= 0xFFFF) {
      u[j++] = (UChar)c;
    } else {
      u[j++] = U16_LEAD(c);
      o[j] = base + (uint32_t)at;
      u[j++] = U16_TRAIL(c);
    }
  }
  o[j] = base + (uint32_t)n;
  *n16 = j;
  return SL_OK;
}

/* ICU's segments of z[s..e), s a boundary and e one or the end. */
static sl_rc icu_segments(sl_wordbreak *wb, const char *z, size_t s, size_t e, sl_wordbreak_fn fn,
                          void *ctx) {
  UErrorCode err = U_ZERO_ERROR;
  int32_t n16 = 0, b;
  sl_rc rc = to_utf16(wb, z + s, e - s, (uint32_t)s, &n16);
  if (rc != SL_OK)
    return rc;
  ubrk_setText(wb->bi, wb->text16, n16, &err);
  if (U_FAILURE(err))
    return SL_EICU;
  uint32_t prev = wb->off8[ubrk_first(wb->bi)];
  while (rc == SL_OK && (b = ubrk_next(wb->bi)) != UBRK_DONE) {
    uint32_t cur = wb->off8[b];
    rc = fn(ctx, prev, cur, ubrk_getRuleStatus(wb->bi));
    prev = cur;
  }
  return rc;
}

/* wb->cls for z[0..n); the characters met first are probed.  *slow gets
 * the offset of the first character for ICU, n when there is none. */
static sl_rc classify(sl_wordbreak *wb, const char *z, size_t n, size_t *slow) {
  const uint8_t *p = (const uint8_t *)z;
  if (n > wb->capcls) {
    size_t nc = wb->capcls ? wb->capcls : 4096;
    while (nc < n)
      nc *= 2;
    uint8_t *c = realloc(wb->cls, nc);
    if (!c)
      return SL_ENOMEM;
    wb->cls = c;
    wb->capcls = nc;
  }
  uint8_t *cls = wb->cls;
  *slow = n;
  for (int32_t i = 0, len = (int32_t)n; i < len;) {
    if (p[i] < 0x80) {
      if ((cls[i] = class_of(wb, p[i])) == WB_SLOW && *slow == n)
        *slow = (size_t)i;
      i++;
      continue;
    }
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, len, c);
    cls[at] = class_of(wb, c);
    memset(cls + at + 1, WB_CONT, (size_t)(i - at - 1));
    if (cls[at] == WB_SLOW && *slow == n)
      *slow = (size_t)at;
  }
  return SL_OK;
}

/* 1 when a boundary before byte i is certain whatever surrounds it: a
 * space or line feed, then a letter or digit (no rule joins them). */
static int is_cut(const char *z, const uint8_t *cls, size_t i) {
  return i > 0 && (z[i - 1] == ' ' || z[i - 1] == '\n') && (cls[i] == WB_L || cls[i] == WB_N);
}

/* Fast text shorter than this after a character for ICU goes to ICU
 * with it: each ICU stretch costs a setText. */
#define FAST_RUN_MIN 64u

/* End of the ICU stretch that holds the slow character at q: the first
 * certain boundary after its last slow character that FAST_RUN_MIN fast
 * bytes follow, or the end of the text. */
static size_t slow_end(const char *z, const uint8_t *cls, size_t q, size_t n) {
  size_t cand = 0;
  for (size_t i = q + 1; i < n; i++) {
    if (cls[i] == WB_SLOW)
      cand = 0;
    else if (!cand && is_cut(z, cls, i))
      cand = i;
    else if (cand && i - cand >= FAST_RUN_MIN)
      return cand;
  }
  return cand ? cand : n;
}

sl_rc sl_wordbreak_each(sl_wordbreak *wb, const char *z, size_t n, sl_wordbreak_fn fn, void *ctx) {
  sl_rc rc;
  if (n == 0)
    return SL_OK;
  if (!wb->fast || !fast_ok(wb))
    return icu_segments(wb, z, 0, n, fn, ctx);
  size_t slow;
  if ((rc = classify(wb, z, n, &slow)) != SL_OK)
    return rc;
  const uint8_t *cls = wb->cls;
  for (size_t pos = 0; pos < n && rc == SL_OK;) {
    size_t q = pos > slow ? pos : slow; /* none before the first */
    while (q < n && cls[q] != WB_SLOW)
      q++;
    if (q == n)
      return fast_segments(cls, pos, n, fn, ctx);
    /* the fast text before q up to its last certain boundary */
    size_t cut = q;
    while (cut > pos && !is_cut(z, cls, cut))
      cut--;
    if (cut > pos && (rc = fast_segments(cls, pos, cut, fn, ctx)) != SL_OK)
      break;
    size_t end = slow_end(z, cls, q, n);
    rc = icu_segments(wb, z, cut, end, fn, ctx);
    pos = end;
  }
  return rc;
}
