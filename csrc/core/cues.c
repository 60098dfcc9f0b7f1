#include "cues.h"

#include <stdlib.h>
#include <string.h>

void tt_cue_work_init(tt_cue_work *w)
{
    memset(w, 0, sizeof *w);
}

void tt_cue_work_free(tt_cue_work *w)
{
    free(w->roles);
    free(w->hits);
    free(w->tmp);
    tt_ac_keyed_free(&w->keyed);
    tt_ac_matchbuf_free(&w->m);
    tt_ac_scratch_free(&w->scr);
    tt_cue_work_init(w);
}

/* Do tokens (a, b) each follow whitespace on the same line as the token before them? */
static int one_line(const tt_token *t, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k < b; k++)
        if (!(t[k].flags & TT_TF_SPACE_BEFORE) || (t[k].flags & TT_TF_NEWLINE_BEFORE))
            return 0;
    return 1;
}

/* Do tokens [a, b) begin and end on word boundaries? (joins[i]: token i + 1 continues the word
 * of token i; see pipeline.h) */
static int on_words(const tt_doc *d, uint32_t a, uint32_t b)
{
    size_t nt = d->tokens.n;
    return (a == 0 || !d->joins[a - 1]) && (b >= nt || !d->joins[b - 1]);
}

tt_status tt_cue_run(const tt_automaton *lexicon, const tt_doc *d, tt_cue_work *w)
{
    if (lexicon == NULL || d == NULL || w == NULL)
        return TT_EINVAL;
    tt_status st = tt_ac_key_tokens(d->norm.v, d->norm.n, d->tokens.v, d->tokens.n, &w->keyed);
    return st != TT_OK ? st : tt_cue_run_keyed(lexicon, d, &w->keyed, w);
}

tt_status tt_cue_run_keyed(const tt_automaton *lexicon, const tt_doc *d, const tt_ac_keyed *keyed, tt_cue_work *w)
{
    tt_status st = TT_OK;
    if (lexicon == NULL || d == NULL || keyed == NULL || w == NULL)
        return TT_EINVAL;
    size_t nt = d->tokens.n, count[TT_CUE_MAX_GROUPS] = {0}, n = 0;
    w->nhits = 0;
    memset(w->group, 0, sizeof w->group);
    w->m.n = 0;
    if ((st = tt_grow((void **)&w->roles, &w->roles_cap, 0, nt ? nt : 1, sizeof *w->roles)) != TT_OK)
        goto done;
    memset(w->roles, 0, (nt ? nt : 1) * sizeof *w->roles);
    if (nt == 0)
        goto done;
    /* the matcher never runs a phrase across a line break; ignoring them lets roles do so, and
     * TT_CUE_ONE_LINE entries are held to their line below */
    const tt_ac_opts opts = {.overlapping = 1, .fold = 0, .typos = 0, .capitals = 0, .exclude = 0, .joins = NULL};
    if ((st = tt_ac_match_keyed(lexicon, d->norm.v, d->norm.n, keyed, 0, &opts, &w->scr, &w->m)) != TT_OK)
        goto done;
    for (size_t k = 0; k < w->m.n; k++) {
        const tt_ac_match *r = &w->m.v[k];
        uint32_t f = r->flags, a = r->tok_start, b = r->tok_end;
        if (b <= a || b > nt || b - a != ((f >> TT_CUE_NTOK_SHIFT) & 0xFF))
            continue; /* a hyphen read as a space: not the phrase as written */
        uint32_t role = (f >> TT_CUE_ROLE_SHIFT) & 0x1F;
        if (role != 0 && role <= TT_CUE_MAX_ROLES) {
            w->roles[a] |= 1u << (role - 1);
            w->roles[b - 1] |= 1u << (TT_CUE_MAX_ROLES + role - 1);
        }
        uint32_t g = (f >> TT_CUE_GROUP_SHIFT) & (TT_CUE_MAX_GROUPS - 1);
        if (g == 0 || ((f & TT_CUE_ONE_LINE) && !one_line(d->tokens.v, a, b)))
            continue;
        if ((st = tt_grow((void **)&w->tmp, &w->tmp_cap, n, 1, sizeof *w->tmp)) != TT_OK)
            goto done;
        tt_cue_hit *h = &w->tmp[n++];
        h->value = (uint32_t)r->value;
        h->tok_start = a;
        h->tok_end = b;
        h->flags = (on_words(d, a, b) ? TT_CUE_WORDS : 0) | g << 8;
        count[g]++;
    }
    /* grouped, each group in the matcher's order (a counting sort) */
    if ((st = tt_grow((void **)&w->hits, &w->hits_cap, 0, n ? n : 1, sizeof *w->hits)) != TT_OK)
        goto done;
    for (size_t g = 0; g < TT_CUE_MAX_GROUPS; g++)
        w->group[g + 1] = w->group[g] + count[g];
    size_t at[TT_CUE_MAX_GROUPS];
    memcpy(at, w->group, sizeof at);
    for (size_t k = 0; k < n; k++)
        w->hits[at[(w->tmp[k].flags >> 8) & (TT_CUE_MAX_GROUPS - 1)]++] = w->tmp[k];
    w->nhits = n;
done:
    return st;
}
