/*
 * test_linker — the entity linker on hand-built mentions: which entity a
 * name joins when its family name is followed by initials (Путин В. В.,
 * Putin V.) or sits beside a generic word (Volga River / река Волга), and
 * that a different initial or a different direction word keeps names apart;
 * that a name is looked up under every reading of its family name, and that
 * acronyms a letter apart are two entities; that a full name and its last
 * name alone count each other's sightings.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link/decline.h"
#include "link/linker.h"
#include "link/names.h"
#include "check_main.h"

static sl_linker *lk;

static void setup(void) { ck_assert_int_eq(sl_linker_new(&lk), SL_OK); }

static void teardown(void) { sl_linker_free(lk); }

/* Links a document that is one mention, the whole of text z, of `words`
 * tokens and type t (found by a title trigger); returns its entity. */
static long link_one(const char *z, uint32_t words, sl_ent_type t) {
  sl_mention m;
  long ent = -2;
  memset(&m, 0, sizeof m);
  m.start = 0;
  m.end = (uint32_t)strlen(z);
  m.tok_first = 0;
  m.tok_end = words;
  m.type = t;
  m.src = SL_MSRC_TRIGGER;
  ck_assert_int_eq(sl_linker_link(lk, "und", z, strlen(z), &m, 1, &ent), SL_OK);
  ck_assert_int_ge(ent, 0);
  return ent;
}

START_TEST(trailing_initials_find_the_family_name) {
  long putin = link_one("Владимир Путин", 2, SL_ENT_PERSON);
  ck_assert_int_eq(link_one("Путин В. В.", 3, SL_ENT_PERSON), putin);
  ck_assert_int_eq(link_one("Putin V.", 2, SL_ENT_PERSON), putin);
  ck_assert_int_eq(link_one("В. В. Путин", 3, SL_ENT_PERSON), putin);
  /* another given name's initial: another person */
  ck_assert_int_ne(link_one("Путин А. А.", 3, SL_ENT_PERSON), putin);
}
END_TEST

START_TEST(initials_first_then_the_full_name) {
  long a = link_one("Лавров С. В.", 3, SL_ENT_PERSON);
  ck_assert_int_eq(link_one("Sergey Lavrov", 2, SL_ENT_PERSON), a);
}
END_TEST

START_TEST(generic_words_are_no_family_name) {
  long volga = link_one("Volga River", 2, SL_ENT_PLACE);
  ck_assert_int_eq(link_one("река Волга", 2, SL_ENT_PLACE), volga);
  long north = link_one("North Korea", 2, SL_ENT_PLACE);
  ck_assert_int_eq(link_one("Северная Корея", 2, SL_ENT_PLACE), north);
  long skorea = link_one("South Korea", 2, SL_ENT_PLACE);
  ck_assert_int_ne(skorea, north);
  ck_assert_int_eq(link_one("كوريا الجنوبية", 2, SL_ENT_PLACE), skorea);
}
END_TEST

START_TEST(every_reading_of_a_family_name_is_looked_up) {
  /* Erdogan's last blocking code is that of a soft g (TS), the Arabic and
   * Russian spellings' is that of a hard one (TK): only all codes meet */
  long erdogan = link_one("Recep Tayyip Erdogan", 3, SL_ENT_PERSON);
  ck_assert_int_eq(link_one("رجب طيب أردوغان", 3, SL_ENT_PERSON), erdogan);
  ck_assert_int_eq(link_one("Реджеп Тайип Эрдоган", 3, SL_ENT_PERSON), erdogan);
  long macron = link_one("Emmanuel Macron", 2, SL_ENT_PERSON);
  ck_assert_int_eq(link_one("إيمانويل ماكرون", 2, SL_ENT_PERSON), macron);
  ck_assert_int_ne(macron, erdogan);
}
END_TEST

START_TEST(acronyms_a_letter_apart_stay_apart) {
  long gdp = link_one("GDP", 1, SL_ENT_ORG);
  ck_assert_int_ne(link_one("HDP", 1, SL_ENT_ORG), gdp);
  long sec = link_one("SEC", 1, SL_ENT_ORG);
  ck_assert_int_ne(link_one("SEK", 1, SL_ENT_ORG), sec);
  /* one acronym in two alphabets still links */
  long nato = link_one("NATO", 1, SL_ENT_ORG);
  ck_assert_int_eq(link_one("НАТО", 1, SL_ENT_ORG), nato);
}
END_TEST

/* A mention of `words` tokens with normalised name z, mid-sentence. */
static sl_mention named(const char *z, uint32_t words) {
  sl_mention m;
  memset(&m, 0, sizeof m);
  m.tok_first = 10;
  m.tok_end = 10 + words;
  m.type = SL_ENT_UNKNOWN;
  m.src = SL_MSRC_CAPS;
  snprintf(m.norm, sizeof m.norm, "%s", z);
  return m;
}

/* The count of name z in the counts of ms[0..n): sightings, mid-sentence. */
static void count_of(const sl_mention *ms, size_t n, const char *z, int64_t *all, int64_t *mid) {
  sl_strmap *c = sl_linker_count_names(ms, n);
  int64_t v = 0;
  ck_assert_ptr_nonnull(c);
  sl_strmap_get(c, z, strlen(z), &v);
  *all = v & 0xFFFFFFFF;
  *mid = v >> 32;
  sl_strmap_free(c);
}

