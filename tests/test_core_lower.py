"""The core's lower-cased normalized text (analyze_batch(lower=True), CoreDoc.low) is what
str.lower() makes of it."""
from hypothesis import given, settings, strategies as st

from tintuc import _core
from tintuc._coredoc import CoreDoc
from tintuc.document import run_core

TEXTS = [
    "Chủ tịch UBND TP HÀ NỘI Trần Sỹ Thanh phát biểu.",
    "ĐẠI HỘI ĐẢNG lần thứ XIV; Ông NGUYỄN VĂN A (TTXVN).",
    "ẞ Ǆ ǅ Ⅻ Ⓐ 𐐀 Ω K Å Ÿ Ā",          # case mappings beyond Latin, BMP and astral
    "ΣΟΦΙΑ ΣΑΣ Σ",                     # final sigma: str.lower() reads the context
    "İstanbul",                        # lower case of two code points: low is norm itself
    "abc 123 đã xong",
    "",
]


def reference(norm: str) -> str:
    return norm if "\u0130" in norm else norm.lower()


def check(texts):
    for text, core in zip(texts, run_core(texts)):
        assert core.low == reference(core.norm)
        assert type(core.low) is str


def test_sentences():
    check(TEXTS)


def test_the_core_leaves_sigma_and_dotted_i_to_python():
    raw = _core.analyze_batch(["ΣΑΣ", "İ", "Hà Nội", "hà"], lower=True)
    assert [r[14] for r in raw] == [None, None, "hà nội", "hà"]
    assert raw[3][14] is raw[3][0]      # nothing to lower: norm itself


def test_without_lower_the_tuple_is_as_before():
    [raw] = _core.analyze_batch(["Hà Nội"])
    assert len(raw) == 14
    assert CoreDoc("Hà Nội", raw).low == "hà nội"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=4))
def test_any_text(texts):
    check(texts)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="AaĐđÀàẠạỲỳƯưΣσςİIiΑ \n.-'" "\u0301\u0323\U00010400", max_size=40),
                min_size=1, max_size=4))
def test_cased_text(texts):
    check(texts)
