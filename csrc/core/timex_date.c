#include "timex_date.h"

#include <uchar.h>

#include "timex_text.h"

const char *const tt_timex_date_pods[11] = {"sáng", "trưa", "chiều", "tối", "đêm", "khuya",
                                            "rạng sáng", "sáng sớm", "chiều tối", "đêm khuya", "nửa đêm"};

/* timex._POD1, and _POD2 as (first word, second word), in tt_timex_date_pods order */
static const char32_t *const POD1[] = {U"sáng", U"trưa", U"chiều", U"tối", U"đêm", U"khuya", NULL};
static const char32_t *const POD2[][2] = {
    {U"rạng", U"sáng"}, {U"sáng", U"sớm"}, {U"chiều", U"tối"}, {U"đêm", U"khuya"}, {U"nửa", U"đêm"}};
static const char32_t *const LEADS[] = {U"ngày", U"hôm", NULL};
/* timex._NUMBER_LEADS, _FRACTION_LEADS, _DATE_LEADS */
static const char32_t *const NUMBER_LEADS[] = {U"số", U"hiệu", U"định", U"tư", U"lệnh", U"văn", U"bản", U"luật",
                                               U"quyết", U"vòng", U"lệ", U"tỷ", U"tỉ", NULL};
static const char32_t *const FRACTION_LEADS[] = {U"chiếm", U"khoảng", U"gần", U"hơn", U"bằng", U"giảm", U"tăng",
                                                 U"mất", U"còn", U"đạt", U"trên", U"dưới", U"lệ", U"phần",
                                                 U"nửa", U"tỷ", U"tỉ", NULL};
static const char32_t *const DATE_LEADS[] = {U"vào", U"từ", U"đến", U"tới", U"hồi", U"trước", U"sau", U"đầu",
                                             U"cuối", U"lúc", U"hết", U"tối", U"sáng", U"chiều", U"trưa", U"đêm",
                                             U"ngày", U"hôm", U"là", U"tính", U"kể", U"nay", U"dịp", U"hạn", NULL};

static size_t digit_run(const tt_tx_text *s, size_t i)
{
    size_t j = i;
    while (tx_digit(s, j))
        j++;
    return j - i;
}

/* A digit hit at pos, its ASCII digits text[pos .. pos + len), that no pattern of the digit
 * family reads: TT_TXY_NONE, else TT_TXY_DEFER. Every reading of one or two digits (a day, a
 * month, an hour) wants something other than a digit after them, and one of four (a year) a
 * dash, "đến" or "tới"; so "30.000", "2020 và", "150" and "9 tháng," are no time, and only
 * "ngày 9 tháng" (a day alone after "ngày"/"hôm") needs a closer look. */
static int no_reading(const tt_tx_text *s, size_t pos, size_t len)
{
    const tt_cp *t = s->t;
    if (len >= 5)
        return TT_TXY_NONE;
    if (len == 4) {
        int year = t[pos] == '1' || (t[pos] == '2' && (t[pos + 1] == '0' || t[pos + 1] == '1'));
        size_t x = tx_spaces(s, pos + 4);
        if (year && (tx_dash(s, x) || tx_lit(s, x, U"đến") || tx_lit(s, x, U"tới")))
            return TT_TXY_DEFER; /* maybe "2020-10-23", "2019 - 2020" */
        return TT_TXY_NONE;
    }
    if (len == 3)
        return tx_decimal(s, pos + 3) ? TT_TXY_DEFER : TT_TXY_NONE;
    if (len == 0)
        return TT_TXY_DEFER;
    size_t a = pos + len;
    if (a < s->n && t[a] == '.' && digit_run(s, a + 1) >= 3)
        return TT_TXY_NONE; /* "30.000" */
    size_t x = tx_spaces(s, a);
    if (x > a && tx_lit(s, x, U"tháng")) {
        size_t y = tx_spaces(s, x + 5);
        if (y > x + 5 && tx_decimal(s, y))
            return TT_TXY_DEFER; /* "23 tháng 10" */
        int after_lead = pos >= 4 && (t[pos - 1] == ' ' || t[pos - 1] == 0xA0)
                         && ((t[pos - 4] == 'g' && t[pos - 3] == 0xE0 && t[pos - 2] == 'y')
                             || (t[pos - 3] == 0xF4 && t[pos - 2] == 'm'));
        return after_lead ? TT_TXY_DEFER : TT_TXY_NONE;
    }
    return TT_TXY_DEFER;
}

/* "3/2020" ("mybare"): the month d and the year after text[a] == '/', read as timex._atom does
 * when nothing longer matched. */
