"""The gazetteer: tintuc._core.Automaton (csrc/core/automaton.c) and tintuc.Gazetteer.

Offsets after normalization, name variants (hyphens, case, diacritics, typos), leftmost-longest
and overlapping matching, flags of the built-in data, bad input, serialization, batches."""
import json
import pickle
import random
import threading
import unicodedata

import pytest
from hypothesis import given, settings, strategies as st

import tintuc
from tintuc import Entity, Gazetteer, _core, default_gazetteer
from tintuc.gazetteer import GazetteerMatch



def texts(entities):
    return [e.text for e in entities]


def ids(entities):
    return [e.id for e in entities]


@pytest.fixture(scope="module")
def places():
    g = Gazetteer()
    g.add("Nagorno-Karabakh", "LOC", id="loc:nk", aliases=["Nagorny-Karabakh"])
    g.add("Moskva", "LOC", id="msk", aliases="Moscow|Mát-xcơ-va")
    g.add("Đồng Nai", "LOC", id="dn")
    g.add("Hà Nội", "LOC", id="hn")
    g.add("Nha Trang", "LOC", id="nt")
    g.add("Nhà Trắng", "ORG", id="wh", flags="cased=Nhà Trắng")
    g.add("Azerbaijan", "LOC", id="az")
    g.add("Liên hợp quốc", "ORG", id="un", aliases=["LHQ", "UN"])
    g.add("Hội đồng Bảo an Liên hợp quốc", "ORG", id="unsc", aliases=["Hội đồng Bảo an", "HĐBA"])
    g.add("Phong trào Không liên kết", "ORG", id="nam", aliases=["NAM"])
    g.add("Associated Press", "ORG", id="ap", aliases=["AP"])
    g.add("Sergei Lavrov", "PER", id="lavrov", aliases=["Lavrov"], flags=["surname=Lavrov"])
    g.add("Hàn Quốc", "LOC", id="kr", aliases=["Hàn"], flags="short=Hàn")
    return g


# ------------------------------------------------------------------------------ offsets

@pytest.mark.parametrize("prefix", ["", "😀 ", "🇻🇳👍🏽 ", "\u00a0\u00a0", "e\u0301 ", "\u200b"])
@pytest.mark.parametrize("name", ["Hà Nội", "Ha\u0300 No\u0323\u0302i", "HÀ\u00a0NỘI", "Ha Noi"])
def test_spans_slice_the_original_text(places, prefix, name):
    text = f"{prefix}Hôm nay ở {name} trời mưa, rồi tới Đồng Nai."
    found = places.find(text, fold=True)
    for e in found:
        assert text[e.start:e.end] == e.text
    hn = [e for e in found if e.id == "hn"]
    if name == "Ha Noi":  # an unmarked syllable in a marked line is a word of its own
        assert hn == []
    else:
        assert [e.text for e in hn] == [name]
    assert [e.text for e in found if e.id == "dn"] == ["Đồng Nai"]


def test_spans_after_tone_placement_and_decomposed_marks():
    g = Gazetteer()
    g.add("Thanh Hóa", "LOC", id="th")
    g.add("Khánh Hòa", "LOC", id="kh")
    text = "Từ Thanh Hoá (viết kiểu cũ) và Kha\u0301nh Hoa\u0300 😀 tới THANH HOÁ."
    found = g.find(text)
    assert [(e.id, e.text) for e in found] == [("th", "Thanh Hoá"), ("kh", "Kha\u0301nh Hoa\u0300"),
                                               ("th", "THANH HOÁ")]
    for e in found:
        assert text[e.start:e.end] == e.text
        assert e.match == "exact"


def test_never_inside_a_syllable(places):
    # flashtext reads "ồ" as a word boundary and finds "ng Nai" inside "Đồng Nai"
    g = Gazetteer()
    g.add("ng Nai", "LOC", id="bad")
    g.add("Nai", "LOC", id="nai")
    assert ids(g.find("Đồng Nai")) == ["nai"]
    assert g.find("Hànội") == []
    assert places.find("Hànội và HàNội") == []


# ------------------------------------------------------------------------------ variants

