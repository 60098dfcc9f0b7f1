/* Gazetteer matching over syllable keys; see automaton.h for what it matches and how.
 *
 * Layout. Everything an automaton holds lives in one block of little-endian arrays, the same in
 * memory and on disk, so saving is a copy and loading is a copy plus validation:
 *   syllables   syl_off[nsyl + 1], pool[pool_len]: the distinct key tokens (folded code points)
 *               stab[stab_cap]: open-addressing table of syllable ids (0 empty, else id + 1)
 *   trie        root_child[nsyl]: the child of the root for each syllable (0 none)
 *               etab[etab_cap]: open-addressing table of the other edges, each three words:
 *               parent, syllable, child (child 0: an empty slot)
 *               node_entry[nnodes + 1]: the entries ending at node k are [node_entry[k],
 *               node_entry[k + 1]); a child id carries HAS_ENTRIES when that range is not empty,
 *               so that a walk touches node_entry only where something ends
 *   entries     ent_value, ent_flags, ent_form [nent]: the caller's value and flags, and where the
 *               written form (normalized code points of its key tokens, hyphens left out) starts
 *               in forms[form_len]; token k of the form is as long as syllable k of the path
 *   typo index  typo_hash[ntypo] (sorted), typo_syl[ntypo]: hashes of every key token of at least
 *               TT_AC_TYPO_MIN_SYL letters and of each of its one-letter deletions
 * Node ids grow from parent to child (a node is made after its parent), which is what makes
 * the trie checkable in one pass on load. The typo index gets a radix directory (first entry
 * for each top-bits prefix of the hash), rebuilt on load. */
#include "automaton.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "normalize.h"
#include "syllable.h"
#include "viet_letters_table.h"

/* ======================================================================== characters */

/* Plain lower-case ASCII letter of each table base (see viet_letters_table.h); 13 is đ. */
static const char base_plain[15] = {0, 'a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y', 'd', 0};

static tt_cp lower_slow(tt_cp c)
{
    if (c > 0x10FFFF)
        return c;
    return (tt_cp)u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
}

/* The letter in lower case ("Ấ" -> "ấ"); anything else unchanged. */
static inline tt_cp lower_cp(tt_cp c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? (c | 0x20) : c;
    uint8_t e = tt_vl_info(c);
    if (e) {
        if (!(e & 0x80))
            return c;
        uint8_t base = e & 0x0F;
        if (base == 13)
            return 0x0111;
        if (base == 14)
            return c | 0x20;
        return tt_vl_compose[base - 1][(e >> 4) & 7][0];
    }
    return lower_slow(c);
}

/* Key of a letter outside the Vietnamese table: case-folded, then its canonical decomposition's
 * base when everything after the base is a non-spacing mark ("Ü" -> "u", "ł" stays). One code
 * point in, one out, so keys and written forms stay aligned. */
static tt_cp key_slow(const UNormalizer2 *nfd, tt_cp c)
{
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return c;
    UChar32 f = u_foldCase((UChar32)c, U_FOLD_CASE_DEFAULT);
    UChar buf[16];
    UErrorCode err = U_ZERO_ERROR;
    int32_t len = unorm2_getDecomposition(nfd, f, buf, 16, &err);
    if (U_FAILURE(err) || len <= 0 || len > 16)
        return (tt_cp)f; /* no decomposition (or one too long to be a letter with marks) */
    int32_t k = 0;
    UChar32 base;
    U16_NEXT(buf, k, len, base);
    while (k < len) {
        UChar32 m;
        U16_NEXT(buf, k, len, m);
        if (u_charType(m) != U_NON_SPACING_MARK)
            return (tt_cp)f;
    }
    return (tt_cp)u_foldCase(base, U_FOLD_CASE_DEFAULT);
}

/* key_cp for code points outside ASCII and the Vietnamese table. */
static tt_cp key_other(const UNormalizer2 *nfd, tt_cp c, int *diac)
{
    tt_cp k = key_slow(nfd, c);
    if (k != lower_cp(c))
        *diac = 1;
    return k;
}

/* The key of one code point; *diac is set when the key differs from the lower-case letter
 * (the character carries a diacritic, đ included). */
static inline tt_cp key_cp(const UNormalizer2 *nfd, tt_cp c, int *diac)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? (c | 0x20) : c;
    uint8_t e = tt_vl_info(c);
    if (e) {
        uint8_t base = e & 0x0F;
        *diac = 1; /* every table letter above ASCII is marked (or is đ) */
        return base == 14 ? (c | 0x20) : (tt_cp)base_plain[base];
    }
    return key_other(nfd, c, diac);
}

/* 1 upper case, 2 lower case, 0 neither. */
static int case_of(tt_cp c)
{
    if (c < 0x80)
        return (c >= 'A' && c <= 'Z') ? 1 : (c >= 'a' && c <= 'z') ? 2 : 0;
    uint8_t e = tt_vl_info(c);
    if (e)
        return (e & 0x80) ? 1 : 2;
    if (c > 0x10FFFF)
        return 0;
    if (u_isupper((UChar32)c) || u_istitle((UChar32)c))
        return 1;
    return u_islower((UChar32)c) ? 2 : 0;
}

static int is_letter(tt_cp c)
{
    if (tt_vl_info(c))
        return 1;
    return c >= 0x80 && c <= 0x10FFFF && u_isalpha((UChar32)c);
}

/* A hyphen token: "-" and its Unicode variants (normalization folds them, but tokens handed to
 * tt_ac_match_tokens may come from text normalized without folding). */
