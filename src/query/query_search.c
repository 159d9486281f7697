/*
 * query_search — search in any script (read side of the store, query.h).
 *
 * Two routes, unioned, entity hits first:
 *  1. entities: the query is compared with the names the linker stored —
 *     first exactly against entity_variants (an index lookup), then through
 *     phonetic name keys (src/link/names.h) against entities.key, with a
 *     cheap prefilter: only entities whose key shares a word with the
 *     query's key are scored.  So الشرع finds the entity "Ahmed al-Sharaa"
 *     and with it the Vietnamese and English reports that mention it.
 *  2. full text: the query, normalised exactly as doc_fts was filled
 *     (sl_normalize, src/analyze/tokenize.h), each term double-quoted so
 *     FTS5 syntax in user input is inert, MATCHed against doc_fts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_int.h"
#include "analyze/tokenize.h"

#define MAX_ENTITIES 16    /* entities one query may match */
#define MAX_KEY_WORDS 12   /* query key words and readings used by the prefilter */
#define KEY_CAP 512
#define MAX_TERMS 16       /* full-text terms per query */

typedef struct search {
  sl_query *q;
  json_t *ents;      /* matched entities [{id, name, type, how}] */
  json_t *results;   /* hits */
  json_t *seen;      /* doc id -> true */
  int64_t ids[MAX_ENTITIES];
  size_t nids;
  int64_t limit;
} search;

static int have_entity(const search *s, int64_t id) {
  for (size_t i = 0; i < s->nids; i++)
    if (s->ids[i] == id)
      return 1;
  return 0;
}

/* Records entity (id, name, type) as matched by `how`. */
static sl_rc add_entity(search *s, int64_t id, sqlite3_stmt *st, int name_col, int type_col,
                        const char *how) {
  if (have_entity(s, id) || s->nids >= MAX_ENTITIES)
    return SL_OK;
  s->ids[s->nids++] = id;
  json_t *e = json_object();
  if (!e || slq_push(s->ents, e) || slq_set(e, "id", json_integer(id)) ||
      slq_set(e, "name", slq_text(st, name_col)) || slq_set(e, "type", slq_text(st, type_col)) ||
      slq_set(e, "how", json_string(how)))
    return SL_ENOMEM;
  return SL_OK;
}

/* Route 1a: exact variant or canonical name. */
static sl_rc match_variants(search *s, const char *z, size_t n) {
  sqlite3_stmt *st = slq_stmt(s->q, SLQ_SEARCH_VARIANT,
                              "SELECT en.id, en.name, en.type FROM entities en"
                              " WHERE en.id IN (SELECT entity_id FROM entity_variants"
                              "                 WHERE variant = ?1)"
                              " ORDER BY en.doc_count DESC, en.id LIMIT 16");
  sl_rc rc = SL_OK;
  int r;
  if (!st)
    return SL_ESTORE;
  sqlite3_bind_text(st, 1, z, (int)n, SQLITE_TRANSIENT);
  while ((r = sqlite3_step(st)) == SQLITE_ROW && rc == SL_OK)
    rc = add_entity(s, sqlite3_column_int64(st, 0), st, 1, 2, "variant");
  if (rc == SL_OK && r != SQLITE_DONE && r != SQLITE_ROW)
    rc = slq_store_error(s->q, "searching entity variants");
  sqlite3_reset(st);
  return rc;
}

/* Route 1b: phonetic name keys.  Candidates share one key word with the
 * query (prefilter in SQL), then sl_names_score_keys decides. */
