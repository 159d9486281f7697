/*
 * store — the write side of the embedded store (SQLite, WAL), the stage
 * after clustering.  Schema: src/store/SCHEMA.md (version 3).
 *
 * Documents are stored in batch transactions, each document inside its
 * own savepoint with everything it changes (entities, variants, mentions,
 * facts, its event's and story's rows, the event's evidence sums), so a
 * failure in the middle of one leaves the store as it was before that
 * document and keeps the rest of the batch.  Full-text rows are queued and
 * written at the batch's commit, in the same transaction (FTS5 would
 * flush a segment at every savepoint release).  The linker's entities
 * and the clusterer's events are loaded from the store at open, so ingest
 * continues where the last run stopped.
 */
#ifndef SL_STORE_H
#define SL_STORE_H

#include "storyline/storyline.h"
#include "cluster/cluster.h"
#include "link/linker.h"

#define SL_SCHEMA_VERSION 3

typedef struct sl_store sl_store;

/* Opens (creating when absent) the store at path for writing.  err
 * (may be NULL) receives a message naming the store on failure. */
sl_rc sl_store_open(const char *path, sl_store **out, char *err, size_t nerr);
void sl_store_close(sl_store *st);

/* Fills an empty linker and clusterer from the store. */
sl_rc sl_store_load(sl_store *st, sl_linker *lk, sl_cluster *cl);

/* 1 when a document with this id or this content hash is stored. */
int sl_store_has_doc(sl_store *st, const char *id, const char *content_hash);

/* Text of the last SQLite error (never NULL). */
const char *sl_store_errmsg(const sl_store *st);

sl_rc sl_store_begin(sl_store *st);
sl_rc sl_store_commit(sl_store *st);
void sl_store_rollback(sl_store *st);
/* One document inside a batch transaction: sl_store_savepoint before its
 * rows, sl_store_release when they are all written, sl_store_rollback_to
 * to undo them alone (the batch's other documents stay). */
sl_rc sl_store_savepoint(sl_store *st);
sl_rc sl_store_release(sl_store *st);
void sl_store_rollback_to(sl_store *st);
/* Drops the evidence rows of an event the clusterer closed (out of its
 * time window): they are what the store keeps only for open events. */
sl_rc sl_store_close_event(sl_store *st, int64_t event_id);

/* Inserts the entity when new (sets e->id), updates name/key when dirty. */
sl_rc sl_store_put_entity(sl_store *st, sl_entity *e);
/* Counts `count` more sightings of a variant spelling. */
sl_rc sl_store_put_variant(sl_store *st, int64_t entity_id, const char *z, size_t n,
                           const char *script, const char *lang, int64_t count);
/* Adds one document and its mention count to an entity's totals. */
sl_rc sl_store_count_entity(sl_store *st, int64_t entity_id, int64_t mentions);

typedef struct sl_doc_row {
  const char *id, *url, *path, *source, *title, *text, *lang, *script;
  const char *published, *event_date, *content_hash;
  int64_t event_id;
} sl_doc_row;

/* Inserts the document; the mention, fact and full-text rows that follow
 * belong to it (they refer to its row, not copy its id). */
sl_rc sl_store_put_document(sl_store *st, const sl_doc_row *d);
/* A mention: byte offsets [start, end) in the document's text. */
sl_rc sl_store_put_mention(sl_store *st, int64_t entity_id, uint32_t start, uint32_t end);
/* Counts the document's mentions of an entity for the entity's page
 * (entity_events), once per entity and document. */
sl_rc sl_store_count_entity_event(sl_store *st, int64_t entity_id, int64_t mentions);
/* A number the document claims, with the byte range [start, end) of its
 * sentence in the text. */
sl_rc sl_store_put_fact(sl_store *st, double value, const char *unit, uint32_t start,
                        uint32_t end);
/* Full-text row: title/body normalised by the caller; names = variants.
 * A title the body opens with is not indexed again. */
sl_rc sl_store_put_fts(sl_store *st, const char *title, const char *body, const char *names);

/* Inserts or updates the event row (sets ev->id) for one more report and
 * writes its summed evidence (ev->sum, one row).  title is used for a new
 * event only. */
sl_rc sl_store_put_event(sl_store *st, sl_event_rec *ev, int64_t story_id, const char *title,
                         const char *lang);
/* Inserts the story when new (sets s->id), then refreshes its dates and
 * counts from its events; removes it when it has no events left. */
sl_rc sl_store_put_story(sl_store *st, sl_story_rec *s, const char *title);

#endif
