"""Who, whom, where, when and how many: actors, recipients, location, date and casualties."""
from event_helpers import (BANGKOK, CN, DE, FR, IDLIB, IL, IN, IR, JP, KH, KR, LA, PARIS, RU, SY, TH, UA, UN, US,
                           VN, events_of, ids, only)

PUB = "2021-03-15"


# -- actors and recipients -----------------------------------------------------------------

def test_counterpart_of_a_country_stands_for_that_country():
    ev = only(events_of("Ngoại trưởng Nhật Bản hội đàm với người đồng cấp Hàn Quốc và Ấn Độ.", [JP, KR, IN], PUB),
              "CONSULT")
    assert ids(ev.actors) == {"JP"} and ids(ev.recipients) == {"KR", "IN"}


def test_title_and_country_with_no_person_named():
    ev = only(events_of("Ngoại trưởng Lào sẽ gặp Ngoại trưởng Thái Lan.", [LA, TH], PUB), "CONSULT")
    assert ids(ev.actors) == {"LA"} and ids(ev.recipients) == {"TH"}


def test_both_sides_after_giua():
    ev = only(events_of("Thỏa thuận hòa bình được ký kết giữa Israel và Syria.", [IL, SY], PUB), "AGREE")
    assert ids(ev.actors) == {"IL", "SY"}


def test_passive_voice_swaps_the_roles():
    ev = only(events_of("Một tàu cá của Việt Nam đã bị Trung Quốc tấn công.", [VN, CN], PUB), "ASSAULT")
    assert ids(ev.actors) == {"CN"} and ids(ev.recipients) == {"VN"}


def test_a_broker_after_do_is_no_party():
    evs = events_of("Lào và Campuchia đạt thỏa thuận ngừng bắn do Thái Lan làm trung gian.", [LA, KH, TH], PUB)
    agree = only(evs, "AGREE")
    assert agree.mode == "ceasefire" and ids(agree.actors) == {"LA", "KH"} and not agree.recipients
    assert ids(only(evs, "CONSULT").actors) == {"TH"}


def test_the_subject_of_an_announcement_stands_in_for_an_empty_clause():
    ev = only(events_of("Ngày 2/3, Bộ Quốc phòng Nga thông báo, nước này đã rút quân khỏi Syria.",
                        [("Bộ Quốc phòng Nga", "ORG", "RU-MOD"), SY], PUB), "RETREAT")
    assert ids(ev.actors) == {"RU-MOD"} and ev.date.value == "2021-03-02"


def test_a_noun_trigger_opening_a_clause_takes_no_subject_from_before_it():
    ev = only(events_of("Ông Putin nói rằng chiến sự tại Syria đã kết thúc.", [("Putin", "PER", "PUTIN"), SY], PUB),
              "ASSAULT")
    assert not ev.actors and ev.location.id == "SY"


def test_cua_after_a_noun_trigger_names_the_actor():
    ev = only(events_of("Sự hỗ trợ Ukraine của Liên hợp quốc rất quan trọng.", [UA, UN], PUB), "SUPPORT")
    assert ids(ev.actors) == {"UN"} and ids(ev.recipients) == {"UA"}


# -- location --------------------------------------------------------------------------------

def test_location_from_a_place_cue_and_from_an_opening_phrase():
    ev = only(events_of("Quân đội Syria không kích một căn cứ ở tỉnh Idlib.", [SY, IDLIB], PUB), "ASSAULT")
    assert ev.location.id == "SY-ID" and ids(ev.actors) == {"SY"}
    ev = only(events_of("Tại Paris, Ngoại trưởng Đức hội đàm với người đồng cấp Pháp.", [PARIS, DE, FR], PUB), "CONSULT")
    assert ev.location.id == "FRPAR" and ids(ev.recipients) == {"FR"}


def test_a_dateline_place_is_not_where_the_event_happened():
    text = "Theo phóng viên TTXVN tại Paris, Đức và Pháp đã ký kết thỏa thuận hợp tác."
    ev = only(events_of(text, [("TTXVN", "ORG", "TTXVN"), PARIS, DE, FR], PUB), "AGREE")
    assert ev.location is None and ids(ev.actors) == {"DE", "FR"}


# -- dates -------------------------------------------------------------------------------------

def test_date_from_the_clause_else_publication():
    ev = only(events_of("Ngày 10/3, Ấn Độ và Nhật Bản ký hiệp định thương mại.", [IN, JP], PUB), "AGREE")
    assert (ev.date.value, ev.date_source) == ("2021-03-10", "text")
    ev = only(events_of("Ấn Độ và Nhật Bản ký hiệp định thương mại.", [IN, JP], PUB), "AGREE")
    assert (ev.date, ev.date_source) == (None, "published")
    ev = only(events_of("Ấn Độ và Nhật Bản ký hiệp định thương mại.", [IN, JP], None), "AGREE")
    assert (ev.date, ev.date_source) == (None, None)


def test_year_boundary():
    ev = only(events_of("Ngày 28/12, Ngoại trưởng Nhật Bản điện đàm với người đồng cấp Hàn Quốc.", [JP, KR],
                        "2021-01-03"), "CONSULT")
    assert ev.date.value == "2020-12-28" and ev.date.begin.year == 2020 and not ev.future


