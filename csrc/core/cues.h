/* The cue pass: a lexicon of context phrases (trigger words, titles, place cues, ...) matched
 * over the tokens of a document the pipeline has run, so that the rules written in Python
 * read arrays instead of searching text.
 *
 * The lexicon is an automaton (automaton.h) whose entries were added with TT_AC_ANYCASE |
 * TT_AC_EXACT | TT_AC_NOTYPO and these flags of the caller's range:
 *   - TT_CUE_NTOK(n): the phrase has n tokens as written, hyphens included. The automaton
 *     reads a hyphen token like a space; a match over any other number of tokens is dropped,
 *     so that a phrase matches exactly the tokens it is made of, up to case (a phrase must not
 *     begin or end with a hyphen: the matcher would not count it);
 *   - TT_CUE_ROLE(r), r < TT_CUE_MAX_ROLES: every match of the entry marks its tokens in the
 *     role words (below);
 *   - TT_CUE_GROUP(g), 0 < g < TT_CUE_MAX_GROUPS: every match of the entry is reported as a
 *     tt_cue_hit among those of group g (a set of phrases the caller reads together);
 *   - TT_CUE_ONE_LINE: ... only when its tokens stand on one line with whitespace between
 *     them (a phrase as a regular expression "w1[ \t]+w2" would find it).
 * Apart from TT_CUE_ONE_LINE a phrase may run across a line break.
 *
 * The role words: one uint32_t per token, bit r set when a phrase of role r starts at the
 * token, bit TT_CUE_MAX_ROLES + r when one ends there. Rules ask "does a title end right
 * before this name?" with one bit test, and look further only where the answer is yes.
 *
 * Typical use (d is a tt_doc that tt_doc_run has filled):
 *     tt_cue_work w;  tt_cue_work_init(&w);
 *     tt_cue_run(lexicon, d, &w);        // w.roles[0 .. d->tokens.n), w.hits[0 .. w.nhits)
 *     tt_cue_work_free(&w);
 */
#ifndef TT_CUES_H
#define TT_CUES_H

#include "automaton.h"
#include "pipeline.h"
#include "tt_base.h"

#define TT_CUE_MAX_ROLES 16
#define TT_CUE_MAX_GROUPS 32
#define TT_CUE_NTOK_SHIFT TT_AC_USER_SHIFT           /* bits 8-15: tokens of the phrase */
#define TT_CUE_ROLE_SHIFT (TT_AC_USER_SHIFT + 8)      /* bits 16-20: role + 1, 0 for none */
#define TT_CUE_GROUP_SHIFT (TT_AC_USER_SHIFT + 13)    /* bits 21-25: group, 0 for none */
#define TT_CUE_NTOK(n) ((uint32_t)(n) << TT_CUE_NTOK_SHIFT)
#define TT_CUE_ROLE(r) ((uint32_t)((r) + 1) << TT_CUE_ROLE_SHIFT)
#define TT_CUE_GROUP(g) ((uint32_t)(g) << TT_CUE_GROUP_SHIFT)
#define TT_CUE_ONE_LINE (1u << (TT_AC_USER_SHIFT + 18))

/* tt_cue_hit.flags: TT_CUE_WORDS, and the group in bits 8-15 */
enum {
    TT_CUE_WORDS = 1u << 0 /* the match begins and ends on word boundaries of the segmenter */
};

/* A reported match: tokens [tok_start, tok_end) of the document. */
typedef struct {
    uint32_t value; /* the entry's value (its low 32 bits) */
    uint32_t tok_start, tok_end;
    uint32_t flags; /* TT_CUE_WORDS */
} tt_cue_hit;

/* Results and working memory of the pass, reused from one document to the next. */
typedef struct {
    uint32_t *roles; /* one word per token of the last document */
    size_t roles_cap;
    /* the hits of group g are hits[group[g], group[g + 1]), in order of tok_start, then tok_end */
    tt_cue_hit *hits;
    size_t nhits, hits_cap;
    size_t group[TT_CUE_MAX_GROUPS + 1];
    tt_cue_hit *tmp; /* hits in the matcher's order, before they are grouped */
    size_t tmp_cap;
    tt_ac_keyed keyed; /* the document's tokens keyed (tt_cue_run) */
    tt_ac_matchbuf m;
    tt_ac_scratch scr;
} tt_cue_work;

void tt_cue_work_init(tt_cue_work *w);
void tt_cue_work_free(tt_cue_work *w);

/* Match lexicon over the tokens of d (see above). TT_EINVAL for NULL arguments. */
tt_status tt_cue_run(const tt_automaton *lexicon, const tt_doc *d, tt_cue_work *w);

/* The same over d's tokens as tt_ac_key_tokens keyed them (when other automata read them too). */
tt_status tt_cue_run_keyed(const tt_automaton *lexicon, const tt_doc *d, const tt_ac_keyed *keyed, tt_cue_work *w);

#endif
