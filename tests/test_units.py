"""Unit names and keys: where a name begins and ends in running text, and the key that makes one body one
id. One real-shaped line per row, negatives included; the roles are in the test_units_* files by family.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.units import extract_assignments, find_units, mark_tasks, unit_id
from kehoach.schemas.models import Node
from tests.factories import TASK_SECTION, task_nodes, task_roles

# fmt: off
FIND_CASES = [
    pytest.param("Sở Nông nghiệp và Phát triển nông thôn", ["Sở Nông nghiệp và Phát triển nông thôn"], id="find-ministry-style-name"),
    pytest.param("Bộ Giao thông vận tải chủ trì", ["Bộ Giao thông vận tải"], id="find-lower-syllables-of-word"),
    pytest.param("Trung tâm Kiểm soát bệnh tật tỉnh hỗ trợ các địa phương", ["Trung tâm Kiểm soát bệnh tật tỉnh", "các địa phương"],
                 id="find-ends-at-verb"),
    pytest.param("Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh", ["Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh"], id="find-police-military"),
    pytest.param("Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Liên đoàn Lao động",
                 ["Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Liên đoàn Lao động"], id="find-member-organisations"),
    pytest.param("Cục Thuế tỉnh và Kho bạc Nhà nước", ["Cục Thuế tỉnh", "Kho bạc Nhà nước"], id="find-cuc-kho-bac"),
    pytest.param("Hội đồng nhân dân tỉnh", ["Hội đồng nhân dân tỉnh"], id="find-hdnd"),
    pytest.param("Phòng chống dịch bệnh; Ban hành quy chế; Bộ phận một cửa", [], id="find-neg-verbs-and-bo-phan"),
    pytest.param("Các trường hợp được miễn", [], id="find-neg-truong-hop"),
    pytest.param("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã Quý III Năm 2026",
                 ["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các phường, xã"], id="find-table-cells-joined"),
    pytest.param("UBND xã, phường, đặc khu Sở Tài chính Thường xuyên", ["UBND xã, phường, đặc khu", "Sở Tài chính"],
                 id="find-level-then-new-body"),
    pytest.param("Sở Y tế nhân dịp Tết thăm hỏi các gia đình chính sách", ["Sở Y tế"], id="find-nhan-dip-ends-name"),
    pytest.param("Chủ tịch Ủy ban nhân dân các phường, xã nơi cơ quan thi hành án đóng trụ sở",
                 ["Chủ tịch Ủy ban nhân dân các phường, xã"], id="find-noi-ends-name"),
]

# A name ends where its predicate begins, and goes on through the words of a name (bulk-text audits).
NAME_END_CASES = [
    pytest.param("- Phối hợp với UBND xã triệu tập và chủ trì hội nghị cử tri.", None,
                 [("UBND xã", "support")], id="name-ends-at-verb-by-segmentation"),
    pytest.param("Căn cứ Quyết định số 22/2013/QĐ-TTg, các thôn ấp, tổ dân phố, tổ chức phổ biến nội dung chính sách.", None,
                 [("các thôn ấp, tổ dân phố", "lead")], id="to-chuc-is-the-verb"),
    pytest.param("- Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Dân tộc và Tôn giáo khẩn trương rà soát hồ sơ.", None,
                 [("Bộ Nông nghiệp và Môi trường", "lead"), ("Bộ Dân tộc và Tôn giáo", "support")],
                 id="name-stops-before-adverb-glued-by-segmenter"),
    pytest.param("Bộ Dân tộc và Tôn giáo chịu trách nhiệm hướng dẫn tổ chức thực hiện.", None,
                 [("Bộ Dân tộc và Tôn giáo", "lead")], id="name-stops-before-chiu-trach-nhiem"),
    pytest.param("- Các sở, ban, ngành, Ủy ban nhân dân xã, phường định kỳ kiểm tra, đánh giá tình hình thực hiện.", None,
                 [("Các sở, ban, ngành", "lead"), ("Ủy ban nhân dân xã, phường", "lead")], id="dinh-ky-ends-name"),
    pytest.param("Các Sở, ban, ngành và các đoàn thể chính trị - xã hội, Ủy ban nhân dân xã, phường quy định số lượng khen thưởng theo thẩm quyền.",
                 None, [("Các Sở, ban, ngành", "lead"), ("các đoàn thể chính trị - xã hội", "lead"),
                        ("Ủy ban nhân dân xã, phường", "lead")], id="quy-dinh-ends-name"),
    pytest.param("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên bố trí nguồn lực đầu tư hạ tầng số.", None,
                 [("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính", "lead")], id="uu-tien-is-a-predicate"),
    pytest.param("Các doanh nghiệp nhà nước, Tổng Công ty tiên phong dẫn dắt phát triển kinh tế số.", None,
                 [("Các doanh nghiệp nhà nước", "lead"), ("Tổng Công ty", "lead")], id="tong-cong-ty-tien-phong"),
    # 350a122d2613c4d6: a time adverb ends the name.
    pytest.param("Đề nghị Sở Y tế hằng năm tổng hợp kinh phí nuôi dưỡng.", None, [("Sở Y tế", "lead")],
                 id="hang-nam-ends-a-name"),
    pytest.param("- Kịp thời rà soát, đề nghị Sở Tư pháp cấp, khóa tài khoản của công chức.", None,
                 [("Sở Tư pháp", "lead")], id="cap-is-a-verb-not-a-level"),
    # tests/gold 64 (a12a41bbbe518be8), adf53d885efc1c23: "Ủy ban nhân" with "dân" dropped is still the committee.
    pytest.param("Giao Chủ tịch Ủy ban nhân tỉnh huy động lực lượng, phương tiện tham gia chữa cháy rừng.", None,
                 [("Chủ tịch Ủy ban nhân tỉnh", "lead")], id="uy-ban-nhan-with-dan-dropped"),
    pytest.param("Giao các đơn vị trực thuộc Ủy ban nhân Thành phố; Chủ tịch Ủy ban nhân dân các xã rà soát hồ sơ.", None,
                 [("Chủ tịch Ủy ban nhân dân các xã", "lead"), ("các đơn vị trực thuộc Ủy ban nhân Thành phố", "lead")],
                 id="uy-ban-nhan-then-the-list-goes-on"),
    # c05552433ef48b49, 7bcbaa914bb254d9: a body named in full takes the ambiguous verb after it.
    pytest.param("Quỹ nhà ở trung ương trực thuộc Bộ Xây dựng, giao Bộ Xây dựng quản lý.", None, [("Bộ Xây dựng", "lead")],
                 id="proper-name-then-quan-ly-verb"),
    pytest.param("Giao Ủy ban nhân dân cấp xã quản lý.", None, [("Ủy ban nhân dân cấp xã", "lead")],
                 id="level-closed-name-then-quan-ly-verb"),
    pytest.param("Phối hợp với Ban quản lý dự án kiểm tra.", None, [("Ban quản lý dự án", "support")],
                 id="neg-quan-ly-inside-a-name"),
    # c49a5afadf61b342: "công nhận" ends the name; the petition upwards hands out nothing.
    pytest.param("Giáo vụ có trách nhiệm lập danh sách học viên đủ điều kiện đề nghị giám đốc Trung tâm công nhận hoàn thành "
                 "chương trình bồi dưỡng.", None, [], id="cong-nhan-ends-a-petitioned-name"),
    pytest.param("Sở Tài chính, Sở Xây dựng, Ban quản lý Khu Kinh tế Phú Yên tăng cường công tác xúc tiến đầu tư.", None,
                 [("Sở Tài chính", "lead"), ("Sở Xây dựng", "lead"), ("Ban quản lý Khu Kinh tế Phú Yên", "lead")],
                 id="ban-quan-ly-not-a-lone-ban"),
    pytest.param("- Phối hợp Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai thực hiện đăng ký biến động.", None,
                 [("Văn phòng đăng ký đất đai", "support"), ("Chi nhánh Văn phòng đăng ký đất đai", "support")],
                 id="van-phong-needs-its-next-word"),
    pytest.param("- Phối hợp với Ban Quản lý các khu công nghệ cao và khu công nghiệp tổ chức thực hiện.", None,
                 [("Ban Quản lý các khu công nghệ cao và khu công nghiệp", "support")], id="ban-quan-ly-cac-khu"),
    pytest.param("Các Sở quản lý công trình xây dựng chuyên ngành Thành phố chủ trì thẩm định dự án.", None,
                 [("Các Sở quản lý công trình xây dựng chuyên ngành Thành phố", "lead")], id="so-quan-ly-cong-trinh-chuyen-nganh"),
    pytest.param("Giao Sở Xây dựng chủ trì, phối hợp với Công an Thành phố, Ủy ban nhân dân các phường, xã, đặc khu khảo sát hiện trạng.",
                 None, [("Sở Xây dựng", "lead"), ("Công an Thành phố", "support"),
                        ("Ủy ban nhân dân các phường, xã, đặc khu", "support")], id="dac-khu-admin-level"),
    pytest.param("Ủy ban nhân dân xã, phường phối hợp với các Ngân hàng thương mại mở tài khoản cho đối tượng.", None,
                 [("Ủy ban nhân dân xã, phường", "lead"), ("các Ngân hàng thương mại", "support")], id="ngan-hang-group"),
    pytest.param("- Chủ động phối hợp với các tổ chức cung cấp dịch vụ chi trả thực hiện mở tài khoản.", None,
                 [("các tổ chức cung cấp dịch vụ chi trả", "support")], id="to-chuc-cung-cap-dich-vu"),
    pytest.param("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền.",
                 None, [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead"), ("các tổ chức chính trị - xã hội tỉnh", "lead")],
                 id="chinh-tri-xa-hoi-lower-case-compound"),
    pytest.param("- Phối hợp với các đơn vị cấp nước kiểm tra chất lượng nước sinh hoạt.", None,
                 [("các đơn vị cấp nước", "support")], id="don-vi-cap-nuoc"),
    pytest.param("- Chủ trì, phối hợp với các cơ quan, đơn vị, tổ chức khoa học trong và ngoài nước điều tra tài nguyên biển.", "Sở Nông nghiệp và Môi trường",
                 [("Sở Nông nghiệp và Môi trường", "lead"), ("các cơ quan, đơn vị, tổ chức khoa học trong và ngoài nước", "support")],
                 id="to-chuc-khoa-hoc-is-a-noun"),
    pytest.param("Chủ trì, phối hợp với các bộ, ngành và tổ chức liên quan thực hiện nhiệm vụ.", None,
                 [("các bộ, ngành và tổ chức liên quan", "support")], id="va-to-chuc-lien-quan-noun"),
    pytest.param("Báo và Phát thanh, Truyền hình Đồng Nai chủ động phối hợp với Sở Văn hóa, Thể thao và Du lịch tuyên truyền.", None,
                 [("Báo và Phát thanh, Truyền hình Đồng Nai", "lead"), ("Sở Văn hóa, Thể thao và Du lịch", "support")],
                 id="subject-bao-va-phat-thanh"),
    pytest.param("Tổng Kiểm toán nhà nước ban hành quy định mẫu thẻ mới.", None, [("Tổng Kiểm toán nhà nước", "lead")],
                 id="tong-kiem-toan-title"),
    pytest.param("Đề nghị Thuế tỉnh Ninh Bình căn cứ quy định và hồ sơ cụ thể để xử lý.", None, [("Thuế tỉnh Ninh Bình", "lead")],
                 id="thue-tinh-office"),
    # 32bf80ce6d1e997e
    pytest.param("Hằng năm, Liên hiệp các hội Khoa học và Kỹ thuật tỉnh có trách nhiệm chủ trì, đề xuất danh sách dự án.",
                 None, [("Liên hiệp các hội Khoa học và Kỹ thuật tỉnh", "lead")], id="lien-hiep-cac-hoi"),
    # adf53d885efc1c23
    pytest.param("Lực lượng Kiểm lâm sở tại chủ trì, phối hợp với lực lượng Công an cấp xã tuần tra.", None,
                 [("Lực lượng Kiểm lâm sở tại", "lead"), ("lực lượng Công an cấp xã", "support")],
                 id="luc-luong-opening-a-sentence"),
    pytest.param("- Phối hợp với lực lượng quân đội, công an hỗ trợ vận chuyển nước.", None,
                 [("lực lượng quân đội", "support"), ("công an", "support")], id="lower-case-forces"),
    pytest.param("- Phối hợp với ngành giáo dục để xử lý vệ sinh trường lớp.", None,
                 [("ngành giáo dục", "support")], id="nganh-support"),
    pytest.param("- Phối hợp với Bộ ngành Trung ương triển khai cơ chế chính sách; chủ trì, phối hợp với doanh nghiệp phát triển hạ tầng số.", None,
                 [("Bộ ngành Trung ương", "support"), ("doanh nghiệp", "support")], id="bo-nganh-and-bare-doanh-nghiep"),
]

# Names broken by a line end, in the text or between a title line and its text.
LINE_BREAK_CASES = [
    pytest.param("Giao Sở Công\nThương chủ trì, phối hợp với Bộ Công an, Bộ\nKhoa học và Công nghệ triển khai.", None,
                 [("Sở Công Thương", "lead"), ("Bộ Công an", "support"), ("Bộ Khoa học và Công nghệ", "support")],
                 id="names-wrapped-in-the-text"),
    pytest.param("Thương chủ trì, phối hợp với các sở liên quan triển khai.", "Giao Sở Công",
                 [("Sở Công Thương", "lead"), ("các sở liên quan", "support")], id="title-line-cut-inside-a-name"),
    pytest.param("Chủ trì thẩm định văn bản.", "Sở Tư pháp", [("Sở Tư pháp", "lead")], id="unit-heading-then-its-task"),
    # 33 (31fb08f34535fce3)
    pytest.param("Phụ nữ Thành phố và các tổ chức thành viên của Mặt trận\n- Tham gia phối hợp triển khai Kế hoạch.",
                 "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp",
                 [("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "lead"), ("Hội Liên hiệp Phụ nữ Thành phố", "lead"),
                  ("các tổ chức thành viên của Mặt trận", "lead")], id="request-heading-wrapped"),
    # 8bb6ac57ee7b4c5d: a procedure table whose step wraps after "trình".
    pytest.param("Bước 5\nKý phê duyệt kết quả, trình\nUBND tỉnh phê duyệt\nLãnh đạo Sở Y tế\n0,5 ngày làm việc", None, [],
                 id="neg-line-after-a-verb-wanting-its-object"),
    # a3b56e35d1c2d0d2: the name ends at its place; the verb after it is not part of it.
    pytest.param("Giao Trung tâm Chuyển đổi số Thành phố cấu hình thủ tục hành chính trên Hệ thống.", None,
                 [("Trung tâm Chuyển đổi số Thành phố", "lead")], id="name-closed-by-its-place"),
    # b1bac569be973504: an execution article whose title line stops at the title.
    pytest.param("Ủy ban nhân dân tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch và các cơ quan, tổ chức, cá nhân có liên "
                 "quan chịu trách nhiệm thi hành Quyết định này./.", "Chánh Văn phòng",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "lead"),
                  ("các cơ quan, tổ chức, cá nhân có liên quan", "lead")], id="title-line-stops-at-the-title"),
    pytest.param("Bệnh viện Đa khoa tỉnh chủ trì tiếp nhận bệnh nhân.", "Sở Y tế",
                 [("Sở Y tế", "lead"), ("Bệnh viện Đa khoa tỉnh", "lead")], id="neg-new-body-on-the-next-line"),
]

ID_CASES = [
    pytest.param("Phòng Văn hoá - Xã hội", "Phòng Văn hóa – Xã hội", id="id-tone-and-dash"),
    pytest.param("UBND các xã, phường", "Ủy ban nhân dân các xã, phường", id="id-ubnd"),
    pytest.param("Đảng uỷ HĐND tỉnh", "Đảng ủy Hội đồng nhân dân tỉnh", id="id-hdnd-and-uy"),
    pytest.param("Ban Thường trực Ủy ban MTTQ Việt Nam xã", "Ban Thường trực Ủy ban Mặt trận Tổ quốc xã", id="id-mttq-viet-nam"),
    pytest.param("Các ĐVSN thuộc phường", "các đơn vị sự nghiệp thuộc phường", id="id-dvsn-case"),
    pytest.param("Phòng KT-HT-ĐT", "Phòng Kinh tế, Hạ tầng và Đô thị", id="id-kt-ht-dt"),
    pytest.param("Phòng VHXH", "Phòng Văn hóa - Xã hội", id="id-vhxh"),
    pytest.param("Ban Xây dựng đảng ĐU phường", "Ban Xây dựng đảng Đảng ủy phường", id="id-du"),
    pytest.param("Đồng chí Chủ tịch UBND xã", "Chủ tịch Ủy ban nhân dân xã", id="id-honorific"),
    pytest.param("Đề nghị Sở Y tế", "Sở Y tế", id="id-leading-request"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", FIND_CASES)
def test_find_units(text, expected):
    assert [u.text for u in find_units(text)] == expected


@pytest.mark.parametrize("text,heading,expected", NAME_END_CASES)
def test_where_a_name_ends(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", LINE_BREAK_CASES)
def test_names_broken_by_a_line_end(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("a,b", ID_CASES)
def test_unit_id_unifies(a, b):
    assert unit_id(a) == unit_id(b)


def test_unit_id_keeps_distinct_bodies_apart():
    assert unit_id("Sở Tài chính") != unit_id("Bộ Tài chính")


def test_deadline_attached_to_node_assignments():
    text = "Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan rà soát, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024."
    found = extract_assignments(task_nodes(text))
    assert {(a.unit, a.deadline.isoformat(), a.deadline_text) for a in found} == {
        ("Bộ Công Thương", "2024-09-30", "trước ngày 30 tháng 9 năm 2024"),
        ("các cơ quan liên quan", "2024-09-30", "trước ngày 30 tháng 9 năm 2024"),
    }


def test_mark_tasks():
    nodes = [
        Node(id="I", marker="I.", kind="section", heading="MỤC ĐÍCH, YÊU CẦU", text=""),
        Node(id="I.1", parent="I", marker="1.", kind="item", text="Nâng cao nhận thức của cán bộ."),
        Node(id="II", marker="II.", kind="section", heading="NHIỆM VỤ TRỌNG TÂM", text=""),
        Node(id="II.1", parent="II", marker="1.", kind="item", text="Tổ chức thực hiện nghiêm túc các nghị quyết."),
        Node(id="III", marker="III.", kind="section", heading=TASK_SECTION, text=""),
        Node(id="III.1", parent="III", marker="1.", kind="item", heading="Sở Y tế", text="Chủ trì triển khai."),
        Node(id="closing", kind="pseudo", text="Trên đây là Kế hoạch."),
    ]
    marked = mark_tasks(nodes)
    assert {n.id: n.task for n in marked} == {"I": False, "I.1": False, "II": False, "II.1": True, "III": False,
                                              "III.1": True, "closing": False}
    assert all(not n.task for n in nodes)  # new nodes, the input is untouched
