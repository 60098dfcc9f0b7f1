"""analyze_many(n_jobs > 1) analyzes its documents in forked processes (tintuc._forked): the
documents come back with their tokens, entities, times and events, the same as one process
finds, and a failing worker fails the call without leaving a process behind."""
import os
import threading

import pytest

import tintuc
from tintuc import _forked, _pool

pytestmark = pytest.mark.skipif(not _forked.available(),
                                reason="analyze_many does not fork here (not Linux, or an ASan build of the core)")

N_DOCS = 3 * _forked.MIN_SHARE


@pytest.fixture(autouse=True)
def forked_from_two_jobs(monkeypatch):
    # two jobs run the core on a thread (tintuc._piped); these tests are about the processes
    # that more jobs fork, and fork one worker as three jobs would fork two
    monkeypatch.setattr(tintuc.corpus, "PIPED_MAX", 1)


@pytest.fixture(scope="module")
def batch(dantri):
    return [r["text"] for r in dantri[:N_DOCS]], [r["date"] for r in dantri[:N_DOCS]]


@pytest.fixture
def forks(monkeypatch):
    """The pids of the processes forked during the test, which begins and ends with no workers
    kept (tintuc._pool), so that what the test patches reaches the workers it forks."""
    pids = []
    fork = os.fork

    def recording():
        pid = fork()
        if pid:
            pids.append(pid)
        return pid

    _pool.shutdown()
    monkeypatch.setattr(os, "fork", recording)
    yield pids
    _pool.shutdown()


def reaped(pids):
    """Every one of ``pids`` has ended and been waited for."""
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
    return True


def kept(pids):
    """The workers ``pids`` are kept for the next call, then ended (shutdown) and waited for."""
    assert [w.inbox.pid for w in _pool._current.workers] == pids
    for pid in pids:
        assert os.waitpid(pid, os.WNOHANG) == (0, 0)      # running
    _pool.shutdown()
    return reaped(pids)


def test_shares_cover_every_document_once():
    for n in (0, 1, 5, 64, 65, 5000):
        for jobs in (1, 2, 3):
            parts = _forked.shares(n, jobs)
            assert sorted(i for p in parts for i in p) == list(range(n))
            # each process has a document of its own to begin with; the queue fits a page
            assert parts[:jobs] == [range(k, k + 1) for k in range(min(n, jobs))]
            assert len(parts) - min(n, jobs) <= _forked.MAX_TICKETS
            # guided: the tickets shrink towards the end, none above the most but for a huge batch
            sizes = [len(p) for p in parts[jobs:]]
            assert all(a >= b for a, b in zip(sizes, sizes[1:-1]))
            assert all(s <= _forked.MAX_TICKET for s in sizes)
    sizes = [len(p) for p in _forked.shares(10 ** 6, 2)[2:]]
    assert len(sizes) <= _forked.MAX_TICKETS and sizes[0] > _forked.MAX_TICKET
    assert sizes[-2] == _forked.MIN_TICKET


def test_documents_come_back_with_what_one_process_finds(batch, forks):
    texts, dates = batch
    one = tintuc.analyze_many(texts, published=dates)
    two = tintuc.analyze_many(texts, published=dates, n_jobs=2)
    # read up front, in the workers
    assert all({"entities", "times", "attributions", "events"} <= set(d._cache) for d in two)
    assert not any("entities" in d._cache for d in one)
    for a, b in zip(one, two):
        # the core's arrays came back from the worker that made them
        assert a.tokens == b.tokens and a.words == b.words and a.sentences == b.sentences
        assert b._core.text is b.text
        assert [e.to_dict() for e in a.entities] == [e.to_dict() for e in b.entities]
        assert [t.to_dict() for t in a.times] == [t.to_dict() for t in b.times]
        assert [x.to_dict() for x in a.attributions] == [x.to_dict() for x in b.attributions]
        assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
        # an event's actors are the document's own entity objects, as in one process
        ids = {id(e) for e in b.entities}
        assert all(id(x) in ids for ev in b.events for x in ev.actors + ev.recipients)
    assert len(forks) == 1 and kept(forks)


def test_a_small_batch_stays_in_one_process(batch, forks):
    texts, dates = batch
    corpus = tintuc.analyze_many(texts[:_forked.MIN_SHARE], published=dates[:_forked.MIN_SHARE], n_jobs=3)
    assert len(corpus) == _forked.MIN_SHARE and forks == []     # (its core on threads: tintuc._piped)


def test_an_error_in_a_worker_is_raised(batch, monkeypatch, forks):
    texts, dates = batch
    parent = os.getpid()
    rules = _forked.rules

    def failing(docs):
        if os.getpid() != parent:
            raise ValueError("worker failed")
        return rules(docs)

    monkeypatch.setattr(_forked, "rules", failing)
    with pytest.raises(ValueError, match="worker failed"):
        tintuc.analyze_many(texts, published=dates, n_jobs=3)
    assert len(forks) == 2 and reaped(forks)


def test_a_worker_that_dies_fails_the_call(batch, monkeypatch, forks):
    texts, dates = batch
    parent = os.getpid()
    rules = _forked.rules

    def dying(docs):
        if os.getpid() != parent:
            os._exit(3)
        return rules(docs)

    monkeypatch.setattr(_forked, "rules", dying)
    with pytest.raises(RuntimeError, match="without results"):
        tintuc.analyze_many(texts, published=dates, n_jobs=2)
    assert len(forks) == 1 and reaped(forks)


