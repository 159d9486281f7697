/*
 * commands — the subcommands of the storyline program.  Each is a thin
 * layer over libstoryline: argument parsing and printing only.  Each returns
 * the process exit status (0 ok, 1 failure, 2 usage error).
 */
#ifndef SL_COMMANDS_H
#define SL_COMMANDS_H

int cmd_extract(int argc, char **argv);
int cmd_ingest(int argc, char **argv);
int cmd_events(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_search(int argc, char **argv);
int cmd_names(int argc, char **argv);
int cmd_similarity(int argc, char **argv);
int cmd_serve(int argc, char **argv);

#endif
