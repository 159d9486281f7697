/*
 * cmd_query — what the query commands (events, stories, entities, show,
 * search) share: option parsing into an sl_query_filter, opening the store
 * with a message a user can act on, and JSON Lines output.  Printing only;
 * every answer comes from src/query.
 */
#ifndef SL_CMD_QUERY_H
#define SL_CMD_QUERY_H

#include <stdio.h>

#include "query/query.h"

/* Options a query command may accept (bit set). */
enum {
  CQ_PAGING = 1u << 0,   /* --limit --offset */
  CQ_DATES = 1u << 1,    /* --since --until */
  CQ_LANG = 1u << 2,     /* --lang */
  CQ_ENTITY = 1u << 3,   /* --entity */
  CQ_TYPE = 1u << 4,     /* --type, --q */
  CQ_ARGS = 1u << 5      /* positional arguments */
};

typedef struct cq_opts {
  const char *db;        /* --db, default "storyline.db" */
  int json;              /* --json */
  int help;              /* --help was given (usage printed) */
  int limit_set;         /* --limit was given (else list everything) */
  sl_query_filter f;
  int nargs;             /* positional arguments */
  char **args;
} cq_opts;

/* Parses argv[1..argc) of command cmd accepting the options in `allowed`;
 * prints usage to stdout on --help, a message to stderr on a bad option.
 * Returns -1 to go on, otherwise the exit status to return (0 after
 * --help, 2 on a usage error).  o->args points into argv. */
int cq_parse(const char *cmd, const char *usage, unsigned allowed, int argc, char **argv,
             cq_opts *o);

/* A list query (sl_query_events, _stories, _entities) and a per-item
 * printer (index counts from 0 over all pages). */
typedef sl_rc (*cq_list_fn)(sl_query *q, const sl_query_filter *f, json_t **out);
typedef sl_rc (*cq_item_fn)(sl_query *q, const json_t *item, size_t index, void *ctx);

/* Calls each for every item list returns under o->f: one page when
 * --limit was given, otherwise page after page until the list ends, so a
 * script gets everything without holding it all in memory.  Returns the
 * first failing rc (list's or each's). */
sl_rc cq_each(sl_query *q, cq_opts *o, cq_list_fn list, cq_item_fn each, void *ctx);

/* Opens the store o->db read-only; on failure prints "storyline CMD:
 * cannot open store PATH: why" and returns NULL. */
sl_query *cq_open(const char *cmd, const cq_opts *o);

/* Prints v as one compact JSON line (UTF-8 kept, not \u-escaped). */
void cq_print_json(FILE *f, const json_t *v);

/* Prints "storyline CMD: <q's error or rc's text>" to stderr; returns 1. */
int cq_fail(const char *cmd, const sl_query *q, sl_rc rc);

/* String member k of o, or dflt when missing or null. */
const char *cq_str(const json_t *o, const char *k, const char *dflt);

/* Prints one event summary (from sl_query_events / a story timeline) as
 * "event N  DATE  LANGS  K docs  TITLE" and, when with_docs, its document
 * ids on the next line; indent is prefixed to each line. */
void cq_print_event(FILE *f, const json_t *ev, const char *indent, int with_docs);

/* Joins the strings of array a with sep into f. */
void cq_print_list(FILE *f, const json_t *a, const char *sep);

#endif
