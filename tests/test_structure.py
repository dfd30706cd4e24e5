"""Node tree: markers, ids, nesting, repeated markers, pseudo-nodes, headings."""

from __future__ import annotations

import pytest

from kehoach.extractors.markers import parse_marker
from kehoach.extractors.normalize import clean_lines, join_paragraphs
from kehoach.extractors.structure import extract_nodes, extract_tree, short_heading
from kehoach.schemas.layout import Line


def nodes_of(text: str, title_count: int = 0):
    paragraphs = join_paragraphs(clean_lines(Line(text=t) for t in text.split("\n")))
    return extract_nodes(paragraphs, title_count=title_count)


def ids_of(text: str) -> list[str]:
    return [n.id for n in nodes_of(text) if n.kind != "pseudo"]


# fmt: off
MARKER_CASES = [
    # (paragraph start, (style, label) or None)
    pytest.param("II. NHIỆM VỤ TRỌNG TÂM", ("roman", "II"), id="roman"),
    pytest.param("IV.\nNỘI DUNG", ("roman", "IV"), id="roman-alone"),
    pytest.param("Quý IV năm 2025 hoàn thành", None, id="quy-iv-is-not-a-marker"),
    pytest.param("1.2. Báo cáo kết quả", ("decimal", "1.2"), id="decimal"),
    pytest.param("3.2 Nội dung thực hiện", ("decimal", "3.2"), id="decimal-without-final-dot"),
    pytest.param("1.000 hộ gia đình được hỗ trợ", None, id="thousands-are-not-decimal"),
    pytest.param("2.1.a. Thành lập Ban Chỉ đạo", ("decimal_letter", "2.1.a"), id="decimal-letter"),
    pytest.param("01. Sở Y tế", ("arabic", "1"), id="leading-zero"),
    pytest.param("1) Tổ chức hội nghị", ("arabic)", "1"), id="arabic-paren"),
    pytest.param("đ) Phòng chống dịch", ("letter", "đ"), id="letter-d-stroke"),
    pytest.param("Điều 2. Quyết định này có hiệu lực", ("article", "Điều 2"), id="article"),
    pytest.param("Điều 5 Nghị định số 06/2022/NĐ-CP quy định", None, id="article-reference-without-dot"),
    pytest.param("Điều 3: Tổ chức thực hiện", ("article", "Điều 3"), id="article-colon"),
    pytest.param("PHỤ LỤC II", ("appendix", "Phụ lục II"), id="appendix-roman"),
    pytest.param("Phụ lục số 02", ("appendix", "Phụ lục 2"), id="appendix-number"),
    pytest.param("Phụ lục 2 kèm theo Chương trình hành động; tổ chức thực hiện theo tiến độ", None,
                 id="appendix-named-in-a-sentence"),
    pytest.param("B. NHIỆM VỤ CỤ THỂ", ("part", "B"), id="part"),
    pytest.param("Mục 1. CHẾ ĐỘ HƯU TRÍ", ("division", "Mục 1"), id="division-of-a-chapter"),
    pytest.param("MỤC ĐÍCH, YÊU CẦU", None, id="muc-dich-is-not-a-division"),
    pytest.param("Mục 2 Phần XI của Phụ lục ban hành kèm theo Nghị định", None, id="division-named-in-a-sentence"),
    pytest.param("PHẦN I. DANH MỤC THỦ TỤC HÀNH CHÍNH", ("book", "Phần I"), id="book-roman"),
    pytest.param("PHẦN THỨ HAI", ("book", "Phần thứ hai"), id="book-ordinal"),
    pytest.param("Phần V của Phụ lục I kèm theo Nghị định số 151/2025/NĐ-CP", None, id="book-named-in-a-sentence"),
    pytest.param("Phần mềm ứng dụng quản lý văn bản", None, id="phan-mem-is-not-a-book"),
    pytest.param("2025. Năm bản lề", None, id="year-is-not-a-marker"),
    pytest.param("(3) Về nguồn lực thực hiện Chương trình", ("paren", "3"), id="parenthesised"),
    pytest.param("(1) : Cơ quan quản lý công chức;", None, id="parenthesised-note-key-is-text"),
    pytest.param("(5) 100% số người hưởng trợ cấp được rà soát", ("paren", "5"), id="parenthesised-target-share"),
    pytest.param("(1) 2025 - 2030", None, id="parenthesised-period-is-text"),
    pytest.param("- Chủ trì thực hiện", None, id="dash-bullet-is-text"),
    pytest.param("+ Bệnh dại", None, id="plus-bullet-is-text"),
]