static int is_hyphen(const tt_cp *s, const tt_token *t)
{
    if (t->kind != TT_TOK_PUNCT || t->end - t->start != 1)
        return 0;
    tt_cp c = s[t->start];
    return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

/* The case of the first letter of s[0, n) (0 when it has none). */
static int initial_case(const tt_cp *s, size_t n)
{
    for (size_t x = 0; x < n; x++) {
        int k = case_of(s[x]);
        if (k != 0)
            return k;
    }
    return 0;
}

/* Written in capitals: at least two letters, all upper case ("NAM", "HĐBA", "TP."). */
static int all_caps(const tt_cp *w, size_t len)
{
    size_t letters = 0;
    for (size_t x = 0; x < len; x++) {
        int k = case_of(w[x]);
        if (k == 2)
            return 0;
        if (k == 1)
            letters++;
    }
    return letters >= 2;
}

/* ======================================================================== hashing */

#define FNV_OFF 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* FNV-1a over pairs of code points (one multiply per two: the chain of multiplies is what a
 * short key's hash waits on). Tables use mix64 of it, so that every bit counts. */
#define HASH_PAIR(h, a, b) (((h) ^ ((uint64_t)(a) | (uint64_t)(b) << 32)) * FNV_PRIME)
#define HASH_ONE(h, a) (((h) ^ (uint64_t)(a)) * FNV_PRIME)

static inline uint64_t hash_cps(const tt_cp *k, size_t len)
{
    uint64_t h = FNV_OFF;
    size_t x = 0;
    for (; x + 1 < len; x += 2)
        h = HASH_PAIR(h, k[x], k[x + 1]);
    if (x < len)
        h = HASH_ONE(h, k[x]);
    return h;
}

/* The hash of k without its code point at `skip` (a one-letter deletion). */
static uint64_t hash_skip(const tt_cp *k, size_t len, size_t skip)
{
    tt_cp tmp[64];
    if (len > 65 || skip >= len)
        return hash_cps(k, len);
    memcpy(tmp, k, skip * sizeof *k);
    memcpy(tmp + skip, k + skip + 1, (len - skip - 1) * sizeof *k);
    return hash_cps(tmp, len - 1);
}

static inline size_t syl_slot(uint64_t h, size_t mask)
{
    return (size_t)(mix64(h) & mask);
}

static inline size_t edge_slot(uint32_t parent, uint32_t syl, size_t mask)
{
    return (size_t)(mix64((uint64_t)parent << 32 | syl) & mask);
}

/* edge_slot's hash, for the lookups that also test a filter with it */
#define EDGE_SLOT(h, mask) ((size_t)((h) & (mask)))

static size_t pow2_at_least(size_t n)
{
    size_t c = 8;
    while (c < n)
        c *= 2;
    return c;
}

/* ======================================================================== the automaton */

#define HAS_ENTRIES 0x80000000u
#define NODE_MASK 0x7FFFFFFFu

struct tt_automaton {
    unsigned char *block;
    size_t block_len;
    uint32_t nsyl, pool_len, stab_cap, nnodes, etab_cap, nent, form_len, ntypo;
    const uint32_t *syl_off;
    const tt_cp *pool;
    const uint32_t *stab;
    const uint32_t *root_child; /* node id | HAS_ENTRIES, 0 for none */
    const uint32_t *node_entry;
    const uint32_t *etab;       /* parent, syllable, child id | HAS_ENTRIES */
    const int64_t *ent_value;
    const uint32_t *ent_flags, *ent_form;
    const tt_cp *forms;
    const uint64_t *typo_hash;
    const uint32_t *typo_syl;
    uint32_t *typo_dir; /* (1 << typo_bits) + 1 entries, malloc'd */
    unsigned typo_bits;
    uint64_t *bloom;    /* a Bloom filter of the edges in etab, malloc'd: most (node, syllable)
                           pairs a text offers lead nowhere, and the filter, small enough to stay
                           in cache, says so without a trip to the table */
    size_t bloom_mask;  /* in bits */
    uint8_t *cont;      /* per syllable: 1 when it follows another in some key (malloc'd): a walk
                           stops at once on a syllable that never does */
    uint8_t *keytab;    /* TT_VL_FLAT_LEN bytes: the key of each letter of the Vietnamese table
                           (its plain lower-case base), 0 for anything else (malloc'd) */
};

typedef struct {
    uint32_t nsyl, pool_len, stab_cap, nnodes, etab_cap, nent, form_len, ntypo;
} counts;

typedef struct {
    size_t syl_off, pool, stab, root_child, node_entry, etab;
    size_t ent_value, ent_flags, ent_form, forms, typo_hash, typo_syl, total;
} layout;

/* Section offsets in the block, each 8-byte aligned. 0 when the sizes overflow. */
static int compute_layout(const counts *c, layout *L)
{
    uint64_t off = 0;
    uint64_t sizes[12] = {
        ((uint64_t)c->nsyl + 1) * 4, (uint64_t)c->pool_len * 4, (uint64_t)c->stab_cap * 4,
        (uint64_t)c->nsyl * 4, ((uint64_t)c->nnodes + 1) * 4, (uint64_t)c->etab_cap * 12,
        (uint64_t)c->nent * 8, (uint64_t)c->nent * 4, (uint64_t)c->nent * 4,
        (uint64_t)c->form_len * 4, (uint64_t)c->ntypo * 8, (uint64_t)c->ntypo * 4,
    };
    size_t *dst[12] = {&L->syl_off, &L->pool, &L->stab, &L->root_child, &L->node_entry, &L->etab,
                       &L->ent_value, &L->ent_flags, &L->ent_form, &L->forms, &L->typo_hash, &L->typo_syl};
    for (size_t k = 0; k < 12; k++) {
        *dst[k] = (size_t)off;
        off += (sizes[k] + 7) & ~(uint64_t)7;
        if (off > (uint64_t)SIZE_MAX / 2 || off > ((uint64_t)1 << 46))
            return 0;
    }
    L->total = (size_t)off;
    return 1;
}

static void set_pointers(tt_automaton *a, const counts *c, const layout *L)
{
    unsigned char *b = a->block;
    a->nsyl = c->nsyl;
    a->pool_len = c->pool_len;
    a->stab_cap = c->stab_cap;
    a->nnodes = c->nnodes;
    a->etab_cap = c->etab_cap;
    a->nent = c->nent;
    a->form_len = c->form_len;
    a->ntypo = c->ntypo;
    a->syl_off = (const uint32_t *)(b + L->syl_off);
    a->pool = (const tt_cp *)(b + L->pool);
    a->stab = (const uint32_t *)(b + L->stab);
    a->root_child = (const uint32_t *)(b + L->root_child);
    a->node_entry = (const uint32_t *)(b + L->node_entry);
    a->etab = (const uint32_t *)(b + L->etab);
    a->ent_value = (const int64_t *)(b + L->ent_value);
    a->ent_flags = (const uint32_t *)(b + L->ent_flags);
    a->ent_form = (const uint32_t *)(b + L->ent_form);
    a->forms = (const tt_cp *)(b + L->forms);
    a->typo_hash = (const uint64_t *)(b + L->typo_hash);
    a->typo_syl = (const uint32_t *)(b + L->typo_syl);
}

void tt_ac_free(tt_automaton *a)
{
    if (a == NULL)
        return;
    free(a->block);
    free(a->typo_dir);
    free(a->bloom);
    free(a->cont);
    free(a->keytab);
    free(a);
}

/* keytab: the key of every letter of the Vietnamese table, one load instead of a decoding. */
static void fill_keytab(uint8_t *t)
{
    for (tt_cp c = 0; c < TT_VL_FLAT_LEN; c++) {
        uint8_t e = tt_vl_flat[c], base = e & 0x0F;
        t[c] = e == 0 ? 0 : base == 14 ? (uint8_t)(c | 0x20) : (uint8_t)base_plain[base];
    }
}

static tt_status make_bloom(tt_automaton *a);

/* The tables derived on build and load: the Bloom filter, cont and keytab. */
static tt_status make_derived(tt_automaton *a)
{
    tt_status st = make_bloom(a);
    if (st != TT_OK)
        return st;
    a->cont = calloc((size_t)a->nsyl + 1, 1);
    a->keytab = malloc(TT_VL_FLAT_LEN);
    if (a->cont == NULL || a->keytab == NULL)
        return TT_ENOMEM;
    for (size_t i = 0; i < a->etab_cap; i++)
        if (a->etab[3 * i + 2] != 0 && a->etab[3 * i + 1] < a->nsyl)
            a->cont[a->etab[3 * i + 1]] = 1;
    fill_keytab(a->keytab);
    return TT_OK;
}

static inline uint64_t edge_hash(uint32_t parent, uint32_t syl)
{
    return mix64((uint64_t)parent << 32 | syl);
}

/* Two bits per edge, 16 bits of filter per edge: about one false "maybe" in seventy. */
static tt_status make_bloom(tt_automaton *a)
{
    size_t edges = 0;
    for (size_t i = 0; i < a->etab_cap; i++)
        edges += a->etab[3 * i + 2] != 0;
    size_t bits = 64;
    while (bits < edges * 16)
        bits *= 2;
    uint64_t *f = calloc(bits / 64, sizeof *f);
    if (f == NULL)
        return TT_ENOMEM;
    size_t mask = bits - 1;
    for (size_t i = 0; i < a->etab_cap; i++) {
        const uint32_t *e = a->etab + 3 * i;
        if (e[2] == 0)
            continue;
        uint64_t h = edge_hash(e[0], e[1]);
        size_t b1 = (size_t)(h >> 40) & mask, b2 = (size_t)(h >> 20) & mask;
        f[b1 >> 6] |= (uint64_t)1 << (b1 & 63);
        f[b2 >> 6] |= (uint64_t)1 << (b2 & 63);
    }
    a->bloom = f;
    a->bloom_mask = mask;
    return TT_OK;
}

/* The radix directory of the (sorted) typo hashes. */
static tt_status make_typo_dir(tt_automaton *a)
{
    unsigned bits = 1;
    while (bits < 24 && ((size_t)1 << bits) < a->ntypo)
        bits++;
    size_t nd = ((size_t)1 << bits) + 1;
    uint32_t *dir = malloc(nd * sizeof *dir);
    if (dir == NULL)
        return TT_ENOMEM;
    size_t x = 0;
    for (size_t k = 0; k + 1 < nd; k++) {
        while (x < a->ntypo && (a->typo_hash[x] >> (64 - bits)) < k)
            x++;
        dir[k] = (uint32_t)x;
    }
    dir[nd - 1] = a->ntypo;
    a->typo_dir = dir;
    a->typo_bits = bits;
    return TT_OK;
}

/* The id of key[0, len) in a syllable table, or TT_AC_NONE. */
static inline uint32_t syl_find(const tt_cp *pool, const uint32_t *syl_off, const uint32_t *stab, size_t cap,
                                const tt_cp *key, size_t len, uint64_t h)
{
    size_t mask = cap - 1, i = syl_slot(h, mask);
    for (size_t probes = 0; probes < cap; probes++) {
        uint32_t v = stab[i];
        if (v == 0)
            return TT_AC_NONE;
        uint32_t id = v - 1, a = syl_off[id], b = syl_off[id + 1];
        if (b - a == len) {
            const tt_cp *p = pool + a;
            size_t x = 0;
            while (x < len && p[x] == key[x])
                x++;
            if (x == len)
                return id;
        }
        i = (i + 1) & mask;
    }
    return TT_AC_NONE;
}

/* The child of node by syllable: its id | HAS_ENTRIES, or 0. */
static inline uint32_t child_of(const tt_automaton *a, uint32_t node, uint32_t syl)
{
    if (node == 0)
        return a->root_child[syl];
    if (!a->cont[syl])
        return 0;
    uint64_t h = edge_hash(node, syl);
    size_t b1 = (size_t)(h >> 40) & a->bloom_mask, b2 = (size_t)(h >> 20) & a->bloom_mask;
    if (!((a->bloom[b1 >> 6] >> (b1 & 63)) & (a->bloom[b2 >> 6] >> (b2 & 63)) & 1))
        return 0;
    size_t mask = (size_t)a->etab_cap - 1, i = EDGE_SLOT(h, mask);
    for (size_t probes = 0; probes < a->etab_cap; probes++) {
        const uint32_t *e = a->etab + 3 * i;
        if (e[2] == 0)
            return 0;
        if (e[0] == node && e[1] == syl)
            return e[2];
        i = (i + 1) & mask;
    }
    return 0;
}

void tt_ac_get_stats(const tt_automaton *a, tt_ac_stats *st)
{
    memset(st, 0, sizeof *st);
    if (a == NULL)
        return;
    st->entries = a->nent;
    st->syllables = a->nsyl;
    st->nodes = a->nnodes;
    st->typo_keys = a->ntypo;
    st->bytes = a->block_len + sizeof *a + (a->bloom_mask + 1) / 8 + a->nsyl + TT_VL_FLAT_LEN
                + (a->typo_dir ? (((size_t)1 << a->typo_bits) + 1) * sizeof *a->typo_dir : 0);
}

tt_status tt_ac_entry(const tt_automaton *a, size_t e, int64_t *value, uint32_t *flags)
{
    if (a == NULL || e >= a->nent)
        return TT_EINVAL;
    if (value)
        *value = a->ent_value[e];
    if (flags)
        *flags = a->ent_flags[e];
    return TT_OK;
}

/* ======================================================================== building */

typedef struct {
    int64_t value;
    uint32_t flags;
    uint32_t key;  /* offset of its syllable ids in keys */
    uint32_t form; /* offset of its written form in forms */
    uint32_t form_len;
    uint16_t ntok;
    uint16_t letters;
} bentry;

struct tt_ac_builder {
    tt_cp *pool;
    size_t pool_n, pool_cap;
    uint32_t *syl_off; /* nsyl + 1 entries */
    size_t nsyl, syl_off_cap;
    uint64_t *syl_hash;
    size_t syl_hash_cap;
    uint32_t *stab;
    size_t stab_cap;
    bentry *ents;
    size_t nent, ent_cap;
    uint32_t *keys;
    size_t keys_n, keys_cap;
    tt_cp *forms;
    size_t forms_n, forms_cap;
    tt_cpbuf norm;
    tt_tokbuf toks;
    const char *error;
};

tt_status tt_ac_builder_new(tt_ac_builder **out)
{
    if (out == NULL)
        return TT_EINVAL;
    *out = NULL;
    tt_ac_builder *b = calloc(1, sizeof *b);
    if (b == NULL)
        return TT_ENOMEM;
    b->stab_cap = 64;
    b->stab = calloc(b->stab_cap, sizeof *b->stab);
    b->syl_off = malloc(16 * sizeof *b->syl_off);
    if (b->stab == NULL || b->syl_off == NULL) {
        tt_ac_builder_free(b);
        return TT_ENOMEM;
    }
    b->syl_off_cap = 16;
    b->syl_off[0] = 0;
    *out = b;
    return TT_OK;
}

void tt_ac_builder_free(tt_ac_builder *b)
{
    if (b == NULL)
        return;
    free(b->pool);
    free(b->syl_off);
    free(b->syl_hash);
    free(b->stab);
    free(b->ents);
    free(b->keys);
    free(b->forms);
    tt_cpbuf_free(&b->norm);
    tt_tokbuf_free(&b->toks);
    free(b);
}

size_t tt_ac_builder_count(const tt_ac_builder *b)
{
    return b ? b->nent : 0;
}

const char *tt_ac_builder_error(const tt_ac_builder *b)
{
    return b && b->error ? b->error : "invalid name";
}

static tt_status stab_grow(tt_ac_builder *b)
{
    size_t cap = b->stab_cap * 2;
    uint32_t *t = calloc(cap, sizeof *t);
    if (t == NULL)
        return TT_ENOMEM;
    for (size_t id = 0; id < b->nsyl; id++) {
        size_t i = syl_slot(b->syl_hash[id], cap - 1);
        while (t[i] != 0)
            i = (i + 1) & (cap - 1);
        t[i] = (uint32_t)id + 1;
    }
    free(b->stab);
    b->stab = t;
    b->stab_cap = cap;
    return TT_OK;
}

/* The id of a key token, added to the dictionary when new. */
static tt_status intern(tt_ac_builder *b, const tt_cp *key, size_t len, uint32_t *id)
{
    tt_status st;
    uint64_t h = hash_cps(key, len);
    uint32_t found = syl_find(b->pool, b->syl_off, b->stab, b->stab_cap, key, len, h);
    if (found != TT_AC_NONE) {
        *id = found;
        return TT_OK;
    }
    if (b->nsyl >= UINT32_MAX - 2 || b->pool_n + len > UINT32_MAX - 1)
        return TT_ENOMEM;
    if ((b->nsyl + 1) * 2 > b->stab_cap && (st = stab_grow(b)) != TT_OK)
        return st;
    if ((st = tt_grow((void **)&b->pool, &b->pool_cap, b->pool_n, len, sizeof *b->pool)) != TT_OK)
        return st;
    if ((st = tt_grow((void **)&b->syl_off, &b->syl_off_cap, b->nsyl + 1, 1, sizeof *b->syl_off)) != TT_OK)
        return st;
    if ((st = tt_grow((void **)&b->syl_hash, &b->syl_hash_cap, b->nsyl, 1, sizeof *b->syl_hash)) != TT_OK)
        return st;
    memcpy(b->pool + b->pool_n, key, len * sizeof *key);
    b->pool_n += len;
    b->syl_hash[b->nsyl] = h;
    b->syl_off[b->nsyl + 1] = (uint32_t)b->pool_n;
    size_t i = syl_slot(h, b->stab_cap - 1);
    while (b->stab[i] != 0)
        i = (i + 1) & (b->stab_cap - 1);
    b->stab[i] = (uint32_t)b->nsyl + 1;
    *id = (uint32_t)b->nsyl++;
    return TT_OK;
}

tt_status tt_ac_builder_add(tt_ac_builder *b, const tt_cp *name, size_t n, int64_t value, uint32_t flags)
{
    tt_status st = TT_OK;
    UErrorCode err = U_ZERO_ERROR;
    tt_cp *key = NULL;
    if (b == NULL || (name == NULL && n > 0))
        return TT_EINVAL;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    b->error = NULL;
    const size_t keys0 = b->keys_n, forms0 = b->forms_n;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err))
        return TT_EICU;
    const tt_norm_opts opts = {TT_TONE_HOA, 1};
    b->norm.n = 0;
    b->toks.n = 0;
    if ((st = tt_normalize(name, n, &opts, &b->norm, NULL, NULL)) != TT_OK)
        goto done;
    if ((st = tt_tokenize(b->norm.v, b->norm.n, &b->toks)) != TT_OK)
        goto done;
    const tt_cp *s = b->norm.v;
    /* check the tokens first, so that a rejected name leaves nothing behind */
    size_t ntok = 0, letters = 0, total = 0;
    for (size_t k = 0; k < b->toks.n; k++) {
        const tt_token *t = &b->toks.v[k];
        if ((t->flags & TT_TF_NEWLINE_BEFORE) && k > 0) {
            b->error = "the name holds a line break";
            st = TT_EINVAL;
            goto done;
        }
        if (is_hyphen(s, t))
            continue;
        size_t len = t->end - t->start;
        if (++ntok > TT_AC_MAX_TOKENS) {
            b->error = "the name has too many tokens";
            st = TT_EINVAL;
            goto done;
        }
        if (len > TT_AC_MAX_SYL) {
            b->error = "a token of the name is too long";
            st = TT_EINVAL;
            goto done;
        }
        for (size_t x = t->start; x < t->end; x++)
            letters += is_letter(s[x]);
        total += len;
    }
    if (ntok == 0 || letters == 0) {
        b->error = ntok == 0 ? "the name is empty" : "the name has no letters";
        st = TT_EINVAL;
        goto done;
    }
    if (b->nent >= UINT32_MAX - 1 || b->forms_n + total > UINT32_MAX - 1 || b->keys_n + ntok > UINT32_MAX - 1) {
        st = TT_ENOMEM;
        goto done;
    }
    if ((st = tt_grow((void **)&b->ents, &b->ent_cap, b->nent, 1, sizeof *b->ents)) != TT_OK)
        goto done;
    if ((st = tt_grow((void **)&b->keys, &b->keys_cap, b->keys_n, ntok, sizeof *b->keys)) != TT_OK)
        goto done;
    if ((st = tt_grow((void **)&b->forms, &b->forms_cap, b->forms_n, total, sizeof *b->forms)) != TT_OK)
        goto done;
    key = malloc(TT_AC_MAX_SYL * sizeof *key);
    if (key == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    bentry *e = &b->ents[b->nent];
    e->value = value;
    e->flags = flags;
    e->key = (uint32_t)b->keys_n;
    e->form = (uint32_t)b->forms_n;
    e->form_len = (uint32_t)total;
    e->ntok = (uint16_t)ntok;
    e->letters = (uint16_t)(letters > UINT16_MAX ? UINT16_MAX : letters);
    for (size_t k = 0; k < b->toks.n; k++) {
        const tt_token *t = &b->toks.v[k];
        if (is_hyphen(s, t))
            continue;
        size_t len = t->end - t->start;
        int diac = 0;
        for (size_t x = 0; x < len; x++)
            key[x] = key_cp(nfd, s[t->start + x], &diac);
        uint32_t id;
        if ((st = intern(b, key, len, &id)) != TT_OK)
            goto done;
        b->keys[b->keys_n++] = id;
        memcpy(b->forms + b->forms_n, s + t->start, len * sizeof *s);
        b->forms_n += len;
    }
    b->nent++;
done:
    if (st != TT_OK) {
        /* nothing of a rejected or failed name stays (but key tokens interned before an
         * allocation failed, which are harmless) */
        b->keys_n = keys0;
        b->forms_n = forms0;
    }
    free(key);
    return st;
}

