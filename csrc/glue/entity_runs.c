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
 *   entity_objects(lexicon, doc, text, ostart, oend, index, make) -> (entities, spans, pairs, marks)
 *       both passes and the Entity objects of the spans, in one call: text is the original,
 *       ostart/oend the tokens' offsets in it, index the gazetteer's id -> entity number, make
 *       (Entity, its slot descriptors, a dict caching a listed form's fields, fields_of(form,
 *       kind, forms), rule_id(label, name), the four labels, the last six fields of a
 *       rule-made entity); spans as entity_spans gives them, pairs and marks the uint32 indexes
 *       linking looks at (links_of).
 * Lower case is Python's: a phrase matches tokens whose str.lower() joined by spaces is it. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/entity_runs.h"

#define CAPSULE_NAME "tintuc._core.entity_lexicon"
#define DOC_FIELDS 13
#define NBUF 9
#define NFIELDS 12 /* of an Entity */

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
    const void *raw_matches; /* as analyze.c lays them out */
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
    v->raw_matches = m;
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

/* Run tt_er_spans for args (lexicon, doc, names, name_ent): 0, or -1 with an exception set. */
static int run_spans(PyObject *const *args, doc_view *v, tt_er_work *w)
{
    if (!PyBytes_Check(args[2]) || !PyBytes_Check(args[3])) {
        PyErr_SetString(PyExc_TypeError, "entity rules: names and name_ent must be bytes");
        return -1;
    }
    size_t nnames = (size_t)PyBytes_GET_SIZE(args[2]) / 8;
    if ((size_t)PyBytes_GET_SIZE(args[2]) != 8 * nnames || (size_t)PyBytes_GET_SIZE(args[3]) != 4 * nnames) {
        PyErr_SetString(PyExc_ValueError, "entity rules: names and name_ent differ in length");
        return -1;
    }
    const uint32_t *names = (const uint32_t *)PyBytes_AS_STRING(args[2]);
    const int32_t *name_ent = (const int32_t *)PyBytes_AS_STRING(args[3]);
    const tt_er_lexicon *lex = lexicon_of(args[0]);
    if (lex == NULL || view_of(v, args[1]) < 0)
        return -1;
    tt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = tt_er_spans(lex, &v->d, names, name_ent, nnames, w);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        tt_raise_status(st, "entity rules");
        return -1;
    }
    return 0;
}

/* The spans as "<IIII" records: start, end, ref, label + 4 * source. */
static PyObject *spans_bytes(const tt_er_work *w)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(4 * w->nspans * sizeof(uint32_t)));
    if (b == NULL)
        return NULL;
    uint32_t *out = (uint32_t *)PyBytes_AS_STRING(b);
    for (size_t k = 0; k < w->nspans; k++) {
        const tt_er_span *s = &w->spans[k];
        uint32_t rec[4] = {s->start, s->end, s->ref, s->label + 4u * s->source};
        memcpy(out + 4 * k, rec, sizeof rec);
    }
    return b;
}

static PyObject *py_entity_spans(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    doc_view v;
    tt_er_work w;
    PyObject *res = NULL;
    tt_er_work_init(&w);
    memset(&v, 0, sizeof v);
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "entity_spans() takes a lexicon, a document, names and name_ent");
        return NULL;
    }
    if (run_spans(args, &v, &w) == 0)
        res = spans_bytes(&w);
    view_release(&v);
    tt_er_work_free(&w);
    return res;
}

/* What entity_objects makes Entity objects with (its make argument, the same for every
 * document of a gazetteer). */
typedef struct {
    tt_record entity;        /* the class and its NFIELDS slots */
    PyObject *fields;       /* dict: form * 4 + kind -> the fields after text, start, end */
    PyObject *fields_of;    /* (form, kind, forms) -> those fields */
    PyObject *rule_id;      /* (label, name) -> the id of a rule-made entity */
    PyObject *const *labels; /* 4 str */
    PyObject *const *tail;  /* source, score, match, form, flags, alternatives of a rule-made one */
} maker;

