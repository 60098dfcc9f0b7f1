"""Legacy Vietnamese encodings: decode() and detect_encoding().

Encoders for the round trips are built here from the inverse of the shared byte tables
(../shared/data/legacy-encodings, read at test time), so the tests check the C tables against
the shared facts rather than against themselves.
"""
import json
import os
import pathlib
import re
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

import tintuc
from tintuc import _core

ROOT = pathlib.Path(__file__).resolve().parent.parent
NAMES = ["utf-8", "cp1258", "viscii", "tcvn3", "vni", "viqr"]
LEGACY = NAMES[1:]


def shared_dir():
    base = os.environ.get("TINTUC_SHARED") or str(ROOT.parent / "shared")
    path = pathlib.Path(base)
    if not path.is_dir():
        if os.environ.get("TINTUC_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared folder {path} is missing (TINTUC_REQUIRE_SHARED=1)")
        pytest.skip(f"shared folder {path} is absent (set TINTUC_SHARED)")
    return path


def nfc(s):
    return unicodedata.normalize("NFC", s)


# ---- encoders built from the shared tables -------------------------------------------------

TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # VIQR order: ' ` ? ~ .
VIQR_TONES = "'`?~."
VIQR_SPECIAL = "'`?~.(^+\\"
# what a legacy document without typographic punctuation would carry instead
PLAIN = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-",
         "\u2026": "...", "\u00a0": " ", "\u200b": ""}


def _tsv(path):
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, ch, _ = line.split("\t")
            rows.append((key, ch))
    return rows


def _charmap(path):
    table = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        m = re.match(r"<U([0-9A-Fa-f]{4,6})>\s+/x([0-9a-fA-F]{2})\s", line)
        if m:
            table[int(m.group(2), 16)] = chr(int(m.group(1), 16))
    return table


class Encoders:
    """char -> bytes maps for each legacy encoding, from the shared tables."""

    def __init__(self, d):
        d = d / "data" / "legacy-encodings"
        cp1258 = _charmap(d / "glibc-charmaps" / "CP1258.charmap")
        self.windows = {ch: bytes([b]) for b, ch in cp1258.items() if 0x80 <= b < 0xA0}
        self.viscii = {ch: bytes([b]) for b, ch in _charmap(d / "glibc-charmaps" / "VISCII.charmap").items()
                       if b >= 0x80 or ord(ch) >= 0x80}
        self.tcvn3 = {ch: bytes.fromhex(k) for k, ch in _tsv(d / "decode_tcvn3_abc.tsv")}
        self.vni = {}
        for k, ch in _tsv(d / "decode_vni_windows.tsv"):
            self.vni[ch] = bytes.fromhex(k)
        self.viqr = {ch: k for k, ch in _tsv(d / "decode_viqr.tsv")}
        assert len(self.viscii) >= 134 and len(self.tcvn3) >= 70 and len(self.vni) >= 130 and len(self.viqr) >= 130

    def carried(self, ch, enc):
        """What the encoding keeps of one character: itself, its lowercase (toned capitals in
        TCVN3), a plain stand-in for typographic punctuation, or "?" for the rest."""
        if ord(ch) < 0x80 or enc == "utf-8":
            return ch
        table = {"viscii": self.viscii, "tcvn3": self.tcvn3, "vni": self.vni, "viqr": self.viqr}.get(enc)
        if enc == "cp1258":
            ok = _cp1258_char(ch) is not None
        else:
            ok = ch in table or (enc in ("tcvn3", "vni") and ch in self.windows) or (enc == "viqr" and ch in "đĐ")
        if ok:
            return ch
        if enc == "tcvn3" and ch.lower() in table:
            return ch.lower()
        return PLAIN.get(ch, "?")

    def encode(self, text, enc, **kw):
        if enc == "utf-8":
            return text.encode("utf-8")
        if enc == "cp1258":
            return encode_cp1258(text, **kw)
        if enc == "viqr":
            return self.encode_viqr(text)
        table = {"viscii": self.viscii, "tcvn3": self.tcvn3, "vni": self.vni}[enc]
        out = bytearray()
        for ch in nfc(text):
            for c in self.carried(ch, enc):
                out += c.encode("ascii") if ord(c) < 0x80 else table.get(c) or self.windows[c]
        return bytes(out)

    def expected(self, text, enc):
        """What decoding the encoded text must give back."""
        t = "".join(self.carried(ch, enc) for ch in nfc(text))
        if enc == "viqr":
            # a '.' or '?' that ends a line is punctuation, so a line cannot end in a letter
            # whose tone is the dot below or the hook above
            t = re.sub(r"([^\W\d_])([ \t]*)(?=\r|\n|$)", _viqr_line_end, t)
        return t

    def encode_viqr(self, text):
        out = []
        prev_vowel = False
        for ch in nfc(text):
            for c in self.carried(ch, "viqr"):
                if c == "đ":
                    out.append("dd")
                elif c == "Đ":
                    out.append("DD")
                elif c in self.viqr:
                    out.append(self.viqr[c])
                elif c in VIQR_SPECIAL and (prev_vowel or c == "\\"):
                    out.append("\\" + c)  # RFC 1456 escape
                else:
                    out.append(c)
                base = unicodedata.normalize("NFD", c)[0].lower()
                prev_vowel = base in "aeiouy"
        return "".join(out).encode("ascii")