/* A growable trie used while building. */
typedef struct {
    uint32_t *parent, *syl;
    uint8_t *depth;
    size_t n, cap;
    uint32_t *root_child; /* nsyl entries */
    uint32_t *etab;
    size_t etab_cap, nedges;
} btrie;

static void btrie_free(btrie *t)
{
    free(t->parent);
    free(t->syl);
    free(t->depth);
    free(t->root_child);
    free(t->etab);
}

static tt_status btrie_etab_grow(btrie *t)
{
    size_t cap = t->etab_cap * 2;
    uint32_t *e = calloc(cap, sizeof *e);
    if (e == NULL)
        return TT_ENOMEM;
    for (size_t k = 0; k < t->etab_cap; k++) {
        uint32_t c = t->etab[k];
        if (c == 0)
            continue;
        size_t i = edge_slot(t->parent[c], t->syl[c], cap - 1);
        while (e[i] != 0)
            i = (i + 1) & (cap - 1);
        e[i] = c;
    }
    free(t->etab);
    t->etab = e;
    t->etab_cap = cap;
    return TT_OK;
}

static tt_status btrie_child(btrie *t, uint32_t node, uint32_t syl, uint32_t *out)
{
    tt_status st;
    size_t i = 0;
    if (node == 0) {
        if (t->root_child[syl] != 0) {
            *out = t->root_child[syl];
            return TT_OK;
        }
    } else {
        i = edge_slot(node, syl, t->etab_cap - 1);
        for (;;) {
            uint32_t c = t->etab[i];
            if (c == 0)
                break;
            if (t->parent[c] == node && t->syl[c] == syl) {
                *out = c;
                return TT_OK;
            }
            i = (i + 1) & (t->etab_cap - 1);
        }
    }
    if (t->n >= NODE_MASK)
        return TT_ENOMEM;
    if (t->n == t->cap) {
        size_t cap = t->cap;
        if ((st = tt_grow((void **)&t->parent, &cap, t->n, 1, sizeof *t->parent)) != TT_OK)
            return st;
        cap = t->cap;
        if ((st = tt_grow((void **)&t->syl, &cap, t->n, 1, sizeof *t->syl)) != TT_OK)
            return st;
        cap = t->cap;
        if ((st = tt_grow((void **)&t->depth, &cap, t->n, 1, sizeof *t->depth)) != TT_OK)
            return st;
        t->cap = cap;
    }
    uint32_t c = (uint32_t)t->n++;
    t->parent[c] = node;
    t->syl[c] = syl;
    t->depth[c] = (uint8_t)(t->depth[node] + 1);
    if (node == 0) {
        t->root_child[syl] = c;
    } else {
        t->etab[i] = c;
        t->nedges++;
        if (t->nedges * 2 > t->etab_cap && (st = btrie_etab_grow(t)) != TT_OK)
            return st;
    }
    *out = c;
    return TT_OK;
}

typedef struct {
    uint64_t h;
    uint32_t syl;
} typo_pair;

static int typo_cmp(const void *x, const void *y)
{
    const typo_pair *a = x, *b = y;
    if (a->h != b->h)
        return a->h < b->h ? -1 : 1;
    return (a->syl > b->syl) - (a->syl < b->syl);
}

static uint32_t count_letters(const tt_cp *k, size_t len)
{
    uint32_t n = 0;
    for (size_t x = 0; x < len; x++)
        n += is_letter(k[x]);
    return n;
}

/* Same node, value and written form: the second is a repeat. */
static int same_entry(const tt_ac_builder *b, const bentry *x, const bentry *y)
{
    return x->value == y->value && x->form_len == y->form_len
           && memcmp(b->forms + x->form, b->forms + y->form, x->form_len * sizeof *b->forms) == 0;
}

