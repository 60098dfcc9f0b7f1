/* libFuzzer target for core/timex_wday.c: the weekday atoms of tintuc.timex ("thứ Hai",
 * "thứ 6 tuần trước", "Chủ nhật") read at every "thứ" and "chủ" hit of timex_hits (and at a
 * few other places) of text made of fuzz bytes (most bytes pick a piece: a day word, a digit,
 * "tuần" and a relative word, a lead or part-of-day word, a space; the others a character of
 * fuzz_input.h). Checked: the answer is one of the three codes; an atom lies in the text,
 * starts at a word before "thứ"/"chủ" or at it, ends after its day word with fields in range;
 * a text cut a little after the atom (and after the runs of spaces it may look past) gives the
 * same answer (the reading looks no further).
 * Build and run: make fuzz-build && build/fuzz/fuzz_timex_wday -max_total_time=60 */
#include "../core/timex_wday.h"
#include "fuzz_timex_atoms.h"

#define MAX_TEXT 2048

static const char *const pieces[] = {
    "thứ", "Thứ", "chủ", "Chủ", "nhật", "Nhật", "hai", "Hai", "ba", "tư", "năm", "sáu", "bảy", "2", "6", "8", " ",
    " ", " ", "\u00a0", "\n", ".", ",", "(", "tuần", "trước", "vừa qua", "này", "ngày", "hôm", "vào", "lần",
    "sáng", "liên", "của", "\u0663", "a", "_", "\u017f",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static void check_atom(const tt_cp *text, size_t n, size_t pos, int code, const tt_tx_wday *w)
{
    CHECK(code == TT_TXY_DEFER || code == TT_TXY_NONE || code == TT_TXY_ATOM);
    if (code != TT_TXY_ATOM)
        return;
    CHECK(pos + 5 <= n && w->start <= pos && pos + 5 <= w->end && w->end <= n);
    CHECK(w->w >= 0 && w->w <= 6 && w->rel >= -1 && w->rel < 8);
    CHECK(w->lead >= 0 && w->lead <= 2 && w->pod >= 0 && w->pod <= 11 && (w->strong == 0 || w->strong == 1));
    CHECK((w->lead == 0 && w->pod == 0) == (w->start == pos));
    CHECK(!(w->lead || w->pod || w->rel >= 0 || w->w == 6) || w->strong);
}

/* The reading at pos; at a hit, also of the text cut a little after an atom. */
static void read_at(const tt_cp *text, size_t n, size_t pos, int at_hit)
{
    tt_tx_wday w, w2;
    int code = tt_timex_wday_atom(text, n, pos, fuzz_re_ctype, &w);
    check_atom(text, n, pos, code, &w);
    if (!at_hit || code != TT_TXY_ATOM)
        return;
    /* past the atom the reading sees "tuần" and a relative word, each after a run of spaces as
     * long as it is, or the next word within 40 */
    size_t cut = fuzz_past_spaces(text, n, w.end, n);
    cut = cut + 4 < n ? cut + 4 : n;
    cut = fuzz_past_spaces(text, n, cut, n);
    cut = cut + 48 < n ? cut + 48 : n;
    CHECK(tt_timex_wday_atom(text, cut, pos, fuzz_re_ctype, &w2) == TT_TXY_ATOM);
    CHECK(w.start == w2.start && w.end == w2.end && w.w == w2.w && w.rel == w2.rel && w.lead == w2.lead
          && w.pod == w2.pod && w.strong == w2.strong);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = fuzz_pieces_text(data, size, pieces, NPIECES, text, MAX_TEXT);
    fuzz_read_atoms(text, n, TT_TX_THU_FAMILY, TT_TX_CHU_FAMILY, read_at);
    return 0;
}
