/*
 * utf8 — the boundary check for text entering storyline.  Input bytes are
 * validated once here; invalid sequences become U+FFFD, binary data is
 * refused, and UTF-8 that was mis-decoded as Latin-1/cp1252 (mojibake such
 * as "TÃ¼rkiye") is repaired.  Everything downstream may assume valid UTF-8.
 */
#ifndef SL_UTF8_H
#define SL_UTF8_H

#include "storyline/storyline.h"

/* 1 when z[0..n) looks like binary data: NUL bytes or many control
 * characters in its first 64 KB. */
int sl_utf8_is_binary(const char *z, size_t n);

/* Copies z[0..n) to a new NUL-terminated string with every invalid UTF-8
 * sequence replaced by U+FFFD.  *nbad receives the number of replacements
 * (may be NULL).  Returns NULL when out of memory; caller frees. */
char *sl_utf8_sanitize(const char *z, size_t n, size_t *out_n, size_t *nbad);

/* Repairs UTF-8 text that was decoded as cp1252/Latin-1 and re-encoded
 * (mojibake), in place when the repair is unambiguous: every character is
 * below U+0100 (or a cp1252 special) and the bytes they stand for form
 * valid multi-byte UTF-8 sequences; otherwise sequence by sequence when
 * the text holds at least two such mis-decoded characters among sound
 * ones.  Returns the new length (<= n). */
size_t sl_utf8_repair_mojibake(char *z, size_t n);

/* Decodes one code point at z[*i] (valid UTF-8 assumed), advancing *i. */
uint32_t sl_utf8_next(const char *z, size_t n, size_t *i);

/* Encodes code point c into out (>= 4 bytes); returns the byte count. */
size_t sl_utf8_put(uint32_t c, char *out);

#endif
