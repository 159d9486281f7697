/*
 * check_main — the one main() of every Check unit-test program: runs the
 * suite made by make_suite() and exits 0 only when every test passed.
 * tests/run.sh reads the summary line Check prints.
 */
#ifndef SL_CHECK_MAIN_H
#define SL_CHECK_MAIN_H

#include <check.h>

#define SL_CHECK_MAIN(make_suite)                  \
  int main(void) {                                 \
    SRunner *sr = srunner_create(make_suite());    \
    srunner_run_all(sr, CK_NORMAL);                \
    int failed = srunner_ntests_failed(sr);        \
    srunner_free(sr);                              \
    return failed == 0 ? 0 : 1;                    \
  }

#endif