TREE_CASES = [
    pytest.param("I. MỤC ĐÍCH\n1. Mục đích\na) Nội dung một;\nb) Nội dung hai.\n2. Yêu cầu\nII. NHIỆM VỤ\n1. Việc một.",
                 ["I", "I.1", "I.1.a", "I.1.b", "I.2", "II", "II.1"], id="roman-arabic-letter"),
    pytest.param("II. MỤC ĐÍCH\n1. Mục đích.\nIII. ĐÁNH GIÁ\n1. Nguy cơ.",
                 ["II", "II.1", "III", "III.1"], id="numbering-starts-at-ii"),
    pytest.param("I. MỤC ĐÍCH\n1. Việc một.\nII. NHIỆM VỤ\n1. Việc hai.\nII. TỔ CHỨC\n1. Việc ba.",
                 ["I", "I.1", "II", "II.1", "II#2", "II#2.1"], id="duplicated-section"),
    pytest.param("II. NỘI DUNG\n1. Hội nghị lần một.\n1.1. Nội dung: hiệp thương.\n1.2. Báo cáo kết quả\n"
                 "3. Hội nghị lần ba.\n3.3. Báo cáo kết quả.",
                 ["II", "II.1", "II.1.1", "II.1.2", "II.3", "II.3.3"], id="decimal-under-item-skip-kept"),
    pytest.param("II. NỘI DUNG\n2. Trình tự\n2.1. Bước 1:\n2.1.a. Thành lập Ban.\n2.1.b. Hướng dẫn.\n2.2. Bước 2.",
                 ["II", "II.2", "II.2.1", "II.2.1.a", "II.2.1.b", "II.2.2"], id="decimal-letter-chain"),
    pytest.param("II. NHIỆM VỤ\n1. Việc một\n1.1. Việc a\n1.1.1. Việc a1\n1.1.2. Việc a2\n1.2. Việc b\na) Chi tiết\n"
                 "2. Việc hai\nIII. TỔ CHỨC",
                 ["II", "II.1", "II.1.1", "II.1.1.1", "II.1.1.2", "II.1.2", "II.1.2.a", "II.2", "III"],
                 id="decimal-three-levels"),
    pytest.param("1. Mục tiêu\n1.1 Mục tiêu chung\n1.1.1 Tăng trưởng\n1.1.1.1 Chỉ tiêu một\n1.1.1.2 Chỉ tiêu hai\n"
                 "1.2 Mục tiêu cụ thể\n2. Giải pháp",
                 ["1", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "1.2", "2"], id="decimal-four-levels-without-final-dot"),
    pytest.param("Điều 1. Thành lập Tổ gồm:\n1. Bà A - Tổ trưởng.\n2. Ông B - Tổ phó.\nĐiều 2. Nhiệm vụ.\n"
                 "Điều 3. Thi hành.", ["Điều 1", "Điều 1.1", "Điều 1.2", "Điều 2", "Điều 3"], id="articles"),
    pytest.param("1. Các Bộ:\na) Khẩn trương ban hành;\nb) Chủ trì.\n2. Bộ Tài chính:\na) Nghiên cứu.",
                 ["1", "1.a", "1.b", "2", "2.a"], id="no-sections"),
    pytest.param("A. PHẦN CHUNG\nI. MỤC ĐÍCH\n1. Việc một.\nB. PHẦN RIÊNG\nI. NHIỆM VỤ\nC. TỔ CHỨC",
                 ["A", "A.I", "A.I.1", "B", "B.I", "C"], id="parts-with-roman-and-c-as-part"),
    pytest.param("I. NHIỆM VỤ\n1. Thực hiện theo khoản 1\nĐiều 2 Nghị định số 06/2022/NĐ-CP và\n"
                 "Điều 5 của Luật.", ["I", "I.1"], id="mid-sentence-dieu-2"),
    pytest.param("I. NHIỆM VỤ\n1. Hoàn thành trong\nQuý IV năm 2025.\n2. Báo cáo trước ngày\n15/3/2024 về Sở.",
                 ["I", "I.1", "I.2"], id="quy-iv-and-date-at-line-start"),
    pytest.param("I. NHIỆM VỤ\n- Chủ trì thực hiện;\n+ Bệnh dại.\n1. Việc một.", ["I", "I.1"], id="bullets-are-text"),
    pytest.param("Chương III\nCHẾ ĐỘ BẢO HIỂM\nMục 1. CHẾ ĐỘ HƯU TRÍ\nĐiều 12. Điều kiện hưởng lương hưu\n"
                 "1. Người lao động đủ tuổi.\nMục 2. CHẾ ĐỘ TỬ TUẤT\nĐiều 19. Trợ cấp mai táng\nChương IV\n"
                 "Điều 20. Hiệu lực thi hành",
                 ["Chương III", "Chương III.Mục 1", "Chương III.Mục 1.Điều 12", "Chương III.Mục 1.Điều 12.1",
                  "Chương III.Mục 2", "Chương III.Mục 2.Điều 19", "Chương IV", "Chương IV.Điều 20"],
                 id="chapter-division-article"),
    pytest.param("Điều 3. Các sở thi hành.\nPHẦN I. DANH MỤC THỦ TỤC\n1. Thủ tục cấp tỉnh\n"
                 "PHẦN II. NỘI DUNG CỤ THỂ\n1. Thủ tục một",
                 ["Điều 3", "Phần I", "Phần I.1", "Phần II", "Phần II.1"], id="books-close-articles"),
    pytest.param("Điều 2. Thi hành.\nPHỤ LỤC\nA. THỦ TỤC CẤP TỈNH\n1. Thủ tục một\nB. THỦ TỤC CẤP XÃ\n"
                 "1. Thủ tục hai",
                 ["Điều 2", "Phụ lục", "Phụ lục.A", "Phụ lục.A.1", "Phụ lục.B", "Phụ lục.B.1"],
                 id="parts-inside-an-appendix"),
    pytest.param("Chương\nI\n\nQUY ĐỊNH CHUNG\n\nĐiều\n1. Phạm vi điều chỉnh\n\n1. Quy định này quy định "
                 "về trách nhiệm.\n\nĐiều\n2. Đối tượng áp dụng",
                 ["Chương I", "Chương I.Điều 1", "Chương I.Điều 1.1", "Chương I.Điều 2"],
                 id="article-word-alone-on-its-line"),
    pytest.param("c) Doanh nghiệp gửi văn bản thông báo kéo dài thời gian (lần\n2) đến Sở Công Thương.\n"
                 "d) Việc khác.", ["c", "d"], id="paren-closing-is-not-an-item"),
    pytest.param("I. NHIỆM VỤ\n1. Việc một.\nPHỤ LỤC I\nDANH MỤC\n1. Dòng một\n2. Dòng hai",
                 ["I", "I.1", "Phụ lục I", "Phụ lục I.1", "Phụ lục I.2"], id="appendix-top-level"),
    # Attached forms and tables labelled like appendices: each a top-level node over its own items.
    pytest.param("III. TỔ CHỨC THỰC HIỆN\n1. Các sở thực hiện.\nMẫu biểu số 01\nDỰ BÁO MỘT SỐ CHỈ TIÊU\n"
                 "1. Tổng sản phẩm\n2. Tốc độ tăng trưởng\nMẫu biểu số 02\nTỔNG HỢP DỰ TOÁN THU\nI. THU NỘI ĐỊA",
                 ["III", "III.1", "Mẫu biểu 1", "Mẫu biểu 1.1", "Mẫu biểu 1.2", "Mẫu biểu 2", "Mẫu biểu 2.I"],
                 id="attached-forms-top-level"),
    pytest.param("Điều 3. Thi hành.\nBiểu số 3\nI. THÔNG TIN CHUNG", ["Điều 3", "Biểu 3", "Biểu 3.I"],
                 id="attached-table-label"),
    # A contents list of forms ("Mẫu số 01 ⏎ Phiếu … ⏎ Mẫu số 02 ⏎ …") heads nothing; the forms under it do.
    pytest.param("Điều 3. Thi hành.\nPHỤ LỤC\nMẫu số 01\nPhiếu đăng ký dự tuyển\nMẫu số 02\nThông báo nghỉ hưu\n"
                 "\nMẫu số 1\nI. THÔNG TIN CÁ NHÂN\nMẫu số 2\nI. NỘI DUNG",
                 ["Điều 3", "Phụ lục", "Mẫu 1", "Mẫu 1.I", "Mẫu 2", "Mẫu 2.I"], id="list-of-forms-is-no-node"),
    pytest.param("1. Báo cáo theo Mẫu biểu số 04 đính kèm.\n2. Gửi Sở Tài chính.", ["1", "2"],
                 id="form-named-in-a-sentence"),
    # second audit (letters, directives, plans): a quoted provision keeps its numbering to itself
    pytest.param("Cục Thuế có ý kiến như sau:\nTại khoản 2 Điều 5 Nghị định số 12/2020/NĐ-CP quy định:\n"
                 "“Điều 5. Hồ sơ\n1. Văn bản đề nghị;\na) Bản sao giấy tờ.”\n1. Về khai thuế:\n"
                 "Căn cứ quy định trên, doanh nghiệp kê khai.\n2. Về hồ sơ:\nNộp tại cơ quan thuế.",
                 ["1", "2"], id="quoted-provision-is-not-ours"),
    # emphasis marks a converted copy leaves before the opening mark
    pytest.param("Căn cứ quy định tại khoản 4 Điều 29 Luật Hải quan thì:\n* “Người khai hải quan được khai bổ sung:\n"
                 "a) Đối với hàng hóa đang làm thủ tục;\nb) Đối với hàng hóa đã được thông quan.”\n"
                 "Đề nghị Công ty thực hiện.", [], id="quote-after-emphasis-mark"),
    pytest.param("Thông tư số 80/2021/TT-BTC quy định:\n\"1. Nội dung chi\na) Thuế một;\nb) Thuế hai;\n"
                 "2. Mức chi: tính theo tỷ lệ. ”\nCục Thuế trả lời để Thuế tỉnh biết./.",
                 [], id="straight-quote-closed-by-curly"),
    pytest.param("Nghị định quy định:\n”5. Sửa đổi Điều 17 như sau:\na) Sửa đổi khoản 1\n"
                 "1. Hộ gia đình được miễn. ”\n1. Về hồ sơ:\nNộp tại cơ quan thuế.",
                 ["1"], id="closing-mark-typed-as-opening"),
    pytest.param("Điều 1. Sửa đổi một số điều như sau:\n1. Sửa đổi khoản 1 Điều 7 như sau:\n"
                 "“1. Phụ cấp được chi trả:\na) Mức một;\nb) Mức hai.”\n"
                 "2. Sửa đổi điểm a khoản 3 Điều 14 như sau: “a) Mức hỗ trợ là:\nKhu vực một\n"
                 "3. Sửa đổi khoản 5 Điều 9 như sau:\n“5. Nội dung mới.”\nĐiều 2. Hiệu lực thi hành.",
                 ["Điều 1", "Điều 1.1", "Điều 1.2", "Điều 1.3", "Điều 2"], id="amending-items-outside-quotes"),
    # tests/gold 54 (1cde9b907469c65b): the next amending item ends a quote left open, even when the item's
    # text does not end on the colon before its own quote ("4. Bổ sung Điều" ⏎ "14a vào sau Điều 14 như sau:").
    pytest.param("Điều 1. Sửa đổi một số điều như sau:\n3. Sửa đổi điểm a khoản 3 Điều 14 như sau: “a) Mức hỗ trợ là:\n"
                 "Khu vực một\n4. Bổ sung Điều\n14a vào sau Điều 14 như sau:\n“14a. Phân cấp.\n1. Nội dung phân cấp.”\n"
                 "Điều 2. Hiệu lực thi hành.",
                 ["Điều 1", "Điều 1.3", "Điều 1.4", "Điều 2"], id="next-amending-item-ends-an-open-quote"),
    pytest.param("Điều 1. Sửa đổi khoản 2 như sau:\n“2. Tỷ lệ vốn đối ứng:\na) Theo bảng sau.\n"
                 "Điều 2. Thay thế cụm từ “tỉnh” bằng cụm từ “thành phố”.\n1. Tại khoản 1 Điều 3.",
                 ["Điều 1", "Điều 1.a", "Điều 2", "Điều 2.1"], id="unclosed-quote-quotes-nothing"),
    pytest.param("1. Phát động phong trào “Toàn dân đoàn kết”\n2. Hưởng ứng “Ngày vì người nghèo”.",
                 ["1", "2"], id="balanced-quotes-in-items"),
    # "(1) (2) (3)" number the main points of a node (a Thông báo kết luận's items)
    pytest.param("1. Việc hợp nhất 03 Chương trình có ý nghĩa quan trọng.\n2. Về những nội dung còn có ý kiến\n"
                 "khác nhau:\n(1) Về việc phê duyệt Chương trình: giao Bộ Nông nghiệp và Môi trường chủ trì;\n"
                 "(2) Về triển khai Chương trình: Chính phủ sẽ phân\ncông nhiệm vụ các bộ, cơ quan.\n"
                 "3. Trong thời gian tới, yêu cầu\ncác bộ, ngành thực hiện như sau:\n(1) Giao Bộ Tài chính chủ trì.\n"
                 "(2) Đề nghị Ủy ban Kinh tế và Tài chính phối hợp.",
                 ["1", "2", "2.1", "2.2", "3", "3.1", "3.2"], id="parenthesised-main-points"),
    pytest.param("II. NHIỆM VỤ\n1. Tổ chức tuyên truyền:\n1) Hội nghị quán triệt;\n2) Tuyên truyền trên loa.\n"
                 "2. Kiểm tra.", ["II", "II.1", "II.1.1", "II.1.2", "II.2"], id="arabic-paren-main-points"),
    # A list that a dash bullet introduces is that bullet's, not the node's main points.
    pytest.param("1. Hàng hóa đề nghị xác định trước mã số:\nTên thương mại: Thiết bị đeo tay.\n2. Tóm tắt mô tả hàng hóa:\n"
                 "Theo hồ sơ đề nghị, thông tin mặt hàng như sau:\n- Thành phần, cấu tạo: Thân máy có 2 loại:\n"
                 "(1) Model SOC-AL00, khung làm bằng thép không gỉ 316L.\n(2) Model SOC-AL00, nắp lưng bằng gốm.\n"
                 "3. Kết quả xác định trước mã số:", ["1", "2", "3"], id="list-inside-a-bullet"),
    pytest.param("3. Thành phần hồ sơ\n- Thành phần hồ sơ gồm có:\n(1) Tờ khai điện tử.\n(2) Văn bản chấp thuận.\n"
                 "4. Số lượng hồ sơ: 01 bộ.", ["3", "4"], id="dossier-list-inside-a-bullet"),
    pytest.param("II. NHIỆM VỤ\n1. Tổ chức thực hiện. Tiêu chí gồm (1) dân số; (2) diện tích.\n2. Kiểm tra.",
                 ["II", "II.1", "II.2"], id="parenthesised-in-running-text"),
    pytest.param("III. CÁCH TÍNH ĐIỂM\n- Tiêu chí bổ sung\n(1) Mật độ dân số 1 điểm.\n(2) Số trường 0,1 điểm.\n"
                 "1. Điểm của tiêu chí dân số\n2. Điểm của tiêu chí diện tích",
                 ["III", "III.1", "III.2"], id="parenthesised-list-beside-the-main-items-is-text"),
    pytest.param("Căn cứ pháp lý:\n(1) Luật Đất đai 2024;\n(2) Nghị định số 102/2024/NĐ-CP.\nI. NHIỆM VỤ",
                 ["I"], id="parenthesised-outside-a-numbered-node-is-text"),
    pytest.param("II. NHIỆM VỤ\n1. Tổ chức tuyên truyền.\nKết quả cụ thể như sau.\n(1) Hội nghị.\n(2) Tập huấn.",
                 ["II", "II.1"], id="parenthesised-after-body-text-without-colon-is-text"),
    pytest.param("III. NỘI DUNG THI ĐUA\n1. Nội dung thi đua\nNâng cao nhận thức, cụ thể như sau:\n"
                 "(1) 100% số người hưởng trợ cấp được tuyên truyền;\n(2) Ít nhất 85% người hưởng trợ cấp mở tài khoản;\n"
                 "(3) 100 % số người được rà soát.\n2. Phương án triển khai",
                 ["III", "III.1", "III.1.1", "III.1.2", "III.1.3", "III.2"], id="parenthesised-targets-open-with-a-share"),
]
# fmt: on


