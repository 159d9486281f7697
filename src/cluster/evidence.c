/*
 * evidence — document to evidence vector (see evidence.h).
 */
#include <stdio.h>
#include <string.h>

#include "cluster/eventwords.h"
#include "cluster/evidence.h"

sl_rc sl_evidence_build(const sl_analysis *a, const int64_t *ids, const sl_ent_type *types,
                        sl_featvec *out) {
  sl_rc rc = SL_OK;
  char buf[160];
  out->n = 0;
  out->ndocs = 1;
  out->day = SL_NO_DAY;
  for (size_t i = 0; i < a->nments && rc == SL_OK; i++) {
    if (ids[i] <= 0)
      continue;
    sl_feat_kind k = types[i] == SL_ENT_PLACE ? SL_F_PLACE : types[i] == SL_ENT_ORG ? SL_F_ORG : SL_F_PERSON;
    rc = sl_featvec_push(out, sl_feat_entity(k, ids[i]), 1.0f);
  }
  if (a->event_date.year && a->event_date.month && a->event_date.day)
    out->day = sl_days_from_civil(a->event_date.year, a->event_date.month, a->event_date.day);
  for (size_t i = 0; i < a->nnums && rc == SL_OK; i++) {
    int n = snprintf(buf, sizeof buf, "%.6g%s", a->nums[i].value, a->nums[i].unit);
    if (n > 0)
      rc = sl_featvec_push(out, sl_feat_id(SL_F_NUMBER, buf, (size_t)n), 1.0f);
  }
  size_t nl = strlen(a->lang);
  for (size_t i = 0; i < a->ntok && rc == SL_OK; i++) {
    const sl_token *t = &a->toks[i];
    if (t->flags & (SL_TOK_STOP | SL_TOK_NUMBER) || t->nstem < 2 || t->nstem + nl + 2 > sizeof buf)
      continue;
    uint32_t concept = sl_eventword(a->lang, t->norm, t->nnorm, t->stem, t->nstem);
    if (concept)
      rc = sl_featvec_push(out, ((uint64_t)SL_F_EVENTWORD << 56) | concept, 1.0f);
    memcpy(buf, a->lang, nl);
    buf[nl] = ':';
    memcpy(buf + nl + 1, t->stem, t->nstem);
    if (rc == SL_OK)
      rc = sl_featvec_push(out, sl_feat_id(SL_F_TERM, buf, nl + 1 + t->nstem), 1.0f);
  }
  sl_featvec_finish(out);
  return rc;
}
