/* cmd_stories — placeholder until the stories command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_stories(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline stories: not built yet\n");
  return 2;
}
