/*
 * tokenize_bench — throughput of sl_tokenize (+ stemming, stopwords) and
 * sl_langid_detect on a corpus of "lang<TAB>text" lines, in CPU time of
 * this process (steady on a loaded machine).  Built and run
 * by bench/tokenize.sh; speed targets live here, never in unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analyze/langid.h"
#include "analyze/tokenize.h"

#define MAX_DOCS 100000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  static char *text[MAX_DOCS];
  static char lang[MAX_DOCS][8];
  size_t len[MAX_DOCS], ndoc = 0, bytes = 0, toks = 0, passes = 3;
  char *line = NULL;
  size_t cap = 0;
  ssize_t got;
  FILE *f;
  if (argc < 2) {
    fprintf(stderr, "usage: %s CORPUS.tsv [PASSES]\n", argv[0]);
    return 2;
  }
  if (argc > 2)
    passes = (size_t)strtoul(argv[2], NULL, 10);
  f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  while (ndoc < MAX_DOCS && (got = getline(&line, &cap, f)) > 0) {
    char *tab = strchr(line, '\t');
    if (!tab || tab - line > 7)
      continue;
    memcpy(lang[ndoc], line, (size_t)(tab - line));
    lang[ndoc][tab - line] = '\0';
    len[ndoc] = (size_t)(line + got - (tab + 1));
    text[ndoc] = malloc(len[ndoc]);
    if (!text[ndoc])
      return 1;
    memcpy(text[ndoc], tab + 1, len[ndoc]);
    bytes += len[ndoc];
    ndoc++;
  }
  free(line);
  fclose(f);

  sl_tokenizer *tk;
  if (sl_tokenizer_new(&tk) != SL_OK)
    return 1;
  double t0 = now();
  for (size_t p = 0; p < passes; p++)
    for (size_t i = 0; i < ndoc; i++) {
      const sl_token *t;
      size_t n;
      if (sl_tokenize(tk, lang[i], text[i], len[i], &t, &n) != SL_OK)
        return 1;
      toks += n;
    }
  double t1 = now();
  printf("tokenize+stem: %zu docs, %.2f MB x %zu passes, %.2f s: %.1f MB/s, "
         "%.2f M tokens/s\n",
         ndoc, (double)bytes / 1e6, passes, t1 - t0,
         (double)bytes * (double)passes / 1e6 / (t1 - t0),
         (double)toks / 1e6 / (t1 - t0));
  sl_tokenizer_free(tk);

  sl_langid *lid;
  size_t ok = 0;
  if (sl_langid_new(&lid) != SL_OK)
    return 1;
  t0 = now();
  for (size_t i = 0; i < ndoc; i++) {
    char l[8];
    sl_langid_detect(lid, text[i], len[i], l);
    ok += strcmp(l, lang[i]) == 0;
  }
  t1 = now();
  printf("langid: %zu docs in %.2f s: %.0f docs/s, %.2f%% agree with labels\n",
         ndoc, t1 - t0, (double)ndoc / (t1 - t0),
         100.0 * (double)ok / (double)ndoc);
  sl_langid_free(lid);
  for (size_t i = 0; i < ndoc; i++)
    free(text[i]);
  return 0;
}
