"""Clusters: mentions of one real-world event, across the documents of one batch.

Two mentions are of the same event when all of these hold:
- same type (ceasefire agreements, declarations and truces form one family whatever their
  type), and both negated or both not;
- their dates, within a day of each other: the text's date, else publication; dates spanning
  more than SPAN_DAYS ("tuần này", "năm 2020") only match the same value;
- their places agree when both have one (the same id, or a city and its country);
- there is enough to go on: the same place, or the same day given in both texts, or two
  sides or more in both (one side, no place and a publication date fit too many events);
  statements need the same speaker and the same place or day given in both texts (one
  speaker says many things);
- they share a participant (by entity id), or they happened at one place with the same
  countries involved ("Trung tâm Chỉ huy Quốc phòng Nga" and "Bộ Quốc phòng Nga" at
  Stepanakert); a mention without participants needs the same place instead;
- their sides agree. A side is an entity's country (a minister, a ministry, a city, or a
  body with a country in its name), else the entity. For meetings, agreements and
  cooperation, where the sides act together, one mention's sides are among the other's ("A
  gặp B" is "A và B hội đàm"; "Nga và Pháp hội đàm" is not "Nga và Trung Quốc hội đàm"). For
  other types, when both name actors, one's are among the other's ("Mỹ tấn công A" is not
  "Nga tấn công A", and "A cáo buộc B" is not "B cáo buộc A"), and when both name
  recipients, they share one.
Clusters are the connected groups of such pairs, kept within SPAN_DAYS (so that day-by-day
links do not chain a week of similar events); a cluster's value is the position of its
first mention in the batch (document order, then mention order), so it is deterministic and
every mention is kept.
"""
from __future__ import annotations

import csv
import dataclasses
import datetime as _dt
import functools
import operator
import threading
from importlib import resources

from .._bulk import no_collection
from ..document import untrack
from .model import Event

__all__ = ["assign", "features", "link", "Linker", "Group", "country_of"]

_DAY = _dt.timedelta(days=1)
# granularities that name one day
_ONE_DAY = ("day", "part_of_day", "time")
# the most days one cluster's mentions may span; a date spanning more ("tuần này", "tháng
# 10") is too vague to place a mention on a day, and matches only the same value
SPAN_DAYS = 2
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
    try:
        return e.id or e.name or e.text
    except AttributeError:
        return getattr(e, "id", None) or getattr(e, "name", None) or e.text


@functools.lru_cache(maxsize=4096)
def _countries_named_in(text: str) -> frozenset:
    """Countries whose names stand inside an entity's name ("Bộ Quốc phòng Nga": RU)."""
    from ..gazetteer import default_gazetteer
    return frozenset(m.id for m in default_gazetteer().find(text) if _is_country(m.id))


@functools.lru_cache(maxsize=None)
def _is_country(entity_id: str) -> bool:
    from ..gazetteer import default_gazetteer
    return (default_gazetteer().get(entity_id) or {}).get("type") == "country"


def _sides(entities, keys=None) -> frozenset:
    """Each entity as the country it belongs to (a minister, a ministry, a city: their
    country), else as itself. ``keys``: their _key values, when already known."""
    countries = _countries()
    if len(entities) == 1:
        k = keys[0] if keys is not None else _key(entities[0])
        c = countries.get(k) if k else None
        return frozenset((c,)) if c else (_countries_named_in(entities[0].text) or frozenset((k,)))
    out = set()
    for e, k in zip(entities, keys if keys is not None else map(_key, entities)):
        c = countries.get(k) if k else None
        if c:
            out.add(c)
        else:
            out |= _countries_named_in(e.text) or {k}
    return frozenset(out)


