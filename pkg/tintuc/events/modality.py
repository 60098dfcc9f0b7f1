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

from .words import ends_with_phrase, starts_with_phrase

__all__ = ["negated", "future", "historical", "HISTORY_DAYS"]

NEGATION_REACH = 3
TENSE_REACH = 5
HISTORY_DAYS = 730


def _window(ctx, hit, clause_start: int, reach: int) -> list[str]:
    """Up to ``reach`` words before the trigger, inside its clause."""
    words = hit.before[-reach:]
    room = ctx.low.count(" ", clause_start, hit.start)      # words in the clause before it, about
    return words[-room:] if room < len(words) else words


def negated(ctx, lex, hit, clause_start: int) -> bool:
    # one word more than the reach, to see the "hàng" of "hàng không"
    words = _window(ctx, hit, clause_start, NEGATION_REACH + 1)
    tail = words + ctx.low[hit.start:hit.end].split()
    compounds = lex.cues["not_negation"]
    negation = lex.cues["negation"]
    for i in range(max(0, len(words) - NEGATION_REACH), len(words)):
        if tail[i] not in negation.first:
            continue                        # (what starts_with_phrase would say, without the slice)
        if (starts_with_phrase(tail[i:], negation)
                and not starts_with_phrase(tail[i:], compounds)
                and not (i and starts_with_phrase(tail[i - 1:], compounds))):   # "hàng không"
            return True
    return False


def _has_cue(ctx, lex, hit, clause_start: int, cls: str) -> bool:
    words = _window(ctx, hit, clause_start, TENSE_REACH)
    cues = lex.cues[cls]
    return any(w in cues.last and ends_with_phrase(words[: i + 1], cues) for i, w in enumerate(words))


def future(ctx, lex, hit, clause_start: int, date, published: _dt.date | None) -> bool:
    if _has_cue(ctx, lex, hit, clause_start, "future"):
        return True
    return bool(date is not None and published is not None and date.begin is not None and date.begin > published)


def historical(ctx, lex, hit, clause_start: int, date, published: _dt.date | None) -> bool:
    if _has_cue(ctx, lex, hit, clause_start, "historical"):
        return True
    if date is None or published is None:
        return False
    last = date.end_date or date.begin
    return last is not None and (published - last).days > HISTORY_DAYS