def _viqr_line_end(m):
    ch = m.group(1)
    d = unicodedata.normalize("NFD", ch)
    for mark, literal in (("\u0323", "."), ("\u0309", "?")):
        if mark in d and d[0].lower() in "aeiouy":
            return nfc(d.replace(mark, "")) + literal + m.group(2)
    return m.group(0)


def _cp1258_char(ch, precomposed=True):
    """The CP1258 bytes of one character, or None."""
    if precomposed or ord(ch) < 0x80:
        try:
            return ch.encode("cp1258")
        except UnicodeEncodeError:
            pass
    d = unicodedata.normalize("NFD", ch)
    tones = "".join(c for c in d if c in TONE_MARKS)
    base = nfc("".join(c for c in d if c not in TONE_MARKS))
    try:
        return (base + tones).encode("cp1258")
    except UnicodeEncodeError:
        return None


def encode_cp1258(text, precomposed=True):
    """Windows-1258 the way Windows writes it: letters the code page has are one byte (with
    precomposed=False only the base letters ă â ê ô ơ ư đ are), tones are combining marks."""
    out = bytearray()
    for ch in nfc(text):
        b = _cp1258_char(ch, precomposed)
        out += b if b is not None else PLAIN.get(ch, "?").encode("ascii")
    return bytes(out)


@pytest.fixture(scope="module")
def enc():
    return Encoders(shared_dir())


# ---- sentences of our own --------------------------------------------------------------------

SENTENCES = [
    "Sáng nay, Thủ tướng đã tiếp đoàn đại biểu của tỉnh Quảng Ngãi tại trụ sở Chính phủ.",
    "Người dân ở Đồng bằng sông Cửu Long đang chuẩn bị ứng phó với đợt xâm nhập mặn mới.",
    "Giá xăng dầu trong nước tiếp tục giảm lần thứ ba liên tiếp, theo Bộ Công Thương.",
    "Đội tuyển bóng đá nữ Việt Nam giành chiến thắng 3-0 trước đối thủ Philippines tối qua.",
    "Cơn bão số 5 đổ bộ vào các tỉnh miền Trung, gây mưa lớn và lũ quét ở vùng núi phía Tây.",
    "Ông Nguyễn Văn Hải, Chủ tịch Ủy ban nhân dân xã, cho biết nhiều hộ dân đã được sơ tán.",
    "Hội nghị thượng đỉnh ASEAN lần thứ 37 được tổ chức trực tuyến từ Hà Nội.",
    "Trường Đại học Quốc gia công bố điểm chuẩn; ngành Khoa học máy tính lấy 28,5 điểm.",
    "Bệnh viện Bạch Mai tiếp nhận thêm ba bệnh nhân nặng, trong đó có một cháu bé bốn tuổi.",
    "ƯU TIÊN HÀNG ĐẦU LÀ ỔN ĐỊNH KINH TẾ VĨ MÔ, KIỂM SOÁT LẠM PHÁT Ở MỨC THẤP.",
    "Ở Ấn Độ, Ủy ban bầu cử yêu cầu các đảng dừng vận động trước ngày bỏ phiếu.",
    "Cô giáo khỏe mạnh trở lại trường sau kỳ nghỉ; các em học sinh rất vui mừng.",
]


