/*
 * test_similarity — unit tests of the same-event similarity
 * (src/cluster/similarity.c), its document frequencies, the evidence
 * vectors (src/cluster/evidence.c) and the store-less pair pipeline
 * (src/pipeline/pairdoc.c) on the seed articles: the Vietnamese and Arabic
 * reports of the 28 January 2026 Kremlin talks are one event, the 2017
 * Sochi meeting and the 2025 phone call are not that event.  Runs with
 * cwd = repo root.
 */
#include "analyze/tokenize.h"
#include "cluster/eventwords.h"
#include "cluster/similarity.h"
#include "cluster/translate.h"
#include "util/strmap.h"
#include "cluster/similarity_weights.h"
#include "pipeline/pairdoc.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check_main.h"


/* A finished vector: language, script, and the given word stems (each
 * "lang:stem", counted once per listing) and entities. */
static void vec(sl_featvec *v, const char *lang, const char *const *words, const int64_t *persons,
                int32_t day) {
  sl_featvec_init(v);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_LANG, lang, strlen(lang)), 1), SL_OK);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_SCRIPT, "Latn", 4), 1), SL_OK);
  for (size_t i = 0; words && words[i]; i++) {
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%s:%s", lang, words[i]);
    ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_TERM, buf, (size_t)n), 1), SL_OK);
    ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_SURFACE, words[i], strlen(words[i])), 1), SL_OK);
  }
  for (size_t i = 0; persons && persons[i]; i++)
    ck_assert_int_eq(sl_featvec_push(v, sl_feat_entity(SL_F_PERSON, persons[i]), 1), SL_OK);
  sl_featvec_finish(v);
  v->ndocs = 1;
  v->day = day;
}

START_TEST(identical_reports_are_one_event) {
  static const char *const w[] = {"earthquak", "istanbul", "kill", "rescu", "build", NULL};
  static const int64_t p[] = {7, 9, 0};
  sl_featvec a, b;
  sl_sim_parts parts;
  vec(&a, "en", w, p, 20000);
  vec(&b, "en", w, p, 20000);
  double s = sl_similarity(&a, &b, &parts);
  ck_assert_double_eq_tol(parts.words, 1.0, 1e-9);
  ck_assert_double_eq_tol(parts.tokens, 1.0, 1e-9);
  ck_assert_double_eq_tol(parts.persons, 1.0, 1e-9);
  ck_assert_double_eq_tol(parts.dates, 1.0, 1e-9);
  ck_assert_int_eq(parts.same_lang, 1);
  ck_assert_double_ge(s, SL_SAME_EVENT);
  ck_assert_double_le(s, 1.0);
  ck_assert_double_eq(s, parts.score);
  sl_featvec_free(&a);
  sl_featvec_free(&b);
}
END_TEST

START_TEST(unrelated_reports_are_not) {
  static const char *const w1[] = {"earthquak", "istanbul", "kill", NULL};
  static const char *const w2[] = {"elect", "vote", "parliament", NULL};
  static const int64_t p1[] = {7, 0}, p2[] = {8, 0};
  sl_featvec a, b;
  sl_sim_parts parts;
  vec(&a, "en", w1, p1, SL_NO_DAY);
  vec(&b, "en", w2, p2, SL_NO_DAY);
  double s = sl_similarity(&a, &b, &parts);
  ck_assert_double_eq(parts.words, 0);
  ck_assert_double_eq(parts.persons, 0);
  ck_assert_double_eq(parts.dates, -1);
  ck_assert_double_lt(s, SL_SAME_EVENT);
  ck_assert_double_ge(s, 0);
  sl_featvec_free(&a);
  sl_featvec_free(&b);
}
END_TEST

START_TEST(days_far_apart_cap_the_score) {
  static const char *const w[] = {"talk", "kremlin", "putin", "syria", NULL};
  static const int64_t p[] = {1, 2, 0};
  sl_featvec a, b;
  sl_sim_parts parts;
  vec(&a, "en", w, p, 17490); /* 2017-11-20 */
  vec(&b, "en", w, p, 20481); /* 2026-01-28 */
  double s = sl_similarity(&a, &b, &parts);
  ck_assert_double_eq(parts.dates, 0);
  ck_assert_double_le(s, SL_SIM_FAR_CAP);
  b.day = a.day + 1;
  ck_assert_double_gt(sl_similarity(&a, &b, NULL), SL_SIM_FAR_CAP);
  sl_featvec_free(&a);
  sl_featvec_free(&b);
}
END_TEST

