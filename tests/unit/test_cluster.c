/*
 * test_cluster — unit tests of the incremental clusterer
 * (src/cluster/cluster.c): reports of one happening that each add stray
 * words stay one event whose evidence keeps its strongest features and
 * stays bounded (SL_EVENT_FEATURES), and an event loaded from an older
 * store with unbounded evidence is cut to the same bound.
 */
#include "cluster/cluster.h"

#include <check.h>
#include <stdio.h>
#include <string.h>
#include "check_main.h"

#define CORE_WORDS 100
#define STRAY_WORDS 10
#define REPORTS 30 /* fewer than 32: below that many documents every word weighs alike (no IDF) */

static uint64_t term(const char *w) {
  char buf[64];
  int n = snprintf(buf, sizeof buf, "en:%s", w);
  return sl_feat_id(SL_F_TERM, buf, (size_t)n);
}

/* Report r: the happening's CORE_WORDS words and persons 7 and 9, plus
 * STRAY_WORDS words of its own (a rewrite's other paragraphs). */
static void report(sl_featvec *v, int r) {
  char w[32];
  sl_featvec_init(v);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_LANG, "en", 2), 1), SL_OK);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_SCRIPT, "Latin", 5), 1), SL_OK);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_entity(SL_F_PERSON, 7), 1), SL_OK);
  ck_assert_int_eq(sl_featvec_push(v, sl_feat_entity(SL_F_PERSON, 9), 1), SL_OK);
  for (int i = 0; i < CORE_WORDS + STRAY_WORDS; i++) {
    int n = i < CORE_WORDS ? snprintf(w, sizeof w, "core%d", i) : snprintf(w, sizeof w, "stray%d_%d", r, i);
    ck_assert_int_eq(sl_featvec_push(v, term(w), 1), SL_OK);
    ck_assert_int_eq(sl_featvec_push(v, sl_feat_id(SL_F_SURFACE, w, (size_t)n), 1), SL_OK);
  }
  sl_featvec_finish(v);
  v->ndocs = 1;
  v->day = 20000;
}

static int has(const sl_featvec *v, uint64_t id) {
  for (size_t i = 0; i < v->n; i++)
    if (v->v[i].id == id)
      return 1;
  return 0;
}

START_TEST(a_long_event_keeps_its_strongest_features) {
  sl_cluster *c;
  ck_assert_int_eq(sl_cluster_new(&c), SL_OK);
  size_t first = 0;
  for (int r = 0; r < REPORTS; r++) {
    sl_featvec v;
    size_t ev;
    double score;
    report(&v, r);
    ck_assert_int_eq(sl_cluster_add(c, &v, &ev, &score), SL_OK);
    if (r == 0)
      first = ev;
    ck_assert_uint_eq(ev, first); /* every rewrite joins the first report's event */
    sl_event_rec *e = sl_cluster_event(c, ev);
    e->id = 1; /* as the store does */
    ck_assert_uint_le(e->sum.n, SL_EVENT_FEATURES);
    sl_featvec_free(&v);
  }
  sl_event_rec *e = sl_cluster_event(c, first);
  ck_assert_int_eq(e->sum.ndocs, REPORTS);
  /* 2 + 2 + 2 * (100 + 30 * 10) features were offered: the bound held */
  ck_assert_uint_eq(e->sum.n, SL_EVENT_FEATURES);
  /* what every report says is kept, and so are language and persons */
  for (int i = 0; i < CORE_WORDS; i++) {
    char w[32];
    snprintf(w, sizeof w, "core%d", i);
    ck_assert_msg(has(&e->sum, term(w)), "core word %s dropped", w);
  }
  ck_assert(has(&e->sum, sl_feat_id(SL_F_LANG, "en", 2)));
  ck_assert(has(&e->sum, sl_feat_entity(SL_F_PERSON, 7)));
  ck_assert_uint_eq(e->ncore, 2);
  /* still sorted by id, as the similarity's merge needs */
  for (size_t i = 1; i < e->sum.n; i++)
    ck_assert(e->sum.v[i - 1].id < e->sum.v[i].id);
  sl_cluster_free(c);
}
END_TEST

START_TEST(a_stored_event_is_cut_to_the_bound_when_loaded) {
  sl_cluster *c;
  sl_featvec big;
  size_t idx;
  ck_assert_int_eq(sl_cluster_new(&c), SL_OK);
  sl_featvec_init(&big);
  /* 3 * SL_EVENT_FEATURES words; word i said (i % 7) + 1 times */
  for (int i = 0; i < 3 * SL_EVENT_FEATURES; i++) {
    char w[32];
    snprintf(w, sizeof w, "w%d", i);
    ck_assert_int_eq(sl_featvec_push(&big, term(w), (float)(i % 7 + 1)), SL_OK);
  }
  ck_assert_int_eq(sl_featvec_push(&big, sl_feat_id(SL_F_LANG, "de", 2), 1), SL_OK);
  sl_featvec_finish(&big);
  big.ndocs = 9;
  big.day = 20000;
  ck_assert_int_eq(sl_cluster_load_event(c, 42, &big, 0, &idx), SL_OK);
  sl_event_rec *e = sl_cluster_event(c, idx);
  ck_assert_uint_eq(e->sum.n, SL_EVENT_FEATURES);
  ck_assert_int_eq(e->sum.ndocs, 9);
  ck_assert(has(&e->sum, sl_feat_id(SL_F_LANG, "de", 2))); /* language kept though weak */
  /* no kept word is weaker than a dropped one */
  float kept_min = 1e9f;
  for (size_t i = 0; i < e->sum.n; i++)
    if (sl_feat_kind_of(e->sum.v[i].id) == SL_F_TERM && e->sum.v[i].w < kept_min)
      kept_min = e->sum.v[i].w;
  for (size_t i = 0; i < big.n; i++)
    if (!has(&e->sum, big.v[i].id))
      ck_assert_float_le(big.v[i].w, kept_min);
  sl_featvec_free(&big);
  sl_cluster_free(c);
}
END_TEST

