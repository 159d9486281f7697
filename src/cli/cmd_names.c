/*
 * cmd_names — `storyline names`: scores name pairs across scripts.  Reads
 * lines NAME_A<TAB>NAME_B on stdin and writes
 * NAME_A<TAB>NAME_B<TAB>SCORE<TAB>SAME, SCORE with four decimals and SAME
 * 1 when SCORE reaches the threshold (SL_NAMES_SAME unless --threshold).
 * A thin layer over src/link/names: line splitting, UTF-8 repair and
 * buffered output only.  Lines without a tab or longer than MAX_LINE bytes
 * are reported on stderr with their number and skipped; invalid UTF-8 is
 * reported and replaced by U+FFFD.  With --keys it reads one name per line
 * and writes NAME<TAB>KEY<TAB>BLOCKS (the phonetic key and the blocking
 * codes the entity linker indexes), for debugging and measurement.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "link/names.h"

#define MAX_LINE 4096u
#define IN_CHUNK (1u << 20)
#define OUT_CHUNK (1u << 20)

typedef struct outbuf {
  char *b;
  size_t n;
  int err;
} outbuf;

static void out_flush(outbuf *o) {
  if (o->n && fwrite(o->b, 1, o->n, stdout) != o->n) o->err = 1;
  o->n = 0;
}

static void out_put(outbuf *o, const char *z, size_t n) {
  if (o->n + n > OUT_CHUNK) out_flush(o);
  if (n > OUT_CHUNK) {
    if (fwrite(z, 1, n, stdout) != n) o->err = 1;
    return;
  }
  memcpy(o->b + o->n, z, n);
  o->n += n;
}

/* Copies z[0..n) into dst (room for 3n bytes), replacing each invalid
 * UTF-8 sequence by U+FFFD; returns the new length, *bad set if any. */
static size_t utf8_repair(const char *z, size_t n, char *dst, int *bad) {
  const unsigned char *s = (const unsigned char *)z;
  size_t i = 0, k = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t len = 0, j;
    unsigned cp, min;
    if (c < 0x80) {
      dst[k++] = (char)c;
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07, min = 0x10000;
    else cp = 0, min = 0;
    if (len && i + len <= n) {
      for (j = 1; j < len; j++) {
        if ((s[i + j] & 0xC0) != 0x80) break;
        cp = (cp << 6) | (s[i + j] & 0x3F);
      }
      if (j == len && cp >= min && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
        memcpy(dst + k, z + i, len);
        k += len;
        i += len;
        continue;
      }
    }
    *bad = 1;
    memcpy(dst + k, "\xEF\xBF\xBD", 3);
    k += 3;
    i++;
  }
  return k;
}

/* Writes "0.1234" for s in [0,1]; returns the length. */
static size_t fmt_score(double s, char *b) {
  long r;
  if (!(s > 0.0)) s = 0.0;
  if (s > 1.0) s = 1.0;
  r = (long)(s * 10000.0 + 0.5);
  b[0] = (char)('0' + r / 10000);
  b[1] = '.';
  b[2] = (char)('0' + (r / 1000) % 10);
  b[3] = (char)('0' + (r / 100) % 10);
  b[4] = (char)('0' + (r / 10) % 10);
  b[5] = (char)('0' + r % 10);
  return 6;
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: storyline names [--threshold X] [--keys]\n"
          "Reads NAME_A<TAB>NAME_B lines on stdin (any scripts) and writes\n"
          "NAME_A<TAB>NAME_B<TAB>SCORE<TAB>SAME: SCORE in [0,1], SAME 1 when\n"
          "SCORE >= X (default %.2f).  Bad lines are reported on stderr.\n"
          "--keys: read one name per line, write NAME<TAB>KEY<TAB>BLOCKS.\n",
          SL_NAMES_SAME);
}

