/* One document through the core stages: normalize (with the alignment back to the
 * original), tokenize, split sentences, segment words. Every stage works on the normalized
 * text; original offsets come from `map`. */
#ifndef TT_PIPELINE_H
#define TT_PIPELINE_H

#include "normalize.h"
#include "segment.h"
#include "tokenize.h"
#include "tt_base.h"

typedef struct {
    tt_cpbuf norm;     /* the normalized text */
    tt_offbuf map;     /* norm index -> original index; norm.n + 1 entries */
    int changed;       /* norm differs from the original */
    tt_tokbuf tokens;  /* tokens over norm */
    tt_offbuf sent;    /* index of the first token of each sentence */
    uint8_t *joins;    /* joins[i] = 1 when token i + 1 continues the word of token i */
    size_t joins_cap;
    tt_offbuf words;   /* index of the first token of each word */
    tt_seg_scratch scratch;
} tt_doc;

void tt_doc_init(tt_doc *d);
void tt_doc_free(tt_doc *d);

/* Run normalization, tokenization, sentence splitting and (when seg is not NULL) word
 * segmentation over in[0, n). Without a model every token is a word of its own, except that
 * hyphen-joined names ("Nagorno-Karabakh", "COVID-19") are always one word. The doc may be
 * reused: each run starts it over. */
tt_status tt_doc_run(tt_doc *d, const tt_cp *in, size_t n, const tt_norm_opts *opts, const tt_segmenter *seg);

/* The original span of normalized [start, end). */
static inline void tt_doc_span(const tt_doc *d, tt_off start, tt_off end, tt_off *ostart, tt_off *oend)
{
    *ostart = d->map.v[start];
    *oend = d->map.v[end];
}

#endif
