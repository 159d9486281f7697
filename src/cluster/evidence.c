/*
 * evidence — document to evidence vector (see evidence.h).
 *
 * Word stems carry their language, so they only meet within it.  Surface
 * tokens are the same words with Latin diacritics removed and without a
 * language, cut to their first SURFACE_CHARS letters: names, acronyms and
 * many cognates ("Merkel", "WHO", "ministro"/"minister") are written alike
 * across the Latin-script languages, and this is what such pairs share
 * when the mention finder missed a name.  Translated stems are English
 * word stems: an English word's own, another language's translations
 * from the dictionary table (translate.h), so that "Erdbeben" and
 * "earthquake" meet.  The first LEAD_TOKENS words (title and lead) count
 * twice, and their surface forms and English stems also stand apart.
 * Lengths and weights were chosen on the dev pairs with
 * tools/fit_similarity.py (cross-validated r).
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unicode/unorm2.h>

#include "cluster/eventwords.h"
#include "cluster/evidence.h"
#include "cluster/translate.h"
#include "util/strmap.h" /* sl_hash64 */

#define SURFACE_CHARS 5 /* letters kept of a surface token */
#define LEAD_TOKENS 20  /* words of the title and lead, which say what happened */
#define LEAD_WEIGHT 2.0f
#define MAX_TRANSLATIONS 3 /* a word's first senses in the dictionary */
#define FOLD_FIRST 0xC0u
#define FOLD_LAST 0x24Fu

/* Latin letter with diacritics -> its ASCII base letter (0: none). */
static char FOLD[FOLD_LAST - FOLD_FIRST + 1];
static pthread_once_t FOLD_ONCE = PTHREAD_ONCE_INIT;

static void build_fold(void) {
  UErrorCode err = U_ZERO_ERROR;
  const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
  for (uint32_t c = FOLD_FIRST; c <= FOLD_LAST && U_SUCCESS(err); c++) {
    UChar d[8];
    UErrorCode e2 = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition(nfd, (UChar32)c, d, 8, &e2);
    if (U_SUCCESS(e2) && n > 0 && d[0] < 0x80 &&
        ((d[0] >= 'a' && d[0] <= 'z') || (d[0] >= 'A' && d[0] <= 'Z')))
      FOLD[c - FOLD_FIRST] = (char)(d[0] | 0x20);
  }
  /* letters without a decomposition */
  FOLD[0xF8 - FOLD_FIRST] = 'o';  /* ø */
  FOLD[0x111 - FOLD_FIRST] = 'd'; /* đ */
  FOLD[0x131 - FOLD_FIRST] = 'i'; /* ı */
  FOLD[0x142 - FOLD_FIRST] = 'l'; /* ł */
}

/* The surface form of token norm z[0..n) into out (cap bytes): Latin
 * diacritics dropped, at most SURFACE_CHARS code points.  Returns its
 * length. */
static size_t surface(const char *z, size_t n, char *out, size_t cap) {
  size_t o = 0, chars = 0;
  for (size_t i = 0; i < n && chars < SURFACE_CHARS;) {
    unsigned char c = (unsigned char)z[i];
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (i + len > n)
      break;
    if (len == 2) {
      uint32_t cp = ((uint32_t)(c & 0x1F) << 6) | ((unsigned char)z[i + 1] & 0x3F);
      if (cp >= FOLD_FIRST && cp <= FOLD_LAST && FOLD[cp - FOLD_FIRST]) {
        if (o + 1 > cap)
          break;
        out[o++] = FOLD[cp - FOLD_FIRST];
        i += 2;
        chars++;
        continue;
      }
    }
    if (o + len > cap)
      break;
    for (size_t k = 0; k < len; k++) /* one character: no memcpy call */
      out[o + k] = z[i + k];
    o += len;
    i += len;
    chars++;
  }
  return o;
}

/* 1 when z[0..n) is ASCII: a surface form of Latin letters and digits. */
static int is_ascii(const char *z, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)z[i] >= 0x80)
      return 0;
  return 1;
}

sl_rc sl_evidence_build(const sl_analysis *a, const int64_t *ids, const sl_ent_type *types,
                        sl_featvec *out) {
  return sl_evidence_build_labeled(a, ids, types, out, NULL);
}

