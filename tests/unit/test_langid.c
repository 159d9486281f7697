/*
 * test_langid — language and script identification on the seed articles
 * and on news sentences in each supported language.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/langid.h"
#include "check_main.h"

static sl_langid *lid;

static void setup(void) { ck_assert_int_eq(sl_langid_new(&lid), SL_OK); }
static void teardown(void) {
  sl_langid_free(lid);
  lid = NULL;
}

/* Reads a file (relative to the repository root) into a malloc'd buffer. */
static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *buf = NULL;
  long sz;
  ck_assert_msg(f != NULL, "cannot open %s", path);
  fseek(f, 0, SEEK_END);
  sz = ftell(f);
  fseek(f, 0, SEEK_SET);
  ck_assert(sz > 0);
  buf = malloc((size_t)sz + 1);
  ck_assert(buf != NULL);
  ck_assert_uint_eq(fread(buf, 1, (size_t)sz, f), (size_t)sz);
  buf[sz] = '\0';
  fclose(f);
  *n = (size_t)sz;
  return buf;
}

static const char *detect(const char *z) {
  static char lang[8];
  ck_assert_int_eq(sl_langid_detect(lid, z, strlen(z), lang), SL_OK);
  return lang;
}

static const struct {
  const char *path, *lang;
  sl_script script;
} seeds[] = {
    {"examples/seeds/000_a36e95430f0b8119.txt", "vi", SL_SCRIPT_LATIN},
    {"examples/seeds/001_68aac25d7f60230c.txt", "vi", SL_SCRIPT_LATIN},
    {"examples/seeds/002_4843e7fa21632428.txt", "ar", SL_SCRIPT_ARABIC},
    {"examples/seeds/003_2c3edb034ccb3b0f.txt", "en", SL_SCRIPT_LATIN},
    {"examples/seeds/004_23d814b1d62127e7.txt", "ar", SL_SCRIPT_ARABIC},
};

START_TEST(test_seed) {
  size_t n;
  char lang[8];
  char *z = slurp(seeds[_i].path, &n);
  ck_assert_int_eq(sl_langid_detect(lid, z, n, lang), SL_OK);
  ck_assert_msg(strcmp(lang, seeds[_i].lang) == 0, "%s: got %s want %s",
                seeds[_i].path, lang, seeds[_i].lang);
  ck_assert_int_eq(sl_script_detect(z, n), seeds[_i].script);
  free(z);
}
END_TEST

static const struct {
  const char *lang, *text;
} sentences[] = {
    {"en", "The two presidents discussed trade, energy and the situation in "
           "the region during talks at the Kremlin on Wednesday."},
    {"fr", "Les deux présidents ont discuté du commerce, de l'énergie et de "
           "la situation dans la région lors de leur rencontre mercredi."},
    {"de", "Die beiden Präsidenten sprachen am Mittwoch im Kreml über den "
           "Handel, die Energie und die Lage in der Region."},
    {"es", "Los dos presidentes hablaron del comercio, la energía y la "
           "situación en la región durante la reunión del miércoles."},
    {"it", "I due presidenti hanno discusso di commercio, energia e della "
           "situazione nella regione durante l'incontro di mercoledì."},
    {"pt", "Os dois presidentes discutiram o comércio, a energia e a "
           "situação na região durante o encontro de quarta-feira."},
    {"nl", "De twee presidenten spraken woensdag in het Kremlin over de "
           "handel, de energie en de toestand in de regio."},
    {"pl", "Obaj prezydenci rozmawiali w środę na Kremlu o handlu, "
           "energetyce i sytuacji w regionie."},
    {"tr", "İki devlet başkanı çarşamba günü Kremlin'de ticaret, enerji ve "
           "bölgedeki durumu görüştü."},
    {"vi", "Hai tổng thống đã thảo luận về thương mại, năng lượng và tình "
           "hình khu vực tại điện Kremlin hôm thứ Tư."},
    {"ru", "Президенты двух стран обсудили в среду в Кремле торговлю, "
           "энергетику и положение в регионе."},
    {"uk", "Президенти двох країн обговорили в середу торгівлю, енергетику "
           "та ситуацію в регіоні, повідомляє видання."},
    {"ar", "ناقش الرئيسان يوم الأربعاء في الكرملين التجارة والطاقة والوضع "
           "في المنطقة."},
    {"fa", "دو رئیس جمهور روز چهارشنبه در کاخ کرملین درباره تجارت، انرژی و "
           "وضعیت منطقه گفتگو کردند."},
    {"zh", "两国总统周三在克里姆林宫讨论了贸易、能源和地区局势。"},
    {"ja", "両国の大統領は水曜日、クレムリンで貿易やエネルギー、地域情勢について"
           "話し合った。"},
    {"ko", "양국 대통령은 수요일 크렘린궁에서 무역과 에너지, 지역 정세를 "
           "논의했다."},
    {"el", "Οι δύο πρόεδροι συζήτησαν την Τετάρτη στο Κρεμλίνο το εμπόριο, "
           "την ενέργεια και την κατάσταση στην περιοχή."},
    {"he", "שני הנשיאים שוחחו ביום רביעי בקרמלין על סחר, אנרגיה והמצב "
           "באזור."},
};

