/* libFuzzer target for core/entity_runs.c: the entity rules' pass over token arrays.
 *
 * Text is made of fuzz bytes (most pick a piece: a cue word in some case, a name, a space, a
 * hyphen, brackets, punctuation; the others a character of fuzz_input.h) and run through the
 * pipeline; the arrays the pass reads are made from its tokens as the glue makes them: shapes,
 * role bits of a fixed lexicon (found by comparing its phrases with the lower-cased tokens, or,
 * for some inputs, bits taken from the fuzz bytes, which the pass must bear too), a few
 * gazetteer matches over token ranges the bytes pick (in text order, or for some inputs not).
 * Checked:
 *   - names: spans of capitalized tokens, disjoint, in order;
 *   - spans: within the document, in order of start then longer first, each listed one
 *     pointing at the first match of a group whose tokens it covers;
 *   - a reused work area gives what a fresh one gives.
 * Build and run: make fuzz-build && build/fuzz/fuzz_entity_runs -max_total_time=60 */
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../core/entity_runs.h"
#include "../core/pipeline.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"
#include "fuzz_input.h"

#define MAX_TEXT 4096
#define NFORMS 6

static const struct {
    const char *phrase;
    unsigned role;
} phrases[] = {
    {"tổng thống", TT_ER_TITLE}, {"bộ trưởng", TT_ER_TITLE}, {"phó", TT_ER_TITLE}, {"ông", TT_ER_HONORIFIC},
    {"bà", TT_ER_HONORIFIC}, {"ngoại giao", TT_ER_PORTFOLIO}, {"tại", TT_ER_PLACE}, {"vịnh", TT_ER_PLACE_NOUN},
    {"mỏ dầu", TT_ER_PLACE_NOUN}, {"bộ", TT_ER_ORG_HEAD}, {"trung tâm", TT_ER_ORG_HEAD}, {"tàu", TT_ER_VESSEL},
    {"tàu - container", TT_ER_VESSEL}, {"nguyễn", TT_ER_SURNAME}, {"lê", TT_ER_SURNAME}, {"cho", TT_ER_STOP},
    {"tổng", TT_ER_TITLE_FIRST}, {"bộ", TT_ER_TITLE_FIRST}, {"và", TT_ER_AND}, {"của", TT_ER_OF}, {"nước", TT_ER_NATION},
};
#define NPHRASES (sizeof phrases / sizeof phrases[0])

