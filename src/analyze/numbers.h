/*
 * numbers — quantities in article text (stage 5: analysed document).
 *
 * Finds the numbers a report claims ("trade up 4%" vs "7 في المائة"),
 * reads them in the language's own style ("139.000" in Vietnamese or
 * German is 139000, "1,000" in English, "1 000" in French or Russian,
 * Arabic-Indic ٢٠٢٦ with ٬ and ٫), applies multiplier words ("million",
 * "triệu", "مليون", "млн", 万, 亿) and tags percentages and currencies,
 * so facts can be compared across languages and reports.  Years and the
 * parts of dates (found by the dates module) are not numbers here, nor are
 * digits glued to letters ("G20", "Su-35") or inside times and URLs.
 */
#ifndef SL_NUMBERS_H
#define SL_NUMBERS_H

#include "storyline/storyline.h"
#include "analyze/dates.h"

enum {
  SL_NUM_PERCENT  = 1u << 0,  /* percentage: unit is "%" */
  SL_NUM_CURRENCY = 1u << 1,  /* money: unit is an ISO 4217 code */
  SL_NUM_APPROX   = 1u << 2,  /* hedged: "about", "khoảng", "около", "حوالي" */
  SL_NUM_SCALED   = 1u << 3   /* a multiplier word was applied */
};

/* At most this many numbers are reported per call. */
#define SL_NUMBERS_MAX 65536u

typedef struct sl_number {
  double value;          /* the quantity, multiplier applied (4.0 for "4%") */
  char unit[16];         /* "%", an ISO 4217 code ("USD", "VND"), or "" */
  uint32_t start, end;   /* byte offsets of the expression in the text */
  uint32_t flags;        /* SL_NUM_* */
} sl_number;

/* Finds the numbers and quantities in z[0..n) of language lang (BCP 47,
 * NULL or "und" for unknown: English separators).  *out is malloc'd
 * (caller frees; NULL when none), in text order.  SL_EINVAL on bad
 * arguments, SL_ETOOBIG above SL_MAX_INPUT_BYTES, SL_ENOMEM, SL_EICU when
 * the lexicon could not be built.  Thread-safe. */
sl_rc sl_numbers_find(const char *lang, const char *z, size_t n,
                      sl_number **out, size_t *nout);

/* sl_dates_find and sl_numbers_find on body z[0..n) in one scan (the same
 * results as the two calls; arguments as theirs).  *dates and *out are
 * malloc'd (caller frees each; NULL when none).  Thread-safe. */
sl_rc sl_dates_numbers_find(const char *lang, const char *z, size_t n, const char *context,
                            size_t ncontext, const sl_date *anchor, sl_date **dates,
                            size_t *ndates, sl_number **out, size_t *nout);

/* 1 when a and b state the same quantity: same unit and values within
 * 0.5% of each other (so "139.000" equals "139,000" and "7%" differs from
 * "4%").  Pure function. */
int sl_number_same(const sl_number *a, const sl_number *b);

#endif
