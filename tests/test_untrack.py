"""Records out of the cyclic collector's sight (_core.untrack_records, csrc/glue/untrack.c), and
a corpus that reference counting alone frees once its events are read."""
import gc
import weakref
from dataclasses import dataclass

import pytest

import tintuc
from tintuc import _core


@dataclass(frozen=True, slots=True)
class Rec:
    a: object
    b: object = None


class Loose:                      # an instance with a __dict__: never taken out
    def __init__(self, v):
        self.v = v


def test_records_of_atoms_are_untracked():
    items = [Rec("x", 1), Rec((1, "a"), Rec("inner")), Rec(None, 2.5)]
    assert all(gc.is_tracked(r) for r in items)
    assert _core.untrack_records(items, (Rec,)) == 3
    assert not any(gc.is_tracked(r) for r in items)
    assert not gc.is_tracked(items[1].b)          # the nested record too
    assert gc.is_tracked(items)                  # the list itself stays


def test_what_may_hold_a_cycle_stays_tracked():
    items = [Rec([1]), Rec(({},)), Rec(Loose(1)), Loose(2), Rec(Rec([2])), (1, [3])]
    assert _core.untrack_records(items, (Rec,)) == 0
    assert all(gc.is_tracked(r) for r in items)


class Box(list):                  # a list that takes weak references
    pass


def test_a_cycle_through_a_record_is_still_collected():
    box = Box()
    rec = Rec(box)
    box.append(rec)
    assert _core.untrack_records([rec], (Rec,)) == 0     # it refers to a list: kept in sight
    ref = weakref.ref(box)
    del box, rec
    gc.collect()
    assert ref() is None


def test_untracked_records_read_as_before():
    items = [Rec("x" * 10, (1, 2)) for _ in range(1000)]
    _core.untrack_records(items, (Rec,))
    assert items[5] == Rec("x" * 10, (1, 2)) and hash(items[5]) == hash(Rec("x" * 10, (1, 2)))
    assert items[7].b == (1, 2) and items[7].a == "x" * 10


def test_bad_argument():
    with pytest.raises(TypeError, match="list"):
        _core.untrack_records((Rec(1),), (Rec,))
    with pytest.raises(TypeError, match="tuple"):
        _core.untrack_records([Rec(1)], [Rec])
    with pytest.raises(TypeError, match="slots"):
        _core.untrack_records([Loose(1)], (Loose,))
    with pytest.raises(TypeError):
        _core.untrack_records([Rec(1)])
    assert _core.untrack_records([], (Rec,)) == 0
    assert _core.untrack_records([1, "a", None], (Rec,)) == 0


@dataclass(frozen=True, slots=True)
class Other:
    a: object


def test_only_the_given_types_are_taken_out():
    items = [Other(1), Rec(Other(2)), Rec(3)]
    assert _core.untrack_records(items, (Rec,)) == 1
    assert [gc.is_tracked(x) for x in items] == [True, True, False]


TEXT = ("Ngày 28/12, Thủ tướng Phạm Minh Chính điện đàm với Tổng thống Mỹ. "
        "Hai bên nhất trí tăng cường hợp tác kinh tế tại Hà Nội.")


def test_document_results_are_untracked():
    doc = tintuc.analyze(TEXT, published="2021-01-03")
    for name in ("times", "entities", "sentences", "attributions"):
        found = getattr(doc, name)
        assert not any(gc.is_tracked(x) for x in found), name
    assert doc.times and doc.entities and doc.sentences
    assert doc.events and not any(gc.is_tracked(e) for e in doc.events)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_corpus_is_freed_without_the_collector_once_its_events_are_read(jobs):
    texts = [TEXT.replace("28/12", f"{1 + k % 28}/12") for k in range(80)]
    corpus = tintuc.analyze_many(texts, published="2021-01-03", n_jobs=jobs)
    assert sum(len(d.events) for d in corpus) > 0
    ref = weakref.ref(corpus[3])
    enabled = gc.isenabled()
    gc.disable()
    try:
        del corpus
        assert ref() is None            # no cycle held it: reference counting freed it
    finally:
        if enabled:
            gc.enable()
