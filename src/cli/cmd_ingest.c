/*
 * cmd_ingest — `storyline ingest [--db PATH] [--quiet] [--verbose] PATH...`:
 * files, folders and "-" (JSON Lines on stdin) into the store.
 *
 * --verbose prints "stored<TAB>DOC_ID<TAB>SOURCE" on stdout for each
 * document once it is durably committed, flushed at once: a caller that
 * kills the ingest may rely on every line it saw (tests/e2e/crash_safety.sh).
 */
#include <stdio.h>
#include <string.h>

#include "storyline/storyline.h"
#include "cli/commands.h"

typedef struct report_ctx {
  int quiet, verbose;
  size_t warnings;
} report_ctx;

static void usage(FILE *f) {
  fprintf(f,
          "usage: storyline ingest [--db PATH] [--quiet] [--verbose] PATH...\n\n"
          "Reads articles and stores them with their entities, events and stories.\n"
          "PATH is a file (.txt plain text: first line is the title; .html/.htm/.html.gz;\n"
          ".jsonl/.json: JSON Lines records with id, url, title, text or html,\n"
          "published, lang), a folder (read recursively), or - for JSON Lines on stdin.\n"
          "Ingesting a document twice stores it once.\n\n"
          "  --db PATH   store to write (default: storyline.db)\n"
          "  --quiet     report only errors\n"
          "  --verbose   print stored<TAB>DOC_ID<TAB>SOURCE on stdout for each document,\n"
          "              once it is committed to the store\n");
}

static void on_report(void *ctx, const char *where, sl_rc rc, const char *what) {
  report_ctx *r = ctx;
  if (rc == SL_OK || rc == SL_EDUP) {
    r->warnings++;
    if (!r->quiet)
      fprintf(stderr, "storyline ingest: %s: %s\n", where, what);
    return;
  }
  fprintf(stderr, "storyline ingest: %s: %s\n", where, what ? what : sl_strerror(rc));
}

/* One field of a stored line: tabs and line breaks would split the line. */
static void put_field(const char *z) {
  for (; *z; z++)
    putchar(*z == '\t' || *z == '\n' || *z == '\r' ? ' ' : *z);
}

static void on_stored(void *ctx, const char *id, const char *source) {
  (void)ctx;
  fputs("stored\t", stdout);
  put_field(id);
  putchar('\t');
  put_field(source);
  putchar('\n');
  fflush(stdout); /* the line promises a commit: never hold it in a buffer */
}

int cmd_ingest(int argc, char **argv) {
  const char *db = "storyline.db";
  report_ctx r = {0, 0, 0};
  int first = 1, npaths = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--db")) {
      if (++i >= argc) {
        fprintf(stderr, "storyline ingest: --db needs a path\n");
        return 2;
      }
      db = argv[i];
    } else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
      r.quiet = 1;
    } else if (!strcmp(argv[i], "--verbose") || !strcmp(argv[i], "-v")) {
      r.verbose = 1;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "storyline ingest: unknown option '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    } else {
      if (!npaths)
        first = i;
      npaths++;
    }
  }
  if (!npaths) {
    usage(stderr);
    return 2;
  }
  sl_ingest *in = NULL;
  char err[512];
  if (sl_ingest_open(db, &in, err, sizeof err) != SL_OK) {
    fprintf(stderr, "storyline ingest: %s\n", err);
    return 1;
  }
  if (r.verbose)
    sl_ingest_on_stored(in, on_stored, NULL);
  sl_rc rc = SL_OK;
  for (int i = first; i < argc && rc == SL_OK; i++) {
    if (!strcmp(argv[i], "--db")) {
      i++;
      continue;
    }
    if (argv[i][0] == '-' && argv[i][1])
      continue;
    rc = sl_ingest_path(in, argv[i], on_report, &r);
  }
  sl_ingest_stats st;
  sl_ingest_get_stats(in, &st);
  sl_ingest_close(in);
  if (rc != SL_OK)
    fprintf(stderr, "storyline ingest: stopped: %s (documents stored before this point are kept)\n",
            sl_strerror(rc));
  fprintf(stderr, "storyline ingest: %zu read, %zu stored, %zu already stored, %zu failed, %zu new events (%s)\n",
          st.read, st.stored, st.duplicates, st.failed, st.events_new, db);
  if (rc != SL_OK)
    return 1;
  /* nothing usable at all is a failure; a partly bad batch is not */
  return st.stored + st.duplicates == 0 && st.failed > 0 ? 1 : 0;
}
