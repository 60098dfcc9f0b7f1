/* The atoms of tintuc.timex's year family read in C: at a hit of the key word "năm"
 * (timex._YEAR_FAMILY, family 2 of timex_hits), "năm 2020" and "năm ngoái" with the
 * "đầu/giữa/cuối" or "thượng/trung/hạ tuần" before them, as timex._atom makes them.
 *
 * Only the common cases are decided here; the others (a range "năm 2019 - 2020", "những năm
 * 90", "năm trước" after a number, "của thế kỷ ...", digits other than ASCII, a word whose
 * lowercase is not plain) are left to Python, which reads them with its own patterns. A
 * superset of those is left: leaving more than needed only costs time. */
#ifndef TT_TIMEX_YEAR_H
#define TT_TIMEX_YEAR_H

#include "re_class.h"
#include "tt_base.h"

/* The family timex_hits gives the hits of "năm": 1 + the index of its tail "ăm" among the key
 * words of core/timex_scan.c. */
#define TT_TX_YEAR_FAMILY 2

enum {
    TT_TXY_DEFER = 0, /* Python decides */
    TT_TXY_NONE = 1,  /* no atom here (the pattern does not match, or context says no time) */
    TT_TXY_ATOM = 2   /* an atom, in *out */
};

enum { TT_TXY_YEAR = 0, TT_TXY_RYEAR = 1 };

/* The words a year atom may take, by index: mod (0 none, else 1 + index into
 * tt_timex_year_mods) and rel (index into tt_timex_year_rels). */
extern const char *const tt_timex_year_mods[6];
extern const char *const tt_timex_year_rels[7];

typedef struct {
    int kind;          /* TT_TXY_YEAR ("năm 2020") or TT_TXY_RYEAR ("năm ngoái") */
    size_t start, end; /* the atom's span, the mod word included */
    int year;          /* TT_TXY_YEAR: the year */
    int rel;           /* TT_TXY_RYEAR: the relative word */
    int mod;           /* 0, or 1 + the mod word */
} tt_tx_year;

/* Read the year family at text[pos] (where timex_hits put a family-2 hit: "Năm"/"năm"):
 * TT_TXY_DEFER, TT_TXY_NONE or TT_TXY_ATOM (then *out is filled). text[0 .. n) is the whole
 * text; ctype classes code points above ASCII as Python's re does. */
int tt_timex_year_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_year *out);

/* The pieces of the reading the month family shares (timex_month.c): timex._mod_before from
 * the words before an atom (spans from tt_timex_words_before over text[lo ..], nearest first),
 * giving the mod (0 or 1 + index) and moving *start to its first word; timex._after_number
 * at p: 1, 0, or -1 when only Python can tell. */
int tt_timex_mod_before(const tt_cp *text, size_t n, tt_tx_ctype ctype, const tt_off *sp, size_t nw, size_t lo,
                        size_t *start);
int tt_timex_after_number(const tt_cp *text, size_t n, tt_tx_ctype ctype, size_t p);

#endif
