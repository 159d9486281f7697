/*
 * langid — language and script identification (stage 3 of the data flow,
 * between clean and tokenize).
 *
 * The script of the letters is decided first, with ICU's uscript_getScript.
 * Scripts that belong to one language in practice answer directly (Hangul
 * -> ko, kana -> ja, Han -> zh, Greek -> el, Hebrew -> he).  Latin, Arabic
 * and Cyrillic text is handed to libexttextcat, but each script has its own
 * classifier restricted to the languages written in that script, so a
 * Latin text can never be called Arabic and each call compares against a
 * handful of profiles only.  Vietnamese is recognised before textcat from
 * the letters only it uses (ơ ư and the dot-below / hook-above vowels of
 * U+1EA0..U+1EF9), which is more reliable than n-grams on short texts.
 * At most SL_LANGID_WINDOW bytes of a document are looked at.
 */
#include "analyze/langid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libexttextcat/textcat.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

/* Bytes of a document given to the classifier: n-gram ranks are stable
 * well before 3 KB, and the cost grows with the input. */
#define SL_LANGID_WINDOW 3072u
/* Fewer letters than this and n-gram statistics mean little. */
#define SL_LANGID_MIN_LETTERS 20u
#define SL_TEXTCAT_DIR_DEFAULT "/usr/share/libexttextcat/"

/* Letter counters filled by scan(); indexes into sl_scan.count. */
enum {
  C_LATIN, C_ARABIC, C_CYRILLIC, C_HAN, C_KANA, C_HANGUL, C_GREEK,
  C_HEBREW, C_OTHER, C_NCOUNT
};

typedef struct sl_scan {
  size_t count[C_NCOUNT];
  size_t letters;
  size_t vi_strong;  /* ơ ư and U+1EA0..U+1EF9: Vietnamese only */
} sl_scan;

/* One textcat classifier per script family. */
enum { F_LATIN, F_ARABIC, F_CYRILLIC, F_NFAMILY };

/* Profile file (without ".lm") and the code we report, per family.  The
 * lists are what storyline supports plus close neighbours that would
 * otherwise be misfiled as one of them (ro next to it, sv next to de...).
 * Catalan is left out on purpose: it took Spanish news texts. */
typedef struct sl_profile {
  const char *file;
  const char *code;
} sl_profile;

static const sl_profile latin_profiles[] = {
  {"en", "en"}, {"fr", "fr"}, {"de", "de"}, {"es", "es"}, {"it", "it"},
  {"pl", "pl"}, {"tr", "tr"}, {"pt", "pt"}, {"nl", "nl"}, {"vi", "vi"},
  {"ro", "ro"}, {"sv", "sv"}, {"da", "da"}, {"cs", "cs"},
  {"id", "id"}, {"hu", "hu"}, {"fi", "fi"}, {NULL, NULL}};
static const sl_profile arabic_profiles[] = {
  {"ar", "ar"}, {"fa", "fa"}, {"ur", "ur"}, {NULL, NULL}};
static const sl_profile cyrillic_profiles[] = {
  {"ru", "ru"}, {"uk", "uk"}, {"bg", "bg"}, {"sr-Cyrl", "sr"},
  {"mk", "mk"}, {"be", "be"}, {NULL, NULL}};

static const sl_profile *const family_profiles[F_NFAMILY] = {
  latin_profiles, arabic_profiles, cyrillic_profiles};

struct sl_langid {
  void *tc[F_NFAMILY];
  candidate_t *cand[F_NFAMILY];
  size_t nprof[F_NFAMILY];
};