@pytest.mark.parametrize("written", ["Nagorno-Karabakh", "Nagorno - Karabakh", "Nagorno Karabakh",
                                     "Nagorny-Karabakh", "NAGORNO–KARABAKH", "nagorno karabakh",
                                     "Nagorno — Karabakh", "Nagorno-\tKarabakh"])
def test_hyphen_and_space_variants_share_the_id(places, written):
    text = f"Xung đột ở {written} lại bùng phát."
    found = places.find(text)
    assert [(e.text, e.id, e.name) for e in found] == [(written, "loc:nk", "Nagorno-Karabakh")]


def test_a_line_break_ends_a_name(places):
    assert places.find("Nagorno\nKarabakh") == []
    assert ids(places.find("Moskva\nMoscow")) == ["msk", "msk"]


@pytest.mark.parametrize("written", ["Moskva", "Moscow", "Mát-xcơ-va", "Mát - xcơ - va", "MOSCOW"])
def test_transliterations_share_the_id(places, written):
    found = places.find(f"Phái đoàn đã tới {written} hôm qua.")
    assert [(e.text, e.id, e.name, e.label) for e in found] == [(written, "msk", "Moskva", "LOC")]


def test_token_indexes_match_tokenize(places):
    text = "Ông Lavrov nói tại Mát-xcơ-va rằng HĐBA sẽ họp về Nagorno - Karabakh."
    toks = tintuc.tokenize(text)
    ms = places.matches(text)
    assert [m.text for m in ms] == ["Lavrov", "Mát-xcơ-va", "HĐBA", "Nagorno - Karabakh"]
    for m in ms:
        assert toks[m.token_start].start == m.start
        assert toks[m.token_end - 1].end == m.end
    raw = places.automaton.find(text)
    for start, end, value, kind, ts, te, tied in raw:
        assert (toks[ts].start, toks[te - 1].end) == (start, end)


# ------------------------------------------------------------------------------ modes

def test_leftmost_longest_and_overlapping():
    g = Gazetteer()
    g.add("Hội đồng Bảo an", "ORG", id="sc")
    g.add("Hội đồng Bảo an Liên hợp quốc", "ORG", id="unsc")
    g.add("Liên hợp quốc", "ORG", id="un")
    g.add("Bảo an", "MISC", id="ba")
    text = "Hội đồng Bảo an Liên hợp quốc họp khẩn."
    assert texts(g.find(text)) == ["Hội đồng Bảo an Liên hợp quốc"]
    over = g.find(text, overlapping=True)
    assert [(e.text, e.id) for e in over] == [
        ("Hội đồng Bảo an", "sc"), ("Hội đồng Bảo an Liên hợp quốc", "unsc"), ("Bảo an", "ba"),
        ("Liên hợp quốc", "un")]
    # leftmost first: a later, longer match does not win over an earlier one
    g2 = Gazetteer()
    g2.add("Nam Định", "LOC", id="nd")
    g2.add("Định Công", "LOC", id="dc")
    assert ids(g2.find("Nam Định Công")) == ["nd"]
    assert ids(g2.find("Nam Định Công", overlapping=True)) == ["nd", "dc"]


def test_diacritics_insensitive_prefers_the_exact_entry(places):
    assert ids(places.find("Du lịch Nha Trang mùa hè.")) == ["nt"]
    assert ids(places.find("Phát ngôn viên Nhà Trắng cho biết.")) == ["wh"]
    # a line written without diacritics: both read "nha trang"; the one written so wins
    assert [(e.id, e.match) for e in places.find("Du lich Nha Trang mua he")] == [("nt", "exact")]
    assert [(e.id, e.match, e.score) for e in places.find("Toi song o Ha Noi")] == [("hn", "fold", 0.9)]
    assert [(e.id, e.match) for e in places.find("TIN NONG: HA NOI MUA TO")] == [("hn", "fold")]
    assert places.find("Toi song o Ha Noi", fold=False) == []
    assert [(e.id, e.match) for e in places.find("Tôi sống ở HÀ NỘI")] == [("hn", "exact")]
    # "nhà trắng" in lower case is a white house; the cased form does not fire
    assert places.find("Một ngôi nhà trắng bên sông.") == []


