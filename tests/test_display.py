"""Notebook HTML: well-formed, escaped, and showing every character of the text exactly once."""
import html.parser
import pathlib

from hypothesis import given, settings, strategies as st

import tintuc

ROOT = pathlib.Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample"
VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}


class Checker(html.parser.HTMLParser):
    """Parses HTML, checking that tags balance, and collects the document's visible text (the
    data inside the "tintuc-text" block, without the label chips)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors, self.tags = [], [], []
        self.text_depth = None   # stack depth of the tintuc-text div
        self.chip_depth = None   # stack depth of a label chip being skipped
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag in VOID:
            return
        self.stack.append(tag)
        classes = (dict(attrs).get("class") or "").split()
        if "tintuc-text" in classes:
            self.text_depth = len(self.stack)
        if "tintuc-label" in classes and self.chip_depth is None:
            self.chip_depth = len(self.stack)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        if self.chip_depth == len(self.stack):
            self.chip_depth = None
        if self.text_depth == len(self.stack):
            self.text_depth = None
        self.stack.pop()

    def handle_data(self, data):
        if self.text_depth is not None and self.chip_depth is None:
            self.text.append(data)


def check(markup: str) -> Checker:
    c = Checker()
    c.feed(markup)
    c.close()
    assert c.errors == []
    assert c.stack == [], f"unclosed: {c.stack}"
    return c


NASTY = ('Ngày 13/3, Ngoại trưởng Nhật Bản điện đàm với người đồng cấp Hàn Quốc về <script>alert("x")'
         "</script> & 'quan hệ' <b>song phương</b>.\nQuân đội Mỹ tấn công ở Yemen.")


def test_document_html_escapes_and_keeps_the_text():
    doc = tintuc.analyze(NASTY, published="2023-03-14")
    markup = doc._repr_html_()
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert "<b>" not in markup
    c = check(markup)
    assert "script" not in c.tags and "b" not in c.tags
    assert "".join(c.text) == NASTY


def test_document_html_highlights_entities_and_events():
    doc = tintuc.analyze(NASTY, published="2023-03-14")
    markup = doc._repr_html_()
    assert len(doc.entities) > 0 and len(doc.events) > 0
    # an entity cut by an overlapping trigger spans two tags, so at least one tag per entity
    assert markup.count('class="tintuc-ent ') >= len(doc.entities)
    for ent in doc.entities:
        assert f"tintuc-{ent.label}" in markup
    for ev in doc.events:
        assert f">{ev.type}</span>" in markup  # the label chip after the trigger
    # the events table: one row per event
    assert markup.count("<tr>") == len(doc.events) + 1


def test_sample_documents_render():
    corpus = tintuc.analyze_many(tintuc.read(SAMPLE))
    for doc in corpus:
        c = check(doc._repr_html_())
        assert "".join(c.text) == doc.text
        assert doc.meta["article"].title in doc._repr_html_()


def test_corpus_html_is_a_summary_table():
    corpus = tintuc.analyze_many(tintuc.read(SAMPLE))
    markup = corpus._repr_html_()
    check(markup)
    assert "5 documents" in markup and "2020-05-18 to 2024-01-09" in markup
    assert markup.count("<tr>") == 1 + 5
    many = tintuc.analyze_many(["<i>tin</i> số " + str(k) for k in range(25)])
    markup = many._repr_html_()
    check(markup)
    assert "<i>" not in markup and "and 15 more" in markup


def test_empty_document_and_corpus():
    check(tintuc.analyze("")._repr_html_())
    check(tintuc.analyze_many([])._repr_html_())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>&\"' \n/=abcHNộiđàmMỹViệtNam.,")), max_size=80))
def test_any_text_renders_well_formed_and_complete(text):
    doc = tintuc.analyze(text)
    c = check(doc._repr_html_())
    assert "".join(c.text) == text
