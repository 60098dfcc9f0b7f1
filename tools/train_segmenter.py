#!/usr/bin/env python3
"""Trains tintuc's word segmenter and writes pkg/tintuc/data/segmenter.bin.

    python tools/train_segmenter.py [--shared DIR] [--out FILE] [--epochs N]

Reads UD Vietnamese VTB (train for training, dev for reporting) and VnVocab from ../shared
(or $TINTUC_SHARED), trains averaged perceptrons over boundary decisions (three runs with
different shuffle orders, added up), quantizes the weights, writes the model and prints dev
word F1. The run is deterministic: the same data give the same bytes.

This file is also the Python reference of the decoder in csrc/core/segment.c. Everything the
two must agree on lives here, in the section "Feature specification", and segment.c mirrors
it line by line; tests/test_segmenter.py checks that both give identical joins on dev.

The model
---------
Between every two adjacent tokens the segmenter decides "join" (same word) or not. Only two
word tokens (TT_TOK_WORD) on the same line can join. A decision is the sign of a sum of
12-bit weights of hashed features (syllable identities around the boundary, their shapes,
VnVocab matches covering the boundary, the previous decision), taken greedily left to right.
Each line is one mode (below): the four modes have weights of their own (every feature
template is numbered per mode: see TCONST and the "+ m" in line_features).

Each line (tokens between line breaks) is read in one of these modes:
  * normal;
  * no-diacritics ("Ha Noi"): fewer than 1 in 20 words carry a Vietnamese diacritic. Syllables
    are then keyed without diacritics and VnVocab is looked up without them; the weights for
    this mode are learned from a diacritics-stripped copy of the training data;
  * all-caps ("HÀ NỘI"): most words of two or more letters are upper case; shapes are then
    uninformative and every word gets the same shape; learned from an upper-cased copy;
  * both at once ("HA NOI"), learned from an upper-cased copy without diacritics.

Binary format (all integers little-endian)
------------------------------------------
  0  8  magic b"TTSEGMDL"
  8  4  version (1)
 12  4  header size (64)
 16  4  feature table buckets, log2      20  4  feature slots in use
 24  4  dictionary buckets, log2         28  4  dictionary slots in use
 32  4  longest dictionary word (syllables, 2..8)
 36  4  flags (0)
 40 16  reserved (0)
 56  8  FNV-1a 64 of every byte after the header
 64     feature slots     uint32[buckets * 16]
        dictionary slots  uint32[buckets * 16]
Both tables are arrays of buckets of 16 slots (64 bytes, one cache line). A 64-bit key hash h
belongs to bucket (h & (buckets - 1)); its slot holds the check value (the top 32 - V bits of h,
or 1 when those are all 0) shifted left by V, plus a V-bit value; 0 marks an empty slot. The
feature table has V = 12 and a signed weight (-2048..2047): a feature weighs the sum of the
weights of the slots of its bucket whose check matches (0 when none). The dictionary has V = 2
and flags (1: a word, 2: the prefix of a longer word), OR-ed over matching slots. Lookups scan
a whole bucket without branching; entries that do not fit their bucket were dropped (the
smallest weights first) when the model was written, and the reference reads the written file.
"""
import argparse
import hashlib
import os
import random
import struct
import sys
import time
import unicodedata

# ---------------------------------------------------------------------------------------
# Feature specification (mirrored by csrc/core/segment.c)
# ---------------------------------------------------------------------------------------
MASK = (1 << 64) - 1
FNV_PRIME = 0x100000001B3

SEED_FULL = 0x6A09E667F3BCC908
SEED_STRIP = 0xBB67AE8584CAA73B
SEED_PUNCT = 0x3C6EF372FE94F82B
SEED_DICT_FULL = 0xA54FF53A5F1D36F1
SEED_DICT_STRIP = 0x510E527FADE682D1
H_BOS = 0x9B05688C2B3E6C1F
H_EOS = 0x1F83D9ABFB41BD6B
H_NUM = 0x5BE0CD19137E2179
H_SYM = 0xCBBB9D5DC1059ED8

