/* What the fuzz targets that build text from written phrases share: the phrases' UTF-8
 * literals as code points, and an independent classifier for \w, \s and \d (ICU's tables,
 * not CPython's) to hand the passes that take one. */
#ifndef TT_FUZZ_PHRASES_H
#define TT_FUZZ_PHRASES_H

#include <stddef.h>
#include <unicode/uchar.h>

#include "../core/re_class.h"

/* Decode the well-formed UTF-8 literal s (at most three bytes a character) into out, at most
 * cap code points; returns how many. */
static inline size_t fuzz_utf8(const char *s, tt_cp *out, size_t cap)
{
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < cap) {
        tt_cp c;
        if (*p < 0x80)
            c = *p++;
        else if ((*p & 0xE0) == 0xC0) {
            c = (tt_cp)(*p & 0x1F) << 6 | (p[1] & 0x3F);
            p += 2;
        } else {
            c = (tt_cp)(*p & 0x0F) << 12 | (tt_cp)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
            p += 3;
        }
        out[n++] = c;
    }
    return n;
}

static inline unsigned fuzz_re_ctype(tt_cp c)
{
    unsigned f = 0;
    if (c > 0x10FFFF)
        return 0;
    if (u_isalnum((UChar32)c))
        f |= TT_TX_WORD | TT_TX_ALNUM;
    if (u_isUWhiteSpace((UChar32)c))
        f |= TT_TX_SPACE;
    if (u_isdigit((UChar32)c))
        f |= TT_TX_DECIMAL;
    return f;
}

#endif
