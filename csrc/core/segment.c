/* Word segmentation decoder. The features, hashes and file format are specified once, in
 * tools/train_segmenter.py (its "Feature specification" section); this file mirrors that code
 * step by step, and tests/test_segmenter.py checks that both decide every boundary alike. */
#include "segment.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "syllable.h"
#include "viet_letters_table.h"

#define FNV_PRIME 0x100000001B3ULL
#define SEED_FULL 0x6A09E667F3BCC908ULL
#define SEED_STRIP 0xBB67AE8584CAA73BULL
#define SEED_PUNCT 0x3C6EF372FE94F82BULL
#define SEED_DICT_FULL 0xA54FF53A5F1D36F1ULL
#define SEED_DICT_STRIP 0x510E527FADE682D1ULL
#define H_BOS 0x9B05688C2B3E6C1FULL
#define H_EOS 0x1F83D9ABFB41BD6BULL
#define H_NUM 0x5BE0CD19137E2179ULL
#define H_SYM 0xCBBB9D5DC1059ED8ULL
#define TCONST_MUL 0xD6E8FEB86659FD93ULL

/* Token shapes and feature templates, numbered as in the reference. */
enum { SH_LOWER = 1, SH_TITLE, SH_SINGLE, SH_ALLUP, SH_MIXED, SH_NUM, SH_PUNCT, SH_SYM, SH_BOS,
       SH_EOS, SH_CAPSWORD };

enum { T_BIAS = 1, T_U0, T_U1, T_UM, T_UP, T_B01, T_BM0, T_B12, T_TM01, T_T012, T_S01, T_S4,
       T_S0U1, T_U0S1, T_D2, T_COV, T_LEND, T_RSTART, T_DCOMBO, T_MM, T_PREV, T_PREVB };

/* Line modes: 0 normal, 1 no diacritics, 2 all caps, 3 both; template t of mode k is hashed
 * with constant number t + 32 * k. */
#define N_MODES 4
#define TCONST_N (32 * N_MODES)
#define DICT_WORD 1
#define DICT_PREFIX 2
#define MAX_DICT_LEN 8

/* Shape values are below SH_N; the small templates' values are capped (see decode_line). */
#define SH_N 12
#define SHAPE_N (SH_N * SH_N * SH_N * SH_N)
_Static_assert(SH_CAPSWORD < SH_N, "every shape indexes the folded table");
#define SMALL_N (6 * 5 * 5 * 2 * 4 * 2)

#define HEADER_SIZE 64
#define MAX_BUCKETS_LOG2 24
#define SLOTS 16       /* per bucket: 16 uint32 slots, one 64-byte cache line */
#define FEAT_VBITS 12  /* feature slot: check << 12 | signed 12-bit weight */
#define DICT_VBITS 2   /* dictionary slot: check << 2 | DICT_* flags */

typedef struct {
    uint32_t s[SLOTS];
} bucket;

struct tt_segmenter {
    bucket *feat;
    uint32_t fmask;
    size_t nfeat;
    bucket *dict;
    uint32_t dmask;
    size_t ndict;
    size_t maxd;
    uint64_t tconst[TCONST_N];
    /* Templates over small values, summed per mode once at load (see fold_small): the
     * shape templates by (sm, s0, s1, sp), the dictionary ones with the bias and the previous
     * decision by (cv, le, rs, d2, mm, prev). */
    int32_t *shape_w; /* N_MODES * SHAPE_N */
    int32_t *small_w; /* N_MODES * SMALL_N */
};

/* What the decoder keeps per token of the current line. */
typedef struct {
    uint64_t lfull, lstrip; /* syllable hashes with and without diacritics */
    uint64_t g2;            /* dictionary hash of this token and the next */
    uint8_t word;           /* a TT_TOK_WORD token */
    uint8_t shape;          /* SH_* */
    uint8_t nlet;           /* letters, capped at 2 */
    uint8_t dia;            /* carries a Vietnamese diacritic */
    uint8_t lstart;         /* longest dictionary word starting here */
    uint8_t lend;           /* longest dictionary word ending here */
    uint8_t cover;          /* longest dictionary word covering the boundary after it */
    uint8_t bits;           /* 1: forward maximum matching joins the boundary after it,
                               2: backward maximum matching does, 4: the two tokens from
                               here are a dictionary word */
} tokinfo;

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)0)
#endif