/* An Entity with these field values. */
static PyObject *new_entity(const maker *m, PyObject *const *vals)
{
    PyObject *o = tt_record_new(&m->entity, vals);
    if (o == NULL)
        return NULL;
    /* it holds str, int, float, None and tuples of str: no cycle can run through it, and left
     * out of the collector it never makes the whole heap be walked */
    if (PyType_IS_GC(m->entity.cls))
        PyObject_GC_UnTrack(o);
    return o;
}

static int maker_of(PyObject *obj, maker *m)
{
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 7 || !PyDict_Check(PyTuple_GET_ITEM(obj, 2))
        || !PyTuple_Check(PyTuple_GET_ITEM(obj, 5)) || PyTuple_GET_SIZE(PyTuple_GET_ITEM(obj, 5)) != 4
        || !PyTuple_Check(PyTuple_GET_ITEM(obj, 6)) || PyTuple_GET_SIZE(PyTuple_GET_ITEM(obj, 6)) != 6) {
        PyErr_SetString(PyExc_TypeError, "entity_objects(): make must be (cls, 12 slot descriptors, dict, "
                                         "fields_of, rule_id, 4 labels, 6 rule fields)");
        return -1;
    }
    if (tt_record_of(PyTuple_GET_ITEM(obj, 0), PyTuple_GET_ITEM(obj, 1), NFIELDS, "entity_objects", &m->entity) < 0)
        return -1;
    m->fields = PyTuple_GET_ITEM(obj, 2);
    m->fields_of = PyTuple_GET_ITEM(obj, 3);
    m->rule_id = PyTuple_GET_ITEM(obj, 4);
    m->labels = &PyTuple_GET_ITEM(PyTuple_GET_ITEM(obj, 5), 0);
    m->tail = &PyTuple_GET_ITEM(PyTuple_GET_ITEM(obj, 6), 0);
    return 0;
}

/* The fields (after text, start and end) of the listed span whose group starts at match g. */
static PyObject *listed_fields(const maker *m, const doc_view *v, uint32_t g)
{
    const match_rec *raw = v->raw_matches;
    size_t nm = v->d.nmatches, j = g + 1;
    match_rec r;
    memcpy(&r, &raw[g], sizeof r);
    while (j < nm && v->d.matches[j].tied)
        j++;
    if (j == g + 1) { /* one form: cached by form and kind */
        PyObject *key = PyLong_FromLongLong(r.value * 4 + r.kind), *f = NULL;
        if (key == NULL)
            return NULL;
        f = PyDict_GetItemWithError(m->fields, key);
        if (f != NULL) {
            Py_DECREF(key);
            return Py_NewRef(f);
        }
        if (!PyErr_Occurred() && (f = PyObject_CallFunction(m->fields_of, "Li(L)", (long long)r.value, (int)r.kind,
                                                             (long long)r.value)) != NULL
            && (!PyTuple_Check(f) || PyTuple_GET_SIZE(f) != NFIELDS - 3 || PyDict_SetItem(m->fields, key, f) < 0)) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "entity_objects(): fields_of must give a tuple of 9");
            Py_CLEAR(f);
        }
        Py_DECREF(key);
        return f;
    }
    PyObject *forms = PyTuple_New((Py_ssize_t)(j - g)), *f = NULL;
    if (forms == NULL)
        return NULL;
    for (size_t k = g; k < j; k++) {
        PyObject *x = PyLong_FromUnsignedLong(v->d.matches[k].form);
        if (x == NULL) {
            Py_DECREF(forms);
            return NULL;
        }
        PyTuple_SET_ITEM(forms, (Py_ssize_t)(k - g), x);
    }
    f = PyObject_CallFunction(m->fields_of, "LiO", (long long)r.value, (int)r.kind, forms);
    Py_DECREF(forms);
    if (f != NULL && (!PyTuple_Check(f) || PyTuple_GET_SIZE(f) != NFIELDS - 3)) {
        PyErr_SetString(PyExc_TypeError, "entity_objects(): fields_of must give a tuple of 9");
        Py_CLEAR(f);
    }
    return f;
}

/* The Entity of span s (ostart/oend: original offsets of the tokens; name_list: the entities of
 * the names). For a rule-made one, *listed (when not NULL) is set to the listed entity of
 * index (a dict: id -> number) whose id it has, or -1. */
