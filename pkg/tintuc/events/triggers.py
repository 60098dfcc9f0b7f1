"""Finding triggers: the C pipeline's cue pass (tintuc.cuelex) marks every trigger phrase of the
lexicon over the document's tokens; each is read here as a regular expression over the text
would find it (left to right, the longest phrase at a place, no word going on after it), then
put through cheap checks.

A hit survives when it is a whole word for the segmenter, lies inside no entity name ("Tổ
chức Hợp tác Thượng Hải") and no attribution phrase, is not cancelled by the word before or
after it (blockers in cues.tsv), has the object its entry needs ("triển khai" + forces), is
not in a sentence about sport (for violence words), and follows no "nếu" (hypothetical
mentions are not events). Neighbouring hits that report one event are then joined.

The word checks (everything up to the sentence's vetoes) run in C over all the hits of a
document at once (csrc/core/trigger_check.c, see checked_hits); _check is the same checks in
Python, the reference its tests compare against.
"""
from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field

from .._core import trigger_check, trigger_hits, trigger_table
from ..cuelex import _records, cue_lexicon, phrases_at
from .lexicon import TYPES, Entry, Lexicon, needs_reach
from .words import PhraseSet, ends_with_phrase, phrase_in, starts_with_phrase, words_after, words_before

__all__ = ["Hit", "find_hits"]

# words skipped between a blocker and its trigger ("giải quyết cuộc xung đột")
_DETERMINERS = {"cuộc", "các", "những", "sự", "vụ", "việc", "mọi", "một"}
# verbal types whose object can be another event: "kêu gọi ngừng bắn" is one REQUEST
_TAKES_EVENT_OBJECT = {"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE"}
# how many words may stand between a verb and the event it takes as its object; a request
# names whom it asks first ("kêu gọi các cơ quan chức năng của X hợp tác")
_OBJECT_GAP = 3
_REQUEST_GAP = 8
# words read before a trigger: enough for the blockers, the needs and the tense words
BEFORE_WORDS = 8
_QUOTES = "\"“”'‘’«»"
# how far before a trigger a block_scope word reaches ("giải quyết dứt điểm cuộc xung đột")
_SCOPE = 4
# words before a trigger that make it the setting of something else ("tại cuộc họp")
_SETTING = PhraseSet({"tại", "ở", "bên lề", "trong khuôn khổ", "trong", "nhân"})
# words before a trigger that make it the topic of another ("điện đàm về hợp tác")
_TOPIC = PhraseSet({"về", "về việc", "về vấn đề", "liên quan đến", "liên quan tới"})
# how far a topic may stand from the trigger it belongs to
_TOPIC_GAP = 8
# the table classes of core/trigger_check.h: the first of the "needs" classes, and a cue
# that holds for every type
_NEEDS_CLASS = 6
_ANY_TYPE = 0xFFFFFFFF
# degree phrases one after another between a trigger and its block_after phrase
# (TT_TC_DEGREE_MAX)
_DEGREE_MAX = 3
# what stops two hits from being joined: punctuation or a line break between them
_GAP_STOP = re.compile(r'[,;:()“”"\n]')


@dataclass(slots=True)
class Hit:
    start: int                 # normalized offsets
    end: int
    entry: Entry
    sentence: int
    type: str
    mode: str | None
    rules: list = field(default_factory=list)
    reach: int = 0             # end of the last trigger joined into this one
    setting: bool = False      # "tại cuộc họp": where something else happened
    topic: bool = False        # "về hợp tác": what something else is about


# the fields _core.trigger_hits sets, in this order
assert Hit.__slots__ == ("start", "end", "entry", "sentence", "type", "mode", "rules", "reach", "setting", "topic")