/* ----------------------------------------------------------------------------------------
 * hashing */

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

static inline uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

/* The hash of feature template t (constants of the line's mode: tc) over values a, b, c. */
static inline uint64_t fkey(const uint64_t *tc, int t, uint64_t a, uint64_t b, uint64_t c)
{
    return mix64(tc[t] ^ a ^ rotl(b, 21) ^ rotl(c, 42));
}

/* The weight of a feature: the sum over its bucket of the slots whose check matches. */
static inline int32_t weight(const tt_segmenter *m, uint64_t h)
{
    const uint32_t *s = m->feat[h & m->fmask].s;
    uint32_t c = (uint32_t)(h >> (32 + FEAT_VBITS));
    c = c ? c : 1;
    int32_t w = 0;
    for (int j = 0; j < SLOTS; j++) {
        /* the low 12 bits as a signed number */
        int32_t v = (int32_t)((s[j] & 0xFFFu) ^ 0x800u) - 0x800;
        w += (s[j] >> FEAT_VBITS) == c ? v : 0;
    }
    return w;
}

/* The flags of an n-gram: OR over its bucket of the slots whose check matches. */
static inline uint32_t dict_flags(const tt_segmenter *m, uint64_t h)
{
    const uint32_t *s = m->dict[h & m->dmask].s;
    uint32_t c = (uint32_t)(h >> (32 + DICT_VBITS));
    c = c ? c : 1;
    uint32_t f = 0;
    for (int j = 0; j < SLOTS; j++)
        f |= (s[j] >> DICT_VBITS) == c ? (s[j] & 3u) : 0;
    return f;
}

/* ----------------------------------------------------------------------------------------
 * loading */

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static uint64_t fnv1a64(const unsigned char *p, size_t n)
{
    uint64_t h = 0xCBF29CE484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * FNV_PRIME;
    return h;
}

void tt_segmenter_free(tt_segmenter *m)
{
    if (m == NULL)
        return;
    free(m->feat);
    free(m->dict);
    free(m->shape_w);
    free(m->small_w);
    free(m);
}

size_t tt_segmenter_num_features(const tt_segmenter *m)
{
    return m ? m->nfeat : 0;
}

size_t tt_segmenter_num_dict_entries(const tt_segmenter *m)
{
    return m ? m->ndict : 0;
}

/* Copy nb buckets of little-endian slots into fresh cache-aligned memory; count the slots in
 * use. NULL when out of memory. */
static bucket *load_buckets(const unsigned char *p, size_t nb, size_t *used)
{
    bucket *b = aligned_alloc(64, nb * sizeof *b);
    if (b == NULL)
        return NULL;
    size_t u = 0;
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j < SLOTS; j++) {
            b[i].s[j] = rd32(p + 4 * (i * SLOTS + j));
            u += b[i].s[j] != 0;
        }
    *used = u;
    return b;
}

/* A slot is empty (0) or has a nonzero check. */
static int slots_valid(const bucket *b, size_t nb, int vbits)
{
    for (size_t i = 0; i < nb; i++)
        for (size_t j = 0; j < SLOTS; j++)
            if (b[i].s[j] != 0 && (b[i].s[j] >> vbits) == 0)
                return 0;
    return 1;
}

static inline size_t small_index(uint64_t cv, uint64_t le, uint64_t rs, uint64_t d2, uint64_t mm, uint64_t prev)
{
    return (size_t)(((((cv * 5 + le) * 5 + rs) * 2 + d2) * 4 + mm) * 2 + prev);
}

