#include "timex_clock.h"

#include <uchar.h>

#include "timex_text.h"

const char *const tt_timex_clock_pods[6] = {"sáng", "trưa", "chiều", "tối", "đêm", "khuya"};
static const char32_t *const PODS[] = {U"sáng", U"trưa", U"chiều", U"tối", U"đêm", U"khuya", NULL};
/* the words after a part of day that make it "sáng nay", not the clock's */
static const char32_t *const POD_NOT[] = {U"nay", U"qua", U"mai", U"hôm", U"cùng", NULL};
/* the words after a time that make it a duration or no time ("20h qua") */
static const char32_t *const AFTER_NOT[] = {U"qua", U"tới", U"liên tục", U"trước khi", NULL};
/* timex._DURATION_LEADS and _CLOCK_LEADS */
static const char32_t *const DURATION_LEADS[] = {U"trong", U"vòng", U"mất", U"suốt", U"mỗi", U"cả", U"chỉ",
                                                 U"kéo", U"dài", U"thêm", U"hơn", U"gần", U"những", U"các",
                                                 U"vài", U"mấy", U"nhiều", NULL};
static const char32_t *const CLOCK_LEADS[] = {U"lúc", U"vào", U"từ", U"đến", U"tới", U"khoảng", U"hồi", U"chừng",
                                              U"trước", U"sau", U"tầm", U"đầu", U"cuối", NULL};

/* The index of the word of ws at text[i .. hi) followed by no word character (before hi),
 * or -1. */
static int word_at(const tt_tx_text *s, size_t i, size_t hi, const char32_t *const *ws, int fold, size_t *len)
{
    for (int k = 0; ws[k]; k++) {
        size_t l = tx_lit_to(s, i, hi, ws[k], fold);
        if (l && !(i + l < hi && tx_word(s, i + l))) {
            *len = l;
            return k;
        }
    }
    return -1;
}

/* Letters that Python's re matches, ignoring case, with "s", "i" or "k" though str.lower()
 * does not make them those: only Python reads words with them. */
static int odd_fold(const tt_tx_text *s, size_t i, size_t hi)
{
    for (; i < hi && i < s->n; i++)
        if (s->t[i] == 0x17F || s->t[i] == 0x130 || s->t[i] == 0x131 || s->t[i] == 0x212A)
            return 1;
    return 0;
}

/* Two ASCII digits [0-5][0-9] at i (-1 when not; -2 when a digit beyond ASCII is there). */
static int minutes(const tt_tx_text *s, size_t i)
{
    if (!(tx_digit(s, i) && s->t[i] <= '5'))
        return tx_decimal(s, i) && !tx_digit(s, i) ? -2 : -1;
    if (!tx_digit(s, i + 1))
        return tx_decimal(s, i + 1) ? -2 : -1;
    return (s->t[i] - '0') * 10 + (s->t[i + 1] - '0');
}

