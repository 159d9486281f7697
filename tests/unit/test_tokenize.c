/*
 * test_tokenize — normalisation (NFKC_Casefold + Arabic folding), word
 * tokens with exact byte offsets, stems, flags and stopwords.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/ustring.h>

#include "analyze/normalize.h"
#include "analyze/stopwords.h"
#include "analyze/tokenize.h"
#include "check_main.h"
#include "util/utf8.h"

static sl_tokenizer *tk;

static void setup(void) { ck_assert_int_eq(sl_tokenizer_new(&tk), SL_OK); }
static void teardown(void) {
  sl_tokenizer_free(tk);
  tk = NULL;
}

static char *norm(const char *z) {
  char *out = NULL;
  size_t n = 0;
  ck_assert_int_eq(sl_normalize(z, strlen(z), &out, &n), SL_OK);
  ck_assert_uint_eq(n, strlen(out));
  return out;
}

#define ck_norm(in, want)                                                    \
  do {                                                                       \
    char *got_ = norm(in);                                                   \
    ck_assert_str_eq(got_, want);                                            \
    free(got_);                                                              \
  } while (0)

static size_t tokenize(const char *lang, const char *z, const sl_token **t) {
  size_t n = 0;
  ck_assert_int_eq(sl_tokenize(tk, lang, z, strlen(z), t, &n), SL_OK);
  return n;
}

/* Index of the first token whose source text is w, or -1. */
static long find(const char *z, const sl_token *t, size_t n, const char *w) {
  size_t wl = strlen(w);
  for (size_t i = 0; i < n; i++)
    if (t[i].end - t[i].start == wl && memcmp(z + t[i].start, w, wl) == 0)
      return (long)i;
  return -1;
}

/* Every token's source slice normalises to its norm; offsets ascend. */
static void check_offsets(const char *z, size_t zn, const sl_token *t,
                          size_t n) {
  uint32_t last = 0;
  for (size_t i = 0; i < n; i++) {
    char *got = NULL;
    size_t gn = 0;
    ck_assert_uint_le(last, t[i].start);
    ck_assert_uint_lt(t[i].start, t[i].end);
    ck_assert_uint_le(t[i].end, zn);
    ck_assert_int_eq(
        sl_normalize(z + t[i].start, t[i].end - t[i].start, &got, &gn), SL_OK);
    ck_assert_msg(gn == t[i].nnorm && memcmp(got, t[i].norm, gn) == 0,
                  "token %zu: slice [%u,%u) -> '%s' but norm '%s'", i,
                  t[i].start, t[i].end, got, t[i].norm);
    ck_assert_uint_eq(strlen(t[i].norm), t[i].nnorm);
    ck_assert_uint_eq(strlen(t[i].stem), t[i].nstem);
    free(got);
    last = t[i].end;
  }
}

START_TEST(test_arabic_folding) {
  ck_norm("أحمد", "احمد");
  ck_norm("الشَّرع", "الشرع");
  ck_norm("مدرسة", "مدرسه");
  ck_norm("إبراهيم آل ٱلله", "ابراهيم ال الله");
  ck_norm("مستشفى", "مستشفي");
  ck_norm("مؤتمر رئيس", "موتمر رييس");
  ck_norm("الرئيـــس", "الرييس"); /* tatweel */
  ck_norm("كِتَابٌ", "كتاب");        /* harakat and tanwin */
  ck_norm("٢٨ يناير ۲۰۲۶", "28 يناير 2026");
  ck_norm("ﻻ", "لا"); /* presentation form, through NFKC */
  ck_norm("پوتین", "پوتين"); /* Persian ya meets Arabic ya */
}
END_TEST

START_TEST(test_normalize_other) {
  ck_norm("Tổng Thống ĐIỆN", "tổng thống điện"); /* Vietnamese keeps marks */
  ck_norm("Путин ВСТРЕТИЛСЯ.", "путин встретился.");
  ck_norm("Ｋｒｅｍｌｉｎ ﬁle", "kremlin file");
  ck_norm("İstanbul, STRASSE, Straße", "istanbul, strasse, strasse");
  ck_norm("didn’t", "didn't");
  ck_norm("", "");
  /* decomposed Vietnamese (e + combining marks) composes */
  ck_norm("Vie\xcc\xa3\xcc\x82t", "việt");
}
END_TEST

