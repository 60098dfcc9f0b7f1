/* arg_doc / arg_attach: the clause and arguments of event triggers (core/arg_attach.h) for
 * tintuc.events.arguments: one document's text, entities, sentences and cue records are
 * read once into a capsule, then each trigger is answered with the entities' own items. */
#include "glue.h"

#include <stdlib.h>

#include "../core/arg_attach.h"
#include "../core/cue_find.h"
#include "../core/word_window.h"

#define CAPSULE_NAME "tintuc._core.arg_doc"

typedef struct {
    tt_arg_doc doc;
    tt_arg_scratch scratch;
    int have_scratch;
    tt_cp *cp;
    uint8_t *cls, *ent_flags;
    size_t *ent_start, *ent_end, *sent_start, *sent_end;
    tt_cp *word_cp[TT_ARG_NLISTS];
    size_t *word_off[TT_ARG_NLISTS];
    PyObject *loc, *bnd; /* the bytes the records are read from */
    PyObject *items;     /* what each entity is reported as */
} arg_doc;

static void doc_free(arg_doc *a)
{
    if (a == NULL)
        return;
    if (a->have_scratch)
        tt_arg_scratch_free(&a->scratch);
    free(a->cp);
    free(a->cls);
    free(a->ent_flags);
    free(a->ent_start);
    free(a->ent_end);
    free(a->sent_start);
    free(a->sent_end);
    for (int k = 0; k < TT_ARG_NLISTS; k++) {
        free(a->word_cp[k]);
        free(a->word_off[k]);
    }
    Py_XDECREF(a->loc);
    Py_XDECREF(a->bnd);
    Py_XDECREF(a->items);
    free(a);
}

static void doc_destroy(PyObject *capsule)
{
    doc_free(PyCapsule_GetPointer(capsule, CAPSULE_NAME));
}

/* The n ints of a list as size_t, each at most limit; NULL with an exception set. */
static size_t *offsets_of(PyObject *list, const char *what, size_t limit, size_t *n)
{
    if (!PyList_Check(list)) {
        PyErr_Format(PyExc_TypeError, "arg_doc() %s must be a list", what);
        return NULL;
    }
    *n = (size_t)PyList_GET_SIZE(list);
    size_t *out = malloc((*n + 1) * sizeof *out);
    if (out == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    for (size_t i = 0; i < *n; i++) {
        size_t v = PyLong_AsSize_t(PyList_GET_ITEM(list, (Py_ssize_t)i));
        if (v == (size_t)-1 && PyErr_Occurred()) {
            free(out);
            return NULL;
        }
        if (v > limit) {
            PyErr_Format(PyExc_ValueError, "arg_doc() %s beyond the text", what);
            free(out);
            return NULL;
        }
        out[i] = v;
    }
    return out;
}

/* The records of a bytes object made by cue_records; NULL with an exception set. */
static const tt_cue_rec *records_of(PyObject *obj, size_t n_text, size_t *n)
{
    if (!PyBytes_Check(obj) || PyBytes_GET_SIZE(obj) % (Py_ssize_t)sizeof(tt_cue_rec) != 0) {
        PyErr_SetString(PyExc_TypeError, "arg_doc() records must be bytes made by cue_records()");
        return NULL;
    }
    *n = (size_t)PyBytes_GET_SIZE(obj) / sizeof(tt_cue_rec);
    const tt_cue_rec *rec = (const tt_cue_rec *)PyBytes_AS_STRING(obj);
    for (size_t i = 0; i < *n; i++)
        if (rec[i].start > rec[i].end || rec[i].end > n_text || (i > 0 && rec[i].start < rec[i - 1].start)) {
            PyErr_SetString(PyExc_ValueError, "arg_doc() records outside the text or out of order");
            return NULL;
        }
    return rec;
}

/* One word list (a sequence of str) into the document; 0, or -1 with an exception set. */
static int words_of(arg_doc *a, int k, PyObject *seq)
{
    PyObject *fast = PySequence_Fast(seq, "arg_doc() word lists must be sequences of str");
    if (fast == NULL)
        return -1;
    int rc = -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    size_t total = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(fast, i);
        if (!PyUnicode_Check(w)) {
            PyErr_SetString(PyExc_TypeError, "arg_doc() word lists must be sequences of str");
            goto done;
        }
        total += (size_t)PyUnicode_GET_LENGTH(w);
    }
    a->word_cp[k] = malloc((total + 1) * sizeof(tt_cp));
    a->word_off[k] = malloc(((size_t)n + 1) * sizeof(size_t));
    if (a->word_cp[k] == NULL || a->word_off[k] == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    size_t at = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = PySequence_Fast_GET_ITEM(fast, i);
        a->word_off[k][i] = at;
        for (Py_ssize_t j = 0; j < PyUnicode_GET_LENGTH(w); j++)
            a->word_cp[k][at++] = PyUnicode_READ_CHAR(w, j);
    }
    a->word_off[k][n] = at;
    a->doc.words[k] = (tt_arg_words){a->word_cp[k], a->word_off[k], (size_t)n};
    rc = 0;
done:
    Py_DECREF(fast);
    return rc;
}

