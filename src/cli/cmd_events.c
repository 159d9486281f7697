/* cmd_events — placeholder until the events command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_events(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline events: not built yet\n");
  return 2;
}
