/* Private header of the CPython binding: module state and the pieces each glue file contributes.
 *
 * Each glue file owns one concern (text functions, one Python type, ...) and exports a
 * PyMethodDef table and/or a type-creation hook that module.c wires in during exec. */
#ifndef TT_GLUE_H
#define TT_GLUE_H

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "../core/normalize.h"
#include "../core/tt_base.h"

/* Per-module state (PEP 489 / PEP 573): no C globals hold Python objects. */
typedef struct {
    PyTypeObject *automaton_type; /* tintuc._core.Automaton */
    PyTypeObject *segmenter_type; /* tintuc._core.Segmenter */
    PyTypeObject *token_type;     /* tintuc._core.Token (a struct sequence) */
    PyTypeObject *u32array_type;  /* tintuc._core.U32Array (u32array.c) */
    PyTypeObject *batch_run_type; /* tintuc._core.BatchRun (batch_run.c) */
    PyObject *kind_names[8];      /* interned token kind names, indexed by tt_tok_kind */
    PyObject *slots_name;         /* "__slots__", interned (record.c) */
    PyObject *remake;             /* the module's remake(), which unmake() names (record.c) */
} tt_state;

extern PyModuleDef tt_module_def;

static inline tt_state *tt_get_state(PyObject *module)
{
    return (tt_state *)PyModule_GetState(module);
}

/* Above this many code points a call releases the GIL around its C work (below it the
 * release/re-acquire costs more than it saves). */
#define TT_GIL_THRESHOLD 2048

/* How many documents a batch call processes between checks for Ctrl-C. */
#define TT_SIGNAL_EVERY 64

/* A str borrowed as UTF-32: the code points, their count, and the copy to free. */
typedef struct {
    tt_cp *cp;
    size_t n;
} tt_u32;

/* Copy a str into a fresh UTF-32 buffer (malloc'd; free with tt_u32_free). Raises
 * TypeError (naming `what`) for non-str and ValueError for a text longer than the core
 * accepts. Lone surrogates are ordinary code points here: every stage passes them through
 * untouched as symbols. Returns 0 on success, -1 with an exception set. */
int tt_u32_from_str(PyObject *obj, const char *what, tt_u32 *out);
void tt_u32_free(tt_u32 *u);

/* A fresh malloc'd UTF-32 copy of a str's buffer (1, 2 or 4 bytes per code point), made
 * without touching Python: callable with the GIL released. NULL when out of memory. */
tt_cp *tt_widen(int kind, const void *data, size_t n);

/* Build a str from code points. */
PyObject *tt_str_from_u32(const tt_cp *cp, size_t n);

/* Set a Python exception for a core status (MemoryError, ValueError, RuntimeError). */
PyObject *tt_raise_status(tt_status st, const char *context);

/* True when obj is None or a float NaN (pandas' missing values), which batch calls pass through. */
int tt_is_missing(PyObject *obj);

/* A C-contiguous buffer of uint32 items (the token arrays the Python layer hands back);
 * 0, or -1 with a TypeError naming `what` set (then view is released). */
int tt_u32_view(PyObject *obj, const char *what, Py_buffer *view);

/* A slots-only class and the member descriptors of n of its slots in field order (record.c),
 * as the rule passes that make their findings as objects are given them. */
typedef struct {
    PyTypeObject *cls;
    PyObject *const *descr;
    Py_ssize_t n;
} tt_record;

/* Read cls and descrs (a tuple of n member descriptors) into out; 0, or -1 with a TypeError
 * naming func. The descriptors are borrowed from descrs. */
int tt_record_of(PyObject *cls, PyObject *descrs, Py_ssize_t n, const char *func, tt_record *out);

/* A new instance of s->cls with these s->n values, set as object.__setattr__ would. */
PyObject *tt_record_new(const tt_record *s, PyObject *const *vals);

/* Batches (batch.c). Every item of a batch begins with the text it is about: a str read in
 * place (1, 2 or 4 bytes per code point; data is NULL for a missing value) and the status its
 * C work ended with. */
typedef struct {
    int kind;
    const void *data;
    size_t n;
    tt_status st;
} tt_batch_text;

typedef struct {
    size_t item_size;  /* bytes of one item, which begins with a tt_batch_text */
    size_t chunk_docs; /* documents per chunk: the GIL is taken back between chunks */
    size_t chunk_cps;  /* and code points per chunk, to bound the memory a chunk holds */
    void (*run)(void *item, const void *ctx);                        /* C work, GIL released */
    PyObject *(*build)(PyObject *text, void *item, const void *ctx); /* its result, GIL held */
    void (*clear)(void *item); /* free what an item holds (also for items never used) */
} tt_batch_ops;

/* Item i of a batch read into bt under the GIL (data NULL for a missing value): 0, or -1
 * with a TypeError or ValueError naming func and i. */
int tt_batch_text_of(const char *func, PyObject *t, Py_ssize_t i, tt_batch_text *bt);

/* The result of an item once its C work ran: the text itself when missing, the error of its
 * status, or what ops->build makes (new reference, NULL with an exception set). */
