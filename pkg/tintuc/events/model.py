"""The Event record (the fields of ../shared/API.md, nothing more)."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Event"]


@dataclass(frozen=True, slots=True)
class Event:
    """One event mention: a PLOVER 2.0 type (or STATEMENT) with who, whom, where and when.

    ``trigger`` is the span that fired (``text``, ``start``, ``end`` in the original text) and
    ``sentence`` its sentence index. ``actors`` and ``recipients`` are tuples of entities;
    ``location`` an entity or None. ``date`` is the TimeExpr that dates it, or None when it
    falls back to publication (then ``date_source`` is "published"; "text" otherwise; None
    when the document has no publication date either). ``dead``, ``injured`` and ``abducted``
    are counts of people (lower bounds for "hàng trăm") or None. ``rule`` names the lexicon
    entries that fired ("triggers.tsv:LINE:phrase", joined by "+"). ``cluster`` is shared by
    the mentions of one real-world event across the documents of a Corpus.
    """

    type: str
    mode: str | None
    trigger: object
    sentence: int
    actors: tuple = ()
    recipients: tuple = ()
    location: object | None = None
    date: object | None = None
    date_source: str | None = None
    dead: int | None = None
    injured: int | None = None
    abducted: int | None = None
    negated: bool = False
    future: bool = False
    historical: bool = False
    rule: str = ""
    cluster: int | None = None

    def to_dict(self) -> dict:
        """Plain data: spans, entities and the date as dicts."""
        def d(x):
            return None if x is None else x.to_dict()
        return {
            "type": self.type, "mode": self.mode, "trigger": d(self.trigger), "sentence": self.sentence,
            "actors": [e.to_dict() for e in self.actors], "recipients": [e.to_dict() for e in self.recipients],
            "location": d(self.location), "date": d(self.date), "date_source": self.date_source,
            "dead": self.dead, "injured": self.injured, "abducted": self.abducted,
            "negated": self.negated, "future": self.future, "historical": self.historical,
            "rule": self.rule, "cluster": self.cluster,
        }


# An Event made by setting its slots directly: the frozen dataclass's __init__ goes through
# object.__setattr__ for each field (3.4 µs an event), and a document makes one per mention.
_SLOT_SET = tuple(getattr(Event, name).__set__ for name in Event.__slots__)
assert Event.__slots__ == ("type", "mode", "trigger", "sentence", "actors", "recipients", "location", "date",
                           "date_source", "dead", "injured", "abducted", "negated", "future", "historical",
                           "rule", "cluster")


def new_event(type, mode, trigger, sentence, actors, recipients, location, date, date_source, dead, injured,
              abducted, negated, future, historical, rule, cluster=None, _new=object.__new__, _set=_SLOT_SET):
    """Event(...) with these fields, positional, made as its __init__ would make it."""
    e = _new(Event)
    (s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14, s15, s16) = _set
    s0(e, type)
    s1(e, mode)
    s2(e, trigger)
    s3(e, sentence)
    s4(e, actors)
    s5(e, recipients)
    s6(e, location)
    s7(e, date)
    s8(e, date_source)
    s9(e, dead)
    s10(e, injured)
    s11(e, abducted)
    s12(e, negated)
    s13(e, future)
    s14(e, historical)
    s15(e, rule)
    s16(e, cluster)
    return e