/* Scores one line (without its newline); keys: print key and blocks. */
static void do_line(sl_names *nm, outbuf *o, const char *z, size_t n, unsigned long lineno,
                    double thr, int keys) {
  static char fixed[3 * MAX_LINE + 8];
  const char *tab, *a, *b, *end;
  size_t na, nb;
  int bad = 0;
  char sc[16];
  double s;
  if (n && z[n - 1] == '\r') n--;
  n = utf8_repair(z, n, fixed, &bad);
  if (bad) fprintf(stderr, "storyline names: line %lu: invalid UTF-8 replaced\n", lineno);
  if (keys) {
    char key[512], blk[256];
    size_t nk = sl_names_key(nm, fixed, n, key, sizeof key);
    size_t nbk = sl_names_block(key, blk, sizeof blk);
    out_put(o, fixed, n);
    out_put(o, "\t", 1);
    out_put(o, key, nk);
    out_put(o, "\t", 1);
    out_put(o, blk, nbk);
    out_put(o, "\n", 1);
    return;
  }
  tab = memchr(fixed, '\t', n);
  if (!tab) {
    fprintf(stderr, "storyline names: line %lu: no tab, skipped\n", lineno);
    return;
  }
  a = fixed;
  na = (size_t)(tab - fixed);
  b = tab + 1;
  end = memchr(b, '\t', (size_t)(fixed + n - b));
  nb = (size_t)((end ? end : fixed + n) - b);
  s = sl_names_score(nm, a, na, b, nb);
  out_put(o, a, na);
  out_put(o, "\t", 1);
  out_put(o, b, nb);
  out_put(o, "\t", 1);
  out_put(o, sc, fmt_score(s, sc));
  out_put(o, s >= thr ? "\t1\n" : "\t0\n", 3);
}

int cmd_names(int argc, char **argv) {
  int rc = 1, i, skipping = 0, keys = 0;
  double thr = SL_NAMES_SAME;
  sl_names *nm = NULL;
  sl_rc e;
  char *in = NULL;
  size_t have = 0, got;
  unsigned long lineno = 0;
  outbuf o = {NULL, 0, 0};
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(argv[i], "--keys")) {
      keys = 1;
    } else if (!strcmp(argv[i], "--threshold") && i + 1 < argc) {
      char *endp;
      errno = 0;
      thr = strtod(argv[++i], &endp);
      if (errno || *endp || endp == argv[i] || !(thr >= 0.0 && thr <= 1.0)) {
        fprintf(stderr, "storyline names: --threshold wants a number in [0,1], got '%s'\n",
                argv[i]);
        return 2;
      }
    } else {
      fprintf(stderr, "storyline names: unknown argument '%s'\n", argv[i]);
      usage(stderr);
      return 2;
    }
  }
  e = sl_names_new(&nm);
  if (e != SL_OK) {
    fprintf(stderr, "storyline names: cannot open the matcher: %s\n", sl_strerror(e));
    goto out;
  }
  in = malloc(IN_CHUNK + MAX_LINE + 1);
  o.b = malloc(OUT_CHUNK);
  if (!in || !o.b) {
    fprintf(stderr, "storyline names: %s\n", sl_strerror(SL_ENOMEM));
    goto out;
  }
  for (;;) {
    size_t start = 0;
    char *nl;
    got = fread(in + have, 1, IN_CHUNK + MAX_LINE - have, stdin);
    have += got;
    if (have == 0) break;
    for (;;) {
      size_t len;
      nl = memchr(in + start, '\n', have - start);
      if (!nl) break;
      len = (size_t)(nl - (in + start));
      if (skipping) {
        skipping = 0;
      } else {
        lineno++;
        if (len > MAX_LINE)
          fprintf(stderr, "storyline names: line %lu: longer than %u bytes, skipped\n", lineno,
                  MAX_LINE);
        else
          do_line(nm, &o, in + start, len, lineno, thr, keys);
      }
      start += len + 1;
    }
    memmove(in, in + start, have - start);
    have -= start;
    if (got == 0) { /* end of input: last line without newline */
      if (have && !skipping) {
        lineno++;
        if (have > MAX_LINE)
          fprintf(stderr, "storyline names: line %lu: longer than %u bytes, skipped\n", lineno,
                  MAX_LINE);
        else
          do_line(nm, &o, in, have, lineno, thr, keys);
      }
      break;
    }
    if (have > MAX_LINE) { /* an over-long line: drop what we have of it */
      if (!skipping) {
        lineno++;
        fprintf(stderr, "storyline names: line %lu: longer than %u bytes, skipped\n", lineno,
                MAX_LINE);
      }
      skipping = 1;
      have = 0;
    }
  }
  if (ferror(stdin)) {
    fprintf(stderr, "storyline names: reading stdin: %s\n", sl_strerror(SL_EIO));
    goto out;
  }
  out_flush(&o);
  if (o.err || fflush(stdout) != 0) {
    fprintf(stderr, "storyline names: writing stdout: %s\n", sl_strerror(SL_EIO));
    goto out;
  }
  rc = 0;
out:
  sl_names_free(nm);
  free(in);
  free(o.b);
  return rc;
}