@pytest.mark.parametrize("text,expected", MARKER_CASES)
def test_parse_marker(text, expected):
    marker = parse_marker(text)
    assert ((marker.style, marker.label) if marker else None) == expected


@pytest.mark.parametrize("text,expected", TREE_CASES)
def test_node_ids(text, expected):
    assert ids_of(text) == expected


def test_parents_and_kinds():
    nodes = {n.id: n for n in nodes_of("I. MỤC ĐÍCH\n1. Mục đích\na) Một.\nĐiều 1. Ban hành.")}
    assert (nodes["I"].parent, nodes["I.1"].parent, nodes["I.1.a"].parent) == (None, "I", "I.1")
    # An article under a Roman section hangs below it; items never hold it.
    assert (nodes["I.Điều 1"].parent, nodes["I.Điều 1"].kind) == ("I", "article")
    assert (nodes["I"].kind, nodes["I.1"].kind) == ("section", "item")


def test_heading_line_and_own_text():
    nodes = {n.id: n for n in nodes_of(
        "III. TỔ CHỨC THỰC HIỆN\n1. Phòng Văn hóa - Xã hội\nChủ động phối hợp với Ban Xây dựng đảng.\n"
        "- Tham mưu UBND phường.\n2. Trung tâm sự nghiệp công: Chủ động phối hợp với các phòng chuyên môn.")}
    assert nodes["III"].heading == "TỔ CHỨC THỰC HIỆN"
    assert nodes["III"].text is None  # children's text is not the section's own
    assert nodes["III.1"].heading == "Phòng Văn hóa - Xã hội"
    assert nodes["III.1"].text == "Chủ động phối hợp với Ban Xây dựng đảng.\n- Tham mưu UBND phường."
    assert nodes["III.2"].heading == "Trung tâm sự nghiệp công: Chủ động phối hợp với các phòng"
    assert nodes["III.2"].text.startswith("Trung tâm sự nghiệp công:")


