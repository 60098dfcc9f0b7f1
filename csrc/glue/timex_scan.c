/* timex_hits, timex_words_before, timex_tense: where tintuc.timex reads time expressions and the words
 * before them, and the tense markers that decide a direction (core/timex_scan.h). */
#include "glue.h"

#include <stdlib.h>

#include "../core/timex_scan.h"
#include "../core/timex_clock.h"
#include "../core/timex_date.h"
#include "../core/timex_month.h"
#include "../core/timex_wday.h"
#include "../core/timex_year.h"

/* Python's own character tables, which its regular expressions use: \w is isalnum() or "_",
 * \s isspace(), \d isdecimal(). Plain table look-ups: safe without the GIL. */
unsigned tt_py_ctype(tt_cp c)
{
    Py_UCS4 u = (Py_UCS4)c;
    unsigned f = 0;
    if (Py_UNICODE_ISALNUM(u))
        f |= TT_TX_WORD | TT_TX_ALNUM;
    else if (u == '_')
        f |= TT_TX_WORD;
    if (Py_UNICODE_ISSPACE(u))
        f |= TT_TX_SPACE;
    if (Py_UNICODE_ISDECIMAL(u))
        f |= TT_TX_DECIMAL;
    return f;
}

/* What one read of a text gives: its hits, whether it is surely NFC, and for each hit of
 * the year, month or weekday families or of digits what core/timex_year.h, timex_month.h,
 * timex_wday.h, timex_date.h or timex_clock.h makes of it (code[k], year[k], month[k],
 * wday[k], date[k] or clock[k] for hit k; code CLOCK_ATOM for a clock time). */
#define CLOCK_ATOM (TT_TXY_ATOM + 1)

typedef struct {
    tt_offbuf hits;
    int nfc;
    int *code;
    tt_tx_year *year;
    tt_tx_month *month;
    tt_tx_wday *wday;
    tt_tx_date *date;
    tt_tx_clock *clock;
} text_scan;

static tt_status scan_text(const tt_cp *wide, size_t n, int want_years, text_scan *out)
{
    tt_status st = tt_timex_hits(wide, n, tt_py_ctype, &out->hits);
    if (st != TT_OK)
        return st;
    out->nfc = tt_timex_nfc_sure(wide, n);
    if (!want_years)
        return TT_OK;
    size_t count = out->hits.n / 2;
    out->code = calloc(count + 1, sizeof *out->code);
    out->year = calloc(count + 1, sizeof *out->year);
    out->month = calloc(count + 1, sizeof *out->month);
    out->wday = calloc(count + 1, sizeof *out->wday);
    out->date = calloc(count + 1, sizeof *out->date);
    out->clock = calloc(count + 1, sizeof *out->clock);
    if (out->code == NULL || out->year == NULL || out->month == NULL || out->wday == NULL || out->date == NULL
        || out->clock == NULL)
        return TT_ENOMEM;
    for (size_t k = 0; k < count; k++)
        if (out->hits.v[2 * k + 1] == TT_TX_YEAR_FAMILY)
            out->code[k] = tt_timex_year_atom(wide, n, out->hits.v[2 * k], tt_py_ctype, &out->year[k]);
        else if (out->hits.v[2 * k + 1] == TT_TX_MONTH_FAMILY)
            out->code[k] = tt_timex_month_atom(wide, n, out->hits.v[2 * k], tt_py_ctype, &out->month[k]);
        else if (out->hits.v[2 * k + 1] == TT_TX_THU_FAMILY || out->hits.v[2 * k + 1] == TT_TX_CHU_FAMILY)
            out->code[k] = tt_timex_wday_atom(wide, n, out->hits.v[2 * k], tt_py_ctype, &out->wday[k]);
        else if (out->hits.v[2 * k + 1] == TT_TX_DIGIT) {
            out->code[k] = tt_timex_date_atom(wide, n, out->hits.v[2 * k], tt_py_ctype, &out->date[k]);
            if (out->code[k] == TT_TXY_DEFER) {
                /* no date pattern reads the digits of a clock time: which one is tried first
                 * does not matter */
                int c = tt_timex_clock_atom(wide, n, out->hits.v[2 * k], tt_py_ctype, &out->clock[k]);
                out->code[k] = c == TT_TXY_ATOM ? CLOCK_ATOM : c;
            }
        }
    return TT_OK;
}

