#include "timex_scan.h"

#include <uchar.h>

#include "timex_text.h"

typedef tt_tx_text scan;

/* Is c one of the code points of set (a NUL-terminated string)? */
static int in_set(tt_cp c, const char32_t *set)
{
    for (; *set; set++)
        if (c == (tt_cp)*set)
            return 1;
    return 0;
}

static int at_set(const scan *s, size_t i, const char32_t *set)
{
    return i < s->n && in_set(s->t[i], set);
}

/* Past [^\S\n]+ from i, or 0 when no such space is there (i is never 0 here). */
static size_t spaces1(const scan *s, size_t i)
{
    size_t j = tx_spaces(s, i);
    return j > i ? j : 0;
}

/* Does one of words (a NULL-terminated list) begin at i; with word_end, and end a word? */
static int one_of(const scan *s, size_t i, const char32_t *const *words, int word_end)
{
    for (; *words; words++) {
        size_t k = tx_lit(s, i, *words);
        if (k && (!word_end || !tx_word(s, i + k)))
            return 1;
    }
    return 0;
}

static const char32_t DASHES[] = U"-\u2013\u2014";

/* ------------------------------------------------------------------ digits (_DIGIT_RE) */

static const char32_t *const DIGIT_NEXT[] = {U"giờ", U"đến", U"tới", U"và", U"tháng", NULL};

/* (?=[0-9]{0,3}(?:[/.:–—-][0-9]|[hg]|[^\S\n]*(?:giờ|[–—-]|đến|tới|và|tháng))) at q */
static int digit_ahead(const scan *s, size_t q)
{
    for (size_t k = 0; k <= 3; k++) {
        if (k > 0 && !tx_digit(s, q + k - 1))
            break;
        size_t r = q + k;
        if (at_set(s, r, U"/.:-\u2013\u2014") && tx_digit(s, r + 1))
            return 1;
        if (tx_at(s, r, 'h') || tx_at(s, r, 'g'))
            return 1;
        size_t r2 = tx_spaces(s, r);
        if (at_set(s, r2, DASHES) || one_of(s, r2, DIGIT_NEXT, 0))
            return 1;
    }
    return 0;
}

