"""When it happened: the time expression that dates a trigger.

Candidates are the resolved time expressions of the trigger's sentence (tintuc.timex already
resolved them against publication, "Cùng ngày" included), outside attribution phrases. The
nearest one inside the trigger's clause wins; else the nearest one before the trigger in the
sentence ("Ngày 20/10, X cho biết ... sẽ hợp tác"); else the nearest one after it; and a day
(or a finer time) beats a coarser expression anywhere in the sentence. An expression in a
"kể từ" (since) phrase measures a comparison, not the event, and is passed over.
A STATEMENT is dated from before its verb, or by "vào ngày X"/"hôm X" after it (the rest after
the verb is what was said). Without a date in the sentence, the event is dated by publication (``date_source =
"published"``, ``date`` None).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .words import words_before

_FINE = ("time", "part_of_day", "day", "weekend")

__all__ = ["date_of"]


def _since(ctx, m) -> bool:
    """Whether "kể từ" (since) opens the phrase holding the time expression."""
    before = words_before(ctx.low, m.start, 12)
    return any(before[i:i + 2] == ["kể", "từ"] for i in range(len(before) - 1))


def _adjunct(ctx, m) -> bool:
    """Whether a time expression reads as when something happened ("vào ngày 4/11", "hôm
    12/12") rather than as part of what was said."""
    return ctx.low.startswith("hôm", m.start) or words_before(ctx.low, m.start, 1) in (["vào"], ["hôm"])


def _candidates(ctx, k: int) -> list:
    """The time expressions of sentence ``k`` that may date a trigger in it (resolved, outside
    attribution phrases, not after "kể từ"), read once per sentence: (mention, coarse) pairs,
    coarse when the expression is no day nor finer."""
    cache = ctx.memo.get("dating")
    if cache is None:
        cache = ctx.memo["dating"] = {}
    found = cache.get(k)
    if found is None:
        s, e = ctx.sentence_span(k)
        found = cache[k] = []
        times = ctx.times
        # the expressions before the first whose end (or an earlier one's) passes s all end by s
        ends = ctx.memo.get("dating_ends")
        if ends is None:
            ends = ctx.memo["dating_ends"] = list(accumulate((m.end for m in times), max))
            # (no "kể từ" without the word: most documents need not look for it)
            ctx.memo["dating_since"] = "kể" in ctx.low
        since = ctx.memo["dating_since"]
        for i in range(bisect_right(ends, s), len(times)):
            m = times[i]
            if m.end <= s:
                continue
            if m.start >= e:
                break
            t = m.item
            if t.begin is None or ctx.is_excluded(m.start, m.end) or (since and _since(ctx, m)):
                continue
            found.append((m, t.granularity not in _FINE))
    return found


def date_of(ctx, hit, clause: tuple[int, int]):
    """The TimeExpr dating ``hit``, or None."""
    left, right = clause
    statement = hit.type == "STATEMENT"
    start, end = hit.start, hit.end
    best, best_key = None, None
    for m, coarse in _candidates(ctx, hit.sentence):
        if statement and m.start >= end and not _adjunct(ctx, m):
            continue                   # after a speech verb comes what was said, not when
        if left <= m.start and m.end <= right:
            rank = 0
        elif m.end <= start:
            rank = 1
        else:
            rank = 2
        dist = start - m.end if m.end <= start else m.start - hit.reach
        # a day beats a year or a term of office ("Ngày 7/4, ... nhiệm kỳ 2020-2025")
        key = (coarse, rank, abs(dist))
        if best_key is None or key < best_key:
            best, best_key = m.item, key
    return best
