/*
 * dates_lexicon — the folded-word lexicon shared by the dates and numbers
 * recognisers (stage 5: analysed document); the tokenizer is dates_scan.c.
 *
 * Month names come from ICU/CLDR at first use (udat_getSymbols for every
 * supported locale: format and stand-alone contexts, wide and abbreviated),
 * so "января", "stycznia", "Ocak", "كانون الثاني" are all known without a
 * table of our own.  Everything else a date or quantity needs (cues,
 * relative words, units, percent words, multipliers, currencies) is a
 * short hand-written list below.  All keys are folded by sl_lex_fold and
 * kept in one open-addressing hash; after the single pthread_once build the
 * table is read-only, so lookups need no lock.
 */
#include "analyze/dates_lexicon.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#define LEX_MAX     2048u          /* entries */
#define LEX_SLOTS   8192u          /* hash slots, power of two */
#define LEX_POOL    65536u         /* bytes of folded keys */
#define WORD_MAX    96u            /* longest folded word looked up */

#define L(x) ((uint16_t)(1u << LX_##x))

typedef struct lex_slot {
  uint32_t off, len;             /* key in pool */
  uint32_t idx;                  /* entry index + 1; 0 = empty */
} lex_slot;

static sl_lex g_ent[LEX_MAX];
static size_t g_nent;
static lex_slot g_slot[LEX_SLOTS];
static char g_pool[LEX_POOL];
static size_t g_npool;
static sl_rc g_init_rc = SL_OK;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

/* Hand-written word list: folded at build time like the ICU names. */
typedef struct word_def {
  const char *w;
  uint32_t roles;
  uint16_t langs;
  int8_t rel;
  uint8_t unit;
  double mult;
  const char *cur;
} word_def;

