/* cmd_serve — placeholder until the serve command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_serve(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline serve: not built yet\n");
  return 2;
}