def test_marked_syllables_are_words_of_their_own():
    g = Gazetteer()
    g.add("Ba Lan", "LOC", id="pl")
    g.add("Thanh Trà", "LOC", id="tt")
    g.add("Zurich", "LOC", id="zh")
    g.add("Nguyễn Du", "PER", id="nd")
    assert g.find("Bà Lan đi chợ.") == []
    assert g.find("Đoàn thanh tra đã tới.") == []
    assert ids(g.find("thanh tra")) == ["tt"]  # a line without any diacritics
    assert [(e.text, e.match) for e in g.find("Họp ở Zürich hôm qua.")] == [("Zürich", "fold")]
    # "Nguyen" cannot be an unmarked Vietnamese word (its spelling needs marks), so it may
    # stand for the marked name even in a line written with marks
    assert [(e.text, e.match) for e in g.find("Thơ của Nguyen Du được dịch.")] == [("Nguyen Du", "fold")]
    g2 = Gazetteer(plain_forms=True)
    g2.add("Ha Noi", "LOC", id="hn")
    g2.add("Ba Lan", "LOC", id="pl")
    assert [(e.text, e.match) for e in g2.find("Tôi sống ở Hà Nội.")] == [("Hà Nội", "fold")]
    assert g2.find("Tôi sống ở hà nội.") == []  # capitalized where the form is
    assert ids(g2.find("Ba Lan và Bà Lan")) == ["pl", "pl"]


def test_capitals():
    g = Gazetteer()
    g.add("Trung Bình", "LOC", id="tb")
    assert ids(g.find("mức trung bình")) == ["tb"]
    assert g.find("mức trung bình", capitals=True) == []
    assert ids(g.find("XÃ TRUNG BÌNH", capitals=True)) == ["tb"]
    assert ids(g.find("xã Trung Bình", capitals=True)) == ["tb"]
    assert Gazetteer(capitals=True).capitals


def test_acronyms_and_cased_forms(places):
    assert ids(places.find("Hội nghị thượng đỉnh NAM khai mạc.")) == ["nam"]
    assert places.find("Miền nam nắng nóng, gió nam thổi mạnh.") == []
    assert places.find("Nam giới") == []
    assert ids(places.find("Theo AP, cuộc họp đã kết thúc.")) == ["ap"]
    assert places.find("ap lực") == []
    assert places.find("Ap") == []
    assert ids(places.find("Phía UN lên tiếng; LHQ cũng vậy.")) == ["un", "un"]
    assert places.find("un") == []
    g = Gazetteer()
    g.add("miền Bắc", "LOC", id="bac", flags="cased=miền Bắc")
    assert ids(g.find("Không khí lạnh tràn về miền Bắc.")) == ["bac"]
    assert ids(g.find("Miền Bắc rét đậm.")) == ["bac"]  # the first letter may be capitalized
    assert g.find("miền bắc rét đậm.") == []
    assert g.find("MIỀN BẮC RÉT ĐẬM.") == []


def test_typo_fallback(places):
    found = places.find("Thủ đô của Azerbaizan là Baku.")
    assert [(e.text, e.id, e.match) for e in found] == [("Azerbaizan", "az", "typo")]
    assert found[0].score < 1.0
    for written in ["Azerbaijann", "Azerbajian", "Azrbaijan"]:
        assert ids(places.find(f"Tin từ {written} cho biết")) == ["az"], written
    assert places.find("Tin từ Azerbaizan cho biết", typos=False) == []
    assert places.find("Tin từ azerbaizan cho biết") == []  # a name's typo is still capitalized
    assert places.find("Tin từ Bzerbaijan cho biết") == []  # the first letter is kept
    assert places.find("Tin từ Azerbaizann cho biết") == []  # one edit only
    g = Gazetteer()
    g.add("Paris", "LOC", id="paris")  # too short for the fallback
    assert g.find("Parris") == []
    g.add("Nagorno-Karabakh", "LOC", id="nk")
    assert [(e.text, e.match) for e in g.find("vùng Nagorno-Karabach")] == [("Nagorno-Karabach", "typo")]


