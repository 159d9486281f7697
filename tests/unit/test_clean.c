/*
 * test_clean — the plain-text cleaner's line rules: embed markers found
 * anywhere in a line (its substring search), caption and source cues at a
 * line's start, trailer headings that end the article, in ASCII and in
 * scripts whose lines are lowered without ICU (Cyrillic) or with it
 * (Vietnamese); sentences of consent banners and sign-up notices inside
 * body lines, in English, German and Polish, and news about cookies kept.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "clean/boilerplate.h"
#include "clean/clean.h"
#include "util/utf8.h"

#define BODY1 "The minister said on Tuesday that the talks with the union would go on next week."
#define BODY2 "Both sides agreed that the new contract should be signed before the end of the year."

/* Cleans "Title\n" + lines; 1 when line appears in the body, 0 in the
 * context, -1 in neither. */
static int where(const char *lines, const char *line) {
  sl_cleaned c;
  size_t n = strlen(lines);
  char *z = malloc(n + 16);
  ck_assert_ptr_nonnull(z);
  memcpy(z, "A headline\n", 11);
  memcpy(z + 11, lines, n + 1);
  ck_assert_int_eq(sl_clean_text(z, n + 11, NULL, &c), SL_OK);
  int r = strstr(c.text, line) ? 1 : strstr(c.context, line) ? 0 : -1;
  sl_cleaned_free(&c);
  free(z);
  return r;
}

START_TEST(embeds_anywhere_in_a_line) {
  static const char *const MARK[] = {"pic.twitter.com/Ab12", "twitter.com/someone/status/1",
                                     "https://t.co/x1Y2", "see t.co/x1Y2"};
  char line[512];
  for (size_t k = 0; k < sizeof MARK / sizeof *MARK; k++)
    for (int at = 0; at < 3; at++) {
      /* the marker at the start, the middle and the end of a sentence */
      const char *words = "Thousands of people marched through the city centre on Saturday afternoon";
      if (at == 0)
        snprintf(line, sizeof line, "%s %s.", MARK[k], words);
      else if (at == 1)
        snprintf(line, sizeof line, "Thousands of people %s marched through the city centre.", MARK[k]);
      else
        snprintf(line, sizeof line, "%s %s", words, MARK[k]);
      char doc[1024];
      snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1, line, BODY2);
      int w = where(doc, line);
      /* " t.co/" needs its space: at the start of a line it is no marker */
      ck_assert_msg(w == 0 || (k == 3 && at == 0), "%s: %d", line, w);
    }
  ck_assert_int_eq(where(BODY1 "\nThe crowd marched through the city centre on Saturday, said twitter user.\n" BODY2,
                         "said twitter user"),
                   1);
}
END_TEST

START_TEST(handle_after_a_dash) {
  const char *post = "\xE2\x80\x94 Jane Doe (@janedoe) January 5, 2021";
  ck_assert_int_eq(where(BODY1 "\n" BODY2 "\n" "\xE2\x80\x94 Jane Doe (@janedoe) January 5, 2021\n", post), 0);
  /* "(@" without the dash is prose */
  ck_assert_int_eq(where(BODY1 "\nThe account (@janedoe) was suspended by the company on Tuesday after the posts.\n" BODY2,
                         "The account (@janedoe)"),
                   1);
}
END_TEST

START_TEST(cues_and_trailers) {
  ck_assert_int_eq(where(BODY1 "\nPhoto: Reuters/John Smith\n" BODY2, "Photo: Reuters"), 0);
  ck_assert_int_eq(where(BODY1 "\nSource: Associated Press and other agencies, who reported it first.\n" BODY2,
                         "Source: Associated Press"),
                   0);
  ck_assert_int_eq(where(BODY1 "\n" BODY2 "\nRead more \xC2\xBB\nAnother story entirely, with its own long sentence here.\n",
                         "Another story"),
                   -1);
  /* Cyrillic heading (lowered without ICU) and Vietnamese (with it) */
  ck_assert_int_eq(where(BODY1 "\n" BODY2 "\n\xD0\xA7\xD0\x98\xD0\xA2\xD0\x90\xD0\x99\xD0\xA2\xD0\x95 "
                         "\xD0\xA2\xD0\x90\xD0\x9A\xD0\x96\xD0\x95:\nAnother story entirely, with its own long sentence here.\n",
                         "Another story"),
                   -1);
  ck_assert_int_eq(where(BODY1 "\n" BODY2 "\n\xC4\x90\xE1\xBB\x8C\x43 TH\xC3\x8AM\nAnother story entirely, with its own long sentence here.\n",
                         "Another story"),
                   -1);
  /* a body line ending in a photo credit is a caption */
  ck_assert_int_eq(where(BODY1 "\nThe president met the delegation in the capital on Monday. Photo: SANA\n" BODY2,
                         "The president met"),
                   0);
  ck_assert_int_eq(where(BODY1 "\n" BODY2 "\n", "Both sides agreed"), 1);
}
END_TEST

