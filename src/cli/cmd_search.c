/*
 * cmd_search — `storyline search QUERY...`: documents in every language
 * that match a query in any script, through linked entities (names across
 * scripts) and the full-text index.  Thin layer over sl_query_search;
 * --json prints one hit per line: doc, title, lang, published, event, date,
 * why ("entity: NAME" or "text"), snippet ({before, match, after}).
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/cmd_query.h"

static const char USAGE[] =
    "usage: storyline search [--db PATH] [--json] [--limit N] QUERY...\n"
    "Finds documents in all languages for a query in any script: through\n"
    "the entities it names (الشرع finds reports of al-Sharaa in every\n"
    "language) and the full-text index.  Entity hits come first.\n";

/* Runs `storyline search`; returns the exit status. */
int cmd_search(int argc, char **argv) {
  cq_opts o;
  sl_query *q = NULL;
  json_t *res = NULL, *h;
  char text[SL_QUERY_MAX_TEXT + 1];
  size_t i, n = 0;
  sl_rc rc;
  int status = cq_parse("search", USAGE, CQ_PAGING | CQ_ARGS, argc, argv, &o);
  if (status >= 0)
    goto out;
  status = 2;
  if (o.nargs < 1) {
    fprintf(stderr, "storyline search: expected a QUERY\n%s", USAGE);
    goto out;
  }
  for (int k = 0; k < o.nargs; k++) {
    size_t len = strlen(o.args[k]);
    if (n + len + 1 > SL_QUERY_MAX_TEXT) {
      fprintf(stderr, "storyline search: query longer than %d bytes\n", SL_QUERY_MAX_TEXT);
      goto out;
    }
    if (n)
      text[n++] = ' ';
    memcpy(text + n, o.args[k], len);
    n += len;
  }
  text[n] = '\0';
  status = 1;
  if (!(q = cq_open("search", &o)))
    goto out;
  rc = sl_query_search(q, text, n, o.f.limit, &res);
  if (rc != SL_OK) {
    status = cq_fail("search", q, rc);
    if (rc == SL_EINVAL || rc == SL_ETOOBIG)
      status = 2;
    goto out;
  }
  if (!o.json) {
    json_t *e;
    json_array_foreach(json_object_get(res, "entities"), i, e)
      printf("entity %lld  %s  %s\n", (long long)json_integer_value(json_object_get(e, "id")),
             cq_str(e, "type", "?"), cq_str(e, "name", ""));
  }
  json_array_foreach(json_object_get(res, "results"), i, h) {
    if (o.json) {
      cq_print_json(stdout, h);
      continue;
    }
    json_t *ev = json_object_get(h, "event");
    printf("%-24s [%s]  ", cq_str(h, "doc", "?"), cq_str(h, "lang", "?"));
    if (json_is_integer(ev))
      printf("event %-4lld %-10s  ", (long long)json_integer_value(ev), cq_str(h, "date", "undated"));
    printf("%s  (%s)\n", cq_str(h, "title", ""), cq_str(h, "why", ""));
    json_t *sn = json_object_get(h, "snippet");
    if (json_is_object(sn))
      printf("    …%s[%s]%s…\n", cq_str(sn, "before", ""), cq_str(sn, "match", ""),
             cq_str(sn, "after", ""));
  }
  status = 0;
out:
  json_decref(res);
  sl_query_close(q);
  return status;
}
