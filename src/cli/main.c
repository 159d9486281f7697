/*
 * main — the storyline command: dispatches to one subcommand per stage or
 * query.  Analysis never lives here; see src/ for the library.
 */
#include <stdio.h>
#include <string.h>

#include "storyline/storyline.h"
#include "cli/commands.h"

typedef struct command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} command;

static const command COMMANDS[] = {
  {"ingest",     cmd_ingest,     "read, analyse, link and cluster articles into the store"},
  {"events",     cmd_events,     "list events (reports of one happening)"},
  {"stories",    cmd_stories,    "list stories (events on a timeline)"},
  {"entities",   cmd_entities,   "list people, places and organisations"},
  {"show",       cmd_show,       "show one event, story, entity or document"},
  {"search",     cmd_search,     "search documents in any language or script"},
  {"extract",    cmd_extract,    "clean articles (text or HTML) without storing them"},
  {"names",      cmd_names,      "score name pairs across scripts (TSV on stdin)"},
  {"similarity", cmd_similarity, "score whether article pairs report one event"},
  {"serve",      cmd_serve,      "serve the JSON API and the web page"},
};

static void usage(FILE *f) {
  fprintf(f, "usage: storyline COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
  for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
    fprintf(f, "  %-11s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
  fprintf(f, "\n'storyline COMMAND --help' describes one command.\n"
             "The default store is storyline.db in the current folder.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") || !strcmp(argv[1], "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("storyline %s\n", SL_VERSION);
    return 0;
  }
  for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
    if (!strcmp(argv[1], COMMANDS[i].name)) {
      int status = COMMANDS[i].run(argc - 1, argv + 1);
      sl_global_cleanup(); /* every block freed: valgrind reports no leak */
      return status;
    }
  fprintf(stderr, "storyline: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return 2;
}
