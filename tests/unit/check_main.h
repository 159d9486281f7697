/*
 * check_main — what every Check unit-test program shares: its main(),
 * which runs the suite made by make_suite() and exits 0 only when every
 * test passed (tests/run.sh reads the summary line Check prints), and
 * reading a test file through the library's own reader.
 */
#ifndef SL_CHECK_MAIN_H
#define SL_CHECK_MAIN_H

#include <check.h>

#include "read/read.h"

/* Whole file at path (relative to the repository root, where tests run),
 * NUL-terminated; the test fails when it cannot be read.  Caller frees. */
static inline char *sl_test_slurp(const char *path, size_t *n) {
  char *b = NULL;
  ck_assert_msg(sl_read_file(path, (size_t)1 << 26, &b, n) == SL_OK, "cannot read %s", path);
  return b;
}

#define SL_CHECK_MAIN(make_suite)                  \
  int main(void) {                                 \
    SRunner *sr = srunner_create(make_suite());    \
    srunner_run_all(sr, CK_NORMAL);                \
    int failed = srunner_ntests_failed(sr);        \
    srunner_free(sr);                              \
    return failed == 0 ? 0 : 1;                    \
  }

#endif
