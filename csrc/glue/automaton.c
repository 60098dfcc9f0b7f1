/* tintuc._core.Automaton: the gazetteer automaton of core/automaton.h as a Python type.
 *
 * Automaton.build(names, values, flags) builds one; Automaton(data) loads one from bytes
 * (to_bytes() makes them; pickling goes through them, so a pickled automaton is never rebuilt).
 * find() matches one text and returns tuples; find_many() matches a batch with the GIL released
 * and returns packed records that tintuc.gazetteer turns into columns. An Automaton is immutable:
 * one may serve many threads. tintuc.Gazetteer is the friendly layer on top. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/automaton.h"

typedef struct {
    PyObject_HEAD
    tt_automaton *a; /* read-only once made */
} AutomatonObject;

static const char *const kind_names[3] = {"exact", "fold", "typo"};

static PyObject *raise_load(tt_status st)
{
    if (st == TT_EFORMAT) {
        PyErr_SetString(PyExc_ValueError,
                        "Automaton: malformed data (not a tintuc automaton, an unsupported version, "
                        "or damaged bytes)");
        return NULL;
    }
    return tt_raise_status(st, "Automaton");
}

static PyObject *wrap(PyTypeObject *type, tt_automaton *a)
{
    AutomatonObject *self = (AutomatonObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        tt_ac_free(a);
        return NULL;
    }
    self->a = a;
    return (PyObject *)self;
}

static PyObject *ac_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", NULL};
    Py_buffer view;
    tt_status st;
    tt_automaton *a = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*:Automaton", kwlist, &view))
        return NULL;
    if (view.len > TT_GIL_THRESHOLD * 64) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_ac_load(view.buf, (size_t)view.len, &a);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_ac_load(view.buf, (size_t)view.len, &a);
    }
    PyBuffer_Release(&view);
    if (st != TT_OK)
        return raise_load(st);
    return wrap(type, a);
}

static void ac_dealloc(PyObject *op)
{
    AutomatonObject *self = (AutomatonObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    tt_ac_free(self->a);
    self->a = NULL;
    tp->tp_free(op);
    Py_DECREF(tp);
}

/* ---- build ---- */

/* Read an optional sequence of n ints into out (int64 or uint32). */
static int read_ints(PyObject *obj, const char *what, Py_ssize_t n, int64_t *v64, uint32_t *v32)
{
    PyObject *seq = PySequence_Fast(obj, "must be a sequence of int");
    if (seq == NULL) {
        PyErr_Format(PyExc_TypeError, "build(): %s must be a sequence of int", what);
        return -1;
    }
    int rc = -1;
    if (PySequence_Fast_GET_SIZE(seq) != n) {
        PyErr_Format(PyExc_ValueError, "build(): %s has %zd items for %zd names", what,
                     PySequence_Fast_GET_SIZE(seq), n);
        goto done;
    }
    PyObject **items = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyLong_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "build(): %s[%zd] must be int, not %.100s", what, i,
                         Py_TYPE(items[i])->tp_name);
            goto done;
        }
        if (v64 != NULL) {
            long long x = PyLong_AsLongLong(items[i]);
            if (x == -1 && PyErr_Occurred())
                goto done;
            v64[i] = (int64_t)x;
        } else {
            unsigned long x = PyLong_AsUnsignedLong(items[i]);
            if (x == (unsigned long)-1 && PyErr_Occurred())
                goto done;
            if (x > UINT32_MAX) {
                PyErr_Format(PyExc_OverflowError, "build(): %s[%zd] does not fit in 32 bits", what, i);
                goto done;
            }
            v32[i] = (uint32_t)x;
        }
    }
    rc = 0;
done:
    Py_DECREF(seq);
    return rc;
}

