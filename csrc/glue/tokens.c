/* Tokens and sentences: the Token struct sequence, tokenize() and sentence spans. */
#include "glue.h"

#include "../core/pipeline.h"

static PyStructSequence_Field token_fields[] = {
    {"text", "the token as written in the original text"},
    {"start", "start offset (code points) in the original text"},
    {"end", "end offset (exclusive) in the original text"},
    {"kind", "word, number, date, punct, symbol, url or email"},
    {NULL, NULL},
};

static PyStructSequence_Desc token_desc = {
    "tintuc.Token",
    "A token of the original text: text == original[start:end].",
    token_fields,
    4,
};

static const char *const kind_names[8] = {"", "word", "number", "date", "punct", "symbol", "url", "email"};

int tt_tokens_exec(PyObject *module, tt_state *st)
{
    st->token_type = PyStructSequence_NewType(&token_desc);
    if (st->token_type == NULL)
        return -1;
    if (PyModule_AddObjectRef(module, "Token", (PyObject *)st->token_type) < 0)
        return -1;
    for (size_t k = 0; k < 8; k++) {
        st->kind_names[k] = PyUnicode_InternFromString(kind_names[k]);
        if (st->kind_names[k] == NULL)
            return -1;
    }
    return 0;
}

PyObject *tt_make_token(tt_state *st, PyObject *text, tt_off start, tt_off end, int kind)
{
    PyObject *tok = PyStructSequence_New(st->token_type);
    if (tok == NULL)
        return NULL;
    PyObject *s = PyUnicode_Substring(text, start, end);
    PyObject *a = PyLong_FromSize_t(start), *b = PyLong_FromSize_t(end);
    if (s == NULL || a == NULL || b == NULL) {
        Py_XDECREF(s);
        Py_XDECREF(a);
        Py_XDECREF(b);
        Py_DECREF(tok);
        return NULL;
    }
    PyStructSequence_SET_ITEM(tok, 0, s);
    PyStructSequence_SET_ITEM(tok, 1, a);
    PyStructSequence_SET_ITEM(tok, 2, b);
    PyStructSequence_SET_ITEM(tok, 3, Py_NewRef(st->kind_names[kind & 7]));
    return tok;
}

/* Run the core pipeline on one str, the GIL released for long texts. */
int tt_run_doc(PyObject *text, const tt_norm_opts *o, tt_doc *d)
{
    tt_u32 u;
    tt_status s;
    if (tt_u32_from_str(text, "text", &u) < 0)
        return -1;
    if (u.n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        s = tt_doc_run(d, u.cp, u.n, o, NULL);
        Py_END_ALLOW_THREADS
    } else {
        s = tt_doc_run(d, u.cp, u.n, o, NULL);
    }
    tt_u32_free(&u);
    if (s != TT_OK) {
        tt_raise_status(s, "tokenize");
        return -1;
    }
    return 0;
}

static const char *const tok_kw[] = {"tone", "fold_punct", NULL};

static int parse_text_opts(const char *func, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, tt_norm_opts *o)
{
    PyObject *kw[2] = {NULL, NULL};
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes exactly one positional argument (%zd given)", func, nargs);
        return -1;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "text must be str, not %.100s", Py_TYPE(args[0])->tp_name);
        return -1;
    }
    if (tt_parse_kwargs(func, args + nargs, kwnames, tok_kw, kw) < 0 || tt_norm_opts_from(kw[0], kw[1], o) < 0)
        return -1;
    return 0;
}

static PyObject *py_tokenize(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    tt_norm_opts o;
    tt_doc d;
    PyObject *res = NULL;
    tt_state *st = tt_get_state(mod);
    if (parse_text_opts("tokenize", args, nargs, kwnames, &o) < 0)
        return NULL;
    tt_doc_init(&d);
    if (tt_run_doc(args[0], &o, &d) < 0)
        goto done;
    res = PyList_New((Py_ssize_t)d.tokens.n);
    if (res == NULL)
        goto done;
    for (size_t k = 0; k < d.tokens.n; k++) {
        const tt_token *t = &d.tokens.v[k];
        tt_off a, b;
        tt_doc_span(&d, t->start, t->end, &a, &b);
        PyObject *tok = tt_make_token(st, args[0], a, b, t->kind);
        if (tok == NULL) {
            Py_CLEAR(res);
            goto done;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)k, tok);
    }
done:
    tt_doc_free(&d);
    return res;
}

/* [(start, end), ...] of the sentences of a text, in original offsets. */
static PyObject *py_sentence_spans(PyObject *mod, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)
{
    (void)mod;
    tt_norm_opts o;
    tt_doc d;
    PyObject *res = NULL;
    if (parse_text_opts("sentence_spans", args, nargs, kwnames, &o) < 0)
        return NULL;
    tt_doc_init(&d);
    if (tt_run_doc(args[0], &o, &d) < 0)
        goto done;
    res = PyList_New((Py_ssize_t)d.sent.n);
    if (res == NULL)
        goto done;
    for (size_t k = 0; k < d.sent.n; k++) {
        size_t first = d.sent.v[k], last = k + 1 < d.sent.n ? d.sent.v[k + 1] : d.tokens.n;
        tt_off a, b;
        tt_doc_span(&d, d.tokens.v[first].start, d.tokens.v[last - 1].end, &a, &b);
        PyObject *span = Py_BuildValue("(kk)", (unsigned long)a, (unsigned long)b);
        if (span == NULL) {
            Py_CLEAR(res);
            goto done;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)k, span);
    }
done:
    tt_doc_free(&d);
    return res;
}

PyMethodDef tt_token_methods[] = {
    {"tokenize", (PyCFunction)(void (*)(void))py_tokenize, METH_FASTCALL | METH_KEYWORDS,
     "tokenize($module, text, /, *, tone='h\\xf2a', fold_punct=True)\n--\n\n"
     "Tokens of `text` with offsets into it: syllables, numbers, dates, punctuation, symbols,\n"
     "URLs and e-mail addresses."},
    {"sentence_spans", (PyCFunction)(void (*)(void))py_sentence_spans, METH_FASTCALL | METH_KEYWORDS,
     "sentence_spans($module, text, /, *, tone='h\\xf2a', fold_punct=True)\n--\n\n"
     "(start, end) offsets of each sentence of `text`."},
    {NULL, NULL, 0, NULL},
};
