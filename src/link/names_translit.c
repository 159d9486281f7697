/*
 * names_translit — the phonetic key of a name, first half of the name
 * matcher (link stage: mentions -> names -> entity linker).
 *
 * A name is split into words; each word is transliterated to Latin through
 * ICU (Russian-Latin/BGN for Cyrillic, Any-Latin for other non-Latin
 * scripts), then through one small rule-based ICU transform of our own that
 * lower-cases, spells out the Slavic and Turkish diacritic consonants
 * (c-caron -> ch) before Latin-ASCII would flatten them, reads alif maqsura
 * and ta marbuta as a, and drops apostrophes, ayn, hamza and soft signs.
 * Plain ASCII words skip ICU (the result would be the same, lower-cased).
 * The ASCII result is rewritten into sound symbols in the manner of Europe
 * Media Monitor's name variant rules (sh/sch/sz -> S, kh -> x, ph -> f,
 * hard c -> k, dg(e) -> j, French -eau/-ault -> o, doubled letters once,
 * ...); see names_int.h for the symbol alphabet.  A Latin word also gets
 * other readings (readings[]): four for every word (German,
 * Romance, English, pinyin) and more that only words with a language's
 * distinctive letters get (Hungarian gy/zs/cs/sz, Polish rz/sz/l-stroke,
 * Vietnamese tone marks, Latin/Greek -ius/eu-, Japanese syllables,
 * Turkish s-cedilla/soft g, Italian ch/sch/zz, Spanish ll/n-tilde, French
 * accents and endings), so that random
 * partners of other words get no extra chance.  Arabic and Hebrew words
 * are marked as abjad words because their transliteration carries no short
 * vowels, and an Arabic article (al-, el-, ash-, the Arabic prefix alef-lam)
 * is removed and marked so that the scorer may match the name with or
 * without it.
 */
#include "link/names_han.h"
#include "link/names_int.h"
#include "util/strmap.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>


/* Most ICU rule passes of other readings (readings[] below). */
#define MAX_READINGS 16

struct sl_names_tr {
  UTransliterator *ru;   /* Cyrillic -> Latin (BGN/PCGN) */
  UTransliterator *uk;   /* Ukrainian words (i, yi, ye, g-upturn): h for g */
  UTransliterator *be;   /* Belarusian words (short u) */
  UTransliterator *any;  /* any other script -> Latin */
  UTransliterator *post; /* diacritic consonants, apostrophes (post_rules) */
  UTransliterator *ascii; /* Latin-ASCII, after post (finish) */
  UTransliterator *alt[MAX_READINGS]; /* other readings of Latin words, rules only */
};

/* Our own post-transform, in ICU rule syntax (applied to every word,
 * after NFC and lower case: finish). */
static const char post_rules[] =
    "[\\u02B9\\u02BA\\u02BB\\u02BC\\u02BE\\u02BF\\u0027\\u0060\\u2018\\u2019"
    "\\u00B4\\u02C8\\u0640] > ;\n"
    "\\u1E97 > a;\n"                                   /* t-diaeresis: ta marbuta */
    "y\\u0331 > a;\n"                                   /* alif maqsura: Musa, Mustafa */
    "[\\u010D\\u0107] > ch;\n"                         /* c-caron, c-acute */
    "[\\u0161\\u015B\\u015F\\u0219] > sh;\n"           /* s-caron/acute/cedilla */
    "[\\u017E\\u017C] > zh;\n"                         /* z-caron, z-dot */
    "\\u0111 > dj;\n"                                  /* d-stroke */
    "\\u00F0 > dh;\n"
    "\\u00FE > th;\n"
    "\\u0259 > e;\n"                                   /* schwa */
    "\\u0131 > i;\n"                                   /* dotless i */
    "\\u014B > ng;\n";

/* Other readings of a Latin-script word: how Russian and Arabic
 * transcription reads names of other source languages, where the plain
 * English-like reading of the letters misses.  Each set is one ICU rule
 * pass run before post_rules; the scorer keeps the best reading against a
 * word of another script.  Longer patterns come first (ICU refuses a
 * rule masked by an earlier one, and an anchored rule masks rules with
 * a context: those come first). */
typedef struct reading {
  /* which words get it: NULL every Latin word; else a space-separated list
   * of lower-case NFC letter groups, one of which the word must contain
   * ('^' before a group: at its start, '$' after: at its end), or VI (a
   * Vietnamese tone-marked vowel) or JA (the word is Japanese syllables) */
  const char *trigger;
  const char *rules;
} reading;

static const reading readings[] = {
    /* German, Dutch, Scandinavian, Polish, Czech, Hungarian vowels and
     * classical Latin: Herzog = Gertsog, Zschokke = Chokke, Bach = Bakh,
     * Lutzow = Lyuttsov, Aelius = Eliy, Aetius = Etsiy, Quirinus = Kvirin,
     * Chruschtschow = Khrushchov; Latvian -ijs, -ejs: Jurijs = Yuriy */
    {NULL,
     "\\u00E4u > oy; \\u00E4 > e; \\u00F6 > yo; \\u0151 > yo; \\u00FC > yu; \\u0171 > yu;\n"
     "\\u0105 > on; \\u0119 > en; \\u00F3 > u; \\u0159 > rzh; \\u011B > ye; \\u016F > u;\n"
     "\\u00DF > s;\n"
     "js $ > y;\n"
     "skj > sh; kj > ch; sj > sh; tj > ch;\n" /* Scandinavian: Kjell = Chell */
     "schtsch > shch; zsch > ch; sch > sh; ch > kh; ck > k;\n"
     "zh > zh; dz > dz; sz > sz; tz > tts; z > ts; qu > kv;\n"
     "[aeiouy] { h } [^aeiouy] > ; [aeiouy] { h $ > ; ^ h > g;\n"
     "j > y; w > v; ae > e; oe > e; th > t; x > ks;\n"
     "[lrnmd] { s } [aeiouy] > z; ^ s } [aeiou] > z; ^ st > sht; ^ sp > shp;\n"
     "ei > ay; eu > oy;\n"
     "c } [eiy] > ts; t } i[aeou] > ts;\n"
     "ius $ > iy; [^aeiouy] { us $ > ;\n"},
    /* French, Spanish, Italian: silent h and endings, ill = y, ou = u,
     * oi = ua, z and soft c = s, gi/ci before a vowel = dzh/ch: Couillard =
     * Kuyar, Hocquard = Okar, Garzon = Garson, Luciano = Luchano */
    {NULL,
     "^ h > ;\n"
     "aill > ay; eill > ey; ouill > uy; [aeiouy] { ill > y; ill > iy; [aeiouy] { il $ > y;\n"
     "gu } [eiy] > g; qu > k; gi } [aou] > j; ci } [aou] > ch; gli > ly;\n"
     "eaux > o; eau > o; aux > o; au > o; ou > u; oi > ua; oy > ua; ai > e; ei > e;\n"
     "ch > sh; gn > ny; g } [eiy] > zh; j > zh;\n"
     "iers $ > ie; ier $ > ie; [aeiouy] { rd $ > r; [aeiouy] { rt $ > r;\n"
     "ps $ > ; ts $ > ; ds $ > ; x $ > ; [^aeiouy] { es $ > ; [^aeiouy] { e $ > ;\n"
     "c } [eiy] > s; \\u00E7 > s; z > s;\n"},
    /* English spelled out: Hates = Kheyts, Mychael = Maykl, Leeds = Lidz,
     * Waites = Ueyts, Gough = Gof */
    {NULL,
     "ough $ > of; augh > o; igh > ay;\n"
     "wh > u; ^ w > u;\n"
     "ee > i; ea > i; oo > u; ew > yu; ai > ey; ay > ey;\n"
     "a } [bcdfgklmnprstvz] e s? $ > ey; i } [bcdfgklmnprstvz] e s? $ > ay;\n"
     "[^aeiou] { y } [bcdfgklmnprstvz] > ay;\n"
     "[^aeiou] { e } s? $ > ; [aeiouylmnrdgbv] { s $ > z; th > t;\n"},
    /* Chinese pinyin as Palladius writes it, and the aspirates of Indic,
     * Thai and Vietnamese names kept as Russian writes them: Zedong =
     * Tszedun, Ruocheng = Zhochen, Khin = Kkhin, Phalke = Pkhal'ke */
    {NULL,
     "chh > chkh; kh > kkh; ph > pkh; th > tkh; bh > bkh; dh > dkh; gh > gkh;\n"
     "ch > ch; sh > sh; zh > chzh; ^ r > zh; z > tsz; c > ts; q > ts; x > s;\n"
     "iong > yun; ong > un; ng } [^aeiou] > n; ng $ > n;\n"
     "^ yi > i; ^ you > yu; ^ wu > u; uo > o; iu > yu; ie > ye;\n"},
    /* Hungarian, for words with its letter groups: s = sh, sz = s, zs =
     * zh, cs = ch, gy = d', ly = y: Nagy = Nad', Erzsi = Erzhi, Sandor =
     * Shandor, Kodaly = Koday, Gyozo = D'yozyo */
    {"gy zs cs sz \u0151 \u0171",
     "ssz > s; sz > s; zs > zh; ccs > ch; cs > ch;\n"
     "ggy $ > d; gy $ > d; ggy > dy; gy > dy; ny $ > n; lly > y; ly > y; ty $ > t;\n"
     "s > sh; cz > ts; c > ts; j > y; w > v; th > t;\n"
     "\\u00F6 > yo; \\u0151 > yo; \\u00FC > yu; \\u0171 > yu;\n"},
    /* Polish, for words with its letters and letter groups: rz = zh, w =
     * v, c = ts, ie = ye, -ski = -skiy: Drzewiecki = Dzhevetskiy,
     * Przybylski = Pshibylskiy, Wawrzyniec = Vavzhinets */
    {"sz cz rz \u0142 \u015B \u017C \u017A \u0107 \u0144 \u0105 \u0119 wicz ski$ cki$ "
     "ska$ cka$",
     "szcz > shch; drz > dzh; d\\u017C > dzh; d\\u017A > dzh; [ptk] { rz > sh; rz > zh;\n"
     "sz > sh; cz > ch; ch > kh;\n"
     "ci } [aeiou\\u0105\\u0119\\u00F3] > ch; \\u0107 > ch;\n"
     "si } [aeiou\\u0105\\u0119\\u00F3] > s; \\u015B > s;\n"
     "zi } [aeiou\\u0105\\u0119\\u00F3] > z; \\u017A > z; \\u017C > zh;\n"
     "ni } [aeiou\\u0105\\u0119\\u00F3] > ny; \\u0144 > n;\n"
     "i\\u0105 > yon; i\\u0119 > yen; \\u0105 > on; \\u0119 > en; \\u00F3 > u;\n"
     "cki $ > tskiy; ski $ > skiy;\n"
     "ie > ye; ia > ya; io > yo; iu > yu;\n"
     "\\u0142 > l; w > v; c > ts; j > y;\n"},
    /* Vietnamese, for words with its letters (tone marks, d-stroke, horn,
     * breve): d = z, gi = z, tr = ch, final nh = n', u-horn = y:
     * Duong = Zyong, Trinh = Chin', Dinh (d-stroke) = Din', Giap = Ziap */
    {"\u0111 \u01B0 \u01A1 \u0103 \u0129 \u0169 VI",
     "::NFD; [\\u0300\\u0301\\u0303\\u0309\\u0323] > ; ::NFC;\n"
     "\\u0111 > d; ngh > ng; nh $ > n; nh > ny; gi > z; d > z; tr > ch; ch $ > t;\n"
     "x > s; ph > f; th > tkh; qu > ku; c > k; \\u01B0 > y; \\u01A1 > o;\n"},
    /* Latin and Greek names as Russian writes them (through Church
     * Slavonic): eu = ev, au = av, th = f, -ius = -iy, -eus = -ey:
     * Eusebius = Yevseviy, Aulius = Avliy, Agatho = Agafon */
    {"ius$ ios$ eus$ ^eu ^au",
     "ius $ > iy; ios $ > iy; aeus $ > ey; eus $ > ey; [^aeiouy] { us $ > ; [^aeiouy] { os $ > ;\n"
     "[^aeiouy] { es $ > iy; ^ h > ; ae > e; oe > e; eu > ev; au > av;\n"
     "th > f; ph > f; ch > kh; y > i; c } [eiy] > ts; c > k;\n"},
    /* Japanese syllables as Polivanov writes them (Russian): z = dz, j =
     * dzh, shi = si, chi = ti, n before b, m, p = m: Kazuo = Kadzuo,
     * Junichiro = Dzyunitiro, Zenbei = Dzembey */
    {"JA",
     "sh } i > s; sh > sy; ch } i > t; ch > ty; j } i > dz; j > dzy; z > dz;\n"
     "n } [bmp] > m; wa > va; wo > o; \\u014D > o; \\u016B > u;\n"},
    /* Turkish, for words with its letters: c = dzh, soft g silent,
     * dotless i = y: Ecevit = Edzhevit, Ozyigit = Ozyiit */
    {"\u015F \u011F \u0131 \u00E7 o\u011Flu",
     "c > dzh; \\u00E7 > ch; \\u011F > ; \\u0131 > y; \\u00F6 > yo; \\u00FC > yu; j > zh;\n"},
    /* and as Arabic writes it, c and c-cedilla both jim: Cicek = jyjk */
    {"\u015F \u011F \u0131 \u00E7 o\u011Flu",
     "c > j; \\u00E7 > j; \\u011F > ; \\u0131 > i; \\u00F6 > o; \\u00FC > u;\n"},
    /* Italian, for words with its letter groups: ch, gh = k, g before e
     * and i, sch = sk, zz = ts: Ischia = Isk'ya, Chianti = K'yanti,
     * Schiavone = Sk'yavone, Ghirardelli = Girardelli */
    {"cch sch chi che ghi ghe zz cci ggi",
     "sch } [ei] > sk; sch > sk; cch } [ei] > k; chi } [aeou] > ky; ch } [ei] > k; gh > g;\n"
     "gli > ly; gn > ny; zz > ts; z > ts; cci } [aou] > ch; ci } [aou] > ch; c } [ei] > ch;\n"
     "ggi } [aou] > j; gi } [aou] > j; g } [ei] > j; sc } [ei] > sh; ^ h > ;\n"},
    /* Spanish, for words with n-tilde or a Spanish ll (initial ll-, -illo,
     * -llos, -llez...; not Italian -ello, -elli): ll = y, j = kh, v = b
     * (as Arabic writes them): Vallejo = Bayekho, Llosa = Yosa */
    {"^ll \u00F1 illo$ illa$ illos$ illas$ llej llez$ llos$ llas$ lleg ^vill",
     "ll > y; \\u00F1 > ny; j > kh; gu } [eiy] > g; qu > k; g } [eiy] > kh; ^ h > ; z > s;\n"
     "c } [eiy] > s; v > b;\n"},
    /* French, for words with its letter groups: u = yu, gn = ny, j = zh,
     * silent endings: Jugnot = Zhyunyo, Busnois = Byunua, Juillet =
     * Zhyuye, Arnould = Arnu, Angiboust = Anzhibu */
    {"\u00E9 \u00E8 \u00EA \u00EB \u00EF \u00E7 eau ault aud$ oux eux oi gn ill ot$ ois$ "
     "et$ ard$ ier$ eur$ oust$ ould$ auld$ od$ ais$ ait$ oit$ ault$",
     "^ h > ;\n"
     "eaux > o; eau > o; aux > o; auld $ > o; ault > o; aud $ > o; au > o; oux $ > u; eux $ > yo;\n"
     "ould $ > u; oust $ > u; ouill > uy; uill > yuy; aill > ay; eill > ey;\n"
     "[aeiouy] { ill > y; ill > iy; [aeiouy] { il $ > y;\n"
     "ois $ > ua; oit $ > ua; ou > u; oi > ua; oy > ua; ais $ > e; ait $ > e; ai > e; ei > e;\n"
     "gu } [eiy] > g; qu > k; ch > sh; gn > ny; g } [eiy] > zh; j > zh; eu > yo;\n"
     "iers $ > ye; ier $ > ye; er $ > e; ez $ > e; et $ > e; ot $ > o;\n"
     "[aeiouy] { rd $ > r; [aeiouy] { rt $ > r; ps $ > ; ts $ > ; ds $ > ; x $ > ;\n"
     "[^aeiouy] { es $ > ; [^aeiouy] { e $ > ; [aeiou] { s $ > ; [aeiou] { t $ > ;\n"
     "[aeiou] { d $ > ; c } [eiy] > s; \\u00E7 > s; u > yu;\n"},
};

