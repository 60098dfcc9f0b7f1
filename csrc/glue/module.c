/* tintuc._core: multi-phase initialization (PEP 489) and the helpers every glue file shares. */
#include "glue.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uversion.h>

/* Whether this build runs under AddressSanitizer: its runtime (GCC 12's at least) has no
 * fork handlers for its allocator, so Python code that forks needs to know. */
#if defined(__SANITIZE_ADDRESS__)
#define TT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TT_ASAN 1
#endif
#endif
#ifndef TT_ASAN
#define TT_ASAN 0
#endif

int tt_u32_from_str(PyObject *obj, const char *what, tt_u32 *out)
{
    out->cp = NULL;
    out->n = 0;
    if (!PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(obj)->tp_name);
        return -1;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(obj);
    if ((size_t)n > TT_MAX_LEN) {
        PyErr_Format(PyExc_ValueError, "%s is too long (%zd code points)", what, n);
        return -1;
    }
    /* +1: PyUnicode_AsUCS4 writes a terminating NUL when asked; we ask not to, but a
     * zero-length malloc must still return a usable pointer. */
    tt_cp *buf = malloc(((size_t)n + 1) * sizeof *buf);
    if (buf == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    if (n > 0 && PyUnicode_AsUCS4(obj, (Py_UCS4 *)buf, n, 0) == NULL) {
        free(buf);
        return -1;
    }
    out->cp = buf;
    out->n = (size_t)n;
    return 0;
}

tt_cp *tt_widen(int kind, const void *data, size_t n)
{
    tt_cp *w = malloc((n + 1) * sizeof *w);
    if (w == NULL)
        return NULL;
    if (kind == PyUnicode_1BYTE_KIND) {
        const uint8_t *s = data;
        for (size_t i = 0; i < n; i++)
            w[i] = s[i];
    } else if (kind == PyUnicode_2BYTE_KIND) {
        const uint16_t *s = data;
        for (size_t i = 0; i < n; i++)
            w[i] = s[i];
    } else {
        memcpy(w, data, n * sizeof *w);
    }
    return w;
}

void tt_u32_free(tt_u32 *u)
{
    free(u->cp);
    u->cp = NULL;
    u->n = 0;
}

PyObject *tt_str_from_u32(const tt_cp *cp, size_t n)
{
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, cp, (Py_ssize_t)n);
}

PyObject *tt_raise_status(tt_status st, const char *context)
{
    if (st == TT_ENOMEM)
        return PyErr_NoMemory();
    if (st == TT_EINVAL || st == TT_EFORMAT || st == TT_ETOOLONG)
        PyErr_Format(PyExc_ValueError, "%s: %s", context, tt_status_message(st));
    else
        PyErr_Format(PyExc_RuntimeError, "%s: %s", context, tt_status_message(st));
    return NULL;
}

int tt_is_missing(PyObject *obj)
{
    if (obj == Py_None)
        return 1;
    if (PyFloat_Check(obj))
        return isnan(PyFloat_AS_DOUBLE(obj));
    return 0;
}

int tt_u32_view(PyObject *obj, const char *what, Py_buffer *view)
{
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0)
        return -1;
    if (view->itemsize != 4 || (view->format != NULL && strcmp(view->format, "I") != 0 && strcmp(view->format, "=I") != 0
                                && strcmp(view->format, "<I") != 0)) {
        PyErr_Format(PyExc_TypeError, "%s must be a buffer of uint32", what);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

int tt_parse_kwargs(const char *func, PyObject *const *kwvalues, PyObject *kwnames,
                    const char *const *names, PyObject **kwargs)
{
    if (kwnames == NULL)
        return 0;
    Py_ssize_t nk = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t i = 0; i < nk; i++) {
        PyObject *key = PyTuple_GET_ITEM(kwnames, i);
        size_t k = 0;
        while (names[k] != NULL && PyUnicode_CompareWithASCIIString(key, names[k]) != 0)
            k++;
        if (names[k] == NULL) {
            PyErr_Format(PyExc_TypeError, "%s() got an unexpected keyword argument '%U'", func, key);
            return -1;
        }
        kwargs[k] = kwvalues[i];
    }
    return 0;
}

