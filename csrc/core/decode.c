#include "decode.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>

#include "legacy_tables.h"
#include "syllable.h"

/* ---- names ---------------------------------------------------------------------------- */

static const struct {
    const char *alias; /* folded: lowercase, without " -_." */
    tt_encoding enc;
} enc_aliases[] = {
    {"auto", TT_ENC_AUTO},
    {"utf8", TT_ENC_UTF8}, {"u8", TT_ENC_UTF8}, {"utf8sig", TT_ENC_UTF8}, {"unicode", TT_ENC_UTF8},
    {"cp1258", TT_ENC_CP1258}, {"windows1258", TT_ENC_CP1258}, {"win1258", TT_ENC_CP1258},
    {"1258", TT_ENC_CP1258}, {"ms1258", TT_ENC_CP1258}, {"xcp1258", TT_ENC_CP1258},
    {"viscii", TT_ENC_VISCII}, {"csviscii", TT_ENC_VISCII}, {"viscii11", TT_ENC_VISCII},
    {"rfc1456", TT_ENC_VISCII},
    {"tcvn3", TT_ENC_TCVN3}, {"tcvn", TT_ENC_TCVN3}, {"abc", TT_ENC_TCVN3}, {"vn3", TT_ENC_TCVN3},
    {"tcvn3abc", TT_ENC_TCVN3}, {"tcvnabc", TT_ENC_TCVN3}, {"tcvn5712vn3", TT_ENC_TCVN3},
    {"vni", TT_ENC_VNI}, {"vniwindows", TT_ENC_VNI}, {"vniwin", TT_ENC_VNI},
    {"viqr", TT_ENC_VIQR}, {"vietnet", TT_ENC_VIQR},
};

tt_encoding tt_encoding_lookup(const char *name, size_t len)
{
    char buf[24];
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c == ' ' || c == '-' || c == '_' || c == '.')
            continue;
        if (k + 1 >= sizeof buf || c == 0 || c >= 0x80)
            return TT_ENC_UNKNOWN;
        buf[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    buf[k] = 0;
    for (size_t a = 0; a < sizeof enc_aliases / sizeof enc_aliases[0]; a++)
        if (strcmp(buf, enc_aliases[a].alias) == 0)
            return enc_aliases[a].enc;
    return TT_ENC_UNKNOWN;
}

const char *tt_encoding_name(tt_encoding enc)
{
    switch (enc) {
    case TT_ENC_AUTO: return "auto";
    case TT_ENC_UTF8: return "utf-8";
    case TT_ENC_CP1258: return "cp1258";
    case TT_ENC_VISCII: return "viscii";
    case TT_ENC_TCVN3: return "tcvn3";
    case TT_ENC_VNI: return "vni";
    case TT_ENC_VIQR: return "viqr";
    default: return NULL;
    }
}

/* ---- UTF-8 ------------------------------------------------------------------------------ */

/* Length of the well-formed UTF-8 sequence at s[i] (1..4) and its code point in *cp, or 0
 * with err filled the way CPython reports the same bytes. */
static size_t utf8_one(const uint8_t *s, size_t i, size_t n, tt_cp *cp, tt_decode_error *err)
{
    uint8_t c = s[i];
    size_t len;
    uint8_t lo = 0x80, hi = 0xBF; /* bounds of the second byte */
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        if (err) {
            err->start = i;
            err->end = i + 1;
            err->reason = "invalid start byte";
        }
        return 0;
    }
    size_t k = 1;
    for (; k < len; k++) {
        if (i + k >= n) {
            if (err) {
                err->start = i;
                err->end = n;
                err->reason = "unexpected end of data";
            }
            return 0;
        }
        uint8_t b = s[i + k];
        if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
            if (err) {
                err->start = i;
                err->end = i + k;
                err->reason = "invalid continuation byte";
            }
            return 0;
        }
    }
    tt_cp v = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (k = 1; k < len; k++)
        v = (v << 6) | (s[i + k] & 0x3F);
    *cp = v;
    return len;
}

int tt_utf8_check(const uint8_t *s, size_t n, tt_decode_error *err)
{
    size_t i = 0;
    while (i < n) {
        /* ASCII eight bytes at a time */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= n)
            break;
        tt_cp cp;
        size_t k = utf8_one(s, i, n, &cp, err);
        if (k == 0)
            return 0;
        i += k;
    }
    return 1;
}