@pytest.mark.parametrize("name", LEGACY)
def test_round_trip_own_sentences(enc, name):
    for s in SENTENCES:
        data = enc.encode(s, name)
        assert _core.decode(data, name) == enc.expected(s, name), (name, s, data)


def test_round_trip_cp1258_fully_decomposed(enc):
    for s in SENTENCES:
        data = encode_cp1258(s, precomposed=False)
        assert data != encode_cp1258(s) or s.isascii()
        assert _core.decode(data, "cp1258") == nfc(s)


def test_tcvn3_lowercases_toned_capitals(enc):
    data = enc.encode("ĐẾN HÀ NỘI", "tcvn3")
    assert _core.decode(data, "tcvn3") == "ĐếN Hà NộI"
    assert _core.decode(data, "tcvn3").lower() == "đến hà nội"


def test_viscii_follows_rfc1456(enc):
    d = shared_dir() / "data" / "legacy-encodings"
    glibc = _charmap(d / "glibc-charmaps" / "VISCII.charmap")
    assert sorted(glibc) == list(range(256))
    for b in range(256):
        assert _core.decode(bytes([b]), "viscii") == nfc(glibc[b]), hex(b)
    # the seven capitals RFC 1456 puts in C0 and at 0xA0, where the UniKey variant differs
    assert _core.decode(b"\x02\x05\x06\x14\x19\x1e\xa0", "viscii") == "ẲẴẪỶỸỴÕ"


def test_every_table_byte_decodes_as_the_shared_tables_say(enc):
    d = shared_dir() / "data" / "legacy-encodings"
    for name, fname in (("tcvn3", "decode_tcvn3_abc.tsv"), ("vni", "decode_vni_windows.tsv")):
        for key, ch in _tsv(d / fname):
            assert _core.decode(bytes.fromhex(key), name) == ch, (name, key)
    for key, ch in _tsv(d / "decode_viqr.tsv"):
        # (followed by more text: a '.' or '?' that ends a line is punctuation)
        assert _core.decode(key.encode() + b" x", "viqr") == ch + " x", key


def test_cp1258_agrees_with_python_codec():
    for b in range(256):
        try:
            want = nfc(bytes([b]).decode("cp1258"))
        except UnicodeDecodeError:
            want = None
        got = _core.decode(bytes([b]), "cp1258")
        if want is not None:
            assert got == want, hex(b)
        else:
            assert len(got) == 1  # undefined bytes still give one character
    assert _core.decode("Vie\u0323\u0302t".encode("utf-8")) == "Việt"
    assert _core.decode(b"Vi\xea\xf2t Nam", "cp1258") == "Việt Nam"


def test_vni_longest_match_and_lone_bytes():
    assert _core.decode(b"Vie\xe4t Nam", "vni") == "Việt Nam"
    assert _core.decode(b"\xd1a\xf8 N\xe0\xfeng", "vni").startswith("Đà N")
    assert _core.decode(b"ng\xf6\xf4\xf8i", "vni") == "người"
    # a diacritic byte with no base before it is left as what the byte means on its own
    assert len(_core.decode(b"\xf8", "vni")) == 1


