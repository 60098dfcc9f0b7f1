"""DataFrames of a Corpus: one row per article, per entity mention, per event mention.

Column names and dtypes are fixed whatever the data (an empty corpus gives the same schema),
so that frames from different runs concatenate, join and round-trip through Parquet. The
``doc`` column joins all three: it holds the Corpus index value of the document (a pandas
Series' index when the corpus came from one, else 0..n-1).
"""
from __future__ import annotations

import datetime as _dt

import pandas as pd

from . import schema
from .schema import ARTICLE_COLUMNS, ENTITY_COLUMNS, EVENT_COLUMNS

__all__ = ["articles_frame", "entities_frame", "events_frame", "frame", "entity_key", "empty_frame", "doc_dtype",
           "events_frame_of"]

_DTYPES = {"string": pd.StringDtype(), "Int64": pd.Int64Dtype(), "Float64": pd.Float64Dtype(),
           "boolean": pd.BooleanDtype()}


# --- building ------------------------------------------------------------------------------------

def _iter_docs(corpus, progress, what, *, entities_first=False):
    """(position, document) pairs, under a progress bar if asked. Events are extracted for the
    whole corpus at once (to cluster them), so a bar over documents would stand still until
    the end: ``entities_first`` fills a bar with the entities, the longer part, before."""
    if not progress:
        return enumerate(corpus)
    from tqdm.auto import tqdm
    if entities_first:
        for doc in tqdm(corpus, total=len(corpus), desc="tintuc entities", unit="doc"):
            doc.entities
    return enumerate(tqdm(corpus, total=len(corpus), desc=f"tintuc {what}", unit="doc"))


def doc_dtype(index):
    """The dtype of the ``doc`` column for documents keyed by ``index``: the index's own (int64
    for 0..n-1), pandas' string dtype for text keys, object for anything else (MultiIndex tuples)."""
    idx = pd.Index(index, tupleize_cols=False) if not isinstance(index, pd.Index) else index
    if isinstance(idx, pd.MultiIndex):
        return object
    if idx.dtype == object:
        if len(idx) == 0:  # an empty corpus: its 0..n-1 index would be int64
            return pd.api.types.pandas_dtype("int64")
        return _DTYPES["string"] if pd.api.types.infer_dtype(idx) == "string" else object
    if pd.api.types.is_string_dtype(idx.dtype):
        return _DTYPES["string"]
    return idx.dtype


def _doc_dtype(corpus):
    return doc_dtype(corpus.index)


def _build(columns, data: dict, doc_type) -> pd.DataFrame:
    """A frame of ``columns`` (schema tuples) from lists of values, with the schema's dtypes."""
    out = {}
    for name, dtype, cats, _ in columns:
        values = data[name]
        if dtype == "doc":
            out[name] = pd.Series(values, dtype=doc_type)
        elif dtype == "category":
            fixed = list(cats)
            extra = sorted({v for v in values if v is not None and v not in fixed})
            # categories always of pandas' str dtype, even when empty, so that frames concatenate
            out[name] = pd.Categorical(values, categories=pd.Index(fixed + extra, dtype=str))
        elif dtype == "list":
            out[name] = pd.Series(values, dtype=object)
        elif dtype == schema.DATE:
            out[name] = pd.Series(pd.to_datetime(pd.Series(values, dtype=object)), dtype=dtype)
        else:
            out[name] = pd.array(values, dtype=_DTYPES[dtype])
    return pd.DataFrame(out, columns=[c[0] for c in columns])


def empty_frame(table: str, doc_type="int64") -> pd.DataFrame:
    """A frame with no rows and the columns and dtypes of ``table`` (dask uses it as meta)."""
    columns = schema.TABLES[table]
    return _build(columns, _columns(columns), doc_type)


def _columns(columns):
    return {c[0]: [] for c in columns}


def _day(d):
    """A date (or datetime) as a midnight datetime for a datetime64 column; None stays None."""
    if d is None:
        return None
    if isinstance(d, _dt.datetime):
        return d.replace(tzinfo=None)
    return _dt.datetime(d.year, d.month, d.day)


def _article_of(doc):
    return (doc.meta or {}).get("article")


@schema.documented(ARTICLE_COLUMNS)
def articles_frame(corpus, *, progress: bool = False) -> pd.DataFrame:
    """One row per document."""
    data = _columns(ARTICLE_COLUMNS)
    for i, doc in _iter_docs(corpus, progress, "articles", entities_first=True):
        art = _article_of(doc)
        data["doc"].append(corpus.index[i])
        data["id"].append(str(art.id) if art is not None else (None if doc.id is None else str(doc.id)))
        data["title"].append(getattr(art, "title", None))
        data["published"].append(_day(doc.published))
        data["path"].append(getattr(art, "path", None))
        # an Entity when the gazetteer or rules know the name, else a plain span of text
        for column, part in (("source", doc.source), ("dateline", doc.dateline_place),
                             ("attributed_to", doc.attributed_to)):
            data[column].append(None if part is None else (getattr(part, "name", None) or part.text))
            data[f"{column}_id"].append(getattr(part, "id", None))
        data["lede"].append(getattr(art, "lede", None))
        data["text"].append(doc.text)
        data["chars"].append(len(doc.text))
        data["sentences"].append(len(doc.sentences))
        data["entities"].append(len(doc.entities))
        data["events"].append(len(doc.events))
    return _build(ARTICLE_COLUMNS, data, _doc_dtype(corpus))


