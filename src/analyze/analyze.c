/*
 * analyze — a document through clean, language, tokens, dates, numbers
 * and mentions (see analyze.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analyze/analyze.h"
#include "clean/clean.h"
#include "read/html.h"
#include "util/strmap.h"
#include "util/utf8.h"

struct sl_analyzer {
  sl_tokenizer *tk;
  sl_langid *lid;
  sl_stage_times *times; /* stage CPU timers, or NULL */
};

void sl_analyzer_set_times(sl_analyzer *az, sl_stage_times *t) { az->times = t; }
sl_stage_times *sl_analyzer_times(sl_analyzer *az) { return az->times; }

sl_rc sl_analyzer_new(sl_analyzer **out) {
  sl_analyzer *az = calloc(1, sizeof *az);
  sl_rc rc;
  *out = NULL;
  if (!az)
    return SL_ENOMEM;
  /* the language detector is opened on first need (sl_analyze): texts
   * that come with their language never load its profiles */
  if ((rc = sl_tokenizer_new(&az->tk)) != SL_OK) {
    sl_analyzer_free(az);
    return rc;
  }
  *out = az;
  return SL_OK;
}

void sl_analyzer_free(sl_analyzer *az) {
  if (!az)
    return;
  sl_tokenizer_free(az->tk);
  sl_langid_free(az->lid);
  free(az);
}

void sl_analysis_clear(sl_analysis *a) {
  if (!a)
    return;
  free(a->id);
  free(a->path);
  free(a->url);
  free(a->source);
  free(a->title);
  free(a->text);
  free(a->context);
  free(a->toks);
  free(a->tokpool);
  free(a->dates);
  free(a->nums);
  free(a->ments);
  free(a->ment_entity);
  sl_mention_memo_free(a->ment_memo);
  memset(a, 0, sizeof *a);
}

static char *dup_or_null(const char *s) { return s && *s ? strdup(s) : NULL; }

/* Copies the tokenizer's tokens so they outlive the next tokenize call:
 * its string memory in one piece, the tokens' pointers moved into it
 * (a copy per token was a tenth of the tokenizer's own time). */
static sl_rc keep_tokens(sl_analysis *a, const sl_tokenizer *tk, const sl_token *t, size_t nt) {
  size_t pool;
  const char *base = sl_tokenizer_pool(tk, &pool);
  a->toks = malloc((nt ? nt : 1) * sizeof *a->toks);
  a->tokpool = malloc(pool + 1);
  if (!a->toks || !a->tokpool)
    return SL_ENOMEM;
  if (pool)
    memcpy(a->tokpool, base, pool);
  a->tokpool[pool] = 0;
  if (nt)
    memcpy(a->toks, t, nt * sizeof *t);
  for (size_t i = 0; i < nt; i++) {
    a->toks[i].norm = a->tokpool + (t[i].norm - base);
    a->toks[i].stem = a->tokpool + (t[i].stem - base);
  }
  a->ntok = nt;
  return SL_OK;
}

/* Host name of a URL, as the report's source when none is given. */
static char *host_of(const char *url) {
  if (!url)
    return NULL;
  const char *p = strstr(url, "://");
  p = p ? p + 3 : url;
  size_t n = strcspn(p, "/:?#");
  if (n > 4 && !strncmp(p, "www.", 4)) {
    p += 4;
    n -= 4;
  }
  return n ? strndup(p, n) : NULL;
}

/* Source named in the text's own links ("Nguồn ...: http://host/...") when
 * the input carries no URL: the first URL host in the context lines. */
static char *host_in(const char *z) {
  const char *p = z ? strstr(z, "://") : NULL;
  if (!p)
    return NULL;
  while (p > z && p[-1] != ' ' && p[-1] != '\n')
    p--;
  return host_of(p);
}

/* A given language tag as storyline keys languages: its primary subtag in
 * lower case ("en-US", "EN", "pt_BR" -> "en", "en", "pt"), so that reports
 * tagged "en" and "en-US" are one language to the evidence and the
 * similarity; a tag without a 2-3 letter primary subtag is kept as given
 * (up to 7 bytes). */
static void given_lang(const char *tag, char out[8]) {
  size_t n = 0;
  while (n < 7 && ((tag[n] >= 'a' && tag[n] <= 'z') || (tag[n] >= 'A' && tag[n] <= 'Z'))) {
    out[n] = (char)(tag[n] | 0x20);
    n++;
  }
  if ((n == 2 || n == 3) && (tag[n] == 0 || tag[n] == '-' || tag[n] == '_'))
    out[n] = 0;
  else
    snprintf(out, 8, "%.7s", tag);
}

