"""Negated, future and historical mentions.

- negated: a negation word ("không", "chưa", "không thể", ...) at most three words before the
  trigger, in its clause, that is not part of a longer word ("không quân", "không chỉ",
  "hàng không").
- future: a future word ("sẽ", "sắp", "dự kiến", ...) at most five words before the trigger,
  in its clause; or the event's date (read from the text) begins after publication.
- historical: a past word ("từng", "trước đây") at most five words before the trigger;
  or the event's date ended more than two years before publication ("năm 1988", "những năm
  1990": history, while last year's news is not).
"""
from __future__ import annotations

import datetime as _dt

from .triggers import BEFORE_WORDS
from .words import ends_with_phrase, starts_with_phrase, words_before

__all__ = ["negated", "future", "historical", "modality", "HISTORY_DAYS"]

NEGATION_REACH = 3
TENSE_REACH = 5
HISTORY_DAYS = 730


def _room(ctx, hit, clause_start: int) -> int:
    """The words in the clause before the trigger, about (its spaces)."""
    return ctx.low.count(" ", clause_start, hit.start)


def _before(ctx, hit) -> list[str]:
    """The words right before the trigger (up to BEFORE_WORDS, as the trigger checks read
    them), read only for the hits that become events."""
    return words_before(ctx.low, hit.start, BEFORE_WORDS)


def _window(before: list[str], room: int, reach: int) -> list[str]:
    """Up to ``reach`` of the words ``before`` the trigger, inside its clause (of ``room`` words)."""
    words = before[-reach:]
    return words[-room:] if room < len(words) else words


def _negated(ctx, lex, hit, before: list[str], room: int) -> bool:
    # one word more than the reach, to see the "hàng" of "hàng không"
    words = _window(before, room, NEGATION_REACH + 1)
    negation = lex.cues["negation"]
    lo = max(0, len(words) - NEGATION_REACH)
    if negation.first.isdisjoint(words[lo:]):
        return False                        # (what the loop below would find, at once)
    tail = words + ctx.low[hit.start:hit.end].split()
    compounds = lex.cues["not_negation"]
    for i in range(lo, len(words)):
        if tail[i] not in negation.first:
            continue                        # (what starts_with_phrase would say, without the slice)
        if (starts_with_phrase(tail[i:], negation)
                and not starts_with_phrase(tail[i:], compounds)
                and not (i and starts_with_phrase(tail[i - 1:], compounds))):   # "hàng không"
            return True
    return False


def _cue_words(lex) -> frozenset:
    """The words that begin a negation or end a future or past phrase, made once per lexicon."""
    words = _CUE_WORDS.get(id(lex))
    if words is None or words[0] is not lex:
        cues = lex.cues
        words = _CUE_WORDS[id(lex)] = (lex, cues["negation"].first | cues["future"].last | cues["historical"].last)
    return words[1]


_CUE_WORDS: dict = {}


def _has_cue(lex, words: list[str], cls: str) -> bool:
    cues = lex.cues[cls]
    if cues.last.isdisjoint(words):
        return False                        # (what the search below would find, at once)
    return any(w in cues.last and ends_with_phrase(words[: i + 1], cues) for i, w in enumerate(words))


def _later(date, published) -> bool:
    return bool(date is not None and published is not None and date.begin is not None and date.begin > published)


def _long_ago(date, published) -> bool:
    if date is None or published is None:
        return False
    last = date.end_date or date.begin
    return last is not None and (published - last).days > HISTORY_DAYS


def negated(ctx, lex, hit, clause_start: int) -> bool:
    return _negated(ctx, lex, hit, _before(ctx, hit), _room(ctx, hit, clause_start))


def future(ctx, lex, hit, clause_start: int, date, published: _dt.date | None) -> bool:
    words = _window(_before(ctx, hit), _room(ctx, hit, clause_start), TENSE_REACH)
    return _has_cue(lex, words, "future") or _later(date, published)


def historical(ctx, lex, hit, clause_start: int, date, published: _dt.date | None) -> bool:
    words = _window(_before(ctx, hit), _room(ctx, hit, clause_start), TENSE_REACH)
    return _has_cue(lex, words, "historical") or _long_ago(date, published)


def modality(ctx, lex, hit, clause_start: int, date, published: _dt.date | None) -> tuple[bool, bool, bool]:
    """(negated, future, historical) of one mention, the clause read once for the three."""
    room = _room(ctx, hit, clause_start)
    before = _before(ctx, hit)
    words = _window(before, room, TENSE_REACH)
    if _cue_words(lex).isdisjoint(words):
        # (no word of the window can begin a negation or end a tense phrase: what the tests
        # below would find, at once; the negation window is the end of this one)
        return False, _later(date, published), _long_ago(date, published)
    return (_negated(ctx, lex, hit, before, room),
            _has_cue(lex, words, "future") or _later(date, published),
            _has_cue(lex, words, "historical") or _long_ago(date, published))
