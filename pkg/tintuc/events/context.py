"""One document as the event rules see it: its normalized text, lower-cased, with sentence
starts, word boundaries, entities and time expressions all in normalized offsets.

The rules read the normalized text (NFC, one tone placement, canonical spaces and quotes) so
that the lexicons need one spelling per word; everything they report is moved back to offsets
in the original text with :meth:`Context.to_original`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import partial
from itertools import islice
from operator import attrgetter, itemgetter, lt

from .._core import cue_find, cue_records_all
from ..cuelex import Found, cue_lexicon

__all__ = ["Context", "Mention"]

# punctuation that ends a clause, with the "boundary" cue words (the clause rules read them in
# C, csrc/core/arg_attach.c; tests/arguments_reference.py reads them with these)
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]“”\"!?…]")
# the last of them in a range (what the last match of _CLAUSE_PUNCT.finditer would be)
_LAST_CLAUSE_PUNCT = re.compile(r"(?s:.*)" + _CLAUSE_PUNCT.pattern)


class Mention:
    """An entity or time expression placed in normalized offsets (``item`` is the original)."""

    __slots__ = ("start", "end", "item")

    def __init__(self, start: int, end: int, item):
        self.start, self.end, self.item = start, end, item

    def __repr__(self) -> str:
        return f"Mention({self.start}, {self.end}, {self.item!r})"


_START, _END = attrgetter("start"), attrgetter("end")


class Context:
    __slots__ = ("doc", "core", "norm", "low", "align", "sent_starts", "_sent_spans", "_given", "_entities",
                 "_entity_starts", "_arrays", "_times", "_time_arrays", "excluded", "_found", "_recs", "memo")

    def __init__(self, doc, entities=None):
        core = doc._core
        self.doc = doc
        self.core = core
        self.norm = core.norm
        self.low = core.low     # (the same length as norm)
        self.align = core.align
        if len(core):
            # (an itemgetter of all the first tokens reads them from nstart in one call: a
            # call of nstart.__getitem__ per sentence costs twice as much)
            first = core.sent_first.tolist()
            self.sent_starts = list(itemgetter(*first)(core.nstart)) if len(first) > 1 else [
                core.nstart[i] for i in first]
        else:
            self.sent_starts = [0]
        self._sent_spans = None
        self._given = entities            # entities from the caller instead of doc.entities
        self._entities = None
        self._entity_starts = None
        self._arrays = None
        self._times = None
        self._time_arrays = None
        self.excluded: list[tuple[int, int]] = []   # attribution phrases, normalized offsets
        self._found: dict[str, Found] = {}
        self._recs = None         # the cue records of each group (group_records)
        self.memo: dict = {}      # what the rules read once per document or sentence

    # -- offsets ---------------------------------------------------------------------------

    def to_original(self, pos: int) -> int:
        return pos if self.align is None else self.align[pos]

    def to_normalized(self, pos: int) -> int:
        return pos if self.align is None else bisect_left(self.align, pos)

    def span_original(self, start: int, end: int):
        """(text, start, end) of a normalized span, in the original text."""
        s, e = self.to_original(start), self.to_original(end)
        return self.doc.text[s:e], s, e

    # -- sentences and words ---------------------------------------------------------------

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    @property
    def sent_spans(self) -> list[tuple[int, int]]:
        """[start, end) of each sentence, the last one running to the end of the text."""
        if self._sent_spans is None:
            self._sent_spans = list(zip(self.sent_starts, self.sent_starts[1:] + [len(self.norm)]))
        return self._sent_spans

    def sentence_span(self, k: int) -> tuple[int, int]:
        starts = self.sent_starts
        return starts[k], starts[k + 1] if k + 1 < len(starts) else len(self.norm)

    def is_word_span(self, start: int, end: int) -> bool:
        """Whether [start, end) begins and ends on word boundaries of the segmenter (so that
        "ký" in "đăng ký" or "thăm" in "thăm dò" is no trigger)."""
        core = self.core
        k = bisect_left(core.nstart, start)
        if k >= len(core) or core.nstart[k] != start:
            return False
        wf = core.word_first
        j = bisect_left(wf, k)
        if j >= len(wf) or wf[j] != k:
            return False
        last = bisect_left(core.nend, end)
        if last >= len(core) or core.nend[last] != end:
            return False
        j = bisect_left(wf, last + 1)
        return last + 1 >= len(core) or (j < len(wf) and wf[j] == last + 1)

    # -- cue words (tintuc.cuelex) ----------------------------------------------------------

    def _found_of(self, name: str) -> Found:
        found = self._found.get(name)
        if found is None:
            found = self._found[name] = Found(self.core, name, self.group_records(cue_lexicon().group[name]))
        return found

    def group_records(self, group: int) -> bytes:
        """The records of the hits of one cue group (what ``cuelex._records`` makes), those of
        all the groups made in one call on the first request."""
        recs = self._recs
        if recs is None:
            core = self.core
            hits = core._cue_hits
            recs = self._recs = cue_records_all(hits, core.nstart, core.nend, core.norm) if hits else ()
        return recs[group] if recs else b""

    def cue_records(self, name: str) -> bytes:
        """The records of the cue phrases of class ``name`` (what ``_core.cue_find`` reads)."""
        return self._found_of(name).records

    def cues(self, name: str, start: int, end: int, *, word_start: bool = False) -> list[tuple[str, int, int]]:
        """(phrase, start, end) of the cue phrases of class ``name`` in [start, end), as a
        regular expression of them would find them (:meth:`tintuc.cuelex.Found.finditer`)."""
        found = self._found_of(name)
        records = found.records
        if not records:
            return []                     # (no phrase of the class in the document)
        return cue_find(records, found.phrases, start, end, word_start)   # (Found.finditer)

    # -- entities and times ----------------------------------------------------------------

    def entity_arrays(self) -> tuple[list[int], list[int], list]:
        """(starts, ends, items) of the entities in normalized offsets, by start, then longest
        first (the order of :attr:`entities`), without a Mention each (what the C passes read)."""
        arrays = self._arrays
        if arrays is None:
            given = self.doc.entities if self._given is None else self._given
            items = given if type(given) is list else list(given)
            starts, ends = list(map(_START, items)), list(map(_END, items))
            align = self.align
            if align is not None:
                pos = partial(bisect_left, align)
                starts, ends = list(map(pos, starts)), list(map(pos, ends))
            # by start, then longest first (key=lambda m: (m.start, -m.end)): nothing to do when
            # the starts rise, else two stable sorts with keys read in C
            if not all(map(lt, starts, islice(starts, 1, None))):
                order = list(range(len(items)))
                order.sort(key=ends.__getitem__, reverse=True)
                order.sort(key=starts.__getitem__)
                starts = list(map(starts.__getitem__, order))
                ends = list(map(ends.__getitem__, order))
                items = list(map(items.__getitem__, order))
            arrays = self._arrays = (starts, ends, items)
            self._entity_starts = starts
        return arrays

    @property
    def entities(self) -> list[Mention]:
        if self._entities is None:
            self._entities = list(map(Mention, *self.entity_arrays()))
        return self._entities

    @property
    def entity_starts(self) -> list[int]:
        """The starts of :attr:`entities`, in their order."""
        return self._entity_starts if self._entity_starts is not None else self.entity_arrays()[0]

    def time_arrays(self) -> tuple[list[int], list[int], list]:
        """(starts, ends, items) of the document's time expressions in normalized offsets, in
        their order, without a Mention each."""
        arrays = self._time_arrays
        if arrays is None:
            items = self.doc.times
            starts, ends = list(map(_START, items)), list(map(_END, items))
            align = self.align
            if align is not None:
                pos = partial(bisect_left, align)
                starts, ends = list(map(pos, starts)), list(map(pos, ends))
            arrays = self._time_arrays = (starts, ends, items)
        return arrays

    @property
    def times(self) -> list[Mention]:
        if self._times is None:
            self._times = list(map(Mention, *self.time_arrays()))
        return self._times

    def is_excluded(self, start: int, end: int) -> bool:
        if not self.excluded:
            return False
        for a, b in self.excluded:
            if a <= start and end <= b:
                return True
        return False

    def entities_in(self, start: int, end: int) -> list[Mention]:
        """Entities wholly inside [start, end), outside attribution phrases, in text order."""
        ents = self._entities if self._entities is not None else self.entities
        i = bisect_left(self._entity_starts, start)
        n = len(ents)
        if i == n or ents[i].start >= end:
            return []
        out = []
        excluded = self.excluded
        while i < n:
            m = ents[i]
            if m.start >= end:
                break
            if m.end <= end and not (excluded and self.is_excluded(m.start, m.end)):
                out.append(m)
            i += 1
        return out

    def iter_entities_in(self, start: int, end: int):
        """What :meth:`entities_in` lists, one at a time (for readers that stop early)."""
        ents = self._entities if self._entities is not None else self.entities
        i = bisect_left(self._entity_starts, start)
        excluded = self.excluded
        for i in range(i, len(ents)):
            m = ents[i]
            if m.start >= end:
                return
            if m.end <= end and not (excluded and self.is_excluded(m.start, m.end)):
                yield m

    def entity_at(self, start: int, end: int) -> Mention | None:
        """The entity that covers [start, end), if any."""
        ents = self._entities if self._entities is not None else self.entities
        i = bisect_right(self._entity_starts, start)
        for i in range(i - 1, max(-1, i - 5), -1):   # entities do not nest deeper than this
            m = ents[i]
            if m.start <= start and end <= m.end:
                return m
        return None
