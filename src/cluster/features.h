/*
 * features — the evidence a document (or an event) offers for the
 * question "same happening?": linked persons, places and organisations,
 * the event's day, numbers and quantities, multilingual event words, and
 * word stems (which only meet within one language, since their ids carry
 * the language), surface tokens that cross languages written alike (names,
 * acronyms, cognates) and the language itself.  A vector is sorted by feature id; an event's vector is
 * the sum of its documents' vectors.
 */
#ifndef SL_FEATURES_H
#define SL_FEATURES_H

#include "storyline/storyline.h"

typedef enum sl_feat_kind {
  SL_F_PERSON = 0, SL_F_PLACE, SL_F_ORG, SL_F_NUMBER, SL_F_EVENTWORD, SL_F_TERM,
  SL_F_SURFACE, /* a token's accent-free form, shared across languages */
  SL_F_LANG,    /* the document's language */
  SL_F_SCRIPT,  /* the document's main script */
  SL_F_CAPS,    /* surface form of a capitalised word inside a sentence */
  SL_F_LEAD,    /* surface form of a word of the title and lead */
  SL_F_TOPIC,   /* a news topic (epidemic, economy, ...), any language */
  SL_F_LATIN,   /* flag: capitalised Latin-script words (names a text quotes) */
  SL_F_TRANS,   /* an English word stem: the word itself, or a translation */
  SL_F_TRANS_LEAD, /* the same, of a word of the title and lead */
  SL_F_NKINDS
} sl_feat_kind;

#define SL_NO_DAY INT32_MIN

typedef struct sl_feat {
  uint64_t id;   /* kind in the top byte, value hash below */
  float w;
} sl_feat;

typedef struct sl_featvec {
  sl_feat *v;
  size_t n, cap;
  int32_t day;   /* the happening's day, days since 1970-01-01, or SL_NO_DAY */
  int32_t ndocs; /* documents summed into this vector */
} sl_featvec;

static inline sl_feat_kind sl_feat_kind_of(uint64_t id) { return (sl_feat_kind)(id >> 56); }

/* Feature id of kind k for the value z[0..n). */
uint64_t sl_feat_id(sl_feat_kind k, const char *z, size_t n);
/* The same for a value already hashed (sl_hash64): one hash, several kinds. */
uint64_t sl_feat_hashed(sl_feat_kind k, uint64_t h);
/* Feature id of an entity (stable store id). */
uint64_t sl_feat_entity(sl_feat_kind k, int64_t entity_id);
/* The entity id of a feature made by sl_feat_entity. */
static inline int64_t sl_feat_entity_of(uint64_t id) { return (int64_t)(id & 0x00FFFFFFFFFFFFFFull); }

/* The key of a number feature: snprintf's "%.6g%s" of value and unit
 * into buf (cap bytes), with whole numbers below a million (most of a
 * text's numbers) written without snprintf.  Returns snprintf's count. */
int sl_feat_number_key(double value, const char *unit, char *buf, size_t cap);

void sl_featvec_init(sl_featvec *v);
void sl_featvec_free(sl_featvec *v);

/* Adds weight w to feature id (unsorted until sl_featvec_finish). */
sl_rc sl_featvec_push(sl_featvec *v, uint64_t id, float w);
/* Sorts by id and merges duplicates (summing weights). */
void sl_featvec_finish(sl_featvec *v);
/* acc += doc (both finished); acc->ndocs counts the documents. */
sl_rc sl_featvec_add(sl_featvec *acc, const sl_featvec *doc);
/* Index of the first feature of finished v whose id is >= id (v->n when
 * none): the features of one kind are the run that starts at
 * sl_featvec_lower(v, sl_feat_hashed(kind, 0)). */
size_t sl_featvec_lower(const sl_featvec *v, uint64_t id);

/* Days since 1970-01-01 of a Gregorian date (day-level dates only). */
int32_t sl_days_from_civil(int y, int m, int d);

#endif
