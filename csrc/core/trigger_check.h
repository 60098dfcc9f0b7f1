/* The word checks of an event trigger (tintuc.events.triggers): one pass per document over
 * the trigger phrases the cue pass found, reading the words on either side of each (word
 * windows of word_window.h) against phrase sets compiled once from the event lexicon.
 *
 * A candidate survives when it does not start inside a word, is no quoted figure of speech
 * ('"cấm vận"'), lies inside no entity and no excluded span, has the object its lexicon row
 * needs (the first row whose need is met wins), and no blocking phrase stands before or
 * after it. What the pass reports for a survivor: its row, its sentence, and whether it is
 * the setting ("tại cuộc họp") or the topic ("về hợp tác") of something else. What needs
 * state across candidates (a later trigger inside an accepted one, sentence vetoes) is left
 * to the caller.
 *
 * Words are compared as code-point strings, exactly; the caller gives the text's character
 * classes (TT_WIN_*), as for word_window.h. */
#ifndef TT_TRIGGER_CHECK_H
#define TT_TRIGGER_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "cue_find.h"
#include "tt_base.h"
#include "word_window.h"

/* Phrase classes of the table; needs classes are numbered from TT_TC_NEEDS on. A DEGREE
 * phrase may stand between a trigger and its BLOCK_AFTER phrase ("gặp rất nhiều khó khăn"). */
enum { TT_TC_BLOCK_BEFORE = 0, TT_TC_BLOCK_SCOPE, TT_TC_BLOCK_AFTER, TT_TC_SETTING, TT_TC_TOPIC, TT_TC_DEGREE,
       TT_TC_NEEDS };
#define TT_TC_DEGREE_MAX 3 /* degree phrases one after another */
#define TT_TC_MAX_CLASSES 64
#define TT_TC_MAX_PHRASE 16     /* words in one phrase */
#define TT_TC_ANY_TYPE 0xFFFFFFFFu

typedef struct tt_tc_table tt_tc_table;

/* One lexicon row of a trigger phrase: the class it needs (-1: none), how many words from
 * the trigger that class may stand, and its event type (a bit index of the phrase masks). */
typedef struct {
    int32_t needs;
    uint32_t reach;
    uint32_t type;
} tt_tc_row;

/* A new empty table (NULL when out of memory). `words_before` and `words_after`: the window
 * sizes; `scope`: how many words before the trigger a block_scope phrase may end. */
tt_tc_table *tt_tc_new(uint32_t words_before, uint32_t words_after, uint32_t scope);
void tt_tc_free(tt_tc_table *t);

/* Adds a word to the vocabulary (the words of every phrase, and the determiners), returning
 * its id (>= 1) in *id; the same word gets the same id. `determiner`: skipped before a
 * blocker and left out of setting and topic reading. */
tt_status tt_tc_add_word(tt_tc_table *t, const tt_cp *w, size_t n, int determiner, uint32_t *id);
/* Adds a phrase of class `cls` (word ids from tt_tc_add_word) holding for the event types
 * of `types` (a bit per type, TT_TC_ANY_TYPE for all). */
tt_status tt_tc_add_phrase(tt_tc_table *t, uint32_t cls, const uint32_t *ids, size_t n, uint32_t types);
/* Sets the rows of trigger phrase `value` (the cue hits' value), in the order they are tried. */
tt_status tt_tc_set_rows(tt_tc_table *t, uint32_t value, const tt_tc_row *rows, size_t n);

/* One document. Entities are sorted by start, then longest first; excluded spans are pairs. */
typedef struct {
    const tt_cp *cp;
    const uint8_t *cls;
    size_t n;
    const uint32_t *ent_start, *ent_end;
    size_t n_ent;
    const uint32_t *excluded; /* start, end, start, end, ... */
    size_t n_excluded;        /* pairs */
    const uint32_t *sent_start;
    size_t n_sent;
} tt_tc_doc;

typedef struct {
    uint32_t value, start, end; /* the phrase, its offsets in the text */
} tt_tc_cand;

enum { TT_TC_SETTING_FLAG = 1, TT_TC_TOPIC_FLAG = 2 };

typedef struct {
    uint32_t cand;     /* index of the candidate */
    uint32_t row;      /* index of the row that holds */
    uint32_t sentence; /* the sentence it stands in */
    uint32_t flags;    /* TT_TC_SETTING_FLAG, TT_TC_TOPIC_FLAG */
} tt_tc_out;

/* Checks each candidate; writes the survivors to out (room for n) in order, their number to
 * *n_out. TT_EINVAL when a candidate lies outside the text or names a value without rows. */
tt_status tt_tc_check(const tt_tc_table *t, const tt_tc_doc *doc, const tt_tc_cand *cand, size_t n, tt_tc_out *out,
                      size_t *n_out);

/* How many code points before a candidate's start and after its end the checks read (the
 * caller may leave the rest of doc->cp and doc->cls unset). */
void tt_tc_reach(const tt_tc_table *t, size_t *before, size_t *after);

/* The words before `pos` that the checks read (the table's window before a trigger), with
 * offsets into the text, in text order, in out (room for the table's words_before); returns
 * how many. */
size_t tt_tc_words_before(const tt_tc_table *t, const tt_tc_doc *doc, size_t pos, tt_win_word *out);

/* The sentence checks that follow the word checks (tintuc.events.triggers.checked_hits): a
 * survivor is dropped when it starts inside one kept before it (a rejected phrase may hide a
 * trigger that starts inside it, an accepted one does not), when its sentence holds a veto
 * phrase for its type, or when it stands after a hypothetical phrase of its sentence ("nếu").
 * The veto and hypothetical phrases are cue records (cue_find.h) read per sentence as
 * tt_cue_find reads them; a phrase after a letter or digit counts for nothing. */
typedef struct {
    const tt_cue_rec *veto;
    size_t n_veto;
    const uint8_t *veto_alnum;   /* per veto record: a letter or digit stands right before it */
    const uint32_t *veto_types;  /* per veto value: the types it holds for (TT_TC_ANY_TYPE: all) */
    size_t n_veto_types;
    const tt_cue_rec *hyp;
    size_t n_hyp;
    const uint8_t *hyp_alnum;    /* per hypothetical record, as veto_alnum */
} tt_tc_facts;

/* Keeps the survivors out[0, *n_out) of tt_tc_check that pass the sentence checks, in place.
 * `scratch`: room for max(n_veto, n_hyp) indexes. TT_EINVAL for a veto value without types. */
tt_status tt_tc_sentences(const tt_tc_table *t, const tt_tc_doc *doc, const tt_tc_cand *cand, const tt_tc_facts *f, size_t *scratch,
                          tt_tc_out *out, size_t *n_out);

#endif
