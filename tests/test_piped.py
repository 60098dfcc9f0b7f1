"""analyze_many(n_jobs=2) runs the C core on native threads while the calling thread runs the
rules over what they finish (tintuc._piped, _core.analyze_run): the results of one thread,
every chunk taken once, and no thread left running after an error, Ctrl-C or an abandoned run."""
import os
import signal
import threading

import pandas as pd
import pytest

import tintuc
from tintuc import _core, _piped
from tintuc.document import _core_options

N_DOCS = 300


@pytest.fixture(scope="module")
def batch(dantri):
    return [r["text"] for r in dantri[:N_DOCS]], [r["date"] for r in dantri[:N_DOCS]]


def native_threads() -> int:
    return len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else threading.active_count()


def everything(corpus):
    return [(d.text, d.tokens, d.words, d.sentences, [e.to_dict() for e in d.entities],
             [t.to_dict() for t in d.times], [a.to_dict() for a in d.attributions],
             [e.to_dict() for e in d.events]) for d in corpus]


@pytest.mark.parametrize("threads", [0, 1, 3])
def test_a_run_gives_every_chunk_once_as_one_call_would(batch, threads):
    texts = batch[0][:100] + [None, float("nan"), ""]
    want = _core.analyze_batch(texts, **_core_options(None, "hòa", True))
    run = _core.analyze_run(texts, threads, **_core_options(None, "hòa", True))
    assert run.threads == threads
    got, starts = [None] * len(texts), []
    while (chunk := run.take()) is not None:
        start, results = chunk
        starts.append(start)
        got[start:start + len(results)] = results
    assert sorted(starts) == sorted(set(starts)) and got == want
    assert got[100] is None and got[101] != got[101]   # missing values pass through
    assert run.take() is None
    run.close()
    with pytest.raises(ValueError, match="closed"):
        run.take()


def test_the_callers_list_may_change_while_a_run_reads_it(batch):
    texts = [t + " " for t in batch[0][:60]]    # strings of their own, freed with the list
    want = _core.analyze_batch(list(texts), **_core_options(None, "hòa", True))
    run = _core.analyze_run(texts, 1, **_core_options(None, "hòa", True))
    texts.clear()
    got = [None] * len(want)
    while (chunk := run.take()) is not None:
        got[chunk[0]:chunk[0] + len(chunk[1])] = chunk[1]
    assert got == want


def test_bad_input_is_refused_before_any_thread_starts():
    before = native_threads()
    with pytest.raises(TypeError, match="item 1 must be str, None or NaN, not int"):
        _core.analyze_run(["một", 2], 1)
    with pytest.raises(TypeError, match="not a str"):
        _core.analyze_run("một", 1)
    with pytest.raises(ValueError, match="threads"):
        _core.analyze_run(["một"], -1)
    assert native_threads() == before


def test_an_abandoned_run_stops_its_threads(batch):
    before = native_threads()
    run = _core.analyze_run(batch[0] * 3, 2, **_core_options(None, "hòa", True))
    assert native_threads() == before + 2
    assert run.take() is not None
    run.close()                 # each thread ends the chunk it runs
    assert native_threads() == before
    run = _core.analyze_run(batch[0], 1, **_core_options(None, "hòa", True))
    del run                     # dropped without close()
    assert native_threads() == before


def test_two_jobs_give_the_one_thread_results(batch):
    texts, dates = batch
    gaz = tintuc.Gazetteer()
    gaz.add("Sông Lam Xanh", "ORG", id="X-SLX")
    items = pd.Series(texts[:150] + ["Hợp tác xã Sông Lam Xanh ký kết với Nhật Bản.", None],
                      index=[f"d{k}" for k in range(152)])
    one = tintuc.analyze_many(items, published="2021-03-06", gazetteer=gaz)
    two = tintuc.analyze_many(items, published="2021-03-06", gazetteer=gaz, n_jobs=2)
    assert two.index == one.index and everything(two) == everything(one)
    assert any(e.id == "X-SLX" for e in two[150].entities)
    for table in ("entities", "events"):
        pd.testing.assert_frame_equal(two.frame(table), one.frame(table))
    # computed up front, in their caches
    assert all("entities" in d._cache and "times" in d._cache for d in two)


def test_an_error_in_the_rules_stops_the_threads(batch, monkeypatch):
    before = native_threads()
    calls = []

    def failing(docs):
        calls.append(len(docs))
        if len(calls) == 2:
            raise RuntimeError("rules failed")
        return rules(docs)

    rules = _piped.rules
    monkeypatch.setattr(_piped, "rules", failing)
    with pytest.raises(RuntimeError, match="rules failed"):
        tintuc.analyze_many(batch[0], n_jobs=2)
    assert native_threads() == before


def test_ctrl_c_stops_the_call_and_its_threads(batch):
    before = native_threads()
    main = threading.get_ident()
    timer = threading.Timer(0.05, signal.pthread_kill, (main, signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            tintuc.analyze_many(batch[0] * 20, n_jobs=2)
    finally:
        timer.cancel()
    assert native_threads() == before
