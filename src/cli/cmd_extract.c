/*
 * cmd_extract — `storyline extract [--json] FILE...`: runs only the first
 * stages of the data flow (read, clean, language) on each file and prints
 * the result, without touching a store.
 *
 * .html/.htm (optionally .gz) go through the HTML reader (sl_html_extract);
 * anything else is plain text for the clean module.  A bad file is
 * reported on stderr with its name and the next one is read; the exit
 * status is 1 when any file failed, 2 on a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "analyze/langid.h"
#include "clean/clean.h"
#include "cli/commands.h"
#include "read/html.h"
#include "read/read.h"
#include "util/utf8.h"

typedef struct result {
  char *title, *text, *lang, *published, *url, *author, *site_name;
  const char *limit; /* static warning when a page hit a limit */
} result;

static void result_free(result *r) {
  free(r->title);
  free(r->text);
  free(r->lang);
  free(r->published);
  free(r->url);
  free(r->author);
  free(r->site_name);
  memset(r, 0, sizeof *r);
}

static int ends_with(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && !strcmp(s + n - m, suf);
}

static int is_html_name(const char *p) {
  return ends_with(p, ".html") || ends_with(p, ".htm") || ends_with(p, ".html.gz") ||
         ends_with(p, ".htm.gz") || ends_with(p, ".HTML") || ends_with(p, ".HTM");
}

/* File name without folder and without a known extension. */
static char *doc_id(const char *path) {
  static const char *const ext[] = {".html.gz", ".htm.gz", ".html", ".htm", ".txt", ".gz"};
  const char *b = strrchr(path, '/');
  b = b ? b + 1 : path;
  size_t n = strlen(b);
  for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
    size_t m = strlen(ext[i]);
    if (n > m && !strcmp(b + n - m, ext[i])) {
      n -= m;
      break;
    }
  }
  return strndup(b, n);
}

static sl_rc from_html(const char *z, size_t n, result *r) {
  sl_html_article a;
  sl_rc rc = sl_html_extract(z, n, &a);
  if (rc)
    return rc;
  r->title = a.title;
  r->text = a.text;
  r->lang = a.lang;
  r->published = a.published;
  r->url = a.url;
  r->author = a.author;
  r->site_name = a.site_name;
  r->limit = sl_html_limit_warning(&a);
  return SL_OK;
}

static sl_rc from_text(sl_langid *lid, const char *z, size_t n, result *r) {
  sl_rc rc = SL_OK;
  char *clean = NULL;
  size_t nclean = 0;
  sl_cleaned c;
  char lang[8] = "";

  memset(&c, 0, sizeof c);
  if (sl_utf8_is_binary(z, n)) { rc = SL_EBINARY; goto out; }
  clean = sl_utf8_sanitize(z, n, &nclean, NULL);
  if (!clean) { rc = SL_ENOMEM; goto out; }
  rc = sl_clean_text(clean, nclean, NULL, &c);
  if (rc)
    goto out;
  if (lid && sl_langid_detect(lid, c.text, c.ntext, lang) != SL_OK)
    lang[0] = 0;
  r->title = strdup(c.title ? c.title : "");
  r->text = strdup(c.text ? c.text : "");
  r->lang = strdup(!strcmp(lang, "und") ? "" : lang);
  r->published = strdup("");
  r->url = strdup("");
  r->author = strdup("");
  r->site_name = strdup("");
  if (!r->title || !r->text || !r->lang || !r->published || !r->url || !r->author ||
      !r->site_name)
    rc = SL_ENOMEM;
out:
  sl_cleaned_free(&c);
  free(clean);
  return rc;
}

static int print_json(const char *id, const char *path, const result *r) {
  int rc = -1;
  char *s = NULL;
  json_t *o = json_object();
  if (!o)
    goto out;
  struct { const char *k, *v; } f[] = {
    {"id", id}, {"path", path}, {"title", r->title}, {"text", r->text}, {"lang", r->lang},
    {"published", r->published}, {"url", r->url}, {"author", r->author},
    {"site_name", r->site_name},
  };
  for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
    if (json_object_set_new(o, f[i].k, json_string(f[i].v ? f[i].v : "")))
      goto out;
  s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
  if (!s)
    goto out;
  fputs(s, stdout);
  fputc('\n', stdout);
  rc = 0;
out:
  free(s);
  json_decref(o);
  return rc;
}

static void print_plain(const char *id, const char *path, const result *r) {
  printf("== %s (%s)\n", id, path);
  printf("title:     %s\n", r->title);
  if (r->published[0]) printf("published: %s\n", r->published);
  if (r->lang[0]) printf("lang:      %s\n", r->lang);
  if (r->url[0]) printf("url:       %s\n", r->url);
  if (r->author[0]) printf("author:    %s\n", r->author);
  if (r->site_name[0]) printf("site:      %s\n", r->site_name);
  printf("\n%s\n\n", r->text);
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: storyline extract [--json] FILE...\n\n"
          "Extracts the article from each file and prints it, storing nothing.\n"
          ".html, .htm, .html.gz and .htm.gz files are web pages (any charset,\n"
          "menus, ads and related links removed); other files are plain text.\n\n"
          "  --json   one JSON object per file and line: id, path, title, text,\n"
          "           lang, published, url, author, site_name\n"
          "  --help   this text\n\n"
          "Exit status: 0 all files extracted, 1 some failed (reported on\n"
          "stderr), 2 usage error.\n");
}

int cmd_extract(int argc, char **argv) {
  int json = 0, failed = 0, nfiles = 0, status = 0;
  sl_langid *lid = NULL;

  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      usage(stdout);
      return 0;
    }
    if (!strcmp(argv[i], "--json"))
      json = 1;
    else if (!strcmp(argv[i], "--"))
      break;
    else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "storyline extract: unknown option '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    } else
      nfiles++;
  }
  int dashdash = 0;
  for (int i = 1; i < argc; i++)
    if (!strcmp(argv[i], "--")) {
      nfiles += argc - i - 1;
      break;
    }
  if (nfiles == 0) {
    usage(stderr);
    return 2;
  }
  for (int i = 1; i < argc; i++) {
    const char *path = argv[i];
    if (!dashdash) {
      if (!strcmp(path, "--")) { dashdash = 1; continue; }
      if (path[0] == '-' && path[1]) continue;
    }
    char *buf = NULL, *id = NULL;
    size_t n = 0;
    result r;
    memset(&r, 0, sizeof r);
    sl_rc rc = sl_read_file(path, SL_MAX_INPUT_BYTES, &buf, &n);
    if (rc == SL_OK && n == 0)
      rc = SL_EEMPTY;
    if (rc == SL_OK) {
      if (is_html_name(path)) {
        rc = from_html(buf, n, &r);
      } else {
        if (!lid && sl_langid_new(&lid) != SL_OK)
          lid = NULL;
        rc = from_text(lid, buf, n, &r);
      }
    }
    id = doc_id(path);
    if (rc == SL_OK && r.limit)
      fprintf(stderr, "storyline extract: %s: %s\n", path, r.limit);
    if (rc == SL_OK && id) {
      if (json) {
        if (print_json(id, path, &r)) {
          fprintf(stderr, "storyline extract: %s: could not write JSON\n", path);
          failed = 1;
        }
      } else {
        print_plain(id, path, &r);
      }
    } else {
      fprintf(stderr, "storyline extract: %s: %s\n", path,
              rc ? sl_strerror(rc) : "out of memory");
      failed = 1;
    }
    fflush(stdout);
    result_free(&r);
    free(id);
    free(buf);
  }
  sl_langid_free(lid);
  if (failed)
    status = 1;
  return status;
}
