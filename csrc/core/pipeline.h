/* One document through the core stages: normalize (with the alignment back to the
 * original), tokenize, split sentences. Later stages (segmentation, matching) add to it.
 * Every stage works on the normalized text; original offsets come from `map`. */
#ifndef TT_PIPELINE_H
#define TT_PIPELINE_H

#include "normalize.h"
#include "tokenize.h"
#include "tt_base.h"

typedef struct {
    tt_cpbuf norm;     /* the normalized text */
    tt_offbuf map;     /* norm index -> original index; norm.n + 1 entries */
    tt_tokbuf tokens;  /* tokens over norm */
    tt_offbuf sent;    /* index of the first token of each sentence */
} tt_doc;

void tt_doc_init(tt_doc *d);
void tt_doc_free(tt_doc *d);

/* Run normalization, tokenization and sentence splitting over in[0, n). */
tt_status tt_doc_run(tt_doc *d, const tt_cp *in, size_t n, const tt_norm_opts *opts);

/* The original span of normalized [start, end). */
static inline void tt_doc_span(const tt_doc *d, tt_off start, tt_off end, tt_off *ostart, tt_off *oend)
{
    *ostart = d->map.v[start];
    *oend = d->map.v[end];
}

#endif
