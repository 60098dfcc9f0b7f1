"""Event mentions: every trigger family with its modes, and the checks that keep non-events out.

Entities are given by each test (tests/event_helpers.py), so these test the event rules alone.
"""
import pytest

from event_helpers import (AU, BANGKOK, CA, CN, DE, EU, FR, IDLIB, IL, IN, IR, JP, KH, KR, LA, RU, SY, TH, TOKYO,
                           UA, UN, US, VN, events_of, ids, only)

PUB = "2021-03-15"

# (sentence, entities, type, mode, actors, recipients)
FAMILIES = [
    ("Nhật Bản và Ấn Độ đã ký kết thỏa thuận hợp tác quốc phòng tại Tokyo.", [JP, IN, TOKYO],
     "AGREE", None, {"JP", "IN"}, set()),
    ("Hai bên nhất trí ngừng bắn tại biên giới giữa Thái Lan và Campuchia.", [TH, KH],
     "AGREE", "ceasefire", None, None),
    ("Tổng thống Hàn Quốc điện đàm với Thủ tướng Australia.", [KR, AU], "CONSULT", "phone", {"KR"}, {"AU"}),
    ("Thủ tướng Thái Lan sẽ thăm chính thức Việt Nam.", [TH, VN], "CONSULT", "visit", {"TH"}, {"VN"}),
    ("Chủ tịch nước tiếp Đại sứ Pháp tại Hà Nội.", [FR], "CONSULT", "host", set(), {"FR"}),
    ("Canada hoan nghênh quyết định của Liên minh châu Âu.", [CA, EU], "SUPPORT", None, {"CA"}, {"EU"}),
    ("Chính phủ Campuchia tuyên bố ân xá cho hơn 500 tù nhân.", [KH], "CONCEDE", None, {"KH"}, set()),
    ("Lào và Campuchia tăng cường hợp tác chống buôn lậu qua biên giới.", [LA, KH],
     "COOPERATE", None, {"LA", "KH"}, set()),
    ("Nhật Bản viện trợ nhân đạo cho Campuchia sau trận lũ.", [JP, KH], "AID", "humanitarian", {"JP"}, {"KH"}),
    ("Israel đã trả tự do cho 20 tù nhân người Syria.", [IL, SY], "RETREAT", "release", {"IL"}, {"SY"}),
    ("Nga rút quân khỏi Syria sau 5 năm.", [RU, SY], "RETREAT", "withdraw", {"RU"}, {"SY"}),
    ("Liên hợp quốc kêu gọi Nga và Ukraine ngừng bắn ngay lập tức.", [UN, RU, UA],
     "REQUEST", "ceasefire", {"UN"}, {"RU", "UA"}),
    ("Iran cáo buộc Israel đứng sau vụ phá hoại nhà máy điện.", [IR, IL], "ACCUSE", None, {"IR"}, {"IL"}),
    ("Iran bác bỏ đề nghị đàm phán của Mỹ.", [IR, US], "REJECT", None, {"IR"}, {"US"}),
    ("Iran đe dọa tấn công các căn cứ của Mỹ.", [IR, US], "THREATEN", "violence", {"IR"}, {"US"}),
    ("Hàng nghìn người biểu tình tại thủ đô Bangkok.", [BANGKOK], "PROTEST", "demo", set(), set()),
    ("Liên minh châu Âu áp đặt lệnh trừng phạt đối với Iran.", [EU, IR], "SANCTION", None, {"EU"}, {"IR"}),
    ("Nga trục xuất ba nhà ngoại giao của Đức.", [RU, DE], "SANCTION", "expel", {"RU"}, {"DE"}),
    ("Trung Quốc điều động tàu chiến tới gần quần đảo.", [CN], "MOBILIZE", "troops", {"CN"}, set()),
    ("Nga trục xuất hai nhà báo của Đức.", [RU, DE], "COERCE", "deport", {"RU"}, {"DE"}),
    ("Cảnh sát Thái Lan bắt giữ một nghi phạm người Campuchia.", [TH, KH], "COERCE", "arrest", {"TH"}, {"KH"}),
    ("Quân đội Syria không kích một căn cứ ở tỉnh Idlib.", [SY, IDLIB], "ASSAULT", "heavy-weapons", {"SY"}, set()),
    ("Một nhóm vũ trang bắt cóc 7 công nhân Trung Quốc.", [CN], "ASSAULT", "abduct", set(), {"CN"}),
    ("Bộ Ngoại giao Nhật Bản cho biết Tokyo đang theo dõi sát tình hình.",
     [("Bộ Ngoại giao Nhật Bản", "ORG", "JP-MFA"), TOKYO], "STATEMENT", None, {"JP-MFA"}, set()),
]


