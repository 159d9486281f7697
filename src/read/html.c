/*
 * html — article extraction from a web page: the entry point of the HTML
 * reader (stages 1-2 of the data flow for HTML input).
 *
 * sl_html_extract takes raw page bytes (plain or gzip, any charset) and
 * returns title, body text, date, language, canonical URL, author and site
 * name.  It chains the pieces of this folder: html_charset.c (bytes to
 * UTF-8, nesting cap), gumbo (HTML5 tree, broken markup repaired the way
 * browsers do), html_dom.c (flat tree), html_content.c (main content) and
 * html_meta.c (metadata); then checks the declared language against the
 * text with the langid module.  Callers: `storyline extract`, and ingest
 * for .html/.html.gz files and JSON Lines records carrying "html".
 */
#include <stdlib.h>
#include <string.h>

#include <gumbo.h>

#include "analyze/dates.h"
#include "analyze/langid.h"
#include "read/html.h"
#include "read/html_int.h"

/* Deepest tag nesting handed to gumbo; real pages stay far below. */

/* One language detector per thread, opened on first use. */
static _Thread_local sl_langid *tl_lid;
static _Thread_local int tl_lid_failed;

/* Language of the text when the detector is sure enough; "" otherwise. */
static void text_lang(const char *z, size_t n, char lang[8]) {
  lang[0] = 0;
  if (!tl_lid && !tl_lid_failed && sl_langid_new(&tl_lid) != SL_OK) {
    tl_lid = NULL;
    tl_lid_failed = 1;
  }
  if (!tl_lid)
    return;
  size_t lim = n < 4096 ? n : 4096;
  while (lim < n && lim > 0 && ((unsigned char)z[lim] & 0xC0) == 0x80)
    lim--;
  if (sl_langid_detect(tl_lid, z, lim, lang) != SL_OK || !strcmp(lang, "und"))
    lang[0] = 0;
}

/* Declared language unless the text says otherwise. */
static char *pick_lang(const char *declared, const char *text, size_t ntext) {
  char tl[8];
  if (ntext < 200 && declared[0])
    return strdup(declared);
  text_lang(text, ntext, tl);
  if (!tl[0])
    return strdup(declared);
  if (declared[0] && !strcmp(declared, tl))
    return strdup(declared);
  /* a script mismatch is decisive; within one script trust the longer text */
  return strdup(tl);
}

/* A visible dateline ("28 January 2026", "28/01/2026 10:05") in the text
 * of date/byline elements: the first complete, written-out date. */
static void dateline(const char *lang, const char *z, size_t n, char out[32]) {
  sl_date *dates = NULL;
  size_t nd = 0;
  out[0] = 0;
  if (n == 0 || sl_dates_find(lang[0] ? lang : "en", z, n, NULL, 0, NULL, &dates, &nd) != SL_OK)
    return;
  for (size_t i = 0; i < nd; i++) {
    const sl_date *d = &dates[i];
    if (d->year >= 1990 && d->month && d->day &&
        !(d->flags & (SL_DATE_RELATIVE | SL_DATE_YEAR_INFERRED))) {
      char buf[16];
      sl_date_format(d, buf);
      memcpy(out, buf, strlen(buf) + 1);
      break;
    }
  }
  free(dates);
}

static char *dup_or_empty(const char *s) {
  return strdup(s ? s : "");
}

const char *sl_html_limit_warning(const sl_html_article *a) {
  if (a->too_long && a->too_deep)
    return "HTML longer than 4 MB without scripts and styles, and nested deeper than 400 tags: "
           "only the first 4 MB are read, deeper tags ignored";
  if (a->too_long)
    return "HTML longer than 4 MB without scripts and styles: only the first 4 MB are read";
  if (a->too_deep)
    return "HTML nested deeper than 400 tags: the deeper tags are ignored";
  return NULL;
}

