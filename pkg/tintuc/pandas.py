"""``import tintuc.pandas`` registers the ``.tintuc`` accessor on pandas Series of text.

>>> import pandas as pd, tintuc.pandas
>>> s = pd.Series(["Hoà bình", None])
>>> s.tintuc.normalize().tolist()
['Hòa bình', None]

Element-wise results (``normalize``, ``word_tokenize``, ``sent_tokenize``) keep the Series'
index and pass missing values through. Multi-row results (``words``, ``entities``,
``events``) come in the shape of ``Series.str.extractall``: a DataFrame indexed by (original
index, ``match``), with no rows for missing or empty texts. The columns of ``entities`` and
``events`` are those of ``Corpus.entities_frame`` / ``events_frame`` without ``doc`` and the
mention/event number (which became the index).
"""
from __future__ import annotations

import pandas as pd

from . import frames as _frames
from .corpus import analyze_many
from .schema import ENTITY_COLUMNS, EVENT_COLUMNS, documented

__all__ = ["TintucAccessor", "to_extractall"]

_TEXT_TYPES = ("string", "empty")


def _check_text(series: pd.Series) -> None:
    """Accept string dtypes and object/categorical Series holding only str and missing values."""
    dtype = series.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        values = dtype.categories
    elif dtype == object or pd.api.types.is_string_dtype(dtype):
        values = series
    else:
        raise AttributeError(f"Can only use .tintuc accessor with string values, not {dtype}")
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind not in _TEXT_TYPES:
        raise AttributeError(f"Can only use .tintuc accessor with string values (this one holds {kind} values)")


def to_extractall(df: pd.DataFrame, key: str, number: str, original: pd.Index) -> pd.DataFrame:
    """A frame with ``key`` (original index values) and ``number`` columns, re-indexed as
    ``str.extractall`` does: (original index level(s)..., "match")."""
    names = list(original.names) + ["match"]
    if isinstance(original, pd.MultiIndex):
        tuples = [tuple(k) + (int(m),) for k, m in zip(df[key], df[number])]
    else:
        tuples = [(k, int(m)) for k, m in zip(df[key], df[number])]
    index = pd.MultiIndex.from_tuples(tuples, names=names) if tuples else \
        pd.MultiIndex.from_arrays([[] for _ in names], names=names)
    out = df.drop(columns=[key, number])
    out.index = index
    return out


def _published_values(published, index: pd.Index):
    """One date for all, or a Series aligned on ``index`` by label, or a list in order."""
    if isinstance(published, pd.Series):
        if not published.index.equals(index):
            published = published.reindex(index)
        return published.tolist()
    return published


@pd.api.extensions.register_series_accessor("tintuc")
class TintucAccessor:
    """Vietnamese news analysis on a Series of str (see the module docstring for the shapes)."""

    def __init__(self, series: pd.Series):
        _check_text(series)
        self._s = series

    # --- element-wise ------------------------------------------------------------------------

    def _map(self, fn, dtype=object) -> pd.Series:
        s = self._s
        mask = s.isna().to_numpy()
        values = [None if m else v for v, m in zip(s.tolist(), mask)]
        present = [v for v in values if v is not None]
        done = iter(fn(present) if present else [])
        out = [s.iloc[i] if m else next(done) for i, m in enumerate(mask)]
        return pd.Series(out, index=s.index, name=s.name, dtype=dtype)

    def normalize(self, *, tone="hòa", fold_punct=True) -> pd.Series:
        """:func:`tintuc.normalize` per element, in one C call; missing values stay as they are.
        A string dtype is kept; other Series give object dtype."""
        from . import normalize_many
        dtype = self._s.dtype if pd.api.types.is_string_dtype(self._s.dtype) else object
        return self._map(lambda xs: normalize_many(xs, tone=tone, fold_punct=fold_punct), dtype)

    def word_tokenize(self, format=None) -> pd.Series:
        """:func:`tintuc.word_tokenize` per element: lists of words, or str with ``format="text"``."""
        from .words import word_tokenize_many
        return self._map(lambda xs: word_tokenize_many(xs, format=format))

    def sent_tokenize(self) -> pd.Series:
        """:func:`tintuc.sent_tokenize` per element: a list of sentence strings."""
        from ._text import sent_tokenize
        return self._map(lambda xs: [sent_tokenize(x) for x in xs])

    # --- multi-row, in str.extractall shape ----------------------------------------------------

    def analyze(self, *, published=None, gazetteer=None, n_jobs: int = 1, progress: bool = False):
        """:func:`tintuc.analyze_many` over the Series: a Corpus keeping its index. ``published``
        is one date, a list, or a Series (aligned by index)."""
        s = self._s
        values = [None if m else v for v, m in zip(s.tolist(), s.isna().to_numpy())]
        return analyze_many(pd.Series(values, index=s.index, dtype=object),
                            published=_published_values(published, s.index),
                            gazetteer=gazetteer, n_jobs=n_jobs, progress=progress)

    def words(self) -> pd.DataFrame:
        """Segmented words with offsets: columns text (string), start, end (Int64), kind
        (category), indexed by (original index, match)."""
        corpus = self.analyze()
        doc, match, text, start, end, kind = [], [], [], [], [], []
        for key, d in zip(corpus.index, corpus):
            for k, w in enumerate(d.words):
                doc.append(key)
                match.append(k)
                text.append(w.text)
                start.append(w.start)
                end.append(w.end)
                kind.append(w.kind)
        df = pd.DataFrame({
            "doc": pd.Series(doc, dtype=object), "match": match,
            "text": pd.array(text, dtype="string"), "start": pd.array(start, dtype="Int64"),
            "end": pd.array(end, dtype="Int64"), "kind": pd.Categorical(kind),
        })
        return to_extractall(df, "doc", "match", self._s.index)

    @documented([c for c in ENTITY_COLUMNS if c[0] not in ("doc", "mention")])
    def entities(self, *, published=None, gazetteer=None, n_jobs: int = 1) -> pd.DataFrame:
        """Entity mentions, indexed by (original index, match)."""
        corpus = self.analyze(published=published, gazetteer=gazetteer, n_jobs=n_jobs)
        return to_extractall(_frames.entities_frame(corpus), "doc", "mention", self._s.index)

    @documented([c for c in EVENT_COLUMNS if c[0] not in ("doc", "event")])
    def events(self, *, published=None, gazetteer=None, n_jobs: int = 1) -> pd.DataFrame:
        """Event mentions, indexed by (original index, match); ``published`` anchors dates."""
        corpus = self.analyze(published=published, gazetteer=gazetteer, n_jobs=n_jobs)
        return to_extractall(_frames.events_frame(corpus), "doc", "event", self._s.index)
