/*
 * linker — binds each mention to one canonical entity across scripts
 * (stage 7 of the data flow: بوتين = Путин = Putin).
 *
 * Places from the gazetteer link by their CLDR code.  Other names link
 * through the names module: a mention's phonetic key is compared only with
 * the entities whose family name shares its blocking code (sl_names_block;
 * an inverted index), never with all entities.  A one-word mention links to a
 * longer name only on its family name, and only when that is safe: the
 * full name was linked in the same document, or exactly one entity of the
 * type carries that family name.  Unmatched names become new entities.
 * The linker lives in memory; the store loads it and persists its changes.
 */
#ifndef SL_LINKER_H
#define SL_LINKER_H

#include "storyline/storyline.h"
#include "analyze/mentions.h"
#include "util/strmap.h"

typedef struct sl_linker sl_linker;

typedef struct sl_entity {
  int64_t id;          /* store row id; 0 until stored */
  sl_ent_type type;
  char *name;          /* canonical display name */
  char *key;           /* names key of the canonical name */
  char *gaz_code;      /* gazetteer code, or NULL */
  int name_rank;       /* how good name is as a display name */
  int dirty;           /* name/key changed since last stored */
  int64_t mentions, docs;
  uint32_t stamp;      /* linker scratch: last search that scored it */
  uint64_t fam_hash;   /* linker scratch: hash of its key's family name, 0 unknown */
  uint32_t fam_off, fam_len; /* linker scratch: that family name in key (with fam_hash) */
  uint32_t nwords;     /* linker scratch: words of its key, 0 unknown */
} sl_entity;

/* New empty linker.  Not thread-safe.  Free with sl_linker_free. */
sl_rc sl_linker_new(sl_linker **out);
void sl_linker_free(sl_linker *lk);

/* Adds a stored entity (load path), found by its id from then on.  The
 * variant surfaces are added with sl_linker_add_variant.  Returns the
 * entity's index. */
sl_rc sl_linker_load_entity(sl_linker *lk, int64_t id, sl_ent_type type, const char *name,
                            const char *gaz_code, int64_t mentions, int64_t docs, size_t *idx);
sl_rc sl_linker_add_variant(sl_linker *lk, size_t idx, const char *surface, size_t n);

/* Known-name callback for sl_mentions_find (ctx = the linker). */
int sl_linker_known(void *ctx, const char *norm, size_t n, sl_ent_type *type);

/* Occurrences of each normalised name among mentions ms[0..nm), built in
 * one pass: the count in the low 32 bits, the sightings that do not open a
 * sentence above them.  NULL when out of memory; free with sl_strmap_free. */
sl_strmap *sl_linker_count_names(const sl_mention *ms, size_t nm);

/* Links the mentions of one document (text z[0..n), language lang).
 * ent[i] receives the entity index of ms[i], or -1 when the mention is
 * not kept.  New entities and variants are added to the linker. */
sl_rc sl_linker_link(sl_linker *lk, const char *lang, const char *z, size_t n,
                     const sl_mention *ms, size_t nm, long *ent);

size_t sl_linker_count(const sl_linker *lk);
/* The entity with store id id, or NULL (hash lookup). */
sl_entity *sl_linker_by_id(sl_linker *lk, int64_t id);
/* Indexes entity idx under the store id just given to it, so
 * sl_linker_by_id finds it without a scan.  SL_ENOMEM on failure. */
sl_rc sl_linker_note_id(sl_linker *lk, size_t idx);
sl_entity *sl_linker_entity(sl_linker *lk, size_t idx);

#endif
