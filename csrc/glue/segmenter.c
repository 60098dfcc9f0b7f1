/* tintuc._core.Segmenter: the word segmentation model of core/segment.h as a Python type.
 *
 * Segmenter(model) loads a model from bytes (pkg/tintuc/data/segmenter.bin); joins() and
 * segment() decide the word boundaries of a list of syllables. The pipeline calls the core
 * directly on its tokens; this list API serves tests, tools and comparisons with the Python
 * reference in tools/train_segmenter.py. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/segment.h"

typedef struct {
    PyObject_HEAD
    tt_segmenter *model; /* read-only once loaded: calls may run in parallel */
} SegmenterObject;

static PyObject *seg_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"model", NULL};
    Py_buffer view;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "y*:Segmenter", kwlist, &view))
        return NULL;
    tt_segmenter *model = NULL;
    tt_status st = tt_segmenter_load(view.buf, (size_t)view.len, &model);
    PyBuffer_Release(&view);
    if (st == TT_EFORMAT) {
        PyErr_SetString(PyExc_ValueError,
                        "Segmenter: malformed model (not a tintuc segmenter model, an unsupported "
                        "version, or damaged bytes)");
        return NULL;
    }
    if (st != TT_OK)
        return tt_raise_status(st, "Segmenter");
    SegmenterObject *self = (SegmenterObject *)type->tp_alloc(type, 0);
    if (self == NULL) {
        tt_segmenter_free(model);
        return NULL;
    }
    self->model = model;
    return (PyObject *)self;
}

static void seg_dealloc(PyObject *op)
{
    SegmenterObject *self = (SegmenterObject *)op;
    PyTypeObject *tp = Py_TYPE(op);
    tt_segmenter_free(self->model);
    self->model = NULL;
    tp->tp_free(op);
    Py_DECREF(tp);
}

/* Decide the joins of a sequence of str. Returns a malloc'd array of n - 1 joins (n stored
 * in *count) or NULL with an exception set. */
static uint8_t *joins_of(SegmenterObject *self, const char *func, PyObject *seq_in, Py_ssize_t *count)
{
    uint8_t *joins = NULL;
    tt_cp *text = NULL;
    tt_seg_token *toks = NULL;
    tt_status st = TT_OK;
    int ok = 0;
    PyObject *seq = PySequence_Fast(seq_in, "syllables must be a sequence of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    size_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "%s(): syllable %zd must be str, not %.100s", func, i,
                         Py_TYPE(items[i])->tp_name);
            goto done;
        }
        total += (size_t)PyUnicode_GET_LENGTH(items[i]);
        if (total > TT_MAX_LEN) {
            PyErr_Format(PyExc_ValueError, "%s(): the syllables are too long together", func);
            goto done;
        }
    }
    text = malloc((total + 1) * sizeof *text);
    toks = malloc(((size_t)n + 1) * sizeof *toks);
    joins = malloc((size_t)n + 1);
    if (text == NULL || toks == NULL || joins == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    size_t off = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_ssize_t len = PyUnicode_GET_LENGTH(items[i]);
        if (len > 0 && PyUnicode_AsUCS4(items[i], (Py_UCS4 *)(text + off), len, 0) == NULL)
            goto done;
        toks[i].cp = text + off;
        toks[i].len = (size_t)len;
        toks[i].kind = (uint8_t)tt_seg_guess_kind(text + off, (size_t)len);
        toks[i].flags = 0;
        off += (size_t)len;
    }
    if (total > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_segment(self->model, toks, (size_t)n, joins, NULL);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_segment(self->model, toks, (size_t)n, joins, NULL);
    }
    if (st != TT_OK) {
        tt_raise_status(st, func);
        goto done;
    }
    *count = n;
    ok = 1;
done:
    free(text);
    free(toks);
    if (!ok) {
        free(joins);
        joins = NULL;
    }
    Py_DECREF(seq);
    return joins;
}

static PyObject *seg_joins(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kw[] = {NULL};
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "joins() takes exactly 1 positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("joins", args + nargs, kwnames, kw, NULL) < 0)
        return NULL;
    Py_ssize_t n = 0;
    uint8_t *joins = joins_of((SegmenterObject *)op, "joins", args[0], &n);
    if (joins == NULL)
        return NULL;
    Py_ssize_t nj = n > 0 ? n - 1 : 0;
    PyObject *res = PyList_New(nj);
    if (res != NULL)
        for (Py_ssize_t i = 0; i < nj; i++)
            PyList_SET_ITEM(res, i, Py_NewRef(joins[i] ? Py_True : Py_False));
    free(joins);
    return res;
}

