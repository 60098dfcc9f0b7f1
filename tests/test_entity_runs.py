"""The entity rules' C pass (csrc/core/entity_runs.c) against the plain Python rules it replaced
(tests/entity_reference.py): the same entities on sentences written for each rule, on Dân Trí
articles, on texts made of cue words, names and punctuation, and with a gazetteer of one's own."""
import struct

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import entity_reference as reference
import tintuc
from tintuc import _core, entities
from tintuc.gazetteer import Gazetteer

SENTENCES = [
    "Thứ trưởng Ngoại giao Armenia, ông Vardan Toganyan cho biết Yerevan hoan nghênh. Sau đó ông Toganyan rời Brussels.",
    "Bộ trưởng Ngoại giao Qatar nói với báo giới.",
    "Tổng thống Putin phát biểu. Ông Vladimir Putin phát biểu. Putin nói thêm.",
    "Cuộc tập trận Mỹ - Hàn bắt đầu. Ông ấy hàn lại chiếc xe. Mỹ, Hàn và Nhật họp.",
    "Trung tâm Nghiên cứu Chính sách Biển Ostrava cho biết tàu chở dầu KESTREL bị tấn công gần mỏ dầu khí "
    "Tamarind, tại thị trấn Velkoryn.",
    "Ông Nguyễn Đức Chung và chị Thanh Nga gặp bà Trần Thị Hoa ở Hà Nội, Thái Lan.",
    "Ông Nguyễn Văn A tới Bộ Quốc phòng Hàn Quốc; anh Lê Minh tới Bộ Tình trạng khẩn cấp Nga.",
    "Tổ chức Hiệp ước an ninh tập thể (CSTO) họp. Ủy ban Bộ trưởng của Hội đồng châu Âu ra tuyên bố.",
    "Tàu container MOZART bị cướp ở vịnh Guinea; tàu HMS DEFENDER rời cảng.",
    "Chủ tịch HĐQT Phó Tổng giám đốc Ngoại giao Phó nói. Tổng thống Tổng thống.",
    "Theo hãng tin Reuters, Tổng thống Pháp Emmanuel Macron và Thủ tướng Anh Boris Johnson điện đàm.",
    "Ông Kim Jong-un tới Nagorno-Karabakh. Tại Moskva, Điện Kremlin nói.",
    "ÔNG NGUYỄN VĂN BA tới TP.HCM. Ông Ba nói. Bà Ba ở Vịnh Hạ Long.",
    "Liên hợp quốc (LHQ) và Tổ chức Y tế Thế giới (WHO) cùng Công ty Cổ phần Xây dựng Số 1 (CC1) ký.",
    "Phó Thủ tướng\nPhạm Bình Minh tiếp Đại sứ Nhật Bản tại Hà Nội.",
    "İstanbul, ΣΟΦΙΑ và ông Σmith; Tổng Thống KELVIN gặp ông \u212aim.",
    "Ông Park Hang-seo gặp ông Choi Sang-mok; Tổng thống Trump Organization nói. Ông Park đáp.",
    "Thủ tướng Anh Boris Johnson tới Ý; ông Anh ở Đông Anh; GS Việt tại Trung tâm Y tế; nước Nhật, phường Trung Hòa.",
    "Dự án tại Khu công nghiệp Tràng Duệ và tại Hệ thống Giáo dục; theo Nghị quyết 52; ở Velkoryn.",
]

WORDS = ["ông", "Ông", "ÔNG", "bà", "tổng thống", "Tổng thống", "Bộ trưởng", "bộ", "Bộ", "Quốc phòng", "Ngoại giao",
         "tại", "ở", "vịnh", "Vịnh", "tàu", "container", "Trung tâm", "Tổ chức", "của", "và", "Nguyễn", "Trần",
         "Văn", "Thị", "Đức", "Chung", "Hà", "Nội", "Nga", "Mỹ", "Hàn", "Putin", "Vladimir", "Lavrov", "Hội đồng",
         "Ủy ban", "Liên hợp quốc", "Reuters", "Ostrava", "Velkoryn", "KESTREL", "MOZART", "HĐQT", "CSTO", "Phó",
         "phó", "Chủ tịch", "Kim", "Jong", "un", "cho", "biết", "nói", "an", "ninh", "thị trấn", "İ", "Σ",
         "\u212aim", "ph\u00d3", "Park", "Hang", "seo", "Sang", "Choi", "Anh", "Ý", "Trung", "tâm", "Đông", "GS", "nước", "Thủ tướng"]
SEPS = [" ", " ", " ", ", ", " - ", "-", " (", ") ", ". ", "\n", " và ", ": "]


def pairs(doc):
    return reference.extract(doc), doc.entities


def check(text, **kw):
    doc = tintuc.analyze(text, **kw)
    ref, got = pairs(doc)
    assert got == ref, text
    return got


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences_match_the_python_rules(text):
    check(text)


def test_the_rules_find_something():
    got = check(SENTENCES[0] + " " + SENTENCES[4] + " " + SENTENCES[7])
    labels = {e.text: e.label for e in got}
    assert labels["Vardan Toganyan"] == "PER" and labels["KESTREL"] == "MISC"
    assert labels["Trung tâm Nghiên cứu Chính sách Biển Ostrava"] == "ORG" and labels["CSTO"] == "ORG"


