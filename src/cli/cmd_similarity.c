/*
 * cmd_similarity — `storyline similarity [--json] [--threshold X]`: scores
 * whether the two articles of each pair report the same happening.  Reads
 * JSON Lines records {pair_id, text1, text2, lang1?, lang2?, title1?,
 * title2?, published1?, published2?} on stdin and writes one line per pair:
 * the score in [0,1], same_event (score >= threshold) and the parts of the
 * evidence (persons, places, orgs, dates, numbers, eventwords, topics,
 * words, tokens, caps, lead, translated, translated_lead; see
 * cluster/similarity.h) so a reader sees
 * why; with --json also named_by_both, the kinds both texts name (a kind
 * there with a part below 1 names things apart, which counts against the
 * pair).  TSV with a header line by default, JSON with --json; --explain
 * adds what the two texts share, named (entities, numbers, event words,
 * topics, their rarest common words).
 *
 * A thin layer over src/pipeline/pairdoc and src/cluster/similarity: line
 * reading, JSON, UTF-8 repair and printing only.  One linker serves the
 * whole run, so names link across pairs and scripts.  Bytes that are not
 * UTF-8 become U+FFFD (reported, the pair still scored); bad records
 * (invalid JSON, a missing text, a line over MAX_LINE bytes) are reported
 * on stderr with their line number and skipped; the exit status is 1 only
 * when no pair could be scored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <jansson.h>

#include "cli/commands.h"
#include "cluster/similarity.h"
#include "pipeline/pairdoc.h"
#include "util/utf8.h"

#define MAX_LINE (8u * 1024u * 1024u) /* one record: two articles */
#define MAX_FIELD 64u                 /* pair_id, lang printed back */
#define BATCH 4096u                   /* pairs read before scoring */

/* A pair read and analysed, waiting for the batch's document counts. */
typedef struct pending {
  char id[MAX_FIELD], l1[8], l2[8];
  sl_featvec va, vb;
  sl_labels la; /* --explain: the words behind va's features */
  int empty;    /* a text had no article: printed with score 0 */
} pending;

typedef struct opts {
  int json;
  int explain;
  double threshold;
  int have_threshold;
} opts;

static void usage(FILE *f) {
  fprintf(f, "usage: storyline similarity [--json] [--explain] [--threshold X] < pairs.jsonl\n"
             "  records: {\"pair_id\", \"text1\", \"text2\", \"lang1\", \"lang2\", \"title1\", \"title2\"}\n"
             "  prints pair_id, score, same_event and the parts of the evidence per pair\n"
             "  (TSV with a header, or JSON Lines with --json, which also lists in\n"
             "  named_by_both the kinds both texts name: named apart, they count against).\n"
             "  Default threshold %.3f.\n"
             "  --explain adds what the two texts share: persons, places, orgs, numbers,\n"
             "  event words, topics, words and words that meet through the dictionaries\n"
             "  (translated) (a JSON field \"shared\", or a last TSV column).\n"
             "  A text with no article (blank, or page furniture only) shares nothing:\n"
             "  its pair is scored 0, with a note on stderr.\n",
          SL_SAME_EVENT);
}

/* A record is cJSON's tree of one line.  cJSON reads a long text at a
 * few instructions a byte where jansson spent ~150 (reading was a tenth
 * of a run); jansson still writes --explain's JSON.  cJSON passes bytes
 * through unchecked, so the line is made valid UTF-8 before it is parsed. */

/* A string field of record r, or NULL; whole numbers (pair ids) are
 * printed into tmp. */
static const char *field(const cJSON *r, const char *key, char *tmp, size_t ntmp, size_t *n) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(r, key);
  *n = 0;
  if (cJSON_IsString(v) && v->valuestring) {
    *n = strlen(v->valuestring);
    return v->valuestring;
  }
  double d = cJSON_IsNumber(v) ? v->valuedouble : 0.5;
  if (tmp && d == (double)(long long)d && d > -9007199254740992.0 && d < 9007199254740992.0) {
    int k = snprintf(tmp, ntmp, "%lld", (long long)d);
    *n = k > 0 ? (size_t)k : 0;
    return tmp;
  }
  return NULL;
}

/* A text field made ready for analysis: a copy with a leading byte-order
 * mark dropped and Latin-1 mojibake repaired (the line was made valid
 * UTF-8 before parsing).  Caller frees; NULL when missing or out of
 * memory. */
