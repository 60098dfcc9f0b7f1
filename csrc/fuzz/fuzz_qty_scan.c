/* libFuzzer target for core/qty_scan.c: the number-word scans of tintuc.quantity over text
 * made of fuzz bytes (most bytes pick a piece: a number word, a word of the follow set, a
 * space, punctuation; the others a character of fuzz_input.h). The hits must be those of a
 * plain reference that tries every number word at every position and every word of the set
 * after it, in the same four groups and order. The set itself is built from the words below
 * plus a few the input picks (so that words of every length, and words with "-", "/" or "$",
 * come and go). The starts of numbers in digits must be those of a reference that asks
 * every condition at every digit.
 * Build and run: make fuzz-build && build/fuzz/fuzz_qty_scan -max_total_time=60 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../core/qty_scan.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"
#include "fuzz_input.h"

#define MAX_TEXT 2048
#define MAX_WORD 16

static const char *const pieces[] = {
    "một", "Một", "mười", "mấy", "hàng", "Hàng", "bốn", "bảy", "bẩy", "năm", "Năm", "dăm", "nửa", "sáu", "tám",
    "chín", "Chín", "chục", "vài", "hai", "Hai", "ba", "Ba", "ai", "ột", "ăm", "m", "ch", "người", "tấn", "US$",
    "km/h", "héc-ta", "trăm", "x", "_", "1", "-", "/", ",", " ", " ", " ", "\n", "\u00a0", "\u2009", "é", "²",
    "ngày", "Ngày", "hôm", "tháng", "lúc", "quý", "thứ", "số", "Số", "sáng", "chiều", "tối", "2", "30", ".", ":",
    "\u0661",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static const char *const follow_words[] = {"người", "tấn", "US$", "km/h", "héc-ta", "trăm", "mươi", "a", "x-"};
#define NFOLLOW (sizeof follow_words / sizeof follow_words[0])

/* The number words of the tail scan, every head letter written out. */
static const char *const tail_words[] = {
    "một", "Một", "mười", "Mười", "mấy", "Mấy", "hàng", "Hàng", "bốn", "Bốn", "bảy", "Bảy", "bẩy", "Bẩy",
    "năm", "Năm", "dăm", "Dăm", "nửa", "Nửa", "sáu", "Sáu", "tám", "Tám", "chín", "Chín", "chục", "Chục",
    "vài", "Vài",
};
#define NTAIL (sizeof tail_words / sizeof tail_words[0])

/* The classes as the scan reads them: ASCII by its own rules, the rest from ctype. */
static unsigned cls(const tt_cp *t, size_t n, size_t i)
{
    if (i >= n)
        return 0;
    tt_cp c = t[i];
    if (c >= 0x80)
        return fuzz_re_ctype(c);
    if ((c >= '0' && c <= '9'))
        return TT_TX_WORD | TT_TX_DECIMAL;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')
        return TT_TX_WORD;
    return (c >= 9 && c <= 13) || (c >= 0x1C && c <= 0x20) ? TT_TX_SPACE : 0;
}

typedef struct {
    tt_cp w[MAX_WORD];
    size_t len;
} word;

static int word_at(const tt_cp *t, size_t n, size_t p, const word *w)
{
    return p + w->len <= n && memcmp(t + p, w->w, w->len * sizeof *t) == 0;
}

/* [^\S\n]+ then a word of the set that ends a word */
static int follows(const tt_cp *t, size_t n, size_t q, const word *set, size_t nset)
{
    size_t r = q;
    while (r < n && t[r] != '\n' && (cls(t, n, r) & TT_TX_SPACE))
        r++;
    if (r == q)
        return 0;
    for (size_t k = 0; k < nset; k++)
        if (set[k].len && word_at(t, n, r, &set[k]) && !(cls(t, n, r + set[k].len) & TT_TX_WORD))
            return 1;
    return 0;
}

/* Is w a whole word at p (no word character on either side)? */
static int whole(const tt_cp *t, size_t n, size_t p, const word *w)
{
    return word_at(t, n, p, w) && !(p > 0 && (cls(t, n, p - 1) & TT_TX_WORD))
           && !(cls(t, n, p + w->len) & TT_TX_WORD);
}

