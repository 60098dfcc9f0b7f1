/* The word checks of an event trigger (trigger_check.h). */
#include "trigger_check.h"

#include <stdlib.h>
#include <string.h>

#include "word_window.h"

/* the window widths of tintuc.events.words: code points read per word asked for */
#define CHARS_PER_WORD 16

typedef struct {
    uint32_t hash, off, len, det;
    uint64_t first, last; /* a bit per class whose phrases start, end with the word */
} tc_word;

typedef struct {
    uint32_t hash, cls, off, len, types;
} tc_phrase;

typedef struct {
    uint32_t off, n;
} tc_rows;

struct tt_tc_table {
    uint32_t before, after, scope;
    tt_cp *chars; /* the vocabulary's words, one after another */
    size_t n_chars, cap_chars;
    tc_word *words; /* id - 1 */
    size_t n_words, cap_words;
    uint32_t *word_index; /* open addressing: id, 0 for empty */
    size_t word_slots;
    uint32_t *ids; /* the phrases' word ids, one after another */
    size_t n_ids, cap_ids;
    tc_phrase *phrases;
    size_t n_phrases, cap_phrases;
    uint32_t *phrase_index; /* open addressing: index + 1, 0 for empty */
    size_t phrase_slots;
    uint32_t longest[TT_TC_MAX_CLASSES];
    tt_tc_row *rows;
    size_t n_rows, cap_rows;
    tc_rows *by_value;
    size_t n_values;
};

static int grow(void **v, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    void *p = realloc(*v, c * size);
    if (p == NULL)
        return -1;
    *v = p;
    *cap = c;
    return 0;
}

static uint32_t hash_cps(const tt_cp *w, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ w[i]) * 16777619u;
    return h;
}

static uint32_t hash_ids(uint32_t cls, const uint32_t *ids, size_t n)
{
    uint32_t h = (2166136261u ^ cls) * 16777619u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ ids[i]) * 16777619u;
    return h;
}

tt_tc_table *tt_tc_new(uint32_t words_before, uint32_t words_after, uint32_t scope)
{
    tt_tc_table *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->before = words_before;
    t->after = words_after;
    t->scope = scope;
    return t;
}

void tt_tc_free(tt_tc_table *t)
{
    if (t == NULL)
        return;
    free(t->chars);
    free(t->words);
    free(t->word_index);
    free(t->ids);
    free(t->phrases);
    free(t->phrase_index);
    free(t->rows);
    free(t->by_value);
    free(t);
}

/* The id of word w (0 when not in the vocabulary). */
static uint32_t word_id(const tt_tc_table *t, const tt_cp *w, size_t n)
{
    if (t->word_slots == 0)
        return 0;
    uint32_t h = hash_cps(w, n);
    size_t mask = t->word_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t id = t->word_index[i];
        if (id == 0)
            return 0;
        const tc_word *x = &t->words[id - 1];
        if (x->hash == h && x->len == n && memcmp(t->chars + x->off, w, n * sizeof *w) == 0)
            return id;
    }
}

/* Puts the last of n entries (their hashes stride bytes apart from *hash0) into an index of
 * open addressing, rebuilt larger when it would be over half full; the slots hold entry + 1. */
static int index_last(uint32_t **index, size_t *n_slots, const uint32_t *hash0, size_t stride, size_t n)
{
#define HASH_OF(k) (*(const uint32_t *)((const char *)hash0 + (k) * stride))
    size_t slots = 16;
    while (slots < 2 * n)
        slots *= 2;
    if (slots == *n_slots) {
        /* room enough: only the last one goes in */
        for (size_t i = HASH_OF(n - 1) & (slots - 1);; i = (i + 1) & (slots - 1))
            if ((*index)[i] == 0) {
                (*index)[i] = (uint32_t)n;
                return 0;
            }
    }
    uint32_t *idx = calloc(slots, sizeof *idx);
    if (idx == NULL)
        return -1;
    for (size_t k = 0; k < n; k++)
        for (size_t i = HASH_OF(k) & (slots - 1);; i = (i + 1) & (slots - 1))
            if (idx[i] == 0) {
                idx[i] = (uint32_t)(k + 1);
                break;
            }
#undef HASH_OF
    free(*index);
    *index = idx;
    *n_slots = slots;
    return 0;
}

