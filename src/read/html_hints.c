/*
 * html_hints — what an element's markup says about it, for the content
 * pass of the HTML reader (html_content.c).
 *
 * Class and id names are the one place where pages describe themselves:
 * "comments", "share-bar", "related-posts", "cookie-consent", "ad-slot"
 * against "article-body", "story", "entry-content".  The names are the
 * de-facto vocabulary of web templates (English whatever the page's
 * language), so they are a supplement to the language-independent
 * signals, never the main one: strong names mark furniture even beside a
 * positive word, weak ones only alone, and html_content.c refuses any
 * mark on a container that holds most of the page's prose.  Hidden
 * elements (hidden, aria-hidden, display:none) are detected here too.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/html_int.h"

/* Names that mark furniture even next to a positive word
 * ("article-comments", "story-share", "post-related"). */
static const char *const STRONG_NEG[] = {
  "comment", "share", "sharing", "social", "related", "recommend", "promo", "advert",
  "sponsor", "cookie", "consent", "gdpr", "newsletter", "subscri", "signup", "sign-up",
  "sidebar", "breadcrumb", "navbar", "navigation", "nav-", "-nav", "menu", "footer",
  "outbrain", "taboola", "pagination", "pager", "trending", "popular", "more-stories",
  "read-more", "readmore", "disqus", "sr-only", "visually-hidden", "screen-reader",
  "skip-link", "byline", "author", "dateline", "timestamp", "tag-list", "taglist",
  "post-tags", "article-tags", "keywords", "paywall", "login", "shoutbox", "combx",
  "agegate", "donate", "recirc", "most-read", "mostread", "next-article", "prev-article",
  "newsfeed", "jump-link", "popup", "overlay", "toolbar", "follow", "print-",
  "rating", "nocontent", "caption", "standfirst",
  "-dek", "dek-", "breaking-news", "ticker", "masthead", "banner", "skyscraper",
};
/* Names that mark furniture only when nothing positive is said. */
static const char *const WEAK_NEG[] = {
  "header", "meta", "credit", "slider", "carousel", "tags", "tool", "media", "foot", "nav",
  "contact", "hidden", "extra", "legends", "remark", "replies", "supplemental",
  "signature", "teaser", "aside", "date", "alert", "tooltip", "video", "gallery",
  "slideshow", "embed", "modal", "photo", "image", "thumb", "headline", "title", "widget",
};
static const char *const POSITIVE[] = {
  "article", "content", "story", "body", "post", "entry", "main", "text", "blog",
  "hentry", "page", "column", "prose", "paragraph", "detail",
};

/* 1 when a class/id token names an advertisement slot. */
static int ad_token(const char *t, size_t n) {
  if ((n == 2 && !memcmp(t, "ad", 2)) || (n == 3 && (!memcmp(t, "ads", 3) || !memcmp(t, "adv", 3))))
    return 1;
  if (n > 3 && (!memcmp(t, "ad-", 3) || !memcmp(t, "ad_", 3)))
    return 1;
  if (n > 4 && (!memcmp(t, "ads-", 4) || !memcmp(t, "ads_", 4)))
    return 1;
  if (n > 3 && (!memcmp(t + n - 3, "-ad", 3) || !memcmp(t + n - 3, "_ad", 3)))
    return 1;
  if (n > 4 && (!memcmp(t + n - 4, "-ads", 4) || !memcmp(t + n - 4, "_ads", 4)))
    return 1;
  for (size_t i = 0; i + 4 <= n; i++)
    if (!memcmp(t + i, "-ad-", 4) || !memcmp(t + i, "_ad_", 4))
      return 1;
  return 0;
}

static int has(const char *s, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (strstr(s, list[i]))
      return 1;
  return 0;
}

/* Class/id strings repeat within a page (list items, paragraphs): a small
 * direct-mapped cache of their hints, keyed by a 64-bit hash. */
typedef struct hint_cache {
  uint64_t key[512];
  uint8_t val[512];
} hint_cache;

static uint64_t hash_attrs(const char *a, const char *b) {
  uint64_t h = 1469598103934665603ull;
  for (const char *p = a ? a : ""; *p; p++)
    h = (h ^ (unsigned char)*p) * 1099511628211ull;
  h = (h ^ 0xFFu) * 1099511628211ull;
  for (const char *p = b ? b : ""; *p; p++)
    h = (h ^ (unsigned char)*p) * 1099511628211ull;
  return h | 1u; /* never 0, the empty slot */
}