# token kinds (csrc/core/token.h)
TOK_WORD, TOK_NUMBER, TOK_DATE, TOK_PUNCT, TOK_SYMBOL, TOK_URL, TOK_EMAIL = 1, 2, 3, 4, 5, 6, 7
TF_NEWLINE_BEFORE = 1 << 5

# shapes
SH_LOWER, SH_TITLE, SH_SINGLE, SH_ALLUP, SH_MIXED = 1, 2, 3, 4, 5
SH_NUM, SH_PUNCT, SH_SYM, SH_BOS, SH_EOS, SH_CAPSWORD = 6, 7, 8, 9, 10, 11

# features: template number -> the 64-bit constant it is hashed with; a line's mode adds
# 32 * mode to the number (mode: 0 normal, 1 no diacritics, 2 all caps, 3 both), so that each
# mode has weights of its own
(T_BIAS, T_U0, T_U1, T_UM, T_UP, T_B01, T_BM0, T_B12, T_TM01, T_T012, T_S01, T_S4, T_S0U1,
 T_U0S1, T_D2, T_COV, T_LEND, T_RSTART, T_DCOMBO, T_MM, T_PREV, T_PREVB) = range(1, 23)
MAX_DICT = 6          # longest VnVocab entry (syllables) the model keeps
SEEDS = (20261122, 2, 3)  # shuffle seeds of the perceptron runs that are averaged
DICT_WORD, DICT_PREFIX = 1, 2


def mix64(x):
    """splitmix64's finalizer."""
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK
    x ^= x >> 31
    return x


def rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & MASK


def _template_consts():
    out = {}
    for t in range(1, 23 + 96):
        out[t] = mix64((0xD6E8FEB86659FD93 * t) & MASK)
    return out


TCONST = _template_consts()


def fkey(t, a=0, b=0, c=0):
    """The 64-bit hash of feature template t over values a, b, c."""
    return mix64(TCONST[t] ^ a ^ rotl(b, 21) ^ rotl(c, 42))


# Vietnamese letters: code point -> (value with diacritics, value without, tone, upper, marked)
_BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]


def _letter_table():
    table = {}
    for b, base in enumerate(_BASES):
        plain = ord(unicodedata.normalize("NFD", base)[0])
        marked = base not in ("a", "e", "i", "o", "u", "y")
        for t, tone in enumerate(_TONES):
            for up in (0, 1):
                c = unicodedata.normalize("NFC", (base.upper() if up else base) + tone)
                assert len(c) == 1
                table[ord(c)] = (0x100 + b + 1, plain, t, up, marked)
    for cp, up in ((0x0111, 0), (0x0110, 1), (0x00D0, 1)):
        table[cp] = (0x100 + 13, ord("d"), 0, up, True)
    for c in range(ord("a"), ord("z") + 1):
        if c not in table:
            table[c] = (c, c, 0, 0, False)
            table[c - 32] = (c, c, 0, 1, False)
    return table


LETTERS = _letter_table()


def guess_kind(s):
    """The token kind of a lone string, as the list API of Segmenter assigns it: by the
    general category of its first code point (letter, ASCII digit, punctuation, other)."""
    if not s:
        return TOK_SYMBOL
    c = s[0]
    if c.isalpha():
        return TOK_WORD
    if "0" <= c <= "9":
        return TOK_NUMBER
    if unicodedata.category(c).startswith("P"):
        return TOK_PUNCT
    return TOK_SYMBOL


class Tok:
    """What the decoder knows about one token."""
    __slots__ = ("word", "lfull", "lstrip", "shape", "nlet", "dia")