START_TEST(test_sentence) {
  const char *got = detect(sentences[_i].text);
  ck_assert_msg(strcmp(got, sentences[_i].lang) == 0, "%s sentence: got %s",
                sentences[_i].lang, got);
}
END_TEST

START_TEST(test_vietnamese_short) {
  /* Too short for n-grams, but ơ ư ạ ế are Vietnamese only. */
  ck_assert_str_eq(detect("Thương mại tăng trưởng"), "vi");
  ck_assert_str_eq(detect("Người dân được hỗ trợ"), "vi");
}
END_TEST

START_TEST(test_short_and_empty) {
  char lang[8];
  ck_assert_str_eq(detect("ok"), "und");
  ck_assert_str_eq(detect("Putin"), "und");
  ck_assert_str_eq(detect("   12, 13 !!"), "und");
  ck_assert_int_eq(sl_langid_detect(lid, "", 0, lang), SL_OK);
  ck_assert_str_eq(lang, "und");
  /* one script is enough for scripts that belong to one language */
  ck_assert_str_eq(detect("普京"), "zh");
  ck_assert_str_eq(detect("서울"), "ko");
  ck_assert_str_eq(detect("بوتين"), "ar");
  ck_assert_int_eq(sl_langid_detect(NULL, "x", 1, lang), SL_EINVAL);
}
END_TEST

START_TEST(test_mixed_script) {
  /* Chinese news full of Latin names is still Chinese. */
  ck_assert_str_eq(detect("Simon Coveney 敦促 Stormont 会谈的各方表现出慷慨 "
                          "BelfastTelegraph.co.uk 爱尔兰副总理敦促"),
                   "zh");
}
END_TEST

START_TEST(test_invalid_utf8) {
  char lang[8];
  const char bad[] = "\xff\xfe\xc3 caf\xc3 \xe2\x82 \xf0\x9f\x98 abc \x80\x80";
  ck_assert_int_eq(sl_langid_detect(lid, bad, sizeof bad - 1, lang), SL_OK);
  ck_assert_uint_le(strlen(lang), 7);
  ck_assert_int_eq(sl_script_detect(bad, sizeof bad - 1), SL_SCRIPT_LATIN);
}
END_TEST

START_TEST(test_random_bytes) {
  static const unsigned char pick[] = {'a', 'e', ' ', 0xC3, 0xA9, 0xD8, 0xA7,
                                       0xE4, 0xB8, 0x80, 0xF0, 0x9F, 0xBF,
                                       0xFF, 0xE1, 0xBB, 0x87, 0xD0, 0xBF};
  unsigned seed = 777;
  char buf[5000], lang[8];
  for (int round = 0; round < 200; round++) {
    size_t n;
    seed = seed * 1103515245u + 12345u;
    size_t len = (seed >> 4) % sizeof buf;
    for (n = 0; n < len; n++) {
      seed = seed * 1103515245u + 12345u;
      buf[n] = (char)pick[(seed >> 16) % sizeof pick];
    }
    ck_assert_int_eq(sl_langid_detect(lid, buf, n, lang), SL_OK);
    ck_assert_uint_ge(strlen(lang), 2);
    ck_assert_uint_le(strlen(lang), 7);
    (void)sl_script_detect(buf, n);
  }
}
END_TEST

