/*
 * html_meta — page metadata for the HTML reader: title, publication date,
 * canonical URL, author, site name and the language the markup declares.
 *
 * Runs over the flat DOM (html_dom.c) after gumbo, beside the content
 * pass.  Sources, strongest first: JSON-LD (schema.org NewsArticle and
 * friends, parsed with jansson), OpenGraph / article: / twitter: meta tags,
 * itemprop microdata, <link rel=canonical>, <time datetime>, <h1>, <title>
 * (with the " | Site" part removed) and finally a date in the URL path.
 * The text of <time> and date/byline elements is kept for html.c, which
 * reads a visible dateline with the dates module once the language is
 * known.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "read/html_int.h"

#define META_MAX 2048   /* longest metadata value kept, bytes */

typedef struct cand {
  const char *z;  /* borrowed from the gumbo tree or json */
  size_t n;
} cand;

typedef struct found {
  cand og_title, tw_title, ld_headline, h1, title_tag;
  cand ld_date, meta_date, item_date, time_date;
  cand canonical, og_url, ld_url;
  cand ld_author, meta_author, item_author;
  cand og_site, ld_site, app_name;
  cand html_lang, meta_lang, og_locale;
  char *strs[64];   /* owned copies (JSON-LD values, element text) */
  int nstrs;
  char *ld_body;
  sl_hbuf datelines;
  int ndatelines;
} found;

static void setc(cand *c, const char *z) {
  if (!c->z && z) {
    while (*z && isspace((unsigned char)*z))
      z++;
    size_t n = strlen(z);
    while (n > 0 && isspace((unsigned char)z[n - 1]))
      n--;
    if (n > META_MAX) {
      n = META_MAX;
      while (n > 0 && ((unsigned char)z[n] & 0xC0) == 0x80)
        n--; /* never cut a UTF-8 sequence */
    }
    if (n > 0) {
      c->z = z;
      c->n = n;
    }
  }
}

/* Keeps a copy of s alive until the found struct is freed. */
static const char *keep(found *f, char *s) {
  if (!s)
    return NULL;
  if (f->nstrs == (int)(sizeof f->strs / sizeof f->strs[0])) {
    free(s);
    return NULL;
  }
  f->strs[f->nstrs++] = s;
  return s;
}

/* Name of a schema.org author/publisher value: string, {name}, [..]. */
static const char *json_name(json_t *v) {
  if (json_is_array(v))
    v = json_array_get(v, 0);
  if (json_is_string(v))
    return json_string_value(v);
  if (json_is_object(v)) {
    json_t *n = json_object_get(v, "name");
    if (json_is_string(n))
      return json_string_value(n);
  }
  return NULL;
}

static int type_is_article(json_t *o) {
  json_t *t = json_object_get(o, "@type");
  json_t *one = json_is_array(t) ? json_array_get(t, 0) : t;
  const char *s = json_is_string(one) ? json_string_value(one) : "";
  return strstr(s, "Article") || strstr(s, "Posting") || strstr(s, "Report") ||
         !strcmp(s, "WebPage") || strstr(s, "Blog");
}

/* Walks the JSON-LD value without recursion, taking article fields. */
static void json_ld(found *f, json_t *root) {
  json_t *stack[256];
  int sn = 0, seen = 0;
  stack[sn++] = root;
  while (sn > 0 && seen < 4096) {
    json_t *v = stack[--sn];
    seen++;
    if (json_is_array(v)) {
      for (size_t i = json_array_size(v); i-- > 0 && sn < 256;)
        stack[sn++] = json_array_get(v, i);
      continue;
    }
    if (!json_is_object(v))
      continue;
    json_t *g = json_object_get(v, "@graph");
    if (g && sn < 256)
      stack[sn++] = g;
    if (!type_is_article(v))
      continue;
    json_t *x;
    if (json_is_string(x = json_object_get(v, "headline")))
      setc(&f->ld_headline, json_string_value(x));
    if (json_is_string(x = json_object_get(v, "datePublished")))
      setc(&f->ld_date, json_string_value(x));
    else if (json_is_string(x = json_object_get(v, "dateCreated")))
      setc(&f->ld_date, json_string_value(x));
    setc(&f->ld_author, json_name(json_object_get(v, "author")));
    setc(&f->ld_site, json_name(json_object_get(v, "publisher")));
    if (json_is_string(x = json_object_get(v, "url")))
      setc(&f->ld_url, json_string_value(x));
    if (!f->ld_body && json_is_string(x = json_object_get(v, "articleBody")))
      f->ld_body = strdup(json_string_value(x));
  }
}

