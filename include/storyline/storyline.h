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
#define SL_MAX_LINE_BYTES    (16u * 1024u * 1024u)  /* one JSON Lines record */
#define SL_MAX_HTML_DEPTH    400                    /* tag nesting kept in a page */
#define SL_MAX_HTML_BYTES    (4u * 1024u * 1024u)   /* markup parsed per page (no scripts) */

/*
 * Ingest: read -> analyse -> link -> cluster -> store, in batch
 * transactions (one savepoint per document).  An ingest handle is not
 * thread-safe; with sl_ingest_set_jobs it runs its own threads.
 */
typedef struct sl_ingest sl_ingest;

typedef struct sl_ingest_stats {
  size_t read;        /* documents read from the inputs */
  size_t stored;      /* documents newly stored */
  size_t duplicates;  /* documents already in the store (same id or text) */
  size_t failed;      /* inputs or documents that could not be used */
  size_t events_new;  /* events opened by this ingest */
  size_t bytes;       /* bytes of document bodies read */
} sl_ingest_stats;

/* Called once per document after the transaction holding it committed
 * (so a crash after the call cannot lose it), in input order, from the
 * thread that writes; source is the input ("-" for stdin, may be NULL). */
typedef void (*sl_ingest_stored_fn)(void *ctx, const char *doc_id, const char *source);

/* Called for every input or document that was skipped or had a problem;
 * where names it ("path", "path:line" or a document id). rc is SL_OK for a
 * warning (the document was still used), SL_EDUP for a duplicate. */
typedef void (*sl_ingest_report_fn)(void *ctx, const char *where, sl_rc rc, const char *what);

/* Opens (creating if needed) the store at db_path and loads its entities
 * and events.  err (may be NULL) receives a message naming the store. */
sl_rc sl_ingest_open(const char *db_path, sl_ingest **out, char *err, size_t nerr);

/* Ingests a file, a folder (recursively, in name order) or "-" (JSON
 * Lines on stdin).  Problems with single inputs are reported and skipped;
 * the return value is not SL_OK only when the store itself failed. */
sl_rc sl_ingest_path(sl_ingest *in, const char *path, sl_ingest_report_fn report, void *ctx);

void sl_ingest_get_stats(const sl_ingest *in, sl_ingest_stats *out);

/* Registers fn (NULL: none) for every document durably stored. */
void sl_ingest_on_stored(sl_ingest *in, sl_ingest_stored_fn fn, void *ctx);

/* Analyses documents on jobs threads (1..64; default 1) while one writer
 * links, clusters and stores them in input order: the store is the same
 * for every jobs value. */
void sl_ingest_set_jobs(sl_ingest *in, int jobs);

/* Documents per transaction at most (default 500; a batch is also
 * committed once it has been open for a second).  Smaller batches cost
 * speed; they bound what a crash or a power cut can undo. */
void sl_ingest_set_batch(sl_ingest *in, size_t docs);

/* CPU seconds per pipeline stage so far (read, clean, language, normalise,
 * dates, mentions, linking, clustering, store), summed over threads. */
size_t sl_ingest_stage_count(void);
const char *sl_ingest_stage_name(size_t i);
double sl_ingest_stage_seconds(const sl_ingest *in, size_t i);
void sl_ingest_close(sl_ingest *in);

/* Frees what the library keeps for the life of the process (ICU's data,
 * its transliterator registry, cached transliterators), so that a leak
 * checker sees every block freed.  Optional; call once at the very end,
 * when no handle is open and no other thread uses the library. */
void sl_global_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