static const word_def k_words[] = {
  /* cues that tie a following date to the event */
  {"ngày", LR_CUE | LR_UNIT, L(VI), 0, LU_DAY, 0, 0}, {"đêm", LR_CUE, L(VI), 0, 0, 0, 0},
  {"sáng", LR_CUE, L(VI), 0, 0, 0, 0}, {"chiều", LR_CUE, L(VI), 0, 0, 0, 0},
  {"tối", LR_CUE, L(VI), 0, 0, 0, 0}, {"trưa", LR_CUE, L(VI), 0, 0, 0, 0},
  {"hôm", LR_CUE | LR_PAIR1, L(VI), 0, 0, 0, 0},
  {"on", LR_CUE, L(EN), 0, 0, 0, 0},
  {"في", LR_CUE | LR_MONTH_CUE | LR_PAIR1, L(AR), 0, 0, 0, 0},
  {"يوم", LR_CUE | LR_UNIT, L(AR), 0, LU_DAY, 0, 0},
  {"بتاريخ", LR_CUE, L(AR), 0, 0, 0, 0}, {"vào", LR_CUE, L(VI), 0, 0, 0, 0},
  {"le", LR_CUE, L(FR), 0, 0, 0, 0}, {"am", LR_CUE, L(DE), 0, 0, 0, 0},
  {"el", LR_CUE, L(ES), 0, 0, 0, 0}, {"il", LR_CUE, L(IT), 0, 0, 0, 0},
  {"dniu", LR_CUE, L(PL), 0, 0, 0, 0}, {"dnia", LR_CUE, L(PL), 0, 0, 0, 0},
  {"tarihinde", LR_CUE, L(TR), 0, 0, 0, 0},
  {"в", LR_CUE, L(RU) | L(UK), 0, 0, 0, 0}, {"во", LR_CUE, L(RU), 0, 0, 0, 0},
  {"у", LR_CUE, L(UK), 0, 0, 0, 0}, {"w", LR_CUE, L(PL), 0, 0, 0, 0},
  /* month cues ("in December") */
  {"in", LR_MONTH_CUE | LR_YCUE_PRE, L(EN), 0, 0, 0, 0},
  {"since", LR_MONTH_CUE | LR_YCUE_PRE, L(EN), 0, 0, 0, 0},
  {"en", LR_MONTH_CUE | LR_YCUE_PRE, L(FR) | L(ES), 0, 0, 0, 0},
  {"im", LR_MONTH_CUE, L(DE), 0, 0, 0, 0},
  {"nel", LR_YCUE_PRE, L(IT), 0, 0, 0, 0},
  {"em", LR_YCUE_PRE, L(PT), 0, 0, 0, 0},
  /* "de" joins day, month and year in es/pt */
  {"de", LR_DE, L(ES) | L(PT), 0, 0, 0, 0},
  {"del", LR_DE, L(ES), 0, 0, 0, 0}, {"of", LR_DE, L(EN), 0, 0, 0, 0},
  /* year cues */
  {"năm", LR_VI_YEAR | LR_YCUE_PRE, L(VI), 0, 0, 0, 0},
  {"year", LR_YCUE_PRE, L(EN), 0, 0, 0, 0},
  {"عام", LR_YCUE_PRE, L(AR), 0, 0, 0, 0}, {"العام", LR_YCUE_PRE, L(AR), 0, 0, 0, 0},
  {"سنة", LR_YCUE_PRE, L(AR), 0, 0, 0, 0},
  {"jahr", LR_YCUE_PRE, L(DE), 0, 0, 0, 0}, {"année", LR_YCUE_PRE, L(FR), 0, 0, 0, 0},
  {"año", LR_YCUE_PRE, L(ES), 0, 0, 0, 0}, {"anno", LR_YCUE_PRE, L(IT), 0, 0, 0, 0},
  {"года", LR_YCUE_POST, L(RU), 0, 0, 0, 0}, {"году", LR_YCUE_POST, L(RU), 0, 0, 0, 0},
  {"год", LR_YCUE_POST, L(RU), 0, 0, 0, 0}, {"г", LR_YCUE_POST, L(RU) | L(UK), 0, 0, 0, 0},
  {"року", LR_YCUE_POST, L(UK), 0, 0, 0, 0}, {"рік", LR_YCUE_POST, L(UK), 0, 0, 0, 0},
  {"roku", LR_YCUE_POST, L(PL), 0, 0, 0, 0}, {"rok", LR_YCUE_POST, L(PL), 0, 0, 0, 0},
  {"r", LR_YCUE_POST, L(PL), 0, 0, 0, 0},
  {"yılında", LR_YCUE_POST, L(TR), 0, 0, 0, 0}, {"yılı", LR_YCUE_POST, L(TR), 0, 0, 0, 0},
  {"yil", LR_YCUE_POST, L(TR), 0, 0, 0, 0},
  {"年", LR_CJK_YEAR | LR_YCUE_POST, 0, 0, 0, 0, 0},
  {"月", LR_CJK_MONTH, 0, 0, 0, 0, 0},
  {"日", LR_CJK_DAY | LR_PAIR1, 0, 0, 0, 0, 0}, {"号", LR_CJK_DAY, 0, 0, 0, 0, 0},
  {"tháng", LR_VI_MONTH, L(VI), 0, 0, 0, 0},
  /* relative days */
  {"yesterday", LR_REL, L(EN), -1, 0, 0, 0}, {"today", LR_REL, L(EN), 0, 0, 0, 0},
  {"tomorrow", LR_REL, L(EN), 1, 0, 0, 0},
  {"أمس", LR_REL, L(AR), -1, 0, 0, 0}, {"الأمس", LR_REL, L(AR), -1, 0, 0, 0},
  {"اليوم", LR_REL, L(AR), 0, 0, 0, 0}, {"غدا", LR_REL, L(AR), 1, 0, 0, 0},
  {"вчера", LR_REL, L(RU), -1, 0, 0, 0}, {"сегодня", LR_REL, L(RU), 0, 0, 0, 0},
  {"завтра", LR_REL, L(RU), 1, 0, 0, 0}, {"позавчера", LR_REL, L(RU), -2, 0, 0, 0},
  {"gestern", LR_REL, L(DE), -1, 0, 0, 0}, {"heute", LR_REL, L(DE), 0, 0, 0, 0},
  {"vorgestern", LR_REL, L(DE), -2, 0, 0, 0},
  {"hier", LR_REL, L(FR), -1, 0, 0, 0}, {"aujourd'hui", LR_REL, L(FR), 0, 0, 0, 0},
  {"demain", LR_REL, L(FR), 1, 0, 0, 0}, {"avant-hier", LR_REL, L(FR), -2, 0, 0, 0},
  {"ayer", LR_REL, L(ES), -1, 0, 0, 0}, {"hoy", LR_REL, L(ES), 0, 0, 0, 0},
  {"anteayer", LR_REL, L(ES), -2, 0, 0, 0},
  {"ieri", LR_REL, L(IT), -1, 0, 0, 0}, {"oggi", LR_REL, L(IT), 0, 0, 0, 0},
  {"domani", LR_REL, L(IT), 1, 0, 0, 0},
  {"wczoraj", LR_REL, L(PL), -1, 0, 0, 0}, {"dzisiaj", LR_REL, L(PL), 0, 0, 0, 0},
  {"dziś", LR_REL, L(PL), 0, 0, 0, 0}, {"jutro", LR_REL, L(PL), 1, 0, 0, 0},
  {"dün", LR_REL, L(TR), -1, 0, 0, 0}, {"bugün", LR_REL, L(TR), 0, 0, 0, 0},
  {"yarın", LR_REL, L(TR), 1, 0, 0, 0},
  {"ontem", LR_REL, L(PT), -1, 0, 0, 0}, {"hoje", LR_REL, L(PT), 0, 0, 0, 0},
  {"gisteren", LR_REL, L(NL), -1, 0, 0, 0}, {"vandaag", LR_REL, L(NL), 0, 0, 0, 0},
  {"вчора", LR_REL, L(UK), -1, 0, 0, 0}, {"сьогодні", LR_REL, L(UK), 0, 0, 0, 0},
  /* CJK pairs start with these (昨天, 今天, 前天, 明天, 昨日, 今日) */
  {"昨", LR_PAIR1, 0, 0, 0, 0, 0}, {"今", LR_PAIR1, 0, 0, 0, 0, 0},
  {"明", LR_PAIR1, 0, 0, 0, 0, 0}, {"前", LR_PAIR1 | LR_AGO_POST, 0, 0, 0, 0, 0},
  /* units for "N days ago" */
  {"days", LR_UNIT, L(EN), 0, LU_DAY, 0, 0}, {"day", LR_UNIT, L(EN), 0, LU_DAY, 0, 0},
  {"hours", LR_UNIT, L(EN), 0, LU_HOUR, 0, 0}, {"hour", LR_UNIT, L(EN), 0, LU_HOUR, 0, 0},
  {"minutes", LR_UNIT, L(EN), 0, LU_MINUTE, 0, 0},
  {"weeks", LR_UNIT, L(EN), 0, LU_WEEK, 0, 0}, {"week", LR_UNIT, L(EN), 0, LU_WEEK, 0, 0},
  {"giờ", LR_UNIT, L(VI), 0, LU_HOUR, 0, 0}, {"tiếng", LR_UNIT, L(VI), 0, LU_HOUR, 0, 0},
  {"phút", LR_UNIT, L(VI), 0, LU_MINUTE, 0, 0}, {"tuần", LR_UNIT, L(VI), 0, LU_WEEK, 0, 0},
  {"أيام", LR_UNIT, L(AR), 0, LU_DAY, 0, 0}, {"يومين", LR_UNIT, L(AR), 0, LU_DAY, 0, 0},
  {"ساعة", LR_UNIT, L(AR), 0, LU_HOUR, 0, 0}, {"ساعات", LR_UNIT, L(AR), 0, LU_HOUR, 0, 0},
  {"دقيقة", LR_UNIT, L(AR), 0, LU_MINUTE, 0, 0}, {"دقائق", LR_UNIT, L(AR), 0, LU_MINUTE, 0, 0},
  {"أسبوع", LR_UNIT, L(AR), 0, LU_WEEK, 0, 0}, {"أسابيع", LR_UNIT, L(AR), 0, LU_WEEK, 0, 0},
  {"день", LR_UNIT, L(RU), 0, LU_DAY, 0, 0}, {"дня", LR_UNIT, L(RU), 0, LU_DAY, 0, 0},
  {"дней", LR_UNIT, L(RU), 0, LU_DAY, 0, 0}, {"час", LR_UNIT, L(RU), 0, LU_HOUR, 0, 0},
  {"часа", LR_UNIT, L(RU), 0, LU_HOUR, 0, 0}, {"часов", LR_UNIT, L(RU), 0, LU_HOUR, 0, 0},
  {"минут", LR_UNIT, L(RU), 0, LU_MINUTE, 0, 0}, {"неделю", LR_UNIT, L(RU), 0, LU_WEEK, 0, 0},
  {"недели", LR_UNIT, L(RU), 0, LU_WEEK, 0, 0}, {"недель", LR_UNIT, L(RU), 0, LU_WEEK, 0, 0},
  {"tag", LR_UNIT, L(DE), 0, LU_DAY, 0, 0}, {"tagen", LR_UNIT, L(DE), 0, LU_DAY, 0, 0},
  {"stunden", LR_UNIT, L(DE), 0, LU_HOUR, 0, 0}, {"stunde", LR_UNIT, L(DE), 0, LU_HOUR, 0, 0},
  {"wochen", LR_UNIT, L(DE), 0, LU_WEEK, 0, 0},
  {"jours", LR_UNIT, L(FR), 0, LU_DAY, 0, 0}, {"jour", LR_UNIT, L(FR), 0, LU_DAY, 0, 0},
  {"heures", LR_UNIT, L(FR), 0, LU_HOUR, 0, 0}, {"semaines", LR_UNIT, L(FR), 0, LU_WEEK, 0, 0},
  {"días", LR_UNIT, L(ES), 0, LU_DAY, 0, 0}, {"horas", LR_UNIT, L(ES) | L(PT), 0, LU_HOUR, 0, 0},
  {"semanas", LR_UNIT, L(ES) | L(PT), 0, LU_WEEK, 0, 0},
  {"giorni", LR_UNIT, L(IT), 0, LU_DAY, 0, 0}, {"ore", LR_UNIT, L(IT), 0, LU_HOUR, 0, 0},
  {"settimane", LR_UNIT, L(IT), 0, LU_WEEK, 0, 0},
  {"dni", LR_UNIT, L(PL), 0, LU_DAY, 0, 0}, {"godzin", LR_UNIT, L(PL), 0, LU_HOUR, 0, 0},
  {"godziny", LR_UNIT, L(PL), 0, LU_HOUR, 0, 0}, {"tygodnie", LR_UNIT, L(PL), 0, LU_WEEK, 0, 0},
  {"gün", LR_UNIT, L(TR), 0, LU_DAY, 0, 0}, {"saat", LR_UNIT, L(TR), 0, LU_HOUR, 0, 0},
  {"hafta", LR_UNIT, L(TR), 0, LU_WEEK, 0, 0},
  {"天", LR_UNIT, 0, 0, LU_DAY, 0, 0}, {"周", LR_UNIT, 0, 0, LU_WEEK, 0, 0},
  {"dias", LR_UNIT, L(PT), 0, LU_DAY, 0, 0},
  /* "ago" */
  {"trước", LR_AGO_POST, L(VI), 0, 0, 0, 0}, {"ago", LR_AGO_POST, L(EN), 0, 0, 0, 0},
  {"назад", LR_AGO_POST, L(RU) | L(UK), 0, 0, 0, 0}, {"önce", LR_AGO_POST, L(TR), 0, 0, 0, 0},
  {"fa", LR_AGO_POST, L(IT), 0, 0, 0, 0}, {"temu", LR_AGO_POST, L(PL), 0, 0, 0, 0},
  {"geleden", LR_AGO_POST, L(NL), 0, 0, 0, 0},
  {"قبل", LR_AGO_PRE, L(AR), 0, 0, 0, 0}, {"منذ", LR_AGO_PRE, L(AR), 0, 0, 0, 0}, {"vor", LR_AGO_PRE, L(DE), 0, 0, 0, 0},
  {"hace", LR_AGO_PRE, L(ES), 0, 0, 0, 0}, {"há", LR_AGO_PRE, L(PT), 0, 0, 0, 0},
  {"y", LR_PAIR1, L(FR), 0, 0, 0, 0},
  /* percent */
  {"percent", LR_PERCENT, 0, 0, 0, 0, 0}, {"per", LR_PAIR1, 0, 0, 0, 0, 0},
  {"pour", LR_PAIR1, L(FR), 0, 0, 0, 0}, {"por", LR_PAIR1, L(ES), 0, 0, 0, 0},
  {"phần", LR_PAIR1, L(VI), 0, 0, 0, 0},
  {"prozent", LR_PERCENT, L(DE), 0, 0, 0, 0},
  {"процентов", LR_PERCENT, L(RU), 0, 0, 0, 0}, {"процента", LR_PERCENT, L(RU), 0, 0, 0, 0},
  {"процент", LR_PERCENT, L(RU), 0, 0, 0, 0}, {"відсотків", LR_PERCENT, L(UK), 0, 0, 0, 0},
  {"procent", LR_PERCENT, L(PL) | L(NL), 0, 0, 0, 0},
  {"procentów", LR_PERCENT, L(PL), 0, 0, 0, 0}, {"procenty", LR_PERCENT, L(PL), 0, 0, 0, 0},
  {"بالمائة", LR_PERCENT, L(AR), 0, 0, 0, 0}, {"بالمئة", LR_PERCENT, L(AR), 0, 0, 0, 0},
  {"yüzde", LR_PCT_PRE, L(TR), 0, 0, 0, 0},
  /* multipliers */
  {"thousand", LR_MULT, L(EN), 0, 0, 1e3, 0}, {"nghìn", LR_MULT | LR_PAIR1, L(VI), 0, 0, 1e3, 0},
  {"ngàn", LR_MULT | LR_PAIR1, L(VI), 0, 0, 1e3, 0}, {"ألف", LR_MULT, L(AR), 0, 0, 1e3, 0},
  {"آلاف", LR_MULT, L(AR), 0, 0, 1e3, 0}, {"тысяч", LR_MULT, L(RU), 0, 0, 1e3, 0},
  {"тысячи", LR_MULT, L(RU), 0, 0, 1e3, 0}, {"тыс", LR_MULT, L(RU) | L(UK), 0, 0, 1e3, 0},
  {"mille", LR_MULT, L(FR), 0, 0, 1e3, 0}, {"mila", LR_MULT, L(IT), 0, 0, 1e3, 0},
  {"tausend", LR_MULT, L(DE), 0, 0, 1e3, 0}, {"mil", LR_MULT | LR_PAIR1, L(ES) | L(PT), 0, 0, 1e3, 0},
  {"tysięcy", LR_MULT, L(PL), 0, 0, 1e3, 0}, {"tys", LR_MULT, L(PL), 0, 0, 1e3, 0},
  {"bin", LR_MULT, L(TR), 0, 0, 1e3, 0}, {"千", LR_MULT, 0, 0, 0, 1e3, 0},
  {"万", LR_MULT, 0, 0, 0, 1e4, 0}, {"萬", LR_MULT, 0, 0, 0, 1e4, 0},
  {"亿", LR_MULT, 0, 0, 0, 1e8, 0}, {"億", LR_MULT, 0, 0, 0, 1e8, 0},
  {"million", LR_MULT, 0, 0, 0, 1e6, 0}, {"millions", LR_MULT, 0, 0, 0, 1e6, 0},
  {"triệu", LR_MULT, L(VI), 0, 0, 1e6, 0}, {"مليون", LR_MULT, L(AR), 0, 0, 1e6, 0},
  {"ملايين", LR_MULT, L(AR), 0, 0, 1e6, 0}, {"миллион", LR_MULT, L(RU), 0, 0, 1e6, 0},
  {"миллиона", LR_MULT, L(RU), 0, 0, 1e6, 0}, {"миллионов", LR_MULT, L(RU), 0, 0, 1e6, 0},
  {"млн", LR_MULT, L(RU) | L(UK), 0, 0, 1e6, 0}, {"millionen", LR_MULT, L(DE), 0, 0, 1e6, 0},
  {"mio", LR_MULT, L(DE), 0, 0, 1e6, 0}, {"millón", LR_MULT, L(ES), 0, 0, 1e6, 0},
  {"millones", LR_MULT, L(ES), 0, 0, 1e6, 0}, {"milione", LR_MULT, L(IT), 0, 0, 1e6, 0},
  {"milioni", LR_MULT, L(IT), 0, 0, 1e6, 0}, {"milion", LR_MULT, L(PL), 0, 0, 1e6, 0},
  {"miliony", LR_MULT, L(PL), 0, 0, 1e6, 0}, {"milionów", LR_MULT, L(PL), 0, 0, 1e6, 0},
  {"mln", LR_MULT, L(PL), 0, 0, 1e6, 0}, {"milyon", LR_MULT, L(TR), 0, 0, 1e6, 0},
  {"milhões", LR_MULT, L(PT), 0, 0, 1e6, 0}, {"milhão", LR_MULT, L(PT), 0, 0, 1e6, 0},
  {"billion", LR_MULT, L(EN), 0, 0, 1e9, 0}, {"billions", LR_MULT, L(EN), 0, 0, 1e9, 0},
  {"tỷ", LR_MULT, L(VI), 0, 0, 1e9, 0}, {"tỉ", LR_MULT, L(VI), 0, 0, 1e9, 0},
  {"مليار", LR_MULT, L(AR), 0, 0, 1e9, 0}, {"مليارات", LR_MULT, L(AR), 0, 0, 1e9, 0},
  {"миллиард", LR_MULT, L(RU), 0, 0, 1e9, 0}, {"миллиарда", LR_MULT, L(RU), 0, 0, 1e9, 0},
  {"миллиардов", LR_MULT, L(RU), 0, 0, 1e9, 0}, {"млрд", LR_MULT, L(RU) | L(UK), 0, 0, 1e9, 0},
  {"milliard", LR_MULT, L(FR), 0, 0, 1e9, 0}, {"milliards", LR_MULT, L(FR), 0, 0, 1e9, 0},
  {"milliarde", LR_MULT, L(DE), 0, 0, 1e9, 0}, {"milliarden", LR_MULT, L(DE), 0, 0, 1e9, 0},
  {"mrd", LR_MULT, L(DE), 0, 0, 1e9, 0}, {"miliardo", LR_MULT, L(IT), 0, 0, 1e9, 0},
  {"miliardi", LR_MULT, L(IT), 0, 0, 1e9, 0}, {"miliard", LR_MULT, L(PL), 0, 0, 1e9, 0},
  {"miliardy", LR_MULT, L(PL), 0, 0, 1e9, 0}, {"miliardów", LR_MULT, L(PL), 0, 0, 1e9, 0},
  {"mld", LR_MULT, L(PL), 0, 0, 1e9, 0}, {"milyar", LR_MULT, L(TR), 0, 0, 1e9, 0},
  {"trillion", LR_MULT, L(EN), 0, 0, 1e12, 0},
  /* currencies after the amount */
  {"usd", LR_CURRENCY, 0, 0, 0, 0, "USD"}, {"dollars", LR_CURRENCY, 0, 0, 0, 0, "USD"},
  {"dollar", LR_CURRENCY, 0, 0, 0, 0, "USD"}, {"دولار", LR_CURRENCY, L(AR), 0, 0, 0, "USD"},
  {"долларов", LR_CURRENCY, L(RU), 0, 0, 0, "USD"}, {"доллара", LR_CURRENCY, L(RU), 0, 0, 0, "USD"},
  {"usd", LR_CURRENCY, 0, 0, 0, 0, "USD"}, {"eur", LR_CURRENCY, 0, 0, 0, 0, "EUR"},
  {"euro", LR_CURRENCY, 0, 0, 0, 0, "EUR"}, {"euros", LR_CURRENCY, 0, 0, 0, 0, "EUR"},
  {"евро", LR_CURRENCY, L(RU), 0, 0, 0, "EUR"}, {"يورو", LR_CURRENCY, L(AR), 0, 0, 0, "EUR"},
  {"đồng", LR_CURRENCY, L(VI), 0, 0, 0, "VND"}, {"vnd", LR_CURRENCY, 0, 0, 0, 0, "VND"},
  {"vnđ", LR_CURRENCY, 0, 0, 0, 0, "VND"}, {"rub", LR_CURRENCY, 0, 0, 0, 0, "RUB"},
  {"рублей", LR_CURRENCY, L(RU), 0, 0, 0, "RUB"}, {"рубля", LR_CURRENCY, L(RU), 0, 0, 0, "RUB"},
  {"руб", LR_CURRENCY, L(RU), 0, 0, 0, "RUB"}, {"روبل", LR_CURRENCY, L(AR), 0, 0, 0, "RUB"},
  {"gbp", LR_CURRENCY, 0, 0, 0, 0, "GBP"}, {"yuan", LR_CURRENCY, 0, 0, 0, 0, "CNY"},
  {"元", LR_CURRENCY, 0, 0, 0, 0, "CNY"}, {"cny", LR_CURRENCY, 0, 0, 0, 0, "CNY"},
  {"lira", LR_CURRENCY, L(TR), 0, 0, 0, "TRY"}, {"tl", LR_CURRENCY, L(TR), 0, 0, 0, "TRY"},
  /* approximations */
  {"about", LR_APPROX, L(EN), 0, 0, 0, 0}, {"around", LR_APPROX, L(EN), 0, 0, 0, 0},
  {"nearly", LR_APPROX, L(EN), 0, 0, 0, 0}, {"almost", LR_APPROX, L(EN), 0, 0, 0, 0},
  {"approximately", LR_APPROX, L(EN), 0, 0, 0, 0}, {"some", LR_APPROX, L(EN), 0, 0, 0, 0},
  {"khoảng", LR_APPROX, L(VI), 0, 0, 0, 0}, {"gần", LR_APPROX, L(VI), 0, 0, 0, 0},
  {"hơn", LR_APPROX, L(VI), 0, 0, 0, 0}, {"حوالي", LR_APPROX, L(AR), 0, 0, 0, 0},
  {"نحو", LR_APPROX, L(AR), 0, 0, 0, 0}, {"قرابة", LR_APPROX, L(AR), 0, 0, 0, 0},
  {"около", LR_APPROX, L(RU), 0, 0, 0, 0}, {"почти", LR_APPROX, L(RU), 0, 0, 0, 0},
  {"примерно", LR_APPROX, L(RU), 0, 0, 0, 0}, {"environ", LR_APPROX, L(FR), 0, 0, 0, 0},
  {"près", LR_APPROX, L(FR), 0, 0, 0, 0}, {"etwa", LR_APPROX, L(DE), 0, 0, 0, 0},
  {"rund", LR_APPROX, L(DE), 0, 0, 0, 0}, {"unos", LR_APPROX, L(ES), 0, 0, 0, 0},
  {"casi", LR_APPROX, L(ES), 0, 0, 0, 0}, {"circa", LR_APPROX, L(IT), 0, 0, 0, 0},
  {"około", LR_APPROX, L(PL), 0, 0, 0, 0}, {"yaklaşık", LR_APPROX, L(TR), 0, 0, 0, 0},
  {"约", LR_APPROX, 0, 0, 0, 0, 0}, {"大约", LR_APPROX, 0, 0, 0, 0, 0},
};

