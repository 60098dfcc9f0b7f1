"""The rule stages of a batch shared with forked processes, for ``analyze_many(n_jobs > 1)``.

The C core runs on threads without the GIL; what follows it (entities, time expressions,
attributions, event mentions) is Python, which threads cannot run at once. So after the core,
the batch is cut into as many shares as jobs: the calling process reads the first, and a
forked child each of the others, with the documents inherited from the parent. A child sends
back what it found, pickled; the parent puts it in the documents' caches, as if they had been
asked for it, and clusters the event mentions of the whole batch itself. The results are
those of one process: the same code reads the same documents.

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

__all__ = ["available", "shares", "materialize"]

# documents per process below which a fork costs more than it saves
MIN_SHARE = 32


def available() -> bool:
    # Not under an AddressSanitizer build: its allocator takes no fork handlers, so a thread
    # of the core's pool still exiting at the fork leaves the child waiting on a lock forever.
    return sys.platform.startswith("linux") and hasattr(os, "fork") and not _core.sanitized


def shares(n: int, jobs: int) -> list[range]:
    """The documents of each of ``jobs`` processes: every jobs-th one, so that each share holds
    about as much work whatever part of the batch is heavy."""
    return [range(k, n, jobs) for k in range(jobs)]


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


def _dumps(obj, table: dict) -> bytes:
    f = io.BytesIO()
    p = pickle.Pickler(f, protocol=pickle.HIGHEST_PROTOCOL)
    p.dispatch_table = table
    p.dump(obj)
    return f.getvalue()


def _child(docs, share: range, fd: int, table: dict) -> None:
    """In the forked child: read the documents of ``share``, write the results to ``fd``, exit."""
    code = 0
    try:
        # a short life: no collections (they would also copy every page of the parent they walk)
        gc.disable()
        try:
            payload = ("ok", [_rules(docs[i]) for i in share])
        except BaseException as err:
            payload = ("error", err, traceback.format_exc())
        try:
            data = _dumps(payload, table)
        except Exception:
            data = _dumps(("error", None, traceback.format_exc()), table)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
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


def _receive(pid: int, fd: int) -> list:
    """The results of child ``pid`` from the read end ``fd`` of its pipe; the child is reaped
    (stopped first when reading did not end)."""
    data = None
    try:
        with os.fdopen(fd, "rb") as f:
            data = f.read()
    finally:
        if data is None:
            _stop(pid)
        else:
            _, status = os.waitpid(pid, 0)
    if not data:
        raise RuntimeError(f"analyze_many(): a worker process ended without results (status {status})")
    payload = pickle.loads(data)
    if payload[0] == "ok":
        return payload[1]
    _, err, trace = payload
    if isinstance(err, BaseException):
        raise err
    raise RuntimeError("analyze_many(): a worker process failed:\n" + trace)


def materialize(docs: list, jobs: int) -> list:
    """Entities, times and attributions of every document put in its cache, shared among
    ``jobs`` processes; the event mentions of each document (not yet clustered)."""
    parts = shares(len(docs), jobs)
    table = _dispatch_table()    # made here: the child imports nothing
    mine = [parts[0]]    # shares read here: the first, and any whose fork failed
    children = []        # (share, pid, read end of its pipe)
    try:
        for share in parts[1:]:
            r, w = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(r)
                os.close(w)
                mine.append(share)
                continue
            if pid == 0:
                os.close(r)
                _child(docs, share, w, table)
            children.append((share, pid, r))
            os.close(w)
        with no_collection():
            found = [(share, [_rules(docs[i]) for i in share]) for share in mine]
            while children:
                share, pid, r = children.pop(0)
                found.append((share, _receive(pid, r)))
    finally:
        for _, pid, r in children:       # an error or Ctrl-C here: the others are not waited for
            _stop(pid)
            os.close(r)
    results = [None] * len(docs)
    for share, got in found:
        for i, x in zip(share, got, strict=True):
            results[i] = x
    mentions = []
    for doc, (entities, times, attributions, events) in zip(docs, results):
        doc._cache["entities"] = entities
        doc._cache["times"] = times
        doc._cache["attributions"] = attributions
        mentions.append(events)
    return mentions
