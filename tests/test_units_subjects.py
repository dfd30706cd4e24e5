"""Leads stated by a clause: the subject of a task sentence ("X chủ trì", "X có trách nhiệm", a body opening a
task sentence, a level word alone) and the units a request names ("Giao X", "Đề nghị X", "Yêu cầu X" after a
lead-in), with the negatives of each (the requester, petitions upwards, directed units, regulated parties).
"""

from __future__ import annotations

import pytest

from tests.factories import article_roles, task_roles

# fmt: off
SUBJECT_CASES = [
    pytest.param("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn việc quán triệt.", None,
                 [("Ban Tuyên giáo Tỉnh ủy", "lead"), ("các cơ quan liên quan", "support")], id="subject-chu-tri-phoi-hop"),
    pytest.param("- Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch.\n- Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.",
                 None, [("Sở Y tế", "lead"), ("Các Trung tâm y tế", "lead")], id="bullet-subjects"),
    pytest.param("- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.", None,
                 [("Mặt trận Tổ quốc", "lead"), ("Đoàn Thanh niên", "lead"), ("Hội Phụ nữ", "lead")],
                 id="member-organisations-split"),
    pytest.param("- Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung.", None,
                 [("Chủ tịch Ủy ban MTTQ xã", "lead")], id="honorific-dropped"),
    pytest.param("Trường hợp hộ gia đình khó khăn thì Ủy ban nhân dân xã, phường, thị trấn có trách nhiệm tổ chức xây dựng nhà ở.",
                 None, [("Ủy ban nhân dân xã, phường, thị trấn", "lead")], id="thi-co-trach-nhiem"),
    pytest.param("Các sở, ban, ngành liên quan theo chức năng nhiệm vụ được giao phối hợp với các địa phương triển "
                 "khai thực hiện Chỉ thị này.", None,
                 [("Các sở, ban, ngành liên quan", "lead"), ("các địa phương", "support")],
                 id="subject-with-adverbial-without-comma-leads"),
    # tests/gold 60 (75a0867a09525909) 2.6, adf53d885efc1c23
    pytest.param("Ủy ban nhân dân tỉnh Ninh Bình theo chức năng, nhiệm vụ, thẩm quyền chỉ đạo các cơ quan liên quan thúc đẩy "
                 "tiến độ.", None, [("Ủy ban nhân dân tỉnh Ninh Bình", "lead")], id="powers-listed-before-the-verb"),
    pytest.param("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm phối hợp cùng các cơ quan chuyên môn thuộc các bộ, ngành Trung ương huy động vốn.",
                 None, [("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này", "lead"),
                        ("các cơ quan chuyên môn thuộc các bộ, ngành Trung ương", "support")], id="subject-described-then-marker"),
    # tests/gold 70 (abca9704d4c889cd) II.3: the powers the subject acts by, to their comma.
    pytest.param("Các bộ, ngành trên cơ sở nhiệm vụ được giao tại các văn bản nêu trên, hoàn thiện cơ sở dữ liệu quốc gia, "
                 "phối hợp với Bộ Công an, Bộ Khoa học và Công nghệ thực hiện kết nối.", None,
                 [("Các bộ, ngành", "lead"), ("Bộ Công an", "support"), ("Bộ Khoa học và Công nghệ", "support")],
                 id="subject-acting-by-its-tasks-under-documents"),
    # tests/gold 80 (9b7eebadf7081069) III.2.1: a linking lead-in after ";" goes on in lower case; a sector by its name
    pytest.param("- Triển khai đồng bộ các biện pháp quản lý thuế; trong đó, tăng cường công tác thanh tra; đồng thời,\n"
                 "ngành Thuế phối hợp chặt chẽ với các ngành, các cấp thực hiện chống thất thu thuế.", None,
                 [("ngành Thuế", "lead"), ("các ngành, các cấp", "support")], id="named-sector-after-dong-thoi"),
    pytest.param("Rà soát các khoản thu; ngoài ra, Sở Y tế tổ chức kiểm tra an toàn thực phẩm.", None,
                 [("Sở Y tế", "lead")], id="body-after-lower-case-ngoai-ra"),
    pytest.param("- Ngành Giáo dục và Đào tạo chủ trì tổ chức tuyên truyền trong trường học.", None,
                 [("Ngành Giáo dục và Đào tạo", "lead")], id="named-sector-opens-a-bullet"),
    pytest.param("Rà soát các khoản thu; đồng thời, tổ chức kiểm tra các đơn vị.", None, [],
                 id="dong-thoi-then-a-verb-names-nobody"),
    pytest.param("Rà soát các khoản thu; đồng thời, các ngành kinh tế tăng trưởng ổn định.", None,
                 [], id="dong-thoi-then-a-statement-of-growth-assigns-nothing"),
    # tests/gold 90 (001c610b2efdcf0c) IV.7, NOTES-83-86 call 1: a group named by the role handed to it is no body
    pytest.param("- Các cơ quan, đơn vị được phân công nhiệm vụ có trách nhiệm thực hiện nghiêm túc theo đúng tiến độ.",
                 None, [], id="role-term-duoc-phan-cong-nhiem-vu"),
    pytest.param("Trường hợp nội dung liên quan nhiều lĩnh vực thì sở, ban, ngành được giao chủ trì có trách nhiệm phối "
                 "hợp với\ncơ quan liên quan để giải quyết.", None, [("cơ quan liên quan", "support")],
                 id="role-term-duoc-giao-chu-tri-wrapped-its-partner-still-supports"),
    pytest.param("Các cơ quan, đơn vị được giao phối hợp tại Quy chế này có trách nhiệm trả lời bằng văn bản.", None, [],
                 id="role-term-with-this-document"),
    pytest.param("Các cơ quan, đơn vị được giao quản lý các sông, hồ có trách nhiệm phối hợp kiểm tra.", None,
                 [("Các cơ quan, đơn vị được giao quản lý các sông, hồ", "lead")], id="group-said-by-what-it-manages-leads"),
    # 45fb7c4784bcce3a Chương V.Điều 11: the members' duty with their body's name wrapped at its dash
    pytest.param("Thành viên Hội đồng Thi đua\n- Khen thưởng tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị, địa "
                 "phương liên quan có trách nhiệm tổ chức thực hiện Quy định này.", None,
                 [("Thành viên Hội đồng Thi đua - Khen thưởng tỉnh", "lead"), ("Giám đốc Sở Nội vụ", "lead"),
                  ("Thủ trưởng các cơ quan, đơn vị, địa phương liên quan", "lead")], id="members-duty-name-wrapped-at-its-dash"),
    pytest.param("Thành viên Ban Chỉ đạo gồm Giám đốc Sở Y tế, Giám đốc Sở Tài chính.\nSở Y tế có trách nhiệm tổ chức họp.",
                 None, [("Sở Y tế", "lead")], id="members-list-ends-at-its-sentence"),
    # a unit and its explicit marker after a comma, whatever the clause before it: be5392d4f50c27a6 Điều 15.3,
    # c22591f10eec1dab Điều 17.1
    pytest.param("Chậm nhất là 15 ngày, trước ngày khai mạc kỳ họp thường lệ của HĐND tỉnh, Văn phòng UBND tỉnh chịu "
                 "trách nhiệm tham mưu giúp UBND tỉnh tổng hợp kết quả.", None, [("Văn phòng UBND tỉnh", "lead")],
                 id="marked-subject-after-a-time-clause"),
    pytest.param("Chậm nhất là 05 ngày làm việc kể từ ngày hoàn thành việc chấm thi (kể cả phúc khảo, nếu có), Hội đồng "
                 "tuyển dụng có trách nhiệm tổng hợp kết quả.", None, [("Hội đồng tuyển dụng", "lead")],
                 id="marked-subject-after-a-parenthesis"),
    # tests/gold 106 item 1: the subject and its marker inside a bracket
    pytest.param("- Nắm chắc cơ sở dữ liệu về Doanh nghiệp, báo cáo kịp thời cho UBND tỉnh hằng tháng, quý, 6 tháng, năm (Sở "
                 "Kế hoạch và Đầu tư chịu trách nhiệm tổng hợp báo cáo chung toàn tỉnh).", None,
                 [("Sở Kế hoạch và Đầu tư", "lead")], id="marked-subject-inside-a-bracket"),
    pytest.param("Báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12.", None, [],
                 id="neg-route-in-a-bracket"),
    pytest.param("Thực hiện thanh toán dứt điểm khối lượng hoàn thành (Sở Tài chính đã có Văn bản số 123/STC-NS ngày "
                 "05/3/2024 hướng dẫn).", None, [], id="neg-a-fact-in-a-bracket"),
    pytest.param("Kết thúc các sự kiện văn hóa, thể thao, du lịch, các cơ quan chủ trì sự kiện phải có trách nhiệm thu "
                 "gom chất thải.", None, [], id="role-term-after-a-comma-cac-co-quan-chu-tri"),
    pytest.param("Sau khi kết thúc đợt kiểm tra, tổ chức, cá nhân có liên quan có trách nhiệm khắc phục tồn tại.", None,
                 [], id="lower-case-category-after-a-comma-is-not-read-there"),
    pytest.param("Khi có yêu cầu, Sở Y tế, Sở Tài chính có trách nhiệm cử cán bộ tham gia.", None,
                 [("Sở Y tế", "lead"), ("Sở Tài chính", "lead")], id="subject-list-after-a-lead-in-read-once"),
    # 322358d6040a153b: the members' duty, not a list of members.
    pytest.param("Thành viên Ban Chỉ đạo có trách nhiệm tham gia đầy đủ các hoạt động của Ban Chỉ đạo.", None,
                 [("Thành viên Ban Chỉ đạo", "lead")], id="members-duty"),
    pytest.param("Thành viên: Giám đốc Sở Y tế, Giám đốc Sở Tài chính.", None, [], id="neg-members-list"),
    # 45fb7c4784bcce3a: the council of each member of a group.
    pytest.param("Căn cứ chức năng, nhiệm vụ của Hội đồng Thi đua - Khen thưởng tỉnh, Hội đồng Thi đua - Khen thưởng các cơ "
                 "quan, đơn vị, địa phương có trách nhiệm phối hợp thực hiện.", None,
                 [("Hội đồng Thi đua - Khen thưởng các cơ quan, đơn vị, địa phương", "lead")], id="body-of-each-member"),
    pytest.param("Các cơ quan, đơn vị, địa phương; các Cụm, Khối thi đua thuộc tỉnh có trách nhiệm tổ chức triển khai thực "
                 "hiện nghiêm túc Quy định này.", None,
                 [("Các cơ quan, đơn vị, địa phương", "lead"), ("các Cụm, Khối thi đua thuộc tỉnh", "lead")],
                 id="groups-by-semicolon-before-the-marker"),
    pytest.param("Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì lập Đề án.", None,
                 [("Sở Xây dựng", "lead")], id="proposer-is-not-assignee"),
    pytest.param("Sau khi Ủy ban nhân dân Thành phố phê duyệt Đề án, Sở Tài chính lập thủ tục bố trí kinh phí.", None,
                 [("Sở Tài chính", "lead")], id="subordinate-clause-subject-skipped"),
]

