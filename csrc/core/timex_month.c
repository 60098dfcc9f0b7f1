#include "timex_month.h"

#include <uchar.h>

#include "timex_scan.h"
#include "timex_words.h"

typedef struct {
    const tt_cp *t;
    size_t n;
    tt_tx_ctype ctype;
} txt;

static unsigned cls(const txt *s, size_t i)
{
    return i < s->n ? tt_re_class(s->t[i], s->ctype) : 0;
}

static int at(const txt *s, size_t i, tt_cp c)
{
    return i < s->n && s->t[i] == c;
}

static int digit(const txt *s, size_t i)
{
    return i < s->n && s->t[i] >= '0' && s->t[i] <= '9';
}

static int decimal(const txt *s, size_t i)
{
    return (cls(s, i) & TT_TX_DECIMAL) != 0;
}

/* Past [^\S\n]* from i. */
static size_t spaces(const txt *s, size_t i)
{
    while (i < s->n && s->t[i] != '\n' && (cls(s, i) & TT_TX_SPACE))
        i++;
    return i;
}

static int dash(const txt *s, size_t i)
{
    return at(s, i, '-') || at(s, i, 0x2013) || at(s, i, 0x2014);
}

/* timex._NE at i: no digit, letter, or [.,/:-] and a digit, or "/" and a word character. */
static int number_ends(const txt *s, size_t i)
{
    unsigned c = cls(s, i);
    if ((c & TT_TX_DECIMAL) || ((c & TT_TX_WORD) && s->t[i] != '_'))
        return 0;
    if (i < s->n && (s->t[i] == '.' || s->t[i] == ',' || s->t[i] == '/' || s->t[i] == ':' || s->t[i] == '-')
        && decimal(s, i + 1))
        return 0;
    return !(at(s, i, '/') && (cls(s, i + 1) & TT_TX_WORD));
}

/* timex._M at i as one or two ASCII digits with no digit after them (0 when it is not). */
static int month_number(const txt *s, size_t i, size_t *end)
{
    size_t j = i;
    while (digit(s, j))
        j++;
    if (j == i || j - i > 2 || decimal(s, j))
        return 0;
    int v = j - i == 1 ? s->t[i] - '0' : (s->t[i] - '0') * 10 + (s->t[i + 1] - '0');
    if (v < 1 || v > 12)
        return 0;
    *end = j;
    return v;
}

/* timex._Y at i followed by the end of a number (timex._NE): the year, else 0. */
static int year_at(const txt *s, size_t i)
{
    for (size_t k = 0; k < 4; k++)
        if (!digit(s, i + k))
            return 0;
    int v = (s->t[i] - '0') * 1000 + (s->t[i + 1] - '0') * 100 + (s->t[i + 2] - '0') * 10 + (s->t[i + 3] - '0');
    return v >= 1000 && v <= 2199 && number_ends(s, i + 4) ? v : 0;
}

/* timex._atom's words before "tháng 5" that make it a count of months ("mỗi tháng 5 ...") */
static const char32_t *const COUNT_LEADS[] = {U"thứ", U"mỗi", U"hàng", U"các", U"những", NULL};

int tt_timex_month_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_month *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos > n || n - pos < 5)
        return TT_TXY_DEFER;
    const txt s = {text, n, ctype};
    if (!((text[pos] == 'T' || text[pos] == 't') && text[pos + 1] == 'h' && text[pos + 2] == 0xE1
          && text[pos + 3] == 'n' && text[pos + 4] == 'g'))
        return TT_TXY_DEFER;
    size_t r = spaces(&s, pos + 5), b;
    if (r == pos + 5 || !decimal(&s, r))
        return TT_TXY_DEFER; /* "tháng này": Python reads it */
    int m = month_number(&s, r, &b), y = 0;
    if (!m)
        return TT_TXY_DEFER;
    size_t x = spaces(&s, b), e = b;
    if (at(&s, b, '/') || at(&s, b, '-')) {
        /* "tháng 3/2020", "tháng 3-2020" ("my") */
        if (!(y = year_at(&s, b + 1)))
            return TT_TXY_DEFER;
        e = b + 5;
    } else if (dash(&s, x)) {
        return TT_TXY_DEFER; /* maybe a range "tháng 3 - 5" */
    } else if (x > b && x + 3 <= n && text[x] == 'n' && text[x + 1] == 0x103 && text[x + 2] == 'm'
               && spaces(&s, x + 3) > x + 3) {
        /* "tháng 3 năm 2020" (the pattern's "năm" is lowercase) */
        size_t yy = spaces(&s, x + 3);
        if (decimal(&s, yy)) {
            if (!(y = year_at(&s, yy)))
                return TT_TXY_DEFER;
            e = yy + 4;
        }
    }
    if (!y && !number_ends(&s, b))
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