PyObject *tt_batch_result(const char *func, PyObject *text, void *item, const tt_batch_ops *ops, const void *ctx);

/* Run a batch over a sequence of str (None and NaN pass through): a list of results. */
PyObject *tt_run_batch(const char *func, PyObject *texts, const tt_batch_ops *ops, const void *ctx);

/* The same batch run in the background by `threads` native threads (batch_run.c): a
 * BatchRun whose take() gives the results chunk by chunk. ctx (ctx_size bytes) is copied; the
 * objects it points into must be in `keep`. */
PyObject *tt_batch_run_new(PyObject *module, const char *func, PyObject *texts, const tt_batch_ops *ops,
                           const void *ctx, size_t ctx_size, PyObject *keep, int threads);
int tt_batch_run_type_add(PyObject *module);

/* Make a heap type of the module from spec, keep it in *slot (a tt_state field) and add it
 * to the module. 0, or -1 with an exception set. */
int tt_add_type(PyObject *module, PyType_Spec *spec, PyTypeObject **slot);

/* Keyword parsing for METH_FASTCALL | METH_KEYWORDS: store each keyword argument in
 * kwargs[k] where names[k] matches (names is NULL-terminated); TypeError for an unknown or
 * repeated keyword. Values not given are left untouched. */
int tt_parse_kwargs(const char *func, PyObject *const *kwvalues, PyObject *kwnames,
                    const char *const *names, PyObject **kwargs);

/* Method tables contributed by glue files. */
extern PyMethodDef tt_text_methods[];
extern PyMethodDef tt_token_methods[];
extern PyMethodDef tt_analyze_methods[];
extern PyMethodDef tt_entity_runs_methods[]; /* entity_runs.c: the entity rules' pass */

/* Type and constant set-up hooks run by the module's exec slot. */
int tt_tokens_exec(PyObject *module, tt_state *st);

/* A Token struct sequence for original[start:end] (tokens.c). */
PyObject *tt_make_token(tt_state *st, PyObject *text, tt_off start, tt_off end, int kind);

/* Read tone= and fold_punct= keyword values (NULL when not given) into normalization
 * options (text.c). */
int tt_norm_opts_from(PyObject *tone, PyObject *fold, tt_norm_opts *o);
extern PyMethodDef tt_decode_methods[]; /* decode.c: decode, detect_encoding */
extern PyMethodDef tt_word_window_methods[]; /* word_window.c: words_before, words_after */
/* The character classes of core/word_window.h (TT_WIN_*) as Python's str and re see them (word_window.c). */
uint8_t tt_glue_win_class(Py_UCS4 c);
/* The classes of code points below TT_GLUE_WIN_TABLE, for loops that look them up inline
 * (filled on the first call: hold the GIL for it). */
#define TT_GLUE_WIN_TABLE 0x2100
const uint8_t *tt_glue_win_table(void);
extern PyMethodDef tt_cue_find_methods[]; /* cue_find.c: cue_records, cue_find, cue_longest */
extern PyMethodDef tt_trigger_check_methods[]; /* trigger_check.c: trigger_table, trigger_check */
extern PyMethodDef tt_arg_attach_methods[]; /* arg_attach.c: arg_doc, arg_attach */
extern PyMethodDef tt_timex_methods[];  /* timex_scan.c: timex_hits, timex_words_before, timex_tense */
/* Python's own classes of a code point (core/timex_scan.h's TT_TX_*), as its re reads them (timex_scan.c). */
unsigned tt_py_ctype(tt_cp c);
extern PyMethodDef tt_qty_methods[];    /* qty_scan.c: qty_follow, qty_word_hits, qty_digit_starts */
extern PyMethodDef tt_attrib_scan_methods[]; /* attrib_scan.c: attrib_anchors */
extern PyMethodDef tt_record_methods[];   /* record.c: remake, unmake */
extern PyMethodDef tt_untrack_methods[];  /* untrack.c: untrack_records */
extern PyMethodDef tt_text_pack_methods[]; /* text_pack.c: pack_texts, unpack_text */
int tt_segmenter_type_add(PyObject *module); /* segmenter.c: the Segmenter type */
int tt_automaton_type_add(PyObject *module); /* automaton.c: the Automaton type */
int tt_u32array_type_add(PyObject *module); /* u32array.c: the U32Array type */
/* A new U32Array of n items for the caller to fill (*data points at them), or one holding a
 * copy of p[0..n) (u32array.c). NULL with an exception set. */
PyObject *tt_u32array_new(PyTypeObject *type, size_t n, uint32_t **data);
PyObject *tt_u32array_from(PyTypeObject *type, const uint32_t *p, size_t n);
int tt_analyze_constants_add(PyObject *module); /* analyze.c: the cue lexicon's flags (CUE_*) */
/* The automaton inside an Automaton object (borrowed: valid while obj lives), or NULL with
 * TypeError for anything else. */
struct tt_automaton *tt_automaton_of(PyObject *module, PyObject *obj);
/* The model inside a Segmenter object (borrowed: valid while obj lives), or NULL with
 * TypeError for anything else. */
struct tt_segmenter *tt_segmenter_of(PyObject *module, PyObject *obj);

#endif
