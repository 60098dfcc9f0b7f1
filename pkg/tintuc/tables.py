"""A table of many articles written batch by batch, so that memory holds one batch of analyzed
documents at a time rather than a whole year of news.

A document's core arrays and results take several times the size of its text; a corpus of every
article at once would take gigabytes. Here each batch goes through :func:`tintuc.analyze_many`,
its rows are written, and its documents are let go. Entity and article rows belong to one
document each, so batches change nothing in them. Event mentions are clustered across every
batch at the end (tintuc.events.assign, as tintuc.dask does across partitions), so ``cluster``
numbers them as one ``analyze_many`` over all the articles would: until then each batch's rows
wait in a temporary file and only what clustering reads of each mention stays in memory.

    >>> tintuc.tables.write_table(tintuc.read("articles/"), "events.parquet")  # doctest: +SKIP
"""
from __future__ import annotations

import collections.abc
import contextlib
import io
import itertools
import os

from .corpus import Corpus, analyze_many, let_go

# (frames and export need pandas: imported when a table is written, so that the command line
# reads BATCH without it)

__all__ = ["BATCH", "write_table", "TableWriter", "ArticleKeys"]

# articles analyzed at once: a few tens of megabytes of documents, and for n_jobs > 1 enough
# to share among the processes (each batch is one call to the kept workers)
BATCH = 2000


class TableWriter:
    """Frames of one table appended to one destination (a path, or a text stream for JSONL and
    CSV): JSON Lines row after row, CSV with its header once, Parquet as row groups of one file
    whose schema the first frame sets."""

    def __init__(self, dest, format: str):
        if format not in ("jsonl", "csv", "parquet"):
            raise ValueError(f"format must be 'jsonl', 'csv' or 'parquet', not {format!r}")
        if format == "parquet" and isinstance(dest, io.TextIOBase):
            raise ValueError("Parquet is binary: give a file path or a binary stream, not a text stream")
        self.dest, self.format = dest, format
        self.rows = 0
        self._stream = None     # the text stream written to, for JSONL and CSV
        self._close = False     # it was opened here
        self._parquet = None    # the pyarrow writer, once the first frame came
        self._schema = None

    def write(self, df) -> None:
        if self.format == "parquet":
            self._write_parquet(df)
        else:
            from .export import to_csv, to_jsonl
            first = self._stream is None
            if first:
                if isinstance(self.dest, (str, os.PathLike)):
                    self._stream, self._close = open(self.dest, "w", encoding="utf-8", newline=""), True
                else:
                    self._stream = self.dest
            if self.format == "csv":
                to_csv(df, self._stream, header=first)
            else:
                to_jsonl(df, self._stream)
        self.rows += len(df)

    def _write_parquet(self, df) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq
        if self._parquet is None:
            table = pa.Table.from_pandas(df, preserve_index=False)
            # a list column with no item in the first frame is list<null> there: list<string>,
            # as every list column of the tables is, so that later frames fit
            fields = [f.with_type(pa.list_(pa.string())) if pa.types.is_list(f.type)
                      and pa.types.is_null(f.type.value_type) else f for f in table.schema]
            self._schema = pa.schema(fields, metadata=table.schema.metadata)
            table = table.cast(self._schema)
            self._parquet = pq.ParquetWriter(self.dest, self._schema)
        else:
            # the same columns and types (a batch's categories may be others: each row group
            # keeps its own dictionary, and pandas reads them back as one categorical)
            table = pa.Table.from_pandas(df, schema=self._schema, preserve_index=False)
        self._parquet.write_table(table)

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None
        if self._close:
            self._stream.close()
            self._close = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class ArticleKeys:
    """The ``doc`` value of each article, given one at a time, as the table is written: its
    id (a file's stem, a row's ``id`` or ``doc_id``), so that the row names the article, with
    ``~2``, ``~3``… added to an id met before (``repeated`` is the first such id); the position
    from 0 for a text with no id."""

    def __init__(self):
        self.seen: dict = {}
        self.repeated = None
        self.n = 0

    def __call__(self, article):
        ident = getattr(article, "id", None)
        position, self.n = self.n, self.n + 1
        if not isinstance(ident, str):
            return position
        times = self.seen.get(ident, 0) + 1
        self.seen[ident] = times
        if times == 1:
            return ident
        if self.repeated is None:
            self.repeated = ident
        key = f"{ident}~{times}"
        while key in self.seen:     # "a~2" may itself be an id
            times += 1
            key = f"{ident}~{times}"
        self.seen[ident] = times
        self.seen[key] = 1
        return key


