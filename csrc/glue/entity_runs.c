/* Binding of the entity rules' pass (core/entity_runs.h) for tintuc.entities.
 *
 *   entity_lexicon(phrases, bits) -> capsule
 *       phrases: one list of str per role of core/entity_runs.h (TT_ER_NROLES lists), lower
 *       case, words joined by one space; bits: (start_bit, end_bit) of the eight cue roles.
 *   entity_names(lexicon, doc) -> bytes (start, end uint32 pairs)
 *   entity_spans(lexicon, doc, names, name_ent) -> bytes ("<IIII" records: start, end, ref,
 *       label + 4 * source)
 *       doc: (shape, cue_roles, flags, norm, nstart, nend, word_first, sent_first, matches,
 *       form_ent, form_info, surname_flag, viet_flag), the CoreDoc arrays (matches as
 *       csrc/glue/analyze.c lays them out), the gazetteer's int32 entity of each form and one
 *       byte of label and flags per form; names the bytes entity_names gave, name_ent an int32
 *       per name: the listed entity whose id is the name's, or -1.
 * Lower case is Python's: a phrase matches tokens whose str.lower() joined by spaces is it. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/entity_runs.h"

#define CAPSULE_NAME "tintuc._core.entity_lexicon"
#define DOC_FIELDS 13
#define NBUF 7

/* str.lower() of one code point where it is one code point whatever the context: İ lowers to
 * two and Σ by what surrounds it, and no phrase may hold what they give (see below). */
static tt_cp py_lower(tt_cp c)
{
    if (c == 0x130 || c == 0x3A3)
        return 0;
    return (tt_cp)Py_UNICODE_TOLOWER((Py_UCS4)c);
}

static void lexicon_destroy(PyObject *capsule)
{
    tt_er_lexicon_free(PyCapsule_GetPointer(capsule, CAPSULE_NAME));
}

static PyObject *py_entity_lexicon(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    tt_er_lexicon *lex = NULL;
    PyObject *res = NULL;
    tt_status st;
    if (nargs != 2 || !PyList_Check(args[0]) || PyList_GET_SIZE(args[0]) != TT_ER_NROLES
        || !PyList_Check(args[1]) || PyList_GET_SIZE(args[1]) != TT_ER_CUE_ROLES) {
        PyErr_Format(PyExc_TypeError, "entity_lexicon() takes a list of %d lists of phrases and a list of %d bit pairs",
                     TT_ER_NROLES, TT_ER_CUE_ROLES);
        return NULL;
    }
    if ((st = tt_er_lexicon_new(&lex)) != TT_OK)
        return tt_raise_status(st, "entity_lexicon");
    for (Py_ssize_t r = 0; r < TT_ER_NROLES; r++) {
        PyObject *list = PyList_GET_ITEM(args[0], r);
        if (!PyList_Check(list)) {
            PyErr_SetString(PyExc_TypeError, "entity_lexicon(): the phrases of a role must be a list");
            goto done;
        }
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(list); i++) {
            tt_u32 u;
            if (tt_u32_from_str(PyList_GET_ITEM(list, i), "a phrase", &u) < 0)
                goto done;
            for (size_t j = 0; j < u.n; j++)
                if (u.cp[j] == 0x3C3 || u.cp[j] == 0x3C2 || u.cp[j] == 0x307) {
                    tt_u32_free(&u);
                    PyErr_SetString(PyExc_ValueError, "entity_lexicon(): a phrase holds σ, ς or U+0307");
                    goto done;
                }
            st = tt_er_lexicon_add(lex, u.cp, u.n, (unsigned)r);
            tt_u32_free(&u);
            if (st != TT_OK) {
                tt_raise_status(st, "entity_lexicon");
                goto done;
            }
        }
    }
    for (Py_ssize_t r = 0; r < TT_ER_CUE_ROLES; r++) {
        unsigned long start, end;
        PyObject *pair = PyList_GET_ITEM(args[1], r);
        if (!PyArg_ParseTuple(pair, "kk", &start, &end))
            goto done;
        if ((st = tt_er_lexicon_bits(lex, (unsigned)r, (uint32_t)start, (uint32_t)end)) != TT_OK) {
            tt_raise_status(st, "entity_lexicon");
            goto done;
        }
    }
    if ((st = tt_er_lexicon_finish(lex, py_lower)) != TT_OK) {
        tt_raise_status(st, "entity_lexicon");
        goto done;
    }
    if ((res = PyCapsule_New(lex, CAPSULE_NAME, lexicon_destroy)) != NULL)
        lex = NULL;
done:
    tt_er_lexicon_free(lex);
    return res;
}

