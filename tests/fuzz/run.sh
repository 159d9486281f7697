#!/bin/sh
# Runs each libFuzzer harness (build-fuzz/fuzz_*) for a bounded time on its
# seed corpus (tests/fuzz/corpus/NAME/, read only) plus what it found in
# earlier runs (build-fuzz/corpus/NAME/, never committed), then prints one
# line per target: runs, execs/s, corpus size, seconds.  Exits 1 on the
# first finding (crash, leak, timeout, out of memory); the input that did
# it is kept as build-fuzz/crash-NAME-*.
# usage: tests/fuzz/run.sh SECONDS [NAME...]      (run from the repo root)
set -u
secs=${1:-30}
shift 2>/dev/null || true
names=${*:-$(for f in tests/fuzz/fuzz_*.c; do basename "$f" .c | sed 's/^fuzz_//'; done)}
status=0
for n in $names; do
  bin=build-fuzz/fuzz_$n
  [ -x "$bin" ] || { echo "fuzz: $bin is not built (make fuzz-build)"; exit 1; }
  mkdir -p "build-fuzz/corpus/$n" "tests/fuzz/corpus/$n"
  log=build-fuzz/fuzz_$n.log
  # -timeout: one input may take 20 s (ASan, 64 KB); longer is a hang.
  # -rss_limit_mb: one input may not take more than 2 GB.
  "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len="${FUZZ_MAX_LEN:-65536}" \
    -print_final_stats=1 -artifact_prefix="build-fuzz/crash-$n-" \
    "build-fuzz/corpus/$n" "tests/fuzz/corpus/$n" > "$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corp=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p')
  printf 'fuzz %-7s %3s s  %9s runs  %6s execs/s  corpus %s\n' "$n" "$secs" "${runs:-?}" "${eps:-?}" "${corp:-?}"
  if [ "$rc" != 0 ]; then
    echo "fuzz: $n FOUND A PROBLEM (exit $rc); log $log:"
    grep -E 'ERROR|SUMMARY|abort|Test unit written|fuzz_' "$log" | head -n 20
    status=1
    break
  fi
done
exit $status
