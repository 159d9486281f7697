/*
 * gazetteer — canonical places (and a few landmark institutions) with their
 * names in every supported language, looked up by normalised token
 * sequences (part of stage 6, mentions).
 *
 * Built once per process from CLDR data shipped inside ICU: country and
 * region names (uloc_getDisplayCountry) and the exemplar cities of time
 * zones (the "VVV" date pattern) in each supported locale, plus a short
 * curated list of landmarks and aliases that CLDR lacks (gazetteer_extra.c).
 */
#ifndef SL_GAZETTEER_H
#define SL_GAZETTEER_H

#include "storyline/storyline.h"

typedef enum sl_place_kind { SL_GAZ_COUNTRY, SL_GAZ_CITY, SL_GAZ_LANDMARK, SL_GAZ_ORG } sl_place_kind;

typedef struct sl_gaz_entry {
  const char *code;  /* stable id: "RU", "tz:Europe/Moscow", "lm:kremlin" */
  const char *name;  /* English display name */
  sl_place_kind kind;
} sl_gaz_entry;

/* The process-wide gazetteer, built on first use (thread-safe).  NULL when
 * ICU data is missing or memory ran out. */
const struct sl_gazetteer *sl_gazetteer_get(void);

/* Looks up the normalised token sequence z[0..n) (token norms joined by
 * single spaces).  Returns the entry or NULL. */
const sl_gaz_entry *sl_gazetteer_find(const struct sl_gazetteer *g, const char *z, size_t n);

/* The entry a one-word Russian case form z[0..n) (normalised) stands
 * for: its last letter replaced by the nominative endings а я й ь or
 * dropped (России, Китая, Ирана -> Россия, Китай, Иран).  NULL when none;
 * *shared (when not NULL) as sl_gazetteer_shared of the form found. */
const sl_gaz_entry *sl_gazetteer_find_russian_case(const struct sl_gazetteer *g, const char *z,
                                                   size_t n, int *shared);

/* 1 when z[0..n) is a spelling of more than one entry (تونس and Тунис
 * are Tunisia and Tunis; sl_gazetteer_find gives the first). */
int sl_gazetteer_shared(const struct sl_gazetteer *g, const char *z, size_t n);

/* 1 when some name's first token has the normalised form z[0..n): a
 * token that starts no name needs no longer lookups. */
int sl_gazetteer_may_start(const struct sl_gazetteer *g, const char *z, size_t n);

/* Longest number of tokens of any name (bounds the matcher's window). */
int sl_gazetteer_max_tokens(const struct sl_gazetteer *g);

#endif
