"""The "D/M" date atoms read in C (core/timex_date.c, through _core.timex_hits_nfc) against
the plain Python reading of tintuc.timex (its digit-family pattern and _atom): the same
atoms, on sentences written for it, on every word of the sets it copies, on generated text
and on real articles."""
from hypothesis import given, settings, strategies as st

from tintuc import timex

from timex_atoms_compare import assert_same, both, with_every_capital


SENTENCES = [
    "Sáng ngày 23/10, rạng sáng 1/5, chiếm 3/5, vào 12/12, 3/5 thành viên, số 15/2020, 30/4 - 1/5.",
    "Ngày 05/09, ngày 5/9/2020, ngày 32/1, ngày 1/13, ngày 00/1, ngày 1/0, 123/4, 1/234, ٢/٣, 2/٣, 2٣/4",
    "hôm 2/9, HÔM 2/9, Ngày 2/9, tối hôm 2/9, đêm khuya 2/9, nửa đêm 2/9, sáng sớm 2/9, chiều tối 2/9.",
    "khoảng 1/3, gần 2/3 số, tỷ lệ 1/2, hơn 1/4 dân, 1/3 tổng, từ 1/3 đến 5/3, 1/3–5/3, 1/3 — 5/3",
    "1/3a, 1/3.5, 1/3,5, 1/3:5, 1/3-5, 1/3/x, 1/3/, 1/3 /, (1/3), 1/3\n- 4/5, ngày\n1/3, lúc 10/3",
    "vào  1/2, vào\xa01/2, Vào 1/2, VÀO 1/2, và 1/2, x 1/2, 1/2, ngày 1/2 tới, 12/12 qua, 1/2_3",
    "23/10/2020, 16.4.2021, 23-10-2020, 1/2/0999, 1/2/1000, 1/2/2199, 1/2/2200, 1/2/20201, 1/2/2020a",
    "1/2.2020, 1.2/2020, 1.2-2020, 1-2/2020, 1/2/20, 1/2/٢٠٢٠, 1/2/202٠, 1/2/2020/3, 1/2/2020.5, 1/2/2020,5",
    "30/4/1975-30/4/2021, 30/4/1975 – 1/5/1975, 1/2/2020\n- 3/4, số 1/2/2020, chiếm 1/2/2020, 1/2/2020 tới",
    "sáng 16.4.2021, ngày 16.4, 10.2, ngày 10.2, hôm 10-2, 32.1.2020, 1.13.2020, 0.1.2020, 01.01.2020",
    "ngày 1/2/2020 năm, 1/2/2020 thành viên, Nghị định 15/10/2020, 1/2/2020_, 1/2/2020/x, 1/2/2020: x",
    "3/2020, 03/2020, 12/2020, 13/2020, 0/2020, 3/2020 thành viên, 3/2020 và, 3/2020, x, 3/2020.\nx, số 3/2020",
    "3/20201, 3/2020a, 3/2020/5, 3/2020-4/2020, 3/2020 - 4/2020, 3/202٠, 3/0999, 3/2200, 3/2020 (x), 3/2020\xa0x",
    "30.000 người, 2.500, 150.000.000, 1.234,5, 12.34, 12.345, 1.2345, 9.99, 9.999٥, 2020 và, 2020-10-23, 2020",
    "2019 - 2020, 2019 đến 2020, 2019 tới 2021, 2019 Đến, 1999, 2200 - 2300, 20201 - 2, 123, 123٤, 123h, 1234h",
    "9 tháng, 9 tháng 10, 23 tháng 10 năm 2020, ngày 9 tháng, hôm 9 tháng, ngày\xa09 tháng, 9  tháng\xa010, 9 tháng",
    "9 thángx, 9 Tháng, 9tháng, 9 tháng\n10, 9 tháng ١, ngày 23 tháng 10, 0 tháng, 99 tháng, 10h30, 2h, 20 giờ",
]


def test_sentences():
    assert_same(SENTENCES)


def test_every_word_of_the_sets():
    words = (timex._NUMBER_LEADS | timex._FRACTION_LEADS | timex._DATE_LEADS | timex._POD1
             | {"ngày", "hôm", "rạng", "sớm", "nửa", "khuya"})
    for w in sorted(words):
        assert_same((f"{w} 3/5 là", f"{w} 3/5 thành viên", f"ngày {w} 3/5.", f"{w.upper()} 3/5 là", f"x{w} 3/5"))
    for pod in timex._POD2:
        assert_same((f"{pod} 3/5", f"ngày {pod} 3/5", f"{pod} ngày 3/5"))


def test_read_in_c():
    _, _, decided = both("Sáng ngày 23/10, chiếm 3/5, vào 12/12.")
    assert sorted(v[0] if v else "none" for v in decided.values()) == ["date", "date", "none"]
    _, _, decided = both("Ngày 23/10/2020, 16.4.2021 và 1-2-2021.")
    assert sorted((v[3], v[4], v[7]) for v in decided.values()) == [(1, 2, 2021), (16, 4, 2021), (23, 10, 2020)]
    _, _, decided = both("Quý 3/2020, 30.000 người, 2020 và 2021, 9 tháng.")
    assert sorted(v or () for v in decided.values()) == [(), (), (), ("month", 4, 10, 3, 2020, None)]


def test_every_capital_of_the_words_letters():
    words = sorted(timex._NUMBER_LEADS | timex._FRACTION_LEADS | timex._DATE_LEADS | timex._POD1
                   | {"ngày", "hôm", "rạng", "sớm", "nửa", "khuya"})
    for word in with_every_capital(words):
        assert_same([f"{word} 3/5 là"])


PIECES = ["1", "2", "3", "12", "31", "05", "2020", "1999", "2200", "000", "tháng", "đến", "giờ", "h", "/", "/",
          "-", "–", ".", ",", ":", " ", " ", "\xa0", "\n", "(",
          "ngày", "Ngày", "hôm", "sáng", "rạng", "sớm", "chiều", "tối", "nửa", "đêm", "khuya", "vào", "từ", "đến",
          "chiếm", "khoảng", "tỷ", "lệ", "số", "thành", "viên", "tổng", "tới", "qua", "٣", "²", "a", "_", "\u212a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_generated_pieces(pieces):
    assert_same(["".join(pieces)])
