"""Datelines and attribution: who reports a story, from where, and whose words it carries.

    >>> [a.kind for a in find_attributions(analyze("Hà Nội, 14/3 (TTXVN) - Hai bên đã gặp nhau."))]
    ['dateline']

Forms read (on the normalized text; offsets are the original text's):
- dateline: "Hà Nội, 14/3 (TTXVN) -" or "(Dân trí) -" at the start of a paragraph: place,
  source;
- reporter: "Theo phóng viên TTXVN tại Moskva," and "Phóng viên TTXVN tại LB Nga dẫn thông
  báo của Điện Kremlin ...": source, place and, after "dẫn (thông báo|tuyên bố|lời) của",
  whose words are reported;
- report: "Hãng thông tấn Anadolu đưa tin", "hãng tin TASS dẫn lời ...", "Theo Reuters,",
  "Theo báo X,": the source; "Theo Bộ Quốc phòng Nga," attributes to a body that is no outlet;
- credit: a closing line "Theo Reuters" (a source credited at the end).

``source``, ``place`` and ``attributed_to`` are the document's entity at that spot when there
is one, else a Span of the name as written. The phrase ``[start, end)`` is the attribution
itself (never the reported words): the event rules ignore triggers, participants and dates
inside it, so that "Theo phóng viên TTXVN tại Moskva" places no event in Moscow.
"""
from __future__ import annotations

import bisect
import csv
import functools
import operator
import re
from dataclasses import dataclass
from importlib import resources

from . import _core
from .cuelex import _records
from .document import Span

__all__ = ["Attribution", "find_attributions"]

_UP = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# a name: capitalized words, acronyms, "The Guardian", "Money.co.uk"
_NAME_GREEDY = rf"[{_UP}0-9][\w.&'-]*(?:[^\S\n]+[{_UP}0-9][\w.&'-]*)*"
_NAME_RX = re.compile(_NAME_GREEDY)
_OUTLET = r"(?:[Bb]áo giới|[Tt]ruyền thông|[Bb]áo chí|[Hh]ãng tin|[Hh]ãng thông tấn|[Tt]hông tấn xã|[Bb]áo|[Tt]ờ|[Tt]ạp chí|[Đđ]ài|[Kk]ênh|[Tt]rang(?: tin)?|[Nn]hật báo)"
_REPORTED_WORDS = ("thông báo", "tuyên bố", "lời", "thông cáo", "nguồn tin", "phát biểu", "ý kiến")
_REPORTED = "(?:" + "|".join(_REPORTED_WORDS) + ")"
_SP = r"[^\S\n]+"

_DATELINE = re.compile(
    rf"(?m)^[^\S\n]*(?:(?P<place>[{_UP}][\w.-]*(?:{_SP}[{_UP}][\w.-]*){{0,3}}),{_SP}"
    rf"(?P<date>\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?){_SP})?\((?P<source>[^()\n]{{2,30}})\){_SP}?[-–—]")
_REPORTER = re.compile(
    rf"(?:[Tt]heo{_SP})?(?:[Pp]hóng viên|PV){_SP}(?P<source>{_NAME_GREEDY})"
    rf"(?:{_SP}thường trú)?{_SP}(?:tại|ở){_SP}(?P<place>{_NAME_GREEDY})"
    rf"(?:{_SP}dẫn{_SP}{_REPORTED}{_SP}(?:của{_SP})?(?=(?P<said>{_NAME_GREEDY})))?")
_REPORT_VERB = r"(?:đưa tin|cho biết|cho hay|dẫn lời|dẫn nguồn tin|dẫn các nguồn(?: tin)?|trích dẫn|dẫn)"
_REPORT = re.compile(
    rf"(?P<outlet>{_OUTLET}){_SP}(?P<source>{_NAME_GREEDY})(?:{_SP}của{_SP}{_NAME_GREEDY})?"
    rf"(?:{_SP}\([^()\n]{{1,30}}\))?(?:{_SP}(?:ngày|hôm){_SP}[\d/]+)?"
    rf"{_SP}(?P<verb>đưa tin|cho biết|cho hay|dẫn lời|dẫn nguồn tin|dẫn các nguồn(?: tin)?|trích dẫn|dẫn)"
    rf"(?:{_SP}(?:của{_SP})?(?=(?P<said>{_NAME_GREEDY})))?")
