# store.sh — sourced by end-to-end tests that check a store after crashes
# or under concurrent use.  Needs the sqlite3 shell and $ROOT.
#   sl_store_check DB    integrity_check, foreign keys, and every check of
#                        store_check.sql at 0; prints what failed, returns 1
#   sl_store_count DB    number of documents

sl_store_check() {
  _ic=$(sqlite3 -batch "$1" 'PRAGMA integrity_check;' 2>&1)
  [ "$_ic" = ok ] || { echo "integrity_check: $_ic"; return 1; }
  _fk=$(sqlite3 -batch "$1" 'PRAGMA foreign_key_check;' 2>&1)
  [ -z "$_fk" ] || { echo "foreign_key_check: $_fk"; return 1; }
  _bad=$(sqlite3 -batch "$1" < "$ROOT/tests/e2e/lib/store_check.sql" 2>&1 | grep -v '|0$')
  [ -z "$_bad" ] || { echo "inconsistent store: $_bad"; return 1; }
  return 0
}

sl_store_count() {
  sqlite3 -batch "$1" 'SELECT count(*) FROM documents;'
}
