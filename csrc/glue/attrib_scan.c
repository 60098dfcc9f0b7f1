/* attrib_anchors: the anchors of the attribution rules that may open a form
 * (core/attrib_scan.h), read from a cue group's records (cue_find.c) and the document's
 * normalized and lower-cased texts in place; attrib_dateline_lines and attrib_credit_lines:
 * the lines where a dateline or a credit can stand. */
#include "glue.h"

#include <stdlib.h>

#include "../core/attrib_scan.h"

#define MAX_KEYS 16
#define MAX_KEY_LEN 32

/* str.isspace / isupper / isalnum of one code point, as re's [^\S\n] and the rules read them */
static unsigned as_ctype(tt_cp c)
{
    Py_UCS4 u = (Py_UCS4)c;
    return (Py_UNICODE_ISSPACE(u) ? TT_AS_SPACE : 0u) | (Py_UNICODE_ISUPPER(u) ? TT_AS_UPPER : 0u)
           | (Py_UNICODE_ISALNUM(u) ? TT_AS_ALNUM : 0u);
}

static int text_of(PyObject *obj, const char *what, tt_as_text *t)
{
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be str", what);
        return -1;
    }
    t->data = PyUnicode_DATA(obj);
    t->n = (size_t)PyUnicode_GET_LENGTH(obj);
    t->width = PyUnicode_KIND(obj);
    return 0;
}

/* a str of at most MAX_KEY_LEN code points copied into cp; its length, or -1 */
static Py_ssize_t copy_word(PyObject *word, tt_cp *cp)
{
    if (!PyUnicode_Check(word) || PyUnicode_GET_LENGTH(word) > MAX_KEY_LEN)
        return -1;
    Py_ssize_t len = PyUnicode_GET_LENGTH(word);
    for (Py_ssize_t j = 0; j < len; j++)
        cp[j] = PyUnicode_READ_CHAR(word, j);
    return len;
}

/* keys: a tuple of (word, rule) or (word, rule, next characters) items, their code points
 * copied into cp (room for 2 * MAX_KEYS * MAX_KEY_LEN) */
static int keys_of(PyObject *obj, tt_as_key *keys, tt_cp *cp, size_t *n_keys)
{
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) > MAX_KEYS) {
        PyErr_Format(PyExc_TypeError, "attrib_anchors() keys must be a tuple of at most %d items", MAX_KEYS);
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(obj);
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *item = PyTuple_GET_ITEM(obj, k);
        tt_cp *w = cp + (size_t)k * 2 * MAX_KEY_LEN, *nx = w + MAX_KEY_LEN;
        Py_ssize_t size = PyTuple_Check(item) ? PyTuple_GET_SIZE(item) : 0;
        Py_ssize_t len = size == 2 || size == 3 ? copy_word(PyTuple_GET_ITEM(item, 0), w) : -1;
        Py_ssize_t n_next = size == 3 ? copy_word(PyTuple_GET_ITEM(item, 2), nx) : 0;
        if (len < 0 || n_next < 0) {
            PyErr_Format(PyExc_TypeError,
                         "attrib_anchors() keys: (word, rule[, next characters]) with strs of at most %d characters",
                         MAX_KEY_LEN);
            return -1;
        }
        long rule = PyLong_AsLong(PyTuple_GET_ITEM(item, 1));
        if (rule == -1 && PyErr_Occurred())
            return -1;
        keys[k].cp = w;
        keys[k].n = (size_t)len;
        keys[k].rule = rule < 0 || rule > 255 ? -1 : (int)rule;
        keys[k].next = nx;
        keys[k].n_next = (size_t)n_next;
    }
    *n_keys = (size_t)n;
    return 0;
}

