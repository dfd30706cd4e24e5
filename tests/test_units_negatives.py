"""What is not an assignment, whatever its shape: participants and recipients, report routes, directed and
mobilised units, descriptions and definitions, and every statement under MỤC ĐÍCH, YÊU CẦU or a forecast.
"""

from __future__ import annotations

import pytest

from tests.factories import regulation_roles, task_roles

# fmt: off
NEGATIVE_CASES = [
    pytest.param("- Thành phần: Ban Thường trực Ủy ban MTTQ xã; Thường trực HĐND, UBND xã; Ban Công tác mặt trận thôn (Chủ trì).",
                 None, [], id="neg-participants"),
    pytest.param("- Báo cáo tổng hợp hàng ngày gửi UBND tỉnh, Ban Chỉ huy Phòng chống thiên tai.", None, [],
                 id="neg-report-recipient"),
    pytest.param("- Khi xuất hiện ca bệnh bất thường, báo cáo ngay về Trung tâm Kiểm soát bệnh tật tỉnh và Sở Y tế.", None, [],
                 id="neg-bao-cao-ve"),
    pytest.param("- Lãnh đạo, chỉ đạo Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức triển khai phong trào.", None, [],
                 id="neg-directed-unit"),
    pytest.param("vận động các tổ chức, đoàn thể như Mặt trận Tổ quốc, Hội Phụ nữ giúp đỡ các hộ gia đình.", None, [],
                 id="neg-mobilised-units"),
    pytest.param("- Hướng dẫn các cơ quan, đơn vị triển khai, tổ chức thực hiện công tác dân vận.", None, [],
                 id="neg-object-of-huong-dan"),
    pytest.param("Nâng cao vai trò, trách nhiệm của người đứng đầu cơ quan, đơn vị trong thực hiện công tác dân vận.", None, [],
                 id="neg-vai-tro-nguoi-dung-dau"),
    pytest.param("- Tổ kiểm phiếu sẽ thực hiện kiểm đếm và công bố kết quả biểu quyết.", None, [],
                 id="neg-future-description"),
    pytest.param("Rà soát lượng hóa chất tại Trung tâm Kiểm soát bệnh tật tỉnh và các Trung tâm Y tế.", None, [],
                 id="neg-location-not-actor"),
    pytest.param("Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.", None, [],
                 id="neg-thong-bao-formula"),
    pytest.param("(1) Về việc phê duyệt Chương trình: Các Bộ, cơ quan thống nhất chỉ có một cơ quan chủ trì.", None, [],
                 id="neg-agreement-not-subject-of-chu-tri"),
    pytest.param("- Ủy ban nhân dân cấp xã bao gồm: Lãnh đạo Ủy ban nhân dân, công chức tham mưu.", None, [],
                 id="neg-bao-gom-membership"),
]

# Sections of aims and forecasts state no tasks.
SECTION_CASES = [
    pytest.param("Thủ trưởng, người đứng đầu các phòng, đơn vị sự nghiệp phải xác định công tác dân vận là nhiệm vụ trọng tâm.",
                 "Thủ trưởng, người đứng đầu các phòng", [], "MỤC ĐÍCH, YÊU CẦU", id="neg-aims-section"),
    pytest.param("Ủy ban nhân dân tỉnh xác định khung cân đối ngân sách 03 năm như các Mẫu biểu kèm theo.", None, [],
                 "DỰ BÁO TÌNH HÌNH KINH TẾ - XÃ HỘI", id="neg-forecast-section"),
]