/* Decode well-formed-or-not UTF-8 strictly into out (which has room for n code points). */
static tt_status decode_utf8(const uint8_t *s, size_t n, tt_cpbuf *out, tt_decode_error *err)
{
    size_t i = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3; /* a byte-order mark is not text */
    tt_cp *o = out->v + out->n;
    while (i < n) {
        if (s[i] < 0x80) {
            *o++ = s[i++];
            continue;
        }
        tt_cp cp;
        size_t k = utf8_one(s, i, n, &cp, err);
        if (k == 0) {
            out->n = (size_t)(o - out->v);
            return TT_EINVAL;
        }
        *o++ = cp;
        i += k;
    }
    out->n = (size_t)(o - out->v);
    return TT_OK;
}

/* ---- single-byte tables ----------------------------------------------------------------- */

/* A byte >= 0xC0 that a table leaves to its Latin-1 meaning and that is a letter there:
 * legacy text hardly ever holds one, so detection counts them against the encoding. */
static int foreign_letter(const uint16_t *table, uint8_t b)
{
    return b >= 0xC0 && b != 0xD7 && b != 0xF7 && table[b] == b;
}

static void decode_table(const uint8_t *s, size_t n, const uint16_t *table, tt_cpbuf *out, tt_enc_score *sc)
{
    tt_cp *o = out->v + out->n;
    for (size_t i = 0; i < n; i++)
        o[i] = table[s[i]];
    out->n += n;
    if (sc)
        for (size_t i = 0; i < n; i++)
            sc->foreign += (size_t)foreign_letter(table, s[i]);
}

/* VNI-Windows: a base byte followed by a diacritic byte is one letter when the pair is in
 * the table (longest match); every other byte stands for itself. */
static void decode_vni(const uint8_t *s, size_t n, tt_cpbuf *out, tt_enc_score *sc)
{
    tt_cp *o = out->v + out->n;
    size_t i = 0;
    while (i < n) {
        int slot = tt_vni_base_slot[s[i]];
        if (slot >= 0 && i + 1 < n && s[i + 1] >= 0xC0) {
            uint16_t cp = tt_vni_pair[slot][s[i + 1] - 0xC0];
            if (cp != 0) {
                *o++ = cp;
                i += 2;
                continue;
            }
        }
        *o++ = tt_vni_single[s[i]];
        if (sc)
            sc->foreign += (size_t)foreign_letter(tt_vni_single, s[i]);
        i++;
    }
    out->n = (size_t)(o - out->v);
}

/* ---- VIQR -------------------------------------------------------------------------------- */

