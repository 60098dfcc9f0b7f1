/* The month atoms of tintuc.timex read in C: at a hit of the key word "tháng"
 * (timex._MONTH_FAMILY, family 1 of timex_hits), "tháng 5", "tháng 3/2020", "tháng 3 năm 2020"
 * and "tháng 3-2020" with the "đầu/giữa/cuối" or "thượng/trung/hạ tuần" before them, as
 * timex._atom makes them.
 *
 * Only the common cases are decided here; the others ("tháng này" and the other relative
 * words, ranges "tháng 3 - 5", digits other than ASCII, a year that is not one) are left to
 * Python (codes of timex_year.h). */
#ifndef TT_TIMEX_MONTH_H
#define TT_TIMEX_MONTH_H

#include "re_class.h"
#include "timex_year.h"
#include "tt_base.h"

/* The family timex_hits gives the hits of "tháng": 1 + the index of its tail "áng" (the first
 * key word of core/timex_scan.c). */
#define TT_TX_MONTH_FAMILY 1

typedef struct {
    size_t start, end; /* the atom's span, the mod word included */
    int m, y;          /* month, and year (0: none) */
    int mod;           /* 0, or 1 + index into tt_timex_year_mods */
} tt_tx_month;

/* Read the month family at text[pos] (a family-1 hit: "Tháng"/"tháng"): TT_TXY_DEFER,
 * TT_TXY_NONE or TT_TXY_ATOM (then *out is filled). text[0 .. n) is the whole text; ctype as
 * in timex_scan.h. */
int tt_timex_month_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_month *out);

#endif
