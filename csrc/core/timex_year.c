#include "timex_year.h"

#include <uchar.h>

#include "timex_text.h"

const char *const tt_timex_year_mods[6] = {"đầu", "giữa", "cuối", "thượng tuần", "trung tuần", "hạ tuần"};
const char *const tt_timex_year_rels[7] = {"nay", "ngoái", "tới", "sau", "kia", "rồi", "sắp tới"};

/* Is text[a .. b), lowercased, the word w? */
static int word_is(const tt_tx_text *s, size_t a, size_t b, const char32_t *w)
{
    return tt_timex_word_is(s->t, a, b, w);
}

static int word_in(const tt_tx_text *s, size_t a, size_t b, const char32_t *const *ws)
{
    return tt_timex_word_in(s->t, a, b, ws) >= 0;
}

/* timex._QUANT_LEADS */
static const char32_t *const QUANT_LEADS[] = {
    U"những", U"các", U"vài", U"mấy", U"nhiều", U"mỗi", U"hàng", U"từng", U"mọi", U"bao", U"một", U"hai", U"ba",
    U"bốn", U"năm", U"sáu", U"bảy", U"tám", U"chín", U"mười", U"mươi", U"lăm", U"mốt", U"tư", U"chục", NULL};
/* timex._MOD1, and the first words of _MOD2 (each before "tuần"), in tt_timex_year_mods order */
static const char32_t *const MOD1[] = {U"đầu", U"giữa", U"cuối", NULL};
static const char32_t *const MOD2_FIRST[] = {U"thượng", U"trung", U"hạ", NULL};
/* the relative words of _YEAR_FAMILY's "yrel", in its order; the last two and "trước" are
 * left to Python (a number before them makes "N năm trước") */
static const char32_t *const RELS[] = {U"nay", U"ngoái", U"tới", U"sau", U"trước", U"kia", U"rồi", U"sắp tới",
                                       U"về trước", NULL};
static const int REL_INDEX[] = {0, 1, 2, 3, -1, 4, 5, 6, -1};

/* timex._after_number: is the last of the (at most three) code points before p that are not
 * spaces a digit (str.isdigit)? 1, 0, or -1 when only Python can tell. */
static int after_number(const tt_tx_text *s, size_t p)
{
    size_t lo = p > 3 ? p - 3 : 0, j = p;
    while (j > lo && (tx_cls(s, j - 1) & TT_TX_SPACE))
        j--;
    if (j == lo)
        return 0;
    tt_cp c = s->t[j - 1];
    unsigned k = tx_cls(s, j - 1);
    if (c < 0x80 || (k & TT_TX_DECIMAL))
        return (k & TT_TX_DECIMAL) != 0;
    if (!(k & TT_TX_ALNUM) || (c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00))
        return 0;
    return -1;
}

/* timex._mod_before from the words before (spans, nearest first): the mod (0 or 1 + index)
 * and where the atom then starts. */
static int mod_before(const tt_tx_text *s, const tt_off *sp, size_t nw, size_t lo, size_t *start)
{
    if (nw >= 2 && word_is(s, lo + sp[0], lo + sp[1], U"tuần"))
        for (int k = 0; MOD2_FIRST[k]; k++)
            if (word_is(s, lo + sp[2], lo + sp[3], MOD2_FIRST[k])) {
                *start = lo + sp[2];
                return 4 + k;
            }
    if (nw >= 1)
        for (int k = 0; MOD1[k]; k++)
            if (word_is(s, lo + sp[0], lo + sp[1], MOD1[k])) {
                *start = lo + sp[0];
                return 1 + k;
            }
    return 0;
}

int tt_timex_mod_before(const tt_cp *text, size_t n, tt_tx_ctype ctype, const tt_off *sp, size_t nw, size_t lo,
                        size_t *start)
{
    const tt_tx_text s = {text, n, ctype};
    return mod_before(&s, sp, nw, lo, start);
}

int tt_timex_after_number(const tt_cp *text, size_t n, tt_tx_ctype ctype, size_t p)
{
    const tt_tx_text s = {text, n, ctype};
    return after_number(&s, p);
}

int tt_timex_year_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_year *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos > n || n - pos < 3)
        return TT_TXY_DEFER;
    const tt_tx_text s = {text, n, ctype};
    if (!((text[pos] == 'N' || text[pos] == 'n') && text[pos + 1] == 0x103 && text[pos + 2] == 'm'))
        return TT_TXY_DEFER;
    size_t r = tx_spaces(&s, pos + 3);
    if (r == pos + 3)
        return TT_TXY_NONE; /* each pattern of the family wants a space after "năm" */
    tt_off sp[8];
    size_t lo = pos > 40 ? pos - 40 : 0;
    size_t nw = tt_timex_words_before(text + lo, pos - lo, ctype, 4, sp);
    if (nw && word_is(&s, lo + sp[0], lo + sp[1], U"những"))
        return TT_TXY_DEFER; /* "những năm 90": a decade */
    out->start = pos;
    out->year = 0;
    out->rel = 0;
    if (tx_decimal(&s, r)) {
        for (size_t j = r; j < r + 4 && tx_decimal(&s, j); j++)
            if (text[j] > '9')
                return TT_TXY_DEFER;
        int is_year = tx_digit(&s, r + 1) && tx_digit(&s, r + 2) && tx_digit(&s, r + 3)
                      && (text[r] == '1' || (text[r] == '2' && (text[r + 1] == '0' || text[r + 1] == '1')));
        if (!is_year)
            return TT_TXY_NONE; /* "năm 90" is a decade only after "những"; other numbers no year */
        size_t x = tx_spaces(&s, r + 4);
        if (tx_at(&s, x, '-') || tx_at(&s, x, 0x2013) || tx_at(&s, x, 0x2014) || tx_lit(&s, x, U"đến") || tx_lit(&s, x, U"tới"))
            return TT_TXY_DEFER; /* maybe a range */
        size_t e = r + 4;
        if (tx_at(&s, e, 's') && tx_number_ends(&s, e + 1))
            e++;
        else if (!tx_number_ends(&s, e))
            return TT_TXY_NONE; /* the other readings of the digits fail there too */
        x = tx_spaces(&s, e);
        if (x > e && tx_lit(&s, x, U"của"))
            return TT_TXY_DEFER; /* maybe "của thế kỷ ...": no year then */
        out->kind = TT_TXY_YEAR;
        out->year = (text[r] - '0') * 1000 + (text[r + 1] - '0') * 100 + (text[r + 2] - '0') * 10 + (text[r + 3] - '0');
        out->end = e;
        out->mod = mod_before(&s, sp, nw, lo, &out->start);
        return TT_TXY_ATOM;
    }
    int k = 0;
    size_t len = 0;
    for (; RELS[k]; k++)
        if ((len = tx_lit(&s, r, RELS[k])) && !tx_word(&s, r + len))
            break;
    if (!RELS[k])
        return TT_TXY_NONE;
    if (REL_INDEX[k] < 0)
        return TT_TXY_DEFER;
    if (nw && word_in(&s, lo + sp[0], lo + sp[1], QUANT_LEADS))
        return TT_TXY_NONE; /* "hai năm nay": a duration */
    int num = after_number(&s, pos);
    if (num)
        return num > 0 ? TT_TXY_NONE : TT_TXY_DEFER;
    out->kind = TT_TXY_RYEAR;
    out->rel = REL_INDEX[k];
    out->end = r + len;
    out->mod = mod_before(&s, sp, nw, lo, &out->start);
    return TT_TXY_ATOM;
}
