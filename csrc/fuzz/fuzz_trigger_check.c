/* libFuzzer target for core/trigger_check.c: a small fixed table (a few ASCII words in every
 * phrase class, rows with and without needs) against fuzzed text, entities, excluded spans,
 * sentence starts and candidates; checks that bad candidates are refused and that what
 * survives is a valid answer: in order, a row of its phrase, its sentence, never a phrase
 * that starts inside a word or inside an entity or excluded span that covers it.
 *
 * The sentence checks (tt_tc_sentences) then run over the survivors with a veto and a
 * hypothetical phrase placed by the text's length: what they keep is a subsequence of them
 * in which none starts inside the one before; the words before each lie before it.
 *
 * Fuzz bytes: the first gives the number of candidates (3 bytes each: value, start, length)
 * and of entities (2 bytes each: start, length); the rest is text (fuzz_input.h).
 * Build and run: make fuzz-build && build/fuzz/fuzz_trigger_check -max_total_time=30 */
#include <stdlib.h>
#include <string.h>

#include "../core/trigger_check.h"
#include "../core/word_window.h"
#include "fuzz_check.h"
#include "fuzz_input.h"
#include "fuzz_win_class.h"

#define MAX_TEXT 1024
#define MAX_CAND 16
#define MAX_ENT 8

static uint32_t word(tt_tc_table *t, const char *w, int det)
{
    tt_cp cp[16];
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++)
        cp[i] = (unsigned char)w[i];
    uint32_t id = 0;
    CHECK(tt_tc_add_word(t, cp, n, det, &id) == TT_OK && id > 0);
    return id;
}

