/*
 * html_dom — a flat view of the gumbo tree and the text buffer the HTML
 * reader writes into.
 *
 * After gumbo has parsed a page, sl_hdom_build lays the tree out as a
 * pre-order array (each node knows its parent and the end of its subtree),
 * so that every later pass — statistics bottom-up, boilerplate marks
 * top-down, scoring, text output — is a loop over indices, never a
 * recursion whose depth an attacker controls.  sl_hbuf is the capped text
 * buffer with lazy separators used by the content and metadata passes.
 */
#include <stdlib.h>
#include <string.h>

#include "read/html_int.h"

/* ---- sl_hbuf ------------------------------------------------------------- */

static int hbuf_grow(sl_hbuf *b, size_t need) {
  if (b->oom)
    return -1;
  if (b->n + need + 1 <= b->cap)
    return 0;
  size_t ncap = b->cap ? b->cap * 2 : 256;
  while (ncap < b->n + need + 1)
    ncap *= 2;
  char *p = realloc(b->p, ncap);
  if (!p) {
    b->oom = 1;
    return -1;
  }
  b->p = p;
  b->cap = ncap;
  return 0;
}

static void hbuf_raw(sl_hbuf *b, const char *z, size_t n) {
  size_t max = b->max ? b->max : SL_MAX_DOC_TEXT;
  if (b->full)
    return;
  if (b->n + n > max) {
    n = max > b->n ? max - b->n : 0;
    while (n > 0 && ((unsigned char)z[n] & 0xC0) == 0x80)
      n--; /* never cut a UTF-8 sequence */
    b->full = 1;
  }
  if (n == 0 || hbuf_grow(b, n))
    return;
  memcpy(b->p + b->n, z, n);
  b->n += n;
}

static void hbuf_flush_sep(sl_hbuf *b) {
  if (b->n > 0 && b->pend) {
    static const char *const s[] = {"", " ", "\n", "\n\n"};
    hbuf_raw(b, s[b->pend], (size_t)b->pend == 3 ? 2 : 1);
  }
  b->pend = 0;
}

void sl_hbuf_add(sl_hbuf *b, const char *z, size_t n) {
  if (n == 0)
    return;
  hbuf_flush_sep(b);
  hbuf_raw(b, z, n);
}

void sl_hbuf_sep(sl_hbuf *b, int level) {
  if (level > b->pend)
    b->pend = level;
}

/* Byte length of a whitespace character at z[i], or 0. */
static size_t space_len(const unsigned char *z, size_t n, size_t i) {
  unsigned char c = z[i];
  if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
    return 1;
  if (c == 0xC2 && i + 1 < n && z[i + 1] == 0xA0)
    return 2; /* NBSP */
  if (c == 0xE2 && i + 2 < n && z[i + 1] == 0x80 &&
      ((z[i + 2] >= 0x80 && z[i + 2] <= 0x8B) || z[i + 2] == 0xA8 || z[i + 2] == 0xA9 ||
       z[i + 2] == 0xAF))
    return 3; /* U+2000..U+200B, line/paragraph separators, narrow NBSP */
  if (c == 0xE3 && i + 2 < n && z[i + 1] == 0x80 && z[i + 2] == 0x80)
    return 3; /* ideographic space */
  if (c == 0xEF && i + 2 < n && z[i + 1] == 0xBB && z[i + 2] == 0xBF)
    return 3; /* stray BOM / ZWNBSP */
  return 0;
}

void sl_hbuf_text(sl_hbuf *b, const char *z, size_t n) {
  const unsigned char *u = (const unsigned char *)z;
  size_t i = 0;
  while (i < n) {
    size_t sl = space_len(u, n, i);
    if (sl) {
      sl_hbuf_sep(b, 1);
      i += sl;
      continue;
    }
    size_t j = i;
    while (j < n && !space_len(u, n, j))
      j++;
    sl_hbuf_add(b, z + i, j - i);
    i = j;
  }
}

char *sl_hbuf_take(sl_hbuf *b) {
  char *p;
  if (b->oom)
    return NULL;
  if (hbuf_grow(b, 0))
    return NULL;
  b->p[b->n] = 0;
  p = b->p;
  b->p = NULL;
  b->n = b->cap = 0;
  b->pend = b->full = 0;
  return p;
}

void sl_hbuf_free(sl_hbuf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}

/* ---- flat tree ----------------------------------------------------------- */

const char *sl_hattr(const GumboNode *g, const char *name) {
  if (!g || g->type != GUMBO_NODE_ELEMENT)
    return NULL;
  const GumboAttribute *a = gumbo_get_attribute(&g->v.element.attributes, name);
  return a ? a->value : NULL;
}

uint32_t sl_hcount_letters(const char *z, size_t n, uint32_t *commas) {
  const unsigned char *u = (const unsigned char *)z;
  uint32_t letters = 0, c = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = u[i];
    if ((ch & 0xC0) == 0x80)
      continue; /* continuation byte */
    if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f')
      continue;
    if (ch == 0xC2 && i + 1 < n && u[i + 1] == 0xA0)
      continue;
    letters++;
    if (ch == ',')
      c++;
    else if (ch == 0xD8 && i + 1 < n && u[i + 1] == 0x8C)
      c++; /* Arabic comma U+060C */
    else if (ch == 0xEF && i + 2 < n && u[i + 1] == 0xBC && u[i + 2] == 0x8C)
      c++; /* fullwidth comma */
    else if (ch == 0xE3 && i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0x81 || u[i + 2] == 0x82))
      c++; /* ideographic comma and full stop */
  }
  if (commas)
    *commas = c;
  return letters;
}