int tt_timex_clock_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_clock *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos >= n)
        return TT_TXY_DEFER;
    const tt_tx_text s = {text, n, ctype};
    size_t a = pos;
    while (tx_digit(&s, a))
        a++;
    if (a == pos || a - pos > 2 || tx_decimal(&s, a))
        return TT_TXY_DEFER;
    int h = a - pos == 1 ? text[pos] - '0' : (text[pos] - '0') * 10 + (text[pos + 1] - '0');
    if (a - pos == 2 && !(text[pos] <= '1' || h <= 24))
        return TT_TXY_DEFER; /* "25h": the pattern steps back to "2" */
    int mi = -1;
    size_t e;
    size_t g = tx_spaces(&s, a);
    if (tx_lit_to(&s, g, n, U"giờ", 0)) {
        /* "20 giờ", "8 giờ 30 (phút)" */
        if (tx_word(&s, g + 3))
            return TT_TXY_DEFER;
        e = g + 3;
        size_t x = tx_spaces(&s, e), y = x;
        while (tx_digit(&s, y))
            y++;
        if (x > e && tx_decimal(&s, x)) {
            if (tx_decimal(&s, y))
                return TT_TXY_DEFER;
            if ((y - x == 1 || (y - x == 2 && text[x] <= '5')) && tx_number_ends(&s, y)) {
                mi = y - x == 1 ? text[x] - '0' : (text[x] - '0') * 10 + (text[x + 1] - '0');
                e = y;
                size_t z = tx_spaces(&s, e), len;
                if (z > e && word_at(&s, z, n, (const char32_t *const[]){U"phút", NULL}, 0, &len) == 0)
                    e = z + len;
            }
        }
    } else if (tx_at(&s, a, 'h') || tx_at(&s, a, 'H') || tx_at(&s, a, 'g') || tx_at(&s, a, 'G')) {
        /* "20h", "8h30", "8g30", "8h30'", "8h30p" */
        int m = minutes(&s, a + 1);
        if (m == -2)
            return TT_TXY_DEFER;
        if ((text[a] == 'g' || text[a] == 'G') && m < 0)
            return TT_TXY_DEFER;
        e = a + 1;
        if (m >= 0) {
            mi = m;
            e += 2;
        }
        if (tx_at(&s, e, '\''))
            e++;
        else if ((tx_at(&s, e, 'p') || tx_at(&s, e, 'P')) && !tx_word(&s, e + 1))
            e++;
        if (tx_word(&s, e))
            return TT_TXY_DEFER; /* the pattern steps back, or fails */
    } else if (tx_at(&s, a, ':')) {
        /* "20:00" */
        int m = minutes(&s, a + 1);
        if (m < 0 || tx_decimal(&s, a + 3) || tx_at(&s, a + 3, ':'))
            return TT_TXY_DEFER;
        mi = m;
        e = a + 3;
    } else {
        return TT_TXY_DEFER;
    }
    /* "(?:{_SP}(?P<clock_pod>...){_WE}(?!{_SP}(?:nay|qua|mai|hôm|cùng){_WE}))?" */
    int pod = 0;
    size_t x = tx_spaces(&s, e), len;
    if (x > e) {
        if (odd_fold(&s, x, x + 6))
            return TT_TXY_DEFER;
        int k = word_at(&s, x, n, PODS, 1, &len);
        if (k >= 0) {
            size_t y = tx_spaces(&s, x + len), l2;
            if (!(y > x + len && word_at(&s, y, n, POD_NOT, 0, &l2) >= 0)) {
                pod = k + 1;
                e = x + len;
            }
        }
    }
    /* timex._atom: a duration after "trong", "mất"...; no time before "qua", "liên tục"...
     * (read in the 14 code points after it) */
    size_t hi = e + 14 < n ? e + 14 : n;
    x = tx_spaces_to(&s, e, hi);
    if (x > e) {
        if (odd_fold(&s, x, hi))
            return TT_TXY_DEFER;
        if (word_at(&s, x, hi, AFTER_NOT, 1, &len) >= 0)
            return TT_TXY_NONE;
    }
    tt_off sp[8];
    size_t lo = pos > 40 ? pos - 40 : 0;
    size_t nw = tt_timex_words_before(text + lo, pos - lo, ctype, 4, sp);
    if (nw && tt_timex_word_in(text, lo + sp[0], lo + sp[1], DURATION_LEADS) >= 0)
        return TT_TXY_NONE; /* "trong 24h" */
    if (h == 24 && mi > 0)
        return TT_TXY_NONE;
    out->start = pos;
    out->end = e;
    out->h = h;
    out->mi = mi < 0 ? 0 : mi;
    out->pod = pod;
    out->strong = mi >= 0 || pod || (nw && tt_timex_word_in(text, lo + sp[0], lo + sp[1], CLOCK_LEADS) >= 0);
    return TT_TXY_ATOM;
}
