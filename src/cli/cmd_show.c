/*
 * cmd_show — `storyline show ID`: one event, story, entity or document in
 * full.  ID is event:N, story:N, entity:N, doc:ID, a bare number (an event,
 * else a document of that id) or a document id.  Thin layer over the
 * sl_query_event/story/entity/document answers; --json prints the answer
 * as one JSON object.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/cmd_query.h"

static const char USAGE[] =
    "usage: storyline show [--db PATH] [--json] ID\n"
    "Shows one object in full.  ID is event:N, story:N, entity:N, doc:ID,\n"
    "a bare number (event N) or a document id (e.g. 000_a36e95430f0b8119).\n";

/* Parses a positive decimal id; 0 when s is not one. */
static int64_t parse_id(const char *s) {
  int64_t v = 0;
  if (!*s || strlen(s) > 15)
    return 0;
  for (; *s; s++) {
    if (*s < '0' || *s > '9')
      return 0;
    v = v * 10 + (*s - '0');
  }
  return v;
}

static void print_named_list(const char *label, const json_t *a) {
  size_t i;
  json_t *e;
  if (!json_array_size(a))
    return;
  printf("%s: ", label);
  json_array_foreach(a, i, e) {
    printf("%s%s (%lld)", i ? ", " : "", cq_str(e, "name", "?"),
           (long long)json_integer_value(json_object_get(e, "mentions")));
  }
  putchar('\n');
}

static void print_facts(const json_t *facts, const char *indent) {
  size_t i;
  json_t *f;
  json_array_foreach(facts, i, f) {
    printf("%sfact: %g%s  %s\n", indent, json_number_value(json_object_get(f, "value")),
           cq_str(f, "unit", ""), cq_str(f, "sentence", ""));
  }
}

static void print_event(const json_t *ev) {
  size_t i;
  json_t *d, *story = json_object_get(ev, "story");
  printf("event %lld  %s  %s\n", (long long)json_integer_value(json_object_get(ev, "id")),
         cq_str(ev, "date", "undated"), cq_str(ev, "title", ""));
  if (json_is_object(story))
    printf("story %lld: %s\n", (long long)json_integer_value(json_object_get(story, "id")),
           cq_str(story, "title", ""));
  print_named_list("participants", json_object_get(ev, "participants"));
  print_named_list("places", json_object_get(ev, "places"));
  print_named_list("organisations", json_object_get(ev, "orgs"));
  json_t *reports = json_object_get(ev, "reports");
  printf("\nreports (%zu):\n", json_array_size(reports));
  json_array_foreach(reports, i, d) {
    printf("  [%s] %s  %s  %s\n", cq_str(d, "lang", "?"), cq_str(d, "id", "?"),
           cq_str(d, "published", "-"), cq_str(d, "source", ""));
    printf("       %s\n", cq_str(d, "title", ""));
    if (json_is_string(json_object_get(d, "url")))
      printf("       %s\n", cq_str(d, "url", ""));
    print_facts(json_object_get(d, "facts"), "       ");
  }
}

static void print_story(const json_t *s) {
  size_t i;
  json_t *ev;
  printf("story %lld  %s .. %s  %s\n", (long long)json_integer_value(json_object_get(s, "id")),
         cq_str(s, "first_date", "?"), cq_str(s, "last_date", "?"), cq_str(s, "title", ""));
  json_array_foreach(json_object_get(s, "timeline"), i, ev)
    cq_print_event(stdout, ev, "  ", 1);
}

static void print_entity(const json_t *e) {
  const char *script;
  json_t *list, *v;
  size_t i;
  printf("entity %lld  %s  %s  (%lld docs, %lld mentions)\n",
         (long long)json_integer_value(json_object_get(e, "id")), cq_str(e, "type", "?"),
         cq_str(e, "name", ""), (long long)json_integer_value(json_object_get(e, "doc_count")),
         (long long)json_integer_value(json_object_get(e, "mention_count")));
  printf("variants:\n");
  json_object_foreach((json_t *)json_object_get(e, "variants"), script, list) {
    printf("  %s: ", script);
    json_array_foreach(list, i, v)
      printf("%s%s (%lld)", i ? ", " : "", cq_str(v, "variant", ""),
             (long long)json_integer_value(json_object_get(v, "count")));
    putchar('\n');
  }
  printf("events:\n");
  json_array_foreach(json_object_get(e, "events"), i, v)
    printf("  %-10s  event %-4lld %s\n", cq_str(v, "date", "undated"),
           (long long)json_integer_value(json_object_get(v, "id")), cq_str(v, "title", ""));
}

