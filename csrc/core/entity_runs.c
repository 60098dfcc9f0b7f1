#include "entity_runs.h"

#include <stdlib.h>
#include <string.h>

/* how far back (tokens) a title may sit from the name it introduces */
#define TITLE_REACH 8
/* how many lowercase words an organization's name may run through before a capital closes it */
#define ORG_LOWER_RUN 4
/* the longest organization name the rules make (tokens) */
#define ORG_MAX 12
#define MAX_CP 0x110000u
#define NO_KEY ((size_t)-1)

typedef struct {
    uint32_t off, len, mask;
} er_key;

typedef struct {
    tt_cp c, lower;
} er_fold;

struct tt_er_lexicon {
    tt_cp *pool; /* the phrases' code points, one after the other */
    size_t npool, pool_cap;
    er_key *keys;
    size_t nkeys, keys_cap;
    uint32_t *table; /* open addressing: 1 + key index, 0 empty */
    size_t tcap;
    uint32_t longest[TT_ER_NROLES]; /* words of the longest phrase of each role */
    uint32_t start_bit[TT_ER_CUE_ROLES], end_bit[TT_ER_CUE_ROLES];
    size_t max_len; /* code points of the longest phrase */
    tt_cp *fold_bmp; /* lower case of each BMP code point that may match, else 0 */
    er_fold *fold_astral; /* the same above the BMP, by code point */
    size_t nastral;
    int ready;
};

static uint32_t hash_of(const tt_cp *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 16777619u;
    }
    return h ^ (h >> 15);
}

tt_status tt_er_lexicon_new(tt_er_lexicon **out)
{
    if (out == NULL)
        return TT_EINVAL;
    *out = calloc(1, sizeof **out);
    return *out == NULL ? TT_ENOMEM : TT_OK;
}

void tt_er_lexicon_free(tt_er_lexicon *lex)
{
    if (lex == NULL)
        return;
    free(lex->pool);
    free(lex->keys);
    free(lex->table);
    free(lex->fold_bmp);
    free(lex->fold_astral);
    free(lex);
}

tt_status tt_er_lexicon_add(tt_er_lexicon *lex, const tt_cp *phrase, size_t n, unsigned role)
{
    tt_status st;
    if (lex == NULL || lex->ready || phrase == NULL || n == 0 || role >= TT_ER_NROLES || n > UINT32_MAX / 2)
        return TT_EINVAL;
    if ((st = tt_grow((void **)&lex->pool, &lex->pool_cap, lex->npool, n, sizeof *lex->pool)) != TT_OK)
        return st;
    if ((st = tt_grow((void **)&lex->keys, &lex->keys_cap, lex->nkeys, 1, sizeof *lex->keys)) != TT_OK)
        return st;
    if (lex->npool + n > UINT32_MAX)
        return TT_EINVAL;
    uint32_t words = 1;
    for (size_t i = 0; i < n; i++) {
        if (phrase[i] >= MAX_CP)
            return TT_EINVAL;
        words += phrase[i] == ' ';
    }
    memcpy(lex->pool + lex->npool, phrase, n * sizeof *phrase);
    lex->keys[lex->nkeys++] = (er_key){(uint32_t)lex->npool, (uint32_t)n, 1u << role};
    lex->npool += n;
    if (words > lex->longest[role])
        lex->longest[role] = words;
    if (n > lex->max_len)
        lex->max_len = n;
    return TT_OK;
}

tt_status tt_er_lexicon_bits(tt_er_lexicon *lex, unsigned role, uint32_t start_bit, uint32_t end_bit)
{
    if (lex == NULL || role >= TT_ER_CUE_ROLES)
        return TT_EINVAL;
    lex->start_bit[role] = start_bit;
    lex->end_bit[role] = end_bit;
    return TT_OK;
}

/* The key equal to s[0, n), or NULL. */
static er_key *find_key(const tt_er_lexicon *lex, const tt_cp *s, size_t n)
{
    size_t mask = lex->tcap - 1;
    for (size_t i = hash_of(s, n) & mask;; i = (i + 1) & mask) {
        uint32_t slot = lex->table[i];
        if (slot == 0)
            return NULL;
        er_key *k = &lex->keys[slot - 1];
        if (k->len == n && memcmp(lex->pool + k->off, s, n * sizeof *s) == 0)
            return k;
    }
}

