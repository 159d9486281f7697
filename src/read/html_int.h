/*
 * html_int — shared internals of the HTML reader (html.c, html_charset.c,
 * html_dom.c, html_hints.c, html_content.c, html_meta.c).  Not part of any public API.
 *
 * The page flows: raw bytes -> sl_html_decode (gzip, binary check, charset
 * to UTF-8) -> sl_html_flatten_depth (caps tag nesting before gumbo sees it)
 * -> gumbo -> sl_hdom (a flat pre-order array of the tree with per-subtree
 * text statistics) -> sl_html_content (article body) and sl_html_meta
 * (title, date, URL, author, site, language hints).
 */
#ifndef SL_HTML_INT_H
#define SL_HTML_INT_H

#include <stdint.h>
#include <gumbo.h>

#include "storyline/storyline.h"

/* ---- growable text buffer with a hard cap -------------------------------- */

/* Text appended past max is dropped (full = 1); oom = 1 after a failed
 * allocation.  Pending separators are written lazily, only between two
 * pieces of text, so blocks never leave leading or trailing breaks. */
typedef struct sl_hbuf {
  char *p;
  size_t n, cap, max;
  int full, oom;
  int pend;   /* 0 none, 1 space, 2 "\n", 3 "\n\n" */
} sl_hbuf;

/* Appends z[0..n) verbatim (after any pending separator). */
void sl_hbuf_add(sl_hbuf *b, const char *z, size_t n);
/* Appends text with whitespace runs (ASCII, NBSP, other Unicode spaces)
 * collapsed into one pending space. */
void sl_hbuf_text(sl_hbuf *b, const char *z, size_t n);
/* Requests a separator before the next text: 1 space, 2 line, 3 paragraph. */
void sl_hbuf_sep(sl_hbuf *b, int level);
/* NUL-terminates and hands over the string (never NULL unless oom);
 * the buffer is left empty.  Caller frees. */
char *sl_hbuf_take(sl_hbuf *b);
void sl_hbuf_free(sl_hbuf *b);

/* ---- decoding ----------------------------------------------------------- */

/* Turns raw page bytes into valid UTF-8: gunzips (1f 8b) with the inflated
 * size capped at SL_MAX_INPUT_BYTES, refuses binary data, honours a BOM,
 * <meta charset>, http-equiv Content-Type, else sniffs with ICU ucsdet;
 * a declaration that disagrees with bytes that validate as UTF-8 loses.
 * *out (NUL-terminated, *nout bytes) is freed by the caller. */
sl_rc sl_html_decode(const char *z, size_t n, char **out, size_t *nout);

/* Inflates gzip data z[0..n) into *out (caller frees), capped at max. */
sl_rc sl_html_gunzip(const char *z, size_t n, size_t max, char **out, size_t *nout);

/* Copies UTF-8 html z[0..n) for gumbo without what can never be article
 * text and costs most of the parse: comments, the content of <script>
 * (JSON-LD kept) and <style>, whole <svg> elements.  Start tags that would
 * nest deeper than max_depth are dropped (their text is kept), so the
 * HTML5 tree builder never sees pathological depth; *deep (may be NULL) is
 * set to 1 when that happened.  Returns NULL when out of memory; caller
 * frees; *nout <= n. */
char *sl_html_prefilter(const char *z, size_t n, int max_depth, size_t *nout, int *deep);

/* ---- flat DOM ------------------------------------------------------------ */

#define SL_HTAG_TEXT 0xFFFFu   /* text, whitespace or CDATA node */
#define SL_HTAG_DOC  0xFFFEu   /* the document node */

typedef struct sl_hnode {
  GumboNode *g;
  int32_t parent;     /* -1 for the root */
  int32_t end;        /* one past the last descendant */
  uint16_t tag;       /* GumboTag, or SL_HTAG_TEXT */
  uint8_t junk;       /* removed from the content (boilerplate) */
  uint8_t hidden;     /* display:none, hidden, aria-hidden */
  int8_t weight;      /* class/id hint: -1, 0, +1 */
  uint8_t blockdesc;  /* has block-level descendants */
  uint8_t scored;     /* is a candidate with a content score */
  uint8_t cut;        /* removed by conditional cleaning */
  uint8_t quote;      /* holds an embedded post (tweet, instagram) */
  uint32_t text;      /* letters (non-space code points) in the subtree */
  uint32_t ltext;     /* of which inside <a> */
  uint32_t commas;    /* commas of any script */
  uint32_t ptext;     /* letters of prose-like text runs (before junk removal) */
  uint32_t np, nimg, nli, ninput, nembed, nhead, na; /* element counts */
  uint32_t own;       /* letters of direct text children */
  float score;
} sl_hnode;

typedef struct sl_hdom {
  sl_hnode *v;
  int32_t n, cap;
  int32_t body;       /* index of <body>, or 0 */
  int32_t html;       /* index of <html>, or 0 */
} sl_hdom;

/* Builds the flat array from a gumbo tree without recursion.  Children of
 * script/style/template/svg are not descended into. */
sl_rc sl_hdom_build(GumboNode *root, sl_hdom *d);
void sl_hdom_free(sl_hdom *d);

/* Value of attribute name on element g, or NULL. */
const char *sl_hattr(const GumboNode *g, const char *name);
/* Appends the visible text of subtree i (collapsed whitespace). */
void sl_hdom_text(const sl_hdom *d, int32_t i, sl_hbuf *b);
/* Counts letters (non-space code points) in z[0..n). */
uint32_t sl_hcount_letters(const char *z, size_t n, uint32_t *commas);

/* ---- markup hints (html_hints.c) ------------------------------------------ */

enum { HINT_NONE = 0, HINT_POS = 1, HINT_NEG = 2, HINT_JUNK = 4, HINT_STRONG = 8 };

/* HINT_* bits per node of d from class and id names into hint[0..d->n):
 * POS article-like, NEG furniture-like, JUNK remove, STRONG a name that
 * marks furniture even beside a positive one.  SL_ENOMEM only. */
sl_rc sl_html_class_hints(const sl_hdom *d, uint8_t *hint);
/* 1 when element g is hidden (hidden, aria-hidden, display:none). */
int sl_html_is_hidden(const GumboNode *g);

/* ---- content and metadata ------------------------------------------------ */

/* Finds the article body and appends it, paragraphs separated by "\n\n".
 * title (may be "") is used to skip a repeated headline. */
sl_rc sl_html_content(sl_hdom *d, const char *title, sl_hbuf *out);

typedef struct sl_hmeta {
  char *title, *published, *url, *author, *site_name, *lang;
  char *ld_body;     /* JSON-LD articleBody, "" when none */
  char *datelines;   /* text of <time> and date/byline-named elements,
                        "\n"-separated, for a visible dateline; "" */
} sl_hmeta;

/* Reads metadata from the page (meta tags, JSON-LD, <title>, <time>...). */
sl_rc sl_html_meta(const sl_hdom *d, sl_hmeta *m);
void sl_hmeta_free(sl_hmeta *m);

/* Strips a " | Site" / " - Site" suffix or prefix from a page title;
 * site (may be NULL) names the site when known.  Returns the new length. */
size_t sl_html_clean_title(const char *t, size_t n, const char *site, size_t nsite, size_t *start);

/* Normalises a date string to ISO 8601 ("2026-01-28" or with time) into
 * out[32]; 0 when it is not a recognisable date. */
int sl_html_norm_date(const char *z, size_t n, char out[32]);

#endif