static void read_json_ld(found *f, const GumboNode *script) {
  const GumboVector *ch = &script->v.element.children;
  if (ch->length < 1)
    return;
  const GumboNode *t = ch->data[0];
  if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA)
    return;
  json_error_t err;
  const char *s = t->v.text.text;
  json_t *root = json_loadb(s, strlen(s), JSON_DISABLE_EOF_CHECK, &err);
  if (!root)
    return;
  /* values must outlive the json tree: copy the ones we took */
  found tmp;
  memset(&tmp, 0, sizeof tmp);
  json_ld(&tmp, root);
  cand *src[] = {&tmp.ld_headline, &tmp.ld_date, &tmp.ld_author, &tmp.ld_site, &tmp.ld_url};
  cand *dst[] = {&f->ld_headline, &f->ld_date, &f->ld_author, &f->ld_site, &f->ld_url};
  for (size_t i = 0; i < sizeof src / sizeof src[0]; i++)
    if (src[i]->z && !dst[i]->z)
      setc(dst[i], keep(f, strndup(src[i]->z, src[i]->n)));
  if (tmp.ld_body && !f->ld_body)
    f->ld_body = tmp.ld_body;
  else
    free(tmp.ld_body);
  json_decref(root);
}

/* Plain text of element i into an owned string. */
static const char *elem_text(found *f, const sl_hdom *d, int32_t i) {
  sl_hbuf b;
  memset(&b, 0, sizeof b);
  b.max = META_MAX;
  sl_hdom_text(d, i, &b);
  return keep(f, sl_hbuf_take(&b));
}

static void read_meta(found *f, const GumboNode *g) {
  const char *content = sl_hattr(g, "content");
  if (!content)
    return;
  const char *k = sl_hattr(g, "property");
  if (!k)
    k = sl_hattr(g, "name");
  if (!k)
    k = sl_hattr(g, "itemprop");
  const char *he = sl_hattr(g, "http-equiv");
  if (he && !strcasecmp(he, "content-language"))
    setc(&f->meta_lang, content);
  if (!k)
    return;
  if (!strcasecmp(k, "og:title")) setc(&f->og_title, content);
  else if (!strcasecmp(k, "twitter:title")) setc(&f->tw_title, content);
  else if (!strcasecmp(k, "og:url")) setc(&f->og_url, content);
  else if (!strcasecmp(k, "og:site_name")) setc(&f->og_site, content);
  else if (!strcasecmp(k, "application-name")) setc(&f->app_name, content);
  else if (!strcasecmp(k, "og:locale")) setc(&f->og_locale, content);
  else if (!strcasecmp(k, "datePublished")) setc(&f->item_date, content);
  else if (!strcasecmp(k, "article:published_time") || !strcasecmp(k, "og:published_time") ||
           !strcasecmp(k, "published_time") || !strcasecmp(k, "pubdate") ||
           !strcasecmp(k, "publishdate") || !strcasecmp(k, "publish-date") ||
           !strcasecmp(k, "dc.date.issued") || !strcasecmp(k, "dc.date") ||
           !strcasecmp(k, "dcterms.created") || !strcasecmp(k, "sailthru.date") ||
           !strcasecmp(k, "parsely-pub-date") || !strcasecmp(k, "article.published") ||
           !strcasecmp(k, "date") || !strcasecmp(k, "original-publish-date"))
    setc(&f->meta_date, content);
  else if (!strcasecmp(k, "author") || !strcasecmp(k, "article:author") ||
           !strcasecmp(k, "dc.creator") || !strcasecmp(k, "parsely-author") ||
           !strcasecmp(k, "sailthru.author")) {
    if (strncmp(content, "http", 4) != 0)
      setc(&f->meta_author, content);
  }
}

/* An element that shows when the page was written: <time>, or a class/id
 * naming a date, time, byline or post metadata. */