static int digit_hit(const scan *s, size_t p)
{
    if (p > 0 && (tx_word(s, p - 1) || in_set(s->t[p - 1], U".,/:")))
        return 0;
    if (p >= 2 && s->t[p - 1] == '-' && tx_letter(s, p - 2))
        return 0;
    if (digit_ahead(s, p + 1))
        return 1;
    /* (?<=gày[ \xa0][0-9]) or (?<=ôm[ \xa0][0-9]) */
    if (p >= 3 && (s->t[p - 1] == ' ' || s->t[p - 1] == 0xA0)) {
        if (p >= 4 && tx_lit(s, p - 4, U"gày"))
            return 1;
        if (tx_lit(s, p - 3, U"ôm"))
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------ key words (_KEYWORD_RE) */

enum after {
    NEXT_NUM,  /* (?=[^\S\n]+[0-9]|_NEXT_REL) */
    DECADE,    /* (?=\s+(?:niên|k[ỷỉ])) */
    QUARTER,   /* (?=\s+(?:[1-4IV]|này|trước|tới|sau)) */
    CENTURY,   /* (?=\s+k[ỷỉ]\s+[0-9IVX]) */
    WEEK,      /* (?=(?:\s+lễ)?_NEXT_REL) */
    WEEKDAY,   /* (?=\s+(?:[2-7]|[Hh]ai|...)\b) */
    SUNDAY,    /* (?=\s+[Nn]hật\b) */
    HOM,       /* (?=\s+(?:nay|qua|kia|sau|đó|ngày)\b) */
    NGAY,      /* (?=\s+(?:mai|kia|hôm|về|trước)\b) */
    CUNG,      /* (?=\s+ngày\b) */
    CACH,      /* (?=\s+đây\b) */
    POD        /* (?=\s+(?:nay|qua|mai|hôm|cùng)\b) */
};

static const struct {
    const char32_t *tail;
    const char32_t *head[3]; /* the letters before the tail, each a set; NULL after the last */
    enum after after;
} KEYWORDS[TT_TX_NKEYWORDS] = {
    {U"áng", {U"Tt", U"h"}, NEXT_NUM},
    {U"ăm", {U"Nn"}, NEXT_NUM},
    {U"ập", {U"Tt", U"h"}, DECADE},
    {U"ý", {U"Qq", U"u"}, QUARTER},
    {U"ế", {U"Tt", U"h"}, CENTURY},
    {U"ần", {U"Tt", U"u"}, WEEK},
    {U"ứ", {U"Tt", U"h"}, WEEKDAY},
    {U"ủ", {U"Cc", U"h"}, SUNDAY},
    {U"ôm", {U"Hh"}, HOM},
    {U"ày", {U"Nn", U"g"}, NGAY},
    {U"ùng", {U"Cc"}, CUNG},
    {U"ách", {U"Cc"}, CACH},
    {U"áng", {U"Ss"}, POD},
    {U"ều", {U"Cc", U"h", U"i"}, POD},
    {U"ối", {U"Tt"}, POD},
    {U"êm", {U"Đđ"}, POD},
    {U"ưa", {U"Tt", U"r"}, POD},
};

static const char32_t *const NEXT_REL[] = {U"vừa qua", U"sắp tới", U"qua", U"trước", U"tới", U"sau", U"này",
                                           U"rồi", U"về", U"nay", U"ngoái", U"kia", U"vừa", U"sắp", NULL};
static const char32_t *const DECADE_NEXT[] = {U"niên", U"kỷ", U"kỉ", NULL};
static const char32_t *const QUARTER_NEXT[] = {U"này", U"trước", U"tới", U"sau", NULL};
static const char32_t *const CENTURY_NEXT[] = {U"kỷ", U"kỉ", NULL};
static const char32_t *const WEEKDAY_NEXT[] = {U"Hai", U"hai", U"Ba", U"ba", U"Tư", U"tư", U"Năm", U"năm",
                                               U"Sáu", U"sáu", U"Bảy", U"bảy", U"Bẩy", U"bẩy", NULL};
static const char32_t *const SUNDAY_NEXT[] = {U"Nhật", U"nhật", NULL};
static const char32_t *const HOM_NEXT[] = {U"nay", U"qua", U"kia", U"sau", U"đó", U"ngày", NULL};
static const char32_t *const NGAY_NEXT[] = {U"mai", U"kia", U"hôm", U"về", U"trước", NULL};
static const char32_t *const CUNG_NEXT[] = {U"ngày", NULL};
static const char32_t *const CACH_NEXT[] = {U"đây", NULL};
static const char32_t *const POD_NEXT[] = {U"nay", U"qua", U"mai", U"hôm", U"cùng", NULL};

/* _NEXT_REL at q: spaces, then one of the relative words (a prefix is enough) */
static int next_rel(const scan *s, size_t q)
{
    size_t r = spaces1(s, q);
    return r && one_of(s, r, NEXT_REL, 0);
}

static int after_ok(const scan *s, size_t q, enum after a)
{
    size_t r = spaces1(s, q);
    switch (a) {
    case NEXT_NUM:
        return r && (tx_digit(s, r) || one_of(s, r, NEXT_REL, 0));
    case DECADE:
        return r && one_of(s, r, DECADE_NEXT, 0);
    case QUARTER:
        return r && (at_set(s, r, U"1234IV") || one_of(s, r, QUARTER_NEXT, 0));
    case CENTURY: {
        if (!r || !one_of(s, r, CENTURY_NEXT, 0))
            return 0;
        size_t r2 = spaces1(s, r + 2);
        return r2 && at_set(s, r2, U"0123456789IVX");
    }
    case WEEK:
        if (r && tx_lit(s, r, U"lễ") && next_rel(s, r + 2))
            return 1;
        return next_rel(s, q);
    case WEEKDAY:
        if (!r)
            return 0;
        if (at_set(s, r, U"234567") && !tx_word(s, r + 1))
            return 1;
        return one_of(s, r, WEEKDAY_NEXT, 1);
    case SUNDAY:
        return r && one_of(s, r, SUNDAY_NEXT, 1);
    case HOM:
        return r && one_of(s, r, HOM_NEXT, 1);
    case NGAY:
        return r && one_of(s, r, NGAY_NEXT, 1);
    case CUNG:
        return r && one_of(s, r, CUNG_NEXT, 1);
    case CACH:
        return r && one_of(s, r, CACH_NEXT, 1);
    case POD:
        return r && one_of(s, r, POD_NEXT, 1);
    }
    return 0;
}

/* The length of key word k's tail when it matches at p (head before it, no word character
 * before the head, its context after), else 0. */
static size_t keyword_at(const scan *s, size_t p, int k)
{
    size_t len = tx_lit(s, p, KEYWORDS[k].tail);
    if (!len)
        return 0;
    size_t h = 0;
    while (h < 3 && KEYWORDS[k].head[h])
        h++;
    if (p < h)
        return 0;
    for (size_t j = 0; j < h; j++)
        if (!in_set(s->t[p - h + j], KEYWORDS[k].head[j]))
            return 0;
    if (p > h && tx_word(s, p - h - 1))
        return 0;
    return after_ok(s, p + len, KEYWORDS[k].after) ? len : 0;
}

static size_t head_len(int k)
{
    size_t h = 0;
    while (h < 3 && KEYWORDS[k].head[h])
        h++;
    return h;
}

static tt_status push_hit(tt_offbuf *hits, size_t pos, int family)
{
    tt_status st = tt_offbuf_push(hits, (tt_off)pos);
    return st == TT_OK ? tt_offbuf_push(hits, (tt_off)family) : st;
}

tt_status tt_timex_hits(const tt_cp *text, size_t n, tt_tx_ctype ctype, tt_offbuf *hits)
{
    tt_status st = tt_tx_scan_begin(text, n, ctype, hits);
    if (st != TT_OK)
        return st;
    const scan s = {text, n, ctype};
    /* one pass finds both; digit hits come first, then key-word hits (kept aside in kw), as
     * the two scans of timex.py give them */
    tt_offbuf kw = {0};
    /* every tail begins with a marked vowel, rare among the letters: a table indexed by the
     * low bits of a code point holds the code points that may be such a vowel there, as a
     * range [lo, lo + span] (span 0: the one vowel of the slot; a second vowel in the same
     * slot widens it to every code point from 0xC0), and the key words they begin */
    enum { SLOTS = 128 };
    tt_cp slot_lo[SLOTS] = {0}, slot_span[SLOTS] = {0};
    uint32_t slot_kw[SLOTS] = {0};
    for (int k = 0; k < TT_TX_NKEYWORDS; k++) {
        tt_cp c = (tt_cp)KEYWORDS[k].tail[0];
        unsigned i = c % SLOTS;
        if (slot_kw[i] && slot_lo[i] != c) {
            slot_lo[i] = 0xC0;
            slot_span[i] = (tt_cp)-1 - 0xC0;
        } else if (!slot_kw[i])
            slot_lo[i] = c;
        slot_kw[i] |= (uint32_t)1 << k;
    }
    /* and the letter before a tail is the last of its head ("h" of "th"): the key words each
     * ASCII letter may end the head of, and (at 128) those a letter above ASCII may, so that
     * the few tails found are mostly key words */
    uint32_t head_kw[129] = {0};
    for (int k = 0; k < TT_TX_NKEYWORDS; k++)
        for (const char32_t *h = KEYWORDS[k].head[head_len(k) - 1]; *h; h++)
            head_kw[*h < 128 ? *h : 128] |= (uint32_t)1 << k;
    uint32_t before = 0; /* head_kw of the code point before p, carried from the step before */
    for (size_t p = 0; p < n; p++) {
        tt_cp c = text[p];
        unsigned i = c % SLOTS;
        /* without branches: most code points are no such vowel, at random places */
        uint32_t m = slot_kw[i] & -(uint32_t)(c - slot_lo[i] <= slot_span[i]) & before;
        before = head_kw[c < 128 ? c : 128];
        if (c - '0' < 10u && digit_hit(&s, p) && (st = push_hit(hits, p, TT_TX_DIGIT)) != TT_OK)
            goto done;
        if (__builtin_expect(m == 0, 1))
            continue;
        size_t len = 0;
        int k = 0;
        for (; m && !len; m &= m - 1) {
            k = __builtin_ctz(m);
            len = keyword_at(&s, p, k);
        }
        if (!len)
            continue;
        if ((st = push_hit(&kw, p - head_len(k), 1 + k)) != TT_OK)
            goto done;
        /* the regular expression goes on after its match; a tail is letters, no digit */
        p += len - 1;
        before = head_kw[text[p] < 128 ? text[p] : 128];
    }
    if ((st = tt_offbuf_reserve(hits, kw.n)) != TT_OK)
        goto done;
    for (size_t j = 0; j < kw.n; j++)
        hits->v[hits->n++] = kw.v[j];
done:
    tt_offbuf_free(&kw);
    return st;
}

/* ------------------------------------------------------------------- NFC at a glance */

/* Is c outside the blocks tt_timex_nfc_sure trusts? Compares without branches. */
static inline uint32_t nfc_unsure(uint32_t c)
{
    return (uint32_t)(c >= 0x300) & (uint32_t)(c - 0x1E00 >= 0x100) & (uint32_t)(c - 0x2002 >= 0x6E);
}

int tt_timex_nfc_sure(const tt_cp *text, size_t n)
{
    /* no early exit, and blocks of a fixed length: plain reductions the compiler vectorizes */
    enum { BLOCK = 16 };
    uint32_t bad = 0;
    size_t i = 0;
    for (; i + BLOCK <= n; i += BLOCK)
        for (size_t j = 0; j < BLOCK; j++)
            bad |= nfc_unsure(text[i + j]);
    for (; i < n; i++)
        bad |= nfc_unsure(text[i]);
    return (text != NULL || n == 0) && !bad;
}

/* ------------------------------------------------------------------- words before */

size_t tt_timex_words_before(const tt_cp *win, size_t n, tt_tx_ctype ctype, size_t max, tt_off *spans)
{
    const scan s = {win, n, ctype};
    size_t got = 0, lo = 0;
    if (win == NULL || ctype == NULL || spans == NULL || n == 0 || !(tx_cls(&s, n - 1) & TT_TX_SPACE))
        return 0;
    for (size_t i = n; i > 0; i--)
        if (win[i - 1] == '\n') {
            lo = i;
            break;
        }
    size_t b = n;
    while (got < max) {
        while (b > lo && (tx_cls(&s, b - 1) & TT_TX_SPACE))
            b--;
        if (b == lo)
            break;
        size_t a = b, j = b; /* the token [a, b); [j, b) its trailing letters and digits */
        while (a > lo && !(tx_cls(&s, a - 1) & TT_TX_SPACE))
            a--;
        while (j > a && (tx_cls(&s, j - 1) & TT_TX_ALNUM))
            j--;
        if (j < b) {
            spans[2 * got] = (tt_off)j;
            spans[2 * got + 1] = (tt_off)b;
            got++;
        }
        if (j > a)
            break; /* "(ngày": the bracket ends the list */
        b = a;
    }
    return got;
}

/* ------------------------------------------------------------------- tense markers */

/* Does c match the lowercase letter (or space) p under re.IGNORECASE? Besides the letter
 * and its capital, "i" takes U+0130 and U+0131, "k" the Kelvin sign, "s" the long s. */
static int ci_eq(tt_cp c, tt_cp p)
{
    if (c == p)
        return 1;
    if (p >= 'a' && p <= 'z')
        return c == p - 32 || (p == 'i' && (c == 0x130 || c == 0x131)) || (p == 'k' && c == 0x212A)
               || (p == 's' && c == 0x17F);
    if (p >= 0xE0 && p <= 0xFE && p != 0xF7)
        return c == p - 0x20;
    if (p == 0x111)
        return c == 0x110;
    if (p >= 0x1EA0 && p <= 0x1EFF && (p & 1))
        return c == p - 1;
    return 0;
}

static const char32_t *const TENSE[] = {U"sẽ", U"sắp", U"dự kiến", U"dự định", U"chuẩn bị", U"lên kế hoạch",
                                        U"đã", U"vừa", U"từng", U"hồi", NULL};
#define TENSE_FUTURE 6 /* the first six are future markers */

tt_status tt_timex_tense(const tt_cp *text, size_t n, size_t from, tt_tx_ctype ctype, tt_offbuf *out)
{
    tt_status st = TT_OK;
    if ((text == NULL && n > 0) || ctype == NULL || out == NULL)
        return TT_EINVAL;
    out->n = 0;
    const scan s = {text, n, ctype};
    for (size_t p = from; p < n;) {
        size_t len = 0;
        int k = 0;
        if (p == 0 || !tx_word(&s, p - 1))
            for (; TENSE[k] && !len; k++) {
                size_t j = 0;
                while (TENSE[k][j] && p + j < n && ci_eq(text[p + j], (tt_cp)TENSE[k][j]))
                    j++;
                if (!TENSE[k][j] && !tx_word(&s, p + j))
                    len = j;
            }
        if (!len) {
            p++;
            continue;
        }
        if ((st = tt_offbuf_push(out, (tt_off)p)) != TT_OK || (st = tt_offbuf_push(out, (tt_off)(p + len))) != TT_OK
            || (st = tt_offbuf_push(out, k - 1 < TENSE_FUTURE)) != TT_OK)
            goto done;
        p += len;
    }
done:
    return st;
}
