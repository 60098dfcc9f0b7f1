/* A batch run in the background by native threads (_core.analyze_run): the threads do the C
 * work of one chunk of documents after another and never take the GIL, while the calling
 * Python thread takes each finished chunk (take()) and builds its results, running a chunk
 * itself whenever none is finished and one is still to be run. So the core of a batch runs
 * beside the Python rules that read its results (tintuc._piped), on one heap: nothing is
 * copied between processes and the GIL is not handed back and forth.
 *
 * A chunk's C results wait in a slot until they are taken. Each thread has SLOT_AHEAD slots
 * (and the caller one), so that the threads run at most that many chunks ahead of the caller,
 * and the memory of a run stays that of a few chunks: enough for a thread to go on while the
 * caller runs the rules over a group of documents (tintuc._piped.GROUP, at most half of what
 * the slots hold), few enough that little is left to the caller alone at the end. */
#include "glue.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SLOT_AHEAD 8
/* milliseconds a wait for a chunk lasts before Ctrl-C is checked for */
#define WAIT_MS 50

enum { SLOT_FREE, SLOT_RUNNING, SLOT_DONE, SLOT_TAKEN };

typedef struct {
    int state;
    Py_ssize_t start, count; /* its chunk: documents start .. start + count - 1 */
    char *items;             /* ops->chunk_docs items, kept from one chunk to the next */
} slot;

typedef struct {
    PyObject_HEAD
    const char *func;
    const tt_batch_ops *ops;
    void *ctx;             /* a copy of the caller's */
    PyObject *keep;        /* what ctx points into, kept alive */
    PyObject *seq;         /* a tuple of the texts, whose buffers the threads read: its own,
                            * so that no change to the caller's list frees one of them */
    tt_batch_text *src;    /* each text as read under the GIL (data NULL: missing) */
    Py_ssize_t n;
    Py_ssize_t next;       /* the first document no chunk has claimed */
    slot *slots;
    int nslots;
    pthread_t *threads;
    int nthreads;          /* started */
    pid_t pid;             /* the process the threads run in (a forked child has none) */
    int stop;
    int taking;            /* take() calls waiting for a chunk (changed under the GIL) */
    int sync_ready;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} batch_run;

#define ITEM(s, k, ops) ((void *)((s)->items + (size_t)(k) * (ops)->item_size))

/* Claim the next chunk into a free slot (lock held): 1 and *out, 0 when every document is
 * claimed, -1 when no slot is free. */
static int claim(batch_run *r, slot **out)
{
    if (r->next >= r->n)
        return 0;
    slot *s = NULL;
    for (int k = 0; k < r->nslots && s == NULL; k++)
        if (r->slots[k].state == SLOT_FREE)
            s = &r->slots[k];
    if (s == NULL)
        return -1;
    const tt_batch_ops *ops = r->ops;
    size_t cps = 0;
    s->start = r->next;
    s->count = 0;
    while (r->next < r->n && (size_t)s->count < ops->chunk_docs && cps < ops->chunk_cps) {
        tt_batch_text *bt = ITEM(s, s->count, ops);
        *bt = r->src[r->next];
        bt->st = TT_OK;
        cps += bt->n;
        s->count++;
        r->next++;
    }
    s->state = SLOT_RUNNING;
    *out = s;
    return 1;
}

static void run_slot(const batch_run *r, slot *s)
{
    for (Py_ssize_t k = 0; k < s->count; k++) {
        void *it = ITEM(s, k, r->ops);
        if (((tt_batch_text *)it)->data != NULL)
            r->ops->run(it, r->ctx);
    }
}

static void *worker(void *arg)
{
    batch_run *r = arg;
    pthread_mutex_lock(&r->lock);
    for (;;) {
        slot *s = NULL;
        int got = 0;
        while (!r->stop && (got = claim(r, &s)) < 0)
            pthread_cond_wait(&r->changed, &r->lock);
        if (r->stop || got == 0)
            break;
        pthread_mutex_unlock(&r->lock);
        run_slot(r, s);
        pthread_mutex_lock(&r->lock);
        s->state = SLOT_DONE;
        pthread_cond_broadcast(&r->changed);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

/* The finished slot of the lowest chunk (lock held), or NULL. */
static slot *first_done(batch_run *r)
{
    slot *best = NULL;
    for (int k = 0; k < r->nslots; k++)
        if (r->slots[k].state == SLOT_DONE && (best == NULL || r->slots[k].start < best->start))
            best = &r->slots[k];
    return best;
}

static int any_running(const batch_run *r)
{
    for (int k = 0; k < r->nslots; k++)
        if (r->slots[k].state == SLOT_RUNNING)
            return 1;
    return 0;
}

static void wait_a_while(batch_run *r)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += (long)WAIT_MS * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec += 1;
        until.tv_nsec -= 1000000000L;
    }
    pthread_cond_timedwait(&r->changed, &r->lock, &until);
}

