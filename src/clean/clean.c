/*
 * clean — page furniture out of plain-text articles (see clean.h).
 *
 * Each line is classed by its shape first: repetition of the title or of an
 * earlier line, a copy of the title's ASCII slug (related-story links),
 * embed markers (pic.twitter.com, "— Name (@handle) date"), truncated
 * teasers ("…"), short lines without sentence punctuation (captions,
 * headings, bylines, "follow us" lines), URLs and image markup.  Short cue
 * lists per language (photo credits, "read more"/"most read" headings,
 * "source:" lines) supplement the shape rules.  A "read more"/"most read"
 * heading after the body ends the article: nothing below it is kept, not
 * even as context, since it was written at crawl time, not with the story.
 * Last, consent banners and sign-up notices are taken out of body lines
 * sentence by sentence (boilerplate.c).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "analyze/normalize.h"
#include "clean/boilerplate.h"
#include "clean/clean.h"
#include "util/strmap.h"
#include "util/utf8.h"

#define MAX_LINES 200000

/* L_BANNER: a body line that was all boilerplate (boilerplate.h), kept
 * only when nothing else is */
typedef enum line_class { L_BODY, L_CONTEXT, L_DROP, L_BANNER } line_class;

typedef struct line {
  const char *z;
  size_t n;
  line_class cls;
} line;

/* Headings that open the page's trailer (most read, read more, ...). */
static const char *const TRAILER_CUES[] = {
  "xem nhiều", "đọc thêm", "đọc nhiều", "tin cùng chuyên mục", "tin khác", "bài liên quan",
  "read more", "most read", "more stories", "related stories", "related articles", "you may also like",
  "trending", "popular", "recommended", "more from", "latest news",
  "إقرأ المزيد", "اقرأ المزيد", "اقرأ أيضا", "اقرأ أيضاً", "الأكثر قراءة", "أخبار ذات صلة", "مواضيع ذات صلة",
  "читайте также", "самое читаемое", "популярное", "по теме",
  "lire aussi", "à lire aussi", "les plus lus", "mehr zum thema", "meistgelesen", "lesen sie auch",
  "lee también", "más leídas", "leggi anche", "più letti", "czytaj także", "czytaj też",
  "najczęściej czytane", "ilgili haberler", "en çok okunanlar", "相关新闻", "热门", "推荐阅读", NULL};

/* Line prefixes of photo credits and captions. */
static const char *const CAPTION_CUES[] = {
  "ảnh:", "(ảnh:", "ảnh minh họa", "(nguồn:", "photo:", "photo by", "(photo", "image:", "credit:",
  "(reuters)", "صورة", "фото:", "(фото", "foto:", "(foto", "bild:", "图片", "图:", NULL};

/* Line starts of source attributions. */
static const char *const SOURCE_CUES[] = {
  "nguồn:", "nguồn ", "(theo ", "theo ", "source:", "sources:", "source link", "المصدر:", "المصدر :",
  "источник:", "quelle:", "fuente:", "fonte:", "źródło:", "kaynak:", "来源:", "来源：", NULL};

/* Lowercases ASCII letters of z[0..n) into buf (cap bytes, NUL-ended). */
static size_t lower_copy(const char *z, size_t n, char *buf, size_t cap) {
  size_t i = 0;
  for (; i < n && i + 1 < cap; i++)
    buf[i] = (char)tolower((unsigned char)z[i]);
  buf[i] = 0;
  return i;
}

/* Lowercase for the cue checks: ASCII plus the few non-ASCII capitals the
 * cue lists start with (Đ, Ả, Ч, ...) handled through ICU's u_strToLower. */
static size_t fold_prefix(const char *z, size_t n, char *buf, size_t cap) {
  UChar u[256], l[256];
  int32_t nu = 0, nl = 0;
  UErrorCode st = U_ZERO_ERROR;
  size_t i = 0;
  if (n > 200)
    n = 200;
  /* ASCII lowers to ASCII letter by letter: ICU only for the rest */
  while (i < n && (unsigned char)z[i] < 0x80)
    i++;
  if (i == n && n < cap) {
    for (i = 0; i < n; i++)
      buf[i] = (char)(z[i] >= 'A' && z[i] <= 'Z' ? z[i] + 32 : z[i]);
    buf[n] = 0;
    return n;
  }
  /* Latin, Cyrillic and Arabic letters lower one by one, as ICU would */
  if ((i = sl_lower_simple(z, n, buf, cap)) > 0)
    return i;
  u_strFromUTF8(u, 256, &nu, z, (int32_t)n, &st);
  if (U_FAILURE(st))
    return lower_copy(z, n, buf, cap);
  nl = u_strToLower(l, 256, u, nu, "", &st);
  if (U_FAILURE(st))
    return lower_copy(z, n, buf, cap);
  int32_t nb = 0;
  u_strToUTF8(buf, (int32_t)cap - 1, &nb, l, nl, &st);
  if (U_FAILURE(st))
    return lower_copy(z, n, buf, cap);
  buf[nb] = 0;
  return (size_t)nb;
}

