"""Events: who did what to whom, when and where, as PLOVER 2.0 event mentions.

    >>> doc = tintuc.analyze("Ngày 23/10, Ngoại trưởng Mỹ hội đàm với người đồng cấp Nhật Bản.",
    ...                      published="2020-10-24")
    >>> [(e.type, e.trigger.text, e.date.value) for e in doc.events]
    [('CONSULT', 'hội đàm', '2020-10-23')]

The pieces, one concern each: ``lexicon`` (the data files in data/events), ``triggers``
(finding them), ``arguments`` (actors, recipients, location), ``dating``, ``casualties``,
``modality`` (negated, future, historical), ``extract`` (putting one document's mentions
together) and ``cluster`` (mentions of one real-world event across documents).
"""
from __future__ import annotations

from .cluster import Group, assign
from .extract import extract_mentions
from .lexicon import TYPES, lexicon
from .model import Event

__all__ = ["Event", "extract", "extract_mentions", "assign", "Group", "TYPES", "lexicon"]


def extract(doc, entities=None) -> list[Event]:
    """The event mentions of one document, clustered among themselves. (A document of a
    Corpus gets clusters shared across the Corpus through ``Document.events``.)

    ``entities`` replaces ``doc.entities``: bring your own entity recognizer (records with
    ``text, start, end, label, id, name`` in offsets of ``doc.text``).
    """
    return assign([extract_mentions(doc, entities)], [doc.published])[0]
