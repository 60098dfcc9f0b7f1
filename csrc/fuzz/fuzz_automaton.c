/* libFuzzer target for core/automaton.c: the gazetteer automaton against a brute-force matcher.
 *
 * The first input byte picks the mode:
 *  0xC0..0xFF: the rest is serialized automaton bytes. Loading must fail cleanly (TT_EFORMAT) or
 *     give an automaton that matches a sample text without trouble.
 *  0x80..0xBF: patches (4-byte little-endian offset, 1-byte value) to the bytes of a real
 *     automaton, whose checksum is then recomputed so that the structural checks behind it get
 *     exercised. Whatever loads must match a sample text without trouble.
 *  0x00..0x7F: options (bit 0 overlapping, 1 diacritics-insensitive, 2 typos, 3 capitals, 4
 *     exclude entries with the first caller flag, 5 the text's words known: tokens joined into
 *     words by a pattern the last input byte picks), then names and a text (see read_case). Checked:
 *   - tt_ac_tokenize gives exactly tt_tokenize's tokens, over the raw and the normalized text;
 *   - the builder accepts exactly the names the reference accepts;
 *   - tt_ac_match_tokens over tt_tokenize's tokens gives the reference's matches: a brute force
 *     that tries every entry at every token with the rules of automaton.h, written without the
 *     trie, the hash tables or the typo index;
 *   - tt_ac_find gives the same matches, offsets mapped back to the raw text;
 *   - tt_ac_match_keyed over the tokens keyed once gives tt_ac_match_tokens' matches, and with
 *     lines == 0 those over the tokens with their line breaks hidden (reused keys and scratch);
 *   - an automaton saved and loaded again gives the same matches.
 * Build and run: make fuzz-build && build/fuzz/fuzz_automaton -max_total_time=60 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "../core/automaton.h"
#include "../core/normalize.h"
#include "../core/syllable.h"
#include "../core/tokenize.h"
#include "fuzz_check.h"


#define MAX_NAMES 8
#define MAX_NAME 48
#define MAX_TEXT 1024
#define MAX_UNITS 1200
#define MAX_RESULTS 4096

/* Letters of both cases and tone placements, Vietnamese and foreign, spaces of several kinds,
 * hyphens and dashes, punctuation, digits, combining marks, a line separator, an emoji. */
static const tt_cp alphabet[] = {
    ' ', ' ', ' ', ' ', '-', '-', '.', ',', '\n', '(', ')', '"', '\'', ':', '/',
    'a', 'b', 'c', 'd', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'v',
    'x', 'y', 'z', 'j', 'w', 'q',
    'A', 'B', 'C', 'D', 'H', 'K', 'L', 'M', 'N', 'P', 'S', 'T', 'V', 'X', 'Z', 'J', 'U', 'O',
    0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1, 0x0103, 0x1EAF, 0x00E2, 0x1EA5, 0x0111, 0x0110,
    0x00EA, 0x1EBF, 0x1EC1, 0x00F4, 0x1ED1, 0x1ED3, 0x01A1, 0x1EDB, 0x01B0, 0x1EE9, 0x1EEB,
    0x1ED9, 0x1EC7, 0x1ECB, 0x1ECD, 0x1EE5, 0x1EF3, 0x00FD, 0x00F2, 0x00F9,
    0x00C0, 0x00C1, 0x1EA4, 0x01A0, 0x01AF, 0x1ED8, 0x1EC6, 0x1ECA, 0x00D4, 0x00C2, 0x0102, 0x00CA,
    '0', '1', '9', 0x00A0, 0x2013, 0x0301, 0x0300, 0x0323, 0x1F600, 0x2028, 0x3000,
    0x00FC, 0x00DC, 0x00F1, 0x00F8, 0x03A3, 0x03C3, 0x03C2, 0x00D0, '\t',
};
#define NA (sizeof alphabet / sizeof alphabet[0])

/* A sample that any loaded automaton must match without trouble. */
static const tt_cp sample[] = {'H', 0x00E0, ' ', 'N', 0x1ED9, 'i', ',', ' ', 'H', 'A', ' ', 'N', 'O', 'I', ' ',
                               'A', 'z', 'e', 'r', 'b', 'a', 'i', 'z', 'a', 'n', '\n', 'N', 'a', '-', 'K'};

#ifdef FUZZ_STATS
static size_t stats[5];
static void print_stats(void)
{
    fprintf(stderr, "matches: %zu exact, %zu fold, %zu typo; %zu of %zu cases match\n", stats[0], stats[1], stats[2],
            stats[3], stats[4]);
}
#endif

static unsigned char *real_bytes;
static size_t real_len;

static const UNormalizer2 *nfd;

/* ------------------------------------------------------------------ the reference */

