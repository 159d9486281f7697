/*
 * eventwords — multilingual event-word lexicon (see eventwords.h).
 *
 * Each row names one concept in one language.  At first use every word is
 * tokenised and stemmed as a text of that language would be, and both its
 * normal form and its stem are keyed "lang:form", so "vaccines" meets
 * "vaccine" through the English stem and "Impfstoffe" meets "Impfstoff"
 * through the German one, while a word of one language never fires in
 * another.  Multi-word entries count word by word ("điện đàm" -> "đàm").
 * The concepts are what news reports happen about (meetings, attacks,
 * elections, epidemics, courts, markets, weather, ... 62 in all): across languages
 * they are what two reports can share besides names and numbers.  Common
 * concepts weigh little once document frequencies are known.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/tokenize.h"
#include "cluster/eventwords.h"
#include "util/strmap.h" /* sl_hash64 */

typedef struct ew {
  uint32_t concept;
  const char *lang;
  const char *words; /* '|'-separated */
} ew;

enum {
  EW_MEETING = 1, EW_CALL, EW_VISIT, EW_ATTACK, EW_QUAKE, EW_ELECTION, EW_SUMMIT, EW_SANCTION,
  EW_AGREEMENT, EW_TRADE, EW_DEATH, EW_PROTEST, EW_FLOOD, EW_FIRE, EW_CRASH, EW_ARREST,
  EW_EPIDEMIC, EW_VACCINE, EW_INFECTION, EW_LOCKDOWN, EW_MASK, EW_HOSPITAL, EW_POLICE, EW_COURT,
  EW_MURDER, EW_ECONOMY, EW_STOCKS, EW_OIL, EW_JOBLESS, EW_SCHOOL, EW_SPORT, EW_STORM,
  EW_LAW, EW_WAR, EW_MIGRANTS, EW_CLIMATE, EW_TAX, EW_AID, EW_PRICES, EW_TRAVEL, EW_BORDER,
  EW_RESIGN, EW_TESTING, EW_RELIGION, EW_MEDICINE,
  EW_HEALTH, EW_CHILDREN, EW_TRAFFIC, EW_RAIL, EW_INTERNET, EW_FOOD, EW_ANIMALS, EW_CULTURE,
  EW_SCIENCE, EW_THEFT, EW_ENERGY, EW_HOUSING, EW_CORRUPTION, EW_TERROR, EW_WEAPONS, EW_BANKS,
  EW_COMPANY
};

