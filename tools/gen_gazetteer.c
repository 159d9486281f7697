/*
 * gen_gazetteer — writes src/analyze/gazetteer_cldr.c, the place names the
 * gazetteer takes from CLDR through ICU: each country's display name in
 * storyline's languages (uloc_getDisplayCountry) and each time zone's
 * exemplar city ("VVV" pattern of udat).  ICU stays the source of the
 * data; the table spares each run the ~0.17 G instructions of formatting
 * 8,000 zone names at start-up.  Rows come in the order the gazetteer
 * adds them (an entry, then its spellings; a spelling repeated within an
 * entry is written once, as adding it again would change nothing).
 * usage: sh tools/gen_gazetteer.sh   (writes src/analyze/gazetteer_cldr.c)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uenum.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

/* Locales whose names are loaded: storyline's supported languages
 * (the order is the order of claiming a spelling). */
static const char *const LOCALES[] = {"en", "vi", "ar", "ru", "zh", "fr", "de", "es", "it", "pl",
                                      "tr", "uk", "fa", "pt", "nl", "ja", "ko", "he", "el", NULL};

static char last[64][256];
static int nlast;

static void end_row(void);

static void cstr(const char *s) {
  putchar('"');
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\' || c == '?')
      printf("\\%c", c);
    else if (c < 0x20)
      printf("\\%03o", c);
    else
      putchar(c);
  }
  putchar('"');
}

static int open_row;

static void end_row(void) {
  if (open_row)
    printf("\"},\n");
  open_row = 0;
}

static void entry(const char *code, const char *kind, const char *name) {
  end_row();
  printf("    {");
  cstr(code);
  printf(", %s, ", kind);
  cstr(name);
  printf(",\n     \"");
  open_row = 1;
  nlast = 0;
}

/* One spelling of the open entry, '\n'-terminated inside its string. */
static void name(const char *z) {
  for (int i = 0; i < nlast; i++)
    if (!strcmp(last[i], z))
      return;
  if (nlast < 64 && strlen(z) < sizeof last[0])
    strcpy(last[nlast++], z);
  for (; *z; z++) {
    unsigned char c = (unsigned char)*z;
    if (c == '"' || c == '\\' || c == '?')
      printf("\\%c", c);
    else if (c < 0x20)
      printf("\\%03o", c);
    else
      putchar(c);
  }
  printf("\\n");
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

static void countries(void) {
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
    entry(codes[i], "SL_GAZ_COUNTRY", buf);
    for (int l = 0; LOCALES[l]; l++) {
      st = U_ZERO_ERROR;
      nu = uloc_getDisplayCountry(loc, LOCALES[l], u, 128, &st);
      if (U_FAILURE(st) || nu <= 0)
        continue;
      if (to_utf8(u, nu, buf, sizeof buf))
        name(buf);
    }
  }
}

/* Exemplar cities of time zones ("Europe/Moscow" -> Moscow, Москва, موسكو). */
static int cities(void) {
  UErrorCode st = U_ZERO_ERROR;
  UEnumeration *zones = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION, NULL, NULL, &st);
  UDateFormat *fmt[32] = {0};
  UCalendar *cal = NULL;
  UChar pat[4] = {'V', 'V', 'V', 0};
  if (U_FAILURE(st))
    return 1;
  cal = ucal_open(NULL, 0, "en", UCAL_GREGORIAN, &st);
  for (int l = 0; LOCALES[l] && l < 32 && U_SUCCESS(st); l++)
    fmt[l] = udat_open(UDAT_PATTERN, UDAT_PATTERN, LOCALES[l], NULL, 0, pat, -1, &st);
  if (U_FAILURE(st))
    return 1;
  const char *zone;
  int32_t zn;
  while ((zone = uenum_next(zones, &zn, &st)) != NULL && U_SUCCESS(st)) {
    UChar uz[64], out[128];
    char buf[256], code[96];
    if (zn >= 60)
      continue;
    u_uastrncpy(uz, zone, 64);
    ucal_setTimeZone(cal, uz, -1, &st);
    int have = 0;
    for (int l = 0; LOCALES[l] && U_SUCCESS(st); l++) {
      int32_t no = udat_formatCalendar(fmt[l], cal, out, 128, NULL, &st);
      if (U_FAILURE(st) || no <= 0)
        break;
      if (!to_utf8(out, no, buf, sizeof buf))
        continue;
      if (!have) {
        snprintf(code, sizeof code, "tz:%s", zone);
        entry(code, "SL_GAZ_CITY", buf);
        have = 1;
      }
      name(buf);
    }
    st = U_ZERO_ERROR;
  }
  for (int l = 0; l < 32; l++)
    if (fmt[l])
      udat_close(fmt[l]);
  ucal_close(cal);
  uenum_close(zones);
  return 0;
}

int main(void) {
  printf("/*\n * gazetteer_cldr — GENERATED by tools/gen_gazetteer.sh from ICU %s's CLDR\n"
         " * data; do not edit.  Country names and time-zone exemplar cities in\n"
         " * storyline's languages, in the order the gazetteer adds them: each row\n"
         " * an entry (code, kind, display name) and its spellings, each ended by\n"
         " * a newline.\n */\n",
         U_ICU_VERSION);
  printf("#include <stddef.h>\n\n#include \"analyze/gazetteer_int.h\"\n\n");
  printf("const sl_gaz_cldr SL_GAZ_CLDR[] = {\n");
  countries();
  if (cities()) {
    fprintf(stderr, "gen_gazetteer: ICU has no time-zone formats\n");
    return 1;
  }
  end_row();
  printf("    {NULL, SL_GAZ_COUNTRY, NULL, NULL}};\n");
  return 0;
}