START_TEST(languages_pick_their_weights) {
  static const int64_t p[] = {3, 4, 0};
  static const char *const w[] = {"gipfel", NULL};
  sl_featvec a, b;
  sl_sim_parts parts;
  vec(&a, "de", w, p, SL_NO_DAY);
  vec(&b, "fr", NULL, p, SL_NO_DAY);
  sl_similarity(&a, &b, &parts);
  ck_assert_int_eq(parts.same_lang, 0);
  ck_assert_int_eq(parts.same_script, 1);
  ck_assert_double_eq_tol(parts.persons, 1.0, 1e-9);
  ck_assert_double_eq(parts.words, 0);
  sl_featvec_free(&a);
  sl_featvec_free(&b);
}
END_TEST

/* A word every document has says less than a word two documents share. */
/* A pair's score goes through its language pair's line of SL_SIM_CALIB,
 * in either order; a pair of unlisted languages keeps the weighted score. */
START_TEST(language_pairs_are_calibrated) {
  static const int64_t p[] = {3, 4, 0};
  static const char *const w[] = {"gipfel", "treffen", NULL};
  int tested = 0;
  for (const sl_sim_calib *c = SL_SIM_CALIB; c->lang_a; c++) {
    sl_featvec a, b, ua, ub;
    vec(&a, c->lang_a, w, p, SL_NO_DAY);
    vec(&b, c->lang_b, NULL, p, SL_NO_DAY);
    /* the same evidence under languages the table does not list, the
     * same ones or two different ones as the row has */
    vec(&ua, "xa", w, p, SL_NO_DAY);
    vec(&ub, strcmp(c->lang_a, c->lang_b) ? "xb" : "xa", NULL, p, SL_NO_DAY);
    double s = sl_similarity(&a, &b, NULL), raw = sl_similarity(&ua, &ub, NULL);
    double want = c->a + c->b * raw;
    want = want < 0 ? 0 : want > 1 ? 1 : want;
    ck_assert_double_eq_tol(s, want, 1e-9);
    ck_assert_double_eq_tol(sl_similarity(&b, &a, NULL), s, 1e-9);
    tested += fabs(c->a) + fabs(c->b - 1) > 1e-6;
    sl_featvec_free(&a);
    sl_featvec_free(&b);
    sl_featvec_free(&ua);
    sl_featvec_free(&ub);
  }
  ck_assert_int_gt(tested, 0);
}
END_TEST

START_TEST(rare_words_weigh_more) {
  static const char *const common_a[] = {"corona", "schul", NULL};
  static const char *const common_b[] = {"corona", "fussball", NULL};
  static const char *const rare_a[] = {"remdesivir", "schul", NULL};
  static const char *const rare_b[] = {"remdesivir", "fussball", NULL};
  static const char *const filler[] = {"corona", NULL};
  sl_df *df;
  sl_featvec a, b, c, d, f;
  sl_sim_parts pc, pr, pc0, pr0;
  ck_assert_int_eq(sl_df_new(&df), SL_OK);
  vec(&a, "de", common_a, NULL, SL_NO_DAY);
  vec(&b, "de", common_b, NULL, SL_NO_DAY);
  vec(&c, "de", rare_a, NULL, SL_NO_DAY);
  vec(&d, "de", rare_b, NULL, SL_NO_DAY);
  vec(&f, "de", filler, NULL, SL_NO_DAY);
  for (int i = 0; i < 100; i++)
    ck_assert_int_eq(sl_df_add(df, &f), SL_OK);
  ck_assert_int_eq(sl_df_add(df, &a), SL_OK);
  ck_assert_int_eq(sl_df_add(df, &b), SL_OK);
  ck_assert_int_eq(sl_df_add(df, &c), SL_OK);
  ck_assert_int_eq(sl_df_add(df, &d), SL_OK);
  ck_assert_uint_eq(sl_df_ndocs(df), 104);
  /* without frequencies both pairs look alike; with them the rare one wins */
  sl_similarity_df(&a, &b, NULL, &pc0);
  sl_similarity_df(&c, &d, NULL, &pr0);
  ck_assert_double_eq_tol(pc0.words, pr0.words, 1e-9);
  double sc = sl_similarity_df(&a, &b, df, &pc);
  double sr = sl_similarity_df(&c, &d, df, &pr);
  ck_assert_double_lt(pc.words, 0.1);
  ck_assert_double_gt(pr.words, 0.3);
  ck_assert_double_gt(sr, sc);
  sl_featvec_free(&a);
  sl_featvec_free(&b);
  sl_featvec_free(&c);
  sl_featvec_free(&d);
  sl_featvec_free(&f);
  sl_df_free(df);
  sl_df_free(NULL);
}
END_TEST

