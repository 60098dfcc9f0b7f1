"""Clusters: mentions of one real-world event across documents share ``cluster``; every
mention is kept; the numbering is deterministic."""
import tintuc
from tintuc import events

from event_helpers import CN, FR, IL, JP, KR, LA, RU, SY, TH, US, ents

LAVROV = ("Sergei Lavrov", "PER", "LAVROV")
WANG = ("Vương Nghị", "PER", "WANG")
BEIJING = ("Bắc Kinh", "LOC", "CNBJS")
VIENTIANE = ("Viêng Chăn", "LOC", "LAVTE")


def clustered(items):
    """items: (text, entity specs, published) per document -> events per document, clustered."""
    mentions, pubs = [], []
    for text, specs, pub in items:
        doc = tintuc.analyze(text, published=pub)
        mentions.append(events.extract_mentions(doc, ents(text, specs)))
        pubs.append(doc.published)
    return events.assign(mentions, pubs)


def test_one_call_told_twice_is_one_cluster_and_both_mentions_are_kept():
    a = ("Hôm 8/3, Ngoại trưởng Nga Sergei Lavrov điện đàm với người đồng cấp Trung Quốc Vương Nghị.",
         [RU, LAVROV, CN, WANG], "2021-03-09")
    b = ("Ông Vương Nghị và ông Sergei Lavrov đã có cuộc điện đàm về hợp tác song phương.",
         [WANG, LAVROV], "2021-03-09")
    (ea,), (eb,) = clustered([a, b])
    assert ea.cluster == eb.cluster == 0


def test_a_later_day_another_pair_or_another_place_is_another_event():
    base = ("Ngày 8/3, Nga và Trung Quốc hội đàm tại Bắc Kinh.", [RU, CN, BEIJING], "2021-03-09")
    later = ("Ngày 12/3, Nga và Trung Quốc hội đàm tại Bắc Kinh.", [RU, CN, BEIJING], "2021-03-13")
    other_pair = ("Ngày 8/3, Nga và Pháp hội đàm tại Bắc Kinh.", [RU, FR, BEIJING], "2021-03-09")
    other_place = ("Ngày 8/3, Nga và Trung Quốc hội đàm tại Viêng Chăn.", [RU, CN, VIENTIANE], "2021-03-09")
    same = ("Hôm 8/3, Trung Quốc và Nga đã hội đàm tại Bắc Kinh.", [RU, CN, BEIJING], "2021-03-10")
    out = clustered([base, later, other_pair, other_place, same])
    c = [evs[0].cluster for evs in out]
    assert c[0] == c[4] == 0
    assert len({c[0], c[1], c[3]}) == 3
    # "Nga và Pháp" shares Russia with "Nga và Trung Quốc", but both name their actors
    assert c[2] != c[0]


def test_one_side_meeting_two_others_is_not_the_others_meeting_them():
    us = ("Ngày 5/3, Ngoại trưởng Mỹ hội đàm với người đồng cấp Lào và Thái Lan.", [US, LA, TH], "2021-03-06")
    ru = ("Trong tuần này, Nga tổ chức các cuộc gặp với ngoại trưởng Lào và Thái Lan.", [RU, LA, TH], "2021-03-06")
    (a,), (b,) = clustered([us, ru])
    assert a.cluster != b.cluster


def test_same_actor_different_recipients_are_different_meetings():
    a = ("Ngày 5/3, Thủ tướng Nhật Bản hội đàm với Tổng thống Hàn Quốc.", [JP, KR], "2021-03-06")
    b = ("Ngày 5/3, Thủ tướng Nhật Bản hội đàm với Tổng thống Pháp.", [JP, FR], "2021-03-06")
    (ea,), (eb,) = clustered([a, b])
    assert ea.cluster != eb.cluster


def test_fighting_without_named_sides_clusters_by_place_and_day():
    a = ("Giao tranh ác liệt bùng phát hôm 4/3 tại Syria.", [SY], "2021-03-05")
    b = ("Giao tranh tiếp diễn ở Syria.", [SY], "2021-03-05")
    c = ("Giao tranh tiếp diễn.", [], "2021-03-05")
    out = clustered([a, b, c])
    assert out[0][0].cluster == out[1][0].cluster
    assert out[2][0].cluster not in (out[0][0].cluster,)


