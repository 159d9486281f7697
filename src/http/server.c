/*
 * server — the HTTP front of `storyline serve` on libmicrohttpd: an epoll
 * thread pool that answers GET/HEAD only, serves the embedded web page
 * (web_assets.c) and hands /api/ paths to routes.c.
 *
 * Each worker thread lazily opens its own read-only store handle (a
 * pthread key whose destructor closes it when MHD joins the thread) and
 * keeps a small cache of API answers keyed by the request and SQLite's
 * data_version, so a repeated request costs one PRAGMA while nothing is
 * ingested and is recomputed as soon as anything is.
 *
 * Hostile input is bounded before anything is computed: methods other than
 * GET/HEAD get 405, request bodies 413, URLs over SL_HTTP_MAX_URL bytes 413
 * (MHD itself answers 414 for lines beyond its per-connection memory),
 * connections are capped and idle ones time out.  Answers carry an ETag
 * (hash of the body) so browsers revalidate with a 304.  No file is ever read
 * from disk, so no path can escape the embedded assets.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "http/http.h"

#define CACHE_SLOTS 128
#define CACHE_MAX_BODY (256u * 1024u)   /* bigger answers are not kept */
#define KEY_CAP (SL_HTTP_MAX_URL + 64)
#define CONN_MEMORY (64u * 1024u)

typedef struct cache_slot {
  char *key;
  struct MHD_Response *resp;
  int64_t version;
  char etag[20];
} cache_slot;

/* Per worker thread. */
typedef struct worker {
  sl_query *q;
  cache_slot cache[CACHE_SLOTS];
} worker;

struct sl_http {
  struct MHD_Daemon *d;
  char *db;
  pthread_key_t key;
  int key_ok;
  uint16_t port;
  struct MHD_Response **assets;   /* one per sl_web_assets entry */
  char (*asset_etags)[20];
};

static int FIRST_CALL_SEEN;       /* address used as the connection marker */

static void worker_free(void *p) {
  worker *w = p;
  if (!w)
    return;
  for (size_t i = 0; i < CACHE_SLOTS; i++) {
    free(w->cache[i].key);
    if (w->cache[i].resp)
      MHD_destroy_response(w->cache[i].resp);
  }
  sl_query_close(w->q);
  free(w);
}

/* ---- responses ---- */

static void common_headers(struct MHD_Response *r, const char *type) {
  MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
}

/* Writes the entity tag of z[0..n) (FNV-1a 64, quoted) into tag[20]. */
static void make_etag(const void *z, size_t n, char tag[20]) {
  const unsigned char *p = z;
  uint64_t h = 14695981039346656037u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ p[i]) * 1099511628211u;
  snprintf(tag, 20, "\"%016llx\"", (unsigned long long)h);
}

/* 1 when the request's If-None-Match names tag (or "*"). */
static int not_modified(struct MHD_Connection *c, const char *tag) {
  const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
  return inm && (strstr(inm, tag) != NULL || !strcmp(inm, "*"));
}

/* 304 with the tag, no body. */
static enum MHD_Result send_not_modified(struct MHD_Connection *c, const char *tag) {
  struct MHD_Response *r = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
  enum MHD_Result ok;
  if (!r)
    return MHD_NO;
  MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, tag);
  MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-cache");
  ok = MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, r);
  MHD_destroy_response(r);
  return ok;
}

/* A JSON response from body (not consumed), its entity tag in tag and its
 * length in len (both may be NULL); NULL on ENOMEM. */
static struct MHD_Response *json_response(const json_t *body, char *tag, size_t *len) {
  char *text = json_dumps(body, JSON_COMPACT);
  struct MHD_Response *r;
  if (!text)
    return NULL;
  size_t n = strlen(text);
  if (len)
    *len = n;
  if (tag)
    make_etag(text, n, tag);
  r = MHD_create_response_from_buffer(n, text, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    free(text);
    return NULL;
  }
  common_headers(r, "application/json; charset=utf-8");
  if (tag)
    MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, tag);
  return r;
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg) {
  json_t *body = json_pack("{s:s}", "error", msg);
  struct MHD_Response *r = body ? json_response(body, NULL, NULL) : NULL;
  enum MHD_Result ok;
  json_decref(body);
  if (!r)
    return MHD_NO;
  if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
    MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
  if (status == MHD_HTTP_CONTENT_TOO_LARGE || status == MHD_HTTP_METHOD_NOT_ALLOWED)
    MHD_add_response_header(r, MHD_HTTP_HEADER_CONNECTION, "close");
  ok = MHD_queue_response(c, status, r);
  MHD_destroy_response(r);
  return ok;
}

/* ---- request key (path + arguments) for the cache and the URL cap ---- */

typedef struct keybuf {
  char z[KEY_CAP];
  size_t n;
  int over;   /* the request is longer than SL_HTTP_MAX_URL */
} keybuf;

