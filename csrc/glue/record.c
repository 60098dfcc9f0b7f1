/* Instances of a slots-only class made from C, as object.__new__ and object.__setattr__ would
 * make them (a frozen dataclass's __init__ does no more): the rule passes that hand back their
 * findings as ready objects (entity_runs.c: Entity, trigger_check.c: Hit) share this. */
#include "glue.h"

int tt_record_of(PyObject *cls, PyObject *descrs, Py_ssize_t n, const char *func, tt_record *out)
{
    if (!PyType_Check(cls) || !PyTuple_Check(descrs) || PyTuple_GET_SIZE(descrs) != n) {
        PyErr_Format(PyExc_TypeError, "%s(): make must start with a class and %zd slot descriptors", func, n);
        return -1;
    }
    for (Py_ssize_t f = 0; f < n; f++)
        if (!Py_IS_TYPE(PyTuple_GET_ITEM(descrs, f), &PyMemberDescr_Type)) {
            PyErr_Format(PyExc_TypeError, "%s(): the descriptors must be those of __slots__", func);
            return -1;
        }
    out->cls = (PyTypeObject *)cls;
    out->descr = &PyTuple_GET_ITEM(descrs, 0);
    out->n = n;
    return 0;
}

PyObject *tt_record_new(const tt_record *s, PyObject *const *vals)
{
    PyObject *o = s->cls->tp_alloc(s->cls, 0);
    if (o == NULL)
        return NULL;
    for (Py_ssize_t f = 0; f < s->n; f++)
        if (Py_TYPE(s->descr[f])->tp_descr_set(s->descr[f], o, vals[f]) < 0) {
            Py_DECREF(o);
            return NULL;
        }
    return o;
}
