/* Word segmentation: which adjacent tokens form one word ("Ngoại" + "trưởng").
 *
 * A model (pkg/tintuc/data/segmenter.bin, made by tools/train_segmenter.py, whose docstring
 * documents the format and the features) is loaded once from bytes and is then read-only:
 * any number of threads may decode with it at the same time, each with its own scratch.
 *
 * The decoder looks at each boundary between two tokens and answers join / no join. Only two
 * TT_TOK_WORD tokens on the same line can join (a token flagged TT_TF_NEWLINE_BEFORE starts a
 * new line). Input text is expected NFC (tintuc's normalize output); the tone mark may sit on
 * either vowel of oa/oe/uy ("hòa" or "hoà"): both read the same. Lines without diacritics
 * ("Ha Noi") and lines in capitals ("HÀ NỘI") are detected and read with weights of their own.
 *
 * Typical use (the pipeline):
 *     tt_segmenter *m;  tt_seg_scratch scr = {0};
 *     if (tt_segmenter_load(bytes, len, &m) != TT_OK) ...
 *     st = tt_segment_tokens(m, text, text_len, toks, n, joins, &scr);   // joins: n - 1 bytes
 *     ...
 *     tt_seg_scratch_free(&scr);  tt_segmenter_free(m);
 */
#ifndef TT_SEGMENT_H
#define TT_SEGMENT_H

#include "token.h"
#include "tt_base.h"

typedef struct tt_segmenter tt_segmenter;

/* Load a model from a byte buffer (copied: the caller may free it afterwards). Every field is
 * validated: TT_EFORMAT for anything malformed (wrong magic, version, sizes, checksum, tables
 * too full), TT_ENOMEM when an allocation fails, TT_EINVAL for NULL arguments. On failure
 * *out is NULL. */
tt_status tt_segmenter_load(const void *data, size_t len, tt_segmenter **out);

/* Free a model (NULL is fine). */
void tt_segmenter_free(tt_segmenter *m);

/* Number of feature weights and of dictionary entries in a model (for display). */
size_t tt_segmenter_num_features(const tt_segmenter *m);
size_t tt_segmenter_num_dict_entries(const tt_segmenter *m);

/* Working memory of the decoder, grown to the longest line seen and reused across calls.
 * Start from a zeroed struct; one scratch per thread; free with tt_seg_scratch_free. */
typedef struct {
    void *mem;
    size_t cap; /* tokens it holds */
} tt_seg_scratch;

void tt_seg_scratch_free(tt_seg_scratch *s);

/* One token as the decoder sees it. */
typedef struct {
    const tt_cp *cp; /* its code points (may be NULL when len is 0) */
    size_t len;
    uint8_t kind;  /* tt_tok_kind; anything else counts as a symbol */
    uint8_t flags; /* TT_TF_*; only TT_TF_NEWLINE_BEFORE is used */
} tt_seg_token;

/* Decide the n - 1 boundaries of n tokens: joins[i] = 1 when tokens i and i + 1 belong to one
 * word, else 0 (nothing is written when n < 2). scratch may be NULL (then memory is allocated
 * for this call only). Returns TT_OK, TT_ENOMEM, or TT_EINVAL for NULL arguments. */
tt_status tt_segment(const tt_segmenter *m, const tt_seg_token *toks, size_t n, uint8_t *joins,
                     tt_seg_scratch *scratch);

/* The same over the tokenizer's output: tokens are [start, end) spans of text. TT_EINVAL when
 * a span lies outside the text. */
tt_status tt_segment_tokens(const tt_segmenter *m, const tt_cp *text, size_t text_len,
                            const tt_token *toks, size_t n, uint8_t *joins,
                            tt_seg_scratch *scratch);

/* The kind a lone string gets when no tokenizer classified it (the Python list API uses it):
 * from the general category of its first code point: a letter gives TT_TOK_WORD, an ASCII
 * digit TT_TOK_NUMBER, punctuation TT_TOK_PUNCT, anything else (or nothing) TT_TOK_SYMBOL. */
tt_tok_kind tt_seg_guess_kind(const tt_cp *s, size_t n);

#endif