#define NREADINGS (sizeof readings / sizeof readings[0])
_Static_assert(sizeof readings / sizeof readings[0] <= MAX_READINGS, "MAX_READINGS");

static UTransliterator *open_id(const char *id, UErrorCode *st) {
  UChar uid[64];
  int32_t n = 0;
  while (id[n] && n < 63) {
    uid[n] = (UChar)(unsigned char)id[n];
    n++;
  }
  return utrans_openU(uid, n, UTRANS_FORWARD, NULL, 0, NULL, st);
}

sl_rc sl_names_tr_new(sl_names_tr **out) {
  sl_rc rc = SL_OK;
  UErrorCode st = U_ZERO_ERROR;
  UChar rules[4096];
  int32_t nr = 0;
  size_t a;
  sl_names_tr *tr = calloc(1, sizeof *tr);
  *out = NULL;
  if (!tr) {
    rc = SL_ENOMEM;
    goto out;
  }
  tr->ru = open_id("Russian-Latin/BGN; Cyrillic-Latin", &st); /* + uk, be, sr letters */
  if (U_SUCCESS(st)) tr->uk = open_id("Ukrainian-Latin/BGN; Cyrillic-Latin", &st);
  if (U_SUCCESS(st)) tr->be = open_id("Belarusian-Latin/BGN; Cyrillic-Latin", &st);
  if (U_SUCCESS(st)) tr->any = open_id("Any-Latin", &st);
  if (U_FAILURE(st)) {
    rc = SL_EICU;
    goto out;
  }
  u_uastrncpy(rules, post_rules, (int32_t)sizeof post_rules);
  nr = u_strlen(rules);
  tr->post = utrans_openU(u"sl-names-post", -1, UTRANS_FORWARD, rules, nr, NULL, &st);
  if (U_SUCCESS(st)) tr->ascii = open_id("Latin-ASCII", &st);
  for (a = 0; a < NREADINGS && U_SUCCESS(st); a++) {
    UParseError pe;
    u_uastrncpy(rules, readings[a].rules, (int32_t)(sizeof rules / sizeof rules[0]));
    tr->alt[a] = utrans_openU(u"sl-names-alt", -1, UTRANS_FORWARD, rules, u_strlen(rules), &pe,
                              &st);
  }
  if (U_FAILURE(st)) {
    rc = SL_EICU;
    goto out;
  }
  *out = tr;
  tr = NULL;
out:
  sl_names_tr_free(tr);
  return rc;
}

void sl_names_tr_free(sl_names_tr *tr) {
  if (!tr) return;
  if (tr->ru) utrans_close(tr->ru);
  if (tr->uk) utrans_close(tr->uk);
  if (tr->be) utrans_close(tr->be);
  if (tr->any) utrans_close(tr->any);
  if (tr->post) utrans_close(tr->post);
  if (tr->ascii) utrans_close(tr->ascii);
  for (size_t a = 0; a < NREADINGS; a++)
    if (tr->alt[a]) utrans_close(tr->alt[a]);
  free(tr);
}

/* ---- splitting ---------------------------------------------------------- */

enum { SCR_LATIN, SCR_CYRILLIC, SCR_ABJAD, SCR_OTHER };

/* The code point at s[*i] (surrogate pairs joined); advances *i. */
static UChar32 next_cp(const UChar *s, int32_t *i, int32_t n) {
  UChar32 c = s[(*i)++];
  if (c >= 0xD800 && c <= 0xDBFF && *i < n && s[*i] >= 0xDC00 && s[*i] <= 0xDFFF) {
    c = 0x10000 + ((c - 0xD800) << 10) + (s[*i] - 0xDC00);
    (*i)++;
  }
  return c;
}

static int is_word_char(UChar32 c) {
  if (u_hasBinaryProperty(c, UCHAR_ALPHABETIC)) return 1;
  switch (u_charType(c)) {
  case U_NON_SPACING_MARK:
  case U_COMBINING_SPACING_MARK:
  case U_MODIFIER_LETTER:
    return 1;
  default:
    break;
  }
  /* apostrophes and ayn/hamza signs live inside names: O'Brien, 'Abd */
  return c == '\'' || c == '`' || c == 0x2019 || c == 0x2018 || c == 0x02BF ||
         c == 0x02BE || c == 0x02BC || c == 0x00B4;
}

static int word_script(const UChar *w, int32_t n) {
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc;
    c = next_cp(w, &i, n);
    if (!u_isalpha(c)) continue;
    sc = uscript_getScript(c, &st);
    if (U_FAILURE(st)) continue;
    switch (sc) {
    case USCRIPT_LATIN: return SCR_LATIN;
    case USCRIPT_CYRILLIC: return SCR_CYRILLIC;
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_SYRIAC: return SCR_ABJAD;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: continue;
    default: return SCR_OTHER;
    }
  }
  return SCR_LATIN;
}

/* Removes Arabic harakat and Hebrew niqqud from w[0..n) in place: most
 * text leaves short vowels out, so a vowelled spelling must give the same
 * key as the bare one.  Returns the new length. */
static int32_t strip_vowel_marks(UChar *w, int32_t n) {
  int32_t i, k = 0;
  for (i = 0; i < n; i++) {
    UChar c = w[i];
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x0591 && c <= 0x05C7 &&
                                                         c != 0x05BE && c != 0x05C0 &&
                                                         c != 0x05C3 && c != 0x05C6))
      continue;
    w[k++] = c;
  }
  return k;
}

/* Letters (not marks) in w[0..n). */
static int count_letters(const UChar *w, int32_t n) {
  int32_t i = 0;
  int k = 0;
  while (i < n) {
    UChar32 c;
    c = next_cp(w, &i, n);
    if (u_isalpha(c)) k++;
  }
  return k;
}

/* The ASCII reading of an all-Han word w[0..n) from the table generated
 * from ICU (names_han.h), into out[0..cap); -1 when some character is
 * outside the table or has no reading there, for ICU to read instead.
 * ICU itself would first compile Han-Latin's ~40,000 rules. */