static const ew TABLE[] = {
  {EW_MEETING, "en", "talks|meeting|met|meet|meets"},
  {EW_MEETING, "vi", "hội đàm|gặp|cuộc gặp"},
  {EW_MEETING, "ar", "محادثات|مباحثات|اجتماع|لقاء|التقى"},
  {EW_MEETING, "ru", "переговоры|встреча|встретился"},
  {EW_MEETING, "fr", "pourparlers|rencontre|réunion"},
  {EW_MEETING, "de", "gespräche|treffen|verhandlungen"},
  {EW_MEETING, "es", "conversaciones|reunión|negociaciones"},
  {EW_MEETING, "it", "colloqui|incontro|negoziati"},
  {EW_MEETING, "pl", "rozmowy|spotkanie|negocjacje"},
  {EW_MEETING, "tr", "görüşme|görüştü|müzakere"},
  {EW_MEETING, "zh", "会谈|会晤|会见"},
  {EW_CALL, "en", "phone|call|telephone"},
  {EW_CALL, "vi", "điện đàm|gọi"},
  {EW_CALL, "ar", "اتصال|هاتفي|هاتفيا"},
  {EW_CALL, "ru", "телефонный|разговор"},
  {EW_CALL, "fr", "téléphonique|téléphone"},
  {EW_CALL, "de", "telefonat|telefon"},
  {EW_CALL, "es", "telefónica|teléfono"},
  {EW_CALL, "it", "telefonica|telefono"},
  {EW_CALL, "pl", "telefoniczna|telefon"},
  {EW_CALL, "tr", "telefon"},
  {EW_CALL, "zh", "通话|电话"},
  {EW_VISIT, "en", "visit|visited|visits"},
  {EW_VISIT, "vi", "chuyến thăm"},
  {EW_VISIT, "ar", "زيارة|زيارته"},
  {EW_VISIT, "ru", "визит"},
  {EW_VISIT, "fr", "visite"},
  {EW_VISIT, "de", "besuch"},
  {EW_VISIT, "es", "visita"},
  {EW_VISIT, "it", "visita"},
  {EW_VISIT, "pl", "wizyta"},
  {EW_VISIT, "tr", "ziyaret"},
  {EW_VISIT, "zh", "访问"},
  {EW_ATTACK, "en", "attack|strike|strikes|bombing|explosion"},
  {EW_ATTACK, "vi", "tấn công|không kích"},
  {EW_ATTACK, "ar", "هجوم|غارة|غارات|انفجار"},
  {EW_ATTACK, "ru", "атака|удар|взрыв|теракт"},
  {EW_ATTACK, "fr", "attaque|attentat|explosion"},
  {EW_ATTACK, "de", "angriff|anschlag|explosion"},
  {EW_ATTACK, "es", "ataque|atentado|explosión"},
  {EW_ATTACK, "it", "attacco|attentato|esplosione"},
  {EW_ATTACK, "pl", "atak|zamach|wybuch"},
  {EW_ATTACK, "tr", "saldırı|patlama"},
  {EW_ATTACK, "zh", "袭击|爆炸"},
  {EW_QUAKE, "en", "earthquake|quake"},
  {EW_QUAKE, "vi", "động đất"},
  {EW_QUAKE, "ar", "زلزال"},
  {EW_QUAKE, "ru", "землетрясение"},
  {EW_QUAKE, "fr", "séisme|tremblement"},
  {EW_QUAKE, "de", "erdbeben"},
  {EW_QUAKE, "es", "terremoto|sismo"},
  {EW_QUAKE, "it", "terremoto|sisma"},
  {EW_QUAKE, "pl", "trzęsienie"},
  {EW_QUAKE, "tr", "deprem"},
  {EW_QUAKE, "zh", "地震"},
  {EW_ELECTION, "en", "election|elections|vote|voters|ballot"},
  {EW_ELECTION, "vi", "bầu cử"},
  {EW_ELECTION, "ar", "انتخابات|الانتخابات"},
  {EW_ELECTION, "ru", "выборы|голосование"},
  {EW_ELECTION, "fr", "élection|élections|scrutin|vote"},
  {EW_ELECTION, "de", "wahl|wahlen|abstimmung"},
  {EW_ELECTION, "es", "elecciones|votación|comicios"},
  {EW_ELECTION, "it", "elezioni|voto"},
  {EW_ELECTION, "pl", "wybory|głosowanie"},
  {EW_ELECTION, "tr", "seçim|oy"},
  {EW_ELECTION, "zh", "选举|投票|选民"},
  {EW_SUMMIT, "en", "summit"},
  {EW_SUMMIT, "vi", "thượng đỉnh"},
  {EW_SUMMIT, "ar", "قمة"},
  {EW_SUMMIT, "ru", "саммит"},
  {EW_SUMMIT, "fr", "sommet"},
  {EW_SUMMIT, "de", "gipfel"},
  {EW_SUMMIT, "es", "cumbre"},
  {EW_SUMMIT, "it", "vertice"},
  {EW_SUMMIT, "pl", "szczyt"},
  {EW_SUMMIT, "tr", "zirve"},
  {EW_SUMMIT, "zh", "峰会"},
  {EW_SANCTION, "en", "sanctions|sanction"},
  {EW_SANCTION, "vi", "trừng phạt"},
  {EW_SANCTION, "ar", "عقوبات"},
  {EW_SANCTION, "ru", "санкции"},
  {EW_SANCTION, "fr", "sanctions"},
  {EW_SANCTION, "de", "sanktionen"},
  {EW_SANCTION, "es", "sanciones"},
  {EW_SANCTION, "it", "sanzioni"},
  {EW_SANCTION, "pl", "sankcje"},
  {EW_SANCTION, "tr", "yaptırım"},
  {EW_SANCTION, "zh", "制裁"},
  {EW_AGREEMENT, "en", "agreement|deal|treaty"},
  {EW_AGREEMENT, "vi", "thỏa thuận|hiệp định"},
  {EW_AGREEMENT, "ar", "اتفاق|اتفاقية"},
  {EW_AGREEMENT, "ru", "соглашение|договор"},
  {EW_AGREEMENT, "fr", "accord|traité"},
  {EW_AGREEMENT, "de", "abkommen|vertrag|einigung"},
  {EW_AGREEMENT, "es", "acuerdo|tratado"},
  {EW_AGREEMENT, "it", "accordo|trattato"},
  {EW_AGREEMENT, "pl", "porozumienie|umowa"},
  {EW_AGREEMENT, "tr", "anlaşma"},
  {EW_AGREEMENT, "zh", "协议"},
  {EW_TRADE, "en", "trade|exports|imports|tariffs"},
  {EW_TRADE, "vi", "thương mại"},
  {EW_TRADE, "ar", "التجارة|تجارة"},
  {EW_TRADE, "ru", "торговля|товарооборот"},
  {EW_TRADE, "fr", "commerce|exportations|droits de douane"},
  {EW_TRADE, "de", "handel|exporte|zölle"},
  {EW_TRADE, "es", "comercio|exportaciones|aranceles"},
  {EW_TRADE, "it", "commercio|esportazioni|dazi"},
  {EW_TRADE, "pl", "handel|eksport|cła"},
  {EW_TRADE, "tr", "ticaret|ihracat"},
  {EW_TRADE, "zh", "贸易|关税|出口"},
  {EW_DEATH, "en", "killed|dead|deaths|died"},
  {EW_DEATH, "vi", "thiệt mạng|chết"},
  {EW_DEATH, "ar", "قتلى|مقتل|وفاة|وفيات"},
  {EW_DEATH, "ru", "погибли|погиб|умер|смерти"},
  {EW_DEATH, "fr", "morts|décès|mort"},
  {EW_DEATH, "de", "tote|tod|gestorben|todesfälle"},
  {EW_DEATH, "es", "muertos|fallecidos|muertes"},
  {EW_DEATH, "it", "morti|decessi|morto"},
  {EW_DEATH, "pl", "zabitych|zmarło|zgonów|zmarł"},
  {EW_DEATH, "tr", "öldü|ölü|hayatını kaybetti"},
  {EW_DEATH, "zh", "死亡|遇难"},
  {EW_PROTEST, "en", "protest|protests|demonstrators"},
  {EW_PROTEST, "vi", "biểu tình"},
  {EW_PROTEST, "ar", "احتجاجات|مظاهرات"},
  {EW_PROTEST, "ru", "протест|протесты|митинг"},
  {EW_PROTEST, "fr", "manifestation|manifestants"},
  {EW_PROTEST, "de", "proteste|demonstration|demonstranten"},
  {EW_PROTEST, "es", "protestas|manifestación|manifestantes"},
  {EW_PROTEST, "it", "proteste|manifestazione|manifestanti"},
  {EW_PROTEST, "pl", "protesty|demonstracja|manifestacja"},
  {EW_PROTEST, "tr", "protesto|gösteri"},
  {EW_PROTEST, "zh", "抗议|示威"},
  {EW_FLOOD, "en", "flood|floods|flooding"},
  {EW_FLOOD, "vi", "lũ|ngập"},
  {EW_FLOOD, "ar", "فيضانات"},
  {EW_FLOOD, "ru", "наводнение"},
  {EW_FLOOD, "fr", "inondations"},
  {EW_FLOOD, "de", "hochwasser|überschwemmung"},
  {EW_FLOOD, "es", "inundaciones"},
  {EW_FLOOD, "it", "alluvione"},
  {EW_FLOOD, "pl", "powódź"},
  {EW_FLOOD, "tr", "sel"},
  {EW_FLOOD, "zh", "洪水"},
  {EW_FIRE, "en", "fire|wildfire|blaze"},
  {EW_FIRE, "vi", "cháy"},
  {EW_FIRE, "ar", "حريق"},
  {EW_FIRE, "ru", "пожар"},
  {EW_FIRE, "fr", "incendie"},
  {EW_FIRE, "de", "brand|feuer"},
  {EW_FIRE, "es", "incendio"},
  {EW_FIRE, "it", "incendio"},
  {EW_FIRE, "pl", "pożar"},
  {EW_FIRE, "tr", "yangın"},
  {EW_FIRE, "zh", "火灾|大火"},
  {EW_CRASH, "en", "crash|collision|accident"},
  {EW_CRASH, "vi", "rơi|tai nạn"},
  {EW_CRASH, "ar", "تحطم|حادث"},
  {EW_CRASH, "ru", "крушение|катастрофа|авария"},
  {EW_CRASH, "fr", "accident|crash"},
  {EW_CRASH, "de", "absturz|unfall"},
  {EW_CRASH, "es", "accidente"},
  {EW_CRASH, "it", "incidente"},
  {EW_CRASH, "pl", "katastrofa|wypadek"},
  {EW_CRASH, "tr", "kaza"},
  {EW_CRASH, "zh", "坠毁|事故|车祸"},
  {EW_ARREST, "en", "arrested|arrest"},
  {EW_ARREST, "vi", "bắt giữ"},
  {EW_ARREST, "ar", "اعتقال"},
  {EW_ARREST, "ru", "арест|задержан"},
  {EW_ARREST, "fr", "arrestation|interpellé"},
  {EW_ARREST, "de", "festnahme|festgenommen"},
  {EW_ARREST, "es", "detenido|arresto"},
  {EW_ARREST, "it", "arrestato|arresto"},
  {EW_ARREST, "pl", "aresztowany|zatrzymany"},
  {EW_ARREST, "tr", "gözaltı|tutuklandı"},
  {EW_ARREST, "zh", "逮捕"},
  {EW_EPIDEMIC, "en", "coronavirus|virus|pandemic|epidemic|outbreak"},
  {EW_EPIDEMIC, "de", "coronavirus|virus|pandemie|epidemie"},
  {EW_EPIDEMIC, "fr", "coronavirus|virus|pandémie|épidémie"},
  {EW_EPIDEMIC, "es", "coronavirus|virus|pandemia|epidemia"},
  {EW_EPIDEMIC, "it", "coronavirus|virus|pandemia|epidemia"},
  {EW_EPIDEMIC, "pl", "koronawirus|wirus|pandemia|epidemia"},
  {EW_EPIDEMIC, "ru", "коронавирус|вирус|пандемия|эпидемия"},
  {EW_EPIDEMIC, "tr", "koronavirüs|virüs|salgın|pandemi"},
  {EW_EPIDEMIC, "zh", "病毒|冠状病毒|疫情|新冠"},
  {EW_EPIDEMIC, "ar", "فيروس|كورونا|وباء|جائحة"},
  {EW_EPIDEMIC, "vi", "dịch bệnh"},
  {EW_VACCINE, "en", "vaccine|vaccination|vaccinated"},
  {EW_VACCINE, "de", "impfstoff|impfung|geimpft"},
  {EW_VACCINE, "fr", "vaccin|vaccination"},
  {EW_VACCINE, "es", "vacuna|vacunación"},
  {EW_VACCINE, "it", "vaccino|vaccinazione"},
  {EW_VACCINE, "pl", "szczepionka|szczepienie"},
  {EW_VACCINE, "ru", "вакцина|вакцинация|прививка"},
  {EW_VACCINE, "tr", "aşı"},
  {EW_VACCINE, "zh", "疫苗|接种"},
  {EW_VACCINE, "ar", "لقاح|تطعيم"},
  {EW_INFECTION, "en", "infection|infections|infected|cases"},
  {EW_INFECTION, "de", "infektion|infektionen|infiziert|fälle|neuinfektionen"},
  {EW_INFECTION, "fr", "infection|contaminations|cas"},
  {EW_INFECTION, "es", "contagios|infección|casos|contagiados"},
  {EW_INFECTION, "it", "contagi|infezione|casi|positivi"},
  {EW_INFECTION, "pl", "zakażenie|zakażeń|przypadków|zakażonych"},
  {EW_INFECTION, "ru", "заражения|случаев|заболевших|заразились"},
  {EW_INFECTION, "tr", "vaka|enfekte"},
  {EW_INFECTION, "zh", "感染|病例|确诊"},
  {EW_INFECTION, "ar", "إصابة|إصابات|حالات"},
  {EW_LOCKDOWN, "en", "lockdown|quarantine|curfew"},
  {EW_LOCKDOWN, "de", "lockdown|quarantäne|ausgangssperre"},
  {EW_LOCKDOWN, "fr", "confinement|quarantaine"},
  {EW_LOCKDOWN, "es", "confinamiento|cuarentena"},
  {EW_LOCKDOWN, "it", "quarantena|lockdown"},
  {EW_LOCKDOWN, "pl", "kwarantanna|lockdown"},
  {EW_LOCKDOWN, "ru", "карантин|самоизоляция"},
  {EW_LOCKDOWN, "tr", "karantina"},
  {EW_LOCKDOWN, "zh", "隔离|封锁|封城"},
  {EW_LOCKDOWN, "ar", "حظر|الحجر"},
  {EW_MASK, "en", "mask|masks"},
  {EW_MASK, "de", "maske|masken|mundschutz"},
  {EW_MASK, "fr", "masque|masques"},
  {EW_MASK, "es", "mascarilla|mascarillas|tapabocas"},
  {EW_MASK, "it", "mascherina|mascherine"},
  {EW_MASK, "pl", "maseczki|maseczka|maski"},
  {EW_MASK, "ru", "маски|маска"},
  {EW_MASK, "tr", "maske"},
  {EW_MASK, "zh", "口罩"},
  {EW_MASK, "ar", "كمامة|كمامات"},
  {EW_HOSPITAL, "en", "hospital|hospitals|patients"},
  {EW_HOSPITAL, "de", "krankenhaus|klinik|patienten"},
  {EW_HOSPITAL, "fr", "hôpital|patients"},
  {EW_HOSPITAL, "es", "hospital|pacientes"},
  {EW_HOSPITAL, "it", "ospedale|pazienti"},
  {EW_HOSPITAL, "pl", "szpital|pacjentów"},
  {EW_HOSPITAL, "ru", "больница|больницы|пациентов"},
  {EW_HOSPITAL, "tr", "hastane|hasta"},
  {EW_HOSPITAL, "zh", "医院|患者"},
  {EW_HOSPITAL, "ar", "مستشفى|مرضى"},
  {EW_POLICE, "en", "police|officers"},
  {EW_POLICE, "de", "polizei|beamte"},
  {EW_POLICE, "fr", "police|policiers|gendarmes"},
  {EW_POLICE, "es", "policía|agentes"},
  {EW_POLICE, "it", "polizia|carabinieri"},
  {EW_POLICE, "pl", "policja|policjanci"},
  {EW_POLICE, "ru", "полиция|полицейские"},
  {EW_POLICE, "tr", "polis"},
  {EW_POLICE, "zh", "警方|警察"},
  {EW_POLICE, "ar", "الشرطة|شرطة"},
  {EW_COURT, "en", "court|trial|judge|sentenced"},
  {EW_COURT, "de", "gericht|prozess|richter|verurteilt"},
  {EW_COURT, "fr", "tribunal|procès|juge|condamné"},
  {EW_COURT, "es", "tribunal|juicio|juez|condenado"},
  {EW_COURT, "it", "tribunale|processo|giudice|condannato"},
  {EW_COURT, "pl", "sąd|proces|sędzia|skazany"},
  {EW_COURT, "ru", "суд|судья|приговор"},
  {EW_COURT, "tr", "mahkeme|dava|hakim"},
  {EW_COURT, "zh", "法院|法官|审判|判决"},
  {EW_COURT, "ar", "محكمة|قاضي|المحكمة"},
  {EW_MURDER, "en", "murder|murdered|shooting|gunman|stabbing"},
  {EW_MURDER, "de", "mord|schüsse|erschossen|getötet"},
  {EW_MURDER, "fr", "meurtre|fusillade|tué"},
  {EW_MURDER, "es", "asesinato|tiroteo|asesinado"},
  {EW_MURDER, "it", "omicidio|sparatoria|ucciso"},
  {EW_MURDER, "pl", "morderstwo|strzelanina|zabójstwo"},
  {EW_MURDER, "ru", "убийство|стрельба|убит"},
  {EW_MURDER, "tr", "cinayet|öldürüldü"},
  {EW_MURDER, "zh", "枪击|谋杀|凶杀"},
  {EW_MURDER, "ar", "جريمة|قتل"},
  {EW_ECONOMY, "en", "economy|economic|recession"},
  {EW_ECONOMY, "de", "wirtschaft|rezession|konjunktur"},
  {EW_ECONOMY, "fr", "économie|récession"},
  {EW_ECONOMY, "es", "economía|recesión"},
  {EW_ECONOMY, "it", "economia|recessione"},
  {EW_ECONOMY, "pl", "gospodarka|recesja"},
  {EW_ECONOMY, "ru", "экономика|рецессия"},
  {EW_ECONOMY, "tr", "ekonomi|resesyon"},
  {EW_ECONOMY, "zh", "经济|衰退"},
  {EW_ECONOMY, "ar", "الاقتصاد|اقتصاد"},
  {EW_STOCKS, "en", "stocks|shares|investors"},
  {EW_STOCKS, "de", "börse|aktien|anleger"},
  {EW_STOCKS, "fr", "bourse|actions|investisseurs"},
  {EW_STOCKS, "es", "bolsa|acciones|inversores"},
  {EW_STOCKS, "it", "borsa|azioni|investitori"},
  {EW_STOCKS, "pl", "giełda|akcje|inwestorzy"},
  {EW_STOCKS, "ru", "биржа|акции|инвесторы"},
  {EW_STOCKS, "tr", "borsa|hisse|yatırımcı"},
  {EW_STOCKS, "zh", "股市|股票|投资者"},
  {EW_STOCKS, "ar", "البورصة|الأسهم"},
  {EW_OIL, "en", "oil|crude|opec"},
  {EW_OIL, "de", "öl|ölpreis|opec"},
  {EW_OIL, "fr", "pétrole|opep"},
  {EW_OIL, "es", "petróleo|opep"},
  {EW_OIL, "it", "petrolio|opec"},
  {EW_OIL, "pl", "ropa|opec"},
  {EW_OIL, "ru", "нефть|нефти|опек"},
  {EW_OIL, "tr", "petrol|opec"},
  {EW_OIL, "zh", "石油|原油"},
  {EW_OIL, "ar", "النفط|نفط"},
  {EW_JOBLESS, "en", "unemployment|jobless|layoffs"},
  {EW_JOBLESS, "de", "arbeitslosigkeit|arbeitslose|kurzarbeit"},
  {EW_JOBLESS, "fr", "chômage"},
  {EW_JOBLESS, "es", "desempleo|paro"},
  {EW_JOBLESS, "it", "disoccupazione"},
  {EW_JOBLESS, "pl", "bezrobocie"},
  {EW_JOBLESS, "ru", "безработица"},
  {EW_JOBLESS, "tr", "işsizlik"},
  {EW_JOBLESS, "zh", "失业"},
  {EW_JOBLESS, "ar", "البطالة"},
  {EW_SCHOOL, "en", "school|schools|students|teachers|university"},
  {EW_SCHOOL, "de", "schule|schulen|schüler|lehrer|universität"},
  {EW_SCHOOL, "fr", "école|écoles|élèves|enseignants|université"},
  {EW_SCHOOL, "es", "escuela|colegios|alumnos|estudiantes|universidad"},
  {EW_SCHOOL, "it", "scuola|scuole|studenti|insegnanti|università"},
  {EW_SCHOOL, "pl", "szkoła|szkoły|uczniowie|nauczyciele|uczelnie"},
  {EW_SCHOOL, "ru", "школа|школы|ученики|учителя|университет"},
  {EW_SCHOOL, "tr", "okul|okullar|öğrenci|öğretmen|üniversite"},
  {EW_SCHOOL, "zh", "学校|学生|教师|大学"},
  {EW_SCHOOL, "ar", "المدارس|مدرسة|الطلاب|جامعة"},
  {EW_SPORT, "en", "football|soccer|league|championship|olympics"},
  {EW_SPORT, "de", "fußball|bundesliga|meisterschaft|olympia"},
  {EW_SPORT, "fr", "football|ligue|championnat"},
  {EW_SPORT, "es", "fútbol|liga|campeonato"},
  {EW_SPORT, "it", "calcio|campionato"},
  {EW_SPORT, "pl", "piłka|liga|mistrzostwa"},
  {EW_SPORT, "ru", "футбол|чемпионат|лига"},
  {EW_SPORT, "tr", "futbol|lig|şampiyonluk"},
  {EW_SPORT, "zh", "足球|联赛|奥运会"},
  {EW_SPORT, "ar", "كرة|الدوري"},
  {EW_STORM, "en", "storm|hurricane|weather|rain|snow"},
  {EW_STORM, "de", "sturm|unwetter|wetter|regen|schnee"},
  {EW_STORM, "fr", "tempête|ouragan|météo|pluie|neige"},
  {EW_STORM, "es", "tormenta|huracán|lluvias|nieve|temporal"},
  {EW_STORM, "it", "tempesta|maltempo|pioggia|neve"},
  {EW_STORM, "pl", "burza|wichura|pogoda|deszcz|śnieg"},
  {EW_STORM, "ru", "шторм|ураган|погода|снег|дожди"},
  {EW_STORM, "tr", "fırtına|kasırga|yağmur|kar"},
  {EW_STORM, "zh", "风暴|飓风|天气|暴雨|降雪"},
  {EW_STORM, "ar", "عاصفة|الطقس|أمطار"},
  {EW_LAW, "en", "parliament|bill|legislation|lawmakers"},
  {EW_LAW, "de", "bundestag|parlament|gesetz|landtag"},
  {EW_LAW, "fr", "parlement|loi|assemblée"},
  {EW_LAW, "es", "parlamento|ley|congreso"},
  {EW_LAW, "it", "parlamento|legge|decreto"},
  {EW_LAW, "pl", "sejm|ustawa|parlament"},
  {EW_LAW, "ru", "госдума|закон|парламент"},
  {EW_LAW, "tr", "meclis|yasa|kanun"},
  {EW_LAW, "zh", "议会|法案|国会|立法"},
  {EW_LAW, "ar", "البرلمان|قانون"},
  {EW_WAR, "en", "war|military|troops|army|soldiers"},
  {EW_WAR, "de", "krieg|militär|truppen|armee|soldaten"},
  {EW_WAR, "fr", "guerre|militaire|troupes|armée|soldats"},
  {EW_WAR, "es", "guerra|militares|tropas|ejército|soldados"},
  {EW_WAR, "it", "guerra|militari|truppe|esercito|soldati"},
  {EW_WAR, "pl", "wojna|wojsko|wojska|żołnierze|armia"},
  {EW_WAR, "ru", "война|военные|войска|армия|солдаты"},
  {EW_WAR, "tr", "savaş|asker|ordu"},
  {EW_WAR, "zh", "战争|军队|军事|士兵"},
  {EW_WAR, "ar", "الحرب|الجيش|القوات|جنود"},
  {EW_WAR, "vi", "chiến tranh|quân đội"},
  {EW_MIGRANTS, "en", "migrants|refugees|asylum|immigration"},
  {EW_MIGRANTS, "de", "migranten|flüchtlinge|asyl|einwanderung"},
  {EW_MIGRANTS, "fr", "migrants|réfugiés|asile"},
  {EW_MIGRANTS, "es", "migrantes|refugiados|asilo|inmigración"},
  {EW_MIGRANTS, "it", "migranti|rifugiati|asilo|sbarchi"},
  {EW_MIGRANTS, "pl", "migranci|uchodźcy|azyl"},
  {EW_MIGRANTS, "ru", "мигранты|беженцы"},
  {EW_MIGRANTS, "tr", "göçmen|mülteci|sığınmacı"},
  {EW_MIGRANTS, "zh", "移民|难民"},
  {EW_MIGRANTS, "ar", "اللاجئين|المهاجرين|لاجئ"},
  {EW_CLIMATE, "en", "climate|emissions|pollution"},
  {EW_CLIMATE, "de", "klima|emissionen|klimawandel"},
  {EW_CLIMATE, "fr", "climat|émissions|pollution"},
  {EW_CLIMATE, "es", "clima|emisiones|contaminación"},
  {EW_CLIMATE, "it", "clima|emissioni|inquinamento"},
  {EW_CLIMATE, "pl", "klimat|emisje|zanieczyszczenie"},
  {EW_CLIMATE, "ru", "климат|выбросы|загрязнение"},
  {EW_CLIMATE, "tr", "iklim|emisyon|kirlilik"},
  {EW_CLIMATE, "zh", "气候|排放|污染"},
  {EW_CLIMATE, "ar", "المناخ|التلوث"},
  {EW_TAX, "en", "tax|taxes|budget"},
  {EW_TAX, "de", "steuer|steuern|haushalt"},
  {EW_TAX, "fr", "impôt|impôts|taxe|budget"},
  {EW_TAX, "es", "impuesto|impuestos|presupuesto"},
  {EW_TAX, "it", "tasse|imposte|bilancio|fisco"},
  {EW_TAX, "pl", "podatek|podatki|budżet"},
  {EW_TAX, "ru", "налог|налоги|бюджет"},
  {EW_TAX, "tr", "vergi|bütçe"},
  {EW_TAX, "zh", "税收|预算"},
  {EW_TAX, "ar", "الضرائب|ضريبة|الميزانية"},
  {EW_AID, "en", "aid|stimulus|relief|bailout"},
  {EW_AID, "de", "hilfen|hilfspaket|soforthilfe|rettungspaket"},
  {EW_AID, "fr", "aides|relance"},
  {EW_AID, "es", "ayudas|rescate"},
  {EW_AID, "it", "aiuti|ristori"},
  {EW_AID, "pl", "pomoc|tarcza"},
  {EW_AID, "ru", "помощь"},
  {EW_AID, "tr", "yardım"},
  {EW_AID, "zh", "援助|救助|刺激"},
  {EW_AID, "ar", "مساعدات"},
  {EW_PRICES, "en", "prices|inflation"},
  {EW_PRICES, "de", "preise|inflation"},
  {EW_PRICES, "fr", "prix|inflation"},
  {EW_PRICES, "es", "precios|inflación"},
  {EW_PRICES, "it", "prezzi|inflazione"},
  {EW_PRICES, "pl", "ceny|inflacja"},
  {EW_PRICES, "ru", "цены|инфляция"},
  {EW_PRICES, "tr", "fiyat|fiyatları|enflasyon"},
  {EW_PRICES, "zh", "价格|通胀"},
  {EW_PRICES, "ar", "الأسعار|التضخم"},
  {EW_TRAVEL, "en", "flights|airline|airport|tourism|tourists"},
  {EW_TRAVEL, "de", "flüge|flughafen|tourismus|touristen|urlaub"},
  {EW_TRAVEL, "fr", "vols|aéroport|tourisme|touristes|vacances"},
  {EW_TRAVEL, "es", "vuelos|aeropuerto|turismo|turistas|vacaciones"},
  {EW_TRAVEL, "it", "voli|aeroporto|turismo|turisti|vacanze"},
  {EW_TRAVEL, "pl", "loty|lotnisko|turystyka|turyści|wakacje"},
  {EW_TRAVEL, "ru", "рейсы|аэропорт|туризм|туристы"},
  {EW_TRAVEL, "tr", "uçuş|havalimanı|turizm|turist|tatil"},
  {EW_TRAVEL, "zh", "航班|机场|旅游|游客"},
  {EW_TRAVEL, "ar", "الرحلات|المطار|السياحة"},
  {EW_BORDER, "en", "border|borders"},
  {EW_BORDER, "de", "grenze|grenzen"},
  {EW_BORDER, "fr", "frontière|frontières"},
  {EW_BORDER, "es", "frontera|fronteras"},
  {EW_BORDER, "it", "frontiera|confini|confine"},
  {EW_BORDER, "pl", "granica|granice"},
  {EW_BORDER, "ru", "граница|границы"},
  {EW_BORDER, "tr", "sınır|sınırlar"},
  {EW_BORDER, "zh", "边境|边界"},
  {EW_BORDER, "ar", "الحدود"},
  {EW_RESIGN, "en", "resigned|resignation|resign"},
  {EW_RESIGN, "de", "rücktritt|zurückgetreten"},
  {EW_RESIGN, "fr", "démission"},
  {EW_RESIGN, "es", "dimisión|renuncia"},
  {EW_RESIGN, "it", "dimissioni"},
  {EW_RESIGN, "pl", "dymisja|rezygnacja"},
  {EW_RESIGN, "ru", "отставка|отставку"},
  {EW_RESIGN, "tr", "istifa"},
  {EW_RESIGN, "zh", "辞职"},
  {EW_RESIGN, "ar", "استقالة"},
  {EW_TESTING, "en", "tests|testing|tested"},
  {EW_TESTING, "de", "tests|getestet|testpflicht"},
  {EW_TESTING, "fr", "tests|dépistage"},
  {EW_TESTING, "es", "pruebas|tests"},
  {EW_TESTING, "it", "tamponi|test"},
  {EW_TESTING, "pl", "testy|testów"},
  {EW_TESTING, "ru", "тесты|тестирование"},
  {EW_TESTING, "tr", "test"},
  {EW_TESTING, "zh", "检测"},
  {EW_TESTING, "ar", "فحص|اختبار"},
  {EW_RELIGION, "en", "church|pope|mosque"},
  {EW_RELIGION, "de", "kirche|papst|moschee"},
  {EW_RELIGION, "fr", "église|pape|mosquée"},
  {EW_RELIGION, "es", "iglesia|papa|mezquita"},
  {EW_RELIGION, "it", "chiesa|papa|moschea"},
  {EW_RELIGION, "pl", "kościół|papież|meczet"},
  {EW_RELIGION, "ru", "церковь|патриарх|мечеть"},
  {EW_RELIGION, "tr", "kilise|cami"},
  {EW_RELIGION, "zh", "教会|教皇|清真寺"},
  {EW_RELIGION, "ar", "الكنيسة|البابا|مسجد"},
  {EW_MEDICINE, "en", "drug|treatment|medicine"},
  {EW_MEDICINE, "de", "medikament|behandlung"},
  {EW_MEDICINE, "fr", "médicament|traitement"},
  {EW_MEDICINE, "es", "fármaco|medicamento|tratamiento"},
  {EW_MEDICINE, "it", "farmaco|cura"},
  {EW_MEDICINE, "pl", "lek|leczenie"},
  {EW_MEDICINE, "ru", "препарат|лекарство|лечение"},
  {EW_MEDICINE, "tr", "ilaç|tedavi"},
  {EW_MEDICINE, "zh", "药物|治疗"},
  {EW_MEDICINE, "ar", "دواء|علاج"},
  {EW_HEALTH, "en", "health|doctors|physicians"},
  {EW_HEALTH, "de", "gesundheit|ärzte|arzt"},
  {EW_HEALTH, "fr", "santé|médecins|médecin"},
  {EW_HEALTH, "es", "salud|médicos|médico"},
  {EW_HEALTH, "it", "salute|medici|medico"},
  {EW_HEALTH, "pl", "zdrowie|lekarze|lekarz"},
  {EW_HEALTH, "ru", "здоровье|врачи|здравоохранения"},
  {EW_HEALTH, "tr", "sağlık|doktor|doktorlar"},
  {EW_HEALTH, "zh", "卫生|健康|医生"},
  {EW_HEALTH, "ar", "الصحة|الأطباء|طبيب"},
  {EW_CHILDREN, "en", "children|child|kids|parents"},
  {EW_CHILDREN, "de", "kinder|kind|eltern"},
  {EW_CHILDREN, "fr", "enfants|enfant|parents"},
  {EW_CHILDREN, "es", "niños|niño|padres"},
  {EW_CHILDREN, "it", "bambini|bambino|genitori"},
  {EW_CHILDREN, "pl", "dzieci|dziecko|rodzice"},
  {EW_CHILDREN, "ru", "дети|ребенок|родители"},
  {EW_CHILDREN, "tr", "çocuk|çocuklar|aile"},
  {EW_CHILDREN, "zh", "儿童|孩子|父母"},
  {EW_CHILDREN, "ar", "الأطفال|طفل"},
  {EW_TRAFFIC, "en", "car|cars|driver|traffic|road"},
  {EW_TRAFFIC, "de", "auto|autos|fahrer|verkehr|straße"},
  {EW_TRAFFIC, "fr", "voiture|conducteur|circulation|route"},
  {EW_TRAFFIC, "es", "coche|conductor|tráfico|carretera"},
  {EW_TRAFFIC, "it", "auto|automobilista|traffico|strada"},
  {EW_TRAFFIC, "pl", "samochód|kierowca|droga"},
  {EW_TRAFFIC, "ru", "автомобиль|водитель|дорога"},
  {EW_TRAFFIC, "tr", "araç|otomobil|sürücü|trafik"},
  {EW_TRAFFIC, "zh", "汽车|司机|交通|道路"},
  {EW_TRAFFIC, "ar", "سيارة|سائق|المرور"},
  {EW_RAIL, "en", "train|trains|rail|railway"},
  {EW_RAIL, "de", "bahn|zug|züge"},
  {EW_RAIL, "fr", "train|trains|sncf|ferroviaire"},
  {EW_RAIL, "es", "tren|trenes|renfe|ferrocarril"},
  {EW_RAIL, "it", "treno|treni|ferrovie"},
  {EW_RAIL, "pl", "pociąg|kolej|pkp"},
  {EW_RAIL, "ru", "поезд|поезда"},
  {EW_RAIL, "tr", "tren|demiryolu"},
  {EW_RAIL, "zh", "火车|铁路|列车"},
  {EW_RAIL, "ar", "القطار"},
  {EW_INTERNET, "en", "internet|online|app|smartphone|digital"},
  {EW_INTERNET, "de", "internet|online|app|digital|handy"},
  {EW_INTERNET, "fr", "internet|numérique|application"},
  {EW_INTERNET, "es", "internet|aplicación|digital"},
  {EW_INTERNET, "it", "internet|digitale|app"},
  {EW_INTERNET, "pl", "internet|aplikacja|cyfrowy"},
  {EW_INTERNET, "ru", "интернет|приложение"},
  {EW_INTERNET, "tr", "internet|uygulama|dijital"},
  {EW_INTERNET, "zh", "互联网|网络|应用"},
  {EW_INTERNET, "ar", "الإنترنت|تطبيق"},
  {EW_FOOD, "en", "food|farmers|agriculture|restaurants"},
  {EW_FOOD, "de", "lebensmittel|landwirte|landwirtschaft|restaurants|gastronomie"},
  {EW_FOOD, "fr", "alimentaire|agriculteurs|agriculture|restaurants"},
  {EW_FOOD, "es", "alimentos|agricultores|agricultura|restaurantes"},
  {EW_FOOD, "it", "alimentari|agricoltori|agricoltura|ristoranti"},
  {EW_FOOD, "pl", "żywność|rolnicy|rolnictwo|restauracje"},
  {EW_FOOD, "ru", "продукты|фермеры|рестораны"},
  {EW_FOOD, "tr", "gıda|çiftçi|tarım|restoran"},
  {EW_FOOD, "zh", "食品|农民|农业|餐厅"},
  {EW_FOOD, "ar", "الغذاء|المزارعين|الزراعة|مطاعم"},
  {EW_ANIMALS, "en", "animals|animal|dogs|wildlife"},
  {EW_ANIMALS, "de", "tiere|tier|hunde"},
  {EW_ANIMALS, "fr", "animaux|chiens"},
  {EW_ANIMALS, "es", "animales|perros"},
  {EW_ANIMALS, "it", "animali|cani"},
  {EW_ANIMALS, "pl", "zwierzęta|psy"},
  {EW_ANIMALS, "ru", "животные|собаки"},
  {EW_ANIMALS, "tr", "hayvan|köpek"},
  {EW_ANIMALS, "zh", "动物"},
  {EW_ANIMALS, "ar", "الحيوانات"},
  {EW_CULTURE, "en", "film|movie|music|concert|festival|museum"},
  {EW_CULTURE, "de", "film|musik|konzert|festival|museum"},
  {EW_CULTURE, "fr", "film|musique|concert|festival|musée"},
  {EW_CULTURE, "es", "película|música|concierto|festival|museo"},
  {EW_CULTURE, "it", "film|musica|concerto|festival|museo"},
  {EW_CULTURE, "pl", "film|muzyka|koncert|festiwal|muzeum"},
  {EW_CULTURE, "ru", "фильм|музыка|концерт|фестиваль|музей"},
  {EW_CULTURE, "tr", "film|müzik|konser|festival|müze"},
  {EW_CULTURE, "zh", "电影|音乐|音乐会|博物馆"},
  {EW_CULTURE, "ar", "فيلم|موسيقى|مهرجان|متحف"},
  {EW_SCIENCE, "en", "space|moon|satellite|scientists|research"},
  {EW_SCIENCE, "de", "raumfahrt|mond|forscher|wissenschaftler|studie"},
  {EW_SCIENCE, "fr", "espace|lune|chercheurs|scientifiques|étude"},
  {EW_SCIENCE, "es", "espacio|luna|científicos|investigadores|estudio"},
  {EW_SCIENCE, "it", "spazio|luna|ricercatori|scienziati|studio"},
  {EW_SCIENCE, "pl", "kosmos|księżyc|naukowcy|badanie"},
  {EW_SCIENCE, "ru", "космос|луна|ученые|исследование"},
  {EW_SCIENCE, "tr", "uzay|bilim|araştırma"},
  {EW_SCIENCE, "zh", "太空|月球|科学家|研究"},
  {EW_SCIENCE, "ar", "الفضاء|القمر|العلماء|دراسة"},
  {EW_THEFT, "en", "robbery|theft|stolen|fraud"},
  {EW_THEFT, "de", "raub|diebstahl|gestohlen|betrug"},
  {EW_THEFT, "fr", "cambriolage|escroquerie|braquage"},
  {EW_THEFT, "es", "robo|hurto|estafa"},
  {EW_THEFT, "it", "rapina|furto|truffa"},
  {EW_THEFT, "pl", "rabunek|kradzież|oszustwo"},
  {EW_THEFT, "ru", "ограбление|кража|мошенничество"},
  {EW_THEFT, "tr", "soygun|hırsızlık|dolandırıcılık"},
  {EW_THEFT, "zh", "抢劫|盗窃|诈骗"},
  {EW_THEFT, "ar", "سرقة|احتيال"},
  {EW_ENERGY, "en", "energy|electricity|power"},
  {EW_ENERGY, "de", "energie|strom"},
  {EW_ENERGY, "fr", "énergie|électricité"},
  {EW_ENERGY, "es", "energía|electricidad"},
  {EW_ENERGY, "it", "energia|elettricità"},
  {EW_ENERGY, "pl", "energia|prąd"},
  {EW_ENERGY, "ru", "энергия|электроэнергии"},
  {EW_ENERGY, "tr", "enerji|elektrik"},
  {EW_ENERGY, "zh", "能源|电力"},
  {EW_ENERGY, "ar", "الطاقة|الكهرباء"},
  {EW_HOUSING, "en", "housing|rent|homes|apartments"},
  {EW_HOUSING, "de", "wohnungen|miete|wohnung"},
  {EW_HOUSING, "fr", "logement|loyer|logements"},
  {EW_HOUSING, "es", "vivienda|alquiler|viviendas"},
  {EW_HOUSING, "it", "affitto|abitazioni"},
  {EW_HOUSING, "pl", "mieszkania|czynsz|mieszkanie"},
  {EW_HOUSING, "ru", "жилье|аренда|квартиры"},
  {EW_HOUSING, "tr", "konut|kira"},
  {EW_HOUSING, "zh", "住房|房租|房价"},
  {EW_HOUSING, "ar", "السكن|الإيجار"},
  {EW_CORRUPTION, "en", "corruption|scandal|bribery"},
  {EW_CORRUPTION, "de", "korruption|skandal|bestechung"},
  {EW_CORRUPTION, "fr", "corruption|scandale"},
  {EW_CORRUPTION, "es", "corrupción|escándalo|soborno"},
  {EW_CORRUPTION, "it", "corruzione|scandalo|tangenti"},
  {EW_CORRUPTION, "pl", "korupcja|afera|łapówka"},
  {EW_CORRUPTION, "ru", "коррупция|скандал|взятка"},
  {EW_CORRUPTION, "tr", "yolsuzluk|skandal|rüşvet"},
  {EW_CORRUPTION, "zh", "腐败|丑闻|贿赂"},
  {EW_CORRUPTION, "ar", "الفساد|فضيحة|رشوة"},
  {EW_TERROR, "en", "terror|terrorist|terrorism|islamist"},
  {EW_TERROR, "de", "terror|terrorist|terrorismus|islamist"},
  {EW_TERROR, "fr", "terroriste|terrorisme|djihadiste"},
  {EW_TERROR, "es", "terrorista|terrorismo|yihadista"},
  {EW_TERROR, "it", "terrorista|terrorismo|jihadista"},
  {EW_TERROR, "pl", "terrorysta|terroryzm"},
  {EW_TERROR, "ru", "террорист|терроризм|боевики"},
  {EW_TERROR, "tr", "terör|terörist"},
  {EW_TERROR, "zh", "恐怖|恐怖分子"},
  {EW_TERROR, "ar", "إرهاب|الإرهاب|إرهابي"},
  {EW_WEAPONS, "en", "nuclear|missile|missiles|weapons"},
  {EW_WEAPONS, "de", "atom|rakete|raketen|waffen"},
  {EW_WEAPONS, "fr", "nucléaire|missile|armes"},
  {EW_WEAPONS, "es", "nuclear|misil|armas"},
  {EW_WEAPONS, "it", "nucleare|missile|armi"},
  {EW_WEAPONS, "pl", "jądrowy|rakieta|broń"},
  {EW_WEAPONS, "ru", "ядерный|ракета|оружие"},
  {EW_WEAPONS, "tr", "nükleer|füze|silah"},
  {EW_WEAPONS, "zh", "核武器|导弹|武器"},
  {EW_WEAPONS, "ar", "النووي|صاروخ|أسلحة"},
  {EW_BANKS, "en", "bank|banks|loans|debt"},
  {EW_BANKS, "de", "bank|banken|kredit|schulden|zinsen"},
  {EW_BANKS, "fr", "banque|banques|crédit|dette"},
  {EW_BANKS, "es", "banco|bancos|crédito|deuda"},
  {EW_BANKS, "it", "banca|banche|credito|debito"},
  {EW_BANKS, "pl", "bank|banki|kredyt|dług"},
  {EW_BANKS, "ru", "банк|банки|кредит|долг"},
  {EW_BANKS, "tr", "banka|kredi|borç|faiz"},
  {EW_BANKS, "zh", "银行|贷款|债务|利率"},
  {EW_BANKS, "ar", "البنك|بنوك|قرض|ديون"},
  {EW_COMPANY, "en", "company|companies|profit|revenue|sales"},
  {EW_COMPANY, "de", "unternehmen|firma|konzern|gewinn|umsatz"},
  {EW_COMPANY, "fr", "entreprise|entreprises|bénéfice|chiffre"},
  {EW_COMPANY, "es", "empresa|empresas|compañía|beneficio|ventas"},
  {EW_COMPANY, "it", "azienda|aziende|utile|fatturato"},
  {EW_COMPANY, "pl", "firma|firmy|spółka|zysk|przychody"},
  {EW_COMPANY, "ru", "компания|компании|прибыль|выручка"},
  {EW_COMPANY, "tr", "şirket|şirketler|satış"},
  {EW_COMPANY, "zh", "公司|企业|利润|收入"},
  {EW_COMPANY, "ar", "شركة|الشركات|أرباح"},
  {0, NULL, NULL}};

