"""Appendix task tables (extractors/tables.py): header roles, rows, cells, and their nodes."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extractors import lexicon
from kehoach.extractors.fold import ascii_key
from kehoach.extractors.normalize import join_paragraphs
from kehoach.extractors.structure import extract_nodes
from kehoach.extractors.table_cells import parse_table_deadline, split_units
from kehoach.extractors.table_header import column_role, sub_column
from kehoach.extractors.tables import find_task_tables
from kehoach.schemas.layout import Line

HEADER = ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]


def txt(*texts: str) -> list[Line]:
    return [Line(text=t, line_no=k) for k, t in enumerate(texts)]


def rows_of(lines: list[Line]) -> list[tuple]:
    return [(r.path, r.text, r.leads, r.supports, r.deadline_text)
            for t in find_task_tables(lines) for r in t.rows]


# fmt: off
TABLE_CASES = [
    # The plain five-column table, one cell per line.
    pytest.param(
        [*HEADER, "1", "Tuyên truyền Nghị quyết đến cán bộ, đảng viên", "Phòng Văn hóa - Xã hội",
         "Công an phường; Đoàn Thanh niên phường", "Quý I/2026"],
        [("1", "Tuyên truyền Nghị quyết đến cán bộ, đảng viên", ("Phòng Văn hóa - Xã hội",),
          ("Công an phường", "Đoàn Thanh niên phường"), "Quý I/2026")],
        id="plain-row"),
    # Header cells wrapped ("Thời hạn hoàn" ⏎ "thành"), STT, "Đơn vị chủ trì thực hiện".
    pytest.param(
        ["STT", "Nội dung công việc", "Đơn vị chủ trì", "thực hiện", "Đơn vị phối hợp", "Thời hạn hoàn", "thành",
         "1.", "Rà soát thủ tục hành chính", "Văn phòng HĐND và UBND phường", "Các phòng, ban liên quan",
         "Thường xuyên"],
        [("1", "Rà soát thủ tục hành chính", ("Văn phòng HĐND và UBND phường",), ("Các phòng, ban liên quan",),
          "Thường xuyên")],
        id="wrapped-header-and-collective-support"),
    # A task cell wrapped over clerk-width lines, its first line short; a unit list wrapped at "và".
    pytest.param(
        [*HEADER, "1", "Phối hợp rà soát, sửa đổi Luật",
         "Quy hoạch và xây dựng các văn bản quy phạm pháp luật có liên quan để tạo hành",
         "lang pháp lý cho hoạt động của Hệ thống thông tin.",
         "Ban Quản lý các khu công nghệ cao và khu công nghiệp, Sở Khoa học và",
         "Công nghệ, Sở Công Thương", "Sở Tài chính", "Năm 2025 - 2026"],
        [("1", ("Phối hợp rà soát, sửa đổi Luật Quy hoạch và xây dựng các văn bản quy phạm pháp luật có liên "
                "quan để tạo hành lang pháp lý cho hoạt động của Hệ thống thông tin."),
          ("Ban Quản lý các khu công nghệ cao và khu công nghiệp", "Sở Khoa học và Công nghệ", "Sở Công Thương"),
          ("Sở Tài chính",), "Năm 2025 - 2026")],
        id="wrapped-cells"),
    # Group rows (Roman numerals spanning the table) are parents of the numbered rows.
    pytest.param(
        [*HEADER, "I", "Công tác tuyên truyền", "1", "Tổ chức hội nghị quán triệt", "Ủy ban nhân dân phường",
         "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Tháng 12/2025", "II", "Công tác kiểm tra", "1",
         "Kiểm tra việc thực hiện", "Phòng Kinh tế", "Hằng năm"],
        [("I", "Công tác tuyên truyền", (), (), None),
         ("I.1", "Tổ chức hội nghị quán triệt", ("Ủy ban nhân dân phường",),
          ("Ủy ban Mặt trận Tổ quốc Việt Nam phường",), "Tháng 12/2025"),
         ("II", "Công tác kiểm tra", (), (), None),
         ("II.1", "Kiểm tra việc thực hiện", ("Phòng Kinh tế",), (), "Hằng năm")],
        id="group-rows-and-missing-support-cell"),
    # No phối hợp column; an extra "Văn bản giao nhiệm vụ" column before the lead.
    pytest.param(
        ["STT", "Nhiệm vụ", "Văn bản giao", "nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn", "thành",
         "1.", "Xây dựng Luật Thuế thu nhập cá nhân (thay thế)", "Nghị quyết số 71/NQ-CP", "Bộ Tài chính",
         "31/10/2025"],
        [("1", "Xây dựng Luật Thuế thu nhập cá nhân (thay thế)", ("Bộ Tài chính",), (), "31/10/2025")],
        id="no-support-column-other-column"),
    # A deadline cell broken after "ngày".
    pytest.param(
        [*HEADER, "1", "Kiện toàn Ban Chỉ huy", "Bộ CHQS tỉnh; UBND", "cấp xã", "Các sở, ban, ngành", "Trước ngày",
         "15/12/2025"],
        [("1", "Kiện toàn Ban Chỉ huy", ("Bộ CHQS tỉnh", "UBND cấp xã"), ("Các sở, ban, ngành",),
          "Trước ngày 15/12/2025")],
        id="deadline-wrapped-after-ngay"),
    # A group row's title on its marker's line ("II. HOÀN" ⏎ "THIỆN …"); rows number on across groups.
    pytest.param(
        [*HEADER, "I.", "NÂNG CAO NHẬN THỨC", "1", "Triển khai nền tảng đào tạo trực tuyến", "Sở KH&CN",
         "Các sở, ban, ngành tỉnh", "Thường xuyên", "II. HOÀN", "THIỆN CƠ CHẾ, CHÍNH SÁCH", "2",
         "Xây dựng Bộ tiêu chí đánh giá", "Sở KH&CN", "UBND các xã, phường", "Quí IV-2025"],
        [("I", "NÂNG CAO NHẬN THỨC", (), (), None),
         ("I.1", "Triển khai nền tảng đào tạo trực tuyến", ("Sở KH&CN",), ("Các sở, ban, ngành tỉnh",), "Thường xuyên"),
         ("II", "HOÀN THIỆN CƠ CHẾ, CHÍNH SÁCH", (), (), None),
         ("II.2", "Xây dựng Bộ tiêu chí đánh giá", ("Sở KH&CN",), ("UBND các xã, phường",), "Quí IV-2025")],
        id="group-title-beside-its-marker-and-numbering-across-groups"),
    # Rows left out ("…………"): the next row keeps its number; Roman groups skip to "VII" (upper-case title).
    pytest.param(
        [*HEADER, "II", "TRIỂN KHAI VĂN BẢN", "1", "Ban hành Quy chế phối hợp", "Sở Xây dựng", "Văn phòng Ban Chỉ huy",
         "2025", "….................", "1", "Thành lập bộ máy quản lý Quỹ", "Sở Tài chính", "Cơ quan liên quan",
         "2025", "VII", "DIỄN TẬP PHÒNG THỦ DÂN", "SỰ", "1", "Diễn tập phòng thủ dân sự các cấp",
         "Ban Chỉ huy Phòng thủ dân sự tỉnh", "Cơ quan, địa phương liên quan", "Theo kế hoạch"],
        [("II", "TRIỂN KHAI VĂN BẢN", (), (), None),
         ("II.1", "Ban hành Quy chế phối hợp", ("Sở Xây dựng",), ("Văn phòng Ban Chỉ huy",), "2025"),
         ("II.1", "Thành lập bộ máy quản lý Quỹ", ("Sở Tài chính",), ("Cơ quan liên quan",), "2025"),
         ("VII", "DIỄN TẬP PHÒNG THỦ DÂN SỰ", (), (), None),
         ("VII.1", "Diễn tập phòng thủ dân sự các cấp", ("Ban Chỉ huy Phòng thủ dân sự tỉnh",),
          ("Cơ quan, địa phương liên quan",), "Theo kế hoạch")],
        id="rows-left-out-and-skipped-groups-as-written"),
    # A number written twice: once the row above has all its cells, the repeat opens a row.
    pytest.param(
        [*HEADER, "1", "Rà soát quy hoạch", "Sở Xây dựng", "Sở Tài chính", "Quý I/2026",
         "1", "Lập kế hoạch vốn", "Sở Tài chính", "Sở Xây dựng", "Quý II/2026"],
        [("1", "Rà soát quy hoạch", ("Sở Xây dựng",), ("Sở Tài chính",), "Quý I/2026"),
         ("1", "Lập kế hoạch vốn", ("Sở Tài chính",), ("Sở Xây dựng",), "Quý II/2026")],
        id="repeated-row-number-kept"),
    # Negative: a number inside a row whose cells are not all there is a cell, not a row.
    pytest.param(
        ["TT", "Nội dung công việc", "Cơ quan chủ trì", "Số lớp", "Thời gian hoàn thành", "1", "Tổ chức lớp tập huấn",
         "Sở Nội vụ", "5", "Quý I/2026"],
        [("1", "Tổ chức lớp tập huấn", ("Sở Nội vụ",), (), "Quý I/2026")],
        id="number-cell-inside-a-row-is-no-row"),
    # Two header rows: "Cơ quan thực hiện" spans "Chủ trì | Phối hợp", given after the first row's titles.
    pytest.param(
        ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian hoàn thành", "Chủ trì", "Phối hợp", "1",
         "Tổ chức tuyên truyền Nghị quyết", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nội vụ", "Quý I/2026"],
        [("1", "Tổ chức tuyên truyền Nghị quyết", ("Sở Văn hóa, Thể thao và Du lịch",), ("Sở Nội vụ",),
          "Quý I/2026")],
        id="two-header-rows-lead-and-support"),
    # Two header rows under the time column: "Thời gian" spans "Bắt đầu | Hoàn thành"; the end is the deadline.
    pytest.param(
        ["STT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Bắt đầu", "Hoàn thành", "1.",
         "Số hóa hồ sơ địa chính", "Sở Nông nghiệp và Môi trường", "UBND các xã, phường", "Tháng 01/2026",
         "Tháng 6/2026"],
        [("1", "Số hóa hồ sơ địa chính", ("Sở Nông nghiệp và Môi trường",), ("UBND các xã, phường",),
          "Tháng 6/2026")],
        id="two-header-rows-start-and-end"),
    # No TT column: the header starts at the task column; rows still open with their numbers.
    pytest.param(
        ["Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", "1.1",
         "Xây dựng Kế hoạch chuyển đổi số ngành y tế", "Sở Y tế", "Các sở, ban, ngành", "2026 - 2030"],
        [("1.1", "Xây dựng Kế hoạch chuyển đổi số ngành y tế", ("Sở Y tế",), ("Các sở, ban, ngành",),
          "2026 - 2030")],
        id="no-tt-column"),
    # Role columns in another order: time before the units, support before lead.
    pytest.param(
        ["TT", "Nội dung công việc", "Thời gian hoàn thành", "Cơ quan phối hợp", "Cơ quan chủ trì", "1",
         "Kiểm tra công tác cải cách hành chính", "Tháng 10/2026", "Văn phòng UBND tỉnh", "Sở Nội vụ"],
        [("1", "Kiểm tra công tác cải cách hành chính", ("Sở Nội vụ",), ("Văn phòng UBND tỉnh",),
          "Tháng 10/2026")],
        id="columns-in-another-order"),
    # A sub-table's own header inside the table (no TT column) is no group text.
    pytest.param(
        ["STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện", "I",
         "Phát triển kinh tế số trong y tế", "Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp",
         "Thời gian thực hiện", "1.1", "Triển khai bệnh án điện tử", "Sở Y tế", "Các sở, ban, ngành", "2026 - 2030"],
        [("I", "Phát triển kinh tế số trong y tế", (), (), None),
         ("I.1.1", "Triển khai bệnh án điện tử", ("Sở Y tế",), ("Các sở, ban, ngành",), "2026 - 2030")],
        id="sub-table-header-inside"),
    # A full task line not ending its sentence, then a unit cell of its own ("Sở Xây dựng"), a product column.
    pytest.param(
        ["TT", "Nội dung thực", "hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn", "thành",
         "Sản phẩm dự kiến", "7", "Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn trên",
         "biển, trong vùng nước cảng biển và thủy nội địa thay thế Quy chế hiện hành", "Sở Xây dựng",
         "Văn phòng Ban Chỉ", "huy và cơ quan, địa phương liên quan", "Sau khi có Quy chế", "của TW",
         "Quyết định Chủ tịch", "UBND tỉnh"],
        [("7", ("Ban hành Quy chế Phối hợp tìm kiếm, cứu nạn trên biển, trong vùng nước cảng biển và thủy nội "
                "địa thay thế Quy chế hiện hành"), ("Sở Xây dựng",),
          ("Văn phòng Ban Chỉ huy", "cơ quan, địa phương liên quan"), "Sau khi có Quy chế của TW")],
        id="unit-cell-after-a-full-task-line"),
    # Cells missing at the end (no product): the others keep their columns, unknown names included.
    pytest.param(
        ["TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
         "Sản phẩm dự kiến", "4", "Hướng dẫn phương pháp, trình tự thống kê phù hợp", "với lĩnh vực quản lý các ngành",
         "Sở, ban, ngành, tổ", "chức chính trị - xã hội", "Cơ quan liên quan", "2025"],
        [("4", "Hướng dẫn phương pháp, trình tự thống kê phù hợp với lĩnh vực quản lý các ngành",
          ("Sở, ban, ngành, tổ chức chính trị - xã hội",), ("Cơ quan liên quan",), "2025")],
        id="product-cell-missing"),
    # Negative: a numbered list in running text has no header: no table.
    pytest.param(
        ["II. NHIỆM VỤ", "1. Tổ chức hội nghị quán triệt Nghị quyết đến cán bộ.",
         "2. Ủy ban nhân dân phường chủ trì, phối hợp với Công an phường kiểm tra.", "3. Thời gian: Quý I/2026."],
        [], id="numbered-list-in-running-text-is-not-a-table"),
    # Negative: a member list (no task, no lead column) stays text.
    pytest.param(
        ["TT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "1", "Nguyễn Văn A", "Phó Chủ tịch", "UBND phường"],
        [], id="member-list-is-not-a-task-table"),
    # Negative: a table of figures has no roles.
    pytest.param(
        ["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2024", "Năm 2025", "1", "Tỷ lệ hộ nghèo", "%", "2,1", "1,5"],
        [], id="statistics-table-is-not-a-task-table"),
    # Negative: the recipients list.
    pytest.param(
        ["Nơi nhận:", "- Thường trực Đảng ủy;", "- Các phòng, ban chủ trì;", "- Lưu: VT."],
        [], id="noi-nhan-is-not-a-table"),
    # Negative: a procedures list ("Thời hạn giải quyết", "Cơ quan thực hiện", no task column).
    pytest.param(
        ["STT", "Tên thủ tục hành chính", "Thời hạn giải quyết", "Cơ quan thực hiện", "1", "Cấp giấy phép",
         "05 ngày", "Sở Y tế"],
        [], id="procedure-list-is-not-a-task-table"),
]
# fmt: on


@pytest.mark.parametrize("texts,expected", TABLE_CASES)
def test_find_task_tables(texts, expected):
    assert rows_of(txt(*texts)) == expected


# Row paths only: which lines open rows.
ROW_PATH_CASES = [
    # A Roman numeral skipping the sequence opens no group when no upper-case title follows it.
    pytest.param([*HEADER, "I", "CÔNG TÁC TUYÊN TRUYỀN", "1", "Tổ chức hội nghị", "Sở Nội vụ", "Sở Tài chính",
                  "Quý I/2026", "V", "thành viên", "2", "Kiểm tra", "Sở Y tế", "Sở Tài chính", "Quý II/2026"],
                 ["I", "I.1", "I.2"], id="roman-skip-without-upper-title-is-no-group"),
    # A table whose first row is not "1" (an excerpt): the line under the header is a row.
    pytest.param([*HEADER, "7", "Ban hành Quy chế", "Sở Xây dựng", "Sở Tư pháp", "2025", "8", "Ban hành Quy định",
                  "Sở Xây dựng", "Sở Tư pháp", "2026"], ["7", "8"], id="first-row-under-the-header"),
    # Negative: "12" after row 1 whose cells are not all read yet is a cell.
    pytest.param([*HEADER, "1", "Tập huấn cho", "12", "xã, phường", "Sở Nội vụ", "Sở Tài chính", "2026"], ["1"],
                 id="number-before-the-row-is-full-is-a-cell"),
]


@pytest.mark.parametrize("texts,expected", ROW_PATH_CASES)
def test_row_paths(texts, expected):
    assert [r.path for t in find_task_tables(txt(*texts)) for r in t.rows] == expected


def test_ocr_row_numbers_read_as_the_numbering_expects():
    texts = [*HEADER, "l.", "CÔNG TÁC TUYÊN TRUYỀN", "1", "Tổ chức hội nghị", "Sở Nội vụ", "Sở Tư pháp", "2025",
             "II", "CÔNG TÁC KIỂM TRA", "2", "Kiểm tra", "Sở Nội vụ", "Sở Tư pháp", "2025",
             "II", "KINH PHÍ", "3", "Bố trí kinh phí", "Sở Tài chính", "Sở Nội vụ", "2026"]
    as_read = [Line(text=t, line_no=k, ocr=True) for k, t in enumerate(texts)]
    (table,) = find_task_tables(as_read)
    assert [r.path for r in table.rows] == ["I", "I.1", "II", "II.2", "III", "III.3"]
    assert len(table.warnings) == 2
    # Typed, the same numbers are kept as written: "l." is no row, the second "II" no group.
    assert [r.path for r in find_task_tables(txt(*texts))[0].rows] == ["1", "II", "II.2", "II.3"]


@pytest.mark.parametrize("title,role", [
    pytest.param("TT", "number", id="tt"),
    pytest.param("Số TT", "number", id="so-tt"),
    pytest.param("Nhiệm vụ (Nội dung công việc)", "task", id="task"),
    pytest.param("Cơ quan (Đơn vị) chủ trì", "lead", id="lead"),
    pytest.param("Đơn vị thực hiện", "lead", id="lead-thuc-hien"),
    pytest.param("Cơ quan (Đơn vị) phối hợp", "support", id="support"),
    pytest.param("Thời gian (hoàn thành)", "deadline", id="deadline"),
    pytest.param("Tiến độ thực hiện", "deadline", id="tien-do"),
    pytest.param("Văn bản giao nhiệm vụ", "other", id="document-column"),
    pytest.param("Sản phẩm / Ghi chú", "other", id="product"),
    pytest.param("Thời hạn giải quyết", "other", id="procedure-time"),
])
def test_column_role(title, role):
    assert column_role(title) == role


@pytest.mark.parametrize("role,example", [(e.role, x) for e in lexicon.column_titles() for x in e.examples],
                         ids=lambda v: ascii_key(v))
def test_column_title_examples_get_their_role(role, example):
    assert column_role(example) == role


@pytest.mark.parametrize("under,role,example", [(e.under, e.role, x) for e in lexicon.sub_column_titles()
                                                for x in e.examples], ids=lambda v: ascii_key(str(v)))
def test_sub_column_examples_get_their_role(under, role, example):
    found = sub_column(example)
    assert found is not None and (found.under, found.role) == (under, role)


@pytest.mark.parametrize("example", [x for e in lexicon.load("table_columns")["collective_heads"]
                                     for x in e["examples"]], ids=ascii_key)
def test_collective_examples_stay_whole(example):
    last = split_units(example)[-1]  # the collective, its comma inside
    assert example.endswith(last) and "," in last


@pytest.mark.parametrize("cell,units", [
    pytest.param("Sở Tài chính; Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"], id="semicolons"),
    pytest.param("Các sở, ngành, UBND xã, phường, đặc khu", ["Các sở, ngành", "UBND xã, phường, đặc khu"],
                 id="collective-then-levels"),
    pytest.param("Các phòng, ban liên quan", ["Các phòng, ban liên quan"], id="collective-whole"),
    pytest.param("Hợp tác xã, tổ hợp tác", ["Hợp tác xã, tổ hợp tác"], id="unknown-kept-whole"),
    # tests/gold 61 Phụ lục.5 (NOTES-60-63 call 10): bare categories without a shared determiner are split.
    pytest.param("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư", ["Doanh nghiệp", "nhà cung cấp dịch vụ IoT", "nhà đầu tư"],
                 id="bare-categories-split"),
    pytest.param("Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan",
                 ["Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan"], id="one-determiner-over-categories"),
    pytest.param("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"],
                 id="two-bodies-without-a-comma"),
    pytest.param("Ban Quản lý dự án Sở Xây dựng", ["Ban Quản lý dự án Sở Xây dựng"], id="body-of-a-body-stays-whole"),
    pytest.param("Cơ quan, địa", ["Cơ quan, địa"], id="cut-cell-kept"),
    pytest.param("Cơ quan, địa phương liên quan", ["Cơ quan, địa phương liên quan"], id="collective-of-generic-heads"),
    pytest.param("Sở Tài chính và cơ quan, địa phương liên quan", ["Sở Tài chính", "cơ quan, địa phương liên quan"],
                 id="body-and-collective"),
    pytest.param("Văn phòng Ban Chỉ huy và cơ quan, địa phương liên quan",
                 ["Văn phòng Ban Chỉ huy", "cơ quan, địa phương liên quan"], id="office-and-collective"),
    pytest.param("Các sở, ban, ngành, các tổ chức chính trị-xã hội", ["Các sở, ban, ngành", "các tổ chức chính trị-xã hội"],
                 id="repeated-determiner-splits"),
])
def test_split_units(cell, units):
    assert split_units(cell) == units


@pytest.mark.parametrize("cell,date", [
    pytest.param("Quý I/2026", dt.date(2026, 3, 31), id="quarter"),
    pytest.param("Thường xuyên", None, id="open"),
    pytest.param("Năm 2025 - 2026", dt.date(2026, 12, 31), id="year-range-ends-last"),
    pytest.param("Quý IV/2025- Quý II/2026", dt.date(2026, 6, 30), id="quarter-range"),
    pytest.param("2026 - 2030", dt.date(2030, 12, 31), id="bare-year-range"),
])
def test_parse_table_deadline(cell, date):
    found = parse_table_deadline(cell)
    assert found is not None and found.date == date and found.text == cell


def test_table_rows_become_appendix_nodes():
    lines = txt("I. NHIỆM VỤ", "Triển khai kế hoạch.", "PHỤ LỤC I", "DANH MỤC NHIỆM VỤ", *HEADER,
                "I", "Công tác tuyên truyền", "1", "Tổ chức hội nghị quán triệt", "Ủy ban nhân dân phường",
                "Công an phường", "Quý I/2026", "2", "Tuyên truyền trên loa", "Phòng Văn hóa - Xã hội",
                "Thường xuyên")
    nodes = extract_nodes(join_paragraphs(lines))
    got = [(n.id, n.parent, n.text, n.task) for n in nodes if n.id.startswith("Phụ lục")]
    assert got == [
        ("Phụ lục I", None, "DANH MỤC NHIỆM VỤ", False),  # the appendix's title, not a column title
        ("Phụ lục I.I", "Phụ lục I", "Công tác tuyên truyền", False),
        ("Phụ lục I.I.1", "Phụ lục I.I", "Tổ chức hội nghị quán triệt", True),
        ("Phụ lục I.I.2", "Phụ lục I.I", "Tuyên truyền trên loa", True),
    ]
    assert [n.id for n in nodes if not n.id.startswith("Phụ lục")] == ["I"]


def test_repeated_and_continued_row_numbers_become_node_ids():
    lines = txt("PHỤ LỤC", *HEADER, "I.", "NÂNG CAO NHẬN THỨC", "1", "Tuyên truyền", "Sở Nội vụ", "Sở Tư pháp",
                "2025", "II. HOÀN", "THIỆN THỂ CHẾ", "2", "Rà soát văn bản", "Sở Tư pháp", "Sở Nội vụ", "2025",
                "2", "Ban hành quy chế", "Sở Tư pháp", "Sở Nội vụ", "2026")
    nodes = extract_nodes(join_paragraphs(lines))
    assert [(n.id, n.parent) for n in nodes if n.id != "Phụ lục"] == [
        ("Phụ lục.I", "Phụ lục"), ("Phụ lục.I.1", "Phụ lục.I"), ("Phụ lục.II", "Phụ lục"),
        ("Phụ lục.II.2", "Phụ lục.II"), ("Phụ lục.II.2#2", "Phụ lục.II")]


def test_docx_table(tmp_path):
    docx = pytest.importorskip("docx")
    from kehoach.extractors.docx import extract_lines

    document = docx.Document()
    document.add_paragraph("PHỤ LỤC")
    table = document.add_table(rows=4, cols=5)
    cells = [HEADER,
             ["I", "Công tác tuyên truyền", "", "", ""],
             ["1", "Tổ chức hội nghị", "Phòng Văn hóa - Xã hội", "", "Quý IV/2025"],
             ["2", "Kiểm tra, giám sát", "Ủy ban nhân dân phường", "Các phòng, ban liên quan", "Thường xuyên"]]
    for row, values in zip(table.rows, cells):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.rows[1].cells[1].merge(table.rows[1].cells[4])
    table.rows[1].cells[1].text = "Công tác tuyên truyền"
    path = tmp_path / "phu-luc.docx"
    document.save(path)
    lines = extract_lines(path.read_bytes())
    assert rows_of(lines) == [
        ("I", "Công tác tuyên truyền", (), (), None),
        ("I.1", "Tổ chức hội nghị", ("Phòng Văn hóa - Xã hội",), (), "Quý IV/2025"),
        ("I.2", "Kiểm tra, giám sát", ("Ủy ban nhân dân phường",), ("Các phòng, ban liên quan",), "Thường xuyên"),
    ]


def test_row_numbers_of_a_long_table_are_not_taken_for_page_numbers():
    """Rows whose cells run over many lines put their numbers a page's worth of lines apart;
    inside a task table they stay row numbers (pipeline.stages.normalise)."""
    from kehoach.pipeline.stages import normalise
    from kehoach.schemas.layout import RawDocument

    long_cell = [f"nội dung công việc chi tiết phần {i}," for i in range(20)]
    texts = ["PHỤ LỤC", "TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
             "1", "Rà soát quy hoạch", *long_cell, "Sở Xây dựng", "Sở Tài chính", "Quý I/2026",
             "2", "Lập kế hoạch vốn", *long_cell, "Sở Tài chính", "Sở Xây dựng", "Quý II/2026"]
    raw = RawDocument(path="t.txt", sha256="0", format="txt", lines=[Line(text=t) for t in texts])
    kept = [line.text for line in normalise(raw)]
    assert kept.count("2") == 1 and kept.count("1") == 1