static void key_put(keybuf *k, const char *z, size_t n) {
  if (k->over || k->n + n >= SL_HTTP_MAX_URL) {
    k->over = 1;
    return;
  }
  memcpy(k->z + k->n, z, n);
  k->n += n;
  k->z[k->n] = '\0';
}

static enum MHD_Result key_arg(void *cls, enum MHD_ValueKind kind, const char *name, size_t nn,
                               const char *value, size_t vn) {
  keybuf *k = cls;
  (void)kind;
  key_put(k, k->n && memchr(k->z, '?', k->n) ? "&" : "?", 1);
  key_put(k, name, nn);
  if (value) {
    key_put(k, "=", 1);
    key_put(k, value, vn);
  }
  return k->over ? MHD_NO : MHD_YES;
}

static int get_arg(void *ctx, const char *name, const char **z, size_t *n) {
  struct MHD_Connection *c = ctx;
  *z = NULL;
  *n = 0;
  if (MHD_lookup_connection_value_n(c, MHD_GET_ARGUMENT_KIND, name, strlen(name), z, n) != MHD_YES)
    return 0;
  if (!*z) {
    *z = "";
    *n = 0;
  }
  return 1;
}

static uint32_t hash(const char *z, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++)
    h = (h ^ (unsigned char)z[i]) * 16777619u;
  return h;
}

/* ---- API ---- */

static enum MHD_Result serve_api(sl_http *h, struct MHD_Connection *c, const char *url,
                                 const keybuf *key) {
  worker *w = pthread_getspecific(h->key);
  sl_http_answer a;
  struct MHD_Response *r;
  enum MHD_Result ok;
  char err[512];

  if (!w) {
    w = calloc(1, sizeof *w);
    if (!w)
      return send_error(c, 500, "out of memory");
    if (sl_query_open(h->db, &w->q, err, sizeof err) != SL_OK) {
      free(w);
      return send_error(c, 500, err);
    }
    pthread_setspecific(h->key, w);
  }
  int64_t version = sl_query_data_version(w->q);
  cache_slot *slot = &w->cache[hash(key->z, key->n) % CACHE_SLOTS];
  if (version >= 0 && slot->resp && slot->version == version && !strcmp(slot->key, key->z)) {
    if (not_modified(c, slot->etag))
      return send_not_modified(c, slot->etag);
    return MHD_queue_response(c, 200, slot->resp);
  }

  char tag[20];
  sl_http_api(w->q, url, get_arg, c, &a);
  size_t len = 0;
  r = json_response(a.body, a.status == 200 ? tag : NULL, &len);
  json_decref(a.body);
  if (!r)
    return MHD_NO;
  if (a.status == 200 && not_modified(c, tag))
    ok = send_not_modified(c, tag);
  else
    ok = MHD_queue_response(c, a.status, r);
  if (a.status == 200 && version >= 0 && len <= CACHE_MAX_BODY) {
    char *k = strdup(key->z);
    if (k) {
      free(slot->key);
      if (slot->resp)
        MHD_destroy_response(slot->resp);
      slot->key = k;
      slot->resp = r;   /* the cache keeps our reference */
      slot->version = version;
      memcpy(slot->etag, tag, sizeof slot->etag);
      return ok;
    }
  }
  MHD_destroy_response(r);
  return ok;
}

/* ---- the handler ---- */

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version, const char *upload_data,
                              size_t *upload_data_size, void **con_cls) {
  sl_http *h = cls;
  keybuf key;
  const char *clen;
  (void)version;
  (void)upload_data;

  if (!*con_cls) {
    /* First call, headers only.  Refuse what we will never serve right
     * away (MHD then closes the connection instead of reading a body);
     * answer everything else on the second call, once the request is
     * complete, so the connection can be kept alive. */
    *con_cls = &FIRST_CALL_SEEN;
    if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0)
      return send_error(c, MHD_HTTP_METHOD_NOT_ALLOWED, "only GET and HEAD are allowed");
    clen = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
    if ((clen && strcmp(clen, "0") != 0) ||
        MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING))
      return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "request bodies are not accepted");
    return MHD_YES;
  }
  if (*upload_data_size) {
    *upload_data_size = 0;   /* never expected (refused above): drop it */
    return MHD_YES;
  }
  key.n = 0;
  key.over = 0;
  key.z[0] = '\0';
  key_put(&key, url, strlen(url));
  if (!key.over)
    MHD_get_connection_values_n(c, MHD_GET_ARGUMENT_KIND, key_arg, &key);
  if (key.over)
    return send_error(c, MHD_HTTP_CONTENT_TOO_LARGE, "URL too long");

  if (!strncmp(url, "/api/", 5))
    return serve_api(h, c, url, &key);
  if (!strcmp(url, "/api"))
    return send_error(c, 404, "no such resource");
  const char *path = strcmp(url, "/") == 0 ? "/index.html" : url;
  for (size_t i = 0; i < sl_web_asset_count; i++)
    if (h->assets[i] && !strcmp(path, sl_web_assets[i].path))
      return not_modified(c, h->asset_etags[i]) ? send_not_modified(c, h->asset_etags[i])
                                                 : MHD_queue_response(c, 200, h->assets[i]);
  return send_error(c, 404, "no such page");
}

