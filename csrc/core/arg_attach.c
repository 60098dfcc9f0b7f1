/* Clause and arguments of one trigger (arg_attach.h), step for step what the Python
 * reference (tests/arguments_reference.py) does with str slices, split() and rfind(). */
#include "arg_attach.h"

#include <stdlib.h>

#include "word_window.h"

/* words allowed between a place cue and its place */
#define PLACE_REACH 4
/* words allowed between the one who undergoes a passive event and "bị" */
#define PATIENT_REACH 4
/* how close a recipient stands to its trigger to count as near */
#define NEAR_WORDS 4
/* words allowed between two entities of one group */
#define GROUP_GAP 4
/* how far after a comma a listed entity may end */
#define LIST_REACH 80
/* what words_before reads per word asked for (tintuc.events.words) */
#define CHARS_PER_WORD 16

static const tt_cp OF[] = {'c', 0x1EE7, 'a'};           /* "của" */
static const tt_cp BETWEEN[] = {'g', 'i', 0x1EEF, 'a'}; /* "giữa" */
static const tt_cp AND[] = {' ', 'v', 0x00E0, ' '};      /* " và " */
static const tt_cp GROUP_PUNCT[] = {',', '-', 0x2013};  /* what may stand between two of a group */

#define COUNT(a) (sizeof(a) / sizeof(a)[0])
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

static int is_space(const tt_arg_doc *d, size_t i)
{
    return (d->cls[i] & TT_WIN_SPACE) != 0;
}

static int is_alnum(const tt_arg_doc *d, size_t i)
{
    return (d->cls[i] & TT_ARG_ALNUM) != 0;
}

/* the clause punctuation: , ; : ( ) [ ] “ ” " ! ? … */
static int clause_punct(tt_cp c)
{
    switch (c) {
    case ',': case ';': case ':': case '(': case ')': case '[': case ']':
    case 0x201C: case 0x201D: case '"': case '!': case '?': case 0x2026:
        return 1;
    default:
        return 0;
    }
}

static int one_of(const tt_cp *set, size_t n, tt_cp c)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == c)
            return 1;
    return 0;
}