#define MAX_KEY 160

/* The lexicon as looked up: an open-addressing table of "lang:form" keys
 * kept at most a quarter full, so that a word that is not an event word
 * (nearly every word of a text) costs one hash and a probe or two; the
 * hash of "lang:" is computed once per lookup and continued over each
 * form, without building the key. */
typedef struct ew_slot {
  uint64_t h;       /* sl_hash64 of the key */
  uint32_t off, n;  /* the key "lang:form" is POOL[off..off+n); n = 0: empty */
  uint32_t concept;
} ew_slot;

static ew_slot *SLOTS;
static size_t NSLOTS, NUSED; /* NSLOTS a power of two */
static char *POOL;
static size_t NPOOL, CAPPOOL;
static pthread_once_t ONCE = PTHREAD_ONCE_INIT;

#define FNV_PRIME 1099511628211ull
#define FNV_BASIS 1469598103934665603ull

/* sl_hash64 continued from h over z[0..n). */
static uint64_t fnv_more(uint64_t h, const char *z, size_t n) {
  const unsigned char *p = (const unsigned char *)z;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) { /* as sl_hash64: four bytes a round */
    h = (h ^ p[i]) * FNV_PRIME;
    h = (h ^ p[i + 1]) * FNV_PRIME;
    h = (h ^ p[i + 2]) * FNV_PRIME;
    h = (h ^ p[i + 3]) * FNV_PRIME;
  }
  for (; i < n; i++)
    h = (h ^ p[i]) * FNV_PRIME;
  return h;
}

