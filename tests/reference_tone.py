"""A slow, obviously written reference for Vietnamese tone placement, to check the C core against.

It works on NFD strings with unicodedata and plain Python, sharing no code or tables with
csrc/core.
"""
import re
import unicodedata

TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
VOWEL_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn
PLAIN_VOWELS = set("aeiouy")
INITIALS = {"", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
            "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x"}
FINALS = {"", "c", "ch", "m", "n", "ng", "nh", "p", "t"}
NUCLEI = set("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy "
             "ưa ưi ươ ưu yê iêu oai oay oeo uây uôi uya uyê uyu ươi ươu yêu".split())


def letters(word):
    """[(base letter with its vowel mark, lowercase), tone mark or '', is_upper] for an NFD word."""
    out = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            if not out or out[-1][1]:
                return None
            out[-1][1] = ch
        elif ch in VOWEL_MARKS:
            if not out:
                return None
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + ch)
        elif unicodedata.combining(ch):
            return None
        else:
            out.append([ch.lower(), "", ch.isupper()])
    return out


def is_vowel(base):
    return unicodedata.normalize("NFD", base)[0] in PLAIN_VOWELS and base != "đ"


def tone_slot(ls, style):
    """Index of the letter that must carry the tone, or None when not a Vietnamese syllable."""
    bases = [b for b, _, _ in ls]
    i = 0
    while i < len(bases) and not is_vowel(bases[i]):
        i += 1
    initial = "".join(bases[:i])
    if initial not in INITIALS or i == len(bases):
        return None
    if initial == "q":
        if bases[i] != "u":
            return None
        i += 1
    elif initial == "g" and bases[i] == "i" and i + 1 < len(bases) and is_vowel(bases[i + 1]):
        i += 1
    j = i
    while j < len(bases) and is_vowel(bases[j]):
        j += 1
    nucleus, final = "".join(bases[i:j]), "".join(bases[j:])
    if nucleus not in NUCLEI or final not in FINALS:
        return None
    marked = [k for k in range(i, j) if bases[k] in "ăâêôơư"]
    if marked:
        return marked[-1]
    if final or j - i == 1:
        return j - 1
    if j - i == 3:
        return i + 1
    if nucleus in ("oa", "oe", "uy") and style == "hoà":
        return i + 1
    return i


def compose(ls):
    out = []
    for base, tone, upper in ls:
        ch = unicodedata.normalize("NFC", base + tone)
        out.append(ch.upper() if upper else ch)
    return "".join(out)


def place_tone(word, style="hòa"):
    """The word with its tone mark where `style` puts it (unchanged when not a syllable)."""
    ls = letters(word)
    if ls is None or len(ls) > 8:
        return unicodedata.normalize("NFC", word)
    toned = [k for k, l in enumerate(ls) if l[1]]
    if len(toned) == 1:
        slot = tone_slot(ls, style)
        if slot is not None and slot != toned[0]:
            ls[slot][1], ls[toned[0]][1] = ls[toned[0]][1], ""
    return compose(ls)


WORD = re.compile(r"[^\W\d_]+")


def misplaced(text, style="hòa"):
    """Words of an NFC text whose tone is not where `style` puts it."""
    return [m.group(0) for m in WORD.finditer(text) if place_tone(m.group(0), style) != m.group(0)]