/* Counts the letters of z[0..n) per script.  Invalid UTF-8 is skipped. */
static void scan(const char *z, size_t n, sl_scan *s) {
  const uint8_t *p = (const uint8_t *)z;
  int32_t i = 0, len = (int32_t)n;
  memset(s, 0, sizeof *s);
  while (i < len) {
    UChar32 c;
    if (p[i] < 0x80) {
      /* a run of ASCII, its letters counted eight bytes a step: with the
       * 0x20 bit set, a byte is a letter when adding 0x80 - 'a' sets its
       * top bit and adding 0x80 - 'z' - 1 does not (no carries: every
       * byte is below 0x80) */
      size_t l = 0;
      for (; i + 8 <= len; i += 8) {
        uint64_t x, y;
        memcpy(&x, p + i, 8);
        if (x & 0x8080808080808080ull)
          break;
        y = x | 0x2020202020202020ull;
        y = (y + 0x1F1F1F1F1F1F1F1Full) & ~(y + 0x0505050505050505ull) & 0x8080808080808080ull;
        l += (size_t)(((y >> 7) * 0x0101010101010101ull) >> 56); /* sum of the 0/1 bytes */
      }
      for (; i < len && p[i] < 0x80; i++)
        l += (unsigned)((p[i] | 0x20) - 'a') < 26u;
      s->count[C_LATIN] += l;
      s->letters += l;
      continue;
    }
    U8_NEXT(p, i, len, c);
    /* the alphabets of most texts, whose letters ICU would class the
     * same way one by one: Latin-1 and Latin Extended-A/B letters,
     * basic Cyrillic, Arabic letters (not the tatweel), CJK ideographs */
    if ((c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x400 && c <= 0x45F) ||
        (c >= 0x621 && c <= 0x64A && c != 0x640) || (c >= 0x4E00 && c <= 0x9FFF)) {
      int k = c <= 0x24F ? C_LATIN : c <= 0x45F ? C_CYRILLIC : c <= 0x64A ? C_ARABIC : C_HAN;
      if (c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0)
        s->vi_strong++;
      s->count[k]++;
      s->letters++;
      continue;
    }
    if (c < 0 || !u_isalpha(c))
      continue;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &err);
    if (U_FAILURE(err))
      continue;
    int k;
    switch (sc) {
    case USCRIPT_LATIN:
      k = C_LATIN;
      if (c == 0x01A0 || c == 0x01A1 || c == 0x01AF || c == 0x01B0 ||
          (c >= 0x1EA0 && c <= 0x1EF9))
        s->vi_strong++;
      break;
    case USCRIPT_ARABIC: k = C_ARABIC; break;
    case USCRIPT_CYRILLIC: k = C_CYRILLIC; break;
    case USCRIPT_HAN: k = C_HAN; break;
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA: k = C_KANA; break;
    case USCRIPT_HANGUL: k = C_HANGUL; break;
    case USCRIPT_GREEK: k = C_GREEK; break;
    case USCRIPT_HEBREW: k = C_HEBREW; break;
    case USCRIPT_COMMON:
    case USCRIPT_INHERITED: continue;
    default: k = C_OTHER; break;
    }
    s->count[k]++;
    s->letters++;
  }
}

/* Index of the largest counter (kana folded into Han: both are CJK).  A
 * Han, kana or Hangul letter weighs three Latin letters: one CJK letter
 * is a syllable or a word, and Chinese news is peppered with Latin names
 * and URLs that would otherwise outvote it. */
static int dominant(const sl_scan *s) {
  int best = -1;
  size_t bestn = 0;
  for (int k = 0; k < C_NCOUNT; k++) {
    size_t v = s->count[k];
    if (k == C_HAN)
      v += s->count[C_KANA];
    if (k == C_HAN || k == C_HANGUL)
      v *= 3;
    if (k == C_KANA)
      continue;
    if (v > bestn) {
      bestn = v;
      best = k;
    }
  }
  return best;
}

/* Dominant script of the letters of UTF-8 z[0..n) (digits, punctuation
 * and invalid bytes ignored; CJK letters weigh three).  SL_SCRIPT_UNKNOWN
 * when there are no letters; Hangul, Thai, Devanagari... give
 * SL_SCRIPT_OTHER.  Pure and thread-safe. */
sl_script sl_script_detect(const char *z, size_t n) {
  sl_scan s;
  if (!z || n == 0 || n > SL_MAX_INPUT_BYTES)
    return SL_SCRIPT_UNKNOWN;
  scan(z, n, &s);
  switch (dominant(&s)) {
  case C_LATIN: return SL_SCRIPT_LATIN;
  case C_ARABIC: return SL_SCRIPT_ARABIC;
  case C_CYRILLIC: return SL_SCRIPT_CYRILLIC;
  case C_HAN: return SL_SCRIPT_HAN;
  case C_GREEK: return SL_SCRIPT_GREEK;
  case C_HEBREW: return SL_SCRIPT_HEBREW;
  case C_HANGUL:
  case C_OTHER: return SL_SCRIPT_OTHER;
  default: return SL_SCRIPT_UNKNOWN;
  }
}