/* The views and copies a document's arrays are read through. */
typedef struct {
    tt_er_doc d;
    Py_buffer buf[NBUF];
    int nbuf;
    tt_er_match *matches;
} doc_view;

static void view_release(doc_view *v)
{
    for (int k = 0; k < v->nbuf; k++)
        PyBuffer_Release(&v->buf[k]);
    v->nbuf = 0;
    free(v->matches);
    v->matches = NULL;
}

/* A buffer of n items of size bytes each (n = -1: any whole number of them). */
static const void *buffer_of(doc_view *v, PyObject *obj, size_t size, Py_ssize_t n, size_t *count, const char *what)
{
    Py_buffer *b = &v->buf[v->nbuf];
    if (PyObject_GetBuffer(obj, b, PyBUF_SIMPLE) < 0)
        return NULL;
    v->nbuf++;
    if ((size_t)b->len % size != 0 || (n >= 0 && (size_t)b->len / size != (size_t)n)) {
        PyErr_Format(PyExc_ValueError, "entity rules: %s has %zd bytes", what, b->len);
        return NULL;
    }
    if (count != NULL)
        *count = (size_t)b->len / size;
    return b->buf;
}

/* a gazetteer match as csrc/glue/analyze.c lays it out ("<qIIIIIBBBx") */
typedef struct {
    int64_t value;
    uint32_t tok_start, tok_end, start, end, flags;
    uint8_t kind, tied, folded, pad;
} match_rec;

static int view_of(doc_view *v, PyObject *doc)
{
    memset(v, 0, sizeof *v);
    if (!PyTuple_Check(doc) || PyTuple_GET_SIZE(doc) != DOC_FIELDS) {
        PyErr_Format(PyExc_TypeError, "entity rules: a document is a tuple of %d arrays", DOC_FIELDS);
        return -1;
    }
    PyObject *const *f = &PyTuple_GET_ITEM(doc, 0);
    tt_er_doc *d = &v->d;
    if (!PyUnicode_Check(f[0]) || !PyUnicode_IS_ASCII(f[0]) || !PyUnicode_Check(f[3])) {
        PyErr_SetString(PyExc_TypeError, "entity rules: shape must be an ASCII str and norm a str");
        return -1;
    }
    d->n = (size_t)PyUnicode_GET_LENGTH(f[0]);
    d->shape = (const char *)PyUnicode_DATA(f[0]);
    Py_ssize_t n = (Py_ssize_t)d->n;
    d->text = PyUnicode_DATA(f[3]);
    d->width = PyUnicode_KIND(f[3]);
    d->text_len = (size_t)PyUnicode_GET_LENGTH(f[3]);
    size_t nmatch, nforms;
    const match_rec *m;
    if ((d->roles = buffer_of(v, f[1], 4, n, NULL, "cue_roles")) == NULL
        || (d->flags = buffer_of(v, f[2], 1, n, NULL, "flags")) == NULL
        || (d->nstart = buffer_of(v, f[4], 4, n, NULL, "nstart")) == NULL
        || (d->nend = buffer_of(v, f[5], 4, n, NULL, "nend")) == NULL
        || (d->word_first = buffer_of(v, f[6], 4, -1, &d->nwords, "word_first")) == NULL
        || (d->sent_first = buffer_of(v, f[7], 4, -1, &d->nsent, "sent_first")) == NULL
        || (m = buffer_of(v, f[8], sizeof(match_rec), -1, &nmatch, "matches")) == NULL)
        return -1;
    /* the arrays of the gazetteer's forms: bytes, which stay put while the tuple lives */
    if (!PyBytes_Check(f[9]) || !PyBytes_Check(f[10])) {
        PyErr_SetString(PyExc_TypeError, "entity rules: the form tables must be bytes");
        return -1;
    }
    nforms = (size_t)PyBytes_GET_SIZE(f[10]);
    if ((size_t)PyBytes_GET_SIZE(f[9]) != 4 * nforms) {
        PyErr_SetString(PyExc_ValueError, "entity rules: the form tables differ in length");
        return -1;
    }
    d->form_ent = (const uint32_t *)PyBytes_AS_STRING(f[9]);
    d->form_info = (const uint8_t *)PyBytes_AS_STRING(f[10]);
    d->nforms = nforms;
    unsigned long sflag = PyLong_AsUnsignedLong(f[11]), vflag = PyLong_AsUnsignedLong(f[12]);
    if (PyErr_Occurred())
        return -1;
    d->surname_flag = (uint32_t)sflag;
    d->viet_flag = (uint32_t)vflag;
    if ((v->matches = malloc((nmatch ? nmatch : 1) * sizeof *v->matches)) == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (size_t k = 0; k < nmatch; k++) {
        match_rec r;
        memcpy(&r, &m[k], sizeof r);
        if (r.value < 0 || (uint64_t)r.value >= nforms) {
            PyErr_SetString(PyExc_ValueError, "entity rules: a match names a form the gazetteer lacks");
            return -1;
        }
        v->matches[k] = (tt_er_match){(uint32_t)r.value, r.tok_start, r.tok_end, r.flags, r.tied};
    }
    d->matches = v->matches;
    d->nmatches = nmatch;
    return 0;
}

static const tt_er_lexicon *lexicon_of(PyObject *obj)
{
    if (!PyCapsule_IsValid(obj, CAPSULE_NAME)) {
        PyErr_SetString(PyExc_TypeError, "entity rules: the lexicon must be what entity_lexicon() made");
        return NULL;
    }
    return PyCapsule_GetPointer(obj, CAPSULE_NAME);
}

static PyObject *py_entity_names(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    doc_view v;
    tt_er_work w;
    PyObject *res = NULL;
    uint32_t *out = NULL;
    tt_er_work_init(&w);
    memset(&v, 0, sizeof v);
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "entity_names() takes a lexicon and a document");
        return NULL;
    }
    const tt_er_lexicon *lex = lexicon_of(args[0]);
    if (lex == NULL || view_of(&v, args[1]) < 0)
        goto done;
    tt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = tt_er_names(lex, &v.d, &w);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        tt_raise_status(st, "entity_names");
        goto done;
    }
    if ((out = malloc((2 * w.nspans + 1) * sizeof *out)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t k = 0; k < w.nspans; k++) {
        out[2 * k] = w.spans[k].start;
        out[2 * k + 1] = w.spans[k].end;
    }
    res = PyBytes_FromStringAndSize((const char *)out, (Py_ssize_t)(2 * w.nspans * sizeof *out));
done:
    free(out);
    view_release(&v);
    tt_er_work_free(&w);
    return res;
}