static sl_rc match_keys(search *s, const char *z, size_t n) {
  char key[KEY_CAP];
  sl_rc rc = SL_OK;
  sqlite3_stmt *st = NULL;
  int r;

  if (!s->q->names && sl_names_new(&s->q->names) != SL_OK) {
    /* Without transliterators (ICU data missing) search still works
     * through exact variants and the full text: degrade, do not fail. */
    s->q->names = NULL;
    goto out;
  }
  size_t nk = sl_names_key(s->q->names, z, n, key, sizeof key);
  if (nk == 0)
    goto out;
  /* entity_keys indexes the words of every key (the tokenizer splits at
   * ' ', '|' and '@'), so a word finds its entities without a scan */
  st = slq_stmt(s->q, SLQ_SEARCH_KEYWORD,
                "SELECT id, name, type, key FROM entities WHERE id IN"
                " (SELECT rowid FROM entity_keys WHERE entity_keys MATCH ?1)"
                " ORDER BY doc_count DESC, id LIMIT 200");
  if (!st) {
    rc = SL_ESTORE;
    goto out;
  }
  /* Each word of the query's key (space-separated) drives one prefilter,
   * and so does each other reading of a word ("muler|myuler"); the
   * article mark goes ("@asad" meets "asad"): keys are compared reading
   * by reading, article or not, and sl_names_score_keys decides. */
  const char *w = key;
  int words = 0;
  while (*w && words < MAX_KEY_WORDS && rc == SL_OK) {
    while (*w == ' ' || *w == '|' || *w == '@')
      w++;
    const char *e = w;
    while (*e && *e != ' ' && *e != '|')
      e++;
    size_t wn = (size_t)(e - w);
    if (wn >= 2) {
      words++;
      char phrase[2 * KEY_CAP + 3];
      size_t k = 0;
      phrase[k++] = '"';   /* the word as one FTS5 string: its syntax inert */
      for (size_t t = 0; t < wn; t++) {
        if (w[t] == '"')
          phrase[k++] = '"';
        phrase[k++] = w[t];
      }
      phrase[k++] = '"';
      sqlite3_reset(st);
      sqlite3_bind_text(st, 1, phrase, (int)k, SQLITE_TRANSIENT);
      while ((r = sqlite3_step(st)) == SQLITE_ROW && rc == SL_OK) {
        int64_t id = sqlite3_column_int64(st, 0);
        const char *ek = (const char *)sqlite3_column_text(st, 3);
        if (have_entity(s, id) || !ek)
          continue;
        if (sl_names_score_keys(key, ek) >= SL_NAMES_SAME)
          rc = add_entity(s, id, st, 1, 2, "name");
      }
      if (rc == SL_OK && r != SQLITE_DONE && r != SQLITE_ROW)
        rc = slq_store_error(s->q, "searching entity names");
    }
    w = e;
  }
out:
  if (st)
    sqlite3_reset(st);
  return rc;
}

json_t *slq_match_entities(sl_query *q, const char *z, size_t n) {
  search s;
  memset(&s, 0, sizeof s);
  s.q = q;
  s.ents = json_array();
  if (!s.ents || match_variants(&s, z, n) != SL_OK || match_keys(&s, z, n) != SL_OK) {
    json_decref(s.ents);
    return NULL;
  }
  return s.ents;
}

/* Appends the document row st (id, title, lang, published, event, date) to
 * the results unless already there; snip (may be NULL) is attached to the
 * hit or freed. */
static sl_rc add_hit(search *s, sqlite3_stmt *st, const char *why, int64_t entity, json_t *snip) {
  const char *id = (const char *)sqlite3_column_text(st, 0);
  if (!id || json_object_get(s->seen, id) || (int64_t)json_array_size(s->results) >= s->limit) {
    json_decref(snip);
    return SL_OK;
  }
  json_t *h = json_object();
  if (!h || slq_push(s->results, h) || json_object_set_new(s->seen, id, json_true()) ||
      slq_set(h, "doc", slq_text(st, 0)) || slq_set(h, "title", slq_text(st, 1)) ||
      slq_set(h, "lang", slq_text(st, 2)) || slq_set(h, "published", slq_text(st, 3)) ||
      slq_set(h, "event", slq_col(st, 4)) || slq_set(h, "date", slq_text(st, 5)) ||
      slq_set(h, "why", json_string(why)) ||
      (entity > 0 && slq_set(h, "entity", json_integer(entity)))) {
    json_decref(snip);
    return SL_ENOMEM;
  }
  if (snip && slq_set(h, "snippet", snip))
    return SL_ENOMEM;
  return SL_OK;
}

/* ---- snippets: the words around a match, {before, match, after} ---- */

#define SNIP_CONTEXT 90   /* bytes of text kept on each side of a mention */

/* Length of z[0..n) without a UTF-8 sequence cut off at its end. */
static size_t utf8_whole(const unsigned char *z, size_t n) {
  size_t i = n, back = 0;
  while (i > 0 && back < 4 && (z[i - 1] & 0xc0) == 0x80)
    i--, back++;
  if (i == 0)
    return n;
  unsigned c = z[i - 1];
  size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
  return (i - 1) + len > n ? i - 1 : n;
}

/* A JSON string of z[0..n) with line breaks and tabs as spaces and other
 * control characters dropped; NULL when the bytes are not valid UTF-8. */
