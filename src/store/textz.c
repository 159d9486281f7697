/*
 * textz — documents.text packed with zlib (see textz.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "store/textz.h"

#define HEADER 4        /* the text's byte length, little-endian */
#define LEVEL 6         /* zlib's default: 1 saves ~3% less for ~25% less time */
#define MAX_TEXT (64u << 20)  /* no stored text is longer (ingest keeps 4 MB) */

sl_rc sl_textz_pack(const char *z, size_t n, unsigned char **buf, size_t *cap, size_t *out) {
  *out = 0;
  if (n < SL_TEXTZ_MIN || n > MAX_TEXT)
    return SL_OK;
  uLong bound = compressBound((uLong)n);
  size_t need = HEADER + (size_t)bound;
  if (need > *cap) {
    unsigned char *b = realloc(*buf, need);
    if (!b)
      return SL_ENOMEM;
    *buf = b;
    *cap = need;
  }
  uLongf zn = bound;
  if (compress2(*buf + HEADER, &zn, (const Bytef *)z, (uLong)n, LEVEL) != Z_OK)
    return SL_OK; /* kept as text */
  if (HEADER + (size_t)zn >= n - n / 8)
    return SL_OK; /* saves too little to be worth an inflate per read */
  for (int k = 0; k < HEADER; k++)
    (*buf)[k] = (unsigned char)(n >> (8 * k));
  *out = HEADER + (size_t)zn;
  return SL_OK;
}

/* The last text unpacked on a connection: a document's page cuts each of
 * its mentions and facts out of the same text, row by row. */
typedef struct last_text {
  unsigned char *packed;
  size_t npacked;
  char *text;
  size_t ntext;
} last_text;

static void free_last(void *p) {
  last_text *c = p;
  if (c) {
    free(c->packed);
    free(c->text);
    free(c);
  }
}

/* sl_text(x): see textz.h. */
static void sql_text(sqlite3_context *cx, int argc, sqlite3_value **argv) {
  sqlite3_value *v = argv[0];
  last_text *c = sqlite3_user_data(cx);
  (void)argc;
  if (sqlite3_value_type(v) != SQLITE_BLOB) {
    sqlite3_result_value(cx, v);
    return;
  }
  const unsigned char *b = sqlite3_value_blob(v);
  size_t nb = (size_t)sqlite3_value_bytes(v);
  if (c->packed && nb == c->npacked && !memcmp(b, c->packed, nb)) {
    sqlite3_result_text64(cx, c->text, c->ntext, SQLITE_TRANSIENT, SQLITE_UTF8);
    return;
  }
  uLongf n = 0;
  for (int k = 0; k < HEADER && (size_t)k < nb; k++)
    n |= (uLongf)b[k] << (8 * k);
  if (nb <= HEADER || n == 0 || n > MAX_TEXT) {
    sqlite3_result_error(cx, "sl_text: not a packed text", -1);
    return;
  }
  char *t = malloc(n + 1);
  unsigned char *p = malloc(nb);
  uLongf got = n;
  if (!t || !p) {
    free(t);
    free(p);
    sqlite3_result_error_nomem(cx);
    return;
  }
  if (uncompress((Bytef *)t, &got, b + HEADER, (uLong)(nb - HEADER)) != Z_OK || got != n) {
    free(t);
    free(p);
    sqlite3_result_error(cx, "sl_text: a packed text does not unpack (damaged store?)", -1);
    return;
  }
  t[n] = 0;
  memcpy(p, b, nb);
  free(c->packed);
  free(c->text);
  c->packed = p;
  c->npacked = nb;
  c->text = t;
  c->ntext = n;
  sqlite3_result_text64(cx, t, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

int sl_textz_register(sqlite3 *db) {
  last_text *c = calloc(1, sizeof *c);
  if (!c)
    return SQLITE_NOMEM;
  /* SQLite calls free_last on failure too */
  return sqlite3_create_function_v2(db, "sl_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, c,
                                    sql_text, NULL, NULL, free_last);
}
