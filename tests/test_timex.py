"""Time expressions: forms, resolution against the publication date, offsets."""
import dataclasses
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from tintuc.timex import TimeExpr, find_times, time_in_span, times_in_span, vietnam_date


def one(text, published=None):
    """The single expression found in `text`."""
    found = find_times(text, published)
    assert len(found) == 1, found
    return found[0]


def values(text, published=None):
    return [t.value for t in find_times(text, published)]


def d(s):
    return date.fromisoformat(s)


# --- year inference and cue words --------------------------------------------------------

def test_future_cue_keeps_the_coming_date():
    t = one("Hai ngoại trưởng sẽ gặp nhau vào ngày 23/10 tới trong một nỗ lực mới.", "2020-10-21")
    assert (t.text, t.value, t.begin, t.end_date, t.granularity) == \
        ("ngày 23/10 tới", "2020-10-23", d("2020-10-23"), d("2020-10-23"), "day")


def test_year_boundary_back():
    # published in early January: a late-December date is last year's
    assert one("Ngày 28/12, phái đoàn đã tới thủ đô.", "2021-01-03").value == "2020-12-28"


def test_year_boundary_ahead():
    assert one("Cuộc bầu cử diễn ra vào ngày 5/1 tới.", "2020-12-28").value == "2021-01-05"


def test_hom_looks_back():
    t = one("Hôm 12/12, hai bộ trưởng điện đàm.", "2020-12-13")
    assert (t.text, t.value) == ("Hôm 12/12", "2020-12-12")


def test_vua_qua_looks_back_across_the_year():
    assert one("Ông phát biểu tại phiên họp ngày 30/12 vừa qua.", "2021-01-02").value == "2020-12-30"


def test_without_cue_the_past_is_preferred():
    # 15 March is 200 days back or 165 days ahead: news reports the past
    assert one("Ngày 15/3, nhà máy đóng cửa.", "2020-10-01").value == "2020-03-15"


def test_explicit_year_wins():
    assert one("Ngày 23/10/2019 trời mưa.", "2021-01-01").value == "2019-10-23"


# --- relative days, "cùng ngày" ----------------------------------------------------------

def test_cung_ngay_inherits_the_last_date():
    text = "Ngày 20/10, bộ trưởng tới Hà Nội. Cùng ngày, ông gặp thủ tướng. Cùng ngày hôm đó, họ ăn tối."
    found = find_times(text, "2020-10-21")
    assert [(t.text, t.value) for t in found] == [
        ("Ngày 20/10", "2020-10-20"), ("Cùng ngày", "2020-10-20"), ("Cùng ngày hôm đó", "2020-10-20")]


def test_cung_ngay_without_a_date_before_it_is_unresolved():
    t = one("Cùng ngày, ông gặp thủ tướng.", "2020-10-21")
    assert (t.value, t.begin, t.end_date) == ("XXXX-XX-XX", None, None)


def test_hom_sau_follows_the_last_date():
    found = find_times("Ngày 3/5 ông tới Huế. Hôm sau ông về.", "2021-05-10")
    assert [t.value for t in found] == ["2021-05-03", "2021-05-04"]


@pytest.mark.parametrize("text,value,gran", [
    ("hôm qua", "2020-10-20", "day"),
    ("hôm nay", "2020-10-21", "day"),
    ("ngày mai", "2020-10-22", "day"),
    ("ngày hôm qua", "2020-10-20", "day"),
    ("tuần trước", "2020-W42", "week"),
    ("tuần tới", "2020-W44", "week"),
    ("tháng trước", "2020-09", "month"),
    ("tháng tới", "2020-11", "month"),
    ("năm ngoái", "2019", "year"),
    ("năm nay", "2020", "year"),
    ("năm tới", "2021", "year"),
    ("sáng nay", "2020-10-21TMO", "part_of_day"),
    ("tối qua", "2020-10-20TEV", "part_of_day"),
    ("3 ngày trước", "2020-10-18", "day"),
    ("hai năm trước", "2018", "year"),
    ("cách đây 10 năm", "2010", "year"),
])
def test_relative_expressions(text, value, gran):
    t = one(f"Theo thông báo {text}, hai bên đã nhất trí.", "2020-10-21")
    assert (t.text, t.value, t.granularity) == (text, value, gran)


