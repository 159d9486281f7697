/*
 * test_html — unit tests for the HTML reader (src/read/html*.c): charset
 * detection and conversion (windows-1256 Arabic, windows-1258 Vietnamese,
 * GB18030, wrong declarations, sniffing), gzip, title cleanup, dates from
 * JSON-LD/meta/URL, main content chosen over navigation and related lists,
 * and hostile input: 100,000 nested tags, binary junk, truncated markup.
 * Runs with cwd = repository root (pages under tests/data/html/).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <zlib.h>

#include "read/html.h"
#include "read/html_int.h"
#include "check_main.h"

/* ---- helpers ------------------------------------------------------------- */

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  if (!f)
    return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  if (len >= 0 && (buf = malloc((size_t)len + 1)) != NULL) {
    *n = fread(buf, 1, (size_t)len, f);
    buf[*n] = 0;
  }
  fclose(f);
  return buf;
}

/* First occurrence of s in z[0..n), or NULL. */
static const char *find(const char *z, size_t n, const char *s) {
  size_t m = strlen(s);
  for (size_t i = 0; i + m <= n; i++)
    if (!memcmp(z + i, s, m))
      return z + i;
  return NULL;
}

/* Converts UTF-8 s to charset cs with ICU; caller frees. */
static char *encode(const char *cs, const char *s, size_t *n) {
  UErrorCode err = U_ZERO_ERROR;
  size_t cap = strlen(s) * 4 + 16;
  char *out = malloc(cap);
  ck_assert_ptr_nonnull(out);
  int32_t len = ucnv_convert(cs, "UTF-8", out, (int32_t)cap, s, (int32_t)strlen(s), &err);
  ck_assert_msg(U_SUCCESS(err), "ucnv_convert to %s: %s", cs, u_errorName(err));
  *n = (size_t)len;
  return out;
}

/* A page around body text p, with an optional <meta charset>. */
static char *page(const char *charset_decl, const char *title, const char *p) {
  size_t cap = strlen(p) * 3 + strlen(title) + 1024;
  char *s = malloc(cap);
  ck_assert_ptr_nonnull(s);
  snprintf(s, cap,
           "<html><head>%s<title>%s</title></head><body>"
           "<div class=\"nav\"><a href=\"/\">Home</a> <a href=\"/x\">World</a></div>"
           "<article><p>%s</p><p>%s</p><p>%s</p></article></body></html>",
           charset_decl, title, p, p, p);
  return s;
}

static sl_html_article extract_ok(const char *z, size_t n) {
  sl_html_article a;
  sl_rc rc = sl_html_extract(z, n, &a);
  ck_assert_msg(rc == SL_OK, "sl_html_extract: %s", sl_strerror(rc));
  return a;
}

/* ---- charsets -------------------------------------------------------------- */

static const char *AR =
    "\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x82\xd8\xa8\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a"
    "\xd8\xb3 \xd8\xa7\xd9\x84\xd8\xb1\xd9\x88\xd8\xb3\xd9\x8a \xd9\x81\xd9\x84\xd8\xa7\xd8\xaf"
    "\xd9\x8a\xd9\x85\xd9\x8a\xd8\xb1 \xd8\xa8\xd9\x88\xd8\xaa\xd9\x8a\xd9\x86\xd8\x8c \xd9\x8a"
    "\xd9\x88\xd9\x85 \xd8\xa7\xd9\x84\xd8\xa3\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1\xd8\x8c "
    "\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3 \xd8\xa7\xd9\x84\xd8\xb3\xd9\x88\xd8\xb1"
    "\xd9\x8a \xd8\xa8\xd8\xb4\xd8\xa7\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xa3\xd8\xb3\xd8\xaf \xd9\x81"
    "\xd9\x8a \xd8\xa7\xd9\x84\xd9\x83\xd8\xb1\xd9\x85\xd9\x84\xd9\x8a\xd9\x86.";

