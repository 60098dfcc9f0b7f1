"""Corpus frames: schema, one row per mention, keys that join, offsets, export round trips."""
import io
import json
import pathlib

import pandas as pd
import pytest

import tintuc
from tintuc import frames, schema

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"

STRING = pd.StringDtype()


def expected_dtype(dtype, doc_dtype):
    if dtype == "doc":
        return doc_dtype
    if dtype == "list":
        return object
    if dtype == "category":
        return "category"
    return pd.api.types.pandas_dtype(dtype)


def check_schema(df: pd.DataFrame, columns, doc_dtype="int64"):
    assert list(df.columns) == [c[0] for c in columns]
    for name, dtype, cats, _ in columns:
        want = expected_dtype(dtype, doc_dtype)
        if want == "category":
            assert isinstance(df[name].dtype, pd.CategoricalDtype), name
            assert list(df[name].cat.categories[:len(cats)]) == list(cats), name
        else:
            assert df[name].dtype == want, (name, df[name].dtype, want)


@pytest.fixture(scope="module")
def sample():
    return tintuc.analyze_many(tintuc.read(SAMPLE))


@pytest.fixture(scope="module")
def sample_frames(sample):
    return sample.articles_frame(), sample.entities_frame(), sample.events_frame()


def test_empty_corpus_has_the_full_schema():
    corpus = tintuc.analyze_many([])
    for table, columns in schema.TABLES.items():
        df = corpus.frame(table)
        assert len(df) == 0
        check_schema(df, columns)


def test_schemas_of_a_real_corpus(sample_frames):
    arts, ents, evs = sample_frames
    check_schema(arts, schema.ARTICLE_COLUMNS)
    check_schema(ents, schema.ENTITY_COLUMNS)
    check_schema(evs, schema.EVENT_COLUMNS)


def test_articles_frame(sample, sample_frames):
    arts, ents, evs = sample_frames
    files = sorted(SAMPLE.glob("*.txt"))
    assert arts["doc"].tolist() == list(range(len(files)))
    assert arts["id"].tolist() == [f.stem for f in files]
    assert arts["published"].dt.strftime("%Y-%m-%d").tolist() == [f.name[:10] for f in files]
    assert arts["title"].tolist() == [f.read_text(encoding="utf-8").split("\n")[0] for f in files]
    assert arts["path"].tolist() == [str(f) for f in files]
    assert arts["chars"].tolist() == [len(d.text) for d in sample]
    assert arts["sentences"].tolist() == [len(d.sentences) for d in sample]
    # datelines and credits: every sample story is agency copy with a dateline
    assert arts["source"].notna().all() and arts["dateline"].notna().all()
    for doc, (_, row) in zip(sample, arts.iterrows()):
        assert row["source_id"] == doc.source.id
        assert row["dateline"] == (getattr(doc.dateline_place, "name", None) or doc.dateline_place.text)
        assert pd.isna(row["attributed_to"]) == (doc.attributed_to is None)
    # the counts are the other frames' rows per document
    assert arts["entities"].tolist() == [int((ents["doc"] == k).sum()) for k in arts["doc"]]
    assert arts["events"].tolist() == [int((evs["doc"] == k).sum()) for k in arts["doc"]]


def test_entity_rows_are_mentions_with_offsets_into_the_text(sample, sample_frames):
    _, ents, _ = sample_frames
    assert len(ents) == sum(len(d.entities) for d in sample) > 0
    assert set(ents["label"].dropna()) <= set(schema.LABELS)
    assert "LOC" in set(ents["label"])  # Nhật Bản, Hàn Quốc, Mỹ, Yemen ... are places
    for row in ents.itertuples(index=False):
        doc = sample[row.doc]
        assert doc.text[row.start:row.end] == row.text
        sent = doc.sentences[row.sentence]
        assert sent.start <= row.start < sent.end
    for _, group in ents.groupby("doc"):
        assert group["mention"].tolist() == list(range(len(group)))


def test_event_rows(sample, sample_frames):
    _, ents, evs = sample_frames
    assert len(evs) == sum(len(d.events) for d in sample) > 0
    assert {"CONSULT", "ASSAULT"} <= set(evs["type"].astype(str))
    for row in evs.itertuples(index=False):
        doc = sample[row.doc]
        ev = doc.events[row.event]
        assert doc.text[row.start:row.end] == row.trigger == ev.trigger.text
        assert row.type == ev.type and row.sentence == ev.sentence
        # actors and recipients name entities of the same document
        keys = set(ents.loc[ents["doc"] == row.doc, "id"].dropna()) | \
            set(ents.loc[ents["doc"] == row.doc, "name"].dropna())
        assert set(row.actors) <= keys and set(row.recipients) <= keys
        assert len(row.actors) == len(ev.actors) and len(row.recipients) == len(ev.recipients)
        if row.actors:
            assert row.actor_names.count("; ") == len(row.actors) - 1
        assert row.date_source in ("text", "published") or pd.isna(row.date_source)
        if not pd.isna(row.date):
            assert row.date <= row.date_end
    for _, group in evs.groupby("doc"):
        assert group["event"].tolist() == list(range(len(group)))