static inline size_t shape_index(uint64_t sm, uint64_t s0, uint64_t s1, uint64_t sp)
{
    return (size_t)(((sm * SH_N + s0) * SH_N + s1) * SH_N + sp);
}

/* Ten of the 22 templates read only shapes, the dictionary figures and the previous decision:
 * few enough values to sum their weights for every combination now, so that decoding a
 * boundary reads two table entries instead of hashing ten features. Integer sums, so the
 * decisions are those of the feature-by-feature reference. */
static tt_status fold_small(tt_segmenter *m)
{
    m->shape_w = malloc((size_t)N_MODES * SHAPE_N * sizeof *m->shape_w);
    m->small_w = malloc((size_t)N_MODES * SMALL_N * sizeof *m->small_w);
    if (m->shape_w == NULL || m->small_w == NULL)
        return TT_ENOMEM;
    for (int mode = 0; mode < N_MODES; mode++) {
        const uint64_t *tc = m->tconst + 32 * mode;
        int32_t *shw = m->shape_w + (size_t)mode * SHAPE_N, *smw = m->small_w + (size_t)mode * SMALL_N;
        for (uint64_t s0 = 0; s0 < SH_N; s0++)
            for (uint64_t s1 = 0; s1 < SH_N; s1++) {
                int32_t w01 = weight(m, fkey(tc, T_S01, s0 | s1 << 4, 0, 0));
                for (uint64_t sm = 0; sm < SH_N; sm++)
                    for (uint64_t sp = 0; sp < SH_N; sp++)
                        shw[shape_index(sm, s0, s1, sp)] =
                            w01 + weight(m, fkey(tc, T_S4, sm | s0 << 4 | s1 << 8 | sp << 12, 0, 0));
            }
        int32_t bias = weight(m, fkey(tc, T_BIAS, 0, 0, 0));
        for (uint64_t cv = 0; cv < 6; cv++)
            for (uint64_t le = 0; le < 5; le++)
                for (uint64_t rs = 0; rs < 5; rs++)
                    for (uint64_t d2 = 0; d2 < 2; d2++)
                        for (uint64_t mm = 0; mm < 4; mm++)
                            for (uint64_t prev = 0; prev < 2; prev++)
                                smw[small_index(cv, le, rs, d2, mm, prev)] =
                                    bias + weight(m, fkey(tc, T_D2, d2, 0, 0)) + weight(m, fkey(tc, T_COV, cv, 0, 0))
                                    + weight(m, fkey(tc, T_LEND, le, 0, 0)) + weight(m, fkey(tc, T_RSTART, rs, 0, 0))
                                    + weight(m, fkey(tc, T_DCOMBO, cv | le << 4 | rs << 8, 0, 0))
                                    + weight(m, fkey(tc, T_MM, mm, 0, 0)) + weight(m, fkey(tc, T_PREV, prev, 0, 0));
    }
    return TT_OK;
}

