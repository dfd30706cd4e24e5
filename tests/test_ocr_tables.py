"""Ruled tables on scanned pages: the page turned upright, rules found, cells read column by column."""

from __future__ import annotations

import importlib.util
import sys

import numpy as np
import pytest
from PIL import Image, ImageDraw

from kehoach.extractors import ocr, ocr_tables
from kehoach.extractors.ocr_tables import as_row_number, find_scanned_tables, skew_angle

from .conftest import ROOT

DPI = 200


def _grid(rows: int, widths: list[int], *, angle: float = 0.0, span_row: int | None = None) -> np.ndarray:
    """A ruled grid drawn on a white page (pixels at ``DPI``), turned by ``angle`` degrees; the row
    ``span_row`` is one cell across the table (a section heading)."""
    page = Image.new("L", (1600, 2200), 255)
    draw = ImageDraw.Draw(page)
    left, top, height = 150, 300, 120
    xs = [left + sum(widths[:k]) for k in range(len(widths) + 1)]
    for r in range(rows + 1):
        draw.line((xs[0], top + r * height, xs[-1], top + r * height), fill=0, width=3)
    for r in range(rows):
        inner = xs[1:-1] if r != span_row else []
        for x in (xs[0], *inner, xs[-1]):
            draw.line((x, top + r * height, x, top + (r + 1) * height), fill=0, width=3)
        draw.text((xs[0] + 20, top + r * height + 40), f"{r + 1}", fill=0)
    return np.asarray(page.rotate(angle, resample=Image.BILINEAR, fillcolor=255))


@pytest.mark.parametrize("angle", [0.0, 0.8, -1.4, 2.5])
def test_the_angle_that_makes_the_rules_level_is_found(angle):
    # the page was turned by ``angle``; turning it back by the opposite angle makes it level
    assert skew_angle(_grid(6, [200, 700, 400], angle=angle) < ocr_tables.INK) == pytest.approx(-angle, abs=0.1)


@pytest.mark.parametrize("angle", [0.0, 1.2, -1.5])
def test_a_skewed_grid_gives_its_cells_row_by_row(angle):
    found = find_scanned_tables(_grid(6, [200, 700, 400], angle=angle, span_row=2), DPI)
    assert found is not None and len(found.tables) == 1
    assert [len(row) for row in found.tables[0].rows] == [3, 3, 1, 3, 3, 3]
    widths = [round((c[2] - c[0]) * DPI / 72) for c in found.tables[0].rows[0]]
    assert widths == [pytest.approx(w, abs=6) for w in (200, 700, 400)]


def test_a_page_without_rules_has_no_table():
    page = Image.new("L", (1600, 2200), 255)
    draw = ImageDraw.Draw(page)
    for k in range(30):
        draw.text((150, 200 + 50 * k), "Triển khai thực hiện kế hoạch " * 3, fill=0)
    draw.line((600, 120, 1000, 120), fill=0, width=2)  # the underline under "Độc lập - Tự do - Hạnh phúc"
    assert find_scanned_tables(np.asarray(page), DPI) is None


def test_a_column_is_cropped_to_its_cells_with_the_rules_erased():
    found = find_scanned_tables(_grid(4, [120, 700, 400]), DPI)
    table = found.tables[0]
    groups = ocr_tables.cell_groups(table)
    assert sorted(len(g) for g in groups) == [4, 4, 4]
    narrow = [g for g in groups if ocr_tables.is_narrow(table, g)]
    assert len(narrow) == 1  # 120 px at 200 dpi: the row numbers' column
    image, corner = ocr_tables.group_image(found, table, narrow[0], DPI)
    assert image.shape[1] == pytest.approx(120, abs=8) and corner[0] == pytest.approx(150, abs=4)
    assert (image < ocr_tables.INK).mean() < 0.02  # the digits' ink is left, the rules are gone


ROW_NUMBERS = [
    pytest.param("H", "II", id="serif-II-read-as-H"),
    pytest.param("IH", "III", id="serif-III-read-as-IH"),
    pytest.param("Ill", "III", id="serif-III-read-as-Ill"),
    pytest.param("U", "II", id="serif-II-read-as-U"),
    pytest.param("|", "I", id="I-read-as-bar"),
    pytest.param("H.", "II.", id="with-its-dot"),
    pytest.param("IV", "IV", id="a-numeral-stays"),
    pytest.param("7", "7", id="a-digit-stays"),
    pytest.param("Hà", "Hà", id="a-word-stays"),
    pytest.param("HH", "IIII", id="HH-is-no-numeral-but-IIII-reads"),
]


