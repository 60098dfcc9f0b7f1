/* trigger_table / trigger_check: the word checks of event triggers (core/trigger_check.h)
 * for tintuc.events.triggers: the table is compiled once from the lexicon, then each
 * document's trigger hits are checked in one call. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>

#include "../core/cue_find.h"
#include "../core/trigger_check.h"
#include "../core/word_window.h"

#define CAPSULE_NAME "tintuc._core.trigger_table"

static void table_destroy(PyObject *capsule)
{
    tt_tc_free(PyCapsule_GetPointer(capsule, CAPSULE_NAME));
}

static int status_error(tt_status st)
{
    if (st == TT_ENOMEM)
        PyErr_NoMemory();
    else
        PyErr_SetString(PyExc_ValueError, "trigger_table(): bad word, phrase or row");
    return -1;
}

/* Adds str w to the vocabulary; 0, or -1 with an exception set. */
static int add_word(tt_tc_table *t, PyObject *w, int det, uint32_t *id)
{
    if (!PyUnicode_Check(w)) {
        PyErr_SetString(PyExc_TypeError, "trigger_table(): words must be str");
        return -1;
    }
    Py_UCS4 *cp = PyUnicode_AsUCS4Copy(w);
    if (cp == NULL)
        return -1;
    tt_status st = tt_tc_add_word(t, (const tt_cp *)cp, (size_t)PyUnicode_GET_LENGTH(w), det, id);
    PyMem_Free(cp);
    return st == TT_OK ? 0 : status_error(st);
}

/* An unsigned 32-bit value of a Python int; 0, or -1 with an exception set. */
static int u32_of(PyObject *o, uint32_t *v)
{
    unsigned long x = PyLong_AsUnsignedLong(o);
    if (x == (unsigned long)-1 && PyErr_Occurred())
        return -1;
    if (x > UINT32_MAX) {
        PyErr_SetString(PyExc_OverflowError, "value does not fit 32 bits");
        return -1;
    }
    *v = (uint32_t)x;
    return 0;
}

/* phrases: (class, words, types) tuples; rows: one list of (needs, reach, type) per value. */
static int fill_table(tt_tc_table *t, PyObject *determiners, PyObject *phrases, PyObject *rows)
{
    Py_ssize_t n = PyList_GET_SIZE(determiners);
    for (Py_ssize_t i = 0; i < n; i++) {
        uint32_t id;
        if (add_word(t, PyList_GET_ITEM(determiners, i), 1, &id) < 0)
            return -1;
    }
    n = PyList_GET_SIZE(phrases);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *p = PyList_GET_ITEM(phrases, i), *words;
        uint32_t cls, types, ids[TT_TC_MAX_PHRASE];
        unsigned long cls_l, types_l;
        if (!PyArg_ParseTuple(p, "kO!k", &cls_l, &PyTuple_Type, &words, &types_l))
            return -1;
        Py_ssize_t nw = PyTuple_GET_SIZE(words);
        if (nw == 0 || nw > TT_TC_MAX_PHRASE || cls_l > UINT32_MAX || types_l > UINT32_MAX) {
            PyErr_SetString(PyExc_ValueError, "trigger_table(): a phrase of no or too many words");
            return -1;
        }
        cls = (uint32_t)cls_l;
        types = (uint32_t)types_l;
        for (Py_ssize_t w = 0; w < nw; w++)
            if (add_word(t, PyTuple_GET_ITEM(words, w), 0, &ids[w]) < 0)
                return -1;
        tt_status st = tt_tc_add_phrase(t, cls, ids, (size_t)nw, types);
        if (st != TT_OK)
            return status_error(st);
    }
    n = PyList_GET_SIZE(rows);
    for (Py_ssize_t v = 0; v < n; v++) {
        PyObject *list = PyList_GET_ITEM(rows, v);
        if (!PyList_Check(list) || PyList_GET_SIZE(list) == 0 || PyList_GET_SIZE(list) > 16) {
            PyErr_SetString(PyExc_ValueError, "trigger_table(): each value needs a list of 1 to 16 rows");
            return -1;
        }
        tt_tc_row r[16];
        Py_ssize_t nr = PyList_GET_SIZE(list);
        for (Py_ssize_t k = 0; k < nr; k++) {
            int needs;
            unsigned long reach, type;
            if (!PyArg_ParseTuple(PyList_GET_ITEM(list, k), "ikk", &needs, &reach, &type))
                return -1;
            if (reach > UINT32_MAX || type > UINT32_MAX) {
                PyErr_SetString(PyExc_ValueError, "trigger_table(): bad row");
                return -1;
            }
            r[k] = (tt_tc_row){needs, (uint32_t)reach, (uint32_t)type};
        }
        tt_status st = tt_tc_set_rows(t, (uint32_t)v, r, (size_t)nr);
        if (st != TT_OK)
            return status_error(st);
    }
    return 0;
}

