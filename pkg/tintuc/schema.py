"""The columns of the Corpus frames: names, dtypes and meanings, in one place.

Kept free of pandas so that ``Corpus`` can show the schema in its docstrings without importing
it; ``tintuc.frames`` turns the dtype names into pandas dtypes.

Dtype names: ``doc`` (the Corpus index's dtype: int64 for 0..n-1, string for text keys),
``string``, ``Int64``, ``Float64``, ``boolean``, ``datetime64[us]``, ``list`` (a Python list
of str per cell; list<string> in Parquet), and ``category`` with the categories that always
exist (any other value seen is appended, sorted, so nothing turns into NaN).
"""
from __future__ import annotations

__all__ = ["LABELS", "ENTITY_SOURCES", "EVENT_TYPES", "DATE_SOURCES", "ARTICLE_COLUMNS",
           "ENTITY_COLUMNS", "EVENT_COLUMNS", "TABLES", "describe", "documented"]

LABELS = ("PER", "LOC", "ORG", "MISC")
ENTITY_SOURCES = ("gazetteer", "rule")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
               "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
               "STATEMENT")
DATE_SOURCES = ("text", "published")

# Microseconds, pandas' own resolution for Python datetimes: it holds years 1 to 9999 ("thế kỷ
# 15" begins in 1401, out of reach of nanoseconds) and survives a Parquet round trip.
DATE = "datetime64[us]"

# (name, dtype, categories for a category column or None, meaning)
ARTICLE_COLUMNS = (
    ("doc", "doc", None, "the document's Corpus index value (joins the other frames)"),
    ("id", "string", None, "the article's id (file stem or id/doc_id column), else the doc id"),
    ("title", "string", None, "the article's title, when it has one"),
    ("published", DATE, None, "publication date (midnight), NaT when unknown"),
    ("path", "string", None, "the file it was read from"),
    ("source", "string", None, "the outlet the story is credited to (TTXVN, Reuters), its display name"),
    ("source_id", "string", None, "the outlet's entity id"),
    ("dateline", "string", None, "where the story was filed (Moskva in 'phóng viên TTXVN tại Moskva')"),
    ("dateline_id", "string", None, "that place's entity id"),
    ("attributed_to", "string", None, "whose words the story carries (Điện Kremlin), its display name"),
    ("attributed_to_id", "string", None, "their entity id"),
    ("lede", "string", None, "the first paragraph after the title"),
    ("text", "string", None, "the analyzed text"),
    ("chars", "Int64", None, "length of text in code points"),
    ("sentences", "Int64", None, "number of sentences"),
    ("entities", "Int64", None, "number of entity mentions (its rows in the entities frame)"),
    ("events", "Int64", None, "number of event mentions (its rows in the events frame)"),
)

ENTITY_COLUMNS = (
    ("doc", "doc", None, "the document's Corpus index value"),
    ("mention", "Int64", None, "mention number within the document, from 0"),
    ("sentence", "Int64", None, "index of the sentence holding the mention, from 0"),
    ("start", "Int64", None, "offset in the document's text: text[start:end] is the mention"),
    ("end", "Int64", None, "end offset, exclusive"),
    ("text", "string", None, "the mention as written"),
    ("label", "category", LABELS, "entity type (the VLSP labels)"),
    ("id", "string", None, "stable identifier shared by every variant of the same thing"),
    ("name", "string", None, "canonical display name"),
    ("source", "category", ENTITY_SOURCES, "what found it: gazetteer or rule"),
    ("score", "Float64", None, "match confidence"),
)

EVENT_COLUMNS = (
    ("doc", "doc", None, "the document's Corpus index value"),
    ("event", "Int64", None, "event number within the document, from 0"),
    ("cluster", "Int64", None, "the same number for mentions of one real-world event in the corpus"),
    ("sentence", "Int64", None, "sentence index of the trigger, from 0"),
    ("type", "category", EVENT_TYPES, "PLOVER 2.0 type or STATEMENT"),
    ("mode", "category", (), "PLOVER mode (phone, visit, ceasefire, ...), NaN when none"),
    ("trigger", "string", None, "the trigger as written"),
    ("start", "Int64", None, "the trigger's offset in the document's text"),
    ("end", "Int64", None, "the trigger's end offset, exclusive"),
    ("actors", "list", None, "entity keys of the actors: their ids, else their names"),
    ("actor_names", "string", None, "the actors' display names joined by '; '"),
    ("recipients", "list", None, "entity keys of the recipients"),
    ("recipient_names", "string", None, "the recipients' display names joined by '; '"),
    ("location_id", "string", None, "entity key of the place"),
    ("location", "string", None, "the place's display name"),
    ("date", DATE, None, "first day the event's date covers, NaT when unknown"),
    ("date_end", DATE, None, "last day it covers"),
    ("date_value", "string", None, "TIMEX3-style value (2020-10-23, 2020-W41-WE, XXXX-10-23)"),
    ("date_text", "string", None, "the time expression as written, NA for a publication date"),
    ("date_source", "category", DATE_SOURCES, "text, or published when the date fell back to it"),
    ("dead", "Int64", None, "people killed (lower bound for 'hàng trăm'), NA when unsaid"),
    ("injured", "Int64", None, "people injured, NA when unsaid"),
    ("abducted", "Int64", None, "people abducted, NA when unsaid"),
    ("negated", "boolean", None, "the mention says it did not happen"),
    ("future", "boolean", None, "the mention is about the future"),
    ("historical", "boolean", None, "the mention recalls the past"),
    ("rule", "string", None, "the rule or lexicon entry that fired"),
)

TABLES = {"articles": ARTICLE_COLUMNS, "entities": ENTITY_COLUMNS, "events": EVENT_COLUMNS}


def describe(columns) -> str:
    """The columns as an aligned text table for a docstring."""
    rows = []
    for name, dtype, cats, meaning in columns:
        if cats and len(cats) <= 4:  # short category lists are worth spelling out
            dtype = f"category ({', '.join(cats)})"
        rows.append((name, dtype, meaning))
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    return "\n".join(f"    {a:<{w0}}  {b:<{w1}}  {c}" for a, b, c in rows)


def documented(columns):
    """A decorator appending the column table of ``columns`` to a function's docstring."""
    def mark(fn):
        fn.__doc__ = f"{fn.__doc__}\n\n    Columns:\n\n{describe(columns)}\n"
        return fn
    return mark
