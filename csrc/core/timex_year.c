#include "timex_year.h"

#include <uchar.h>

#include "timex_scan.h"
#include "timex_words.h"

const char *const tt_timex_year_mods[6] = {"đầu", "giữa", "cuối", "thượng tuần", "trung tuần", "hạ tuần"};
const char *const tt_timex_year_rels[7] = {"nay", "ngoái", "tới", "sau", "kia", "rồi", "sắp tới"};

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

static int word(const txt *s, size_t i)
{
    return (cls(s, i) & TT_TX_WORD) != 0;
}

/* [^\W\d_] */
static int letter(const txt *s, size_t i)
{
    return (cls(s, i) & (TT_TX_WORD | TT_TX_DECIMAL)) == TT_TX_WORD && s->t[i] != '_';
}

/* Past [^\S\n]* from i. */
static size_t spaces(const txt *s, size_t i)
{
    while (i < s->n && s->t[i] != '\n' && (cls(s, i) & TT_TX_SPACE))
        i++;
    return i;
}

/* The length of w when text[i ..] begins with it, else 0. */
static size_t lit(const txt *s, size_t i, const char32_t *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= s->n || s->t[i + k] != (tt_cp)w[k])
            return 0;
    return k;
}

/* timex._NE at i: no digit, letter, or [.,/:-] and a digit, or "/" and a word character. */
static int number_ends(const txt *s, size_t i)
{
    if (decimal(s, i) || letter(s, i))
        return 0;
    if (i < s->n && (s->t[i] == '.' || s->t[i] == ',' || s->t[i] == '/' || s->t[i] == ':' || s->t[i] == '-')
        && decimal(s, i + 1))
        return 0;
    return !(at(s, i, '/') && word(s, i + 1));
}

/* Is text[a .. b), lowercased, the word w? */
static int word_is(const txt *s, size_t a, size_t b, const char32_t *w)
{
    return tt_timex_word_is(s->t, a, b, w);
}

static int word_in(const txt *s, size_t a, size_t b, const char32_t *const *ws)
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
static int after_number(const txt *s, size_t p)
{
    size_t lo = p > 3 ? p - 3 : 0, j = p;
    while (j > lo && (cls(s, j - 1) & TT_TX_SPACE))
        j--;
    if (j == lo)
        return 0;
    tt_cp c = s->t[j - 1];
    unsigned k = cls(s, j - 1);
    if (c < 0x80 || (k & TT_TX_DECIMAL))
        return (k & TT_TX_DECIMAL) != 0;
    if (!(k & TT_TX_ALNUM) || (c >= 0xC0 && c < 0x250) || (c >= 0x1E00 && c < 0x1F00))
        return 0;
    return -1;
}

/* timex._mod_before from the words before (spans, nearest first): the mod (0 or 1 + index)
 * and where the atom then starts. */
static int mod_before(const txt *s, const tt_off *sp, size_t nw, size_t lo, size_t *start)
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
    const txt s = {text, n, ctype};
    return mod_before(&s, sp, nw, lo, start);
}

int tt_timex_after_number(const tt_cp *text, size_t n, tt_tx_ctype ctype, size_t p)
{
    const txt s = {text, n, ctype};
    return after_number(&s, p);
}

int tt_timex_year_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_year *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos > n || n - pos < 3)
        return TT_TXY_DEFER;
    const txt s = {text, n, ctype};
    if (!((text[pos] == 'N' || text[pos] == 'n') && text[pos + 1] == 0x103 && text[pos + 2] == 'm'))
        return TT_TXY_DEFER;
    size_t r = spaces(&s, pos + 3);
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
    if (decimal(&s, r)) {
        for (size_t j = r; j < r + 4 && decimal(&s, j); j++)
            if (text[j] > '9')
                return TT_TXY_DEFER;
        int is_year = digit(&s, r + 1) && digit(&s, r + 2) && digit(&s, r + 3)
                      && (text[r] == '1' || (text[r] == '2' && (text[r + 1] == '0' || text[r + 1] == '1')));
        if (!is_year)
            return TT_TXY_NONE; /* "năm 90" is a decade only after "những"; other numbers no year */
        size_t x = spaces(&s, r + 4);
        if (at(&s, x, '-') || at(&s, x, 0x2013) || at(&s, x, 0x2014) || lit(&s, x, U"đến") || lit(&s, x, U"tới"))
            return TT_TXY_DEFER; /* maybe a range */
        size_t e = r + 4;
        if (at(&s, e, 's') && number_ends(&s, e + 1))
            e++;
        else if (!number_ends(&s, e))
            return TT_TXY_NONE; /* the other readings of the digits fail there too */
        x = spaces(&s, e);
        if (x > e && lit(&s, x, U"của"))
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
        if ((len = lit(&s, r, RELS[k])) && !word(&s, r + len))
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