/* Slot of key z[0..n) with hash h in t (nslots entries): its own or the
 * empty one where it belongs. */
static ew_slot *slot_of(ew_slot *t, size_t nslots, uint64_t h, const char *z, size_t n) {
  size_t s = (size_t)h & (nslots - 1);
  while (t[s].n && !(t[s].h == h && t[s].n == n && !memcmp(POOL + t[s].off, z, n)))
    s = (s + 1) & (nslots - 1);
  return &t[s];
}

/* Doubles SLOTS (or makes the first 1024); 0 when out of memory. */
static int grow_slots(void) {
  size_t nn = NSLOTS ? NSLOTS * 2 : 1024;
  ew_slot *t = calloc(nn, sizeof *t);
  if (!t)
    return 0;
  for (size_t i = 0; i < NSLOTS; i++)
    if (SLOTS[i].n)
      *slot_of(t, nn, SLOTS[i].h, POOL + SLOTS[i].off, SLOTS[i].n) = SLOTS[i];
  free(SLOTS);
  SLOTS = t;
  NSLOTS = nn;
  return 1;
}

/* Adds "lang:z[0..n)" -> concept; the first concept listed for a form
 * keeps it.  0 when out of memory. */
static int put(const char *lang, const char *z, size_t n, uint32_t concept) {
  size_t nl = strlen(lang), k = nl + 1 + n;
  if (k > MAX_KEY)
    return 1;
  if ((NUSED + 1) * 4 > NSLOTS && !grow_slots())
    return 0;
  if (NPOOL + k > CAPPOOL) {
    size_t nc = CAPPOOL ? CAPPOOL * 2 : 16384;
    char *np = realloc(POOL, nc);
    if (!np)
      return 0;
    POOL = np;
    CAPPOOL = nc;
  }
  /* the key is written at the end of the pool, kept only when new */
  char *key = POOL + NPOOL;
  memcpy(key, lang, nl);
  key[nl] = ':';
  memcpy(key + nl + 1, z, n);
  uint64_t h = sl_hash64(key, k);
  ew_slot *e = slot_of(SLOTS, NSLOTS, h, key, k);
  if (!e->n) {
    *e = (ew_slot){h, (uint32_t)NPOOL, (uint32_t)k, concept};
    NPOOL += k;
    NUSED++;
  }
  return 1;
}

