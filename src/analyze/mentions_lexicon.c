/*
 * mentions_lexicon — cue words for mention finding, per language.  These
 * supplement the language-agnostic signals (gazetteer, capitalisation,
 * known names); they are written here in their plain spelling and
 * normalised through the tokenizer when first used (mentions.c).
 *
 * PERSON: role and title words that introduce a person's name.
 * PLACE: words that introduce a place name ("thành phố Sochi").
 * LOCATIVE: prepositions after which a capitalised word is a place.
 * SKIP: role complements that sit between a title and the name
 *       ("Bộ trưởng Quốc phòng Nga Sergei Shoigu", "وزير الدفاع الروسي").
 * STOPNAME: words that end a name in scripts without capitals (verbs of
 *       reporting in Arabic: "بوتين أكد").
 *
 * SL_MENTION_HEADS: last words of an untyped run of capitals that say what
 * it names (an organisation, a place) or that it is no name (a day, a
 * season, a contest, an epidemic), and first words that do so where the
 * noun comes first (Bezirk Korneuburg, Año Nuevo).  An organisation word also types a run
 * it opens (Banco Santander, Bank of America), and after a title it opens
 * no person's name ("رئيس مجلس إدارة الشركة" is a chairman of a board).
 */
#include <stddef.h>

#include "analyze/mentions_int.h"