static long han_ascii(const UChar *w, int32_t n, char *out, size_t cap) {
  size_t k = 0;
  for (int32_t i = 0; i < n; i++)
    if (w[i] < SL_HAN_LO || w[i] > SL_HAN_HI || !sl_han_reading[w[i] - SL_HAN_LO])
      return -1;
  for (int32_t i = 0; i < n; i++) {
    unsigned syl = sl_han_reading[w[i] - SL_HAN_LO];
    for (int c = 0; i + 1 < n && c < sl_han_nctx; c++)
      if (sl_han_ctx_rules[c].x == w[i] && sl_han_ctx_rules[c].y == w[i + 1])
        syl = sl_han_ctx_rules[c].syl;
    for (const char *z = sl_han_syl[syl]; *z && k + 1 < cap; z++)
      out[k++] = *z;
  }
  out[k] = '\0';
  return (long)k;
}

/* Is word w[0..n) an initial (V. Putin, George W Bush): one letter, with
 * a period after it or upper-case (a lone lower-case e, i, y is a
 * particle: Ortega y Gasset)? */
static int is_initial(const UChar *w, int32_t n, int period) {
  int32_t i = 0;
  UChar32 c = 0;
  if (count_letters(w, n) != 1) return 0;
  while (i < n) {
    c = next_cp(w, &i, n);
    if (u_isalpha(c)) break;
  }
  return period || u_isupper(c);
}

/* The Latin letter (lower case) whose Arabic name is word w[0..n)
 * (جيه J, كيه K, آر R, إس S...: initials of foreign names in Arabic), or
 * 0.  P is written as B's name, E and I alike (read as I). */
static char spelled_letter(const UChar *w, int32_t n) {
  static const char *const names[] = {
      "a\xD8\xA5\xD9\x8A\xD9\x87", "a\xD8\xA7\xD9\x8A\xD9\x87", "a\xD8\xA3\xD9\x8A\xD9\x87",
      "b\xD8\xA8\xD9\x8A", "c\xD8\xB3\xD9\x8A", "d\xD8\xAF\xD9\x8A",
      "e\xD8\xA5\xD9\x8A", "f\xD8\xA5\xD9\x81", "f\xD8\xA7\xD9\x81",
      "g\xD8\xAC\xD9\x8A", "h\xD8\xA5\xD8\xAA\xD8\xB4", "h\xD8\xA7\xD8\xAA\xD8\xB4",
      "h\xD8\xA5\xD9\x8A\xD8\xAA\xD8\xB4", "i\xD8\xA2\xD9\x8A", "i\xD8\xA7\xD9\x8A",
      "i\xD8\xA3\xD9\x8A", "j\xD8\xAC\xD9\x8A\xD9\x87", "j\xD8\xAC\xD8\xA7\xD9\x8A",
      "k\xD9\x83\xD9\x8A\xD9\x87", "k\xD9\x83\xD9\x8A", "l\xD8\xA5\xD9\x84",
      "m\xD8\xA5\xD9\x85", "m\xD8\xA7\xD9\x85", "n\xD8\xA5\xD9\x86",
      "o\xD8\xA3\xD9\x88", "o\xD8\xA7\xD9\x88", "q\xD9\x83\xD9\x8A\xD9\x88",
      "r\xD8\xA2\xD8\xB1", "r\xD8\xA7\xD8\xB1", "s\xD8\xA5\xD8\xB3",
      "s\xD8\xA7\xD8\xB3", "t\xD8\xAA\xD9\x8A", "u\xD9\x8A\xD9\x88",
      "v\xD9\x81\xD9\x8A", "w\xD8\xAF\xD8\xA8\xD9\x84\xD9\x8A\xD9\x88",
      "x\xD8\xA5\xD9\x83\xD8\xB3", "x\xD8\xA7\xD9\x83\xD8\xB3",
      "y\xD9\x88\xD8\xA7\xD9\x8A", "z\xD8\xB2\xD8\xAF", "z\xD8\xB2\xD9\x8A"};
  char z[32];
  int32_t zn = 0;
  UErrorCode st = U_ZERO_ERROR;
  size_t i;
  if (n < 2 || n > 6) return 0;
  u_strToUTF8(z, (int32_t)sizeof z, &zn, w, n, &st);
  if (U_FAILURE(st)) return 0;
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strlen(names[i] + 1) == (size_t)zn && memcmp(names[i] + 1, z, (size_t)zn) == 0)
      return names[i][0];
  return 0;
}

/* The Latin acronym (upper-case ASCII, NUL-terminated, in out[0..8))
 * that name u[0..n) spells out as the names of its letters, in Cyrillic
 * joined by hyphens (Би-би-си, Си-эн-эн, Би-эм-дабл-ю) or in Arabic
 * (بي بي سي, آي بي إم); returns its length, 0 when the name is no such
 * spelling of 2 to 6 letters. */