/* One pass per cue, stopping at the first difference (most cues differ
 * at their first byte): no strlen of every cue for every line. */
static int starts_with_any(const char *folded, const char *const *cues) {
  for (int i = 0; cues[i]; i++) {
    const char *c = cues[i], *f = folded;
    while (*c && *c == *f)
      c++, f++;
    if (!*c)
      return 1;
  }
  return 0;
}

static int equals_any(const char *folded, size_t n, const char *const *cues) {
  while (n && strchr(" :.…-–—|>»", folded[n - 1]))
    n--;
  for (int i = 0; cues[i]; i++) {
    const char *c = cues[i];
    size_t k = 0;
    while (k < n && c[k] && c[k] == folded[k])
      k++;
    if (k == n && !c[k])
      return 1;
  }
  return 0;
}

static int contains(const char *z, size_t n, const char *needle) {
  size_t m = strlen(needle), a = 0;
  /* memchr finds the candidates (memmem is not in POSIX), by the first
   * byte of the needle that is not a letter or a space: rarer in prose */
  while (a + 1 < m && (needle[a] == ' ' || ((needle[a] | 0x20) >= 'a' && (needle[a] | 0x20) <= 'z') ||
                       (unsigned char)needle[a] >= 0x80))
    a++;
  if (!m || n < m)
    return 0;
  const char *p = z + a, *last = z + (n - m) + a; /* where needle[a] may be */
  while (p <= last && (p = memchr(p, needle[a], (size_t)(last - p) + 1))) {
    if (!memcmp(p - a, needle, m))
      return 1;
    p++;
  }
  return 0;
}

static size_t count_words(const char *z, size_t n) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = z[i] == ' ' || z[i] == '\t';
    if (!sp && !in)
      w++;
    in = !sp;
  }
  return w;
}

/* Count of code points in z[0..n). */
static size_t count_chars(const char *z, size_t n) {
  size_t c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)z[i] & 0xC0) != 0x80)
      c++;
  return c;
}

/* count_chars and count_words up to max: the rules below only compare
 * the counts with small limits, and a paragraph need not be counted to
 * its end for that. */
static size_t count_chars_max(const char *z, size_t n, size_t max) {
  size_t c = 0;
  if (n <= max)
    return count_chars(z, n); /* never more code points than bytes */
  for (size_t i = 0; i < n && c < max; i++)
    if (((unsigned char)z[i] & 0xC0) != 0x80)
      c++;
  return c;
}

static size_t count_words_max(const char *z, size_t n, size_t max) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < n; i++) {
    int sp = z[i] == ' ' || z[i] == '\t';
    if (!sp && !in && ++w >= max)
      break;
    in = !sp;
  }
  return w;
}

/* 1 when the line ends like a sentence (., !, ?, ؟, 。, quote after one). */
static int ends_sentence(const char *z, size_t n) {
  while (n && (z[n - 1] == ' ' || z[n - 1] == '"' || z[n - 1] == '\'' || z[n - 1] == ')'))
    n--;
  if (n >= 3 && (!memcmp(z + n - 3, "\xE2\x80\x9D", 3) || !memcmp(z + n - 3, "\xE2\x80\x99", 3) ||
                 !memcmp(z + n - 3, "\xC2\xBB", 2)))
    n -= 3;
  if (!n)
    return 0;
  char c = z[n - 1];
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';')
    return 1;
  if (n >= 2 && !memcmp(z + n - 2, "\xD8\x9F", 2)) /* ؟ */
    return 1;
  if (n >= 3 && (!memcmp(z + n - 3, "\xE3\x80\x82", 3) || !memcmp(z + n - 3, "\xEF\xBC\x81", 3) ||
                 !memcmp(z + n - 3, "\xEF\xBC\x9F", 3))) /* 。！？ */
    return 1;
  return 0;
}

static int ends_with_ellipsis(const char *z, size_t n) {
  while (n && z[n - 1] == ' ')
    n--;
  return (n >= 3 && !memcmp(z + n - 3, "...", 3)) || (n >= 3 && !memcmp(z + n - 3, "\xE2\x80\xA6", 3));
}