static json_t *flat_string(const unsigned char *z, size_t n) {
  char buf[4 * SNIP_CONTEXT + 512];
  if (n >= sizeof buf)
    n = utf8_whole(z, sizeof buf - 1);
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '\n' || z[i] == '\r' || z[i] == '\t')
      buf[k++] = ' ';
    else if (z[i] >= 0x20 || z[i] == 0)    /* other controls (snippet marks) dropped */
      buf[k++] = (char)z[i];
  }
  return json_stringn(buf, k);
}

/* {before, match, after} from parts; NULL when any is not valid UTF-8. */
static json_t *snip_object(const unsigned char *b, size_t nb, const unsigned char *m, size_t nm,
                           const unsigned char *a, size_t na) {
  json_t *o = json_object();
  if (!o || slq_set(o, "before", flat_string(b, nb)) || slq_set(o, "match", flat_string(m, nm)) ||
      slq_set(o, "after", flat_string(a, na))) {
    json_decref(o);
    return NULL;
  }
  return o;
}

/* The text around the first mention of entity in document doc (bound as
 * the value v), cut at character boundaries; NULL when unavailable. */
static json_t *mention_snippet(search *s, sqlite3_value *doc, int64_t entity) {
  sqlite3_stmt *st = slq_stmt(s->q, SLQ_SEARCH_SNIPPET,
                              "SELECT m.start, m.end, max(m.start - ?3, 0),"
                              " substr(CAST(sl_text(d.text) AS BLOB), max(m.start - ?3, 0) + 1,"
                              "        m.end - max(m.start - ?3, 0) + ?3)"
                              " FROM mentions m JOIN documents d ON d.rid = m.doc"
                              " WHERE m.doc = ?1 AND m.entity_id = ?2 ORDER BY m.start LIMIT 1");
  json_t *o = NULL;
  if (!st)
    return NULL;
  sqlite3_bind_value(st, 1, doc);
  sqlite3_bind_int64(st, 2, entity);
  sqlite3_bind_int(st, 3, SNIP_CONTEXT);
  if (sqlite3_step(st) == SQLITE_ROW) {
    int64_t start = sqlite3_column_int64(st, 0), end = sqlite3_column_int64(st, 1);
    int64_t base = sqlite3_column_int64(st, 2);
    const unsigned char *z = sqlite3_column_blob(st, 3);
    int64_t n = sqlite3_column_bytes(st, 3);
    int64_t ms = start - base, me = end - base;
    if (z && ms >= 0 && ms <= me && me <= n && me - ms < 4 * SNIP_CONTEXT) {
      size_t b0 = 0;
      while (b0 < (size_t)ms && (z[b0] & 0xc0) == 0x80)   /* cut inside a character */
        b0++;
      if (base > 0)                                       /* cut inside a word */
        for (size_t k = b0; k < (size_t)ms && k < b0 + 24; k++)
          if (z[k] == ' ') {
            b0 = k + 1;
            break;
          }
      size_t alen = utf8_whole(z + me, (size_t)(n - me));
      if (n - me >= SNIP_CONTEXT)                         /* cut inside a word */
        for (size_t k = alen; k > 0 && k + 24 > alen; k--)
          if (z[me + (int64_t)k - 1] == ' ') {
            alen = k - 1;
            break;
          }
      o = snip_object(z + b0, (size_t)ms - b0, z + ms, (size_t)(me - ms), z + me, alen);
    }
  }
  sqlite3_reset(st);
  return o;
}

/* Splits an FTS5 snippet marked with \1 match \2 (maybe several) into
 * an object: the match runs from the first mark to the last. */
static json_t *fts_snippet(const unsigned char *z, size_t n) {
  const unsigned char *a = z ? memchr(z, 1, n) : NULL, *b = NULL;
  if (!a)
    return NULL;
  for (const unsigned char *p = z + n; p > a; p--)
    if (p[-1] == 2) {
      b = p - 1;
      break;
    }
  if (!b)
    return NULL;
  return snip_object(z, (size_t)(a - z), a + 1, (size_t)(b - a - 1), b + 1,
                     n - (size_t)(b + 1 - z));
}

/* The hit row (id, title, lang, published, event, date, text) of one
 * document, its row (documents.rid) to be bound to parameter 1; NULL on
 * error (message in q->err). */
