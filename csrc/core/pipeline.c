#include "pipeline.h"

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
}

tt_status tt_doc_run(tt_doc *d, const tt_cp *in, size_t n, const tt_norm_opts *opts)
{
    tt_status st;
    d->norm.n = d->map.n = d->tokens.n = d->sent.n = 0;
    if ((st = tt_normalize(in, n, opts, &d->norm, &d->map, NULL)) != TT_OK)
        return st;
    if ((st = tt_tokenize(d->norm.v, d->norm.n, &d->tokens)) != TT_OK)
        return st;
    return tt_sentences(d->norm.v, d->norm.n, d->tokens.v, d->tokens.n, &d->sent);
}