def analyze(s, kind):
    t = Tok()
    t.word = kind == TOK_WORD
    t.nlet = t.dia = 0
    if t.word:
        hf, hs = SEED_FULL, SEED_STRIP
        tones = nup = nlow = 0
        first_up = False
        for k, ch in enumerate(s):
            c = ord(ch)
            e = LETTERS.get(c)
            if e is not None:
                vf, vs, tone, up, marked = e
                if tone:
                    tones = (tones * 8 + tone) & 0xFFFFFFFF
                if tone or marked:
                    t.dia = 1
                if up:
                    nup += 1
                    if k == 0:
                        first_up = True
                else:
                    nlow += 1
                t.nlet += 1
            else:
                vf = vs = c
            hf = ((hf ^ vf) * FNV_PRIME) & MASK
            hs = ((hs ^ vs) * FNV_PRIME) & MASK
        hf = ((hf ^ (0x80000000 | tones)) * FNV_PRIME) & MASK
        t.lfull = mix64(hf)
        t.lstrip = mix64(hs)
        if nup == 0:
            t.shape = SH_LOWER
        elif nlow == 0:
            t.shape = SH_ALLUP if nup >= 2 else SH_SINGLE
        elif nup == 1 and first_up:
            t.shape = SH_TITLE
        else:
            t.shape = SH_MIXED
    elif kind in (TOK_NUMBER, TOK_DATE):
        t.lfull = t.lstrip = H_NUM
        t.shape = SH_NUM
    elif kind == TOK_PUNCT:
        h = SEED_PUNCT
        for ch in s:
            h = ((h ^ ord(ch)) * FNV_PRIME) & MASK
        t.lfull = t.lstrip = mix64(h)
        t.shape = SH_PUNCT
    else:
        t.lfull = t.lstrip = H_SYM
        t.shape = SH_SYM
    return t


def line_modes(toks):
    """(nodia, caps) for the tokens of one line."""
    nlet = ndia = ncase = nallup = 0
    for t in toks:
        if not t.word or t.nlet == 0:
            continue
        nlet += 1
        ndia += t.dia
        if t.nlet >= 2:
            ncase += 1
            if t.shape == SH_ALLUP:
                nallup += 1
    nodia = nlet > 0 and ndia * 20 < nlet
    caps = nallup >= 2 and 2 * nallup > ncase
    return nodia, caps


def dict_key(seed, lex):
    """The 64-bit hash of a sequence of syllable hashes as a dictionary entry."""
    g = seed
    for x in lex:
        g = mix64(g ^ x)
    return g


def check32(h):
    c = h >> 32
    return c if c else 1


class Line:
    """The static features of one line: per boundary, a list of feature hashes (None where
    the boundary can never join), plus the two prev-dependent hashes' inputs."""
    __slots__ = ("static", "mode", "lex")


