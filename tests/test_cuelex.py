"""The cue lexicon (tintuc.cuelex, csrc/core/cues.c): role bits and reported phrases found by the C
pass over a document's tokens are what comparing lower-cased token texts, or a regular
expression over the lower-cased text, would find."""
import re

import pytest

import tintuc
from tintuc import _core, _models
from tintuc._coredoc import CoreDoc
from tintuc.cuelex import END, ENTITY_ROLES, START, CueLexicon, Found, cue_lexicon, phrases_at
from tintuc.entities import cues
from tintuc.events.lexicon import lexicon

TEXTS = [
    "Ngoại trưởng Nga Sergei Lavrov đã điện đàm với người đồng cấp Mỹ.",
    "Phó Thủ tướng\nPhạm Bình Minh tiếp Đại sứ Nhật Bản tại Hà Nội.",     # a title across a line break
    "Hai bên ký\nkết thỏa thuận; ông Nguyễn Văn A đăng ký tham gia.",      # no trigger across a line break
    "NGOẠI TRƯỞNG NGA tuyên bố ngừng-bắn, rồi ngừng - bắn, rồi ngừng bắn.",
    "Bộ Quốc phòng Nga cho biết tàu container MOZART bị tấn công ở vịnh Guinea.",
    "Theo phóng viên TTXVN tại Moskva, hãng thông tấn TASS dẫn lời Điện Kremlin.",
    "Tổng thống ngọai giao thuyền trưởng: thỏa thuận ngừng bắn đạt được thỏa thuận2 và kýkết.",
]


def core_docs(texts):
    raw = _core.analyze_batch(texts, segmenter=_models.segmenter(), cues=cue_lexicon().automaton)
    return [CoreDoc(t, r) for t, r in zip(texts, raw)]


def low_tokens(core):
    return [core.norm[a:b].lower() for a, b in zip(core.nstart, core.nend)]


def reference_roles(core):
    """Role bits by comparing every phrase with the lower-cased tokens (what entities.py did)."""
    toks = low_tokens(core)
    bits = [0] * len(toks)
    for role in ENTITY_ROLES:
        for phrase in cues()[role]:
            words = phrase.split(" ")
            for k in range(len(toks) - len(words) + 1):
                if toks[k:k + len(words)] == words:
                    bits[k] |= START[role]
                    bits[k + len(words) - 1] |= END[role]
    return bits


def sample(dantri, n=60):
    return TEXTS + [r["text"] for r in dantri[:n]]


def test_role_bits_are_the_phrases_of_each_role(dantri):
    for core in core_docs(sample(dantri)):
        assert core.cue_roles.tolist() == reference_roles(core)


def test_roles_in_a_few_texts():
    title, minister, honor = core_docs(TEXTS[:3])
    assert title.cue_roles[0] & START["title"] and title.cue_roles[1] & END["title"]
    # "Phó Thủ tướng" across the line break after it, and a place cue before Hà Nội
    toks = low_tokens(minister)
    k = toks.index("phó")
    assert minister.cue_roles[k] & START["title"] and minister.cue_roles[k + 2] & END["title"]
    assert minister.cue_roles[toks.index("tại")] & START["place"]
    assert honor.cue_roles[low_tokens(honor).index("ông")] & START["honorific"]


def reference_triggers(core):
    """(phrase, start, end) where the trigger expression matches at a token start that no word
    character precedes, the match ending at a token end (normalized offsets)."""
    lex = lexicon()
    low = core.norm.lower()
    ends = set(core.nend.tolist())
    out = []
    for s in core.nstart.tolist():
        if s and (low[s - 1].isalnum() or low[s - 1] == "_"):
            continue
        m = lex.trigger_rx.match(low, s)
        if m and m.end() in ends:
            out.append((" ".join(m.group().split()), s, m.end()))
    return out


def test_trigger_phrases_are_what_the_expression_finds(dantri):
    for core in core_docs(sample(dantri)):
        low = core.norm.lower()
        found = [(p, s, e) for p, s, e, _ in phrases_at(core, "trigger")
                 if not (s and (low[s - 1].isalnum() or low[s - 1] == "_"))]
        assert found == reference_triggers(core)