/* ISO 15924 code of a script ("Latn", "Arab", ... "Zzzz"); static
 * storage, never NULL.  Thread-safe. */
const char *sl_script_name(sl_script s) {
  switch (s) {
  case SL_SCRIPT_LATIN: return "Latn";
  case SL_SCRIPT_ARABIC: return "Arab";
  case SL_SCRIPT_CYRILLIC: return "Cyrl";
  case SL_SCRIPT_HAN: return "Hani";
  case SL_SCRIPT_GREEK: return "Grek";
  case SL_SCRIPT_HEBREW: return "Hebr";
  case SL_SCRIPT_OTHER: return "Zyyy";
  case SL_SCRIPT_UNKNOWN: return "Zzzz";
  }
  return "Zzzz";
}

/* Builds one textcat handle over the given profiles.  textcat only reads
 * its list of profiles from a file, so the list is written to a private
 * temporary file that is removed at once.  NULL when a profile is
 * missing or the file cannot be written. */
static void *open_family(const sl_profile *prof, const char *dir) {
  char path[] = "/tmp/sl-langid-XXXXXX";
  const char *tmpdir = getenv("TMPDIR");
  char tpath[512];
  void *tc = NULL;
  FILE *f = NULL;
  int fd = -1;
  if (tmpdir && *tmpdir &&
      (size_t)snprintf(tpath, sizeof tpath, "%s/sl-langid-XXXXXX", tmpdir) <
          sizeof tpath)
    fd = mkstemp(tpath);
  else
    tpath[0] = '\0';
  if (fd < 0) {
    snprintf(tpath, sizeof tpath, "%s", path);
    fd = mkstemp(tpath);
  }
  if (fd < 0)
    goto out;
  f = fdopen(fd, "w");
  if (!f) {
    close(fd);
    goto out;
  }
  for (const sl_profile *p = prof; p->file; p++)
    fprintf(f, "%s.lm %s\n", p->file, p->code);
  if (fclose(f) != 0) {
    f = NULL;
    goto out;
  }
  f = NULL;
  tc = special_textcat_Init(tpath, dir);
  if (tc)
    textcat_SetProperty(tc, TCPROP_MINIMUM_DOCUMENT_SIZE, 8);
out:
  if (fd >= 0)
    unlink(tpath);
  return tc;
}

/* Opens a detector: three textcat classifiers (Latin, Arabic, Cyrillic
 * script families).  The profile directory is STORYLINE_TEXTCAT_DIR when
 * set, else Debian's /usr/share/libexttextcat/.  *out is freed with
 * sl_langid_free.  SL_EIO when a profile or the temp file fails, SL_ENOMEM
 * when allocation fails.  Not thread-safe: one handle per thread. */
sl_rc sl_langid_new(sl_langid **out) {
  sl_rc rc = SL_OK;
  sl_langid *lid = NULL;
  char dir[512];
  const char *env = getenv("STORYLINE_TEXTCAT_DIR");
  if (!out)
    return SL_EINVAL;
  *out = NULL;
  if (env && *env) {
    size_t el = strlen(env);
    if (el + 2 > sizeof dir)
      return SL_EINVAL;
    snprintf(dir, sizeof dir, "%s%s", env, env[el - 1] == '/' ? "" : "/");
  } else {
    snprintf(dir, sizeof dir, "%s", SL_TEXTCAT_DIR_DEFAULT);
  }
  lid = calloc(1, sizeof *lid);
  if (!lid) {
    rc = SL_ENOMEM;
    goto out;
  }
  for (int f = 0; f < F_NFAMILY; f++) {
    lid->tc[f] = open_family(family_profiles[f], dir);
    if (!lid->tc[f]) {
      rc = SL_EIO;
      goto out;
    }
    lid->cand[f] = textcat_GetClassifyFullOutput(lid->tc[f]);
    for (const sl_profile *p = family_profiles[f]; p->file; p++)
      lid->nprof[f]++;
    if (!lid->cand[f]) {
      rc = SL_ENOMEM;
      goto out;
    }
  }
  *out = lid;
  lid = NULL;
out:
  sl_langid_free(lid);
  return rc;
}

