/*
 * jrec — a fast path for flat JSON records, one JSON Lines line each: an
 * object whose values are strings, numbers, true, false or null.  It sits
 * in front of jansson where records are read in bulk (`storyline
 * similarity`), because jansson spends ~150 instructions per byte on long
 * texts and this reader ~5.  It accepts only what jansson accepts (with
 * JSON_REJECT_DUPLICATES) and gives the same strings; anything it is not
 * sure of (nesting, escapes in keys, exponents, long numbers, invalid
 * UTF-8, \u0000, any syntax error) it leaves to the full parser, which then
 * also reports the error.  tests/unit/test_jrec.c compares it with jansson.
 */
#ifndef SL_JREC_H
#define SL_JREC_H

#include "storyline/storyline.h"

enum { SL_JREC_STRING = 1, SL_JREC_INT, SL_JREC_OTHER };

/* One member of a record.  key and z point into the parsed line and are
 * NUL-terminated there; z/n is the decoded string (SL_JREC_STRING) or
 * the text of a number or literal; i is an integer's value. */
typedef struct sl_jfield {
  const char *key;
  size_t nkey;
  int type; /* SL_JREC_* */
  const char *z;
  size_t n;
  long long i;
} sl_jfield;

#define SL_JREC_MAX_FIELDS 32u

/* Parses line[0..n) as a flat record into f[0..*nf) (at most
 * SL_JREC_MAX_FIELDS).  On SL_OK the line's bytes were decoded in place
 * (it is no longer JSON); on SL_EINVAL the line is untouched and the
 * caller should ask a full parser.  Thread-safe. */
sl_rc sl_jrec_parse(char *line, size_t n, sl_jfield *f, size_t *nf);

/* The member named key[0..nkey) of f[0..nf), or NULL. */
const sl_jfield *sl_jrec_get(const sl_jfield *f, size_t nf, const char *key, size_t nkey);

#endif
