/* Batch entry points of the core pipeline: many texts in one call, the GIL released.
 *
 * analyze_batch returns, for each text, the arrays the Python layer builds documents from
 * (a missing value, None or NaN, comes back as it is):
 *   (norm, align, nstart, nend, ostart, oend, kinds, flags, sentences, words, matches, shape,
 *    cue_roles, cue_hits)
 * norm is the normalized text (the input itself when unchanged); align is None when unchanged,
 * else len(norm) + 1 uint32 offsets into the original; nstart/nend are token spans in norm and
 * ostart/oend in the original (the same objects when norm is the input); kinds and flags one byte per token; sentences and words the
 * index of the first token of each; every uint32 array is a U32Array (u32array.c), which the
 * cyclic collector does not track; matches the gazetteer matches over
 * the tokens (records laid out as match_rec; empty without an automaton); shape one ASCII
 * character per token (see shape_of); cue_roles (one uint32 per token) and cue_hits (a tuple
 * of TT_CUE_MAX_GROUPS bytes, the hits of group g at index g, records laid out as tt_cue_hit,
 * struct format "<IIII") what the cue lexicon found (core/cues.h), both None without one.
 * With lower=True a 15th item follows: norm as str.lower() gives it, made here without the GIL,
 * or None when norm holds "İ" or "Σ" (the two letters whose lower case str.lower() does not
 * give one code point at a time: the caller lowers those texts itself). */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/automaton.h"
#include "../core/cues.h"
#include "../core/pipeline.h"

/* Documents run between two builds of their Python results: few, so that what a document's
 * results are built from is still in the core's cache (from 64 to 8: 5% less time). */
#define CHUNK_DOCS 8
#define CHUNK_CPS (4u << 20)

typedef struct {
    tt_batch_text text;
    tt_cpbuf wide; /* the text as code points, reused from one document to the next */
    tt_doc doc;
    tt_ac_keyed keyed;      /* doc's tokens keyed once for the gazetteer and the cue lexicon */
    tt_ac_matchbuf matches; /* gazetteer matches over doc's tokens */
    tt_ac_scratch ac_scratch;
    tt_cue_work cues; /* the cue lexicon's roles and hits over doc's tokens */
    void *low;        /* doc's normalized text lower-cased (stages.lower), low_kind bytes a code point */
    size_t low_cap;
    int low_state;    /* LOW_* */
    int low_kind;
    tt_cp low_max;
} item;

enum { LOW_NONE, LOW_SAME, LOW_CHANGED };

/* What every document of a batch goes through. */
typedef struct {
    tt_norm_opts norm;
    const tt_segmenter *seg;   /* NULL: no segmentation */
    const tt_automaton *ac;    /* NULL: no gazetteer matching */
    tt_ac_opts ac_opts;
    const tt_automaton *cues;  /* NULL: no cue pass (core/cues.h) */
    int underscores;           /* word_tokenize_batch: syllables of a word joined by "_" */
    int lower;                 /* analyze_batch: norm lower-cased too */
    PyTypeObject *u32;         /* analyze_batch: the U32Array type its uint32 arrays are made of */
} stages;

static void item_free(void *op)
{
    item *it = op;
    tt_cpbuf_free(&it->wide);
    tt_doc_free(&it->doc);
    tt_ac_keyed_free(&it->keyed);
    tt_ac_matchbuf_free(&it->matches);
    tt_ac_scratch_free(&it->ac_scratch);
    tt_cue_work_free(&it->cues);
    free(it->low);
}

/* The lower case of each BMP code point as Py_UNICODE_TOLOWER gives it (0: above the BMP),
 * made once under the GIL: the per-code-point call is what made lowering here slower than
 * str.lower(). */
static uint16_t *low_bmp;

static int low_table_ready(void)
{
    if (low_bmp != NULL)
        return 0;
    uint16_t *t = malloc(0x10000 * sizeof *t);
    if (t == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_UCS4 c = 0; c < 0x10000; c++) {
        Py_UCS4 l = Py_UNICODE_TOLOWER(c);
        t[c] = l < 0x10000 ? (uint16_t)l : 0;
    }
    low_bmp = t;
    return 0;
}

static inline tt_cp lower_of(tt_cp c)
{
    if (c < 0x10000) {
        uint16_t l = low_bmp[c];
        if (l != 0 || c == 0)
            return l;
    }
    return (tt_cp)Py_UNICODE_TOLOWER((Py_UCS4)c);
}

