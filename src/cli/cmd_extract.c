/* cmd_extract — placeholder until the extract command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_extract(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline extract: not built yet\n");
  return 2;
}
