"""_core.timex_hits_nfc: the hits of timex_hits and a flag that spares find_times its NFC
check. The flag may be False for NFC text, but when it is True the text must be NFC; the
blocks it trusts are checked here against Python's own Unicode tables."""
import unicodedata

from hypothesis import given, settings, strategies as st

from tintuc._core import timex_hits, timex_hits_nfc

# The code points the C check (core/timex_scan.c, tt_timex_nfc_sure) takes as surely NFC.
SURE = [(0x0000, 0x0300), (0x1E00, 0x1F00), (0x2002, 0x2070)]


def _second_of_pairs():
    """Code points that are the second of a canonical two-character decomposition: NFC may
    compose them with the one before (quick check "Maybe")."""
    out = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if d and not d.startswith("<"):
            parts = d.split()
            if len(parts) == 2:
                out.add(int(parts[1], 16))
    return out


def test_sure_blocks_are_nfc_in_any_order():
    maybe = _second_of_pairs()
    for lo, hi in SURE:
        for cp in range(lo, hi):
            c = chr(cp)
            assert unicodedata.combining(c) == 0, hex(cp)
            assert unicodedata.normalize("NFC", c) == c, hex(cp)       # quick check not "No"
            assert cp not in maybe, hex(cp)                             # nor "Maybe"


def test_flag_on_written_texts():
    for text, sure in [("", True), ("Ngày 23/10 tới", True), ("tha\u0301ng 5", False), ("…“a”–", True),
                       ("\u2000", False), ("\u2001a", False), ("ǅ\u02ff", True), ("\u0300", False),
                       ("Ω", False), ("😀", False)]:
        hits, nfc, _ = timex_hits_nfc(text)
        assert nfc is sure, text
        assert hits == timex_hits(text)
        if nfc:
            assert unicodedata.is_normalized("NFC", text)


ALPHABET = "aăâeêoôơuưđAĐ \n0123/" + "\u0300\u0301\u0303\u0309\u0323\u2000\u2013\u2026\u1ea1\u1ec7\u212b\u00c5"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(ALPHABET), max_size=40))
def test_flag_never_lies(text):
    hits, nfc, _ = timex_hits_nfc(text)
    assert hits == timex_hits(text)
    if nfc:
        assert unicodedata.is_normalized("NFC", text)
    assert nfc == all(any(lo <= ord(c) < hi for lo, hi in SURE) for c in text)
