/* libFuzzer target for core/timex_year.c: the year atoms of tintuc.timex read at every
 * year-family hit of timex_hits (and at a few other places) of text made of fuzz bytes (most
 * bytes pick a piece: "năm", a year, a mod word, a space, a dash; the others a character of
 * fuzz_input.h). Checked: the answer is one of the three codes; an atom lies in the text,
 * holds the "năm" it was read at, starts at a word before it or at it, and has fields in
 * range; a text cut after the atom and its next word gives the same answer (the reading looks
 * no further). Build and run: make fuzz-build && build/fuzz/fuzz_timex_year -max_total_time=60 */
#include "../core/timex_scan.h"
#include "../core/timex_year.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"
#include "fuzz_input.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = 0;
    for (size_t i = 0; i < size && n + 16 < MAX_TEXT; i++) {
        if (data[i] < 0xC0)
            n += fuzz_utf8(pieces[data[i] % NPIECES], text + n, MAX_TEXT - n);
        else {
            uint8_t c = (uint8_t)(data[i] - 0xC0 + 0x80);
            n += fuzz_text(&c, 1, text + n, MAX_TEXT - n);
        }
    }
    tt_offbuf hits = {0};
    CHECK(tt_timex_hits(text, n, fuzz_re_ctype, &hits) == TT_OK);
    for (size_t k = 0; k + 1 < hits.n; k += 2) {
        if (hits.v[k + 1] != TT_TX_YEAR_FAMILY)
            continue;
        size_t pos = hits.v[k];
        tt_tx_year y, y2;
        int code = tt_timex_year_atom(text, n, pos, fuzz_re_ctype, &y);
        check_atom(text, n, pos, code, &y);
        if (code == TT_TXY_ATOM) {
            /* cut past the atom, its spaces and the next 8 code points: the same answer */
            size_t cut = y.end;
            while (cut < n && text[cut] != '\n' && fuzz_re_ctype(text[cut]) != 0 && cut < y.end + 64)
                cut++;
            cut = cut + 8 < n ? cut + 8 : n;
            CHECK(tt_timex_year_atom(text, cut, pos, fuzz_re_ctype, &y2) == TT_TXY_ATOM);
            CHECK(y.start == y2.start && y.end == y2.end && y.kind == y2.kind && y.year == y2.year
                  && y.rel == y2.rel && y.mod == y2.mod);
        }
    }
    /* anywhere else: no crash, and no atom where no "năm" is */
    for (size_t pos = 0; pos <= n + 1; pos += 1 + pos % 5) {
        tt_tx_year y;
        int code = tt_timex_year_atom(text, n, pos, fuzz_re_ctype, &y);
        check_atom(text, n, pos, code, &y);
    }
    tt_offbuf_free(&hits);
    return 0;
}