/* Tokens that describe a state rather than a role ("has-sidebar",
 * "with-image", "no-comments", "is-sticky") say nothing about content. */
static int state_token(const char *t, size_t n) {
  static const char *const pre[] = {"has-", "has_", "with-", "no-", "is-", "enable-",
                                    "show-", "hide-", "js-"};
  for (size_t i = 0; i < sizeof pre / sizeof pre[0]; i++) {
    size_t m = strlen(pre[i]);
    if (n > m && !strncasecmp(t, pre[i], m))
      return 1;
  }
  for (size_t i = 1; i + 5 < n; i++) /* "mv-create-has-image" */
    if (t[i - 1] == '-' && !strncasecmp(t + i, "has-", 4))
      return 1;
  return 0;
}

/* HINT_* bits from the element's class and id. */
static int class_hint(const GumboNode *g) {
  char s[256];
  size_t n = 0;
  const char *parts[2] = {sl_hattr(g, "class"), sl_hattr(g, "id")};
  for (int k = 0; k < 2; k++) {
    const char *p = parts[k];
    if (!p)
      continue;
    while (*p && n + 2 < sizeof s) {
      while (*p && isspace((unsigned char)*p))
        p++;
      const char *e = p;
      while (*e && !isspace((unsigned char)*e))
        e++;
      if (!state_token(p, (size_t)(e - p))) {
        for (; p < e && n + 2 < sizeof s; p++)
          s[n++] = (char)tolower((unsigned char)*p);
        s[n++] = ' ';
      }
      p = e;
    }
  }
  s[n] = 0;
  if (n == 0)
    return HINT_NONE;
  int pos = has(s, POSITIVE, sizeof POSITIVE / sizeof POSITIVE[0]);
  int strong = has(s, STRONG_NEG, sizeof STRONG_NEG / sizeof STRONG_NEG[0]);
  int weak = has(s, WEAK_NEG, sizeof WEAK_NEG / sizeof WEAK_NEG[0]);
  for (size_t i = 0; i < n && !strong;) {
    while (i < n && s[i] == ' ')
      i++;
    size_t j = i;
    while (j < n && s[j] != ' ')
      j++;
    if (j > i && ad_token(s + i, j - i))
      strong = 1;
    i = j;
  }
  int r = HINT_NONE;
  if (pos)
    r |= HINT_POS;
  if (strong || weak)
    r |= HINT_NEG;
  if (strong || (weak && !pos))
    r |= HINT_JUNK;
  if (strong)
    r |= HINT_STRONG;
  return r;
}

int sl_html_is_hidden(const GumboNode *g) {
  if (sl_hattr(g, "hidden"))
    return 1;
  const char *a = sl_hattr(g, "aria-hidden");
  if (a && !strcmp(a, "true"))
    return 1;
  const char *st = sl_hattr(g, "style");
  if (st) {
    char s[128];
    size_t n = 0;
    for (; *st && n + 1 < sizeof s; st++)
      if (*st != ' ')
        s[n++] = (char)tolower((unsigned char)*st);
    s[n] = 0;
    if (strstr(s, "display:none") || strstr(s, "visibility:hidden"))
      return 1;
  }
  return 0;
}

sl_rc sl_html_class_hints(const sl_hdom *d, uint8_t *hint) {
  hint_cache *hc = calloc(1, sizeof *hc);
  if (!hc)
    return SL_ENOMEM;
  for (int32_t i = 0; i < d->n; i++) {
    hint[i] = 0;
    if (d->v[i].tag == SL_HTAG_TEXT || d->v[i].g->type != GUMBO_NODE_ELEMENT)
      continue;
    const char *cl = sl_hattr(d->v[i].g, "class"), *id = sl_hattr(d->v[i].g, "id");
    if (!cl && !id)
      continue;
    uint64_t h = hash_attrs(cl, id);
    size_t slot = (size_t)(h % 512);
    if (hc->key[slot] != h) {
      hc->key[slot] = h;
      hc->val[slot] = (uint8_t)class_hint(d->v[i].g);
    }
    hint[i] = hc->val[slot];
  }
  free(hc);
  return SL_OK;
}
