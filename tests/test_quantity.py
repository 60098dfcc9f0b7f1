"""Quantities: digits and words, approximations, what they count, offsets."""
import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

from tintuc.quantity import Quantity, find_quantities, is_counted_noun, parse_number, quantities_in_span


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, found
    return found[0]


# --- numbers in digits -------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("30.000", 30000), ("1.000.000", 1000000), ("2,5", 2.5), ("1.500,75", 1500.75), ("46,800,000", 46800000),
    ("2.5", 2.5), ("930", 930), ("0,5", 0.5),
])
def test_digits(text, value):
    q = one(f"Có {text} người tham gia.")
    assert (q.text, q.value, q.unit, q.kind) == (f"{text} người", value, "người", "count")
    assert type(q.value) is type(value)


@pytest.mark.parametrize("text,value,unit,kind,code", [
    ("2,5 triệu USD", 2500000, "USD", "money", "USD"),
    ("1,2 tỷ đồng", 1200000000, "đồng", "money", "VND"),
    ("500 nghìn đồng", 500000, "đồng", "money", "VND"),
    ("3 nghìn tỷ đồng", 3 * 10 ** 12, "đồng", "money", "VND"),
    ("400 triệu euro", 400000000, "euro", "money", "EUR"),
    ("30%", 30, "%", "percent", "%"),
    ("2,5 %", 2.5, "%", "percent", "%"),
    ("15 phần trăm", 15, "phần trăm", "percent", "%"),
    ("120 km", 120, "km", "measure", "km"),
    ("50kg", 50, "kg", "measure", "kg"),
    ("3 tuần", 3, "tuần", "duration", "wk"),
    ("36 tuổi", 36, "tuổi", "age", "yr"),
    ("55,5 triệu đồng/lượng", 55500000, "đồng/lượng", "money", "VND"),
    ("30 độ C", 30, "độ C", "measure", "°C"),
])
def test_units(text, value, unit, kind, code):
    q = one(f"Theo báo cáo, {text} đã được ghi nhận.")
    assert (q.text, q.value, q.unit, q.kind, q.unit_code) == (text, value, unit, kind, code)
    assert q.is_money == (kind == "money") and q.is_percent == (kind == "percent")
    assert q.currency == (code if kind == "money" else None)


# --- numbers in words --------------------------------------------------------------------

@pytest.mark.parametrize("words,value", [
    ("hai", 2), ("ba mươi", 30), ("mười lăm", 15), ("một trăm hai mươi", 120), ("hai mươi mốt", 21),
    ("hai mươi tư", 24), ("một trăm linh năm", 105), ("ba nghìn", 3000), ("hai triệu rưỡi", 2500000),
    ("năm mươi", 50), ("mười", 10), ("chín trăm", 900), ("hai chục", 20),
])
def test_number_words(words, value):
    q = one(f"Đã có {words} thủy thủ được cứu.")
    assert (q.text, q.value, q.unit) == (f"{words} thủy thủ", value, "thủy thủ")


@pytest.mark.parametrize("text,value", [
    ("hàng trăm", 100), ("hàng chục nghìn", 10000), ("hàng nghìn", 1000), ("hàng ngàn", 1000),
    ("vài chục", 20), ("hàng triệu", 1000000), ("hàng chục", 10), ("vài trăm", 200), ("mấy chục", 20),
])
def test_vague_amounts_give_their_lower_bound(text, value):
    q = one(f"Vụ tấn công khiến {text} người thiệt mạng.")
    assert (q.text, q.value, q.approx, q.unit) == (f"{text} người", value, "lower_bound", "người")


@pytest.mark.parametrize("text", [
    "Một số người cho rằng như vậy.", "Ba Lan và Hungary phản đối.", "Năm 2020 là năm khó khăn.",
    "Ba mẹ tôi đều khỏe.", "Một trong các lý do là thời tiết.", "Hôm nay ông làm việc một cách nghiêm túc.",
    "Hàng hóa đã được chuyển đi.", "Vài ngày trước", "Đây là lần thứ hai."])
def test_number_words_inside_ordinary_words_are_not_numbers(text):
    assert [q.value for q in find_quantities(text) if q.unit not in ("ngày",)] == []


def test_nam_is_five_only_before_a_counted_noun():
    assert [(q.text, q.value, q.unit) for q in find_quantities("Năm 2020, năm người bị thương trong hai năm.")] \
        == [("năm người", 5, "người"), ("hai năm", 2, "năm")]


def test_hai_counts_before_any_noun():
    assert [(q.text, q.unit) for q in find_quantities("Số phận hai thỏa thuận trước đó chưa rõ.")] == \
        [("hai thỏa thuận", "thỏa thuận")]
    assert find_quantities("Phố Hai Bà Trưng đông đúc.") == []


