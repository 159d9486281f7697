/*
 * names — whether two names, in any scripts, can denote the same name
 * (link stage: mention text -> key -> score; the entity linker and search
 * call it).  names_translit.c turns a name into a phonetic key; this file
 * caches keys per distinct input string, scores two keys with a weighted
 * edit distance over sound symbols, and derives blocking codes from keys
 * for the linker's inverted index.
 *
 * The weights (names_weights.c) are a hand-made letter table -- consonant
 * classes p/b, f/v/w, k/q/c, s/z, sh/ch/zh/j, kh/h, th/t, dh/d, gh/g,
 * cheap vowels -- tuned on data by tools/names_tune.sh.  Abjad words
 * (Arabic, Hebrew) get their own deletion costs and substitutions: their
 * short vowels are unwritten, so a vowel of the other name costs almost
 * nothing to skip, and alif, waw and yeh (A W Y) may stand for a vowel or a
 * consonant.  The distance is divided by the larger of the two words'
 * weights (what deleting every symbol would cost), weighted up for short
 * words, and turned into a score in [0,1].  Multi-word names are aligned
 * word to word (best pairs, any order) and score as their weakest matched
 * pair, so "Putin" matches "Vladimir Putin" but "Vladimir Zelensky" does
 * not; or as one concatenated word, whichever is higher.  Nothing here
 * allocates once a key is cached.
 */
#include "link/names.h"
#include "link/names_int.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

const double SL_NAMES_SAME = 0.6;

/* Multi-word names score MIN_W * weakest matched word + (1 - MIN_W) * mean.
 * Chosen on 2-word names joined from the dev files (bench/names_eval.py
 * --words 2): going from 1.0 to 0.75 lifts recall by about 0.9 points
 * (ar 0.937 -> 0.946, ru 0.935 -> 0.942) while random pairs that share
 * their first word exactly (the worst case: Mohammed X / Mohammed Y) match
 * 0.008 instead of 0.005 of the time. */
#define MIN_W 0.75

/* Added per matched word after the first, and taken off a match on part of
 * a name's words.  Chosen on names joined from the dev files
 * (bench/names_eval.py --words 2|3 [--partial|--shared-first]); with the
 * weights of the current readings a bonus of 0.03 let partners sharing the
 * first word exactly (Mohammed X / Mohammed Y) match 0.0129 / 0.0134 of
 * the time on even lines (ru / ar) and Mohammed Ali = محمد صلاح; 0.025
 * brings that back to 0.0122 / 0.0126 for 0.0004 / 0.0008 of 2-word recall.
 * Held out (odd lines): 2-word recall 0.952 (ar) / 0.952 (ru), 3-word
 * 0.936 / 0.931, random-partner FMR <= 0.0002, shared first word 0.012 /
 * 0.013.  The penalty of 0.02 keeps a full name against one of its words
 * at FMR 0.0046 / 0.0041, recall 0.967 / 0.971. */
#define WORD_BONUS 0.025
#define PART_PENALTY 0.02

/* An initial fits a word whose first sound is the same or nearly so (cost
 * of substitution at most INITIAL_SUB: k/q, f/v, x/h); an initial that fits
 * no word left on the other side takes INITIAL_CONFLICT off the score,
 * enough to undo a full match (V. Putin is not Aleksandr Putin). */
#define INITIAL_SUB 0.2f
#define INITIAL_CONFLICT 0.5

/* Names of three or more words paired in neither their order nor a
 * rotation of it (Kim Jong Il / Ким Ир Сен) lose ORDER_PENALTY; a
 * direction word (North, South, New...) left unpaired marks another place
 * and takes DIRECTION_CONFLICT off.  Set by hand on the hand-made full
 * names (bench/data/fullnames.tsv), checked on the dev files to move no
 * held-out figure. */
#define ORDER_PENALTY 0.05
#define ACRONYM_SAME 0.85
/* Two words of one alphabet are spelling variants (word_score): costs
 * count SAME_SCRIPT times, a reading's penalty SAME_SCRIPT_ALT times and
 * the letters that romanize one Arabic letter SAME_VARIANT times.  Set by
 * hand on bench/data/fullnames_latin.tsv and on random pairs of the even
 * dev lines' Latin names (30 of 405,878 matched with 3/3/3, 37 with
 * 3/2.5/1.5; Kadhafi = Gaddafi 0.57 -> 0.78, Putin / Biden 0.13). */
#define SAME_SCRIPT 3.0
#define SAME_SCRIPT_ALT 2.5
#define SAME_VARIANT 1.5
#define DIRECTION_CONFLICT 0.5

/* ---- cost tables -------------------------------------------------------- */

static float sub_cost[128][128];
static float sub_cost_ab[128][128]; /* when one word is abjad */
static float sub_cost_same[128][128]; /* two words of one alphabet (SAME_SCRIPT) */
static float del_cost[128];
static float del_same[128]; /* del_cost, SAME_SCRIPT times */
static float del_vs_abjad[128]; /* dropping a vowel when the partner is abjad */
static float norm_same[128];    /* weight in the normaliser, same-kind pair */
static float norm_mixed[128];   /* weight in the normaliser, abjad vs not */
static float abjad_scale = 1.0f; /* distance multiplier when one side is abjad */
static float short_factor = 0.0f; /* errors weigh more in short words */
static float lead_factor = 1.0f;  /* gaps before the first match weigh more */
static float weak_final = 1.0f;   /* most a '~'-marked final letter costs to drop */
static float alt_penalty = 0.0f;  /* taken off a score reached by another reading */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

/* Pairs of symbols that are romanizations of one letter (build_tables). */
static const char same_variants[] = "kqkgqgGgGqDdDzTtTsxhxk";

