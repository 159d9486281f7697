/*
 * clean — page furniture out of plain-text articles (stage 2).
 *
 * Drops related-story lists, "read more"/"most read" blocks, repeated
 * headline lines, photo captions, tweet-embed lines, "Source link" and
 * "Comment (0)" lines, and the sentences of cookie banners and sign-up
 * notices inside body lines (boilerplate.h).  Signals are
 * language-agnostic first (repetition, line shape, link and date density,
 * position after the body ends), with
 * per-language cue words as a supplement.  Inline furniture (captions,
 * embeds, related links inside the body) is kept apart as context: it was
 * written when the article was, so dates module may use its years.
 */
#ifndef SL_CLEAN_H
#define SL_CLEAN_H

#include "storyline/storyline.h"

typedef struct sl_cleaned {
  char *title;     /* first non-empty line (plain text) or given title */
  char *text;      /* body, lines joined by "\n" */
  char *context;   /* inline furniture lines, "\n"-joined ("" if none) */
  size_t ntext, ncontext;
  int banner_only; /* text is nothing but boilerplate (boilerplate.h), kept
                    * so that nothing is lost: no article to compare */
} sl_cleaned;

/* Cleans plain-text article z[0..n) (valid UTF-8).  When title is NULL the
 * first non-empty line is the title.  Fills *out (release with
 * sl_cleaned_free).  SL_EEMPTY when no body text remains. */
sl_rc sl_clean_text(const char *z, size_t n, const char *title, sl_cleaned *out);
void sl_cleaned_free(sl_cleaned *c);

/* Closes the transliterator the cleaner keeps for the whole process (slug
 * lines); a later sl_clean_text opens it again.  Part of
 * sl_global_cleanup: call only when no other thread is cleaning. */
void sl_clean_global_cleanup(void);

#endif
