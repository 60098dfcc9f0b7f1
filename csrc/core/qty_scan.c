#include "qty_scan.h"

#include <stdlib.h>
#include <string.h>
#include <uchar.h>

struct tt_qty_follow {
    tt_cp *cps;     /* the words, sorted by length, then by code points */
    tt_off *starts; /* word k is cps[starts[k] .. starts[k] + its length) */
    size_t *first;  /* words of length L are k in [first[L], first[L + 1]) */
    size_t maxlen;
};

typedef struct {
    const tt_cp *cp;
    size_t len;
} word_ref;

static int cmp_ref(const void *a, const void *b)
{
    const word_ref *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? -1 : 1;
    for (size_t i = 0; i < x->len; i++)
        if (x->cp[i] != y->cp[i])
            return x->cp[i] < y->cp[i] ? -1 : 1;
    return 0;
}

tt_status tt_qty_follow_new(const tt_cp *cps, const tt_off *ends, size_t n, tt_qty_follow **out)
{
    tt_status st = TT_ENOMEM;
    word_ref *refs = NULL;
    tt_qty_follow *f = NULL;
    size_t total, m = 0;
    if (out == NULL)
        return TT_EINVAL;
    *out = NULL;
    if (n > 0 && (cps == NULL || ends == NULL))
        return TT_EINVAL;
    for (size_t k = 1; k < n; k++)
        if (ends[k] < ends[k - 1])
            return TT_EINVAL;
    total = n ? ends[n - 1] : 0;
    if ((f = calloc(1, sizeof *f)) == NULL || (refs = malloc((n + 1) * sizeof *refs)) == NULL
        || (f->cps = malloc((total + 1) * sizeof *f->cps)) == NULL
        || (f->starts = malloc((n + 1) * sizeof *f->starts)) == NULL)
        goto done;
    for (size_t k = 0; k < n; k++) {
        size_t a = k ? ends[k - 1] : 0;
        if (ends[k] > a)
            refs[m++] = (word_ref){cps + a, ends[k] - a};
    }
    qsort(refs, m, sizeof *refs, cmp_ref);
    f->maxlen = m ? refs[m - 1].len : 0;
    if ((f->first = calloc(f->maxlen + 2, sizeof *f->first)) == NULL)
        goto done;
    size_t at = 0;
    for (size_t k = 0; k < m; k++) {
        f->starts[k] = (tt_off)at;
        memcpy(f->cps + at, refs[k].cp, refs[k].len * sizeof *f->cps);
        at += refs[k].len;
    }
    /* first[L]: the first word of length L or more */
    for (size_t len = 0, k = 0; len <= f->maxlen + 1; len++) {
        while (k < m && refs[k].len < len)
            k++;
        f->first[len] = k;
    }
    *out = f;
    f = NULL;
    st = TT_OK;
done:
    free(refs);
    tt_qty_follow_free(f);
    return st;
}

void tt_qty_follow_free(tt_qty_follow *f)
{
    if (f == NULL)
        return;
    free(f->cps);
    free(f->starts);
    free(f->first);
    free(f);
}

/* Is w[0 .. len) one of the words? A binary search among those of its length. */
static int follow_has(const tt_qty_follow *f, const tt_cp *w, size_t len)
{
    if (len == 0 || len > f->maxlen)
        return 0;
    size_t lo = f->first[len], hi = f->first[len + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const tt_cp *x = f->cps + f->starts[mid];
        int c = 0;
        for (size_t i = 0; i < len && !c; i++)
            if (x[i] != w[i])
                c = x[i] < w[i] ? -1 : 1;
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

typedef struct {
    const tt_cp *t;
    size_t n;
    tt_tx_ctype ctype;
    const tt_qty_follow *follow;
} scan;

static unsigned cls(const scan *s, size_t i)
{
    if (i >= s->n)
        return 0;
    tt_cp c = s->t[i];
    if (c >= 0x80)
        return s->ctype(c);
    if (c >= '0' && c <= '9')
        return TT_TX_WORD | TT_TX_DECIMAL | TT_TX_ALNUM;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return TT_TX_WORD | TT_TX_ALNUM;
    if (c == '_')
        return TT_TX_WORD;
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20))
        return TT_TX_SPACE;
    return 0;
}