static int is_ascii_letter(tt_cp c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int viqr_index(const char *set, uint8_t c)
{
    if (c == 0)
        return 0;
    const char *p = strchr(set, (char)c);
    return p ? (int)(p - set) + 1 : 0;
}

/* A '.' or '?' at s[j] that ends its line (only spaces or tabs before the line break or the
 * end of the text) is the sentence's punctuation, not a tone. */
static int viqr_ends_line(const uint8_t *s, size_t j, size_t n)
{
    size_t k = j + 1;
    while (k < n && (s[k] == ' ' || s[k] == '\t'))
        k++;
    return k == n || s[k] == '\n' || s[k] == '\r';
}

/* RFC 1456 VIQR: a vowel, then optionally a modifier ( ^ +, then optionally a tone ' ` ? ~ .;
 * "DD" is Đ, "dd" (or "Dd") at the start of a word is đ (Đ); a backslash makes the next mnemonic
 * character literal. Two habits of real text are honoured: a '.', '?' or '\'' that ends a word
 * whose vowel already has a tone is punctuation ("No^.i." is "Nội."), and so is a '.' or '?'
 * that ends a line ("ra." at the end of a paragraph is "ra.", not "rạ"). Bytes above ASCII
 * are read as UTF-8 when they form it, else as Windows-1258/Latin-1. */
static void decode_viqr(const uint8_t *s, size_t n, tt_cpbuf *out, tt_enc_score *sc)
{
    tt_cp *o = out->v + out->n;
    size_t i = 0;
    int in_word = 0, toned = 0;
    while (i < n) {
        uint8_t c = s[i];
        if (c >= 0x80) {
            tt_cp cp;
            size_t k = utf8_one(s, i, n, &cp, NULL);
            if (k == 0) {
                cp = c < 0xA0 ? tt_win_c1[c - 0x80] : c;
                k = 1;
                if (sc && c >= 0xC0 && c != 0xD7 && c != 0xF7)
                    sc->foreign++;
            }
            *o++ = cp;
            i += k;
            in_word = toned = 0;
            continue;
        }
        if (c == '\\' && i + 1 < n && s[i + 1] < 0x80 && s[i + 1] != 0 &&
            (s[i + 1] == '\\' || strchr(TT_VIQR_MODS TT_VIQR_TONES, (char)s[i + 1]) != NULL)) {
            *o++ = s[i + 1];
            i += 2;
            in_word = toned = 0;
            continue;
        }
        /* "DD" is Đ anywhere (abbreviations: "HDDND" for HĐND; in "GDDDT" the last two);
         * "dd" and "Dd" only where a word starts, so that "add" and "Buddha" stay */
        if (i + 1 < n && ((c == 'D' && s[i + 1] == 'D' && !(i + 2 < n && s[i + 2] == 'D')) ||
                          (!in_word && (c == 'D' || c == 'd') && s[i + 1] == 'd'))) {
            *o++ = c == 'D' ? TT_VIQR_DD : TT_VIQR_dd;
            i += 2;
            in_word = 1;
            if (sc)
                sc->strong++;
            continue;
        }
        int v = viqr_index(TT_VIQR_VOWELS, (uint8_t)(c | 0x20));
        if (v > 0 && is_ascii_letter(c)) {
            int upper = c < 'a';
            int mod = 0, tone = 0;
            size_t j = i + 1;
            if (j < n) {
                int m = viqr_index(TT_VIQR_MODS, s[j]);
                if (m > 0 && tt_viqr[v - 1][upper][m][0] != 0) {
                    mod = m;
                    j++;
                }
            }
            if (j < n) {
                int t = viqr_index(TT_VIQR_TONES, s[j]);
                /* after a toned vowel, a . ? or ' that ends the word is punctuation */
                int ends_word = (s[j] == '.' || s[j] == '?' || s[j] == '\'') &&
                                (j + 1 >= n || !is_ascii_letter(s[j + 1]));
                if (t > 0 && tt_viqr[v - 1][upper][mod][t] != 0 && !(toned && ends_word) &&
                    !((s[j] == '.' || s[j] == '?') && viqr_ends_line(s, j, n))) {
                    tone = t;
                    j++;
                }
            }
            *o++ = tt_viqr[v - 1][upper][mod][tone];
            if (sc) {
                if (mod)
                    sc->strong++;
                if (tone && (s[j - 1] == '`' || s[j - 1] == '~'))
                    sc->strong++;
            }
            toned |= tone != 0;
            in_word = 1;
            i = j;
            continue;
        }
        *o++ = c;
        i++;
        in_word = is_ascii_letter(c);
        if (!in_word)
            toned = 0;
    }
    out->n = (size_t)(o - out->v);
}

/* ---- CP1258 through ICU ------------------------------------------------------------------ */

static tt_status decode_cp1258(const uint8_t *s, size_t n, tt_cpbuf *out, tt_decode_error *err)
{
    tt_status st = TT_OK;
    UErrorCode ue = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open("windows-1258", &ue);
    UChar buf[4096];
    if (U_FAILURE(ue)) {
        st = TT_EICU;
        goto done;
    }
    /* A byte the code page leaves undefined becomes U+FFFD rather than stopping us. */
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_SUBSTITUTE, NULL, NULL, NULL, &ue);
    if (U_FAILURE(ue)) {
        st = TT_EICU;
        goto done;
    }
    const char *src = (const char *)s, *lim = (const char *)s + n;
    tt_cp *o = out->v + out->n;
    tt_cp *olim = out->v + out->cap;
    do {
        UChar *t = buf;
        ue = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &t, buf + sizeof buf / sizeof buf[0], &src, lim, NULL, 1, &ue);
        if (U_FAILURE(ue) && ue != U_BUFFER_OVERFLOW_ERROR) {
            st = TT_EICU;
            goto done;
        }
        /* windows-1258 is a single-byte code page: one byte gives one BMP code unit, so the
         * output never outgrows the n code points reserved. Check anyway. */
        for (UChar *p = buf; p < t; p++) {
            if (o == olim) {
                st = TT_EICU;
                ue = U_INTERNAL_PROGRAM_ERROR;
                goto done;
            }
            *o++ = *p;
        }
    } while (ue == U_BUFFER_OVERFLOW_ERROR);
    out->n = (size_t)(o - out->v);
