"""Unit headings: a title line that names the units leading its node ("Sở Y tế", "Đề nghị Ban …", "Các Bộ:
Công Thương, Xây dựng", a run-in "X: …", a title line that is a sentence, "Nhiệm vụ của Tổ …"), and headings that name
no unit.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.units import extract_assignments
from kehoach.schemas.models import Node
from tests.factories import TASK_SECTION, article_roles, task_roles

# fmt: off
HEADING_CASES = [
    pytest.param("Chủ động phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu, đề xuất UBND phường chỉ đạo.",
                 "Phòng Văn hóa - Xã hội",
                 [("Phòng Văn hóa - Xã hội", "lead"), ("Ban Xây dựng đảng Đảng ủy", "support")],
                 id="heading-phong-with-support"),
    pytest.param("- Chủ trì, tham mưu UBND phường xây dựng kế hoạch.", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                 [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "lead")], id="heading-van-phong-hdnd-ubnd-one-body"),
    pytest.param("- Bố trí kinh phí.", "Phòng Kinh tế, Hạ tầng và Đô thị",
                 [("Phòng Kinh tế, Hạ tầng và Đô thị", "lead")], id="heading-comma-inside-name"),
    pytest.param("- Chủ trì triển khai kế hoạch.", "Sở Y tế", [("Sở Y tế", "lead")], id="heading-so-y-te"),
    pytest.param("Triển khai kế hoạch trên địa bàn.", "UBND các xã, phường",
                 [("UBND các xã, phường", "lead")], id="heading-ubnd-plural-abbrev"),
    pytest.param("Căn cứ chức năng, nhiệm vụ triển khai thực hiện kế hoạch này.", "Các phòng, đơn vị sự nghiệp thuộc phường",
                 [("Các phòng, đơn vị sự nghiệp thuộc phường", "lead")], id="heading-plural-group"),
    pytest.param("Huy động hội viên tham gia vệ sinh môi trường.", "Các đoàn thể, tổ chức xã hội",
                 [("Các đoàn thể, tổ chức xã hội", "lead")], id="heading-doan-the"),
    pytest.param("- Phối hợp cùng Đảng ủy UBND phường và các cơ quan, đơn vị liên quan hướng dẫn, kiểm tra.",
                 "Đề nghị Ban Xây dựng đảng Đảng ủy",
                 [("Ban Xây dựng đảng Đảng ủy", "lead"), ("Đảng ủy UBND phường", "support"),
                  ("các cơ quan, đơn vị liên quan", "support")], id="heading-de-nghi-and-cung"),
    pytest.param("- Tổng hợp và phê duyệt danh sách.", "Ủy ban nhân dân quận, huyện",
                 [("Ủy ban nhân dân quận, huyện", "lead")], id="heading-admin-levels"),
    pytest.param("", "Đối với Ủy ban nhân dân các cấp", [("Ủy ban nhân dân các cấp", "lead")], id="heading-doi-voi"),
    # tests/gold 90 (001c610b2efdcf0c) IV.3: "Công An" capitalised as in a title case heading; the subject restating
    # it is the heading's unit, the other heading unit named after "phối hợp" supports as well
    pytest.param("Công an Thành phố chủ trì phối hợp với Bộ Tư lệnh Thành phố và các đơn vị có liên quan định kỳ kiểm tra.",
                 "Công An Thành phố, Bộ Tư lệnh Thành phố",
                 [("Công An Thành phố", "lead"), ("Bộ Tư lệnh Thành phố", "lead"), ("Bộ Tư lệnh Thành phố", "support"),
                  ("các đơn vị có liên quan", "support")], id="heading-cong-an-capital-a-and-bo-tu-lenh"),
    pytest.param("- Chủ trì kiểm tra an ninh mạng.", "Công An tỉnh", [("Công An tỉnh", "lead")], id="heading-cong-an-tinh"),
    pytest.param("", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh",
                 [("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "lead")], id="heading-dang-uy-mttq-doan-the-fixed"),
    pytest.param("a) Khẩn trương ban hành kế hoạch;", "Các Bộ: Công Thương, Xây dựng, Tài nguyên và Môi trường",
                 [("Bộ Công Thương", "lead"), ("Bộ Xây dựng", "lead"), ("Bộ Tài nguyên và Môi trường", "lead")],
                 id="heading-shared-head-list"),
    # tests/gold 160 Chương III.Điều 15.2: the list shared after "Trách nhiệm của".
    pytest.param("a) Chủ trì hướng dẫn thực hiện;", "Trách nhiệm của các Sở: Xây dựng, Tài chính, Nội vụ.",
                 [("Sở Xây dựng", "lead"), ("Sở Tài chính", "lead"), ("Sở Nội vụ", "lead")],
                 id="heading-duties-of-a-shared-head-list"),
    # tests/gold 160 Chương III.Điều 15.1: a group already qualified is followed by a body of its own, not by more nouns.
    pytest.param("a) Hướng dẫn thực hiện;", "Trách nhiệm của các Sở quản lý công trình xây dựng chuyên ngành Thành phố, Ban "
                 "quản lý các khu công nghệ cao và khu công nghiệp Thành phố",
                 [("các Sở quản lý công trình xây dựng chuyên ngành Thành phố", "lead"),
                  ("Ban quản lý các khu công nghệ cao và khu công nghiệp Thành phố", "lead")],
                 id="heading-qualified-group-then-a-body"),
    pytest.param("a) Triển khai thực hiện;", "Các Sở, Ban, ngành tỉnh", [("Các Sở, Ban, ngành tỉnh", "lead")],
                 id="heading-group-of-bare-nouns-in-capitals"),
    pytest.param("- Xây dựng kế hoạch cụ thể hóa các nhiệm vụ tại địa phương.", "Ủy ban nhân dân các xã: Phú Tân, Tân Điền, Gò Công Đông",
                 [("Ủy ban nhân dân xã Phú Tân", "lead"), ("Ủy ban nhân dân xã Tân Điền", "lead"), ("Ủy ban nhân dân xã Gò Công Đông", "lead")],
                 id="heading-shared-level-list"),
    # 31 (6bac4a0d92da936d)
    pytest.param("", "Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, Ban Quản lý các Khu công "
                 "nghiệp tỉnh)",
                 [("Sở Tài chính", "lead"), ("Ban quản lý Khu Kinh tế Phú Yên", "lead"),
                  ("Ban Quản lý các Khu công nghiệp tỉnh", "lead")], id="group-heading-with-members"),
    pytest.param("Xây dựng kế hoạch hành động, tham gia phát triển công nghệ số.", "Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã",
                 [("Liên đoàn Lao động", "lead"), ("Hội Nông dân", "lead"), ("Liên minh Hợp tác xã", "lead")], id="heading-lien-minh-split"),
    pytest.param("Chủ trì, phối hợp với Sở Khoa học và Công nghệ tuyên truyền thường xuyên về Kế hoạch.",
                 "Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn",
                 [("Báo và Phát thanh, Truyền hình tỉnh", "lead"), ("các cơ quan báo chí đóng trên địa bàn", "lead"),
                  ("Sở Khoa học và Công nghệ", "support")], id="heading-bao-va-phat-thanh"),  # "và các" opens a second body
    pytest.param("a) Mở thêm chuyên ngành đào tạo; b) Phối hợp với các viện nghiên cứu phát triển công nghệ mới.",
                 "Các cơ sở đào tạo đại học, sau đại học",
                 [("Các cơ sở đào tạo đại học, sau đại học", "lead"), ("các viện nghiên cứu", "support")], id="heading-co-so-dao-tao"),
    pytest.param("- Chuẩn bị các điều kiện về cơ sở vật chất.", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội",
                 [("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "lead")], id="heading-person-in-charge"),
    pytest.param("- Tham mưu xây dựng Kế hoạch.", "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng",
                 [("Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng", "lead")], id="heading-fields-are-not-bodies"),
    pytest.param("", "Hội đồng Thi đua - Khen thưởng tỉnh", [("Hội đồng Thi đua - Khen thưởng tỉnh", "lead")],
                 id="heading-thi-dua-khen-thuong-one-name"),
    pytest.param("", "Ngân hàng Nhà nước chi nhánh khu vực 14", [("Ngân hàng Nhà nước chi nhánh khu vực 14", "lead")],
                 id="heading-chi-nhanh-khu-vuc"),
    pytest.param("Trung tâm sự nghiệp công: Chủ động phối hợp với các phòng chuyên môn, các đơn vị có liên quan tuyên truyền.",
                 "Trung tâm sự nghiệp công: Chủ động phối hợp với các phòng",
                 [("Trung tâm sự nghiệp công", "lead"), ("các phòng chuyên môn", "support"),
                  ("các đơn vị có liên quan", "support")], id="run-in-heading-colon"),
    pytest.param("", "Sở Xây dựng - Đánh giá sự phù hợp của dự án đầu tư với quy hoạch xây dựng",
                 [("Sở Xây dựng", "lead")], id="heading-unit-dash-task"),
    pytest.param("", "Chủ tịch Ủy ban nhân dân thành phố quyết định phê duyệt phương án xử lý tài sản đối với",
                 [("Chủ tịch Ủy ban nhân dân thành phố", "lead")], id="heading-sentence-names-its-subject"),
    pytest.param("", "Vụ trưởng Vụ Tổ chức cán bộ quản lý hồ sơ giấy và hồ sơ điện tử của", [("Vụ trưởng Vụ Tổ chức cán bộ", "lead")],
                 id="heading-cut-name-ends-at-ambiguous-verb"),
    # tests/gold 67 (1fa949f85858c62f) Điều 6.3, NOTES-64-67 call 5: the implementation article addresses the firms.
    pytest.param("Thực hiện nghiêm túc các nội dung tại Quyết định này.", "Các doanh nghiệp có cửa hàng bán lẻ xăng dầu",
                 [("Các doanh nghiệp có cửa hàng bán lẻ xăng dầu", "lead")], id="heading-group-with-a-having-clause"),
    pytest.param("", "Các đơn vị có bếp ăn tập thể", [("Các đơn vị có bếp ăn tập thể", "lead")],
                 id="heading-units-with-a-having-clause"),
    # 72f18ee047b71e9a: an obligation of a regulated party heads its list of duties.
    pytest.param("", "Doanh nghiệp viễn thông có nghĩa vụ", [], id="neg-heading-obligation-of-a-party"),
    pytest.param("", "Các doanh nghiệp có trách nhiệm báo cáo số liệu định kỳ", [("Các doanh nghiệp", "lead")],
                 id="neg-having-clause-that-is-the-duty"),
    # ac0f18a2d1b4fb56, ea34a356cafcb1aa: a title line that is a sentence names its subject, not itself whole.
    pytest.param("", "Các trường học tuyên truyền, khuyến khích giáo viên, học sinh, sinh viên thực hiện các nội dung sau",
                 [("Các trường học", "lead")], id="heading-sentence-verb-after-a-group"),
    pytest.param("", "UBND cấp xã chấp thuận thiết kế nút giao đấu nối đối với các tuyến đường được giao quản lý",
                 [("UBND cấp xã", "lead")], id="heading-sentence-chap-thuan"),
    # d3d459d0a856471f: the members' qualifications, not their task.
    pytest.param("", "Thành viên Hội đồng xét duyệt đáp ứng các yêu cầu sau", [], id="neg-heading-qualification"),
    pytest.param("Giám đốc Sở Y tế, Giám đốc Sở Tài chính.", "Thành viên", [], id="neg-heading-members-list"),
    pytest.param("", "Đối với các tổ chức khác", [], id="neg-vague-heading"),
    pytest.param("", "Công tác phối hợp liên ngành", [], id="neg-heading-not-a-unit"),
    pytest.param("", "Phòng chống bệnh đường ruột", [], id="neg-phong-chong-is-not-a-phong"),
    pytest.param("", "Ban hành văn bản hướng dẫn", [], id="neg-ban-hanh-is-not-a-ban"),
    pytest.param("", "Hội đồng Thi đua - Khen thưởng tỉnh là cơ quan tham mưu cho Ủy ban nhân dân tỉnh về công tác thi đua", [],
                 id="neg-heading-definition"),
    pytest.param("", "Doanh nghiệp số", [], id="neg-topic-heading-doanh-nghiep-so"),
    # tests/gold 87 (1a434d0a7e14dc93) Chương IV.Điều 10.3: "của" left out before the bodies.
    pytest.param("", "Trách nhiệm các cơ quan, đơn vị cấp thành phố và Ủy ban nhân dân xã, phường",
                 [("các cơ quan, đơn vị cấp thành phố", "lead"), ("Ủy ban nhân dân xã, phường", "lead")],
                 id="duties-heading-without-cua"),
    pytest.param("", "Trách nhiệm Sở Tài chính", [("Sở Tài chính", "lead")], id="duties-heading-without-cua-body"),
    pytest.param("", "Trách nhiệm thi hành", [], id="neg-duties-heading-of-no-body"),
    # tests/gold 90 (001c610b2efdcf0c) IV.5: a list whose last name the scanner does not finish.
    pytest.param("", "Các sở ngành liên quan, Viện Nghiên cứu phát triển Thành phố",
                 [("Các sở ngành liên quan", "lead"), ("Viện Nghiên cứu phát triển Thành phố", "lead")],
                 id="listed-last-name-to-line-end"),
    pytest.param("", "Sở Tài chính và Trung tâm Nghiên cứu phát triển nông thôn tỉnh",
                 [("Sở Tài chính", "lead"), ("Trung tâm Nghiên cứu phát triển nông thôn tỉnh", "lead")],
                 id="listed-last-name-after-va"),
    pytest.param("", "Tổ tiếp công dân, xử lý khiếu nại, tố cáo của tỉnh",
                 [("Tổ tiếp công dân, xử lý khiếu nại, tố cáo của tỉnh", "lead")], id="neg-one-long-name-not-a-list"),
]

# A title line that is a sentence: its supports count, and its bracket glosses a body, not members of a group.
TITLE_SENTENCE_CASES = [
    # 80bb1f677e7d4d75
    pytest.param("Xây dựng quy trình điện tử trong giải quyết thủ tục hành chính.",
                 "Sở Tài chính chủ trì, phối hợp với Văn phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh)",
                 [("Sở Tài chính", "lead"), ("Văn phòng UBND tỉnh", "support")], id="title-sentence-with-a-gloss"),
    pytest.param("", "Giao Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng và các bộ, cơ quan liên quan rà soát hồ sơ",
                 [("Bộ Tài chính", "lead"), ("Bộ Xây dựng", "support"), ("các bộ, cơ quan liên quan", "support")],
                 id="title-sentence-names-supports"),
    # 994dfbc3967e5ebf: a title ending in "phối hợp" does not reach into the text.
    pytest.param("Các cơ quan Thanh tra, Tòa án đề nghị cung cấp hồ sơ phải có nội dung cụ thể.",
                 "Trách nhiệm của các cơ quan phối hợp", [], id="neg-title-ending-on-phoi-hop"),
]

# tests/gold NOTES-53-55 call 11: a body's duties inside an amendment's quoted article give it a lead on the item.
DUTY_LINE_CASES = [
    # tests/gold 54 (1cde9b907469c65b) Điều 1.4
    pytest.param("Bổ sung Điều 14a vào sau Điều 14 như sau:\n“14a. Phân cấp thực hiện một số nội dung.\n1. Nội dung phân cấp\n"
                 "Ủy ban nhân dân tỉnh phân cấp cho Ủy ban nhân dân cấp xã quyết định một số khoản hỗ trợ như sau:\n"
                 "2. Trách nhiệm của Ủy ban nhân dân cấp xã\na) Thực hiện các nhiệm vụ, quyền hạn được phân cấp.”", None,
                 [("Ủy ban nhân dân cấp xã", "lead")], id="duties-in-quoted-text"),
    pytest.param("Thành lập Tổ công tác.\nNhiệm vụ của Tổ công tác:\n- Rà soát hồ sơ.", None, [("Tổ công tác", "lead")],
                 id="duties-line-in-running-text"),
    pytest.param("Rà soát quy định về trách nhiệm của các cơ quan.\nTrách nhiệm của cơ quan chủ trì được quy định rõ.", None,
                 [], id="neg-duties-named-in-a-sentence"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", HEADING_CASES + TITLE_SENTENCE_CASES + DUTY_LINE_CASES)
def test_headings(text, heading, expected):
    assert task_roles(text, heading) == expected


def test_heading_unit_is_not_copied_to_children():
    nodes = [
        Node(id="III", marker="III.", kind="section", heading=TASK_SECTION, text=""),
        Node(id="III.1", parent="III", marker="1.", kind="item", heading="Sở Y tế", text=""),
        Node(id="III.1.a", parent="III.1", marker="a)", kind="item", text="Chủ trì, hướng dẫn chuyên môn."),
    ]
    assert [(a.node, a.unit) for a in extract_assignments(nodes)] == [("III.1", "Sở Y tế")]


def test_restated_heading_unit_is_not_recorded_again():
    # tests/gold 71 (3a2db039af8c2d05) V.5.c, NOTES-70-72 call 4: the child restates its heading's unit; a different
    # body it makes the actor of a task sentence leads.
    nodes = [
        Node(id="V", marker="V.", kind="section", heading=TASK_SECTION, text=""),
        Node(id="V.5", parent="V", marker="5.", kind="item", heading="Ủy ban nhân dân xã, phường", text=""),
        Node(id="V.5.c", parent="V.5", marker="c)", kind="item", heading="Tổng hợp nhu cầu mở tài khoản",
             text="Ủy ban nhân dân xã, phường cung cấp danh sách, mời đối tượng đến điểm cung cấp dịch vụ. Ngân hàng "
                  "hướng dẫn quy trình mở tài khoản tại địa điểm thuận tiện."),
    ]
    assert [(a.node, a.unit) for a in extract_assignments(nodes)] == [("V.5", "Ủy ban nhân dân xã, phường"),
                                                                      ("V.5.c", "Ngân hàng")]


# tests/gold 86 (0f2d0646af982d1b) Điều 3: an article's duties title wrapped inside its body's name.
WRAPPED_TITLE_CASES = [
    pytest.param("Trách nhiệm của Sở", "Công Thương", [("Sở Công Thương", "lead")], id="wrapped-duties-title"),
    pytest.param("Trách nhiệm của Hội Liên hiệp", "Phụ nữ tỉnh\n1. Tuyên truyền, vận động hội viên.",
                 [("Hội Liên hiệp Phụ nữ tỉnh", "lead")], id="wrapped-duties-title-then-items"),
    pytest.param("Trách nhiệm của Sở", "Công tác phối hợp được thực hiện theo quy chế.", [],
                 id="neg-next-line-is-no-part-of-a-name"),
    # 7006a7aeb5bba582 Điều 2: a duties title listing the powers too names its body
    pytest.param("Nhiệm vụ, quyền hạn của Ban Quản lý", "1. Ban Quản lý thực hiện nhiệm vụ, quyền hạn theo quy định.",
                 [("Ban Quản lý", "lead")], id="duties-and-powers-title"),
    pytest.param("Chức năng, nhiệm vụ và quyền hạn của Trung tâm Phục vụ hành chính công tỉnh", "",
                 [("Trung tâm Phục vụ hành chính công tỉnh", "lead")], id="functions-duties-powers-title"),
    pytest.param("Nhiệm vụ, giải pháp", "Tăng cường công tác quản lý.", [], id="neg-duties-and-solutions-name-nobody"),
    # tests/gold 160 Chương III.Điều 15.2: the shared head's list cut off at the colon, on the text's first line.
    pytest.param("Trách nhiệm của các Sở", "Xây dựng, Tài chính, Nội vụ.\na) Chủ trì hướng dẫn thực hiện.",
                 [("Sở Xây dựng", "lead"), ("Sở Tài chính", "lead"), ("Sở Nội vụ", "lead")],
                 id="shared-list-on-the-first-line"),
    pytest.param("Trách nhiệm của các Sở", "tổ chức thực hiện Quy định này.", [("các Sở", "lead")],
                 id="neg-first-line-is-no-list"),
]


@pytest.mark.parametrize("heading,text,expected", WRAPPED_TITLE_CASES)
def test_wrapped_duties_titles(heading, text, expected):
    assert article_roles(text, heading) == expected


def test_restated_group_without_its_qualifier_is_not_recorded_again():
    # tests/gold 87 (1a434d0a7e14dc93) Chương IV.Điều 10.3.b, NOTES-87-89 call 7: the group restated without its
    # level; a group the heading does not name leads.
    nodes = [
        Node(id="IV", marker="IV.", kind="section", heading=TASK_SECTION, text=""),
        Node(id="IV.3", parent="IV", marker="3.", kind="item",
             heading="Trách nhiệm các cơ quan, đơn vị cấp thành phố và Ủy ban nhân dân xã, phường", text=""),
        Node(id="IV.3.b", parent="IV.3", marker="b)", kind="item", heading=None,
             text="Trên cơ sở quy định này, các cơ quan, đơn vị xây dựng báo cáo, tự chấm điểm. Các tổ chức chính trị - "
                  "xã hội tuyên truyền kết quả."),
    ]
    assert [(a.node, a.unit) for a in extract_assignments(nodes)] == [
        ("IV.3", "các cơ quan, đơn vị cấp thành phố"), ("IV.3", "Ủy ban nhân dân xã, phường"),
        ("IV.3.b", "Các tổ chức chính trị - xã hội")]