static tt_tc_table *table(void)
{
    tt_tc_table *t = tt_tc_new(8, 10, 4);
    CHECK(t != NULL);
    uint32_t x = word(t, "x", 0), y = word(t, "y", 0), z = word(t, "z", 0), at = word(t, "at", 0);
    uint32_t on = word(t, "on", 0);
    word(t, "the", 1);
    uint32_t p[3];
    p[0] = x, p[1] = y;
    CHECK(tt_tc_add_phrase(t, TT_TC_BLOCK_BEFORE, p, 2, 1u << 0) == TT_OK);
    CHECK(tt_tc_add_phrase(t, TT_TC_BLOCK_SCOPE, &z, 1, TT_TC_ANY_TYPE) == TT_OK);
    CHECK(tt_tc_add_phrase(t, TT_TC_BLOCK_AFTER, &y, 1, 1u << 2) == TT_OK);
    CHECK(tt_tc_add_phrase(t, TT_TC_SETTING, &at, 1, TT_TC_ANY_TYPE) == TT_OK);
    p[0] = on, p[1] = x;
    CHECK(tt_tc_add_phrase(t, TT_TC_TOPIC, p, 2, TT_TC_ANY_TYPE) == TT_OK);
    /* degree phrases before a blocker after the trigger: "on", "x z" */
    CHECK(tt_tc_add_phrase(t, TT_TC_DEGREE, &on, 1, TT_TC_ANY_TYPE) == TT_OK);
    p[0] = x, p[1] = z;
    CHECK(tt_tc_add_phrase(t, TT_TC_DEGREE, p, 2, TT_TC_ANY_TYPE) == TT_OK);
    p[0] = y, p[1] = z, p[2] = y;
    CHECK(tt_tc_add_phrase(t, TT_TC_NEEDS, p, 3, TT_TC_ANY_TYPE) == TT_OK);
    CHECK(tt_tc_add_phrase(t, TT_TC_NEEDS, &x, 1, TT_TC_ANY_TYPE) == TT_OK);
    tt_tc_row r0[] = {{-1, 0, 0}}, r1[] = {{TT_TC_NEEDS, 4, 1}, {-1, 0, 2}}, r2[] = {{TT_TC_NEEDS, 8, 3}};
    CHECK(tt_tc_set_rows(t, 0, r0, 1) == TT_OK);
    CHECK(tt_tc_set_rows(t, 1, r1, 2) == TT_OK);
    CHECK(tt_tc_set_rows(t, 2, r2, 1) == TT_OK);
    return t;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_tc_table *t;
    static uint32_t cp[MAX_TEXT];
    static uint8_t cls[MAX_TEXT];
    static tt_tc_cand cand[MAX_CAND];
    static tt_tc_out out[MAX_CAND];
    static uint32_t es[MAX_ENT], ee[MAX_ENT], excl[2], sent[4];
    if (t == NULL)
        t = table();
    if (size < 1)
        return 0;
    size_t nc = data[0] % (MAX_CAND + 1), ne = (data[0] >> 4) % (MAX_ENT + 1);
    size_t head = 1 + 3 * nc + 2 * ne;
    if (size < head)
        return 0;
    size_t n = fuzz_text(data + head, size - head, cp, MAX_TEXT);
    for (size_t i = 0; i < n; i++)
        cls[i] = fuzz_win_class(cp[i]);
    int bad = 0;
    for (size_t c = 0; c < nc; c++) {
        const uint8_t *b = data + 1 + 3 * c;
        cand[c] = (tt_tc_cand){b[0] % 4, b[1], (uint32_t)b[1] + b[2] % 12};
        bad |= cand[c].value == 3 || cand[c].end > n;
    }
    /* entities sorted by start (then longest first), as the caller gives them */
    for (size_t k = 0; k < ne; k++) {
        const uint8_t *b = data + 1 + 3 * nc + 2 * k;
        es[k] = b[0];
        ee[k] = (uint32_t)b[0] + b[1] % 20;
    }
    for (size_t a = 1; a < ne; a++)
        for (size_t j = a; j > 0 && (es[j - 1] > es[j] || (es[j - 1] == es[j] && ee[j - 1] < ee[j])); j--) {
            uint32_t s = es[j], e = ee[j];
            es[j] = es[j - 1], ee[j] = ee[j - 1];
            es[j - 1] = s, ee[j - 1] = e;
        }
    excl[0] = (uint32_t)(n / 3), excl[1] = (uint32_t)(n / 2);
    sent[0] = 0, sent[1] = (uint32_t)(n / 4), sent[2] = (uint32_t)(n / 2), sent[3] = (uint32_t)n;
    tt_tc_doc doc = {cp, cls, n, es, ee, ne, excl, 1, sent, 4};
    size_t got = 99;
    tt_status st = tt_tc_check(t, &doc, cand, nc, out, &got);
    if (bad) {
        CHECK(st == TT_EINVAL);
        return 0;
    }
    CHECK(st == TT_OK && got <= nc);
    for (size_t k = 0; k < got; k++) {
        const tt_tc_cand *c = &cand[out[k].cand];
        CHECK(out[k].cand < nc && (k == 0 || out[k].cand > out[k - 1].cand));
        CHECK(out[k].row < (c->value == 1 ? 2u : 1u) && out[k].sentence < 4);
        /* the last sentence that starts at or before it */
        CHECK(sent[out[k].sentence] <= c->start && (out[k].sentence == 3 || c->start < sent[out[k].sentence + 1]));
        CHECK(c->start == 0 || !(cls[c->start - 1] & TT_WIN_WORD));
        CHECK(!(excl[0] <= c->start && c->end <= excl[1]));
        /* no covering entity among the last four that start at or before it */
        size_t lo = 0;
        while (lo < ne && es[lo] <= c->start)
            lo++;
        for (size_t j = lo > 4 ? lo - 4 : 0; j < lo; j++)
            CHECK(!(c->end <= ee[j]));
        CHECK(c->value != 2 || out[k].row == 0);
    }
    /* a veto of type 1 over the second quarter, a hypothetical in the third */
    static const uint32_t veto_types[2] = {1u << 1, TT_TC_ANY_TYPE};
    static const uint8_t alnum[1] = {0};
    tt_cue_rec veto = {(uint32_t)(n / 4), (uint32_t)(n / 4 + 1), (uint32_t)(n & 1), 0, 0};
    tt_cue_rec hyp = {(uint32_t)(n / 2 + 1), (uint32_t)(n / 2 + 2), 0, 0, 0};
    tt_tc_facts f = {&veto, n > 0, alnum, veto_types, 2, &hyp, n > 0, alnum};
    size_t scratch[1], before = got;
    tt_tc_out kept[MAX_CAND];
    memcpy(kept, out, got * sizeof *out);
    CHECK(tt_tc_sentences(t, &doc, cand, &f, scratch, kept, &got) == TT_OK && got <= before);
    size_t j = 0;
    for (size_t k = 0; k < got; k++) {
        while (j < before && out[j].cand != kept[k].cand)
            j++;
        CHECK(j < before); /* a subsequence, in order */
        CHECK(k == 0 || cand[kept[k].cand].start >= cand[kept[k - 1].cand].end);
        tt_win_word words[8 * 16 + 1];
        size_t nw = tt_tc_words_before(t, &doc, cand[kept[k].cand].start, words);
        CHECK(nw <= 8);
        for (size_t w = 0; w < nw; w++)
            CHECK(words[w].start < words[w].end && words[w].end <= cand[kept[k].cand].start
                  && (w == 0 || words[w - 1].end < words[w].start));
    }
    return 0;
}
