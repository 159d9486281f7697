/*
 * fuzz_langid — libFuzzer harness for language and script identification
 * (stage 3): arbitrary bytes, made valid UTF-8 as the input boundary does,
 * through libexttextcat and ICU's script property.  The answer is a short
 * NUL-terminated code and a known script.  Seed corpus:
 * tests/fuzz/corpus/langid/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/langid.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sl_langid *lid;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  size_t n = 0, bad = 0;
  char lang[8];
  if (!lid && sl_langid_new(&lid) != SL_OK)
    abort();
  char *t = sl_utf8_sanitize((const char *)data, size, &n, &bad);
  if (!t)
    return 0;
  memset(lang, 'x', sizeof lang);
  if (sl_langid_detect(lid, t, n, lang) == SL_OK && memchr(lang, 0, sizeof lang) == NULL)
    abort();
  sl_script s = sl_script_detect(t, n);
  if (s > SL_SCRIPT_OTHER || !sl_script_name(s))
    abort();
  free(t);
  return 0;
}