static sqlite3_stmt *doc_stmt(sl_query *q) {
  return slq_stmt(q, SLQ_SEARCH_DOC,
                  "SELECT d.id, d.title, d.lang, d.published, d.event_id, ev.event_date, sl_text(d.text)"
                  " FROM documents d LEFT JOIN events ev ON ev.id = d.event_id WHERE d.rid = ?1");
}

/* Documents mentioning the matched entities, in match order; for each
 * entity those of its newest events first (the entity page's order),
 * within an event the most recently stored first.  Walks entity_events
 * (one row per event of the entity, in date order) and each event's
 * documents, keeping those whose mentions name the entity: the cost
 * follows the number of hits kept, not the number of documents the
 * entity appears in, and the store keeps no index of mentions by entity. */
static sl_rc entity_hits(search *s) {
  sqlite3_stmt *ids = slq_stmt(s->q, SLQ_SEARCH_ENTITY_DOCS,
                               "SELECT d.rid FROM entity_events ee"
                               " JOIN documents d ON d.event_id = ee.event_id"
                               " WHERE ee.entity_id = ?1 AND EXISTS (SELECT 1 FROM mentions m"
                               "  WHERE m.doc = d.rid AND m.entity_id = ?1)"
                               " ORDER BY ee.event_date DESC, ee.event_id DESC, d.rid DESC");
  sqlite3_stmt *doc = doc_stmt(s->q);
  char why[300];
  sl_rc rc = SL_OK;
  int r = SQLITE_DONE;
  if (!ids || !doc)
    return SL_ESTORE;
  for (size_t i = 0; i < s->nids && rc == SL_OK; i++) {
    json_t *e = json_array_get(s->ents, i);
    const char *name = json_string_value(json_object_get(e, "name"));
    snprintf(why, sizeof why, "entity: %s", name ? name : "?");
    sqlite3_reset(ids);
    sqlite3_bind_int64(ids, 1, s->ids[i]);
    while ((int64_t)json_array_size(s->results) < s->limit && rc == SL_OK &&
           (r = sqlite3_step(ids)) == SQLITE_ROW) {
      sqlite3_reset(doc);
      sqlite3_bind_int64(doc, 1, sqlite3_column_int64(ids, 0));
      const char *did = sqlite3_step(doc) == SQLITE_ROW ? (const char *)sqlite3_column_text(doc, 0) : NULL;
      if (did && !json_object_get(s->seen, did))
        rc = add_hit(s, doc, why, s->ids[i], mention_snippet(s, sqlite3_column_value(ids, 0), s->ids[i]));
    }
    if (rc == SL_OK && r != SQLITE_DONE && r != SQLITE_ROW)
      rc = slq_store_error(s->q, "reading documents of an entity");
  }
  sqlite3_reset(doc);
  sqlite3_reset(ids);
  return rc;
}

/* ---- snippets of full-text hits, cut by FTS5 itself ----
 *
 * doc_fts keeps no copy of the text, so the hits' titles and texts,
 * normalised as doc_fts was filled, go into a temporary FTS5 table of the
 * same tokenizer on the reader's own connection (temp.snip, its content
 * in temp.snip_src), all of one answer's hits in one savepoint; one query
 * then cuts every snippet, and the table is emptied. */

/* Makes the temporary tables once per handle; 0 on success. */
static int snip_ready(sl_query *q) {
  if (q->snip_ready)
    return 0;
  if (sqlite3_exec(q->db, "CREATE TEMP TABLE IF NOT EXISTS snip_src(title, body);"
                   "CREATE VIRTUAL TABLE IF NOT EXISTS temp.snip USING fts5(title, body,"
                   " content = 'snip_src', tokenize = 'unicode61 remove_diacritics 2')",
                   NULL, NULL, NULL) != SQLITE_OK)
    return -1;
  q->snip_ready = 1;
  return 0;
}

#define SNIP_TEXT_MAX 65536 /* bytes of a text searched for its snippet */

/* Bytes of hit row doc's text staged for its snippet: a bound on the work
 * one hit costs, whatever the document's length. */
static size_t text_cap(sqlite3_stmt *doc) {
  size_t n = (size_t)sqlite3_column_bytes(doc, 6);
  return n < SNIP_TEXT_MAX ? n : SNIP_TEXT_MAX;
}

/* Stages the title and text of hit row doc (a doc_stmt row) as rowid k;
 * 0 on success. */
