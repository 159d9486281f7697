/* cmd_ingest — placeholder until the ingest command lands. */
#include <stdio.h>
#include "cli/commands.h"

int cmd_ingest(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "storyline ingest: not built yet\n");
  return 2;
}