static int is_word(const scan *s, size_t i)
{
    return (cls(s, i) & TT_TX_WORD) != 0;
}

/* A letter: [^\W\d_] */
static int is_letter(const scan *s, size_t i)
{
    return i < s->n && (cls(s, i) & (TT_TX_WORD | TT_TX_DECIMAL)) == TT_TX_WORD && s->t[i] != '_';
}

/* Past [^\S\n]+ from i, or 0 when no such space is there (i is never 0 here). */
static size_t spaces1(const scan *s, size_t i)
{
    size_t j = i;
    while (j < s->n && s->t[j] != '\n' && (cls(s, j) & TT_TX_SPACE))
        j++;
    return j > i ? j : 0;
}

/* quantity._FOLLOW at q: spaces on the line, then a word of the set that ends a word. */
static int follows(const scan *s, size_t q)
{
    size_t r = spaces1(s, q);
    if (!r)
        return 0;
    size_t most = s->follow->maxlen < s->n - r ? s->follow->maxlen : s->n - r;
    for (size_t len = 1; len <= most; len++)
        if (!is_word(s, r + len) && follow_has(s->follow, s->t + r, len))
            return 1;
    return 0;
}

/* The length of w when text[i ..] begins with it, else 0. */
static size_t lit(const scan *s, size_t i, const char32_t *w)
{
    size_t k = 0;
    for (; w[k]; k++)
        if (i + k >= s->n || s->t[i + k] != (tt_cp)w[k])
            return 0;
    return k;
}

static int in_set(tt_cp c, const char32_t *set)
{
    for (; *set; set++)
        if (c == (tt_cp)*set)
            return 1;
    return 0;
}

/* quantity._WORD_TAILS: each number word from its first marked vowel, with the letters
 * before it (each a set). */
static const struct {
    const char32_t *tail;
    const char32_t *head[2];
} TAILS[] = {
    {U"ột", {U"Mm"}},  {U"ười", {U"Mm"}}, {U"ấy", {U"Mm"}}, {U"àng", {U"Hh"}},   {U"ốn", {U"Bb"}},
    {U"ảy", {U"Bb"}},  {U"ẩy", {U"Bb"}},  {U"ăm", {U"NnDd"}}, {U"ửa", {U"Nn"}}, {U"áu", {U"Ss"}},
    {U"ám", {U"Tt"}},  {U"ín", {U"Cc", U"h"}}, {U"ục", {U"Cc", U"h"}}, {U"ài", {U"Vv"}},
};
#define NTAILS (sizeof TAILS / sizeof TAILS[0])

/* Tail k at p with its head before it, no word character before the head, none after the
 * tail, and a word of the set after: the start of the word, or SIZE_MAX. */
static size_t tail_at(const scan *s, size_t p, size_t k, size_t *len)
{
    size_t l = lit(s, p, TAILS[k].tail), h = TAILS[k].head[1] ? 2 : 1;
    if (!l || p < h)
        return SIZE_MAX;
    for (size_t j = 0; j < h; j++)
        if (!in_set(s->t[p - h + j], TAILS[k].head[j]))
            return SIZE_MAX;
    if ((p > h && is_word(s, p - h - 1)) || is_word(s, p + l) || !follows(s, p + l))
        return SIZE_MAX;
    *len = l;
    return p - h;
}

/* The whole word w at p: no word character before or after it. */
static int word_at(const scan *s, size_t p, const char32_t *w)
{
    size_t l = lit(s, p, w);
    return l && !(p > 0 && is_word(s, p - 1)) && !is_word(s, p + l);
}

