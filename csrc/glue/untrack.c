/* untrack_records(items, types): the finished records of a document (time expressions,
 * spans, events, attributions) taken out of the cyclic garbage collector's sight.
 *
 * A corpus keeps tens of thousands of small frozen records alive, and every full collection
 * walks each of them again although none can be part of a cycle: they hold str, int, dates,
 * None and tuples of such things. CPython itself leaves out a tuple whose items are all
 * untracked; this applies the same rule to instances of the given record types (frozen
 * dataclasses with slots, which nothing assigns to after they are made): one is untracked
 * when all it refers to, but its type, are plain values or tuples and records that can be
 * untracked in turn. A record that refers to anything else the collector may see (a list, a
 * dict, a user object) stays as it is, so that no cycle can hide behind an untracked one. */
#include "glue.h"

/* tuples nested deeper than this are left tracked (the rule needs no deeper look) */
#define MAX_DEPTH 4

static int untrack_one(PyObject *o, PyObject *types, int depth);

typedef struct {
    PyObject *self;
    PyObject *types; /* tuple of the record types */
    int depth;
    int tracked;     /* a referent that stays tracked was seen */
} visit_state;

static int is_record(PyObject *o, PyObject *types)
{
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(types); k++)
        if (Py_TYPE(o) == (PyTypeObject *)PyTuple_GET_ITEM(types, k))
            return 1;
    return 0;
}

/* A referent may stay when it is no container at all (str, int, float, date, None), the
 * record's own type, or a tuple or record that is (or now becomes) untracked. A dict, list or
 * set does not, even untracked for now: CPython tracks it again once something is put in it. */
static int visit(PyObject *ref, void *arg)
{
    visit_state *v = arg;
    if (ref == NULL || !PyObject_IS_GC(ref) || ref == (PyObject *)Py_TYPE(v->self))
        return 0;
    if ((PyTuple_CheckExact(ref) || is_record(ref, v->types)) && untrack_one(ref, v->types, v->depth + 1))
        return 0;
    v->tracked = 1;
    return 1; /* stops the traversal: this one stays tracked */
}

/* Untrack o if the rule allows it; 1 when o is (now) untracked. */
static int untrack_one(PyObject *o, PyObject *types, int depth)
{
    if (!PyObject_GC_IsTracked(o))
        return 1;
    if (depth > MAX_DEPTH || !(PyTuple_CheckExact(o) || is_record(o, types)))
        return 0;
    PyTypeObject *tp = Py_TYPE(o);
    visit_state v = {o, types, depth, 0};
    if (tp->tp_traverse(o, visit, &v) != 0 || v.tracked)
        return 0;
    PyObject_GC_UnTrack(o);
    return 1;
}

static PyObject *py_untrack_records(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "untrack_records() takes 2 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *items = args[0], *types = args[1];
    if (!PyList_CheckExact(items)) {
        PyErr_Format(PyExc_TypeError, "untrack_records(): items must be a list, not %.100s",
                     Py_TYPE(items)->tp_name);
        return NULL;
    }
    if (!PyTuple_CheckExact(types)) {
        PyErr_Format(PyExc_TypeError, "untrack_records(): types must be a tuple, not %.100s",
                     Py_TYPE(types)->tp_name);
        return NULL;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(types); k++) {
        PyObject *t = PyTuple_GET_ITEM(types, k);
        /* a record type has no __dict__ for anything to be put in later */
        if (!PyType_Check(t) || ((PyTypeObject *)t)->tp_dictoffset != 0) {
            PyErr_SetString(PyExc_TypeError, "untrack_records(): types must be classes with __slots__ only");
            return NULL;
        }
    }
    Py_ssize_t done = 0;
    /* the list cannot change meanwhile: nothing here runs Python code */
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(items); i++) {
        PyObject *o = PyList_GET_ITEM(items, i);
        if (PyObject_IS_GC(o) && PyObject_GC_IsTracked(o) && untrack_one(o, types, 0))
            done++;
    }
    return PyLong_FromSsize_t(done);
}

PyMethodDef tt_untrack_methods[] = {
    {"untrack_records", (PyCFunction)(void (*)(void))py_untrack_records, METH_FASTCALL,
     "untrack_records(items: list, types: tuple) -> int\n\nTake the items that are records of "
     "types (frozen, slots only) and can hold no cycle out of the cyclic garbage collector (see "
     "csrc/glue/untrack.c); the number taken out."},
    {NULL, NULL, 0, NULL},
};