/* Two-word entries; the first word is marked LR_PAIR1 automatically. */
static const word_def k_pairs[] = {
  {"hôm qua", LR_REL, L(VI), -1, 0, 0, 0}, {"hôm nay", LR_REL, L(VI), 0, 0, 0, 0},
  {"hôm kia", LR_REL, L(VI), -2, 0, 0, 0}, {"ngày mai", LR_REL, L(VI), 1, 0, 0, 0},
  {"أول أمس", LR_REL, L(AR), -2, 0, 0, 0},
  {"昨 天", LR_REL, 0, -1, 0, 0, 0}, {"今 天", LR_REL, 0, 0, 0, 0, 0},
  {"明 天", LR_REL, 0, 1, 0, 0, 0}, {"前 天", LR_REL, 0, -2, 0, 0, 0},
  {"昨 日", LR_REL, 0, -1, 0, 0, 0}, {"今 日", LR_REL, 0, 0, 0, 0, 0},
  {"y a", LR_AGO_PRE, L(FR), 0, 0, 0, 0},
  {"per cent", LR_PERCENT, 0, 0, 0, 0, 0}, {"pour cent", LR_PERCENT, L(FR), 0, 0, 0, 0},
  {"por ciento", LR_PERCENT, L(ES), 0, 0, 0, 0}, {"per cento", LR_PERCENT, L(IT), 0, 0, 0, 0},
  {"phần trăm", LR_PERCENT, L(VI), 0, 0, 0, 0},
  {"في المائة", LR_PERCENT, L(AR), 0, 0, 0, 0}, {"في المئة", LR_PERCENT, L(AR), 0, 0, 0, 0},
  {"mil millones", LR_MULT, L(ES), 0, 0, 1e9, 0},
  {"nghìn tỷ", LR_MULT, L(VI), 0, 0, 1e12, 0}, {"ngàn tỷ", LR_MULT, L(VI), 0, 0, 1e12, 0},
  {"日 前", LR_AGO_POST, 0, 0, 0, 0, 0},
};

