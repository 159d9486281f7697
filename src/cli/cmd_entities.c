/* cmd_entities — placeholder until the entities command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_entities(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline entities: not built yet\n");
  return 2;
}