def test_wrapped_heading_after_bare_marker():
    nodes = {n.id: n for n in nodes_of("II. MỤC\nĐÍCH, YÊU CẦU\n\n1.\nNguy cơ ô nhiễm môi trường\n\n"
                                       "Ghi nhận tình trạng ô nhiễm.")}
    assert nodes["II"].heading == "MỤC ĐÍCH, YÊU CẦU"
    assert nodes["II.1"].heading == "Nguy cơ ô nhiễm môi trường"
    assert nodes["II.1"].text == "Ghi nhận tình trạng ô nhiễm."


@pytest.mark.parametrize("text,expected", [
    pytest.param("Tổ chức và thực hiện có hiệu quả Kết luận số 183/KL-TW ngày 01/8/2025 của Bộ Chính trị",
                 "Tổ chức và thực hiện có hiệu quả Kết luận số 183/KL-TW ngày", id="cut-at-word"),
    pytest.param("Triển khai thực hiện có hiệu quả các chỉ thị, nghị quyết, kết luận của Đảng",
                 "Triển khai thực hiện có hiệu quả các chỉ thị, nghị quyết", id="trailing-comma-dropped"),
    pytest.param("Ngắn gọn.", "Ngắn gọn", id="short"),
])
def test_short_heading(text, expected):
    assert short_heading(text) == expected


