"""A batch analyzed by forked processes, for ``analyze_many(n_jobs > 2)``.

The C core runs without the GIL, but what follows it (entities, time expressions,
attributions, event mentions) is Python, which threads cannot run at once: with two jobs the
core runs on a thread beside the rules (tintuc._piped), but more jobs than that need more
processes. So the calling process and as many forked workers as further jobs each analyze
whole documents, core and rules. Each takes the next tickets of documents from a queue (a
pipe: a read of one ticket is atomic, so each goes to one process), so that they all end
together whatever part of the batch is heavy and however busy the CPUs are; the tickets are
large at first and shrink towards the end (see shares).

The workers are kept for the next call with the same gazetteers and options (tintuc._pool):
from the second call on, neither they nor the caller pay for the fork's copied pages. A call
packs the batch's texts in memory the workers map (tintuc._pool.Shared), so that they start at
once, and sends each worker the dates; before the first fork, the caller reads one document,
so that every model and lexicon is loaded once and inherited.

A worker sends back what the rules found, pickled (records as their slot values, made again in
C: _core.unmake and _core.remake), one ticket or a few documents at a time; not the core's
arrays, which the caller makes again only if they are read (CoreDoc.later), for that costs
less than sending them. A thread of the caller reads each worker's pipe as soon as anything
comes; the caller takes the frames in between its own documents, makes the documents, puts the
results in their caches as if they had been asked for, and links the event mentions of the
batch in order as far as they are in (tintuc.events.cluster.Linker), so that little is left to
do once the workers are done. The results are those of one process: the same code reads the
same documents.

Only on Linux, where forking is the usual way to start workers (elsewhere the core runs on
threads and the rules when asked). A worker runs nothing but the core and the rules, on data
and models it inherited: it imports nothing, takes no lock that another thread of the caller
could hold at the fork, prints nothing, ignores Ctrl-C (the caller answers it by killing the
workers), and leaves by ``os._exit``.
"""
from __future__ import annotations

import copyreg
import functools
import gc
import io
import os
import pickle
import queue
import signal
import struct
import sys
import threading
import traceback

from . import _core
from ._bulk import no_collection
from ._gather import Gathered, rules

__all__ = ["available", "shares", "analyze"]

# documents per process below which a fork costs more than it saves
MIN_SHARE = 32
# tickets in the queue at most: their 4 bytes each fit one page, which every pipe holds, so
# that writing them all before the fork never waits
MAX_TICKETS = 1024
# documents in a ticket: at most (unless that would make too many), at least, and the part of
# what is left that one is given, per process
MAX_TICKET = 256
MIN_TICKET = 8
GUIDE = 4
# documents a worker reads before sending what it found
FRAME_DOCS = 16
# the part of the batch handed out when the caller has the collector walk what it made so far
SWEEP_AT = 0.8
# bytes a worker's pipe holds (the most an unprivileged process may ask for, by default)
PIPE_SIZE = 1 << 20
# a frame's head: its length
_HEAD = struct.Struct("<Q")
# bytes an inbox holds to begin with (it grows for a larger frame), and its reader's reads
INBOX_SIZE = 1 << 18
READ_SIZE = 1 << 20


def available() -> bool:
    # Not under an AddressSanitizer build: its allocator takes no fork handlers, so a thread
    # still exiting at the fork (one of the caller's pools) leaves the child waiting on a lock
    # forever.
    return sys.platform.startswith("linux") and hasattr(os, "fork") and not _core.sanitized