def test_dantri_articles_match_the_python_rules(dantri):
    docs = tintuc.analyze_many([r["text"] for r in dantri[:300]], n_jobs=1)
    for doc in docs:
        ref, got = pairs(doc)
        assert got == ref, doc.text[:80]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), min_size=1, max_size=40))
def test_generated_texts_match_the_python_rules(parts):
    check("".join(w + s for w, s in parts))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ÔôNnGgBbộỘTtổ ,.-()ĐđİΣσ\u212a\nAaHh")), max_size=80))
def test_odd_letters_match_the_python_rules(text):
    check(text)


def test_own_gazetteer_with_a_name_whose_id_a_listed_entity_has():
    gaz = Gazetteer(capitals=True)
    gaz.add("Nguyễn Văn Anh Tuấn", "PER", id="per:nguyen-van-an", flags="surname=An", aliases=["An"])
    gaz.add("Hàn Quốc", "LOC", id="KR", aliases=["Hàn"], flags="short=Hàn")
    gaz.add("Nhật Bản", "LOC", id="JP")
    text = "Ông Nguyễn Văn An đến Nhật Bản - Hàn. An nói. Bộ trưởng An đáp."
    got = check(text, gazetteer=gaz)
    assert [e.id for e in got if e.text == "An"] == ["per:nguyen-van-an"] * 2


def doc_arrays(doc):
    core = doc._core
    form_ent, form_info, _ = tintuc.default_gazetteer()._rule_tables()
    return [core.shape, core.cue_roles, core.flags, core.norm, core.nstart, core.nend, core.word_first,
            core.sent_first, core._matches, form_ent, form_info, 1 << 9, 4]


def test_arrays_that_do_not_fit_are_refused():
    doc = tintuc.analyze("Ông Nguyễn Văn An tới Hà Nội.")
    lex = entities._lexicon()
    good = doc_arrays(doc)
    assert _core.entity_names(lex, tuple(good))
    bad = list(good)
    bad[2] = bytes(good[2])[:-1]  # one token flag short
    with pytest.raises(ValueError):
        _core.entity_names(lex, tuple(bad))
    bad = list(good)
    bad[9] = good[9][:4]  # fewer forms than the matches name
    with pytest.raises(ValueError):
        _core.entity_spans(lex, tuple(bad), b"", b"")
    bad = list(good)
    bad[5] = struct.pack(f"<{len(doc._core.shape)}I", *([10 ** 6] * len(doc._core.shape)))  # past the text
    with pytest.raises(ValueError):
        _core.entity_names(lex, tuple(bad))
    with pytest.raises(ValueError):
        _core.entity_spans(lex, tuple(good), struct.pack("<II", 3, 1), struct.pack("<i", -1))
    with pytest.raises(ValueError):
        _core.entity_spans(lex, tuple(good), struct.pack("<II", 0, 1), b"")
    with pytest.raises(TypeError):
        _core.entity_names(lex, tuple(good[:-1]))
    with pytest.raises(TypeError):
        _core.entity_names(object(), tuple(good))


def test_lexicon_refuses_what_lower_case_cannot_reach():
    bits = [(1 << r, 1 << (16 + r)) for r in range(8)]
    roles = 13                                           # TT_ER_NROLES
    with pytest.raises(ValueError):
        _core.entity_lexicon([["σοφία"]] + [[] for _ in range(roles - 1)], bits)
    with pytest.raises(ValueError):
        _core.entity_lexicon([[""]] + [[] for _ in range(roles - 1)], bits)
    with pytest.raises(TypeError):
        _core.entity_lexicon([[]] * 3, bits)
    assert _core.entity_lexicon([["ông"]] + [[] for _ in range(roles - 1)], bits) is not None


def test_entity_objects_checks_what_it_makes_entities_with():
    doc = tintuc.analyze("Ông Nguyễn Văn An tới Bộ Quốc phòng Nga.")
    core = doc._core
    gaz = tintuc.default_gazetteer()
    lex = entities._lexicon()
    arrays = tuple(doc_arrays(doc))
    make = (entities.Entity, entities._SLOTS, gaz._rule_tables()[2], gaz._entity_fields, entities._rule_id,
            entities._LABELS, entities._RULE_FIELDS)
    args = [lex, arrays, doc.text, core.ostart, core.oend, gaz._index(), make]
    ents, spans, pairs, marks = _core.entity_objects(*args)
    assert ents == doc.entities and len(spans) == 16 * len(ents)
    assert [e.label for e in ents] == ["PER", "ORG"] and marks == struct.pack("<I", 0) and pairs == b""
    with pytest.raises(TypeError):
        _core.entity_objects(*(args[:6] + [make[:-1]]))
    with pytest.raises(TypeError):  # not the slot descriptors
        _core.entity_objects(*(args[:6] + [(make[0], tuple(range(12))) + make[2:]]))
    with pytest.raises(TypeError):
        _core.entity_objects(*(args[:5] + [[], make]))
    with pytest.raises(ValueError):
        _core.entity_objects(*(args[:3] + [b"", core.oend] + args[5:]))
    with pytest.raises(TypeError):  # fields_of gives no tuple
        _core.entity_objects(*(args[:6] + [make[:2] + ({}, lambda *a: None) + make[4:]]))
    with pytest.raises(ValueError):  # an id the index numbers out of range
        _core.entity_objects(*(args[:5] + [{"per:nguyen-van-an": 1 << 40}, make]))
