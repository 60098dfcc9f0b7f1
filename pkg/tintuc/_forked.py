"""The rule stages of a batch shared with forked processes, for ``analyze_many(n_jobs > 1)``.

The C core runs on threads without the GIL; what follows it (entities, time expressions,
attributions, event mentions) is Python, which threads cannot run at once. So after the core,
the calling process and as many forked children as further jobs read the documents, inherited
from the parent. Each takes the next few documents from a queue (a pipe of tickets: a read of
one ticket is atomic, so each goes to one process), so that they all end together whatever
part of the batch is heavy and however busy the CPUs are. A child sends back what it found,
pickled, a few documents at a time; the parent unpickles it between its own documents, puts it
in the documents' caches, as if they had been asked for it, and links the event mentions of
the batch in order as far as they are in (tintuc.events.cluster.Linker), so that little is
left to do once the children end. The results are those of one process: the same code reads
the same documents.

Only on Linux, where forking is the usual way to start workers (elsewhere the caller keeps to
threads). A child runs nothing but the rules over data it inherited: it imports nothing, takes
no lock that another thread of the parent could hold at the fork, prints nothing, and leaves
by ``os._exit``.
"""
from __future__ import annotations

import copyreg
import dataclasses
import gc
import io
import operator
import os
import pickle
import signal
import sys
import traceback

from . import _core
from ._bulk import no_collection
from .document import untrack

__all__ = ["available", "shares", "materialize"]

# documents per process below which a fork costs more than it saves
MIN_SHARE = 32
# tickets in the queue at most: their 4 bytes each fit one page, which every pipe holds, so
# that writing them all before the fork never waits
MAX_TICKETS = 1024
# documents a child reads before sending what it found
FRAME_DOCS = 16
# the part of the batch handed out when the parent has the collector walk what it made so far
SWEEP_AT = 0.8
# bytes a child's pipe holds (the most an unprivileged process may ask for, by default)
PIPE_SIZE = 1 << 20
# bytes of a frame's length
_LEN = 8


def available() -> bool:
    # Not under an AddressSanitizer build: its allocator takes no fork handlers, so a thread
    # of the core's pool still exiting at the fork leaves the child waiting on a lock forever.
    return sys.platform.startswith("linux") and hasattr(os, "fork") and not _core.sanitized