/* The kinds and words the atom tuples hold, as interned strings made once each and looked up
 * by their static C strings: a tuple then decodes no UTF-8 (a text has tens of them). */
#define WORDS_CACHED 64
static struct {
    const char *c;
    PyObject *s;
} word_cache[WORDS_CACHED];

static PyObject *word_str(const char *c)
{
    for (size_t k = 0; k < WORDS_CACHED; k++) {
        if (word_cache[k].c == c)
            return Py_NewRef(word_cache[k].s);
        if (word_cache[k].c == NULL) {
            PyObject *s = PyUnicode_InternFromString(c);
            if (s == NULL)
                return NULL;
            word_cache[k].c = c;
            word_cache[k].s = s;
            return Py_NewRef(s);
        }
    }
    return PyUnicode_FromString(c);
}

/* A year atom as timex._scan takes it: (kind, start, end, year or relative word, mod). */
static PyObject *year_tuple(const tt_tx_year *y)
{
    PyObject *mod = y->mod ? word_str(tt_timex_year_mods[y->mod - 1]) : Py_NewRef(Py_None);
    if (mod == NULL)
        return NULL;
    if (y->kind == TT_TXY_YEAR)
        return Py_BuildValue("(NnniN)", word_str("year"), (Py_ssize_t)y->start, (Py_ssize_t)y->end, y->year, mod);
    return Py_BuildValue("(NnnNN)", word_str("ryear"), (Py_ssize_t)y->start, (Py_ssize_t)y->end,
                         word_str(tt_timex_year_rels[y->rel]),
                         mod);
}

/* A date atom as timex._scan takes it: ("date", start, end, day, month, pod, lead, year or 0),
 * or for "3/2020" (no day) ("month", start, end, month, year, None). */
static PyObject *date_tuple(const tt_tx_date *d)
{
    static const char *const leads[] = {"ngày", "hôm"};
    if (d->d == 0)
        return Py_BuildValue("(NnniiO)", word_str("month"), (Py_ssize_t)d->start, (Py_ssize_t)d->end, d->m, d->y, Py_None);
    PyObject *pod = d->pod ? word_str(tt_timex_date_pods[d->pod - 1]) : Py_NewRef(Py_None);
    PyObject *lead = d->lead ? word_str(leads[d->lead - 1]) : Py_NewRef(Py_None);
    if (pod == NULL || lead == NULL) {
        Py_XDECREF(pod);
        Py_XDECREF(lead);
        return NULL;
    }
    return Py_BuildValue("(NnniiNNi)", word_str("date"), (Py_ssize_t)d->start, (Py_ssize_t)d->end, d->d, d->m, pod, lead,
                         d->y);
}

/* A month atom as timex._scan takes it: ("month", start, end, month, year or 0, mod). */
static PyObject *month_tuple(const tt_tx_month *m)
{
    PyObject *mod = m->mod ? word_str(tt_timex_year_mods[m->mod - 1]) : Py_NewRef(Py_None);
    if (mod == NULL)
        return NULL;
    return Py_BuildValue("(NnniiN)", word_str("month"), (Py_ssize_t)m->start, (Py_ssize_t)m->end, m->m, m->y, mod);
}

/* A weekday atom as timex._scan takes it: ("wday", start, end, weekday, "tuần ..." word or None,
 * pod, lead, strong). */