def test_mot_counts_before_a_counted_noun():
    found = find_quantities("Một thủy thủ đã thiệt mạng và một số khác bị thương.")
    assert [(q.text, q.value) for q in found] == [("Một thủy thủ", 1)]
    assert [q.text for q in find_quantities("Ông là một nhà sản xuất trong một xã hội mở, có một người bạn.")] \
        == ["một người bạn"]


# --- approximations ----------------------------------------------------------------------

@pytest.mark.parametrize("prefix,approx", [
    ("khoảng", "about"), ("chừng", "about"), ("xấp xỉ", "about"), ("ước tính", "about"),
    ("ít nhất", "at_least"), ("tối thiểu", "at_least"), ("hơn", "at_least"), ("trên", "at_least"),
    ("tới", "at_most"), ("lên tới", "at_most"), ("không quá", "at_most"), ("dưới", "at_most"),
    ("gần", "nearly"),
])
def test_approximations(prefix, approx):
    q = one(f"Đợt này có {prefix} 930 binh sĩ.")
    assert (q.text, q.value, q.approx, q.unit) == (f"{prefix} 930 binh sĩ", 930, approx, "binh sĩ")


def test_approximation_examples_from_the_news():
    assert (lambda q: (q.value, q.approx, q.unit))(one("khiến khoảng 30.000 người thiệt mạng")) == \
        (30000, "about", "người")
    assert (lambda q: (q.value, q.approx, q.unit, q.kind))(one("sau gần 2 tuần giao tranh")) == \
        (2, "nearly", "tuần", "duration")
    assert one("Khoảng 50 người tụ tập.").text == "Khoảng 50 người"
    assert one("không có ai, chỉ 5 người").approx is None


# --- fractions, ranges, counted nouns ----------------------------------------------------

def test_fraction_counts_out_of_a_total():
    q = one("Tàu bị tấn công ngoài khơi Nigeria.15/19 thủy thủ bị bắt cóc.")
    assert (q.text, q.value, q.total, q.unit) == ("15/19 thủy thủ", 15, 19, "thủy thủ")


def test_small_fraction_before_a_noun():
    q = one("Có 3/5 thành viên đồng ý.")
    assert (q.value, q.total, q.unit) == (3, 5, "thành viên")


@pytest.mark.parametrize("text,value,upper,unit", [
    ("từ 10 đến 20 người", 10, 20, "người"), ("10-20%", 10, 20, "%"), ("1.000 - 2.000 USD", 1000, 2000, "USD"),
    ("2 tới 3 ngày", 2, 3, "ngày"),
])
def test_ranges(text, value, upper, unit):
    q = one(f"Mỗi đợt cần {text} như vậy.")
    assert (q.value, q.upper, q.unit) == (value, upper, unit)
    assert q.text == text.removeprefix("từ ")


@pytest.mark.parametrize("text,unit,classifier", [
    ("15 thủy thủ", "thủy thủ", None), ("30.000 người", "người", None), ("100 binh sĩ", "binh sĩ", None),
    ("3 chiếc máy bay", "máy bay", "chiếc"), ("hai người lính", "lính", "người"), ("5 con tàu", "tàu", "con"),
    ("7 vụ tấn công", "tấn công", "vụ"), ("20 ca mắc mới", "ca mắc mới", None), ("3 bên", "bên", None),
    ("1.000 thương hiệu", "thương hiệu", None), ("hai nhà lãnh đạo", "nhà lãnh đạo", None),
])
def test_counted_nouns(text, unit, classifier):
    q = one(f"Hôm đó {text} bị ảnh hưởng.")
    assert (q.text, q.unit, q.classifier, q.kind) == (text, unit, classifier, "count")


def test_a_noun_no_lexicon_lists_ends_where_its_word_ends():
    import tintuc
    # without word boundaries two plain syllables are taken; a document knows its words
    assert one("Có 10 loại ung thư phổ biến.").unit == "loại ung"
    doc = tintuc.analyze("Có 10 loại ung thư phổ biến, và 12 bác sĩ trực.")
    assert [(q.text, q.unit) for q in doc.quantities] == [("10 loại", "loại"), ("12 bác sĩ", "bác sĩ")]


def test_a_bare_year_counts_only_a_listed_noun():
    assert find_quantities("Lễ khai mạc Cúp Quốc gia 2021 diễn ra chiều nay.") == []
    assert one("Có hơn 2000 người tham dự.").unit == "người"


def test_number_without_noun():
    q = one("Chỉ số đạt 930, giảm nhẹ.")
    assert (q.text, q.value, q.unit, q.kind) == ("930", 930, None, "number")
    assert one("Giá vé là khoảng 500, rẻ hơn.").text == "khoảng 500"


@pytest.mark.parametrize("text", ["Các ca tiếp xúc với bệnh nhân 2910 đã được cách ly.", "Chiếc iPhone 12 Pro mới.",
                                  "Phòng 203, tầng trệt.", "Liên hệ: 19006418."])
