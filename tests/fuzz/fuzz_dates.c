/*
 * fuzz_dates — libFuzzer harness for the dates and numbers recognisers
 * (stage 5).  The first byte picks the language, the rest is split in body
 * and context at the first NUL; every call also runs the ISO parser and
 * the event chooser.  Seed corpus: tests/fuzz/corpus/dates/.
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc
 *   tests/fuzz/fuzz_dates.c src/analyze/dates*.c src/analyze/numbers.c
 *   src/util/error.c $(pkg-config --libs icu-uc icu-i18n) -lpthread
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/dates.h"
#include "analyze/numbers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *langs[] = {"en", "vi", "ar", "ru", "zh", "fr", "de", "es",
                                "it", "pl", "tr", NULL};
  const char *lang, *z, *ctx = NULL;
  const char *nul;
  size_t n, nctx = 0, nd = 0, nv = 0, i;
  sl_date *d = NULL, ev, iso, anchor = {2026, 1, 29, 0, 0, 0};
  sl_number *v = NULL;
  char buf[16];
  if (size < 1) return 0;
  lang = langs[data[0] % 12];
  z = (const char *)data + 1;
  n = size - 1;
  nul = memchr(z, 0, n);
  if (nul) {
    ctx = nul + 1;
    nctx = n - (size_t)(ctx - z);
    n = (size_t)(nul - z);
  }
  if (sl_dates_find(lang, z, n, ctx, nctx, (data[0] & 0x80) ? &anchor : NULL, &d, &nd) == SL_OK) {
    for (i = 0; i < nd; i++) {
      if (d[i].start > d[i].end || d[i].month < 0 || d[i].month > 12 || d[i].day < 0 ||
          d[i].day > 31)
        abort();
      if (!(d[i].flags & SL_DATE_CONTEXT) && d[i].end > n) abort();
      if ((d[i].flags & SL_DATE_CONTEXT) && d[i].end > nctx) abort();
      sl_date_format(&d[i], buf);
    }
    if (sl_dates_event(d, nd, &ev)) sl_date_format(&ev, buf);
  }
  free(d);
  if (sl_numbers_find(lang, z, n, &v, &nv) == SL_OK)
    for (i = 0; i < nv; i++)
      if (v[i].start > v[i].end || v[i].end > n) abort();
  free(v);
  if (sl_date_parse_iso(z, n, &iso) == SL_OK) sl_date_format(&iso, buf);
  return 0;
}
