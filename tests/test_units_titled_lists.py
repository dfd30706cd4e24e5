"""Lists of titled bodies and the names inside them, as provincial directives and decisions write them: members split
at ";" and at "và" between distinct heads ("Tòa án nhân dân tỉnh; Viện kiểm sát nhân dân tỉnh"), a shared level over
places that carry their own level word ("Chủ tịch UBND các huyện: Bình Sơn, …, thị xã Đức Phổ"), fixed collectives
kept whole ("cơ quan thông tấn, báo chí"), names that hold commas or "và" (a firm's name after its type, a board over
its zones) and names that end before the verb ("Ngân hàng Nhà nước - Chi nhánh …"). The addressee paragraphs of a
directive's preamble and closing, and a letter's one request, lead and support there (tests/gold NOTES-101-104,
NOTES-105-108 calls 2-8 and 11, NOTES-109-112 calls 4 and 8). Place names are made up where the row is not a
document's.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.units import extract_assignments
from kehoach.schemas.models import Node
from tests.factories import article_roles, pseudo_roles, task_roles

# fmt: off
# (text, heading, expected) of an item under a plan's task section.
ITEM_CASES = [
    pytest.param("a) Thi hành nghiêm chỉnh các bản án, quyết định của Tòa án về vụ án hành chính.",
                 "Thủ trưởng các Sở, ban, ngành của tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thành phố trong tỉnh có "
                 "trách nhiệm:",
                 [("Thủ trưởng các Sở, ban, ngành của tỉnh", "lead"),
                  ("Chủ tịch Ủy ban nhân dân các huyện, thành phố trong tỉnh", "lead")], id="heading-split-at-semicolon"),
    pytest.param("Phối hợp cung cấp, đối chiếu số liệu về kết quả xét xử án hành chính.",
                 "Đề nghị Tòa án nhân dân tỉnh; Viện kiểm sát nhân dân tỉnh:",
                 [("Tòa án nhân dân tỉnh", "lead"), ("Viện kiểm sát nhân dân tỉnh", "lead")], id="court-and-procuracy"),
    pytest.param("Tòa án nhân dân huyện và Viện kiểm sát nhân dân huyện phối hợp giải quyết dứt điểm các vụ án tồn đọng.",
                 None, [("Tòa án nhân dân huyện", "lead"), ("Viện kiểm sát nhân dân huyện", "lead")],
                 id="court-va-procuracy-as-subject"),
    pytest.param("Đề nghị Viện kiểm sát nhân dân tối cao hướng dẫn nghiệp vụ kiểm sát thi hành án.", None,
                 [("Viện kiểm sát nhân dân tối cao", "lead")], id="neg-the-supreme-procuracy-stays-one"),
    pytest.param("Thủ trưởng các sở, ngành của tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thành phố trong phạm vi chức "
                 "năng, nhiệm vụ được giao có kế hoạch triển khai thực hiện Chỉ thị này.", None,
                 [("Thủ trưởng các sở, ngành của tỉnh", "lead"), ("Chủ tịch Ủy ban nhân dân các huyện, thành phố", "lead")],
                 id="co-ke-hoach-after-the-adverbial"),
    pytest.param("Các sở, ngành có kế hoạch đào tạo nghiệp vụ cho cán bộ làm công tác thống kê.", None,
                 [("Các sở, ngành", "lead")], id="co-ke-hoach-is-the-verb"),
    pytest.param("Khảo sát nhu cầu trợ giúp của đối tượng để có kế hoạch trợ giúp phù hợp.", "Sở Y tế",
                 [("Sở Y tế", "lead")], id="neg-co-ke-hoach-without-a-subject"),
    pytest.param("Phối hợp với Sở Tư pháp, Ủy ban nhân dân các huyện, thành phố trong tỉnh thực hiện việc đưa tin.",
                 "Báo Quảng Ngãi",
                 [("Báo Quảng Ngãi", "lead"), ("Sở Tư pháp", "support"),
                  ("Ủy ban nhân dân các huyện, thành phố trong tỉnh", "support")], id="trong-tinh-stays-in-the-group"),
    pytest.param("Sở Tài nguyên và Môi trường là cơ quan chủ trì kiểm tra, giám sát việc thực hiện Kế hoạch; phối hợp "
                 "với các cơ quan liên quan xác định nguyên nhân.", None,
                 [("Sở Tài nguyên và Môi trường", "lead"), ("các cơ quan liên quan", "support")], id="la-co-quan-chu-tri"),
    pytest.param("Văn phòng UBND tỉnh là cơ quan thường trực của Ban Chỉ đạo.", None, [], id="neg-la-co-quan-thuong-truc"),
    # tests/gold 101 item 1: the press collective is one unit after a ";" list.
    pytest.param("- Phối hợp với các sở, ngành; cơ quan thông tấn, báo chí tổ chức tuyên truyền thường xuyên, liên tục.",
                 "Cục Thuế tỉnh",
                 [("Cục Thuế tỉnh", "lead"), ("các sở, ngành", "support"), ("cơ quan thông tấn, báo chí", "support")],
                 id="press-collective-whole"),
    # Texts typed from scans: the older tone placement, a space before the comma.
    pytest.param("- Phối hợp với các sở, ngành ; cơ quan thông tấn , báo chí tổ chức tuyên truyền.", "Cục Thuế tỉnh",
                 [("Cục Thuế tỉnh", "lead"), ("các sở, ngành", "support"), ("cơ quan thông tấn , báo chí", "support")],
                 id="press-collective-space-before-comma"),
    pytest.param("Phối hợp cung cấp số liệu.", "Đề nghị Toà án nhân dân tỉnh; Viện kiểm sát nhân dân tỉnh:",
                 [("Toà án nhân dân tỉnh", "lead"), ("Viện kiểm sát nhân dân tỉnh", "lead")], id="court-old-tone-placement"),
    pytest.param("Uỷ ban nhân dân các huyện, thành phố trong tỉnh thực hiện việc thống kê, báo cáo.", None,
                 [("Uỷ ban nhân dân các huyện, thành phố trong tỉnh", "lead")], id="trong-tinh-old-tone-placement"),
    pytest.param("Phối hợp chặt chẽ với cơ quan Thi hành án dân sự trong việc theo dõi thi hành án hành chính.",
                 "Ủy ban nhân dân các huyện, thành phố",
                 [("Ủy ban nhân dân các huyện, thành phố", "lead"), ("cơ quan Thi hành án dân sự", "support")],
                 id="enforcement-office-in-lower-case"),
    pytest.param("Đề nghị Tòa án nhân dân thành phố, Viện kiểm sát nhân dân thành phố, Thi hành án dân sự thành phố cung "
                 "cấp thông tin ngăn chặn.", None,
                 [("Tòa án nhân dân thành phố", "lead"), ("Viện kiểm sát nhân dân thành phố", "lead"),
                  ("Thi hành án dân sự thành phố", "lead")], id="enforcement-office-2025-name"),
    pytest.param("Thực hiện việc kiểm tra theo quy định của Luật Thi hành án dân sự.", "Sở Tư pháp",
                 [("Sở Tư pháp", "lead")], id="neg-the-law-is-no-body"),
    # Names that hold commas or "và", and names that end before the verb.
    pytest.param("Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ An Hòa chủ trì rà soát hồ sơ cổ phần hóa.",
                 None, [("Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ An Hòa", "lead")],
                 id="firm-name-with-comma-and-va"),
    pytest.param("Phối hợp với Công ty Cổ phần Cấp thoát nước, Môi trường đô thị Bình Minh, Sở Xây dựng khắc phục sự cố.",
                 "Ủy ban nhân dân thành phố",
                 [("Ủy ban nhân dân thành phố", "lead"),
                  ("Công ty Cổ phần Cấp thoát nước, Môi trường đô thị Bình Minh", "support"), ("Sở Xây dựng", "support")],
                 id="firm-name-then-another-body"),
    pytest.param("Công ty TNHH MTV Khai thác công trình thủy lợi An Hòa chủ trì, phối hợp với Công ty Cổ phần Môi trường đô "
                 "thị Bình Minh thực hiện.", None,
                 [("Công ty TNHH MTV Khai thác công trình thủy lợi An Hòa", "lead"),
                  ("Công ty Cổ phần Môi trường đô thị Bình Minh", "support")], id="firm-names-with-lower-case-words"),
    pytest.param("Đề nghị Công ty Cổ phần siêu thị Bình Minh liên hệ với Thuế tỉnh An Hòa để được hướng dẫn.", None,
                 [("Công ty Cổ phần siêu thị Bình Minh", "lead")], id="neg-a-firm-name-ends-before-its-verb"),
    pytest.param("Công ty Điện lực An Hòa, Sở Công Thương bảo đảm cung cấp điện ổn định.", None,
                 [("Công ty Điện lực An Hòa", "lead"), ("Sở Công Thương", "lead")], id="neg-a-firm-without-its-type"),
    pytest.param("Ban Quản lý Khu kinh tế Vân Phong và các KCN Khánh Hòa chủ trì hướng dẫn nhà đầu tư.", None,
                 [("Ban Quản lý Khu kinh tế Vân Phong và các KCN Khánh Hòa", "lead")], id="board-over-its-zones"),
    pytest.param("Ban Quản lý KKT Vân Phong và các khu công nghiệp Khánh Hòa chủ trì hướng dẫn nhà đầu tư.", None,
                 [("Ban Quản lý KKT Vân Phong và các khu công nghiệp Khánh Hòa", "lead")], id="board-over-its-zones-abbr"),
    pytest.param("Ban Quản lý Khu kinh tế và Ban Quản lý các khu công nghiệp tỉnh chủ trì rà soát.", None,
                 [("Ban Quản lý Khu kinh tế", "lead"), ("Ban Quản lý các khu công nghiệp tỉnh", "lead")],
                 id="neg-two-boards-stay-two"),
    pytest.param("Ngân hàng Nhà nước - Chi nhánh An Hòa chỉ đạo và hướng dẫn các ngân hàng thương mại trên địa bàn.",
                 None, [("Ngân hàng Nhà nước - Chi nhánh An Hòa", "lead")], id="branch-after-a-dash-ends-before-the-verb"),
    pytest.param("- Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Bình Minh chủ trì tổ chức hội nghị.\n- Sở Tài chính bố "
                 "trí kinh phí.", None,
                 [("Ngân hàng Nhà nước Việt Nam - Chi nhánh tỉnh Bình Minh", "lead"), ("Sở Tài chính", "lead")],
                 id="branch-after-a-dash-then-a-new-line"),
    pytest.param("Chi trả kinh phí khám chữa bệnh cho đối tượng chính sách.", "Sở Y tế - Chi trả kinh phí khám chữa bệnh",
                 [("Sở Y tế", "lead")], id="neg-a-verb-after-the-dash"),
    # Nghị định 15/2021/NĐ-CP Điều 21: a project management board named by the works or the area it serves.
    pytest.param("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh chủ trì, phối hợp với Ban Quản lý dự án "
                 "đầu tư xây dựng khu vực huyện Bình Sơn bàn giao mặt bằng.", None,
                 [("Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh", "lead"),
                  ("Ban Quản lý dự án đầu tư xây dựng khu vực huyện Bình Sơn", "support")], id="project-boards"),
    pytest.param("Chi cục Thi hành án dân sự các huyện, thành phố chủ động phối hợp với cơ quan THADS tỉnh.", None,
                 [("Chi cục Thi hành án dân sự các huyện, thành phố", "lead"), ("cơ quan THADS tỉnh", "support")],
                 id="enforcement-branches-and-the-office-abbreviated"),
    pytest.param("Chỉ đạo Ngân hàng Chính sách xã hội - Chi nhánh An Hòa phối hợp với UBND các huyện giải ngân kịp thời.",
                 "Ngân hàng Nhà nước - Chi nhánh An Hòa",
                 [("Ngân hàng Nhà nước - Chi nhánh An Hòa", "lead"), ("UBND các huyện", "support")],
                 id="directed-bank-and-its-partner-before-the-verb"),
    pytest.param("Hoàn thành các nhiệm vụ giao cho đơn vị trong năm 2025.", "Sở Nội vụ", [("Sở Nội vụ", "lead")],
                 id="neg-giao-cho-inside-a-sentence"),
]

# (text, expected) of a decision's execution article.
EXECUTION_CASES = [
    # tests/gold 109 Điều 3 (NOTES-109-112 call 4).
    pytest.param("Chánh Văn phòng UBND tỉnh, Giám đốc Công an tỉnh; thành viên Ban Chỉ đạo 138 tỉnh; thành viên Hội "
                 "đồng thẩm định địa bàn trọng điểm, phức tạp về TTATXH; Chủ tịch UBND các huyện: Bình Sơn, Sơn Tịnh, Ba "
                 "Tơ, thị xã Đức Phổ và thành phố Quảng Ngãi; Chủ tịch UBND 07 xã, phường có tên tại Điều 1 và cơ quan, "
                 "đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("Giám đốc Công an tỉnh", "lead"),
                  ("thành viên Ban Chỉ đạo 138 tỉnh", "lead"),
                  ("thành viên Hội đồng thẩm định địa bàn trọng điểm, phức tạp về TTATXH", "lead"),
                  ("Chủ tịch UBND huyện Bình Sơn", "lead"), ("Chủ tịch UBND huyện Sơn Tịnh", "lead"),
                  ("Chủ tịch UBND huyện Ba Tơ", "lead"), ("Chủ tịch UBND thị xã Đức Phổ", "lead"),
                  ("Chủ tịch UBND thành phố Quảng Ngãi", "lead"), ("Chủ tịch UBND 07 xã, phường có tên tại Điều 1", "lead"),
                  ("cơ quan, đơn vị có liên quan", "lead")], id="titled-members-and-places-of-two-levels"),
    pytest.param("Chánh Văn phòng UBND tỉnh; Chủ tịch UBND các xã: An Phú, Bình Hòa và thị trấn Châu Ổ chịu trách nhiệm "
                 "thi hành Quyết định này.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("Chủ tịch UBND xã An Phú", "lead"),
                  ("Chủ tịch UBND xã Bình Hòa", "lead"), ("Chủ tịch UBND thị trấn Châu Ổ", "lead")],
                 id="a-town-among-communes-keeps-its-word"),
    pytest.param("Chánh Văn phòng UBND tỉnh; thủ trưởng Ban Quản lý dự án; ủy viên Hội đồng xét duyệt chịu trách nhiệm "
                 "thi hành Quyết định này.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("thủ trưởng Ban Quản lý dự án", "lead"),
                  ("ủy viên Hội đồng xét duyệt", "lead")], id="lower-case-titles-before-a-body"),
    pytest.param("Sở Tư pháp hướng dẫn và chịu trách nhiệm thi hành Quyết định này.", [("Sở Tư pháp", "lead")],
                 id="neg-a-subject-with-its-own-verb"),
    # NOTES-109-112 call 5: a person named among the addressees leads as written.
    pytest.param("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và ông Nguyễn "
                 "Văn An chịu trách nhiệm thi hành Quyết định này./.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("Giám đốc Sở Nội vụ", "lead"),
                  ("Thủ trưởng các cơ quan, đơn vị có liên quan", "lead"), ("ông Nguyễn Văn An", "lead")],
                 id="a-person-named-after-a-group"),
    pytest.param("Chánh Văn phòng UBND tỉnh; Giám đốc Sở Tài chính và bà Lê Thị Hoa chịu trách nhiệm thi hành Quyết định "
                 "này.", [("Chánh Văn phòng UBND tỉnh", "lead"), ("Giám đốc Sở Tài chính", "lead"), ("bà Lê Thị Hoa", "lead")],
                 id="a-person-named-after-a-body"),
    pytest.param("Chánh Văn phòng UBND tỉnh và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
                 [("Chánh Văn phòng UBND tỉnh", "lead"), ("các ông (bà) có tên tại Điều 1", "lead")],
                 id="neg-the-persons-of-article-1-stay-one-group"),
    # NOTES-109-112 call 6: the body funds are laid out for, to do the work, leads.
    pytest.param("Bố trí kinh phí từ nguồn dự phòng ngân sách tỉnh năm 2025 để Ủy ban nhân dân huyện An Hòa thực hiện khắc "
                 "phục hậu quả thiên tai.", [("Ủy ban nhân dân huyện An Hòa", "lead")], id="funds-laid-out-for-a-body"),
    pytest.param("Phân bổ kinh phí 500 triệu đồng để hướng dẫn, tập huấn cho Ủy ban nhân dân các xã.", [],
                 id="neg-funds-for-a-task-for-a-body"),
    # tests/gold 110 Điều 1: the funds given as a sum, with a decimal point inside it
    pytest.param("Bố trí 10.522,6 triệu đồng từ nguồn dự phòng ngân sách tỉnh năm 2025 để Sở Lao động - Thương binh và Xã "
                 "hội thực hiện hỗ trợ quà Tết cho hộ nghèo, cận nghèo.", [("Sở Lao động - Thương binh và Xã hội", "lead")],
                 id="funds-given-as-a-sum"),
    pytest.param("Phân bổ 2 tỷ đồng vốn đầu tư công để Ủy ban nhân dân xã Bình Sơn triển khai xây dựng trường học.",
                 [("Ủy ban nhân dân xã Bình Sơn", "lead")], id="funds-as-a-sum-and-capital"),
    pytest.param("Bố trí 10.522,6 triệu đồng. Để Sở Tài chính thẩm định, hồ sơ gửi trước ngày 15/01.", [],
                 id="neg-sum-in-an-earlier-sentence"),
    pytest.param("Bố trí cán bộ trực để Sở Y tế tổng hợp số liệu.", [], id="neg-no-funds-laid-out"),
]

# (node id, text, expected) of a preamble or a closing.
PARAGRAPH_CASES = [
    # tests/gold 103 preamble: the addressees of a directive's request, each with its own title.
    pytest.param("preamble", "Để Kỳ thi năm 2021 trên địa bàn tỉnh thực hiện an toàn, nghiêm túc, Chủ tịch UBND tỉnh yêu cầu "
                 "Giám đốc các sở, Thủ trưởng ban, ngành cấp tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố tập trung "
                 "thực hiện những nhiệm vụ sau:",
                 [("Giám đốc các sở", "lead"), ("Thủ trưởng ban, ngành cấp tỉnh", "lead"),
                  ("Chủ tịch UBND các huyện, thị xã, thành phố", "lead")], id="preamble-titles-over-bare-groups"),
    pytest.param("closing", "Căn cứ Chỉ thị này, Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh, các đơn vị có liên quan và "
                 "Chủ tịch UBND các huyện, thị xã, thành phố xây dựng kế hoạch cụ thể, phối hợp chặt chẽ với Sở Giáo dục và "
                 "Đào tạo thực hiện tốt các nội dung nêu trên, báo cáo kết quả thực hiện về UBND tỉnh theo đúng quy định./.",
                 [("Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh", "lead"), ("Thủ trưởng các đơn vị có liên quan", "lead"),
                  ("Chủ tịch UBND các huyện, thị xã, thành phố", "lead"), ("Sở Giáo dục và Đào tạo", "support")],
                 id="closing-addressees-and-their-partner"),
    pytest.param("closing", "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành của tỉnh triển khai thực hiện nghiêm "
                 "túc Chỉ thị này. Giao cho Cục Thi hành án dân sự tỉnh có trách nhiệm theo dõi, đôn đốc, kiểm tra việc "
                 "triển khai thực hiện Chỉ thị./.",
                 [("Thủ trưởng các sở, ban, ngành của tỉnh", "lead"), ("Cục Thi hành án dân sự tỉnh", "lead")],
                 id="closing-giao-cho"),
    pytest.param("closing", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Tư "
                 "pháp để phối hợp với Văn phòng UBND tỉnh giải quyết./.", [], id="neg-closing-conditional-route"),
    # tests/gold 107 (NOTES-105-108 call 11): a letter with no numbered items states its one task in the preamble.
    pytest.param("preamble", "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202/BTTTT-KHTC ngày 21/01/2025, "
                 "Chủ tịch UBND tỉnh giao Sở Thông tin và Truyền thông chủ trì, phối hợp với các cơ quan, đơn vị, địa "
                 "phương liên quan tham gia góp ý dự thảo văn bản nêu trên; tổng hợp, báo cáo Bộ Thông tin và Truyền "
                 "thông, UBND tỉnh theo quy định./.",
                 [("Sở Thông tin và Truyền thông", "lead"), ("các cơ quan, đơn vị, địa phương liên quan", "support")],
                 id="letter-request-in-the-preamble"),
    pytest.param("closing", "Theo đề nghị của Sở Tài chính tại Tờ trình số 15/TTr-STC ngày 05/3/2025, Chủ tịch UBND tỉnh "
                 "giao Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các huyện kiểm tra, báo cáo trước ngày "
                 "30/3/2025./.",
                 [("Sở Xây dựng", "lead"), ("Ủy ban nhân dân các huyện", "support")], id="letter-request-in-a-closing"),
    # NOTES-105-108 call 2: "UBND tỉnh chỉ thị X, Y …" in a directive's lead-in is the same speech act as "yêu cầu X".
    pytest.param("preamble", "Để khắc phục những hạn chế nêu trên, Ủy ban nhân dân tỉnh chỉ thị các sở, ban ngành; Ủy ban "
                 "nhân dân các huyện, thành phố; các cơ quan, đơn vị liên quan triển khai thực hiện tốt một số nội dung sau:",
                 [("các sở, ban ngành", "lead"), ("Ủy ban nhân dân các huyện, thành phố", "lead"),
                  ("các cơ quan, đơn vị liên quan", "lead")], id="preamble-chi-thi-addressees"),
    pytest.param("preamble", "Thực hiện Chỉ thị số 11/CT-TTg ngày 16/4/2021 của Thủ tướng Chính phủ, để triển khai thực hiện "
                 "Chỉ thị này, các Sở cần quan tâm một số nội dung sau:", [], id="neg-the-directive-cited"),
    pytest.param("preamble", "Thực hiện Công văn số 123/BTC-QLCS ngày 05/01/2025 của Bộ Tài chính, UBND tỉnh giao Sở Tài chính "
                 "chủ trì, phối hợp với Sở Xây dựng và UBND các huyện, thị xã, thành phố rà soát, báo cáo; đồng thời giao Sở "
                 "Nội vụ theo dõi, đôn đốc.",
                 [("Sở Tài chính", "lead"), ("Sở Nội vụ", "lead"), ("Sở Xây dựng", "support"),
                  ("UBND các huyện, thị xã, thành phố", "support")], id="preamble-second-request-dong-thoi"),
    pytest.param("closing", "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh, Chủ tịch UBND các huyện, thị xã, thành phố tổ "
                 "chức triển khai thực hiện nghiêm túc Chỉ thị này; định kỳ báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ)./.",
                 [("Giám đốc các sở", "lead"), ("Thủ trưởng các ban, ngành tỉnh", "lead"),
                  ("Chủ tịch UBND các huyện, thị xã, thành phố", "lead")], id="neg-closing-report-route"),
    pytest.param("closing", "Nay, thông báo kết luận và chỉ đạo của Chủ tịch UBND tỉnh để các cơ quan, đơn vị có liên quan "
                 "triển khai thực hiện./.", [], id="neg-closing-formula-of-a-notice"),
    pytest.param("preamble", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Theo đề nghị của Giám đốc Sở Nội vụ "
                 "phối hợp với Sở Tài chính tại Tờ trình số 12/TTr-SNV.", [], id="neg-preamble-proposer"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", ITEM_CASES)
def test_items(text, heading, expected):
    assert task_roles(text, heading) == expected


@pytest.mark.parametrize("text,expected", EXECUTION_CASES)
def test_execution_articles(text, expected):
    assert article_roles(text) == expected


@pytest.mark.parametrize("node_id,text,expected", PARAGRAPH_CASES)
def test_preambles_and_closings(node_id, text, expected):
    assert pseudo_roles(node_id, text) == expected


# (subject line under the heading "Sở Tài chính và Kho bạc Nhà nước Quảng Ngãi", expected at the lettered item)
RESTATED_CASES = [
    pytest.param("b) Kho bạc Nhà nước tỉnh thực hiện theo thẩm quyền và chỉ đạo Kho bạc Nhà nước cấp huyện giải quyết kinh "
                 "phí.", [], id="the-province-named-by-its-level-word"),
    pytest.param("b) Kho bạc Nhà nước khu vực XII chủ trì kiểm soát chi.", [("Kho bạc Nhà nước khu vực XII", "lead")],
                 id="neg-another-body-of-the-kind"),
    pytest.param("b) Công an tỉnh bảo đảm an ninh trật tự tại các điểm thi.", [("Công an tỉnh", "lead")],
                 id="neg-a-body-the-heading-does-not-name"),
]


@pytest.mark.parametrize("text,expected", RESTATED_CASES)
def test_a_subject_restating_the_heading_by_its_level_word(text, expected):
    nodes = [Node(id="5", marker="5.", kind="item", heading="Sở Tài chính và Kho bạc Nhà nước Quảng Ngãi", text=""),
             Node(id="5.b", parent="5", marker="b)", kind="item", text=text.split(" ", 1)[1])]
    assert [(a.unit, a.role) for a in extract_assignments(nodes) if a.node == "5.b"] == expected