sl_rc sl_analyze(sl_analyzer *az, const sl_doc *doc, sl_analysis *a, const char **why) {
  sl_rc rc = SL_OK;
  const sl_token *t;
  size_t nt;
  double mark = az->times ? sl_thread_cpu() : 0;
  memset(a, 0, sizeof *a);
  if (why)
    *why = NULL;
  a->id = strdup(doc->id);
  a->path = dup_or_null(doc->path);
  a->url = dup_or_null(doc->url);
  if (!a->id)
    return SL_ENOMEM;

  if (doc->format == SL_FMT_HTML) {
    sl_html_article art;
    rc = sl_html_extract(doc->body, doc->nbody, &art);
    if (rc != SL_OK) {
      if (why)
        *why = rc == SL_EBINARY ? "binary data, not HTML" : "no article text in the page";
      goto out;
    }
    a->title = strdup(doc->title && *doc->title ? doc->title : art.title);
    a->text = art.text;
    art.text = NULL;
    a->ntext = strlen(a->text);
    a->html_limit = sl_html_limit_warning(&art);
    a->context = strdup("");
    if (!a->url && art.url[0])
      a->url = strdup(art.url);
    if (!doc->source && art.site_name[0])
      a->source = strdup(art.site_name);
    if (art.published[0])
      sl_date_parse_iso(art.published, strlen(art.published), &a->published);
    if (!doc->lang && art.lang[0])
      snprintf(a->lang, sizeof a->lang, "%.7s", art.lang);
    sl_html_article_free(&art);
  } else {
    sl_cleaned c;
    rc = sl_clean_text(doc->body, doc->nbody, doc->title, &c);
    if (rc != SL_OK) {
      if (why)
        *why = "no article text after cleaning";
      goto out;
    }
    a->title = c.title;
    a->text = c.text;
    a->ntext = c.ntext;
    a->context = c.context;
    a->ncontext = c.ncontext;
    a->no_article = c.banner_only;
  }
  if (!a->title || !a->text || !a->context) {
    rc = a->text ? SL_ENOMEM : SL_EEMPTY;
    goto out;
  }
  a->ncontext = strlen(a->context);
  if (a->ntext > SL_MAX_DOC_TEXT) {
    /* no article is this long: keep the head, cut at a line or character */
    size_t cut = SL_MAX_DOC_TEXT;
    while (cut > SL_MAX_DOC_TEXT / 2 && a->text[cut] != '\n')
      cut--;
    if (a->text[cut] != '\n')
      for (cut = SL_MAX_DOC_TEXT; cut > 0 && ((unsigned char)a->text[cut] & 0xC0) == 0x80; cut--)
        ;
    a->text[cut] = 0;
    a->ntext = cut;
    a->truncated = 1;
  }
  if (!a->source)
    a->source = doc->source ? strdup(doc->source) : host_of(a->url);
  if (!a->source)
    a->source = host_in(a->context);
  if (az->times)
    sl_stage_lap(az->times, SL_STAGE_CLEAN, &mark);
  if (doc->published)
    sl_date_parse_iso(doc->published, strlen(doc->published), &a->published);
  if (doc->lang && *doc->lang)
    given_lang(doc->lang, a->lang);
  else if (!a->lang[0] && ((!az->lid && (rc = sl_langid_new(&az->lid)) != SL_OK) ||
                            (rc = sl_langid_detect(az->lid, a->text, a->ntext, a->lang)) != SL_OK))
    goto out;
  a->script = sl_script_detect(a->text, a->ntext);
  if (az->times)
    sl_stage_lap(az->times, SL_STAGE_LANG, &mark);

  if ((rc = sl_tokenize(az->tk, a->lang, a->text, a->ntext, &t, &nt)) != SL_OK)
    goto out;
  if ((rc = keep_tokens(a, az->tk, t, nt)) != SL_OK)
    goto out;
  if (az->times)
    sl_stage_lap(az->times, SL_STAGE_NORMALIZE, &mark);
  /* one scan of the body finds the dates and the numbers */
  rc = sl_dates_numbers_find(a->lang, a->text, a->ntext, a->context, a->ncontext,
                             a->published.year ? &a->published : NULL, &a->dates, &a->ndates,
                             &a->nums, &a->nnums);
  if (rc != SL_OK)
    goto out;
  if (!sl_dates_event(a->dates, a->ndates, &a->event_date)) {
    /* a report that names no day of its own is about its own day */
    a->event_date = a->published;
    a->event_date.flags |= SL_DATE_RELATIVE;
  }
  snprintf(a->content_hash, sizeof a->content_hash, "%016llx",
           (unsigned long long)sl_hash64(a->text, a->ntext));
  if (az->times)
    sl_stage_lap(az->times, SL_STAGE_DATES, &mark);
out:
  return rc;
}

sl_rc sl_analyze_mentions(sl_analyzer *az, sl_analysis *a, sl_known_name_fn known, void *ctx) {
  (void)az;
  free(a->ments);
  free(a->ment_entity);
  a->ments = NULL;
  a->ment_entity = NULL;
  a->nments = 0;
  sl_rc rc = sl_mentions_find_memo(a->lang, a->text, a->ntext, a->toks, a->ntok, known, ctx,
                                   &a->ment_memo, &a->ments, &a->nments);
  if (rc != SL_OK)
    return rc;
  a->ment_entity = malloc((a->nments ? a->nments : 1) * sizeof *a->ment_entity);
  if (!a->ment_entity)
    return SL_ENOMEM;
  for (size_t i = 0; i < a->nments; i++)
    a->ment_entity[i] = -1;
  return SL_OK;
}
