#!/usr/bin/env python3
"""Build and check the data of tintuc.default_gazetteer().

    python tools/build_gazetteer.py            regenerate countries.tsv from ICU + countries_aliases.tsv,
                                               then check every gazetteer file and print a report
    python tools/build_gazetteer.py --check    only check: exit 1 when countries.tsv is stale or a
                                               file breaks a rule (CI-friendly, writes nothing)

countries.tsv is generated: one row per region ICU knows (uloc_getISOCountries), with the Vietnamese
and English display names from ICU's CLDR data (uloc_getDisplayCountry) and CLDR's alternative forms
(the "Countries%variant" and "Countries%short" tables of the region bundle), merged with the
hand-written press forms of countries_aliases.tsv. Every other file is written by hand; this script
only checks it. The output is deterministic for a given ICU version (rows sorted by id).

ICU is reached with ctypes; no compiled helper is needed. The library is found with
ctypes.util.find_library("icuuc") or the path in $TINTUC_ICUUC; the versioned symbol suffix
("_72") is found by trying suffixes.
"""
from __future__ import annotations

import argparse
import csv
import ctypes
import ctypes.util
import io
import os
import re
import sys
import unicodedata
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "pkg", "tintuc", "data", "gazetteer")

HEADER = ["id", "label", "name", "aliases", "type", "country", "role", "since", "until",
          "flags", "parent", "note"]
ALIAS_HEADER = ["id", "name", "aliases", "type", "flags", "parent", "note"]
# The entity tables, in load order. countries_aliases.tsv is a build input, not an entity table.
ENTITY_FILES = ["countries.tsv", "vn_provinces.tsv", "cities.tsv", "places.tsv",
                "organizations.tsv", "agencies.tsv", "companies.tsv", "persons.tsv"]
LABELS = {"PER", "LOC", "ORG", "MISC"}
ALIAS_FLAGS = {"short", "surname", "ambiguous", "cased", "former", "typo"}
ENTITY_FLAGS = {"vn63", "vn34", "former", "disputed", "cldr-only", "capital"}


# --------------------------------------------------------------------------- ICU through ctypes

U_ZERO_ERROR = 0
U_BUFFER_OVERFLOW_ERROR = 15
U_USING_DEFAULT_WARNING = -127


class ICUError(RuntimeError):
    pass


