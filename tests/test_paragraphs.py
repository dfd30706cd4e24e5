"""Paragraph joining: where a wrapped line continues and where a new block starts."""

from __future__ import annotations

import pytest

from kehoach.extractors.markers import NEW_BLOCK_RE
from kehoach.extractors.normalize import clean_lines, drop_page_numbers, join_paragraphs
from kehoach.schemas.layout import Line


def paragraphs_of(lines: list[str]) -> list[str]:
    return [p.text for p in join_paragraphs(drop_page_numbers(clean_lines(Line(text=t) for t in lines)))]


# fmt: off
NEW_BLOCK_CASES = [
    pytest.param("II. NHIỆM VỤ", True, id="roman"),
    pytest.param("1.2. Báo cáo kết quả", True, id="decimal"),
    pytest.param("đ) Phòng chống dịch", True, id="letter-d-stroke"),
    pytest.param("Điều 2. Hiệu lực", True, id="article"),
    pytest.param("Điều 2 Nghị định số 06/2022/NĐ-CP", False, id="mid-sentence-article-reference"),
    pytest.param("Quý IV năm 2025", False, id="quarter"),
    pytest.param("15/3/2024 của Ủy ban nhân dân", False, id="date-at-line-start"),
    pytest.param("2025. Năm bản lề", False, id="year-with-dot"),
    pytest.param("1.000 hộ gia đình", False, id="thousands"),
    pytest.param("Phụ lục 2 kèm theo Chương trình", False, id="appendix-in-sentence"),
    pytest.param("PHỤ LỤC I", True, id="appendix-heading"),
    pytest.param("- Bảo đảm quy trình", True, id="dash-bullet"),
    pytest.param("Nơi nhận:", True, id="recipients"),
    pytest.param("Mục 1. CHẾ ĐỘ HƯU TRÍ", True, id="division"),
    pytest.param("MỤC ĐÍCH, YÊU CẦU", False, id="muc-dich"),
    pytest.param("PHẦN II.", True, id="book"),
    pytest.param("Phần V của Phụ lục I kèm theo Nghị định", False, id="book-in-sentence"),
    pytest.param("Điều", True, id="article-word-alone"),
    pytest.param("2) đến Sở Công Thương", True, id="paren-item-alone-starts-a-block"),
    pytest.param("(2) Về triển khai Chương trình: Chính phủ sẽ phân", True, id="parenthesised-number"),
    pytest.param("(1) : Cơ quan, tổ chức, đơn vị quản lý công chức;", False, id="parenthesised-note-key"),
    pytest.param("(1) (2) (3) (4)", False, id="column-numbers-row"),
    pytest.param("(3) 100% các giao dịch trên nền tảng thương mại điện", True, id="parenthesised-target-share"),
]

# A page's worth of plain-text lines (page numbers come at least this far apart).
PAGE_OF_BULLETS = [f"- Tổ chức tuyên truyền nội dung số {i}." for i in range(1, 17)]

