#include "tt_base.h"

#include <stdlib.h>

const char *tt_status_message(tt_status st)
{
    switch (st) {
    case TT_OK: return "ok";
    case TT_ENOMEM: return "out of memory";
    case TT_EINVAL: return "invalid argument";
    case TT_EICU: return "ICU call failed";
    case TT_EFORMAT: return "malformed serialized data";
    case TT_ETOOLONG: return "text too long";
    }
    return "unknown error";
}

tt_status tt_grow(void **pv, size_t *cap, size_t n, size_t extra, size_t elem)
{
    if (extra > SIZE_MAX / elem - n)
        return TT_ENOMEM;
    size_t need = n + extra;
    if (need <= *cap)
        return TT_OK;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c = c > SIZE_MAX / 2 / elem ? need : c * 2;
    void *p = realloc(*pv, c * elem);
    if (p == NULL)
        return TT_ENOMEM;
    *pv = p;
    *cap = c;
    return TT_OK;
}

void tt_cpbuf_free(tt_cpbuf *b)
{
    free(b->v);
    b->v = NULL;
    b->n = b->cap = 0;
}

tt_status tt_cpbuf_reserve(tt_cpbuf *b, size_t extra)
{
    return tt_grow((void **)&b->v, &b->cap, b->n, extra, sizeof *b->v);
}

tt_status tt_cpbuf_push(tt_cpbuf *b, tt_cp c)
{
    if (b->n == b->cap) {
        tt_status st = tt_cpbuf_reserve(b, 1);
        if (st != TT_OK)
            return st;
    }
    b->v[b->n++] = c;
    return TT_OK;
}

void tt_offbuf_free(tt_offbuf *b)
{
    free(b->v);
    b->v = NULL;
    b->n = b->cap = 0;
}

tt_status tt_offbuf_reserve(tt_offbuf *b, size_t extra)
{
    return tt_grow((void **)&b->v, &b->cap, b->n, extra, sizeof *b->v);
}

tt_status tt_offbuf_push(tt_offbuf *b, tt_off o)
{
    if (b->n == b->cap) {
        tt_status st = tt_offbuf_reserve(b, 1);
        if (st != TT_OK)
            return st;
    }
    b->v[b->n++] = o;
    return TT_OK;
}
