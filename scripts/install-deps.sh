#!/bin/sh
# Installs storyline's build and test dependencies from Debian's packages.
# Safe to rerun: asks apt only for what is missing.  sqlite3 (the shell)
# checks stores in the crash-safety tests; clang with libclang-rt (libFuzzer)
# builds `make fuzz`; valgrind runs `make valgrind`; the FreeDict
# dictionaries become the word translations of the similarity (translate.h).
set -eu
PKGS="build-essential pkg-config libicu-dev libsqlite3-dev libjansson-dev libcjson-dev libgumbo-dev
libstemmer-dev libexttextcat-dev libexttextcat-data libmicrohttpd-dev zlib1g-dev check
jq curl python3 chromium fonts-noto-core wrk
sqlite3 clang libclang-rt-14-dev valgrind
dict-freedict-deu-eng dict-freedict-fra-eng dict-freedict-spa-eng dict-freedict-ita-eng
dict-freedict-pol-eng dict-freedict-tur-eng dict-freedict-ara-eng
dict-freedict-fra-deu dict-freedict-deu-fra dict-freedict-spa-deu dict-freedict-deu-spa
dict-freedict-ita-deu dict-freedict-deu-ita dict-freedict-deu-rus"
missing=""
for p in $PKGS; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing$missing"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
