/*
 * cputime — stage names (see cputime.h).
 */
#include "util/cputime.h"

const char *const SL_STAGE_NAMES[SL_STAGE_N] = {
  [SL_STAGE_READ] = "read", [SL_STAGE_CLEAN] = "clean", [SL_STAGE_LANG] = "language",
  [SL_STAGE_NORMALIZE] = "normalise", [SL_STAGE_DATES] = "dates", [SL_STAGE_MENTIONS] = "mentions",
  [SL_STAGE_LINK] = "linking", [SL_STAGE_CLUSTER] = "clustering", [SL_STAGE_STORE] = "store",
};
