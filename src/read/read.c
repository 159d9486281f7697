/*
 * read — files, folders and stdin into sl_doc records (see read.h).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "read/html_int.h"
#include "read/read.h"
#include "util/strmap.h"
#include "util/utf8.h"

#define MAX_DEPTH 32 /* folder nesting */

typedef struct walker {
  sl_doc_fn on_doc;
  sl_read_error_fn on_error;
  void *ctx;
  sl_read_stats st;
  sl_strmap *seen; /* folders read so far, by device and inode: a link
                    * back to one never loops */
} walker;

void sl_doc_free(sl_doc *d) {
  if (!d)
    return;
  free(d->id);
  free(d->path);
  free(d->url);
  free(d->title);
  free(d->published);
  free(d->lang);
  free(d->source);
  free(d->body);
  free(d);
}

static void report(walker *w, const char *where, sl_rc rc, const char *what) {
  w->st.errors++;
  if (w->on_error)
    w->on_error(w->ctx, where, rc, what);
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && !strcmp(s + n - m, suffix);
}

/* File name without folders and without the given extensions. */
static char *base_id(const char *path) {
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  static const char *const EXT[] = {".html.gz", ".htm.gz", ".html", ".htm", ".txt",
                                    ".jsonl", ".json", ".text", NULL};
  size_t n = strlen(b);
  for (int i = 0; EXT[i]; i++) {
    size_t m = strlen(EXT[i]);
    if (n > m && !strcmp(b + n - m, EXT[i])) {
      n -= m;
      break;
    }
  }
  return strndup(b, n);
}

sl_rc sl_read_file(const char *path, size_t cap, char **out, size_t *n) {
  sl_rc rc = SL_OK;
  char *buf = NULL;
  size_t len = 0, alloc = 0;
  FILE *f = !strcmp(path, "-") ? stdin : fopen(path, "rb");
  *out = NULL;
  *n = 0;
  if (!f)
    return SL_EIO;
  for (;;) {
    if (len + 65536 + 1 > alloc) {
      size_t na = alloc ? alloc * 2 : 65536 * 2;
      char *nb = realloc(buf, na);
      if (!nb) { rc = SL_ENOMEM; goto out; }
      buf = nb;
      alloc = na;
    }
    size_t got = fread(buf + len, 1, 65536, f);
    len += got;
    if (len > cap) { rc = SL_ETOOBIG; goto out; }
    if (got < 65536) {
      if (ferror(f)) rc = SL_EIO;
      break;
    }
  }
out:
  if (f != stdin)
    fclose(f);
  if (rc != SL_OK) {
    free(buf);
    return rc;
  }
  buf[len] = 0;
  *out = buf;
  *n = len;
  return SL_OK;
}

/* Bytes of z[0..n) at or above 0x80. */
static size_t high_bytes(const char *z, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    k += (unsigned char)z[i] >= 0x80;
  return k;
}

/* Turns raw bytes into valid UTF-8 text; names the problem in *what.
 * UTF-16 with a byte-order mark, and text whose high bytes are mostly not
 * UTF-8 (Latin-1, windows-1251, ...), go through the HTML reader's ICU
 * decoding (BOM, charset detection); stray bad bytes in UTF-8 text become
 * U+FFFD. */
static sl_rc to_text(char *raw, size_t n, char **out, size_t *nout, const char **what) {
  const unsigned char *u = (const unsigned char *)raw;
  int utf16 = n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF));
  if (!utf16 && sl_utf8_is_binary(raw, n)) {
    *what = "binary data, not text";
    return SL_EBINARY;
  }
  size_t nbad = 0;
  char *t = utf16 ? NULL : sl_utf8_sanitize(raw, n, nout, &nbad);
  if (!utf16 && !t)
    return SL_ENOMEM;
  *what = nbad ? "invalid UTF-8 replaced by U+FFFD" : NULL;
  if (utf16 || (nbad >= 8 && nbad * 2 >= high_bytes(raw, n))) {
    char *d = NULL;
    size_t nd = 0;
    sl_rc rc = sl_html_decode(raw, n, &d, &nd);
    if (rc == SL_OK) {
      free(t);
      t = d;
      *nout = nd;
      *what = utf16 ? NULL : "not UTF-8: decoded from the charset ICU detected";
    } else if (!t) {
      *what = "UTF-16 text that could not be decoded";
      return rc;
    }
  }
  *nout = sl_utf8_repair_mojibake(t, *nout);
  *out = t;
  return SL_OK;
}

static int only_space(const char *z, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (z[i] != ' ' && z[i] != '\n' && z[i] != '\r' && z[i] != '\t')
      return 0;
  return 1;
}

static char *dup_field(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (json_is_string(v)) {
    size_t nbad;
    return sl_utf8_sanitize(json_string_value(v), json_string_length(v), NULL, &nbad);
  }
  if (json_is_integer(v)) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
    return strdup(tmp);
  }
  return NULL;
}

