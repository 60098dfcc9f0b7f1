/* Character classes as Python's regular expressions over str see them (\w, \s, \d), for the
 * C passes that replace such expressions and must agree with them exactly. ASCII is decided
 * here; above it the caller's classifier answers (the binding passes CPython's own tables),
 * so the core holds no Unicode tables of its own. */
#ifndef TT_RE_CLASS_H
#define TT_RE_CLASS_H

#include "tt_base.h"

enum {
    TT_TX_WORD = 1u << 0,    /* \w */
    TT_TX_SPACE = 1u << 1,   /* \s */
    TT_TX_DECIMAL = 1u << 2, /* \d */
    TT_TX_ALNUM = 1u << 3    /* str.isalnum() of one character: \w but "_" */
};

/* The classes (TT_TX_*) of a code point above 0x7F. */
typedef unsigned (*tt_tx_ctype)(tt_cp c);

/* The entry checks of a pass over a whole text that fills hits: TT_EINVAL or TT_ETOOLONG, else
 * TT_OK with hits emptied. */
static inline tt_status tt_tx_scan_begin(const tt_cp *text, size_t n, tt_tx_ctype ctype, tt_offbuf *hits)
{
    if ((text == NULL && n > 0) || ctype == NULL || hits == NULL)
        return TT_EINVAL;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    hits->n = 0;
    return TT_OK;
}

/* The classes of c: ASCII by the rules of re, the rest from ctype. */
static inline unsigned tt_re_class(tt_cp c, tt_tx_ctype ctype)
{
    if (c >= 0x80)
        return ctype(c);
    if (c >= '0' && c <= '9')
        return TT_TX_WORD | TT_TX_DECIMAL | TT_TX_ALNUM;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return TT_TX_WORD | TT_TX_ALNUM;
    if (c == '_')
        return TT_TX_WORD;
    if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20))
        return TT_TX_SPACE;
    return 0;
}

#endif