done:
    if (st == TT_EICU && err)
        err->icu = ue;
    if (cnv)
        ucnv_close(cnv);
    return st;
}

/* ---- NFC --------------------------------------------------------------------------------- */

/* A code point that leaves any NFC text NFC when appended (quick-check yes, no combining class). */
static int nfc_safe(tt_cp c)
{
    if (c < 0x300 || (c >= 0x1EA0 && c <= 0x1EF9)) /* Latin-1, Latin Extended, Vietnamese letters */
        return 1;
    return u_getIntPropertyValue((UChar32)c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES &&
           u_getCombiningClass((UChar32)c) == 0;
}

#define NFC_CHUNK 65536          /* code points normalized per ICU call */
#define NFC_CHUNK_MAX (1u << 24) /* a run without a boundary is cut here */
#define NFC_MAX_MARKS 30         /* longest run of combining marks kept together (UAX #15) */

/* The non-starters (combining class > 0) that c's canonical decomposition begins and ends
 * with, and whether it is made of nothing else: what UAX #15 counts for stream-safe text. */
static void nonstarters(const UNormalizer2 *nfd, UChar32 c, int *lead, int *trail, int *all)
{
    *lead = *trail = *all = 0;
    if (c < 0xC0 || (u_getIntPropertyValue(c, UCHAR_LEAD_CANONICAL_COMBINING_CLASS) == 0 &&
                      u_getIntPropertyValue(c, UCHAR_TRAIL_CANONICAL_COMBINING_CLASS) == 0))
        return;
    UChar d[32];
    UErrorCode ue = U_ZERO_ERROR;
    int32_t len = unorm2_getDecomposition(nfd, c, d, (int32_t)(sizeof d / sizeof d[0]), &ue);
    if (U_FAILURE(ue) || len <= 0) {
        /* no decomposition (or an impossible one): c stands for itself */
        *all = *lead = *trail = u_getCombiningClass(c) != 0;
        return;
    }
    int32_t i = 0, starters = 0;
    while (i < len) {
        UChar32 x;
        U16_NEXT(d, i, len, x);
        if (u_getCombiningClass(x) == 0) {
            starters++;
            *trail = 0;
        } else {
            *trail += 1;
            if (starters == 0)
                *lead += 1;
        }
    }
    *all = starters == 0;
}

/* Compose b to NFC in place (through a second buffer when anything changes). */
static tt_status to_nfc(tt_cpbuf *b, tt_decode_error *err)
{
    tt_status st = TT_OK;
    UErrorCode ue = U_ZERO_ERROR;
    tt_cpbuf res = {0};
    UChar *in16 = NULL, *out16 = NULL;
    size_t in_cap = 0, out_cap = 0;
    size_t k = 0;
    while (k < b->n && nfc_safe(b->v[k]))
        k++;
    if (k == b->n)
        goto done; /* already NFC: the common case */
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&ue);
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&ue);
    if (U_FAILURE(ue)) {
        st = TT_EICU;
        goto done;
    }
    /* start at the last boundary at or before the first unsafe code point */
    while (k > 0 && !unorm2_hasBoundaryBefore(nfc, (UChar32)b->v[k]))
        k--;
    if ((st = tt_cpbuf_reserve(&res, b->n + 16)) != TT_OK)
        goto done;
    memcpy(res.v, b->v, k * sizeof *b->v);
    res.n = k;
    size_t pos = k, marks = 0;
    while (pos < b->n) {
        size_t end = b->n - pos > NFC_CHUNK ? pos + NFC_CHUNK : b->n;
        while (end < b->n && end - pos < NFC_CHUNK_MAX && !unorm2_hasBoundaryBefore(nfc, (UChar32)b->v[end]))
            end++;
        /* two units per code point, plus at most one joiner before each */
        size_t need = 3 * (end - pos) + 1;
        if (need > in_cap) {
            if ((st = tt_grow((void **)&in16, &in_cap, 0, need, sizeof *in16)) != TT_OK)
                goto done;
        }
        size_t m = 0;
        for (size_t i = pos; i < end; i++) {
            tt_cp c = b->v[i];
            if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                c = 0xFFFD;
            /* Stream-safe text (UAX #15): a COMBINING GRAPHEME JOINER wherever more than
             * NFC_MAX_MARKS non-starters would follow one another, so that reordering marks
             * stays linear in the input. Counting them in decompositions makes this stable:
             * decoding the output again inserts nothing. */
            int lead, trail, all;
            nonstarters(nfd, (UChar32)c, &lead, &trail, &all);
            if (marks + (size_t)lead > NFC_MAX_MARKS) {
                in16[m++] = 0x034F;
                marks = 0;
            }
            marks = all ? marks + (size_t)lead : (size_t)trail;
            if (c > 0xFFFF) {
                in16[m++] = (UChar)(0xD7C0 + (c >> 10));
                in16[m++] = (UChar)(0xDC00 | (c & 0x3FF));
            } else {
                in16[m++] = (UChar)c;
            }
        }
        /* NFC rarely grows text; start with room for twice the input and retry on overflow. */
        if (out_cap < 2 * m + 16) {
            if ((st = tt_grow((void **)&out16, &out_cap, 0, 2 * m + 16, sizeof *out16)) != TT_OK)
                goto done;
        }
        int32_t got;
        for (;;) {
            ue = U_ZERO_ERROR;
            got = unorm2_normalize(nfc, in16, (int32_t)m, out16, (int32_t)(out_cap > INT32_MAX ? INT32_MAX : out_cap),
                                   &ue);
            if (ue == U_BUFFER_OVERFLOW_ERROR && got > 0 && (size_t)got > out_cap) {
                if ((st = tt_grow((void **)&out16, &out_cap, 0, (size_t)got, sizeof *out16)) != TT_OK)
                    goto done;
                continue;
            }
            break;
        }
        if (U_FAILURE(ue)) {
            st = TT_EICU;
            goto done;
        }
        if ((st = tt_cpbuf_reserve(&res, (size_t)got + (b->n - end))) != TT_OK)
            goto done;
        for (int32_t i = 0; i < got; i++) {
            tt_cp c = out16[i];
            if (U16_IS_LEAD(c) && i + 1 < got && U16_IS_TRAIL(out16[i + 1])) {
                c = (tt_cp)U16_GET_SUPPLEMENTARY(c, out16[i + 1]);
                i++;
            }
            res.v[res.n++] = c;
        }
        pos = end;
    }
    if (res.n > TT_MAX_LEN) {
        st = TT_ETOOLONG;
        goto done;
    }
    tt_cpbuf_free(b);
    *b = res;
    res.v = NULL;
