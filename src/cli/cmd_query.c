/*
 * cmd_query — shared plumbing of the query commands (see cmd_query.h):
 * GNU-style options (--opt VALUE or --opt=VALUE), validated through
 * sl_query_filter_set so the CLI refuses exactly what the HTTP API refuses.
 */
#include <stdio.h>
#include <string.h>

#include "cli/cmd_query.h"

typedef struct opt {
  const char *name;      /* without the dashes */
  unsigned group;        /* CQ_* bit that enables it */
  const char *filter;    /* sl_query_filter_set name */
} opt;

static const opt OPTS[] = {
  {"limit", CQ_PAGING, "limit"}, {"offset", CQ_PAGING, "offset"},
  {"since", CQ_DATES, "since"},  {"until", CQ_DATES, "until"},
  {"lang", CQ_LANG, "lang"},     {"entity", CQ_ENTITY, "entity"},
  {"type", CQ_TYPE, "type"},     {"q", CQ_TYPE, "q"},
};

int cq_parse(const char *cmd, const char *usage, unsigned allowed, int argc, char **argv,
             cq_opts *o) {
  memset(o, 0, sizeof *o);
  o->db = "storyline.db";
  sl_query_filter_init(&o->f);
  o->args = argv + argc;
  int i;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) {
      i++;
      break;
    }
    if (a[0] != '-' || a[1] == '\0')
      break;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(usage, stdout);
      o->help = 1;
      return 0;
    }
    if (!strcmp(a, "--json")) {
      o->json = 1;
      continue;
    }
    if (strncmp(a, "--", 2) != 0)
      goto bad;
    const char *name = a + 2, *eq = strchr(name, '=');
    size_t nlen = eq ? (size_t)(eq - name) : strlen(name);
    const char *val = eq ? eq + 1 : NULL;
    if (nlen == 2 && !strncmp(name, "db", 2)) {
      if (!val) {
        if (i + 1 >= argc)
          goto missing;
        val = argv[++i];
      }
      o->db = val;
      continue;
    }
    size_t k;
    for (k = 0; k < sizeof OPTS / sizeof OPTS[0]; k++)
      if ((OPTS[k].group & allowed) && strlen(OPTS[k].name) == nlen &&
          !strncmp(OPTS[k].name, name, nlen))
        break;
    if (k == sizeof OPTS / sizeof OPTS[0])
      goto bad;
    if (!val) {
      if (i + 1 >= argc)
        goto missing;
      val = argv[++i];
    }
    if (!strcmp(OPTS[k].name, "limit"))
      o->limit_set = 1;
    sl_rc rc = sl_query_filter_set(&o->f, OPTS[k].filter, val, strlen(val));
    if (rc != SL_OK) {
      fprintf(stderr, "storyline %s: bad value for --%s: '%s'%s\n", cmd, OPTS[k].name, val,
              rc == SL_ETOOBIG ? " (too long)" : "");
      return 2;
    }
    continue;
  missing:
    fprintf(stderr, "storyline %s: %s needs a value\n", cmd, a);
    return 2;
  }
  o->nargs = argc - i;
  o->args = argv + i;
  if (o->nargs > 0 && !(allowed & CQ_ARGS)) {
    fprintf(stderr, "storyline %s: unexpected argument '%s'\n%s", cmd, o->args[0], usage);
    return 2;
  }
  return -1;
bad:
  fprintf(stderr, "storyline %s: unknown option '%s'\n%s", cmd, argv[i], usage);
  return 2;
}

sl_query *cq_open(const char *cmd, const cq_opts *o) {
  char err[1024];
  sl_query *q = NULL;
  if (sl_query_open(o->db, &q, err, sizeof err) != SL_OK) {
    fprintf(stderr, "storyline %s: %s\n", cmd, err[0] ? err : "cannot open store");
    return NULL;
  }
  return q;
}

void cq_print_json(FILE *f, const json_t *v) {
  json_dumpf(v, f, JSON_COMPACT | JSON_PRESERVE_ORDER);
  fputc('\n', f);
}

int cq_fail(const char *cmd, const sl_query *q, sl_rc rc) {
  const char *m = q ? sl_query_errmsg(q) : "";
  fprintf(stderr, "storyline %s: %s\n", cmd, m && *m ? m : sl_strerror(rc));
  return 1;
}

const char *cq_str(const json_t *o, const char *k, const char *dflt) {
  const char *s = json_string_value(json_object_get(o, k));
  return s ? s : dflt;
}

void cq_print_list(FILE *f, const json_t *a, const char *sep) {
  size_t i;
  json_t *v;
  json_array_foreach(a, i, v) {
    if (i)
      fputs(sep, f);
    if (json_is_string(v))
      fputs(json_string_value(v), f);
    else if (json_is_integer(v))
      fprintf(f, "%lld", (long long)json_integer_value(v));
  }
}

void cq_print_event(FILE *f, const json_t *ev, const char *indent, int with_docs) {
  json_int_t n = json_integer_value(json_object_get(ev, "doc_count"));
  fprintf(f, "%sevent %-4lld %-10s  ", indent, (long long)json_integer_value(json_object_get(ev, "id")),
          cq_str(ev, "date", "undated"));
  cq_print_list(f, json_object_get(ev, "langs"), ",");
  fprintf(f, "  %lld doc%s  %s\n", (long long)n, n == 1 ? "" : "s", cq_str(ev, "title", ""));
  if (with_docs) {
    fprintf(f, "%s           ", indent);
    cq_print_list(f, json_object_get(ev, "documents"), " ");
    fputc('\n', f);
  }
}

sl_rc cq_each(sl_query *q, cq_opts *o, cq_list_fn list, cq_item_fn each, void *ctx) {
  sl_query_filter f = o->f;
  sl_rc rc = SL_OK;
  size_t index = 0;
  if (!o->limit_set)
    f.limit = 10000;   /* big pages: each page is one scan of the store */
  for (;;) {
    json_t *arr = NULL, *item;
    size_t i;
    if ((rc = list(q, &f, &arr)) != SL_OK)
      break;
    json_array_foreach(arr, i, item) {
      if ((rc = each(q, item, index++, ctx)) != SL_OK)
        break;
    }
    size_t n = json_array_size(arr);
    json_decref(arr);
    if (rc != SL_OK || o->limit_set || n < (size_t)f.limit ||
        f.offset + f.limit > SL_QUERY_MAX_OFFSET)
      break;
    f.offset += f.limit;
  }
  return rc;
}
