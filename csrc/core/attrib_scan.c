/* Anchors of the attribution rules that can open a form (see attrib_scan.h). */
#include "attrib_scan.h"

#include <string.h>

static tt_cp at(const tt_as_text *t, size_t i)
{
    switch (t->width) {
    case 1:
        return ((const uint8_t *)t->data)[i];
    case 2:
        return ((const uint16_t *)t->data)[i];
    default:
        return ((const uint32_t *)t->data)[i];
    }
}

static int good_text(const tt_as_text *t)
{
    return (t->width == 1 || t->width == 2 || t->width == 4) && (t->data != NULL || t->n == 0);
}

/* the regular expressions' [^\S\n]: whitespace that breaks no line */
static int line_space(const tt_as_text *t, size_t i, tt_as_ctype ctype)
{
    if (i >= t->n)
        return 0;
    tt_cp c = at(t, i);
    return c != '\n' && (ctype(c) & TT_AS_SPACE);
}

/* whether pos opens a line or follows a sentence's end ("." "!" "?"), spaces aside */
static int sentence_start(const tt_as_text *t, size_t pos)
{
    size_t i = pos;
    while (i > 0) {
        tt_cp c = at(t, i - 1);
        if (c != ' ' && c != '\t' && c != 0xA0)
            break;
        i--;
    }
    if (i == 0)
        return 1;
    tt_cp c = at(t, i - 1);
    return c == '\n' || c == '.' || c == '!' || c == '?';
}

/* the key the lower-cased text holds at [s, e), or NULL */
static const tt_as_key *key_at(const tt_as_text *low, size_t s, size_t e, const tt_as_key *keys, size_t n_keys)
{
    for (size_t k = 0; k < n_keys; k++) {
        if (keys[k].n != e - s)
            continue;
        size_t j = 0;
        while (j < keys[k].n && at(low, s + j) == keys[k].cp[j])
            j++;
        if (j == keys[k].n)
            return &keys[k];
    }
    return NULL;
}

/* spaces that break no line at e, then (when key names any) one of the key's next characters */
static int spaced(const tt_as_text *norm, size_t e, const tt_as_key *key, tt_as_ctype ctype)
{
    if (!line_space(norm, e, ctype))
        return 0;
    if (key == NULL || key->n_next == 0)
        return 1;
    size_t i = e + 1;
    while (line_space(norm, i, ctype))
        i++;
    if (i >= norm->n)
        return 0;
    tt_cp c = at(norm, i);
    for (size_t j = 0; j < key->n_next; j++)
        if (key->next[j] == c)
            return 1;
    return 0;
}

tt_status tt_attrib_scan(const tt_cue_rec *rec, size_t n_rec, const size_t *idx, size_t n_idx,
                         const tt_as_text *norm, const tt_as_text *low, const tt_as_key *keys, size_t n_keys,
                         int other, tt_as_ctype ctype, size_t *out, size_t *got)
{
    *got = 0;
    if (!good_text(norm) || !good_text(low) || norm->n != low->n || other < 0 || other >= TT_AS_NRULES)
        return TT_EINVAL;
    for (size_t k = 0; k < n_keys; k++)
        if (keys[k].rule < 0 || keys[k].rule >= TT_AS_NRULES || (keys[k].cp == NULL && keys[k].n > 0)
            || (keys[k].next == NULL && keys[k].n_next > 0))
            return TT_EINVAL;
    size_t n = norm->n, last = 0, kept = 0;
    for (size_t k = 0; k < n_idx; k++) {
        if (idx[k] >= n_rec)
            return TT_EINVAL;
        const tt_cue_rec *r = &rec[idx[k]];
        size_t s = r->start, e = r->end;
        if (s > e || e > n)
            return TT_EINVAL;
        if (s < last)
            continue; /* inside the anchor before it: no key word of its own */
        last = e;
        if (s > 0 && (ctype(at(low, s - 1)) & TT_AS_ALNUM))
            continue; /* inside a word */
        const tt_as_key *key = key_at(low, s, e, keys, n_keys);
        int keep;
        switch (key != NULL ? key->rule : other) {
        case TT_AS_SENTENCE:
            keep = line_space(norm, e, ctype) && sentence_start(norm, s);
            break;
        case TT_AS_SPACED:
            keep = spaced(norm, e, key, ctype);
            break;
        case TT_AS_NAME_NEXT:
            keep = e + 1 < n && (ctype(at(norm, e + 1)) & TT_AS_UPPER);
            break;
        default:
            keep = 1;
        }
        if (keep)
            out[kept++] = idx[k];
    }
    *got = kept;
    return TT_OK;
}

/* the first ")" at or after i, or t->n: memchr finds each byte 0x29 (the text's longest
 * loop), and a byte of another code point is passed over */
static size_t next_paren(const tt_as_text *t, size_t i)
{
    const unsigned char *base = t->data;
    size_t w = (size_t)t->width, end = t->n * w;
    for (size_t off = i * w; off < end;) {
        const unsigned char *hit = memchr(base + off, ')', end - off);
        if (hit == NULL)
            break;
        size_t k = (size_t)(hit - base) / w;
        if (at(t, k) == ')')
            return k;
        off = (size_t)(hit - base) + 1;
    }
    return t->n;
}

tt_status tt_attrib_dateline_lines(const tt_as_text *norm, tt_as_ctype ctype, tt_offbuf *out)
{
    if (!good_text(norm) || norm->n > TT_MAX_LEN)
        return TT_EINVAL;
    size_t n = norm->n, line_end = 0; /* the lines before line_end are done */
    for (size_t i = next_paren(norm, 0); i < n; i = next_paren(norm, i + 1)) {
        if (i < line_end)
            continue;
        size_t j = i + 1;
        while (line_space(norm, j, ctype))
            j++;
        tt_cp c = j < n ? at(norm, j) : 0;
        if (c != '-' && c != 0x2013 && c != 0x2014)
            continue;
        size_t start = i;
        while (start > 0 && at(norm, start - 1) != '\n')
            start--;
        tt_status st = tt_offbuf_push(out, (tt_off)start);
        if (st != TT_OK)
            return st;
        line_end = j;
        while (line_end < n && at(norm, line_end) != '\n')
            line_end++;
    }
    return TT_OK;
}

tt_status tt_attrib_credit_lines(const tt_as_text *norm, size_t k, tt_as_ctype ctype, tt_offbuf *out)
{
    if (!good_text(norm) || norm->n > TT_MAX_LEN)
        return TT_EINVAL;
    size_t end = norm->n;
    while (end > 0 && (ctype(at(norm, end - 1)) & TT_AS_SPACE))
        end--;
    size_t pos = end, breaks = 0;
    while (breaks < k) {
        size_t i = pos;
        while (i > 0 && at(norm, i - 1) != '\n')
            i--;
        if (i == 0)
            break;
        pos = i - 1; /* the line break */
        breaks++;
    }
    if (breaks == 0)
        return TT_OK;
    /* each line start from the one after that break on */
    for (size_t line = pos + 1; line <= norm->n;) {
        size_t i = line;
        while (line_space(norm, i, ctype))
            i++;
        if (i + 4 < norm->n && (at(norm, i) == 'T' || at(norm, i) == 't') && at(norm, i + 1) == 'h'
            && at(norm, i + 2) == 'e' && at(norm, i + 3) == 'o' && line_space(norm, i + 4, ctype)) {
            tt_status st = tt_offbuf_push(out, (tt_off)line);
            if (st != TT_OK)
                return st;
        }
        while (i < norm->n && at(norm, i) != '\n')
            i++;
        line = i + 1;
    }
    return TT_OK;
}