def test_trigger_phrases_keep_to_one_line_and_to_their_tokens():
    _, _, line, hyphen = core_docs(TEXTS[:4])
    # "ký" then "kết" on the next line are not "ký kết"
    assert [p for p, *_ in phrases_at(line, "trigger")] == ["ký", "thỏa thuận", "ký"]
    # "ngừng-bắn" and "ngừng - bắn" are not the phrase "ngừng bắn" (the matcher reads a hyphen
    # as a space); capitals do not matter
    found = [(p, hyphen.norm[s:e]) for p, s, e, _ in phrases_at(hyphen, "trigger")]
    assert ("tuyên bố", "tuyên bố") in found and ("ngừng bắn", "ngừng bắn") in found
    assert not any("-" in text for _, text in found)


def test_word_boundaries_of_the_segmenter_are_flagged():
    [core] = core_docs(["Ông ấy đăng ký tham gia, rồi hai bên ký thỏa thuận."])
    found = [(core.norm[s:e], on_words) for _, s, e, on_words in phrases_at(core, "trigger")]
    # "ký" inside "đăng ký" is no word of its own; the longest phrase at the second "ký" is
    assert found == [("ký", False), ("ký thỏa thuận", True), ("thỏa thuận", True)]


def test_attribution_words_are_reported():
    [core] = core_docs([TEXTS[5]])
    assert [p for p, *_ in phrases_at(core, "attribution")] == ["theo", "phóng viên", "hãng thông tấn", "dẫn"]


def test_analyze_batch_without_a_cue_lexicon():
    [raw] = _core.analyze_batch(["Ngoại trưởng Nga."])
    assert raw[12:] == (None, None)
    core = CoreDoc("Ngoại trưởng Nga.", raw)
    assert core.cue_roles is None and core.cue_hits(1) == []
    with pytest.raises(TypeError):
        _core.analyze_batch(["x"], cues="not an automaton")


def test_a_lexicon_of_its_own():
    lex = CueLexicon({"greeting": {"xin chào"}}, {"name": {"hà nội", "hà"}})
    raw = _core.analyze_batch(["Xin chào Hà Nội, xin\nchào hà."], cues=lex.automaton)
    core = CoreDoc("Xin chào Hà Nội, xin\nchào hà.", raw[0])
    roles = core.cue_roles.tolist()
    assert roles[0] == lex.starts["greeting"] and roles[1] == lex.ends["greeting"]
    assert roles[5] == lex.starts["greeting"] and roles[6] == lex.ends["greeting"]   # across the line break
    hits = [(lex.phrases["name"][v], a, b) for v, a, b, _ in core.cue_hits(lex.group["name"])]
    assert hits == [("hà", 2, 3), ("hà nội", 2, 4), ("hà", 7, 8)]
    with pytest.raises(ValueError):
        CueLexicon({f"r{k}": {"x"} for k in range(_core.CUE_MAX_ROLES + 1)}, {})


@pytest.mark.parametrize("name,word_start", [("veto", False), ("hypothetical", False), ("locative", True),
                                             ("boundary", True), ("casualty", True), ("attribution", False)])
def test_found_phrases_are_what_the_expression_finds(dantri, name, word_start):
    """Found.finditer over any range gives what finditer of the set's expression gives there."""
    from tintuc._trie import phrase_regex
    words = cue_lexicon().phrases[name]
    rx = re.compile(("(?<!\\w)(?:" if word_start else "(?:") + phrase_regex(words) + ")(?!\\w)")
    for core in core_docs(sample(dantri, 30)):
        low = core.norm.lower()
        found = Found(core, name)
        starts = core.nstart.tolist()
        ranges = [(0, len(low))] + [(starts[k], starts[min(len(starts) - 1, k + 9)]) for k in range(0, len(starts), 7)]
        for a, b in ranges:
            want = [(" ".join(m.group().split()), m.start(), m.end()) for m in rx.finditer(low, a, b)]
            # the expression also matches inside words, where no token starts: such matches
            # are no cue words for any rule (each checks the character before)
            want = [w for w in want if not (w[1] and low[w[1] - 1].isalnum())]
            got = [g for g in found.finditer(a, b, word_start=word_start)
                   if not (g[1] and low[g[1] - 1].isalnum())]
            assert got == want, (name, a, b)


def test_every_phrase_is_normalized_and_made_of_its_words():
    """The pass compares tokens; a phrase must be written as the normalized text is."""
    phrases = [p for role in ENTITY_ROLES for p in cues()[role]] + list(lexicon().entries)
    phrases += [p for name in cue_lexicon().phrases for p in cue_lexicon().phrases[name]]
    for p in phrases:
        assert tintuc.normalize(p) == p, p
        assert [t.text.lower() for t in tintuc.tokenize(p)] == re.split(" ", p), p