/* it->low: the normalized text as str.lower() lowers it, laid out as the str will hold it.
 * Py_UNICODE_TOLOWER reads static tables only, so it runs without the GIL; it is str.lower()'s
 * mapping for every code point but İ (two code points) and Σ (ς or σ by what surrounds it). */
static tt_status lower_norm(item *it)
{
    const tt_cpbuf *norm = &it->doc.norm;
    size_t n = norm->n;
    it->low_state = LOW_NONE;
    if (n + 1 > it->low_cap) {
        void *p = realloc(it->low, (n + 1) * sizeof(tt_cp));
        if (p == NULL)
            return TT_ENOMEM;
        it->low = p;
        it->low_cap = n + 1;
    }
    /* the code points first, four bytes each; then narrowed in place to the str's kind */
    tt_cp *w = it->low, max = 0;
    int changed = 0, other = 0;
    /* no branch on the letters: ASCII and Vietnamese ones alternate too often to guess */
    for (size_t i = 0; i < n; i++) {
        tt_cp c = norm->v[i], l = lower_of(c);
        other |= (c == 0x130) | (c == 0x3A3);
        changed |= l != c;
        max |= l;
        w[i] = l;
    }
    if (other)
        return TT_OK;
    if (!changed) {
        it->low_state = LOW_SAME;
        return TT_OK;
    }
    /* max holds every bit any code point has: below 0x80, 0x100 or 0x10000 exactly when
     * the largest one is */
    it->low_kind = max < 0x100 ? 1 : max < 0x10000 ? 2 : 4;
    it->low_max = max < 0x80 ? 0x7F : max < 0x100 ? 0xFF : max < 0x10000 ? 0xFFFF : 0x10FFFF;
    if (it->low_kind == 1) {
        uint8_t *o = it->low;
        for (size_t i = 0; i < n; i++)
            o[i] = (uint8_t)w[i];
    } else if (it->low_kind == 2) {
        uint16_t *o = it->low;
        for (size_t i = 0; i < n; i++)
            o[i] = (uint16_t)w[i];
    }
    it->low_state = LOW_CHANGED;
    return TT_OK;
}

/* The str of it->low. */
static PyObject *low_str(const item *it, size_t n)
{
    PyObject *s = PyUnicode_New((Py_ssize_t)n, (Py_UCS4)it->low_max);
    if (s != NULL && n > 0)
        memcpy(PyUnicode_DATA(s), it->low, n * (size_t)it->low_kind);
    return s;
}

static void run_item(void *op, const void *ctx)
{
    item *it = op;
    const stages *sg = ctx;
    tt_batch_text *t = &it->text;
    it->matches.n = 0;
    it->wide.n = 0;
    if ((t->st = tt_cpbuf_reserve(&it->wide, t->n + 1)) != TT_OK)
        return;
    tt_cp *wide = it->wide.v;
    if (t->kind == PyUnicode_1BYTE_KIND) {
        const uint8_t *s = t->data;
        for (size_t i = 0; i < t->n; i++)
            wide[i] = s[i];
    } else if (t->kind == PyUnicode_2BYTE_KIND) {
        const uint16_t *s = t->data;
        for (size_t i = 0; i < t->n; i++)
            wide[i] = s[i];
    } else {
        memcpy(wide, t->data, t->n * sizeof *wide);
    }
    t->st = tt_doc_run(&it->doc, wide, t->n, &sg->norm, sg->seg);
    if (t->st == TT_OK && (sg->ac != NULL || sg->cues != NULL))
        t->st = tt_ac_key_tokens(it->doc.norm.v, it->doc.norm.n, it->doc.tokens.v, it->doc.tokens.n, &it->keyed);
    if (t->st == TT_OK && sg->ac != NULL) {
        tt_ac_opts o = sg->ac_opts;
        o.joins = it->doc.joins;    /* the words of this text, for names headed in lower case */
        t->st = tt_ac_match_keyed(sg->ac, it->doc.norm.v, it->doc.norm.n, &it->keyed, 1, &o, &it->ac_scratch,
                                  &it->matches);
    }
    if (t->st == TT_OK && sg->cues != NULL)
        t->st = tt_cue_run_keyed(sg->cues, &it->doc, &it->keyed, &it->cues);
    if (t->st == TT_OK && sg->lower)
        t->st = lower_norm(it);
}