/* Markdown image or link-only lines, bare URLs, "Comment (0)". */
static int is_junk(const char *z, size_t n, const char *folded) {
  if (n >= 2 && z[0] == '!' && z[1] == '[')
    return 1;
  if (!strncmp(folded, "http://", 7) || !strncmp(folded, "https://", 8) || !strncmp(folded, "www.", 4))
    return count_words(z, n) <= 2;
  if (!strncmp(folded, "source link", 11) || !strncmp(folded, "comment (", 9) ||
      !strncmp(folded, "comments (", 10) || !strncmp(folded, "bình luận (", 12))
    return 1;
  if (!strcmp(folded, "phiên bản di động") || !strcmp(folded, "bài gốc"))
    return 1;
  return 0;
}

/* Tweet and post embeds: "... pic.twitter.com/x", "— Name (@handle) date". */
static int is_embed(const char *z, size_t n) {
  /* "pic.twitter.com/" holds "twitter.com/" */
  int link = contains(z, n, "twitter.com/") || contains(z, n, "://t.co/") || contains(z, n, " t.co/");
  int dash = (n >= 3 && !memcmp(z, "\xE2\x80\x94", 3)) || (n >= 3 && !memcmp(z, "\xE2\x80\x93", 3)) ||
             (n >= 1 && z[0] == '-');
  /* a post is short; a paragraph that cites one is prose (counted last:
   * most lines have no marker) */
  return (link || (dash && contains(z, n, "(@"))) && count_chars_max(z, n, 601) <= 600;
}

typedef struct translit {
  pthread_mutex_t mu;
  UTransliterator *tr;
} translit;

static translit SLUG = {PTHREAD_MUTEX_INITIALIZER, NULL};

void sl_clean_global_cleanup(void) {
  pthread_mutex_lock(&SLUG.mu);
  utrans_close(SLUG.tr);
  SLUG.tr = NULL;
  pthread_mutex_unlock(&SLUG.mu);
}

/* The title as a web slug: ASCII, lowercase, words separated by spaces. */
static size_t slug_of(const char *z, size_t n, char *out, size_t cap) {
  UChar buf[1024];
  int32_t len = 0, lim;
  UErrorCode st = U_ZERO_ERROR;
  size_t o = 0;
  if (n > 900)
    n = 900;
  u_strFromUTF8(buf, 1024, &len, z, (int32_t)n, &st);
  if (U_FAILURE(st))
    return 0;
  pthread_mutex_lock(&SLUG.mu);
  if (!SLUG.tr) {
    static const char id[] = "Any-Latin; Latin-ASCII; Lower";
    UChar uid[64];
    u_uastrcpy(uid, id);
    SLUG.tr = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
  }
  if (SLUG.tr && U_SUCCESS(st)) {
    lim = len;
    utrans_transUChars(SLUG.tr, buf, &len, 1024, 0, &lim, &st);
  }
  pthread_mutex_unlock(&SLUG.mu);
  if (U_FAILURE(st))
    return 0;
  int space = 1;
  for (int32_t i = 0; i < len && o + 1 < cap; i++) {
    UChar c = buf[i];
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out[o++] = (char)c;
      space = 0;
    } else if (!space) {
      out[o++] = ' ';
      space = 1;
    }
  }
  while (o && out[o - 1] == ' ')
    o--;
  out[o] = 0;
  return o;
}

/* Same text, ignoring case and spacing (for repeated-line checks). */
static int same_line(const char *a, size_t na, const char *b, size_t nb) {
  size_t i = 0, j = 0;
  for (;;) {
    while (i < na && isspace((unsigned char)a[i])) i++;
    while (j < nb && isspace((unsigned char)b[j])) j++;
    if (i == na || j == nb)
      return i == na && j == nb;
    if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[j]))
      return 0;
    i++;
    j++;
  }
}

/* Short line that does not read as a sentence: caption, heading, byline. */
static int is_short_fragment(const char *z, size_t n) {
  /* the counts are compared with 2, 10, 12, 25 and 90 only */
  size_t words = count_words_max(z, n, 11), chars = count_chars_max(z, n, 90);
  int cjk_like = words <= 2 && chars > 12; /* scripts without spaces */
  if (cjk_like)
    return chars < 25 && !ends_sentence(z, n);
  return words <= 10 && chars < 90 && !ends_sentence(z, n);
}

/* A headline out of a long lead line: its first sentence, or its first
 * 200 characters cut at a space. */
