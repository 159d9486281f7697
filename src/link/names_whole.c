/*
 * names_whole — names known whole: a name that is one spelling of a place
 * or organisation whose names are translated rather than transliterated
 * (China = Китай = الصين, IMF = МВФ = صندوق النقد الدولي, Red Sea =
 * Красное море = البحر الأحمر).  Part of the name matcher (link stage):
 * names.c asks once per distinct name (its key cache keeps the answer)
 * and two names that are spellings of one entry match whatever they sound
 * like, two names of different entries never do.
 *
 * Sources: the CLDR gazetteer of the analysis stage (countries and
 * time-zone cities in every locale, its curated landmarks and
 * organisations: analyze/gazetteer.h), then the hand-made table below of
 * international organisations and translated place names the gazetteer
 * lacks, written down from the organisations' own names in English,
 * Russian and Arabic.  Names are compared in their normal form
 * (sl_normalize: NFKC case folding and Arabic folding), cut into words at
 * spaces, punctuation and dashes.
 */
#include "link/names_int.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/gazetteer.h"
#include "analyze/tokenize.h"
#include "util/strmap.h"

/* id, then spellings separated by '|' */
static const struct whole_entry {
  const char *id;
  const char *names;
} whole_table[] = {
    {"org:fbi", "FBI|Federal Bureau of Investigation|ФБР|Федеральное бюро расследований|"
                "مكتب التحقيقات الفيدرالي"},
    {"org:cia", "CIA|Central Intelligence Agency|ЦРУ|Центральное разведывательное управление|"
                "وكالة المخابرات المركزية"},
    {"org:unsc", "UN Security Council|Security Council|Совет Безопасности ООН|Совбез ООН|"
                 "СБ ООН|مجلس الأمن|مجلس الأمن الدولي"},
    {"org:ecb", "ECB|European Central Bank|ЕЦБ|Европейский центральный банк|"
                "البنك المركزي الأوروبي"},
    {"org:muslim-brotherhood", "Muslim Brotherhood|Братья-мусульмане|الإخوان المسلمون|"
                               "الإخوان المسلمين|جماعة الإخوان المسلمين"},
    {"org:isis", "Islamic State|ISIS|ISIL|ИГИЛ|Исламское государство|داعش|الدولة الإسلامية|"
                 "تنظيم الدولة الإسلامية"},
    {"org:gcc", "GCC|Gulf Cooperation Council|ССАГПЗ|مجلس التعاون الخليجي|"
                "مجلس التعاون لدول الخليج العربية"},
    {"org:icj", "International Court of Justice|Международный суд ООН|محكمة العدل الدولية"},
    {"org:unhcr", "UNHCR|УВКБ ООН|مفوضية الأمم المتحدة لشؤون اللاجئين"},
    {"org:sco", "SCO|Shanghai Cooperation Organisation|Shanghai Cooperation Organization|ШОС|"
                "Шанхайская организация сотрудничества|منظمة شنغهاي للتعاون"},
    {"org:ussr", "USSR|Soviet Union|СССР|Советский Союз|الاتحاد السوفيتي|الاتحاد السوفياتي"},
    {"org:state-dept", "State Department|US State Department|Госдепартамент|Госдепартамент США|"
                       "Госдеп|وزارة الخارجية الأمريكية"},
    {"pl:venice", "Venice|Venezia|Венеция|البندقية"},
    {"pl:tyre", "Tyre|Тир|صور"},
    {"pl:west-bank", "West Bank|Западный берег|Западный берег реки Иордан|الضفة الغربية"},
    {"pl:red-sea", "Red Sea|Красное море|البحر الأحمر"},
    {"pl:black-sea", "Black Sea|Чёрное море|البحر الأسود"},
    {"pl:dead-sea", "Dead Sea|Мёртвое море|البحر الميت"},
    {"pl:mediterranean", "Mediterranean|Mediterranean Sea|Средиземное море|البحر المتوسط|"
                         "البحر الأبيض المتوسط"},
    {"pl:persian-gulf", "Persian Gulf|Персидский залив|الخليج الفارسي"},
    {"pl:caspian", "Caspian Sea|Каспийское море|بحر قزوين"},
    {"pl:baltic", "Baltic Sea|Балтийское море|بحر البلطيق"},
    {"pl:middle-east", "Middle East|Ближний Восток|الشرق الأوسط"},
    {"pl:golan", "Golan Heights|Голанские высоты|مرتفعات الجولان|هضبة الجولان"},
    {"pl:suez-canal", "Suez Canal|Суэцкий канал|قناة السويس"},
    {"pl:hormuz", "Strait of Hormuz|Ормузский пролив|مضيق هرمز"},
    {"pl:horn-of-africa", "Horn of Africa|Африканский Рог|القرن الأفريقي|القرن الإفريقي"},
};

