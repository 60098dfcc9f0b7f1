/* Text functions: normalize, normalize_many, normalize_map, strip_diacritics. */
#include "glue.h"

#include <stdlib.h>
#include <string.h>


/* Read tone= and fold_punct= into core options. */
int tt_norm_opts_from(PyObject *tone, PyObject *fold, tt_norm_opts *o)
{
    o->tone = TT_TONE_HOA;
    o->fold_punct = 1;
    if (tone != NULL && tone != Py_None) {
        if (!PyUnicode_Check(tone)) {
            PyErr_SetString(PyExc_TypeError, "tone must be \"hòa\", \"hoà\" or None");
            return -1;
        }
        tt_u32 t;
        if (tt_u32_from_str(tone, "tone", &t) < 0)
            return -1;
        /* compare after normalization so that decomposed spellings of the names work */
        tt_cpbuf norm = {0};
        tt_norm_opts keep = {TT_TONE_KEEP, 0};
        tt_status st = tt_normalize(t.cp, t.n, &keep, &norm, NULL, NULL);
        tt_u32_free(&t);
        if (st != TT_OK) {
            tt_cpbuf_free(&norm);
            tt_raise_status(st, "tone");
            return -1;
        }
        static const tt_cp hoa1[] = {'h', 0x00F2, 'a'}, hoa2[] = {'h', 'o', 0x00E0};
        int ok = norm.n == 3;
        if (ok && memcmp(norm.v, hoa1, sizeof hoa1) == 0)
            o->tone = TT_TONE_HOA;
        else if (ok && memcmp(norm.v, hoa2, sizeof hoa2) == 0)
            o->tone = TT_TONE_HOAF;
        else
            ok = 0;
        tt_cpbuf_free(&norm);
        if (!ok) {
            PyErr_Format(PyExc_ValueError, "tone must be \"hòa\", \"hoà\" or None, not %R", tone);
            return -1;
        }
    } else if (tone == Py_None) {
        o->tone = TT_TONE_KEEP;
    }
    if (fold != NULL) {
        int b = PyObject_IsTrue(fold);
        if (b < 0)
            return -1;
        o->fold_punct = b;
    }
    return 0;
}

static const char *const norm_kw[] = {"tone", "fold_punct", NULL};

/* How much of a str (read in place, 1, 2 or 4 bytes per code point) normalization keeps. */
static size_t scan_str(int kind, const void *data, size_t n, const tt_norm_opts *o)
{
    if (kind == PyUnicode_1BYTE_KIND)
        return tt_normalize_scan_u8(data, n, o);
    if (kind == PyUnicode_2BYTE_KIND)
        return tt_normalize_scan_u16(data, n, o);
    return tt_normalize_scan_u32(data, n, o);
}

/* Normalize one str; returns the same object when nothing changed. */
static PyObject *normalize_one(PyObject *text, const tt_norm_opts *o, int want_map, PyObject **map_out)
{
    tt_u32 u = {NULL, 0};
    tt_cpbuf out = {0};
    tt_offbuf map = {0};
    PyObject *res = NULL;
    int changed = 0;
    tt_status st;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "text must be str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    if (!want_map) {
        /* most text is already normal: find out without copying it */
        int kind = PyUnicode_KIND(text);
        const void *data = PyUnicode_DATA(text);
        size_t n = (size_t)PyUnicode_GET_LENGTH(text), keep;
        if (n > TT_GIL_THRESHOLD) {
            Py_BEGIN_ALLOW_THREADS
            keep = scan_str(kind, data, n, o);
            Py_END_ALLOW_THREADS
        } else {
            keep = scan_str(kind, data, n, o);
        }
        if (keep == n)
            return Py_NewRef(text);
    }
    if (tt_u32_from_str(text, "text", &u) < 0)
        return NULL;
    if (u.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_normalize(u.cp, u.n, o, &out, want_map ? &map : NULL, &changed);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_normalize(u.cp, u.n, o, &out, want_map ? &map : NULL, &changed);
    }
    if (st != TT_OK) {
        tt_raise_status(st, "normalize");
        goto done;
    }
    if (want_map) {
        *map_out = PyBytes_FromStringAndSize((const char *)map.v, (Py_ssize_t)(map.n * sizeof *map.v));
        if (*map_out == NULL)
            goto done;
    }
    res = changed ? tt_str_from_u32(out.v, out.n) : Py_NewRef(text);
    if (res == NULL && want_map)
        Py_CLEAR(*map_out);
done:
    tt_u32_free(&u);
    tt_cpbuf_free(&out);
    tt_offbuf_free(&map);
    return res;
}

static PyObject *py_normalize(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)mod;
    PyObject *kw[2] = {NULL, NULL};
    tt_norm_opts o;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "normalize() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("normalize", args + nargs, kwnames, norm_kw, kw) < 0 || tt_norm_opts_from(kw[0], kw[1], &o) < 0)
        return NULL;
    return normalize_one(args[0], &o, 0, NULL);
}