def test_week_bounds():
    t = one("Tuần trước, giá xăng tăng.", "2020-10-21")       # a Wednesday
    assert (t.begin, t.end_date) == (d("2020-10-12"), d("2020-10-18"))


def test_quantified_weeks_are_not_last_week():
    assert values("Những tuần trước đó rất căng thẳng, vài tuần qua thì khác.", "2020-10-21") == []


def test_nam_qua_is_left_out():
    assert values("Trong năm qua, kinh tế tăng trưởng.", "2020-10-21") == []


# --- weekdays and weekends ---------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("thứ Hai", "2020-10-19"),
    ("thứ 2", "2020-10-19"),
    ("Chủ nhật", "2020-10-18"),
    ("thứ Bảy tuần trước", "2020-10-17"),
    ("thứ 2 tuần trước", "2020-10-12"),
    ("thứ Sáu tuần này", "2020-10-23"),
    ("thứ Năm tuần tới", "2020-10-29"),
])
def test_weekdays(text, value):
    # published on Wednesday 2020-10-21; a bare weekday is the latest one not after it
    t = one(f"Hội nghị diễn ra vào {text}, tại Hà Nội.", "2020-10-21")
    assert (t.text, t.value) == (text, value)


def test_weekday_with_future_tense_looks_ahead():
    assert one("Ông sẽ tới Paris vào thứ Sáu.", "2020-10-21").value == "2020-10-23"
    assert one("Họ họp vào thứ Tư tới.", "2020-10-21").value == "2020-10-28"
    assert one("Họ đã họp vào thứ Tư vừa qua.", "2020-10-21").value == "2020-10-14"


def test_weekday_with_its_date_takes_the_date():
    t = one("Thứ Hai (12/10), hai bên ký thỏa thuận.", "2020-10-14")
    assert (t.text, t.value) == ("Thứ Hai (12/10)", "2020-10-12")


@pytest.mark.parametrize("text", ["Đây là lần thứ hai ông tới đây.", "Thứ hai, giáo dục phải đi trước.",
                                  "Đội xếp thứ 2 trên bảng.", "Đây là ngày thứ 6 liên tiếp số ca tăng."])
def test_ordinals_are_not_weekdays(text):
    assert find_times(text, "2020-10-21") == []


def test_last_weekend():
    t = one("Cuối tuần qua, giao tranh bùng phát.", "2020-10-13")
    assert (t.value, t.begin, t.end_date, t.granularity) == \
        ("2020-W41-WE", d("2020-10-10"), d("2020-10-11"), "weekend")


def test_this_and_next_weekend():
    found = find_times("Cuối tuần này trời nắng, cuối tuần tới có mưa.", "2020-10-13")
    assert [(t.value, t.begin, t.end_date) for t in found] == [
        ("2020-W42-WE", d("2020-10-17"), d("2020-10-18")), ("2020-W43-WE", d("2020-10-24"), d("2020-10-25"))]


# --- parts of months, months, quarters, years, decades -----------------------------------

@pytest.mark.parametrize("text,value,begin,end,mod", [
    ("đầu tháng 10", "2020-10", "2020-10-01", "2020-10-10", "START"),
    ("giữa tháng 10", "2020-10", "2020-10-11", "2020-10-20", "MID"),
    ("cuối tháng 10", "2020-10", "2020-10-21", "2020-10-31", "END"),
    ("thượng tuần tháng 10", "2020-10", "2020-10-01", "2020-10-10", "START"),
    ("trung tuần tháng 10", "2020-10", "2020-10-11", "2020-10-20", "MID"),
    ("hạ tuần tháng 10", "2020-10", "2020-10-21", "2020-10-31", "END"),
    ("cuối tháng 2/2020", "2020-02", "2020-02-21", "2020-02-29", "END"),
])
def test_parts_of_a_month(text, value, begin, end, mod):
    t = one(f"Dự án khởi công {text}, theo kế hoạch.", "2020-10-05")
    assert (t.text, t.value, t.begin, t.end_date, t.mod, t.granularity) == \
        (text, value, d(begin), d(end), mod, "month")