def line_features(toks, dict_get):
    """toks: Tok list of one line; dict_get: hash64 -> DICT_* flags. Returns a Line."""
    n = len(toks)
    nodia, caps = line_modes(toks)
    lex = [t.lstrip if nodia else t.lfull for t in toks]
    shp = [SH_CAPSWORD if (caps and t.word) else t.shape for t in toks]
    dseed = SEED_DICT_STRIP if nodia else SEED_DICT_FULL
    # dictionary spans: longest from each start, longest to each end, cover of each boundary
    lstart = [0] * n
    lend = [0] * n
    cover = [0] * n
    d2 = [0] * n
    for s in range(n):
        if not toks[s].word:
            continue
        g = mix64(dseed ^ lex[s])
        for k in range(2, MAX_DICT + 1):
            e = s + k - 1
            if e >= n or not toks[e].word:
                break
            g = mix64(g ^ lex[e])
            f = dict_get(g)
            if f & DICT_WORD:
                lstart[s] = k
                if k > lend[e]:
                    lend[e] = k
                if k == 2:
                    d2[s] = 1
                for b in range(s, e):
                    if k > cover[b]:
                        cover[b] = k
            if not f & DICT_PREFIX:
                break
    fmm = [0] * n
    i = 0
    while i < n:
        k = lstart[i] if lstart[i] >= 2 else 1
        for b in range(i, i + k - 1):
            fmm[b] = 1
        i += k
    bmm = [0] * n
    e = n
    while e > 0:
        k = lend[e - 1] if lend[e - 1] >= 2 else 1
        for b in range(e - k, e - 1):
            bmm[b] = 2
        e -= k
    mode = (1 if nodia else 0) + (2 if caps else 0)
    m = 32 * mode
    static = []
    for i in range(n - 1):
        if not (toks[i].word and toks[i + 1].word):
            static.append(None)
            continue
        um = lex[i - 1] if i >= 1 else H_BOS
        u0 = lex[i]
        u1 = lex[i + 1]
        up = lex[i + 2] if i + 2 < n else H_EOS
        sm = shp[i - 1] if i >= 1 else SH_BOS
        s0 = shp[i]
        s1 = shp[i + 1]
        sp = shp[i + 2] if i + 2 < n else SH_EOS
        cv = min(cover[i], 5)
        le = min(lend[i], 4)
        rs = min(lstart[i + 1], 4)
        static.append([
            fkey(T_BIAS + m),
            fkey(T_U0 + m, u0),
            fkey(T_U1 + m, u1),
            fkey(T_UM + m, um),
            fkey(T_UP + m, up),
            fkey(T_B01 + m, u0, u1),
            fkey(T_BM0 + m, um, u0),
            fkey(T_B12 + m, u1, up),
            fkey(T_TM01 + m, um, u0, u1),
            fkey(T_T012 + m, u0, u1, up),
            fkey(T_S01 + m, s0 | s1 << 4),
            fkey(T_S4 + m, sm | s0 << 4 | s1 << 8 | sp << 12),
            fkey(T_S0U1 + m, s0, u1),
            fkey(T_U0S1 + m, u0, s1),
            fkey(T_D2 + m, d2[i]),
            fkey(T_COV + m, cv),
            fkey(T_LEND + m, le),
            fkey(T_RSTART + m, rs),
            fkey(T_DCOMBO + m, cv | le << 4 | rs << 8),
            fkey(T_MM + m, fmm[i] | bmm[i]),
        ])
    ln = Line()
    ln.static = static
    ln.mode = mode
    ln.lex = lex
    return ln


def prev_features(ln, i, prev):
    m = 32 * ln.mode
    return (fkey(T_PREV + m, prev), fkey(T_PREVB + m, prev, ln.lex[i], ln.lex[i + 1]))


def split_lines(tokens):
    """tokens: (text, kind, flags) triples -> list of (start, end) index ranges of lines."""
    out = []
    start = 0
    for j in range(1, len(tokens)):
        if tokens[j][2] & TF_NEWLINE_BEFORE:
            out.append((start, j))
            start = j
    if tokens:
        out.append((start, len(tokens)))
    return out


SLOTS = 16     # slots per bucket
FEAT_VBITS = 12
DICT_VBITS = 2


def bucket_check(h, vbits, mask):
    """(bucket, check value) of a 64-bit key hash."""
    c = h >> (32 + vbits)
    return h & mask, (c if c else 1)