static const struct { const char *loc; int lx; } k_locales[] = {
  {"en", LX_EN}, {"vi", LX_VI}, {"ar", LX_AR}, {"ar_SY", LX_AR}, {"ar_MA", LX_AR},
  {"ar_TN", LX_AR}, {"ru", LX_RU}, {"uk", LX_UK}, {"fr", LX_FR},
  {"de", LX_DE}, {"es", LX_ES}, {"it", LX_IT}, {"pl", LX_PL},
  {"tr", LX_TR}, {"pt", LX_PT}, {"nl", LX_NL},
};

/* ---- UTF-8 helpers ---------------------------------------------------- */

int32_t sl_lex_u8_next(const char *z, size_t n, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)z + i;
  size_t left = n - i;
  uint32_t c = s[0];
  *len = 1;
  if (c < 0x80) return (int32_t)c;
  if (c >= 0xC2 && c <= 0xDF && left >= 2 && (s[1] & 0xC0) == 0x80) {
    *len = 2;
    return (int32_t)(((c & 0x1Fu) << 6) | (s[1] & 0x3Fu));
  }
  if (c >= 0xE0 && c <= 0xEF && left >= 3 && (s[1] & 0xC0) == 0x80 &&
      (s[2] & 0xC0) == 0x80) {
    uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return -1;
    *len = 3;
    return (int32_t)v;
  }
  if (c >= 0xF0 && c <= 0xF4 && left >= 4 && (s[1] & 0xC0) == 0x80 &&
      (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80) {
    uint32_t v = ((c & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) |
                 ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    if (v < 0x10000 || v > 0x10FFFF) return -1;
    *len = 4;
    return (int32_t)v;
  }
  return -1;
}

static size_t u8_put(uint32_t c, char *out, size_t at, size_t cap) {
  unsigned char b[4];
  size_t k;
  if (c < 0x80) { b[0] = (unsigned char)c; k = 1; }
  else if (c < 0x800) {
    b[0] = (unsigned char)(0xC0 | (c >> 6)); b[1] = (unsigned char)(0x80 | (c & 0x3F)); k = 2;
  } else if (c < 0x10000) {
    b[0] = (unsigned char)(0xE0 | (c >> 12)); b[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    b[2] = (unsigned char)(0x80 | (c & 0x3F)); k = 3;
  } else {
    b[0] = (unsigned char)(0xF0 | (c >> 18)); b[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
    b[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F)); b[3] = (unsigned char)(0x80 | (c & 0x3F));
    k = 4;
  }
  if (at + k > cap) return 0;
  for (size_t j = 0; j < k; j++) out[at + j] = (char)b[j];
  return k;
}

/* The fold of code point c >= 0x80 (sl_lex_fold), or UINT32_MAX when
 * it is dropped. */
static uint32_t fold_cp(int32_t c) {
  uint32_t f;
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 ||
      c == 0x200C || c == 0x200D || c == 0x00AD) {
    return UINT32_MAX; /* harakat, tatweel, joiners, soft hyphen */
  } else if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) {
    f = 0x0627;
  } else if (c == 0x0649 || c == 0x06CC) {
    f = 0x064A;
  } else if (c == 0x0629) {
    f = 0x0647;
  } else if (c == 0x06A9) {
    f = 0x0643;
  } else if (c == 0x0131) {
    f = 'i';
  } else if (c == 0x0451 || c == 0x0401) {
    f = 0x0435;
  } else if (c == 0x2019 || c == 0x2018 || c == 0x02BC) {
    f = '\'';
  } else if ((c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x430 && c <= 0x44F) ||
             (c >= 0x621 && c <= 0x64A) || (c >= 0x4E00 && c <= 0x9FFF)) {
    f = (uint32_t)c; /* lower case or caseless: u_tolower's answer, without the call */
  } else if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x410 && c <= 0x42F)) {
    f = (uint32_t)c + 0x20;
  } else {
    f = (uint32_t)u_tolower(c);
  }
  return f;
}

