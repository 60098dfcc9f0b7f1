#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

void tt_doc_init(tt_doc *d)
{
    memset(d, 0, sizeof *d);
}

void tt_doc_free(tt_doc *d)
{
    tt_cpbuf_free(&d->norm);
    tt_offbuf_free(&d->map);
    tt_tokbuf_free(&d->tokens);
    tt_offbuf_free(&d->sent);
    free(d->joins);
    d->joins = NULL;
    d->joins_cap = 0;
    tt_offbuf_free(&d->words);
    tt_seg_scratch_free(&d->scratch);
}

/* "Nagorno-Karabakh", "COVID-19", "U-crai-na": a hyphen written tight between two word or
 * number tokens joins them into one word, whatever the model says. */
static void join_hyphens(const tt_doc *d, uint8_t *joins)
{
    const tt_token *t = d->tokens.v;
    for (size_t i = 1; i + 1 < d->tokens.n; i++) {
        if (t[i].kind != TT_TOK_PUNCT || t[i].end - t[i].start != 1 || d->norm.v[t[i].start] != '-')
            continue;
        if ((t[i].flags | t[i + 1].flags) & TT_TF_SPACE_BEFORE)
            continue;
        int left = t[i - 1].kind == TT_TOK_WORD || t[i - 1].kind == TT_TOK_NUMBER;
        int right = t[i + 1].kind == TT_TOK_WORD || t[i + 1].kind == TT_TOK_NUMBER;
        if (left && right)
            joins[i - 1] = joins[i] = 1;
    }
}

tt_status tt_doc_run(tt_doc *d, const tt_cp *in, size_t n, const tt_norm_opts *opts, const tt_segmenter *seg)
{
    tt_status st;
    d->norm.n = d->map.n = d->tokens.n = d->sent.n = d->words.n = 0;
    if ((st = tt_normalize(in, n, opts, &d->norm, &d->map, &d->changed)) != TT_OK)
        return st;
    if ((st = tt_tokenize(d->norm.v, d->norm.n, &d->tokens)) != TT_OK)
        return st;
    if ((st = tt_sentences(d->norm.v, d->norm.n, d->tokens.v, d->tokens.n, &d->sent)) != TT_OK)
        return st;
    size_t nt = d->tokens.n;
    if ((st = tt_grow((void **)&d->joins, &d->joins_cap, 0, nt + 1, 1)) != TT_OK)
        return st;
    memset(d->joins, 0, nt + 1);
    if (seg != NULL && nt > 1
        && (st = tt_segment_tokens(seg, d->norm.v, d->norm.n, d->tokens.v, nt, d->joins, &d->scratch)) != TT_OK)
        return st;
    join_hyphens(d, d->joins);
    /* a word never runs across a sentence boundary */
    for (size_t k = 1; k < d->sent.n; k++)
        d->joins[d->sent.v[k] - 1] = 0;
    if ((st = tt_offbuf_reserve(&d->words, nt)) != TT_OK)
        return st;
    for (size_t i = 0; i < nt; i++)
        if (i == 0 || !d->joins[i - 1])
            d->words.v[d->words.n++] = (tt_off)i;
    return TT_OK;
}
