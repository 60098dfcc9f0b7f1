/* Reading the reported phrases of one cue group (cues.h) as a regular expression of them
 * would find them in a text: the event rules' two ways of asking (tintuc.cuelex).
 *
 * The caller turns each tt_cue_hit into a record with the offsets of its first and last
 * tokens and whether a word character (a letter, a digit or "_") stands right before it and
 * right after it in the text; records come in the order of the hits (by start, then end). */
#ifndef TT_CUE_FIND_H
#define TT_CUE_FIND_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t start, end; /* offsets in the text */
    uint32_t value;      /* the hit's value: which phrase */
    uint32_t token;      /* the hit's first token */
    uint32_t flags;      /* TT_CUE_REC_* */
} tt_cue_rec;

enum {
    TT_CUE_REC_WORD_BEFORE = 1u << 0, /* a word character stands right before start */
    TT_CUE_REC_WORD_AFTER = 1u << 1,  /* a word character stands at end */
    TT_CUE_REC_ON_WORDS = 1u << 2     /* the hit begins and ends on the segmenter's word boundaries */
};

/* What a scan of [start, end) finds, left to right: at each start offset the longest phrase
 * that ends at `end` or before a non-word character (and, with word_start, that follows no
 * word character), the next looked for after its end. Writes the indexes of the records
 * found to out (room for n) and returns their number. */
size_t tt_cue_find(const tt_cue_rec *rec, size_t n, size_t start, size_t end, int word_start, size_t *out);

/* For each first token where some start, the longest record that no word character follows,
 * in text order: what a scan of the whole text finds at each place. Writes indexes to out
 * (room for n); returns their number. */
size_t tt_cue_longest(const tt_cue_rec *rec, size_t n, size_t *out);

#endif
