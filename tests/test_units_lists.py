"""Lists, qualifiers, parties and positions: one unit per body or collective ("Sở Tài chính; Sở Nội vụ" is two,
"các sở, ban, ngành" one), qualifiers kept inside the name ("thuộc phạm vi quản lý", "trên địa bàn Thành phố"), parties
tasked by category, and people named by their position ("Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội").
"""

from __future__ import annotations

import pytest

from tests.factories import task_roles

# fmt: off
LIST_CASES = [
    pytest.param("Ban Quản lý Khu kinh tế và Ban Quản lý các khu công nghiệp tỉnh chủ trì rà soát.", None,
                 [("Ban Quản lý Khu kinh tế", "lead"), ("Ban Quản lý các khu công nghiệp tỉnh", "lead")],
                 id="two-management-boards"),
    pytest.param("Các sở, ban ngành, chủ đầu tư dự án có trách nhiệm báo cáo tiến độ.", None,
                 [("Các sở, ban ngành", "lead"), ("chủ đầu tư dự án", "lead")], id="bodies-and-project-owners"),
    # tests/gold 51 (296e373d796986f4)
    pytest.param("Các Bộ, cơ quan: Tài chính, Xây dựng, Văn hóa, Thể thao và Du lịch, Tập đoàn Điện lực Việt Nam theo chức "
                 "năng, nhiệm vụ được giao khẩn trương rà soát.", None,
                 [("Bộ Tài chính", "lead"), ("Bộ Xây dựng", "lead"), ("Bộ Văn hóa, Thể thao và Du lịch", "lead"),
                  ("Tập đoàn Điện lực Việt Nam", "lead")], id="shared-head-in-running-text"),
    # 33 (31fb08f34535fce3)
    pytest.param("- Chủ trì, phối hợp với các sở, ban, ngành, đoàn thể Thành phố và đơn vị có liên quan rà soát nhân sự.",
                 "Sở Nội vụ (Cơ quan thường trực Ban Vì sự tiến bộ phụ nữ Thành phố)",
                 [("Sở Nội vụ", "lead"), ("các sở, ban, ngành, đoàn thể Thành phố", "support"),
                  ("đơn vị có liên quan", "support")], id="group-closed-by-its-place-then-va"),
    # tests/gold 64 (a12a41bbbe518be8) node 1, NOTES-64-67 call 1: a title over a list whose members repeat "các".
    pytest.param("Tiếp tục triển khai việc cập nhật cơ sở dữ liệu.", "Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành "
                 "chính khác, các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố; Chủ tịch Ủy ban nhân dân "
                 "các xã, phường và đặc khu",
                 [("người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác", "lead"),
                  ("người đứng đầu các đơn vị sự nghiệp công lập trực thuộc Ủy ban nhân dân Thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu", "lead")], id="title-shared-by-repeated-cac"),
    pytest.param("Giám đốc các Sở, Thủ trưởng các ban, ngành, Chủ tịch UBND các xã, phường chịu trách nhiệm triển khai.", None,
                 [("Giám đốc các Sở", "lead"), ("Thủ trưởng các ban, ngành", "lead"), ("Chủ tịch UBND các xã, phường", "lead")],
                 id="each-member-with-its-own-title"),
    # f8fd04822ed1cb70: people and firms have no head.
    pytest.param("Thủ trưởng các đơn vị thuộc Bộ Tài chính, các cơ quan, tổ chức, cá nhân có liên quan tổ chức triển khai.",
                 None, [("Thủ trưởng các đơn vị thuộc Bộ Tài chính", "lead"), ("các cơ quan, tổ chức, cá nhân có liên quan", "lead")],
                 id="neg-no-title-over-people"),
    pytest.param("Thủ trưởng các sở, ban, ngành và các đơn vị sự nghiệp tổ chức triển khai.", None,
                 [("Thủ trưởng các sở, ban, ngành", "lead"), ("các đơn vị sự nghiệp", "lead")], id="neg-no-title-after-va"),
    pytest.param("Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện.", None,
                 [("các sở, ban, ngành và địa phương", "lead")], id="neg-one-determiner-over-a-list-stays-whole"),
    pytest.param("Phối hợp với các cơ quan, đơn vị có liên quan triển khai.", "Công an tỉnh",
                 [("Công an tỉnh", "lead"), ("các cơ quan, đơn vị có liên quan", "support")],
                 id="neg-related-group-stays-whole"),
]