@pytest.mark.parametrize("text,value,begin,end,mod", [
    ("đầu năm 2021", "2021", "2021-01-01", "2021-04-30", "START"),
    ("cuối năm nay", "2020", "2020-09-01", "2020-12-31", "END"),
    ("đầu tuần này", "2020-W43", "2020-10-19", "2020-10-20", "START"),
    ("cuối quý 3/2020", "2020-Q3", "2020-09-01", "2020-09-30", "END"),
])
def test_parts_of_other_periods(text, value, begin, end, mod):
    t = one(f"Dự án khởi công {text}, theo kế hoạch.", "2020-10-21")
    assert (t.text, t.value, t.begin, t.end_date, t.mod) == (text, value, d(begin), d(end), mod)


@pytest.mark.parametrize("text,value,begin,end,gran", [
    ("tháng 10", "2020-10", "2020-10-01", "2020-10-31", "month"),
    ("tháng 2/1988", "1988-02", "1988-02-01", "1988-02-29", "month"),
    ("tháng 2 năm 1988", "1988-02", "1988-02-01", "1988-02-29", "month"),
    ("năm 2020", "2020", "2020-01-01", "2020-12-31", "year"),
    ("quý 3/2020", "2020-Q3", "2020-07-01", "2020-09-30", "quarter"),
    ("quý III/2020", "2020-Q3", "2020-07-01", "2020-09-30", "quarter"),
    ("những năm 1990", "199X", "1990-01-01", "1999-12-31", "decade"),
    ("thập niên 90", "199X", "1990-01-01", "1999-12-31", "decade"),
    ("thập kỷ 1990", "199X", "1990-01-01", "1999-12-31", "decade"),
    ("những năm 2000", "200X", "2000-01-01", "2009-12-31", "decade"),
    ("thế kỷ 20", "19", "1900-01-01", "1999-12-31", "century"),
])
def test_months_years_decades(text, value, begin, end, gran):
    t = one(f"Chuyện xảy ra vào {text}, khi đó ông còn trẻ.", "2020-10-21")
    assert (t.text, t.value, t.begin, t.end_date, t.granularity) == (text, value, d(begin), d(end), gran)


def test_decade_of_the_last_century():
    t = one("Xung đột kéo dài từ những năm 1990 của thế kỷ trước.", "2020-10-21")
    assert (t.text, t.value) == ("những năm 1990 của thế kỷ trước", "199X")


def test_bare_month_takes_the_nearest_year():
    assert one("Tháng 12, dịch bùng phát.", "2021-01-10").value == "2020-12"


# --- ranges ------------------------------------------------------------------------------

def test_month_range_is_one_expression():
    t = one("Cuộc chiến kéo dài từ tháng 2/1988 đến tháng 5/1994, khiến nhiều người thiệt mạng.", "2020-10-21")
    assert (t.text, t.value, t.begin, t.end_date, t.granularity) == \
        ("từ tháng 2/1988 đến tháng 5/1994", "1988-02", d("1988-02-01"), d("1994-05-31"), "range")


@pytest.mark.parametrize("text,value,begin,end", [
    ("11-12/10", "2021-10-11", "2021-10-11", "2021-10-12"),
    ("26 - 28/6/2017", "2017-06-26", "2017-06-26", "2017-06-28"),
    ("ngày 11 đến 12/10", "2021-10-11", "2021-10-11", "2021-10-12"),
    ("từ ngày 11 đến 12/10", "2021-10-11", "2021-10-11", "2021-10-12"),
    ("từ năm 1988 đến năm 1994", "1988", "1988-01-01", "1994-12-31"),
    ("30/9 - 2/10", "2021-09-30", "2021-09-30", "2021-10-02"),
    ("30/9-2/10", "2021-09-30", "2021-09-30", "2021-10-02"),
    ("23/2-10/3/2021", "2021-02-23", "2021-02-23", "2021-03-10"),
    ("30/4/1975-30/4/2021", "1975-04-30", "1975-04-30", "2021-04-30"),
    ("1961-2021", "1961", "1961-01-01", "2021-12-31"),
])
def test_ranges(text, value, begin, end):
    t = one(f"Hội nghị ({text}) đã diễn ra.", "2021-10-13")
    assert (t.text, t.value, t.begin, t.end_date, t.granularity) == (text, value, d(begin), d(end), "range")


