#include "timex_month.h"

#include <uchar.h>

#include "timex_text.h"

/* timex._Y at i followed by the end of a number (timex._NE): the year, else 0. */
static int year_at(const tt_tx_text *s, size_t i)
{
    int v = tx_year4(s, i);
    return v && tx_number_ends(s, i + 4) ? v : 0;
}

/* timex._atom's words before "tháng 5" that make it a count of months ("mỗi tháng 5 ...") */
static const char32_t *const COUNT_LEADS[] = {U"thứ", U"mỗi", U"hàng", U"các", U"những", NULL};

int tt_timex_month_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_month *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos > n || n - pos < 5)
        return TT_TXY_DEFER;
    const tt_tx_text s = {text, n, ctype};
    if (!((text[pos] == 'T' || text[pos] == 't') && text[pos + 1] == 'h' && text[pos + 2] == 0xE1
          && text[pos + 3] == 'n' && text[pos + 4] == 'g'))
        return TT_TXY_DEFER;
    size_t r = tx_spaces(&s, pos + 5), b;
    if (r == pos + 5 || !tx_decimal(&s, r))
        return TT_TXY_DEFER; /* "tháng này": Python reads it */
    int m = tx_small_number(&s, r, 12, &b), y = 0;
    if (!m)
        return TT_TXY_DEFER;
    size_t x = tx_spaces(&s, b), e = b;
    if (tx_at(&s, b, '/') || tx_at(&s, b, '-')) {
        /* "tháng 3/2020", "tháng 3-2020" ("my") */
        if (!(y = year_at(&s, b + 1)))
            return TT_TXY_DEFER;
        e = b + 5;
    } else if (tx_dash(&s, x)) {
        return TT_TXY_DEFER; /* maybe a range "tháng 3 - 5" */
    } else if (x > b && x + 3 <= n && text[x] == 'n' && text[x + 1] == 0x103 && text[x + 2] == 'm'
               && tx_spaces(&s, x + 3) > x + 3) {
        /* "tháng 3 năm 2020" (the pattern's "năm" is lowercase) */
        size_t yy = tx_spaces(&s, x + 3);
        if (tx_decimal(&s, yy)) {
            if (!(y = year_at(&s, yy)))
                return TT_TXY_DEFER;
            e = yy + 4;
        }
    }
    if (!y && !tx_number_ends(&s, b))
        return TT_TXY_DEFER;
    tt_off sp[8];
    size_t lo = pos > 40 ? pos - 40 : 0;
    size_t nw = tt_timex_words_before(text + lo, pos - lo, ctype, 4, sp);
    if (!y) {
        /* "mỗi tháng 5", "9 tháng 10 ngày": counts of months */
        if (nw && tt_timex_word_in(text, lo + sp[0], lo + sp[1], COUNT_LEADS) >= 0)
            return TT_TXY_NONE;
        int num = tt_timex_after_number(text, n, ctype, pos);
        if (num)
            return num > 0 ? TT_TXY_NONE : TT_TXY_DEFER;
    }
    out->start = pos;
    out->end = e;
    out->m = m;
    out->y = y;
    out->mod = tt_timex_mod_before(text, n, ctype, sp, nw, lo, &out->start);
    return TT_TXY_ATOM;
}
