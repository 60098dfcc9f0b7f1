"""Word segmentation with an underthesea-compatible surface."""
from __future__ import annotations

from . import _core, _models
from ._core import Token
from .document import run_core

__all__ = ["words", "word_tokenize", "word_tokenize_many"]


def words(text: str) -> list[Token]:
    """The words of ``text`` as Tokens with offsets into it ("Ngoại trưởng", "Nagorno-Karabakh")."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return run_core([text])[0].words()


def word_tokenize(text: str, format: str | None = None):
    """Like underthesea's ``word_tokenize``: a list of words, or with ``format="text"`` one str
    in which the syllables of a word are joined by ``_`` ("Ngoại_trưởng Nga ...").

    Words are slices of the text as given (not normalized).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    return word_tokenize_many([text], format=format)[0]


def word_tokenize_many(texts, format: str | None = None) -> list:
    """:func:`word_tokenize` over a batch in one C call with the GIL released.

    ``None`` and NaN pass through; a pandas Series gives a list in its order.
    """
    if format not in (None, "text"):
        raise ValueError(f"format must be None or 'text', not {format!r}")
    values = getattr(texts, "tolist", None)
    items = values() if callable(values) else texts
    return _core.word_tokenize_batch(items, segmenter=_models.segmenter(), underscores=format == "text")
