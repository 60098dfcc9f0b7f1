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


def _since(ctx, start: int) -> bool:
    """Whether "kể từ" (since) opens the phrase holding the time expression at ``start``."""
    before = words_before(ctx.low, start, 12)
    return any(before[i:i + 2] == ["kể", "từ"] for i in range(len(before) - 1))


def _adjunct(ctx, start: int) -> bool:
    """Whether the time expression at ``start`` reads as when something happened ("vào ngày
    4/11", "hôm 12/12") rather than as part of what was said."""
    return ctx.low.startswith("hôm", start) or words_before(ctx.low, start, 1) in (["vào"], ["hôm"])


def _candidates(ctx, k: int) -> list:
    """The time expressions of sentence ``k`` that may date a trigger in it (resolved, outside
    attribution phrases, not after "kể từ"), read once per sentence: (start, end, expression,
    coarse) in normalized offsets, coarse when the expression is no day nor finer."""
    cache = ctx.memo.get("dating")
    if cache is None:
        cache = ctx.memo["dating"] = {}
    found = cache.get(k)
    if found is None:
        s, e = ctx.sentence_span(k)
        found = cache[k] = []
        starts, ends, items = ctx.time_arrays()
        # the expressions before the first whose end (or an earlier one's) passes s all end by s
        reach = ctx.memo.get("dating_ends")
        if reach is None:
            reach = ctx.memo["dating_ends"] = list(accumulate(ends, max))
            # (no "kể từ" without the word: most documents need not look for it)
            ctx.memo["dating_since"] = "kể" in ctx.low
        since = ctx.memo["dating_since"]
        excluded = ctx.excluded
        for i in range(bisect_right(reach, s), len(items)):
            ts, te = starts[i], ends[i]
            if te <= s:
                continue
            if ts >= e:
                break
            t = items[i]
            if t.begin is None or (excluded and ctx.is_excluded(ts, te)) or (since and _since(ctx, ts)):
                continue
            found.append((ts, te, t, t.granularity not in _FINE))
    return found


def date_of(ctx, hit, clause: tuple[int, int]):
    """The TimeExpr dating ``hit``, or None."""
    left, right = clause
    statement = hit.type == "STATEMENT"
    start, end = hit.start, hit.end
    best, best_key = None, None
    for ts, te, t, coarse in _candidates(ctx, hit.sentence):
        if statement and ts >= end and not _adjunct(ctx, ts):
            continue                   # after a speech verb comes what was said, not when
        if left <= ts and te <= right:
            rank = 0
        elif te <= start:
            rank = 1
        else:
            rank = 2
        dist = start - te if te <= start else ts - hit.reach
        # a day beats a year or a term of office ("Ngày 7/4, ... nhiệm kỳ 2020-2025")
        key = (coarse, rank, abs(dist))
        if best_key is None or key < best_key:
            best, best_key = t, key
    return best
