#!/bin/sh
# run.sh — the web page in headless Chromium (Debian's /usr/bin/chromium
# driven by playwright-core from npm, installed here on first use).
# usage: tests/web/run.sh BASE_URL [SCREENSHOT_PREFIX]
# Loads the page, searches "الشرع", opens the 2026 event and checks that its
# Vietnamese and Arabic reports are both shown.  Bounded: 120 s at most.
set -eu
DIR=$(cd "$(dirname "$0")" && pwd)
PLAYWRIGHT_VERSION=1.65.1
if [ ! -x /usr/bin/chromium ]; then
  echo "web test: /usr/bin/chromium is missing (sh scripts/install-deps.sh installs it)" >&2
  exit 1
fi
if [ ! -f "$DIR/node_modules/playwright-core/package.json" ]; then
  (cd "$DIR" && npm install --no-save --no-audit --no-fund --silent \
      "playwright-core@$PLAYWRIGHT_VERSION" > npm.log 2>&1) || {
    echo "web test: cannot install playwright-core from npm:" >&2
    tail -n 5 "$DIR/npm.log" >&2
    exit 1
  }
fi
exec timeout -k 5 120 node "$DIR/page_test.js" "$@"
