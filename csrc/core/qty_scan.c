#include "qty_scan.h"

#include <stdlib.h>
#include <string.h>
#include <uchar.h>

struct tt_qty_follow {
    tt_cp *cps;     /* the words one after the other, sorted by code points (a prefix first) */
    tt_off *starts; /* word k is cps[starts[k] .. starts[k] + lens[k]) */
    tt_off *lens;
    size_t n;
};

typedef struct {
    const tt_cp *cp;
    size_t len;
} word_ref;

static int cmp_ref(const void *a, const void *b)
{
    const word_ref *x = a, *y = b;
    for (size_t i = 0; i < x->len && i < y->len; i++)
        if (x->cp[i] != y->cp[i])
            return x->cp[i] < y->cp[i] ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len;
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
        || (f->starts = malloc((n + 1) * sizeof *f->starts)) == NULL
        || (f->lens = malloc((n + 1) * sizeof *f->lens)) == NULL)
        goto done;
    for (size_t k = 0; k < n; k++) {
        size_t a = k ? ends[k - 1] : 0;
        if (ends[k] > a)
            refs[m++] = (word_ref){cps + a, ends[k] - a};
    }
    qsort(refs, m, sizeof *refs, cmp_ref);
    size_t at = 0;
    for (size_t k = 0; k < m; k++) {
        f->starts[k] = (tt_off)at;
        f->lens[k] = (tt_off)refs[k].len;
        memcpy(f->cps + at, refs[k].cp, refs[k].len * sizeof *f->cps);
        at += refs[k].len;
    }
    f->n = m;
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
    free(f->lens);
    free(f);
}

/* Among words [lo, hi) that share their first k code points and are longer than k, the
 * first whose code point k is at least c (or, with after, above c). */
static size_t bound(const tt_qty_follow *f, size_t lo, size_t hi, size_t k, tt_cp c, int after)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        tt_cp x = f->cps[f->starts[mid] + k];
        if (x < c || (after && x == c))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
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
    return tt_re_class(s->t[i], s->ctype);
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

/* quantity._FOLLOW at q: spaces on the line, then a word of the set that ends a word. The
 * sorted words are narrowed one code point of the text at a time, as down a trie. */
static int follows(const scan *s, size_t q)
{
    const tt_qty_follow *f = s->follow;
    size_t r = spaces1(s, q), lo = 0, hi = f->n;
    if (!r)
        return 0;
    for (size_t k = 0; r + k < s->n; k++) {
        while (lo < hi && f->lens[lo] == k) /* the words of length k sort first */
            lo++;
        tt_cp c = s->t[r + k];
        lo = bound(f, lo, hi, k, c, 0);
        hi = bound(f, lo, hi, k, c, 1);
        if (lo == hi)
            return 0;
        if (f->lens[lo] == k + 1 && !is_word(s, r + k + 1))
            return 1;
    }
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

/* Append the offsets of from to to. */
static tt_status append(tt_offbuf *to, const tt_offbuf *from)
{
    tt_status st = TT_OK;
    for (size_t k = 0; k < from->n && st == TT_OK; k++)
        st = tt_offbuf_push(to, from->v[k]);
    return st;
}

tt_status tt_qty_word_hits(const tt_cp *text, size_t n, tt_tx_ctype ctype, const tt_qty_follow *follow,
                           tt_offbuf *hits)
{
    tt_offbuf more[3] = {{0}}; /* "hai", "ba", "Ba": they come after the tails */
    if (follow == NULL)
        return TT_EINVAL;
    tt_status st = tt_tx_scan_begin(text, n, ctype, hits);
    if (st != TT_OK)
        return st;
    const scan s = {text, n, ctype, follow};
    /* the tails all begin with a marked vowel (above U+00BF): the rest is skipped at once, and
     * so is most of the rest by the low six bits of the code point */
    uint64_t low6 = 0;
    for (size_t k = 0; k < NTAILS; k++)
        low6 |= (uint64_t)1 << (TAILS[k].tail[0] & 63);
    /* one pass for the four scans; a tail is looked for only past the last one found, as the
     * regular expression goes on after its match */
    size_t next_tail = 0;
    for (size_t p = 0; p < n; p++) {
        tt_cp c = text[p];
        if (c == 'a' && p > 0) {
            tt_cp h = text[p - 1];
            if ((h == 'h' || h == 'H') && p + 1 < n && text[p + 1] == 'i'
                && word_at(&s, p - 1, h == 'h' ? U"hai" : U"Hai")) {
                /* "hai": any letter may follow it, past spaces on its line */
                size_t r = spaces1(&s, p + 2);
                if (r && is_letter(&s, r) && (st = tt_offbuf_push(&more[0], (tt_off)(p - 1))) != TT_OK)
                    goto done;
            } else if ((h == 'b' || h == 'B') && word_at(&s, p - 1, h == 'b' ? U"ba" : U"Ba")
                       && follows(&s, p + 1)
                       && (st = tt_offbuf_push(&more[h == 'b' ? 1 : 2], (tt_off)(p - 1))) != TT_OK)
                goto done;
            continue;
        }
        if (c < 0xC0 || !(low6 >> (c & 63) & 1) || p < next_tail)
            continue;
        size_t at = SIZE_MAX, len = 1;
        for (size_t k = 0; k < NTAILS && at == SIZE_MAX; k++)
            if ((tt_cp)TAILS[k].tail[0] == c)
                at = tail_at(&s, p, k, &len);
        if (at != SIZE_MAX) {
            if ((st = tt_offbuf_push(hits, (tt_off)at)) != TT_OK)
                goto done;
            next_tail = p + len;
        }
    }
    for (int k = 0; k < 3 && st == TT_OK; k++)
        st = append(hits, &more[k]);
done:
    for (int k = 0; k < 3; k++)
        tt_offbuf_free(&more[k]);
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
    tt_status st = tt_tx_scan_begin(text, n, ctype, hits);
    if (st != TT_OK)
        return st;
    const scan s = {text, n, ctype, NULL};
    for (size_t p = 0; p < n; p++)
        if (text[p] - '0' < 10u && digit_start(&s, p) && (st = tt_offbuf_push(hits, (tt_off)p)) != TT_OK)
            break;
    return st;
}
