/* Where time expressions may start: the two scans of tintuc.timex (one for digits, one for
 * key words such as "tháng", "tuần", "hôm"), done in C over code points.
 *
 * Each scan reports the positions its regular expression in tintuc/timex.py (_DIGIT_RE and
 * _KEYWORD_RE) would find, with the same semantics, so that Python only reads the atom at
 * each one. What counts as a word character, a space or a decimal digit is the caller's
 * (Python's own tables in the binding): the scan asks only at the few places it looks.
 *
 * Results: pairs (position, family) in hits.v[2k], hits.v[2k + 1]; first every digit hit in
 * order of position (family TT_TX_DIGIT), then every key-word hit in order (family 1 + the
 * index of the key word in _KEYWORDS), its position at the start of the whole word. */
#ifndef TT_TIMEX_SCAN_H
#define TT_TIMEX_SCAN_H

#include "re_class.h"
#include "tt_base.h"

#define TT_TX_DIGIT 0
#define TT_TX_NKEYWORDS 17

/* Append the hits of text[0 .. n) to hits (which is emptied first). TT_EINVAL for NULL
 * arguments (text may be NULL when n is 0), TT_ENOMEM. */
tt_status tt_timex_hits(const tt_cp *text, size_t n, tt_tx_ctype ctype, tt_offbuf *hits);

/* The words before the end of a window of text (timex._four_words_before): win holds
 * text[lo:s] with lo = max(0, s - 40), n = s - lo. When the window ends with a space, the
 * part after its last "\n" is split at spaces and read from the end: a token made only of
 * letters and digits is a word, and up to max of them are taken; a token with anything else
 * ends the list, its trailing letters and digits (if any) counting as one last word. Writes
 * each word's [start, end) in the window to spans[2k], spans[2k + 1], nearest first, and
 * returns how many (at most max). */
size_t tt_timex_words_before(const tt_cp *win, size_t n, tt_tx_ctype ctype, size_t max, tt_off *spans);

/* The tense markers of a sentence (timex._FUTURE_PAST): "sẽ", "sắp", "dự kiến", "dự định",
 * "chuẩn bị", "lên kế hoạch" (future) and "đã", "vừa", "từng", "hồi" (past), in any case as
 * Python's re.IGNORECASE reads it, each a whole word, found from left to right without
 * overlaps in text[from .. n), where text[from - 1] may be read to see that a marker begins a
 * word and the text ends at n. Appends triples (start, end, 1 for future or 0 for past) to
 * out after emptying it. TT_EINVAL, TT_ENOMEM. */
tt_status tt_timex_tense(const tt_cp *text, size_t n, size_t from, tt_tx_ctype ctype, tt_offbuf *out);

/* Is text[0 .. n) surely in NFC? True when each code point lies in a few blocks (ASCII to
 * the spacing modifiers, Latin Extended Additional where Vietnamese letters are, most of
 * General Punctuation) whose code points all have NFC quick check Yes and combining class 0:
 * such a text is NFC in any order. False says nothing: the caller asks its full check. */
int tt_timex_nfc_sure(const tt_cp *text, size_t n);

#endif