static int index_words(tt_tc_table *t)
{
    return index_last(&t->word_index, &t->word_slots, &t->words[0].hash, sizeof *t->words, t->n_words);
}

tt_status tt_tc_add_word(tt_tc_table *t, const tt_cp *w, size_t n, int determiner, uint32_t *id)
{
    if (n == 0 || n > UINT32_MAX || t->n_words >= UINT32_MAX - 1)
        return TT_EINVAL;
    uint32_t old = word_id(t, w, n);
    if (old) {
        if (determiner)
            t->words[old - 1].det = 1;
        *id = old;
        return TT_OK;
    }
    if (grow((void **)&t->chars, &t->cap_chars, t->n_chars + n, sizeof *t->chars) < 0
        || grow((void **)&t->words, &t->cap_words, t->n_words + 1, sizeof *t->words) < 0)
        return TT_ENOMEM;
    memcpy(t->chars + t->n_chars, w, n * sizeof *w);
    t->words[t->n_words] = (tc_word){hash_cps(w, n), (uint32_t)t->n_chars, (uint32_t)n, determiner ? 1u : 0u, 0, 0};
    t->n_chars += n;
    t->n_words++;
    if (index_words(t) < 0) {
        t->n_words--;
        t->n_chars -= n;
        return TT_ENOMEM;
    }
    *id = (uint32_t)t->n_words;
    return TT_OK;
}

/* The index + 1 of the phrase of class cls made of ids (0 when none). */
static uint32_t phrase_of(const tt_tc_table *t, uint32_t cls, const uint32_t *ids, size_t n)
{
    if (t->phrase_slots == 0)
        return 0;
    uint32_t h = hash_ids(cls, ids, n);
    size_t mask = t->phrase_slots - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t k = t->phrase_index[i];
        if (k == 0)
            return 0;
        const tc_phrase *p = &t->phrases[k - 1];
        if (p->hash == h && p->cls == cls && p->len == n && memcmp(t->ids + p->off, ids, n * sizeof *ids) == 0)
            return k;
    }
}

static int index_phrases(tt_tc_table *t)
{
    return index_last(&t->phrase_index, &t->phrase_slots, &t->phrases[0].hash, sizeof *t->phrases, t->n_phrases);
}

tt_status tt_tc_add_phrase(tt_tc_table *t, uint32_t cls, const uint32_t *ids, size_t n, uint32_t types)
{
    if (cls >= TT_TC_MAX_CLASSES || n == 0 || n > TT_TC_MAX_PHRASE || t->n_phrases >= UINT32_MAX - 1)
        return TT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (ids[i] == 0 || ids[i] > t->n_words)
            return TT_EINVAL;
    uint32_t old = phrase_of(t, cls, ids, n);
    if (old) {
        t->phrases[old - 1].types = types;
        return TT_OK;
    }
    if (grow((void **)&t->ids, &t->cap_ids, t->n_ids + n, sizeof *t->ids) < 0
        || grow((void **)&t->phrases, &t->cap_phrases, t->n_phrases + 1, sizeof *t->phrases) < 0)
        return TT_ENOMEM;
    memcpy(t->ids + t->n_ids, ids, n * sizeof *ids);
    t->phrases[t->n_phrases] = (tc_phrase){hash_ids(cls, ids, n), cls, (uint32_t)t->n_ids, (uint32_t)n, types};
    t->n_ids += n;
    t->n_phrases++;
    if (index_phrases(t) < 0) {
        t->n_phrases--;
        t->n_ids -= n;
        return TT_ENOMEM;
    }
    if (t->longest[cls] < n)
        t->longest[cls] = (uint32_t)n;
    t->words[ids[0] - 1].first |= (uint64_t)1 << cls;
    t->words[ids[n - 1] - 1].last |= (uint64_t)1 << cls;
    return TT_OK;
}

