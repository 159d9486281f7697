/* gazetteer_int — rows of the curated supplement (gazetteer_extra.c). */
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

#endif