def test_pseudo_nodes():
    nodes = nodes_of("Triển khai công tác dân vận\nThực hiện Chỉ thị số 33/CT-TTg, Ủy ban ban hành Kế hoạch:\n"
                     "I. MỤC ĐÍCH\n1. Việc một.\n- Bước một.\nTrên đây là Kế hoạch của Ủy ban nhân dân phường./.",
                     title_count=1)
    assert [n.id for n in nodes] == ["title", "preamble", "I", "I.1", "closing"]
    assert nodes[0].text == "Triển khai công tác dân vận"
    assert nodes[-1].text.startswith("Trên đây là")


def test_closing_after_bullets_and_not_a_task_sentence():
    ends = nodes_of("VI. KINH PHÍ\n- Từ ngân sách tỉnh.\nKhắc phục môi trường là nhiệm vụ cấp bách. Đề nghị các sở thực hiện./.")
    assert [n.id for n in ends] == ["VI", "closing"]
    kept = nodes_of("8. Các Bộ trưởng tổ chức triển khai Chỉ thị này.\n"
                    "Văn phòng Chính phủ theo dõi, đôn đốc theo chức năng, nhiệm vụ được giao.")
    assert [n.id for n in kept] == ["8"]
    assert kept[0].text.endswith("nhiệm vụ được giao.")


def test_attached_title_restarts_numbering():
    paragraphs = join_paragraphs(clean_lines(Line(text=t) for t in
                                             ["Điều 3. Các sở thi hành./.", "TRIỂN KHAI THÔNG TƯ", "I. MỤC ĐÍCH",
                                              "1. Mục đích"]))
    nodes = extract_nodes(paragraphs, title_indexes=[1])
    assert [n.id for n in nodes] == ["title", "Điều 3", "I", "I.1"]
    assert nodes[2].parent is None


