/* What the fuzz targets of tintuc.timex's scan and atom readers (fuzz_timex_*.c) share: text
 * made of fuzz bytes (most bytes pick a written piece, the others a character of
 * fuzz_input.h), and the walk that reads an atom at every hit of timex_hits of the kinds a
 * reader takes, then at a few other places. */
#ifndef TT_FUZZ_TIMEX_ATOMS_H
#define TT_FUZZ_TIMEX_ATOMS_H

#include <stddef.h>
#include <stdint.h>

#include "../core/timex_scan.h"
#include "fuzz_check.h"
#include "fuzz_input.h"
#include "fuzz_phrases.h"

/* Fill text (cap code points) from data: a byte below 0xC0 picks one of the npieces pieces,
 * the others a character of fuzz_input.h; returns the length. */
static inline size_t fuzz_pieces_text(const uint8_t *data, size_t size, const char *const *pieces, size_t npieces,
                                      tt_cp *text, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < size && n + 16 < cap; i++) {
        if (data[i] < 0xC0)
            n += fuzz_utf8(pieces[data[i] % npieces], text + n, cap - n);
        else {
            uint8_t c = (uint8_t)(data[i] - 0xC0 + 0x80);
            n += fuzz_text(&c, 1, text + n, cap - n);
        }
    }
    return n;
}

/* Past the spaces ([^\S\n]) from i, stopping at limit. */
static inline size_t fuzz_past_spaces(const tt_cp *text, size_t n, size_t i, size_t limit)
{
    while (i < n && i < limit && text[i] != '\n' && (fuzz_re_ctype(text[i]) & TT_TX_SPACE))
        i++;
    return i;
}

/* Call read(text, n, pos, 1) at every hit of timex_hits whose kind is kind_a or kind_b, then
 * read(text, n, pos, 0) at positions spread over the text and a little past its end. */
static inline void fuzz_read_atoms(const tt_cp *text, size_t n, tt_off kind_a, tt_off kind_b,
                                   void (*read)(const tt_cp *text, size_t n, size_t pos, int at_hit))
{
    tt_offbuf hits = {0};
    CHECK(tt_timex_hits(text, n, fuzz_re_ctype, &hits) == TT_OK);
    for (size_t k = 0; k + 1 < hits.n; k += 2)
        if (hits.v[k + 1] == kind_a || hits.v[k + 1] == kind_b)
            read(text, n, hits.v[k], 1);
    for (size_t pos = 0; pos <= n + 1; pos += 1 + pos % 5)
        read(text, n, pos, 0);
    tt_offbuf_free(&hits);
}

#endif