def test_context_forms_are_left_to_the_rules(places):
    text = "Ngoại trưởng Lavrov gặp đồng cấp Hàn Quốc; quan hệ Nga - Hàn tốt đẹp."
    assert ids(places.find(text)) == ["kr"]
    assert ids(places.find(text, include="surname")) == ["lavrov", "kr"]
    assert ids(places.find(text, include=("short", "surname"))) == ["lavrov", "kr", "kr"]
    ms = places.matches(text)
    assert [(m.text, m.flags, m.entity.id) for m in ms] == [
        ("Lavrov", ("surname",), "lavrov"), ("Hàn Quốc", (), "kr"), ("Hàn", ("short",), "kr")]
    assert all(isinstance(m, GazetteerMatch) for m in ms)
    assert ms[0].has("surname") and not ms[1].has("surname")
    with pytest.raises(ValueError, match="unknown flag"):
        places.find(text, include="nickname")


def test_ambiguous_forms_report_alternatives():
    g = Gazetteer()
    g.add("Cộng hòa Congo", "LOC", id="CG", aliases=["Congo"], flags="ambiguous=Congo")
    g.add("Cộng hòa Dân chủ Congo", "LOC", id="CD", aliases=["Congo"], flags="ambiguous=Congo")
    (e,) = g.find("Giao tranh ở Congo.")
    assert (e.id, e.alternatives, e.flags) == ("CG", ("CD",), ("ambiguous",))
    (m,) = g.matches("Giao tranh ở Congo.")
    assert [x.id for x in m.entities] == ["CG", "CD"]
    assert ids(g.find("Cộng hòa Dân chủ Congo")) == ["CD"]


# ------------------------------------------------------------------------------ Entity

def test_entity_is_a_frozen_slotted_dataclass(places):
    (e,) = places.find("Tới Moscow.")
    assert isinstance(e, Entity)
    with pytest.raises(AttributeError):
        e.start = 0
    assert not hasattr(e, "__dict__")
    d = e.to_dict()
    assert d == {"text": "Moscow", "start": 4, "end": 10, "label": "LOC", "id": "msk", "name": "Moskva",
                 "source": "gazetteer", "score": 1.0, "match": "exact", "form": "Moscow", "flags": [],
                 "alternatives": []}
    json.dumps(d)
    assert e == Entity("Moscow", 4, 10, "LOC", "msk", "Moskva", "gazetteer", 1.0, "exact", "Moscow")


# ------------------------------------------------------------------------------ building

@pytest.mark.parametrize("name, err, msg", [
    ("", ValueError, "empty"),
    ("   ", ValueError, "empty"),
    ("123 - 456", ValueError, "no letters"),
    ("!!!", ValueError, "no letters"),
    ("😀", ValueError, "no letters"),
    (None, ValueError, "missing"),
    (float("nan"), ValueError, "missing"),
    (42, TypeError, "must be str"),
])
def test_bad_names_are_refused_clearly(name, err, msg):
    g = Gazetteer()
    with pytest.raises(err, match=msg):
        g.add(name, "LOC")
    assert len(g) == 0


def test_bad_labels_aliases_ids_and_flags():
    g = Gazetteer()
    with pytest.raises(ValueError, match="label"):
        g.add("Hà Nội", "CITY")
    with pytest.raises(ValueError, match="no letters"):
        g.add("Hà Nội", "LOC", aliases=["HN", "---"])
    with pytest.raises(TypeError, match="alias"):
        g.add("Hà Nội", "LOC", aliases=["HN", 7])
    with pytest.raises(TypeError, match="aliases"):
        g.add("Hà Nội", "LOC", aliases=7)
    with pytest.raises(ValueError, match="unknown flag"):
        g.add("Hà Nội", "LOC", aliases=["HN"], flags="nickname=HN")
    with pytest.raises(ValueError, match="neither its name nor an alias"):
        g.add("Hà Nội", "LOC", flags="short=HN")
    with pytest.raises(TypeError, match="id"):
        g.add("Hà Nội", "LOC", id=["x"])
    assert len(g) == 0
    assert g.add("Hà Nội", "loc") == "Hà Nội"  # label case is forgiven, the id defaults to the name
    assert g.get("Hà Nội")["label"] == "LOC"


