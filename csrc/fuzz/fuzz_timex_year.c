/* libFuzzer target for core/timex_year.c: the year atoms of tintuc.timex read at every
 * year-family hit of timex_hits (and at a few other places) of text made of fuzz bytes (most
 * bytes pick a piece: "năm", a year, a mod word, a space, a dash; the others a character of
 * fuzz_input.h). Checked: the answer is one of the three codes; an atom lies in the text,
 * holds the "năm" it was read at, starts at a word before it or at it, and has fields in
 * range; a text cut after the atom and its next word gives the same answer (the reading looks
 * no further). Build and run: make fuzz-build && build/fuzz/fuzz_timex_year -max_total_time=60 */
#include "../core/timex_year.h"
#include "fuzz_timex_atoms.h"

#define MAX_TEXT 2048

static const char *const pieces[] = {
    "năm", "Năm", "NĂM", "2020", "1990", "90", "2", "s", "a", "nay", "ngoái", "sau", "trước", "về", "sắp", "tới",
    "đến", "rồi", "kia", "của", "những", "hai", "đầu", "Cuối", "giữa", "thượng", "tuần", "hạ", "_", " ", " ",
    " ", "\n", "\u00a0", "-", "\u2013", "/", ".", ",", "(", "\u0662", "\u00b2", "\u212a",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static void check_atom(const tt_cp *text, size_t n, size_t pos, int code, const tt_tx_year *y)
{
    CHECK(code == TT_TXY_DEFER || code == TT_TXY_NONE || code == TT_TXY_ATOM);
    if (code != TT_TXY_ATOM)
        return;
    CHECK(pos + 3 <= n && (text[pos] == 'N' || text[pos] == 'n') && text[pos + 1] == 0x103 && text[pos + 2] == 'm');
    CHECK(y->start <= pos && pos + 3 < y->end && y->end <= n);
    CHECK(y->mod >= 0 && y->mod <= 6);
    CHECK((y->mod == 0) == (y->start == pos));
    if (y->kind == TT_TXY_YEAR)
        CHECK(y->year >= 1000 && y->year <= 2199);
    else
        CHECK(y->kind == TT_TXY_RYEAR && y->rel >= 0 && y->rel < 7);
}

/* The reading at pos; at a hit, also of the text cut a little after an atom. */
static void read_at(const tt_cp *text, size_t n, size_t pos, int at_hit)
{
    tt_tx_year y, y2;
    int code = tt_timex_year_atom(text, n, pos, fuzz_re_ctype, &y);
    check_atom(text, n, pos, code, &y);
    if (!at_hit || code != TT_TXY_ATOM)
        return;
    /* cut past the atom, its spaces and the next 8 code points: the same answer */
    size_t cut = y.end;
    while (cut < n && text[cut] != '\n' && fuzz_re_ctype(text[cut]) != 0 && cut < y.end + 64)
        cut++;
    cut = cut + 8 < n ? cut + 8 : n;
    CHECK(tt_timex_year_atom(text, cut, pos, fuzz_re_ctype, &y2) == TT_TXY_ATOM);
    CHECK(y.start == y2.start && y.end == y2.end && y.kind == y2.kind && y.year == y2.year && y.rel == y2.rel
          && y.mod == y2.mod);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = fuzz_pieces_text(data, size, pieces, NPIECES, text, MAX_TEXT);
    fuzz_read_atoms(text, n, TT_TX_YEAR_FAMILY, TT_TX_YEAR_FAMILY, read_at);
    return 0;
}