# fmt: off
CLOSING_CASES = [
    pytest.param("1. Về thủ tục: đề nghị Công ty nghiên cứu.\n2. Về thuế: thực hiện theo quy định.\n"
                 "Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện.\nCục Hải quan trả lời để Công ty biết./.",
                 ["1", "2", "closing"], "Đề nghị Công ty", id="request-then-letter-formula"),
    pytest.param("3. Bộ Xây dựng: chỉ đạo các nhà thầu đẩy nhanh tiến độ.\n"
                 "Văn phòng Chính phủ xin thông báo để Bộ Xây dựng và các cơ quan liên quan biết, thực hiện./.",
                 ["3", "closing"], "Văn phòng Chính phủ", id="letter-formula-thong-bao"),
    pytest.param("6. Các sở, ban, ngành phối hợp triển khai Chỉ thị này.\n"
                 "Yêu cầu Giám đốc các sở, ban, ngành triển khai thực hiện nghiêm túc Chỉ thị này./.",
                 ["6", "closing"], "Yêu cầu Giám đốc", id="directive-request"),
    pytest.param("5. Sở Nội vụ theo dõi, đôn đốc.\nTrong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị "
                 "phản ánh về Sở Nội vụ để tổng hợp./.",
                 ["5", "closing"], "Trong quá trình", id="reporting-route"),
    pytest.param("5. Trong quá trình triển khai, các sở kịp thời phản ánh về Ban Chỉ huy.\n"
                 "Yêu cầu các sở, ban, ngành, Ủy ban nhân dân các xã,\nphường và các đơn vị có liên quan thực hiện "
                 "nghiêm túc./.", ["5", "closing"], "Yêu cầu các sở", id="last-request-ending-the-text"),
    pytest.param("5. Sở Nội vụ theo dõi.\nYêu cầu các sở thực hiện nghiêm túc.\n6. Sở Tài chính bố trí kinh phí./.",
                 ["5", "6"], None, id="request-not-ending-the-text-stays-in-its-item"),
    pytest.param("1. Việc một.\nĐề nghị các đơn vị thực hiện nội dung nêu trên.\n2. Việc hai./.",
                 ["1", "2"], None, id="request-before-another-item-is-not-closing"),
    pytest.param("3. Về chính sách thuế.\nĐề nghị Công ty liên hệ cơ quan thuế để được hướng dẫn.",
                 ["3"], None, id="request-without-end-is-not-closing"),
    pytest.param("Cục Thuế nhận được công văn số 12/CV của Thuế tỉnh Nghệ An hỏi về chính sách miễn thuế.\n"
                 "Đề nghị Thuế tỉnh Nghệ An phối hợp với các cơ quan chức năng của địa phương để thực hiện.\n"
                 "Cục Thuế trả lời để Thuế tỉnh Nghệ An biết và thực hiện./.",
                 ["preamble", "closing"], "Đề nghị Thuế tỉnh", id="letter-without-items-request-and-formula"),
    pytest.param("Ủy ban nhân dân tỉnh nhận được phản ánh của doanh nghiệp.\n"
                 "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.",
                 ["preamble", "closing"], "Văn phòng Chính phủ", id="letter-without-items-formula-only"),
    pytest.param("Đề nghị Sở Tài chính rà soát kinh phí và báo cáo./.",
                 ["preamble"], None, id="a-one-paragraph-letter-has-no-closing"),
    # the text speaking of itself in its last paragraph, after the last item's text
    pytest.param("10. Các huyện:\nc) Chỉ đạo cơ quan thanh tra tham gia phối hợp.\n\n"
                 "Căn cứ Chỉ thị này, Thủ trưởng các sở, ban, ngành và Chủ tịch UBND các huyện xây dựng kế hoạch,\n"
                 "báo cáo kết quả thực hiện về UBND tỉnh theo đúng quy định ./.",
                 ["10", "10.c", "closing"], "Căn cứ Chỉ thị này", id="last-paragraph-naming-this-directive"),
    pytest.param("10. Các huyện:\nc) Chỉ đạo cơ quan thanh tra tham gia phối hợp.\n\n"
                 "Căn cứ Chỉ thị này, Thủ trưởng các sở, ban, ngành xây dựng kế hoạch cụ thể, báo cáo kết quả thực hiện\n"
                 "về UBND tỉnh theo đúng quy định .",
                 ["10", "10.c", "closing"], "Căn cứ Chỉ thị này", id="last-paragraph-its-end-mark-lost-by-ocr"),
    pytest.param("3. Tổ chức thực hiện\nSở Nội vụ theo dõi việc thực hiện.\n\n"
                 "Các sở, ngành căn cứ Kế hoạch này triển khai thực hiện./.",
                 ["3", "closing"], "Các sở, ngành", id="last-paragraph-naming-this-plan"),
    pytest.param("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc các Sở: Tài chính, Nội vụ;\n\n"
                 "Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./.",
                 ["Điều 3"], None, id="an-execution-article-keeps-its-own-text"),
    pytest.param("5. Sở Tài chính bố trí kinh phí.\n\nCác sở triển khai Chỉ thị này.\n6. Sở Nội vụ theo dõi./.",
                 ["5", "6"], None, id="naming-this-text-before-another-item-is-not-closing"),
    pytest.param("Kính gửi: Sở Thông tin và Truyền thông\n\n"
                 "Theo đề nghị của Bộ Thông tin và Truyền thông tại Công văn số 202/BTTTT-KHTC, Chủ tịch UBND tỉnh\n"
                 "giao Sở Thông tin và Truyền thông chủ trì góp ý dự thảo văn bản nêu trên./.",
                 ["preamble"], None, id="a-letter-answering-a-proposal-is-its-body"),
]
# fmt: on


@pytest.mark.parametrize("text,expected,closing_start", CLOSING_CASES)
def test_closing(text, expected, closing_start):
    nodes = nodes_of(text)
    assert [n.id for n in nodes] == expected
    if closing_start:
        assert nodes[-1].text.startswith(closing_start)


@pytest.mark.parametrize("text,expected", [
    pytest.param("1.1. Mục tiêu 1. Lĩnh vực chính trị\n- Chỉ tiêu 1: Năm 2025 đạt 90%.",
                 "Mục tiêu 1. Lĩnh vực chính trị", id="numbered-caption-dot"),
    pytest.param("1.4. Mục tiêu 4: Trong lĩnh vực y tế\n- Chỉ tiêu 1: Tỷ số giới tính khi sinh giảm.",
                 "Mục tiêu 4: Trong lĩnh vực y tế", id="numbered-caption-colon"),
    pytest.param("2.5. Bước 5: Thẩm định nguồn kinh phí.\nSở Tài chính thẩm định.",
                 "Bước 5: Thẩm định nguồn kinh phí", id="step-caption"),
    pytest.param("1. Sở Văn hóa: Phối hợp với Ban Tuyên giáo.\n- Tổ chức tuyên truyền.",
                 "Sở Văn hóa: Phối hợp với Ban Tuyên giáo. - Tổ chức tuyên", id="run-in-unit-is-not-a-caption"),
    pytest.param("2. Mục tiêu chung: Phát triển kinh tế.\n- Nâng cao đời sống.",
                 "Mục tiêu chung: Phát triển kinh tế. - Nâng cao đời sống", id="unnumbered-label-stays-run-in"),
])
def test_numbered_caption_heading(text, expected):
    assert next(n for n in nodes_of(text) if n.kind != "pseudo").heading == expected