static PyObject *py_attrib_anchors(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *list = NULL;
    size_t stack[64];
    size_t *idx = stack;
    if (nargs != 5) {
        PyErr_SetString(PyExc_TypeError, "attrib_anchors() takes 5 arguments (records, norm, low, keys, other)");
        return NULL;
    }
    PyObject *records = args[0];
    if (!PyBytes_Check(records) || PyBytes_GET_SIZE(records) % (Py_ssize_t)sizeof(tt_cue_rec) != 0) {
        PyErr_SetString(PyExc_TypeError, "attrib_anchors() records must be bytes made by cue_records()");
        return NULL;
    }
    size_t n = (size_t)PyBytes_GET_SIZE(records) / sizeof(tt_cue_rec);
    const tt_cue_rec *rec = (const tt_cue_rec *)PyBytes_AS_STRING(records);
    tt_as_text norm, low;
    tt_as_key keys[MAX_KEYS];
    tt_cp key_cp[2 * MAX_KEYS * MAX_KEY_LEN];
    size_t n_keys = 0;
    if (text_of(args[1], "attrib_anchors() norm", &norm) < 0 || text_of(args[2], "attrib_anchors() low", &low) < 0
        || keys_of(args[3], keys, key_cp, &n_keys) < 0)
        return NULL;
    long other = PyLong_AsLong(args[4]);
    if (other == -1 && PyErr_Occurred())
        return NULL;
    if (other < 0 || other >= TT_AS_NRULES) {
        PyErr_SetString(PyExc_ValueError, "attrib_anchors(): no such rule");
        return NULL;
    }
    if (n > 64 && (idx = malloc(n * sizeof *idx)) == NULL)
        return PyErr_NoMemory();
    size_t got = 0;
    tt_status st;
    if (n > TT_GIL_THRESHOLD / 16) {
        Py_BEGIN_ALLOW_THREADS
        size_t cand = tt_cue_longest(rec, n, idx);
        st = tt_attrib_scan(rec, n, idx, cand, &norm, &low, keys, n_keys, (int)other, as_ctype, idx, &got);
        Py_END_ALLOW_THREADS
    } else {
        size_t cand = tt_cue_longest(rec, n, idx);
        st = tt_attrib_scan(rec, n, idx, cand, &norm, &low, keys, n_keys, (int)other, as_ctype, idx, &got);
    }
    if (st != TT_OK) {
        tt_raise_status(st, "attrib_anchors()");
        goto done;
    }
    list = PyList_New((Py_ssize_t)got);
    if (list == NULL)
        goto done;
    for (size_t k = 0; k < got; k++) {
        PyObject *t = Py_BuildValue("(II)", rec[idx[k]].start, rec[idx[k]].end);
        if (t == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)k, t);
    }
done:
    if (idx != stack)
        free(idx);
    return list;
}

/* What a line pass answers: the list of the offsets in buf, or NULL with st raised as what's
   error; buf is freed either way. */
static PyObject *lines_result(tt_status st, const char *what, tt_offbuf *buf)
{
    PyObject *list = NULL;
    if (st != TT_OK) {
        tt_raise_status(st, what);
        goto done;
    }
    list = PyList_New((Py_ssize_t)buf->n);
    if (list == NULL)
        goto done;
    for (size_t k = 0; k < buf->n; k++) {
        PyObject *v = PyLong_FromUnsignedLong(buf->v[k]);
        if (v == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)k, v);
    }
done:
    tt_offbuf_free(buf);
    return list;
}

static PyObject *py_attrib_dateline_lines(PyObject *self, PyObject *arg)
{
    (void)self;
    tt_as_text norm;
    tt_offbuf lines = {0};
    if (text_of(arg, "attrib_dateline_lines() norm", &norm) < 0)
        return NULL;
    tt_status st;
    if (norm.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_attrib_dateline_lines(&norm, as_ctype, &lines);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_attrib_dateline_lines(&norm, as_ctype, &lines);
    }
    return lines_result(st, "attrib_dateline_lines()", &lines);
}

static PyObject *py_attrib_credit_lines(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    tt_as_text norm;
    tt_offbuf lines = {0};
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "attrib_credit_lines() takes 2 arguments (norm, k)");
        return NULL;
    }
    if (text_of(args[0], "attrib_credit_lines() norm", &norm) < 0)
        return NULL;
    Py_ssize_t k = PyLong_AsSsize_t(args[1]);
    if (k == -1 && PyErr_Occurred())
        return NULL;
    if (k < 0) {
        PyErr_SetString(PyExc_ValueError, "attrib_credit_lines() takes no negative count");
        return NULL;
    }
    tt_status st;
    if (norm.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_attrib_credit_lines(&norm, (size_t)k, as_ctype, &lines);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_attrib_credit_lines(&norm, (size_t)k, as_ctype, &lines);
    }
    return lines_result(st, "attrib_credit_lines()", &lines);
}

PyMethodDef tt_attrib_scan_methods[] = {
    {"attrib_anchors", (PyCFunction)(void (*)(void))py_attrib_anchors, METH_FASTCALL,
     "attrib_anchors($module, records, norm, low, keys, other, /)\n--\n\n"
     "(start, end) of the attribution anchors (the longest phrase at each token of the records) that may "
     "open a form: keys are (lower-cased word, rule[, next word's first characters]), other the rule of any other key."},
    {"attrib_dateline_lines", (PyCFunction)py_attrib_dateline_lines, METH_O,
     "attrib_dateline_lines($module, norm, /)\n--\n\n"
     "Starts of the lines of norm holding a \")\" that a dash follows (spaces aside): where a dateline can stand."},
    {"attrib_credit_lines", (PyCFunction)(void (*)(void))py_attrib_credit_lines, METH_FASTCALL,
     "attrib_credit_lines($module, norm, k, /)\n--\n\n"
     "Starts of the lines among the last k of norm that open with \"Theo\" or \"theo\" and a space: where a "
     "credit can stand."},
    {NULL, NULL, 0, NULL},
};