JOIN_CASES = [
    pytest.param(["II. MỤC", "ĐÍCH, YÊU CẦU", "", "1.", "Nguy cơ ô nhiễm môi trường", "", "Ghi nhận tình trạng ô nhiễm",
                  "môi trường nghiêm trọng."],
                 ["II. MỤC ĐÍCH, YÊU CẦU", "1. Nguy cơ ô nhiễm môi trường", "Ghi nhận tình trạng ô nhiễm môi trường nghiêm trọng."],
                 id="bare-marker-and-wrapped-heading"),
    pytest.param(["1. Thực hiện theo quy định tại khoản 1 và các văn bản hướng dẫn thi hành có liên quan đến",
                  "Điều 2 Nghị định số 06/2022/NĐ-CP của Chính phủ về giảm nhẹ phát thải khí nhà kính."],
                 [("1. Thực hiện theo quy định tại khoản 1 và các văn bản hướng dẫn thi hành có liên quan đến "
                  "Điều 2 Nghị định số 06/2022/NĐ-CP của Chính phủ về giảm nhẹ phát thải khí nhà kính.")],
                 id="article-reference-wrapped-to-line-start"),
    pytest.param(["3.1. Tăng cường sự lãnh đạo của Đảng, đẩy mạnh tuyên truyền, giáo", "", "dục nâng cao nhận thức",
                  "", "- Quán triệt sâu sắc quan điểm."],
                 ["3.1. Tăng cường sự lãnh đạo của Đảng, đẩy mạnh tuyên truyền, giáo dục nâng cao nhận thức",
                  "- Quán triệt sâu sắc quan điểm."],
                 id="lower-case-continues-across-blank"),
    pytest.param([*PAGE_OF_BULLETS, "- Bảo đảm sự lãnh đạo, chỉ đạo toàn diện của các cấp ủy đảng; phát huy", "",
                  "2", "", "vai trò quản lý điều hành của chính quyền.", *PAGE_OF_BULLETS, "3", "",
                  "- Đổi mới công tác tuyên truyền."],
                 [*PAGE_OF_BULLETS,
                  ("- Bảo đảm sự lãnh đạo, chỉ đạo toàn diện của các cấp ủy đảng; phát huy vai trò quản lý điều hành "
                  "của chính quyền."), *PAGE_OF_BULLETS, "- Đổi mới công tác tuyên truyền."],
                 id="page-number-lines"),
    pytest.param([*PAGE_OF_BULLETS, "", "CHƯƠNG", "2", "", "ĐẶC ĐIỂM CẤU TẠO ĐỊA CHẤT MỎ"],
                 [*PAGE_OF_BULLETS, "CHƯƠNG 2 ĐẶC ĐIỂM CẤU TẠO ĐỊA CHẤT MỎ"], id="division-number-is-no-page-number"),
    pytest.param(["phát triển kinh tế", "- xã hội của địa phương."], ["phát triển kinh tế - xã hội của địa phương."],
                 id="compound-split-at-dash"),
    pytest.param(["1. Phòng Văn hóa - Xã hội", "Chủ động phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu, đề xuất",
                  "UBND phường chỉ đạo."],
                 ["1. Phòng Văn hóa - Xã hội",
                  "Chủ động phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu, đề xuất UBND phường chỉ đạo."],
                 id="short-heading-line-ends-paragraph"),
    pytest.param(["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Nghị định số 30/2020/NĐ-CP;"],
                 ["Căn cứ Luật Tổ chức chính quyền địa phương;", "Căn cứ Nghị định số 30/2020/NĐ-CP;"],
                 id="semicolon-ends-paragraph"),
    pytest.param(["Nghị quyết số 25-", "NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương."],
                 ["Nghị quyết số 25-NQ/TW ngày 03/6/2013 của Ban Chấp hành Trung ương."], id="symbol-split-at-hyphen"),
    pytest.param(["Điều", "1. Phạm vi điều chỉnh", "", "1. Quy định này quy định về trách nhiệm."],
                 ["Điều 1. Phạm vi điều chỉnh", "1. Quy định này quy định về trách nhiệm."],
                 id="article-number-wrapped-from-its-word"),
    pytest.param(["được giải quyết trong 40 ngày", "PHẦN II.", "NỘI DUNG CỤ THỂ"],
                 ["được giải quyết trong 40 ngày", "PHẦN II. NỘI DUNG CỤ THỂ"], id="book-after-a-table-cell"),
    pytest.param(["doanh nghiệp gửi văn bản thông báo kéo dài thời gian dừng bán hàng (lần",
                  "2) đến Sở Công Thương như khoản 1 Điều này."],
                 [("doanh nghiệp gửi văn bản thông báo kéo dài thời gian dừng bán hàng (lần "
                   "2) đến Sở Công Thương như khoản 1 Điều này.")], id="number-closing-a-parenthesis"),
    pytest.param(["Điểm được tính theo các mức sau (mỗi mức tính riêng):", "1) Đến 500.000 người."],
                 ["Điểm được tính theo các mức sau (mỗi mức tính riêng):", "1) Đến 500.000 người."],
                 id="balanced-parenthesis-then-item"),
    # a reference's number wrapped away from its word: no item
    pytest.param(["d) Cụm từ “Sở Tài nguyên và Môi", "trường” bằng cụm từ “Sở Nông nghiệp và Môi trường” tại khoản 3 Điều",
                  "15.", "2. Bãi bỏ một", "số khoản, cụm từ như sau:"],
                 ["d) Cụm từ “Sở Tài nguyên và Môi trường” bằng cụm từ “Sở Nông nghiệp và Môi trường” tại khoản 3 Điều 15.",
                  "2. Bãi bỏ một số khoản, cụm từ như sau:"], id="article-number-wrapped-from-a-reference"),
    pytest.param(["b) Thay thế Phụ lục ban hành kèm theo Quyết định tại điểm a khoản", "2.",
                  "c) Bãi bỏ Điều 4."],
                 ["b) Thay thế Phụ lục ban hành kèm theo Quyết định tại điểm a khoản 2.", "c) Bãi bỏ Điều 4."],
                 id="clause-number-wrapped-from-a-reference"),
    pytest.param(["Điều 6. Cấp, quản lý, sử dụng", "tài khoản", "", "1. Đối tượng được cấp tài khoản quản trị."],
                 ["Điều 6. Cấp, quản lý, sử dụng tài khoản", "1. Đối tượng được cấp tài khoản quản trị."],
                 id="tai-khoan-is-no-reference"),
    pytest.param(["1. Tiêu chí dân số", "1.1. Dân số trung bình"], ["1. Tiêu chí dân số", "1.1. Dân số trung bình"],
                 id="dan-so-is-no-reference"),
    pytest.param(["Điều 2. Quy định tại Điều", "", "3. Trách nhiệm thi hành"],
                 ["Điều 2. Quy định tại Điều", "3. Trách nhiệm thi hành"], id="reference-word-then-blank-line"),
]
# fmt: on


