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

enum { V_START, V_END, V_EXCLUDED, V_SENT, V_VETO_TYPES, N_VIEWS };

/* The records of a bytes object made by cue_records; NULL with an exception set. */
static const tt_cue_rec *records_of(PyObject *obj, const char *func, size_t *n)
{
    if (!PyBytes_Check(obj) || PyBytes_GET_SIZE(obj) % (Py_ssize_t)sizeof(tt_cue_rec) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() records must be bytes made by cue_records()", func);
        return NULL;
    }
    *n = (size_t)PyBytes_GET_SIZE(obj) / sizeof(tt_cue_rec);
    return (const tt_cue_rec *)PyBytes_AS_STRING(obj);
}

/* Whether a letter or digit (str.isalnum) stands right before each record; NULL when out of memory. */
static uint8_t *alnum_before(PyObject *text, const tt_cue_rec *rec, size_t n)
{
    uint8_t *flags = malloc(n ? n : 1);
    if (flags == NULL)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    size_t len = (size_t)PyUnicode_GET_LENGTH(text);
    for (size_t i = 0; i < n; i++) {
        Py_UCS4 c = rec[i].start > 0 && rec[i].start <= len ? PyUnicode_READ(kind, data, rec[i].start - 1) : ' ';
        flags[i] = (tt_glue_win_class(c) & TT_WIN_WORD) && c != '_';
    }
    return flags;
}

/* The code points and classes of text around each candidate, where the checks read them: the
 * rest of the text is never looked at (candidates come by start). */
static void fill_around(PyObject *text, const tt_tc_table *t, const tt_tc_cand *cand, size_t nc, tt_cp *cp,
                        uint8_t *cls)
{
    size_t before, after, n = (size_t)PyUnicode_GET_LENGTH(text), filled = 0;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    tt_tc_reach(t, &before, &after);
    const uint8_t *table = tt_glue_win_table();
    for (size_t c = 0; c < nc; c++) {
        size_t lo = cand[c].start > before ? cand[c].start - before : 0;
        size_t hi = n - cand[c].end > after ? cand[c].end + after : n; /* (end <= n: checked) */
        for (size_t i = lo > filled ? lo : filled; i < hi; i++) {
            Py_UCS4 ch = kind == PyUnicode_2BYTE_KIND ? ((const Py_UCS2 *)data)[i] : PyUnicode_READ(kind, data, i);
            cp[i] = ch;
            cls[i] = ch < TT_GLUE_WIN_TABLE ? table[ch] : tt_glue_win_class(ch);
        }
        if (hi > filled)
            filled = hi;
    }
}

/* What trigger_hits makes Hit objects with (its optional last argument, made once per
 * lexicon): the class, the member descriptors of its HIT_SLOTS slots in field order, and per
 * cue value a list of (entry, type, mode, rule) per row. */
#define HIT_SLOTS 10
typedef struct {
    tt_record hit;
    PyObject *rows;
} hit_maker;

static int hit_maker_of(PyObject *obj, hit_maker *m)
{
    if (!PyTuple_Check(obj) || PyTuple_GET_SIZE(obj) != 3 || !PyList_Check(PyTuple_GET_ITEM(obj, 2))) {
        PyErr_SetString(PyExc_TypeError, "trigger_hits(): make must be (cls, 10 slot descriptors, rows)");
        return -1;
    }
    if (tt_record_of(PyTuple_GET_ITEM(obj, 0), PyTuple_GET_ITEM(obj, 1), HIT_SLOTS, "trigger_hits", &m->hit) < 0)
        return -1;
    m->rows = PyTuple_GET_ITEM(obj, 2);
    return 0;
}

/* The Hit of a survivor: start, end, entry, sentence, type, mode, rules ([rule]), reach (its
 * end), setting, topic; made as object.__new__ and setattr would (its __init__ does no more). */