def _blocked(lex: Lexicon, before: list, after: list, typ: str) -> bool:
    cues = lex.cues["block_before"]
    if before:
        # (ends_with_phrase says None unless the last word ends a phrase: tested first here)
        last = cues.last
        near = before[-cues.longest - 1:]
        if near[-1] in last:
            p = ends_with_phrase(near, cues)
            if p and lex.applies("block_before", p, typ):
                return True
        if len(near) > 1 and near[-1] in _DETERMINERS and near[-2] in last:
            p = ends_with_phrase(near[:-1], cues)
            if p and lex.applies("block_before", p, typ):
                return True
        scope = lex.cues["block_scope"]
        last = scope.last
        for i in range(max(0, len(before) - _SCOPE - scope.longest), len(before)):
            if before[i] not in last:
                continue                    # (what ends_with_phrase would say, without the slice)
            p = ends_with_phrase(before[: i + 1], scope)
            if p and lex.applies("block_scope", p, typ):
                return True
    # after it, past a few degree words: "gặp (không ít) khó khăn"
    cues, degree = lex.cues["block_after"], lex.cues["degree"]
    for k in range(_DEGREE_MAX + 1):
        if not after:
            return False
        if after[0] in cues.first:
            p = starts_with_phrase(after, cues)
            if p and lex.applies("block_after", p, typ):
                return True
        d = starts_with_phrase(after, degree) if k < _DEGREE_MAX and after[0] in degree.first else None
        if not d:
            return False
        after = after[d.count(" ") + 1:]
    return False


def _has_needed(lex: Lexicon, before: list, after: list, needs: str) -> bool:
    """Whether a cue of class ``needs`` stands within its reach (lexicon.needs_reach) after
    the trigger, or before it ("hai nhà ngoại giao đã bị trục xuất")."""
    cues = lex.cues[needs]
    # an object may start within the reach and run past it ("hơn 50 máy bay chiến đấu")
    reach = needs_reach(needs)
    i = phrase_in(after[:reach + cues.longest - 1], cues)
    return 0 <= i < reach or phrase_in(before[-reach:], cues) >= 0


class _SentenceFacts:
    """Per-sentence facts computed once, on the first hit in the sentence."""

    __slots__ = ("ctx", "lex", "cache")

    def __init__(self, ctx, lex):
        self.ctx, self.lex, self.cache = ctx, lex, {}

    def get(self, k: int):
        facts = self.cache.get(k)
        if facts is None:
            ctx = self.ctx
            s, e = ctx.sentence_span(k)
            low = ctx.low
            vetoed = set()
            for phrase, vs, _ in ctx.cues("veto", s, e):
                if vs and low[vs - 1].isalnum():
                    continue
                types = self.lex.cue_types.get(("veto", phrase))
                vetoed |= types or {"*"}
            hyp = next((hs for _, hs, _ in ctx.cues("hypothetical", s, e) if not (hs and low[hs - 1].isalnum())), e)
            facts = self.cache[k] = (vetoed, hyp)
        return facts


def find_hits(ctx, lex: Lexicon) -> list[Hit]:
    """The triggers of one document, in text order, joined where they report one event."""
    return _join(checked_hits(ctx, lex), ctx, lex)


def checked_hits(ctx, lex: Lexicon) -> list[Hit]:
    """The triggers of one document that pass the checks, before joining: the word checks of
    _check, the sentence's vetoes and "nếu", and the rule that a phrase inside an accepted one
    is none, all read in C (csrc/core/trigger_check.c) over all the hits at once."""
    excluded = array("I")
    for a, b in ctx.excluded:
        excluded.append(a)
        excluded.append(b)
    table, veto_types, rows, groups = _table(lex)
    starts, ends, _ = ctx.entity_arrays()
    trig, veto, hyp = map(ctx.group_records, groups)
    # (the Hit objects made in C, as Hit(start, end, entry, sentence, type, mode, [rule], end,
    # setting, topic) makes them)
    return _unnamed(ctx, trigger_hits(table, ctx.low, trig, array("I", starts), array("I", ends), excluded,
                                      array("I", ctx.sent_starts), veto, veto_types, hyp, rows))


def _unnamed(ctx, hits: list) -> list:
    """hits but those written as part of a name: a phrase of several words, each capitalized
    and the rest of it in lower case, after a word of its clause ("sân Thống Nhất", "Hội
    trường Thống Nhất" are places, not an agreement)."""
    norm = ctx.norm
    return [h for h in hits if not (h.start and norm[h.start].isupper() and _in_name(norm, h.start, h.end))]


def _in_name(norm: str, s: int, e: int) -> bool:
    """Whether norm[s:e] is several words written as a name after a word of its clause."""
    words = norm[s:e].split()
    if len(words) < 2 or not all(w[0].isupper() and w[1:].islower() for w in words):
        return False
    j = s - 1
    while j > 0 and norm[j] == " ":
        j -= 1
    return norm[j].isalnum()


