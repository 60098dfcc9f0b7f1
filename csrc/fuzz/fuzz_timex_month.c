/* libFuzzer target for core/timex_month.c: the month atoms of tintuc.timex ("tháng 5",
 * "tháng 3/2020", "tháng 3 năm 2020") read at every "tháng" hit of timex_hits (and at a few
 * other places) of text made of fuzz bytes (most bytes pick a piece: a number, "tháng", "/",
 * a mod or counting word, a space, a dash; the others a character of fuzz_input.h). Checked:
 * the answer is one of the three codes; an atom lies in the text, starts at a mod word before
 * "tháng" or at it, ends after its number with fields in range; a text cut a little after the
 * atom gives the same answer (the reading looks no further).
 * Build and run: make fuzz-build && build/fuzz/fuzz_timex_month -max_total_time=60 */
#include "../core/timex_month.h"
#include "fuzz_timex_atoms.h"

#define MAX_TEXT 2048

static const char *const pieces[] = {
    "tháng", "Tháng", "tháng", "năm", "1", "3", "12", "13", "05", "2020", "1999", "2200", "/", "/", "-",
    "\u2013", ".", ",", " ", " ", " ", "\u00a0", "\n", "(", "mỗi", "các", "thứ", "đầu", "cuối", "thượng", "tuần",
    "nay", "qua", "\u0663", "\u00b2", "a", "_", "\u212a",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static void check_atom(const tt_cp *text, size_t n, size_t pos, int code, const tt_tx_month *m)
{
    CHECK(code == TT_TXY_DEFER || code == TT_TXY_NONE || code == TT_TXY_ATOM);
    if (code != TT_TXY_ATOM)
        return;
    CHECK(pos + 7 <= n && (text[pos] == 't' || text[pos] == 'T'));
    CHECK(m->start <= pos && pos + 7 <= m->end && m->end <= n && text[m->end - 1] >= '0' && text[m->end - 1] <= '9');
    CHECK(m->m >= 1 && m->m <= 12 && (m->y == 0 || (m->y >= 1000 && m->y <= 2199)));
    CHECK(m->mod >= 0 && m->mod <= 6 && (m->mod == 0) == (m->start == pos));
}

/* The reading at pos; at a hit, also of the text cut a little after an atom. */
static void read_at(const tt_cp *text, size_t n, size_t pos, int at_hit)
{
    tt_tx_month m, m2;
    int code = tt_timex_month_atom(text, n, pos, fuzz_re_ctype, &m);
    check_atom(text, n, pos, code, &m);
    if (!at_hit || code != TT_TXY_ATOM)
        return;
    /* past the atom the reading sees its spaces, "năm" and spaces after them, and two more */
    size_t cut = fuzz_past_spaces(text, n, m.end, m.end + 64) + 3;
    cut = fuzz_past_spaces(text, n, cut, m.end + 128);
    cut = cut + 2 < n ? cut + 2 : n;
    if (cut - m.end >= 120)
        return;
    CHECK(tt_timex_month_atom(text, cut, pos, fuzz_re_ctype, &m2) == TT_TXY_ATOM);
    CHECK(m.start == m2.start && m.end == m2.end && m.m == m2.m && m.y == m2.y && m.mod == m2.mod);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = fuzz_pieces_text(data, size, pieces, NPIECES, text, MAX_TEXT);
    fuzz_read_atoms(text, n, TT_TX_MONTH_FAMILY, TT_TX_MONTH_FAMILY, read_at);
    return 0;
}