done:
    if (st == TT_EICU && err)
        err->icu = ue;
    free(in16);
    free(out16);
    tt_cpbuf_free(&res);
    return st;
}

/* ---- decoding ---------------------------------------------------------------------------- */

static tt_status decode_as(const uint8_t *data, size_t n, tt_encoding enc, tt_cpbuf *out, tt_decode_error *err,
                           tt_enc_score *sc)
{
    tt_status st;
    out->n = 0;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    /* every decoder gives at most one code point per byte */
    if ((st = tt_cpbuf_reserve(out, n + 1)) != TT_OK)
        return st;
    switch (enc) {
    case TT_ENC_UTF8:
        st = decode_utf8(data, n, out, err);
        break;
    case TT_ENC_CP1258:
        st = decode_cp1258(data, n, out, err);
        break;
    case TT_ENC_VISCII:
        decode_table(data, n, tt_viscii_to_u, out, NULL);
        break;
    case TT_ENC_TCVN3:
        decode_table(data, n, tt_tcvn3_to_u, out, sc);
        break;
    case TT_ENC_VNI:
        decode_vni(data, n, out, sc);
        break;
    case TT_ENC_VIQR:
        decode_viqr(data, n, out, sc);
        break;
    default:
        return TT_EINVAL;
    }
    if (st != TT_OK)
        return st;
    return to_nfc(out, err);
}

