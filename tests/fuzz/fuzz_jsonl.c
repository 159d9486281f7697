/*
 * fuzz_jsonl — libFuzzer harness for the JSON Lines reader (stage 1):
 * arbitrary bytes as a .jsonl stream through the capped line reader,
 * jansson and the record-to-document mapping.  Every document handed on
 * must have an id, a path and a body of valid UTF-8 no longer than the
 * line it came from once bad bytes became U+FFFD.  Seed corpus: tests/fuzz/corpus/jsonl/.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/read.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct seen {
  size_t size, docs, errors;
} seen;

static sl_rc on_doc(void *ctx, sl_doc *d) {
  seen *s = ctx;
  size_t n = 0, bad = 0;
  s->docs++;
  if (!d->id || !d->path || !d->body || d->nbody > 3 * s->size || strlen(d->body) < d->nbody)
    abort(); /* a body is one NUL-terminated string, at most its line with
              * every byte a U+FFFD (three bytes) */
  char *again = sl_utf8_sanitize(d->body, d->nbody, &n, &bad);
  if (again && bad)
    abort(); /* the reader let invalid UTF-8 through */
  free(again);
  sl_doc_free(d);
  return SL_OK;
}

static void on_error(void *ctx, const char *where, sl_rc rc, const char *what) {
  seen *s = ctx;
  s->errors++;
  (void)rc;
  if (!where || !what || strncmp(where, "fuzz.jsonl", 10) != 0)
    abort(); /* every problem names the input */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  seen s = {size, 0, 0};
  sl_read_stats st = {0, 0};
  if (size == 0)
    return 0;
  FILE *f = fmemopen((void *)data, size, "rb");
  if (!f)
    return 0;
  if (sl_read_jsonl(f, "fuzz.jsonl", on_doc, on_error, &s, &st) != SL_OK)
    abort(); /* only running out of memory stops the reader */
  fclose(f);
  if (st.docs != s.docs)
    abort();
  return 0;
}
