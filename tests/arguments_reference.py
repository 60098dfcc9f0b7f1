"""The argument rules of tintuc.events.arguments in plain Python: what the C pass
(csrc/core/arg_attach.c, _core.arg_attach) must answer for every trigger. Read with the
module notes of tintuc.events.arguments."""
from __future__ import annotations

from tintuc.events.arguments import (_DETERMINERS, _GROUP_GAP, _PATIENT_REACH, _PLACE_REACH, NEAR_WORDS,
                                     PARTICIPANT_LABELS, Arguments)
from tintuc.events.context import _CLAUSE_PUNCT, _LAST_CLAUSE_PUNCT
from tintuc.events.words import words_before


def boundary_before(ctx, start: int, end: int) -> int:
    """The end of the last clause boundary in [start, end), or -1."""
    m = _LAST_CLAUSE_PUNCT.match(ctx.low, start, end) if start < end else None
    last = m.end() if m else -1
    words = ctx.cues("boundary", start, end, word_start=True)
    return max(last, words[-1][2]) if words else last


def boundary_after(ctx, start: int, end: int) -> tuple[int, int] | None:
    """[start, end) of the first clause boundary in [start, end), or None."""
    m = _CLAUSE_PUNCT.search(ctx.low, start, end)
    words = ctx.cues("boundary", start, m.start() if m else end, word_start=True)
    if words:
        return words[0][1], words[0][2]
    return m.span() if m else None


def clause_of(ctx, lex, hit, prev_end: int, next_start: int) -> tuple[int, int]:
    """[start, end) of the trigger's clause in normalized offsets; ``prev_end``/``next_start``
    are the neighbouring triggers of the sentence (or the sentence's edges)."""
    s, e = ctx.sentence_span(hit.sentence)
    left = max(s, prev_end, boundary_before(ctx, max(s, prev_end), hit.start))
    right = min(e, next_start)
    pos = hit.reach
    while True:
        found = boundary_after(ctx, pos, right)
        if found is None:
            break
        start, end = found
        listed = _listed_after(ctx, end) if ctx.low[start:end] == "," else None
        if listed is None:
            right = start
            break
        pos = listed                         # "với Australia, New Zealand và Ấn Độ": one list
    return left, right


def _listed_after(ctx, comma_end: int) -> int | None:
    """The end of the entity right after a comma (ending at ``comma_end``) when it continues a
    list (another comma or "và" follows it, or the sentence ends), else None."""
    ents = ctx.entities_in(comma_end, comma_end + 80)
    if not ents or ctx.low[comma_end:ents[0].start].strip():
        return None
    end = ents[0].end
    rest = ctx.low[end:end + 5]
    if rest.startswith((",", " và ", ".", ";")) or end >= len(ctx.low):
        return end
    return None


def _short_gap(text: str, limit: int, punct: str = "") -> bool:
    """Whether ``text`` is at most ``limit`` words with no punctuation but ``punct``."""
    words = text.split()
    return len(words) <= limit and all(w.strip(punct).replace("-", "").isalnum() or w in punct for w in words)


def locations_in(ctx, lex, start: int, end: int) -> list:
    """Place entities introduced by a place cue inside [start, end)."""
    cues = ctx.cues("locative", start, end, word_start=True)
    if not cues:
        return []
    out = []
    low = ctx.low
    for _, _, cue_end in cues:
        for ent in ctx.iter_entities_in(cue_end, end):
            if _short_gap(low[cue_end:ent.start], _PLACE_REACH):
                if ent.item.label == "LOC":
                    out.append(ent)
                    break
            else:
                break
    return out


def _cue_before(ctx, cls_words: set, start: int, pos: int) -> int:
    """Offset of the last word of ``cls_words`` in [start, pos), or -1."""
    low = ctx.low
    best = -1
    for w in cls_words:
        i = low.rfind(w, start, pos)
        while i >= 0:
            if (i == 0 or not low[i - 1].isalnum()) and (i + len(w) >= len(low) or not low[i + len(w)].isalnum()):
                best = max(best, i)
                break
            i = low.rfind(w, start, i)
    return best


def _participants(mentions, places) -> list:
    """The mentions that may take part (what _eligible keeps)."""
    if not places:
        return [m for m in mentions if m.item.label in PARTICIPANT_LABELS]
    taken = {id(p) for p in places}
    return [m for m in mentions if m.item.label in PARTICIPANT_LABELS and id(m) not in taken]


def _eligible(m, places) -> bool:
    return m.item.label in PARTICIPANT_LABELS and not (places and any(m is p for p in places))


