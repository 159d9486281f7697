/*
 * html_content — finds the article body in a parsed page (stage 2 for
 * HTML input: the page furniture is dropped here, before any text
 * analysis).
 *
 * Works on the flat DOM of html_dom.c in a handful of linear passes:
 *  1. boilerplate marks, top-down: elements that never hold article text
 *     (script, nav, aside, footer, forms, hidden nodes) and elements whose
 *     class/id name them as comments, sharing, related lists, promotions,
 *     cookie banners, menus...  A container that holds most of the page's
 *     paragraph text is never marked, so a wrapper called "has-sidebar"
 *     cannot swallow the article;
 *  2. statistics, bottom-up: letters, letters inside links, commas of any
 *     script, paragraphs, images, list items, embeds; taken again once
 *     inline boxes of links (hover cards inside a sentence) are removed;
 *  3. scoring in the manner of Readability: each paragraph-like block adds
 *     1 + commas + length/100 to its parent, half to its grandparent and
 *     less further up; tag and class/id hints adjust; the score is scaled
 *     by (1 - link density).  schema.org articleBody is a strong hint;
 *  4. the best candidate is widened to an ancestor when the other top
 *     candidates sit under it, and joined by siblings that score close to
 *     it or read as prose;
 *  5. output: the chosen subtrees, skipping marked nodes and containers
 *     that look like link lists, galleries or forms (conditional
 *     cleaning), paragraphs that are mostly a link ("Read more: ..."),
 *     headlines repeated from the title, short blocks the page also shows
 *     outside the article, and headings whose section lost all its text;
 *     blocks become paragraphs "\n\n".
 * No signal depends on the page's language; class/id names
 * (html_hints.c) are a supplement.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "read/html_int.h"

/* 2: never article text; 1: furniture unless it holds most of the text. */
static int tag_junk(uint16_t t) {
  switch (t) {
  case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
  case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
  case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
  case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
  case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_LABEL: case GUMBO_TAG_OPTION:
  case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_MENU:
    return 2;
  case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM:
  case GUMBO_TAG_HEADER: case GUMBO_TAG_FIELDSET:
    return 1;
  default:
    return 0;
  }
}