/* Builds the tables from sl_names_weights (names_weights.c, generated). */
static void build_tables(void) {
  int x, y;
  size_t i;
  abjad_scale = 1.0f;
  short_factor = 0.0f;
  lead_factor = 1.0f;
  weak_final = 1.0f;
  alt_penalty = 0.0f;
  for (x = 0; x < 128; x++) {
    for (y = 0; y < 128; y++) sub_cost[x][y] = x == y ? 0.0f : 1.0f;
    del_cost[x] = 1.0f;
    del_vs_abjad[x] = -1.0f;
    norm_same[x] = norm_mixed[x] = -1.0f;
  }
  for (i = 0; i < sl_names_nweights; i++) {
    const sl_names_weight *w = &sl_names_weights[i];
    unsigned char a = (unsigned char)w->x & 127, b = (unsigned char)w->y & 127;
    float v = w->v < 0.0f ? 0.0f : w->v;
    switch (w->kind) {
    case 's':
      sub_cost[a][b] = sub_cost[b][a] = v;
      break;
    case 'a':
      break; /* below, over the copy of 's' */
    case 'd':
      del_cost[a] = v;
      break;
    case 'v':
      del_vs_abjad[a] = v;
      break;
    case 'n':
      norm_same[a] = v;
      break;
    case 'm':
      norm_mixed[a] = v;
      break;
    case 'k':
      if (a == 'A') abjad_scale = v;
      if (a == 'L') short_factor = v;
      if (a == 'I') lead_factor = v;
      if (a == 'F') weak_final = v;
      if (a == 'R') alt_penalty = v;
      break;
    default:
      break;
    }
  }
  for (x = 0; x < 128; x++)
    if (del_vs_abjad[x] < 0.0f) del_vs_abjad[x] = del_cost[x];
  for (x = 0; x < 128; x++) {
    if (norm_same[x] < 0.0f) norm_same[x] = del_cost[x];
    if (norm_mixed[x] < 0.0f) norm_mixed[x] = del_cost[x];
  }
  /* two words of one alphabet: every cost counts SAME_SCRIPT times, but
   * SAME_VARIANT times for the letters that romanize one Arabic letter
   * (qaf: q, k, g; dhal: dh, d, z; tha: th, t, s; kha: kh, h, k; ghain:
   * gh, g), so that Kadhafi is still Gaddafi */
  for (x = 0; x < 128; x++) {
    for (y = 0; y < 128; y++) sub_cost_same[x][y] = (float)SAME_SCRIPT * sub_cost[x][y];
    del_same[x] = del_cost[x] * (float)SAME_SCRIPT;
  }
  for (i = 0; same_variants[i]; i += 2) {
    unsigned char a = (unsigned char)same_variants[i], b = (unsigned char)same_variants[i + 1];
    sub_cost_same[a][b] = sub_cost_same[b][a] = (float)SAME_VARIANT * sub_cost[a][b];
  }
  memcpy(sub_cost_ab, sub_cost, sizeof sub_cost);
  for (i = 0; i < sl_names_nweights; i++) {
    const sl_names_weight *w = &sl_names_weights[i];
    unsigned char a = (unsigned char)w->x & 127, b = (unsigned char)w->y & 127;
    if (w->kind == 'a') sub_cost_ab[a][b] = sub_cost_ab[b][a] = w->v < 0.0f ? 0.0f : w->v;
  }
}

static void init_tables(void) { pthread_once(&tables_once, build_tables); }

void sl_names_tables_rebuild(void) {
  init_tables();
  build_tables();
}

/* ---- word alignment ----------------------------------------------------- */

typedef struct word {
  const char *start; /* the word in its key, flags included */
  const char *s; /* symbols (its own reading) */
  int n;
  int abjad;
  int article;
  int initial; /* "V." of V. Putin: stands for any word starting so */
  int concept; /* a generic word (North, River, Saint...): its code, else 0 */
  unsigned place; /* the word spells a place (China = الصين): its code, else 0 */
  int acronym;  /* all capitals (CNN, НАТО): names_int.h */
  int script;   /* 0 Latin, 1 Cyrillic, 2 another alphabet (abjad: see abjad) */
  int nalt; /* other readings of a Latin word (names_int.h) */
  const char *alt[SL_NAMES_MAX_ALTS];
  int altn[SL_NAMES_MAX_ALTS];
  int nstem; /* a Russian adjective's stems (names_int.h): Гарвардский = Harvard */
  const char *stem[SL_NAMES_MAX_STEMS];
  int stemn[SL_NAMES_MAX_STEMS];
} word;

/* The score of distance dist between words of normaliser weight w
 * (align); never increasing in dist, so a lower bound of the distance
 * gives an upper bound of the score. */
static double dist_score(float dist, float w, int mixed) {
  double d = (double)dist / (double)w * (1.0 + (double)short_factor / (double)w);
  if (mixed) d *= (double)abjad_scale;
  d = 1.0 - d;
  return d < 0.0 ? 0.0 : d;
}

/* Weighted edit distance of a[0..na) and b[0..nb), divided by the larger
 * deletion weight; returns the score 1 - that, clamped to [0,1].  A caller
 * that keeps the best of several alignments passes the score to beat as
 * beat: once every cell of a row is so far that the score must end below
 * beat, no path can beat it and align returns -1 (costs are never
 * negative, so the distance only grows row by row).  -1: no beat.  A row
 * that far from a score above 0 ends the alignment with its score, 0. */
static double align(const char *a, int na, int aab, const char *b, int nb, int bab, int same,
                    double beat) {
  float rows[2][SL_NAMES_MAX_SYMS + 8], *prev = rows[0], *cur = rows[1], *t;
  float da[SL_NAMES_MAX_SYMS + 8], db[SL_NAMES_MAX_SYMS + 8];
  unsigned char bi[SL_NAMES_MAX_SYMS + 8]; /* b's symbols as table indices */
  float wa = 0.0f, wb = 0.0f, w, rmin;
  float (*sub)[128] = same ? sub_cost_same : aab != bab ? sub_cost_ab : sub_cost;
  const float *nw = aab != bab ? norm_mixed : norm_same;
  /* deletion costs: a vowel of a word whose partner is abjad costs
   * del_vs_abjad; SAME_SCRIPT times for spelling variants, and the weak
   * final's cap with them */
  const float *dela = same ? del_same : !aab && bab ? del_vs_abjad : del_cost;
  const float *delb = same ? del_same : !bab && aab ? del_vs_abjad : del_cost;
  float wf = same ? weak_final * (float)SAME_SCRIPT : weak_final;
  int i, j;
  int wfa = 0, wfb = 0, bounded;
  if (na > 0 && a[na - 1] == '~') na--, wfa = 1;
  if (nb > 0 && b[nb - 1] == '~') nb--, wfb = 1;
  if (na <= 0 || nb <= 0) return 0.0;
  if (na > SL_NAMES_MAX_SYMS + 4) na = SL_NAMES_MAX_SYMS + 4;
  if (nb > SL_NAMES_MAX_SYMS + 4) nb = SL_NAMES_MAX_SYMS + 4;
  for (i = 0; i < na; i++) {
    da[i] = dela[(unsigned char)a[i] & 127];
    wa += nw[(unsigned char)a[i] & 127];
  }
  for (j = 0; j < nb; j++) {
    bi[j] = (unsigned char)b[j] & 127;
    db[j] = delb[bi[j]];
    wb += nw[bi[j]];
  }
  w = wa > wb ? wa : wb;
  if (w < 1.0f) w = 1.0f;
  /* the bound needs a score that falls as the distance grows; the margin
   * keeps rounding from pruning an alignment that would tie */
  bounded = short_factor >= 0.0f && abjad_scale >= 0.0f;
  beat -= 1e-9;
  if (wfa && da[na - 1] > wf) da[na - 1] = wf;
  if (wfb && db[nb - 1] > wf) db[nb - 1] = wf;
  /* a name that starts with extra letters is less alike than one with
   * extra letters inside: leading gaps cost lead_factor more */
  prev[0] = 0.0f;
  for (j = 1; j <= nb; j++) prev[j] = prev[j - 1] + db[j - 1] * lead_factor;
  for (i = 1; i <= na; i++) {
    const float *row = sub[(unsigned char)a[i - 1] & 127];
    cur[0] = rmin = prev[0] + da[i - 1] * lead_factor;
    for (j = 1; j <= nb; j++) {
      float v = prev[j - 1] + row[bi[j - 1]];
      float u = prev[j] + da[i - 1];
      float l = cur[j - 1] + db[j - 1];
      if (u < v) v = u;
      if (l < v) v = l;
      cur[j] = v;
      if (v < rmin) rmin = v;
    }
    t = prev, prev = cur, cur = t;
    if (bounded && i < na) {
      double bound = dist_score(rmin, w, aab != bab);
      if (bound <= 0.0) return 0.0; /* exact: the score is clamped to 0 */
      if (bound < beat) return -1.0;
    }
  }
  return dist_score(prev[nb], w, aab != bab);
}

