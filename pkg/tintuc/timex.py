"""Time expressions in Vietnamese news text, resolved to TIMEX3-style values.

    >>> [t.value for t in find_times("Ngày 23/10 tới, hai bên sẽ gặp nhau.", "2020-10-21")]
    ['2020-10-23']

How it works: two scans in C (one for digits, one for key words such as "tháng", "tuần",
"hôm") find where "atoms" may start (a date, a month, a weekday, a clock time, "hôm qua",
...); a small pattern for each family reads the atom there, and the words before it
("ngày", "sáng", "cuối") are taken in Python. A merge pass joins neighbours that form one
expression (a clock time and its date, "từ A đến B" ranges, a weekday and its date); a
resolution pass turns each expression into a value anchored to the publication date.
Text that is not NFC is composed first, and offsets are mapped back to the text given.

Year-less dates take the year that puts them nearest to publication. Cue words decide the
direction: "qua", "vừa qua", "vừa rồi", a leading "hôm" or "hồi" look back; "tới", "sắp tới"
look ahead. Without such a cue, a future reading costs twice its distance (news mostly
reports the past), unless "sẽ", "sắp" or "dự kiến" is the nearest tense marker in the
sentence, in which case the past costs double instead.

Decisions on ambiguous forms:
- "23/10" is a date unless it reads as a fraction: a counted noun or "tổng"/"số" after it
  ("3/5 thành viên", "1/3 tổng chi phí"), or "chiếm", "khoảng", "gần", "tỷ lệ" before it. A
  month above 12 or a day above 31 is never a date ("15/19"); "Nghị định 15/2020/NĐ-CP" and
  "vòng 1/8" are not dates either.
- "2/1988" (month and four-digit year) is a month.
- "10.2" is a date (10 February) only right after "ngày" ("ngày 10.2"); elsewhere it is the
  number 10.2. "16.4.2021" (with a four-digit year) is a date anywhere.
- "thứ hai"/"thứ 2" is a weekday only with a cue (a capitalised "Hai", "ngày"/"hôm"/"vào"
  before it, "tuần này" or a date after it), otherwise it is the ordinal "second".
- A clock time ("20h", "20 giờ") counts only when it has minutes, a part of day, a date,
  or a lead word such as "lúc"; "trong 24h" and "mất 3 giờ" are durations, not times.
- "năm qua" (the past year / last year) is left out; "tuần qua", "tháng qua" mean the
  previous week/month. "N ngày/tuần/tháng/năm trước" and "cách đây N năm" count back from
  publication; "vài tuần trước", "những năm qua" are left out.
- "cùng ngày", "hôm đó" take the last day resolved before them in the text; "hôm sau" the
  day after it; with none before them they stay "XXXX-XX-XX".
- A weekday without a cue is the latest such day on or before publication; "tới"/"sẽ" make
  it the next one; "tuần trước/này/tới" pick it in that ISO week.
- Weeks are ISO weeks: "tuần trước" is the ISO week before publication's, "cuối tuần qua"
  that week's Saturday and Sunday. A bare "cuối tuần" (often habitual: "vào cuối tuần")
  is left out.
- "thế kỷ 20" is the century value "19" (1900-1999); "những năm 90" is the 1990s unless
  "của thế kỷ 21" follows.
- Naive datetimes given as `published` are taken as UTC.
- Mods: "đầu/giữa/cuối tháng" and "thượng/trung/hạ tuần" narrow a month to days 1-10,
  11-20, 21-end; "đầu/giữa/cuối năm" to Jan-Apr, May-Aug, Sep-Dec; "đầu/giữa tuần" to
  Mon-Tue, Wed-Thu; "cuối tuần" is the weekend ("2020-W41-WE"). The value keeps the
  unnarrowed period and `mod` says START/MID/END.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from operator import attrgetter

from ._core import timex_hits, timex_hits_nfc, timex_tense, timex_tense_near, timex_words_before
from .quantity import _OffsetMap, is_counted_noun, parse_number

__all__ = ["TimeExpr", "find_times", "time_in_span", "times_in_span", "vietnam_date"]


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression: `text == source[start:end]`, a TIMEX3-style `value`, and the
    inclusive date bounds `begin`/`end_date` of what it denotes (None when unknown).

    `granularity` is one of "time", "part_of_day", "day", "week", "weekend", "month",
    "quarter", "year", "decade", "century", "range". `mod` is "START", "MID" or "END" for
    "đầu/giữa/cuối ..."; `tz` is "local" for "(giờ địa phương)", "ICT" for "(giờ Hà Nội)"
    or "(giờ Việt Nam)", "UTC" for GMT/UTC, else None.
    """

    text: str
    start: int
    end: int
    value: str
    begin: date | None
    end_date: date | None
    granularity: str
    mod: str | None = None
    tz: str | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text, "start": self.start, "end": self.end, "value": self.value,
            "begin": self.begin.isoformat() if self.begin else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "granularity": self.granularity, "mod": self.mod, "tz": self.tz,
        }


# ---------------------------------------------------------------------------------------
# Publication date


def vietnam_date(published, tz_offset_hours: float = 7) -> date | None:
    """The calendar date of `published` in Vietnam (UTC+7 by default).

    Accepts a date, a datetime (naive ones are taken as UTC), an ISO string
    ("2020-10-21", "2020-10-21T18:30:00Z"), "YYYYMMDD", or None/NaN (-> None).
    """
    if published is None or published != published:      # None, NaN, NaT
        return None
    if isinstance(published, datetime):
        dt = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
        return dt.astimezone(timezone(timedelta(hours=tz_offset_hours))).date()
    if isinstance(published, date):
        return published
    if isinstance(published, str):
        s = published.strip()
        if not s:
            return None
        if len(s) == 8 and s.isdigit():
            return date(int(s[:4]), int(s[4:6]), int(s[6:]))
        if len(s) == 10:
            return date.fromisoformat(s)
        return vietnam_date(datetime.fromisoformat(s.replace("Z", "+00:00")), tz_offset_hours)
    raise TypeError(f"published must be a date, datetime, ISO string or None, not {type(published).__name__}")


# ---------------------------------------------------------------------------------------
# Scanning. Each family of atoms has an anchor: a literal piece of its key word ("háng" of
# "tháng") that the regex engine finds with a fast C search, checked by lookarounds for the
# rest of the word and the words after it. At each hit, the family's own pattern matches from
# the start of the word, and the words before it ("ngày", "sáng", "cuối", ...) are taken in
# Python. Patterns that start with optional words would make the engine try every position.

_S = r"[^\S\n]"
_SP = r"[^\S\n]+"          # spaces that stay on one line
_SP0 = r"[^\S\n]*"
_DASH = r"[-–—]"
_NE = r"(?![\d]|[.,/:-]\d|[^\W\d_]|/\w)"    # a number ends here
_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:1\d\d\d|20\d\d|21\d\d)"
_WE = r"(?!\w)"  # a word ends here
_REL_WORDS = r"vừa qua|sắp tới|qua|trước|tới|sau|này|rồi"
_AFTER_LEAD = r"(?:(?<=[Nn]gày[ \xa0])|(?<=[Hh]ôm[ \xa0]))"


def _family(*alts):
    return re.compile("|".join(f"(?P<{k}>{p})" for k, p in alts))


