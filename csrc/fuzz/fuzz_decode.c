/* libFuzzer target for core/decode.c: every decoder on arbitrary bytes.
 *
 * Invariants checked for each encoding (and "auto"):
 *  - decoding never crashes and legacy decoders never fail (every byte means something);
 *  - UTF-8 fails exactly when ICU's own converter finds the bytes ill-formed, and the error
 *    it reports lies inside the input;
 *  - the output is valid Unicode (no surrogates, nothing above U+10FFFF);
 *  - encoding the output as UTF-8 and decoding that as "utf-8" gives the same code points
 *    (which also says the output is NFC: decoding composes, and composing is idempotent);
 *  - detection never fails, names a real encoding, and "auto" decodes as that encoding does.
 * An input starting with byte 0x01 is first turned into UTF-8 text rich in Vietnamese letters,
 * combining marks and odd characters (fuzz_input.h), to reach the composition paths more often.
 * Build and run: make fuzz-build && build/fuzz/fuzz_decode -max_total_time=60 csrc/fuzz/seeds */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ustring.h>

#include "../core/decode.h"
#include "fuzz_input.h"
#include "fuzz_check.h"


/* Encode code points as UTF-8 into a fresh buffer (*len bytes). */
static uint8_t *to_utf8(const tt_cp *cp, size_t n, size_t *len)
{
    uint8_t *b = malloc(4 * n + 1);
    if (b == NULL)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        tt_cp c = cp[i];
        if (c < 0x80) {
            b[k++] = (uint8_t)c;
        } else if (c < 0x800) {
            b[k++] = (uint8_t)(0xC0 | (c >> 6));
            b[k++] = (uint8_t)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            b[k++] = (uint8_t)(0xE0 | (c >> 12));
            b[k++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            b[k++] = (uint8_t)(0x80 | (c & 0x3F));
        } else {
            b[k++] = (uint8_t)(0xF0 | (c >> 18));
            b[k++] = (uint8_t)(0x80 | ((c >> 12) & 0x3F));
            b[k++] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
            b[k++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    *len = k;
    return b;
}

/* ICU's verdict on whether s[0, n) is well-formed UTF-8. */
static int icu_says_utf8(const uint8_t *s, size_t n)
{
    UErrorCode ue = U_ZERO_ERROR;
    int32_t need = 0;
    if (n > INT32_MAX)
        return -1;
    u_strFromUTF8(NULL, 0, &need, (const char *)s, (int32_t)n, &ue);
    if (ue == U_INVALID_CHAR_FOUND)
        return 0;
    CHECK(ue == U_BUFFER_OVERFLOW_ERROR || ue == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(ue));
    return 1;
}

static void check_output(const tt_cpbuf *out)
{
    for (size_t i = 0; i < out->n; i++)
        CHECK(out->v[i] <= 0x10FFFF && !(out->v[i] >= 0xD800 && out->v[i] <= 0xDFFF));
}

static void check_bytes(const uint8_t *data, size_t size)
{
    tt_cpbuf out = {0}, again = {0}, det = {0};
    tt_decode_error err;
    uint8_t *u8 = NULL;
    size_t u8len = 0;

    (void)tt_encoding_lookup((const char *)data, size);

    int valid = tt_utf8_check(data, size, &err);
    int icu = icu_says_utf8(data, size);
    if (icu >= 0)
        CHECK(valid == icu);
    if (!valid)
        CHECK(err.start < size && err.end > err.start && err.end <= size && err.end - err.start <= 3);

    for (int e = TT_ENC_AUTO; e < TT_ENC_COUNT; e++) {
        tt_status st = tt_decode(data, size, (tt_encoding)e, &out, &err);
        if (st == TT_ENOMEM)
            goto done;
        if (e == TT_ENC_UTF8) {
            CHECK(st == (valid ? TT_OK : TT_EINVAL));
            if (!valid) {
                tt_decode_error e2;
                CHECK(!tt_utf8_check(data, size, &e2) && e2.start == err.start && e2.end == err.end);
                continue;
            }
        } else if (e == TT_ENC_AUTO) {
            CHECK(st == TT_OK || (st == TT_EINVAL && !valid));
            if (st != TT_OK)
                continue;
        } else {
            CHECK(st == TT_OK);
        }
        check_output(&out);
        free(u8);
        u8 = to_utf8(out.v, out.n, &u8len);
        if (u8 == NULL)
            goto done;
        st = tt_decode(u8, u8len, TT_ENC_UTF8, &again, &err);
        if (st == TT_ENOMEM)
            goto done;
        CHECK(st == TT_OK);
        /* a leading U+FEFF would be taken for a byte-order mark the second time */
        size_t skip = out.n > 0 && out.v[0] == 0xFEFF ? 1 : 0;
        CHECK(again.n == out.n - skip);
        CHECK(again.n == 0 || memcmp(again.v, out.v + skip, again.n * sizeof *again.v) == 0);
    }

    tt_encoding enc = TT_ENC_UNKNOWN;
    tt_enc_score sc[TT_ENC_COUNT];
    tt_status st = tt_detect_encoding(data, size, &enc, sc, &err);
    if (st == TT_ENOMEM)
        goto done;
    CHECK(st == TT_OK && enc >= 0 && enc < TT_ENC_COUNT && tt_encoding_name(enc) != NULL);
    if (size == 0 || (valid && enc != TT_ENC_VIQR))
        CHECK(enc == TT_ENC_UTF8);
    /* "auto" decodes exactly as the detected encoding does */
    tt_status s1 = tt_decode(data, size, TT_ENC_AUTO, &out, &err);
    tt_status s2 = tt_decode(data, size, enc, &det, &err);
    if (s1 != TT_ENOMEM && s2 != TT_ENOMEM) {
        CHECK(s1 == s2);
        if (s1 == TT_OK)
            CHECK(out.n == det.n && (out.n == 0 || memcmp(out.v, det.v, out.n * sizeof *out.v) == 0));
    }
done:
    free(u8);
    tt_cpbuf_free(&out);
    tt_cpbuf_free(&again);
    tt_cpbuf_free(&det);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 0 && data[0] == 0x01) {
        uint32_t *cp = malloc((size + 1) * sizeof *cp);
        if (cp == NULL)
            return 0;
        size_t n = fuzz_text(data + 1, size - 1, cp, size);
        size_t len;
        uint8_t *u8 = to_utf8(cp, n, &len); /* surrogates give ill-formed UTF-8, as they should */
        if (u8 != NULL)
            check_bytes(u8, len);
        free(u8);
        free(cp);
        return 0;
    }
    check_bytes(data, size);
    return 0;
}
