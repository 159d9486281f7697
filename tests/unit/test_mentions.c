/*
 * test_mentions — mention finding (gazetteer, triggers, capitals, known
 * names) and cross-script linking on sentences in several languages.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/gazetteer.h"
#include "analyze/mentions.h"
#include "analyze/tokenize.h"
#include "link/linker.h"
#include "check_main.h"

static sl_tokenizer *tk;
static sl_linker *lk;

static void setup(void) {
  ck_assert_int_eq(sl_tokenizer_new(&tk), SL_OK);
  ck_assert_int_eq(sl_linker_new(&lk), SL_OK);
}

static void teardown(void) {
  sl_tokenizer_free(tk);
  sl_linker_free(lk);
}

typedef struct found {
  sl_mention *m;
  size_t n;
  long ent[64];
} found;

/* Finds and links the mentions of z (two passes, as ingest does). */
static void run(const char *lang, const char *z, found *f) {
  const sl_token *t;
  size_t nt;
  for (int pass = 0; pass < 2; pass++) {
    ck_assert_int_eq(sl_tokenize(tk, lang, z, strlen(z), &t, &nt), SL_OK);
    if (pass)
      free(f->m);
    ck_assert_int_eq(sl_mentions_find(lang, z, strlen(z), t, nt, sl_linker_known, lk, &f->m, &f->n), SL_OK);
    ck_assert_uint_le(f->n, 64);
    ck_assert_int_eq(sl_linker_link(lk, lang, z, strlen(z), f->m, f->n, f->ent), SL_OK);
  }
}

/* Index of the entity linked to the first mention whose surface is s,
 * or -1 (indices are stable, entity pointers are not). */
static long index_of(const char *z, const found *f, const char *s) {
  for (size_t i = 0; i < f->n; i++)
    if (f->m[i].end - f->m[i].start == strlen(s) && !memcmp(z + f->m[i].start, s, strlen(s)))
      return f->ent[i];
  return -1;
}

static sl_entity *entity_of(const char *z, const found *f, const char *s) {
  long i = index_of(z, f, s);
  return i >= 0 ? sl_linker_entity(lk, (size_t)i) : NULL;
}

static int has_surface(const char *z, const found *f, const char *s) {
  for (size_t i = 0; i < f->n; i++)
    if (f->m[i].end - f->m[i].start == strlen(s) && !memcmp(z + f->m[i].start, s, strlen(s)))
      return 1;
  return 0;
}

START_TEST(gazetteer_cldr_names) {
  const struct sl_gazetteer *g = sl_gazetteer_get();
  ck_assert_ptr_nonnull(g);
  /* keys are token norms: CLDR country and time-zone city names */
  static const char *const RU[] = {"russia", "nga", "روسيا", "россия", "俄罗斯", "russie", NULL};
  for (int i = 0; RU[i]; i++) {
    const sl_gaz_entry *e = sl_gazetteer_find(g, RU[i], strlen(RU[i]));
    ck_assert_msg(e && !strcmp(e->code, "RU"), "%s is not Russia", RU[i]);
  }
  const sl_gaz_entry *m = sl_gazetteer_find(g, "موسكو", strlen("موسكو"));
  ck_assert_ptr_nonnull(m);
  ck_assert_str_eq(m->name, "Moscow");
  ck_assert_ptr_null(sl_gazetteer_find(g, "putin", 5));
}
END_TEST

START_TEST(triggers_across_languages) {
  found f = {0};
  const char *vi = "Tổng thống Nga Vladimir Putin hội đàm với người đồng cấp al-Sharaa tại thành phố Sochi. "
                   "Quan hệ giữa Nga và Syria phát triển.";
  run("vi", vi, &f);
  long putin = index_of(vi, &f, "Vladimir Putin");
  ck_assert_int_ge(putin, 0);
  ck_assert_int_eq(sl_linker_entity(lk, (size_t)putin)->type, SL_ENT_PERSON);
  ck_assert_ptr_nonnull(entity_of(vi, &f, "al-Sharaa"));
  sl_entity *sochi = entity_of(vi, &f, "Sochi");
  ck_assert_ptr_nonnull(sochi);
  ck_assert_int_eq(sochi->type, SL_ENT_PLACE);
  sl_entity *nga = entity_of(vi, &f, "Nga");
  ck_assert_ptr_nonnull(nga);
  ck_assert_str_eq(nga->name, "Russia");
  free(f.m);

  /* Arabic: the nisba adjective is skipped, the reporting verb ends the
   * name, and the family name alone links back to the full name */
  const char *ar = "قال الرئيس الروسي فلاديمير بوتين أكد في الكرملين. وصرح بوتين بأن موسكو مستعدة.";
  run("ar", ar, &f);
  ck_assert_int_eq(index_of(ar, &f, "فلاديمير بوتين"), putin);
  ck_assert_int_eq(index_of(ar, &f, "بوتين"), putin);
  ck_assert(!has_surface(ar, &f, "فلاديمير بوتين أكد"));
  ck_assert_str_eq(entity_of(ar, &f, "موسكو")->name, "Moscow");
  free(f.m);

  const char *ru = "Президент России Владимир Путин встретился с коллегами в Москве.";
  run("ru", ru, &f);
  ck_assert_int_eq(index_of(ru, &f, "Владимир Путин"), putin);
  ck_assert_str_eq(entity_of(ru, &f, "Москве")->name, "Moscow");
  free(f.m);
}
END_TEST