/* ---- start / stop ---- */

static void set_err(char *err, size_t cap, const char *fmt, const char *a, unsigned port) {
  if (err && cap)
    snprintf(err, cap, fmt, a, port);
}

sl_rc sl_http_start(const sl_http_config *cfg, sl_http **out, char *err, size_t errcap) {
  sl_rc rc = SL_OK;
  sl_http *h = NULL;
  sl_query *probe = NULL;
  struct sockaddr_storage ss;
  struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
  struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
  unsigned flags = MHD_USE_EPOLL_INTERNAL_THREAD;
  const char *bind = cfg && cfg->bind ? cfg->bind : "127.0.0.1";
  struct rlimit rl;
  unsigned limit = SL_HTTP_MAX_CONNECTIONS;

  if (err && errcap)
    err[0] = '\0';
  if (!out || !cfg || !cfg->db)
    return SL_EINVAL;
  *out = NULL;
  if ((rc = sl_query_open(cfg->db, &probe, err, errcap)) != SL_OK)
    goto out;
  memset(&ss, 0, sizeof ss);
  if (inet_pton(AF_INET, bind, &s4->sin_addr) == 1) {
    s4->sin_family = AF_INET;
    s4->sin_port = htons(cfg->port);
  } else if (inet_pton(AF_INET6, bind, &s6->sin6_addr) == 1) {
    s6->sin6_family = AF_INET6;
    s6->sin6_port = htons(cfg->port);
    flags |= MHD_USE_IPv6;
  } else {
    set_err(err, errcap, "cannot listen on %s:%u: not an IP address", bind, cfg->port);
    rc = SL_EINVAL;
    goto out;
  }
  h = calloc(1, sizeof *h);
  if (!h || !(h->db = strdup(cfg->db)) ||
      !(h->assets = calloc(sl_web_asset_count + 1, sizeof *h->assets)) ||
      !(h->asset_etags = calloc(sl_web_asset_count + 1, sizeof *h->asset_etags))) {
    rc = SL_ENOMEM;
    goto out;
  }
  for (size_t i = 0; i < sl_web_asset_count; i++) {
    struct MHD_Response *r = MHD_create_response_from_buffer(
        sl_web_assets[i].size, (void *)sl_web_assets[i].data, MHD_RESPMEM_PERSISTENT);
    if (!r) {
      rc = SL_ENOMEM;
      goto out;
    }
    common_headers(r, sl_web_assets[i].content_type);
    make_etag(sl_web_assets[i].data, sl_web_assets[i].size, h->asset_etags[i]);
    MHD_add_response_header(r, MHD_HTTP_HEADER_ETAG, h->asset_etags[i]);
    if (!strncmp(sl_web_assets[i].content_type, "text/html", 9))
      MHD_add_response_header(r, "Content-Security-Policy",
                              "default-src 'self'; img-src 'self' data:; base-uri 'none';"
                              " frame-ancestors 'none'; form-action 'self'");
    h->assets[i] = r;
  }
  if (pthread_key_create(&h->key, worker_free) != 0) {
    rc = SL_ENOMEM;
    goto out;
  }
  h->key_ok = 1;
  /* Leave file descriptors for the store handles and the listener. */
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
      rl.rlim_cur < (rlim_t)limit + 64)
    limit = rl.rlim_cur > 128 ? (unsigned)(rl.rlim_cur - 64) : 64;
  unsigned threads = cfg->threads ? cfg->threads : 4;
  if (threads > 16)
    threads = 16;
  h->d = MHD_start_daemon(flags, cfg->port, NULL, NULL, handle, h,
                          MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                          MHD_OPTION_THREAD_POOL_SIZE, threads,
                          MHD_OPTION_CONNECTION_LIMIT, limit,
                          MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)SL_HTTP_IDLE_TIMEOUT,
                          MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
                          MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u,
                          MHD_OPTION_END);
  if (!h->d) {
    set_err(err, errcap, "cannot listen on %s:%u: address in use or not available", bind, cfg->port);
    rc = SL_EIO;
    goto out;
  }
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
  h->port = info ? info->port : cfg->port;
out:
  sl_query_close(probe);
  if (rc != SL_OK) {
    sl_http_stop(h);
    return rc;
  }
  *out = h;
  return SL_OK;
}

uint16_t sl_http_port(const sl_http *h) {
  return h ? h->port : 0;
}

void sl_http_stop(sl_http *h) {
  if (!h)
    return;
  if (h->d)
    MHD_stop_daemon(h->d);
  if (h->key_ok)
    pthread_key_delete(h->key);
  if (h->assets) {
    for (size_t i = 0; i < sl_web_asset_count; i++)
      if (h->assets[i])
        MHD_destroy_response(h->assets[i]);
    free(h->assets);
  }
  free(h->asset_etags);
  free(h->db);
  free(h);
}
