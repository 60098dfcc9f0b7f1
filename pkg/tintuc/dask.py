"""Dask: entities and events of a text column of a dask DataFrame, partition by partition.

Each partition goes through :func:`tintuc.analyze_many` on whichever worker holds it; the
result has the columns of ``Corpus.entities_frame()`` / ``events_frame()``, with ``doc``
holding the dask DataFrame's index values. What the workers need pickles: the function and
its arguments, and a custom gazetteer, which is sent once as its serialized bytes and loaded
once per worker process (the built-in gazetteer is loaded from the package on each worker).

Event clusters (``cluster``) are computed within a partition, so mentions of one event in
different partitions get different cluster values; everything else matches a one-process run.
"""
from __future__ import annotations

import functools
import pickle

import pandas as pd

from . import frames
from .corpus import analyze_many

__all__ = ["entities", "events", "articles", "frame"]


@functools.lru_cache(maxsize=4)
def _gazetteer_from(blob: bytes):
    return pickle.loads(blob)


def _partition(df: pd.DataFrame, column: str, published, published_column: str | None,
               gazetteer_blob: bytes | None, table: str) -> pd.DataFrame:
    gazetteer = _gazetteer_from(gazetteer_blob) if gazetteer_blob is not None else None
    texts = df[column]
    texts = pd.Series([None if m else v for v, m in zip(texts.tolist(), texts.isna().to_numpy())],
                      index=df.index, dtype=object)
    pubs = df[published_column].tolist() if published_column is not None else published
    corpus = analyze_many(texts, published=pubs, gazetteer=gazetteer)
    return frames.frame(corpus, table)


def frame(ddf, column: str, *, table: str = "events", published=None, gazetteer=None):
    """The ``table`` frame ("events", "entities" or "articles") of ``ddf[column]`` as a lazy
    dask DataFrame (call ``.compute()``). ``published`` is the name of a column of ``ddf`` with
    the publication dates, or one date for every row."""
    if table not in frames.TABLES:
        raise ValueError(f"table must be one of {', '.join(map(repr, frames.TABLES))}, not {table!r}")
    if column not in ddf.columns:
        raise KeyError(f"no column {column!r} in the dask DataFrame (columns: {', '.join(map(str, ddf.columns))})")
    dtype = ddf[column].dtype
    if not (dtype == object or pd.api.types.is_string_dtype(dtype)):
        raise TypeError(f"column {column!r} must hold text, not {dtype}")
    published_column = None
    if isinstance(published, str) and published in ddf.columns:
        published_column, published = published, None
    elif published is not None:
        from .document import parse_published
        published = parse_published(published)  # a bad date fails here, not on a worker
    blob = pickle.dumps(gazetteer) if gazetteer is not None else None
    meta = frames.empty_frame(table, frames.doc_dtype(ddf._meta.index))
    return ddf.map_partitions(_partition, column, published, published_column, blob, table,
                              meta=meta, align_dataframes=False)


def entities(ddf, column: str, *, published=None, gazetteer=None):
    """One row per entity mention in ``ddf[column]`` (columns of ``Corpus.entities_frame``)."""
    return frame(ddf, column, table="entities", published=published, gazetteer=gazetteer)


def events(ddf, column: str, *, published=None, gazetteer=None):
    """One row per event mention in ``ddf[column]`` (columns of ``Corpus.events_frame``);
    ``published`` is a column name or one date, for dates without a year."""
    return frame(ddf, column, table="events", published=published, gazetteer=gazetteer)


def articles(ddf, column: str, *, published=None, gazetteer=None):
    """One row per text in ``ddf[column]`` with its counts (columns of ``Corpus.articles_frame``)."""
    return frame(ddf, column, table="articles", published=published, gazetteer=gazetteer)