/* One JSON Lines record into a document. */
static sl_rc record_to_doc(walker *w, const char *where, const char *line, size_t n,
                           const char *path, size_t lineno) {
  json_error_t err;
  json_t *o = json_loadb(line, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
  sl_rc rc = SL_OK;
  sl_doc *d = NULL;
  char msg[256];
  if (!o) {
    /* stray bytes that are not UTF-8 become U+FFFD, as in a text file,
     * rather than costing the whole record */
    size_t nbad = 0, nfixed = 0;
    char *fixed = sl_utf8_sanitize(line, n, &nfixed, &nbad);
    if (!fixed)
      return SL_ENOMEM;
    json_error_t err2;
    if (nbad && (o = json_loadb(fixed, nfixed, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err2)) &&
        w->on_error)
      w->on_error(w->ctx, where, SL_OK, "invalid UTF-8 replaced by U+FFFD");
    free(fixed);
  }
  if (!o) {
    snprintf(msg, sizeof msg, "invalid JSON at column %d: %s", err.column, err.text);
    report(w, where, SL_EPARSE, msg);
    return SL_OK;
  }
  if (!json_is_object(o)) {
    report(w, where, SL_EPARSE, "JSON record is not an object");
    goto out;
  }
  d = calloc(1, sizeof *d);
  if (!d) { rc = SL_ENOMEM; goto out; }
  char *text = dup_field(o, "text");
  char *html = text ? NULL : dup_field(o, "html");
  if ((!text || only_space(text, strlen(text))) && !html) {
    free(text);
    report(w, where, SL_EEMPTY, "record has no \"text\" or \"html\"");
    goto out;
  }
  d->body = text ? text : html;
  d->nbody = strlen(d->body);
  if (text) /* UTF-8 that went through a Latin-1 decoder upstream */
    d->nbody = sl_utf8_repair_mojibake(d->body, d->nbody);
  d->format = text ? SL_FMT_TEXT : SL_FMT_HTML;
  d->id = dup_field(o, "id");
  if (!d->id) {
    char tmp[64];
    char *b = base_id(path);
    snprintf(tmp, sizeof tmp, "%.40s-%zu", b ? b : "stdin", lineno);
    free(b);
    d->id = strdup(tmp);
  }
  d->path = strdup(path);
  d->url = dup_field(o, "url");
  d->title = dup_field(o, "title");
  if (d->title)
    sl_utf8_repair_mojibake(d->title, strlen(d->title));
  d->published = dup_field(o, "published");
  if (!d->published)
    d->published = dup_field(o, "date_publish");
  d->lang = dup_field(o, "lang");
  if (!d->lang)
    d->lang = dup_field(o, "language");
  d->source = dup_field(o, "source");
  if (!d->id || !d->path) { rc = SL_ENOMEM; goto out; }
  w->st.docs++;
  rc = w->on_doc(w->ctx, d);
  d = NULL;
out:
  sl_doc_free(d);
  json_decref(o);
  return rc;
}

int sl_read_line(FILE *f, char **buf, size_t *cap, size_t max, size_t *len, int *toolong) {
  size_t n = 0;
  int c, any = 0;
  *toolong = 0;
  while ((c = getc_unlocked(f)) != EOF) {
    any = 1;
    if (c == '\n')
      break;
    if (n >= max) {
      *toolong = 1;
      continue;
    }
    if (n + 1 >= *cap) {
      size_t nc = *cap ? *cap * 2 : 4096;
      if (nc > max + 1)
        nc = max + 1;
      char *nb = realloc(*buf, nc);
      if (!nb)
        return -1;
      *buf = nb;
      *cap = nc;
    }
    (*buf)[n++] = (char)c;
  }
  if (*buf)
    (*buf)[n] = 0;
  *len = n;
  return any;
}

sl_rc sl_read_jsonl(FILE *f, const char *path, sl_doc_fn on_doc, sl_read_error_fn on_error,
                    void *ctx, sl_read_stats *stats) {
  walker w = {.on_doc = on_doc, .on_error = on_error, .ctx = ctx};
  char *line = NULL;
  size_t cap = 0, lineno = 0, nrec = 0, n;
  int got, toolong;
  sl_rc rc = SL_OK;
  char where[512];
  while ((got = sl_read_line(f, &line, &cap, SL_MAX_LINE_BYTES, &n, &toolong)) > 0) {
    lineno++;
    snprintf(where, sizeof where, "%s:%zu", path, lineno);
    while (n && line[n - 1] == '\r')
      n--;
    if (!toolong && only_space(line, n))
      continue;
    nrec++;
    if (toolong) {
      report(&w, where, SL_ETOOBIG, "line longer than the 16 MB limit for a JSON Lines record");
      continue;
    }
    rc = record_to_doc(&w, where, line, n, path, lineno);
    if (rc != SL_OK)
      break;
  }
  free(line);
  if (got < 0)
    rc = SL_ENOMEM;
  else if (rc == SL_OK && ferror(f))
    report(&w, path, SL_EIO, strerror(errno));
  else if (rc == SL_OK && nrec == 0)
    report(&w, path, SL_EEMPTY, "no JSON records");
  if (stats) {
    stats->docs += w.st.docs;
    stats->errors += w.st.errors;
  }
  return rc;
}

static sl_rc read_jsonl_stream(walker *w, FILE *f, const char *path) {
  return sl_read_jsonl(f, path, w->on_doc, w->on_error, w->ctx, &w->st);
}

static sl_rc read_one_file(walker *w, const char *path) {
  int is_html = ends_with(path, ".html") || ends_with(path, ".htm") ||
                ends_with(path, ".html.gz") || ends_with(path, ".htm.gz");
  if (ends_with(path, ".jsonl") || ends_with(path, ".json") || ends_with(path, ".ndjson")) {
    FILE *f = fopen(path, "rb");
    if (!f) {
      report(w, path, SL_EIO, strerror(errno));
      return SL_OK;
    }
    sl_rc rc = read_jsonl_stream(w, f, path);
    fclose(f);
    return rc;
  }
  char *raw = NULL;
  size_t n = 0;
  const char *what = NULL;
  sl_rc rc = sl_read_file(path, SL_MAX_INPUT_BYTES, &raw, &n);
  if (rc != SL_OK) {
    report(w, path, rc, rc == SL_ETOOBIG ? "file larger than the 64 MB limit" : strerror(errno));
    return SL_OK;
  }
  sl_doc *d = calloc(1, sizeof *d);
  if (!d) {
    free(raw);
    return SL_ENOMEM;
  }
  d->id = base_id(path);
  d->path = strdup(path);
  if (is_html) {
    /* the html module sniffs charsets and inflates gzip itself */
    if (n == 0) {
      report(w, path, SL_EEMPTY, "empty file");
      free(raw);
      sl_doc_free(d);
      return SL_OK;
    }
    d->body = raw;
    d->nbody = n;
    d->format = SL_FMT_HTML;
  } else {
    rc = to_text(raw, n, &d->body, &d->nbody, &what);
    free(raw);
    if (rc == SL_OK && only_space(d->body, d->nbody)) {
      rc = SL_EEMPTY;
      what = n ? "no text in file" : "empty file";
    }
    if (rc != SL_OK) {
      report(w, path, rc, what ? what : sl_strerror(rc));
      sl_doc_free(d);
      return rc == SL_ENOMEM ? rc : SL_OK;
    }
    if (what && w->on_error)
      w->on_error(w->ctx, path, SL_OK, what); /* a warning, still read */
    d->format = SL_FMT_TEXT;
  }
  if (!d->id || !d->path) {
    sl_doc_free(d);
    return SL_ENOMEM;
  }
  w->st.docs++;
  return w->on_doc(w->ctx, d);
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static sl_rc walk(walker *w, const char *path, int depth) {
  struct stat st;
  if (!strcmp(path, "-")) {
    return read_jsonl_stream(w, stdin, "-");
  }
  if (stat(path, &st) != 0) {
    report(w, path, SL_EIO, strerror(errno));
    return SL_OK;
  }
  if (!S_ISDIR(st.st_mode))
    return read_one_file(w, path);
  if (depth >= MAX_DEPTH) {
    report(w, path, SL_ETOOBIG, "folders nested too deep");
    return SL_OK;
  }
  uint64_t folder[2] = {(uint64_t)st.st_dev, (uint64_t)st.st_ino};
  if (!w->seen && !(w->seen = sl_strmap_new()))
    return SL_ENOMEM;
  int64_t seen_before;
  if (sl_strmap_get(w->seen, (const char *)folder, sizeof folder, &seen_before)) {
    report(w, path, SL_OK, "folder already read (a link leads back to it): skipped");
    return SL_OK;
  }
  if (sl_strmap_put(w->seen, (const char *)folder, sizeof folder, 1) != SL_OK)
    return SL_ENOMEM;
  DIR *dir = opendir(path);
  if (!dir) {
    report(w, path, SL_EIO, strerror(errno));
    return SL_OK;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  sl_rc rc = SL_OK;
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] == '.')
      continue; /* hidden files, . and .. */
    if (n == cap) {
      size_t nc = cap ? cap * 2 : 64;
      char **nn = realloc(names, nc * sizeof *nn);
      if (!nn) { rc = SL_ENOMEM; goto out; }
      names = nn;
      cap = nc;
    }
    size_t len = strlen(path) + strlen(e->d_name) + 2;
    names[n] = malloc(len);
    if (!names[n]) { rc = SL_ENOMEM; goto out; }
    snprintf(names[n], len, "%s/%s", path, e->d_name);
    n++;
  }
  qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n && rc == SL_OK; i++)
    rc = walk(w, names[i], depth + 1);
out:
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
  closedir(dir);
  return rc;
}

sl_rc sl_read_path(const char *path, sl_doc_fn on_doc, sl_read_error_fn on_error,
                   void *ctx, sl_read_stats *stats) {
  walker w = {.on_doc = on_doc, .on_error = on_error, .ctx = ctx};
  sl_rc rc = walk(&w, path, 0);
  sl_strmap_free(w.seen);
  if (stats)
    *stats = w.st;
  return rc;
}