class ICU:
    """The few ICU C functions the gazetteer needs, bound with ctypes.

    Every call checks its UErrorCode: a failure (code > 0) raises ICUError; warnings are allowed
    unless a caller says otherwise.
    """

    def __init__(self, path: str | None = None):
        path = path or os.environ.get("TINTUC_ICUUC") or ctypes.util.find_library("icuuc")
        candidates = [path] if path else []
        candidates += ["libicuuc.so", "libicuuc.dylib"] + [f"libicuuc.so.{v}" for v in range(90, 49, -1)]
        self.lib = None
        errors = []
        for cand in candidates:
            try:
                self.lib = ctypes.CDLL(cand)
                self.path = cand
                break
            except OSError as e:
                errors.append(str(e))
        if self.lib is None:
            raise ICUError("cannot load ICU's common library (libicuuc): " + "; ".join(errors[:3]))
        self.suffix = self._find_suffix()
        c = ctypes
        self._getISOCountries = self._fn("uloc_getISOCountries", c.POINTER(c.c_char_p), [])
        self._getDisplayCountry = self._fn(
            "uloc_getDisplayCountry", c.c_int32,
            [c.c_char_p, c.c_char_p, c.c_void_p, c.c_int32, c.POINTER(c.c_int)])
        self._getVersion = self._fn("u_getVersion", None, [c.c_uint8 * 4])
        self._errorName = self._fn("u_errorName", c.c_char_p, [c.c_int])
        self._ures_open = self._fn("ures_open", c.c_void_p, [c.c_char_p, c.c_char_p, c.POINTER(c.c_int)])
        self._ures_close = self._fn("ures_close", None, [c.c_void_p])
        self._ures_getByKey = self._fn(
            "ures_getByKey", c.c_void_p, [c.c_void_p, c.c_char_p, c.c_void_p, c.POINTER(c.c_int)])
        self._ures_getSize = self._fn("ures_getSize", c.c_int32, [c.c_void_p])
        self._ures_resetIterator = self._fn("ures_resetIterator", None, [c.c_void_p])
        self._ures_getNextString = self._fn(
            "ures_getNextString", c.c_void_p,
            [c.c_void_p, c.POINTER(c.c_int32), c.POINTER(c.c_char_p), c.POINTER(c.c_int)])

    def _find_suffix(self) -> str:
        for suffix in [""] + [f"_{v}" for v in range(99, 43, -1)]:
            try:
                getattr(self.lib, "uloc_getDisplayCountry" + suffix)
                return suffix
            except AttributeError:
                continue
        raise ICUError(f"no uloc_getDisplayCountry symbol in {self.path}")

    def _fn(self, name, restype, argtypes):
        f = getattr(self.lib, name + self.suffix)
        f.restype = restype
        f.argtypes = argtypes
        return f

    def _check(self, err: ctypes.c_int, what: str, allow_default: bool = True) -> None:
        if err.value > U_ZERO_ERROR:
            raise ICUError(f"{what}: {self._errorName(err.value).decode()}")
        if not allow_default and err.value == U_USING_DEFAULT_WARNING:
            raise ICUError(f"{what}: ICU has no data for it (U_USING_DEFAULT_WARNING)")

    def version(self) -> str:
        v = (ctypes.c_uint8 * 4)()
        self._getVersion(v)
        parts = list(v)
        while len(parts) > 2 and parts[-1] == 0:
            parts.pop()
        return ".".join(map(str, parts))

    def iso_countries(self) -> list[str]:
        """The region codes ICU lists (ISO 3166-1 alpha-2 plus a few CLDR codes such as XK)."""
        p = self._getISOCountries()
        if not p:
            raise ICUError("uloc_getISOCountries returned NULL")
        out, i = [], 0
        while p[i] is not None:
            out.append(p[i].decode("ascii"))
            i += 1
        return out

    def display_country(self, code: str, lang: str) -> str:
        """uloc_getDisplayCountry("und_<code>", lang): the region's name in language lang."""
        cap = 128
        while True:
            buf = ctypes.create_string_buffer(2 * cap)
            err = ctypes.c_int(U_ZERO_ERROR)
            n = self._getDisplayCountry(f"und_{code}".encode("ascii"), lang.encode("ascii"), buf, cap,
                                        ctypes.byref(err))
            if err.value == U_BUFFER_OVERFLOW_ERROR:
                cap = n + 1
                continue
            self._check(err, f"uloc_getDisplayCountry(und_{code}, {lang})")
            return buf.raw[:2 * n].decode("utf-16-le")

    def region_table(self, lang: str, key: str) -> dict[str, str]:
        """A table of the CLDR region bundle for lang, e.g. "Countries%variant" -> {code: name}.

        Returns {} when the bundle has no such table (U_MISSING_RESOURCE_ERROR)."""
        err = ctypes.c_int(U_ZERO_ERROR)
        package = f"icudt{self.version().split('.')[0]}l-region".encode("ascii")
        bundle = self._ures_open(package, lang.encode("ascii"), ctypes.byref(err))
        self._check(err, f"ures_open({package.decode()}, {lang})", allow_default=False)
        try:
            err = ctypes.c_int(U_ZERO_ERROR)
            table = self._ures_getByKey(bundle, key.encode("ascii"), None, ctypes.byref(err))
            if err.value == 2:  # U_MISSING_RESOURCE_ERROR
                if table:
                    self._ures_close(table)
                return {}
            self._check(err, f"ures_getByKey({lang}, {key})")
            try:
                out = {}
                self._ures_resetIterator(table)
                for _ in range(self._ures_getSize(table)):
                    length = ctypes.c_int32(0)
                    k = ctypes.c_char_p()
                    err = ctypes.c_int(U_ZERO_ERROR)
                    s = self._ures_getNextString(table, ctypes.byref(length), ctypes.byref(k), ctypes.byref(err))
                    self._check(err, f"ures_getNextString({lang}, {key})")
                    out[k.value.decode("ascii")] = ctypes.string_at(s, 2 * length.value).decode("utf-16-le")
                return out
            finally:
                self._ures_close(table)
        finally:
            self._ures_close(bundle)