/* fold_cp of U+0080..U+07FF (the two-byte characters: Latin, Greek,
 * Cyrillic, Arabic), made once: most folded words hold only those. */
static uint32_t FOLD2[0x800];
static pthread_once_t FOLD2_ONCE = PTHREAD_ONCE_INIT;

static void fold2_init(void) {
  for (int32_t c = 0x80; c < 0x800; c++)
    FOLD2[c] = fold_cp(c);
}

size_t sl_lex_fold(const char *z, size_t n, char *out, size_t cap) {
  size_t i = 0, o = 0, len, k;
  const unsigned char *p = (const unsigned char *)z;
  pthread_once(&FOLD2_ONCE, fold2_init);
  while (i < n) {
    int32_t c;
    uint32_t f;
    unsigned char b0 = p[i];
    if (b0 < 0x80) {
      if (o >= cap) return 0;
      out[o++] = (char)(b0 >= 'A' && b0 <= 'Z' ? b0 + 32 : b0);
      i++;
      continue;
    }
    if (b0 >= 0xC2 && b0 <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) {
      c = (int32_t)((b0 & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu));
      f = FOLD2[c];
      len = 2;
    } else {
      c = sl_lex_u8_next(z, n, i, &len);
      if (c < 0) return 0;
      f = fold_cp(c);
    }
    i += len;
    if (f == UINT32_MAX) continue;
    k = u8_put(f, out, o, cap);
    if (k == 0) return 0;
    o += k;
  }
  return o;
}

