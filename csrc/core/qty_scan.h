/* Where number words may begin: the four scans of tintuc.quantity (_WORD_SCANS), done in C
 * over code points, so that Python reads a number only where one may stand.
 *
 * Each scan reports what its regular expression in tintuc/quantity.py would find, with the
 * same semantics: a number word ("một", "mười", "năm", "chục", ...; "hai"; "ba"; "Ba") as a
 * whole word, and, but for "hai", followed on its line by a word of a given set (a number
 * word or the first word of a counted noun or unit of the lexicon) that ends there. Word
 * characters, spaces and decimal digits are the caller's (the classes of timex_scan.h). */
#ifndef TT_QTY_SCAN_H
#define TT_QTY_SCAN_H

#include "timex_scan.h"
#include "tt_base.h"

/* The words that may follow a number word (quantity._FOLLOW), for fast look-up. */
typedef struct tt_qty_follow tt_qty_follow;

/* Build the set from n words given one after the other in cps: word k is
 * cps[ends[k - 1] .. ends[k]) (from 0 for k = 0); empty words are left out. *out is NULL on
 * error. TT_EINVAL for NULL arguments or ends that go back, TT_ENOMEM. */
tt_status tt_qty_follow_new(const tt_cp *cps, const tt_off *ends, size_t n, tt_qty_follow **out);
void tt_qty_follow_free(tt_qty_follow *f);

/* Append to hits (emptied first) the start of each number word found in text[0 .. n): first
 * every hit of the word-tail scan in order, then "hai", then "ba", then "Ba", each in order,
 * as quantity._find reads them. TT_EINVAL for NULL arguments (text may be NULL when n is 0),
 * TT_ETOOLONG, TT_ENOMEM. */
tt_status tt_qty_word_hits(const tt_cp *text, size_t n, tt_tx_ctype ctype, const tt_qty_follow *follow,
                           tt_offbuf *hits);

/* Append to hits (emptied first) every position of text[0 .. n) where a number in digits
 * may begin (the start of quantity._DIGITS_QTY_RE, up to its first digit): an ASCII digit
 * with no word character, "/" or ":" before it, not a digit after "3." or "3,", not after a
 * word and "-", and not after "ngày ", "tháng ", "lúc "... (quantity._NOT_AFTER: the word,
 * then a space or U+00A0, right before the digit). In order. TT_EINVAL, TT_ETOOLONG,
 * TT_ENOMEM. */
tt_status tt_qty_digit_starts(const tt_cp *text, size_t n, tt_tx_ctype ctype, tt_offbuf *hits);

#endif