def checked_hits_python(ctx, lex: Lexicon) -> list[Hit]:
    """What checked_hits finds, with the word checks in C and the sentence checks read here
    (the reference of its tests for the latter)."""
    facts = _SentenceFacts(ctx, lex)
    cache = facts.cache
    ents = ctx.entities
    excluded = array("I")
    for a, b in ctx.excluded:
        excluded.append(a)
        excluded.append(b)
    passed = trigger_check(_table(lex)[0], ctx.low, _records(ctx.core, "trigger"), array("I", ctx._entity_starts),
                           array("I", [m.end for m in ents]), excluded, array("I", ctx.sent_starts))
    phrases = cue_lexicon().phrases["trigger"]
    entries = lex.entries
    hits: list[Hit] = []
    pos = 0
    for value, s, e, row, k, setting, topic in passed:
        # a rejected phrase may hide a trigger that starts inside it ("cuộc chiến|tranh" is
        # no word, "chiến tranh" is); an accepted one does not
        if s < pos:
            continue
        entry = entries[phrases[value]][row]
        typ = entry.type
        vetoed, hypothetical_from = cache.get(k) or facts.get(k)
        if s > hypothetical_from or (vetoed and (typ in vetoed or "*" in vetoed)):
            continue
        hits.append(Hit(s, e, entry, k, typ, entry.mode, [entry.rule], e, setting, topic))
        pos = e
    return _unnamed(ctx, hits)


def checked_hits_reference(ctx, lex: Lexicon) -> list[Hit]:
    """What checked_hits finds, read in Python with _check (the reference of its tests)."""
    facts = _SentenceFacts(ctx, lex)
    hits: list[Hit] = []
    pos = 0
    for phrase, s, e, on_words in phrases_at(ctx.core, "trigger"):
        if s < pos or not on_words:
            continue
        hit = _check(ctx, lex, facts, phrase, s, e, on_words)
        if hit is not None:
            hits.append(hit)
            pos = e
    return _unnamed(ctx, hits)


def _table(lex: Lexicon):
    """The lexicon's phrase sets and trigger rows compiled for _core.trigger_check, the type
    masks of the veto phrases (by cue value), what _core.trigger_hits makes Hit objects with
    (_hit_maker), and the cue groups of triggers, vetoes and hypotheticals: made once."""
    table = lex.__dict__.get("_trigger_table")
    if table is None:
        group = cue_lexicon().group
        table = lex.__dict__["_trigger_table"] = (_compile(lex), _veto_types(lex), _hit_maker(lex),
                                                  (group["trigger"], group["veto"], group["hypothetical"]))
    return table


def _veto_types(lex: Lexicon) -> array:
    types = {t: i for i, t in enumerate(TYPES)}
    masks = array("I")
    for phrase in cue_lexicon().phrases["veto"]:
        ts = lex.cue_types.get(("veto", phrase))
        # (no types, or "*": a veto of every type)
        masks.append(_ANY_TYPE if not ts or "*" in ts else sum(1 << types[t] for t in ts if t in types))
    return masks


def _hit_maker(lex: Lexicon) -> tuple:
    """What _core.trigger_hits makes Hit objects with: the class, the setters of its slots, and
    (entry, type, mode, rule) of each row of each trigger phrase (by cue value)."""
    rows = [[(r, r.type, r.mode, r.rule) for r in lex.entries[p]] for p in cue_lexicon().phrases["trigger"]]
    return Hit, tuple(getattr(Hit, name) for name in Hit.__slots__), rows


def _compile(lex: Lexicon):
    types = {t: i for i, t in enumerate(TYPES)}
    needs = sorted({r.needs for rows in lex.entries.values() for r in rows if r.needs})
    needs_cls = {c: _NEEDS_CLASS + i for i, c in enumerate(needs)}

    def mask(cls, phrase):
        ts = lex.cue_types.get((cls, phrase))
        return _ANY_TYPE if ts is None else sum(1 << types[t] for t in ts if t in types)

    phrases = []
    for c, cls in enumerate(("block_before", "block_scope", "block_after")):
        phrases += [(c, tuple(p.split(" ")), mask(cls, p)) for p in sorted(lex.cues[cls])]
    phrases += [(3, tuple(p.split(" ")), _ANY_TYPE) for p in sorted(_SETTING)]
    phrases += [(4, tuple(p.split(" ")), _ANY_TYPE) for p in sorted(_TOPIC)]
    phrases += [(5, tuple(p.split(" ")), _ANY_TYPE) for p in sorted(lex.cues["degree"])]
    for cls in needs:
        phrases += [(needs_cls[cls], tuple(p.split(" ")), _ANY_TYPE) for p in sorted(lex.cues[cls])]
    rows = [[(-1 if r.needs is None else needs_cls[r.needs], needs_reach(r.needs) if r.needs else 0, types[r.type])
             for r in lex.entries[p]] for p in cue_lexicon().phrases["trigger"]]
    return trigger_table(BEFORE_WORDS, lex.needs_span, _SCOPE, sorted(_DETERMINERS), phrases, rows)