/* Frees a detector and its classifiers; NULL is a no-op. */
void sl_langid_free(sl_langid *lid) {
  if (!lid)
    return;
  for (int f = 0; f < F_NFAMILY; f++) {
    if (lid->tc[f] && lid->cand[f])
      textcat_ReleaseClassifyFullOutput(lid->tc[f], lid->cand[f]);
    if (lid->tc[f])
      textcat_Done(lid->tc[f]);
  }
  free(lid);
}

static void set_lang(char lang[8], const char *code) {
  size_t i = 0;
  for (; code[i] && i < 7; i++)
    lang[i] = code[i];
  lang[i] = '\0';
}

/* Runs the family's classifier on z[0..n); the best candidate's code, or
 * NULL when textcat finds the text too short.  When more than textcat's
 * MAXCANDIDATES profiles score within 3% of the best it answers UNKNOWN
 * but has already moved those near-ties to the front of the array; the
 * lowest score among them is as good a guess as any. */
static const char *classify(sl_langid *lid, int fam, const char *z,
                            size_t n) {
  candidate_t *cand = lid->cand[fam];
  size_t np = lid->nprof[fam];
  for (size_t i = 0; i < np; i++)
    cand[i].name = NULL;
  int k = textcat_ClassifyFull(lid->tc[fam], z, n, cand);
  if (k > 0)
    return cand[0].name;
  if (k != TEXTCAT_RESULT_UNKNOWN)
    return NULL;
  const char *best = NULL;
  int bests = 0;
  for (size_t i = 0; i < np && i < 5; i++)
    if (cand[i].name && (!best || cand[i].score < bests)) {
      best = cand[i].name;
      bests = cand[i].score;
    }
  return best;
}

/* Detects the language of UTF-8 text z[0..n) (only the first
 * SL_LANGID_WINDOW bytes are read).  Writes an ISO 639-1 code or "und"
 * into lang.  SL_EINVAL for NULL arguments; short or script-less text is
 * not an error, it gives "und".  Not thread-safe per handle. */
sl_rc sl_langid_detect(sl_langid *lid, const char *z, size_t n,
                       char lang[8]) {
  sl_scan s;
  const char *code = "und";
  if (!lid || !lang || (!z && n))
    return SL_EINVAL;
  set_lang(lang, "und");
  if (n > SL_LANGID_WINDOW) {
    n = SL_LANGID_WINDOW;
    /* back off to a character boundary */
    while (n > 0 && ((uint8_t)z[n] & 0xC0) == 0x80)
      n--;
  }
  if (n == 0)
    return SL_OK;
  scan(z, n, &s);
  int dom = dominant(&s);
  int fam = -1;
  switch (dom) {
  case C_HAN:
    /* Japanese mixes kana into Han; Chinese has none. */
    code = s.count[C_KANA] * 10 >= s.count[C_HAN] + s.count[C_KANA] ||
                   s.count[C_KANA] >= 20
               ? "ja"
               : "zh";
    goto done;
  case C_HANGUL: code = "ko"; goto done;
  case C_GREEK: code = "el"; goto done;
  case C_HEBREW: code = "he"; goto done;
  case C_LATIN: fam = F_LATIN; break;
  case C_ARABIC: fam = F_ARABIC; code = "ar"; break;
  case C_CYRILLIC: fam = F_CYRILLIC; code = "ru"; break;
  default: goto done;
  }
  if (fam == F_LATIN && s.vi_strong >= 2 &&
      s.vi_strong * 50 >= s.count[C_LATIN]) {
    code = "vi";
    goto done;
  }
  if (s.count[dom] < SL_LANGID_MIN_LETTERS)
    goto done; /* best effort: ar / ru by script, Latin stays und */
  {
    const char *c = classify(lid, fam, z, n);
    if (c)
      code = c;
  }
done:
  set_lang(lang, code);
  return SL_OK;
}