static void build(void) {
  sl_tokenizer *tk = NULL;
  int ok = sl_tokenizer_new(&tk) == SL_OK;
  for (size_t r = 0; ok && TABLE[r].words; r++) {
    const char *p = TABLE[r].words;
    while (ok && p && *p) {
      const char *bar = strchr(p, '|');
      size_t len = bar ? (size_t)(bar - p) : strlen(p);
      const sl_token *t;
      size_t nt;
      /* each word of a phrase counts on its own ("điện đàm" -> "đàm") */
      if (sl_tokenize(tk, TABLE[r].lang, p, len, &t, &nt) == SL_OK)
        for (size_t i = 0; ok && i < nt; i++) {
          if ((t[i].flags & SL_TOK_STOP) || t[i].nnorm < 2)
            continue;
          ok = put(TABLE[r].lang, t[i].norm, t[i].nnorm, TABLE[r].concept) &&
               put(TABLE[r].lang, t[i].stem, t[i].nstem, TABLE[r].concept);
        }
      p = bar ? bar + 1 : NULL;
    }
  }
  sl_tokenizer_free(tk);
  if (!ok || !NSLOTS) { /* no lexicon rather than half of one */
    free(SLOTS);
    free(POOL);
    SLOTS = NULL;
    POOL = NULL;
    NSLOTS = 0;
  }
}