# A collective without a determiner leads only by an explicit marker (data: groups.categories; tests/gold NOTES-73-76
# call 6); role words of a procedure ("Cơ quan phối hợp", "cơ quan có thẩm quyền") and liabilities are no leads.
CATEGORY_SUBJECT_CASES = [
    # tests/gold 75 (d2c5b73468786a99) Điều 3.1
    pytest.param("Tổ chức, cá nhân có trách nhiệm tuân thủ các quy định về hành lang bảo vệ đê điều trên địa bàn tỉnh Phú "
                 "Thọ.", None, [("Tổ chức, cá nhân", "lead")], id="category-co-trach-nhiem"),
    # 50693ea4bb4bda20
    pytest.param("Cơ quan thuế có trách nhiệm đôn đốc người nộp thuế thực hiện nộp các khoản nghĩa vụ tài chính.", None,
                 [("Cơ quan thuế", "lead")], id="category-with-its-field"),
    # ef57df9384270c6e: the clause after "được giao" says which members.
    pytest.param("Các cơ quan, đơn vị được giao quản lý các sông, hồ, kênh, mương có trách nhiệm phối hợp với đơn vị thoát "
                 "nước.", None, [("Các cơ quan, đơn vị được giao quản lý các sông, hồ, kênh, mương", "lead")],
                 id="group-handed-a-task-keeps-its-clause"),
    # 72f18ee047b71e9a: a restrictive "có …" clause names which firms, up to the marker.
    pytest.param("Doanh nghiệp có hạ tầng mạng viễn thông có trách nhiệm chủ động đề xuất, lập kế hoạch phát triển hạ tầng.",
                 None, [("Doanh nghiệp có hạ tầng mạng viễn thông", "lead")], id="category-with-a-having-clause"),
    # 1fa949f85858c62f (tests/gold 67 Điều 5, NOTES-64-67 call 5): a regulated party inside a procedure's step.
    pytest.param("Trường hợp cửa hàng tạm dừng bán hàng, doanh nghiệp có trách nhiệm thông báo đến Sở Công Thương.", None, [],
                 id="neg-party-after-a-lead-in"),
    # 6bac4a0d92da936d, 50693ea4bb4bda20: a role in a procedure.
    pytest.param("Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản trong thời hạn 05 ngày làm việc.", None, [],
                 id="neg-category-naming-a-role"),
    # c22591f10eec1dab
    pytest.param("Cơ quan có thẩm quyền tuyển dụng có trách nhiệm yêu cầu cơ quan có thẩm quyền cung cấp lý lịch tư pháp.",
                 None, [], id="neg-competent-authority-is-a-role"),
    # 5fc0868aeac2f15a
    pytest.param("Cá nhân cam kết chịu trách nhiệm trước pháp luật về tính chính xác của hồ sơ.", None, [],
                 id="neg-a-liability-is-no-task"),
    pytest.param("Tổ chức tập huấn cho cán bộ, công chức có trách nhiệm thực hiện.", None, [],
                 id="neg-to-chuc-opening-a-task-is-a-verb"),
    pytest.param("Doanh nghiệp, tổ chức nộp 01 bộ hồ sơ theo quy định đến Bộ phận một cửa.", None, [],
                 id="neg-category-without-a-marker"),
]