@pytest.mark.parametrize("text,specs,type_,mode,actors,recipients", FAMILIES, ids=[f[2] for f in FAMILIES])
def test_every_family_with_its_mode_and_participants(text, specs, type_, mode, actors, recipients):
    ev = only(events_of(text, specs, PUB), type_)
    assert ev.mode == mode
    if actors is not None:
        assert ids(ev.actors) == actors
        assert ids(ev.recipients) == recipients
    assert text[ev.trigger.start:ev.trigger.end] == ev.trigger.text
    assert ev.rule.startswith("triggers.tsv:")


def test_each_type_of_the_ontology_is_covered_above():
    from tintuc.events import TYPES
    assert {f[2] for f in FAMILIES} == set(TYPES)


def test_a_statement_gives_way_to_the_event_it_reports():
    evs = events_of("Bộ Ngoại giao Nhật Bản cho biết Tokyo sẽ viện trợ cho Lào.",
                    [("Bộ Ngoại giao Nhật Bản", "ORG", "JP-MFA"), TOKYO, LA], PUB)
    assert [e.type for e in evs] == ["AID"]
    assert ids(evs[0].recipients) == {"LA"} and evs[0].future


def test_a_meeting_after_tai_is_the_setting_of_a_statement_not_its_content():
    evs = events_of("Ngoại trưởng Pháp đã đưa ra tuyên bố tại phiên họp của Liên hợp quốc.", [FR, UN], PUB)
    assert {e.type for e in evs} == {"STATEMENT", "CONSULT"}
    assert ids(only(evs, "STATEMENT").actors) == {"FR"}


def test_a_request_takes_the_event_it_asks_for_as_its_object():
    evs = events_of("Nga đề nghị triển khai binh sĩ gìn giữ hòa bình tới khu vực.", [RU], PUB)
    assert [(e.type, e.rule.count("+")) for e in evs] == [("REQUEST", 1)]


def test_two_words_for_one_call_make_one_event():
    evs = events_of("Tổng thống Pháp và Thủ tướng Đức đã có cuộc điện đàm thảo luận về tình hình Ukraine.",
                    [FR, DE, UA], PUB)
    assert [(e.type, e.mode) for e in evs] == [("CONSULT", "phone")]
    assert ids(evs[0].actors) == {"FR", "DE"}


def test_a_ceasefire_agreement_and_its_violation():
    agreed = only(events_of("Israel và Syria đã đạt được thỏa thuận về việc ngừng bắn.", [IL, SY], PUB), "AGREE")
    assert agreed.mode == "ceasefire" and ids(agreed.actors) == {"IL", "SY"}
    broken = only(events_of("Israel vi phạm lệnh ngừng bắn ở Syria.", [IL, SY], PUB), "ASSAULT")
    assert ids(broken.actors) == {"IL"} and broken.location.id == "SY"
    # an accused violation is only alleged: the accusation is the event
    alleged = events_of("Syria cáo buộc Israel vi phạm lệnh ngừng bắn.", [IL, SY], PUB)
    assert [e.type for e in alleged] == ["ACCUSE"] and "vi phạm lệnh ngừng bắn" in alleged[0].rule


# -- words that are no events -------------------------------------------------------------

@pytest.mark.parametrize("text,specs", [
    ("Nếu Iran tấn công, Mỹ sẽ đáp trả.", [IR, US]),                               # hypothetical
    ("Tiền đạo của Pháp tấn công liên tục và ghi bàn ở phút 80.", [FR]),          # sport
    ("Nhiều doanh nghiệp Nhật Bản gặp khó khăn tại Ấn Độ.", [JP, IN]),             # "gặp khó khăn"
    ("Các công ty Nhật Bản thăm dò thị trường Ấn Độ.", [JP, IN]),                  # "thăm dò" is one word
    ("Người dân Việt Nam đăng ký tiêm vaccine tại Hà Nội.", [VN]),                 # "ký" inside "đăng ký"
    ("Nhiều gia đình Syria rời khỏi khu vực xung đột.", [SY]),                      # a place, not a fight
    ("Liên hợp quốc tìm cách giải quyết dứt điểm cuộc xung đột giữa Israel và Syria.", [UN, IL, SY]),
    ("Những chú sư tử tấn công một con trâu rừng.", []),                           # nothing to anchor it
    ("Nhiều doanh nghiệp Nhật Bản gặp không ít trở ngại tại Ấn Độ.", [JP, IN]),     # degree words, then a blocker
    ("Trận gặp Thái Lan diễn ra ở sân Mỹ Đình.", [TH]),                             # a match
    ("Công ty Nhật Bản tấn công thị trường xe điện ở Ấn Độ.", [JP, IN]),           # a push into a market
    ("Cuộc chiến thương mại giữa Mỹ và Trung Quốc kéo dài.", [US, CN]),            # a trade war
    ("Một con cá sấu tấn công ngư dân Australia.", [AU]),                         # an animal
    ("Vụ bê bối đã phá hủy hình ảnh của ngôi sao Hàn Quốc.", [KR]),                # a ruined image
    ("Các bể bơi, trung tâm hội nghị ở Bangkok và Thái Lan đóng cửa.", [BANGKOK, TH]),  # a building
    ("Học sinh Việt Nam dự hội nghị mô phỏng Liên hợp quốc.", [VN, UN]),           # students' role play
])
def test_no_event(text, specs):
    assert events_of(text, specs, PUB) == []


