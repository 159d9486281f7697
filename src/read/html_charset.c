/*
 * html_charset — the byte-level front of the HTML reader: gzip, binary
 * detection, character set, nesting depth.
 *
 * Raw page bytes arrive here first (from a file, a .html.gz or a JSON Lines
 * "html" field).  They leave as valid UTF-8 that gumbo can parse without
 * pathological cost: gzip is inflated under a hard cap, the charset comes
 * from a BOM, the <meta> prescan or ICU's detector and is converted with
 * ICU ucnv, invalid bytes become U+FFFD, and tag nesting deeper than a
 * fixed limit is flattened (gumbo's tree builder scans the open-element
 * stack per tag, which is quadratic at 100,000 levels).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <zlib.h>

#include "read/html_int.h"
#include "util/utf8.h"

#define MAX_ATTRS 256 /* attributes kept per start tag */

sl_rc sl_html_gunzip(const char *z, size_t n, size_t max, char **out, size_t *nout) {
  sl_rc rc = SL_OK;
  z_stream s;
  char *buf = NULL;
  size_t cap = n * 4 + 4096, len = 0;
  int zinit = 0;

  memset(&s, 0, sizeof s);
  if (cap > max + 1)
    cap = max + 1;
  buf = malloc(cap + 1);
  if (!buf) { rc = SL_ENOMEM; goto out; }
  if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK) { rc = SL_ENOMEM; goto out; }
  zinit = 1;
  s.next_in = (Bytef *)(uintptr_t)z;
  s.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
  for (;;) {
    if (len == cap) {
      if (cap > max) { rc = SL_ETOOBIG; goto out; }
      size_t ncap = cap * 2 > max + 1 ? max + 1 : cap * 2;
      char *nb = realloc(buf, ncap + 1);
      if (!nb) { rc = SL_ENOMEM; goto out; }
      buf = nb;
      cap = ncap;
    }
    size_t room = cap - len;
    s.next_out = (Bytef *)buf + len;
    s.avail_out = room > UINT32_MAX ? UINT32_MAX : (uInt)room;
    int zr = inflate(&s, Z_NO_FLUSH);
    len = (size_t)((char *)s.next_out - buf);
    if (zr == Z_STREAM_END)
      break;
    if (zr == Z_BUF_ERROR && s.avail_in == 0)
      break; /* truncated stream: keep what inflated */
    if (zr != Z_OK && zr != Z_BUF_ERROR) {
      if (len == 0) { rc = SL_EPARSE; goto out; }
      break; /* corrupt tail: best effort */
    }
  }
  if (len > max) { rc = SL_ETOOBIG; goto out; }
  buf[len] = 0;
  *out = buf;
  *nout = len;
  buf = NULL;
out:
  if (zinit)
    inflateEnd(&s);
  free(buf);
  return rc;
}

/* 1 when the first 64 KB hold NUL bytes (over 1%) or many control bytes. */
static int looks_binary(const unsigned char *z, size_t n) {
  size_t lim = n < 65536 ? n : 65536, nul = 0, ctrl = 0;
  for (size_t i = 0; i < lim; i++) {
    unsigned char c = z[i];
    if (c == 0)
      nul++;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
      ctrl++;
  }
  return lim > 0 && (nul * 100 > lim || ctrl * 20 > lim);
}

/* Counts invalid UTF-8 sequences and non-ASCII bytes in z[0..n). */
static void utf8_stats(const unsigned char *z, size_t n, size_t *bad, size_t *high) {
  size_t i = 0, nb = 0, nh = 0;
  while (i < n) {
    unsigned char c = z[i];
    if (c < 0x80) { i++; continue; }
    nh++;
    size_t len = 0;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) len = 3;
    else if (c >= 0xF0 && c <= 0xF4) len = 4;
    int ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; k++)
      if ((z[i + k] & 0xC0) != 0x80)
        ok = 0;
    if (ok && len == 3) {
      unsigned c1 = z[i + 1];
      if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0))
        ok = 0;
    }
    if (ok && len == 4) {
      unsigned c1 = z[i + 1];
      if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90))
        ok = 0;
    }
    if (!ok) { nb++; i++; continue; }
    i += len;
  }
  *bad = nb;
  *high = nh;
}

/* Finds a charset declared in the first 8 KB (<meta charset=..> or a
 * http-equiv content type).  Writes a lower-case name into name[64]. */
