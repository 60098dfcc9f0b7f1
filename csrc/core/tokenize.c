#include "tokenize.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "syllable.h"
#include "viet_letters_table.h"

/* ---- character classes ---- */

enum { CC_SPACE, CC_NEWLINE, CC_LETTER, CC_DIGIT, CC_MARK, CC_PUNCT, CC_SYMBOL };

/* Everything but letters of the Vietnamese table (ASCII ones included). */
static int cclass_other(tt_cp c)
{
    if (c < 0x80) {
        if (c == '\n' || c == '\r' || c == 0x0B || c == 0x0C)
            return CC_NEWLINE;
        if (c == ' ' || c == '\t')
            return CC_SPACE;
        if (c >= '0' && c <= '9')
            return CC_DIGIT;
        if (c < 0x20 || c == 0x7F)
            return CC_SYMBOL; /* NUL and other controls are kept, as symbols */
        if (c == '$' || c == '+' || c == '<' || c == '=' || c == '>' || c == '^' || c == '`' || c == '|' || c == '~')
            return CC_SYMBOL; /* Unicode's currency, math and modifier symbols */
        return CC_PUNCT;
    }
    if ((c & 0xFFFFF800u) == 0xD800u || c > 0x10FFFF)
        return CC_SYMBOL; /* lone surrogates pass through as symbols */
    if (c == 0x2028 || c == 0x2029 || c == 0x85)
        return CC_NEWLINE;
    if (u_isUWhiteSpace((UChar32)c))
        return CC_SPACE;
    int8_t t = u_charType((UChar32)c);
    switch (t) {
    case U_NON_SPACING_MARK: case U_COMBINING_SPACING_MARK: case U_ENCLOSING_MARK:
        return CC_MARK;
    case U_FORMAT_CHAR:
        /* ZWJ and friends glue emoji sequences; they stay inside the token they follow */
        return CC_MARK;
    case U_DECIMAL_DIGIT_NUMBER: case U_LETTER_NUMBER: case U_OTHER_NUMBER:
        return u_isalpha((UChar32)c) ? CC_LETTER : CC_SYMBOL;
    }
    if (u_isalpha((UChar32)c))
        return CC_LETTER;
    if (u_ispunct((UChar32)c))
        return CC_PUNCT;
    return CC_SYMBOL;
}

/* Letters of the table, most of any text, answered inline (the table marks no ASCII space,
 * digit or punctuation). */
static inline int cclass(tt_cp c)
{
    if (tt_vl_info(c))
        return CC_LETTER;
    return cclass_other(c);
}

