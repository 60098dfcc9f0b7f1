"""Quantities in Vietnamese news text: numbers in digits or words, with what they count.

    >>> q = find_quantities("khiến khoảng 30.000 người thiệt mạng")[0]
    >>> q.value, q.approx, q.unit
    (30000, 'about', 'người')

Conventions of Vietnamese print: "." groups thousands ("30.000", "1.000.000") and "," is the
decimal mark ("2,5"). A single "." before one or two digits ("2.5") is read as a decimal
point, as some writers use it. "15/19 thủy thủ" is 15 out of 19 (`total` = 19); a slash
form that can be a day and month ("23/10") is a date and left to `tintuc.timex`, unless a
counted noun follows it ("3/5 thành viên").

Number words are read only where they are numbers: "một số" (some) is not 1, "Ba Lan"
(Poland) is not 3, "năm 2020" is a year and "hai năm" is two years. A single number word
("một", "ba", "năm") counts only before a known counted noun or unit from the lexicon in
data/quantity_lexicon.tsv. Vague amounts give their lower bound: "hàng trăm" is 100,
"hàng chục nghìn" 10,000, "vài chục" 20, all with approx="lower_bound".

A number with nothing counted after it is kept only when it reads as an amount: after a
word such as "đạt", "là", "tăng", or with an approximation ("khoảng 500"); otherwise
("bệnh nhân 2910", "iPhone 12", "phòng 203") it is a label and left out.

`approx` is "about" (khoảng, chừng, tầm, xấp xỉ, ước tính), "at_least" (ít nhất, tối thiểu,
hơn, trên, vượt, ngoài: "more than" is read as its bound), "at_most" (tối đa, không quá, dưới, chưa đến, tới, lên tới), "nearly"
(gần), "lower_bound" (hàng, vài, mấy) or None.
"""
from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ._core import qty_digit_starts, qty_follow, qty_word_hits
from ._text import normalize_with_offsets