START_TEST(test_offsets_arabic) {
  const sl_token *t;
  const char *z = "التقى الرئيسُ أحمد الشَّرع بالرئيس فلاديمير بوتين، في موسكو.";
  size_t n = tokenize("ar", z, &t);
  ck_assert_uint_eq(n, 9);
  check_offsets(z, strlen(z), t, n);
  long i = find(z, t, n, "الشَّرع");
  ck_assert_int_ge(i, 0);
  ck_assert_str_eq(t[i].norm, "الشرع");
  ck_assert(t[find(z, t, n, "في")].flags & SL_TOK_STOP);
  ck_assert(t[0].flags & SL_TOK_SENT);
  /* stems are for matching only: the Arabic stemmer strips the article */
  ck_assert_str_eq(t[find(z, t, n, "بالرئيس")].stem, "رييس");
}
END_TEST

START_TEST(test_offsets_vietnamese_emoji) {
  const sl_token *t;
  const char *z = "Tổng thống Nga 🇷🇺 và Syria 😀 hội đàm tại điện Kremlin 👍🏽.";
  size_t n = tokenize("vi", z, &t);
  check_offsets(z, strlen(z), t, n);
  ck_assert_uint_eq(n, 10); /* emoji are not words */
  long i = find(z, t, n, "điện");
  ck_assert_int_ge(i, 0);
  ck_assert_uint_eq(t[i].end - t[i].start, strlen("điện"));
  ck_assert_str_eq(t[i].stem, "điện"); /* no Vietnamese stemmer */
  ck_assert(t[find(z, t, n, "và")].flags & SL_TOK_STOP);
  ck_assert(t[find(z, t, n, "tại")].flags & SL_TOK_STOP);
  ck_assert(!(t[find(z, t, n, "thống")].flags & SL_TOK_STOP));
  ck_assert_str_eq(z + t[n - 1].start, "Kremlin 👍🏽.");
}
END_TEST

/* Letters outside the BMP take two UTF-16 units and four bytes: the
 * iterator runs on UTF-16, the offsets must still be the bytes'. */
START_TEST(test_offsets_astral) {
  const sl_token *t;
  const char *z = "Gothic \xF0\x90\x8C\xB0\xF0\x90\x8C\xB1 and \xF0\x9D\x90\x80" "bc d\xC3\xA9j\xC3\xA0";
  size_t n = tokenize("en", z, &t);
  check_offsets(z, strlen(z), t, n);
  long i = find(z, t, n, "\xF0\x90\x8C\xB0\xF0\x90\x8C\xB1");
  ck_assert_int_eq(i, 1);
  ck_assert_uint_eq(t[i].start, 7);
  ck_assert_uint_eq(t[i].end, 15);
  ck_assert_int_ge(find(z, t, n, "d\xC3\xA9j\xC3\xA0"), 0);
  ck_assert_uint_eq(t[n - 1].end, strlen(z));
}
END_TEST