/* Lower case by ICU's simple case folding; U+00D0 is read as Đ, as everywhere in tintuc. */
static tt_cp ref_fold(tt_cp c)
{
    if (c == 0x00D0)
        return 0x0111;
    if (c > 0x10FFFF)
        return c;
    return (tt_cp)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
}

/* A key letter from ICU alone: folded, then the first code point of its canonical decomposition
 * when the rest are non-spacing marks; đ is d. */
static tt_cp ref_key(tt_cp c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return c;
    tt_cp f = ref_fold(c);
    if (f == 0x0111)
        return 'd';
    UChar buf[16];
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = unorm2_getDecomposition(nfd, (UChar32)f, buf, 16, &err);
    if (U_FAILURE(err) || len <= 0)
        return f;
    int32_t k = 0;
    UChar32 base;
    U16_NEXT(buf, k, len, base);
    while (k < len) {
        UChar32 m;
        U16_NEXT(buf, k, len, m);
        if (u_charType(m) != U_NON_SPACING_MARK)
            return f;
    }
    return ref_fold((tt_cp)base);
}

static int ref_case(tt_cp c)
{
    if (c > 0x10FFFF)
        return 0;
    if (u_isupper((UChar32)c) || u_istitle((UChar32)c))
        return 1;
    return u_islower((UChar32)c) ? 2 : 0;
}

static int ref_letter(tt_cp c)
{
    return c <= 0x10FFFF && u_isalpha((UChar32)c);
}

static int ref_hyphen(const tt_cp *s, const tt_token *t)
{
    tt_cp c = s[t->start];
    return t->kind == TT_TOK_PUNCT && t->end - t->start == 1
           && (c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D);
}

typedef struct {
    size_t start, len;
} span;

/* A text or a name as the reference sees it: its non-hyphen tokens. */
typedef struct {
    tt_cpbuf norm;
    tt_offbuf map;
    tt_tokbuf toks;
    span u[MAX_UNITS];
    uint32_t tok[MAX_UNITS];
    int brk[MAX_UNITS], word[MAX_UNITS], plain[MAX_UNITS];
    size_t nu;
    int ok; /* for names: accepted */
} seq;

static int key_eq(const tt_cp *a, size_t la, const tt_cp *b, size_t lb)
{
    if (la != lb)
        return 0;
    for (size_t x = 0; x < la; x++)
        if (ref_key(a[x]) != ref_key(b[x]))
            return 0;
    return 1;
}

static int has_diac(const tt_cp *t, size_t n)
{
    for (size_t x = 0; x < n; x++)
        if (ref_key(t[x]) != ref_fold(t[x]))
            return 1;
    return 0;
}

static void seq_make(seq *q, const tt_cp *s, size_t n, int is_name)
{
    const tt_norm_opts o = {TT_TONE_HOA, 1};
    q->norm.n = q->map.n = q->toks.n = 0;
    q->nu = 0;
    CHECK(tt_normalize(s, n, &o, &q->norm, &q->map, NULL) == TT_OK);
    CHECK(tt_tokenize(q->norm.v, q->norm.n, &q->toks) == TT_OK);
    const tt_cp *t = q->norm.v;
    int brk = 0, letters = 0;
    q->ok = 1;
    for (size_t k = 0; k < q->toks.n; k++) {
        const tt_token *tk = &q->toks.v[k];
        if (tk->flags & TT_TF_NEWLINE_BEFORE) {
            brk = 1;
            if (is_name && k > 0)
                q->ok = 0;
        }
        if (ref_hyphen(t, tk))
            continue;
        CHECK(q->nu < MAX_UNITS);
        q->u[q->nu].start = tk->start;
        q->u[q->nu].len = tk->end - tk->start;
        q->tok[q->nu] = (uint32_t)k;
        q->brk[q->nu] = brk && q->nu > 0;
        q->word[q->nu] = tk->kind == TT_TOK_WORD;
        brk = 0;
        for (size_t x = tk->start; x < tk->end; x++)
            letters += ref_letter(t[x]);
        if (tk->end - tk->start > TT_AC_MAX_SYL)
            q->ok = 0;
        q->nu++;
    }
    if (q->nu == 0 || q->nu > TT_AC_MAX_TOKENS || letters == 0)
        q->ok = 0;
    /* lines written without diacritics */
    for (size_t a = 0; a < q->nu;) {
        size_t b = a + 1, words = 0, marked = 0;
        while (b < q->nu && !q->brk[b])
            b++;
        for (size_t k = a; k < b; k++)
            if (q->word[k]) {
                words++;
                marked += has_diac(t + q->u[k].start, q->u[k].len);
            }
        for (size_t k = a; k < b; k++)
            q->plain[k] = marked * 8 < words;
        a = b;
    }
}

typedef struct {
    size_t i, j;   /* units */
    int64_t value;
    int kind, folded;
} result;