static inline int is_digit(tt_cp c) { return c >= '0' && c <= '9'; }
static inline int is_ascii_alnum(tt_cp c) { return c < 0x80 && (is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')); }
static inline tt_cp lower_ascii(tt_cp c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

static int is_upper_letter(tt_cp c)
{
    uint8_t e = tt_vl_info(c);
    if (e)
        return (e >> 7) & 1;
    return u_isupper((UChar32)c);
}

/* ---- token buffer ---- */

void tt_tokbuf_free(tt_tokbuf *b)
{
    free(b->v);
    b->v = NULL;
    b->n = b->cap = 0;
}

static tt_status push(tt_tokbuf *b, size_t start, size_t end, int kind, int flags)
{
    if (b->n == b->cap) {
        tt_status st = tt_grow((void **)&b->v, &b->cap, b->n, 1, sizeof *b->v);
        if (st != TT_OK)
            return st;
    }
    tt_token *t = &b->v[b->n++];
    t->start = (tt_off)start;
    t->end = (tt_off)end;
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    return TT_OK;
}

/* ---- small lexicons ---- */

/* True when s[a, b) equals the ASCII word w, ignoring ASCII case. */
static int eq_ascii_ci(const tt_cp *s, size_t a, size_t b, const char *w)
{
    size_t k = 0;
    for (; a < b; a++, k++)
        if (w[k] == 0 || lower_ascii(s[a]) != (tt_cp)(unsigned char)w[k])
            return 0;
    return w[k] == 0;
}

/* Titles and abbreviations written with a final period that does not end a sentence. */
static const char *const abbrevs[] = {
    "ts", "ths", "pgs", "gs", "bs", "bsck", "ks", "ls", "ncs", "cn", "tp", "tx", "tt", "q", "p",
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "inc", "ltd", "co", "corp", "no", "vs", "tr",
    "dt", "nxb", "ubnd", NULL,
};

static int in_list(const tt_cp *s, size_t a, size_t b, const char *const *list)
{
    for (size_t j = 0; list[j] != NULL; j++)
        if (eq_ascii_ci(s, a, b, list[j]))
            return 1;
    return 0;
}

static const char *const tlds[] = {
    "com", "net", "org", "vn", "gov", "edu", "info", "io", "co", "uk", "us", "ru", "cn", "jp", "kr", "fr", "de",
    "int", "biz", "tv", "me", "asia", "news", "online", NULL,
};

/* ---- scanners; each returns the end of what it recognizes at i, or i when nothing ---- */

static size_t letters_end(const tt_cp *s, size_t n, size_t i)
{
    while (i < n && (cclass(s[i]) == CC_LETTER || cclass(s[i]) == CC_MARK))
        i++;
    return i;
}

/* A host name: labels of ASCII letters, digits and inner hyphens joined by dots, the last a
 * known top-level domain (any alphabetic one when any_tld). */
static size_t host_end(const tt_cp *s, size_t n, size_t i, int any_tld)
{
    size_t labels = 0, last_a = i, last_b = i, j = i;
    for (;;) {
        size_t a = j;
        while (j < n && (is_ascii_alnum(s[j]) || (s[j] == '-' && j > a && j + 1 < n && is_ascii_alnum(s[j + 1]))))
            j++;
        if (j == a)
            break;
        labels++;
        last_a = a;
        last_b = j;
        if (j + 1 < n && s[j] == '.' && is_ascii_alnum(s[j + 1]))
            j++;
        else
            break;
    }
    if (labels < 2)
        return i;
    int alpha = 1;
    for (size_t k = last_a; k < last_b; k++)
        alpha &= !is_digit(s[k]);
    if (!alpha || last_b - last_a < 2)
        return i;
    if (!any_tld) {
        int known = 0;
        for (size_t t = 0; tlds[t] && !known; t++)
            known = eq_ascii_ci(s, last_a, last_b, tlds[t]);
        if (!known)
            return i;
    }
    return last_b;
}

static int url_char(tt_cp c)
{
    return c > 0x20 && c != '"' && c != '<' && c != '>' && c != '\'' && cclass(c) != CC_SPACE && cclass(c) != CC_NEWLINE;
}

/* The end of a URL's path part, trailing punctuation and unbalanced ')' left out. */
static size_t url_tail(const tt_cp *s, size_t n, size_t j)
{
    size_t depth = 0;
    size_t k = j;
    while (k < n && url_char(s[k])) {
        if (s[k] == '(')
            depth++;
        else if (s[k] == ')') {
            if (depth == 0)
                break;
            depth--;
        }
        k++;
    }
    while (k > j && (s[k - 1] == '.' || s[k - 1] == ',' || s[k - 1] == ';' || s[k - 1] == ':' || s[k - 1] == '!'
                     || s[k - 1] == '?'))
        k--;
    return k;
}

static size_t url_end(const tt_cp *s, size_t n, size_t i)
{
    static const char *const schemes[] = {"https://", "http://", "ftp://", "www.", NULL};
    for (size_t k = 0; schemes[k]; k++) {
        size_t len = strlen(schemes[k]);
        if (i + len < n && eq_ascii_ci(s, i, i + len, schemes[k]) && url_char(s[i + len]))
            return url_tail(s, n, i + len);
    }
    size_t h = host_end(s, n, i, 0);
    if (h == i)
        return i;
    if (h < n && s[h] == '/')
        return url_tail(s, n, h);
    /* a bare host must not run on into letters ("dantri.com.vnxyz" is not one) */
    if (h < n && cclass(s[h]) == CC_LETTER)
        return i;
    return h;
}

static size_t email_end(const tt_cp *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (is_ascii_alnum(s[j]) || s[j] == '.' || s[j] == '_' || s[j] == '%' || s[j] == '+' || s[j] == '-'))
        j++;
    if (j == i || j >= n || s[j] != '@' || s[j - 1] == '.')
        return i;
    size_t h = host_end(s, n, j + 1, 1);
    return h == j + 1 ? i : h;
}

/* Reads one group of digits; returns its end and its value (capped). */
static size_t digits(const tt_cp *s, size_t n, size_t i, unsigned long *value)
{
    unsigned long v = 0;
    size_t j = i;
    while (j < n && is_digit(s[j])) {
        if (v < 100000000ul)
            v = v * 10 + (s[j] - '0');
        j++;
    }
    *value = v;
    return j;
}

static int valid_day_month(unsigned long d, unsigned long m, size_t dlen, size_t mlen)
{
    return dlen <= 2 && mlen <= 2 && d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* A token starting with a digit: number, date (23/10, 11-12/10, 2/1988, 23/10/2020,
 * 23-10-2020, 10.2 after "ngày"), clock time (20h, 8h30) or percentage. */
static size_t number_end(const tt_cp *s, size_t n, size_t i, int after_ngay, int *kind)
{
    unsigned long a, b, c;
    size_t j = digits(s, n, i, &a), alen = j - i;
    *kind = TT_TOK_NUMBER;

    /* clock time: 20h, 8h30, 8h30' */
    if (alen <= 2 && a <= 24 && j < n && (s[j] == 'h' || s[j] == 'H')) {
        size_t k = j + 1, m = k;
        if (k < n && is_digit(s[k]))
            m = digits(s, n, k, &b);
        if ((m == k || (m - k == 2 && b < 60)) && (m >= n || cclass(s[m]) != CC_LETTER)) {
            *kind = TT_TOK_DATE;
            return m;
        }
    }
    /* 11-12/10 and 23-10-2020 */
    if (j + 1 < n && s[j] == '-' && is_digit(s[j + 1])) {
        size_t k = digits(s, n, j + 1, &b), blen = k - j - 1;
        if (k + 1 < n && s[k] == '/' && is_digit(s[k + 1])) {
            size_t m = digits(s, n, k + 1, &c);
            if (valid_day_month(a, c, alen, m - k - 1) && b >= 1 && b <= 31 && blen <= 2) {
                *kind = TT_TOK_DATE;
                if (m + 1 < n && s[m] == '/' && is_digit(s[m + 1])) {
                    size_t y = digits(s, n, m + 1, &c);
                    if (y - m - 1 == 4)
                        m = y;
                }
                return m;
            }
        }
        if (k + 1 < n && s[k] == '-' && is_digit(s[k + 1]) && valid_day_month(a, b, alen, blen)) {
            size_t m = digits(s, n, k + 1, &c);
            if (m - k - 1 == 4) {
                *kind = TT_TOK_DATE;
                return m;
            }
        }
        if (alen == 4 && blen == 2 && k + 1 < n && s[k] == '-' && is_digit(s[k + 1])) {
            size_t m = digits(s, n, k + 1, &c); /* 2020-10-23 */
            if (m - k - 1 == 2 && b >= 1 && b <= 12 && c >= 1 && c <= 31) {
                *kind = TT_TOK_DATE;
                return m;
            }
        }
    }
    /* slashes: 23/10, 2/1988, 23/10/2020, and ratios 15/19 */
    if (j + 1 < n && s[j] == '/' && is_digit(s[j + 1])) {
        size_t k = digits(s, n, j + 1, &b), blen = k - j - 1;
        if (k + 1 < n && s[k] == '/' && is_digit(s[k + 1])) {
            size_t m = digits(s, n, k + 1, &c), clen = m - k - 1;
            if (valid_day_month(a, b, alen, blen) && (clen == 4 || clen == 2))
                *kind = TT_TOK_DATE;
            return m;
        }
        if (valid_day_month(a, b, alen, blen) || (alen <= 2 && a >= 1 && a <= 12 && blen == 4))
            *kind = TT_TOK_DATE;
        return k;
    }
    /* groups: 30.000, 1.000.000, 2,5, 1.234,5; and 10.2 or 10.2.2020 as dates */
    size_t groups = 0, end = j, g1 = 0;
    unsigned long v1 = 0;
    while (end + 1 < n && (s[end] == '.' || s[end] == ',') && is_digit(s[end + 1])) {
        size_t k = digits(s, n, end + 1, &b);
        if (groups == 0) {
            g1 = k - end - 1;
            v1 = b;
        }
        groups++;
        end = k;
    }
    if (groups >= 1 && s[j] == '.' && valid_day_month(a, v1, alen, g1)) {
        if (groups == 2 && end - j > 4 && s[j + 1 + g1] == '.') {
            size_t ylen = end - (j + 2 + g1);
            if (ylen == 4) {
                *kind = TT_TOK_DATE; /* 10.2.2020 */
                return end;
            }
        }
        if (groups == 1 && after_ngay) {
            *kind = TT_TOK_DATE;
            return end;
        }
    }
    if (end < n && s[end] == '%')
        end++;
    return end;
}

/* An emoji or other symbol with what binds to it: marks, variation selectors, skin tones,
 * ZWJ sequences, flag pairs. */
static size_t symbol_end(const tt_cp *s, size_t n, size_t i)
{
    size_t j = i + 1;
    if (u_hasBinaryProperty((UChar32)s[i], UCHAR_REGIONAL_INDICATOR) && j < n
        && u_hasBinaryProperty((UChar32)s[j], UCHAR_REGIONAL_INDICATOR))
        return j + 1;
    for (;;) {
        while (j < n && (cclass(s[j]) == CC_MARK || u_hasBinaryProperty((UChar32)s[j], UCHAR_EMOJI_MODIFIER))) {
            if (s[j] == 0x200D && j + 1 < n && cclass(s[j + 1]) == CC_SYMBOL) {
                j += 2; /* ZWJ joins the next pictograph */
                continue;
            }
            j++;
        }
        return j;
    }
}

/* Word flags from its letters. */
static int word_flags(const tt_cp *s, size_t a, size_t b)
{
    size_t letters = 0, upper = 0;
    int flags = 0, diacritic = 0;
    for (size_t i = a; i < b; i++) {
        if (cclass(s[i]) != CC_LETTER)
            continue;
        letters++;
        int up = is_upper_letter(s[i]);
        upper += up;
        if (letters == 1 && up)
            flags |= TT_TF_UPPER_INITIAL;
        uint8_t e = tt_vl_info(s[i]);
        if (s[i] >= 0x80 && e)
            diacritic = 1;
    }
    if (letters >= 2 && upper == letters)
        flags |= TT_TF_ALL_UPPER;
    if (diacritic)
        flags |= TT_TF_DIACRITIC;
    if (tt_syllable_valid(s + a, b - a))
        flags |= TT_TF_VIET;
    return flags;
}

static int all_upper_run(const tt_cp *s, size_t a, size_t b)
{
    if (b == a || b - a > 6)
        return 0;
    for (size_t i = a; i < b; i++)
        if (cclass(s[i]) != CC_LETTER || !is_upper_letter(s[i]))
            return 0;
    return 1;
}

/* A word token [i, *end): letters, marks and digits (U23, H5N1), an inner apostrophe
 * (O'Brien), and dotted abbreviations (TP.HCM, PGS.TS., v.v.). */
static size_t word_end(const tt_cp *s, size_t n, size_t i, int *abbrev)
{
    size_t j = i;
    *abbrev = 0;
    for (;;) {
        while (j < n) {
            int k = cclass(s[j]);
            if (k == CC_LETTER || k == CC_MARK || k == CC_DIGIT)
                j++;
            else if (s[j] == '\'' && j + 1 < n && cclass(s[j + 1]) == CC_LETTER && j > i && cclass(s[j - 1]) == CC_LETTER)
                j++;
            else
                break;
        }
        /* v.v. (etc.) */
        if (j - i == 1 && (s[i] == 'v' || s[i] == 'V') && j + 2 < n && s[j] == '.' && lower_ascii(s[j + 1]) == 'v'
            && s[j + 2] == '.') {
            *abbrev = 1;
            return j + 3;
        }
        if (j >= n || s[j] != '.')
            return j;
        /* the segment just read is [seg, j) */
        size_t seg = j;
        while (seg > i && s[seg - 1] != '.')
            seg--;
        int listed = in_list(s, seg, j, abbrevs);
        size_t k = j + 1, m = k < n ? letters_end(s, n, k) : k;
        int next_listed = m > k && in_list(s, k, m, abbrevs);
        /* X.Y joined when both read as abbreviations: TP.HCM, PGS.TS, U.S */
        if (m > k && (listed || all_upper_run(s, seg, j)) && (all_upper_run(s, k, m) || next_listed)
            && (m >= n || cclass(s[m]) != CC_DIGIT)) {
            j = m;
            continue;
        }
        if (listed && (k >= n || cclass(s[k]) != CC_LETTER)) {
            *abbrev = 1;
            return j + 1; /* TS. Nguyễn */
        }
        return j;
    }
}

tt_status tt_tokenize(const tt_cp *s, size_t n, tt_tokbuf *out)
{
    tt_status st = TT_OK;
    size_t i = 0;
    int before = TT_TF_SPACE_BEFORE;
    size_t first = out->n;
    while (i < n) {
        tt_cp c = s[i];
        int k = cclass(c);
        if (k == CC_SPACE || k == CC_NEWLINE) {
            before |= TT_TF_SPACE_BEFORE | (k == CC_NEWLINE ? TT_TF_NEWLINE_BEFORE : 0);
            i++;
            continue;
        }
        size_t j;
        int kind, flags = before;
        before = 0;
        if (k == CC_LETTER || k == CC_DIGIT) {
            /* URLs and e-mail addresses only where an ASCII run meets . : @ and the like */
            size_t r = i;
            while (r < n && (is_ascii_alnum(s[r]) || s[r] == '-' || s[r] == '_' || s[r] == '%' || s[r] == '+'))
                r++;
            int maybe = r > i && r < n && (s[r] == '.' || s[r] == ':' || s[r] == '@');
            if (maybe && (j = url_end(s, n, i)) > i) {
                kind = TT_TOK_URL;
            } else if (maybe && (j = email_end(s, n, i)) > i) {
                kind = TT_TOK_EMAIL;
            } else if (k == CC_DIGIT) {
                int after_ngay = 0;
                if (out->n > first) {
                    const tt_token *p = &out->v[out->n - 1];
                    after_ngay = p->kind == TT_TOK_WORD && p->end - p->start == 4 && lower_ascii(s[p->start]) == 'n'
                                 && lower_ascii(s[p->start + 1]) == 'g' && s[p->start + 2] == 0x00E0
                                 && lower_ascii(s[p->start + 3]) == 'y';
                }
                j = number_end(s, n, i, after_ngay, &kind);
                if (j < n && cclass(s[j]) == CC_LETTER && kind == TT_TOK_NUMBER && j - i == 1) {
                    /* a digit that leads a word: 3G, 4K */
                    int ab;
                    size_t w = word_end(s, n, j, &ab);
                    if (w - j <= 2 && all_upper_run(s, j, w)) {
                        j = w;
                        kind = TT_TOK_WORD;
                    }
                }
            } else {
                int ab;
                j = word_end(s, n, i, &ab);
                kind = TT_TOK_WORD;
                flags |= word_flags(s, i, j) | (ab ? TT_TF_ABBREV : 0);
            }
        } else if (k == CC_PUNCT) {
            j = i + 1;
            kind = TT_TOK_PUNCT;
            if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
                while (j < n && s[j] == '.')
                    j++; /* an ellipsis written with dots */
            }
            while (j < n && cclass(s[j]) == CC_MARK)
                j++;
        } else {
            /* symbols, and marks with nothing to sit on */
            j = k == CC_MARK ? i + 1 : symbol_end(s, n, i);
            while (j < n && cclass(s[j]) == CC_MARK)
                j++;
            kind = TT_TOK_SYMBOL;
        }
        while (j < n && cclass(s[j]) == CC_MARK)
            j++; /* marks stay with what they are written on */
        if ((st = push(out, i, j, kind, flags)) != TT_OK)
            return st;
        i = j;
    }
    return st;
}

/* ---- sentences ---- */

static int is_closer(tt_cp c)
{
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB || c == '}';
}

static int is_opener(tt_cp c)
{
    return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0x00AB;
}

static int ends_sentence(const tt_cp *s, const tt_token *t)
{
    if (t->kind != TT_TOK_PUNCT)
        return 0;
    tt_cp c = s[t->start];
    return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x3002;
}

/* Does token u begin a new sentence after a terminator? */
static int starts_sentence(const tt_cp *s, const tt_token *u)
{
    tt_cp c = s[u->start];
    if (u->kind == TT_TOK_NUMBER || u->kind == TT_TOK_DATE)
        return 1;
    if (u->kind == TT_TOK_WORD || u->kind == TT_TOK_URL)
        return is_upper_letter(c);
    if (u->kind == TT_TOK_PUNCT)
        return is_opener(c) || c == '-';
    return u->kind == TT_TOK_SYMBOL;
}

tt_status tt_sentences(const tt_cp *s, size_t n, const tt_token *t, size_t nt, tt_offbuf *starts)
{
    (void)n;
    tt_status st;
    if (nt == 0)
        return TT_OK;
    if ((st = tt_offbuf_push(starts, 0)) != TT_OK)
        return st;
    for (size_t i = 1; i < nt; i++) {
        const tt_token *u = &t[i];
        int brk = 0;
        if (u->flags & TT_TF_NEWLINE_BEFORE) {
            brk = 1;
        } else if (u->kind == TT_TOK_PUNCT && is_closer(s[u->start]) && !(u->flags & TT_TF_SPACE_BEFORE)) {
            brk = 0; /* a quote or bracket written against the text before it closes that text */
        } else {
            /* walk back over closing quotes and brackets written right after the terminator */
            size_t p = i;
            while (p > 1 && t[p - 1].kind == TT_TOK_PUNCT && is_closer(s[t[p - 1].start])
                   && !(t[p - 1].flags & TT_TF_SPACE_BEFORE))
                p--;
            const tt_token *end = &t[p - 1];
            if (ends_sentence(s, end) && starts_sentence(s, u)) {
                int spaced = (u->flags & TT_TF_SPACE_BEFORE) != 0;
                /* "Nigeria.15/19": a missing space still ends a sentence after a real word */
                if (spaced || p < i) {
                    brk = 1;
                } else if (p >= 2) {
                    const tt_token *w = &t[p - 2];
                    brk = w->kind == TT_TOK_WORD && !(w->flags & TT_TF_ALL_UPPER) && w->end - w->start >= 2
                          && !(w->flags & TT_TF_ABBREV);
                }
            }
        }
        if (brk && (st = tt_offbuf_push(starts, (tt_off)i)) != TT_OK)
            return st;
    }
    return TT_OK;
}
