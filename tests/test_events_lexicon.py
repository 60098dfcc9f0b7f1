"""The event lexicons in data/events: well-formed, complete, and in the normalizer's spelling."""
import csv
from importlib import resources

import pytest

import tintuc
from tintuc.events.lexicon import CUE_CLASSES, LEVELS, TYPES, Lexicon

MODES = {
    "CONSULT": {"phone", "visit", "host", "third-party", "multilateral"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"},
    "ASSAULT": {"abduct", "beat", "sexual", "torture", "suicide-attack", "explosives", "assassinate", "firearms",
                "heavy-weapons", "cleansing", "destroy"},
    "COERCE": {"arrest", "deport", "restrict", "ban", "curfew", "martial-law", "confiscate"},
    "PROTEST": {"demo", "boycott", "hunger", "riot", "obstruct"},
    "MOBILIZE": {"troops", "police"},
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "SANCTION": {"withdraw", "discontinue", "expel"},
    "THREATEN": {"violence", "relations", "restrict", "expel", "ban"},
    "ACCUSE": {"investigate"},
    "AGREE": {"ceasefire"},
    "CONCEDE": {"ceasefire"},
    "REQUEST": {"ceasefire"},
}


def rows(name):
    text = resources.files("tintuc").joinpath("data", "events", name).read_text(encoding="utf-8")
    return [r for r in csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
            if r and not r[0].startswith("#")]


def test_triggers_are_well_formed():
    seen = set()
    for r in rows("triggers.tsv"):
        assert len(r) == 7, r
        phrase, typ, mode, level, pos, needs, note = r
        assert typ in TYPES and level in LEVELS and pos in ("n", "v"), r
        assert not mode or mode in MODES.get(typ, ()), f"{mode!r} is no mode of {typ}"
        assert not needs or (needs.startswith("near:") and needs[5:] in CUE_CLASSES), r
        assert note, r
        assert (phrase, needs) not in seen, r
        seen.add((phrase, needs))


def test_phrases_are_spelled_as_the_normalizer_writes_them():
    for name in ("triggers.tsv", "cues.tsv"):
        for r in rows(name):
            phrase = r[0]
            assert phrase == " ".join(phrase.split()), r
            assert tintuc.normalize(phrase) == phrase, f"{name}: {phrase!r} -> {tintuc.normalize(phrase)!r}"


def test_every_type_has_triggers_and_a_wide_lexicon():
    lex = Lexicon()
    by_type = {}
    for entries in lex.entries.values():
        for e in entries:
            by_type.setdefault(e.type, set()).add(e.phrase)
    assert set(by_type) == set(TYPES)
    assert all(len(v) >= 5 for v in by_type.values()), {k: len(v) for k, v in by_type.items()}
    assert sum(len(v) for v in lex.entries.values()) >= 300


def test_cues_are_well_formed():
    for r in rows("cues.tsv"):
        assert len(r) == 4 and r[1] in CUE_CLASSES and r[3], r
        assert not r[2] or set(r[2].split(",")) <= set(TYPES), r


@pytest.mark.parametrize("phrase,type_,mode", [
    ("điện đàm", "CONSULT", "phone"), ("thăm chính thức", "CONSULT", "visit"), ("hội đàm", "CONSULT", None),
    ("thỏa thuận ngừng bắn", "AGREE", "ceasefire"), ("ngừng bắn", "RETREAT", "ceasefire"),
    ("bắt cóc", "ASSAULT", "abduct"), ("cáo buộc", "ACCUSE", None), ("triển khai", "MOBILIZE", "troops"),
    ("tuyên bố", "STATEMENT", None), ("vi phạm lệnh ngừng bắn", "ASSAULT", None),
])
def test_lookup_of_well_known_triggers(phrase, type_, mode):
    entries = Lexicon().entries[phrase]
    assert (entries[-1].type, entries[-1].mode) == (type_, mode)


def test_the_trigger_expression_prefers_the_longest_phrase():
    lex = Lexicon()
    m = lex.trigger_rx.search("hai bên đạt được thỏa thuận ngừng bắn")
    assert m.group() == "đạt được thỏa thuận"
    m = lex.trigger_rx.search("tập trận chung với hải quân")
    assert m.group() == "tập trận chung"


def test_every_object_class_is_asked_for_and_exists():
    lex = Lexicon()
    asked = {r.needs for rows in lex.entries.values() for r in rows if r.needs}
    objects = {"force", "troops", "weapon", "accord", "envoy", "target", "strike", "diplomat", "funds", "exit", "reach"}
    assert asked == objects
    assert all(lex.cues[c] for c in CUE_CLASSES), [c for c in CUE_CLASSES if not lex.cues[c]]
