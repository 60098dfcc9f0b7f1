"""The C scans of tintuc.quantity: for number words (_core.qty_word_hits) against the regular
expressions it stands for (quantity._WORD_SCANS, read by quantity._py_word_hits): the same
starts in the same order, on sentences written for it and on generated text; and for numbers
in digits (_core.qty_digit_starts) against the start of quantity._DIGITS_QTY_RE."""
import pytest
from hypothesis import given, settings, strategies as st

from tintuc import quantity
from tintuc._core import qty_digit_starts, qty_follow, qty_word_hits


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


# Where numbers in digits begin: _core.qty_digit_starts against quantity._DIGIT_START_RE, and
# the matches read from there against _DIGITS_QTY_RE.finditer.

DIGIT_TEXTS = [
    "khiến khoảng 30.000 người thiệt mạng, 2,5 triệu USD, 15/19 thủy thủ, 10-20 người, 3,5%.",
    "ngày 5, Ngày\xa06, hôm 7, tháng 8, năm 2020, lúc 9h, quý 3, thứ 2, số 4, sáng 5, chiều 6, tối 7.",
    "xngày 5, ngày  5, a-5, 5-5, 1.5.5, 2,3,4, /5, :6, _7, x8, ²9, ١2, 3.000.000,5 đồng, 20:00.",
    "Nghị định 15/2020/NĐ-CP, 1,000,000 USD, 24h qua, 5tr, 50k, 5G, 100 km²",
]


def digit_spans(text):
    return [m.span() for m in quantity._DIGITS_QTY_RE.finditer(text)]


def test_digit_starts_sentences():
    for s in DIGIT_TEXTS + SENTENCES:
        assert qty_digit_starts(s) == quantity._py_digit_starts(s), s
        assert [m.span() for m in quantity._digit_matches(s)] == digit_spans(s), s


DIGIT_PIECES = ["ngày", "Ngày", "hôm", "tháng", "năm", "lúc", "quý", "thứ", "số", "Số", "sáng", "chiều", "tối",
                "người", "triệu", "%", "0", "1", "2", "30", "000", ".", ",", "/", ":", "-", "–", "đến", " ", " ",
                "\xa0", "\n", "x", "_", "²", "١", "h", "k"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DIGIT_PIECES), max_size=40))
def test_digit_starts_generated(pieces):
    text = "".join(pieces)
    assert qty_digit_starts(text) == quantity._py_digit_starts(text)
    assert [m.span() for m in quantity._digit_matches(text)] == digit_spans(text)


def test_digit_starts_arguments():
    with pytest.raises(TypeError):
        qty_digit_starts("5 người".encode())