static const char *const pieces[] = {
    "Tổng", "thống", "Bộ", "bộ", "trưởng", "Ngoại", "giao", "Ông", "ông", "BÀ", "tại", "Tại", "vịnh", "mỏ", "dầu",
    "Trung", "tâm", "tàu", "container", "Nguyễn", "Lê", "Văn", "Anh", "Hà", "Nội", "NATO", "ABC", "cho", "và",
    "của", "Phó", "Kim", "Jong", "un", " ", " ", " ", " ", "-", " - ", ",", ".", "(", ")", "\n", "2020", "x",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static tt_er_lexicon *lexicon;
static tt_cp phrase_cp[NPHRASES][32];
static size_t phrase_n[NPHRASES];

static tt_cp lower(tt_cp c)
{
    if (c == 0x130 || c == 0x3A3 || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return (tt_cp)u_tolower((UChar32)c);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    CHECK(tt_er_lexicon_new(&lexicon) == TT_OK);
    for (size_t e = 0; e < NPHRASES; e++) {
        phrase_n[e] = fuzz_utf8(phrases[e].phrase, phrase_cp[e], 32);
        CHECK(tt_er_lexicon_add(lexicon, phrase_cp[e], phrase_n[e], phrases[e].role) == TT_OK);
    }
    for (unsigned r = 0; r < TT_ER_CUE_ROLES; r++)
        CHECK(tt_er_lexicon_bits(lexicon, r, 1u << r, 1u << (16 + r)) == TT_OK);
    CHECK(tt_er_lexicon_finish(lexicon, lower) == TT_OK);
    return 0;
}

/* Do tokens [k, ...) lower-cased and joined by spaces make phrase e? The number of tokens, or 0. */
static size_t phrase_at(const tt_doc *d, size_t e, size_t k)
{
    size_t i = 0, nt = d->tokens.n;
    for (size_t t = k; t < nt; t++) {
        if (t > k) {
            if (i >= phrase_n[e] || phrase_cp[e][i] != ' ')
                return 0;
            i++;
        }
        for (tt_off x = d->tokens.v[t].start; x < d->tokens.v[t].end; x++, i++) {
            tt_cp l = lower(d->norm.v[x]);
            if (i >= phrase_n[e] || l == 0 || l != phrase_cp[e][i])
                return 0;
        }
        if (i == phrase_n[e])
            return t + 1 - k;
    }
    return 0;
}

static char shape_of(const tt_doc *d, size_t k)
{
    const tt_token *t = &d->tokens.v[k];
    tt_cp first = d->norm.v[t->start];
    switch (t->kind) {
    case TT_TOK_WORD:
        return (t->flags & TT_TF_ALL_UPPER) ? 'A' : (t->flags & TT_TF_UPPER_INITIAL) ? 'C' : 'l';
    case TT_TOK_NUMBER: return 'n';
    case TT_TOK_PUNCT:
        if (first == '-' && t->end - t->start == 1 && !(t->flags & TT_TF_SPACE_BEFORE) && k + 1 < d->tokens.n
            && !(d->tokens.v[k + 1].flags & TT_TF_SPACE_BEFORE))
            return 'h';
        return first < 0x80 && t->end - t->start == 1 ? (char)first : 'p';
    default: return 's';
    }
}

static void run(const tt_er_doc *ed, tt_er_work *w, uint32_t **names_out, size_t *nnames)
{
    CHECK(tt_er_names(lexicon, ed, w) == TT_OK);
    uint32_t *names = malloc((2 * w->nspans + 1) * sizeof *names);
    CHECK(names != NULL);
    for (size_t i = 0; i < w->nspans; i++) {
        const tt_er_span *s = &w->spans[i];
        CHECK(s->source == TT_ER_NAME && s->ref == i && s->label == TT_ER_PER && s->start < s->end && s->end <= ed->n);
        CHECK(i == 0 || w->spans[i - 1].end <= s->start);
        for (uint32_t k = s->start; k < s->end; k++)
            CHECK(ed->shape[k] == 'C');
        names[2 * i] = s->start;
        names[2 * i + 1] = s->end;
    }
    *names_out = names;
    *nnames = w->nspans;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    static tt_er_work reused;
    static int started;
    if (!started) {
        tt_er_work_init(&reused);
        started = 1;
    }
    if (size < 2)
        return 0;
    int own_bits = data[0] & 1; /* role bits from the bytes instead of the lexicon */
    size_t n = 0;
    for (size_t i = 1; i < size && n + 32 < MAX_TEXT; i++) {
        if (data[i] < 0xC0) {
            n += fuzz_utf8(pieces[data[i] % NPIECES], text + n, MAX_TEXT - n);
        } else {
            uint8_t c = (uint8_t)(data[i] - 0xC0 + 0x80);
            n += fuzz_text(&c, 1, text + n, MAX_TEXT - n);
        }
    }
    tt_doc d;
    const tt_norm_opts o = {TT_TONE_HOA, 1};
    tt_doc_init(&d);
    CHECK(tt_doc_run(&d, text, n, &o, NULL) == TT_OK);
    size_t nt = d.tokens.n;
    char *shape = malloc(nt + 1);
    uint32_t *roles = calloc(nt + 1, sizeof *roles), *ns = malloc((nt + 1) * sizeof *ns),
             *ne = malloc((nt + 1) * sizeof *ne);
    uint8_t *flags = malloc(nt + 1);
    tt_er_match matches[8];
    size_t nmatches = 0;
    CHECK(shape != NULL && roles != NULL && ns != NULL && ne != NULL && flags != NULL);
    for (size_t k = 0; k < nt; k++) {
        shape[k] = shape_of(&d, k);
        flags[k] = d.tokens.v[k].flags;
        ns[k] = d.tokens.v[k].start;
        ne[k] = d.tokens.v[k].end;
        if (own_bits) {
            roles[k] = (uint32_t)data[k % size] * 0x01010101u;
            continue;
        }
        for (size_t e = 0; e < NPHRASES; e++) {
            size_t len = phrases[e].role < TT_ER_CUE_ROLES ? phrase_at(&d, e, k) : 0;
            if (len) {
                roles[k] |= 1u << phrases[e].role;
                roles[k + len - 1] |= 1u << (16 + phrases[e].role);
            }
        }
    }
    /* matches: disjoint token ranges the last bytes pick, some tied to the one before */
    size_t at = 0;
    for (size_t i = size - 1; i > 0 && nmatches < 8 && nt > 0; i--) {
        size_t a = at + data[i] % 4, len = 1 + data[i] / 64;
        if (a + len > nt)
            break;
        int tied = nmatches > 0 && (data[i] & 8);
        if (tied) {
            a = matches[nmatches - 1].tok_start;
            len = matches[nmatches - 1].tok_end - a;
        }
        matches[nmatches++] = (tt_er_match){(uint32_t)(data[i] % NFORMS), (uint32_t)a, (uint32_t)(a + len),
                                            (data[i] & 16) ? 1u << 9 : 0, (uint32_t)tied};
        at = a + len;
    }
    if (data[0] & 2) /* out of order: the pass must read them all */
        for (size_t i = 0; i < nmatches / 2; i++) {
            tt_er_match t = matches[i];
            matches[i] = matches[nmatches - 1 - i];
            matches[nmatches - 1 - i] = t;
        }
    static const uint32_t form_ent[NFORMS] = {0, 1, 2, 2, 3, 4};
    static const uint8_t form_info[NFORMS] = {TT_ER_LOC, TT_ER_PER | TT_ER_FORM_SURNAME, TT_ER_ORG, TT_ER_ORG,
                                              TT_ER_LOC | TT_ER_FORM_SHORT, TT_ER_MISC};
    tt_er_doc ed = {nt, shape, roles, flags, d.norm.v, 4, d.norm.n, ns, ne, d.words.v, d.words.n, d.sent.v, d.sent.n,
                    matches, nmatches, form_ent, form_info, NFORMS, 1u << 9, TT_TF_VIET};
    tt_er_work fresh;
    tt_er_work_init(&fresh);
    uint32_t *names, *names2;
    size_t nnames, nnames2;
    run(&ed, &fresh, &names, &nnames);
    run(&ed, &reused, &names2, &nnames2);
    CHECK(nnames == nnames2 && memcmp(names, names2, nnames * 2 * sizeof *names) == 0);
    int32_t *name_ent = malloc((nnames + 1) * sizeof *name_ent);
    CHECK(name_ent != NULL);
    for (size_t i = 0; i < nnames; i++)
        name_ent[i] = (int32_t)(i % 3) - 1;
    CHECK(tt_er_spans(lexicon, &ed, names, name_ent, nnames, &fresh) == TT_OK);
    CHECK(tt_er_spans(lexicon, &ed, names, name_ent, nnames, &reused) == TT_OK);
    CHECK(fresh.nspans == reused.nspans);
    CHECK(fresh.nspans == 0 || memcmp(fresh.spans, reused.spans, fresh.nspans * sizeof *fresh.spans) == 0);
    for (size_t i = 0; i < fresh.nspans; i++) {
        const tt_er_span *s = &fresh.spans[i];
        CHECK(s->start <= s->end && s->end <= nt && s->label <= TT_ER_MISC && !s->removed);
        CHECK(i == 0 || fresh.spans[i - 1].start < s->start
              || (fresh.spans[i - 1].start == s->start && fresh.spans[i - 1].end >= s->end));
        if (s->source == TT_ER_LISTED) {
            CHECK(s->ref < nmatches && (s->ref == 0 || !matches[s->ref].tied));
            CHECK(matches[s->ref].tok_start == s->start && matches[s->ref].tok_end == s->end);
            CHECK(s->label == (form_info[matches[s->ref].form] & 3));
        } else if (s->source == TT_ER_NAME) {
            CHECK(s->ref < nnames && names[2 * s->ref] == s->start && names[2 * s->ref + 1] == s->end);
        }
    }
    tt_er_work_free(&fresh);
    free(names);
    free(names2);
    free(name_ent);
    free(shape);
    free(roles);
    free(ns);
    free(ne);
    free(flags);
    tt_doc_free(&d);
    return 0;
}
