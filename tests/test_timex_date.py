"""The "D/M" date atoms read in C (core/timex_date.c, through _core.timex_hits_nfc) against
the plain Python reading of tintuc.timex (its digit-family pattern and _atom): the same
atoms, on sentences written for it, on every word of the sets it copies, on generated text
and on real articles."""
from hypothesis import given, settings, strategies as st

from tintuc import timex
from tintuc._core import timex_hits_nfc

from test_timex_year import _both


SENTENCES = [
    "Sáng ngày 23/10, rạng sáng 1/5, chiếm 3/5, vào 12/12, 3/5 thành viên, số 15/2020, 30/4 - 1/5.",
    "Ngày 05/09, ngày 5/9/2020, ngày 32/1, ngày 1/13, ngày 00/1, ngày 1/0, 123/4, 1/234, ٢/٣, 2/٣, 2٣/4",
    "hôm 2/9, HÔM 2/9, Ngày 2/9, tối hôm 2/9, đêm khuya 2/9, nửa đêm 2/9, sáng sớm 2/9, chiều tối 2/9.",
    "khoảng 1/3, gần 2/3 số, tỷ lệ 1/2, hơn 1/4 dân, 1/3 tổng, từ 1/3 đến 5/3, 1/3–5/3, 1/3 — 5/3",
    "1/3a, 1/3.5, 1/3,5, 1/3:5, 1/3-5, 1/3/x, 1/3/, 1/3 /, (1/3), 1/3\n- 4/5, ngày\n1/3, lúc 10/3",
    "vào  1/2, vào\xa01/2, Vào 1/2, VÀO 1/2, và 1/2, x 1/2, 1/2, ngày 1/2 tới, 12/12 qua, 1/2_3",
]


def test_sentences():
    for s in SENTENCES:
        fast, plain, _ = _both(s)
        assert fast == plain, s


def test_every_word_of_the_sets():
    words = (timex._NUMBER_LEADS | timex._FRACTION_LEADS | timex._DATE_LEADS | timex._POD1
             | {"ngày", "hôm", "rạng", "sớm", "nửa", "khuya"})
    for w in sorted(words):
        for s in (f"{w} 3/5 là", f"{w} 3/5 thành viên", f"ngày {w} 3/5.", f"{w.upper()} 3/5 là", f"x{w} 3/5"):
            fast, plain, _ = _both(s)
            assert fast == plain, s
    for pod in timex._POD2:
        for s in (f"{pod} 3/5", f"ngày {pod} 3/5", f"{pod} ngày 3/5"):
            fast, plain, _ = _both(s)
            assert fast == plain, s


def test_read_in_c():
    _, _, decided = _both("Sáng ngày 23/10, chiếm 3/5, vào 12/12.")
    assert sorted(v[0] if v else "none" for v in decided.values()) == ["date", "date", "none"]


def test_every_capital_of_the_words_letters():
    words = sorted(timex._NUMBER_LEADS | timex._FRACTION_LEADS | timex._DATE_LEADS | timex._POD1
                   | {"ngày", "hôm", "rạng", "sớm", "nửa", "khuya"})
    letters = set("".join(words))
    capitals = {}
    for cp in range(0x110000):
        low = chr(cp).lower()
        if low in letters and low != chr(cp):
            capitals.setdefault(low, []).append(chr(cp))
    for w in words:
        for i, ch in enumerate(w):
            for cap in capitals.get(ch, []):
                s = f"{w[:i]}{cap}{w[i + 1:]} 3/5 là"
                fast, plain, _ = _both(s)
                assert fast == plain, s


PIECES = ["1", "2", "3", "12", "31", "05", "2020", "/", "/", "-", "–", ".", ",", ":", " ", " ", "\xa0", "\n", "(",
          "ngày", "Ngày", "hôm", "sáng", "rạng", "sớm", "chiều", "tối", "nửa", "đêm", "khuya", "vào", "từ", "đến",
          "chiếm", "khoảng", "tỷ", "lệ", "số", "thành", "viên", "tổng", "tới", "qua", "٣", "²", "a", "_", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_pieces(pieces):
    text = "".join(pieces)
    fast, plain, _ = _both(text)
    assert fast == plain, text
