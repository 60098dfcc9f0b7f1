#include "timex_wday.h"

#include <uchar.h>

#include "timex_date.h"
#include "timex_text.h"

const char *const tt_timex_wday_rels[8] = {"vừa qua", "sắp tới", "qua", "trước", "tới", "sau", "này", "rồi"};
static const char32_t *const RELS[] = {U"vừa qua", U"sắp tới", U"qua", U"trước", U"tới", U"sau", U"này", U"rồi", NULL};

/* The day words of the pattern (compared ignoring case) and their weekdays (timex._WEEKDAY). */
static const char32_t *const DAYS[] = {U"hai", U"ba", U"tư", U"năm", U"sáu", U"bảy", U"bẩy", NULL};
static const int DAY_INDEX[] = {0, 1, 2, 3, 4, 5, 5};
/* timex._WEEKDAY_LEADS, and the words after which an uncued "thứ hai" is the ordinal */
static const char32_t *const WEEKDAY_LEADS[] = {U"vào", U"hồi", U"từ", U"đến", U"tới", U"lúc", U"sáng", U"trưa",
                                                U"chiều", U"tối", U"đêm", U"ngày", U"hôm", U"các", U"mỗi", U"hằng",
                                                U"hàng", U"trước", U"sau", U"cho", NULL};
static const char32_t *const ORDINAL_LEADS[] = {U"lần", U"thứ", NULL};
/* timex._ORDINAL_AFTER, compared as written */
static const char32_t *const ORDINAL_AFTER[] = {U"liên", U"của", U"kể", U"trong", U"sau", U"thi", U"làm", U"đầu",
                                                U"tiếp", U"điều", NULL};

/* Is the word after text[e] (timex._next_word: past one or more spaces, within 40 code points)
 * one of ws, as written? */
static int next_word_in(const tt_tx_text *s, size_t e, const char32_t *const *ws)
{
    size_t limit = e + 40 < s->n ? e + 40 : s->n, x = e, y;
    while (x < limit && s->t[x] != '\n' && (tx_cls(s, x) & TT_TX_SPACE))
        x++;
    if (x == e)
        return 0;
    for (y = x; y < limit && tx_word(s, y); y++)
        ;
    for (int k = 0; y > x && ws[k]; k++) {
        size_t len = tx_lit_to(s, x, s->n, ws[k], 0);
        if (len == y - x)
            return 1;
    }
    return 0;
}

int tt_timex_wday_atom(const tt_cp *text, size_t n, size_t pos, tt_tx_ctype ctype, tt_tx_wday *out)
{
    if (text == NULL || ctype == NULL || out == NULL || pos > n || n - pos < 3)
        return TT_TXY_DEFER;
    const tt_tx_text s = {text, n, ctype};
    int w = -1, upper = 0, sunday = 0;
    size_t r = tx_spaces(&s, pos + 3), e = r;
    if (r == pos + 3 || r >= n)
        return TT_TXY_DEFER;
    if ((text[pos] == 'T' || text[pos] == 't') && text[pos + 1] == 'h' && text[pos + 2] == 0x1EE9) {
        if (text[r] >= '2' && text[r] <= '7') {
            /* [2-7](?!\w|[.,]\d) */
            if (tx_word(&s, r + 1) || ((r + 1 < n && (text[r + 1] == '.' || text[r + 1] == ',')) && r + 2 < n
                                    && (tx_cls(&s, r + 2) & TT_TX_DECIMAL)))
                return TT_TXY_NONE;
            w = (int)(text[r] - '2');
            e = r + 1;
        } else {
            for (int k = 0; DAYS[k] && w < 0; k++) {
                size_t len = tx_lit_to(&s, r, n, DAYS[k], 1);
                if (len && !tx_word(&s, r + len)) {
                    w = DAY_INDEX[k];
                    e = r + len;
                }
            }
            if (w < 0)
                return TT_TXY_DEFER; /* a letter only Python's re folds ("ſáu"), or no day */
            upper = text[r] >= 'A' && text[r] <= 'Z';
        }
    } else if ((text[pos] == 'C' || text[pos] == 'c') && text[pos + 1] == 'h' && text[pos + 2] == 0x1EE7) {
        if (!(r + 4 <= n && (text[r] == 'N' || text[r] == 'n') && text[r + 1] == 'h' && text[r + 2] == 0x1EAD
              && text[r + 3] == 't' && !tx_word(&s, r + 4)))
            return TT_TXY_DEFER;
        w = 6;
        e = r + 4;
        sunday = 1;
    } else {
        return TT_TXY_DEFER;
    }
    /* "(?:{_SP}tuần{_SP}(?P<wday_r>{_REL_WORDS}){_WE})?" */
    int rel = -1;
    size_t x = tx_spaces(&s, e);
    if (x > e && tx_lit_to(&s, x, n, U"tuần", 0)) {
        size_t y = tx_spaces(&s, x + 4);
        for (int k = 0; y > x + 4 && RELS[k] && rel < 0; k++) {
            size_t len = tx_lit_to(&s, y, n, RELS[k], 0);
            if (len && !tx_word(&s, y + len)) {
                rel = k;
                e = y + len;
            }
        }
    }
    tt_off sp[8], sp2[8];
    size_t nw = tx_words_before(&s, pos, sp);
    int lead, pod;
    size_t i = tt_timex_lead_and_pod(text, sp, nw, &lead, &pod);
    size_t start = i ? sp[2 * (i - 1)] : pos;
    size_t nw2 = tx_words_before(&s, start, sp2);
    int cue = nw2 && tt_timex_word_in(text, sp2[0], sp2[1], WEEKDAY_LEADS) >= 0;
    int strong = lead || pod || rel >= 0 || sunday || upper || cue;
    if (!strong && nw2 && tt_timex_word_in(text, sp2[0], sp2[1], ORDINAL_LEADS) >= 0)
        return TT_TXY_NONE; /* "lần thứ hai" */
    if (lead == 1 && !upper && next_word_in(&s, e, ORDINAL_AFTER))
        return TT_TXY_NONE; /* "ngày thứ 6 liên tiếp": the sixth day in a row */
    out->start = start;
    out->end = e;
    out->w = w;
    out->rel = rel;
    out->lead = lead;
    out->pod = pod;
    out->strong = strong;
    return TT_TXY_ATOM;
}
