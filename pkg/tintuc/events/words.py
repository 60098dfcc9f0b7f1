"""Looking a few words around a position of lower-cased text, without crossing punctuation
or a line break: the small windows every event rule reads."""
from __future__ import annotations

from .._core import words_after as _after, words_before as _before

__all__ = ["words_before", "words_after", "PhraseSet", "ends_with_phrase", "starts_with_phrase", "phrase_in"]

# generous room for one Vietnamese syllable (or one foreign word) per word asked for
_CHARS_PER_WORD = 16


# Both windows are read by the C core (csrc/core/word_window.c). What ends a window: a
# punctuation mark (not a "." or "/" inside a number such as "30.000" or "15/19", nor "-"),
# a line break; as the expression [^\w\s./-]|\n|(?<!\d)[./]|[./](?!\d) finds them in it.


def words_before(text: str, pos: int, k: int) -> list[str]:
    """Up to ``k`` words that end right before ``pos``, in text order, from the
    _CHARS_PER_WORD * k characters before it; a punctuation mark ends the window (the word
    after it is kept: '"vùng' gives "vùng"), and without one a word cut by the window's start
    is left out. None unless whitespace stands right before ``pos``."""
    return _before(text, pos, k, _CHARS_PER_WORD)


def words_after(text: str, pos: int, k: int) -> list[str]:
    """Up to ``k`` words that start right after ``pos``, from the _CHARS_PER_WORD * k
    characters after it; a punctuation mark ends the window (the word before it is kept:
    "Nga," gives "Nga"), and without one a word cut by the window's end is left out. None
    unless whitespace stands right after ``pos``."""
    return _after(text, pos, k, _CHARS_PER_WORD)


class PhraseSet(frozenset):
    """A set of phrases (words joined by one space) that also knows the first and the last
    words of its phrases and its longest phrase, so that most lookups end at one set test."""

    def __new__(cls, phrases=()):
        self = super().__new__(cls, phrases)
        self.first = frozenset(p.split(" ", 1)[0] for p in self)
        self.last = frozenset(p.rsplit(" ", 1)[-1] for p in self)
        self.longest = max((p.count(" ") + 1 for p in self), default=0)
        return self


def ends_with_phrase(words: list[str], phrases: PhraseSet) -> str | None:
    """The phrase of ``phrases`` that ``words`` end with (longest first), or None."""
    if not words or words[-1] not in phrases.last:
        return None
    for n in range(min(phrases.longest, len(words)), 0, -1):
        p = " ".join(words[-n:])
        if p in phrases:
            return p
    return None


def starts_with_phrase(words: list[str], phrases: PhraseSet) -> str | None:
    """The phrase of ``phrases`` that ``words`` start with (longest first), or None."""
    if not words or words[0] not in phrases.first:
        return None
    for n in range(min(phrases.longest, len(words)), 0, -1):
        p = " ".join(words[:n])
        if p in phrases:
            return p
    return None


def phrase_in(words: list[str], phrases: PhraseSet) -> int:
    """Index of the first word of ``words`` that starts a phrase of ``phrases``, or -1."""
    first = phrases.first
    for i, w in enumerate(words):
        if w in first and starts_with_phrase(words[i:], phrases):
            return i
    return -1
