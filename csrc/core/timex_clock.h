/* The clock times of tintuc.timex read in C: at a digit hit of timex_hits where the digit
 * family (timex._DIGIT_FAMILY) reads a clock time ("clock": "20h", "8h30", "8g30", "20 giờ",
 * "8 giờ 30 phút", "20:00", each maybe with "sáng"/"chiều"/... after it), the clock atom as
 * timex._atom makes it, with whether it counts alone ("strong": minutes, a part of day or a
 * lead word such as "lúc") or only next to a date.
 *
 * Only the common cases are decided here; the others (letters after the time that make the
 * pattern step back, digits other than ASCII, letters only Python's re folds) are left to
 * Python (codes of timex_year.h). No date pattern reads these digits: they are followed by
 * "h", "g", ":" or "giờ". */
#ifndef TT_TIMEX_CLOCK_H
#define TT_TIMEX_CLOCK_H

#include "re_class.h"
#include "timex_year.h"
#include "tt_base.h"

/* The parts of day a clock time may take (timex's "clock_pod", lowercased). */
extern const char *const tt_timex_clock_pods[6];

typedef struct {
    size_t start, end; /* the atom's span: from its digits */
    int h, mi;         /* hour and minutes (0 when none are written) */
    int pod;           /* 0, or 1 + index into tt_timex_clock_pods */
    int strong;
} tt_tx_clock;

/* Read a clock time at text[pos] (a digit hit): TT_TXY_DEFER, TT_TXY_NONE or TT_TXY_ATOM
 * (then *out is filled). text[0 .. n) is the whole text; ctype as in timex_scan.h. */
int tt_timex_clock_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_clock *out);

#endif