static double word_score_plain(const word *a, const word *b, int same, double floor);

/* Writes "al" in the word's own symbols before s[0..n) into buf. */
static int with_article(const word *x, char *buf) {
  int n = x->n > SL_NAMES_MAX_SYMS ? SL_NAMES_MAX_SYMS : x->n;
  buf[0] = x->abjad ? 'A' : 'a';
  buf[1] = 'l';
  memcpy(buf + 2, x->s, (size_t)n);
  return n + 2;
}

static double word_score_scripts(const word *a, const word *b, int same, double floor);

/* Score of two words; two words of one alphabet (Putin / Biden, both
 * Latin) are spelling variants, not transcriptions, and much closer when
 * the same: their distance counts SAME_SCRIPT times (the weights are
 * fitted on transcriptions across scripts, where p/b, t/d and vowels
 * come cheap). */
static double word_score_floor(const word *a, const word *b, double floor) {
  const word *sh = a->n <= b->n ? a : b, *lo = a->n <= b->n ? b : a;
  /* an inflected form (Macron'un, Merkels, Johnsonem) is its stem and a
   * short ending: not a spelling variant */
  int stem = sh->n >= 4 && lo->n - sh->n <= 3 && memcmp(sh->s, lo->s, (size_t)sh->n) == 0;
  return word_score_scripts(a, b, !a->abjad && !b->abjad && a->script == b->script && !stem,
                            floor);
}

static double word_score(const word *a, const word *b) { return word_score_floor(a, b, -1.0); }

/* Score s of an alignment as a spelling variant (same != 0) or not. */
static double variant(double s, int same) {
  if (!same || s >= 1.0) return s;
  s = 1.0 - SAME_SCRIPT * (1.0 - s);
  return s < 0.0 ? 0.0 : s;
}

/* floor: see word_score_plain (the plain words only). */
static double word_score_scripts(const word *a, const word *b, int same, double floor) {
  double s, t;
  int r;
  /* two generic words meet by meaning: North is Северная, not Южная */
  if (a->concept && b->concept) return a->concept == b->concept ? 1.0 : 0.0;
  /* two words that spell places of the gazetteer: one place whatever it
   * sounds like (China = الصين = Китая), else two */
  if (a->place && b->place) return a->place == b->place ? 1.0 : 0.0;
  /* an acronym's letters are no syllables: it meets a word of an
   * alphabet only spelled (nearly) alike (NATO = НАТО, CNN is not
   * Hessen, NBA not NBC); Arabic spells acronyms out as words (أوبك) */
  if ((a->acronym || b->acronym) && !a->abjad && !b->abjad) {
    /* within one alphabet an acronym is its letters: FETÖ is not Foto,
     * NY not NU, though their sounds align */
    if (a->script == b->script)
      return a->n == b->n && !memcmp(a->s, b->s, (size_t)a->n) ? 1.0 : 0.0;
    s = word_score_plain(a, b, 0, -1.0);
    return variant(s >= ACRONYM_SAME ? s : s * 0.5, same);
  }
  /* a Russian adjective also stands for the name it is made from
   * (Гарвардский университет = Harvard University, Донецкая = Donetsk) */
  if (a->nstem || b->nstem) {
    word x = a->nstem ? *a : *b;
    const word *other = a->nstem ? b : a;
    s = word_score_plain(a, b, same, -1.0);
    x.nstem = 0;
    for (r = 0; r < (a->nstem ? a->nstem : b->nstem); r++) {
      x.s = a->nstem ? a->stem[r] : b->stem[r];
      x.n = a->nstem ? a->stemn[r] : b->stemn[r];
      t = word_score_plain(&x, other, same, -1.0) - alt_penalty;
      if (t > s) s = t;
    }
    return s;
  }
  return word_score_plain(a, b, same, floor);
}

/* word_score without a concept or stems; each alignment scored as a
 * spelling variant when same, before another reading's penalty (which
 * marks a preference, not a distance). */
static double word_score_plain(const word *a, const word *b, int same, double floor) {
  double s, t, pen = (same ? SAME_SCRIPT_ALT : 1.0) * alt_penalty;
  char buf[SL_NAMES_MAX_SYMS + 4];
  int n, r;
  /* a caller that only asks whether the score reaches floor lets every
   * alignment stop once it cannot: s below floor is then not exact */
  s = align(a->s, a->n, a->abjad, b->s, b->n, b->abjad, same, floor);
  /* a Latin word's other readings meet a word of another script (which
   * has none): Herzog is Gertsog in Russian, Cotillard Kotiyar in Arabic */
  /* and two Latin words each other's (Gorbatschow read as German meets
   * Gorbachev); each only counts when it beats the best so far */
  if (a->nalt)
    for (r = 0; r < a->nalt; r++) {
      t = align(a->alt[r], a->altn[r], a->abjad, b->s, b->n, b->abjad, same,
                (s > floor ? s : floor) + pen) - pen;
      if (t > s) s = t;
    }
  if (b->nalt)
    for (r = 0; r < b->nalt; r++) {
      t = align(a->s, a->n, a->abjad, b->alt[r], b->altn[r], b->abjad, same,
                (s > floor ? s : floor) + pen) - pen;
      if (t > s) s = t;
    }
  if (a->article && !b->article) {
    n = with_article(a, buf);
    t = align(buf, n, a->abjad, b->s, b->n, b->abjad, same, s > floor ? s : floor);
    if (t > s) s = t;
  } else if (b->article && !a->article) {
    n = with_article(b, buf);
    t = align(a->s, a->n, a->abjad, buf, n, b->abjad, same, s > floor ? s : floor);
    if (t > s) s = t;
  }
  return s;
}

