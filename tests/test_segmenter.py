"""Word segmentation: the C decoder (tintuc._core.Segmenter) against the Python reference in
tools/train_segmenter.py, accuracy on UD Vietnamese VTB dev, malformed models, long, upper-case
and diacritic-free input."""
import importlib.util
import struct
import subprocess
import sys
import threading

import pytest
from hypothesis import given, settings, strategies as st

from conftest import ROOT, require_shared
from tintuc import _core

MODEL_PATH = ROOT / "pkg" / "tintuc" / "data" / "segmenter.bin"


def _load_reference():
    spec = importlib.util.spec_from_file_location("train_segmenter", ROOT / "tools" / "train_segmenter.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


ref = _load_reference()


@pytest.fixture(scope="module")
def blob():
    return MODEL_PATH.read_bytes()


@pytest.fixture(scope="module")
def seg(blob):
    return _core.Segmenter(blob)


@pytest.fixture(scope="module")
def ref_model(blob):
    return ref.read_model(blob)


@pytest.fixture(scope="module")
def dev():
    path = require_shared("data", "ud-vi-vtb", "vi_vtb-ud-dev.conllu")
    return [ref.syllables_and_joins(s) for s in ref.read_conllu(path)]


def words(seg, text):
    return seg.segment(text.split())


# ---------------------------------------------------------------------------------------
# the model file

def test_model_loads(seg, blob):
    assert blob[:8] == b"TTSEGMDL"
    assert len(blob) < 4_000_000
    assert seg.num_features > 1000
    assert seg.num_dict_entries > 30000
    # any bytes-like object will do
    assert _core.Segmenter(bytearray(blob)).num_features == seg.num_features
    assert _core.Segmenter(memoryview(blob)).num_features == seg.num_features
    assert _core.Segmenter(model=blob).num_dict_entries == seg.num_dict_entries


def test_model_attribution_present():
    text = (MODEL_PATH.parent / "SEGMENTER.md").read_text(encoding="utf-8")
    for needed in ("CC BY-SA 4.0", "Apache", "Dat Quoc Nguyen", "Phuong-Thai Nguyen"):
        assert needed in text


def _with_header(blob, offset, fmt, value):
    """blob with one header field replaced and the checksum left alone."""
    b = bytearray(blob)
    struct.pack_into(fmt, b, offset, value)
    return bytes(b)


def _resum(b):
    """Recompute the checksum so that only the field under test is wrong."""
    b = bytearray(b)
    struct.pack_into("<Q", b, 56, ref.fnv1a64(bytes(b[64:])))
    return bytes(b)


def test_malformed_models_raise_value_error(blob):
    bad = [
        b"",
        b"TTSEGMDL",
        blob[:64],
        blob[:-1],
        blob + b"\0",
        b"XXSEGMDL" + blob[8:],
        _with_header(blob, 8, "<I", 2),             # version
        _with_header(blob, 12, "<I", 32),           # header size
        _with_header(blob, 16, "<I", 30),           # feature buckets (huge)
        _with_header(blob, 20, "<I", 1),            # slots in use
        _with_header(blob, 32, "<I", 1),            # longest word
        _with_header(blob, 36, "<I", 1),            # flags
        _with_header(blob, 44, "<I", 7),            # reserved
        _with_header(blob, 56, "<Q", 12345),        # checksum
    ]
    flipped = bytearray(blob)
    flipped[len(blob) // 2] ^= 0x40
    bad.append(bytes(flipped))
    # a structurally wrong table with a valid checksum: a slot whose check value is zero
    zero_check = bytearray(blob)
    struct.pack_into("<I", zero_check, 64, 0x5)
    bad.append(_resum(zero_check))
    bad.append(_resum(_with_header(blob, 28, "<I", 3)))  # dictionary slots in use
    for b in bad:
        with pytest.raises(ValueError):
            _core.Segmenter(b)


def test_constructor_argument_errors(blob):
    with pytest.raises(TypeError):
        _core.Segmenter("not bytes")
    with pytest.raises(TypeError):
        _core.Segmenter()
    with pytest.raises(TypeError):
        _core.Segmenter(blob, blob)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_never_load(data):
    with pytest.raises(ValueError):
        _core.Segmenter(b"TTSEGMDL" + data)


def test_reference_reads_the_shipped_model(ref_model, seg):
    sample = "Trả lời phỏng vấn , ông Lộc nói : bán đất với giá không được ủy ban tỉnh phê duyệt".split()
    assert ref_model.segment_syllables(sample) == [int(j) for j in seg.joins(sample)]


# ---------------------------------------------------------------------------------------
# the list API

def test_joins_and_segment_basics(seg):
    assert seg.joins([]) == []
    assert seg.joins(["nhà"]) == []
    assert seg.segment([]) == []
    assert seg.segment(["nhà"]) == ["nhà"]
    s = ["Ngoại", "trưởng", "phát", "biểu", "tại", "Hà", "Nội"]
    j = seg.joins(s)
    assert len(j) == len(s) - 1 and all(isinstance(x, bool) for x in j)
    assert seg.segment(s) == ["Ngoại trưởng", "phát biểu", "tại", "Hà Nội"]
    assert seg.segment(tuple(s), sep="_") == ["Ngoại_trưởng", "phát_biểu", "tại", "Hà_Nội"]


def test_list_api_errors(seg):
    with pytest.raises(TypeError):
        seg.joins(["nhà", 3])
    with pytest.raises(TypeError):
        seg.joins(5)
    with pytest.raises(TypeError):
        seg.joins()
    with pytest.raises(TypeError):
        seg.joins(["a"], extra=1)
    with pytest.raises(TypeError):
        seg.segment(["a"], sep=1)


def test_only_words_join(seg):
    s = "Dự án 30.000 tỉ đồng , ( Hà Nội ) 15 % ngày 23/10 : @ # Hà Nội".split()
    joins = seg.joins(s)
    for i, j in enumerate(joins):
        if j:
            assert s[i][0].isalpha() and s[i + 1][0].isalpha(), (s[i], s[i + 1])
    assert "Hà Nội" in seg.segment(s)


def test_empty_and_odd_strings(seg):
    s = ["", "nhà", "", "\ud800", "cửa", "\U0001F600", "nhà", "cửa"]
    joins = seg.joins(s)
    assert len(joins) == len(s) - 1
    assert joins[:5] == [False] * 5
    assert seg.segment(["nhà", "cửa"]) == ["nhà cửa"]


def test_tone_placement_does_not_matter(seg):
    hoa = "hòa bình và sức khỏe , thủy lợi , hòa giải".split()
    hoaf = "hoà bình và sức khoẻ , thuỷ lợi , hoà giải".split()
    assert seg.joins(hoa) == seg.joins(hoaf)
    assert "hòa bình" in seg.segment(hoa)


def test_upper_case_input(seg):
    assert words(seg, "HÀ NỘI : THỦ TƯỚNG PHÁT BIỂU TẠI HỘI NGHỊ") == [
        "HÀ NỘI", ":", "THỦ TƯỚNG", "PHÁT BIỂU", "TẠI", "HỘI NGHỊ"]
    assert words(seg, "CÔNG AN TỈNH BẮT GIỮ ĐỐI TƯỢNG BUÔN LẬU") == [
        "CÔNG AN", "TỈNH", "BẮT GIỮ", "ĐỐI TƯỢNG", "BUÔN LẬU"]


def test_text_without_diacritics(seg):
    assert words(seg, "Ha Noi la thu do cua Viet Nam") == ["Ha Noi", "la", "thu do", "cua", "Viet Nam"]
    assert words(seg, "cong an tinh da bat giu doi tuong") == [
        "cong an", "tinh", "da", "bat giu", "doi tuong"]


def test_ten_thousand_syllables(seg, ref_model):
    base = ("Ngoại trưởng Nga Sergei Lavrov cho biết , hai bên đã đồng ý ngừng bắn từ ngày 10/10 "
            "tại khu vực Nagorno - Karabakh và sẽ trao đổi tù binh , thi thể người thiệt mạng .").split()
    s = (base * (10_000 // len(base) + 1))[:10_000]
    joins = seg.joins(s)
    assert len(joins) == 9_999
    assert [int(x) for x in joins] == ref_model.segment_syllables(s)
    w = seg.segment(s)
    assert sum(len(x.split(" ")) for x in w) == 10_000
    assert w.count("Ngoại trưởng") == s.count("Ngoại")


def test_threads_share_one_segmenter(seg):
    s = ("Ngoại trưởng Nga phát biểu tại Hà Nội về thỏa thuận ngừng bắn . " * 500).split()
    want = seg.joins(s)
    got = [None] * 8
    errors = []

    def work(k):
        try:
            for _ in range(5):
                got[k] = seg.joins(s)
        except Exception as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(g == want for g in got)


_syllable = st.one_of(
    st.sampled_from("nhà cửa Hà Nội HÀ NỘI Ha Noi hòa hoà bình thủy thuỷ Nguyễn Văn An ông bà "
                    "đã được không thể chấp nhận . , ( ) 30.000 10/10 % Việt Nam TP. HCM".split()),
    # the Basic Multilingual Plane only: Python and ICU may know different Unicode versions,
    # and letters added lately live in the supplementary planes
    st.text(alphabet=st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",)), max_size=6),
    st.text(alphabet="aăâeêioôơuưyđàáảãạằắẳẵặầấẩẫậAĂÂĐÊÔƠƯÀÁbcdghklmnpqrstvx", min_size=1, max_size=7),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_syllable, max_size=40))
def test_c_decoder_matches_reference_on_random_input(seg, ref_model, syllables):
    assert [int(j) for j in seg.joins(syllables)] == ref_model.segment_syllables(syllables)


# ---------------------------------------------------------------------------------------
# accuracy on UD Vietnamese VTB dev (needs ../shared)

def test_c_decoder_matches_reference_on_dev(seg, ref_model, dev):
    mismatches = []
    for variant in (lambda x: x, ref.strip_diacritics, str.upper):
        for syl, _ in dev:
            s = [variant(x) for x in syl]
            c = [int(j) for j in seg.joins(s)]
            if c != ref_model.segment_syllables(s):
                mismatches.append(" ".join(s))
    assert mismatches == []


def test_dev_word_f1(seg, dev):
    f1 = ref.f1((gold, [int(j) for j in seg.joins(syl)]) for syl, gold in dev)
    assert f1 >= 0.97


def test_dev_word_f1_upper_case_and_without_diacritics(seg, dev):
    up = ref.f1((gold, [int(j) for j in seg.joins([x.upper() for x in syl])]) for syl, gold in dev)
    plain = ref.f1((gold, [int(j) for j in seg.joins([ref.strip_diacritics(x) for x in syl])])
                   for syl, gold in dev)
    assert up >= 0.94
    assert plain >= 0.92


def test_training_reproduces_the_shipped_model(tmp_path, blob):
    shared = require_shared("data", "ud-vi-vtb").parent.parent
    out = tmp_path / "segmenter.bin"
    subprocess.run([sys.executable, str(ROOT / "tools" / "train_segmenter.py"), "--shared", str(shared),
                    "--out", str(out)], check=True, capture_output=True, text=True)
    assert out.read_bytes() == blob
