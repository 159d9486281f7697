/*
 * error — text for sl_rc codes.  Callers that report to a user add the
 * input's name; this gives only what went wrong.
 */
#include "storyline/storyline.h"

const char *sl_strerror(sl_rc rc) {
  switch (rc) {
  case SL_OK: return "ok";
  case SL_ENOMEM: return "out of memory";
  case SL_EINVAL: return "invalid argument";
  case SL_EIO: return "read or write failed";
  case SL_EPARSE: return "could not be parsed";
  case SL_ETOOBIG: return "too big";
  case SL_EEMPTY: return "no text found";
  case SL_EBINARY: return "binary data, not text";
  case SL_ESTORE: return "store error";
  case SL_ENOTFOUND: return "not found";
  case SL_EDUP: return "already stored";
  case SL_EICU: return "ICU error";
  case SL_EUNSUPPORTED: return "unsupported";
  }
  return "unknown error";
}