__all__ = ["Quantity", "find_quantities", "parse_number", "quantities_in_span", "is_counted_noun"]


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in text with what it counts: `text == source[start:end]`.

    `value` is an int when whole, else a float. `unit` is the counted noun or unit as written
    ("người", "thủy thủ", "USD", "%", "km"), `unit_code` a canonical code for units ("USD",
    "VND", "%", "km", "d" for days). `kind` is "money", "percent", "measure", "duration",
    "age", "count" (a counted noun) or "number" (nothing counted). `total` is the whole of a
    fraction ("15/19" -> 19), `upper` the top of a range ("10-20" -> 20), `classifier` the
    word skipped before the noun ("chiếc" in "3 chiếc máy bay").
    """

    text: str
    start: int
    end: int
    value: int | float
    approx: str | None = None
    unit: str | None = None
    kind: str = "number"
    unit_code: str | None = None
    total: int | float | None = None
    upper: int | float | None = None
    classifier: str | None = None

    @property
    def is_money(self) -> bool:
        return self.kind == "money"

    @property
    def is_percent(self) -> bool:
        return self.kind == "percent"

    @property
    def currency(self) -> str | None:
        return self.unit_code if self.kind == "money" else None

    def to_dict(self) -> dict:
        return {f: getattr(self, f) for f in self.__slots__}


# ---------------------------------------------------------------------------------------
# Lexicon


def _load_lexicon():
    units, nouns, classifiers, humans, stops = {}, set(), set(), set(), set()
    path = Path(__file__).with_name("data") / "quantity_lexicon.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        phrase, role, *extra = line.split("\t")
        if role == "unit":
            kind, code = extra[0].split(":", 1)
            units[phrase] = (kind, code)
        else:
            {"noun": nouns, "classifier": classifiers, "human": humans, "stop": stops}[role].add(phrase)
    return units, nouns, classifiers, humans, stops


_UNITS, _NOUNS, _CLASSIFIERS, _HUMANS, _STOPS = _load_lexicon()
_LEX_FIRST = {p.split()[0].lower() for p in (*_UNITS, *_NOUNS, *_CLASSIFIERS)}
_LONGEST = {}       # first word of a unit or noun -> the most words such an entry has
for _p in (*_UNITS, *_NOUNS):
    _w = _p.split()
    _LONGEST[_w[0]] = max(_LONGEST.get(_w[0], 0), len(_w))


def is_counted_noun(word: str) -> bool:
    """True if `word` begins a counted noun, unit or classifier of the lexicon."""
    return word.lower() in _LEX_FIRST


# ---------------------------------------------------------------------------------------
# Reading numbers

_DIGIT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
# Units after "mươi"/"mười": five is "lăm", one after "mươi" is "mốt", four may be "tư";
# "năm" there is the word for year ("hai mươi năm" is twenty years).
_AFTER_TENS = {"mốt": 1, "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "lăm": 5, "nhăm": 5, "sáu": 6,
               "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_SCALES = {"nghìn": 1000, "ngàn": 1000, "vạn": 10000, "triệu": 10 ** 6, "tỷ": 10 ** 9, "tỉ": 10 ** 9}
_VAGUE = {"hàng": (1, "lower_bound"), "vài": (2, "lower_bound"), "mấy": (2, "lower_bound"),
          "dăm": (5, "about"), "nửa": (Decimal("0.5"), None), "chục": (10, None)}


def _tens(toks, i):
    """"mười lăm" -> 15, "ba mươi mốt" -> 31; (value, next index) or (None, i)."""
    n = len(toks)
    if i < n and toks[i] == "mười":
        v, i = 10, i + 1
        if i < n and toks[i] in _AFTER_TENS and toks[i] not in ("mốt",):
            v, i = v + _AFTER_TENS[toks[i]], i + 1
        return v, i
    if i + 1 < n and toks[i] in _DIGIT_WORDS and toks[i + 1] in ("mươi", "chục"):
        v, j = _DIGIT_WORDS[toks[i]] * 10, i + 2
        if toks[i + 1] == "mươi" and j < n and toks[j] in _AFTER_TENS:
            v, j = v + _AFTER_TENS[toks[j]], j + 1
        return v, j
    return None, i


def _small(toks, i):
    """A number below 1000; (value, next index, compound) or (None, i, False)."""
    n = len(toks)
    if i + 1 < n and toks[i] in _DIGIT_WORDS and toks[i + 1] == "trăm":
        v, i = _DIGIT_WORDS[toks[i]] * 100, i + 2
        if i + 1 < n and toks[i] in ("linh", "lẻ") and toks[i + 1] in _DIGIT_WORDS:
            return v + _DIGIT_WORDS[toks[i + 1]], i + 2, True
        t, j = _tens(toks, i)
        if t is not None:
            return v + t, j, True
        if i < n and toks[i] == "rưỡi":
            return v + 50, i + 1, True
        return v, i, True
    t, j = _tens(toks, i)
    if t is not None:
        return t, j, True
    if i < n and toks[i] in _DIGIT_WORDS:
        return _DIGIT_WORDS[toks[i]], i + 1, False
    return None, i, False


def _parse_words(toks):
    """Read number words from the start of `toks` (lowercase).

    Returns (value, tokens used, approx, compound); value None when no number starts there.
    `compound` is False for a lone digit word ("ba"), which needs a noun to be a number.
    """
    n = len(toks)
    if not n:
        return None, 0, None, False
    approx = None
    if toks[0] in _VAGUE:
        base, approx = _VAGUE[toks[0]]
        i, mult = 1, 1
        while i < n and (toks[i] in _SCALES or toks[i] in ("chục", "trăm")):
            mult *= _SCALES.get(toks[i]) or (10 if toks[i] == "chục" else 100)
            i += 1
        if mult == 1 and toks[0] in ("hàng", "nửa"):
            return None, 0, None, False
        return _num(base * mult), i, approx, mult != 1
    total, i, compound = 0, 0, False
    while i < n:
        v, j, comp = _small(toks, i)
        if v is None:
            break
        mult, k = 1, j
        while k < n and toks[k] in _SCALES:
            mult *= _SCALES[toks[k]]
            k += 1
        if i > 0 and mult == 1 and not comp:
            break        # "ba nghìn năm" is 3,000 years, not 3,005
        v = Decimal(v)
        if mult > 1 and k < n and toks[k] == "rưỡi":
            v, k = v + Decimal("0.5"), k + 1
        total += v * mult
        compound = compound or comp or mult > 1 or i > 0
        i = k
        if mult == 1:
            break
    if i == 0:
        return None, 0, None, False
    return _num(total), i, approx, compound


def _num(d):
    if type(d) is int:
        return d
    d = Decimal(d)
    return int(d) if d == d.to_integral_value() else float(d)


_DIGITS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+\.\d{1,2}(?!\d)|\d+(?:,\d+)?")


_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")


def _digits_value(s):
    """"30.000" -> 30000, "2,5" -> 2.5, "2.5" -> 2.5, "1,000,000" -> 1000000."""
    if s.isdecimal():             # most numbers: int() reads them as Decimal would
        return int(s)
    if s.count(",") > 1:
        return _num(s.replace(",", ""))
    if "." in s:
        if _DOT_DECIMAL.fullmatch(s):
            return _num(s)
        s = s.replace(".", "")
        if s.isdecimal():
            return int(s)
    return _num(s.replace(",", "."))


def parse_number(s: str) -> int | float | None:
    """The value of a number written in digits and/or words; None if it is not one.

    >>> parse_number("30.000"), parse_number("2,5 triệu"), parse_number("một trăm hai mươi")
    (30000, 2500000, 120)
    """
    s = s.strip()
    toks = s.split()
    if not toks:
        return None
    if _DIGITS_RE.fullmatch(toks[0]):
        v, mult = Decimal(str(_digits_value(toks[0]))), 1
        for t in toks[1:]:
            if t.lower() not in _SCALES:
                return None
            mult *= _SCALES[t.lower()]
        return _num(v * mult)
    toks = [t.lower() for t in toks]
    v, used, _, _ = _parse_words(toks)
    return v if used == len(toks) else None


# ---------------------------------------------------------------------------------------
# Finding quantities

_SP = r"[^\S\n]"
# A number after its first digit: "30.000", "1.000.000,5", "2,5", "2.5", "15".
_NUMBER_REST = (r"(?:[0-9]{0,2}(?:\.[0-9]{3})+(?:,[0-9]+)?|[0-9]{0,2}(?:,[0-9]{3}){2,}|[0-9]*\.[0-9]{1,2}(?![0-9])"
                r"|[0-9]*(?:,[0-9]+)?)")
_SCALE_WORDS = "nghìn|ngàn|vạn|triệu|tỷ|tỉ"
_WORD_START = "một|hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín|mười|hàng|vài|mấy|dăm|nửa|chục"
_WORD_NEXT = ("một|hai|ba|bốn|tư|năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín|mười|mươi|mốt|trăm|chục|linh|lẻ|rưỡi|"
              + _SCALE_WORDS)
# Numbers after these words are dates, times, ordinals or labels: rejected in C already.
_NOT_AFTER = "".join(rf"(?<!{w}[ \xa0][0-9])" for w in ("ngày", "Ngày", "hôm", "Hôm", "tháng", "Tháng", "năm", "Năm",
                                                         "lúc", "Lúc", "quý", "thứ", "số", "Số", "sáng", "chiều", "tối"))
# Where a number may begin: a digit, with what may not come before it. _core.qty_digit_starts
# finds these in C; _py_digit_starts says what it does (the tests compare them).
_DIGIT_START = rf"[0-9](?<![\w/:][0-9])(?<![0-9][.,][0-9])(?<!\w-[0-9]){_NOT_AFTER}"
_DIGIT_START_RE = re.compile(_DIGIT_START)
_DIGITS_QTY_RE = re.compile(
    rf"(?P<a>{_DIGIT_START}{_NUMBER_REST})"
    rf"(?:/(?P<b>[0-9]+)(?![0-9/])|{_SP}*(?P<rs>[-–]|(?:đến|tới)(?!\w)){_SP}*(?P<c>[0-9]{_NUMBER_REST}))?"
    r"(?![0-9]|[.,/:][0-9])"     # not part of "15/2020/NĐ-CP" or "20:00"
    rf"(?P<sc>(?:{_SP}+(?:{_SCALE_WORDS})(?!\w))*)(?:{_SP}+(?P<half>rưỡi)(?!\w))?"
    rf"(?:{_SP}*(?P<pct>%)|(?P<att>[^\W\d_][\w²³]*(?:/[^\W\d_]+)?|°C|°))?(?![0-9]|[.,][0-9])"
)
_WORDS_QTY_RE = re.compile(rf"(?i:{_WORD_START})(?:{_SP}+(?:{_WORD_NEXT}))*(?!\w)")
# Number words are found by their tails (from the first marked vowel, rarer than the first
# letter), and only where a number word or a noun of the lexicon follows.
_LEX_FOLLOW = {p.split()[0] for p in (*_UNITS, *_NOUNS, *_CLASSIFIERS) if p[0].isalpha()}
_LEX_NEXT = "|".join(sorted(map(re.escape, _LEX_FOLLOW), key=len, reverse=True))
_FOLLOW = rf"(?={_SP}+(?:{_WORD_NEXT}|{_LEX_NEXT})(?!\w))"


def _head_len(head):
    return len(re.sub(r"\[[^]]*\]", "x", head))


_WORD_TAILS = [("ột", "[Mm]"), ("ười", "[Mm]"), ("ấy", "[Mm]"), ("àng", "[Hh]"), ("ốn", "[Bb]"), ("ảy", "[Bb]"),
               ("ẩy", "[Bb]"), ("ăm", "[NnDd]"), ("ửa", "[Nn]"), ("áu", "[Ss]"), ("ám", "[Tt]"), ("ín", "[Cc]h"),
               ("ục", "[Cc]h"), ("ài", "[Vv]")]
_WORD_SCANS = [
    (re.compile("|".join(rf"{t}(?<={h}{t})(?<!\w{h}{t})(?!\w){_FOLLOW}(?P<h{_head_len(h)}_{i}>)"
                         for i, (t, h) in enumerate(_WORD_TAILS))), None),
    # "hai" is hardly ever anything but two: any lowercase word may follow it
    (re.compile(rf"ai(?<=[Hh]ai)(?<!\w[Hh]ai)(?!\w)(?={_SP}+[^\W\d_])"), 1),
    (re.compile(rf"ba(?<!\wba)(?!\w){_FOLLOW}"), 0),
    (re.compile(rf"Ba(?<!\wBa)(?!\w){_FOLLOW}"), 0),
]
# The scans in C (_core.qty_word_hits) with the words _FOLLOW accepts.
_FOLLOW_WORDS = qty_follow(sorted({*_WORD_NEXT.split("|"), *_LEX_FOLLOW}))


def _py_digit_starts(text):
    return [m.start() for m in _DIGIT_START_RE.finditer(text)]


def _digit_matches(text):
    """_DIGITS_QTY_RE.finditer(text), read only where a number may begin."""
    last = 0
    match = _DIGITS_QTY_RE.match
    for p in qty_digit_starts(text):
        if p >= last:
            m = match(text, p)
            if m is not None:
                last = m.end()
                yield m


def _py_word_hits(text):
    """Where the scans above find a number word, in their order: what _core.qty_word_hits
    does in C (the tests compare them)."""
    out = []
    for scan, head in _WORD_SCANS:
        for h in scan.finditer(text):
            # the head is the part of the word before the tail ("m" of "một", "ch" of "chín")
            out.append(h.start() - (head if head is not None else int(h.lastgroup[1])))
    return out


_AFTER_RE = re.compile(r"[^\S\n]+([^\W\d_][\w\-]*(?:/\w+)?)(?:[^\S\n]+([^\W\d_][\w\-]*))?"
                       r"(?:[^\S\n]+([^\W\d_][\w\-]*))?(?:[^\S\n]+([^\W\d_][\w\-]*))?")
_TOKEN_RE = re.compile(r"\S+")

_APPROX = {"khoảng": "about", "chừng": "about", "tầm": "about", "xấp xỉ": "about", "ước tính": "about",
           "ước chừng": "about", "khoảng chừng": "about", "ước": "about",
           "ít nhất": "at_least", "tối thiểu": "at_least", "không dưới": "at_least", "hơn": "at_least",
           "trên": "at_least", "vượt": "at_least", "vượt quá": "at_least", "ngoài": "at_least",
           "tối đa": "at_most", "không quá": "at_most", "dưới": "at_most", "chưa đến": "at_most",
           "chưa tới": "at_most", "chưa đầy": "at_most", "tới": "at_most", "lên tới": "at_most",
           "lên đến": "at_most", "nhiều nhất": "at_most", "gần": "nearly", "gần như": "nearly"}
_APPROX_SECOND = {k.split()[1] for k in _APPROX if " " in k}
# Words before a number that make it a date, a time, an ordinal or a label, not a quantity.
_SKIP_LEADS = {"ngày", "hôm", "tháng", "quý", "thứ", "lúc", "số", "khoản", "điều", "chương", "mục", "tập",
               "khóa", "khoá", "phiên", "lớp", "phòng", "tầng", "quận", "phường", "tổ", "ấp", "thôn", "xóm",
               "top", "hạng", "phút", "sn", "hiệu", "mã", "mùng", "mồng", "sáng", "trưa", "chiều", "tối", "đêm",
               "rạng", "nhóm", "bảng", "vòng", "khu", "đường", "tuyến", "lô", "căn", "hẻm", "ngõ", "kiệt",
               "nghị", "quyết", "luật", "bản", "kỳ", "đợt", "giai", "đoạn", "mẫu",
               "cấp", "bước", "lộ", "câu", "bài", "hình", "ảnh", "clip", "video", "ca"}
# Words after which a number with nothing counted is still an amount ("đạt 930", "là 5").
_AMOUNT_LEADS = {"là", "đạt", "có", "còn", "lên", "xuống", "tăng", "giảm", "gồm", "tổng", "thêm", "hết", "được",
                 "mất", "với", "bằng", "tới", "đến", "từ", "chỉ", "gấp", "cả", "trong", "mức"}
_DURATION_LEADS = {"trong", "vòng", "mất", "suốt", "sau", "kéo", "dài", "cả"}


def _prev_words(text, s):
    """The two words before `s` on its line, lowercased (the nearest first), and whether the
    nearest is a capitalised word inside a sentence ("Pixel 5", "Quốc lộ 18": a name)."""
    chunk = text[max(0, s - 24):s]
    if not chunk.endswith((" ", "\xa0", "\t")):
        return "", "", False
    if "\n" in chunk:
        chunk = chunk[chunk.rindex("\n") + 1:]
    ws = chunk.split()
    if not ws:
        return "", "", False
    w1 = ws[-1]
    named = w1[0].isupper() and len(ws) > 1 and ws[-2][-1] not in ".!?:;\"“”'(-–" \
        and w1.lower() not in _APPROX
    return w1.lower(), (ws[-2].lower() if len(ws) > 1 else ""), named


def _after(text, e):
    """The match of _AFTER_RE at `e` (or None) and the words it holds."""
    m = _AFTER_RE.match(text, e)
    return (m, [w for w in m.groups() if w]) if m else (None, [])


def _unit_after(text, e, after=None, word_ends=None, fallback=True):
    """(unit, kind, code, classifier, end) for the words after a number at `e`, or None;
    `after` is _after(text, e) when the caller has it already. Without `fallback` only the
    lexicon's nouns and units count."""
    m, words = after or _after(text, e)
    if not m:
        return None
    # the words are groups 1, 2, ... in order (a group after a missing one misses too), so
    # word k ends at m.end(k + 1)
    ends = m.end
    if "/" in words[0] and words[0] not in _UNITS:
        per = _UNITS.get(words[0].split("/", 1)[0])     # "đồng/lượng": đồng per tael
        return (words[0], per[0], per[1], None, ends(1)) if per else None
    hit = _lexicon_at(words, 0)
    if hit:
        n, role = hit
        w0 = words[0]
        if n == 1 and (w0 in _CLASSIFIERS or w0 == "người") and len(words) > 1:
            inner = _noun_at(words, 1, humans_only=(w0 == "người"), ends=ends, word_ends=word_ends, at=2)
            if inner:
                k = inner
                return " ".join(words[1:1 + k]), "count", None, w0, ends(k + 1)
        if role == "noun":
            return " ".join(words[:n]), "count", None, None, ends(n)
        kind, code = _UNITS[" ".join(words[:n])]
        return " ".join(words[:n]), kind, code, None, ends(n)
    if words[0] in _CLASSIFIERS and len(words) > 1:
        k = _noun_at(words, 1, ends=ends, word_ends=word_ends, at=2)
        if k:
            return " ".join(words[1:1 + k]), "count", None, words[0], ends(k + 1)
        return words[0], "count", None, None, ends(1)
    k = _fallback_noun(words, 0, ends, word_ends, 1) if fallback else 0
    if k:
        return " ".join(words[:k]), "count", None, None, ends(k)
    return None