def test_viqr_rules():
    d = _core.decode
    assert d(b"Vie^.t Nam", "viqr") == "Việt Nam"
    assert d(b"DDa` Na(~ng, dda^u", "viqr") == "Đà Nẵng, đâu"
    assert d(b"Ha` No^.i.", "viqr") == "Hà Nội."  # a second tone is the sentence's period
    assert d(b"Anh ddi ra.\nVe^` nha`?", "viqr") == "Anh đi ra.\nVề nhà?"
    assert d(b"ra\\. va\\?", "viqr") == "ra. va?"  # RFC 1456 escapes
    assert d(b"me. to^i", "viqr") == "mẹ tôi"
    assert d(b"add Buddha", "viqr") == "add Buddha"  # dd is đ only where a word starts
    assert d(b"HDDND, Bo^. GDDDT", "viqr") == "HĐND, Bộ GDĐT"  # DD is Đ anywhere
    assert d(b"'gia`nh' cho+i'", "viqr") == "'giành' chơí"  # a quote after a toned word
    assert d(b"gia`nh giu+~", "viqr") == "giành giữ"
    assert d(b"C++ 1+1", "viqr") == "C++ 1+1"
    assert d(b"a\\b", "viqr") == "a\\b"


# ---- UTF-8 -----------------------------------------------------------------------------------

def test_utf8_and_bom():
    s = "Tổng Bí thư đã có chuyến thăm chính thức."
    assert _core.decode(s.encode()) == s
    assert _core.decode(s.encode(), "UTF8") == s
    assert _core.decode(b"\xef\xbb\xbf" + s.encode(), "utf-8") == s
    assert _core.decode(unicodedata.normalize("NFD", s).encode()) == s  # output is NFC
    assert _core.decode("🙂 Hà Nội".encode()) == "🙂 Hà Nội"


@pytest.mark.parametrize("data", [
    b"abc\xffdef", b"Vi\xe1\xbbt", b"x\xe1\xbb", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80",
    b"ok \xf0\x9f\x99", b"\x80", "Hà Nội".encode() + b"\xc3",
])
def test_invalid_utf8_names_the_position_like_python(data):
    with pytest.raises(UnicodeDecodeError) as want:
        data.decode("utf-8")
    with pytest.raises(ValueError) as got:
        _core.decode(data, "utf-8")
    assert isinstance(got.value, UnicodeDecodeError)
    assert (got.value.start, got.value.end, got.value.reason) == (want.value.start, want.value.end,
                                                                  want.value.reason)
    assert f"position {want.value.start}" in str(got.value)


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=64))
def test_utf8_matches_python_on_random_bytes(data):
    try:
        want = data.decode("utf-8")
    except UnicodeDecodeError as e:
        with pytest.raises(UnicodeDecodeError) as got:
            _core.decode(data, "utf-8")
        assert (got.value.start, got.value.end, got.value.reason) == (e.start, e.end, e.reason)
    else:
        if want.startswith("\ufeff"):
            want = want[1:]
        assert _core.decode(data, "utf-8") == nfc(want)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(LEGACY))
def test_legacy_decoders_total_and_nfc(data, name):
    out = _core.decode(data, name)
    assert out == nfc(out)
    assert len(out) <= len(data)
    out.encode("utf-8")  # no surrogates


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_detect_and_decode_accept_any_utf8(text):
    data = text.encode("utf-8")
    name = _core.detect_encoding(data)
    assert name in NAMES
    if name == "utf-8":
        out = _core.decode(data)
        assert out == nfc(data.decode("utf-8").removeprefix("\ufeff"))


# ---- names, types, sizes ---------------------------------------------------------------------

@pytest.mark.parametrize("alias,name", [
    ("utf-8", "utf-8"), ("UTF8", "utf-8"), ("windows-1258", "cp1258"), ("CP1258", "cp1258"),
    ("viscii", "viscii"), ("VISCII", "viscii"), ("tcvn3", "tcvn3"), ("ABC", "tcvn3"), ("vn3", "tcvn3"),
    ("tcvn", "tcvn3"), ("vni", "vni"), ("VNI-Windows", "vni"), ("viqr", "viqr"), ("auto", None),
])
def test_aliases(alias, name):
    data = "Hà Nội".encode("utf-8") if name in (None, "utf-8") else DISTINCT
    out = _core.decode(data, alias)
    assert out == (_core.decode(data, name) if name else "Hà Nội")
    assert _core.decode(data, encoding=alias) == out


