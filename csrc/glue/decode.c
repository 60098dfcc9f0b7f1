/* Bytes to text: decode and detect_encoding over the legacy-encoding core (core/decode.h). */
#include "glue.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utypes.h>

#include "../core/decode.h"

/* Bytes borrowed from a bytes-like object, copied when the GIL is to be released over
 * memory someone else could write (anything but an exact bytes object). */
typedef struct {
    Py_buffer view;
    int have_view;
    const uint8_t *data;
    size_t n;
    uint8_t *copy; /* malloc'd, or NULL when data points into view */
} byte_input;

static void byte_input_release(byte_input *in)
{
    free(in->copy);
    in->copy = NULL;
    if (in->have_view)
        PyBuffer_Release(&in->view);
    in->have_view = 0;
}

/* Returns 0, or -1 with TypeError/BufferError/MemoryError set. */
static int byte_input_get(const char *func, PyObject *obj, byte_input *in)
{
    memset(in, 0, sizeof *in);
    if (PyUnicode_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() takes bytes, not str (a str is already decoded)", func);
        return -1;
    }
    if (!PyObject_CheckBuffer(obj)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a bytes-like object, not %.100s", func, Py_TYPE(obj)->tp_name);
        return -1;
    }
    if (PyObject_GetBuffer(obj, &in->view, PyBUF_FULL_RO) < 0)
        return -1;
    in->have_view = 1;
    in->n = (size_t)in->view.len;
    int contiguous = PyBuffer_IsContiguous(&in->view, 'C');
    if (contiguous && (PyBytes_CheckExact(obj) || in->n <= TT_GIL_THRESHOLD)) {
        in->data = in->view.buf;
        return 0;
    }
    in->copy = malloc(in->n + 1);
    if (in->copy == NULL) {
        PyErr_NoMemory();
        byte_input_release(in);
        return -1;
    }
    if (contiguous)
        memcpy(in->copy, in->view.buf, in->n);
    else if (PyBuffer_ToContiguous(in->copy, &in->view, in->view.len, 'C') < 0) {
        byte_input_release(in);
        return -1;
    }
    in->data = in->copy;
    return 0;
}

/* Raise the exception for a failed decode or detection. */
static void raise_decode_error(tt_status st, const tt_decode_error *err, const byte_input *in)
{
    if (st == TT_EINVAL && err->reason != NULL) {
        /* UnicodeDecodeError is a ValueError that names the byte position, like bytes.decode */
        PyObject *exc = PyUnicodeDecodeError_Create("utf-8", (const char *)in->data, (Py_ssize_t)in->n,
                                                    (Py_ssize_t)err->start, (Py_ssize_t)err->end, err->reason);
        if (exc != NULL) {
            PyErr_SetObject(PyExc_UnicodeDecodeError, exc);
            Py_DECREF(exc);
        }
    } else if (st == TT_EICU) {
        PyErr_Format(PyExc_RuntimeError, "decode: ICU failed: %s", u_errorName(err->icu));
    } else {
        tt_raise_status(st, "decode");
    }
}

static tt_encoding encoding_from(PyObject *name)
{
    if (!PyUnicode_Check(name)) {
        PyErr_Format(PyExc_TypeError, "encoding must be str, not %.100s", Py_TYPE(name)->tp_name);
        return TT_ENC_UNKNOWN;
    }
    Py_ssize_t len;
    const char *s = PyUnicode_AsUTF8AndSize(name, &len);
    if (s == NULL)
        return TT_ENC_UNKNOWN;
    tt_encoding enc = tt_encoding_lookup(s, (size_t)len);
    if (enc == TT_ENC_UNKNOWN)
        PyErr_Format(PyExc_ValueError, "unknown encoding %R; supported: " TT_ENCODING_NAMES
                     " (and aliases such as 'windows-1258', 'abc', 'vni-windows')", name);
    return enc;
}

static const char *const decode_kw[] = {"encoding", NULL};

