/*
 * translate — word stems of other languages to the English stems they
 * translate to, so that reports in two languages can share words:
 * "Erdbeben" and "earthquake" meet, as do "gobierno" and "government".
 * The table comes from Debian's FreeDict dictionaries (German, French,
 * Spanish, Italian, Polish, Turkish, Arabic to English; French, Spanish,
 * Italian and Russian through German), compiled at build time by
 * tools/gen_translations.c into build/gen/translations.c.
 */
#ifndef SL_TRANSLATE_H
#define SL_TRANSLATE_H

#include <stddef.h>
#include <stdint.h>

/* The generated table: sl_trans_n keys, sorted, each with one English
 * stem (the low 32 bits of sl_hash64 of "en:stem"); a key repeats once
 * per translation, the dictionary's first senses only.  A key is the
 * sl_hash64 of a word's normalised form ("de=regierung": that headword's
 * senses) or of its stem ("de:regier", as evidence.c hashes a word stem:
 * the senses of every headword with that stem). */
extern const size_t sl_trans_n;
extern const uint64_t sl_trans_keys[];
extern const uint32_t sl_trans_vals[];

/* The English stems of word stem hash key into out[0..cap); returns how
 * many (0: the dictionaries do not have the word). */
size_t sl_translate(uint64_t key, uint32_t *out, size_t cap);

#endif
