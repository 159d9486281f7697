/*
 * storyline.h — public API of libstoryline, a multilingual news event tracker.
 *
 * Data flows one way: read -> clean -> language -> normalise -> dates ->
 * mentions -> link -> cluster (events) -> stories -> store -> query.
 * Every stage is usable on its own; this header exposes the handles a
 * program needs to drive the whole flow.  Internal module headers live in
 * src/ and are not installed.
 */
#ifndef STORYLINE_H
#define STORYLINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define SL_VERSION "0.1.0"

/* One error enum for the whole library (SL_OK == 0). */
typedef enum sl_rc {
  SL_OK = 0,
  SL_ENOMEM,     /* out of memory */
  SL_EINVAL,     /* bad argument */
  SL_EIO,        /* read or write failed */
  SL_EPARSE,     /* input could not be parsed */
  SL_ETOOBIG,    /* input exceeds a hard limit */
  SL_EEMPTY,     /* input holds nothing usable */
  SL_EBINARY,    /* input looks like binary data, not text */
  SL_ESTORE,     /* the store (SQLite) reported an error */
  SL_ENOTFOUND,  /* no such object */
  SL_EDUP,       /* already stored (not an error for ingest) */
  SL_EICU,       /* ICU reported an error */
  SL_EUNSUPPORTED
} sl_rc;

/* Static, human-readable text for an error code; never NULL. */
const char *sl_strerror(sl_rc rc);

/* Hard limits on untrusted input. */
#define SL_MAX_INPUT_BYTES   (64u * 1024u * 1024u)  /* one file or record */
#define SL_MAX_DOC_TEXT      (4u * 1024u * 1024u)   /* text kept per document */

#ifdef __cplusplus
}
#endif
#endif