static int32_t spelled_acronym(const UChar *u, int32_t n, char *out) {
  static const char *const ru[] = {
      "a\xD1\x8D\xD0\xB9", "b\xD0\xB1\xD0\xB8", "c\xD1\x81\xD0\xB8", "d\xD0\xB4\xD0\xB8",
      "e\xD0\xB8", "f\xD1\x8D\xD1\x84", "g\xD0\xB4\xD0\xB6\xD0\xB8",
      "h\xD1\x8D\xD0\xB9\xD1\x87", "i\xD0\xB0\xD0\xB9", "j\xD0\xB4\xD0\xB6\xD0\xB5\xD0\xB9",
      "k\xD0\xBA\xD0\xB5\xD0\xB9", "l\xD1\x8D\xD0\xBB", "l\xD1\x8D\xD0\xBB\xD1\x8C",
      "m\xD1\x8D\xD0\xBC", "n\xD1\x8D\xD0\xBD", "o\xD0\xBE\xD1\x83", "p\xD0\xBF\xD0\xB8",
      "q\xD0\xBA\xD1\x8C\xD1\x8E", "r\xD0\xB0\xD1\x80", "s\xD1\x8D\xD1\x81",
      "t\xD1\x82\xD0\xB8", "u\xD1\x8E", "v\xD0\xB2\xD0\xB8", "x\xD1\x8D\xD0\xBA\xD1\x81",
      "y\xD1\x83\xD0\xB0\xD0\xB9", "z\xD0\xB7\xD0\xB5\xD0\xB4", "z\xD0\xB7\xD0\xB5\xD1\x82",
      "W\xD0\xB4\xD0\xB0\xD0\xB1\xD0\xBB"}; /* дабл: W with the ю after it */
  int32_t i = 0, k = 0, ws;
  int scr = -1, sep_ok = 1, w_pending = 0;
  while (i < n) {
    UChar low[16];
    char z[48];
    int32_t zn = 0, ln;
    UErrorCode st = U_ZERO_ERROR;
    char c = 0;
    size_t r;
    int hyphen = 0, space = 0, wscr;
    while (i < n && !is_word_char(u[i])) {
      if (u[i] == '-' || (u[i] >= 0x2010 && u[i] <= 0x2015)) hyphen = 1;
      else space = 1;
      i++;
    }
    if (i >= n) break;
    ws = i;
    while (i < n && is_word_char(u[i])) i++;
    if (k > 0 || w_pending) sep_ok = sep_ok && (hyphen || !space);
    wscr = word_script(u + ws, i - ws);
    if (scr < 0) scr = wscr;
    if (wscr != scr || (scr != SCR_CYRILLIC && scr != SCR_ABJAD) || k >= 6) return 0;
    if (scr == SCR_ABJAD) {
      c = spelled_letter(u + ws, i - ws);
    } else if (i - ws <= 8) {
      ln = u_strToLower(low, 16, u + ws, i - ws, "", &st);
      u_strToUTF8(z, (int32_t)sizeof z, &zn, low, ln, &st);
      if (U_FAILURE(st)) return 0;
      for (r = 0; r < sizeof ru / sizeof ru[0] && !c; r++)
        if (strlen(ru[r] + 1) == (size_t)zn && !memcmp(ru[r] + 1, z, (size_t)zn)) c = ru[r][0];
      if (w_pending) { /* дабл-ю */
        if (c != 'u') return 0;
        c = 'w', w_pending = 0;
      } else if (c == 'W') {
        w_pending = 1;
        continue;
      }
    }
    if (!c) return 0;
    out[k++] = (char)(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  }
  /* Russian joins the letters by hyphens; words apart are a name */
  if (w_pending || k < 2 || (scr == SCR_CYRILLIC && !sep_ok)) return 0;
  out[k] = '\0';
  return k;
}

/* Is word w[0..n) an acronym: 2 to 6 letters, every one upper case (CNN,
 * NATO, ОПЕК)?  Its letters are no syllables, so it meets other words
 * only when spelled alike. */
static int is_acronym(const UChar *w, int32_t n) {
  int32_t i = 0;
  int k = 0;
  while (i < n) {
    UChar32 c = next_cp(w, &i, n);
    if (!u_isalpha(c)) continue;
    if (!u_isupper(c)) return 0;
    k++;
  }
  return k >= 2 && k <= 6;
}

/* The transliterator of a Cyrillic word w[0..n): Ukrainian when it has a
 * letter only Ukrainian uses (i, yi, ye, g-upturn: its g is h, Hryhoriy),
 * Belarusian for short u (also g = h), else Russian. */
static UTransliterator *cyrillic_tr(sl_names_tr *tr, const UChar *w, int32_t n) {
  int32_t i;
  for (i = 0; i < n; i++) {
    UChar c = w[i];
    if (c == 0x0406 || c == 0x0456 || c == 0x0407 || c == 0x0457 || c == 0x0404 ||
        c == 0x0454 || c == 0x0490 || c == 0x0491)
      return tr->uk;
    if (c == 0x040E || c == 0x045E) return tr->be;
  }
  return tr->ru;
}

/* NFC, then lower case (root locale) of buf[0..*len) in place (capacity
 * cap): what the transliterators ::NFC; ::Lower; do, through ICU's
 * normalizer and case mapping directly, at a fraction of the cost. */
static void nfc_lower(UChar *buf, int32_t *len, int32_t cap, UErrorCode *st) {
  UChar tmp[4 * SL_NAMES_MAX_SYMS + 64];
  const UNormalizer2 *nfc = unorm2_getNFCInstance(st);
  int32_t n;
  if (U_FAILURE(*st)) return;
  if (cap > (int32_t)(sizeof tmp / sizeof tmp[0])) cap = (int32_t)(sizeof tmp / sizeof tmp[0]);
  n = unorm2_normalize(nfc, buf, *len, tmp, cap, st);
  if (U_FAILURE(*st)) return;
  *len = u_strToLower(buf, cap, tmp, n, "", st);
}

/* The last passes of every word, on buf[0..*len) (capacity cap): NFC,
 * lower case, post_rules, then Latin-ASCII only when a character beyond
 * ASCII is left -- its rules all start from one, and its NFD, mark
 * removal and NFC change no ASCII text, but it costs more than all the
 * other passes of a word. */
static void finish(sl_names_tr *tr, UChar *buf, int32_t *len, int32_t cap, UErrorCode *st) {
  int32_t lim, i;
  nfc_lower(buf, len, cap, st);
  if (U_FAILURE(*st)) return;
  lim = *len;
  utrans_transUChars(tr->post, buf, len, cap, 0, &lim, st);
  for (i = 0; i < *len && U_SUCCESS(*st); i++)
    if (buf[i] >= 0x80) {
      lim = *len;
      utrans_transUChars(tr->ascii, buf, len, cap, 0, &lim, st);
      break;
    }
}

/* Transliterates w[0..n) into lower-case ASCII letters a..z in out[0..cap);
 * returns the count. */
static size_t to_ascii(sl_names_tr *tr, int scr, const UChar *w, int32_t n, char *out,
                       size_t cap) {
  UChar buf[4 * SL_NAMES_MAX_SYMS + 64];
  int32_t len = n, lim, cb = (int32_t)(sizeof buf / sizeof buf[0]);
  UErrorCode st = U_ZERO_ERROR;
  size_t k = 0;
  int32_t i;
  if (scr == SCR_LATIN) { /* plain ASCII needs no ICU: lower-case, drop the rest */
    for (i = 0; i < n; i++)
      if (w[i] >= 0x80) break;
    if (i == n) {
      for (i = 0; i < n && k + 1 < cap; i++) {
        UChar c = w[i];
        if (c >= 'A' && c <= 'Z') c = (UChar)(c + 32);
        if (c >= 'a' && c <= 'z') out[k++] = (char)c;
      }
      out[k] = '\0';
      return k;
    }
  }
  if (len < 0) len = 0;
  if (len > cb / 3) len = cb / 3; /* room for expansion (shch) */
  if (scr == SCR_OTHER) {
    long h = han_ascii(w, len, out, cap);
    if (h >= 0)
      return (size_t)h;
  }
  memcpy(buf, w, (size_t)len * sizeof(UChar));
  if (scr == SCR_CYRILLIC || scr == SCR_ABJAD || scr == SCR_OTHER) {
    lim = len;
    utrans_transUChars(scr == SCR_CYRILLIC ? cyrillic_tr(tr, buf, len) : tr->any, buf, &len, cb,
                       0, &lim, &st);
    if (U_FAILURE(st)) return 0;
  }
  finish(tr, buf, &len, cb, &st);
  if (U_FAILURE(st)) return 0;
  for (i = 0; i < len && k + 1 < cap; i++) {
    UChar c = buf[i];
    if (c >= 'A' && c <= 'Z') c = (UChar)(c + 32);
    if (c >= 'a' && c <= 'z') out[k++] = (char)c;
  }
  out[k] = '\0';
  return k;
}

/* ---- generic words ------------------------------------------------------ */

/* Words of place and organisation names that news translates rather than
 * transliterates (North Korea = Северная Корея = كوريا الشمالية, Volga
 * River = река Волга, Cairo University = جامعة القاهرة) and the Saint
 * prefixes (St., San, São, Санкт, Сан, Сент, سان): each set is one
 * concept, written in the key as '!' and the concept's code, so that two
 * such words meet by meaning, not by sound.  Forms are lower-case UTF-8,
 * compared whole (Russian inflected forms listed; an Arabic word is
 * compared without its article).  Hand-made from dictionaries of the three
 * languages; a word found here still keeps its sound symbols, which count
 * against a word that is no generic word. */
static const struct generic_word {
  int code; /* one printable byte; 0x100 | a byte: the second page */
  const char *forms; /* space-separated */
} generic_words[] = {
    {'N', "north northern северная северный северное северные северной северо شمال شمالي شمالية"},
    {'S', "south southern южная южный южное южные южной юго جنوب جنوبي جنوبية"},
    {'E', "east eastern восточная восточный восточное восточные восточной شرق شرقي شرقية"},
    {'W', "west western западная западный западное западные западной غرب غربي غربية"},
    {'C', "central центральная центральный центральное центральной وسط مركزي مركزية"},
    {'n', "new нью новая новый новое новые جديد جديدة نيو"},
    {'s', "saint st sainte ste san santa santo sao são sankt сан санкт сент санта санто сен "
          "سان سانت سانتا سانتو ساو"},
    {'R', "republic republican республика республики республике республиканская "
          "республиканский جمهورية جمهوري"},
    {'K', "kingdom королевство королевства مملكة"},
    {'U', "united соединённые соединенные соединённое соединенное объединённые объединенные "
          "объединённое объединенное متحدة متحد"},
    {'c', "city town город городок مدينة بلدة"},
    {'I', "island islands isle isles остров острова островов островах جزيرة جزر"},
    {'r', "river река реки реке рекой نهر"},
    {'L', "lake озеро озера بحيرة"},
    {'M', "mount mountain mountains mt гора горы جبل جبال"},
    {'e', "sea море моря بحر"},
    {'G', "gulf bay залив залива خليج"},
    {'T', "strip сектор сектора قطاع"},
    {'P', "peninsula полуостров полуострова شبه"}, /* شبه جزيرة: "almost island" */
    {'u', "university университет университета университете جامعة"},
    {'b', "bank банк банка بنك مصرف"},
    {'p', "party партия партии حزب"},
    {'m', "ministry министерство министерства وزارة"},
    {'o', "company corporation corp компания компании корпорация корпорации شركة"},
    {'O', "organization organisation организация организации منظمة"},
    {'V', "movement движение движения حركة"},
    {'A', "army армия армии جيش"},
    {'F', "front фронт фронта جبهة"},
    {'k', "council совет совета مجلس"},
    {'Y', "union federation союз союза федерация федерации اتحاد"},
    {'t', "court суд суда محكمة"},
    {'i', "institute институт института معهد"},
    {'a', "agency агентство агентства وكالة"},
    {'g', "region регион область области منطقة إقليم"},
    {'v', "province governorate провинция провинции губернаторство мухафаза محافظة"},
    {'l', "lab labs laboratory laboratories лаборатория лаборатории مختبر مختبرات"},
    /* titles before a name */
    {'B', "king король короля ملك"},
    {'D', "queen королева королевы ملكة"},
    {'H', "prince emir amir принц принца эмир эмира князь князя أمير"},
    {'J', "princess принцесса принцессы أميرة"},
    {'Q', "pope папа папы بابا"},
    /* titles and ranks, written out or abbreviated (Dr. = доктор = دكتور) */
    {'(', "dr doctor доктор доктора دكتور دكتورة"},
    {')', "mr mister мистер مستر"},
    {'"', "mrs missis missus миссис مسز"},
    {'\'', "prof professor профессор профессора بروفيسور بروفسور"},
    {'`', "sgt sergeant сержант سارجنت رقيب"},
    {'\\', "capt captain капитан كابتن نقيب"},
    {'#', "col colonel полковник عقيد كولونيل"},
    {'@', "jr junior младший мл جونيور"},
    {'.', "sir сэр سير"},
    /* buildings, bodies and features in names */
    {'X', "mosque мечеть мечети مسجد جامع"},
    {'Z', "church церковь церкви كنيسة"},
    {'d', "cathedral собор собора كاتدرائية"},
    {'f', "authority управление управления هيئة سلطة"},
    {'h', "strait пролив пролива مضيق"},
    {'j', "desert пустыня пустыни صحراء"},
    {'q', "valley долина долины وادي"},
    {'w', "airport аэропорт аэропорта مطار"},
    {'x', "port порт порта ميناء"},
    {'y', "palace дворец дворца قصر"},
    {'z', "square площадь площади ساحة ميدان"},
    {'0', "street улица улицы شارع"},
    {'1', "bridge causeway мост моста جسر"},
    {'2', "tower башня башни برج"},
    {'3', "stadium стадион стадиона ملعب استاد"},
    {'4', "hospital больница больницы госпиталь مستشفى"},
    {'5', "school школа школы مدرسة"},
    {'6', "college колледж колледжа كلية"},
    {'7', "museum музей музея متحف"},
    {'8', "center centre центр центра مركز"},
    {'9', "foundation fund фонд фонда مؤسسة صندوق"},
    {'$', "association assembly society ассоциация ассоциации ассамблея ассамблеи общество "
          "общества собрание собрания جمعية"},
    {'%', "committee комитет комитета لجنة"},
    {'&', "commission комиссия комиссии مفوضية"},
    {'*', "service служба службы خدمة جهاز"},
    {'+', "forces force силы сил قوات قوة"},
    {',', "guard guards гвардия гвардии حرس"},
    {'-', "brigade brigades бригада бригады لواء كتائب"},
    {'/', "airlines airline airways авиалинии авиакомпания طيران خطوط"},
    {':', "canal channel канал канала قناة"},
    /* adjectives of organisation names */
    {';', "national национальный национальная национальное национального وطني وطنية"},
    {'<', "international международный международная международное международного دولي "
          "دولية"},
    {'=', "islamic muslim исламский исламская исламское исламского إسلامي إسلامية"},
    {'>', "federal федеральный федеральная федеральное федерального اتحادي فيدرالي"},
    {'?', "supreme верховный верховная верховное верховного أعلى عليا"},
    {'[', "royal королевский королевская королевское королевского ملكي ملكية"},
    {']', "democratic демократический демократическая демократическое ديمقراطي ديمقراطية"},
    {'_', "people's peoples народный народная народное народного شعبي شعبية"},
    /* ordinals of rulers */
    {'{', "ii второй вторая ثاني ثانية"},
    {'}', "iii третий третья ثالث ثالثة"},
    /* second page ('!!' and a byte in the key) */
    {0x100 | 'a', "state государственный государственная государственное государственного "
                  "государственной государственные штат штата حكومي حكومية دولة ولاية"},
    {0x100 | 'b', "academy академия академии أكاديمية"},
    {0x100 | 'c', "science sciences наука науки наук علوم"},
    {0x100 | 'd', "theatre theater театр театра مسرح"},
    {0x100 | 'e', "club fc sc клуб клуба фк نادي"},
    {0x100 | 'f', "library библиотека библиотеки مكتبة"},
    {0x100 | 'g', "station станция станции вокзал محطة"},
    {0x100 | 'h', "park garden gardens парк парка сад сады حديقة حدائق منتزه"},
    {0x100 | 'i', "castle fortress fort citadel замок замка крепость крепости цитадель قلعة حصن"},
    {0x100 | 'j', "monastery abbey монастырь монастыря دير"},
    {0x100 | 'k', "temple храм храма معبد"},
    {0x100 | 'l', "ocean океан океана محيط"},
    {0x100 | 'm', "district county район района округ округа графство قضاء مقاطعة"},
    {0x100 | 'n', "government правительство правительства حكومة"},
    {0x100 | 'o', "parliament парламент парламента برلمان"},
    {0x100 | 'p', "police полиция полиции شرطة"},
    {0x100 | 'q', "navy fleet флот флота بحرية"},
    {0x100 | 'r', "group группа группы مجموعة"},
    {0x100 | 's', "newspaper газета газеты صحيفة جريدة"},
    {0x100 | 't', "television tv телевидение телеканал تلفزيون"},
    {0x100 | 'u', "security безопасность безопасности أمن"},
    {0x100 | 'v', "world всемирный всемирная всемирное всемирного мировой мировая عالم عالمي "
                  "عالمية"},
    {0x100 | 'w', "league лига лиги رابطة دوري"},
    {0x100 | 'x', "orthodox православный православная православное православной أرثوذكسي "
                  "أرثوذكسية"},
    {0x100 | 'y', "great grand big великий великая великое великого большой большая большое "
                  "большого كبير كبرى عظيم"},
    {0x100 | 'z', "house дом дома بيت"},
    /* colours of place and organisation names (Red Square = Красная площадь) */
    {0x100 | 'A', "red красный красная красное красной أحمر حمراء"},
    {0x100 | 'B', "black чёрный черный чёрная черная чёрное черное أسود سوداء"},
    {0x100 | 'C', "white белый белая белое أبيض بيضاء"},
    {0x100 | 'D', "green зелёный зеленый зелёная зеленая أخضر خضراء"},
    {0x100 | 'E', "blue синий синяя голубой голубая أزرق زرقاء"},
    /* what ministries and committees are of */
    {0x100 | 'F', "foreign иностранных иностранный иностранные خارجية خارجي"},
    {0x100 | 'G', "affairs дел شؤون"},
    {0x100 | 'H', "interior внутренних داخلية"},
    {0x100 | 'I', "defence defense обороны دفاع"},
    {0x100 | 'J', "justice юстиции عدل"},
    {0x100 | 'K', "finance финансов مالية"},
    {0x100 | 'L', "health здравоохранения здоровья صحة"},
    {0x100 | 'M', "education образования تعليم تربية"},
    /* parties, movements and what they stand for */
    {0x100 | 'T', "communist коммунистическая коммунистический коммунистической شيوعي شيوعية"},
    {0x100 | 'U', "socialist социалистическая социалистический социалистической اشتراكي "
                  "اشتراكية"},
    {0x100 | 'V', "liberation освобождения освобождение تحرير"},
    {0x100 | 'W', "resistance сопротивления сопротивление مقاومة"},
    {0x100 | 'X', "revolution revolutionary революция революции революционный революционная "
                  "ثورة ثوري ثورية"},
    /* the business of companies and bodies */
    {0x100 | 'Y', "development развития развитие تنمية"},
    {0x100 | 'Z', "investment investments инвестиций инвестиционный استثمار"},
    {0x100 | '0', "oil petroleum нефть нефти нефтяная нефтяной نفط بترول"},
    {0x100 | '1', "trade commerce торговли торговая торговый تجارة تجاري تجارية"},
    {0x100 | '2', "industry industries промышленности صناعة صناعات"},
    {0x100 | '3', "energy энергии энергетики طاقة"},
    {0x100 | '4', "intelligence разведки разведывательное разведывательная استخبارات مخابرات"},
    {0x100 | '5', "chamber палата палаты غرفة"},
    {0x100 | '6', "railway railways железная железные железных железной железнодорожная سكك"},
    {0x100 | '7', "road дорога дороги طريق"},
    {0x100 | '8', "embassy посольство посольства سفارة"},
    {0x100 | '9', "office bureau офис бюро مكتب"},
    {0x100 | '+', "gallery галерея галереи"},
    {0x100 | '/', "hotel гостиница отель فندق"},
    /* features and settlements of place names */
    {0x100 | '-', "camp лагерь مخيم"},
    {0x100 | '_', "crossing переход معبر"},
    {0x100 | '.', "village деревня село قرية"},
    {0x100 | ',', "municipality муниципалитет بلدية"},
    {0x100 | ';', "emirate emirates principality эмират эмираты княжество إمارة إمارات"},
    {0x100 | ':', "sultanate султанат سلطنة"},
    {0x100 | '<', "cape мыс رأس"},
    {0x100 | '>', "heights высоты مرتفعات"},
    {0x100 | '=', "dam плотина سد"},
    {0x100 | '?', "forest лес غابة"},
    {0x100 | '@', "oasis оазис واحة"},
    {0x100 | '#', "falls waterfall водопад شلالات شلال"},
    {0x100 | '$', "volcano вулкан بركان"},
    {0x100 | '%', "plateau плато هضبة"},
    {0x100 | '&', "crescent полумесяц полумесяца هلال"},
    {0x100 | '(', "workers рабочих рабочая рабочий عمال"},
    {0x100 | ')', "football футбольный футбольная футбольного كرة"},
    {0x100 | '[', "telecom telecommunications телеком связи اتصالات"},
    {0x100 | ']', "economics economy экономики экономика экономический اقتصاد"},
    {0x100 | '{', "higher высшая высший высшее высшей عالي"},
    {0x100 | '}', "monetary валютный валютного денежный نقد"},
    {0x100 | '\'', "armed вооружённые вооруженные вооружённых вооруженных مسلحة مسلح"},
    {0x100 | '"', "metro subway метро метрополитен مترو"},
    {0x100 | '`', "pro professional professionals профессиональная профессиональный محترفين "
                  "محترفون"},
    {0x100 | '\\', "hills hill upland возвышенность холм холмы تلال تل"},
    /* ordinals of rulers beyond ii, iii (V and X are read as initials) */
    {0x100 | 'N', "first первый первая أول أولى"},
    {0x100 | 'O', "iv четвёртый четвертый четвёртая четвертая رابع رابعة"},
    {0x100 | 'P', "vi шестой шестая سادس سادسة"},
    {0x100 | 'Q', "vii седьмой седьмая سابع سابعة"},
    {0x100 | 'R', "viii восьмой восьмая ثامن ثامنة"},
    {0x100 | 'S', "ix девятый девятая تاسع تاسعة"},
};

static sl_strmap *generic_map; /* form -> concept code, built once */
static pthread_once_t generic_once = PTHREAD_ONCE_INIT;

static void build_generic_map(void) {
  sl_strmap *m = sl_strmap_new();
  size_t g;
  if (!m) return;
  for (g = 0; g < sizeof generic_words / sizeof generic_words[0]; g++) {
    const char *f = generic_words[g].forms;
    while (*f) {
      size_t fl = strcspn(f, " ");
      if (!sl_strmap_get(m, f, fl, NULL) &&
          sl_strmap_put(m, f, fl, (int64_t)generic_words[g].code) != SL_OK) {
        sl_strmap_free(m);
        return;
      }
      f += fl;
      while (*f == ' ') f++;
    }
  }
  generic_map = m;
}

/* The concept code of word w[0..n) (generic_words), 0 when it is none. */
static int generic_code(const UChar *w, int32_t n) {
  char z[64];
  int32_t zn = 0;
  UErrorCode st = U_ZERO_ERROR;
  UChar low[32];
  int64_t v;
  while (n > 1 && (w[n - 1] == '\'' || w[n - 1] == 0x2019)) n--; /* Workers' */
  if (n <= 0 || n > 16) return 0;
  pthread_once(&generic_once, build_generic_map);
  if (!generic_map) return 0;
  n = u_strToLower(low, 32, w, n, "", &st);
  if (U_FAILURE(st) || n > 16) return 0;
  u_strToUTF8(z, (int32_t)sizeof z - 1, &zn, low, n, &st);
  if (U_FAILURE(st) || zn <= 0) return 0;
  return sl_strmap_get(generic_map, z, (size_t)zn, &v) ? (int)v : 0;
}

/* ---- ASCII -> sound symbols --------------------------------------------- */

static int is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int starts(const char *s, size_t n, size_t i, const char *p) {
  size_t j = 0;
  while (p[j]) {
    if (i + j >= n || s[i + j] != p[j]) return 0;
    j++;
  }
  return 1;
}

/* Rewrites ASCII word s[0..n) into symbols at out (cap SL_NAMES_MAX_SYMS);
 * returns the count.  abjad: the word came from Arabic/Hebrew (2: and its
 * t+s and d+z are read as two letters, not ts and dz). */
static size_t symbolize(const char *s, size_t n, int abjad, char *out) {
  size_t i = 0, k = 0;
  while (i < n && k < SL_NAMES_MAX_SYMS) {
    char c = s[i], sym = c;
    size_t adv = 1;
    if (starts(s, n, i, "shch")) sym = 'S', adv = 4;
    else if (starts(s, n, i, "chzh")) sym = 'Z', adv = 4; /* Palladius zh */
    else if (starts(s, n, i, "tsz")) sym = 'j', adv = 3;  /* Palladius j */
    else if (starts(s, n, i, "tsch")) sym = 'C', adv = 4;
    else if (starts(s, n, i, "tsh")) sym = 'C', adv = 3; /* Arabic t+sh: Sochi */
    else if (starts(s, n, i, "dsch")) sym = 'j', adv = 4;
    else if (starts(s, n, i, "dzh")) sym = 'j', adv = 3;
    else if (starts(s, n, i, "sch")) sym = 'S', adv = 3;
    else if (starts(s, n, i, "tch")) sym = 'C', adv = 3;
    else if (c == 'c' && i + 1 < n && (s[i + 1] == 'h' || s[i + 1] == 'z')) sym = 'C', adv = 2;
    else if (c == 's' && i + 1 < n && (s[i + 1] == 'h' || s[i + 1] == 'z')) sym = 'S', adv = 2;
    else if (c == 'z' && i + 1 < n && (s[i + 1] == 'h' || s[i + 1] == 's')) sym = 'Z', adv = 2;
    else if (c == 'k' && i + 1 < n && s[i + 1] == 'h') sym = 'x', adv = 2;
    else if (c == 'g' && i + 1 < n && s[i + 1] == 'h') sym = 'G', adv = 2;
    else if (c == 't' && i + 1 < n && s[i + 1] == 'h') sym = 'T', adv = 2;
    else if (c == 'd' && i + 1 < n && s[i + 1] == 'h') sym = 'D', adv = 2;
    else if (c == 'p' && i + 1 < n && s[i + 1] == 'h') sym = 'f', adv = 2;
    else if (c == 'd' && i + 1 < n && (s[i + 1] == 'j' || (s[i + 1] == 'z' && abjad != 2)))
      sym = 'j', adv = 2;
    else if (c == 'c' && i + 1 < n && s[i + 1] == 's') sym = 'C', adv = 2;
    else if (!abjad && c == 'x' && i + 1 < n && s[i + 1] == 'h') sym = 'j', adv = 2; /* Albanian */
    else if (!abjad && c == 'd' && i + 2 < n && s[i + 1] == 'g' &&
             (s[i + 2] == 'e' || s[i + 2] == 'i' || s[i + 2] == 'y'))
      sym = 'j', adv = 2; /* English -dge */
    else if (!abjad && c == 'r' && i > 0 && i + 1 < n && s[i + 1] == 'z' &&
             !(i + 2 < n && s[i + 2] == 'h'))
      sym = 'Z', adv = 2; /* Polish rz */
    else if (c == 'c' && i + 1 < n && s[i + 1] == 'c') {
      i++; /* cc reads as the second c: Accardi, Puccini */
      continue;
    }
    else if (c == 't' && i + 1 < n && (s[i + 1] == 's' || s[i + 1] == 'z') && abjad != 2)
      sym = 'c', adv = 2; /* ts, tz, Arabic t+s */
    else if (!abjad && c == 's' && i + 2 < n && s[i + 1] == 'c' && (s[i + 2] == 'i' || s[i + 2] == 'e'))
      sym = 'S', adv = 2; /* Italian sci, sce: Scifo, Scerbo */
    else if (c == 'c' && i + 1 < n && s[i + 1] == 'k') sym = 'k', adv = 2;
    else if (!abjad && c == 'q' && i + 1 < n && s[i + 1] == 'u') sym = 'k', adv = 2;
    else if (!abjad && i == 0 && c == 'k' && n > 2 && s[1] == 'n') sym = 'n', adv = 2; /* Knight */
    else if (!abjad && i == 0 && c == 'w' && n > 2 && s[1] == 'h') sym = 'w', adv = 2; /* White */
    else if (!abjad && i == 0 && c == 'x' && n >= 2 && (s[1] == 'i' || s[1] == 'u'))
      sym = 'S'; /* pinyin x: Xi, Xiong, Xu */
    else if (!abjad && i == 0 && c == 'q' && n >= 2 && s[1] == 'i')
      sym = 'C'; /* pinyin q: Qiao, Qin */
    else if (c == 'x') {
      if (k < SL_NAMES_MAX_SYMS && (k == 0 || out[k - 1] != 'k')) out[k++] = 'k';
      sym = 's';
    } else if (abjad) {
      if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') sym = 'A';
      else if (c == 'w') sym = 'W';
      else if (c == 'h' && i + 1 == n && n > 2) sym = 'H'; /* final heh: often a vowel */
      else if (c == 'y') sym = 'Y';
    } else if (c == 'y') {
      /* y before a vowel is a consonant (Yuri, Maya); else it is a vowel */
      sym = (i + 1 < n && is_vowel(s[i + 1])) ? 'y' : 'i';
    } else if (c == 'w' && i > 0 && is_vowel(s[i - 1]) && !(i + 1 < n && is_vowel(s[i + 1]))) {
      sym = 'u'; /* Low, Andrews: w after a vowel is a vowel */
    } else if (c == 's' && i + 1 == n && n >= 5 && s[i - 1] == 'u' &&
               (!is_vowel(s[i - 2]) || s[i - 2] == 'i')) {
      sym = '$'; /* Latin -us, -ius: Plautus, Aesopus, Achilius (Russian -ij) */
    } else if (c == 'c' && i + 1 < n && strchr("aoulrt", s[i + 1])) {
      sym = 'k'; /* hard c: Carlos, Cristina, Octavio */
    } else if (c == 'j' && i + 1 == n && i > 0 && s[i - 1] == 'i') {
      sym = 'i'; /* Russian -ij ending (ISO 9) */
    }
    i += adv;
    /* sh and ch before i: Japanese shi/chi are si/ti in Russian (Polivanov) */
    if (!abjad && (sym == 'S' || sym == 'C') && i < n && s[i] == 'i') sym = sym == 'S' ? '5' : '6';
    /* doubled letters once; but two like consonants of an abjad word are
     * two sounds with an unwritten vowel between (Arabic writes a long
     * consonant once, with a shadda): Oksanen = أوكسانن, Hairer = هايرر;
     * but for lam-lam, the long l of Allah (عبدالله = Abdallah) */
    if (k > 0 && out[k - 1] == sym && !(abjad && !strchr("AWYHl", sym))) continue;
    if (k >= SL_NAMES_MAX_SYMS)
      break; /* an 'x' wrote its 'k' into the last slot */
    out[k++] = sym;
  }
  return k;
}

/* French word endings whose letters are silent or one vowel (Rousseau,
 * Renault, Thiebaud, Ledoux, Jaloux), and English -igh (Leigh, Haigh):
 * rewritten on non-abjad words before
 * symbols are made.  Returns the new length of s (edited in place). */
static size_t french_endings(char *s, size_t n) {
  static const struct {
    const char *end, *to;
  } rules[] = {{"eaux", "o"}, {"eau", "o"}, {"aux", "o"}, {"ault", "o"},
               {"aud", "o"},  {"oux", "u"}, {"eux", "e"}, {"igh", "i"}}; /* + Leigh */
  size_t r;
  for (r = 0; r < sizeof rules / sizeof rules[0]; r++) {
    size_t le = strlen(rules[r].end), lt = strlen(rules[r].to);
    if (n > le + 1 && memcmp(s + n - le, rules[r].end, le) == 0) {
      memcpy(s + n - le, rules[r].to, lt);
      n = n - le + lt;
      s[n] = '\0';
      break;
    }
  }
  return n;
}

/* Marks (with a trailing '~') a Latin-script word that ends in t, d, s or
 * z after a vowel: such letters are often silent (French Renaud, Charest,
 * Dumas) and transcriptions may drop them.  Returns the new ns. */
static size_t mark_final(const char *s, size_t n, char *sym, size_t ns) {
  if (n < 4 || ns < 2 || ns >= SL_NAMES_MAX_SYMS || !is_vowel(s[n - 2])) return ns;
  if (strchr("tdsz", s[n - 1]) && sym[ns - 1] == s[n - 1]) sym[ns++] = '~';
  return ns;
}

/* Abdul, Abdel, Abdal, Abdoul before another word: "servant of the" whose
 * article belongs to the next word (Abdul Rahman = Abd al-Rahman).  Cuts
 * s to abd and returns 1. */
static int abd_article(char *s, size_t *n) {
  static const char *const forms[] = {"abdul", "abdel", "abdal", "abdol", "abdoul", "abdil"};
  size_t i;
  for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
    if (strlen(forms[i]) == *n && memcmp(forms[i], s, *n) == 0) {
      *n = 3;
      s[3] = '\0';
      return 1;
    }
  return 0;
}

/* Latin articles: with a hyphen any of these, alone al/el before a word. */
static int latin_article(const char *s, size_t n, int hyphen) {
  static const char *const hy[] = {"al", "el", "ul", "il", "ad", "ar", "as", "ash", "at", "az",
                                   "an", "ath", "adh", "ed", "er", "es", "esh", "et", "ez",
                                   "en", "ud", "ur", "us", "ut", "uz", "un", "ush"};
  size_t i;
  if (n == 2 && (memcmp(s, "al", 2) == 0 || memcmp(s, "el", 2) == 0)) return 1;
  if (!hyphen) return 0;
  for (i = 0; i < sizeof hy / sizeof hy[0]; i++)
    if (strlen(hy[i]) == n && memcmp(hy[i], s, n) == 0) return 1;
  return 0;
}

/* Is ASCII word s[0..n) a sequence of Japanese syllables as Hepburn
 * writes them (Kazuo, Junichiro, Zenbei, Shimazu), two or more? */
static int japanese_word(const char *s, size_t n) {
  static const char *const onsets[] = {"ky", "gy", "sh", "ch", "ts", "ny", "hy", "by", "py",
                                       "my", "ry", "j",  "k",  "g",  "s",  "z",  "t",  "d",
                                       "n",  "h",  "b",  "p",  "m",  "y",  "r",  "w",  "f"};
  size_t i = 0, o;
  int syl = 0;
  while (i < n) {
    if (s[i] == 'n' && (i + 1 == n || !strchr("aeiouy", s[i + 1]))) { /* syllabic n */
      i++, syl++;
      continue;
    }
    if (i + 2 < n && s[i] == s[i + 1] && strchr("kstp", s[i])) i++; /* geminate: Hattori */
    else if (starts(s, n, i, "tch")) i++;
    for (o = 0; o < sizeof onsets / sizeof onsets[0]; o++)
      if (starts(s, n, i, onsets[o])) break;
    if (o < sizeof onsets / sizeof onsets[0]) i += strlen(onsets[o]);
    if (i >= n || !is_vowel(s[i])) return 0;
    i++, syl++;
  }
  return syl >= 2;
}

/* Does reading r apply to a word whose lower-case NFC UTF-8 form is
 * z[0..n) (readings[].trigger), with the bytes it has set in seen? */
static int reading_applies(const reading *r, const char *z, size_t n, const uint64_t seen[4]) {
  const char *t = r->trigger;
  if (!t) return 1;
  while (*t) {
    size_t tl = 0, gl, i;
    const char *g = t;
    int head = 0, tail = 0;
    unsigned char g0;
    while (t[tl] && t[tl] != ' ') tl++;
    gl = tl;
    g0 = (unsigned char)(g[0] == '^' ? g[1] : g[0]);
    if (!(seen[g0 >> 6] >> (g0 & 63) & 1) && !(tl == 2 && g[1] == 'I' && g[0] == 'V') &&
        !(tl == 2 && g[0] == 'J' && g[1] == 'A')) {
      t += tl; /* the word lacks the group's first letter */
      while (*t == ' ') t++;
      continue;
    }
    if (tl == 2 && memcmp(g, "VI", 2) == 0) {
      for (i = 0; i + 2 < n; i++) /* U+1EA0..U+1EF9: E1 BA/BB xx */
        if ((unsigned char)z[i] == 0xE1 && ((unsigned char)z[i + 1] & 0xFE) == 0xBA) return 1;
    } else if (tl == 2 && memcmp(g, "JA", 2) == 0) {
      char a[64];
      size_t k = 0;
      for (i = 0; i < n && k + 1 < sizeof a; i++) { /* long vowels o-macron, u-macron */
        unsigned char c = (unsigned char)z[i];
        if (c == 0xC5 && i + 1 < n && ((unsigned char)z[i + 1] == 0x8D || (unsigned char)z[i + 1] == 0xAB))
          a[k++] = (unsigned char)z[++i] == 0x8D ? 'o' : 'u';
        else if (c >= 'a' && c <= 'z') a[k++] = (char)c;
        else break;
      }
      if (i == n && japanese_word(a, k)) return 1;
    } else {
      if (gl && g[0] == '^') head = 1, g++, gl--;
      if (gl && g[gl - 1] == '$') tail = 1, gl--;
      if (gl && gl <= n) {
        if (head || tail) {
          if ((head && memcmp(z, g, gl) == 0) || (tail && memcmp(z + n - gl, g, gl) == 0))
            return 1;
        } else {
          for (i = 0; i + gl <= n; i++) /* first bytes inline: most differ */
            if (z[i] == g[0] && memcmp(z + i + 1, g + 1, gl - 1) == 0) return 1;
        }
      }
    }
    t += tl;
    while (*t == ' ') t++;
  }
  return 0;
}

/* The lower-case NFC form of word w[0..n) as UTF-8 into z[0..cap);
 * returns its length, 0 when it does not fit or on an ICU failure. */
static size_t lower_nfc(const UChar *w, int32_t n, char *z, size_t cap) {
  UChar low[96], nfc[96];
  int32_t ln, nn, zn = 0;
  UErrorCode st = U_ZERO_ERROR;
  const UNormalizer2 *norm = unorm2_getNFCInstance(&st);
  if (n <= 0 || n > 64 || U_FAILURE(st)) return 0;
  ln = u_strToLower(low, 96, w, n, "", &st);
  if (U_FAILURE(st) || ln > 96) return 0;
  nn = unorm2_normalize(norm, low, ln, nfc, 96, &st);
  if (U_FAILURE(st) || nn > 96) return 0;
  u_strToUTF8(z, (int32_t)cap, &zn, nfc, nn, &st);
  if (U_FAILURE(st) || zn <= 0 || (size_t)zn >= cap) return 0;
  return (size_t)zn;
}

/* The text the reading passes of Latin word w[0..n) start from, into
 * buf[0..cap): plain ASCII (most names) in lower case with a-z only, as
 * the rules alone expect; any other word in NFC and lower case (as finish
 * makes it after the rules), done once for all its readings.  Sets
 * *plain; returns the length, -1 on an ICU failure. */
static int32_t reading_input(const UChar *w, int32_t n, UChar *buf, int32_t cap,
                             int *plain) {
  UErrorCode st = U_ZERO_ERROR;
  int32_t i, j = 0, len = n;
  if (len > cap / 3) len = cap / 3;
  *plain = 1;
  for (i = 0; i < len && *plain; i++) {
    UChar c = w[i];
    if (c >= 0x80) *plain = 0;
    else if (c >= 'A' && c <= 'Z') buf[j++] = (UChar)(c + 32);
    else if (c >= 'a' && c <= 'z') buf[j++] = c;
  }
  if (*plain) return j;
  memcpy(buf, w, (size_t)len * sizeof(UChar));
  nfc_lower(buf, &len, cap, &st);
  return U_FAILURE(st) ? -1 : len;
}

/* The symbols of reading a (readings[]) of a Latin word whose
 * reading_input is in[0..n) (plain as it says) into
 * sym[0..SL_NAMES_MAX_SYMS); returns the count, 0 on an ICU failure. */
static size_t alt_reading(sl_names_tr *tr, int a, const UChar *in, int32_t n, int plain,
                          char *sym) {
  UChar buf[4 * SL_NAMES_MAX_SYMS + 64];
  int32_t len = n, lim, cb = (int32_t)(sizeof buf / sizeof buf[0]), i;
  UErrorCode st = U_ZERO_ERROR;
  char asc[4 * SL_NAMES_MAX_SYMS + 8];
  size_t k = 0, ns;
  int post = 0;
  if (len > cb) len = cb; /* in is no longer than buf */
  memcpy(buf, in, (size_t)len * sizeof(UChar));
  lim = len;
  utrans_transUChars(tr->alt[a], buf, &len, cb, 0, &lim, &st);
  /* finish (NFC, lower case, post_rules, Latin-ASCII) changes no
   * character of ASCII without capitals but drops ' and `, which the a-z
   * filter below drops too: only text with other characters needs it */
  for (i = 0; i < len && !plain && !post; i++)
    post = buf[i] >= 0x80 || (buf[i] >= 'A' && buf[i] <= 'Z');
  if (post && U_SUCCESS(st)) finish(tr, buf, &len, cb, &st);
  if (U_FAILURE(st)) return 0;
  for (i = 0; i < len && k + 1 < sizeof asc; i++)
    if (buf[i] >= 'a' && buf[i] <= 'z') asc[k++] = (char)buf[i];
  asc[k] = '\0';
  ns = symbolize(asc, k, 0, sym);
  return mark_final(asc, k, sym, ns);
}

/* How many letters of Arabic word w[0..n) are a clitic and an article
 * before at least three more: bi-, wa-, fa-, ka- + al- (بال وال فال كال),
 * li- + al- (لل, the alif dropped); 0 when it opens with neither. */
static int32_t clitic_article(const UChar *w, int32_t n) {
  int32_t cut = 0;
  if (n >= 3 && (w[0] == 0x0628 || w[0] == 0x0648 || w[0] == 0x0641 || w[0] == 0x0643) &&
      w[1] == 0x0627 && w[2] == 0x0644)
    cut = 3;
  else if (n >= 2 && w[0] == 0x0644 && w[1] == 0x0644)
    cut = 2;
  return cut && count_letters(w + cut, n - cut) >= 3 ? cut : 0;
}

/* Does Latin word w[0..n) open with an elided article, d' or l' before
 * a letter (d'Orléans, l'Héritier)? */
static int elided_article(const UChar *w, int32_t n) {
  return n >= 4 && (w[0] == 'd' || w[0] == 'D' || w[0] == 'l' || w[0] == 'L') &&
         (w[1] == '\'' || w[1] == 0x2019) && u_isalpha(w[2]);
}

/* Korean names as Russian writes them (Kontsevich's system, with the
 * spellings Russian news keeps for North Korean names): Kim Jong Un = Ким
 * Чен Ын, Kim Il Sung = Ким Ир Сен, Moon Jae-in = Мун Чжэ Ин, Park Geun-hye
 * = Пак Кын Хе, Ban Ki-moon = Пан Ги Мун.  Only for an ASCII word s[0..n)
 * that is one Korean syllable as English spells them (initial consonant,
 * vowel, final n/ng/m/l/k/p/t): ^j = ch, ^g = k, ^b = p, eo = o, eu = y,
 * ae = e, oo = u, final ng = n, final l = r.  Writes the symbols into
 * sym[0..SL_NAMES_MAX_SYMS) and returns their count, 0 for another word. */
static size_t korean_reading(const char *s, size_t n, char *sym) {
  static const char *const vowels[] = {"yeo", "yae", "wae", "eo", "eu", "ae", "oo", "ee", "ye",
                                       "yo",  "yu",  "ya",  "ui", "oe", "wa", "wo", "a",  "e",
                                       "i",   "o",   "u"};
  static const char *const finals[] = {"ng", "n", "m", "l", "k", "p", "t", ""};
  char out[16];
  size_t i = 0, k = 0, v, f, vl = 0, fl;
  if (n < 2 || n > 5) return 0;
  if (starts(s, n, 0, "ch")) memcpy(out, "ch", 2), k = 2, i = 2;
  else if (s[0] == 'j') memcpy(out, "ch", 2), k = 2, i = 1;
  else if (s[0] == 'g') out[k++] = 'k', i = 1;
  else if (s[0] == 'b') out[k++] = 'p', i = 1;
  else if (strchr("kshmnrldtpy", s[0])) out[k++] = s[0], i = 1;
  for (v = 0; v < sizeof vowels / sizeof vowels[0]; v++)
    if (starts(s, n, i, vowels[v])) break;
  if (v == sizeof vowels / sizeof vowels[0]) return 0;
  vl = strlen(vowels[v]);
  for (f = 0; f < sizeof finals / sizeof finals[0]; f++) {
    fl = strlen(finals[f]);
    if (i + vl + fl == n && starts(s, n, i + vl, finals[f])) break;
  }
  if (f == sizeof finals / sizeof finals[0]) return 0;
  if (!strcmp(vowels[v], "eo")) out[k++] = 'o';
  else if (!strcmp(vowels[v], "eu")) out[k++] = 'y';
  else if (!strcmp(vowels[v], "ae")) out[k++] = 'e';
  else if (!strcmp(vowels[v], "oo")) out[k++] = 'u';
  else if (!strcmp(vowels[v], "yeo")) memcpy(out + k, "yo", 2), k += 2;
  else memcpy(out + k, vowels[v], vl), k += vl;
  if (!strcmp(finals[f], "ng")) out[k++] = 'n';
  else if (!strcmp(finals[f], "l")) out[k++] = 'r';
  else if (fl) out[k++] = finals[f][0];
  return symbolize(out, k, 0, sym);
}

/* Russian adjectives made from names (Гарвардский университет = Harvard
 * University, Донецкая = Donetsk, Канарские острова = Canary Islands) and
 * the oblique cases of -ский surnames (Лаборатория Касперского): the
 * stems of Cyrillic word w[0..n) -- the -ский form and the word without
 * its -ск- ending, or without a plain adjective ending -- as symbols into
 * out; returns how many (0: no adjective ending, or too short a stem). */
static int adjective_stems(sl_names_tr *tr, const UChar *w, int32_t n,
                           char out[SL_NAMES_MAX_STEMS][SL_NAMES_MAX_SYMS],
                           size_t nout[SL_NAMES_MAX_STEMS]) {
  static const char *const sk[] = {"ского", "скому", "ском", "ской", "скую", "ских", "ским",
                                   "ская",  "ское",  "ские", "ский", "ского"};
  static const char *const plain[] = {"ого", "ому", "ая", "ое", "ые", "ый", "ий",
                                      "ой",  "ую",  "ых", "ым"};
  static const UChar skiy[] = {0x0441, 0x043A, 0x0438, 0x0439};
  UChar low[64], buf[72];
  char z[160], asc[4 * SL_NAMES_MAX_SYMS + 8];
  int32_t zn = 0, ln;
  UErrorCode st = U_ZERO_ERROR;
  size_t i, el, na;
  int k = 0, cut = 0, is_sk = 0;
  if (n < 5 || n > 40) return 0;
  ln = u_strToLower(low, 64, w, n, "", &st);
  if (U_FAILURE(st) || ln != n) return 0;
  u_strToUTF8(z, (int32_t)sizeof z, &zn, low, ln, &st);
  if (U_FAILURE(st)) return 0;
  for (i = 0; i < sizeof sk / sizeof sk[0] && !cut; i++) {
    el = strlen(sk[i]);
    if ((size_t)zn > el && memcmp(z + zn - (int32_t)el, sk[i], el) == 0) cut = (int)(el / 2), is_sk = 1;
  }
  for (i = 0; i < sizeof plain / sizeof plain[0] && !cut; i++) {
    el = strlen(plain[i]);
    if ((size_t)zn > el && memcmp(z + zn - (int32_t)el, plain[i], el) == 0) cut = (int)(el / 2);
  }
  if (!cut || n - cut < 3) return 0;
  memcpy(buf, w, (size_t)(n - cut) * sizeof(UChar));
  if (is_sk) { /* the -ский form: Касперского = Касперский */
    memcpy(buf + n - cut, skiy, sizeof skiy);
    na = to_ascii(tr, SCR_CYRILLIC, buf, n - cut + 4, asc, sizeof asc);
    if (na) nout[k] = symbolize(asc, na, 0, out[k]), k++;
    /* and the name before -ск-: Гарвардский = Гарвард */
    na = to_ascii(tr, SCR_CYRILLIC, buf, n - cut, asc, sizeof asc);
  } else {
    na = to_ascii(tr, SCR_CYRILLIC, buf, n - cut, asc, sizeof asc);
  }
  if (na && k < SL_NAMES_MAX_STEMS) nout[k] = symbolize(asc, na, 0, out[k]), k++;
  return k;
}

/* The symbols of Arabic letters w[0..n) into out (another reading of a
 * word: part of it); 0 when nothing is left. */
static size_t abjad_reading(sl_names_tr *tr, const UChar *w, int32_t n, char *out) {
  char asc[4 * SL_NAMES_MAX_SYMS + 8];
  size_t na = to_ascii(tr, SCR_ABJAD, w, n, asc, sizeof asc);
  return na ? symbolize(asc, na, 1, out) : 0;
}

/* The symbols of Latin acronym s[0..n) (ASCII) read out as the English
 * names of its letters into out; 0 when a character is no letter. */
static size_t letter_names(const char *s, size_t n, char *out) {
  static const char *const name[26] = {
      "ey", "bi", "si",  "di",   "i",  "ef", "dzhi", "eych", "ay", "dzhey", "key",   "el",  "em",
      "en", "ou", "pi",  "kyu",  "ar", "es", "ti",   "yu",   "vi", "dablyu", "eks", "uay", "zed"};
  char buf[4 * SL_NAMES_MAX_SYMS];
  size_t i, k = 0, m;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)(s[i] | 0x20);
    if (c < 'a' || c > 'z') return 0;
    m = strlen(name[c - 'a']);
    if (k + m >= sizeof buf) return 0;
    memcpy(buf + k, name[c - 'a'], m);
    k += m;
  }
  return symbolize(buf, k, 0, out);
}