def _lexicon_at(words, i):
    """(length, role) of the longest unit or noun starting at words[i]."""
    longest = _LONGEST.get(words[i])
    if longest is None:
        return None
    for n in range(min(longest, len(words) - i), 0, -1):
        p = " ".join(words[i:i + n])
        if p in _UNITS:
            return n, "unit"
        if p in _NOUNS:
            return n, "noun"
    return None


def _noun_at(words, i, humans_only=False, ends=None, word_ends=None, at=0):
    """How many words from words[i] form the counted noun (0 if none); `ends`, `word_ends`
    and `at` as _fallback_noun takes them."""
    for n in range(min(3, len(words) - i), 0, -1):
        p = " ".join(words[i:i + n])
        if p in _HUMANS or (not humans_only and p in _NOUNS):
            return n
    return 0 if humans_only else _fallback_noun(words, i, ends, word_ends, at)


def _fallback_noun(words, i, ends=None, word_ends=None, at=0):
    """A noun not in the lexicon: one or two lowercase words that are not function words.
    Given `word_ends` (where the segmenter's words end) and `ends` (ends(at + k) the end of
    words[i + k]), the two only when they are one word, or when the first is no word's end."""
    if i >= len(words) or not _plain(words[i]):
        return 0
    if i + 1 < len(words) and _plain(words[i + 1]) and words[i + 1] not in _UNITS:
        return 1 if word_ends is not None and ends(at) in word_ends else 2
    return 1


