/*
 * cmd_events — `storyline events`: the events in the store (one per
 * real-world happening, with every report of it), newest first.  Thin
 * layer over sl_query_events; --json prints one event per line.
 */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/cmd_query.h"

static const char USAGE[] =
    "usage: storyline events [--db PATH] [--json] [--limit N] [--offset N]\n"
    "                        [--since DATE] [--until DATE] [--lang L] [--entity ID]\n"
    "Lists events (all of them unless --limit), newest first, undated last.\n"
    "DATE is YYYY, YYYY-MM or\n"
    "YYYY-MM-DD (inclusive); --lang keeps events with a report in language L;\n"
    "--entity keeps events whose reports mention entity ID.\n"
    "--json prints one object per line: id, title, date (null when unknown),\n"
    "story, doc_count, langs, documents (member document ids).\n";

static sl_rc print_event(sl_query *q, const json_t *ev, size_t index, void *ctx) {
  (void)q;
  (void)index;
  if (*(const int *)ctx)
    cq_print_json(stdout, ev);
  else
    cq_print_event(stdout, ev, "", 1);
  return SL_OK;
}

/* Runs `storyline events`; returns the exit status. */
int cmd_events(int argc, char **argv) {
  cq_opts o;
  sl_query *q = NULL;
  int status = cq_parse("events", USAGE, CQ_PAGING | CQ_DATES | CQ_LANG | CQ_ENTITY, argc, argv, &o);
  if (status >= 0)
    goto out;
  status = 1;
  if (!(q = cq_open("events", &o)))
    goto out;
  sl_rc rc = cq_each(q, &o, sl_query_events, print_event, &o.json);
  if (rc != SL_OK) {
    status = cq_fail("events", q, rc);
    goto out;
  }
  status = 0;
out:
  sl_query_close(q);
  return status;
}
