/*
 * query — the read side of the store (the last stage of the data flow).
 *
 * Opens a store written by src/store (schema version 2, src/store/SCHEMA.md)
 * read-only and answers the questions the CLI, the HTTP API and the web page
 * ask: lists of events, stories and entities, one event / story / entity /
 * document in full, search in any script, and the store's health.  Every
 * answer is a jansson json_t built here once, so `storyline show --json` and
 * `GET /api/events/1` can never disagree.  SQLite's WAL mode lets a reader
 * run while `storyline ingest` writes.
 *
 * Thread-safety: an sl_query handle is used by one thread at a time (the
 * server opens one per worker thread); handles on one store are independent.
 */
#ifndef SL_QUERY_H
#define SL_QUERY_H

#include <jansson.h>

#include "storyline/storyline.h"

/* The schema versions this reader understands (meta.schema_version):
 * 3 differs from 2 only in texts that may be packed (store/textz.h). */
#define SL_QUERY_SCHEMA_VERSION 3
#define SL_QUERY_SCHEMA_OLDEST 2

/* Hard caps on what a caller (or a remote user) may ask for. */
#define SL_QUERY_DEFAULT_LIMIT 50
#define SL_QUERY_MAX_LIMIT 1000
#define SL_QUERY_MAX_OFFSET 100000000
#define SL_QUERY_MAX_TEXT 256   /* bytes in a search or name filter */

typedef struct sl_query sl_query;

/* Filters and paging for the list functions.  Fill it with
 * sl_query_filter_init and sl_query_filter_set (which validates every value,
 * so the CLI and the server reject the same bad input); fields not set mean
 * "no filter".  Plain data: no cleanup needed. */
typedef struct sl_query_filter {
  int64_t limit;                     /* 1..SL_QUERY_MAX_LIMIT */
  int64_t offset;                    /* 0..SL_QUERY_MAX_OFFSET */
  int64_t entity;                    /* events mentioning this entity; 0 = any */
  char since[11];                    /* YYYY[-MM[-DD]], "" = none (inclusive) */
  char until[11];                    /* YYYY[-MM[-DD]], "" = none (inclusive) */
  char lang[9];                      /* ISO 639 code, "" = any */
  char type[7];                      /* entities: person|place|org, "" = any */
  char q[SL_QUERY_MAX_TEXT + 1];     /* entities: name filter, "" = none */
} sl_query_filter;

/* Sets f to "no filters", limit SL_QUERY_DEFAULT_LIMIT, offset 0. */
void sl_query_filter_init(sl_query_filter *f);

/* Sets filter `name` ("limit", "offset", "since", "until", "entity",
 * "lang", "type", "q") from the text z[0..n).  SL_EINVAL for an unknown
 * name or a malformed value (a date that is not YYYY[-MM[-DD]], a number
 * out of range, invalid UTF-8), SL_ETOOBIG for a q longer than
 * SL_QUERY_MAX_TEXT bytes; f is unchanged on error. */
sl_rc sl_query_filter_set(sl_query_filter *f, const char *name, const char *z, size_t n);

/* Opens the store at path read-only (busy timeout, WAL readers) and checks
 * its schema version.  On failure *out is NULL and, when err is not NULL, a
 * message naming the store and the cause ("cannot open store x.db: no such
 * file", "...: schema version 1, this storyline reads version 2") is
 * written to err[0..errcap).  SL_EIO when the file is missing or
 * unreadable, SL_ESTORE when it is not a storyline store, SL_EUNSUPPORTED on
 * a schema version mismatch.  Close with sl_query_close. */
sl_rc sl_query_open(const char *path, sl_query **out, char *err, size_t errcap);

/* Closes q and frees its statements; NULL is allowed. */
void sl_query_close(sl_query *q);

/* The message of the last failed call on q (never NULL; "" when none). */
const char *sl_query_errmsg(const sl_query *q);

/* Each function below stores a new json_t in *out on SL_OK (caller owns it:
 * json_decref) and leaves *out NULL otherwise.  SL_ENOTFOUND when the asked
 * object does not exist, SL_ESTORE on a store error, SL_ENOMEM.  Objects
 * carry "id"; events "date" (null when unknown) and "documents" (member
 * document ids); stories "events" (event ids in date order, undated last). */

/* Events, newest first (undated last): array of event summaries. */
sl_rc sl_query_events(sl_query *q, const sl_query_filter *f, json_t **out);

/* One event: summary plus "reports" (member documents with lang, title,
 * source, url, published, excerpt (first 280 characters of the text;
 * excerpt_cut when there is more), facts), "participants", "places", "orgs" (linked
 * entities with their mention counts) and "story" ({id, title} or null). */
sl_rc sl_query_event(sl_query *q, int64_t id, json_t **out);

/* Stories, latest activity first: array of story summaries with "events"
 * and "documents". */
sl_rc sl_query_stories(sl_query *q, const sl_query_filter *f, json_t **out);

/* One story: summary plus "timeline", its events (summaries) by date,
 * undated last. */
sl_rc sl_query_story(sl_query *q, int64_t id, json_t **out);

/* Entities, most reported first; f->q keeps those whose name or a variant
 * contains the text and (on the first page) adds those whose name sounds
 * the same in any script (as search does); f->type keeps one type. */
sl_rc sl_query_entities(sl_query *q, const sl_query_filter *f, json_t **out);

/* One entity: "variants" grouped by script ({"Arab": [{variant, lang,
 * count}...], ...}) and a page of the "events" it appears in, newest
 * first, undated last: f->limit from f->offset (f NULL: the first
 * SL_QUERY_DEFAULT_LIMIT), with "event_count", "limit" and "offset". */
sl_rc sl_query_entity(sl_query *q, int64_t id, const sl_query_filter *f, json_t **out);

/* One document by id z[0..n): metadata, text, its event, entities, facts. */
sl_rc sl_query_document(sl_query *q, const char *z, size_t n, json_t **out);

/* Search for z[0..n) (any script, at most SL_QUERY_MAX_TEXT bytes, valid
 * UTF-8) through the linked entities (names in every script) and the
 * full-text index.  Returns {"query", "entities": [matched entities],
 * "results": [{doc, title, lang, published, event, date, why, snippet}]}
 * (snippet: {before, match, after}, the text around the match; the full
 * text's normalised form for text hits), entity hits
 * first, at most limit results (<= 0: SL_QUERY_DEFAULT_LIMIT).  SL_EINVAL
 * for an empty query or invalid UTF-8, SL_ETOOBIG for an overlong one. */
sl_rc sl_query_search(sl_query *q, const char *z, size_t n, int64_t limit, json_t **out);

/* Store health: {"status": "ok", "schema_version", "documents", "events",
 * "stories", "entities", "data_version"}. */
sl_rc sl_query_health(sl_query *q, json_t **out);

/* A number that changes whenever another connection commits to the store
 * (SQLite's PRAGMA data_version); callers cache answers keyed on it.
 * Returns -1 on error. */
int64_t sl_query_data_version(sl_query *q);

#endif
