/* Vietnamese letters and syllables: decomposing a letter into base, tone and case, composing
 * it back, and parsing a syllable to find where its tone mark belongs. */
#ifndef TT_SYLLABLE_H
#define TT_SYLLABLE_H

#include "tt_base.h"
#include "viet_letters_table.h"

/* Vowel bases 1..12, then đ. */
enum {
    TT_B_NONE = 0,
    TT_B_A, TT_B_AW, TT_B_AA, TT_B_E, TT_B_EE, TT_B_I,
    TT_B_O, TT_B_OO, TT_B_OW, TT_B_U, TT_B_UW, TT_B_Y,
    TT_B_DD
};

/* Tones: 0 none, then huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng (dot below). */
enum { TT_T_NONE = 0, TT_T_GRAVE, TT_T_ACUTE, TT_T_HOOK, TT_T_TILDE, TT_T_DOT };

/* Tone placement styles: where an open oa/oe/uy syllable carries its mark. */
typedef enum {
    TT_TONE_KEEP = 0, /* leave placement as written */
    TT_TONE_HOA = 1,  /* "hòa", "khỏe", "thủy": on the first vowel (most news) */
    TT_TONE_HOAF = 2  /* "hoà", "khoẻ", "thuỷ": on the second vowel */
} tt_tone_style;

/* One letter of a syllable, decomposed. `ch` is the lowercase ASCII consonant for a
 * consonant letter and 0 for a vowel or đ. */
typedef struct {
    uint8_t base;  /* TT_B_* or TT_B_NONE for an ASCII consonant */
    uint8_t tone;  /* TT_T_* */
    uint8_t upper; /* 1 when written in upper case */
    char ch;       /* lowercase ASCII letter for consonants (and for plain vowels) */
} tt_letter;

/* Fill a letter from its table entry (tt_vl_info, non-zero) and code point. */
static inline void tt_letter_from_info(uint8_t e, tt_cp c, tt_letter *out)
{
    static const char ascii_of[15] = {0, 'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y', 'd', 0};
    uint8_t base = e & 0x0F;
    out->tone = (e >> 4) & 0x07;
    out->upper = (e >> 7) & 1;
    if (base == 14) {
        out->base = 0;
        out->ch = (char)(c | 0x20);
    } else {
        out->base = base;
        out->ch = ascii_of[base];
    }
}

/* Decompose one precomposed code point into a letter. Returns 1 for an ASCII letter, a
 * Vietnamese vowel with or without tone, Đ/đ, or U+00D0 (read as Đ); 0 otherwise. */
int tt_letter_from_cp(tt_cp c, tt_letter *out);

/* The precomposed code point of a letter (ASCII consonants come back unchanged). */
tt_cp tt_letter_to_cp(const tt_letter *l);

/* Apply a combining mark (U+0300 U+0301 U+0303 U+0309 U+0323 tones, U+0302 circumflex,
 * U+0306 breve, U+031B horn, and the deprecated U+0340/U+0341) to a letter. Returns 1
 * when the result is still a Vietnamese letter, 0 when the mark does not fit it. */
int tt_letter_apply_mark(tt_letter *l, tt_cp mark);

/* True for the combining marks tt_letter_apply_mark understands. */
int tt_is_viet_mark(tt_cp c);

/* Parse n letters as one Vietnamese syllable. Returns the index of the letter that must
 * carry the tone in the given style (TT_TONE_HOA or TT_TONE_HOAF), or -1 when the
 * letters are not a well-formed Vietnamese syllable. */
int tt_syllable_tone_slot(const tt_letter *l, size_t n, tt_tone_style style);

/* True when the code points (NFC, letters only) spell a well-formed Vietnamese syllable
 * (with or without diacritics): the scorer used by encoding detection. */
int tt_syllable_valid(const tt_cp *s, size_t n);

/* The base letter without any diacritic: 'a' for ắ, 'D' for Đ; 0 for a non-letter. */
tt_cp tt_letter_strip(tt_cp c);

#endif