tt_status tt_decode(const uint8_t *data, size_t n, tt_encoding enc, tt_cpbuf *out, tt_decode_error *err)
{
    tt_decode_error dummy;
    if (err == NULL)
        err = &dummy;
    memset(err, 0, sizeof *err);
    out->n = 0;
    if (enc == TT_ENC_AUTO) {
        tt_status st = tt_detect_encoding(data, n, &enc, NULL, err);
        if (st != TT_OK)
            return st;
    }
    if (enc < 0 || enc >= TT_ENC_COUNT)
        return TT_EINVAL;
    return decode_as(data, n, enc, out, err, NULL);
}

/* ---- detection --------------------------------------------------------------------------- */

/* Common syllables of Vietnamese news (lowercase UTF-8, in byte order): one in a candidate
 * decoding is a little more evidence for it, which settles short inputs where two
 * single-byte tables both yield well-formed syllables. */
static const char *const common_syllables[] = {
    "biết", "bà", "bị", "bộ", "chính", "chỉ", "chủ", "chức", "các", "có", "công", "cùng", "cũng",
    "cả", "của", "dân", "dụng", "giá", "giữa", "hiện", "hoạt", "huyện", "hàng", "hơn", "học", "hội",
    "không", "kết", "là", "làm", "lên", "lý", "lại", "mà", "một", "mới", "ngày", "người", "nhiều",
    "nhà", "như", "nhưng", "nhất", "những", "này", "nên", "năm", "năng", "nước", "phát", "phương",
    "phải", "phố", "quả", "quốc", "rất", "sản", "sẽ", "số", "sự", "thành", "tháng", "thì", "thể",
    "thời", "tiếp", "tiền", "triển", "trên", "trình", "trước", "trường", "tình", "tư", "tại", "tế",
    "tỉnh", "tổ", "tổng", "từ", "việc", "việt", "và", "vào", "vì", "về", "với", "vụ", "xuất", "xã",
    "ông", "đang", "đi", "điều", "đây", "đã", "đó", "đơn", "được", "đầu", "đến", "để", "định",
    "đồng", "động", "ở",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* True when the letters t[0, n) (n <= 8), lowercased, are one of the common syllables. */
static int is_common(const tt_cp *t, size_t n)
{
    char buf[8 * 3 + 1];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        tt_letter l;
        if (!tt_letter_from_cp(t[i], &l))
            return 0;
        l.upper = 0;
        tt_cp c = tt_letter_to_cp(&l);
        if (c < 0x80) {
            buf[k++] = (char)c;
        } else if (c < 0x800) {
            buf[k++] = (char)(0xC0 | (c >> 6));
            buf[k++] = (char)(0x80 | (c & 0x3F));
        } else {
            buf[k++] = (char)(0xE0 | (c >> 12));
            buf[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
            buf[k++] = (char)(0x80 | (c & 0x3F));
        }
    }
    buf[k] = 0;
    const char *key = buf;
    return bsearch(&key, common_syllables, sizeof common_syllables / sizeof common_syllables[0],
                   sizeof common_syllables[0], cmp_str) != NULL;
}

/* Characters that separate words: ASCII other than letters, Unicode white space, and the
 * typographic punctuation real text uses (general punctuation block, guillemets). */
static int is_separator(tt_cp c)
{
    if (c < 0x80)
        return !is_ascii_letter(c);
    if (c >= 0x2000 && c <= 0x206F)
        return 1;
    if (c == 0xA0 || c == 0xAB || c == 0xBB)
        return 1;
    return u_isUWhiteSpace((UChar32)c);
}

static int is_control(tt_cp c)
{
    if (c < 0x20)
        return c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v';
    return (c >= 0x7F && c <= 0x9F) || c == 0xFFFD;
}

/* Count words (runs of non-separators) that hold letters: good when they spell a Vietnamese
 * syllable with diacritics, bad when they hold anything else non-ASCII. */
static void score_text(const tt_cp *t, size_t n, tt_enc_score *sc)
{
    size_t i = 0;
    while (i < n) {
        if (is_separator(t[i])) {
            if (is_control(t[i]))
                sc->bad++;
            i++;
            continue;
        }
        size_t j = i;
        int letters = 0, nonascii = 0, other = 0, lower_seen = 0, odd_case = 0;
        for (; j < n && !is_separator(t[j]); j++) {
            tt_letter l;
            if (tt_letter_from_cp(t[j], &l)) {
                letters++;
                /* "viỆt": a capital with diacritics after a small letter happens only when
                 * bytes were read in the wrong encoding (TCVN3's "NộI" keeps ASCII capitals) */
                if (l.upper && t[j] >= 0x80 && lower_seen)
                    odd_case = 1;
                lower_seen |= !l.upper;
            } else {
                other++;
            }
            if (t[j] >= 0x80)
                nonascii++;
            if (is_control(t[j]))
                sc->bad++;
        }
        if (letters > 0) {
            sc->words++;
            if (other > 0 || odd_case)
                sc->bad++;
            else if (nonascii > 0 && !tt_syllable_valid(t + i, j - i))
                sc->bad++;
            else if (nonascii > 0) {
                sc->good++;
                sc->common += (size_t)is_common(t + i, j - i);
            }
        } else if (other > 0 && nonascii > 0) {
            sc->bad++; /* a stray symbol on its own */
        }
        i = j;
    }
    sc->score = (long)(sc->good + sc->common) - 2 * (long)(sc->bad + sc->foreign);
}

/* Among the well-formed and ill-formed multi-byte UTF-8 sequences of s, how many of each. */
static void utf8_census(const uint8_t *s, size_t n, size_t *ok, size_t *ill)
{
    size_t i = 0;
    *ok = *ill = 0;
    while (i < n) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        tt_cp cp;
        tt_decode_error e;
        size_t k = utf8_one(s, i, n, &cp, &e);
        if (k == 0) {
            (*ill)++;
            k = e.end > i ? e.end - i : 1;
        } else {
            (*ok)++;
        }
        i += k;
    }
}