static char *text_field(const cJSON *o, const char *key, size_t *n) {
  size_t len;
  const char *z = field(o, key, NULL, 0, &len);
  if (!z)
    return NULL;
  if (len >= 3 && !memcmp(z, "\xEF\xBB\xBF", 3)) {
    z += 3;
    len -= 3;
  }
  char *s = malloc(len + 1);
  if (!s)
    return NULL;
  memcpy(s, z, len);
  *n = sl_utf8_repair_mojibake(s, len);
  s[*n] = 0;
  return s;
}

/* A short field copied for printing: control characters and quotes
 * become '_' so TSV and JSON stay well-formed. */
static void short_field(const cJSON *o, const char *key, char *dst, size_t cap, const char *dflt) {
  char tmp[32];
  size_t n;
  const char *z = field(o, key, tmp, sizeof tmp, &n);
  if (!z) {
    snprintf(dst, cap, "%s", dflt);
    return;
  }
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < cap; i++) {
    unsigned char c = (unsigned char)z[i];
    dst[k++] = c < 0x20 || c == '"' || c == '\\' || c >= 0x80 ? '_' : (char)c;
  }
  dst[k] = 0;
}

/* The kinds --explain lists, in its order, with their JSON names. */
static const struct {
  sl_feat_kind kind;
  const char *name;
  size_t max; /* entries listed at most */
} SHARED[] = {{SL_F_PERSON, "persons", 20}, {SL_F_PLACE, "places", 20}, {SL_F_ORG, "orgs", 20},
              {SL_F_NUMBER, "numbers", 20}, {SL_F_EVENTWORD, "event_words", 20},
              {SL_F_TOPIC, "topics", 20}, {SL_F_TERM, "words", 12}, {SL_F_TRANS, "translated", 12}};

/* What the pair's two vectors share, by kind, named (JSON object; NULL
 * when out of memory).  Words come rarest first: the ones that say most. */
static json_t *shared_of(sl_pairdoc *pd, const pending *pe, const sl_df *df) {
  json_t *o = json_object();
  for (size_t k = 0; o && k < sizeof SHARED / sizeof SHARED[0]; k++) {
    json_t *arr = json_array();
    uint64_t best[64];
    uint32_t bestdf[64];
    size_t nbest = 0;
    for (size_t i = 0, j = 0; arr && i < pe->va.n && j < pe->vb.n;) {
      uint64_t fa = pe->va.v[i].id, fb = pe->vb.v[j].id;
      if (fa != fb) {
        i += fa < fb;
        j += fb < fa;
        continue;
      }
      i++, j++;
      if (sl_feat_kind_of(fa) != SHARED[k].kind)
        continue;
      /* keep the max rarest: insertion into a short sorted list */
      uint32_t d = sl_df_count(df, fa);
      size_t at = nbest;
      while (at > 0 && bestdf[at - 1] > d)
        at--;
      if (at >= SHARED[k].max)
        continue;
      if (nbest < SHARED[k].max)
        nbest++;
      memmove(best + at + 1, best + at, (nbest - 1 - at) * sizeof *best);
      memmove(bestdf + at + 1, bestdf + at, (nbest - 1 - at) * sizeof *bestdf);
      best[at] = fa;
      bestdf[at] = d;
    }
    for (size_t b = 0; arr && b < nbest; b++) {
      const char *label = sl_pairdoc_entity_name(pd, best[b]);
      if (!label)
        label = sl_labels_get(&pe->la, best[b]);
      json_t *js = label ? json_string(label) : NULL; /* NULL too for bad UTF-8 */
      if (js && json_array_append_new(arr, js) != 0) {
        json_decref(arr);
        arr = NULL;
      }
    }
    if (!arr || json_object_set_new(o, SHARED[k].name, arr) != 0) {
      json_decref(o);
      o = NULL;
    }
  }
  return o;
}

/* The kinds both texts name (shared or not) as a JSON array into buf: a
 * kind both name with an overlap below 1 names things apart. */
static const char *both_json(unsigned both, char *buf, size_t cap) {
  static const char *const KIND[] = {"persons", "places", "orgs", "numbers", "eventwords", "topics",
                                     "translated"};
  size_t n = 0;
  buf[n++] = '[';
  for (unsigned k = 0; k < sizeof KIND / sizeof KIND[0]; k++)
    if (both & (1u << k))
      n += (size_t)snprintf(buf + n, cap - n, "%s\"%s\"", n > 1 ? "," : "", KIND[k]);
  snprintf(buf + n, cap - n, "]");
  return buf;
}

