"""The C pass of the event argument rules (_core.arg_attach, csrc/core/arg_attach.c) against
their plain Python version (tests/arguments_reference.py): on sentences written for the
rules, on generated text with generated entities and triggers, and on real articles."""
from array import array
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import arguments_reference as ref
import tintuc
from tintuc.attribution import find_attributions
from tintuc.events.arguments import Arguments, arguments_all, arguments_of
from tintuc.events.context import Context
from tintuc.events.lexicon import lexicon
from tintuc.events.triggers import find_hits


def _context(doc, entities=None):
    ctx = Context(doc, entities)
    found = doc.attributions if entities is None else find_attributions(doc, entities)
    ctx.excluded = [(ctx.to_normalized(a.start), ctx.to_normalized(a.end)) for a in found]
    return ctx


def _same(ctx, hit, prev_end, next_start):
    lex = lexicon()
    left, right, actors, recipients, location, borrowed, near = arguments_of(ctx, lex, hit, prev_end, next_start)
    clause, args = (left, right), Arguments(actors, recipients, location, borrowed, near)
    want_clause = ref.clause_of(ctx, lex, hit, prev_end, next_start)
    want = ref.attach(ctx, lex, hit, want_clause)
    assert clause == want_clause, (ctx.low, hit)
    # (the C pass answers tuples, the reference lists)
    assert type(args.actors) is tuple and type(args.recipients) is tuple, (ctx.low, hit)
    assert list(args.actors) == want.actors and all(a is b for a, b in zip(args.actors, want.actors)), (ctx.low, hit)
    assert list(args.recipients) == want.recipients, (ctx.low, hit)
    assert args.location is want.location, (ctx.low, hit)
    assert (args.borrowed, args.near) == (want.borrowed, want.near), (ctx.low, hit)


def _check_hits(ctx):
    """Every trigger of the document, with its neighbours as extract_mentions gives them; and
    arguments_all, the arguments of all of them in one call, says what arguments_of says of each."""
    hits = find_hits(ctx, lexicon())
    every = arguments_all(ctx, lexicon(), hits)
    assert len(every) == len(hits)
    for i, h in enumerate(hits):
        s, e = ctx.sent_spans[h.sentence]
        prev_end = hits[i - 1].reach if i and hits[i - 1].sentence == h.sentence else s
        nxt = hits[i + 1].start if i + 1 < len(hits) and hits[i + 1].sentence == h.sentence else e
        _same(ctx, h, prev_end, nxt)
        one = arguments_of(ctx, lexicon(), h, prev_end, nxt)
        assert every[i] == one and all(a is b for a, b in zip(every[i][2], one[2])), (ctx.low, h)
    return len(hits)


