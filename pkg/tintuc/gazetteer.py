"""Gazetteers: listed names found in text, whatever the case, diacritics or hyphens.

    >>> gaz = tintuc.Gazetteer()
    >>> gaz.add("Nagorno-Karabakh", "LOC", id="loc:nagorno-karabakh", aliases=["Nagorny-Karabakh"])
    >>> [(e.text, e.id) for e in gaz.find("Giao tranh ở Nagorno - Karabakh")]
    [('Nagorno - Karabakh', 'loc:nagorno-karabakh')]

Matching runs in C (``tintuc._core.Automaton``, csrc/core/automaton.h): names and text are
normalized and tokenized by the same code, and a name matches whole tokens only, so "ng Nai"
never fires inside "Đồng Nai". Each token is compared case-folded and, when ``fold`` is on, also
without diacritics ("Ha Noi", "HA NOI"), an entry written with the text's exact diacritics winning
over one that is not ("Nha Trang" and "Nhà Trắng"); a hyphen counts as a space. Tokens written in
capitals ("NAM", "AP") and forms flagged ``cased`` ("Mỹ", "Nhà Trắng") match only capitalized as
written. With ``typos`` on, one misspelt word of a long name still matches ("Azerbaizan"), with a
lower score and ``match == "typo"``.

Every form (a name or an alias) may carry flags, as in the built-in data
(pkg/tintuc/data/gazetteer/README.md): ``short`` and ``surname`` forms ("Hàn", "Lavrov") are kept
for the rules that read context and are left out of :meth:`Gazetteer.find` unless asked for with
``include=``; ``cased`` forms match only capitalized as written; ``typo`` forms are listed
misspellings (reported with ``match == "typo"``); ``ambiguous`` and ``former`` are reported.
:meth:`Gazetteer.matches` gives the rules layer every form with its flags and token indexes.
"""
from __future__ import annotations

import csv
import functools
import json
import math
import os
import re
import threading
from array import array
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from . import _core

__all__ = ["Entity", "Gazetteer", "GazetteerMatch", "default_gazetteer", "LABELS", "FORM_FLAGS"]

LABELS = ("PER", "LOC", "ORG", "MISC")
#: Flags a written form can carry (see the module docstring).
FORM_FLAGS = ("short", "surname", "ambiguous", "cased", "former", "typo")
#: Forms left out of :meth:`Gazetteer.find` unless ``include=`` names them.
CONTEXT_FLAGS = ("short", "surname")

_SHIFT = _core.AC_USER_SHIFT
_FLAG_BIT = {f: 1 << (_SHIFT + k) for k, f in enumerate(FORM_FLAGS)}
_KIND = ("exact", "fold", "typo")
#: Score of a match by how it was made; a listed misspelling (a ``typo`` form) scores LISTED_TYPO.
SCORES = {"exact": 1.0, "fold": 0.9, "typo": 0.7}
LISTED_TYPO = 0.85

_LABEL_OF = {x: x for x in LABELS} | {x.lower(): x for x in LABELS} | {x.title(): x for x in LABELS}
_LETTER = re.compile(r"[^\W\d_]")
_strip = _core.strip_diacritics
_SPACES = re.compile(r"\s+")

# numpy dtype of the records Automaton.find_many returns (see csrc/glue/automaton.c)
_RECORD = [("doc", "<i8"), ("value", "<i8"), ("start", "<u4"), ("end", "<u4"), ("token_start", "<u4"),
           ("token_end", "<u4"), ("kind", "u1"), ("tied", "u1"), ("folded", "u1"), ("pad", "V5")]

FRAME_COLUMNS = ["text", "start", "end", "label", "id", "name", "source", "score", "match"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A mention of a named entity: ``text == original[start:end]``.

    ``label`` is PER, LOC, ORG or MISC; ``id`` is shared by every variant of the same thing;
    ``name`` is its canonical display form; ``source`` is ``"gazetteer"`` or ``"rule"``;
    ``score`` is 1.0 for an exact gazetteer match and lower for one made without diacritics
    (0.9), through a listed misspelling (0.85) or through the typo fallback (0.7). ``match`` says
    how (``"exact"``, ``"fold"``, ``"typo"``, or ``"rule"``), ``form`` which listed form matched,
    ``flags`` that form's flags, and ``alternatives`` the other ids a shared form names (an
    ambiguous form such as "Congo").
    """

    text: str
    start: int
    end: int
    label: str
    id: str
    name: str
    source: str = "gazetteer"
    score: float = 1.0
    match: str = "exact"
    form: str | None = None
    flags: tuple[str, ...] = ()
    alternatives: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A plain dict (tuples as lists), ready for JSON."""
        return {
            "text": self.text, "start": self.start, "end": self.end, "label": self.label, "id": self.id,
            "name": self.name, "source": self.source, "score": self.score, "match": self.match,
            "form": self.form, "flags": list(self.flags), "alternatives": list(self.alternatives),
        }