static PyObject *bytes_of(const void *p, size_t n)
{
    return PyBytes_FromStringAndSize(n ? (const char *)p : "", (Py_ssize_t)n);
}

/* A gazetteer match as the Python layer reads it (struct format "<qIIIIIBBBx"). */
typedef struct {
    int64_t value;
    uint32_t tok_start, tok_end, start, end; /* start/end in the original text */
    uint32_t flags;
    uint8_t kind, tied, folded, pad;
} match_rec;
_Static_assert(sizeof(match_rec) == 32, "match_rec must be 32 bytes, as the Python layer reads it");

static PyObject *matches_of(const tt_doc *d, const tt_ac_matchbuf *m)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(m->n * sizeof(match_rec)));
    if (b == NULL)
        return NULL;
    match_rec *out = (match_rec *)PyBytes_AS_STRING(b);
    for (size_t k = 0; k < m->n; k++) {
        const tt_ac_match *r = &m->v[k];
        match_rec rec = {r->value, r->tok_start, r->tok_end, d->map.v[r->start], d->map.v[r->end], r->flags,
                         r->kind, r->tied, r->folded, 0};
        memcpy(&out[k], &rec, sizeof rec);
    }
    return b;
}

/* One character per token for the rules that read token patterns with regular expressions:
 * a word is 'A' in capitals, 'C' capitalized, 'l' otherwise; a hyphen written tight between
 * two tokens is 'h'; other ASCII punctuation stands for itself, other punctuation is 'p';
 * 'n' a number, 'd' a date, 's' a symbol, 'u' a URL or e-mail address. */
static PyObject *shape_of(const tt_doc *d)
{
    size_t nt = d->tokens.n;
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)nt);
    if (b == NULL)
        return NULL;
    char *out = PyBytes_AS_STRING(b);
    const tt_token *t = d->tokens.v;
    for (size_t k = 0; k < nt; k++) {
        char c;
        tt_cp first = d->norm.v[t[k].start];
        switch (t[k].kind) {
        case TT_TOK_WORD:
            c = (t[k].flags & TT_TF_ALL_UPPER) ? 'A' : (t[k].flags & TT_TF_UPPER_INITIAL) ? 'C' : 'l';
            break;
        case TT_TOK_NUMBER: c = 'n'; break;
        case TT_TOK_DATE: c = 'd'; break;
        case TT_TOK_URL: case TT_TOK_EMAIL: c = 'u'; break;
        case TT_TOK_PUNCT:
            if (first == '-' && t[k].end - t[k].start == 1 && !(t[k].flags & TT_TF_SPACE_BEFORE) && k + 1 < nt
                && !(t[k + 1].flags & TT_TF_SPACE_BEFORE))
                c = 'h';
            else if (first < 0x80 && t[k].end - t[k].start == 1)
                c = (char)first;
            else
                c = 'p';
            break;
        default: c = 's'; break;
        }
        out[k] = c;
    }
    return b;
}

_Static_assert(sizeof(tt_cue_hit) == 16, "tt_cue_hit must be 16 bytes, as the Python layer reads it");

/* A bytes object of n bytes to be filled in; *p is its buffer. */
static PyObject *bytes_new(size_t n, void **p)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)n);
    if (b != NULL)
        *p = PyBytes_AS_STRING(b);
    return b;
}

