/* Reading the code points around a time expression, for the C readings of atoms
 * (timex_year.c, timex_month.c, timex_date.c, timex_wday.c, timex_clock.c) and the hits of
 * timex_scan.c: an index may lie past the text's end and then reads as no character, so the
 * patterns' look-aheads need no bounds test of their own. */
#ifndef TT_TIMEX_TEXT_H
#define TT_TIMEX_TEXT_H

#include <stddef.h>
#include <uchar.h>

#include "timex_scan.h"
#include "timex_words.h"

typedef struct {
    const tt_cp *t;
    size_t n;
    tt_tx_ctype ctype;
} tt_tx_text;

static inline unsigned tx_cls(const tt_tx_text *s, size_t i)
{
    return i < s->n ? tt_re_class(s->t[i], s->ctype) : 0;
}

static inline int tx_at(const tt_tx_text *s, size_t i, tt_cp c)
{
    return i < s->n && s->t[i] == c;
}

/* [0-9] */
static inline int tx_digit(const tt_tx_text *s, size_t i)
{
    return i < s->n && s->t[i] >= '0' && s->t[i] <= '9';
}

/* \d */
static inline int tx_decimal(const tt_tx_text *s, size_t i)
{
    return (tx_cls(s, i) & TT_TX_DECIMAL) != 0;
}

/* \w */
static inline int tx_word(const tt_tx_text *s, size_t i)
{
    return (tx_cls(s, i) & TT_TX_WORD) != 0;
}

/* [^\W\d_] */
static inline int tx_letter(const tt_tx_text *s, size_t i)
{
    return (tx_cls(s, i) & (TT_TX_WORD | TT_TX_DECIMAL)) == TT_TX_WORD && s->t[i] != '_';
}

/* [-–—] */
static inline int tx_dash(const tt_tx_text *s, size_t i)
{
    return i < s->n && (s->t[i] == '-' || s->t[i] == 0x2013 || s->t[i] == 0x2014);
}

/* Past [^\S\n]* from i, up to hi. */
static inline size_t tx_spaces_to(const tt_tx_text *s, size_t i, size_t hi)
{
    while (i < hi && i < s->n && s->t[i] != '\n' && (tx_cls(s, i) & TT_TX_SPACE))
        i++;
    return i;
}

static inline size_t tx_spaces(const tt_tx_text *s, size_t i)
{
    return tx_spaces_to(s, i, s->n);
}

/* The length of w when text[i .. hi) begins with it (as written, or with fold as str.lower()
 * makes the text's letters), else 0. */
static inline size_t tx_lit_to(const tt_tx_text *s, size_t i, size_t hi, const char32_t *w, int fold)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= hi || i + k >= s->n || (fold ? tt_timex_lower1(s->t[i + k]) : s->t[i + k]) != (tt_cp)w[k])
            return 0;
    return k;
}

static inline size_t tx_lit(const tt_tx_text *s, size_t i, const char32_t *w)
{
    return tx_lit_to(s, i, s->n, w, 0);
}

/* timex._NE at i: no digit, letter, or [.,/:-] and a digit, or "/" and a word character. */
static inline int tx_number_ends(const tt_tx_text *s, size_t i)
{
    if (tx_decimal(s, i) || tx_letter(s, i))
        return 0;
    if (i < s->n && (s->t[i] == '.' || s->t[i] == ',' || s->t[i] == '/' || s->t[i] == ':' || s->t[i] == '-')
        && tx_decimal(s, i + 1))
        return 0;
    return !(tx_at(s, i, '/') && tx_word(s, i + 1));
}

/* An ASCII number of one or two digits at i from 1 to max, with no digit after it: its value,
 * *end past it; else 0 (more digits, a digit beyond ASCII after it, or a value out of range). */
static inline int tx_small_number(const tt_tx_text *s, size_t i, int max, size_t *end)
{
    size_t j = i;
    while (tx_digit(s, j))
        j++;
    if (j == i || j - i > 2 || tx_decimal(s, j))
        return 0;
    int v = j - i == 1 ? s->t[i] - '0' : (s->t[i] - '0') * 10 + (s->t[i + 1] - '0');
    if (v < 1 || v > max)
        return 0;
    *end = j;
    return v;
}

/* timex._Y at i as four ASCII digits from 1000 to 2199: the year, else 0. */
static inline int tx_year4(const tt_tx_text *s, size_t i)
{
    for (size_t k = 0; k < 4; k++)
        if (!tx_digit(s, i + k))
            return 0;
    int v = (s->t[i] - '0') * 1000 + (s->t[i + 1] - '0') * 100 + (s->t[i + 2] - '0') * 10 + (s->t[i + 3] - '0');
    return v >= 1000 && v <= 2199 ? v : 0;
}

/* The (at most four) words before p within 40 code points (timex._four_words_before), as
 * spans in the whole text, nearest first; their number. */
static inline size_t tx_words_before(const tt_tx_text *s, size_t p, tt_off *sp)
{
    size_t lo = p > 40 ? p - 40 : 0;
    size_t nw = tt_timex_words_before(s->t + lo, p - lo, s->ctype, 4, sp);
    for (size_t k = 0; k < 2 * nw; k++)
        sp[k] += (tt_off)lo;
    return nw;
}

#endif
