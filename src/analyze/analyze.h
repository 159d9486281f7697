/*
 * analyze — one document through stages 2-6: clean (plain text) or
 * extract (HTML), language and script, tokens, dates, numbers, mentions.
 *
 * The analyzer owns one tokenizer and one language detector, so it is
 * not thread-safe: one per thread.  Linking (stage 7) needs the linker and
 * is driven by the caller between sl_analyze_mentions passes.
 */
#ifndef SL_ANALYZE_H
#define SL_ANALYZE_H

#include "storyline/storyline.h"
#include "analyze/dates.h"
#include "analyze/langid.h"
#include "analyze/mentions.h"
#include "analyze/numbers.h"
#include "analyze/tokenize.h"
#include "read/read.h"
#include "util/cputime.h"

typedef struct sl_analysis {
  char *id, *path, *url, *source;
  char *title;            /* display title */
  char *text;             /* cleaned body */
  char *context;          /* inline furniture kept for date context */
  size_t ntext, ncontext;
  char lang[8];
  sl_script script;
  sl_date published;      /* year 0 when unknown */
  sl_date event_date;     /* the happening's date; the publication date when the
                           * text names none (flag SL_DATE_RELATIVE); year 0 when unknown */
  sl_token *toks;         /* tokens of text; norm/stem point into tokpool */
  size_t ntok;
  char *tokpool;
  sl_date *dates;
  size_t ndates;
  sl_number *nums;
  size_t nnums;
  sl_mention *ments;
  size_t nments;
  long *ment_entity;      /* linker index per mention, -1 when dropped */
  struct sl_mention_memo *ment_memo; /* sl_analyze_mentions' lookups, kept between passes */
  char content_hash[17];  /* 64-bit hash of the cleaned text, hex */
  int truncated;          /* text was cut at SL_MAX_DOC_TEXT */
  int no_article;         /* text is page boilerplate only (a consent or access
                           * notice, sl_cleaned.banner_only): stored, but
                           * evidence of nothing */
  const char *html_limit; /* static warning when the page hit a limit, else NULL */
} sl_analysis;

typedef struct sl_analyzer sl_analyzer;

sl_rc sl_analyzer_new(sl_analyzer **out);
void sl_analyzer_free(sl_analyzer *az);

/* Runs stages 2-5 on doc (which is left untouched).  *out is filled and
 * released with sl_analysis_clear.  SL_EEMPTY when no text remains;
 * *why (may be NULL) then names the problem. */
sl_rc sl_analyze(sl_analyzer *az, const sl_doc *doc, sl_analysis *out, const char **why);

/* Runs stage 6 (mentions), asking known about candidate names; replaces
 * any earlier mentions of a. */
sl_rc sl_analyze_mentions(sl_analyzer *az, sl_analysis *a, sl_known_name_fn known, void *ctx);

void sl_analysis_clear(sl_analysis *a);

/* Stage CPU timers (clean, language, normalise, dates; mentions and
 * linking in sl_pipeline_link) add to t from now on; NULL stops them.
 * t belongs to the caller and to this analyzer's thread. */
void sl_analyzer_set_times(sl_analyzer *az, sl_stage_times *t);
sl_stage_times *sl_analyzer_times(sl_analyzer *az);

#endif
