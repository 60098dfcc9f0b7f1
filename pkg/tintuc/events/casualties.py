"""Casualty counts: "khiến khoảng 30.000 người thiệt mạng", "15/19 thủy thủ bị bắt cóc",
"làm chết 5 người".

A count is a quantity of people (tintuc.quantity) that ends a few words before a casualty word
(data/events/cues.tsv: dead, injured, abducted) or starts right after it. Vague counts give
their lower bound ("hàng trăm" is 100), as tintuc.quantity reads them. Quantities are read
only in sentences that hold a casualty word.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..quantity import find_quantities

__all__ = ["Casualty", "casualties_in"]

# words allowed between a count and its casualty word ("một thủy thủ đã thiệt mạng")
_BEFORE_GAP = 3
# words allowed between a casualty word and a count after it ("làm chết ít nhất 5 người")
_AFTER_GAP = 1
_NOT_PEOPLE = ("money", "percent", "measure", "duration", "age")


@dataclass(frozen=True, slots=True)
class Casualty:
    pos: int           # normalized offset of the casualty word
    field: str         # "dead", "injured" or "abducted"
    value: int


def _words(text: str) -> list[str] | None:
    if any(ch in text for ch in ",;:.()\n"):
        return None
    return text.split()


def casualties_in(ctx, lex, start: int, end: int) -> list[Casualty]:
    """The casualty counts of the sentence [start, end) in normalized offsets."""
    cues = ctx.cues("casualty", start, end, word_start=True)
    if not cues:
        return []
    text = ctx.norm[start:end]
    quantities = [q for q in find_quantities(text) if q.kind not in _NOT_PEOPLE and isinstance(q.value, int)]
    out = []
    for phrase, cue_start, cue_end in cues:
        field = lex.casualty_field(phrase)
        cs, ce = cue_start - start, cue_end - start
        best = None
        for q in quantities:
            if q.end <= cs:
                gap = _words(text[q.end:cs])
                if gap is not None and len(gap) <= _BEFORE_GAP:
                    best = q                   # the last count before the word wins
            elif q.start >= ce and best is None:
                gap = _words(text[ce:q.start])
                if gap is not None and len(gap) <= _AFTER_GAP:
                    best = q
                break
        if best is not None:
            out.append(Casualty(cue_start, field, int(best.value)))
    return out