static int month_year(const tt_tx_text *s, size_t pos, size_t a, int d, tt_tx_date *out)
{
    int y = tx_year4(s, a + 1);
    if (d > 12 || !y || !tx_number_ends(s, a + 5))
        return TT_TXY_DEFER;
    tt_off sp[8];
    size_t lo = pos > 40 ? pos - 40 : 0;
    size_t nw = tt_timex_words_before(s->t + lo, pos - lo, s->ctype, 4, sp);
    if (nw && tt_timex_word_in(s->t, lo + sp[0], lo + sp[1], NUMBER_LEADS) >= 0)
        return TT_TXY_NONE; /* "Nghị định 15/2020" */
    size_t x = tx_spaces(s, a + 5);
    if (x > a + 5 && (tx_cls(s, x) & TT_TX_WORD))
        return TT_TXY_DEFER; /* "3/2020 thành viên": Python asks whether it counts a noun */
    out->start = pos;
    out->end = a + 5;
    out->d = 0;
    out->m = d;
    out->y = y;
    out->lead = out->pod = 0;
    return TT_TXY_ATOM;
}

size_t tt_timex_lead_and_pod(const tt_cp *text, const tt_off *sp, size_t nw, int *lead, int *pod)
{
    size_t i = 0;
    *pod = 0;
    if (nw && (*lead = tt_timex_word_in(text, sp[0], sp[1], LEADS) + 1) > 0)
        i = 1;
    else
        *lead = 0;
    if (i + 1 < nw)
        for (int k = 0; k < 5 && !*pod; k++)
            if (tt_timex_word_is(text, sp[2 * i], sp[2 * i + 1], POD2[k][1])
                && tt_timex_word_is(text, sp[2 * i + 2], sp[2 * i + 3], POD2[k][0])) {
                *pod = 7 + k;
                i += 2;
            }
    if (!*pod && i < nw && (*pod = tt_timex_word_in(text, sp[2 * i], sp[2 * i + 1], POD1) + 1) > 0)
        i++;
    return i;
}

int tt_timex_date_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_date *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos >= n)
        return TT_TXY_DEFER;
    const tt_tx_text s = {text, n, ctype};
    size_t len = digit_run(&s, pos);
    int none = no_reading(&s, pos, len);
    if (none == TT_TXY_NONE || len > 2)
        return none;
    size_t a, b;
    int d = tx_small_number(&s, pos, 31, &a);
    if (!d)
        return TT_TXY_DEFER;
    tt_cp sep = a < n ? text[a] : 0;
    if (!(sep == '/' || sep == '.' || sep == '-'))
        return TT_TXY_DEFER;
    int m = tx_small_number(&s, a + 1, 12, &b), y = 0;
    if (!m)
        return sep == '/' ? month_year(&s, pos, a, d, out) : TT_TXY_DEFER;
    if (b < n && text[b] == sep) {
        /* "23/10/2020", "16.4.2021": the day, month and year ("dmy") */
        y = tx_year4(&s, b + 1);
        if (!y)
            return TT_TXY_DEFER;
        b += 5;
    } else if (sep != '/') {
        return TT_TXY_DEFER; /* "10.2" after "ngày", or a number */
    }
    if (tx_dash(&s, tx_spaces(&s, b)))
        return TT_TXY_DEFER; /* maybe a range */
    if (!tx_number_ends(&s, b))
        return TT_TXY_DEFER;
    tt_off sp[8];
    size_t nw = tx_words_before(&s, pos, sp);
    if (nw && tt_timex_word_in(text, sp[0], sp[1], NUMBER_LEADS) >= 0)
        return TT_TXY_NONE; /* "Nghị định 15/2020", "vòng 1/8" */
    int lead, pod;
    size_t i = tt_timex_lead_and_pod(text, sp, nw, &lead, &pod);
    if (!lead && !pod && !y) {
        /* timex._looks_like_date: a fraction after "chiếm", "khoảng"...; a date after "vào",
         * "từ"...; else the word after it decides, which Python reads */
        if (nw == 0)
            return TT_TXY_DEFER;
        if (tt_timex_word_in(text, sp[0], sp[1], FRACTION_LEADS) >= 0
            || (nw > 1 && tt_timex_word_in(text, sp[2], sp[3], FRACTION_LEADS) >= 0))
            return TT_TXY_NONE;
        if (tt_timex_word_in(text, sp[0], sp[1], DATE_LEADS) < 0)
            return TT_TXY_DEFER;
    }
    out->start = i ? sp[2 * (i - 1)] : pos;
    out->end = b;
    out->d = d;
    out->m = m;
    out->y = y;
    out->lead = lead;
    out->pod = pod;
    return TT_TXY_ATOM;
}