/* Consent banners and sign-up notices inside body lines go, sentence by
 * sentence; the headline a flattened page glues before them stays, and so
 * does news that merely names cookies or privacy policies. */
START_TEST(boilerplate_sentences) {
  /* English sign-up block glued between headline and story */
  const char *en = "Boris Johnson up and walking as he recovers in hospital Sign up to FREE email alerts "
                   "from Daily Star Subscribe Thank you for subscribing See our privacy notice Invalid Email "
                   "Downing Street confirmed on Friday that the Prime Minister is up and walking again.";
  char doc[2048];
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1, en, BODY2);
  ck_assert_int_eq(where(doc, "Boris Johnson up and walking as he recovers in hospital"), 1);
  ck_assert_int_eq(where(doc, "Downing Street confirmed on Friday"), 1);
  ck_assert_int_eq(where(doc, "Sign up to FREE"), -1);
  ck_assert_int_eq(where(doc, "privacy notice"), -1);
  /* German and Polish consent banners, several sentences each */
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1,
           "Wir verwenden auf unserer Webseite Cookies und Analysetechniken, um das Angebot zu verbessern. "
           "Zudem zeigen wir Ihnen Werbung unserer Partner an. Weitere Informationen finden Sie in unserer "
           "Datenschutzerkl\xC3\xA4rung. Der Stadtrat beschloss am Dienstag den neuen Haushalt f\xC3\xBCr das Jahr.",
           BODY2);
  ck_assert_int_eq(where(doc, "Cookies"), -1);
  ck_assert_int_eq(where(doc, "Werbung"), -1);
  ck_assert_int_eq(where(doc, "Der Stadtrat beschloss am Dienstag"), 1);
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1,
           "Rz\xC4\x85" "d przyj\xC4\x85\xC5\x82 projekt ustawy o szkolnictwie. Aby poprawi\xC4\x87 swoj\xC4\x85 "
           "witryn\xC4\x99 i dedykowane reklamy, zbieramy anonimowe informacje. Szczeg\xC3\xB3\xC5\x82owy opis "
           "znajdziesz w polityce prywatno\xC5\x9B" "ci. Klikaj\xC4\x85" "c na przycisk, wyra\xC5\xBC" "asz zgod\xC4\x99 "
           "na przetwarzanie danych.",
           BODY2);
  ck_assert_int_eq(where(doc, "projekt ustawy o szkolnictwie"), 1);
  ck_assert_int_eq(where(doc, "zbieramy"), -1);
  ck_assert_int_eq(where(doc, "przycisk"), -1);
  /* a paywall form: its character list and field names go with it */
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1,
           "Oil prices to outperform in the second half of the year TAKE A FREE TRIAL Registered users can "
           "read up to 3 reports. Note our system only accepts work email addresses (no Gmail). The password "
           "for your account must contain one of these characters: \" !#$%&'()*+,-./:;<=>?@[]^_`{|}~\". "
           "Email address First Name Last Name Organisation Job Title",
           BODY2);
  ck_assert_int_eq(where(doc, "Oil prices to outperform in the second half of the year"), 1);
  ck_assert_int_eq(where(doc, "password"), -1);
  ck_assert_int_eq(where(doc, "First Name"), -1);
  /* news about cookies and privacy: no address to the reader, kept */
  const char *news = "The regulator fined the company over its privacy policy and its use of cookies on Tuesday.";
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1, news, BODY2);
  ck_assert_int_eq(where(doc, news), 1);
  const char *law = "The privacy act was inspired by outrage over data breaches at Facebook that exposed the personal "
                    "data of millions, and it limits cookies.";
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1, law, BODY2);
  ck_assert_int_eq(where(doc, law), 1);
  /* a copyright line goes, the story's sentence glued before it stays */
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1,
           "The mayor opened the new bridge over the river to traffic on Sunday morning Copyright 2020 The "
           "Associated Press. All rights reserved.",
           BODY2);
  ck_assert_int_eq(where(doc, "The mayor opened the new bridge over the river"), 1);
  ck_assert_int_eq(where(doc, "rights reserved"), -1);
  const char *hack = "Hackers stole passwords and email addresses of two million customers, the company said.";
  snprintf(doc, sizeof doc, "%s\n%s\n%s\n", BODY1, hack, BODY2);
  ck_assert_int_eq(where(doc, hack), 1);
  /* a page that is nothing but a banner keeps it: the document is not
   * lost, but it is marked as no article */
  ck_assert_int_eq(where("We use cookies on our website. Click accept to agree to our privacy policy.\n", "We use cookies"), 1);
  const char *bot = "A headline\nWe are sorry, but we recorded many connections from your IP address. If you "
                    "want to connect with us, select I am not a robot.\n";
  sl_cleaned c;
  ck_assert_int_eq(sl_clean_text(bot, strlen(bot), NULL, &c), SL_OK);
  ck_assert_int_eq(c.banner_only, 1);
  sl_cleaned_free(&c);
  const char *sorry = "A headline\nWe are sorry, the minister said on Tuesday, but the talks with the union "
                      "failed again.\n";
  ck_assert_int_eq(sl_clean_text(sorry, strlen(sorry), NULL, &c), SL_OK);
  ck_assert_int_eq(c.banner_only, 0);
  sl_cleaned_free(&c);
  /* a sign-up line alone goes whole */
  ck_assert_int_eq(where(BODY1 "\nSign up to our newsletter to get other stories like this delivered to your inbox.\n" BODY2,
                         "newsletter"),
                   -1);
}
END_TEST