static PyObject *py_entity_spans(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    doc_view v;
    tt_er_work w;
    PyObject *res = NULL;
    uint32_t *out = NULL;
    tt_er_work_init(&w);
    memset(&v, 0, sizeof v);
    if (nargs != 4 || !PyBytes_Check(args[2]) || !PyBytes_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "entity_spans() takes a lexicon, a document, and names and their entities as bytes");
        return NULL;
    }
    size_t nnames = (size_t)PyBytes_GET_SIZE(args[2]) / 8;
    if ((size_t)PyBytes_GET_SIZE(args[2]) != 8 * nnames || (size_t)PyBytes_GET_SIZE(args[3]) != 4 * nnames) {
        PyErr_SetString(PyExc_ValueError, "entity_spans(): names and name_ent differ in length");
        return NULL;
    }
    const uint32_t *names = (const uint32_t *)PyBytes_AS_STRING(args[2]);
    const int32_t *name_ent = (const int32_t *)PyBytes_AS_STRING(args[3]);
    const tt_er_lexicon *lex = lexicon_of(args[0]);
    if (lex == NULL || view_of(&v, args[1]) < 0)
        goto done;
    tt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = tt_er_spans(lex, &v.d, names, name_ent, nnames, &w);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        tt_raise_status(st, "entity_spans");
        goto done;
    }
    if ((out = malloc((4 * w.nspans + 1) * sizeof *out)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t k = 0; k < w.nspans; k++) {
        const tt_er_span *s = &w.spans[k];
        out[4 * k] = s->start;
        out[4 * k + 1] = s->end;
        out[4 * k + 2] = s->ref;
        out[4 * k + 3] = s->label + 4u * s->source;
    }
    res = PyBytes_FromStringAndSize((const char *)out, (Py_ssize_t)(4 * w.nspans * sizeof *out));
done:
    free(out);
    view_release(&v);
    tt_er_work_free(&w);
    return res;
}

PyMethodDef tt_entity_runs_methods[] = {
    {"entity_lexicon", (PyCFunction)(void (*)(void))py_entity_lexicon, METH_FASTCALL,
     "entity_lexicon($module, phrases, bits, /)\n--\n\n"
     "The entity rules' phrases by role, compiled (see csrc/glue/entity_runs.c)."},
    {"entity_names", (PyCFunction)(void (*)(void))py_entity_names, METH_FASTCALL,
     "entity_names($module, lexicon, doc, /)\n--\n\n"
     "Vietnamese personal names of a document: uint32 (start, end) token pairs as bytes."},
    {"entity_spans", (PyCFunction)(void (*)(void))py_entity_spans, METH_FASTCALL,
     "entity_spans($module, lexicon, doc, names, name_ent, /)\n--\n\n"
     "Every entity span of a document: '<IIII' records (start, end, ref, label + 4 * source)."},
    {NULL, NULL, 0, NULL},
};
