/*
 * html — article extraction from a web page (stages 1-2 for HTML input).
 *
 * Parses with gumbo (HTML5), converts any declared or sniffed charset to
 * UTF-8 with ICU, accepts gzip, and finds the main content by text and link
 * density, DOM position, repetition and <article>/<main>/schema.org hints.
 */
#ifndef SL_HTML_H
#define SL_HTML_H

#include "storyline/storyline.h"

typedef struct sl_html_article {
  char *title;      /* NUL-terminated UTF-8; "" when none */
  char *text;       /* article body, paragraphs separated by "\n\n" */
  char *published;  /* ISO 8601 date or date-time; "" when none */
  char *lang;       /* from <html lang>/meta, checked against text; "" */
  char *url;        /* canonical URL; "" when none */
  char *author;     /* "" when none */
  char *site_name;  /* "" when none */
  int too_deep;     /* tags nested past SL_MAX_HTML_DEPTH were ignored */
  int too_long;     /* markup past SL_MAX_HTML_BYTES was not parsed */
} sl_html_article;

/* The warning for a page that hit a limit (too_deep, too_long), or NULL;
 * static text. */
const char *sl_html_limit_warning(const sl_html_article *a);

/* Extracts the article from raw page bytes z[0..n) (may be gzip).  Fills
 * *out; release with sl_html_article_free.  SL_EBINARY for non-HTML junk,
 * SL_ETOOBIG past SL_MAX_INPUT_BYTES, SL_EEMPTY when no text was found. */
sl_rc sl_html_extract(const char *z, size_t n, sl_html_article *out);
void sl_html_article_free(sl_html_article *a);

#endif
