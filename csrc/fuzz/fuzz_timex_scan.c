/* libFuzzer target for core/timex_scan.c: the scans of tintuc.timex over text made of fuzz
 * bytes (most bytes pick a piece: a key word, a digit, a space, punctuation; the others a
 * character of fuzz_input.h). Checked:
 *   - every hit lies in the text, digit hits on an ASCII digit and in order, then key-word
 *     hits in order, each on its key word's tail, none overlapping the next;
 *   - hits well before a cut of the text are those of the whole text (the scan reads a few
 *     words and the spaces between them after a hit, never further);
 *   - words before a position: what a plain forward split of the window (the way timex.py
 *     reads it) gives;
 *   - tense markers: what comparing every marker at every position, case-folded by ICU (and
 *     "i" with U+0130 and U+0131, as Python's re does), gives;
 *   - a text the NFC glance calls sure is one ICU finds in NFC.
 * Build and run: make fuzz-build && build/fuzz/fuzz_timex_scan -max_total_time=60 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "../core/timex_scan.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"
#include "fuzz_input.h"
#include "fuzz_timex_atoms.h"

#define MAX_TEXT 2048

static const char *const pieces[] = {
    "tháng", "Tháng", "năm", "thập", "niên", "kỷ", "quý", "thế", "tuần", "lễ", "thứ", "chủ", "nhật", "hôm",
    "ngày", "cùng", "cách", "đây", "sáng", "chiều", "tối", "đêm", "trưa", "nay", "qua", "mai", "trước", "tới",
    "hai", "Ba", "giờ", "đến", "và", "sẽ", "SẼ", "đã", "vừa", "dự kiến", "lên kế hoạch", "hồi", "IV", "1", "2",
    "7", "12", "2020", "/", ".", ",", ":", "-", "h", "g", "_", " ", " ", " ", "\n", "\u00a0", "(", "\u2013",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static const char *const tails[TT_TX_NKEYWORDS] = {"áng", "ăm", "ập", "ý", "ế", "ần", "ứ", "ủ", "ôm",
                                                   "ày", "ùng", "ách", "áng", "ều", "ối", "êm", "ưa"};
static const size_t heads[TT_TX_NKEYWORDS] = {2, 1, 2, 2, 2, 2, 2, 2, 1, 2, 1, 1, 1, 3, 1, 1, 2};

static void check_hits(const tt_cp *text, size_t n, const tt_offbuf *h)
{
    size_t k = 0, last = 0;
    int first = 1;
    for (; k + 1 < h->n && h->v[k + 1] == TT_TX_DIGIT; k += 2) {
        size_t p = h->v[k];
        CHECK(p < n && text[p] >= '0' && text[p] <= '9' && (first || p > last));
        last = p;
        first = 0;
    }
    size_t next_free = 0;
    for (; k + 1 < h->n; k += 2) {
        size_t p = h->v[k], f = h->v[k + 1];
        CHECK(f >= 1 && f <= TT_TX_NKEYWORDS);
        tt_cp tail[4];
        size_t len = fuzz_utf8(tails[f - 1], tail, 4), at = p + heads[f - 1];
        CHECK(at + len <= n && memcmp(text + at, tail, len * sizeof *tail) == 0);
        CHECK(at >= next_free);
        next_free = at + len;
    }
    CHECK(k == h->n);
}

static int space(tt_cp c)
{
    if (c < 0x80)
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x1F);
    return (fuzz_re_ctype(c) & TT_TX_SPACE) != 0;
}

static int alnum(tt_cp c)
{
    if (c < 0x80)
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return (fuzz_re_ctype(c) & TT_TX_ALNUM) != 0;
}

/* The words before the end of win[0 .. n), read forwards: tokens of the part after the last
 * "\n", then taken from the last one back (timex._py_four_words_before). */
static void check_words(const tt_cp *win, size_t n)
{
    tt_off got[8], want[8];
    size_t ng = tt_timex_words_before(win, n, fuzz_re_ctype, 4, got), nw = 0;
    if (n > 0 && space(win[n - 1])) {
        size_t lo = 0;
        for (size_t i = 0; i < n; i++)
            if (win[i] == '\n')
                lo = i + 1;
        size_t starts[64], ends[64], nt = 0;
        for (size_t i = lo; i < n;) {
            if (space(win[i])) {
                i++;
                continue;
            }
            size_t a = i;
            while (i < n && !space(win[i]))
                i++;
            if (nt < 64) {
                starts[nt] = a;
                ends[nt++] = i;
            }
        }
        for (size_t t = nt; t-- > 0 && nw < 4;) {
            size_t j = ends[t];
            while (j > starts[t] && alnum(win[j - 1]))
                j--;
            if (j < ends[t]) {
                want[2 * nw] = (tt_off)j;
                want[2 * nw + 1] = (tt_off)ends[t];
                nw++;
            }
            if (j > starts[t])
                break;
        }
    }
    CHECK(ng == nw && memcmp(got, want, 2 * nw * sizeof *got) == 0);
}

