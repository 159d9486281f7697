#!/bin/sh
# Runs the end-to-end tests (tests/e2e/*.sh) with every storyline process
# under valgrind memcheck, then fails on any memory error or leak
# (definitely, indirectly or possibly lost) that any process reported.
# Skipped: web.sh (headless Chromium waits time out under valgrind's
# slowdown), ingest_bad_input.sh and extract_hostile.sh (50-70 MB inputs:
# ten minutes each under valgrind), and the crash-safety and concurrency
# cases, which kill or race processes on purpose; all five run in both
# plain and sanitizer (ASan + UBSan) builds of `make test`.
# usage: tests/valgrind.sh BUILD_DIR        (run from the repo root)
set -u
BUILD=${1:-build}
logs="$PWD/$BUILD/valgrind"
rm -rf "$logs"
mkdir -p "$logs"
command -v valgrind > /dev/null || { echo "valgrind: not installed (scripts/install-deps.sh)"; exit 1; }
cat > "$logs/storyline" <<WRAP
#!/bin/sh
exec valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \\
  --errors-for-leak-kinds=definite,indirect,possible --num-callers=30 \\
  --log-file="$logs/vg.%p.log" "$PWD/$BUILD/storyline" "\$@"
WRAP
chmod +x "$logs/storyline"
# valgrind slows start-up tenfold: give the server longer to come up
export SL_SERVE_WAIT=1200
E2E_ONLY=1 E2E_SKIP="web.sh ingest_bad_input.sh extract_hostile.sh crash_safety.sh concurrency.sh" \
  SL_E2E_BIN="$logs/storyline" sh tests/run.sh "$BUILD"
status=$?
runs=$(ls "$logs"/vg.*.log 2> /dev/null | wc -l)
bad=0
for f in "$logs"/vg.*.log; do
  [ -s "$f" ] || continue
  bad=$((bad + 1))
  [ "$bad" -le 3 ] && { echo "== valgrind: $f"; head -n 60 "$f"; }
done
leaks=$(cat "$logs"/vg.*.log 2> /dev/null | grep -c 'lost in loss record')
echo "valgrind: $runs storyline processes, $bad with errors, $leaks leak records"
[ "$status" = 0 ] && [ "$bad" = 0 ]