static PyObject *result_of(PyObject *text, const tt_doc *d, const tt_ac_matchbuf *m, const tt_cue_work *cues,
                           const item *low, PyTypeObject *u32)
{
    size_t nt = d->tokens.n;
    PyObject *norm = NULL, *align = NULL, *res = NULL, *mb = NULL, *shape = NULL, *roles = NULL, *hits = NULL;
    PyObject *lowered = NULL;
    PyObject *arr[8] = {NULL};
    uint32_t *ns, *ne, *os, *oe;
    uint8_t *kinds, *flags;
    if (d->changed) {
        norm = tt_str_from_u32(d->norm.v, d->norm.n);
        align = tt_u32array_from(u32, d->map.v, d->map.n);
    } else {
        norm = Py_NewRef(text);
        align = Py_NewRef(Py_None);
    }
    if (norm == NULL || align == NULL)
        goto done;
    /* the token arrays written straight into their objects; a text the core left as it was
     * (most news) has the same spans in both, so one pair of (immutable) arrays serves */
    if ((arr[0] = tt_u32array_new(u32, nt, &ns)) == NULL || (arr[1] = tt_u32array_new(u32, nt, &ne)) == NULL
        || (arr[4] = bytes_new(nt, (void **)&kinds)) == NULL || (arr[5] = bytes_new(nt, (void **)&flags)) == NULL)
        goto done;
    if (d->changed) {
        if ((arr[2] = tt_u32array_new(u32, nt, &os)) == NULL || (arr[3] = tt_u32array_new(u32, nt, &oe)) == NULL)
            goto done;
    } else {
        arr[2] = Py_NewRef(arr[0]);
        arr[3] = Py_NewRef(arr[1]);
        os = oe = NULL;
    }
    for (size_t k = 0; k < nt; k++) {
        const tt_token *t = &d->tokens.v[k];
        ns[k] = t->start;
        ne[k] = t->end;
        kinds[k] = t->kind;
        flags[k] = t->flags;
    }
    if (os != NULL)
        for (size_t k = 0; k < nt; k++) {
            os[k] = d->map.v[ns[k]];
            oe[k] = d->map.v[ne[k]];
        }
    if ((arr[6] = tt_u32array_from(u32, d->sent.v, d->sent.n)) == NULL)
        goto done;
    if ((arr[7] = tt_u32array_from(u32, d->words.v, d->words.n)) == NULL)
        goto done;
    if ((mb = matches_of(d, m)) == NULL || (shape = shape_of(d)) == NULL)
        goto done;
    if (cues == NULL) {
        roles = Py_NewRef(Py_None);
        hits = Py_NewRef(Py_None);
    } else {
        if ((roles = tt_u32array_from(u32, cues->roles, nt)) == NULL
            || (hits = PyTuple_New(TT_CUE_MAX_GROUPS)) == NULL)
            goto done;
        for (size_t g = 0; g < TT_CUE_MAX_GROUPS; g++) {
            size_t a = cues->group[g], b = cues->group[g + 1];
            PyObject *part = bytes_of(cues->hits + a, (b - a) * sizeof *cues->hits);
            if (part == NULL)
                goto done;
            PyTuple_SET_ITEM(hits, (Py_ssize_t)g, part);
        }
    }
    if (low != NULL) {
        lowered = low->low_state == LOW_SAME      ? Py_NewRef(norm)
                  : low->low_state == LOW_CHANGED ? low_str(low, d->norm.n)
                                                  : Py_NewRef(Py_None);
        if (lowered == NULL)
            goto done;
        res = PyTuple_Pack(15, norm, align, arr[0], arr[1], arr[2], arr[3], arr[4], arr[5], arr[6], arr[7], mb, shape,
                           roles, hits, lowered);
    } else {
        res = PyTuple_Pack(14, norm, align, arr[0], arr[1], arr[2], arr[3], arr[4], arr[5], arr[6], arr[7], mb, shape,
                           roles, hits);
    }
done:
    Py_XDECREF(lowered);
    Py_XDECREF(norm);
    Py_XDECREF(align);
    Py_XDECREF(mb);
    Py_XDECREF(shape);
    Py_XDECREF(roles);
    Py_XDECREF(hits);
    for (int a = 0; a < 8; a++)
        Py_XDECREF(arr[a]);
    return res;
}

static PyObject *arrays_of(PyObject *text, void *op, const void *ctx)
{
    const item *it = op;
    const stages *sg = ctx;
    return result_of(text, &it->doc, &it->matches, sg->cues != NULL ? &it->cues : NULL, sg->lower ? it : NULL, sg->u32);
}

static const tt_batch_ops analyze_ops = {sizeof(item), CHUNK_DOCS, CHUNK_CPS, run_item, arrays_of, item_free};

static const char *const kw_names[] = {"segmenter", "automaton", "fold", "typos", "capitals", "tone", "fold_punct",
                                       "cues", "lower", NULL};

