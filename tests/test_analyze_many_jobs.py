"""analyze_many with several jobs (forked processes on Linux, threads elsewhere) gives exactly the
one-thread results; its progress bar counts documents."""
import pandas as pd
import pytest

import tintuc

N_DOCS = 400  # several chunks of the C core each, so that threads really interleave


@pytest.fixture(scope="module")
def texts(dantri):
    return [r["text"] for r in dantri[:N_DOCS]], [r["date"] for r in dantri[:N_DOCS]]


def core_parts(corpus):
    return [(d.text, d.published, d.tokens, d.words, d.sentences, d.times, d.quantities) for d in corpus]


@pytest.mark.parametrize("n_jobs", [3, -1])
def test_threads_give_the_one_thread_results(texts, n_jobs):
    docs, dates = texts
    one = tintuc.analyze_many(docs, published=dates, n_jobs=1)
    many = tintuc.analyze_many(docs, published=dates, n_jobs=n_jobs)
    assert len(one) == len(many) == N_DOCS
    assert core_parts(many) == core_parts(one)
    if n_jobs == 3:  # entities and events build on the core's arrays: once is enough
        for table in ("entities", "events"):
            pd.testing.assert_frame_equal(many.frame(table), one.frame(table))


def test_threads_keep_a_series_index_and_missing_texts(texts):
    docs, _ = texts
    s = pd.Series(docs[:200] + [None], index=[f"d{k}" for k in range(201)])
    one = tintuc.analyze_many(s, n_jobs=1)
    many = tintuc.analyze_many(s, n_jobs=2)
    assert many.index == one.index == list(s.index)
    assert core_parts(many) == core_parts(one)
    assert many[200].text == "" and many[200].sentences == []


def test_progress_bar_counts_every_document(texts, capsys):
    docs, _ = texts
    tintuc.analyze_many(docs, n_jobs=2, progress=True)
    err = capsys.readouterr().err
    assert "tintuc" in err and f"{N_DOCS}/{N_DOCS}" in err and "100%" in err
    tintuc.analyze_many(docs[:10], progress=False)
    assert capsys.readouterr().err == ""


def test_frame_progress_bar(capsys):
    corpus = tintuc.analyze_many(["Hai bên nhất trí hợp tác.", "Mỹ và Nhật Bản điện đàm."])
    corpus.events_frame(progress=True)
    err = capsys.readouterr().err
    assert "tintuc events" in err and "2/2" in err
