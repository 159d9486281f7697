/*
 * cmd_serve — `storyline serve`: the JSON API and the web page over a store
 * (src/http).  Parses options, starts the server, prints where it listens
 * and waits for SIGINT/SIGTERM, then stops cleanly (threads joined, store
 * handles closed).
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "cli/commands.h"
#include "http/http.h"

static const char USAGE[] =
    "usage: storyline serve [--db PATH] [--port N] [--bind ADDR] [--threads N]\n"
    "Serves the web page at / and the JSON API under /api/ (events, stories,\n"
    "entities, documents, search, health) from the store, read-only, while\n"
    "ingest may keep writing.  Defaults: storyline.db, 127.0.0.1, port 8080,\n"
    "4 threads.  --port 0 picks a free port (printed on stdout).\n";

/* Parses a decimal number in [lo, hi]; -1 when s is not one. */
static long parse_num(const char *s, long lo, long hi) {
  long v = 0;
  if (!*s || strlen(s) > 6)
    return -1;
  for (; *s; s++) {
    if (*s < '0' || *s > '9')
      return -1;
    v = v * 10 + (*s - '0');
  }
  return v < lo || v > hi ? -1 : v;
}

/* Runs `storyline serve`; returns the exit status. */
int cmd_serve(int argc, char **argv) {
  sl_http_config cfg = {"storyline.db", "127.0.0.1", 8080, 4};
  sl_http *h = NULL;
  sigset_t set;
  int sig = 0;
  char err[1024];
  long v;

  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      fputs(USAGE, stdout);
      return 0;
    }
    if (i + 1 >= argc || strncmp(a, "--", 2) != 0) {
      fprintf(stderr, "storyline serve: unexpected '%s'\n%s", a, USAGE);
      return 2;
    }
    const char *val = argv[++i];
    if (!strcmp(a, "--db")) {
      cfg.db = val;
    } else if (!strcmp(a, "--bind")) {
      cfg.bind = val;
    } else if (!strcmp(a, "--port") && (v = parse_num(val, 0, 65535)) >= 0) {
      cfg.port = (uint16_t)v;
    } else if (!strcmp(a, "--threads") && (v = parse_num(val, 1, 16)) >= 0) {
      cfg.threads = (unsigned)v;
    } else {
      fprintf(stderr, "storyline serve: bad option '%s %s'\n%s", a, val, USAGE);
      return 2;
    }
  }
  /* Many idle clients need descriptors: raise the soft limit to the hard. */
  struct rlimit rl;
  if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
  }
  /* Block the stop signals before MHD's threads start so they inherit the
   * mask and only sigwait below sees them. */
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);
  if (sl_http_start(&cfg, &h, err, sizeof err) != SL_OK) {
    fprintf(stderr, "storyline serve: %s\n", err[0] ? err : "cannot start");
    return 1;
  }
  printf("storyline: serving %s on http://%s%s%s:%u/ (Ctrl-C stops)\n", cfg.db,
         strchr(cfg.bind, ':') ? "[" : "", cfg.bind, strchr(cfg.bind, ':') ? "]" : "",
         (unsigned)sl_http_port(h));
  fflush(stdout);
  sigwait(&set, &sig);
  fprintf(stderr, "storyline serve: stopping (%s)\n", sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP");
  sl_http_stop(h);
  return 0;
}
