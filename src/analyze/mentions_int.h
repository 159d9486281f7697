/* mentions_int — the cue table shared by mentions.c and its lexicon. */
#ifndef SL_MENTIONS_INT_H
#define SL_MENTIONS_INT_H

typedef enum sl_cue_kind {
  CUE_NONE = 0, CUE_PERSON, CUE_PLACE, CUE_LOCATIVE, CUE_SKIP, CUE_STOPNAME
} sl_cue_kind;

typedef struct sl_cue {
  sl_cue_kind kind;
  const char *text;
} sl_cue;

extern const sl_cue SL_MENTION_CUES[];

/* Last words that type a run of capitalised words no trigger typed:
 * "Fox News" is an organisation, "Wall Street" a place, and "New Year" or
 * "Coronavirus-Pandemie" no name at all. */
typedef enum sl_head_kind { HEAD_NONE = 0, HEAD_ORG, HEAD_PLACE, HEAD_NOT_NAME } sl_head_kind;
/* In SL_MENTION_HEADS only: words that say what a run of capitals names
 * when they open it ("Bezirk Korneuburg", "Año Nuevo"), kept as bits
 * beside a word's sl_head_kind. */
enum { HEAD_KIND_MASK = 0xF, HEAD_LEAD_PLACE = 1 << 4, HEAD_LEAD_NOT_NAME = 1 << 5 };

typedef struct sl_head {
  int kind;          /* an sl_head_kind, or HEAD_LEAD_PLACE, HEAD_LEAD_NOT_NAME */
  const char *words; /* space-separated, any language */
} sl_head;

extern const sl_head SL_MENTION_HEADS[];

#endif
