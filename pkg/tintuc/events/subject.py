"""The subject a clause after a comma shares with its sentence.

When a trigger's clause names no actor, the arguments pass borrows the group of entities
nearest before the clause (arguments.py). After "khi", "để" or "sau khi" that is right:
"Trump chúc mừng Armenia và Azerbaijan khi đạt thỏa thuận" (Armenia and Azerbaijan reached
it). After a comma the clause more often goes on with the sentence's subject, and the
nearest entities belong to what came between:
- "UAE đã cập nhật quy định cấm đi lại với Ấn Độ, yêu cầu ..." (UAE asks, not India);
- "ông Trần Xuân Dưỡng, Phó Chủ tịch UBND tỉnh Hà Nam, yêu cầu ..." (he asks, not Hà Nam).
There the subject is the first group of entities of the sentence, looked for after an opening
phrase ("Ngày 28/4, ...", "Tại hội nghị, ...": the "opener" cues), after the last speech verb
("X cho biết, ..." : what follows is what X said), and after the last quotation mark or
colon before the clause.
"""
from __future__ import annotations

from .arguments import PARTICIPANT_LABELS
from .words import words_before

__all__ = ["sentence_subject"]

# what may stand between two entities of one subject ("Nga và Ukraine", "Mỹ, Nhật Bản"); after
# a comma, a dash or a bracket, a few words of what one is to the other ("ADB, ông Sawada",
# "Đỗ Minh Phú - Chủ tịch HĐQT TPBank")
_JOINERS = {"và", "cùng", ",", "-", "–"}
_APPOSITION = ",-–("
_APPOSITION_WORDS = 4
_QUOTES = ':“"'


def sentence_subject(ctx, lex, hits: list, i: int, left: int) -> list | None:
    """The entities of the subject of hit ``hits[i]``'s sentence that its clause, opening at
    ``left`` right after a comma, shares; None when there is none to find."""
    h = hits[i]
    low = ctx.low
    start = ctx.sent_starts[h.sentence]
    first = low[start:left].split(None, 2)
    if first and (first[0].rstrip(",") in lex.cues["opener"]
                  or " ".join(first[:2]).rstrip(",") in lex.cues["opener"]):
        comma = low.find(",", start, left)
        if comma >= 0:
            start = comma + 1
    start = max([start] + [low.rfind(q, start, left) + 1 for q in _QUOTES])
    said = start
    for j in range(i - 1, -1, -1):
        g = hits[j]
        if g.sentence != h.sentence:
            break
        if g.type == "STATEMENT" and g.reach <= left:
            said = max(start, g.reach)
            break
    # what follows a speech verb is what was said, unless it names no one ("X bày tỏ quan
    # ngại, kêu gọi ...": X)
    return (_first_group(ctx, lex, said, left) if said > start else None) or _first_group(ctx, lex, start, left)


def _first_group(ctx, lex, start: int, left: int) -> list | None:
    """The first group of participants in [start, left), or None."""
    low = ctx.low
    agent, locative = lex.cues["agent"], lex.cues["locative"]
    group = []
    for m in ctx.entities_in(start, left):
        if m.item.label not in PARTICIPANT_LABELS:
            continue
        if group:
            if m.start < group[-1].end:
                continue                                    # nested in one taken
            if not _joined(low[group[-1].end:m.start]):
                break
            group.append(m)
            continue
        before = words_before(low, m.start, 1)
        if before and (before[0] in agent or before[0] in locative):
            continue                                        # "do X", "tại X": no subject
        group.append(m)
    return [m.item for m in group] or None


def _joined(gap: str) -> bool:
    words = gap.replace(",", " , ").split()
    if all(w in _JOINERS for w in words):
        return True
    return bool(words) and words[0][0] in _APPOSITION and len(words) <= _APPOSITION_WORDS + 1 \
        and all(w.strip(_APPOSITION).isalnum() or w in _JOINERS for w in words[1:])
