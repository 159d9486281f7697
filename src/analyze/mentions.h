/*
 * mentions — who and where a document names (stage 6 of the data flow).
 *
 * Finds person, place and organisation mentions in tokenised text by
 * (a) the gazetteer of places (CLDR names through ICU), (b) role and title
 * trigger words per language ("Tổng thống", "President", "الرئيس",
 * "Президент", ...) followed by a name, (c) runs of capitalised words in
 * cased scripts, and (d) names the caller already knows (the linker's
 * variants), so that "بوتين" alone is found once "فلاديمير بوتين" is known.
 * Mentions are not linked here; see link/linker.h.
 */
#ifndef SL_MENTIONS_H
#define SL_MENTIONS_H

#include "storyline/storyline.h"
#include "analyze/gazetteer.h"
#include "analyze/tokenize.h"

typedef enum sl_ent_type { SL_ENT_PERSON = 0, SL_ENT_PLACE, SL_ENT_ORG, SL_ENT_UNKNOWN } sl_ent_type;

/* How a mention was found; the linker trusts them in this order. */
typedef enum sl_mention_src {
  SL_MSRC_GAZETTEER = 0, SL_MSRC_TRIGGER, SL_MSRC_KNOWN, SL_MSRC_CAPS
} sl_mention_src;

typedef struct sl_mention {
  uint32_t start, end;        /* byte offsets in the text */
  uint32_t tok_first, tok_end; /* token range [first, end) */
  sl_ent_type type;
  sl_mention_src src;
  const sl_gaz_entry *gaz;    /* gazetteer entry, or NULL */
  int sentence_start;         /* first token opens a sentence or line */
  char norm[128];             /* token norms joined by ' ' (truncated) */
} sl_mention;

/* Answers whether the normalised token sequence z[0..n) is a name the
 * caller knows; returns 1 and sets *type when it is.  Called with type
 * NULL, answers whether a known name may start with the word z[0..n)
 * (no space in it): 1 may be wrong, 0 never is, and then the lookups of
 * the names that start there are spared. */
typedef int (*sl_known_name_fn)(void *ctx, const char *z, size_t n, sl_ent_type *type);

/* Finds the mentions in text z[0..n) of language lang, given its tokens.
 * known (may be NULL) is asked about candidate spans.  *out is malloc'd
 * (caller frees), sorted by position, non-overlapping. */
sl_rc sl_mentions_find(const char *lang, const char *z, size_t n, const sl_token *toks, size_t ntok,
                       sl_known_name_fn known, void *known_ctx, sl_mention **out, size_t *nout);

/* What sl_mentions_find looks up that the known-name callback does not
 * change (gazetteer places and title cues at each token, the words the
 * text writes in lower case), kept for another call on the same tokens:
 * the pipeline finds a document's mentions twice when the first pass
 * taught the linker names. */
typedef struct sl_mention_memo sl_mention_memo;

/* sl_mentions_find with *memo (NULL at first: made then; freed with
 * sl_mention_memo_free) kept for toks[0..ntok), which must not change
 * between the calls that share it. */
sl_rc sl_mentions_find_memo(const char *lang, const char *z, size_t n, const sl_token *toks,
                            size_t ntok, sl_known_name_fn known, void *known_ctx,
                            sl_mention_memo **memo, sl_mention **out, size_t *nout);
void sl_mention_memo_free(sl_mention_memo *memo);

const char *sl_ent_type_name(sl_ent_type t);

#endif
