/*
 * global — process-wide teardown (sl_global_cleanup): closes the objects
 * the stages cache for the whole process, then lets ICU free its data and
 * registries.  Only programs that want a clean leak report need it.
 */
#include <unicode/uclean.h>

#include "clean/clean.h"
#include "storyline/storyline.h"

void sl_global_cleanup(void) {
  sl_clean_global_cleanup();
  u_cleanup();
}