class Table:
    """A bucketed table as stored in the model file (see the module docstring)."""

    def __init__(self, slots, vbits, signed):
        self.slots = slots
        self.vbits = vbits
        self.mask = len(slots) // SLOTS - 1
        vmask = (1 << vbits) - 1
        found = {}
        for i, x in enumerate(slots):
            if not x:
                continue
            v = x & vmask
            if signed and v >> (vbits - 1):
                v -= 1 << vbits
            k = (i // SLOTS, x >> vbits)
            found[k] = found.get(k, 0) + v if signed else found.get(k, 0) | v
        self.found = found

    @classmethod
    def build(cls, entries, buckets_log2, vbits, signed):
        """Place (hash64, value) pairs into 2**buckets_log2 buckets. Values of one bucket and
        check are merged (summed or OR-ed); a full bucket keeps the largest |values| (then
        the earliest in the given order). Returns (table, entries dropped)."""
        mask = (1 << buckets_log2) - 1
        lo, hi = (-(1 << (vbits - 1)), (1 << (vbits - 1)) - 1) if signed else (0, (1 << vbits) - 1)
        per = {}
        for h, v in entries:
            b, c = bucket_check(h, vbits, mask)
            d = per.setdefault(b, {})
            d[c] = max(lo, min(hi, d.get(c, 0) + v)) if signed else d.get(c, 0) | v
        slots = [0] * ((mask + 1) * SLOTS)
        dropped = 0
        for b, d in per.items():
            items = [(c, v) for c, v in d.items() if v]
            items.sort(key=lambda cv: -abs(cv[1]))  # stable: ties keep insertion order
            dropped += max(0, len(items) - SLOTS)
            for j, (c, v) in enumerate(items[:SLOTS]):
                slots[b * SLOTS + j] = c << vbits | (v & ((1 << vbits) - 1))
        return cls(slots, vbits, signed), dropped

    def get(self, h):
        return self.found.get(bucket_check(h, self.vbits, self.mask), 0)


class Model:
    """A trained model: the feature weight table and the dictionary table."""

    def __init__(self, weights, dictionary):
        self.weights = weights        # Table: feature hash -> int16 weight
        self.dictionary = dictionary  # Table: n-gram hash -> DICT_* flags

    def score(self, keys):
        get = self.weights.get
        return sum(get(k) for k in keys)

    def segment(self, tokens):
        """tokens: (text, kind, flags) triples. Returns n - 1 joins (0/1)."""
        n = len(tokens)
        joins = [0] * max(n - 1, 0)
        for a, b in split_lines(tokens):
            toks = [analyze(s, k) for s, k, _ in tokens[a:b]]
            ln = line_features(toks, self.dictionary.get)
            prev = 0
            for i, st in enumerate(ln.static):
                if st is None:
                    prev = 0
                    continue
                j = 1 if self.score(st) + self.score(prev_features(ln, i, prev)) > 0 else 0
                joins[a + i] = j
                prev = j
        return joins

    def segment_syllables(self, syllables):
        return self.segment([(s, guess_kind(s), 0) for s in syllables])


# ---------------------------------------------------------------------------------------
# Model file
# ---------------------------------------------------------------------------------------
MAGIC = b"TTSEGMDL"
VERSION = 1
HEADER = 64


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK
    return h


def buckets_for(n):
    """log2 of the bucket count that keeps a table about half full."""
    lg = 4
    while n > (SLOTS // 2) << lg:
        lg += 1
    return lg


def feature_table(weights64):
    return Table.build(sorted(weights64.items()), buckets_for(len(weights64)), FEAT_VBITS, True)


def dict_table(dict64):
    return Table.build(sorted(dict64.items()), buckets_for(len(dict64)), DICT_VBITS, False)


def model_bytes(ft, dt):
    """The model file of a feature table and a dictionary table."""
    body = struct.pack("<%dI" % len(ft.slots), *ft.slots) + struct.pack("<%dI" % len(dt.slots), *dt.slots)
    nf = sum(1 for x in ft.slots if x)
    nd = sum(1 for x in dt.slots if x)
    flog = (len(ft.slots) // SLOTS).bit_length() - 1
    dlog = (len(dt.slots) // SLOTS).bit_length() - 1
    head = MAGIC + struct.pack("<IIIIIIII", VERSION, HEADER, flog, nf, dlog, nd, MAX_DICT, 0)
    head += bytes(16) + struct.pack("<Q", fnv1a64(body))
    assert len(head) == HEADER
    return bytes(head) + body


def read_model(data):
    """Parse model bytes into a Model (for the reference decoder and tests)."""
    if len(data) < HEADER or data[:8] != MAGIC:
        raise ValueError("not a tintuc segmenter model")
    version, hsize, flog, nf, dlog, nd, maxd, flags = struct.unpack_from("<IIIIIIII", data, 8)
    if version != VERSION or hsize != HEADER or maxd != MAX_DICT:
        raise ValueError("unsupported segmenter model")
    fs, ds = SLOTS << flog, SLOTS << dlog
    if len(data) != HEADER + 4 * (fs + ds):
        raise ValueError("truncated segmenter model")
    fk = list(struct.unpack_from("<%dI" % fs, data, HEADER))
    dk = list(struct.unpack_from("<%dI" % ds, data, HEADER + 4 * fs))
    return Model(Table(fk, FEAT_VBITS, True), Table(dk, DICT_VBITS, False))


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------
def shared_dir(arg=None):
    if arg:
        return arg
    env = os.environ.get("TINTUC_SHARED")
    if env:
        return env
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")


def read_conllu(path):
    """Sentences as lists of word FORMs (a FORM may hold spaces: one word, several syllables)."""
    sents, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if cur:
                    sents.append(cur)
                    cur = []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur.append(unicodedata.normalize("NFC", cols[1]))
    if cur:
        sents.append(cur)
    return sents


def syllables_and_joins(words):
    """Word FORMs -> (syllables, gold joins between adjacent syllables)."""
    syl, joins = [], []
    for w in words:
        for k, p in enumerate(x for x in w.split(" ") if x):
            if syl:
                joins.append(1 if k > 0 else 0)
            syl.append(p)
    return syl, joins


def strip_diacritics(s):
    out = []
    for ch in s:
        e = LETTERS.get(ord(ch))
        if e is not None and e[0] >= 0x100:
            out.append(chr(e[1] - 32) if e[3] else chr(e[1]))
        else:
            out.append(ch)
    return "".join(out)


def read_vnvocab(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            w = unicodedata.normalize("NFC", line.strip()).split()
            if 2 <= len(w) <= MAX_DICT and all(guess_kind(x) == TOK_WORD for x in w):
                yield w


def build_dict(words):
    """VnVocab entries -> hash64 -> flags, with and without diacritics."""
    out = {}
    for w in words:
        toks = [analyze(x, TOK_WORD) for x in w]
        for seed, lex in ((SEED_DICT_FULL, [t.lfull for t in toks]),
                          (SEED_DICT_STRIP, [t.lstrip for t in toks])):
            g = mix64(seed ^ lex[0])
            for k in range(1, len(lex)):
                g = mix64(g ^ lex[k])
                flag = DICT_WORD if k == len(lex) - 1 else DICT_PREFIX
                out[g] = out.get(g, 0) | flag
    return out


# ---------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------
def variants(syl):
    """The training copies of a sentence: as written, without diacritics, upper case, both."""
    yield syl
    yield [strip_diacritics(s) for s in syl]
    yield [s.upper() for s in syl]
    yield [strip_diacritics(s).upper() for s in syl]


def prepare(sents, dict_get, augment):
    """(syllables, joins) pairs -> list of (Line, gold joins)."""
    out = []
    for syl, gold in sents:
        for v in (variants(syl) if augment else (syl,)):
            toks = [analyze(s, guess_kind(s)) for s in v]
            out.append((line_features(toks, dict_get), gold))
    return out


def train(data, epochs, seed=20261122):
    """Averaged perceptron with greedy left-to-right decoding; integer arithmetic only.
    Returns hash64 -> averaged weight numerator, and the divisor."""
    w = {}
    u = {}
    c = 1
    order = list(range(len(data)))
    rnd = random.Random(seed)
    for _ in range(epochs):
        rnd.shuffle(order)
        for j in order:
            ln, gold = data[j]
            prev = 0
            for i, st in enumerate(ln.static):
                if st is None:
                    prev = 0
                    continue
                keys = st + list(prev_features(ln, i, prev))
                sc = 0
                for k in keys:
                    sc += w.get(k, 0)
                y = 1 if gold[i] else -1
                if sc * y <= 0:
                    for k in keys:
                        w[k] = w.get(k, 0) + y
                        u[k] = u.get(k, 0) + c * y
                prev = 1 if sc > 0 else 0
                c += 1
    avg = {k: w[k] * c - u.get(k, 0) for k in w}
    return avg


def average_runs(data, epochs, seeds):
    """Train once per shuffle seed and add up the runs, each scaled to the same largest weight
    (averaging perceptrons trained in different orders lowers their variance)."""
    acc = {}
    for sd in seeds:
        avg = train(data, epochs, seed=sd)
        big = max((abs(v) for v in avg.values()), default=1) or 1
        for k, v in avg.items():
            acc[k] = acc.get(k, 0) + v * 1_000_000 // big
    return acc


def quantize(avg):
    """Scale averaged weights into -2047..2047 (round half away from zero), dropping zeros."""
    top = (1 << (FEAT_VBITS - 1)) - 1
    big = max((abs(v) for v in avg.values()), default=1) or 1
    out = {}
    for k, v in avg.items():
        q = (abs(v) * 2 * top + big) // (2 * big)
        if q:
            out[k] = q if v > 0 else -q
    return out


def spans(joins):
    out = set()
    start = 0
    for i, j in enumerate(joins):
        if not j:
            out.add((start, i + 1))
            start = i + 1
    out.add((start, len(joins) + 1))
    return out


def f1(pairs):
    """pairs: (gold joins, predicted joins) -> word F1 over syllable spans."""
    tp = fp = fn = 0
    for g, p in pairs:
        G, P = spans(g), spans(p)
        tp += len(G & P)
        fp += len(P - G)
        fn += len(G - P)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", help="the shared data folder (default ../shared or $TINTUC_SHARED)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                  "pkg", "tintuc", "data", "segmenter.bin"))
    ap.add_argument("--epochs", type=int, default=10)
    args = ap.parse_args(argv)
    t0 = time.time()
    sh = shared_dir(args.shared)
    ud = os.path.join(sh, "data", "ud-vi-vtb")
    train_s = [syllables_and_joins(s) for s in read_conllu(os.path.join(ud, "vi_vtb-ud-train.conllu"))]
    dev_s = [syllables_and_joins(s) for s in read_conllu(os.path.join(ud, "vi_vtb-ud-dev.conllu"))]
    dict64 = build_dict(read_vnvocab(os.path.join(sh, "data", "vnvocab", "VnVocab.txt")))
    dtable, ddrop = dict_table(dict64)
    print(f"train {len(train_s)} sentences, dev {len(dev_s)}, dictionary {len(dict64)} entries",
          flush=True)
    data = prepare(train_s, dtable.get, augment=True)
    avg = average_runs(data, args.epochs, SEEDS)
    weights64 = quantize(avg)
    ftable, fdrop = feature_table(weights64)
    blob = model_bytes(ftable, dtable)
    with open(args.out, "wb") as f:
        f.write(blob)
    model = read_model(blob)
    res = {}
    for name, fn in (("dev", lambda s: s), ("dev, no diacritics", strip_diacritics),
                     ("dev, upper case", str.upper)):
        res[name] = f1((g, model.segment_syllables([fn(s) for s in syl])) for syl, g in dev_s)
    print(f"model {os.path.relpath(args.out)}: {len(blob)} bytes, {len(weights64)} weights "
          f"({fdrop} dropped from full buckets), dictionary {len(dict64)} ({ddrop} dropped), "
          f"sha256 {hashlib.sha256(blob).hexdigest()[:16]}")
    for name, v in res.items():
        print(f"word F1 on UD VTB {name}: {v:.4f}")
    print(f"({time.time() - t0:.0f}s)")


if __name__ == "__main__":
    main()