enum { GOT_NONE, GOT_SLOT, GOT_NOTHING_YET };

/* A slot to take, GIL released: one a thread finished, else one run here, else a wait. */
static int next_slot(batch_run *r, slot **out)
{
    int outcome = GOT_NOTHING_YET, ran = 0;
    pthread_mutex_lock(&r->lock);
    slot *s = first_done(r);
    if (s == NULL) {
        int got = claim(r, &s);
        if (got == 1)
            ran = 1;
        else if (got == 0 && !any_running(r))
            outcome = GOT_NONE;
        else
            wait_a_while(r);
        if (!ran)
            s = first_done(r);
    }
    if (s != NULL && !ran) {
        s->state = SLOT_TAKEN;
        outcome = GOT_SLOT;
    }
    pthread_mutex_unlock(&r->lock);
    if (ran) {
        run_slot(r, s);
        pthread_mutex_lock(&r->lock);
        s->state = SLOT_TAKEN;
        pthread_mutex_unlock(&r->lock);
        outcome = GOT_SLOT;
    }
    *out = s;
    return outcome;
}

static void free_slot(batch_run *r, slot *s)
{
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&r->lock);
    s->state = SLOT_FREE;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
    Py_END_ALLOW_THREADS
}

static PyObject *run_take(PyObject *self, PyObject *unused)
{
    (void)unused;
    batch_run *r = (batch_run *)self;
    if (r->slots == NULL) {
        PyErr_Format(PyExc_ValueError, "%s(): the run is closed", r->func);
        return NULL;
    }
    slot *s = NULL;
    for (;;) {
        int outcome;
        r->taking++; /* (GIL held) close() waits for no take() */
        Py_BEGIN_ALLOW_THREADS
        outcome = next_slot(r, &s);
        Py_END_ALLOW_THREADS
        r->taking--;
        if (outcome == GOT_NONE)
            Py_RETURN_NONE;
        if (outcome == GOT_SLOT)
            break;
        if (PyErr_CheckSignals() < 0)
            return NULL;
    }
    PyObject *out = NULL, *res = PyList_New(s->count);
    if (res == NULL)
        goto done;
    for (Py_ssize_t k = 0; k < s->count; k++) {
        PyObject *one = tt_batch_result(r->func, PyTuple_GET_ITEM(r->seq, s->start + k),
                                        ITEM(s, k, r->ops), r->ops, r->ctx);
        if (one == NULL)
            goto done;
        PyList_SET_ITEM(res, k, one);
    }
    out = Py_BuildValue("(nO)", s->start, res);
done:
    Py_XDECREF(res);
    free_slot(r, s);
    return out;
}

/* The threads told to stop and joined (they finish the chunk they run), GIL released. */
static void stop_threads(batch_run *r)
{
    if (r->nthreads == 0)
        return;
    if (r->pid != getpid()) { /* a forked child: the threads are the parent's */
        r->nthreads = 0;
        return;
    }
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&r->lock);
    r->stop = 1;
    pthread_cond_broadcast(&r->changed);
    pthread_mutex_unlock(&r->lock);
    for (int k = 0; k < r->nthreads; k++)
        pthread_join(r->threads[k], NULL);
    Py_END_ALLOW_THREADS
    r->nthreads = 0;
}

static void release(batch_run *r)
{
    stop_threads(r);
    if (r->slots != NULL) {
        for (int k = 0; k < r->nslots; k++)
            if (r->slots[k].items != NULL) {
                for (size_t i = 0; i < r->ops->chunk_docs; i++)
                    r->ops->clear(ITEM(&r->slots[k], i, r->ops));
                free(r->slots[k].items);
            }
        free(r->slots);
        r->slots = NULL;
    }
    free(r->threads);
    r->threads = NULL;
    free(r->src);
    r->src = NULL;
    free(r->ctx);
    r->ctx = NULL;
    Py_CLEAR(r->seq);
    Py_CLEAR(r->keep);
}

static PyObject *run_close(PyObject *self, PyObject *unused)
{
    (void)unused;
    batch_run *r = (batch_run *)self;
    if (r->taking) {
        PyErr_SetString(PyExc_RuntimeError, "close(): another thread is taking a chunk of this run");
        return NULL;
    }
    release(r);
    Py_RETURN_NONE;
}