@dataclass(frozen=True, slots=True)
class GazetteerMatch:
    """A listed form found in a text, for rules that read context (:meth:`Gazetteer.matches`).

    ``token_start``/``token_end`` index ``tintuc.tokenize(text)``; ``entities`` are all the
    entities the form names (several for an ambiguous form), the first being the one
    :meth:`Gazetteer.find` would report.
    """

    start: int
    end: int
    token_start: int
    token_end: int
    text: str
    form: str
    flags: tuple[str, ...]
    match: str
    score: float
    entities: tuple[Entity, ...]

    @property
    def entity(self) -> Entity:
        return self.entities[0]

    def has(self, flag: str) -> bool:
        """Does the matched form carry this flag ("short", "surname", ...)?"""
        return flag in self.flags


def _missing(x) -> bool:
    if x is None:
        return True
    if isinstance(x, (str, list, tuple, dict)):
        return False
    if isinstance(x, float):
        return math.isnan(x)
    try:  # pandas.NA, numpy.nan in an object column
        import pandas as pd
        return x is pd.NA or x is pd.NaT
    except ImportError:  # pragma: no cover - pandas is optional for this module
        return False


def _clean_name(name, what: str) -> str:
    if not isinstance(name, str):
        if name is None or (isinstance(name, float) and math.isnan(name)):
            raise ValueError(f"{what} is missing (None or NaN)")
        raise TypeError(f"{what} must be str, not {type(name).__name__}")
    name = " ".join(name.split())
    if not name:
        raise ValueError(f"{what} is empty")
    if _LETTER.search(name) is None:
        raise ValueError(f"{what} {name!r} has no letters")
    return name


def _split_aliases(aliases, what: str) -> list[str]:
    if aliases is None or (isinstance(aliases, float) and math.isnan(aliases)):
        return []
    if isinstance(aliases, str):
        items = aliases.split("|")
    else:
        try:
            items = list(aliases)
        except TypeError:
            raise TypeError(f"{what}: aliases must be a list of str or a '|'-separated str, "
                            f"not {type(aliases).__name__}") from None
    out = []
    for a in items:
        if a is None or (isinstance(a, float) and math.isnan(a)):
            continue
        if not isinstance(a, str):
            raise TypeError(f"{what}: alias {a!r} is not a str")
        a = _SPACES.sub(" ", a).strip()
        if a:
            out.append(a)
    return out


def _parse_flags(flags, what: str) -> tuple[set[str], dict[str, set[str]]]:
    """Flags as the data files write them ("vn63|short=HN", or a list of such items, or a dict
    {form: flags}) -> (entity flags, {form: form flags})."""
    entity: set[str] = set()
    per_form: dict[str, set[str]] = {}
    if flags is None or (isinstance(flags, float) and math.isnan(flags)):
        return entity, per_form
    if isinstance(flags, dict):
        for form, fl in flags.items():
            fl = [fl] if isinstance(fl, str) else list(fl)
            per_form.setdefault(_SPACES.sub(" ", form).strip(), set()).update(fl)
    else:
        items = flags.split("|") if isinstance(flags, str) else list(flags)
        for item in items:
            if not isinstance(item, str):
                raise TypeError(f"{what}: flag {item!r} is not a str")
            item = item.strip()
            if not item:
                continue
            if "=" in item:
                flag, form = item.split("=", 1)
                per_form.setdefault(_SPACES.sub(" ", form).strip(), set()).add(flag.strip())
            else:
                entity.add(item)
    for form, fl in per_form.items():
        bad = fl - set(FORM_FLAGS)
        if bad:
            raise ValueError(f"{what}: unknown flag(s) {sorted(bad)} for {form!r}; "
                             f"a form can carry {', '.join(FORM_FLAGS)}")
    return entity, per_form


