"""The C scan of tintuc.timex (_core.timex_hits) against the two regular expressions it
stands for (timex._DIGIT_RE and timex._KEYWORD_RE): same positions, same families, in the
same order, on sentences written for it and on generated text."""
from hypothesis import given, settings, strategies as st

from tintuc import timex
from tintuc._core import timex_hits


def reference(text):
    out = [(h.start(), 0) for h in timex._DIGIT_RE.finditer(text)]
    for h in timex._KEYWORD_RE.finditer(text):
        head, _ = timex._KEYWORD_FAMILY[h.lastgroup]
        out.append((h.start() - head, 1 + int(h.lastgroup[1:])))
    return out


SENTENCES = [
    "Ngày 23/10 tới, hai bên sẽ gặp nhau lúc 20h30 tối thứ Hai tuần sau.",
    "Sáng nay (1/10), từ 8 giờ đến 12 giờ; chiều qua 14h; tối hôm qua; đêm nay.",
    "Tháng 3/2020, tháng trước, tháng 2 - 5/1994, năm 2019, năm ngoái, năm sắp tới.",
    "Thập niên 90, thập kỷ 1980s, quý 3/2020, quý này, thế kỷ XX, thế kỉ 21.",
    "Tuần lễ qua, tuần này, tuần lễ về trước, thứ 7, Thứ Ba, Chủ nhật, chủ nhật.",
    "Hôm nay, hôm ngày, ngày mai, ngày kia, ngày về trước, cùng ngày, cách đây 3 năm.",
    "Sáng cùng ngày, chiều hôm đó, trưa mai, đêm qua; Nghị định 15/2020/NĐ-CP, vòng 1/8.",
    "3/5 thành viên, 10.2, ngày 10.2, ngày 21, hôm 27, 16.4.2021, 2020-10-21, 11-12/10.",
    "a-1/2, x1/2, 1,5/2, _3/4, ngày\xa05 tháng 6, hôm\xa07, 24h qua, 20g15, 20:00.",
    "nhà tháng 5, Ctháng 5, cHôm nay, 1 giờ, 2 – 3, 4—5, 6 đến 7, 8 tới 9, 10 và 11, 12 tháng",
    "tháng\n5, năm \n2020, hôm\tnay, ngày  mai, thứ\u2009hai, chủ\u3000nhật, 5\u2003giờ.",
    "thánga 5, năm2020, thứ hai, thứ haiz, thứ 8, thứ 23, quý IV, quý V, thế kỷ IXX",
    "đêmnay, Đêm nay, tốii qua, chiều tối, trưa nay, sáng hôm sau, cáchđây, cách đây",
    "١٢/١٠, ²/3, 3/²,Ⅻ/4, ٣ giờ, ǅthứ hai, ⅻthứ hai",
]


def test_sentences():
    for s in SENTENCES:
        assert timex_hits(s) == reference(s), s


def test_corner_cases():
    for s in ["", "1", "tháng", "tháng ", "ôm 1", "gày 1", " 5g", "5", "ầ" * 50, "Tháng 1"]:
        assert timex_hits(s) == reference(s), s


PIECES = ["tháng", "Tháng", "năm", "Năm", "thập", "niên", "kỷ", "kỉ", "quý", "thế", "tuần", "lễ", "thứ", "chủ",
          "nhật", "Nhật", "hôm", "Hôm", "ngày", "Ngày", "gày", "ôm", "cùng", "cách", "đây", "sáng", "chiều", "tối",
          "đêm", "Đêm", "trưa", "nay", "qua", "mai", "kia", "sau", "đó", "trước", "tới", "vừa", "sắp", "này", "rồi",
          "về", "ngoái", "hai", "Hai", "ba", "tư", "sáu", "bảy", "bẩy", "giờ", "đến", "và", "IV", "X",
          "1", "2", "7", "9", "12", "2020", "30", "/", ".", ",", ":", "-", "–", "—", "h", "g", "_", "a", "ầ",
          " ", " ", " ", "  ", "\xa0", "\n", "\t", "\u2009", "(", ")", "١", "²", "Ⅻ", "ǅ", "é"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_generated_pieces(pieces):
    text = "".join(pieces)
    assert timex_hits(text) == reference(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789/.:-–— \xa0\nhgtTháǹgnNămôyàkỷ_aÁ١²\u2009"), max_size=60))
def test_generated_characters(text):
    assert timex_hits(text) == reference(text)


def test_rejects_non_str():
    import pytest
    with pytest.raises(TypeError):
        timex_hits(b"ngay 1/2")


# The words before a position: _core.timex_words_before against timex._py_four_words_before.

WORDS_TEXTS = SENTENCES + [
    "vào sáng ngày 5, (ngày 6) và [hôm]  7; x_y 8 İstanbul 9 ΣΑΣ 10 ǅemal 11",
    "rất rất rất rất rất rất rất rất dài dài dài dài dài dài dài dài dài dài 12",
    "dòng một\ndòng hai 13\r\nba bốn\u2028năm sáu 14\x1cbảy 15",
]


def test_words_before_sentences():
    for text in WORDS_TEXTS:
        for s in range(len(text) + 3):
            assert timex.timex_words_before(text, s) == timex._py_four_words_before(text, s), (text, s)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["(", "[", "İ", "Σ", "ǅ", "x_y", "\r", "\u2028", "a.b", "9,5"]),
                max_size=30), st.integers(min_value=0, max_value=200))