tt_status tt_detect_encoding(const uint8_t *data, size_t n, tt_encoding *out, tt_enc_score *scores,
                             tt_decode_error *err)
{
    tt_status st = TT_OK;
    tt_cpbuf buf = {0};
    tt_enc_score sc[TT_ENC_COUNT];
    tt_decode_error dummy;
    memset(sc, 0, sizeof sc);
    if (err == NULL)
        err = &dummy;
    *out = TT_ENC_UTF8;
    size_t m = n < TT_DETECT_SAMPLE ? n : TT_DETECT_SAMPLE;
    int ascii = 1;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
    }
    for (; i < n && ascii; i++)
        ascii = data[i] < 0x80;
    if (!ascii && tt_utf8_check(data, n, NULL))
        goto done; /* well-formed UTF-8 with non-ASCII text: nothing else is that lucky */
    if (ascii) {
        /* plain ASCII is UTF-8, unless it reads as VIQR */
        if ((st = decode_as(data, m, TT_ENC_VIQR, &buf, err, &sc[TT_ENC_VIQR])) != TT_OK)
            goto done;
        score_text(buf.v, buf.n, &sc[TT_ENC_VIQR]);
        const tt_enc_score *v = &sc[TT_ENC_VIQR];
        if (v->strong > 0 && v->score > 0 && 10 * v->good >= v->words)
            *out = TT_ENC_VIQR;
        goto done;
    }
    /* UTF-8 with a few broken bytes is still UTF-8: decoding will say where it breaks */
    size_t ok, ill;
    utf8_census(data, m, &ok, &ill);
    if (ok >= 8 && 50 * ill <= ok)
        goto done;
    /* Ties go to the encoding most legacy Vietnamese text uses: TCVN3 (ABC), then VNI, then
     * the Windows code page; VISCII and CP1258 tie mostly on text whose letters read alike
     * in both. */
    static const tt_encoding order[] = {TT_ENC_TCVN3, TT_ENC_VNI, TT_ENC_CP1258, TT_ENC_VISCII, TT_ENC_VIQR};
    tt_encoding pick = TT_ENC_UNKNOWN;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        tt_encoding e = order[k];
        if ((st = decode_as(data, m, e, &buf, err, &sc[e])) != TT_OK)
            goto done;
        score_text(buf.v, buf.n, &sc[e]);
        if (pick == TT_ENC_UNKNOWN || sc[e].score > sc[pick].score)
            pick = e;
    }
    *out = pick;
done:
    if (scores)
        memcpy(scores, sc, sizeof sc);
    tt_cpbuf_free(&buf);
    return st;
}