@pytest.mark.parametrize("line,expected", NEW_BLOCK_CASES)
def test_new_block(line, expected):
    assert bool(NEW_BLOCK_RE.match(line)) is expected


@pytest.mark.parametrize("lines,expected", JOIN_CASES)
def test_join_paragraphs(lines, expected):
    assert paragraphs_of(lines) == expected


def test_blank_after_every_line_carries_no_break():
    lines = []
    for text in ["1. Tổ chức thực hiện nghiêm túc, có hiệu quả các nghị quyết, chỉ thị của",
                 "Đảng, Nhà nước về công tác dân vận, trọng tâm là Nghị quyết số 25-NQ/TW ngày",
                 "03/6/2013 của Ban Chấp hành Trung ương.", "2. Tổ chức và thực hiện có hiệu quả Kết luận số 183",
                 "của Bộ Chính trị về tổ chức triển khai vận hành mô hình chính quyền địa phương",
                 "2 cấp, chuyển mạnh cấp cơ sở sang chủ động.", "3. Tổ chức triển khai có hiệu quả Nghị quyết",
                 "số 76/NQ-CP của Chính phủ."]:
        lines += [text, ""]
    paragraphs = paragraphs_of(lines)
    assert [p[:2] for p in paragraphs] == ["1.", "2.", "3."]
    assert "2 cấp, chuyển mạnh" in paragraphs[1]