static PyObject *seg_segment(PyObject *op, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    static const char *const kw[] = {"sep", NULL};
    PyObject *kwv[1] = {NULL};
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "segment() takes exactly 1 positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("segment", args + nargs, kwnames, kw, kwv) < 0)
        return NULL;
    PyObject *sep = kwv[0];
    if (sep != NULL && !PyUnicode_Check(sep)) {
        PyErr_Format(PyExc_TypeError, "segment(): sep must be str, not %.100s", Py_TYPE(sep)->tp_name);
        return NULL;
    }
    PyObject *seq = PySequence_Fast(args[0], "syllables must be a sequence of str");
    if (seq == NULL)
        return NULL;
    PyObject *res = NULL, *space = NULL, *word = NULL;
    Py_ssize_t n = 0;
    uint8_t *joins = joins_of((SegmenterObject *)op, "segment", seq, &n);
    if (joins == NULL)
        goto done;
    space = sep ? Py_NewRef(sep) : PyUnicode_FromOrdinal(' ');
    res = PyList_New(0);
    if (space == NULL || res == NULL)
        goto fail;
    PyObject **items = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t i = 0; i < n;) {
        Py_ssize_t j = i;
        while (j + 1 < n && joins[j])
            j++;
        if (j == i) {
            word = Py_NewRef(items[i]);
        } else {
            PyObject *part = PySequence_GetSlice(seq, i, j + 1);
            if (part == NULL)
                goto fail;
            word = PyUnicode_Join(space, part);
            Py_DECREF(part);
            if (word == NULL)
                goto fail;
        }
        if (PyList_Append(res, word) < 0)
            goto fail;
        Py_CLEAR(word);
        i = j + 1;
    }
    goto done;
fail:
    Py_CLEAR(word);
    Py_CLEAR(res);
done:
    free(joins);
    Py_XDECREF(space);
    Py_DECREF(seq);
    return res;
}

static PyObject *seg_get_num_features(PyObject *op, void *closure)
{
    (void)closure;
    return PyLong_FromSize_t(tt_segmenter_num_features(((SegmenterObject *)op)->model));
}

static PyObject *seg_get_num_dict(PyObject *op, void *closure)
{
    (void)closure;
    return PyLong_FromSize_t(tt_segmenter_num_dict_entries(((SegmenterObject *)op)->model));
}

static PyMethodDef seg_methods[] = {
    {"joins", (PyCFunction)(void (*)(void))seg_joins, METH_FASTCALL | METH_KEYWORDS,
     "joins($self, syllables, /)\n--\n\n"
     "For n syllables (a sequence of str, one token each), n - 1 bools: True where a syllable\n"
     "and the next belong to one word. Each str is classified by its first character (letter:\n"
     "a word, ASCII digit: a number, punctuation, or else a symbol); only words join."},
    {"segment", (PyCFunction)(void (*)(void))seg_segment, METH_FASTCALL | METH_KEYWORDS,
     "segment($self, syllables, /, *, sep=' ')\n--\n\n"
     "The words of a sequence of syllables: the syllables of each word joined by sep.\n\n"
     ">>> seg.segment(['Ngoại', 'trưởng', 'Nga', 'phát', 'biểu'])\n"
     "['Ngoại trưởng', 'Nga', 'phát biểu']"},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef seg_getset[] = {
    {"num_features", seg_get_num_features, NULL, "Number of feature weights in the model.", NULL},
    {"num_dict_entries", seg_get_num_dict, NULL, "Number of dictionary entries in the model.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot seg_slots[] = {
    {Py_tp_new, seg_new},
    {Py_tp_dealloc, seg_dealloc},
    {Py_tp_methods, seg_methods},
    {Py_tp_getset, seg_getset},
    {Py_tp_doc, "Segmenter(model)\n--\n\n"
                "A word segmentation model loaded from bytes (tintuc/data/segmenter.bin).\n"
                "ValueError when the bytes are not a valid model. Read-only once loaded: one\n"
                "Segmenter may serve many threads."},
    {0, NULL},
};

static PyType_Spec seg_spec = {
    .name = "tintuc._core.Segmenter",
    .basicsize = sizeof(SegmenterObject),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE,
    .slots = seg_slots,
};

int tt_segmenter_type_add(PyObject *module)
{
    return tt_add_type(module, &seg_spec, &tt_get_state(module)->segmenter_type);
}

tt_segmenter *tt_segmenter_of(PyObject *module, PyObject *obj)
{
    tt_state *st = tt_get_state(module);
    if (!PyObject_TypeCheck(obj, st->segmenter_type)) {
        PyErr_Format(PyExc_TypeError, "expected a tintuc Segmenter, not %.100s", Py_TYPE(obj)->tp_name);
        return NULL;
    }
    return ((SegmenterObject *)obj)->model;
}
