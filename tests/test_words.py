"""Words through the pipeline: underthesea-compatible word_tokenize, offsets, hard inputs."""
import math
import unicodedata

import pytest

import tintuc


def test_word_tokenize_like_underthesea():
    text = "Ngoại trưởng Nhật Bản điện đàm với người đồng cấp tại Hà Nội"
    got = tintuc.word_tokenize(text)
    assert "Ngoại trưởng" in got and "điện đàm" in got and "Hà Nội" in got
    assert " ".join(got).split() == text.split()  # nothing lost, nothing added
    as_text = tintuc.word_tokenize(text, format="text")
    assert "Ngoại_trưởng" in as_text and "Hà_Nội" in as_text
    assert as_text.replace("_", " ") == text
    with pytest.raises(ValueError):
        tintuc.word_tokenize(text, format="json")


def test_hyphenated_names_are_one_word():
    got = tintuc.word_tokenize("xung đột ở Nagorno-Karabakh và dịch COVID-19, cả U-crai-na")
    assert "Nagorno-Karabakh" in got and "COVID-19" in got and "U-crai-na" in got
    # a hyphen with a space after it separates
    assert tintuc.word_tokenize("Armenia- Azerbaijan") == ["Armenia", "-", "Azerbaijan"]


def test_words_carry_offsets_into_the_original():
    text = "😀 Hoa\u0300 bi\u0300nh ở\u00a0Ðà Nẵng, ngày 23/10"
    ws = tintuc.words(text)
    for w in ws:
        assert text[w.start:w.end] == w.text
    norm = [unicodedata.normalize("NFC", w.text) for w in ws]
    assert "Hoà bình" in norm and "Ðà Nẵng" in norm
    assert [w.kind for w in ws if w.text == "23/10"] == ["date"]


def test_words_never_cross_sentences_or_lines():
    ws = tintuc.word_tokenize("Việt\nNam. Hà\nNội")
    assert "Việt Nam" not in ws and "Việt\nNam" not in ws and "Hà\nNội" not in ws


def test_hard_inputs():
    # without diacritics, in capitals, decomposed
    assert "Ha Noi" in tintuc.word_tokenize("Thu do Ha Noi dep lam")
    caps = tintuc.word_tokenize("NGOẠI TRƯỞNG NGA ĐIỆN ĐÀM VỚI NGƯỜI ĐỒNG CẤP")
    assert "NGOẠI TRƯỞNG" in caps and "ĐIỆN ĐÀM" in caps
    nfd = unicodedata.normalize("NFD", "Ngoại trưởng điện đàm")
    assert [unicodedata.normalize("NFC", w) for w in tintuc.word_tokenize(nfd)] == ["Ngoại trưởng", "điện đàm"]
    long = " ".join(["Hà Nội là thủ đô"] * 2500)  # 10,000 syllables in one sentence
    words = tintuc.word_tokenize(long)
    assert words.count("Hà Nội") == 2500 and words.count("thủ đô") == 2500


def test_batch_and_missing_values():
    texts = ["Hà Nội đẹp", None, float("nan"), "", "Tôi ở Đà Nẵng."]
    got = tintuc.word_tokenize_many(texts)
    assert got[0] == ["Hà Nội", "đẹp"] and got[1] is None and math.isnan(got[2]) and got[3] == []
    assert got[4] == ["Tôi", "ở", "Đà Nẵng", "."]
    assert tintuc.word_tokenize_many(["Hà Nội đẹp"], format="text") == ["Hà_Nội đẹp"]
    with pytest.raises(TypeError):
        tintuc.word_tokenize_many(["a", 1])
    with pytest.raises(TypeError):
        tintuc.word_tokenize(None)


def test_analyze_parts_are_consistent():
    text = "Hà Nội, 14/3 (TTXVN) - Tối 13/3, Ngoại trưởng Nhật Bản điện đàm với người đồng cấp. Hai bên nhất trí."
    doc = tintuc.analyze(text, published="2023-03-14")
    assert doc.published.isoformat() == "2023-03-14"
    assert len(doc.sentences) == 2
    for part in (doc.sentences, doc.tokens, doc.words):
        for x in part:
            assert text[x.start:x.end] == x.text
    # words tile the tokens
    assert sum(len(w.text.split()) for w in doc.words) >= len([t for t in doc.tokens if t.kind == "word"]) // 2
    assert doc.sentence_of(doc.sentences[1].start) == 1
    with pytest.raises(TypeError):
        tintuc.analyze(3)
    with pytest.raises(ValueError):
        tintuc.analyze("x", published="not a date")
