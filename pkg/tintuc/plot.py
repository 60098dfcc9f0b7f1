"""Quick looks at a corpus with matplotlib."""
from __future__ import annotations

import pandas as pd

from .schema import EVENT_TYPES

__all__ = ["timeline"]

# (longest span in days, period alias): bars stay countable whatever the span.
_AUTO_FREQ = ((62, "D"), (2 * 366, "W"), (20 * 366, "M"))
_WORDS = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}


def _auto_freq(first: pd.Timestamp, last: pd.Timestamp) -> str:
    days = (last - first).days
    for limit, freq in _AUTO_FREQ:
        if days <= limit:
            return freq
    return "Y"


# tab20 slots: the saturated ones for the types news reports most, so each type keeps its
# colour from one plot to the next (ASSAULT red, CONSULT blue, AGREE green, STATEMENT grey).
_SLOTS = {"CONSULT": 0, "COOPERATE": 2, "AGREE": 4, "ASSAULT": 6, "ACCUSE": 8, "REQUEST": 10,
          "PROTEST": 12, "STATEMENT": 14, "MOBILIZE": 16, "SUPPORT": 18, "AID": 1, "THREATEN": 3,
          "SANCTION": 5, "COERCE": 7, "REJECT": 9, "CONCEDE": 11, "RETREAT": 13}


def _type_colors():
    import matplotlib
    cmap = matplotlib.colormaps["tab20"]
    return {t: cmap(_SLOTS.get(t, 15)) for t in EVENT_TYPES}


def timeline(events: pd.DataFrame, *, freq: str | None = None, date: str = "date", top: int = 8,
             ax=None, title: str | None = None):
    """Event counts by type over time as stacked bars; returns the matplotlib Axes.

    ``events`` is a frame with a datetime ``date`` column (pick another with ``date=``, such as
    the articles' ``published`` after a merge) and a ``type`` column, as from
    ``Corpus.events_frame()``. Rows without a date are left out (the title says how many).
    ``freq`` is a pandas period alias ("D", "W", "M", "Q", "Y"), chosen from the span of dates
    when None. The ``top`` most frequent types get their own colour, the rest are "other".
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    for col in (date, "type"):
        if col not in events.columns:
            raise ValueError(f"timeline() needs a {col!r} column (got: {', '.join(map(str, events.columns))})")
    if not pd.api.types.is_datetime64_any_dtype(events[date].dtype):
        raise TypeError(f"timeline(): column {date!r} must be datetime64, not {events[date].dtype}")
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4), layout="constrained")
    dated = events.loc[events[date].notna(), [date, "type"]]
    undated = len(events) - len(dated)
    if dated.empty:
        ax.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(title or "Events by type")
        return ax

    first, last = dated[date].min(), dated[date].max()
    freq = freq or _auto_freq(first, last)
    periods = dated[date].dt.to_period(freq)
    types = dated["type"].astype(str)
    ranked = types.value_counts().index.tolist()
    keep = ranked[:top]
    types = types.where(types.isin(keep), "other")
    counts = pd.crosstab(periods, types)
    full = pd.period_range(periods.min(), periods.max(), freq=freq)
    counts = counts.reindex(full, fill_value=0)
    columns = [t for t in keep if t in counts.columns] + (["other"] if "other" in counts.columns else [])
    counts = counts[columns]

    starts = full.to_timestamp(how="start")
    widths = [(p.end_time - p.start_time).total_seconds() / 86400 * 0.85 for p in full]
    colors = _type_colors()
    bottom = [0] * len(full)
    for t in columns:
        heights = counts[t].tolist()
        ax.bar(starts, heights, width=widths, bottom=bottom, align="edge", label=t,
               color=colors.get(t, "#9e9e9e"))
        bottom = [b + h for b, h in zip(bottom, heights)]

    word = _WORDS.get(freq, freq)
    note = f" ({undated} undated left out)" if undated else ""
    ax.set_title(title or f"Events by type per {word}{note}")
    ax.set_ylabel("events")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize="small", frameon=False)
    ax.figure.autofmt_xdate()
    return ax
