/*
 * fuzz_http — libFuzzer harness for the HTTP API's routing and answers
 * (src/http/routes.c): the fuzzed input is a request line "PATH?QUERY"
 * handed to sl_http_api as the server hands it (path percent-decoded,
 * arguments split at '&' and '='), against a small store that the real
 * ingest builds from examples/seeds (or $SL_FUZZ_SEEDS) at start-up.
 * Every answer is 200, 400 or 404 with a JSON body: a 500 means a hostile
 * request reached a store error.  No socket is involved: libmicrohttpd's
 * own parsing is not ours to fuzz.  Seed corpus: tests/fuzz/corpus/http/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "http/http.h"
#include "query/query.h"
#include "storyline/storyline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define MAX_ARGS 16

typedef struct args {
  char *name[MAX_ARGS], *value[MAX_ARGS];
  size_t nvalue[MAX_ARGS], n;
} args;

static sl_query *q;

static int get_arg(void *ctx, const char *name, const char **z, size_t *n) {
  args *a = ctx;
  for (size_t i = 0; i < a->n; i++)
    if (!strcmp(a->name[i], name)) {
      *z = a->value[i];
      *n = a->nvalue[i];
      return 1;
    }
  return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  char dir[] = "/tmp/fuzz_http.XXXXXX", db[64], err[512];
  const char *seeds = getenv("SL_FUZZ_SEEDS");
  sl_ingest *in = NULL;
  (void)argc;
  (void)argv;
  if (!mkdtemp(dir))
    abort();
  snprintf(db, sizeof db, "%s/seed.db", dir);
  if (sl_ingest_open(db, &in, err, sizeof err) != SL_OK ||
      sl_ingest_path(in, seeds ? seeds : "examples/seeds", NULL, NULL) != SL_OK) {
    fprintf(stderr, "fuzz_http: cannot build the seed store: %s\n", err);
    abort();
  }
  sl_ingest_stats st;
  sl_ingest_get_stats(in, &st);
  sl_ingest_close(in);
  if (st.stored == 0) {
    fprintf(stderr, "fuzz_http: no seed documents (run from the repo root or set SL_FUZZ_SEEDS)\n");
    abort();
  }
  if (sl_query_open(db, &q, err, sizeof err) != SL_OK) {
    fprintf(stderr, "fuzz_http: %s\n", err);
    abort();
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  args a = {{0}, {0}, {0}, 0};
  sl_http_answer ans = {0, NULL};
  if (size > SL_HTTP_MAX_URL) /* the server refuses longer URLs */
    return 0;
  /* "/api/" + the input, NUL-terminated: MHD hands over C strings */
  char *req = malloc(size + 6);
  if (!req)
    return 0;
  memcpy(req, "/api/", 5);
  memcpy(req + 5, data, size);
  req[size + 5] = 0;
  char *query = strchr(req, '?');
  if (query) {
    *query++ = 0;
    for (char *p = query; p && *p && a.n < MAX_ARGS;) {
      char *amp = strchr(p, '&');
      if (amp)
        *amp++ = 0;
      char *eq = strchr(p, '=');
      if (eq)
        *eq++ = 0;
      a.name[a.n] = p;
      a.value[a.n] = eq ? eq : p + strlen(p);
      a.nvalue[a.n] = strlen(a.value[a.n]);
      a.n++;
      p = amp;
    }
  }
  sl_http_api(q, req, get_arg, &a, &ans);
  if (!ans.body || (ans.status != 200 && ans.status != 400 && ans.status != 404)) {
    fprintf(stderr, "fuzz_http: %s -> %u\n", req, ans.status);
    abort();
  }
  json_decref(ans.body);
  free(req);
  return 0;
}