static int is_dateline(const GumboNode *g, uint16_t tag) {
  if (tag == GUMBO_TAG_TIME)
    return 1;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD)
    return 0;
  static const char *const cues[] = {"date", "time", "publish", "posted", "byline", "dateline"};
  const char *parts[2] = {sl_hattr(g, "class"), sl_hattr(g, "id")};
  for (int k = 0; k < 2; k++) {
    if (!parts[k])
      continue;
    char s[128];
    size_t n = 0;
    for (const char *p = parts[k]; *p && n + 1 < sizeof s; p++)
      s[n++] = (char)tolower((unsigned char)*p);
    s[n] = 0;
    for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++)
      if (strstr(s, cues[c]) && !strstr(s, "update"))
        return 1;
  }
  return 0;
}

/* Text of the first few dateline elements, "\n"-separated; only wanted
 * when no machine-readable date was found. */
static void collect_datelines(found *f, const sl_hdom *d) {
  for (int32_t i = 0; i < d->n && f->ndatelines < 8; i++) {
    const sl_hnode *h = &d->v[i];
    if (h->tag == SL_HTAG_TEXT || h->tag == SL_HTAG_DOC || h->g->type != GUMBO_NODE_ELEMENT ||
        h->end - i >= 64 || !is_dateline(h->g, h->tag))
      continue;
    sl_hbuf b;
    memset(&b, 0, sizeof b);
    b.max = 256;
    sl_hdom_text(d, i, &b);
    if (b.n > 0 && b.n < 200) {
      sl_hbuf_sep(&f->datelines, 2);
      sl_hbuf_add(&f->datelines, b.p, b.n);
      f->ndatelines++;
    }
    sl_hbuf_free(&b);
  }
}

static void collect(found *f, const sl_hdom *d) {
  for (int32_t i = 0; i < d->n; i++) {
    const sl_hnode *h = &d->v[i];
    if (h->tag == SL_HTAG_TEXT)
      continue;
    const GumboNode *g = h->g;
    if (g->type != GUMBO_NODE_ELEMENT)
      continue;
    switch (h->tag) {
    case GUMBO_TAG_HTML:
      setc(&f->html_lang, sl_hattr(g, "lang"));
      setc(&f->html_lang, sl_hattr(g, "xml:lang"));
      break;
    case GUMBO_TAG_TITLE:
      if (!f->title_tag.z)
        setc(&f->title_tag, elem_text(f, d, i));
      break;
    case GUMBO_TAG_META:
      read_meta(f, g);
      break;
    case GUMBO_TAG_LINK: {
      const char *rel = sl_hattr(g, "rel");
      if (rel && !strcasecmp(rel, "canonical"))
        setc(&f->canonical, sl_hattr(g, "href"));
      break;
    }
    case GUMBO_TAG_SCRIPT: {
      const char *ty = sl_hattr(g, "type");
      if (ty && strstr(ty, "ld+json"))
        read_json_ld(f, g);
      break;
    }
    case GUMBO_TAG_H1:
      if (!f->h1.z)
        setc(&f->h1, elem_text(f, d, i));
      break;
    case GUMBO_TAG_TIME:
      if (!f->time_date.z)
        setc(&f->time_date, sl_hattr(g, "datetime"));
      break;
    default:
      break;
    }
    const char *ip = sl_hattr(g, "itemprop");
    if (ip && h->tag != GUMBO_TAG_META) {
      if (!strcmp(ip, "datePublished")) {
        const char *v = sl_hattr(g, "datetime");
        if (!v) v = sl_hattr(g, "content");
        setc(&f->item_date, v);
      } else if (!strcmp(ip, "author") && !f->item_author.z) {
        setc(&f->item_author, elem_text(f, d, i));
      }
    }
  }
}