static int is_particle(const word *x) {
  /* Rostov-na-Donu, Bank of the..., Islamic Jihad in Palestine */
  static const char *const latin[] = {"bin", "ibn", "ben", "van", "von", "fon", "de",  "da",
                                      "di",  "du",  "do",  "dos", "das", "del", "der", "den",
                                      "la",  "le",  "e",   "i",   "y",   "na",  "nad", "pod",
                                      "on",  "am",  "sur", "of",  "Te",  "in"};
  static const char *const abjad[] = {"bn", "Abn", "bAn", "fY"}; /* في: in */
  const char *const *list = x->abjad ? abjad : latin;
  size_t i, n = x->abjad ? sizeof abjad / sizeof abjad[0] : sizeof latin / sizeof latin[0];
  if (x->article || x->initial || x->concept || x->place || x->n > 3) return 0;
  for (i = 0; i < n; i++)
    if (strlen(list[i]) == (size_t)x->n && memcmp(list[i], x->s, (size_t)x->n) == 0) return 1;
  return 0;
}

/* The bytes that end a reading in a key: NUL, ' ', '|', '^' (split_key
 * scans every byte of both keys of each pair). */
static const unsigned char reading_end[256] = {[0] = 1, [' '] = 1, ['|'] = 1, ['^'] = 1};

/* The value of a base-64 digit of a place code (names_translit.c). */
static unsigned place_digit(char c) {
  if (c >= 'A' && c <= 'Z') return (unsigned)(c - 'A');
  if (c >= 'a' && c <= 'z') return (unsigned)(c - 'a' + 26);
  if (c >= '0' && c <= '9') return (unsigned)(c - '0' + 52);
  return c == '+' ? 62u : 63u;
}

/* Splits key k into words; returns the count (at most SL_NAMES_MAX_WORDS). */
static int split_key(const char *k, word *w) {
  int nw = 0;
  while (*k && nw < SL_NAMES_MAX_WORDS) {
    word *x = &w[nw];
    while (*k == ' ') k++;
    if (!*k) break;
    x->start = k;
    x->abjad = x->article = x->initial = x->nalt = 0;
    x->concept = 0;
    x->script = 0;
    if (*k == '#') x->abjad = 1, k++;
    if (*k == '%') x->script = 1, k++;
    else if (*k == '&') x->script = 2, k++;
    if (*k == '@') x->article = 1, k++;
    if (*k == '.') x->initial = 1, k++;
    x->acronym = *k == '=';
    if (*k == '=') k++;
    if (*k == '!' && k[1] == '!' && k[2] && k[2] != ' ')
      x->concept = 0x100 | (unsigned char)k[2], k += 3; /* the second page */
    else if (*k == '!' && k[1] && k[1] != ' ')
      x->concept = (unsigned char)k[1], k += 2;
    x->place = 0;
    if (*k == '*' && k[1] && k[2] && k[3]) {
      x->place = place_digit(k[1]) << 12 | place_digit(k[2]) << 6 | place_digit(k[3]);
      k += 4;
    }
    x->s = k;
    x->nstem = 0;
    while (!reading_end[(unsigned char)*k]) k++;
    x->n = (int)(k - x->s);
    while (*k == '|' || *k == '^') {
      int stem = *k == '^';
      const char *r = ++k;
      while (!reading_end[(unsigned char)*k]) k++;
      if (k > r && stem && x->nstem < SL_NAMES_MAX_STEMS) {
        x->stem[x->nstem] = r;
        x->stemn[x->nstem++] = (int)(k - r);
      } else if (k > r && !stem && x->nalt < SL_NAMES_MAX_ALTS) {
        x->alt[x->nalt] = r;
        x->altn[x->nalt++] = (int)(k - r);
      }
    }
    if (x->n > 0) nw++;
  }
  return nw;
}

/* Copies the words of w[0..nw) but name particles (bin, ibn, van, von, de,
 * da, del, la...) into out: they do not count in names of several words
 * (Mohammed bin Salman is Mohammed Salman).  Returns the count (nw when
 * every word is a particle). */
static int drop_particles(const word *w, int nw, word *out) {
  int i, kept = 0;
  for (i = 0; i < nw; i++)
    if (nw == 1 || !is_particle(&w[i])) out[kept++] = w[i];
  if (kept == 0) {
    memcpy(out, w, (size_t)nw * sizeof *w);
    kept = nw;
  }
  return kept;
}

/* All words of a name as one word (articles spelled out inside). */
static void concat_words(const word *w, int nw, char *buf, word *out) {
  int i, n = 0, wn;
  out->abjad = out->nalt = out->initial = out->nstem = out->acronym = 0;
  out->script = nw > 0 ? w[0].script : 0;
  out->concept = 0;
  out->place = 0;
  out->article = w[0].article;
  for (i = 0; i < nw; i++) {
    if (w[i].abjad) out->abjad = 1;
    if (i > 0 && w[i].article && n + 2 <= SL_NAMES_MAX_SYMS) {
      buf[n++] = w[i].abjad ? 'A' : 'a';
      buf[n++] = 'l';
    }
    wn = w[i].n;
    if (i + 1 < nw && wn > 0 && w[i].s[wn - 1] == '~') wn--; /* only at the end */
    if (n + wn > SL_NAMES_MAX_SYMS) break;
    memcpy(buf + n, w[i].s, (size_t)wn);
    n += wn;
  }
  out->s = out->start = buf;
  out->n = n;
}

/* The first sound of reading s[0..n), a y before a vowel skipped (E. is
 * Yevgeny, Yu. is Yuri). */
static unsigned char first_sound(const char *s, int n) {
  if (n >= 2 && s[0] == 'y' && strchr("aeiou", s[1])) return (unsigned char)s[1];
  return n > 0 ? (unsigned char)s[0] : 0;
}

static int block_class(char c, char *cl);

/* Do the first sounds c and d fit an initial?  Same or nearly (cost at
 * most INITIAL_SUB); against an abjad word, which has no p, v, g and loses
 * a leading ayn, any shared consonant class, and any vowel. */
static int sounds_fit(unsigned char c, unsigned char d, int abjad) {
  /* first letters that languages read differently, so that an initial
   * taken from one spelling may open the other name's word with another
   * sound: J = Х (Spanish Juan = Хуан), Ж, Й; H = Г, Х; G = Ж, Х, Дж; C
   * = К, Ч, Ц, С; Ch = Ш, Х, К; W = В, У; Q = К, Ц, Ч; Z = Ц, Дж; S = Ш;
   * Kh = K; Th = Т, Ф (Theodore = Фёдор); Dh = Д */
  static const char loose[] = "jxjZjyhxhgGhgZgxgjckcCcsScCkCSCxwvwuqkqcqCzczjsSkxTtTfDd";
  char cc[2], cd[2];
  int nc, nd, i, j;
  if (c == d || (abjad ? sub_cost_ab : sub_cost)[c][d] <= INITIAL_SUB) return 1;
  for (i = 0; loose[i]; i += 2)
    if ((loose[i] == c && loose[i + 1] == d) || (loose[i] == d && loose[i + 1] == c)) return 1;
  if (!abjad) return 0;
  if (strchr("aeiou", c)) return 1;
  nc = block_class((char)c, cc);
  nd = block_class((char)d, cd);
  for (i = 0; i < nc; i++)
    for (j = 0; j < nd; j++)
      if (cc[i] == cd[j]) return 1;
  return 0;
}