/* The stages of analyze_batch and analyze_run from their keyword arguments (kw_names). */
static int stages_from(PyObject *mod, PyObject *const *kw, stages *sg)
{
    *sg = (stages){.seg = NULL, .ac = NULL, .ac_opts = {0, 1, 1, 0, 0}, .cues = NULL,
                   .u32 = tt_get_state(mod)->u32array_type};
    if (tt_norm_opts_from(kw[5], kw[6], &sg->norm) < 0)
        return -1;
    if (kw[0] != NULL && kw[0] != Py_None && (sg->seg = tt_segmenter_of(mod, kw[0])) == NULL)
        return -1;
    if (kw[1] != NULL && kw[1] != Py_None && (sg->ac = tt_automaton_of(mod, kw[1])) == NULL)
        return -1;
    if (kw[7] != NULL && kw[7] != Py_None && (sg->cues = tt_automaton_of(mod, kw[7])) == NULL)
        return -1;
    int *opt[3] = {&sg->ac_opts.fold, &sg->ac_opts.typos, &sg->ac_opts.capitals};
    for (int k = 0; k < 3; k++)
        if (kw[2 + k] != NULL && (*opt[k] = PyObject_IsTrue(kw[2 + k])) < 0)
            return -1;
    if (kw[8] != NULL && (sg->lower = PyObject_IsTrue(kw[8])) < 0)
        return -1;
    if (sg->lower && low_table_ready() < 0)
        return -1;
    return 0;
}

static PyObject *py_analyze_batch(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *kw[9] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    stages sg;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "analyze_batch() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    /* the caller's references keep the segmenter and the automaton alive through the call */
    if (tt_parse_kwargs("analyze_batch", args + nargs, kwnames, kw_names, kw) < 0 || stages_from(mod, kw, &sg) < 0)
        return NULL;
    return tt_run_batch("analyze_batch", args[0], &analyze_ops, &sg);
}

static PyObject *py_analyze_run(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *kw[9] = {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    stages sg;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "analyze_run() takes exactly two positional arguments (%zd given)", nargs);
        return NULL;
    }
    int threads = PyLong_Check(args[1]) ? _PyLong_AsInt(args[1]) : -2;
    if (threads == -2 || (threads < 0 && !PyErr_Occurred())) {
        PyErr_SetString(PyExc_ValueError, "analyze_run(): threads must be an int of 0 or more");
        return NULL;
    }
    if (threads == -1 && PyErr_Occurred())
        return NULL;
    if (tt_parse_kwargs("analyze_run", args + nargs, kwnames, kw_names, kw) < 0 || stages_from(mod, kw, &sg) < 0)
        return NULL;
    /* the run keeps what the stages point into alive for as long as its threads read them */
    PyObject *keep = PyTuple_Pack(3, kw[0] != NULL ? kw[0] : Py_None, kw[1] != NULL ? kw[1] : Py_None,
                                  kw[7] != NULL ? kw[7] : Py_None);
    if (keep == NULL)
        return NULL;
    PyObject *run = tt_batch_run_new(mod, "analyze_run", args[0], &analyze_ops, &sg, sizeof sg, keep, threads);
    Py_DECREF(keep);
    return run;
}

/* The words of one document as a list of str (original slices), or, with underscores, as
 * one str: words separated by a space, the syllables of a word joined by "_". */