static int same(const tt_cp *a, const tt_cp *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

/* Whether cp[a:b] is a word of the list. */
static int listed(const tt_arg_words *w, const tt_cp *cp, size_t a, size_t b)
{
    for (size_t i = 0; i < w->n; i++)
        if (w->off[i + 1] - w->off[i] == b - a && same(w->cp + w->off[i], cp + a, b - a))
            return 1;
    return 0;
}

/* The next word (run of non-space) of text[*i:b]: its start in *s, *i moved past it; 0 when
   only spaces are left. The walk the word tests below share. */
static int next_word(const tt_arg_doc *d, size_t *i, size_t b, size_t *s)
{
    size_t k = *i;
    while (k < b && is_space(d, k))
        k++;
    *s = k;
    while (k < b && !is_space(d, k))
        k++;
    *i = k;
    return k > *s;
}

/* len(text[a:b].split()) */
static size_t count_words(const tt_arg_doc *d, size_t a, size_t b)
{
    size_t k = 0, s, i = a;
    b = MIN(b, d->n);
    while (next_word(d, &i, b, &s))
        k++;
    return k;
}

/* The first entity whose start is at least pos. */
static size_t first_entity(const tt_arg_doc *d, size_t pos)
{
    size_t lo = 0, hi = d->n_ent;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->ent_start[mid] < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The entities wholly inside [a, b) outside attribution phrases, in order; their number. */
static size_t entities_in(const tt_arg_doc *d, size_t a, size_t b, size_t *out)
{
    size_t k = 0;
    for (size_t i = first_entity(d, a); i < d->n_ent && d->ent_start[i] < b; i++)
        if (d->ent_end[i] <= b && !(d->ent_flags[i] & TT_ARG_EXCLUDED))
            out[k++] = i;
    return k;
}

/* text[s:e].strip(p).replace("-", "").isalnum() */
static int alnum_word(const tt_arg_doc *d, size_t s, size_t e, const tt_cp *p, size_t n_p)
{
    while (s < e && one_of(p, n_p, d->cp[s]))
        s++;
    while (e > s && one_of(p, n_p, d->cp[e - 1]))
        e--;
    int any = 0;
    for (size_t i = s; i < e; i++) {
        if (d->cp[i] == '-')
            continue;
        if (!is_alnum(d, i))
            return 0;
        any = 1;
    }
    return any;
}

/* Whether text[s:e] is a substring of p (Python's "w in punct"). */
static int inside(const tt_arg_doc *d, size_t s, size_t e, const tt_cp *p, size_t n_p)
{
    size_t len = e - s;
    for (size_t i = 0; i + len <= n_p; i++)
        if (same(p + i, d->cp + s, len))
            return 1;
    return 0;
}

/* Whether text[a:b] is at most limit words with no punctuation but the characters p. */
static int short_gap(const tt_arg_doc *d, size_t a, size_t b, size_t limit, const tt_cp *p, size_t n_p)
{
    b = MIN(b, d->n);
    if (count_words(d, a, b) > limit)
        return 0;
    size_t s, i = a;
    while (next_word(d, &i, b, &s))
        if (!alnum_word(d, s, i, p, n_p) && !(n_p && inside(d, s, i, p, n_p)))
            return 0;
    return 1;
}

/* str.rfind(w, start, end) over the text. */
static ptrdiff_t rfind(const tt_arg_doc *d, const tt_cp *w, size_t len, size_t start, size_t end)
{
    end = end < d->n ? end : d->n;
    if (end < len || end - len < start)
        return -1;
    for (size_t i = end - len + 1; i-- > start;)
        if (same(d->cp + i, w, len))
            return (ptrdiff_t)i;
    return -1;
}

/* The offset of the last of one word standing alone (no letter or digit touching it) in
 * [start, pos), found as the reference finds it, or -1. */
static ptrdiff_t word_before(const tt_arg_doc *d, const tt_cp *w, size_t len, size_t start, size_t pos)
{
    ptrdiff_t i = rfind(d, w, len, start, pos);
    while (i >= 0) {
        size_t u = (size_t)i;
        if ((u == 0 || !is_alnum(d, u - 1)) && (u + len >= d->n || !is_alnum(d, u + len)))
            return i;
        i = rfind(d, w, len, start, u);
    }
    return -1;
}

/* The offset of the last word of the list in [start, pos), or -1. */
static ptrdiff_t cue_before(const tt_arg_doc *d, const tt_arg_words *w, size_t start, size_t pos)
{
    ptrdiff_t best = -1;
    for (size_t k = 0; k < w->n; k++) {
        ptrdiff_t i = word_before(d, w->cp + w->off[k], w->off[k + 1] - w->off[k], start, pos);
        if (i > best)
            best = i;
    }
    return best;
}

/* words_before(text, pos, k): up to k words ending right before pos; their number. */
static size_t words_before(const tt_arg_doc *d, size_t pos, size_t k, tt_win_word *out)
{
    size_t lo = pos > CHARS_PER_WORD * k ? pos - CHARS_PER_WORD * k : 0;
    size_t hi = pos < d->n ? pos : d->n;
    size_t n = hi > lo ? hi - lo : 0;
    size_t cap = k < (n + 1) / 2 ? k : (n + 1) / 2;
    size_t got = tt_window_before(d->cp + lo, d->cls + lo, n, lo > 0, cap, out);
    for (size_t i = 0; i < got; i++) {
        out[i].start += lo;
        out[i].end += lo;
    }
    return got;
}

/* The end of the last clause boundary (punctuation or "boundary" cue) in [start, end), or -1. */
static ptrdiff_t boundary_before(const tt_arg_doc *d, size_t start, size_t end, size_t *cues)
{
    ptrdiff_t last = -1;
    for (size_t i = MIN(end, d->n); i > start; i--)
        if (clause_punct(d->cp[i - 1])) {
            last = (ptrdiff_t)i;
            break;
        }
    size_t got = tt_cue_find(d->bnd, d->n_bnd, start, end, 1, cues);
    if (got && (ptrdiff_t)d->bnd[cues[got - 1]].end > last)
        last = (ptrdiff_t)d->bnd[cues[got - 1]].end;
    return last;
}

/* [*s, *e) of the first clause boundary in [start, end); 0 when there is none. */
static int boundary_after(const tt_arg_doc *d, size_t start, size_t end, size_t *cues, size_t *s, size_t *e)
{
    size_t punct = SIZE_MAX;
    for (size_t i = start; i < MIN(end, d->n); i++)
        if (clause_punct(d->cp[i])) {
            punct = i;
            break;
        }
    size_t got = tt_cue_find(d->bnd, d->n_bnd, start, punct != SIZE_MAX ? punct : end, 1, cues);
    if (got) {
        *s = d->bnd[cues[0]].start;
        *e = d->bnd[cues[0]].end;
        return 1;
    }
    if (punct == SIZE_MAX)
        return 0;
    *s = punct;
    *e = punct + 1;
    return 1;
}

/* The end of the entity right after a comma ending at comma_end when it goes on a list (a
 * comma, "và", a full stop or a semicolon follows it, or the text ends), else -1. */
static ptrdiff_t listed_after(const tt_arg_doc *d, size_t comma_end)
{
    size_t i = first_entity(d, comma_end), b = comma_end + LIST_REACH;
    while (i < d->n_ent && d->ent_start[i] < b && (d->ent_end[i] > b || (d->ent_flags[i] & TT_ARG_EXCLUDED)))
        i++;
    if (i >= d->n_ent || d->ent_start[i] >= b)
        return -1;
    for (size_t k = comma_end; k < MIN(d->ent_start[i], d->n); k++)
        if (!is_space(d, k))
            return -1;
    size_t end = d->ent_end[i];
    if (end >= d->n)
        return (ptrdiff_t)end;
    tt_cp c = d->cp[end];
    if (c == ',' || c == '.' || c == ';' || (end + COUNT(AND) <= d->n && same(d->cp + end, AND, COUNT(AND))))
        return (ptrdiff_t)end;
    return -1;
}

static void clause_of(const tt_arg_doc *d, const tt_arg_hit *h, size_t *cues, size_t *left, size_t *right)
{
    size_t s = d->sent_start[h->sentence], e = d->sent_end[h->sentence];
    size_t from = MAX(s, h->prev_end);
    ptrdiff_t b = boundary_before(d, from, h->start, cues);
    *left = b >= 0 && (size_t)b > from ? (size_t)b : from;
    size_t r = MIN(e, h->next_start);
    size_t pos = h->reach, fs, fe;
    while (boundary_after(d, pos, r, cues, &fs, &fe)) {
        ptrdiff_t next = fe - fs == 1 && d->cp[fs] == ',' ? listed_after(d, fe) : -1;
        if (next < 0) {
            r = fs;
            break;
        }
        pos = (size_t)next; /* "với Australia, New Zealand và Ấn Độ": one list */
    }
    *right = r;
}

/* The places introduced by a place cue inside [start, end); their number. */
static size_t locations_in(const tt_arg_doc *d, size_t start, size_t end, size_t *cues, size_t *out)
{
    size_t got = tt_cue_find(d->loc, d->n_loc, start, end, 1, cues), k = 0;
    for (size_t c = 0; c < got; c++) {
        size_t cue_end = d->loc[cues[c]].end;
        for (size_t i = first_entity(d, cue_end); i < d->n_ent && d->ent_start[i] < end; i++) {
            if (d->ent_end[i] > end || (d->ent_flags[i] & TT_ARG_EXCLUDED))
                continue;
            if (!short_gap(d, cue_end, d->ent_start[i], PLACE_REACH, NULL, 0))
                break;
            if (d->ent_flags[i] & TT_ARG_PLACE) {
                out[k++] = i;
                break;
            }
        }
    }
    return k;
}

static int among(const size_t *list, size_t n, size_t x)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == x)
            return 1;
    return 0;
}