/* Does first sound c fit a reading of w (or an initial)? */
static int sound_fits(unsigned char c, const word *w) {
  unsigned char d;
  int r;
  if (w->article && (c == 'a' || c == 'e')) return 1; /* A. of al-Assad */
  for (r = -1; r < w->nalt; r++) {
    d = r < 0 ? first_sound(w->s, w->n) : first_sound(w->alt[r], w->altn[r]);
    if (sounds_fit(c, d & 127, w->abjad)) return 1;
  }
  return 0;
}

/* Can initial x (any of its readings: H. is G. in Russian) stand for
 * word w? */
static int initial_fits(const word *x, const word *w) {
  int r;
  for (r = -1; r < x->nalt; r++) {
    unsigned char c = r < 0 ? first_sound(x->s, x->n) : first_sound(x->alt[r], x->altn[r]);
    if (sound_fits(c & 127, w)) return 1;
  }
  return 0;
}

/* Pairs the initials of one name (ini[0..ni)) with the words left over on
 * the other side (left[0..nl), used[] marks taken ones).  Returns the
 * count of initials that fit none although words were left to pair with
 * (a different given name: V. Putin is not Aleksandr Putin); *paired gets
 * how many found a partner. */
static int pair_initials(const word *ini, int ni, const word *left, int nl, int *used,
                         int *paired) {
  int i, j, conflicts = 0, free_left;
  for (i = 0; i < ni; i++) {
    free_left = 0;
    for (j = 0; j < nl; j++) {
      if (used[j]) continue;
      free_left = 1;
      if (initial_fits(&ini[i], &left[j])) break;
    }
    if (j < nl) used[j] = 1, (*paired)++;
    else if (free_left) conflicts++;
  }
  return conflicts;
}

static int has_initial(const word *w, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (w[i].initial) return 1;
  return 0;
}

static int has_word(const word *w, int n) {
  int i;
  for (i = 0; i < n; i++)
    if (!w[i].initial) return 1;
  return 0;
}

/* Is pair[0..n) (word i of one name paired with word pair[i] of the other)
 * the same order or a rotation of it (Vladimir Vladimirovich Putin =
 * Путин Владимир Владимирович, Jong Un Kim = Kim Jong Un)? */
static int rotation(const int *pair, int n) {
  int i;
  for (i = 1; i < n; i++)
    if (pair[i] != (pair[i - 1] + 1) % n) return 0;
  return 1;
}

/* A generic word that tells places apart (North, South, East, West,
 * Central, New): left unpaired, it marks another place (South Sudan is
 * not Sudan, New York not York). */
static int is_direction(const word *x) {
  return x->concept > 0 && x->concept < 0x100 && strchr("NSEWCn", x->concept) != NULL;
}

/* Pairs the words of a[0..na) and b[0..nb) greedily, best pair first, any
 * order (names have few words), marking the paired ones in useda/usedb.
 * Every word of the shorter name must match: Vladimir Putin is not Vladimir
 * Zelensky, but Putin is Vladimir Putin; the weakest pair counts most, the
 * mean softens one poorly transcribed word, and each further matched word
 * is more evidence.  Both sides need at least one word. */
static double align_words(const word *a, int na, const word *b, int nb, int *useda, int *usedb) {
  double m[SL_NAMES_MAX_WORDS][SL_NAMES_MAX_WORDS], worst = 1.0, sum = 0.0, best;
  int i, j, k, nmin = na < nb ? na : nb, pair[SL_NAMES_MAX_WORDS];
  for (i = 0; i < na; i++)
    for (j = 0; j < nb; j++) m[i][j] = word_score(&a[i], &b[j]);
  for (k = 0; k < nmin; k++) {
    int bi = 0, bj = 0;
    best = -1.0;
    for (i = 0; i < na; i++) {
      if (useda[i]) continue;
      for (j = 0; j < nb; j++)
        if (!usedb[j] && m[i][j] > best) best = m[i][j], bi = i, bj = j;
    }
    useda[bi] = usedb[bj] = 1;
    pair[bi] = bj;
    if (best < worst) worst = best;
    sum += best;
  }
  best = MIN_W * worst + (1.0 - MIN_W) * sum / nmin;
  if (nmin >= 2) best += WORD_BONUS * (nmin - 1);
  if (na == nb && na >= 3 && !rotation(pair, na)) best -= ORDER_PENALTY;
  for (i = 0; i < na; i++)
    if (!useda[i] && is_direction(&a[i])) best -= DIRECTION_CONFLICT;
  for (j = 0; j < nb; j++)
    if (!usedb[j] && is_direction(&b[j])) best -= DIRECTION_CONFLICT;
  return best;
}

/* Score of two multi-word names that have initials (V. Putin / Vladimir
 * Putin): the full words align as usual, then every initial must fit a
 * word or initial left over on the other side.  An initial adds no
 * evidence of its own (so it neither lifts the mean nor earns the word
 * bonus), but one that fits nothing marks another person. */
static double score_with_initials(const word *wa, int na, const word *wb, int nb) {
  word fa[SL_NAMES_MAX_WORDS], fb[SL_NAMES_MAX_WORDS], ia[SL_NAMES_MAX_WORDS],
      ib[SL_NAMES_MAX_WORDS], la[SL_NAMES_MAX_WORDS], lb[SL_NAMES_MAX_WORDS];
  double best;
  int nfa = 0, nfb = 0, nia = 0, nib = 0, nla = 0, nlb = 0, i, j, k, conflicts;
  int useda[SL_NAMES_MAX_WORDS] = {0}, usedb[SL_NAMES_MAX_WORDS] = {0};
  int usedla[SL_NAMES_MAX_WORDS] = {0}, usedlb[SL_NAMES_MAX_WORDS] = {0}, paired = 0;
  for (i = 0; i < na; i++)
    if (wa[i].initial) ia[nia++] = wa[i];
    else fa[nfa++] = wa[i];
  for (j = 0; j < nb; j++)
    if (wb[j].initial) ib[nib++] = wb[j];
    else fb[nfb++] = wb[j];
  /* nfa, nfb >= 1: the caller saw full words on both sides */
  best = align_words(fa, nfa, fb, nfb, useda, usedb);
  /* what is left on each side: unmatched full words, then initials */
  for (i = 0; i < nfa; i++)
    if (!useda[i]) la[nla++] = fa[i];
  for (i = 0; i < nia; i++) la[nla++] = ia[i];
  for (j = 0; j < nfb; j++)
    if (!usedb[j]) lb[nlb++] = fb[j];
  for (j = 0; j < nib; j++) lb[nlb++] = ib[j];
  conflicts = pair_initials(ia, nia, lb, nlb, usedlb, &paired);
  /* b's initials not taken by one of a's meet a's leftover full words */
  for (j = nlb - nib, k = 0; j < nlb; j++)
    if (!usedlb[j]) ib[k++] = lb[j];
  conflicts += pair_initials(ib, k, la, nla - nia, usedla, &paired);
  if (nla + nlb > 2 * paired) best -= PART_PENALTY; /* something left unpaired */
  best -= INITIAL_CONFLICT * conflicts;
  if (best > 1.0) best = 1.0;
  return best < 0.0 ? 0.0 : best;
}