sl_rc sl_html_extract(const char *z, size_t n, sl_html_article *out) {
  sl_rc rc = SL_OK;
  char *utf8 = NULL, *flat = NULL;
  size_t nutf8 = 0;
  GumboOutput *g = NULL;
  GumboOptions opt = kGumboDefaultOptions;
  sl_hdom dom;
  sl_hmeta meta;
  sl_hbuf body;

  memset(out, 0, sizeof *out);
  memset(&dom, 0, sizeof dom);
  memset(&meta, 0, sizeof meta);
  memset(&body, 0, sizeof body);
  if (!z && n) { rc = SL_EINVAL; goto out; }
  if (n == 0) { rc = SL_EEMPTY; goto out; }
  rc = sl_html_decode(z, n, &utf8, &nutf8);
  if (rc)
    goto out;
  size_t nflat = 0;
  flat = sl_html_prefilter(utf8, nutf8, SL_MAX_HTML_DEPTH, &nflat, &out->too_deep);
  if (!flat) { rc = SL_ENOMEM; goto out; }
  free(utf8);
  utf8 = flat;
  nutf8 = nflat;
  flat = NULL;
  if (nutf8 > SL_MAX_HTML_BYTES) {
    /* gumbo needs ~500 bytes per node: parse the head, cut before a tag */
    size_t cut = SL_MAX_HTML_BYTES;
    while (cut > SL_MAX_HTML_BYTES / 2 && utf8[cut] != '<')
      cut--;
    while (cut > 0 && ((unsigned char)utf8[cut] & 0xC0) == 0x80)
      cut--;
    utf8[cut] = 0;
    nutf8 = cut;
    out->too_long = 1;
  }
  /* gumbo copies the open-element stack into every parse error: keep none */
  opt.max_errors = 0;
  g = gumbo_parse_with_options(&opt, utf8, nutf8);
  if (!g) { rc = SL_EPARSE; goto out; }
  rc = sl_hdom_build(g->document, &dom);
  if (rc)
    goto out;
  rc = sl_html_meta(&dom, &meta);
  if (rc)
    goto out;
  body.max = SL_MAX_DOC_TEXT;
  rc = sl_html_content(&dom, meta.title, &body);
  if (rc)
    goto out;
  /* JSON-LD articleBody when the page's own markup gave (almost) nothing */
  size_t nld = strlen(meta.ld_body);
  if (nld > body.n * 2 && nld > 200) {
    sl_hbuf_free(&body);
    body.max = SL_MAX_DOC_TEXT;
    sl_hbuf_add(&body, meta.ld_body, nld);
  }
  if (body.oom) { rc = SL_ENOMEM; goto out; }
  out->text = sl_hbuf_take(&body);
  if (!out->text) { rc = SL_ENOMEM; goto out; }
  out->title = dup_or_empty(meta.title);
  if (!meta.published[0] && meta.datelines[0]) {
    char d[32];
    dateline(meta.lang, meta.datelines, strlen(meta.datelines), d);
    if (d[0]) {
      free(meta.published);
      meta.published = strdup(d);
      if (!meta.published) { rc = SL_ENOMEM; goto out; }
    }
  }
  out->published = dup_or_empty(meta.published);
  out->url = dup_or_empty(meta.url);
  out->author = dup_or_empty(meta.author);
  out->site_name = dup_or_empty(meta.site_name);
  out->lang = pick_lang(meta.lang, out->text, strlen(out->text));
  if (!out->title || !out->published || !out->url || !out->author || !out->site_name ||
      !out->lang) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (!out->text[0])
    rc = SL_EEMPTY;
out:
  if (rc)
    sl_html_article_free(out);
  sl_hbuf_free(&body);
  sl_hmeta_free(&meta);
  sl_hdom_free(&dom);
  if (g)
    gumbo_destroy_output(&opt, g);
  free(utf8);
  free(flat);
  return rc;
}

void sl_html_article_free(sl_html_article *a) {
  if (!a)
    return;
  free(a->title);
  free(a->text);
  free(a->published);
  free(a->lang);
  free(a->url);
  free(a->author);
  free(a->site_name);
  memset(a, 0, sizeof *a);
}