def test_range_of_days_across_the_year():
    t = one("Lễ hội kéo dài từ 28/12 đến 3/1/2021.", "2021-01-05")
    assert (t.begin, t.end_date) == (d("2020-12-28"), d("2021-01-03"))


def test_range_end_comes_after_its_start():
    t = one("Lệnh cấm có hiệu lực từ 24/4 tới hết tháng 10.", "2021-04-22")
    assert (t.text, t.begin, t.end_date) == ("từ 24/4 tới hết tháng 10", d("2021-04-24"), d("2021-10-31"))
    t = one("Nghỉ từ 28/12 đến 3/1.", "2020-12-20")
    assert (t.begin, t.end_date) == (d("2020-12-28"), d("2021-01-03"))


def test_range_ending_on_no_date_keeps_its_start():
    t = one("Nghỉ từ 12 đến 31/4 theo lịch.", "2021-04-01")
    assert (t.value, t.begin, t.end_date) == ("2021-04-12", d("2021-04-12"), d("2021-04-12"))


def test_two_listed_days():
    assert values("Các trận đấu diễn ra ngày 28 và 29/10.", "2020-10-21") == ["2020-10-28", "2020-10-29"]


# --- written dates -----------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("23/10", "2020-10-23"),
    ("23/10/2020", "2020-10-23"),
    ("23-10-2020", "2020-10-23"),
    ("16.10.2020", "2020-10-16"),
    ("ngày 10.10", "2020-10-10"),
    ("ngày 23 tháng 10 năm 2020", "2020-10-23"),
    ("ngày 5 tháng 10", "2020-10-05"),
    ("2020-10-23", "2020-10-23"),
    ("2/1988", "1988-02"),
])
def test_written_dates(text, value):
    t = one(f"Văn bản ký {text}, có hiệu lực ngay.", "2020-10-21")
    assert (t.text, t.value) == (text, value)


def test_dotted_form_outside_ngay_is_a_number():
    assert find_times("Chỉ số tăng 10.2 điểm và 3.5 lần.", "2020-10-21") == []


@pytest.mark.parametrize("text", ["15/19 thủy thủ bị bắt", "có 3/5 thành viên đồng ý", "theo Nghị định 15/2020/NĐ-CP",
                                  "tỷ lệ 1/3 dân số", "lọt vào vòng 1/8", "chiếm đến 1/3 tổng chi phí",
                                  "RAM 6/8 GB", "sau 9 tháng 10 ngày"])
def test_fractions_and_numbers_are_not_dates(text):
    assert find_times(text, "2020-10-21") == []


# --- clock times -------------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("lúc 20h", "XXXX-XX-XXT20:00"),
    ("lúc 8h30", "XXXX-XX-XXT08:30"),
    ("lúc 20 giờ", "XXXX-XX-XXT20:00"),
    ("8 giờ 30 phút", "XXXX-XX-XXT08:30"),
    ("lúc 9h sáng", "XXXX-XX-XXT09:00"),
    ("lúc 2 giờ chiều", "XXXX-XX-XXT14:00"),
])
def test_clock_times(text, value):
    found = find_times(f"Buổi lễ bắt đầu {text}.", "2020-10-21")
    assert [t.value for t in found] == [value]
    assert text.endswith(found[0].text) and found[0].granularity == "time"


@pytest.mark.parametrize("text,value", [
    ("20h ngày 23/10", "2020-10-23T20:00"),
    ("21 giờ 30 phút ngày 23/10", "2020-10-23T21:30"),
    ("9h tối 23/10", "2020-10-23T21:00"),
    ("14h chiều ngày 22/10", "2020-10-22T14:00"),
    ("8h30 sáng nay", "2020-10-21T08:30"),
])
def test_clock_time_with_its_date(text, value):
    t = one(f"Vụ việc xảy ra lúc {text} tại nhà riêng.", "2020-10-21")
    assert (t.text, t.value, t.begin, t.granularity) == (text, value, d(value[:10]), "time")