def test_words_before_generated(pieces, s):
    text = "".join(pieces)
    assert timex.timex_words_before(text, s) == timex._py_four_words_before(text, s)


def test_words_before_arguments():
    import pytest
    with pytest.raises(ValueError):
        timex.timex_words_before("a b ", -1)
    with pytest.raises(TypeError):
        timex.timex_words_before(b"a b ", 2)


# Tense markers: _core.timex_tense against timex._FUTURE_PAST.

def tense_reference(text, lo, hi):
    return [(m.start(), m.end(), bool(m.group("f"))) for m in timex._FUTURE_PAST.finditer(text, lo, hi)]


TENSE_TEXTS = [
    "Ông sẽ đến; bà đã đi, họ vừa về và từng ở đây. Hồi đó, dự kiến tháng sau.",
    "SẼ, Sắp, DỰ KIẾN, Dự định, chuẩn Bị, lên KẾ hoạch, ĐÃ, Vừa, TỪNG, hỒi",
    "xsẽ sẽx _đã đã_ 1vừa vừa1 ſẽ ſắp dự \u212aiến dự kİến dự kıến sẽ\u0301 đã",
    "lên kế hoạchx lên kế hoạch sẽsẽ đãđã ,sẽ, (đã) sắp tới",
]


def test_tense_sentences():
    for text in TENSE_TEXTS:
        for lo in range(len(text) + 1):
            for hi in (lo, lo + 3, lo + 17, len(text), len(text) + 5):
                assert timex.timex_tense(text, lo, hi) == tense_reference(text, lo, hi), (text, lo, hi)


TENSE_PIECES = ["sẽ", "SẼ", "sắp", "dự", "kiến", "định", "chuẩn", "bị", "lên", "kế", "hoạch", "đã", "Đã", "vừa",
                "từng", "hồi", "HỒI", "ſ", "\u212a", "İ", "ı", "x", "_", "1", " ", " ", "\xa0", ".", ",", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TENSE_PIECES), max_size=30), st.integers(0, 80), st.integers(0, 120))
def test_tense_generated(pieces, lo, hi):
    text = "".join(pieces)
    assert timex.timex_tense(text, lo, hi) == tense_reference(text, lo, hi)


# The nearest tense marker to a span in its sentence: _core.timex_tense_near against
# timex._py_tense_near.

def test_tense_near_sentences():
    for text in TENSE_TEXTS + SENTENCES:
        for s in range(len(text) + 1):
            for e in (s, s + 1, s + 6, len(text)):
                if e <= len(text):
                    assert timex.timex_tense_near(text, s, e) == timex._py_tense_near(text, s, e), (text, s, e)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TENSE_PIECES + ["!", "?", "ngày 5", "a" * 120]), max_size=30),
       st.integers(0, 400), st.integers(0, 40))
def test_tense_near_generated(pieces, s, width):
    text = "".join(pieces)
    s = min(s, len(text))
    e = min(len(text), s + width)
    assert timex.timex_tense_near(text, s, e) == timex._py_tense_near(text, s, e)


def test_tense_near_arguments():
    import pytest
    with pytest.raises(ValueError):
        timex.timex_tense_near("đã đi", 3, 9)
    with pytest.raises(TypeError):
        timex.timex_tense_near(b"da di", 0, 1)
