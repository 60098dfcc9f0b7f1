"""Articles read from disk: text files, folders of them, JSONL and CSV files.

``read()`` turns paths into :class:`Article` records that ``analyze_many`` accepts directly.
A text file is one article whose first line is its title when it looks like a headline; a
JSONL or CSV file holds one article per row in its ``text`` column. ``split`` cuts each of
them further into paragraphs or lines.
"""
from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as _dt
import io
import json
import os
import pathlib
import re

from .document import parse_published

__all__ = ["Article", "read", "iter_read", "read_file", "iter_file", "expand_paths", "decode_bytes"]

SPLITS = ("file", "paragraph", "line")
TABLE_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "tsv"}
# bytes read at a time when a table file is checked before it is read row by row
CHUNK = 1 << 20

# A headline is one short line that does not end like a sentence. Vietnamese headlines run to
# about 25 words; 200 characters leaves room for long ones without taking a lede for a title.
HEADLINE_MAX_CHARS = 200
SENTENCE_END = (".", "…", ":", ";", ",")

# A publication date in a file name: 2023-03-14, 2023_03_14 or 20230314, not inside a longer number.
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_]?(\d\d)[-_]?(\d\d)(?!\d)")
_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


@dataclasses.dataclass(frozen=True, slots=True)
class Article:
    """One news article (or one paragraph or line of it, after ``split``).

    ``text`` is what gets analyzed: the whole article with its title line for
    ``split="file"``. ``paragraphs`` are the body's paragraphs (title excluded), each a slice
    of ``text``; ``lede`` is the first of them. ``published`` is a ``datetime.date`` or None;
    ``path`` the file it came from; ``meta`` holds the other columns of a JSONL/CSV row, the
    row's ``line``, and ``encoding`` when the file was not UTF-8.
    """

    id: str
    title: str | None
    lede: str | None
    paragraphs: tuple[str, ...]
    text: str
    published: _dt.date | None = None
    path: str | None = None
    meta: dict = dataclasses.field(default_factory=dict, hash=False)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "title": self.title, "lede": self.lede,
            "paragraphs": list(self.paragraphs), "text": self.text,
            "published": self.published.isoformat() if self.published else None,
            "path": self.path, "meta": dict(self.meta),
        }


# --- bytes to text ---------------------------------------------------------------------------

def decode_bytes(data: bytes, where: str = "<bytes>") -> tuple[str, str]:
    """(text, encoding) of a file's bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, or a
    legacy Vietnamese encoding detected by :func:`tintuc.decode`. Newlines become ``\\n``.

    Raises ValueError naming ``where`` for binary data (a NUL byte) or bytes no encoding explains.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _newlines(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as e:
            raise ValueError(f"{where}: invalid UTF-16 at byte {e.start}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ValueError(f"{where}: binary data (NUL byte at position {nul}), not a text file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return _newlines(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as e:
        bad = e.start
    from . import _core
    encoding = _core.detect_encoding(data)
    if encoding == "utf-8":
        raise ValueError(f"{where}: not UTF-8 (invalid byte 0x{data[bad]:02x} at position {bad}) "
                         "and no legacy Vietnamese encoding fits")
    return _newlines(_core.decode(data, encoding)), encoding


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


# --- paragraphs, titles, dates ------------------------------------------------------------------

def _blocks(text: str, base: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text``, stripped, offsets plus ``base``.

    Paragraphs are separated by blank lines when the text has any; otherwise each non-empty
    line is one (agency copy and most scraped news put one paragraph on a line).
    """
    if _BLANK_LINE.search(text):
        cuts = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
        bounds, prev = [], 0
        for a, b in cuts:
            bounds.append((prev, a))
            prev = b
        bounds.append((prev, len(text)))
    else:
        bounds, prev = [], 0
        for line in text.split("\n"):
            bounds.append((prev, prev + len(line)))
            prev += len(line) + 1
    out = []
    for a, b in bounds:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            s = a + (len(chunk) - len(chunk.lstrip()))
            out.append((base + s, base + s + len(stripped)))
    return out


def _lines(text: str) -> list[tuple[int, int, int]]:
    """(start, end, line number from 1) of every non-empty line, stripped."""
    out, pos = [], 0
    for n, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            out.append((s, s + len(stripped), n))
        pos += len(line) + 1
    return out


def is_headline(line: str) -> bool:
    """A short single line that does not end like a sentence ("?" and "!" may end a headline)."""
    line = line.strip()
    return 0 < len(line) <= HEADLINE_MAX_CHARS and "\n" not in line and not line.endswith(SENTENCE_END)


def _split_title(text: str, title: str | None) -> tuple[str | None, int]:
    """(title, offset where the body starts). A given title is dropped from the body when the
    text starts with it; otherwise the first line is the title if it looks like a headline and
    more text follows."""
    lines = _lines(text)
    if not lines:
        return (title or None), 0
    a, b, _ = lines[0]
    first = text[a:b]
    if title:
        same = " ".join(first.split()) == " ".join(title.split())
        return title, (b if same else 0)
    if len(lines) > 1 and is_headline(first):
        return first, b
    return None, 0


