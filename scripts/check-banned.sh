#!/bin/sh
# Fails when new code uses a banned libc function (see STYLE.md).
set -eu
if grep -rnE '\b(strcpy|strcat|sprintf|atoi|strtok|gets)\s*\(' src include tests/unit; then
  echo "check-banned: banned function used (above)" >&2
  exit 1
fi
echo "check-banned: ok"