tt_status tt_er_lexicon_finish(tt_er_lexicon *lex, tt_cp (*lower)(tt_cp))
{
    tt_status st = TT_OK;
    uint8_t *alphabet = NULL;
    if (lex == NULL || lower == NULL || lex->ready)
        return TT_EINVAL;
    lex->tcap = 16;
    while (lex->tcap < 2 * lex->nkeys + 2)
        lex->tcap *= 2;
    lex->table = calloc(lex->tcap, sizeof *lex->table);
    lex->fold_bmp = calloc(0x10000, sizeof *lex->fold_bmp);
    alphabet = calloc(MAX_CP / 8, 1);
    if (lex->table == NULL || lex->fold_bmp == NULL || alphabet == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    /* a phrase listed in several roles is one key with several role bits */
    for (size_t k = 0; k < lex->nkeys; k++) {
        er_key *key = &lex->keys[k];
        const tt_cp *s = lex->pool + key->off;
        er_key *same = find_key(lex, s, key->len);
        if (same != NULL) {
            same->mask |= key->mask;
            continue;
        }
        size_t mask = lex->tcap - 1, i = hash_of(s, key->len) & mask;
        while (lex->table[i] != 0)
            i = (i + 1) & mask;
        lex->table[i] = (uint32_t)k + 1;
        for (size_t j = 0; j < key->len; j++)
            alphabet[s[j] >> 3] |= (uint8_t)(1u << (s[j] & 7));
    }
    /* only code points whose lower case some phrase holds can match */
    size_t nastral = 0, cap = 0;
    for (tt_cp c = 0; c < MAX_CP; c++) {
        tt_cp l = lower(c);
        if (l == 0 || l >= MAX_CP || !(alphabet[l >> 3] & (1u << (l & 7))))
            continue;
        if (c < 0x10000) {
            lex->fold_bmp[c] = l;
            continue;
        }
        if ((st = tt_grow((void **)&lex->fold_astral, &cap, nastral, 1, sizeof *lex->fold_astral)) != TT_OK)
            goto done;
        lex->fold_astral[nastral++] = (er_fold){c, l};
    }
    lex->nastral = nastral;
    lex->ready = 1;
done:
    free(alphabet);
    return st;
}

static tt_cp fold(const tt_er_lexicon *lex, tt_cp c)
{
    if (c < 0x10000)
        return lex->fold_bmp[c];
    size_t lo = 0, hi = lex->nastral;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (lex->fold_astral[mid].c < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < lex->nastral && lex->fold_astral[lo].c == c ? lex->fold_astral[lo].lower : 0;
}

void tt_er_work_init(tt_er_work *w)
{
    memset(w, 0, sizeof *w);
}

void tt_er_work_free(tt_er_work *w)
{
    free(w->spans);
    free(w->covered);
    free(w->key);
    free(w->present);
    free(w->waiting);
    free(w->sent);
    free(w->tmp);
    free(w->maxend);
    tt_er_work_init(w);
}

/* ------------------------------------------------------------------ reading the document */

typedef struct {
    const tt_er_lexicon *lex;
    const tt_er_doc *d;
    tt_er_work *w;
    size_t n;
    const char *shape;
} er;

static int is_cap(char c)
{
    return c == 'C' || c == 'A';
}

static tt_cp cp_at(const tt_er_doc *d, size_t i)
{
    switch (d->width) {
    case 1: return ((const uint8_t *)d->text)[i];
    case 2: return ((const uint16_t *)d->text)[i];
    default: return ((const uint32_t *)d->text)[i];
    }
}

/* Append token k, lower-cased, to the key of length len: the new length, or NO_KEY when no
 * phrase can hold it (a code point no phrase has, or too long). */
static size_t put_token(const er *e, size_t len, size_t k)
{
    const tt_er_doc *d = e->d;
    uint32_t s = d->nstart[k], t = d->nend[k];
    if (len + (t - s) > e->lex->max_len)
        return NO_KEY;
    for (uint32_t i = s; i < t; i++) {
        tt_cp l = fold(e->lex, cp_at(d, i));
        if (l == 0)
            return NO_KEY;
        e->w->key[len++] = l;
    }
    return len;
}

/* Role bits of the phrase made of tokens [a, b) (tokens joined by one space), 0 for none;
 * NO_KEY when no phrase can begin with these tokens or end with them. */
static size_t mask_of(const er *e, size_t a, size_t b)
{
    size_t len = 0;
    for (size_t k = a; k < b; k++) {
        if (k > a) {
            if (len + 1 > e->lex->max_len)
                return NO_KEY;
            e->w->key[len++] = ' ';
        }
        if ((len = put_token(e, len, k)) == NO_KEY)
            return NO_KEY;
    }
    er_key *key = find_key(e->lex, e->w->key, len);
    return key == NULL ? 0 : key->mask;
}

/* Is token k, lower-cased, a word of the role? */
static int word_is(const er *e, size_t k, unsigned role)
{
    size_t m = mask_of(e, k, k + 1);
    return m != NO_KEY && (m & (1u << role));
}

/* End token (exclusive) of the longest phrase of the role starting at token k, or -1. */
static long phrase_starting(const er *e, size_t k, unsigned role)
{
    if (!(e->d->roles[k] & e->lex->start_bit[role]))
        return -1;
    long best = -1;
    size_t longest = e->lex->longest[role] ? e->lex->longest[role] : 1;
    size_t lim = k + longest < e->n ? k + longest : e->n;
    size_t len = 0;
    for (size_t b = k + 1; b <= lim; b++) {
        /* the key of tokens [k, b) is that of [k, b - 1), a space and token b - 1 */
        if (b > k + 1) {
            if (len + 1 > e->lex->max_len)
                break;
            e->w->key[len++] = ' ';
        }
        if ((len = put_token(e, len, b - 1)) == NO_KEY)
            break;
        const er_key *key = find_key(e->lex, e->w->key, len);
        if (key != NULL && (key->mask & (1u << role)))
            best = (long)b;
    }
    return best;
}

/* Start token of the longest phrase of the role ending at token k (inclusive), or -1. */
static long phrase_ending(const er *e, size_t k, unsigned role)
{
    if (!(e->d->roles[k] & e->lex->end_bit[role]))
        return -1;
    long best = -1;
    size_t longest = e->lex->longest[role] ? e->lex->longest[role] : 1;
    for (size_t len = 1; len <= longest && len <= k + 1; len++) {
        size_t a = k + 1 - len;
        size_t m = mask_of(e, a, k + 1);
        if (m == NO_KEY)
            break;
        if (m & (1u << role))
            best = (long)a;
    }
    return best;
}

static tt_er_span *span_at(const er *e, long k)
{
    if (k < 0 || (size_t)k >= e->n || e->w->covered[k] < 0)
        return NULL;
    return &e->w->spans[e->w->covered[k]];
}

static int covered(const er *e, size_t k)
{
    return e->w->covered[k] >= 0;
}

static int any_covered(const er *e, size_t a, size_t b)
{
    for (size_t k = a; k < b; k++)
        if (covered(e, k))
            return 1;
    return 0;
}

static tt_status add(const er *e, size_t a, size_t b, int label, int source, uint32_t ref)
{
    tt_er_work *w = e->w;
    tt_status st = tt_grow((void **)&w->spans, &w->spans_cap, w->nspans, 1, sizeof *w->spans);
    if (st != TT_OK)
        return st;
    int32_t i = (int32_t)w->nspans;
    w->spans[w->nspans++] = (tt_er_span){(uint32_t)a, (uint32_t)b, ref, (uint8_t)label, (uint8_t)source, 0, 0};
    for (size_t k = a; k < b; k++)
        w->covered[k] = i;
    return TT_OK;
}

/* Drop a span: each token is then covered by the last span left that covers it. */
static void drop(const er *e, tt_er_span *s)
{
    tt_er_work *w = e->w;
    s->removed = 1;
    for (size_t k = 0; k < e->n; k++)
        w->covered[k] = -1;
    for (size_t i = 0; i < w->nspans; i++)
        if (!w->spans[i].removed)
            for (size_t k = w->spans[i].start; k < w->spans[i].end; k++)
                w->covered[k] = (int32_t)i;
}

/* End token (exclusive) of the segmented word holding token k. */
static size_t word_end(const er *e, size_t k)
{
    const uint32_t *f = e->d->word_first;
    size_t lo = 0, hi = e->d->nwords; /* the first word that starts after k */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (k < f[mid])
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo < e->d->nwords ? f[lo] : e->n;
}

static tt_status check(const tt_er_lexicon *lex, const tt_er_doc *d, tt_er_work *w)
{
    if (lex == NULL || !lex->ready || d == NULL || w == NULL || (d->width != 1 && d->width != 2 && d->width != 4))
        return TT_EINVAL;
    size_t n = d->n;
    if (n > 0 && (d->shape == NULL || d->roles == NULL || d->flags == NULL || d->nstart == NULL || d->nend == NULL
                  || d->text == NULL))
        return TT_EINVAL;
    if ((d->nwords && d->word_first == NULL) || (d->nsent && d->sent_first == NULL)
        || (d->nmatches && d->matches == NULL) || (d->nforms && (d->form_ent == NULL || d->form_info == NULL))
        || n >= UINT32_MAX / 2)
        return TT_EINVAL;
    for (size_t k = 0; k < n; k++)
        if (d->nstart[k] > d->nend[k] || d->nend[k] > d->text_len)
            return TT_EINVAL;
    for (size_t k = 0; k < d->nwords; k++)
        if (d->word_first[k] > n)
            return TT_EINVAL;
    if (d->nmatches > w->maxend_cap) {
        uint32_t *maxend = realloc(w->maxend, d->nmatches * sizeof *maxend);
        if (maxend == NULL)
            return TT_ENOMEM;
        w->maxend = maxend;
        w->maxend_cap = d->nmatches;
    }
    w->sorted = 1;
    for (size_t k = 0; k < d->nmatches; k++) {
        const tt_er_match *m = &d->matches[k];
        if (m->tok_start > m->tok_end || m->tok_end > n || m->form >= d->nforms)
            return TT_EINVAL;
        w->maxend[k] = k > 0 && w->maxend[k - 1] > m->tok_end ? w->maxend[k - 1] : m->tok_end;
        if (k > 0 && m->tok_start < d->matches[k - 1].tok_start)
            w->sorted = 0;
    }
    size_t need = n ? n : 1;
    if (need > w->tok_cap) {
        int32_t *cov = realloc(w->covered, need * sizeof *cov);
        if (cov == NULL)
            return TT_ENOMEM;
        w->covered = cov;
        uint8_t *sent = realloc(w->sent, need);
        if (sent == NULL)
            return TT_ENOMEM;
        w->sent = sent;
        w->tok_cap = need;
    }
    if (lex->max_len + 1 > w->key_cap) {
        tt_cp *key = realloc(w->key, (lex->max_len + 1) * sizeof *key);
        if (key == NULL)
            return TT_ENOMEM;
        w->key = key;
        w->key_cap = lex->max_len + 1;
    }
    for (size_t k = 0; k < n; k++)
        w->covered[k] = -1;
    memset(w->sent, 0, need);
    for (size_t k = 0; k < d->nsent; k++)
        if (d->sent_first[k] < n)
            w->sent[d->sent_first[k]] = 1;
    w->nspans = 0;
    w->npresent = 0;
    w->nwaiting = 0;
    return TT_OK;
}

/* ------------------------------------------------------------------ Vietnamese personal names */

static int form_label(const tt_er_doc *d, uint32_t form)
{
    return d->form_info[form] & 3;
}

/* Is the run [a, b) of capitalized syllables a person's name no listed name holds? */
static int is_name(const er *e, size_t a0, size_t b)
{
    const tt_er_doc *d = e->d;
    /* an honorific opening the run ("Ông Nguyễn Văn A" at a sentence start) is not the name */
    long opener = phrase_starting(e, a0, TT_ER_HONORIFIC);
    int cued = ((long)a0 < opener && opener < (long)b) || (a0 > 0 && phrase_ending(e, a0 - 1, TT_ER_HONORIFIC) >= 0);
    size_t a = opener > (long)a0 ? (size_t)opener : a0;
    if (a >= b || b - a < (cued ? 1u : 2u))
        return 0;
    for (size_t k = a; k < b; k++)
        if (!(d->flags[k] & d->viet_flag))
            return 0;
    if (!cued && !((d->roles[a] & e->lex->start_bit[TT_ER_SURNAME]) && word_is(e, a, TT_ER_SURNAME)))
        return 0;
    /* a listed name that spans the run or runs past it, or a listed person inside it; matches
     * in order of start are read from the first whose end, or an earlier one's, passes a */
    size_t i = 0;
    if (e->w->sorted) {
        size_t hi = d->nmatches;
        while (i < hi) {
            size_t mid = (i + hi) / 2;
            if (e->w->maxend[mid] > a)
                hi = mid;
            else
                i = mid + 1;
        }
    }
    for (; i < d->nmatches; i++) {
        const tt_er_match *m = &d->matches[i];
        if (e->w->sorted && m->tok_start >= b)
            break;
        if (!(m->tok_start < b && m->tok_end > a))
            continue;
        if (m->tok_start < a || m->tok_end > b || (m->tok_start <= a && m->tok_end >= b))
            return 0;
        if (form_label(d, m->form) == TT_ER_PER && !(m->flags & d->surname_flag))
            return 0;
    }
    return 1;
}

tt_status tt_er_names(const tt_er_lexicon *lex, const tt_er_doc *d, tt_er_work *w)
{
    tt_status st = check(lex, d, w);
    if (st != TT_OK)
        return st;
    er e = {lex, d, w, d->n, d->shape};
    size_t n = d->n, i = 0;
    uint32_t count = 0;
    /* runs of two to five capitalized syllables, as the expression C{2,5} finds them */
    while (i < n) {
        if (e.shape[i] != 'C') {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && e.shape[j] == 'C' && j - i < 5)
            j++;
        /* a Vietnamese name has no hyphen: "Choi Sang-mok" is a foreign one (capitalized_runs) */
        int hyphened = (j < n && e.shape[j] == 'h') || (i > 0 && e.shape[i - 1] == 'h');
        if (j - i >= 2 && !hyphened && is_name(&e, i, j)) {
            /* the honorific opening the run is left out */
            long opener = phrase_starting(&e, i, TT_ER_HONORIFIC);
            size_t a = opener > (long)i ? (size_t)opener : i;
            if ((st = add(&e, a, j, TT_ER_PER, TT_ER_NAME, count++)) != TT_OK)
                return st;
        }
        i = j;
    }
    return TT_OK;
}

/* ------------------------------------------------------------------ names no list holds */

/* Does a title or honorific introduce a name starting at token k? Portfolio words, a listed
 * place or organization and a comma may sit between them. */
static int title_before(const er *e, size_t k)
{
    long j = (long)k - 1;
    for (int steps = 0; j >= 0 && steps < TITLE_REACH; steps++) {
        if (phrase_ending(e, (size_t)j, TT_ER_HONORIFIC) >= 0 || phrase_ending(e, (size_t)j, TT_ER_TITLE) >= 0)
            return 1;
        long a = phrase_ending(e, (size_t)j, TT_ER_PORTFOLIO);
        if (a >= 0) {
            j = a - 1;
            continue;
        }
        if (e->shape[j] == ',') {
            j--;
            continue;
        }
        const tt_er_span *s = span_at(e, j);
        if (s != NULL && (s->label == TT_ER_LOC || s->label == TT_ER_ORG)) {
            j = (long)s->start - 1;
            continue;
        }
        return 0;
    }
    return 0;
}

/* Is a short form ("Hàn") joined to a place by a hyphen, a comma or "và" ("Mỹ - Hàn")? */
static int next_to_place(const er *e, size_t ts, size_t te)
{
    long pairs[2][2] = {{(long)ts - 1, (long)ts - 2}, {(long)te, (long)te + 1}};
    for (int p = 0; p < 2; p++) {
        long k = pairs[p][0], other = pairs[p][1];
        if (k < 0 || (size_t)k >= e->n || other < 0 || (size_t)other >= e->n)
            continue;
        char c = e->shape[k];
        if (c == 'h' || c == '-' || c == ',' || word_is(e, (size_t)k, TT_ER_AND)) {
            const tt_er_span *s = span_at(e, other);
            if (s != NULL && s->label == TT_ER_LOC)
                return 1;
        }
    }
    return 0;
}

static int present(const tt_er_work *w, uint32_t ent)
{
    for (size_t i = 0; i < w->npresent; i++)
        if (w->present[i] == ent)
            return 1;
    return 0;
}

static tt_status note_present(tt_er_work *w, uint32_t ent)
{
    if (present(w, ent))
        return TT_OK;
    tt_status st = tt_grow((void **)&w->present, &w->present_cap, w->npresent, 1, sizeof *w->present);
    if (st == TT_OK)
        w->present[w->npresent++] = ent;
    return st;
}

/* Is the capitalized word right before token ts part of a longer name with it ("Đông Anh" is
 * a district, not Đông and the United Kingdom), rather than a cue ending there ("Tại Anh")? */
static int part_of_name(const er *e, size_t ts)
{
    if (ts == 0 || !is_cap(e->shape[ts - 1]))
        return 0;
    for (unsigned r = 0; r < TT_ER_CUE_ROLES; r++)
        if (r != TT_ER_SURNAME && phrase_ending(e, ts - 1, r) >= 0)
            return 0;
    return 1;
}

/* Do tokens [ts, te) stand as words of the segmenter, not as the head of a longer word in
 * lower case ("Trung tâm", "Trung ương")? A name may go on in the same word ("Anh Boris
 * Johnson" is one word to the segmenter). */
static int not_word_head(const er *e, size_t ts, size_t te)
{
    if (ts > 0 && word_end(e, ts - 1) != ts)
        return 0; /* ts does not start a word */
    return te >= word_end(e, ts) || e->shape[te] != 'l';
}

/* Does a cue say that the short form at tokens [ts, te) is a country's: "tại Anh", "nước Ý", a
 * national office with its portfolio ("Thủ tướng Anh", "Bộ trưởng Quốc phòng Nhật")? Not an
 * honorific or a personal title ("ông Anh", "GS Việt" are men), and not when the short form is
 * less than a word ("Trung tâm") or a Vietnamese name goes on after it ("Trung Hòa"). */
static int short_cued(const er *e, size_t ts, size_t te)
{
    const tt_er_doc *d = e->d;
    if (ts == 0 || !not_word_head(e, ts, te))
        return 0;
    /* capitalized Vietnamese syllables after it: a Vietnamese name ("Anh Dũng"), not a
     * foreign one ("Anh Ben Wallace") */
    size_t k = te;
    int viet = 1;
    for (; k < e->n && is_cap(e->shape[k]); k++)
        viet &= (d->flags[k] & d->viet_flag) != 0;
    if (k > te && viet)
        return 0;
    if (phrase_ending(e, ts - 1, TT_ER_PLACE) >= 0 || word_is(e, ts - 1, TT_ER_NATION))
        return 1;
    long j = (long)ts - 1;
    for (int steps = 0; j >= 0 && steps < TITLE_REACH; steps++) {
        long a = phrase_ending(e, (size_t)j, TT_ER_TITLE);
        if (a >= 0) {
            size_t m = mask_of(e, (size_t)a, (size_t)j + 1);
            return m != NO_KEY && (m & (1u << TT_ER_NATION));
        }
        a = phrase_ending(e, (size_t)j, TT_ER_PORTFOLIO);
        if (a < 0)
            return 0;
        j = a - 1;
    }
    return 0;
}

/* Does more of a name follow token te: a capitalized word, or a hyphen and a word? */
static int name_goes_on(const er *e, size_t te)
{
    const char *shape = e->shape;
    if (te >= e->n)
        return 0;
    return is_cap(shape[te])
           || (shape[te] == 'h' && te + 1 < e->n && (is_cap(shape[te + 1]) || shape[te + 1] == 'l'));
}

/* Keep the matches context allows: plain forms always; short and surname forms when the
 * plain ones around them say so. */
static tt_status listed(const er *e, const int32_t *name_ent)
{
    const tt_er_doc *d = e->d;
    tt_er_work *w = e->w;
    tt_status st;
    for (size_t g = 0; g < d->nmatches; g++) {
        if (d->matches[g].tied && g > 0)
            continue; /* another form for the span of the group before */
        const tt_er_match *m = &d->matches[g];
        if (any_covered(e, m->tok_start, m->tok_end))
            continue; /* inside a Vietnamese personal name */
        uint8_t info = d->form_info[m->form];
        if (info & (TT_ER_FORM_SHORT | TT_ER_FORM_SURNAME)) {
            if ((st = tt_grow((void **)&w->waiting, &w->waiting_cap, w->nwaiting, 3, sizeof *w->waiting)) != TT_OK)
                return st;
            w->waiting[w->nwaiting++] = m->tok_start;
            w->waiting[w->nwaiting++] = m->tok_end;
            w->waiting[w->nwaiting++] = (uint32_t)g;
        } else if ((st = add(e, m->tok_start, m->tok_end, info & 3, TT_ER_LISTED, (uint32_t)g)) != TT_OK) {
            return st;
        }
    }
    /* the entities found so far: a short form or a surname stands for one of them */
    for (size_t i = 0; i < w->nspans; i++) {
        const tt_er_span *s = &w->spans[i];
        if (s->source == TT_ER_LISTED)
            st = note_present(w, d->form_ent[d->matches[s->ref].form]);
        else if (s->source == TT_ER_NAME && name_ent[s->ref] >= 0)
            st = note_present(w, (uint32_t)name_ent[s->ref]);
        else
            st = TT_OK;
        if (st != TT_OK)
            return st;
    }
    for (size_t i = 0; i < w->nwaiting; i += 3) {
        uint32_t ts = w->waiting[i], te = w->waiting[i + 1], g = w->waiting[i + 2];
        uint32_t form = d->matches[g].form;
        int ok;
        int short_form = (d->form_info[form] & TT_ER_FORM_SHORT) != 0;
        if ((d->form_info[form] & TT_ER_FORM_SURNAME) && name_goes_on(e, te))
            ok = 0; /* "ông Park Hang-seo" is not the listed Park */
        else if (short_form && part_of_name(e, ts))
            ok = 0; /* "Đông Anh" */
        else if (present(w, d->form_ent[form]))
            ok = 1;
        else if (short_form)
            ok = next_to_place(e, ts, te) || short_cued(e, ts, te);
        else
            ok = title_before(e, ts);
        if (ok && (st = add(e, ts, te, d->form_info[form] & 3, TT_ER_LISTED, g)) != TT_OK)
            return st;
    }
    return TT_OK;
}

static uint32_t opens_bits(const tt_er_lexicon *lex)
{
    return lex->start_bit[TT_ER_ORG_HEAD] | lex->start_bit[TT_ER_TITLE] | lex->start_bit[TT_ER_PORTFOLIO]
           | lex->start_bit[TT_ER_HONORIFIC];
}

static uint32_t closes_bits(const tt_er_lexicon *lex)
{
    return lex->end_bit[TT_ER_HONORIFIC] | lex->end_bit[TT_ER_TITLE] | lex->end_bit[TT_ER_PORTFOLIO]
           | lex->end_bit[TT_ER_PLACE] | lex->end_bit[TT_ER_PLACE_NOUN];
}

/* The label and tokens [*s, *t) of a name in the capitalized tokens [a, b), or -1. */
static int type_run(const er *e, size_t a, size_t b, size_t *s_out, size_t *t_out)
{
    const uint32_t *roles = e->d->roles;
    const char *shape = e->shape;
    /* no cue inside or right before the run (nor a comma or a name before it) */
    if (!(roles[a] & opens_bits(e->lex))
        && (a == 0 || (!(roles[a - 1] & closes_bits(e->lex)) && shape[a - 1] != ',' && !covered(e, a - 1))))
        return -1;
    if (phrase_starting(e, a, TT_ER_ORG_HEAD) > (long)a)
        return -1; /* an organization's name: organizations() reads it */
    if (phrase_starting(e, a, TT_ER_TITLE) == (long)b || phrase_starting(e, a, TT_ER_PORTFOLIO) == (long)b)
        return -1; /* a title of its own is no name */
    long hon = phrase_starting(e, a, TT_ER_HONORIFIC), tit = phrase_starting(e, a, TT_ER_TITLE);
    long opener = hon > tit ? hon : tit;
    if (((long)a < opener && opener < (long)b) || title_before(e, a)) {
        /* portfolio words written capitalized after the title are not the name */
        size_t s = opener > (long)a ? (size_t)opener : a;
        while (s < b) {
            long p = phrase_starting(e, s, TT_ER_PORTFOLIO);
            if (p <= (long)s)
                break;
            s = (size_t)p;
        }
        if (s >= b)
            return -1;
        int capitals = 1;
        for (size_t k = s; k < b; k++)
            capitals &= shape[k] == 'A';
        if (capitals || (b - s == 1 && word_is(e, s, TT_ER_TITLE_FIRST)))
            return -1; /* an acronym ("Chủ tịch HĐQT") or a piece of a title ("Phó") */
        *s_out = s;
        *t_out = b;
        return TT_ER_PER;
    }
    if (a > 0) {
        long p = phrase_ending(e, a - 1, TT_ER_PLACE_NOUN);
        if (p >= 0 && shape[p] == 'l') {
            *s_out = (size_t)p; /* vịnh Guinea: the noun belongs to the name */
            *t_out = b;
            return TT_ER_LOC;
        }
        if (phrase_ending(e, a - 1, TT_ER_PLACE) >= 0 && !e->w->sent[a]) {
            *s_out = a;
            *t_out = b;
            return TT_ER_LOC;
        }
    }
    return -1;
}

/* Persons and places among the capitalized words no listed name covers: runs as the
 * expression [CA](?:h[CAl]|[CA])* finds them. */
static tt_status capitalized_runs(const er *e)
{
    const char *shape = e->shape;
    size_t n = e->n, i = 0;
    tt_status st;
    while (i < n) {
        if (!is_cap(shape[i])) {
            i++;
            continue;
        }
        size_t a = i, b = i + 1;
        for (;;) {
            if (b + 1 < n && shape[b] == 'h' && (is_cap(shape[b + 1]) || shape[b + 1] == 'l'))
                b += 2;
            else if (b < n && is_cap(shape[b]))
                b++;
            else
                break;
        }
        size_t k = a;
        while (k < b) {
            if (covered(e, k)) {
                k++;
                continue;
            }
            size_t end = k;
            while (end < b && !covered(e, end))
                end++;
            size_t s, t;
            int label = type_run(e, k, end, &s, &t);
            /* a capital opening a common word is no name: "tại Khu công nghiệp", "Hệ thống" */
            if (label >= 0 && t < n && shape[t] == 'l' && word_end(e, t - 1) > t)
                label = -1;
            if (label >= 0 && !any_covered(e, s, t) && (st = add(e, s, t, label, TT_ER_RULE, 0)) != TT_OK)
                return st;
            k = end;
        }
        i = b;
    }
    return TT_OK;
}

/* Organizations named by a capitalized head and a capitalized word after it. */
static tt_status organizations(const er *e)
{
    const char *shape = e->shape;
    size_t n = e->n, after = 0;
    uint32_t head = e->lex->start_bit[TT_ER_ORG_HEAD];
    tt_status st;
    for (size_t k = 0; k < n; k++) {
        if (!is_cap(shape[k]) || k < after || covered(e, k) || !(e->d->roles[k] & head))
            continue;
        long hl = phrase_starting(e, k, TT_ER_ORG_HEAD);
        if (hl <= (long)k || (size_t)hl >= n || !is_cap(shape[hl]) || phrase_starting(e, k, TT_ER_TITLE) > hl)
            continue; /* no head, nothing capitalized after it, or a title */
        size_t h = (size_t)hl, end = k, j = h;
        while (j < n && j - k < ORG_MAX) {
            const tt_er_span *sp = span_at(e, (long)j);
            if (sp != NULL) {
                if (sp->label == TT_ER_LOC && sp->start == j)
                    end = sp->end; /* a country or place closes the name */
                break;
            }
            char c = shape[j];
            if (is_cap(c)) {
                size_t we = word_end(e, j);
                j = we > j + 1 ? we : j + 1;
                end = j;
            } else if (c == 'h') {
                j++;
            } else if (c == 'l' && !word_is(e, j, TT_ER_STOP)) {
                /* lowercase words count only if a capital or an acronym in brackets closes them */
                size_t q = j;
                while (q < n && q - j < ORG_LOWER_RUN && shape[q] == 'l' && !word_is(e, q, TT_ER_STOP))
                    q++;
                if (q < n && is_cap(shape[q]) && phrase_starting(e, q, TT_ER_ORG_HEAD) <= (long)q) {
                    j = q;
                } else if (q + 2 < n && shape[q] == '(' && shape[q + 1] == 'A' && shape[q + 2] == ')') {
                    end = q;
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if (end > h) {
            /* a body of an organization is one name: "Ủy ban Bộ trưởng của Hội đồng châu Âu" */
            if (end + 1 < n && word_is(e, end, TT_ER_OF)) {
                tt_er_span *sp = span_at(e, (long)end + 1);
                if (sp != NULL && sp->label == TT_ER_ORG && sp->start == end + 1) {
                    end = sp->end;
                    drop(e, sp);
                }
            }
            if ((st = add(e, k, end, TT_ER_ORG, TT_ER_RULE, 0)) != TT_OK)
                return st;
            after = end;
        }
    }
    return TT_OK;
}

/* Ships named in capitals after a vessel cue: "tàu container MOZART". */
static tt_status vessels(const er *e)
{
    const char *shape = e->shape;
    size_t n = e->n, i = 0;
    tt_status st;
    while (i < n) {
        if (shape[i] != 'A') {
            i++;
            continue;
        }
        size_t a = i, b = i;
        while (b < n && shape[b] == 'A')
            b++;
        i = b;
        if (covered(e, a))
            continue;
        for (long j = (long)a - 1; j >= 0 && j > (long)a - 4; j--) {
            if (phrase_ending(e, (size_t)j, TT_ER_VESSEL) >= 0) {
                if ((st = add(e, a, b, TT_ER_MISC, TT_ER_RULE, 0)) != TT_OK)
                    return st;
                break;
            }
            if (shape[j] != 'l')
                break;
        }
    }
    return TT_OK;
}

/* An unlisted acronym in brackets right after a name stands for that name. */
static tt_status bracket_acronyms(const er *e)
{
    const char *shape = e->shape;
    size_t n = e->n, i = 0;
    tt_status st;
    while (i + 2 < n) {
        if (!(shape[i] == '(' && shape[i + 1] == 'A' && shape[i + 2] == ')')) {
            i++;
            continue;
        }
        size_t a = i + 1;
        i += 3;
        const tt_er_span *prev = span_at(e, (long)a - 2);
        if (!covered(e, a) && prev != NULL && prev->end == a - 1
            && (prev->label == TT_ER_ORG || prev->label == TT_ER_LOC)
            && (st = add(e, a, a + 1, prev->label, TT_ER_RULE, 0)) != TT_OK)
            return st;
    }
    return TT_OK;
}

static int before(const tt_er_span *x, const tt_er_span *y)
{
    return x->start < y->start || (x->start == y->start && x->end > y->end);
}

/* Order by start, then longer first; spans that compare equal keep their order (a merge sort:
 * the rules add spans in runs of text order, one run per rule). */
static tt_status sort_spans(tt_er_work *w)
{
    size_t m = 0;
    for (size_t i = 0; i < w->nspans; i++)
        if (!w->spans[i].removed)
            w->spans[m++] = w->spans[i];
    w->nspans = m;
    if (m > w->tmp_cap) {
        tt_er_span *tmp = realloc(w->tmp, m * sizeof *tmp);
        if (tmp == NULL)
            return TT_ENOMEM;
        w->tmp = tmp;
        w->tmp_cap = m;
    }
    tt_er_span *from = w->spans, *to = w->tmp;
    for (size_t width = 1; width < m; width *= 2) {
        for (size_t lo = 0; lo < m; lo += 2 * width) {
            size_t mid = lo + width < m ? lo + width : m, hi = lo + 2 * width < m ? lo + 2 * width : m;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                to[k++] = before(&from[j], &from[i]) ? from[j++] : from[i++];
            while (i < mid)
                to[k++] = from[i++];
            while (j < hi)
                to[k++] = from[j++];
        }
        tt_er_span *t = from;
        from = to;
        to = t;
    }
    if (from != w->spans)
        memcpy(w->spans, from, m * sizeof *from);
    return TT_OK;
}

tt_status tt_er_spans(const tt_er_lexicon *lex, const tt_er_doc *d, const uint32_t *names, const int32_t *name_ent,
                      size_t nnames, tt_er_work *w)
{
    tt_status st = check(lex, d, w);
    if (st != TT_OK)
        return st;
    if (nnames && (names == NULL || name_ent == NULL))
        return TT_EINVAL;
    er e = {lex, d, w, d->n, d->shape};
    for (size_t i = 0; i < nnames; i++) {
        uint32_t a = names[2 * i], b = names[2 * i + 1];
        if (a >= b || b > d->n)
            return TT_EINVAL;
        if ((st = add(&e, a, b, TT_ER_PER, TT_ER_NAME, (uint32_t)i)) != TT_OK)
            return st;
    }
    if ((st = listed(&e, name_ent)) != TT_OK || (st = capitalized_runs(&e)) != TT_OK
        || (st = organizations(&e)) != TT_OK || (st = vessels(&e)) != TT_OK || (st = bracket_acronyms(&e)) != TT_OK)
        return st;
    return sort_spans(w);
}
