"""The word checks of event triggers (read in C: csrc/core/trigger_check.c) against the
Python reading they replace (tintuc.events.triggers._check), hit for hit."""
from __future__ import annotations

from array import array

import pytest
from hypothesis import given, settings, strategies as st

import tintuc
from tintuc import _core
from tintuc.attribution import find_attributions
from tintuc.events.context import Context
from tintuc.events.lexicon import lexicon
from tintuc.events.triggers import checked_hits, checked_hits_python, checked_hits_reference


def _hits(doc, read):
    ctx = Context(doc)
    ctx.excluded = [(ctx.to_normalized(a.start), ctx.to_normalized(a.end)) for a in find_attributions(doc)]
    return [(h.start, h.end, h.entry, h.sentence, h.type, h.mode, h.rules, h.reach, h.setting, h.topic)
            for h in read(ctx, lexicon())]


def _same(text: str) -> list:
    doc = tintuc.analyze(text, published="2024-05-01")
    got = _hits(doc, checked_hits)
    assert got == _hits(doc, checked_hits_reference)
    assert got == _hits(doc, checked_hits_python)
    return got


SENTENCES = [
    # blockers before ("giải quyết cuộc xung đột"), after, and in scope
    "Hai nước cam kết giải quyết cuộc xung đột bằng biện pháp hòa bình.",
    "Ông nói cần giải quyết dứt điểm cuộc xung đột tại khu vực.",
    # needs: "trục xuất" + diplomats, "hỗ trợ" + funds, an object before the trigger
    "Nga trục xuất hai nhà ngoại giao Mỹ; hai nhà ngoại giao đã bị trục xuất hôm qua.",
    "Nhật Bản hỗ trợ 5 triệu USD cho Việt Nam và hỗ trợ giáo dục.",
    # setting and topic
    "Tại cuộc họp, ông phát biểu về việc khôi phục thỏa thuận hạt nhân và liên quan đến đàm phán.",
    # inside an entity, inside a word, quoted, a hypothetical and a veto
    "Tổ chức Hợp tác Thượng Hải họp; lệnh \"cấm vận\" được gỡ; nếu tấn công xảy ra thì sao?",
    "Theo phóng viên TTXVN tại Moskva, Nga và Ukraine giao tranh dữ dội, 30 người thiệt mạng.",
    "Tổng thống Mỹ điện đàm với người đồng cấp Pháp, kêu gọi ngừng bắn ở Gaza.",
    # a veto of the sentence, a hypothetical after a trigger and one before it, a trigger inside another
    "Đội tuyển tấn công liên tục trong trận bóng đá. Hai nước ký kết hiệp định, nếu tấn công thì đáp trả.",
    "Nếu Nga tấn công, Mỹ sẽ trừng phạt. Quân đội nổ súng; cuộc chiến tranh kéo dài.",
    # a blocker after degree words, and degree words before no blocker
    "Doanh nghiệp gặp không ít khó khăn; ông Putin gặp rất nhiều lãnh đạo châu Âu; trận gặp Bình Định.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences(text):
    _same(text)


def test_sentences_find_hits():
    # the written sentences hold triggers that pass (so that the comparison is no empty one)
    assert sum(len(_same(t)) for t in SENTENCES) >= 8


_PIECES = ["giải quyết", "cuộc", "các", "xung đột", "dứt điểm", "trục xuất", "nhà ngoại giao", "hỗ trợ", "USD",
           "5", "tại", "về", "về việc", "liên quan đến", "tấn công", "điện đàm", "ngừng bắn", "kêu gọi", "nếu",
           "Nga", "Mỹ", "Tổ chức", "Hợp tác", "thỏa thuận", "ký", "đăng ký", "\"", "“", "”", ",", ".", ";", "(",
           "-", "_", "2", " ", " ", " ", " ", "\n", "gặp", "rất", "nhiều", "không ít", "khó khăn", "trận", "lại"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map(lambda p: "".join(p)))
def test_generated(text):
    _same(text)


def test_real_articles(dantri):
    for row in dantri[:150]:
        _same(row["text"])


def test_degree_words_stand_between_a_trigger_and_its_blocker():
    def consult(text):
        return [h for h in _same(text) if h[4] == "CONSULT"]
    for text in ("Doanh nghiệp Nhật Bản gặp khó khăn.", "Doanh nghiệp Nhật Bản gặp nhiều khó khăn.",
                 "Doanh nghiệp Nhật Bản gặp rất nhiều khó khăn.", "Liverpool gặp không ít trở ngại.",
                 "Trịnh Sảng liên tiếp gặp vận đen."):
        assert consult(text) == [], text
    # degree words alone block nothing, nor do more of them than the rule reads
    assert consult("Ông Putin gặp nhiều lãnh đạo châu Âu tại Paris.")
    assert consult("Ông Putin gặp lại rất nhiều các những khó khăn.")


def test_a_trigger_written_as_part_of_a_name_is_none():
    types = lambda text: [h[4] for h in _same(text)]
    assert types("Trận đấu diễn ra ở sân Thống Nhất, Nga và Mỹ thống nhất lịch.") == ["AGREE"]
    # capitalized at the start of a sentence or a clause, or in capitals: a trigger
    assert types("Thống Nhất Lịch Trình, hai bên nói.")[:1] == ["AGREE"]
    assert types("Ông nói: Thống Nhất lịch trình.") == ["STATEMENT", "AGREE"]


def test_bad_input():
    with pytest.raises(ValueError):
        _core.trigger_table(8, 8, 4, [], [(0, (), 1)], [])                 # a phrase of no words
    with pytest.raises(ValueError):
        _core.trigger_table(8, 8, 4, [], [], [[]])                          # a value without rows
    with pytest.raises(ValueError):
        _core.trigger_table(8, 8, 4, [], [], [[(2, 4, 0)]])                 # needs a class that is no need
    with pytest.raises(TypeError):
        _core.trigger_table(8, 8, 4, [1], [], [])
    table = _core.trigger_table(8, 8, 4, ["các"], [(0, ("giải", "quyết"), 0xFFFFFFFF)], [[(-1, 0, 3)]])
    none = array("I")
    rec = _core.cue_records(b"", array("I", [0]), array("I", [1]), "x")
    assert _core.trigger_check(table, "x", rec, none, none, none, array("I", [0])) == []
    with pytest.raises(TypeError):
        _core.trigger_check(object(), "x", rec, none, none, none, none)
    with pytest.raises(ValueError):
        _core.trigger_check(table, "x", rec, array("I", [0]), none, none, none)  # starts without ends
    # a hit of a value the table has no rows for
    hit = (5).to_bytes(4, "little") + (0).to_bytes(4, "little") + (1).to_bytes(4, "little") + (1).to_bytes(4, "little")
    rec = _core.cue_records(hit, array("I", [0]), array("I", [1]), "x")
    with pytest.raises(ValueError):
        _core.trigger_check(table, "x", rec, none, none, none, array("I", [0]))
    with pytest.raises(TypeError):
        _core.trigger_hits(table, "x", rec, none, none, none, array("I", [0]))      # too few arguments
    with pytest.raises(TypeError):
        _core.trigger_hits(table, "x", rec, none, none, none, array("I", [0]), "", none, b"")   # veto not records
    # a veto whose value has no types
    veto = _core.cue_records((7).to_bytes(4, "little") + (0).to_bytes(4, "little") + (1).to_bytes(4, "little")
                             + (1).to_bytes(4, "little"), array("I", [0]), array("I", [1]), "x")
    assert _core.trigger_hits(table, "x", b"", none, none, none, array("I", [0]), veto, none, b"") == []


def test_modality_reads_the_words_before_a_hit():
    # hits do not carry the words before them; modality reads them again, as the checks do
    # (up to BEFORE_WORDS, a comma ending the window)
    from tintuc.events.modality import _before
    from tintuc.events.words import words_before
    doc = tintuc.analyze("Tại cuộc họp, hai bên ký kết hiệp định. Ông nói về việc ký kết thỏa thuận.")
    ctx = Context(doc)
    hits = checked_hits(ctx, lexicon())
    assert hits and all(_before(ctx, h) == words_before(ctx.low, h.start, 8) for h in hits)
    assert [_before(ctx, h) for h in hits if ctx.low[h.start:h.end] == "ký kết"][:1] == [["hai", "bên"]]


def test_trigger_hits_makes_hits():
    # with make, trigger_hits makes the Hit of each tuple it answers without it; a make of the
    # wrong shape, or rows that leave a hit's row out, are refused
    from tintuc.events.triggers import Hit, _table
    doc = tintuc.analyze("Nga và Mỹ điện đàm về hợp tác. Quân đội tấn công thành phố, 5 người thiệt mạng.")
    ctx = Context(doc)
    lex = lexicon()
    table, veto_types, make, groups = _table(lex)
    starts, ends, _ = ctx.entity_arrays()
    trig, veto, hyp = map(ctx.group_records, groups)
    args = (table, ctx.low, trig, array("I", starts), array("I", ends), array("I"), array("I", ctx.sent_starts),
            veto, veto_types, hyp)
    plain = _core.trigger_hits(*args)
    made = _core.trigger_hits(*args, make)
    rows = make[2]
    assert plain and made == [Hit(s, e, rows[v][r][0], k, rows[v][r][1], rows[v][r][2], [rows[v][r][3]], e,
                                  setting, topic) for v, s, e, r, k, setting, topic in plain]
    assert all(type(h) is Hit and type(h.start) is int and h.reach is h.end for h in made)
    with pytest.raises(TypeError):
        _core.trigger_hits(*args, (Hit, make[1][:3], rows))
    with pytest.raises(TypeError):
        _core.trigger_hits(*args, (Hit, (None,) * 10, rows))
    with pytest.raises(ValueError):
        _core.trigger_hits(*args, (Hit, make[1], []))
