"""Typeset plain-text documents as realistic Vietnamese administrative PDFs.

The layout follows Nghị định 30/2020/NĐ-CP (Phụ lục I): A4, margins 20 mm top
and bottom, 30 mm left, 15 mm right; a two-column header (issuer and "Số:" on
the left, national motto and "<place>, ngày …" on the right); the type word and
title centred in bold; a justified body with bold section headings; page
numbers centred at the top from page 2; "Nơi nhận" beside the signature block.

Usage:
    python samples/make_samples.py            # rebuild samples/pdf from samples/source
    python samples/make_samples.py IN.txt OUT.pdf

The font is Liberation Serif from Debian's fonts-liberation2 (the older
fonts-liberation lacks ư, ơ and many stacked diacritics). The committed PDFs
mean tests never need this script or the font.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

FONT_DIRS = [Path("/usr/share/fonts/truetype/liberation2"), Path("/usr/share/fonts/truetype/liberation")]
HERE = Path(__file__).resolve().parent

MAX_TITLE_LINES = 6
MAX_CLOSING_LINES = 40  # a longer "Nơi nhận" tail is an appendix, typeset as body
_RULE_RE = re.compile(r"^[-–—_*=]{3,}$")


@dataclass
class TableBlock:
    """A task table of the body, typeset as a ruled table: column titles, then rows of cells."""

    titles: list[str]
    rows: list[list[str]]  # one cell per column; a group row: [number, title]
    paragraphs: list[str] = field(default_factory=list)  # the table's lines joined as text, when it cannot be drawn


@dataclass
class SampleDoc:
    header_left: list[str] = field(default_factory=list)
    header_right: list[str] = field(default_factory=list)
    type_word: str | None = None
    title: list[str] = field(default_factory=list)
    body: list[str | TableBlock] = field(default_factory=list)  # paragraphs and task tables
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


def _paragraphs(lines: list[str]) -> list[str | TableBlock]:
    """Plain-text lines → paragraphs, with the pipeline's own rules for hard wraps, and the
    task tables the pipeline finds (one cell a line in a clerk's copy) as ruled tables."""
    from kehoach.extractors.normalize import WRITTEN_STEPS, clean_lines, join_paragraphs
    from kehoach.extractors.tables import find_task_tables
    from kehoach.schemas.layout import Line

    # The document's words as written (the parsers' match view would fold old tone placement).
    cleaned = clean_lines((Line(text=t) for t in lines), WRITTEN_STEPS)
    blocks: list[str | TableBlock] = []
    done = 0
    for table in find_task_tables(cleaned):
        blocks += [p.text for p in join_paragraphs(cleaned[done:table.start])]
        block = _table_block(table)
        block.paragraphs = [p.text for p in join_paragraphs(cleaned[table.start:table.end])]
        blocks.append(block)
        done = table.end
    return blocks + [p.text for p in join_paragraphs(cleaned[done:])]


def _table_block(table) -> TableBlock:
    """A ``tables.TaskTable`` → the cells to typeset (a leading number column always)."""
    columns, titles = list(table.columns), list(table.titles)
    if "number" not in columns:
        columns, titles = ["number", *columns], ["", *titles]
    rows = []
    for row in table.rows:
        if row.is_group:
            rows.append([row.label, row.text])
            continue
        cells, found = [], list(row.cells)
        for role in columns:
            if role == "number":
                cells.append(row.label)
            else:
                cells.append(found.pop(0)[1] if found and found[0][0] == role else "")
        rows.append(cells)
    return TableBlock(titles=titles, rows=rows)


# Lines of the header's right column: the national or Party motto and the date line.
_RIGHT_HEADER_RE = re.compile(
    r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐẢNG CỘNG SẢN|[-–—_*]{3,}$)|,?\s*ngày\b.*\bnăm\b|^ngày\b|^tháng\b", re.IGNORECASE
)
_TYPE_WORD_RE = re.compile(
    r"^(KẾ HOẠCH|CHỈ THỊ|QUYẾT ĐỊNH|CHƯƠNG TRÌNH|NGHỊ QUYẾT|THÔNG BÁO|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|ĐỀ ÁN|"
    r"KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|THÔNG TƯ|NGHỊ ĐỊNH|PHƯƠNG ÁN)\b"
)
_BODY_START_RE = re.compile(r"^(Căn cứ|Thực hiện|Để |Nhằm |Theo |Xét |Do |Trên cơ sở|I\.|1\.|Điều 1)")
_SIGNATURE_RE = re.compile(r"^(TM\.|KT\.|TL\.|Q\.|T/M|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|THỦ TƯỚNG|TRƯỞNG BAN)")
# A "Số:" line whose symbol is not complete yet: "Số:", "Số: 12/2025/", "Số: 45/QĐ-".
_OPEN_NUMBER_RE = re.compile(r"^Số\s*:?\s*(?:\S*[/-])?$")


