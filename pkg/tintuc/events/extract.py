"""From one document to its event mentions: triggers, then arguments, dates, casualties and
flags for each, then the checks that decide which mentions are events.

Which triggers make events (the "level" column of triggers.tsv):
- strong ("điện đàm", "giao tranh"): always;
- anchored ("tấn công", "thỏa thuận"): when the mention has something to hold on to: a
  participant (also one borrowed from earlier in the sentence), a location or a casualty count;
- weak ("gặp", "thăm", "hỗ trợ"): only with its own subject in its clause, or a recipient
  at most four words after it ("thăm chính thức Nhật Bản", "gặp người đồng cấp Mỹ"), or, for
  violence, a casualty count ("cuộc chiến tranh ... khiến 30.000 người thiệt mạng").
A STATEMENT needs someone who makes it.

STATEMENT, the extension for announcements, is kept as an event of its own only when nothing
else happens in its sentence: "X cho biết Y sẽ hợp tác với Z" is a COOPERATE event (the
statement is how we know of it), while "X đưa ra tuyên bố tại phiên họp" stays a STATEMENT (a
trigger after "tại/ở" is the setting of the statement, not its content).
"""
from __future__ import annotations

from ..attribution import find_attributions
from ..document import Span
from .arguments import arguments_all
from .casualties import casualties_in
from .context import Context
from .dating import date_of
from .lexicon import lexicon
from .model import Event, new_event
from .modality import modality
from .subject import sentence_subject
from .triggers import find_hits

__all__ = ["extract_mentions"]


def _casualties_by_hit(ctx, lex, hits) -> dict:
    """Casualty counts for the violent hits: from their own sentence, else from the sentence
    right after it when that one reports no trigger of its own."""
    out: dict[int, dict] = {}
    violent = [h for h in hits if h.type == "ASSAULT"]
    if not violent:
        return out
    with_hits = {h.sentence for h in hits}
    by_sentence: dict[int, list] = {}
    for h in violent:
        by_sentence.setdefault(h.sentence, []).append(h)
    for k, group in by_sentence.items():
        found = casualties_in(ctx, lex, *ctx.sentence_span(k))
        nxt = k + 1
        if nxt < len(ctx.sent_starts) and nxt not in with_hits:
            found += casualties_in(ctx, lex, *ctx.sentence_span(nxt))
        for c in found:
            h = min(group, key=lambda h: abs(c.pos - h.start))
            fields = out.setdefault(id(h), {})
            # the count nearest the trigger wins
            old = fields.get(c.field)
            if old is None or abs(c.pos - h.start) < abs(old[1] - h.start):
                fields[c.field] = (c.value, c.pos)
    return out


def _anchored(hit, actors, recipients, location, borrowed, near, counts) -> bool:
    if hit.type == "STATEMENT":
        return bool(actors)                   # no statement without someone making it
    level = hit.entry.level
    if level == "strong":
        return True
    if level == "weak":
        return bool(near or (actors and not borrowed) or counts)
    return bool(actors or recipients or location is not None or counts)


def extract_mentions(doc, entities=None) -> list[Event]:
    """The event mentions of ``doc`` in text order, without clusters. ``entities`` (records
    with text, start, end, label, id, name in original offsets) replace ``doc.entities``."""
    if not doc.text or doc._core is None or not len(doc._core):
        return []
    lex = lexicon()
    ctx = Context(doc, entities)
    found = doc.attributions if entities is None else find_attributions(doc, entities)
    ctx.excluded = [(ctx.to_normalized(a.start), ctx.to_normalized(a.end)) for a in found]
    hits = find_hits(ctx, lex)
    if not hits:
        return []
    counts = _casualties_by_hit(ctx, lex, hits)
    published = doc.published
    kept = {}
    # statements last: one in a sentence that reports another event is dropped (see the
    # module notes), so its arguments need not be read
    busy = set()
    order = [i for i, h in enumerate(hits) if h.type != "STATEMENT"]
    order += [i for i, h in enumerate(hits) if h.type == "STATEMENT"]
    args = arguments_all(ctx, lex, hits)
    for i in order:
        h = hits[i]
        statement = h.type == "STATEMENT"
        if statement and h.sentence in busy:
            continue
        left, right, actors, recipients, location, borrowed, near = args[i]
        if borrowed and ctx.low[left - 1] == ",":
            # after a comma the clause goes on with its sentence's subject (subject.py)
            subject = sentence_subject(ctx, lex, hits, i, left)
            if subject is not None:
                args[i] = left, right, subject, recipients, location, borrowed, near
                actors = subject
        c = counts.get(id(h)) if counts else None
        # (most hits have nothing to hold on to: they are dropped before their date is read)
        if not _anchored(h, actors, recipients, location, borrowed, near, c):
            continue
        kept[i] = _event(ctx, lex, h, args[i], c, published)
        if not statement and not h.setting:
            busy.add(h.sentence)
    return [kept[i] for i in sorted(kept)]


def _event(ctx, lex, h, args, c, published) -> Event:
    """The event of an anchored hit ``h`` with its arguments (what arguments_of says of it)
    and its casualty counts ``c`` (or None)."""
    left, right, actors, recipients, location, _, _ = args
    if actors and recipients:
        actors, recipients = _one_side_each(actors, recipients)
    date = date_of(ctx, h, (left, right))
    text, ts, te = ctx.span_original(h.start, h.end)
    trigger = _new(Span)
    _set_text(trigger, text)
    _set_start(trigger, ts)
    _set_end(trigger, te)
    neg, fut, hist = modality(ctx, lex, h, left, date, published)
    if c:
        dead, injured, abducted = (c.get(f, (None,))[0] for f in ("dead", "injured", "abducted"))
    else:
        dead = injured = abducted = None
    return new_event(h.type, h.mode, trigger, h.sentence, tuple(actors), tuple(recipients), location,
                     date, "text" if date is not None else ("published" if published else None),
                     dead, injured, abducted, neg, fut, hist, "+".join(h.rules))


def _one_side_each(actors, recipients) -> tuple:
    """actors and recipients with no one on both sides: one named on both ("Trung Quốc coi Đài
    Loan ... thống nhất Đài Loan") is a recipient, unless no actor would be left."""
    rid = {r.id for r in recipients}
    if rid.isdisjoint([a.id for a in actors]):
        return actors, recipients
    rest = [a for a in actors if a.id not in rid]
    if rest:
        return rest, recipients
    aid = {a.id for a in actors}
    return actors, [r for r in recipients if r.id not in aid]


# The trigger's Span made by setting its slots directly, as new_event makes the Event (the
# frozen dataclass's __init__ goes through object.__setattr__ for each field).
assert Span.__slots__ == ("text", "start", "end")
_new = object.__new__
_set_text, _set_start, _set_end = (getattr(Span, name).__set__ for name in Span.__slots__)
