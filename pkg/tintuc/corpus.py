"""Corpora: many documents analyzed in batches, the GIL-free C core on native threads beside
the rules (tintuc._piped) or in forked processes (tintuc._forked)."""
from __future__ import annotations

import collections.abc
import os

from . import _forked, _piped, schema
from ._bulk import no_collection
from .document import Document, parse_published, run_core
from .events.cluster import Group as events_group

__all__ = ["Corpus", "analyze_many"]

# Documents per call into C: large enough to amortize the call, small enough for a lively
# progress bar and for Ctrl-C between chunks.
CHUNK = 64
# jobs up to which the core runs on native threads beside the rules (tintuc._piped), rather
# than in forked processes (tintuc._forked): the rules, on one thread, are about half the work
PIPED_MAX = 2


class Corpus(collections.abc.Sequence):
    """A sequence of :class:`Document`, with the index of the input kept (a pandas Series'
    index, else 0..n-1)."""

    def __init__(self, documents: list, index=None):
        self._docs = list(documents)
        self.index = list(index) if index is not None else list(range(len(self._docs)))
        if len(self.index) != len(self._docs):
            raise ValueError("index and documents differ in length")

    def __len__(self) -> int:
        return len(self._docs)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return Corpus(self._docs[k], self.index[k])
        return self._docs[k]

    def __repr__(self) -> str:
        return f"<Corpus of {len(self)} documents>"

    # Frames and files: the code is in tintuc.frames and tintuc.export (they need pandas),
    # the columns in tintuc.schema.

    @schema.documented(schema.ARTICLE_COLUMNS)
    def articles_frame(self, *, progress: bool = False):
        """One row per document, a pandas DataFrame; ``progress=True`` shows a bar."""
        from .frames import articles_frame
        return articles_frame(self, progress=progress)

    @schema.documented(schema.ENTITY_COLUMNS)
    def entities_frame(self, *, progress: bool = False):
        """One row per entity mention, a pandas DataFrame; ``progress=True`` shows a bar."""
        from .frames import entities_frame
        return entities_frame(self, progress=progress)

    @schema.documented(schema.EVENT_COLUMNS)
    def events_frame(self, *, progress: bool = False):
        """One row per event mention, a pandas DataFrame; ``progress=True`` shows a bar."""
        from .frames import events_frame
        return events_frame(self, progress=progress)

    def frame(self, table: str = "events", *, progress: bool = False):
        """The frame named ``table``: "events", "entities" or "articles"."""
        from .frames import frame
        return frame(self, table, progress=progress)

    def to_parquet(self, path, table: str = "events") -> int:
        """Write one frame ("events", "entities" or "articles") to Parquet; rows written."""
        from .export import to_parquet
        return to_parquet(self.frame(table), path)

    def to_jsonl(self, path, table: str = "events") -> int:
        """Write one frame as JSON Lines to a path or text stream; rows written."""
        from .export import to_jsonl
        return to_jsonl(self.frame(table), path)

    def to_csv(self, path, table: str = "events") -> int:
        """Write one frame as CSV (lists joined by "|") to a path or text stream; rows written."""
        from .export import to_csv
        return to_csv(self.frame(table), path)

    def _repr_html_(self) -> str:
        from .display import corpus_html
        return corpus_html(self)


def _items_of(texts):
    """(index, texts, per-item published, per-item ids/meta) from a list, Series or Articles."""
    index = None
    if hasattr(texts, "index") and hasattr(texts, "tolist") and not isinstance(texts, (list, tuple)):
        index = list(texts.index)
        texts = texts.tolist()
    elif not isinstance(texts, (list, tuple)):
        texts = list(texts)
    plain, pubs, metas = [], [], []
    for t in texts:
        if hasattr(t, "text") and not isinstance(t, str):  # an Article
            plain.append(t.text)
            pubs.append(getattr(t, "published", None))
            metas.append(t)
        else:
            plain.append(t)
            pubs.append(None)
            metas.append(None)
    return index, plain, pubs, metas


def _published_list(published, n, own):
    if published is None:
        return own
    if isinstance(published, (str, bytes)) or not isinstance(published, collections.abc.Iterable):
        return [published] * n
    if hasattr(published, "tolist"):
        published = published.tolist()
    pubs = list(published)
    if len(pubs) != n:
        raise ValueError(f"published has {len(pubs)} values for {n} texts")
    return pubs