def test_duplicate_ids():
    g = Gazetteer()
    g.add("Moskva", "LOC", id="msk")
    g.add("Moscow", "LOC", id="msk")  # the same id again: one more form
    assert len(g) == 1
    assert g.get("msk")["aliases"] == ["Moscow"]
    with pytest.raises(ValueError, match="already LOC"):
        g.add("Moscow Dynamo", "ORG", id="msk")
    assert ids(g.find("Moskva, Moscow")) == ["msk", "msk"]
    g.add("Moscow", "LOC", id="msk")  # an exact repeat changes nothing
    assert len(g.automaton) == 2


def test_automaton_build_errors():
    with pytest.raises(ValueError, match=r"name 1 .*no letters"):
        _core.Automaton.build(["Hà Nội", "12 34"])
    with pytest.raises(ValueError, match=r"name 0 .*empty"):
        _core.Automaton.build([" - "])
    with pytest.raises(ValueError, match="line break"):
        _core.Automaton.build(["Hà\nNội"])
    with pytest.raises(ValueError, match="too many tokens"):
        _core.Automaton.build([" ".join(["ab"] * 65)])
    with pytest.raises(TypeError, match="name 1 must be str"):
        _core.Automaton.build(["Hà Nội", None])
    with pytest.raises(TypeError, match="not a str"):
        _core.Automaton.build("Hà Nội")
    with pytest.raises(ValueError, match="values has 1 items for 2 names"):
        _core.Automaton.build(["a", "b"], [1])
    with pytest.raises(TypeError, match="flags"):
        _core.Automaton.build(["a"], flags=["x"])
    with pytest.raises(OverflowError):
        _core.Automaton.build(["a"], [2 ** 70])
    empty = _core.Automaton.build([])
    assert len(empty) == 0 and empty.find("Hà Nội") == []


def test_automaton_values_flags_and_exclude():
    a = _core.Automaton.build(["Hà Nội", "Hà Nội", "Hải Phòng"], [10, -7, 2 ** 40], [0, 1 << 9, 0])
    found = a.find("Từ Hà Nội tới Hải Phòng")
    assert [(m[2], m[3], m[6]) for m in found] == [(10, "exact", False), (-7, "exact", True), (2 ** 40, "exact", False)]
    assert [m[2] for m in a.find("Từ Hà Nội tới Hải Phòng", exclude=1 << 9)] == [10, 2 ** 40]
    assert a.info()["entries"] == 3 and a.info()["nbytes"] > 0
    assert a.__sizeof__() > a.info()["nbytes"] - 100


# ------------------------------------------------------------------------------ from frames and files

def test_from_frame():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "name": ["Hà Nội", "Moskva", "Liên hợp quốc", "Moskva"],
        "label": ["LOC", "LOC", "ORG", "LOC"],
        "id": ["hn", "msk", None, "msk"],
        "aliases": [["Hanoi", "HN"], "Moscow|Mát-xcơ-va", None, float("nan")],
        "flags": ["short=HN", None, None, None],
        "kind": ["city", "city", "org", None],
    })
    g = Gazetteer.from_frame(df, attrs=["kind"])
    assert len(g) == 3
    assert ids(g.find("Hanoi, Mát-xcơ-va và Liên hợp quốc; HN")) == ["hn", "msk", "Liên hợp quốc"]
    assert g.get("hn")["kind"] == "city"
    assert g.get("hn")["form_flags"] == {"HN": ("short",)}
    g2 = Gazetteer.from_frame(df[["name"]], label="LOC", id=None)
    assert len(g2) == 3 and g2.get("Moskva")["label"] == "LOC"
    with pytest.raises(KeyError, match="no column 'nom'"):
        Gazetteer.from_frame(df, name="nom")
    bad = pd.DataFrame({"name": ["Hà Nội", None], "label": ["LOC", "LOC"]})
    with pytest.raises(ValueError, match="row 1: name is missing"):
        Gazetteer.from_frame(bad)
    bad = pd.DataFrame({"name": ["Hà Nội", "Hà Nội"], "label": ["LOC", "ORG"], "id": ["x", "x"]})
    with pytest.raises(ValueError, match="row 1: id 'x' is already LOC"):
        Gazetteer.from_frame(bad)


