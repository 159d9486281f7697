/* cmd_names — placeholder until the names command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_names(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline names: not built yet\n");
  return 2;
}