def entity_key(e) -> str:
    """How an entity is named in lists of ids (event actors): its id, else its canonical name,
    else its text, so that an entity without an id is still listed."""
    return e.id if e.id is not None else (e.name or e.text)


def _add_entity_rows(data, key, doc, entities):
    for k, e in enumerate(entities):
        data["doc"].append(key)
        data["mention"].append(k)
        data["sentence"].append(doc.sentence_of(e.start))
        data["start"].append(e.start)
        data["end"].append(e.end)
        data["text"].append(e.text)
        data["label"].append(e.label)
        data["id"].append(None if e.id is None else str(e.id))
        data["name"].append(e.name)
        data["source"].append(e.source)
        data["score"].append(None if e.score is None else float(e.score))


@schema.documented(ENTITY_COLUMNS)
def entities_frame(corpus, *, progress: bool = False) -> pd.DataFrame:
    """One row per entity mention, in document order."""
    data = _columns(ENTITY_COLUMNS)
    for i, doc in _iter_docs(corpus, progress, "entities"):
        _add_entity_rows(data, corpus.index[i], doc, doc.entities)
    return _build(ENTITY_COLUMNS, data, _doc_dtype(corpus))


def _names(entities) -> str | None:
    return "; ".join(e.name or e.text for e in entities) if entities else None


def _count(v):
    return None if v is None else int(v)


def _add_event_rows(data, key, published, events):
    for k, ev in enumerate(events):
        trig, date, loc = ev.trigger, ev.date, ev.location
        if date is not None:
            begin, end, value, dtext = date.begin, date.end_date, date.value, date.text
        elif ev.date_source == "published" and published is not None:
            begin = end = published
            value, dtext = published.isoformat(), None
        else:
            begin = end = value = dtext = None
        data["doc"].append(key)
        data["event"].append(k)
        data["cluster"].append(None if ev.cluster is None else int(ev.cluster))
        data["sentence"].append(ev.sentence)
        data["type"].append(ev.type)
        data["mode"].append(ev.mode)
        data["trigger"].append(trig.text)
        data["start"].append(trig.start)
        data["end"].append(trig.end)
        data["actors"].append([entity_key(e) for e in ev.actors])
        data["actor_names"].append(_names(ev.actors))
        data["recipients"].append([entity_key(e) for e in ev.recipients])
        data["recipient_names"].append(_names(ev.recipients))
        data["location_id"].append(None if loc is None else entity_key(loc))
        data["location"].append(None if loc is None else (loc.name or loc.text))
        data["date"].append(_day(begin))
        data["date_end"].append(_day(end))
        data["date_value"].append(value)
        data["date_text"].append(dtext)
        data["date_source"].append(ev.date_source)
        data["dead"].append(_count(ev.dead))
        data["injured"].append(_count(ev.injured))
        data["abducted"].append(_count(ev.abducted))
        data["negated"].append(bool(ev.negated))
        data["future"].append(bool(ev.future))
        data["historical"].append(bool(ev.historical))
        data["rule"].append(ev.rule or None)


@schema.documented(EVENT_COLUMNS)
def events_frame(corpus, *, progress: bool = False) -> pd.DataFrame:
    """One row per event mention, in document order; mentions of the same real-world event
    in different documents are all kept and share a ``cluster``."""
    data = _columns(EVENT_COLUMNS)
    for i, doc in _iter_docs(corpus, progress, "events", entities_first=True):
        _add_event_rows(data, corpus.index[i], doc.published, doc.events)
    return _build(EVENT_COLUMNS, data, _doc_dtype(corpus))


def events_frame_of(items, doc_type) -> pd.DataFrame:
    """The events frame of (doc key, published date, events) triples, for events gathered
    outside a Corpus (tintuc.dask clusters them across partitions first)."""
    data = _columns(EVENT_COLUMNS)
    for key, published, events in items:
        _add_event_rows(data, key, published, events)
    return _build(EVENT_COLUMNS, data, doc_type)


TABLES = {"articles": articles_frame, "entities": entities_frame, "events": events_frame}


def frame(corpus, table: str = "events", *, progress: bool = False) -> pd.DataFrame:
    """The frame named ``table``: "events", "entities" or "articles"."""
    try:
        build = TABLES[table]
    except (KeyError, TypeError):
        raise ValueError(f"table must be one of {', '.join(map(repr, TABLES))}, not {table!r}") from None
    return build(corpus, progress=progress)
