/* cue_records / cue_find / cue_longest: the phrase scans of core/cue_find.h over the hits of
 * one cue group of a document (tintuc.cuelex): the records are made once per document and
 * group, and each scan returns its phrases as (phrase, start, end[, on_words]) tuples. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/cue_find.h"
#include "../core/cues.h"
#include "../core/word_window.h"

/* what re's \w matches: str.isalnum() or "_" (the word class of word_window.h) */
static int is_word(Py_UCS4 c)
{
    return tt_glue_win_class(c) & TT_WIN_WORD;
}

/* The records of one group's packed hits; NULL with an exception set. */
static PyObject *records_from(const char *func, const void *buf, Py_ssize_t nbytes, const uint32_t *starts,
                              const uint32_t *ends, size_t ntok, PyObject *text)
{
    if (nbytes % (Py_ssize_t)sizeof(tt_cue_hit) != 0) {
        PyErr_Format(PyExc_ValueError, "%s(): hits of 16 bytes", func);
        return NULL;
    }
    size_t n = (size_t)nbytes / sizeof(tt_cue_hit);
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(n * sizeof(tt_cue_rec)));
    if (out == NULL)
        return NULL;
    tt_cue_rec *rec = (tt_cue_rec *)PyBytes_AS_STRING(out);
    for (size_t i = 0; i < n; i++) {
        tt_cue_hit h;
        memcpy(&h, (const char *)buf + i * sizeof h, sizeof h);
        if (h.tok_start >= h.tok_end || h.tok_end > ntok || starts[h.tok_start] > ends[h.tok_end - 1]
            || ends[h.tok_end - 1] > (size_t)len || (i > 0 && starts[h.tok_start] < rec[i - 1].start)) {
            PyErr_Format(PyExc_ValueError, "%s(): a hit outside the tokens or out of order", func);
            Py_DECREF(out);
            return NULL;
        }
        uint32_t s = starts[h.tok_start], e = ends[h.tok_end - 1];
        rec[i].start = s;
        rec[i].end = e;
        rec[i].value = h.value;
        rec[i].token = h.tok_start;
        rec[i].flags = (s > 0 && is_word(PyUnicode_READ(kind, data, s - 1)) ? TT_CUE_REC_WORD_BEFORE : 0)
                       | ((Py_ssize_t)e < len && is_word(PyUnicode_READ(kind, data, e)) ? TT_CUE_REC_WORD_AFTER : 0)
                       | (h.flags & TT_CUE_WORDS ? TT_CUE_REC_ON_WORDS : 0);
    }
    return out;
}

/* (nstart, nend) as views of one length; 0, or -1 with an exception set (nothing held). */
static int token_views(const char *func, PyObject *const *args, Py_buffer *ns, Py_buffer *ne)
{
    if (tt_u32_view(args[0], "nstart", ns) < 0)
        return -1;
    if (tt_u32_view(args[1], "nend", ne) < 0) {
        PyBuffer_Release(ns);
        return -1;
    }
    if (ns->len != ne->len) {
        PyErr_Format(PyExc_ValueError, "%s(): nstart and nend of one length", func);
        PyBuffer_Release(ns);
        PyBuffer_Release(ne);
        return -1;
    }
    return 0;
}

static PyObject *py_cue_records(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *out = NULL;
    Py_buffer hits = {0}, ns = {0}, ne = {0};
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "cue_records() takes 4 arguments (hits, nstart, nend, text)");
        return NULL;
    }
    PyObject *text = args[3];
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "cue_records() text must be str");
        return NULL;
    }
    if (PyObject_GetBuffer(args[0], &hits, PyBUF_C_CONTIGUOUS) < 0)
        return NULL;
    if (token_views("cue_records", args + 1, &ns, &ne) == 0) {
        out = records_from("cue_records", hits.buf, hits.len, ns.buf, ne.buf, (size_t)ns.len / 4, text);
        PyBuffer_Release(&ns);
        PyBuffer_Release(&ne);
    }
    PyBuffer_Release(&hits);
    return out;
}

/* cue_records_all(groups, nstart, nend, text): cue_records of each group's hits (a tuple of
 * bytes), the token arrays read once for all. */
static PyObject *py_cue_records_all(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *out = NULL;
    Py_buffer ns = {0}, ne = {0};
    if (nargs != 4) {
        PyErr_SetString(PyExc_TypeError, "cue_records_all() takes 4 arguments (groups, nstart, nend, text)");
        return NULL;
    }
    PyObject *groups = args[0], *text = args[3];
    if (!PyTuple_Check(groups) || !PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "cue_records_all() takes a tuple of hits and a str");
        return NULL;
    }
    if (token_views("cue_records_all", args + 1, &ns, &ne) < 0)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(groups);
    if ((out = PyTuple_New(n)) == NULL)
        goto done;
    for (Py_ssize_t g = 0; g < n; g++) {
        PyObject *item = PyTuple_GET_ITEM(groups, g);
        if (!PyBytes_Check(item)) {
            PyErr_SetString(PyExc_TypeError, "cue_records_all() hits must be bytes");
            Py_CLEAR(out);
            goto done;
        }
        PyObject *rec = records_from("cue_records_all", PyBytes_AS_STRING(item), PyBytes_GET_SIZE(item), ns.buf,
                                     ne.buf, (size_t)ns.len / 4, text);
        if (rec == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyTuple_SET_ITEM(out, g, rec);
    }
done:
    PyBuffer_Release(&ns);
    PyBuffer_Release(&ne);
    return out;
}