def test_clock_time_same_day():
    found = find_times("Ngày 12/10, mưa lớn. Đến 16h30 cùng ngày, nước rút.", "2020-10-13")
    assert [t.value for t in found] == ["2020-10-12", "2020-10-12T16:30"]


@pytest.mark.parametrize("text", ["trong 24 giờ", "mất 3 giờ", "trong 24h qua", "kéo dài 48 giờ"])
def test_durations_are_not_clock_times(text):
    assert find_times(f"Tàu di chuyển {text}.", "2020-10-21") == []


def test_clock_range_borrows_the_date():
    t = one("Cấm xe từ 0h đến 12h ngày 30/4.", "2021-04-28")
    assert (t.text, t.value, t.begin, t.end_date, t.granularity) == \
        ("từ 0h đến 12h ngày 30/4", "2021-04-30T00:00", d("2021-04-30"), d("2021-04-30"), "range")


@pytest.mark.parametrize("text,tz", [("(giờ địa phương)", "local"), ("(giờ Hà Nội)", "ICT"),
                                     ("(giờ Việt Nam)", "ICT"), ("(giờ GMT)", "UTC")])
def test_time_zone_notes(text, tz):
    t = find_times(f"Hôm 12/12 {text}, hai bên điện đàm.", "2020-12-13")[0]
    assert (t.text, t.value, t.tz) == ("Hôm 12/12", "2020-12-12", tz)


def test_no_time_zone_note():
    assert one("Hôm 12/12, hai bên điện đàm.", "2020-12-13").tz is None


# --- without a publication date ----------------------------------------------------------

def test_without_published_year_less_dates_keep_x():
    found = find_times("Ngày 23/10, hôm qua, tuần trước và thứ Hai, tháng 10.")
    assert [(t.value, t.begin, t.end_date) for t in found] == [
        ("XXXX-10-23", None, None), ("XXXX-XX-XX", None, None), ("XXXX-WXX", None, None),
        ("XXXX-WXX-1", None, None), ("XXXX-10", None, None)]


def test_without_published_full_dates_resolve():
    t = one("Ngày 23/10/2020, trời mưa.")
    assert (t.value, t.begin, t.end_date) == ("2020-10-23", d("2020-10-23"), d("2020-10-23"))


# --- the publication date ----------------------------------------------------------------

def test_published_datetime_near_midnight_utc_is_the_next_day_in_vietnam():
    late = datetime(2020, 10, 20, 18, 30, tzinfo=timezone.utc)     # 01:30 on the 21st in Hà Nội
    assert vietnam_date(late) == d("2020-10-21")
    assert one("Hôm qua, mưa lớn.", late).value == "2020-10-20"
    assert one("Hôm qua, mưa lớn.", datetime(2020, 10, 20, 18, 30)).value == "2020-10-20"   # naive = UTC
    assert one("Hôm qua, mưa lớn.", "2020-10-20T18:30:00Z").value == "2020-10-20"
    early = datetime(2020, 10, 20, 16, 0, tzinfo=timezone.utc)     # 23:00 on the 20th
    assert one("Hôm qua, mưa lớn.", early).value == "2020-10-19"


def test_published_forms():
    assert vietnam_date("2020-10-21") == vietnam_date("20201021") == vietnam_date(date(2020, 10, 21))
    assert vietnam_date(datetime(2020, 10, 21, 1, tzinfo=timezone(timedelta(hours=7)))) == d("2020-10-21")
    assert vietnam_date(datetime(2020, 10, 20, 20), tz_offset_hours=0) == d("2020-10-20")
    assert vietnam_date(None) is None and vietnam_date(float("nan")) is None
    with pytest.raises(TypeError):
        vietnam_date(20201021)


# --- offsets, objects, helpers -----------------------------------------------------------

def test_offsets_slice_the_text_after_an_emoji():
    text = "🇻🇳😀 Tin nhanh 👍: sáng 27/9 vừa qua, rồi từ tháng 2/1988 đến tháng 5/1994."
    found = find_times(text, "2020-10-21")
    assert [t.text for t in found] == ["sáng 27/9 vừa qua", "từ tháng 2/1988 đến tháng 5/1994"]
    for t in found:
        assert text[t.start:t.end] == t.text