static int is_heading(uint16_t t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 ||
         t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

/* Elements that make a <div> a container rather than a paragraph. */
static int is_blockish(uint16_t t) {
  switch (t) {
  case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_DL: case GUMBO_TAG_DIV: case GUMBO_TAG_IMG:
  case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
  case GUMBO_TAG_UL: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
  case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
  case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV: case GUMBO_TAG_FORM:
    return 1;
  default:
    return 0;
  }
}

/* Output separators: 3 paragraph, 2 line, 0 inline. */
static int block_sep(uint16_t t) {
  switch (t) {
  case GUMBO_TAG_BR:
    return 2;
  case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
    return 1;
  case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
  case GUMBO_TAG_MAIN: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
  case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
  case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
  case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_FIGURE: case GUMBO_TAG_HEADER:
  case GUMBO_TAG_FOOTER: case GUMBO_TAG_DL: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR:
  case GUMBO_TAG_CENTER: case GUMBO_TAG_TBODY:
    return 3;
  default:
    return 0;
  }
}

/* ---- passes -------------------------------------------------------------- */

typedef struct ctx {
  sl_hdom *d;
  uint8_t *hint;       /* HINT_* per node */
  int32_t root;        /* body */
  int use_classes;     /* class/id junk marks on (off in the retry) */
  uint64_t *bhash;     /* per node: hash of a short leaf block's text, or 0 */
  uint64_t *seen;      /* open-addressing set of those outside the article */
  size_t nseen;        /* slots (a power of two) */
} ctx;

/* Embedded social posts quoted by the article are part of its text. */
static int is_embedded_post(const sl_hnode *h) {
  if (h->tag != GUMBO_TAG_BLOCKQUOTE)
    return 0;
  const char *cl = sl_hattr(h->g, "class");
  return cl && (strstr(cl, "tweet") || strstr(cl, "instagram") || strstr(cl, "tiktok"));
}

/* Pass 1: letters of prose-like text runs per subtree, before anything is
 * removed; marks the ancestors of embedded posts. */
static void raw_ptext(ctx *c) {
  sl_hdom *d = c->d;
  for (int32_t i = d->n - 1; i >= 0; i--) {
    sl_hnode *h = &d->v[i];
    if (h->tag == SL_HTAG_TEXT) {
      const char *t = h->g->v.text.text;
      h->text = sl_hcount_letters(t, strlen(t), &h->commas);
      /* prose-like runs of text outside links */
      uint16_t pt = h->parent >= 0 ? d->v[h->parent].tag : 0;
      if (h->text >= 30 && pt != GUMBO_TAG_A && pt != GUMBO_TAG_SCRIPT && pt != GUMBO_TAG_STYLE &&
          pt != GUMBO_TAG_NOSCRIPT && pt != GUMBO_TAG_TITLE)
        h->ptext = h->text;
    }
    if (h->tag != SL_HTAG_TEXT && is_embedded_post(h))
      h->quote = 1;
    if (h->parent >= 0) {
      sl_hnode *p = &d->v[h->parent];
      if (h->tag != SL_HTAG_TEXT && (is_blockish(h->tag) || h->blockdesc))
        p->blockdesc = 1;
      p->quote |= h->quote;
      if (h->tag != GUMBO_TAG_SCRIPT && h->tag != GUMBO_TAG_STYLE && h->tag != GUMBO_TAG_NOSCRIPT)
        p->text += h->text;
      p->ptext += h->ptext;
    }
  }
}

/* Leaf blocks: paragraphs and the like, holding no other block. */
static int is_leaf_block(const sl_hnode *h) {
  return (h->tag == GUMBO_TAG_P || h->tag == GUMBO_TAG_LI || h->tag == GUMBO_TAG_DD ||
          h->tag == GUMBO_TAG_DT || h->tag == GUMBO_TAG_H2 || h->tag == GUMBO_TAG_H3 ||
          h->tag == GUMBO_TAG_H4 || h->tag == GUMBO_TAG_H5 || h->tag == GUMBO_TAG_H6 ||
          h->tag == GUMBO_TAG_DIV || h->tag == GUMBO_TAG_SPAN || h->tag == GUMBO_TAG_A) &&
         !h->blockdesc;
}

/* Pass 1b: the text of every short leaf block is hashed, so that labels
 * and teasers the page also shows outside the article ("Advertisement",
 * "Share", a headline in a list) can be left out of it. */
static sl_rc repetition(ctx *c) {
  sl_hdom *d = c->d;
  size_t cnt = 0;
  c->bhash = calloc((size_t)d->n + 1, sizeof *c->bhash);
  if (!c->bhash)
    return SL_ENOMEM;
  for (int32_t i = 0; i < d->n; i++) {
    sl_hnode *h = &d->v[i];
    if (h->tag == SL_HTAG_TEXT || h->tag == SL_HTAG_DOC || h->text == 0 || h->text > 100 ||
        !is_leaf_block(h))
      continue;
    uint64_t x = 1469598103934665603ull;
    for (int32_t k = i + 1; k < h->end; k++) {
      if (d->v[k].tag != SL_HTAG_TEXT)
        continue;
      for (const unsigned char *p = (const unsigned char *)d->v[k].g->v.text.text; *p; p++)
        if (*p > ' ')
          x = (x ^ *p) * 1099511628211ull;
    }
    c->bhash[i] = x | 1u;
    cnt++;
    i = h->end - 1; /* the outermost block only: <li><a>x</a></li> counts once */
  }
  c->nseen = 64;
  while (c->nseen < cnt * 2)
    c->nseen *= 2;
  c->seen = calloc(c->nseen, sizeof *c->seen);
  if (!c->seen)
    return SL_ENOMEM;
  return SL_OK;
}

/* Fills the set with the short blocks outside the article roots. */
static void outside_set(ctx *c, const int32_t *roots, size_t nroots) {
  sl_hdom *d = c->d;
  size_t r = 0;
  memset(c->seen, 0, c->nseen * sizeof *c->seen);
  for (int32_t i = 0; i < d->n; i++) {
    while (r < nroots && roots[r] < i && d->v[roots[r]].end <= i)
      r++;
    if (r < nroots && i == roots[r]) {
      i = d->v[roots[r]].end - 1;
      continue;
    }
    uint64_t x = c->bhash[i];
    if (!x)
      continue;
    size_t s = (size_t)x & (c->nseen - 1);
    while (c->seen[s] && c->seen[s] != x)
      s = (s + 1) & (c->nseen - 1);
    c->seen[s] = x;
  }
}

/* Is the short leaf block i also shown outside the article? */
static int repeated(const ctx *c, int32_t i) {
  uint64_t x = c->bhash[i];
  if (!x)
    return 0;
  size_t s = (size_t)x & (c->nseen - 1);
  while (c->seen[s] && c->seen[s] != x)
    s = (s + 1) & (c->nseen - 1);
  return c->seen[s] == x;
}

/* Pass 2: boilerplate marks, parents before children. */
static void mark_junk(ctx *c) {
  sl_hdom *d = c->d;
  uint32_t total = d->v[c->root].ptext;
  for (int32_t i = 0; i < d->n; i++) {
    sl_hnode *h = &d->v[i];
    h->junk = h->parent >= 0 ? d->v[h->parent].junk : 0;
    if (h->junk || h->tag == SL_HTAG_TEXT || h->g->type != GUMBO_NODE_ELEMENT)
      continue;
    int tj = tag_junk(h->tag);
    if (tj == 2) {
      h->junk = 1;
      continue;
    }
    if (h->tag == GUMBO_TAG_BODY || h->tag == GUMBO_TAG_HTML)
      continue;
    const char *ip = sl_hattr(h->g, "itemprop");
    if (ip && strstr(ip, "articleBody"))
      continue;
    /* holds most of the page's paragraph text: article, whatever its name */
    int keeper = total > 0 && (h->ptext * 2 > total ||
                               ((c->hint[i] & HINT_POS) && h->ptext * 4 > total));
    if (sl_html_is_hidden(h->g) && !keeper) {
      h->junk = 1;
      h->hidden = 1;
      continue;
    }
    if (tj == 1 && !keeper) {
      h->junk = 1;
      continue;
    }
    /* a paragraph is text by nature: only strong names remove it */
    int weak_only = !(c->hint[i] & HINT_STRONG);
    if (h->tag == GUMBO_TAG_P && weak_only)
      continue;
    if (c->use_classes && (c->hint[i] & HINT_JUNK) && !keeper && !h->quote &&
        h->tag != GUMBO_TAG_ARTICLE &&
        h->tag != GUMBO_TAG_MAIN && h->tag != GUMBO_TAG_A)
      h->junk = 1;
  }
}

/* Pass 3: statistics of what is left, children before parents. */
static void stats(ctx *c) {
  sl_hdom *d = c->d;
  for (int32_t i = 0; i < d->n; i++) {
    sl_hnode *h = &d->v[i];
    if (h->tag != SL_HTAG_TEXT) {
      h->text = h->commas = 0;
    }
    h->ltext = h->np = h->nimg = h->nli = h->ninput = h->nembed = h->nhead = h->own = h->na = 0;
    h->blockdesc = 0;
    h->score = 0;
    h->scored = 0;
    h->cut = 0;
  }
  for (int32_t i = d->n - 1; i >= 0; i--) {
    sl_hnode *h = &d->v[i];
    if (h->junk) {
      if (h->tag == GUMBO_TAG_INPUT || h->tag == GUMBO_TAG_SELECT || h->tag == GUMBO_TAG_TEXTAREA) {
        if (h->parent >= 0) d->v[h->parent].ninput++;
      } else if (h->tag == GUMBO_TAG_IFRAME || h->tag == GUMBO_TAG_EMBED ||
                 h->tag == GUMBO_TAG_OBJECT || h->tag == GUMBO_TAG_VIDEO) {
        if (h->parent >= 0) d->v[h->parent].nembed++;
      }
      continue;
    }
    switch (h->tag) {
    case GUMBO_TAG_A: h->ltext = h->text; h->na++; break;
    case GUMBO_TAG_P: if (h->text > 0) h->np++; break;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
      if (!h->blockdesc && h->text > 0) h->np++; /* a paragraph in all but name */
      break;
    case GUMBO_TAG_IMG: h->nimg++; break;
    case GUMBO_TAG_LI: h->nli++; break;
    default:
      if (is_heading(h->tag)) h->nhead += h->text;
      break;
    }
    if (h->parent < 0)
      continue;
    sl_hnode *p = &d->v[h->parent];
    p->text += h->text;
    p->ltext += h->ltext;
    p->commas += h->commas;
    p->np += h->np;
    p->nimg += h->nimg;
    p->nli += h->nli;
    p->ninput += h->ninput;
    p->nembed += h->nembed;
    p->nhead += h->nhead;
    p->na += h->na;
    if (h->tag == SL_HTAG_TEXT)
      p->own += h->text;
    if (h->tag != SL_HTAG_TEXT && (is_blockish(h->tag) || h->blockdesc))
      p->blockdesc = 1;
  }
}

static float tag_init(uint16_t t) {
  switch (t) {
  case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
  case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
  case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
  case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
  case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
  case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
  default: return 0;
  }
}

static float class_weight(const ctx *c, int32_t i) {
  uint8_t h = c->hint[i];
  float w = 0;
  if (h & HINT_POS) w += 25;
  if (h & HINT_NEG) w -= 25;
  const char *ip = sl_hattr(c->d->v[i].g, "itemprop");
  if (ip && strstr(ip, "articleBody"))
    w += 50;
  return w;
}

static void init_cand(ctx *c, int32_t i) {
  sl_hnode *h = &c->d->v[i];
  if (h->scored)
    return;
  h->scored = 1;
  h->score = tag_init(h->tag) + class_weight(c, i);
}

static float link_density(const sl_hnode *h) {
  return h->text ? (float)h->ltext / (float)h->text : 0.0f;
}

/* Pass 4: paragraph scores flow to up to five ancestors. */
static void score(ctx *c) {
  sl_hdom *d = c->d;
  int32_t end = d->v[c->root].end;
  for (int32_t i = c->root; i < end; i++) {
    sl_hnode *h = &d->v[i];
    if (h->junk) {
      i = h->end - 1;
      continue;
    }
    if (h->tag == SL_HTAG_TEXT)
      continue;
    uint32_t len = 0, commas = 0;
    int32_t first;
    int para = h->tag == GUMBO_TAG_P || h->tag == GUMBO_TAG_PRE || h->tag == GUMBO_TAG_TD ||
               ((h->tag == GUMBO_TAG_DIV || h->tag == GUMBO_TAG_SECTION) && !h->blockdesc);
    if (para) {
      len = h->text;
      commas = h->commas;
      first = h->parent;
    } else if ((h->tag == GUMBO_TAG_DIV || h->tag == GUMBO_TAG_SECTION ||
                h->tag == GUMBO_TAG_ARTICLE || h->tag == GUMBO_TAG_TD) && h->own >= 25) {
      len = h->own; /* loose text between blocks: a paragraph of this element */
      for (int32_t k = i + 1; k < h->end; k = d->v[k].end)
        if (d->v[k].tag == SL_HTAG_TEXT)
          commas += d->v[k].commas;
      first = i;
    } else {
      continue;
    }
    if (len < 25)
      continue;
    float s = 1.0f + (float)(commas + 1) + (float)(len / 100 < 3 ? len / 100 : 3);
    int32_t a = first;
    for (int level = 0; level < 5 && a > 0 && a != d->html; level++) {
      init_cand(c, a);
      float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
      d->v[a].score += s / div;
      if (a == c->root)
        break;
      a = d->v[a].parent;
    }
  }
}

static float final_score(const sl_hnode *h) {
  return h->score * (1.0f - link_density(h));
}

static int contains(const sl_hdom *d, int32_t anc, int32_t k) {
  return k >= anc && k < d->v[anc].end;
}

/* Pass 5: the top candidate, widened as Readability does. */
static int32_t pick_top(ctx *c) {
  sl_hdom *d = c->d;
  int32_t end = d->v[c->root].end, top = -1;
  int32_t best[5] = {-1, -1, -1, -1, -1};
  for (int32_t i = c->root; i < end; i++) {
    const sl_hnode *h = &d->v[i];
    if (!h->scored || h->junk)
      continue;
    float s = final_score(h);
    for (int k = 0; k < 5; k++) {
      if (best[k] < 0 || s > final_score(&d->v[best[k]])) {
        for (int m = 4; m > k; m--)
          best[m] = best[m - 1];
        best[k] = i;
        break;
      }
    }
  }
  top = best[0];
  if (top < 0)
    return c->root;
  /* schema.org articleBody wins when it carries real text */
  for (int32_t i = c->root; i < end; i++) {
    const sl_hnode *h = &d->v[i];
    if (h->tag == SL_HTAG_TEXT || h->junk)
      continue;
    const char *ip = sl_hattr(h->g, "itemprop");
    if (ip && strstr(ip, "articleBody") && h->text >= 200 && h->text * 2 >= d->v[top].text &&
        !contains(d, i, top) && !contains(d, top, i))
      return i;
    if (ip && strstr(ip, "articleBody") && h->text >= 200 && contains(d, top, i) &&
        h->text * 10 >= d->v[top].text * 7)
      return i;
  }
  /* other strong candidates under one ancestor: take the ancestor */
  float ts = final_score(&d->v[top]);
  int nalt = 0;
  int32_t alt[4];
  for (int k = 1; k < 5; k++)
    if (best[k] >= 0 && final_score(&d->v[best[k]]) >= ts * 0.75f)
      alt[nalt++] = best[k];
  if (nalt >= 3) {
    for (int32_t p = d->v[top].parent; p >= 0 && p != c->root && p != d->html; p = d->v[p].parent) {
      int in = 0;
      for (int k = 0; k < nalt; k++)
        in += contains(d, p, alt[k]);
      if (in >= 3) {
        top = p;
        break;
      }
    }
  }
  if (!d->v[top].scored)
    init_cand(c, top);
  /* climb while the parent scores better */
  float last = d->v[top].score, thresh = last / 3.0f;
  for (int32_t p = d->v[top].parent; p >= 0 && p != c->root && p != d->html; p = d->v[p].parent) {
    if (!d->v[p].scored)
      continue;
    if (d->v[p].score < thresh)
      break;
    if (d->v[p].score > last) {
      top = p;
      break;
    }
    last = d->v[p].score;
  }
  /* an only child says nothing more than its parent */
  for (;;) {
    int32_t p = d->v[top].parent;
    if (p < 0 || p == c->root || p == d->html)
      break;
    int nel = 0;
    for (int32_t k = p + 1; k < d->v[p].end; k = d->v[k].end)
      if (d->v[k].tag != SL_HTAG_TEXT && !d->v[k].junk)
        nel++;
      else if (d->v[k].tag == SL_HTAG_TEXT && d->v[k].text > 0)
        nel += 2;
    if (nel != 1)
      break;
    top = p;
  }
  return top;
}

static int ends_sentence(const sl_hdom *d, int32_t i) {
  /* last text of the subtree ends with . ! ? or a CJK/Arabic stop */
  for (int32_t k = d->v[i].end - 1; k >= i; k--) {
    const sl_hnode *h = &d->v[k];
    if (h->tag != SL_HTAG_TEXT || h->text == 0)
      continue;
    const char *t = h->g->v.text.text;
    size_t n = strlen(t);
    while (n > 0 && isspace((unsigned char)t[n - 1]))
      n--;
    if (n == 0)
      continue;
    unsigned char ch = (unsigned char)t[n - 1];
    if (ch == '.' || ch == '!' || ch == '?' || ch == '"')
      return 1;
    if (n >= 3 && (unsigned char)t[n - 3] == 0xE3 && (unsigned char)t[n - 2] == 0x80 &&
        ch == 0x82)
      return 1; /* 。 */
    if (n >= 2 && (unsigned char)t[n - 2] == 0xD8 && ch == 0x9F)
      return 1; /* Arabic question mark */
    return 0;
  }
  return 0;
}

/* Siblings of top that belong to the article (Readability's rule). */
static size_t pick_siblings(ctx *c, int32_t top, int32_t *out, size_t max) {
  sl_hdom *d = c->d;
  size_t n = 0;
  int32_t p = d->v[top].parent;
  if (p < 0 || top == c->root) {
    out[n++] = top;
    return n;
  }
  float thresh = d->v[top].score * 0.2f;
  if (thresh < 10)
    thresh = 10;
  const char *tcls = sl_hattr(d->v[top].g, "class");
  for (int32_t k = p + 1; k < d->v[p].end && n < max; k = d->v[k].end) {
    const sl_hnode *s = &d->v[k];
    if (k == top) {
      out[n++] = k;
      continue;
    }
    if (s->junk || s->tag == SL_HTAG_TEXT || s->text == 0)
      continue;
    float bonus = 0;
    const char *scls = sl_hattr(s->g, "class");
    if (tcls && scls && *tcls && !strcmp(tcls, scls))
      bonus = d->v[top].score * 0.2f;
    int take = 0;
    if (s->scored && s->score + bonus >= thresh)
      take = 1;
    else if (s->tag == GUMBO_TAG_P || (s->tag == GUMBO_TAG_DIV && !s->blockdesc)) {
      float ld = link_density(s);
      if (s->text > 80 && ld < 0.25f)
        take = 1;
      else if (s->text < 80 && s->text > 0 && ld == 0 && ends_sentence(d, k))
        take = 1;
    }
    if (take)
      out[n++] = k;
  }
  return n;
}

/* Conditional cleaning: does container i (inside the article) look like
 * a link list, gallery, form or widget rather than prose? */
static int cut_container(const ctx *c, int32_t i) {
  const sl_hdom *d = c->d;
  const sl_hnode *h = &d->v[i];
  uint16_t t = h->tag;
  if (t != GUMBO_TAG_TABLE && t != GUMBO_TAG_UL && t != GUMBO_TAG_OL && t != GUMBO_TAG_DIV &&
      t != GUMBO_TAG_SECTION && t != GUMBO_TAG_FORM && t != GUMBO_TAG_FIELDSET &&
      t != GUMBO_TAG_ASIDE && t != GUMBO_TAG_DL)
    return 0;
  if (h->quote)
    return 0;
  float weight = class_weight(c, i);
  if (weight + (h->scored ? h->score : 0) < 0)
    return 1;
  if (h->commas >= 10)
    return 0;
  float ld = link_density(h);
  int is_list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL;
  uint32_t p = h->np, img = h->nimg, li = h->nli;
  uint32_t len = h->text;
  float head = len ? (float)h->nhead / (float)len : 0;
  if (is_list && ld > 0.5f)
    return 1;
  if (img > 1 && (float)p / (float)img < 0.5f)
    return 1;
  if (!is_list && li > p + 100)
    return 1;
  if (h->ninput > p / 3)
    return 1;
  if (!is_list && head < 0.9f && len < 25 && (img == 0 || img > 2))
    return 1;
  if (!is_list && weight < 25 && ld > 0.2f)
    return 1;
  if (weight >= 25 && ld > 0.5f)
    return 1;
  if ((h->nembed == 1 && len < 75) || h->nembed > 1)
    return 1;
  return 0;
}

/* An inline box of links: a span, two links or more, 80% link text. */
static int link_box(const sl_hdom *d, int32_t i) {
  const sl_hnode *h = &d->v[i];
  return h->tag == GUMBO_TAG_SPAN && h->na >= 2 && h->text >= 40 &&
         h->ltext * 10 > h->text * 8 && !h->quote && !h->junk;
}

/* Does a smaller link box inside i hold most of its text?  Then that one
 * goes and the rest of i (the visible name of a hover card) stays. */
static int inner_link_box(const sl_hdom *d, int32_t i) {
  const sl_hnode *h = &d->v[i];
  for (int32_t k = i + 1; k < h->end && k - i < 4096; k++) /* bounded: nested boxes */
    if (link_box(d, k) && d->v[k].text * 10 >= h->text * 7)
      return 1;
  return 0;
}

/* Same text (letters compared byte-wise, whitespace ignored)? */
static int same_text(const char *a, size_t na, const char *b, size_t nb) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < na && isspace((unsigned char)a[i])) i++;
    while (j < nb && isspace((unsigned char)b[j])) j++;
    if (i == na || j == nb)
      return i == na && j == nb;
    if (a[i] != b[j])
      return 0;
    i++;
    j++;
  }
}

