"""PDF reader: pages → ``Line`` records. The pdf_* modules are the only ones that read PDF text.

- ``pdf_limits``: what is refused before parsing (no header, a password, too many pages, bombs);
- ``pdf_engine``: PDFium (default, fast) and pdfplumber (the reference) pages → word dicts;
- ``pdf_layout``: word dicts → lines in reading order, two-column bands, footnotes;
- ``pdf_tables``: ruled task tables → one line per cell.

This module is the readers' entry point; it re-exports what they use.
"""

from __future__ import annotations

from kehoach.extractors.pdf_engine import extract_lines_pdfium, extract_lines_pdfplumber
from kehoach.extractors.pdf_layout import move_footnotes, words_to_lines
from kehoach.extractors.pdf_limits import MAX_PAGES, PdfReadError, check_bombs, check_document
from kehoach.extractors.pdf_tables import find_ruled_tables
from kehoach.schemas.layout import Line

__all__ = ["MAX_PAGES", "PdfReadError", "check_bombs", "check_document", "extract_lines", "find_ruled_tables",
           "move_footnotes", "words_to_lines"]


def extract_lines(data: bytes, *, max_pages: int = MAX_PAGES, password: str | None = None,
                  engine: str = "pdfium") -> tuple[list[Line], int]:
    """All lines of a PDF, in reading order, and its page count.

    :param engine: "pdfium" (default: PDFium's text and boxes, fast) or "pdfplumber"
        (pdfminer's layout analysis; slower, kept as the reference the tests compare with)
    """
    reader = extract_lines_pdfium if engine == "pdfium" else extract_lines_pdfplumber
    return reader(data, max_pages=max_pages, password=password)
