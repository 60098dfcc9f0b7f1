"""The phrase scans of tintuc.cuelex (read in C: csrc/core/cue_find.c) against the plain
Python reading of the cue pass's hits they replace."""
from __future__ import annotations

from array import array
from bisect import bisect_left

import pytest
from hypothesis import given, settings, strategies as st

import tintuc
from tintuc import _core
from tintuc.cuelex import Found, cue_lexicon, phrases_at


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def reference_phrases_at(core, name):
    lex = cue_lexicon()
    phrases = lex.phrases[name]
    text = core.norm
    nstart, nend = core.nstart, core.nend
    out, best = [], None
    for value, a, b, flags in core.cue_hits(lex.group[name]):
        e = nend[b - 1]
        if e < len(text) and _word_char(text[e]):
            continue
        if best is not None and best[1] != a:
            out.append((best[0], nstart[best[1]], best[2], best[3]))
        best = (phrases[value], a, e, bool(flags & _core.CUE_WORDS))
    if best is not None:
        out.append((best[0], nstart[best[1]], best[2], best[3]))
    return out


def reference_finditer(core, name, start, end, word_start):
    lex = cue_lexicon()
    phrases = lex.phrases[name]
    text = core.norm
    starts, ends = [], []
    for value, a, b, _ in core.cue_hits(lex.group[name]):
        s = core.nstart[a]
        if starts and starts[-1] == s:
            ends[-1].append((core.nend[b - 1], phrases[value]))
        else:
            starts.append(s)
            ends.append([(core.nend[b - 1], phrases[value])])
    out, pos = [], start
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        s = starts[i]
        i += 1
        if s < pos or (word_start and s and _word_char(text[s - 1])):
            continue
        best = None
        for e, phrase in ends[i - 1]:
            if e > end:
                break
            if e == end or not _word_char(text[e]):
                best = (phrase, s, e)
        if best is not None:
            out.append(best)
            pos = best[2]
    return out


NAMES = ("trigger", "attribution", "veto", "hypothetical", "locative", "boundary", "casualty")


def _check(text: str, step: int = 1):
    core = tintuc.analyze(text)._core
    if core._cue_hits:
        # all the groups' records in one call are those made one group at a time
        assert _core.cue_records_all(core._cue_hits, core.nstart, core.nend, core.norm) == \
            tuple(_core.cue_records(h, core.nstart, core.nend, core.norm) for h in core._cue_hits)
    for name in NAMES:
        assert phrases_at(core, name) == reference_phrases_at(core, name), name
        found = Found(core, name)
        n = len(core.norm)
        for start in range(0, n + 1, step):
            for end in range(start, n + 1, step):
                for word_start in (False, True):
                    assert found.finditer(start, end, word_start=word_start) == \
                        reference_finditer(core, name, start, end, word_start), (name, start, end, word_start)
        assert found.finditer() == reference_finditer(core, name, 0, n, False)


SENTENCES = [
    "Theo phóng viên TTXVN tại Moskva, hai bên đã ký kết thỏa thuận ngừng bắn tại thủ đô.",
    "Vụ tấn công khiến 30 người thiệt mạng, 12 người bị thương; nếu xung đột tiếp diễn, khi đó...",
    "Ký kết2 thỏa thuận_ hợp tác, gặp gỡ,thăm chính thức Nhật Bản ở Tokyo rằng đàm phán giữa các bên.",
    "Hãng thông tấn Anadolu đưa tin (Reuters) - trong khuôn khổ hội nghị, Bộ trưởng hội đàm với người đồng cấp.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_sentences(text):
    _check(text, step=1 if len(text) < 90 else 2)


_PIECES = ["ký", "kết", "ký kết", "thỏa", "thuận", "tấn công", "tại", "ở", "theo", "báo", "nếu", "khi", "rằng",
           "thiệt mạng", "bị thương", "ngừng bắn", "gặp", "hội đàm", "Nga", "X", "2", "_", ",", ".", "(", ")", "-",
           " ", " ", " ", "\n", "\"", "đ"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=24).map(lambda p: "".join(p)))