static size_t title_cut(const char *z, size_t n) {
  size_t chars = 0, last_space = 0;
  for (size_t i = 0; i < n; i++) {
    if (((unsigned char)z[i] & 0xC0) == 0x80)
      continue;
    if (chars > 40 && (z[i] == '.' || z[i] == '!' || z[i] == '?') && i + 1 < n && z[i + 1] == ' ')
      return i + 1;
    if (chars > 10 && i + 3 <= n && (!memcmp(z + i, "\xE3\x80\x82", 3) || !memcmp(z + i, "\xEF\xBC\x81", 3) ||
                                     !memcmp(z + i, "\xEF\xBC\x9F", 3)))
      return i + 3; /* 。！？ end a sentence with no space after them */
    if (z[i] == ' ')
      last_space = i;
    if (++chars > 200)
      return last_space ? last_space : i;
  }
  return n;
}

static char *join_lines(const line *ls, size_t n, line_class cls, size_t *out_n) {
  size_t total = 1;
  for (size_t i = 0; i < n; i++)
    if (ls[i].cls == cls)
      total += ls[i].n + 1;
  char *out = malloc(total);
  size_t o = 0;
  if (!out)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    if (ls[i].cls != cls)
      continue;
    if (o)
      out[o++] = '\n';
    memcpy(out + o, ls[i].z, ls[i].n);
    o += ls[i].n;
  }
  out[o] = 0;
  *out_n = o;
  return out;
}

static size_t split_lines(const char *z, size_t n, line *ls, size_t cap) {
  size_t nl = 0, i = 0;
  while (i < n && nl < cap) {
    size_t s = i;
    const char *nl_at = memchr(z + i, '\n', n - i);
    i = nl_at ? (size_t)(nl_at - z) : n;
    size_t e = i;
    if (i < n)
      i++;
    while (s < e && (z[s] == ' ' || z[s] == '\t' || z[s] == '\r'))
      s++;
    while (e > s && (z[e - 1] == ' ' || z[e - 1] == '\t' || z[e - 1] == '\r'))
      e--;
    if (e > s && !(e - s == 3 && !memcmp(z + s, "\xC2\xA0", 2)))
      ls[nl++] = (line){z + s, e - s, L_BODY};
  }
  return nl;
}

