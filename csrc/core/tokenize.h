/* Tokenization of (normalized) Vietnamese text into syllables, numbers, dates, punctuation,
 * symbols, URLs and e-mail addresses, and the split into sentences.
 *
 * Every character that is not whitespace lies in exactly one token; tokens never overlap
 * and come in text order. Hyphenated names stay separate syllables ("Nagorno", "-",
 * "Karabakh"): joining them into words is the segmenter's business. */
#ifndef TT_TOKENIZE_H
#define TT_TOKENIZE_H

#include "token.h"
#include "tt_base.h"

typedef struct {
    tt_token *v;
    size_t n, cap;
} tt_tokbuf;

void tt_tokbuf_free(tt_tokbuf *b);

/* Append the tokens of s[0, n) to out. */
tt_status tt_tokenize(const tt_cp *s, size_t n, tt_tokbuf *out);

/* Sentence boundaries over tokens t[0, nt) of s: appends to starts the index of the first
 * token of each sentence (starts[0] == 0 when nt > 0). Breaks at line breaks, after . ! ?
 * and ellipses before an upper-case letter, a digit or an opening quote (also when the space
 * is missing: "Nigeria.15/19"), never after abbreviations ("TS.", "TP.HCM") or inside
 * numbers; closing quotes and brackets stay with the sentence they close. */
tt_status tt_sentences(const tt_cp *s, size_t n, const tt_token *t, size_t nt, tt_offbuf *starts);

#endif
