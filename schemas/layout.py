"""What the readers hand to the parsers: text lines with optional layout.

Plain objects in the spirit of pdfplumber's page model: every reader (pdf, ocr,
docx, txt) returns one ``RawDocument``; no reader-specific object leaves a reader.
Layout fields are ``None`` where the source has none (TXT).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field


@dataclass(slots=True)
class Line:
    """One visual line of text, NFC-normalised by the reader's caller."""

    text: str
    page: int | None = None  # 1-based
    line_no: int = 0  # 0-based, over the whole document
    x0: float | None = None  # left edge, points from the page's left
    x1: float | None = None  # right edge
    top: float | None = None  # distance from the page's top, points
    size: float | None = None  # font size, points
    bold: bool = False
    column: str | None = None  # "left" / "right" inside the two-column header or signature band
    page_width: float | None = None
    blank_before: bool = False  # a blank line (or extra vertical gap) precedes this line
    hard_break: bool = False  # the source itself starts a paragraph here (a DOCX paragraph, a table cell)
    ocr: bool = False  # read by OCR from a page image (its markers may carry OCR confusions)

    def with_text(self, text: str) -> Line:
        # every reader and cleaner copies each line once or more: a positional call is several times
        # faster than dataclasses.replace, and the getter follows the fields, so a new one is carried too
        return Line(text, *_FIELDS_AFTER_TEXT(self))


_FIELDS_AFTER_TEXT = operator.attrgetter(*Line.__slots__[1:])


@dataclass(slots=True)
class RawDocument:
    """A file read into lines, before any parsing."""

    path: str
    sha256: str
    format: str  # "pdf" | "docx" | "txt"
    lines: list[Line]
    pages: int | None = None
    text_source: str = "native"
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(slots=True)
class Paragraph:
    """Consecutive lines joined back into one paragraph (hard wraps undone)."""

    text: str
    lines: list[Line]
    page: int | None = None

    @property
    def bold(self) -> bool:
        return bool(self.lines) and all(line.bold for line in self.lines)

    @property
    def ocr(self) -> bool:
        """Read by OCR (its first line was)."""
        return bool(self.lines) and self.lines[0].ocr