def shares(n: int, jobs: int) -> list[range]:
    """How ``n`` documents are handed out to ``jobs`` processes: process k reads document k
    first (so that each reads one at least), then the other shares go to whoever is free, as
    tickets of consecutive documents (at most MAX_TICKETS of them)."""
    head = min(n, jobs)
    size = max(1, -(-(n - head) // MAX_TICKETS))
    return [range(k, k + 1) for k in range(head)] + [range(a, min(a + size, n)) for a in range(head, n, size)]


def _rules(doc):
    """What a share's process reads of one document."""
    from .events.extract import extract_mentions
    return doc.entities, doc.times, doc.attributions, extract_mentions(doc)


def _by_fields(cls):
    """Pickle a frozen dataclass as its class and field values (rebuilt by ``cls(*values)``):
    several times faster both ways than dataclasses' own state functions."""
    get = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    return lambda obj: (cls, get(obj))


def _dispatch_table() -> dict:
    from .attribution import Attribution
    from .document import Span
    from .events.model import Event
    from .gazetteer import Entity
    from .timex import TimeExpr
    table = copyreg.dispatch_table.copy()
    for cls in (Entity, TimeExpr, Event, Attribution, Span):
        table[cls] = _by_fields(cls)
    return table


def _frame(obj, table: dict) -> bytes:
    """``obj`` pickled, after its length."""
    f = io.BytesIO()
    f.write(bytes(_LEN))
    p = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = table
    p.dump(obj)
    size = f.tell() - _LEN
    f.seek(0)
    f.write(size.to_bytes(_LEN, "little"))
    return f.getvalue()


def _write(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _take(fd: int, parts: list):
    """The next share from the queue ``fd``, or None when it is empty."""
    got = os.read(fd, 4)
    return parts[int.from_bytes(got, "little")] if got else None


def _child(docs, first: range, queue: int, parts: list, fd: int, table: dict) -> None:
    """In the forked child: read share ``first``, then shares from ``queue`` while there are,
    and write frames of (document index, results) to ``fd``; then an end frame, and exit."""
    code = 0
    try:
        # a short life: no collections (they would also copy every page of the parent they walk)
        gc.disable()
        try:
            found = []
            share = first
            while share is not None:
                found += [(i, _rules(docs[i])) for i in share]
                if len(found) >= FRAME_DOCS:
                    _write(fd, _frame(("part", found), table))
                    found = []
                share = _take(queue, parts)
            if found:
                _write(fd, _frame(("part", found), table))
            data = _frame(("end",), table)
        except BaseException as err:
            try:
                data = _frame(("error", err, traceback.format_exc()), table)
            except Exception:
                data = _frame(("error", None, traceback.format_exc()), table)
        _write(fd, data)
        os.close(fd)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass


class _Inbox:
    """What one child sent so far, read from its pipe without waiting (``poll``) or to the end
    (``drain``)."""

    def __init__(self, pid: int, fd: int):
        self.pid, self.fd = pid, fd
        self.buf = bytearray()
        self.ended = False      # its end frame came
        self.closed = False     # its pipe is at its end

    def poll(self, put) -> None:
        """Frames complete so far given to ``put(index, results)``."""
        while not self.closed:
            try:
                data = os.read(self.fd, 1 << 20)
            except BlockingIOError:
                break
            if not data:
                self.closed = True
            self.buf += data
        self._frames(put)

    def drain(self, put) -> None:
        """Every frame to the end given to ``put``, the child reaped."""
        os.set_blocking(self.fd, True)
        self.poll(put)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not self.ended:
            raise RuntimeError(f"analyze_many(): a worker process ended without results (status {status})")

    def _frames(self, put) -> None:
        buf, at = self.buf, 0
        with memoryview(buf) as view:
            while len(buf) - at >= _LEN:
                size = int.from_bytes(view[at:at + _LEN], "little")
                if len(buf) - at - _LEN < size:
                    break
                payload = pickle.loads(view[at + _LEN:at + _LEN + size])
                at += _LEN + size
                if payload[0] == "part":
                    for i, x in payload[1]:
                        put(i, x)
                elif payload[0] == "end":
                    self.ended = True
                else:
                    _, err, trace = payload
                    if isinstance(err, BaseException):
                        raise err
                    raise RuntimeError("analyze_many(): a worker process failed:\n" + trace)
        del buf[:at]


def materialize(docs: list, jobs: int) -> tuple[list, list]:
    """Entities, times and attributions of every document put in its cache, shared among
    ``jobs`` processes; the event mentions of each document (not yet clustered), and the
    clusters of all of them in order (tintuc.events.cluster.Linker), linked as they come in."""
    import fcntl    # not on every platform: only here, on Linux
    from .events.cluster import Linker, features
    parts = shares(len(docs), jobs)
    table = _dispatch_table()    # made here: the child imports nothing
    mentions = [None] * len(docs)
    feats = [None] * len(docs)
    linker = Linker()
    linked = 0      # documents whose mentions are linked: all before the first still missing

    def put(i, found):
        nonlocal linked
        doc = docs[i]
        entities, times, attributions, events = found
        doc._cache["entities"] = entities
        doc._cache["times"] = times
        doc._cache["attributions"] = attributions
        for found in (entities, times, attributions):
            untrack(found)       # (as Document._get does with what it builds)
        mentions[i] = events
        feats[i] = features(events, doc.published)
        while linked < len(docs) and feats[linked] is not None:
            linker.add(feats[linked])
            feats[linked] = ()
            linked += 1

    mine = [parts[0]]    # shares read here: the first, and any whose fork failed
    inboxes = []
    queue, w = os.pipe()
    try:
        _write(w, b"".join(k.to_bytes(4, "little") for k in range(jobs, len(parts))))
        os.close(w)
        for share in parts[1:jobs]:
            r, w = os.pipe()
            try:
                # room for what a child finds while the parent is busy (a document, a sweep)
                fcntl.fcntl(w, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
            except OSError:
                pass    # the default size: a child may wait for the parent now and then
            try:
                pid = os.fork()
            except OSError:
                os.close(r)
                os.close(w)
                mine.append(share)
                continue
            if pid == 0:
                os.close(r)
                _child(docs, share, queue, parts, w, table)
            os.close(w)
            os.set_blocking(r, False)
            inboxes.append(_Inbox(pid, r))
        with no_collection():
            for share in mine:
                for i in share:
                    put(i, _rules(docs[i]))
            sweep = SWEEP_AT * len(docs)
            while (share := _take(queue, parts)) is not None:
                for i in share:
                    put(i, _rules(docs[i]))
                for inbox in inboxes:
                    inbox.poll(put)
                if share.start >= sweep:
                    # the young objects (nearly all of the batch's) walked once now, while the
                    # others still read, rather than by the first collection after the pause,
                    # when they are done; the next collections walk them no more often
                    gc.collect(0)
                    sweep = len(docs)
            for inbox in inboxes:
                inbox.drain(put)
            clusters = linker.clusters()
            # the features go while collections still wait: the first one after would walk them
            linker = None
    finally:
        os.close(queue)
        for inbox in inboxes:       # an error or Ctrl-C here: the others are not waited for
            if inbox.pid is not None:
                _stop(inbox.pid)
            os.close(inbox.fd)
    return mentions, clusters
