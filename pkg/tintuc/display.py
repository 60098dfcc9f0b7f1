"""HTML for notebooks: a Document with its entities highlighted and events marked, a Corpus as
a summary table.

Every piece of text and every attribute goes through ``html.escape``; overlapping spans are cut
into segments so the tags always nest properly.
"""
from __future__ import annotations

import html

__all__ = ["document_html", "corpus_html", "LABEL_COLORS"]

LABEL_COLORS = {"PER": "#ffd6a5", "LOC": "#caffbf", "ORG": "#a0e7f5", "MISC": "#e4c8fa"}
OTHER_COLOR = "#e0e0e0"
EVENT_STYLE = "border-bottom:2px solid #d1495b;background:#fde2e4;border-radius:2px"
CHIP_STYLE = ("font-size:0.65em;font-weight:bold;margin-left:2px;padding:0 2px;"
              "border-radius:2px;vertical-align:super;opacity:0.8")
BOX_STYLE = "font-family:sans-serif;line-height:1.8;max-width:60em"
CELL = "padding:2px 6px;border-bottom:1px solid #ddd;text-align:left;vertical-align:top"
CORPUS_ROWS = 10


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _entity_title(ent) -> str:
    parts = [ent.label, ent.name, ent.id, ent.source]
    return " · ".join(str(p) for p in parts if p)


def _names(ents) -> str:
    return ", ".join(e.name or e.text for e in ents)


def _event_title(k, ev) -> str:
    bits = [f"event {k}: {ev.type}"]
    if ev.mode:
        bits[0] += f"/{ev.mode}"
    if ev.actors:
        bits.append("actors: " + _names(ev.actors))
    if ev.recipients:
        bits.append("recipients: " + _names(ev.recipients))
    if ev.date is not None:
        bits.append(f"date: {ev.date.value}")
    return "; ".join(bits)


def _annotations(doc):
    """(start, end, kind, open_tag, close_tag, chip) for every entity and event trigger.

    Entities sort before triggers so that, where they overlap, the entity is the outer tag.
    """
    out = []
    for ent in doc.entities:
        color = LABEL_COLORS.get(ent.label, OTHER_COLOR)
        tag = (f'<span class="tintuc-ent tintuc-{_e(ent.label)}" title="{_e(_entity_title(ent))}" '
               f'style="background:{color};padding:1px 2px;border-radius:3px">')
        chip = f'<span class="tintuc-label" style="{CHIP_STYLE}">{_e(ent.label)}</span>'
        out.append((ent.start, ent.end, 0, tag, "</span>", chip))
    for k, ev in enumerate(doc.events):
        trig = ev.trigger
        tag = f'<span class="tintuc-event" title="{_e(_event_title(k, ev))}" style="{EVENT_STYLE}">'
        chip = f'<span class="tintuc-label" style="{CHIP_STYLE};color:#d1495b">{_e(ev.type)}</span>'
        out.append((trig.start, trig.end, 1, tag, "</span>", chip))
    return [a for a in out if a[0] < a[1]]


def _marked_text(doc) -> str:
    text = doc.text
    notes = _annotations(doc)
    cuts = sorted({0, len(text), *(a[0] for a in notes), *(a[1] for a in notes)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        covering = sorted((n for n in notes if n[0] <= a and b <= n[1]), key=lambda n: (n[2], n[0], -n[1]))
        piece = _e(text[a:b])
        for n in reversed(covering):  # innermost first
            chip = n[5] if n[1] == b else ""
            piece = f"{n[3]}{piece}{chip}{n[4]}"
        parts.append(piece)
    return "".join(parts)


def _events_table(doc) -> str:
    if not doc.events:
        return ""
    head = ["#", "type", "mode", "trigger", "actors", "recipients", "location", "date", "dead",
            "injured", "flags"]
    rows = []
    for k, ev in enumerate(doc.events):
        flags = [f for f in ("negated", "future", "historical") if getattr(ev, f)]
        loc = ev.location
        cells = [k, ev.type, ev.mode, ev.trigger.text, _names(ev.actors), _names(ev.recipients),
                 None if loc is None else (loc.name or loc.text),
                 None if ev.date is None else ev.date.value, ev.dead, ev.injured, " ".join(flags)]
        rows.append("<tr>" + "".join(f'<td style="{CELL}">{_e(c)}</td>' for c in cells) + "</tr>")
    header = "".join(f'<th style="{CELL}">{_e(h)}</th>' for h in head)
    return (f'<table style="border-collapse:collapse;font-size:0.85em;margin-top:0.5em">'
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>")


def _legend() -> str:
    chips = "".join(f'<span style="background:{c};padding:1px 4px;margin-right:4px;border-radius:3px">'
                    f"{_e(label)}</span>" for label, c in LABEL_COLORS.items())
    return (f'<div style="font-size:0.8em;margin:0.3em 0">{chips}'
            f'<span style="{EVENT_STYLE};padding:1px 4px">event</span></div>')


def document_html(doc) -> str:
    """The document's text with entities highlighted by label and event triggers marked (hover
    for ids, names and event details), then a table of its events."""
    art = (doc.meta or {}).get("article")
    head = []
    title = getattr(art, "title", None)
    if title:
        head.append(f"<strong>{_e(title)}</strong>")
    info = [f"published {doc.published.isoformat()}" if doc.published else "no publication date",
            f"{len(doc.entities)} entities", f"{len(doc.events)} events"]
    path = getattr(art, "path", None)
    if path:
        info.append(str(path))
    head.append(f'<div style="color:#666;font-size:0.8em">{_e(" · ".join(info))}</div>')
    return (f'<div class="tintuc-document" style="{BOX_STYLE}">{"".join(head)}{_legend()}'
            f'<div class="tintuc-text" style="white-space:pre-wrap">{_marked_text(doc)}</div>'
            f"{_events_table(doc)}</div>")


def corpus_html(corpus, rows: int = CORPUS_ROWS) -> str:
    """A summary of the corpus (documents, characters, dates) and a table of its first ``rows``
    documents with their entity and event counts (only those documents are analyzed for it)."""
    dates = [d.published for d in corpus if d.published is not None]
    chars = sum(len(d.text) for d in corpus)
    span = f"published {min(dates).isoformat()} to {max(dates).isoformat()}" if dates else "no dates"
    summary = f"{len(corpus):,} documents · {chars:,} characters · {span}"
    head = ["doc", "title / text", "published", "chars", "sentences", "entities", "events"]
    body = []
    for i in range(min(rows, len(corpus))):
        doc = corpus[i]
        art = (doc.meta or {}).get("article")
        label = getattr(art, "title", None) or doc.text[:80].replace("\n", " ")
        cells = [corpus.index[i], label, doc.published.isoformat() if doc.published else "",
                 len(doc.text), len(doc.sentences), len(doc.entities), len(doc.events)]
        body.append("<tr>" + "".join(f'<td style="{CELL}">{_e(c)}</td>' for c in cells) + "</tr>")
    more = len(corpus) - min(rows, len(corpus))
    foot = f'<div style="color:#666;font-size:0.8em">… and {more:,} more</div>' if more > 0 else ""
    header = "".join(f'<th style="{CELL}">{_e(h)}</th>' for h in head)
    return (f'<div class="tintuc-corpus" style="font-family:sans-serif">'
            f"<div><strong>Corpus</strong> · {_e(summary)}</div>"
            f'<table style="border-collapse:collapse;font-size:0.85em">'
            f"<thead><tr>{header}</tr></thead><tbody>{''.join(body)}</tbody></table>{foot}</div>")
