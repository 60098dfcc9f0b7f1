/* Phrase scans over the records of one cue group (cue_find.h). */
#include "cue_find.h"

/* The first record whose start is at least pos (records are sorted by start). */
static size_t first_from(const tt_cue_rec *rec, size_t n, size_t pos)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rec[mid].start < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t tt_cue_find(const tt_cue_rec *rec, size_t n, size_t start, size_t end, int word_start, size_t *out)
{
    size_t got = 0;
    size_t pos = start;
    size_t i = first_from(rec, n, start);
    while (i < n && rec[i].start < end) {
        size_t s = rec[i].start;
        /* the records that start here, by end */
        size_t j = i;
        while (j < n && rec[j].start == s)
            j++;
        if (s >= pos && !(word_start && (rec[i].flags & TT_CUE_REC_WORD_BEFORE))) {
            size_t best = n;
            for (size_t r = i; r < j && rec[r].end <= end; r++)
                if (rec[r].end == end || !(rec[r].flags & TT_CUE_REC_WORD_AFTER))
                    best = r;
            if (best < n) {
                out[got++] = best;
                pos = rec[best].end;
            }
        }
        i = j;
    }
    return got;
}

size_t tt_cue_longest(const tt_cue_rec *rec, size_t n, size_t *out)
{
    size_t got = 0;
    size_t best = n;
    for (size_t i = 0; i < n; i++) {
        if (rec[i].flags & TT_CUE_REC_WORD_AFTER)
            continue;
        if (best < n && rec[best].token != rec[i].token)
            out[got++] = best;
        best = i; /* by start, then end: the last one kept at a token is the longest */
    }
    if (best < n)
        out[got++] = best;
    return got;
}
