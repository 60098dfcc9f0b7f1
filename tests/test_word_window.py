"""The word windows of the event rules (tintuc.events.words, read by csrc/core/word_window.c)
against a plain regular-expression version of them."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from tintuc import _core
from tintuc.events.words import words_after, words_before

WIDTH = 16
_STOP = re.compile(r"[^\w\s./-]|\n|(?<!\d)[./]|[./](?!\d)")


def reference_before(text: str, pos: int, k: int, width: int = WIDTH) -> list[str]:
    lo = max(0, pos - width * k)
    seg = text[lo:pos]
    if not seg or not seg[-1].isspace():
        return []
    m = _STOP.search(seg[::-1])
    if m is not None:
        parts = seg[len(seg) - m.start():].split()
    else:
        parts = seg.split()
        if lo > 0 and not seg[0].isspace():
            parts = parts[1:]
    return parts[-k:]


def reference_after(text: str, pos: int, k: int, width: int = WIDTH) -> list[str]:
    hi = pos + width * k
    seg = text[pos:hi]
    if not seg or not seg[0].isspace():
        return []
    m = _STOP.search(seg)
    if m is not None:
        parts = seg[:m.start()].split()
    else:
        parts = seg.split()
        if hi < len(text) and not seg[-1].isspace():
            parts = parts[:-1]
    return parts[:k]


SENTENCES = [
    "hôm nay, bộ trưởng ngoại giao nga sergei lavrov đã có cuộc điện đàm với người đồng cấp mỹ về vấn đề",
    'lệnh "cấm vận" với "vùng xám" (khu vực tranh chấp) khiến khoảng 30.000 người thiệt mạng',
    "15/19 thủy thủ bị bắt cóc ở vịnh guinea.\nngày 20/10 hai bên ký kết thỏa thuận ngừng-bắn",
    "tp. hcm, 3.5 ... x/y 1/ /2 a.b 1.2.3 — nga–ukraine _x_ \u00a0 thăm\u2028chính thức",
    "   ",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_every_position_and_size(text):
    for pos in range(len(text) + 3):
        for k in range(0, 10):
            assert words_before(text, pos, k) == reference_before(text, pos, k), (pos, k)
            assert words_after(text, pos, k) == reference_after(text, pos, k), (pos, k)


def test_examples():
    text = "ông nói: \"vùng xám của nga, và"
    assert words_before(text, text.index("xám") - 1 + 1, 3) == ["vùng"]
    assert words_after(text, text.index(" của"), 3) == ["của", "nga"]
    assert words_after(" 30.000 người", 0, 2) == ["30.000", "người"]


def test_narrow_windows_cut_words():
    text = "x" * 40 + " chữ một hai"
    for width in range(0, 8):
        for pos in range(len(text) + 1):
            for k in range(4):
                assert _core.words_before(text, pos, k, width) == reference_before(text, pos, k, width)
                assert _core.words_after(text, pos, k, width) == reference_after(text, pos, k, width)


def test_long_windows_leave_the_stack():
    text = " ".join(["từ"] * 400) + " "
    pos = len(text)
    assert words_before(text, pos, 300) == reference_before(text, pos, 300) == ["từ"] * 300
    assert words_after(" " + text, 0, 300) == reference_after(" " + text, 0, 300)


def test_bad_arguments():
    with pytest.raises(ValueError):
        _core.words_before("a b", -1, 2, 16)
    with pytest.raises(ValueError):
        _core.words_after("a b", 0, -2, 16)
    with pytest.raises(TypeError):
        _core.words_after(b"a b", 0, 2, 16)
    with pytest.raises(TypeError):
        _core.words_before("a b", 0, 2)
    # sizes that would overflow a product: the window is the whole text
    assert _core.words_before("a b ", 10**18, 10**15, 10**6) == ["a", "b"]
    assert _core.words_before("a b ", 4, 10**15, 10**6) == reference_before("a b ", 4, 10**15, 10**6)
    assert _core.words_after(" a b", 0, 10**15, 10**6) == reference_after(" a b", 0, 10**15, 10**6) == ["a", "b"]
    assert _core.words_after(" a b", 10**18, 10**15, 10**6) == []


_CHARS = st.sampled_from(list(" \n\t\u00a0.,/-_\"“()0123456789aăâđêôơưxyz") + ["ệ", "Ố", "٣", "²", "\u2028", "\u3000", "😀"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_CHARS, max_size=60).map("".join), st.integers(0, 64), st.integers(0, 12), st.integers(0, 20))
def test_matches_the_expression(text, pos, k, width):
    assert _core.words_before(text, pos, k, width) == reference_before(text, pos, k, width)
    assert _core.words_after(text, pos, k, width) == reference_after(text, pos, k, width)


@pytest.mark.parametrize("block", range(0, 0x3100, 0x100))
def test_every_character_class(block):
    # each character between letters, digits and spaces, where its classes decide the window
    for c in range(block, block + 0x100):
        ch = chr(c)
        text = f" a{ch}b 1{ch}2 {ch} x{ch} "
        for pos in range(len(text) + 1):
            assert words_before(text, pos, 3) == reference_before(text, pos, 3), (hex(c), pos)
            assert words_after(text, pos, 3) == reference_after(text, pos, 3), (hex(c), pos)
