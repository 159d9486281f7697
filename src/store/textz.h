/*
 * textz — how documents.text is kept: a text that deflate shrinks is
 * stored as a BLOB, the text's byte length (4 bytes, little-endian) and
 * its zlib stream; any other text stays TEXT.  News text compresses to
 * about half, which halves the largest table and the bytes each batch
 * writes.  Readers see text through the SQL function sl_text(x).
 */
#ifndef SL_TEXTZ_H
#define SL_TEXTZ_H

#include <stddef.h>

#include <sqlite3.h>

#include "storyline/storyline.h"

/* Texts shorter than this stay TEXT: the header and the zlib stream would
 * eat what deflate saves. */
#define SL_TEXTZ_MIN 256

/* Packs z[0..n) into *buf (grown, *cap its size; the caller frees it).
 * *out is the packed size, 0 when the text is better stored as it is. */
sl_rc sl_textz_pack(const char *z, size_t n, unsigned char **buf, size_t *cap, size_t *out);

/* Registers sl_text(x) on db: x itself when TEXT (or NULL), the unpacked
 * text when a packed BLOB; an error for a BLOB that does not unpack. */
int sl_textz_register(sqlite3 *db);

#endif