tt_status tt_tc_set_rows(tt_tc_table *t, uint32_t value, const tt_tc_row *rows, size_t n)
{
    if (n == 0 || value >= UINT32_MAX - 1)
        return TT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (rows[i].needs >= TT_TC_MAX_CLASSES || (rows[i].needs >= 0 && rows[i].needs < TT_TC_NEEDS) || rows[i].type >= 32)
            return TT_EINVAL;
    if (grow((void **)&t->rows, &t->cap_rows, t->n_rows + n, sizeof *t->rows) < 0)
        return TT_ENOMEM;
    if (value >= t->n_values) {
        tc_rows *v = realloc(t->by_value, (value + 1) * sizeof *v);
        if (v == NULL)
            return TT_ENOMEM;
        memset(v + t->n_values, 0, (value + 1 - t->n_values) * sizeof *v);
        t->by_value = v;
        t->n_values = value + 1;
    }
    memcpy(t->rows + t->n_rows, rows, n * sizeof *rows);
    t->by_value[value] = (tc_rows){(uint32_t)t->n_rows, (uint32_t)n};
    t->n_rows += n;
    return TT_OK;
}

/* -- phrase reading over word ids (tintuc.events.words) --------------------------------- */

/* The phrase of class cls that ids[0, n) starts with, longest first: its index + 1, or 0. */
static uint32_t starts_with(const tt_tc_table *t, uint32_t cls, const uint32_t *ids, size_t n)
{
    /* most words start no phrase of the class: one bit test */
    if (n == 0 || ids[0] == 0 || !(t->words[ids[0] - 1].first >> cls & 1u))
        return 0;
    size_t m = t->longest[cls] < n ? t->longest[cls] : n;
    for (; m > 0; m--) {
        uint32_t k = phrase_of(t, cls, ids, m);
        if (k)
            return k;
    }
    return 0;
}

/* The phrase of class cls that ids[0, n) ends with, longest first: its index + 1, or 0. */
static uint32_t ends_with(const tt_tc_table *t, uint32_t cls, const uint32_t *ids, size_t n)
{
    if (n == 0 || ids[n - 1] == 0 || !(t->words[ids[n - 1] - 1].last >> cls & 1u))
        return 0;
    size_t m = t->longest[cls] < n ? t->longest[cls] : n;
    for (; m > 0; m--) {
        uint32_t k = phrase_of(t, cls, ids + n - m, m);
        if (k)
            return k;
    }
    return 0;
}

/* The index of the first word of ids[0, n) that starts a phrase of class cls, or -1. */
static long phrase_in(const tt_tc_table *t, uint32_t cls, const uint32_t *ids, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (starts_with(t, cls, ids + i, n - i))
            return (long)i;
    return -1;
}

static int applies(const tt_tc_table *t, uint32_t k, uint32_t type)
{
    return k && (t->phrases[k - 1].types >> type & 1u);
}

static int has_needed(const tt_tc_table *t, const tt_tc_row *r, const uint32_t *before, size_t nb,
                      const uint32_t *after, size_t na)
{
    uint32_t cls = (uint32_t)r->needs;
    size_t reach = r->reach;
    /* an object may start within the reach and run past it */
    size_t span = reach + t->longest[cls] > 0 ? reach + t->longest[cls] - 1 : 0;
    long i = phrase_in(t, cls, after, na < span ? na : span);
    if (i >= 0 && (size_t)i < reach)
        return 1;
    size_t from = nb > reach ? nb - reach : 0;
    return phrase_in(t, cls, before + from, nb - from) >= 0;
}

static int blocked(const tt_tc_table *t, const uint32_t *before, size_t nb, const uint32_t *after, size_t na,
                   uint32_t type)
{
    size_t keep = (size_t)t->longest[TT_TC_BLOCK_BEFORE] + 1;
    const uint32_t *near = nb > keep ? before + nb - keep : before;
    size_t nn = nb > keep ? keep : nb;
    if (nn && applies(t, ends_with(t, TT_TC_BLOCK_BEFORE, near, nn), type))
        return 1;
    /* a determiner may stand between a blocker and its trigger */
    if (nn > 1 && near[nn - 1] && t->words[near[nn - 1] - 1].det
        && applies(t, ends_with(t, TT_TC_BLOCK_BEFORE, near, nn - 1), type))
        return 1;
    size_t reach = (size_t)t->scope + t->longest[TT_TC_BLOCK_SCOPE];
    for (size_t i = nb > reach ? nb - reach : 0; i < nb; i++)
        if (applies(t, ends_with(t, TT_TC_BLOCK_SCOPE, before, i + 1), type))
            return 1;
    /* after it, past a few degree words: "gặp (không ít) khó khăn" */
    size_t at = 0;
    for (int k = 0; k <= TT_TC_DEGREE_MAX && at < na; k++) {
        if (applies(t, starts_with(t, TT_TC_BLOCK_AFTER, after + at, na - at), type))
            return 1;
        uint32_t d = k < TT_TC_DEGREE_MAX ? starts_with(t, TT_TC_DEGREE, after + at, na - at) : 0;
        if (!d)
            break;
        at += t->phrases[d - 1].len;
    }
    return 0;
}

