#!/bin/sh
# Runs one build's unit test binaries (Check) and end-to-end cases
# (tests/e2e/*.sh), then prints "N passed, N failed".
# usage: tests/run.sh BUILD_DIR
# Environment (tests/valgrind.sh uses them): E2E_ONLY=1 skips the unit
# tests, E2E_SKIP="a.sh b.sh" skips those cases, SL_E2E_BIN runs the cases
# with another program in place of BUILD_DIR/storyline (a wrapper).
set -u
BUILD=${1:-build}
SL=${SL_E2E_BIN:-"$PWD/$BUILD/storyline"}
export SL
passed=0
failed=0
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] && [ -z "${E2E_ONLY:-}" ] || continue
  out=$("$t" 2>&1)
  rc=$?
  printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks' | sed "s|^|$(basename "$t"): |"
  n=$(printf '%s\n' "$out" | sed -n 's/.*Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p' | tail -n 1)
  if [ -z "$n" ]; then
    echo "$(basename "$t"): crashed or printed no summary (exit $rc)"
    printf '%s\n' "$out" | tail -n 20
    failed=$((failed + 1))
    continue
  fi
  set -- $n
  passed=$((passed + $1 - $2 - $3))
  failed=$((failed + $2 + $3))
  [ "$rc" = 0 ] || { [ $(($2 + $3)) -gt 0 ] || failed=$((failed + 1)); printf '%s\n' "$out" | grep -vE '^[0-9]+%: Checks|Running suite' | tail -n 20; }
done
for c in tests/e2e/*.sh; do
  [ -f "$c" ] || continue
  case " ${E2E_SKIP:-} " in *" $(basename "$c") "*) echo "skip e2e $(basename "$c")"; continue ;; esac
  tmp=$(mktemp -d)
  if out=$(ROOT="$PWD" sh -c "cd \"$tmp\" && sh \"$PWD/$c\"" 2>&1); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL e2e $(basename "$c")"
    printf '%s\n' "$out" | tail -n 20
  fi
  rm -rf "$tmp"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