/* A class of word_window.h with TT_ARG_ALNUM: str.isalnum is re's \w without "_". */
static uint8_t arg_class(Py_UCS4 c, uint8_t cls)
{
    return (uint8_t)(cls | ((cls & TT_WIN_WORD) && c != '_' ? TT_ARG_ALNUM : 0));
}

/* The classes of arg_class below TT_GLUE_WIN_TABLE, filled on first use (the GIL held). */
static uint8_t arg_table[TT_GLUE_WIN_TABLE];
static int arg_table_ready;

/* The n code points of a str and their classes, one loop per string kind (the text is read
 * whole, so the loop is the bulk of arg_doc). */
static void read_text(PyObject *low, size_t n, tt_cp *cp, uint8_t *cls)
{
    if (!arg_table_ready) {
        const uint8_t *win = tt_glue_win_table();
        for (Py_UCS4 c = 0; c < TT_GLUE_WIN_TABLE; c++)
            arg_table[c] = arg_class(c, win[c]);
        arg_table_ready = 1;
    }
    int kind = PyUnicode_KIND(low);
    const void *data = PyUnicode_DATA(low);
    if (kind == PyUnicode_1BYTE_KIND) {
        const Py_UCS1 *d = data;
        for (size_t i = 0; i < n; i++) {
            cp[i] = d[i];
            cls[i] = arg_table[d[i]];
        }
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const Py_UCS2 *d = data;
        for (size_t i = 0; i < n; i++) {
            Py_UCS4 c = d[i];
            cp[i] = c;
            cls[i] = c < TT_GLUE_WIN_TABLE ? arg_table[c] : arg_class(c, tt_glue_win_class(c));
        }
    } else {
        const Py_UCS4 *d = data;
        for (size_t i = 0; i < n; i++) {
            Py_UCS4 c = d[i];
            cp[i] = c;
            cls[i] = c < TT_GLUE_WIN_TABLE ? arg_table[c] : arg_class(c, tt_glue_win_class(c));
        }
    }
}