/* More shared evidence never lowers the score: every weight set, parts
 * on a grid, each part raised in turn. */
static double combine(const double *w, const sl_sim_parts *p) {
  double x[SL_SIM_NX], y = 0;
  sl_sim_design(p, x);
  for (size_t k = 0; k < SL_SIM_NX; k++)
    y += w[k] * x[k];
  return y;
}

START_TEST(more_evidence_never_lowers_the_score) {
  const double *sets[] = {SL_SIM_W_SAME, SL_SIM_W_CROSS, SL_SIM_W_SCRIPT, SL_SIM_W_SCRIPT_CAPS};
  uint32_t seed = 12345;
  for (size_t s = 0; s < 4; s++)
    for (int trial = 0; trial < 2000; trial++) {
      double v[10];
      for (int k = 0; k < 10; k++) {
        seed = seed * 1664525u + 1013904223u;
        v[k] = (double)(seed >> 8) / (double)(1u << 24);
      }
      sl_sim_parts p = {.persons = v[0], .places = v[1], .orgs = v[2], .dates = -1,
                        .numbers = v[3], .eventwords = v[4], .topics = v[5], .words = v[6],
                        .tokens = v[7], .caps = v[8], .lead = v[9], .same_lang = 1,
                        .same_script = 1, .caps_both = 1, .both = seed >> 26, .score = 0};
      double base = combine(sets[s], &p);
      double *fields[] = {&p.persons, &p.places, &p.orgs, &p.numbers, &p.eventwords,
                          &p.topics, &p.words, &p.tokens, &p.caps, &p.lead};
      for (int k = 0; k < 10; k++) {
        double old = *fields[k];
        *fields[k] = old + (1 - old) * 0.5;
        ck_assert_msg(combine(sets[s], &p) >= base - 1e-12, "set %zu part %d lowers the score", s, k);
        *fields[k] = old;
      }
    }
}
END_TEST

/* A finished vector of the given word stems and numbers ("12", "5km"). */
static void vec_numbers(sl_featvec *v, const char *const *words, const char *const *numbers) {
  sl_featvec_init(v);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_LANG, "en", 2), 1), SL_OK);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_SCRIPT, "Latn", 4), 1), SL_OK);
  for (size_t i = 0; words[i]; i++) {
    char buf[64];
    int n = snprintf(buf, sizeof buf, "en:%s", words[i]);
    ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_TERM, buf, (size_t)n), 1), SL_OK);
  }
  for (size_t i = 0; numbers && numbers[i]; i++)
    ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_NUMBER, numbers[i], strlen(numbers[i])), 1),
                     SL_OK);
  sl_featvec_finish(v);
  v->ndocs = 1;
  v->day = SL_NO_DAY;
}

/* What both reports name but do not share counts against them: two
 * reports of one wording giving different tolls score below the same two
 * giving none, and giving the same toll scores highest. */
START_TEST(what_both_name_apart_lowers_the_score) {
  static const char *const w[] = {"earthquak", "istanbul", "kill", "rescu", NULL};
  static const char *const w2[] = {"earthquak", "istanbul", "kill", "hospit", NULL};
  static const char *const n1[] = {"12", NULL}, *const n2[] = {"40", NULL};
  sl_featvec a, b, a_toll, b_apart, b_shared;
  sl_sim_parts none, apart, shared;
  vec_numbers(&a, w, NULL);
  vec_numbers(&b, w2, NULL);
  vec_numbers(&a_toll, w, n1);
  vec_numbers(&b_apart, w2, n2);
  vec_numbers(&b_shared, w2, n1);
  double s_none = sl_similarity(&a, &b, &none);
  double s_apart = sl_similarity(&a_toll, &b_apart, &apart);
  double s_shared = sl_similarity(&a_toll, &b_shared, &shared);
  ck_assert_uint_eq(none.both & SL_SIM_BOTH_NUMBERS, 0);
  ck_assert_uint_eq(apart.both & SL_SIM_BOTH_NUMBERS, SL_SIM_BOTH_NUMBERS);
  ck_assert_double_eq_tol(apart.numbers, 0.0, 1e-12);
  ck_assert_double_lt(s_apart, s_none);
  ck_assert_double_gt(s_shared, s_apart);
  ck_assert_double_ge(s_shared, s_none);
  sl_featvec_free(&a);
  sl_featvec_free(&b);
  sl_featvec_free(&a_toll);
  sl_featvec_free(&b_apart);
  sl_featvec_free(&b_shared);
}
END_TEST