tt_status tt_ac_build(const tt_ac_builder *b, tt_automaton **out)
{
    tt_status st = TT_OK;
    btrie t = {0};
    uint32_t *ent_node = NULL, *order = NULL, *start = NULL, *dedup = NULL;
    uint8_t *typo_ok = NULL;
    typo_pair *tp = NULL;
    size_t ntp = 0, tp_cap = 0;
    tt_automaton *a = NULL;
    if (b == NULL || out == NULL)
        return TT_EINVAL;
    *out = NULL;

    /* the trie */
    t.cap = 64;
    t.parent = malloc(t.cap * sizeof *t.parent);
    t.syl = malloc(t.cap * sizeof *t.syl);
    t.depth = malloc(t.cap);
    t.root_child = calloc(b->nsyl + 1, sizeof *t.root_child);
    t.etab_cap = 64;
    t.etab = calloc(t.etab_cap, sizeof *t.etab);
    ent_node = malloc((b->nent + 1) * sizeof *ent_node);
    typo_ok = calloc(b->nsyl + 1, 1);
    if (!t.parent || !t.syl || !t.depth || !t.root_child || !t.etab || !ent_node || !typo_ok) {
        st = TT_ENOMEM;
        goto done;
    }
    t.parent[0] = 0;
    t.syl[0] = 0;
    t.depth[0] = 0;
    t.n = 1;
    for (size_t e = 0; e < b->nent; e++) {
        const bentry *be = &b->ents[e];
        uint32_t node = 0;
        for (size_t k = 0; k < be->ntok; k++)
            if ((st = btrie_child(&t, node, b->keys[be->key + k], &node)) != TT_OK)
                goto done;
        ent_node[e] = node;
        if (!(be->flags & (TT_AC_CASED | TT_AC_NOTYPO)) && be->letters >= TT_AC_TYPO_MIN_LETTERS)
            for (size_t k = 0; k < be->ntok; k++)
                typo_ok[b->keys[be->key + k]] = 1;
    }

    /* entries grouped by node (a counting sort keeps the order of addition within a node),
     * repeats dropped */
    order = malloc((b->nent + 1) * sizeof *order);
    start = calloc(t.n + 1, sizeof *start);
    if (!order || !start) {
        st = TT_ENOMEM;
        goto done;
    }
    for (size_t e = 0; e < b->nent; e++)
        start[ent_node[e] + 1]++;
    for (size_t k = 0; k < t.n; k++)
        start[k + 1] += start[k];
    {
        uint32_t *fill = malloc((t.n + 1) * sizeof *fill);
        if (fill == NULL) {
            st = TT_ENOMEM;
            goto done;
        }
        memcpy(fill, start, (t.n + 1) * sizeof *fill);
        for (size_t e = 0; e < b->nent; e++)
            order[fill[ent_node[e]]++] = (uint32_t)e;
        free(fill);
    }
    /* repeats: a hash set of kept entries keyed by (node, value, form) */
    size_t dcap = pow2_at_least(b->nent * 2 + 2);
    dedup = calloc(dcap, sizeof *dedup);
    if (dedup == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    size_t nkept = 0, form_total = 0;
    uint32_t *node_count = start; /* reused: becomes the kept count per node, then offsets */
    memset(node_count, 0, (t.n + 1) * sizeof *node_count);
    for (size_t r = 0; r < b->nent; r++) {
        uint32_t e = order[r];
        const bentry *be = &b->ents[e];
        uint64_t h = hash_cps(b->forms + be->form, be->form_len);
        h = mix64(h ^ mix64((uint64_t)be->value) ^ ((uint64_t)ent_node[e] << 17));
        size_t i = (size_t)(h & (dcap - 1));
        int repeat = 0;
        while (dedup[i] != 0) {
            uint32_t o = dedup[i] - 1;
            if (ent_node[o] == ent_node[e] && same_entry(b, &b->ents[o], be)) {
                repeat = 1;
                break;
            }
            i = (i + 1) & (dcap - 1);
        }
        if (repeat) {
            order[r] = UINT32_MAX;
            continue;
        }
        dedup[i] = e + 1;
        node_count[ent_node[e] + 1]++;
        nkept++;
        form_total += be->form_len;
    }
    for (size_t k = 0; k < t.n; k++)
        node_count[k + 1] += node_count[k];
    if (form_total > UINT32_MAX - 1) {
        st = TT_ENOMEM;
        goto done;
    }

    /* the typo index */
    for (size_t id = 0; id < b->nsyl; id++) {
        const tt_cp *k = b->pool + b->syl_off[id];
        size_t len = b->syl_off[id + 1] - b->syl_off[id];
        if (!typo_ok[id] || count_letters(k, len) < TT_AC_TYPO_MIN_SYL || len > 64)
            continue;
        if ((st = tt_grow((void **)&tp, &tp_cap, ntp, len + 1, sizeof *tp)) != TT_OK)
            goto done;
        tp[ntp].h = hash_cps(k, len);
        tp[ntp++].syl = (uint32_t)id;
        for (size_t x = 0; x < len; x++) {
            tp[ntp].h = hash_skip(k, len, x);
            tp[ntp++].syl = (uint32_t)id;
        }
        if (ntp > UINT32_MAX / 2) {
            st = TT_ENOMEM;
            goto done;
        }
    }
    if (ntp > 1)
        qsort(tp, ntp, sizeof *tp, typo_cmp);

    /* the block */
    counts c;
    c.nsyl = (uint32_t)b->nsyl;
    c.pool_len = (uint32_t)b->pool_n;
    c.stab_cap = (uint32_t)pow2_at_least(b->nsyl * 2 + 1);
    c.nnodes = (uint32_t)t.n;
    c.etab_cap = (uint32_t)pow2_at_least(t.nedges * 2 + 1);
    c.nent = (uint32_t)nkept;
    c.form_len = (uint32_t)form_total;
    c.ntypo = (uint32_t)ntp;
    layout L;
    if (!compute_layout(&c, &L)) {
        st = TT_ENOMEM;
        goto done;
    }
    a = calloc(1, sizeof *a);
    if (a == NULL || (a->block = calloc(L.total ? L.total : 1, 1)) == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    a->block_len = L.total;
    set_pointers(a, &c, &L);
    unsigned char *blk = a->block;
    memcpy(blk + L.syl_off, b->syl_off, (b->nsyl + 1) * sizeof(uint32_t));
    if (b->pool_n > 0)
        memcpy(blk + L.pool, b->pool, b->pool_n * sizeof(tt_cp));
    uint32_t *stab = (uint32_t *)(blk + L.stab);
    for (size_t id = 0; id < b->nsyl; id++) {
        size_t i = syl_slot(b->syl_hash[id], c.stab_cap - 1);
        while (stab[i] != 0)
            i = (i + 1) & (c.stab_cap - 1);
        stab[i] = (uint32_t)id + 1;
    }
    memcpy(blk + L.node_entry, node_count, (t.n + 1) * sizeof(uint32_t));
    uint32_t *rc = (uint32_t *)(blk + L.root_child), *etab = (uint32_t *)(blk + L.etab);
    for (size_t k = 1; k < t.n; k++) {
        uint32_t v = (uint32_t)k | (node_count[k] != node_count[k + 1] ? HAS_ENTRIES : 0);
        if (t.parent[k] == 0) {
            rc[t.syl[k]] = v;
            continue;
        }
        size_t i = edge_slot(t.parent[k], t.syl[k], c.etab_cap - 1);
        while (etab[3 * i + 2] != 0)
            i = (i + 1) & (c.etab_cap - 1);
        etab[3 * i] = t.parent[k];
        etab[3 * i + 1] = t.syl[k];
        etab[3 * i + 2] = v;
    }
    int64_t *val = (int64_t *)(blk + L.ent_value);
    uint32_t *flg = (uint32_t *)(blk + L.ent_flags), *frm = (uint32_t *)(blk + L.ent_form);
    tt_cp *forms = (tt_cp *)(blk + L.forms);
    size_t k = 0, fo = 0;
    for (size_t r = 0; r < b->nent; r++) {
        if (order[r] == UINT32_MAX)
            continue;
        const bentry *be = &b->ents[order[r]];
        val[k] = be->value;
        flg[k] = be->flags;
        frm[k] = (uint32_t)fo;
        memcpy(forms + fo, b->forms + be->form, be->form_len * sizeof *forms);
        fo += be->form_len;
        k++;
    }
    uint64_t *th = (uint64_t *)(blk + L.typo_hash);
    uint32_t *ts = (uint32_t *)(blk + L.typo_syl);
    for (size_t x = 0; x < ntp; x++) {
        th[x] = tp[x].h;
        ts[x] = tp[x].syl;
    }
    if ((st = make_typo_dir(a)) != TT_OK || (st = make_derived(a)) != TT_OK)
        goto done;
    *out = a;
    a = NULL;
done:
    btrie_free(&t);
    free(ent_node);
    free(order);
    free(start);
    free(dedup);
    free(typo_ok);
    free(tp);
    tt_ac_free(a);
    return st;
}

/* ======================================================================== serialization */

#define HEADER_SIZE 64
static const unsigned char MAGIC[8] = {'T', 'T', 'G', 'A', 'Z', 'A', 'C', 0};
#define FORMAT_VERSION 1

static int host_le(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

static void put32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static void put64(unsigned char *p, uint64_t v)
{
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t get32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const unsigned char *p)
{
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

/* Byte-swap the multi-byte sections of a block (for big-endian hosts: the block is stored
 * little-endian). */
static void swap_block(unsigned char *blk, const counts *c, const layout *L)
{
    struct {
        size_t off, n, w;
    } sec[] = {
        {L->syl_off, (size_t)c->nsyl + 1, 4}, {L->pool, c->pool_len, 4}, {L->stab, c->stab_cap, 4},
        {L->root_child, c->nsyl, 4}, {L->node_entry, (size_t)c->nnodes + 1, 4},
        {L->etab, (size_t)c->etab_cap * 3, 4}, {L->ent_value, c->nent, 8},
        {L->ent_flags, c->nent, 4}, {L->ent_form, c->nent, 4}, {L->forms, c->form_len, 4},
        {L->typo_hash, c->ntypo, 8}, {L->typo_syl, c->ntypo, 4},
    };
    for (size_t s = 0; s < sizeof sec / sizeof sec[0]; s++) {
        unsigned char *p = blk + sec[s].off;
        for (size_t k = 0; k < sec[s].n; k++, p += sec[s].w)
            for (size_t x = 0; x < sec[s].w / 2; x++) {
                unsigned char tmp = p[x];
                p[x] = p[sec[s].w - 1 - x];
                p[sec[s].w - 1 - x] = tmp;
            }
    }
}

/* A checksum of the stored (little-endian) block. */
static uint64_t checksum(const unsigned char *p, size_t n)
{
    /* four independent lanes of multiply-xor, mixed at the end */
    uint64_t h[4] = {0x6a09e667f3bcc909ULL ^ n, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                     0xa54ff53a5f1d36f1ULL};
    const uint64_t K = 0x9E3779B97F4A7C15ULL;
    size_t k = 0;
    for (; k + 32 <= n; k += 32)
        for (size_t l = 0; l < 4; l++)
            h[l] = (h[l] ^ get64(p + k + 8 * l)) * K;
    uint64_t tail = 0;
    for (size_t x = 0; k + x < n; x++)
        tail = (tail ^ p[k + x]) * 0x100000001b3ULL;
    return mix64(mix64(h[0]) ^ mix64(h[1] + 1) ^ mix64(h[2] + 2) ^ mix64(h[3] + 3) ^ tail);
}

uint64_t tt_ac_checksum(const void *body, size_t len)
{
    return checksum(body, len);
}

size_t tt_ac_serialized_size(const tt_automaton *a)
{
    return a ? HEADER_SIZE + a->block_len : 0;
}

static void header_counts(const tt_automaton *a, counts *c)
{
    c->nsyl = a->nsyl;
    c->pool_len = a->pool_len;
    c->stab_cap = a->stab_cap;
    c->nnodes = a->nnodes;
    c->etab_cap = a->etab_cap;
    c->nent = a->nent;
    c->form_len = a->form_len;
    c->ntypo = a->ntypo;
}

tt_status tt_ac_serialize(const tt_automaton *a, void *buf, size_t len)
{
    if (a == NULL || buf == NULL || len < tt_ac_serialized_size(a))
        return TT_EINVAL;
    unsigned char *p = buf;
    counts c;
    header_counts(a, &c);
    memcpy(p + HEADER_SIZE, a->block, a->block_len);
    if (!host_le()) {
        layout L;
        if (!compute_layout(&c, &L))
            return TT_EINVAL;
        swap_block(p + HEADER_SIZE, &c, &L);
    }
    memset(p, 0, HEADER_SIZE);
    memcpy(p, MAGIC, 8);
    put32(p + 8, FORMAT_VERSION);
    put32(p + 12, HEADER_SIZE);
    put32(p + 16, c.nsyl);
    put32(p + 20, c.pool_len);
    put32(p + 24, c.stab_cap);
    put32(p + 28, c.nnodes);
    put32(p + 32, c.etab_cap);
    put32(p + 36, c.nent);
    put32(p + 40, c.form_len);
    put32(p + 44, c.ntypo);
    put64(p + 48, a->block_len);
    put64(p + 56, checksum(p + HEADER_SIZE, a->block_len));
    return TT_OK;
}

static int is_pow2(uint32_t x)
{
    return x >= 8 && (x & (x - 1)) == 0;
}

/* Every check that makes matching with a loaded automaton safe and consistent. */
static int validate(const tt_automaton *a)
{
    int ok = 0;
    uint8_t *seen = NULL;
    uint32_t *parent = NULL, *pathlen = NULL, *depth = NULL;
    const uint32_t nsyl = a->nsyl, nn = a->nnodes;
    if (nn < 1 || nn > NODE_MASK || a->stab_cap <= nsyl || !is_pow2(a->stab_cap) || !is_pow2(a->etab_cap))
        goto done;
    /* syllables */
    if (a->syl_off[0] != 0 || a->syl_off[nsyl] != a->pool_len)
        goto done;
    for (uint32_t id = 0; id < nsyl; id++) {
        uint32_t x = a->syl_off[id], y = a->syl_off[id + 1];
        if (y <= x || y - x > TT_AC_MAX_SYL || y > a->pool_len)
            goto done;
    }
    size_t nseen = (size_t)(nsyl > nn ? nsyl : nn) + 1;
    seen = calloc(nseen, 1);
    parent = malloc(((size_t)nn + 1) * sizeof *parent);
    pathlen = malloc(((size_t)nn + 1) * sizeof *pathlen);
    depth = malloc(((size_t)nn + 1) * sizeof *depth);
    if (seen == NULL || parent == NULL || pathlen == NULL || depth == NULL)
        goto done;
    size_t smask = (size_t)a->stab_cap - 1;
    for (size_t i = 0; i < a->stab_cap; i++) {
        uint32_t v = a->stab[i];
        if (v == 0)
            continue;
        if (v > nsyl || seen[v - 1])
            goto done;
        seen[v - 1] = 1;
        uint32_t id = v - 1;
        size_t home = syl_slot(hash_cps(a->pool + a->syl_off[id], a->syl_off[id + 1] - a->syl_off[id]), smask);
        for (size_t p = home; p != i; p = (p + 1) & smask)
            if (a->stab[p] == 0)
                goto done; /* a lookup would stop before reaching it */
    }
    for (uint32_t id = 0; id < nsyl; id++)
        if (!seen[id])
            goto done;
    /* entries by node */
    if (a->node_entry[0] != 0 || a->node_entry[1] != 0 || a->node_entry[nn] != a->nent)
        goto done;
    for (uint32_t k = 0; k < nn; k++)
        if (a->node_entry[k + 1] < a->node_entry[k])
            goto done;
    /* edges: every node but the root is the child of exactly one edge, its parent made before
     * it, its HAS_ENTRIES bit true, and its slot reachable from its home slot */
    memset(seen, 0, nseen);
    for (uint32_t s = 0; s < nsyl; s++) {
        uint32_t v = a->root_child[s], c = v & NODE_MASK;
        if (v == 0)
            continue;
        if (c == 0 || c >= nn || seen[c] || ((v & HAS_ENTRIES) != 0) != (a->node_entry[c] != a->node_entry[c + 1]))
            goto done;
        seen[c] = 1;
        parent[c] = 0;
        pathlen[c] = a->syl_off[s + 1] - a->syl_off[s];
    }
    size_t emask = (size_t)a->etab_cap - 1, empty = 0;
    for (size_t i = 0; i < a->etab_cap; i++) {
        const uint32_t *e = a->etab + 3 * i;
        uint32_t v = e[2], c = v & NODE_MASK, p = e[0], s = e[1];
        if (v == 0) {
            empty++;
            continue;
        }
        if (c == 0 || c >= nn || seen[c] || p == 0 || p >= c || s >= nsyl
            || ((v & HAS_ENTRIES) != 0) != (a->node_entry[c] != a->node_entry[c + 1]))
            goto done;
        seen[c] = 1;
        parent[c] = p;
        pathlen[c] = a->syl_off[s + 1] - a->syl_off[s];
        size_t home = edge_slot(p, s, emask);
        for (size_t q = home; q != i; q = (q + 1) & emask)
            if (a->etab[3 * q + 2] == 0)
                goto done;
    }
    if (empty == 0)
        goto done;
    depth[0] = 0;
    pathlen[0] = 0;
    for (uint32_t k = 1; k < nn; k++) {
        if (!seen[k])
            goto done;
        depth[k] = depth[parent[k]] + 1;
        pathlen[k] += pathlen[parent[k]];
        if (depth[k] > TT_AC_MAX_TOKENS)
            goto done;
    }
    /* entries: the written forms lie one after the other and fill forms exactly */
    uint32_t next = 0;
    for (uint32_t k = 1; k < nn; k++)
        for (uint32_t e = a->node_entry[k]; e < a->node_entry[k + 1]; e++) {
            if (a->ent_form[e] != next || pathlen[k] > a->form_len - next)
                goto done;
            next += pathlen[k];
        }
    if (next != a->form_len)
        goto done;
    /* typo index */
    for (uint32_t x = 0; x < a->ntypo; x++)
        if (a->typo_syl[x] >= nsyl || (x > 0 && a->typo_hash[x] < a->typo_hash[x - 1]))
            goto done;
    ok = 1;
done:
    free(seen);
    free(parent);
    free(pathlen);
    free(depth);
    return ok;
}

tt_status tt_ac_load(const void *data, size_t len, tt_automaton **out)
{
    tt_status st = TT_EFORMAT;
    tt_automaton *a = NULL;
    if (out == NULL || (data == NULL && len > 0))
        return TT_EINVAL;
    *out = NULL;
    const unsigned char *p = data;
    if (len < HEADER_SIZE || memcmp(p, MAGIC, 8) != 0 || get32(p + 8) != FORMAT_VERSION
        || get32(p + 12) != HEADER_SIZE)
        return TT_EFORMAT;
    counts c = {get32(p + 16), get32(p + 20), get32(p + 24), get32(p + 28),
                get32(p + 32), get32(p + 36), get32(p + 40), get32(p + 44)};
    layout L;
    uint64_t blen = get64(p + 48);
    if (!compute_layout(&c, &L) || blen != L.total || len - HEADER_SIZE != L.total)
        return TT_EFORMAT;
    if (checksum(p + HEADER_SIZE, L.total) != get64(p + 56))
        return TT_EFORMAT;
    a = calloc(1, sizeof *a);
    if (a == NULL)
        return TT_ENOMEM;
    a->block = malloc(L.total ? L.total : 1);
    if (a->block == NULL) {
        st = TT_ENOMEM;
        goto done;
    }
    memcpy(a->block, p + HEADER_SIZE, L.total);
    a->block_len = L.total;
    if (!host_le())
        swap_block(a->block, &c, &L);
    set_pointers(a, &c, &L);
    if (!validate(a))
        goto done;
    if (make_typo_dir(a) != TT_OK || make_derived(a) != TT_OK) {
        st = TT_ENOMEM;
        goto done;
    }
    *out = a;
    a = NULL;
    st = TT_OK;
done:
    tt_ac_free(a);
    return st;
}

/* ======================================================================== scanning text */

/* A token the matcher walks on (hyphens left out). */
typedef struct {
    tt_off start, end; /* in the scanned text */
    uint32_t tok;      /* index of its token */
    uint32_t syl;      /* key id, TT_AC_NONE when unknown */
    uint8_t bits;
} unit;

enum { U_BREAK = 1, U_DIAC = 2, U_WORD = 4, U_PLAIN = 8, U_CAP = 16, U_LINE_KNOWN = 32 };

/* A line is taken as written without diacritics when fewer than one word in PLAIN_RATIO
 * carries any. */
#define PLAIN_RATIO 8

/* Is unit k in a line written without diacritics ("Ha Noi", "HA NOI")? There an unmarked
 * syllable may stand for a marked one; in ordinary text "thanh tra" is not "Thanh Trà". Worked
 * out for the whole line the first time a unit of it asks (few ever do). */
static int in_plain_line(unit *u, size_t nu, size_t k)
{
    if (!(u[k].bits & U_LINE_KNOWN)) {
        size_t a = k, b = k + 1, words = 0, marked = 0;
        while (a > 0 && !(u[a].bits & U_BREAK))
            a--;
        while (b < nu && !(u[b].bits & U_BREAK))
            b++;
        for (size_t x = a; x < b; x++)
            if (u[x].bits & U_WORD) {
                words++;
                marked += (u[x].bits & U_DIAC) != 0;
            }
        uint8_t bits = (uint8_t)(U_LINE_KNOWN | (marked * PLAIN_RATIO < words ? U_PLAIN : 0));
        for (size_t x = a; x < b; x++)
            u[x].bits |= bits;
    }
    return (u[k].bits & U_PLAIN) != 0;
}

typedef struct {
    const tt_automaton *a; /* NULL: tokens only */
    const UNormalizer2 *nfd;
    const tt_cp *s;
    tt_ac_scratch *scr;
    tt_tokbuf *toks;       /* tokens out (tt_ac_tokenize) or NULL */
    size_t nu;
    uint32_t ntok;         /* tokens so far */
    int pending_break;
    int last_word;         /* the last token was a word */
    tt_off last_start;     /* and where it started */
    const uint8_t *keytab; /* see tt_automaton */
    tt_cp key[TT_AC_MAX_SYL + 2];  /* key_unit's */
    tt_cp wkey[TT_AC_MAX_SYL + 2]; /* the plain word's, made while scanning */
} scanner;

static tt_status units_reserve(tt_ac_scratch *scr, size_t n, size_t extra)
{
    return tt_grow(&scr->units, &scr->units_cap, n, extra, sizeof(unit));
}

/* Key a token of the text into a unit. */
static void key_unit(scanner *sc, unit *u)
{
    const tt_automaton *a = sc->a;
    size_t len = u->end - u->start;
    u->syl = TT_AC_NONE;
    if (len > TT_AC_MAX_SYL)
        return;
    const tt_cp *t = sc->s + u->start;
    int diac = 0;
    for (size_t x = 0; x < len; x++)
        sc->key[x] = key_cp(sc->nfd, t[x], &diac);
    uint64_t h = hash_cps(sc->key, len);
    if (diac)
        u->bits |= U_DIAC;
    if (len > 0 && case_of(t[0]) == 1)
        u->bits |= U_CAP;
    if (a->nsyl > 0)
        u->syl = syl_find(a->pool, a->syl_off, a->stab, a->stab_cap, sc->key, len, h);
}

/* Record a token (in sc->toks when asked) and make its unit, not yet keyed: *out is NULL for a
 * hyphen or when only tokens are wanted. */
static tt_status emit_token(scanner *sc, size_t start, size_t end, int kind, int flags, unit **out)
{
    tt_status st;
    *out = NULL;
    if (sc->toks != NULL) {
        if ((st = tt_grow((void **)&sc->toks->v, &sc->toks->cap, sc->toks->n, 1, sizeof *sc->toks->v)) != TT_OK)
            return st;
        tt_token *t = &sc->toks->v[sc->toks->n++];
        t->start = (tt_off)start;
        t->end = (tt_off)end;
        t->kind = (uint8_t)kind;
        t->flags = (uint8_t)flags;
    }
    uint32_t idx = sc->ntok++;
    sc->last_word = kind == TT_TOK_WORD;
    sc->last_start = (tt_off)start;
    if (flags & TT_TF_NEWLINE_BEFORE)
        sc->pending_break = 1;
    if (sc->a == NULL)
        return TT_OK;
    tt_token tk = {(tt_off)start, (tt_off)end, (uint8_t)kind, (uint8_t)flags};
    if (is_hyphen(sc->s, &tk))
        return TT_OK;
    if (sc->nu == sc->scr->units_cap && (st = units_reserve(sc->scr, sc->nu, 1)) != TT_OK)
        return st;
    unit *u = (unit *)sc->scr->units + sc->nu++;
    u->start = (tt_off)start;
    u->end = (tt_off)end;
    u->tok = idx;
    u->bits = (uint8_t)((sc->pending_break ? U_BREAK : 0) | (kind == TT_TOK_WORD ? U_WORD : 0));
    sc->pending_break = 0;
    *out = u;
    return TT_OK;
}

static tt_status emit(scanner *sc, size_t start, size_t end, int kind, int flags)
{
    unit *u;
    tt_status st = emit_token(sc, start, end, kind, flags, &u);
    if (st == TT_OK && u != NULL)
        key_unit(sc, u);
    return st;
}

/* The flags tt_tokenize gives a word of letters only (tokenize.c: word_flags). */
static int plain_word_flags(const tt_cp *s, size_t a, size_t b)
{
    size_t letters = b - a, upper = 0;
    int flags = 0;
    for (size_t i = a; i < b; i++) {
        uint8_t e = tt_vl_info(s[i]);
        int up = (e >> 7) & 1;
        upper += (size_t)up;
        if (i == a && up)
            flags |= TT_TF_UPPER_INITIAL;
        if (s[i] >= 0x80)
            flags |= TT_TF_DIACRITIC;
    }
    if (letters >= 2 && upper == letters)
        flags |= TT_TF_ALL_UPPER;
    if (tt_syllable_valid(s + a, b - a))
        flags |= TT_TF_VIET;
    return flags;
}

static inline int ascii_space(tt_cp c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
}

static inline int ascii_newline(tt_cp c)
{
    return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C;
}

/* Punctuation that stands alone as a token before a plain word and after it. ':' and '.' are
 * left to the general tokenizer (URLs, abbreviations). */
static inline int lead_punct(tt_cp c)
{
    return c == '(' || c == '[' || c == '"' || c == '\'';
}

static inline int trail_punct(tt_cp c)
{
    return c == ',' || c == ';' || c == ')' || c == ']' || c == '"' || c == '\'' || c == '!' || c == '?';
}

/* Tokens of s[0, n): chunks between ASCII spaces are tokenized on their own (no token spans a
 * space), plain ones here, the rest by tt_tokenize. Plain is: lead punctuation, letters of the
 * Vietnamese table, at most one period, trail punctuation. The period stands alone (it does not
 * end an abbreviation, "TS.", or make a URL, "abc.com") when nothing but trail punctuation follows
 * it and the word has a letter beyond ASCII or five letters or more (tokenize.c's abbreviations
 * are ASCII words of at most four letters). The fuzz target checks that this gives exactly
 * tt_tokenize's tokens. */
static tt_status scan(scanner *sc, size_t n)
{
    tt_status st = TT_OK;
    const tt_cp *s = sc->s;
    tt_tokbuf *tmp = &sc->scr->toks;
    int nl = 0;
    size_t i = 0;
    while (i < n) {
        if (ascii_space(s[i])) {
            nl |= ascii_newline(s[i]);
            i++;
            continue;
        }
        size_t a = i;
        int first = TT_TF_SPACE_BEFORE | (nl ? TT_TF_NEWLINE_BEFORE : 0);
        size_t p = a;
        while (p < n && lead_punct(s[p]))
            p++;
        /* the letters, their key made on the way (the key of a table letter is its base) */
        size_t q = p;
        uint64_t h = FNV_OFF;
        int diac = 0;
        tt_cp held = 0;
        const uint8_t *keytab = sc->keytab;
        while (q < n) {
            tt_cp c = s[q];
            if (c >= TT_VL_FLAT_LEN || keytab[c] == 0)
                break;
            tt_cp k = keytab[c];
            diac |= c >= 0x80;
            if (q - p < TT_AC_MAX_SYL)
                sc->wkey[q - p] = k;
            if ((q - p) & 1)
                h = HASH_PAIR(h, held, k);
            else
                held = k;
            q++;
        }
        if ((q - p) & 1)
            h = HASH_ONE(h, held);
        size_t r = q, dot = SIZE_MAX;
        if (q > p && r < n && s[r] == '.' && (diac || q - p >= 5))
            dot = r++;
        while (r < n && trail_punct(s[r]))
            r++;
        if (q > p && (r == n || ascii_space(s[r]))) {
            for (size_t x = a; x < p; x++, first = 0)
                if ((st = emit(sc, x, x + 1, TT_TOK_PUNCT, first)) != TT_OK)
                    return st;
            int wf = sc->toks ? plain_word_flags(s, p, q) : 0;
            unit *u;
            if ((st = emit_token(sc, p, q, TT_TOK_WORD, first | wf, &u)) != TT_OK)
                return st;
            if (u != NULL) {
                size_t len = q - p;
                u->syl = TT_AC_NONE;
                u->bits |= (uint8_t)((diac ? U_DIAC : 0) | ((tt_vl_info(s[p]) & 0x80) ? U_CAP : 0));
                if (len <= TT_AC_MAX_SYL && sc->a->nsyl > 0)
                    u->syl = syl_find(sc->a->pool, sc->a->syl_off, sc->a->stab, sc->a->stab_cap, sc->wkey, len, h);
            }
            for (size_t x = q; x < r; x++)
                if ((st = emit(sc, x, x + 1, TT_TOK_PUNCT, 0)) != TT_OK)
                    return st;
            (void)dot;
            nl = 0;
            i = r;
            continue;
        }
        size_t b = r;
        while (b < n && !ascii_space(s[b]))
            b++;
        i = b;
        /* general: the tokenizer over the chunk; a number after a word is read with that word
         * before it (tokenize.c reads "ngày 23/10" as a date) */
        size_t from = a;
        if (s[a] >= '0' && s[a] <= '9' && sc->ntok > 0 && sc->last_word
            && !(s[sc->last_start] >= '0' && s[sc->last_start] <= '9'))
            from = sc->last_start;
        tmp->n = 0;
        if ((st = tt_tokenize(s + from, b - from, tmp)) != TT_OK)
            return st;
        int emitted = 0;
        size_t last_end = a;
        for (size_t k = 0; k < tmp->n; k++) {
            const tt_token *t = &tmp->v[k];
            size_t ts = from + t->start, te = from + t->end;
            if (ts < a)
                continue;
            int fl = t->flags;
            if (!emitted)
                fl |= first & TT_TF_NEWLINE_BEFORE;
            if ((st = emit(sc, ts, te, t->kind, fl)) != TT_OK)
                return st;
            emitted = 1;
            last_end = te;
        }
        /* a line separator after the chunk's last token breaks the line for the next one */
        int carry = 0;
        for (size_t x = last_end; x < b; x++)
            carry |= s[x] == 0x85 || s[x] == 0x2028 || s[x] == 0x2029;
        nl = emitted ? carry : (nl | carry);
    }
    return st;
}

tt_status tt_ac_tokenize(const tt_cp *s, size_t n, tt_tokbuf *out)
{
    tt_status st;
    if ((s == NULL && n > 0) || out == NULL)
        return TT_EINVAL;
    tt_ac_scratch scr = {0};
    scanner *sc = calloc(1, sizeof *sc);
    uint8_t *keytab = malloc(TT_VL_FLAT_LEN);
    if (sc == NULL || keytab == NULL) {
        free(sc);
        free(keytab);
        return TT_ENOMEM;
    }
    fill_keytab(keytab);
    sc->s = s;
    sc->scr = &scr;
    sc->toks = out;
    sc->keytab = keytab;
    st = scan(sc, n);
    free(sc);
    free(keytab);
    tt_ac_scratch_free(&scr);
    return st;
}

void tt_ac_scratch_free(tt_ac_scratch *s)
{
    free(s->units);
    s->units = NULL;
    s->units_cap = 0;
    tt_cpbuf_free(&s->norm);
    tt_offbuf_free(&s->map);
    tt_tokbuf_free(&s->toks);
    free(s->cands);
    s->cands = NULL;
    s->cands_cap = 0;
    free(s->work);
    s->work = NULL;
}

void tt_ac_matchbuf_free(tt_ac_matchbuf *b)
{
    free(b->v);
    b->v = NULL;
    b->n = b->cap = 0;
}

/* ======================================================================== matching */

typedef struct {
    uint32_t j;     /* last unit of the span */
    uint32_t entry;
    uint16_t q;     /* kind << 8 | folded: lower is better */
} cand;

typedef struct {
    const tt_automaton *a;
    const UNormalizer2 *nfd;
    const tt_cp *s;
    unit *u;
    size_t nu;
    const tt_ac_opts *o;
    tt_ac_scratch *scr;
    size_t nc;
    tt_status st;
    uint32_t path[TT_AC_MAX_TOKENS + 1];
    tt_cp key[TT_AC_MAX_SYL + 2];
} matcher;

static inline uint32_t syl_len(const tt_automaton *a, uint32_t s)
{
    return a->syl_off[s + 1] - a->syl_off[s];
}

/* May the head of a name match in lower case at units from i ("bộ Y tế")? When it begins a
 * word of the text (not the "bộ" of "cán bộ Công an") and the name's second word (at w2) is
 * capitalized in the name and in the text: the capital marks the name the common noun heads. */
static int lower_head(const matcher *m, const tt_cp *w2, size_t i)
{
    const unit *u = &m->u[i], *next = &m->u[i + 1];
    if (m->o->joins == NULL || (u->tok > 0 && m->o->joins[u->tok - 1]))
        return 0;
    return initial_case(w2, syl_len(m->a, m->path[1])) == 1
           && initial_case(m->s + next->start, next->end - next->start) == 1;
}

/* Does entry e match units [i, j] (the key path in m->path)? Sets its quality. */
static int check_entry(matcher *m, uint32_t e, size_t i, size_t j, size_t typo_at, uint16_t *q)
{
    const tt_automaton *a = m->a;
    uint32_t flags = a->ent_flags[e];
    size_t ntok = j - i + 1;
    int typo = typo_at != SIZE_MAX;
    if (typo && (flags & (TT_AC_CASED | TT_AC_NOTYPO)))
        return 0;
    const tt_cp *w = a->forms + a->ent_form[e];
    unsigned folded = 0;
    int first_letter = 1;
    size_t letters = 0;
    for (size_t k = 0; k < ntok; k++, w += syl_len(a, m->path[k - 1])) {
        size_t L = syl_len(a, m->path[k]);
        const unit *u = &m->u[i + k];
        const tt_cp *t = m->s + u->start;
        size_t tl = u->end - u->start;
        if (typo)
            letters += count_letters(w, L);
        if (i + k == typo_at) {
            if (initial_case(w, L) == 1 && initial_case(t, tl) != 1)
                return 0;
            first_letter = 0;
            continue;
        }
        if (tl != L)
            return 0;
        int exact = 1;
        for (size_t x = 0; x < L; x++)
            if (t[x] != w[x] && lower_cp(t[x]) != lower_cp(w[x])) {
                exact = 0;
                break;
            }
        if (!exact) {
            if (!m->o->fold || (flags & TT_AC_EXACT))
                return 0;
            int viet = (u->bits & U_WORD) && tt_syllable_valid(t, tl);
            if (viet && !(flags & TT_AC_PLAIN)) {
                /* a Vietnamese syllable written with marks, or without them in a line written
                 * with them, is a word of its own ("bà" is not "Ba", "thanh tra" is not
                 * "Thanh Trà") */
                if ((u->bits & U_DIAC) || !in_plain_line(m->u, m->nu, i + k))
                    return 0;
            } else if (viet && initial_case(w, L) == 1 && initial_case(t, tl) != 1) {
                return 0; /* a form listed without marks stands for marked names, not words */
            }
            folded++;
        }
        /* capitals: a word capitalized in the name is capitalized in the text; in names of
         * three words or more only the first is held to it, since the press writes "Tổ chức
         * Hiệp ước an ninh tập thể" for a listed "Tổ chức Hiệp ước An ninh Tập thể" */
        if (m->o->capitals && !(flags & TT_AC_ANYCASE) && (k == 0 || ntok < 3) && initial_case(w, L) == 1
            && initial_case(t, tl) != 1 && !(k == 0 && ntok >= 3 && (flags & TT_AC_HEADED) && lower_head(m, w + L, i)))
            return 0;
        if ((flags & TT_AC_CASED) || (!(flags & TT_AC_ANYCASE) && all_caps(w, L))) {
            for (size_t x = 0; x < L; x++) {
                int cw = case_of(w[x]);
                if (cw == 0)
                    continue;
                int ct = case_of(t[x]);
                if (cw == 1 && ct != 1)
                    return 0;
                if (cw == 2 && ct != 2 && !first_letter)
                    return 0;
                first_letter = 0;
            }
        } else {
            for (size_t x = 0; x < L && first_letter; x++)
                if (case_of(w[x]) != 0)
                    first_letter = 0;
        }
    }
    if (typo && letters < TT_AC_TYPO_MIN_LETTERS)
        return 0;
    int kind = typo ? TT_AC_MATCH_TYPO : folded ? TT_AC_MATCH_FOLD : TT_AC_MATCH_EXACT;
    *q = (uint16_t)(kind << 8 | (folded > 255 ? 255 : folded));
    return 1;
}

static void evaluate(matcher *m, uint32_t node, size_t i, size_t j, size_t typo_at)
{
    const tt_automaton *a = m->a;
    for (uint32_t e = a->node_entry[node]; e < a->node_entry[node + 1]; e++) {
        if (a->ent_flags[e] & m->o->exclude)
            continue;
        uint16_t q;
        if (!check_entry(m, e, i, j, typo_at, &q))
            continue;
        if (m->nc == m->scr->cands_cap) {
            tt_status st = tt_grow(&m->scr->cands, &m->scr->cands_cap, m->nc, 1, sizeof(cand));
            if (st != TT_OK) {
                m->st = st;
                return;
            }
        }
        cand *c = (cand *)m->scr->cands + m->nc++;
        c->j = (uint32_t)j;
        c->entry = e;
        c->q = q;
    }
}

/* Damerau-Levenshtein distance exactly 1 (one substitution, insertion, deletion or swap of
 * neighbours) between two keys. */
static int one_edit(const tt_cp *x, size_t lx, const tt_cp *y, size_t ly)
{
    if (lx == ly) {
        size_t p = 0;
        while (p < lx && x[p] == y[p])
            p++;
        if (p == lx)
            return 0;
        if (memcmp(x + p + 1, y + p + 1, (lx - p - 1) * sizeof *x) == 0)
            return 1;
        return p + 1 < lx && x[p] == y[p + 1] && x[p + 1] == y[p]
               && memcmp(x + p + 2, y + p + 2, (lx - p - 2) * sizeof *x) == 0;
    }
    if (lx == ly + 1 || ly == lx + 1) {
        const tt_cp *lo = lx > ly ? x : y, *sh = lx > ly ? y : x;
        size_t ls = lx > ly ? ly : lx, p = 0;
        while (p < ls && lo[p] == sh[p])
            p++;
        return memcmp(lo + p + 1, sh + p, (ls - p) * sizeof *x) == 0;
    }
    return 0;
}

#define MAX_TYPO_CANDS 16

/* May unit u stand for a key through a typo? A word not among the keys, capitalized, of a
 * length a typo of a long key can have, and not a well-formed Vietnamese syllable (a typo in
 * one mostly makes another real syllable, and those must not bend into names). */
static int typo_eligible(const matcher *m, const unit *u)
{
    size_t len = u->end - u->start;
    if ((u->bits & (U_WORD | U_CAP)) != (U_WORD | U_CAP) || u->syl != TT_AC_NONE || len + 1 < TT_AC_TYPO_MIN_SYL
        || len > 64)
        return 0;
    return !tt_syllable_valid(m->s + u->start, len);
}

/* Known keys one edit away from the key of unit u (whose key is unknown). */
static size_t typo_candidates(matcher *m, const unit *u, uint32_t *out)
{
    const tt_automaton *a = m->a;
    size_t len = u->end - u->start, nout = 0;
    if (len + 1 < TT_AC_TYPO_MIN_SYL || len > 64)
        return 0;
    int diac = 0;
    for (size_t x = 0; x < len; x++)
        m->key[x] = key_cp(m->nfd, m->s[u->start + x], &diac);
    for (size_t v = 0; v <= len && nout < MAX_TYPO_CANDS; v++) {
        uint64_t h = v == len ? hash_cps(m->key, len) : hash_skip(m->key, len, v);
        size_t top = (size_t)(h >> (64 - a->typo_bits)), lo = a->typo_dir[top], hi = a->typo_dir[top + 1];
        while (lo < hi && a->typo_hash[lo] < h)
            lo++;
        for (; lo < hi && a->typo_hash[lo] == h && nout < MAX_TYPO_CANDS; lo++) {
            uint32_t s = a->typo_syl[lo];
            int dup = 0;
            for (size_t c = 0; c < nout; c++)
                dup |= out[c] == s;
            const tt_cp *k = a->pool + a->syl_off[s];
            if (!dup && k[0] == m->key[0] && one_edit(m->key, len, k, syl_len(a, s)))
                out[nout++] = s;
        }
    }
    return nout;
}

/* Walk the trie from unit i; node is where units [i, j) led (j == i: the root). Candidates
 * are collected in m->scr->cands. */
static void walk(matcher *m, size_t i, size_t j, uint32_t v, size_t typo_at)
{
    const tt_automaton *a = m->a;
    uint32_t node = v & NODE_MASK;
    for (;; j++) {
        if (v & HAS_ENTRIES) {
            evaluate(m, node, i, j - 1, typo_at);
            if (m->st != TT_OK)
                return;
        }
        if (j >= m->nu || j - i >= TT_AC_MAX_TOKENS || (j > i && (m->u[j].bits & U_BREAK)))
            return;
        uint32_t s = m->u[j].syl, child = s != TT_AC_NONE ? child_of(a, node, s) : 0;
        if (child == 0) {
            if (typo_at == SIZE_MAX && m->o->typos && a->ntypo > 0 && typo_eligible(m, &m->u[j])) {
                uint32_t cands[MAX_TYPO_CANDS];
                size_t nc = typo_candidates(m, &m->u[j], cands);
                for (size_t c = 0; c < nc; c++) {
                    uint32_t ch = child_of(a, node, cands[c]);
                    if (ch == 0)
                        continue;
                    m->path[j - i] = cands[c];
                    walk(m, i, j + 1, ch, j);
                    if (m->st != TT_OK)
                        return;
                }
            }
            return;
        }
        m->path[j - i] = s;
        v = child;
        node = v & NODE_MASK;
    }
}

static int cand_cmp(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    if (a->j != b->j)
        return a->j < b->j ? -1 : 1;
    if (a->q != b->q)
        return a->q < b->q ? -1 : 1;
    return (a->entry > b->entry) - (a->entry < b->entry);
}

static tt_status push_match(matcher *m, tt_ac_matchbuf *out, size_t i, const cand *c, int tied)
{
    tt_status st;
    if (out->n == out->cap && (st = tt_grow((void **)&out->v, &out->cap, out->n, 1, sizeof *out->v)) != TT_OK)
        return st;
    tt_ac_match *r = &out->v[out->n++];
    memset(r, 0, sizeof *r);
    r->value = m->a->ent_value[c->entry];
    r->entry = c->entry;
    r->flags = m->a->ent_flags[c->entry];
    r->tok_start = m->u[i].tok;
    r->tok_end = m->u[c->j].tok + 1;
    r->start = m->u[i].start;
    r->end = m->u[c->j].end;
    r->kind = (uint8_t)(c->q >> 8);
    r->folded = (uint8_t)(c->q & 0xFF);
    r->tied = (uint8_t)tied;
    return TT_OK;
}

/* Emit the best entries of the span ending at cands[from..to) (all one j, sorted). */
static tt_status emit_span(matcher *m, tt_ac_matchbuf *out, size_t i, const cand *c, size_t from, size_t to)
{
    tt_status st;
    uint32_t last = UINT32_MAX;
    for (size_t k = from; k < to && c[k].q == c[from].q; k++) {
        if (c[k].entry == last)
            continue; /* the same entry reached twice (two typo readings) */
        if ((st = push_match(m, out, i, &c[k], k > from)) != TT_OK)
            return st;
        last = c[k].entry;
    }
    return TT_OK;
}

static tt_status match_units(matcher *m, tt_ac_matchbuf *out)
{
    tt_status st;
    const tt_automaton *a = m->a;
    if (a->nnodes <= 1)
        return TT_OK;
    const int typos = m->o->typos && a->ntypo > 0;
    for (size_t i = 0; i < m->nu;) {
        const unit *u = &m->u[i];
        if (u->syl != TT_AC_NONE) {
            /* most units start no name, or one that the next unit cannot go on with */
            uint32_t r = a->root_child[u->syl];
            if (r == 0) {
                i++;
                continue;
            }
            if (!(r & HAS_ENTRIES)) {
                const unit *v = u + 1;
                if (i + 1 >= m->nu || (v->bits & U_BREAK)
                    || (v->syl != TT_AC_NONE ? !a->cont[v->syl] : !(typos && typo_eligible(m, v)))) {
                    i++;
                    continue;
                }
            }
        } else if (!(typos && typo_eligible(m, u))) {
            i++;
            continue;
        }
        m->nc = 0;
        walk(m, i, i, 0, SIZE_MAX);
        if (m->st != TT_OK)
            return m->st;
        if (m->nc == 0) {
            i++;
            continue;
        }
        cand *c = m->scr->cands;
        if (m->nc > 1)
            qsort(c, m->nc, sizeof *c, cand_cmp);
        if (m->o->overlapping) {
            for (size_t k = 0; k < m->nc;) {
                size_t e = k;
                while (e < m->nc && c[e].j == c[k].j)
                    e++;
                if ((st = emit_span(m, out, i, c, k, e)) != TT_OK)
                    return st;
                k = e;
            }
            i++;
        } else {
            size_t k = m->nc - 1;
            while (k > 0 && c[k - 1].j == c[m->nc - 1].j)
                k--;
            if ((st = emit_span(m, out, i, c, k, m->nc)) != TT_OK)
                return st;
            i = (size_t)c[k].j + 1;
        }
    }
    return TT_OK;
}

/* The matcher and the scanner of a call, kept in the scratch between calls (they hold key
 * buffers that are not worth clearing and reallocating for every text). */
typedef struct {
    matcher m;
    scanner sc;
} workspace;

static tt_status work_init(tt_ac_scratch *scr, const tt_automaton *a, const tt_cp *s, const tt_ac_opts *o,
                           matcher **mp, scanner **scp)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err))
        return TT_EICU;
    if (scr->work == NULL && (scr->work = malloc(sizeof(workspace))) == NULL)
        return TT_ENOMEM;
    workspace *w = scr->work;
    matcher *m = &w->m;
    m->a = a;
    m->nfd = nfd;
    m->s = s;
    m->u = NULL;
    m->nu = 0;
    m->o = o;
    m->scr = scr;
    m->nc = 0;
    m->st = TT_OK;
    scanner *sc = &w->sc;
    sc->a = a;
    sc->nfd = nfd;
    sc->s = s;
    sc->scr = scr;
    sc->toks = NULL;
    sc->nu = 0;
    sc->ntok = 0;
    sc->pending_break = 0;
    sc->last_word = 0;
    sc->last_start = 0;
    sc->keytab = a->keytab;
    *mp = m;
    *scp = sc;
    return TT_OK;
}

tt_status tt_ac_match_tokens(const tt_automaton *a, const tt_cp *text, size_t n, const tt_token *toks,
                             size_t nt, const tt_ac_opts *o, tt_ac_scratch *scr, tt_ac_matchbuf *out)
{
    tt_status st;
    matcher *m;
    scanner *sc;
    if (a == NULL || o == NULL || scr == NULL || out == NULL || (text == NULL && n > 0) || (toks == NULL && nt > 0))
        return TT_EINVAL;
    for (size_t k = 0; k < nt; k++)
        if (toks[k].start > toks[k].end || toks[k].end > n)
            return TT_EINVAL;
    if ((st = work_init(scr, a, text, o, &m, &sc)) != TT_OK)
        return st;
    for (size_t k = 0; k < nt; k++)
        if ((st = emit(sc, toks[k].start, toks[k].end, toks[k].kind, toks[k].flags)) != TT_OK)
            return st;
    m->u = scr->units;
    m->nu = sc->nu;
    return match_units(m, out);
}

/* A keyed unit: the unit as emit_token and key_unit make it, but for its key id, and where its
 * key lies in tt_ac_keyed.keys (klen TT_AC_MAX_SYL + 1: too long to be a key). */
typedef struct {
    unit u;
    uint32_t koff, klen;
    uint32_t first; /* the first unit of the text with the same key (itself when none before) */
    uint64_t h;
} keyed_unit;

void tt_ac_keyed_free(tt_ac_keyed *k)
{
    free(k->units);
    free(k->keys);
    free(k->seen);
    memset(k, 0, sizeof *k);
}

tt_status tt_ac_key_tokens(const tt_cp *text, size_t n, const tt_token *toks, size_t nt, tt_ac_keyed *k)
{
    tt_status st;
    if (k == NULL || (text == NULL && n > 0) || (toks == NULL && nt > 0))
        return TT_EINVAL;
    k->nu = k->keys_n = 0;
    size_t nkeys = 0;
    for (size_t t = 0; t < nt; t++) {
        if (toks[t].start > toks[t].end || toks[t].end > n)
            return TT_EINVAL;
        nkeys += toks[t].end - toks[t].start;
    }
    if ((st = tt_grow(&k->units, &k->units_cap, 0, nt ? nt : 1, sizeof(keyed_unit))) != TT_OK
        || (st = tt_grow((void **)&k->keys, &k->keys_cap, 0, nkeys ? nkeys : 1, sizeof *k->keys)) != TT_OK)
        return st;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
    if (U_FAILURE(err))
        return TT_EICU;
    /* a text repeats most of its words: each distinct key is looked up in an automaton once */
    size_t cap = 64;
    while (cap < 2 * nt)
        cap *= 2;
    if ((st = tt_grow((void **)&k->seen, &k->seen_cap, 0, cap, sizeof *k->seen)) != TT_OK)
        return st;
    memset(k->seen, 0, cap * sizeof *k->seen);
    keyed_unit *ku = k->units;
    int pending_break = 0;
    for (size_t t = 0; t < nt; t++) {
        const tt_token *tk = &toks[t];
        if (tk->flags & TT_TF_NEWLINE_BEFORE)
            pending_break = 1;
        if (is_hyphen(text, tk))
            continue;
        keyed_unit *x = &ku[k->nu++];
        size_t len = tk->end - tk->start;
        x->u.start = tk->start;
        x->u.end = tk->end;
        x->u.tok = (uint32_t)t;
        x->u.syl = TT_AC_NONE;
        x->u.bits = (uint8_t)((pending_break ? U_BREAK : 0) | (tk->kind == TT_TOK_WORD ? U_WORD : 0));
        pending_break = 0;
        x->first = (uint32_t)(k->nu - 1);
        if (len > TT_AC_MAX_SYL) {
            x->koff = 0;
            x->klen = TT_AC_MAX_SYL + 1;
            x->h = 0;
            continue;
        }
        const tt_cp *c = text + tk->start;
        tt_cp *key = k->keys + k->keys_n;
        int diac = 0;
        for (size_t i = 0; i < len; i++)
            key[i] = key_cp(nfd, c[i], &diac);
        x->koff = (uint32_t)k->keys_n;
        x->klen = (uint32_t)len;
        x->h = hash_cps(key, len);
        for (size_t i = syl_slot(x->h, cap - 1);; i = (i + 1) & (cap - 1)) {
            if (k->seen[i] == 0) {
                k->seen[i] = x->first + 1;
                k->keys_n += len; /* a new key: kept */
                break;
            }
            const keyed_unit *y = &ku[k->seen[i] - 1];
            if (y->h == x->h && y->klen == len && memcmp(k->keys + y->koff, key, len * sizeof *key) == 0) {
                x->first = y->first;
                x->koff = y->koff; /* the key's first copy; this one is dropped */
                break;
            }
        }
        if (diac)
            x->u.bits |= U_DIAC;
        if (len > 0 && case_of(c[0]) == 1)
            x->u.bits |= U_CAP;
    }
    return TT_OK;
}

tt_status tt_ac_match_keyed(const tt_automaton *a, const tt_cp *text, size_t n, const tt_ac_keyed *k, int lines,
                            const tt_ac_opts *o, tt_ac_scratch *scr, tt_ac_matchbuf *out)
{
    tt_status st;
    matcher *m;
    scanner *sc;
    if (a == NULL || k == NULL || o == NULL || scr == NULL || out == NULL || (text == NULL && n > 0))
        return TT_EINVAL;
    if ((st = work_init(scr, a, text, o, &m, &sc)) != TT_OK)
        return st;
    if (k->nu > scr->units_cap && (st = units_reserve(scr, 0, k->nu)) != TT_OK)
        return st;
    const keyed_unit *ku = k->units;
    unit *u = scr->units;
    uint8_t keep = (uint8_t)(lines ? 0xFF : ~U_BREAK);
    for (size_t i = 0; i < k->nu; i++) {
        u[i] = ku[i].u;
        u[i].bits &= keep;
        if (ku[i].first < i)
            u[i].syl = u[ku[i].first].syl;
        else if (ku[i].klen <= TT_AC_MAX_SYL && a->nsyl > 0)
            u[i].syl = syl_find(a->pool, a->syl_off, a->stab, a->stab_cap, k->keys + ku[i].koff, ku[i].klen, ku[i].h);
    }
    m->u = scr->units;
    m->nu = k->nu;
    return match_units(m, out);
}

tt_status tt_ac_find(const tt_automaton *a, const tt_cp *text, size_t n, const tt_ac_opts *o,
                     tt_ac_scratch *scr, tt_ac_matchbuf *out)
{
    tt_status st;
    matcher *m;
    scanner *sc;
    if (a == NULL || o == NULL || scr == NULL || out == NULL || (text == NULL && n > 0))
        return TT_EINVAL;
    if (n > TT_MAX_LEN)
        return TT_ETOOLONG;
    const tt_norm_opts no = {TT_TONE_HOA, 1};
    const tt_cp *s = text;
    const tt_off *map = NULL;
    size_t first = out->n;
    if (tt_normalize_scan_u32(text, n, &no) != n) {
        scr->norm.n = scr->map.n = 0;
        if ((st = tt_normalize(text, n, &no, &scr->norm, &scr->map, NULL)) != TT_OK)
            return st;
        s = scr->norm.v;
        n = scr->norm.n;
        map = scr->map.v;
    }
    if ((st = work_init(scr, a, s, o, &m, &sc)) != TT_OK)
        return st;
    if ((st = scan(sc, n)) != TT_OK)
        return st;
    m->u = scr->units;
    m->nu = sc->nu;
    if ((st = match_units(m, out)) != TT_OK)
        return st;
    if (map != NULL)
        for (size_t k = first; k < out->n; k++) {
            out->v[k].start = map[out->v[k].start];
            out->v[k].end = map[out->v[k].end];
        }
    return TT_OK;
}