def _one_thread(n: int, core_of, make_doc, bar) -> list:
    """The documents of a batch, the C core run a chunk at a time (for the progress bar)."""
    cores = []
    for a in range(0, n, CHUNK):
        span = range(a, min(a + CHUNK, n))
        cores += core_of(span)
        if bar is not None:
            bar.update(len(span))
    return [make_doc(i, core) for i, core in enumerate(cores)]


def _grouped(docs: list, mentions=None, clusters=None) -> list:
    """The documents, their events clustered together (when they are first read, unless the
    mentions and their clusters are given)."""
    group = events_group(docs)
    for doc in docs:
        doc._group = group
    if mentions is not None:
        group.fill(mentions, clusters)
    return docs


def let_go(docs) -> None:
    """The documents of one batch let go with their events never asked for: they and their
    group no longer hold each other (Group.release), so reference counting alone frees them."""
    group = docs[0]._group if len(docs) else None
    if group is not None:
        group.release()


def analyze_many(texts, *, published=None, gazetteer=None, n_jobs: int = 1, progress: bool = False,
                 tone="hòa", fold_punct=True) -> Corpus:
    """Analyze a batch: a list of str, a pandas Series (its index is kept), or Articles from
    :func:`tintuc.read` (their own published dates are used).

    ``published`` is one date for all or a sequence of them. With ``n_jobs`` above 1 the
    entities, time expressions and events are found up front. With two jobs (and wherever
    processes cannot be forked), the C core runs on ``n_jobs - 1`` native threads while this
    thread runs the rules over what they finish (tintuc._piped). With more, on Linux and for a
    batch of at least a few dozen documents per job, that many processes (the caller and forked
    workers, see tintuc._forked) analyze whole documents; the workers are kept for the next
    such call with the same gazetteer and options, and end with the interpreter (or
    ``tintuc._pool.shutdown()``). Results are identical to ``n_jobs=1``; ``n_jobs=-1`` uses
    every CPU.
    ``progress=True`` shows a tqdm bar. Missing texts (None, NaN) give empty documents.
    """
    index, plain, own, metas = _items_of(texts)
    n = len(plain)
    pubs = _published_list(published, n, own)
    pubs = [parse_published(p) for p in pubs]
    for i, t in enumerate(plain):
        if t is not None and not isinstance(t, str) and not (isinstance(t, float) and t != t) \
                and type(t).__name__ != "NAType":  # pandas.NA, from a "string" Series
            raise TypeError(f"analyze_many(): item {i} must be str, None, NaN or NA, not {type(t).__name__}")
    clean = ["" if not isinstance(t, str) else t for t in plain]
    jobs = (os.cpu_count() or 1) if n_jobs == -1 else max(1, int(n_jobs))
    bar = None
    if progress:
        from tqdm.auto import tqdm
        bar = tqdm(total=n, unit="doc", desc="tintuc")

    def make_doc(i, core):
        meta = metas[i]
        return Document(clean[i], core, published=pubs[i], gazetteer=gazetteer,
                        id=index[i] if index is not None else i,
                        meta={"article": meta} if meta is not None else None)

    def core_of(span):
        return run_core(clean[span.start:span.stop], gazetteer=gazetteer, tone=tone, fold_punct=fold_punct)

    forked = PIPED_MAX < jobs and n >= 2 * _forked.MIN_SHARE and _forked.available()
    piped = not forked and jobs > 1
    # the core's results and the documents stay: no collection walks them while they are made
    # (the first collection after walks what was made here; the forked path has it walk most
    # of it while the other processes are still reading)
    with no_collection():
        try:
            if forked:
                docs = _forked.analyze(clean, pubs, (gazetteer, tone, fold_punct), core_of, make_doc,
                                       min(jobs, n // _forked.MIN_SHARE),
                                       tick=bar.update if bar is not None else None, finish=_grouped)
            elif piped:
                docs = _piped.analyze(clean, (gazetteer, tone, fold_punct), make_doc, jobs - 1,
                                      tick=bar.update if bar is not None else None, finish=_grouped)
            else:
                docs = _grouped(_one_thread(n, core_of, make_doc, bar))
        finally:
            if bar is not None:
                bar.close()
    return Corpus(docs, index)