static int prescan_charset(const char *z, size_t n, char name[64]) {
  size_t lim = n < 8192 ? n : 8192;
  for (size_t i = 0; i + 5 < lim; i++) {
    if (z[i] != '<' || (z[i + 1] | 0x20) != 'm' || (z[i + 2] | 0x20) != 'e' ||
        (z[i + 3] | 0x20) != 't' || (z[i + 4] | 0x20) != 'a')
      continue;
    size_t e = i + 5;
    while (e < lim && z[e] != '>')
      e++;
    for (size_t k = i + 5; k + 7 < e; k++) {
      if (strncasecmp(z + k, "charset", 7) != 0)
        continue;
      size_t p = k + 7;
      while (p < e && (z[p] == ' ' || z[p] == '\t'))
        p++;
      if (p >= e || z[p] != '=')
        continue;
      p++;
      while (p < e && (z[p] == ' ' || z[p] == '"' || z[p] == '\''))
        p++;
      size_t m = 0;
      while (p < e && m < 63 && (isalnum((unsigned char)z[p]) || z[p] == '-' ||
                                 z[p] == '_' || z[p] == '.' || z[p] == ':'))
        name[m++] = (char)tolower((unsigned char)z[p++]);
      name[m] = 0;
      if (m > 0)
        return 1;
    }
    i = e;
  }
  return 0;
}

static int is_utf8_name(const char *s) {
  return !strcmp(s, "utf-8") || !strcmp(s, "utf8") || !strcmp(s, "unicode-1-1-utf-8") ||
         !strncmp(s, "utf-16", 6) || !strcmp(s, "unicode"); /* utf-16 in a meta means utf-8 */
}