# bytes that every legacy encoding reads differently
DISTINCT = b"a^' Vie\xe4t " + bytes(range(0xC0, 0x100))


def test_encodings_differ():
    outs = {name: _core.decode(DISTINCT, name) for name in LEGACY}
    assert len(set(outs.values())) == len(LEGACY), outs


def test_unknown_encoding_lists_the_supported_ones():
    with pytest.raises(ValueError) as e:
        _core.decode(b"abc", "latin-9")
    msg = str(e.value)
    for name in NAMES:
        assert repr(name) in msg
    with pytest.raises(TypeError):
        _core.decode(b"abc", 1258)


@pytest.mark.parametrize("bad", ["Hà Nội", None, 12, 1.5, ["a"]])
def test_type_errors(bad):
    with pytest.raises(TypeError):
        _core.decode(bad)
    with pytest.raises(TypeError):
        _core.detect_encoding(bad)


def test_empty_and_bytes_like():
    assert _core.decode(b"") == ""
    assert _core.detect_encoding(b"") == "utf-8"
    for name in NAMES:
        assert _core.decode(b"", name) == ""
    data = "Đà Lạt mùa hoa dã quỳ".encode()
    for obj in (bytearray(data), memoryview(data), memoryview(bytearray(data))):
        assert _core.decode(obj) == "Đà Lạt mùa hoa dã quỳ"
        assert _core.detect_encoding(obj) == "utf-8"
    strided = memoryview(b"xHxaxNxoxi")[1::2]
    assert _core.decode(strided) == "HaNoi"