tt_status tt_qty_word_hits(const tt_cp *text, size_t n, tt_tx_ctype ctype, const tt_qty_follow *follow,
                           tt_offbuf *hits)
{
    tt_status st = TT_OK;
    if ((text == NULL && n > 0) || ctype == NULL || follow == NULL || hits == NULL)
        return TT_EINVAL;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    hits->n = 0;
    const scan s = {text, n, ctype, follow};
    /* the tails all begin with a marked vowel (above U+00BF): the rest is skipped at once */
    for (size_t p = 0; p < n;) {
        size_t at = SIZE_MAX, len = 1;
        if (text[p] >= 0xC0)
            for (size_t k = 0; k < NTAILS && at == SIZE_MAX; k++)
                if ((tt_cp)TAILS[k].tail[0] == text[p])
                    at = tail_at(&s, p, k, &len);
        if (at != SIZE_MAX && (st = tt_offbuf_push(hits, (tt_off)at)) != TT_OK)
            goto done;
        p += at != SIZE_MAX ? len : 1;
    }
    /* "hai": any letter may follow it, past spaces on its line */
    for (size_t p = 1; p + 1 < n; p++)
        if (text[p] == 'a' && text[p + 1] == 'i' && (text[p - 1] == 'h' || text[p - 1] == 'H')
            && word_at(&s, p - 1, text[p - 1] == 'h' ? U"hai" : U"Hai")) {
            size_t r = spaces1(&s, p + 2);
            if (r && is_letter(&s, r) && (st = tt_offbuf_push(hits, (tt_off)(p - 1))) != TT_OK)
                goto done;
        }
    /* "ba", then "Ba" */
    for (int cap = 0; cap < 2; cap++)
        for (size_t p = 0; p + 1 < n; p++)
            if (word_at(&s, p, cap ? U"Ba" : U"ba") && follows(&s, p + 2)
                && (st = tt_offbuf_push(hits, (tt_off)p)) != TT_OK)
                goto done;
done:
    return st;
}

/* quantity._NOT_AFTER: after these words (and a space), a number is a date, a time, an
 * ordinal or a label. */
static const char32_t *const NOT_AFTER[] = {U"ngày", U"Ngày", U"hôm", U"Hôm", U"tháng", U"Tháng", U"năm", U"Năm",
                                            U"lúc", U"Lúc", U"quý", U"thứ", U"số", U"Số", U"sáng", U"chiều",
                                            U"tối", NULL};

/* Does text[.. end) end with w? */
static int ends_with(const tt_cp *text, size_t end, const char32_t *w)
{
    size_t len = 0;
    while (w[len])
        len++;
    if (end < len)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (text[end - len + i] != (tt_cp)w[i])
            return 0;
    return 1;
}

static int digit_start(const scan *s, size_t p)
{
    const tt_cp *t = s->t;
    if (p == 0)
        return 1;
    tt_cp b = t[p - 1];
    if (is_word(s, p - 1) || b == '/' || b == ':')
        return 0;
    if (p >= 2 && (b == '.' || b == ',') && t[p - 2] >= '0' && t[p - 2] <= '9')
        return 0;
    if (p >= 2 && b == '-' && is_word(s, p - 2))
        return 0;
    if (b == ' ' || b == 0xA0)
        for (size_t k = 0; NOT_AFTER[k]; k++)
            if (ends_with(t, p - 1, NOT_AFTER[k]))
                return 0;
    return 1;
}

tt_status tt_qty_digit_starts(const tt_cp *text, size_t n, tt_tx_ctype ctype, tt_offbuf *hits)
{
    tt_status st = TT_OK;
    if ((text == NULL && n > 0) || ctype == NULL || hits == NULL)
        return TT_EINVAL;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    hits->n = 0;
    const scan s = {text, n, ctype, NULL};
    for (size_t p = 0; p < n; p++)
        if (text[p] - '0' < 10u && digit_start(&s, p) && (st = tt_offbuf_push(hits, (tt_off)p)) != TT_OK)
            break;
    return st;
}
