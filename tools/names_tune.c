/*
 * names_tune — fits the alignment weights of the name matcher
 * (src/link/names.c) and writes src/link/names_weights.c.  Built and run
 * by tools/names_tune.sh; not part of the library.
 *
 * Starts from the hand-made letter table tools/names_weights.tsv, makes
 * the keys of every name of the training files once, then does coordinate
 * descent: each weight in turn is moved up or down by a step (0.2, halved
 * down to 0.025 whenever a sweep moves nothing), and the move is kept when
 * the objective improves.  Objective, per file: recall (share
 * of true pairs scoring >= SL_NAMES_SAME) minus PENALTY times the excess of
 * the false-match rate (10 random partners per true pair, fixed seed) over
 * TARGET_FMR; summed over the files.  Only the lines of the chosen half
 * (even by default) are used, so the other half stays held out.
 *
 * usage: names_tune [--half even|odd|all] [--sweeps N] [--init TSV]
 *                   [--out FILE.c] [--eval] FILE.tsv...
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "link/names.h"
#include "link/names_int.h"

#define MAXW 512
#define PARTNERS 10
#define TARGET_FMR 0.004
#define PENALTY 25.0

sl_names_weight sl_names_weights[MAXW];
size_t sl_names_nweights;

typedef struct dataset {
  const char *path;
  size_t n;
  char **klat, **knat; /* keys */
  uint64_t (*mlat)[2], (*mnat)[2]; /* symbols present in each key */
  uint32_t *partner;   /* n * PARTNERS indexes into knat */
  uint8_t *same;       /* n * (1 + PARTNERS): 1 true pair, then partners */
  uint8_t *trial;      /* flags of the weight being tried */
  size_t tp, fp;
  double recall, fmr;
} dataset;

static void mask_of(const char *k, uint64_t *m) {
  m[0] = m[1] = 0;
  for (; *k; k++) {
    unsigned c = (unsigned char)*k & 127;
    m[c >> 6] |= 1ull << (c & 63);
    if (c == '@') /* an article may be spelled out as al */
      m['a' >> 6] |= 1ull << ('a' & 63), m['A' >> 6] |= 1ull << ('A' & 63),
          m['l' >> 6] |= 1ull << ('l' & 63);
  }
}

static int has(const uint64_t *m, char c) {
  unsigned u = (unsigned char)c & 127;
  return (int)((m[u >> 6] >> (u & 63)) & 1);
}

/* Can weight w change the score of keys with symbol masks a and b? */
static int affects(const sl_names_weight *w, const uint64_t *a, const uint64_t *b) {
  switch (w->kind) {
  case 's':
  case 'a':
    return (has(a, w->x) && has(b, w->y)) || (has(a, w->y) && has(b, w->x));
  case 'd':
  case 'v':
    return has(a, w->x) || has(b, w->x);
  default:
    return 1;
  }
}

static uint64_t rng = 88172645463325252ull;
static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (uint32_t)(rng >> 11);
}

static char *dupkey(sl_names *nm, const char *z, size_t n) {
  char key[SL_NAMES_KEY_CAP];
  size_t k = sl_names_key(nm, z, n, key, sizeof key);
  char *p = malloc(k + 1);
  if (!p) exit(1);
  memcpy(p, key, k + 1);
  return p;
}

static void load(sl_names *nm, dataset *d, const char *path, int half) {
  FILE *f = fopen(path, "r");
  char line[8192];
  size_t cap = 1024, lineno = 0, i, k;
  if (!f) {
    fprintf(stderr, "names_tune: cannot open %s\n", path);
    exit(1);
  }
  d->path = path;
  d->n = 0;
  d->klat = malloc(cap * sizeof(char *));
  d->knat = malloc(cap * sizeof(char *));
  while (fgets(line, sizeof line, f)) {
    char *tab, *end;
    size_t ln = lineno++;
    if (ln == 0) continue; /* header */
    if (half == 0 && ln % 2) continue;
    if (half == 1 && !(ln % 2)) continue;
    end = line + strcspn(line, "\r\n");
    *end = '\0';
    tab = strchr(line, '\t');
    if (!tab) continue;
    if (d->n == cap) {
      cap *= 2;
      d->klat = realloc(d->klat, cap * sizeof(char *));
      d->knat = realloc(d->knat, cap * sizeof(char *));
      if (!d->klat || !d->knat) exit(1);
    }
    d->klat[d->n] = dupkey(nm, line, (size_t)(tab - line));
    end = strchr(tab + 1, '\t');
    if (!end) end = tab + 1 + strlen(tab + 1);
    d->knat[d->n] = dupkey(nm, tab + 1, (size_t)(end - tab - 1));
    d->n++;
  }
  fclose(f);
  d->partner = malloc(d->n * PARTNERS * sizeof(uint32_t));
  d->same = calloc(d->n * (1 + PARTNERS), 1);
  d->trial = calloc(d->n * (1 + PARTNERS), 1);
  d->mlat = malloc(d->n * sizeof *d->mlat);
  d->mnat = malloc(d->n * sizeof *d->mnat);
  if (!d->partner || !d->same || !d->trial || !d->mlat || !d->mnat || d->n < 2) exit(1);
  for (i = 0; i < d->n; i++) {
    mask_of(d->klat[i], d->mlat[i]);
    mask_of(d->knat[i], d->mnat[i]);
  }
  for (i = 0; i < d->n; i++)
    for (k = 0; k < PARTNERS; k++) {
      uint32_t j = next_rand() % (uint32_t)(d->n - 1);
      if (j >= i) j++;
      d->partner[i * PARTNERS + k] = j;
    }
}

