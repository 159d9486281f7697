/* cmd_similarity — placeholder until the similarity command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_similarity(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline similarity: not built yet\n");
  return 2;
}
