"""The arrays the C pipeline returns for one text, read lazily (see csrc/glue/analyze.c)."""
from __future__ import annotations

import struct

from ._core import Token

KINDS = ("", "word", "number", "date", "punct", "symbol", "url", "email")

# a gazetteer match record (csrc/glue/analyze.c: match_rec)
MATCH = struct.Struct("<qIIIIIBBBx")
# a hit of the cue lexicon (csrc/core/cues.h: tt_cue_hit): value, token_start, token_end, flags
CUE_HIT = struct.Struct("<IIII")

# token flags (csrc/core/token.h)
UPPER_INITIAL, ALL_UPPER, VIET, DIACRITIC, SPACE_BEFORE, NEWLINE_BEFORE, ABBREV = (1 << k for k in range(7))


class CoreDoc:
    """Normalized text, alignment, tokens, sentences and words of one text.

    ``nstart/nend`` index the normalized text ``norm``; ``ostart/oend`` the original ``text``.
    The uint32 arrays (these four, ``align``, ``sent_first``, ``word_first``, ``cue_roles``) are
    ``_core.U32Array``: immutable sequences and buffers of format "I" that, unlike a memoryview
    over bytes, the cyclic garbage collector does not track.
    """

    __slots__ = ("text", "norm", "align", "nstart", "nend", "ostart", "oend", "kinds", "flags",
                 "sent_first", "word_first", "shape", "_matches", "cue_roles", "_cue_hits", "_low",
                 "_pending")

    def __init__(self, text: str, raw: tuple):
        norm, align, ns, ne, os_, oe, kinds, flags, sent, words, matches, shape = raw[:12]
        roles, hits = raw[12:14] if len(raw) >= 14 else (None, None)
        # norm lower-cased by the core (analyze_batch(lower=True)), None for a text it leaves
        # to str.lower() (see low)
        self._low = raw[14] if len(raw) >= 15 else None
        self._matches = matches
        # what the cue lexicon (tintuc.cuelex) found, None when the pass did not run: one
        # word of role bits per token, and the hits of the entries it reports
        self.cue_roles = roles
        self._cue_hits = hits  # a tuple: the packed hits of each group
        # one character per token (csrc/glue/analyze.c: shape_of): 'C' capitalized word, 'A' in
        # capitals, 'l' other word, 'h' tight hyphen, ASCII punctuation as itself, 'p' other
        # punctuation, 'n' number, 'd' date, 's' symbol, 'u' URL/e-mail
        self.shape = shape.decode("ascii")
        self.text = text
        self.norm = norm
        self.align = align
        self.nstart = ns
        self.nend = ne
        self.ostart = os_
        self.oend = oe
        self.kinds = kinds
        self.flags = flags
        self.sent_first = sent
        self.word_first = words

    def __len__(self) -> int:
        return len(self.kinds)

    # every slot but the text and _pending
    _STATE = __slots__[1:-1]

    @classmethod
    def later(cls, text: str, make) -> "CoreDoc":
        """The CoreDoc of ``text`` that ``make()`` gives, made when first read: the documents a
        forked worker analyzed (tintuc._forked) cost the caller nothing until their tokens are
        asked for, and then what one process would have spent on them."""
        self = cls.__new__(cls)
        self.text = text
        self._pending = make
        return self

    def __getattr__(self, name):
        # called only for a slot not set: those of a CoreDoc from later(), until it is made
        try:
            make = object.__getattribute__(self, "_pending")
        except AttributeError:
            make = None
        if make is None or name not in self._STATE:
            raise AttributeError(f"'CoreDoc' object has no attribute '{name}'")
        made = make()
        for k in self._STATE:
            setattr(self, k, getattr(made, k))
        self._pending = None
        return getattr(self, name)

    def __getstate__(self):
        # pickled made (what later() holds is a function of its batch)
        return None, {k: getattr(self, k) for k in ("text",) + self._STATE}

    @property
    def low(self) -> str:
        """``norm`` lower-cased, for the rules that read words whatever their case. Lower-casing
        keeps the length of Vietnamese text; the one letter that grows ("İ") would shift every
        offset, so a text that holds it is given as it is."""
        if self._low is None:
            self._low = self.norm if "\u0130" in self.norm else self.norm.lower()
        return self._low

    def matches(self) -> list[tuple]:
        """Gazetteer matches over the tokens, in text order: tuples (form, token_start,
        token_end, start, end, engine_flags, kind, tied, folded) with original offsets; kind is
        0 exact, 1 without diacritics, 2 through the typo fallback; tied marks further forms of
        the span before it."""
        return list(MATCH.iter_unpack(self._matches))

    def cue_hits(self, group: int) -> list[tuple]:
        """Hits of the phrases of one group of the cue lexicon (tintuc.cuelex) in token order, by
        start then end: tuples (value, token_start, token_end, flags); flags has CUE_WORDS when
        the hit begins and ends on word boundaries. Empty when the cue pass did not run."""
        return list(CUE_HIT.iter_unpack(self._cue_hits[group])) if self._cue_hits else []

    def to_original(self, pos: int) -> int:
        """The original offset of a normalized one."""
        return pos if self.align is None else self.align[pos]

    def token(self, k: int) -> Token:
        a, b = self.ostart[k], self.oend[k]
        return Token((self.text[a:b], a, b, KINDS[self.kinds[k]]))

    def tokens(self) -> list[Token]:
        text, os_, oe, kinds = self.text, self.ostart, self.oend, self.kinds
        return [Token((text[a:b], a, b, KINDS[k])) for a, b, k in zip(os_, oe, kinds)]

    def groups(self, firsts) -> list[tuple[int, int]]:
        """Token index ranges [first, last) from the first token of each group."""
        n = len(self.kinds)
        f = firsts.tolist()
        return list(zip(f, f[1:] + [n]))

    def span_of(self, first: int, last: int) -> tuple[int, int]:
        """Original (start, end) of tokens [first, last)."""
        return self.ostart[first], self.oend[last - 1]

    def words(self) -> list[Token]:
        text, kinds = self.text, self.kinds
        out = []
        for a, b in self.groups(self.word_first):
            s, e = self.ostart[a], self.oend[b - 1]
            kind = KINDS[kinds[a]] if b - a == 1 else "word"
            out.append(Token((text[s:e], s, e, kind)))
        return out

    def sentence_spans(self) -> list[tuple[int, int]]:
        return [self.span_of(a, b) for a, b in self.groups(self.sent_first)]