typedef struct {
    int overlapping, fold, typos, capitals;
    uint32_t exclude;
    const uint8_t *joins; /* per token of the text: joins the next into a word; or NULL */
} options;

static seq names[MAX_NAMES];
static uint32_t name_flags[MAX_NAMES];
static size_t nnames;
static seq text;

static int initial_case(const tt_cp *s, size_t n)
{
    for (size_t x = 0; x < n; x++)
        if (ref_case(s[x]))
            return ref_case(s[x]);
    return 0;
}

/* Is t[0, n) a key token of an accepted name? */
static int known(const tt_cp *t, size_t n)
{
    for (size_t e = 0; e < nnames; e++)
        for (size_t k = 0; names[e].ok && k < names[e].nu; k++)
            if (key_eq(t, n, names[e].norm.v + names[e].u[k].start, names[e].u[k].len))
                return 1;
    return 0;
}

static size_t name_letters(const seq *q)
{
    size_t n = 0;
    for (size_t k = 0; k < q->nu; k++)
        for (size_t x = 0; x < q->u[k].len; x++)
            n += ref_letter(q->norm.v[q->u[k].start + x]);
    return n;
}

static int one_edit(const tt_cp *x, size_t lx, const tt_cp *y, size_t ly)
{
    /* brute force: every single edit of x, compared with y */
    tt_cp tmp[80];
    if (lx > 64 || ly > 64)
        return 0;
    if (lx == ly) {
        size_t diff = 0;
        for (size_t p = 0; p < lx; p++)
            diff += x[p] != y[p];
        if (diff == 1)
            return 1;
        for (size_t p = 0; p + 1 < lx; p++) {
            memcpy(tmp, x, lx * sizeof *x);
            tmp[p] = x[p + 1];
            tmp[p + 1] = x[p];
            if (x[p] != x[p + 1] && memcmp(tmp, y, lx * sizeof *x) == 0)
                return 1;
        }
        return 0;
    }
    const tt_cp *lo = lx > ly ? x : y, *sh = lx > ly ? y : x;
    size_t ll = lx > ly ? lx : ly, ls = lx > ly ? ly : lx;
    if (ll != ls + 1)
        return 0;
    for (size_t p = 0; p < ll; p++) {
        size_t m = 0;
        for (size_t q = 0; q < ll; q++)
            if (q != p)
                tmp[m++] = lo[q];
        if (memcmp(tmp, sh, ls * sizeof *x) == 0)
            return 1;
    }
    return 0;
}

/* Does name e match text units [i, i + nu(e)) ? */
static int ref_check(const options *o, size_t e, size_t i, int *kind, int *folded)
{
    const seq *nm = &names[e];
    uint32_t flags = name_flags[e];
    size_t k = nm->nu;
    if (!nm->ok || i + k > text.nu || (flags & o->exclude))
        return 0;
    for (size_t p = 1; p < k; p++)
        if (text.brk[i + p])
            return 0;
    int typo_at = -1, fl = 0, first_letter = 1;
    for (size_t p = 0; p < k; p++) {
        const tt_cp *t = text.norm.v + text.u[i + p].start, *w = nm->norm.v + nm->u[p].start;
        size_t tl = text.u[i + p].len, wl = nm->u[p].len;
        if (!key_eq(t, tl, w, wl)) {
            /* a typo? */
            if (!o->typos || typo_at >= 0 || (flags & (TT_AC_CASED | TT_AC_NOTYPO)) || name_letters(nm) < 8)
                return 0;
            if (!text.word[i + p] || tl + 1 < 5 || tl > 64 || ref_case(t[0]) != 1 || tt_syllable_valid(t, tl)
                || known(t, tl))
                return 0;
            size_t wletters = 0;
            for (size_t x = 0; x < wl; x++)
                wletters += ref_letter(w[x]);
            if (wletters < 5 || wl > 64)
                return 0;
            tt_cp kt[80], kw[80];
            for (size_t x = 0; x < tl; x++)
                kt[x] = ref_key(t[x]);
            for (size_t x = 0; x < wl; x++)
                kw[x] = ref_key(w[x]);
            if (kt[0] != kw[0] || !one_edit(kt, tl, kw, wl))
                return 0;
            if (initial_case(w, wl) == 1 && initial_case(t, tl) != 1)
                return 0;
            typo_at = (int)p;
            first_letter = 0;
            continue;
        }
        int exact = 1;
        for (size_t x = 0; x < tl; x++)
            if (ref_fold(t[x]) != ref_fold(w[x]))
                exact = 0;
        if (!exact) {
            if (!o->fold || (flags & TT_AC_EXACT))
                return 0;
            int viet = text.word[i + p] && tt_syllable_valid(t, tl);
            int diac = has_diac(t, tl);
            if (viet && !(flags & TT_AC_PLAIN) && (diac || !text.plain[i + p]))
                return 0;
            if (viet && (flags & TT_AC_PLAIN) && initial_case(w, wl) == 1 && initial_case(t, tl) != 1)
                return 0;
            fl++;
        }
        /* in names of three words or more only the first is held to the capitals option, and
         * not even that one in a headed name, where it begins a word and the second word is
         * capitalized in the name and the text */
        if (o->capitals && !(flags & TT_AC_ANYCASE) && (p == 0 || k < 3) && initial_case(w, wl) == 1
            && initial_case(t, tl) != 1) {
            const tt_cp *w2 = nm->norm.v + nm->u[1].start, *t2 = text.norm.v + text.u[i + 1].start;
            uint32_t tok = text.tok[i];
            int head = p == 0 && k >= 3 && (flags & TT_AC_HEADED) && o->joins != NULL
                       && (tok == 0 || !o->joins[tok - 1]) && initial_case(w2, nm->u[1].len) == 1
                       && initial_case(t2, text.u[i + 1].len) == 1;
            if (!head)
                return 0;
        }
        size_t up = 0, low = 0;
        for (size_t x = 0; x < wl; x++) {
            int c = ref_case(w[x]);
            up += c == 1;
            low += c == 2;
        }
        int caps = up >= 2 && low == 0;
        for (size_t x = 0; x < wl; x++) {
            int cw = ref_case(w[x]);
            if (cw == 0)
                continue;
            if ((flags & TT_AC_CASED) || (!(flags & TT_AC_ANYCASE) && caps)) {
                int ct = ref_case(t[x]);
                if (cw == 1 && ct != 1)
                    return 0;
                if (cw == 2 && ct != 2 && !first_letter)
                    return 0;
            }
            first_letter = 0;
        }
    }
    if (typo_at >= 0 && name_letters(nm) < 8)
        return 0;
    *kind = typo_at >= 0 ? TT_AC_MATCH_TYPO : fl ? TT_AC_MATCH_FOLD : TT_AC_MATCH_EXACT;
    *folded = fl;
    return 1;
}