static const char base64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The place code (sl_names_place_code) of word w[0..n) of script scr; an
 * Arabic word is looked up with its article (الصين), w[0..2) when article
 * is set.  The clitic's alif-less li- (للصين) has none to give. */
static unsigned word_place(const UChar *w, int32_t n, int scr, int article) {
  char z[128];
  int32_t zn = 0;
  UErrorCode st = U_ZERO_ERROR;
  if (n <= 0 || n > 40 || (scr == SCR_ABJAD && article && (w[0] != 0x0627 || w[1] != 0x0644)))
    return 0;
  u_strToUTF8(z, (int32_t)sizeof z, &zn, w, n, &st);
  if (U_FAILURE(st) || zn <= 0 || zn >= (int32_t)sizeof z) return 0;
  return sl_names_place_code(z, (size_t)zn, scr == SCR_CYRILLIC ? 1 : scr == SCR_ABJAD ? 2 : 0);
}

size_t sl_names_tr_key(sl_names_tr *tr, const char *z, size_t n, char *key, size_t cap) {
  UChar u[SL_NAMES_MAX_INPUT + 8];
  int32_t un = 0, i = 0;
  UErrorCode st = U_ZERO_ERROR;
  size_t klen = 0;
  int nwords = 0, pending_article = 0;
  if (!key || cap == 0) return 0;
  key[0] = '\0';
  if (!tr || !z || n == 0) return 0;
  if (n > SL_NAMES_MAX_INPUT) n = SL_NAMES_MAX_INPUT;
  u_strFromUTF8WithSub(u, (int32_t)(sizeof u / sizeof u[0]), &un, z, (int32_t)n, 0xFFFD, NULL,
                       &st);
  if (U_FAILURE(st)) return 0;
  {
    char acr[8];
    int32_t na = spelled_acronym(u, un, acr);
    if (na > 0) return sl_names_tr_key(tr, acr, (size_t)na, key, cap); /* as written in Latin */
  }
  while (i < un && nwords < SL_NAMES_MAX_WORDS) {
    int32_t ws, we, j;
    UChar32 c = 0;
    int scr, hyphen = 0, article = pending_article, abjad;
    char asc[4 * SL_NAMES_MAX_SYMS + 8], sym[SL_NAMES_MAX_SYMS];
    char alt[SL_NAMES_MAX_ALTS][SL_NAMES_MAX_SYMS];
    size_t na, ns, need, nalt[SL_NAMES_MAX_ALTS] = {0};
    int a, b, r, nal, is_abd = 0, initial, nstem, acronym;
    int32_t ws0, cut;
    unsigned place;
    char spelled;
    int gcode = 0;
    char stem[SL_NAMES_MAX_STEMS][SL_NAMES_MAX_SYMS];
    size_t nstemsym[SL_NAMES_MAX_STEMS] = {0};
    /* skip separators */
    while (i < un) {
      j = i;
      c = next_cp(u, &j, un);
      if (is_word_char(c) && c != '\'' && c != '`' && c != 0x2019 && c != 0x2018) break;
      i = j;
    }
    ws = i;
    while (i < un) {
      j = i;
      c = next_cp(u, &j, un);
      if (!is_word_char(c)) break;
      i = j;
    }
    we = i;
    if (we == ws) break;
    /* the separator after the word: is there a hyphen before the next? */
    for (j = we; j < un; j++) {
      if (u[j] == '-' || (u[j] >= 0x2010 && u[j] <= 0x2015)) hyphen = 1;
      if (is_word_char(u[j])) break;
    }
    pending_article = 0;
    scr = word_script(u + ws, we - ws);
    abjad = scr == SCR_ABJAD;
    initial = !abjad && is_initial(u + ws, we - ws, we < un && u[we] == '.');
    acronym = !initial && (scr == SCR_LATIN || scr == SCR_CYRILLIC) && is_acronym(u + ws, we - ws);
    if (abjad) we = ws + strip_vowel_marks(u + ws, we - ws);
    ws0 = ws;
    /* an Arabic initial is the Latin letter's name: جيه. كيه. = J. K. */
    spelled = abjad && we < un && u[we] == '.' ? spelled_letter(u + ws, we - ws) : 0;
    if (spelled) abjad = 0, initial = 1, scr = SCR_LATIN;
    if (abjad && we - ws >= 2 && u[ws] == 0x0627 && u[ws + 1] == 0x0644 &&
        count_letters(u + ws + 2, we - ws - 2) >= 2) {
      ws += 2;
      article = 1;
    }
    /* an Arabic word may carry a clitic and its article (بالقاهرة,
     * للاستثمار): the generic word or place is the word without them */
    cut = abjad && !article ? clitic_article(u + ws, we - ws) : 0;
    if (!initial && scr != SCR_OTHER) gcode = generic_code(u + ws, we - ws);
    if (!gcode && cut) gcode = generic_code(u + ws + cut, we - ws - cut);
    place = !initial && !gcode && !spelled ? word_place(u + ws0, we - ws0, scr, article) : 0;
    if (!place && !gcode && cut) place = word_place(u + ws + cut - 2, we - ws - cut + 2, scr, 1);
    if (spelled) asc[0] = spelled, asc[1] = '\0', na = 1;
    else na = to_ascii(tr, scr, u + ws, we - ws, asc, sizeof asc);
    if (na == 0) continue;
    if (!initial && !abjad && j < un && latin_article(asc, na, hyphen)) {
      pending_article = 1;
      continue;
    }
    if (!abjad && j < un && abd_article(asc, &na)) pending_article = is_abd = 1;
    if (!abjad) na = french_endings(asc, na);
    ns = symbolize(asc, na, abjad, sym);
    /* Yu., Kh., Zh.: one Cyrillic letter spelled in two Latin ones */
    if (!initial && !abjad && we < un && u[we] == '.' && u_isupper(u[ws]) && na <= 3 &&
        (ns == 1 || (ns == 2 && sym[0] == 'y' && is_vowel(sym[1]))))
      initial = 1;
    if (scr == SCR_LATIN && !initial) ns = mark_final(asc, na, sym, ns);
    if (ns == 0) continue;
    if (initial) article = 0;
    need = (nwords ? 1u : 0u) + (size_t)abjad + (size_t)(article != 0) + (size_t)initial + (size_t)acronym + ns +
           (size_t)(!abjad && (scr == SCR_CYRILLIC || scr == SCR_OTHER)) +
           (gcode ? gcode > 0xFF ? 3u : 2u : 0u) + (place ? 4u : 0u);
    /* other readings, each once and only when it differs: the readings
     * of every word, the Korean one, then those its letters call for */
    nal = 0;
    /* an acronym read out letter by letter, as Russian and Arabic write
     * many (BBC = Би-би-си = بي بي سي, IBM = Ай-би-эм): first, before
     * the readings of words */
    if (acronym && scr == SCR_LATIN && !gcode) {
      size_t m = letter_names(asc, na, alt[0]);
      if (m && (m != ns || memcmp(alt[0], sym, ns) != 0)) nalt[nal++] = m, need += 1 + m;
    }
    if (scr == SCR_LATIN && !is_abd && !gcode && !spelled) {
      char low[160];
      size_t nlow = lower_nfc(u + ws, we - ws, low, sizeof low), q;
      uint64_t seen[4] = {0, 0, 0, 0};
      UChar in[4 * SL_NAMES_MAX_SYMS + 64];
      int plain;
      int32_t nin = reading_input(u + ws, we - ws, in, (int32_t)(sizeof in / sizeof in[0]),
                                  &plain);
      for (q = 0; q < nlow; q++) seen[(unsigned char)low[q] >> 6] |= 1ull << ((unsigned char)low[q] & 63);
      for (r = 0; r <= (int)NREADINGS && nal < SL_NAMES_MAX_ALTS; r++) {
        int ri = r < 4 ? r : r == 4 ? -1 : r - 1; /* Korean fifth */
        size_t m;
        if (ri >= 0 && (nin < 0 || !reading_applies(&readings[ri], low, nlow, seen))) continue;
        m = ri >= 0 ? alt_reading(tr, ri, in, nin, plain, alt[nal]) : korean_reading(asc, na, alt[nal]);
        if (!m || (m == ns && memcmp(alt[nal], sym, ns) == 0)) continue;
        for (b = 0; b < nal; b++)
          if (nalt[b] == m && memcmp(alt[nal], alt[b], m) == 0) break;
        if (b < nal) continue;
        nalt[nal++] = m;
        need += 1 + m;
      }
      /* a French or Catalan elided article (d'Orléans, d'Aragó, l'Ecuyer)
       * is dropped where Russian makes the name an adjective (Орлеанская,
       * Арагонская) or a word of its own: the word without it too */
      if (nal < SL_NAMES_MAX_ALTS && elided_article(u + ws, we - ws) && na > 3) {
        size_t m = symbolize(asc + 1, na - 1, 0, alt[nal]);
        m = mark_final(asc + 1, na - 1, alt[nal], m);
        if (m) nalt[nal++] = m, need += 1 + m;
      }
    }
    /* an Arabic t+s or d+z is ts, dz (Tsipras = تسيبراس, Gorgodze =
     * جورجودزي) or two letters with an unwritten vowel between (Tesla =
     * تسلا, Beardsley = بيردزلي): both readings */
    if (abjad && (strstr(asc, "ts") || strstr(asc, "tz") || strstr(asc, "dz"))) {
      size_t m = symbolize(asc, na, 2, alt[0]);
      if (m && (m != ns || memcmp(alt[0], sym, ns) != 0)) nalt[nal++] = m, need += 1 + m;
    }
    /* an Arabic plural of a nisba (الحوثيون, الحوثيين): the singular
     * (حوثي) too, as Latin names the group (Houthis) */
    if (abjad && nal < SL_NAMES_MAX_ALTS && we - ws >= 6 && u[we - 3] == 0x064A &&
        (u[we - 2] == 0x0648 || u[we - 2] == 0x064A) && u[we - 1] == 0x0646) {
      size_t m = abjad_reading(tr, u + ws, we - ws - 2, alt[nal]);
      if (m) nalt[nal++] = m, need += 1 + m;
    }
    /* a preposition or conjunction written onto an Arabic word with its
     * article (بالقاهرة "in Cairo", للاستثمار "for investment", والعلوم
     * "and sciences"): the word without them too, never instead, since
     * foreign names open so (فالنسيا Valencia, كاليفورنيا California) */
    if (cut && nal < SL_NAMES_MAX_ALTS) {
      size_t m = abjad_reading(tr, u + ws + cut, we - ws - cut, alt[nal]);
      if (m) nalt[nal++] = m, need += 1 + m;
    }
    nstem = 0;
    if (scr == SCR_CYRILLIC && !initial && !gcode) {
      nstem = adjective_stems(tr, u + ws, we - ws, stem, nstemsym);
      for (a = 0; a < nstem; a++)
        if (nstemsym[a] == ns && memcmp(stem[a], sym, ns) == 0) nstemsym[a] = 0;
      for (a = 0; a < nstem; a++)
        if (nstemsym[a]) need += 1 + nstemsym[a];
    }
    if (klen + need + 1 > cap) break;
    if (nwords) key[klen++] = ' ';
    if (abjad) key[klen++] = '#';
    if (!abjad && scr == SCR_CYRILLIC) key[klen++] = '%';
    if (!abjad && scr == SCR_OTHER) key[klen++] = '&';
    if (article) key[klen++] = '@';
    if (initial) key[klen++] = '.';
    if (acronym) key[klen++] = '=';
    if (gcode > 0xFF) key[klen++] = '!';
    if (gcode) key[klen++] = '!', key[klen++] = (char)(gcode & 0xFF);
    if (place) {
      key[klen++] = '*';
      for (a = 12; a >= 0; a -= 6) key[klen++] = base64[(place >> a) & 63];
    }
    memcpy(key + klen, sym, ns);
    klen += ns;
    for (a = 0; a < SL_NAMES_MAX_ALTS; a++) {
      if (!nalt[a]) continue;
      key[klen++] = '|';
      memcpy(key + klen, alt[a], nalt[a]);
      klen += nalt[a];
    }
    for (a = 0; a < nstem; a++) {
      if (!nstemsym[a]) continue;
      key[klen++] = '^';
      memcpy(key + klen, stem[a], nstemsym[a]);
      klen += nstemsym[a];
    }
    nwords++;
  }
  key[klen] = '\0';
  return klen;
}