static PyObject *py_trigger_table(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *res = NULL;
    tt_tc_table *t = NULL;
    uint32_t sizes[3];
    if (nargs != 6) {
        PyErr_SetString(PyExc_TypeError,
                        "trigger_table() takes 6 arguments (before, after, scope, determiners, phrases, rows)");
        goto done;
    }
    for (int i = 0; i < 3; i++)
        if (u32_of(args[i], &sizes[i]) < 0)
            goto done;
    if (sizes[0] > 256 || sizes[1] > 256) {
        PyErr_SetString(PyExc_ValueError, "trigger_table(): windows of at most 256 words");
        goto done;
    }
    for (int i = 3; i < 6; i++)
        if (!PyList_Check(args[i])) {
            PyErr_SetString(PyExc_TypeError, "trigger_table(): determiners, phrases and rows must be lists");
            goto done;
        }
    if ((t = tt_tc_new(sizes[0], sizes[1], sizes[2])) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (fill_table(t, args[3], args[4], args[5]) < 0)
        goto done;
    if ((res = PyCapsule_New(t, CAPSULE_NAME, table_destroy)) != NULL)
        t = NULL;
done:
    tt_tc_free(t);
    return res;
}

enum { V_START, V_END, V_EXCLUDED, V_SENT, N_VIEWS };

static PyObject *py_trigger_check(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    static const char *const names[N_VIEWS] = {"entity starts", "entity ends", "excluded", "sentence starts"};
    PyObject *list = NULL;
    Py_buffer views[N_VIEWS];
    int have = 0;
    tt_cp *cp = NULL;
    uint8_t *cls = NULL;
    size_t *idx = NULL;
    tt_tc_cand *cand = NULL;
    tt_tc_out *out = NULL;
    if (nargs != 7) {
        PyErr_SetString(PyExc_TypeError, "trigger_check() takes 7 arguments (table, text, records, entity_starts, "
                                         "entity_ends, excluded, sentence_starts)");
        goto done;
    }
    if (!PyCapsule_IsValid(args[0], CAPSULE_NAME)) {
        PyErr_SetString(PyExc_TypeError, "trigger_check() table must come from trigger_table()");
        goto done;
    }
    const tt_tc_table *t = PyCapsule_GetPointer(args[0], CAPSULE_NAME);
    PyObject *text = args[1];
    if (!PyUnicode_Check(text) || !PyBytes_Check(args[2])
        || PyBytes_GET_SIZE(args[2]) % (Py_ssize_t)sizeof(tt_cue_rec) != 0) {
        PyErr_SetString(PyExc_TypeError, "trigger_check() takes a str and records made by cue_records()");
        goto done;
    }
    for (; have < N_VIEWS; have++)
        if (tt_u32_view(args[3 + have], names[have], &views[have]) < 0)
            goto done;
    if (views[V_START].len != views[V_END].len || views[V_EXCLUDED].len % 8 != 0) {
        PyErr_SetString(PyExc_ValueError, "trigger_check(): entity starts and ends of one length, excluded in pairs");
        goto done;
    }
    size_t n = (size_t)PyUnicode_GET_LENGTH(text);
    size_t nrec = (size_t)PyBytes_GET_SIZE(args[2]) / sizeof(tt_cue_rec);
    const tt_cue_rec *rec = (const tt_cue_rec *)PyBytes_AS_STRING(args[2]);
    cp = malloc((n ? n : 1) * sizeof *cp);
    cls = malloc(n ? n : 1);
    idx = malloc((nrec ? nrec : 1) * sizeof *idx);
    cand = malloc((nrec ? nrec : 1) * sizeof *cand);
    out = malloc((nrec ? nrec : 1) * sizeof *out);
    if (cp == NULL || cls == NULL || idx == NULL || cand == NULL || out == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (size_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        cp[i] = c;
        cls[i] = tt_glue_win_class(c);
    }
    tt_tc_doc doc = {cp, cls, n, views[V_START].buf, views[V_END].buf, (size_t)views[V_START].len / 4,
                     views[V_EXCLUDED].buf, (size_t)views[V_EXCLUDED].len / 8, views[V_SENT].buf,
                     (size_t)views[V_SENT].len / 4};
    size_t nout = 0;
    tt_status st;
    Py_BEGIN_ALLOW_THREADS
    /* what tintuc.cuelex.phrases_at reads: the longest at each place, on word boundaries */
    size_t got = tt_cue_longest(rec, nrec, idx), nc = 0;
    for (size_t k = 0; k < got; k++)
        if (rec[idx[k]].flags & TT_CUE_REC_ON_WORDS)
            cand[nc++] = (tt_tc_cand){rec[idx[k]].value, rec[idx[k]].start, rec[idx[k]].end};
    st = tt_tc_check(t, &doc, cand, nc, out, &nout);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        if (st == TT_ENOMEM)
            PyErr_NoMemory();
        else
            PyErr_SetString(PyExc_ValueError, "trigger_check(): a hit outside the text or of an unknown phrase");
        goto done;
    }
    if ((list = PyList_New((Py_ssize_t)nout)) == NULL)
        goto done;
    for (size_t k = 0; k < nout; k++) {
        const tt_tc_cand *c = &cand[out[k].cand];
        PyObject *item = Py_BuildValue("(IIIIIOO)", c->value, c->start, c->end, out[k].row, out[k].sentence,
                                       out[k].flags & TT_TC_SETTING_FLAG ? Py_True : Py_False,
                                       out[k].flags & TT_TC_TOPIC_FLAG ? Py_True : Py_False);
        if (item == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)k, item);
    }
done:
    while (have > 0)
        PyBuffer_Release(&views[--have]);
    free(cp);
    free(cls);
    free(idx);
    free(cand);
    free(out);
    return list;
}

PyMethodDef tt_trigger_check_methods[] = {
    {"trigger_table", (PyCFunction)(void (*)(void))py_trigger_table, METH_FASTCALL,
     "trigger_table($module, before, after, scope, determiners, phrases, rows, /)\n--\n\n"
     "The phrase sets and rows of the trigger checks (tintuc.events.triggers), compiled."},
    {"trigger_check", (PyCFunction)(void (*)(void))py_trigger_check, METH_FASTCALL,
     "trigger_check($module, table, text, records, entity_starts, entity_ends, excluded, sentence_starts, /)\n--\n\n"
     "(value, start, end, row, sentence, setting, topic) of each trigger hit that passes the word checks."},
    {NULL, NULL, 0, NULL},
};
