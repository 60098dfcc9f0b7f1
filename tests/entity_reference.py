"""The entity rules in plain Python, as tintuc.entities ran them before its C pass
(csrc/core/entity_runs.c): the reference tests/test_entity_runs.py holds that pass to.

What the rules do is told in tintuc.entities' own notes; this is the same reading, line by line
in Python, kept so that the C pass has something independent to be held to.
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_right

from tintuc._core import strip_diacritics
from tintuc.cuelex import END, START
from tintuc.entities import cues  # the cue lexicon as loaded, not a rule under test
from tintuc.gazetteer import _FLAG_BIT, Entity, default_gazetteer

__all__ = ["extract", "cues"]

# how far back (tokens) a title may sit from the name it introduces
TITLE_REACH = 8
# how many lowercase words an organization's name may run through before a capital closes it
ORG_LOWER_RUN = 4
# the longest organization name the rules make (tokens)
ORG_MAX = 12
# score of a rule-made entity (gazetteer matches score 0.7 to 1)
RULE_SCORE = 0.75

_KINDS = ("exact", "fold", "typo")
# runs of capitalized words; a tight hyphen keeps "Kim Jong-un" and "Nagorno-Karabakh" whole
_CAP_RUN = re.compile(r"[CA](?:h[CAl]|[CA])*")
_CAPITALIZED = re.compile(r"[CA]")


@functools.lru_cache(maxsize=None)
def _edges(role: str) -> tuple[frozenset, frozenset, int]:
    """First words, last words and the longest length of the phrases of a role: most tokens
    are ruled out by one set lookup."""
    phrases = [p.split(" ") for p in cues()[role]]
    return (frozenset(p[0] for p in phrases), frozenset(p[-1] for p in phrases), max(map(len, phrases)))


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", strip_diacritics(text).lower()).strip("-")


class _Doc:
    """What the rules read of a document: token shapes, lowercase token text on demand, and
    the entities found so far with the tokens they cover."""

    __slots__ = ("doc", "core", "norm", "shape", "roles", "n", "ns", "ne", "_low", "sent_start", "found",
                 "covered", "matches")

    def __init__(self, doc):
        self.doc = doc
        self.core = core = doc._core
        self.norm = core.norm
        self.shape = core.shape
        self.roles = core.cue_roles  # per token: START/END bits of the cue roles (tintuc.cuelex)
        self.n = len(core.shape)
        self.ns = core.nstart
        self.ne = core.nend
        self._low = {}
        self.sent_start = set(core.sent_first.tolist())
        self.found = []    # (token_start, token_end, Entity)
        self.covered = {}  # token -> index into found
        self.matches = core.matches()  # the gazetteer's

    def low(self, k: int) -> str:
        w = self._low.get(k)
        if w is None:
            w = self._low[k] = self.norm[self.ns[k]:self.ne[k]].lower()
        return w

    def word_end(self, k: int) -> int:
        """End token (exclusive) of the segmented word holding token k: in "Cơ quan Biên phòng"
        the capitalized "Biên" brings "phòng" with it."""
        firsts = self.core.word_first
        j = bisect_right(firsts, k)     # the first word that starts after k
        return firsts[j] if j < len(firsts) else self.n

    def add(self, a: int, b: int, ent: Entity) -> None:
        k = len(self.found)
        self.found.append((a, b, ent))
        for t in range(a, b):
            self.covered[t] = k

    def remove(self, span) -> None:
        self.found.remove(span)
        self.covered = {t: i for i, (a, b, _) in enumerate(self.found) for t in range(a, b)}

    def entity_span_at(self, k: int):
        i = self.covered.get(k)
        return None if i is None else self.found[i]

    def phrase_ending(self, k: int, role: str) -> int:
        """Start token of the longest phrase of `role` ending at token k (inclusive), or -1."""
        if not self.roles[k] & END[role]:
            return -1
        _, _, longest = _edges(role)
        last = self.low(k)
        phrases = cues()[role]
        best, text = (k if last in phrases else -1), last
        for a in range(k - 1, max(-1, k - longest), -1):
            text = self.low(a) + " " + text
            if text in phrases:
                best = a
        return best

    def phrase_starting(self, k: int, role: str) -> int:
        """End token (exclusive) of the longest phrase of `role` starting at token k, or -1."""
        if not self.roles[k] & START[role]:
            return -1
        _, _, longest = _edges(role)
        first = self.low(k)
        phrases = cues()[role]
        best, text = (k + 1 if first in phrases else -1), first
        for b in range(k + 1, min(self.n, k + longest)):
            text = text + " " + self.low(b)
            if text in phrases:
                best = b + 1
        return best

    def entity(self, label: str, s: int, t: int) -> Entity:
        """A rule-made entity over tokens [s, t)."""
        core = self.core
        os, oe = core.ostart[s], core.oend[t - 1]
        name = self.norm[self.ns[s]:self.ne[t - 1]]
        return Entity(self.doc.text[os:oe], os, oe, label, f"{label.lower()}:{_slug(name)}", name, "rule",
                      RULE_SCORE, "rule")


def extract(doc) -> list[Entity]:
    """The entities of a :class:`tintuc.Document`, in text order."""
    if doc._core is None:
        return []
    d = _Doc(doc)
    _vietnamese_names(d)
    _gazetteer_entities(d, doc._gazetteer or default_gazetteer())
    _capitalized_runs(d)
    _organizations(d)
    _vessels(d)
    _bracket_acronyms(d)
    d.found.sort(key=lambda x: (x[0], -x[1]))
    return _link(d)


# ---------------------------------------------------------------- Vietnamese personal names

# a run of two to five capitalized syllables (an honorific may open it)
_NAME_RUN = re.compile(r"C{2,5}")
_VIET = 1 << 2  # token flag: a well-formed Vietnamese syllable (csrc/core/token.h)
_SURNAME = _FLAG_BIT["surname"]  # a listed form that is a person's surname alone


def _vietnamese_names(d: _Doc) -> None:
    """Vietnamese personal names, found before the gazetteer is read because their middle and
    given names are often place names too: "Nguyễn Đức Chung" holds Đức (Germany), "chị Thanh
    Nga" Nga (Russia). A run of capitalized Vietnamese syllables is a person's name when a
    family name opens it, or an honorific comes right before it; the listed forms inside it then
    give way, unless a listed name spans the whole run ("Hà Nội", "Thái Lan") or runs past it
    ("Bộ Quốc phòng Hàn Quốc"), or a listed person is inside it."""
    surnames = cues()["surname"]
    roles = d.roles
    flags = d.core.flags
    gaz = d.doc._gazetteer or default_gazetteer()
    for run in _NAME_RUN.finditer(d.shape):
        a, b = run.start(), run.end()
        if d.shape[b:b + 1] == "h" or (a > 0 and d.shape[a - 1] == "h"):
            continue                    # a Vietnamese name has no hyphen: "Choi Sang-mok"
        # an honorific opening the run ("Ông Nguyễn Văn A" at a sentence start) is not the name
        opener = d.phrase_starting(a, "honorific")
        cued = (a < opener < b) or (a > 0 and d.phrase_ending(a - 1, "honorific") >= 0)
        a = max(a, opener)
        if b - a < (1 if cued else 2) or not all(flags[k] & _VIET for k in range(a, b)):
            continue
        if not cued and not (roles[a] & START["surname"] and d.low(a) in surnames):
            continue
        listed = [m for m in d.matches if m[1] < b and m[2] > a]
        # a listed name that spans the run, or runs past it ("Bộ Quốc phòng Hàn Quốc"), or a
        # listed person inside it, says it is no unlisted person
        if any(m[1] <= a and m[2] >= b or m[1] < a or m[2] > b for m in listed) or any(
                gaz._labels[gaz._form_ent[m[0]]] == "PER" and not m[5] & _SURNAME for m in listed):
            continue
        d.add(a, b, d.entity("PER", a, b))


# ---------------------------------------------------------------- gazetteer matches in context

def _gazetteer_entities(d: _Doc, gaz) -> None:
    """Keep the matches context allows: plain forms always; short and surname forms when the
    plain ones around them say so."""
    text = d.doc.text
    groups = []
    for m in d.matches:
        if m[7] and groups:  # tied: another form for the same span
            groups[-1].append(m)
        else:
            groups.append([m])
    waiting = []
    for g in groups:
        form, ts, te, s, e, _, kind, _, _ = g[0]
        if any(t in d.covered for t in range(ts, te)):
            continue  # inside a Vietnamese personal name
        ent = gaz._entity(text, s, e, form, _KINDS[kind], gaz._alternatives([(0, 0, x[0]) for x in g]))
        if "short" in ent.flags or "surname" in ent.flags:
            waiting.append((ts, te, ent))
        else:
            d.add(ts, te, ent)
    # a short form or a surname stands for a thing the document names in full; a short form
    # also when joined to another place ("Mỹ - Hàn"), a surname after a title ("ông Pompeo")
    present = {e.id for _, _, e in d.found}
    for ts, te, ent in waiting:
        if "surname" in ent.flags and _name_goes_on(d, te):
            ok = False                  # "ông Park Hang-seo" is not the listed Park
        elif "short" in ent.flags and _part_of_name(d, ts):
            ok = False                  # "Đông Anh"
        elif ent.id in present:
            ok = True
        elif "short" in ent.flags:
            ok = _next_to_place(d, ts, te) or _short_cued(d, ts, te)
        else:
            ok = _title_before(d, ts) is not None
        if ok:
            d.add(ts, te, ent)


_NAME_CUES = ("title", "honorific", "portfolio", "place", "place_noun", "org_head", "vessel")


def _part_of_name(d: _Doc, ts: int) -> bool:
    """Is the capitalized word right before token ts part of a longer name with it ("Đông
    Anh"), rather than a cue ending there ("Tại Anh")?"""
    return ts > 0 and d.shape[ts - 1] in "CA" and all(d.phrase_ending(ts - 1, r) < 0 for r in _NAME_CUES)


def _short_cued(d: _Doc, ts: int, te: int) -> bool:
    """Does a cue say the short form at tokens [ts, te) is a country's: "tại Anh", "nước Ý", a
    national office with its portfolio ("Thủ tướng Anh")? Not an honorific or a personal title
    ("ông Anh", "GS Việt" are men), and not when the short form heads a longer word in lower
    case ("Trung tâm") or Vietnamese syllables go on capitalized after it ("Trung Hòa")."""
    firsts = d.core.word_first
    if ts == 0 or ts not in firsts:
        return False
    nxt = d.word_end(ts)
    if te < nxt and d.shape[te] == "l":
        return False
    k = te
    while k < d.n and d.shape[k] in "CA":
        k += 1
    if k > te and all(d.core.flags[t] & _VIET for t in range(te, k)):
        return False
    nation = cues()["nation"]
    if d.phrase_ending(ts - 1, "place") >= 0 or d.low(ts - 1) in nation:
        return True
    j = ts - 1
    for _ in range(TITLE_REACH):
        if j < 0:
            return False
        a = d.phrase_ending(j, "title")
        if a >= 0:
            return " ".join(d.low(t) for t in range(a, j + 1)) in nation
        a = d.phrase_ending(j, "portfolio")
        if a < 0:
            return False
        j = a - 1
    return False


def _name_goes_on(d: _Doc, te: int) -> bool:
    """Does more of a name follow token te: a capitalized word, or a hyphen and a word?"""
    shape = d.shape
    return te < d.n and (shape[te] in "CA" or (shape[te] == "h" and te + 1 < d.n and shape[te + 1] in "CAl"))


def _next_to_place(d: _Doc, ts: int, te: int) -> bool:
    """Is a short form ("Hàn") joined to a place by a hyphen, a comma or "và" ("Mỹ - Hàn")?"""
    for k, other in ((ts - 1, ts - 2), (te, te + 1)):
        if 0 <= k < d.n and 0 <= other < d.n and (d.shape[k] in "h-," or d.low(k) == "và"):
            span = d.entity_span_at(other)
            if span is not None and span[2].label == "LOC":
                return True
    return False


# ---------------------------------------------------------------- names no list holds

def _title_before(d: _Doc, k: int):
    """The title or honorific introducing a name that starts at token k: (start token, role),
    or None. Portfolio words, a listed place or organization and a comma may sit between
    them ("Thứ trưởng Ngoại giao Armenia, ông ...")."""
    j, steps = k - 1, 0
    while j >= 0 and steps < TITLE_REACH:
        steps += 1
        for role in ("honorific", "title"):
            a = d.phrase_ending(j, role)
            if a >= 0:
                return a, role
        a = d.phrase_ending(j, "portfolio")
        if a >= 0:
            j = a - 1
            continue
        if d.shape[j] == ",":
            j -= 1
            continue
        span = d.entity_span_at(j)
        if span is not None and span[2].label in ("LOC", "ORG"):
            j = span[0] - 1
            continue
        return None
    return None


def _capitalized_runs(d: _Doc) -> None:
    """Persons and places among the capitalized words no listed name covers."""
    for m in _CAP_RUN.finditer(d.shape):
        a, b = m.start(), m.end()
        k = a
        while k < b:
            if k in d.covered:
                k += 1
                continue
            e = k
            while e < b and e not in d.covered:
                e += 1
            made = _type_run(d, k, e)
            if made is not None:
                label, s, t = made
                # a capital opening a common word is no name: "tại Khu công nghiệp", "Hệ thống"
                if t < d.n and d.shape[t] == "l" and d.word_end(t - 1) > t:
                    made = None
            if made is not None:
                if not any(x in d.covered for x in range(s, t)):
                    d.add(s, t, d.entity(label, s, t))
            k = e


# a title or an organization's name opening a run, and a cue before a name ending right before
# it: without either (nor a comma or a name before it), no rule below types the run
_OPENS = START["org_head"] | START["title"] | START["portfolio"] | START["honorific"]
_CLOSES = END["honorific"] | END["title"] | END["portfolio"] | END["place"] | END["place_noun"]


def _type_run(d: _Doc, a: int, b: int):
    """(label, start token, end token) for the capitalized tokens [a, b), or None."""
    roles = d.roles
    if not roles[a] & _OPENS and (a == 0 or (not roles[a - 1] & _CLOSES and d.shape[a - 1] != ","
                                              and (a - 1) not in d.covered)):
        return None  # no cue inside or right before the run
    if d.phrase_starting(a, "org_head") > a:
        return None  # an organization's name: _organizations reads it
    if d.phrase_starting(a, "title") == b or d.phrase_starting(a, "portfolio") == b:
        return None  # a title of its own ("Tổng thống", "Ngoại giao") is no name
    # a capitalized title opening the run ("Ông Peter X" at a sentence start) introduces the rest
    opener = max(d.phrase_starting(a, "honorific"), d.phrase_starting(a, "title"))
    if a < opener < b or _title_before(d, a) is not None:
        s = max(a, opener)  # portfolio words written capitalized after the title are not the name
        while s < b:
            p = d.phrase_starting(s, "portfolio")
            if p <= s:
                break
            s = p
        if s >= b or set(d.shape[s:b]) == {"A"} or (b - s == 1 and d.low(s) in _edges("title")[0]):
            return None  # nothing left, an acronym ("Chủ tịch HĐQT") or a piece of a title ("Phó")
        return "PER", s, b
    if a > 0:
        p = d.phrase_ending(a - 1, "place_noun")
        if p >= 0 and d.shape[p] == "l":
            return "LOC", p, b  # vịnh Guinea, mỏ dầu khí Dostluk: the noun belongs to the name
        if d.phrase_ending(a - 1, "place") >= 0 and a not in d.sent_start:
            return "LOC", a, b
    return None


def _organizations(d: _Doc) -> None:
    """Organizations named by a capitalized head and a capitalized word after it ("Bộ Quốc
    phòng Nga", "Trung tâm Chỉ huy ..."). The name runs on through capitalized words, and
    through a few lowercase words only when a capital closes them ("Bộ Tình trạng khẩn cấp
    Nga"); a listed place ends it, included."""
    shape, n, roles = d.shape, d.n, d.roles
    stops = cues()["stop"]

    def stop(j):  # a stop word (one word: longer stop phrases do not stop a name here)
        return d.low(j) in stops

    after = 0  # where the last organization found ends
    for m in _CAPITALIZED.finditer(shape):
        k = m.start()
        if k < after or k in d.covered or not roles[k] & START["org_head"]:
            continue
        h = d.phrase_starting(k, "org_head")
        if h <= k or h >= n or shape[h] not in "CA" or d.phrase_starting(k, "title") > h:
            continue  # no head, nothing capitalized after it, or a title ("Bộ trưởng ...")
        end, j = k, h
        while j < n and j - k < ORG_MAX:
            span = d.entity_span_at(j)
            if span is not None:
                if span[2].label == "LOC" and span[0] == j:
                    end = span[1]  # a country or place closes the name
                break
            c = shape[j]
            if c in "CA":
                j = max(j + 1, d.word_end(j))
                end = j
            elif c == "h":
                j += 1
            elif c == "l" and not stop(j):
                q = j  # lowercase words count only if a capital or an acronym in brackets closes them
                while q < n and q - j < ORG_LOWER_RUN and shape[q] == "l" and not stop(q):
                    q += 1
                if q < n and shape[q] in "CA" and d.phrase_starting(q, "org_head") <= q:
                    j = q  # (a capital opening another organization's name starts a new one)
                elif shape.startswith("(A)", q):
                    end = q  # "Tổ chức Hiệp ước an ninh tập thể (CSTO)": the acronym vouches
                    break
                else:
                    break
            else:
                break
        if end > h:
            # "Ủy ban Bộ trưởng của Hội đồng châu Âu": a body of an organization is one name
            if end + 1 < n and d.low(end) == "của":
                span = d.entity_span_at(end + 1)
                if span is not None and span[2].label == "ORG" and span[0] == end + 1:
                    d.remove(span)
                    end = span[1]
            d.add(k, end, d.entity("ORG", k, end))
            after = end


def _vessels(d: _Doc) -> None:
    """Ships named in capitals after a vessel cue: "tàu container MOZART"."""
    for m in re.finditer(r"A+", d.shape):
        a, b = m.start(), m.end()
        if a in d.covered:
            continue
        for j in range(a - 1, max(-1, a - 4), -1):
            if d.phrase_ending(j, "vessel") >= 0:
                d.add(a, b, d.entity("MISC", a, b))
                break
            if d.shape[j] != "l":
                break


def _bracket_acronyms(d: _Doc) -> None:
    """An unlisted acronym in brackets right after a name stands for that name: in "Tổ chức X
    (ABC)", ABC is an organization (given X's id when linking)."""
    for m in re.finditer(r"\(A\)", d.shape):
        a = m.start() + 1
        prev = d.entity_span_at(a - 2)
        if a not in d.covered and prev is not None and prev[1] == a - 1 and prev[2].label in ("ORG", "LOC"):
            d.add(a, a + 1, d.entity(prev[2].label, a, a + 1))


# ---------------------------------------------------------------- linking within the document

def _link(d: _Doc) -> list[Entity]:
    """One id per real-world thing within the document."""
    # a name and the acronym in brackets after it are one thing: "Tổ chức ... (CSTO)"; the
    # listed one of the two lends its identity to the other
    found = d.found
    for i in range(len(found) - 1):
        a, b, e = found[i]
        a2, b2, e2 = found[i + 1]
        if a2 == b + 1 and b2 == a2 + 1 and d.shape[b] == "(" and b2 < d.n and d.shape[b2] == ")" \
                and e.label == e2.label and e.id != e2.id and (e.source == "rule") != (e2.source == "rule"):
            if e.source == "rule":
                found[i] = (a, b, _as(e, e2))
            else:
                found[i + 1] = (a2, b2, _as(e2, e))
    out = []
    persons = []  # (last word lowercase, first word lowercase, entity) of the full names seen so far
    by_end = {}
    for a, b, e in d.found:
        if e.label == "PER":
            written = e.text.split()
            if len(written) >= 2:
                persons.append((written[-1].lower(), written[0].lower(), e))
            elif e.source == "rule" or "surname" in e.flags:
                # a surname alone: the name seen in full earlier in the document wins over a
                # listed person of that surname; its last word first ("Toganyan"), then its
                # first ("Park" of "Park Hang-seo")
                full = next((p[2] for side in (0, 1) for p in reversed(persons) if p[side] == written[0].lower()),
                            None) if written else None
                if full is not None:
                    e = _as(e, full)
        if e.source == "rule" and b - a == 1 and d.shape[a] == "A" and a >= 1 and d.shape[a - 1] == "(":
            prev = by_end.get(a - 1)
            if prev is not None and prev.label == e.label:
                e = _as(e, prev)
        by_end[b] = e
        out.append(e)
    return out


def _as(e: Entity, like: Entity) -> Entity:
    """e with the identity (label, id, name) of `like`."""
    return Entity(e.text, e.start, e.end, like.label, like.id, like.name, e.source, e.score, e.match, e.form,
                  e.flags, e.alternatives)