def date_in_name(name: str) -> _dt.date | None:
    """The first valid YYYY-MM-DD / YYYYMMDD date in a file name, else None."""
    for m in _NAME_DATE.finditer(name):
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


# --- records to articles ------------------------------------------------------------------------

def _articles(text: str, *, id: str, title: str | None, published, path: str | None,
              meta: dict, split: str) -> list[Article]:
    if split == "line":
        return [Article(f"{id}#l{n}", None, None, (text[a:b],), text[a:b], published, path,
                        {**meta, "line_in_text": n})
                for a, b, n in _lines(text)]
    title, body_start = _split_title(text, title)
    spans = _blocks(text[body_start:], body_start)
    paragraphs = tuple(text[a:b] for a, b in spans)
    if split == "file":
        lede = paragraphs[0] if paragraphs else None
        return [Article(id, title, lede, paragraphs, text, published, path, dict(meta))]
    return [Article(f"{id}#p{k}", title, p if k == 1 else None, (p,), p, published, path,
                    {**meta, "paragraph": k})
            for k, p in enumerate(paragraphs, 1)]


def _row_articles(row: dict, *, where: str, default_id: str, path: str, split: str,
                  extra_meta: dict) -> list[Article]:
    if "text" not in row:
        raise ValueError(f"{where}: no 'text' field (fields: {', '.join(map(str, row)) or 'none'})")
    text = row["text"]
    if not isinstance(text, str):
        raise ValueError(f"{where}: 'text' must be a string, not {type(text).__name__}")
    text = _newlines(text)
    raw_date = row.get("published")
    if raw_date in (None, ""):
        raw_date = row.get("date")
    if isinstance(raw_date, int) and not isinstance(raw_date, bool):
        raw_date = str(raw_date)  # 20201001 written as a JSON number
    try:
        published = parse_published(raw_date if raw_date != "" else None)
    except (TypeError, ValueError) as e:
        raise ValueError(f"{where}: bad publication date {raw_date!r}: {e}") from None
    rid = row.get("id")
    if rid in (None, ""):
        rid = row.get("doc_id")
    title = row.get("title")
    title = title.strip() if isinstance(title, str) and title.strip() else None
    meta = {k: v for k, v in row.items()
            if k not in ("text", "title", "id", "doc_id", "published", "date")}
    meta.update(extra_meta)
    return _articles(text, id=str(rid) if rid not in (None, "") else default_id, title=title,
                     published=published, path=path, meta=meta, split=split)


def _jsonl_articles(lines, path: str, stem: str, split: str, meta: dict):
    """The articles of JSONL ``lines`` ((line number, str) pairs), row by row."""
    for n, line in lines:
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"{where}: invalid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(row, dict):
            raise ValueError(f"{where}: expected a JSON object, got {type(row).__name__}")
        yield from _row_articles(row, where=where, default_id=f"{stem}:{n}", path=path, split=split,
                                 extra_meta={**meta, "line": n})


def _csv_articles(stream, path: str, stem: str, split: str, meta: dict, delimiter: str):
    """The articles of a CSV or TSV text stream, record by record."""
    reader = csv.DictReader(stream, delimiter=delimiter)
    fields = reader.fieldnames or []
    if "text" not in fields:
        raise ValueError(f"{path}: no 'text' column (columns: {', '.join(fields) or 'none'})")
    for n, row in enumerate(reader, 1):
        if None in row:  # more cells than the header names
            raise ValueError(f"{path}: record {n} has {len(fields) + len(row[None])} cells "
                             f"for {len(fields)} columns")
        yield from _row_articles(row, where=f"{path}: record {n}", default_id=f"{stem}:{n}", path=path,
                                 split=split, extra_meta={**meta, "line": reader.line_num})


