"""The C scan for number words of tintuc.quantity (_core.qty_word_hits) against the regular
expressions it stands for (quantity._WORD_SCANS, read by quantity._py_word_hits): the same
starts in the same order, on sentences written for it and on generated text."""
import pytest
from hypothesis import given, settings, strategies as st

from tintuc import quantity
from tintuc._core import qty_follow, qty_word_hits


def hits(text):
    return qty_word_hits(text, quantity._FOLLOW_WORDS)


SENTENCES = [
    "khiến một người chết, mười lăm người bị thương và hai con mèo; ba trăm hộ, Ba người.",
    "Hàng nghìn người, vài chục hộ, mấy trăm tấn, dăm ngày, nửa triệu USD, chục người.",
    "năm người, Năm 2020, bốn chiếc, bảy tỷ, bẩy km, sáu ha, tám người, chín tháng, chín.",
    "Ba Lan, ba-lô, ba  người, ba\nngười, ba\xa0người, Hai Bà Trưng, hai 5, hai_x, hai\tcon.",
    "một số, mộtngười, xmột người, Một người, MỘT người, chìn người, Chín người, CHín người.",
    "ba US$, ba US$x, ba km/h, ba km/hx, ba héc-ta, ba ki-lô-mét, ba héc, một ngàn, ba nghìn",
    "năm ngoái, dăm bữa, nửa đêm, hàng người, vài người, mấy người, ba người_, ba ngườii",
]


def test_sentences():
    for s in SENTENCES:
        assert hits(s) == quantity._py_word_hits(s), s


def test_corner_cases():
    for s in ["", "ba", "ba ", "ba người", "hai", "hai a", "ai b", "Hai", "một", " một người", "ư" * 40]:
        assert hits(s) == quantity._py_word_hits(s), s


FOLLOW = sorted({*quantity._WORD_NEXT.split("|"), *quantity._LEX_FOLLOW})
PIECES = ["một", "Một", "mười", "mấy", "hàng", "Hàng", "bốn", "bảy", "bẩy", "năm", "Năm", "dăm", "nửa", "sáu",
          "tám", "chín", "Chín", "chục", "vài", "hai", "Hai", "ba", "Ba", "ai", "ột", "ăm", "m", "ch", "x", "_",
          "1", "US$", "km/h", "héc-ta", "-", "/", ",", ".", " ", " ", " ", "  ", "\xa0", "\n", "\t", "\u2009",
          "İ", "²", "é"] + FOLLOW[::7]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_generated_pieces(pieces):
    text = "".join(pieces)
    assert hits(text) == quantity._py_word_hits(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("mộtưiăanhbBHchíụcvàg ngườ\xa0\n_1x$/-"), max_size=60))
def test_generated_characters(text):
    assert hits(text) == quantity._py_word_hits(text)


def test_follow_set_of_its_own():
    follow = qty_follow(["người", "a-b", "", "x"])
    assert qty_word_hits("ba người, ba a-b, ba a-bc, ba x, ba y, hai y", follow) == [39, 0, 10, 27]   # "hai" first, then "ba"


def test_arguments():
    with pytest.raises(TypeError):
        qty_word_hits("ba người".encode(), quantity._FOLLOW_WORDS)
    with pytest.raises(TypeError):
        qty_word_hits("ba người", object())
    with pytest.raises(TypeError):
        qty_follow(["a", 1])
