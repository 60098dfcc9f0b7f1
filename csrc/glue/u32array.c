/* tintuc._core.U32Array: an immutable array of uint32 for the token arrays of a document
 * (analyze.c builds them; tintuc._coredoc.CoreDoc keeps them).
 *
 * It holds no Python reference, so it is not a GC type: the cyclic collector never walks it,
 * where a memoryview over bytes costs it two tracked objects (the view and its managed
 * buffer). The items live in the object itself (one allocation, freed with it), so a buffer
 * exported from it stays valid while the exporter lives, and nothing can resize it.
 *
 * It reads as a sequence of int (len, indexing from either end, slices as new arrays,
 * iteration, bisect through sq_item), as a buffer of format "I", compares equal to an array of
 * the same items, and pickles through its bytes (native byte order). */
#include "glue.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    PyObject_VAR_HEAD
    uint32_t v[];
} U32ArrayObject;

#define ITEMS(o) (((U32ArrayObject *)(o))->v)

/* arrays longer than this show their head only */
#define REPR_ITEMS 16

/* A new array of n items left to the caller to fill (*data points at them). */
PyObject *tt_u32array_new(PyTypeObject *type, size_t n, uint32_t **data)
{
    if (n > (size_t)PY_SSIZE_T_MAX / sizeof(uint32_t))
        return PyErr_NoMemory();
    U32ArrayObject *a = PyObject_NewVar(U32ArrayObject, type, (Py_ssize_t)n);
    if (a == NULL)
        return NULL;
    *data = a->v;
    return (PyObject *)a;
}

PyObject *tt_u32array_from(PyTypeObject *type, const uint32_t *p, size_t n)
{
    uint32_t *v = NULL;
    PyObject *a = tt_u32array_new(type, n, &v);
    if (a != NULL && n > 0)
        memcpy(v, p, n * sizeof *v);
    return a;
}

static void u32_dealloc(PyObject *self)
{
    PyTypeObject *tp = Py_TYPE(self);
    tp->tp_free(self);
    Py_DECREF(tp); /* instances of a heap type hold a reference to it */
}

/* U32Array(data=b""): from a bytes-like object of whole uint32 (native order), or from an
 * iterable of int in [0, 2**32). */