# --------------------------------------------------------------------------- text helpers

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"\w+")


def _hoa_syllable(word: str) -> str:
    """Put the tone of an open oa/oe/uy syllable on its first vowel ("hoà" -> "hòa", "thuỷ" -> "thủy")."""
    d = unicodedata.normalize("NFD", word)
    tones = [ch for ch in d if ch in TONES]
    if len(tones) != 1:
        return word
    base = "".join(ch for ch in d if ch not in TONES)
    low = base.lower()
    m = re.fullmatch(r"([^aeiouy]*)(oa|oe|uy)", low)
    if not m or m.group(1).endswith("q"):
        return word
    i = len(m.group(1))  # index of the first vowel of the pair in base (base has no tone marks)
    out = base[:i + 1] + tones[0] + base[i + 1:]
    return unicodedata.normalize("NFC", out)


def hoa_style(text: str) -> str:
    """NFC text with "hòa"-style tone placement in every open oa/oe/uy syllable."""
    text = unicodedata.normalize("NFC", text)
    return _WORD.sub(lambda m: _hoa_syllable(m.group(0)), text)


def fold(text: str) -> str:
    """The key under which the engine will match: case-, diacritics-, hyphen- and space-insensitive."""
    d = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    d = "".join(ch for ch in d if not unicodedata.combining(ch))
    d = d.casefold().replace("’", "'")
    return " ".join(re.split(r"[\s\-‐‑–—]+", d)).strip()


def exact_key(text: str) -> str:
    """Case-, hyphen- and space-insensitive but diacritics-sensitive key."""
    d = unicodedata.normalize("NFC", text).casefold().replace("’", "'")
    return " ".join(re.split(r"[\s\-‐‑–—]+", d)).strip()


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


def parse_flags(cell: str) -> tuple[set[str], dict[str, set[str]]]:
    """flags cell -> (entity flags, {alias: {alias flags}})."""
    entity, per_alias = set(), defaultdict(set)
    for item in split_list(cell):
        if "=" in item:
            flag, alias = item.split("=", 1)
            per_alias[alias.strip()].add(flag.strip())
        else:
            entity.add(item)
    return entity, per_alias


# --------------------------------------------------------------------------- TSV I/O

def read_tsv(path: str, header: list[str] | None = None) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise ValueError(f"{path}: empty")
    if header is not None and rows[0] != header:
        raise ValueError(f"{path}: header {rows[0]} != {header}")
    out = []
    for n, r in enumerate(rows[1:], start=2):
        if not r or (len(r) == 1 and not r[0].strip()):
            continue
        if len(r) != len(rows[0]):
            raise ValueError(f"{path}:{n}: {len(r)} fields, expected {len(rows[0])}: {r}")
        out.append(dict(zip(rows[0], r)))
    return out