def _plain(w):
    return w.islower() and w.isalpha() and w not in _STOPS and w not in _DIGIT_WORDS \
        and w not in _SCALES and w not in _AFTER_TENS


# ---------------------------------------------------------------------------------------
# Text that is not NFC (shared with tintuc.timex)

class _OffsetMap:
    """The text composed by the C normalizer (NFC, tone placement left alone) and the way back
    to offsets in the text given, through its alignment (tintuc.normalize_with_offsets)."""

    __slots__ = ("text", "_al")

    def __init__(self, text):
        self.text, self._al = normalize_with_offsets(text, tone=None, fold_punct=False)

    def start(self, i):
        return self._al[i]

    def end(self, i):
        return self._al[i]


def find_quantities(text: str, word_ends=None) -> list[Quantity]:
    """All quantities in `text`, in order, each with its counted noun or unit. `word_ends`
    (offsets in `text` where a word of the segmenter ends; Document.quantities gives them)
    lets a counted noun no lexicon lists end where its word ends: "10 loại ung thư" counts
    "loại", not "loại ung"."""
    if not text:
        return []
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        # read the composed text, report offsets into the one given
        omap = _OffsetMap(text)
        out = []
        for q in _find(omap.text, None):  # composed once: no second pass, whatever NFC left as it was
            s, e = omap.start(q.start), omap.end(q.end)
            out.append(dataclasses.replace(q, text=text[s:e], start=s, end=e))
        return out
    return _find(text, word_ends)