static PyObject *ac_build(PyObject *cls, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kw[] = {"values", "flags", NULL};
    PyObject *kwv[2] = {NULL, NULL};
    PyObject *seq = NULL, *res = NULL;
    tt_cp *text = NULL;
    size_t *off = NULL;
    int64_t *values = NULL;
    uint32_t *flags = NULL;
    tt_ac_builder *b = NULL;
    tt_automaton *a = NULL;
    tt_status st = TT_OK;
    if (nargs < 1 || nargs > 3) {
        PyErr_Format(PyExc_TypeError, "build() takes from 1 to 3 positional arguments (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("build", args + nargs, kwnames, kw, kwv) < 0)
        return NULL;
    PyObject *vals = nargs > 1 ? args[1] : kwv[0], *fl = nargs > 2 ? args[2] : kwv[1];
    if ((nargs > 1 && kwv[0]) || (nargs > 2 && kwv[1])) {
        PyErr_SetString(PyExc_TypeError, "build(): an argument given twice");
        return NULL;
    }
    if (PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "build() takes a sequence of names, not a str");
        return NULL;
    }
    seq = PySequence_Fast(args[0], "build() takes a sequence of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    size_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "build(): name %zd must be str, not %.100s", i, Py_TYPE(items[i])->tp_name);
            goto done;
        }
        total += (size_t)PyUnicode_GET_LENGTH(items[i]);
        if (total > TT_MAX_LEN) {
            PyErr_SetString(PyExc_ValueError, "build(): the names are too long together");
            goto done;
        }
    }
    text = malloc((total + 1) * sizeof *text);
    off = malloc(((size_t)n + 1) * sizeof *off);
    values = malloc(((size_t)n + 1) * sizeof *values);
    flags = calloc((size_t)n + 1, sizeof *flags);
    if (text == NULL || off == NULL || values == NULL || flags == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    off[0] = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(items[i]);
        if (len > 0 && PyUnicode_AsUCS4(items[i], (Py_UCS4 *)(text + off[i]), len, 0) == NULL)
            goto done;
        off[i + 1] = off[i] + (size_t)len;
        values[i] = i;
    }
    if (vals != NULL && vals != Py_None && read_ints(vals, "values", n, values, NULL) < 0)
        goto done;
    if (fl != NULL && fl != Py_None && read_ints(fl, "flags", n, NULL, flags) < 0)
        goto done;
    Py_ssize_t bad = -1;
    const char *why = NULL;
    Py_BEGIN_ALLOW_THREADS
    st = tt_ac_builder_new(&b);
    for (Py_ssize_t i = 0; st == TT_OK && i < n; i++) {
        st = tt_ac_builder_add(b, text + off[i], off[i + 1] - off[i], values[i], flags[i]);
        if (st != TT_OK) {
            bad = i;
            why = tt_ac_builder_error(b);
        }
    }
    if (st == TT_OK)
        st = tt_ac_build(b, &a);
    Py_END_ALLOW_THREADS
    if (st == TT_EINVAL && bad >= 0) {
        PyErr_Format(PyExc_ValueError, "build(): name %zd (%R): %s", bad, items[bad], why);
        goto done;
    }
    if (st != TT_OK) {
        tt_raise_status(st, "build");
        goto done;
    }
    res = wrap((PyTypeObject *)cls, a);
    a = NULL;
done:
    tt_ac_free(a);
    tt_ac_builder_free(b);
    free(text);
    free(off);
    free(values);
    free(flags);
    Py_XDECREF(seq);
    return res;
}

/* ---- serialization ---- */

static PyObject *ac_to_bytes(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    const tt_automaton *a = ((AutomatonObject *)op)->a;
    size_t sz = tt_ac_serialized_size(a);
    if (sz > PY_SSIZE_T_MAX)
        return PyErr_NoMemory();
    PyObject *res = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)sz);
    if (res == NULL)
        return NULL;
    tt_status st = tt_ac_serialize(a, PyBytes_AS_STRING(res), sz);
    if (st != TT_OK) {
        Py_DECREF(res);
        return tt_raise_status(st, "to_bytes");
    }
    return res;
}

