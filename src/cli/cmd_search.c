/* cmd_search — placeholder until the search command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_search(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline search: not built yet\n");
  return 2;
}