/* Best score of a[0..na) and b[0..nb) (na != nb) when two adjacent words
 * of the longer name are taken as one. */
static double merged_pairs(const word *a, int na, const word *b, int nb) {
  const word *l = na > nb ? a : b, *sh = na > nb ? b : a;
  int nl = na > nb ? na : nb, ns = na > nb ? nb : na, i, j, nm;
  double best = 0.0, s;
  for (i = 0; i + 1 < nl; i++) {
    word m[SL_NAMES_MAX_WORDS];
    char buf[SL_NAMES_MAX_SYMS + 4];
    int um[SL_NAMES_MAX_WORDS] = {0}, us[SL_NAMES_MAX_WORDS] = {0};
    if (l[i].initial || l[i + 1].initial) continue;
    for (j = 0, nm = 0; j < nl; j++) {
      if (j == i) concat_words(&l[i], 2, buf, &m[nm++]), j++;
      else m[nm++] = l[j];
    }
    s = na > nb ? align_words(m, nm, sh, ns, um, us) : align_words(sh, ns, m, nm, us, um);
    if (nm != ns) s -= PART_PENALTY;
    if (s > best) best = s;
  }
  return best > 1.0 ? 1.0 : best;
}

/* Does a word of a[0..na) spell a place that no word of b[0..nb) does? */
static int lone_place(const word *a, int na, const word *b, int nb) {
  int i, j;
  for (i = 0; i < na; i++) {
    if (!a[i].place) continue;
    for (j = 0; j < nb && b[j].place != a[i].place; j++) {
    }
    if (j == nb) return 1;
  }
  return 0;
}

double sl_names_score_keys(const char *ka, const char *kb) {
  word wa[SL_NAMES_MAX_WORDS], wb[SL_NAMES_MAX_WORDS], ca, cb;
  word all_a[SL_NAMES_MAX_WORDS], all_b[SL_NAMES_MAX_WORDS];
  int na_all, nb_all;
  double best, cs;
  char bufa[SL_NAMES_MAX_SYMS + 4], bufb[SL_NAMES_MAX_SYMS + 4];
  int na, nb, usedb[SL_NAMES_MAX_WORDS] = {0}, useda[SL_NAMES_MAX_WORDS] = {0};
  if (!ka || !kb) return 0.0;
  init_tables();
  na_all = split_key(ka, all_a);
  nb_all = split_key(kb, all_b);
  if (na_all == 0 || nb_all == 0) return 0.0;
  if (na_all == 1 && nb_all == 1) return word_score(&all_a[0], &all_b[0]);
  na = drop_particles(all_a, na_all, wa);
  nb = drop_particles(all_b, nb_all, wb);
  /* names of initials only (J.A. / Дж.А.) align letter by letter below */
  if ((has_initial(wa, na) || has_initial(wb, nb)) && has_word(wa, na) && has_word(wb, nb))
    return score_with_initials(wa, na, wb, nb);
  best = align_words(wa, na, wb, nb, useda, usedb);
  /* a name matched on part of its words (Putin / Vladimir Putin) is a
   * little less sure */
  if (na != nb) best -= PART_PENALTY;
  if (best > 1.0) best = 1.0;
  if (best < 0.0) best = 0.0; /* the penalty on a name that matched nothing */
  /* names cut into words differently (Le Drian / Lodrian, Abdulrahman /
   * Abd al-Rahman): compare them whole, particles included */
  if (na_all != nb_all) {
    /* a single word stays whole, its readings with it (BBC read out
     * letter by letter is Би-би-си) */
    if (na_all == 1) ca = all_a[0];
    else concat_words(all_a, na_all, bufa, &ca);
    if (nb_all == 1) cb = all_b[0];
    else concat_words(all_b, nb_all, bufb, &cb);
    cs = word_score(&ca, &cb);
    if (cs > best) best = cs;
  }
  /* two words of one name written as one in the other (New York =
   * نيويورك, Ho Chi Minh = Хошимин): each adjacent pair of the longer
   * name merged once */
  if (na != nb && (na > nb ? na : nb) <= 5) {
    cs = merged_pairs(wa, na, wb, nb);
    if (cs > best) best = cs;
  }
  /* each name spells a place the other lacks (Bank of China / Банк
   * Чили): two names, however alike once their words are joined */
  if (best >= SL_NAMES_SAME && lone_place(all_a, na_all, all_b, nb_all) &&
      lone_place(all_b, nb_all, all_a, na_all))
    best = SL_NAMES_SAME - 0.1;
  return best;
}

double sl_names_score_keys_floor(const char *ka, const char *kb, double floor) {
  word wa[SL_NAMES_MAX_WORDS], wb[SL_NAMES_MAX_WORDS];
  double s;
  if (!ka || !kb) return 0.0;
  init_tables();
  /* one word each, as sl_names_score_keys scores them; else in full */
  if (split_key(ka, wa) == 1 && split_key(kb, wb) == 1)
    s = word_score_floor(&wa[0], &wb[0], floor);
  else
    s = sl_names_score_keys(ka, kb);
  return s < floor ? 0.0 : s;
}

const char *sl_names_family(const char *k, size_t *len) {
  word w[SL_NAMES_MAX_WORDS];
  int nw, i;
  const char *end;
  *len = 0;
  if (!k) return NULL;
  nw = split_key(k, w);
  if (nw == 0) return NULL;
  for (i = nw - 1; i > 0; i--)
    if (!w[i].initial && !w[i].concept && !is_particle(&w[i])) break;
  end = w[i].s + w[i].n;
  while (*end && *end != ' ') end++; /* its other readings */
  *len = (size_t)(end - w[i].start);
  return w[i].start;
}

/* ---- blocking codes --------------------------------------------------- */

/* Coarse consonant classes of a symbol for blocking, written into cl
 * (two for the letters read either way: c, g, j, ch); returns how many.  0 =
 * not counted (vowels, A W Y y, which may be vowels, and h x, which meet
 * each other, g and nothing). */
