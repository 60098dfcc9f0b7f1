"""Phrase lists as regular expressions laid out as a character trie.

Python's regex engine tries the alternatives of ``a|b|c`` one by one at every position; laid out
as a trie (shared prefixes factored), it follows one path per position, and without a leading
look-behind it can skip ahead on the possible first letters. Lower-case the text and the
phrases for case-insensitive matching: that is several times faster than re.IGNORECASE.
"""
from __future__ import annotations

import re

__all__ = ["phrase_regex"]


def phrase_regex(phrases) -> str:
    """A regex matching any of ``phrases`` (longest first at a position), built as a character
    trie; a space in a phrase matches any run of spaces on one line."""
    trie: dict = {}
    for p in phrases:
        node = trie
        for ch in " ".join(p.split()):
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [(r"[^\S\n]+" if ch == " " else re.escape(ch)) + emit(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + "|".join(alts) + ")?"
        return body

    return emit(trie)