/* The participants among ents[0:n] that are not places; kept in place, their number. */
static size_t participants(const tt_arg_doc *d, size_t *ents, size_t n, const size_t *p1, size_t n1,
                           const size_t *p2, size_t n2)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if ((d->ent_flags[ents[i]] & TT_ARG_PARTICIPANT) && !among(p1, n1, ents[i]) && !among(p2, n2, ents[i]))
            ents[k++] = ents[i];
    return k;
}

/* Whether an agent word ("do", "bởi") stands right before entity m. */
static int after_agent(const tt_arg_doc *d, size_t m)
{
    tt_win_word w[1];
    return words_before(d, d->ent_start[m], 1, w) == 1
           && listed(&d->words[TT_ARG_AGENT], d->cp, w[0].start, w[0].end);
}

/* The group of entities nearest before pos in its sentence ("Armenia và Azerbaijan"). */
static size_t group_before(const tt_arg_doc *d, size_t pos, size_t sent_start, const size_t *places,
                           size_t n_places, tt_arg_scratch *s)
{
    size_t n = entities_in(d, sent_start, pos, s->cands), k = 0;
    for (size_t i = 0; i < n; i++) {
        size_t m = s->cands[i];
        if ((d->ent_flags[m] & TT_ARG_PARTICIPANT) && !among(places, n_places, m) && !after_agent(d, m))
            s->cands[k++] = m;
    }
    if (k == 0)
        return 0;
    /* built backwards from the end of the group buffer, then moved to its front */
    size_t *g = s->group, first = k - 1;
    g[first] = s->cands[k - 1];
    for (size_t i = k - 1; i-- > 0;) {
        size_t m = s->cands[i], head = d->ent_start[g[first]];
        if (d->ent_end[m] > head)
            continue; /* nested in the one already taken */
        if (!short_gap(d, d->ent_end[m], head, GROUP_GAP, GROUP_PUNCT, COUNT(GROUP_PUNCT)))
            break;
        g[--first] = m;
    }
    for (size_t i = first; i < k; i++)
        g[i - first] = g[i];
    return k - first;
}