/* The concept of the first token of text z in language lang (0: none). */
static uint32_t concept_of(sl_tokenizer *tk, const char *lang, const char *z) {
  const sl_token *t;
  size_t nt;
  ck_assert_int_eq(sl_tokenize(tk, lang, z, strlen(z), &t, &nt), SL_OK);
  ck_assert_uint_ge(nt, 1);
  uint32_t c = sl_eventword(lang, t[0].norm, t[0].nnorm, t[0].stem, t[0].nstem);
  /* the entry point of the evidence builder, which hashes the stem's key
   * for its term feature, answers the same */
  char key[128];
  int k = snprintf(key, sizeof key, "%s:%s", lang, t[0].stem);
  ck_assert(k > 0 && (size_t)k < sizeof key);
  ck_assert_uint_eq(sl_eventword_hashed(lang, t[0].norm, t[0].nnorm, t[0].stem, t[0].nstem,
                                        sl_hash64(key, (size_t)k)),
                    c);
  return c;
}

START_TEST(event_words_meet_across_languages_and_inflections) {
  sl_tokenizer *tk;
  ck_assert_int_eq(sl_tokenizer_new(&tk), SL_OK);
  uint32_t vaccine = concept_of(tk, "en", "vaccines");
  ck_assert_uint_gt(vaccine, 0);
  ck_assert(sl_eventword_is_topic(vaccine));
  ck_assert_uint_eq(concept_of(tk, "de", "Impfstoffe"), vaccine); /* through the stem */
  ck_assert_uint_eq(concept_of(tk, "zh", "疫苗"), vaccine);
  ck_assert_uint_eq(concept_of(tk, "ar", "لقاح"), vaccine);
  uint32_t quake = concept_of(tk, "tr", "deprem");
  ck_assert_uint_gt(quake, 0);
  ck_assert(!sl_eventword_is_topic(quake));
  ck_assert_uint_eq(concept_of(tk, "ru", "землетрясение"), quake);
  ck_assert_uint_eq(concept_of(tk, "es", "terremoto"), quake);
  /* a word fires only in its own language */
  ck_assert_uint_eq(concept_of(tk, "en", "deprem"), 0);
  ck_assert_uint_eq(concept_of(tk, "en", "table"), 0);
  sl_tokenizer_free(tk);
}
END_TEST

/* ---- the pair pipeline on real articles ---- */

static const char *SEEDS[] = {"examples/seeds/000_a36e95430f0b8119.txt",
                              "examples/seeds/001_68aac25d7f60230c.txt",
                              "examples/seeds/002_4843e7fa21632428.txt",
                              "examples/seeds/003_2c3edb034ccb3b0f.txt"};

static void seed_vec(sl_pairdoc *pd, int i, sl_featvec *v, char *lang) {
  size_t n;
  char *z = sl_test_slurp(SEEDS[i], &n);
  sl_pairdoc_text t = {SEEDS[i], NULL, NULL, NULL, z, n};
  const char *why = NULL;
  sl_featvec_init(v);
  ck_assert_int_eq(sl_pairdoc_vector(pd, &t, v, lang, &why), SL_OK);
  ck_assert_uint_gt(v->n, 10);
  free(z);
}

