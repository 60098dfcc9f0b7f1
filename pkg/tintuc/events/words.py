"""Looking a few words around a position of lower-cased text, without crossing punctuation
or a line break: the small windows every event rule reads."""
from __future__ import annotations

__all__ = ["words_before", "words_after", "ends_with_phrase", "starts_with_phrase", "phrase_in"]

# generous room for one Vietnamese syllable (or one foreign word) per word asked for
_CHARS_PER_WORD = 16


def _is_word(w: str) -> bool:
    return w.replace("-", "").replace(".", "").replace("/", "").isalnum()


def words_before(text: str, pos: int, k: int) -> list[str]:
    """Up to ``k`` words that end right before ``pos``, in text order; stops at punctuation."""
    lo = max(0, pos - _CHARS_PER_WORD * k)
    seg = text[lo:pos]
    if not seg or not seg[-1].isspace():
        return []
    seg = seg.rsplit("\n", 1)[-1]
    parts = seg.split()
    if lo > 0 and len(seg) == pos - lo and parts and not seg[0].isspace():
        parts = parts[1:]              # the first piece may be cut short
    out = []
    for w in reversed(parts):
        core = w.lstrip("(“\"'‘[")
        if core and _is_word(core):
            out.append(core)
        if core != w or not _is_word(core) or len(out) == k:
            break                      # '"vùng' ends the list after "vùng"
    out.reverse()
    return out


def words_after(text: str, pos: int, k: int) -> list[str]:
    """Up to ``k`` words that start right after ``pos``; stops at punctuation. A word that
    ends in punctuation ("Nga,") is kept without it and ends the list."""
    hi = pos + _CHARS_PER_WORD * k
    seg = text[pos:hi]
    if not seg or not seg[0].isspace():
        return []
    seg = seg.split("\n", 1)[0]
    parts = seg.split()
    if hi < len(text) and parts and not seg[-1].isspace():
        parts = parts[:-1]
    out = []
    for w in parts:
        core = w.rstrip(",.;:!?)”\"'…")
        if core and _is_word(core):
            out.append(core)
        if core != w or not _is_word(core) or len(out) == k:
            break
    return out


def ends_with_phrase(words: list[str], phrases: set, longest: int) -> str | None:
    """The phrase of ``phrases`` that ``words`` end with (longest first), or None."""
    for n in range(min(longest, len(words)), 0, -1):
        p = " ".join(words[-n:])
        if p in phrases:
            return p
    return None


def starts_with_phrase(words: list[str], phrases: set, longest: int) -> str | None:
    """The phrase of ``phrases`` that ``words`` start with (longest first), or None."""
    for n in range(min(longest, len(words)), 0, -1):
        p = " ".join(words[:n])
        if p in phrases:
            return p
    return None


def phrase_in(words: list[str], phrases: set, longest: int) -> int:
    """Index of the first word of ``words`` that starts a phrase of ``phrases``, or -1."""
    for i in range(len(words)):
        if starts_with_phrase(words[i:], phrases, longest):
            return i
    return -1