/* Elements whose content is never visible article text. */
static int skip_children(GumboTag t) {
  return t == GUMBO_TAG_STYLE || t == GUMBO_TAG_TEMPLATE || t == GUMBO_TAG_SVG ||
         t == GUMBO_TAG_MATH || t == GUMBO_TAG_SELECT || t == GUMBO_TAG_TEXTAREA ||
         t == GUMBO_TAG_IFRAME || t == GUMBO_TAG_OBJECT || t == GUMBO_TAG_CANVAS;
}

static int push(sl_hdom *d, GumboNode *g, int32_t parent) {
  if (d->n == d->cap) {
    int32_t ncap = d->cap ? d->cap * 2 : 1024;
    sl_hnode *v = realloc(d->v, (size_t)ncap * sizeof *v);
    if (!v)
      return -1;
    d->v = v;
    d->cap = ncap;
  }
  sl_hnode *h = &d->v[d->n];
  memset(h, 0, sizeof *h);
  h->g = g;
  h->parent = parent;
  h->end = d->n + 1;
  switch (g->type) {
  case GUMBO_NODE_ELEMENT:
    h->tag = (uint16_t)g->v.element.tag;
    break;
  case GUMBO_NODE_TEMPLATE:
    h->tag = GUMBO_TAG_TEMPLATE; /* element-shaped, never visible */
    break;
  case GUMBO_NODE_DOCUMENT:
    h->tag = SL_HTAG_DOC;
    break;
  default:
    h->tag = SL_HTAG_TEXT;
    break;
  }
  d->n++;
  return 0;
}

sl_rc sl_hdom_build(GumboNode *root, sl_hdom *d) {
  sl_rc rc = SL_OK;
  struct item { GumboNode *g; int32_t parent; } *stack = NULL;
  size_t sn = 0, scap = 256;

  memset(d, 0, sizeof *d);
  stack = malloc(scap * sizeof *stack);
  if (!stack) { rc = SL_ENOMEM; goto out; }
  stack[sn++] = (struct item){root, -1};
  while (sn > 0) {
    struct item it = stack[--sn];
    GumboNode *g = it.g;
    if (g->type == GUMBO_NODE_COMMENT)
      continue;
    if (g->type == GUMBO_NODE_WHITESPACE && it.parent >= 0 &&
        d->v[it.parent].tag == GUMBO_TAG_SCRIPT)
      continue;
    int32_t me = d->n;
    if (push(d, g, it.parent)) { rc = SL_ENOMEM; goto out; }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_DOCUMENT)
      continue;
    if (g->type == GUMBO_NODE_ELEMENT) {
      GumboTag t = g->v.element.tag;
      if (t == GUMBO_TAG_BODY && !d->body) d->body = me;
      if (t == GUMBO_TAG_HTML && !d->html) d->html = me;
      if (skip_children(t))
        continue;
    }
    const GumboVector *ch = g->type == GUMBO_NODE_ELEMENT ? &g->v.element.children
                                                          : &g->v.document.children;
    if (sn + ch->length > scap) {
      size_t ncap = scap;
      while (ncap < sn + ch->length)
        ncap *= 2;
      void *ns = realloc(stack, ncap * sizeof *stack);
      if (!ns) { rc = SL_ENOMEM; goto out; }
      stack = ns;
      scap = ncap;
    }
    for (unsigned k = ch->length; k-- > 0;)
      stack[sn++] = (struct item){ch->data[k], me};
  }
  for (int32_t i = d->n - 1; i > 0; i--) {
    int32_t p = d->v[i].parent;
    if (p >= 0 && d->v[i].end > d->v[p].end)
      d->v[p].end = d->v[i].end;
  }
out:
  free(stack);
  if (rc)
    sl_hdom_free(d);
  return rc;
}

void sl_hdom_free(sl_hdom *d) {
  free(d->v);
  memset(d, 0, sizeof *d);
}

static int is_block(uint16_t t) {
  switch (t) {
  case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
  case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
  case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
  case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
  case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
  case GUMBO_TAG_DD: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_ASIDE:
  case GUMBO_TAG_NAV: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER:
    return 1;
  default:
    return 0;
  }
}

void sl_hdom_text(const sl_hdom *d, int32_t i, sl_hbuf *b) {
  int32_t end = d->v[i].end;
  for (int32_t k = i; k < end; k++) {
    const sl_hnode *h = &d->v[k];
    if (h->tag == SL_HTAG_TEXT) {
      const char *t = h->g->v.text.text;
      sl_hbuf_text(b, t, strlen(t));
    } else if (h->tag == GUMBO_TAG_SCRIPT || h->tag == GUMBO_TAG_NOSCRIPT) {
      k = h->end - 1;
    } else if (h->tag == GUMBO_TAG_BR) {
      sl_hbuf_sep(b, 1);
    } else if (is_block(h->tag)) {
      sl_hbuf_sep(b, 1);
    }
  }
}