/* News names a person in full once, then by the last name: each counts
 * the other, so an untitled full name said once still shows as repeated;
 * a run joined by "de" is no person's name and takes no credit. */
START_TEST(a_full_name_and_its_last_name_count_each_other) {
  sl_mention ms[] = {named("recep tayyip erdogan", 3), named("moscow", 1), named("erdogan", 1),
                     named("secretaría de educación", 3), named("educación", 1), named("erdogan", 1)};
  int64_t all, mid;
  count_of(ms, 6, "recep tayyip erdogan", &all, &mid);
  ck_assert_int_eq(all, 3);
  ck_assert_int_eq(mid, 3);
  count_of(ms, 6, "erdogan", &all, &mid);
  ck_assert_int_eq(all, 3);
  count_of(ms, 6, "secretaría de educación", &all, &mid);
  ck_assert_int_eq(all, 1);
  count_of(ms, 6, "educación", &all, &mid);
  ck_assert_int_eq(all, 1);
  count_of(ms, 6, "moscow", &all, &mid);
  ck_assert_int_eq(all, 1);
}
END_TEST

START_TEST(family_of_keys) {
  sl_names *nm;
  char key[512];
  size_t n;
  const char *f;
  ck_assert_int_eq(sl_names_new(&nm), SL_OK);
  sl_names_key(nm, "Путин В. В.", strlen("Путин В. В."), key, sizeof key);
  f = sl_names_family(key, &n);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq((int)n, 6); /* flag of a Cyrillic word, then its symbols */
  ck_assert_int_eq(memcmp(f, "%putin", 6), 0);
  sl_names_key(nm, "Republic of Korea", strlen("Republic of Korea"), key, sizeof key);
  f = sl_names_family(key, &n);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(memcmp(f, "korea", 5), 0);
  /* a name of initials only: its last one */
  sl_names_key(nm, "V. V.", 5, key, sizeof key);
  f = sl_names_family(key, &n);
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(f[0], '.');
  ck_assert_ptr_null(sl_names_family("", &n));
  ck_assert_int_eq((int)n, 0);
  sl_names_free(nm);
}
END_TEST

/* Links the one mention z (norm its lower case) of a Polish document. */
static long link_pl(const char *z, const char *norm, uint32_t words, sl_mention_src src) {
  sl_mention m;
  long ent = -2;
  memset(&m, 0, sizeof m);
  m.end = (uint32_t)strlen(z);
  m.tok_end = words;
  m.type = src == SL_MSRC_TRIGGER ? SL_ENT_PERSON : SL_ENT_UNKNOWN;
  m.src = src;
  snprintf(m.norm, sizeof m.norm, "%s", norm);
  ck_assert_int_eq(sl_linker_link(lk, "pl", z, strlen(z), &m, 1, &ent), SL_OK);
  return ent;
}

/* Polish declines names: the nominative and the declined forms are one
 * person, whichever comes first. */
START_TEST(declined_polish_names_are_one_person) {
  char g[128];
  ck_assert_uint_gt(sl_decline_guess("pl", "andrzeja dudy", 13, g, sizeof g), 0);
  ck_assert_str_eq(g, "andrzej duda");
  ck_assert_uint_gt(sl_decline_guess("pl", "jacka kurskiego", 15, g, sizeof g), 0);
  ck_assert_str_eq(g, "jacek kurski");
  ck_assert_uint_gt(sl_decline_guess("pl", "donaldem trumpem", 16, g, sizeof g), 0);
  ck_assert_str_eq(g, "donald trump");
  ck_assert_uint_gt(sl_decline_guess("pl", "beaty szyd\xC5\x82o", 13, g, sizeof g), 0);
  ck_assert_str_eq(g, "beata szyd\xC5\x82o");
  ck_assert_uint_eq(sl_decline_guess("pl", "merkel", 6, g, sizeof g), 0);
  ck_assert_uint_eq(sl_decline_guess("en", "andrzeja dudy", 13, g, sizeof g), 0);
  /* nominative first */
  long duda = link_pl("Andrzej Duda", "andrzej duda", 2, SL_MSRC_TRIGGER);
  ck_assert_int_ge(duda, 0);
  ck_assert_int_eq(link_pl("Andrzeja Dudy", "andrzeja dudy", 2, SL_MSRC_CAPS), duda);
  ck_assert_int_eq(link_pl("Andrzejem Dud\xC4\x85", "andrzejem dud\xC4\x85", 2, SL_MSRC_CAPS), duda);
  /* declined first */
  long kurski = link_pl("Jacka Kurskiego", "jacka kurskiego", 2, SL_MSRC_TRIGGER);
  ck_assert_int_ge(kurski, 0);
  ck_assert_int_eq(link_pl("Jacek Kurski", "jacek kurski", 2, SL_MSRC_CAPS), kurski);
  ck_assert_int_ne(kurski, duda);
}
END_TEST

static Suite *make_suite(void) {
  Suite *s = suite_create("linker");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, trailing_initials_find_the_family_name);
  tcase_add_test(tc, initials_first_then_the_full_name);
  tcase_add_test(tc, generic_words_are_no_family_name);
  tcase_add_test(tc, every_reading_of_a_family_name_is_looked_up);
  tcase_add_test(tc, acronyms_a_letter_apart_stay_apart);
  tcase_add_test(tc, family_of_keys);
  tcase_add_test(tc, a_full_name_and_its_last_name_count_each_other);
  tcase_add_test(tc, declined_polish_names_are_one_person);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(make_suite)
