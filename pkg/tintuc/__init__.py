"""tintuc: Vietnamese news text to articles, entities and events, fast.

A C core on ICU normalizes, tokenizes, segments and matches; this package wraps it with a
friendly API. See README.md for a tour.
"""
from __future__ import annotations

try:
    from . import _core
except ImportError as e:  # never fall back to pure Python: the C core is the product
    raise ImportError(
        "tintuc's C extension (tintuc._core) is missing or failed to load: " + str(e) +
        ". Reinstall with `pip install tintuc` (building from source needs ICU: "
        "`apt-get install libicu-dev pkg-config` on Debian/Ubuntu)."
    ) from e

from ._core import Token, decode, detect_encoding, normalize, normalize_many as _normalize_many, strip_diacritics, tokenize
from ._text import Alignment, normalize_with_offsets, sent_tokenize
from .articles import Article, iter_read, read
from .corpus import Corpus, analyze_many
from .document import Document, Span, analyze
from .gazetteer import Entity, Gazetteer, default_gazetteer
from .words import word_tokenize, word_tokenize_many, words
from . import tables    # tintuc.tables.write_table: a table of many articles, batch by batch

__version__ = "0.1.0"


def normalize_many(texts, *, tone="hòa", fold_punct=True):
    """:func:`normalize` over a batch in one C call; ``None`` and NaN pass through.

    Accepts any iterable of str (a pandas Series too: its values are used, the result is a list).
    """
    values = getattr(texts, "tolist", None)
    return _normalize_many(values() if callable(values) else texts, tone=tone, fold_punct=fold_punct)


__all__ = [
    "Article",
    "read",
    "iter_read",
    "Alignment",
    "decode",
    "detect_encoding",
    "Corpus",
    "analyze_many",
    "Document",
    "Entity",
    "Gazetteer",
    "default_gazetteer",
    "Span",
    "analyze",
    "word_tokenize",
    "word_tokenize_many",
    "words",
    "Token",
    "sent_tokenize",
    "tokenize",
    "normalize",
    "normalize_many",
    "normalize_with_offsets",
    "strip_diacritics",
]
