/* gazetteer_int — rows of the curated supplement (gazetteer_extra.c) and
 * of the CLDR names (gazetteer_cldr.c). */
#ifndef SL_GAZETTEER_INT_H
#define SL_GAZETTEER_INT_H

#include "analyze/gazetteer.h"

typedef struct sl_gaz_extra {
  const char *code;
  sl_place_kind kind;
  const char *name;
  const char *variants; /* '|'-separated */
} sl_gaz_extra;

extern const sl_gaz_extra SL_GAZ_EXTRA[];

/* Rows of the CLDR names (gazetteer_cldr.c, generated from ICU by
 * tools/gen_gazetteer.sh): an entry and its spellings, each ended by '\n';
 * the last row has a NULL code. */
typedef struct sl_gaz_cldr {
  const char *code;
  sl_place_kind kind;
  const char *name;
  const char *spellings;
} sl_gaz_cldr;

extern const sl_gaz_cldr SL_GAZ_CLDR[];

#endif
