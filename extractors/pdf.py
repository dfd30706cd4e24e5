"""PDF reader: pdfplumber pages → ``Line`` records. The only module that imports pdfplumber.

Lines are built from words grouped by baseline. Official documents put two
columns side by side in the header (issuer and number | national motto, place
and date) and at the end (Nơi nhận | signature). pdfplumber's default text
merges such columns line by line; here a run of lines split by a wide gap is
emitted as its left cell, then its right cell.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from kehoach.schemas.layout import Line

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less share a line
COLUMN_GAP = 28.0  # points: a gap this wide between words splits a line into cells
HEADER_BAND = 0.40  # share of page 1's height in which a split band is the header
MAX_PAGES = 1000


class PdfReadError(ValueError):
    """The bytes are not a readable PDF."""


@dataclass(slots=True)
class _Cell:
    text: str
    x0: float
    x1: float
    top: float
    size: float
    bold: bool


def _is_bold(fontname: str) -> bool:
    name = fontname.lower()
    return "bold" in name or name.endswith((",b", "-b")) or "black" in name or "heavy" in name


def _group_rows(words: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def _row_cells(row: list[dict]) -> list[_Cell]:
    cells: list[list[dict]] = [[row[0]]]
    for word in row[1:]:
        if word["x0"] - cells[-1][-1]["x1"] > COLUMN_GAP:
            cells.append([word])
        else:
            cells[-1].append(word)
    out = []
    for group in cells:
        bold_chars = sum(len(w["text"]) for w in group if _is_bold(w.get("fontname", "")))
        total = sum(len(w["text"]) for w in group)
        out.append(
            _Cell(
                text=" ".join(w["text"] for w in group),
                x0=group[0]["x0"],
                x1=group[-1]["x1"],
                top=min(w["top"] for w in group),
                size=max(float(w.get("size") or 0) for w in group),
                bold=bold_chars * 2 > total,
            )
        )
    return out


def _is_column_band_row(cells: list[_Cell], width: float) -> bool:
    """Two cells, one in each half of the page: a header or signature band row."""
    if len(cells) != 2:
        return False
    left, right = cells
    return left.x1 < width * 0.62 and right.x0 > width * 0.38


def _page_lines(page, page_no: int) -> Iterator[Line]:
    width, height = float(page.width), float(page.height)
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    rows = [_row_cells(r) for r in _group_rows(words)]
    i = 0
    prev_bottom = None
    while i < len(rows):
        # A band: consecutive rows that are two cells side by side, or a lone
        # cell in the right half (the date line under the motto).
        j = i
        while j < len(rows) and (
            _is_column_band_row(rows[j], width)
            or (j > i and len(rows[j]) == 1 and rows[j][0].x0 > width * 0.45)
            or (j > i and len(rows[j]) == 1 and rows[j][0].x1 < width * 0.55 and rows[j][0].x0 < width * 0.2
                and j + 1 < len(rows) and _is_column_band_row(rows[j + 1], width))
        ):
            j += 1
        if j > i and any(_is_column_band_row(r, width) for r in rows[i:j]):
            band = rows[i:j]
            lefts = [c for r in band for c in r if c.x1 < width * 0.55 or (len(r) == 2 and c is r[0])]
            rights = [c for r in band for c in r if c not in lefts]
            for column, cells in (("left", lefts), ("right", rights)):
                for k, cell in enumerate(cells):
                    yield Line(
                        text=cell.text, page=page_no, x0=cell.x0, x1=cell.x1, top=cell.top, size=cell.size,
                        bold=cell.bold, column=column, page_width=width,
                        blank_before=k == 0,
                    )
            prev_bottom = max(c.top + c.size for c in lefts + rights)
            i = j
            continue
        cells = rows[i]
        top = min(c.top for c in cells)
        size = max(c.size for c in cells)
        gap = None if prev_bottom is None else top - prev_bottom
        yield Line(
            text=" ".join(c.text for c in cells), page=page_no, x0=cells[0].x0, x1=cells[-1].x1, top=top,
            size=size, bold=all(c.bold for c in cells), page_width=width,
            blank_before=gap is not None and gap > size * 1.1,
        )
        prev_bottom = top + size
        i += 1
    del height


def extract_lines(data: bytes, *, max_pages: int = MAX_PAGES, password: str | None = None) -> tuple[list[Line], int]:
    """All lines of a PDF, in reading order, and its page count."""
    import pdfplumber  # imported here: only PDF input pays for it
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfReadError("not a PDF (no %PDF header)")
    try:
        pdf = pdfplumber.open(io.BytesIO(data), password=password or "")
    except PDFPasswordIncorrect as exc:
        raise PdfReadError("encrypted PDF: a password is needed to open it") from exc
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many types for damaged files
        raise PdfReadError(f"damaged PDF ({type(exc).__name__}: {exc})".rstrip(": )") + ")") from exc
    with pdf:
        try:
            pages = pdf.pages
        except Exception as exc:
            raise PdfReadError(f"damaged PDF ({type(exc).__name__})") from exc
        if len(pages) == 0:
            raise PdfReadError("the PDF has no pages")
        if len(pages) > max_pages:
            raise PdfReadError(f"{len(pages)} pages is over the limit of {max_pages}")
        lines: list[Line] = []
        for number, page in enumerate(pages, start=1):
            try:
                lines.extend(_page_lines(page, number))
            except Exception as exc:
                raise PdfReadError(f"page {number} cannot be read ({type(exc).__name__})") from exc
            page.flush_cache()
        for i, line in enumerate(lines):
            line.line_no = i
        return lines, len(pages)