static int qual(const result *r)
{
    return r->kind << 8 | r->folded;
}

static int res_cmp(const void *x, const void *y)
{
    const result *a = x, *b = y;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    if (a->j != b->j)
        return a->j < b->j ? -1 : 1;
    if (qual(a) != qual(b))
        return qual(a) < qual(b) ? -1 : 1;
    return (a->value > b->value) - (a->value < b->value);
}

static result all[MAX_RESULTS], want[MAX_RESULTS], got[MAX_RESULTS];

/* The reference's matches, as (units, value, kind, folded), ties sorted by value. */
static size_t reference(const options *o, result *out)
{
    size_t na = 0, nout = 0;
    for (size_t i = 0; i < text.nu; i++)
        for (size_t e = 0; e < nnames; e++) {
            int kind, folded;
            if (na < MAX_RESULTS && ref_check(o, e, i, &kind, &folded)) {
                result r = {i, i + names[e].nu - 1, (int64_t)e, kind, folded};
                all[na++] = r;
            }
        }
    qsort(all, na, sizeof *all, res_cmp);
    /* keep the best quality of each span (sorted first in its span) */
    size_t kept = 0;
    for (size_t k = 0; k < na;) {
        size_t e = k;
        while (e < na && all[e].i == all[k].i && all[e].j == all[k].j)
            e++;
        for (size_t x = k; x < e && qual(&all[x]) == qual(&all[k]); x++)
            all[kept++] = all[x];
        k = e;
    }
    if (o->overlapping) {
        memcpy(out, all, kept * sizeof *all);
        return kept;
    }
    for (size_t k = 0; k < kept;) {
        size_t i = all[k].i, e = k, jmax = 0;
        while (e < kept && all[e].i == i) {
            jmax = all[e].j;
            e++;
        }
        for (size_t x = k; x < e; x++)
            if (all[x].j == jmax)
                out[nout++] = all[x];
        k = e;
        while (k < kept && all[k].i <= jmax)
            k++;
    }
    return nout;
}

/* The engine's matches in the same form, from records over text's tokens. */
static size_t from_engine(const tt_ac_matchbuf *m, result *out)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n; k++) {
        const tt_ac_match *r = &m->v[k];
        size_t i = 0, j = 0;
        while (i < text.nu && text.tok[i] != r->tok_start)
            i++;
        while (j < text.nu && text.tok[j] + 1 != r->tok_end)
            j++;
        CHECK(i < text.nu && j < text.nu && i <= j);
        CHECK(r->start == text.u[i].start && r->end == text.u[j].start + text.u[j].len);
        CHECK((r->tied != 0) == (k > 0 && m->v[k - 1].tok_start == r->tok_start && m->v[k - 1].tok_end == r->tok_end));
        CHECK(n < MAX_RESULTS);
        result x = {i, j, r->value, r->kind, r->folded};
        out[n++] = x;
    }
    /* ties in value order, as the reference has them */
    qsort(out, n, sizeof *out, res_cmp);
    return n;
}