int tt_add_type(PyObject *module, PyType_Spec *spec, PyTypeObject **slot)
{
    PyObject *type = PyType_FromModuleAndSpec(module, spec, NULL);
    if (type == NULL)
        return -1;
    Py_XSETREF(*slot, (PyTypeObject *)type);
    return PyModule_AddType(module, (PyTypeObject *)type);
}

static int tt_exec(PyObject *module)
{
    if (PyModule_AddFunctions(module, tt_text_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_token_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_analyze_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_entity_runs_methods) < 0)
        return -1;
    if (tt_analyze_constants_add(module) < 0)
        return -1;
    if (tt_tokens_exec(module, tt_get_state(module)) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_decode_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_word_window_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_cue_find_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_trigger_check_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_arg_attach_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_timex_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_qty_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_attrib_scan_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_untrack_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_record_methods) < 0)
        return -1;
    if (PyModule_AddFunctions(module, tt_text_pack_methods) < 0)
        return -1;
    if ((tt_get_state(module)->slots_name = PyUnicode_InternFromString("__slots__")) == NULL)
        return -1;
    if ((tt_get_state(module)->remake = PyObject_GetAttrString(module, "remake")) == NULL)
        return -1;
    if (tt_segmenter_type_add(module) < 0)
        return -1;
    if (tt_automaton_type_add(module) < 0)
        return -1;
    if (tt_u32array_type_add(module) < 0)
        return -1;
    if (tt_batch_run_type_add(module) < 0)
        return -1;
    if (PyModule_AddStringConstant(module, "icu_version", U_ICU_VERSION) < 0)
        return -1;
    if (PyModule_AddIntConstant(module, "MAX_LEN", (long)(TT_MAX_LEN > LONG_MAX ? LONG_MAX : TT_MAX_LEN)) < 0)
        return -1;
    if (PyModule_AddIntConstant(module, "sanitized", TT_ASAN) < 0)
        return -1;
    return 0;
}

static int tt_traverse(PyObject *module, visitproc visit, void *arg)
{
    tt_state *st = tt_get_state(module);
    Py_VISIT(st->automaton_type);
    Py_VISIT(st->segmenter_type);
    Py_VISIT(st->token_type);
    Py_VISIT(st->u32array_type);
    Py_VISIT(st->batch_run_type);
    for (size_t k = 0; k < 8; k++)
        Py_VISIT(st->kind_names[k]);
    Py_VISIT(st->slots_name);
    Py_VISIT(st->remake);
    return 0;
}

static int tt_clear(PyObject *module)
{
    tt_state *st = tt_get_state(module);
    Py_CLEAR(st->automaton_type);
    Py_CLEAR(st->segmenter_type);
    Py_CLEAR(st->token_type);
    Py_CLEAR(st->u32array_type);
    Py_CLEAR(st->batch_run_type);
    for (size_t k = 0; k < 8; k++)
        Py_CLEAR(st->kind_names[k]);
    Py_CLEAR(st->slots_name);
    Py_CLEAR(st->remake);
    return 0;
}

static void tt_free(void *module)
{
    tt_clear((PyObject *)module);
}

static PyModuleDef_Slot tt_slots[] = {
    {Py_mod_exec, tt_exec},
    {0, NULL},
};

PyModuleDef tt_module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "tintuc._core",
    .m_doc = "The C core of tintuc: normalization, tokenization, segmentation and matching over ICU.",
    .m_size = sizeof(tt_state),
    .m_slots = tt_slots,
    .m_traverse = tt_traverse,
    .m_clear = tt_clear,
    .m_free = tt_free,
};

PyMODINIT_FUNC PyInit__core(void)
{
    return PyModuleDef_Init(&tt_module_def);
}
