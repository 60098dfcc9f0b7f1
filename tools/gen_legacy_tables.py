#!/usr/bin/env python3
"""Generates csrc/core/legacy_tables.h: the byte tables of the legacy Vietnamese encodings.

Reads the shared mapping tables (../shared/data/legacy-encodings, or $TINTUC_SHARED/data/...)
and writes C arrays that csrc/core/decode.c uses:

  VISCII   the glibc charmap (RFC 1456), all 256 bytes.
  TCVN3    (ABC) the byte table; bytes the table leaves out keep their Windows meaning.
  VNI      (VNI-Windows) single bytes plus (base byte, diacritic byte) pairs, matched longest first.
  VIQR     the ASCII mnemonics as [vowel][case][modifier][tone] -> letter, plus DD/dd.
  Windows  the 0x80-0x9F punctuation row of the CP1258 charmap (curly quotes, dashes, ellipsis),
           which legacy-font documents written on Windows carry; bytes undefined there stay C1.

Only facts of the encodings (which byte is which letter) end up in the header. Run it again when
the tables change:  python tools/gen_legacy_tables.py  (writes the header in place; --check
only compares).
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "csrc", "core", "legacy_tables.h")

VIQR_VOWELS = "aeiouy"
VIQR_MODS = "(^+"   # breve, circumflex, horn (index 1..3; 0 = none)
VIQR_TONES = "'`?~."  # sắc, huyền, hỏi, ngã, nặng (index 1..5; 0 = none)


def shared_dir():
    base = os.environ.get("TINTUC_SHARED") or os.path.join(ROOT, "..", "shared")
    d = os.path.join(base, "data", "legacy-encodings")
    if not os.path.isdir(d):
        sys.exit(f"error: {d} not found (set TINTUC_SHARED to the shared folder)")
    return d


def read_tsv(path):
    """Rows of (key, code point) from a 'key<TAB>char<TAB>U+XXXX' table."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            key, ch, cp = line.split("\t")
            assert cp.startswith("U+"), line
            cp = int(cp[2:], 16)
            assert ch == chr(cp), line
            rows.append((key, cp))
    return rows


def read_charmap(path):
    """byte -> code point from a glibc charmap (single-byte entries only)."""
    table = {}
    pat = re.compile(r"^<U([0-9A-Fa-f]{4,6})>\s+/x([0-9a-fA-F]{2})\s")
    in_map = False
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("CHARMAP"):
                in_map = True
                continue
            if line.startswith("END CHARMAP"):
                break
            m = pat.match(line) if in_map else None
            if m:
                b = int(m.group(2), 16)
                assert b not in table, line
                table[b] = int(m.group(1), 16)
    return table


def windows_fallback(cp1258):
    """What a byte means when a legacy table does not define it: the Windows punctuation row
    for 0x80-0x9F, Latin-1 (the byte value) elsewhere."""
    fb = list(range(256))
    for b in range(0x80, 0xA0):
        if b in cp1258:
            fb[b] = cp1258[b]
    return fb


def hexbytes(key):
    return [int(x, 16) for x in key.split()]


def emit_u16(out, name, vals, comment):
    out.append(f"/* {comment} */")
    out.append(f"static const uint16_t {name}[{len(vals)}] = {{")
    for i in range(0, len(vals), 8):
        out.append("    " + ", ".join(f"0x{v:04X}" for v in vals[i:i + 8]) + ",")
    out.append("};")


