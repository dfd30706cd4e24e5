"""Execution articles and addressee paragraphs: the people and bodies a decision, a closing or a letter addresses
("Chánh Văn phòng …; Giám đốc các Sở: Tư pháp, Nội vụ; … chịu trách nhiệm thi hành Quyết định này"), each of whom
leads (Nghị định 30/2020/NĐ-CP, Phụ lục I: the article on implementation). Rows marked with a bulk stem come from
that document of ../shared/corpus/bulk.
"""

from __future__ import annotations

import pytest

from tests.factories import article_roles, pseudo_roles, task_roles

# fmt: off
ADDRESSEE_CASES = [
    pytest.param("Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Giáo dục và Đào tạo, Tài chính, Nội vụ; Chủ tịch UBND các "
                 "huyện, thành phố; Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("Giám đốc Sở Giáo dục và Đào tạo", "lead"),
                  ("Giám đốc Sở Tài chính", "lead"), ("Giám đốc Sở Nội vụ", "lead"),
                  ("Chủ tịch UBND các huyện, thành phố", "lead"), ("Thủ trưởng các cơ quan, đơn vị liên quan", "lead")],
                 id="execution-article-shared-title"),
    pytest.param("Quyết định này có hiệu lực kể từ ngày ký.\nChánh Văn phòng UBND tỉnh; Thủ trưởng các cơ quan: Văn "
                 "phòng UBND tỉnh, Sở Xây dựng, Sở Tài chính, Uỷ ban nhân dân cấp xã, các cơ quan, đơn vị có liên quan căn "
                 "cứ Quyết định thi hành./.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("Thủ trưởng Văn phòng UBND tỉnh", "lead"),
                  ("Thủ trưởng Sở Xây dựng", "lead"), ("Thủ trưởng Sở Tài chính", "lead"),
                  ("Thủ trưởng Uỷ ban nhân dân cấp xã", "lead"), ("Thủ trưởng các cơ quan, đơn vị có liên quan", "lead")],
                 id="title-over-a-generic-head-with-bodies-named-in-full"),
    pytest.param("Giám đốc Sở Tài chính; các cơ quan: Sở Xây dựng, Sở Nội vụ chịu trách nhiệm thi hành Quyết định này.",
                 [("Giám đốc Sở Tài chính", "lead"), ("Sở Xây dựng", "lead"), ("Sở Nội vụ", "lead")],
                 id="a-generic-head-without-a-title-lists-the-bodies"),
    # 001c610b2efdcf0c
    pytest.param("Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc các Sở, Thủ trưởng các cơ quan, đơn vị trực thuộc Ủy "
                 "ban nhân dân Thành phố, Chủ tịch Ủy ban nhân dân phường, xã, đặc khu và các đơn vị có liên quan chịu "
                 "trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân Thành phố", "lead"), ("Giám đốc các Sở", "lead"),
                  ("Thủ trưởng các cơ quan, đơn vị trực thuộc Ủy ban nhân dân Thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân phường, xã, đặc khu", "lead"), ("các đơn vị có liên quan", "lead")],
                 id="execution-article-commas"),
    # 27009faffc98b8aa
    pytest.param("Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Tư pháp, Nông nghiệp và Môi trường; Chủ tịch Ủy ban "
                 "nhân dân các xã, phường và đặc khu Lý Sơn; Thủ trưởng các cơ quan, đơn vị và các tổ chức, cá nhân có "
                 "liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc Sở Tư pháp", "lead"),
                  ("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các xã, phường và đặc khu Lý Sơn", "lead"),
                  ("Thủ trưởng các cơ quan, đơn vị", "lead"), ("các tổ chức, cá nhân có liên quan", "lead")],
                 id="execution-article-shared-title-after-comma"),
    # tests/gold 54 (1cde9b907469c65b)
    pytest.param("Các ông, bà: Chánh văn phòng Ủy ban nhân dân tỉnh; Chủ tịch Ủy ban nhân dân cấp xã; Thủ trưởng các "
                 "ngành, đơn vị liên quan và các đối tượng được bồi thường, hỗ trợ và tái định cư chịu trách nhiệm thi "
                 "hành Quyết định này./.",
                 [("Chánh văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Chủ tịch Ủy ban nhân dân cấp xã", "lead"),
                  ("Thủ trưởng các ngành, đơn vị liên quan", "lead"),
                  ("các đối tượng được bồi thường, hỗ trợ và tái định cư", "lead")], id="execution-article-cac-ong-ba"),
    # 448306af3d3a91f7: a ministry's own units; a name's comma part the scanner does not read stays in it.
    pytest.param("Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch, Tài chính, Viện trưởng Viện Văn hóa, Nghệ thuật, Thể thao và Du "
                 "lịch Việt Nam và Thủ trưởng các cơ quan liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Bộ", "lead"), ("Vụ trưởng Vụ Kế hoạch, Tài chính", "lead"),
                  ("Viện trưởng Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam", "lead"),
                  ("Thủ trưởng các cơ quan liên quan", "lead")], id="execution-ministry-units"),
    # 3da36bfda85c0a44: a resolution of the Ủy ban Thường vụ Quốc hội; a name no pattern knows ("Chính phủ").
    pytest.param("Chính phủ, Hội đồng nhân dân, Ủy ban nhân dân tỉnh Phú Thọ, chính quyền địa phương các đơn vị hành chính "
                 "liên quan đến việc thực hiện sắp xếp và các cơ quan, tổ chức khác có liên quan có trách nhiệm tổ chức thi "
                 "hành Nghị quyết này; sắp xếp, ổn định bộ máy các cơ quan, tổ chức ở địa phương.",
                 [("Chính phủ", "lead"), ("Hội đồng nhân dân", "lead"), ("Ủy ban nhân dân tỉnh Phú Thọ", "lead"),
                  ("chính quyền địa phương các đơn vị hành chính liên quan đến việc thực hiện sắp xếp", "lead"),
                  ("các cơ quan, tổ chức khác có liên quan", "lead")], id="execution-resolution-bare-names"),
    # a16f8b41d34cc524: qualifiers kept ("tại tỉnh Đồng Tháp", "cấp Tỉnh"); one determiner over the last list.
    pytest.param("Chánh Văn phòng Uỷ ban nhân dân Tỉnh, Giám đốc các Sở: Tài chính, Nông nghiệp và Môi trường; Thủ trưởng "
                 "cơ quan Kho bạc nhà nước, cơ quan Thuế tại tỉnh Đồng Tháp; Thủ trưởng các Sở, ban, ngành cấp Tỉnh; Chủ "
                 "tịch Ủy ban nhân dân xã, phường; các tổ chức, hộ gia đình, cá nhân có liên quan chịu trách nhiệm thi "
                 "hành Quyết định này.",
                 [("Chánh Văn phòng Uỷ ban nhân dân Tỉnh", "lead"), ("Giám đốc Sở Tài chính", "lead"),
                  ("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Thủ trưởng cơ quan Kho bạc nhà nước, cơ quan Thuế tại tỉnh Đồng Tháp", "lead"),
                  ("Thủ trưởng các Sở, ban, ngành cấp Tỉnh", "lead"), ("Chủ tịch Ủy ban nhân dân xã, phường", "lead"),
                  ("các tổ chức, hộ gia đình, cá nhân có liên quan", "lead")], id="execution-qualifiers-kept"),
    # adc1d34379e9829f: a title before a colon is each member's.
    pytest.param("Giám đốc Sở Nông nghiệp và Môi trường; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo "
                 "- Tin học tỉnh; Chủ tịch UBND cấp xã và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành "
                 "Quyết định này./.",
                 [("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "lead"),
                  ("Giám đốc Trung tâm Công báo - Tin học tỉnh", "lead"), ("Chủ tịch UBND cấp xã", "lead"),
                  ("các tổ chức, cá nhân có liên quan", "lead")], id="execution-title-over-a-colon-list"),
    # 322358d6040a153b, 750314c2c5666d56
    pytest.param("Các thành viên Ban Chỉ đạo, Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các cấp và "
                 "tổ chức, cá nhân khác có liên quan chịu trách nhiệm thi hành Quyết định này.",
                 [("Các thành viên Ban Chỉ đạo", "lead"), ("Bộ trưởng", "lead"), ("Thủ trưởng cơ quan ngang bộ", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các cấp", "lead"), ("tổ chức, cá nhân khác có liên quan", "lead")],
                 id="execution-a-title-after-a-group"),
    # tests/gold 62 (0a5a51958af8e293): the list after the effect sentence of Điều 3.
    pytest.param("Quyết định này có hiệu lực thi hành kể từ ngày ký.\nChánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở; "
                 "Thủ trưởng các ban, ngành, đơn vị cấp tỉnh chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc các sở", "lead"),
                  ("Thủ trưởng các ban, ngành, đơn vị cấp tỉnh", "lead")], id="execution-after-the-effect-sentence"),
    # tests/gold 76 (7bcbaa914bb254d9) Điều 4.2, NOTES-73-76 call 6: a restrictive "có …" clause after a group stays in it.
    pytest.param("Chánh Văn phòng Ủy ban nhân dân thành phố, Giám đốc Sở Nông nghiệp và Môi trường, Giám đốc Sở Tài chính, "
                 "Chủ tịch Ủy ban nhân dân các xã, đặc khu, phường có tài sản kết cấu hạ tầng cấp nước sạch nông thôn tập "
                 "trung và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân thành phố", "lead"), ("Giám đốc Sở Nông nghiệp và Môi trường", "lead"),
                  ("Giám đốc Sở Tài chính", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các xã, đặc khu, phường có tài sản kết cấu hạ tầng cấp nước sạch nông thôn "
                   + "tập trung", "lead"), ("các cơ quan, tổ chức, cá nhân có liên quan", "lead")],
                 id="execution-restrictive-clause-after-a-group"),
    pytest.param("Chánh Văn phòng Ủy ban nhân dân thành phố, Giám\nđốc Sở Tài chính, Chủ tịch Ủy ban nhân\ndân các xã, phường "
                 "có tài sản kết cấu hạ tầng cấp nước sạch nông thôn\ntập trung và các tổ chức, cá nhân có liên quan chịu "
                 "trách nhiệm thi\nhành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân thành phố", "lead"), ("Giám đốc Sở Tài chính", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các xã, phường có tài sản kết cấu hạ tầng cấp nước sạch nông thôn tập trung",
                   "lead"), ("các tổ chức, cá nhân có liên quan", "lead")], id="execution-restrictive-clause-line-breaks"),
    # abc00053e9811268, e452177a27361c26: "căn cứ Quyết định thi hành" closes the list as "chịu trách nhiệm thi hành" does.
    pytest.param("Thủ trưởng các cơ quan, đơn vị thuộc UBND tỉnh; Ủy ban nhân dân các xã, phường có tài sản công; các cơ "
                 "quan, tổ chức, cá nhân có liên quan căn cứ Quyết định thi hành./.",
                 [("Thủ trưởng các cơ quan, đơn vị thuộc UBND tỉnh", "lead"),
                  ("Ủy ban nhân dân các xã, phường có tài sản công", "lead"),
                  ("các cơ quan, tổ chức, cá nhân có liên quan", "lead")], id="execution-can-cu-quyet-dinh-thi-hanh"),
    # d71b3a48efad6d2c: "… chịu trách nhiệm tổ chức thực hiện Quy chế này"; the powers they act by are no part of them.
    pytest.param("Các cơ quan, tổ chức, cá nhân liên quan trong phạm vi chức năng, nhiệm vụ, quyền hạn của mình chịu trách "
                 "nhiệm tổ chức thực hiện Quy chế này.", [("Các cơ quan, tổ chức, cá nhân liên quan", "lead")],
                 id="execution-to-chuc-thuc-hien-powers-dropped"),
    pytest.param("Quyết định này có hiệu lực kể từ ngày ký.\nChánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, ban, "
                 "ngành tỉnh, Chủ tịch Ủy ban nhân dân các xã có trách nhiệm tổ chức thực hiện Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc các sở, ban, ngành tỉnh", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các xã", "lead")], id="execution-co-trach-nhiem-to-chuc-thuc-hien"),
    pytest.param("Sở Tài chính chủ trì, phối hợp với các cơ quan có liên quan thực hiện Kế hoạch này; các sở có trách nhiệm "
                 "tổ chức thực hiện các nhiệm vụ được giao.", [("Sở Tài chính", "lead"), ("các sở", "lead"),
                                                                ("các cơ quan có liên quan", "support")],
                 id="neg-thuc-hien-without-this-document-is-no-execution-marker"),
    pytest.param("Sở Tư pháp hướng dẫn và chịu trách nhiệm thi hành Quyết định này.", [("Sở Tư pháp", "lead")],
                 id="neg-a-subject-with-its-verb-is-no-addressee-list"),
    # tests/gold 87 (1a434d0a7e14dc93) Điều 4: a title over a bare group is each bare group's after it, the
    # categories of one piece under one qualifier whole; a member with its own title keeps it.
    pytest.param("Chánh Văn phòng Ủy ban nhân dân thành phố, Thủ trưởng\ncơ quan Trung ương trên địa bàn thành phố; cơ "
                 "quan chuyên môn, đơn vị sự nghiệp\ncông lập thuộc Ủy ban nhân dân thành phố; ban ngành thành phố và "
                 "Chủ tịch Ủy\nban nhân dân xã, phường chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân thành phố", "lead"),
                  ("Thủ trưởng cơ quan Trung ương trên địa bàn thành phố", "lead"),
                  ("Thủ trưởng cơ quan chuyên môn, đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân thành phố", "lead"),
                  ("Thủ trưởng ban ngành thành phố", "lead"), ("Chủ tịch Ủy ban nhân dân xã, phường", "lead")],
                 id="title-over-bare-groups-shared-across-pieces"),
    pytest.param("Giám đốc Sở Nội vụ; Thủ trưởng cơ quan, đơn vị thuộc tỉnh; đơn vị sự nghiệp công lập và các tổ chức, cá "
                 "nhân có liên quan chịu trách nhiệm thi hành Quyết định này.",
                 [("Giám đốc Sở Nội vụ", "lead"), ("Thủ trưởng cơ quan, đơn vị thuộc tỉnh", "lead"),
                  ("Thủ trưởng đơn vị sự nghiệp công lập", "lead"), ("các tổ chức, cá nhân có liên quan", "lead")],
                 id="title-shared-up-to-a-determiner"),
    # A title over a body with a proper name is that body's alone.
    pytest.param("Giám đốc Sở Tài chính; các sở, ngành và Ủy ban nhân dân các xã chịu trách nhiệm thi hành Quyết định này.",
                 [("Giám đốc Sở Tài chính", "lead"), ("các sở, ngành", "lead"), ("Ủy ban nhân dân các xã", "lead")],
                 id="neg-title-over-a-named-body-not-shared"),
]