def test_frames_join_on_doc(sample_frames):
    arts, ents, evs = sample_frames
    joined = ents.merge(arts[["doc", "title", "published"]], on="doc", how="left", validate="many_to_one")
    assert len(joined) == len(ents) and joined["title"].notna().all()
    joined = evs.merge(arts[["doc", "id"]], on="doc", how="left", validate="many_to_one")
    assert joined["id"].notna().all()


def test_series_index_becomes_doc_and_missing_texts_give_no_rows():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*.txt"))]
    s = pd.Series(texts + [None], index=[f"bai-{k}" for k in range(len(texts))] + ["trong"])
    corpus = tintuc.analyze_many(s)
    arts, ents = corpus.articles_frame(), corpus.entities_frame()
    check_schema(arts, schema.ARTICLE_COLUMNS, STRING)
    check_schema(ents, schema.ENTITY_COLUMNS, STRING)
    assert arts["doc"].tolist() == list(s.index)
    assert arts.loc[arts["doc"] == "trong", ["chars", "entities", "events"]].iloc[0].tolist() == [0, 0, 0]
    assert "trong" not in set(ents["doc"])


def test_categories_keep_values_outside_the_fixed_lists():
    built = frames._build(schema.ENTITY_COLUMNS, {
        "doc": [0], "mention": [0], "sentence": [0], "start": [0], "end": [2], "text": ["Ab"],
        "label": ["DATE"], "id": [None], "name": ["Ab"], "source": ["typo"], "score": [0.5]}, "int64")
    assert built["label"].tolist() == ["DATE"] and built["source"].tolist() == ["typo"]
    assert list(built["label"].cat.categories) == list(schema.LABELS) + ["DATE"]


def test_dates_out_of_nanosecond_range_survive():
    data = {c[0]: [None, None] for c in schema.ARTICLE_COLUMNS}
    data.update({"doc": [0, 1], "published": [frames._day(pd.Timestamp("1401-01-01").date()), None]})
    built = frames._build(schema.ARTICLE_COLUMNS, data, "int64")
    assert built["published"].iloc[0].year == 1401 and pd.isna(built["published"].iloc[1])


def test_bad_table_name(sample):
    with pytest.raises(ValueError, match="table must be one of"):
        sample.frame("people")
    with pytest.raises(ValueError, match="table must be one of"):
        sample.to_jsonl(io.StringIO(), table="people")


def test_parquet_round_trip_keeps_dtypes_and_rows(sample, tmp_path):
    for table, columns in schema.TABLES.items():
        path = tmp_path / f"{table}.parquet"
        n = sample.to_parquet(path, table=table)
        back = pd.read_parquet(path)
        df = sample.frame(table)
        assert n == len(df) == len(back)
        check_schema(back, columns)
        for col in df.columns:
            if dict((c[0], c[1]) for c in columns)[col] == "list":
                assert [list(v) for v in back[col]] == [list(v) for v in df[col]]
            else:
                pd.testing.assert_series_equal(back[col], df[col], check_categorical=False)


def test_jsonl_export(sample, sample_frames, tmp_path):
    _, _, evs = sample_frames
    path = tmp_path / "events.jsonl"
    assert sample.to_jsonl(path) == len(evs)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(evs)
    for row, (_, want) in zip(rows, evs.iterrows()):
        assert list(row) == list(evs.columns)
        assert row["trigger"] == want["trigger"] and row["actors"] == list(want["actors"])
        assert row["date"] == (None if pd.isna(want["date"]) else want["date"].strftime("%Y-%m-%d"))
        assert row["dead"] == (None if pd.isna(want["dead"]) else int(want["dead"]))
        assert isinstance(row["negated"], bool)
    buf = io.StringIO()
    sample.to_jsonl(buf, table="articles")
    arts = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert [a["published"] for a in arts] == [p.name[:10] for p in sorted(SAMPLE.glob("*.txt"))]


def test_csv_export(sample, sample_frames):
    _, ents, _ = sample_frames
    buf = io.StringIO()
    assert sample.to_csv(buf, table="entities") == len(ents)
    back = pd.read_csv(io.StringIO(buf.getvalue()), keep_default_na=False)
    assert back["text"].tolist() == ents["text"].tolist()
    assert back["start"].tolist() == ents["start"].tolist()


def test_docstrings_list_the_columns():
    for method, columns in ((tintuc.Corpus.events_frame, schema.EVENT_COLUMNS),
                            (tintuc.Corpus.entities_frame, schema.ENTITY_COLUMNS),
                            (tintuc.Corpus.articles_frame, schema.ARTICLE_COLUMNS)):
        for name, *_ in columns:
            assert f"\n    {name} " in method.__doc__, name