def test_offsets_in_decomposed_text_index_the_original():
    text = unicodedata.normalize("NFD", "😀 Hôm qua và ngày 23/10 tới, cuối tuần qua.")
    found = find_times(text, "2020-10-21")
    assert [unicodedata.normalize("NFC", t.text) for t in found] == ["Hôm qua", "ngày 23/10 tới", "cuối tuần qua"]
    for t in found:
        assert text[t.start:t.end] == t.text


def test_time_expr_is_frozen_and_serialisable():
    t = one("Ngày 23/10/2020, trời mưa.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "x"
    assert t.to_dict() == {"text": "Ngày 23/10/2020", "start": 0, "end": 15, "value": "2020-10-23",
                           "begin": "2020-10-23", "end_date": "2020-10-23", "granularity": "day",
                           "mod": None, "tz": None}
    assert isinstance(t, TimeExpr)


def test_time_in_span_prefers_a_resolved_day():
    text = "Năm 2020, ngày 23/10, hai bên gặp nhau. Tháng sau họ lại gặp."
    found = find_times(text, "2020-10-21")
    first = text.index(".") + 1
    assert [t.text for t in times_in_span(found, 0, first)] == ["Năm 2020", "ngày 23/10"]
    assert time_in_span(found, 0, first).value == "2020-10-23"
    assert time_in_span(found, first, len(text)).value == "2020-11"
    assert time_in_span(found, 5, 8) is None


def test_empty_text():
    assert find_times("") == [] and find_times("không có gì", "2020-10-21") == []


_VALUE = re.compile(r"(?:\d{4}|XXXX)(?:-(?:\d\d|XX|Q\d|QX|W\d\d|WXX)(?:-(?:\d\d|XX|WE|\d))?)?"
                    r"(?:T(?:\d\d:\d\d|MO|MI|AF|EV|NI))?|\d{3}X|\d\d")

_PIECES = st.sampled_from(["ngày ", "hôm ", "tháng ", "năm ", "tuần ", "thứ ", "Chủ nhật ", "cuối ", "đầu ", "từ ",
                           "đến ", "qua ", "tới ", "nay ", "sáng ", "tối ", "cùng ", "giờ ", "h", "/", "-", ".", ",",
                           "(", ")", " ", "\n", "😀", "1", "2", "9", "10", "12", "23", "28", "31", "1988", "2020",
                           "quý ", "III", "những năm ", "thập niên ", "hai ", "trước ", "sau ", "vừa ", "sắp ",
                           "e\u0301", "\u0300", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_random_text_never_breaks_the_contract(text, published):
    found = find_times(text, published)
    last = 0
    for t in found:
        assert text[t.start:t.end] == t.text and t.text
        assert t.start >= last
        last = t.end
        assert _VALUE.fullmatch(t.value), t.value
        assert (t.begin is None) == (t.end_date is None)
        assert t.begin is None or t.begin <= t.end_date


def test_dantri_corpus(dantri):
    total = 0
    for doc in dantri:
        text = doc["text"]
        found = find_times(text, doc["date"])
        total += len(found)
        for t in found:
            assert text[t.start:t.end] == t.text
            assert _VALUE.fullmatch(t.value), t.value
            assert t.begin is None or t.begin <= t.end_date
    # about four per article in this corpus
    assert total > 2 * len(dantri)


def test_times_are_plain_time_exprs():
    # find_times fills the slots directly (timex._new_time): the result must be the same
    # frozen value the dataclass's own constructor makes
    import dataclasses
    import pytest
    from tintuc.timex import TimeExpr
    (t,) = find_times("Ngày 23/10 tới (giờ Hà Nội)", "2020-10-21")
    same = TimeExpr(*(getattr(t, f.name) for f in dataclasses.fields(TimeExpr)))
    assert t == same and hash(t) == hash(same) and repr(t) == repr(same)
    assert t.tz == "ICT" and t.value == "2020-10-23"
    with pytest.raises(dataclasses.FrozenInstanceError):
        t.value = "x"