const sl_cue SL_MENTION_CUES[] = {
  /* English */
  {CUE_PERSON, "president"}, {CUE_PERSON, "prime minister"}, {CUE_PERSON, "minister"},
  {CUE_PERSON, "foreign minister"}, {CUE_PERSON, "defense minister"}, {CUE_PERSON, "defence minister"},
  {CUE_PERSON, "chancellor"}, {CUE_PERSON, "king"}, {CUE_PERSON, "queen"}, {CUE_PERSON, "prince"},
  {CUE_PERSON, "mr"}, {CUE_PERSON, "mrs"}, {CUE_PERSON, "ms"}, {CUE_PERSON, "dr"},
  {CUE_PERSON, "senator"}, {CUE_PERSON, "sen"}, {CUE_PERSON, "secretary"}, {CUE_PERSON, "general"},
  {CUE_PERSON, "spokesman"}, {CUE_PERSON, "spokeswoman"}, {CUE_PERSON, "spokesperson"},
  {CUE_PERSON, "ambassador"}, {CUE_PERSON, "governor"}, {CUE_PERSON, "mayor"}, {CUE_PERSON, "pope"},
  {CUE_PERSON, "sheikh"}, {CUE_PERSON, "leader"}, {CUE_PERSON, "envoy"}, {CUE_PERSON, "premier"},
  {CUE_PERSON, "vice president"}, {CUE_PERSON, "commander"}, {CUE_PERSON, "head"}, {CUE_PERSON, "chief"},
  {CUE_PLACE, "city of"}, {CUE_PLACE, "town of"}, {CUE_PLACE, "province of"}, {CUE_PLACE, "region of"},
  /* Vietnamese */
  {CUE_PERSON, "tổng thống"}, {CUE_PERSON, "thủ tướng"}, {CUE_PERSON, "bộ trưởng"},
  {CUE_PERSON, "chủ tịch"}, {CUE_PERSON, "ông"}, {CUE_PERSON, "bà"}, {CUE_PERSON, "tổng bí thư"},
  {CUE_PERSON, "phó thủ tướng"}, {CUE_PERSON, "ngoại trưởng"}, {CUE_PERSON, "đại sứ"},
  {CUE_PERSON, "người phát ngôn"}, {CUE_PERSON, "quốc vương"}, {CUE_PERSON, "hoàng tử"},
  {CUE_PERSON, "thị trưởng"}, {CUE_PERSON, "người đồng cấp"}, {CUE_PERSON, "đồng cấp"},
  {CUE_PERSON, "nhà lãnh đạo"}, {CUE_PERSON, "lãnh đạo"}, {CUE_PERSON, "tướng"}, {CUE_PERSON, "điều phối viên"},
  {CUE_PLACE, "thành phố"}, {CUE_PLACE, "tỉnh"}, {CUE_PLACE, "thủ đô"}, {CUE_PLACE, "thị trấn"},
  {CUE_PLACE, "sân bay"}, {CUE_PLACE, "cảng"}, {CUE_PLACE, "khu vực"}, {CUE_PLACE, "điện"},
  {CUE_LOCATIVE, "tại"}, {CUE_LOCATIVE, "ở"}, {CUE_LOCATIVE, "đến"}, {CUE_LOCATIVE, "tới"},
  {CUE_SKIP, "ngoại giao"}, {CUE_SKIP, "quốc phòng"}, {CUE_SKIP, "nội vụ"}, {CUE_SKIP, "tài chính"},
  {CUE_SKIP, "công an"}, {CUE_SKIP, "thương mại"}, {CUE_SKIP, "y tế"}, {CUE_SKIP, "công thương"},
  {CUE_SKIP, "đắc cử"}, {CUE_SKIP, "mới"}, {CUE_SKIP, "tân"},
  /* Arabic */
  {CUE_PERSON, "الرئيس"}, {CUE_PERSON, "رئيس"}, {CUE_PERSON, "نظيره"}, {CUE_PERSON, "نظيرته"},
  {CUE_PERSON, "الملك"}, {CUE_PERSON, "الأمير"}, {CUE_PERSON, "الشيخ"}, {CUE_PERSON, "السيد"},
  {CUE_PERSON, "السيدة"}, {CUE_PERSON, "وزير"}, {CUE_PERSON, "الوزير"}, {CUE_PERSON, "رئيس الوزراء"},
  {CUE_PERSON, "المتحدث"}, {CUE_PERSON, "السفير"}, {CUE_PERSON, "الجنرال"}, {CUE_PERSON, "العماد"},
  {CUE_PERSON, "اللواء"}, {CUE_PERSON, "الدكتور"}, {CUE_PERSON, "المبعوث"}, {CUE_PERSON, "الزعيم"},
  {CUE_PERSON, "والرئيس"}, {CUE_PERSON, "للرئيس"}, {CUE_PERSON, "بالرئيس"}, {CUE_PERSON, "ووزير"},
  {CUE_PERSON, "المستشار"}, {CUE_PERSON, "رئيسة"}, {CUE_PERSON, "الرئيسة"},
  {CUE_PLACE, "مدينة"}, {CUE_PLACE, "العاصمة"}, {CUE_PLACE, "بالعاصمة"}, {CUE_PLACE, "محافظة"},
  {CUE_PLACE, "منطقة"}, {CUE_PLACE, "مطار"}, {CUE_PLACE, "ميناء"}, {CUE_PLACE, "قصر"},
  {CUE_SKIP, "الخارجية"}, {CUE_SKIP, "الدفاع"}, {CUE_SKIP, "الداخلية"}, {CUE_SKIP, "الوزراء"},
  {CUE_SKIP, "المالية"}, {CUE_SKIP, "الاقتصاد"}, {CUE_SKIP, "العام"}, {CUE_SKIP, "السابق"},
  {CUE_SKIP, "الانتقالي"}, {CUE_SKIP, "المؤقت"}, {CUE_SKIP, "التنفيذي"}, {CUE_SKIP, "الجديد"},
  {CUE_SKIP, "باسم"}, {CUE_SKIP, "الجمهورية"}, {CUE_SKIP, "الحكومة"},
  {CUE_STOPNAME, "أكد"}, {CUE_STOPNAME, "قال"}, {CUE_STOPNAME, "أشار"}, {CUE_STOPNAME, "رحب"},
  {CUE_STOPNAME, "أعلن"}, {CUE_STOPNAME, "أضاف"}, {CUE_STOPNAME, "شدد"}, {CUE_STOPNAME, "أوضح"},
  {CUE_STOPNAME, "دعا"}, {CUE_STOPNAME, "التقى"}, {CUE_STOPNAME, "بحث"}, {CUE_STOPNAME, "استقبل"},
  {CUE_STOPNAME, "وصف"}, {CUE_STOPNAME, "أفاد"}, {CUE_STOPNAME, "اعتبر"}, {CUE_STOPNAME, "لفت"},
  {CUE_STOPNAME, "ذكر"}, {CUE_STOPNAME, "صرح"}, {CUE_STOPNAME, "أعرب"}, {CUE_STOPNAME, "تلقى"},
  {CUE_STOPNAME, "أجرى"}, {CUE_STOPNAME, "وقع"}, {CUE_STOPNAME, "زار"}, {CUE_STOPNAME, "وصل"},
  {CUE_STOPNAME, "عقد"}, {CUE_STOPNAME, "ناقش"}, {CUE_STOPNAME, "شكر"}, {CUE_STOPNAME, "أشاد"},
  {CUE_STOPNAME, "مؤكدا"}, {CUE_STOPNAME, "مشيرا"}, {CUE_STOPNAME, "خلال"}, {CUE_STOPNAME, "يوم"},
  {CUE_STOPNAME, "إن"}, {CUE_STOPNAME, "إلى"}, {CUE_STOPNAME, "على"}, {CUE_STOPNAME, "مع"},
  /* Russian */
  {CUE_PERSON, "президент"}, {CUE_PERSON, "премьер"}, {CUE_PERSON, "премьер-министр"},
  {CUE_PERSON, "министр"}, {CUE_PERSON, "глава"}, {CUE_PERSON, "канцлер"}, {CUE_PERSON, "король"},
  {CUE_PERSON, "господин"}, {CUE_PERSON, "посол"}, {CUE_PERSON, "губернатор"}, {CUE_PERSON, "мэр"},
  {CUE_PERSON, "пресс-секретарь"}, {CUE_PERSON, "лидер"}, {CUE_PERSON, "президента"},
  {CUE_PERSON, "президентом"}, {CUE_PERSON, "министра"}, {CUE_PERSON, "генсек"},
  {CUE_PLACE, "город"}, {CUE_PLACE, "городе"}, {CUE_PLACE, "г"},
  {CUE_LOCATIVE, "в"}, {CUE_LOCATIVE, "во"},
  /* French, German, Spanish, Italian, Polish, Turkish */
  {CUE_PERSON, "président"}, {CUE_PERSON, "premier ministre"}, {CUE_PERSON, "ministre"},
  {CUE_PERSON, "chancelier"}, {CUE_PERSON, "roi"}, {CUE_PERSON, "m"}, {CUE_PERSON, "mme"},
  {CUE_PERSON, "porte-parole"}, {CUE_PERSON, "ambassadeur"},
  {CUE_PERSON, "präsident"}, {CUE_PERSON, "kanzler"}, {CUE_PERSON, "kanzlerin"}, {CUE_PERSON, "bundeskanzler"},
  {CUE_PERSON, "ministerin"}, {CUE_PERSON, "könig"}, {CUE_PERSON, "herr"}, {CUE_PERSON, "frau"},
  {CUE_PERSON, "sprecher"}, {CUE_PERSON, "regierungschef"},
  {CUE_PERSON, "presidente"}, {CUE_PERSON, "primer ministro"}, {CUE_PERSON, "ministro"},
  {CUE_PERSON, "canciller"}, {CUE_PERSON, "rey"}, {CUE_PERSON, "portavoz"}, {CUE_PERSON, "embajador"},
  {CUE_PERSON, "cancelliere"}, {CUE_PERSON, "portavoce"}, {CUE_PERSON, "signor"},
  {CUE_PERSON, "prezydent"}, {CUE_PERSON, "kanclerz"}, {CUE_PERSON, "rzecznik"}, {CUE_PERSON, "szef"},
  {CUE_PERSON, "papież"}, {CUE_PERSON, "wicepremier"}, {CUE_PERSON, "prezes"},
  {CUE_PERSON, "marszałek"}, {CUE_PERSON, "poseł"}, {CUE_PERSON, "posłanka"}, {CUE_PERSON, "wojewoda"},
  {CUE_PERSON, "burmistrz"}, {CUE_PERSON, "wiceminister"}, {CUE_PERSON, "przewodniczący"},
  {CUE_PERSON, "szefowa"}, {CUE_PERSON, "król"}, {CUE_PERSON, "królowa"}, {CUE_PERSON, "książę"},
  {CUE_PERSON, "ambasador"}, {CUE_PERSON, "sekretarz"}, {CUE_PERSON, "prezydenta"},
  {CUE_PERSON, "premiera"}, {CUE_PERSON, "ministra"}, {CUE_PERSON, "ministrem"},
  /* Spanish, Italian, French, German: more offices */
  {CUE_PERSON, "alcalde"}, {CUE_PERSON, "alcaldesa"}, {CUE_PERSON, "gobernador"},
  {CUE_PERSON, "vicepresidente"}, {CUE_PERSON, "secretario"}, {CUE_PERSON, "senador"},
  {CUE_PERSON, "diputado"}, {CUE_PERSON, "reina"}, {CUE_PERSON, "príncipe"}, {CUE_PERSON, "presidenta"},
  {CUE_PERSON, "sindaco"}, {CUE_PERSON, "governatore"}, {CUE_PERSON, "segretario"},
  {CUE_PERSON, "senatore"}, {CUE_PERSON, "deputato"}, {CUE_PERSON, "regina"}, {CUE_PERSON, "principe"},
  {CUE_PERSON, "pape"}, {CUE_PERSON, "maire"}, {CUE_PERSON, "gouverneur"}, {CUE_PERSON, "secrétaire"},
  {CUE_PERSON, "sénateur"}, {CUE_PERSON, "député"}, {CUE_PERSON, "reine"}, {CUE_PERSON, "présidente"},
  {CUE_PERSON, "vice-président"},
  {CUE_PERSON, "papst"}, {CUE_PERSON, "bürgermeister"}, {CUE_PERSON, "ministerpräsident"},
  {CUE_PERSON, "ministerpräsidentin"}, {CUE_PERSON, "bürgermeisterin"}, {CUE_PERSON, "königin"},
  {CUE_PERSON, "prinz"}, {CUE_PERSON, "prinzessin"}, {CUE_PERSON, "vizekanzler"},
  {CUE_PERSON, "außenminister"}, {CUE_PERSON, "innenminister"}, {CUE_PERSON, "finanzminister"},
  {CUE_PERSON, "gesundheitsminister"}, {CUE_PERSON, "präsidentin"}, {CUE_PERSON, "staatssekretär"},
  {CUE_PERSON, "cumhurbaşkanı"}, {CUE_PERSON, "başbakan"}, {CUE_PERSON, "bakan"}, {CUE_PERSON, "bakanı"},
  {CUE_PERSON, "sözcüsü"}, {CUE_PERSON, "başkanı"}, {CUE_PERSON, "başkan"},
  {CUE_PERSON, "yardımcısı"}, {CUE_PERSON, "başkanvekili"}, {CUE_PERSON, "milletvekili"},
  {CUE_PERSON, "üyesi"}, {CUE_PERSON, "vali"}, {CUE_PERSON, "valisi"}, {CUE_PERSON, "kaymakamı"},
  {CUE_PERSON, "müdürü"}, {CUE_PERSON, "büyükelçisi"}, {CUE_PERSON, "direktörü"},
  {CUE_PERSON, "antrenörü"}, {CUE_PERSON, "başsavcısı"}, {CUE_PERSON, "genel sekreteri"},
  {CUE_PLACE, "ville de"}, {CUE_PLACE, "stadt"}, {CUE_PLACE, "ciudad de"}, {CUE_PLACE, "città di"},
  {CUE_PLACE, "miasto"},
  /* Chinese (names follow the title) */
  {CUE_PERSON, "总统"}, {CUE_PERSON, "总理"}, {CUE_PERSON, "主席"}, {CUE_PERSON, "部长"},
  {CUE_PERSON, "外长"}, {CUE_PERSON, "首相"}, {CUE_PERSON, "国王"}, {CUE_PERSON, "发言人"},
  {CUE_NONE, NULL}};

