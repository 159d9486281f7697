/*
 * eventwords — multilingual event-word lexicon (see eventwords.h).
 *
 * Entries are matched on the normalised token (NFKC case-folded, Arabic
 * folded) or, for languages with a stemmer, on its stem.  Multi-syllable
 * Vietnamese words are matched per syllable pair by listing their most
 * distinctive syllable.  Concepts are small integers; the table is short
 * on purpose and grows with the evaluation on labelled pairs.
 */
#include <pthread.h>
#include <string.h>

#include "analyze/tokenize.h"
#include "cluster/eventwords.h"
#include "util/strmap.h"

typedef struct ew {
  uint32_t concept;
  const char *words; /* '|'-separated, any language */
} ew;

enum {
  EW_MEETING = 1, EW_CALL, EW_VISIT, EW_ATTACK, EW_QUAKE, EW_ELECTION, EW_SUMMIT, EW_SANCTION,
  EW_AGREEMENT, EW_TRADE, EW_DEATH, EW_PROTEST, EW_FLOOD, EW_FIRE, EW_CRASH, EW_ARREST
};

static const ew TABLE[] = {
  {EW_MEETING, "talks|meeting|met|meet|meets|hội đàm|gặp|cuộc gặp|محادثات|مباحثات|اجتماع|لقاء|التقى|"
               "переговоры|встреча|встретился|pourparlers|rencontre|gespräche|treffen|conversaciones|"
               "reunión|colloqui|incontro|rozmowy|spotkanie|görüşme|görüştü|会谈|会晤|会见"},
  {EW_CALL, "phone|call|telephone|điện đàm|gọi|اتصال|هاتفي|هاتفيا|телефонный|разговор|téléphonique|"
            "telefonat|telefónica|telefonica|telefoniczna|telefon|通话|电话"},
  {EW_VISIT, "visit|visited|visits|chuyến|thăm|زيارة|زيارته|визит|visite|besuch|visita|wizyta|ziyaret|访问"},
  {EW_ATTACK, "attack|strike|strikes|bombing|tấn công|không kích|هجوم|غارة|غارات|атака|удар|attaque|"
              "angriff|ataque|attacco|atak|saldırı|袭击"},
  {EW_QUAKE, "earthquake|quake|động đất|زلزال|землетрясение|séisme|tremblement|erdbeben|terremoto|"
             "trzęsienie|deprem|地震"},
  {EW_ELECTION, "election|elections|vote|bầu cử|انتخابات|выборы|élection|élections|wahl|wahlen|"
                "elecciones|elezioni|wybory|seçim|选举"},
  {EW_SUMMIT, "summit|thượng đỉnh|قمة|саммит|sommet|gipfel|cumbre|vertice|szczyt|zirve|峰会"},
  {EW_SANCTION, "sanctions|sanction|trừng phạt|عقوبات|санкции|sanktionen|sanciones|sanzioni|sankcje|"
                "yaptırım|制裁"},
  {EW_AGREEMENT, "agreement|deal|treaty|thỏa thuận|hiệp định|اتفاق|اتفاقية|соглашение|договор|accord|"
                 "abkommen|acuerdo|accordo|porozumienie|anlaşma|协议"},
  {EW_TRADE, "trade|thương mại|التجارة|تجارة|торговля|товарооборот|commerce|handel|comercio|commercio|"
             "ticaret|贸易"},
  {EW_DEATH, "killed|dead|deaths|died|thiệt mạng|chết|قتلى|مقتل|погибли|morts|tote|muertos|morti|"
             "zabitych|öldü|死亡"},
  {EW_PROTEST, "protest|protests|biểu tình|احتجاجات|مظاهرات|протест|протесты|manifestation|proteste|"
               "protestas|protesty|protesto|抗议"},
  {EW_FLOOD, "flood|floods|lũ|ngập|فيضانات|наводнение|inondations|hochwasser|inundaciones|alluvione|"
             "powódź|sel|洪水"},
  {EW_FIRE, "fire|wildfire|cháy|حريق|пожар|incendie|brand|incendio|pożar|yangın|火灾"},
  {EW_CRASH, "crash|collision|rơi|tai nạn|تحطم|крушение|катастрофа|accident|absturz|accidente|"
             "incidente|katastrofa|kaza|坠毁"},
  {EW_ARREST, "arrested|arrest|bắt giữ|اعتقال|арест|задержан|arrestation|festnahme|detenido|arrestato|"
              "aresztowany|gözaltı|逮捕"},
  {0, NULL}};

static sl_strmap *WORDS; /* normalised word -> concept */
static pthread_once_t ONCE = PTHREAD_ONCE_INIT;

static void build(void) {
  sl_strmap *m = sl_strmap_new();
  sl_tokenizer *tk = NULL;
  if (!m || sl_tokenizer_new(&tk) != SL_OK) {
    sl_strmap_free(m);
    return;
  }
  for (size_t r = 0; TABLE[r].words; r++) {
    const char *p = TABLE[r].words;
    while (p && *p) {
      const char *bar = strchr(p, '|');
      size_t len = bar ? (size_t)(bar - p) : strlen(p);
      const sl_token *t;
      size_t nt;
      /* each word of a phrase counts on its own ("điện đàm" -> "đàm") */
      if (sl_tokenize(tk, "und", p, len, &t, &nt) == SL_OK)
        for (size_t i = 0; i < nt; i++)
          if (!(t[i].flags & SL_TOK_STOP) && t[i].nnorm >= 2 && !sl_strmap_get(m, t[i].norm, t[i].nnorm, NULL))
            sl_strmap_put(m, t[i].norm, t[i].nnorm, TABLE[r].concept);
      p = bar ? bar + 1 : NULL;
    }
  }
  sl_tokenizer_free(tk);
  WORDS = m;
}

uint32_t sl_eventword(const char *lang, const char *norm, size_t nnorm, const char *stem,
                      size_t nstem) {
  int64_t v;
  (void)lang;
  pthread_once(&ONCE, build);
  if (!WORDS)
    return 0;
  if (sl_strmap_get(WORDS, norm, nnorm, &v) || sl_strmap_get(WORDS, stem, nstem, &v))
    return (uint32_t)v;
  return 0;
}
