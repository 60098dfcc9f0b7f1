"""The cue lexicon: the phrases the rules look for around names and events, matched over every
document's tokens by the C pipeline in the same pass as the gazetteer (csrc/core/cues.h).

Two kinds of entries:

- roles, the context words of the entity rules (data/entities/cues.tsv: titles, honorifics,
  place cues, ...): for each token the pass sets a bit when a phrase of a role starts there
  and another when one ends there (``CoreDoc.cue_roles``), so that a rule asks "does a title
  end right before this name?" with one bit test;
- reported phrases, the event triggers (data/events/triggers.tsv) and the words that open an
  attribution ("theo", "phóng viên", "hãng tin", ...): each match comes back as a hit with its
  tokens (``CoreDoc.cue_hits``), so that the rules visit only the places where one stands.

A phrase matches the tokens it is made of, up to case, with the same diacritics: what a
comparison of the lower-cased token texts with the phrase's words would find. Role phrases
may run across a line break (the rules join tokens whatever separates them); reported phrases
stand on one line with spaces between their words (as a regular expression would find them).
"""
from __future__ import annotations

import functools
from . import _core

__all__ = ["CueLexicon", "Found", "cue_lexicon", "phrases_at", "ENTITY_ROLES", "START", "END"]

# the roles of data/entities/cues.tsv, in bit order; "stop" (common words that end an
# organization's name) is left out: it would mark a token in five, and the rule asks about few
ENTITY_ROLES = ("title", "honorific", "portfolio", "place", "place_noun", "org_head", "vessel", "surname")
# the classes of data/events/cues.tsv that the event rules look for in whole sentences and clauses
EVENT_CUES = ("veto", "hypothetical", "locative", "boundary")
# the bit of a token's role word set when a phrase of the role starts at the token, and when one ends there
START = {role: 1 << r for r, role in enumerate(ENTITY_ROLES)}
END = {role: 1 << (_core.CUE_MAX_ROLES + r) for r, role in enumerate(ENTITY_ROLES)}

_MATCH = _core.AC_ANYCASE | _core.AC_EXACT | _core.AC_NOTYPO


def _ntok(phrase: str) -> int:
    toks = _core.tokenize(phrase)
    if toks and "-" in (toks[0].text, toks[-1].text):
        raise ValueError(f"cue phrase {phrase!r} begins or ends with a hyphen")
    return len(toks)


class CueLexicon:
    """The compiled lexicon: ``automaton`` for ``analyze_batch(cues=...)``; the bits of each
    role (``starts[role]``, ``ends[role]``; roles take bits in the order given); for each set
    of reported phrases, its group (``group[name]``, what ``CoreDoc.cue_hits`` takes) and its
    phrases (``phrases[name][value]`` is the phrase of a hit)."""

    def __init__(self, roles: dict, reported: dict) -> None:
        names, flags = [], []
        self.starts: dict[str, int] = {}
        self.ends: dict[str, int] = {}
        for r, role in enumerate(roles):
            if r >= _core.CUE_MAX_ROLES:
                raise ValueError(f"more than {_core.CUE_MAX_ROLES} roles")
            self.starts[role] = 1 << r
            self.ends[role] = 1 << (_core.CUE_MAX_ROLES + r)
            for phrase in sorted(roles[role]):
                names.append(phrase)
                flags.append(_MATCH | (_ntok(phrase) << _core.CUE_NTOK_SHIFT) | ((r + 1) << _core.CUE_ROLE_SHIFT))
        values = list(range(len(names)))
        self.group: dict[str, int] = {}
        self.phrases: dict[str, list[str]] = {}
        for g, name in enumerate(reported, 1):
            if g >= _core.CUE_MAX_GROUPS:
                raise ValueError(f"more than {_core.CUE_MAX_GROUPS - 1} sets of reported phrases")
            self.group[name] = g
            self.phrases[name] = sorted(reported[name])
            for i, phrase in enumerate(self.phrases[name]):
                names.append(phrase)
                values.append(i)
                flags.append(_MATCH | (_ntok(phrase) << _core.CUE_NTOK_SHIFT) | (g << _core.CUE_GROUP_SHIFT)
                             | _core.CUE_ONE_LINE)
        self.automaton = _core.Automaton.build(names, values, flags)


@functools.lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The lexicon of the shipped data files, built on first use: the entity rules' roles, the
    event triggers ("trigger"), the words that open an attribution ("attribution"), and the
    event cues of EVENT_CUES and of casualties ("casualty": dead, injured or abducted)."""
    from .attribution import ANCHOR_PHRASES
    from .entities import cues
    from .events.lexicon import lexicon
    roles = cues()
    events = lexicon()
    return CueLexicon({role: roles[role] for role in ENTITY_ROLES},
                      {"trigger": events.entries, "attribution": ANCHOR_PHRASES,
                       **{cls: events.cues[cls] for cls in EVENT_CUES},
                       "casualty": events.cues["dead"] | events.cues["injured"] | events.cues["abducted"]})


def _records(core, name: str) -> bytes:
    """The hits of reported set ``name`` in ``core`` as the records of ``_core.cue_find``:
    offsets, and whether a word character stands right before and right after each."""
    hits = core._cue_hits[cue_lexicon().group[name]] if core._cue_hits else b""
    return _core.cue_records(hits, core.nstart, core.nend, core.norm)


def phrases_at(core, name: str) -> list:
    """The phrases of the reported set ``name`` in ``core`` (a CoreDoc), as a regular expression
    of them followed by ``(?!\\w)`` finds them in the lower-cased text: at each token where some
    start, the longest that no letter, digit or "_" goes on after ("ký kết" in "ký kết,", "ký"
    in "ký kết2"). Tuples (phrase, start, end, on_words) in text order, with normalized
    offsets; ``on_words`` when [start, end) begins and ends on word boundaries of the
    segmenter. (Read in C: csrc/core/cue_find.c.)"""
    return _core.cue_longest(_records(core, name), cue_lexicon().phrases[name])


class Found:
    """The phrases of one reported set that the cue pass found in one document (a CoreDoc),
    to be read as a regular expression of the set over the lower-cased text reads them (see
    :meth:`finditer`)."""

    __slots__ = ("n", "records", "phrases")

    def __init__(self, core, name: str, records: bytes | None = None):
        self.n = len(core.norm)
        # (``records``: what _records would make, when the caller made them already)
        self.records = _records(core, name) if records is None else records
        self.phrases = cue_lexicon().phrases[name]

    def finditer(self, start: int = 0, end: int | None = None, *, word_start: bool = False) -> list:
        """(phrase, start, end) of what ``rx.finditer(low, start, end)`` finds, where rx is the
        set's phrases as one expression followed by ``(?!\\w)`` (preceded by ``(?<!\\w)`` with
        ``word_start``): at each place the longest phrase that no word goes on after (the end
        of the range passes, as for the expression), the next one looked for after it."""
        return _core.cue_find(self.records, self.phrases, start, self.n if end is None else end, word_start)
