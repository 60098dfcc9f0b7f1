/* Word windows around a position (word_window.h). */
#include "word_window.h"

/* Whether window position i ends the window (see word_window.h). */
static int is_stop(const tt_cp *cp, const uint8_t *cls, size_t n, size_t i)
{
    tt_cp c = cp[i];
    if (c == '\n')
        return 1;
    if (c == '.' || c == '/')
        /* a separator inside a number is part of it; the window's edges see no digit */
        return !(i > 0 && (cls[i - 1] & TT_WIN_DIGIT) && i + 1 < n && (cls[i + 1] & TT_WIN_DIGIT));
    return c != '-' && !(cls[i] & (TT_WIN_WORD | TT_WIN_SPACE));
}

size_t tt_window_before(const tt_cp *cp, const uint8_t *cls, size_t n, int cut, size_t k, tt_win_word *out)
{
    if (n == 0 || k == 0 || !(cls[n - 1] & TT_WIN_SPACE))
        return 0;
    /* the words start after the last stop, else at the window's start */
    size_t from = 0;
    int stopped = 0;
    for (size_t i = n; i-- > 0;) {
        if (is_stop(cp, cls, n, i)) {
            from = i + 1;
            stopped = 1;
            break;
        }
    }
    /* collect from the end, then turn them into text order */
    size_t got = 0;
    size_t i = n;
    while (got < k) {
        while (i > from && (cls[i - 1] & TT_WIN_SPACE))
            i--;
        if (i == from)
            break;
        size_t end = i;
        while (i > from && !(cls[i - 1] & TT_WIN_SPACE))
            i--;
        if (i == 0 && !stopped && cut)
            break;                      /* the first word may be cut short: not a word */
        out[got].start = i;
        out[got].end = end;
        got++;
    }
    for (size_t a = 0, b = got; a + 1 < b; a++, b--) {
        tt_win_word t = out[a];
        out[a] = out[b - 1];
        out[b - 1] = t;
    }
    return got;
}

size_t tt_window_after(const tt_cp *cp, const uint8_t *cls, size_t n, int cut, size_t k, tt_win_word *out)
{
    if (n == 0 || k == 0 || !(cls[0] & TT_WIN_SPACE))
        return 0;
    size_t to = n;
    int stopped = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_stop(cp, cls, n, i)) {
            to = i;
            stopped = 1;
            break;
        }
    }
    size_t got = 0;
    size_t i = 0;
    while (got < k) {
        while (i < to && (cls[i] & TT_WIN_SPACE))
            i++;
        if (i == to)
            break;
        size_t start = i;
        while (i < to && !(cls[i] & TT_WIN_SPACE))
            i++;
        if (i == n && !stopped && cut)
            break;                      /* the last word may be cut short: not a word */
        out[got].start = start;
        out[got].end = i;
        got++;
    }
    return got;
}