/* Whether the trigger is used as a noun: "sự (công khai) hỗ trợ", "cuộc gặp". */
static int nominalized(const tt_arg_doc *d, size_t start)
{
    tt_win_word w[2];
    size_t got = words_before(d, start, 2, w);
    for (size_t i = 0; i < got; i++)
        if (listed(&d->words[TT_ARG_NOMINAL], d->cp, w[i].start, w[i].end))
            return 1;
    return 0;
}

/* Whether text[a:b] ends with "của" once trailing whitespace is left out. */
static int ends_with_of(const tt_arg_doc *d, size_t a, size_t b)
{
    b = MIN(b, d->n);
    if (a > b)
        return 0;
    while (b > a && is_space(d, b - 1))
        b--;
    return b - a >= COUNT(OF) && same(d->cp + b - COUNT(OF), OF, COUNT(OF));
}

/* Whether every word of text[a:b] is a determiner. */
static int all_determiners(const tt_arg_doc *d, size_t a, size_t b)
{
    b = MIN(b, d->n);
    size_t s, i = a;
    while (next_word(d, &i, b, &s))
        if (!listed(&d->words[TT_ARG_DETERMINERS], d->cp, s, i))
            return 0;
    return 1;
}

void tt_arg_attach(const tt_arg_doc *d, const tt_arg_hit *hit, tt_arg_scratch *s, tt_arg_result *out)
{
    tt_arg_hit h = *hit;
    size_t *vals[] = {&h.start, &h.end, &h.reach, &h.prev_end, &h.next_start};
    for (size_t i = 0; i < COUNT(vals); i++)
        *vals[i] = MIN(*vals[i], d->n);
    size_t left, right;
    clause_of(d, &h, s->cues, &left, &right);
    size_t sent_start = d->sent_start[h.sentence];
    int statement = (h.flags & TT_ARG_STATEMENT) != 0, setting = (h.flags & TT_ARG_SETTING) != 0;

    /* what follows a speech verb is what was said: its places are not where it was said */
    size_t n_right = statement ? 0 : locations_in(d, h.end, right, s->cues, s->right);
    size_t n_left = locations_in(d, left, h.start, s->cues, s->left);
    ptrdiff_t location = n_right ? (ptrdiff_t)s->right[0] : n_left ? (ptrdiff_t)s->left[n_left - 1] : -1;
    if (location < 0) {
        /* a place in the sentence's opening phrase ("Tại X, ...") sets the scene */
        for (size_t i = sent_start; i < MIN(left, d->n); i++)
            if (d->cp[i] == ',') {
                size_t got = locations_in(d, sent_start, i, s->cues, s->sentence);
                if (got)
                    location = (ptrdiff_t)s->sentence[got - 1];
                break;
            }
    }

    size_t n_before = setting ? 0 : entities_in(d, left, h.start, s->before);
    n_before = participants(d, s->before, n_before, s->right, n_right, s->left, n_left);
    size_t n_after = statement ? 0 : entities_in(d, h.end, right, s->after);
    n_after = participants(d, s->after, n_after, s->right, n_right, s->left, n_left);

    size_t n_actors = 0, n_recipients = 0;
    size_t *actors = s->actors, *recipients = s->recipients;
    ptrdiff_t voice = cue_before(d, &d->words[TT_ARG_VOICE], left, h.start);
    for (size_t i = 0; i < n_before; i++) {
        size_t m = s->before[i];
        if (voice < 0 || d->ent_start[m] > (size_t)voice)
            actors[n_actors++] = m;
        else if (d->ent_start[m] < (size_t)voice && count_words(d, d->ent_end[m], (size_t)voice) <= PATIENT_REACH)
            recipients[n_recipients++] = m;
    }

    ptrdiff_t agent_at = n_after ? cue_before(d, &d->words[TT_ARG_AGENT], h.end, right) : -1;
    int noun = -1;
    for (size_t i = 0; i < n_after; i++) {
        size_t m = s->after[i], ms = d->ent_start[m];
        if (agent_at >= 0 && ms > (size_t)agent_at)
            continue; /* "... do X làm trung gian": X brokered something else */
        if (noun < 0)
            noun = (h.flags & TT_ARG_NOUN) || nominalized(d, h.start);
        if (noun && ends_with_of(d, MIN(MAX(h.end, ms >= 8 ? ms - 8 : 0), ms), ms)) {
            actors[n_actors++] = m;
            continue;
        }
        recipients[n_recipients++] = m;
    }

    int borrowed = 0;
    if (n_actors == 0) {
        ptrdiff_t between = word_before(d, BETWEEN, COUNT(BETWEEN), h.end, right);
        if (between >= 0 && n_before == 0) {
            size_t k = 0;
            for (size_t i = 0; i < n_recipients; i++) {
                size_t m = recipients[i];
                if (d->ent_start[m] > (size_t)between)
                    actors[n_actors++] = m;
                else if (d->ent_start[m] < (size_t)between)
                    recipients[k++] = m;
            }
            n_recipients = k;
        }
        /* a noun trigger opening its clause is the subject; a passive one has someone unnamed */
        int opens = (h.flags & TT_ARG_NOUN) && all_determiners(d, left, h.start);
        if (n_actors == 0 && voice < 0 && !opens && !setting) {
            size_t sent_end = d->sent_end[h.sentence];
            size_t n_places = locations_in(d, sent_start, sent_end, s->cues, s->sentence);
            n_actors = group_before(d, left, sent_start, s->sentence, n_places, s);
            actors = s->group;
            borrowed = n_actors > 0;
        }
    }
    int near = 0;
    for (size_t i = 0; i < n_recipients && !near; i++) {
        size_t ms = d->ent_start[recipients[i]];
        near = ms >= h.end && count_words(d, h.end, ms) <= NEAR_WORDS;
    }
    out->left = left;
    out->right = right;
    out->actors = actors;
    out->n_actors = n_actors;
    out->recipients = recipients;
    out->n_recipients = n_recipients;
    out->location = location;
    out->borrowed = borrowed;
    out->near = near;
}