static PyObject *py_normalize_map(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)mod;
    PyObject *kw[2] = {NULL, NULL};
    PyObject *map = NULL;
    tt_norm_opts o;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "normalize_map() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("normalize_map", args + nargs, kwnames, norm_kw, kw) < 0 || tt_norm_opts_from(kw[0], kw[1], &o) < 0)
        return NULL;
    PyObject *s = normalize_one(args[0], &o, 1, &map);
    if (s == NULL)
        return NULL;
    PyObject *res = PyTuple_Pack(2, s, map);
    Py_DECREF(s);
    Py_DECREF(map);
    return res;
}

/* One batch item: the str read in place, and its normalized text when it changed. */
typedef struct {
    tt_batch_text text;
    tt_cpbuf out;
    int changed;
} norm_item;

/* Normalize one item without the GIL: scan in place, widen and normalize only if needed. */
static void norm_run(void *op, const void *ctx)
{
    norm_item *b = op;
    const tt_norm_opts *o = ctx;
    tt_batch_text *t = &b->text;
    b->changed = 0;
    b->out.n = 0;
    if (scan_str(t->kind, t->data, t->n, o) == t->n)
        return;
    tt_cp *wide = tt_widen(t->kind, t->data, t->n);
    if (wide == NULL) {
        t->st = TT_ENOMEM;
        return;
    }
    t->st = tt_normalize(wide, t->n, o, &b->out, NULL, &b->changed);
    free(wide);
}

static PyObject *norm_build(PyObject *text, void *op, const void *ctx)
{
    (void)ctx;
    norm_item *b = op;
    return b->changed ? tt_str_from_u32(b->out.v, b->out.n) : Py_NewRef(text);
}

static void norm_clear(void *op)
{
    tt_cpbuf_free(&((norm_item *)op)->out);
}

/* Documents (or code points) per chunk: the GIL is taken back between chunks to build the
 * results and to answer Ctrl-C. */
static const tt_batch_ops norm_ops = {sizeof(norm_item), 256, 8u << 20, norm_run, norm_build, norm_clear};

static PyObject *py_normalize_many(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)mod;
    PyObject *kw[2] = {NULL, NULL};
    tt_norm_opts o;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "normalize_many() takes exactly one positional argument (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("normalize_many", args + nargs, kwnames, norm_kw, kw) < 0 || tt_norm_opts_from(kw[0], kw[1], &o) < 0)
        return NULL;
    return tt_run_batch("normalize_many", args[0], &norm_ops, &o);
}

static PyObject *py_strip_diacritics(PyObject *mod, PyObject *text)
{
    (void)mod;
    tt_u32 u;
    tt_cpbuf out = {0};
    PyObject *res = NULL;
    tt_status st;
    if (tt_u32_from_str(text, "text", &u) < 0)
        return NULL;
    if (u.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_strip_diacritics(u.cp, u.n, &out);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_strip_diacritics(u.cp, u.n, &out);
    }
    if (st != TT_OK)
        tt_raise_status(st, "strip_diacritics");
    else
        res = tt_str_from_u32(out.v, out.n);
    tt_u32_free(&u);
    tt_cpbuf_free(&out);
    return res;
}

PyMethodDef tt_text_methods[] = {
    {"normalize", (PyCFunction)(void (*)(void))py_normalize, METH_FASTCALL | METH_KEYWORDS,
     "normalize($module, text, /, *, tone='h\\xf2a', fold_punct=True)\n--\n\n"
     "NFC, one tone placement, misplaced marks fixed, look-alikes folded, odd spaces and\n"
     "zero-width characters made canonical. Returns `text` itself when nothing changes."},
    {"normalize_map", (PyCFunction)(void (*)(void))py_normalize_map, METH_FASTCALL | METH_KEYWORDS,
     "normalize_map($module, text, /, *, tone='h\\xf2a', fold_punct=True)\n--\n\n"
     "Like normalize, also returning the alignment: bytes holding len(result) + 1 native\n"
     "uint32 offsets into `text` (see tintuc.normalize_with_offsets)."},
    {"normalize_many", (PyCFunction)(void (*)(void))py_normalize_many, METH_FASTCALL | METH_KEYWORDS,
     "normalize_many($module, texts, /, *, tone='h\\xf2a', fold_punct=True)\n--\n\n"
     "normalize over a batch in one call with the GIL released; None and NaN pass through."},
    {"strip_diacritics", (PyCFunction)py_strip_diacritics, METH_O,
     "strip_diacritics($module, text, /)\n--\n\n"
     "Remove diacritics: 'Hà Nội' -> 'Ha Noi', 'Đ' -> 'D'."},
    {NULL, NULL, 0, NULL},
};