FOOTNOTE_CASES = [
    pytest.param("1. Tổ chức hội nghị chào mừng Đại hội[1] theo kế hoạch.\n2. Báo cáo kết quả.\n"
                 "[1] Dự kiến tổ chức theo Công điện số 158/CĐ-TTg ngày 04/9/2025.",
                 {"1": "[1] Dự kiến tổ chức theo Công điện số 158/CĐ-TTg ngày 04/9/2025."},
                 id="footnote-after-the-last-item-goes-to-the-marked-item"),
    pytest.param("1. Thực hiện theo Luật số 42/2024/QH15 [2].\n2. Kiểm tra định kỳ.\n[2] Luật Quản lý, sử dụng vũ khí.",
                 {"1": "[2] Luật Quản lý, sử dụng vũ khí."}, id="spaced-marker"),
    pytest.param("1. Việc một.\n2. Việc hai.\n[3] Ghi chú không có dấu chỉ dẫn.",
                 {"2": "[3] Ghi chú không có dấu chỉ dẫn."}, id="unmarked-footnote-stays"),
]


@pytest.mark.parametrize("text,expected_last_paragraph", FOOTNOTE_CASES)
def test_footnotes_join_the_node_carrying_their_marker(text, expected_last_paragraph):
    nodes = {n.id: n for n in nodes_of(text)}
    for node_id, paragraph in expected_last_paragraph.items():
        assert nodes[node_id].text.split("\n")[-1] == paragraph
    holders = [n.id for n in nodes.values() if any(p.startswith("[") for p in (n.text or "").split("\n"))]
    assert holders == list(expected_last_paragraph)


# fmt: off
# Numbering read through OCR: (text, ids when the text came from OCR, ids when typed, warnings from OCR).
OCR_CASES = [
    pytest.param("9. Sở Thông tin và Truyền thông:\n8) Chỉ đạo các cơ quan báo chí.\nb) Phối hợp tuyên truyền.",
                 ["9", "9.a", "9.b"], ["9", "9.8", "9.8.b"], 1, id="a-read-as-eight-where-a-is-due"),
    pytest.param("7) Việc bảy.\n8) Việc tám.", ["7", "8"], ["7", "8"], 0, id="eight-after-seven-stays"),
    pytest.param("I. MỤC ĐÍCH\n1. Việc một.\nII. NHIỆM VỤ\n1. Việc hai.\nII. TỔ CHỨC\n1. Việc ba.\nIV. KINH PHÍ",
                 ["I", "I.1", "II", "II.1", "III", "III.1", "IV"], ["I", "I.1", "II", "II.1", "II#2", "II#2.1", "IV"],
                 1, id="ii-where-iii-is-due"),
    pytest.param("l. MỤC ĐÍCH\n1. Việc một.\nII. NHIỆM VỤ", ["I", "I.1", "II"], ["l", "l.1", "II"], 1,
                 id="l-for-roman-one"),
    pytest.param("|. MỤC ĐÍCH, YÊU CẦU\nII. NHIỆM VỤ", ["I", "II"], ["II"], 1, id="pipe-for-roman-one"),
    pytest.param("I. NHIỆM VỤ\nl. Mục đích.\n2. Yêu cầu.", ["I", "I.1", "I.2"], ["I", "I.l", "I.l.2"], 1,
                 id="l-for-arabic-one"),
    pytest.param("l.\nTrách nhiệm phối hợp thẩm định\nl.\nCác cơ quan đăng ký đầu tư:\na) Là đầu mối;\n"
                 "2. Sở Xây dựng:\nII.\nTrách nhiệm thực hiện",
                 ["I", "I.1", "I.1.a", "I.2", "II"], ["l", "l.a", "l.a.2", "II"], 2,
                 id="section-and-its-first-item-both-unreadable"),
    pytest.param("I. NHIỆM VỤ\n9. Việc chín.\n1O. Việc mười.\n11. Việc mười một.",
                 ["I", "I.9", "I.10", "I.11"], ["I", "I.9", "I.11"], 1, id="capital-o-for-zero"),
    pytest.param("Chương I\nĐiều 9. Phạm vi\nChương II\nĐiều\n1O. Trách nhiệm của các sở",
                 ["Chương I", "Chương I.Điều 9", "Chương II", "Chương II.Điều 10"],
                 ["Chương I", "Chương I.Điều 9", "Chương II"], 1, id="article-word-then-1o-articles-run-on"),
    # Irregular numbering written so stays as written, OCR or not.
    pytest.param("I. MỤC ĐÍCH\nII. NHIỆM VỤ\nII. TỔ CHỨC\nIII. KINH PHÍ", ["I", "II", "II#2", "III"],
                 ["I", "II", "II#2", "III"], 0, id="repeat-written-so-is-kept"),
    pytest.param("II. MỤC ĐÍCH\n1. Việc một.\nIII. NHIỆM VỤ", ["II", "II.1", "III"], ["II", "II.1", "III"], 0,
                 id="numbering-starting-at-ii-is-kept"),
    pytest.param("I. NHIỆM VỤ\n1. Một.\n2. Hai.\n4. Bốn.", ["I", "I.1", "I.2", "I.4"], ["I", "I.1", "I.2", "I.4"], 0,
                 id="skipped-number-stays-skipped"),
    pytest.param("1. Các Bộ:\ni) Nội dung chín;\nk) Nội dung mười;\nl) Nội dung mười một.",
                 ["1", "1.i", "1.k", "1.l"], ["1", "1.i", "1.k", "1.l"], 0, id="letter-l-in-its-run-is-kept"),
]
# fmt: on