static double objective(dataset *ds, int nds, int trial) {
  double obj = 0.0;
  int f;
  for (f = 0; f < nds; f++) {
    dataset *d = &ds[f];
    size_t i, tp = 0, fp = 0, m = d->n * (1 + PARTNERS);
    const uint8_t *fl = trial ? d->trial : d->same;
    for (i = 0; i < m; i++) {
      if (i % (1 + PARTNERS) == 0) tp += fl[i];
      else fp += fl[i];
    }
    d->recall = (double)tp / (double)d->n;
    d->fmr = (double)fp / (double)(d->n * PARTNERS);
    obj += d->recall - PENALTY * (d->fmr > TARGET_FMR ? d->fmr - TARGET_FMR : 0.0);
  }
  return obj;
}

/* Scores the pairs weight w (NULL: every pair) can change into the trial
 * flags (the others copied), and returns the objective on them. */
static double evaluate_trial(dataset *ds, int nds, const sl_names_weight *w) {
  int f;
  sl_names_tables_rebuild();
  for (f = 0; f < nds; f++) {
    dataset *d = &ds[f];
    size_t i, k;
    memcpy(d->trial, d->same, d->n * (1 + PARTNERS));
    for (i = 0; i < d->n; i++) {
      uint8_t *t = d->trial + i * (1 + PARTNERS);
      if (!w || affects(w, d->mlat[i], d->mnat[i]))
        t[0] = sl_names_score_keys(d->klat[i], d->knat[i]) >= SL_NAMES_SAME;
      for (k = 0; k < PARTNERS; k++) {
        uint32_t j = d->partner[i * PARTNERS + k];
        if (!w || affects(w, d->mlat[i], d->mnat[j]))
          t[1 + k] = sl_names_score_keys(d->klat[i], d->knat[j]) >= SL_NAMES_SAME;
      }
    }
  }
  return objective(ds, nds, 1);
}

static void accept_trial(dataset *ds, int nds) {
  int f;
  for (f = 0; f < nds; f++) memcpy(ds[f].same, ds[f].trial, ds[f].n * (1 + PARTNERS));
}

static double evaluate(dataset *ds, int nds) {
  double o = evaluate_trial(ds, nds, NULL);
  accept_trial(ds, nds);
  return o;
}

static int cmp_desc(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x < y) - (x > y);
}

/* Prints, per file, the recall at the threshold where the false-match rate
 * would be TARGET_FMR: how good the weights are whatever the threshold. */
static void report_at_fmr(dataset *ds, int nds) {
  int f;
  sl_names_tables_rebuild();
  for (f = 0; f < nds; f++) {
    dataset *d = &ds[f];
    size_t i, k, nf = d->n * PARTNERS, tp = 0;
    double *fs = malloc(nf * sizeof *fs), t;
    if (!fs) exit(1);
    for (i = 0; i < d->n; i++)
      for (k = 0; k < PARTNERS; k++)
        fs[i * PARTNERS + k] =
            sl_names_score_keys(d->klat[i], d->knat[d->partner[i * PARTNERS + k]]);
    qsort(fs, nf, sizeof *fs, cmp_desc);
    t = fs[(size_t)(TARGET_FMR * (double)nf)];
    for (i = 0; i < d->n; i++) tp += sl_names_score_keys(d->klat[i], d->knat[i]) > t;
    printf("  %s: at FMR %.4f threshold > %.4f, recall %.4f\n", d->path, TARGET_FMR, t,
           (double)tp / (double)d->n);
    free(fs);
  }
}

static void load_weights(const char *path) {
  FILE *f = fopen(path, "r");
  char line[256];
  if (!f) {
    fprintf(stderr, "names_tune: cannot open %s\n", path);
    exit(1);
  }
  while (fgets(line, sizeof line, f) && sl_names_nweights < MAXW) {
    char k, x, y;
    float v;
    if (line[0] == '#' || line[0] == '\n') continue;
    if (sscanf(line, " %c %c %c %f", &k, &x, &y, &v) != 4) {
      fprintf(stderr, "names_tune: bad weight line: %s", line);
      exit(1);
    }
    sl_names_weights[sl_names_nweights].kind = k;
    sl_names_weights[sl_names_nweights].x = x;
    sl_names_weights[sl_names_nweights].y = y == '0' ? 0 : y;
    sl_names_weights[sl_names_nweights].v = v;
    sl_names_nweights++;
  }
  fclose(f);
}

