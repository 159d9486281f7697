/*
 * gen_translations — writes the table of src/cluster/translate.h: words of
 * German, French, Spanish, Italian, Polish, Turkish, Arabic and Russian
 * mapped to the English stems they translate to, from Debian's FreeDict
 * dictionaries (packages dict-freedict-LLL-LLL, dictd format in
 * /usr/share/dictd).  Every word goes through storyline's own tokenizer,
 * so a key is exactly the hash evidence.c gives a word's form
 * ("de=erdbeben") or stem ("de:erdbeb"), and a value the low 32 bits of
 * an English stem's ("en:earthquak").  Run by the Makefile at build time:
 * usage: gen_translations DICT_DIR > translations.c
 *
 * A headword of one word keeps the first MAX_SENSES one-word translations
 * of its entries, in the dictionary's order (the commonest sense first);
 * phrases, examples, notes and cross-references are skipped.  The
 * dictionaries into English come first.  Languages whose dictionary into
 * English is small (French, Spanish, Italian) or missing (Russian) then
 * go through German, whose dictionary is large: a word's German
 * translations lend it their English ones, from dictionaries either way
 * (fra-deu: French headword, German senses; deu-fra: the other way).
 * A missing dictionary is skipped with a warning: the table is then
 * smaller, or empty, and the "translated" part of the similarity weaker,
 * or 0.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "analyze/tokenize.h"
#include "util/strmap.h"

#define MAX_SENSES 3
#define MAX_ENTRY (1u << 16) /* longer entries are lists, not words */

/* Dictionaries, in the order they are read: into English, then through
 * German (the German words' senses must be known by then). */
typedef enum via { INTO_ENGLISH, INTO_GERMAN, FROM_GERMAN } via;

static const struct {
  const char *lang, *file;
  via how;
} DICTS[] = {{"de", "deu-eng", INTO_ENGLISH}, {"fr", "fra-eng", INTO_ENGLISH},
             {"es", "spa-eng", INTO_ENGLISH}, {"it", "ita-eng", INTO_ENGLISH},
             {"pl", "pol-eng", INTO_ENGLISH}, {"tr", "tur-eng", INTO_ENGLISH},
             {"ar", "ara-eng", INTO_ENGLISH}, {"fr", "fra-deu", INTO_GERMAN},
             {"fr", "deu-fra", FROM_GERMAN},  {"es", "spa-deu", INTO_GERMAN},
             {"es", "deu-spa", FROM_GERMAN},  {"it", "ita-deu", INTO_GERMAN},
             {"it", "deu-ita", FROM_GERMAN},  {"ru", "deu-rus", FROM_GERMAN}};

/* One source stem and the English stems it translates to. */
typedef struct entry {
  uint64_t key;
  uint32_t vals[MAX_SENSES];
  size_t nv;
} entry;

static entry *entries;
static size_t nentries, capentries;

static entry *new_entry(uint64_t key) {
  if (nentries == capentries) {
    size_t nc = capentries ? capentries * 2 : 1u << 16;
    entry *ne = realloc(entries, nc * sizeof *ne);
    if (!ne)
      return NULL;
    entries = ne;
    capentries = nc;
  }
  entry *e = &entries[nentries++];
  e->key = key;
  e->nv = 0;
  return e;
}

/* The whole of a gzip (dictzip) file, NUL-terminated; NULL when unreadable. */
static char *read_gz(const char *path, size_t *n) {
  gzFile f = gzopen(path, "rb");
  size_t cap = 1u << 20, len = 0;
  char *buf = f ? malloc(cap) : NULL;
  if (!buf) {
    if (f)
      gzclose(f);
    return NULL;
  }
  for (;;) {
    if (cap - len < (1u << 16)) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        gzclose(f);
        return NULL;
      }
      buf = nb;
      cap *= 2;
    }
    int got = gzread(f, buf + len, (unsigned)(cap - len - 1));
    if (got < 0) {
      free(buf);
      gzclose(f);
      return NULL;
    }
    if (got == 0)
      break;
    len += (size_t)got;
  }
  gzclose(f);
  buf[len] = '\0';
  *n = len;
  return buf;
}

