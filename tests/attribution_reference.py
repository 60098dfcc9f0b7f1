"""The attribution scan as plain Python, as it was before the C pass: what find_attributions
must answer now that csrc/core/attrib_scan.c (_core.attrib_anchors, attrib_dateline_lines,
attrib_credit_lines) picks the anchor words and the lines the rules' expressions are tried at.
Only the scanning lives here; the expressions and the reading of each form are those of
tintuc.attribution, run with the old scans in place of the C ones."""
from __future__ import annotations

import contextlib

from tintuc import _core, attribution
from tintuc.attribution import _CREDIT, _DATELINE, _QUOTE, _REPORT, _REPORTER, _THEO, _last_lines  # noqa: F401 (tests read them here)
from tintuc.cuelex import phrases_at


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a line or follows a sentence's end."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?"


def _line_space(norm: str, i: int) -> bool:
    """Whether re's [^\\S\\n] matches at ``i``."""
    return i < len(norm) and norm[i] != "\n" and norm[i].isspace()


def _lines(norm: str):
    start = 0
    for line in norm.split("\n"):
        yield start, line
        start += len(line) + 1


def _tail(norm: str, k: int):
    """(start, text) of the lines from _last_lines(norm, k) on."""
    tail = _last_lines(norm, k)
    return [] if tail is None else [(s, line) for s, line in _lines(norm) if s >= tail]


def _keys(core):
    """(start, end, lower-cased key) of every anchor word the cue pass finds that starts
    neither inside the one before it nor inside a word."""
    low = core.low
    last = 0
    for _, pos, e, _ in phrases_at(core, "attribution"):
        if pos < last:
            continue
        last = e
        if not (pos and low[pos - 1].isalnum()):
            yield pos, e, low[pos:e]


def _capital_after(norm: str, e: int) -> bool:
    """Whether an upper-case letter stands one past ``e`` (an outlet word's name)."""
    return e + 1 < len(norm) and norm[e + 1].isupper()


def anchors(core) -> list:
    """(start, end) of the anchor words _core.attrib_anchors keeps: those of :func:`_keys`
    whose key word has next to it what its form needs (see csrc/core/attrib_scan.h)."""
    norm = core.norm
    out = []
    for pos, e, key in _keys(core):
        if key in ("phóng viên", "pv"):
            keep = _line_space(norm, e)
        elif key == "dẫn":
            # the words _QUOTE reads after "dẫn" and its spaces: "lời" and those of _REPORTED
            i = e
            while _line_space(norm, i):
                i += 1
            keep = i > e and i < len(norm) and norm[i] in "lntpý"
        elif key == "theo":
            keep = _line_space(norm, e) and sentence_start(norm, pos)
        else:
            keep = _capital_after(norm, e)
        if keep:
            out.append((pos, e))
    return out


def readable(core) -> list:
    """(start, end) of the anchor words whose form's expression the rules try: each must be
    among those of :func:`anchors`."""
    low, norm = core.low, core.norm
    out = []
    for pos, e, key in _keys(core):
        if key in ("phóng viên", "pv"):
            m = _REPORTER.match(norm, max(0, pos - 5)) if low.startswith("theo ", max(0, pos - 5)) else None
            keep = m or _REPORTER.match(norm, pos)
        elif key == "theo":
            keep = sentence_start(norm, pos) and _THEO.match(norm, pos)
        elif key == "dẫn":
            keep = _QUOTE.match(norm, pos)
        else:
            keep = _capital_after(norm, e) and _REPORT.match(norm, pos)
        if keep:
            out.append((pos, e))
    return out


def dateline_lines(norm: str) -> list:
    """The starts of the lines holding a ")" that a dash follows, line spaces aside, as
    _core.attrib_dateline_lines finds them."""
    out = []
    for line_start, line in _lines(norm):
        i = line.find(")")
        while i >= 0:
            j = i + 1
            while _line_space(line, j):
                j += 1
            if j < len(line) and line[j] in "-\u2013\u2014":
                out.append(line_start)
                break
            i = line.find(")", i + 1)
    return out


def credit_lines(norm: str, k: int) -> list:
    """The starts of the lines from _last_lines(norm, k) on that open with "[Tt]heo" and a
    line space after line spaces, as _core.attrib_credit_lines finds them."""
    out = []
    for line_start, line in _tail(norm, k):
        i = 0
        while _line_space(line, i):
            i += 1
        if line[i:i + 4] in ("Theo", "theo") and _line_space(line, i + 4):
            out.append(line_start)
    return out


def _paren_lines(norm: str) -> list:
    """The starts of the lines that hold a "(": where datelines were tried before the C pass."""
    return [s for s, line in _lines(norm) if "(" in line]


def _datelines(norm: str) -> list:
    """What ``_DATELINE.finditer(norm)`` finds, tried at every line that holds a "("."""
    return [m for m in (_DATELINE.match(norm, s) for s in _paren_lines(norm)) if m]


class _OldScans:
    """tintuc._core with the attribution scans of before the C pass: every anchor word of
    :func:`_keys` save a "theo" in mid-sentence and an outlet word before no capital (the
    checks the rules made themselves), the lines that hold a "(" for datelines, every line of
    the tail for credits. It notes its calls, so that a find_attributions that no longer
    asks them fails the test instead of comparing the C with itself."""

    def __init__(self, core):
        self._doc_core = core
        self.calls = set()

    def __getattr__(self, name):
        return getattr(_core, name)

    def attrib_anchors(self, records, norm, low, rules, other):
        self.calls.add("anchors")
        return [(pos, e) for pos, e, key in _keys(self._doc_core)
                if (sentence_start(norm, pos) if key == "theo"
                    else key in ("phóng viên", "pv", "dẫn") or _capital_after(norm, e))]

    def attrib_dateline_lines(self, norm):
        self.calls.add("datelines")
        return _paren_lines(norm)

    def attrib_credit_lines(self, norm, k):
        self.calls.add("credits")
        return [s for s, _ in _tail(norm, k)]


class _LinearDoc(attribution._Doc):
    """The entity look-ups as a test of every entity, without the bisection over their starts."""

    def starts(self):
        return None


@contextlib.contextmanager
def _old_scans(core):
    scans = _OldScans(core)
    saved = attribution._core, attribution._Doc
    attribution._core, attribution._Doc = scans, _LinearDoc
    try:
        yield scans
    finally:
        attribution._core, attribution._Doc = saved


def find_attributions(doc, entities=None) -> list:
    """The attribution phrases of ``doc`` as the rules read them with the old scans."""
    if doc._core is None or not doc.text:
        return []
    with _old_scans(doc._core) as scans:
        out = attribution.find_attributions(doc, entities)
    assert scans.calls == {"anchors", "datelines", "credits"}, "find_attributions no longer asks _core's scans"
    return out
