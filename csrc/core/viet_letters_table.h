/* The Vietnamese letter table (generated into viet_letters_table.c by tools/gen_viet_letters.py).
 * Entry: base | tone << 4 | upper << 7, where base is 1..12 for a ă â e ê i o ô ơ u ư y,
 * 13 for đ (and U+00D0, its look-alike), 14 for any other ASCII letter; 0 = not a letter. */
#ifndef TT_VIET_LETTERS_TABLE_H
#define TT_VIET_LETTERS_TABLE_H

#include <stdint.h>

#include "tt_base.h"

#define TT_VL_FLAT_LEN 0x1EFA /* one past ỹ, the last Vietnamese letter */
#define TT_VL_CONSONANT 14

extern const uint8_t tt_vl_flat[TT_VL_FLAT_LEN];
/* Scan classes: TT_VC_* bits per code point below TT_VL_FLAT_LEN. */
enum { TT_VC_VOWEL = 1, TT_VC_TONED = 2, TT_VC_LETTER = 4, TT_VC_SPECIAL = 8, TT_VC_MARKED = 16 };
extern const uint8_t tt_vl_class[TT_VL_FLAT_LEN];
/* [base - 1][tone][upper] -> code point */
extern const uint16_t tt_vl_compose[12][6][2];

/* The table entry of a code point (0 for anything but ASCII and Vietnamese letters). */
static inline uint8_t tt_vl_info(tt_cp c)
{
    return c < TT_VL_FLAT_LEN ? tt_vl_flat[c] : 0;
}

#endif