def write_table(articles, dest, *, table: str = "events", format: str | None = None, batch: int = BATCH,
                n_jobs: int = 1, published=None, gazetteer=None, keys=None, tick=None) -> int:
    """Analyze ``articles`` (str or :class:`tintuc.Article` items, as for
    :func:`tintuc.analyze_many`: a list, a pandas Series, or any iterable, such as
    :func:`tintuc.iter_read`, taken a batch at a time) ``batch`` at a time and write their
    ``table`` ("events", "entities" or "articles") to ``dest`` in ``format`` ("jsonl", "csv"
    or "parquet"; from the suffix of a path when None, else JSON Lines). The rows are those of
    ``analyze_many(articles).frame(table)``, keyed by ``keys``: the ``doc`` values of the
    articles (default: a Series' index, else :class:`ArticleKeys`: each article's id, a
    repeated one with ``~2``, ``~3``… added and a warning, or its position for a text with no
    id). ``published`` is one date for all or a sequence of one per article. ``tick(k)`` is
    told of every k articles done. Returns the rows written."""
    import warnings

    from . import frames
    from .export import format_of
    if table not in frames.TABLES:
        raise ValueError(f"table must be one of {', '.join(map(repr, frames.TABLES))}, not {table!r}")
    if not isinstance(batch, int) or batch < 1:
        raise ValueError(f"batch must be a positive int, not {batch!r}")
    if hasattr(articles, "index") and hasattr(articles, "tolist") and not isinstance(articles, (list, tuple)):
        if keys is None:    # a pandas Series: its index, as analyze_many keeps it
            keys = list(articles.index)
        articles = articles.tolist()
    if hasattr(articles, "__len__"):    # a list: wrong lengths refused before anything is written
        for what, values in (("keys", keys), ("published", published)):
            if isinstance(values, (list, tuple)) and len(values) != len(articles):
                raise ValueError(f"{what} has {len(values)} values for {len(articles)} articles")
    key_of = ArticleKeys()
    keys = None if keys is None else iter(keys)
    pubs = None if published is None else _per_article(published)
    if format is None:
        format = format_of(dest) or "jsonl"
    events = _EventRows() if table == "events" else None
    doc_type = None     # the doc column's dtype, set by the first batch
    items = iter(articles)
    count = 0
    with TableWriter(dest, format) as out, contextlib.ExitStack() as spill:
        if events is not None:
            spill.enter_context(events)
        while part := list(itertools.islice(items, batch)):
            count += len(part)
            part_keys = [key_of(a) for a in part] if keys is None else _next_keys(keys, len(part))
            corpus = Corpus(list(analyze_many(part, published=None if pubs is None else _next_keys(pubs, len(part)),
                                              gazetteer=gazetteer, n_jobs=n_jobs)), part_keys)
            if doc_type is None:
                doc_type = frames.doc_dtype(part_keys)
            if events is not None:
                events.add(corpus, doc_type)
            else:
                out.write(frames.frame(corpus, table))
            let_go(corpus)      # the batch goes now, not at a collection
            del corpus
            if tick is not None:
                tick(len(part))
        for extra, what in ((keys, "keys"), (None if _one_date(published) else pubs, "published")):
            if extra is not None and next(extra, _END) is not _END:
                raise ValueError(f"{what} has more values than there are articles")
        if key_of.repeated is not None:
            warnings.warn(f"article id {key_of.repeated!r} occurs more than once: the doc column "
                          "adds ~2, ~3... to the repeated ones", stacklevel=2)
        if doc_type is None:
            doc_type = frames.doc_dtype([])
        if events is not None:
            events.write(out, doc_type)
        elif count == 0:
            out.write(frames.empty_frame(table, doc_type))
        return out.rows


class _EventRows:
    """The events table of many batches: each batch's rows are set aside on disk as they are
    made (a temporary file), and only what clustering reads of each mention stays in memory
    (tintuc.events.cluster.Linker, fed batch by batch in document order); at the end the rows
    are read back one batch at a time with the clusters of every batch together, as one
    ``analyze_many`` over all the articles would number them."""

    def __init__(self):
        from .events.cluster import Linker
        self.linker = Linker()
        self.file = None

    def __enter__(self):
        import tempfile
        self.file = tempfile.TemporaryFile(prefix="tintuc-events-")
        return self

    def __exit__(self, *exc):
        self.file.close()

    def add(self, corpus, doc_type) -> None:
        import pickle

        from . import frames
        from .events.cluster import features
        items = [(key, doc.published, doc.events) for key, doc in zip(corpus.index, corpus)]
        for _, published, evs in items:
            feats = features(evs, published)
            for f in feats:
                f.settle()
            self.linker.add(feats)
        pickle.dump(frames.events_frame_of(items, doc_type), self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def write(self, out, doc_type) -> None:
        import pickle

        import pandas as pd

        from . import frames
        clusters = self.linker.clusters()
        self.file.seek(0)
        done = 0
        while True:
            try:
                df = pickle.load(self.file)
            except EOFError:
                break
            df["cluster"] = pd.Series(clusters[done:done + len(df)], index=df.index, dtype=df["cluster"].dtype)
            done += len(df)
            out.write(df)
        if done == 0:
            out.write(frames.empty_frame("events", doc_type))


_END = object()


def _next_keys(values, n: int) -> list:
    """The next ``n`` of an iterator of per-article values (keys, dates)."""
    got = list(itertools.islice(values, n))
    if len(got) != n:
        raise ValueError("there are more articles than keys or published dates")
    return got


def _one_date(published) -> bool:
    return isinstance(published, (str, bytes)) or not isinstance(published, collections.abc.Iterable)


def _per_article(published):
    """``published`` as an iterator of one value per article (one date for all, or a sequence)."""
    if _one_date(published):
        return itertools.repeat(published)
    if hasattr(published, "tolist"):
        published = published.tolist()
    return iter(published)
