"""tintuc._core.U32Array, the uint32 arrays of a document (csrc/glue/u32array.c): a sequence
and a buffer of format "I" that the cyclic garbage collector does not track."""
import bisect
import gc
import pickle
import sys

import pytest
from hypothesis import given, strategies as st

import tintuc
from tintuc import _core
from tintuc._coredoc import CoreDoc

U32 = _core.U32Array
items = st.lists(st.integers(0, 2**32 - 1), max_size=60)


@given(items)
def test_reads_as_the_list_it_was_made_from(xs):
    a = U32(xs)
    assert len(a) == len(xs)
    assert list(a) == xs and a.tolist() == xs
    assert [a[k] for k in range(-len(xs), len(xs))] == xs + xs
    assert U32(a.tobytes()) == a


@given(items, st.integers(-70, 70) | st.none(), st.integers(-70, 70) | st.none(),
       st.integers(-5, 5).filter(bool) | st.none())
def test_slices_as_a_list_does(xs, start, stop, step):
    a = U32(xs)[start:stop:step]
    assert type(a) is U32 and a.tolist() == xs[start:stop:step]


def test_bounds_and_bad_keys():
    a = U32([3, 1, 4])
    for k in (3, -4, 2**70, -(2**70)):
        with pytest.raises(IndexError):
            a[k]
    with pytest.raises(TypeError):
        a["1"]
    assert a[True] == 1 and a[-1] == 4 and a[-3] == 3     # any index, not only an int
    with pytest.raises(TypeError):
        a[1] = 2
    assert U32()[:].tolist() == [] and len(U32(b"")) == 0


def test_made_only_from_whole_uint32():
    with pytest.raises(ValueError):
        U32(b"123")
    for bad in ([-1], [2**32], [1.0]):
        with pytest.raises((OverflowError, TypeError)):
            U32(bad)
    with pytest.raises(TypeError):
        U32(5)
    assert U32(b"\x01\x00\x00\x00\xff\xff\xff\xff").tolist() == [1, 2**32 - 1]   # native order, little-endian here


@given(items)
def test_buffer_of_format_I(xs):
    a = U32(xs)
    m = memoryview(a)
    assert m.format == "I" and m.itemsize == 4 and m.ndim == 1 and m.shape == (len(xs),)
    assert m.readonly and m.c_contiguous and m.tolist() == xs and bytes(m) == a.tobytes()
    assert m.cast("B").nbytes == 4 * len(xs)
    m.release()


def test_buffer_is_read_only():
    a = U32([1, 2])
    with pytest.raises((TypeError, BufferError)):
        memoryview(a)[0] = 5
    import ctypes
    with pytest.raises(TypeError):
        (ctypes.c_uint32 * 2).from_buffer(a)
    assert a.tolist() == [1, 2]


@given(st.lists(st.integers(0, 1000), max_size=40).map(sorted), st.integers(-5, 1005))
def test_bisect_as_over_a_list(xs, x):
    a = U32(xs)
    assert bisect.bisect_left(a, x) == bisect.bisect_left(xs, x)
    assert bisect.bisect_right(a, x) == bisect.bisect_right(xs, x)


@given(items, items)
def test_equality(xs, ys):
    assert (U32(xs) == U32(ys)) == (xs == ys)
    assert (U32(xs) != U32(ys)) == (xs != ys)
    assert U32(xs) != xs          # an array equals arrays only


@given(items)
def test_pickles_round_trip(xs):
    a = U32(xs)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        b = pickle.loads(pickle.dumps(a, protocol=proto))
        assert type(b) is U32 and b == a
    # protocol 5 with a buffer callback: the items leave the stream as one buffer, as they lie
    bufs = []
    data = pickle.dumps(a, protocol=5, buffer_callback=bufs.append)
    assert len(bufs) == 1 and bufs[0].raw().tobytes() == a.tobytes()
    assert len(data) < 64
    b = pickle.loads(data, buffers=[bytearray(bufs[0].raw())])
    assert type(b) is U32 and b == a