START_TEST(charset_windows1256_arabic) {
  size_t nb;
  char *html = page("<meta charset=\"windows-1256\">", "t", AR);
  char *bytes = encode("windows-1256", html, &nb);
  ck_assert_ptr_null(find(bytes, nb, AR)); /* really re-encoded */
  sl_html_article a = extract_ok(bytes, nb);
  ck_assert_ptr_nonnull(strstr(a.text, AR));
  ck_assert_str_eq(a.lang, "ar");
  sl_html_article_free(&a);
  free(bytes);
  free(html);
}
END_TEST

START_TEST(charset_http_equiv_and_sniffing) {
  size_t nb;
  /* http-equiv declaration */
  char *html = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
                    "t", AR);
  char *bytes = encode("windows-1256", html, &nb);
  sl_html_article a = extract_ok(bytes, nb);
  ck_assert_ptr_nonnull(strstr(a.text, AR));
  sl_html_article_free(&a);
  free(bytes);
  free(html);
  /* no declaration at all: ICU's detector has to find windows-1256 */
  html = page("", "t", AR);
  bytes = encode("windows-1256", html, &nb);
  a = extract_ok(bytes, nb);
  ck_assert_msg(strstr(a.text, AR) != NULL, "sniffed text: %s", a.text);
  sl_html_article_free(&a);
  free(bytes);
  free(html);
}
END_TEST

/* Vietnamese as windows-1258 writes it: letters with their vowel marks
 * precomposed, tones as combining marks. */
static const char *VI =
    "Vi\xc3\xaa\xcc\xa3t Nam va\xcc\x80 Nga \xc4\x91" "a\xcc\x83 ky\xcc\x81 k\xc3\xaa\xcc\x81 "
    "hoa\xcc\xa3" "ch ha\xcc\xa3 t\xc3\xa2\xcc\x80ng, \xc6\xb0\xcc\x81ng du\xcc\xa3ng c\xc3\xb4ng "
    "ngh\xc3\xaa\xcc\xa3 va\xcc\x80 \xc4\x91\xc6\xb0\xc6\xa1\xcc\x80ng s\xc4\x83\xcc\x81t.";

START_TEST(charset_windows1258_vietnamese) {
  size_t nb;
  char *html = page("<meta charset=\"windows-1258\">", "t", VI);
  char *bytes = encode("windows-1258", html, &nb);
  sl_html_article a = extract_ok(bytes, nb);
  ck_assert_ptr_null(find(bytes, nb, VI));
  ck_assert_msg(strstr(a.text, VI) != NULL, "text: %s", a.text);
  ck_assert_ptr_null(strstr(a.text, "\xef\xbf\xbd"));  /* no U+FFFD */
  sl_html_article_free(&a);
  free(bytes);
  free(html);
}
END_TEST

static const char *ZH =
    "\xe4\xbf\x84\xe7\xbd\x97\xe6\x96\xaf\xe6\x80\xbb\xe7\xbb\x9f\xe6\x99\xae\xe4\xba\xac\xe5"
    "\x9c\xa8\xe5\x85\x8b\xe9\x87\x8c\xe5\xa7\x86\xe6\x9e\x97\xe5\xae\xab\xe4\xbc\x9a\xe8\xa7"
    "\x81\xe5\x8f\x99\xe5\x88\xa9\xe4\xba\x9a\xe6\x80\xbb\xe7\xbb\x9f\xef\xbc\x8c\xe5\x8f\x8c"
    "\xe6\x96\xb9\xe8\xae\xa8\xe8\xae\xba\xe4\xba\x86\xe7\xbb\x8f\xe8\xb4\xb8\xe5\x90\x88\xe4"
    "\xbd\x9c\xe5\x92\x8c\xe5\x9c\xb0\xe5\x8c\xba\xe5\xbd\xa2\xe5\x8a\xbf\xe3\x80\x82";

START_TEST(charset_gb18030_and_gb2312_label) {
  size_t nb;
  char *html = page("<meta charset=\"gb2312\">", "t", ZH);
  char *bytes = encode("GB18030", html, &nb);
  ck_assert_ptr_null(find(bytes, nb, ZH));
  sl_html_article a = extract_ok(bytes, nb);
  ck_assert_ptr_nonnull(strstr(a.text, ZH));
  sl_html_article_free(&a);
  free(bytes);
  free(html);
}
END_TEST