# The rules of an award scheme or of an attached regulation: a bare subject or a unit heading states a rule; an explicit
# trigger still assigns, and the regulation's task chapter assigns by its subjects (tests/gold NOTES-87-89 calls 6-7).
RULE_CASES = [
    # tests/gold 87 (1a434d0a7e14dc93) Chương I.Điều 3: a principle the issuer lays down.
    pytest.param("Ủy ban nhân dân thành phố quy định các tiêu chí để đánh giá, xếp loại kết quả thực hiện công tác dân vận.",
                 None, "Nguyên tắc đánh giá, xếp loại", "NHỮNG QUY ĐỊNH CHUNG", [], id="rule-principle"),
    # tests/gold 87 Chương III.Điều 7.3: a quota headed by the unit it is for.
    pytest.param("Xét tối đa 15 tập thể và 30 cá nhân.", "Ủy ban nhân dân xã, phường:",
                 "Xét tặng Bằng khen Chủ tịch Ủy ban nhân dân thành phố", "KHEN THƯỞNG", [], id="rule-quota-heading"),
    # A procedure's duty on a named body leads (tests/gold NOTES-64-67 call 5, NOTES-149-150 call 3: 149 Chương
    # II.Điều 7.2); on a generic party, a category or a title with no body of its own it is the procedure's rule.
    pytest.param("Sở Xây dựng cấp giấy phép trong thời hạn 15 ngày kể từ ngày nhận đủ hồ sơ.", None,
                 "Thời hạn cấp giấy phép", "QUY ĐỊNH CỤ THỂ", [("Sở Xây dựng", "lead")], id="procedure-named-body-duty"),
    pytest.param("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh đề xuất và báo cáo Chủ tịch Ủy ban nhân dân tỉnh giao bổ "
                 "sung nhiệm vụ.", None, "Tổ chức tư vấn, phản biện và giám định xã hội", "QUY ĐỊNH CỤ THỂ",
                 [("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "lead")], id="procedure-named-body-proposes"),
    pytest.param("Các cơ quan, đơn vị, tổ chức chủ động đặt hàng Liên hiệp các hội Khoa học và Kỹ thuật tỉnh thực hiện tư "
                 "vấn.", None, "Đặt hàng tư vấn, phản biện", "QUY ĐỊNH CỤ THỂ", [], id="neg-procedure-generic-party"),
    pytest.param("Thủ trưởng đơn vị quyết định việc cử công chức tham gia.", None, "Cử công chức tham gia",
                 "QUY ĐỊNH CỤ THỂ", [], id="neg-procedure-title-without-body"),
    pytest.param("Các đối tượng nộp hồ sơ trong thời hạn 10 ngày.", None, "Hồ sơ đề nghị", "QUY ĐỊNH CỤ THỂ", [],
                 id="neg-procedure-category"),

    # tests/gold 87 Chương IV.Điều 9.1: the competence rule names the deciding body.
    pytest.param("Ủy ban nhân dân thành phố ban hành Quyết định đánh giá, xếp loại công tác dân vận.",
                 "Thẩm quyền đánh giá, xếp loại", "Thẩm quyền, trình tự, thời gian đánh giá, xếp loại",
                 "TỔ CHỨC THỰC HIỆN", [], id="rule-competence"),
    # An explicit trigger in a chapter of rules assigns.
    pytest.param("Sở Nội vụ chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tổ chức chấm điểm.", None,
                 "Nguyên tắc đánh giá, xếp loại", "NHỮNG QUY ĐỊNH CHUNG",
                 [("Sở Nội vụ", "lead"), ("các cơ quan, đơn vị có liên quan", "support")], id="rule-explicit-trigger"),
    # ef57df9384270c6e Chương II.Điều 12.2.d: the words that say which members come before the explicit marker.
    pytest.param("Các cơ quan, đơn vị được giao quản lý các sông, hồ, kênh, mương có liên quan đến việc thoát nước đô thị "
                 "có trách nhiệm phối hợp với Sở Xây dựng.", None, "Quản lý cao độ hệ thống thoát nước",
                 "QUẢN LÝ, VẬN HÀNH HỆ THỐNG THOÁT NƯỚC",
                 [("Các cơ quan, đơn vị được giao quản lý các sông, hồ, kênh, mương có liên quan đến việc thoát nước đô thị",
                   "lead"), ("Sở Xây dựng", "support")], id="rule-chapter-qualified-subject-explicit"),
    # 879553949728a7dc Chương II.Điều 4.1: a delegation chapter hands powers; "Thẩm quyền quyết định" is not a rule there.
    pytest.param("Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh quyết định khai thác tài sản công theo quy định.", None,
                 "Phân cấp thẩm quyền quyết định khai thác tài sản công", "PHÂN CẤP THẨM QUYỀN QUYẾT ĐỊNH TRONG QUẢN LÝ TÀI SẢN CÔNG",
                 [("Sở, ban, ngành, đơn vị thuộc Ủy ban nhân dân tỉnh", "lead")], id="delegation-chapter-not-rules"),
    # tests/gold 87 Chương IV.Điều 9.2.a: the task chapter's timetable gives its subjects leads.
    pytest.param("Hằng năm, các cơ quan, đơn vị cấp thành phố và Ủy ban nhân dân xã, phường xây dựng báo cáo, tự chấm điểm.",
                 None, "Trình tự, thời gian đánh giá, xếp loại", "TỔ CHỨC THỰC HIỆN",
                 [("các cơ quan, đơn vị cấp thành phố", "lead"), ("Ủy ban nhân dân xã, phường", "lead")],
                 id="task-chapter-timetable"),
]
# An emulation plan's award sections (tests/gold 93, 2957e4f4f0e41373, IV).
AWARD_SECTION_CASES = [
    pytest.param("Các Sở, ban, ngành, Mặt trận Tổ quốc Việt Nam tỉnh, Ủy ban nhân dân xã, phường quy định số lượng khen "
                 "thưởng theo thẩm quyền.", None, [], "SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG", id="award-quota-by-competence"),
    pytest.param("- Đoàn Kiểm tra giám sát bầu cử của tỉnh: Mỗi đoàn xét chọn 01 cá nhân;", None, [],
                 "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", id="award-form-quota-line"),
    pytest.param("Sở Nội vụ phối hợp với các cơ quan, đơn vị có liên quan báo cáo Ủy ban bầu cử tỉnh xem xét.", None,
                 [("Sở Nội vụ", "lead"), ("các cơ quan, đơn vị có liên quan", "support")], "SỐ LƯỢNG ĐỀ NGHỊ KHEN THƯỞNG",
                 id="award-section-explicit-support"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,article,chapter,expected", RULE_CASES)
def test_rules_of_a_regulation(text, heading, article, chapter, expected):
    assert regulation_roles(text, heading, article, chapter) == expected


# What an article's own title gives, in a regulation's chapter (the item under it restates nothing).
ARTICLE_TITLE_CASES = [
    # tests/gold 163 Chương IV.Điều 8 (NOTES-163 call 2): an article titled by one named body sets out its duties.
    pytest.param("Hội đồng Thi đua - Khen thưởng tỉnh", "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG CÁC CẤP",
                 [("Hội đồng Thi đua - Khen thưởng tỉnh", "lead")], id="article-titled-by-a-named-body"),
    # tests/gold 161 Chương II.Điều 9: the members of a committee, titled with a determiner.
    pytest.param("Trách nhiệm của các Ủy viên Ban Chỉ đạo", "TRÁCH NHIỆM CỦA BAN CHỈ ĐẠO",
                 [("các Ủy viên Ban Chỉ đạo", "lead")], id="article-titled-by-committee-members"),
    # A contest's rules keep their unit titles as rules (tests/gold NOTES-87-89 call 6).
    pytest.param("Ủy ban nhân dân xã, phường", "TIÊU CHÍ ĐÁNH GIÁ, XẾP LOẠI", [], id="neg-contest-unit-title"),
]


@pytest.mark.parametrize("article,chapter,expected", ARTICLE_TITLE_CASES)
def test_article_titles_in_a_regulation(article, chapter, expected):
    text = "Tham mưu, tổ chức các hoạt động theo quy định."
    assert regulation_roles(text, None, article, chapter, at="Chương II.Điều 5") == expected


@pytest.mark.parametrize("text,heading,expected,section", AWARD_SECTION_CASES)
def test_award_sections(text, heading, expected, section):
    assert task_roles(text, heading, section) == expected


@pytest.mark.parametrize("text,heading,expected", NEGATIVE_CASES)
def test_not_assignments(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected,section", SECTION_CASES)
def test_sections_without_tasks(text, heading, expected, section):
    assert task_roles(text, heading, section) == expected


def test_the_rows_of_a_data_table_are_not_read():
    from kehoach.extractors.units import extract_assignments
    from kehoach.schemas.models import Node

    row = Node(id="Phụ lục.1", marker="1", kind="item", text="Sở Tài chính chủ trì thẩm định dự toán.")
    assert [a.unit for a in extract_assignments([row])] == ["Sở Tài chính"]
    assert extract_assignments([row], listing=frozenset({"Phụ lục.1"})) == []


def test_a_data_table_row_gives_only_its_labelled_performer():
    from kehoach.extractors.units import extract_assignments
    from kehoach.schemas.models import Node

    # tests/gold 175 Phụ lục.1: a published procedure's row names who carries it out in a labelled field.
    text = ("1.014199 Cấp giấy phép lao động\n- Nơi tiếp nhận: Trung tâm Phục vụ hành chính công cấp tỉnh;\n"
            "- Cơ quan thực hiện: Ban Quản lý các Khu công nghiệp *(đối với người lao động làm việc trong khu công "
            "nghiệp)*;\n- Sở Nội vụ phối hợp thẩm định.")
    row = Node(id="Phụ lục.1", marker="1", kind="item", text=text)
    assert [(a.unit, a.role) for a in extract_assignments([row], listing=frozenset({"Phụ lục.1"}))] == [
        ("Ban Quản lý các Khu công nghiệp", "lead")]
