/* The weekday atoms of tintuc.timex read in C: at a hit of "thứ" or "chủ" (timex._WDAY_FAMILY,
 * families 7 and 8 of timex_hits), "thứ Hai", "thứ 6", "Chủ nhật", maybe with "tuần trước"
 * after them and "ngày"/"hôm" and a part of day before them, as timex._atom makes them: with
 * whether they count alone ("strong": a cue says it is a weekday) or only next to a date.
 *
 * What the patterns read otherwise (a letter whose case only Python's re folds) is left to
 * Python (codes of timex_year.h). */
#ifndef TT_TIMEX_WDAY_H
#define TT_TIMEX_WDAY_H

#include "re_class.h"
#include "timex_year.h"
#include "tt_base.h"

/* The families timex_hits gives the hits of "thứ" and "chủ": 1 + the indexes of their tails
 * "ứ" and "ủ" among the key words of core/timex_scan.c. */
#define TT_TX_THU_FAMILY 7
#define TT_TX_CHU_FAMILY 8

/* The relative words after "tuần" (timex._REL_WORDS), in its order. */
extern const char *const tt_timex_wday_rels[8];

typedef struct {
    size_t start, end; /* the atom's span, the words before it included */
    int w;             /* 0 Monday .. 6 Sunday */
    int rel;           /* -1, or the index into tt_timex_wday_rels of "tuần ..." after it */
    int lead, pod;     /* as in timex_date.h */
    int strong;
} tt_tx_wday;

/* Read a weekday at text[pos] (a family 7 or 8 hit): TT_TXY_DEFER, TT_TXY_NONE or
 * TT_TXY_ATOM (then *out is filled). text[0 .. n) is the whole text; ctype as in
 * timex_scan.h. */
int tt_timex_wday_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_wday *out);

#endif
