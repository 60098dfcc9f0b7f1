/* libFuzzer target for core/timex_date.c: the "D/M", "D/M/YYYY" and "M/YYYY" atoms of tintuc.timex read at every
 * digit hit of timex_hits (and at a few other places) of text made of fuzz bytes (most bytes
 * pick a piece: a number, "/", a lead or part-of-day word, a space, a dash; the others a
 * character of fuzz_input.h). Checked: the answer is one of the three codes; an atom lies in
 * the text, starts at a word before its digits or at them, ends after "D/M" with fields in
 * range (a year of four digits when it has one); a text cut a little after the atom gives the same answer (the reading looks no
 * further). Build and run: make fuzz-build && build/fuzz/fuzz_timex_date -max_total_time=60 */
#include "../core/timex_date.h"
#include "../core/timex_scan.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"
#include "fuzz_input.h"

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
        if (hits.v[k + 1] != TT_TX_DIGIT)
            continue;
        size_t pos = hits.v[k];
        tt_tx_date d, d2;
        int code = tt_timex_date_atom(text, n, pos, fuzz_re_ctype, &d);
        check_atom(text, n, pos, code, &d);
        if (code == TT_TXY_ATOM) {
            /* past the atom the reading sees its spaces, a dash after them, and two more */
            size_t cut = d.end;
            while (cut < n && text[cut] != '\n' && (fuzz_re_ctype(text[cut]) & TT_TX_SPACE) && cut < d.end + 64)
                cut++;
            cut = cut + 2 < n ? cut + 2 : n;
            if (cut - d.end < 60) {
                CHECK(tt_timex_date_atom(text, cut, pos, fuzz_re_ctype, &d2) == TT_TXY_ATOM);
                CHECK(d.start == d2.start && d.end == d2.end && d.d == d2.d && d.m == d2.m && d.y == d2.y
                      && d.lead == d2.lead && d.pod == d2.pod);
            }
        }
    }
    for (size_t pos = 0; pos <= n + 1; pos += 1 + pos % 5) {
        tt_tx_date d;
        int code = tt_timex_date_atom(text, n, pos, fuzz_re_ctype, &d);
        check_atom(text, n, pos, code, &d);
    }
    tt_offbuf_free(&hits);
    return 0;
}
