/* libFuzzer target for core/word_window.c: the word windows against a slow reference that
 * follows their definition step by step (find the stop, split the whole rest at whitespace,
 * drop a cut word, keep k).
 *
 * Fuzz bytes: the first two give k and the "cut" flag; the rest is text (fuzz_input.h),
 * with the character classes of a small fixed table (ASCII letters, digits, "_" and the
 * table's letters are word characters, ASCII and a few Unicode spaces are spaces). Both
 * windows are checked over the whole text.
 * Build and run: make fuzz-build && build/fuzz/fuzz_word_window -max_total_time=30 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/word_window.h"
#include "fuzz_check.h"
#include "fuzz_input.h"
#include "fuzz_win_class.h"

#define MAX_TEXT 1024

static int ref_stop(const uint32_t *cp, const uint8_t *cls, size_t n, size_t i)
{
    if (cp[i] == '\n')
        return 1;
    if (cp[i] == '.' || cp[i] == '/') {
        int before = i > 0 && (cls[i - 1] & TT_WIN_DIGIT);
        int after = i + 1 < n && (cls[i + 1] & TT_WIN_DIGIT);
        return !before || !after;
    }
    return !(cls[i] & (TT_WIN_WORD | TT_WIN_SPACE)) && cp[i] != '-';
}

/* All whitespace-separated parts of [from, to). */
static size_t ref_split(const uint8_t *cls, size_t from, size_t to, tt_win_word *parts)
{
    size_t np = 0;
    for (size_t i = from; i < to;) {
        if (cls[i] & TT_WIN_SPACE) {
            i++;
            continue;
        }
        size_t s = i;
        while (i < to && !(cls[i] & TT_WIN_SPACE))
            i++;
        parts[np].start = s;
        parts[np].end = i;
        np++;
    }
    return np;
}

static size_t ref_before(const uint32_t *cp, const uint8_t *cls, size_t n, int cut, size_t k, tt_win_word *out)
{
    static tt_win_word parts[MAX_TEXT];
    if (n == 0 || !(cls[n - 1] & TT_WIN_SPACE))
        return 0;
    long stop = -1;
    for (size_t i = 0; i < n; i++)
        if (ref_stop(cp, cls, n, i))
            stop = (long)i;
    size_t first = 0;
    size_t np = ref_split(cls, (size_t)(stop + 1), n, parts);
    if (stop < 0 && cut && !(cls[0] & TT_WIN_SPACE) && np > 0)
        first = 1;
    size_t have = np - first;
    size_t take = k < have ? k : have;
    memcpy(out, parts + np - take, take * sizeof *out);
    return take;
}

static size_t ref_after(const uint32_t *cp, const uint8_t *cls, size_t n, int cut, size_t k, tt_win_word *out)
{
    static tt_win_word parts[MAX_TEXT];
    if (n == 0 || !(cls[0] & TT_WIN_SPACE))
        return 0;
    size_t stop = n;
    for (size_t i = n; i-- > 0;)
        if (ref_stop(cp, cls, n, i))
            stop = i;
    size_t np = ref_split(cls, 0, stop, parts);
    if (stop == n && cut && !(cls[n - 1] & TT_WIN_SPACE) && np > 0)
        np--;
    size_t take = k < np ? k : np;
    memcpy(out, parts, take * sizeof *out);
    return take;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint32_t cp[MAX_TEXT];
    static uint8_t cls[MAX_TEXT];
    static tt_win_word got[MAX_TEXT], want[MAX_TEXT];
    if (size < 2)
        return 0;
    size_t k = data[0] % 24;
    int cut = data[1] & 1;
    size_t n = fuzz_text(data + 2, size - 2, cp, MAX_TEXT);
    for (size_t i = 0; i < n; i++)
        cls[i] = fuzz_win_class(cp[i]);

    size_t a = tt_window_before(cp, cls, n, cut, k, got);
    size_t b = ref_before(cp, cls, n, cut, k, want);
    CHECK(a == b);
    CHECK(a <= k);
    for (size_t i = 0; i < a; i++) {
        CHECK(got[i].start == want[i].start && got[i].end == want[i].end);
        CHECK(got[i].start < got[i].end && got[i].end <= n);
    }
    a = tt_window_after(cp, cls, n, cut, k, got);
    b = ref_after(cp, cls, n, cut, k, want);
    CHECK(a == b);
    CHECK(a <= k);
    for (size_t i = 0; i < a; i++) {
        CHECK(got[i].start == want[i].start && got[i].end == want[i].end);
        CHECK(got[i].start < got[i].end && got[i].end <= n);
    }
    return 0;
}