def test_ceasefire_agreed_and_ceasefire_in_force_are_one_family():
    a = ("Ngày 7/3, Israel và Syria đạt thỏa thuận ngừng bắn.", [IL, SY], "2021-03-08")
    b = ("Lệnh ngừng bắn giữa Israel và Syria có hiệu lực từ ngày 7/3.", [IL, SY], "2021-03-08")
    (ea,), (eb,) = clustered([a, b])
    assert (ea.type, eb.type) == ("AGREE", "RETREAT") and ea.cluster == eb.cluster


def test_negated_and_affirmed_mentions_differ():
    a = ("Ngày 7/3, Nga rút quân khỏi Syria.", [RU, SY], "2021-03-08")
    b = ("Ngày 7/3, Nga chưa rút quân khỏi Syria.", [RU, SY], "2021-03-08")
    (ea,), (eb,) = clustered([a, b])
    assert ea.cluster != eb.cluster


def test_cluster_values_are_deterministic_and_name_the_first_mention():
    items = [
        ("Nga tấn công Ukraine.", [RU, ("Ukraine", "LOC", "UA")], "2021-03-08"),
        ("Ngày 7/3, Nga và Trung Quốc hội đàm tại Bắc Kinh.", [RU, CN, BEIJING], "2021-03-08"),
        ("Nga và Trung Quốc hội đàm tại Bắc Kinh hôm 7/3.", [RU, CN, BEIJING], "2021-03-09"),
    ]
    first = [[e.cluster for e in evs] for evs in clustered(items)]
    again = [[e.cluster for e in evs] for evs in clustered(items)]
    assert first == again == [[0], [1], [1]]
    # in the reversed batch the other mention comes first and names the cluster
    rev = [[e.cluster for e in evs] for evs in clustered(items[::-1])]
    assert rev == [[0], [0], [2]]


def test_single_document_events_are_clustered_among_themselves():
    doc = tintuc.analyze("Ngày 8/3, Nga và Trung Quốc điện đàm. Cuộc điện đàm giữa Nga và Trung Quốc kéo dài 1 giờ.",
                         published="2021-03-09")
    text = doc.text
    evs = events.extract(doc, entities=ents(text, [RU, CN]))
    assert [e.type for e in evs] == ["CONSULT", "CONSULT"]
    assert evs[0].cluster == evs[1].cluster == 0


def test_an_accusation_and_the_reply_are_two_events():
    a = ("Ngày 5/3, Nga cáo buộc Mỹ can thiệp bầu cử.", [RU, US], "2021-03-06")
    b = ("Ngày 5/3, Mỹ cáo buộc Nga can thiệp bầu cử.", [RU, US], "2021-03-06")
    (ea,), (eb,) = clustered([a, b])
    assert ea.cluster != eb.cluster


def test_day_by_day_links_do_not_chain_a_week():
    items = [(f"Ngày {d}/3, Nga và Trung Quốc hội đàm tại Bắc Kinh.", [RU, CN, BEIJING], f"2021-03-{d + 1:02d}")
             for d in (1, 2, 3, 4, 5)]
    c = [evs[0].cluster for evs in clustered(items)]
    assert c[0] == c[1] == c[2] and c[3] != c[0]


def test_two_bodies_of_one_country_at_one_place_are_one_event():
    a = ("Ngày 6/3, Bộ Quốc phòng Nga mở trung tâm cứu trợ nhân đạo ở Aleppo.",
         [("Bộ Quốc phòng Nga", "ORG", "org:ru-mod"), ("Aleppo", "LOC", "SYALP")], "2021-03-07")
    b = ("Quân đội Nga mở trung tâm cứu trợ nhân đạo ở Aleppo.",
         [("Quân đội Nga", "ORG", "org:ru-army-test"), ("Aleppo", "LOC", "SYALP")], "2021-03-07")
    (ea,), (eb,) = clustered([a, b])
    assert ea.type == eb.type == "AID" and ea.cluster == eb.cluster