# d3d459d0a856471f, e7cd8d423108e103, ca83e7689c9fc610: the article's first line, read as its title, begins the list.
HEADED_ADDRESSEE_CASES = [
    pytest.param("Chánh Văn phòng Ủy ban nhân dân", "Thành phố, Giám đốc Sở Khoa học và Công nghệ và các tổ chức, cá nhân có "
                 "liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng Ủy ban nhân dân Thành phố", "lead"), ("Giám đốc Sở Khoa học và Công nghệ", "lead"),
                  ("các tổ chức, cá nhân có liên quan", "lead")], id="title-line-inside-a-name"),
    pytest.param("Sở Tài chính", "Trung tâm Phục vụ hành chính công Thành phố; Các Sở, ban, ngành chịu trách nhiệm thi hành "
                 "Quyết định này./.",
                 [("Sở Tài chính", "lead"), ("Trung tâm Phục vụ hành chính công Thành phố", "lead"),
                  ("Các Sở, ban, ngành", "lead")], id="title-line-is-the-first-addressee"),
]

# The same sentences inside a plan's numbered item.
PLAN_ADDRESSEE_CASES = [
    pytest.param("Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Xây dựng, Chủ tịch Ủy ban nhân dân các quận, huyện và các tổ chức, cá nhân liên quan có trách nhiệm thi hành Quyết định này./.",
                 None, [("Chánh Văn phòng Ủy ban nhân dân Thành phố", "lead"), ("Giám đốc Sở Xây dựng", "lead"),
                        ("Chủ tịch Ủy ban nhân dân các quận, huyện", "lead"), ("các tổ chức, cá nhân liên quan", "lead")],
                 id="decision-addressees"),
    pytest.param("Ban Thường trực Ủy ban MTTQ xã và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này",
                 None, [("Ban Thường trực Ủy ban MTTQ xã", "lead"), ("các ông (bà) có tên tại Điều 1", "lead")],
                 id="persons-named-in-article"),
    pytest.param("Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương tổ chức triển khai Chỉ thị này.",
                 None, [("Bộ trưởng", "lead"), ("Thủ trưởng cơ quan ngang bộ", "lead"),
                        ("Chủ tịch Ủy ban nhân dân các tỉnh và thành phố trực thuộc trung ương", "lead")],
                 id="directive-addressees"),
    pytest.param("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Tư pháp; Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 None, [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc Sở Tư pháp", "lead"),
                        ("Thủ trưởng các sở, ban, ngành", "lead"), ("Chủ tịch UBND các xã", "lead"),
                        ("các tổ chức, cá nhân có liên quan", "lead")], id="addressees-one-per-semicolon"),
    pytest.param("Văn phòng UBND tỉnh; Giám đốc các sở; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh; Chủ tịch UBND cấp xã chịu trách nhiệm thi hành Quyết định này./.",
                 # each addressee keeps its title, as "Giám đốc các Sở: A, B" gives "Giám đốc Sở A" (tests/gold NOTES-60-63 call 3)
                 None, [("Văn phòng UBND tỉnh", "lead"), ("Giám đốc các sở", "lead"),
                        ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "lead"),
                        ("Giám đốc Trung tâm Công báo - Tin học tỉnh", "lead"), ("Chủ tịch UBND cấp xã", "lead")],
                 id="addressees-shared-title-colon"),
    pytest.param("Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tư pháp chịu trách nhiệm thi hành Quyết định này.",
                 None, [("Chánh Văn phòng Bộ", "lead"), ("Vụ trưởng Vụ Pháp chế", "lead"),
                        ("Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tư pháp", "lead")], id="vu-truong-and-thuoc-truc-thuoc"),
    pytest.param("Thủ trưởng các đơn vị trực thuộc Kiểm toán nhà nước, cán bộ, công chức của Kiểm toán nhà nước chịu trách nhiệm thi hành Quyết định này.",
                 None, [("Thủ trưởng các đơn vị trực thuộc Kiểm toán nhà nước", "lead"),
                        ("cán bộ, công chức của Kiểm toán nhà nước", "lead")], id="can-bo-cong-chuc-addressed"),
    pytest.param("Sở Y tế; Sở Tài chính; Sở Nội vụ.", None, [], id="neg-semicolon-list-without-marker"),
]

