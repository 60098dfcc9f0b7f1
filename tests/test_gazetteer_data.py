"""Checks of the built-in gazetteer's data files (pkg/tintuc/data/gazetteer/).

Reads the TSV files with the csv module only; tintuc itself is not imported. The ICU checks use the
same ctypes helper as tools/build_gazetteer.py and skip when ICU's common library cannot be loaded.
"""
import csv
import importlib.util
import os
import unicodedata
from collections import defaultdict

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "pkg", "tintuc", "data", "gazetteer")

_spec = importlib.util.spec_from_file_location("build_gazetteer", os.path.join(ROOT, "tools", "build_gazetteer.py"))
bg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bg)

HEADER = ["id", "label", "name", "aliases", "type", "country", "role", "since", "until",
          "flags", "parent", "note"]


def _read(fn):
    with open(os.path.join(DATA, fn), encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def tables():
    out = {}
    for fn in bg.ENTITY_FILES:
        rows = _read(fn)
        out[fn] = [dict(zip(rows[0], r)) for r in rows[1:]]
    return out


@pytest.fixture(scope="module")
def by_id(tables):
    return {r["id"]: r for rows in tables.values() for r in rows}


@pytest.fixture(scope="module")
def forms(tables):
    """Case-insensitive exact form -> set of ids."""
    out = defaultdict(set)
    for rows in tables.values():
        for r in rows:
            for a in [r["name"]] + bg.split_list(r["aliases"]):
                out[bg.exact_key(a)].add(r["id"])
    return out


@pytest.fixture(scope="module")
def icu():
    try:
        return bg.ICU()
    except (bg.ICUError, OSError) as e:
        pytest.skip(f"ICU's common library cannot be loaded: {e}")


def test_every_file_listed_exists_and_no_stray_tsv():
    present = {fn for fn in os.listdir(DATA) if fn.endswith(".tsv")}
    assert set(bg.ENTITY_FILES) <= present
    assert present - set(bg.ENTITY_FILES) == {"countries_aliases.tsv"}


@pytest.mark.parametrize("fn", bg.ENTITY_FILES)
def test_header_and_shape(fn):
    rows = _read(fn)
    assert rows[0] == HEADER
    assert len(rows) > 1
    for r in rows[1:]:
        assert len(r) == len(HEADER), r


def test_alias_source_header():
    assert _read("countries_aliases.tsv")[0] == bg.ALIAS_HEADER


def test_ids_unique_names_present_labels(tables):
    seen = {}
    for fn, rows in tables.items():
        for r in rows:
            assert r["id"] and r["name"].strip(), (fn, r)
            assert r["id"] not in seen, f"{r['id']} in {fn} and {seen.get(r['id'])}"
            seen[r["id"]] = fn
            assert r["label"] in {"PER", "LOC", "ORG", "MISC"}, (fn, r["id"], r["label"])


def test_text_is_nfc_clean_and_hoa_style(tables):
    for fn, rows in tables.items():
        for r in rows:
            for k, v in r.items():
                assert v == unicodedata.normalize("NFC", v), (fn, r["id"], k)
                assert '"' not in v and "\t" not in v and v == v.strip(), (fn, r["id"], k)
            for form in [r["name"]] + bg.split_list(r["aliases"]):
                assert bg.hoa_style(form) == form, (fn, r["id"], form)


def test_hoa_style_helper():
    assert bg.hoa_style("Hoà Bình, Thuỷ, khoẻ, quý, hoàn, Uỷ ban") == "Hòa Bình, Thủy, khỏe, quý, hoàn, Ủy ban"


def test_references_resolve(by_id):
    for r in by_id.values():
        if r["country"]:
            assert r["country"] in by_id, (r["id"], r["country"])
        for p in bg.split_list(r["parent"]):
            assert p in by_id, (r["id"], p)


def test_id_schemes(tables):
    import re
    for r in tables["countries.tsv"]:
        assert re.fullmatch(r"[A-Z]{2}", r["id"]) and r["country"] == r["id"]
    for r in tables["vn_provinces.tsv"]:
        assert re.fullmatch(r"VN-(\d\d|[A-Z]{2})", r["id"]) and r["country"] == "VN"
    for r in tables["cities.tsv"]:
        assert re.fullmatch(r"[A-Z]{2}[A-Z0-9]{3}|loc:[a-z]{2}-[a-z0-9-]+", r["id"]), r["id"]
        if not r["id"].startswith("loc:"):
            assert r["id"][:2] == r["country"], r["id"]
    for fn in ("organizations.tsv", "agencies.tsv", "companies.tsv"):
        for r in tables[fn]:
            assert re.fullmatch(r"Q\d+|org:[a-z0-9-]+", r["id"]), r["id"]
    for r in tables["persons.tsv"]:
        assert re.fullmatch(r"Q\d+|per:[a-z0-9-]+", r["id"]), r["id"]
        assert r["label"] == "PER"


def test_persons_roles_and_years(tables):
    for r in tables["persons.tsv"]:
        roles = bg.split_list(r["role"])
        if not roles:
            continue
        since, until = r["since"].split("|"), r["until"].split("|")
        assert len(since) == len(roles) == len(until), r["id"]
        for s, u in zip(since, until):
            assert s.isdigit() and 1940 <= int(s) <= 2026, r["id"]
            assert u == "" or (u.isdigit() and int(s) <= int(u) <= 2026), r["id"]


def test_vietnam_provinces_63_and_34(tables):
    rows = tables["vn_provinces.tsv"]
    old = [r for r in rows if "vn63" in bg.parse_flags(r["flags"])[0]]
    new = [r for r in rows if "vn34" in bg.parse_flags(r["flags"])[0]]
    assert len(old) == 63
    assert len(new) == 34
    assert sum(r["type"] == "municipality" for r in new) == 6
    for r in rows:
        if r not in new:
            assert r["until"] == "2025" and r["parent"] in {x["id"] for x in new}, r["id"]


def test_every_icu_region_present(tables, icu):
    ids = {r["id"] for r in tables["countries.tsv"]}
    codes = set(icu.iso_countries())
    assert len(codes) >= 249
    assert codes == ids
    by = {r["id"]: r for r in tables["countries.tsv"]}
    for code in ("RU", "FR", "AM", "AZ", "DE", "VN"):
        vi = bg.hoa_style(icu.display_country(code, "vi"))
        en = icu.display_country(code, "en")
        names = [by[code]["name"]] + bg.split_list(by[code]["aliases"])
        assert vi in names and en in names, (code, vi, en)
    assert icu.display_country("RU", "vi") == "Nga"


def test_generated_countries_file_is_current(icu):
    hand = bg.read_tsv(os.path.join(DATA, "countries_aliases.tsv"), bg.ALIAS_HEADER)
    text = bg.write_tsv(bg.build_countries(icu, hand), bg.HEADER)
    with open(os.path.join(DATA, "countries.tsv"), encoding="utf-8") as f:
        assert f.read() == text, "run: python tools/build_gazetteer.py"


REQUIRED = {
    # countries and their press forms
    "RU": ["Nga", "LB Nga", "Liên bang Nga", "Russia"],
    "US": ["Mỹ", "Hoa Kỳ", "Hợp chủng quốc Hoa Kỳ", "United States"],
    "GB": ["Anh", "Vương quốc Anh", "United Kingdom"],
    "KP": ["Triều Tiên", "CHDCND Triều Tiên", "North Korea"],
    "KR": ["Hàn Quốc", "Hàn", "South Korea"],
    "CN": ["Trung Quốc", "China"],
    "JP": ["Nhật Bản", "Japan"],
    "UA": ["U-crai-na", "Ucraina", "Ukraine", "Ukraina"],
    "MX": ["Mê-hi-cô", "Mexico"],
    "TR": ["Thổ Nhĩ Kỳ", "Türkiye", "Turkey"],
    "FR": ["Pháp", "France"],
    "AM": ["Armenia"], "AZ": ["Azerbaijan"], "BY": ["Belarus"], "KZ": ["Kazakhstan"],
    "KG": ["Kyrgyzstan"], "TJ": ["Tajikistan"], "TM": ["Turkmenistan"], "RS": ["Serbia"], "NG": ["Nigeria"],
    "VN": ["Việt Nam", "Vietnam"],
    # cities
    "RUMOW": ["Moskva", "Mát-xcơ-va", "Moscow"],
    "USWAS": ["Washington", "Oa-sinh-tơn"],
    "RSBEG": ["Belgrade"],
    "CNBJS": ["Bắc Kinh", "Beijing"],
    "KPFNJ": ["Bình Nhưỡng", "Pyongyang"],
    "FRPAR": ["Pa-ri", "Paris"],
    "GBLON": ["Luân Đôn", "London"],
    "JPTYO": ["Tokyo"],
    "KRSEL": ["Seoul", "Xơ-un"],
    "UAIEV": ["Kiev", "Kyiv", "Ki-ép"],
    "loc:az-stepanakert": ["Stepanakert"],
    # Vietnam
    "VN-HN": ["Hà Nội"],
    "VN-SG": ["TP.HCM", "TP Hồ Chí Minh", "Thành phố Hồ Chí Minh", "Sài Gòn"],
    "VN-DN": ["Đà Nẵng"], "VN-HP": ["Hải Phòng"], "VN-CT": ["Cần Thơ"], "VN-26": ["Huế"],
    "loc:vn-nha-trang": ["Nha Trang"], "VNVUT": ["Vũng Tàu"],
    # regions, seas, conflict places
    "loc:gaza-strip": ["Gaza", "Dải Gaza"], "loc:west-bank": ["Bờ Tây"], "loc:donbas": ["Donbass"],
    "loc:crimea": ["Crimea", "Crưm"],
    "loc:nagorno-karabakh": ["Nagorno-Karabakh", "Nagorny-Karabakh", "Nagorno Karabakh", "Nagorny - Karabakh",
                             "Nagorno - Karabakh"],
    "loc:kashmir": ["Kashmir"], "loc:south-china-sea": ["Biển Đông"], "loc:caspian-sea": ["biển Caspi"],
    "loc:gulf-of-guinea": ["vịnh Guinea"], "loc:persian-gulf": ["vịnh Ba Tư"], "loc:middle-east": ["Trung Đông"],
    "loc:europe": ["châu Âu"], "loc:southeast-asia": ["Đông Nam Á"],
    # organizations
    "Q1065": ["Liên hợp quốc", "LHQ", "UN"],
    "Q37470": ["Hội đồng Bảo an", "Hội đồng Bảo an Liên hợp quốc", "HĐBA"],
    "Q7184": ["NATO", "Tổ chức Hiệp ước Bắc Đại Tây Dương"],
    "Q458": ["EU", "Liên minh châu Âu"],
    "Q7768": ["ASEAN", "Hiệp hội các quốc gia Đông Nam Á"],
    "org:osce": ["OSCE", "Tổ chức An ninh và Hợp tác châu Âu", "Tổ chức An ninh và hợp tác châu Âu"],
    "org:csto": ["CSTO", "Tổ chức Hiệp ước An ninh Tập thể", "Tổ chức Hiệp ước an ninh tập thể"],
    "org:nam": ["NAM", "Phong trào Không liên kết"],
    "org:g7": ["G7"], "org:g20": ["G20"],
    "Q7817": ["WHO", "Tổ chức Y tế Thế giới"],
    "org:iaea": ["IAEA"], "org:imf": ["IMF"], "org:world-bank": ["WB", "Ngân hàng Thế giới"], "Q7825": ["WTO"],
    "org:apec": ["APEC"], "org:brics": ["BRICS"], "org:opec": ["OPEC"], "org:unesco": ["UNESCO"],
    "org:unicef": ["UNICEF"], "org:icc": ["ICC"], "org:icj": ["ICJ"], "org:minsk-group": ["Nhóm Minsk"],
    "org:vn-national-assembly": ["Quốc hội"], "org:vn-government": ["Chính phủ"],
    "org:vn-mps": ["Bộ Công an"], "org:vn-sbv": ["Ngân hàng Nhà nước"],
    "org:ru-mfa": ["Bộ Ngoại giao Nga"], "org:ru-mod": ["Bộ Quốc phòng Nga"],
    "org:az-mfa": ["Bộ Ngoại giao Azerbaijan"], "org:kremlin": ["Điện Kremlin"],
    "org:vinamilk": ["Vinamilk"], "org:vingroup": ["Vingroup"], "org:petrolimex": ["Petrolimex"],
    "org:evn": ["EVN"], "org:viettel": ["Viettel"], "org:apple": ["Apple"], "org:google": ["Google"],
    # agencies
    "org:ttxvn": ["TTXVN", "Thông tấn xã Việt Nam"], "org:reuters": ["Reuters"], "org:afp": ["AFP"],
    "org:ap": ["AP"], "org:anadolu": ["Anadolu", "Hãng thông tấn Anadolu"], "org:tass": ["TASS"],
    "org:ria-novosti": ["RIA Novosti"], "org:sputnik": ["Sputnik"], "org:xinhua": ["Tân Hoa xã", "Xinhua"],
    "org:yonhap": ["Yonhap"], "org:kyodo": ["Kyodo"], "org:kcna": ["KCNA"], "org:bbc": ["BBC"],
    "org:cnn": ["CNN"], "org:al-jazeera": ["Al Jazeera"], "org:bloomberg": ["Bloomberg"],
    # persons
    "Q7747": ["Vladimir Putin", "Putin"], "per:sergei-lavrov": ["Sergei Lavrov", "Lavrov"],
    "Q22686": ["Donald Trump", "Trump"], "per:mike-pompeo": ["Mike Pompeo", "Pompeo"],
    "per:xi-jinping": ["Tập Cận Bình", "Xi Jinping"], "per:kim-jong-un": ["Kim Jong-un"],
    "per:shinzo-abe": ["Shinzo Abe"], "per:emmanuel-macron": ["Macron"],
    "per:jeyhun-bayramov": ["Jeyhun Bayramov"], "per:zohrab-mnatsakanyan": ["Zohrab Mnatsakanyan", "Mnatsakanyan"],
}


@pytest.mark.parametrize("eid", sorted(REQUIRED))
def test_required_press_forms(eid, by_id, forms):
    assert eid in by_id, eid
    for form in REQUIRED[eid]:
        ids = forms.get(bg.exact_key(form), set())
        assert eid in ids, f"{form!r} should name {eid}, names {sorted(ids)}"


def test_short_and_surname_flags(by_id):
    assert "short=Hàn" in by_id["KR"]["flags"]
    assert "short=Anh" in by_id["GB"]["flags"]
    assert "surname=Putin" in by_id["Q7747"]["flags"]
    assert "surname=Lavrov" in by_id["per:sergei-lavrov"]["flags"]


def test_no_alias_maps_to_two_ids_unless_flagged(tables):
    report = bg.Report()
    bg.check(tables, report)
    assert report.errors == []