def test_statements_cluster_only_when_told_for_one_day_by_one_speaker():
    moh = ("Bộ Y tế", "ORG", "VN-MOH")
    a = ("Bộ Y tế cho biết số ca mắc đã giảm.", [moh], "2021-03-06")
    b = ("Bộ Y tế cho biết sẽ mở thêm điểm tiêm.", [moh], "2021-03-06")
    (ea,), (eb,) = clustered([a, b])
    assert ea.cluster != eb.cluster
    c = ("Ngày 5/3, Bộ Y tế cho biết số ca mắc đã giảm.", [moh], "2021-03-06")
    d = ("Hôm 5/3, Bộ Y tế cho biết số ca nhiễm mới đã giảm mạnh.", [moh], "2021-03-07")
    (ec,), (ed,) = clustered([c, d])
    assert ec.cluster == ed.cluster


def test_one_side_without_place_or_date_is_too_little():
    a = ("Nga đã tập trận.", [RU], "2021-03-06")
    b = ("Nga đã tập trận lớn.", [RU], "2021-03-06")
    (ea,), (eb,) = clustered([a, b])
    assert ea.cluster != eb.cluster
    c = ("Nga đã tập trận ở Syria.", [RU, SY], "2021-03-06")
    d = ("Nga tập trận lớn ở Syria.", [RU, SY], "2021-03-06")
    (ec,), (ed,) = clustered([c, d])
    assert ec.cluster == ed.cluster


def _plain_link(feats):
    """The clusters as every earlier mention of the family sharing a participant or the place
    and a day (within one) is tried in order: what Linker's index and shortcuts must give."""
    from tintuc.events import cluster
    parent = list(range(len(feats)))
    span = {}

    def root(x):
        while parent[x] != x:
            x = parent[x]
        return x

    for n, f in enumerate(feats):
        if f.begin is not None and not f.vague:
            span[n] = (f.begin, f.end)
        near, keys = set(f.days(1)), f.bucket_keys()
        for m in range(n):
            g = feats[m]
            if g.family != f.family or not (keys & g.bucket_keys() and near & set(g.days(0))):
                continue
            if not cluster._same(g, f):
                continue
            a, b = root(m), root(n)
            if a == b:
                continue
            if a in span and b in span:
                first, last = min(span[a][0], span[b][0]), max(span[a][1], span[b][1])
                if (last - first).days > cluster.SPAN_DAYS:
                    continue
                span[min(a, b)] = (first, last)
            parent[max(a, b)] = min(a, b)
    return [root(n) for n in range(len(feats))]


def test_linker_gives_the_plain_pairwise_clusters_on_real_articles(dantri):
    from tintuc.events import cluster
    rows = dantri[:400]
    corpus = tintuc.analyze_many([r["text"] for r in rows], published=[r["date"] for r in rows])
    mentions = [events.extract_mentions(d) for d in corpus]
    feats = [f for evs, d in zip(mentions, corpus) for f in cluster.features(evs, d.published)]
    clusters = cluster.link(feats)
    assert clusters == _plain_link(feats)
    assert len(set(clusters)) < len(clusters) - 20      # enough links to tell
    # asked for as the documents come in, the clusters so far are those of the mentions so far
    linker, seen = cluster.Linker(), 0
    for evs, d in zip(mentions, corpus):
        linker.add(cluster.features(evs, d.published))
        seen += len(evs)
        assert linker.clusters() == cluster.link(feats[:seen])
    assert linker.clusters() == clusters
    # the sides made on first use are those of every participant
    for ev, f in zip((e for evs in mentions for e in evs), feats):
        assert f.actors == cluster._sides(ev.actors)
        assert f.recipients == cluster._sides(ev.recipients)
        assert f.sides == f.actors | f.recipients


def test_settled_mentions_link_as_before_without_their_entities(dantri):
    from tintuc.events.cluster import Linker, features
    corpus = tintuc.analyze_many([r["text"] for r in dantri[:300]], published=[r["date"] for r in dantri[:300]])
    plain, settled = Linker(), Linker()
    for doc in corpus:
        plain.add(features(doc.events, doc.published))
        feats = features(doc.events, doc.published)
        for f in feats:
            f.settle()
            assert f._acts is None and f._recs is None
        settled.add(feats)
    assert settled.clusters() == plain.clusters()
    assert len(set(plain.clusters())) < len(plain.clusters())     # some mentions do link
