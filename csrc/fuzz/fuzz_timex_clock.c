/* libFuzzer target for core/timex_clock.c: the clock times of tintuc.timex ("20h", "8h30",
 * "8 giờ 30 phút sáng", "20:00") read at every digit hit of timex_hits (and at a few other
 * places) of text made of fuzz bytes (most bytes pick a piece: a number, "h", "giờ", ":", a
 * part of day, a lead word, a space; the others a character of fuzz_input.h). Checked: the
 * answer is one of the three codes; an atom starts at its digits, lies in the text, with
 * fields in range; a text cut a little after the atom gives the same answer (the reading
 * looks no further). Build and run: make fuzz-build && build/fuzz/fuzz_timex_clock -max_total_time=60 */
#include "../core/timex_clock.h"
#include "fuzz_timex_atoms.h"

#define MAX_TEXT 2048

static const char *const pieces[] = {
    "8", "20", "24", "25", "0", "30", "00", "5", "h", "H", "g", "giờ", "phút", ":", "'", "p", " ", " ", " ",
    "\u00a0", "\n", ".", "sáng", "tối", "nay", "hôm", "qua", "liên tục", "trong", "lúc", "a", "_", "\u0663",
    "\u017f", "\u212a",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static void check_atom(const tt_cp *text, size_t n, size_t pos, int code, const tt_tx_clock *c)
{
    CHECK(code == TT_TXY_DEFER || code == TT_TXY_NONE || code == TT_TXY_ATOM);
    if (code != TT_TXY_ATOM)
        return;
    CHECK(pos < n && text[pos] >= '0' && text[pos] <= '9' && c->start == pos && pos + 2 <= c->end && c->end <= n);
    CHECK(c->h >= 0 && c->h <= 24 && c->mi >= 0 && c->mi <= 59 && c->pod >= 0 && c->pod <= 6);
    CHECK(c->strong == 0 || c->strong == 1);
}

/* The reading at pos; at a hit, also of the text cut a little after an atom. */
static void read_at(const tt_cp *text, size_t n, size_t pos, int at_hit)
{
    tt_tx_clock c, c2;
    int code = tt_timex_clock_atom(text, n, pos, fuzz_re_ctype, &c);
    check_atom(text, n, pos, code, &c);
    if (!at_hit || code != TT_TXY_ATOM)
        return;
    /* past the atom the reading sees spaces, a word (a part of day it did not take, or
     * minutes), spaces and the word after them */
    size_t cut = c.end;
    int whole = 1; /* the runs of spaces end before the cut */
    for (int round = 0; round < 2; round++) {
        cut = fuzz_past_spaces(text, n, cut, c.end + 64);
        whole = whole && !(cut < n && text[cut] != '\n' && (fuzz_re_ctype(text[cut]) & TT_TX_SPACE));
        cut = cut + 12 < n ? cut + 12 : n;
    }
    if (!whole || cut - c.end < 24)
        return;
    CHECK(tt_timex_clock_atom(text, cut, pos, fuzz_re_ctype, &c2) == TT_TXY_ATOM);
    CHECK(c.start == c2.start && c.end == c2.end && c.h == c2.h && c.mi == c2.mi && c.pod == c2.pod
          && c.strong == c2.strong);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = fuzz_pieces_text(data, size, pieces, NPIECES, text, MAX_TEXT);
    fuzz_read_atoms(text, n, TT_TX_DIGIT, TT_TX_DIGIT, read_at);
    return 0;
}
