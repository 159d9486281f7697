/*
 * fuzz_names — libFuzzer harness for the name matcher (stage 6): two
 * names split at the first tab (or NUL), made valid UTF-8 as the input
 * boundary does, through ICU transliteration, phonetic keys, blocking
 * codes and the alignment score.  A score is in [0,1], a name matches
 * itself, and keys fit their buffers.  Seed corpus: tests/fuzz/corpus/names/.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "link/names.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sl_names *nm;

static void check_key(const char *z, size_t n) {
  char key[256], block[256];
  size_t k = sl_names_key(nm, z, n, key, sizeof key);
  if (k >= sizeof key || strlen(key) != k)
    abort();
  size_t b = sl_names_block(key, block, sizeof block);
  if (b >= sizeof block || strlen(block) != b)
    abort();
  size_t fl;
  const char *f = sl_names_family(key, &fl);
  if (f ? (f < key || f + fl > key + k) : (fl != 0 || k != 0))
    abort();
  double s = sl_names_score_keys(key, key);
  if (!(s >= 0.0 && s <= 1.0))
    abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *z = (const char *)data;
  size_t cut = 0, na = 0, nb = 0, bad = 0;
  if (!nm && sl_names_new(&nm) != SL_OK)
    abort();
  if (size > 4096) /* names are short; mentions are capped well below this */
    return 0;
  while (cut < size && z[cut] != '\t' && z[cut] != '\0')
    cut++;
  char *a = sl_utf8_sanitize(z, cut, &na, &bad);
  char *b = sl_utf8_sanitize(z + (cut < size ? cut + 1 : size), cut < size ? size - cut - 1 : 0,
                             &nb, &bad);
  if (a && b) {
    double s = sl_names_score(nm, a, na, b, nb);
    if (!(s >= 0.0 && s <= 1.0))
      abort();
    check_key(a, na);
    check_key(b, nb);
  }
  free(a);
  free(b);
  return 0;
}