/* Concept of the key "lang:" + z[0..n) whose hash is h, or 0. */
static uint32_t lookup_h(const char *lang, size_t nl, uint64_t h, const char *z, size_t n) {
  if (nl + 1 + n > MAX_KEY)
    return 0;
  for (size_t s = (size_t)h & (NSLOTS - 1); SLOTS[s].n; s = (s + 1) & (NSLOTS - 1)) {
    const ew_slot *e = &SLOTS[s];
    if (e->h == h && e->n == nl + 1 + n && !memcmp(POOL + e->off, lang, nl) &&
        !memcmp(POOL + e->off + nl + 1, z, n))
      return e->concept;
  }
  return 0;
}

/* Concept of "lang:" (hash hl, nl bytes of lang) + z[0..n), or 0. */
static uint32_t lookup(const char *lang, size_t nl, uint64_t hl, const char *z, size_t n) {
  return nl + 1 + n > MAX_KEY ? 0 : lookup_h(lang, nl, fnv_more(hl, z, n), z, n);
}

int sl_eventword_is_topic(uint32_t concept) { return concept >= EW_EPIDEMIC; }

uint32_t sl_eventword(const char *lang, const char *norm, size_t nnorm, const char *stem,
                      size_t nstem) {
  pthread_once(&ONCE, build);
  if (!SLOTS || !lang)
    return 0;
  size_t nl = strlen(lang);
  uint64_t hl = fnv_more(fnv_more(FNV_BASIS, lang, nl), ":", 1);
  uint32_t c = lookup(lang, nl, hl, norm, nnorm);
  return c ? c : lookup(lang, nl, hl, stem, nstem);
}

uint32_t sl_eventword_hashed(const char *lang, const char *norm, size_t nnorm, const char *stem,
                             size_t nstem, uint64_t hstem) {
  pthread_once(&ONCE, build);
  if (!SLOTS || !lang)
    return 0;
  size_t nl = strlen(lang);
  uint32_t c = 0;
  /* a word that is its own stem has one key */
  if (nnorm != nstem || memcmp(norm, stem, nnorm))
    c = lookup(lang, nl, fnv_more(fnv_more(FNV_BASIS, lang, nl), ":", 1), norm, nnorm);
  return c ? c : lookup_h(lang, nl, hstem, stem, nstem);
}