static int block_class(char c, char *cl) {
  switch (c) {
  case 'b': case 'p': case 'f': case 'v': case 'w': cl[0] = 'B'; return 1;
  case 'k': case 'q': case 'G': cl[0] = 'K'; return 1;
  case 's': case 'z': case 'S': case 'Z': cl[0] = 'S'; return 1;
  case 'c': case 'g': case 'j': case 'C': cl[0] = 'K'; cl[1] = 'S'; return 2;
  case '5': cl[0] = 'S'; return 1;
  case '6': cl[0] = 'S'; cl[1] = 'T'; return 2;
  case 't': case 'd': case 'T': case 'D': cl[0] = 'T'; return 1;
  case '$': cl[0] = 'S'; return 1;
  case 'l': cl[0] = 'L'; return 1;
  case 'r': cl[0] = 'R'; return 1;
  case 'm': case 'n': cl[0] = 'N'; return 1;
  default: return 0;
  }
}

/* Appends code z[0..n) to out unless already there; 0 when out is full. */
static int add_code(char *out, size_t *len, size_t cap, const char *z, size_t n) {
  size_t i = 0;
  while (i < *len) {
    size_t j = i;
    while (j < *len && out[j] != ' ') j++;
    if (j - i == n && memcmp(out + i, z, n) == 0) return 1;
    i = j + 1;
  }
  if (*len + (*len ? 1u : 0u) + n + 1 > cap) return 0;
  if (*len) out[(*len)++] = ' ';
  memcpy(out + *len, z, n);
  *len += n;
  out[*len] = '\0';
  return 1;
}

size_t sl_names_block(const char *k, char *out, size_t cap) {
  size_t n = 0;
  if (!out || cap == 0) return 0;
  out[0] = '\0';
  if (!k) return 0;
  while (*k) {
    char c[3][2], code[3];
    int m[3] = {0, 0, 0}, nc = 0, i, j, p;
    while (*k == ' ' || *k == '|' || *k == '^') k++; /* every reading has codes */
    if (!*k) break;
    while (*k == '#' || *k == '%' || *k == '&' || *k == '@') k++; /* script, article */
    if (*k == '.') { /* an initial: too little for a code */
      while (*k && *k != ' ') k++;
      continue;
    }
    if (*k == '=') k++; /* an acronym: codes of its letters */
    if (*k == '!' && k[1] == '!' && k[2]) k += 3; /* a generic word's concept: */
    else if (*k == '!' && k[1]) k += 2;            /* codes of its sounds */
    if (*k == '*' && k[1] && k[2] && k[3]) { /* a place's code is a code too (China = */
      if (!add_code(out, &n, cap, k, 4)) break; /* Китая, whatever they sound like) */
      k += 4;
    }
    /* the first three consonant classes, repeats once */
    for (; *k && *k != ' ' && *k != '|' && *k != '^'; k++) {
      char cl[2];
      int mc = block_class(*k, cl);
      if (!mc || nc == 3) continue;
      if (nc && mc == 1 && m[nc - 1] == 1 && cl[0] == c[nc - 1][0]) continue;
      memcpy(c[nc], cl, (size_t)mc);
      m[nc++] = mc;
    }
    if (!nc) { /* a word of vowels only: Weiwei, Aya */
      if (!add_code(out, &n, cap, "V", 1)) break;
      continue;
    }
    /* codes of classes 1-2 and 2-3, so that one odd first letter (h/g)
     * still leaves a shared code; every reading of an ambiguous letter */
    for (p = 0; p < (nc > 2 ? 2 : 1); p++) {
      for (i = 0; i < m[p]; i++) {
        code[0] = c[p][i];
        if (p + 1 >= nc && !add_code(out, &n, cap, code, 1)) goto out;
        for (j = 0; p + 1 < nc && j < m[p + 1]; j++) {
          code[1] = c[p + 1][j];
          if (!add_code(out, &n, cap, code, code[1] == code[0] ? 1u : 2u)) goto out;
        }
      }
    }
  }
out:
  out[n] = '\0';
  return n;
}

/* ---- key cache ---------------------------------------------------------- */

typedef struct slot {
  uint64_t h;      /* 0 = empty */
  uint32_t in_off; /* input bytes in pool */
  uint32_t in_len;
  uint32_t key_off; /* key (NUL-terminated) in pool */
  const char *whole; /* id of the place or org the name spells (sl_names_whole) */
  int shared;        /* ... and the name spells other entries too */
} slot;

#define CACHE_MIN_SLOTS (1u << 12)
#define CACHE_MAX_SLOTS (1u << 20)
#define CACHE_MAX_POOL (64u << 20)

struct sl_names {
  sl_names_tr *tr;
  slot *slots;
  uint32_t nslots, used;
  char *pool;
  size_t pool_len, pool_cap;
};

static uint64_t hash_bytes(const char *z, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)z[i];
    h *= 0x100000001b3ull;
  }
  h ^= h >> 29;
  return h ? h : 1;
}

sl_rc sl_names_new(sl_names **out) {
  sl_rc rc = SL_OK;
  sl_names *nm = NULL;
  if (!out) return SL_EINVAL;
  *out = NULL;
  init_tables();
  nm = calloc(1, sizeof *nm);
  if (!nm) {
    rc = SL_ENOMEM;
    goto out;
  }
  rc = sl_names_tr_new(&nm->tr);
  if (rc != SL_OK) goto out;
  nm->nslots = CACHE_MIN_SLOTS;
  nm->slots = calloc(nm->nslots, sizeof *nm->slots);
  nm->pool_cap = 1u << 16;
  nm->pool = malloc(nm->pool_cap);
  if (!nm->slots || !nm->pool) {
    rc = SL_ENOMEM;
    goto out;
  }
  *out = nm;
  nm = NULL;
out:
  sl_names_free(nm);
  return rc;
}

void sl_names_free(sl_names *nm) {
  if (!nm) return;
  sl_names_tr_free(nm->tr);
  free(nm->slots);
  free(nm->pool);
  free(nm);
}

static void cached_key(sl_names *nm, const char *z, size_t n, char *key, size_t cap,
                       const char **whole, int *shared);

/* Through the key cache: the linker asks again for the same names (Putin in
 * every report), and a key costs ICU transliteration passes. */
size_t sl_names_key(sl_names *nm, const char *z, size_t n, char *key, size_t cap) {
  if (!key || cap == 0) return 0;
  key[0] = '\0';
  if (!nm || !z) return 0;
  cached_key(nm, z, n, key, cap, NULL, NULL);
  return strlen(key);
}

static void cache_clear(sl_names *nm) {
  memset(nm->slots, 0, (size_t)nm->nslots * sizeof *nm->slots);
  nm->used = 0;
  nm->pool_len = 0;
}

static int cache_grow(sl_names *nm) {
  uint32_t n2 = nm->nslots * 2, i;
  slot *s2;
  if (n2 > CACHE_MAX_SLOTS) return 0;
  s2 = calloc(n2, sizeof *s2);
  if (!s2) return 0;
  for (i = 0; i < nm->nslots; i++) {
    uint32_t p;
    if (!nm->slots[i].h) continue;
    p = (uint32_t)nm->slots[i].h & (n2 - 1);
    while (s2[p].h) p = (p + 1) & (n2 - 1);
    s2[p] = nm->slots[i];
  }
  free(nm->slots);
  nm->slots = s2;
  nm->nslots = n2;
  return 1;
}

