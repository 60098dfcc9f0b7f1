/* libFuzzer target for core/timex_date.c: the "D/M", "D/M/YYYY" and "M/YYYY" atoms of tintuc.timex read at every
 * digit hit of timex_hits (and at a few other places) of text made of fuzz bytes (most bytes
 * pick a piece: a number, "/", a lead or part-of-day word, a space, a dash; the others a
 * character of fuzz_input.h). Checked: the answer is one of the three codes; an atom lies in
 * the text, starts at a word before its digits or at them, ends after "D/M" with fields in
 * range (a year of four digits when it has one); a text cut a little after the atom gives the same answer (the reading looks no
 * further). Build and run: make fuzz-build && build/fuzz/fuzz_timex_date -max_total_time=60 */
#include "../core/timex_date.h"
#include "fuzz_timex_atoms.h"

#define MAX_TEXT 2048

static const char *const pieces[] = {
    "1", "2", "3", "12", "31", "05", "2020", "1999", "2200", "000", "tháng", "đến", "/", "/", "-", "\u2013", ".", ",", ":", " ", " ", " ", "\u00a0", "\n",
    "(", "ngày", "Ngày", "hôm", "sáng", "rạng", "sớm", "chiều", "tối", "nửa", "đêm", "vào", "từ", "chiếm", "tỷ",
    "lệ", "số", "thành", "viên", "\u0663", "\u00b2", "a", "_", "\u212a",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static void check_atom(const tt_cp *text, size_t n, size_t pos, int code, const tt_tx_date *d)
{
    CHECK(code == TT_TXY_DEFER || code == TT_TXY_NONE || code == TT_TXY_ATOM);
    if (code != TT_TXY_ATOM)
        return;
    CHECK(pos < n && text[pos] >= '0' && text[pos] <= '9');
    CHECK(d->start <= pos && pos + 3 <= d->end && d->end <= n && text[d->end - 1] >= '0' && text[d->end - 1] <= '9');
    CHECK(d->d >= 0 && d->d <= 31 && d->m >= 1 && d->m <= 12);
    CHECK(d->y == 0 || (d->y >= 1000 && d->y <= 2199 && d->end >= pos + 6));
    CHECK(d->d > 0 || (d->y > 0 && d->lead == 0 && d->pod == 0)); /* "3/2020": a month */
    CHECK(d->lead >= 0 && d->lead <= 2 && d->pod >= 0 && d->pod <= 11);
    CHECK((d->lead == 0 && d->pod == 0) == (d->start == pos));
}

/* The reading at pos; at a hit, also of the text cut a little after an atom. */
static void read_at(const tt_cp *text, size_t n, size_t pos, int at_hit)
{
    tt_tx_date d, d2;
    int code = tt_timex_date_atom(text, n, pos, fuzz_re_ctype, &d);
    check_atom(text, n, pos, code, &d);
    if (!at_hit || code != TT_TXY_ATOM)
        return;
    /* past the atom the reading sees its spaces, a dash after them, and two more */
    size_t cut = fuzz_past_spaces(text, n, d.end, d.end + 64);
    cut = cut + 2 < n ? cut + 2 : n;
    if (cut - d.end >= 60)
        return;
    CHECK(tt_timex_date_atom(text, cut, pos, fuzz_re_ctype, &d2) == TT_TXY_ATOM);
    CHECK(d.start == d2.start && d.end == d2.end && d.d == d2.d && d.m == d2.m && d.y == d2.y && d.lead == d2.lead
          && d.pod == d2.pod);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = fuzz_pieces_text(data, size, pieces, NPIECES, text, MAX_TEXT);
    fuzz_read_atoms(text, n, TT_TX_DIGIT, TT_TX_DIGIT, read_at);
    return 0;
}