def build(d):
    cp1258 = read_charmap(os.path.join(d, "glibc-charmaps", "CP1258.charmap"))
    fallback = windows_fallback(cp1258)

    # VISCII: the glibc charmap defines every byte.
    viscii = read_charmap(os.path.join(d, "glibc-charmaps", "VISCII.charmap"))
    assert sorted(viscii) == list(range(256)), "VISCII charmap must define all 256 bytes"
    viscii = [viscii[b] for b in range(256)]
    assert all(viscii[b] == b for b in range(0x20, 0x7F)), "VISCII keeps printable ASCII"

    # TCVN3 (ABC): single bytes.
    tcvn3 = list(fallback)
    seen = set()
    for key, cp in read_tsv(os.path.join(d, "decode_tcvn3_abc.tsv")):
        bs = hexbytes(key)
        assert len(bs) == 1 and bs[0] >= 0x80 and bs[0] not in seen, key
        seen.add(bs[0])
        tcvn3[bs[0]] = cp

    # VNI-Windows: singles and (base, mark) pairs.
    vni = list(fallback)
    pairs = {}
    seen = set()
    for key, cp in read_tsv(os.path.join(d, "decode_vni_windows.tsv")):
        bs = hexbytes(key)
        assert key not in seen, key
        seen.add(key)
        if len(bs) == 1:
            assert bs[0] >= 0x80, key
            vni[bs[0]] = cp
        else:
            assert len(bs) == 2 and bs[1] >= 0xC0, key
            pairs.setdefault(bs[0], {})[bs[1]] = cp
    marks = {m for p in pairs.values() for m in p}
    singles = {b for b in range(0x80, 0x100) if vni[b] != fallback[b]}
    assert not (marks & singles), "a VNI diacritic byte is also a letter on its own"
    bases = sorted(pairs)

    # VIQR: vowel + optional modifier + optional tone; DD/dd.
    viqr = [[[[0] * 6 for _ in range(4)] for _ in range(2)] for _ in VIQR_VOWELS]
    viqr_dd = {}
    for key, cp in read_tsv(os.path.join(d, "decode_viqr.tsv")):
        if key.lower() == "dd":
            viqr_dd[key] = cp
            continue
        v = VIQR_VOWELS.index(key[0].lower())
        upper = int(key[0].isupper())
        rest = key[1:]
        mod = tone = 0
        if rest and rest[0] in VIQR_MODS:
            mod = VIQR_MODS.index(rest[0]) + 1
            rest = rest[1:]
        if rest:
            assert len(rest) == 1 and rest in VIQR_TONES, key
            tone = VIQR_TONES.index(rest) + 1
        assert viqr[v][upper][mod][tone] == 0, key
        viqr[v][upper][mod][tone] = cp
    for v, ch in enumerate(VIQR_VOWELS):
        for upper in (0, 1):
            viqr[v][upper][0][0] = ord(ch.upper() if upper else ch)
    assert viqr_dd == {"DD": 0x0110, "dd": 0x0111}, viqr_dd
    # every table entry must be NFC and agree with its spelling
    for row in (viscii, tcvn3, vni):
        assert all(unicodedata.normalize("NFC", chr(c)) == chr(c) for c in row)

    out = []
    out.append("/* Generated by tools/gen_legacy_tables.py from the shared legacy-encoding tables (glibc charmaps")
    out.append(" * for VISCII and the Windows punctuation row, byte tables for TCVN3 (ABC), VNI-Windows, VIQR).")
    out.append(" * Do not edit; run `python tools/gen_legacy_tables.py` again instead. */")
    out.append("#ifndef TT_LEGACY_TABLES_H\n#define TT_LEGACY_TABLES_H\n#include <stdint.h>\n")
    emit_u16(out, "tt_win_c1", fallback[0x80:0xA0],
             "Windows punctuation for bytes 0x80-0x9F (CP1258 charmap); undefined ones stay C1 controls")
    emit_u16(out, "tt_viscii_to_u", viscii, "VISCII (RFC 1456, glibc charmap): byte -> code point")
    emit_u16(out, "tt_tcvn3_to_u", tcvn3,
             "TCVN3 (ABC): byte -> code point; capitals with tones do not exist (case came from the font)")
    emit_u16(out, "tt_vni_single", vni, "VNI-Windows: a byte on its own -> code point")
    out.append("/* VNI-Windows: bytes that take a following diacritic byte -> row of tt_vni_pair, or -1 */")
    slot = [-1] * 256
    for i, b in enumerate(bases):
        slot[b] = i
    out.append("static const int8_t tt_vni_base_slot[256] = {")
    for i in range(0, 256, 16):
        out.append("    " + ", ".join(f"{v:2d}" for v in slot[i:i + 16]) + ",")
    out.append("};")
    out.append(f"#define TT_VNI_NBASES {len(bases)}")
    out.append("/* VNI-Windows: [slot][diacritic byte - 0xC0] -> code point of base + diacritic, 0 = no pair */")
    out.append(f"static const uint16_t tt_vni_pair[{len(bases)}][64] = {{")
    for b in bases:
        row = [pairs[b].get(0xC0 + k, 0) for k in range(64)]
        out.append(f"    {{ /* 0x{b:02X} */")
        for i in range(0, 64, 8):
            out.append("        " + ", ".join(f"0x{v:04X}" for v in row[i:i + 8]) + ",")
        out.append("    },")
    out.append("};")
    out.append(f'/* VIQR: vowels "{VIQR_VOWELS}", modifiers "{VIQR_MODS}" (1..3), tones "'
               + VIQR_TONES.replace("\\", "\\\\") + '" (1..5); 0 = none */')
    out.append('#define TT_VIQR_VOWELS "' + VIQR_VOWELS + '"')
    out.append('#define TT_VIQR_MODS "' + VIQR_MODS + '"')
    out.append('#define TT_VIQR_TONES "' + VIQR_TONES + '"')
    out.append("/* [vowel][upper][modifier][tone] -> code point, 0 = not a letter */")
    out.append("static const uint16_t tt_viqr[6][2][4][6] = {")
    for v, ch in enumerate(VIQR_VOWELS):
        out.append(f"    {{ /* {ch} */")
        for upper in (0, 1):
            rows = ", ".join("{" + ", ".join(f"0x{c:04X}" for c in viqr[v][upper][m]) + "}" for m in range(4))
            out.append(f"        {{{rows}}},")
        out.append("    },")
    out.append("};")
    out.append(f"#define TT_VIQR_DD 0x{viqr_dd['DD']:04X}\n#define TT_VIQR_dd 0x{viqr_dd['dd']:04X}")
    out.append("\n#endif")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only report whether the header is up to date")
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    text = build(shared_dir())
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                same = f.read() == text
        except FileNotFoundError:
            same = False
        print("up to date" if same else "stale")
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
