"""The attribution rules of tintuc.attribution as plain Python, each anchor word the cue pass
finds read by the rules' own checks: what find_attributions must answer now that the C pass
(csrc/core/attrib_scan.c, _core.attrib_anchors) drops the anchors that cannot open a form."""
from __future__ import annotations

import bisect

from tintuc.attribution import (_CREDIT, _DATELINE, _ID, _NAME_RX, _OUTLET_VERB, _QUOTE, _REPORT, _REPORTER, _THEO,
                                _THEO_END, Attribution, _outlet_ids)
from tintuc.cuelex import phrases_at
from tintuc.document import Span


# the rules' helpers as they were before the C pass
class _Doc:
    """Offsets and entities of one document for the patterns above."""

    def __init__(self, doc, entities=None):
        core = doc._core
        self.doc = doc
        self.norm = core.norm
        self.align = core.align
        self._entities = None if entities is None else list(entities)

    def orig(self, pos: int) -> int:
        return pos if self.align is None else self.align[pos]

    def norm_pos(self, pos: int) -> int:
        return pos if self.align is None else bisect.bisect_left(self.align, pos)

    def entities(self):
        if self._entities is None:
            try:
                self._entities = list(self.doc.entities)
            except ImportError:          # entity extraction not installed: names stay spans
                self._entities = []
        return self._entities

    def thing(self, start: int, end: int, label: str | None = None):
        """The entity at normalized [start, end) (the one starting there, else one inside it),
        else a Span of the text."""
        s, e = self.orig(start), self.orig(end)
        inside = [x for x in self.entities() if s <= x.start < e and (label is None or x.label == label)]
        if inside:
            return inside[0]
        text = self.doc.text
        while e > s and text[e - 1] in ".,;:":
            e -= 1
        return Span(text[s:e], s, e)

    def name_at(self, start: int):
        """(the entity or capitalized name starting at normalized ``start``, its normalized
        end), or (None, start)."""
        s = self.orig(start)
        for x in self.entities():
            if x.start == s:
                return x, self.norm_pos(x.end)
        m = _NAME_RX.match(self.norm, start)
        if m is None:
            return None, start
        return self.thing(start, m.end()), m.end()

    def place_across(self, start: int) -> bool:
        """Whether a place name starts before ``start`` and runs into it ("Đài Loan")."""
        s = self.orig(start)
        return any(x.start < s < x.end and x.label == "LOC" for x in self.entities())


def _said(d: _Doc, m):
    """Whose words: the first person entity a few words after the cue ("dẫn lời Ngoại trưởng
    Nga Sergei Lavrov": Lavrov), else the first entity there, else the capitalized name."""
    if not m.group("said"):
        return None
    start = m.start("said")
    window = d.norm[start:start + 60].split(",")[0]
    s, e = d.orig(start), d.orig(start + len(window))
    ents = [x for x in d.entities() if s <= x.start and x.end <= e]
    people = [x for x in ents if x.label == "PER"]
    if people or ents:
        return (people or ents)[0]
    return d.thing(start, m.end("said"))


def _datelines(norm: str):
    """What ``_DATELINE.finditer(norm)`` finds, tried only at the starts of lines that hold a
    "(" (a dateline holds one and no line break, so a scan of every position is wasted)."""
    tried = -1
    i = norm.find("(")
    while i >= 0:
        line = norm.rfind("\n", 0, i) + 1
        if line != tried:
            tried = line
            m = _DATELINE.match(norm, line)
            if m:
                yield m
        i = norm.find("(", i + 1)


def _last_lines(text: str, k: int) -> int | None:
    """Where the last ``k`` lines of ``text`` (trailing whitespace aside) begin: after the
    k-th line break from its end, or after the first one when it has fewer; None without
    any (what ``text.rstrip().rsplit("\\n", k)`` splits off, without copying the text)."""
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
    pos, breaks = end, 0
    while breaks < k:
        i = text.rfind("\n", 0, pos)
        if i < 0:
            break
        pos, breaks = i, breaks + 1
    return pos + 1 if breaks else None