/* Pass 6: writes the chosen subtrees. */
static void emit(ctx *c, const int32_t *roots, size_t nroots, const char *title, sl_hbuf *out) {
  sl_hdom *d = c->d;
  int32_t stack[512];
  int sn = 0;
  size_t tn = strlen(title);
  /* a heading whose section lost all its text ("Related stories" over a
   * removed list) is taken back out */
  int32_t head = -1;
  size_t head_n = 0;
  int head_pend = 0, head_used = 0;
  for (size_t r = 0; r < nroots; r++) {
    int32_t root = roots[r];
    int32_t end = d->v[root].end;
    sl_hbuf_sep(out, 3);
    for (int32_t i = root; i < end; i++) {
      while (sn > 0 && i >= d->v[stack[sn - 1]].end) {
        int s = block_sep(d->v[stack[--sn]].tag);
        if (s)
          sl_hbuf_sep(out, s);
      }
      sl_hnode *h = &d->v[i];
      if (h->junk) {
        i = h->end - 1;
        continue;
      }
      if (h->tag == SL_HTAG_TEXT) {
        if (h->text) {
          sl_hbuf_text(out, h->g->v.text.text, strlen(h->g->v.text.text));
          if (head >= 0 && i >= d->v[head].end)
            head_used = 1;
        }
        continue;
      }
      if (i != root && cut_container(c, i)) {
        i = h->end - 1;
        continue;
      }
      /* a paragraph that is mostly a link: "Read more: ...", teasers */
      if ((h->tag == GUMBO_TAG_P || h->tag == GUMBO_TAG_LI || h->tag == GUMBO_TAG_DD ||
           (is_heading(h->tag) && h->tag != GUMBO_TAG_H1) ||
           (h->tag == GUMBO_TAG_DIV && !h->blockdesc)) &&
          ((h->ltext * 3 > h->text * 2 && h->text < 120) || h->ltext * 10 > h->text * 8) &&
          !h->quote) {
        i = h->end - 1;
        continue;
      }
      /* an inline box of several links inside running text: hover cards,
       * "see also" strips */
      if (h->text < 100 && repeated(c, i)) {
        i = h->end - 1;
        continue;
      }
      if (h->tag == GUMBO_TAG_H1) {
        i = h->end - 1;
        continue;
      }
      if (is_heading(h->tag) && tn > 0 && h->text > 0) {
        sl_hbuf hb;
        memset(&hb, 0, sizeof hb);
        hb.max = 4096;
        sl_hdom_text(d, i, &hb);
        int same = hb.p && same_text(hb.p, hb.n, title, tn);
        sl_hbuf_free(&hb);
        if (same) {
          i = h->end - 1;
          continue;
        }
      }
      if (is_heading(h->tag)) {
        if (head >= 0 && !head_used && out->n >= head_n) {
          out->n = head_n;
          out->pend = head_pend;
        }
        head = i;
        head_n = out->n;
        head_pend = out->pend;
        head_used = 0;
      }
      int s = block_sep(h->tag);
      if (s)
        sl_hbuf_sep(out, s);
      if (h->end > i + 1) {
        if (sn < (int)(sizeof stack / sizeof stack[0]))
          stack[sn++] = i;
      }
    }
    while (sn > 0) {
      int s = block_sep(d->v[stack[--sn]].tag);
      if (s)
        sl_hbuf_sep(out, s);
    }
  }
  if (head >= 0 && !head_used && out->n >= head_n) {
    out->n = head_n;
    out->pend = 0;
  }
}