static void show(const char *what, const tt_cp *s, size_t n)
{
    fprintf(stderr, "%s: \"", what);
    for (size_t x = 0; x < n; x++) {
        if (s[x] >= 0x20 && s[x] < 0x7F)
            fputc((int)s[x], stderr);
        else
            fprintf(stderr, "\\u%04X", (unsigned)s[x]);
    }
    fprintf(stderr, "\"\n");
}

static void same_results(const result *a, size_t na, const result *b, size_t nb)
{
    int bad = na != nb;
    for (size_t k = 0; k < na && k < nb; k++)
        bad |= a[k].i != b[k].i || a[k].j != b[k].j || a[k].value != b[k].value || a[k].kind != b[k].kind
               || a[k].folded != b[k].folded;
    if (bad) {
        for (size_t e = 0; e < nnames; e++) {
            fprintf(stderr, "name %zu (flags %x, %s): ", e, name_flags[e], names[e].ok ? "ok" : "rejected");
            show("", names[e].norm.v, names[e].norm.n);
        }
        show("text (normalized)", text.norm.v, text.norm.n);
        for (size_t k = 0; k < text.nu; k++)
            fprintf(stderr, "  unit %zu: tok %u [%zu,+%zu) brk %d word %d plain %d\n", k, text.tok[k], text.u[k].start,
                    text.u[k].len, text.brk[k], text.word[k], text.plain[k]);
        for (size_t k = 0; k < na; k++)
            fprintf(stderr, "engine    [%zu,%zu] v%lld k%d f%d\n", a[k].i, a[k].j, (long long)a[k].value, a[k].kind, a[k].folded);
        for (size_t k = 0; k < nb; k++)
            fprintf(stderr, "reference [%zu,%zu] v%lld k%d f%d\n", b[k].i, b[k].j, (long long)b[k].value, b[k].kind, b[k].folded);
    }
    if (na != nb)
        fprintf(stderr, "engine %zu matches, reference %zu\n", na, nb);
    for (size_t k = 0; k < na && k < nb; k++)
        if (a[k].i != b[k].i || a[k].j != b[k].j || a[k].value != b[k].value || a[k].kind != b[k].kind
            || a[k].folded != b[k].folded)
            fprintf(stderr, "#%zu: engine [%zu,%zu] v%lld k%d f%d, reference [%zu,%zu] v%lld k%d f%d\n", k,
                    a[k].i, a[k].j, (long long)a[k].value, a[k].kind, a[k].folded, b[k].i, b[k].j,
                    (long long)b[k].value, b[k].kind, b[k].folded);
    CHECK(na == nb);
    for (size_t k = 0; k < na; k++)
        CHECK(a[k].i == b[k].i && a[k].j == b[k].j && a[k].value == b[k].value && a[k].kind == b[k].kind
              && a[k].folded == b[k].folded);
}

/* ------------------------------------------------------------------ reading a case */

static tt_cp name_buf[MAX_NAMES][MAX_NAME];
static size_t name_len[MAX_NAMES];
static tt_cp text_buf[MAX_TEXT * 2];
static size_t text_len;

/* Append name e to the text, changed by how: 0 as written, 1 upper case, 2 lower case, 3 no
 * diacritics, 4 no diacritics in upper case, 5 one letter changed, 6 a letter dropped, 7 hyphens
 * for spaces. */
static void put_name(size_t e, unsigned how, unsigned arg)
{
    const tt_cp *s = name_buf[e];
    size_t n = name_len[e];
    size_t at = n ? arg % n : 0;
    for (size_t x = 0; x < n && text_len < MAX_TEXT * 2; x++) {
        tt_cp c = s[x];
        tt_letter l;
        switch (how) {
        case 1: c = c <= 0x10FFFF ? (tt_cp)u_toupper((UChar32)c) : c; break;
        case 2: c = c <= 0x10FFFF ? (tt_cp)u_tolower((UChar32)c) : c; break;
        case 3: case 4:
            if (tt_letter_from_cp(c, &l)) {
                tt_cp b = tt_letter_strip(c);
                c = b ? b : c;
            }
            if (how == 4 && c <= 0x10FFFF)
                c = (tt_cp)u_toupper((UChar32)c);
            break;
        case 5: if (x == at) c = alphabet[(arg >> 8) % NA]; break;
        case 6: if (x == at) continue; break;
        case 7: if (c == ' ') c = '-'; break;
        }
        text_buf[text_len++] = c;
    }
}