# Lines as a PDF reader gives them on an A4 page (595 pt wide; body from x0=91 to x1=547,
# first-line indent at 119). Each row: (text, page, x0, x1[, bold]).
A4 = 595.0
LAYOUT_CASES = [
    pytest.param(
        [("Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh;", 1, 119, 547),
         ("Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.", 1, 91, 389)],
        [("Trách nhiệm chỉ đạo thực hiện: Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh; "
         "Đảng ủy Ủy ban nhân dân tỉnh; các cấp ủy, tổ chức đảng.")],
        id="full-width-line-ending-semicolon-is-a-wrap"),
    pytest.param(
        [("1. Phòng Văn hóa - Xã hội", 4, 119, 258),
         ("Chủ động phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu, đề", 5, 119, 547)],
        ["1. Phòng Văn hóa - Xã hội", "Chủ động phối hợp với Ban Xây dựng đảng Đảng ủy tham mưu, đề"],
        id="short-heading-then-page-break"),
    pytest.param(
        [("nhà nước, chính quyền các cấp trong tình hình mới; Quyết định số", 1, 91, 547),
         ("Ủy ban nhân dân thành phố Hải Phòng về Ban hành danh mục nhiệm vụ", 2, 91, 547)],
        [("nhà nước, chính quyền các cấp trong tình hình mới; Quyết định số "
         "Ủy ban nhân dân thành phố Hải Phòng về Ban hành danh mục nhiệm vụ")],
        id="full-line-across-page-break-continues"),
    pytest.param(
        [("đổi khí hậu.", 1, 91, 178),
         ("Trách nhiệm chỉ đạo thực hiện: Ban Tuyên giáo Tỉnh ủy.", 1, 119, 480)],
        ["đổi khí hậu.", "Trách nhiệm chỉ đạo thực hiện: Ban Tuyên giáo Tỉnh ủy."],
        id="short-last-line-then-indented-line"),
    # Bulk audit (PDF vs TXT): a justified line wrapped just before a word that looks like a marker.
    pytest.param(
        [("chuyển quyền được quy định tại Mục 2 Phần XI của “Phần", 1, 91, 547),
         ("C. TRÌNH TỰ, THỦ TỤC ĐĂNG KÝ ĐẤT ĐAI” thuộc Phần V của Phụ lục I.", 1, 91, 420)],
        [("chuyển quyền được quy định tại Mục 2 Phần XI của “Phần C. TRÌNH TỰ, THỦ TỤC ĐĂNG KÝ ĐẤT ĐAI” "
         "thuộc Phần V của Phụ lục I.")],
        id="full-line-wrapped-before-a-marker-like-word"),
    pytest.param(
        [("đất đai; cấp Giấy chứng nhận cho hộ gia đình, cá nhân theo các nội dung sau:", 1, 91, 547),
         ("a) Tiếp nhận hồ sơ đăng ký đất đai.", 1, 91, 300)],
        ["đất đai; cấp Giấy chứng nhận cho hộ gia đình, cá nhân theo các nội dung sau:",
         "a) Tiếp nhận hồ sơ đăng ký đất đai."],
        id="full-line-ending-colon-then-item-at-margin"),
    pytest.param(
        [("Văn phòng đăng ký đất đai chủ trì, phối hợp với các cơ quan có liên quan thực hiện", 1, 91, 547),
         ("1. Tiếp nhận hồ sơ đăng ký đất đai.", 1, 119, 300)],
        ["Văn phòng đăng ký đất đai chủ trì, phối hợp với các cơ quan có liên quan thực hiện",
         "1. Tiếp nhận hồ sơ đăng ký đất đai."],
        id="full-line-then-indented-item"),
    pytest.param(
        [("VĂN HÓA VÀ THỂ THAO THỜI KỲ 2021-2030, TẦM NHÌN ĐẾN NĂM", 1, 104, 533, True),
         ("2045", 1, 306, 332, True)],
        ["VĂN HÓA VÀ THỂ THAO THỜI KỲ 2021-2030, TẦM NHÌN ĐẾN NĂM 2045"],
        id="title-year-wrapped-alone-under-capitals"),
    pytest.param(
        [("II. NHIỆM VỤ TRỌNG TÂM", 1, 91, 280, True), ("Năm 2025 tập trung thực hiện.", 1, 119, 330)],
        ["II. NHIỆM VỤ TRỌNG TÂM", "Năm 2025 tập trung thực hiện."], id="capital-heading-then-body"),
]


@pytest.mark.parametrize("rows,expected", LAYOUT_CASES)
def test_join_paragraphs_with_layout(rows, expected):
    lines = [Line(text=t, page=page, x0=x0, x1=x1, top=100.0 + 17 * i, page_width=A4, bold=bool(bold))
             for i, (t, page, x0, x1, *bold) in enumerate(rows)]
    assert [p.text for p in join_paragraphs(lines)] == expected


def test_table_row_numbers_a_few_lines_apart_are_not_page_numbers():
    cells = ["1", "Rà soát quy hoạch.", "Sở Xây dựng", "Quý I/2026", "2", "Lập kế hoạch vốn.", "Sở Tài chính",
             "Quý II/2026", "3", "Báo cáo kết quả.", "Văn phòng", "Quý III/2026"]
    assert [line.text for line in drop_page_numbers([Line(text=t) for t in cells])] == cells


DASH_CASES = [
    pytest.param(["Phát triển kinh tế", "- xã hội bền vững."], ["Phát triển kinh tế - xã hội bền vững."],
                 id="compound-split-at-its-dash"),
    pytest.param(["Kế hoạch bảo vệ môi trường giai đoạn 2026", "- 2030 phấn đấu đạt các chỉ tiêu."],
                 ["Kế hoạch bảo vệ môi trường giai đoạn 2026 - 2030 phấn đấu đạt các chỉ tiêu."],
                 id="year-range-split-at-its-dash"),
    pytest.param(["1. Sở Tài nguyên và Môi trường", "- Đánh giá hiện trạng môi trường."],
                 ["1. Sở Tài nguyên và Môi trường", "- Đánh giá hiện trạng môi trường."],
                 id="capital-after-dash-is-a-bullet-even-with-a-diacritic"),
    pytest.param(["Thực hiện trong năm 2025", "- Ủy ban nhân dân xã chủ trì."],
                 ["Thực hiện trong năm 2025", "- Ủy ban nhân dân xã chủ trì."],
                 id="bullet-after-a-line-ending-in-a-year"),
]


@pytest.mark.parametrize("lines,expected", DASH_CASES)
def test_dash_lines(lines, expected):
    assert paragraphs_of(lines) == expected
