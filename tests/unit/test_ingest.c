/*
 * test_ingest — the write side end to end through the library API: a
 * failure injected in the middle of a document's transaction leaves the
 * store exactly as it was, the in-memory linker and clusterer recover, and
 * the same document stores cleanly once the fault is gone.  Also: read,
 * clean and utf8 boundary behaviour on the seed articles.
 */
#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clean/clean.h"
#include "read/read.h"
#include "storyline/storyline.h"
#include "util/utf8.h"
#include "check_main.h"

static char dbpath[64];

static void setup(void) {
  snprintf(dbpath, sizeof dbpath, "/tmp/sl_test_ingest_%d.db", (int)getpid());
  unlink(dbpath);
}

static void teardown(void) {
  char p[80];
  unlink(dbpath);
  snprintf(p, sizeof p, "%s-wal", dbpath);
  unlink(p);
  snprintf(p, sizeof p, "%s-shm", dbpath);
  unlink(p);
}

static long count(sqlite3 *db, const char *sql) {
  sqlite3_stmt *s;
  long n = -1;
  ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
  if (sqlite3_step(s) == SQLITE_ROW)
    n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return n;
}

/* A fingerprint of every table the write side touches. */
static void snapshot(long out[8]) {
  sqlite3 *db;
  static const char *const Q[8] = {
    "SELECT count(*) FROM documents", "SELECT count(*) FROM entities",
    "SELECT count(*) FROM entity_variants", "SELECT count(*) FROM mentions",
    "SELECT count(*) FROM events", "SELECT coalesce(sum(length(features)), 0) FROM event_evidence",
    "SELECT count(*) FROM stories", "SELECT coalesce(sum(mention_count), 0) FROM entities"};
  ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
  for (int i = 0; i < 8; i++)
    out[i] = count(db, Q[i]);
  sqlite3_close(db);
}

static void exec_sql(const char *sql) {
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
}

