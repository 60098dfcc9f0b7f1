"""Documents: one text through the whole pipeline, its parts computed when first asked for.

The C core does normalization, tokens, sentences and words for a whole batch in one call
(``_core.analyze_batch``); entities, time expressions, quantities and events are built on
top of those arrays the first time a document is asked for them.
"""
from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass

from . import _core, _models
from ._coredoc import CoreDoc

__all__ = ["Document", "Span", "analyze", "parse_published", "run_core"]


_RECORDS: tuple = ()


def untrack(found: list) -> None:
    """Take a stage's finished records out of the cyclic collector's sight when they can hold
    no cycle (_core.untrack_records): a corpus keeps tens of thousands of them alive, and each
    full collection would walk them all again."""
    global _RECORDS
    if not _RECORDS:
        from .attribution import Attribution
        from .events.model import Event
        from .gazetteer import Entity
        from .quantity import Quantity
        from .timex import TimeExpr
        _RECORDS = (Span, Entity, TimeExpr, Quantity, Attribution, Event)
    _core.untrack_records(found, _RECORDS)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original text: ``text == original[start:end]``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


def parse_published(value) -> _dt.date | None:
    """A publication date from a date, a datetime (read in Vietnam's time, UTC+7), an ISO
    string ("2020-10-21", "2020-10-21T23:30:00Z", "20201021"), a pandas Timestamp, or None/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if type(value).__name__ == "NaTType":
        return None
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(_dt.timezone(_dt.timedelta(hours=7)))
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if len(s) == 8 and s.isdigit():
            return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:]))
        try:
            return parse_published(_dt.datetime.fromisoformat(s.replace("Z", "+00:00")))
        except ValueError:
            pass
        try:
            return _dt.date.fromisoformat(s[:10])
        except ValueError:
            raise ValueError(f"published: cannot read a date from {value!r}") from None
    to_pydatetime = getattr(value, "to_pydatetime", None)
    if callable(to_pydatetime):
        return parse_published(to_pydatetime())
    raise TypeError(f"published must be a date, datetime, ISO string or None, not {type(value).__name__}")


def run_core(texts: list, *, gazetteer=None, tone="hòa", fold_punct=True) -> list:
    """The C pipeline over a batch, gazetteer matching and the cue lexicon (tintuc.cuelex)
    included: one CoreDoc per text (None for a missing one). ``gazetteer=None`` uses
    :func:`tintuc.default_gazetteer`."""
    raw = _core.analyze_batch(texts, **_core_options(gazetteer, tone, fold_punct))
    return [None if r is None else CoreDoc(t, r) for t, r in zip(texts, raw)]


def start_core(texts: list, threads: int, *, gazetteer=None, tone="hòa", fold_punct=True):
    """The C pipeline of :func:`run_core` started over a batch on ``threads`` native threads
    (_core.analyze_run): its ``take()`` gives (start, raw results) chunk by chunk, each made
    into CoreDocs by ``CoreDoc(text, raw)``."""
    return _core.analyze_run(texts, threads, **_core_options(gazetteer, tone, fold_punct))


def _core_options(gazetteer, tone, fold_punct) -> dict:
    from .cuelex import cue_lexicon
    if gazetteer is None:
        from .gazetteer import default_gazetteer
        gazetteer = default_gazetteer()
    return dict(segmenter=_models.segmenter(), automaton=gazetteer.automaton, fold=gazetteer.fold,
                typos=gazetteer.typos, capitals=gazetteer.capitals, tone=tone, fold_punct=fold_punct,
                cues=cue_lexicon().automaton, lower=True)


class Document:
    """One analyzed text. Offsets of every span index ``text``, the text as given."""

    __slots__ = ("text", "published", "id", "meta", "_core", "_gazetteer", "_cache", "_group", "__weakref__")

    def __init__(self, text: str, core: CoreDoc, *, published=None, gazetteer=None, id=None, meta=None):
        self.text = text
        self.published = parse_published(published)
        self.id = id
        self.meta = meta or {}
        self._core = core
        self._gazetteer = gazetteer
        self._cache = {}
        self._group = None      # the batch whose events are clustered together (tintuc.events.cluster)

    def __repr__(self) -> str:
        head = self.text[:40].replace("\n", " ")
        more = "..." if len(self.text) > 40 else ""
        return f"<Document {head!r}{more} published={self.published} sentences={len(self.sentences)}>"

    def __len__(self) -> int:
        return len(self.text)

    def _repr_html_(self) -> str:
        """Notebook display: entities highlighted by label, events marked (tintuc.display)."""
        from .display import document_html
        return document_html(self)

    def _get(self, name, build):
        try:
            return self._cache[name]
        except KeyError:
            value = self._cache[name] = build()
            if type(value) is list:
                untrack(value)
            return value

    @property
    def normalized(self) -> str:
        """The normalized text every stage read (offsets into it are not the document's)."""
        return self._core.norm

    @property
    def tokens(self):
        return self._get("tokens", self._core.tokens)

    @property
    def words(self):
        return self._get("words", self._core.words)

    @property
    def sentences(self) -> list[Span]:
        def build():
            return [Span(self.text[a:b], a, b) for a, b in self._core.sentence_spans()]
        return self._get("sentences", build)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding original offset ``pos`` (the nearest before it)."""
        import bisect
        starts = self._get("sentence_starts", lambda: [s.start for s in self.sentences])
        return max(0, bisect.bisect_right(starts, pos) - 1)

    @property
    def times(self):
        from . import timex

        def build():
            core = self._core
            found = timex.find_times(core.norm, self.published)
            return [_to_original(t, self.text, core) for t in found]
        return self._get("times", build)

    @property
    def quantities(self):
        from . import quantity

        def build():
            core = self._core
            # where the segmenter's words end (in core.norm): the last token of each word
            first, nend = core.word_first, core.nend
            ends = {nend[k - 1] for k in first[1:]}
            if len(core):
                ends.add(nend[len(core) - 1])
            return [_to_original(q, self.text, core) for q in quantity.find_quantities(core.norm, ends)]
        return self._get("quantities", build)

    @property
    def entities(self):
        found = self._cache.get("entities")
        if found is not None:
            return found                   # (asked for often: no import once they are made)
        from . import entities
        return self._get("entities", lambda: entities.extract(self))

    @property
    def events(self):
        """Event mentions (tintuc.events). In a Corpus, asking one document for its events
        clusters the mentions of the whole batch, so that ``cluster`` is shared across it."""
        from . import events
        if self._group is not None and "events" not in self._cache:
            self._group.fill()
        return self._get("events", lambda: events.extract(self))

    @property
    def attributions(self):
        """Datelines and attribution phrases (tintuc.attribution), in text order."""
        found = self._cache.get("attributions")
        if found is not None:
            return found
        from . import attribution
        return self._get("attributions", lambda: attribution.find_attributions(self))

    @property
    def source(self):
        """The outlet the story is credited to ("TTXVN", "Anadolu", "Reuters"), or None."""
        return next((a.source for a in self.attributions if a.source is not None), None)

    @property
    def dateline_place(self):
        """Where the story was filed ("Moskva" in "Theo phóng viên TTXVN tại Moskva"), or None."""
        return next((a.place for a in self.attributions if a.place is not None), None)

    @property
    def attributed_to(self):
        """Whose words the story carries ("Điện Kremlin" in "... dẫn thông báo của Điện
        Kremlin"), or None."""
        return next((a.attributed_to for a in self.attributions if a.attributed_to is not None), None)

    def to_dict(self) -> dict:
        """Everything found, as plain data (JSON-ready but for dates, given as ISO strings)."""
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "sentences": [s.to_dict() for s in self.sentences],
            "words": [dict(zip(("text", "start", "end", "kind"), w)) for w in self.words],
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "events": [e.to_dict() for e in self.events],
        }


def _to_original(x, text: str, core: CoreDoc):
    """A span-carrying record found in the normalized text, moved to original offsets."""
    if core.align is None:
        return x
    import dataclasses
    s, e = core.align[x.start], core.align[x.end]
    return dataclasses.replace(x, start=s, end=e, text=text[s:e])


def analyze(text: str, *, published=None, gazetteer=None) -> Document:
    """Analyze one text: a :class:`Document` with sentences, words, entities, times and events.

    ``published`` (a date, datetime, ISO string or None) anchors year-less dates ("ngày 23/10").
    ``gazetteer`` replaces the built-in one (:func:`tintuc.default_gazetteer`).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    core = run_core([text], gazetteer=gazetteer)[0]
    return Document(text, core, published=published, gazetteer=gazetteer)
