"""Writing frames: JSON Lines, CSV and Parquet, to a path or an open stream.

JSONL keeps lists as arrays and writes dates as "YYYY-MM-DD" (a datetime with a time of day
as ISO 8601), missing values as null. CSV joins lists with "|" and leaves missing cells empty.
Parquet keeps every dtype (categoricals, nullable ints, lists) for pandas to read back.
"""
from __future__ import annotations

import datetime as _dt
import io
import json
import math
import os

import numpy as np
import pandas as pd

__all__ = ["FORMATS", "SUFFIX_FORMATS", "format_of", "write_frame", "to_jsonl", "to_csv", "to_parquet", "json_value"]

FORMATS = ("jsonl", "csv", "parquet")
LIST_SEPARATOR = "|"
# the format a file's name asks for
SUFFIX_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
                  ".parquet": "parquet", ".pq": "parquet"}


def format_of(dest) -> str | None:
    """The format the suffix of a path names ("report.csv": "csv"), None for a stream or an
    unknown suffix."""
    if not isinstance(dest, (str, os.PathLike)):
        return None
    return SUFFIX_FORMATS.get(os.path.splitext(os.fspath(dest))[1].lower())


def json_value(v):
    """A frame cell as a JSON-ready value."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if isinstance(v, (list, tuple, np.ndarray)):
        return [json_value(x) for x in v]
    if isinstance(v, (pd.Timestamp, _dt.datetime)):
        if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0) and v.tzinfo is None:
            return v.date().isoformat()
        return v.isoformat()
    if isinstance(v, _dt.date):
        return v.isoformat()
    if isinstance(v, (np.bool_, bool)):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    return v


def _open_text(dest):
    """(stream, close?) for a path or an already open text stream."""
    if isinstance(dest, (str, os.PathLike)):
        return open(dest, "w", encoding="utf-8", newline=""), True
    if isinstance(dest, io.TextIOBase) or hasattr(dest, "write"):
        return dest, False
    raise TypeError(f"destination must be a path or a text stream, not {type(dest).__name__}")


def to_jsonl(df: pd.DataFrame, dest) -> int:
    """Write ``df`` as JSON Lines (one object per row, UTF-8, no ASCII escaping); rows written."""
    out, close = _open_text(dest)
    try:
        columns = list(df.columns)
        n = 0
        for row in df.itertuples(index=False, name=None):
            out.write(json.dumps({c: json_value(v) for c, v in zip(columns, row)}, ensure_ascii=False))
            out.write("\n")
            n += 1
        return n
    finally:
        if close:
            out.close()


def _csv_ready(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    for c in df.columns:
        col = df[c]
        if col.dtype == object and col.map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            df[c] = col.map(lambda v: LIST_SEPARATOR.join(map(str, v))
                            if isinstance(v, (list, tuple, np.ndarray)) else v)
        elif pd.api.types.is_datetime64_any_dtype(col.dtype):
            df[c] = col.map(json_value)
    return df


def to_csv(df: pd.DataFrame, dest, *, header: bool = True) -> int:
    """Write ``df`` as CSV with a header unless ``header=False`` (lists joined by "|", dates as
    YYYY-MM-DD); rows written."""
    out, close = _open_text(dest)
    try:
        _csv_ready(df).to_csv(out, index=False, header=header, lineterminator="\n")
        return len(df)
    finally:
        if close:
            out.close()


def to_parquet(df: pd.DataFrame, dest) -> int:
    """Write ``df`` as Parquet (pyarrow) to a path or a binary stream; rows written."""
    if isinstance(dest, io.TextIOBase):
        raise ValueError("Parquet is binary: give a file path or a binary stream, not a text stream")
    df.to_parquet(dest, index=False, engine="pyarrow")
    return len(df)


WRITERS = {"jsonl": to_jsonl, "csv": to_csv, "parquet": to_parquet}


def write_frame(df: pd.DataFrame, dest, format: str) -> int:
    """Write ``df`` in ``format`` ("jsonl", "csv" or "parquet"); rows written."""
    try:
        writer = WRITERS[format]
    except (KeyError, TypeError):
        raise ValueError(f"format must be one of {', '.join(map(repr, FORMATS))}, not {format!r}") from None
    return writer(df, dest)