/* ---- hash ------------------------------------------------------------- */

static uint32_t hash_key(const char *k, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) { h ^= (unsigned char)k[i]; h *= 16777619u; }
  return h;
}

/* Bits of (length, first byte, last byte) of every key: most words are
 * no key, and this says so before the key is hashed, or even folded
 * (sl_lex_may_be). */
#define SHAPE_BITS (1u << 16)
static uint64_t g_shape[SHAPE_BITS / 64];

static uint32_t shape_of(size_t n, unsigned char first, unsigned char last) {
  return ((uint32_t)(n > 255 ? 255 : n) * 0x9E37u ^ (uint32_t)first * 0x85EBu ^
          (uint32_t)last * 0xC2B3u) & (SHAPE_BITS - 1);
}

int sl_lex_may_be(size_t n, unsigned char first, unsigned char last) {
  uint32_t b = shape_of(n, first, last);
  return n && (g_shape[b / 64] >> (b % 64)) & 1;
}

const sl_lex *sl_lex_lookup(const char *k, size_t n) {
  if (n == 0 || !sl_lex_may_be(n, (unsigned char)k[0], (unsigned char)k[n - 1]))
    return NULL;
  uint32_t h = hash_key(k, n) & (LEX_SLOTS - 1);
  for (;;) {
    const lex_slot *s = &g_slot[h];
    if (s->idx == 0) return NULL;
    if (s->len == n && memcmp(g_pool + s->off, k, n) == 0) return &g_ent[s->idx - 1];
    h = (h + 1) & (LEX_SLOTS - 1);
  }
}

