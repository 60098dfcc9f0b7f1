"""The workers of analyze_many(n_jobs > 1) kept from one call to the next (tintuc._pool): reused
while the configuration holds, replaced when it changes or a worker died, forgotten by forked
processes, ended at exit."""
import os
import signal
import subprocess
import sys
import time

import pytest

import tintuc
from tintuc import _core, _forked, _pool

pytestmark = pytest.mark.skipif(not _forked.available(),
                                reason="analyze_many does not fork here (not Linux, or an ASan build of the core)")

TEXTS = [f"Ngày {k % 27 + 1}/3, Thủ tướng Nhật Bản hội đàm với Bộ trưởng Ngoại giao Việt Nam tại Hà Nội; "
         f"hai bên ký {k % 7 + 2} văn kiện về hợp tác xã Sông Lam Xanh, hòa giải tranh chấp."
         for k in range(3 * _forked.MIN_SHARE)]


@pytest.fixture(autouse=True)
def forked_from_two_jobs(monkeypatch):
    # two jobs run the core on a thread (tintuc._piped); these tests are about the processes
    # that more jobs fork, and fork one worker as three jobs would fork two
    monkeypatch.setattr(tintuc.corpus, "PIPED_MAX", 1)


def results(corpus):
    return [([e.to_dict() for e in d.entities], [t.to_dict() for t in d.times], [e.to_dict() for e in d.events])
            for d in corpus]


def worker_pids():
    return [w.inbox.pid for w in _pool._current.workers] if _pool._current else []


@pytest.fixture(autouse=True)
def no_workers_kept():
    _pool.shutdown()
    yield
    _pool.shutdown()


def test_the_workers_serve_the_next_call():
    want = results(tintuc.analyze_many(TEXTS, published="2021-03-30"))
    assert results(tintuc.analyze_many(TEXTS, published="2021-03-30", n_jobs=2)) == want
    pids = worker_pids()
    assert len(pids) == 1
    # the same worker, another batch and other dates
    again = tintuc.analyze_many(TEXTS[::-1], published="2020-12-30", n_jobs=2)
    assert worker_pids() == pids
    assert results(again) == results(tintuc.analyze_many(TEXTS[::-1], published="2020-12-30"))
    _pool.shutdown()
    assert worker_pids() == []
    with pytest.raises(ChildProcessError):
        os.waitpid(pids[0], os.WNOHANG)


def test_a_new_configuration_gets_new_workers():
    tintuc.analyze_many(TEXTS, n_jobs=2)
    first = worker_pids()
    two = tintuc.analyze_many(TEXTS, n_jobs=2, tone="hoà", fold_punct=False)
    assert worker_pids() != first and "hoà" in two[0].normalized
    with pytest.raises(ChildProcessError):      # the old one ended and was waited for
        os.waitpid(first[0], os.WNOHANG)
    assert results(two) == results(tintuc.analyze_many(TEXTS, tone="hoà", fold_punct=False))
    # a name added to a gazetteer after its workers were forked: new workers see it
    gaz = tintuc.Gazetteer()
    gaz.add("Sông Lam Xanh", "ORG", id="X-SLX")
    tintuc.analyze_many(TEXTS, n_jobs=2, gazetteer=gaz)
    before = worker_pids()
    gaz.add("Bộ trưởng Ngoại giao Việt Nam", "PER", id="X-MOFA")
    got = tintuc.analyze_many(TEXTS, n_jobs=2, gazetteer=gaz)
    assert worker_pids() != before
    assert all(any(e.id == "X-MOFA" for e in d.entities) for d in got)
    assert results(got) == results(tintuc.analyze_many(TEXTS, gazetteer=gaz))


def test_a_worker_killed_between_calls_is_replaced():
    tintuc.analyze_many(TEXTS, n_jobs=2)
    [pid] = worker_pids()
    os.kill(pid, signal.SIGKILL)
    time.sleep(0.1)
    got = tintuc.analyze_many(TEXTS, n_jobs=2)
    assert worker_pids() != [pid]
    assert results(got) == results(tintuc.analyze_many(TEXTS))