def write_tsv(rows: list[dict[str, str]], header: list[str]) -> str:
    """Plain TSV: no quoting at all, so cells may hold no tab, newline or double quote."""
    lines = ["\t".join(header)]
    for r in rows:
        cells = [r.get(h, "") for h in header]
        for c in cells:
            if "\t" in c or "\n" in c or '"' in c:
                raise ValueError(f"tab, newline or double quote in cell {c!r}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- countries

def _dedupe(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        n = " ".join(n.split())
        k = exact_key(n)
        if n and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def _forms(name: str, lang: str) -> list[str]:
    """A CLDR display name and the forms hidden in it: "Myanmar (Miến Điện)" -> both parts,
    "Bosnia & Herzegovina" -> also "Bosnia and Herzegovina", "St. Lucia" -> also "Saint Lucia"."""
    out = [name]
    m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
    if m:
        out += [m.group(1), m.group(2)]
    for n in list(out):
        if "&" in n:
            out.append(n.replace("&", "và" if lang == "vi" else "and"))
    for n in list(out):
        if re.search(r"\bSt\. ", n):
            out.append(re.sub(r"\bSt\. ", "Saint ", n))
    return out


def build_countries(icu: ICU, hand: list[dict[str, str]]) -> list[dict[str, str]]:
    codes = icu.iso_countries()
    hand_by_id = {}
    for r in hand:
        if r["id"] in hand_by_id:
            raise ValueError(f"countries_aliases.tsv: {r['id']} twice")
        if r["id"] not in codes:
            raise ValueError(f"countries_aliases.tsv: {r['id']} is not a region ICU knows")
        hand_by_id[r["id"]] = r
    tables = {(lang, key): icu.region_table(lang, key)
              for lang in ("vi", "en") for key in ("Countries%variant", "Countries%short")}
    rows = []
    for code in sorted(codes):
        vi = hoa_style(icu.display_country(code, "vi"))
        en = icu.display_country(code, "en")
        if vi == code or en == code:
            raise ICUError(f"ICU has no name for {code}")
        h = hand_by_id.get(code, {})
        names = []
        names += _forms(vi, "vi")
        for key in ("Countries%short", "Countries%variant"):
            if code in tables[("vi", key)]:
                names += _forms(hoa_style(tables[("vi", key)][code]), "vi")
        names += split_list(h.get("aliases", ""))
        names += _forms(en, "en")
        for key in ("Countries%short", "Countries%variant"):
            if code in tables[("en", key)]:
                names += _forms(tables[("en", key)][code], "en")
        m = re.fullmatch(r"(.+?)\s*\(.+\)", vi)
        name = h.get("name") or (m.group(1) if m else vi)
        aliases = [a for a in _dedupe(names) if exact_key(a) != exact_key(name)]
        typ = h.get("type") or "country"
        rows.append({
            "id": code, "label": "LOC", "name": name, "aliases": "|".join(aliases), "type": typ,
            "country": code, "role": "", "since": "", "until": "",
            "flags": h.get("flags", ""), "parent": h.get("parent", ""),
            "note": h.get("note", ""),
        })
    return rows


# --------------------------------------------------------------------------- checks

class Report:
    def __init__(self):
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.info: list[str] = []


def load_all(data_dir: str = DATA) -> dict[str, list[dict[str, str]]]:
    return {fn: read_tsv(os.path.join(data_dir, fn), HEADER) for fn in ENTITY_FILES
            if os.path.exists(os.path.join(data_dir, fn))}


def check(files: dict[str, list[dict[str, str]]], report: Report) -> None:
    ids: dict[str, str] = {}
    exact: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # key -> id -> flags
    loose: dict[str, set[str]] = defaultdict(set)
    for fn, rows in files.items():
        for r in rows:
            where = f"{fn}:{r['id']}"
            for k, v in r.items():
                if v != unicodedata.normalize("NFC", v):
                    report.errors.append(f"{where}: {k} is not NFC")
                if '"' in v:
                    report.errors.append(f"{where}: {k} holds a double quote (the files are read unquoted)")
                if v != v.strip():
                    report.errors.append(f"{where}: {k} has surrounding spaces")
                if k in ("name", "aliases") and hoa_style(v) != v:
                    report.errors.append(f"{where}: {k} {v!r} is not in 'hòa' tone style ({hoa_style(v)!r})")
            if not r["id"] or not r["name"]:
                report.errors.append(f"{where}: empty id or name")
            if r["id"] in ids:
                report.errors.append(f"{where}: id also in {ids[r['id']]}")
            ids[r["id"]] = fn
            if r["label"] not in LABELS:
                report.errors.append(f"{where}: label {r['label']!r}")
            ent_flags, alias_flags = parse_flags(r["flags"])
            aliases = split_list(r["aliases"])
            forms = [r["name"]] + aliases
            for bad in ent_flags - ENTITY_FLAGS:
                report.errors.append(f"{where}: unknown entity flag {bad!r}")
            for a, fl in alias_flags.items():
                if fl - ALIAS_FLAGS:
                    report.errors.append(f"{where}: unknown alias flag {fl - ALIAS_FLAGS}")
                if a not in forms:
                    report.errors.append(f"{where}: flag for {a!r}, which is neither name nor alias")
            if len(set(map(exact_key, forms))) != len(forms):
                report.warnings.append(f"{where}: repeated alias")
            roles, since, until = split_list(r["role"]), r["since"].split("|"), r["until"].split("|")
            if roles and (len(since) != len(roles) or len(until) != len(roles)):
                report.errors.append(f"{where}: role/since/until lists differ in length")
            for y in since + until:
                if y and not re.fullmatch(r"\d{4}", y):
                    report.errors.append(f"{where}: year {y!r}")
            for a in forms:
                exact[exact_key(a)][r["id"]] |= alias_flags.get(a, set())
                loose[fold(a)].add(r["id"])
    for fn, rows in files.items():
        for r in rows:
            if r["parent"]:
                for p in split_list(r["parent"]):
                    if p not in ids:
                        report.errors.append(f"{fn}:{r['id']}: parent {p!r} is no id")
            if r["country"] and r["country"] not in ids:
                report.errors.append(f"{fn}:{r['id']}: country {r['country']!r} is no id")
    for key, by_id in sorted(exact.items()):
        if len(by_id) > 1:
            unflagged = [i for i, fl in by_id.items() if not fl & {"short", "surname", "ambiguous"}]
            line = f"{key!r} -> {', '.join(sorted(by_id))}"
            if unflagged:
                report.errors.append(f"alias collision, not flagged on {', '.join(sorted(unflagged))}: {line}")
            else:
                report.info.append(f"intended collision: {line}")
    exact_folded = {fold(k) for k, v in exact.items() if len(v) > 1}
    for key, id_set in sorted(loose.items()):
        if len(id_set) > 1 and key not in exact_folded:
            report.warnings.append(f"same without diacritics: {key!r} -> {', '.join(sorted(id_set))}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="write nothing; fail when countries.tsv is stale")
    ap.add_argument("--data", default=DATA, help="gazetteer folder (default: the package's)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list warnings and intended collisions")
    args = ap.parse_args(argv)

    icu = ICU()
    hand = read_tsv(os.path.join(args.data, "countries_aliases.tsv"), ALIAS_HEADER)
    text = write_tsv(build_countries(icu, hand), HEADER)
    target = os.path.join(args.data, "countries.tsv")
    old = open(target, encoding="utf-8").read() if os.path.exists(target) else None
    report = Report()
    if args.check:
        if old != text:
            report.errors.append(f"countries.tsv is stale for ICU {icu.version()}: run tools/build_gazetteer.py")
    elif old != text:
        with open(target, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(f"wrote {os.path.relpath(target, ROOT)} (ICU {icu.version()}, {icu.path}, suffix {icu.suffix!r})")

    files = load_all(args.data)
    check(files, report)
    for fn, rows in files.items():
        print(f"{fn:20s} {len(rows):5d} rows")
    print(f"{'total':20s} {sum(map(len, files.values())):5d} rows")
    print(f"{len(report.info)} intended collisions, {len(report.warnings)} warnings, {len(report.errors)} errors")
    if args.verbose:
        for line in report.info:
            print("  info:", line)
        for line in report.warnings:
            print("  warning:", line)
    for line in report.errors:
        print("  ERROR:", line)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