/* Finds or creates the entry for folded key k[0..n).  NULL when full. */
static sl_lex *intern(const char *k, size_t n) {
  uint32_t h = hash_key(k, n) & (LEX_SLOTS - 1);
  for (;;) {
    lex_slot *s = &g_slot[h];
    if (s->idx == 0) break;
    if (s->len == n && memcmp(g_pool + s->off, k, n) == 0) return &g_ent[s->idx - 1];
    h = (h + 1) & (LEX_SLOTS - 1);
  }
  if (g_nent >= LEX_MAX || g_npool + n > LEX_POOL || n == 0) return NULL;
  memcpy(g_pool + g_npool, k, n);
  uint32_t b = shape_of(n, (unsigned char)k[0], (unsigned char)k[n - 1]);
  g_shape[b / 64] |= 1ull << (b % 64);
  g_slot[h].off = (uint32_t)g_npool;
  g_slot[h].len = (uint32_t)n;
  g_slot[h].idx = (uint32_t)(g_nent + 1);
  g_npool += n;
  memset(&g_ent[g_nent], 0, sizeof g_ent[0]);
  return &g_ent[g_nent++];
}

/* Folds a phrase word by word, joining the words with one space. */
static size_t fold_phrase(const char *z, size_t n, char *out, size_t cap, int *nwords) {
  size_t i = 0, o = 0;
  *nwords = 0;
  while (i < n) {
    size_t j = i, k;
    while (j < n && z[j] != ' ') j++;
    if (j > i) {
      if (*nwords > 0) {
        if (o + 1 >= cap) return 0;
        out[o++] = ' ';
      }
      k = sl_lex_fold(z + i, j - i, out + o, cap - o);
      if (k == 0) return 0;
      o += k;
      (*nwords)++;
    }
    i = j + 1;
  }
  return o;
}

static void add_def(const word_def *d) {
  char key[WORD_MAX];
  int nw;
  size_t n = fold_phrase(d->w, strlen(d->w), key, sizeof key, &nw);
  sl_lex *e;
  if (n == 0 || (e = intern(key, n)) == NULL) return;
  if ((e->roles & ~(uint32_t)(LR_MONTH | LR_PAIR1)) == 0) e->langs = d->langs;
  else if (e->langs == 0 || d->langs == 0) e->langs = 0;
  else e->langs = (uint16_t)(e->langs | d->langs);
  e->roles |= d->roles;
  if (d->rel) e->rel = d->rel;
  if (d->unit) e->unit = d->unit;
  if (d->mult > 0) e->mult = d->mult;
  if (d->cur) memcpy(e->cur, d->cur, 4);
  if (nw == 2) {
    const char *sp = memchr(key, ' ', n);
    sl_lex *f = intern(key, (size_t)(sp - key));
    if (f) f->roles |= LR_PAIR1;
  }
}

/* Adds one ICU month symbol (UTF-16) for month m, locale bit lx. */
static void add_month(const UChar *u, int32_t un, int m, int lx, int abbr) {
  char utf8[128], key[WORD_MAX];
  int32_t n8 = 0;
  UErrorCode err = U_ZERO_ERROR;
  int nw, i;
  size_t n;
  sl_lex *e;
  u_strToUTF8(utf8, (int32_t)sizeof utf8, &n8, u, un, &err);
  if (U_FAILURE(err) || n8 <= 0 || n8 >= (int32_t)sizeof utf8) return;
  while (n8 > 0 && utf8[n8 - 1] == '.') n8--;
  for (i = 0; i < n8; i++)
    if (utf8[i] >= '0' && utf8[i] <= '9') return; /* "tháng 1", "1月" */
  n = fold_phrase(utf8, (size_t)n8, key, sizeof key, &nw);
  if (n == 0 || nw > 2 || (e = intern(key, n)) == NULL) return;
  if ((e->roles & LR_MONTH) && e->month != m) return; /* keep the first */
  e->roles |= LR_MONTH;
  e->month = (uint8_t)m;
  if (abbr) e->abbr_langs = (uint16_t)(e->abbr_langs | (1u << lx));
  else e->full_langs = (uint16_t)(e->full_langs | (1u << lx));
  if (nw == 2) {
    const char *sp = memchr(key, ' ', n);
    sl_lex *f = intern(key, (size_t)(sp - key));
    if (f) f->roles |= LR_PAIR1;
  }
}

/* Adds weekday name utf8[0..n8), 0 = Sunday, for locale bit lx.
 * Hyphenated names ("segunda-feira") are split by the scanner: skipped. */
static void add_weekday(const char *utf8, size_t n8, int wd, int lx) {
  char key[WORD_MAX];
  int nw;
  size_t n;
  sl_lex *e;
  if (n8 == 0 || memchr(utf8, '-', n8)) return;
  n = fold_phrase(utf8, n8, key, sizeof key, &nw);
  if (n == 0 || nw > 2 || (e = intern(key, n)) == NULL) return;
  if ((e->roles & LR_WEEKDAY) && e->weekday != wd) return;
  e->roles |= LR_WEEKDAY;
  e->weekday = (uint8_t)wd;
  e->wd_langs = (uint16_t)(e->wd_langs | (1u << lx));
  if (nw == 2) {
    const char *sp = memchr(key, ' ', n);
    sl_lex *f = intern(key, (size_t)(sp - key));
    if (f) f->roles |= LR_PAIR1;
  }
}

