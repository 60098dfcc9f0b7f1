"""The month atoms read in C (core/timex_month.c, through _core.timex_hits_nfc) against the
plain Python reading of tintuc.timex (its month-family pattern and _atom): the same atoms, on
sentences written for it, on every capital of the words it compares and on generated text
(the real articles are compared by tests/test_timex_year.py, which checks every hit)."""
from hypothesis import given, settings, strategies as st

from timex_atoms_compare import assert_same, both, with_every_capital


SENTENCES = [
    "Tháng 5, tháng 3/2020, tháng 3 năm 2020, tháng 3-2020, đầu tháng 5, thượng tuần tháng 10, cuối tháng 12/2019.",
    "tháng 13, tháng 00, tháng 0, tháng 05, tháng 5a, tháng 5.5, tháng 5/x, tháng 5/, tháng 5/20, tháng 5/20201",
    "tháng 3 - 5, tháng 3–5/2020, tháng 3-5, tháng 3 -2020, tháng 3 năm nay, tháng 3 năm 20, tháng 3 NĂM 2020",
    "tháng 3 nămx 2020, tháng 3 năm\n2020, tháng\n3, tháng\xa03, tháng  3, tháng ٣, tháng 3٣, tháng 3/٢٠٢٠",
    "mỗi tháng 5, các tháng 5, thứ tháng 5, 9 tháng 10 ngày, ² tháng 5, Ⅻ tháng 5, ă tháng 5, 9\ntháng 5",
    "mỗi tháng 5/2020, 9 tháng 5 năm 2020, tháng này, tháng qua, tháng trước, 3 tháng trước, Tháng 1/0999",
    "tháng 1/1000, tháng 1/2199, tháng 1/2200, tháng 1/2020/3, tháng 1/2020-, tháng 1/2020.5, tháng 1/2020 năm",
    "tháng", "tháng ", "tháng 1", "tháng 12", "THÁNG 12", "tHáng 12", "xtháng 5", "tháng 5 năm", "tháng 5 năm ",
]


def test_sentences():
    assert_same(SENTENCES)


def test_read_in_c():
    text = "Tháng 5, cuối tháng 3/2020, mỗi tháng 6, tháng 4 năm 2021."
    _, _, decided = both(text)
    # the hits of "tháng" (not those of its digits or of "năm")
    months = {pos: v for pos, v in decided.items() if text[pos] in "Tt"}
    assert sorted(v[3:5] for v in months.values() if v) == [(3, 2020), (4, 2021), (5, 0)]
    assert [v[5] for v in months.values() if v and v[3] == 3] == ["cuối"]
    assert [v for v in months.values() if not v] == [False]


_WORDS = ["thứ", "mỗi", "hàng", "các", "những", "đầu", "giữa", "cuối", "thượng", "trung", "hạ", "tuần"]


def test_every_capital_of_the_words_letters():
    for word in with_every_capital(_WORDS):
        assert_same((f"{word} tháng 5", f"{word} tháng 3/2020", f"{word} tuần tháng 5"))


PIECES = ["tháng", "Tháng", "THÁNG", "năm", " ", " ", "\xa0", "\n", "2020", "1999", "2200", "3", "12", "13", "05",
          "0", "٣", "/", "/", "-", "–", ".", ",", "a", "_", "mỗi", "các", "thứ", "9", "²", "đầu", "cuối", "thượng",
          "tuần", "nay", "qua", "trước"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_pieces(pieces):
    assert_same(["".join(pieces)])