class _Features:
    """What clustering reads of one mention. The sides (``actors``, ``recipients``, ``sides``)
    are made on first use: most mentions are compared with none or with few others."""

    __slots__ = ("kind", "negated", "ids", "actor_ids", "_acts", "_recs", "_akeys", "_rkeys", "_actors",
                 "_recipients", "_sides", "place", "place_country", "begin", "end", "value", "vague", "dated",
                 "buckets", "lo", "hi")

    @property
    def family(self) -> tuple:
        return (self.kind, self.negated)

    @property
    def actors(self) -> frozenset:
        if self._sides is None:
            self._fill_sides()
        return self._actors

    @property
    def recipients(self) -> frozenset:
        if self._sides is None:
            self._fill_sides()
        return self._recipients

    @property
    def sides(self) -> frozenset:
        if self._sides is None:
            self._fill_sides()
        return self._sides

    def _fill_sides(self) -> None:
        acts = self._acts
        if len(acts) == 1:
            # (_sides of one entity)
            k = self._akeys[0]
            c = _countries().get(k) if k else None
            actors = frozenset((c,)) if c else (_countries_named_in(acts[0].text) or frozenset((k,)))
        else:
            actors = _sides(acts, self._akeys)
        self._actors = actors
        if self._recs:
            self._recipients = recipients = _sides(self._recs, self._rkeys)
            self._sides = actors | recipients
        else:
            self._recipients = _NONE
            self._sides = actors

    def settle(self) -> None:
        """The sides made now, and the entities they come from let go: for mentions kept
        long after their documents (tintuc.tables), whose entities would otherwise stay."""
        if self._sides is None:
            self._fill_sides()
        self._acts = self._recs = self._akeys = self._rkeys = None

    def days(self, widen: int):
        """The bucket keys of its date: each day as an ordinal (widened by ``widen``), or its
        value if vague."""
        if self.begin is None:
            return ()
        if self.vague:
            return (self.value,)
        return range(self.lo - widen, self.hi + widen + 1)

    def bucket_keys(self):
        keys = set(self.ids)
        if self.place:
            keys.add(("@", self.place))
        return keys


_NONE = frozenset()
_CEASEFIRE_TYPES = frozenset(("AGREE", "RETREAT", "CONCEDE"))


def _keys(entities) -> list:
    """The _key of each entity (an entity's id, else its name, else its text)."""
    try:
        return [e.id or e.name or e.text for e in entities]
    except AttributeError:
        return [_key(e) for e in entities]


def _places_agree(a: _Features, b: _Features) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    return a.place_country == b.place or b.place_country == a.place


def _dates_close(a: _Features, b: _Features) -> bool:
    if a.begin is None or b.begin is None:
        return False
    if a.vague or b.vague:
        return a.value == b.value
    return not (a.begin > b.end + _DAY or b.begin > a.end + _DAY)


def _same(a: _Features, b: _Features) -> bool:
    if a.kind != b.kind or a.negated != b.negated or not _dates_close(a, b) or not _places_agree(a, b):
        return False
    return _same_near(a, b)


def _same_near(a: _Features, b: _Features) -> bool:
    """_same for two mentions of one family, dated close and with places that agree (what
    sharing a bucket of :class:`Linker` tells of two mentions, but for the places)."""
    ids = a.ids
    if not (ids and b.ids):
        return a.place is not None and a.place == b.place
    at_one_place = a.place is not None and a.place == b.place
    same_day = a.dated and b.dated and a.begin == b.begin
    if a.kind == "STATEMENT":
        # one speaker says many things: only one day's statement told twice is one event
        return (same_day or at_one_place) and a.actor_ids == b.actor_ids
    # linked by a participant, or at one place by the same countries ("Trung tâm Chỉ huy
    # Quốc phòng Nga" and "Bộ Quốc phòng Nga" in Stepanakert)
    if ids.isdisjoint(b.ids) and not (at_one_place and not a.sides.isdisjoint(b.sides)):
        return False
    # one side, no place and a publication date are too little to tell two events apart
    if not (at_one_place or same_day or (len(a.sides) > 1 and len(b.sides) > 1)):
        return False
    if a.kind in _MUTUAL:
        # "A gặp B", "A và B hội đàm": the same sides, one list maybe naming fewer
        return a.sides <= b.sides or b.sides <= a.sides
    # who acted: the same sides (one list may name fewer); whom: one in common
    if a.actors and b.actors and not (a.actors <= b.actors or b.actors <= a.actors):
        return False
    return not (a.recipients and b.recipients and a.recipients.isdisjoint(b.recipients))


