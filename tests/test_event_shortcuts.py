"""Shortcuts the event and attribution rules take, against the plain readings they replace."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from tintuc.attribution import _last_lines
from tintuc.events.context import _CLAUSE_PUNCT, _LAST_CLAUSE_PUNCT

_TEXT = st.lists(st.sampled_from(list("ab ,;:()[]“”\"!?…\n\t.\u00a0") + ["đ", "ệ"]), max_size=30).map("".join)


def _tail_start(text: str):
    lines = text.rstrip().rsplit("\n", 3)
    if len(lines) > 1:
        return len(text.rstrip()) - len("\n".join(lines[1:]))
    return None


@settings(max_examples=500, deadline=None)
@given(_TEXT)
def test_last_lines(text):
    assert _last_lines(text, 3) == _tail_start(text)


def test_last_lines_examples():
    assert _last_lines("a\nb\nc\nd\ne \n\n", 3) == 4
    assert _last_lines("a\nb", 3) == 2
    assert _last_lines("ab  \n ", 3) is None


@settings(max_examples=500, deadline=None)
@given(_TEXT, st.integers(0, 32), st.integers(0, 32))
def test_last_clause_punct(text, start, end):
    last = -1
    for m in _CLAUSE_PUNCT.finditer(text, start, end):
        last = m.end()
    m = _LAST_CLAUSE_PUNCT.match(text, start, end) if start < end else None
    assert (m.end() if m else -1) == last
