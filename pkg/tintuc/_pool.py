"""The forked workers of ``analyze_many(n_jobs > 1)``, kept from one call to the next.

A process forked for one call alone pays for it twice: the fork, and then a page fault and a
copy for every page of the parent's memory that either process writes to, which both do all
the time (reference counts, the allocator's free lists). On the Dân Trí corpus that took about
a tenth of each process's time. Workers kept for the next call have made those pages their own
already, so from the second call on two processes each run at the speed of one alone.

A pool is made for one configuration (``key``: the gazetteers and options the workers
inherited at the fork); a call with another, or after a worker died, gets a new pool. Its
workers wait on a pipe for the next call and exit at its end of file: when the pool is closed
(a new key, :func:`shutdown`, the interpreter's exit) or the caller dies. A process forked from
the caller forgets the pool (its pipes are the caller's). Any error or Ctrl-C during a call
kills the pool: its workers may be anywhere in their documents.
"""
from __future__ import annotations

import atexit
import contextlib
import mmap
import os
import signal
import threading
import time
import weakref

__all__ = ["Pool", "Shared", "lease", "shutdown"]

# seconds a closed pool's workers get to exit before they are killed
EXIT_WAIT = 2.0
# bytes of shared memory a pool keeps between calls at most (more is given back after a call)
SHARED_KEEP = 64 << 20

# Pools are made one at a time (two threads' calls may each make one), and every pipe end a
# pool keeps in this process is listed: a worker forked later closes them all, for a worker
# sees the end of its pipe only when no other process holds the writing end open.
_forking = threading.RLock()
_kept_fds: set[int] = set()


def _keep(*fds: int) -> None:
    _kept_fds.update(fds)


def _drop(fd: int | None) -> None:
    if fd is not None:
        with _forking:      # not while a fork is copying the list
            _kept_fds.discard(fd)
            os.close(fd)


class Shared:
    """Memory that the caller and a pool's workers all map (a memfd made before the fork): the
    caller writes a call's texts there and the workers read them there, with no copy through
    a pipe. It grows as a call needs; what it holds stays for the next call (writing the same
    pages again costs no page faults) up to SHARED_KEEP bytes."""

    def __init__(self):
        self.fd = os.memfd_create("tintuc-texts", os.MFD_CLOEXEC)
        self.size = 0
        self.map = None
        _shared.add(self)

    def reserve(self, size: int) -> mmap.mmap:
        """In the caller: the memory, holding ``size`` bytes at least."""
        if size > self.size:
            self._map(max(size, 2 * self.size))
        return self.map

    def mapped(self, size: int) -> mmap.mmap:
        """In a worker: the memory, as the caller reserved it (``size`` bytes) for this call."""
        if size != self.size:
            self._map(size, grow=False)
        return self.map

    def trim(self) -> None:
        """In the caller, after a call: more than SHARED_KEEP bytes given back."""
        if self.size > SHARED_KEEP:
            self._map(0)

    def _map(self, size: int, grow: bool = True) -> None:
        if self.map is not None:
            self.map.close()
            self.map = None
        if grow:
            os.ftruncate(self.fd, size)
        self.size = size
        if size:
            self.map = mmap.mmap(self.fd, size, access=mmap.ACCESS_WRITE if grow else mmap.ACCESS_READ)

    def close(self) -> None:
        if self.map is not None:
            self.map.close()
            self.map = None
        _drop(self.fd)
        self.fd = None

    def forget(self) -> None:
        """In a worker of another pool: not mapped here, so that this memory is given back
        when its own pool ends (this one's fd is closed with the other pipes)."""
        try:
            if self.map is not None:
                self.map.close()
        except BufferError:     # being written by another thread of the caller at the fork
            pass
        self.map, self.size = None, 0


# every Shared of this process, so that a worker forked for one pool unmaps the others'
_shared: weakref.WeakSet = weakref.WeakSet()


class Worker:
    """A forked worker: the pipe its calls go down, and the inbox of what it sends (which
    knows its pid, None once it is waited for)."""

    def __init__(self, calls: int, inbox):
        self.calls, self.inbox = calls, inbox