class Gazetteer:
    """Named entities and their written forms, found in text by a C automaton.

    ``Gazetteer(fold=True, typos=True, capitals=False, plain_forms=False)`` sets the defaults of
    :meth:`find`: ``fold`` matches without diacritics where the text lacks them ("Ha Noi",
    "HA NOI", foreign words such as "Zurich"), ``typos`` lets one misspelt word of a long name
    match, ``capitals`` requires a word written capitalized in a name to be capitalized in the
    text ("Trung Bình" then finds "TRUNG BÌNH" but not "trung bình"). ``plain_forms`` is for
    lists written without diacritics: a form with none ("Ha Noi") then also finds the marked
    name ("Hà Nội") in text written with marks, where otherwise a Vietnamese syllable only
    matches as written ("bà" is not "Ba", "thanh tra" is not "Thanh Trà"). The attributes of the
    same names may be changed later; ``fold``, ``typos`` and ``capitals`` are read at each
    search and can be overridden per call.

    Add entities with :meth:`add` (or build with :meth:`from_frame`, :meth:`from_csv`,
    :meth:`from_jsonl`); ``len(gaz)`` is the number of entities. The automaton is built on the
    first search after a change (or explicitly with :meth:`build`). A Gazetteer pickles with its
    automaton as bytes, so unpickling never rebuilds it.
    """

    def __init__(self, *, fold: bool = True, typos: bool = True, capitals: bool = False,
                 plain_forms: bool = False):
        self.fold = bool(fold)
        self.typos = bool(typos)
        self.capitals = bool(capitals)
        self.plain_forms = bool(plain_forms)
        self._ids: list[str] = []
        self._labels: list[str] = []
        self._names: list[str] = []
        self._attrs: list[dict | None] = []
        self._by_id: dict[str, int] | None = {}
        self._forms: list[str] = []
        self._form_ent: list[int] = []
        self._form_flags: list[int] = []
        self._seen: dict[tuple[int, str], int] | None = {}
        self._automaton = None
        self._built_plain = self.plain_forms
        self._tables = None
        self._rules = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ building

    def add(self, name: str, label: str, id: str | None = None, aliases=(), *, flags=None, **attrs) -> str:
        """Add an entity (or more forms of one already added); returns its id.

        ``name`` is its canonical display form; ``label`` is PER, LOC, ORG or MISC; ``id``
        defaults to the name; ``aliases`` is a list of other written forms or one
        ``"|"``-separated str. ``flags`` is what the data files write: ``"short=Hàn|vn63"``, a
        list of such items, or a dict ``{form: flags}``; a form's flags are among
        ``short, surname, ambiguous, cased, former, typo``, other items are kept as the
        entity's own flags. Any other keyword is kept as an attribute (see :meth:`get`).

        Adding an id that exists adds the new forms to it (its label must agree; its canonical
        name stays the first one). A form that has no letters, an empty or missing name, or an
        unknown label raises ValueError.
        """
        name = _clean_name(name, "name")
        return self._add(name, label, id, aliases, flags, attrs or None)

    def _index(self) -> dict[str, int]:
        """id -> entity number (made lazily: unpickling does not pay for it)."""
        if self._by_id is None:
            self._by_id = {i: k for k, i in enumerate(self._ids)}
        return self._by_id

    def _form_index(self) -> dict[tuple[int, str], int]:
        """(entity number, form) -> form number, to drop repeats (made lazily)."""
        if self._seen is None:
            self._seen = {(e, f): k for k, (e, f) in enumerate(zip(self._form_ent, self._forms))}
        return self._seen

    def _add(self, name: str, label, id, aliases, flags, attrs) -> str:
        lab = _LABEL_OF.get(label) if isinstance(label, str) else None
        if lab is None:
            raise ValueError(f"label of {name!r} must be one of {', '.join(LABELS)}, not {label!r}")
        if id is None or (isinstance(id, float) and math.isnan(id)):
            id = name
        elif not isinstance(id, str):
            if isinstance(id, int) and not isinstance(id, bool):
                id = str(id)
            else:
                raise TypeError(f"id of {name!r} must be str, not {type(id).__name__}")
        elif not id.strip():
            raise ValueError(f"id of {name!r} is empty")
        forms = [name]
        if aliases is not None:
            forms += [_clean_name(a, f"alias of {name!r}") for a in _split_aliases(aliases, name)]
        ent_flags, form_flags = _parse_flags(flags, name) if flags is not None else (None, None)
        if form_flags:
            for form in form_flags:
                if form not in forms:
                    raise ValueError(f"{name!r}: flag for {form!r}, which is neither its name nor an alias")
        by_id = self._index()
        e = by_id.get(id)
        if e is None:
            e = len(self._ids)
            by_id[id] = e
            self._ids.append(id)
            self._labels.append(lab)
            self._names.append(name)
            self._attrs.append(None)
        elif self._labels[e] != lab:
            raise ValueError(f"id {id!r} is already {self._labels[e]} ({self._names[e]!r}); "
                             f"{name!r} gives it {lab}")
        if ent_flags or attrs:
            a = dict(self._attrs[e] or {})
            if attrs:
                a.update(attrs)
            if ent_flags:
                a["flags"] = sorted(set(a.get("flags", ())) | ent_flags)
            self._attrs[e] = a
        seen = self._form_index()
        for form in forms:
            bits = 0
            if form_flags:
                for f in form_flags.get(form, ()):
                    bits |= _FLAG_BIT[f]
            k = seen.get((e, form))
            if k is not None:
                self._form_flags[k] |= bits  # flags given again for a form already there
                continue
            seen[(e, form)] = len(self._forms)
            self._forms.append(form)
            self._form_ent.append(e)
            self._form_flags.append(bits)
        self._automaton = None
        self._tables = None
        self._rules = None
        return id

    def _add_rows(self, rows: Iterable, what: str) -> "Gazetteer":
        n = 0
        try:
            for n, (name, label, id, aliases, flags, attrs) in enumerate(rows):
                self._add(_clean_name(name, "name"), label, None if _missing(id) else id,
                          None if _missing(aliases) else aliases, None if _missing(flags) else flags, attrs)
        except (TypeError, ValueError) as err:
            raise type(err)(f"{what} {n}: {err}") from None
        return self

    @classmethod
    def from_frame(cls, df, name: str = "name", label: str = "label", id: str | None = "id",
                   aliases: str | None = "aliases", flags: str | None = "flags", *, attrs=(), **options) -> "Gazetteer":
        """A Gazetteer from a pandas DataFrame, one entity (or form of one) per row.

        ``name``, ``label``, ``id``, ``aliases`` and ``flags`` name columns; ``label`` may instead
        be one of PER/LOC/ORG/MISC for every row. ``id``, ``aliases`` and ``flags`` columns are
        optional: absent (or ``None``) means ids are the names, no aliases, no flags. Aliases are
        lists or ``"|"``-separated strings. ``attrs`` names more columns to keep per entity
        (:meth:`get`). ``options`` go to the constructor. Errors name the row.
        """
        cols = set(df.columns)

        def col(arg, default_name, required):
            if arg is None:
                return None
            if arg in cols:
                return df[arg].tolist()
            if required or arg != default_name:
                raise KeyError(f"from_frame(): no column {arg!r} (columns: {', '.join(map(str, df.columns))})")
            return None

        names = col(name, "name", True)
        if isinstance(label, str) and label not in cols and label.upper() in LABELS:
            labels = [label.upper()] * len(df)
        else:
            labels = col(label, "label", True)
        ids = col(id, "id", False) or [None] * len(df)
        als = col(aliases, "aliases", False) or [None] * len(df)
        fls = col(flags, "flags", False) or [None] * len(df)
        extra = [(c, df[c].tolist()) for c in attrs]
        attr_rows = ([{c: v[i] for c, v in extra if not _missing(v[i])} or None for i in range(len(df))]
                     if extra else [None] * len(df))
        gaz = cls(**options)
        return gaz._add_rows(zip(names, labels, ids, als, fls, attr_rows), "row")

    @classmethod
    def from_records(cls, records: Iterable[dict], name: str = "name", label: str = "label", id: str = "id",
                     aliases: str = "aliases", flags: str = "flags", *, attrs=(), **options) -> "Gazetteer":
        """A Gazetteer from dicts (one entity or form of one each), keys as in :meth:`from_frame`."""
        gaz = cls(**options)
        rows = ((r.get(name), r.get(label), r.get(id), r.get(aliases), r.get(flags),
                 {a: r[a] for a in attrs if a in r and not _missing(r[a])} or None) for r in records)
        return gaz._add_rows(rows, "record")

    @classmethod
    def from_csv(cls, path, *, delimiter: str | None = None, quoting: int | None = None, encoding: str = "utf-8",
                 **kwargs) -> "Gazetteer":
        """A Gazetteer from a CSV or TSV file with a header (columns as in :meth:`from_frame`).

        The delimiter is a tab for ``.tsv``/``.tab`` files and a comma otherwise; TSV files are
        read without quoting (as the built-in data is written), CSV files with standard quoting.
        """
        path = os.fspath(path)
        tsv = path.lower().endswith((".tsv", ".tab"))
        if delimiter is None:
            delimiter = "\t" if tsv else ","
        if quoting is None:
            quoting = csv.QUOTE_NONE if tsv else csv.QUOTE_MINIMAL
        with open(path, encoding=encoding, newline="") as f:
            rows = [r for r in csv.DictReader(f, delimiter=delimiter, quoting=quoting)]
        for r in rows:
            for k, v in list(r.items()):
                if v == "":
                    r[k] = None
        return cls.from_records(rows, **kwargs)

    @classmethod
    def from_jsonl(cls, path, *, encoding: str = "utf-8", **kwargs) -> "Gazetteer":
        """A Gazetteer from a JSON Lines file, one object per line (keys as in :meth:`from_frame`)."""
        records = []
        with open(os.fspath(path), encoding=encoding) as f:
            for n, line in enumerate(f, start=1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise ValueError(f"{path}:{n}: not JSON: {err}") from None
        return cls.from_records(records, **kwargs)

    def build(self) -> "Gazetteer":
        """Build the automaton now (otherwise the first search does it)."""
        self._get_automaton()
        return self

    def _engine_flags(self) -> list[int]:
        out = []
        for form, bits, e in zip(self._forms, self._form_flags, self._form_ent):
            f = bits
            if self._labels[e] == "ORG":
                # "bộ Y tế" for "Bộ Y tế" in an analyzed text, under ``capitals`` (the engine
                # checks the rest: csrc/core/automaton.h)
                f |= _core.AC_HEADED
            if bits & _FLAG_BIT["cased"]:
                f |= _core.AC_CASED
            if bits & _FLAG_BIT["typo"]:
                f |= _core.AC_NOTYPO  # a listed misspelling is not bent any further
            if self.plain_forms and _strip(form) == form:
                f |= _core.AC_PLAIN
            out.append(f)
        return out

    def _get_automaton(self):
        a = self._automaton
        if a is not None and self._built_plain == self.plain_forms:
            return a
        with self._lock:
            if self._automaton is None or self._built_plain != self.plain_forms:
                plain = self.plain_forms
                self._automaton = _core.Automaton.build(self._forms, None, self._engine_flags())
                self._built_plain = plain
            return self._automaton

    @property
    def automaton(self):
        """The underlying ``tintuc._core.Automaton`` (values are form indexes)."""
        return self._get_automaton()

    # ------------------------------------------------------------------ reading

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, id) -> bool:
        return id in self._index()

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __repr__(self) -> str:
        return f"<Gazetteer: {len(self._ids)} entities, {len(self._forms)} forms>"

    def get(self, id: str) -> dict | None:
        """The entity with this id as a dict (id, label, name, aliases, flags by form, and its
        attributes), or None."""
        e = self._index().get(id)
        if e is None:
            return None
        forms = [k for k in range(len(self._forms)) if self._form_ent[k] == e]
        out = {"id": id, "label": self._labels[e], "name": self._names[e],
               "aliases": [self._forms[k] for k in forms if self._forms[k] != self._names[e]],
               "form_flags": {self._forms[k]: self._flag_names(self._form_flags[k]) for k in forms
                              if self._form_flags[k]}}
        if self._attrs[e]:
            out.update(self._attrs[e])
        return out

    @staticmethod
    def _flag_names(bits: int) -> tuple[str, ...]:
        return tuple(f for f in FORM_FLAGS if bits & _FLAG_BIT[f])

    def _exclude(self, include) -> int:
        if isinstance(include, str):
            include = (include,)
        inc = set(include or ())
        bad = inc - set(FORM_FLAGS)
        if bad:
            raise ValueError(f"include: unknown flag(s) {sorted(bad)}; forms carry {', '.join(FORM_FLAGS)}")
        return sum(_FLAG_BIT[f] for f in CONTEXT_FLAGS if f not in inc)

    def _opts(self, fold, typos, capitals) -> dict:
        return {"fold": self.fold if fold is None else bool(fold),
                "typos": self.typos if typos is None else bool(typos),
                "capitals": self.capitals if capitals is None else bool(capitals)}

    def _entity(self, text: str, start: int, end: int, form: int, kind: str, alts=()) -> Entity:
        e = self._form_ent[form]
        bits = self._form_flags[form]
        score = SCORES[kind]
        if bits & _FLAG_BIT["typo"]:
            kind, score = "typo", min(score, LISTED_TYPO)
        return Entity(text[start:end], start, end, self._labels[e], self._ids[e], self._names[e],
                      "gazetteer", score, kind, self._forms[form], self._flag_names(bits), alts)

    def _rule_tables(self) -> tuple[bytes, bytes, dict]:
        """What the entity rules read of the forms (tintuc.entities, csrc/glue/entity_runs.c):
        the entity of each form (int32), its label and short/surname flags (one byte: the index
        in LABELS, 4 short, 8 surname), and a cache of :meth:`_entity_fields`; made again after
        a change."""
        r = self._rules
        if r is None:
            short, surname = _FLAG_BIT["short"], _FLAG_BIT["surname"]
            labels = [LABELS.index(x) for x in self._labels]
            info = bytes(labels[e] | (4 if b & short else 0) | (8 if b & surname else 0)
                         for e, b in zip(self._form_ent, self._form_flags))
            r = self._rules = (array("i", self._form_ent).tobytes(), info, {})
        return r

    def _entity_fields(self, form: int, kind: int, forms: tuple[int, ...]) -> tuple:
        """The fields after text, start and end of what :meth:`_entity` makes of a span whose
        forms are `forms` (form first, then the tied ones), kind being 0 exact, 1 fold, 2 typo."""
        cache = self._rule_tables()[2]
        key = (kind, forms)
        f = cache.get(key)
        if f is None:
            e = self._entity("", 0, 0, form, _KIND[kind], self._alternatives([(0, 0, x) for x in forms]))
            f = cache[key] = (e.label, e.id, e.name, e.source, e.score, e.match, e.form, e.flags, e.alternatives)
        return f

    def _groups(self, raw):
        """Group find() tuples of one span (ties) together."""
        group = []
        for m in raw:
            if group and not m[6]:
                yield group
                group = []
            group.append(m)
        if group:
            yield group

    def _alternatives(self, group) -> tuple[str, ...]:
        first = self._form_ent[group[0][2]]
        seen, out = {first}, []
        for m in group[1:]:
            e = self._form_ent[m[2]]
            if e not in seen:
                seen.add(e)
                out.append(self._ids[e])
        return tuple(out)

    def find(self, text: str, *, overlapping: bool = False, include=(), fold: bool | None = None,
             typos: bool | None = None, capitals: bool | None = None) -> list[Entity]:
        """The entities named in ``text``, in text order.

        Leftmost-longest by default (each position reports its longest match and the scan goes
        on after it); ``overlapping=True`` reports every listed form found. Forms flagged
        ``short`` or ``surname`` are left out unless ``include`` names those flags. ``fold``,
        ``typos`` and ``capitals`` override the gazetteer's defaults for this call. Offsets
        are code points of ``text``: ``text[e.start:e.end] == e.text``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        raw = self._get_automaton().find(text, overlapping=overlapping, exclude=self._exclude(include),
                                         **self._opts(fold, typos, capitals))
        return [self._entity(text, g[0][0], g[0][1], g[0][2], g[0][3], self._alternatives(g))
                for g in self._groups(raw)]

    def matches(self, text: str, *, include=CONTEXT_FLAGS, overlapping: bool = False, fold: bool | None = None,
                typos: bool | None = None, capitals: bool | None = None) -> list[GazetteerMatch]:
        """Every listed form found in ``text``, short and surname forms included, with its flags
        and token indexes (into ``tintuc.tokenize(text)``): what name rules build on."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        raw = self._get_automaton().find(text, overlapping=overlapping, exclude=self._exclude(include),
                                         **self._opts(fold, typos, capitals))
        out = []
        for g in self._groups(raw):
            s, e, form, kind, ts, te, _ = g[0]
            ents, seen = [], set()
            for m in g:
                ent = self._form_ent[m[2]]
                if ent not in seen:
                    seen.add(ent)
                    ents.append(self._entity(text, s, e, m[2], m[3]))
            first = ents[0]
            out.append(GazetteerMatch(s, e, ts, te, text[s:e], self._forms[form], first.flags, first.match,
                                      first.score, tuple(ents)))
        return out

    def find_many(self, texts, *, overlapping: bool = False, include=(), fold: bool | None = None,
                  typos: bool | None = None, capitals: bool | None = None):
        """:meth:`find` over a batch in one C call with the GIL released: a pandas DataFrame.

        Shaped like ``Series.str.extractall``: a MultiIndex of the original index (a Series keeps
        its own; any other iterable gets 0, 1, ...) and ``match`` (0, 1, ... within each text), and
        the columns text, start, end, label, id, name, source, score, match. ``None`` and NaN
        texts are passed over (they have no rows).
        """
        import numpy as np
        import pandas as pd

        if isinstance(texts, str):
            raise TypeError("find_many() takes a sequence of str, not a str")
        if isinstance(texts, pd.Series):
            index = texts.index
            values = texts.tolist()
        else:
            values = list(texts)
            index = pd.RangeIndex(len(values))
        values = [v if isinstance(v, str) else (None if _missing(v) else v) for v in values]
        blob = self._get_automaton().find_many(values, overlapping=overlapping, exclude=self._exclude(include),
                                               **self._opts(fold, typos, capitals))
        rec = np.frombuffer(blob, dtype=np.dtype(_RECORD).newbyteorder("=")) if blob else np.zeros(0, _RECORD)
        names = [index.name, "match"] if not isinstance(index, pd.MultiIndex) else list(index.names) + ["match"]
        tables = self._frame_tables()
        # the frame keeps the first entity of each span (find() reports the alternatives)
        rec = rec[rec["tied"] == 0]
        doc = rec["doc"]
        form = rec["value"]
        ent = tables["form_ent"][form]
        kind = rec["kind"]
        score = np.array([SCORES[k] for k in _KIND])[kind]
        listed_typo = tables["form_typo"][form]
        score = np.where(listed_typo, np.minimum(score, LISTED_TYPO), score)
        match = np.array(_KIND, dtype=object)[kind]
        match[listed_typo] = "typo"
        starts = rec["start"].astype(np.int64)
        ends = rec["end"].astype(np.int64)
        text_col = [values[d][s:e] for d, s, e in zip(doc.tolist(), starts.tolist(), ends.tolist())]
        # match number within each text
        first = np.r_[True, doc[1:] != doc[:-1]]
        grp_start = np.maximum.accumulate(np.where(first, np.arange(len(doc)), 0))
        number = np.arange(len(doc)) - grp_start
        doc = doc.astype(np.intp)
        if isinstance(index, pd.MultiIndex):
            levels = [index.get_level_values(k).take(doc) for k in range(index.nlevels)]
        else:
            levels = [index.take(doc)]
        midx = pd.MultiIndex.from_arrays(levels + [number], names=names)
        return pd.DataFrame({
            "text": text_col, "start": starts, "end": ends,
            "label": tables["labels"][ent], "id": tables["ids"][ent], "name": tables["names"][ent],
            "source": np.full(len(doc), "gazetteer", dtype=object), "score": score, "match": match,
        }, index=midx)

    def _frame_tables(self) -> dict:
        t = self._tables
        if t is None:
            import numpy as np
            typo = _FLAG_BIT["typo"]
            t = {"form_ent": np.asarray(self._form_ent, dtype=np.int64),
                 "form_typo": np.asarray([bool(b & typo) for b in self._form_flags], dtype=bool),
                 "labels": np.asarray(self._labels, dtype=object), "ids": np.asarray(self._ids, dtype=object),
                 "names": np.asarray(self._names, dtype=object)}
            self._tables = t
        return t

    # ------------------------------------------------------------------ pickling

    def __getstate__(self):
        """Tables as compact as pickle allows, and the automaton as bytes (never rebuilt)."""
        return {"version": 1, "fold": self.fold, "typos": self.typos, "capitals": self.capitals,
                "plain_forms": self.plain_forms, "ids": self._ids,
                "labels": bytes(LABELS.index(x) for x in self._labels),
                "names": None if self._names == self._ids else self._names,
                "attrs": {k: a for k, a in enumerate(self._attrs) if a},
                "forms": self._forms, "form_ent": array("q", self._form_ent).tobytes(),
                "form_flags": array("q", self._form_flags).tobytes(),
                "automaton": self._get_automaton().to_bytes()}

    def __setstate__(self, state):
        if not isinstance(state, dict) or state.get("version") != 1:
            raise ValueError(f"cannot unpickle a Gazetteer of version {state.get('version')!r}")
        self.fold, self.typos, self.capitals = state["fold"], state["typos"], state["capitals"]
        self.plain_forms = state["plain_forms"]
        self._ids = state["ids"]
        self._labels = [LABELS[k] for k in state["labels"]]
        self._names = list(self._ids) if state["names"] is None else state["names"]
        self._attrs = [None] * len(self._ids)
        for k, a in state["attrs"].items():
            self._attrs[k] = a
        self._forms = state["forms"]
        self._form_ent = array("q", state["form_ent"]).tolist()
        self._form_flags = array("q", state["form_flags"]).tolist()
        self._by_id = None
        self._seen = None
        self._tables = None
        self._rules = None
        self._lock = threading.Lock()
        self._automaton = _core.Automaton(state["automaton"])
        self._built_plain = self.plain_forms
        n = len(self._ids)
        if (len(self._labels) != n or len(self._names) != n or len(self._form_ent) != len(self._forms)
                or len(self._form_flags) != len(self._forms) or len(self._automaton) > len(self._forms)
                or (self._form_ent and not 0 <= min(self._form_ent) <= max(self._form_ent) < n)):
            raise ValueError("cannot unpickle a Gazetteer: its tables do not fit together")


