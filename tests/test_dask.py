"""tintuc.dask on a real distributed cluster with two worker processes: the same entity and event
rows as one process."""
import logging
import pickle

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe", reason="dask is in the [dask] and [test] extras")
distributed = pytest.importorskip("distributed")

import tintuc  # noqa: E402
import tintuc.dask  # noqa: E402
from tintuc import schema  # noqa: E402

N_DOCS = 2000
PARTITIONS = 8


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                       dashboard_address=None, silence_logs=logging.ERROR)
    with cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def frame(dantri):
    rows = dantri[:N_DOCS]
    return pd.DataFrame({"text": [r["text"] for r in rows], "date": [r["date"] for r in rows]},
                        index=pd.Index([r["doc_id"] for r in rows], name="doc_id"))


@pytest.fixture(scope="module")
def ddf(frame, tmp_path_factory):
    """The articles as the workers would find them: Parquet files, one partition each."""
    folder = tmp_path_factory.mktemp("parquet")
    step = -(-len(frame) // PARTITIONS)
    for k in range(PARTITIONS):
        frame.iloc[k * step:(k + 1) * step].to_parquet(folder / f"part-{k:02d}.parquet")
    return dd.read_parquet(sorted(folder.glob("*.parquet")))


@pytest.fixture(scope="module")
def one_process(frame):
    corpus = tintuc.analyze_many(frame["text"], published=frame["date"].tolist())
    return corpus.entities_frame(), corpus.events_frame()


def sort(df, by):
    """Rows in document order; categoricals as their values (dask's concatenation orders the
    categories beyond the fixed ones by first appearance, one process sorts them)."""
    df = df.sort_values(["doc", by], kind="stable").reset_index(drop=True)
    for col in df.columns:
        if isinstance(df[col].dtype, pd.CategoricalDtype):
            df[col] = df[col].astype(object)
    return df


def test_cluster_gives_the_one_process_rows(client, ddf, one_process):
    assert ddf.npartitions == PARTITIONS
    ents = tintuc.dask.entities(ddf, "text")
    evs = tintuc.dask.events(ddf, "text", published="date")
    # the lazy frames announce the schema before anything runs
    assert list(ents.columns) == [c[0] for c in schema.ENTITY_COLUMNS]
    assert list(evs.columns) == [c[0] for c in schema.EVENT_COLUMNS]
    ents, evs = client.compute([ents, evs], sync=True)
    # both worker processes took part
    assert len(client.scheduler_info()["workers"]) == 2
    want_ents, want_evs = one_process
    assert len(want_ents) > 0 and len(want_evs) > 0
    pd.testing.assert_frame_equal(sort(ents, "mention"), sort(want_ents, "mention"))
    # clusters too: the mentions of all partitions are clustered together
    pd.testing.assert_frame_equal(sort(evs, "event"), sort(want_evs, "event"))
    assert [list(a) for a in evs["actors"]] == [list(a) for a in want_evs["actors"]]


def test_published_as_one_date_and_articles(client, frame):
    small = frame.iloc[:60]
    ddf = dd.from_pandas(small, npartitions=3)
    arts = tintuc.dask.articles(ddf, "text", published="2020-10-01").compute()
    assert pd.api.types.is_datetime64_dtype(arts["published"].dtype)
    assert arts["doc"].tolist() == list(small.index)
    assert set(arts["published"].dt.strftime("%Y-%m-%d")) == {"2020-10-01"}
    with pytest.raises(ValueError, match="published"):
        tintuc.dask.events(ddf, "text", published="không phải ngày")


def test_a_custom_gazetteer_travels_to_the_workers(client):
    gaz = tintuc.Gazetteer()
    gaz.add("Hợp tác xã Sông Lam Xanh", "ORG", id="X-SLX", aliases=("HTX Sông Lam Xanh",))
    texts = pd.Series(["Hợp tác xã Sông Lam Xanh vừa ký hợp đồng mới.", "Ông Ba làm ở HTX Sông Lam Xanh.",
                       None, "Không có tên nào ở đây."], index=[10, 11, 12, 13])
    ddf = dd.from_pandas(texts.to_frame("text"), npartitions=2)
    got = tintuc.dask.entities(ddf, "text", gazetteer=gaz).compute()
    want = tintuc.analyze_many(texts, gazetteer=gaz).entities_frame()
    assert got.loc[got["id"] == "X-SLX", "doc"].tolist() == [10, 11]
    pd.testing.assert_frame_equal(sort(got, "mention"), sort(want, "mention"))


def test_bad_columns(frame):
    ddf = dd.from_pandas(frame.iloc[:10].assign(n=range(10)), npartitions=1)
    with pytest.raises(KeyError, match="no column 'body'"):
        tintuc.dask.entities(ddf, "body")
    with pytest.raises(TypeError, match="must hold text"):
        tintuc.dask.entities(ddf, "n")
    with pytest.raises(ValueError, match="table must be one of"):
        tintuc.dask.frame(ddf, "text", table="people")


def test_what_workers_need_pickles():
    from tintuc.dask import _partition
    assert pickle.loads(pickle.dumps(_partition)) is _partition
    doc = tintuc.analyze("Hai bên nhất trí.")
    assert pickle.loads(pickle.dumps(doc.published)) == doc.published