/* The records of a bytes object made by cue_records; NULL with an exception set. */
static const tt_cue_rec *records_of(PyObject *obj, size_t *n)
{
    if (!PyBytes_Check(obj) || PyBytes_GET_SIZE(obj) % (Py_ssize_t)sizeof(tt_cue_rec) != 0) {
        PyErr_SetString(PyExc_TypeError, "records must be bytes made by cue_records()");
        return NULL;
    }
    *n = (size_t)PyBytes_GET_SIZE(obj) / sizeof(tt_cue_rec);
    return (const tt_cue_rec *)PyBytes_AS_STRING(obj);
}

/* A list of (phrase, start, end) tuples, with on_words as a fourth item when asked. */
static PyObject *found_list(const tt_cue_rec *rec, const size_t *idx, size_t got, PyObject *phrases, int on_words)
{
    PyObject *list = PyList_New((Py_ssize_t)got);
    if (list == NULL)
        return NULL;
    Py_ssize_t np = PyList_GET_SIZE(phrases);
    for (size_t k = 0; k < got; k++) {
        const tt_cue_rec *r = &rec[idx[k]];
        if ((Py_ssize_t)r->value >= np) {
            PyErr_SetString(PyExc_ValueError, "a hit's value names no phrase");
            Py_DECREF(list);
            return NULL;
        }
        PyObject *t = on_words ? Py_BuildValue("(OIIO)", PyList_GET_ITEM(phrases, r->value), r->start, r->end,
                                               (r->flags & TT_CUE_REC_ON_WORDS) ? Py_True : Py_False)
                               : Py_BuildValue("(OII)", PyList_GET_ITEM(phrases, r->value), r->start, r->end);
        if (t == NULL) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)k, t);
    }
    return list;
}

/* What cue_find and cue_longest ask of a group's records. */
typedef struct {
    int longest; /* cue_longest: the longest phrase at each first token */
    size_t start, end;
    int word_start;
} query;

static PyObject *answer(PyObject *records, PyObject *phrases, const char *func, const query *q)
{
    size_t n;
    const tt_cue_rec *rec = records_of(records, &n);
    if (rec == NULL)
        return NULL;
    if (!PyList_Check(phrases)) {
        PyErr_Format(PyExc_TypeError, "%s() phrases must be a list", func);
        return NULL;
    }
    size_t stack[64];
    size_t *idx = stack;
    if (n > 64 && (idx = malloc(n * sizeof *idx)) == NULL)
        return PyErr_NoMemory();
    size_t got = q->longest ? tt_cue_longest(rec, n, idx)
                            : tt_cue_find(rec, n, q->start, q->end, q->word_start, idx);
    PyObject *list = found_list(rec, idx, got, phrases, q->longest);
    if (idx != stack)
        free(idx);
    return list;
}

static PyObject *py_cue_find(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "cue_find() takes 5 arguments (records, phrases, start, end, word_start)");
        return NULL;
    }
    Py_ssize_t start = PyLong_AsSsize_t(args[2]);
    if (start == -1 && PyErr_Occurred())
        return NULL;
    Py_ssize_t end = PyLong_AsSsize_t(args[3]);
    if (end == -1 && PyErr_Occurred())
        return NULL;
    int word_start = PyObject_IsTrue(args[4]);
    if (word_start < 0)
        return NULL;
    if (start < 0 || end < 0) {
        PyErr_SetString(PyExc_ValueError, "cue_find() takes no negative offsets");
        return NULL;
    }
    query q = {0, (size_t)start, (size_t)end, word_start};
    return answer(args[0], args[1], "cue_find", &q);
}

static PyObject *py_cue_longest(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "cue_longest() takes 2 arguments (records, phrases)");
        return NULL;
    }
    query q = {1, 0, 0, 0};
    return answer(args[0], args[1], "cue_longest", &q);
}

PyMethodDef tt_cue_find_methods[] = {
    {"cue_records", (PyCFunction)(void (*)(void))py_cue_records, METH_FASTCALL,
     "cue_records($module, hits, nstart, nend, text, /)\n--\n\n"
     "The hits of one cue group (packed tt_cue_hit) as records for cue_find and cue_longest."},
    {"cue_records_all", (PyCFunction)(void (*)(void))py_cue_records_all, METH_FASTCALL,
     "cue_records_all($module, groups, nstart, nend, text, /)\n--\n\n"
     "cue_records of the hits of each group (a tuple of bytes), as a tuple of records."},
    {"cue_find", (PyCFunction)(void (*)(void))py_cue_find, METH_FASTCALL,
     "cue_find($module, records, phrases, start, end, word_start, /)\n--\n\n"
     "The phrases a regular expression of them followed by (?!\\w) finds in text[start:end]."},
    {"cue_longest", (PyCFunction)(void (*)(void))py_cue_longest, METH_FASTCALL,
     "cue_longest($module, records, phrases, /)\n--\n\n"
     "At each first token, the longest phrase no word character follows, with its on_words flag."},
    {NULL, NULL, 0, NULL},
};
