"""modality() reads the three flags from one clause window, with a set test first: it says
what negated(), future() and historical() say one at a time."""
import datetime as dt
from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings, strategies as st

import tintuc
from tintuc.events.context import Context
from tintuc.events.lexicon import lexicon
from tintuc.events.modality import future, historical, modality, negated
from tintuc.events.triggers import find_hits

_WORDS = ["không", "chưa", "không thể", "hàng", "không quân", "sẽ", "sắp", "dự kiến", "từng", "trước đây",
          "đã", "Nga", "và", "Mỹ", "tấn công", "hội đàm", "ký kết", "thỏa thuận", ",", "gặp", "thăm", "chỉ"]


def _same(doc):
    ctx = Context(doc)
    lex = lexicon()
    published = doc.published
    n = 0
    for h in find_hits(ctx, lex):
        for clause_start in range(max(0, h.start - 40), h.start + 1, 3):
            for date in (None, SimpleNamespace(begin=dt.date(1990, 1, 1), end_date=None),
                         SimpleNamespace(begin=dt.date(2030, 1, 1), end_date=dt.date(2030, 2, 1))):
                want = (negated(ctx, lex, h, clause_start), future(ctx, lex, h, clause_start, date, published),
                        historical(ctx, lex, h, clause_start, date, published))
                assert modality(ctx, lex, h, clause_start, date, published) == want, (ctx.low, h, clause_start)
                n += 1
    return n


def test_written_sentences():
    text = ("Nga không tấn công Mỹ. Mỹ sẽ không hội đàm với Nga. Không quân Nga tấn công. Hàng không Mỹ ký kết "
            "thỏa thuận. Mỹ từng gặp Nga. Trước đây Nga đã thăm Mỹ. Nga dự kiến ký kết thỏa thuận, Mỹ chưa gặp.")
    assert _same(tintuc.analyze(text, published="2021-01-03")) > 50


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_generated(words):
    _same(tintuc.analyze(" ".join(words) + ".", published="2021-01-03"))


def test_real_articles(dantri):
    n = 0
    for row in dantri[::25]:
        n += _same(tintuc.analyze(row["text"], published=row.get("date")))
    assert n > 100
