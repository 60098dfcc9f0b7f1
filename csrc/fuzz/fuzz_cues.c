/* libFuzzer target for core/cues.c: the cue pass against an obviously correct slow reference.
 *
 * A fixed lexicon (one- and multi-word phrases, a hyphenated one, an abbreviation, phrases
 * sharing words, in several roles and groups, some held to one line) is matched over text
 * made of fuzz bytes: most bytes pick a piece (a word of the lexicon in some case, a space, a
 * line break, a hyphen, punctuation), the others a character (fuzz_input.h). Checked:
 *   - role bits: bit r at token k exactly when some phrase of role r, compared token by token
 *     with the document's tokens case-folded, starts at k (bit 16 + r: ends at k);
 *   - hits: exactly the matches of the phrases of groups 1..n, group by group in order of
 *     start then end, a one-line phrase only where whitespace and no line break separate its
 *     tokens; TT_CUE_WORDS exactly when the match begins and ends on word boundaries;
 *   - a reused work area gives what a fresh one gives.
 * Build and run: make fuzz-build && build/fuzz/fuzz_cues -max_total_time=60 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "../core/cues.h"
#include "../core/tokenize.h"
#include "fuzz_input.h"
#include "fuzz_check.h"
#include "fuzz_phrases.h"


#define MAX_TEXT 4096
#define MAX_PHRASE_TOKENS 8

/* The lexicon: phrase, role (-1: none), group (0: not reported), held to one line. No phrase
 * starts or ends with a hyphen (cues.h). */
static const struct {
    const char *phrase;
    int role, group, one_line;
} lexicon[] = {
    {"bộ trưởng", 0, 0, 0},
    {"bộ trưởng ngoại giao", 0, 1, 1},
    {"ông", 1, 0, 0},
    {"tại", 2, 3, 0},
    {"ký", -1, 1, 1},
    {"ký kết", -1, 1, 1},
    {"thỏa thuận", 3, 1, 1},
    {"ký kết thỏa thuận", -1, 2, 0},
    {"ngừng-bắn", 4, 2, 1},
    {"ngừng bắn", 4, 1, 1},
    {"ts.", 1, 3, 0},
    {"tp. hcm", 2, 3, 1},
    {"nga", 5, 0, 0},
};
#define NPHRASES (sizeof lexicon / sizeof lexicon[0])

/* Pieces of text the fuzz bytes pick from. */
static const char *const pieces[] = {
    "bộ", "Bộ", "BỘ", "trưởng", "Trưởng", "ngoại", "giao", "Ông", "ông", "tại", "Tại", "ký", "Ký", "KÝ", "kết",
    "thỏa", "thoả", "thuận", "ngừng", "bắn", "Nga", "NGA", "TS.", "ts", "TP.", "HCM", "hcm", "đăng", " ", " ",
    " ", "  ", "\n", "\t", "-", " - ", ",", ".", "(", ")", "\u2013", "\u00a0", "2020", "x",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

static tt_automaton *automaton;
/* each phrase's tokens, as normalized text, and their count */
static tt_cp phrase_text[NPHRASES][64];
static size_t phrase_len[NPHRASES];
static tt_token phrase_tok[NPHRASES][MAX_PHRASE_TOKENS];
static size_t phrase_ntok[NPHRASES];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    tt_ac_builder *b = NULL;
    CHECK(tt_ac_builder_new(&b) == TT_OK);
    const tt_norm_opts o = {TT_TONE_HOA, 1};
    for (size_t e = 0; e < NPHRASES; e++) {
        tt_cp raw[64];
        size_t n = fuzz_utf8(lexicon[e].phrase, raw, 64);
        tt_cpbuf norm = {0};
        tt_tokbuf toks = {0};
        CHECK(tt_normalize(raw, n, &o, &norm, NULL, NULL) == TT_OK && norm.n <= 64);
        CHECK(tt_tokenize(norm.v, norm.n, &toks) == TT_OK && toks.n >= 1 && toks.n <= MAX_PHRASE_TOKENS);
        memcpy(phrase_text[e], norm.v, norm.n * sizeof *norm.v);
        phrase_len[e] = norm.n;
        memcpy(phrase_tok[e], toks.v, toks.n * sizeof *toks.v);
        phrase_ntok[e] = toks.n;
        uint32_t flags = TT_AC_ANYCASE | TT_AC_EXACT | TT_AC_NOTYPO | TT_CUE_NTOK(toks.n)
                         | (lexicon[e].role >= 0 ? TT_CUE_ROLE(lexicon[e].role) : 0) | TT_CUE_GROUP(lexicon[e].group)
                         | (lexicon[e].one_line ? TT_CUE_ONE_LINE : 0);
        CHECK(tt_ac_builder_add(b, raw, n, (int64_t)e, flags) == TT_OK);
        tt_cpbuf_free(&norm);
        tt_tokbuf_free(&toks);
    }
    CHECK(tt_ac_build(b, &automaton) == TT_OK);
    tt_ac_builder_free(b);
    return 0;
}