tt_status tt_segmenter_load(const void *data, size_t len, tt_segmenter **out)
{
    tt_status st = TT_EFORMAT;
    tt_segmenter *m = NULL;
    const unsigned char *p = data;
    if (out == NULL || (data == NULL && len > 0)) {
        st = TT_EINVAL;
        goto done;
    }
    *out = NULL;
    if (len < HEADER_SIZE || memcmp(p, "TTSEGMDL", 8) != 0)
        goto done;
    uint32_t version = rd32(p + 8), hsize = rd32(p + 12);
    uint32_t flog = rd32(p + 16), nf = rd32(p + 20), dlog = rd32(p + 24), nd = rd32(p + 28);
    uint32_t maxd = rd32(p + 32), flags = rd32(p + 36);
    if (version != 1 || hsize != HEADER_SIZE || flags != 0)
        goto done;
    for (size_t k = 40; k < 56; k++)
        if (p[k] != 0)
            goto done;
    if (flog > MAX_BUCKETS_LOG2 || dlog > MAX_BUCKETS_LOG2 || maxd < 2 || maxd > MAX_DICT_LEN)
        goto done;
    size_t fb = (size_t)1 << flog, db = (size_t)1 << dlog;
    if (len - HEADER_SIZE != (fb + db) * sizeof(bucket))
        goto done;
    const unsigned char *body = p + HEADER_SIZE;
    if (fnv1a64(body, len - HEADER_SIZE) != rd64(p + 56))
        goto done;

    m = calloc(1, sizeof *m);
    if (m == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    size_t used_f = 0, used_d = 0;
    m->feat = load_buckets(body, fb, &used_f);
    m->dict = m->feat ? load_buckets(body + fb * sizeof(bucket), db, &used_d) : NULL;
    if (m->feat == NULL || m->dict == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    if (used_f != nf || used_d != nd || !slots_valid(m->feat, fb, FEAT_VBITS) ||
        !slots_valid(m->dict, db, DICT_VBITS))
        goto done;
    m->fmask = (uint32_t)(fb - 1);
    m->dmask = (uint32_t)(db - 1);
    m->nfeat = nf;
    m->ndict = nd;
    m->maxd = maxd;
    for (int t = 0; t < TCONST_N; t++)
        m->tconst[t] = mix64(TCONST_MUL * (uint64_t)t);
    if (fold_small(m) != TT_OK) {
        st = TT_ENOMEM;
        goto done;
    }
    *out = m;
    m = NULL;
    st = TT_OK;
done:
    tt_segmenter_free(m);
    return st;
}

/* ----------------------------------------------------------------------------------------
 * tokens */

tt_tok_kind tt_seg_guess_kind(const tt_cp *s, size_t n)
{
    if (s == NULL || n == 0 || s[0] > 0x10FFFF)
        return TT_TOK_SYMBOL;
    UChar32 c = (UChar32)s[0];
    if (u_isalpha(c))
        return TT_TOK_WORD;
    if (c >= '0' && c <= '9')
        return TT_TOK_NUMBER;
    if (u_ispunct(c))
        return TT_TOK_PUNCT;
    return TT_TOK_SYMBOL;
}

/* The plain ASCII letter of each vowel base, and which bases are marked (ă â ê ô ơ ư đ). */
static const char base_plain[14] = {0, 'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y', 'd'};
static const uint8_t base_marked[14] = {0, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1};

static void analyze(const tt_cp *s, size_t n, uint8_t kind, tokinfo *t)
{
    memset(t, 0, sizeof *t);
    if (kind == TT_TOK_WORD) {
        uint64_t hf = SEED_FULL, hs = SEED_STRIP;
        uint32_t tones = 0;
        size_t nup = 0, nlow = 0, nlet = 0;
        int first_up = 0;
        for (size_t k = 0; k < n; k++) {
            tt_letter l;
            uint64_t vf, vs;
            uint8_t e = tt_vl_info(s[k]);
            if (e) {
                tt_letter_from_info(e, s[k], &l);
                if (l.base != TT_B_NONE) {
                    vf = 0x100u + l.base;
                    vs = (uint64_t)base_plain[l.base];
                } else {
                    vf = vs = (uint64_t)(unsigned char)l.ch;
                }
                if (l.tone != TT_T_NONE)
                    tones = tones * 8u + l.tone;
                if (l.tone != TT_T_NONE || base_marked[l.base])
                    t->dia = 1;
                if (l.upper) {
                    nup++;
                    if (k == 0)
                        first_up = 1;
                } else {
                    nlow++;
                }
                nlet++;
            } else {
                vf = vs = s[k];
            }
            hf = (hf ^ vf) * FNV_PRIME;
            hs = (hs ^ vs) * FNV_PRIME;
        }
        hf = (hf ^ (0x80000000u | (uint64_t)tones)) * FNV_PRIME;
        t->lfull = mix64(hf);
        t->lstrip = mix64(hs);
        t->word = 1;
        t->nlet = (uint8_t)(nlet > 2 ? 2 : nlet);
        if (nup == 0)
            t->shape = SH_LOWER;
        else if (nlow == 0)
            t->shape = nup >= 2 ? SH_ALLUP : SH_SINGLE;
        else if (nup == 1 && first_up)
            t->shape = SH_TITLE;
        else
            t->shape = SH_MIXED;
    } else if (kind == TT_TOK_NUMBER || kind == TT_TOK_DATE) {
        t->lfull = t->lstrip = H_NUM;
        t->shape = SH_NUM;
    } else if (kind == TT_TOK_PUNCT) {
        uint64_t h = SEED_PUNCT;
        for (size_t k = 0; k < n; k++)
            h = (h ^ s[k]) * FNV_PRIME;
        t->lfull = t->lstrip = mix64(h);
        t->shape = SH_PUNCT;
    } else {
        t->lfull = t->lstrip = H_SYM;
        t->shape = SH_SYM;
    }
}

/* Where the tokens come from: an array of tt_seg_token, or tokenizer spans over a text. */
typedef struct {
    const tt_seg_token *toks;
    const tt_cp *text;
    const tt_token *spans;
} source;

static inline void token_at(const source *src, size_t i, const tt_cp **cp, size_t *len,
                            uint8_t *kind, uint8_t *flags)
{
    if (src->toks) {
        *cp = src->toks[i].cp;
        *len = src->toks[i].len;
        *kind = src->toks[i].kind;
        *flags = src->toks[i].flags;
    } else {
        *cp = src->text ? src->text + src->spans[i].start : NULL;
        *len = src->spans[i].end - src->spans[i].start;
        *kind = src->spans[i].kind;
        *flags = src->spans[i].flags;
    }
}

void tt_seg_scratch_free(tt_seg_scratch *s)
{
    if (s == NULL)
        return;
    free(s->mem);
    s->mem = NULL;
    s->cap = 0;
}

/* Hashed features of one boundary that read syllables: NK_PREVB holds the PREVB key of a
 * "no join" before it, NK_PREVB + 1 that of a join. */
enum { NK_U0, NK_U1, NK_UM, NK_UP, NK_B01, NK_BM0, NK_B12, NK_TM01, NK_T012, NK_S0U1, NK_U0S1, NK_PREVB, NK };
#define NKEYS (NK + 1)
/* boundaries whose buckets are fetched ahead of the one being decided */
#define AHEAD 2

/* The scratch holds tokinfo[cap], then uint64_t[cap][NKEYS]. */
#define SCRATCH_ITEM (sizeof(tokinfo) + NKEYS * sizeof(uint64_t))

static tt_status scratch_reserve(tt_seg_scratch *s, size_t n)
{
    if (n <= s->cap)
        return TT_OK;
    if (n > SIZE_MAX / SCRATCH_ITEM)
        return TT_ENOMEM;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < n)
        cap = cap > SIZE_MAX / 2 / SCRATCH_ITEM ? n : cap * 2;
    void *p = realloc(s->mem, cap * SCRATCH_ITEM);
    if (p == NULL)
        return TT_ENOMEM;
    s->mem = p;
    s->cap = cap;
    return TT_OK;
}

/* ----------------------------------------------------------------------------------------
 * decoding one line */

static void decode_line(const tt_segmenter *m, tokinfo *ti, uint64_t (*keys)[NKEYS], size_t n, uint8_t *joins)
{
    /* modes */
    size_t nlet = 0, ndia = 0, ncase = 0, nallup = 0;
    for (size_t i = 0; i < n; i++) {
        if (!ti[i].word || ti[i].nlet == 0)
            continue;
        nlet++;
        ndia += ti[i].dia;
        if (ti[i].nlet >= 2) {
            ncase++;
            nallup += ti[i].shape == SH_ALLUP;
        }
    }
    int nodia = nlet > 0 && ndia * 20 < nlet;
    int caps = nallup >= 2 && 2 * nallup > ncase;
    int mode = (nodia ? 1 : 0) + (caps ? 2 : 0);
    const uint64_t *tc = m->tconst + 32 * mode;
    const int32_t *shw = m->shape_w + (size_t)mode * SHAPE_N, *smw = m->small_w + (size_t)mode * SMALL_N;
    if (caps)
        for (size_t i = 0; i < n; i++)
            if (ti[i].word)
                ti[i].shape = SH_CAPSWORD;
#define LEX(i) (nodia ? ti[i].lstrip : ti[i].lfull)

    /* dictionary words: first the hash of every two-word n-gram (and a prefetch of its
     * bucket, the one cache miss per token that would otherwise stall), then the lookups */
    uint64_t dseed = nodia ? SEED_DICT_STRIP : SEED_DICT_FULL;
    for (size_t s = 0; s + 1 < n; s++) {
        ti[s].g2 = mix64(mix64(dseed ^ LEX(s)) ^ LEX(s + 1));
        PREFETCH(&m->dict[ti[s].g2 & m->dmask]);
    }
    for (size_t s = 0; s + 1 < n; s++) {
        if (!ti[s].word)
            continue;
        uint64_t g = ti[s].g2;
        for (size_t k = 2; k <= m->maxd; k++) {
            size_t e = s + k - 1;
            if (e >= n || !ti[e].word)
                break;
            if (k > 2)
                g = mix64(g ^ LEX(e));
            uint32_t f = dict_flags(m, g);
            if (f & DICT_WORD) {
                ti[s].lstart = (uint8_t)k;
                if (k > ti[e].lend)
                    ti[e].lend = (uint8_t)k;
                if (k == 2)
                    ti[s].bits |= 4;
                for (size_t b = s; b < e; b++)
                    if (k > ti[b].cover)
                        ti[b].cover = (uint8_t)k;
            }
            if (!(f & DICT_PREFIX))
                break;
        }
    }
    for (size_t i = 0; i < n;) {
        size_t k = ti[i].lstart >= 2 ? ti[i].lstart : 1;
        for (size_t b = i; b + 1 < i + k; b++)
            ti[b].bits |= 1;
        i += k;
    }
    for (size_t e = n; e > 0;) {
        size_t k = ti[e - 1].lend >= 2 ? ti[e - 1].lend : 1;
        for (size_t b = e - k; b + 1 < e; b++)
            ti[b].bits |= 2;
        e -= k;
    }

    /* the hashed features of every boundary between two words, then the boundaries greedily
     * from the left, the buckets of those AHEAD further on fetched meanwhile */
    for (size_t i = 0; i + 1 < n; i++) {
        if (!(ti[i].word && ti[i + 1].word))
            continue;
        uint64_t um = i >= 1 ? LEX(i - 1) : H_BOS;
        uint64_t u0 = LEX(i), u1 = LEX(i + 1);
        uint64_t up = i + 2 < n ? LEX(i + 2) : H_EOS;
        uint64_t s0 = ti[i].shape, s1 = ti[i + 1].shape;
        uint64_t *k = keys[i];
        k[NK_U0] = fkey(tc, T_U0, u0, 0, 0);
        k[NK_U1] = fkey(tc, T_U1, u1, 0, 0);
        k[NK_UM] = fkey(tc, T_UM, um, 0, 0);
        k[NK_UP] = fkey(tc, T_UP, up, 0, 0);
        k[NK_B01] = fkey(tc, T_B01, u0, u1, 0);
        k[NK_BM0] = fkey(tc, T_BM0, um, u0, 0);
        k[NK_B12] = fkey(tc, T_B12, u1, up, 0);
        k[NK_TM01] = fkey(tc, T_TM01, um, u0, u1);
        k[NK_T012] = fkey(tc, T_T012, u0, u1, up);
        k[NK_S0U1] = fkey(tc, T_S0U1, s0, u1, 0);
        k[NK_U0S1] = fkey(tc, T_U0S1, u0, s1, 0);
        k[NK_PREVB] = fkey(tc, T_PREVB, 0, u0, u1);
        k[NK_PREVB + 1] = fkey(tc, T_PREVB, 1, u0, u1);
    }
    int prev = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (i + AHEAD + 1 < n && ti[i + AHEAD].word && ti[i + AHEAD + 1].word)
            for (int f = 0; f < NKEYS; f++)
                PREFETCH(&m->feat[keys[i + AHEAD][f] & m->fmask]);
        if (!(ti[i].word && ti[i + 1].word)) {
            joins[i] = 0;
            prev = 0;
            continue;
        }
        uint64_t sm = i >= 1 ? ti[i - 1].shape : SH_BOS;
        uint64_t s0 = ti[i].shape, s1 = ti[i + 1].shape;
        uint64_t sp = i + 2 < n ? ti[i + 2].shape : SH_EOS;
        uint64_t cv = ti[i].cover > 5 ? 5 : ti[i].cover;
        uint64_t le = ti[i].lend > 4 ? 4 : ti[i].lend;
        uint64_t rs = ti[i + 1].lstart > 4 ? 4 : ti[i + 1].lstart;
        uint64_t d2 = (ti[i].bits >> 2) & 1, mm = ti[i].bits & 3;
        const uint64_t *k = keys[i];
        int32_t sc = shw[shape_index(sm, s0, s1, sp)] + smw[small_index(cv, le, rs, d2, mm, (uint64_t)prev)];
        for (int f = 0; f < NK_PREVB; f++)
            sc += weight(m, k[f]);
        sc += weight(m, k[NK_PREVB + prev]);
        prev = sc > 0;
        joins[i] = (uint8_t)prev;
    }
#undef LEX
}