def test_from_csv_and_jsonl(tmp_path):
    p = tmp_path / "names.csv"
    p.write_text('name,label,id,aliases\n"Moskva",LOC,msk,"Moscow|Mát-xcơ-va"\nHà Nội,LOC,,\n', encoding="utf-8")
    g = Gazetteer.from_csv(p)
    assert ids(g.find("Moscow và Hà Nội")) == ["msk", "Hà Nội"]
    t = tmp_path / "names.tsv"
    t.write_text('name\tlabel\taliases\n"Quote"\tMISC\t\nHuế\tLOC\tHue\n', encoding="utf-8")
    g = Gazetteer.from_csv(t)
    assert len(g) == 2 and '"Quote"' in g  # TSV is read unquoted
    j = tmp_path / "names.jsonl"
    j.write_text(json.dumps({"name": "Moskva", "label": "LOC", "aliases": ["Moscow"]}, ensure_ascii=False) + "\n\n"
                 + json.dumps({"name": "Kyiv", "label": "LOC", "id": "kyiv"}) + "\n", encoding="utf-8")
    g = Gazetteer.from_jsonl(j)
    assert ids(g.find("Moscow, Kyiv")) == ["Moskva", "kyiv"]
    j.write_text('{"name": "Kyiv", "label": "LOC"}\n{broken\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":2: not JSON"):
        Gazetteer.from_jsonl(j)


# ------------------------------------------------------------------------------ serialization

def test_pickle_round_trip(places):
    text = "Lavrov tới Moscow; Hàn Quốc, Azerbaizan, HA NOI, Nhà Trắng."
    copy = pickle.loads(pickle.dumps(places))
    assert copy.find(text) == places.find(text)
    assert copy.matches(text) == places.matches(text)
    assert len(copy) == len(places) and copy.get("msk") == places.get("msk")
    copy.add("Baku", "LOC")  # a copy can grow; the original does not
    assert "Baku" in copy and "Baku" not in places
    assert ids(copy.find("Baku")) == ["Baku"]
    a = places.automaton
    b = pickle.loads(pickle.dumps(a))
    assert b.to_bytes() == a.to_bytes()
    assert b.find(text) == a.find(text)


def test_malformed_automaton_bytes():
    data = default_gazetteer().automaton.to_bytes()
    assert _core.Automaton(data).to_bytes() == data
    for bad in [b"", b"TTGAZAC", data[:-1], data + b"\0", data[:64], b"\0" * len(data)]:
        with pytest.raises(ValueError, match="malformed"):
            _core.Automaton(bad)
    rng = random.Random(5)
    for _ in range(200):
        b = bytearray(data)
        b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
        with pytest.raises(ValueError):
            _core.Automaton(bytes(b))
    for _ in range(200):
        junk = bytes(rng.randrange(256) for _ in range(rng.randrange(200)))
        with pytest.raises(ValueError):
            _core.Automaton(b"TTGAZAC\0" + junk)
    with pytest.raises(TypeError):
        _core.Automaton("not bytes")
    state = default_gazetteer().__getstate__()
    state["version"] = 99
    with pytest.raises(ValueError, match="version"):
        Gazetteer.__new__(Gazetteer).__setstate__(state)


# ------------------------------------------------------------------------------ batches

def test_find_many_shape_and_index(places):
    pd = pytest.importorskip("pandas")
    s = pd.Series(["Moscow và Hà Nội", None, float("nan"), "", "Không có gì", "HĐBA họp ở LHQ", pd.NA],
                  index=list("abcdefg"), name="text")
    df = places.find_many(s)
    assert list(df.columns) == ["text", "start", "end", "label", "id", "name", "source", "score", "match"]
    assert df.index.names == [None, "match"]
    assert df.index.tolist() == [("a", 0), ("a", 1), ("f", 0), ("f", 1)]
    assert df["id"].tolist() == ["msk", "hn", "unsc", "un"]
    assert (df["source"] == "gazetteer").all()
    for (key, _), row in df.iterrows():
        assert s[key][row.start:row.end] == row.text
    # the same shape as str.extractall's
    ref = s.dropna().str.extractall(r"(Moscow|Hà Nội|HĐBA|LHQ)")
    assert ref.index.tolist() == df.index.tolist()
    plain = places.find_many(["Moscow", None, "Hà Nội"])
    assert plain.index.tolist() == [(0, 0), (2, 0)]
    empty = places.find_many([None, "gì đâu"])
    assert len(empty) == 0 and list(empty.columns) == list(df.columns)
    with pytest.raises(TypeError, match="item 1"):
        places.find_many(["Moscow", 3])
    with pytest.raises(TypeError):
        places.find_many("Moscow")


def test_find_many_equals_find(places):
    docs = ["Ông Lavrov tới Moscow.", "Giao tranh ở Nagorno - Karabakh; HĐBA họp.", None] * 50
    df = places.find_many(docs, include="surname")
    expect = [(i, e.start, e.end, e.id, e.score) for i, d in enumerate(docs) if d
              for e in places.find(d, include="surname")]
    got = list(zip(df.index.get_level_values(0), df.start, df.end, df.id, df.score))
    assert got == expect


def test_threads_share_one_automaton(places):
    docs = ["Moscow, Hà Nội, Nagorno-Karabakh và Azerbaizan. " * 40] * 20
    want = places.find_many(docs)
    out = [None] * 4

    def run(k):
        out[k] = places.find_many(docs)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for df in out:
        assert df.equals(want)


# ------------------------------------------------------------------------------ the built-in gazetteer

@pytest.mark.parametrize("sentence, expect", [
    ("Tổng thống LB Nga phát biểu tại Điện Kremlin.", [("LB Nga", "RU")]),
    ("Quan hệ giữa Mỹ và Hoa Kỳ là một, vì đó là hai tên của cùng một nước.", [("Mỹ", "US"), ("Hoa Kỳ", "US")]),
    ("Đoàn đại biểu rời Moskva sáng nay.", [("Moskva", "RUMOW")]),
    ("Trời ở Mát-xcơ-va đã lạnh.", [("Mát-xcơ-va", "RUMOW")]),
    ("Giá khí đốt ở Moscow tăng.", [("Moscow", "RUMOW")]),
    ("Liên hợp quốc kêu gọi ngừng bắn; LHQ sẽ gửi hàng cứu trợ.",
     [("Liên hợp quốc", "Q1065"), ("LHQ", "Q1065")]),
    ("HĐBA nhóm họp khẩn cấp.", [("HĐBA", "Q37470")]),
    ("Theo phóng viên TTXVN, lễ ký đã diễn ra.", [("TTXVN", "org:ttxvn")]),
])
def test_default_gazetteer_finds(sentence, expect):
    found = [(e.text, e.id) for e in default_gazetteer().find(sentence)]
    for pair in expect:
        assert pair in found, (pair, found)


def test_default_gazetteer_flags():
    g = default_gazetteer()
    assert g is default_gazetteer()
    assert len(g) > 1500
    # cased and capitalized forms: ordinary words do not fire
    assert g.find("Bác sĩ thẩm mỹ nói giải pháp này tốt cho nhân viên.") == []
    assert g.find("Cả hai cùng cầu mong hòa bình.") == []
    assert ids(g.find("Tỉnh Hòa Bình mưa lớn.")) == ["VN-14"]
    # a bare short form or surname waits for the rules
    text = "Quan hệ Mỹ - Hàn; ông Putin nói."
    assert ids(g.find(text)) == ["US"]
    ms = g.matches(text)
    assert "short" in {m.text: m.flags for m in ms}["Hàn"]
    assert "surname" in {m.text: m.flags for m in ms}["Putin"]
    # a listed misspelling is a typo match
    (e,) = g.find("Xung đột ở Azerbaizan.")
    assert (e.id, e.match) == ("AZ", "typo") and e.score < 1.0
    # the entity attributes of the data files
    ru = g.get("RU")
    assert ru["label"] == "LOC" and ru["type"] == "country" and "Nga" in [ru["name"]] + ru["aliases"]


def test_default_gazetteer_on_dantri(dantri):
    g = default_gazetteer()
    docs = [d["text"] for d in dantri[:400]]
    df = g.find_many(docs)
    assert len(df) > 1000
    for (i, _), row in df.iterrows():
        assert docs[i][row.start:row.end] == row.text
    low = df[df.text.str[0].str.islower()]
    # with capitals=True only names written with a lower-case word ("châu Á", "miền Bắc") do
    assert set(low.text.str.split().str[0]) <= {"châu", "miền", "sân", "đảo", "bán", "kênh", "sông", "eo", "quần",
                                                 "bang", "đỉnh", "dãy", "đèo", "vịnh", "biển", "núi", "hồ",
                                                 "thủ", "thành", "tỉnh", "vùng", "cao", "đồng", "khu", "cửa",
                                                 "cảng", "phố", "quảng", "nhà", "hang", "chợ", "đường"}
    # token indexes agree with tokenize() on a sample
    a = g.automaton
    for d in docs[:40]:
        toks = tintuc.tokenize(d)
        for start, end, value, kind, ts, te, tied in a.find(d, capitals=True):
            assert (toks[ts].start, toks[te - 1].end) == (start, end)


# ------------------------------------------------------------------------------ properties

WORDS = ["Hà", "Nội", "Đồng", "Nai", "nam", "Bắc", "Giang", "Moskva", "Karabakh", "Liên", "hợp", "quốc",
         "Thủy", "Hòa", "an", "Lâm", "Đà", "Lạt", "Phú", "Mỹ"]


@st.composite
def gazetteer_case(draw):
    names = draw(st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3), min_size=1, max_size=6))
    names = [" ".join(n) for n in names]
    filler = draw(st.lists(st.sampled_from(["và", "ở", "tại", ",", ".", "😀", "\n", "của", "là"]), max_size=6))
    picks = draw(st.lists(st.tuples(st.integers(0, len(names) - 1), st.sampled_from(["same", "upper", "hyphen", "nfd"])),
                          min_size=1, max_size=6))
    parts = []
    for k, (n, how) in enumerate(picks):
        name = names[n]
        if how == "upper":
            name = name.upper()
        elif how == "hyphen":
            name = name.replace(" ", " - ")
        elif how == "nfd":
            name = unicodedata.normalize("NFD", name)
        parts.append(name)
        if filler:
            parts.append(filler[k % len(filler)])
        else:
            parts.append("xyz")
    return names, " ".join(parts)