START_TEST(seeds_kremlin_reports_match_across_scripts) {
  sl_pairdoc *pd;
  sl_featvec v[4];
  char lang[4][8];
  sl_sim_parts p;
  ck_assert_int_eq(sl_pairdoc_new(&pd), SL_OK);
  for (int i = 0; i < 4; i++)
    seed_vec(pd, i, &v[i], lang[i]);
  ck_assert_str_eq(lang[0], "vi");
  ck_assert_str_eq(lang[2], "ar");
  ck_assert_str_eq(lang[3], "en");
  /* 000 (vi) and 002 (ar): the same talks, the same day */
  double s = sl_similarity(&v[0], &v[2], &p);
  ck_assert_int_eq(p.same_script, 0);
  ck_assert_double_gt(p.persons, 0.5); /* Putin and al-Sharaa, linked across scripts */
  ck_assert_double_gt(p.places, 0.5);
  ck_assert_double_eq_tol(p.dates, 1.0, 1e-9);
  ck_assert_double_ge(s, SL_SAME_EVENT);
  /* 000 and 001 (both vi): the 2017 Sochi meeting is another event */
  s = sl_similarity(&v[0], &v[1], &p);
  ck_assert_int_eq(p.same_lang, 1);
  ck_assert_double_eq(p.dates, 0);
  ck_assert_double_lt(s, SL_SAME_EVENT);
  /* 002 (ar) and 003 (en): the 2025 phone call is another event */
  s = sl_similarity(&v[2], &v[3], &p);
  ck_assert_double_lt(s, SL_SAME_EVENT);
  for (int i = 0; i < 4; i++)
    sl_featvec_free(&v[i]);
  sl_pairdoc_free(pd);
  sl_pairdoc_free(NULL);
}
END_TEST

START_TEST(pairdoc_given_language_and_empty_text) {
  sl_pairdoc *pd;
  sl_featvec v;
  char lang[8];
  const char *why = NULL;
  static const char de[] = "Das Erdbeben in Izmir hat am Freitag mindestens 25 Menschen getötet.";
  sl_pairdoc_text t = {"x", "de", NULL, NULL, de, sizeof de - 1};
  sl_pairdoc_text empty = {"y", NULL, NULL, NULL, "  \n ", 4};
  ck_assert_int_eq(sl_pairdoc_new(&pd), SL_OK);
  sl_featvec_init(&v);
  ck_assert_int_eq(sl_pairdoc_vector(pd, &t, &v, lang, &why), SL_OK);
  ck_assert_str_eq(lang, "de");
  /* the quake is an event word, 25 a number */
  int kinds[SL_F_NKINDS] = {0};
  for (size_t i = 0; i < v.n; i++)
    kinds[sl_feat_kind_of(v.v[i].id)]++;
  ck_assert_int_gt(kinds[SL_F_EVENTWORD], 0);
  ck_assert_int_gt(kinds[SL_F_NUMBER], 0);
  ck_assert_int_gt(kinds[SL_F_TERM], 4);
  ck_assert_int_eq(kinds[SL_F_LANG], 1);
  ck_assert_int_ne(sl_pairdoc_vector(pd, &empty, &v, lang, &why), SL_OK);
  /* a tag with a region, or in capitals, is its language: the same
   * vector as under "de" */
  sl_featvec ref;
  sl_featvec_init(&ref);
  ck_assert_int_eq(sl_pairdoc_vector(pd, &t, &ref, lang, &why), SL_OK);
  static const char *const TAGS[] = {"de-DE", "DE", "de_AT", NULL};
  for (int k = 0; TAGS[k]; k++) {
    sl_featvec w;
    sl_pairdoc_text tt = {"x", TAGS[k], NULL, NULL, de, sizeof de - 1};
    sl_featvec_init(&w);
    ck_assert_int_eq(sl_pairdoc_vector(pd, &tt, &w, lang, &why), SL_OK);
    ck_assert_str_eq(lang, "de");
    ck_assert_uint_eq(w.n, ref.n);
    for (size_t i = 0; i < w.n; i++)
      ck_assert(w.v[i].id == ref.v[i].id);
    sl_featvec_free(&w);
  }
  sl_featvec_free(&ref);
  sl_featvec_free(&v);
  sl_pairdoc_free(pd);
}
END_TEST

/* A Russian report's own capitals (Путин, Сочи) cannot meet an English
 * report's: the pair is judged on names and event words, like any pair
 * across scripts, not on capitals it could never share.  A Chinese report
 * quoting a name in Latin letters can share capitals. */
static void text_vec(sl_pairdoc *pd, const char *lang, const char *z, sl_featvec *v) {
  char got[8];
  const char *why = NULL;
  sl_pairdoc_text t = {lang, lang, NULL, NULL, z, strlen(z)};
  sl_featvec_init(v);
  ck_assert_int_eq(sl_pairdoc_vector(pd, &t, v, got, &why), SL_OK);
  ck_assert_str_eq(got, lang);
}