/* Maps web labels to the encodings browsers actually use (WHATWG). */
static const char *icu_name(const char *s) {
  static const struct { const char *label, *icu; } map[] = {
    {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"}, {"latin1", "windows-1252"},
    {"latin-1", "windows-1252"}, {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"},
    {"l1", "windows-1252"}, {"cp1252", "windows-1252"}, {"iso-8859-9", "windows-1254"},
    {"latin5", "windows-1254"}, {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"},
    {"gb_2312-80", "GB18030"}, {"chinese", "GB18030"}, {"euc-cn", "GB18030"},
    {"tis-620", "windows-874"}, {"iso-8859-11", "windows-874"}, {"x-sjis", "Shift_JIS"},
    {"shift-jis", "Shift_JIS"}, {"sjis", "Shift_JIS"}, {"ks_c_5601-1987", "windows-949"},
    {"euc-kr", "windows-949"}, {"big5", "Big5-HKSCS"}, {"x-user-defined", "windows-1252"},
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (!strcmp(s, map[i].label))
      return map[i].icu;
  return s;
}

/* Converts z[0..n) from charset cs to UTF-8 with ICU (bad bytes -> U+FFFD).
 * SL_EUNSUPPORTED when ICU does not know cs. */
static sl_rc convert(const char *cs, const char *z, size_t n, char **out, size_t *nout) {
  sl_rc rc = SL_OK;
  UErrorCode err = U_ZERO_ERROR;
  UConverter *from = NULL, *to = NULL;
  char *buf = NULL;
  size_t cap = n * 3 + 16;

  from = ucnv_open(cs, &err);
  if (U_FAILURE(err)) { rc = SL_EUNSUPPORTED; from = NULL; goto out; }
  to = ucnv_open("UTF-8", &err);
  if (U_FAILURE(err)) { rc = SL_EICU; to = NULL; goto out; }
  buf = malloc(cap + 1);
  if (!buf) { rc = SL_ENOMEM; goto out; }
  char *t = buf;
  const char *s = z;
  UChar pivot[1024];
  UChar *ps = pivot, *pt = pivot;
  ucnv_convertEx(to, from, &t, buf + cap, &s, z + n, pivot, &ps, &pt, pivot + 1024,
                 1, 1, &err);
  if (U_FAILURE(err)) { rc = SL_EICU; goto out; }
  *nout = (size_t)(t - buf);
  buf[*nout] = 0;
  *out = buf;
  buf = NULL;
out:
  free(buf);
  if (from) ucnv_close(from);
  if (to) ucnv_close(to);
  return rc;
}

/* Guesses the charset of non-UTF-8 bytes with ICU (markup filtered out). */
static const char *sniff(const char *z, size_t n, char name[64]) {
  UErrorCode err = U_ZERO_ERROR;
  const char *res = "windows-1252";
  UCharsetDetector *det = ucsdet_open(&err);
  if (U_FAILURE(err))
    return res;
  size_t lim = n < 65536 ? n : 65536;
  ucsdet_enableInputFilter(det, 1);
  ucsdet_setText(det, z, (int32_t)lim, &err);
  const UCharsetMatch *m = U_SUCCESS(err) ? ucsdet_detect(det, &err) : NULL;
  if (m && U_SUCCESS(err)) {
    const char *nm = ucsdet_getName(m, &err);
    if (U_SUCCESS(err) && nm && strcmp(nm, "UTF-8") != 0) {
      size_t k = 0;
      while (nm[k] && k < 63) { name[k] = nm[k]; k++; }
      name[k] = 0;
      /* ISO-8859-1 from the detector really means what browsers decode */
      res = !strcmp(name, "ISO-8859-1") ? "windows-1252" : name;
    }
  }
  ucsdet_close(det);
  return res;
}

sl_rc sl_html_decode(const char *z, size_t n, char **out, size_t *nout) {
  sl_rc rc = SL_OK;
  char *gz = NULL, name[64], sniffed[64];
  const unsigned char *u;

  if (n > SL_MAX_INPUT_BYTES) { rc = SL_ETOOBIG; goto out; }
  if (n >= 2 && (unsigned char)z[0] == 0x1f && (unsigned char)z[1] == 0x8b) {
    size_t ng = 0;
    rc = sl_html_gunzip(z, n, SL_MAX_INPUT_BYTES, &gz, &ng);
    if (rc == SL_EPARSE)
      rc = SL_EBINARY;
    if (rc)
      goto out;
    z = gz;
    n = ng;
  }
  u = (const unsigned char *)z;
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
    z += 3;
    n -= 3;
  } else if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
    rc = convert(u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", z + 2, n - 2, out, nout);
    goto out;
  }
  if (looks_binary((const unsigned char *)z, n)) { rc = SL_EBINARY; goto out; }

  size_t bad = 0, high = 0;
  utf8_stats((const unsigned char *)z, n, &bad, &high);
  int declared = prescan_charset(z, n, name);
  const char *cs = NULL; /* NULL: the bytes are (mostly) UTF-8 */
  if (bad == 0) {
    /* valid UTF-8 wins over any declaration, except 7-bit encodings */
    if (declared && high == 0 && (!strncmp(name, "iso-2022", 8) || !strcmp(name, "utf-7")))
      cs = name;
  } else if (declared && !is_utf8_name(name)) {
    cs = icu_name(name);
  } else if (declared ? (bad > 8 && bad * 10 > high) : bad * 20 >= high) {
    /* undeclared, or "utf-8" with many invalid bytes: ask the detector */
    cs = sniff(z, n, sniffed);
  }
  if (cs) {
    rc = convert(cs, z, n, out, nout);
    if (rc == SL_EUNSUPPORTED)
      rc = convert(sniff(z, n, sniffed), z, n, out, nout);
    goto out;
  }
  if (bad == 0) {
    *out = malloc(n + 1);
    if (*out) {
      memcpy(*out, z, n);
      (*out)[n] = 0;
      *nout = n;
    }
  } else {
    *out = sl_utf8_sanitize(z, n, nout, NULL);
  }
  if (!*out)
    rc = SL_ENOMEM;
out:
  free(gz);
  return rc;
}

/* Tags that never take children (HTML5 void elements). */
static int is_void(const char *t, size_t n) {
  static const char *const v[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                  "input", "link", "meta", "param", "source", "track",
                                  "wbr", "keygen", "frame", "basefont", "bgsound"};
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if (strlen(v[i]) == n && !strncasecmp(t, v[i], n))
      return 1;
  return 0;
}

/* Tags whose end tag may be omitted, so they rarely nest in real pages. */
static int is_autoclose(const char *t, size_t n) {
  static const char *const v[] = {"p", "li", "dt", "dd", "option", "optgroup", "tr",
                                  "td", "th", "tbody", "thead", "tfoot", "rb", "rt",
                                  "rp", "colgroup", "html", "head", "body"};
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
    if (strlen(v[i]) == n && !strncasecmp(t, v[i], n))
      return 1;
  return 0;
}

static int is_rawtext(const char *t, size_t n) {
  return (n == 6 && !strncasecmp(t, "script", 6)) || (n == 5 && !strncasecmp(t, "style", 5)) ||
         (n == 8 && !strncasecmp(t, "textarea", 8)) || (n == 5 && !strncasecmp(t, "title", 5)) ||
         (n == 3 && !strncasecmp(t, "xmp", 3)) || (n == 9 && !strncasecmp(t, "plaintext", 9));
}

/* Scans for "</name" case-insensitively from i; returns its offset or n. */
static size_t find_end_tag(const char *z, size_t n, size_t i, const char *t, size_t tn) {
  for (; i + 2 + tn <= n; i++)
    if (z[i] == '<' && z[i + 1] == '/' && !strncasecmp(z + i + 2, t, tn))
      return i;
  return n;
}

/* Offset just past "-->" from i, or n. */
static size_t comment_end(const char *z, size_t n, size_t i) {
  for (; i + 2 < n; i++) {
    const char *p = memchr(z + i, '-', n - i - 2);
    if (!p)
      return n;
    i = (size_t)(p - z);
    if (z[i + 1] == '-' && z[i + 2] == '>')
      return i + 3;
  }
  return n;
}

/* Case-insensitive search for needle (lower case) in z[i..e). */
static int tag_has(const char *z, size_t i, size_t e, const char *needle) {
  size_t m = strlen(needle);
  for (; i + m <= e; i++)
    if (!strncasecmp(z + i, needle, m))
      return 1;
  return 0;
}

/* Appends z[*copied..upto) to out, then moves *copied to resume. */
static void keep_span(char *out, size_t *o, const char *z, size_t *copied, size_t upto,
                      size_t resume) {
  memcpy(out + *o, z + *copied, upto - *copied);
  *o += upto - *copied;
  *copied = resume;
}

char *sl_html_prefilter(const char *z, size_t n, int max_depth, size_t *nout, int *deep) {
  char *out = malloc(n + 1);
  size_t o = 0, i = 0, copied = 0;
  int depth = 0;
  if (!out)
    return NULL;
  if (deep)
    *deep = 0;
  while (i < n) {
    const char *lt = memchr(z + i, '<', n - i);
    if (!lt)
      break;
    i = (size_t)(lt - z);
    if (i + 3 < n && z[i + 1] == '!' && z[i + 2] == '-' && z[i + 3] == '-') {
      size_t e = comment_end(z, n, i + 4);
      keep_span(out, &o, z, &copied, i, e);
      i = e;
      continue;
    }
    int closing = i + 1 < n && z[i + 1] == '/';
    size_t ts = i + 1 + (size_t)closing, te = ts;
    while (te < n && isalnum((unsigned char)z[te]))
      te++;
    if (te == ts || !isalpha((unsigned char)z[ts])) {
      i++;
      continue;
    }
    size_t gt = te, cut = 0;
    unsigned nattr = 0;
    char q = 0;
    while (gt < n && (q || z[gt] != '>')) {
      if (q && z[gt] == q) q = 0;
      else if (!q && (z[gt] == '"' || z[gt] == '\'')) q = z[gt];
      else if (!q && !closing && !cut && !isspace((unsigned char)z[gt]) && z[gt] != '=' &&
               isspace((unsigned char)z[gt - 1]) && ++nattr > MAX_ATTRS)
        cut = gt; /* where the attribute past the cap starts */
      gt++;
    }
    size_t tagend = gt < n ? gt + 1 : n;
    const char *t = z + ts;
    size_t tn = te - ts;
    if (closing) {
      if (!is_void(t, tn) && !is_autoclose(t, tn) && depth > 0)
        depth--;
    } else if ((tn == 6 && !strncasecmp(t, "script", 6)) || (tn == 5 && !strncasecmp(t, "style", 5))) {
      size_t e = find_end_tag(z, n, tagend, t, tn);
      int ld = tn == 6 && tag_has(z, te, gt, "ld+json");
      if (!ld && e < n) {
        /* keep the empty element, drop its (often huge) content */
        if (cut)
          keep_span(out, &o, z, &copied, cut, gt);
        keep_span(out, &o, z, &copied, tagend, e);
      }
      tagend = e;
    } else if (tn == 3 && !strncasecmp(t, "svg", 3)) {
      size_t e = find_end_tag(z, n, tagend, t, tn);
      if (e < n) {
        keep_span(out, &o, z, &copied, i, e);
        while (copied < n && z[copied] != '>')
          copied++;
        if (copied < n)
          copied++;
        tagend = copied;
      }
    } else if (is_rawtext(t, tn)) {
      tagend = find_end_tag(z, n, tagend, t, tn);
    } else if (!is_void(t, tn) && !is_autoclose(t, tn) && !(gt > 0 && gt < n && z[gt - 1] == '/')) {
      if (++depth > max_depth) {
        depth--;
        if (deep)
          *deep = 1;
        keep_span(out, &o, z, &copied, i, tagend); /* drop the start tag, keep a space */
        out[o++] = ' ';
      }
    }
    /* a start tag kept as it is loses the attributes past MAX_ATTRS:
     * gumbo checks each attribute against all before it */
    if (cut && copied <= i)
      keep_span(out, &o, z, &copied, cut, gt);
    i = tagend;
  }
  keep_span(out, &o, z, &copied, n, n);
  out[o] = 0;
  *nout = o;
  return out;
}