static void quiet(void *ctx, const char *where, sl_rc rc, const char *what) {
  (void)ctx;
  (void)where;
  (void)rc;
  (void)what;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

START_TEST(failure_mid_document_keeps_store) {
  sl_ingest *in;
  sl_ingest_stats st;
  char err[256], doc[96];
  long before[8], after[8];
  ck_assert_int_eq(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  ck_assert_int_eq(sl_ingest_path(in, "examples/seeds", quiet, NULL), SL_OK);
  sl_ingest_close(in);
  snapshot(before);
  ck_assert_int_eq(before[0], 5);

  /* facts are written late in a document's transaction, after its
   * entities, mentions, event and story rows */
  exec_sql("CREATE TRIGGER fault BEFORE INSERT ON facts BEGIN SELECT RAISE(ABORT, 'injected'); END;");
  snprintf(doc, sizeof doc, "/tmp/sl_test_doc_%d.txt", (int)getpid());
  write_file(doc, "Putin and Erdogan meet in Ankara\n\nRussian President Vladimir Putin met Turkish "
                  "President Recep Tayyip Erdogan in Ankara on March 3, 2026. Trade grew 12% last year, "
                  "Putin said.\n");
  ck_assert_int_eq(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  ck_assert_int_eq(sl_ingest_path(in, doc, quiet, NULL), SL_OK);
  sl_ingest_get_stats(in, &st);
  ck_assert_uint_eq(st.stored, 0);
  ck_assert_uint_eq(st.failed, 1);
  snapshot(after);
  for (int i = 0; i < 8; i++)
    ck_assert_msg(before[i] == after[i], "table %d changed: %ld -> %ld", i, before[i], after[i]);

  /* the same handle recovers: without the fault the document is stored
   * and links to the existing Putin entity instead of a new one */
  exec_sql("DROP TRIGGER fault;");
  ck_assert_int_eq(sl_ingest_path(in, doc, quiet, NULL), SL_OK);
  sl_ingest_get_stats(in, &st);
  ck_assert_uint_eq(st.stored, 1);
  sl_ingest_close(in);
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM documents"), 6);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM entities WHERE type = 'person' AND name LIKE '%Putin%'"), 1);
  ck_assert_int_eq(count(db, "SELECT doc_count FROM entities WHERE name = 'Vladimir Putin'"), 6);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM facts WHERE value = 12 AND unit = '%'"), 1);
  sqlite3_close(db);
  unlink(doc);
}
END_TEST

typedef struct stored_log {
  char ids[8][64];
  int n;
} stored_log;

static void log_stored(void *ctx, const char *id, const char *source) {
  stored_log *l = ctx;
  (void)source;
  if (l->n < 8)
    snprintf(l->ids[l->n++], sizeof l->ids[0], "%s", id);
}

/* The five seeds go in one batch transaction; the third fails half way
 * (its mentions), the other four are stored and announced, in order, only
 * after the batch committed; the failed one is not. */
START_TEST(failure_inside_batch_keeps_the_others) {
  sl_ingest *in;
  sl_ingest_stats st;
  stored_log log;
  char err[256];
  memset(&log, 0, sizeof log);
  ck_assert_int_eq(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  sl_ingest_close(in); /* the schema, for the trigger */
  exec_sql("CREATE TRIGGER fault BEFORE INSERT ON mentions WHEN NEW.doc ="
           " (SELECT rid FROM documents WHERE id = '002_4843e7fa21632428')"
           " BEGIN SELECT RAISE(ABORT, 'injected'); END;");
  ck_assert_int_eq(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  sl_ingest_on_stored(in, log_stored, &log);
  ck_assert_int_eq(sl_ingest_path(in, "examples/seeds", quiet, NULL), SL_OK);
  sl_ingest_get_stats(in, &st);
  sl_ingest_close(in);
  ck_assert_uint_eq(st.stored, 4);
  ck_assert_uint_eq(st.failed, 1);
  ck_assert_int_eq(log.n, 4);
  ck_assert_str_eq(log.ids[0], "000_a36e95430f0b8119");
  ck_assert_str_eq(log.ids[1], "001_68aac25d7f60230c");
  ck_assert_str_eq(log.ids[2], "003_2c3edb034ccb3b0f");
  ck_assert_str_eq(log.ids[3], "004_23d814b1d62127e7");
  sqlite3 *db;
  ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM documents"), 4);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM documents WHERE id = '002_4843e7fa21632428'"), 0);
  /* its facts went with it (rows refer to documents by rid, which the next
   * document reuses, so: every fact belongs to a stored document) */
  ck_assert_int_eq(count(db, "SELECT count(*) FROM facts WHERE doc NOT IN (SELECT rid FROM documents)"), 0);
  ck_assert_int_gt(count(db, "SELECT count(*) FROM mentions"), 0);
  /* every stored event counts only stored reports */
  ck_assert_int_eq(count(db, "SELECT count(*) FROM events e WHERE doc_count !="
                             " (SELECT count(*) FROM documents d WHERE d.event_id = e.id)"), 0);
  sqlite3_close(db);
}
END_TEST

START_TEST(reingest_is_idempotent) {
  sl_ingest *in;
  sl_ingest_stats st;
  char err[256];
  long a[8], b[8];
  ck_assert_int_eq(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  ck_assert_int_eq(sl_ingest_path(in, "examples/seeds", quiet, NULL), SL_OK);
  sl_ingest_close(in);
  snapshot(a);
  ck_assert_int_eq(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  ck_assert_int_eq(sl_ingest_path(in, "examples/seeds", quiet, NULL), SL_OK);
  sl_ingest_get_stats(in, &st);
  sl_ingest_close(in);
  snapshot(b);
  ck_assert_uint_eq(st.duplicates, 5);
  ck_assert_uint_eq(st.stored, 0);
  for (int i = 0; i < 8; i++)
    ck_assert_int_eq(a[i], b[i]);
}
END_TEST

START_TEST(open_refuses_foreign_database) {
  sl_ingest *in = NULL;
  char err[256] = "";
  exec_sql("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES('schema_version', '99');");
  ck_assert_int_ne(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  ck_assert_ptr_null(in);
  ck_assert_msg(strstr(err, dbpath) != NULL, "error does not name the store: %s", err);
}
END_TEST

/* A store of the previous schema (version 1) is refused, untouched, with
 * what to do: its rows would not fit this version's tables. */
START_TEST(open_refuses_older_schema) {
  sl_ingest *in = NULL;
  char err[256] = "";
  sqlite3 *db;
  exec_sql("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
           " INSERT INTO meta VALUES('schema_version', '1');"
           " CREATE TABLE documents(id TEXT PRIMARY KEY, text TEXT NOT NULL);"
           " INSERT INTO documents VALUES('a', 'kept');");
  ck_assert_int_ne(sl_ingest_open(dbpath, &in, err, sizeof err), SL_OK);
  ck_assert_ptr_null(in);
  ck_assert_msg(strstr(err, dbpath) && strstr(err, "schema version 1") && strstr(err, "new store"),
                "%s", err);
  ck_assert_int_eq(sqlite3_open(dbpath, &db), SQLITE_OK);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM documents WHERE text = 'kept'"), 1);
  ck_assert_int_eq(count(db, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions'"), 0);
  sqlite3_close(db);
}
END_TEST


START_TEST(clean_drops_furniture_keeps_body) {
  size_t n;
  sl_cleaned c;
  char *z = sl_test_slurp("examples/seeds/001_68aac25d7f60230c.txt", &n);
  ck_assert_int_eq(sl_clean_text(z, n, NULL, &c), SL_OK);
  ck_assert_str_eq(c.title, "Syria và Nga thảo luận chấm dứt xung đột ở Syria");
  ck_assert_ptr_nonnull(strstr(c.text, "đêm 20/11"));               /* the lead */
  ck_assert_ptr_nonnull(strstr(c.text, "thành phố Sochi"));         /* the body */
  ck_assert_ptr_null(strstr(c.text, "Xem nhiều"));                  /* trailer heading */
  ck_assert_ptr_null(strstr(c.text, "Giá vàng hôm nay"));           /* most-read list */
  ck_assert_ptr_null(strstr(c.text, "syria va nga thao luan"));     /* related links */
  ck_assert_ptr_null(strstr(c.context, "Giá vàng hôm nay"));        /* trailer is not context */
  ck_assert_ptr_nonnull(strstr(c.context, "APEC 2017"));            /* inline related: context */
  sl_cleaned_free(&c);
  free(z);

  z = sl_test_slurp("examples/seeds/002_4843e7fa21632428.txt", &n);
  ck_assert_int_eq(sl_clean_text(z, n, NULL, &c), SL_OK);
  ck_assert_ptr_null(strstr(c.text, "pic.twitter.com"));
  ck_assert_ptr_null(strstr(c.text, "Source link"));
  ck_assert_ptr_null(strstr(c.text, "![]()"));
  ck_assert_ptr_nonnull(strstr(c.context, "January 28, 2026"));     /* embed line kept as context */
  ck_assert_ptr_nonnull(strstr(c.text, "بوتين"));
  sl_cleaned_free(&c);
  free(z);

  z = sl_test_slurp("examples/seeds/003_2c3edb034ccb3b0f.txt", &n);
  ck_assert_int_eq(sl_clean_text(z, n, NULL, &c), SL_OK);
  ck_assert_ptr_null(strstr(c.text, "Comment (0)"));
  ck_assert_ptr_null(strstr(c.text, "Source: https"));
  ck_assert_ptr_nonnull(strstr(c.text, "On February 12"));          /* lead line stays */
  sl_cleaned_free(&c);
  free(z);
}
END_TEST

START_TEST(clean_empty_and_blank) {
  sl_cleaned c;
  ck_assert_int_eq(sl_clean_text("", 0, NULL, &c), SL_EEMPTY);
  ck_assert_int_eq(sl_clean_text("\n \n\t\n", 5, NULL, &c), SL_EEMPTY);
  /* a one-line record is its own lead, not a title with no body */
  const char *one = "Russian President Vladimir Putin held talks with Syrian President Ahmed al-Sharaa "
                    "at the Kremlin on Wednesday, the two leaders said in a joint statement.";
  ck_assert_int_eq(sl_clean_text(one, strlen(one), NULL, &c), SL_OK);
  ck_assert_str_eq(c.text, one);
  sl_cleaned_free(&c);
  /* a snippet that quotes a post is still the document, titled by its
   * first sentence (。 ends one in Chinese) */
  char zh[2048] = "丛林大火实时更新：部队准备海上紧急疏散。早上好 pic.twitter.com/vb3o55n8XU 欢迎。";
  for (int i = 0; i < 30; i++) /* past the 200 characters of a headline */
    strncat(zh, "欢迎来到我们今天的博客。", sizeof zh - strlen(zh) - 1);
  ck_assert_int_eq(sl_clean_text(zh, strlen(zh), NULL, &c), SL_OK);
  ck_assert_str_eq(c.text, zh);
  ck_assert_str_eq(c.title, "丛林大火实时更新：部队准备海上紧急疏散。");
  sl_cleaned_free(&c);
}
END_TEST

START_TEST(utf8_boundary) {
  size_t n, bad;
  char *s = sl_utf8_sanitize("a\xff" "b\xe2\x82", 5, &n, &bad);
  ck_assert_str_eq(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd");
  ck_assert_uint_eq(bad, 3);
  free(s);
  /* ASCII runs are copied eight bytes at a time: a bad byte or a letter of
   * two bytes at every place of a step, after runs of every length */
  for (size_t run = 0; run < 20; run++)
    for (int kind = 0; kind < 2; kind++) {
      char in[64], want[64];
      memset(in, 'x', run);
      memset(want, 'x', run);
      size_t ni = run, nw = run;
      if (kind) {
        memcpy(in + ni, "\xc3\xbc", 2), ni += 2;
        memcpy(want + nw, "\xc3\xbc", 2), nw += 2;
      } else {
        in[ni++] = '\xff';
        memcpy(want + nw, "\xef\xbf\xbd", 3), nw += 3;
      }
      memcpy(in + ni, "tail", 4), ni += 4;
      memcpy(want + nw, "tail", 4), nw += 4;
      s = sl_utf8_sanitize(in, ni, &n, &bad);
      ck_assert_uint_eq(n, nw);
      ck_assert_int_eq(memcmp(s, want, nw), 0);
      ck_assert_uint_eq(bad, kind ? 0 : 1);
      free(s);
    }
  ck_assert(sl_utf8_is_binary("ab\0cd", 5));
  ck_assert(!sl_utf8_is_binary("Tổng thống\n", 14));
  /* "Türkiye'de" read as Latin-1 and written back as UTF-8 */
  char moj[] = "T\xc3\x83\xc2\xbc" "rkiye'de deprem";
  size_t m = sl_utf8_repair_mojibake(moj, strlen(moj));
  ck_assert_str_eq(moj, "T\xc3\xbc" "rkiye'de deprem");
  ck_assert_uint_eq(m, strlen("T\xc3\xbc" "rkiye'de deprem"));
  /* "kişi": ş is C5 9F, and 9F went through cp1252 as Ÿ (U+0178) */
  char tr[] = "ki\xc3\x85\xc5\xb8i yaral\xc3\x84\xc2\xb1";
  sl_utf8_repair_mojibake(tr, strlen(tr));
  ck_assert_str_eq(tr, "ki\xc5\x9fi yaral\xc4\xb1");
  /* genuine Latin-1 letters in UTF-8 text are left alone */
  char fr[] = "caf\xc3\xa9 cr\xc3\xa8me";
  ck_assert_uint_eq(sl_utf8_repair_mojibake(fr, strlen(fr)), strlen("caf\xc3\xa9 cr\xc3\xa8me"));
  ck_assert_str_eq(fr, "caf\xc3\xa9 cr\xc3\xa8me");
  /* a headline stored right above a mis-decoded body (dev pair text):
   * "Horoz dövüşü" + "Horoz dÃ¶vÃ¼ÅŸÃ¼": the body's sequences are repaired */
  char part[] = "d\xc3\xb6v\xc3\xbc\xc5\x9f\xc3\xbc\nd\xc3\x83\xc2\xb6v\xc3\x83\xc2\xbc\xc3\x85\xc5\xb8\xc3\x83\xc2\xbc";
  sl_utf8_repair_mojibake(part, strlen(part));
  ck_assert_str_eq(part, "d\xc3\xb6v\xc3\xbc\xc5\x9f\xc3\xbc\nd\xc3\xb6v\xc3\xbc\xc5\x9f\xc3\xbc");
  /* one lone "Ã©" among sound text could be genuine: left alone */
  char one[] = "caf\xc3\xa9 \xc3\x83\xc2\xa9";
  ck_assert_uint_eq(sl_utf8_repair_mojibake(one, strlen(one)), strlen("caf\xc3\xa9 \xc3\x83\xc2\xa9"));
}
END_TEST

static Suite *suite(void) {
  Suite *s = suite_create("ingest");
  TCase *t = tcase_create("store");
  tcase_add_checked_fixture(t, setup, teardown);
  tcase_set_timeout(t, 120);
  tcase_add_test(t, failure_mid_document_keeps_store);
  tcase_add_test(t, failure_inside_batch_keeps_the_others);
  tcase_add_test(t, reingest_is_idempotent);
  tcase_add_test(t, open_refuses_foreign_database);
  tcase_add_test(t, open_refuses_older_schema);
  suite_add_tcase(s, t);
  TCase *b = tcase_create("boundary");
  tcase_add_test(b, clean_drops_furniture_keeps_body);
  tcase_add_test(b, clean_empty_and_blank);
  tcase_add_test(b, utf8_boundary);
  suite_add_tcase(s, b);
  return s;
}

SL_CHECK_MAIN(suite)