START_TEST(only_latin_capitals_meet_across_scripts) {
  static const char ru[] =
      "Президент России Владимир Путин встретился с президентом Турции Реджепом Тайипом "
      "Эрдоганом в Сочи во вторник. Лидеры обсудили ситуацию в Сирии и поставки газа.";
  static const char en[] =
      "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on "
      "Tuesday. The leaders discussed the situation in Syria and gas supplies.";
  static const char zh[] = "美国有线电视新闻网主持人 Anderson Cooper 在新年直播中与 Andy Cohen 交谈，"
                           "观众对他的言论感到震惊。";
  static const char en2[] = "CNN host Anderson Cooper shocked viewers during the New Year broadcast "
                            "while talking with his co-host Andy Cohen in Times Square.";
  sl_pairdoc *pd;
  sl_featvec r, e, z, e2;
  sl_sim_parts p;
  ck_assert_int_eq(sl_pairdoc_new(&pd), SL_OK);
  text_vec(pd, "ru", ru, &r);
  text_vec(pd, "en", en, &e);
  text_vec(pd, "zh", zh, &z);
  text_vec(pd, "en", en2, &e2);
  double s = sl_similarity(&r, &e, &p);
  ck_assert_int_eq(p.same_script, 0);
  ck_assert_int_eq(p.caps_both, 0);
  ck_assert_double_gt(p.persons, 0.5); /* Путин = Putin, Эрдоганом = Erdogan */
  ck_assert_double_gt(p.eventwords, 0.5);
  ck_assert_double_ge(s, SL_SAME_EVENT);
  sl_similarity(&z, &e2, &p);
  ck_assert_int_eq(p.same_script, 0);
  ck_assert_int_eq(p.caps_both, 1);
  ck_assert_double_gt(p.caps, 0.3);
  sl_featvec_free(&r);
  sl_featvec_free(&e);
  sl_featvec_free(&z);
  sl_featvec_free(&e2);
  sl_pairdoc_free(pd);
}
END_TEST

/* A name the second text of a pair introduces counts in the first: the
 * German report names "Tom Moore" once among capitalised nouns, which
 * alone makes no entity; once the English report made him one, the
 * German report's mention links to him. */
static size_t persons_shared(const sl_featvec *a, const sl_featvec *b) {
  size_t n = 0;
  for (size_t i = 0; i < a->n; i++)
    for (size_t j = 0; j < b->n; j++)
      n += a->v[i].id == b->v[j].id && sl_feat_kind_of(a->v[i].id) == SL_F_PERSON;
  return n;
}

START_TEST(pair_reads_text1_again_with_text2_names) {
  static const char de[] = "Der Weltkriegsveteran Tom Moore hat im Garten Runden gedreht und Geld gesammelt.";
  static const char en[] = "Tom Moore, the British veteran, raised money by walking laps in his garden. "
                           "On Thursday the veteran Tom Moore turned 100.";
  sl_pairdoc_text t1 = {"de", "de", NULL, NULL, de, sizeof de - 1};
  sl_pairdoc_text t2 = {"en", "en", NULL, NULL, en, sizeof en - 1};
  sl_featvec v1, v2;
  char l1[8], l2[8];
  const char *why = NULL;
  sl_featvec_init(&v1);
  sl_featvec_init(&v2);
  /* read one after the other, the German text knows no Tom Moore */
  sl_pairdoc *pd;
  ck_assert_int_eq(sl_pairdoc_new(&pd), SL_OK);
  ck_assert_int_eq(sl_pairdoc_vector(pd, &t1, &v1, l1, &why), SL_OK);
  ck_assert_int_eq(sl_pairdoc_vector(pd, &t2, &v2, l2, &why), SL_OK);
  ck_assert_uint_eq(persons_shared(&v1, &v2), 0);
  sl_pairdoc_free(pd);
  /* read as a pair, it does */
  ck_assert_int_eq(sl_pairdoc_new(&pd), SL_OK);
  sl_pairdoc_pair_out o = {&v1, &v2, l1, l2, NULL};
  ck_assert_int_eq(sl_pairdoc_pair(pd, &t1, &t2, &o, &why), SL_OK);
  ck_assert_str_eq(l1, "de");
  ck_assert_str_eq(l2, "en");
  ck_assert_uint_eq(persons_shared(&v1, &v2), 1);
  sl_pairdoc_free(pd);
  sl_featvec_free(&v1);
  sl_featvec_free(&v2);
}
END_TEST

/* Words meet across languages through the dictionaries (translate.h):
 * the German report's Erdbeben is the English report's earthquake. */
