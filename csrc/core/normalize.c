#include "normalize.h"

#include "viet_letters_table.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

/* Longest letter run treated as one syllable candidate; longer runs are foreign words
 * (or garbage) and only get NFC. */
#define MAX_RUN_LETTERS 32

/* What to do with a single character outside letter runs. */
enum { FOLD_NONE = 0, FOLD_REPLACE, FOLD_DROP };

static int fold_char(tt_cp c, int fold_punct, tt_cp *rep)
{
    switch (c) {
    case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
    case 0x200A: case 0x202F: case 0x205F: case 0x3000:
        *rep = ' ';
        return FOLD_REPLACE;
    case 0x00AD: /* soft hyphen */
    case 0x180E: case 0x200B: case 0x200E: case 0x200F: case 0x2060: case 0xFEFF:
        return FOLD_DROP;
    }
    if (!fold_punct)
        return FOLD_NONE;
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
        *rep = '\'';
        return FOLD_REPLACE;
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
        *rep = '"';
        return FOLD_REPLACE;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        *rep = '-';
        return FOLD_REPLACE;
    }
    return FOLD_NONE;
}

/* Cyrillic and Greek letters that look like Latin ones; folded only inside a run that
 * also holds real Latin letters, so that Cyrillic or Greek words stay as they are. */
static tt_cp confusable(tt_cp c)
{
    switch (c) {
    case 0x0430: return 'a'; case 0x0435: return 'e'; case 0x043E: return 'o';
    case 0x0440: return 'p'; case 0x0441: return 'c'; case 0x0443: return 'y';
    case 0x0445: return 'x'; case 0x0456: return 'i'; case 0x0458: return 'j';
    case 0x0455: return 's'; case 0x0501: return 'd'; case 0x04BB: return 'h';
    case 0x0410: return 'A'; case 0x0412: return 'B'; case 0x0415: return 'E';
    case 0x041A: return 'K'; case 0x041C: return 'M'; case 0x041D: return 'H';
    case 0x041E: return 'O'; case 0x0420: return 'P'; case 0x0421: return 'C';
    case 0x0422: return 'T'; case 0x0425: return 'X'; case 0x0406: return 'I';
    case 0x0408: return 'J'; case 0x0405: return 'S'; case 0x0423: return 'Y';
    case 0x0391: return 'A'; case 0x0392: return 'B'; case 0x0395: return 'E';
    case 0x0396: return 'Z'; case 0x0397: return 'H'; case 0x0399: return 'I';
    case 0x039A: return 'K'; case 0x039C: return 'M'; case 0x039D: return 'N';
    case 0x039F: return 'O'; case 0x03A1: return 'P'; case 0x03A4: return 'T';
    case 0x03A5: return 'Y'; case 0x03A7: return 'X'; case 0x03BF: return 'o';
    }
    return 0;
}

/* Characters normalization drops: inside a word they are transparent (so that "Hà" +
 * ZWSP + "Nội" is one run now and on every later pass). */
static inline int is_dropped(tt_cp c)
{
    tt_cp rep;
    return c >= 0x80 && fold_char(c, 0, &rep) == FOLD_DROP;
}

static inline int is_surrogate(tt_cp c)
{
    return (c & 0xFFFFF800u) == 0xD800u;
}

