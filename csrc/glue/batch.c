/* The batch driver every many-texts entry point shares: chunks of documents go through C work
 * with the GIL released, then their Python results are built with it held; Ctrl-C is answered
 * between chunks. Missing values (None, NaN) come back as they are. */
#include "glue.h"

#include <stdlib.h>

int tt_batch_text_of(const char *func, PyObject *t, Py_ssize_t i, tt_batch_text *bt)
{
    bt->data = NULL;
    bt->n = 0;
    bt->st = TT_OK;
    if (tt_is_missing(t))
        return 0;
    if (!PyUnicode_Check(t)) {
        PyErr_Format(PyExc_TypeError, "%s(): item %zd must be str, None or NaN, not %.100s", func, i,
                     Py_TYPE(t)->tp_name);
        return -1;
    }
    if ((size_t)PyUnicode_GET_LENGTH(t) > TT_MAX_LEN) {
        PyErr_Format(PyExc_ValueError, "%s(): item %zd is too long", func, i);
        return -1;
    }
    bt->kind = PyUnicode_KIND(t);
    bt->data = PyUnicode_DATA(t);
    bt->n = (size_t)PyUnicode_GET_LENGTH(t);
    return 0;
}

PyObject *tt_batch_result(const char *func, PyObject *text, void *item, const tt_batch_ops *ops, const void *ctx)
{
    const tt_batch_text *bt = item;
    if (bt->data == NULL)
        return Py_NewRef(text);
    if (bt->st != TT_OK)
        return tt_raise_status(bt->st, func);
    return ops->build(text, item, ctx);
}

PyObject *tt_run_batch(const char *func, PyObject *texts, const tt_batch_ops *ops, const void *ctx)
{
    PyObject *seq = NULL, *res = NULL;
    char *items = NULL;
    if (PyUnicode_Check(texts)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a sequence of str, not a str", func);
        return NULL;
    }
    /* seq holds a reference to every str whose buffer is read without the GIL */
    seq = PySequence_Fast(texts, "expected an iterable of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **src = PySequence_Fast_ITEMS(seq);
    res = PyList_New(n);
    items = calloc(ops->chunk_docs, ops->item_size);
    if (res == NULL || items == NULL) {
        if (items == NULL)
            PyErr_NoMemory();
        goto fail;
    }
#define ITEM(k) ((void *)(items + (size_t)(k) * ops->item_size))
#define TEXT(k) ((tt_batch_text *)ITEM(k))
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t first = i, count;
        size_t cps = 0;
        for (count = 0; i < n && (size_t)count < ops->chunk_docs && cps < ops->chunk_cps; count++, i++) {
            tt_batch_text *bt = TEXT(count);
            if (tt_batch_text_of(func, src[i], i, bt) < 0)
                goto fail;
            cps += bt->n;
        }
        Py_BEGIN_ALLOW_THREADS
        for (Py_ssize_t k = 0; k < count; k++)
            if (TEXT(k)->data != NULL)
                ops->run(ITEM(k), ctx);
        Py_END_ALLOW_THREADS
        for (Py_ssize_t k = 0; k < count; k++) {
            PyObject *r = tt_batch_result(func, src[first + k], ITEM(k), ops, ctx);
            if (r == NULL)
                goto fail;
            PyList_SET_ITEM(res, first + k, r);
        }
        if (PyErr_CheckSignals() < 0)
            goto fail;
    }
    for (size_t k = 0; k < ops->chunk_docs; k++)
        ops->clear(ITEM(k));
    free(items);
    Py_DECREF(seq);
    return res;
fail:
    if (items != NULL) {
        for (size_t k = 0; k < ops->chunk_docs; k++)
            ops->clear(ITEM(k));
        free(items);
    }
#undef ITEM
#undef TEXT
    Py_XDECREF(seq);
    Py_XDECREF(res);
    return NULL;
}