static PyObject *ac_reduce(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    PyObject *data = ac_to_bytes(op, NULL);
    if (data == NULL)
        return NULL;
    return Py_BuildValue("(O(N))", (PyObject *)Py_TYPE(op), data);
}

/* ---- matching ---- */

static const char *const find_kw[] = {"overlapping", "fold", "typos", "capitals", "exclude", NULL};

/* Read the matching options (all keyword-only). */
static int read_opts(const char *func, PyObject *const *kwv, tt_ac_opts *o)
{
    o->overlapping = 0;
    o->fold = 1;
    o->typos = 1;
    o->capitals = 0;
    o->exclude = 0;
    o->joins = NULL; /* a text's words are not known here */
    int *dst[4] = {&o->overlapping, &o->fold, &o->typos, &o->capitals};
    for (size_t k = 0; k < 4; k++) {
        if (kwv[k] == NULL)
            continue;
        int b = PyObject_IsTrue(kwv[k]);
        if (b < 0)
            return -1;
        *dst[k] = b;
    }
    if (kwv[4] != NULL) {
        if (!PyLong_Check(kwv[4])) {
            PyErr_Format(PyExc_TypeError, "%s(): exclude must be int, not %.100s", func, Py_TYPE(kwv[4])->tp_name);
            return -1;
        }
        unsigned long x = PyLong_AsUnsignedLong(kwv[4]);
        if (x == (unsigned long)-1 && PyErr_Occurred())
            return -1;
        if (x > UINT32_MAX) {
            PyErr_Format(PyExc_OverflowError, "%s(): exclude does not fit in 32 bits", func);
            return -1;
        }
        o->exclude = (uint32_t)x;
    }
    return 0;
}

/* (start, end, value, match, token_start, token_end, tied) */
static PyObject *match_tuple(const tt_ac_match *r, PyObject *const *kinds)
{
    PyObject *t = PyTuple_New(7);
    if (t == NULL)
        return NULL;
    PyObject *v[4] = {PyLong_FromUnsignedLong(r->start), PyLong_FromUnsignedLong(r->end),
                      PyLong_FromLongLong(r->value), PyLong_FromUnsignedLong(r->tok_start)};
    PyObject *te = PyLong_FromUnsignedLong(r->tok_end);
    if (v[0] == NULL || v[1] == NULL || v[2] == NULL || v[3] == NULL || te == NULL) {
        for (size_t k = 0; k < 4; k++)
            Py_XDECREF(v[k]);
        Py_XDECREF(te);
        Py_DECREF(t);
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, v[0]);
    PyTuple_SET_ITEM(t, 1, v[1]);
    PyTuple_SET_ITEM(t, 2, v[2]);
    PyTuple_SET_ITEM(t, 3, Py_NewRef(kinds[r->kind < 3 ? r->kind : 0]));
    PyTuple_SET_ITEM(t, 4, v[3]);
    PyTuple_SET_ITEM(t, 5, te);
    PyTuple_SET_ITEM(t, 6, Py_NewRef(r->tied ? Py_True : Py_False));
    return t;
}

static PyObject *ac_find(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *kwv[5] = {NULL, NULL, NULL, NULL, NULL};
    tt_ac_opts o;
    tt_u32 u = {NULL, 0};
    tt_ac_scratch scr = {0};
    tt_ac_matchbuf m = {0};
    PyObject *res = NULL, *kinds[3] = {NULL, NULL, NULL};
    tt_status st;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "find() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("find", args + nargs, kwnames, find_kw, kwv) < 0 || read_opts("find", kwv, &o) < 0)
        return NULL;
    if (tt_u32_from_str(args[0], "text", &u) < 0)
        return NULL;
    const tt_automaton *a = ((AutomatonObject *)op)->a;
    if (u.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_ac_find(a, u.cp, u.n, &o, &scr, &m);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_ac_find(a, u.cp, u.n, &o, &scr, &m);
    }
    if (st != TT_OK) {
        tt_raise_status(st, "find");
        goto done;
    }
    for (size_t k = 0; k < 3; k++)
        if ((kinds[k] = PyUnicode_InternFromString(kind_names[k])) == NULL)
            goto done;
    res = PyList_New((Py_ssize_t)m.n);
    if (res == NULL)
        goto done;
    for (size_t k = 0; k < m.n; k++) {
        PyObject *t = match_tuple(&m.v[k], kinds);
        if (t == NULL) {
            Py_CLEAR(res);
            goto done;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)k, t);
    }