static PyObject *wday_tuple(const tt_tx_wday *w)
{
    static const char *const leads[] = {"ngày", "hôm"};
    PyObject *rel = w->rel >= 0 ? word_str(tt_timex_wday_rels[w->rel]) : Py_NewRef(Py_None);
    PyObject *pod = w->pod ? word_str(tt_timex_date_pods[w->pod - 1]) : Py_NewRef(Py_None);
    PyObject *lead = w->lead ? word_str(leads[w->lead - 1]) : Py_NewRef(Py_None);
    if (rel == NULL || pod == NULL || lead == NULL) {
        Py_XDECREF(rel);
        Py_XDECREF(pod);
        Py_XDECREF(lead);
        return NULL;
    }
    return Py_BuildValue("(NnniNNNO)", word_str("wday"), (Py_ssize_t)w->start, (Py_ssize_t)w->end, w->w, rel, pod, lead,
                         w->strong ? Py_True : Py_False);
}

/* A clock time as timex._scan takes it: ("clock", start, end, hour, minutes, pod, strong). */
static PyObject *clock_tuple(const tt_tx_clock *c)
{
    PyObject *pod = c->pod ? word_str(tt_timex_clock_pods[c->pod - 1]) : Py_NewRef(Py_None);
    if (pod == NULL)
        return NULL;
    return Py_BuildValue("(NnniiNO)", word_str("clock"), (Py_ssize_t)c->start, (Py_ssize_t)c->end, c->h, c->mi, pod,
                         c->strong ? Py_True : Py_False);
}

/* {position: False or year_tuple/month_tuple/wday_tuple/date_tuple/clock_tuple} for the hits
 * the core decided. */
static PyObject *years_dict(const text_scan *sc)
{
    PyObject *d = PyDict_New();
    for (size_t k = 0; d != NULL && k < sc->hits.n / 2; k++) {
        if (sc->code[k] == TT_TXY_DEFER)
            continue;
        PyObject *key = PyLong_FromSize_t((size_t)sc->hits.v[2 * k]);
        tt_off fam = sc->hits.v[2 * k + 1];
        PyObject *val = sc->code[k] == CLOCK_ATOM   ? clock_tuple(&sc->clock[k])
                        : sc->code[k] != TT_TXY_ATOM ? Py_NewRef(Py_False)
                        : fam == TT_TX_DIGIT        ? date_tuple(&sc->date[k])
                        : fam == TT_TX_MONTH_FAMILY ? month_tuple(&sc->month[k])
                        : fam == TT_TX_THU_FAMILY || fam == TT_TX_CHU_FAMILY ? wday_tuple(&sc->wday[k])
                                                    : year_tuple(&sc->year[k]);
        if (key == NULL || val == NULL || PyDict_SetItem(d, key, val) < 0)
            Py_CLEAR(d);
        Py_XDECREF(key);
        Py_XDECREF(val);
    }
    return d;
}

/* The hits of text as a list of pairs; with nfc, also whether the text is surely in NFC
 * (*nfc: core/timex_scan.h's tt_timex_nfc_sure); with years, the year atoms (years_dict). */
static PyObject *hits_list(PyObject *text, const char *func, int *nfc, PyObject **years)
{
    text_scan sc = {{0}, 0, NULL, NULL, NULL, NULL, NULL, NULL};
    tt_cp *wide = NULL;
    PyObject *res = NULL;
    tt_status st;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a str, not %.100s", func, Py_TYPE(text)->tp_name);
        return NULL;
    }
    size_t n = (size_t)PyUnicode_GET_LENGTH(text);
    if (n > TT_MAX_LEN)
        return tt_raise_status(TT_ETOOLONG, func);
    if ((wide = tt_widen(PyUnicode_KIND(text), PyUnicode_DATA(text), n)) == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    if (n > TT_GIL_THRESHOLD) {
        Py_BEGIN_ALLOW_THREADS
        st = scan_text(wide, n, years != NULL, &sc);
        Py_END_ALLOW_THREADS
    } else {
        st = scan_text(wide, n, years != NULL, &sc);
    }
    if (st != TT_OK) {
        tt_raise_status(st, func);
        goto done;
    }
    if (nfc != NULL)
        *nfc = sc.nfc;
    if (years != NULL && (*years = years_dict(&sc)) == NULL)
        goto done;
    if ((res = PyList_New((Py_ssize_t)(sc.hits.n / 2))) == NULL)
        goto done;
    for (size_t k = 0; k + 1 < sc.hits.n; k += 2) {
        PyObject *pair = Py_BuildValue("(kk)", (unsigned long)sc.hits.v[k], (unsigned long)sc.hits.v[k + 1]);
        if (pair == NULL) {
            Py_CLEAR(res);
            goto done;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)(k / 2), pair);
    }
