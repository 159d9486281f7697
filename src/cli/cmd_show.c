/* cmd_show — placeholder until the show command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_show(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline show: not built yet\n");
  return 2;
}