static PyObject *u32_new(PyTypeObject *type, PyObject *args, PyObject *kwds)
{
    static char *kwlist[] = {"data", NULL};
    PyObject *data = NULL, *res = NULL, *seq = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|O:U32Array", kwlist, &data))
        return NULL;
    if (data == NULL)
        return tt_u32array_from(type, NULL, 0);
    if (PyObject_CheckBuffer(data)) {
        Py_buffer view;
        if (PyObject_GetBuffer(data, &view, PyBUF_C_CONTIGUOUS) < 0)
            return NULL;
        if (view.len % (Py_ssize_t)sizeof(uint32_t) != 0)
            PyErr_Format(PyExc_ValueError, "U32Array: %zd bytes are not whole uint32", view.len);
        else
            res = tt_u32array_from(type, view.buf, (size_t)view.len / sizeof(uint32_t));
        PyBuffer_Release(&view);
        return res;
    }
    if ((seq = PySequence_Fast(data, "U32Array() takes a bytes-like object or an iterable of int")) == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    uint32_t *v = NULL;
    if ((res = tt_u32array_new(type, (size_t)n, &v)) == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *x = PySequence_Fast_GET_ITEM(seq, k);
        unsigned long long u;
        if (!PyLong_Check(x)) {
            PyErr_Format(PyExc_TypeError, "U32Array items must be int, not %.100s", Py_TYPE(x)->tp_name);
            Py_CLEAR(res);
            goto done;
        }
        u = PyLong_AsUnsignedLongLong(x); /* OverflowError for a negative one */
        if ((u == (unsigned long long)-1 && PyErr_Occurred()) || u > UINT32_MAX) {
            PyErr_Clear();
            PyErr_SetString(PyExc_OverflowError, "U32Array items must lie in [0, 2**32)");
            Py_CLEAR(res);
            goto done;
        }
        v[k] = (uint32_t)u;
    }
done:
    Py_DECREF(seq);
    return res;
}

static Py_ssize_t u32_length(PyObject *self)
{
    return Py_SIZE(self);
}

/* sq_item: the index comes adjusted by len when negative (bisect and iteration go through it) */
static PyObject *u32_item(PyObject *self, Py_ssize_t i)
{
    if (i < 0 || i >= Py_SIZE(self)) {
        PyErr_SetString(PyExc_IndexError, "U32Array index out of range");
        return NULL;
    }
    return PyLong_FromUnsignedLong(ITEMS(self)[i]);
}

static PyObject *u32_subscript(PyObject *self, PyObject *key)
{
    Py_ssize_t n = Py_SIZE(self);
    if (PyLong_CheckExact(key)) { /* the common case, without PyNumber_Index's round trip */
        Py_ssize_t i = PyLong_AsSsize_t(key);
        if (i == -1 && PyErr_Occurred()) {
            if (!PyErr_ExceptionMatches(PyExc_OverflowError))
                return NULL;
            PyErr_Clear();
            PyErr_SetString(PyExc_IndexError, "U32Array index out of range");
            return NULL;
        }
        return u32_item(self, i < 0 ? i + n : i);
    }
    if (PyIndex_Check(key)) {
        Py_ssize_t i = PyNumber_AsSsize_t(key, PyExc_IndexError);
        if (i == -1 && PyErr_Occurred())
            return NULL;
        return u32_item(self, i < 0 ? i + n : i);
    }
    if (PySlice_Check(key)) {
        Py_ssize_t start, stop, step;
        uint32_t *v = NULL;
        if (PySlice_Unpack(key, &start, &stop, &step) < 0)
            return NULL;
        Py_ssize_t len = PySlice_AdjustIndices(n, &start, &stop, step);
        PyObject *res = tt_u32array_new(Py_TYPE(self), (size_t)len, &v);
        if (res == NULL)
            return NULL;
        const uint32_t *src = ITEMS(self);
        if (step == 1 && len > 0)
            memcpy(v, src + start, (size_t)len * sizeof *v);
        else
            for (Py_ssize_t k = 0; k < len; k++)
                v[k] = src[start + k * step];
        return res;
    }
    PyErr_Format(PyExc_TypeError, "U32Array indices must be integers or slices, not %.100s", Py_TYPE(key)->tp_name);
    return NULL;
}

static PyObject *u32_tolist(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    Py_ssize_t n = Py_SIZE(self);
    const uint32_t *v = ITEMS(self);
    PyObject *list = PyList_New(n);
    if (list == NULL)
        return NULL;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *x = PyLong_FromUnsignedLong(v[k]);
        if (x == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, k, x);
    }
    return list;
}

/* iteration over a list of the items: one pass in C, and a list iterator is quicker to step
 * than the sequence protocol's (which ends on an IndexError) */
static PyObject *u32_iter(PyObject *self)
{
    PyObject *list = u32_tolist(self, NULL);
    if (list == NULL)
        return NULL;
    PyObject *it = PyObject_GetIter(list);
    Py_DECREF(list);
    return it;
}

static PyObject *u32_tobytes(PyObject *self, PyObject *Py_UNUSED(ignored))
{
    return PyBytes_FromStringAndSize((const char *)ITEMS(self), Py_SIZE(self) * (Py_ssize_t)sizeof(uint32_t));
}

/* Pickled as U32Array(bytes); from protocol 5 on, as U32Array(PickleBuffer(self)), which a
 * pickler given a buffer_callback (Dask's, for one) leaves out of its stream, to be sent from
 * where it lies. */
static PyObject *u32_reduce_ex(PyObject *self, PyObject *arg)
{
    long protocol = PyLong_AsLong(arg);
    if (protocol == -1 && PyErr_Occurred())
        return NULL;
    PyObject *data = protocol >= 5 ? PyPickleBuffer_FromObject(self) : u32_tobytes(self, NULL);
    if (data == NULL)
        return NULL;
    return Py_BuildValue("O(N)", (PyObject *)Py_TYPE(self), data);
}