/* Appends bytes to the pool; returns the offset or UINT32_MAX when full. */
static uint32_t pool_add(sl_names *nm, const char *z, size_t n) {
  size_t off = nm->pool_len;
  if (off + n > CACHE_MAX_POOL) return UINT32_MAX;
  if (off + n > nm->pool_cap) {
    size_t c = nm->pool_cap * 2;
    char *p;
    while (c < off + n) c *= 2;
    if (c > CACHE_MAX_POOL) c = CACHE_MAX_POOL;
    p = realloc(nm->pool, c);
    if (!p) return UINT32_MAX;
    nm->pool = p;
    nm->pool_cap = c;
  }
  memcpy(nm->pool + off, z, n);
  nm->pool_len = off + n;
  return (uint32_t)off;
}

/* The cached key of z[0..n) (made on a miss), copied into key[0..cap);
 * *whole (when whole is not NULL) gets the id of the place or
 * organisation it spells whole (sl_names_whole), or NULL, and *shared
 * whether it spells other entries too. */
static void cached_key(sl_names *nm, const char *z, size_t n, char *key, size_t cap,
                       const char **whole, int *shared) {
  uint64_t h;
  uint32_t p, ioff, koff;
  size_t kn;
  const char *pl;
  int sh;
  if (n > SL_NAMES_MAX_INPUT) n = SL_NAMES_MAX_INPUT;
  h = hash_bytes(z, n);
  p = (uint32_t)h & (nm->nslots - 1);
  while (nm->slots[p].h) {
    slot *s = &nm->slots[p];
    if (s->h == h && s->in_len == n && memcmp(nm->pool + s->in_off, z, n) == 0) {
      const char *k = nm->pool + s->key_off;
      kn = strlen(k);
      if (kn >= cap) kn = cap - 1;
      memcpy(key, k, kn);
      key[kn] = '\0';
      if (whole) *whole = s->whole, *shared = s->shared;
      return;
    }
    p = (p + 1) & (nm->nslots - 1);
  }
  kn = sl_names_tr_key(nm->tr, z, n, key, cap);
  pl = sl_names_whole(z, n, &sh);
  if (whole) *whole = pl, *shared = sh;
  if ((nm->used + 1) * 4 > nm->nslots * 3 && !cache_grow(nm)) cache_clear(nm);
  if (nm->pool_len + n + kn + 1 > CACHE_MAX_POOL) cache_clear(nm);
  ioff = pool_add(nm, z, n);
  koff = pool_add(nm, key, kn + 1);
  if (ioff == UINT32_MAX || koff == UINT32_MAX) return; /* not cached: fine */
  p = (uint32_t)h & (nm->nslots - 1);
  while (nm->slots[p].h) p = (p + 1) & (nm->nslots - 1);
  nm->slots[p].h = h;
  nm->slots[p].in_off = ioff;
  nm->slots[p].in_len = (uint32_t)n;
  nm->slots[p].key_off = koff;
  nm->slots[p].whole = pl;
  nm->slots[p].shared = sh;
  nm->used++;
}

/* English names a monarch by realm (Abdullah II of Jordan, Salman of
 * Saudi Arabia) where Arabic and Russian say Abdullah II.  The length of
 * what comes before the realm when name a[0..n) ends in "of" and a place
 * known whole, and that is one word or ends in a regnal number (II, XIV);
 * 0 when the name has no realm. */
static size_t realm_head(const char *a, size_t n) {
  const char *tail = NULL;
  size_t i, head = 0, words = 1;
  int sh;
  for (i = 1; i + 4 < n; i++)
    if (a[i] == ' ' && (a[i + 1] | 0x20) == 'o' && (a[i + 2] | 0x20) == 'f' && a[i + 3] == ' ')
      tail = a + i + 4, head = i;
  if (!tail || !sl_names_whole(tail, (size_t)(a + n - tail), &sh)) return 0;
  for (i = 0; i < head; i++) words += a[i] == ' ';
  if (words > 1) {
    i = head;
    while (i > 0 && a[i - 1] != ' ') i--;
    if (strspn(a + i, "IVXL") != head - i) return 0;
  }
  return head;
}

/* The better of s and name a[0..n) without its realm (realm_head) against
 * key kb, less PART_PENALTY, when a opens with no generic word (not Bank
 * of China) and kb spells no place. */
static double without_realm(sl_names *nm, const char *a, size_t head, const char *kb, double s) {
  char kh[SL_NAMES_KEY_CAP];
  double t;
  if (strchr(kb, '*')) return s;
  cached_key(nm, a, head, kh, sizeof kh, NULL, NULL);
  if (!kh[0] || memchr(kh, '!', strcspn(kh, " ")) || strchr(kh, '*')) return s;
  t = sl_names_score_keys(kh, kb) - PART_PENALTY;
  return t > s ? t : s;
}

double sl_names_score(sl_names *nm, const char *a, size_t na, const char *b, size_t nb) {
  char ka[SL_NAMES_KEY_CAP], kb[SL_NAMES_KEY_CAP];
  const char *pa = NULL, *pb = NULL;
  int sa = 0, sb = 0;
  double s;
  if (!nm || !a || !b) return 0.0;
  cached_key(nm, a, na, ka, sizeof ka, &pa, &sa);
  cached_key(nm, b, nb, kb, sizeof kb, &pb, &sb);
  /* two spellings of one place or organisation known whole (Germany =
   * Германия = ألمانيا, Mexico City = Мехико, IMF = МВФ) are the same
   * name whatever they sound like; two different ones (Mexico / Мехико,
   * North / South Korea) are not, however alike, unless a name in
   * another script than Latin spells several (تونس and Тунис are the
   * country and its capital); a Latin one is shared by many languages
   * (Mexico is the city in French) and is read as English */
  if (pa && pb && strcmp(pa, pb) == 0) return 1.0;
  s = sl_names_score_keys(ka, kb);
  sa = sa && ka[0] && strchr("#%&", ka[0]);
  sb = sb && kb[0] && strchr("#%&", kb[0]);
  if (pa && pb && !sa && !sb && s >= SL_NAMES_SAME) s = SL_NAMES_SAME - 0.1;
  /* one name has a realm, the other none (Abdullah II of Jordan / عبد
   * الله الثاني): the first without it */
  if (s < SL_NAMES_SAME) {
    size_t ha = realm_head(a, na), hb = realm_head(b, nb);
    if (ha && !hb && !pb) s = without_realm(nm, a, ha, kb, s);
    if (hb && !ha && !pa) s = without_realm(nm, b, hb, ka, s);
  }
  return s;
}
