/*
 * dates_bench — throughput of sl_dates_find and sl_numbers_find on a
 * corpus of "lang<TAB>text" lines (one document each), in CPU time of this
 * process.  With -v it prints every date and number found, for spot
 * checks of precision on real news.  Built and run by bench/dates.sh;
 * speed targets live here, never in unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/dates.h"
#include "analyze/numbers.h"

#define MAX_DOCS 100000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  static char *text[MAX_DOCS];
  static char lang[MAX_DOCS][8];
  static size_t len[MAX_DOCS];
  size_t ndoc = 0, bytes = 0, ndates = 0, nnums = 0, passes, p, i, k;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  int verbose = argc > 3 && strcmp(argv[3], "-v") == 0;
  double t0, t1, t2;
  FILE *f;
  if (argc < 2 || (f = fopen(argv[1], "r")) == NULL) {
    fprintf(stderr, "usage: dates_bench CORPUS.tsv [PASSES] [-v]\n");
    return 2;
  }
  passes = argc > 2 ? (size_t)strtoul(argv[2], NULL, 10) : 3;
  if (passes == 0) passes = 1;
  while (ndoc < MAX_DOCS && (got = getline(&line, &cap, f)) > 0) {
    char *tab = memchr(line, '\t', (size_t)got);
    size_t ll;
    if (tab == NULL) continue;
    ll = (size_t)(tab - line) < 7 ? (size_t)(tab - line) : 7;
    memcpy(lang[ndoc], line, ll);
    lang[ndoc][ll] = '\0';
    len[ndoc] = (size_t)got - (size_t)(tab + 1 - line);
    text[ndoc] = malloc(len[ndoc] + 1);
    if (text[ndoc] == NULL) return 1;
    memcpy(text[ndoc], tab + 1, len[ndoc]);
    bytes += len[ndoc];
    ndoc++;
  }
  free(line);
  fclose(f);
  /* warm the lexicon outside the timing */
  {
    sl_date *d = NULL;
    size_t nd;
    sl_dates_find("en", "1 May 2020", 10, NULL, 0, NULL, &d, &nd);
    free(d);
  }
  t0 = now();
  for (p = 0; p < passes; p++)
    for (i = 0; i < ndoc; i++) {
      sl_date *d = NULL;
      size_t nd = 0;
      if (sl_dates_find(lang[i], text[i], len[i], NULL, 0, NULL, &d, &nd) != SL_OK) return 1;
      if (p == 0) ndates += nd;
      if (verbose && p == 0)
        for (k = 0; k < nd; k++) {
          char b[16];
          sl_date_format(&d[k], b);
          printf("D %s %-10s %.*s\n", lang[i], b[0] ? b : "(no year)",
                 (int)(d[k].end - d[k].start), text[i] + d[k].start);
        }
      free(d);
    }
  t1 = now();
  for (p = 0; p < passes; p++)
    for (i = 0; i < ndoc; i++) {
      sl_number *v = NULL;
      size_t nv = 0;
      if (sl_numbers_find(lang[i], text[i], len[i], &v, &nv) != SL_OK) return 1;
      if (p == 0) nnums += nv;
      if (verbose && p == 0)
        for (k = 0; k < nv; k++)
          printf("N %s %-12g %-3s %.*s\n", lang[i], v[k].value, v[k].unit,
                 (int)(v[k].end - v[k].start), text[i] + v[k].start);
      free(v);
    }
  t2 = now();
  fprintf(stderr, "%zu docs, %.1f MB x %zu passes\n", ndoc, (double)bytes / 1e6, passes);
  fprintf(stderr, "dates:   %.1f MB/s (%zu dates)\n",
          (double)bytes * (double)passes / 1e6 / (t1 - t0), ndates);
  fprintf(stderr, "numbers: %.1f MB/s (%zu numbers; includes a date pass)\n",
          (double)bytes * (double)passes / 1e6 / (t2 - t1), nnums);
  for (i = 0; i < ndoc; i++) free(text[i]);
  return 0;
}