# Qualifiers inside the noun phrase (tests/gold NOTES-50-52 call 4, NOTES-53-55 call 9, NOTES-60-63 calls 7-8).
QUALIFIER_CASES = [
    # tests/gold 80 (9b7eebadf7081069) III.2.1: the fixed phrase for every sector and level is one group.
    pytest.param("Chủ trì, phối hợp với các ngành, các cấp thực hiện chống thất thu thuế.", "Sở Tài chính",
                 [("Sở Tài chính", "lead"), ("các ngành, các cấp", "support")], id="fixed-cac-nganh-cac-cap"),
    pytest.param("Chủ trì, phối hợp với các cấp, các ngành, các địa phương triển khai phòng, chống dịch.", "Sở Y tế",
                 [("Sở Y tế", "lead"), ("các cấp, các ngành", "support"), ("các địa phương", "support")],
                 id="fixed-cac-cap-cac-nganh-then-another-group"),
    # tests/gold 95 (bffd9da6f0d38031) IV.1: a count in place of "các" before the list of communes.
    pytest.param("Tiếp tục triển khai kế hoạch; phối hợp với Ủy ban nhân dân\n04 xã: Gia Thuận, Tân Điền, Gò Công Đông, "
                 "Tân Phú Đông thành lập mới khu bảo vệ nguồn lợi thủy sản.", "Sở Nông nghiệp và Môi trường",
                 [("Sở Nông nghiệp và Môi trường", "lead"), ("Ủy ban nhân dân xã Gia Thuận", "support"),
                  ("Ủy ban nhân dân xã Tân Điền", "support"), ("Ủy ban nhân dân xã Gò Công Đông", "support"),
                  ("Ủy ban nhân dân xã Tân Phú Đông", "support")], id="count-of-communes-listed"),
    pytest.param("- Xây dựng kế hoạch cụ thể hóa các nhiệm vụ của kế hoạch.", "Ủy ban nhân dân 03 phường: Phú Mỹ, Tân Hòa và Bình Tây",
                 [("Ủy ban nhân dân phường Phú Mỹ", "lead"), ("Ủy ban nhân dân phường Tân Hòa", "lead"),
                  ("Ủy ban nhân dân phường Bình Tây", "lead")], id="count-of-wards-heading-leads"),
    # tests/gold 95 VI.2 and 93: what a related group is related to, before its duty, names its members.
    pytest.param("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm phối hợp.", None,
                 [("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này", "lead")],
                 id="related-to-what-before-duty"),
    pytest.param("Các cơ quan, đơn vị cấp tỉnh có liên quan đến công tác bầu cử chịu trách nhiệm tổng hợp danh sách.", None,
                 [("Các cơ quan, đơn vị cấp tỉnh có liên quan đến công tác bầu cử", "lead")], id="related-to-what-chiu"),
    # Without a duty after it the words after "liên quan" are the sentence's, not the name's.
    pytest.param("Chủ trì, phối hợp với các cơ quan có liên quan đến từng địa bàn kiểm tra việc thực hiện.", "Sở Y tế",
                 [("Sở Y tế", "lead"), ("các cơ quan có liên quan", "support")], id="related-then-object-not-name"),
    # tests/gold 50 (2847e16133f7b987) 5.b
    pytest.param("Chủ trì, phối hợp với các đơn vị cấp nước thuộc phạm vi quản lý xây dựng phương án thay thế.", "Sở Xây dựng",
                 [("Sở Xây dựng", "lead"), ("các đơn vị cấp nước thuộc phạm vi quản lý", "support")],
                 id="thuoc-pham-vi-quan-ly"),
    # tests/gold 61 (31786b0833a4130d) IV: a funding section's subjects with their place and zones.
    pytest.param("Các doanh nghiệp viễn thông trên địa bàn Thành phố, các nhà đầu tư trong các khu công nghệ cao, khu công "
                 "nghiệp, cụm công nghiệp chủ động bố trí kinh phí.", None,
                 [("Các doanh nghiệp viễn thông trên địa bàn Thành phố", "lead"),
                  ("các nhà đầu tư trong các khu công nghệ cao, khu công nghiệp, cụm công nghiệp", "lead")],
                 id="place-and-zones-kept"),
    # tests/gold 60 (75a0867a09525909) 2.1: the ministries are where the agencies belong.
    pytest.param("Bộ Y tế chỉ đạo Ban Quản lý dự án phối hợp chặt chẽ với các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc "
                 "phòng chỉ đạo các nhà thầu tập trung nguồn lực.", None,
                 [("Bộ Y tế", "lead"), ("các cơ quan liên quan thuộc Bộ Xây dựng, Bộ Quốc phòng", "support")],
                 id="owners-listed-after-thuoc"),
    # 32bf80ce6d1e997e: a level body after "thuộc …" is another addressee.
    pytest.param("Thủ trưởng các sở, cơ quan thuộc Uỷ ban nhân dân tỉnh, Uỷ ban nhân dân các xã, phường chịu trách nhiệm "
                 "triển khai.", None,
                 [("Thủ trưởng các sở, cơ quan thuộc Uỷ ban nhân dân tỉnh", "lead"),
                  ("Uỷ ban nhân dân các xã, phường", "lead")], id="neg-a-level-body-is-no-second-owner"),
    # tests/gold 53 (556b2fb4a0149576) IV.2
    pytest.param("Phối hợp chặt chẽ với cấp ủy, chính quyền các cấp, phát huy khối đại đoàn kết toàn dân.", "Mặt trận Tổ quốc "
                 "Việt Nam tỉnh", [("Mặt trận Tổ quốc Việt Nam tỉnh", "lead"), ("cấp ủy, chính quyền các cấp", "support")],
                 id="one-qualifier-over-bare-nouns"),
    # tests/gold 11: without a shared qualifier the bare nouns are two units.
    pytest.param("Phối hợp với lực lượng quân đội, công an hỗ trợ người dân.", "Ủy ban nhân dân các xã",
                 [("Ủy ban nhân dân các xã", "lead"), ("lực lượng quân đội", "support"), ("công an", "support")],
                 id="neg-bare-nouns-without-a-shared-qualifier"),
]