static PyObject *entity_of(const maker *m, const doc_view *v, const tt_er_span *s, PyObject *text, PyObject *norm,
                           const uint32_t *ostart, const uint32_t *oend, PyObject *name_list, PyObject *index,
                           int32_t *listed)
{
    PyObject *vals[NFIELDS] = {NULL}, *res = NULL, *fields = NULL;
    uint32_t a, b;
    if (s->source == TT_ER_NAME) {
        if (!PyList_Check(name_list) || s->ref >= (size_t)PyList_GET_SIZE(name_list)) {
            PyErr_SetString(PyExc_ValueError, "entity_objects(): a name left out");
            return NULL;
        }
        return Py_NewRef(PyList_GET_ITEM(name_list, s->ref));
    }
    if (s->source == TT_ER_LISTED) {
        match_rec r;
        memcpy(&r, &((const match_rec *)v->raw_matches)[s->ref], sizeof r);
        a = r.start;
        b = r.end;
        if ((fields = listed_fields(m, v, s->ref)) == NULL)
            return NULL;
        for (int f = 3; f < NFIELDS; f++)
            vals[f] = Py_NewRef(PyTuple_GET_ITEM(fields, f - 3));
    } else {
        if (s->start >= s->end) {
            PyErr_SetString(PyExc_ValueError, "entity_objects(): an empty span");
            return NULL;
        }
        a = ostart[s->start];
        b = oend[s->end - 1];
        vals[3] = Py_NewRef(m->labels[s->label]);
        vals[5] = PyUnicode_Substring(norm, v->d.nstart[s->start], v->d.nend[s->end - 1]);
        if (vals[5] == NULL)
            goto done;
        PyObject *call[2] = {vals[3], vals[5]};
        if ((vals[4] = PyObject_Vectorcall(m->rule_id, call, 2, NULL)) == NULL)
            goto done;
        if (listed != NULL) {
            PyObject *k = PyDict_GetItemWithError(index, vals[4]);
            long x = k == NULL ? -1 : PyLong_AsLong(k);
            if (PyErr_Occurred())
                goto done;
            if (x < -1 || x > INT32_MAX) {
                PyErr_SetString(PyExc_ValueError, "entity_objects(): an entity number out of range");
                goto done;
            }
            *listed = (int32_t)x;
        }
        for (int f = 6; f < NFIELDS; f++)
            vals[f] = Py_NewRef(m->tail[f - 6]);
    }
    if ((vals[0] = PyUnicode_Substring(text, a, b)) == NULL || (vals[1] = PyLong_FromUnsignedLong(a)) == NULL
        || (vals[2] = PyLong_FromUnsignedLong(b)) == NULL)
        goto done;
    res = new_entity(m, vals);
done:
    Py_XDECREF(fields);
    for (int f = 0; f < NFIELDS; f++)
        Py_XDECREF(vals[f]);
    return res;
}

/* Indexes of spans for the linking in Python: i where span i + 1 is a one-token acronym in
 * brackets right after span i ("(" at its end); and 2i + 1 for a one-token rule-made span in
 * capitals after "(", 2i for a person's name. */
static PyObject *links_of(const tt_er_work *w, const tt_er_doc *d, int acronyms)
{
    PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(w->nspans * sizeof(uint32_t)));
    if (b == NULL)
        return NULL;
    uint32_t *out = (uint32_t *)PyBytes_AS_STRING(b);
    size_t m = 0;
    for (size_t i = 0; i < w->nspans; i++) {
        const tt_er_span *s = &w->spans[i];
        if (acronyms) {
            const tt_er_span *t = i + 1 < w->nspans ? &w->spans[i + 1] : NULL;
            if (t != NULL && t->start == s->end + 1 && t->end == t->start + 1 && d->shape[s->end] == '('
                && t->end < d->n && d->shape[t->end] == ')')
                out[m++] = (uint32_t)i;
            continue;
        }
        int bracketed = s->source != TT_ER_LISTED && s->end == s->start + 1 && d->shape[s->start] == 'A'
                        && s->start >= 1 && d->shape[s->start - 1] == '(';
        if (s->label == TT_ER_PER || bracketed)
            out[m++] = 2 * (uint32_t)i + (uint32_t)bracketed;
    }
    if (_PyBytes_Resize(&b, (Py_ssize_t)(m * sizeof(uint32_t))) < 0)
        return NULL;
    return b;
}

