/*
 * cmd_ingest — `storyline ingest [--db PATH] [--jobs N] [--batch N] [--quiet]
 * [--verbose] [--stats] [--progress] PATH...`: files, folders and "-"
 * (JSON Lines on stdin) into the store.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "storyline/storyline.h"
#include "cli/commands.h"
#include "util/cputime.h"

#define PROGRESS_EVERY 0.5 /* seconds between two progress updates on a terminal */

typedef struct report_ctx {
  int quiet;
  size_t warnings;
} report_ctx;

/* What the stored callback needs: --verbose lines and the progress line. */
typedef struct stored_ctx {
  sl_ingest *in;
  int verbose;
  int progress;          /* 0 off, 1 terminal line, 2 a line per step (--progress) */
  size_t every;          /* documents per line with --progress */
  double t0, last;
  size_t stored, last_n;
  double total_bytes;    /* of the inputs, when all are regular files (for the ETA) */
} stored_ctx;

static double cpu_now(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
         (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

/* documents, docs/s, events, ETA (from the bytes read of the inputs' size) */
static void progress(stored_ctx *p, int final) {
  sl_ingest_stats st;
  double now = sl_wall_seconds(), dt = now - p->t0;
  sl_ingest_get_stats(p->in, &st);
  char eta[32] = "";
  if (p->total_bytes > 0 && st.bytes > 0 && !final) {
    double left = dt * (p->total_bytes / (double)st.bytes - 1);
    snprintf(eta, sizeof eta, ", ETA %.0f:%02.0f", left / 60 > 0 ? (double)(long)(left / 60) : 0,
             left > 0 ? left - 60 * (double)(long)(left / 60) : 0);
  }
  double rate = dt > 0 ? (double)p->stored / dt : 0;
  double recent = now > p->last && p->last > 0 ? (double)(p->stored - p->last_n) / (now - p->last) : rate;
  if (p->progress == 1)
    fprintf(stderr, "\r\033[Kingest: %zu documents, %.0f docs/s, %zu new events%s", p->stored, rate,
            st.events_new, eta);
  else
    fprintf(stderr, "ingest: %zu documents, %.0f docs/s (%.0f docs/s lately), %zu new events, %.1f s CPU%s\n",
            p->stored, rate, recent, st.events_new, cpu_now(), eta);
  if (final && p->progress == 1)
    fputc('\n', stderr);
  fflush(stderr);
  p->last = now;
  p->last_n = p->stored;
}

/* One field of a stored line: tabs and line breaks would split the line. */
static void put_field(const char *z) {
  for (; *z; z++)
    putchar(*z == '\t' || *z == '\n' || *z == '\r' ? ' ' : *z);
}

static void on_stored(void *ctx, const char *id, const char *source) {
  stored_ctx *p = ctx;
  p->stored++;
  if (p->verbose) {
    fputs("stored\t", stdout);
    put_field(id);
    putchar('\t');
    put_field(source ? source : "");
    putchar('\n');
    fflush(stdout); /* the line promises a commit: never hold it in a buffer */
  }
  if (p->progress == 1 && sl_wall_seconds() - p->last >= PROGRESS_EVERY)
    progress(p, 0);
  else if (p->progress == 2 && p->stored % p->every == 0)
    progress(p, 0);
}

static void print_stats(sl_ingest *in, double wall, double cpu) {
  sl_ingest_stats st;
  double sum = 0;
  sl_ingest_get_stats(in, &st);
  size_t n = st.stored + st.duplicates + st.failed;
  fprintf(stderr, "stage\tcpu_s\tdocs_per_cpu_s\n");
  for (size_t i = 0; i < sl_ingest_stage_count(); i++) {
    double s = sl_ingest_stage_seconds(in, i);
    sum += s;
    fprintf(stderr, "%s\t%.3f\t%.0f\n", sl_ingest_stage_name(i), s, s > 0 ? (double)n / s : 0);
  }
  fprintf(stderr, "stages\t%.3f\t%.0f\n", sum, sum > 0 ? (double)n / sum : 0);
  fprintf(stderr, "process\t%.3f\t%.0f\t(wall %.2f s, %.0f docs/s)\n", cpu, cpu > 0 ? (double)n / cpu : 0,
          wall, wall > 0 ? (double)n / wall : 0);
}
static void usage(FILE *f) {
  fprintf(f,
          "usage: storyline ingest [--db PATH] [--jobs N] [--batch N] [--quiet] [--verbose] [--stats] PATH...\n\n"
          "Reads articles and stores them with their entities, events and stories.\n"
          "PATH is a file (.txt plain text: first line is the title; .html/.htm/.html.gz;\n"
          ".jsonl/.json: JSON Lines records with id, url, title, text or html,\n"
          "published, lang), a folder (read recursively), or - for JSON Lines on stdin.\n"
          "Ingesting a document twice stores it once.\n\n"
          "  --db PATH   store to write (default: storyline.db)\n"
          "  --jobs N    analyse on N threads (default 1); the store is the same for any N\n"
          "  --batch N   documents per transaction (default 500; a batch open for a\n"
          "              second is committed anyway)\n"
          "  --quiet     report only errors\n"
          "  --verbose   print stored<TAB>DOC_ID<TAB>SOURCE for each document once committed\n"
          "  --stats     print CPU seconds per stage at the end\n"
          "  --progress  a progress line every 10,000 documents even when stderr is not a\n"
          "              terminal (on a terminal one line is kept up to date anyway)\n"
          "  --progress-every N  the same, every N documents\n");
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

/* A whole number in [lo, hi] for option opt, or -1 with a message. */
static long count_arg(const char *opt, const char *v, long lo, long hi) {
  char *end = NULL;
  long n = v ? strtol(v, &end, 10) : 0;
  if (!v || !end || *end || end == v || n < lo || n > hi) {
    fprintf(stderr, "storyline ingest: %s needs a number from %ld to %ld\n", opt, lo, hi);
    return -1;
  }
  return n;
}

int cmd_ingest(int argc, char **argv) {
  const char *db = "storyline.db";
  report_ctx r = {0, 0};
  stored_ctx sc;
  int npaths = 0, stats = 0;
  long jobs = 1, batch = 0;
  memset(&sc, 0, sizeof sc);
  sc.every = 10000;
  /* the paths in order, the options taken out */
  const char **paths = calloc((size_t)argc, sizeof *paths);
  if (!paths) {
    fprintf(stderr, "storyline ingest: out of memory\n");
    return 1;
  }
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *next = i + 1 < argc ? argv[i + 1] : NULL;
    long v;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      free(paths);
      return 0;
    } else if (!strcmp(a, "--db")) {
      if (!next) {
        fprintf(stderr, "storyline ingest: --db needs a path\n");
        goto bad_usage;
      }
      db = argv[++i];
    } else if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
      if ((jobs = count_arg("--jobs", next, 1, 64)) < 0)
        goto bad_usage;
      i++;
    } else if (!strcmp(a, "--batch")) {
      if ((batch = count_arg("--batch", next, 1, 1000000)) < 0)
        goto bad_usage;
      i++;
    } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
      r.quiet = 1;
    } else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
      sc.verbose = 1;
    } else if (!strcmp(a, "--stats")) {
      stats = 1;
    } else if (!strcmp(a, "--progress")) {
      sc.progress = 2;
    } else if (!strcmp(a, "--progress-every")) {
      if ((v = count_arg("--progress-every", next, 1, 1000000000)) < 0)
        goto bad_usage;
      i++;
      sc.progress = 2;
      sc.every = (size_t)v;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "storyline ingest: unknown option '%s'\n", a);
      usage(stderr);
      goto bad_usage;
    } else {
      paths[npaths++] = a;
    }
  }
  if (!npaths) {
    usage(stderr);
    goto bad_usage;
  }
  sl_ingest *in = NULL;
  char err[512];
  if (sl_ingest_open(db, &in, err, sizeof err) != SL_OK) {
    fprintf(stderr, "storyline ingest: %s\n", err);
    free(paths);
    return 1;
  }
  /* the ETA needs the inputs' size: regular files only */
  for (int i = 0; i < npaths; i++) {
    struct stat sb;
    if (stat(paths[i], &sb) != 0 || !S_ISREG(sb.st_mode)) {
      sc.total_bytes = -1;
      break;
    }
    sc.total_bytes += (double)sb.st_size;
  }
  if (!sc.progress && isatty(STDERR_FILENO))
    sc.progress = 1;
  sc.in = in;
  sc.t0 = sl_wall_seconds();
  double cpu0 = cpu_now();
  sl_ingest_set_jobs(in, (int)jobs);
  if (batch)
    sl_ingest_set_batch(in, (size_t)batch);
  sl_ingest_on_stored(in, on_stored, &sc);
  sl_rc rc = SL_OK;
  for (int i = 0; i < npaths && rc == SL_OK; i++)
    rc = sl_ingest_path(in, paths[i], on_report, &r);
  free(paths);
  if (sc.progress)
    progress(&sc, 1);
  if (stats)
    print_stats(in, sl_wall_seconds() - sc.t0, cpu_now() - cpu0);
  fflush(stdout);
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

bad_usage:
  free(paths);
  return 2;
}
