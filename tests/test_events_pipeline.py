"""Events through the whole pipeline: tintuc.analyze / analyze_many with the built-in entities,
clusters shared across a Corpus, datelines on the Document."""
import tintuc


def test_document_events_with_the_built_in_entities():
    doc = tintuc.analyze("Ngày 5/3, Ngoại trưởng Nhật Bản điện đàm với người đồng cấp Hàn Quốc.",
                         published="2021-03-06")
    [ev] = doc.events
    assert (ev.type, ev.mode, ev.date.value, ev.date_source) == ("CONSULT", "phone", "2021-03-05", "text")
    assert {e.id for e in ev.actors} == {"JP"} and {e.id for e in ev.recipients} == {"KR"}
    assert doc.text[ev.trigger.start:ev.trigger.end] == "điện đàm"
    assert ev.cluster == 0


def test_corpus_clusters_are_shared_and_every_mention_is_kept():
    texts = [
        "Hôm 8/3, Ngoại trưởng Nga điện đàm với người đồng cấp Trung Quốc.",
        "Nga và Trung Quốc đã có cuộc điện đàm hôm 8/3 về tình hình khu vực.",
        "Ngày 8/3, Ngoại trưởng Nga điện đàm với người đồng cấp Pháp.",
    ]
    corpus = tintuc.analyze_many(texts, published=["2021-03-09", "2021-03-10", "2021-03-09"])
    clusters = [[(e.type, e.cluster) for e in doc.events] for doc in corpus]
    assert clusters == [[("CONSULT", 0)], [("CONSULT", 0)], [("CONSULT", 2)]]
    # asking a later document first gives the same numbering
    again = tintuc.analyze_many(texts, published=["2021-03-09", "2021-03-10", "2021-03-09"])
    assert [e.cluster for e in again[2].events] == [2]
    assert len(corpus.events_frame()) == 3


def test_threads_give_the_same_events():
    texts = ["Theo phóng viên TTXVN tại Paris, Pháp và Đức đã ký kết thỏa thuận hợp tác quốc phòng.",
             "Quân đội Syria không kích một căn cứ ở tỉnh Idlib, khiến 12 người thiệt mạng."] * 20
    one = tintuc.analyze_many(texts, published="2021-03-06")
    two = tintuc.analyze_many(texts, published="2021-03-06", n_jobs=2)
    assert [[e.to_dict() for e in d.events] for d in one] == [[e.to_dict() for e in d.events] for d in two]


def test_dateline_fields_on_the_document():
    doc = tintuc.analyze("Theo phóng viên TTXVN tại Paris, Pháp và Đức đã ký kết thỏa thuận hợp tác quốc phòng.",
                         published="2021-03-06")
    assert doc.source.id == "org:ttxvn" and doc.dateline_place.text == "Paris"
    [ev] = doc.events
    assert ev.type == "AGREE" and ev.location is None
    assert {e.id for e in ev.actors} == {"FR", "DE"}


def test_empty_and_missing_texts_have_no_events():
    corpus = tintuc.analyze_many(["", None, "Không có gì."])
    assert [d.events for d in corpus] == [[], [], []]
    assert tintuc.analyze("").events == [] and tintuc.analyze("").attributions == []