# Preamble and closing paragraphs that address units.
PARAGRAPH_CASES = [
    # 31 (6bac4a0d92da936d)
    pytest.param("preamble", "Nhằm khắc phục những tồn tại, hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, "
                 "ban, ngành và Chủ tịch UBND các xã, phường nâng cao trách nhiệm, tập trung thực hiện các nội dung sau:",
                 [("Thủ trưởng các sở, ban, ngành", "lead"), ("Chủ tịch UBND các xã, phường", "lead")],
                 id="preamble-chairman-asks"),
    # tests/gold 50 (2847e16133f7b987)
    pytest.param("closing", "Trên đây là Chỉ thị về tăng cường công tác quản lý, yêu cầu Giám đốc sở, Thủ trưởng cơ quan, ban, "
                 "ngành thành phố, Chủ tịch Ủy ban nhân dân xã, phường và các tổ chức, cá nhân có liên quan có trách nhiệm "
                 "tổ chức triển khai thực hiện nghiêm túc Chỉ thị này.",
                 [("Giám đốc sở", "lead"), ("Thủ trưởng cơ quan, ban, ngành thành phố", "lead"),
                  ("Chủ tịch Ủy ban nhân dân xã, phường", "lead"), ("các tổ chức, cá nhân có liên quan", "lead")],
                 id="closing-asks-addressees"),
    # tests/gold 53 (556b2fb4a0149576)
    pytest.param("closing", "Trên đây là Kế hoạch phát động Đợt thi đua; các cơ quan, đơn vị, địa phương, doanh nghiệp "
                 "nghiêm túc tổ chức, triển khai thực hiện./.",
                 [("các cơ quan, đơn vị, địa phương, doanh nghiệp", "lead")], id="closing-subject-carries-it-out"),
    pytest.param("preamble", "Căn cứ Nghị định số 30/2020/NĐ-CP; theo yêu cầu của Bộ Nội vụ tại Công văn số 12/BNV-VP;", [],
                 id="neg-preamble-theo-yeu-cau"),
    pytest.param("preamble", "Thời gian qua, một số đơn vị chưa đáp ứng yêu cầu các cơ quan đề ra.", [],
                 id="neg-preamble-without-a-subject-asking"),
    # 36 (8718801c503045f9)
    pytest.param("closing", "Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị các cơ quan, đơn vị, địa phương "
                 "phản ánh về Sở Khoa học và Công nghệ để phối hợp giải quyết./.", [], id="neg-conditional-reporting-route"),
]