static PyObject *u32_richcompare(PyObject *a, PyObject *b, int op)
{
    if ((op != Py_EQ && op != Py_NE) || Py_TYPE(b) != Py_TYPE(a))
        Py_RETURN_NOTIMPLEMENTED;
    Py_ssize_t n = Py_SIZE(a);
    int same = n == Py_SIZE(b) && (n == 0 || memcmp(ITEMS(a), ITEMS(b), (size_t)n * sizeof(uint32_t)) == 0);
    return PyBool_FromLong(same == (op == Py_EQ));
}

static PyObject *u32_repr(PyObject *self)
{
    Py_ssize_t n = Py_SIZE(self), shown = n > REPR_ITEMS ? REPR_ITEMS : n;
    char buf[REPR_ITEMS * 12 + 64];
    size_t at = (size_t)snprintf(buf, sizeof buf, "U32Array([");
    for (Py_ssize_t k = 0; k < shown; k++)
        at += (size_t)snprintf(buf + at, sizeof buf - at, k ? ", %lu" : "%lu", (unsigned long)ITEMS(self)[k]);
    if (shown < n)
        snprintf(buf + at, sizeof buf - at, ", ...], len=%zd)", n);
    else
        snprintf(buf + at, sizeof buf - at, "])");
    return PyUnicode_FromString(buf);
}

/* read-only, C-contiguous, one dimension of uint32 items */
static int u32_getbuffer(PyObject *self, Py_buffer *view, int flags)
{
    static Py_ssize_t stride = sizeof(uint32_t);
    if (PyBuffer_FillInfo(view, self, ITEMS(self), Py_SIZE(self) * (Py_ssize_t)sizeof(uint32_t), 1, flags) < 0)
        return -1;
    view->itemsize = sizeof(uint32_t);
    view->format = (flags & PyBUF_FORMAT) ? "I" : NULL;
    view->ndim = 1;
    view->shape = (flags & PyBUF_ND) ? &((PyVarObject *)self)->ob_size : NULL;
    view->strides = (flags & PyBUF_STRIDES) == PyBUF_STRIDES ? &stride : NULL;
    return 0;
}

static PyMethodDef u32_methods[] = {
    {"tolist", u32_tolist, METH_NOARGS, "tolist($self, /)\n--\n\nThe items as a list of int."},
    {"tobytes", u32_tobytes, METH_NOARGS, "tobytes($self, /)\n--\n\nThe items as bytes (native byte order)."},
    {"__reduce_ex__", u32_reduce_ex, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot u32_slots[] = {
    {Py_tp_dealloc, u32_dealloc},
    {Py_tp_new, u32_new},
    {Py_tp_repr, u32_repr},
    {Py_tp_richcompare, u32_richcompare},
    {Py_tp_iter, u32_iter},
    {Py_tp_methods, u32_methods},
    {Py_sq_length, u32_length},
    {Py_sq_item, u32_item},
    {Py_mp_length, u32_length},
    {Py_mp_subscript, u32_subscript},
    {Py_bf_getbuffer, u32_getbuffer},
    {Py_tp_doc, "U32Array(data=b'')\n--\n\n"
                "An immutable array of uint32 (the token arrays of a document), from bytes of\n"
                "whole items or an iterable of int. Not tracked by the cyclic garbage collector."},
    {0, NULL},
};

static PyType_Spec u32_spec = {
    .name = "tintuc._core.U32Array",
    .basicsize = (int)offsetof(U32ArrayObject, v),
    .itemsize = (int)sizeof(uint32_t),
    /* no Py_TPFLAGS_HAVE_GC: it refers to no object; no BASETYPE: a subclass could add a
     * __dict__, which the collector would have to see */
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_IMMUTABLETYPE | Py_TPFLAGS_SEQUENCE,
    .slots = u32_slots,
};

int tt_u32array_type_add(PyObject *module)
{
    return tt_add_type(module, &u32_spec, &tt_get_state(module)->u32array_type);
}