static int is_quote(tt_cp c)
{
    return c == '"' || c == 0x201C || c == 0x201D || c == '\'' || c == 0x2018 || c == 0x2019 || c == 0xAB
           || c == 0xBB;
}

static int in_entity(const tt_tc_doc *d, uint32_t s, uint32_t e)
{
    /* the entities starting at or before s: the last few (they do not nest deeper) */
    size_t lo = 0, hi = d->n_ent;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ent_start[mid] <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = 0; k < 4 && k < lo; k++) {
        size_t j = lo - 1 - k;
        if (d->ent_start[j] <= s && e <= d->ent_end[j])
            return 1;
    }
    for (size_t k = 0; k < d->n_excluded; k++)
        if (d->excluded[2 * k] <= s && e <= d->excluded[2 * k + 1])
            return 1;
    return 0;
}

/* The ids of the words of a window (as tintuc.events.words reads it). */
static size_t window_ids(const tt_tc_table *t, const tt_tc_doc *d, size_t pos, size_t k, int before,
                         tt_win_word *words, uint32_t *ids)
{
    size_t n = d->n, lo, hi;
    int cut;
    if (before) {
        lo = k > pos / CHARS_PER_WORD ? 0 : pos - CHARS_PER_WORD * k;
        hi = pos < n ? pos : n;
        cut = lo > 0;
    } else {
        lo = pos < n ? pos : n;
        cut = k > (n - lo) / CHARS_PER_WORD ? 0 : pos + CHARS_PER_WORD * k < n;
        hi = cut ? pos + CHARS_PER_WORD * k : n;
    }
    if (hi <= lo)
        return 0;
    size_t got = before ? tt_window_before(d->cp + lo, d->cls + lo, hi - lo, cut, k, words)
                        : tt_window_after(d->cp + lo, d->cls + lo, hi - lo, cut, k, words);
    for (size_t w = 0; w < got; w++)
        ids[w] = word_id(t, d->cp + lo + words[w].start, words[w].end - words[w].start);
    return got;
}

void tt_tc_reach(const tt_tc_table *t, size_t *before, size_t *after)
{
    /* the windows, and the code point on either side of the phrase */
    *before = (size_t)CHARS_PER_WORD * t->before + 1;
    *after = (size_t)CHARS_PER_WORD * t->after + 1;
}

size_t tt_tc_words_before(const tt_tc_table *t, const tt_tc_doc *d, size_t pos, tt_win_word *out)
{
    size_t k = t->before;
    size_t lo = k > pos / CHARS_PER_WORD ? 0 : pos - CHARS_PER_WORD * k;
    size_t hi = pos < d->n ? pos : d->n;
    if (hi <= lo)
        return 0;
    size_t got = tt_window_before(d->cp + lo, d->cls + lo, hi - lo, lo > 0, k, out);
    for (size_t w = 0; w < got; w++) {
        out[w].start += lo;
        out[w].end += lo;
    }
    return got;
}

