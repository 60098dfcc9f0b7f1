/* The entity rules' pass over a document's token arrays (pkg/tintuc/entities.py): which token
 * spans are entities, and of what kind, read from the token shapes, the cue pass's role bits
 * (cues.h), the gazetteer's matches and a lexicon of the rules' context phrases. Python only
 * makes the Entity objects of the spans and links mentions.
 *
 * Two calls per document, because a rule-made name's id (a slug of its text) may be a listed
 * entity's id, which only the caller can tell:
 *   tt_er_names:  Vietnamese personal names (runs of capitalized syllables a family name or an
 *                 honorific opens), before the gazetteer's matches are read;
 *   tt_er_spans:  every entity of the document, given those names and the listed entity each
 *                 name's id is (or -1), in order of start, longer first.
 *
 * A phrase of the lexicon matches tokens [a, b) when the tokens' texts, lower-cased and joined
 * by one space, are the phrase: the lexicon is built with the caller's lower-casing of one
 * code point (0 for one that never matches), applied to code points one by one. */
#ifndef TT_ENTITY_RUNS_H
#define TT_ENTITY_RUNS_H

#include "tt_base.h"

/* The lexicon's roles: the eight the cue pass marks (in the order of its role bits), then
 * single words some rules compare a token with. */
enum {
    TT_ER_TITLE,
    TT_ER_HONORIFIC,
    TT_ER_PORTFOLIO,
    TT_ER_PLACE,
    TT_ER_PLACE_NOUN,
    TT_ER_ORG_HEAD,
    TT_ER_VESSEL,
    TT_ER_SURNAME,
    TT_ER_CUE_ROLES,                /* roles above this one have no role bits */
    TT_ER_STOP = TT_ER_CUE_ROLES,   /* a word that ends an organization's name */
    TT_ER_TITLE_FIRST,              /* the first word of a title */
    TT_ER_AND,                      /* "và" */
    TT_ER_OF,                       /* "của" */
    TT_ER_NATION,                   /* "nước", "Thủ tướng": a country's short name may follow */
    TT_ER_NROLES
};

/* Labels, in the order of tintuc.gazetteer.LABELS. */
enum { TT_ER_PER, TT_ER_LOC, TT_ER_ORG, TT_ER_MISC };

/* tt_er_doc.form_info: the label of a listed form in the low two bits, and its flags. */
enum { TT_ER_FORM_SHORT = 1u << 2, TT_ER_FORM_SURNAME = 1u << 3 };

/* tt_er_span.source */
enum { TT_ER_RULE, TT_ER_LISTED, TT_ER_NAME };

typedef struct tt_er_lexicon tt_er_lexicon;

/* A gazetteer match (the C pipeline's, in text order). */
typedef struct {
    uint32_t form;               /* index of the listed form */
    uint32_t tok_start, tok_end; /* tokens [tok_start, tok_end) */
    uint32_t flags;              /* the form's engine flags */
    uint32_t tied;               /* another form for the span of the match before */
} tt_er_match;

/* What the rules read of one document. */
typedef struct {
    size_t n;                  /* tokens */
    const char *shape;         /* n: one character per token (csrc/glue/analyze.c: shape_of) */
    const uint32_t *roles;     /* n: the cue pass's role bits */
    const uint8_t *flags;      /* n: token flags (token.h) */
    const void *text;          /* normalized text, width bytes a code point (1, 2 or 4) */
    int width;
    size_t text_len;
    const uint32_t *nstart, *nend; /* n: token spans in text */
    const uint32_t *word_first;    /* the first token of each word */
    size_t nwords;
    const uint32_t *sent_first;    /* the first token of each sentence */
    size_t nsent;
    const tt_er_match *matches;
    size_t nmatches;
    const uint32_t *form_ent;  /* nforms: the listed entity of each form */
    const uint8_t *form_info;  /* nforms: label | TT_ER_FORM_* */
    size_t nforms;
    uint32_t surname_flag;     /* the engine flag of a form that is a surname alone */
    uint32_t viet_flag;        /* the token flag of a well-formed Vietnamese syllable */
} tt_er_doc;

/* A span of tokens [start, end) that is an entity. ref: for TT_ER_LISTED the index of the
 * group's first match in tt_er_doc.matches (the tied ones follow it); for TT_ER_NAME the
 * index of the name among those given to tt_er_spans; 0 otherwise. */
typedef struct {
    uint32_t start, end, ref;
    uint8_t label, source;
    uint8_t removed, pad;
} tt_er_span;

/* Working memory and results, reused from one document to the next. */
typedef struct {
    tt_er_span *spans; /* the results of the last call */
    size_t nspans, spans_cap;
    int32_t *covered; /* per token: the last span covering it, or -1 */
    size_t tok_cap;
    tt_cp *key;       /* a phrase being compared */
    size_t key_cap;
    uint32_t *present; /* listed entities found */
    size_t npresent, present_cap;
    uint32_t *waiting; /* (start, end, group) of listed forms that need context */
    size_t nwaiting, waiting_cap;
    uint8_t *sent; /* per token: a sentence starts there */
    tt_er_span *tmp; /* for sorting the spans */
    size_t tmp_cap;
    uint32_t *maxend; /* per match: the furthest end of it and the matches before it */
    size_t maxend_cap;
    int sorted;       /* the matches come in order of start */
} tt_er_work;

tt_status tt_er_lexicon_new(tt_er_lexicon **out);
/* Add a phrase (lower case, words joined by one space) of a role. */
tt_status tt_er_lexicon_add(tt_er_lexicon *lex, const tt_cp *phrase, size_t n, unsigned role);
/* The role bits of the eight cue roles: set when a phrase of the role starts at a token,
 * and when one ends there. */
tt_status tt_er_lexicon_bits(tt_er_lexicon *lex, unsigned role, uint32_t start_bit, uint32_t end_bit);
/* Make the lexicon ready for use, lower(c) being the lower case of code point c (0: c never
 * matches); it is asked about every code point once. */
tt_status tt_er_lexicon_finish(tt_er_lexicon *lex, tt_cp (*lower)(tt_cp));
void tt_er_lexicon_free(tt_er_lexicon *lex);

void tt_er_work_init(tt_er_work *w);
void tt_er_work_free(tt_er_work *w);

/* The Vietnamese personal names of d: w->spans, source TT_ER_NAME, ref their number.
 * TT_EINVAL when d's arrays do not fit together. */
tt_status tt_er_names(const tt_er_lexicon *lex, const tt_er_doc *d, tt_er_work *w);

/* Every entity of d: w->spans in order of start, then longer first. names are nnames pairs
 * (start, end) from tt_er_names, name_ent the listed entity whose id each name's id is, or -1. */
tt_status tt_er_spans(const tt_er_lexicon *lex, const tt_er_doc *d, const uint32_t *names, const int32_t *name_ent,
                      size_t nnames, tt_er_work *w);

#endif