def test_labels_are_not_amounts(text):
    assert find_quantities(text) == []


# --- things that are not quantities ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Ngày 23/10, các bên gặp nhau.", "Hội nghị ngày 23/10/2020.", "Năm 2020 kinh tế tăng.", "Tháng 10 trời mưa.",
    "Lúc 20h, 8h30 và 20:00 có tin.", "Đại dịch Covid-19 lan rộng.", "Mạng 5G và U23 Việt Nam.",
    "Vào quý 3 và lần thứ 2.", "Tỷ số 2-1 nghiêng về đội khách.", "Theo Nghị định 15/2020/NĐ-CP.",
    "Từ ngày 11-12/10 tại Belgrade.", "Giai đoạn (1961-2021) và tháng 2/1988.", "Bệnh nhân BN2899 khỏi bệnh.",
])
def test_dates_times_codes_are_not_quantities(text):
    assert find_quantities(text) == []


def test_duration_in_hours():
    q = one("Trong 24h qua, mưa lớn.")
    assert (q.value, q.unit, q.kind) == (24, "giờ", "duration")


# --- parse_number ------------------------------------------------------------------------

@pytest.mark.parametrize("s,value", [
    ("30.000", 30000), ("2,5", 2.5), ("2,5 triệu", 2500000), ("1,2 tỷ", 1200000000), ("một trăm hai mươi", 120),
    ("Hai mươi mốt", 21), ("hàng trăm", 100), ("nửa triệu", 500000), ("mười lăm", 15),
])
def test_parse_number(s, value):
    assert parse_number(s) == value


@pytest.mark.parametrize("s", ["", "hai mươi năm", "người", "30.000 người", "ba Lan"])
def test_parse_number_rejects_other_text(s):
    assert parse_number(s) is None


def test_is_counted_noun():
    assert is_counted_noun("người") and is_counted_noun("thủy") and is_counted_noun("USD")
    assert not is_counted_noun("và") and not is_counted_noun("số")


# --- offsets, objects, helpers -----------------------------------------------------------

def test_offsets_slice_the_text_after_an_emoji():
    text = "🇻🇳😀 Tin 👍: hơn 100 binh sĩ, 2,5 triệu USD và hàng trăm người."
    found = find_quantities(text)
    assert [q.text for q in found] == ["hơn 100 binh sĩ", "2,5 triệu USD", "hàng trăm người"]
    for q in found:
        assert text[q.start:q.end] == q.text


def test_decomposed_text_reads_like_composed_text():
    text = "😀 Khoảng ba mươi người và hàng trăm thủy thủ, 2,5 triệu đồng."
    nfd = unicodedata.normalize("NFD", text)
    found = find_quantities(nfd)
    assert [(unicodedata.normalize("NFC", q.text), q.value) for q in found] == \
        [(q.text, q.value) for q in find_quantities(text)] == \
        [("Khoảng ba mươi người", 30), ("hàng trăm thủy thủ", 100), ("2,5 triệu đồng", 2500000)]
    for q in found:
        assert nfd[q.start:q.end] == q.text


def test_quantity_is_frozen_and_serialisable():
    q = one("khoảng 30.000 người")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 1
    assert q.to_dict() == {"text": "khoảng 30.000 người", "start": 0, "end": 19, "value": 30000, "approx": "about",
                           "unit": "người", "kind": "count", "unit_code": None, "total": None, "upper": None,
                           "classifier": None}
    assert isinstance(q, Quantity)


def test_quantities_in_span():
    text = "Có 5 người chết. Hơn 20 người bị thương."
    found = find_quantities(text)
    cut = text.index(".") + 1
    assert [q.value for q in quantities_in_span(found, 0, cut)] == [5]
    assert [q.value for q in quantities_in_span(found, cut, len(text))] == [20]


_PIECES = st.sampled_from(["một ", "hai ", "ba ", "năm ", "mươi ", "mười ", "trăm ", "nghìn ", "triệu ", "tỷ ",
                           "hàng ", "vài ", "chục ", "rưỡi ", "người ", "thủy thủ ", "USD ", "% ", "khoảng ",
                           "hơn ", "gần ", "từ ", "đến ", "chiếc ", "ngày ", "/", "-", ".", ",", " ", "\n", "😀",
                           "1", "15", "19", "30", "000", "2,5", "h", "km", "Ba ", "Lan "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join))
def test_random_text_never_breaks_the_contract(text):
    last = 0
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text and q.text
        assert q.start >= last
        last = q.end
        assert isinstance(q.value, (int, float)) and q.value >= 0
        assert q.upper is None or q.upper > q.value


def test_dantri_corpus(dantri):
    total = 0
    for doc in dantri:
        text = doc["text"]
        found = find_quantities(text)
        total += len(found)
        for q in found:
            assert text[q.start:q.end] == q.text
            assert q.value >= 0
    assert total > 5 * len(dantri)