class Pool:
    """``jobs - 1`` workers forked now, each running ``serve(calls, tickets, out, shared)``
    (it must not return: it leaves by os._exit), sharing one queue of tickets and the memory
    ``shared`` (a Shared) with the caller.
    ``inbox(pid, fd)`` makes the reader of a worker's pipe (tintuc._forked._Inbox)."""

    def __init__(self, key, jobs: int, serve, inbox, pipe_size: int | None = None):
        self.key = key
        self.pipe_size = pipe_size
        self.workers: list[Worker] = []
        with _forking:
            # tickets: written by the caller before a call, read by every process until empty
            # (non-blocking: an empty queue is the end of the call's tickets, not a wait)
            self.tickets, self.tickets_w = os.pipe()
            _keep(self.tickets, self.tickets_w)
            os.set_blocking(self.tickets, False)
            self.shared = None
            try:
                self.shared = Shared()
                _keep(self.shared.fd)
                for _ in range(jobs - 1):
                    self._fork(serve, inbox)
            except BaseException:
                self.kill()
                raise
        for w in self.workers:     # only now: a fork copies no thread
            w.inbox.read()

    def _fork(self, serve, inbox) -> None:
        calls_r, calls_w = os.pipe()
        out_r, out_w = os.pipe()
        if self.pipe_size:
            import fcntl    # not on every platform: only here, on Linux
            try:
                # room for what a worker sends while the caller's reader waits for the GIL
                fcntl.fcntl(out_w, fcntl.F_SETPIPE_SZ, self.pipe_size)
            except OSError:
                pass    # the default size: a worker may wait for the reader now and then
        # (taken before the fork: a forked process forgets the list, see _forget)
        others = _kept_fds - {self.tickets, self.shared.fd}
        try:
            pid = os.fork()
        except BaseException:
            for fd in (calls_r, calls_w, out_r, out_w):
                os.close(fd)
            raise
        if pid == 0:
            try:
                # the caller's ends of every pool's pipes (this pool's other workers', other
                # pools') are not this one's to hold open
                for fd in others:
                    os.close(fd)
                for shared in list(_shared):
                    if shared is not self.shared:
                        shared.forget()
                os.close(calls_w)
                os.close(out_r)
                serve(calls_r, self.tickets, out_w, self.shared)
            finally:
                os._exit(1)     # (serve leaves by os._exit itself; this, if it cannot start)
        os.close(calls_r)
        os.close(out_w)
        _keep(calls_w, out_r)
        self.workers.append(Worker(calls_w, inbox(pid, out_r)))

    def alive(self) -> bool:
        """Every worker still running (not ended since the last call)."""
        return all(w.inbox.pid is not None and not w.inbox.closed and not _ended(w) for w in self.workers)

    def close(self) -> None:
        """The workers told to exit (their pipe's end), waited for (killed if they do not end
        within EXIT_WAIT seconds), and every pipe closed."""
        for w in self.workers:
            _drop(w.calls)
            w.calls = None
        deadline = time.monotonic() + EXIT_WAIT
        for w in self.workers:
            while w.inbox.pid is not None and not _ended(w) and time.monotonic() < deadline:
                time.sleep(0.005)
        self.kill()

    def kill(self) -> None:
        """Every worker killed and waited for, every pipe closed."""
        for w in self.workers:
            if w.inbox.pid is not None:
                try:
                    os.kill(w.inbox.pid, signal.SIGKILL)
                except OSError:
                    pass
        for w in self.workers:
            _drop(w.calls)
            w.calls = None
            w.inbox.reap()
            _drop(w.inbox.fd)
            w.inbox.fd = None
        _drop(self.tickets)
        _drop(self.tickets_w)
        self.tickets = self.tickets_w = None
        if self.shared is not None:
            self.shared.close()
            self.shared = None
        self.workers = []


def _ended(w: Worker) -> bool:
    """Has the worker ended (then waited for here: its pid is forgotten)?"""
    try:
        pid, _ = os.waitpid(w.inbox.pid, os.WNOHANG)
    except ChildProcessError:   # waited for elsewhere
        pid = -1
    if pid:
        w.inbox.pid = None
    return pid != 0


_current: Pool | None = None
_busy = False               # a call is using the kept pool
_lock = threading.Lock()    # guards _current and _busy


@contextlib.contextmanager
def lease(key, jobs: int, serve, inbox, before_fork=None, pipe_size: int | None = None):
    """The pool for one call with ``key`` and ``jobs``: the one kept, when it is for them and
    its workers are all alive; else a new one, kept for the next call (the kept one closed
    first); or, while another thread's call uses the kept one, one made for this call alone.
    ``before_fork()`` is run before a pool is made, and its workers' pipes are made
    ``pipe_size`` bytes large where the system lets them. An exception out of the call kills
    the pool (its workers may be anywhere in their documents). None when no process can be
    forked: the caller reads it all."""
    global _current, _busy
    stale = None
    with _lock:
        keep = not _busy        # else another thread's call has the kept pool
        pool = _current if keep else None
        if keep:
            _busy = True
            if pool is not None and not (pool.key == key and len(pool.workers) == jobs - 1 and pool.alive()):
                stale, pool, _current = pool, None, None
    try:
        if stale is not None:
            stale.close()
        if pool is None:
            if before_fork is not None:
                before_fork()
            try:
                pool = Pool(key, jobs, serve, inbox, pipe_size)
            except OSError:     # no fork to be had (a limit on processes): the caller alone
                yield None
                return
            if keep:
                with _lock:
                    _current = pool
        try:
            yield pool
        except BaseException:
            pool.kill()
            with _lock:
                if _current is pool:
                    _current = None
            raise
        if not keep:
            pool.close()
    finally:
        if keep:
            with _lock:
                _busy = False


def shutdown() -> None:
    """End the workers kept for the next ``analyze_many(n_jobs > 1)`` (at the interpreter's
    exit this happens by itself); not while a call is using them."""
    global _current
    with _lock:
        if _busy:
            return
        pool, _current = _current, None
    if pool is not None:
        pool.close()


def _forget() -> None:
    # in a process forked from the caller (by anyone): the pool and its pipes are the caller's
    # (another thread may have held a lock at the fork)
    global _current, _busy, _lock, _forking, _kept_fds
    _current, _busy = None, False
    _lock, _forking = threading.Lock(), threading.RLock()
    _kept_fds = set()


atexit.register(shutdown)
os.register_at_fork(after_in_child=_forget)     # (only imported where forking is: Linux)
