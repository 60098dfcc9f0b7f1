/* The arguments of one event trigger (tintuc.events.arguments): its clause, then its actors,
 * recipients and location among the document's entities, read from the lower-cased
 * normalized text, the entities' spans and the "locative" and "boundary" cue records.
 *
 * The caller gives the text's code points with their classes as the host's string functions
 * see them (TT_WIN_* of word_window.h and TT_ARG_ALNUM), so that the core holds no Unicode
 * tables; entities sorted by start, then longest first; and the rules' word lists. */
#ifndef TT_ARG_ATTACH_H
#define TT_ARG_ATTACH_H

#include <stddef.h>
#include <stdint.h>

#include "cue_find.h"
#include "tt_base.h"

/* A class bit beside TT_WIN_*: str.isalnum (a word character other than "_"). */
enum { TT_ARG_ALNUM = 8 };

/* Entity flags: a possible participant (PER, ORG or LOC), a place (LOC), inside an
 * attribution phrase (never read). */
enum { TT_ARG_PARTICIPANT = 1, TT_ARG_PLACE = 2, TT_ARG_EXCLUDED = 4 };

/* The rules' word lists: passive and agent words ("bị", "do"), the words that make a trigger
 * a noun ("cuộc", "sự") and the determiners that may open a clause before a noun trigger. */
enum { TT_ARG_VOICE, TT_ARG_AGENT, TT_ARG_NOMINAL, TT_ARG_DETERMINERS, TT_ARG_NLISTS };

/* n words, word i being cp[off[i]:off[i + 1]]. */
typedef struct {
    const tt_cp *cp;
    const size_t *off;
    size_t n;
} tt_arg_words;

typedef struct {
    const tt_cp *cp;
    const uint8_t *cls;
    size_t n;
    const size_t *ent_start, *ent_end;
    const uint8_t *ent_flags;
    size_t n_ent;
    const size_t *sent_start, *sent_end; /* [start, end) of each sentence */
    size_t n_sent;
    const tt_cue_rec *loc, *bnd; /* the records of the "locative" and "boundary" cues */
    size_t n_loc, n_bnd;
    tt_arg_words words[TT_ARG_NLISTS];
} tt_arg_doc;

/* Hit flags: a speech verb (STATEMENT), the setting of something else, a noun trigger. */
enum { TT_ARG_STATEMENT = 1, TT_ARG_SETTING = 2, TT_ARG_NOUN = 4 };

typedef struct {
    size_t sentence;             /* below the document's n_sent */
    size_t start, end, reach;    /* the trigger, and the end of the last trigger joined into it */
    size_t prev_end, next_start; /* the neighbouring triggers of the sentence, or its edges */
    unsigned flags;              /* TT_ARG_* */
} tt_arg_hit;

/* Room for one document's answers (tt_arg_scratch_init, tt_arg_scratch_free). */
typedef struct {
    size_t *cues;                          /* cue_find's answers */
    size_t *right, *left, *sentence;       /* places */
    size_t *before, *after, *cands, *group; /* entities */
    size_t *actors, *recipients;
} tt_arg_scratch;

typedef struct {
    size_t left, right; /* the clause */
    const size_t *actors, *recipients; /* entity indexes, in the scratch */
    size_t n_actors, n_recipients;
    ptrdiff_t location; /* an entity index, or -1 */
    int borrowed;       /* the actors come from before the clause */
    int near;           /* a recipient stands at most a few words after the trigger */
} tt_arg_result;

/* 0, or -1 when out of memory (nothing to free then). */
int tt_arg_scratch_init(tt_arg_scratch *s, const tt_arg_doc *doc);
void tt_arg_scratch_free(tt_arg_scratch *s);

/* The clause and arguments of one hit. Offsets beyond the text are read as its end. */
void tt_arg_attach(const tt_arg_doc *doc, const tt_arg_hit *hit, tt_arg_scratch *s, tt_arg_result *out);

#endif