static sl_rc run(ctx *c, const char *title, sl_hbuf *out) {
  int32_t roots[256];
  mark_junk(c);
  stats(c);
  /* inline boxes of links inside running text (hover cards, see-also
   * strips) go, innermost first, and the statistics are taken again
   * without them so that their paragraph does not read as a link list */
  int boxes = 0;
  for (int32_t i = 0; i < c->d->n; i++)
    if (link_box(c->d, i) && !inner_link_box(c->d, i)) {
      c->d->v[i].junk = 1;
      boxes++;
    }
  if (boxes)
    stats(c);
  score(c);
  int32_t top = pick_top(c);
  size_t nroots = pick_siblings(c, top, roots, sizeof roots / sizeof roots[0]);
  outside_set(c, roots, nroots);
  emit(c, roots, nroots, title, out);
  return out->oom ? SL_ENOMEM : SL_OK;
}

sl_rc sl_html_content(sl_hdom *d, const char *title, sl_hbuf *out) {
  sl_rc rc = SL_OK;
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.root = d->body ? d->body : 0;
  c.hint = calloc((size_t)d->n + 1, 1);
  if (!c.hint) { rc = SL_ENOMEM; goto out; }
  rc = sl_html_class_hints(d, c.hint);
  if (rc)
    goto out;
  raw_ptext(&c);
  rc = repetition(&c);
  if (rc)
    goto out;
  c.use_classes = 1;
  rc = run(&c, title, out);
  if (rc)
    goto out;
  /* too little left: the class names misled us; try again without them */
  if (sl_hcount_letters(out->p ? out->p : "", out->n, NULL) < 250) {
    sl_hbuf again;
    memset(&again, 0, sizeof again);
    again.max = out->max;
    c.use_classes = 0;
    rc = run(&c, title, &again);
    if (!rc && again.n > out->n * 2) {
      sl_hbuf_free(out);
      *out = again;
    } else {
      sl_hbuf_free(&again);
    }
  }
out:
  free(c.hint);
  free(c.bhash);
  free(c.seen);
  return rc;
}