static inline int is_ascii_letter(tt_cp c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static inline int is_mark(tt_cp c)
{
    if (c < 0x0300)
        return 0;
    int8_t t = u_charType((UChar32)c);
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK || t == U_ENCLOSING_MARK;
}

/* A character that continues a letter run: letters of any script and combining marks. */
static inline int is_run_char(tt_cp c)
{
    if (c < 0x80)
        return is_ascii_letter(c);
    if (is_surrogate(c) || c > 0x10FFFF)
        return 0;
    tt_letter l;
    if (tt_letter_from_cp(c, &l))
        return 1;
    return u_isalpha((UChar32)c) || is_mark(c);
}

/* Output under construction. */
typedef struct {
    tt_cpbuf *out;
    tt_offbuf *map;
    size_t pending;  /* first dropped input index not yet attributed, or SIZE_MAX */
    UChar *u16;      /* scratch for ICU */
    int32_t u16cap;
    UChar *u16out;
    int32_t u16outcap;
} ctx;

static tt_status emit(ctx *x, tt_cp c, size_t src)
{
    tt_status st = tt_cpbuf_push(x->out, c);
    if (st != TT_OK)
        return st;
    if (x->map != NULL) {
        size_t at = x->pending != SIZE_MAX ? x->pending : src;
        x->pending = SIZE_MAX;
        st = tt_offbuf_push(x->map, (tt_off)at);
    }
    return st;
}

static tt_status ensure_u16(UChar **buf, int32_t *cap, size_t need)
{
    if (need > INT32_MAX / 2)
        return TT_ETOOLONG;
    if ((int32_t)need <= *cap)
        return TT_OK;
    int32_t c = *cap ? *cap : 64;
    while (c < (int32_t)need)
        c *= 2;
    UChar *p = realloc(*buf, (size_t)c * sizeof *p);
    if (p == NULL)
        return TT_ENOMEM;
    *buf = p;
    *cap = c;
    return TT_OK;
}

/* NFC of one ICU segment: the code points cp[s, e), whose sources in the input are
 * src[s, e). Output character k maps to the source of cp[s + k] (the last ones to that of
 * cp[e - 1] when NFC made the segment longer), so that every output character keeps one. */
static tt_status nfc_segment(ctx *x, const UNormalizer2 *nfc, const tt_cp *cp, const size_t *src, size_t s, size_t e)
{
    tt_status st = ensure_u16(&x->u16, &x->u16cap, 2 * (e - s) + 1);
    if (st != TT_OK)
        return st;
    int32_t len = 0;
    for (size_t k = s; k < e; k++)
        U16_APPEND_UNSAFE(x->u16, len, (UChar32)cp[k]);
    for (;;) {
        UErrorCode err = U_ZERO_ERROR;
        int32_t got = unorm2_normalize(nfc, x->u16, len, x->u16out, x->u16outcap, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            st = ensure_u16(&x->u16out, &x->u16outcap, (size_t)got + 1);
            if (st != TT_OK)
                return st;
            continue;
        }
        if (U_FAILURE(err))
            return TT_EICU;
        int32_t k = 0;
        size_t at = s;
        while (k < got) {
            UChar32 c;
            U16_NEXT(x->u16out, k, got, c);
            st = emit(x, (tt_cp)c, src[at]);
            if (st != TT_OK)
                return st;
            if (at + 1 < e)
                at++;
        }
        return TT_OK;
    }
}

/* NFC through ICU for a run that is not a Vietnamese letter sequence. Runs whose characters
 * all pass the NFC quick check with combining class 0 are copied as they are. Dropped
 * characters inside the run go first, so that what they separated composes as it will on
 * the next pass. */
static tt_status general_run(ctx *x, const tt_cp *in, size_t i, size_t j)
{
    int simple = 1;
    for (size_t k = i; k < j && simple; k++) {
        UChar32 c = (UChar32)in[k];
        if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES || u_getCombiningClass(c) != 0
            || is_dropped(in[k]))
            simple = 0;
    }
    if (simple) {
        for (size_t k = i; k < j; k++) {
            tt_status st = emit(x, in[k], k);
            if (st != TT_OK)
                return st;
        }
        return TT_OK;
    }
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
    if (U_FAILURE(err))
        return TT_EICU;
    tt_status st = TT_OK;
    size_t m = 0;
    tt_cp *cp = malloc((j - i) * sizeof *cp);
    size_t *src = malloc((j - i) * sizeof *src);
    if (cp == NULL || src == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    for (size_t k = i; k < j; k++) {
        if (is_dropped(in[k]))
            continue;
        cp[m] = in[k];
        src[m++] = k;
    }
    size_t s = 0;
    for (size_t k = 1; k <= m; k++) {
        if (k == m || unorm2_hasBoundaryBefore(nfc, (UChar32)cp[k])) {
            if ((st = nfc_segment(x, nfc, cp, src, s, k)) != TT_OK)
                goto done;
            s = k;
        }
    }
done:
    free(cp);
    free(src);
    return st;
}

static int tone_of_mark(tt_cp c)
{
    switch (c) {
    case 0x0300: case 0x0340: return TT_T_GRAVE;
    case 0x0301: case 0x0341: return TT_T_ACUTE;
    case 0x0309: return TT_T_HOOK;
    case 0x0303: return TT_T_TILDE;
    case 0x0323: return TT_T_DOT;
    }
    return TT_T_NONE;
}

/* A letter run [i, j) made of ASCII and Vietnamese letters, Vietnamese combining marks and
 * Latin look-alikes: decompose into letters, move the tone where the style puts it,
 * compose. Returns TT_EINVAL (without output) when a mark does not fit its letter, so
 * that the caller falls back to plain NFC. */
static tt_status viet_run(ctx *x, const tt_cp *in, size_t i, size_t j, tt_tone_style tone)
{
    tt_letter l[MAX_RUN_LETTERS];
    size_t src[MAX_RUN_LETTERS];
    size_t m = 0;
    for (size_t k = i; k < j; k++) {
        tt_cp c = in[k];
        tt_cp look = confusable(c);
        if (look != 0)
            c = look;
        if (is_dropped(c))
            continue;
        if (tt_is_viet_mark(c)) {
            if (m == 0)
                return TT_EINVAL;
            if (tt_letter_apply_mark(&l[m - 1], c))
                continue;
            /* a tone typed after a consonant: kept aside on it, moved to its vowel below */
            int t = tone_of_mark(c);
            if (t == TT_T_NONE || l[m - 1].tone != TT_T_NONE)
                return TT_EINVAL;
            l[m - 1].tone = (uint8_t)t;
            continue;
        }
        if (m == MAX_RUN_LETTERS || !tt_letter_from_cp(c, &l[m]))
            return TT_EINVAL;
        src[m++] = k;
    }
    if (tone != TT_TONE_KEEP && m <= 8) {
        size_t at = m;
        int tones = 0;
        for (size_t k = 0; k < m; k++)
            if (l[k].tone != TT_T_NONE) {
                at = k;
                tones++;
            }
        if (tones == 1) {
            int slot = tt_syllable_tone_slot(l, m, tone);
            if (slot >= 0 && (size_t)slot != at) {
                l[slot].tone = l[at].tone;
                l[at].tone = TT_T_NONE;
            }
        }
    }
    for (size_t k = 0; k < m; k++)
        if (l[k].tone != TT_T_NONE && (l[k].base == TT_B_NONE || l[k].base == TT_B_DD))
            return TT_EINVAL; /* a tone still on a consonant: not a syllable we can repair */
    for (size_t k = 0; k < m; k++) {
        tt_status st = emit(x, tt_letter_to_cp(&l[k]), src[k]);
        if (st != TT_OK)
            return st;
    }
    return TT_OK;
}

/* Classify a letter run: 1 when viet_run may handle it. */
static int viet_candidate(const tt_cp *in, size_t i, size_t j)
{
    size_t latin = 0, look = 0, marks = 0;
    for (size_t k = i; k < j; k++) {
        tt_cp c = in[k];
        tt_letter l;
        if (c < 0x80 || tt_letter_from_cp(c, &l))
            latin++;
        else if (confusable(c))
            look++;
        else if (tt_is_viet_mark(c))
            marks++;
        else if (!is_dropped(c))
            return 0;
    }
    return latin > 0 && latin + look <= MAX_RUN_LETTERS && marks <= 2 * MAX_RUN_LETTERS;
}

/* ---- fast path: stretches of text that normalization leaves as they are ---- */

enum { C_PLAIN, C_WORK };

/* A character other than ASCII and the Vietnamese letters: C_PLAIN when normalization copies it unchanged and
 * it cannot join a letter run, C_WORK otherwise. */
static int other_class(tt_cp c, int fold_punct)
{
    tt_cp rep;
    if (is_surrogate(c) || c > 0x10FFFF)
        return C_PLAIN;
    if (fold_char(c, fold_punct, &rep) != FOLD_NONE)
        return C_WORK;
    if (u_isalpha((UChar32)c) || is_mark(c))
        return C_WORK;
    if (u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES || u_getCombiningClass((UChar32)c) != 0)
        return C_WORK;
    return C_PLAIN;
}

/* True when viet_run would give back the m precomposed letters unchanged. It computes the
 * tone slot from the placement rules alone, without validating the syllable: when that
 * slot is where the tone already is, the text is fine whether or not the letters form a
 * valid syllable; otherwise the slow path decides. */
static int run_stable(const tt_cp *cp, size_t m, tt_tone_style tone)
{
    static const uint8_t marked[16] = {[TT_B_AW] = 1, [TT_B_AA] = 1, [TT_B_EE] = 1, [TT_B_OO] = 1,
                                       [TT_B_OW] = 1, [TT_B_UW] = 1};
    uint8_t base[8];
    size_t at = 0, vs = m, ve, k;
    int tones = 0;
    if (m > 8)
        return 1;
    for (k = 0; k < m; k++) {
        uint8_t e = tt_vl_info(cp[k]);
        base[k] = e & 0x0F;
        if (e & 0x70) {
            at = k;
            tones++;
        }
        if (vs == m && base[k] >= TT_B_A && base[k] <= TT_B_Y)
            vs = k;
    }
    if (tones != 1 || vs == m)
        return 1;
    /* the u of "qu" and the i of "gi" before another vowel belong to the consonant */
    if (vs == 1 && (cp[0] | 0x20) == 'q' && base[1] == TT_B_U)
        vs = 2;
    else if (vs == 1 && (cp[0] | 0x20) == 'g' && base[1] == TT_B_I && m > 2 && base[2] >= TT_B_A && base[2] <= TT_B_Y)
        vs = 2;
    for (ve = vs; ve < m && base[ve] >= TT_B_A && base[ve] <= TT_B_Y; ve++)
        ;
    if (ve == vs)
        return 0;
    size_t slot = SIZE_MAX;
    for (k = ve; k > vs && slot == SIZE_MAX; k--)
        if (marked[base[k - 1]])
            slot = k - 1;
    if (slot == SIZE_MAX) {
        size_t len = ve - vs;
        if (ve < m || len == 1)
            slot = ve - 1;
        else if (len == 3)
            slot = vs + 1;
        else {
            uint8_t a = base[vs], b = base[vs + 1];
            int differs = (a == TT_B_O && (b == TT_B_A || b == TT_B_E)) || (a == TT_B_U && b == TT_B_Y);
            slot = differs && tone == TT_TONE_HOAF ? vs + 1 : vs;
        }
    }
    return slot == at;
}

/* The scan, written once for each width of input (Python stores str as 1, 2 or 4 bytes per
 * code point). Returns the length of the prefix that normalization leaves unchanged; it
 * always ends at a character or letter-run boundary.
 *
 * It is the hot loop of normalization, written to keep branches few and predictable: one
 * table load per character, and a letter run is looked at closely only when a toned vowel
 * touches another vowel, the only way a mark can sit in the wrong place. */
#define DEFINE_SCAN(NAME, T)                                                        \
    size_t NAME(const T *in, size_t n, const tt_norm_opts *o)                       \
    {                                                                               \
        unsigned prev = 0;    /* scan class of the previous character */            \
        unsigned suspect = 0; /* the run holds a toned vowel next to a vowel */     \
        const unsigned check = o->tone != TT_TONE_KEEP;                             \
        for (size_t i = 0; i <= n; i++) {                                           \
            tt_cp c = i < n ? in[i] : ' ';                                          \
            unsigned k = c < TT_VL_FLAT_LEN ? tt_vl_class[c] : TT_VC_SPECIAL;       \
            if (__builtin_expect(k & TT_VC_SPECIAL, 0)) {                           \
                if (c == 0x00D0 || other_class(c, o->fold_punct) != C_PLAIN)        \
                    return unit_start_##T(in, i);                                   \
                k = 0;                                                              \
            }                                                                       \
            /* a tone on a vowel with its own mark (ă â ê ô ơ ư) is right unless a   \
             * later marked vowel follows; on a plain vowel, check when it touches  \
             * another vowel */                                                     \
            unsigned kv = k & 1, kt = (k >> 1) & 1, km = (k >> 4) & 1;              \
            unsigned pv = prev & 1, pt = (prev >> 1) & 1, pm = (prev >> 4) & 1;     \
            suspect |= ((kt & (km ^ 1) & pv) | (kv & pt & (pm ^ 1)) | (km & pt & pv)) & check; \
            if (__builtin_expect(((k & TT_VC_LETTER) == 0) & suspect, 0)) {             \
                size_t rs = run_start_##T(in, i), m = i - rs;                       \
                tt_cp buf[8];                                                       \
                for (size_t j = 0; j < m && j < 8; j++)                             \
                    buf[j] = in[rs + j];                                            \
                if (m <= 8 && !run_stable(buf, m, o->tone))                         \
                    return rs;                                                      \
                suspect = 0;                                                        \
            }                                                                       \
            prev = k;                                                               \
        }                                                                           \
        return n;                                                                   \
    }

/* Where the letter run that ends at i (exclusive) starts; i itself when none does. The
 * scan finds it only when it needs it, which keeps the hot loop free of bookkeeping. */
#define DEFINE_RUN_START(T)                                                         \
    static size_t run_start_##T(const T *in, size_t i)                              \
    {                                                                               \
        while (i > 0 && in[i - 1] != 0x00D0 && tt_vl_info(in[i - 1]) != 0)          \
            i--;                                                                    \
        return i;                                                                   \
    }

/* Where the unit holding i starts when i needs work: its letter run, or the character a
 * combining mark at i may compose with ("<" + U+0338 is "≮" in NFC). */
#define DEFINE_UNIT_START(T)                                                        \
    static size_t unit_start_##T(const T *in, size_t i)                             \
    {                                                                               \
        size_t r = run_start_##T(in, i);                                            \
        return r == i && i > 0 && is_mark(in[i]) ? i - 1 : r;                      \
    }

DEFINE_RUN_START(uint8_t)
DEFINE_RUN_START(uint16_t)
DEFINE_RUN_START(uint32_t)
DEFINE_UNIT_START(uint8_t)
DEFINE_UNIT_START(uint16_t)
DEFINE_UNIT_START(uint32_t)
DEFINE_SCAN(tt_normalize_scan_u8, uint8_t)
DEFINE_SCAN(tt_normalize_scan_u16, uint16_t)
DEFINE_SCAN(tt_normalize_scan_u32, uint32_t)

/* ---- the full normalizer ---- */

/* Normalize the unit (one letter run, or one character with the marks after it) that
 * starts at i; returns its end in *end. */
static tt_status normalize_unit(ctx *x, const tt_cp *in, size_t n, size_t i, const tt_norm_opts *o, size_t *end)
{
    tt_cp c = in[i], rep;
    size_t j = i + 1;
    tt_status st;
    int f = c < 0x80 ? FOLD_NONE : fold_char(c, o->fold_punct, &rep);
    if (f == FOLD_DROP && j < n && is_mark(in[j])) {
        /* dropping it would hand the mark to the character before: keep it */
        st = emit(x, c, i);
    } else if (f == FOLD_DROP) {
        if (x->pending == SIZE_MAX)
            x->pending = i;
        st = TT_OK;
    } else if (f == FOLD_REPLACE) {
        st = emit(x, rep, i);
    } else if (is_surrogate(c) || c > 0x10FFFF) {
        st = emit(x, c, i);
    } else if (is_run_char(c) && !is_mark(c)) {
        for (;;) {
            while (j < n && is_run_char(in[j]))
                j++;
            size_t k = j;
            while (k < n && is_dropped(in[k]))
                k++;
            if (k == j || k == n || !is_run_char(in[k]))
                break;
            j = k; /* dropped characters inside a word are transparent */
        }
        /* viet_run refuses (TT_EINVAL) before it emits anything */
        st = viet_candidate(in, i, j) ? viet_run(x, in, i, j, o->tone) : TT_EINVAL;
        if (st == TT_EINVAL)
            st = general_run(x, in, i, j);
    } else {
        /* a symbol or a stray mark, with the marks that follow it */
        while (j < n && is_mark(in[j]))
            j++;
        st = general_run(x, in, i, j);
    }
    *end = j;
    return st;
}

tt_status tt_normalize(const tt_cp *in, size_t n, const tt_norm_opts *opts,
                       tt_cpbuf *out, tt_offbuf *map, int *changed)
{
    tt_status st = TT_OK;
    ctx x = {out, map, SIZE_MAX, NULL, 0, NULL, 0};
    int diff = 0;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    if ((st = tt_cpbuf_reserve(out, n + 8)) != TT_OK)
        goto done;
    if (map != NULL && (st = tt_offbuf_reserve(map, n + 9)) != TT_OK)
        goto done;

    size_t i = 0;
    while (i < n) {
        /* copy the stretch that needs nothing */
        size_t p = i + tt_normalize_scan_u32(in + i, n - i, opts);
        if (p > i) {
            if ((st = tt_cpbuf_reserve(out, p - i)) != TT_OK)
                goto done;
            memcpy(out->v + out->n, in + i, (p - i) * sizeof *in);
            out->n += p - i;
            if (map != NULL) {
                if ((st = tt_offbuf_reserve(map, p - i)) != TT_OK)
                    goto done;
                map->v[map->n++] = (tt_off)(x.pending != SIZE_MAX ? x.pending : i);
                x.pending = SIZE_MAX;
                for (size_t k = i + 1; k < p; k++)
                    map->v[map->n++] = (tt_off)k;
            }
        }
        if (p == n)
            break;
        size_t before = out->n, j;
        if ((st = normalize_unit(&x, in, n, p, opts, &j)) != TT_OK)
            goto done;
        if (!diff && (out->n - before != j - p || memcmp(out->v + before, in + p, (j - p) * sizeof *in) != 0))
            diff = 1;
        i = j;
    }
    if (map != NULL && (st = tt_offbuf_push(map, (tt_off)n)) != TT_OK)
        goto done;
done:
    free(x.u16);
    free(x.u16out);
    if (changed != NULL)
        *changed = diff;
    return st;
}

tt_status tt_strip_diacritics(const tt_cp *in, size_t n, tt_cpbuf *out)
{
    tt_status st = TT_OK;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = NULL;
    if ((st = tt_cpbuf_reserve(out, n)) != TT_OK)
        return st;
    for (size_t i = 0; i < n; i++) {
        tt_cp c = in[i];
        if (c < 0x80) {
            if ((st = tt_cpbuf_push(out, c)) != TT_OK)
                return st;
            continue;
        }
        tt_cp base = tt_letter_strip(c);
        if (base != 0) {
            if ((st = tt_cpbuf_push(out, base)) != TT_OK)
                return st;
            continue;
        }
        if (is_surrogate(c) || c > 0x10FFFF) {
            if ((st = tt_cpbuf_push(out, c)) != TT_OK)
                return st;
            continue;
        }
        if (is_mark(c))
            continue;
        if (nfd == NULL) {
            nfd = unorm2_getNFDInstance(&err);
            if (U_FAILURE(err))
                return TT_EICU;
        }
        UChar dec[32];
        err = U_ZERO_ERROR;
        int32_t len = unorm2_getDecomposition(nfd, (UChar32)c, dec, 32, &err);
        if (U_FAILURE(err) || len < 0) {
            /* no decomposition (len < 0 without error) or too long: keep the character */
            if ((st = tt_cpbuf_push(out, c)) != TT_OK)
                return st;
            continue;
        }
        int32_t k = 0;
        while (k < len) {
            UChar32 d;
            U16_NEXT(dec, k, len, d);
            if (!is_mark((tt_cp)d) && (st = tt_cpbuf_push(out, (tt_cp)d)) != TT_OK)
                return st;
        }
    }
    return st;
}