START_TEST(capitals_are_not_always_names) {
  found f = {0};
  /* German capitalises nouns: no entity from a lone capital noun */
  const char *de = "Die Corona-Krise trifft die Wirtschaft. Die Corona-Krise dauert an, sagt die Regierung.";
  run("de", de, &f);
  for (size_t i = 0; i < f.n; i++)
    ck_assert_msg(f.ent[i] < 0 || f.m[i].src != SL_MSRC_CAPS, "German noun became an entity");
  free(f.m);
  /* French: "Un" opening a sentence is not the UN; "l'ONU" is */
  const char *fr = "Un homme a parlé. Le chef de l'ONU est venu à Paris.";
  run("fr", fr, &f);
  ck_assert(!has_surface(fr, &f, "Un"));
  sl_entity *un = entity_of(fr, &f, "l'ONU");
  ck_assert_ptr_nonnull(un);
  ck_assert_str_eq(un->name, "United Nations");
  free(f.m);
  /* English: weekday and month names are not people */
  const char *en = "On Friday, Mr. Smith met Senator Jones. Friday talks ended in December.";
  run("en", en, &f);
  ck_assert(!has_surface(en, &f, "Friday"));
  ck_assert(!has_surface(en, &f, "December"));
  ck_assert_ptr_nonnull(entity_of(en, &f, "Smith"));
  free(f.m);
  /* a headline in title case: its capitals name nothing by themselves */
  const char *head = "Veteran Is Awarded Knighthood For Fundraising Walks\n"
                     "The veteran Tom Moore raised money. Tom Moore is 100.";
  run("en", head, &f);
  ck_assert(!has_surface(head, &f, "Fundraising Walks"));
  ck_assert(!has_surface(head, &f, "Awarded Knighthood"));
  ck_assert(has_surface(head, &f, "Tom Moore"));
  free(f.m);
  /* where the noun comes first, its opening word types the run: a
   * holiday is no person, a district is a place */
  const char *es = "Miles de personas celebraron el Año Nuevo en la playa. El Año Nuevo llegó con frío.";
  run("es", es, &f);
  ck_assert(!has_surface(es, &f, "Año Nuevo"));
  free(f.m);
  const char *de2 = "Im Bezirk Korneuburg stieg das Wasser. Der Bezirk Korneuburg meldet Schäden.";
  run("de", de2, &f);
  sl_entity *bezirk = entity_of(de2, &f, "Bezirk Korneuburg");
  ck_assert_ptr_nonnull(bezirk);
  ck_assert_int_eq(bezirk->type, SL_ENT_PLACE);
  free(f.m);
  /* a Polish body opens with its noun; the UN in Italian is the UN */
  const char *pl = "Trybunał Konstytucyjny orzekł w środę. Trybunał Konstytucyjny zbada ustawę.";
  run("pl", pl, &f);
  sl_entity *court = entity_of(pl, &f, "Trybunał Konstytucyjny");
  ck_assert_ptr_nonnull(court);
  ck_assert_int_eq(court->type, SL_ENT_ORG);
  free(f.m);
  const char *it = "Le Nazioni Unite hanno chiesto una tregua.";
  run("it", it, &f);
  sl_entity *un_it = entity_of(it, &f, "Nazioni Unite");
  ck_assert_ptr_nonnull(un_it);
  ck_assert_str_eq(un_it->name, "United Nations");
  free(f.m);
}
END_TEST

/* News names a person in full once, untitled, then by the last name; a
 * sentence's first word before the name is not part of it. */
START_TEST(untitled_full_names_said_again_by_last_name) {
  found f = {0};
  const char *en = "Vladimir Putin met Recep Tayyip Erdogan in Sochi. Now Erdogan said the talks "
                   "went well, and Putin agreed. He now hopes for more.";
  run("en", en, &f);
  sl_entity *erdogan = entity_of(en, &f, "Recep Tayyip Erdogan");
  ck_assert_ptr_nonnull(erdogan);
  ck_assert_int_eq(erdogan->type, SL_ENT_PERSON);
  ck_assert_ptr_eq(entity_of(en, &f, "Erdogan"), erdogan);
  ck_assert(!has_surface(en, &f, "Now Erdogan"));
  sl_entity *putin = entity_of(en, &f, "Vladimir Putin");
  ck_assert_ptr_nonnull(putin);
  ck_assert_ptr_eq(entity_of(en, &f, "Putin"), putin);
  free(f.m);
  /* said once and never again: no evidence it names a person */
  const char *once = "Talks with Anna Maria Kowalska lasted three hours in Sochi.";
  run("en", once, &f);
  ck_assert_int_lt(index_of(once, &f, "Anna Maria Kowalska"), 0);
  free(f.m);
}
END_TEST

