/* packed_size(texts), pack_texts(texts, buffer) and unpack_text(data, start, end): a batch's
 * texts given to a forked worker (tintuc._forked) in memory both map, as the strings' own code
 * units, copied, rather than encoded to UTF-8 and decoded again, which costs ten times as much
 * as the copy for Vietnamese text (two bytes a character in CPython). A worker unpacks only
 * the texts it is given to read.
 *
 * A packed text is a head (its length in code units and their size in bytes, 1, 2 or 4, in
 * native order), then its code units, padded to 8 bytes, so that every text's units are
 * aligned for their size. Unpacking makes the str as CPython makes any from code units,
 * checked and in its narrowest kind, so that damaged data gives an error or another str,
 * never a broken one. Lone surrogates are code units like any other and come back unchanged. */
#include "glue.h"

#include <string.h>

typedef struct {
    uint64_t units;
    uint64_t size;
} pack_head;

#define ALIGN 8

static Py_ssize_t padded(Py_ssize_t bytes)
{
    return (bytes + ALIGN - 1) / ALIGN * ALIGN;
}

/* The bytes the texts take packed; -1 with an error when one is no str or they are too long. */
static Py_ssize_t packed_size(PyObject **items, Py_ssize_t n)
{
    Py_ssize_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyUnicode_Check(items[i])) {
            PyErr_Format(PyExc_TypeError, "pack_texts(): item %zd must be str, not %.100s", i,
                         Py_TYPE(items[i])->tp_name);
            return -1;
        }
        Py_ssize_t units = PyUnicode_GET_LENGTH(items[i]);
        Py_ssize_t size = (Py_ssize_t)PyUnicode_KIND(items[i]);
        if (units > (PY_SSIZE_T_MAX - (Py_ssize_t)sizeof(pack_head) - ALIGN - total) / size) {
            PyErr_SetString(PyExc_OverflowError, "pack_texts(): the texts are too long to pack");
            return -1;
        }
        total += (Py_ssize_t)sizeof(pack_head) + padded(units * size);
    }
    return total;
}

static PyObject *py_packed_size(PyObject *module, PyObject *texts)
{
    (void)module;
    PyObject *seq = PySequence_Fast(texts, "packed_size() takes a list of str");
    if (seq == NULL)
        return NULL;
    Py_ssize_t total = packed_size(PySequence_Fast_ITEMS(seq), PySequence_Fast_GET_SIZE(seq));
    Py_DECREF(seq);
    return total < 0 ? NULL : PyLong_FromSsize_t(total);
}

static PyObject *py_pack_texts(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("pack_texts", nargs, 2, 2))
        return NULL;
    PyObject *seq = NULL, *ends = NULL, *out = NULL;
    Py_buffer view = {0};
    if ((seq = PySequence_Fast(args[0], "pack_texts() takes a list of str")) == NULL)
        goto done;
    if (PyObject_GetBuffer(args[1], &view, PyBUF_WRITABLE) < 0) {
        view.obj = NULL;
        goto done;
    }
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    PyObject **items = PySequence_Fast_ITEMS(seq);
    Py_ssize_t total = packed_size(items, n);
    if (total < 0)
        goto done;
    if (total > view.len || (uintptr_t)view.buf % ALIGN != 0) {
        PyErr_Format(PyExc_ValueError, "pack_texts(): the buffer must be aligned and hold %zd bytes", total);
        goto done;
    }
    if ((ends = PyList_New(n)) == NULL)
        goto done;
    char *at = view.buf;
    for (Py_ssize_t i = 0; i < n; i++) {
        pack_head head = {(uint64_t)PyUnicode_GET_LENGTH(items[i]), (uint64_t)PyUnicode_KIND(items[i])};
        Py_ssize_t size = (Py_ssize_t)(head.units * head.size);
        memcpy(at, &head, sizeof head);
        memcpy(at + sizeof head, PyUnicode_DATA(items[i]), (size_t)size);
        memset(at + sizeof head + size, 0, (size_t)(padded(size) - size));
        at += sizeof head + padded(size);
        PyObject *end = PyLong_FromSsize_t(at - (char *)view.buf);
        if (end == NULL)
            goto done;
        PyList_SET_ITEM(ends, i, end);
    }
    out = Py_NewRef(ends);
done:
    if (view.obj != NULL)
        PyBuffer_Release(&view);
    Py_XDECREF(seq);
    Py_XDECREF(ends);
    return out;
}

static PyObject *py_unpack_text(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (!_PyArg_CheckPositional("unpack_text", nargs, 3, 3))
        return NULL;
    Py_ssize_t start = PyLong_AsSsize_t(args[1]), end = -1;
    if (start == -1 && PyErr_Occurred())
        return NULL;
    if ((end = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred())
        return NULL;
    Py_buffer view;
    if (PyObject_GetBuffer(args[0], &view, PyBUF_SIMPLE) < 0)
        return NULL;
    PyObject *out = NULL;
    pack_head head;
    const char *at = NULL;
    if (start < 0 || end > view.len || end - start < (Py_ssize_t)sizeof head
        || (uintptr_t)(at = (const char *)view.buf + start) % ALIGN != 0) {
        PyErr_Format(PyExc_ValueError, "unpack_text(): no packed text at %zd:%zd of %zd bytes", start, end, view.len);
        goto done;
    }
    memcpy(&head, at, sizeof head);
    Py_ssize_t room = end - start - (Py_ssize_t)sizeof head;
    if ((head.size != 1 && head.size != 2 && head.size != 4) || head.units > (uint64_t)room / head.size
        || padded((Py_ssize_t)(head.units * head.size)) != room) {
        PyErr_Format(PyExc_ValueError, "unpack_text(): the packed text at %zd is damaged", start);
        goto done;
    }
    if (head.size == 4) /* CPython takes four-byte units as they come: past U+10FFFF is no str */
        for (uint64_t k = 0; k < head.units; k++)
            if (((const Py_UCS4 *)(at + sizeof head))[k] > 0x10ffff) {
                PyErr_Format(PyExc_ValueError, "unpack_text(): the packed text at %zd is damaged", start);
                goto done;
            }
    out = PyUnicode_FromKindAndData((int)head.size, at + sizeof head, (Py_ssize_t)head.units);
done:
    PyBuffer_Release(&view);
    return out;
}

PyMethodDef tt_text_pack_methods[] = {
    {"packed_size", (PyCFunction)py_packed_size, METH_O,
     "packed_size($module, texts, /)\n--\n\n"
     "The bytes pack_texts needs for the texts."},
    {"pack_texts", (PyCFunction)(void (*)(void))py_pack_texts, METH_FASTCALL,
     "pack_texts($module, texts, buffer, /)\n--\n\n"
     "The texts' code units packed at the start of a writable buffer (aligned to 8 bytes);\n"
     "the offset where each ends in it."},
    {"unpack_text", (PyCFunction)(void (*)(void))py_unpack_text, METH_FASTCALL,
     "unpack_text($module, data, start, end, /)\n--\n\n"
     "The str packed by pack_texts at data[start:end]."},
    {NULL, NULL, 0, NULL},
};
