/*
 * fuzz_html — libFuzzer harness for HTML extraction (stages 1-2 for
 * pages): arbitrary bytes through gzip, charset detection and conversion
 * (ICU), the depth-capping prefilter, gumbo, the flat DOM, content
 * scoring and metadata.  What comes out must be valid UTF-8 and within
 * SL_MAX_DOC_TEXT.  Seed corpus: tests/fuzz/corpus/html/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/html.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void must_be_utf8(const char *z) {
  size_t n = 0, bad = 0;
  if (!z)
    abort(); /* every field is "" when absent, never NULL */
  char *t = sl_utf8_sanitize(z, strlen(z), &n, &bad);
  if (t && bad)
    abort();
  free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sl_html_article a;
  if (sl_html_extract((const char *)data, size, &a) != SL_OK)
    return 0;
  must_be_utf8(a.title);
  must_be_utf8(a.text);
  must_be_utf8(a.published);
  must_be_utf8(a.lang);
  must_be_utf8(a.url);
  must_be_utf8(a.author);
  must_be_utf8(a.site_name);
  if (strlen(a.text) > SL_MAX_DOC_TEXT)
    abort();
  sl_html_article_free(&a);
  return 0;
}
