/* The "D/M" and "D/M/YYYY" dates of tintuc.timex read in C: at a digit hit of timex_hits where
 * the digit family (timex._DIGIT_FAMILY) reads "23/10" ("dm") or "23/10/2020", "16.4.2021",
 * "23-10-2020" ("dmy") and nothing longer, the date atom as timex._atom makes it, with the
 * "ngày"/"hôm" and part of day ("sáng", "rạng sáng") before it; also "3/2020" ("mybare", a
 * month), and the numbers that are no time ("30.000", "2020 và", "9 tháng,").
 *
 * Only the common cases are decided here; the others (a second date after it, a dash, "10.2",
 * digits other than ASCII, a bare "3/5" whose reading hangs on the noun after it) are
 * left to Python (codes of timex_year.h). */
#ifndef TT_TIMEX_DATE_H
#define TT_TIMEX_DATE_H

#include "re_class.h"
#include "timex_year.h"
#include "tt_base.h"

/* The words a date atom may take: lead 0 none, 1 "ngày", 2 "hôm"; pod 0 none, else
 * 1 + index into tt_timex_date_pods. */
extern const char *const tt_timex_date_pods[11];

typedef struct {
    size_t start, end; /* the atom's span, the words before it included */
    int d, m, y;       /* day (0: "3/2020", a month and year), month and year (0: none) */
    int lead, pod;
} tt_tx_date;

/* Read a "D/M" date at text[pos] (a digit hit): TT_TXY_DEFER, TT_TXY_NONE or TT_TXY_ATOM
 * (then *out is filled). text[0 .. n) is the whole text; ctype as in timex_scan.h. */
int tt_timex_date_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_date *out);

/* timex._lead_and_pod from the words before an atom (absolute spans from
 * tt_timex_words_before, nearest first): *lead and *pod as above, and the number of words
 * taken (the atom then starts at the last of them). */
size_t tt_timex_lead_and_pod(const tt_cp *text, const tt_off *sp, size_t nw, int *lead, int *pod);

#endif
