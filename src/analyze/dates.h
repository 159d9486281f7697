/*
 * dates — calendar dates in text and metadata (stage 5 of the data flow).
 *
 * Finds absolute dates ("January 28, 2026", "28 يناير 2026", "ngày 28/1",
 * "đêm 20/11", "Tháng 12/2025", "28 января 2026 года", ISO 8601) and
 * relative ones ("2 giờ trước", "yesterday", "أمس") in every supported
 * language; month names come from ICU/CLDR per locale.  A date without a
 * year takes it from the document's own context: the latest explicit date
 * in the text, moved forward a year when the day would otherwise fall
 * before it; relative dates are anchored to the publication date.
 */
#ifndef SL_DATES_H
#define SL_DATES_H

#include "storyline/storyline.h"

enum {
  SL_DATE_RELATIVE = 1u << 0, /* resolved from a relative expression */
  SL_DATE_YEAR_INFERRED = 1u << 1, /* year not written; taken from context */
  SL_DATE_CONTEXT = 1u << 2  /* found in context text, not in the body */
};

/* Added by the dates module: a cue word right before the date ties it to
 * the sentence ("on", "ngày", "đêm", "في", "le", "am"); sl_dates_event
 * prefers such dates. */
enum { SL_DATE_CUED = 1u << 3 };

/* Added by the dates module: at most this many dates are reported per
 * call (body and context together); the rest of a pathological input is
 * ignored. */
#define SL_DATES_MAX 65536u

typedef struct sl_date {
  int16_t year;          /* 0 when unknown */
  int8_t month;          /* 1..12, 0 when unknown */
  int8_t day;            /* 1..31, 0 when unknown */
  uint32_t start, end;   /* byte offsets of the expression in the text */
  uint32_t flags;        /* SL_DATE_* */
} sl_date;

/* Parses an ISO 8601 date or date-time prefix ("2026-01-28",
 * "2026-01-28T10:00:00Z").  SL_EPARSE when it is not one. */
sl_rc sl_date_parse_iso(const char *z, size_t n, sl_date *out);

/* Formats d as "YYYY-MM-DD", "YYYY-MM" or "YYYY" into buf (>= 11 bytes);
 * empty string when the year is unknown. */
void sl_date_format(const sl_date *d, char buf[16]);

/* Finds every date expression in body z[0..n) of language lang.  context
 * (may be NULL) is extra text of the same page (related-story lines, embed
 * lines) used only to infer missing years.  anchor (may be NULL or year 0)
 * is the publication date for relative expressions.  *out is malloc'd
 * (caller frees), in text order. */
sl_rc sl_dates_find(const char *lang, const char *z, size_t n,
                    const char *context, size_t ncontext,
                    const sl_date *anchor, sl_date **out, size_t *nout);

/* Called once per chunk of the body (SL_DTOK_CHUNK bytes at most, cut at a
 * line end) after its dates were found, so that the numbers module reads
 * the same scan instead of tokenizing and dating the text again.  z is the
 * chunk (at byte offset base of the body), toks its tokens (offsets into
 * z), spans the [start, end) body offsets of every date expression found
 * in it, in text order, relative ones included whatever the anchor.  A
 * return other than SL_OK stops the scan and is returned. */
struct sl_dtok;
typedef sl_rc (*sl_dates_chunk_fn)(void *ctx, const char *z, uint32_t base,
                                   const struct sl_dtok *toks, size_t ntoks,
                                   const uint32_t *spans, size_t nspans);

/* sl_dates_find with a hook (may be NULL) over the body's chunks. */
sl_rc sl_dates_find_each(const char *lang, const char *z, size_t n,
                         const char *context, size_t ncontext,
                         const sl_date *anchor, sl_date **out, size_t *nout,
                         sl_dates_chunk_fn hook, void *hook_ctx);

/* Chooses the date of the happening the text reports from dates[0..n):
 * the earliest-mentioned complete date in the lead, preferring the first
 * date the text ties to the event.  Returns 1 and fills *out, or 0. */
int sl_dates_event(const sl_date *dates, size_t n, sl_date *out);

#endif
