"""Records taken apart and made again from C (_core.unmake / _core.remake, csrc/glue/record.c),
as tintuc._forked pickles what a worker process found; and a CoreDoc made when first read."""
import pickle
from dataclasses import dataclass, FrozenInstanceError

import pytest

import tintuc
from tintuc import _core, _forked
from tintuc._coredoc import CoreDoc
from tintuc.document import run_core
from tintuc.gazetteer import Entity


@dataclass(frozen=True, slots=True)
class Rec:
    a: object
    b: object = None


class Plain:
    pass


class Base:
    __slots__ = ("x",)


class Derived(Base):              # slots of its own: none
    __slots__ = ()


def test_remake_sets_the_slots_in_order():
    r = _core.remake(Rec, ("x", (1, 2)))
    assert type(r) is Rec and r == Rec("x", (1, 2))
    with pytest.raises(FrozenInstanceError):
        r.a = "y"                 # still frozen


def test_unmake_gives_what_remake_takes():
    e = Entity("Hà Nội", 3, 9, "LOC", "vn-hn", "Hà Nội", flags=("city",))
    fn, args = _core.unmake(e)
    assert fn is _core.remake and args == (Entity, tuple(getattr(e, k) for k in Entity.__slots__))
    again = fn(*args)
    assert again == e and again is not e


def test_bad_classes_and_values_are_type_errors():
    with pytest.raises(TypeError, match="no __slots__"):
        _core.remake(Plain, ())
    with pytest.raises(TypeError, match="no __slots__"):
        _core.unmake(Plain())
    with pytest.raises(TypeError, match="2 slots"):
        _core.remake(Rec, ("only one",))
    with pytest.raises(TypeError, match="a class and a tuple"):
        _core.remake(Rec, ["x", None])
    with pytest.raises(TypeError, match="a class and a tuple"):
        _core.remake(Rec("x"), ("x", None))
    # an empty __slots__ of its own: nothing to set, and the inherited slot is left unset
    d = _core.remake(Derived, ())
    assert type(d) is Derived and not hasattr(d, "x")
    with pytest.raises(AttributeError):
        _core.unmake(Base())          # a slot never set


def test_records_round_trip_through_a_workers_frame(dantri):
    texts = [r["text"] for r in dantri[:8]]
    dates = [r["date"] for r in dantri[:8]]
    table = _forked._dispatch_table()
    corpus = tintuc.analyze_many(texts, published=dates)
    for found in _forked.rules(list(corpus)):
        data = b"".join(_forked._frame(found, table)) + b"next"
        back, end = _forked._unframe(memoryview(data), 0, len(data))
        assert data[end:] == b"next"
        assert _forked._unframe(memoryview(data), 0, end - 1) is None     # not all in yet
        ents, times, attrs, events = back
        assert [e.to_dict() for e in ents] == [e.to_dict() for e in found[0]]
        assert [t.to_dict() for t in times] == [t.to_dict() for t in found[1]]
        assert [a.to_dict() for a in attrs] == [a.to_dict() for a in found[2]]
        assert [e.to_dict() for e in events] == [e.to_dict() for e in found[3]]
        # an event's actors are entity objects of the same pickle, as they were
        ids = {id(e) for e in ents}
        assert all(id(x) in ids for ev in events for x in ev.actors + ev.recipients)


@pytest.mark.parametrize("text", ["Thủ tướng Phạm Minh Chính tới Hà Nội hôm qua.", "ÔNG ΣΑΣ İZMİR Đà Nẵng", ""])
def test_a_coredoc_made_later_is_made_when_first_read(text):
    core = run_core([text])[0]
    calls = []

    def make():
        calls.append(1)
        return run_core([text])[0]

    lazy = CoreDoc.later(text, make)
    assert lazy.text is text and calls == []
    assert lazy.tokens() == core.tokens() and calls == [1]     # the first read makes it all
    for k in ("text",) + CoreDoc._STATE:
        assert getattr(lazy, k) == getattr(core, k), k
    assert lazy.low == core.low and lazy.matches() == core.matches() and calls == [1]
    if core.norm is text:
        assert lazy.norm is text
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        lazy.nothing
    with pytest.raises(AttributeError):
        core._pending                               # never pending: the slot is not set
    # pickled, a pending one is made first (what it holds is a function of its batch)
    other = CoreDoc.later(text, make)
    again = pickle.loads(pickle.dumps(other))
    assert calls == [1, 1] and again.tokens() == core.tokens()


def test_no_leak_over_many_records_and_errors():
    import gc
    import sys
    e = Entity("Hà Nội", 3, 9, "LOC", "vn-hn", "Hà Nội", flags=("city",))
    for _ in range(1000):           # warm the caches
        _core.remake(*_core.unmake(e)[1])
    gc.collect()
    before = sys.getallocatedblocks()
    descr = Entity.__dict__["text"]
    refs = sys.getrefcount(descr)
    for _ in range(20000):
        fn, args = _core.unmake(e)
        fn(*args)
        for bad in ((Rec, ("one",)), (Plain, ())):
            try:
                _core.remake(*bad)
            except TypeError:
                pass
        try:
            _core.unmake(Base())
        except AttributeError:
            pass
    gc.collect()
    assert sys.getallocatedblocks() - before < 200
    assert sys.getrefcount(descr) == refs        # the slot descriptors held only while in use