done:
    if (res == NULL && years != NULL)
        Py_CLEAR(*years);
    free(wide);
    free(sc.code);
    free(sc.year);
    free(sc.month);
    free(sc.wday);
    free(sc.date);
    free(sc.clock);
    tt_offbuf_free(&sc.hits);
    return res;
}

static PyObject *py_timex_hits(PyObject *mod, PyObject *text)
{
    (void)mod;
    return hits_list(text, "timex_hits", NULL, NULL);
}

/* timex_hits and, read from the same copy of the text, whether it is surely NFC (True
 * spares find_times its own check; False asks for it) and the atoms the core decides
 * (core/timex_year.h, timex_month.h, timex_wday.h, timex_date.h): {position of a hit: False (no
 * atom), (kind, start, end, year or relative word, mod), ("month", start, end, month, year or 0,
 * mod), ("wday", start, end, weekday, relative word, pod, lead, strong), ("clock", start, end,
 * hour, minutes, pod, strong) or ("date", start, end, day, month, pod, lead, year or 0)}; the hits
 * missing there are left to timex._atom. */
static PyObject *py_timex_hits_nfc(PyObject *mod, PyObject *text)
{
    (void)mod;
    int nfc = 0;
    PyObject *years = NULL;
    PyObject *hits = hits_list(text, "timex_hits_nfc", &nfc, &years);
    if (hits == NULL)
        return NULL;
    return Py_BuildValue("(NON)", hits, nfc ? Py_True : Py_False, years);
}

/* Does str.lower() map each of cp[0 .. n) to one code point, the one Py_UNICODE_TOLOWER
 * gives? True of ASCII and of the Latin blocks Vietnamese is written in, but for U+0130. */
static int simple_lower(const tt_cp *cp, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tt_cp c = cp[i];
        if (!(c < 0x80 || (c >= 0xC0 && c < 0x250 && c != 0x130) || (c >= 0x1E00 && c < 0x1F00)))
            return 0;
    }
    return 1;
}

/* str.lower() of cp[0 .. n): in C where that is the simple mapping, else by the method. */
static PyObject *lower_str(tt_cp *cp, size_t n)
{
    if (simple_lower(cp, n)) {
        for (size_t i = 0; i < n; i++)
            cp[i] = (tt_cp)Py_UNICODE_TOLOWER((Py_UCS4)cp[i]);
        return tt_str_from_u32(cp, n);
    }
    PyObject *w = tt_str_from_u32(cp, n);
    if (w == NULL)
        return NULL;
    PyObject *low = PyObject_CallMethod(w, "lower", NULL);
    Py_DECREF(w);
    return low;
}

#define WORDS_WINDOW 40
#define WORDS_MAX 4

