"""_core.pack_texts and unpack_text: a batch's texts as their code units in memory a forked
worker maps (tintuc._forked), made again there exactly, or refused with an error."""
import mmap
import struct

import pytest
from hypothesis import given, strategies as st

from tintuc import _core

HEAD = struct.Struct("=QQ")     # a packed text's head: its code units and their size


def unpacked(data, ends):
    return [_core.unpack_text(data, ends[i - 1] if i else 0, ends[i]) for i in range(len(ends))]


def packed(texts):
    buf = bytearray(_core.packed_size(texts))
    return buf, _core.pack_texts(texts, buf)


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=()), max_size=40), max_size=12))
def test_every_str_comes_back_the_same(texts):
    buf, ends = packed(texts)
    assert len(ends) == len(texts) and (not ends or ends[-1] == len(buf))
    assert unpacked(buf, ends) == texts


def test_each_kind_keeps_its_kind_and_lone_surrogates_pass():
    texts = ["", "ascii", "café", "Hòa Bình", "nụ cười 😀", "a\ud800b", "\x00", "\udfff"]
    buf, ends = packed(texts)
    back = unpacked(buf, ends)
    assert back == texts
    # the same str as the original: equal hashes and lengths, each in the narrowest kind
    assert [hash(t) for t in back] == [hash(t) for t in texts]
    # every text's units start aligned for their size
    assert all(e % 8 == 0 for e in ends)


def test_packed_into_shared_memory():
    texts = ["Hà Nội", "x" * 1000, "😀"]
    m = mmap.mmap(-1, _core.packed_size(texts))
    ends = _core.pack_texts(texts, m)
    assert unpacked(m, ends) == texts


def test_bad_arguments_are_refused():
    with pytest.raises(TypeError, match="item 1 must be str, not int"):
        _core.packed_size(["a", 1])
    with pytest.raises(TypeError, match="item 0 must be str, not NoneType"):
        _core.pack_texts([None], bytearray(64))
    with pytest.raises(ValueError, match="hold 24 bytes"):
        _core.pack_texts(["abcdefgh"], bytearray(23))
    with pytest.raises(BufferError):
        _core.pack_texts(["a"], b"read-only bytes here....")
    with pytest.raises(ValueError, match="aligned"):
        _core.pack_texts(["a"], memoryview(bytearray(64))[1:])


def test_damaged_data_gives_an_error_not_a_broken_str():
    buf, ends = packed(["Hòa", "abc"])
    for start, end in [(-8, 16), (0, len(buf) + 8), (0, 8), (16, 0), (4, ends[0] + 4)]:
        with pytest.raises(ValueError, match="no packed text"):
            _core.unpack_text(buf, start, end)
    bad = bytearray(buf)
    HEAD.pack_into(bad, 0, 3, 3)                # no such unit size
    with pytest.raises(ValueError, match="damaged"):
        _core.unpack_text(bad, 0, ends[0])
    HEAD.pack_into(bad, 0, 1 << 62, 2)          # more units than the data holds
    with pytest.raises(ValueError, match="damaged"):
        _core.unpack_text(bad, 0, ends[0])
    # four-byte units beyond Unicode's last code point
    four = bytearray(HEAD.pack(1, 4) + struct.pack("=I", 0x110000) + bytes(4))
    with pytest.raises(ValueError, match="damaged"):
        _core.unpack_text(four, 0, len(four))
    # two-byte units all below 256 give the narrow str, as CPython makes any
    two = bytearray(HEAD.pack(2, 2) + "ab".encode("utf-16-le" if struct.pack("=H", 1)[0] else "utf-16-be") + bytes(4))
    back = _core.unpack_text(two, 0, len(two))
    assert back == "ab" and hash(back) == hash("ab")
