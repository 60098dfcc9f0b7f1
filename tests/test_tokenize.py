"""Tokens and sentences: kinds, offsets into the original text, tiling, sentence edges."""
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tintuc

DROPPED = set("\u200b\ufeff\u00ad\u200e\u200f\u2060\u180e")


def kinds(text):
    return [(t.text, t.kind) for t in tintuc.tokenize(text)]


@pytest.mark.parametrize("text,kind", [
    ("30.000", "number"), ("1.000.000", "number"), ("2,5", "number"), ("1.234,5", "number"),
    ("20%", "number"), ("2,5%", "number"), ("15/19", "number"), ("2020", "number"),
    ("23/10", "date"), ("11-12/10", "date"), ("2/1988", "date"), ("23/10/2020", "date"),
    ("23-10-2020", "date"), ("2020-10-23", "date"), ("10.2.2020", "date"), ("20h", "date"), ("8h30", "date"),
    ("https://dantri.com.vn/the-gioi/abc-123.htm", "url"), ("www.ttxvn.vn", "url"), ("vnexpress.net", "url"),
    ("ban.bien-tap@baotintuc.vn", "email"),
    ("TP.HCM", "word"), ("PGS.TS", "word"), ("TS.", "word"), ("v.v.", "word"), ("U23", "word"), ("H5N1", "word"),
    ("Hà", "word"), ("Москва", "word"), ("O'Brien", "word"),
    ("😀", "symbol"), ("👍🏽", "symbol"), ("🇻🇳", "symbol"), ("👩\u200d👩\u200d👧", "symbol"), ("❤\ufe0f", "symbol"),
    ("$", "symbol"), (",", "punct"), ("...", "punct"), ("…", "punct"), ("“", "punct"),
])
def test_single_token_kinds(text, kind):
    assert kinds(text) == [(text, kind)]


def test_ten_point_two_is_a_date_only_after_ngay():
    assert kinds("ngày 10.2")[-1] == ("10.2", "date")
    assert kinds("Ngày 10.2")[-1] == ("10.2", "date")
    assert kinds("tăng 10.2")[-1] == ("10.2", "number")


def test_hyphenated_names_are_separate_syllables():
    assert [t for t, _ in kinds("Nagorno-Karabakh")] == ["Nagorno", "-", "Karabakh"]
    assert [t for t, _ in kinds("Armenia- Azerbaijan")] == ["Armenia", "-", "Azerbaijan"]
    assert [t for t, _ in kinds("U-crai-na")] == ["U", "-", "crai", "-", "na"]
    assert [t for t, _ in kinds("COVID-19")] == ["COVID", "-", "19"]


def test_missing_space_after_a_sentence():
    assert kinds("Nigeria.15/19 thủy thủ")[:3] == [("Nigeria", "word"), (".", "punct"), ("15/19", "number")]
    assert tintuc.sent_tokenize("ngoài khơi Nigeria.15/19 thủy thủ bị bắt cóc.") == [
        "ngoài khơi Nigeria.", "15/19 thủy thủ bị bắt cóc."]
    assert tintuc.sent_tokenize("hành động quân sự.Từ ngày 11-12/10 tại thủ đô") == [
        "hành động quân sự.", "Từ ngày 11-12/10 tại thủ đô"]


def test_sentences():
    assert tintuc.sent_tokenize("TS. Nguyễn Văn A nói. PGS.TS Lê B ở TP.HCM cũng vậy.") == [
        "TS. Nguyễn Văn A nói.", "PGS.TS Lê B ở TP.HCM cũng vậy."]
    assert tintuc.sent_tokenize('Ông nói: "Tôi đi." Sau đó về.') == ['Ông nói: "Tôi đi."', "Sau đó về."]
    assert tintuc.sent_tokenize("“Xin chào.” Ông nói... rồi đi! Giá 2,5 triệu. Tăng 3.000 người?") == [
        "“Xin chào.”", "Ông nói... rồi đi!", "Giá 2,5 triệu.", "Tăng 3.000 người?"]
    assert tintuc.sent_tokenize("Dòng tiêu đề\nĐoạn đầu tiên. Câu hai") == ["Dòng tiêu đề", "Đoạn đầu tiên.", "Câu hai"]
    assert tintuc.sent_tokenize("Ông ấy... đã đến.") == ["Ông ấy... đã đến."]
    assert tintuc.sent_tokenize("") == []
    assert tintuc.sent_tokenize("   \n ") == []


def test_offsets_index_the_original_text():
    # an emoji (two UTF-16 units) and decomposed marks before the spans, a BOM, an NBSP
    text = "😀\ufeff Hoa\u0300 bi\u0300nh\u00a0ở Ðà Nẵng 23/10 “ok”"
    toks = tintuc.tokenize(text)
    for t in toks:
        assert text[t.start:t.end] == t.text
    words = [unicodedata.normalize("NFC", t.text).replace("\ufeff", "") for t in toks]
    assert words == ["😀", "Hoà", "bình", "ở", "Ðà", "Nẵng", "23/10", "“", "ok", "”"]
    assert toks[0].kind == "symbol" and toks[6].kind == "date"


def test_tokens_are_tuples_with_names():
    t = tintuc.tokenize("Hà Nội")[0]
    assert isinstance(t, tintuc.Token)
    assert (t.text, t.start, t.end, t.kind) == ("Hà", 0, 2, "word") == tuple(t)


def test_bad_input():
    with pytest.raises(TypeError):
        tintuc.tokenize(None)
    with pytest.raises(TypeError):
        tintuc.tokenize(b"x")
    assert tintuc.tokenize("") == []
    toks = tintuc.tokenize("a\x00b\ud800c")
    assert "".join(t.text for t in toks) == "a\x00b\ud800c"


def test_long_text():
    text = "Hà Nội đẹp. " * 50_000
    toks = tintuc.tokenize(text)
    assert len(toks) == 4 * 50_000
    assert len(tintuc.sent_tokenize(text)) == 50_000


def assert_tiles(text, toks):
    pos = 0
    for t in toks:
        assert t.start >= pos, "tokens overlap or go backwards"
        gap = text[pos:t.start]
        assert all(c.isspace() or c in DROPPED for c in gap), (text, gap)
        assert t.end > t.start and text[t.start:t.end] == t.text
        pos = t.end
    assert all(c.isspace() or c in DROPPED for c in text[pos:])


ALPHABET = st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyAĐHNQ0123456789 .,-/:%@'\"()!?\n")
                           + ["à", "ệ", "ữ", "\u0301", "\u0300", "\u00a0", "\u200b", "\ufeff", "😀", "🏽", "\u200d",
                              "🇻", "Ж", "中", "\u2026", "\u201c", "\u00d0", "\ud800", "\x00", "\u0430"])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80) | st.text(max_size=50))
def test_every_character_lies_in_one_token_or_between(text):
    toks = tintuc.tokenize(text)
    assert_tiles(text, toks)
    for a, b in tintuc._core.sentence_spans(text):
        assert 0 <= a < b <= len(text)


def test_corpus_tiles(dantri):
    for doc in dantri[:400]:
        assert_tiles(doc["text"], tintuc.tokenize(doc["text"]))