/* What a line keeps is never longer than the line, however its kept
 * sentences were glued ("said.The", a fuzzer's find): the cleaner writes
 * it into a buffer of the line's size. */
START_TEST(boilerplate_never_grows_a_line) {
  static const char *const LINES[] = {
      "A.B.C.D.E.F.G.H.I.J.K.L.M.N.O.P.We use cookies.Q.R.S.T.U.V.W.X.Y.Z.",
      "Story one.Story two.We use cookies on our website, see our privacy policy.Story three.Story four.",
      "Title here Sign up to our newsletter, see our privacy policy.The story goes on and on and on and on.",
      "x.y.Disable adblock.z.w.",
      /* each carriage return ends a sentence: many one-byte sentences */
      "Use no adblock. a b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\ra b\r",
      "Headlije.We use cookies on our website. Click kies on our website. Clic ka policy. Allccjpt to",
      NULL};
  for (int i = 0; LINES[i]; i++) {
    size_t n = strlen(LINES[i]);
    char *out = malloc(n + 2);
    ck_assert_ptr_nonnull(out);
    out[n + 1] = 'Z';
    size_t m = sl_boilerplate_strip(LINES[i], n, out);
    ck_assert_uint_le(m, n);
    ck_assert_uint_eq(strlen(out), m);
    ck_assert_int_eq(out[n + 1], 'Z');
    free(out);
  }
  /* the fuzzer's find, kept in its corpus: carriage returns end many
   * one-word sentences between banner words, each once joined by a space */
  FILE *f = fopen("tests/fuzz/corpus/clean/boilerplate_glued_sentences", "rb");
  ck_assert_ptr_nonnull(f);
  char raw[1024];
  size_t nraw = fread(raw, 1, sizeof raw, f);
  fclose(f);
  size_t nfix = 0, nbad = 0;
  char *fixed = sl_utf8_sanitize(raw, nraw, &nfix, &nbad);
  ck_assert_ptr_nonnull(fixed);
  sl_cleaned c;
  ck_assert_int_eq(sl_clean_text(fixed, nfix, NULL, &c), SL_OK);
  ck_assert_uint_le(c.ntext, nfix);
  sl_cleaned_free(&c);
  free(fixed);
  /* lines pieced together at random (fixed seed) from cues, short words,
   * sentence ends without spaces, carriage returns and stray bytes */
  static const char *const PIECES[] = {"We use cookies", " on our website", ". ", ".", "\r", " ", "a b",
                                       "Click", " privacy policy", "adblock", "\xFF", "\xD9\x85",
                                       "All rights reserved", "Story", "?", "\t", "x"};
  uint32_t seed = 12345;
  char line[512], out[520];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0;
    while (n < 400) {
      seed = seed * 1103515245u + 12345u;
      const char *p = PIECES[(seed >> 16) % (sizeof PIECES / sizeof *PIECES)];
      size_t k = strlen(p);
      memcpy(line + n, p, k);
      n += k;
      if ((seed >> 8) % 29 == 0)
        break;
    }
    out[n + 1] = 'Z';
    size_t m = sl_boilerplate_strip(line, n, out);
    ck_assert_uint_le(m, n);
    ck_assert_int_eq(out[n + 1], 'Z');
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("clean");
  TCase *tc = tcase_create("lines");
  tcase_add_test(tc, embeds_anywhere_in_a_line);
  tcase_add_test(tc, handle_after_a_dash);
  tcase_add_test(tc, cues_and_trailers);
  tcase_add_test(tc, boilerplate_sentences);
  tcase_add_test(tc, boilerplate_never_grows_a_line);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(suite)