def _find(text: str, word_ends) -> list[Quantity]:
    found = []
    for m in _digit_matches(text):
        q = _from_digits(m, text, word_ends)
        if q is not None:
            found.append(q)
    for s in qty_word_hits(text, _FOLLOW_WORDS):
        m = _WORDS_QTY_RE.match(text, s)
        q = _from_words(m, text, word_ends) if m else None
        if q is not None:
            found.append(q)
    found.sort(key=lambda q: q.start)
    out, last = [], 0
    for q in found:
        if q.start >= last:
            out.append(q)
            last = q.end
    return out


def _approx(text, s, w1, w2):
    """(approx, new start) from the two words `w2 w1` before `s`."""
    if not w1:
        return None, s
    if w2 and w1 in _APPROX_SECOND and (two := f"{w2} {w1}") in _APPROX:
        return _APPROX[two], _find_back(text, s, two)
    if w1 in _APPROX:
        return _APPROX[w1], _find_back(text, s, w1)
    return None, s


def _find_back(text, s, key):
    lo = max(0, s - 20)
    i = text[lo:s].lower().rfind(key.split()[0])
    return lo + i if i >= 0 else s


def _from_digits(m, text, word_ends=None):
    s, e = m.span()
    a, b, c = m.group("a"), m.group("b"), m.group("c")
    att, sc = m.group("att"), m.group("sc")
    w1, w2, named = _prev_words(text, s)
    if w1 in _SKIP_LEADS or named:
        return None
    if w1 == "năm" and "." not in a and len(a) in (3, 4):
        return None                                   # năm 2020 is a year
    value = _digits_value(a)
    total = upper = None
    if b is not None:
        bv = int(b)
        if len(b) == 4 or (1 <= value <= 31 and 1 <= bv <= 12 and not _noun_follows(text, e)):
            return None                               # 23/10, 2/1988: dates
        total = bv
    if c is not None:
        if m.group("rs") in ("-", "–") and "/" in text[e:e + 1]:
            return None                               # 11-12/10: a range of days
        upper = _digits_value(c)
        if upper <= value:
            return None                               # 2-1 is a score
    kind, unit, code, cls = "number", None, None, None
    end = e
    if att:
        if att[0] in "hHgG" and (len(att) == 1 or att[1:].isdigit()):
            if w1 in _DURATION_LEADS or text[e:e + 4].startswith(" qua"):
                unit, kind, code = "giờ", "duration", "h"    # "trong 24h", "24h qua"
            else:
                return None                           # 20h, 8h30: clock times
        elif att in _UNITS:
            unit, (kind, code) = att, _UNITS[att]
        elif att.lower() in ("tr", "k"):              # 5tr, 50k: millions, thousands
            value = _num(Decimal(str(value)) * (10 ** 6 if att.lower() == "tr" else 1000))
            unit, kind, code = None, "number", None
        else:
            return None                               # 5G, 3D, 4K: names, not quantities
    mult = 1
    for t in sc.split():
        mult *= _SCALES[t]
    if m.group("half"):
        value = Decimal(str(value)) + Decimal("0.5")
    if mult != 1 or m.group("half"):
        value = _num(Decimal(str(value)) * mult)
        if upper is not None:
            upper = _num(Decimal(str(upper)) * mult)
    if m.group("pct"):
        unit, kind, code = "%", "percent", "%"
    if unit is None:
        # a bare year counts only what the lexicon lists: "Cúp Quốc gia 2021 diễn ra" counts nothing
        year = mult == 1 and "." not in a and len(a) == 4 and 1800 <= value <= 2100 and not att
        u = _unit_after(text, e, word_ends=word_ends, fallback=not year)
        if u:
            unit, kind, code, cls, end = u
    if kind == "number" and mult == 1 and "." not in a and len(a) == 4 and 1800 <= value <= 2100 and not att:
        return None                                   # a bare year
    if upper is not None and m.group("rs") in ("-", "–") and kind == "number":
        return None                                   # 1-3 alone is a score or a code
    approx, s = _approx(text, s, w1, w2)
    if kind == "number" and approx is None and mult == 1 and total is None and w1 not in _AMOUNT_LEADS:
        return None           # "bệnh nhân 2910", "iPhone 12", "phòng 203": a label, not an amount
    return Quantity(text[s:end], s, end, value, approx, unit, kind, code, total, upper, cls)


