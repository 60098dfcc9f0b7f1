/* libFuzzer target for core/arg_attach.c: a document of fuzzed text, entities, sentences and
 * cue records, and fuzzed triggers (offsets past the text too); the answers must name only
 * the document's entities, fit the scratch, and read no memory outside what was given.
 *
 * Fuzz bytes: the first half is text (fuzz_input.h, classes of fuzz_win_class.h); the second
 * half gives, one byte at a time, the counts, spans and flags of everything else.
 * Build and run: make fuzz-build && build/fuzz/fuzz_arg_attach -max_total_time=30 */
#include <stdlib.h>
#include <string.h>

#include "../core/arg_attach.h"
#include "../core/word_window.h"
#include "fuzz_check.h"
#include "fuzz_input.h"
#include "fuzz_win_class.h"

#define MAX_TEXT 1024
#define MAX_ENT 32
#define MAX_SENT 8
#define MAX_REC 16

typedef struct {
    const uint8_t *p;
    size_t n, at;
} reader;

static size_t next(reader *r)
{
    return r->at < r->n ? r->p[r->at++] : 0;
}

static void sort_records(tt_cue_rec *rec, size_t n)
{
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && (rec[j].start < rec[j - 1].start
                                     || (rec[j].start == rec[j - 1].start && rec[j].end < rec[j - 1].end)); j--) {
            tt_cue_rec t = rec[j];
            rec[j] = rec[j - 1];
            rec[j - 1] = t;
        }
}

static size_t records(reader *r, size_t n, tt_cue_rec *rec)
{
    size_t k = next(r) % MAX_REC;
    for (size_t i = 0; i < k; i++) {
        size_t s = next(r) % (n + 1), e = s + next(r) % 6;
        rec[i].start = (uint32_t)s;
        rec[i].end = (uint32_t)(e < n ? e : n);
        rec[i].value = 0;
        rec[i].token = (uint32_t)i;
        rec[i].flags = (uint32_t)(next(r) & 7);
    }
    sort_records(rec, k);
    return k;
}

static const tt_cp WORD_CP[] = {'b', 'i', 'd', 'o', 's', 'u', 'c', 'a', 'c'};
static const size_t VOICE_OFF[] = {0, 2, 4}, AGENT_OFF[] = {2, 4}, NOMINAL_OFF[] = {4, 6}, DET_OFF[] = {6, 9};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint32_t cp[MAX_TEXT];
    static uint8_t cls[MAX_TEXT];
    static size_t ent_start[MAX_ENT], ent_end[MAX_ENT], sent_start[MAX_SENT], sent_end[MAX_SENT];
    static uint8_t ent_flags[MAX_ENT];
    static tt_cue_rec loc[MAX_REC], bnd[MAX_REC];
    size_t half = size / 2;
    size_t n = fuzz_text(data, half, cp, MAX_TEXT);
    for (size_t i = 0; i < n; i++) {
        cls[i] = fuzz_win_class(cp[i]);
        if ((cls[i] & TT_WIN_WORD) && cp[i] != '_')
            cls[i] |= TT_ARG_ALNUM;
    }
    reader r = {data + half, size - half, 0};

    size_t n_ent = next(&r) % MAX_ENT;
    for (size_t i = 0; i < n_ent; i++) {
        size_t s = next(&r) % (n + 1), e = s + next(&r) % 12;
        ent_start[i] = s;
        ent_end[i] = e < n ? e : n;
        ent_flags[i] = (uint8_t)(next(&r) & 7);
    }
    for (size_t i = 1; i < n_ent; i++) /* by start, then longest first */
        for (size_t j = i; j > 0 && (ent_start[j] < ent_start[j - 1]
                                     || (ent_start[j] == ent_start[j - 1] && ent_end[j] > ent_end[j - 1])); j--) {
            size_t s = ent_start[j], e = ent_end[j];
            uint8_t f = ent_flags[j];
            ent_start[j] = ent_start[j - 1];
            ent_end[j] = ent_end[j - 1];
            ent_flags[j] = ent_flags[j - 1];
            ent_start[j - 1] = s;
            ent_end[j - 1] = e;
            ent_flags[j - 1] = f;
        }
    size_t n_sent = 1 + next(&r) % MAX_SENT;
    sent_start[0] = next(&r) % (n + 1);
    for (size_t k = 1; k < n_sent; k++) {
        size_t s = sent_start[k - 1] + next(&r) % 40;
        sent_start[k] = s < n ? s : n;
    }
    for (size_t k = 0; k < n_sent; k++)
        sent_end[k] = k + 1 < n_sent ? sent_start[k + 1] : n;

    tt_arg_doc doc = {cp, cls, n, ent_start, ent_end, ent_flags, n_ent, sent_start, sent_end, n_sent,
                      loc, bnd, 0, 0, {{0}}};
    doc.n_loc = records(&r, n, loc);
    doc.n_bnd = records(&r, n, bnd);
    doc.words[TT_ARG_VOICE] = (tt_arg_words){WORD_CP, VOICE_OFF, 2};
    doc.words[TT_ARG_AGENT] = (tt_arg_words){WORD_CP, AGENT_OFF, 1};
    doc.words[TT_ARG_NOMINAL] = (tt_arg_words){WORD_CP, NOMINAL_OFF, 1};
    doc.words[TT_ARG_DETERMINERS] = (tt_arg_words){WORD_CP, DET_OFF, 1};

    tt_arg_scratch s;
    CHECK(tt_arg_scratch_init(&s, &doc) == 0);
    size_t n_hits = 1 + next(&r) % 4;
    for (size_t i = 0; i < n_hits; i++) {
        tt_arg_hit h;
        h.sentence = next(&r) % n_sent;
        h.start = next(&r) % (n + 8);
        h.end = h.start + next(&r) % 10;
        h.reach = h.end + next(&r) % 20;
        h.prev_end = next(&r) % (n + 8);
        h.next_start = next(&r) % (n + 8);
        h.flags = (unsigned)(next(&r) & 7);
        tt_arg_result res;
        tt_arg_attach(&doc, &h, &s, &res);
        CHECK(res.left <= n && res.right <= n);
        CHECK(res.n_actors <= 2 * n_ent && res.n_recipients <= 2 * n_ent);
        for (size_t k = 0; k < res.n_actors; k++)
            CHECK(res.actors[k] < n_ent && (ent_flags[res.actors[k]] & TT_ARG_PARTICIPANT));
        for (size_t k = 0; k < res.n_recipients; k++)
            CHECK(res.recipients[k] < n_ent && (ent_flags[res.recipients[k]] & TT_ARG_PARTICIPANT));
        CHECK(res.location < (ptrdiff_t)n_ent);
        CHECK(res.location < 0 || (ent_flags[res.location] & TT_ARG_PLACE));
        CHECK(!res.borrowed || res.n_actors > 0);
        CHECK(!res.near || res.n_recipients > 0);
    }
    tt_arg_scratch_free(&s);
    return 0;
}
