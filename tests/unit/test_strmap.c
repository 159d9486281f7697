/*
 * test_strmap — the string map and its two hashes: sl_hash64 is FNV-1a
 * with storyline's basis (feature ids and stored content hashes depend on its values, whatever
 * the loop looks like); sl_hash_mem only has to agree with itself and
 * spread keys of every length, which the map's lookups show.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_main.h"
#include "util/strmap.h"

/* FNV-1a 64 byte by byte, with storyline's offset basis (not the
 * published one: 1469598103934665603, one digit short). */
static uint64_t fnv1a(const char *z, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)z[i];
    h *= 1099511628211ull;
  }
  return h;
}

START_TEST(test_hash64_is_fnv1a) {
  char buf[64];
  for (size_t n = 0; n < sizeof buf; n++) {
    buf[n] = (char)(0x41 + n * 7);
    ck_assert(sl_hash64(buf, n) == fnv1a(buf, n));
  }
}
END_TEST

START_TEST(test_hash_mem) {
  char a[40] = {0}, b[40] = {0};
  for (size_t n = 0; n < sizeof a; n++) {
    for (size_t i = 0; i < n; i++)
      a[i] = b[i] = (char)('a' + (i * 5 + n) % 26);
    ck_assert(sl_hash_mem(a, n) == sl_hash_mem(b, n));
    if (n) {
      b[n - 1] ^= 1; /* the last byte counts, whatever the length */
      ck_assert(sl_hash_mem(a, n) != sl_hash_mem(b, n));
      b[0] ^= 2;
      a[n - 1] ^= 1;
      ck_assert(sl_hash_mem(a, n) != sl_hash_mem(b, n));
    }
  }
}
END_TEST

/* Many keys of every length from 0 to 40 bytes, some sharing prefixes. */
START_TEST(test_map) {
  sl_strmap *m = sl_strmap_new();
  char key[64];
  const int N = 50000;
  int64_t v;
  ck_assert_ptr_nonnull(m);
  for (int i = 0; i < N; i++) {
    int n = snprintf(key, sizeof key, "%d-%.*s", i, i % 31, "abcdefghijklmnopqrstuvwxyzABCDE");
    ck_assert_int_eq(sl_strmap_put(m, key, (size_t)n, i), SL_OK);
  }
  ck_assert_int_eq(sl_strmap_put(m, "", 0, -1), SL_OK);
  ck_assert_uint_eq(sl_strmap_count(m), (size_t)N + 1);
  for (int i = 0; i < N; i++) {
    int n = snprintf(key, sizeof key, "%d-%.*s", i, i % 31, "abcdefghijklmnopqrstuvwxyzABCDE");
    ck_assert(sl_strmap_get(m, key, (size_t)n, &v));
    ck_assert(v == i);
    key[0] = 'x';
    ck_assert(!sl_strmap_get(m, key, (size_t)n, NULL));
  }
  ck_assert(sl_strmap_get(m, "", 0, &v) && v == -1);
  ck_assert_int_eq(sl_strmap_put(m, "7-abcdefg", 9, 99), SL_OK); /* replaces */
  ck_assert(sl_strmap_get(m, "7-abcdefg", 9, &v) && v == 99);
  ck_assert_uint_eq(sl_strmap_count(m), (size_t)N + 1);
  sl_strmap_free(m);
}
END_TEST

static Suite *make_suite(void) {
  Suite *s = suite_create("strmap");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_hash64_is_fnv1a);
  tcase_add_test(tc, test_hash_mem);
  tcase_add_test(tc, test_map);
  suite_add_tcase(s, tc);
  return s;
}

SL_CHECK_MAIN(make_suite)