@settings(max_examples=150, deadline=None)
@given(gazetteer_case())
def test_matches_are_whole_tokens_in_order(case):
    names, text = case
    a = _core.Automaton.build(names)
    toks = tintuc.tokenize(text)
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    last_end = -1
    for start, end, value, kind, ts, te, tied in a.find(text):
        assert start in starts and end in ends
        assert (toks[ts].start, toks[te - 1].end) == (start, end)
        assert kind == "exact"
        key = [t.text for t in tintuc.tokenize(tintuc.normalize(text[start:end])) if t.text != "-"]
        want = [t.text for t in tintuc.tokenize(names[value]) if t.text != "-"]
        assert [w.casefold() for w in key] == [w.casefold() for w in want]
        if not tied:
            assert start >= last_end  # leftmost-longest never overlaps
            last_end = end
    # every span overlapping mode reports is a listed name; leftmost-longest's are among them
    over = {(s, e, v) for s, e, v, *_ in a.find(text, overlapping=True)}
    assert {(s, e, v) for s, e, v, *_ in a.find(text)} <= over


def test_find_many_while_another_thread_changes_the_list():
    # the strs of a batch are held while the GIL is released, so replacing the list's items
    # from another thread frees nothing that is being read (in a subprocess: a crash fails)
    import subprocess
    import sys
    script = """
import threading, tintuc
from tintuc import _core
a = _core.Automaton.build(["Hà Nội", "Moscow", "Nagorno-Karabakh"])
docs = [("Moscow và Hà Nội " * 400) + str(i) for i in range(200)]
stop = False
def churn():
    k = 0
    while not stop:
        docs[k % len(docs)] = ("Nagorno-Karabakh " * 300) + str(k)
        k += 1
t = threading.Thread(target=churn)
t.start()
n = 0
for _ in range(20):
    n += len(a.find_many(docs)) // 40
stop = True
t.join()
print(n > 0)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "True"
