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

#endif
