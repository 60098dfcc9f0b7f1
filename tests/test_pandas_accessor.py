"""The .tintuc Series accessor: element-wise results keep the index, multi-row results come in
str.extractall shape, NA passes through, non-text Series are refused like pandas does."""
import pathlib

import numpy as np
import pandas as pd
import pytest

import tintuc
import tintuc.pandas  # noqa: F401  (registers the accessor)
from tintuc import schema

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"

TEXTS = {
    "a": "Ngoại trưởng Nhật Bản điện đàm với người đồng cấp Hàn Quốc. Hai bên nhất trí hợp tác.",
    "b": None,
    "c": "Hoà bình cho thuỷ thủ ở Yemen.",
}


@pytest.fixture
def series():
    return pd.Series(list(TEXTS.values()), index=pd.Index(list(TEXTS), name="bai"), dtype=object)


def test_normalize_is_elementwise_with_na_passing_through(series):
    out = series.tintuc.normalize()
    assert out.index.equals(series.index) and out.name == series.name
    assert out["a"] == tintuc.normalize(TEXTS["a"])
    assert out["c"] == "Hòa bình cho thủy thủ ở Yemen."
    assert out["b"] is None
    hoa = series.tintuc.normalize(tone="hoà")
    assert hoa["c"] == "Hoà bình cho thuỷ thủ ở Yemen."


@pytest.mark.parametrize("dtype", ["string", "str"])
def test_normalize_keeps_a_string_dtype(series, dtype):
    s = series.astype(dtype)
    out = s.tintuc.normalize()
    assert out.dtype == s.dtype
    assert pd.isna(out["b"]) and out["c"] == "Hòa bình cho thủy thủ ở Yemen."


def test_nan_and_pd_na_pass_through():
    s = pd.Series(["Hoà", np.nan, pd.NA, None], dtype=object)
    out = s.tintuc.normalize()
    assert out[0] == "Hòa"
    assert out[1] is np.nan or (isinstance(out[1], float) and np.isnan(out[1]))
    assert out[2] is pd.NA and out[3] is None


def test_word_and_sentence_tokenize(series):
    words = series.tintuc.word_tokenize()
    assert words["a"] == tintuc.word_tokenize(TEXTS["a"]) and words["b"] is None
    text = series.tintuc.word_tokenize(format="text")
    assert text["a"] == tintuc.word_tokenize(TEXTS["a"], format="text")
    sents = series.tintuc.sent_tokenize()
    assert sents["a"] == tintuc.sent_tokenize(TEXTS["a"]) and len(sents["a"]) == 2
    assert sents["b"] is None


def test_words_in_extractall_shape(series):
    df = series.tintuc.words()
    assert df.index.names == ["bai", "match"]
    assert list(df.columns) == ["text", "start", "end", "kind"]
    assert set(df.index.get_level_values("bai")) == {"a", "c"}  # no rows for the missing text
    for (key, match), row in df.iterrows():
        assert TEXTS[key][row.start:row.end] == row.text
    a = df.loc["a"]
    assert list(a.index) == list(range(len(a)))
    assert a["text"].tolist() == tintuc.word_tokenize(TEXTS["a"])
    # the same shape as pandas' own extractall
    pandas_shape = series.str.extractall(r"(\w+)")
    assert pandas_shape.index.names == df.index.names


def test_entities_and_events_in_extractall_shape(series):
    ents = series.tintuc.entities()
    assert ents.index.names == ["bai", "match"]
    assert list(ents.columns) == [c[0] for c in schema.ENTITY_COLUMNS if c[0] not in ("doc", "mention")]
    assert len(ents) > 0 and "b" not in set(ents.index.get_level_values(0))
    for (key, match), row in ents.iterrows():
        assert TEXTS[key][row.start:row.end] == row.text
    corpus = tintuc.analyze_many(series)
    assert len(ents) == sum(len(d.entities) for d in corpus)
    evs = series.tintuc.events(published="2023-03-14")
    assert evs.index.names == ["bai", "match"]
    assert list(evs.columns) == [c[0] for c in schema.EVENT_COLUMNS if c[0] not in ("doc", "event")]
    assert "CONSULT" in set(evs["type"].astype(str))
    for (key, match), row in evs.iterrows():
        assert TEXTS[key][row.start:row.end] == row.trigger


def test_published_series_is_aligned_by_index():
    texts = pd.Series(["Ngày 28/12, hai bên ký thỏa thuận.", "Ngày 28/12, hai bên ký thỏa thuận."],
                      index=["x", "y"])
    published = pd.Series(["2021-01-03", "2020-12-30"], index=["y", "x"])  # other order
    corpus = texts.tintuc.analyze(published=published)
    assert [d.published.isoformat() for d in corpus] == ["2020-12-30", "2021-01-03"]


def test_multiindex_rows_are_flattened_like_extractall():
    s = pd.Series(["Nhật Bản và Hàn Quốc.", "Mỹ."],
                  index=pd.MultiIndex.from_tuples([(2020, "x"), (2021, "y")], names=["nam", "bai"]))
    df = s.tintuc.words()
    assert df.index.names == ["nam", "bai", "match"]
    assert df.loc[(2021, "y", 0), "text"] == "Mỹ"


def test_empty_series():
    s = pd.Series([], dtype=object)
    assert len(s.tintuc.normalize()) == 0
    df = s.tintuc.entities()
    assert len(df) == 0 and df.index.nlevels == 2


@pytest.mark.parametrize("values", [[1, 2], [1.5, 2.5], [True, False], ["a", 1],
                                    pd.to_datetime(["2020-01-01"])])
def test_non_text_series_has_no_accessor(values):
    s = pd.Series(values)
    with pytest.raises(AttributeError, match="Can only use .tintuc accessor with string values"):
        s.tintuc
    assert not hasattr(s, "tintuc")


def test_categorical_of_strings_is_text():
    s = pd.Series(["Hoà", "Hoà", None], dtype="category")
    assert s.tintuc.normalize().tolist()[:2] == ["Hòa", "Hòa"]
