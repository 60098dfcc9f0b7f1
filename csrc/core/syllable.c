#include "syllable.h"

#include "viet_letters_table.h"

/* The plain ASCII vowel of each base, and which bases carry a vowel mark (ă â ê ô ơ ư). */
static const char base_ascii[14] = {0, 'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y', 'd'};
static const uint8_t base_marked[14] = {0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 0};

static inline int is_vowel(const tt_letter *l)
{
    return l->base >= TT_B_A && l->base <= TT_B_Y;
}

int tt_letter_from_cp(tt_cp c, tt_letter *out)
{
    uint8_t e = tt_vl_info(c);
    if (e == 0)
        return 0;
    tt_letter_from_info(e, c, out);
    return 1;
}

tt_cp tt_letter_to_cp(const tt_letter *l)
{
    if (l->base == TT_B_NONE)
        return l->upper ? (tt_cp)(l->ch & ~0x20) : (tt_cp)l->ch;
    if (l->base == TT_B_DD)
        return l->upper ? 0x0110 : 0x0111;
    return tt_vl_compose[l->base - 1][l->tone][l->upper];
}

int tt_is_viet_mark(tt_cp c)
{
    switch (c) {
    case 0x0300: case 0x0301: case 0x0303: case 0x0309: case 0x0323:
    case 0x0340: case 0x0341:
    case 0x0302: case 0x0306: case 0x031B:
        return 1;
    }
    return 0;
}

int tt_letter_apply_mark(tt_letter *l, tt_cp mark)
{
    int tone = -1;
    switch (mark) {
    case 0x0300: case 0x0340: tone = TT_T_GRAVE; break;
    case 0x0301: case 0x0341: tone = TT_T_ACUTE; break;
    case 0x0309: tone = TT_T_HOOK; break;
    case 0x0303: tone = TT_T_TILDE; break;
    case 0x0323: tone = TT_T_DOT; break;
    case 0x0302: /* circumflex */
        if (l->base == TT_B_A) { l->base = TT_B_AA; return 1; }
        if (l->base == TT_B_E) { l->base = TT_B_EE; return 1; }
        if (l->base == TT_B_O) { l->base = TT_B_OO; return 1; }
        return 0;
    case 0x0306: /* breve */
        if (l->base == TT_B_A) { l->base = TT_B_AW; return 1; }
        return 0;
    case 0x031B: /* horn */
        if (l->base == TT_B_O) { l->base = TT_B_OW; return 1; }
        if (l->base == TT_B_U) { l->base = TT_B_UW; return 1; }
        return 0;
    default:
        return 0;
    }
    if (!is_vowel(l) || l->tone != TT_T_NONE)
        return 0;
    l->tone = (uint8_t)tone;
    return 1;
}

/* Pack up to three small codes into one switchable key. */
#define K3(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)

/* Vowel nuclei of Vietnamese, spelled with the base letters (tones ignored). */
static int is_nucleus(const tt_letter *v, size_t n)
{
    if (n == 0 || n > 3)
        return 0;
    uint32_t k = K3(v[0].base, n > 1 ? v[1].base : 0, n > 2 ? v[2].base : 0);
    switch (k) {
    case K3(TT_B_A, 0, 0): case K3(TT_B_AW, 0, 0): case K3(TT_B_AA, 0, 0): case K3(TT_B_E, 0, 0):
    case K3(TT_B_EE, 0, 0): case K3(TT_B_I, 0, 0): case K3(TT_B_O, 0, 0): case K3(TT_B_OO, 0, 0):
    case K3(TT_B_OW, 0, 0): case K3(TT_B_U, 0, 0): case K3(TT_B_UW, 0, 0): case K3(TT_B_Y, 0, 0):
    case K3(TT_B_A, TT_B_I, 0): case K3(TT_B_A, TT_B_O, 0): case K3(TT_B_A, TT_B_U, 0):
    case K3(TT_B_A, TT_B_Y, 0): case K3(TT_B_AA, TT_B_U, 0): case K3(TT_B_AA, TT_B_Y, 0):
    case K3(TT_B_E, TT_B_O, 0): case K3(TT_B_EE, TT_B_U, 0): case K3(TT_B_I, TT_B_A, 0):
    case K3(TT_B_I, TT_B_EE, 0): case K3(TT_B_I, TT_B_U, 0): case K3(TT_B_O, TT_B_A, 0):
    case K3(TT_B_O, TT_B_AW, 0): case K3(TT_B_O, TT_B_E, 0): case K3(TT_B_O, TT_B_I, 0):
    case K3(TT_B_O, TT_B_O, 0): case K3(TT_B_OO, TT_B_I, 0): case K3(TT_B_OW, TT_B_I, 0):
    case K3(TT_B_U, TT_B_A, 0): case K3(TT_B_U, TT_B_AA, 0): case K3(TT_B_U, TT_B_EE, 0):
    case K3(TT_B_U, TT_B_I, 0): case K3(TT_B_U, TT_B_OO, 0): case K3(TT_B_U, TT_B_OW, 0):
    case K3(TT_B_U, TT_B_Y, 0): case K3(TT_B_UW, TT_B_A, 0): case K3(TT_B_UW, TT_B_I, 0):
    case K3(TT_B_UW, TT_B_OW, 0): case K3(TT_B_UW, TT_B_U, 0): case K3(TT_B_Y, TT_B_EE, 0):
    case K3(TT_B_I, TT_B_EE, TT_B_U): case K3(TT_B_O, TT_B_A, TT_B_I): case K3(TT_B_O, TT_B_A, TT_B_Y):
    case K3(TT_B_O, TT_B_E, TT_B_O): case K3(TT_B_U, TT_B_AA, TT_B_Y): case K3(TT_B_U, TT_B_OO, TT_B_I):
    case K3(TT_B_U, TT_B_Y, TT_B_A): case K3(TT_B_U, TT_B_Y, TT_B_EE): case K3(TT_B_U, TT_B_Y, TT_B_U):
    case K3(TT_B_UW, TT_B_OW, TT_B_I): case K3(TT_B_UW, TT_B_OW, TT_B_U): case K3(TT_B_Y, TT_B_EE, TT_B_U):
        return 1;
    }
    return 0;
}

