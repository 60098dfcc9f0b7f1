#include "timex_clock.h"

#include <uchar.h>

#include "timex_scan.h"
#include "timex_words.h"

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

typedef struct {
    const tt_cp *t;
    size_t n;
    tt_tx_ctype ctype;
} txt;

static unsigned cls(const txt *s, size_t i)
{
    return i < s->n ? tt_re_class(s->t[i], s->ctype) : 0;
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

static int at(const txt *s, size_t i, tt_cp c)
{
    return i < s->n && s->t[i] == c;
}

/* Past [^\S\n]* from i, up to hi. */
static size_t spaces(const txt *s, size_t i, size_t hi)
{
    while (i < hi && s->t[i] != '\n' && (cls(s, i) & TT_TX_SPACE))
        i++;
    return i;
}

/* The length of w when text[i .. hi) begins with it (as written, or ignoring case), else 0. */
static size_t lit(const txt *s, size_t i, size_t hi, const char32_t *w, int fold)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= hi || (fold ? tt_timex_lower1(s->t[i + k]) : s->t[i + k]) != (tt_cp)w[k])
            return 0;
    return k;
}

/* The index of the word of ws at text[i .. hi) followed by no word character (before hi),
 * or -1. */
static int word_at(const txt *s, size_t i, size_t hi, const char32_t *const *ws, int fold, size_t *len)
{
    for (int k = 0; ws[k]; k++) {
        size_t l = lit(s, i, hi, ws[k], fold);
        if (l && !(i + l < hi && word(s, i + l))) {
            *len = l;
            return k;
        }
    }
    return -1;
}

/* Letters that Python's re matches, ignoring case, with "s", "i" or "k" though str.lower()
 * does not make them those: only Python reads words with them. */
static int odd_fold(const txt *s, size_t i, size_t hi)
{
    for (; i < hi && i < s->n; i++)
        if (s->t[i] == 0x17F || s->t[i] == 0x130 || s->t[i] == 0x131 || s->t[i] == 0x212A)
            return 1;
    return 0;
}

/* timex._NE at i */
static int number_ends(const txt *s, size_t i)
{
    unsigned c = cls(s, i);
    if ((c & TT_TX_DECIMAL) || ((c & TT_TX_WORD) && s->t[i] != '_'))
        return 0;
    if (i < s->n && (s->t[i] == '.' || s->t[i] == ',' || s->t[i] == '/' || s->t[i] == ':' || s->t[i] == '-')
        && decimal(s, i + 1))
        return 0;
    return !(at(s, i, '/') && word(s, i + 1));
}

/* Two ASCII digits [0-5][0-9] at i (-1 when not; -2 when a digit beyond ASCII is there). */
static int minutes(const txt *s, size_t i)
{
    if (!(digit(s, i) && s->t[i] <= '5'))
        return decimal(s, i) && !digit(s, i) ? -2 : -1;
    if (!digit(s, i + 1))
        return decimal(s, i + 1) ? -2 : -1;
    return (s->t[i] - '0') * 10 + (s->t[i + 1] - '0');
}

int tt_timex_clock_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_clock *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos >= n)
        return TT_TXY_DEFER;
    const txt s = {text, n, ctype};
    size_t a = pos;
    while (digit(&s, a))
        a++;
    if (a == pos || a - pos > 2 || decimal(&s, a))
        return TT_TXY_DEFER;
    int h = a - pos == 1 ? text[pos] - '0' : (text[pos] - '0') * 10 + (text[pos + 1] - '0');
    if (a - pos == 2 && !(text[pos] <= '1' || h <= 24))
        return TT_TXY_DEFER; /* "25h": the pattern steps back to "2" */
    int mi = -1;
    size_t e;
    size_t g = spaces(&s, a, n);
    if (lit(&s, g, n, U"giờ", 0)) {
        /* "20 giờ", "8 giờ 30 (phút)" */
        if (word(&s, g + 3))
            return TT_TXY_DEFER;
        e = g + 3;
        size_t x = spaces(&s, e, n), y = x;
        while (digit(&s, y))
            y++;
        if (x > e && decimal(&s, x)) {
            if (decimal(&s, y))
                return TT_TXY_DEFER;
            if ((y - x == 1 || (y - x == 2 && text[x] <= '5')) && number_ends(&s, y)) {
                mi = y - x == 1 ? text[x] - '0' : (text[x] - '0') * 10 + (text[x + 1] - '0');
                e = y;
                size_t z = spaces(&s, e, n), len;
                if (z > e && word_at(&s, z, n, (const char32_t *const[]){U"phút", NULL}, 0, &len) == 0)
                    e = z + len;
            }
        }
    } else if (at(&s, a, 'h') || at(&s, a, 'H') || at(&s, a, 'g') || at(&s, a, 'G')) {
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
        if (at(&s, e, '\''))
            e++;
        else if ((at(&s, e, 'p') || at(&s, e, 'P')) && !word(&s, e + 1))
            e++;
        if (word(&s, e))
            return TT_TXY_DEFER; /* the pattern steps back, or fails */
    } else if (at(&s, a, ':')) {
        /* "20:00" */
        int m = minutes(&s, a + 1);
        if (m < 0 || decimal(&s, a + 3) || at(&s, a + 3, ':'))
            return TT_TXY_DEFER;
        mi = m;
        e = a + 3;
    } else {
        return TT_TXY_DEFER;
    }
    /* "(?:{_SP}(?P<clock_pod>...){_WE}(?!{_SP}(?:nay|qua|mai|hôm|cùng){_WE}))?" */
    int pod = 0;
    size_t x = spaces(&s, e, n), len;
    if (x > e) {
        if (odd_fold(&s, x, x + 6))
            return TT_TXY_DEFER;
        int k = word_at(&s, x, n, PODS, 1, &len);
        if (k >= 0) {
            size_t y = spaces(&s, x + len, n), l2;
            if (!(y > x + len && word_at(&s, y, n, POD_NOT, 0, &l2) >= 0)) {
                pod = k + 1;
                e = x + len;
            }
        }
    }
    /* timex._atom: a duration after "trong", "mất"...; no time before "qua", "liên tục"...
     * (read in the 14 code points after it) */
    size_t hi = e + 14 < n ? e + 14 : n;
    x = spaces(&s, e, hi);
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