/* UTF-8 of code point c into b (NUL-terminated); its length. */
static size_t put8(uint32_t c, char *b) {
  size_t k = 0;
  if (c < 0x80) {
    b[k++] = (char)c;
  } else if (c < 0x800) {
    b[k++] = (char)(0xC0 | (c >> 6));
    b[k++] = (char)(0x80 | (c & 0x3F));
  } else {
    b[k++] = (char)(0xE0 | (c >> 12));
    b[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
    b[k++] = (char)(0x80 | (c & 0x3F));
  }
  b[k] = 0;
  return k;
}

/* Words of Latin, Greek, Cyrillic, Arabic letters and marks and CJK
 * ideographs, upper and lower case mixed: the tokenizer's per-character
 * path must give what ICU's normaliser gives for the whole word. */
START_TEST(test_norm_fast_path_matches_icu) {
  static const uint32_t RANGES[][2] = {{0x41, 0x7A},   {0xC0, 0x24F},  {0x300, 0x36F},
                                       {0x370, 0x3FF}, {0x400, 0x52F}, {0x600, 0x6FF},
                                       {0x4E00, 0x4E80}, {0x2BC, 0x2BC}};
  static char text[64 * 1024];
  const sl_token *t;
  uint32_t seed = 12345;
  for (int round = 0; round < 20; round++) {
    size_t o = 0;
    for (int w = 0; w < 300; w++) {
      int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
      for (int k = 0; k < len; k++) {
        seed = seed * 1103515245u + 12345u;
        const uint32_t *r = RANGES[(seed >> 16) % (sizeof RANGES / sizeof RANGES[0])];
        seed = seed * 1103515245u + 12345u;
        o += put8(r[0] + (seed >> 8) % (r[1] - r[0] + 1), text + o);
      }
      text[o++] = ' ';
    }
    text[o] = 0;
    size_t n = 0;
    ck_assert_int_eq(sl_tokenize(tk, "und", text, o, &t, &n), SL_OK);
    check_offsets(text, o, t, n);
  }
  /* the ideographs are their own normal form */
  for (uint32_t c = 0x4E00; c <= 0x9FFF; c++) {
    char b[8], *got = NULL;
    size_t k = put8(c, b), gn = 0;
    ck_assert_int_eq(sl_normalize(b, k, &got, &gn), SL_OK);
    ck_assert_msg(gn == k && !memcmp(got, b, k), "U+%04X is not its own normal form", c);
    free(got);
  }
}
END_TEST

START_TEST(test_chinese) {
  const sl_token *t;
  const char *z = "叙利亚总统在克里姆林宫举行会谈。贸易增长了4%";
  size_t n = tokenize("zh", z, &t);
  check_offsets(z, strlen(z), t, n);
  ck_assert_uint_ge(n, 6);
  ck_assert_int_ge(find(z, t, n, "叙利亚"), 0);
  ck_assert_int_ge(find(z, t, n, "总统"), 0);
  long i = find(z, t, n, "贸易");
  ck_assert_int_ge(i, 0);
  ck_assert(t[i].flags & SL_TOK_SENT); /* after 。 */
  ck_assert(t[find(z, t, n, "在")].flags & SL_TOK_STOP);
  i = find(z, t, n, "4");
  ck_assert_int_ge(i, 0);
  ck_assert(t[i].flags & SL_TOK_NUMBER);
}
END_TEST

START_TEST(test_russian_stem) {
  const sl_token *t;
  const char *z = "Путина встретили в Кремле";
  size_t n = tokenize("ru", z, &t);
  ck_assert_uint_eq(n, 4);
  ck_assert_str_eq(t[0].norm, "путина");
  ck_assert_str_eq(t[0].stem, "путин");
  ck_assert(t[0].flags & SL_TOK_UPPER);
  ck_assert(t[2].flags & SL_TOK_STOP);
  ck_assert_str_eq(t[3].stem, "кремл");
  /* language tags with a region or script still find the stemmer */
  n = tokenize("ru-RU", z, &t);
  ck_assert_str_eq(t[0].stem, "путин");
  /* und: no stemming, no stopwords */
  n = tokenize("und", z, &t);
  ck_assert_str_eq(t[0].stem, "путина");
  ck_assert(!(t[2].flags & SL_TOK_STOP));
}
END_TEST

/* Polish, which Snowball lacks, stems to a word's first six letters:
 * the cases of one word meet (papieża, papieżowi: papież), short words
 * and numbers stay whole, and English is untouched by it. */
START_TEST(test_polish_prefix_stem) {
  const sl_token *t;
  size_t n = tokenize("pl", "Papieża przywitali papieżowi 2020 wyborów rok", &t);
  ck_assert_uint_eq(n, 6);
  ck_assert_str_eq(t[0].norm, "papieża");
  ck_assert_str_eq(t[0].stem, "papież");
  ck_assert_str_eq(t[2].stem, "papież");
  ck_assert_str_eq(t[3].stem, "2020");
  ck_assert_str_eq(t[4].stem, "wyboró");
  ck_assert_str_eq(t[5].stem, "rok");
  n = tokenize("en", "Presidential elections", &t);
  ck_assert_str_eq(t[0].stem, "presidenti");
}
END_TEST

/* The per-tokenizer stem cache keeps languages apart and gives the same
 * answers as the first computation. */
START_TEST(test_cache_languages) {
  const sl_token *t;
  const char *z = "die Präsidenten die Präsidenten";
  for (int round = 0; round < 3; round++) {
    size_t n = tokenize("de", z, &t);
    ck_assert_uint_eq(n, 4);
    ck_assert(t[0].flags & SL_TOK_STOP);
    ck_assert(t[2].flags & SL_TOK_STOP);
    ck_assert_str_eq(t[1].stem, "prasident");
    ck_assert_str_eq(t[3].stem, "prasident");
    n = tokenize("en", z, &t);
    ck_assert(!(t[0].flags & SL_TOK_STOP));
    ck_assert_str_eq(t[2].stem, "die");
    ck_assert_str_eq(t[1].stem, "präsidenten");
    n = tokenize("fr", "les présidents", &t);
    ck_assert(t[0].flags & SL_TOK_STOP);
    ck_assert_str_eq(t[1].stem, "président");
  }
}
END_TEST

/* On real articles (286 in ten languages, read twice) a tokenizer whose
 * stem cache is warm from every other article, with its entries evicted
 * and shared by two ways, gives what a new tokenizer gives. */
START_TEST(test_cache_real) {
  size_t n = 0, ndocs = 0;
  char *b = sl_test_slurp("tests/data/ingest/dev_articles.jsonl", &n);
  for (int round = 0; round < 2; round++)
    for (size_t i = 0; i < n;) {
      size_t e = i;
      while (e < n && b[e] != '\n')
        e++;
      json_t *o = json_loadb(b + i, e - i, 0, NULL);
      const char *z = json_string_value(json_object_get(o, "text"));
      const char *lang = json_string_value(json_object_get(o, "lang"));
      i = e + 1;
      if (!z || !lang) {
        json_decref(o);
        continue;
      }
      const sl_token *t, *f;
      size_t nt = 0, nf = 0;
      sl_tokenizer *fresh = NULL;
      ck_assert_int_eq(sl_tokenizer_new(&fresh), SL_OK);
      ck_assert_int_eq(sl_tokenize(tk, lang, z, strlen(z), &t, &nt), SL_OK);
      ck_assert_int_eq(sl_tokenize(fresh, lang, z, strlen(z), &f, &nf), SL_OK);
      ck_assert_uint_eq(nt, nf);
      for (size_t k = 0; k < nt; k++) {
        ck_assert_str_eq(t[k].norm, f[k].norm);
        ck_assert_str_eq(t[k].stem, f[k].stem);
        ck_assert_uint_eq(t[k].flags, f[k].flags);
      }
      sl_tokenizer_free(fresh);
      json_decref(o);
      ndocs++;
    }
  ck_assert_uint_gt(ndocs, 500);
  free(b);
}
END_TEST

/* sl_lower_simple against ICU's u_strToLower (root locale) for every
 * character up to U+10FF and of the three-byte blocks it copies (general
 * and CJK punctuation, kana, CJK ideographs, full-width forms) inside a
 * word: the same bytes whenever it answers, and an answer for the
 * scripts it promises. */
START_TEST(test_lower_simple) {
  char in[32], out[32], want[64];
  for (UChar32 c = 1; c < 0x10000; c++) {
    if (c == 0x1100)
      c = 0x2000;
    if (c == 0x2070)
      c = 0x3000;
    if (c == 0x3100)
      c = 0x4E00;
    if (c == 0xA000)
      c = 0xFF00;
    int32_t k = 0, nu = 0, nl = 0, nw = 0;
    UChar u[16], l[16];
    UErrorCode st = U_ZERO_ERROR;
    memcpy(in, "Ab", 2);
    k = 2;
    k += (int32_t)sl_utf8_put((uint32_t)c, in + k);
    memcpy(in + k, "xY", 2);
    k += 2;
    size_t got = sl_lower_simple(in, (size_t)k, out, sizeof out);
    u_strFromUTF8(u, 16, &nu, in, k, &st);
    nl = u_strToLower(l, 16, u, nu, "", &st);
    u_strToUTF8(want, (int32_t)sizeof want, &nw, l, nl, &st);
    ck_assert(U_SUCCESS(st));
    if (got) {
      ck_assert_uint_eq(got, (size_t)nw);
      ck_assert_msg(!memcmp(out, want, got), "U+%04X lowers otherwise", (unsigned)c);
      ck_assert_int_eq(out[got], 0);
    }
    int promised = c < 0x80 || (c < 0x180 && c != 0x130) || (c >= 0x400 && c <= 0x52F) ||
                   (c >= 0x600 && c <= 0x6FF) || (c >= 0x4E00 && c <= 0x9FFF);
    ck_assert_msg(!promised || got, "U+%04X refused", (unsigned)c);
  }
  ck_assert_uint_eq(sl_lower_simple("\xC4\xB0stanbul", 9, out, sizeof out), 0); /* İ */
  ck_assert_uint_eq(sl_lower_simple("\xCE\xA3", 2, out, sizeof out), 0);         /* Σ */
  ck_assert_uint_eq(sl_lower_simple("\xC3", 1, out, sizeof out), 0);              /* cut */
  ck_assert_uint_eq(sl_lower_simple("abc", 3, out, 3), 0);                        /* no room */
  ck_assert_uint_eq(sl_lower_simple("\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD", 10, out, sizeof out), 10);
  ck_assert_str_eq(out, "\xD0\xBF\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD"); /* путин */
}
END_TEST

START_TEST(test_english_flags) {
  const sl_token *t;
  const char *z = "The U.S. President met NATO leaders on 28 January. "
                  "Trade rose 4.5% to $1,000!\nnew line";
  size_t n = tokenize("en", z, &t);
  check_offsets(z, strlen(z), t, n);
  long the = find(z, t, n, "The"), pres = find(z, t, n, "President");
  long nato = find(z, t, n, "NATO"), on = find(z, t, n, "on");
  ck_assert_uint_eq(t[the].flags, SL_TOK_STOP | SL_TOK_UPPER | SL_TOK_SENT);
  ck_assert(!(t[pres].flags & SL_TOK_SENT)); /* "U.S." is no sentence end */
  ck_assert(t[pres].flags & SL_TOK_UPPER);
  ck_assert_str_eq(t[pres].stem, "presid");
  ck_assert(t[nato].flags & SL_TOK_ALLCAPS);
  ck_assert(t[on].flags & SL_TOK_STOP);
  ck_assert(!(t[find(z, t, n, "leaders")].flags & SL_TOK_STOP));
  ck_assert(t[find(z, t, n, "28")].flags & SL_TOK_NUMBER);
  ck_assert(t[find(z, t, n, "Trade")].flags & SL_TOK_SENT);
  ck_assert(t[find(z, t, n, "4.5")].flags & SL_TOK_NUMBER);
  ck_assert(t[find(z, t, n, "1,000")].flags & SL_TOK_NUMBER);
  ck_assert(t[find(z, t, n, "new")].flags & SL_TOK_SENT);
  ck_assert(!(t[find(z, t, n, "new")].flags & SL_TOK_UPPER));
  ck_assert(!(t[find(z, t, n, "line")].flags & SL_TOK_SENT));
}
END_TEST

START_TEST(test_invalid_and_empty) {
  const sl_token *t = NULL;
  size_t n = 99;
  const char bad[] = "\xff\xfe abc \xc3 d\xe2\x82z \xf0\x9f\x98 \x80\x80xyz";
  ck_assert_int_eq(sl_tokenize(tk, "en", "", 0, &t, &n), SL_OK);
  ck_assert_uint_eq(n, 0);
  ck_assert_int_eq(sl_tokenize(tk, "en", NULL, 0, &t, &n), SL_OK);
  ck_assert_uint_eq(n, 0);
  ck_assert_int_eq(sl_tokenize(tk, "en", bad, sizeof bad - 1, &t, &n), SL_OK);
  ck_assert_int_ge(find(bad, t, n, "abc"), 0);
  for (size_t i = 0; i < n; i++)
    ck_assert_uint_le(t[i].end, sizeof bad - 1);
  char *out = NULL;
  size_t no = 0;
  ck_assert_int_eq(sl_normalize(bad, sizeof bad - 1, &out, &no), SL_OK);
  ck_assert_ptr_nonnull(strstr(out, "abc"));
  ck_assert_ptr_nonnull(strstr(out, "\xef\xbf\xbd")); /* U+FFFD */
  free(out);
  ck_assert_int_eq(sl_tokenize(NULL, "en", "a", 1, &t, &n), SL_EINVAL);
  ck_assert_int_eq(sl_normalize(NULL, 3, &out, &no), SL_EINVAL);
}
END_TEST

START_TEST(test_stopword_table) {
  /* Every generated entry is in normal form and found by lookup. */
  ck_assert_uint_gt(sl_stopwords_n, 1000);
  for (size_t i = 0; i < sl_stopwords_n; i++) {
    const sl_stopword *e = &sl_stopwords[i];
    char *got = norm(e->word);
    ck_assert_msg(strcmp(got, e->word) == 0, "%s stopword '%s' normalises to '%s'",
                  e->lang, e->word, got);
    free(got);
    ck_assert(sl_is_stopword(e->lang, e->word, e->len));
  }
  ck_assert(sl_is_stopword("zh-Hans", "的", strlen("的")));
  ck_assert(sl_is_stopword("EN", "the", 3));
  ck_assert(sl_is_stopword("ar", "الي", strlen("الي"))); /* إلى folded */
  ck_assert(!sl_is_stopword("en", "kremlin", 7));
  ck_assert(!sl_is_stopword("de", "the", 3));
  ck_assert(!sl_is_stopword("und", "the", 3));
  ck_assert(!sl_is_stopword(NULL, "the", 3));
  ck_assert(!sl_is_stopword("en", "", 0));
  static const char *const langs[] = {"ar", "vi", "en", "ru", "zh", "fr",
                                      "de", "es", "it", "pl", "tr"};
  for (size_t l = 0; l < sizeof langs / sizeof langs[0]; l++) {
    size_t k = 0;
    for (size_t i = 0; i < sl_stopwords_n; i++)
      k += strcmp(sl_stopwords[i].lang, langs[l]) == 0;
    ck_assert_msg(k >= 60, "%s has only %zu stopwords", langs[l], k);
  }
}
END_TEST

/* Random bytes, biased towards UTF-8 lead and continuation bytes: no
 * crash (ASan run), offsets ascend and stay inside the input. */
START_TEST(test_random_bytes) {
  static const uint8_t pick[] = {'a', 'Z', ' ', '.', '\n', '4', 0xC3, 0xA9,
                                 0xD8, 0xA7, 0xE4, 0xB8, 0x80, 0xF0, 0x9F,
                                 0xBF, 0xFF, 0xE2, 0x80, 0x99, 0xCC, 0x81};
  uint32_t seed = 12345;
  char buf[1024];
  for (int round = 0; round < 300; round++) {
    size_t n = 0, nt = 0;
    seed = seed * 1103515245u + 12345u;
    size_t len = (seed >> 8) % sizeof buf;
    for (; n < len; n++) {
      seed = seed * 1103515245u + 12345u;
      buf[n] = (char)pick[(seed >> 16) % sizeof pick];
    }
    const sl_token *t;
    ck_assert_int_eq(sl_tokenize(tk, round % 2 ? "ar" : "en", buf, n, &t, &nt),
                     SL_OK);
    uint32_t last = 0;
    for (size_t i = 0; i < nt; i++) {
      ck_assert_uint_le(last, t[i].start);
      ck_assert_uint_lt(t[i].start, t[i].end);
      ck_assert_uint_le(t[i].end, n);
      ck_assert_uint_eq(strlen(t[i].norm), t[i].nnorm);
      last = t[i].end;
    }
    char *out = NULL;
    size_t no = 0;
    ck_assert_int_eq(sl_normalize(buf, n, &out, &no), SL_OK);
    ck_assert_uint_eq(strlen(out), no);
    free(out);
  }
}
END_TEST

START_TEST(test_limits) {
  const sl_token *t;
  size_t n = 1;
  char *out = NULL;
  static char big[600];
  /* sizes are checked before any byte is read */
  ck_assert_int_eq(sl_tokenize(tk, "en", "x", (size_t)SL_MAX_INPUT_BYTES + 1,
                               &t, &n),
                   SL_ETOOBIG);
  ck_assert_uint_eq(n, 0);
  ck_assert_int_eq(sl_normalize("x", (size_t)SL_MAX_INPUT_BYTES + 1, &out, &n),
                   SL_ETOOBIG);
  ck_assert_ptr_null(out);
  /* a 500-letter run is no word and is dropped; its neighbours stay */
  memcpy(big, "alpha ", 6);
  memset(big + 6, 'q', 500);
  memcpy(big + 506, " omega", 7);
  n = tokenize("en", big, &t);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(t[1].norm, "omega");
  ck_assert_uint_eq(t[1].start, 507);
}
END_TEST

/* Each seed tokenises with exact offsets and mostly non-stop words. */
START_TEST(test_seeds) {
  static const char *const paths[] = {
      "examples/seeds/000_a36e95430f0b8119.txt",
      "examples/seeds/001_68aac25d7f60230c.txt",
      "examples/seeds/002_4843e7fa21632428.txt",
      "examples/seeds/003_2c3edb034ccb3b0f.txt",
      "examples/seeds/004_23d814b1d62127e7.txt"};
  static const char *const langs[] = {"vi", "vi", "ar", "en", "ar"};
  FILE *f = fopen(paths[_i], "rb");
  ck_assert_msg(f != NULL, "cannot open %s", paths[_i]);
  static char buf[1 << 20];
  size_t zn = fread(buf, 1, sizeof buf - 1, f);
  fclose(f);
  const sl_token *t;
  size_t n = 0, stop = 0;
  ck_assert_int_eq(sl_tokenize(tk, langs[_i], buf, zn, &t, &n), SL_OK);
  ck_assert_uint_gt(n, 100);
  check_offsets(buf, zn, t, n);
  for (size_t i = 0; i < n; i++)
    stop += (t[i].flags & SL_TOK_STOP) != 0;
  ck_assert_msg(stop * 10 > n && stop * 10 < n * 7, "%s: %zu of %zu stop",
                paths[_i], stop, n);
}
END_TEST

static Suite *tokenize_suite(void) {
  Suite *s = suite_create("tokenize");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_arabic_folding);
  tcase_add_test(tc, test_normalize_other);
  tcase_add_test(tc, test_offsets_arabic);
  tcase_add_test(tc, test_offsets_vietnamese_emoji);
  tcase_add_test(tc, test_offsets_astral);
  tcase_add_test(tc, test_norm_fast_path_matches_icu);
  tcase_add_test(tc, test_chinese);
  tcase_add_test(tc, test_russian_stem);
  tcase_add_test(tc, test_polish_prefix_stem);
  tcase_add_test(tc, test_english_flags);
  tcase_add_test(tc, test_cache_languages);
  tcase_add_test(tc, test_cache_real);
  tcase_add_test(tc, test_lower_simple);
  tcase_add_test(tc, test_invalid_and_empty);
  tcase_add_test(tc, test_stopword_table);
  tcase_add_test(tc, test_random_bytes);
  tcase_add_test(tc, test_limits);
  tcase_add_loop_test(tc, test_seeds, 0, 5);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(tokenize_suite)