START_TEST(test_long_input_window) {
  /* Only the head is classified; a cut inside a character is harmless. */
  size_t unit = strlen(sentences[10].text), n = 0, cap = 64 * 1024;
  char *z = malloc(cap);
  char lang[8];
  ck_assert(z != NULL);
  while (n + unit < cap) {
    memcpy(z + n, sentences[10].text, unit);
    n += unit;
  }
  ck_assert_int_eq(sl_langid_detect(lid, z, n, lang), SL_OK);
  ck_assert_str_eq(lang, "ru");
  free(z);
}
END_TEST

START_TEST(test_script) {
  ck_assert_int_eq(sl_script_detect("Путин", strlen("Путин")),
                   SL_SCRIPT_CYRILLIC);
  ck_assert_int_eq(sl_script_detect("بوتين", strlen("بوتين")),
                   SL_SCRIPT_ARABIC);
  ck_assert_int_eq(sl_script_detect("普京", strlen("普京")), SL_SCRIPT_HAN);
  ck_assert_int_eq(sl_script_detect("Πούτιν", strlen("Πούτιν")),
                   SL_SCRIPT_GREEK);
  ck_assert_int_eq(sl_script_detect("פוטין", strlen("פוטין")),
                   SL_SCRIPT_HEBREW);
  ck_assert_int_eq(sl_script_detect("123 !?", 6), SL_SCRIPT_UNKNOWN);
  ck_assert_int_eq(sl_script_detect("", 0), SL_SCRIPT_UNKNOWN);
  ck_assert_str_eq(sl_script_name(SL_SCRIPT_ARABIC), "Arab");
  ck_assert_str_eq(sl_script_name(SL_SCRIPT_LATIN), "Latn");
}
END_TEST

/* The letter count of ASCII runs (eight bytes a step in scan) for every
 * byte value at every alignment: k copies of byte b then m Cyrillic
 * letters are Latin exactly when b is a letter and k > m. */
START_TEST(test_ascii_letter_count) {
  char buf[128];
  for (int b = 1; b < 128; b++) {
    int letter = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    for (int off = 0; off < 8; off++)
      for (int k = 1; k <= 20; k++)
        for (int m = k - 1; m <= k + 1; m += 2) {
          size_t n = 0;
          for (int i = 0; i < off; i++)
            buf[n++] = '.';
          for (int i = 0; i < k; i++)
            buf[n++] = (char)b;
          for (int i = 0; i < m; i++) {
            buf[n++] = '\xD0';
            buf[n++] = '\xB6'; /* ж */
          }
          sl_script want = letter && k > m ? SL_SCRIPT_LATIN
                           : m > 0         ? SL_SCRIPT_CYRILLIC
                                           : SL_SCRIPT_UNKNOWN;
          ck_assert_msg(sl_script_detect(buf, n) == want, "byte %d, %d after %d, %d others", b, k,
                        off, m);
        }
  }
}
END_TEST

static Suite *langid_suite(void) {
  Suite *s = suite_create("langid");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, test_seed, 0, (int)(sizeof seeds / sizeof seeds[0]));
  tcase_add_loop_test(tc, test_sentence, 0,
                      (int)(sizeof sentences / sizeof sentences[0]));
  tcase_add_test(tc, test_vietnamese_short);
  tcase_add_test(tc, test_short_and_empty);
  tcase_add_test(tc, test_mixed_script);
  tcase_add_test(tc, test_ascii_letter_count);
  tcase_add_test(tc, test_invalid_utf8);
  tcase_add_test(tc, test_long_input_window);
  tcase_add_test(tc, test_random_bytes);
  tcase_add_test(tc, test_script);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(langid_suite)
