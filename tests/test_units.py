"""Unit assignments: names, roles and keys, one real-shaped line per row.

Rows come from the shapes of official plans, directives and decisions (unit
headings, "Chủ trì, phối hợp với …" chains, "Đề nghị …", plural groups,
abbreviations); negative rows pin down what is not an assignment.
"""

from __future__ import annotations

import pytest

from kehoach.extractors.units import extract_assignments, find_units, mark_tasks, unit_id
from kehoach.schemas.models import Node

TASK_SECTION = "TỔ CHỨC THỰC HIỆN"


def _nodes(text: str | None, heading: str | None = None, section: str = TASK_SECTION) -> list[Node]:
    return [
        Node(id="III", marker="III.", kind="section", heading=section, text=""),
        Node(id="III.1", parent="III", marker="1.", kind="item", heading=heading, text=text),
    ]


def roles(text: str | None, heading: str | None = None, section: str = TASK_SECTION) -> list[tuple[str, str]]:
    return [(a.unit, a.role) for a in extract_assignments(_nodes(text, heading, section)) if a.node == "III.1"]


# fmt: off
ROLE_CASES = [
    # --- unit headings (title line kept out of the text by the structure stage)
    pytest.param("Chủ động phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu, đề xuất UBND phường chỉ đạo.",
                 "Phòng Văn hóa - Xã hội",
                 [("Phòng Văn hóa - Xã hội", "lead"), ("Ban Xây dựng đảng Đảng ủy", "support")],
                 id="heading-phong-with-support"),
    pytest.param("- Chủ trì, tham mưu UBND phường xây dựng kế hoạch.", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                 [("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân", "lead")], id="heading-van-phong-hdnd-ubnd-one-body"),
    pytest.param("- Bố trí kinh phí.", "Phòng Kinh tế, Hạ tầng và Đô thị",
                 [("Phòng Kinh tế, Hạ tầng và Đô thị", "lead")], id="heading-comma-inside-name"),
    pytest.param("- Chủ trì triển khai kế hoạch.", "Sở Y tế", [("Sở Y tế", "lead")], id="heading-so-y-te"),
    pytest.param("- Tham mưu xây dựng phương án; phối hợp Ban Quản lý các khu công nghiệp; các doanh nghiệp viễn "
                 "thông và các đơn vị liên quan rà soát quy hoạch hạ tầng.", "Sở Khoa học và Công nghệ",
                 [("Sở Khoa học và Công nghệ", "lead"), ("Ban Quản lý các khu công nghiệp", "support"),
                  ("các doanh nghiệp viễn thông", "support"), ("các đơn vị liên quan", "support")],
                 id="units-after-phoi-hop-list-support-and-do-not-also-lead"),
    pytest.param("Các sở, ban, ngành liên quan theo chức năng nhiệm vụ được giao phối hợp với các địa phương triển "
                 "khai thực hiện Chỉ thị này.", None,
                 [("Các sở, ban, ngành liên quan", "lead"), ("các địa phương", "support")],
                 id="subject-with-adverbial-without-comma-leads"),
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
    pytest.param("", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh",
                 [("Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", "lead")], id="heading-dang-uy-mttq-doan-the-fixed"),
    pytest.param("a) Khẩn trương ban hành kế hoạch;", "Các Bộ: Công Thương, Xây dựng, Tài nguyên và Môi trường",
                 [("Bộ Công Thương", "lead"), ("Bộ Xây dựng", "lead"), ("Bộ Tài nguyên và Môi trường", "lead")],
                 id="heading-shared-head-list"),
    pytest.param("- Chuẩn bị các điều kiện về cơ sở vật chất.", "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội",
                 [("Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội", "lead")], id="heading-person-in-charge"),
    pytest.param("- Tham mưu xây dựng Kế hoạch.", "Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng",
                 [("Chuyên viên phụ trách lĩnh vực Hành chính, Văn phòng", "lead")], id="heading-fields-are-not-bodies"),
    pytest.param("", "Đối với các tổ chức khác", [], id="neg-vague-heading"),
    pytest.param("", "Công tác phối hợp liên ngành", [], id="neg-heading-not-a-unit"),
    pytest.param("", "Phòng chống bệnh đường ruột", [], id="neg-phong-chong-is-not-a-phong"),
    pytest.param("", "Ban hành văn bản hướng dẫn", [], id="neg-ban-hanh-is-not-a-ban"),
    # --- run-in headings and subjects
    pytest.param("Trung tâm sự nghiệp công: Chủ động phối hợp với các phòng chuyên môn, các đơn vị có liên quan tuyên truyền.",
                 "Trung tâm sự nghiệp công: Chủ động phối hợp với các phòng",
                 [("Trung tâm sự nghiệp công", "lead"), ("các phòng chuyên môn", "support"),
                  ("các đơn vị có liên quan", "support")], id="run-in-heading-colon"),
    pytest.param("Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan hướng dẫn việc quán triệt.", None,
                 [("Ban Tuyên giáo Tỉnh ủy", "lead"), ("các cơ quan liên quan", "support")], id="subject-chu-tri-phoi-hop"),
    pytest.param("Sở Xây dựng chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội, Sở Tài chính lập Đề án.", None,
                 [("Sở Xây dựng", "lead"), ("Sở Lao động - Thương binh và Xã hội", "support"), ("Sở Tài chính", "support")],
                 id="chain-two-supports"),
    pytest.param("Bộ Tài chính chủ trì, phối hợp chặt chẽ với Bộ Tài nguyên và Môi trường, các bộ, cơ quan liên quan hoàn thiện Đề án.",
                 None, [("Bộ Tài chính", "lead"), ("Bộ Tài nguyên và Môi trường", "support"),
                        ("các bộ, cơ quan liên quan", "support")], id="chain-phoi-hop-chat-che"),
    pytest.param("b) Chủ trì, phối hợp với Bộ Tài nguyên và Môi trường, các cơ quan liên quan và các địa phương có rừng xác định tiềm năng;",
                 None, [("Bộ Tài nguyên và Môi trường", "support"), ("các cơ quan liên quan", "support"),
                        ("các địa phương có rừng", "support")], id="chain-chu-tri-without-subject"),
    pytest.param("Bộ Thông tin và Truyền thông phối hợp với các Bộ liên quan chỉ đạo các cơ quan thông tấn, báo chí.", None,
                 [("Bộ Thông tin và Truyền thông", "lead"), ("các Bộ liên quan", "support")], id="subject-and-directed-object"),
    pytest.param("Ủy ban nhân dân quận, huyện chỉ đạo Phòng Lao động - Thương binh và Xã hội phối hợp với các phòng, ban có liên quan rà soát.",
                 None, [("Ủy ban nhân dân quận, huyện", "lead"), ("các phòng, ban có liên quan", "support")],
                 id="directed-unit-not-recorded"),
    pytest.param("- Sở Y tế chủ trì kiểm tra, đôn đốc thực hiện kế hoạch.\n- Các Trung tâm y tế giám sát tuyến xã và báo cáo hằng ngày.",
                 None, [("Sở Y tế", "lead"), ("Các Trung tâm y tế", "lead")], id="bullet-subjects"),
    pytest.param("- Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ hỗ trợ người dân khắc phục hậu quả.", None,
                 [("Mặt trận Tổ quốc", "lead"), ("Đoàn Thanh niên", "lead"), ("Hội Phụ nữ", "lead")],
                 id="member-organisations-split"),
    pytest.param("- Phối hợp với lực lượng quân đội, công an hỗ trợ vận chuyển nước.", None,
                 [("lực lượng quân đội", "support"), ("công an", "support")], id="lower-case-forces"),
    pytest.param("- Phối hợp với ngành giáo dục để xử lý vệ sinh trường lớp.", None,
                 [("ngành giáo dục", "support")], id="nganh-support"),
    pytest.param("- Phối hợp Sở Xây dựng, Sở Tài chính xây dựng Đề án hỗ trợ.", None,
                 [("Sở Xây dựng", "support"), ("Sở Tài chính", "support")], id="phoi-hop-without-voi"),
    pytest.param("- Phối hợp với UBND xã triệu tập và chủ trì hội nghị cử tri.", None,
                 [("UBND xã", "support")], id="name-ends-at-verb-by-segmentation"),
    pytest.param("- Đồng chí Chủ tịch Ủy ban MTTQ xã chịu trách nhiệm chỉ đạo chung.", None,
                 [("Chủ tịch Ủy ban MTTQ xã", "lead")], id="honorific-dropped"),
    pytest.param("Trên cơ sở đề nghị của Ủy ban nhân dân quận, huyện, Sở Xây dựng chủ trì lập Đề án.", None,
                 [("Sở Xây dựng", "lead")], id="proposer-is-not-assignee"),
    pytest.param("Sau khi Ủy ban nhân dân Thành phố phê duyệt Đề án, Sở Tài chính lập thủ tục bố trí kinh phí.", None,
                 [("Sở Tài chính", "lead")], id="subordinate-clause-subject-skipped"),
    pytest.param("Căn cứ Quyết định số 22/2013/QĐ-TTg, các thôn ấp, tổ dân phố, tổ chức phổ biến nội dung chính sách.", None,
                 [("các thôn ấp, tổ dân phố", "lead")], id="to-chuc-is-the-verb"),
    pytest.param("Trưởng thôn ấp, Tổ Trưởng các Tổ dân phố, hướng dẫn các đối tượng làm đơn.", None,
                 [("Trưởng thôn ấp", "lead"), ("Tổ Trưởng các Tổ dân phố", "lead")], id="person-titles-split"),
    pytest.param("Trường hợp hộ gia đình khó khăn thì Ủy ban nhân dân xã, phường, thị trấn có trách nhiệm tổ chức xây dựng nhà ở.",
                 None, [("Ủy ban nhân dân xã, phường, thị trấn", "lead")], id="thi-co-trach-nhiem"),
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
    pytest.param("Giao Sở Tài chính chủ trì tham mưu bố trí kinh phí.", None, [("Sở Tài chính", "lead")], id="giao"),
    pytest.param("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố, Hội Liên hiệp Phụ nữ Thành phố, Hội Cựu chiến binh Thành phố phát động các cuộc vận động.",
                 None, [("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", "lead"), ("Hội Liên hiệp Phụ nữ Thành phố", "lead"),
                        ("Hội Cựu chiến binh Thành phố", "lead")], id="de-nghi-front-organisations"),
    # --- labelled fields
    pytest.param("- Đơn vị chủ trì: Ban Công tác mặt trận thôn.", None, [("Ban Công tác mặt trận thôn", "lead")],
                 id="label-don-vi-chu-tri"),
    pytest.param("- Cơ quan chủ trì: Sở Nội vụ.\n- Cơ quan phối hợp: Sở Tài chính; Văn phòng UBND tỉnh.", None,
                 [("Sở Nội vụ", "lead"), ("Sở Tài chính", "support"), ("Văn phòng UBND tỉnh", "support")],
                 id="label-co-quan-chu-tri-phoi-hop"),
    pytest.param("Trách nhiệm chỉ đạo thực hiện: Các cấp ủy, tổ chức đảng; Đảng ủy Ủy ban nhân dân tỉnh.", None,
                 [("Các cấp ủy, tổ chức đảng", "lead"), ("Đảng ủy Ủy ban nhân dân tỉnh", "lead")],
                 id="label-trach-nhiem-chi-dao"),
    # --- negatives
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
    pytest.param("- Thông tin và đề nghị biểu dương các tổ chức, cá nhân làm tốt công tác dân vận.", None, [],
                 id="neg-de-nghi-bieu-duong"),
    pytest.param("- Thanh tra, kiểm tra, xử lý theo thẩm quyền hoặc đề nghị cơ quan có thẩm quyền xử lý vi phạm.", None, [],
                 id="neg-co-quan-co-tham-quyen"),
    pytest.param("Nâng cao vai trò, trách nhiệm của người đứng đầu cơ quan, đơn vị trong thực hiện công tác dân vận.", None, [],
                 id="neg-vai-tro-nguoi-dung-dau"),
    pytest.param("- Hướng dẫn các cơ quan, đơn vị triển khai, tổ chức thực hiện công tác dân vận.", None, [],
                 id="neg-object-of-huong-dan"),
    pytest.param("- Tổ kiểm phiếu sẽ thực hiện kiểm đếm và công bố kết quả biểu quyết.", None, [],
                 id="neg-future-description"),
    pytest.param("Thủ trưởng, người đứng đầu các phòng, đơn vị sự nghiệp phải xác định công tác dân vận là nhiệm vụ trọng tâm.",
                 "Thủ trưởng, người đứng đầu các phòng", [], "MỤC ĐÍCH, YÊU CẦU", id="neg-aims-section"),
    pytest.param("Rà soát lượng hóa chất tại Trung tâm Kiểm soát bệnh tật tỉnh và các Trung tâm Y tế.", None, [],
                 id="neg-location-not-actor"),
    # --- bulk-text audit: name boundaries
    pytest.param("- Giao Bộ Nông nghiệp và Môi trường chủ trì, phối hợp với Bộ Dân tộc và Tôn giáo khẩn trương rà soát hồ sơ.", None,
                 [("Bộ Nông nghiệp và Môi trường", "lead"), ("Bộ Dân tộc và Tôn giáo", "support")],
                 id="name-stops-before-adverb-glued-by-segmenter"),
    pytest.param("Bộ Dân tộc và Tôn giáo chịu trách nhiệm hướng dẫn tổ chức thực hiện.", None,
                 [("Bộ Dân tộc và Tôn giáo", "lead")], id="name-stops-before-chiu-trach-nhiem"),
    pytest.param("- Các sở, ban, ngành, Ủy ban nhân dân xã, phường định kỳ kiểm tra, đánh giá tình hình thực hiện.", None,
                 [("Các sở, ban, ngành", "lead"), ("Ủy ban nhân dân xã, phường", "lead")], id="dinh-ky-ends-name"),
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
    pytest.param("- Kịp thời rà soát, đề nghị Sở Tư pháp cấp, khóa tài khoản của công chức.", None,
                 [("Sở Tư pháp", "lead")], id="cap-is-a-verb-not-a-level"),
    pytest.param("Thủ trưởng các Sở, ban, ngành; Chủ tịch UBND cấp xã căn cứ chức năng, nhiệm vụ được giao, có trách nhiệm triển khai Chỉ thị này.",
                 None, [("Thủ trưởng các Sở, ban, ngành", "lead"), ("Chủ tịch UBND cấp xã", "lead")], id="title-of-plural-group"),
    pytest.param("Người đứng đầu cơ quan, tổ chức chịu trách nhiệm đối với việc phê duyệt sửa chữa thông tin.", None,
                 [("Người đứng đầu cơ quan, tổ chức", "lead")], id="title-of-lower-case-group"),
    pytest.param("Ủy ban nhân dân xã, phường phối hợp với các Ngân hàng thương mại mở tài khoản cho đối tượng.", None,
                 [("Ủy ban nhân dân xã, phường", "lead"), ("các Ngân hàng thương mại", "support")], id="ngan-hang-group"),
    pytest.param("- Chủ động phối hợp với các tổ chức cung cấp dịch vụ chi trả thực hiện mở tài khoản.", None,
                 [("các tổ chức cung cấp dịch vụ chi trả", "support")], id="to-chuc-cung-cap-dich-vu"),
    # --- bulk-text audit: headings
    pytest.param("", "Sở Xây dựng - Đánh giá sự phù hợp của dự án đầu tư với quy hoạch xây dựng",
                 [("Sở Xây dựng", "lead")], id="heading-unit-dash-task"),
    pytest.param("", "Chủ tịch Ủy ban nhân dân thành phố quyết định phê duyệt phương án xử lý tài sản đối với",
                 [("Chủ tịch Ủy ban nhân dân thành phố", "lead")], id="heading-sentence-names-its-subject"),
    pytest.param("", "Hội đồng Thi đua - Khen thưởng tỉnh", [("Hội đồng Thi đua - Khen thưởng tỉnh", "lead")],
                 id="heading-thi-dua-khen-thuong-one-name"),
    pytest.param("", "Ngân hàng Nhà nước chi nhánh khu vực 14", [("Ngân hàng Nhà nước chi nhánh khu vực 14", "lead")],
                 id="heading-chi-nhanh-khu-vuc"),
    pytest.param("", "Hội đồng Thi đua - Khen thưởng tỉnh là cơ quan tham mưu cho Ủy ban nhân dân tỉnh về công tác thi đua", [],
                 id="neg-heading-definition"),
    # --- bulk-text audit: labels
    pytest.param("Đơn vị chủ trì thực hiện: *Các\nSở, ngành, đơn vị, UBND cấp xã.\nĐơn vị phối hợp: *Sở Nội\nvụ, Sở Tư pháp.", None,
                 [("Các Sở, ngành, đơn vị", "lead"), ("UBND cấp xã", "lead"), ("Sở Nội vụ", "support"), ("Sở Tư pháp", "support")],
                 id="label-variant-wrapped-with-bold-marker"),
    pytest.param("Đơn vị chủ trì tham mưu thực hiện: *Sở Tư pháp.\nĐơn vị phối hợp thực hiện: *Các cơ quan, đơn vị liên quan.", None,
                 [("Sở Tư pháp", "lead"), ("Các cơ quan, đơn vị liên quan", "support")], id="label-chu-tri-tham-muu-thuc-hien"),
    # --- bulk-text audit: negatives
    pytest.param("Chủ tịch Ủy ban nhân dân Thành phố đề nghị các cơ quan, đơn vị khẩn trương triển khai thực hiện.", None,
                 [("các cơ quan, đơn vị", "lead")], id="requester-is-not-lead"),
    pytest.param("Văn phòng Chính phủ thông báo để các Bộ, cơ quan liên quan biết, thực hiện./.", None, [],
                 id="neg-thong-bao-formula"),
    pytest.param("(1) Về việc phê duyệt Chương trình: Các Bộ, cơ quan thống nhất chỉ có một cơ quan chủ trì.", None, [],
                 id="neg-agreement-not-subject-of-chu-tri"),
    pytest.param("- Ủy ban nhân dân cấp xã bao gồm: Lãnh đạo Ủy ban nhân dân, công chức tham mưu.", None, [],
                 id="neg-bao-gom-membership"),
    # --- second bulk audit (recall): addressee lists, council organs, compounds, petitions
    pytest.param("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Tư pháp; Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 None, [("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead"), ("Giám đốc Sở Tư pháp", "lead"),
                        ("Thủ trưởng các sở, ban, ngành", "lead"), ("Chủ tịch UBND các xã", "lead"),
                        ("các tổ chức, cá nhân có liên quan", "lead")], id="addressees-one-per-semicolon"),
    pytest.param("Chánh Văn phòng Bộ, Vụ trưởng Vụ Pháp chế, Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tư pháp chịu trách nhiệm thi hành Quyết định này.",
                 None, [("Chánh Văn phòng Bộ", "lead"), ("Vụ trưởng Vụ Pháp chế", "lead"),
                        ("Thủ trưởng các đơn vị thuộc, trực thuộc Bộ Tư pháp", "lead")], id="vu-truong-and-thuoc-truc-thuoc"),
    pytest.param("Thủ trưởng các đơn vị trực thuộc Kiểm toán nhà nước, cán bộ, công chức của Kiểm toán nhà nước chịu trách nhiệm thi hành Quyết định này.",
                 None, [("Thủ trưởng các đơn vị trực thuộc Kiểm toán nhà nước", "lead"),
                        ("cán bộ, công chức của Kiểm toán nhà nước", "lead")], id="can-bo-cong-chuc-addressed"),
    pytest.param("Sở Y tế; Sở Tài chính; Sở Nội vụ.", None, [], id="neg-semicolon-list-without-marker"),
    pytest.param("Văn phòng UBND tỉnh; Giám đốc các sở; Giám đốc: Trung tâm Phục vụ hành chính công tỉnh, Trung tâm Công báo - Tin học tỉnh; Chủ tịch UBND cấp xã chịu trách nhiệm thi hành Quyết định này./.",
                 # each addressee keeps its title, as "Giám đốc các Sở: A, B" gives "Giám đốc Sở A" (tests/gold NOTES-60-63 call 3)
                 None, [("Văn phòng UBND tỉnh", "lead"), ("Giám đốc các sở", "lead"),
                        ("Giám đốc Trung tâm Phục vụ hành chính công tỉnh", "lead"),
                        ("Giám đốc Trung tâm Công báo - Tin học tỉnh", "lead"), ("Chủ tịch UBND cấp xã", "lead")],
                 id="addressees-shared-title-colon"),
    pytest.param("Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và các đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
                 None, [("Thường trực Hội đồng nhân dân", "lead"), ("các Ban của Hội đồng nhân dân", "lead"),
                        ("các Tổ đại biểu", "lead"), ("các đại biểu Hội đồng nhân dân tỉnh", "lead")], id="council-organs-supervise"),
    pytest.param("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp tuyên truyền.",
                 None, [("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "lead"), ("các tổ chức chính trị - xã hội tỉnh", "lead")],
                 id="chinh-tri-xa-hoi-lower-case-compound"),
    pytest.param("Các Sở, ban, ngành và các đoàn thể chính trị - xã hội, Ủy ban nhân dân xã, phường quy định số lượng khen thưởng theo thẩm quyền.",
                 None, [("Các Sở, ban, ngành", "lead"), ("các đoàn thể chính trị - xã hội", "lead"),
                        ("Ủy ban nhân dân xã, phường", "lead")], id="quy-dinh-ends-name"),
    pytest.param("- Phối hợp với các đơn vị cấp nước kiểm tra chất lượng nước sinh hoạt.", None,
                 [("các đơn vị cấp nước", "support")], id="don-vi-cap-nuoc"),
    pytest.param("Tổng Kiểm toán nhà nước ban hành quy định mẫu thẻ mới.", None, [("Tổng Kiểm toán nhà nước", "lead")],
                 id="tong-kiem-toan-title"),
    pytest.param("Đề nghị Thuế tỉnh Ninh Bình căn cứ quy định và hồ sơ cụ thể để xử lý.", None, [("Thuế tỉnh Ninh Bình", "lead")],
                 id="thue-tinh-office"),
    pytest.param("Hội đồng kính đề nghị Bộ trưởng Bộ Y tế xem xét, quyết định.", None, [], id="neg-petition-upwards"),
    pytest.param("- Trường hợp thiếu thông tin thì gửi văn bản đề nghị cơ quan, đơn vị có liên quan cung cấp thông tin.", None, [],
                 id="neg-van-ban-de-nghi"),
    pytest.param("Thủ tục thẩm định việc chuyển giao đơn vị sự nghiệp công lập giữa các bộ.", None, [], id="neg-chuyen-giao-is-not-giao"),
    pytest.param("", "Vụ trưởng Vụ Tổ chức cán bộ quản lý hồ sơ giấy và hồ sơ điện tử của", [("Vụ trưởng Vụ Tổ chức cán bộ", "lead")],
                 id="heading-cut-name-ends-at-ambiguous-verb"),
    # --- third audit (plans and programmes)
    pytest.param("Phối hợp chặt chẽ với cấp ủy, chính quyền các cấp tuyên truyền, vận động Nhân dân tham gia phong trào.",
                 "Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh",
                 # one qualifier ("các cấp") over the bare list keeps it whole (tests/gold NOTES-53-55 call 9)
                 [("các cấp ủy Đảng", "lead"), ("Mặt trận Tổ quốc Việt Nam tỉnh", "lead"),
                  ("cấp ủy, chính quyền các cấp", "support")], id="bare-cap-uy-support"),
    pytest.param("- Chủ trì, phối hợp với các cơ quan, đơn vị, tổ chức khoa học trong và ngoài nước điều tra tài nguyên biển.", "Sở Nông nghiệp và Môi trường",
                 [("Sở Nông nghiệp và Môi trường", "lead"), ("các cơ quan, đơn vị, tổ chức khoa học trong và ngoài nước", "support")],
                 id="to-chuc-khoa-hoc-is-a-noun"),
    pytest.param("Các sở, ban, ngành tỉnh có liên quan tới việc thực hiện Kế hoạch này có trách nhiệm phối hợp cùng các cơ quan chuyên môn thuộc các bộ, ngành Trung ương huy động vốn.",
                 None, [("Các sở, ban, ngành tỉnh có liên quan", "lead"),
                        ("các cơ quan chuyên môn thuộc các bộ, ngành Trung ương", "support")], id="subject-described-then-marker"),
    pytest.param("- Xây dựng kế hoạch cụ thể hóa các nhiệm vụ tại địa phương.", "Ủy ban nhân dân các xã: Phú Tân, Tân Điền, Gò Công Đông",
                 [("Ủy ban nhân dân xã Phú Tân", "lead"), ("Ủy ban nhân dân xã Tân Điền", "lead"), ("Ủy ban nhân dân xã Gò Công Đông", "lead")],
                 id="heading-shared-level-list"),
    pytest.param("Xây dựng kế hoạch hành động, tham gia phát triển công nghệ số.", "Liên đoàn Lao động, Hội Nông dân, Liên minh Hợp tác xã",
                 [("Liên đoàn Lao động", "lead"), ("Hội Nông dân", "lead"), ("Liên minh Hợp tác xã", "lead")], id="heading-lien-minh-split"),
    pytest.param("Chủ trì, phối hợp với Sở Khoa học và Công nghệ tuyên truyền thường xuyên về Kế hoạch.",
                 "Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn",
                 [("Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn", "lead"),
                  ("Sở Khoa học và Công nghệ", "support")], id="heading-bao-va-phat-thanh"),
    pytest.param("Báo và Phát thanh, Truyền hình Đồng Nai chủ động phối hợp với Sở Văn hóa, Thể thao và Du lịch tuyên truyền.", None,
                 [("Báo và Phát thanh, Truyền hình Đồng Nai", "lead"), ("Sở Văn hóa, Thể thao và Du lịch", "support")],
                 id="subject-bao-va-phat-thanh"),
    pytest.param("a) Mở thêm chuyên ngành đào tạo; b) Phối hợp với các viện nghiên cứu phát triển công nghệ mới.",
                 "Các cơ sở đào tạo đại học, sau đại học",
                 [("Các cơ sở đào tạo đại học, sau đại học", "lead"), ("các viện nghiên cứu", "support")], id="heading-co-so-dao-tao"),
    pytest.param("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính ưu tiên bố trí nguồn lực đầu tư hạ tầng số.", None,
                 [("Các doanh nghiệp viễn thông, doanh nghiệp bưu chính", "lead")], id="uu-tien-is-a-predicate"),
    pytest.param("Các doanh nghiệp nhà nước, Tổng Công ty tiên phong dẫn dắt phát triển kinh tế số.", None,
                 [("Các doanh nghiệp nhà nước", "lead"), ("Tổng Công ty", "lead")], id="tong-cong-ty-tien-phong"),
    pytest.param("- Phối hợp với Bộ ngành Trung ương triển khai cơ chế chính sách; chủ trì, phối hợp với doanh nghiệp phát triển hạ tầng số.", None,
                 [("Bộ ngành Trung ương", "support"), ("doanh nghiệp", "support")], id="bo-nganh-and-bare-doanh-nghiep"),
    pytest.param("Chủ trì, phối hợp với các bộ, ngành và tổ chức liên quan thực hiện nhiệm vụ.", None,
                 [("các bộ, ngành và tổ chức liên quan", "support")], id="va-to-chuc-lien-quan-noun"),
    pytest.param("Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các đơn vị có liên quan thực hiện nghiêm túc./.", None,
                 [("các sở, ban, ngành", "lead"), ("Ủy ban nhân dân các xã, phường", "lead"), ("các đơn vị có liên quan", "lead")],
                 id="yeu-cau-administration-bodies"),
    pytest.param("Yêu cầu các cơ sở sản xuất, kinh doanh thuộc đối tượng phải lập hồ sơ môi trường.", None, [],
                 id="neg-yeu-cau-regulated-parties"),
    pytest.param("b) Rà soát, yêu cầu các tổ chức, doanh nghiệp thực hiện chương trình đăng ký lại.", None, [],
                 id="neg-yeu-cau-inside-task"),
    pytest.param("", "Doanh nghiệp số", [], id="neg-topic-heading-doanh-nghiep-so"),
    pytest.param("Ủy ban nhân dân tỉnh xác định khung cân đối ngân sách 03 năm như các Mẫu biểu kèm theo.", None, [],
                 "DỰ BÁO TÌNH HÌNH KINH TẾ - XÃ HỘI", id="neg-forecast-section"),
]
# fmt: on


@pytest.mark.parametrize("text,heading,expected", [p for p in ROLE_CASES if len(p.values) == 3])
def test_roles(text, heading, expected):
    assert roles(text, heading) == expected


@pytest.mark.parametrize("text,heading,expected,section", [p for p in ROLE_CASES if len(p.values) == 4])
def test_roles_in_section(text, heading, expected, section):
    assert roles(text, heading, section) == expected


# fmt: off
CLOSING_CASES = [
    pytest.param("Trên đây là Kế hoạch của Ủy ban nhân dân phường; Đề nghị các phòng, đơn vị sự nghiệp, các đơn vị liên quan nghiêm túc triển khai thực hiện./.",
                 [("các phòng, đơn vị sự nghiệp", "lead"), ("các đơn vị liên quan", "lead")], id="closing-de-nghi-two-groups"),
    pytest.param("Đề nghị các sở, ban, ngành và địa phương khẩn trương thực hiện đúng chức năng được giao; kịp thời báo cáo UBND tỉnh.",
                 [("các sở, ban, ngành và địa phương", "lead")], id="closing-collective-kept-whole"),
    pytest.param("Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị báo cáo Ủy ban nhân dân tỉnh để xem xét./.",
                 [], id="closing-conditional-route-not-assignment"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", CLOSING_CASES)
def test_closing(text, expected):
    nodes = [Node(id="closing", kind="pseudo", text=text)]
    assert [(a.unit, a.role) for a in extract_assignments(nodes)] == expected


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
    pytest.param("Chủ tịch Ủy ban nhân dân các phường, xã nơi cơ quan thi hành án đóng trụ sở",
                 ["Chủ tịch Ủy ban nhân dân các phường, xã"], id="find-noi-ends-name"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", FIND_CASES)
def test_find_units(text, expected):
    assert [u.text for u in find_units(text)] == expected


# fmt: off
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


@pytest.mark.parametrize("a,b", ID_CASES)
def test_unit_id_unifies(a, b):
    assert unit_id(a) == unit_id(b)


def test_unit_id_keeps_distinct_bodies_apart():
    assert unit_id("Sở Tài chính") != unit_id("Bộ Tài chính")


def test_heading_unit_is_not_copied_to_children():
    nodes = [
        Node(id="III", marker="III.", kind="section", heading=TASK_SECTION, text=""),
        Node(id="III.1", parent="III", marker="1.", kind="item", heading="Sở Y tế", text=""),
        Node(id="III.1.a", parent="III.1", marker="a)", kind="item", text="Chủ trì, hướng dẫn chuyên môn."),
    ]
    assert [(a.node, a.unit) for a in extract_assignments(nodes)] == [("III.1", "Sở Y tế")]


def test_deadline_attached_to_node_assignments():
    text = "Bộ Công Thương chủ trì, phối hợp với các cơ quan liên quan rà soát, báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 9 năm 2024."
    found = extract_assignments(_nodes(text))
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