static size_t shared_of_kind(const sl_featvec *a, const sl_featvec *b, sl_feat_kind kind) {
  size_t n = 0;
  for (size_t i = 0, j = 0; i < a->n && j < b->n;) {
    if (a->v[i].id != b->v[j].id) {
      i += a->v[i].id < b->v[j].id;
      j += b->v[j].id < a->v[i].id;
      continue;
    }
    n += sl_feat_kind_of(a->v[i].id) == kind;
    i++, j++;
  }
  return n;
}

START_TEST(words_meet_through_the_dictionaries) {
  ck_assert_uint_gt(sl_trans_n, 100000); /* the build found the dictionaries */
  static const char de[] = "Ein schweres Erdbeben hat die Regierung des Landes erschüttert.";
  static const char en[] = "A strong earthquake shook the government of the country.";
  static const char sport[] = "The football match ended in a draw after extra time.";
  sl_pairdoc *pd;
  sl_featvec vde, ven, vsport;
  sl_sim_parts p;
  ck_assert_int_eq(sl_pairdoc_new(&pd), SL_OK);
  text_vec(pd, "de", de, &vde);
  text_vec(pd, "en", en, &ven);
  text_vec(pd, "en", sport, &vsport);
  /* earthquake, government, country at least */
  ck_assert_uint_ge(shared_of_kind(&vde, &ven, SL_F_TRANS), 3);
  ck_assert_uint_eq(shared_of_kind(&vde, &vsport, SL_F_TRANS), 0);
  sl_similarity(&vde, &ven, &p);
  ck_assert_double_gt(p.translated, 0.3);
  sl_similarity(&vde, &vsport, &p);
  ck_assert_double_eq(p.translated, 0);
  /* the lookup itself: a Spanish stem, and a word no dictionary has */
  uint32_t tr[3];
  const sl_token *t;
  size_t nt;
  sl_tokenizer *tk;
  ck_assert_int_eq(sl_tokenizer_new(&tk), SL_OK);
  ck_assert_int_eq(sl_tokenize(tk, "es", "gobierno", 8, &t, &nt), SL_OK);
  ck_assert_uint_eq(nt, 1);
  char key[64];
  int kn = snprintf(key, sizeof key, "es:%.*s", (int)t[0].nstem, t[0].stem);
  size_t n = sl_translate(sl_hash64(key, (size_t)kn), tr, 3);
  ck_assert_int_eq(sl_tokenize(tk, "en", "government", 10, &t, &nt), SL_OK);
  kn = snprintf(key, sizeof key, "en:%.*s", (int)t[0].nstem, t[0].stem);
  uint32_t want = (uint32_t)sl_hash64(key, (size_t)kn);
  int found = 0;
  for (size_t k = 0; k < n; k++)
    found |= tr[k] == want;
  ck_assert(found);
  ck_assert_uint_eq(sl_translate(sl_hash64("es:qqxzzy", 9), tr, 3), 0);
  sl_tokenizer_free(tk);
  sl_featvec_free(&vde);
  sl_featvec_free(&ven);
  sl_featvec_free(&vsport);
  sl_pairdoc_free(pd);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("similarity");
  TCase *tc = tcase_create("score");
  tcase_add_test(tc, identical_reports_are_one_event);
  tcase_add_test(tc, unrelated_reports_are_not);
  tcase_add_test(tc, days_far_apart_cap_the_score);
  tcase_add_test(tc, languages_pick_their_weights);
  tcase_add_test(tc, language_pairs_are_calibrated);
  tcase_add_test(tc, rare_words_weigh_more);
  tcase_add_test(tc, more_evidence_never_lowers_the_score);
  tcase_add_test(tc, what_both_name_apart_lowers_the_score);
  tcase_add_test(tc, event_words_meet_across_languages_and_inflections);
  suite_add_tcase(s, tc);
  TCase *tp = tcase_create("pairdoc");
  tcase_set_timeout(tp, 60);
  tcase_add_test(tp, seeds_kremlin_reports_match_across_scripts);
  tcase_add_test(tp, pairdoc_given_language_and_empty_text);
  tcase_add_test(tp, only_latin_capitals_meet_across_scripts);
  tcase_add_test(tp, pair_reads_text1_again_with_text2_names);
  tcase_add_test(tp, words_meet_through_the_dictionaries);
  suite_add_tcase(s, tp);
  return s;
}

SL_CHECK_MAIN(suite)