static PyObject *new_hit(const hit_maker *m, const tt_tc_cand *c, const tt_tc_out *o)
{
    PyObject *vals[HIT_SLOTS] = {NULL}, *res = NULL;
    PyObject *rows = (size_t)PyList_GET_SIZE(m->rows) > c->value ? PyList_GET_ITEM(m->rows, c->value) : NULL;
    PyObject *row = rows != NULL && PyList_Check(rows) && (size_t)PyList_GET_SIZE(rows) > o->row
                        ? PyList_GET_ITEM(rows, o->row)
                        : NULL;
    if (row == NULL || !PyTuple_Check(row) || PyTuple_GET_SIZE(row) != 4) {
        PyErr_SetString(PyExc_ValueError, "trigger_hits(): no (entry, type, mode, rule) for a row");
        return NULL;
    }
    if ((vals[0] = PyLong_FromUnsignedLong(c->start)) == NULL || (vals[1] = PyLong_FromUnsignedLong(c->end)) == NULL
        || (vals[3] = PyLong_FromUnsignedLong(o->sentence)) == NULL || (vals[6] = PyList_New(1)) == NULL)
        goto done;
    PyList_SET_ITEM(vals[6], 0, Py_NewRef(PyTuple_GET_ITEM(row, 3)));
    vals[2] = Py_NewRef(PyTuple_GET_ITEM(row, 0));
    vals[4] = Py_NewRef(PyTuple_GET_ITEM(row, 1));
    vals[5] = Py_NewRef(PyTuple_GET_ITEM(row, 2));
    vals[7] = Py_NewRef(vals[1]);
    vals[8] = Py_NewRef(o->flags & TT_TC_SETTING_FLAG ? Py_True : Py_False);
    vals[9] = Py_NewRef(o->flags & TT_TC_TOPIC_FLAG ? Py_True : Py_False);
    res = tt_record_new(&m->hit, vals);
done:
    for (int f = 0; f < HIT_SLOTS; f++)
        Py_XDECREF(vals[f]);
    return res;
}

/* trigger_check (the word checks) and, with `facts`, trigger_hits (the sentence checks too).
 * The words before a survivor are not handed back: of the thousands of hits only those that
 * become events need them (modality reads them again), and making them cost more than that. */