int sl_html_norm_date(const char *z, size_t n, char out[32]) {
  static const char *const mon[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                    "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t i = 0;
  while (i < n && isspace((unsigned char)z[i]))
    i++;
  z += i;
  n -= i;
  /* YYYY-MM-DD or YYYY/MM/DD, optional time */
  if (n >= 10 && isdigit((unsigned char)z[0]) && isdigit((unsigned char)z[1]) &&
      isdigit((unsigned char)z[2]) && isdigit((unsigned char)z[3]) &&
      (z[4] == '-' || z[4] == '/' || z[4] == '.') && isdigit((unsigned char)z[5]) &&
      isdigit((unsigned char)z[6]) && z[7] == z[4] && isdigit((unsigned char)z[8]) &&
      isdigit((unsigned char)z[9])) {
    int y = (z[0] - '0') * 1000 + (z[1] - '0') * 100 + (z[2] - '0') * 10 + (z[3] - '0');
    int m = (z[5] - '0') * 10 + (z[6] - '0'), d = (z[8] - '0') * 10 + (z[9] - '0');
    if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
      return 0;
    size_t k = 10;
    if (n >= 16 && (z[10] == 'T' || z[10] == ' ') && isdigit((unsigned char)z[11]) &&
        z[13] == ':') {
      k = 11;
      while (k < n && k < 31 && (isdigit((unsigned char)z[k]) || z[k] == ':' || z[k] == '.' ||
                                 z[k] == '+' || z[k] == '-' || z[k] == 'Z'))
        k++;
    }
    memcpy(out, z, k);
    out[4] = out[7] = '-';
    if (k > 10)
      out[10] = 'T';
    out[k] = 0;
    return 1;
  }
  /* RFC 822: [Wed, ]20 Nov 2019 ... */
  size_t p = 0;
  if (n > 5 && z[3] == ',')
    p = 4;
  while (p < n && z[p] == ' ')
    p++;
  int d = 0, y = 0, m = -1;
  while (p < n && isdigit((unsigned char)z[p]) && d < 100)
    d = d * 10 + (z[p++] - '0');
  while (p < n && z[p] == ' ')
    p++;
  for (int k = 0; k < 12 && p + 3 <= n; k++)
    if (!strncasecmp(z + p, mon[k], 3))
      m = k;
  p += 3;
  while (p < n && isalpha((unsigned char)z[p]))
    p++;
  while (p < n && z[p] == ' ')
    p++;
  int nd = 0;
  while (p < n && isdigit((unsigned char)z[p]) && nd < 4) {
    y = y * 10 + (z[p++] - '0');
    nd++;
  }
  if (m < 0 || d < 1 || d > 31 || nd != 4 || y < 1900 || y > 2100)
    return 0;
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + (m + 1) / 10);
  out[6] = (char)('0' + (m + 1) % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = 0;
  return 1;
}

/* A /2026/01/28/ or /2026-01-28 style date in a URL path. */
static int url_date(const char *u, size_t n, char out[32]) {
  for (size_t i = 0; i + 10 <= n; i++) {
    if (u[i] != '/' || !isdigit((unsigned char)u[i + 1]))
      continue;
    const char *s = u + i + 1;
    size_t r = n - i - 1;
    if (r >= 10 && (s[0] == '1' || s[0] == '2') && isdigit((unsigned char)s[1]) &&
        isdigit((unsigned char)s[2]) && isdigit((unsigned char)s[3]) &&
        (s[4] == '/' || s[4] == '-') && isdigit((unsigned char)s[5]) &&
        isdigit((unsigned char)s[6]) && s[7] == s[4] && isdigit((unsigned char)s[8]) &&
        isdigit((unsigned char)s[9]) && (r == 10 || !isdigit((unsigned char)s[10])))
      return sl_html_norm_date(s, 10, out);
  }
  return 0;
}

/* Separators between a headline and the site name in <title>. */
static size_t sep_at(const char *t, size_t n, size_t i) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                     " :: ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " / ", " \xC2\xBB "};
  for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
    size_t l = strlen(seps[k]);
    if (i + l <= n && !memcmp(t + i, seps[k], l))
      return l;
  }
  return 0;
}

static size_t words(const char *z, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = z[i] == ' ';
    if (!sp && !in)
      w++;
    in = !sp;
  }
  return w;
}