# Parties tasked by category (data: bodies.json groups.parties).
PARTY_CASES = [
    # tests/gold 61 III.4.b
    pytest.param("Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các nhiệm vụ được giao.", None,
                 [("Doanh nghiệp viễn thông", "lead")], id="category-with-its-trade-leads"),
    # 046d4a5b8d446144: a body's proper name holds the word.
    pytest.param("Cục trưởng Cục Khởi nghiệp và Doanh nghiệp công nghệ chủ trì triển khai.", None,
                 [("Cục trưởng Cục Khởi nghiệp và Doanh nghiệp công nghệ", "lead")], id="category-word-inside-a-name"),
    # d3d459d0a856471f: a procedure's step names the applicant, not a body handed work.
    pytest.param("Bước 1: Tiếp nhận hồ sơ\nDoanh nghiệp, tổ chức nộp 01 bộ hồ sơ theo quy định đến Bộ phận một cửa.", None,
                 [], id="neg-bare-category-in-a-procedure"),
    # ad5aff6c13929815: a topic heading.
    pytest.param("Phát triển các doanh nghiệp số là lực đẩy chủ đạo để chuyển đổi mô hình tăng trưởng.", "Doanh nghiệp số", [],
                 id="neg-category-heading-is-a-topic"),
]

POSITION_CASES = [
    pytest.param("Chỉ đạo chung.", "Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế",
                 [("Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế", "lead")], id="heading-vice-chair-with-field"),
    pytest.param("Phụ trách chung.", "Đ/c Trưởng Ban Xây dựng Đảng - Trưởng Tiểu ban",
                 [("Trưởng Ban Xây dựng Đảng - Trưởng Tiểu ban", "lead")], id="heading-two-posts-never-a-fragment"),
    pytest.param("- Đồng chí Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế: chỉ đạo công tác thu ngân sách.", None,
                 [("Phó Chủ tịch Thường trực, phụ trách lĩnh vực kinh tế", "lead")], id="run-in-person-with-colon"),
    pytest.param("Đồng chí Chủ tịch UBND xã chịu trách nhiệm chung; đồng chí Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội "
                 "trực tiếp chỉ đạo.", None,
                 [("Chủ tịch UBND xã", "lead"), ("Phó Chủ tịch UBND xã phụ trách văn hóa - xã hội", "lead")],
                 id="persons-with-field-in-running-text"),
    pytest.param("Giao đồng chí Trưởng Công an xã chủ trì bảo đảm an ninh.", None, [("Trưởng Công an xã", "lead")],
                 id="request-to-a-person"),
    # tests/gold 60 (75a0867a09525909) item (2), NOTES-60-63 call 9
    pytest.param("Đồng chí Bộ trưởng Bộ Y tế, Thứ trưởng Bộ Y tế phụ trách lĩnh vực tiếp tục bám sát tình hình thực tế.", None,
                 [("Bộ trưởng Bộ Y tế", "lead"), ("Thứ trưởng Bộ Y tế phụ trách lĩnh vực", "lead")],
                 id="minister-and-deputy-with-field"),
    pytest.param("Trưởng thôn ấp, Tổ Trưởng các Tổ dân phố, hướng dẫn các đối tượng làm đơn.", None,
                 [("Trưởng thôn ấp", "lead"), ("Tổ Trưởng các Tổ dân phố", "lead")], id="person-titles-split"),
    pytest.param("Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã căn cứ chức năng, nhiệm vụ được giao, có trách nhiệm triển khai Chỉ thị này.",
                 None, [("Thủ trưởng các Sở, ban, ngành", "lead"), ("Chủ tịch UBND cấp xã", "lead")], id="title-of-plural-group"),
    pytest.param("Người đứng đầu cơ quan, tổ chức chịu trách nhiệm đối với việc phê duyệt sửa chữa thông tin.", None,
                 [("Người đứng đầu cơ quan, tổ chức", "lead")], id="title-of-lower-case-group"),
    pytest.param("Đồng chí Bí thư Đảng ủy xã làm việc với Ban Thường vụ.", "Lịch làm việc", [],
                 id="neg-person-outside-a-task-verb"),
    # d469759e6fcdc805: the body that decides is not handed work.
    pytest.param("Trên cơ sở Đề án số 397/ĐA-CP của Chính phủ, Ủy ban Thường vụ Quốc hội quyết định sắp xếp các đơn vị "
                 "hành chính cấp xã như sau:", None, [], id="neg-the-deciding-body"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", LIST_CASES + QUALIFIER_CASES + PARTY_CASES)
def test_lists(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", POSITION_CASES)
def test_people_by_position(text, heading, expected):
    assert task_roles(text, heading) == expected