def test_a_forked_process_forgets_the_callers_workers():
    tintuc.analyze_many(TEXTS, n_jobs=2)
    pid = os.fork()
    if pid == 0:
        os._exit(0 if _pool._current is None else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    assert len(worker_pids()) == 1     # still the caller's


def test_no_fork_to_be_had_reads_it_all_here(monkeypatch):
    def no_fork():
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    got = tintuc.analyze_many(TEXTS, n_jobs=2)
    assert worker_pids() == []
    assert results(got) == results(tintuc.analyze_many(TEXTS))


EXIT = """
import tintuc
from tintuc import _pool
texts = ["Thủ tướng Nhật Bản hội đàm với Bộ trưởng Ngoại giao Việt Nam tại Hà Nội."] * 200
tintuc.analyze_many(texts, n_jobs=3)   # (two jobs run the core on a thread)
print(_pool._current.workers[0].inbox.pid, flush=True)
"""


def test_the_workers_end_with_the_interpreter():
    p = subprocess.run([sys.executable, "-c", EXIT], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    pid = int(p.stdout.split()[-1])
    deadline = time.monotonic() + 10
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{pid}")


def test_calls_from_two_threads_at_once_each_get_workers():
    from concurrent.futures import ThreadPoolExecutor
    want = results(tintuc.analyze_many(TEXTS, published="2021-03-30"))

    def calls(_):
        return [results(tintuc.analyze_many(TEXTS, published="2021-03-30", n_jobs=2)) for _ in range(3)]

    with ThreadPoolExecutor(2) as ex:       # (an error in a thread is raised here)
        runs = [r for rs in ex.map(calls, range(2)) for r in rs]
    assert len(runs) == 6 and all(r == want for r in runs)
    assert len(worker_pids()) == 1      # one pool kept; a call that found it busy made its own


def test_texts_of_every_kind_reach_the_worker_through_shared_memory(monkeypatch):
    # ASCII, Latin-1, two-byte and four-byte strings, a lone surrogate, NUL and empty texts,
    # packed as their code units (tintuc._pool.Shared) and made again in the worker
    tails = ["", " ascii only", " café", " Hòa Bình", " 😀 nụ cười", " \ud800 lẻ", " x\x00y"]
    mixed = [t + tails[k % len(tails)] for k, t in enumerate(TEXTS)] + ["", "plain"]
    want = results(tintuc.analyze_many(mixed, published="2021-03-30"))
    got = tintuc.analyze_many(mixed, published="2021-03-30", n_jobs=2)
    assert [d.text for d in got] == mixed and results(got) == want
    shared = _pool._current.shared
    assert shared.size >= _core.packed_size(mixed)
    # a larger batch: the memory grows, and the same worker maps it again
    pids, before = worker_pids(), shared.size
    larger = mixed * 3
    assert results(tintuc.analyze_many(larger, published="2021-03-30", n_jobs=2)) == want * 3
    assert worker_pids() == pids and shared.size > before
    # more than SHARED_KEEP is given back after a call; the next call reserves it again
    monkeypatch.setattr(_pool, "SHARED_KEEP", 0)
    assert results(tintuc.analyze_many(larger, published="2021-03-30", n_jobs=2)) == want * 3
    assert shared.size == 0 and shared.map is None
    assert results(tintuc.analyze_many(mixed, published="2021-03-30", n_jobs=2)) == want
    assert worker_pids() == pids


def test_a_worker_unmaps_the_shared_memory_of_other_pools():
    # so that another pool's texts are given back when that pool ends, not when this worker does
    other = _pool.Shared()
    other.reserve(1 << 16)[:4] = b"text"

    class Box:      # the least an inbox must do for Pool
        def __init__(self, pid, fd):
            self.pid, self.fd, self.closed = pid, fd, False

        def read(self):
            pass

        def reap(self):
            os.waitpid(self.pid, 0)
            self.pid = None

    def serve(calls, tickets, out, shared):
        os.write(out, b"forgot" if other.map is None and shared is not other else b"kept")
        os._exit(0)

    pool = _pool.Pool("test", 2, serve, Box)
    try:
        assert os.read(pool.workers[0].inbox.fd, 16) == b"forgot"
        assert other.map is not None and other.map[:4] == b"text"     # still mapped here
    finally:
        pool.kill()
        other.close()