static PyObject *words_of(PyObject *text, void *op, const void *ctx)
{
    const tt_doc *d = &((const item *)op)->doc;
    int underscores = ((const stages *)ctx)->underscores;
    size_t nw = d->words.n, nt = d->tokens.n;
    if (!underscores) {
        PyObject *list = PyList_New((Py_ssize_t)nw);
        if (list == NULL)
            return NULL;
        for (size_t k = 0; k < nw; k++) {
            size_t a = d->words.v[k], b = k + 1 < nw ? d->words.v[k + 1] : nt;
            PyObject *w = PyUnicode_Substring(text, d->map.v[d->tokens.v[a].start], d->map.v[d->tokens.v[b - 1].end]);
            if (w == NULL) {
                Py_DECREF(list);
                return NULL;
            }
            PyList_SET_ITEM(list, (Py_ssize_t)k, w);
        }
        return list;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    size_t len = (size_t)PyUnicode_GET_LENGTH(text);
    tt_cp *buf = malloc((len + nt + 1) * sizeof *buf);
    if (buf == NULL)
        return PyErr_NoMemory();
    size_t m = 0;
    for (size_t k = 0; k < nw; k++) {
        size_t a = d->words.v[k], b = k + 1 < nw ? d->words.v[k + 1] : nt;
        if (k > 0)
            buf[m++] = ' ';
        for (size_t t = a; t < b; t++) {
            tt_off s = d->map.v[d->tokens.v[t].start], e = d->map.v[d->tokens.v[t].end];
            if (t > a && s > d->map.v[d->tokens.v[t - 1].end])
                buf[m++] = '_';
            for (tt_off i = s; i < e; i++)
                buf[m++] = PyUnicode_READ(kind, data, i);
        }
    }
    PyObject *res = tt_str_from_u32(buf, m);
    free(buf);
    return res;
}

static const tt_batch_ops words_ops = {sizeof(item), CHUNK_DOCS, CHUNK_CPS, run_item, words_of, item_free};

static const char *const wt_kw[] = {"segmenter", "underscores", NULL};

static PyObject *py_word_tokenize_batch(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *kw[2] = {NULL, NULL};
    stages sg = {.norm = {TT_TONE_HOA, 1}, .seg = NULL, .ac = NULL, .cues = NULL};
    int underscores = 0;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "word_tokenize_batch() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("word_tokenize_batch", args + nargs, kwnames, wt_kw, kw) < 0)
        return NULL;
    if (kw[0] != NULL && kw[0] != Py_None && (sg.seg = tt_segmenter_of(mod, kw[0])) == NULL)
        return NULL;
    if (kw[1] != NULL && (underscores = PyObject_IsTrue(kw[1])) < 0)
        return NULL;
    sg.underscores = underscores;
    return tt_run_batch("word_tokenize_batch", args[0], &words_ops, &sg);
}

PyMethodDef tt_analyze_methods[] = {
    {"word_tokenize_batch", (PyCFunction)(void (*)(void))py_word_tokenize_batch, METH_FASTCALL | METH_KEYWORDS,
     "word_tokenize_batch($module, texts, /, *, segmenter=None, underscores=False)\n--\n\n"
     "Words of each text (original slices), or one str per text with the syllables of a word\n"
     "joined by '_'; None and NaN pass through. The GIL is released over the batch."},
    {"analyze_batch", (PyCFunction)(void (*)(void))py_analyze_batch, METH_FASTCALL | METH_KEYWORDS,
     "analyze_batch($module, texts, /, *, segmenter=None, automaton=None, fold=True, typos=True,\n"
     "              capitals=False, tone='h\\xf2a', fold_punct=True, cues=None, lower=False)\n--\n\n"
     "The core pipeline (normalize, tokenize, sentences, words, gazetteer matches, and the\n"
     "cue lexicon's roles and hits when cues is an Automaton) over a batch, the GIL released.\n"
     "One tuple of arrays per text, None for a missing one (see csrc/glue/analyze.c)."},
    {"analyze_run", (PyCFunction)(void (*)(void))py_analyze_run, METH_FASTCALL | METH_KEYWORDS,
     "analyze_run($module, texts, threads, /, *, segmenter=None, automaton=None, fold=True,\n"
     "            typos=True, capitals=False, tone='h\\xf2a', fold_punct=True, cues=None, lower=False)\n--\n\n"
     "analyze_batch run by `threads` native threads in the background: a BatchRun whose\n"
     "take() gives (start, results) chunk by chunk, running a chunk in the calling thread\n"
     "when none is finished (see csrc/glue/batch_run.c)."},
    {NULL, NULL, 0, NULL},
};

/* The flags a cue lexicon's entries carry and the flags of its hits (core/cues.h), for
 * tintuc.cuelex, which builds the lexicon. */
int tt_analyze_constants_add(PyObject *module)
{
    if (PyModule_AddIntConstant(module, "CUE_NTOK_SHIFT", TT_CUE_NTOK_SHIFT) < 0
        || PyModule_AddIntConstant(module, "CUE_ROLE_SHIFT", TT_CUE_ROLE_SHIFT) < 0
        || PyModule_AddIntConstant(module, "CUE_MAX_ROLES", TT_CUE_MAX_ROLES) < 0
        || PyModule_AddIntConstant(module, "CUE_GROUP_SHIFT", TT_CUE_GROUP_SHIFT) < 0
        || PyModule_AddIntConstant(module, "CUE_MAX_GROUPS", TT_CUE_MAX_GROUPS) < 0
        || PyModule_AddIntConstant(module, "CUE_ONE_LINE", TT_CUE_ONE_LINE) < 0
        || PyModule_AddIntConstant(module, "CUE_WORDS", TT_CUE_WORDS) < 0)
        return -1;
    return 0;
}
