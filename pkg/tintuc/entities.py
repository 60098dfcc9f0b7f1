"""Entities of a document: gazetteer matches read in context, plus names no list holds.

The C pipeline hands over, for each document, its tokens (with a one-character shape each,
see ``CoreDoc.shape``), every listed form the gazetteer found over them, and where the cue
phrases below start and end (one word of role bits per token, see tintuc.cuelex), so that most
questions about the context ("does a title end right before this name?") are one bit test.
This module:

1. keeps the gazetteer's matches, except forms that need context: a ``short`` form ("Hàn",
   "NAM") only next to another place ("Mỹ - Hàn") or when the document names the thing in
   full, a ``surname`` form ("Pompeo") only after a title or honorific ("ông Pompeo") or when
   the full name is in the document;
2. finds unlisted names in runs of capitalized words and types them by their context: a
   title or honorific before them makes a person ("Thứ trưởng Ngoại giao Armenia, ông X Y"),
   a place cue a place ("tại X"; "vịnh X", where the noun belongs to the name), an
   organization head an organization ("Trung tâm Chỉ huy Quốc phòng Nga"), a vessel cue a
   ship ("tàu container X"). A title is never an organization: in "Bộ trưởng Ngoại giao Qatar"
   only Qatar is found;
3. links mentions within the document: a surname alone takes the id of the full name seen
   before it ("ông Kocharyan"), an acronym in brackets after a name takes that name's id.

Rule-made entities get ids of their own namespace ("per:shavarsh-kocharyan"), derived from
the name, so they agree across documents. The cue words are data: data/entities/cues.tsv.

The rules run in C over the token arrays (csrc/core/entity_runs.c): it gives the spans that are
entities and how each was found, and this module makes the Entity objects and links them.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import re
from importlib import resources

from . import _core
from ._core import strip_diacritics
from ._coredoc import VIET
from .cuelex import END, START
from .gazetteer import _FLAG_BIT, Entity, default_gazetteer

__all__ = ["extract", "cues"]

# score of a rule-made entity (gazetteer matches score 0.7 to 1)
RULE_SCORE = 0.75

_PHRASE_PART = re.compile(r"\w+\.?|[^\w\s]")
_LABELS = ("PER", "LOC", "ORG", "MISC")
_SURNAME = _FLAG_BIT["surname"]  # a listed form that is a person's surname alone
# the roles of the lexicon of the C pass, in its order (csrc/core/entity_runs.h)
_CUE_ROLES = ("title", "honorific", "portfolio", "place", "place_noun", "org_head", "vessel", "surname")


@functools.lru_cache(maxsize=None)
def cues() -> dict[str, frozenset]:
    """role -> set of lowercase phrases (words joined by one space), from data/entities/cues.tsv."""
    out: dict[str, set] = {}
    with resources.files("tintuc").joinpath("data", "entities", "cues.tsv").open(encoding="utf-8") as f:
        rows = csv.reader((line for line in f if not line.startswith("#")), delimiter="\t")
        next(rows)
        for phrase, role in rows:
            out.setdefault(role, set()).add(" ".join(_PHRASE_PART.findall(phrase.lower())))
    return {role: frozenset(v) for role, v in out.items()}


@functools.lru_cache(maxsize=None)
def _lexicon():
    """The phrases the C pass compares tokens with: those of the cue roles, the stop words (an
    organization's name ends at one), the first words of titles (one alone is no name), and
    the words some rules look for ("và", "của"), and what a country's short name may follow."""
    c = cues()
    roles = [sorted(c[r]) for r in _CUE_ROLES]
    roles += [sorted(c["stop"]), sorted({p.split(" ")[0] for p in c["title"]}), ["và"], ["của"], sorted(c["nation"])]
    roles = [[p for p in r if p] for r in roles]
    return _core.entity_lexicon(roles, [(START[r], END[r]) for r in _CUE_ROLES])


@functools.lru_cache(maxsize=1 << 16)
def _rule_id(label: str, name: str) -> str:
    return f"{label.lower()}:{_slug(name)}"


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", strip_diacritics(text).lower()).strip("-")


def extract(doc) -> list[Entity]:
    """The entities of a :class:`tintuc.Document`, in text order."""
    core = doc._core
    if core is None:
        return []
    gaz = doc._gazetteer or default_gazetteer()
    form_ent, form_info, fields = gaz._rule_tables()
    lex = _lexicon()
    arrays = (core.shape, core.cue_roles, core.flags, core.norm, core.nstart, core.nend, core.word_first,
              core.sent_first, core._matches, form_ent, form_info, _SURNAME, VIET)
    make = (Entity, _SLOTS, fields, gaz._entity_fields, _rule_id, _LABELS, _RULE_FIELDS)
    ents, spans, pairs, marks = _core.entity_objects(lex, arrays, doc.text, core.ostart, core.oend, gaz._index(), make)
    if pairs or marks:
        _link(ents, memoryview(spans).cast("I"), memoryview(pairs).cast("I"), memoryview(marks).cast("I"))
    return ents


# the slots of an Entity in field order, and the fields after name of a rule-made one
_SLOTS = tuple(Entity.__dict__[f.name] for f in dataclasses.fields(Entity))
_RULE_FIELDS = ("rule", RULE_SCORE, "rule", None, (), ())


# ---------------------------------------------------------------- linking within the document

def _link(ents: list, spans, pairs, marks) -> None:
    """One id per real-world thing within the document. ents are in order of start, longer
    first; spans has (start token, end token, ref, code) of each; pairs are the i where ents[i +
    1] is a one-token acronym in brackets right after ents[i]; marks 2i for a person's name and
    2i + 1 for a one-token rule-made name in capitals right after "(" (the C pass finds them)."""
    # a name and the acronym in brackets after it are one thing: "Tổ chức ... (CSTO)"; the
    # listed one of the two lends its identity to the other
    for i in pairs:
        e, e2 = ents[i], ents[i + 1]
        if e.label == e2.label and e.id != e2.id and (e.source == "rule") != (e2.source == "rule"):
            if e.source == "rule":
                ents[i] = _as(e, e2)
            else:
                ents[i + 1] = _as(e2, e)
    persons = []  # (last word, first word (lowercase), entity) of the full names seen so far
    for m in marks:
        i = m >> 1
        e = ents[i]
        if e.label == "PER":
            written = e.text.split()
            if len(written) >= 2:
                persons.append((written[-1].lower(), written[0].lower(), e))
            elif persons and written and (e.source == "rule" or "surname" in e.flags):
                # a surname alone: the name seen in full earlier in the document wins over a
                # listed person of that surname; the last word of a name is its surname
                # ("Toganyan"), else the first ("Park" of "Park Hang-seo")
                e = _as(e, p) if (p := _surnamed(persons, written[0].lower())) is not None else e
        if m & 1 and e.source == "rule":
            # "(ABC)" after a name: the last entity before it that ends right before the bracket
            a = spans[4 * i]
            prev = next((ents[j] for j in range(i - 1, -1, -1) if spans[4 * j + 1] == a - 1), None)
            if prev is not None and prev.label == e.label:
                e = _as(e, prev)
        ents[i] = e


def _surnamed(persons: list, word: str):
    """The latest of ``persons`` whose last word is ``word``, else whose first is, or None."""
    for side in (0, 1):
        for p in reversed(persons):
            if p[side] == word:
                return p[2]
    return None


def _as(e: Entity, like: Entity) -> Entity:
    """e with the identity (label, id, name) of `like`."""
    return Entity(e.text, e.start, e.end, like.label, like.id, like.name, e.source, e.score, e.match, e.form,
                  e.flags, e.alternatives)