START_TEST(linking_keeps_people_apart) {
  found f = {0};
  const char *a = "President Ahmed al-Sharaa met Foreign Minister Asaad al-Shaibani.";
  run("en", a, &f);
  long sharaa = index_of(a, &f, "Ahmed al-Sharaa");
  long shaibani = index_of(a, &f, "Asaad al-Shaibani");
  ck_assert_int_ge(sharaa, 0);
  ck_assert_int_ge(shaibani, 0);
  ck_assert_int_ne(sharaa, shaibani);
  free(f.m);
  /* a longer form of the same name links; another family name does not */
  const char *b = "President Ahmed Hussein al-Sharaa spoke with President Ahmed Hussein.";
  run("en", b, &f);
  ck_assert_int_eq(index_of(b, &f, "Ahmed Hussein al-Sharaa"), sharaa);
  ck_assert_int_ne(index_of(b, &f, "Ahmed Hussein"), sharaa);
  free(f.m);
}
END_TEST

START_TEST(last_words_type_untitled_names) {
  found f = {0};
  const char *en = "The report was aired by Fox News on Tuesday. Traders on Wall Street "
                   "celebrated New Year's Day early, and Fox News said the Police stayed calm.";
  run("en", en, &f);
  sl_entity *fox = entity_of(en, &f, "Fox News");
  ck_assert_ptr_nonnull(fox);
  ck_assert_int_eq(fox->type, SL_ENT_ORG);
  ck_assert(has_surface(en, &f, "Wall Street"));
  ck_assert(!has_surface(en, &f, "New Year"));
  ck_assert(!has_surface(en, &f, "Police"));
  free(f.m);
  /* headline furniture in capitals is no acronym; NASA is */
  const char *hl = "NEW: Officials spoke. WATCH: The VIDEO shows NASA staff.";
  run("en", hl, &f);
  ck_assert(!has_surface(hl, &f, "NEW"));
  ck_assert(!has_surface(hl, &f, "VIDEO"));
  ck_assert(has_surface(hl, &f, "NASA"));
  free(f.m);
  /* a title ending one sentence names no one in the next */
  const char *es = "Trump habló del juicio político del presidente. NBC News informó que el "
                   "presidente Donald Trump llamó a NBC News.";
  run("es", es, &f);
  sl_entity *nbc = entity_of(es, &f, "NBC News");
  ck_assert_ptr_nonnull(nbc);
  ck_assert_int_ne(nbc->type, SL_ENT_PERSON);
  ck_assert_int_eq(entity_of(es, &f, "Donald Trump")->type, SL_ENT_PERSON);
  free(f.m);
  /* an organisation word opening the run types it, and after a title it
   * opens no person's name; عبد opens a two-word given name */
  const char *es2 = "El Banco Santander y el Instituto Mexicano de Seguridad Social informaron.";
  run("es", es2, &f);
  ck_assert_int_eq(entity_of(es2, &f, "Banco Santander")->type, SL_ENT_ORG);
  free(f.m);
  const char *ar = "قال رئيس مجلس إدارة الشركة إن الرئيس عبد الفتاح السيسي زار القاهرة.";
  run("ar", ar, &f);
  ck_assert(!has_surface(ar, &f, "مجلس إدارة الشركة"));
  ck_assert_int_eq(entity_of(ar, &f, "عبد الفتاح السيسي")->type, SL_ENT_PERSON);
  free(f.m);
  /* German capitalises nouns: a name after a title is two words */
  const char *de = "Das sagte Präsident Donald Trump Ende Januar in Washington.";
  run("de", de, &f);
  ck_assert(has_surface(de, &f, "Donald Trump"));
  ck_assert(!has_surface(de, &f, "Donald Trump Ende"));
  free(f.m);
}
END_TEST

