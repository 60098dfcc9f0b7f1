"""Helpers for the event tests: documents whose entities are given by the test, so that the
event rules are tested on their own (tintuc.events.extract takes entities from the caller)."""
from __future__ import annotations

import re
from dataclasses import dataclass

import tintuc
from tintuc import events


@dataclass(frozen=True)
class Ent:
    text: str
    start: int
    end: int
    label: str
    id: str
    name: str
    source: str = "test"
    score: float = 1.0

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "label": self.label, "id": self.id,
                "name": self.name, "source": self.source, "score": self.score}


def ents(text: str, specs) -> list[Ent]:
    """Every word-bounded occurrence of each (surface, label, id) in ``text``; a longer name
    hides the shorter ones inside it."""
    found = []
    for surface, label, eid in sorted(specs, key=lambda s: -len(s[0])):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", text):
            if not any(f.start <= m.start() < f.end or m.start() <= f.start < m.end() for f in found):
                found.append(Ent(surface, m.start(), m.end(), label, eid, surface))
    return sorted(found, key=lambda e: e.start)


def analyze(text: str, specs=(), published=None):
    """(document, entities) for ``text``."""
    doc = tintuc.analyze(text, published=published)
    return doc, ents(text, specs)


def events_of(text: str, specs=(), published=None) -> list:
    doc, found = analyze(text, specs, published)
    return events.extract(doc, entities=found)


def ids(entities) -> set:
    return {e.id for e in entities}


def only(evs, type_):
    """The one event of ``type_`` (fails when there is none or several)."""
    got = [e for e in evs if e.type == type_]
    assert len(got) == 1, f"want one {type_}, got {[(e.type, e.trigger.text) for e in evs]}"
    return got[0]


# entities the tests use, as (surface, label, id)
JP = ("Nhật Bản", "LOC", "JP")
KR = ("Hàn Quốc", "LOC", "KR")
IN = ("Ấn Độ", "LOC", "IN")
FR = ("Pháp", "LOC", "FR")
DE = ("Đức", "LOC", "DE")
RU = ("Nga", "LOC", "RU")
UA = ("Ukraine", "LOC", "UA")
US = ("Mỹ", "LOC", "US")
CN = ("Trung Quốc", "LOC", "CN")
VN = ("Việt Nam", "LOC", "VN")
IL = ("Israel", "LOC", "IL")
IR = ("Iran", "LOC", "IR")
SY = ("Syria", "LOC", "SY")
TH = ("Thái Lan", "LOC", "TH")
KH = ("Campuchia", "LOC", "KH")
LA = ("Lào", "LOC", "LA")
AU = ("Australia", "LOC", "AU")
CA = ("Canada", "LOC", "CA")
EU = ("Liên minh châu Âu", "ORG", "EU")
UN = ("Liên hợp quốc", "ORG", "UN")
TOKYO = ("Tokyo", "LOC", "JPTYO")
PARIS = ("Paris", "LOC", "FRPAR")
BANGKOK = ("Bangkok", "LOC", "THBKK")
IDLIB = ("Idlib", "LOC", "SY-ID")