/* sl_featvec_finish against the plainest stable sort (insertion) and the
 * same left-to-right sums, on vectors of every size up to 3000 with
 * repeated ids, every kind, entity ids and hashed ids, and ids whose kind
 * byte is out of range (the other path). */
START_TEST(finish_sorts_stably_and_sums_in_order) {
  uint64_t seed = 88172645463325252ull;
  for (size_t n = 0; n <= 3000; n += n < 300 ? 1 : 97) {
    sl_featvec v, ref;
    sl_featvec_init(&v);
    sl_featvec_init(&ref);
    for (size_t i = 0; i < n; i++) {
      seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
      uint64_t id;
      switch (seed % 5) {
      case 0: id = sl_feat_entity((sl_feat_kind)(seed >> 8 & 1), (int64_t)(seed >> 16 & 63) + 1); break;
      case 1: id = sl_feat_hashed(SL_F_TERM, seed >> 20 & 0xF); break; /* many repeats */
      case 2: id = n % 7 == 3 ? seed | 1ull << 63 : sl_feat_hashed(SL_F_SURFACE, seed >> 3); break;
      default: id = sl_feat_hashed((sl_feat_kind)((seed >> 4) % SL_F_NKINDS), seed >> 9); break;
      }
      float w = (float)(seed >> 40 & 1023) / 7.0f;
      ck_assert_int_eq(sl_featvec_push(&v, id, w), SL_OK);
      ck_assert_int_eq(sl_featvec_push(&ref, id, w), SL_OK);
    }
    for (size_t i = 1; i < ref.n; i++) { /* stable insertion sort */
      sl_feat x = ref.v[i];
      size_t j = i;
      for (; j > 0 && ref.v[j - 1].id > x.id; j--)
        ref.v[j] = ref.v[j - 1];
      ref.v[j] = x;
    }
    size_t o = 0;
    for (size_t i = 1; i < ref.n; i++) {
      if (ref.v[i].id == ref.v[o].id)
        ref.v[o].w += ref.v[i].w;
      else
        ref.v[++o] = ref.v[i];
    }
    if (ref.n)
      ref.n = o + 1;
    sl_featvec_finish(&v);
    ck_assert_uint_eq(v.n, ref.n);
    for (size_t i = 0; i < v.n; i++) {
      ck_assert(v.v[i].id == ref.v[i].id);
      ck_assert(memcmp(&v.v[i].w, &ref.v[i].w, sizeof(float)) == 0); /* bit for bit */
    }
    sl_featvec_free(&v);
    sl_featvec_free(&ref);
  }
}
END_TEST

/* Number keys are snprintf's "%.6g%s", whatever the value. */
START_TEST(number_keys_are_printf_g) {
  static const double V[] = {0.0, -0.0, 1, -1, 7, 10, 2020, 99999, 100000, 999999, 1000000, -999999,
                             -1000000, 1234567, 0.5, 4.25, -3.75, 1e-7, 123456.5, 1e15, 1e300,
                             2147483648.0, -2147483649.0, 9007199254740993.0};
  static const char *const U[] = {"", "%", "USD", "VND"};
  char got[160], want[160];
  for (size_t i = 0; i < sizeof V / sizeof *V; i++)
    for (size_t u = 0; u < sizeof U / sizeof *U; u++) {
      int n = sl_feat_number_key(V[i], U[u], got, sizeof got);
      int m = snprintf(want, sizeof want, "%.6g%s", V[i], U[u]);
      ck_assert_int_eq(n, m);
      ck_assert_str_eq(got, want);
    }
  for (long k = -200000; k <= 1200000; k += 7) {
    int n = sl_feat_number_key((double)k, "%", got, sizeof got);
    int m = snprintf(want, sizeof want, "%.6g%s", (double)k, "%");
    ck_assert_int_eq(n, m);
    ck_assert_str_eq(got, want);
  }
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("cluster");
  TCase *tc = tcase_create("bounded");
  tcase_add_test(tc, a_long_event_keeps_its_strongest_features);
  tcase_add_test(tc, a_stored_event_is_cut_to_the_bound_when_loaded);
  tcase_add_test(tc, finish_sorts_stably_and_sums_in_order);
  tcase_add_test(tc, number_keys_are_printf_g);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(suite)