static int snip_put(sl_query *q, sqlite3_stmt *doc, int64_t k) {
  sqlite3_stmt *src = slq_stmt(q, SLQ_SNIP_SRC, "INSERT INTO temp.snip_src(rowid, title, body) VALUES(?1, ?2, ?3)");
  sqlite3_stmt *idx = slq_stmt(q, SLQ_SNIP_PUT, "INSERT INTO temp.snip(rowid, title, body) VALUES(?1, ?2, ?3)");
  char *t = NULL, *b = NULL;
  size_t nt = 0, nb = 0;
  int ok = 0;
  if (src && idx &&
      sl_normalize((const char *)sqlite3_column_text(doc, 1), (size_t)sqlite3_column_bytes(doc, 1),
                   &t, &nt) == SL_OK &&
      sl_normalize((const char *)sqlite3_column_text(doc, 6),
                   utf8_whole(sqlite3_column_text(doc, 6), text_cap(doc)), &b, &nb) == SL_OK) {
    ok = 1;
    for (int i = 0; i < 2 && ok; i++) {
      sqlite3_stmt *st = i ? idx : src;
      sqlite3_bind_int64(st, 1, k);
      sqlite3_bind_text(st, 2, t, (int)nt, SQLITE_STATIC);
      sqlite3_bind_text(st, 3, b, (int)nb, SQLITE_STATIC);
      ok = sqlite3_step(st) == SQLITE_DONE;
      sqlite3_reset(st);
      sqlite3_clear_bindings(st);
    }
  }
  free(t);
  free(b);
  return ok ? 0 : -1;
}

/* Sets "snippet" on the staged hits (hits[k] is rowid k) that match expr,
 * then empties the tables. */
static sl_rc snip_cut(sl_query *q, const char *expr, json_t **hits, size_t n) {
  sqlite3_stmt *get = slq_stmt(q, SLQ_SNIP_GET, "SELECT rowid, snippet(snip, -1, char(1), char(2), '…', 14)"
                                                " FROM temp.snip WHERE snip MATCH ?1");
  sl_rc rc = SL_OK;
  if (get) {
    sqlite3_bind_text(get, 1, expr, -1, SQLITE_STATIC);
    while (rc == SL_OK && sqlite3_step(get) == SQLITE_ROW) {
      int64_t k = sqlite3_column_int64(get, 0);
      json_t *o = fts_snippet(sqlite3_column_text(get, 1), (size_t)sqlite3_column_bytes(get, 1));
      if (!o)
        continue;
      if (k < 0 || (size_t)k >= n)
        json_decref(o);
      else if (slq_set(hits[k], "snippet", o))
        rc = SL_ENOMEM;
    }
    sqlite3_reset(get);
    sqlite3_clear_bindings(get);
  }
  sqlite3_exec(q->db, "INSERT INTO temp.snip(snip) VALUES('delete-all'); DELETE FROM temp.snip_src",
               NULL, NULL, NULL);
  return rc;
}

/* Builds the FTS5 expression: every whitespace-separated term of the
 * normalised query as a double-quoted string ("" inside), implicitly
 * ANDed.  Returns the length, 0 when there is no term. */
static size_t fts_expr(const char *z, size_t n, char *dst, size_t cap) {
  size_t k = 0, i = 0;
  int terms = 0;
  while (i < n && terms < MAX_TERMS) {
    while (i < n && (z[i] == ' ' || z[i] == '\t' || z[i] == '\n' || z[i] == '\r'))
      i++;
    if (i >= n)
      break;
    size_t j = i;
    while (j < n && z[j] != ' ' && z[j] != '\t' && z[j] != '\n' && z[j] != '\r')
      j++;
    /* worst case: separator, quotes, every byte doubled, NUL */
    if (k + 2 * (j - i) + 4 >= cap)
      break;
    if (k)
      dst[k++] = ' ';
    dst[k++] = '"';
    for (size_t t = i; t < j; t++) {
      if (z[t] == '"')
        dst[k++] = '"';
      dst[k++] = z[t];
    }
    dst[k++] = '"';
    terms++;
    i = j;
  }
  dst[k] = '\0';
  return terms ? k : 0;
}

