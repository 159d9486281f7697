/*
 * names_int — internals shared by the two halves of the name matcher:
 * names_translit.c (ICU transliteration and the phonetic key of a name)
 * and names.c (key cache, alignment score, public API).  Not installed.
 *
 * A key is a sequence of per-word keys separated by one space.  A word key
 * is an optional flag '#' (the word was written in an abjad -- Arabic or
 * Hebrew -- so short vowels are absent and A/W/Y stand for alif, waw, yeh),
 * or else an optional flag '%' (Cyrillic) or '&' (another script read
 * through Any-Latin: Han, Greek...; no flag: Latin),
 * an optional flag '@' (an Arabic article al-/el-/ash-... was removed), an
 * optional flag '.' (the word is an initial: "V." of V. Putin), then
 * an optional flag '=' (the word is an acronym: 2-6 capitals, CNN, НАТО),
 * an optional '!' and a concept code, or '!!' and a code of the second
 * page (a generic word of place and organisation names, translated rather
 * than transliterated: North, River, University, Saint, State, Red...:
 * names_translit.c), an optional '*' and three characters (the word
 * spells a place of the gazetteer: sl_names_place_code in base 64), then
 * one byte per sound symbol:
 *   vowels      a e i o u          (abjad: A W Y, which are also consonants,
 *                                   and H, a final heh, vowel or h)
 *   consonants  b p f v w k g q c s z t d l m n r h x(kh) j(dzh) y
 *               S(sh) C(ch) Z(zh) G(gh) T(th) D(dh) $(s of a final Latin -us)
 *               5 6 (sh, ch before i, outside abjad words: si/ti in Japanese)
 * Doubled symbols are collapsed.  A word key may end in '~': its last symbol
 * is a t, d, s or z after a vowel in Latin script, which may be silent.
 * A Latin-script word may carry up to SL_NAMES_MAX_ALTS other readings
 * after its own, each introduced by '|' (German z = ts, French ill = y,
 * and readings only words with a language's own letters get, Hungarian
 * gy, Vietnamese tone marks...: names_translit.c), less a penalty; an
 * abjad word with t+s carries one (t s as two letters besides ts), and one
 * opening with a clitic and an article (بالقاهرة) the word without them.
 * A Cyrillic word with an adjective ending may carry up to
 * SL_NAMES_MAX_STEMS stems, each introduced by '^' (Гарвардский: garvard,
 * Касперского: kasperskiy), which count against any word, less the penalty
 * of another reading.
 */
#ifndef SL_NAMES_INT_H
#define SL_NAMES_INT_H

#include <stddef.h>
#include "storyline/storyline.h"

/* Hard caps: bytes of a name considered, words per name, symbols per word. */
#define SL_NAMES_MAX_INPUT 1024u
#define SL_NAMES_MAX_WORDS 12
#define SL_NAMES_MAX_SYMS  48
#define SL_NAMES_KEY_CAP   512u
#define SL_NAMES_MAX_ALTS  8
#define SL_NAMES_MAX_STEMS 2

typedef struct sl_names_tr sl_names_tr;

/* Opens the ICU transliterators used for keys.  *out is owned by the caller
 * and freed with sl_names_tr_free (NULL ok).  Returns SL_EICU when ICU lacks
 * a transform, SL_ENOMEM.  One handle per thread. */
sl_rc sl_names_tr_new(sl_names_tr **out);
void sl_names_tr_free(sl_names_tr *tr);

/* Builds the key of name z[0..n) (any script, invalid UTF-8 tolerated and
 * replaced) into key[0..cap), NUL-terminated; returns its length, 0 when
 * the name has no letters or on an ICU failure.  Input beyond
 * SL_NAMES_MAX_INPUT bytes is ignored.  Not thread-safe (uses tr). */
size_t sl_names_tr_key(sl_names_tr *tr, const char *z, size_t n, char *key, size_t cap);

/* The id of the place or organisation that name z[0..n) spells whole
 * (names_whole.c: the hand-made table of translated names, then the CLDR
 * gazetteer), or NULL.  The id is a static string; two names are
 * spellings of one entry when their ids are equal (strcmp).  *shared gets
 * 1 when the name spells other entries too (تونس: Tunisia and Tunis), so
 * that another id does not tell it apart.  Thread-safe. */
const char *sl_names_whole(const char *z, size_t n, int *shared);

/* A code (1..2^18-1) of the place or organisation that one word spells
 * in the gazetteer (China, الصين, Китай; also a Russian case form,
 * Китая, and an Arabic nisba, الصيني), 0 when it spells none or several.
 * z[0..n) is the word as written (an Arabic one with its article);
 * script 1 Cyrillic, 2 Arabic, else 0.  Equal codes: one place (a hash
 * of its id, so that keys stay valid across builds).  Thread-safe. */
unsigned sl_names_place_code(const char *z, size_t n, int script);

/* One weight of the alignment: kind 's' substitution cost between symbols
 * x and y (both ways), 'a' the same for abjad/non-abjad word pairs only
 * (Arabic has no p, v, g: those letters meet b, f, j/gh there), 'd' cost of dropping x, 'v' cost of dropping x when
 * the other word is an abjad word, 'n' / 'm' weight of x in the normaliser
 * (the length a distance is divided by) for pairs of the same kind / abjad
 * vs non-abjad (default: the cost of dropping x), 'k' a scalar (x 'A': distance multiplier
 * for abjad/non-abjad pairs; x 'L': short-word factor, the distance per
 * unit of weight w is multiplied by 1 + L / w; x 'I': cost multiplier of
 * symbols dropped before the first aligned pair; x 'F': most that dropping
 * the last symbol of a word marked '~' costs; x 'R': taken off the score
 * of a Latin word's other reading, '|').  Unlisted substitutions cost 1, deletions 1. */
typedef struct sl_names_weight {
  char kind, x, y;
  float v;
} sl_names_weight;

/* names_weights.c, generated by tools/names_tune.sh; writable only so that
 * the tuner can try values (then call sl_names_tables_rebuild). */
extern sl_names_weight sl_names_weights[];
extern size_t sl_names_nweights;

/* Rebuilds the cost tables from sl_names_weights.  For the tuner only: not
 * thread-safe against concurrent scoring. */
void sl_names_tables_rebuild(void);

#endif
