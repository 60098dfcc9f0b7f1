/* libFuzzer target for core/cue_find.c: the phrase scans against slow references that follow
 * tintuc.cuelex's Python reading of the hits (group by start offset, then walk the groups).
 *
 * Fuzz bytes make a document of tokens (token k spans [3k, 3k + 2)) and a sorted list of
 * records (a first token, a length in tokens, word flags), then ranges to scan. Checked for
 * every range, with and without word_start: the same records in the same order, each inside
 * the range and after the one before it.
 * Build and run: make fuzz-build && build/fuzz/fuzz_cue_find -max_total_time=30 */
#include <stdlib.h>
#include <string.h>

#include "../core/cue_find.h"
#include "fuzz_check.h"

#define MAX_RECS 256

static int by_token_then_end(const void *x, const void *y)
{
    const tt_cue_rec *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->value < b->value ? -1 : a->value > b->value;
}

static size_t ref_find(const tt_cue_rec *rec, size_t n, size_t start, size_t end, int word_start, size_t *out)
{
    size_t got = 0, pos = start;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && rec[j].start == rec[i].start)
            j++;
        size_t s = rec[i].start;
        if (s >= start && s < end && s >= pos && !(word_start && (rec[i].flags & TT_CUE_REC_WORD_BEFORE))) {
            long best = -1;
            for (size_t r = i; r < j; r++) {
                if (rec[r].end > end)
                    break;
                if (rec[r].end == end || !(rec[r].flags & TT_CUE_REC_WORD_AFTER))
                    best = (long)r;
            }
            if (best >= 0) {
                out[got++] = (size_t)best;
                pos = rec[best].end;
            }
        }
        i = j;
    }
    return got;
}

static size_t ref_longest(const tt_cue_rec *rec, size_t n, size_t *out)
{
    size_t got = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && rec[j].token == rec[i].token)
            j++;
        long best = -1;
        for (size_t r = i; r < j; r++)
            if (!(rec[r].flags & TT_CUE_REC_WORD_AFTER))
                best = (long)r;
        if (best >= 0)
            out[got++] = (size_t)best;
        i = j;
    }
    return got;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cue_rec rec[MAX_RECS];
    static size_t got[MAX_RECS], want[MAX_RECS];
    if (size < 1)
        return 0;
    size_t n = data[0] % (MAX_RECS / 4 + 1);
    size_t used = 1;
    if (size < used + 3 * n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const uint8_t *b = data + used + 3 * i;
        uint32_t a = b[0] % 40, len = 1 + b[1] % 4;
        /* the "word before" flag is the text's: one value per first token */
        uint32_t before = (a * 7u) % 3u == 0 ? TT_CUE_REC_WORD_BEFORE : 0;
        rec[i].token = a;
        rec[i].start = 3 * a;
        rec[i].end = 3 * (a + len - 1) + 2;
        rec[i].value = b[2];
        rec[i].flags = before | ((b[2] & 1) ? TT_CUE_REC_WORD_AFTER : 0) | ((b[2] & 2) ? TT_CUE_REC_ON_WORDS : 0);
    }
    used += 3 * n;
    qsort(rec, n, sizeof rec[0], by_token_then_end);

    size_t a = tt_cue_longest(rec, n, got);
    size_t b = ref_longest(rec, n, want);
    CHECK(a == b);
    CHECK(memcmp(got, want, a * sizeof got[0]) == 0);

    for (size_t q = used; q + 1 < size; q += 2) {
        size_t start = data[q] % 130, end = data[q + 1] % 130;
        for (int ws = 0; ws < 2; ws++) {
            a = tt_cue_find(rec, n, start, end, ws, got);
            b = ref_find(rec, n, start, end, ws, want);
            CHECK(a == b);
            CHECK(memcmp(got, want, a * sizeof got[0]) == 0);
            for (size_t k = 0; k < a; k++) {
                CHECK(rec[got[k]].start >= start && rec[got[k]].end <= end);
                CHECK(k == 0 || rec[got[k]].start >= rec[got[k - 1]].end);
            }
        }
    }
    return 0;
}