def _check(ctx, lex: Lexicon, facts: _SentenceFacts, phrase: str, s: int, e: int, on_words: bool) -> Hit | None:
    """The hit for trigger ``phrase`` at [s, e), or None when a check rejects it. ``on_words``:
    whether [s, e) begins and ends on word boundaries of the segmenter (so that "ký" in "đăng
    ký" or "thăm" in "thăm dò" is no trigger)."""
    if not on_words:
        return None
    low = ctx.low
    if s:
        c = low[s - 1]
        if c.isalnum() or c == "_":
            return None                                # the match starts inside a word
        if c in _QUOTES and e < len(low) and low[e] in _QUOTES:
            return None                                # 'lệnh "cấm vận"': a figure of speech
    if ctx.entity_at(s, e) is not None or (ctx.excluded and ctx.is_excluded(s, e)):
        return None
    after = words_after(low, e, lex.needs_span)
    before = words_before(low, s, BEFORE_WORDS)
    rows = lex.entries[phrase]
    entry = rows[0]
    if entry.needs is not None:
        # (rows that need an object come first; at most one needs none)
        entry = next((r for r in rows if r.needs is None or _has_needed(lex, before, after, r.needs)), None)
        if entry is None:
            return None
    typ = entry.type
    if _blocked(lex, before, after, typ):
        return None
    k = bisect_right(ctx.sent_starts, s) - 1 if s else 0     # (ctx.sentence_of)
    if k < 0:
        k = 0
    vetoed, hypothetical_from = facts.cache.get(k) or facts.get(k)
    if s > hypothetical_from or (vetoed and (typ in vetoed or "*" in vetoed)):
        return None
    setting = topic = False
    if before:
        content = [w for w in before if w not in _DETERMINERS]
        if content:
            setting = content[-1] in _SETTING.last and bool(ends_with_phrase(content, _SETTING))
            # a topic may have its verb before the trigger: "về việc khôi phục thỏa thuận"
            last = _TOPIC.last
            for j in range(len(content) - 1, max(-1, len(content) - 4), -1):
                if content[j] in last and ends_with_phrase(content[:j + 1], _TOPIC):
                    topic = True
                    break
    return Hit(s, e, entry, k, typ, entry.mode, [entry.rule], e, setting, topic)


def _gap_words(ctx, a: Hit, b: Hit) -> list[str] | None:
    """The words between two hits of one sentence, or None if punctuation or a clause
    opener stands between them."""
    low = ctx.low
    if _GAP_STOP.search(low, a.reach, b.start):
        return None
    return low[a.reach:b.start].split()


def _join(hits: list[Hit], ctx, lex: Lexicon) -> list[Hit]:
    """Joins "điện đàm thảo luận" (two CONSULT words for one call), "kêu gọi ngừng bắn" (a
    request whose object is an event) and "điện đàm về hợp tác" (a topic) into one hit each;
    a topic with nothing before it to be the topic of is dropped."""
    out: list[Hit] = []
    boundary = lex.cues["boundary"]
    agent = lex.cues["agent"]
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and prev.sentence == h.sentence:
            gap = _gap_words(ctx, prev, h)
            # "do X làm trung gian" after an agreement is someone else's act
            if gap is not None and phrase_in(gap, boundary) < 0 \
                    and agent.isdisjoint(gap):
                same = prev.type == h.type and len(gap) <= 1
                reach = _REQUEST_GAP if prev.type == "REQUEST" else _OBJECT_GAP
                takes = prev.type in _TAKES_EVENT_OBJECT and len(gap) <= reach and h.type != "STATEMENT"
                if same or takes or (h.topic and len(gap) <= _TOPIC_GAP):
                    # a mode carries over within a type, and a ceasefire to whatever takes it
                    if same or (takes and h.mode == "ceasefire"):
                        prev.mode = prev.mode or h.mode
                    prev.rules.append(h.entry.rule)
                    prev.reach = h.end
                    continue
        if not h.topic:
            out.append(h)
    return out
