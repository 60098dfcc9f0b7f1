/* qty_follow, qty_word_hits, qty_digit_starts: where tintuc.quantity reads numbers in words
 * and in digits (core/qty_scan.h). */
#include "glue.h"

#include <stdlib.h>

#include "../core/qty_scan.h"

#define FOLLOW_CAPSULE "tintuc._core.qty_follow"

static void follow_destroy(PyObject *capsule)
{
    tt_qty_follow_free(PyCapsule_GetPointer(capsule, FOLLOW_CAPSULE));
}

static PyObject *py_qty_follow(PyObject *mod, PyObject *words)
{
    (void)mod;
    PyObject *seq = NULL, *res = NULL;
    tt_cp *cps = NULL;
    tt_off *ends = NULL;
    tt_qty_follow *f = NULL;
    size_t total = 0, at = 0;
    if ((seq = PySequence_Fast(words, "qty_follow() takes a sequence of str")) == NULL)
        return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    for (Py_ssize_t k = 0; k < n; k++) {
        if (!PyUnicode_Check(items[k])) {
            PyErr_Format(PyExc_TypeError, "qty_follow() takes str words, not %.100s", Py_TYPE(items[k])->tp_name);
            goto done;
        }
        total += (size_t)PyUnicode_GET_LENGTH(items[k]);
    }
    if (total > TT_MAX_LEN) {
        tt_raise_status(TT_ETOOLONG, "qty_follow");
        goto done;
    }
    if ((cps = malloc((total + 1) * sizeof *cps)) == NULL || (ends = malloc(((size_t)n + 1) * sizeof *ends)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *w = items[k];
        int kind = PyUnicode_KIND(w);
        const void *data = PyUnicode_DATA(w);
        for (Py_ssize_t i = 0; i < PyUnicode_GET_LENGTH(w); i++)
            cps[at++] = (tt_cp)PyUnicode_READ(kind, data, i);
        ends[k] = (tt_off)at;
    }
    tt_status st = tt_qty_follow_new(cps, ends, (size_t)n, &f);
    if (st != TT_OK) {
        tt_raise_status(st, "qty_follow");
        goto done;
    }
    if ((res = PyCapsule_New(f, FOLLOW_CAPSULE, follow_destroy)) == NULL)
        tt_qty_follow_free(f);
done:
    free(cps);
    free(ends);
    Py_DECREF(seq);
    return res;
}

/* A scan of text (one of the two below) as a list of positions. */
static PyObject *run_scan(PyObject *text, const char *name, const tt_qty_follow *f)
{
    tt_offbuf hits = {0};
    tt_cp *wide = NULL;
    PyObject *res = NULL;
    tt_status st;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str, not %.100s", name, Py_TYPE(text)->tp_name);
        return NULL;
    }
    size_t n = (size_t)PyUnicode_GET_LENGTH(text);
    if (n > TT_MAX_LEN)
        return tt_raise_status(TT_ETOOLONG, name);
    if ((wide = tt_widen(PyUnicode_KIND(text), PyUnicode_DATA(text), n)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = f ? tt_qty_word_hits(wide, n, tt_py_ctype, f, &hits) : tt_qty_digit_starts(wide, n, tt_py_ctype, &hits);
        Py_END_ALLOW_THREADS
    } else {
        st = f ? tt_qty_word_hits(wide, n, tt_py_ctype, f, &hits) : tt_qty_digit_starts(wide, n, tt_py_ctype, &hits);
    }
    if (st != TT_OK) {
        tt_raise_status(st, name);
        goto done;
    }
    if ((res = PyList_New((Py_ssize_t)hits.n)) == NULL)
        goto done;
    for (size_t k = 0; k < hits.n; k++) {
        PyObject *at = PyLong_FromUnsignedLong((unsigned long)hits.v[k]);
        if (at == NULL) {
            Py_CLEAR(res);
            goto done;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)k, at);
    }
done:
    free(wide);
    tt_offbuf_free(&hits);
    return res;
}

static PyObject *py_qty_word_hits(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "qty_word_hits() takes 2 arguments (%zd given)", nargs);
        return NULL;
    }
    if (!PyCapsule_IsValid(args[1], FOLLOW_CAPSULE)) {
        PyErr_SetString(PyExc_TypeError, "qty_word_hits() takes the words made by qty_follow()");
        return NULL;
    }
    return run_scan(args[0], "qty_word_hits", PyCapsule_GetPointer(args[1], FOLLOW_CAPSULE));
}

static PyObject *py_qty_digit_starts(PyObject *mod, PyObject *text)
{
    (void)mod;
    return run_scan(text, "qty_digit_starts", NULL);
}

PyMethodDef tt_qty_methods[] = {
    {"qty_follow", py_qty_follow, METH_O,
     "qty_follow(words) -> capsule: the words that may follow a number word, for qty_word_hits."},
    {"qty_word_hits", (PyCFunction)(void (*)(void))py_qty_word_hits, METH_FASTCALL,
     "qty_word_hits(text, follow) -> list of int: where tintuc.quantity's scans for number words\n"
     "find one (quantity._WORD_SCANS, in their order), follow made by qty_follow."},
    {"qty_digit_starts", py_qty_digit_starts, METH_O,
     "qty_digit_starts(text) -> list of int: where a number in digits may begin, as the start of\n"
     "tintuc.quantity._DIGITS_QTY_RE (up to its first digit) reads it."},
    {NULL, NULL, 0, NULL},
};