def features(events, published) -> list:
    """What clustering reads of each of one document's ``events`` (published on ``published``):
    computed wherever the events were found, so that a batch read by several processes links
    them in one short pass (:func:`link`)."""
    out = []
    if published is not None:
        pub_value = published.isoformat()
        pub_day = published.toordinal()
    new = _Features.__new__
    for ev in events:
        f = new(_Features)
        t = ev.type
        f.kind = "ceasefire" if ev.mode == "ceasefire" and t in _CEASEFIRE_TYPES else t
        f.negated = ev.negated
        f._acts = acts = ev.actors
        f._recs = recs = ev.recipients
        f._akeys = akeys = _keys(acts) if len(acts) != 1 else [_key(acts[0])]
        f.actor_ids = actor_ids = frozenset(akeys)
        if recs:
            f._rkeys = rkeys = _keys(recs)
            f.ids = ids = actor_ids.union(rkeys)
        else:
            f.ids = ids = actor_ids
        f._sides = None
        loc = ev.location
        if loc is not None:
            f.place = place = _key(loc)
            f.place_country = country_of(place)
        else:
            f.place = place = f.place_country = None
        d = ev.date
        if d is not None and d.begin is not None:
            f.dated = d.granularity in _ONE_DAY
            f.begin = begin = d.begin
            f.end = end = d.end_date or begin
            f.value = d.value
            f.lo = begin.toordinal()
            f.hi = end.toordinal()
            f.vague = (end - begin).days > SPAN_DAYS
        elif published is not None:
            f.dated = False
            f.begin = f.end = published
            f.value = pub_value
            f.lo = f.hi = pub_day
            f.vague = False
        else:
            f.dated = False
            f.begin = f.end = f.value = f.lo = f.hi = None
            f.vague = False
        # the keys of its family's index in Linker: each participant's id, ("@", place)
        f.buckets = (*ids, ("@", place)) if place else ids
        out.append(f)
    return out