static void read_case(const uint8_t *d, size_t n)
{
    size_t k = 1;
    nnames = k < n ? d[k++] % (MAX_NAMES + 1) : 0;
    for (size_t e = 0; e < nnames; e++) {
        name_flags[e] = k < n ? d[k++] : 0;
        name_flags[e] = (name_flags[e] & 0x1F) | ((name_flags[e] & 0x20) ? 1u << TT_AC_USER_SHIFT : 0)
                        | ((name_flags[e] & 0x40) ? TT_AC_HEADED : 0);
        size_t len = k < n ? d[k++] % MAX_NAME : 0;
        name_len[e] = 0;
        for (size_t x = 0; x < len && k < n; x++)
            name_buf[e][name_len[e]++] = alphabet[d[k++] % NA];
    }
    text_len = 0;
    while (k < n && text_len < MAX_TEXT) {
        uint8_t b = d[k++];
        if (b >= 0xE0 && nnames > 0) {
            unsigned arg = k + 1 < n ? (unsigned)d[k] | (unsigned)d[k + 1] << 8 : 0;
            k += 2;
            put_name(b % nnames, (b >> 2) & 7, arg);
        } else {
            text_buf[text_len++] = alphabet[b % NA];
        }
    }
}

/* ------------------------------------------------------------------ modes */

static void same_tokens(const tt_cp *s, size_t n)
{
    tt_tokbuf a = {0}, b = {0};
    CHECK(tt_tokenize(s, n, &a) == TT_OK);
    CHECK(tt_ac_tokenize(s, n, &b) == TT_OK);
    if (a.n != b.n)
        fprintf(stderr, "tokens: %zu from tt_tokenize, %zu from tt_ac_tokenize\n", a.n, b.n);
    for (size_t k = 0; k < a.n && k < b.n; k++)
        if (a.v[k].start != b.v[k].start || a.v[k].end != b.v[k].end || a.v[k].kind != b.v[k].kind
            || a.v[k].flags != b.v[k].flags)
            fprintf(stderr, "token %zu: [%u,%u) k%d f%d vs [%u,%u) k%d f%d\n", k, a.v[k].start, a.v[k].end,
                    a.v[k].kind, a.v[k].flags, b.v[k].start, b.v[k].end, b.v[k].kind, b.v[k].flags);
    CHECK(a.n == b.n);
    for (size_t k = 0; k < a.n; k++)
        CHECK(a.v[k].start == b.v[k].start && a.v[k].end == b.v[k].end && a.v[k].kind == b.v[k].kind
              && a.v[k].flags == b.v[k].flags);
    tt_tokbuf_free(&a);
    tt_tokbuf_free(&b);
}

static void match_sample(const tt_automaton *a)
{
    tt_ac_scratch scr = {0};
    tt_ac_matchbuf m = {0};
    const size_t n = sizeof sample / sizeof sample[0];
    for (int mode = 0; mode < 4; mode++) {
        tt_ac_opts o = {mode & 1, 1, 1, mode >> 1, 0, NULL};
        m.n = 0;
        tt_status st = tt_ac_find(a, sample, n, &o, &scr, &m);
        CHECK(st == TT_OK || st == TT_ENOMEM);
        for (size_t k = 0; k < m.n; k++) {
            CHECK(m.v[k].start < m.v[k].end && m.v[k].end <= n);
            CHECK(m.v[k].tok_start < m.v[k].tok_end);
            int64_t v;
            uint32_t f;
            CHECK(tt_ac_entry(a, m.v[k].entry, &v, &f) == TT_OK && v == m.v[k].value && f == m.v[k].flags);
        }
    }
    tt_ac_matchbuf_free(&m);
    tt_ac_scratch_free(&scr);
}

static void fuzz_bytes(const uint8_t *d, size_t n)
{
    tt_automaton *a = NULL;
    tt_status st = tt_ac_load(d, n, &a);
    CHECK(st == TT_OK || st == TT_EFORMAT || st == TT_ENOMEM);
    CHECK((st == TT_OK) == (a != NULL));
    if (a != NULL)
        match_sample(a);
    tt_ac_free(a);
}

static void fuzz_patched(const uint8_t *d, size_t n)
{
    if (real_len == 0)
        return;
    unsigned char *b = malloc(real_len);
    if (b == NULL)
        return;
    memcpy(b, real_bytes, real_len);
    for (size_t k = 0; k + 5 <= n; k += 5) {
        uint32_t off = (uint32_t)d[k] | (uint32_t)d[k + 1] << 8 | (uint32_t)d[k + 2] << 16 | (uint32_t)d[k + 3] << 24;
        size_t at = (off & 0x80000000u) ? off % real_len : off % 64;
        if (at < 56 || at >= 64)
            b[at] = d[k + 4];
    }
    uint64_t h = tt_ac_checksum(b + 64, real_len - 64);
    for (int i = 0; i < 8; i++)
        b[56 + i] = (unsigned char)(h >> (8 * i));
    fuzz_bytes(b, real_len);
    free(b);
}