static void write_weights(const char *path, const char *how) {
  FILE *f = fopen(path, "w");
  size_t i;
  if (!f) {
    fprintf(stderr, "names_tune: cannot write %s\n", path);
    exit(1);
  }
  fprintf(f,
          "/*\n"
          " * names_weights -- GENERATED by tools/names_tune.sh: do not edit by hand.\n"
          " * Alignment weights of the name matcher (kinds: see names_int.h), from\n"
          " * the hand-made table tools/names_weights.tsv tuned by coordinate descent\n"
          " * (tools/names_tune.c) on %s.\n"
          " */\n"
          "#include \"link/names_int.h\"\n\n"
          "sl_names_weight sl_names_weights[] = {\n",
          how);
  for (i = 0; i < sl_names_nweights; i++) {
    const sl_names_weight *w = &sl_names_weights[i];
    char xs[8], ys[8];
    snprintf(xs, sizeof xs, "'%c'", w->x);
    if (w->y) snprintf(ys, sizeof ys, "'%c'", w->y);
    else snprintf(ys, sizeof ys, "0");
    fprintf(f, "  {'%c', %s, %s, %.3ff},\n", w->kind, xs, ys, (double)w->v);
  }
  fprintf(f, "};\n\nsize_t sl_names_nweights = sizeof sl_names_weights / "
             "sizeof sl_names_weights[0];\n");
  fclose(f);
}

static void report(const char *what, dataset *ds, int nds, double obj) {
  int f;
  printf("%s: objective %.4f", what, obj);
  for (f = 0; f < nds; f++)
    printf("  | %s recall %.4f FMR %.4f", strrchr(ds[f].path, '/') ? strrchr(ds[f].path, '/') + 1
                                                                     : ds[f].path,
           ds[f].recall, ds[f].fmr);
  printf("\n");
  fflush(stdout);
}

int main(int argc, char **argv) {
  const char *init = "tools/names_weights.tsv", *out = NULL, *halfname = "even";
  int half = 0, sweeps = 4, only_eval = 0, nds = 0, i, s, level = 0;
  dataset ds[8];
  sl_names *nm = NULL;
  double best;
  char how[512];
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--half") && i + 1 < argc) {
      halfname = argv[++i];
      half = !strcmp(halfname, "even") ? 0 : !strcmp(halfname, "odd") ? 1 : 2;
    } else if (!strcmp(argv[i], "--sweeps") && i + 1 < argc) {
      sweeps = (int)strtol(argv[++i], NULL, 10);
    } else if (!strcmp(argv[i], "--init") && i + 1 < argc) {
      init = argv[++i];
    } else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
      out = argv[++i];
    } else if (!strcmp(argv[i], "--eval")) {
      only_eval = 1;
    } else if (nds < 8) {
      ds[nds++].path = argv[i];
    }
  }
  if (nds == 0) {
    fprintf(stderr, "usage: names_tune [--half even|odd|all] [--sweeps N] [--init TSV] "
                    "[--out FILE.c] [--eval] FILE.tsv...\n");
    return 2;
  }
  load_weights(init);
  if (sl_names_new(&nm) != SL_OK) return 1;
  for (i = 0; i < nds; i++) load(nm, &ds[i], ds[i].path, half);
  best = evaluate(ds, nds);
  report("start", ds, nds, best);
  if (only_eval) report_at_fmr(ds, nds);
  /* steps 0.2, 0.1, 0.05, 0.025: the next when a sweep moves nothing */
  for (s = 0; s < sweeps && !only_eval && level < 4; s++) {
    float step = 0.2f / (float)(1 << level);
    size_t w;
    int moved = 0;
    for (w = 0; w < sl_names_nweights; w++) {
      float v0 = sl_names_weights[w].v, hi = sl_names_weights[w].kind == 'k' ? 3.0f : 1.5f;
      int dir;
      for (dir = -1; dir <= 1; dir += 2) {
        float v = v0 + (float)dir * step;
        double o;
        if (v < 0.0f || v > hi) continue;
        sl_names_weights[w].v = v;
        o = evaluate_trial(ds, nds, &sl_names_weights[w]);
        if (o > best + 1e-6) {
          best = o;
          v0 = v;
          moved++;
          accept_trial(ds, nds);
          dir -= 2; /* keep going the same way */
        } else {
          sl_names_weights[w].v = v0;
        }
      }
      sl_names_weights[w].v = v0;
      sl_names_tables_rebuild();
    }
    best = evaluate(ds, nds);
    snprintf(how, sizeof how, "sweep %d, step %.3f (%d moves)", s + 1, (double)step, moved);
    report(how, ds, nds, best);
    if (!moved) level++;
  }
  if (out) {
    int n = snprintf(how, sizeof how, "the %s lines of", halfname);
    for (i = 0; i < nds && n > 0 && (size_t)n < sizeof how; i++)
      n += snprintf(how + n, sizeof how - (size_t)n, " %s",
                    strrchr(ds[i].path, '/') ? strrchr(ds[i].path, '/') + 1 : ds[i].path);
    write_weights(out, how);
  }
  sl_names_free(nm);
  return 0;
}
