/* Tokens: what the tokenizer produces and every later stage (sentences, segmentation,
 * matching) consumes. Offsets index the text the tokenizer was given (normalized text);
 * the pipeline maps them back to the caller's original text at the very end. */
#ifndef TT_TOKEN_H
#define TT_TOKEN_H

#include "tt_base.h"

typedef enum {
    TT_TOK_WORD = 1, /* a syllable or other run of letters (any script) */
    TT_TOK_NUMBER,   /* 30.000  2,5  15/19 (a ratio)  20%  */
    TT_TOK_DATE,     /* 23/10  11-12/10  2/1988  23/10/2020  20h  8h30 */
    TT_TOK_PUNCT,
    TT_TOK_SYMBOL,   /* emoji, currency, math and anything else */
    TT_TOK_URL,
    TT_TOK_EMAIL
} tt_tok_kind;

/* Shape flags of a token, set by the tokenizer for the stages after it. */
enum {
    TT_TF_UPPER_INITIAL = 1 << 0, /* first letter is upper case ("Hà") */
    TT_TF_ALL_UPPER = 1 << 1,     /* every letter upper case, at least two letters ("TTXVN") */
    TT_TF_VIET = 1 << 2,          /* a well-formed Vietnamese syllable */
    TT_TF_DIACRITIC = 1 << 3,     /* carries a Vietnamese diacritic */
    TT_TF_SPACE_BEFORE = 1 << 4,  /* preceded by whitespace (or starts the text) */
    TT_TF_NEWLINE_BEFORE = 1 << 5,/* a line break lies between it and the previous token */
    TT_TF_ABBREV = 1 << 6         /* an abbreviation whose final period is part of it ("TS.") */
};

typedef struct {
    tt_off start, end; /* [start, end) in the tokenized text */
    uint8_t kind;      /* tt_tok_kind */
    uint8_t flags;     /* TT_TF_* */
} tt_token;

#endif