tt_status tt_tc_check(const tt_tc_table *t, const tt_tc_doc *d, const tt_tc_cand *cand, size_t n, tt_tc_out *out,
                      size_t *n_out)
{
    tt_status st = TT_OK;
    size_t k_max = t->before > t->after ? t->before : t->after;
    tt_win_word *words = malloc((k_max + 1) * sizeof *words);
    uint32_t *before = malloc((t->before + 1) * sizeof *before);
    uint32_t *after = malloc((t->after + 1) * sizeof *after);
    uint32_t *content = malloc((t->before + 1) * sizeof *content);
    *n_out = 0;
    if (words == NULL || before == NULL || after == NULL || content == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    for (size_t c = 0; c < n; c++) {
        uint32_t s = cand[c].start, e = cand[c].end;
        if (s > e || e > d->n || cand[c].value >= t->n_values || t->by_value[cand[c].value].n == 0) {
            st = TT_EINVAL;
            goto done;
        }
        if (s) {
            if (d->cls[s - 1] & TT_WIN_WORD)
                continue; /* the match starts inside a word */
            if (is_quote(d->cp[s - 1]) && e < d->n && is_quote(d->cp[e]))
                continue; /* 'lệnh "cấm vận"': a figure of speech */
        }
        if (in_entity(d, s, e))
            continue;
        size_t na = window_ids(t, d, e, t->after, 0, words, after);
        size_t nb = window_ids(t, d, s, t->before, 1, words, before);
        const tc_rows *rv = &t->by_value[cand[c].value];
        size_t row = rv->n;
        for (size_t r = 0; r < rv->n; r++) {
            const tt_tc_row *x = &t->rows[rv->off + r];
            if (x->needs < 0 || has_needed(t, x, before, nb, after, na)) {
                row = r;
                break;
            }
        }
        if (row == rv->n || blocked(t, before, nb, after, na, t->rows[rv->off + row].type))
            continue;
        size_t lo = 0, hi = d->n_sent;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (d->sent_start[mid] <= s)
                lo = mid + 1;
            else
                hi = mid;
        }
        uint32_t flags = 0;
        size_t nc = 0;
        for (size_t w = 0; w < nb; w++)
            if (before[w] == 0 || !t->words[before[w] - 1].det)
                content[nc++] = before[w];
        if (nc && ends_with(t, TT_TC_SETTING, content, nc))
            flags |= TT_TC_SETTING_FLAG;
        /* a topic may have its verb before the trigger: "về việc khôi phục thỏa thuận" */
        for (size_t j = nc; j > 0 && j + 3 > nc; j--)
            if (ends_with(t, TT_TC_TOPIC, content, j)) {
                flags |= TT_TC_TOPIC_FLAG;
                break;
            }
        out[*n_out] = (tt_tc_out){(uint32_t)c, (uint32_t)row, lo ? (uint32_t)(lo - 1) : 0, flags};
        (*n_out)++;
    }
done:
    free(words);
    free(before);
    free(after);
    free(content);
    return st;
}

/* The types vetoed in [s, e) and where its first hypothetical phrase starts (e without one). */
static tt_status sentence_facts(const tt_tc_facts *f, size_t s, size_t e, size_t *scratch, uint32_t *vetoed,
                                size_t *hyp_from)
{
    *vetoed = 0;
    *hyp_from = e;
    size_t got = f->n_veto ? tt_cue_find(f->veto, f->n_veto, s, e, 0, scratch) : 0;
    for (size_t k = 0; k < got; k++) {
        if (f->veto_alnum[scratch[k]])
            continue;
        uint32_t v = f->veto[scratch[k]].value;
        if (v >= f->n_veto_types)
            return TT_EINVAL;
        *vetoed |= f->veto_types[v];
    }
    got = f->n_hyp ? tt_cue_find(f->hyp, f->n_hyp, s, e, 0, scratch) : 0;
    for (size_t k = 0; k < got; k++)
        if (!f->hyp_alnum[scratch[k]]) {
            *hyp_from = f->hyp[scratch[k]].start;
            break;
        }
    return TT_OK;
}

tt_status tt_tc_sentences(const tt_tc_table *t, const tt_tc_doc *d, const tt_tc_cand *cand, const tt_tc_facts *f, size_t *scratch,
                          tt_tc_out *out, size_t *n_out)
{
    size_t kept = 0, pos = 0, known = SIZE_MAX;
    uint32_t vetoed = 0;
    size_t hyp_from = 0;
    for (size_t k = 0; k < *n_out; k++) {
        const tt_tc_cand *c = &cand[out[k].cand];
        if (c->start < pos)
            continue;
        size_t sent = out[k].sentence;
        if (sent != known) {
            /* survivors come in text order: one sentence's facts are read once */
            size_t s = sent < d->n_sent ? d->sent_start[sent] : 0;
            size_t e = sent + 1 < d->n_sent ? d->sent_start[sent + 1] : d->n;
            tt_status st = sentence_facts(f, s, e, scratch, &vetoed, &hyp_from);
            if (st != TT_OK)
                return st;
            known = sent;
        }
        uint32_t type = t->rows[t->by_value[c->value].off + out[k].row].type;
        if (c->start > hyp_from || (vetoed >> type & 1u))
            continue;
        out[kept++] = out[k];
        pos = c->end;
    }
    *n_out = kept;
    return TT_OK;
}