def test_a_trigger_inside_a_name_is_no_event():
    evs = events_of("Tổ chức Hợp tác Thượng Hải họp tại Bắc Kinh.",
                    [("Tổ chức Hợp tác Thượng Hải", "ORG", "SCO"), ("Bắc Kinh", "LOC", "CNBJS")], PUB)
    assert [e.type for e in evs] == ["CONSULT"]
    assert evs[0].location.id == "CNBJS"


# -- negated, future, historical -----------------------------------------------------------

def test_negation_and_words_that_only_look_like_it():
    assert only(events_of("Nga chưa rút quân khỏi Syria.", [RU, SY], PUB), "RETREAT").negated
    assert only(events_of("Ấn Độ không thể hợp tác với Trung Quốc.", [IN, CN], PUB), "COOPERATE").negated
    drone = only(events_of("Máy bay không người lái của Mỹ tấn công một đoàn xe ở Syria.", [US, SY], PUB), "ASSAULT")
    assert not drone.negated and drone.location.id == "SY"
    air = only(events_of("Không quân Israel tấn công các mục tiêu ở Syria.", [IL, SY], PUB), "ASSAULT")
    assert not air.negated


def test_future_from_words_and_from_dates():
    assert only(events_of("Ngoại trưởng Đức sẽ gặp người đồng cấp Pháp.", [DE, FR], PUB), "CONSULT").future
    assert only(events_of("Thái Lan dự kiến ký hiệp định với Lào.", [TH, LA], PUB), "AGREE").future
    ev = only(events_of("Ngoại trưởng Đức gặp người đồng cấp Pháp vào ngày 20/3 tới.", [DE, FR], PUB), "CONSULT")
    assert ev.future and ev.date.value == "2021-03-20"
    past = only(events_of("Ngoại trưởng Đức gặp người đồng cấp Pháp hôm 12/3.", [DE, FR], PUB), "CONSULT")
    assert not past.future and not past.historical


def test_historical_from_old_dates_and_from_words():
    ev = only(events_of("Năm 1991, Iraq tấn công Kuwait.", [("Iraq", "LOC", "IQ"), ("Kuwait", "LOC", "KW")], PUB),
              "ASSAULT")
    assert ev.historical and ev.date.value == "1991"
    assert only(events_of("Hai nước từng ký hiệp định hòa bình với Israel.", [IL], PUB), "AGREE").historical
    last_year = only(events_of("Tháng 5/2020, Nga và Pháp ký thỏa thuận.", [RU, FR], PUB), "AGREE")
    assert not last_year.historical


def test_scare_quotes_purposes_and_possibilities_are_no_events():
    assert events_of('Ca sĩ Hàn Quốc bị "cấm vận" nhiều năm.', [KR], PUB) == []
    assert events_of("Mỹ chưa tìm ra cách để hợp tác với Trung Quốc.", [US, CN], PUB) == []
    assert events_of("Nga có thể tấn công Ukraine.", [RU, UA], PUB) == []


def test_aviation_is_no_negation():
    ev = only(events_of("Cảng hàng không Nội Bài phối hợp với Bộ Y tế Việt Nam.",
                        [("Nội Bài", "LOC", "VN-NB"), ("Bộ Y tế Việt Nam", "ORG", "VN-MOH")], PUB), "COOPERATE")
    assert not ev.negated


def test_obligations_and_requests_for_help_are_no_events():
    assert events_of("Nhật Bản phải tiếp tục ủng hộ Lào.", [JP, LA], PUB) == []
    evs = events_of("Campuchia đề nghị Nhật Bản hỗ trợ vaccine cho người dân.", [KH, JP], PUB)
    assert [e.type for e in evs] == ["REQUEST"] and ids(evs[0].recipients) == {"JP"}


def test_a_team_giving_in_is_no_surrender():
    assert events_of("Các CLB của Pháp đã đầu hàng sau trận đấu.", [FR], PUB) == []


