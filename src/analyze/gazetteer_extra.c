/*
 * gazetteer_extra — curated names the gazetteer needs that CLDR does not
 * carry: colloquial country names in news ("Mỹ", "America"), landmarks
 * used as places ("the Kremlin"), and major international organisations.
 * Each row: code, kind, English name, then names in other languages
 * separated by '|'.  Kept short on purpose: the bulk comes from ICU.
 */
#include <stddef.h>

#include "analyze/gazetteer_int.h"

const sl_gaz_extra SL_GAZ_EXTRA[] = {
  {"US", SL_GAZ_COUNTRY, "United States", "Mỹ|nước Mỹ|America|USA|US|U.S.|أمريكا|امريكا|أميركا|الولايات المتحدة|США|Америка|美国"},
  {"GB", SL_GAZ_COUNTRY, "United Kingdom", "Britain|UK|U.K.|Anh|بريطانيا|Великобритания|英国"},
  {"RU", SL_GAZ_COUNTRY, "Russia", "Liên bang Nga|Russian Federation|روسيا الاتحادية|Российская Федерация"},
  {"SY", SL_GAZ_COUNTRY, "Syria", "سورية|Сирийская Арабская Республика"},
  {"lm:kremlin", SL_GAZ_LANDMARK, "Kremlin", "Kremlin|Điện Kremlin|الكرملين|قصر الكرملين|Кремль|克里姆林宫|Kreml|Kremlin de Moscou"},
  {"lm:white-house", SL_GAZ_LANDMARK, "White House", "Nhà Trắng|البيت الأبيض|Белый дом|白宫|Maison Blanche|Weißes Haus|Casa Blanca|Casa Bianca|Biały Dom|Beyaz Saray"},
  {"org:un", SL_GAZ_ORG, "United Nations", "UN|U.N.|Liên hợp quốc|LHQ|الأمم المتحدة|ООН|联合国|ONU|Vereinte Nationen|Birleşmiş Milletler|Organizacja Narodów Zjednoczonych"},
  {"org:nato", SL_GAZ_ORG, "NATO", "NATO|OTAN|الناتو|حلف الناتو|НАТО|北约"},
  {"org:eu", SL_GAZ_ORG, "European Union", "EU|Liên minh châu Âu|الاتحاد الأوروبي|Евросоюз|Европейский союз|欧盟|Union européenne|Europäische Union|Unión Europea|Unione europea|Unia Europejska|Avrupa Birliği"},
  {"org:asean", SL_GAZ_ORG, "ASEAN", "ASEAN|آسيان|АСЕАН|东盟"},
  {"org:who", SL_GAZ_ORG, "World Health Organization", "WHO|Tổ chức Y tế Thế giới|منظمة الصحة العالمية|ВОЗ|世界卫生组织|OMS|Weltgesundheitsorganisation"},
  {"org:opec", SL_GAZ_ORG, "OPEC", "OPEC|أوبك|ОПЕК|欧佩克"},
  {NULL, SL_GAZ_COUNTRY, NULL, NULL}};