/* Normal form of z[0..n) for lookups into key[0..cap): sl_normalize, then
 * one space for each run of spaces, ASCII punctuation and dashes (U+2010..
 * U+2015); apostrophes stay inside words.  Returns its length, 0 when the
 * name is empty, too long or cannot be normalised. */
static size_t whole_key(const char *z, size_t n, char *key, size_t cap) {
  char *norm = NULL;
  size_t nn = 0, k = 0, i;
  if (n == 0 || n > 160 || cap < 8 || sl_normalize(z, n, &norm, &nn) != SL_OK) goto fail;
  for (i = 0; i < nn; i++) {
    unsigned char c = (unsigned char)norm[i];
    int sep = c < 0x80 && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '\'' &&
              !(c >= 'A' && c <= 'Z');
    if (c == 0xE2 && i + 2 < nn && (unsigned char)norm[i + 1] == 0x80 &&
        (unsigned char)norm[i + 2] >= 0x90 && (unsigned char)norm[i + 2] <= 0x95)
      sep = 1, i += 2;
    if (sep) {
      if (k && key[k - 1] != ' ') key[k++] = ' ';
    } else {
      key[k++] = (char)c;
    }
    if (k + 2 >= cap) goto fail; /* longer than any known name */
  }
  while (k && key[k - 1] == ' ') k--;
  free(norm);
  return k;
fail:
  free(norm);
  return 0;
}

static sl_strmap *table_map; /* normal form -> index into whole_table */
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void build_table(void) {
  sl_strmap *m = sl_strmap_new();
  size_t i;
  char key[256];
  if (!m) return;
  for (i = 0; i < sizeof whole_table / sizeof whole_table[0]; i++) {
    const char *p = whole_table[i].names;
    while (*p) {
      size_t len = strcspn(p, "|"), k = whole_key(p, len, key, sizeof key);
      if (k && !sl_strmap_get(m, key, k, NULL) && sl_strmap_put(m, key, k, (int64_t)i) != SL_OK) {
        sl_strmap_free(m);
        return;
      }
      p += len;
      if (*p == '|') p++;
    }
  }
  table_map = m;
}

const char *sl_names_whole(const char *z, size_t n, int *shared) {
  char key[256];
  size_t k = whole_key(z, n, key, sizeof key);
  const struct sl_gazetteer *g;
  const sl_gaz_entry *e;
  int64_t i;
  *shared = 0;
  if (!k) return NULL;
  pthread_once(&table_once, build_table);
  if (table_map && sl_strmap_get(table_map, key, k, &i)) return whole_table[i].id;
  if ((g = sl_gazetteer_get()) && (e = sl_gazetteer_find(g, key, k))) {
    *shared = sl_gazetteer_shared(g, key, k);
    return e->code;
  }
  return NULL;
}

/* Is z[0..n) (lower case) the English display name of entry e? */
static int english_name(const sl_gaz_entry *e, const char *z, size_t n) {
  size_t i;
  for (i = 0; i < n && e->name[i]; i++)
    if ((e->name[i] | 0x20) != z[i]) return 0;
  return i == n && !e->name[i];
}

/* The country or city an English adjective of the kind is made from
 * (Egyptian, Syrian, Chinese, Iraqi, Turkish, Moroccan -> Egypt, Syria,
 * China, Iraq, Turkey, Morocco): each ending replaced in turn by the
 * endings names have.  NULL when none or a shared spelling. */
static const sl_gaz_entry *demonym_place(const struct sl_gazetteer *g, const char *key,
                                         size_t k) {
  static const char *const rule[][5] = {
      {"ian", "", "a", "y", "e"}, {"an", "", "a", "o", NULL}, {"n", "", NULL, NULL, NULL},
      {"ese", "", "a", NULL, NULL}, {"ish", "ey", "and", "ain", NULL}, {"i", "", NULL, NULL, NULL}};
  const sl_gaz_entry *e;
  char buf[80];
  size_t r, j, ne, nr;
  for (r = 0; r < sizeof rule / sizeof rule[0]; r++) {
    ne = strlen(rule[r][0]);
    if (k < ne + 3 || memcmp(key + k - ne, rule[r][0], ne)) continue;
    for (j = 1; j < 5 && rule[r][j]; j++) {
      nr = strlen(rule[r][j]);
      if (k - ne + nr >= sizeof buf) continue;
      memcpy(buf, key, k - ne);
      memcpy(buf + k - ne, rule[r][j], nr);
      /* the English name only: other languages' names in the gazetteer
       * would make surnames places (Chinen: French Chine) */
      if ((e = sl_gazetteer_find(g, buf, k - ne + nr)) && english_name(e, buf, k - ne + nr))
        return sl_gazetteer_shared(g, buf, k - ne + nr) ? NULL : e;
    }
  }
  return NULL;
}