def test_another_thread_holding_a_lock_does_not_stop_the_workers(batch, forks):
    texts, dates = batch
    one = tintuc.analyze_many(texts, published=dates)
    lock, stop = threading.Lock(), threading.Event()

    def hold():
        with lock:
            stop.wait()

    t = threading.Thread(target=hold)
    t.start()
    try:
        two = tintuc.analyze_many(texts, published=dates, n_jobs=2)
    finally:
        stop.set()
        t.join()
    assert all("events" in d._cache for d in two)
    assert [[e.to_dict() for e in d.events] for d in one] == [[e.to_dict() for e in d.events] for d in two]
    assert len(forks) == 1 and kept(forks)


def test_mentions_linked_as_they_come_are_clustered_as_all_at_once(batch):
    from tintuc.events import cluster
    texts, dates = batch
    corpus = tintuc.analyze_many(texts, published=dates)
    mentions = [tintuc.events.extract_mentions(d) for d in corpus]
    feats = [cluster.features(evs, d.published) for evs, d in zip(mentions, corpus)]
    linker = cluster.Linker()
    for fs in feats:
        linker.add(fs)
    assert linker.clusters() == cluster.link([f for fs in feats for f in fs])
    assigned = cluster.assign(mentions, [d.published for d in corpus])
    assert linker.clusters() == [ev.cluster for evs in assigned for ev in evs]
    assert len(set(linker.clusters())) < len(linker.clusters())    # some mentions do share one


def test_results_sent_one_document_at_a_time_are_the_same(batch, monkeypatch, forks):
    texts, dates = batch
    one = tintuc.analyze_many(texts, published=dates)
    monkeypatch.setattr(_forked, "FRAME_DOCS", 1)
    two = tintuc.analyze_many(texts, published=dates, n_jobs=3)
    assert [[e.to_dict() for e in d.events] for d in one] == [[e.to_dict() for e in d.events] for d in two]
    assert [[e.to_dict() for e in d.entities] for d in one] == [[e.to_dict() for e in d.entities] for d in two]
    assert len(forks) == 2 and kept(forks)


def test_an_inbox_too_small_for_a_frame_grows(batch, monkeypatch, forks):
    texts, dates = batch
    one = tintuc.analyze_many(texts, published=dates)
    # frames larger than the buffer, and frames split across reads, moved to its front
    monkeypatch.setattr(_forked, "INBOX_SIZE", 64)
    monkeypatch.setattr(_forked, "FRAME_DOCS", 1)
    two = tintuc.analyze_many(texts, published=dates, n_jobs=2)
    for a, b in zip(one, two):
        assert a.tokens == b.tokens and a.normalized == b.normalized
        assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
    assert len(forks) == 1 and kept(forks)


def test_a_worker_failing_after_sending_results_fails_the_call(batch, monkeypatch, forks):
    texts, dates = batch
    parent = os.getpid()
    frame = _forked._frame
    calls = []

    def late(obj, table):
        if os.getpid() != parent:
            calls.append(obj[0])
            if len(calls) == 2:     # its first document's results are sent already
                raise ValueError("worker failed late")
        return frame(obj, table)

    monkeypatch.setattr(_forked, "FRAME_DOCS", 1)
    monkeypatch.setattr(_forked, "_frame", late)
    with pytest.raises(ValueError, match="worker failed late"):
        tintuc.analyze_many(texts, published=dates, n_jobs=2)
    assert len(forks) == 1 and reaped(forks)


CTRL_C = """
import os, sys, time, tintuc
texts = [f"Ngày {k % 28 + 1}/10, Bộ trưởng Ngoại giao Việt Nam hội đàm với người đồng cấp Nhật Bản "
         f"tại Hà Nội; hai bên ký kết {k % 9 + 2} văn kiện hợp tác. " * 20 for k in range(12000)]
tintuc.analyze_many(texts[:100], n_jobs=2)      # models loaded first
print("ready", flush=True)
try:
    tintuc.analyze_many(texts, n_jobs=2)
    print("completed", flush=True)
except KeyboardInterrupt:
    try:
        os.waitpid(-1, os.WNOHANG)
        print("interrupted, a worker left", flush=True)
    except ChildProcessError:
        print("interrupted, no worker left", flush=True)
"""


def test_ctrl_c_stops_the_workers_too():
    import signal
    import subprocess
    import sys
    import time
    proc = subprocess.Popen([sys.executable, "-c", CTRL_C], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(0.5)                 # well into the batch: the workers are reading
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert out.strip() == "interrupted, no worker left", out + err


def test_a_users_gazetteer_and_options_reach_the_workers(forks):
    gaz = tintuc.Gazetteer()
    gaz.add("Hợp tác xã Sông Lam Xanh", "ORG", id="X-SLX", aliases=("HTX Sông Lam Xanh",))
    texts = [f"Ngày {k % 27 + 1}/3, HTX Sông Lam Xanh ký hợp đồng thứ {k} với một công ty ở Nghệ An; "
             f"hoà giải xong tranh chấp." for k in range(3 * _forked.MIN_SHARE)]
    kw = dict(published="2021-03-30", gazetteer=gaz, tone="hoà", fold_punct=False)
    one = tintuc.analyze_many(texts, **kw)
    two = tintuc.analyze_many(texts, n_jobs=2, **kw)
    assert len(forks) == 1 and kept(forks)
    assert all(any(e.id == "X-SLX" for e in d.entities) for d in two)
    for a, b in zip(one, two):
        assert a.normalized == b.normalized and "hoà" in b.normalized      # the tone asked for
        assert [e.to_dict() for e in a.entities] == [e.to_dict() for e in b.entities]
        assert [t.to_dict() for t in a.times] == [t.to_dict() for t in b.times]
        assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
