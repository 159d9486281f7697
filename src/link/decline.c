/*
 * decline — nominative guesses for declined Polish names (see decline.h).
 */
#include <string.h>

#include "link/decline.h"

/* Ending -> nominative ending, most specific first; min: letters (bytes)
 * the word keeps before the ending. */
static const struct {
  const char *end, *nom;
  size_t min;
} POLISH[] = {
    /* adjectival surnames: Kurskiego, Kurskim -> Kurski; Kurskiej -> Kurska */
    {"skiego", "ski", 2}, {"skiemu", "ski", 2}, {"skim", "ski", 2},
    {"ckiego", "cki", 2}, {"ckiemu", "cki", 2}, {"ckim", "cki", 2},
    {"dzkiego", "dzki", 2}, {"dzkiemu", "dzki", 2}, {"dzkim", "dzki", 2},
    {"skiej", "ska", 2}, {"sk\xC4\x85", "ska", 2}, {"ckiej", "cka", 2}, {"ck\xC4\x85", "cka", 2},
    /* nouns: Trumpowi, Putinem -> Trump, Putin; Dudą, Annę -> Duda, Anna */
    {"owi", "", 3}, {"em", "", 3}, {"\xC4\x85", "a", 2}, {"\xC4\x99", "a", 2},
    /* a vowel dropped in the nominative: Jacka -> Jacek, Pawła -> Paweł */
    {"ka", "ek", 2}, {"\xC5\x82" "a", "e\xC5\x82", 2},
    /* genitive: Trumpa -> Trump; Dudy, Edyty -> Duda, Edyta */
    {"a", "", 3}, {"y", "a", 3},
    {NULL, NULL, 0}};

size_t sl_decline_guess(const char *lang, const char *z, size_t n, char *out, size_t cap) {
  size_t o = 0, changed = 0;
  if (!lang || strncmp(lang, "pl", 2) || cap == 0)
    return 0;
  for (size_t i = 0; i < n;) {
    size_t e = i;
    while (e < n && z[e] != ' ')
      e++;
    size_t wl = e - i, keep = wl;
    const char *nom = "";
    for (int r = 0; POLISH[r].end; r++) {
      size_t el = strlen(POLISH[r].end);
      if (wl >= el + POLISH[r].min && !memcmp(z + e - el, POLISH[r].end, el)) {
        keep = wl - el;
        nom = POLISH[r].nom;
        changed++;
        break;
      }
    }
    size_t nl = strlen(nom);
    if (o + keep + nl + 2 > cap)
      return 0;
    memcpy(out + o, z + i, keep);
    memcpy(out + o + keep, nom, nl);
    o += keep + nl;
    i = e;
    while (i < n && z[i] == ' ')
      out[o++] = z[i++];
  }
  out[o] = 0;
  return changed ? o : 0;
}