static PyObject *py_timex_words_before(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    tt_cp win[WORDS_WINDOW];
    tt_off spans[2 * WORDS_MAX];
    if (nargs != 2) {
        PyErr_Format(PyExc_TypeError, "timex_words_before() takes 2 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *text = args[0];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "timex_words_before() takes a str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t s = PyLong_AsSsize_t(args[1]);
    if (s == -1 && PyErr_Occurred())
        return NULL;
    if (s < 0) {
        PyErr_SetString(PyExc_ValueError, "timex_words_before(): negative position");
        return NULL;
    }
    /* the window is text[lo:s], as a slice reads it past the end */
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), lo = s > WORDS_WINDOW ? s - WORDS_WINDOW : 0;
    Py_ssize_t hi = s < len ? s : len;
    size_t n = hi > lo ? (size_t)(hi - lo) : 0, got;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (size_t i = 0; i < n; i++)
        win[i] = (tt_cp)PyUnicode_READ(kind, data, lo + (Py_ssize_t)i);
    got = tt_timex_words_before(win, n, tt_py_ctype, WORDS_MAX, spans);
    PyObject *res = PyList_New((Py_ssize_t)got);
    if (res == NULL)
        return NULL;
    for (size_t k = 0; k < got; k++) {
        PyObject *item = PyTuple_New(2);
        if (item == NULL) {
            Py_DECREF(res);
            return NULL;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)k, item);
        PyObject *w = lower_str(win + spans[2 * k], spans[2 * k + 1] - spans[2 * k]);
        PyObject *at = PyLong_FromSsize_t(lo + (Py_ssize_t)spans[2 * k]);
        if (w != NULL)
            PyTuple_SET_ITEM(item, 0, w);
        if (at != NULL)
            PyTuple_SET_ITEM(item, 1, at);
        if (w == NULL || at == NULL) {
            Py_DECREF(res);
            return NULL;
        }
    }
    return res;
}

/* The tense markers of text[lo:hi] into found (triples start, end, future, counted from *base:
 * lo or the character before it, which the search sees). 0, or -1 with an exception set. */