def _after_agent(ctx, lex, m) -> bool:
    before = words_before(ctx.low, m.start, 1)
    return bool(before) and before[0] in lex.cues["agent"]


def _group_before(ctx, lex, pos: int, sent_start: int, places) -> list:
    """The group of entities nearest before ``pos`` in its sentence ("Armenia và Azerbaijan")."""
    cands = [m for m in ctx.entities_in(sent_start, pos) if _eligible(m, places) and not _after_agent(ctx, lex, m)]
    if not cands:
        return []
    group = [cands[-1]]
    for m in reversed(cands[:-1]):
        gap = ctx.low[m.end:group[0].start]
        if m.end > group[0].start or not _short_gap(gap, _GROUP_GAP, ",-–"):
            if m.end > group[0].start:
                continue                   # nested in the one already taken
            break
        group.insert(0, m)
    return group


def attach(ctx, lex, hit, clause: tuple[int, int]) -> Arguments:
    left, right = clause
    low = ctx.low
    sent_start = ctx.sent_starts[hit.sentence]
    statement = hit.type == "STATEMENT"
    # the words between joined triggers belong to the first ("kêu gọi Nga ngừng bắn"); what
    # follows a speech verb is what was said, and its places are not where it was said
    places_right = [] if statement else locations_in(ctx, lex, hit.end, right)
    places_left = locations_in(ctx, lex, left, hit.start)
    places = places_right + places_left
    location = places_right[0].item if places_right else (places_left[-1].item if places_left else None)
    if location is None:
        # a place in the sentence's opening phrase ("Tại X, ...", "Từ ngày 11/10 tại X, ...")
        # sets the scene for what follows
        opening = ctx.low.find(",", sent_start, left)
        if opening >= 0:
            earlier = locations_in(ctx, lex, sent_start, opening)
            if earlier:
                location = earlier[-1].item

    # a noun after "tại/trong" is where something else happens ("trong xung đột X-Y"):
    # what stands before it is not its subject
    before = [] if hit.setting else _participants(ctx.entities_in(left, hit.start), places)
    # what follows a speech verb is what was said
    after = [] if statement else _participants(ctx.entities_in(hit.end, right), places)

    actors, recipients = before, []
    voice = _cue_before(ctx, lex.voice, left, hit.start)
    if voice >= 0:
        actors = [m for m in before if m.start > voice]
        recipients = [m for m in before if m.start < voice
                      and len(low[m.end:voice].split()) <= _PATIENT_REACH]

    agent_at = _cue_before(ctx, lex.cues["agent"], hit.end, right) if after else -1
    noun = None
    for m in after:
        if agent_at >= 0 and m.start > agent_at:
            continue                        # "... do X làm trung gian": X brokered something else
        if noun is None:
            noun = hit.entry.noun or _nominalized(ctx, lex, hit)
        if noun:
            if low[max(hit.end, m.start - 8):m.start].rstrip().endswith("của"):
                actors.append(m)
                continue
        recipients.append(m)

    borrowed = False
    if not actors:
        between = _cue_before(ctx, {"giữa"}, hit.end, right)
        if between >= 0 and not before:
            actors = [m for m in recipients if m.start > between]
            recipients = [m for m in recipients if m.start < between]
        # a clause opening with a noun trigger ("rằng chiến sự ...") has no subject to stand
        # in for (it is the subject), nor has a passive one ("bị sát hại": by someone unnamed)
        opens = hit.entry.noun and all(w in _DETERMINERS for w in low[left:hit.start].split())
        if not actors and voice < 0 and not opens and not hit.setting:
            sentence_places = _sentence_places(ctx, lex, hit.sentence)
            actors = _group_before(ctx, lex, left, sent_start, sentence_places)
            borrowed = bool(actors)
    near = any(len(low[hit.end:m.start].split()) <= NEAR_WORDS for m in recipients if m.start >= hit.end)
    return Arguments([m.item for m in actors], [m.item for m in recipients], location, borrowed, near)


def _sentence_places(ctx, lex, k: int) -> list:
    """The places of sentence ``k`` (locations_in over all of it), read once per sentence."""
    cache = ctx.memo.setdefault("places", {})
    places = cache.get(k)
    if places is None:
        places = cache[k] = locations_in(ctx, lex, *ctx.sentence_span(k))
    return places


def _nominalized(ctx, lex, hit) -> bool:
    """Whether the trigger is used as a noun: "sự (công khai) hỗ trợ", "cuộc gặp"."""
    return any(w in lex.cues["nominal"] for w in words_before(ctx.low, hit.start, 2))
