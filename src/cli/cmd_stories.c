/*
 * cmd_stories — `storyline stories`: stories (events that continue each
 * other), each with its events indented in date order, undated last.  Thin
 * layer over sl_query_stories / sl_query_story; --json prints one story per
 * line with "events" (ids in date order) and "documents".
 */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/cmd_query.h"

static const char USAGE[] =
    "usage: storyline stories [--db PATH] [--json] [--limit N] [--offset N]\n"
    "                         [--since DATE] [--until DATE] [--lang L] [--entity ID]\n"
    "Lists stories, latest first, each with its timeline of events.\n"
    "--json prints one object per line: id, title, first_date, last_date,\n"
    "event_count, events (ids in date order, undated last), documents.\n";

/* Prints story s and its timeline (fetched through q); returns rc. */
static sl_rc print_story(sl_query *q, const json_t *s) {
  json_t *full = NULL, *ev;
  size_t i;
  json_int_t id = json_integer_value(json_object_get(s, "id"));
  json_int_t n = json_integer_value(json_object_get(s, "event_count"));
  sl_rc rc = sl_query_story(q, id, &full);
  if (rc != SL_OK)
    goto out;
  printf("story %lld  %s .. %s  %lld event%s  %s\n", (long long)id, cq_str(s, "first_date", "?"),
         cq_str(s, "last_date", "?"), (long long)n, n == 1 ? "" : "s", cq_str(s, "title", ""));
  json_array_foreach(json_object_get(full, "timeline"), i, ev)
    cq_print_event(stdout, ev, "  ", 1);
out:
  json_decref(full);
  return rc;
}

static sl_rc print_one(sl_query *q, const json_t *s, size_t index, void *ctx) {
  if (*(const int *)ctx) {
    cq_print_json(stdout, s);
    return SL_OK;
  }
  if (index)
    putchar('\n');
  return print_story(q, s);
}

/* Runs `storyline stories`; returns the exit status. */
int cmd_stories(int argc, char **argv) {
  cq_opts o;
  sl_query *q = NULL;
  int status = cq_parse("stories", USAGE, CQ_PAGING | CQ_DATES | CQ_LANG | CQ_ENTITY, argc, argv, &o);
  if (status >= 0)
    goto out;
  status = 1;
  if (!(q = cq_open("stories", &o)))
    goto out;
  sl_rc rc = cq_each(q, &o, sl_query_stories, print_one, &o.json);
  if (rc != SL_OK) {
    status = cq_fail("stories", q, rc);
    goto out;
  }
  status = 0;
out:
  sl_query_close(q);
  return status;
}