/* arg_doc(low, starts, ends, flags, sent_starts, locative, boundary, words, items) */
static PyObject *py_arg_doc(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *res = NULL;
    arg_doc *a = NULL;
    if (nargs != 9) {
        PyErr_SetString(PyExc_TypeError, "arg_doc() takes 9 arguments (low, starts, ends, flags, sent_starts, "
                                         "locative, boundary, words, items)");
        return NULL;
    }
    PyObject *low = args[0], *flags = args[3], *words = args[7], *items = args[8];
    if (!PyUnicode_Check(low) || !PyBytes_Check(flags) || !PyTuple_Check(words) || !PyList_Check(items)) {
        PyErr_SetString(PyExc_TypeError, "arg_doc() takes a str, lists, bytes, a tuple of word lists and a list");
        return NULL;
    }
    if ((a = calloc(1, sizeof *a)) == NULL)
        return PyErr_NoMemory();
    size_t n = (size_t)PyUnicode_GET_LENGTH(low);
    a->cp = malloc((n + 1) * sizeof *a->cp);
    a->cls = malloc(n + 1);
    if (a->cp == NULL || a->cls == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    read_text(low, n, a->cp, a->cls);
    size_t n_ent, n_end, n_sent;
    if ((a->ent_start = offsets_of(args[1], "starts", n, &n_ent)) == NULL
        || (a->ent_end = offsets_of(args[2], "ends", n, &n_end)) == NULL
        || (a->sent_start = offsets_of(args[4], "sent_starts", n, &n_sent)) == NULL)
        goto done;
    if (n_end != n_ent || (size_t)PyBytes_GET_SIZE(flags) != n_ent || (size_t)PyList_GET_SIZE(items) != n_ent
        || n_sent == 0 || PyTuple_GET_SIZE(words) != TT_ARG_NLISTS) {
        PyErr_SetString(PyExc_ValueError, "arg_doc(): starts, ends, flags and items of one length, a sentence "
                                          "at least, and four word lists");
        goto done;
    }
    for (size_t i = 0; i < n_ent; i++)
        if (a->ent_start[i] > a->ent_end[i] || (i > 0 && a->ent_start[i] < a->ent_start[i - 1])) {
            PyErr_SetString(PyExc_ValueError, "arg_doc(): entities out of order");
            goto done;
        }
    if ((a->sent_end = malloc(n_sent * sizeof *a->sent_end)) == NULL
        || (a->ent_flags = malloc(n_ent + 1)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    /* a sentence runs to the next one's start, the last one to the end of the text */
    for (size_t k = 0; k < n_sent; k++)
        a->sent_end[k] = k + 1 < n_sent ? a->sent_start[k + 1] : n;
    for (size_t i = 0; i < n_ent; i++)
        a->ent_flags[i] = (uint8_t)PyBytes_AS_STRING(flags)[i];
    const tt_cue_rec *loc, *bnd;
    size_t n_loc, n_bnd;
    if ((loc = records_of(args[5], n, &n_loc)) == NULL || (bnd = records_of(args[6], n, &n_bnd)) == NULL)
        goto done;
    for (int k = 0; k < TT_ARG_NLISTS; k++)
        if (words_of(a, k, PyTuple_GET_ITEM(words, k)) < 0)
            goto done;
    a->loc = Py_NewRef(args[5]);
    a->bnd = Py_NewRef(args[6]);
    a->items = Py_NewRef(items);
    a->doc.cp = a->cp;
    a->doc.cls = a->cls;
    a->doc.n = n;
    a->doc.ent_start = a->ent_start;
    a->doc.ent_end = a->ent_end;
    a->doc.ent_flags = a->ent_flags;
    a->doc.n_ent = n_ent;
    a->doc.sent_start = a->sent_start;
    a->doc.sent_end = a->sent_end;
    a->doc.n_sent = n_sent;
    a->doc.loc = loc;
    a->doc.n_loc = n_loc;
    a->doc.bnd = bnd;
    a->doc.n_bnd = n_bnd;
    if (tt_arg_scratch_init(&a->scratch, &a->doc) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    a->have_scratch = 1;
    if ((res = PyCapsule_New(a, CAPSULE_NAME, doc_destroy)) != NULL)
        a = NULL;
done:
    doc_free(a);
    return res;
}

/* The items of entity indexes, as a tuple (most triggers have none: the empty tuple is
 * shared, where an empty list would be made and freed for each). */
static PyObject *items_of(PyObject *items, const size_t *idx, size_t n)
{
    PyObject *tuple = PyTuple_New((Py_ssize_t)n);
    if (tuple == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        PyTuple_SET_ITEM(tuple, (Py_ssize_t)i, Py_NewRef(PyList_GET_ITEM(items, (Py_ssize_t)idx[i])));
    return tuple;
}

/* The answer of tt_arg_attach for one hit as arg_attach returns it. */
static PyObject *answer_of(arg_doc *a, const tt_arg_hit *hit)
{
    tt_arg_result r;
    tt_arg_attach(&a->doc, hit, &a->scratch, &r);
    PyObject *actors = items_of(a->items, r.actors, r.n_actors);
    PyObject *recipients = actors ? items_of(a->items, r.recipients, r.n_recipients) : NULL;
    if (recipients == NULL) {
        Py_XDECREF(actors);
        return NULL;
    }
    PyObject *location = r.location >= 0 ? PyList_GET_ITEM(a->items, r.location) : Py_None;
    PyObject *left = PyLong_FromSsize_t((Py_ssize_t)r.left);
    PyObject *right = left ? PyLong_FromSsize_t((Py_ssize_t)r.right) : NULL;
    PyObject *res = right ? PyTuple_New(7) : NULL;
    if (res == NULL) {
        Py_XDECREF(left);
        Py_XDECREF(right);
        Py_DECREF(actors);
        Py_DECREF(recipients);
        return NULL;
    }
    /* (the tuple takes the references made here) */
    PyTuple_SET_ITEM(res, 0, left);
    PyTuple_SET_ITEM(res, 1, right);
    PyTuple_SET_ITEM(res, 2, actors);
    PyTuple_SET_ITEM(res, 3, recipients);
    PyTuple_SET_ITEM(res, 4, Py_NewRef(location));
    PyTuple_SET_ITEM(res, 5, Py_NewRef(r.borrowed ? Py_True : Py_False));
    PyTuple_SET_ITEM(res, 6, Py_NewRef(r.near ? Py_True : Py_False));
    return res;
}

/* arg_attach(doc, sentence, start, end, reach, prev_end, next_start, flags) -> (left, right,
 * actors, recipients, location, borrowed, near). The GIL stays held: a trigger's clause is a
 * few hundred code points, and the scratch is the document's own. */
static PyObject *py_arg_attach(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    if (nargs != 8) {
        PyErr_SetString(PyExc_TypeError, "arg_attach() takes 8 arguments (doc, sentence, start, end, reach, "
                                         "prev_end, next_start, flags)");
        return NULL;
    }
    if (!PyCapsule_IsValid(args[0], CAPSULE_NAME)) {
        PyErr_SetString(PyExc_TypeError, "arg_attach() takes a document made by arg_doc()");
        return NULL;
    }
    arg_doc *a = PyCapsule_GetPointer(args[0], CAPSULE_NAME);
    size_t v[7];
    for (int i = 0; i < 7; i++) {
        v[i] = PyLong_AsSize_t(args[i + 1]);
        if (v[i] == (size_t)-1 && PyErr_Occurred())
            return NULL;
    }
    if (v[0] >= a->doc.n_sent) {
        PyErr_SetString(PyExc_ValueError, "arg_attach(): no such sentence");
        return NULL;
    }
    tt_arg_hit hit = {v[0], v[1], v[2], v[3], v[4], v[5], (unsigned)v[6]};
    return answer_of(a, &hit);
}

/* arg_attach_all(doc, hits) -> a list of what arg_attach answers for each hit, hits being
 * uint32 quintuples (sentence, start, end, reach, flags) in text order: each hit's
 * neighbours are read from them (the reach of the hit before it in its sentence, or the
 * sentence's start; the start of the one after it, or the sentence's end). */
static PyObject *py_arg_attach_all(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *out = NULL;
    Py_buffer view = {0};
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "arg_attach_all() takes 2 arguments (doc, hits)");
        return NULL;
    }
    if (!PyCapsule_IsValid(args[0], CAPSULE_NAME)) {
        PyErr_SetString(PyExc_TypeError, "arg_attach_all() takes a document made by arg_doc()");
        return NULL;
    }
    arg_doc *a = PyCapsule_GetPointer(args[0], CAPSULE_NAME);
    if (tt_u32_view(args[1], "hits", &view) < 0)
        return NULL;
    const uint32_t *h = view.buf;
    size_t n = (size_t)view.len / 4;
    if (n % 5 != 0) {
        PyErr_SetString(PyExc_ValueError, "arg_attach_all(): hits of five numbers");
        goto done;
    }
    n /= 5;
    for (size_t i = 0; i < n; i++)
        if (h[5 * i] >= a->doc.n_sent) {
            PyErr_SetString(PyExc_ValueError, "arg_attach_all(): no such sentence");
            goto done;
        }
    if ((out = PyList_New((Py_ssize_t)n)) == NULL)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const uint32_t *x = h + 5 * i;
        size_t k = x[0];
        size_t prev_end = i > 0 && h[5 * (i - 1)] == k ? h[5 * (i - 1) + 3] : a->doc.sent_start[k];
        size_t next_start = i + 1 < n && h[5 * (i + 1)] == k ? h[5 * (i + 1) + 1] : a->doc.sent_end[k];
        tt_arg_hit hit = {k, x[1], x[2], x[3], prev_end, next_start, x[4]};
        PyObject *one = answer_of(a, &hit);
        if (one == NULL) {
            Py_CLEAR(out);
            goto done;
        }
        PyList_SET_ITEM(out, (Py_ssize_t)i, one);
    }
done:
    PyBuffer_Release(&view);
    return out;
}

PyMethodDef tt_arg_attach_methods[] = {
    {"arg_doc", (PyCFunction)(void (*)(void))py_arg_doc, METH_FASTCALL,
     "arg_doc($module, low, starts, ends, flags, sent_starts, locative, boundary, words, items, /)\n--\n\n"
     "One document as the event argument rules read it (a capsule for arg_attach)."},
    {"arg_attach", (PyCFunction)(void (*)(void))py_arg_attach, METH_FASTCALL,
     "arg_attach($module, doc, sentence, start, end, reach, prev_end, next_start, flags, /)\n--\n\n"
     "(left, right, actors, recipients, location, borrowed, near) of one trigger."},
    {"arg_attach_all", (PyCFunction)(void (*)(void))py_arg_attach_all, METH_FASTCALL,
     "arg_attach_all($module, doc, hits, /)\n--\n\n"
     "What arg_attach answers for each of a document's triggers, (sentence, start, end, reach, flags) each."},
    {NULL, NULL, 0, NULL},
};