def test_repr():
    assert repr(U32([1, 2, 3])) == "U32Array([1, 2, 3])"
    assert repr(U32(range(40))) == "U32Array([" + ", ".join(map(str, range(16))) + ", ...], len=40)"


def test_not_tracked_and_not_a_base():
    assert not gc.is_tracked(U32([1]))
    with pytest.raises(TypeError):
        type("Sub", (U32,), {})


def test_no_leak_over_many_creations():
    xs = list(range(100))
    data = U32(xs).tobytes()
    for _ in range(1000):       # warm the caches
        U32(xs)[10:50].tolist()
    gc.collect()
    before = sys.getallocatedblocks()
    for _ in range(20000):
        a = U32(xs)
        b = pickle.loads(pickle.dumps(a))
        memoryview(b)[3]
        list(a[::3])
        repr(a)
        U32(data)
        with pytest.raises(IndexError):
            a[100]
    del a, b
    gc.collect()
    assert sys.getallocatedblocks() - before < 200


def test_refcounts_stay_put():
    a = U32([5, 6, 7])
    n, t = sys.getrefcount(a), sys.getrefcount(U32)
    for _ in range(1000):
        m = memoryview(a)
        m.release()
        a[1:]
    assert sys.getrefcount(a) == n and sys.getrefcount(U32) == t


def test_a_document_holds_arrays_the_collector_does_not_walk():
    doc = tintuc.analyze("Ông Nguyễn Văn A đến Hà Nội hôm qua. Trời mưa to.")
    core = doc._core
    arrays = [core.nstart, core.nend, core.ostart, core.oend, core.sent_first, core.word_first, core.cue_roles]
    assert all(type(a) is U32 and not gc.is_tracked(a) for a in arrays)
    assert len(core.nstart) == len(core) and core.sent_first.tolist() == [0, 10]
    assert _core.cue_records(b"", core.nstart, core.nend, core.norm) == b""
    k = bisect.bisect_left(core.ostart, 21)
    assert doc.text[core.ostart[k]:core.oend[k]] == "Hà"


def test_align_is_an_array_when_the_text_changes():
    text = "Hoa\u0300 bi\u0300nh"                  # combining grave accents, composed by the core
    [raw] = _core.analyze_batch([text])
    core = CoreDoc(text, raw)
    assert core.norm == "Hòa bình"
    assert type(core.align) is U32 and core.align.tolist() == [0, 1, 2, 4, 5, 6, 8, 9, 10]
    assert core.to_original(len(core.norm)) == len(text) and bisect.bisect_left(core.align, 4) == 3
    # spans in the original differ from those in norm, so each has its own arrays
    assert core.ostart is not core.nstart and core.ostart.tolist() == [0, 5]
    assert core.oend.tolist() == [4, 10] and core.nend.tolist() == [3, 8]


def test_an_unchanged_text_shares_its_span_arrays():
    text = "Hòa bình"
    core = CoreDoc(text, _core.analyze_batch([text])[0])
    assert core.norm is text and core.align is None
    assert core.ostart is core.nstart and core.oend is core.nend and core.nend.tolist() == [3, 8]
    # shared once pickled too
    again = pickle.loads(pickle.dumps(core))
    assert again.ostart is again.nstart and again.oend.tolist() == [3, 8]


def test_a_document_pickles_with_its_arrays():
    doc = tintuc.analyze("Ông Nguyễn Văn A đến Hà Nội hôm qua.")
    core = pickle.loads(pickle.dumps(doc._core))
    for name in ("nstart", "nend", "ostart", "oend", "sent_first", "word_first", "cue_roles"):
        assert type(getattr(core, name)) is U32 and getattr(core, name) == getattr(doc._core, name)
    assert core.tokens() == doc._core.tokens() and core.words() == doc._core.words()
    assert pickle.loads(pickle.dumps(doc)).entities == doc.entities