# Atoms that start with a digit.
_DIGIT_FAMILY = _family(
    ("iso", rf"(?P<iso_y>{_Y})-(?P<iso_m>1[0-2]|0[1-9])-(?P<iso_d>3[01]|[12]\d|0[1-9]){_NE}"),
    # (1961-2021), 2016 - 2020
    ("yrange", rf"(?P<yrange_a>{_Y}){_SP0}(?:{_DASH}|(?:đến|tới){_WE}){_SP0}(?:[Nn]ăm{_SP})?(?P<yrange_b>{_Y}){_NE}"),
    # 11-12/10, 26 - 28/6/2017, 11 đến 12/10, 28 và 29/10
    ("drange", rf"(?P<drange_a>{_D}){_SP0}(?P<drange_c>{_DASH}|(?:đến|tới|và){_WE}){_SP0}(?:ngày{_SP})?"
               rf"(?P<drange_b>{_D})/(?P<drange_m>{_M})(?:/(?P<drange_y>{_Y}))?{_NE}"),
    # 30/4-1/5, 18/4 - 25/4, 30/4/1975-30/4/2021
    ("dmrange", rf"(?P<dmrange_d1>{_D})/(?P<dmrange_m1>{_M})(?:/(?P<dmrange_y1>{_Y}))?{_SP0}{_DASH}{_SP0}"
                rf"(?P<dmrange_d2>{_D})/(?P<dmrange_m2>{_M})(?:/(?P<dmrange_y2>{_Y}))?{_NE}"),
    # 23/10/2020, 23-10-2020, 16.4.2021
    ("dmy", rf"(?P<dmy_d>{_D})(?P<dmy_s>[/.-])(?P<dmy_m>{_M})(?P=dmy_s)(?P<dmy_y>{_Y}){_NE}"),
    # (ngày) 23 tháng 10 (năm 2020)
    ("dtext", rf"(?P<dtext_d>{_D}){_SP}tháng{_SP}(?P<dtext_m>{_M}){_NE}"
              rf"(?:{_SP0},?{_SP0}năm{_SP}(?P<dtext_y>{_Y}){_NE}|/(?P<dtext_y2>{_Y}){_NE})?"),
    # ngày 10.2, ngày 23-10 (the dotted form only after "ngày"/"hôm")
    ("ddot", rf"{_AFTER_LEAD}(?P<ddot_d>{_D})[.-](?P<ddot_m>{_M}){_NE}"),
    ("dm", rf"(?P<dm_d>{_D})/(?P<dm_m>{_M}){_NE}"),
    ("mybare", rf"(?P<mybare_m>{_M})/(?P<mybare_y>{_Y}){_NE}"),
    # 20h, 8h30, 20 giờ, 8 giờ 30 phút, 20:00, each maybe with "sáng"/"chiều"/... after it
    ("clock", rf"(?P<clock_h>2[0-4]|[01]?\d)(?:(?i:h|g(?=[0-5]\d))(?P<clock_m>[0-5]\d)?(?:'|(?i:p){_WE})?(?![\w])|"
              rf"{_SP0}giờ{_WE}(?:{_SP}(?P<clock_m2>[0-5]?\d){_NE}(?:{_SP}phút{_WE})?)?|"
              rf":(?P<clock_m3>[0-5]\d)(?![\d:]))(?:{_SP}(?P<clock_pod>(?i:sáng|trưa|chiều|tối|đêm|khuya)){_WE}"
              rf"(?!{_SP}(?:nay|qua|mai|hôm|cùng){_WE}))?"),
    # ngày 21, hôm 27: a day of the month alone
    ("dayonly", rf"{_AFTER_LEAD}(?P<dayonly_d>{_D}){_NE}"),
)
_MONTH_FAMILY = _family(
    ("my", rf"[Tt]háng{_SP}(?P<my_m>{_M})(?:{_SP0}{_DASH}{_SP0}(?P<my_m2>{_M}))?(?:/|{_SP}năm{_SP}|-)(?P<my_y>{_Y}){_NE}"),
    ("month", rf"[Tt]háng{_SP}(?P<month_m>{_M})(?:{_SP0}{_DASH}{_SP0}(?P<month_m2>{_M}))?{_NE}"),
    ("mrel", rf"[Tt]háng{_SP}(?P<mrel_r>{_REL_WORDS}){_WE}"),
)
_YEAR_FAMILY = _family(
    ("yrange", rf"[Nn]ăm{_SP}(?P<yrange_a>{_Y}){_SP0}(?:{_DASH}|(?:đến|tới){_WE}){_SP0}(?:năm{_SP})?(?P<yrange_b>{_Y}){_NE}"),
    # năm 2020; after "những", also "những năm 1990" and "những năm 90"
    ("year", rf"[Nn]ăm{_SP}(?P<year_y>{_Y}|\d0)s?{_NE}(?:{_SP}của{_SP}thế{_SP}k[ỷỉ]{_SP}"
             rf"(?P<year_c>trước|này|XXI|XX|21|20){_WE})?"),
    ("yrel", rf"[Nn]ăm{_SP}(?P<yrel_r>nay|ngoái|tới|sau|trước|kia|rồi|sắp tới|về trước){_WE}"),
)
_DECADE_FAMILY = _family(
    ("decade", rf"[Tt]hập{_SP}(?:niên|k[ỷỉ]){_SP}(?P<decade_n>{_Y}|\d0)s?{_NE}(?:{_SP}của{_SP}thế{_SP}k[ỷỉ]"
               rf"{_SP}(?P<decade_c>trước|này|XXI|XX|21|20){_WE})?"),
)
_QUARTER_FAMILY = _family(
    ("quarter", rf"[Qq]uý{_SP}(?:(?P<quarter_q>[1-4]|IV|III|II|I)(?![\w])(?:(?:/|-|{_SP}năm{_SP})"
                rf"(?P<quarter_y>{_Y}){_NE})?|(?P<quarter_r>này|trước|tới|sau){_WE})"),
)
_CENTURY_FAMILY = _family(
    ("century", rf"[Tt]hế{_SP}k[ỷỉ]{_SP}(?P<century_n>XXI|XX|XIX|XVIII|XVII|XVI|XV|1\d|2[01]|[1-9])(?![\w])"),
)
_WEEK_FAMILY = _family(
    ("week", rf"[Tt]uần(?:{_SP}lễ)?{_SP}(?P<week_r>{_REL_WORDS}|về trước){_WE}"),
)
_WDAY_FAMILY = _family(
    ("wday", rf"(?P<wday_w>[Tt]hứ{_SP}(?:[2-7](?!\w|[.,]\d)|(?i:hai|ba|tư|năm|sáu|bảy|bẩy){_WE})|[Cc]hủ{_SP}[Nn]hật{_WE})"
             rf"(?:{_SP}tuần{_SP}(?P<wday_r>{_REL_WORDS}){_WE})?"),
)
_REL_FAMILY = _family(
    ("rel", rf"(?P<rel_r>[Cc]ùng{_SP}ngày(?!{_SP}\d)(?:{_SP}hôm{_SP}đó)?|(?:[Nn]gày{_SP})?[Hh]ôm(?:{_SP}ngày)?{_SP}"
            rf"(?:nay|qua|kia|sau|đó)|[Nn]gày{_SP}(?:mai|kia)){_WE}"),
    ("dago", rf"[Nn]gày{_SP}(?P<dago_r>về{_SP}trước|trước){_WE}"),
)
_POD_FAMILY = _family(
    ("podrel", rf"(?P<podrel_pod>[Ss]áng|[Tt]rưa|[Cc]hiều|[Tt]ối|[Đđ]êm){_SP}"
               rf"(?P<podrel_r>hôm{_SP}nay|hôm{_SP}qua|nay|qua|mai|cùng{_SP}ngày|hôm{_SP}sau|hôm{_SP}đó){_WE}"),
)
_AGO_FAMILY = _family(
    ("ago", rf"[Cc]ách{_SP}đây{_SP}(?P<ago_n>\d{{1,3}}(?!\d)|(?:(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|"
            rf"mốt|tư|lăm){_S}?)+?){_SP0}(?P<ago_u>ngày|tuần|tháng|năm){_WE}"),
)


_NEXT_REL = rf"{_SP}(?:{_REL_WORDS}|về|nay|ngoái|kia|vừa|sắp)"
_POD_AFTER = rf"(?={_SP}(?:nay|qua|mai|hôm|cùng){_WE})"
# Key words as (tail, head, context after, family). The tail starts at the word's first
# marked vowel, a rarer character than its first letter, so that one scan finds them all.
_KEYWORDS = [
    ("áng", "[Tt]h", rf"(?=(?:{_SP}[0-9]|{_NEXT_REL}))", _MONTH_FAMILY),
    ("ăm", "[Nn]", rf"(?=(?:{_SP}[0-9]|{_NEXT_REL}))", _YEAR_FAMILY),
    ("ập", "[Tt]h", rf"(?={_SP}(?:niên|k[ỷỉ]))", _DECADE_FAMILY),
    ("ý", "[Qq]u", rf"(?={_SP}(?:[1-4IV]|này|trước|tới|sau))", _QUARTER_FAMILY),
    ("ế", "[Tt]h", rf"(?={_SP}k[ỷỉ]{_SP}[0-9IVX])", _CENTURY_FAMILY),
    ("ần", "[Tt]u", rf"(?=(?:{_SP}lễ)?{_NEXT_REL})", _WEEK_FAMILY),
    ("ứ", "[Tt]h", rf"(?={_SP}(?:[2-7]|[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb][ảẩ]y){_WE})", _WDAY_FAMILY),
    ("ủ", "[Cc]h", rf"(?={_SP}[Nn]hật{_WE})", _WDAY_FAMILY),
    ("ôm", "[Hh]", rf"(?={_SP}(?:nay|qua|kia|sau|đó|ngày){_WE})", _REL_FAMILY),
    ("ày", "[Nn]g", rf"(?={_SP}(?:mai|kia|hôm|về|trước){_WE})", _REL_FAMILY),
    ("ùng", "[Cc]", rf"(?={_SP}ngày{_WE})", _REL_FAMILY),
    ("ách", "[Cc]", rf"(?={_SP}đây{_WE})", _AGO_FAMILY),
    ("áng", "[Ss]", _POD_AFTER, _POD_FAMILY),
    ("ều", "[Cc]hi", _POD_AFTER, _POD_FAMILY),
    ("ối", "[Tt]", _POD_AFTER, _POD_FAMILY),
    ("êm", "[Đđ]", _POD_AFTER, _POD_FAMILY),
    ("ưa", "[Tt]r", _POD_AFTER, _POD_FAMILY),
]
# Each alternative starts with a literal, so the engine skips in C to the characters that
# may begin one; an empty group at its end names the keyword that matched.
_KEYWORD_RE = re.compile("|".join(
    rf"{tail}(?<={head}{tail})(?<!\w{head}{tail}){after}(?P<k{i}>)"
    for i, (tail, head, after, _) in enumerate(_KEYWORDS)))
