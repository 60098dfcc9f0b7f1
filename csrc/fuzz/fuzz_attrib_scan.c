/* libFuzzer target for core/attrib_scan.c: the anchor pass against a slow reference that
 * follows tintuc.attribution's Python loop (skip an anchor inside the one kept before it or
 * right after a letter or digit, then test what its key word needs next to it), and the
 * dateline and credit lines against line-by-line references.
 *
 * Fuzz bytes make a text (fuzz_input.h; its lower-cased form lowers ASCII only), a sorted
 * list of records (a start, a length, a word-after flag), and the text is read at each of
 * the three widths it fits. Keys: "theo", "dẫn" (next word: "l" or "t"), "pv".
 * Build and run: make fuzz-build && build/fuzz/fuzz_attrib_scan -max_total_time=30 */
#include <stdlib.h>
#include <string.h>

#include "../core/attrib_scan.h"
#include "fuzz_check.h"
#include "fuzz_input.h"

#define MAX_TEXT 512
#define MAX_RECS 128

static unsigned ctype(tt_cp c)
{
    unsigned f = 0;
    if (c == ' ' || c == '\t' || c == '\n' || c == 0xA0 || c == 0x2009 || c == 0x3000 || c == 0x85 || c == 0x2028)
        f |= TT_AS_SPACE;
    if ((c >= 'A' && c <= 'Z') || c == 0x110 || c == 0xD0 || c == 0xC0 || c == 0x1EA0 || c == 0x1AF || c == 0x41C)
        f |= TT_AS_UPPER;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (f & TT_AS_UPPER) || (c >= 0xE0 && c <= 0x1EF9))
        f |= TT_AS_ALNUM;
    return f;
}

