/* Comparing the words before a time expression with the lowercase words of tintuc.timex's
 * sets, as str.lower() would make them, for the C readings of atoms (timex_year.c,
 * timex_date.c). */
#ifndef TT_TIMEX_WORDS_H
#define TT_TIMEX_WORDS_H

#include <stddef.h>
#include <uchar.h>

#include "tt_base.h"

/* str.lower() of c where it lands on a letter the words compared are made of: ASCII,
 * Latin-1, the Vietnamese letters of Latin Extended-A/B and Extended Additional, and the
 * Kelvin sign (lowercase "k"). Other code points stay as they are and so equal none of those
 * letters, as their lowercase does not either (tests/test_timex_year.py and
 * tests/test_timex_date.py check this against Python). */
static inline tt_cp tt_timex_lower1(tt_cp c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return c + 32;
    if (c == 0x102 || c == 0x110 || c == 0x128 || c == 0x168 || c == 0x1A0 || c == 0x1AF)
        return c + 1;
    if (c >= 0x1EA0 && c <= 0x1EF9 && !(c & 1))
        return c + 1;
    if (c == 0x212A)
        return 'k';
    return c;
}

/* Is t[a .. b), lowercased, the word w? */
static inline int tt_timex_word_is(const tt_cp *t, size_t a, size_t b, const char32_t *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (a + k >= b || tt_timex_lower1(t[a + k]) != (tt_cp)w[k])
            return 0;
    return a + k == b;
}

/* The index of the word t[a .. b) in ws (a NULL-terminated list), or -1. */
static inline int tt_timex_word_in(const tt_cp *t, size_t a, size_t b, const char32_t *const *ws)
{
    for (int k = 0; ws[k]; k++)
        if (tt_timex_word_is(t, a, b, ws[k]))
            return k;
    return -1;
}

#endif
