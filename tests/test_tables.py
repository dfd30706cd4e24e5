"""Appendix task tables (extractors/tables.py): header roles, rows, cells, and their nodes."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.extractors.normalize import join_paragraphs
from kehoach.extractors.structure import extract_nodes
from kehoach.extractors.tables import column_role, find_task_tables, parse_table_deadline, split_units
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


@pytest.mark.parametrize("cell,units", [
    pytest.param("Sở Tài chính; Sở Nội vụ", ["Sở Tài chính", "Sở Nội vụ"], id="semicolons"),
    pytest.param("Các sở, ngành, UBND xã, phường, đặc khu", ["Các sở, ngành", "UBND xã, phường, đặc khu"],
                 id="collective-then-levels"),
    pytest.param("Các phòng, ban liên quan", ["Các phòng, ban liên quan"], id="collective-whole"),
    pytest.param("Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư",
                 ["Doanh nghiệp, nhà cung cấp dịch vụ IoT, nhà đầu tư"], id="unknown-kept-whole"),
    pytest.param("Sở Khoa học và Công nghệ Sở Công Thương", ["Sở Khoa học và Công nghệ", "Sở Công Thương"],
                 id="two-bodies-without-a-comma"),
    pytest.param("Ban Quản lý dự án Sở Xây dựng", ["Ban Quản lý dự án Sở Xây dựng"], id="body-of-a-body-stays-whole"),
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
        ("Phụ lục I", None, None, False),
        ("Phụ lục I.I", "Phụ lục I", "Công tác tuyên truyền", False),
        ("Phụ lục I.I.1", "Phụ lục I.I", "Tổ chức hội nghị quán triệt", True),
        ("Phụ lục I.I.2", "Phụ lục I.I", "Tuyên truyền trên loa", True),
    ]
    assert [n.id for n in nodes if not n.id.startswith("Phụ lục")] == ["I"]


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