SENTENCES = [
    "Ngoại trưởng Mỹ Antony Blinken gặp người đồng cấp Trung Quốc Vương Nghị tại Bắc Kinh.",
    "Tổng thống Nga Vladimir Putin đã điện đàm với Thủ tướng Đức Olaf Scholz, Tổng thống Pháp Emmanuel Macron"
    " và Thủ tướng Anh.",
    "Theo Reuters, Israel đã bị Hamas tấn công ở Gaza hôm 7/10.",
    "Cuộc gặp giữa Nga và Ukraine diễn ra tại Istanbul, Thổ Nhĩ Kỳ.",
    "Tại Hà Nội, Việt Nam và Nhật Bản ký thỏa thuận hợp tác quốc phòng.",
    "Sự hỗ trợ quân sự của Mỹ dành cho Ukraine tiếp tục tăng, trong khi Nga cảnh báo.",
    "Armenia và Azerbaijan thông báo, hai nước sẽ ngừng bắn do Nga làm trung gian.",
    "Hàn Quốc cho biết Triều Tiên đã phóng tên lửa xuống vùng biển ngoài khơi Nhật Bản.",
    "Iran không tấn công Israel, mặc dù Mỹ cảnh báo về nguy cơ xung đột ở Trung Đông.",
    "Ông Biden sẽ thăm chính thức Việt Nam, Ấn Độ và Indonesia vào tuần tới.",
    "Trong cuộc điện đàm với Ngoại trưởng Mỹ, Bộ trưởng Ngoại giao Trung Quốc nói rằng Bắc Kinh phản đối.",
    "Phái đoàn Liên Hợp Quốc được Syria tiếp đón tại Damascus – thủ đô Syria.",
    # four words between the one who undergoes it and "bị", then five
    "Israel đã từng nhiều lần bị Hamas tấn công.",
    "Israel đã từng rất nhiều lần bị Hamas tấn công.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_written_sentences(text):
    _check_hits(_context(tintuc.analyze(text)))


def test_written_sentences_have_triggers():
    assert sum(_check_hits(_context(tintuc.analyze(t))) for t in SENTENCES) >= len(SENTENCES)


_WORDS = [
    "Nga", "Mỹ", "Việt Nam", "Trung Quốc", "ông", "bà", "tổng thống", "gặp", "thăm", "tấn công", "hợp tác",
    "điện đàm", "ký", "hỗ trợ", "cho biết", "tuyên bố", "bị", "được", "do", "bởi", "giữa", "của", "và", "với",
    "tại", "ở", "trên", "ngoài khơi", "khi", "rằng", "mặc dù", "trong khi", "sau khi", "cuộc", "sự", "các", "vụ",
    "người đồng cấp", "Hà Nội", "ngày 20/10", "không", "sẽ", ",", ".", ";", ":", "(", ")", "“", "”", "-", "–",
    "…", "!", "?", "_", "x_y", "30.000", "a-b", " ", "\n", "\u00a0", "2",
]


@st.composite
def _documents(draw):
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60))
    text = " ".join(words)
    doc = tintuc.analyze(text)
    n = len(text)
    labels = st.sampled_from(["PER", "ORG", "LOC", "MISC"])
    spans = draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 30), labels), max_size=12))
    entities = []
    for s, k, label in spans:
        e = min(n, s + k)
        entities.append(SimpleNamespace(text=text[s:e], start=s, end=e, label=label, id=None, name=text[s:e]))
    return doc, entities


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents(), st.data())
def test_generated_text_entities_and_triggers(docent, data):
    doc, entities = docent
    if doc._core is None or not len(doc._core):
        return
    ctx = _context(doc, entities)
    _check_hits(ctx)
    n = len(ctx.low)
    for _ in range(5):
        k = data.draw(st.integers(0, len(ctx.sent_spans) - 1))
        s, e = ctx.sent_spans[k]
        start = data.draw(st.integers(s, max(s, e)))
        end = data.draw(st.integers(start, min(n, start + 12)))
        reach = data.draw(st.integers(end, min(n, end + 20)))
        hit = SimpleNamespace(sentence=k, start=start, end=end, reach=reach,
                              type=data.draw(st.sampled_from(["STATEMENT", "MEET", "ASSAULT"])),
                              setting=data.draw(st.booleans()),
                              entry=SimpleNamespace(noun=data.draw(st.booleans())))
        prev_end = data.draw(st.integers(s, max(s, start)))
        next_start = data.draw(st.integers(min(reach, e), max(reach, e)))
        _same(ctx, hit, prev_end, next_start)


def test_real_articles(dantri):
    n = 0
    for row in dantri[::10]:
        n += _check_hits(_context(tintuc.analyze(row["text"], published=row.get("date"))))
    assert n > 100


def test_bad_arguments():
    from tintuc import _core
    with pytest.raises(TypeError):
        _core.arg_attach(None, 0, 0, 0, 0, 0, 0, 0)
    with pytest.raises(ValueError):
        _core.arg_doc("ab", [0], [5], b"\x01", [0], b"", b"", ((), (), (), ()), [None])
    doc = _core.arg_doc("ab", [0], [1], b"\x01", [0], b"", b"", ((), (), (), ()), ["A"])
    with pytest.raises(ValueError):
        _core.arg_attach(doc, 1, 0, 0, 0, 0, 0, 0)
    # the entity before the trigger is its actor; nothing ends the clause before the text does
    assert _core.arg_attach(doc, 0, 2, 2, 2, 0, 2, 0) == (0, 2, ("A",), (), None, False, False)
    assert _core.arg_attach_all(doc, array("I", [0, 2, 2, 2, 0])) == [(0, 2, ("A",), (), None, False, False)]
    assert _core.arg_attach_all(doc, array("I")) == []
    with pytest.raises(ValueError):
        _core.arg_attach_all(doc, array("I", [1, 0, 0, 0, 0]))            # no such sentence
    with pytest.raises(ValueError):
        _core.arg_attach_all(doc, array("I", [0, 0, 0, 0]))               # not whole hits
    with pytest.raises(TypeError):
        _core.arg_attach_all(None, array("I"))
    with pytest.raises(TypeError):
        _core.arg_attach_all(doc, b"1234")                               # not uint32
