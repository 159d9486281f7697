/*
 * routes — the JSON API: maps GET /api/... paths and their query-string
 * arguments to sl_query calls and query errors to HTTP statuses.  Knows
 * nothing of sockets (server.c feeds it), so the same mapping is used by
 * every worker thread and could be driven by any other front end.
 *
 *   /api/health                  store counts
 *   /api/events                  ?limit ?offset ?since ?until ?entity ?lang
 *   /api/events/{id}             one event with its reports
 *   /api/stories                 same filters as events
 *   /api/stories/{id}            one story with its timeline
 *   /api/entities                ?q ?type ?limit ?offset
 *   /api/entities/{id}           variants by script, events
 *   /api/documents/{id}          one document
 *   /api/search                  ?q (required) ?limit
 */
#include <stdio.h>
#include <string.h>

#include "http/http.h"

/* Sets a to status with {"error": msg}. */
static void answer_error(sl_http_answer *a, unsigned status, const char *msg) {
  a->status = status;
  a->body = json_pack("{s:s}", "error", msg);
}

/* Maps a failed query call to an answer. */
static void answer_rc(sl_http_answer *a, sl_query *q, sl_rc rc) {
  const char *m = sl_query_errmsg(q);
  if (!m || !*m)
    m = sl_strerror(rc);
  switch (rc) {
  case SL_ENOTFOUND: answer_error(a, 404, m); break;
  case SL_EINVAL:
  case SL_ETOOBIG: answer_error(a, 400, m); break;
  default: answer_error(a, 500, m); break;
  }
}

/* Reads the named filter arguments into f; 0 on success, else fills a
 * with a 400 answer. */
static int read_filter(sl_http_answer *a, sl_query_filter *f, sl_http_arg_fn arg, void *ctx,
                       const char *const *names) {
  char msg[96];
  sl_query_filter_init(f);
  for (; *names; names++) {
    const char *z;
    size_t n;
    if (!arg(ctx, *names, &z, &n))
      continue;
    sl_rc rc = sl_query_filter_set(f, *names, z, n);
    if (rc != SL_OK) {
      snprintf(msg, sizeof msg, "bad value for %s%s", *names, rc == SL_ETOOBIG ? " (too long)" : "");
      answer_error(a, 400, msg);
      return -1;
    }
  }
  return 0;
}

/* Parses a positive decimal id z[0..n); 0 when it is not one. */
static int64_t parse_id(const char *z, size_t n) {
  int64_t v = 0;
  if (n == 0 || n > 15)
    return 0;
  for (size_t i = 0; i < n; i++) {
    if (z[i] < '0' || z[i] > '9')
      return 0;
    v = v * 10 + (z[i] - '0');
  }
  return v;
}

/* Wraps list under key with the paging used: {key: list, limit, offset}. */
static void answer_list(sl_http_answer *a, const char *key, json_t *list, const sl_query_filter *f) {
  a->status = 200;
  a->body = json_pack("{s:o, s:I, s:I}", key, list, "limit", (json_int_t)f->limit, "offset",
                      (json_int_t)f->offset);
}

static const char *const LIST_ARGS[] = {"limit", "offset", "since", "until", "entity", "lang", NULL};
static const char *const ENTITY_ARGS[] = {"limit", "offset", "q", "type", NULL};
static const char *const SEARCH_ARGS[] = {"limit", NULL};
static const char *const PAGE_ARGS[] = {"limit", "offset", NULL}; /* an entity's events */

void sl_http_api(sl_query *q, const char *path, sl_http_arg_fn arg, void *ctx, sl_http_answer *a) {
  sl_query_filter f;
  json_t *v = NULL;
  sl_rc rc;
  const char *res = path + 5; /* after "/api/" */
  size_t n = strlen(res);
  const char *slash;
  size_t rn;
  const char *id = NULL;
  size_t idn = 0;

  a->status = 500;
  a->body = NULL;
  if (strncmp(path, "/api/", 5) != 0) {
    answer_error(a, 404, "no such resource");
    goto out;
  }
  if (n && res[n - 1] == '/')
    n--;
  slash = memchr(res, '/', n);
  rn = slash ? (size_t)(slash - res) : n;
  if (slash) {
    id = slash + 1;
    idn = n - rn - 1;
    if (idn == 0 || memchr(id, '/', idn)) {
      answer_error(a, 404, "no such resource");
      goto out;
    }
  }
#define IS(s) (rn == sizeof(s) - 1 && !memcmp(res, s, rn))
  if (IS("health") && !id) {
    rc = sl_query_health(q, &v);
    if (rc != SL_OK)
      answer_rc(a, q, rc);
    else
      a->status = 200, a->body = v;
  } else if ((IS("events") || IS("stories") || IS("entities")) && id) {
    int64_t num = parse_id(id, idn);
    if (!num) {
      answer_error(a, 400, "an id is a positive number");
      goto out;
    }
    if (IS("entities") && read_filter(a, &f, arg, ctx, PAGE_ARGS))
      goto out;
    rc = IS("events") ? sl_query_event(q, num, &v)
       : IS("stories") ? sl_query_story(q, num, &v)
                       : sl_query_entity(q, num, &f, &v);
    if (rc != SL_OK)
      answer_rc(a, q, rc);
    else
      a->status = 200, a->body = v;
  } else if ((IS("events") || IS("stories")) && !id) {
    if (read_filter(a, &f, arg, ctx, LIST_ARGS))
      goto out;
    rc = IS("events") ? sl_query_events(q, &f, &v) : sl_query_stories(q, &f, &v);
    if (rc != SL_OK)
      answer_rc(a, q, rc);
    else
      answer_list(a, IS("events") ? "events" : "stories", v, &f);
  } else if (IS("entities") && !id) {
    if (read_filter(a, &f, arg, ctx, ENTITY_ARGS))
      goto out;
    rc = sl_query_entities(q, &f, &v);
    if (rc != SL_OK)
      answer_rc(a, q, rc);
    else
      answer_list(a, "entities", v, &f);
  } else if (IS("documents") && id) {
    rc = sl_query_document(q, id, idn, &v);
    if (rc != SL_OK)
      answer_rc(a, q, rc);
    else
      a->status = 200, a->body = v;
  } else if (IS("search") && !id) {
    const char *z;
    size_t zn;
    if (read_filter(a, &f, arg, ctx, SEARCH_ARGS))
      goto out;
    if (!arg(ctx, "q", &z, &zn)) {
      answer_error(a, 400, "search needs ?q=");
      goto out;
    }
    rc = sl_query_search(q, z, zn, f.limit, &v);
    if (rc != SL_OK)
      answer_rc(a, q, rc);
    else
      a->status = 200, a->body = v;
  } else {
    answer_error(a, 404, "no such resource");
  }
#undef IS
out:
  if (!a->body) {
    a->status = 500;
    a->body = json_pack("{s:s}", "error", "out of memory");
  }
}