def _plain_utf8(p: pathlib.Path) -> bool:
    """Is the file UTF-8 with no NUL byte, no UTF-16 mark and no lone carriage return (one
    that ends no line)? Read a chunk at a time: such a table is then read row by row, without
    its whole text in memory; any other file is read whole (decode_bytes says what is wrong
    with it, or which legacy encoding it is in, from all of its bytes)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(p, "rb") as f:
        head = True
        while chunk := f.read(CHUNK):
            if head and chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
                return False
            head = False
            # (a CR ending one chunk before the LF starting the next counts as lone: that file
            # is read whole, which is right too)
            if b"\x00" in chunk or chunk.count(b"\r") != chunk.count(b"\r\n"):
                return False
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return False
    return True


def _jsonl_lines(f):
    """(line number, str) of a UTF-8 binary file, its mark (BOM) dropped."""
    for n, raw in enumerate(f, 1):
        line = raw.decode("utf-8")
        yield n, (line[1:] if n == 1 and line.startswith("\ufeff") else line)


class _Counted(io.RawIOBase):
    """A binary file whose reads are told to ``count(bytes)``."""

    def __init__(self, f, count):
        self.f, self.count = f, count

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.f.readinto(b)
        if n:
            self.count(n)
        return n


def iter_file(path, split: str = "file", *, id: str | None = None, count=None):
    """The articles of one file (text, JSONL or CSV by suffix), one at a time: a UTF-8 JSONL
    or CSV file is read row by row, so that memory never holds its whole text. Errors name
    the file (and the row); the articles before a bad row have been given by then.
    ``count(bytes)`` is told of the file's bytes as they are read (for a progress bar)."""
    _check_split(split)
    p = pathlib.Path(path)
    where = str(p)
    if p.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file (use read() for folders)", where)
    kind = TABLE_SUFFIXES.get(p.suffix.lower())
    if kind is not None and _plain_utf8(p):     # (FileNotFoundError names the file)
        with open(p, "rb", buffering=0 if count else -1) as f:
            if count:
                f = io.BufferedReader(_Counted(f, count), CHUNK)
            if kind == "jsonl":
                yield from _jsonl_articles(_jsonl_lines(f), where, p.stem, split, {})
            else:
                # universal newlines: CR LF within a quoted cell becomes LF, as in any text
                with io.TextIOWrapper(f, encoding="utf-8-sig", newline=None) as stream:
                    yield from _csv_articles(stream, where, p.stem, split, {}, "," if kind == "csv" else "\t")
        return
    with open(p, "rb") as f:  # FileNotFoundError / PermissionError carry the file name
        data = f.read()
    if count:
        count(len(data))
    text, encoding = decode_bytes(data, where)
    del data    # the bytes let go before the articles are made
    meta = {} if encoding == "utf-8" else {"encoding": encoding}
    if kind == "jsonl":
        yield from _jsonl_articles(enumerate(io.StringIO(text, newline="\n"), 1), where, p.stem, split, meta)
    elif kind in ("csv", "tsv"):
        yield from _csv_articles(io.StringIO(text, newline=""), where, p.stem, split, meta,
                                 "," if kind == "csv" else "\t")
    else:
        yield from _articles(text, id=id or p.stem, title=None, published=date_in_name(p.name), path=where,
                             meta=meta, split=split)


def read_file(path, split: str = "file", *, id: str | None = None) -> list[Article]:
    """The articles of one file (text, JSONL or CSV by suffix). Errors name the file."""
    return list(iter_file(path, split, id=id))


def expand_paths(paths) -> list[tuple[pathlib.Path, str]]:
    """(file, id) for every file named or found: a folder gives its ``*.txt`` files, recursively,
    sorted, with ids relative to it ("sub/2023-03-14_slug"); a file gives itself (id: its stem).
    A missing path is kept so that reading it raises an error that names it."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out = []
    for raw in paths:
        if not isinstance(raw, (str, os.PathLike)):
            raise TypeError(f"paths must be str or os.PathLike, not {type(raw).__name__}")
        p = pathlib.Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.suffix.lower() == ".txt" and f.is_file())
            if not files:
                raise ValueError(f"{p}: a folder with no .txt files")
            out += [(f, f.relative_to(p).with_suffix("").as_posix()) for f in files]
        else:
            out.append((p, p.stem))
    return out


def read(paths, split: str = "file") -> list[Article]:
    """Articles from text files, folders of ``*.txt`` (recursively, sorted), and JSONL/CSV/TSV
    files with a ``text`` column (optional ``published`` or ``date``, ``title``, ``id`` or
    ``doc_id``; other columns go to ``meta``).

    ``split`` is ``"file"`` (one article per file or row), ``"paragraph"`` (one per body
    paragraph: ids get ``#p1``, ``#p2``...) or ``"line"`` (one per non-empty line, no title:
    ids get ``#l<line number>``). A text file's publication date comes from a date in its
    name (``2023-03-14_slug.txt``). Bytes that are not UTF-8 are decoded as the legacy
    Vietnamese encoding :func:`tintuc.decode` detects, recorded in ``meta["encoding"]``.

    The first unreadable file raises an error that names it (OSError, or ValueError for
    binary/undecodable data and bad rows); the CLI reports such files and goes on.
    :func:`iter_read` gives the same articles one at a time.
    """
    return list(iter_read(paths, split))


def iter_read(paths, split: str = "file"):
    """The articles of :func:`read`, one at a time, file by file and row by row: for corpora
    larger than memory (``tintuc.tables.write_table`` takes them a batch at a time)."""
    _check_split(split)
    for path, ident in expand_paths(paths):
        yield from iter_file(path, split, id=ident)


def _check_split(split):
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(map(repr, SPLITS))}, not {split!r}")