START_TEST(charset_wrong_declaration_prefers_utf8) {
  char *html = page("<meta charset=\"iso-8859-1\">", "t", AR);
  sl_html_article a = extract_ok(html, strlen(html));
  ck_assert_ptr_nonnull(strstr(a.text, AR));
  sl_html_article_free(&a);
  free(html);
}
END_TEST

START_TEST(charset_invalid_utf8_becomes_fffd) {
  const char *html = "<html><head><meta charset=\"utf-8\"></head><body><p>"
                     "A long enough paragraph of text with one bad byte \xff here, "
                     "and then some more words so that it reads as prose.</p></body></html>";
  sl_html_article a = extract_ok(html, strlen(html));
  ck_assert_ptr_nonnull(strstr(a.text, "bad byte \xef\xbf\xbd here"));
  sl_html_article_free(&a);
}
END_TEST

/* ---- gzip ---------------------------------------------------------------- */

static char *gzip_bytes(const char *z, size_t n, size_t *nout) {
  z_stream s;
  memset(&s, 0, sizeof s);
  ck_assert_int_eq(deflateInit2(&s, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  size_t cap = deflateBound(&s, (uLong)n) + 32;
  char *out = malloc(cap);
  ck_assert_ptr_nonnull(out);
  s.next_in = (Bytef *)(uintptr_t)z;
  s.avail_in = (uInt)n;
  s.next_out = (Bytef *)out;
  s.avail_out = (uInt)cap;
  ck_assert_int_eq(deflate(&s, Z_FINISH), Z_STREAM_END);
  *nout = s.total_out;
  deflateEnd(&s);
  return out;
}

START_TEST(gzip_page_same_as_plain) {
  size_t n, ng;
  char *html = slurp("tests/data/html/article_nav.html", &n);
  ck_assert_ptr_nonnull(html);
  char *gz = gzip_bytes(html, n, &ng);
  ck_assert_uint_eq((unsigned char)gz[0], 0x1f);
  sl_html_article a = extract_ok(html, n), b = extract_ok(gz, ng);
  ck_assert_str_eq(a.text, b.text);
  ck_assert_str_eq(a.title, b.title);
  sl_html_article_free(&a);
  sl_html_article_free(&b);
  /* truncated gzip: best effort or a clean error, never a crash */
  sl_html_article c;
  sl_rc rc = sl_html_extract(gz, ng / 2, &c);
  ck_assert(rc == SL_OK || rc == SL_EEMPTY || rc == SL_EBINARY);
  if (rc == SL_OK)
    ck_assert_ptr_nonnull(strstr(c.text, "two presidents met"));
  sl_html_article_free(&c);
  free(gz);
  free(html);
}
END_TEST

START_TEST(gzip_bomb_is_capped) {
  /* 70 MB of zeros inflates past SL_MAX_INPUT_BYTES */
  size_t big = 70u * 1024u * 1024u, ng;
  char *zeros = calloc(1, big);
  ck_assert_ptr_nonnull(zeros);
  char *gz = gzip_bytes(zeros, big, &ng);
  free(zeros);
  char *out = NULL;
  size_t nout = 0;
  ck_assert_int_eq(sl_html_gunzip(gz, ng, SL_MAX_INPUT_BYTES, &out, &nout), SL_ETOOBIG);
  ck_assert_ptr_null(out);
  sl_html_article a;
  ck_assert_int_eq(sl_html_extract(gz, ng, &a), SL_ETOOBIG);
  free(gz);
}
END_TEST

/* ---- metadata ------------------------------------------------------------ */

static void title_is(const char *t, const char *site, const char *want) {
  size_t st = 0, n = sl_html_clean_title(t, strlen(t), site, site ? strlen(site) : 0, &st);
  ck_assert_msg(n == strlen(want) && !memcmp(t + st, want, n), "clean_title(%s) = %.*s", t,
                (int)n, t + st);
}

START_TEST(title_cleanup) {
  title_is("Leaders meet in Moscow to discuss trade | The Daily Example", NULL,
           "Leaders meet in Moscow to discuss trade");
  title_is("Leaders meet in Moscow to discuss trade - BBC News", "BBC News",
           "Leaders meet in Moscow to discuss trade");
  title_is("BBC News - Leaders meet in Moscow to discuss trade", "BBC News",
           "Leaders meet in Moscow to discuss trade");
  /* a dash inside the headline is not a site separator */
  title_is("Putin - Assad talks end with long statement on energy and trade", NULL,
           "Putin - Assad talks end with long statement on energy and trade");
  title_is("Plain headline without site", NULL, "Plain headline without site");
}
END_TEST

START_TEST(meta_from_tags) {
  size_t n;
  char *html = slurp("tests/data/html/article_nav.html", &n);
  ck_assert_ptr_nonnull(html);
  sl_html_article a = extract_ok(html, n);
  ck_assert_str_eq(a.title, "Leaders meet in Moscow to discuss trade");
  ck_assert_str_eq(a.published, "2026-01-28T14:05:00Z");
  ck_assert_str_eq(a.url, "https://example.com/world/2026/01/28/leaders-meet-moscow");
  ck_assert_str_eq(a.author, "Jane Reporter");
  ck_assert_str_eq(a.site_name, "The Daily Example");
  ck_assert_str_eq(a.lang, "en");
  sl_html_article_free(&a);
  free(html);
}
END_TEST

START_TEST(meta_json_ld_and_url_date) {
  size_t n;
  char *html = slurp("tests/data/html/arabic.html", &n);
  ck_assert_ptr_nonnull(html);
  sl_html_article a = extract_ok(html, n);
  ck_assert_str_eq(a.published, "2026-01-28T10:00:00+03:00");
  ck_assert_str_eq(a.site_name, "\xd9\x85\xd9\x88\xd9\x82\xd8\xb9 \xd8\xa7\xd9\x84\xd8\xa3"
                                "\xd8\xae\xd8\xa8\xd8\xa7\xd8\xb1");
  ck_assert_str_eq(a.lang, "ar");
  ck_assert_ptr_nonnull(strstr(a.title, "\xd8\xa8\xd9\x88\xd8\xaa\xd9\x8a\xd9\x86")); /* بوتين */
  ck_assert_ptr_null(strstr(a.title, " - "));
  sl_html_article_free(&a);
  free(html);

  const char *u = "<html><head><link rel=\"canonical\" href=\"https://x.org/news/2025/02/14/call\">"
                  "</head><body><p>The two presidents spoke by phone on Friday about the war, "
                  "trade and energy, their offices said in statements.</p></body></html>";
  a = extract_ok(u, strlen(u));
  ck_assert_str_eq(a.published, "2025-02-14");
  sl_html_article_free(&a);

  /* no machine-readable date: the visible dateline */
  const char *v = "<html lang=\"en\"><body><div class=\"post-date\">Published 28 January 2026</div>"
                  "<p>The two presidents met at the Kremlin on Wednesday and spoke for three "
                  "hours about trade, energy and security, officials said.</p></body></html>";
  a = extract_ok(v, strlen(v));
  ck_assert_str_eq(a.published, "2026-01-28");
  ck_assert_ptr_null(strstr(a.text, "Published"));
  sl_html_article_free(&a);

  char d[32];
  ck_assert(sl_html_norm_date("Wed, 28 Jan 2026 10:00:00 GMT", 29, d));
  ck_assert_str_eq(d, "2026-01-28");
  ck_assert(!sl_html_norm_date("yesterday", 9, d));
}
END_TEST

/* ---- main content -------------------------------------------------------- */

START_TEST(content_over_navigation_and_related) {
  size_t n;
  char *html = slurp("tests/data/html/article_nav.html", &n);
  ck_assert_ptr_nonnull(html);
  sl_html_article a = extract_ok(html, n);
  ck_assert_msg(!strncmp(a.text, "The two presidents met at the Kremlin", 37), "text: %s", a.text);
  ck_assert_ptr_nonnull(strstr(a.text, "meet again in the spring"));
  ck_assert_ptr_nonnull(strstr(a.text, "\n\nEnergy at the centre\n\n")); /* in-article heading */
  const char *absent[] = {"World", "cookie", "Share on", "Related stories", "Sochi",
                          "Most read", "irrelevant reader comment", "Copyright", "not text",
                          "Jane Reporter, 28"};
  for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++)
    ck_assert_msg(strstr(a.text, absent[i]) == NULL, "'%s' leaked into: %s", absent[i], a.text);
  sl_html_article_free(&a);
  free(html);
}
END_TEST

START_TEST(content_arabic_and_vietnamese) {
  size_t n;
  char *html = slurp("tests/data/html/arabic.html", &n);
  ck_assert_ptr_nonnull(html);
  sl_html_article a = extract_ok(html, n);
  /* first paragraph first, menu and related list gone */
  ck_assert_ptr_nonnull(strstr(a.text, "\xd8\xa7\xd8\xb3\xd8\xaa\xd9\x82\xd8\xa8\xd9\x84"));
  ck_assert_ptr_null(strstr(a.text, "\xd8\xb1\xd9\x8a\xd8\xa7\xd8\xb6\xd8\xa9")); /* رياضة */
  ck_assert_ptr_null(strstr(a.text, "\xd8\xb0\xd8\xa7\xd8\xaa \xd8\xb5\xd9\x84\xd8\xa9")); /* ذات صلة */
  ck_assert_ptr_nonnull(strstr(a.text, ".\n\n"));
  sl_html_article_free(&a);
  free(html);

  html = slurp("tests/data/html/vietnamese.html", &n);
  ck_assert_ptr_nonnull(html);
  a = extract_ok(html, n);
  ck_assert(!strncmp(a.text, "T\xe1\xbb\x95ng th\xe1\xbb\x91ng Nga Vladimir Putin", 29));
  ck_assert_ptr_null(strstr(a.text, "Trang ch"));
  ck_assert_ptr_null(strstr(a.text, "Tin li\xc3\xaan quan"));
  ck_assert_ptr_null(strstr(a.text, "B\xe1\xba\xa3n quy\xe1\xbb\x81n"));
  /* <html lang="en"> is wrong: the text is Vietnamese */
  ck_assert_str_eq(a.lang, "vi");
  ck_assert_str_eq(a.published, "2026-01-29");
  sl_html_article_free(&a);
  free(html);
}
END_TEST

START_TEST(content_hover_cards_orphan_headings_repeats) {
  const char *t =
      "<html><body><div class=\"menu-x\"><div>Advertisement</div></div><article>"
      "<p>A man pleaded guilty to threatening Rep. <span class=\"card\"><a href=\"/p\">Jane Doe</a>"
      "<span class=\"card-block\"><a href=\"/1\">Jane Doe backs the new funding bill in the House</a>"
      "<a href=\"/2\">Jane Doe answers critics at a town hall meeting</a></span></span>, the "
      "prosecutor's office announced on Monday, after a hearing.</p>"
      "<div>Advertisement</div>"
      "<p>He faces up to ten years in prison when he is sentenced in the spring, according to "
      "court papers filed with the plea agreement.</p>"
      "<h3>You may also like</h3><ul class=\"related-links\"><li><a href=\"/3\">Another story "
      "about something else entirely</a></li></ul></article></body></html>";
  sl_html_article a = extract_ok(t, strlen(t));
  ck_assert_msg(strstr(a.text, "threatening Rep. Jane Doe, the prosecutor") != NULL, "text: %s", a.text);
  ck_assert_ptr_null(strstr(a.text, "funding bill"));
  ck_assert_ptr_null(strstr(a.text, "Advertisement"));
  ck_assert_ptr_null(strstr(a.text, "You may also like"));
  ck_assert_ptr_nonnull(strstr(a.text, "plea agreement."));
  sl_html_article_free(&a);
}
END_TEST

/* ---- hostile input ------------------------------------------------------- */

START_TEST(deep_nesting_100000) {
  const size_t depth = 100000;
  const char *para = "<p>Deep inside the nesting there is still a paragraph of text, "
                     "long enough, with commas, to read as prose.</p>";
  size_t np = strlen(para), n = 0;
  char *z = malloc(depth * 11 + np + 1);
  ck_assert_ptr_nonnull(z);
  for (size_t i = 0; i < depth; i++) {
    memcpy(z + n, "<div>", 5);
    n += 5;
  }
  memcpy(z + n, para, np);
  n += np;
  for (size_t i = 0; i < depth; i++) {
    memcpy(z + n, "</div>", 6);
    n += 6;
  }
  sl_html_article a;
  sl_rc rc = sl_html_extract(z, n, &a);
  ck_assert_int_eq(rc, SL_OK);
  ck_assert_ptr_nonnull(strstr(a.text, "Deep inside the nesting"));
  sl_html_article_free(&a);
  /* unclosed inline formatting tags, the other slow path of HTML5 */
  n = 0;
  for (size_t i = 0; i < depth; i++) {
    memcpy(z + n, "<b><i>", 6);
    n += 6;
  }
  memcpy(z + n, para, np);
  n += np;
  rc = sl_html_extract(z, n, &a);
  ck_assert(rc == SL_OK || rc == SL_EEMPTY);
  sl_html_article_free(&a);
  free(z);
}
END_TEST

START_TEST(binary_junk_refused) {
  unsigned char junk[4096];
  uint32_t x = 2463534242u;
  for (size_t i = 0; i < sizeof junk; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    junk[i] = (unsigned char)x;
  }
  sl_html_article a;
  ck_assert_int_eq(sl_html_extract((const char *)junk, sizeof junk, &a), SL_EBINARY);
  ck_assert_ptr_null(a.text);
  ck_assert_int_eq(sl_html_extract("", 0, &a), SL_EEMPTY);
  ck_assert_int_eq(sl_html_extract("<html><body></body></html>", 26, &a), SL_EEMPTY);
}
END_TEST

START_TEST(truncated_html_best_effort) {
  size_t n;
  char *html = slurp("tests/data/html/article_nav.html", &n);
  ck_assert_ptr_nonnull(html);
  const char *cut = strstr(html, "Energy dominated");
  ck_assert_ptr_nonnull(cut);
  size_t m = (size_t)(cut - html) + 30; /* ends mid-paragraph, no closing tags */
  sl_html_article a = extract_ok(html, m);
  ck_assert_ptr_nonnull(strstr(a.text, "The two presidents met"));
  ck_assert_ptr_nonnull(strstr(a.text, "Energy dominated"));
  sl_html_article_free(&a);
  /* every prefix parses without trouble */
  for (size_t k = 1; k < n; k += 97) {
    sl_rc rc = sl_html_extract(html, k, &a);
    ck_assert(rc == SL_OK || rc == SL_EEMPTY);
    sl_html_article_free(&a);
  }
  free(html);
}
END_TEST

/* 1 when z is valid UTF-8 (strict: no overlongs, surrogates). */
static int valid_utf8(const char *z) {
  const unsigned char *u = (const unsigned char *)z;
  while (*u) {
    size_t len = *u < 0x80 ? 1 : (*u >= 0xC2 && *u <= 0xDF) ? 2 : (*u >= 0xE0 && *u <= 0xEF) ? 3
               : (*u >= 0xF0 && *u <= 0xF4) ? 4 : 0;
    if (!len)
      return 0;
    for (size_t k = 1; k < len; k++)
      if ((u[k] & 0xC0) != 0x80)
        return 0;
    if ((u[0] == 0xE0 && u[1] < 0xA0) || (u[0] == 0xED && u[1] >= 0xA0) ||
        (u[0] == 0xF0 && u[1] < 0x90) || (u[0] == 0xF4 && u[1] >= 0x90))
      return 0;
    u += len;
  }
  return 1;
}

START_TEST(template_and_mutated_pages) {
  const char *t = "<html><body><template><p>Template text that is never shown on the page, "
                  "however long it is.</p></template><select><template>x</template></select>"
                  "<p>The visible paragraph of the article, long enough to be prose, "
                  "with commas.</p></body></html>";
  sl_html_article a = extract_ok(t, strlen(t));
  ck_assert_ptr_null(strstr(a.text, "Template text"));
  ck_assert_ptr_nonnull(strstr(a.text, "The visible paragraph"));
  sl_html_article_free(&a);

  /* random damage to a real page: every field stays valid UTF-8 */
  static const char *const bits[] = {"<", ">", "</div>", "<table>", "<b>", "<!--", "<script>",
                                     "</script>", "\"", "&#x", "\xff", "<svg>", "<p>",
                                     "<template>", "<math>", "<frameset>", "\xe2\x80",
                                     "<meta charset=\"windows-1256\">", "<select>"};
  size_t n;
  char *html = slurp("tests/data/html/article_nav.html", &n);
  ck_assert_ptr_nonnull(html);
  uint32_t x = 12345u;
  for (int round = 0; round < 300; round++) {
    char *m = malloc(n * 2 + 64);
    ck_assert_ptr_nonnull(m);
    memcpy(m, html, n);
    size_t len = n;
    for (int e = 0; e < 12; e++) {
      x ^= x << 13;
      x ^= x >> 17;
      x ^= x << 5;
      size_t at = x % len;
      const char *b = bits[(x >> 8) % (sizeof bits / sizeof bits[0])];
      size_t bl = strlen(b);
      if (len + bl >= n * 2 + 64)
        break;
      if ((x >> 20) % 3 == 0) {
        m[at] = (char)(x >> 12);
      } else {
        memmove(m + at + bl, m + at, len - at);
        memcpy(m + at, b, bl);
        len += bl;
      }
    }
    sl_rc rc = sl_html_extract(m, len, &a);
    ck_assert(rc == SL_OK || rc == SL_EEMPTY || rc == SL_EBINARY);
    if (rc == SL_OK) {
      const char *f[] = {a.title, a.text, a.published, a.lang, a.url, a.author, a.site_name};
      for (size_t k = 0; k < sizeof f / sizeof f[0]; k++)
        ck_assert_msg(f[k] && valid_utf8(f[k]), "round %d field %zu invalid", round, k);
    }
    sl_html_article_free(&a);
    free(m);
  }
  free(html);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("html");
  TCase *c = tcase_create("charset");
  tcase_add_test(c, charset_windows1256_arabic);
  tcase_add_test(c, charset_http_equiv_and_sniffing);
  tcase_add_test(c, charset_windows1258_vietnamese);
  tcase_add_test(c, charset_gb18030_and_gb2312_label);
  tcase_add_test(c, charset_wrong_declaration_prefers_utf8);
  tcase_add_test(c, charset_invalid_utf8_becomes_fffd);
  suite_add_tcase(s, c);
  c = tcase_create("gzip");
  tcase_set_timeout(c, 60);
  tcase_add_test(c, gzip_page_same_as_plain);
  tcase_add_test(c, gzip_bomb_is_capped);
  suite_add_tcase(s, c);
  c = tcase_create("meta");
  tcase_add_test(c, title_cleanup);
  tcase_add_test(c, meta_from_tags);
  tcase_add_test(c, meta_json_ld_and_url_date);
  suite_add_tcase(s, c);
  c = tcase_create("content");
  tcase_add_test(c, content_over_navigation_and_related);
  tcase_add_test(c, content_arabic_and_vietnamese);
  tcase_add_test(c, content_hover_cards_orphan_headings_repeats);
  suite_add_tcase(s, c);
  c = tcase_create("hostile");
  tcase_set_timeout(c, 120);
  tcase_add_test(c, deep_nesting_100000);
  tcase_add_test(c, binary_junk_refused);
  tcase_add_test(c, truncated_html_best_effort);
  tcase_add_test(c, template_and_mutated_pages);
  suite_add_tcase(s, c);
  return s;
}

SL_CHECK_MAIN(suite)