done:
    for (size_t k = 0; k < 3; k++)
        Py_XDECREF(kinds[k]);
    tt_ac_matchbuf_free(&m);
    tt_ac_scratch_free(&scr);
    tt_u32_free(&u);
    return res;
}

/* One record of find_many's result (little-endian on the usual hosts; the Python side reads it
 * with the host's byte order): 40 bytes. */
typedef struct {
    int64_t doc;
    int64_t value;
    uint32_t start, end, tok_start, tok_end;
    uint8_t kind, tied, folded, pad[5];
} record;

typedef struct {
    PyObject *str; /* a strong reference: the list may change under us while the GIL is out */
    int kind;
    const void *data;
    size_t n;
    Py_ssize_t doc;
} batch_text;

static PyObject *ac_find_many(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    PyObject *kwv[5] = {NULL, NULL, NULL, NULL, NULL};
    tt_ac_opts o;
    PyObject *seq = NULL, *res = NULL;
    batch_text *chunk = NULL;
    record *recs = NULL;
    size_t nrec = 0, cap = 0, count = 0;
    tt_ac_scratch scr = {0};
    tt_ac_matchbuf m = {0};
    tt_status st = TT_OK;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "find_many() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("find_many", args + nargs, kwnames, find_kw, kwv) < 0 || read_opts("find_many", kwv, &o) < 0)
        return NULL;
    if (PyUnicode_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "find_many() takes a sequence of str, not a str");
        return NULL;
    }
    seq = PySequence_Fast(args[0], "find_many() takes an iterable of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    chunk = malloc(TT_SIGNAL_EVERY * sizeof *chunk);
    if (chunk == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    const tt_automaton *a = ((AutomatonObject *)op)->a;
    for (Py_ssize_t i = 0; i < n;) {
        count = 0;
        for (; i < n && count < TT_SIGNAL_EVERY; i++) {
            PyObject *t = items[i];
            if (tt_is_missing(t))
                continue;
            if (!PyUnicode_Check(t)) {
                PyErr_Format(PyExc_TypeError, "find_many(): item %zd must be str, None or NaN, not %.100s", i,
                             Py_TYPE(t)->tp_name);
                goto done;
            }
            if ((size_t)PyUnicode_GET_LENGTH(t) > TT_MAX_LEN) {
                PyErr_Format(PyExc_ValueError, "find_many(): item %zd is too long", i);
                goto done;
            }
            chunk[count].str = Py_NewRef(t);
            chunk[count].kind = PyUnicode_KIND(t);
            chunk[count].data = PyUnicode_DATA(t);
            chunk[count].n = (size_t)PyUnicode_GET_LENGTH(t);
            chunk[count].doc = i;
            count++;
        }
        Py_BEGIN_ALLOW_THREADS
        for (size_t k = 0; k < count && st == TT_OK; k++) {
            tt_cp *w = tt_widen(chunk[k].kind, chunk[k].data, chunk[k].n);
            if (w == NULL) {
                st = TT_ENOMEM;
                break;
            }
            m.n = 0;
            st = tt_ac_find(a, w, chunk[k].n, &o, &scr, &m);
            free(w);
            if (st == TT_OK && m.n > 0)
                st = tt_grow((void **)&recs, &cap, nrec, m.n, sizeof *recs);
            for (size_t x = 0; st == TT_OK && x < m.n; x++) {
                record *r = &recs[nrec++];
                memset(r, 0, sizeof *r);
                r->doc = chunk[k].doc;
                r->value = m.v[x].value;
                r->start = m.v[x].start;
                r->end = m.v[x].end;
                r->tok_start = m.v[x].tok_start;
                r->tok_end = m.v[x].tok_end;
                r->kind = m.v[x].kind;
                r->tied = m.v[x].tied;
                r->folded = m.v[x].folded;
            }
        }
        Py_END_ALLOW_THREADS
        for (size_t k = 0; k < count; k++)
            Py_CLEAR(chunk[k].str);
        count = 0;
        if (st != TT_OK) {
            tt_raise_status(st, "find_many");
            goto done;
        }
        if (PyErr_CheckSignals() < 0)
            goto done;
    }
    if (nrec > (size_t)PY_SSIZE_T_MAX / sizeof *recs) {
        PyErr_NoMemory();
        goto done;
    }
    res = PyBytes_FromStringAndSize(nrec ? (const char *)recs : "", (Py_ssize_t)(nrec * sizeof *recs));
done:
    for (size_t k = 0; chunk != NULL && k < count; k++)
        Py_CLEAR(chunk[k].str);
    free(chunk);
    free(recs);
    tt_ac_matchbuf_free(&m);
    tt_ac_scratch_free(&scr);
    Py_XDECREF(seq);
    return res;
}

/* ---- information ---- */

static Py_ssize_t ac_len(PyObject *op)
{
    tt_ac_stats s;
    tt_ac_get_stats(((AutomatonObject *)op)->a, &s);
    return (Py_ssize_t)s.entries;
}

static PyObject *ac_info(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    tt_ac_stats s;
    tt_ac_get_stats(((AutomatonObject *)op)->a, &s);
    return Py_BuildValue("{s:n,s:n,s:n,s:n,s:n}", "entries", (Py_ssize_t)s.entries, "syllables",
                         (Py_ssize_t)s.syllables, "nodes", (Py_ssize_t)s.nodes, "typo_keys", (Py_ssize_t)s.typo_keys,
                         "nbytes", (Py_ssize_t)s.bytes);
}

static PyObject *ac_sizeof(PyObject *op, PyObject *Py_UNUSED(ignored))
{
    tt_ac_stats s;
    tt_ac_get_stats(((AutomatonObject *)op)->a, &s);
    return PyLong_FromSize_t(Py_TYPE(op)->tp_basicsize + s.bytes);
}

static PyMethodDef ac_methods[] = {
    {"build", (PyCFunction)(void (*)(void))ac_build, METH_FASTCALL | METH_KEYWORDS | METH_CLASS,
     "build($type, names, /, values=None, flags=None)\n--\n\n"
     "An Automaton of `names` (a sequence of str). values[i] (an int, default i) comes back with\n"
     "every match of names[i]; flags[i] (default 0) is a bit set: 1 match only capitalized as\n"
     "written, 2 never case-sensitive (not even for a token in capitals), 4 never without\n"
     "diacritics, 8 never through a typo, 16 a form listed without diacritics that stands for\n"
     "marked ones too; bits 8-31 are the caller's, for find(exclude=).\n"
     "ValueError names the first name that has no letters, too many tokens or a line break."},
    {"to_bytes", ac_to_bytes, METH_NOARGS,
     "to_bytes($self, /)\n--\n\nThe automaton as bytes: Automaton(data) loads them back without a rebuild."},
    {"__reduce__", ac_reduce, METH_NOARGS, "__reduce__($self, /)\n--\n\nPickle as bytes."},
    {"find", (PyCFunction)(void (*)(void))ac_find, METH_FASTCALL | METH_KEYWORDS,
     "find($self, text, /, *, overlapping=False, fold=True, typos=True, capitals=False, exclude=0)\n--\n\n"
     "Matches in `text`: a list of (start, end, value, match, token_start, token_end, tied).\n"
     "start/end are code-point offsets into `text` (text[start:end] is what matched); match is\n"
     "'exact', 'fold' (without diacritics) or 'typo'; token_start/token_end index\n"
     "tintuc.tokenize(text); tied is True for the second and later of several entries that\n"
     "match one span equally well. Leftmost-longest unless overlapping. fold: diacritics-\n"
     "insensitive matching; typos: the fallback for one misspelt word of a long name;\n"
     "capitals: a word written capitalized must be capitalized; exclude: skip entries with\n"
     "any of these flags."},
    {"find_many", (PyCFunction)(void (*)(void))ac_find_many, METH_FASTCALL | METH_KEYWORDS,
     "find_many($self, texts, /, *, overlapping=False, fold=True, typos=True, capitals=False, exclude=0)\n"
     "--\n\n"
     "find() over a sequence of str (None and NaN are passed over) in one call with the GIL\n"
     "released; Ctrl-C is answered between chunks. Returns bytes of 40-byte records in the\n"
     "host's byte order: int64 doc (index in texts), int64 value, uint32 start, end,\n"
     "token_start, token_end, uint8 match (0 exact, 1 fold, 2 typo), tied, folded, 5 pad."},
    {"info", ac_info, METH_NOARGS,
     "info($self, /)\n--\n\nSizes: entries, syllables (distinct key tokens), nodes, typo_keys, nbytes."},
    {"__sizeof__", ac_sizeof, METH_NOARGS, "__sizeof__($self, /)\n--\n\nMemory held, in bytes."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot ac_slots[] = {
    {Py_tp_new, ac_new},
    {Py_tp_dealloc, ac_dealloc},
    {Py_tp_methods, ac_methods},
    {Py_sq_length, ac_len},
    {Py_tp_doc, "Automaton(data)\n--\n\n"
                "A gazetteer automaton loaded from bytes (Automaton.to_bytes); Automaton.build(names)\n"
                "makes one. Matches whole tokens of normalized text, case-, diacritics- and\n"
                "hyphen-insensitively, leftmost-longest or overlapping. ValueError when the bytes\n"
                "are malformed. Immutable: one Automaton may serve many threads."},
    {0, NULL},
};

static PyType_Spec ac_spec = {
    .name = "tintuc._core.Automaton",
    .basicsize = sizeof(AutomatonObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = ac_slots,
};

int tt_automaton_type_add(PyObject *module)
{
    if (tt_add_type(module, &ac_spec, &tt_get_state(module)->automaton_type) < 0)
        return -1;
    if (PyModule_AddIntConstant(module, "AC_CASED", TT_AC_CASED) < 0
        || PyModule_AddIntConstant(module, "AC_ANYCASE", TT_AC_ANYCASE) < 0
        || PyModule_AddIntConstant(module, "AC_EXACT", TT_AC_EXACT) < 0
        || PyModule_AddIntConstant(module, "AC_NOTYPO", TT_AC_NOTYPO) < 0
        || PyModule_AddIntConstant(module, "AC_PLAIN", TT_AC_PLAIN) < 0
        || PyModule_AddIntConstant(module, "AC_HEADED", TT_AC_HEADED) < 0
        || PyModule_AddIntConstant(module, "AC_USER_SHIFT", TT_AC_USER_SHIFT) < 0)
        return -1;
    return 0;
}

tt_automaton *tt_automaton_of(PyObject *module, PyObject *obj)
{
    tt_state *st = tt_get_state(module);
    if (!PyObject_TypeCheck(obj, st->automaton_type)) {
        PyErr_Format(PyExc_TypeError, "expected a tintuc Automaton, not %.100s", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    return ((AutomatonObject *)obj)->a;
}
