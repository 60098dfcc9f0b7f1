"""Who did it, to whom, and where: actors, recipients and the location of one trigger.

The trigger's clause runs from the last clause opener (punctuation, "khi", "rằng", a speech
verb or another trigger) before it to the next one after it. In it:
- entities before the trigger are its actors (Vietnamese puts the subject first);
- entities after it are its recipients ("gặp X", "với X", "tới X", "người đồng cấp X",
  "giữa X và Y"); "của X" after a nominal trigger ("sự hỗ trợ ... của X") names an actor;
- with "bị/được" (passive) or "do/bởi" before the trigger, entities after that word are the
  actors and those before it the recipients;
- a place entity a few words after "tại", "ở", "trên", ... is the location, not a participant;
- "do/bởi X" after the trigger names a broker or backer of something else: left out.
When the clause holds no actor, the nearest group of entities before it in the sentence
stands in ("X thông báo, nước này sẽ ...": X), and such actors are marked as borrowed.

The rules run in C (csrc/core/arg_attach.c), over the document read once; their plain Python
version, which the C pass is tested against, is tests/arguments_reference.py.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter

from .._core import arg_attach, arg_attach_all, arg_doc

__all__ = ["Arguments", "arguments_of", "arguments_all"]

PARTICIPANT_LABELS = ("PER", "ORG", "LOC")
_DETERMINERS = {"cuộc", "các", "những", "sự", "vụ", "việc", "mọi", "một", "này", "đó"}
# words allowed between a place cue and its place ("tại khu vực tranh chấp Nagorno-Karabakh")
_PLACE_REACH = 4
# words allowed between the one who undergoes a passive event and "bị" ("X đã bị ...")
_PATIENT_REACH = 4
# how close a recipient is to its trigger to count as near
NEAR_WORDS = 4
# words allowed between two entities of one group ("Nga và người đồng cấp Azerbaijan")
_GROUP_GAP = 4


@dataclass(slots=True)
class Arguments:
    actors: list | tuple      # tuples from the C pass, lists from tests/arguments_reference.py
    recipients: list | tuple
    location: object | None
    borrowed: bool            # the actors come from outside the clause
    near: bool = False        # a recipient stands at most NEAR_WORDS words after the trigger


# entity flags of _core.arg_doc: a possible participant, a place, inside an attribution phrase
_PARTICIPANT, _PLACE, _EXCLUDED = 1, 2, 4
_LABEL_FLAGS = {"PER": _PARTICIPANT, "ORG": _PARTICIPANT, "LOC": _PARTICIPANT | _PLACE}
_LABEL = attrgetter("label")
# hit flags of _core.arg_attach
_STATEMENT, _SETTING, _NOUN = 1, 2, 4


def _words(lex) -> tuple:
    """The word lists of _core.arg_doc, made once per lexicon."""
    words = _WORDS.get(id(lex))
    if words is None or words[0] is not lex:
        words = _WORDS[id(lex)] = (lex, (tuple(lex.voice), tuple(lex.cues["agent"]), tuple(lex.cues["nominal"]),
                                         tuple(_DETERMINERS)))
    return words[1]


_WORDS: dict = {}


def _doc(ctx, lex):
    """The document as _core.arg_attach reads it, made once per Context (after its
    attribution phrases are set)."""
    doc = ctx.memo.get("arg_doc")
    if doc is None:
        starts, ends, items = ctx.entity_arrays()
        # (the loop in map: a flag per entity of a long document)
        flags = bytearray(map(_LABEL_FLAGS.get, map(_LABEL, items), repeat(0)))
        # the entities inside an attribution phrase (ctx.is_excluded), found from the starts
        n = len(starts)
        for a, b in ctx.excluded:
            for i in range(bisect_left(starts, a), n):
                if starts[i] > b:
                    break
                if ends[i] <= b:
                    flags[i] |= _EXCLUDED
        doc = ctx.memo["arg_doc"] = arg_doc(
            ctx.low, starts, ends, bytes(flags), ctx.sent_starts,
            ctx.cue_records("locative"), ctx.cue_records("boundary"), _words(lex), items)
    return doc


def arguments_of(ctx, lex, hit, prev_end: int, next_start: int) -> tuple:
    """(left, right, actors, recipients, location, borrowed, near): the trigger's clause
    [left, right) in normalized offsets and its arguments (the fields of :class:`Arguments`);
    ``prev_end``/``next_start`` are the neighbouring triggers of the sentence (or its edges)."""
    flags = ((_STATEMENT if hit.type == "STATEMENT" else 0) | (_SETTING if hit.setting else 0)
             | (_NOUN if hit.entry.noun else 0))
    doc = ctx.memo.get("arg_doc") or _doc(ctx, lex)
    return arg_attach(doc, hit.sentence, hit.start, hit.end, hit.reach, prev_end, next_start, flags)


def arguments_all(ctx, lex, hits) -> list[tuple]:
    """What :func:`arguments_of` says of each of ``hits`` (one document's, in text order), each
    hit's neighbours being the hits next to it in its sentence: in one call."""
    spec = array("I")
    for h in hits:
        spec.extend((h.sentence, h.start, h.end, h.reach,
                     (_STATEMENT if h.type == "STATEMENT" else 0) | (_SETTING if h.setting else 0)
                     | (_NOUN if h.entry.noun else 0)))
    return arg_attach_all(ctx.memo.get("arg_doc") or _doc(ctx, lex), spec)