def test_weak_triggers_need_their_participant_close_by():
    assert events_of("Phóng viên đến thăm một nhà máy của tập đoàn ở tỉnh phía bắc Lào.", [LA], PUB) == []
    ev = only(events_of("Phái đoàn đến thăm Lào trong ba ngày.", [LA], PUB), "CONSULT")
    assert ids(ev.recipients) == {"LA"}


def test_a_statement_needs_a_speaker_and_attack_ships_are_no_attacks():
    assert events_of("Giải thưởng tại Pháp đã khẳng định thành công của bộ phim.", [FR], PUB) == []
    evs = events_of("Hải quân Nga điều tàu đổ bộ tấn công tới Syria.", [RU, SY], PUB)
    assert "ASSAULT" not in {e.type for e in evs}
    assert events_of("Nhật Bản khó đồng ý với Hàn Quốc.", [JP, KR], PUB) == []


def test_an_agreement_that_merely_exists_is_no_event():
    assert events_of("Anh trì hoãn một số điều khoản trong thỏa thuận với Liên minh châu Âu.",
                     [("Anh", "LOC", "GB"), EU], PUB) == []
    ev = only(events_of("Thỏa thuận giữa Lào và Campuchia đã được ký hôm 2/3.", [LA, KH], PUB), "AGREE")
    assert ids(ev.actors) == {"LA", "KH"} and ev.date.value == "2021-03-02"


def test_endangering_is_no_threat_and_a_request_takes_a_distant_object():
    assert events_of("Các tàu của Trung Quốc đang đe dọa hòa bình trong khu vực.", [CN], PUB) == []
    evs = events_of("Đức kêu gọi các cơ quan chức năng của Nga hợp tác điều tra.", [DE, RU], PUB)
    assert [e.type for e in evs] == ["REQUEST"] and ids(evs[0].recipients) == {"RU"}


def test_no_one_is_on_both_sides_of_an_event():
    # the subject borrowed from before holds the one the event is done to: a recipient only
    ev = only(events_of("Trung Quốc coi Đài Loan là lãnh thổ và không loại trừ khả năng thống nhất Đài Loan.",
                        [CN, ("Đài Loan", "LOC", "TW")], PUB), "AGREE")
    assert ids(ev.actors) == {"CN"} and ids(ev.recipients) == {"TW"}
    # named on both sides alone: kept as the actor
    ev = only(events_of("Mỹ đe dọa trừng phạt các công ty Mỹ.", [US], PUB), "THREATEN")
    assert ids(ev.actors) == {"US"} and ids(ev.recipients) == set()


def test_a_clause_after_a_comma_goes_on_with_the_sentences_subject():
    uae = ("Các Tiểu vương quốc Ả Rập Thống nhất", "LOC", "AE")
    ev = only(events_of("Các Tiểu vương quốc Ả Rập Thống nhất đã cập nhật quy định cấm đi lại với Ấn Độ, yêu cầu "
                        "các hãng hàng không dừng bay.", [uae, IN], PUB), "REQUEST")
    assert ids(ev.actors) == {"AE"}
    # an apposition between the subject and its verb
    nam = ("Trần Văn Nam", "PER", "per:tran-van-nam")
    ev = only(events_of("Ông Trần Văn Nam, Phó Chủ tịch UBND tỉnh Hà Nam, yêu cầu các sở phối hợp với Lào.",
                        [nam, ("Hà Nam", "LOC", "VN-63"), LA], PUB), "REQUEST")
    assert ids(ev.actors) == {"per:tran-van-nam"}
    # after an opening phrase and after a speech verb: the subject is looked for past them
    ev = only(events_of("Trong cuộc gặp với Mỹ, Trung Quốc bày tỏ quan ngại, kêu gọi Nhật Bản kiềm chế.",
                        [US, CN, JP], PUB), "REQUEST")
    assert ids(ev.actors) == {"CN"} and ids(ev.recipients) == {"JP"}
    ev = only(events_of("Nga cho biết, Ukraine đã nhận vũ khí từ Đức, kêu gọi Pháp viện trợ thêm.",
                        [RU, UA, DE, FR], PUB), "REQUEST")
    assert ids(ev.actors) == {"UA"}


def test_a_clause_after_khi_takes_the_entities_nearest_before_it():
    am, az = ("Armenia", "LOC", "AM"), ("Azerbaijan", "LOC", "AZ")
    ev = only(events_of("Thủ tướng Nhật Bản gửi lời chúc mừng tới các nhà lãnh đạo Armenia và Azerbaijan khi đạt "
                        "thỏa thuận ngừng bắn.", [JP, am, az], PUB), "AGREE")
    assert ids(ev.actors) == {"AM", "AZ"}