/* Route 2: full text. */
static sl_rc text_hits(search *s, const char *z, size_t n) {
  char *norm = NULL;
  size_t nn = 0;
  char expr[4 * SL_QUERY_MAX_TEXT + 64];
  sqlite3_stmt *st = NULL, *doc = NULL;
  sl_rc rc;
  int r = SQLITE_DONE, staged = 0;
  json_t **hits = NULL;   /* text hits with a staged snippet, by rowid */
  size_t nhits = 0;

  if (sl_normalize(z, n, &norm, &nn) != SL_OK) {
    /* ICU failed: the tokenizer's own folding (unicode61) still applies */
    free(norm);
    norm = NULL;
  }
  rc = SL_OK;
  if (fts_expr(norm ? norm : z, norm ? nn : n, expr, sizeof expr) == 0)
    goto out;
  if ((int64_t)json_array_size(s->results) >= s->limit)
    goto out;
  /* Newest first (FTS5 walks rowids backwards cheaply); bm25 ranking would
   * score every match, which costs seconds for a common name in a large
   * store. */
  st = slq_stmt(s->q, SLQ_SEARCH_FTS,
                "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?1 ORDER BY rowid DESC");
  doc = doc_stmt(s->q);
  if (!st || !doc) {
    rc = SL_ESTORE;
    goto out;
  }
  staged = snip_ready(s->q) == 0 && sqlite3_exec(s->q->db, "SAVEPOINT snip", NULL, NULL, NULL) == SQLITE_OK;
  hits = calloc((size_t)s->limit, sizeof *hits);
  if (!hits) {
    rc = SL_ENOMEM;
    goto out;
  }
  sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
  while ((int64_t)json_array_size(s->results) < s->limit && rc == SL_OK &&
         (r = sqlite3_step(st)) == SQLITE_ROW) {
    sqlite3_reset(doc);
    sqlite3_bind_value(doc, 1, sqlite3_column_value(st, 0));
    if (sqlite3_step(doc) != SQLITE_ROW)
      continue;
    size_t before = json_array_size(s->results);
    rc = add_hit(s, doc, "text", 0, NULL);
    if (rc == SL_OK && json_array_size(s->results) > before && staged &&
        snip_put(s->q, doc, (int64_t)nhits) == 0)
      hits[nhits++] = json_array_get(s->results, before);
  }
  if (rc == SL_OK && r != SQLITE_DONE && r != SQLITE_ROW)
    rc = slq_store_error(s->q, "full-text search");
  if (rc == SL_OK && nhits)
    rc = snip_cut(s->q, expr, hits, nhits);
out:
  if (staged)
    sqlite3_exec(s->q->db, "RELEASE snip", NULL, NULL, NULL);
  free(hits);
  if (doc)
    sqlite3_reset(doc);
  if (st)
    sqlite3_reset(st);
  free(norm);
  return rc;
}

sl_rc sl_query_search(sl_query *q, const char *z, size_t n, int64_t limit, json_t **out) {
  search s;
  sl_rc rc = SL_OK;
  json_t *o = NULL;

  *out = NULL;
  memset(&s, 0, sizeof s);
  s.q = q;
  s.limit = limit > 0 ? (limit > SL_QUERY_MAX_LIMIT ? SL_QUERY_MAX_LIMIT : limit)
                      : SL_QUERY_DEFAULT_LIMIT;
  if (n > SL_QUERY_MAX_TEXT)
    return slq_fail(q, SL_ETOOBIG, "query longer than %d bytes", SL_QUERY_MAX_TEXT);
  if (!z || !slq_utf8_ok(z, n))
    return slq_fail(q, SL_EINVAL, "query is not valid UTF-8 or holds control characters");
  while (n && (*z == ' ' || *z == '\t'))
    z++, n--;
  while (n && (z[n - 1] == ' ' || z[n - 1] == '\t'))
    n--;
  if (n == 0)
    return slq_fail(q, SL_EINVAL, "empty query");

  o = json_object();
  s.ents = json_array();
  s.results = json_array();
  s.seen = json_object();
  if (!o || !s.ents || !s.results || !s.seen || slq_set(o, "query", json_stringn(z, n))) {
    rc = SL_ENOMEM;
    goto out;
  }
  if ((rc = match_variants(&s, z, n)) != SL_OK || (rc = match_keys(&s, z, n)) != SL_OK ||
      (rc = entity_hits(&s)) != SL_OK || (rc = text_hits(&s, z, n)) != SL_OK)
    goto out;
  if (json_object_set(o, "entities", s.ents) || json_object_set(o, "results", s.results))
    rc = SL_ENOMEM;
out:
  json_decref(s.ents);
  json_decref(s.results);
  json_decref(s.seen);
  if (rc != SL_OK) {
    if (rc == SL_ENOMEM)
      slq_fail(q, rc, "out of memory");
    json_decref(o);
    return rc;
  }
  *out = o;
  return SL_OK;
}
