"""The C pass that picks the attribution anchors (csrc/core/attrib_scan.c, _core.attrib_anchors)
against the plain Python of tests/attribution_reference.py: the same anchors, never one the
rules would read dropped, and the same attributions, on sentences written here, on generated
text and on real articles."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import attribution_reference as ref
import tintuc
from tintuc import _core
from tintuc.attribution import _ANCHOR_RULES, _NAME_NEXT, find_attributions
from tintuc.cuelex import _records

from event_helpers import ents


def c_anchors(core):
    return _core.attrib_anchors(_records(core, "attribution"), core.norm, core.low, _ANCHOR_RULES, _NAME_NEXT)


def check(doc, entities=None):
    core = doc._core
    got = c_anchors(core)
    assert got == ref.anchors(core)
    assert set(ref.readable(core)) <= set(got)        # nothing a rule reads is dropped
    norm = core.norm
    lines = _core.attrib_dateline_lines(norm)
    assert lines == ref.dateline_lines(norm)
    assert {m.start() for m in ref._datelines(norm)} <= set(lines)
    credits = _core.attrib_credit_lines(norm, 3)
    assert credits == ref.credit_lines(norm, 3)
    tail = ref._last_lines(norm, 3)
    tried = [] if tail is None else [i for i in range(tail, len(norm) + 1) if i == tail or norm[i - 1] == "\n"]
    assert {i for i in tried if ref._CREDIT.match(norm, i)} <= set(credits)
    assert find_attributions(doc, entities) == ref.find_attributions(doc, entities)
    return len(got)


SENTENCES = [
    "Theo phóng viên TTXVN tại Moskva, hai bên đã gặp nhau.",
    "Hãng thông tấn Anadolu đưa tin hai tàu bị chặn. Hãng tin TASS dẫn lời ông Putin cho biết.",
    "Theo Reuters, giá dầu tăng. Giá vàng tăng theo giá dầu. Ông ấy đi theo đoàn.",
    "Báo cáo của Bộ cho thấy trang 5 có số liệu. Theo báo cáo, báo Nhân Dân đưa tin.",
    "Việc này dẫn đến thiệt hại. Ông dẫn lời Bộ trưởng Lavrov. Bà dẫn thông báo của Điện Kremlin.",
    "Kết quả?  Theo\tông Nguyễn Văn A, việc này tốt.\nTheo Bộ Quốc phòng Nga, hai bên đã gặp nhau.",
    "Đài Loan cho biết tàu đã rời. Đài CNN cho biết. Kênh VTV1 đưa tin. Tờ Guardian cho hay.",
    "PV Dân trí tại Hà Nội dẫn lời ông B. Phóng viên VOV thường trú tại Bắc Kinh cho biết.",
    "truyền thông Trung Quốc đưa tin.xem theo dõi theo\u00a0Reuters,... Theo\nReuters",
    "Hà Nội, 14/3 (TTXVN) - Hai bên đã gặp nhau.\n\nTheo Reuters",
    "dẫn  lời ông A; dẫn\nlời ông B; nhật báo Asahi đưa tin; trang tin VnExpress cho biết.",
    "báo  Tuổi Trẻ; báo\u00a0Tuổi Trẻ; tạp chí Time đưa tin; báo giới Mỹ; báo chí Nhật cho biết",
    "(Dân trí) - Hai bên gặp nhau (hôm qua) -- rồi về.\nHà Nội, 14/3/2024 (TTXVN) — Tin.\n (VOV)– x",
    "Bài viết.\n\n  Theo\u00a0Reuters \ntheo AP\nTheo: x\nTHEO Tân Hoa Xã\n\n \t",
    "Một dòng.\nTheo Reuters",
    "Theo Reuters",
    "Ghi chú\n\nTheo Reuters, AP\nTheo BBC\n",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences(text):
    assert check(tintuc.analyze(text)) >= 0


def test_sentences_keep_and_drop():
    core = tintuc.analyze("Giá vàng tăng theo giá dầu. Theo Reuters, việc này dẫn đến báo cáo.")._core
    keys = [core.low[s:e] for s, e in c_anchors(core)]
    assert keys == ["theo"]                            # mid-sentence "theo", "dẫn đến", "báo cáo" dropped


def test_with_entities():
    text = "Theo phóng viên TTXVN tại Paris, Pháp và Đức đã ký thỏa thuận. Theo TASS, hai bên gặp nhau."
    doc = tintuc.analyze(text)
    check(doc, ents(text, [("TTXVN", "ORG", "TTXVN"), ("Paris", "LOC", "FRPAR"), ("TASS", "ORG", "TASS")]))


WORDS = ["theo", "Theo", "THEO", "dẫn", "lời", "thông báo", "của", "báo", "Báo", "trang", "tờ", "đài", "Đài",
         "kênh", "pv", "PV", "phóng viên", "Phóng viên", "tại", "Reuters", "TASS", "Nhân Dân", "cáo", "đến",
         "ý kiến", "nguồn tin", "hãng tin", "truyền thông", "đưa tin", "cho biết", "ông", "Loan", "5", "x_",
         "(TTXVN)", "Hà Nội,", "14/3", "-", "—", "(", ")", "(Dân trí)"]
SEPS = [" ", "  ", "\u00a0", "\t", "\n", ". ", ", ", "! ", "?", "", ". \n", "_", "."]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPS)), max_size=30))
def test_generated(parts):
    check(tintuc.analyze("".join(w + s for w, s in parts)))


def test_real_articles(dantri):
    n = 0
    for row in dantri[::7]:
        n += check(tintuc.analyze(row["text"], published=row.get("date")))
    assert n > 100


def test_bad_arguments():
    core = tintuc.analyze("Theo Reuters, giá tăng.")._core
    recs = _records(core, "attribution")
    with pytest.raises(TypeError):
        _core.attrib_anchors(b"x", core.norm, core.low, _ANCHOR_RULES, _NAME_NEXT)
    with pytest.raises(TypeError):
        _core.attrib_anchors(recs, core.norm, None, _ANCHOR_RULES, _NAME_NEXT)
    with pytest.raises(TypeError):
        _core.attrib_anchors(recs, core.norm, core.low, (("theo",),), _NAME_NEXT)
    with pytest.raises(ValueError):
        _core.attrib_anchors(recs, core.norm, core.low, _ANCHOR_RULES, 9)
    with pytest.raises(ValueError):
        _core.attrib_anchors(recs, core.norm, core.low[:-1], _ANCHOR_RULES, _NAME_NEXT)
    with pytest.raises(ValueError):                    # the records' offsets lie beyond the text
        _core.attrib_anchors(recs, "ab", "ab", _ANCHOR_RULES, _NAME_NEXT)
    assert _core.attrib_anchors(b"", "", "", (), _NAME_NEXT) == []
    assert _core.attrib_dateline_lines("") == [] and _core.attrib_credit_lines("", 3) == []
    assert _core.attrib_dateline_lines("a\nb (X) -") == [2]
    assert _core.attrib_credit_lines("a\nb\nTheo X\n", 3) == [4]
    assert _core.attrib_credit_lines("Theo X", 3) == []               # no line break: no tail
    with pytest.raises(TypeError):
        _core.attrib_dateline_lines(None)
    with pytest.raises(ValueError):
        _core.attrib_credit_lines("x", -1)
