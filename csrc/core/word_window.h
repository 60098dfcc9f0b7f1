/* The few words on either side of a position in a text, as the event rules read them
 * (tintuc.events.words): a window of a bounded number of code points, cut at the first
 * punctuation mark or line break, split at whitespace.
 *
 * The caller gives the window's code points and, for each, its character classes as the
 * host's string functions see them (TT_WIN_SPACE: whitespace; TT_WIN_WORD: a letter, digit
 * or "_"; TT_WIN_DIGIT: a decimal digit), so that the core holds no Unicode tables of its
 * own. A stop is a code point that is neither word, space, ".", "/" nor "-"; a line break;
 * or a "." or "/" that does not stand between two digits of the window ("30.000" and
 * "15/19" hold none). */
#ifndef TT_WORD_WINDOW_H
#define TT_WORD_WINDOW_H

#include <stddef.h>
#include <stdint.h>

#include "tt_base.h"

enum { TT_WIN_SPACE = 1, TT_WIN_WORD = 2, TT_WIN_DIGIT = 4 };

/* [start, end) of one word, as indexes into the window. */
typedef struct {
    size_t start, end;
} tt_win_word;

/* The last k words of a window that ends right before a position: none unless the window's
 * last code point is whitespace; only the words after its last stop (a word the stop cuts
 * keeps its part after it); without a stop, a word that runs into the window's first code
 * point is left out when `cut` says the window was cut short there. Writes at most k words
 * to out in text order; returns how many. */
size_t tt_window_before(const tt_cp *cp, const uint8_t *cls, size_t n, int cut, size_t k, tt_win_word *out);

/* The first k words of a window that starts right after a position: none unless the
 * window's first code point is whitespace; only the words before its first stop; without a
 * stop, a word that runs into the window's last code point is left out when `cut` says the
 * window was cut short there. Writes at most k words to out; returns how many. */
size_t tt_window_after(const tt_cp *cp, const uint8_t *cls, size_t n, int cut, size_t k, tt_win_word *out);

#endif