_KEYWORD_FAMILY = {f"k{i}": (len(re.sub(r"\[[^]]*\]", "x", head)), fam)
                   for i, (_, head, _, fam) in enumerate(_KEYWORDS)}
# The families by the number the C scan (_core.timex_hits) gives: 0 digits, 1 + k key word k.
_FAMILIES = [_DIGIT_FAMILY] + [fam for _, _, _, fam in _KEYWORDS]
# The families whose common atoms are read in C (_core.timex_hits_nfc): digits ("D/M", "D/M/YYYY",
# "M/YYYY", clock times), "tháng", "năm", "thứ" and "chủ"
_C_HITS = frozenset((0, 1, 2, 7, 8))
assert [_FAMILIES[k] for k in sorted(_C_HITS)] == [_DIGIT_FAMILY, _MONTH_FAMILY, _YEAR_FAMILY, _WDAY_FAMILY, _WDAY_FAMILY]
# The two scans as regular expressions: what _core.timex_hits does in C (the tests compare them).
_DIGIT_RE = re.compile(
    r"[0-9](?<![\w.,/:][0-9])(?<![^\W\d_]-[0-9])(?:(?=[0-9]{0,3}(?:[/.:–—-][0-9]|[hg]|"
    rf"{_SP0}(?:giờ|[–—-]|đến|tới|và|tháng)))|(?<=gày[ \xa0][0-9])|(?<=ôm[ \xa0][0-9]))")

# Text between two atoms that makes them one range, or a clock time and its date one phrase.
_RANGE_GAP = re.compile(rf"{_SP0}(?:{_DASH}|(?i:đến|tới|cho đến|đến hết|tới hết)){_SP0}\Z")
_ATTACH_GAP = re.compile(rf"(?:{_SP0},)?{_SP0}(?:(?i:vào|của|trong|ngày|hôm){_SP})?\(?{_SP0}\Z")
_FROM_BEFORE = re.compile(rf"(?i:từ){_SP}\Z")
_TZ_AFTER = re.compile(rf"{_SP0}\(?{_SP0}(?i:theo{_SP})?(?i:giờ){_SP}(?P<tz>[^\W\d_]+(?:{_SP}[^\W\d_]+)?)")
_TRAIL_REL = re.compile(rf"{_SP}(?i:(?P<r>vừa qua|vừa rồi|sắp tới|qua|tới|này))(?!\w)")
_TRAIL_YEAR = re.compile(rf"{_SP}(?i:năm){_SP}(?P<r>(?i:nay|ngoái|tới|sau|trước|kia|rồi)){_WE}")
_CLOSE_PAREN = re.compile(rf"{_SP0}\)")
_NEXT_WORD = re.compile(r"[^\S\n]+(\w+)")
_SENT_START = re.compile(r"(?:^|[.!?\n])[^.!?\n]*\Z")
_SENT_END = re.compile(r"[.!?\n]")
_FUTURE_PAST = re.compile(r"(?<!\w)(?i:(?P<f>sẽ|sắp|dự kiến|dự định|chuẩn bị|lên kế hoạch)|(?P<p>đã|vừa|từng|hồi))(?!\w)")

_POD_CODE = {"rạng sáng": "MO", "sáng sớm": "MO", "sáng": "MO", "trưa": "MI", "chiều": "AF",
             "chiều tối": "EV", "tối": "EV", "đêm khuya": "NI", "nửa đêm": "NI", "đêm": "NI", "khuya": "NI"}
_POD1 = {"sáng", "trưa", "chiều", "tối", "đêm", "khuya"}
_POD2 = {"rạng sáng", "sáng sớm", "chiều tối", "đêm khuya", "nửa đêm"}
_MOD1 = {"đầu", "giữa", "cuối"}
_MOD2 = {"thượng tuần", "trung tuần", "hạ tuần"}
_WEEKDAY = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "4": 2, "năm": 3, "5": 3, "sáu": 4, "6": 4,
            "bảy": 5, "bẩy": 5, "7": 5, "chủ nhật": 6}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10,
          "XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21}
# The second words of the two-word prefixes _take looks for.
_SECOND_WORDS = {p.split()[1] for p in _POD2 | _MOD2}
_MODS = {"đầu": "START", "thượng tuần": "START", "giữa": "MID", "trung tuần": "MID",
         "cuối": "END", "hạ tuần": "END"}
# Words before "thứ hai" that make it a weekday rather than "second".
_WEEKDAY_LEADS = {"vào", "hồi", "từ", "đến", "tới", "lúc", "sáng", "trưa", "chiều", "tối", "đêm",
                  "ngày", "hôm", "các", "mỗi", "hằng", "hàng", "trước", "sau", "cho"}
# Words before a number that make "N giờ" a duration.
_DURATION_LEADS = {"trong", "vòng", "mất", "suốt", "mỗi", "cả", "chỉ", "kéo", "dài", "thêm", "hơn", "gần",
                   "những", "các", "vài", "mấy", "nhiều"}
