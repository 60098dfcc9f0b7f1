/* libFuzzer target for core/segment.c: loading models and decoding tokens.
 *
 * The first input byte picks what the rest is:
 *  0: model bytes. Loading must fail cleanly (TT_EFORMAT) or, should the bytes ever form a
 *     valid model, decode without trouble.
 *  1: patches (4-byte little-endian offset, 1-byte value) to the real model, whose checksum is
 *     then recomputed, so that the structural checks behind the checksum get exercised. Whatever
 *     loads must decode a sample sentence without trouble.
 *  2..255: tokens for the real model (see read_tokens). Checked invariants:
 *   - only two word tokens on one line ever join, and every join is 0 or 1;
 *   - lines are independent: decoding each line alone gives the same joins;
 *   - tt_segment_tokens over the same tokens as spans of one text gives the same joins;
 *   - a reused scratch and a fresh one give the same joins.
 * The real model is read from $TINTUC_SEGMENTER_MODEL, else pkg/tintuc/data/segmenter.bin
 * from the working directory; without it only the first mode runs.
 * Build and run: make fuzz-build && build/fuzz/fuzz_segment -max_total_time=60 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/segment.h"
#include "fuzz_check.h"


#define MAX_TOKENS 512

/* The real model's bytes and the model loaded from them (set up once per process). */
static unsigned char *real_bytes;
static size_t real_len;
static tt_segmenter *real_model;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = getenv("TINTUC_SEGMENTER_MODEL");
    if (path == NULL)
        path = "pkg/tintuc/data/segmenter.bin";
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "fuzz_segment: no model at %s; only random model bytes are tried\n", path);
        return 0;
    }
    if (fseek(f, 0, SEEK_END) == 0) {
        long n = ftell(f);
        if (n > 0 && fseek(f, 0, SEEK_SET) == 0) {
            real_bytes = malloc((size_t)n);
            if (real_bytes != NULL && fread(real_bytes, 1, (size_t)n, f) == (size_t)n)
                real_len = (size_t)n;
        }
    }
    fclose(f);
    if (real_len == 0 || tt_segmenter_load(real_bytes, real_len, &real_model) != TT_OK) {
        fprintf(stderr, "fuzz_segment: %s is not a valid model\n", path);
        abort();
    }
    return 0;
}

/* Characters worth combining: Vietnamese letters in both cases and tone placements, ASCII,
 * digits, punctuation, spaces, a combining mark, a surrogate, an emoji, and the Ð look-alike. */
static const tt_cp alphabet[] = {
    'a', 'b', 'c', 'd', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v',
    'x', 'y', 'A', 'H', 'N', 'T', 'Q', 0x00E0, 0x00E1, 0x1EA3, 0x00E3, 0x1EA1, 0x0103, 0x00E2,
    0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x0110, 0x00D0, 0x1ED9, 0x1EC7, 0x1EE7, 0x00F2, 0x00E0,
    0x1EF7, 0x1EA0, 0x00C0, 0x1EDA, '0', '5', '9', '.', ',', '-', '/', '(', ')', ' ', 0x00A0,
    0x0300, 0xD800, 0x1F600, 0x10FFFF, 0x110000, 0xFFFFFFFF,
};

/* Decode fuzz bytes into tokens over one text: each token is a header byte (kind in bits 0-2,
 * a line break before it in bit 3, length 0..15 in bits 4-7) and then one byte per code point
 * (an index into the alphabet, or with the top bit set a raw BMP code point from two bytes). */
static size_t read_tokens(const uint8_t *d, size_t n, tt_cp *text, size_t *tlen, tt_seg_token *toks,
                          tt_token *spans)
{
    size_t nt = 0, k = 0, pos = 0;
    const size_t na = sizeof alphabet / sizeof alphabet[0];
    while (k < n && nt < MAX_TOKENS) {
        uint8_t h = d[k++];
        size_t len = h >> 4, start = pos;
        for (size_t j = 0; j < len && k < n; j++) {
            uint8_t b = d[k++];
            tt_cp c = alphabet[b % na];
            if ((b & 0x80) && k < n)
                c = (tt_cp)((b & 0x7F) << 8 | d[k++]);
            text[pos++] = c;
        }
        toks[nt].cp = text + start;
        toks[nt].len = pos - start;
        toks[nt].kind = (uint8_t)(h & 7);
        toks[nt].flags = (h & 8) ? TT_TF_NEWLINE_BEFORE : 0;
        spans[nt].start = (tt_off)start;
        spans[nt].end = (tt_off)pos;
        spans[nt].kind = toks[nt].kind;
        spans[nt].flags = toks[nt].flags;
        nt++;
    }
    *tlen = pos;
    return nt;
}

