"""Clusters: mentions of one real-world event, across the documents of one batch.

Two mentions are of the same event when all of these hold:
- same type (ceasefire agreements, declarations and truces form one family whatever their
  type), and both negated or both not;
- their dates, within a day of each other: the text's date, else publication; dates spanning
  more than a month ("năm 2020") only match the same value;
- their places agree when both have one (the same id, or a city and its country);
- their participants overlap (by entity id, a person or body also counting as its country);
  for meetings, agreements and cooperation (where the sides act together) the sides of one
  (countries, or the entities without one) are among the other's; for other types, when
  both name actors, one's sides (countries, or the entities without one) are among the
  other's ("Mỹ gặp A" is not "Nga gặp A", "Nga và Pháp hội đàm" is not "Nga và Trung Quốc
  hội đàm"), and when both name recipients, they share one ("Nga gặp A" is not "Nga gặp B"),
  unless the two mentions tell it from opposite sides ("A gặp B" and "B gặp A"); a mention
  without participants needs the same place instead.
Clusters are the connected groups of such pairs; a cluster's value is the position of its
first mention in the batch (document order, then mention order), so it is deterministic and
every mention is kept.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import functools
import threading
from importlib import resources

__all__ = ["assign", "Group", "country_of"]

_DAY = _dt.timedelta(days=1)
# dates spanning more days than this are too vague to place two mentions on one day
_VAGUE_DAYS = 31
# types where the sides act together: who is named first does not matter
_MUTUAL = {"CONSULT", "AGREE", "COOPERATE", "ceasefire"}
_GAZETTEER_FILES = ("countries.tsv", "vn_provinces.tsv", "cities.tsv", "places.tsv", "organizations.tsv",
                    "agencies.tsv", "companies.tsv", "persons.tsv")


@functools.lru_cache(maxsize=1)
def _countries() -> dict:
    out = {}
    base = resources.files("tintuc").joinpath("data", "gazetteer")
    for name in _GAZETTEER_FILES:
        try:
            text = base.joinpath(name).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        rows = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
        for r in rows:
            if r.get("country"):
                out[r["id"]] = r["country"]
    return out


def country_of(entity_id) -> str | None:
    """The ISO country code of a gazetteer id (a country's own code for a country)."""
    return _countries().get(entity_id) if entity_id else None


def _key(e) -> str:
    return getattr(e, "id", None) or getattr(e, "name", None) or e.text


def _keys(entities) -> frozenset:
    """Entity ids, and the countries they belong to."""
    out = set()
    for e in entities:
        k = _key(e)
        out.add(k)
        c = country_of(k)
        if c:
            out.add(c)
    return frozenset(out)


def _sides(entities) -> frozenset:
    """Each entity as its country when it has one (a minister, a ministry: their country)."""
    return frozenset(country_of(_key(e)) or _key(e) for e in entities)


class _Features:
    __slots__ = ("family", "parts", "actors", "recipients", "place", "place_country", "begin", "end", "value")

    def __init__(self, ev, published):
        ceasefire = ev.mode == "ceasefire" and ev.type in ("AGREE", "RETREAT", "CONCEDE")
        self.family = ("ceasefire" if ceasefire else ev.type, ev.negated)
        self.actors = _sides(ev.actors)
        self.recipients = _sides(ev.recipients)
        self.parts = _keys(ev.actors) | _keys(ev.recipients)
        self.place = _key(ev.location) if ev.location is not None else None
        self.place_country = country_of(self.place)
        d = ev.date
        if d is not None and d.begin is not None:
            self.begin, self.end, self.value = d.begin, d.end_date or d.begin, d.value
        elif published is not None:
            self.begin = self.end = published
            self.value = published.isoformat()
        else:
            self.begin = self.end = self.value = None

    @property
    def vague(self) -> bool:
        return (self.end - self.begin).days > _VAGUE_DAYS

    def days(self, widen: int):
        """The bucket keys of its date: each day (widened by ``widen``), or its value if vague."""
        if self.begin is None:
            return ()
        if self.vague:
            return (self.value,)
        first, n = self.begin - widen * _DAY, (self.end - self.begin).days + 2 * widen
        return tuple(first + k * _DAY for k in range(n + 1))

    def bucket_keys(self):
        return self.parts if self.parts else ((("@", self.place),) if self.place else ())


def _places_agree(a: _Features, b: _Features) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    return a.place_country == b.place or b.place_country == a.place


def _same(a: _Features, b: _Features) -> bool:
    if a.family != b.family or a.begin is None or b.begin is None:
        return False
    if a.vague or b.vague:
        if a.value != b.value:
            return False
    elif a.begin > b.end + _DAY or b.begin > a.end + _DAY:
        return False
    if not _places_agree(a, b):
        return False
    if a.parts and b.parts:
        if not a.parts & b.parts:
            return False
        if a.family[0] in _MUTUAL:
            # "A gặp B", "A và B hội đàm": the same sides, one list maybe naming fewer
            sa, sb = a.actors | a.recipients, b.actors | b.recipients
            return sa <= sb or sb <= sa
        # both name who acted: the same sides (one list may name fewer), or each the other's
        # counterpart ("A gặp B", "B gặp A")
        crossed = bool(a.actors & b.recipients and b.actors & a.recipients)
        if a.actors and b.actors and not (a.actors <= b.actors or b.actors <= a.actors) and not crossed:
            return False
        # and both name whom: the same ones ("Nga gặp A" is not "Nga gặp B")
        if a.recipients and b.recipients and not a.recipients & b.recipients and not crossed:
            return False
        return True
    return a.place is not None and a.place == b.place


def assign(mentions: list, published: list) -> list:
    """``mentions[i]`` are the events of document i (published on ``published[i]``); returns
    the same events with ``cluster`` set."""
    feats, where = [], []
    for i, (evs, pub) in enumerate(zip(mentions, published)):
        for j, ev in enumerate(evs):
            feats.append(_Features(ev, pub))
            where.append((i, j))
    parent = list(range(len(feats)))

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index: dict = {}
    for n, f in enumerate(feats):
        cands = set()
        for key in f.bucket_keys():
            for day in f.days(1):
                cands.update(index.get((f.family, key, day), ()))
        for m in sorted(cands):
            if _same(feats[m], f):
                a, b = root(m), root(n)
                if a != b:
                    parent[max(a, b)] = min(a, b)     # the earliest mention names the cluster
        for key in f.bucket_keys():
            for day in f.days(0):
                index.setdefault((f.family, key, day), []).append(n)
    out = [list(evs) for evs in mentions]
    for n, (i, j) in enumerate(where):
        out[i][j] = dataclasses.replace(out[i][j], cluster=root(n))
    return out


class Group:
    """Documents analyzed together (one ``analyze_many`` call): the first request for any of
    their events extracts and clusters the events of all of them."""

    def __init__(self, documents):
        self.documents = list(documents)
        self._lock = threading.Lock()
        self._done = False

    def fill(self) -> None:
        from .extract import extract_mentions
        with self._lock:
            if self._done:
                return
            docs = self.documents
            clustered = assign([extract_mentions(d) for d in docs], [d.published for d in docs])
            for d, evs in zip(docs, clustered):
                d._cache["events"] = evs
            self._done = True