def _tree(text: str, ocr: bool):
    lines = [Line(text=t, ocr=ocr) for t in text.split("\n")]
    return extract_tree(join_paragraphs(clean_lines(lines)))


@pytest.mark.parametrize("text,from_ocr,typed,warnings", OCR_CASES)
def test_numbering_read_through_ocr(text, from_ocr, typed, warnings):
    tree = _tree(text, ocr=True)
    assert [n.id for n in tree.nodes if n.kind != "pseudo"] == from_ocr
    assert len(tree.warnings) == warnings and all("OCR" in w for w in tree.warnings)
    typed_tree = _tree(text, ocr=False)
    assert [n.id for n in typed_tree.nodes if n.kind != "pseudo"] == typed and typed_tree.warnings == []


def test_ocr_marker_and_warning_name_both_readings():
    tree = _tree("I. MỤC ĐÍCH\nII. NHIỆM VỤ\nII. TỔ CHỨC", ocr=True)
    node = next(n for n in tree.nodes if n.id == "III")
    assert node.marker == "III." and node.heading == "TỔ CHỨC"
    assert tree.warnings == ['OCR\'d marker "II." read as "III.", the marker the numbering expects']


def test_ocr_warnings_reach_the_source_and_only_ocr_lines_are_read_so():
    from kehoach.pipeline.stages import build_document
    from kehoach.schemas.layout import RawDocument

    texts = ["I. MỤC ĐÍCH", "Nội dung.", "II. NHIỆM VỤ", "Nội dung.", "II. TỔ CHỨC THỰC HIỆN", "Nội dung."]
    scanned = RawDocument(path="s.pdf", sha256="0", format="pdf", lines=[Line(text=t) for t in texts],
                          text_source="ocr")
    plan = build_document(scanned)
    assert [n.id for n in plan.nodes if n.kind != "pseudo"] == ["I", "II", "III"]
    assert any("read as \"III.\"" in w for w in plan.source.warnings)
    # A mixed document: the page read natively keeps its repeat as written.
    mixed = RawDocument(path="m.pdf", sha256="0", format="pdf", text_source="mixed",
                        lines=[Line(text=t, ocr=k < 4) for k, t in enumerate(texts)])
    assert [n.id for n in build_document(mixed).nodes if n.kind != "pseudo"] == ["I", "II", "II#2"]


def test_old_punctuation_builds_the_tree():
    text = ("I- MỤC ĐÍCH\n1- Nâng cao nhận thức.\nII- NHIỆM VỤ\n1- Sở Y tế chủ trì:\na/ Tuyên truyền;\nb/ Kiểm tra.\n"
            "2- Sở Tài chính bảo đảm kinh phí.")
    assert ids_of(text) == ["I", "I.1", "II", "II.1", "II.1.a", "II.1.b", "II.2"]


SUBMISSION = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI", "Số: 22/TTr-UBND", "Quảng Ngãi, ngày 05 tháng 02 năm 2025",
              "TỜ TRÌNH", "Về việc đề nghị giao dự toán năm 2025", "", "Kính gửi: Hội đồng nhân dân tỉnh", "",
              "Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;", "1. Chi quản lý hành chính: 9.282 triệu đồng.",
              "2. Chi sự nghiệp giáo dục: 612 triệu đồng.", "Kính trình HĐND tỉnh xem xét, quyết nghị./.", "",
              "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Hoàng Giang", ""]
DRAFT_BAND = ["HỘI ĐỒNG NHÂN DÂN", "TỈNH QUẢNG NGÃI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
              "Độc lập - Tự do - Hạnh phúc", "Số:          /NQ-HĐND", "Quảng Ngãi, ngày       tháng      năm 2025",
              "DỰ THẢO", ""]
DRAFT = ["NGHỊ QUYẾT", "Về giao dự toán năm 2025 cho Ban Dân tộc – Tôn giáo tỉnh", "",
         "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", "", "QUYẾT NGHỊ:", "",
         "Điều 1. Quyết định giao dự toán năm 2025 là 10.506 triệu đồng."]


@pytest.mark.parametrize("band", [
    pytest.param(DRAFT_BAND, id="draft-with-its-own-header-band"),
    pytest.param([], id="type-line-right-after-the-signature"),
])
def test_a_document_attached_after_the_signature_opens_with_its_title(band):
    from kehoach.pipeline.stages import build_document
    from kehoach.schemas.layout import RawDocument

    raw = RawDocument(path="t.txt", sha256="0", format="txt", lines=[Line(text=t) for t in SUBMISSION + band + DRAFT])
    nodes = {n.id: n for n in build_document(raw).nodes}
    assert [i for i in nodes if nodes[i].kind != "pseudo"] == ["1", "2", "Điều 1"]
    assert "Về giao dự toán năm 2025 cho Ban Dân tộc" in nodes["title"].text
    assert "Căn cứ Luật Tổ chức chính quyền địa phương" in nodes["preamble"].text
    assert "HỘI ĐỒNG NHÂN DÂN" not in nodes["2"].text and "Căn cứ" not in nodes["2"].text