static void run_engine(const tt_automaton *a, const options *op, tt_ac_matchbuf *m, tt_ac_matchbuf *f)
{
    tt_ac_scratch scr = {0};
    tt_ac_opts o = {op->overlapping, op->fold, op->typos, op->capitals, op->exclude, op->joins};
    m->n = f->n = 0;
    CHECK(tt_ac_match_tokens(a, text.norm.v, text.norm.n, text.toks.v, text.toks.n, &o, &scr, m) == TT_OK);
    CHECK(tt_ac_find(a, text_buf, text_len, &o, &scr, f) == TT_OK);
    static tt_ac_keyed keyed;
    static tt_tokbuf flat;
    tt_ac_matchbuf k = {0}, want = {0};
    CHECK(tt_ac_key_tokens(text.norm.v, text.norm.n, text.toks.v, text.toks.n, &keyed) == TT_OK);
    for (int lines = 1; lines >= 0; lines--) {
        flat.n = 0;
        for (size_t t = 0; t < text.toks.n; t++) {
            CHECK(tt_grow((void **)&flat.v, &flat.cap, flat.n, 1, sizeof *flat.v) == TT_OK);
            flat.v[flat.n] = text.toks.v[t];
            if (!lines)
                flat.v[flat.n].flags &= (uint8_t)~TT_TF_NEWLINE_BEFORE;
            flat.n++;
        }
        k.n = want.n = 0;
        CHECK(tt_ac_match_tokens(a, text.norm.v, text.norm.n, flat.v, flat.n, &o, &scr, &want) == TT_OK);
        CHECK(tt_ac_match_keyed(a, text.norm.v, text.norm.n, &keyed, lines, &o, &scr, &k) == TT_OK);
        CHECK(k.n == want.n);
        for (size_t x = 0; x < k.n; x++)
            CHECK(memcmp(&k.v[x], &want.v[x], sizeof *k.v) == 0);
    }
    tt_ac_matchbuf_free(&k);
    tt_ac_matchbuf_free(&want);
    tt_ac_scratch_free(&scr);
}