static int tense_markers(PyObject *text, Py_ssize_t lo, Py_ssize_t hi, const char *func, Py_ssize_t *base,
                         tt_offbuf *found)
{
    int kind = PyUnicode_KIND(text), ok = -1;
    const void *data = PyUnicode_DATA(text);
    *base = lo > 0 ? lo - 1 : 0;
    size_t n = (size_t)(hi - *base);
    tt_cp *win = malloc((n + 1) * sizeof *win);
    if (win == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    for (size_t i = 0; i < n; i++)
        win[i] = (tt_cp)PyUnicode_READ(kind, data, *base + (Py_ssize_t)i);
    tt_status st = tt_timex_tense(win, n, (size_t)(lo - *base), tt_py_ctype, found);
    if (st != TT_OK) {
        tt_raise_status(st, func);
        goto done;
    }
    ok = 0;
done:
    free(win);
    return ok;
}

static PyObject *py_timex_tense(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    tt_offbuf found = {0};
    PyObject *res = NULL;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "timex_tense() takes 3 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *text = args[0];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "timex_tense() takes a str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t lo = PyLong_AsSsize_t(args[1]), hi;
    if ((lo == -1 && PyErr_Occurred()) || ((hi = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred()))
        return NULL;
    if (lo < 0 || hi < 0) {
        PyErr_SetString(PyExc_ValueError, "timex_tense(): negative position");
        return NULL;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(text), base;
    hi = hi < len ? hi : len;
    lo = lo < hi ? lo : hi;
    if (tense_markers(text, lo, hi, "timex_tense", &base, &found) < 0)
        goto done;
    if ((res = PyList_New((Py_ssize_t)(found.n / 3))) == NULL)
        goto done;
    for (size_t k = 0; k + 2 < found.n; k += 3) {
        PyObject *item = Py_BuildValue("(nnO)", base + (Py_ssize_t)found.v[k], base + (Py_ssize_t)found.v[k + 1],
                                       found.v[k + 2] ? Py_True : Py_False);
        if (item == NULL) {
            Py_CLEAR(res);
            goto done;
        }
        PyList_SET_ITEM(res, (Py_ssize_t)(k / 3), item);
    }
done:
    tt_offbuf_free(&found);
    return res;
}

static int sentence_end(Py_UCS4 c)
{
    return c == '.' || c == '!' || c == '?' || c == '\n';
}

/* timex._direction's last part in one call: the sentence around [s, e) (from the last ".",
 * "!", "?" or "\n" within 200 characters before s, to the first within 200 after e), its
 * tense markers, and of those the nearest before s or after e: 1 future, -1 past, 0 none. */
static PyObject *py_timex_tense_near(PyObject *mod, PyObject *const *args, Py_ssize_t nargs)
{
    (void)mod;
    tt_offbuf found = {0};
    PyObject *res = NULL;
    if (nargs != 3) {
        PyErr_Format(PyExc_TypeError, "timex_tense_near() takes 3 arguments (%zd given)", nargs);
        return NULL;
    }
    PyObject *text = args[0];
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "timex_tense_near() takes a str, not %.100s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    Py_ssize_t s = PyLong_AsSsize_t(args[1]), e;
    if ((s == -1 && PyErr_Occurred()) || ((e = PyLong_AsSsize_t(args[2])) == -1 && PyErr_Occurred()))
        return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(text);
    if (s < 0 || e < s || e > len) {
        PyErr_SetString(PyExc_ValueError, "timex_tense_near(): the span is not inside the text");
        return NULL;
    }
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    /* as str.rfind and _SENT_END.search read them */
    Py_ssize_t a = s > 200 ? s - 200 : 0, lo = a, hi = e + 200 < len ? e + 200 : len;
    for (Py_ssize_t i = s; i-- > a;)
        if (sentence_end(PyUnicode_READ(kind, data, i))) {
            lo = i;
            break;
        }
    for (Py_ssize_t i = e; i < hi; i++)
        if (sentence_end(PyUnicode_READ(kind, data, i))) {
            hi = i;
            break;
        }
    if (hi < lo)
        hi = lo;
    Py_ssize_t base;
    if (tense_markers(text, lo, hi, "timex_tense_near", &base, &found) < 0)
        goto done;
    long best = 0;
    Py_ssize_t dist = PY_SSIZE_T_MAX;
    for (size_t k = 0; k + 2 < found.n; k += 3) {
        Py_ssize_t ms = base + (Py_ssize_t)found.v[k], me = base + (Py_ssize_t)found.v[k + 1];
        Py_ssize_t dd = me <= s ? s - me : ms - e;
        if (dd >= 0 && dd < dist) {
            dist = dd;
            best = found.v[k + 2] ? 1 : -1;
        }
    }
    res = PyLong_FromLong(best);
done:
    tt_offbuf_free(&found);
    return res;
}

PyMethodDef tt_timex_methods[] = {
    {"timex_tense_near", (PyCFunction)(void (*)(void))py_timex_tense_near, METH_FASTCALL,
     "timex_tense_near(text, start, end) -> int: 1 (future), -1 (past) or 0, the kind of the tense\n"
     "marker nearest to text[start:end] in its sentence (tintuc.timex._py_tense_near)."},
    {"timex_tense", (PyCFunction)(void (*)(void))py_timex_tense, METH_FASTCALL,
     "timex_tense(text, lo, hi) -> list of (start, end, future): the tense markers of\n"
     "text[lo:hi] (tintuc.timex._FUTURE_PAST.finditer(text, lo, hi))."},
    {"timex_words_before", (PyCFunction)(void (*)(void))py_timex_words_before, METH_FASTCALL,
     "timex_words_before(text, pos) -> list of (word, start): up to four words right before pos\n"
     "on its line, nearest first, lowercased (tintuc.timex._four_words_before)."},
    {"timex_hits_nfc", py_timex_hits_nfc, METH_O,
     "timex_hits_nfc(text) -> (hits, nfc, years): timex_hits(text); True when every character of\n"
     "text is one that leaves any text NFC (then unicodedata.is_normalized('NFC', text) is True);\n"
     "{position: False, (kind, start, end, year or word, mod), ('month', start, end, month, year or 0,\n"
     "mod), ('wday', start, end, weekday, word, pod, lead, strong), ('clock', start, end, hour, minutes,\n"
     "pod, strong) or ('date', start, end, day, month, pod, lead, year or 0)} for the year, month and\n"
     "weekday and digit hits read in C."},
    {"timex_hits", py_timex_hits, METH_O,
     "timex_hits(text) -> list of (position, family): where tintuc.timex's two scans find the\n"
     "start of a possible time expression; family 0 for a digit, 1 + k for key word k."},
    {NULL, NULL, 0, NULL},
};
