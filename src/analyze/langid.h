/*
 * langid — language and script identification (stage 3 of the data flow).
 *
 * Language comes from libexttextcat's n-gram profiles (restricted to the
 * languages storyline supports), checked against the script of the text;
 * script comes from ICU's uscript_getScript over the letters.
 */
#ifndef SL_LANGID_H
#define SL_LANGID_H

#include "storyline/storyline.h"

typedef enum sl_script {
  SL_SCRIPT_UNKNOWN = 0,
  SL_SCRIPT_LATIN,
  SL_SCRIPT_ARABIC,
  SL_SCRIPT_CYRILLIC,
  SL_SCRIPT_HAN,
  SL_SCRIPT_GREEK,
  SL_SCRIPT_HEBREW,
  SL_SCRIPT_OTHER
} sl_script;

typedef struct sl_langid sl_langid;

/* Opens a detector.  *out is freed with sl_langid_free.  Not thread-safe:
 * one handle per thread.  SL_EIO when the profile data is missing. */
sl_rc sl_langid_new(sl_langid **out);
void sl_langid_free(sl_langid *lid);

/* Writes the ISO 639-1 code ("vi", "ar", "en", "zh", ...) or "und" into
 * lang (NUL-terminated, at most 7 chars) for UTF-8 text z[0..n). */
sl_rc sl_langid_detect(sl_langid *lid, const char *z, size_t n, char lang[8]);

/* Dominant script of the letters in z[0..n); thread-safe. */
sl_script sl_script_detect(const char *z, size_t n);
const char *sl_script_name(sl_script s);

#endif