static PyObject *check(const char *func, PyObject *const *args, Py_ssize_t nargs, int facts)
{
    static const char *const names[N_VIEWS] = {"entity starts", "entity ends", "excluded", "sentence starts",
                                               "veto types"};
    PyObject *list = NULL;
    Py_buffer views[N_VIEWS];
    int have = 0, n_views = facts ? N_VIEWS : V_VETO_TYPES;
    tt_cp *cp = NULL;
    uint8_t *cls = NULL, *veto_alnum = NULL, *hyp_alnum = NULL;
    size_t *idx = NULL, *scratch = NULL;
    tt_tc_cand *cand = NULL;
    tt_tc_out *out = NULL;
    const tt_cue_rec *veto = NULL, *hyp = NULL;
    size_t n_veto = 0, n_hyp = 0;
    hit_maker maker = {{NULL, NULL, 0}, NULL};
    int make = facts && nargs == 11;
    if (nargs != (facts ? 10 : 7) && !make) {
        PyErr_Format(PyExc_TypeError, "%s() takes %s arguments (table, text, records, entity_starts, entity_ends, "
                     "excluded, sentence_starts%s)", func, facts ? "10 or 11" : "7",
                     facts ? ", veto_records, veto_types, hypothetical_records[, make]" : "");
        goto done;
    }
    if (make && hit_maker_of(args[10], &maker) < 0)
        goto done;
    if (!PyCapsule_IsValid(args[0], CAPSULE_NAME)) {
        PyErr_Format(PyExc_TypeError, "%s() table must come from trigger_table()", func);
        goto done;
    }
    const tt_tc_table *t = PyCapsule_GetPointer(args[0], CAPSULE_NAME);
    PyObject *text = args[1];
    if (!PyUnicode_Check(text) || !PyBytes_Check(args[2])
        || PyBytes_GET_SIZE(args[2]) % (Py_ssize_t)sizeof(tt_cue_rec) != 0) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str and records made by cue_records()", func);
        goto done;
    }
    for (; have < n_views; have++)
        if (tt_u32_view(args[have < V_VETO_TYPES ? 3 + have : 8], names[have], &views[have]) < 0)
            goto done;
    if (views[V_START].len != views[V_END].len || views[V_EXCLUDED].len % 8 != 0) {
        PyErr_Format(PyExc_ValueError, "%s(): entity starts and ends of one length, excluded in pairs", func);
        goto done;
    }
    if (facts && ((veto = records_of(args[7], func, &n_veto)) == NULL || (hyp = records_of(args[9], func, &n_hyp)) == NULL))
        goto done;
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
    if (facts) {
        size_t ns = n_veto > n_hyp ? n_veto : n_hyp;
        veto_alnum = alnum_before(text, veto, n_veto);
        hyp_alnum = alnum_before(text, hyp, n_hyp);
        scratch = malloc((ns ? ns : 1) * sizeof *scratch);
        if (veto_alnum == NULL || hyp_alnum == NULL || scratch == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    /* what tintuc.cuelex.phrases_at reads: the longest at each place, on word boundaries */
    size_t got = tt_cue_longest(rec, nrec, idx), nc = 0;
    for (size_t k = 0; k < got; k++)
        if (rec[idx[k]].flags & TT_CUE_REC_ON_WORDS)
            cand[nc++] = (tt_tc_cand){rec[idx[k]].value, rec[idx[k]].start, rec[idx[k]].end};
    for (size_t k = 0; k < nc; k++)
        if (cand[k].start > cand[k].end || cand[k].end > n) {
            PyErr_Format(PyExc_ValueError, "%s(): a hit outside the text", func);
            goto done;
        }
    fill_around(text, t, cand, nc, cp, cls);
    tt_tc_doc doc = {cp, cls, n, views[V_START].buf, views[V_END].buf, (size_t)views[V_START].len / 4,
                     views[V_EXCLUDED].buf, (size_t)views[V_EXCLUDED].len / 8, views[V_SENT].buf,
                     (size_t)views[V_SENT].len / 4};
    tt_tc_facts f = {veto, n_veto, veto_alnum, facts ? views[V_VETO_TYPES].buf : NULL,
                     facts ? (size_t)views[V_VETO_TYPES].len / 4 : 0, hyp, n_hyp, hyp_alnum};
    size_t nout = 0;
    tt_status st;
    Py_BEGIN_ALLOW_THREADS
    st = tt_tc_check(t, &doc, cand, nc, out, &nout);
    if (st == TT_OK && facts)
        st = tt_tc_sentences(t, &doc, cand, &f, scratch, out, &nout);
    Py_END_ALLOW_THREADS
    if (st != TT_OK) {
        if (st == TT_ENOMEM)
            PyErr_NoMemory();
        else
            PyErr_Format(PyExc_ValueError, "%s(): a hit of an unknown phrase, or a veto without types", func);
        goto done;
    }
    if ((list = PyList_New((Py_ssize_t)nout)) == NULL)
        goto done;
    for (size_t k = 0; k < nout; k++) {
        const tt_tc_cand *c = &cand[out[k].cand];
        PyObject *setting = out[k].flags & TT_TC_SETTING_FLAG ? Py_True : Py_False;
        PyObject *topic = out[k].flags & TT_TC_TOPIC_FLAG ? Py_True : Py_False;
        PyObject *item = make ? new_hit(&maker, c, &out[k])
                              : Py_BuildValue("(IIIIIOO)", c->value, c->start, c->end, out[k].row,
                                              out[k].sentence, setting, topic);
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
    free(veto_alnum);
    free(hyp_alnum);
    free(scratch);
    return list;
}

static PyObject *py_trigger_check(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    return check("trigger_check", args, nargs, 0);
}

static PyObject *py_trigger_hits(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    return check("trigger_hits", args, nargs, 1);
}

PyMethodDef tt_trigger_check_methods[] = {
    {"trigger_table", (PyCFunction)(void (*)(void))py_trigger_table, METH_FASTCALL,
     "trigger_table($module, before, after, scope, determiners, phrases, rows, /)\n--\n\n"
     "The phrase sets and rows of the trigger checks (tintuc.events.triggers), compiled."},
    {"trigger_check", (PyCFunction)(void (*)(void))py_trigger_check, METH_FASTCALL,
     "trigger_check($module, table, text, records, entity_starts, entity_ends, excluded, sentence_starts, /)\n--\n\n"
     "(value, start, end, row, sentence, setting, topic) of each trigger hit that passes the word checks."},
    {"trigger_hits", (PyCFunction)(void (*)(void))py_trigger_hits, METH_FASTCALL,
     "trigger_hits($module, table, text, records, entity_starts, entity_ends, excluded, sentence_starts, "
     "veto_records, veto_types, hypothetical_records, make=None, /)\n--\n\n"
     "(value, start, end, row, sentence, setting, topic) of each trigger hit that passes the word and the "
     "sentence checks, a hit inside an earlier one left out; with make, (cls, its slot descriptors, rows), "
     "an object of cls for each (tintuc.events.triggers.Hit: its start, end, entry, sentence, type, mode, "
     "[rule], reach, setting, topic)."},
    {NULL, NULL, 0, NULL},
};