size_t sl_html_clean_title(const char *t, size_t n, const char *site, size_t nsite, size_t *start) {
  size_t first = 0, last = 0, firstlen = 0, lastlen = 0;
  *start = 0;
  for (size_t i = 0; i < n; i++) {
    size_t l = sep_at(t, n, i);
    if (!l)
      continue;
    if (!first) { first = i; firstlen = l; }
    last = i;
    lastlen = l;
    i += l - 1;
  }
  if (!first)
    return n;
  /* the site name after the last separator: "Headline | Site" */
  const char *tail = t + last + lastlen;
  size_t ntail = n - last - lastlen;
  int tail_is_site = site && nsite && ntail <= nsite + 4 && strncasecmp(tail, site, nsite) == 0;
  const char *head = t;
  size_t nhead = first;
  int head_is_site = site && nsite && nhead <= nsite + 4 && strncasecmp(head, site, nsite) == 0;
  if (head_is_site && !tail_is_site && words(t + first + firstlen, n - first - firstlen) >= 3) {
    *start = first + firstlen;
    return n - *start;
  }
  if (tail_is_site || (words(tail, ntail) <= 4 && words(t, last) >= 3))
    return last;
  return n;
}

static char *dup_cand(const cand *c) {
  return strndup(c->z ? c->z : "", c->z ? c->n : 0);
}

sl_rc sl_html_meta(const sl_hdom *d, sl_hmeta *m) {
  sl_rc rc = SL_OK;
  found f;
  char date[32];

  memset(&f, 0, sizeof f);
  memset(m, 0, sizeof *m);
  collect(&f, d);

  const cand *site = f.og_site.z ? &f.og_site : f.ld_site.z ? &f.ld_site : &f.app_name;
  m->site_name = dup_cand(site);

  /* Title: structured sources first, then h1, then <title>; strip the
   * site name from whichever we take. */
  const cand *t = f.og_title.z ? &f.og_title : f.tw_title.z ? &f.tw_title
                : f.ld_headline.z ? &f.ld_headline : f.h1.z ? &f.h1 : &f.title_tag;
  if (t->z) {
    size_t st = 0, tn = sl_html_clean_title(t->z, t->n, site->z, site->n, &st);
    while (tn > 0 && isspace((unsigned char)t->z[st + tn - 1]))
      tn--;
    m->title = strndup(t->z + st, tn);
  } else {
    m->title = strdup("");
  }

  /* Date: JSON-LD, meta, microdata, <time>, then the URL path. */
  const cand *dc[] = {&f.ld_date, &f.meta_date, &f.item_date, &f.time_date};
  date[0] = 0;
  for (size_t i = 0; i < sizeof dc / sizeof dc[0] && !date[0]; i++)
    if (dc[i]->z && !sl_html_norm_date(dc[i]->z, dc[i]->n, date))
      date[0] = 0;
  const cand *u = f.canonical.z ? &f.canonical : f.og_url.z ? &f.og_url : &f.ld_url;
  if (!date[0] && u->z && !url_date(u->z, u->n, date))
    date[0] = 0;
  m->published = strdup(date);
  if (!date[0])
    collect_datelines(&f, d);
  m->url = dup_cand(u);

  const cand *a = f.ld_author.z ? &f.ld_author : f.meta_author.z ? &f.meta_author : &f.item_author;
  m->author = dup_cand(a);

  /* Language: <html lang>, content-language, og:locale; "pt-BR" -> "pt". */
  const cand *l = f.html_lang.z ? &f.html_lang : f.meta_lang.z ? &f.meta_lang : &f.og_locale;
  size_t ln = 0;
  char lang[8];
  while (l->z && ln < l->n && ln < 7 && isalpha((unsigned char)l->z[ln])) {
    lang[ln] = (char)tolower((unsigned char)l->z[ln]);
    ln++;
  }
  lang[ln >= 2 && ln <= 3 ? ln : 0] = 0;
  m->lang = strdup(lang);
  m->ld_body = f.ld_body ? f.ld_body : strdup("");
  f.ld_body = NULL;
  m->datelines = f.datelines.n ? sl_hbuf_take(&f.datelines) : strdup("");

  if (!m->title || !m->site_name || !m->published || !m->url || !m->author || !m->lang ||
      !m->ld_body || !m->datelines) {
    rc = SL_ENOMEM;
    sl_hmeta_free(m);
  }
  for (int i = 0; i < f.nstrs; i++)
    free(f.strs[i]);
  free(f.ld_body);
  sl_hbuf_free(&f.datelines);
  return rc;
}

void sl_hmeta_free(sl_hmeta *m) {
  if (!m)
    return;
  free(m->title);
  free(m->published);
  free(m->url);
  free(m->author);
  free(m->site_name);
  free(m->lang);
  free(m->ld_body);
  free(m->datelines);
  memset(m, 0, sizeof *m);
}