START_TEST(curated_places_and_bodies_meet_across_scripts) {
  found f = {0};
  const char *en = "Putin met Erdogan in Sochi, the Kremlin said on Facebook.";
  run("en", en, &f);
  sl_entity *sochi = entity_of(en, &f, "Sochi");
  ck_assert_ptr_nonnull(sochi);
  ck_assert_int_eq(sochi->type, SL_ENT_PLACE);
  ck_assert_int_eq(entity_of(en, &f, "Facebook")->type, SL_ENT_ORG);
  long sochi_i = index_of(en, &f, "Sochi");
  free(f.m);
  const char *ru = "Встреча прошла в Сочи, сообщили в Фейсбуке.";
  run("ru", ru, &f);
  ck_assert_int_eq(index_of(ru, &f, "Сочи"), sochi_i);
  free(f.m);
  /* Polish places in their cases: regular endings, and stems that change */
  const char *pl = "Rozmowy w Polsce, Rosji i Niemczech. Prezydent przyjechał do Sochi z Warszawy.";
  run("pl", pl, &f);
  ck_assert_str_eq(entity_of(pl, &f, "Polsce")->name, "Poland");
  ck_assert_str_eq(entity_of(pl, &f, "Rosji")->name, "Russia");
  ck_assert_str_eq(entity_of(pl, &f, "Niemczech")->name, "Germany");
  ck_assert_int_eq(index_of(pl, &f, "Sochi"), sochi_i);
  free(f.m);
  const char *ar = "عقد الاجتماع في سوتشي.";
  run("ar", ar, &f);
  ck_assert_int_eq(index_of(ar, &f, "سوتشي"), sochi_i);
  free(f.m);
}
END_TEST

/* German capitalises every noun: a name there is two capitals in a row,
 * after the nouns before it; compounds, "X von Y", adjective + noun and
 * abstract nouns are none, and a lone capital only as an acronym. */
START_TEST(german_names_among_capitalised_nouns) {
  found f = {0};
  const char *de = "Der 100-jährige Weltkriegsveteran Tom Moore hat Runden gedreht. "
                   "Moore habe das Land inspiriert, sagte Premierminister Boris Johnson. "
                   "Zustrom von Migranten im Persischen Golf, sagt die CDU. "
                   "Die Corona-Krise und die Lungenkrankheit Covid bleiben. Tom Moore dankte.";
  run("de", de, &f);
  sl_entity *moore = entity_of(de, &f, "Tom Moore");
  ck_assert_ptr_nonnull(moore);
  ck_assert_int_eq(moore->type, SL_ENT_PERSON);
  ck_assert(!has_surface(de, &f, "Weltkriegsveteran Tom Moore"));
  ck_assert(has_surface(de, &f, "Boris Johnson"));
  ck_assert(has_surface(de, &f, "CDU"));
  ck_assert(!has_surface(de, &f, "Zustrom von Migranten"));
  ck_assert(!has_surface(de, &f, "Zustrom"));
  ck_assert(!has_surface(de, &f, "Persischen Golf"));
  ck_assert(!has_surface(de, &f, "Corona-Krise"));
  ck_assert(!has_surface(de, &f, "Lungenkrankheit Covid"));
  ck_assert(!has_surface(de, &f, "Runden"));
  free(f.m);
}
END_TEST

/* Turkish proper nouns take their case endings after an apostrophe
 * ("Soylu'nun", "Ankara'da"): the name ends before it; titles come in
 * many forms (Yardımcısı, Valisi, Teknik Direktörü). */
START_TEST(turkish_case_endings_and_titles) {
  found f = {0};
  const char *tr = "İçişleri Bakanı Süleyman Soylu'nun açıklaması Ankara'da yapıldı. "
                   "Belediye Başkan Yardımcısı Enver İskurt konuştu. Soylu, İstanbul’da da konuştu.";
  run("tr", tr, &f);
  ck_assert(has_surface(tr, &f, "Süleyman Soylu"));
  ck_assert(!has_surface(tr, &f, "Süleyman Soylu'nun"));
  sl_entity *ankara = entity_of(tr, &f, "Ankara");
  ck_assert_ptr_nonnull(ankara);
  ck_assert_int_eq(ankara->type, SL_ENT_PLACE);
  ck_assert_ptr_nonnull(entity_of(tr, &f, "İstanbul"));
  ck_assert(has_surface(tr, &f, "Enver İskurt"));
  ck_assert(!has_surface(tr, &f, "Başkan Yardımcısı Enver İskurt"));
  free(f.m);
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("mentions");
  TCase *t = tcase_create("core");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_set_timeout(t, 60);
  tcase_add_test(t, gazetteer_cldr_names);
  tcase_add_test(t, triggers_across_languages);
  tcase_add_test(t, capitals_are_not_always_names);
  tcase_add_test(t, german_names_among_capitalised_nouns);
  tcase_add_test(t, turkish_case_endings_and_titles);
  tcase_add_test(t, untitled_full_names_said_again_by_last_name);
  tcase_add_test(t, linking_keeps_people_apart);
  tcase_add_test(t, last_words_type_untitled_names);
  tcase_add_test(t, curated_places_and_bodies_meet_across_scripts);
  suite_add_tcase(s, t);
  return s;
}

SL_CHECK_MAIN(suite)