static tt_status segment_source(const tt_segmenter *m, const source *src, size_t n,
                                uint8_t *joins, tt_seg_scratch *scratch)
{
    tt_status st = TT_OK;
    tt_seg_scratch local = {0};
    tt_seg_scratch *scr = scratch ? scratch : &local;
    size_t start = 0;
    while (start < n) {
        /* the line: up to the next token that starts a new line */
        size_t end = start + 1;
        const tt_cp *cp;
        size_t len;
        uint8_t kind, flags;
        while (end < n) {
            token_at(src, end, &cp, &len, &kind, &flags);
            if (flags & TT_TF_NEWLINE_BEFORE)
                break;
            end++;
        }
        st = scratch_reserve(scr, end - start);
        if (st != TT_OK)
            goto done;
        tokinfo *ti = scr->mem;
        uint64_t(*keys)[NKEYS] = (uint64_t(*)[NKEYS])(ti + scr->cap);
        for (size_t i = start; i < end; i++) {
            token_at(src, i, &cp, &len, &kind, &flags);
            analyze(cp, len, kind, &ti[i - start]);
        }
        decode_line(m, ti, keys, end - start, joins + start);
        if (end < n)
            joins[end - 1] = 0;
        start = end;
    }
done:
    tt_seg_scratch_free(&local);
    return st;
}

tt_status tt_segment(const tt_segmenter *m, const tt_seg_token *toks, size_t n, uint8_t *joins,
                     tt_seg_scratch *scratch)
{
    if (n < 2)
        return m ? TT_OK : TT_EINVAL;
    if (m == NULL || toks == NULL || joins == NULL)
        return TT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (toks[i].cp == NULL && toks[i].len > 0)
            return TT_EINVAL;
    source src = {toks, NULL, NULL};
    return segment_source(m, &src, n, joins, scratch);
}

tt_status tt_segment_tokens(const tt_segmenter *m, const tt_cp *text, size_t text_len,
                            const tt_token *toks, size_t n, uint8_t *joins,
                            tt_seg_scratch *scratch)
{
    if (n < 2)
        return m ? TT_OK : TT_EINVAL;
    if (m == NULL || toks == NULL || joins == NULL || (text == NULL && text_len > 0))
        return TT_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (toks[i].start > toks[i].end || toks[i].end > text_len)
            return TT_EINVAL;
    source src = {NULL, text, toks};
    return segment_source(m, &src, n, joins, scratch);
}
