"""The year atoms read in C (core/timex_year.c, through _core.timex_hits_nfc) against the
plain Python reading of tintuc.timex (its year-family pattern and _atom): the same atoms, on
sentences written for it, on generated text and on real articles."""
from hypothesis import given, settings, strategies as st

from timex_atoms_compare import assert_same, both, with_every_capital


SENTENCES = [
    "Cuối năm 2020, năm ngoái, hai năm nay, những năm 90, năm 2019-2020, đầu năm nay.",
    "Thượng tuần năm sau, hạ tuần năm 2021, trung tuần năm tới, tuần năm nay, giữa năm 1990s.",
    "Năm 2020s, năm 20201, năm 2020a, năm 2020.5, năm 2020/3, năm 2020/x, năm 2020, năm 2020-",
    "năm 1990 của thế kỷ trước, năm 90, năm 1000, năm 2199, năm 2200, năm 0999, năm ٢٠٢٠, năm 2٠20",
    "3 năm trước, ba năm trước, năm về trước, năm sắp tới, năm saudi, năm rồi, năm kia, năm nayy",
    "mỗi năm nay, 5 năm nay, 5  năm nay, ² năm nay, Ⅻ năm nay, ă năm nay, CUỐI NĂM nay, ĐẦU năm 2020",
    "năm\xa02020, năm\u20092020, năm\n2020, năm  2020 – 2021, năm 2020 đến 2021, năm 2020 tới năm 2022",
    "(cuối năm 2020), cuối\nnăm 2020, Cuối  năm 2020, xcuối năm 2020, thượng\xa0tuần năm nay",
    "Những năm 2000, nhỮng năm 2000, năm nay của, năm 2020 của thế kỉ XX, năm 2020 củaa",
    "năm", "năm ", "năm 2", "năm 202", "2 năm", "năm 2020s", "Năm Nay", "năm NAY", "năm ngoáii",
]


def test_sentences():
    assert_same(SENTENCES)


def test_most_year_hits_are_read_in_c():
    _, _, years = both("Năm 2020, năm ngoái, cuối năm nay, 2 năm nay.")
    assert len(years) == 4 and [v is False for v in years.values()].count(True) == 1   # "2 năm nay"


# Every code point whose lowercase (as str.lower gives it) is a letter of the words the C
# reading compares (mods, "những", the counting words): written in place of that letter.
_WORDS = ["đầu", "giữa", "cuối", "thượng", "trung", "hạ", "tuần", "những", "các", "vài", "mấy", "nhiều", "mỗi",
          "hàng", "từng", "mọi", "bao", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười",
          "mươi", "lăm", "mốt", "tư", "chục"]


def test_every_capital_of_the_words_letters():
    for word in with_every_capital(_WORDS):
        assert_same((f"{word} năm nay", f"{word} năm 2020", f"{word} tuần năm sau", f"x {word} năm ngoái"))


PIECES = ["năm", "Năm", "NĂM", " ", " ", "  ", "\xa0", "\n", "\u2009", "2020", "1990", "90", "20", "2", "٢٠٢٠",
          "s", "a", "-", "–", "—", "/", ".", ",", ":", "(", ")", "đến", "tới", "nay", "ngoái", "sau", "trước",
          "về", "kia", "rồi", "sắp", "của", "thế", "kỷ", "XX", "21", "những", "các", "hai", "đầu", "giữa", "cuối",
          "Cuối", "thượng", "trung", "hạ", "tuần", "ba", "²", "Ⅻ", "_", "x", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_pieces(pieces):
    assert_same(["".join(pieces)])


def test_dantri_corpus(dantri):
    assert_same(doc["text"] for doc in dantri)
