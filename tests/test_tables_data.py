"""Numbered tables that assign no work (extractors/tables.py ``find_tables``, table_data.py): lists, figures, scores,
procedures. Which lines open rows, where the table ends, what a row holds. One row per layout, ASCII ids; the
lines are a clerk's TXT copy (one cell per line, a long cell wrapped)."""

from __future__ import annotations

import pytest

from kehoach.extractors.tables import find_tables, find_task_tables, table_assignments
from kehoach.schemas.layout import Line


def txt(*texts: str) -> list[Line]:
    lines = []
    for k, t in enumerate(texts):
        lines.append(Line(text=t.removeprefix("\n"), line_no=k, blank_before=t.startswith("\n")))
    return lines


def paths(*texts: str) -> list[list[str]]:
    return [[r.path for r in t.rows] for t in find_tables(txt(*texts)) if t.data]


SCORES = ["STT", "TIÊU CHÍ THI ĐUA", "ĐIỂM CHUẨN", "HƯỚNG DẪN CHẤM ĐIỂM"]
DYKES = ["STT", "Xã, phường", "Tuyến đê", "Lý trình", "Chiều dài", "(km)", "Cấp đê", "Ghi chú"]
PROCEDURES = ["STT", "Mã số TTHC", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Căn cứ pháp lý"]

# fmt: off
ROW_CASES = [
    # A scoring table: group rows in capitals, decimal rows, scores in a cell ("115", "20", "5") are no rows.
    pytest.param([*SCORES, "I", "NHÓM XÃ, PHƯỜNG", "115", "1", "Tỷ lệ % người hưởng trợ cấp được tuyên truyền", "20",
                  "- Sở Y tế kiểm tra thực tế.", "2", "Tỷ lệ % người mở mới tài khoản", "40", "Căn cứ tỷ lệ % người mở",
                  "3", "Tỷ lệ % người được phát hành thẻ ATM", "20", "Căn cứ tỷ lệ %", "4", "Tỷ lệ % người nhận tiền",
                  "20", "Căn cứ tỷ lệ % đối tượng", "5", "Điểm cộng", "15", "5.1", "Đơn vị đạt tỷ lệ 100% người", "5", "Đơn vị đạt tỷ lệ 100% cộng 05",
                  "5.2", "Đơn vị có tỷ lệ từ 88% trở lên.", "5", "Từ 88 - 90% cộng 02 điểm.", "II",
                  "NHÓM TỔ CHỨC CUNG CẤP DỊCH", "VỤ CHI TRẢ", "Căn cứ vào số lượng người hưởng mở mới tài khoản"],
                 [["I", "I.1", "I.2", "I.3", "I.4", "I.5", "I.5.1", "I.5.2", "II"]], id="scores-groups-and-decimal-rows"),
    # Roman grades in a cell ("IV", "V") open no group; the header repeated after a page break, its cells mixed
    # with the last row's, starts the rest of the table.
    pytest.param([*DYKES, "1", "Xã Đan Thượng", "Tả Thao", "K0+000 - K16+500", "16,500", "IV", "Đê bối Liên Phương",
                  "K0+00 - K2+300", "2,300", "V", "Tổng", "18,800", "2", "Xã Hạ Hòa", "Tả Thao", "K16+500- K21+600",
                  "5,100", "IV", "K66+600- K70+000", "3,400", "IV", "STT", "Xã, phường", "Tuyến đê", "Lý trình",
                  "Chiều dài", "19,500", "Cấp", "Ghi", "Tổng", "3", "Xã Vĩnh Chân", "Tả Thao", "K21+600- K30+900",
                  "9,300", "IV"],
                 [["1", "2"], ["3"]], id="grades-in-cells-and-repeated-header"),
    # Roman groups with a mixed-case title: on the numeral's line, or alone with row 1 under the title.
    pytest.param([*PROCEDURES, "A. TTHC thuộc thẩm quyền", "giải quyết cấp tỉnh (46 TTHC)", "I. Lĩnh vực Lao động -",
                  "Tiền lương: 01 TTHC", "1", "2.001955", "Đăng ký nội quy lao động", "05 ngày", "Bộ luật Lao động",
                  "II", "Lĩnh vực Người có công:", "30 TTHC", "1", "1.001257", "Giải quyết chế độ", "12 ngày",
                  "Pháp lệnh Ưu đãi", "2", "1.002519", "Cấp lại giấy chứng nhận", "05 ngày", "Nghị định số 131/2021/NĐ-CP"],
                 [["A", "A.I", "A.I.1", "A.II", "A.II.1", "A.II.2"]], id="groups-with-mixed-case-titles"),
    # An excerpt of a longer list keeps its numbers: it starts at 128 and leaves rows out.
    pytest.param(["STT", "Mã thủ tục hành chính", "Tên thủ tục hành chính", "I", "Danh mục thủ tục",
                  "hành chính cấp tỉnh ban hành kèm theo Quyết định số 1126/QĐ-UBND", "128", "3.000259.H13",
                  "Thủ tục đặt và tặng giải thưởng", "129", "3.000260.H13", "Thủ tục xác nhận", "130", "3.000261.H13",
                  "Thủ tục công nhận", "132", "3.000262.H13", "Thủ tục cấp lại", "133", "3.000263.H13", "Thủ tục hủy"],
                 [["I", "I.128", "I.129", "I.130", "I.132", "I.133"]], id="excerpt-numbers-kept"),
    # Percentages in cells ("89", "11", "1") are no rows: rows restart at 1 only under a new group.
    pytest.param(["STT", "Nội dung", "NS Thành phố (%)", "NS xã (%)", "Ghi chú", "1", "Lệ phí trước bạ xe máy",
                  "Phường Ba Đình", "89", "11", "Phường Cửa Nam", "99", "1", "Phường Đại Mỗ", "81", "19", "2",
                  "Lệ phí môn bài", "Phường Láng", "95", "5"],
                 [["1", "2"]], id="percentages-in-cells"),
    # Where it ends: a blank line before a marker line, the summary under a list, a part heading the numbering
    # does not take, a division.
    pytest.param(["STT", "Tổng chi phí thăm dò", "Mức thu phí", "1", "Đến 01 tỷ đồng", "10 triệu đồng", "2",
                  "Trên 01 đến 10 tỷ đồng", "55 triệu đồng", "\ni) Tên mẫu đơn, mẫu tờ khai:", "\n- Mẫu số 08.",
                  "3", "Phụ lục I"],
                 [["1", "2"]], id="ends-at-a-marker-after-a-blank"),
    pytest.param([*PROCEDURES, "1", "1.005412", "Phê duyệt đối tượng được hỗ trợ", "10 ngày",
                  "Quyết định số 1221/QĐ-UBND", "Tổng số danh mục TTHC công", "bố:", "02", "TTHC", "- Cấp tỉnh:", "01",
                  "TTHC"],
                 [["1"]], id="ends-at-the-summary"),
    pytest.param(["STT", "Tên TTHC", "Quy trình nội bộ giải", "quyết TTHC", "1", "Đăng ký kết quả thực hiện nhiệm vụ",
                  "Thời gian thực hiện: 03 ngày làm việc", "2", "Đăng ký thông tin kết quả nghiên cứu",
                  "Thời gian thực hiện: 05 ngày", "B. THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG", "STT", "Tên TTHC",
                  "Quy trình nội bộ", "1", "Cấp Giấy chứng nhận", "Thời gian thực hiện: 10 ngày"],
                 [["1", "2"], ["1"]], id="part-heading-over-the-next-header-ends-it"),
    pytest.param([*PROCEDURES, "1", "1.014438", "Thủ tục công nhận trung tâm", "15 ngày", "Nghị định số 268/2025/NĐ-CP",
                  "B. QUY TRÌNH ĐIỆN TỬ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", "CÁC BƯỚC", "TRÌNH TỰ THỰC HIỆN",
                  "1. Thủ tục công nhận trung tâm đổi mới sáng tạo", "Bước 1"],
                 [["1"]], id="part-heading-the-numbering-does-not-take-ends-it"),
    pytest.param(["Số TT", "Tên thủ tục hành chính", "Cơ quan thực hiện", "01", "Thủ tục công nhận trung tâm",
                  "- Ủy ban nhân dân tỉnh;", "02", "Thủ tục cấp lại Giấy công nhận", "Phần II.",
                  "QUY TRÌNH NỘI BỘ", "1. Nhóm", "07 TTHC, gồm:"],
                 [["1", "2"]], id="ends-at-a-division"),
    # A finance form: the row that numbers the columns ("1" … "8") is no row; "1" under it opens the first row.
    pytest.param(["STT", "Nội dung", "Đơn vị tính", "Năm 2026", "Năm 2027", "1", "2", "3", "4", "5", "1",
                  "Tốc độ tăng trưởng GRDP", "%", "8,00", "10,00", "2", "Chỉ số giá tiêu dùng (CPI)", "%", "5,04",
                  "5,21"],
                 [["1", "2"]], id="column-number-row-skipped"),
    # Letters then numbers, a formula cell, one column merged away ("A B 2 3"); an unnumbered total row first.
    pytest.param(["STT", "Nội dung", "Năm 2025", "Dự toán 2026", "So sánh (%)", "A", "B", "1", "2", "3=2/1",
                  "TỔNG THU NSNN TRÊN ĐỊA BÀN", "(I+II+III)", "9.415.958", "10.643.129", "113,0", "I",
                  "THU NỘI ĐỊA", "3.942.800", "4.538.000", "115,1", "1", "Thuế GTGT", "1.548.850", "1.600.000", "103,3"],
                 [["I", "I.1"]], id="column-letters-formula-and-total-row"),
    pytest.param(["STT", "Nội dung", "Năm 2025", "Năm 2026", "Năm 2027", "A", "B", "2", "3", "4", "A",
                  "TỔNG CHI NSĐP", "26.811.096", "27.535.000", "26.278.107", "B", "BỘI CHI NGÂN SÁCH", "41.900", "0",
                  "21.000", "1", "Vay để bù đắp bội chi", "0", "0", "12.000"],
                 [["A", "B", "B.1"]], id="merged-column-and-zero-cells"),
    # A group with a mixed-case title whose own figures (one per column) stand between it and its row 1.
    pytest.param(["STT", "Nội dung", "Năm 2025", "Dự toán 2026", "So sánh (%)", "Năm 2027", "Năm 2028", "A", "B",
                  "1", "2", "3=2/1", "4", "5", "I", "Các khoản thu từ thuế", "3.942.800", "4.538.000", "103,3",
                  "3.559.691", "3.792.191", "1", "Thuế GTGT", "1.548.850", "1.600.000", "103,3", "1.700.000",
                  "1.800.000", "2", "Thuế TTĐB", "120.000", "130.000", "108,3", "140.000", "150.000", "II",
                  "Các khoản thu về nhà, đất", "900.000", "1.000.000", "111,1", "1.100.000", "1.200.000", "1",
                  "Tiền sử dụng đất", "800.000", "900.000", "112,5", "950.000", "1.000.000"],
                 [["I", "I.1", "I.2", "II", "II.1"]], id="mixed-case-group-over-its-figures"),
    # Footnotes gathered after the last row are no part of it.
    pytest.param(["STT", "Nội dung", "Năm 2025", "Năm 2026", "1", "Trả nợ lãi, phí", "11.400", "18.100", "\n[1]",
                  "Trong đó: Công ty cổ phần nộp 30 tỷ đồng.", "[2] Cụ thể: giảm thuế theo Nghị quyết số 174/2024/QH15."],
                 [["1"]], id="footnotes-after-the-table"),
    # A list that names what it lists ("Tên thủ tục", "Tên dịch vụ") needs no other column; its decimal rows nest.
    pytest.param(["STT", "Tên thủ tục", "1", "Cấp giấy phép hoạt động dịch", "vụ việc làm của doanh nghiệp.", "2",
                  "Cấp lại giấy phép hoạt động dịch", "vụ việc làm.", "3", "Gia hạn giấy phép."],
                 [["1", "2", "3"]], id="a-list-of-named-things"),
    pytest.param(["TT", "Tên dịch vụ", "1", "Lập các đồ án quy hoạch theo phân cấp", "1.1", "Quy hoạch đô thị",
                  "1.2", "Quy hoạch nông thôn", "2", "Cắm mốc giới theo quy hoạch"],
                 [["1", "1.1", "1.2", "2"]], id="a-list-of-named-services-with-decimal-rows"),
    # A cell whose first word, wrapped alone, is a division's word ("Điều" ⏎ "tra, thống kê": the verb "điều tra")
    # does not end the list; a repeated row number is a row ("5.2" twice).
    pytest.param(["TT", "Tên dịch vụ", "4", "Quản lý cơ sở dữ liệu", "5", "Điều", "tra, thống kê theo ngành xây dựng",
                  "5.1", "Điều tra, khảo sát giá xây dựng", "5.2", "Điều tra, thống kê thông tin về nhà ở", "5.2",
                  "Điều tra thống kê tỷ lệ dân số đô thị", "5.3", "Điều tra về bảo trì công trình", "6", "Lĩnh",
                  "vực kinh tế xây dựng"],
                 [["4", "5", "5.1", "5.2", "5.2", "5.3", "6"]], id="wrapped-word-dieu-and-a-repeated-row"),
    pytest.param(["STT", "Tên thủ tục", "1", "Cấp giấy phép.", "2", "Gia hạn giấy phép.", "CHƯƠNG", "II",
                  "QUY ĐỊNH KHÁC"], [["1", "2"]], id="a-chapter-word-alone-ends-the-list"),
    # A budget table: a row left out ("13" then "16") past figures alone in cells ("900"), lower-case letter rows
    # under a decimal row ("1.2" ⏎ "a"), the next Roman group with its title in words ("VI" ⏎ "Thu xổ số").
    pytest.param(["STT", "Nội dung", "Dự toán", "Năm 2026", "Năm 2027", "V", "Thu khác", "200.778", "193.054",
                  "217.180", "1", "Thu cấp quyền khai thác", "3.600", "6.600", "3.100", "12", "Thu phí", "1.100",
                  "1.200", "1.300", "13", "Thu tiền sử dụng khu vực biển", "18.000", "18.000", "19.000", "16",
                  "Thu tiền bán nhà ở thuộc sở hữu nhà nước", "1.130", "900", "900", "17", "Thu khác ngân sách",
                  "400.700", "400.700", "340.074", "VI", "Thu xổ số kiến thiết", "4.060.000", "4.820.000",
                  "5.300.000"],
                 [["V", "V.1", "V.12", "V.13", "V.16", "V.17", "VI"]], id="skipped-row-past-figures-and-next-group"),
    pytest.param(["STT", "Nội dung", "Năm 2025", "Năm 2026", "1", "Chi đầu tư phát triển", "5.937.440", "5.817.196",
                  "1.1", "Chi đầu tư và hỗ trợ vốn", "100", "120", "1.2", "Chi đầu tư phát triển còn lại", "5.937.440",
                  "5.817.196", "a", "Chi đầu tư XDCB vốn trong nước", "1.174.540", "1.174.540", "b",
                  "Chi từ nguồn thu tiền sử dụng", "đất", "690.000", "560.000", "2", "Chi thường xuyên", "9.000",
                  "9.500"],
                 [["1", "1.1", "1.2", "1.2.a", "1.2.b", "2"]], id="lower-case-letter-rows-under-a-decimal-row"),
    pytest.param(["STT", "Xã, phường", "Tuyến đê", "Cấp đê", "1", "Xã Đan Thượng", "Tả Thao", "a", "2",
                  "Xã Hạ Hòa", "Tả Thao", "b"], [["1", "2"]], id="a-letter-grade-in-a-cell-is-no-row"),
    # Not tables: a number column with fewer than two others, "STT" over running text.
    pytest.param(["STT", "Nội dung", "1", "Tuyên truyền"], [], id="one-column-is-no-table"),
    pytest.param(["STT", "Tên", "1", "Tuyên truyền"], [], id="a-bare-name-title-is-no-list"),
    pytest.param(["STT", "Họ và tên", "Chức vụ", "Các thành viên sau đây tham gia tổ công tác."], [],
                 id="no-row-under-the-header"),
]
# fmt: on


@pytest.mark.parametrize("texts,expected", ROW_CASES)
def test_data_table_rows(texts, expected):
    assert paths(*texts) == expected


def test_a_footnote_after_the_last_row_is_not_in_its_cells():
    (table,) = find_tables(txt("STT", "Nội dung", "Năm 2025", "Năm 2026", "1", "Trả nợ lãi, phí", "11.400", "18.100",
                               "\n[2] Cụ", "thể: giảm thuế theo Nghị quyết số 174/2024/QH15."))
    assert "174/2024" not in table.rows[-1].text


def test_data_rows_hold_every_cell_name_the_row_and_assign_nothing():
    lines = txt(*PROCEDURES, "1", "1.014390", "Thay đổi, bổ sung, cấp lại", "giấy chứng nhận đăng ký tổ chức",
                "Mười (10) ngày làm việc", "- Thông tư số 10/2025/TT-", "BKHCN ngày 27/6/2025 của Bộ trưởng")
    (table,) = find_tables(lines)
    (row,) = table.rows
    assert table.data and not row.is_task
    assert row.name.startswith("Thay đổi, bổ sung, cấp lại giấy chứng nhận")  # not the code "1.014390"
    assert "10/2025/TT-" in row.text and "BKHCN" in row.text and "Mười (10)" in row.text
    assert table_assignments({"1": row}) == []
    assert find_task_tables(lines) == []


def test_targets_with_a_chairing_column_are_tasks():
    """ "TT | Chỉ tiêu | Chủ trì" shares targets out: a task table, each row led by its "Chủ trì" cell; a
    procedure list's "Cơ quan thực hiện" (the body that handles a file) stays a data column."""
    shared = find_tables(txt("TT", "Chỉ tiêu", "Chủ trì", "I. Kinh", "tế số", "1", "Kinh tế số chiếm 45% GRDP tỉnh.",
                             "Sở Tài chính", "2", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt 40%",
                             "Sở Khoa học và Công nghệ"))
    assert [(t.data, [(r.path, r.leads) for r in t.rows]) for t in shared] == [
        (False, [("I", ()), ("I.1", ("Sở Tài chính",)), ("I.2", ("Sở Khoa học và Công nghệ",))])]
    handled = find_tables(txt("Số TT", "Tên thủ tục hành chính", "Cơ quan thực hiện", "01",
                              "Thủ tục công nhận trung tâm", "- Sở Khoa học và Công nghệ.", "02",
                              "Thủ tục cấp lại Giấy công nhận", "- Sở Khoa học và Công nghệ."))
    assert [(t.data, [r.path for r in t.rows]) for t in handled] == [(True, ["1", "2"])]


def test_blank_rows_of_a_form_are_no_items():
    tables = find_tables(txt("STT", "Họ và tên", "Ngày sinh", "Đơn vị công tác", "1", "……………", "……", "2", "…", "3",
                             "Nguyễn Văn A", "1980", "Sở Nội vụ"))
    assert [[r.path for r in t.rows] for t in tables] == [["3"]]
