/* Instances of a slots-only class made from C, as object.__new__ and object.__setattr__ would
 * make them (a frozen dataclass's __init__ does no more): the rule passes that hand back their
 * findings as ready objects (entity_runs.c: Entity, trigger_check.c: Hit) share this, and so
 * does remake(), which gives back a record sent from another process (tintuc._forked). */
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

/* the most slots remake() sets (the records of tintuc have at most 16) */
#define REMAKE_MAX 32

static void release(PyObject **descr, Py_ssize_t n)
{
    for (Py_ssize_t f = 0; f < n; f++)
        Py_DECREF(descr[f]);
}

/* The member descriptors of cls's own __slots__, as new references (allocating the instance
 * or the tuple may run a collection, and with it finalizers): their count, or -1 with a
 * TypeError naming func. */
static Py_ssize_t own_slots(PyObject *module, PyTypeObject *cls, const char *func, PyObject **descr)
{
    PyObject *slots = PyDict_GetItemWithError(cls->tp_dict, tt_get_state(module)->slots_name);
    if (slots == NULL) {
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_TypeError, "%s(): %.100s has no __slots__ of its own", func, cls->tp_name);
        return -1;
    }
    Py_ssize_t n = PyTuple_Check(slots) ? PyTuple_GET_SIZE(slots) : -1;
    if (n < 0 || n > REMAKE_MAX) {
        PyErr_Format(PyExc_TypeError, "%s(): the __slots__ of %.100s must be a tuple of at most %d names", func,
                     cls->tp_name, REMAKE_MAX);
        return -1;
    }
    for (Py_ssize_t f = 0; f < n; f++) {
        PyObject *name = PyTuple_GET_ITEM(slots, f);
        PyObject *d = PyUnicode_Check(name) ? PyDict_GetItemWithError(cls->tp_dict, name) : NULL;
        if (d == NULL || !Py_IS_TYPE(d, &PyMemberDescr_Type)) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_TypeError, "%s(): slot %zd of %.100s has no member descriptor", func, f,
                             cls->tp_name);
            release(descr, f);
            return -1;
        }
        descr[f] = Py_NewRef(d);
    }
    return n;
}

/* remake(cls, values): an instance of cls, a class with __slots__ only (a frozen dataclass
 * with slots=True), its slots set to values in order, as its __init__ would set them, without
 * running it: how tintuc._forked rebuilds the records another process sends. */
static PyObject *py_remake(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    PyObject *descr[REMAKE_MAX];
    PyObject *res = NULL;
    if (nargs != 2 || !PyType_Check(args[0]) || !PyTuple_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "remake() takes a class and a tuple of values");
        return NULL;
    }
    PyTypeObject *cls = (PyTypeObject *)args[0];
    Py_ssize_t n = own_slots(module, cls, "remake", descr);
    if (n < 0)
        return NULL;
    if (PyTuple_GET_SIZE(args[1]) != n) {
        PyErr_Format(PyExc_TypeError, "remake(): %.100s needs a tuple of its %zd slots' values", cls->tp_name, n);
        goto done;
    }
    tt_record rec = {cls, descr, n};
    res = tt_record_new(&rec, &PyTuple_GET_ITEM(args[1], 0));
done:
    release(descr, n);
    return res;
}

/* unmake(obj): (remake, (type(obj), values of its slots)), what pickle's reducer of a record
 * returns (a dispatch table entry: tintuc._forked), read at C speed. */
static PyObject *py_unmake(PyObject *module, PyObject *obj)
{
    PyObject *descr[REMAKE_MAX];
    PyObject *vals = NULL, *res = NULL;
    PyTypeObject *cls = Py_TYPE(obj);
    Py_ssize_t n = own_slots(module, cls, "unmake", descr);
    if (n < 0)
        return NULL;
    vals = PyTuple_New(n);
    if (vals == NULL)
        goto done;
    for (Py_ssize_t f = 0; f < n; f++) {
        PyObject *v = Py_TYPE(descr[f])->tp_descr_get(descr[f], obj, (PyObject *)cls);
        if (v == NULL)
            goto done;
        PyTuple_SET_ITEM(vals, f, v);
    }
    res = Py_BuildValue("O(OO)", tt_get_state(module)->remake, (PyObject *)cls, vals);
done:
    Py_XDECREF(vals);
    release(descr, n);
    return res;
}

PyMethodDef tt_record_methods[] = {
    {"remake", (PyCFunction)(void (*)(void))py_remake, METH_FASTCALL,
     "remake(cls: type, values: tuple) -> object\n\nAn instance of cls (a class with __slots__ only, "
     "such as a frozen dataclass with slots=True) with its slots set to values, in the order of "
     "cls.__slots__, without calling __init__ (see csrc/glue/record.c)."},
    {"unmake", (PyCFunction)py_unmake, METH_O,
     "unmake(obj: object) -> tuple\n\n(remake, (type(obj), values)): the values of the slots of "
     "obj's class in order, as a pickle reducer returns them; remake(*result[1]) makes obj again."},
    {NULL, NULL, 0, NULL},
};
