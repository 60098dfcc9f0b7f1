"""The attribution rules of tintuc.attribution as plain Python, each anchor word the cue pass
finds read by the rules' own checks: what find_attributions must answer now that the C pass
(csrc/core/attrib_scan.c, _core.attrib_anchors) drops the anchors that cannot open a form."""
from __future__ import annotations

from tintuc.attribution import (_CREDIT, _ID, _OUTLET_VERB, _QUOTE, _REPORT, _REPORTER, _THEO, _THEO_END, Attribution,
                                _datelines, _Doc, _last_lines, _outlet_ids, _said)
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