sl_rc sl_clean_text(const char *z, size_t n, const char *title, sl_cleaned *out) {
  sl_rc rc = SL_OK;
  size_t cap = 1;
  for (const char *p = z, *e = z + n; (p = memchr(p, '\n', (size_t)(e - p))); p++)
    cap++;
  if (cap > MAX_LINES)
    cap = MAX_LINES;
  line *ls = calloc(cap, sizeof *ls);
  sl_strmap *seen = sl_strmap_new();
  char *kept = NULL; /* rewritten lines (boilerplate sentences out) */
  char folded[256], slug[1024], lslug[1024];
  size_t nslug = 0;
  memset(out, 0, sizeof *out);
  if (!ls || !seen) {
    free(ls);
    sl_strmap_free(seen);
    return SL_ENOMEM;
  }
  size_t nl = split_lines(z, n, ls, cap);
  size_t first = 0, strip_from = 0; /* body lines from here on may hold banners */
  const char *tz = title;
  size_t tn = title ? strlen(title) : 0;

  /* The title is the first line that is not junk or an embed. */
  if (!title) {
    for (first = 0; first < nl; first++) {
      fold_prefix(ls[first].z, ls[first].n, folded, sizeof folded);
      if (!is_junk(ls[first].z, ls[first].n, folded) && !is_embed(ls[first].z, ls[first].n))
        break;
      ls[first].cls = is_embed(ls[first].z, ls[first].n) ? L_CONTEXT : L_DROP;
    }
    if (first < nl) {
      tz = ls[first].z;
      tn = ls[first].n;
      /* a first line that reads as a full sentence is the lead, not a
       * headline: it is the title and stays in the body too */
      int lead = (ends_sentence(tz, tn) && count_words(tz, tn) >= 12) ||
                 count_words(tz, tn) > 40 || count_chars(tz, tn) > 300 || first + 1 >= nl;
      if (!lead)
        ls[first].cls = L_DROP;
      else if (count_chars(tz, tn) > 200)
        tn = title_cut(tz, tn);
      strip_from = lead ? first : first + 1; /* a lead line is body too */
      first++;
    }
  }
  if (tn)
    nslug = slug_of(tz, tn, slug, sizeof slug);

  size_t body_lines = 0;
  for (size_t i = first; i < nl; i++) {
    line *l = &ls[i];
    size_t nf = fold_prefix(l->z, l->n, folded, sizeof folded);
    if (equals_any(folded, nf, TRAILER_CUES) && body_lines >= 2) {
      for (size_t k = i; k < nl; k++)
        ls[k].cls = L_DROP;
      break;
    }
    if (is_junk(l->z, l->n, folded) || (tn && same_line(l->z, l->n, tz, tn))) {
      l->cls = L_DROP;
      continue;
    }
    /* a line the page already showed (headline repeats, captions) */
    if (sl_strmap_get(seen, l->z, l->n, NULL)) {
      l->cls = L_DROP;
      continue;
    }
    if (sl_strmap_put(seen, l->z, l->n, 1) != SL_OK) {
      rc = SL_ENOMEM;
      goto out;
    }
    /* related-story lines start with the slug itself, in ASCII: test
     * that cheaply before transliterating the line */
    if (nslug >= 12 && l->n >= 4 && !memcmp(l->z, slug, 4)) {
      size_t cut = l->n < nslug * 2 ? l->n : nslug * 2;
      while (cut < l->n && ((unsigned char)l->z[cut] & 0xC0) == 0x80)
        cut++; /* whole code points only */
      size_t nls = slug_of(l->z, cut, lslug, sizeof lslug);
      /* related-story link lines begin with the article's own URL slug */
      if (nls >= nslug && !memcmp(lslug, slug, nslug) && (nls == nslug || lslug[nslug] == ' ')) {
        l->cls = L_CONTEXT;
        continue;
      }
    }
    if (is_embed(l->z, l->n) || starts_with_any(folded, CAPTION_CUES) ||
        contains(folded, nf, " ảnh: ") || contains(folded, nf, "(nguồn:") ||
        starts_with_any(folded, SOURCE_CUES) || ends_with_ellipsis(l->z, l->n) ||
        is_short_fragment(l->z, l->n)) {
      l->cls = L_CONTEXT;
      continue;
    }
    body_lines++;
  }
  /* Consent banners, sign-up and paywall notices inside body lines
   * (boilerplate.h); the lines that lose sentences are rewritten into
   * kept, the rest left pointing into z. */
  kept = malloc(n + 1);
  if (!kept) {
    rc = SL_ENOMEM;
    goto out;
  }
  for (size_t i = strip_from, used = 0; i < nl; i++) {
    if (ls[i].cls != L_BODY)
      continue;
    size_t m = sl_boilerplate_strip(ls[i].z, ls[i].n, kept + used);
    if (m == ls[i].n && !memcmp(kept + used, ls[i].z, m))
      continue;
    if (m == 0) {
      ls[i].cls = L_BANNER;
      continue;
    }
    ls[i].z = kept + used;
    ls[i].n = m;
    used += m + 1;
  }
  /* A body line that ends in a photo credit is a caption ("… Ảnh: SANA"). */
  for (size_t i = first; i < nl; i++) {
    if (ls[i].cls != L_BODY)
      continue;
    const char *z2 = ls[i].z;
    size_t n2 = ls[i].n;
    if ((contains(z2, n2, "Ảnh: ") || contains(z2, n2, "Photo: ")) && !ends_sentence(z2, n2))
      ls[i].cls = L_CONTEXT;
  }
  out->title = tn ? strndup(tz, tn) : strdup("");
  out->text = join_lines(ls, nl, L_BODY, &out->ntext);
  out->context = join_lines(ls, nl, L_CONTEXT, &out->ncontext);
  if (!out->title || !out->text || !out->context) {
    rc = SL_ENOMEM;
    goto out;
  }
  if (out->ntext == 0) {
    /* nothing looked like prose: keep every non-junk line rather than
     * lose the document (short notices, lists) */
    free(out->text);
    for (size_t i = 0; i < nl; i++) {
      out->banner_only |= ls[i].cls == L_BANNER;
      if (ls[i].cls == L_CONTEXT || ls[i].cls == L_BANNER)
        ls[i].cls = L_BODY;
    }
    out->text = join_lines(ls, nl, L_BODY, &out->ntext);
    if (!out->text) {
      rc = SL_ENOMEM;
      goto out;
    }
    if (out->ntext == 0)
      rc = SL_EEMPTY;
    else if (!out->title[0]) {
      /* every line looked like furniture (a post quoted whole): the
       * first line of what is kept names the document */
      size_t n1 = strcspn(out->text, "\n");
      free(out->title);
      out->title = strndup(out->text, count_chars(out->text, n1) > 200 ? title_cut(out->text, n1) : n1);
      if (!out->title)
        rc = SL_ENOMEM;
    }
  }
out:
  free(ls);
  free(kept);
  sl_strmap_free(seen);
  if (rc != SL_OK)
    sl_cleaned_free(out);
  return rc;
}

void sl_cleaned_free(sl_cleaned *c) {
  if (!c)
    return;
  free(c->title);
  free(c->text);
  free(c->context);
  memset(c, 0, sizeof *c);
}