def test_the_nearest_date_in_the_clause_wins_and_since_is_no_date():
    text = ("Năm 2019, Israel đã cảnh báo; ngày 5/3, Israel và Syria giao tranh dữ dội nhất kể từ năm 2011.")
    ev = only(events_of(text, [IL, SY], PUB), "ASSAULT")
    assert ev.date.value == "2021-03-05"


def test_cung_ngay_takes_the_day_before_it():
    text = "Ngày 4/3, Nga và Trung Quốc hội đàm. Cùng ngày, Lào và Campuchia ký hiệp định biên giới."
    ev = only(events_of(text, [RU, CN, LA, KH], PUB), "AGREE")
    assert ev.date.begin.isoformat() == "2021-03-04" and ev.sentence == 1


# -- casualties --------------------------------------------------------------------------------

def test_dead_and_injured_counts():
    ev = only(events_of("Vụ đánh bom ở thủ đô Kabul khiến ít nhất 15 người chết và 40 người bị thương.",
                        [("Kabul", "LOC", "AFKBL")], PUB), "ASSAULT")
    assert (ev.dead, ev.injured, ev.abducted) == (15, 40, None) and ev.mode == "explosives"


def test_a_vague_count_gives_its_lower_bound():
    ev = only(events_of("Giao tranh giữa Israel và Syria đã khiến hàng trăm dân thường thiệt mạng.", [IL, SY], PUB),
              "ASSAULT")
    assert ev.dead == 100


def test_abducted_counts_from_a_fraction_and_after_the_word():
    ev = only(events_of("Một nhóm vũ trang bắt cóc 7 công nhân Trung Quốc.", [CN], PUB), "ASSAULT")
    assert ev.abducted == 7
    evs = events_of("Tàu chở hàng của Nhật Bản bị tấn công; 12/20 thủy thủ bị bắt cóc.", [JP], PUB)
    assert [(e.mode, e.abducted) for e in evs] == [(None, None), ("abduct", 12)]


def test_casualties_in_the_next_sentence():
    text = "Israel không kích nhiều mục tiêu ở Syria. Ít nhất 9 người đã thiệt mạng."
    ev = only(events_of(text, [IL, SY], PUB), "ASSAULT")
    assert ev.dead == 9 and ev.location.id == "SY"


def test_no_count_without_a_casualty_word():
    ev = only(events_of("Israel không kích 3 mục tiêu ở Syria.", [IL, SY], PUB), "ASSAULT")
    assert (ev.dead, ev.injured, ev.abducted) == (None, None, None)


def test_offsets_index_the_original_text_after_normalization():
    # decomposed marks and an odd space: the normalizer changes the text, spans must not move
    import unicodedata
    text = unicodedata.normalize("NFD", "Ngày 5/3, Nga\u00a0và Trung Quốc điện đàm tại Bangkok.")
    evs = events_of(text, [(unicodedata.normalize("NFD", "Trung Quốc"), "LOC", "CN"), RU, BANGKOK], PUB)
    ev = only(evs, "CONSULT")
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert unicodedata.normalize("NFC", ev.trigger.text) == "điện đàm"
    assert ev.location.id == "THBKK" and ids(ev.actors) == {"RU", "CN"}
    assert text[ev.date.start:ev.date.end] == ev.date.text


def test_to_dict_is_plain_data():
    import json
    ev = only(events_of("Ngày 10/3, Ấn Độ và Nhật Bản ký hiệp định thương mại tại Tokyo.", [IN, JP], PUB), "AGREE")
    d = ev.to_dict()
    assert d["type"] == "AGREE" and d["trigger"]["text"] == "ký hiệp định" and d["date"]["value"] == "2021-03-10"
    json.dumps(d, default=str)
    assert [a["id"] for a in d["actors"]] == ["IN", "JP"]


def test_iran_example_has_no_location_from_another_clause():
    text = "Iran tấn công một tàu chở dầu, trong khi Mỹ tập trận ở Biển Đông."
    evs = events_of(text, [IR, US, ("Biển Đông", "LOC", "SCS")], PUB)
    assert only(evs, "ASSAULT").location is None
    assert only(evs, "MOBILIZE").location.id == "SCS"


def test_a_list_of_recipients_runs_across_commas():
    ev = only(events_of("Mỹ đã hợp tác về an ninh với Australia, Ấn Độ, Nhật Bản và Hàn Quốc.",
                        [US, ("Australia", "LOC", "AU"), IN, JP, KR], PUB), "COOPERATE")
    assert ids(ev.recipients) == {"AU", "IN", "JP", "KR"}
    ev = only(events_of("Nga hội đàm với Trung Quốc, Ấn Độ cho biết.", [RU, CN, IN], PUB), "CONSULT")
    assert ids(ev.recipients) == {"CN"}


def test_a_day_beats_a_term_of_office_and_since_phrases():
    ev = only(events_of("Ngày 7/3, Nga và Pháp đã hội đàm về nhiệm kỳ 2020-2025.", [RU, FR], PUB), "CONSULT")
    assert ev.date.value == "2021-03-07"
    ev = only(events_of("Nga và Pháp hội đàm lần đầu kể từ khi quan hệ xấu đi hồi tháng 2.", [RU, FR], PUB), "CONSULT")
    assert ev.date is None and ev.date_source == "published"