static PyObject *py_entity_objects(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    doc_view v;
    tt_er_work w;
    maker m;
    tt_status st;
    PyObject *res = NULL, *names = NULL, *list = NULL, *spans = NULL, *pairs = NULL, *marks = NULL;
    uint32_t *name_tok = NULL;
    int32_t *name_ent = NULL;
    const uint32_t *ostart, *oend;
    tt_er_work_init(&w);
    memset(&v, 0, sizeof v);
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError, "entity_objects() takes a lexicon, a document, text, ostart, oend, "
                                         "index and make");
        return NULL;
    }
    const tt_er_lexicon *lex = lexicon_of(args[0]);
    if (lex == NULL || maker_of(args[6], &m) < 0)
        goto done;
    if (!PyUnicode_Check(args[2]) || !PyDict_Check(args[5])) {
        PyErr_SetString(PyExc_TypeError, "entity_objects(): text must be a str and index a dict");
        goto done;
    }
    if (view_of(&v, args[1]) < 0 || (ostart = buffer_of(&v, args[3], 4, (Py_ssize_t)v.d.n, NULL, "ostart")) == NULL
        || (oend = buffer_of(&v, args[4], 4, (Py_ssize_t)v.d.n, NULL, "oend")) == NULL)
        goto done;
    PyObject *norm = PyTuple_GET_ITEM(args[1], 3);
    Py_BEGIN_ALLOW_THREADS
    st = tt_er_names(lex, &v.d, &w);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        tt_raise_status(st, "entity_objects");
        goto done;
    }
    /* a name whose id is a listed entity's makes the listed short forms and surnames of that
     * entity count as named in full */
    size_t nnames = w.nspans;
    name_tok = malloc((2 * nnames + 1) * sizeof *name_tok);
    name_ent = malloc((nnames + 1) * sizeof *name_ent);
    if (name_tok == NULL || name_ent == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if ((names = PyList_New((Py_ssize_t)nnames)) == NULL)
        goto done;
    for (size_t k = 0; k < nnames; k++) {
        tt_er_span s = w.spans[k];
        name_tok[2 * k] = s.start;
        name_tok[2 * k + 1] = s.end;
        s.source = TT_ER_RULE;
        PyObject *e = entity_of(&m, &v, &s, args[2], norm, ostart, oend, NULL, args[5], &name_ent[k]);
        if (e == NULL)
            goto done;
        PyList_SET_ITEM(names, (Py_ssize_t)k, e);
    }
    Py_BEGIN_ALLOW_THREADS
    st = tt_er_spans(lex, &v.d, name_tok, name_ent, nnames, &w);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        tt_raise_status(st, "entity_objects");
        goto done;
    }
    if ((list = PyList_New((Py_ssize_t)w.nspans)) == NULL)
        goto done;
    for (size_t k = 0; k < w.nspans; k++) {
        PyObject *e = entity_of(&m, &v, &w.spans[k], args[2], norm, ostart, oend, names, NULL, NULL);
        if (e == NULL)
            goto done;
        PyList_SET_ITEM(list, (Py_ssize_t)k, e);
    }
    if ((spans = spans_bytes(&w)) == NULL || (pairs = links_of(&w, &v.d, 1)) == NULL
        || (marks = links_of(&w, &v.d, 0)) == NULL)
        goto done;
    res = PyTuple_Pack(4, list, spans, pairs, marks);
done:
    free(name_tok);
    free(name_ent);
    Py_XDECREF(names);
    Py_XDECREF(list);
    Py_XDECREF(spans);
    Py_XDECREF(pairs);
    Py_XDECREF(marks);
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
    {"entity_objects", (PyCFunction)(void (*)(void))py_entity_objects, METH_FASTCALL,
     "entity_objects($module, lexicon, doc, text, ostart, oend, index, make, /)\n--\n\n"
     "The Entity objects of a document, with their spans and where linking looks (see entity_runs.c)."},
    {NULL, NULL, 0, NULL},
};