static void print_pair(const opts *o, const char *id, const char *l1, const char *l2,
                       const sl_sim_parts *p, json_t *shared) {
  int same = p->score >= o->threshold;
  char *why = shared ? json_dumps(shared, JSON_COMPACT) : NULL;
  char both[96];
  if (o->json)
    printf("{\"pair_id\":\"%s\",\"lang1\":\"%s\",\"lang2\":\"%s\",\"score\":%.4f,\"same_event\":%d,"
           "\"parts\":{\"persons\":%.4f,\"places\":%.4f,\"orgs\":%.4f,\"dates\":%.4f,"
           "\"numbers\":%.4f,\"eventwords\":%.4f,\"topics\":%.4f,\"words\":%.4f,"
           "\"tokens\":%.4f,\"caps\":%.4f,\"lead\":%.4f,\"translated\":%.4f,\"translated_lead\":%.4f},\"named_by_both\":%s,"
           "\"same_lang\":%d,\"same_script\":%d,\"caps_both\":%d%s%s}\n",
           id, l1, l2, p->score, same, p->persons, p->places, p->orgs, p->dates, p->numbers,
           p->eventwords, p->topics, p->words, p->tokens, p->caps, p->lead, p->translated, p->translated_lead,
           both_json(p->both, both, sizeof both), p->same_lang, p->same_script, p->caps_both,
           why ? ",\"shared\":" : "", why ? why : "");
  else
    printf("%s\t%.4f\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f%s%s\n",
           id, p->score, same, p->persons, p->places, p->orgs, p->dates, p->numbers, p->eventwords,
           p->topics, p->words, p->tokens, p->caps, p->lead, p->translated, p->translated_lead,
           o->explain ? "\t" : "", why ? why : "");
  free(why);
}

/* stdin read in blocks, lines found with memchr: sl_read_line's byte at a
 * time was 1.5% of a run.  Ingest keeps sl_read_line: fread waits for a
 * whole block, and ingest takes each record of a slow stream as it
 * comes.  The same contract as sl_read_line: the line without its '\n',
 * NUL-terminated, at most max bytes kept (*toolong set beyond them, the
 * rest skipped); 1 when a line was read, 0 at the end, -1 when out of
 * memory. */
typedef struct reader {
  FILE *f;
  size_t at, n;
  char blk[1u << 16];
} reader;

static int next_line(reader *r, char **buf, size_t *cap, size_t max, size_t *len, int *toolong) {
  size_t n = 0;
  int any = 0;
  *toolong = 0;
  for (;;) {
    if (r->at == r->n) {
      r->at = 0;
      if (!(r->n = fread(r->blk, 1, sizeof r->blk, r->f)))
        break;
    }
    any = 1;
    const char *s = r->blk + r->at, *nl = memchr(s, '\n', r->n - r->at);
    size_t take = nl ? (size_t)(nl - s) : r->n - r->at;
    size_t keep = n >= max ? 0 : take < max - n ? take : max - n;
    if (keep < take)
      *toolong = 1;
    if (n + keep + 1 > *cap) {
      size_t nc = *cap ? *cap : 4096;
      while (nc < n + keep + 1)
        nc *= 2;
      if (nc > max + 1)
        nc = max + 1;
      char *nb = realloc(*buf, nc);
      if (!nb)
        return -1;
      *buf = nb;
      *cap = nc;
    }
    memcpy(*buf + n, s, keep);
    n += keep;
    r->at += take + (nl != NULL);
    if (nl)
      break;
  }
  if (*buf)
    (*buf)[n] = 0;
  *len = n;
  return any;
}

/* Analyses one record into *pe; returns 1 when ready to score, 0 when
 * reported and skipped, -1 on a failure that ends the run. */