@pytest.mark.parametrize("raw,expected", ROW_NUMBERS)
def test_row_numbers_read_as_strokes_are_put_right(raw, expected):
    assert as_row_number(raw) == expected


# --- end to end: a plan with an appendix task table, typeset, scanned with damage, OCR'd -------------

UNITS = ["Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Công an tỉnh", "Sở Xây dựng", "Sở Công Thương"]
TASKS = ["Rà soát, tổng hợp nhu cầu kinh phí thực hiện kế hoạch.", "Hướng dẫn sắp xếp tổ chức bộ máy.",
         "Kiểm tra an toàn thực phẩm tại các chợ.", "Bảo đảm an ninh trật tự tại các điểm.",
         "Thẩm định thiết kế các công trình.", "Phát triển thương mại điện tử."]


def _plan_with_a_table() -> str:
    body = "\n".join(f"{k}. Tổ chức quán triệt, triển khai thực hiện nghiêm túc các nội dung của Kế hoạch, bảo "
                     f"đảm đúng tiến độ, chất lượng và hiệu quả trong năm 2026 tại cơ quan, đơn vị." for k in range(1, 19))
    rows = "\n".join(f"{k}\n{task}\n{unit}\nCác sở, ban, ngành\nQuý IV/2026"
                     for k, (task, unit) in enumerate(zip(TASKS, UNITS), start=1))
    return ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 12/KH-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nĐồng Tháp, ngày 01 tháng 12 năm 2025\n\nKẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\n"
            f"I. MỤC ĐÍCH\n{body}\nII. TỔ CHỨC THỰC HIỆN\nCác sở, ngành thực hiện nhiệm vụ tại Phụ lục kèm theo.\n\n"
            "PHỤ LỤC\n\nDANH MỤC NHIỆM VỤ\n\n(Kèm theo Kế hoạch số 12/KH-UBND ngày 01/12/2025)\n\n"
            f"STT\nTên nhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian hoàn thành\n{rows}\n")


@pytest.fixture(scope="module")
def scanned_plan():
    reason = ocr.ocr_unavailable_reason()
    if reason:
        pytest.skip(reason)
    sys.path.insert(0, str(ROOT / "samples"))
    import make_samples

    spec = importlib.util.spec_from_file_location("synthetic_scans", ROOT / "benchmarks" / "synthetic_scans.py")
    synthetic = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synthetic)
    return synthetic.scan(make_samples.typeset_text(_plan_with_a_table()), "ocr-table-test")


def test_a_scanned_task_table_comes_out_one_cell_a_line(scanned_plan):
    import pypdfium2 as pdfium

    pages = len(pdfium.PdfDocument(scanned_plan))
    result = ocr.ocr_pages(scanned_plan, list(range(2, pages + 1)), jobs=1)
    texts = [line.text for number in sorted(result.pages) for line in result.pages[number]]
    assert any("ruled table read cell by cell" in w for w in result.warnings)
    assert sum(unit in texts for unit in UNITS) >= len(UNITS) - 1  # each unit its own cell line
    assert not [t for t in texts if any(u in t for u in UNITS) and any(t.startswith(w[:8]) for w in TASKS)]
    assert [t for t in texts if t in {str(k) for k in range(1, 7)}] == [str(k) for k in range(1, 7)]


def test_the_scanned_table_assigns_what_the_text_assigns(scanned_plan, tmp_path):
    from kehoach.pipeline import api

    path = tmp_path / "ke-hoach-scan.pdf"
    path.write_bytes(scanned_plan)
    leads = {(a.node, a.unit) for a in api.extract(path).assignments if a.role == "lead"}
    expected = {(a.node, a.unit) for a in api.extract_string(_plan_with_a_table()).assignments if a.role == "lead"}
    assert {unit for _, unit in expected} >= set(UNITS)  # the text path reads every row's lead
    assert len(leads & expected) >= len(expected) - 1