# "Theo X," at the start of a sentence; X is read by _Doc.name_at (an entity, else a name)
_THEO = re.compile(
    rf"[Tt]heo{_SP}(?:(?P<outlet>{_OUTLET}){_SP})?(?:{_REPORTED}{_SP}của{_SP})?", re.M)
_THEO_END = re.compile(r"[^\S\n]*(?:,|đưa tin|cho biết|cho hay)")
# where the forms above can start: the C pipeline's cue pass finds them (tintuc.cuelex)
ANCHOR_PHRASES = ("phóng viên", "pv", "theo", "dẫn", "hãng tin", "hãng thông tấn", "thông tấn xã", "báo giới",
                  "báo chí", "báo", "tờ", "tạp chí", "đài", "kênh", "trang", "nhật báo", "truyền thông")
# what must stand next to a key word for its form to be read (csrc/core/attrib_scan.h):
# "theo" opens a sentence and a space follows it ("Theo Reuters,"); a space follows "dẫn" and
# "phóng viên", and after "dẫn" the first letter of a word _QUOTE reads ("lời" or one of
# _REPORTED); any other key (an outlet) has an upper-case letter one past it ("báo Nhân Dân")
_SENTENCE, _SPACED, _NAME_NEXT = 1, 2, 3
_ANCHOR_RULES = (("theo", _SENTENCE), ("dẫn", _SPACED, "".join(sorted({w[0] for w in ("lời", *_REPORTED_WORDS)}))),
                 ("phóng viên", _SPACED), ("pv", _SPACED))
_CREDIT = re.compile(rf"(?m)^[^\S\n]*[Tt]heo{_SP}(?P<source>[^\n,.]{{2,40}}?)[^\S\n]*$")
# an outlet the gazetteer knows, reporting: "SCMP đưa tin", "Reuters dẫn lời ..."
_OUTLET_VERB = re.compile(rf"(?:{_SP}(?:đã|vừa|cũng|từng))*{_SP}{_REPORT_VERB}(?:{_SP}(?:của{_SP})?(?=(?P<said>{_NAME_GREEDY})))?")
_ID = operator.attrgetter("id")
_START = operator.attrgetter("start")
_QUOTE = re.compile(rf"dẫn{_SP}(?:lời|{_REPORTED}{_SP}của){_SP}(?=(?P<said>{_NAME_GREEDY}))")


