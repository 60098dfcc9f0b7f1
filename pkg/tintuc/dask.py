"""Dask: entities and events of a text column of a dask DataFrame, partition by partition.

Each partition goes through :func:`tintuc.analyze_many` on whichever worker holds it; the
results have the columns of ``Corpus.entities_frame()`` / ``events_frame()`` /
``articles_frame()``, with ``doc`` holding the dask DataFrame's index values. What the workers
need pickles: the function and its arguments, and a custom gazetteer, which is sent once as
its serialized bytes and loaded once per worker process (the built-in gazetteer is loaded
from the package on each worker).

Events are extracted on the workers, then clustered across all partitions in one last task,
so ``cluster`` numbers mentions exactly as one ``analyze_many`` over the whole column does;
the events frame therefore comes as a single partition (event rows are small next to texts).
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


def _corpus(df: pd.DataFrame, column: str, published, published_column, gazetteer_blob):
    gazetteer = _gazetteer_from(gazetteer_blob) if gazetteer_blob is not None else None
    texts = df[column]
    texts = pd.Series([None if m else v for v, m in zip(texts.tolist(), texts.isna().to_numpy())],
                      index=df.index, dtype=object)
    pubs = df[published_column].tolist() if published_column is not None else published
    return analyze_many(texts, published=pubs, gazetteer=gazetteer)


def _partition(df: pd.DataFrame, table: str, *args) -> pd.DataFrame:
    """The ``table`` frame of one partition (on a worker)."""
    return frames.frame(_corpus(df, *args), table)


def _mentions(df: pd.DataFrame, *args) -> list:
    """(doc key, published, unclustered event mentions) of one partition (on a worker)."""
    from .events import extract_mentions
    corpus = _corpus(df, *args)
    return [(key, doc.published, extract_mentions(doc)) for key, doc in zip(corpus.index, corpus)]


def _clustered(parts: list, doc_type) -> pd.DataFrame:
    """The events frame of every partition's mentions, clustered together (the last task)."""
    from .events import assign
    items = [item for part in parts for item in part]
    clustered = assign([m for _, _, m in items], [p for _, p, _ in items])
    return frames.events_frame_of(((key, pub, evs) for (key, pub, _), evs in zip(items, clustered)),
                                  doc_type)


def _arguments(ddf, column, published, gazetteer):
    """Checks on the client, so that mistakes fail here rather than on a worker; the
    arguments every partition gets."""
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
        published = parse_published(published)
    blob = pickle.dumps(gazetteer) if gazetteer is not None else None
    return column, published, published_column, blob


def frame(ddf, column: str, *, table: str = "events", published=None, gazetteer=None):
    """The ``table`` frame ("events", "entities" or "articles") of ``ddf[column]`` as a lazy
    dask DataFrame (call ``.compute()``). ``published`` is the name of a column of ``ddf`` with
    the publication dates, or one date for every row."""
    if table not in frames.TABLES:
        raise ValueError(f"table must be one of {', '.join(map(repr, frames.TABLES))}, not {table!r}")
    args = _arguments(ddf, column, published, gazetteer)
    doc_type = frames.doc_dtype(ddf._meta.index)
    meta = frames.empty_frame(table, doc_type)
    import dask
    import dask.dataframe as dd
    # dask turns object columns into strings by default: "['Q30', 'Q148']" for a list of ids
    with dask.config.set({"dataframe.convert-string": False}):
        if table != "events":
            return ddf.map_partitions(_partition, table, *args, meta=meta, align_dataframes=False)
        parts = [dask.delayed(_mentions)(part, *args) for part in ddf.to_delayed()]
        return dd.from_delayed([dask.delayed(_clustered)(parts, doc_type)], meta=meta, verify_meta=False)


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