const sl_head SL_MENTION_HEADS[] = {
  {HEAD_ORG, "news times post journal herald tribune gazette telegraph chronicle daily weekly "
             "magazine channel tv radio network press media agency party bank group company "
             "corporation corp inc ltd llc plc holdings motors airlines airways university college "
             "council committee commission ministry department office court parliament senate "
             "congress army navy police club league association federation institute "
             "foundation fund organization organisation authority service assembly hospital "
             "clinic school academy museum zoo church"},
  {HEAD_ORG, "zeitung nachrichten partei gruppe verband ministerium universität gericht polizei "
             "stiftung partido banco grupo universidad ministerio fundación asociación partito "
             "banca gruppo università ministero fondazione associazione parti banque groupe "
             "université ministère fondation partia grupa uniwersytet ministerstwo fundacja "
             "partisi bankası üniversitesi bakanlığı vakfı derneği instituto istituto institut "
             "instytut consejo consiglio conseil comisión commissione departamento dipartimento "
             "tribunal tribunale agencia agenzia agence compañía società société secretaría "
             "corte cour concejo senato sénat senado krankenhaus klinik hôpital ospedale "
             "zgromadzenie szpital sąd trybunał urząd sejm komisja izba agencja kancelaria "
             "birliği odası belediyesi başkanlığı müdürlüğü hastanesi "
             "holding örgütü konseyi kurulu kurumu federasyonu kulübü"},
  {HEAD_ORG, "партия банк группа университет министерство фонд агентство больница суд собрание"},
  {HEAD_ORG, "مجلس المجلس شركة الشركة هيئة الهيئة وزارة الوزارة جامعة الجامعة منظمة المنظمة حزب "
             "الحزب لجنة اللجنة بنك البنك اتحاد الاتحاد جمعية الجمعية مؤسسة المؤسسة"},
  {HEAD_PLACE, "street avenue road boulevard square county island islands river lake mountain "
               "mountains valley bay beach park airport station district province region bridge "
               "straße strasse platz insel fluss flughafen calle avenida plaza río isla aeropuerto "
               "via piazza fiume isola aeroporto rue île aéroport ulica plac rzeka wyspa lotnisko "
               "caddesi sokak sokağı meydanı nehri adası havalimanı mahallesi köyü ilçesi parkı "
               "camii"},
  {HEAD_PLACE, "улица проспект площадь река остров аэропорт"},
  {HEAD_NOT_NAME, "new breaking watch update updated video videos photo photos live exclusive "
                  "opinion analysis editorial read more click here"}, /* headline furniture */
  {HEAD_NOT_NAME, "year years day days eve week weekend month season cup games olympics "
                  "championship championships festival parade pandemic epidemic outbreak"},
  {HEAD_NOT_NAME, "jahr tag woche monat pandemie epidemie año día semana mes pandemia epidemia "
                  "anno giorno settimana mese année jour semaine mois pandémie épidémie rok dzień "
                  "tydzień miesiąc yıl gün hafta ay salgın год день неделя месяц пандемия"},
  {HEAD_NOT_NAME, "euro dollar franken pfund prozent millionen milliarden zuschauer krise debatte"},
  /* opening words: where the noun comes first (German districts, Romance
   * and Polish places and holidays) */
  {HEAD_LEAD_PLACE, "bezirk landkreis kreis gemeinde kanton bundesland provinz lake mount "
                    "provincia municipio departamento isla calle avenida plaza río lago monte "
                    "isola via viale piazza corso rue boulevard place île département "
                    "województwo powiat gmina ulica aleja plac jezioro wyspa"},
  {HEAD_LEAD_NOT_NAME, "año día semana navidad nochevieja pascua anno giorno settimana natale "
                       "capodanno pasqua année jour semaine noël nouvel pâques"},
  {HEAD_NONE, NULL}};