static void print_document(const json_t *d) {
  size_t i;
  json_t *m, *ev = json_object_get(d, "event");
  printf("document %s  [%s, %s]  published %s  %s\n", cq_str(d, "id", "?"), cq_str(d, "lang", "?"),
         cq_str(d, "script", "?"), cq_str(d, "published", "-"), cq_str(d, "source", ""));
  if (json_is_string(json_object_get(d, "url")))
    printf("url: %s\n", cq_str(d, "url", ""));
  if (json_is_integer(ev))
    printf("event %lld  (date %s)\n", (long long)json_integer_value(ev), cq_str(d, "date", "unknown"));
  printf("title: %s\n", cq_str(d, "title", ""));
  printf("mentions:");
  json_array_foreach(json_object_get(d, "mentions"), i, m)
    printf("%s %s -> %s", i ? "," : "", cq_str(m, "surface", ""), cq_str(m, "name", ""));
  putchar('\n');
  print_facts(json_object_get(d, "facts"), "");
  printf("\n%s\n", cq_str(d, "text", ""));
}

/* Runs `storyline show`; returns the exit status. */
int cmd_show(int argc, char **argv) {
  cq_opts o;
  sl_query *q = NULL;
  json_t *v = NULL;
  sl_rc rc = SL_OK;
  char kind = 'd';
  const char *id;
  int status = cq_parse("show", USAGE, CQ_ARGS, argc, argv, &o);
  if (status >= 0)
    goto out;
  status = 2;
  if (o.nargs != 1) {
    fprintf(stderr, "storyline show: expected one ID\n%s", USAGE);
    goto out;
  }
  id = o.args[0];
  int64_t n = 0;
  if (!strncmp(id, "event:", 6) || !strncmp(id, "story:", 6) || !strncmp(id, "entity:", 7)) {
    kind = id[1] == 'v' ? 'v' : id[1] == 't' ? 's' : 'e';
    n = parse_id(strchr(id, ':') + 1);
    if (!n) {
      fprintf(stderr, "storyline show: bad id '%s'\n", id);
      goto out;
    }
  } else if (!strncmp(id, "doc:", 4)) {
    id += 4;
  } else if (!strncmp(id, "document:", 9)) {
    id += 9;
  } else if ((n = parse_id(id)) > 0) {
    kind = 'n';
  }
  status = 1;
  if (!(q = cq_open("show", &o)))
    goto out;
  switch (kind) {
  case 'v': rc = sl_query_event(q, n, &v); break;
  case 's': rc = sl_query_story(q, n, &v); break;
  case 'e': rc = sl_query_entity(q, n, NULL, &v); break;
  case 'n':
    rc = sl_query_event(q, n, &v);
    if (rc == SL_ENOTFOUND && sl_query_document(q, id, strlen(id), &v) == SL_OK) {
      rc = SL_OK;
      kind = 'd';
    } else if (rc == SL_ENOTFOUND) {
      fprintf(stderr, "storyline show: no event or document %s\n", id);
      status = 1;
      goto out;
    } else {
      kind = 'v';
    }
    break;
  default: rc = sl_query_document(q, id, strlen(id), &v); break;
  }
  if (rc != SL_OK) {
    status = cq_fail("show", q, rc);
    goto out;
  }
  if (o.json)
    cq_print_json(stdout, v);
  else if (kind == 'v')
    print_event(v);
  else if (kind == 's')
    print_story(v);
  else if (kind == 'e')
    print_entity(v);
  else
    print_document(v);
  status = 0;
out:
  json_decref(v);
  sl_query_close(q);
  return status;
}
