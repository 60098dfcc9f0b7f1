"""Datelines and attribution: source, place, and whose words a story carries."""
import pytest

import tintuc
from tintuc.attribution import find_attributions

from event_helpers import ents


def found(text, specs=()):
    doc = tintuc.analyze(text)
    return find_attributions(doc, ents(text, specs))


def texts(x):
    return None if x is None else x.text


def test_reporter_with_agency_and_place():
    text = "Theo phóng viên TTXVN tại Paris, Pháp và Đức đã ký thỏa thuận."
    [a] = found(text, [("TTXVN", "ORG", "TTXVN"), ("Paris", "LOC", "FRPAR"), ("Pháp", "LOC", "FR")])
    assert (a.kind, texts(a.source), texts(a.place), a.attributed_to) == ("reporter", "TTXVN", "Paris", None)
    assert a.source.id == "TTXVN" and a.place.id == "FRPAR"
    assert a.text == "Theo phóng viên TTXVN tại Paris" and text[a.start:a.end] == a.text


def test_reporter_quoting_a_body():
    text = "Phóng viên VOV tại Bắc Kinh dẫn thông báo của Bộ Thương mại Trung Quốc cho biết hai bên đã gặp nhau."
    [a] = found(text, [("Bộ Thương mại Trung Quốc", "ORG", "CN-MOFCOM")])
    assert (texts(a.source), texts(a.place), texts(a.attributed_to)) == ("VOV", "Bắc Kinh", "Bộ Thương mại Trung Quốc")
    assert a.attributed_to.id == "CN-MOFCOM"
    assert "Bộ Thương mại" not in a.text          # the phrase ends where the quoted body begins


def test_agency_report_at_the_end_of_a_sentence():
    [a] = found("Hai tàu cá bị tấn công ngoài khơi, hãng thông tấn Yonhap đưa tin.")
    assert (a.kind, texts(a.source)) == ("report", "Yonhap")


def test_taiwan_speaking_is_no_outlet():
    assert found("Đài Loan cho biết sẽ tăng cường tuần tra.", [("Đài Loan", "LOC", "TW")]) == []


def test_theo_an_outlet_and_theo_a_body():
    [a] = found("Theo Reuters, hai bên đã nhất trí.", [("Reuters", "ORG", "org:reuters")])
    assert texts(a.source) == "Reuters" and a.attributed_to is None
    [b] = found("Theo Bộ Y tế, số ca mắc đã giảm.", [("Bộ Y tế", "ORG", "VN-MOH")])
    assert b.source is None and texts(b.attributed_to) == "Bộ Y tế"


def test_dateline_with_place_date_and_agency():
    [a] = found("Hà Nội, 14/3 (TTXVN) - Hai bên đã hội đàm.", [("Hà Nội", "LOC", "VN-HN")])
    assert (a.kind, texts(a.place), texts(a.source)) == ("dateline", "Hà Nội", "TTXVN")
    [b] = found("(Dân trí) - Hai bên đã hội đàm.")
    assert (b.kind, texts(b.source), b.place) == ("dateline", "Dân trí", None)


def test_credit_line_at_the_end():
    attributions = found("Hai bên đã hội đàm tại thủ đô.\nKết quả được công bố sau đó.\nTheo AFP")
    assert [(a.kind, texts(a.source)) for a in attributions] == [("credit", "AFP")]


def test_quoted_person():
    text = "“Chúng tôi sẵn sàng”, hãng tin TASS dẫn lời Ngoại trưởng Nga Sergei Lavrov nói."
    [a] = found(text, [("Nga", "LOC", "RU"), ("Sergei Lavrov", "PER", "LAVROV")])
    assert texts(a.source) == "TASS" and a.attributed_to.id == "LAVROV"


def test_document_fields_and_plain_text():
    doc = tintuc.analyze("Theo phóng viên TTXVN tại Paris, hai bên đã gặp nhau.")
    assert doc.attributions[0].to_dict()["kind"] == "reporter"
    # without an entity recognizer the names come back as spans of the text
    try:
        doc.entities
    except ImportError:
        assert texts(doc.source) == "TTXVN" and texts(doc.dateline_place) == "Paris" and doc.attributed_to is None
    else:
        assert texts(doc.source) == "TTXVN" and texts(doc.dateline_place) == "Paris"


def test_nothing_to_attribute():
    assert found("Hai bên đã gặp nhau theo đúng kế hoạch.") == []
    assert found("") == []


def test_outlet_of_a_country_and_a_known_outlet_alone():
    [a] = found("Đài ABC của Australia đưa tin, đội cứu hộ đã phát hiện con tàu.", [("Australia", "LOC", "AU")])
    assert texts(a.source) == "ABC" and a.text == "Đài ABC của Australia đưa tin"
    [b] = found("SCMP đưa tin, hai bên đã gặp nhau.", [("SCMP", "ORG", "org:scmp")])
    assert b.source.id == "org:scmp"


@pytest.mark.parametrize("text", [
    "Hai bên đã gặp nhau.\nTheo AFP\n",
    "Hai bên đã gặp nhau.\n  Theo Reuters  \nTheo AP\n\n",
    "Theo TTXVN\nHai bên đã gặp nhau.\nTheo Nhân Dân, hôm qua\nTheo AFP",
    "Một dòng.\n\nTheo Reuters\nTheo\n",
])
def test_credit_lines_as_the_expression_reads_them(text):
    # credits are read line by line: what _CREDIT.finditer finds over the last lines
    from attribution_reference import _last_lines
    from tintuc.attribution import _CREDIT
    doc = tintuc.analyze(text)
    norm = doc._core.norm
    tail = _last_lines(norm, 3)
    want = [] if tail is None else [(m.start(), m.end()) for m in _CREDIT.finditer(norm, tail)]
    got = [(a.start, a.end) for a in doc.attributions if a.kind == "credit"]
    assert len(got) == len(want)