def test_generated(text):
    _check(text, step=1 if len(text) < 50 else 3)


def test_bad_input():
    core = tintuc.analyze("Hai bên ký kết thỏa thuận.")._core
    recs = _core.cue_records(b"", core.nstart, core.nend, core.norm)
    assert recs == b"" and _core.cue_find(recs, [], 0, 5, False) == [] and _core.cue_longest(recs, []) == []
    bad = (0).to_bytes(4, "little") + (3).to_bytes(4, "little") + (2).to_bytes(4, "little") + bytes(4)
    with pytest.raises(ValueError):
        _core.cue_records(bad, core.nstart, core.nend, core.norm)            # ends before it starts
    far = (0).to_bytes(4, "little") + (0).to_bytes(4, "little") + (10**6).to_bytes(4, "little") + bytes(4)
    with pytest.raises(ValueError):
        _core.cue_records(far, core.nstart, core.nend, core.norm)            # past the tokens
    with pytest.raises(ValueError):
        _core.cue_records(b"123", core.nstart, core.nend, core.norm)         # not whole hits
    with pytest.raises(TypeError):
        _core.cue_records(b"", b"1234", core.nend, core.norm)                # not uint32
    with pytest.raises(TypeError):
        _core.cue_find("x", [], 0, 1, False)
    one = (7).to_bytes(4, "little") + (0).to_bytes(4, "little") + (1).to_bytes(4, "little") + bytes(4)
    recs = _core.cue_records(one, core.nstart, core.nend, core.norm)
    with pytest.raises(ValueError):
        _core.cue_find(recs, ["a"], 0, 100, False)                          # value 7 names no phrase
    with pytest.raises(ValueError):
        _core.cue_find(recs, ["a"], -1, 100, False)
    assert _core.cue_find(recs, [str(i) for i in range(8)], 0, 100, False) == [("7", 0, 3)]


_ALL_TEXT = ("Ngày 23/10, Ngoại trưởng Mỹ hội đàm với người đồng cấp Nhật Bản tại Tokyo. Theo Reuters, "
             "hai bên không ký kết thỏa thuận; cuộc tấn công khiến 5 người thiệt mạng, nếu Nga đồng ý.")


@pytest.mark.parametrize("text", [_ALL_TEXT, "", "x", "Hãng tin TASS dẫn lời Điện Kremlin cho biết"])
def test_records_of_all_groups_are_those_of_each(text):
    core = tintuc.analyze(text)._core
    if core is None or not core._cue_hits:
        return
    every = _core.cue_records_all(core._cue_hits, core.nstart, core.nend, core.norm)
    assert every == tuple(_core.cue_records(h, core.nstart, core.nend, core.norm) for h in core._cue_hits)
    assert any(every) or len(text) < 50


def test_records_of_all_groups_bad_input():
    core = tintuc.analyze("Hai bên ký kết thỏa thuận.")._core
    assert _core.cue_records_all((), core.nstart, core.nend, core.norm) == ()
    far = (0).to_bytes(4, "little") + (0).to_bytes(4, "little") + (10**6).to_bytes(4, "little") + bytes(4)
    with pytest.raises(ValueError):
        _core.cue_records_all((b"", far), core.nstart, core.nend, core.norm)     # past the tokens
    with pytest.raises(ValueError):
        _core.cue_records_all((b"123",), core.nstart, core.nend, core.norm)      # not whole hits
    with pytest.raises(TypeError):
        _core.cue_records_all([b""], core.nstart, core.nend, core.norm)          # not a tuple
    with pytest.raises(TypeError):
        _core.cue_records_all(("x",), core.nstart, core.nend, core.norm)         # not bytes
    with pytest.raises(TypeError):
        _core.cue_records_all((b"",), b"1234", core.nend, core.norm)             # not uint32
    with pytest.raises(ValueError):
        _core.cue_records_all((b"",), core.nstart, array("I", list(core.nend)[:-1]), core.norm)   # lengths
