"""Supports and labelled roles: "phối hợp (với) X", "cùng X", "phối hợp, hướng dẫn Z"; labelled fields ("Đơn vị
chủ trì: X", "Cơ quan phối hợp: X; Y") and role sub-headings over dash lines; directed units are not recorded.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.units import extract_assignments
from kehoach.schemas.models import Node
from tests.factories import task_nodes, task_roles

# fmt: off
SUPPORT_CASES = [
    # tests/gold 71 (3a2db039af8c2d05) V.1.a: the group written without "các".
    pytest.param("Chủ trì, phối hợp với Sở, ban ngành liên quan triển khai, đôn đốc, kiểm tra việc thực hiện.", None,
                 [("Sở, ban ngành liên quan", "support")], id="bare-so-ban-nganh-group"),
    # tests/gold 71 V.5.b
    pytest.param("Chỉ đạo phòng, ban chuyên môn, phối hợp tổ chức chính trị - xã hội tại địa phương thực hiện công tác tuyên "
                 "truyền, vận động.", None, [("tổ chức chính trị - xã hội tại địa phương", "support")],
                 id="bare-political-social-organisation"),
    pytest.param("Phối hợp tổ chức hội nghị tại địa phương.", None, [], id="neg-phoi-hop-to-chuc-is-a-verb"),
    # 33 (31fb08f34535fce3) V.1: the same group with and without "các" is one support.
    pytest.param("- Chủ trì, phối hợp với các sở, ban, ngành, đoàn thể Thành phố rà soát nhân sự.\n- Phối hợp với sở, ban, "
                 "ngành, đoàn thể Thành phố hướng dẫn chuyên môn cho các xã.", "Sở Nội vụ",
                 [("Sở Nội vụ", "lead"), ("các sở, ban, ngành, đoàn thể Thành phố", "support")], id="one-group-with-and-without-cac"),
    # tests/gold 71 V.3.a, NOTES-70-72 call 5: the directed unit's part spelled out in bullets is not its own assignment.
    pytest.param("Chỉ đạo các Ngân hàng thương mại trên địa bàn chủ động phối hợp với Sở Y tế triển khai Kế hoạch, cụ thể như "
                 "sau:\n- Các ngân hàng thương mại tham gia phối hợp với Sở Y tế tuyên truyền các nội dung;\n- Cử chuyên viên "
                 "phối hợp với Ủy ban nhân dân xã, phường mở tài khoản.", None,
                 [("Sở Y tế", "support"), ("Ủy ban nhân dân xã, phường", "support")], id="directed-unit-in-bullets"),
    # 322358d6040a153b: a direction inside the subject's own sentence leaves the subject its lead.
    pytest.param("Ban Chỉ đạo phối hợp với các bộ, ngành, địa phương và chỉ đạo Ban Chỉ đạo phát triển du lịch các địa phương "
                 "triển khai các hoạt động.", None, [("Ban Chỉ đạo", "lead"), ("các bộ, ngành, địa phương", "support")],
                 id="neg-direction-inside-the-subjects-sentence"),
    pytest.param("Sở Xây dựng chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Sở Tài chính lập Đề án.", None,
                 [("Sở Xây dựng", "lead"), ("Sở Lao động - Thương binh và Xã hội", "support"), ("Sở Tài chính", "support")],
                 id="chain-two-supports"),
    pytest.param("Bộ Tài chính chủ trì, phối hợp chặt chẽ với Bộ Tài nguyên và Môi trường, các bộ, cơ quan liên quan hoàn thiện Đề án.",
                 None, [("Bộ Tài chính", "lead"), ("Bộ Tài nguyên và Môi trường", "support"),
                        ("các bộ, cơ quan liên quan", "support")], id="chain-phoi-hop-chat-che"),
    pytest.param("b) Chủ trì, phối hợp với Bộ Tài nguyên và Môi trường, các cơ quan liên quan và các địa phương có rừng xác định tiềm năng;",
                 None, [("Bộ Tài nguyên và Môi trường", "support"), ("các cơ quan liên quan", "support"),
                        ("các địa phương có rừng", "support")], id="chain-chu-tri-without-subject"),
    pytest.param("- Phối hợp Sở Xây dựng, Sở Tài chính xây dựng Đề án hỗ trợ.", None,
                 [("Sở Xây dựng", "support"), ("Sở Tài chính", "support")], id="phoi-hop-without-voi"),
    pytest.param("Phối hợp chặt chẽ với cấp ủy, chính quyền các cấp tuyên truyền, vận động Nhân dân tham gia phong trào.",
                 "Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh",
                 # one qualifier ("các cấp") over the bare list keeps it whole (tests/gold NOTES-53-55 call 9)
                 [("các cấp ủy Đảng", "lead"), ("Mặt trận Tổ quốc Việt Nam tỉnh", "lead"),
                  ("cấp ủy, chính quyền các cấp", "support")], id="bare-cap-uy-support"),
    pytest.param("- Tham mưu xây dựng phương án; phối hợp Ban Quản lý các khu công nghiệp; các doanh nghiệp viễn "
                 "thông và các đơn vị liên quan rà soát quy hoạch hạ tầng.", "Sở Khoa học và Công nghệ",
                 [("Sở Khoa học và Công nghệ", "lead"), ("Ban Quản lý các khu công nghiệp", "support"),
                  ("các doanh nghiệp viễn thông", "support"), ("các đơn vị liên quan", "support")],
                 id="units-after-phoi-hop-list-support-and-do-not-also-lead"),
    pytest.param("Bộ Thông tin và Truyền thông phối hợp với các Bộ liên quan chỉ đạo các cơ quan thông tấn, báo chí.", None,
                 [("Bộ Thông tin và Truyền thông", "lead"), ("các Bộ liên quan", "support")], id="subject-and-directed-object"),
    pytest.param("Ủy ban nhân dân quận, huyện chỉ đạo Phòng Lao động - Thương binh và Xã hội phối hợp với các phòng, ban có liên quan rà soát.",
                 None, [("Ủy ban nhân dân quận, huyện", "lead"), ("các phòng, ban có liên quan", "support")],
                 id="directed-unit-not-recorded"),
]

# tests/gold NOTES-50-52 call 6, NOTES-60-63 call 4: "phối hợp, hướng dẫn Z" makes Z a support.
GUIDED_SUPPORT_CASES = [
    # tests/gold 60 (75a0867a09525909) item (3)
    pytest.param("Bộ Công an tiếp tục chủ động phối hợp, hướng dẫn Bộ Y tế, Ban Quản lý dự án và các nhà thầu để thực hiện "
                 "hiệu quả các phương án.", None,
                 [("Bộ Công an", "lead"), ("Bộ Y tế", "support"), ("Ban Quản lý dự án", "support"),
                  ("các nhà thầu", "support")], id="phoi-hop-comma-huong-dan"),
    # tests/gold 52 (717159673033f644) 1.2: the directed unit is not recorded, the guided one supports.
    pytest.param("Chỉ đạo Công an các phường, xã, đặc khu phối hợp và hướng dẫn Ủy ban nhân dân các phường, xã, đặc khu "
                 "trong công tác rà soát.", "Giao Công an Thành phố",
                 [("Công an Thành phố", "lead"), ("Ủy ban nhân dân các phường, xã, đặc khu", "support")],
                 id="phoi-hop-va-huong-dan"),
    # tests/gold 61 (31786b0833a4130d) V.1: "hướng dẫn" alone directs.
    pytest.param("Phối hợp với Sở Khoa học và Công nghệ, Sở Xây dựng và các cơ quan liên quan hướng dẫn các doanh nghiệp "
                 "viễn thông thực hiện.", "Ban Quản lý các khu công nghệ cao và khu công nghiệp",
                 [("Ban Quản lý các khu công nghệ cao và khu công nghiệp", "lead"), ("Sở Khoa học và Công nghệ", "support"),
                  ("Sở Xây dựng", "support"), ("các cơ quan liên quan", "support")], id="neg-huong-dan-alone-directs"),
]

LABEL_CASES = [
    pytest.param("- Đơn vị chủ trì: Ban Công tác mặt trận thôn.", None, [("Ban Công tác mặt trận thôn", "lead")],
                 id="label-don-vi-chu-tri"),
    pytest.param("- Cơ quan chủ trì: Sở Nội vụ.\n- Cơ quan phối hợp: Sở Tài chính; Văn phòng UBND tỉnh.", None,
                 [("Sở Nội vụ", "lead"), ("Sở Tài chính", "support"), ("Văn phòng UBND tỉnh", "support")],
                 id="label-co-quan-chu-tri-phoi-hop"),
    pytest.param("Trách nhiệm chỉ đạo thực hiện: Các cấp ủy, tổ chức đảng; Đảng ủy Ủy ban nhân dân tỉnh.", None,
                 [("Các cấp ủy, tổ chức đảng", "lead"), ("Đảng ủy Ủy ban nhân dân tỉnh", "lead")],
                 id="label-trach-nhiem-chi-dao"),
    pytest.param("Đơn vị chủ trì thực hiện: *Các\nSở, ngành, đơn vị, UBND cấp xã.\nĐơn vị phối hợp: *Sở Nội\nvụ, Sở Tư pháp.", None,
                 [("Các Sở, ngành, đơn vị", "lead"), ("UBND cấp xã", "lead"), ("Sở Nội vụ", "support"), ("Sở Tư pháp", "support")],
                 id="label-variant-wrapped-with-bold-marker"),
    pytest.param("Đơn vị chủ trì tham mưu thực hiện: *Sở Tư pháp.\nĐơn vị phối hợp thực hiện: *Các cơ quan, đơn vị liên quan.", None,
                 [("Sở Tư pháp", "lead"), ("Các cơ quan, đơn vị liên quan", "support")], id="label-chu-tri-tham-muu-thuc-hien"),
]

ROLE_BLOCK_CASES = [
    pytest.param("Rà soát quy hoạch.\nCơ quan chủ trì\n- Sở Tài chính;\n- Sở Nội vụ.\nCơ quan phối hợp\n"
                 "- Ủy ban nhân dân các xã, phường;\n- Công an tỉnh.", None,
                 [("Sở Tài chính", "lead"), ("Sở Nội vụ", "lead"), ("Ủy ban nhân dân các xã, phường", "support"),
                  ("Công an tỉnh", "support")], id="role-subheadings-over-dash-lines"),
    pytest.param("Rà soát văn bản.\nĐơn vị chủ trì (tham mưu) thực hiện: Sở Tư pháp.", None,
                 [("Sở Tư pháp", "lead")], id="lead-label-with-bracketed-tham-muu"),
    pytest.param("Tổ chức tập huấn.\na) Cơ quan chủ trì: Sở Y tế\nb) Cơ quan phối hợp: Các sở, ban, ngành liên quan", None,
                 [("Sở Y tế", "lead"), ("Các sở, ban, ngành liên quan", "support")], id="lettered-role-lines"),
    # 71153021e3559f5e: the body's name wraps after its head.
    pytest.param("- Cơ quan thực hiện: Sở\nKhoa học và Công nghệ tỉnh Lạng Sơn. Địa chỉ: số 01 đường Mai Thế Chuẩn.", None,
                 [("Sở Khoa học và Công nghệ tỉnh Lạng Sơn", "lead")], id="co-quan-thuc-hien-wrapped"),
    # 30 (09daab284f92e2dd): a lead in one bullet and a support in another stay both.
    pytest.param("- Tổ chức tập huấn.\nĐơn vị chủ trì tham mưu thực hiện: *Sở Tư pháp.\n- Cập nhật cơ sở dữ liệu.\n"
                 "Đơn vị chủ trì thực hiện: *Sở Khoa học và Công nghệ.\nĐơn vị phối hợp thực hiện: *Sở Tư pháp.", None,
                 [("Sở Tư pháp", "lead"), ("Sở Khoa học và Công nghệ", "lead"), ("Sở Tư pháp", "support")],
                 id="labelled-lead-and-support-of-one-body"),
    # 994dfbc3967e5ebf: a regulation naming roles, not bodies.
    pytest.param("a) Cơ quan chủ trì có văn bản đề nghị gửi đến các cơ quan phối hợp, trong văn bản phải có thời hạn trả lời.",
                 None, [], id="neg-role-words-in-a-regulation"),
    pytest.param("Cơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành", None, [], id="neg-table-header-cells"),
    # A published administrative procedure's field (Thông tư 02/2017/TT-VPCP form), wrapped after its verb.
    pytest.param("e) Cơ quan giải quyết TTHC NB:\n- Cơ quan trực tiếp thực hiện\nTTHC: Sở Dân tộc và Tôn giáo.\n"
                 "- Cơ quan hoặc người có thẩm quyền quyết định TTHC: Ủy ban nhân dân thành phố.", None,
                 [("Sở Dân tộc và Tôn giáo", "lead")], id="co-quan-truc-tiep-thuc-hien-tthc"),
    pytest.param("- Cơ quan thực hiện thủ tục hành chính: Sở Tư pháp.", None, [("Sở Tư pháp", "lead")],
                 id="co-quan-thuc-hien-thu-tuc-hanh-chinh"),
    # A regulation's competences: who prepares and who appraises (the approving body is not read: it decides).
    pytest.param("a) Cơ quan tổ chức lập quy hoạch: Ban Quản lý đường sắt đô thị Hà Nội;\nb) Cơ quan thẩm định: Sở Quy "
                 "hoạch - Kiến trúc Hà Nội;\nc) Cơ quan phê duyệt: Ủy ban nhân dân thành phố Hà Nội.", None,
                 [("Ban Quản lý đường sắt đô thị Hà Nội", "lead"), ("Sở Quy hoạch - Kiến trúc Hà Nội", "lead")],
                 id="competence-labels-lap-tham-dinh"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", SUPPORT_CASES + GUIDED_SUPPORT_CASES)
def test_supports(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", LABEL_CASES + ROLE_BLOCK_CASES)
def test_labels_and_role_blocks(text, heading, expected):
    assert task_roles(text, heading) == expected


def test_role_subheading_node_gives_its_units_to_the_task():
    nodes = [*task_nodes("Rà soát quy hoạch.", "Rà soát quy hoạch"),
             Node(id="III.1.a", parent="III.1", marker="a)", kind="item", heading="Cơ quan chủ trì",
                  text="- Sở Tài chính;\n- Sở Nội vụ."),
             Node(id="III.1.b", parent="III.1", marker="b)", kind="item", heading="Cơ quan phối hợp",
                  text="Các sở, ban, ngành liên quan.")]
    assert [(a.node, a.unit, a.role) for a in extract_assignments(nodes)] == [
        ("III.1", "Sở Tài chính", "lead"), ("III.1", "Sở Nội vụ", "lead"),
        ("III.1", "Các sở, ban, ngành liên quan", "support")]
