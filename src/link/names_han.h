/*
 * names_han — Han characters' Latin readings (Mandarin pinyin as ICU's
 * Han-Latin gives them, in ASCII), generated from ICU by
 * tools/gen_han_latin.sh (names_han.c) so that a run need not compile
 * Han-Latin's rules (~0.9 G instructions) for its first Chinese name.
 */
#ifndef SL_NAMES_HAN_H
#define SL_NAMES_HAN_H

#define SL_HAN_LO 0x3400
#define SL_HAN_HI 0x9FFF

/* Syllables; index 0 is "" (a character Han-Latin leaves unread). */
extern const char *const sl_han_syl[];
/* Syllable of each character in SL_HAN_LO..SL_HAN_HI (0 also for the
 * non-Han code points of the range: the caller checks the script). */
extern const unsigned short sl_han_reading[SL_HAN_HI - SL_HAN_LO + 1];

/* Han-Latin's context rules: x read as syl when y follows. */
typedef struct sl_han_ctx {
  unsigned short x, y;
  unsigned short syl;
} sl_han_ctx;
extern const sl_han_ctx sl_han_ctx_rules[];
extern const int sl_han_nctx;

#endif