static PyObject *py_decode(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)mod;
    PyObject *kw[1] = {NULL};
    byte_input in;
    tt_cpbuf out = {0};
    tt_decode_error err;
    tt_status st;
    PyObject *res = NULL;
    if (nargs < 1 || nargs > 2) {
        PyErr_Format(PyExc_TypeError, "decode() takes 1 or 2 positional arguments (%zd given)", nargs);
        return NULL;
    }
    if (tt_parse_kwargs("decode", args + nargs, kwnames, decode_kw, kw) < 0)
        return NULL;
    PyObject *encoding = nargs == 2 ? args[1] : kw[0];
    if (nargs == 2 && kw[0] != NULL) {
        PyErr_SetString(PyExc_TypeError, "decode() got multiple values for argument 'encoding'");
        return NULL;
    }
    tt_encoding enc = TT_ENC_AUTO;
    if (encoding != NULL && (enc = encoding_from(encoding)) == TT_ENC_UNKNOWN)
        return NULL;
    if (byte_input_get("decode", args[0], &in) < 0)
        return NULL;
    if (in.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_decode(in.data, in.n, enc, &out, &err);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_decode(in.data, in.n, enc, &out, &err);
    }
    if (st != TT_OK)
        raise_decode_error(st, &err, &in);
    else
        res = tt_str_from_u32(out.v, out.n);
    tt_cpbuf_free(&out);
    byte_input_release(&in);
    return res;
}

static PyObject *py_detect_encoding(PyObject *mod, PyObject *data)
{
    (void)mod;
    byte_input in;
    tt_decode_error err;
    tt_encoding enc = TT_ENC_UTF8;
    tt_status st;
    if (byte_input_get("detect_encoding", data, &in) < 0)
        return NULL;
    if (in.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_detect_encoding(in.data, in.n, &enc, NULL, &err);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_detect_encoding(in.data, in.n, &enc, NULL, &err);
    }
    PyObject *res = NULL;
    if (st != TT_OK)
        raise_decode_error(st, &err, &in);
    else
        res = PyUnicode_FromString(tt_encoding_name(enc));
    byte_input_release(&in);
    return res;
}

/* detect_encoding's evidence, for debugging a wrong guess: {name: (score, good, bad, words)}. */
static PyObject *py_encoding_scores(PyObject *mod, PyObject *data)
{
    (void)mod;
    byte_input in;
    tt_decode_error err;
    tt_encoding enc;
    tt_enc_score sc[TT_ENC_COUNT];
    PyObject *res = NULL;
    if (byte_input_get("encoding_scores", data, &in) < 0)
        return NULL;
    tt_status st;
    if (in.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = tt_detect_encoding(in.data, in.n, &enc, sc, &err);
        Py_END_ALLOW_THREADS
    } else {
        st = tt_detect_encoding(in.data, in.n, &enc, sc, &err);
    }
    if (st != TT_OK) {
        raise_decode_error(st, &err, &in);
        goto done;
    }
    res = PyDict_New();
    if (res == NULL)
        goto done;
    for (int e = TT_ENC_CP1258; e < TT_ENC_COUNT; e++) {
        PyObject *t = Py_BuildValue("(lnnn)", sc[e].score, (Py_ssize_t)sc[e].good, (Py_ssize_t)sc[e].bad,
                                    (Py_ssize_t)sc[e].words);
        if (t == NULL || PyDict_SetItemString(res, tt_encoding_name((tt_encoding)e), t) < 0) {
            Py_XDECREF(t);
            Py_CLEAR(res);
            goto done;
        }
        Py_DECREF(t);
    }
done:
    byte_input_release(&in);
    return res;
}

PyMethodDef tt_decode_methods[] = {
    {"decode", (PyCFunction)(void (*)(void))py_decode, METH_FASTCALL | METH_KEYWORDS,
     "decode($module, data, /, encoding='auto')\n--\n\n"
     "Decode bytes to NFC text. encoding: 'auto' (detect), 'utf-8' (strict: UnicodeDecodeError,\n"
     "a ValueError, names the first bad byte), 'cp1258', 'viscii', 'tcvn3', 'vni' or 'viqr'\n"
     "(aliases such as 'windows-1258', 'abc', 'vni-windows' work too)."},
    {"detect_encoding", (PyCFunction)py_detect_encoding, METH_O,
     "detect_encoding($module, data, /)\n--\n\n"
     "The encoding decode(data) would use: 'utf-8', 'cp1258', 'viscii', 'tcvn3', 'vni' or 'viqr'."},
    {"_encoding_scores", (PyCFunction)py_encoding_scores, METH_O,
     "_encoding_scores($module, data, /)\n--\n\n"
     "Detection's evidence per legacy candidate: {name: (score, good, bad, words)} (debugging aid)."},
    {NULL, NULL, 0, NULL},
};