def sentence_start(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a line or follows a sentence's end."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    return i == 0 or text[i - 1] in "\n.!?"


def _line_space(norm: str, i: int) -> bool:
    """Whether re's [^\\S\\n] matches at ``i``."""
    return i < len(norm) and norm[i] != "\n" and norm[i].isspace()


def anchors(core) -> list:
    """(start, end) of the anchor words _core.attrib_anchors keeps: every one the cue pass
    finds that starts neither inside the one before it nor inside a word, and whose key word
    has next to it what its form needs (see csrc/core/attrib_scan.h)."""
    low, norm = core.low, core.norm
    out = []
    last = 0
    for _, pos, e, _ in phrases_at(core, "attribution"):
        if pos < last:
            continue
        last = e
        key = low[pos:e]
        if pos and low[pos - 1].isalnum():
            continue
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
            keep = e + 1 < len(norm) and norm[e + 1].isupper()
        if keep:
            out.append((pos, e))
    return out


def readable(core) -> list:
    """(start, end) of the anchor words whose form's expression the rules try: each must be
    among those of :func:`anchors`."""
    low, norm = core.low, core.norm
    out = []
    last = 0
    for _, pos, e, _ in phrases_at(core, "attribution"):
        if pos < last:
            continue
        last = e
        key = low[pos:e]
        if pos and low[pos - 1].isalnum():
            continue
        if key in ("phóng viên", "pv"):
            m = _REPORTER.match(norm, max(0, pos - 5)) if low.startswith("theo ", max(0, pos - 5)) else None
            keep = m or _REPORTER.match(norm, pos)
        elif key == "theo":
            keep = sentence_start(norm, pos) and _THEO.match(norm, pos)
        elif key == "dẫn":
            keep = _QUOTE.match(norm, pos)
        else:
            nxt = pos + len(key) + 1
            keep = nxt < len(norm) and norm[nxt].isupper() and _REPORT.match(norm, pos)
        if keep:
            out.append((pos, e))
    return out


def find_attributions(doc, entities=None) -> list:
    """The attribution phrases of ``doc``, in text order (``entities`` replace doc.entities)."""
    if doc._core is None or not doc.text:
        return []
    d = _Doc(doc, entities)
    norm = d.norm
    found = []

    def add(kind, s, e, source=None, place=None, said=None):
        if any(a <= s < b or s <= a < e for a, b, *_ in found):
            return
        found.append((s, e, kind, source, place, said))

    low = doc._core.low
    for m in _datelines(norm):
        place = d.thing(m.start("place"), m.end("place"), "LOC") if m.group("place") else None
        add("dateline", m.start(), m.end(), d.thing(m.start("source"), m.end("source")), place)
    last = 0
    for _, pos, e, _ in phrases_at(doc._core, "attribution"):
        if pos < last:
            continue
        last = e
        key = low[pos:e]
        if pos and low[pos - 1].isalnum():
            continue
        if key in ("phóng viên", "pv"):
            m = _REPORTER.match(norm, max(0, pos - 5)) if low.startswith("theo ", max(0, pos - 5)) else None
            m = m or _REPORTER.match(norm, pos)
            if m:
                end = m.start("said") if m.group("said") else m.end("place")
                add("reporter", m.start(), end, d.thing(m.start("source"), m.end("source")),
                    d.thing(m.start("place"), m.end("place"), "LOC"), _said(d, m))
        elif key == "theo":
            m = _THEO.match(norm, pos) if sentence_start(norm, pos) else None
            if m:
                src, end = d.name_at(m.end())
                if src is None or not _THEO_END.match(norm, end) or d.place_across(m.end()):
                    continue
                if m.group("outlet") or getattr(src, "id", None) in _outlet_ids():
                    add("report", pos, end, src)
                else:
                    add("report", pos, end, None, None, src)
        elif key == "dẫn":
            m = _QUOTE.match(norm, pos)
            if m:
                add("quote", m.start(), m.start("said"), None, None, _said(d, m))
        else:
            nxt = pos + len(key) + 1
            if nxt >= len(norm) or not norm[nxt].isupper():
                continue
            m = _REPORT.match(norm, pos)
            if m and not d.place_across(m.start("source")):
                end = m.start("said") if m.group("said") else m.end()
                add("report", m.start(), end, d.thing(m.start("source"), m.end("source")), None, _said(d, m))
    outlets = _outlet_ids()
    ents = d.entities()
    for x in [] if outlets.isdisjoint(map(_ID, ents)) else [x for x in ents if x.id in outlets]:
        s, e = d.norm_pos(x.start), d.norm_pos(x.end)
        m = _OUTLET_VERB.match(norm, e)
        if m:
            end = m.start("said") if m.group("said") else m.end()
            add("report", s, end, x, None, _said(d, m))
    tail_start = _last_lines(norm, 3)
    if tail_start is not None:
        line = tail_start
        while line >= 0:
            m = _CREDIT.match(norm, line)
            if m:
                add("credit", m.start(), m.end(), d.thing(m.start("source"), m.end("source")))
            line = norm.find("\n", line)
            line = line if line < 0 else line + 1
    found.sort(key=lambda f: f[0])
    out = []
    for s, e, kind, source, place, said in found:
        os_, oe = d.orig(s), d.orig(e)
        text = doc.text
        while oe > os_ and text[oe - 1].isspace():
            oe -= 1
        out.append(Attribution(text[os_:oe], os_, oe, kind, source, place, said))
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
    tail = _last_lines(norm, k)
    if tail is None:
        return []
    out = []
    for line_start, line in _lines(norm):
        if line_start < tail:
            continue
        i = 0
        while _line_space(line, i):
            i += 1
        if line[i:i + 4] in ("Theo", "theo") and _line_space(line, i + 4):
            out.append(line_start)
    return out


def _lines(norm: str):
    start = 0
    for line in norm.split("\n"):
        yield start, line
        start += len(line) + 1