static void run_dealloc(PyObject *self)
{
    batch_run *r = (batch_run *)self;
    PyTypeObject *tp = Py_TYPE(self);
    release(r);
    if (r->sync_ready && r->pid == getpid()) {
        pthread_mutex_destroy(&r->lock);
        pthread_cond_destroy(&r->changed);
    }
    tp->tp_free(self);
    Py_DECREF(tp);
}

/* Start the threads with every signal blocked, so that signals go to Python's threads. */
static void start_threads(batch_run *r, int want)
{
    sigset_t all, old;
    sigfillset(&all);
    if (pthread_sigmask(SIG_SETMASK, &all, &old) != 0)
        return;
    for (int k = 0; k < want; k++) {
        if (pthread_create(&r->threads[k], NULL, worker, r) != 0)
            break; /* fewer threads: the caller runs what they do not */
        r->nthreads++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

PyObject *tt_batch_run_new(PyObject *module, const char *func, PyObject *texts, const tt_batch_ops *ops,
                           const void *ctx, size_t ctx_size, PyObject *keep, int threads)
{
    PyTypeObject *tp = tt_get_state(module)->batch_run_type;
    batch_run *r = NULL;
    if (PyUnicode_Check(texts)) {
        PyErr_Format(PyExc_TypeError, "%s() takes a sequence of str, not a str", func);
        return NULL;
    }
    if ((r = (batch_run *)tp->tp_alloc(tp, 0)) == NULL)
        return NULL;
    r->func = func;
    r->ops = ops;
    r->pid = getpid();
    r->keep = Py_NewRef(keep);
    if ((r->seq = PySequence_Tuple(texts)) == NULL)
        goto fail;
    r->n = PyTuple_GET_SIZE(r->seq);
    if (threads < 0)
        threads = 0;
    r->nslots = threads * SLOT_AHEAD + 1;
    r->ctx = malloc(ctx_size ? ctx_size : 1);
    r->src = calloc((size_t)r->n + 1, sizeof *r->src);
    r->slots = calloc((size_t)r->nslots, sizeof *r->slots);
    r->threads = calloc((size_t)threads + 1, sizeof *r->threads);
    if (r->ctx == NULL || r->src == NULL || r->slots == NULL || r->threads == NULL) {
        PyErr_NoMemory();
        goto fail;
    }
    memcpy(r->ctx, ctx, ctx_size);
    for (int k = 0; k < r->nslots; k++)
        if ((r->slots[k].items = calloc(ops->chunk_docs, ops->item_size)) == NULL) {
            PyErr_NoMemory();
            goto fail;
        }
    for (Py_ssize_t i = 0; i < r->n; i++)
        if (tt_batch_text_of(func, PyTuple_GET_ITEM(r->seq, i), i, &r->src[i]) < 0)
            goto fail;
    if (pthread_mutex_init(&r->lock, NULL) != 0) {
        PyErr_SetString(PyExc_OSError, "a run's lock could not be made");
        goto fail;
    }
    if (pthread_cond_init(&r->changed, NULL) != 0) {
        pthread_mutex_destroy(&r->lock);
        PyErr_SetString(PyExc_OSError, "a run's condition could not be made");
        goto fail;
    }
    r->sync_ready = 1;
    start_threads(r, threads);
    return (PyObject *)r;
fail:
    Py_DECREF(r);
    return NULL;
}

static PyObject *run_threads(PyObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromLong(((batch_run *)self)->nthreads);
}

static PyMethodDef run_methods[] = {
    {"take", run_take, METH_NOARGS,
     "take($self, /)\n--\n\n"
     "(start, results) of the next finished chunk of documents (the lowest), run here when none\n"
     "is finished and one is still to be run; None once every chunk is taken."},
    {"close", run_close, METH_NOARGS,
     "close($self, /)\n--\n\n"
     "Stop the threads (each ends the chunk it runs) and free what the run holds."},
    {NULL, NULL, 0, NULL},
};

static PyGetSetDef run_getset[] = {
    {"threads", run_threads, NULL, "the threads running chunks beside the caller", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyType_Slot run_slots[] = {
    {Py_tp_dealloc, run_dealloc},
    {Py_tp_methods, run_methods},
    {Py_tp_getset, run_getset},
    {Py_tp_doc, "A batch analyzed by native threads while the caller takes its chunks (analyze_run)."},
    {0, NULL},
};

static PyType_Spec run_spec = {
    .name = "tintuc._core.BatchRun",
    .basicsize = sizeof(batch_run),
    .flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_DISALLOW_INSTANTIATION,
    .slots = run_slots,
};

int tt_batch_run_type_add(PyObject *module)
{
    return tt_add_type(module, &run_spec, &tt_get_state(module)->batch_run_type);
}