def _noun_follows(text, e):
    m = _AFTER_RE.match(text, e)
    if not m:
        return False
    words = [w for w in m.groups() if w]
    return bool(_lexicon_at(words, 0)) or words[0] in _CLASSIFIERS


def _from_words(m, text, word_ends=None):
    s = m.start()
    spans = [(t.start(), t.end()) for t in _TOKEN_RE.finditer(text, s, m.end())]
    toks = [text[i:j] for i, j in spans]
    if toks[0][0].isupper() and len(toks) > 1 and not toks[1].islower():
        return None
    value, used, approx, compound = _parse_words([t.lower() for t in toks])
    if value is None:
        return None
    w1, w2, named = _prev_words(text, s)
    if w1 in _SKIP_LEADS or w1 in ("những", "các") or named:
        return None
    e = spans[used - 1][1]
    after = _after(text, e)
    u = _unit_after(text, e, after, word_ends)
    if not compound:
        # A lone "ba", "năm", "một", "vài" is a number only before a known noun or unit;
        # "hai" before any noun.
        words = after[1]
        hit = words and _lexicon_at(words, 0)
        known = hit or words and words[0] in _CLASSIFIERS
        if not (known or toks[0].lower() == "hai" and u and u[1] == "count"):
            return None
        if value == 1 and hit == (1, "noun") and words[0] != "người" and len(words) > 1 and _plain(words[1]):
            return None       # "một xã hội", "một nhà sản xuất": "một" is "a", the noun is longer
    unit = kind = code = cls = None
    kind = "number"
    end = e
    if u:
        unit, kind, code, cls, end = u
    a2, s2 = _approx(text, s, w1, w2)
    if a2 is not None and approx is None:
        approx, s = a2, s2
    return Quantity(text[s:end], s, end, value, approx, unit, kind, code, None, None, cls)


def quantities_in_span(quantities, start: int, end: int) -> list[Quantity]:
    """The quantities that lie inside `[start, end)`."""
    return [q for q in quantities if q.start >= start and q.end <= end]
