"""The ``tintuc`` command (also ``python -m tintuc``).

    tintuc analyze PATH... [--split file|paragraph|line] [--published DATE]
                           [--table events|entities|articles] [--format jsonl|csv|parquet] [--out FILE]
                           [--n-jobs N] [--batch N]
    tintuc normalize [--tone hòa|hoà|none]      stdin to stdout, line by line
    tintuc tokenize [--tokens | --sentences]    stdin to stdout, line by line

Exit status: 0 when everything was read, 1 when some input could not be (it is reported on
stderr, naming the file, and the rest is still processed and written: a table file up to its
first bad row), 2 for usage errors.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import warnings

from .tables import BATCH

__all__ = ["main"]

TONES = {"hòa": "hòa", "hoa": "hòa", "hoà": "hoà", "none": None}
FILTER_BATCH = 2048  # lines per call into C in the filters


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


def _say(msg: str) -> None:
    print(f"tintuc: {msg}", file=sys.stderr, flush=True)


def _describe(err: BaseException) -> str:
    """An error message that names the file: OSErrors carry it apart, our ValueErrors in front."""
    if isinstance(err, OSError) and err.filename is not None:
        return f"{err.filename}: {err.strerror or err}"
    return str(err)


def _utf8(stream):
    reconfigure = getattr(stream, "reconfigure", None)
    if callable(reconfigure) and (getattr(stream, "encoding", "") or "").lower() not in ("utf-8", "utf8"):
        reconfigure(encoding="utf-8")
    return stream


# --- analyze -------------------------------------------------------------------------------------

def _pick_format(fmt: str | None, out: str | None) -> str:
    if fmt is None and out not in (None, "-"):
        from .export import format_of
        fmt = format_of(out)
    fmt = fmt or "jsonl"
    if fmt == "parquet" and out in (None, "-"):
        raise UsageError("Parquet is binary and is not written to standard output: give --out FILE")
    return fmt


class _Articles:
    """The articles of the command line's paths, one at a time (tintuc.articles.iter_file:
    memory holds one batch of them, not the corpus), each input that cannot be read reported
    and skipped (a table file from its first bad row on). ``total`` is the bytes of every
    file; ``done`` those read so far, ``count`` the articles given, ``failed`` the inputs
    skipped."""

    def __init__(self, paths, split: str, default_date):
        from .articles import expand_paths
        self.split, self.default_date = split, default_date
        self.files, self.failed = [], 0
        for raw in paths:
            try:
                self.files += expand_paths([raw])
            except (OSError, ValueError) as e:
                _say(f"error: {_describe(e)}")
                self.failed += 1
        self.total = sum(_size(path) for path, _ in self.files)
        self.done = self.count = 0

    def _read(self, n: int) -> None:
        self.done += n

    def __iter__(self):
        from .articles import iter_file
        read = 0    # bytes of the files before this one
        for path, ident in self.files:
            given = 0
            try:
                for article in iter_file(path, self.split, id=ident, count=self._read):
                    if article.published is None and self.default_date is not None:
                        article = dataclasses.replace(article, published=self.default_date)
                    given += 1
                    self.count += 1
                    yield article
            except (OSError, ValueError) as e:
                _say(f"error: {_describe(e)} ({'the rest of the file ' if given else ''}skipped)")
                self.failed += 1
            read += _size(path)
            self.done = read    # all of it, however much was read before an error


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:     # reported when it is read
        return 0


def _require(module: str, why: str) -> None:
    import importlib.util
    if importlib.util.find_spec(module) is None:
        raise UsageError(f"{why} needs {module}: pip install 'tintuc[pandas]'")


def cmd_analyze(args) -> int:
    from .document import parse_published
    fmt = _pick_format(args.format, args.out)
    _require("pandas", "tintuc analyze")
    if fmt == "parquet":
        _require("pyarrow", "Parquet output")
    try:
        default_date = parse_published(args.published) if args.published else None
    except ValueError as e:
        raise UsageError(f"--published: {e}") from None
    progress = sys.stderr.isatty() if args.progress is None else args.progress

    if args.batch < 1:
        raise UsageError(f"--batch must be at least 1, not {args.batch}")
    articles = _Articles(args.paths, args.split, default_date)
    # a batch of articles at a time: memory holds one batch of documents (tintuc.tables)
    from .tables import write_table
    bar = None
    if progress:
        from tqdm.auto import tqdm
        # in bytes of input analyzed: the articles' count is known only once all are read
        bar = tqdm(total=articles.total, unit="B", unit_scale=True, desc="tintuc")

    def tick(_):
        bar.update(articles.done - bar.n)

    run = dict(table=args.table, format=fmt, batch=args.batch, n_jobs=args.n_jobs,
               tick=tick if bar is not None else None)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _warning
            if args.out in (None, "-"):
                try:
                    rows = write_table(articles, _utf8(sys.stdout), **run)
                    sys.stdout.flush()
                except BrokenPipeError:  # `| head`: the reader has all it wanted
                    devnull = os.open(os.devnull, os.O_WRONLY)
                    os.dup2(devnull, sys.stdout.fileno())
                    return 1 if articles.failed else 0
            else:
                rows = write_table(articles, args.out, **run)
    finally:
        if bar is not None:
            bar.close()
    failed = articles.failed
    if progress and args.out not in (None, "-"):
        _say(f"wrote {rows:,} {args.table} rows from {articles.count:,} articles to {args.out}")
    if failed:
        _say(f"{failed} input{'s' if failed > 1 else ''} could not be read")
    return 1 if failed else 0


def _warning(message, category, filename, lineno, file=None, line=None) -> None:
    _say(f"warning: {message}")


# --- filters -------------------------------------------------------------------------------------

class _StdinLines:
    """Batches of stdin lines, decoded one by one: UTF-8, else the legacy encoding tintuc
    detects. Bytes that are neither are replaced by U+FFFD, reported, and counted in ``bad``
    (the line is still written, so output lines match input lines)."""

    def __init__(self, stream):
        self.stream = stream
        self.bad = 0

    def _decode(self, raw: bytes, n: int) -> str:
        from . import _core
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as e:
            if _core.detect_encoding(raw) != "utf-8":
                return _core.decode(raw, "auto")
            _say(f"<stdin>:{n}: invalid UTF-8 at byte {e.start}, replaced with U+FFFD")
            self.bad += 1
            return raw.decode("utf-8", errors="replace")

    def batches(self):
        batch = []
        for n, raw in enumerate(self.stream, 1):
            batch.append(self._decode(raw.rstrip(b"\n").rstrip(b"\r"), n))
            if len(batch) >= FILTER_BATCH:
                yield batch
                batch = []
        if batch:
            yield batch


def _filter(transform) -> int:
    out = _utf8(sys.stdout)
    lines = _StdinLines(sys.stdin.buffer)
    try:
        for batch in lines.batches():
            out.write("".join(line + "\n" for line in transform(batch)))
        out.flush()
    except BrokenPipeError:  # `| head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if lines.bad else 0


def cmd_normalize(args) -> int:
    from . import normalize_many
    tone = TONES[args.tone]
    return _filter(lambda lines: normalize_many(lines, tone=tone))


def cmd_tokenize(args) -> int:
    if args.tokens:
        from . import tokenize
        return _filter(lambda lines: [" ".join(t.text for t in tokenize(x)) for x in lines])
    from .words import word_tokenize_many
    if args.sentences:
        from . import sent_tokenize

        def sentences(lines):
            out = []
            for x in lines:
                out += word_tokenize_many(sent_tokenize(x), format="text")
            return out
        return _filter(sentences)
    return _filter(lambda lines: word_tokenize_many(lines, format="text"))


# --- parser --------------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="tintuc", description="Vietnamese news text to articles, "
                                "entities and events.")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    a = sub.add_parser("analyze", help="analyze files and write a table of events, entities or articles",
                       description="Analyze text files, folders of *.txt files, or JSONL/CSV files with a "
                       "'text' column (and 'published' or 'date'), and write one table.")
    a.add_argument("paths", nargs="+", metavar="PATH")
    a.add_argument("--split", choices=("file", "paragraph", "line"), default="file",
                   help="one document per file or row (default), per paragraph, or per line")
    a.add_argument("--published", metavar="DATE",
                   help="publication date (YYYY-MM-DD) for input that has none of its own")
    a.add_argument("--table", choices=("events", "entities", "articles"), default="events",
                   help="the table written (default: events)")
    a.add_argument("--format", choices=("jsonl", "csv", "parquet"),
                   help="output format (default: from --out's suffix, else jsonl)")
    a.add_argument("--out", metavar="FILE", help="output file (default: standard output)")
    a.add_argument("--n-jobs", type=int, default=1, metavar="N",
                   help="processes analyzing the articles (-1: every CPU)")
    a.add_argument("--batch", type=int, default=BATCH, metavar="N",
                   help=f"articles analyzed at once: memory holds one batch (default {BATCH})")
    bar = a.add_mutually_exclusive_group()
    bar.add_argument("--progress", dest="progress", action="store_true", default=None,
                     help="show progress bars (default: when stderr is a terminal)")
    bar.add_argument("--no-progress", dest="progress", action="store_false")
    a.set_defaults(run=cmd_analyze)

    n = sub.add_parser("normalize", help="normalize standard input to standard output, line by line")
    n.add_argument("--tone", choices=tuple(TONES), default="hòa",
                   help="tone mark placement: hòa (default), hoà, or none to leave it")
    n.set_defaults(run=cmd_normalize)

    t = sub.add_parser("tokenize", help="segment words of standard input (syllables joined by _)")
    mode = t.add_mutually_exclusive_group()
    mode.add_argument("--tokens", action="store_true", help="tokens separated by spaces, no word segmentation")
    mode.add_argument("--sentences", action="store_true", help="one segmented sentence per line")
    t.set_defaults(run=cmd_tokenize)
    return p


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as e:
        parser.exit(2, f"tintuc: error: {e}\n")
    except KeyboardInterrupt:
        _say("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