/* The place a Russian adjective of the form -ск- is made from (Китайская,
 * Египетский, Иранское, Японская, Сирийский -> Китай, Египет, Иран,
 * Япония, Сирия): the stem before ск, as it is, with ия, or a final й
 * read as я.  NULL when none or a shared spelling. */
static const sl_gaz_entry *adjective_place(const struct sl_gazetteer *g, const char *key,
                                           size_t k) {
  static const char *const end[] = {"", "\xD0\xB8\xD1\x8F"}; /* "", ия */
  const sl_gaz_entry *e;
  char buf[80];
  size_t i, s, m;
  /* ск, then a two-letter ending (ая ий ое ой ие ую) or a three-letter one
   * (ого ому их ими) */
  for (s = k >= 10 ? k - 10 : 0; s + 4 < k; s += 2)
    if (!memcmp(key + s, "\xD1\x81\xD0\xBA", 4) && (k - s == 8 || k - s == 10)) break;
  if (s + 4 >= k || s < 6 || s + 4 > sizeof buf) return NULL;
  for (i = 0; i < 3; i++) {
    memcpy(buf, key, s);
    m = s;
    if (i < 2) {
      memcpy(buf + s, end[i], strlen(end[i]));
      m += strlen(end[i]);
    } else if (!memcmp(buf + s - 2, "\xD0\xB9", 2)) { /* й -> я */
      memcpy(buf + s - 2, "\xD1\x8F", 2);
    } else {
      break;
    }
    if ((e = sl_gazetteer_find(g, buf, m))) return sl_gazetteer_shared(g, buf, m) ? NULL : e;
  }
  return NULL;
}

/* The entry of one word's normal form key[0..k), or of the nominative or
 * the country a declined or derived form stands for: Russian case
 * endings (Китая, Германии, Ирана -> Китай, Германия, Иран: the last
 * letter replaced by а я й ь or dropped) and the Arabic nisba (المصري,
 * الصيني -> مصر, الصين: a final ي or ية dropped, with and without the
 * article).  NULL when none, or when the form spells several places. */
static const sl_gaz_entry *word_entry(const struct sl_gazetteer *g, const char *key, size_t k,
                                      int script) {
  const sl_gaz_entry *e = sl_gazetteer_find(g, key, k);
  char buf[80];
  size_t i, m;
  int shared;
  if (e) return sl_gazetteer_shared(g, key, k) ? NULL : e;
  if (script == 0 && k >= 5 && k + 4 < sizeof buf) return demonym_place(g, key, k);
  if (script == 1 && k >= 6 && k + 2 < sizeof buf) {
    if ((e = sl_gazetteer_find_russian_case(g, key, k, &shared))) return shared ? NULL : e;
    if ((e = adjective_place(g, key, k))) return e;
  }
  if (script == 2 && k >= 8 && k + 4 < sizeof buf) {
    size_t n = k, art = 0;
    if (n >= 4 && !memcmp(key + n - 4, "\xD9\x8A\xD9\x87", 4)) n -= 4; /* ية, folded to يه */
    else if (!memcmp(key + n - 2, "\xD9\x8A", 2)) n -= 2;             /* ي */
    else return NULL;
    if (!memcmp(key, "\xD8\xA7\xD9\x84", 4)) art = 4; /* ال */
    for (i = 0; i < 2; i++) { /* the stem as written, then with or without its article */
      m = i == 0 ? n : art ? n - art : n + 4;
      if (i == 0) memcpy(buf, key, n);
      else if (art) memcpy(buf, key + art, m);
      else memcpy(buf, "\xD8\xA7\xD9\x84", 4), memcpy(buf + 4, key, n);
      if (m >= 4 && (e = sl_gazetteer_find(g, buf, m)))
        return sl_gazetteer_shared(g, buf, m) ? NULL : e;
    }
  }
  return NULL;
}

unsigned sl_names_place_code(const char *z, size_t n, int script) {
  char key[80];
  size_t k = n < 64 ? whole_key(z, n, key, sizeof key) : 0;
  const struct sl_gazetteer *g;
  const sl_gaz_entry *e;
  uint32_t h = 2166136261u;
  const char *c;
  if (!k || memchr(key, ' ', k) || !(g = sl_gazetteer_get()) || !(e = word_entry(g, key, k, script)))
    return 0;
  for (c = e->code; *c; c++) h = (h ^ (unsigned char)*c) * 16777619u;
  h &= (1u << 18) - 1;
  return h ? h : 1;
}
