/* Shared types of the tintuc core: code points, offsets, status codes, growable arrays.
 *
 * The core works on UTF-32 (one uint32_t per code point) so that every index it reports
 * is already a Python code-point index; no UTF-16 or UTF-8 offsets ever leave it.
 * Nothing here includes Python.h: the core is plain C over ICU and libc. */
#ifndef TT_BASE_H
#define TT_BASE_H

#include <stddef.h>
#include <stdint.h>

typedef uint32_t tt_cp;  /* one Unicode code point */
typedef uint32_t tt_off; /* an index into a text, in code points */

/* Longest text the core accepts; offsets must fit in tt_off with room for "end". */
#define TT_MAX_LEN ((size_t)UINT32_MAX - 1)

typedef enum {
    TT_OK = 0,
    TT_ENOMEM,   /* an allocation failed */
    TT_EINVAL,   /* bad argument or input the function documents as invalid */
    TT_EICU,     /* an ICU call failed; see the UErrorCode the caller passed */
    TT_EFORMAT,  /* a serialized model or automaton is malformed */
    TT_ETOOLONG  /* the text is longer than TT_MAX_LEN */
} tt_status;

const char *tt_status_message(tt_status st);

/* A growable array of code points. */
typedef struct {
    tt_cp *v;
    size_t n, cap;
} tt_cpbuf;

/* A growable array of offsets. */
typedef struct {
    tt_off *v;
    size_t n, cap;
} tt_offbuf;

void tt_cpbuf_free(tt_cpbuf *b);
tt_status tt_cpbuf_reserve(tt_cpbuf *b, size_t extra);
tt_status tt_cpbuf_push(tt_cpbuf *b, tt_cp c);

void tt_offbuf_free(tt_offbuf *b);
tt_status tt_offbuf_reserve(tt_offbuf *b, size_t extra);
tt_status tt_offbuf_push(tt_offbuf *b, tt_off o);

/* Grow *pv (an array of elem-sized items holding n, with capacity *cap) to hold n + extra. */
tt_status tt_grow(void **pv, size_t *cap, size_t n, size_t extra, size_t elem);

#endif
