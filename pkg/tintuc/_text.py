"""Normalization helpers on top of the C core: offsets back to the original text."""
from __future__ import annotations

from . import _core

__all__ = ["normalize_with_offsets", "Alignment", "sent_tokenize"]


class Alignment:
    """Maps positions of a normalized text back to the original text.

    ``alignment[k]`` is the index in the original text where the source of normalized
    character ``k`` starts; ``alignment[len(normalized)] == len(original)``. A normalized
    span ``[s, e)`` came from ``original[alignment.span(s, e)]``.
    """

    __slots__ = ("_offsets",)

    def __init__(self, raw: bytes):
        self._offsets = memoryview(raw).cast("I")

    def __len__(self) -> int:
        return len(self._offsets)

    def __getitem__(self, k):
        return self._offsets[k]

    def span(self, start: int, end: int) -> slice:
        """The slice of the original text that the normalized span [start, end) came from."""
        return slice(self._offsets[start], self._offsets[end])

    def tolist(self) -> list[int]:
        return self._offsets.tolist()


def normalize_with_offsets(text: str, *, tone: str | None = "hòa", fold_punct: bool = True):
    """``(normalized, alignment)``: the normalized text and its :class:`Alignment` to ``text``."""
    norm, raw = _core.normalize_map(text, tone=tone, fold_punct=fold_punct)
    return norm, Alignment(raw)


def sent_tokenize(text: str) -> list[str]:
    """The sentences of ``text`` as strings, like underthesea's ``sent_tokenize``.

    Each is the original text of the sentence (not normalized); use
    ``tintuc._core.sentence_spans`` for their offsets.
    """
    return [text[a:b] for a, b in _core.sentence_spans(text)]