static tt_cp fold(tt_cp c)
{
    return c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? c : (tt_cp)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
}

/* Does phrase e match the document's tokens from k on, token by token, up to case? */
static int matches_at(const tt_doc *d, size_t e, size_t k)
{
    if (k + phrase_ntok[e] > d->tokens.n)
        return 0;
    for (size_t j = 0; j < phrase_ntok[e]; j++) {
        const tt_token *t = &d->tokens.v[k + j], *p = &phrase_tok[e][j];
        if (t->end - t->start != p->end - p->start)
            return 0;
        for (tt_off x = 0; x < t->end - t->start; x++)
            if (fold(d->norm.v[t->start + x]) != fold(phrase_text[e][p->start + x]))
                return 0;
    }
    return 1;
}

static int is_break(tt_cp c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Tokens [k, k + n) stand on one line with whitespace between each two. */
static int on_one_line(const tt_doc *d, size_t k, size_t n)
{
    for (size_t j = k + 1; j < k + n; j++) {
        tt_off a = d->tokens.v[j - 1].end, b = d->tokens.v[j].start;
        if (a == b)
            return 0;
        for (tt_off x = a; x < b; x++)
            if (is_break(d->norm.v[x]))
                return 0;
    }
    return 1;
}

static int word_start(const tt_doc *d, size_t k)
{
    for (size_t w = 0; w < d->words.n; w++)
        if (d->words.v[w] == k)
            return 1;
    return 0;
}

static void check(const tt_doc *d, const tt_cue_work *w)
{
    size_t nt = d->tokens.n;
    for (size_t k = 0; k < nt; k++) {
        uint32_t want = 0;
        for (size_t e = 0; e < NPHRASES; e++) {
            if (lexicon[e].role < 0)
                continue;
            if (matches_at(d, e, k))
                want |= 1u << lexicon[e].role; /* starts at k */
            if (k + 1 >= phrase_ntok[e] && matches_at(d, e, k + 1 - phrase_ntok[e]))
                want |= 1u << (TT_CUE_MAX_ROLES + lexicon[e].role); /* ends at k */
        }
        CHECK(w->roles[k] == want);
    }
    /* hits: group by group, by start, then end (one phrase per span here) */
    size_t h = 0;
    CHECK(w->group[0] == 0 && w->group[1] == 0);
    for (int g = 1; g < TT_CUE_MAX_GROUPS; g++) {
        CHECK(w->group[g] == h);
        for (size_t k = 0; k < nt; k++)
            for (size_t len = 1; len <= MAX_PHRASE_TOKENS; len++)
                for (size_t e = 0; e < NPHRASES; e++) {
                    if (lexicon[e].group != g || phrase_ntok[e] != len || !matches_at(d, e, k)
                        || (lexicon[e].one_line && !on_one_line(d, k, len)))
                        continue;
                    CHECK(h < w->nhits);
                    const tt_cue_hit *x = &w->hits[h++];
                    CHECK(x->value == e && x->tok_start == k && x->tok_end == k + len);
                    CHECK(((x->flags >> 8) & 0xFF) == (uint32_t)g);
                    int words = word_start(d, k) && (k + len == nt || word_start(d, k + len));
                    CHECK(!!(x->flags & TT_CUE_WORDS) == words);
                }
    }
    CHECK(h == w->nhits && w->group[TT_CUE_MAX_GROUPS] == h);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_cp text[MAX_TEXT];
    static tt_cue_work reused;
    static int started;
    if (!started) {
        tt_cue_work_init(&reused);
        started = 1;
    }
    size_t n = 0;
    for (size_t i = 0; i < size && n + 32 < MAX_TEXT; i++) {
        if (data[i] < 0xC0) {
            n += fuzz_utf8(pieces[data[i] % NPIECES], text + n, MAX_TEXT - n);
        } else {
            uint8_t c = (uint8_t)(data[i] - 0xC0 + 0x80); /* the first half of fuzz_table */
            n += fuzz_text(&c, 1, text + n, MAX_TEXT - n);
        }
    }
    tt_doc d;
    tt_cue_work fresh;
    const tt_norm_opts o = {TT_TONE_HOA, 1};
    tt_doc_init(&d);
    tt_cue_work_init(&fresh);
    CHECK(tt_doc_run(&d, text, n, &o, NULL) == TT_OK);
    CHECK(tt_cue_run(automaton, &d, &fresh) == TT_OK);
    check(&d, &fresh);
    CHECK(tt_cue_run(automaton, &d, &reused) == TT_OK);
    CHECK(reused.nhits == fresh.nhits);
    CHECK(memcmp(reused.group, fresh.group, sizeof fresh.group) == 0);
    CHECK(d.tokens.n == 0 || memcmp(reused.roles, fresh.roles, d.tokens.n * sizeof *fresh.roles) == 0);
    CHECK(fresh.nhits == 0 || memcmp(reused.hits, fresh.hits, fresh.nhits * sizeof *fresh.hits) == 0);
    tt_cue_work_free(&fresh);
    tt_doc_free(&d);
    return 0;
}