static void add_weekday16(const UChar *u, int32_t un, int wd, int lx) {
  char utf8[128];
  int32_t n8 = 0;
  UErrorCode err = U_ZERO_ERROR;
  u_strToUTF8(utf8, (int32_t)sizeof utf8, &n8, u, un, &err);
  if (U_SUCCESS(err) && n8 > 0 && n8 < (int32_t)sizeof utf8) add_weekday(utf8, (size_t)n8, wd, lx);
}

static void build(void) {
  static const UDateFormatSymbolType types[4] = {
    UDAT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_SHORT_MONTHS, UDAT_STANDALONE_SHORT_MONTHS};
  size_t li, wi;
  int nmonths = 0;
  for (li = 0; li < sizeof k_locales / sizeof k_locales[0]; li++) {
    UErrorCode err = U_ZERO_ERROR;
    UDateFormat *df = udat_open(UDAT_NONE, UDAT_NONE, k_locales[li].loc, NULL, 0, NULL, 0, &err);
    int t;
    if (U_FAILURE(err) || df == NULL) continue;
    for (t = 0; t < 4; t++) {
      int32_t cnt = udat_countSymbols(df, types[t]), m;
      for (m = 0; m < cnt && m < 12; m++) {
        UChar buf[64];
        UErrorCode e2 = U_ZERO_ERROR;
        int32_t un = udat_getSymbols(df, types[t], m, buf, 64, &e2);
        if (U_FAILURE(e2) || un <= 0 || un >= 64) continue;
        add_month(buf, un, m + 1, k_locales[li].lx, t >= 2);
        nmonths++;
      }
    }
    for (t = 0; t < 2; t++) {
      UDateFormatSymbolType wt = t ? UDAT_STANDALONE_WEEKDAYS : UDAT_WEEKDAYS;
      int32_t cnt = udat_countSymbols(df, wt), w;
      for (w = 1; w < cnt && w <= 7; w++) { /* ICU: 1 = Sunday */
        UChar buf[64];
        UErrorCode e2 = U_ZERO_ERROR;
        int32_t un = udat_getSymbols(df, wt, w, buf, 64, &e2);
        if (U_SUCCESS(e2) && un > 0 && un < 64) add_weekday16(buf, un, w - 1, k_locales[li].lx);
      }
    }
    udat_close(df);
  }
  /* Abbreviations CLDR does not list but newspapers use. */
  {
    static const char *extra[] = {"Sept", "Sep", "Febr"};
    static const int em[] = {9, 9, 2};
    for (wi = 0; wi < 3; wi++) {
      UChar u[16];
      int32_t un = 0;
      UErrorCode err = U_ZERO_ERROR;
      u_strFromUTF8(u, 16, &un, extra[wi], -1, &err);
      if (U_SUCCESS(err)) add_month(u, un, em[wi], LX_EN, 1);
    }
  }
  /* Accusative weekdays after "в"/"w" ("в среду", "w środę"). */
  {
    static const struct { const char *w; int wd, lx; } acc[] = {
      {"среду", 3, LX_RU}, {"пятницу", 5, LX_RU}, {"субботу", 6, LX_RU},
      {"середу", 3, LX_UK}, {"п'ятницю", 5, LX_UK}, {"суботу", 6, LX_UK},
      {"неділю", 0, LX_UK}, {"środę", 3, LX_PL}, {"sobotę", 6, LX_PL},
      {"niedzielę", 0, LX_PL}};
    for (wi = 0; wi < sizeof acc / sizeof acc[0]; wi++)
      add_weekday(acc[wi].w, strlen(acc[wi].w), acc[wi].wd, acc[wi].lx);
  }
  for (wi = 0; wi < sizeof k_words / sizeof k_words[0]; wi++) add_def(&k_words[wi]);
  for (wi = 0; wi < sizeof k_pairs / sizeof k_pairs[0]; wi++) add_def(&k_pairs[wi]);
  if (nmonths == 0) g_init_rc = SL_EICU;
}

sl_rc sl_lex_init(void) {
  if (pthread_once(&g_once, build) != 0) return SL_EINVAL;
  return g_init_rc;
}

int sl_lex_lang(const char *lang) {
  static const char *codes[] = {"en", "vi", "ar", "ru", "uk", "fr", "de", "es",
                                "it", "pl", "tr", "pt", "nl", "zh", "ja"};
  size_t i;
  char a, b;
  if (lang == NULL || lang[0] == '\0' || lang[1] == '\0') return LX_OTHER;
  if (lang[2] != '\0' && lang[2] != '-' && lang[2] != '_') return LX_OTHER;
  a = (char)(lang[0] | 0x20);
  b = (char)(lang[1] | 0x20);
  for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
    if (codes[i][0] == a && codes[i][1] == b) return (int)i;
  return LX_OTHER;
}

int sl_lex_in_lang(const sl_lex *e, int lx) {
  return e->langs == 0 || lx == LX_OTHER || (e->langs & (1u << lx)) != 0;
}

const sl_lex *sl_lex_pair(const char *z, const sl_dtok *a, const sl_dtok *b) {
  char key[WORD_MAX];
  size_t n1, n2;
  if (a->type != TK_WORD || b->type != TK_WORD || a->lex == NULL ||
      !(a->lex->roles & LR_PAIR1) || b->gap >= GAP_WIDE)
    return NULL;
  n1 = sl_lex_fold(z + a->start, a->end - a->start, key, sizeof key);
  if (n1 == 0 || n1 + 2 >= sizeof key) return NULL;
  key[n1] = ' ';
  n2 = sl_lex_fold(z + b->start, b->end - b->start, key + n1 + 1, sizeof key - n1 - 1);
  if (n2 == 0) return NULL;
  return sl_lex_lookup(key, n1 + 1 + n2);
}

