"""The weekday atoms read in C (core/timex_wday.c, through _core.timex_hits_nfc) against the
plain Python reading of tintuc.timex (its weekday pattern and _atom): the same atoms, with the
same strength, on sentences written for it, on every capital of the words it compares and on
generated text (the real articles are compared by tests/test_timex_year.py, which checks every
hit)."""
from hypothesis import given, settings, strategies as st

from timex_atoms_compare import assert_same, both, with_every_capital


SENTENCES = [
    "Thứ Hai, thứ hai, thứ 2, THỨ HAI, thứ Ba, thứ tư, thứ Năm, thứ sáu, thứ bảy, thứ Bẩy, Chủ nhật, chủ Nhật.",
    "thứ 8, thứ 1, thứ 2a, thứ 2.5, thứ 2,5, thứ 2., thứ 2,, thứ 22, thứ haii, thứ ba0, thứ ſáu, thứ hAi, thứ ٢",
    "thứ\xa0hai, thứ  hai, thứ\nhai, thứhai, chủ  nhật, Chủ\xa0Nhật, chủ nhậtt, chủ nhẬt, Chủ nhật_, thứ hai_",
    "thứ hai tuần trước, thứ 6 tuần này, Chủ nhật tuần tới, thứ 2 tuần vừa qua, thứ 2 tuần sắp tới, thứ 2 tuần",
    "thứ 2 tuần rồi, thứ 2 tuần qua., thứ 2 tuần quaa, thứ 2 tuần  sau, thứ 2  tuần sau, thứ 2 Tuần sau",
    "lần thứ hai, hạng thứ 3, thứ thứ 2, ngày thứ 6 liên tiếp, ngày Thứ 6 liên tiếp, ngày thứ 6 của, hôm thứ 6 của",
    "vào thứ hai, sáng thứ 2, rạng sáng thứ 7, ngày thứ hai, hôm thứ 3, các thứ 7, mỗi thứ 2, cho thứ 3, (thứ 2)",
    "sáng ngày thứ 2, ngày  thứ 6  liên, ngày thứ 6\nliên, ngày thứ 6 Liên, ngày thứ 6 liênx, tối chủ nhật",
    "ngày thứ 6" + " " * 45 + "liên", "ngày thứ 6" + " " * 30 + "liên tiếp", "thứ", "thứ ", "chủ", "thứ 2",
]


def test_sentences():
    assert_same(SENTENCES)


def test_read_in_c():
    text = "Lần thứ hai, vào thứ 6 tuần trước, thứ ba và Chủ nhật."
    _, _, decided = both(text)
    days = {pos: v for pos, v in decided.items() if text[pos] in "TtCc"}
    assert sorted(days.values(), key=lambda v: v and v[1]) == [
        False, ("wday", 17, 33, 4, "trước", None, None, True), ("wday", 35, 41, 1, None, None, None, False),
        ("wday", 45, 53, 6, None, None, None, True)]


_WORDS = ["hai", "ba", "tư", "năm", "sáu", "bảy", "bẩy", "ngày", "hôm", "vào", "hồi", "lần", "thứ", "các", "mỗi",
          "hằng", "sáng", "rạng", "chiều", "đêm", "khuya", "nửa"]


def test_every_capital_of_the_words_letters():
    for word in with_every_capital(_WORDS):
        assert_same((f"{word} thứ 2", f"thứ {word} là", f"{word} chủ nhật", f"ngày {word} thứ hai"))


PIECES = ["thứ", "Thứ", "chủ", "Chủ", "nhật", "Nhật", "hai", "Hai", "ba", "tư", "năm", "sáu", "bảy", "bẩy", "2",
          "6", "8", " ", " ", "\xa0", "\n", ".", ",", "(", "tuần", "trước", "vừa qua", "này", "ngày", "hôm", "vào",
          "lần", "sáng", "liên", "tiếp", "của", "Liên", "a", "_", "٣", "5"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_pieces(pieces):
    assert_same(["".join(pieces)])
