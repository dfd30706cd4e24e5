"""Ruled task tables in PDFs (extractors/pdf.py): one line per cell, row by row, as DOCX gives them.

The PDFs are typeset here with reportlab (a grid ``Table`` in Liberation Serif, as
samples/make_samples.py does), so the cells, spans and wraps are known by construction.
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
from pathlib import Path

import pytest

from kehoach.extractors.pdf import extract_lines, find_ruled_tables
from kehoach.extractors.tables import find_task_tables
from kehoach.pipeline import api

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SHARED_PDF = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "pdf"

HEADER = ["TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]

PLAN_HEAD = [
    "ỦY BAN NHÂN DÂN PHƯỜNG GIA VIÊN",
    "KẾ HOẠCH",
    "Triển khai công tác chuyển đổi số năm 2026",
    ("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
     "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"),
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Triển khai đồng bộ các nhiệm vụ chuyển đổi số trên địa bàn phường.",
    "II. NHIỆM VỤ",
    "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.",
]

# A group row "I" spanning the table, three task rows; row 2's task and support cells wrap.
TASK_ROWS = [
    ["I", "Công tác tuyên truyền", "", "", ""],
    ["1", "Tổ chức hội nghị quán triệt Nghị quyết", "Ủy ban nhân dân phường",
     "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "Tháng 12/2025"],
    ["2", "Xây dựng chuyên mục chuyển đổi số trên trang thông tin điện tử của phường, cập nhật tin bài hằng tuần",
     "Phòng Văn hóa - Xã hội", "Công an phường; Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", "Quý I/2026"],
    ["3", "Rà soát, chuẩn hóa dữ liệu dân cư", "Công an phường", "Phòng Kinh tế", "Trước ngày 31/3/2026"],
]


def typeset_table_plan(rows: list[list[str]], header: list[str] = HEADER, *, after: str = "Trên đây là Kế hoạch triển khai công tác chuyển đổi số năm 2026.",
                       second_header: list[str] | None = None) -> bytes:
    """A short plan whose appendix is a grid table (reportlab, Liberation Serif)."""
    import sys

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    sys.path.insert(0, str(SAMPLES))
    from make_samples import _fonts

    _fonts()
    body = ParagraphStyle("body", fontName="Serif", fontSize=13, leading=17, spaceAfter=5)
    bold = ParagraphStyle("bold", parent=body, fontName="Serif-Bold", alignment=1)
    cell = ParagraphStyle("cell", fontName="Serif", fontSize=11, leading=13.5)
    head = ParagraphStyle("head", parent=cell, fontName="Serif-Bold", alignment=1)
    story = [Paragraph(PLAN_HEAD[0], bold), Spacer(1, 6 * mm), Paragraph(PLAN_HEAD[1], bold),
             Paragraph(PLAN_HEAD[2], bold), Spacer(1, 4 * mm)]
    story += [Paragraph(t, body) for t in PLAN_HEAD[3:]]
    story += [Paragraph(after, body), PageBreak(), Paragraph("PHỤ LỤC", bold),
              Paragraph("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", bold), Spacer(1, 4 * mm)]
    data = [[Paragraph(t, head) for t in header]]
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    if second_header:  # "Cơ quan thực hiện" over "Chủ trì | Phối hợp"; TT, task and time span both rows
        data.append([Paragraph(t, head) for t in second_header])
        style += [("SPAN", (0, 0), (0, 1)), ("SPAN", (1, 0), (1, 1)), ("SPAN", (2, 0), (3, 0)),
                  ("SPAN", (4, 0), (4, 1))]
    heads = len(data)
    data += [[Paragraph(t, cell) for t in row] for row in rows]
    width = A4[0] - 45 * mm
    table = Table(data, colWidths=[w * width for w in (0.07, 0.33, 0.2, 0.22, 0.18)], repeatRows=heads)
    style += [("SPAN", (1, k), (-1, k)) for k, row in enumerate(rows, start=heads) if not any(row[2:])]
    table.setStyle(TableStyle(style))
    story.append(table)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, topMargin=20 * mm, bottomMargin=20 * mm, leftMargin=30 * mm,
                      rightMargin=15 * mm).build(story)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """The test plans typeset once: a grouped table, a flat one, one over three pages, a table of figures."""
    folder = tmp_path_factory.mktemp("pdf_tables")
    long_rows = [[str(n), f"Kiểm tra việc thực hiện nhiệm vụ chuyển đổi số tại tổ dân phố số {n}",
                  "Phòng Văn hóa - Xã hội", "Công an phường", "Quý II/2026"] for n in range(1, 31)]
    plans = {
        "grouped": typeset_table_plan(TASK_ROWS),
        "flat": typeset_table_plan(TASK_ROWS[1:]),
        "two-header-rows": typeset_table_plan(TASK_ROWS[1:], ["TT", "Nội dung nhiệm vụ", "Cơ quan thực hiện", "",
                                                              "Thời gian hoàn thành"],
                                              second_header=["", "", "Chủ trì", "Phối hợp", ""]),
        "long": typeset_table_plan(long_rows),
        "figures": typeset_table_plan([["1", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "85", "90"],
                                       ["2", "Số tổ công nghệ số cộng đồng", "tổ", "12", "15"]],
                                      header=["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026"]),
    }
    out = {}
    for name, data in plans.items():
        out[name] = folder / f"{name}.pdf"
        out[name].write_bytes(data)
    return out


def table_lines(path: Path, engine: str = "pdfium") -> list[tuple[str, bool]]:
    """(text, first cell of its row) of the lines read as table cells."""
    lines, _ = extract_lines(path.read_bytes(), engine=engine)
    return [(line.text, line.blank_before) for line in lines if line.hard_break]


# --- reading: one line per cell, row by row ------------------------------------

# fmt: off
EXPECTED_CELLS = [
    ("TT", True), ("Nội dung nhiệm vụ", False), ("Cơ quan chủ trì", False), ("Cơ quan phối hợp", False),
    ("Thời gian hoàn thành", False),
    ("I", True), ("Công tác tuyên truyền", False),
    ("1", True), ("Tổ chức hội nghị quán triệt Nghị quyết", False), ("Ủy ban nhân dân phường", False),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam phường", False), ("Tháng 12/2025", False),
    ("2", True),
    ("Xây dựng chuyên mục chuyển đổi số trên trang thông tin điện tử của phường, cập nhật tin bài hằng tuần",
     False),
    ("Phòng Văn hóa - Xã hội", False), ("Công an phường; Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", False),
    ("Quý I/2026", False),
    ("3", True), ("Rà soát, chuẩn hóa dữ liệu dân cư", False), ("Công an phường", False), ("Phòng Kinh tế", False),
    ("Trước ngày 31/3/2026", False),
]
# fmt: on


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_task_table_cells_are_lines(pdfs, engine):
    # Wrapped cells come back whole; the spanning group row gives two cells; empty cells none.
    assert table_lines(pdfs["grouped"], engine) == EXPECTED_CELLS


def test_text_around_the_table_keeps_its_order(pdfs):
    lines, _ = extract_lines(pdfs["grouped"].read_bytes())
    texts = [line.text for line in lines]
    assert texts.index("DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026") + 1 == texts.index("TT")
    assert texts[-1] == "Trước ngày 31/3/2026"
    cells = [line for line in lines if line.hard_break]
    assert all(line.page == 2 and line.x0 is not None and line.top is not None for line in cells)
    assert [round(line.x0) for line in cells[:5]] == sorted(round(line.x0) for line in cells[:5])


def test_table_over_pages_repeats_no_header(pdfs):
    # reportlab repeats the header row on each page: read once, the rows run on 1 … 30.
    lines, pages = extract_lines(pdfs["long"].read_bytes())
    assert pages >= 3
    assert [t for t, _ in table_lines(pdfs["long"])].count("TT") == 1
    tables = find_task_tables(lines)
    assert len(tables) == 1
    assert [r.label for r in tables[0].rows] == [str(n) for n in range(1, 31)]
    assert {r.leads for r in tables[0].rows} == {("Phòng Văn hóa - Xã hội",)}


def test_table_without_role_columns_stays_text(pdfs):
    lines, _ = extract_lines(pdfs["figures"].read_bytes())
    assert not any(line.hard_break for line in lines)
    assert "TT Chỉ tiêu Đơn vị tính Năm 2025 Năm 2026" in [line.text for line in lines]
    assert find_task_tables(lines) == []
    assert not [n for n in api.extract(pdfs["figures"]).nodes if n.id.startswith("Phụ lục.")]


# --- the pipeline: rows become appendix nodes with their assignments ---------------

def assignments_of(path: Path) -> list[tuple]:
    return [(a.node, a.unit, a.role, a.deadline, a.deadline_text) for a in api.extract(path).assignments]


# fmt: off
ROW_ASSIGNMENTS = [
    ("1", "Ủy ban nhân dân phường", "lead", dt.date(2025, 12, 31), "Tháng 12/2025"),
    ("1", "Ủy ban Mặt trận Tổ quốc Việt Nam phường", "support", dt.date(2025, 12, 31), "Tháng 12/2025"),
    ("2", "Phòng Văn hóa - Xã hội", "lead", dt.date(2026, 3, 31), "Quý I/2026"),
    ("2", "Công an phường", "support", dt.date(2026, 3, 31), "Quý I/2026"),
    ("2", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường", "support", dt.date(2026, 3, 31), "Quý I/2026"),
    ("3", "Công an phường", "lead", dt.date(2026, 3, 31), "Trước ngày 31/3/2026"),
    ("3", "Phòng Kinh tế", "support", dt.date(2026, 3, 31), "Trước ngày 31/3/2026"),
]
# fmt: on


@pytest.mark.parametrize("plan,prefix", [
    pytest.param("flat", "Phụ lục.", id="rows-under-the-appendix"),
    pytest.param("two-header-rows", "Phụ lục.", id="lead-and-support-under-a-spanning-title"),
    pytest.param("grouped", "Phụ lục.I.", id="rows-under-a-group-row"),
])
def test_extract_gives_row_nodes_and_assignments(pdfs, plan, prefix):
    doc = api.extract(pdfs[plan])
    rows = [n for n in doc.nodes if n.id.startswith("Phụ lục.")]
    expected_ids = (["Phụ lục.I"] if plan == "grouped" else []) + [f"{prefix}{k}" for k in (1, 2, 3)]
    assert [n.id for n in rows] == expected_ids
    assert [n.text for n in rows if n.task] == [r[1] for r in TASK_ROWS[1:]]
    assert assignments_of(pdfs[plan]) == [(prefix + node, *rest) for node, *rest in ROW_ASSIGNMENTS]


# A clerk's copy (one cell a line) typeset by samples/make_samples.py: its task table is drawn ruled.
CLERK_PLAN = """ỦY BAN NHÂN DÂN
PHƯỜNG GIA VIÊN
Số: 12/KH-UBND
KẾ HOẠCH
Triển khai công tác chuyển đổi số năm 2026
I. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo.
Trên đây là Kế hoạch triển khai công tác chuyển đổi số năm 2026.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
TT
Nhiệm vụ
Cơ quan chủ trì
Cơ quan phối hợp
Thời gian hoàn thành
I.
CÔNG TÁC TUYÊN TRUYỀN
1
Tổ chức hội nghị quán triệt Nghị quyết
Ủy ban nhân dân phường
Công an phường
Tháng 12/2025
II. CÔNG TÁC
KIỂM TRA
2
Kiểm tra việc thực hiện
Phòng Kinh tế
Quý I/2026
"""


def test_typeset_clerk_copy_table_reads_back(tmp_path):
    import sys

    sys.path.insert(0, str(SAMPLES))
    from make_samples import typeset_text

    path = tmp_path / "clerk.pdf"
    path.write_bytes(typeset_text(CLERK_PLAN))
    doc = api.extract(path)
    assert [n.id for n in doc.nodes if n.id.startswith("Phụ lục.")] == [
        "Phụ lục.I", "Phụ lục.I.1", "Phụ lục.II", "Phụ lục.II.2"]
    assert [(a.node, a.unit, a.role) for a in doc.assignments if a.node.startswith("Phụ lục.")] == [
        ("Phụ lục.I.1", "Ủy ban nhân dân phường", "lead"), ("Phụ lục.I.1", "Công an phường", "support"),
        ("Phụ lục.II.2", "Phòng Kinh tế", "lead")]


# --- rules → cells (pdfplumber's table steps over plain edge dicts) ----------------

def _h(top, x0=0.0, x1=100.0):
    return {"x0": x0, "x1": x1, "top": top, "bottom": top, "orientation": "h"}


def _v(x, top=0.0, bottom=40.0):
    return {"x0": x, "x1": x, "top": top, "bottom": bottom, "orientation": "v"}


@pytest.mark.parametrize("edges,shape", [
    pytest.param([_h(0), _h(20), _h(40), _v(0), _v(50), _v(100)], [2, 2], id="two-by-two-grid"),
    pytest.param([_h(0), _h(20.8), _h(40), _v(0.5), _v(50), _v(99.6)], [2, 2], id="rules-a-little-off"),
    pytest.param([_h(0), _h(20), _h(40), _v(0), _v(100)], [1, 1], id="one-column"),
    pytest.param([_h(0), _h(40), _v(0), _v(100)], [], id="too-few-rules"),
    pytest.param([_h(0), _h(20), _h(40)], [], id="underlines-only"),
])
def test_find_ruled_tables(edges, shape):
    edges = [{**e, "doctop": e["top"], "width": e["x1"] - e["x0"], "height": e["bottom"] - e["top"],
              "object_type": "line"} for e in edges]
    tables = find_ruled_tables(edges)
    assert [len(row) for t in tables for row in t.rows] == shape


# --- what does not change ----------------------------------------------------------

@pytest.mark.parametrize("path", sorted((SAMPLES / "pdf").glob("*.pdf")), ids=lambda p: p.stem)
def test_samples_have_no_table_cells(path):
    lines, _ = extract_lines(path.read_bytes())
    assert not any(line.hard_break for line in lines)


def test_real_pdf_with_a_ruled_appendix(shared_corpus):
    # native_1696's appendix is a ruled table of procedures (no lead column): it stays text.
    path = SHARED_PDF / "native_1696-QD-UBND_quyet-dinh-uy-quyen.pdf"
    if not path.exists():
        pytest.skip("native_1696 is not in ../shared/corpus/pdf")
    lines, pages = extract_lines(path.read_bytes())
    assert pages == 3 and not any(line.hard_break for line in lines)
    assert any(line.text.startswith("STT NỘI DUNG NHIỆM VỤ ỦY QUYỀN") for line in lines)


# --- a task table going on from the page before ---------------------------------------------------------

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
SAME_HEADER = [
    pytest.param(HEADER, True, id="repeated-word-for-word"),
    pytest.param(["ST T", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời øian hoàn thành"], True,
                 id="a-scan-misreads-words-not-roles"),
    pytest.param(["5", "Xây dựng kế hoạch hỗ trợ doanh nghiệp", "Sở KH&CN", "Các sở, ban, ngành", "Quý IV/2025"],
                 False, id="a-first-row-of-data-is-no-header"),
    pytest.param(["STT", "Nhiệm vụ", "Cơ quan phối hợp", "Cơ quan chủ trì", "Thời gian hoàn thành"], False,
                 id="roles-in-other-columns"),
    pytest.param(HEADER[:4], False, id="fewer-columns"),
]


@pytest.mark.parametrize("texts,expected", SAME_HEADER)
def test_a_repeated_header_is_known_by_its_column_roles(texts, expected):
    from kehoach.extractors.pdf_tables import _same_header

    assert _same_header(texts, HEADER) is expected


def _table(bounds: list[float]):
    from kehoach.extractors.pdf_tables import RuledTable

    return RuledTable(bbox=(bounds[0], 0, bounds[-1], 100), rows=[[(a, 0, b, 20) for a, b in itertools.pairwise(bounds)]])


@pytest.mark.parametrize("ours,tolerance,expected", [
    pytest.param([50, 80, 300, 400, 500], 2.0, True, id="same-columns"),
    pytest.param([56, 86, 306, 406, 506], 2.0, True, id="the-page-sits-further-right"),
    pytest.param([50, 80, 290, 400, 500], 2.0, False, id="a-column-narrower"),
    pytest.param([50, 85, 300, 400, 500], 8.0, True, id="a-scan-wanders-within-its-tolerance"),
    pytest.param([50, 80, 300, 500], 8.0, False, id="fewer-columns"),
])
def test_a_table_goes_on_when_its_columns_are_as_wide(ours, tolerance, expected):
    from kehoach.extractors.pdf_tables import _continues

    assert _continues(_table(ours), _table([50, 80, 300, 400, 500]), tolerance) is expected