class Linker:
    """Clusters built as the mentions of a batch are given in order (document order, then
    mention order), so that a batch read by several processes links what has come in while
    the rest is being read."""

    __slots__ = ("feats", "parent", "span", "index")

    def __init__(self):
        self.feats = []
        self.parent = []
        # the days a cluster spans, kept within SPAN_DAYS so that day-by-day links do not
        # chain a week of similar events into one (a mention alone: its own, not kept here)
        self.span = {}
        # family -> a participant's id or ("@", place) -> day (ordinal, or a vague date's
        # value) -> the mentions in it, in order
        self.index = {}

    def add(self, feats) -> None:
        """The next mentions, by their features."""
        index, same, union = self.index, _same_near, self._union
        all_feats, parent = self.feats, self.parent
        for f in feats:
            n = len(all_feats)
            all_feats.append(f)
            parent.append(n)
            if f.begin is None:
                continue
            if f.vague:
                near = own = (f.value,)
            else:
                lo, hi = f.lo, f.hi
                if lo == hi:
                    own = (lo,)
                    # a statement with no place is only ever one of that very day
                    near = own if f.kind == "STATEMENT" and f.place is None and f.dated else (lo - 1, lo, lo + 1)
                else:
                    near, own = range(lo - 1, hi + 2), range(lo, hi + 1)
            # with no place and no day of its own, a mention is only ever the same as another
            # by their sides, two or more in both, and never a statement: when it cannot be,
            # its buckets are not searched (and its sides are asked for once it has candidates)
            alone = not f.dated and f.place is None
            probe = not alone or (f.kind != "STATEMENT" and f.ids)
            first = cands = None
            days_of = []
            family = index.get((f.kind, f.negated))
            if family is None:
                index[f.kind, f.negated] = family = {}
            for b in f.buckets:
                days = family.get(b)
                if days is None:
                    family[b] = days = {}
                elif probe:
                    for day in near:
                        found = days.get(day)
                        if found:
                            if first is None:
                                first = found
                            elif cands is None:
                                cands = set(first)
                                cands.update(found)
                            else:
                                cands.update(found)
                days_of.append(days)
            if first is not None and not (alone and len(f.sides) < 2):
                # (one list holds each mention once, in order)
                for m in (first if cands is None else sorted(cands)):
                    g = all_feats[m]
                    if (g.place is None or f.place is None or g.place == f.place
                            or g.place_country == f.place or f.place_country == g.place) and same(g, f):
                        union(m, n)
            for days in days_of:
                for day in own:
                    found = days.get(day)
                    if found is None:
                        days[day] = [n]
                    else:
                        found.append(n)

    def clusters(self) -> list:
        """The cluster of each mention so far: the position of the first mention of it."""
        parent = self.parent
        # a mention's parent comes before it: in order, each parent's own is already its root
        for n in range(len(parent)):
            parent[n] = parent[parent[n]]
        return parent[:]

    def _root(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def _own_span(self, x: int):
        """The days of mention ``x`` alone, if it names days (until it joins a cluster)."""
        f = self.feats[x]
        return None if f.begin is None or f.vague else (f.begin, f.end)

    def _union(self, a: int, b: int) -> None:
        a, b = self._root(a), self._root(b)
        if a == b:
            return
        span = self.span
        sa, sb = span.get(a) or self._own_span(a), span.get(b) or self._own_span(b)
        if sa is not None and sb is not None:
            first = min(sa[0], sb[0])
            last = max(sa[1], sb[1])
            if (last - first).days > SPAN_DAYS:
                return
            span[min(a, b)] = (first, last)
        self.parent[max(a, b)] = min(a, b)             # the earliest mention names the cluster


def link(feats: list) -> list:
    """The cluster of each mention, given the features of every mention of the batch in order
    (document order, then mention order): the position of the first mention of its cluster."""
    linker = Linker()
    linker.add(feats)
    return linker.clusters()


def assign(mentions: list, published: list) -> list:
    """``mentions[i]`` are the events of document i (published on ``published[i]``); returns
    the same events with ``cluster`` set."""
    feats = []
    for evs, pub in zip(mentions, published):
        feats += features(evs, pub)
    clusters = iter(link(feats))
    return [[_with_cluster(ev, next(clusters)) for ev in evs] for evs in mentions]


# every field of an Event but its cluster, in order (a copy made field by field is what
# dataclasses.replace does, without its checks)
_FIELDS = operator.attrgetter(*(f.name for f in dataclasses.fields(Event) if f.name != "cluster"))
if dataclasses.fields(Event)[-1].name != "cluster":
    raise ImportError("Event.cluster must be its last field")


def _with_cluster(ev, cluster: int):
    """``ev`` with ``cluster`` set."""
    return Event(*_FIELDS(ev), cluster) if type(ev) is Event else dataclasses.replace(ev, cluster=cluster)


def _set_cluster(ev, cluster: int) -> None:
    """``ev.cluster`` set in place, past the frozen dataclass's guard: only for mentions no one
    has seen yet (a copy of each, as :func:`assign` makes, costs more than linking them)."""
    object.__setattr__(ev, "cluster", cluster)


class Group:
    """Documents analyzed together (one ``analyze_many`` call): the first request for any of
    their events extracts and clusters the events of all of them."""

    def __init__(self, documents):
        self.documents = list(documents)
        self._lock = threading.Lock()
        self._done = False

    def fill(self, mentions: list | None = None, clusters: list | None = None) -> None:
        """Extract (unless ``mentions`` gives each document's) and cluster the events of every
        document, and put them in the documents' caches. ``clusters``: those of the mentions,
        every document's in order, when already linked (:class:`Linker`)."""
        from .extract import extract_mentions
        with self._lock:
            if self._done:
                return
            docs = self.documents
            with no_collection():
                if mentions is None:
                    mentions = [extract_mentions(d) for d in docs]
                if clusters is None:
                    clusters = link([f for evs, d in zip(mentions, docs) for f in features(evs, d.published)])
                clusters = iter(clusters)
                for d, evs in zip(docs, mentions):
                    # the mentions were just made and no one holds them yet: set in place
                    for ev in evs:
                        _set_cluster(ev, next(clusters))
                    d._cache["events"] = evs
                    untrack(evs)        # (as Document._get does with what it builds)
            # done: the documents no longer hold the group in a cycle with them (each keeps
            # it as _group), so that reference counting alone frees a corpus
            self.documents = []
            self._done = True

    def release(self) -> None:
        """Let the documents go with their events never clustered (no one will ask for them):
        neither holds the other any longer, so that reference counting alone frees them, not
        the cyclic collector some time later. A document asked for its events after this
        clusters its own alone."""
        with self._lock:
            for d in self.documents:
                if d._group is self:
                    d._group = None
            self.documents = []