static int read_record(sl_pairdoc *pd, const opts *o, const char *line, size_t n, size_t lineno,
                       pending *pe) {
  cJSON *rec = NULL;
  char *t1 = NULL, *t2 = NULL;
  char *id = pe->id, in1[8], in2[8];
  size_t n1 = 0, n2 = 0, tn, nbad = 0, nfixed = 0;
  int ret = 0;
  /* bytes that are not UTF-8 become U+FFFD: the pair is still scored */
  char *fixed = sl_utf8_sanitize(line, n, &nfixed, &nbad);
  if (!fixed) {
    fprintf(stderr, "storyline similarity: line %zu: out of memory\n", lineno);
    return -1;
  }
  /* the terminating NUL is part of the text: nothing may follow the record */
  if (!(rec = cJSON_ParseWithLengthOpts(fixed, nfixed + 1, NULL, 1))) {
    const char *at = cJSON_GetErrorPtr();
    size_t col = at && at >= fixed && at <= fixed + nfixed ? (size_t)(at - fixed) + 1 : 0;
    fprintf(stderr, "storyline similarity: line %zu: invalid JSON at column %zu\n", lineno, col);
    goto out;
  }
  if (!cJSON_IsObject(rec)) {
    fprintf(stderr, "storyline similarity: line %zu: record is not a JSON object\n", lineno);
    goto out;
  }
  if (nbad)
    fprintf(stderr, "storyline similarity: line %zu: invalid UTF-8 replaced by U+FFFD\n", lineno);
  t1 = text_field(rec, "text1", &n1);
  t2 = text_field(rec, "text2", &n2);
  if (!t1 || !t2) {
    fprintf(stderr, "storyline similarity: line %zu: record needs string fields \"text1\" and \"text2\"\n",
            lineno);
    goto out;
  }
  char numid[32];
  snprintf(numid, sizeof numid, "%zu", lineno);
  short_field(rec, "pair_id", id, MAX_FIELD, numid);
  short_field(rec, "lang1", in1, sizeof in1, "");
  short_field(rec, "lang2", in2, sizeof in2, "");
  sl_pairdoc_text a = {id, in1, field(rec, "title1", NULL, 0, &tn),
                       field(rec, "published1", NULL, 0, &tn), t1, n1};
  sl_pairdoc_text b = {id, in2, field(rec, "title2", NULL, 0, &tn),
                       field(rec, "published2", NULL, 0, &tn), t2, n2};
  const char *why = NULL;
  sl_labels_clear(&pe->la);
  snprintf(pe->l1, sizeof pe->l1, "und"); /* until the analysis says */
  snprintf(pe->l2, sizeof pe->l2, "und");
  sl_pairdoc_pair_out po = {&pe->va, &pe->vb, pe->l1, pe->l2, o->explain ? &pe->la : NULL};
  sl_rc rc = sl_pairdoc_pair(pd, &a, &b, &po, &why);
  if (rc == SL_OK && o->explain)
    sl_labels_finish(&pe->la);
  if (rc == SL_ENOMEM) {
    fprintf(stderr, "storyline similarity: line %zu: out of memory\n", lineno);
    ret = -1;
    goto out;
  }
  pe->empty = rc == SL_EEMPTY;
  if (pe->empty) {
    /* a text of nothing but page furniture shares nothing with the other:
     * the pair is still answered, so that no pair goes missing */
    fprintf(stderr, "storyline similarity: line %zu: %s: scored 0\n", lineno, why ? why : sl_strerror(rc));
    rc = SL_OK;
  }
  if (rc != SL_OK) {
    fprintf(stderr, "storyline similarity: line %zu: %s\n", lineno, why ? why : sl_strerror(rc));
    goto out;
  }
  ret = 1;
out:
  free(t1);
  free(t2);
  cJSON_Delete(rec);
  free(fixed);
  return ret;
}

/* Counts the batch's documents, then scores and prints its pairs. */
static sl_rc flush_batch(const opts *o, sl_pairdoc *pd, sl_df *df, pending *batch, size_t n) {
  sl_rc rc = SL_OK;
  for (size_t i = 0; i < n && rc == SL_OK; i++) {
    if (batch[i].empty)
      continue;
    rc = sl_df_add(df, &batch[i].va);
    if (rc == SL_OK)
      rc = sl_df_add(df, &batch[i].vb);
  }
  for (size_t i = 0; i < n && rc == SL_OK; i++) {
    sl_sim_parts p;
    if (batch[i].empty) {
      memset(&p, 0, sizeof p);
      p.dates = -1;
      print_pair(o, batch[i].id, batch[i].l1, batch[i].l2, &p, NULL);
      continue;
    }
    sl_similarity_df(&batch[i].va, &batch[i].vb, df, &p);
    json_t *shared = NULL;
    if (o->explain && !(shared = shared_of(pd, &batch[i], df))) {
      rc = SL_ENOMEM;
      break;
    }
    print_pair(o, batch[i].id, batch[i].l1, batch[i].l2, &p, shared);
    json_decref(shared);
  }
  return rc;
}

