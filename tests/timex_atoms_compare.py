"""What the tests of the time-expression atoms read in C share (tests/test_timex_year.py,
_month, _date, _wday, _clock): tintuc.timex._scan's atoms with the C readings and with the
plain Python reading alone, and the words of a set written with each capital of their letters."""
from tintuc import timex
from tintuc._core import timex_hits_nfc


def key(a):
    f = {k: (key(v) if isinstance(v, timex._Atom) else v) for k, v in a.f.items()}
    return a.kind, a.start, a.end, f, a.strong, a.core


def both(text):
    """The atoms with the C readings, those of Python alone, and what C decided at each hit."""
    hits, _, decided = timex_hits_nfc(text)
    timex._four_words_before.cache_clear()
    fast = [key(a) for a in timex._scan(text, hits, decided)]
    timex._four_words_before.cache_clear()
    plain = [key(a) for a in timex._scan(text, hits, {})]
    return fast, plain, decided


def assert_same(texts):
    for s in texts:
        fast, plain, _ = both(s)
        assert fast == plain, s


def with_every_capital(words):
    """Each word of words with one letter written as one of the code points whose str.lower()
    is that letter (every such code point, at every place)."""
    letters = set("".join(words))
    capitals = {}
    for cp in range(0x110000):
        low = chr(cp).lower()
        if low in letters and low != chr(cp):
            capitals.setdefault(low, []).append(chr(cp))
    for w in words:
        for i, ch in enumerate(w):
            for cap in capitals.get(ch, []):
                yield w[:i] + cap + w[i + 1:]
