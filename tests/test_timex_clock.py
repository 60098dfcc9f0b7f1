"""The clock times read in C (core/timex_clock.c, through _core.timex_hits_nfc) against the
plain Python reading of tintuc.timex (its digit-family pattern and _atom): the same atoms, with
the same strength, on sentences written for it, on every capital of the words it compares and
on generated text (the real articles are compared by tests/test_timex_year.py, which checks
every hit)."""
from hypothesis import given, settings, strategies as st

from tintuc import timex

from timex_atoms_compare import assert_same, both, with_every_capital


SENTENCES = [
    "20h, 8h30, 8g30, 8G30, 8H, 20:00, 8h30', 8h30p, 8h30P, 8h30pm, 8h30x, 8ha, 8g, 8g3, 8g60, 8h60, 8h5",
    "25h, 30h, 24h, 24h00, 24h30, 24:30, 00h, 09h, 9h, 1h, 19h, 123h, 8:60, 8:5, 8:30:00, 8:3٣, 8h3٣, 8h٣0, 8٣h",
    "20 giờ, 20giờ, 20 giờ 30, 20 giờ 30 phút, 20 giờ 5 phút, 20 giờ 05, 20 giờ 65, 20 giờ 300, 20 giờ 3a",
    "20 giờ 30 phútx, 20 giờ  30  phút, 20 giờx, 20 Giờ, 20 giờ ٣, 20 giờ 3٣, 20  giờ 30 giây, 20 giờ 30.5",
    "20h sáng, 8h sáng nay, 8h sáng hôm qua, 8h Sáng, 8h SÁNG, 8h sángx, 8h khuya, 8h đêm, 8h chiều cùng ngày",
    "trong 24h, mất 3 giờ, lúc 20h, vào 8h, khoảng 8 giờ, 20h qua, 20h tới, 20h liên tục, 20h trước khi, 8h Qua",
    "20h                 qua, 20h liên tụcx, 20h liên  tục, 8h sáng qua, 8h\nsáng, 8h\xa0sáng, 8 giờ\nsáng",
    "8h ſáng, 8h khuya, 8h \u212ahuya, 20h lıên tục, 8h sáng nayy, 8h sáng  nay, 8h sáng hôm, 8h, 8h.",
    "ngày 20h, Trong 24h, TRONG 24h, lúc  8h, (lúc 8h), lúc\n8h, 24 giờ 00, 24 giờ 0, 24:00, 24h0",
]


def test_sentences():
    assert_same(SENTENCES)


def test_read_in_c():
    text = "Lúc 20h30 tối, trong 24h, 8 giờ 15 phút sáng, 9h."
    _, _, decided = both(text)
    assert sorted(decided.values(), key=lambda v: v and v[1]) == [
        False, ("clock", 4, 13, 20, 30, "tối", True), ("clock", 26, 44, 8, 15, "sáng", True),
        ("clock", 46, 48, 9, 0, None, False)]


_WORDS = ["sáng", "trưa", "chiều", "tối", "đêm", "khuya", "qua", "tới", "liên", "tục", "trước", "khi"]
_LEADS = sorted(timex._DURATION_LEADS | timex._CLOCK_LEADS)


def test_every_capital_of_the_words_letters():
    for word in with_every_capital(_WORDS + _LEADS):
        assert_same((f"8h {word}", f"8h sáng {word}", f"{word} 8h", f"20 giờ {word} tục"))


PIECES = ["8", "20", "24", "25", "0", "30", "00", "5", "h", "H", "g", "giờ", "phút", ":", "'", "p", " ", " ",
          "\xa0", "\n", ".", ",", "sáng", "tối", "nay", "hôm", "qua", "liên tục", "trong", "lúc", "a", "_", "٣",
          "/", "-", "tháng", "ngày"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_pieces(pieces):
    assert_same(["".join(pieces)])