_CLOCK_LEADS = {"lúc", "vào", "từ", "đến", "tới", "khoảng", "hồi", "chừng", "trước", "sau", "tầm", "đầu", "cuối"}
# Words before "tuần trước", "năm sau" that make them "N weeks ago", "N years later".
_QUANT_LEADS = {"những", "các", "vài", "mấy", "nhiều", "mỗi", "hàng", "từng", "mọi", "bao", "một", "hai",
                "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "mươi", "lăm", "mốt", "tư", "chục"}
# Words before "15/2020" that make it a document number, not a date.
_NUMBER_LEADS = {"số", "hiệu", "định", "tư", "lệnh", "văn", "bản", "luật", "quyết", "vòng", "lệ", "tỷ", "tỉ"}
_ORDINAL_AFTER = {"liên", "của", "kể", "trong", "sau", "thi", "làm", "đầu", "tiếp", "điều"}
_QUARTER_LEADS = {"", "trong", "vào", "đầu", "giữa", "cuối", "hết", "từ", "đến", "sang", "của", "với", "so"}
_TZ = {"địa phương": "local", "hà nội": "ICT", "việt nam": "ICT", "vn": "ICT", "gmt": "UTC",
       "utc": "UTC", "quốc tế": "UTC"}
_BACK = {"qua", "vừa qua", "vừa rồi", "rồi", "trước"}
_AHEAD = {"tới", "sắp tới", "sau"}
# Words that may follow a trailing "qua"/"tới" cue ("ngày 23/10 tới trong ...").
_FUNCTION_WORDS = {"trong", "tại", "ở", "để", "và", "khi", "nhằm", "với", "theo", "sau", "trước", "là", "đã",
                   "sẽ", "có", "thì", "mà", "nhưng", "cho", "của", "do", "bởi", "vì", "nữa", "này", "đó",
                   "các", "những", "ông", "bà", "hai", "ba", "nhiều", "hơn", "lúc", "vào", "cũng", "đều", "vẫn",
                   "mới", "chưa", "không", "được", "bị", "nên", "rồi", "liên", "tiếp", "nhân", "trên"}
_FRACTION_LEADS = {"chiếm", "khoảng", "gần", "hơn", "bằng", "giảm", "tăng", "mất", "còn", "đạt", "trên", "dưới",
                   "lệ", "phần", "nửa", "tỷ", "tỉ"}
_FRACTION_FOLLOWERS = {"tổng", "số", "dân", "diện", "lượng", "phần", "quãng", "lãnh", "nhu", "giá"}
_DATE_LEADS = {"vào", "từ", "đến", "tới", "hồi", "trước", "sau", "đầu", "cuối", "lúc", "hết", "tối", "sáng",
               "chiều", "trưa", "đêm", "ngày", "hôm", "là", "tính", "kể", "nay", "dịp", "hạn"}
# Words after "3/5" that are not the noun it counts (so "3/5" stays a date).
_NOT_NOUNS = {"vừa", "qua", "tới", "sắp", "này", "năm", "và", "đến", "tại", "ở", "khi", "đã", "sẽ", "là", "của",
              "cho", "với", "trong", "theo", "lúc", "vào", "hoặc", "hay", "thì", "mà", "nhưng", "được", "bị",
              "có", "không", "chưa", "cũng", "đều", "vẫn", "còn", "ra", "về", "từ", "sau", "trước", "nên", "do",
              "tức", "nhằm", "để", "rồi", "dương", "âm", "tuần", "giờ", "sáng", "chiều", "tối", "đêm", "trưa",
              "nhân", "đúng", "kỷ", "kéo", "diễn", "xảy", "ghi", "công", "ký", "chính", "bắt", "hết", "vì",
              "tính", "liên", "lên", "xuống", "xét", "cập", "thực", "tổ", "phát", "đi", "gặp", "bùng", "cách",
              "bệnh"}


# ---------------------------------------------------------------------------------------
# Atoms: what one match says, before any resolution.

class _Atom:
    """kind, span, fields `f`; `core` is where the matched pattern began, before the words
    taken from the left; `strong` is False when the atom needs a neighbour to count."""
    __slots__ = ("kind", "start", "end", "f", "strong", "core")

    def __init__(self, kind, start, end, f, strong=True, core=None):
        self.kind, self.start, self.end, self.f, self.strong = kind, start, end, f, strong
        self.core = start if core is None else core


def _lower(s):
    return s.lower() if s else s


def _words_before(text, s, n=4):
    """Up to `n` words right before `s` on its line, nearest first, as (lowercase word, start).

    Only spaces may separate them: punctuation ends the list.
    """
    return _four_words_before(text, s)[:n]


# Cached: an atom asks about the same position several times. The words are read in C
# (_core.timex_words_before); _py_four_words_before says what it does, in Python.
_four_words_before = lru_cache(maxsize=256)(timex_words_before)


def _py_four_words_before(text, s, n=4):
    lo = max(0, s - 40)
    chunk = text[lo:s]
    if not chunk or not chunk[-1].isspace():
        return []
    nl = chunk.rfind("\n")
    if nl >= 0:
        lo, chunk = lo + nl + 1, chunk[nl + 1:]
    out = []
    end = len(chunk)
    for w in reversed(chunk.split()):
        if w.isalnum():
            i = chunk.rfind(w, 0, end)
            out.append((w.lower(), lo + i))
            end = i
            if len(out) < n:
                continue
        else:   # "(ngày": the word counts, the bracket before it ends the list
            j = len(w)
            while j and w[j - 1].isalnum():
                j -= 1
            if j < len(w):
                i = chunk.rfind(w, 0, end) + j
                out.append((w[j:].lower(), lo + i))
        break
    return out


def _after_number(text, s):
    """True if a number ("30.000", "5") ends right before `s`, past spaces."""
    t = text[max(0, s - 3):s].rstrip()
    return bool(t) and t[-1].isdigit()


def _prev_word(text, pos):
    """The word (or number) just before `pos`, lowercased; "" if there is none on the line."""
    ws = _four_words_before(text, pos)
    return ws[0][0] if ws else ""


def _next_word(text, pos):
    """The word right after `pos` past spaces, as written, or "" if punctuation comes first."""
    m = _NEXT_WORD.match(text, pos, pos + 40)
    return m.group(1) if m else ""


def _take(ws, i, ones, twos):
    """Match a one- or two-word prefix (from `ones`/`twos`) at ws[i]; (word, next i) or (None, i)."""
    if i + 1 < len(ws) and ws[i][0] in _SECOND_WORDS and f"{ws[i + 1][0]} {ws[i][0]}" in twos:
        return f"{ws[i + 1][0]} {ws[i][0]}", i + 2
    if i < len(ws) and ws[i][0] in ones:
        return ws[i][0], i + 1
    return None, i


def _lead_and_pod(text, s, lead=None):
    """The "ngày"/"hôm" and "sáng"/"chiều"... before a date at `s`: (lead, pod, new start)."""
    ws = _four_words_before(text, s)    # at most three are read
    i = 0
    if lead is None and ws and ws[0][0] in ("ngày", "hôm"):
        lead, i = ws[0][0], 1
    pod, i = _take(ws, i, _POD1, _POD2)
    return lead, pod, (ws[i - 1][1] if i else s)


def _mod_before(text, s):
    """A "đầu/giữa/cuối/thượng tuần..." before `s`: (mod, new start)."""
    ws = _four_words_before(text, s)    # at most two are read
    mod, i = _take(ws, 0, _MOD1, _MOD2)
    return mod, (ws[i - 1][1] if i else s)


def _number_before(text, s):
    """A number (digits or up to three number words) right before `s`: (value, start) or (None, s)."""
    ws = _words_before(text, s, 3)
    if ws and ws[0][0].isdigit() and len(ws[0][0]) <= 3:
        return int(ws[0][0]), ws[0][1]
    for k in (3, 2, 1):
        if len(ws) >= k:
            v = parse_number(" ".join(w for w, _ in reversed(ws[:k])))
            if v is not None:
                return v, ws[k - 1][1]
    return None, s


def _scan(text, hits=None, years=None):
    """All atoms of `text`, in order, without overlaps; `hits` is timex_hits(text) if known.

    `years` holds what the C scan (_core.timex_hits_nfc) made of year-family and digit hits,
    by position: False for none, else the atom; the hits it leaves out are read here. Without
    it every hit is read here (the tests compare the two)."""
    found = []
    fams, atom, add = _FAMILIES, _atom, found.append
    years = years or {}
    for pos, fam in (timex_hits(text) if hits is None else hits):
        if years and fam in _C_HITS:
            y = years.get(pos)
            if y is not None:
                if y:
                    kind, strong = y[0], True
                    if kind == "date":
                        _, s, e, d, mo, pod, lead, yr = y
                        f = {"d": d, "m": mo, "y": yr or None, "pod": pod, "lead": lead}
                    elif kind == "month":
                        _, s, e, mo, yr, mod = y
                        f = {"m": mo, "y": yr or None, "mod": mod}
                    elif kind == "wday":
                        _, s, e, w, r, pod, lead, strong = y
                        f = {"w": w, "r": r, "pod": pod, "lead": lead}
                    elif kind == "clock":
                        _, s, e, h, mi, pod, strong = y
                        f = {"h": h, "mi": mi, "pod": pod}
                    else:
                        _, s, e, v, mod = y
                        f = {"y": v, "mod": mod} if kind == "year" else {"r": v, "mod": mod}
                    add(_Atom(kind, s, e, f, strong, pos))
                continue
        m = fams[fam].match(text, pos)
        if m is not None:
            a = atom(m, text)
            if a is not None:
                # the match begins at pos
                for x in (a if a.__class__ is list else (a,)):
                    if x.core == x.start:
                        x.core = pos if x.start <= pos else x.start
                    add(x)
    # by start, the longer first: two stable sorts with keys read in C, not a key function
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    atoms, last = [], -1
    for a in found:
        if a.start < last <= a.core:
            # only the words taken from the left overlap ("14h chiều" + "chiều ngày 30/4")
            a.start = a.core
        if a.start >= last:
            atoms.append(a)
            last = a.end
    return atoms


_START, _END = attrgetter("start"), attrgetter("end")


def _atom(m, text):
    """Turn one match into an _Atom (or a list of them), or None when context says it is no time."""
    k = m.lastgroup
    g = m.group
    s, e = m.span()
    if k == "iso":
        return _Atom("date", s, e, {"y": int(g("iso_y")), "m": int(g("iso_m")), "d": int(g("iso_d"))})
    if k == "yrange":
        a, b = int(g("yrange_a")), int(g("yrange_b"))
        if not a < b <= a + 200:
            return None
        if _prev_word(text, s) == "năm":
            s = _words_before(text, s, 1)[0][1]
        s = _with_from(text, s, m.group())
        return _Atom("range", s, e, {"a": _Atom("year", s, e, {"y": a}), "b": _Atom("year", s, e, {"y": b})})
    if k == "drange":
        a, b, mo = int(g("drange_a")), int(g("drange_b")), int(g("drange_m"))
        y = int(g("drange_y")) if g("drange_y") else None
        lead, pod, s = _lead_and_pod(text, s)
        if g("drange_c").lower() == "và":   # "ngày 28 và 29/10": two days, each its own expression
            return [_Atom("date", s, m.end("drange_a"), {"d": a, "m": mo, "y": y, "pod": pod, "lead": lead}),
                    _Atom("date", m.start("drange_b"), e, {"d": b, "m": mo, "y": y})]
        if a >= b:
            return None
        s = _with_from(text, s, g("drange_c"))
        return _Atom("range", s, e, {"a": _Atom("date", s, e, {"d": a, "m": mo, "y": y, "pod": pod, "lead": lead}),
                                     "b": _Atom("date", s, e, {"d": b, "m": mo, "y": y})})
    if k == "dmrange":
        if _prev_word(text, s) in _NUMBER_LEADS:
            return None
        lead, pod, s = _lead_and_pod(text, s)
        y1, y2 = g("dmrange_y1"), g("dmrange_y2")
        return _Atom("range", s, e, {
            "a": _Atom("date", s, e, {"d": int(g("dmrange_d1")), "m": int(g("dmrange_m1")),
                                      "y": int(y1) if y1 else None, "pod": pod, "lead": lead}),
            "b": _Atom("date", s, e, {"d": int(g("dmrange_d2")), "m": int(g("dmrange_m2")),
                                      "y": int(y2) if y2 else None})})
    if k in ("dmy", "dtext", "ddot", "dm"):
        d, mo = int(g(k + "_d")), int(g(k + "_m"))
        y = (g(k + "_y") if k in ("dmy", "dtext") else None) or (g("dtext_y2") if k == "dtext" else None)
        if _prev_word(text, s) in _NUMBER_LEADS:
            return None
        lead, pod, s2 = _lead_and_pod(text, s)
        if k == "dtext" and lead != "ngày" and not y:
            return None                       # "3 tháng 10 ngày" is a duration
        if k == "dm" and not lead and not pod and not _looks_like_date(text, s, e):
            return None
        return _Atom("date", s2, e, {"d": d, "m": mo, "y": int(y) if y else None, "pod": pod, "lead": lead})
    if k in ("my", "mybare", "month"):
        mo = int(g(k + "_m"))
        m2 = int(g(k + "_m2")) if k != "mybare" and g(k + "_m2") else None
        y = int(g(k + "_y")) if k != "month" else None
        mod = None
        if k == "mybare":
            if _followed_by_noun(text, e) or _prev_word(text, s) in _NUMBER_LEADS:
                return None
        else:
            if k == "month" and (_prev_word(text, s) in ("thứ", "mỗi", "hàng", "các", "những")
                                 or _after_number(text, s)):
                return None                   # "9 tháng 10 ngày" is a duration
            mod, s = _mod_before(text, s)
        if m2:
            if m2 <= mo:
                return None
            return _Atom("range", s, e, {"a": _Atom("month", s, e, {"m": mo, "y": y, "mod": mod}),
                                         "b": _Atom("month", s, e, {"m": m2, "y": y})})
        return _Atom("month", s, e, {"m": mo, "y": y, "mod": mod})
    if k == "year":
        n, c = g("year_y"), g("year_c")
        ws = _words_before(text, s, 3)
        if ws and ws[0][0] == "những":       # "những năm 1990": a decade
            if n[-1] != "0":
                return None
            mod, i = _take(ws, 1, _MOD1, _MOD2)
            return _decade(n, c, mod, ws[i - 1][1] if i > 1 else ws[0][1], e)
        if len(n) != 4 or c:
            return None
        mod, s = _mod_before(text, s)
        return _Atom("year", s, e, {"y": int(n), "mod": mod})
    if k == "decade":
        mod, s = _mod_before(text, s)
        return _decade(g("decade_n"), g("decade_c"), mod, s, e)
    if k == "quarter":
        q = g("quarter_q")
        if q:
            mod, s = _mod_before(text, s)
            return _Atom("quarter", s, e, {"q": int(q) if q.isdigit() else _ROMAN[q], "mod": mod,
                                           "y": int(g("quarter_y")) if g("quarter_y") else None})
        if _prev_word(text, s) not in _QUARTER_LEADS:
            return None                       # "cao quý này" is "this noble ..."
        mod, s = _mod_before(text, s)
        return _Atom("relq", s, e, {"r": g("quarter_r"), "mod": mod})
    if k == "century":
        n = g("century_n")
        return _Atom("century", s, e, {"c": int(n) if n.isdigit() else _ROMAN[n]})
    if k in ("week", "mrel", "yrel", "dago"):
        r = " ".join(g(k + "_r").split())
        if r in ("trước", "về trước"):
            n, ns = _number_before(text, s)
            if n is not None:                 # "3 tuần trước": three weeks ago
                if n != int(n) or not 0 < n <= 400 or _next_word(text, e) in ("khi", "đó", "đấy"):
                    return None
                unit = {"week": "tuần", "mrel": "tháng", "yrel": "năm", "dago": "ngày"}[k]
                pre = _words_before(text, ns, 2)
                if len(pre) == 2 and pre[1][0] == "cách" and pre[0][0] == "đây":
                    ns = pre[1][1]
                return _Atom("ago", ns, e, {"n": int(n), "u": unit})
            if k == "dago" or r == "về trước" or _next_word(text, e) in ("đó", "đấy"):
                return None
        if k == "dago" or _prev_word(text, s) in _QUANT_LEADS or _after_number(text, s):
            return None
        mod, s = _mod_before(text, s)
        if k == "week" and mod == "cuối":
            return _Atom("weekend", s, e, {"r": r})
        return _Atom({"week": "rweek", "mrel": "rmonth", "yrel": "ryear"}[k], s, e, {"r": r, "mod": mod})
    if k == "podrel":
        if _prev_word(text, s) == "ánh":       # "ánh sáng qua" is light passing through
            return None
        pod = g("podrel_pod").lower()
        ws = _words_before(text, s, 1)
        if ws and f"{ws[0][0]} {pod}" in _POD2:
            pod, s = f"{ws[0][0]} {pod}", ws[0][1]
        return _Atom("rday", s, e, {"r": " ".join(g("podrel_r").split()), "pod": pod})
    if k == "rel":
        r = " ".join(g("rel_r").lower().split())
        _, pod, s = _lead_and_pod(text, s, lead="-")
        return _Atom("rday", s, e, {"r": r, "pod": pod})
    if k == "wday":
        w = " ".join(g("wday_w").split())
        word = w.split(" ", 1)[1] if w.lower().startswith("thứ") else "chủ nhật"
        lead, pod, s2 = _lead_and_pod(text, s)
        pw = _prev_word(text, s2)
        strong = bool(lead or pod or g("wday_r") or word == "chủ nhật" or word[:1].isupper()
                      or pw in _WEEKDAY_LEADS)
        if not strong and pw in ("lần", "thứ"):
            return None
        if lead == "ngày" and not word[:1].isupper() and _next_word(text, e) in _ORDINAL_AFTER:
            return None                       # "ngày thứ 6 liên tiếp": the sixth day in a row
        return _Atom("wday", s2, e, {"w": _WEEKDAY[word.lower()], "r": g("wday_r"), "pod": pod, "lead": lead},
                     strong)
    if k == "ago":
        n = parse_number(g("ago_n"))
        if n is None or n != int(n) or not 0 < n <= 400:
            return None
        return _Atom("ago", s, e, {"n": int(n), "u": g("ago_u")})
    if k == "clock":
        h = int(g("clock_h"))
        mi = g("clock_m") or g("clock_m2") or g("clock_m3")
        pod = _lower(g("clock_pod"))
        pw = _prev_word(text, s)
        if pw in _DURATION_LEADS or re.match(rf"{_SP}(?i:qua|tới|liên tục|trước khi){_WE}", text[e:e + 14]):
            return None
        if h == 24 and mi and int(mi):
            return None
        strong = bool(mi or pod or pw in _CLOCK_LEADS)
        return _Atom("clock", s, e, {"h": h, "mi": int(mi) if mi else 0, "pod": pod}, strong)
    if k == "dayonly":
        lead, pod, s = _lead_and_pod(text, s)
        # "ngày 21" alone is a day of the month only before a connector or punctuation
        # ("ngày 2 lần" is "twice a day"); "hôm 21" always is.
        if lead == "ngày" and not re.match(
                rf"{_SP0}(?:[,.;:)]|$|\n|{_SP}(?i:và|đến|tới|vừa qua|này|qua){_WE}|{_SP0}{_DASH})", text[e:e + 12]):
            return None
        return _Atom("dayonly", s, e, {"d": int(g("dayonly_d")), "pod": pod, "lead": lead})
    return None


def _with_from(text, s, connector):
    """Take a "từ" before a range joined by "đến"/"tới" ("từ ngày 11 đến 12/10")."""
    if ("đến" in connector or "tới" in connector) and _prev_word(text, s) == "từ":
        return _words_before(text, s, 1)[0][1]
    return s


def _decade(n, c, mod, s, e):
    c = _lower(c)
    if len(n) == 4:
        if n[3] != "0":
            return None
        y = int(n)
    else:
        y = (2000 if c in ("này", "xxi", "21") else 1900) + int(n)
    return _Atom("decade", s, e, {"y": y, "mod": mod})


def _looks_like_date(text, s, e):
    """A bare "D/M" is a date unless it reads as a fraction: a counted noun or "tổng"/"số"
    follows ("3/5 thành viên", "1/3 tổng chi phí"), or "chiếm", "khoảng", "gần"... comes
    before it."""
    ws = _four_words_before(text, s)      # the first two are read
    if ws:
        w0 = ws[0][0]
        if w0 in _FRACTION_LEADS or (len(ws) > 1 and ws[1][0] in _FRACTION_LEADS):
            return False
        if w0 in _DATE_LEADS:
            return True
    w = _next_word(text, e)
    return not (_is_noun(w) or w in _FRACTION_FOLLOWERS)


def _followed_by_noun(text, e):
    return _is_noun(_next_word(text, e))


def _is_noun(w):
    return (w.islower() or w.isupper()) and w not in _NOT_NOUNS and is_counted_noun(w)


# ---------------------------------------------------------------------------------------
# Merging atoms into expressions

_DATEISH = {"date", "dayonly", "rday", "wday"}


def _merge(atoms, text):
    out = []
    i, n = 0, len(atoms)
    while i < n:
        a = atoms[i]
        nxt = atoms[i + 1] if i + 1 < n else None
        ak = a.kind      # the gap between them is cut only for pairs that may join
        # a clock time with its date: "20h ngày 23/10", "9h sáng cùng ngày"
        if ak == "clock" and nxt and nxt.kind in _DATEISH and _ATTACH_GAP.match(gap := text[a.end:nxt.start]):
            out.append(_Atom("datetime", a.start, nxt.end, {"clock": a, "date": nxt}))
            i += 2
            continue
        # a weekday or "sáng nay" with its date: "thứ Hai (12/10)", "Chủ nhật, ngày 18/4",
        # "Sáng nay (1/10)"; the written date wins
        if (ak == "wday" or ak == "rday") and nxt and nxt.kind == "date" \
                and (ak == "wday" or "(" in (gap := text[a.end:nxt.start])) \
                and _ATTACH_GAP.match(gap := text[a.end:nxt.start]):
            end = nxt.end
            if "(" in gap:
                p = _CLOSE_PAREN.match(text, end)
                end = p.end() if p else end
            f = dict(nxt.f)
            f["pod"] = f.get("pod") or a.f.get("pod")
            out.append(_Atom("date", a.start, end, f))
            i += 2
            continue
        out.append(a)
        i += 1
    # ranges: "từ tháng 2/1988 đến tháng 5/1994", "30/4 - 1/5", "từ 0h đến 12h ngày 30/4"
    res = []
    i, n = 0, len(out)
    while i < n:
        a = out[i]
        b = out[i + 1] if i + 1 < n else None
        if b is not None and (a.kind, b.kind) in _RANGE_PAIRS and _RANGE_GAP.match(text, a.end, b.start):
            gap = text[a.end:b.start]
            fr = _FROM_BEFORE.search(text, max(0, a.start - 6), a.start)
            wordy = not re.search(_DASH, gap)
            if fr or not wordy or a.kind == b.kind:
                s = fr.start() if (fr and wordy) else a.start
                res.append(_Atom("range", s, b.end, {"a": a, "b": b}))
                i += 2
                continue
        res.append(a)
        i += 1
    return [a for a in res if a.strong or a.kind == "range" and a.f["a"].kind in ("clock", "datetime")]


# The kinds of two neighbours that may make a range.
_RANGE_PAIRS = frozenset([(k, k) for k in ("date", "month", "year", "clock", "datetime", "quarter")] + [
    ("dayonly", "date"), ("clock", "datetime"), ("date", "datetime"), ("month", "date"), ("date", "month"),
    ("year", "month"), ("dayonly", "datetime")])


# ---------------------------------------------------------------------------------------
# Resolution

_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(y, m):
    return 29 if m == 2 and calendar.isleap(y) else _MONTH_DAYS[m]


@lru_cache(maxsize=4096)
def _month_bounds(y, m):
    return date(y, m, 1), date(y, m, _days_in(y, m))


def _shift_month(y, m, k):
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _week_monday(d):
    return d - timedelta(days=d.weekday())


def _week_value(monday):
    y, w, _ = monday.isocalendar()
    return f"{y}-W{w:02d}"


def _direction(text, atom):
    """(strong, dir): dir -1 looks back, +1 ahead, 0 none; strong when a cue word says so."""
    f = atom.f
    r = f.get("rel")
    if r in _BACK or f.get("lead") == "hôm":
        return True, -1
    if r in _AHEAD:
        return True, 1
    if r == "này":
        return True, 0
    s = atom.start
    if text[max(0, s - 5):s].lower().rstrip().endswith("hồi"):
        return True, -1
    # the nearest tense marker in the sentence, found in C (_core.timex_tense_near)
    return False, timex_tense_near(text, s, atom.end)


def _py_tense_near(text, s, e):
    """What _core.timex_tense_near does: the kind of the tense marker nearest to text[s:e] in
    its sentence (_SENT_START, _SENT_END and _FUTURE_PAST, read with str.rfind and in C)."""
    a = max(0, s - 200)
    lo = max(text.rfind(".", a, s), text.rfind("!", a, s), text.rfind("?", a, s), text.rfind("\n", a, s), a)
    stop = _SENT_END.search(text, e, e + 200)
    hi = stop.start() if stop else min(len(text), e + 200)
    best, dist = 0, 10 ** 9
    for ms, me, future in timex_tense(text, lo, hi):
        dd = s - me if me <= s else ms - e
        if 0 <= dd < dist:
            dist, best = dd, (1 if future else -1)
    return best


def _pick(cands, pub, strong, direction):
    """Choose among (begin, end, payload) candidates the one a reader would mean."""
    if not cands:
        return None
    slack = timedelta(days=1)
    if strong and direction < 0:
        ok = [c for c in cands if c[0] <= pub + slack]
        return max(ok, key=lambda c: c[0]) if ok else min(cands, key=lambda c: c[0])
    if strong and direction > 0:
        ok = [c for c in cands if c[1] >= pub - slack]
        return min(ok, key=lambda c: c[0]) if ok else max(cands, key=lambda c: c[0])

    def cost(c):
        if c[0] <= pub <= c[1]:
            return 0
        if c[1] < pub:
            return (pub - c[1]).days * (2 if direction > 0 else 1)
        return (c[0] - pub).days * (1 if direction > 0 else 2)
    return min(cands, key=cost)


# The year a year-less month or day takes: the same few questions come back in every article.
@lru_cache(maxsize=4096)
def _month_year(pub, mo, strong, direction):
    return _pick([(*_month_bounds(yy, mo), yy) for yy in (pub.year - 1, pub.year, pub.year + 1)],
                 pub, strong, direction)[2]


@lru_cache(maxsize=4096)
def _day_year(pub, mo, d, strong, direction):
    cands = [(dt, dt, yy) for yy in (pub.year - 1, pub.year, pub.year + 1) if _valid(yy, mo, d)
             for dt in (date(yy, mo, d),)]
    c = _pick(cands, pub, strong, direction)
    return c[2] if c else None


class _Ctx:
    """What resolution needs: the text, the publication date, and the last resolved day."""
    __slots__ = ("text", "pub", "last_day")

    def __init__(self, text, pub):
        self.text, self.pub, self.last_day = text, pub, None


def _resolve(a, ctx):
    """(value, begin, end_date, granularity, mod) for an atom or merged expression."""
    k, f, pub = a.kind, a.f, ctx.pub
    if k == "date":
        return _resolve_date(a, ctx)
    if k == "dayonly":
        return _resolve_dayonly(a, ctx)
    if k == "month":
        y, mo = f["y"], f["m"]
        if y is None:
            if f.get("ry") and pub:
                y = _rel_year(pub, f["ry"])
            elif pub:
                strong, d = _direction(ctx.text, a)
                y = _month_year(pub, mo, strong, d)
        if y is None:
            return f"XXXX-{mo:02d}", None, None, "month", _MODS.get(f.get("mod"))
        b, e = _month_bounds(y, mo)
        b, e, mod = _narrow_month(b, e, f.get("mod"))
        return f"{y}-{mo:02d}", b, e, "month", mod
    if k == "year":
        return _year(f["y"], f.get("mod"))
    if k == "ryear":
        if not pub:
            return "XXXX", None, None, "year", _MODS.get(f.get("mod"))
        return _year(_rel_year(pub, f["r"]), f.get("mod"))
    if k == "rmonth":
        if not pub:
            return "XXXX-XX", None, None, "month", _MODS.get(f.get("mod"))
        y, mo = _shift_month(pub.year, pub.month, _rel_step(f["r"]))
        b, e = _month_bounds(y, mo)
        b, e, mod = _narrow_month(b, e, f.get("mod"))
        return f"{y}-{mo:02d}", b, e, "month", mod
    if k in ("rweek", "weekend"):
        if not pub:
            return ("XXXX-WXX-WE" if k == "weekend" else "XXXX-WXX"), None, None, k.lstrip("r"), None
        mon = _week_monday(pub) + timedelta(weeks=_rel_step(f["r"]))
        if k == "weekend":
            return _week_value(mon) + "-WE", mon + timedelta(days=5), mon + timedelta(days=6), "weekend", None
        mod = _MODS.get(f.get("mod"))
        b, e = mon, mon + timedelta(days=6)
        if mod == "START":
            e = mon + timedelta(days=1)
        elif mod == "MID":
            b, e = mon + timedelta(days=2), mon + timedelta(days=3)
        return _week_value(mon), b, e, "week", mod
    if k == "quarter":
        q, y = f["q"], f["y"]
        if y is None and pub:
            strong, d = _direction(ctx.text, a)
            c = _pick([(date(yy, 3 * q - 2, 1), _month_bounds(yy, 3 * q)[1], yy)
                       for yy in (pub.year - 1, pub.year, pub.year + 1)], pub, strong, d)
            y = c[2]
        if y is None:
            return f"XXXX-Q{q}", None, None, "quarter", _MODS.get(f.get("mod"))
        return _quarter(y, q, f.get("mod"))
    if k == "relq":
        if not pub:
            return "XXXX-QX", None, None, "quarter", None
        t = pub.year * 4 + (pub.month - 1) // 3 + _rel_step(f["r"])
        return _quarter(t // 4, t % 4 + 1, f.get("mod"))
    if k == "decade":
        y = f["y"]
        mod = _MODS.get(f.get("mod"))
        b, e = date(y, 1, 1), date(y + 9, 12, 31)
        if mod == "START":
            e = date(y + 3, 12, 31)
        elif mod == "MID":
            b, e = date(y + 4, 1, 1), date(y + 6, 12, 31)
        elif mod == "END":
            b = date(y + 7, 1, 1)
        return f"{y // 10}X", b, e, "decade", mod
    if k == "century":
        c = f["c"]
        return f"{c - 1:02d}", date(max(1, (c - 1) * 100), 1, 1), date((c - 1) * 100 + 99, 12, 31), "century", None
    if k == "rday":
        return _resolve_rday(a, ctx)
    if k == "wday":
        return _resolve_wday(a, ctx)
    if k == "ago":
        return _resolve_ago(a, ctx)
    if k == "clock":
        h, mi = _clock(f)
        return f"XXXX-XX-XXT{h:02d}:{mi:02d}", None, None, "time", None
    if k == "datetime":
        v, b, e, _, _ = _resolve(f["date"], ctx)
        h, mi = _clock({**f["clock"].f, "pod": f["clock"].f.get("pod") or f["date"].f.get("pod")})
        day = v.split("T")[0]
        return f"{day}T{h:02d}:{mi:02d}", b, e, "time", None
    if k == "range":
        return _resolve_range(a, ctx)
    raise AssertionError(k)


def _quarter(y, q, mod):
    """A quarter; "đầu/giữa/cuối quý" narrows it to its first, middle or last month."""
    mod = _MODS.get(mod)
    first = 3 * q - 2 + {"START": 0, "MID": 1, "END": 2}.get(mod, 0)
    last = first if mod else 3 * q
    return f"{y}-Q{q}", date(y, first, 1), _month_bounds(y, last)[1], "quarter", mod


def _clock(f):
    h, mi, pod = f["h"], f["mi"], f.get("pod")
    if pod in ("chiều", "tối", "chiều tối") and h < 12:
        h += 12
    elif pod in ("đêm", "khuya", "đêm khuya") and 6 <= h < 12:
        h += 12
    elif pod in ("đêm", "nửa đêm") and h == 12:
        h = 0
    return h % 24 if not (h == 24 and mi == 0) else 24, mi


def _rel_step(r):
    if r in ("trước", "qua", "vừa qua", "rồi", "ngoái"):
        return -1
    if r in ("tới", "sau", "sắp tới"):
        return 1
    if r == "kia":
        return -2
    return 0


def _rel_year(pub, r):
    return pub.year + _rel_step(r)


@lru_cache(maxsize=1024)
def _year(y, mod):
    mod = _MODS.get(mod)
    b, e = date(y, 1, 1), date(y, 12, 31)
    if mod == "START":
        e = date(y, 4, 30)
    elif mod == "MID":
        b, e = date(y, 5, 1), date(y, 8, 31)
    elif mod == "END":
        b = date(y, 9, 1)
    return str(y), b, e, "year", mod


def _narrow_month(b, e, mod):
    mod = _MODS.get(mod)
    if mod == "START":
        e = b.replace(day=10)
    elif mod == "MID":
        b, e = b.replace(day=11), b.replace(day=20)
    elif mod == "END":
        b = b.replace(day=21)
    return b, e, mod


def _valid(y, m, d):
    return 1 <= m <= 12 and 1 <= d <= _days_in(y, m)


def _day_value(dt, pod):
    v = dt.isoformat()
    return v + "T" + _POD_CODE[pod] if pod else v


def _resolve_date(a, ctx):
    f, pub = a.f, ctx.pub
    d, mo, y, pod = f["d"], f["m"], f["y"], f.get("pod")
    if y is None and f.get("ry") and pub:
        y = _rel_year(pub, f["ry"])
    if y is None and pub:
        strong, dr = _direction(ctx.text, a)
        y = _day_year(pub, mo, d, strong, dr)
    if y is None or not _valid(y, mo, d):
        v = f"XXXX-{mo:02d}-{d:02d}" + ("T" + _POD_CODE[pod] if pod else "")
        return v, None, None, "part_of_day" if pod else "day", None
    dt = date(y, mo, d)
    ctx.last_day = dt
    return _day_value(dt, pod), dt, dt, "part_of_day" if pod else "day", None


def _resolve_dayonly(a, ctx):
    f, pub = a.f, ctx.pub
    d, pod = f["d"], f.get("pod")
    if not pub:
        return f"XXXX-XX-{d:02d}", None, None, "day", None
    strong, dr = _direction(ctx.text, a)
    cands = []
    for k in (-1, 0, 1):
        y, mo = _shift_month(pub.year, pub.month, k)
        if _valid(y, mo, d):
            cands.append((date(y, mo, d), date(y, mo, d), None))
    c = _pick(cands, pub, strong, dr)
    ctx.last_day = c[0]
    return _day_value(c[0], pod), c[0], c[0], "part_of_day" if pod else "day", None


def _resolve_rday(a, ctx):
    r, pod, pub = a.f["r"], a.f.get("pod"), ctx.pub
    gran = "part_of_day" if pod else "day"
    if r in ("cùng ngày", "cùng ngày hôm đó", "hôm đó", "ngày hôm đó"):
        dt = ctx.last_day
    elif r in ("hôm sau", "ngày hôm sau"):
        dt = ctx.last_day + timedelta(days=1) if ctx.last_day else None
    else:
        off = {"hôm nay": 0, "ngày hôm nay": 0, "nay": 0, "hôm qua": -1, "ngày hôm qua": -1, "qua": -1,
               "hôm kia": -2, "ngày mai": 1, "mai": 1, "ngày kia": 2}.get(r)
        dt = pub + timedelta(days=off) if (pub and off is not None) else None
    if dt is None:
        return "XXXX-XX-XX" + ("T" + _POD_CODE[pod] if pod else ""), None, None, gran, None
    ctx.last_day = dt
    return _day_value(dt, pod), dt, dt, gran, None


def _resolve_wday(a, ctx):
    f, pub = a.f, ctx.pub
    w, r, pod = f["w"], f.get("r"), f.get("pod")
    gran = "part_of_day" if pod else "day"
    if not pub:
        return f"XXXX-WXX-{w + 1}", None, None, gran, None
    if r:
        dt = _week_monday(pub) + timedelta(weeks=_rel_step(r), days=w)
    else:
        strong, dr = _direction(ctx.text, a)
        rel = f.get("rel")
        delta = (w - pub.weekday()) % 7            # days ahead to the next such weekday (0 = today)
        if rel in ("tới", "sắp tới"):
            dt = pub + timedelta(days=delta or 7)
        elif not strong and dr > 0 and rel is None:
            dt = pub + timedelta(days=delta)
        elif rel in ("qua", "vừa qua", "vừa rồi"):
            dt = pub - timedelta(days=(7 - delta) if delta else 7)
        elif rel == "này":
            dt = _week_monday(pub) + timedelta(days=w)
        else:
            dt = pub - timedelta(days=(7 - delta) % 7)
    ctx.last_day = dt
    return _day_value(dt, pod), dt, dt, gran, None


def _resolve_ago(a, ctx):
    n, u, pub = a.f["n"], a.f["u"], ctx.pub
    if not pub:
        return {"ngày": "XXXX-XX-XX", "tuần": "XXXX-WXX", "tháng": "XXXX-XX", "năm": "XXXX"}[u], None, None, \
            {"ngày": "day", "tuần": "week", "tháng": "month", "năm": "year"}[u], None
    if u == "ngày":
        dt = pub - timedelta(days=n)
        return dt.isoformat(), dt, dt, "day", None
    if u == "tuần":
        mon = _week_monday(pub) - timedelta(weeks=n)
        return _week_value(mon), mon, mon + timedelta(days=6), "week", None
    if u == "tháng":
        y, mo = _shift_month(pub.year, pub.month, -n)
        return f"{y}-{mo:02d}", *_month_bounds(y, mo), "month", None
    return _year(pub.year - n, None)


def _yearless(x):
    return x.kind in ("date", "dayonly", "month") and x.f.get("y") is None and not x.f.get("ry")


def _resolve_range(a, ctx):
    A, B = a.f["a"], a.f["b"]
    if A.kind == "clock" and B.kind == "datetime":   # "từ 0h đến 12h ngày 30/4"
        A = _Atom("datetime", A.start, A.end, {"clock": A, "date": B.f["date"]})
    if A.kind != "dayonly" and _yearless(B):
        # "30/4 - 1/5", "24/4 tới hết tháng 10": the end is the first such day after the start
        va, ba, ea, ga, _ = _resolve(A, ctx)
        if ba is not None:
            B = _fit(B, ba, after=True)
        vb, bb, eb, gb, _ = _resolve(B, ctx)
    else:
        # "11 đến 12/10", "28/12 - 3/1/2021", "tháng 2 đến tháng 5/1994": the start borrows
        # the month and year it leaves out from the end, and comes before it
        vb, bb, eb, gb, _ = _resolve(B, ctx)
        if bb is not None and _yearless(A):
            A = _fit(A, bb, after=False)
        va, ba, ea, ga, _ = _resolve(A, ctx)
    if ba is None or eb is None or ba > eb:
        # an end that is no date ("31/4") or that comes first: keep what the start says
        return (va, ba, ea, ga, None) if ba is not None else (va, None, None, "range", None)
    return va, ba, eb, "range", None


def _fit(x, anchor, after):
    """A year-less atom given the year (and month) that puts it just after/before `anchor`."""
    f = x.f
    y, m = anchor.year, f.get("m") or anchor.month
    step = 1 if after else -1
    if x.kind == "month":
        if (m < anchor.month) if after else (m > anchor.month):
            y += step
    elif ((m, f["d"]) < (anchor.month, anchor.day)) if after else ((m, f["d"]) > (anchor.month, anchor.day)):
        y, m = _shift_month(y, m, step) if f.get("m") is None else (y + step, m)
    return _Atom("month" if x.kind == "month" else "date", x.start, x.end, {**f, "y": y, "m": m})


def _add_cues(a, text):
    """Attach trailing "vừa qua"/"tới"/"năm ngoái" to year-less atoms; they move the end."""
    if a.kind in ("date", "month", "wday", "dayonly", "quarter") and not a.f.get("y"):
        c = text[a.end:a.end + 1]
        if c == "\n" or not c.isspace():
            return      # both cues begin with a space on the line
        m = _TRAIL_YEAR.match(text, a.end)
        if m and a.kind in ("date", "month"):
            a.f["ry"] = m.group("r").lower()
            a.end = m.end()
            return
        m = _TRAIL_REL.match(text, a.end)
        if m:
            r = m.group("r").lower()
            if r in ("qua", "tới"):
                nxt = _next_word(text, m.end())
                if nxt and nxt not in _FUNCTION_WORDS:
                    return   # "ngày 12/12 qua điện thoại", "23/10 tới Washington"
            a.f["rel"] = r
            a.end = m.end()
    elif a.kind in ("range", "datetime"):
        inner = a.f["b"] if a.kind == "range" else a.f["date"]
        if inner.end == a.end:
            _add_cues(inner, text)
            a.end = inner.end
        if a.kind == "range":
            a.f["a"].f.setdefault("rel", inner.f.get("rel"))


# ---------------------------------------------------------------------------------------
# Public API

def find_times(text: str, published=None, *, tz_offset_hours: float = 7) -> list[TimeExpr]:
    """All time expressions in `text`, in order, resolved against `published`.

    `published` is a date, a datetime (converted to Vietnam's date), an ISO string or None.
    Without it, relative and year-less expressions keep "X" placeholders ("XXXX-10-23")
    and their `begin`/`end_date` are None. Offsets index `text` as given.
    """
    if not text:
        return []
    pub = vietnam_date(published, tz_offset_hours)
    src, omap = text, None
    # the scan also says when the text is surely NFC, which spares the full check
    hits, nfc, years = timex_hits_nfc(text)
    if not nfc and not text.isascii() and not unicodedata.is_normalized("NFC", text):
        omap = _OffsetMap(text)
        src = omap.text
        hits, _, years = timex_hits_nfc(src)
    atoms = _scan(src, hits, years)
    _four_words_before.cache_clear()      # it holds the text
    cue_kinds = _CUE_KINDS
    for a in atoms:
        if a.kind in cue_kinds:
            _add_cues(a, src)
    ctx = _Ctx(src, pub)
    out = []
    add = out.append
    new, (s0, s1, s2, s3, s4, s5, s6, s7, s8) = object.__new__, _SLOT_SET
    for a in _merge(atoms, src):
        value, begin, end_date, gran, mod = _resolve(a, ctx)
        tz = None
        # _TZ_AFTER begins with a space on the line, "(", "theo" or "giờ"
        c = src[a.end:a.end + 1]
        t = _TZ_AFTER.match(src, a.end) if c and (c in "(tTgG" or c != "\n" and c.isspace()) else None
        if t:
            tz = _TZ.get(t.group("tz").lower()) or _TZ.get(t.group("tz").split()[0].lower())
            if tz is None and t.group(0).lstrip().startswith("("):
                tz = "local"
        s, e = (a.start, a.end) if omap is None else (omap.start(a.start), omap.end(a.end))
        # _new_time, inline
        x = new(TimeExpr)
        s0(x, text[s:e])
        s1(x, s)
        s2(x, e)
        s3(x, value)
        s4(x, begin)
        s5(x, end_date)
        s6(x, gran)
        s7(x, mod)
        s8(x, tz)
        add(x)
    return out


# The kinds of atoms _add_cues may extend; it leaves the others as they are.
_CUE_KINDS = frozenset(("date", "month", "wday", "dayonly", "quarter", "range", "datetime"))


# A TimeExpr made by setting its slots directly: the frozen dataclass's __init__ goes through
# object.__setattr__ for each field, twice the time, and find_times makes thousands of them.
_SLOT_SET = tuple(getattr(TimeExpr, name).__set__ for name in TimeExpr.__slots__)
assert TimeExpr.__slots__ == ("text", "start", "end", "value", "begin", "end_date", "granularity", "mod", "tz")


def _new_time(text, start, end, value, begin, end_date, granularity, mod, tz, _new=object.__new__,
              _set=_SLOT_SET):
    t = _new(TimeExpr)
    _set[0](t, text)
    _set[1](t, start)
    _set[2](t, end)
    _set[3](t, value)
    _set[4](t, begin)
    _set[5](t, end_date)
    _set[6](t, granularity)
    _set[7](t, mod)
    _set[8](t, tz)
    return t


_FINE = ("time", "part_of_day", "day", "weekend", "range")


def times_in_span(times, start: int, end: int) -> list[TimeExpr]:
    """The expressions of `times` that lie inside `[start, end)`."""
    return [t for t in times if t.start >= start and t.end <= end]


def time_in_span(times, start: int, end: int) -> TimeExpr | None:
    """The one expression that dates a clause `[start, end)`: the first resolved one of day
    granularity or finer, else the first resolved one, else the first; None if there is none."""
    inside = times_in_span(times, start, end)
    if not inside:
        return None
    for t in inside:
        if t.begin is not None and t.granularity in _FINE:
            return t
    for t in inside:
        if t.begin is not None:
            return t
    return inside[0]
