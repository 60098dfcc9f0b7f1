/* words_before / words_after: the word windows of core/word_window.h over a str, with the
 * character classes Python's own str and re functions use (so that the results are those of
 * the regular-expression version in tintuc.events.words). */
#include "glue.h"

#include <stdlib.h>

#include "../core/word_window.h"

/* Windows are a few dozen code points: these fit on the stack, longer ones are allocated. */
#define WIN_STACK 512

/* The classes of c as str.isspace, re's \w (str.isalnum or "_") and re's \d see them; ASCII
 * (most of a Vietnamese text's spaces, digits and plain letters) without the Unicode tables. */
static uint8_t class_of(Py_UCS4 c)
{
    if (c < 128) {
        if (Py_UNICODE_ISSPACE(c))
            return TT_WIN_SPACE;
        if (c >= '0' && c <= '9')
            return TT_WIN_WORD | TT_WIN_DIGIT;
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' ? TT_WIN_WORD : 0;
    }
    return (uint8_t)((Py_UNICODE_ISSPACE(c) ? TT_WIN_SPACE : 0) | (Py_UNICODE_ISALNUM(c) ? TT_WIN_WORD : 0)
                     | (Py_UNICODE_ISDECIMAL(c) ? TT_WIN_DIGIT : 0));
}

/* The classes of the code points of Vietnamese text (Latin, its extensions, punctuation)
 * from a table filled on first use (callers hold the GIL): the Unicode database is slow
 * per call. */
#define CLASS_TABLE TT_GLUE_WIN_TABLE
static uint8_t class_table[CLASS_TABLE];
static int classes_ready;

uint8_t tt_glue_win_class(Py_UCS4 c)
{
    if (c >= CLASS_TABLE)
        return class_of(c);
    if (!classes_ready) {
        for (Py_UCS4 x = 0; x < CLASS_TABLE; x++)
            class_table[x] = class_of(x);
        classes_ready = 1;
    }
    return class_table[c];
}

const uint8_t *tt_glue_win_table(void)
{
    (void)tt_glue_win_class(0); /* (fills it) */
    return class_table;
}

/* Parse (text, pos, k, chars_per_word); 0, or -1 with an exception set. */
static int parse(const char *func, PyObject *const *args, Py_ssize_t nargs, PyObject **text, Py_ssize_t *pos,
                 Py_ssize_t *k, Py_ssize_t *width)
{
    if (nargs != 4) {
        PyErr_Format(PyExc_TypeError, "%s() takes 4 arguments (text, pos, k, chars_per_word)", func);
        return -1;
    }
    if (!PyUnicode_Check(args[0])) {
        PyErr_Format(PyExc_TypeError, "%s() text must be str", func);
        return -1;
    }
    *text = args[0];
    Py_ssize_t *vals[3] = {pos, k, width};
    for (int i = 0; i < 3; i++) {
        *vals[i] = PyLong_AsSsize_t(args[i + 1]);
        if (*vals[i] == -1 && PyErr_Occurred())
            return -1;
        if (*vals[i] < 0) {
            PyErr_Format(PyExc_ValueError, "%s() takes no negative pos, k or chars_per_word", func);
            return -1;
        }
    }
    return 0;
}

/* The words of text[lo:hi) that the core picks, as a list of str. */
static PyObject *window(PyObject *text, Py_ssize_t lo, Py_ssize_t hi, int before, int cut, Py_ssize_t k)
{
    PyObject *list = NULL;
    tt_cp stack_cp[WIN_STACK];
    uint8_t stack_cls[WIN_STACK];
    tt_win_word stack_words[WIN_STACK];
    tt_cp *cp = stack_cp;
    uint8_t *cls = stack_cls;
    tt_win_word *words = stack_words;
    size_t n = hi > lo ? (size_t)(hi - lo) : 0;
    /* no window holds more words than half its code points, rounded up */
    size_t cap = (size_t)k < (n + 1) / 2 ? (size_t)k : (n + 1) / 2;
    if (n > WIN_STACK) {
        cp = malloc(n * sizeof *cp);
        cls = malloc(n);
        words = malloc((cap + 1) * sizeof *words);
        if (cp == NULL || cls == NULL || words == NULL) {
            PyErr_NoMemory();
            goto done;
        }
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (size_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, lo + (Py_ssize_t)i);
        cp[i] = c;
        cls[i] = tt_glue_win_class(c);
    }
    size_t got = before ? tt_window_before(cp, cls, n, cut, cap, words) : tt_window_after(cp, cls, n, cut, cap, words);
    list = PyList_New((Py_ssize_t)got);
    if (list == NULL)
        goto done;
    for (size_t w = 0; w < got; w++) {
        PyObject *s = PyUnicode_Substring(text, lo + (Py_ssize_t)words[w].start, lo + (Py_ssize_t)words[w].end);
        if (s == NULL) {
            Py_CLEAR(list);
            goto done;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)w, s);
    }
done:
    if (cp != stack_cp)
        free(cp);
    if (cls != stack_cls)
        free(cls);
    if (words != stack_words)
        free(words);
    return list;
}

static PyObject *py_words_before(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *text;
    Py_ssize_t pos, k, width;
    if (parse("words_before", args, nargs, &text, &pos, &k, &width) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    /* text[lo:pos], lo = max(0, pos - width * k), as a slice clamps it */
    Py_ssize_t lo = (width != 0 && k > pos / width) ? 0 : pos - width * k;
    Py_ssize_t hi = pos < n ? pos : n;
    return window(text, lo, hi, 1, lo > 0, k);
}

static PyObject *py_words_after(PyObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    (void)self;
    PyObject *text;
    Py_ssize_t pos, k, width;
    if (parse("words_after", args, nargs, &text, &pos, &k, &width) < 0)
        return NULL;
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    /* text[pos:hi], hi = pos + width * k, cut short when hi falls inside the text */
    int cut = width != 0 && k > (n - pos) / width ? 0 : pos + width * k < n;
    Py_ssize_t hi = cut ? pos + width * k : n;
    return window(text, pos < n ? pos : n, hi, 0, cut, k);
}

PyMethodDef tt_word_window_methods[] = {
    {"words_before", (PyCFunction)(void (*)(void))py_words_before, METH_FASTCALL,
     "words_before($module, text, pos, k, chars_per_word, /)\n--\n\n"
     "Up to k words ending right before pos, within chars_per_word * k code points, cut at "
     "punctuation (tintuc.events.words)."},
    {"words_after", (PyCFunction)(void (*)(void))py_words_after, METH_FASTCALL,
     "words_after($module, text, pos, k, chars_per_word, /)\n--\n\n"
     "Up to k words starting right after pos, within chars_per_word * k code points, cut at "
     "punctuation (tintuc.events.words)."},
    {NULL, NULL, 0, NULL},
};