# ---------------------------------------------------------------------- the built-in gazetteer

#: The entity tables of pkg/tintuc/data/gazetteer, in load order (tools/build_gazetteer.py's
#: ENTITY_FILES); countries_aliases.tsv is a build input, not an entity table.
DATA_FILES = ("countries.tsv", "vn_provinces.tsv", "cities.tsv", "places.tsv", "organizations.tsv",
              "agencies.tsv", "companies.tsv", "persons.tsv")
_ATTR_COLUMNS = ("type", "country", "role", "since", "until", "parent")


def data_dir() -> str:
    """The folder of the built-in gazetteer's files."""
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "gazetteer")


def _read_data(gaz: Gazetteer, folder: str) -> Gazetteer:
    for fn in DATA_FILES:
        path = os.path.join(folder, fn)
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
        header = rows[0]
        for n, r in enumerate(rows[1:], start=2):
            if not r or (len(r) == 1 and not r[0].strip()):
                continue
            if len(r) != len(header):
                raise ValueError(f"{path}:{n}: {len(r)} fields, expected {len(header)}")
            row = dict(zip(header, r))
            attrs = {k: row[k] for k in _ATTR_COLUMNS if row.get(k)}
            try:
                gaz._add(_clean_name(row["name"], "name"), row["label"], row["id"], row["aliases"] or None,
                         row["flags"] or None, attrs or None)
            except (TypeError, ValueError) as err:
                raise ValueError(f"{path}:{n}: {err}") from None
    return gaz


@functools.lru_cache(maxsize=None)
def default_gazetteer() -> Gazetteer:
    """The built-in gazetteer: countries, Vietnamese provinces, cities, places, organizations,
    news agencies, companies and office holders (pkg/tintuc/data/gazetteer), built once and
    cached. Treat it as read-only; build your own with :class:`Gazetteer` (or copy this one with
    ``pickle``) to add names.

    It is set for news text with ``capitals=True``: a word its names write capitalized must be
    capitalized in the text (or written in capitals), since in lower case most such words are
    ordinary Vietnamese ("viên", "sát", "chính phủ Mỹ" are not Vienna, Chad or Vietnam's
    government). In a name of three words or more only the first is held to it, and in an
    analyzed document (whose words are known) not even the first word of an organization's name
    when it begins a word and the second is capitalized: the press writes "bộ Y tế" and "đảng
    Dân chủ" too, while the "bộ" of the word "cán bộ" in "cán bộ Công an" heads nothing."""
    return _read_data(Gazetteer(capitals=True), data_dir()).build()