CLOSING_CASES = [
    pytest.param("Trên đây là Kế hoạch của Ủy ban nhân dân phường; Đề nghị các phòng, đơn vị sự nghiệp, các đơn vị liên quan nghiêm túc triển khai thực hiện./.",
                 [("các phòng, đơn vị sự nghiệp", "lead"), ("các đơn vị liên quan", "lead")], id="closing-de-nghi-two-groups"),
    pytest.param("Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện đúng chức năng được giao; kịp thời báo cáo UBND tỉnh.",
                 [("các sở, ban, ngành và địa phương", "lead")], id="closing-collective-kept-whole"),
    pytest.param("Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo Ủy ban nhân dân tỉnh để xem xét./.",
                 [], id="closing-conditional-route-not-assignment"),
]

# Letters without numbered items: their body is the preamble (tests/gold NOTES-60-63 call 1).
LETTER_CASES = [
    # 06690fd4027d01c8: a Deputy Prime Minister's direction conveyed by Văn phòng Chính phủ.
    pytest.param("Kính gửi: Bộ trưởng Bộ Khoa học và Công nghệ.\nXét Tờ trình số 226/TTr-BKHCN của Bộ Khoa học và Công nghệ, "
                 "Phó Thủ tướng Chính phủ Nguyễn Chí Dũng có ý kiến như sau:\nBộ Khoa học và Công nghệ chủ trì, phối hợp với "
                 "Bộ Quốc phòng, Bộ Nội vụ và các bộ, cơ quan liên quan rà soát, làm rõ mô hình tổ chức.",
                 [("Bộ Khoa học và Công nghệ", "lead"), ("Bộ Quốc phòng", "support"), ("Bộ Nội vụ", "support"),
                  ("các bộ, cơ quan liên quan", "support")], id="leaders-direction-in-a-letter"),
    # 2c71d790ecdeb8d1: a level's body over a list of places, in running text.
    pytest.param("Phó Thủ tướng Chính phủ Trần Hồng Hà có ý kiến như sau:\nỦy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh, "
                 "Phú Thọ đẩy nhanh các thủ tục theo quy định của pháp luật.",
                 [("Ủy ban nhân dân tỉnh Ninh Bình", "lead"), ("Ủy ban nhân dân tỉnh Bắc Ninh", "lead"),
                  ("Ủy ban nhân dân tỉnh Phú Thọ", "lead")], id="shared-level-in-running-text"),
    # 005d8820eb95c1cb, f74ec909344a3ab3: a body's reading of the law asks its addressee; the law it quotes
    # and explains hands out nothing.
    pytest.param("Kính gửi: Thuế tỉnh Quảng Trị.\nVề vấn đề này, Cục Thuế có ý kiến như sau:\nTại khoản 7 Điều 39 Nghị định "
                 "số 126/2020/NĐ-CP quy định: “Thủ trưởng cơ quan quản lý thuế được chỉ định thầu. Bộ Tài chính hướng dẫn "
                 "cụ thể nội dung chi.”\nCơ quan thuế kiểm tra hồ sơ theo quy định. Do vậy, đề nghị Thuế tỉnh Quảng Trị "
                 "trao đổi với cơ quan có thẩm quyền trên địa bàn.",
                 [("Thuế tỉnh Quảng Trị", "lead")], id="a-bodys-opinion-asks-its-addressee"),
    # tests/gold 63 (edfc0349ad13b2bf): a reply that reports, with no request, assigns nothing.
    pytest.param("Kính gửi: Ủy ban Dân nguyện và Giám sát Quốc hội.\nVề kiến nghị này, Bộ Nông nghiệp và Môi trường xin "
                 "báo cáo như sau:\n- Để tránh gián đoạn, Bộ Nông nghiệp và Phát triển nông thôn đã có Văn bản số "
                 "375/BNN-TC về việc tạm thời áp dụng khung giá.", [], id="neg-a-reply-that-reports"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", ADDRESSEE_CASES)
def test_execution_articles(text, expected):
    assert article_roles(text) == expected


@pytest.mark.parametrize("heading,text,expected", HEADED_ADDRESSEE_CASES)
def test_articles_read_with_their_title(heading, text, expected):
    assert article_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected", PLAN_ADDRESSEE_CASES)
def test_addressees_in_a_plan(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("node_id,text,expected", PARAGRAPH_CASES)
def test_addressee_paragraphs(node_id, text, expected):
    assert pseudo_roles(node_id, text) == expected


@pytest.mark.parametrize("text,expected", CLOSING_CASES)
def test_closing(text, expected):
    assert pseudo_roles("closing", text) == expected


@pytest.mark.parametrize("text,expected", LETTER_CASES)
def test_letters_without_numbered_items(text, expected):
    assert pseudo_roles("preamble", text) == expected