/* dictd's base64 number (offsets and lengths in the .index file). */
static size_t b64num(const char *s, size_t n) {
  static const char D[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  size_t v = 0;
  for (size_t i = 0; i < n; i++) {
    const char *p = strchr(D, s[i]);
    if (!p || !s[i])
      return (size_t)-1;
    v = v * 64 + (size_t)(p - D);
  }
  return v;
}

/* When z[0..n) in lang is one content word, its stem's hash ("de:erdbeb",
 * the return value) and its form's ("de=erdbeben", in *form); else 0. */
static uint64_t one_word(sl_tokenizer *tk, const char *lang, const char *z, size_t n, uint64_t *form) {
  const sl_token *t;
  size_t nt, found = 0, nl = strlen(lang);
  uint64_t h = 0;
  char buf[160];
  if (n == 0 || sl_tokenize(tk, lang, z, n, &t, &nt) != SL_OK)
    return 0;
  for (size_t i = 0; i < nt; i++) {
    if (t[i].flags & (SL_TOK_STOP | SL_TOK_NUMBER))
      continue;
    if (++found > 1 || t[i].nstem < 2 || nl + 1 + t[i].nnorm > sizeof buf)
      return 0;
    memcpy(buf, lang, nl);
    buf[nl] = ':';
    memcpy(buf + nl + 1, t[i].stem, t[i].nstem);
    h = sl_hash64(buf, nl + 1 + t[i].nstem);
    if (form) {
      buf[nl] = '=';
      memcpy(buf + nl + 1, t[i].norm, t[i].nnorm);
      *form = sl_hash64(buf, nl + 1 + t[i].nnorm);
    }
  }
  return found == 1 ? h : 0;
}

/* Copies line z[0..n) into out without a leading sense number ("2. ")
 * and with each "(...)", "[...]", "<...>", "{...}" and "/.../"
 * (pronunciation) replaced by a comma: "government <n>Gov., /gɔft/ Govt."
 * is the translations "government", "Gov." and "Govt.".  Returns the
 * length. */
static size_t plain_line(const char *z, size_t n, char *out) {
  size_t o = 0, i = 0;
  int depth = 0, slash = 0;
  while (i < n && (z[i] == ' ' || (z[i] >= '0' && z[i] <= '9') || z[i] == '.'))
    i++;
  for (; i < n; i++) {
    char c = z[i];
    if (c == '/' && !depth) {
      slash = !slash;
      out[o++] = ',';
    } else if (c == '(' || c == '[' || c == '<' || c == '{') {
      if (!depth++)
        out[o++] = ',';
    } else if ((c == ')' || c == ']' || c == '>' || c == '}') && depth > 0)
      depth--;
    else if (!depth && !slash)
      out[o++] = c;
  }
  return o;
}

/* 1 when a definition line carries no translations: notes, examples,
 * synonyms, cross-references. */
static int skip_line(const char *z, size_t n) {
  static const char *const SKIP[] = {"Note:", "Synonym", "see:", "\"", "(", NULL};
  while (n && *z == ' ')
    z++, n--;
  for (int k = 0; SKIP[k]; k++)
    if (n >= strlen(SKIP[k]) && !memcmp(z, SKIP[k], strlen(SKIP[k])))
      return 1;
  return n == 0;
}

/* The one-word senses of entry body z[0..n) (after its headword line),
 * in order, read as words of lang: their stem hashes into stems[] and
 * form hashes into forms[], at most max; returns how many. */
static size_t entry_words(sl_tokenizer *tk, const char *lang, const char *z, size_t n,
                          uint64_t *stems, uint64_t *forms, size_t max, char *line) {
  size_t i = 0, nw = 0;
  while (i < n && z[i] != '\n') /* the headword line */
    i++;
  while (i < n && nw < max) {
    size_t e = ++i;
    while (e < n && z[e] != '\n')
      e++;
    if (e > i && !skip_line(z + i, e - i)) {
      size_t ln = plain_line(z + i, e - i, line);
      for (size_t a = 0; a < ln && nw < max;) {
        size_t b = a;
        while (b < ln && line[b] != ',' && line[b] != ';')
          b++;
        /* "Gov.", "Govt.": abbreviations stand beside the word */
        size_t end = b;
        while (end > a && line[end - 1] == ' ')
          end--;
        uint64_t form = 0;
        uint64_t h = end > a && line[end - 1] != '.' ? one_word(tk, lang, line + a, b - a, &form) : 0;
        int dup = 0;
        for (size_t k = 0; k < nw; k++)
          dup |= stems[k] == h;
        if (h && !dup) {
          stems[nw] = h;
          forms[nw++] = form;
        }
        a = b + 1;
      }
    }
    i = e;
  }
  return nw;
}

/* The entries are found by key's hex digits (seen: the text -> index). */
static int key_text(uint64_t key, char *kb, size_t cap) {
  return snprintf(kb, cap, "%llx", (unsigned long long)key);
}

/* The entry of key, or NULL. */
static const entry *lookup(sl_strmap *seen, uint64_t key) {
  char kb[24];
  int kn = key_text(key, kb, sizeof kb);
  int64_t at;
  return sl_strmap_get(seen, kb, (size_t)kn, &at) ? &entries[at] : NULL;
}

/* Adds to vals[0..*nv) the senses from[0..n) not there yet, up to
 * MAX_SENSES in all (the first met first). */
static void add_senses(uint32_t *vals, size_t *nv, const uint32_t *from, size_t n) {
  for (size_t k = 0; k < n && *nv < MAX_SENSES; k++) {
    int dup = 0;
    for (size_t j = 0; j < *nv; j++)
      dup |= vals[j] == from[k];
    if (!dup)
      vals[(*nv)++] = from[k];
  }
}

/* Adds the English senses of entry e (may be NULL) to vals[0..*nv). */
static void take(const entry *e, uint32_t *vals, size_t *nv) {
  if (e)
    add_senses(vals, nv, e->vals, e->nv);
}

/* Adds the senses vals[0..nv) to key's entry; 0, or -1 when out of
 * memory. */
static int merge(sl_strmap *seen, uint64_t key, const uint32_t *vals, size_t nv) {
  char kb[24];
  int kn = key_text(key, kb, sizeof kb);
  int64_t at;
  entry *e;
  if (!nv)
    return 0;
  if (sl_strmap_get(seen, kb, (size_t)kn, &at))
    e = &entries[at];
  else if (!(e = new_entry(key)) || sl_strmap_put(seen, kb, (size_t)kn, (int64_t)(nentries - 1)) != SL_OK)
    return -1;
  add_senses(e->vals, &e->nv, vals, nv);
  return 0;
}

/* Adds one dictionary's words to the entries (seen: key -> entry); -1
 * when out of memory, 0 otherwise (a missing dictionary is a warning). */
static int add_dict(sl_tokenizer *tk, sl_strmap *seen, const char *dir, const char *lang,
                    const char *file, via how) {
  char path[4096];
  size_t ndict = 0, nidx = 0, before = nentries;
  snprintf(path, sizeof path, "%s/freedict-%s.dict.dz", dir, file);
  char *dict = read_gz(path, &ndict);
  snprintf(path, sizeof path, "%s/freedict-%s.index", dir, file);
  char *idx = read_gz(path, &nidx); /* gzopen reads plain files too */
  char *line = malloc(MAX_ENTRY);
  /* the headword's language and its senses' */
  const char *head = how == FROM_GERMAN ? "de" : lang;
  const char *sense = how == INTO_ENGLISH ? "en" : how == INTO_GERMAN ? "de" : lang;
  int rc = 0;
  if (!dict || !idx) {
    fprintf(stderr, "gen_translations: no %s dictionary (%s): install dict-freedict-%s\n", file,
            path, file);
    goto out;
  }
  if (!line) {
    rc = -1;
    goto out;
  }
  for (char *p = idx; *p && rc == 0;) {
    char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p);
    char *t1 = memchr(p, '\t', len), *t2 = t1 ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - p)) : NULL;
    if (t1 && t2 && strncmp(p, "00-", 3) && strncmp(p, "00database", 10)) {
      size_t off = b64num(t1 + 1, (size_t)(t2 - t1 - 1));
      size_t elen = b64num(t2 + 1, len - (size_t)(t2 + 1 - p));
      uint64_t form = 0;
      uint64_t key = memchr(p, ' ', (size_t)(t1 - p)) ? 0 : one_word(tk, head, p, (size_t)(t1 - p), &form);
      if (key && off < ndict && elen <= ndict - off && elen < MAX_ENTRY) {
        uint64_t stems[MAX_SENSES], forms[MAX_SENSES];
        uint32_t vals[MAX_SENSES];
        size_t nw = entry_words(tk, sense, dict + off, elen, stems, forms, MAX_SENSES, line), nv = 0;
        if (how == INTO_ENGLISH)
          for (size_t k = 0; k < nw; k++)
            vals[nv++] = (uint32_t)stems[k];
        else if (how == INTO_GERMAN) /* the German senses' English ones */
          for (size_t k = 0; k < nw; k++)
            take(lookup(seen, forms[k]), vals, &nv);
        else /* FROM_GERMAN: the headword's English senses go to each word */
          take(lookup(seen, form), vals, &nv);
        if (how != FROM_GERMAN) {
          /* the word's own senses under its form; under its stem, those of
           * every headword with that stem (Regierer, regierend, Regierung) */
          rc = merge(seen, form, vals, nv);
          if (rc == 0)
            rc = merge(seen, key, vals, nv);
        } else
          for (size_t k = 0; k < nw && rc == 0; k++) {
            rc = merge(seen, forms[k], vals, nv);
            if (rc == 0)
              rc = merge(seen, stems[k], vals, nv);
          }
      }
    }
    p = nl ? nl + 1 : p + len;
  }
  fprintf(stderr, "gen_translations: %s: %zu new words and stems\n", file, nentries - before);