sl_rc sl_evidence_build_labeled(const sl_analysis *a, const int64_t *ids, const sl_ent_type *types,
                                sl_featvec *out, sl_labels *labels) {
  sl_rc rc = SL_OK;
  char buf[160];
  pthread_once(&FOLD_ONCE, build_fold);
  size_t nword = 0;
  int latin_caps = 0;
  out->n = 0;
  out->ndocs = 1;
  out->day = SL_NO_DAY;
  size_t nl = strlen(a->lang);
  if (a->no_article) { /* a page of notices says nothing of any event */
    sl_featvec_finish(out);
    return SL_OK;
  }
  int english = !strcmp(a->lang, "en");
  rc = sl_featvec_push(out, sl_feat_id(SL_F_LANG, a->lang, nl), 1.0f);
  const char *script = sl_script_name(a->script);
  if (rc == SL_OK)
    rc = sl_featvec_push(out, sl_feat_id(SL_F_SCRIPT, script, strlen(script)), 1.0f);
  for (size_t i = 0; i < a->nments && rc == SL_OK; i++) {
    if (ids[i] <= 0)
      continue;
    sl_feat_kind k = types[i] == SL_ENT_PLACE ? SL_F_PLACE : types[i] == SL_ENT_ORG ? SL_F_ORG : SL_F_PERSON;
    rc = sl_featvec_push(out, sl_feat_entity(k, ids[i]), 1.0f);
  }
  if (a->event_date.year && a->event_date.month && a->event_date.day)
    out->day = sl_days_from_civil(a->event_date.year, a->event_date.month, a->event_date.day);
  for (size_t i = 0; i < a->nnums && rc == SL_OK; i++) {
    int n = sl_feat_number_key(a->nums[i].value, a->nums[i].unit, buf, sizeof buf);
    if (n > 0)
      rc = sl_featvec_push(out, sl_feat_id(SL_F_NUMBER, buf, (size_t)n), 1.0f);
    if (n > 0 && rc == SL_OK && labels)
      rc = sl_labels_add(labels, sl_feat_id(SL_F_NUMBER, buf, (size_t)n), buf, (size_t)n);
  }
  for (size_t i = 0; i < a->ntok && rc == SL_OK; i++) {
    const sl_token *t = &a->toks[i];
    if (t->flags & (SL_TOK_STOP | SL_TOK_NUMBER) || t->nstem < 2 || t->nstem + nl + 2 > sizeof buf)
      continue;
    float lw = nword++ < LEAD_TOKENS ? LEAD_WEIGHT : 1.0f;
    memcpy(buf, a->lang, nl);
    buf[nl] = ':';
    memcpy(buf + nl + 1, t->stem, t->nstem);
    /* "lang:stem" keys both the term and the event-word lexicon */
    uint64_t hterm = sl_hash64(buf, nl + 1 + t->nstem);
    uint32_t concept = sl_eventword_hashed(a->lang, t->norm, t->nnorm, t->stem, t->nstem, hterm);
    if (concept) {
      sl_feat_kind k = sl_eventword_is_topic(concept) ? SL_F_TOPIC : SL_F_EVENTWORD;
      rc = sl_featvec_push(out, ((uint64_t)k << 56) | concept, 1.0f);
      if (rc == SL_OK && labels)
        rc = sl_labels_add(labels, ((uint64_t)k << 56) | concept, t->norm, t->nnorm);
    }
    if (rc == SL_OK)
      rc = sl_featvec_push(out, sl_feat_hashed(SL_F_TERM, hterm), lw);
    if (rc == SL_OK && labels)
      rc = sl_labels_add(labels, sl_feat_hashed(SL_F_TERM, hterm), t->norm, t->nnorm);
    uint32_t tr[MAX_TRANSLATIONS];
    size_t ntr = 1;
    if (english)
      tr[0] = (uint32_t)hterm;
    else if (nl + 1 + t->nnorm <= sizeof buf) {
      /* the word's own senses, else those of its stem */
      buf[nl] = '=';
      memcpy(buf + nl + 1, t->norm, t->nnorm);
      ntr = sl_translate(sl_hash64(buf, nl + 1 + t->nnorm), tr, MAX_TRANSLATIONS);
      if (!ntr)
        ntr = sl_translate(hterm, tr, MAX_TRANSLATIONS);
    } else
      ntr = sl_translate(hterm, tr, MAX_TRANSLATIONS);
    for (size_t k = 0; k < ntr && rc == SL_OK; k++) {
      uint64_t id = ((uint64_t)SL_F_TRANS << 56) | tr[k];
      rc = sl_featvec_push(out, id, 1.0f);
      if (rc == SL_OK && labels)
        rc = sl_labels_add(labels, id, t->norm, t->nnorm);
      if (rc == SL_OK && nword <= LEAD_TOKENS)
        rc = sl_featvec_push(out, ((uint64_t)SL_F_TRANS_LEAD << 56) | tr[k], 1.0f);
    }
    size_t ns = surface(t->norm, t->nnorm, buf, sizeof buf);
    if (ns < 2)
      continue;
    /* one surface form, three kinds: hashed once */
    uint64_t hs = sl_hash64(buf, ns);
    if (rc == SL_OK)
      rc = sl_featvec_push(out, sl_feat_hashed(SL_F_SURFACE, hs), lw);
    if (rc == SL_OK && (t->flags & SL_TOK_UPPER) && !(t->flags & SL_TOK_SENT)) {
      rc = sl_featvec_push(out, sl_feat_hashed(SL_F_CAPS, hs), 1.0f);
      latin_caps |= is_ascii(buf, ns);
    }
    if (rc == SL_OK && nword <= LEAD_TOKENS)
      rc = sl_featvec_push(out, sl_feat_hashed(SL_F_LEAD, hs), 1.0f);
  }
  /* only Latin capitals can meet across scripts: a Russian text's own
   * capitals say nothing about an English one */
  if (rc == SL_OK && latin_caps)
    rc = sl_featvec_push(out, sl_feat_id(SL_F_LATIN, "Latn", 4), 1.0f);
  sl_featvec_finish(out);
  return rc;
}
