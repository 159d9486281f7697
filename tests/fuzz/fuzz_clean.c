/*
 * fuzz_clean — libFuzzer harness for the input boundary and the plain-text
 * cleaner (stages 1-2): arbitrary bytes through binary detection, UTF-8
 * sanitising, mojibake repair and furniture removal.  Seed corpus:
 * tests/fuzz/corpus/clean/.  Run with `make fuzz`.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *z = (const char *)data;
  size_t n = 0, bad = 0;
  if (sl_utf8_is_binary(z, size))
    return 0;
  char *t = sl_utf8_sanitize(z, size, &n, &bad);
  if (!t)
    return 0;
  n = sl_utf8_repair_mojibake(t, n);
  sl_cleaned c;
  if (sl_clean_text(t, n, NULL, &c) == SL_OK) {
    /* the body is made of the input's own lines */
    if (c.ntext > n + 1)
      abort();
    sl_cleaned_free(&c);
  }
  free(t);
  return 0;
}
