/* The classes the word-window passes are handed (TT_WIN_*), decided here by a small rule
 * of our own over the fuzz table's characters, so that the targets do not lean on the
 * binding's tables. Shared by the word-window and trigger-check targets. */
#ifndef TT_FUZZ_WIN_CLASS_H
#define TT_FUZZ_WIN_CLASS_H

#include <stdint.h>

#include "../core/word_window.h"

static inline uint8_t fuzz_win_class(uint32_t c)
{
    if (c == ' ' || (c >= '\t' && c <= '\r') || c == 0x00A0 || c == 0x2009 || c == 0x3000 || c == 0x2028 || c == 0x0085)
        return TT_WIN_SPACE;
    if (c >= '0' && c <= '9')
        return TT_WIN_WORD | TT_WIN_DIGIT;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= 0x00C0 && c <= 0x1EF9 && c != 0x00D7))
        return TT_WIN_WORD;
    return 0;
}

#endif