static void fuzz_match(const uint8_t *d, size_t n)
{
    options o = {d[0] & 1, (d[0] >> 1) & 1, (d[0] >> 2) & 1, (d[0] >> 3) & 1,
                 (d[0] & 0x10) ? 1u << TT_AC_USER_SHIFT : 0, NULL};
    read_case(d, n);
    same_tokens(text_buf, text_len);
    seq_make(&text, text_buf, text_len, 0);
    static uint8_t joins[2 * MAX_TEXT + 2];
    if ((d[0] & 0x20) && text.toks.n <= sizeof joins) {
        for (size_t t = 0; t < text.toks.n; t++)
            joins[t] = (uint8_t)(((t * 2654435761u) >> 7 ^ d[n - 1] ^ t) & 1);
        o.joins = joins;
    }
    same_tokens(text.norm.v, text.norm.n);

    tt_ac_builder *b = NULL;
    tt_automaton *a = NULL, *a2 = NULL;
    tt_ac_matchbuf m = {0}, f = {0}, m2 = {0}, f2 = {0};
    unsigned char *ser = NULL;
    CHECK(tt_ac_builder_new(&b) == TT_OK);
    for (size_t e = 0; e < nnames; e++) {
        seq_make(&names[e], name_buf[e], name_len[e], 1);
        tt_status st = tt_ac_builder_add(b, name_buf[e], name_len[e], (int64_t)e, name_flags[e]);
        CHECK(st == TT_OK || st == TT_EINVAL);
        CHECK((st == TT_OK) == names[e].ok);
    }
    CHECK(tt_ac_build(b, &a) == TT_OK);

    size_t nw = reference(&o, want);
#ifdef FUZZ_STATS
    for (size_t k = 0; k < nw; k++)
        stats[want[k].kind]++;
    stats[3] += nw > 0;
    stats[4]++;
#endif
    run_engine(a, &o, &m, &f);
    size_t ng = from_engine(&m, got);
    same_results(got, ng, want, nw);
    /* tt_ac_find: the same tokens and values, offsets in the raw text */
    if (f.n != m.n) {
        show("raw text", text_buf, text_len);
        show("normalized", text.norm.v, text.norm.n);
        for (size_t k = 0; k < m.n; k++)
            fprintf(stderr, "match_tokens: tok [%u,%u) v%lld k%d\n", m.v[k].tok_start, m.v[k].tok_end,
                    (long long)m.v[k].value, m.v[k].kind);
        for (size_t k = 0; k < f.n; k++)
            fprintf(stderr, "find:         tok [%u,%u) v%lld k%d\n", f.v[k].tok_start, f.v[k].tok_end,
                    (long long)f.v[k].value, f.v[k].kind);
    }
    CHECK(f.n == m.n);
    for (size_t k = 0; k < m.n; k++) {
        CHECK(f.v[k].tok_start == m.v[k].tok_start && f.v[k].tok_end == m.v[k].tok_end);
        CHECK(f.v[k].value == m.v[k].value && f.v[k].kind == m.v[k].kind && f.v[k].tied == m.v[k].tied);
        CHECK(f.v[k].start == text.map.v[m.v[k].start] && f.v[k].end == text.map.v[m.v[k].end]);
    }
    /* saved and loaded */
    size_t sz = tt_ac_serialized_size(a);
    ser = malloc(sz);
    CHECK(ser != NULL);
    CHECK(tt_ac_serialize(a, ser, sz) == TT_OK);
    CHECK(tt_ac_load(ser, sz, &a2) == TT_OK);
    run_engine(a2, &o, &m2, &f2);
    CHECK(m2.n == m.n);
    for (size_t k = 0; k < m.n; k++)
        CHECK(m2.v[k].value == m.v[k].value && m2.v[k].entry == m.v[k].entry && m2.v[k].flags == m.v[k].flags
              && m2.v[k].tok_start == m.v[k].tok_start && m2.v[k].tok_end == m.v[k].tok_end
              && m2.v[k].start == m.v[k].start && m2.v[k].end == m.v[k].end && m2.v[k].kind == m.v[k].kind
              && m2.v[k].folded == m.v[k].folded && m2.v[k].tied == m.v[k].tied);
    /* one byte off anywhere fails the checksum or the checks */
    if (sz > 64 && n > 3) {
        size_t at = (d[1] | (size_t)d[2] << 8) % sz;
        ser[at] ^= 0x5A;
        tt_automaton *bad = NULL;
        tt_status st = tt_ac_load(ser, sz, &bad);
        CHECK(st == TT_EFORMAT && bad == NULL);
        tt_ac_free(bad);
    }
    free(ser);
    tt_ac_matchbuf_free(&m);
    tt_ac_matchbuf_free(&f);
    tt_ac_matchbuf_free(&m2);
    tt_ac_matchbuf_free(&f2);
    tt_ac_free(a);
    tt_ac_free(a2);
    tt_ac_builder_free(b);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    UErrorCode err = U_ZERO_ERROR;
#ifdef FUZZ_STATS
    atexit(print_stats);
#endif
    nfd = unorm2_getNFDInstance(&err);
    CHECK(U_SUCCESS(err));
    /* a real automaton to patch: a few names of every kind */
    static const char *const seeds[] = {"Hà Nội", "Azerbaijan", "Nagorno-Karabakh", "NAM", "Nhà Trắng",
                                        "Nha Trang", "Liên hợp quốc", "LHQ", "TP.HCM", "U.N.", "Moskva",
                                        "Mát-xcơ-va", "Donald J. Trump", "Côte d'Ivoire", "Zürich"};
    tt_ac_builder *b = NULL;
    tt_automaton *a = NULL;
    CHECK(tt_ac_builder_new(&b) == TT_OK);
    for (size_t k = 0; k < sizeof seeds / sizeof seeds[0]; k++) {
        tt_cp buf[64];
        size_t n = 0;
        const unsigned char *s = (const unsigned char *)seeds[k];
        while (*s) {
            tt_cp c;
            int l;
            if (*s < 0x80) { c = *s; l = 1; }
            else if (*s < 0xE0) { c = *s & 0x1F; l = 2; }
            else if (*s < 0xF0) { c = *s & 0x0F; l = 3; }
            else { c = *s & 0x07; l = 4; }
            for (int j = 1; j < l; j++)
                c = c << 6 | (s[j] & 0x3F);
            buf[n++] = c;
            s += l;
        }
        CHECK(tt_ac_builder_add(b, buf, n, (int64_t)k, k == 4 ? TT_AC_CASED : 0) == TT_OK);
    }
    CHECK(tt_ac_build(b, &a) == TT_OK);
    real_len = tt_ac_serialized_size(a);
    real_bytes = malloc(real_len);
    CHECK(real_bytes != NULL);
    CHECK(tt_ac_serialize(a, real_bytes, real_len) == TT_OK);
    tt_ac_free(a);
    tt_ac_builder_free(b);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)
{
    if (n == 0)
        return 0;
    if (d[0] >= 0xC0)
        fuzz_bytes(d + 1, n - 1);
    else if (d[0] >= 0x80)
        fuzz_patched(d + 1, n - 1);
    else
        fuzz_match(d, n);
    return 0;
}
