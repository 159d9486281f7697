/*
 * cmd_entities — `storyline entities`: people, places and organisations the
 * linker found, most reported first.  Thin layer over sl_query_entities;
 * --json prints one entity per line.
 */
#include <stdio.h>

#include "cli/commands.h"
#include "cli/cmd_query.h"

static const char USAGE[] =
    "usage: storyline entities [--db PATH] [--json] [--limit N] [--offset N]\n"
    "                          [--type person|place|org] [--q TEXT]\n"
    "Lists entities (all unless --limit), most reported first.  --q keeps those whose name or a\n"
    "variant (any script) contains TEXT.  `storyline show entity:ID` shows\n"
    "one entity's variants and events.\n";

static sl_rc print_entity(sl_query *q, const json_t *e, size_t index, void *ctx) {
  (void)q;
  (void)index;
  if (*(const int *)ctx) {
    cq_print_json(stdout, e);
    return SL_OK;
  }
  printf("entity %-4lld %-6s  %4lld docs %5lld mentions  %s\n",
         (long long)json_integer_value(json_object_get(e, "id")), cq_str(e, "type", "?"),
         (long long)json_integer_value(json_object_get(e, "doc_count")),
         (long long)json_integer_value(json_object_get(e, "mention_count")), cq_str(e, "name", ""));
  return SL_OK;
}

/* Runs `storyline entities`; returns the exit status. */
int cmd_entities(int argc, char **argv) {
  cq_opts o;
  sl_query *q = NULL;
  int status = cq_parse("entities", USAGE, CQ_PAGING | CQ_TYPE, argc, argv, &o);
  if (status >= 0)
    goto out;
  status = 1;
  if (!(q = cq_open("entities", &o)))
    goto out;
  sl_rc rc = cq_each(q, &o, sl_query_entities, print_entity, &o.json);
  if (rc != SL_OK) {
    status = cq_fail("entities", q, rc);
    goto out;
  }
  status = 0;
out:
  sl_query_close(q);
  return status;
}
