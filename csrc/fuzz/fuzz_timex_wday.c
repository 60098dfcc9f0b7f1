/* libFuzzer target for core/timex_wday.c: the weekday atoms of tintuc.timex ("thứ Hai",
 * "thứ 6 tuần trước", "Chủ nhật") read at every "thứ" and "chủ" hit of timex_hits (and at a
 * few other places) of text made of fuzz bytes (most bytes pick a piece: a day word, a digit,
 * "tuần" and a relative word, a lead or part-of-day word, a space; the others a character of
 * fuzz_input.h). Checked: the answer is one of the three codes; an atom lies in the text,
 * starts at a word before "thứ"/"chủ" or at it, ends after its day word with fields in range;
 * a text cut a little after the atom gives the same answer (the reading looks no further).
 * Build and run: make fuzz-build && build/fuzz/fuzz_timex_wday -max_total_time=60 */
#include "../core/timex_scan.h"
#include "../core/timex_wday.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"
#include "fuzz_input.h"

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
        if (hits.v[k + 1] != TT_TX_THU_FAMILY && hits.v[k + 1] != TT_TX_CHU_FAMILY)
            continue;
        size_t pos = hits.v[k];
        tt_tx_wday w, w2;
        int code = tt_timex_wday_atom(text, n, pos, fuzz_re_ctype, &w);
        check_atom(text, n, pos, code, &w);
        if (code == TT_TXY_ATOM) {
            /* past the atom the reading sees "tuần" and a word, or the next word within 40 */
            size_t cut = w.end + 48 < n ? w.end + 48 : n;
            CHECK(tt_timex_wday_atom(text, cut, pos, fuzz_re_ctype, &w2) == TT_TXY_ATOM);
            CHECK(w.start == w2.start && w.end == w2.end && w.w == w2.w && w.rel == w2.rel && w.lead == w2.lead
                  && w.pod == w2.pod && w.strong == w2.strong);
        }
    }
    for (size_t pos = 0; pos <= n + 1; pos += 1 + pos % 5) {
        tt_tx_wday w;
        int code = tt_timex_wday_atom(text, n, pos, fuzz_re_ctype, &w);
        check_atom(text, n, pos, code, &w);
    }
    tt_offbuf_free(&hits);
    return 0;
}