static void reference(const tt_cp *t, size_t n, const word *set, size_t nset, tt_offbuf *out)
{
    word w;
    out->n = 0;
    for (size_t p = 0; p < n; p++)
        for (size_t k = 0; k < NTAIL; k++) {
            w.len = fuzz_utf8(tail_words[k], w.w, MAX_WORD);
            if (whole(t, n, p, &w) && follows(t, n, p + w.len, set, nset)) {
                CHECK(tt_offbuf_push(out, (tt_off)p) == TT_OK);
                break;
            }
        }
    /* "hai" and "Hai": one scan, in order of position */
    for (size_t p = 0; p < n; p++)
        for (int cap = 0; cap < 2; cap++) {
            w.len = fuzz_utf8(cap ? "Hai" : "hai", w.w, MAX_WORD);
            if (!whole(t, n, p, &w))
                continue;
            size_t r = p + 3;
            while (r < n && t[r] != '\n' && (cls(t, n, r) & TT_TX_SPACE))
                r++;
            if (r > p + 3 && (cls(t, n, r) & (TT_TX_WORD | TT_TX_DECIMAL)) == TT_TX_WORD && t[r] != '_')
                CHECK(tt_offbuf_push(out, (tt_off)p) == TT_OK);
        }
    for (int cap = 0; cap < 2; cap++)
        for (size_t p = 0; p < n; p++) {
            w.len = fuzz_utf8(cap ? "Ba" : "ba", w.w, MAX_WORD);
            if (whole(t, n, p, &w) && follows(t, n, p + 2, set, nset))
                CHECK(tt_offbuf_push(out, (tt_off)p) == TT_OK);
        }
}

static const char *const not_after[] = {"ngày", "Ngày", "hôm", "Hôm", "tháng", "Tháng", "năm", "Năm", "lúc",
                                        "Lúc", "quý", "thứ", "số", "Số", "sáng", "chiều", "tối"};

static void check_digit_starts(const tt_cp *t, size_t n)
{
    tt_offbuf got = {0};
    size_t k = 0;
    CHECK(tt_qty_digit_starts(t, n, fuzz_re_ctype, &got) == TT_OK);
    for (size_t p = 0; p < n; p++) {
        if (t[p] < '0' || t[p] > '9')
            continue;
        int ok = 1;
        if (p > 0 && ((cls(t, n, p - 1) & TT_TX_WORD) || t[p - 1] == '/' || t[p - 1] == ':'))
            ok = 0;
        if (p > 1 && (t[p - 1] == '.' || t[p - 1] == ',') && t[p - 2] >= '0' && t[p - 2] <= '9')
            ok = 0;
        if (p > 1 && t[p - 1] == '-' && (cls(t, n, p - 2) & TT_TX_WORD))
            ok = 0;
        for (size_t w = 0; ok && p > 0 && (t[p - 1] == ' ' || t[p - 1] == 0xA0) && w < 17; w++) {
            word x;
            x.len = fuzz_utf8(not_after[w], x.w, MAX_WORD);
            if (p - 1 >= x.len && word_at(t, n, p - 1 - x.len, &x))
                ok = 0;
        }
        if (ok) {
            CHECK(k < got.n && got.v[k] == p);
            k++;
        }
    }
    CHECK(k == got.n);
    tt_offbuf_free(&got);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    word set[NFOLLOW + 4];
    tt_cp cps[(NFOLLOW + 4) * MAX_WORD];
    tt_off ends[NFOLLOW + 4];
    size_t nset = 0, at = 0, n = 0, i = 0;
    for (; nset < NFOLLOW; nset++)
        set[nset].len = fuzz_utf8(follow_words[nset], set[nset].w, MAX_WORD);
    /* up to four more words of the set: the first bytes, each a run of pieces' characters */
    for (; i < size && i < 4; i++) {
        word *w = &set[nset++];
        w->len = fuzz_utf8(pieces[data[i] % NPIECES], w->w, MAX_WORD);
        if (w->len && (w->w[0] == ' ' || w->w[0] == '\n' || (cls(w->w, w->len, 0) & TT_TX_SPACE)))
            w->len = 0; /* no word of the set begins with a space, as none of quantity's does */
    }
    for (size_t k = 0; k < nset; k++) {
        memcpy(cps + at, set[k].w, set[k].len * sizeof *cps);
        at += set[k].len;
        ends[k] = (tt_off)at;
    }
    for (; i < size && n + 16 < MAX_TEXT; i++) {
        if (data[i] < 0xC0)
            n += fuzz_utf8(pieces[data[i] % NPIECES], text + n, MAX_TEXT - n);
        else {
            uint8_t c = (uint8_t)(data[i] - 0xC0 + 0x80);
            n += fuzz_text(&c, 1, text + n, MAX_TEXT - n);
        }
    }
    tt_qty_follow *f = NULL;
    tt_offbuf got = {0}, want = {0};
    CHECK(tt_qty_follow_new(cps, ends, nset, &f) == TT_OK && f != NULL);
    CHECK(tt_qty_word_hits(text, n, fuzz_re_ctype, f, &got) == TT_OK);
    reference(text, n, set, nset, &want);
    CHECK(got.n == want.n && (got.n == 0 || memcmp(got.v, want.v, got.n * sizeof *got.v) == 0));
    check_digit_starts(text, n);
    tt_qty_follow_free(f);
    tt_offbuf_free(&got);
    tt_offbuf_free(&want);
    return 0;
}
