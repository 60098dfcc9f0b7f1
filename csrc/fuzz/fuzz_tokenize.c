/* libFuzzer target for core/tokenize.c and core/pipeline.c:
 *  - tokens are non-empty, in order, non-overlapping, inside the text;
 *  - every character outside the tokens is whitespace (the tiling property);
 *  - sentence starts are strictly increasing token indexes beginning at 0;
 *  - through the pipeline, every token maps to a non-decreasing original span, and words
 *    are increasing token indexes beginning at 0. */
#include <stdio.h>
#include <stdlib.h>
#include <unicode/uchar.h>

#include "../core/pipeline.h"
#include "fuzz_input.h"
#include "fuzz_check.h"


static int is_space(uint32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028
           || c == 0x2029 || ((c & 0xFFFFF800u) != 0xD800u && c <= 0x10FFFF && u_isUWhiteSpace((UChar32)c));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static uint32_t in[4096];
    size_t n = fuzz_text(data, size, in, 4096);
    tt_tokbuf toks = {0};
    tt_offbuf sent = {0};
    CHECK(tt_tokenize(in, n, &toks) == TT_OK);
    size_t pos = 0;
    for (size_t k = 0; k < toks.n; k++) {
        const tt_token *t = &toks.v[k];
        CHECK(t->start >= pos && t->start < t->end && t->end <= n);
        CHECK(t->kind >= TT_TOK_WORD && t->kind <= TT_TOK_EMAIL);
        for (size_t i = pos; i < t->start; i++)
            CHECK(is_space(in[i]));
        pos = t->end;
    }
    for (size_t i = pos; i < n; i++)
        CHECK(is_space(in[i]));
    CHECK(tt_sentences(in, n, toks.v, toks.n, &sent) == TT_OK);
    CHECK(toks.n == 0 ? sent.n == 0 : sent.n >= 1 && sent.v[0] == 0);
    for (size_t k = 1; k < sent.n; k++)
        CHECK(sent.v[k - 1] < sent.v[k] && sent.v[k] < toks.n);

    tt_doc d;
    tt_norm_opts o = {TT_TONE_HOA, 1};
    tt_doc_init(&d);
    CHECK(tt_doc_run(&d, in, n, &o, NULL) == TT_OK);
    CHECK(d.tokens.n == 0 ? d.words.n == 0 : d.words.n >= 1 && d.words.v[0] == 0);
    for (size_t k = 1; k < d.words.n; k++)
        CHECK(d.words.v[k - 1] < d.words.v[k] && d.words.v[k] < d.tokens.n);
    tt_off last = 0;
    for (size_t k = 0; k < d.tokens.n; k++) {
        tt_off a, b;
        tt_doc_span(&d, d.tokens.v[k].start, d.tokens.v[k].end, &a, &b);
        CHECK(a >= last && a <= b && b <= n);
        last = b;
    }
    tt_doc_free(&d);
    tt_tokbuf_free(&toks);
    tt_offbuf_free(&sent);
    return 0;
}
