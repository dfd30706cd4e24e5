"""DOCX input: header and signature tables, automatic numbering, bold headings, task tables.

Every document is built here with python-docx; expected values were read off the
built document by eye (what Word shows), not copied from the reader's output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from kehoach.extractors.docx import DocxReadError, extract_lines, format_number
from kehoach.pipeline import api, readers
from kehoach.pipeline.errors import InputError

# --- building documents ------------------------------------------------------------

LEVELS = (("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)"))


def add_numbering(document, num_id: int, levels=LEVELS, start: int = 1) -> int:
    """A list definition (abstractNum + num) in numbering.xml; returns its numId."""
    root = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>')
    first_num = root.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                          f'<w:abstractNumId w:val="{num_id}"/></w:num>'))
    return num_id


def numbered(document, text: str, num_id: int, level: int, *, bold: bool = False):
    """A paragraph numbered by Word (the marker is not in its text)."""
    para = document.add_paragraph()
    para.add_run(text).bold = bold or None
    ppr = para._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                         f'<w:numId w:val="{num_id}"/></w:numPr>'))
    return para


def fill_cell(cell, lines: list[str], *, bold: bool = False) -> None:
    cell.paragraphs[0].add_run(lines[0]).bold = bold or None
    for text in lines[1:]:
        cell.add_paragraph().add_run(text).bold = bold or None


def header_table(document) -> None:
    table = document.add_table(rows=1, cols=2)
    fill_cell(table.cell(0, 0), ["ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 45/KH-UBND"])
    fill_cell(table.cell(0, 1), ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                 "An Bình, ngày 10 tháng 3 năm 2025"])


def task_table(document) -> None:
    table = document.add_table(rows=3, cols=4)
    for k, text in enumerate(["Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]):
        table.cell(0, k).text = text
    table.cell(1, 0).text = "Kiểm tra đê điều"
    table.cell(2, 0).text = "Diễn tập cứu hộ"
    merged = table.cell(1, 1).merge(table.cell(2, 1))  # one lead unit for both rows
    merged.text = "Công an xã"
    table.cell(1, 2).text = "Đoàn Thanh niên"
    table.cell(2, 2).text = "Trạm Y tế"
    table.cell(1, 3).text = "Tháng 4/2025"
    table.cell(2, 3).text = "Tháng 5/2025"


def signature_table(document) -> None:
    table = document.add_table(rows=1, cols=2)
    fill_cell(table.cell(0, 0), ["Nơi nhận:", "- UBND huyện;", "- Lưu: VT."])
    fill_cell(table.cell(0, 1), ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"], bold=True)


def plan_docx(path: Path) -> Path:
    document = docx.Document()
    header_table(document)
    document.add_paragraph()
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph().add_run("Phòng, chống thiên tai năm 2025").bold = True
    document.add_paragraph()
    document.add_paragraph("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;")
    document.add_paragraph("Ủy ban nhân dân xã ban hành Kế hoạch như sau:")
    num = add_numbering(document, 90)
    numbered(document, "MỤC ĐÍCH, YÊU CẦU", num, 0, bold=True)
    numbered(document, "Mục đích", num, 1, bold=True)
    document.add_paragraph("Chủ động phòng ngừa, giảm thiểu thiệt hại do thiên tai gây ra.")
    numbered(document, "Yêu cầu", num, 1, bold=True)
    document.add_paragraph("Bảo đảm an toàn tính mạng của Nhân dân.")
    numbered(document, "NHIỆM VỤ", num, 0, bold=True)
    numbered(document, "Các cơ quan", num, 1, bold=True)
    numbered(document, "Công an xã bảo đảm an ninh trật tự.", num, 2)
    numbered(document, "Trạm Y tế xã chuẩn bị thuốc men.", num, 2)
    task_table(document)
    document.add_paragraph()
    signature_table(document)
    path = path / "ke-hoach.docx"
    document.save(path)
    return path


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return plan_docx(tmp_path)


# --- lines ------------------------------------------------------------------------

EXPECTED_LINES = [
    # header table: left cell, then right cell
    ("ỦY BAN NHÂN DÂN", "left"), ("XÃ AN BÌNH", "left"), ("Số: 45/KH-UBND", "left"),
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "right"), ("Độc lập - Tự do - Hạnh phúc", "right"),
    ("An Bình, ngày 10 tháng 3 năm 2025", "right"),
    ("KẾ HOẠCH", None), ("Phòng, chống thiên tai năm 2025", None),
    ("Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;", None),
    ("Ủy ban nhân dân xã ban hành Kế hoạch như sau:", None),
    ("I. MỤC ĐÍCH, YÊU CẦU", None),
    ("1. Mục đích", None),
    ("Chủ động phòng ngừa, giảm thiểu thiệt hại do thiên tai gây ra.", None),
    ("2. Yêu cầu", None),
    ("Bảo đảm an toàn tính mạng của Nhân dân.", None),
    ("II. NHIỆM VỤ", None),
    ("1. Các cơ quan", None),  # the decimal level restarts under II
    ("a) Công an xã bảo đảm an ninh trật tự.", None),
    ("b) Trạm Y tế xã chuẩn bị thuốc men.", None),
    # task table: row by row, one cell a line, the merged cell once
    ("Nhiệm vụ", None), ("Cơ quan chủ trì", None), ("Cơ quan phối hợp", None), ("Thời gian", None),
    ("Kiểm tra đê điều", None), ("Công an xã", None), ("Đoàn Thanh niên", None), ("Tháng 4/2025", None),
    ("Diễn tập cứu hộ", None), ("Trạm Y tế", None), ("Tháng 5/2025", None),
    # signature table: left cell, then right cell
    ("Nơi nhận:", "left"), ("- UBND huyện;", "left"), ("- Lưu: VT.", "left"),
    ("TM. ỦY BAN NHÂN DÂN", "right"), ("CHỦ TỊCH", "right"), ("Nguyễn Văn An", "right"),
]


def test_lines_in_reading_order_with_columns(plan):
    lines = readers.read_document(plan).lines
    assert [(line.text, line.column) for line in lines] == EXPECTED_LINES
    assert [line.line_no for line in lines] == list(range(len(EXPECTED_LINES)))


def test_bold_and_blank_before(plan):
    by_text = {line.text: line for line in readers.read_document(plan).lines}
    assert by_text["KẾ HOẠCH"].bold and by_text["KẾ HOẠCH"].blank_before  # after the header table
    assert by_text["I. MỤC ĐÍCH, YÊU CẦU"].bold
    assert by_text["1. Mục đích"].bold
    assert not by_text["a) Công an xã bảo đảm an ninh trật tự."].bold
    assert by_text["Căn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013;"].blank_before
    assert not by_text["Ủy ban nhân dân xã ban hành Kế hoạch như sau:"].blank_before
    assert by_text["Nhiệm vụ"].blank_before and by_text["Kiểm tra đê điều"].blank_before  # a row starts
    assert not by_text["Thời gian"].blank_before
    assert by_text["Nguyễn Văn An"].bold and by_text["Nơi nhận:"].blank_before


# --- the parsed document -------------------------------------------------------------


def test_metadata_from_header_table(plan):
    meta = api.extract(plan).metadata
    assert meta.issuer == "Ủy ban nhân dân xã An Bình"
    assert meta.number == "45/KH-UBND"
    assert meta.place == "An Bình"
    assert meta.date == dt.date(2025, 3, 10)
    assert meta.doc_type == "Kế hoạch"
    assert meta.signer is not None and meta.signer.name == "Nguyễn Văn An"
    assert "UBND huyện" in " ".join(meta.recipients)


def test_nodes_from_automatic_numbering(plan):
    doc = api.extract(plan)
    ids = [node.id for node in doc.nodes]
    for node_id in ("I", "I.1", "I.2", "II", "II.1", "II.1.a", "II.1.b"):
        assert node_id in ids
    assert ids.index("I") < ids.index("I.1") < ids.index("I.2") < ids.index("II") < ids.index("II.1.a")
    nodes = {node.id: node for node in doc.nodes}
    assert nodes["I"].heading == "MỤC ĐÍCH, YÊU CẦU"
    assert nodes["II.1.a"].text == "Công an xã bảo đảm an ninh trật tự."
    assert nodes["II.1.b"].heading == "Trạm Y tế xã chuẩn bị thuốc men"
    # the task table follows the last item, one cell a line (as Word has them), the merged cell once
    assert (nodes["II.1.b"].text or "").split("\n")[-7:] == [
        "Kiểm tra đê điều", "Công an xã", "Đoàn Thanh niên", "Tháng 4/2025",
        "Diễn tập cứu hộ", "Trạm Y tế", "Tháng 5/2025",
    ]
    assert "Chủ động phòng ngừa" in (nodes["I.1"].text or "")
    assert nodes["I.1"].heading == "Mục đích"  # Word's paragraphs are kept, not re-joined
    signature_words = " ".join((n.text or "") + " " + (n.heading or "") for n in doc.nodes)
    assert "Nguyễn Văn An" not in signature_words and "Nơi nhận" not in signature_words


# --- numbering details ---------------------------------------------------------------------


def _lines_of(document, tmp_path: Path) -> list[str]:
    path = tmp_path / "d.docx"
    document.save(path)
    return [line.text for line in extract_lines(path.read_bytes())]


def test_list_number_style_numbers_through_the_style(tmp_path):
    document = docx.Document()
    for text in ("Tuyên truyền", "Kiểm tra", "Báo cáo"):
        document.add_paragraph(text, style="List Number")
    assert _lines_of(document, tmp_path) == ["1. Tuyên truyền", "2. Kiểm tra", "3. Báo cáo"]


def test_letters_follow_word_not_vietnamese_alphabet(tmp_path):
    document = docx.Document()
    num = add_numbering(document, 91, levels=(("lowerLetter", "%1)"),))
    for text in ("một", "hai", "ba", "bốn", "năm", "sáu"):
        numbered(document, text, num, 0)
    assert _lines_of(document, tmp_path) == ["a) một", "b) hai", "c) ba", "d) bốn", "e) năm", "f) sáu"]


def test_multilevel_text_bullets_start_and_separate_lists(tmp_path):
    document = docx.Document()
    outline = add_numbering(document, 92, levels=(("decimal", "%1."), ("decimal", "%1.%2."), ("bullet", "")),
                            start=3)
    other = add_numbering(document, 93, levels=(("upperLetter", "%1."),))
    numbered(document, "Nội dung", outline, 0)
    numbered(document, "Tuyên truyền", outline, 1)
    numbered(document, "Treo băng rôn", outline, 2)
    numbered(document, "PHẦN RIÊNG", other, 0)
    numbered(document, "Kiểm tra", outline, 1)
    numbered(document, "Tổ chức", outline, 0)
    numbered(document, "Đánh giá", outline, 1)
    assert _lines_of(document, tmp_path) == [
        "3. Nội dung", "3.3. Tuyên truyền", "- Treo băng rôn", "A. PHẦN RIÊNG",
        "3.4. Kiểm tra", "4. Tổ chức", "4.3. Đánh giá",
    ]


@pytest.mark.parametrize(("n", "fmt", "expected"), [
    pytest.param(4, "upperRoman", "IV", id="roman-4"),
    pytest.param(14, "lowerRoman", "xiv", id="lower-roman-14"),
    pytest.param(5, "lowerLetter", "e", id="letter-5-no-d-stroke"),
    pytest.param(27, "upperLetter", "AA", id="letter-27-doubles"),
    pytest.param(7, "decimalZero", "07", id="decimal-zero"),
    pytest.param(7, "ordinalText", "7", id="unknown-as-decimal"),
])
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


# --- broken input ----------------------------------------------------------------------


def _truncated(tmp_path: Path) -> bytes:
    data = plan_docx(tmp_path).read_bytes()
    return data[: len(data) // 2]


def _zip_without_document(tmp_path: Path) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    return buffer.getvalue()


def _broken_document_xml(tmp_path: Path) -> bytes:
    import io
    import zipfile

    source = zipfile.ZipFile(plan_docx(tmp_path))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for info in source.infolist():
            data = source.read(info.filename)
            archive.writestr(info, data[:200] if info.filename == "word/document.xml" else data)
    return buffer.getvalue()


@pytest.mark.parametrize(("make", "reason"), [
    pytest.param(lambda tmp: "Kế hoạch số 1".encode(), "not a zip container", id="plain-text"),
    pytest.param(lambda tmp: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "OLE container", id="legacy-doc"),
    pytest.param(_truncated, "", id="truncated"),
    pytest.param(_zip_without_document, "Content_Types", id="zip-not-docx"),
    pytest.param(_broken_document_xml, "damaged DOCX", id="broken-document-xml"),
])
def test_damaged_files_give_one_line_reason(tmp_path, make, reason):
    data = make(tmp_path)
    with pytest.raises(DocxReadError) as raised:
        extract_lines(data)
    message = str(raised.value)
    assert reason in message and "\n" not in message and message
    path = tmp_path / "hong.docx"
    path.write_bytes(data)
    with pytest.raises(InputError):
        api.extract(path)