out:
  free(dict);
  free(idx);
  free(line);
  return rc;
}

typedef struct pair {
  uint64_t key;
  uint32_t val;
} pair;

static int by_key(const void *a, const void *b) {
  const pair *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->val < y->val ? -1 : x->val > y->val;
}

int main(int argc, char **argv) {
  sl_tokenizer *tk = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: gen_translations DICT_DIR > translations.c\n");
    return 2;
  }
  if (sl_tokenizer_new(&tk) != SL_OK) {
    fprintf(stderr, "gen_translations: cannot open the tokenizer\n");
    return 1;
  }
  sl_strmap *seen = sl_strmap_new(); /* key -> its entry */
  if (!seen) {
    fprintf(stderr, "gen_translations: out of memory\n");
    return 1;
  }
  for (size_t d = 0; d < sizeof DICTS / sizeof DICTS[0]; d++)
    if (add_dict(tk, seen, argv[1], DICTS[d].lang, DICTS[d].file, DICTS[d].how) != 0) {
      fprintf(stderr, "gen_translations: out of memory\n");
      return 1;
    }
  sl_strmap_free(seen);
  sl_tokenizer_free(tk);
  size_t npairs = 0;
  for (size_t i = 0; i < nentries; i++)
    npairs += entries[i].nv;
  pair *pairs = malloc((npairs ? npairs : 1) * sizeof *pairs);
  if (!pairs) {
    fprintf(stderr, "gen_translations: out of memory\n");
    return 1;
  }
  for (size_t i = 0, k = 0; i < nentries; i++)
    for (size_t v = 0; v < entries[i].nv; v++, k++) {
      pairs[k].key = entries[i].key;
      pairs[k].val = entries[i].vals[v];
    }
  free(entries);
  if (npairs)
    qsort(pairs, npairs, sizeof *pairs, by_key);
  printf("/* GENERATED at build time by tools/gen_translations.c from Debian's FreeDict\n"
         " * dictionaries; do not edit.  %zu stem pairs, sorted by key. */\n"
         "#include \"cluster/translate.h\"\n\n",
         npairs);
  printf("const size_t sl_trans_n = %zu;\n", npairs);
  printf("const uint64_t sl_trans_keys[] = {\n");
  for (size_t i = 0; i < npairs; i++)
    printf("0x%llxu,%s", (unsigned long long)pairs[i].key, i % 6 == 5 ? "\n" : "");
  printf("0};\nconst uint32_t sl_trans_vals[] = {\n");
  for (size_t i = 0; i < npairs; i++)
    printf("0x%xu,%s", pairs[i].val, i % 10 == 9 ? "\n" : "");
  printf("0};\n");
  free(pairs);
  return ferror(stdout) ? 1 : 0;
}