static const char *const markers[] = {"sẽ", "sắp", "dự kiến", "dự định", "chuẩn bị", "lên kế hoạch",
                                      "đã", "vừa", "từng", "hồi"};

static int ci(tt_cp c, tt_cp p)
{
    if (c > 0x10FFFF)
        return c == p;
    if (p == 'i' && (c == 0x130 || c == 0x131))
        return 1;
    return u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT) == u_foldCase((UChar32)p, U_FOLD_CASE_DEFAULT);
}

static void check_tense(const tt_cp *text, size_t n, size_t from)
{
    tt_offbuf got = {0};
    CHECK(tt_timex_tense(text, n, from, fuzz_re_ctype, &got) == TT_OK);
    size_t k = 0;
    for (size_t p = from; p < n;) {
        size_t len = 0, m = 0;
        if (p == 0 || (!(fuzz_re_ctype(text[p - 1]) & TT_TX_WORD) && text[p - 1] != '_'))
            for (; m < 10 && !len; m++) {
                tt_cp w[16];
                size_t wl = fuzz_utf8(markers[m], w, 16), j = 0;
                while (j < wl && p + j < n && ci(text[p + j], w[j]))
                    j++;
                if (j == wl && (p + j >= n || (!(fuzz_re_ctype(text[p + j]) & TT_TX_WORD) && text[p + j] != '_')))
                    len = wl;
            }
        if (!len) {
            p++;
            continue;
        }
        CHECK(k + 2 < got.n && got.v[k] == p && got.v[k + 1] == p + len && got.v[k + 2] == (m - 1 < 6));
        k += 3;
        p += len;
    }
    CHECK(k == got.n);
    tt_offbuf_free(&got);
}

/* Is a hit at p beyond the reach of a cut at cut? The scan reads past a hit through a few
 * runs of spaces (any number of them) and the words between: six words begin between the
 * hit and the cut, or that hit could see the cut. */
static int settled(const tt_cp *text, size_t p, size_t cut)
{
    size_t starts = 0;
    if (p + 40 >= cut)
        return 0;
    for (size_t i = p + 1; i < cut; i++)
        if (space(text[i - 1]) && text[i - 1] != '\n' && !(space(text[i]) && text[i] != '\n'))
            starts++;
    return starts >= 6;
}

/* When tt_timex_nfc_sure says yes, ICU's NFC check agrees (the fuzz text holds only BMP
 * code points, one UTF-16 unit each). */
static void check_nfc(const tt_cp *text, size_t n)
{
    static UChar u[MAX_TEXT];
    if (!tt_timex_nfc_sure(text, n))
        return;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    CHECK(U_SUCCESS(err));
    for (size_t i = 0; i < n; i++) {
        CHECK(text[i] < 0x10000);
        u[i] = (UChar)text[i];
    }
    UBool ok = unorm2_isNormalized(nfc, u, (int32_t)n, &err);
    CHECK(U_SUCCESS(err) && ok);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    size_t n = fuzz_pieces_text(data, size, pieces, NPIECES, text, MAX_TEXT);
    tt_offbuf whole = {0}, part = {0};
    CHECK(tt_timex_hits(text, n, fuzz_re_ctype, &whole) == TT_OK);
    check_hits(text, n, &whole);
    size_t cut = size ? data[0] * n / 256 : 0;
    CHECK(tt_timex_hits(text, cut, fuzz_re_ctype, &part) == TT_OK);
    check_hits(text, cut, &part);
    /* hits before cut - 40 agree, in each of the two groups */
    for (int digits = 1; digits >= 0; digits--) {
        size_t a = 0, b = 0;
        for (;;) {
            while (a + 1 < whole.n && (whole.v[a + 1] == TT_TX_DIGIT) != digits)
                a += 2;
            while (b + 1 < part.n && (part.v[b + 1] == TT_TX_DIGIT) != digits)
                b += 2;
            int ina = a + 1 < whole.n && settled(text, whole.v[a], cut);
            int inb = b + 1 < part.n && settled(text, part.v[b], cut);
            CHECK(ina == inb);
            if (!ina)
                break;
            CHECK(whole.v[a] == part.v[b] && whole.v[a + 1] == part.v[b + 1]);
            a += 2;
            b += 2;
        }
    }
    for (size_t s = 0; s <= n; s += 1 + s % 7) {
        size_t lo = s > 40 ? s - 40 : 0;
        check_words(text + lo, s - lo);
    }
    check_tense(text, n, 0);
    check_nfc(text, n);
    check_tense(text, n, cut);
    tt_offbuf_free(&whole);
    tt_offbuf_free(&part);
    return 0;
}