/* The consonant letters [i, j) packed into a key, with '#' standing for đ; 0 when longer
 * than three letters. */
static uint32_t consonant_key(const tt_letter *l, size_t i, size_t j)
{
    if (j - i > 3)
        return UINT32_MAX;
    uint32_t k = 0;
    for (size_t s = 0; i < j; i++, s += 8)
        k |= (uint32_t)(uint8_t)(l[i].base == TT_B_DD ? '#' : l[i].ch) << s;
    return k;
}

static int is_initial(uint32_t k)
{
    switch (k) {
    case 0:
    case K3('n', 'g', 'h'): case K3('n', 'g', 0): case K3('n', 'h', 0): case K3('c', 'h', 0):
    case K3('g', 'h', 0): case K3('k', 'h', 0): case K3('p', 'h', 0): case K3('t', 'h', 0):
    case K3('t', 'r', 0): case 'b': case 'c': case 'd': case '#': case 'g': case 'h': case 'k':
    case 'l': case 'm': case 'n': case 'p': case 'r': case 's': case 't': case 'v': case 'x': case 'q':
        return 1;
    }
    return 0;
}

static int is_final(uint32_t k)
{
    switch (k) {
    case 0: case 'c': case K3('c', 'h', 0): case 'm': case 'n': case K3('n', 'g', 0):
    case K3('n', 'h', 0): case 'p': case 't':
        return 1;
    }
    return 0;
}

/* Split a syllable into initial [0, vs), nucleus [vs, ve), final [ve, n). Returns 0 when
 * the letters do not have that shape. */
static int split_syllable(const tt_letter *l, size_t n, size_t *vs, size_t *ve)
{
    size_t i = 0;
    while (i < n && !is_vowel(&l[i]))
        i++;
    if (i == n)
        return 0;
    uint32_t init = consonant_key(l, 0, i);
    if (!is_initial(init))
        return 0;
    if (init == 'q') {
        /* "qu": the u belongs to the consonant */
        if (l[i].base != TT_B_U)
            return 0;
        i++;
    } else if (init == 'g' && l[i].base == TT_B_I && i + 1 < n && is_vowel(&l[i + 1])) {
        i++; /* "gi" before another vowel: the i belongs to the consonant */
    }
    size_t j = i;
    while (j < n && is_vowel(&l[j]))
        j++;
    if (j == i || !is_nucleus(l + i, j - i))
        return 0;
    for (size_t k = j; k < n; k++)
        if (is_vowel(&l[k]))
            return 0;
    if (!is_final(consonant_key(l, j, n)))
        return 0;
    *vs = i;
    *ve = j;
    return 1;
}

int tt_syllable_tone_slot(const tt_letter *l, size_t n, tt_tone_style style)
{
    size_t vs, ve;
    if (n == 0 || n > 8 || !split_syllable(l, n, &vs, &ve))
        return -1;
    /* A vowel with its own mark (ă â ê ô ơ ư) takes the tone; in ươ the second. */
    for (size_t k = ve; k > vs; k--)
        if (base_marked[l[k - 1].base])
            return (int)(k - 1);
    size_t len = ve - vs;
    if (ve < n || len == 1)
        return (int)(ve - 1); /* closed syllable: the last vowel */
    if (len == 3)
        return (int)(vs + 1);
    uint8_t a = l[vs].base, b = l[vs + 1].base;
    int differs = (a == TT_B_O && (b == TT_B_A || b == TT_B_E)) || (a == TT_B_U && b == TT_B_Y);
    if (differs && style == TT_TONE_HOAF)
        return (int)(vs + 1);
    return (int)vs;
}

int tt_syllable_valid(const tt_cp *s, size_t n)
{
    tt_letter l[8];
    size_t vs, ve;
    if (n == 0 || n > 8)
        return 0;
    int tone = TT_T_NONE, tones = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t e = tt_vl_info(s[i]);
        if (e == 0)
            return 0;
        tt_letter_from_info(e, s[i], &l[i]);
        if (l[i].tone != TT_T_NONE) {
            tone = l[i].tone;
            tones++;
        }
    }
    if (tones > 1 || !split_syllable(l, n, &vs, &ve))
        return 0;
    /* A syllable closed by a stop (c, ch, p, t) takes only sắc or nặng. */
    if (ve < n) {
        char f = l[ve].ch;
        if ((f == 'c' || f == 'p' || f == 't') && tone != TT_T_ACUTE && tone != TT_T_DOT)
            return 0;
    }
    return 1;
}

tt_cp tt_letter_strip(tt_cp c)
{
    tt_letter l;
    if (!tt_letter_from_cp(c, &l))
        return 0;
    tt_cp a = (tt_cp)(l.base == TT_B_NONE ? l.ch : base_ascii[l.base]);
    return l.upper ? a - 32 : a;
}