def split_document(text: str) -> SampleDoc:
    """Split a plain-text document into the blocks of the official layout."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    doc = SampleDoc()
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    type_at = next((i for i in nonblank[:40] if _TYPE_WORD_RE.match(lines[i].strip())), None)
    start = 0
    if type_at is not None:
        right = False
        for line in lines[:type_at]:
            s = line.strip()
            if not s:
                continue
            if _RIGHT_HEADER_RE.search(s):
                right = True
            # "Số:" belongs under the issuer even when a text lists it after the motto, and so
            # does its symbol wrapped onto the next line ("Số:" ⏎ "2820/QĐ-UBND").
            wrapped_number = bool(doc.header_left) and _OPEN_NUMBER_RE.match(doc.header_left[-1]) \
                and not _RIGHT_HEADER_RE.search(s)
            left = s.startswith("Số") or wrapped_number or not right
            (doc.header_left if left else doc.header_right).append(s)
        doc.type_word = lines[type_at].strip()
        i = type_at + 1
        while i < len(lines) and len(doc.title) < MAX_TITLE_LINES:
            s = lines[i].strip()
            if s and (_BODY_START_RE.match(s) or _RULE_RE.match(s)
                      or (doc.title and doc.title[-1].isupper() and not s.isupper())):
                break
            if s:
                doc.title.append(s)
            i += 1
        while i < len(lines) and _RULE_RE.match(lines[i].strip() or "-" * 3) and not lines[i].strip() == "":
            i += 1
        start = i
    rest = lines[start:]
    end = len(rest)
    nn = next((i for i, line in enumerate(rest) if re.match(r"^\s*Nơi nhận", line)), None)
    if nn is not None and len([line for line in rest[nn:] if line.strip()]) <= MAX_CLOSING_LINES:
        end = nn
        tail = [line.strip() for line in rest[nn:] if line.strip()]
        sig_at = next((i for i, s in enumerate(tail) if _SIGNATURE_RE.match(s)), len(tail))
        doc.recipients, doc.signature = tail[:sig_at], tail[sig_at:]
    else:
        # No recipient list: a trailing signature block still goes right.
        tail_start = end
        for i in range(len(rest) - 1, max(len(rest) - 8, -1), -1):
            if _SIGNATURE_RE.match(rest[i].strip()):
                tail_start = i
        doc.signature = [s.strip() for s in rest[tail_start:] if s.strip()]
        end = tail_start
    doc.body = _paragraphs(rest[:end])
    return doc


def to_text(doc: SampleDoc) -> str:
    """The document's text in reading order: what a reader of the PDF must give back."""
    parts = [*doc.header_left, *doc.header_right]
    if doc.type_word:
        parts.append(doc.type_word)
    parts += doc.title + doc.body + doc.recipients + doc.signature
    return "\n".join(parts) + "\n"


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Serif" in pdfmetrics.getRegisteredFontNames():
        return
    for folder in FONT_DIRS:
        if (folder / "LiberationSerif-Regular.ttf").exists():
            break
    else:
        sys.exit("make_samples: Liberation Serif not found; install Debian's fonts-liberation2")
    for name, file in (("Serif", "Regular"), ("Serif-Bold", "Bold"), ("Serif-Italic", "Italic"),
                       ("Serif-BoldItalic", "BoldItalic")):
        pdfmetrics.registerFont(TTFont(name, str(folder / f"LiberationSerif-{file}.ttf")))
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    registerFontFamily("Serif", normal="Serif", bold="Serif-Bold", italic="Serif-Italic",
                       boldItalic="Serif-BoldItalic")


_HEADING_RE = re.compile(r"^([IVXLC]+\.|[A-Z]\.|Điều \d+\.)\s")