def test_large_input(enc):
    para = ("Thành phố Hồ Chí Minh đẩy mạnh chuyển đổi số trong quản lý đô thị, "
            "giảm thủ tục hành chính cho người dân và doanh nghiệp.\n")
    text = para * (24_000_000 // len(para.encode()))
    data = text.encode()
    assert len(data) > 20_000_000
    assert _core.decode(data) == text
    big = bytearray(enc.encode(para, "vni") * (len(text) // len(para)))
    assert _core.detect_encoding(big) == "vni"
    assert _core.decode(big) == text
    broken = data[:-3] + b"\xff" + data[-3:]  # before the final 'p', '.', newline
    with pytest.raises(UnicodeDecodeError) as e:
        _core.decode(broken, "utf-8")
    assert e.value.start == len(data) - 3


def test_composition_across_chunks():
    # decomposed text much longer than the core's normalization chunks
    line = "Người Việt ở nước ngoài gửi tiền về quê hương dịp Tết Nguyên đán.\n"
    text = line * 5000
    assert _core.decode(unicodedata.normalize("NFD", text).encode()) == text
    data = encode_cp1258(line, precomposed=False) * 5000
    assert _core.decode(data, "cp1258") == text
    # up to 30 combining marks in a row compose exactly as NFC says
    few = "a" + "\u0301\u0323" * 15 + "b e\u0302\u0301"
    assert _core.decode(few.encode()) == nfc(few)
    # a pathological run gets a COMBINING GRAPHEME JOINER after every 30 marks (UAX #15
    # stream-safe text), which keeps decoding linear; the result is still NFC
    marks = "a" + "\u0301\u0323" * 70000 + "b"
    safe = "a" + "".join("\u0301\u0323" * 15 + "\u034f" for _ in range(4666)) + "\u0301\u0323" * 10 + "b"
    out = _core.decode(marks.encode())
    assert out == nfc(safe) == nfc(out)
    assert sum(unicodedata.normalize("NFD", ch).count("\u0323") for ch in out) == 70000
    # marks are counted in decompositions (U+1D15E is a note plus a combining stem, U+0344 two
    # marks), so that decoding the output again changes nothing (found by fuzzing)
    odd = "\U0001D15E" + "\u0300" * 40 + " x\u0344" * 3 + "\u0344" * 20 + " \u01af" + "\u0340" * 40
    out = _core.decode(odd.encode())
    assert out == nfc(out) and _core.decode(out.encode()) == out
    assert out.replace("\u034f", "") == nfc(odd)


def test_threads_decode_concurrently(enc):
    # large inputs release the GIL; results must not mix between threads
    from concurrent.futures import ThreadPoolExecutor
    texts = [f"Bản tin số {i}: mưa lớn kéo dài ở các tỉnh phía Bắc, nhiều tuyến đường bị ngập.\n" * 3000
             for i in range(8)]
    jobs = [(bytearray(enc.encode(t, name)), name, t) for t in texts for name in ("vni", "tcvn3", "utf-8")]
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda j: (_core.detect_encoding(j[0]), _core.decode(j[0])), jobs))
    for (data, name, text), (got_name, got) in zip(jobs, results):
        assert got_name == name
        assert got == enc.expected(text, name)


def test_auto_reports_broken_utf8():
    # UTF-8 with a stray byte is still UTF-8: "auto" says where it breaks instead of guessing
    head = ("Hà Nội mùa thu, trời trong xanh. " * 20).encode()
    data = head + b"\xff" + "Đà Nẵng".encode()
    assert _core.detect_encoding(data) == "utf-8"
    with pytest.raises(UnicodeDecodeError) as e:
        _core.decode(data)
    assert e.value.start == len(head)


def test_plain_ascii_is_utf8_unless_it_reads_as_viqr():
    assert _core.detect_encoding(b"The quick brown fox isn't lazy. Is it? It's 5 p.m.") == "utf-8"
    assert _core.detect_encoding(b"Hello, world") == "utf-8"
    assert _core.detect_encoding(b"Vie^.t Nam la` mo^.t quo^'c gia") == "viqr"
    assert _core.detect_encoding(b"def f(x):\n    return x^2 + a(b) if idea(s) else e.g. `auto` C++") == "utf-8"
    assert _core.detect_encoding(b"Anh o+? dda^u?") == "viqr"


def test_public_api_reexports():
    assert tintuc.decode(b"H\xe0 N\xf4\xf2i", "cp1258") == "Hà Nội"
    assert tintuc.detect_encoding("Hà Nội".encode()) == "utf-8"


# ---- detection on real text --------------------------------------------------------------------

def load_articles():
    path = shared_dir() / "corpus" / "dantri" / "unc_docs.jsonl"
    if not path.is_file():
        if os.environ.get("TINTUC_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is missing")
        pytest.skip(f"{path} is absent")
    with path.open(encoding="utf-8") as f:
        return [nfc(json.loads(line)["text"]) for line in f]


def snippet(text, n):
    """About n characters of an article, cut at a word boundary."""
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[:cut if cut > n // 2 else n]


@pytest.mark.parametrize("name", NAMES)
def test_detection_on_dantri_snippets(enc, name):
    articles = load_articles()[::10]  # every tenth article: 266 of them
    wrong = []
    for i, text in enumerate(articles):
        s = snippet(text, 300)
        data = enc.encode(s, name)
        got = _core.detect_encoding(data)
        if got != name:
            wrong.append((i, got))
            continue
        out = _core.decode(data)
        assert out == _core.decode(data, name)
    # every one right on 300 characters of real text; allow one miss in the odd encodings
    assert len(wrong) <= (0 if name in ("utf-8", "cp1258") else 1), wrong[:10]


@pytest.mark.parametrize("name", LEGACY)
def test_decode_auto_restores_dantri_articles(enc, name):
    articles = load_articles()[5::50]
    for text in articles:
        data = enc.encode(text, name)
        want = _core.decode(data, name)
        assert _core.decode(data) == want
        # and it is the article, up to what the encoding cannot carry
        assert _similar(want, enc.expected(text, name)) > 0.97, name


def _similar(a, b):
    import difflib
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() if a != b else 1.0