# Thông báo kết luận (74e2ddc7b11340da, a Government steering committee's conclusions): run-in enumerations, the
# leaders addressed as "Các đồng chí …", bases that run on before the verb.
CONCLUSION_CASES = [
    pytest.param("(1) Thanh tra Chính phủ ban hành trước ngày 25 tháng 11 năm 2025; (2) Bộ Công an chủ trì, phối hợp các bộ, "
                 "cơ quan liên quan ban hành hướng dẫn.", "Khẩn trương xây dựng và ban hành chiến lược chuyển đổi số",
                 [("Thanh tra Chính phủ", "lead"), ("Bộ Công an", "lead"), ("các bộ, cơ quan liên quan", "support")],
                 id="run-in-enumeration"),
    pytest.param("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các "
                 "tỉnh, thành phố trực thuộc trung ương phải phát huy vai trò nêu gương của người đứng đầu.",
                 "Quyết liệt trong chỉ đạo, điều hành, chịu trách nhiệm đến cùng",
                 [("Bộ trưởng", "lead"), ("Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "lead")], id="cac-dong-chi-leaders"),
    pytest.param("Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần quyết liệt triển khai Chương trình tín "
                 "dụng.", None, [("Ngân hàng Nhà nước Việt Nam", "lead"), ("các ngân hàng thương mại cổ phần", "lead")],
                 id="quyet-liet-opens-the-predicate"),
    # "dự thảo" / "soạn thảo" before the document drafted is the body's verb, not a noun of its name.
    pytest.param("Sau khi có kết quả xác định, Sở Dân tộc và Tôn\ngiáo dự thảo Quyết định trình Ủy ban nhân dân thành phố "
                 "phê duyệt.", None, [("Sở Dân tộc và Tôn giáo", "lead")], id="du-thao-ends-the-name"),
    pytest.param("Sở Nội vụ soạn thảo văn bản trình Ủy ban nhân dân tỉnh.", None, [("Sở Nội vụ", "lead")],
                 id="soan-thao-ends-the-name"),
    # The copula names the body's role in the work: the standing body and the focal point lead, as the chair does;
    # the standing body of another body is a description.
    pytest.param("- Sở Khoa học và Công nghệ là cơ quan thường trực, chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện "
                 "Kế hoạch.", "Công tác theo dõi, kiểm tra", [("Sở Khoa học và Công nghệ", "lead")],
                 id="la-co-quan-thuong-truc"),
    pytest.param("Sở Khoa học và Công nghệ là cơ quan đầu mối tiếp nhận, quản lý, khai thác dữ liệu.", None,
                 [("Sở Khoa học và Công nghệ", "lead")], id="la-co-quan-dau-moi"),
    pytest.param("Sở Tư pháp là cơ quan thường trực của Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh.", None, [],
                 id="neg-thuong-truc-cua-another-body"),
    pytest.param("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì tổ chức hội thảo phản biện.", None,
                 [("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "lead")], id="lien-hiep-cac-hoi-capital-h"),
    pytest.param("Sở Khoa học và Công nghệ chủ trì, phối hợp với doanh nghiệp, viện nghiên cứu, trường đại học triển khai "
                 "các nhiệm vụ.", None, [("Sở Khoa học và Công nghệ", "lead"), ("doanh nghiệp", "support"),
                                         ("viện nghiên cứu", "support"), ("trường đại học", "support")],
                 id="research-partners-by-category"),
    # tests/gold 170 Điều 3.3 (a Standing Committee resolution): the bodies that oversee it, the delegation of deputies
    # written with "Đoàn" in lower-case words before "Quốc hội".
    pytest.param("Hội đồng Dân tộc, các Ủy ban của Quốc hội, Đoàn đại biểu Quốc hội và đại biểu Quốc hội tỉnh Đồng Nai, "
                 "trong phạm vi nhiệm vụ, quyền hạn của mình, giám sát việc thực hiện Nghị quyết này.", None,
                 [("Hội đồng Dân tộc", "lead"), ("các Ủy ban của Quốc hội", "lead"), ("Đoàn đại biểu Quốc hội", "lead"),
                  ("đại biểu Quốc hội tỉnh Đồng Nai", "lead")], id="oversight-list-doan-dai-bieu"),
    pytest.param("Các bộ, ngành, địa phương căn cứ chức năng, nhiệm vụ được giao, thực trạng, hướng dẫn của Bộ Khoa học và "
                 "Công nghệ khẩn trương đăng ký nhu cầu kinh phí.", None, [("Các bộ, ngành, địa phương", "lead")],
                 id="bases-run-on-before-the-verb"),
    pytest.param("Thời gian: (1) Quý I năm 2026; (2) Quý II năm 2026.", None, [], id="neg-enumeration-of-dates"),
]

# tests/gold NOTES-73-76 call 3: a reporting route inside a numbered item gives its subjects leads.
CONDITION_CASES = [
    # tests/gold 73 (2dd703fa6cbbc87b) Điều 6.3: the receiving body and the routing one are not recorded.
    pytest.param("Trong quá trình tổ chức thực hiện, nếu có phát sinh vướng mắc, các cơ quan, tổ chức, đơn vị phản ánh về Ủy "
                 "ban nhân dân tỉnh (thông qua Sở Tài chính) để xem xét, giải quyết theo quy định./.", None,
                 [("các cơ quan, tổ chức, đơn vị", "lead")], id="route-inside-an-item"),
    # tests/gold 76 (7bcbaa914bb254d9) Điều 3.3
    pytest.param("Trong quá trình thực hiện Quyết định này, nếu có phát sinh vướng mắc yêu cầu các Sở, ban, ngành, Ủy ban "
                 "nhân dân các xã, phường, đặc khu, các cơ quan, đơn vị, doanh nghiệp, tổ chức, cá nhân phản ánh kịp thời "
                 "về Sở Nông nghiệp và Môi trường để tổng hợp, báo cáo Ủy ban nhân dân thành phố.", None,
                 [("các Sở, ban, ngành", "lead"), ("Ủy ban nhân dân các xã, phường, đặc khu", "lead"),
                  ("các cơ quan, đơn vị, doanh nghiệp, tổ chức, cá nhân", "lead")], id="request-on-a-condition"),
    # 128b34e0abc1c504
    pytest.param("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Văn "
                 "phòng UBND tỉnh để tổng hợp, tham mưu Chủ tịch UBND tỉnh xem xét.", None,
                 [("các cơ quan, đơn vị, địa phương", "lead")], id="route-after-two-conditions"),
    pytest.param("Kiểm tra chất lượng nước; nếu có vướng mắc, hướng dẫn, yêu cầu các đơn vị khắc phục.", None, [],
                 id="neg-request-inside-a-task-on-a-condition"),
]

# Emulation plans (Kế hoạch thi đua): under a heading that states the contest's rules a bare subject states a rule,
# an explicit trigger still assigns (tests/gold NOTES-70-72 call 3); the nearest title line decides.
CONTEST_CASES = [
    # tests/gold 71 (3a2db039af8c2d05) III.4.a
    pytest.param("Trên cơ sở kết quả kiểm tra, đánh giá, chấm điểm của Sở Y tế (Chi cục Dân số - Xã hội), Hội đồng thi đua họp "
                 "xét đánh giá các xã, phường, các tổ chức cung cấp dịch vụ chi trả.", None, [], "Cách thức xếp hạng",
                 id="neg-contest-rule-subject"),
    # tests/gold 71 III.3.a
    pytest.param("Trên cơ sở kết quả thực hiện các chỉ tiêu tại điểm 1 Mục III Kế hoạch, giao Sở Y tế thành lập đoàn tổ chức "
                 "kiểm tra, đánh giá kết quả thực hiện.", None, [("Sở Y tế", "lead")], "Tiêu chí đánh giá, xếp loại",
                 id="contest-rule-section-explicit-request"),
    pytest.param("Hội đồng Thi đua - Khen thưởng tỉnh chủ trì chấm điểm, xếp hạng các cụm, khối thi đua.", None,
                 [("Hội đồng Thi đua - Khen thưởng tỉnh", "lead")], "Thang điểm và cách thức xếp hạng",
                 id="contest-rule-section-chu-tri"),
    # tests/gold 71 III.2.a: "Phương án triển khai" is a task section, whatever its section's long title says.
    pytest.param("Ủy ban nhân dân xã, phường huy động nguồn lực, tổ chức triển khai hoạt động tuyên truyền.", None,
                 [("Ủy ban nhân dân xã, phường", "lead")], "Phương án triển khai", id="contest-plan-task-section"),
    pytest.param("Ban Thi đua - Khen thưởng Sở Nội vụ chủ trì, phối hợp với các cụm, khối thi đua tổng hợp kết quả.", None,
                 [("Ban Thi đua - Khen thưởng Sở Nội vụ", "lead"), ("các cụm, khối thi đua", "support")], "Tổ chức thực hiện",
                 id="contest-board-and-clusters"),
    pytest.param("Trưởng các cụm, khối thi đua chủ trì tổ chức ký kết giao ước thi đua.", None,
                 [("Trưởng các cụm, khối thi đua", "lead")], "Tổ chức thực hiện", id="contest-cluster-heads"),
]

# tests/gold NOTES-50-52 call 11: a place's level word alone stands for its authorities (data: groups.level_subjects).
LEVEL_SUBJECT_CASES = [
    # tests/gold 51 (296e373d796986f4) II.2
    pytest.param("Về việc hỗ trợ 20 xe ô tô chuyên dùng cứu thương: Tỉnh căn cứ các quy định hiện hành để sắp xếp bố trí "
                 "xe ô tô phục vụ công tác.", None, [("Tỉnh", "lead")], id="level-word-after-a-run-in-label"),
    pytest.param("Trường hợp còn thiếu, Tỉnh tổng hợp nhu cầu, báo cáo Bộ Tài chính.", None, [("Tỉnh", "lead")],
                 id="level-word-after-a-lead-in"),
    # a line that does not end a sentence: "Thành phố" there is no subject of its own
    pytest.param("Hội đồng nhân dân\nThành phố ban hành Nghị quyết.", None, [("Hội đồng nhân dân", "lead")],
                 id="neg-level-word-ending-a-wrapped-name"),
]

REQUEST_CASES = [
    pytest.param("Giao Sở Tài chính chủ trì tham mưu bố trí kinh phí.", None, [("Sở Tài chính", "lead")], id="giao"),
    # ef57df9384270c6e Điều 15.5: "giao X xem xét đề xuất" hands the work down; "đề nghị X xem xét" petitions upwards
    pytest.param("Đối với các công trình trọng điểm, cấp bách theo chỉ đạo của Ủy ban nhân dân thành phố, giao Công an "
                 "thành phố xem xét đề xuất thời gian vận chuyển phù hợp.", None, [("Công an thành phố", "lead")],
                 id="giao-xem-xet-is-handed-down"),
    pytest.param("Sở Tài chính tổng hợp, đề nghị Bộ Tài chính xem xét, bổ sung kinh phí.", None, [("Sở Tài chính", "lead")],
                 id="de-nghi-xem-xet-petitions-upwards"),
    pytest.param("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố, Hội Cựu chiến binh Thành phố phát động các cuộc vận động.",
                 None, [("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "lead"), ("Hội Liên hiệp Phụ nữ Thành phố", "lead"),
                        ("Hội Cựu chiến binh Thành phố", "lead")], id="de-nghi-front-organisations"),
    pytest.param("Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và các đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
                 None, [("Thường trực Hội đồng nhân dân", "lead"), ("các Ban của Hội đồng nhân dân", "lead"),
                        ("các Tổ đại biểu", "lead"), ("các đại biểu Hội đồng nhân dân tỉnh", "lead")], id="council-organs-supervise"),
    pytest.param("Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các đơn vị có liên quan thực hiện nghiêm túc./.", None,
                 [("các sở, ban, ngành", "lead"), ("Ủy ban nhân dân các xã, phường", "lead"), ("các đơn vị có liên quan", "lead")],
                 id="yeu-cau-administration-bodies"),
    pytest.param("Chủ tịch Ủy ban nhân dân Thành phố đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện.", None,
                 [("các cơ quan, đơn vị", "lead")], id="requester-is-not-lead"),
    # tests/gold 70 (abca9704d4c889cd) II, NOTES-70-72 call 2: a Thông báo kết luận answers the locality's proposals; the
    # proposal is the label, the answer after its colon assigns.
    pytest.param("Về đề nghị các bộ, ngành quan tâm sớm rà soát, ban hành các văn bản hướng dẫn: Ủy ban nhân dân thành phố "
                 "Đà Nẵng cần tiếp tục rà soát các nội dung về phân cấp, phân quyền; phối hợp với Bộ Nội vụ tổng hợp.",
                 "Về đề nghị các bộ, ngành quan tâm sớm rà soát, ban hành các",
                 [("Ủy ban nhân dân thành phố Đà Nẵng", "lead"), ("Bộ Nội vụ", "support")], id="answer-to-a-proposal"),
    pytest.param("Về đề nghị Bộ Khoa học và Công nghệ phối hợp với các bộ, ngành rà soát cơ sở dữ liệu quốc gia: Về vấn đề "
                 "này, Chính phủ đã ban hành Nghị quyết số 214/NQ-CP. Các bộ, ngành hoàn thiện cơ sở dữ liệu, phối hợp với "
                 "Bộ Công an thực hiện kết nối.", None, [("Các bộ, ngành", "lead"), ("Bộ Công an", "support")],
                 id="neg-the-proposal-is-no-request"),
    pytest.param("Về kiến nghị hỗ trợ kinh phí: đề nghị Bộ Tài chính xem xét, cân đối nguồn vốn.", None, [],
                 id="neg-petition-in-an-answer"),
    # 29825a0f7313b49a, 9ca435f010e53248: a tax office's reply asks the company it answers.
    pytest.param("Về thủ tục hải quan: đề nghị Công ty nghiên cứu quy định tại Điều 67 Thông tư số 38/2015/TT-BTC để thực "
                 "hiện.", None, [("Công ty", "lead")], id="reply-asks-the-company"),
    pytest.param("Đề nghị Công ty căn cứ các quy định nêu trên để thực hiện./.", None, [("Công ty", "lead")],
                 id="reply-asks-the-company-can-cu"),
    pytest.param("Theo trình bày của Công ty, hàng hóa được nhập khẩu để gia công.", None, [], id="neg-company-as-a-source"),
    pytest.param("Hội đồng kính đề nghị Bộ trưởng Bộ Y tế xem xét, quyết định.", None, [], id="neg-petition-upwards"),
    pytest.param("- Trường hợp thiếu thông tin thì gửi văn bản đề nghị cơ quan, đơn vị có liên quan cung cấp thông tin.", None, [],
                 id="neg-van-ban-de-nghi"),
    pytest.param("Thủ tục thẩm định việc chuyển giao đơn vị sự nghiệp công lập giữa các bộ.", None, [], id="neg-chuyen-giao-is-not-giao"),
    pytest.param("- Thông tin và đề nghị biểu dương các tổ chức, cá nhân làm tốt công tác dân vận.", None, [],
                 id="neg-de-nghi-bieu-duong"),
    pytest.param("- Thanh tra, kiểm tra, xử lý theo thẩm quyền hoặc đề nghị cơ quan có thẩm quyền xử lý vi phạm.", None, [],
                 id="neg-co-quan-co-tham-quyen"),
    pytest.param("Yêu cầu các cơ sở sản xuất, kinh doanh thuộc đối tượng phải lập hồ sơ môi trường.", None, [],
                 id="neg-yeu-cau-regulated-parties"),
    pytest.param("b) Rà soát, yêu cầu các tổ chức, doanh nghiệp thực hiện chương trình đăng ký lại.", None, [],
                 id="neg-yeu-cau-inside-task"),
]

# tests/gold NOTES-60-63 call 5: the lead-in sentence of a numbered node that addresses units.
LEAD_IN_REQUEST_CASES = [
    # tests/gold 60 (75a0867a09525909) item 2
    pytest.param("Để đảm bảo chất lượng, tiến độ hoàn thành 02 công trình dự án, phấn đấu hoàn thành xây dựng trước ngày 30 "
                 "tháng 11 năm 2025, yêu cầu Bộ Y tế, Ban Quản lý dự án, các nhà thầu và các bộ, cơ quan liên quan theo "
                 "chức năng, nhiệm vụ, thẩm quyền tiếp tục quyết tâm, nỗ lực, trong đó lưu ý một số nội dung như sau:", None,
                 [("Bộ Y tế", "lead"), ("Ban Quản lý dự án", "lead"), ("các nhà thầu", "lead"),
                  ("các bộ, cơ quan liên quan", "lead")], id="yeu-cau-after-a-purpose-clause"),
    # 35 (05729ab54fc07c39) item 3: the whole sentence is the title line.
    pytest.param("", "Trong thời gian tới, yêu cầu các bộ, ngành tập trung thực hiện một số nhiệm vụ như sau",
                 [("các bộ, ngành", "lead")], id="yeu-cau-in-a-title-line"),
    pytest.param("Nếu không đạt, phải hướng dẫn, yêu cầu các đơn vị có biện pháp khắc phục.", None, [],
                 id="neg-yeu-cau-after-another-task-verb"),
    # tests/gold 115 (vht534) section II: the purpose runs over semicolons before the request
    pytest.param("Để đẩy nhanh tiến độ triển khai thực hiện 02 Chương trình mục tiêu quốc gia trên địa bàn tỉnh trong thời "
                 "gian tới; đảm bảo giải ngân đạt kết quả cao nhất; yêu cầu Thủ trưởng các sở, ban ngành tỉnh, Chủ tịch "
                 "UBND các huyện, thị xã, thành phố cần phải nỗ lực, quyết tâm nhiều hơn nữa.", None,
                 [("Thủ trưởng các sở, ban ngành tỉnh", "lead"), ("Chủ tịch UBND các huyện, thị xã, thành phố", "lead")],
                 id="yeu-cau-after-a-purpose-over-semicolons"),
    pytest.param("Nhằm bảo đảm an toàn giao thông dịp Tết; yêu cầu Công an tỉnh tăng cường tuần tra, kiểm soát.", None,
                 [("Công an tỉnh", "lead")], id="yeu-cau-after-nham-and-a-semicolon"),
    pytest.param("Kiểm tra hồ sơ của các nhà thầu; yêu cầu các nhà thầu bổ sung hồ sơ còn thiếu.", None, [],
                 id="neg-yeu-cau-after-a-task-clause"),
    pytest.param("Để đẩy nhanh tiến độ. Rà soát hồ sơ; yêu cầu các đơn vị bổ sung.", None, [],
                 id="neg-purpose-in-an-earlier-sentence"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", SUBJECT_CASES + CATEGORY_SUBJECT_CASES + CONDITION_CASES
                         + CONCLUSION_CASES + LEVEL_SUBJECT_CASES)
def test_subjects(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected,section", CONTEST_CASES)
def test_contest_rules(text, heading, expected, section):
    assert task_roles(text, heading, section) == expected


def test_level_word_in_a_regulation_states_a_policy():
    # 06c6f91f5c3b4c21: "Thành phố hỗ trợ 50% thuế …" is an article's rule, not a task.
    assert article_roles("Thành phố hỗ trợ 50% thuế thu nhập cá nhân đối với thu nhập từ tiền lương.") == []


@pytest.mark.parametrize("text,heading,expected", REQUEST_CASES + LEAD_IN_REQUEST_CASES)
def test_requests(text, heading, expected):
    assert task_roles(text, heading) == expected


def test_request_inside_a_task_directs():
    # tests/gold 50: "hướng dẫn, yêu cầu các đơn vị có biện pháp khắc phục" names directed units.
    assert task_roles("Kiểm tra chất lượng nước; nếu không đạt, phải hướng dẫn, yêu cầu các đơn vị có biện pháp khắc phục.") == []