def shares(n: int, jobs: int) -> list[range]:
    """How ``n`` documents are handed out to ``jobs`` processes: process k reads document k
    first (so that each reads one at least), then the other shares go to whoever is free, as
    tickets of consecutive documents (at most MAX_TICKETS of them). The tickets shrink towards
    the end of the batch (guided scheduling): large ones keep the core and the rules each on a
    good run of documents, whose caches they would otherwise take from each other; small ones
    let the processes end together."""
    head = min(n, jobs)
    least = MIN_TICKET
    while True:
        most = max(MAX_TICKET, -(-n // (MAX_TICKETS // 2)))
        out = [range(k, k + 1) for k in range(head)]
        a = head
        while a < n:
            size = min(most, max(least, -(-(n - a) // (GUIDE * jobs))))
            out.append(range(a, min(a + size, n)))
            a += size
        if len(out) - head <= MAX_TICKETS:
            return out
        least *= 2


def _dispatch_table() -> dict:
    from .attribution import Attribution
    from .document import Span
    from .events.model import Event
    from .gazetteer import Entity
    from .timex import TimeExpr
    table = copyreg.dispatch_table.copy()
    for cls in (Entity, TimeExpr, Event, Attribution, Span):
        # as the class and its slot values, rebuilt by _core.remake as its __init__ would (both
        # ways in C, csrc/glue/record.c): several times faster than dataclasses' own state
        # functions, and than calling the class
        table[cls] = _core.unmake
    return table


def _frame(obj, table: dict) -> list:
    """``obj`` pickled, as the parts of a frame: its length, then the pickle."""
    f = io.BytesIO()
    p = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = table
    p.dump(obj)
    data = f.getbuffer()
    return [_HEAD.pack(_HEAD.size + data.nbytes), data]


def _unframe(view: memoryview, at: int, end: int):
    """The object of the frame at ``view[at:]`` and where the next begins, or None when it is
    not all in before ``end``."""
    if end - at < _HEAD.size:
        return None
    (total,) = _HEAD.unpack_from(view, at)
    if end - at < total:
        return None
    return pickle.loads(view[at + _HEAD.size:at + total]), at + total


def _write(fd: int, parts: list) -> None:
    parts = [memoryview(part).cast("B") for part in parts]
    while parts:
        done = os.writev(fd, parts)
        while parts and done >= parts[0].nbytes:
            done -= parts.pop(0).nbytes
        if done:
            parts[0] = parts[0][done:]


def _take(fd: int, parts: list):
    """The next share from the queue ``fd`` (non-blocking), or None when it is empty."""
    try:
        got = os.read(fd, 4)
    except BlockingIOError:
        return None
    return parts[int.from_bytes(got, "little")] if got else None


def _read_exact(fd: int, n: int) -> bytes | None:
    """``n`` bytes from the blocking pipe ``fd``; None at its end before any."""
    chunks, got = [], 0
    while got < n:
        data = os.read(fd, n - got)
        if not data:
            if got:
                raise EOFError("the pipe ended inside a message")
            return None
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)


def _receive(fd: int):
    """The next message a worker is sent (a frame, see _frame), None at its pipe's end."""
    head = _read_exact(fd, _HEAD.size)
    if head is None:
        return None
    (total,) = _HEAD.unpack(head)
    return pickle.loads(_read_exact(fd, total - _HEAD.size))


class _Unpacked:
    """A worker's texts of one call, which the caller packed as their code units in the memory
    both map (_core.pack_texts, tintuc._pool.Shared: rather than pickled down the pipe, which
    encodes every text to UTF-8, and decodes it in the worker, at ten times the cost of a copy,
    before either process can go on), made again a share at a time."""

    def __init__(self, data, ends: list):
        self.data, self.ends = data, ends

    def share(self, share: range) -> list:
        data, ends = self.data, self.ends
        return [_core.unpack_text(data, ends[i - 1] if i else 0, ends[i]) for i in share]


def _server(config: tuple, table: dict):
    """What a worker runs (tintuc._pool): ``serve(calls, tickets, out)``, with what it needs
    looked up here, in the caller (a worker imports nothing)."""
    from .document import Document, run_core
    return functools.partial(_serve, config=config, table=table, make=(Document, run_core))


def _serve(calls: int, tickets: int, out: int, shared, *, config: tuple, table: dict, make: tuple) -> None:
    """In a forked worker: for each call that comes down ``calls`` (the size of the memory
    ``shared`` that holds the batch's texts and where each ends in it, their publication
    dates, the worker's first share, and the shares the tickets number), analyze
    that share, then shares from ``tickets`` while there are, writing frames of (document
    index, what the rules found) to ``out``, then an end frame; exit at the end of ``calls``."""
    code = 0
    try:
        # Ctrl-C is the caller's to answer (it kills the pool)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # What it inherited is never walked by its collections (each walk would copy the pages
        # it walks); a call runs with none, and its own garbage is collected after it.
        gc.disable()
        gc.freeze()
        while (call := _receive(calls)) is not None:
            try:
                _, size, ends, pubs, first, parts = call
                texts = _Unpacked(shared.mapped(size), ends)
                _analyze_share(texts, pubs, config, make, first, tickets, parts, out, table)
                data = _frame(("end",), table)
            except BaseException as err:
                try:
                    data = _frame(("error", err, traceback.format_exc()), table)
                except Exception:
                    data = _frame(("error", None, traceback.format_exc()), table)
            _write(out, data)
            del call, data
            texts = pubs = first = parts = None
            gc.collect()
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _analyze_share(texts, pubs, config, make, first: range, tickets: int, parts: list, out: int,
                   table: dict) -> None:
    """A worker's part of one call (see _serve)."""
    gazetteer, tone, fold_punct = config
    Document, run_core = make
    found = []
    share = first
    while share is not None:
        plain = texts.share(share)
        cores = run_core(plain, gazetteer=gazetteer, tone=tone, fold_punct=fold_punct)
        docs = [Document(text, core, published=pubs[i], gazetteer=gazetteer)
                for i, text, core in zip(share, plain, cores)]
        for i, results in zip(share, rules(docs)):
            found.append((i, results))
            if len(found) >= FRAME_DOCS:
                _write(out, _frame(("part", found), table))
                found = []
        # the rest of a ticket sent too: what the caller has in when the queue runs dry is
        # nearly all there is
        if found:
            _write(out, _frame(("part", found), table))
            found = []
        share = _take(tickets, parts)


class _Inbox:
    """What one worker sends. A thread of its own reads the pipe as soon as anything comes (so
    that the worker never waits on a full pipe while this process is busy in the core, which
    runs without the GIL, or in the rules, which let the thread in every switch interval);
    the frames of a call are taken between documents (``poll``) or to its end (``drain``)."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd
        # read, not yet taken (put by the reader; None once the pipe is at its end)
        self.chunks = queue.SimpleQueue()
        self.error = None                   # what stopped the reader, if not the pipe's end
        self.reader = None
        self.buf = bytearray(INBOX_SIZE)
        self.start = self.end = 0   # the bytes taken in and not yet made into frames
        self.ended = False          # its end frame came
        self.closed = False         # its pipe is at its end

    def read(self) -> None:
        """The reader started: only once every worker is forked (a fork copies no thread)."""
        self.reader = threading.Thread(target=self._read, name="tintuc-inbox", daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            while data := os.read(self.fd, READ_SIZE):
                self.chunks.put(data)
        except OSError as err:
            self.error = err
        finally:
            self.chunks.put(None)

    def poll(self, put) -> None:
        """Frames complete so far given to ``put(index, results)``."""
        while not self.closed:
            try:
                data = self.chunks.get_nowait()
            except queue.Empty:
                break
            self._take(data, put)

    def drain(self, put) -> None:
        """Every frame up to the call's end frame given to ``put``, waiting for them."""
        while not self.ended and not self.closed:
            self._take(self.chunks.get(), put)
        if self.error is not None:
            raise self.error
        if not self.ended:
            status = self.reap()
            raise RuntimeError(f"analyze_many(): a worker process ended without results (status {status})")

    def begin(self) -> None:
        """A new call: its frames come next, up to its end frame."""
        self.ended = False

    def reap(self):
        """The worker waited for once its end of the pipe is closed (it ended, or was killed);
        its status."""
        if self.reader is not None:
            self.reader.join()
            self.reader = None
        status = None
        if self.pid is not None:
            try:
                _, status = os.waitpid(self.pid, 0)
            except ChildProcessError:   # waited for elsewhere
                pass
            self.pid = None
        return status

    def _take(self, data, put) -> None:
        if data is None:
            self.closed = True
            return
        if self.end + len(data) > len(self.buf):
            self._make_room(len(data))
        self.buf[self.end:self.end + len(data)] = data
        self.end += len(data)
        self._frames(put)

    def _make_room(self, more: int) -> None:
        kept = self.end - self.start
        if self.start:      # what is not made into frames yet moved to the front
            self.buf[:kept] = self.buf[self.start:self.end]
        while kept + more > len(self.buf):      # a frame larger than the buffer: more room
            self.buf.extend(bytes(len(self.buf)))
        self.start, self.end = 0, kept

    def _frames(self, put) -> None:
        with memoryview(self.buf) as view:
            while (got := _unframe(view, self.start, self.end)) is not None:
                payload, self.start = got
                if payload[0] == "part":
                    for item in payload[1]:
                        put(*item)
                elif payload[0] == "end":
                    self.ended = True
                else:
                    _, err, trace = payload
                    if isinstance(err, BaseException):
                        raise err
                    raise RuntimeError("analyze_many(): a worker process failed:\n" + trace)
                del payload
        if self.start == self.end:
            self.start = self.end = 0


def _key(config: tuple) -> tuple:
    """What workers inherited at their fork that a call's results depend on: the gazetteer and
    the built-in one (each with its automaton, rebuilt whenever a name is added, and its
    options) and the core's options."""
    from .gazetteer import default_gazetteer

    def state(g):
        return None if g is None else (g, g.automaton, g.fold, g.typos, g.capitals, g.plain_forms)

    gazetteer, tone, fold_punct = config
    return (state(gazetteer), state(default_gazetteer()), tone, fold_punct)


def analyze(texts: list, pubs: list, config: tuple, core_of, make_doc, jobs: int, tick=None,
            finish=None) -> list:
    """The documents of ``texts`` analyzed by ``jobs`` processes, with entities, times and
    attributions in their caches: ``core_of(share)`` runs the C core over a range of them,
    ``make_doc(i, core)`` makes document i; the workers make theirs from the texts, ``pubs``
    (parsed publication dates) and ``config`` (gazetteer, tone, fold_punct), which ``core_of``
    and ``make_doc`` must use alike. ``finish(documents, mentions, clusters)`` is given the
    event mentions of each document (not yet clustered) and the clusters of all of them in
    order (tintuc.events.cluster.Linker), linked as they came in. Returns the documents.
    ``tick(k)`` is told of every k documents done."""
    from . import _pool
    from ._coredoc import CoreDoc
    n = len(texts)
    parts = shares(n, jobs)
    table = _dispatch_table()    # made here: a worker imports nothing
    gathered = Gathered(n)
    put = gathered.put

    def core_one(i):
        return core_of(range(i, i + 1))[0]

    def read(share):
        docs = [make_doc(i, core) for i, core in zip(share, core_of(share))]
        for i, doc, results in zip(share, docs, rules(docs)):
            put(i, doc, results)
        if tick is not None:
            tick(len(share))
        for inbox in inboxes:       # what the workers sent meanwhile (their readers kept it)
            inbox.poll(receive)

    def receive(i, found):
        # the core's arrays are not sent: made again here if they are ever read
        put(i, make_doc(i, CoreDoc.later(texts[i], functools.partial(core_one, i))), found)
        if tick is not None:
            tick(1)

    def first():
        # before a fork, the first document read here: every model and lexicon the stages load
        # on first use is loaded once, and inherited
        nonlocal started
        read(parts[0])
        started = True

    inboxes = []
    started = False
    with no_collection(), _pool.lease(_key(config), jobs, _server(config, table), _Inbox, before_fork=first,
                                      pipe_size=PIPE_SIZE) as pool:
        if pool is not None:
            inboxes = [w.inbox for w in pool.workers]
            # the tickets first, then the call: a worker finds the queue full when it starts
            _write(pool.tickets_w, [b"".join(k.to_bytes(4, "little") for k in range(jobs, len(parts)))])
            ends = _core.pack_texts(texts, pool.shared.reserve(_core.packed_size(texts)))
            for k, (w, inbox) in enumerate(zip(pool.workers, inboxes), 1):
                inbox.begin()
                _write(w.calls, _frame(("call", pool.shared.size, ends, pubs, parts[k], parts), table))
        if not started:
            read(parts[0])
        if pool is None:
            for share in parts[1:]:
                read(share)
        else:
            sweep = SWEEP_AT * n
            while (share := _take(pool.tickets, parts)) is not None:
                read(share)
                if share.start >= sweep:
                    # the young objects (nearly all of the batch's) walked once now, while the
                    # others still read, rather than by the first collection after the pause,
                    # when they are done; the next collections walk them no more often
                    gc.collect(0)
                    sweep = n
            for inbox in inboxes:
                inbox.drain(receive)
            pool.shared.trim()
        return gathered.finish(finish)
