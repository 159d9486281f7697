/*
 * read — documents in (stage 1 of the data flow).
 *
 * Plain-text articles (.txt and anything not recognised: the first
 * non-empty line is the title), HTML pages (.html/.htm, optionally .gz:
 * handed to the html module), and JSON Lines records (.jsonl/.json, or "-"
 * for stdin) with id, url, title, text or html, published, lang.  Folders
 * are walked in name order.  Every input is size-capped, checked for binary
 * junk and made valid UTF-8 here.
 */
#ifndef SL_READ_H
#define SL_READ_H

#include <stdio.h>

#include "storyline/storyline.h"

typedef enum sl_doc_format { SL_FMT_TEXT, SL_FMT_HTML } sl_doc_format;

/* One raw document.  All strings NUL-terminated UTF-8 or NULL; owned by
 * the document and released with sl_doc_free. */
typedef struct sl_doc {
  char *id;         /* input id, else file name without extension */
  char *path;       /* file the document came from ("-" for stdin) */
  char *url, *title, *published, *lang, *source;
  char *body;       /* text or HTML, per format */
  size_t nbody;
  sl_doc_format format;
} sl_doc;

void sl_doc_free(sl_doc *d);

/* Called for each document read; takes ownership of doc.  A non-OK return
 * stops the walk with that code. */
typedef sl_rc (*sl_doc_fn)(void *ctx, sl_doc *doc);

/* Called for each input that could not be read.  where names the input
 * ("path" or "path:line"), what says what was wrong. */
typedef void (*sl_read_error_fn)(void *ctx, const char *where, sl_rc rc, const char *what);

typedef struct sl_read_stats {
  size_t docs, errors;
} sl_read_stats;

/* Reads path (file, folder, or "-" for JSON Lines on stdin) and calls
 * on_doc for each document, on_error for each bad input (the walk goes
 * on).  Returns the first code on_doc returned that was not SL_OK, else
 * SL_OK; stats (may be NULL) counts documents and errors. */
sl_rc sl_read_path(const char *path, sl_doc_fn on_doc, sl_read_error_fn on_error,
                   void *ctx, sl_read_stats *stats);

/* Reads one line (without its '\n', NUL-terminated) into *buf, growing it
 * up to max bytes; the rest of a longer line is read and dropped, so a
 * giant line costs max bytes of memory, never its own length.  Returns 0
 * at end of input, 1 for a line, -1 when out of memory; *toolong says the
 * line was cut. */
int sl_read_line(FILE *f, char **buf, size_t *cap, size_t max, size_t *len, int *toolong);

/* Reads JSON Lines records from f (named path in messages: "path:line")
 * as sl_read_path does; a line over SL_MAX_LINE_BYTES is reported and
 * skipped without being held in memory.  stats (may be NULL) is added to. */
sl_rc sl_read_jsonl(FILE *f, const char *path, sl_doc_fn on_doc, sl_read_error_fn on_error,
                    void *ctx, sl_read_stats *stats);

/* Reads a whole file into a malloc'd buffer (NUL-terminated), refusing
 * files above cap bytes (SL_ETOOBIG).  Caller frees *out. */
sl_rc sl_read_file(const char *path, size_t cap, char **out, size_t *n);

#endif