int tt_arg_scratch_init(tt_arg_scratch *s, const tt_arg_doc *d)
{
    size_t n_cue = (d->n_loc > d->n_bnd ? d->n_loc : d->n_bnd) + 1, n_ent = d->n_ent + 1;
    s->cues = malloc(n_cue * sizeof(size_t));
    s->right = malloc(n_cue * sizeof(size_t));
    s->left = malloc(n_cue * sizeof(size_t));
    s->sentence = malloc(n_cue * sizeof(size_t));
    s->before = malloc(n_ent * sizeof(size_t));
    s->after = malloc(n_ent * sizeof(size_t));
    s->cands = malloc(n_ent * sizeof(size_t));
    s->group = malloc(n_ent * sizeof(size_t));
    s->actors = malloc(2 * n_ent * sizeof(size_t));
    s->recipients = malloc(2 * n_ent * sizeof(size_t));
    if (!s->cues || !s->right || !s->left || !s->sentence || !s->before || !s->after || !s->cands || !s->group
        || !s->actors || !s->recipients) {
        tt_arg_scratch_free(s);
        return -1;
    }
    return 0;
}

void tt_arg_scratch_free(tt_arg_scratch *s)
{
    size_t **all[] = {&s->cues, &s->right, &s->left, &s->sentence, &s->before,
                      &s->after, &s->cands, &s->group, &s->actors, &s->recipients};
    for (size_t i = 0; i < COUNT(all); i++) {
        free(*all[i]);
        *all[i] = NULL;
    }
}