static int by_start_then_end(const void *x, const void *y)
{
    const tt_cue_rec *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

static const tt_cp *g_norm, *g_low;
static size_t g_n;

static int lsp(size_t i)
{
    return i < g_n && g_norm[i] != '\n' && (ctype(g_norm[i]) & TT_AS_SPACE);
}

static int is_key(size_t s, size_t e, const char *w)
{
    size_t n = strlen(w);
    if (e - s != n)
        return 0;
    for (size_t j = 0; j < n; j++)
        if (g_low[s + j] != (tt_cp)(unsigned char)w[j])
            return 0;
    return 1;
}

static int ref_keep(size_t s, size_t e)
{
    if (s > 0 && (ctype(g_low[s - 1]) & TT_AS_ALNUM))
        return 0;
    if (is_key(s, e, "theo")) {
        size_t i = s;
        while (i > 0 && (g_norm[i - 1] == ' ' || g_norm[i - 1] == '\t' || g_norm[i - 1] == 0xA0))
            i--;
        tt_cp p = i == 0 ? '\n' : g_norm[i - 1];
        return lsp(e) && (p == '\n' || p == '.' || p == '!' || p == '?');
    }
    if (is_key(s, e, "pv"))
        return lsp(e);
    if (e - s == 3 && g_low[s] == 'd' && g_low[s + 1] == 0x1EAB && g_low[s + 2] == 'n') {
        size_t i = e;
        while (lsp(i))
            i++;
        return i > e && i < g_n && (g_norm[i] == 'l' || g_norm[i] == 't');
    }
    return e + 1 < g_n && (ctype(g_norm[e + 1]) & TT_AS_UPPER);
}

static int is_dash(tt_cp c)
{
    return c == '-' || c == 0x2013 || c == 0x2014;
}

/* line by line: a ")" then line spaces then a dash */
static size_t ref_dateline_lines(size_t *out)
{
    size_t got = 0;
    for (size_t line = 0; line <= g_n;) {
        size_t end = line;
        while (end < g_n && g_norm[end] != '\n')
            end++;
        int hit = 0;
        for (size_t i = line; i < end && !hit; i++) {
            if (g_norm[i] != ')')
                continue;
            size_t j = i + 1;
            while (lsp(j))
                j++;
            hit = j < end && is_dash(g_norm[j]);
        }
        if (hit)
            out[got++] = line;
        line = end + 1;
    }
    return got;
}

/* the line starts after the k-th line break from the end (trailing spaces aside) that open
 * with line spaces, [Tt]heo and a line space */
static size_t ref_credit_lines(size_t k, size_t *out)
{
    size_t end = g_n;
    while (end > 0 && (ctype(g_norm[end - 1]) & TT_AS_SPACE))
        end--;
    size_t breaks = 0, tail = 0;
    for (size_t i = end; i-- > 0 && breaks < k;)
        if (g_norm[i] == '\n') {
            breaks++;
            tail = i + 1;
        }
    size_t got = 0;
    if (breaks == 0)
        return 0;
    for (size_t line = tail; line <= g_n; line++) {
        if (line != tail && g_norm[line - 1] != '\n')
            continue;
        size_t i = line;
        while (lsp(i))
            i++;
        if (i + 4 < g_n && (g_norm[i] == 'T' || g_norm[i] == 't') && g_norm[i + 1] == 'h' && g_norm[i + 2] == 'e'
            && g_norm[i + 3] == 'o' && lsp(i + 4))
            out[got++] = line;
    }
    return got;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp norm[MAX_TEXT], low[MAX_TEXT];
    static uint8_t n8[MAX_TEXT], l8[MAX_TEXT];
    static uint16_t n16[MAX_TEXT], l16[MAX_TEXT];
    static tt_cue_rec rec[MAX_RECS];
    static size_t idx[MAX_RECS], got[MAX_RECS], want[MAX_RECS];
    if (size < 2)
        return 0;
    size_t n_rec = data[0] % (MAX_RECS / 2 + 1);
    if (size < 1 + 2 * n_rec)
        return 0;
    const uint8_t *r = data + 1, *t = data + 1 + 2 * n_rec;
    size_t n = fuzz_text(t, size - 1 - 2 * n_rec, norm, MAX_TEXT);
    if (n == 0)
        return 0;
    unsigned maxcp = 0;
    for (size_t i = 0; i < n; i++) {
        low[i] = norm[i] >= 'A' && norm[i] <= 'Z' ? norm[i] + 32 : norm[i];
        if (norm[i] > maxcp)
            maxcp = norm[i];
    }
    for (size_t i = 0; i < n_rec; i++) {
        uint32_t s = r[2 * i] % n, len = r[2 * i + 1] % 8;
        rec[i].start = s;
        rec[i].end = s + len > n ? (uint32_t)n : s + len;
        rec[i].token = s;
        rec[i].value = 0;
        rec[i].flags = (r[2 * i + 1] & 0x80) ? TT_CUE_REC_WORD_AFTER : 0;
    }
    qsort(rec, n_rec, sizeof rec[0], by_start_then_end);
    size_t n_idx = tt_cue_longest(rec, n_rec, idx);

    static const tt_cp theo[] = {'t', 'h', 'e', 'o'}, dan[] = {'d', 0x1EAB, 'n'}, pv[] = {'p', 'v'};
    static const tt_cp lt[] = {'l', 't'};
    const tt_as_key keys[] = {{theo, 4, TT_AS_SENTENCE, NULL, 0}, {dan, 3, TT_AS_SPACED, lt, 2},
                              {pv, 2, TT_AS_SPACED, NULL, 0}};
    g_norm = norm;
    g_low = low;
    g_n = n;
    static size_t want_lines[MAX_TEXT + 1];
    size_t n_date = ref_dateline_lines(want_lines);
    size_t k_credit = data[0] % 5;
    size_t w = 0, last = 0;
    for (size_t k = 0; k < n_idx; k++) {
        const tt_cue_rec *x = &rec[idx[k]];
        if (x->start < last)
            continue;
        last = x->end;
        if (ref_keep(x->start, x->end))
            want[w++] = idx[k];
    }
    for (int width = 4; width >= 1; width /= 2) {
        if ((width == 2 && maxcp > 0xFFFF) || (width == 1 && maxcp > 0xFF))
            break;
        tt_as_text tn = {norm, n, 4}, tl = {low, n, 4};
        if (width == 2) {
            for (size_t i = 0; i < n; i++) {
                n16[i] = (uint16_t)norm[i];
                l16[i] = (uint16_t)low[i];
            }
            tn = (tt_as_text){n16, n, 2};
            tl = (tt_as_text){l16, n, 2};
        } else if (width == 1) {
            for (size_t i = 0; i < n; i++) {
                n8[i] = (uint8_t)norm[i];
                l8[i] = (uint8_t)low[i];
            }
            tn = (tt_as_text){n8, n, 1};
            tl = (tt_as_text){l8, n, 1};
        }
        size_t a = 0;
        CHECK(tt_attrib_scan(rec, n_rec, idx, n_idx, &tn, &tl, keys, 3, TT_AS_NAME_NEXT, ctype, got, &a) == TT_OK);
        CHECK(a == w);
        CHECK(memcmp(got, want, a * sizeof got[0]) == 0);
        /* in place, as the binding calls it */
        size_t b = 0;
        static size_t again[MAX_RECS];
        memcpy(again, idx, n_idx * sizeof idx[0]);
        CHECK(tt_attrib_scan(rec, n_rec, again, n_idx, &tn, &tl, keys, 3, TT_AS_NAME_NEXT, ctype, again, &b) == TT_OK);
        CHECK(b == a && memcmp(again, want, b * sizeof again[0]) == 0);
        tt_offbuf lines = {0};
        CHECK(tt_attrib_dateline_lines(&tn, ctype, &lines) == TT_OK);
        CHECK(lines.n == n_date);
        for (size_t i = 0; i < n_date; i++)
            CHECK(lines.v[i] == want_lines[i]);
        tt_offbuf_free(&lines);
        CHECK(tt_attrib_credit_lines(&tn, k_credit, ctype, &lines) == TT_OK);
        static size_t want_credit[MAX_TEXT + 1];
        size_t n_credit = ref_credit_lines(k_credit, want_credit);
        CHECK(lines.n == n_credit);
        for (size_t i = 0; i < n_credit; i++)
            CHECK(lines.v[i] == want_credit[i]);
        tt_offbuf_free(&lines);
        /* a text of another length is refused */
        tt_as_text shorter = tl;
        shorter.n = n - 1;
        CHECK(tt_attrib_scan(rec, n_rec, idx, n_idx, &tn, &shorter, keys, 3, TT_AS_NAME_NEXT, ctype, got, &b)
              == TT_EINVAL);
    }
    return 0;
}
