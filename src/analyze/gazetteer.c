/*
 * gazetteer — places from CLDR (through ICU) plus a curated supplement,
 * keyed by the tokenizer's normalised forms (see gazetteer.h).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "analyze/gazetteer_int.h"
#include "analyze/tokenize.h"
#include "util/grow.h"
#include "util/strmap.h"

/* Locales whose names are loaded: storyline's supported languages. */
static const char *const LOCALES[] = {"en", "vi", "ar", "ru", "zh", "fr", "de", "es", "it", "pl",
                                      "tr", "uk", "fa", "pt", "nl", "ja", "ko", "he", "el", NULL};

struct sl_gazetteer {
  sl_gaz_entry *e;
  size_t n, cap;
  sl_strmap *by_name; /* normalised token sequence -> entry index */
  sl_strmap *first;   /* first token of every name: most tokens start none */
  int max_tokens;
};

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
  if (sl_strmap_get(g->by_name, key, k, NULL))
    return;
  if (sl_strmap_put(g->by_name, key, k, idx) == SL_OK && (int)nt > g->max_tokens)
    g->max_tokens = (int)nt;
  sl_strmap_put(g->first, t[0].norm, t[0].nnorm, 1);
}

static size_t to_utf8(const UChar *u, int32_t nu, char *out, size_t cap) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t n = 0;
  u_strToUTF8(out, (int32_t)cap - 1, &n, u, nu, &st);
  if (U_FAILURE(st))
    return 0;
  out[n] = 0;
  return (size_t)n;
}

static void load_countries(struct sl_gazetteer *g, sl_tokenizer *tk) {
  const char *const *codes = uloc_getISOCountries();
  for (size_t i = 0; codes[i]; i++) {
    char loc[16], buf[256];
    UChar u[128];
    UErrorCode st = U_ZERO_ERROR;
    snprintf(loc, sizeof loc, "und_%s", codes[i]);
    int32_t nu = uloc_getDisplayCountry(loc, "en", u, 128, &st);
    /* codes ICU cannot name are deprecated or private: skip them */
    if (U_FAILURE(st) || nu <= 0 || st == U_USING_DEFAULT_WARNING)
      continue;
    size_t nb = to_utf8(u, nu, buf, sizeof buf);
    if (!nb || !strcmp(buf, codes[i]))
      continue;
    long idx = add_entry(g, codes[i], buf, SL_GAZ_COUNTRY);
    if (idx < 0)
      return;
    for (int l = 0; LOCALES[l]; l++) {
      st = U_ZERO_ERROR;
      nu = uloc_getDisplayCountry(loc, LOCALES[l], u, 128, &st);
      if (U_FAILURE(st) || nu <= 0)
        continue;
      nb = to_utf8(u, nu, buf, sizeof buf);
      if (nb)
        add_name(g, tk, buf, nb, idx);
    }
  }
}

/* Exemplar cities of time zones ("Europe/Moscow" -> Moscow, Москва, موسكو). */
static void load_cities(struct sl_gazetteer *g, sl_tokenizer *tk) {
  UErrorCode st = U_ZERO_ERROR;
  UEnumeration *zones = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, &st);
  UDateFormat *fmt[32] = {0};
  UCalendar *cal = NULL;
  UChar pat[4] = {'V', 'V', 'V', 0};
  if (U_FAILURE(st))
    return;
  cal = ucal_open(NULL, 0, "en", UCAL_GREGORIAN, &st);
  for (int l = 0; LOCALES[l] && l < 32 && U_SUCCESS(st); l++)
    fmt[l] = udat_open(UDAT_PATTERN, UDAT_PATTERN, LOCALES[l], NULL, 0, pat, -1, &st);
  if (U_FAILURE(st))
    goto out;
  const char *zone;
  int32_t zn;
  while ((zone = uenum_next(zones, &zn, &st)) != NULL && U_SUCCESS(st)) {
    UChar uz[64], out[128];
    char buf[256], code[96];
    if (zn >= 60)
      continue;
    u_uastrncpy(uz, zone, 64);
    ucal_setTimeZone(cal, uz, -1, &st);
    long idx = -1;
    for (int l = 0; LOCALES[l] && U_SUCCESS(st); l++) {
      /* the calendar's zone is the one formatted: no copy of it into
       * each format (udat_setCalendar cost half the gazetteer's build) */
      int32_t no = udat_formatCalendar(fmt[l], cal, out, 128, NULL, &st);
      if (U_FAILURE(st) || no <= 0)
        break;
      size_t nb = to_utf8(out, no, buf, sizeof buf);
      if (!nb)
        continue;
      if (idx < 0) {
        snprintf(code, sizeof code, "tz:%s", zone);
        idx = add_entry(g, code, buf, SL_GAZ_CITY);
        if (idx < 0)
          goto out;
      }
      add_name(g, tk, buf, nb, idx);
    }
    st = U_ZERO_ERROR;
  }
out:
  for (int l = 0; l < 32; l++)
    if (fmt[l])
      udat_close(fmt[l]);
  if (cal)
    ucal_close(cal);
  uenum_close(zones);
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
  load_countries(g, tk);
  load_cities(g, tk);
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
  return &g->e[idx];
}

int sl_gazetteer_may_start(const struct sl_gazetteer *g, const char *z, size_t n) {
  return g && sl_strmap_get(g->first, z, n, NULL);
}

int sl_gazetteer_max_tokens(const struct sl_gazetteer *g) { return g ? g->max_tokens : 0; }