static void decode_sample(const tt_segmenter *m)
{
    static const tt_cp syl[][8] = {{'N', 'g', 'o', 0x1EA1, 'i'}, {'t', 'r', 0x01B0, 0x1EDF, 'n', 'g'},
                                   {'H', 0x00E0}, {'N', 0x1ED9, 'i'}, {'.'}};
    static const size_t len[] = {5, 6, 2, 3, 1};
    tt_seg_token toks[5];
    uint8_t joins[4];
    for (size_t i = 0; i < 5; i++) {
        toks[i].cp = syl[i];
        toks[i].len = len[i];
        toks[i].kind = (uint8_t)tt_seg_guess_kind(syl[i], len[i]);
        toks[i].flags = 0;
    }
    tt_status st = tt_segment(m, toks, 5, joins, NULL);
    CHECK(st == TT_OK || st == TT_ENOMEM);
    if (st == TT_OK) {
        for (size_t i = 0; i < 4; i++)
            CHECK(joins[i] <= 1);
        CHECK(joins[3] == 0);
    }
}

static void fuzz_model_bytes(const uint8_t *d, size_t n)
{
    tt_segmenter *m = NULL;
    tt_status st = tt_segmenter_load(d, n, &m);
    CHECK(st == TT_OK || st == TT_EFORMAT || st == TT_ENOMEM);
    CHECK((st == TT_OK) == (m != NULL));
    if (m != NULL)
        decode_sample(m);
    tt_segmenter_free(m);
}

static void fuzz_patched_model(const uint8_t *d, size_t n)
{
    if (real_model == NULL)
        return;
    unsigned char *b = malloc(real_len);
    if (b == NULL)
        return;
    memcpy(b, real_bytes, real_len);
    for (size_t k = 0; k + 5 <= n; k += 5) {
        uint32_t off = (uint32_t)d[k] | (uint32_t)d[k + 1] << 8 | (uint32_t)d[k + 2] << 16 |
                       (uint32_t)d[k + 3] << 24;
        /* mostly the header, sometimes anywhere */
        size_t at = (off & 0x80000000u) ? off % real_len : off % 64;
        if (at < 56 || at >= 64)
            b[at] = d[k + 4];
    }
    if (real_len > 64) {
        uint64_t h = 0xCBF29CE484222325ULL;
        for (size_t i = 64; i < real_len; i++)
            h = (h ^ b[i]) * 0x100000001B3ULL;
        for (int i = 0; i < 8; i++)
            b[56 + i] = (unsigned char)(h >> (8 * i));
    }
    fuzz_model_bytes(b, real_len);
    free(b);
}

static void fuzz_tokens(const uint8_t *d, size_t n)
{
    if (real_model == NULL)
        return;
    static tt_cp text[MAX_TOKENS * 16];
    static tt_seg_token toks[MAX_TOKENS];
    static tt_token spans[MAX_TOKENS];
    static uint8_t j1[MAX_TOKENS], j2[MAX_TOKENS], j3[MAX_TOKENS], j4[MAX_TOKENS];
    size_t tlen = 0;
    size_t nt = read_tokens(d, n, text, &tlen, toks, spans);
    tt_seg_scratch scr = {0};

    CHECK(tt_segment(real_model, toks, nt, j1, &scr) == TT_OK);
    for (size_t i = 0; i + 1 < nt; i++) {
        CHECK(j1[i] <= 1);
        if (j1[i]) {
            CHECK(toks[i].kind == TT_TOK_WORD && toks[i + 1].kind == TT_TOK_WORD);
            CHECK(!(toks[i + 1].flags & TT_TF_NEWLINE_BEFORE));
        }
    }
    /* the same again with the scratch now grown, and with none at all */
    memset(j2, 7, sizeof j2);
    CHECK(tt_segment(real_model, toks, nt, j2, &scr) == TT_OK);
    CHECK(nt < 2 || memcmp(j1, j2, nt - 1) == 0);
    memset(j2, 7, sizeof j2);
    CHECK(tt_segment(real_model, toks, nt, j2, NULL) == TT_OK);
    CHECK(nt < 2 || memcmp(j1, j2, nt - 1) == 0);
    /* as spans of one text */
    memset(j3, 7, sizeof j3);
    CHECK(tt_segment_tokens(real_model, text, tlen, spans, nt, j3, &scr) == TT_OK);
    CHECK(nt < 2 || memcmp(j1, j3, nt - 1) == 0);
    /* line by line */
    size_t a = 0;
    while (a < nt) {
        size_t b = a + 1;
        while (b < nt && !(toks[b].flags & TT_TF_NEWLINE_BEFORE))
            b++;
        memset(j4, 7, sizeof j4);
        CHECK(tt_segment(real_model, toks + a, b - a, j4, &scr) == TT_OK);
        CHECK(b - a < 2 || memcmp(j1 + a, j4, b - a - 1) == 0);
        a = b;
    }
    /* a span outside the text is an error, not a crash */
    if (nt >= 2) {
        tt_token keep = spans[nt - 1];
        spans[nt - 1].end = (tt_off)tlen + 1;
        CHECK(tt_segment_tokens(real_model, text, tlen, spans, nt, j3, &scr) == TT_EINVAL);
        spans[nt - 1] = keep;
    }
    tt_seg_scratch_free(&scr);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    if (data[0] == 0)
        fuzz_model_bytes(data + 1, size - 1);
    else if (data[0] == 1)
        fuzz_patched_model(data + 1, size - 1);
    else
        fuzz_tokens(data + 1, size - 1);
    return 0;
}