def typeset(doc: SampleDoc) -> bytes:
    """Render a ``SampleDoc`` as PDF bytes."""
    import io

    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    base = ParagraphStyle("base", fontName="Serif", fontSize=13, leading=17)
    center = ParagraphStyle("center", parent=base, alignment=TA_CENTER, fontSize=12.5, leading=15)
    center_bold = ParagraphStyle("cb", parent=center, fontName="Serif-Bold")
    type_style = ParagraphStyle("type", parent=base, fontName="Serif-Bold", fontSize=14, leading=18,
                                alignment=TA_CENTER, spaceBefore=10)
    title_style = ParagraphStyle("title", parent=type_style, fontSize=13.5, spaceBefore=0)
    body = ParagraphStyle("body", parent=base, alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=5)
    heading = ParagraphStyle("heading", parent=body, fontName="Serif-Bold")
    small = ParagraphStyle("small", parent=base, fontSize=11, leading=13.5, alignment=TA_LEFT)
    small_bi = ParagraphStyle("smallbi", parent=small, fontName="Serif-BoldItalic", fontSize=12)
    sig = ParagraphStyle("sig", parent=center_bold, fontSize=13)
    italic_center = ParagraphStyle("ic", parent=center, fontName="Serif-Italic", fontSize=13)

    def p(text: str, style) -> Paragraph:
        # Blank fields ("Số:      /KH-UBND", "ngày    tháng") keep their width.
        return Paragraph(re.sub(r" {2,}", lambda m: "\u00a0" * len(m.group(0)), escape(text)), style)

    story = []
    width = A4[0] - 45 * mm
    left_cells, right_cells = [], []
    for i, line in enumerate(doc.header_left):
        style = center_bold if (i > 0 and line.isupper()) or len(doc.header_left) == 1 else center
        if line.startswith("Số"):
            style = center
        left_cells.append(p(line, style))
    for line in doc.header_right:
        if re.search(r"ngày\b|^tháng|^năm", line):
            right_cells.append(p(line, italic_center))
        elif _RULE_RE.match(line):
            continue
        else:
            right_cells.append(p(line, center_bold))
    if left_cells or right_cells:
        header = Table([[left_cells, right_cells]], colWidths=[width * 0.42, width * 0.58])
        header.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                    ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        story += [header, Spacer(1, 6 * mm)]
    if doc.type_word:
        story.append(p(doc.type_word, type_style))
    for line in doc.title:
        story.append(p(line, title_style))
    if doc.title:
        story.append(Spacer(1, 6 * mm))
    for para in doc.body:
        if isinstance(para, TableBlock):
            story.append(_ruled_table(para, width, p))
            continue
        is_heading = bool(_HEADING_RE.match(para)) and len(para) < 160 or (para.isupper() and len(para) < 120)
        story.append(p(para, heading if is_heading else body))
    if doc.recipients or doc.signature:
        left = [p(doc.recipients[0], small_bi)] + [p(r, small) for r in doc.recipients[1:]] if doc.recipients else []
        right = []
        for i, line in enumerate(doc.signature):
            if i == len(doc.signature) - 1 and len(doc.signature) > 1:
                right += [Spacer(1, 18 * mm), p(line, sig)]
            else:
                right.append(p(line, sig))
        block = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        story += [Spacer(1, 4 * mm), KeepTogether(block)]

    def page_number(canvas, document) -> None:
        if document.page > 1:
            canvas.setFont("Serif", 13)
            canvas.drawCentredString(A4[0] / 2 + 7.5 * mm, A4[1] - 12 * mm, str(document.page))

    buffer = io.BytesIO()
    pdf = SimpleDocTemplate(buffer, pagesize=A4, topMargin=20 * mm, bottomMargin=20 * mm, leftMargin=30 * mm,
                            rightMargin=15 * mm, title=doc.type_word or "", author="kehoach samples")
    pdf.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buffer.getvalue()


def _ruled_table(block: TableBlock, width: float, p):
    """A grid table as offices draw an appendix: bold titles repeated on each page, the
    number column narrow, the task column wide, a group row's title across the row."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Serif", fontSize=11, leading=13.5)
    head = ParagraphStyle("head", parent=cell, fontName="Serif-Bold", alignment=TA_CENTER)
    n = len(block.titles)
    data = [[p(t, head) for t in block.titles]]
    data += [[p(c, cell) for c in row] + [""] * (n - len(row)) for row in block.rows]
    shares = [0.07, 0.33] + [0.6 / (n - 2)] * (n - 2) if n > 2 else [0.07, 0.93]
    widths = [share * width for share in shares]
    style = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    style += [("SPAN", (1, k), (-1, k)) for k, row in enumerate(block.rows, start=1) if len(row) == 2 < n]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle(style))
    return table


def typeset_text(text: str) -> bytes:
    """Plain text → PDF bytes (the layout guessed from the text)."""
    from reportlab.platypus.doctemplate import LayoutError

    doc = split_document(text)
    try:
        return typeset(doc)
    except LayoutError:  # a table row taller than a page: the tables run as paragraphs instead
        doc.body = [p for b in doc.body for p in ([b] if isinstance(b, str) else b.paragraphs)]
        return typeset(doc)


def scan_pdf(source: Path, target: Path, *, pages: int | None = None, dpi: int = 200) -> Path:
    """``source`` as a scanner returns it: each page a greyscale JPEG, no text layer (OCR reads it).

    :param pages: only the first pages (default: all)
    """
    import io

    import pypdfium2 as pdfium

    original, scan = pdfium.PdfDocument(source), pdfium.PdfDocument.new()
    for index in range(len(original) if pages is None else min(pages, len(original))):
        page = original[index]
        width, height = page.get_size()
        jpeg = io.BytesIO()
        page.render(scale=dpi / 72).to_pil().convert("L").save(jpeg, format="JPEG", quality=85)
        picture = pdfium.PdfImage.new(scan)
        picture.load_jpeg(jpeg)
        picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
        new_page = scan.new_page(width, height)
        new_page.insert_obj(picture)
        new_page.gen_content()
    scan.save(str(target))
    return target


def main(argv: list[str]) -> None:
    if len(argv) == 2:
        Path(argv[1]).write_bytes(typeset_text(Path(argv[0]).read_text(encoding="utf-8")))
        return
    (HERE / "pdf").mkdir(exist_ok=True)
    for source in sorted((HERE / "source").glob("*.txt")):
        out = HERE / "pdf" / f"{source.stem}.pdf"
        out.write_bytes(typeset_text(source.read_text(encoding="utf-8")))
        print(f"{source.relative_to(HERE)} → {out.relative_to(HERE)}")


if __name__ == "__main__":
    main(sys.argv[1:])