int cmd_similarity(int argc, char **argv) {
  opts o = {0, 0, SL_SAME_EVENT, 0};
  sl_pairdoc *pd = NULL;
  sl_df *df = NULL;
  pending *batch = NULL;
  reader *in = NULL;
  char *line = NULL;
  size_t cap = 0, len, lineno = 0, scored = 0, skipped = 0, nb = 0;
  int toobig, status = 1;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--json"))
      o.json = 1;
    else if (!strcmp(argv[i], "--explain"))
      o.explain = 1;
    else if (!strcmp(argv[i], "--threshold") && i + 1 < argc) {
      char *end;
      o.threshold = strtod(argv[++i], &end);
      if (*end || end == argv[i] || !(o.threshold >= 0 && o.threshold <= 1)) {
        fprintf(stderr, "storyline similarity: --threshold needs a number in [0,1], not \"%s\"\n", argv[i]);
        status = 2;
        goto out;
      }
    } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
      usage(stdout);
      status = 0;
      goto out;
    } else {
      usage(stderr);
      status = 2;
      goto out;
    }
  }
  sl_rc rc = sl_pairdoc_new(&pd);
  if (rc == SL_OK)
    rc = sl_df_new(&df);
  if (rc == SL_OK && !(batch = calloc(BATCH, sizeof *batch)))
    rc = SL_ENOMEM;
  if (rc == SL_OK && !(in = calloc(1, sizeof *in)))
    rc = SL_ENOMEM;
  if (rc != SL_OK) {
    fprintf(stderr, "storyline similarity: cannot start: %s\n", sl_strerror(rc));
    goto out;
  }
  for (size_t i = 0; i < BATCH; i++) {
    sl_featvec_init(&batch[i].va);
    sl_featvec_init(&batch[i].vb);
    sl_labels_init(&batch[i].la);
  }
  if (!o.json)
    printf("pair_id\tscore\tsame_event\tpersons\tplaces\torgs\tdates\tnumbers\teventwords\ttopics\t"
           "words\ttokens\tcaps\tlead\ttranslated\ttranslated_lead%s\n", o.explain ? "\tshared" : "");
  int got;
  in->f = stdin;
  while ((got = next_line(in, &line, &cap, MAX_LINE, &len, &toobig)) > 0) {
    lineno++;
    if (toobig) {
      fprintf(stderr, "storyline similarity: line %zu: longer than %u bytes, skipped\n", lineno, MAX_LINE);
      skipped++;
      continue;
    }
    size_t k = 0;
    while (k < len && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
      k++;
    if (k == len)
      continue; /* blank lines separate nothing */
    int r = read_record(pd, &o, line, len, lineno, &batch[nb]);
    if (r < 0)
      goto out;
    if (!r) {
      skipped++;
      continue;
    }
    scored++;
    if (++nb == BATCH) {
      if ((rc = flush_batch(&o, pd, df, batch, nb)) != SL_OK)
        goto fail;
      nb = 0;
    }
  }
  if (got < 0) {
    rc = SL_ENOMEM;
    goto fail;
  }
  if ((rc = flush_batch(&o, pd, df, batch, nb)) != SL_OK)
    goto fail;
  if (ferror(stdin))
    fprintf(stderr, "storyline similarity: error reading standard input\n");
  if (fflush(stdout) != 0) {
    fprintf(stderr, "storyline similarity: cannot write output\n");
    goto out;
  }
  if (!scored)
    fprintf(stderr, "storyline similarity: no pair could be scored (%zu skipped)\n", skipped);
  status = scored ? 0 : 1;
  goto out;
fail:
  fprintf(stderr, "storyline similarity: %s\n", sl_strerror(rc));
out:
  if (batch)
    for (size_t i = 0; i < BATCH; i++) {
      sl_featvec_free(&batch[i].va);
      sl_featvec_free(&batch[i].vb);
      sl_labels_free(&batch[i].la);
    }
  free(batch);
  free(in);
  free(line);
  sl_df_free(df);
  sl_pairdoc_free(pd);
  return status;
}