@dataclass(frozen=True, slots=True)
class Attribution:
    """One attribution phrase: ``text == original[start:end]``; ``kind`` is "dateline",
    "reporter", "report", "quote" or "credit"."""

    text: str
    start: int
    end: int
    kind: str
    source: object | None = None
    place: object | None = None
    attributed_to: object | None = None

    def to_dict(self) -> dict:
        def d(x):
            return None if x is None else x.to_dict()
        return {"text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "source": d(self.source), "place": d(self.place), "attributed_to": d(self.attributed_to)}


@functools.lru_cache(maxsize=1)
def _outlet_ids() -> frozenset:
    """Ids of news outlets in the gazetteer (agencies.tsv)."""
    text = resources.files("tintuc").joinpath("data", "gazetteer", "agencies.tsv").read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    next(rows, None)
    return frozenset(r[0] for r in rows if r)


class _Doc:
    """Offsets and entities of one document for the patterns above."""

    def __init__(self, doc, entities=None):
        core = doc._core
        self.doc = doc
        self.norm = core.norm
        self.align = core.align
        self._entities = None if entities is None else list(entities)
        self._starts = None

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

    def starts(self):
        """The entities' starts in their order, or None when they are not sorted by start."""
        if self._starts is None:
            starts = list(map(_START, self.entities()))
            self._starts = starts if all(map(operator.le, starts, starts[1:])) else False
        return self._starts or None

    def between(self, s: int, e: int) -> list:
        """The entities (in their order) that start in original [s, e]: those a test of
        ``s <= x.start <= e`` keeps."""
        starts = self.starts()
        if starts is None:
            return [x for x in self.entities() if s <= x.start <= e]
        return self.entities()[bisect.bisect_left(starts, s):bisect.bisect_right(starts, e)]

    def thing(self, start: int, end: int, label: str | None = None):
        """The entity at normalized [start, end) (the one starting there, else one inside it),
        else a Span of the text."""
        s, e = self.orig(start), self.orig(end)
        for x in self.between(s, e):
            if x.start < e and (label is None or x.label == label):
                return x
        text = self.doc.text
        while e > s and text[e - 1] in ".,;:":
            e -= 1
        return Span(text[s:e], s, e)

    def name_at(self, start: int):
        """(the entity or capitalized name starting at normalized ``start``, its normalized
        end), or (None, start)."""
        s = self.orig(start)
        starts = self.starts()
        if starts is None:
            starts = list(map(_START, self.entities()))
            i = starts.index(s) if s in starts else -1
        else:                            # (sorted: the first at s by bisection, as index finds it)
            i = bisect.bisect_left(starts, s)
            if i == len(starts) or starts[i] != s:
                i = -1
        if i >= 0:                       # the first entity starting there
            x = self._entities[i]
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
    ents = [x for x in d.between(s, e) if x.end <= e]
    people = [x for x in ents if x.label == "PER"]
    if people or ents:
        return (people or ents)[0]
    return d.thing(start, m.end("said"))


def _datelines(norm: str):
    """What ``_DATELINE.finditer(norm)`` finds, tried only at the starts of lines that hold a
    ")" and a dash after it (a dateline holds both and no line break; read in C)."""
    for line in _core.attrib_dateline_lines(norm):
        m = _DATELINE.match(norm, line)
        if m:
            yield m


def _last_lines(text: str, k: int) -> int | None:
    """Where the last ``k`` lines of ``text`` (trailing whitespace aside) begin: after the
    k-th line break from its end, or after the first one when it has fewer; None without
    any (what ``text.rstrip().rsplit("\\n", k)`` splits off, without copying the text): the
    tail whose lines _core.attrib_credit_lines reads, as plain Python."""
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

    low = doc._core.low              # norm lower-cased, of the same length
    for m in _datelines(norm):
        place = d.thing(m.start("place"), m.end("place"), "LOC") if m.group("place") else None
        add("dateline", m.start(), m.end(), d.thing(m.start("source"), m.end("source")), place)
    # each form is looked for only where its key word stands, so that an article without
    # attribution costs little; the C pass drops the key words whose surroundings rule out
    # their form (inside the one before or inside a word, "theo" in mid-sentence, "báo cáo")
    for pos, e in _core.attrib_anchors(_records(doc._core, "attribution"), norm, low, _ANCHOR_RULES, _NAME_NEXT):
        key = low[pos:e]
        if key in ("phóng viên", "pv"):
            m = _REPORTER.match(norm, max(0, pos - 5)) if low.startswith("theo ", max(0, pos - 5)) else None
            m = m or _REPORTER.match(norm, pos)
            if m:
                end = m.start("said") if m.group("said") else m.end("place")
                add("reporter", m.start(), end, d.thing(m.start("source"), m.end("source")),
                    d.thing(m.start("place"), m.end("place"), "LOC"), _said(d, m))
        elif key == "theo":
            m = _THEO.match(norm, pos)
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
            m = _REPORT.match(norm, pos)
            if m and not d.place_across(m.start("source")):    # "Đài Loan cho biết": Taiwan speaking
                end = m.start("said") if m.group("said") else m.end()
                add("report", m.start(), end, d.thing(m.start("source"), m.end("source")), None, _said(d, m))
    outlets = _outlet_ids()
    ents = d.entities()
    # (most documents name no outlet: one set test over the ids first)
    for x in [] if outlets.isdisjoint(map(_ID, ents)) else [x for x in ents if x.id in outlets]:
        s, e = d.norm_pos(x.start), d.norm_pos(x.end)
        m = _OUTLET_VERB.match(norm, e)
        if m:
            end = m.start("said") if m.group("said") else m.end()
            add("report", s, end, x, None, _said(d, m))
    # what _CREDIT.finditer(norm, tail_start) finds from where the last 3 lines begin: a
    # credit is one whole line, tried only where "Theo" opens one (read in C)
    for line in _core.attrib_credit_lines(norm, 3):
        m = _CREDIT.match(norm, line)
        if m:
            add("credit", m.start(), m.end(), d.thing(m.start("source"), m.end("source")))
    found.sort(key=lambda f: f[0])
    out = []
    for s, e, kind, source, place, said in found:
        os_, oe = d.orig(s), d.orig(e)
        text = doc.text
        while oe > os_ and text[oe - 1].isspace():
            oe -= 1
        out.append(Attribution(text[os_:oe], os_, oe, kind, source, place, said))
    return out
