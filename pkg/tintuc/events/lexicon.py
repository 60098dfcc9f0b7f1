"""The event lexicons (data/events/*.tsv), loaded once and compiled into regular expressions.

Triggers are found by the C pipeline's cue pass (tintuc.cuelex) over a document's tokens;
``trigger_rx`` is the same lexicon as one regular expression over lower-cased text, for other
uses. The phrases of each expression are laid out as a character trie, so the regex engine
follows one path per position instead of trying hundreds of alternatives.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from .._trie import phrase_regex
from .words import PhraseSet

__all__ = ["Entry", "Lexicon", "lexicon", "phrase_regex", "TYPES", "LEVELS", "NEEDS_REACH", "needs_reach"]

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "STATEMENT")
LEVELS = ("strong", "anchored", "weak")
CUE_CLASSES = ("negation", "not_negation", "future", "historical", "hypothetical", "boundary", "locative",
               "passive", "agent", "nominal", "dead", "injured", "abducted", "force", "weapon",
               "accord", "envoy", "target", "strike", "diplomat", "funds", "exit", "reach", "troops", "block_before", "block_scope", "block_after", "degree", "veto", "opener")
# how far (in words) a "needs" object may stand before or after its trigger
NEEDS_REACH = 4
# ... except for these classes: an agreement is often named well before its signing ("Thỏa
# thuận giữa A và B đã được ký")
NEEDS_REACH_OF = {"reach": 8}


def needs_reach(cls: str) -> int:
    """How many words from its trigger an object of class ``cls`` may stand."""
    return NEEDS_REACH_OF.get(cls, NEEDS_REACH)


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of triggers.tsv."""

    phrase: str
    type: str
    mode: str | None
    level: str
    noun: bool             # a noun ("chiến sự", "cuộc gặp"), not a verb ("gặp")
    needs: str | None      # a cue class that must stand within NEEDS_REACH words of it
    line: int

    @property
    def rule(self) -> str:
        return f"triggers.tsv:{self.line}:{self.phrase}"


def _rows(name: str):
    text = resources.files("tintuc").joinpath("data", "events", name).read_text(encoding="utf-8")
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip() and not line.startswith("#"):
            yield n, line.split("\t")


class Lexicon:
    """Trigger entries by phrase, cue phrases by class, and the compiled expressions."""

    def __init__(self):
        # a phrase may have several rows: those that need an object come first, and the first
        # whose object is there wins ("trục xuất" + diplomats is SANCTION, else COERCE)
        self.entries: dict[str, list[Entry]] = {}
        for n, cols in _rows("triggers.tsv"):
            cols += [""] * (7 - len(cols))
            phrase, typ, mode, level, pos, needs = (c.strip() for c in cols[:6])
            if typ not in TYPES or level not in LEVELS or pos not in ("n", "v"):
                raise ValueError(f"triggers.tsv:{n}: bad type, level or pos in {cols!r}")
            if needs and not (needs.startswith("near:") and needs[5:] in CUE_CLASSES):
                raise ValueError(f"triggers.tsv:{n}: bad needs {needs!r}")
            key = " ".join(phrase.lower().split())
            rows = self.entries.setdefault(key, [])
            if any(r.needs == (needs[5:] or None) for r in rows):
                raise ValueError(f"triggers.tsv:{n}: {phrase!r} listed twice with the same needs")
            rows.append(Entry(key, typ, mode or None, level, pos == "n", needs[5:] if needs else None, n))
            rows.sort(key=lambda r: r.needs is None)

        cues: dict[str, set[str]] = {c: set() for c in CUE_CLASSES}
        self.cue_types: dict[tuple[str, str], frozenset | None] = {}
        for n, cols in _rows("cues.tsv"):
            cols += [""] * (4 - len(cols))
            cue, cls, types = (c.strip() for c in cols[:3])
            if cls not in CUE_CLASSES:
                raise ValueError(f"cues.tsv:{n}: unknown class {cls!r}")
            key = " ".join(cue.lower().split())
            cues[cls].add(key)
            self.cue_types[(cls, key)] = frozenset(types.split(",")) if types else None

        self.cues: dict[str, PhraseSet] = {c: PhraseSet(v) for c, v in cues.items()}
        # the words that set a trigger's voice: passive ("bị", "được") and agent ("do", "bởi")
        self.voice = self.cues["passive"] | self.cues["agent"]
        # how many words after a trigger the "needs" columns can ask about
        self.needs_span = max(needs_reach(r.needs) + self.cues[r.needs].longest
                              for rows in self.entries.values() for r in rows if r.needs)
        # expressions without a leading look-behind scan fast; callers check the left edge
        self.veto_rx = re.compile(phrase_regex(self.cues["veto"]) + r"(?!\w)")
        self.casualty_rx = re.compile(
            r"(?<!\w)(?:" + phrase_regex(self.cues["dead"] | self.cues["injured"] | self.cues["abducted"]) + r")(?!\w)")
        self.hypothetical_rx = re.compile(phrase_regex(self.cues["hypothetical"]) + r"(?!\w)")
        self.boundary_rx = re.compile(r"[,;:()\[\]“”\"!?…]|(?<!\w)(?:" + phrase_regex(self.cues["boundary"]) + r")(?!\w)")
        self.locative_rx = re.compile(r"(?<!\w)(?:" + phrase_regex(self.cues["locative"]) + r")(?!\w)")

    @functools.cached_property
    def trigger_rx(self) -> re.Pattern:
        """Any trigger phrase, the longest at a position, with no word going on after it."""
        return re.compile(phrase_regex(self.entries) + r"(?!\w)")

    def applies(self, cls: str, cue: str, typ: str) -> bool:
        """Whether cue phrase ``cue`` of class ``cls`` holds for event type ``typ``."""
        types = self.cue_types.get((cls, cue))
        return types is None or typ in types

    def casualty_field(self, cue: str) -> str:
        for field in ("dead", "injured", "abducted"):
            if cue in self.cues[field]:
                return field
        raise KeyError(cue)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shipped lexicon, loaded on first use."""
    return Lexicon()
