"""DOCX reader (python-docx): body paragraphs and table cells in document order → lines."""

from __future__ import annotations

import io
import zipfile

from kehoach.schemas.layout import Line


class DocxReadError(ValueError):
    """The bytes are not a readable DOCX file."""


def _iter_block_texts(document):
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(child, document)
            bold = bool(para.runs) and all(r.bold for r in para.runs if r.text.strip())
            yield para.text, bold
        elif tag == "tbl":
            table = Table(child, document)
            for row in table.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    for para in cell.paragraphs:
                        yield para.text, False
                yield "", False


def extract_lines(data: bytes) -> list[Line]:
    """Paragraphs (and table cells, one per line) as lines; a blank line between blocks."""
    import docx

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocxReadError("not a DOCX file (not a zip container)")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise DocxReadError(f"damaged DOCX ({type(exc).__name__})") from exc
    lines: list[Line] = []
    blank = False
    for text, bold in _iter_block_texts(document):
        for part in text.split("\n"):
            if not part.strip():
                blank = True
                continue
            lines.append(Line(text=part, line_no=len(lines), bold=bold, blank_before=blank))
            blank = False
    return lines
