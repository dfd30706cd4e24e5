"""PDF reader: pages → ``Line`` records. The only module that imports pdfplumber or reads PDF text.

Two engines share one layout logic (``_page_lines``): PDFium (pypdfium2) gives
each word's text, box, size and font about ten times faster than pdfplumber and
is the default; pdfplumber is the reference the tests hold it to.

Lines are built from words grouped by baseline. Official documents put two
columns side by side in the header (issuer and number | national motto, place
and date) and at the end (Nơi nhận | signature). pdfplumber's default text
merges such columns line by line; here a run of lines split by a wide gap is
emitted as its left cell, then its right cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kehoach.schemas.layout import Line

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less share a line
COLUMN_GAP = 28.0  # points: a gap this wide between words splits a line into cells
HEADER_BAND = 0.40  # share of page 1's height in which a split band is the header
MAX_PAGES = 1000
PAGE_MARGIN_BAND = 0.09  # share of the page height at top and bottom where page numbers sit
_PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?(?:Trang\s+)?\d{1,4}(?:\s*-)?(?:\s*/\s*\d{1,4})?$", re.IGNORECASE)


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


def _is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


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


_ADDRESSEE_RE = re.compile(r"^Kính\s+gửi\b")
# Cells whose text marks the closing band (recipients beside the signature).
_BAND_TEXT_RE = re.compile(r"^(Nơi nhận|TM\.|T/M|KT\.|TL\.|TUQ\.|Q\.\s)", re.IGNORECASE)


def _row_kind(cells: list[_Cell], width: float) -> str:
    """ "split" (cells in both halves), "left", "right" (a column's lone cell) or "full"."""
    centers = [(c.x0 + c.x1) / 2 for c in cells]
    lefts = [c for c, m in zip(cells, centers) if m < width * 0.5]
    rights = [c for c, m in zip(cells, centers) if m >= width * 0.5]
    if lefts and rights:
        if max(c.x1 for c in lefts) < width * 0.62 and min(c.x0 for c in rights) > width * 0.38:
            return "split"
        return "full"
    if lefts and max(c.x1 for c in lefts) < width * 0.6 and (cells[0].x0 + cells[-1].x1) / 2 < width * 0.42:
        return "left"
    if rights and min(c.x0 for c in rights) > width * 0.4 and (cells[0].x0 + cells[-1].x1) / 2 > width * 0.58:
        return "right"
    return "full"


def _is_band(rows: list[list[_Cell]], kinds: list[str], page_no: int, height: float) -> bool:
    """A run of half-width rows is a two-column band only in the header of page 1 or
    around Nơi nhận / the signature; elsewhere (tables) rows keep their order."""
    if len(rows) < 2 or not ({"split", "right"} & set(kinds)) or not ({"split", "left"} & set(kinds)):
        return False
    if page_no == 1 and rows[0][0].top < height * HEADER_BAND:
        return True
    return any(_BAND_TEXT_RE.match(c.text) for row in rows for c in row)


def _page_lines(page, page_no: int) -> Iterator[Line]:
    width, height = float(page.width), float(page.height)
    words = page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
    rows = [_row_cells(r) for r in _group_rows(words)]
    rows = [r for r in rows if not (len(r) == 1 and _is_page_number(r[0].text) and (
        r[0].top < height * PAGE_MARGIN_BAND or r[0].top > height * (1 - PAGE_MARGIN_BAND)))]
    kinds = [_row_kind(r, width) for r in rows]
    for k in range(1, len(rows)):
        # A short line under a right-column cell (addressees, a wrapped date) stays in that
        # column even when its centre falls left of the column's.
        if kinds[k] == "full" and kinds[k - 1] in ("split", "right") and len(rows[k]) == 1 \
                and rows[k][0].x0 > width * 0.4:
            kinds[k] = "right"
    i = 0
    prev_bottom = None
    while i < len(rows):
        j = i
        # "Kính gửi:" beside its addressees starts a band of its own: the header band ends there.
        while j < len(rows) and kinds[j] != "full" and not (j > i and _ADDRESSEE_RE.match(rows[j][0].text)):
            j += 1
        if j > i and _is_band(rows[i:j], kinds[i:j], page_no, height):
            cells = [c for r in rows[i:j] for c in r]
            lefts = [c for c in cells if (c.x0 + c.x1) / 2 < width * 0.5]
            rights = [c for c in cells if (c.x0 + c.x1) / 2 >= width * 0.5]
            for column, group in (("left", lefts), ("right", rights)):
                for k, cell in enumerate(group):
                    yield Line(
                        text=cell.text, page=page_no, x0=cell.x0, x1=cell.x1, top=cell.top, size=cell.size,
                        bold=cell.bold, column=column, page_width=width, blank_before=k == 0,
                    )
            prev_bottom = max(c.top + c.size for c in cells)
            i = j
            continue
        for row in rows[i:max(j, i + 1)]:
            top = min(c.top for c in row)
            size = max(c.size for c in row)
            gap = None if prev_bottom is None else top - prev_bottom
            yield Line(
                text=" ".join(c.text for c in row), page=page_no, x0=row[0].x0, x1=row[-1].x1, top=top,
                size=size, bold=all(c.bold for c in row), page_width=width,
                blank_before=gap is not None and gap > size * 1.1,
            )
            prev_bottom = top + size
        i = max(j, i + 1)


def extract_lines(data: bytes, *, max_pages: int = MAX_PAGES, password: str | None = None,
                  engine: str = "pdfium") -> tuple[list[Line], int]:
    """All lines of a PDF, in reading order, and its page count.

    :param engine: "pdfium" (default: PDFium's text and boxes, fast) or "pdfplumber"
        (pdfminer's layout analysis; slower, kept as the reference the tests compare with)
    """
    if engine == "pdfium":
        return extract_lines_pdfium(data, max_pages=max_pages, password=password)
    return extract_lines_pdfplumber(data, max_pages=max_pages, password=password)


def extract_lines_pdfplumber(data: bytes, *, max_pages: int = MAX_PAGES,
                             password: str | None = None) -> tuple[list[Line], int]:
    """All lines of a PDF read with pdfplumber."""
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
                lines.extend(_page_lines(with_legacy_fonts(page), number))
            except Exception as exc:
                raise PdfReadError(f"page {number} cannot be read ({type(exc).__name__})") from exc
            page.flush_cache()
        for i, line in enumerate(lines):
            line.line_no = i
        return lines, len(pages)


# --- hooks for the other readers (OCR, legacy fonts, limits) ------------------

MAX_STREAM_BYTES = 256 * 1024 * 1024  # a compressed stream that inflates beyond this is a bomb
MAX_INFLATE_RATIO = 1000  # … or inflates over this ratio while past 16 MB
_STREAM_RE = re.compile(rb"stream\r?\n")


class _WordPage:
    """A page-like object over ready-made word dicts (OCR output), for ``_page_lines``."""

    def __init__(self, words: list[dict], width: float, height: float):
        self.words, self.width, self.height = words, width, height

    def extract_words(self, **_kwargs) -> list[dict]:
        return self.words


def words_to_lines(words: list[dict], width: float, height: float, page_no: int) -> list[Line]:
    """Word dicts (``text``, ``x0``, ``x1``, ``top``, ``bottom``, ``size``, ``fontname``) → lines,
    with the same row, column and band logic as a native page."""
    return list(_page_lines(_WordPage(words, width, height), page_no))


class _LegacyFontPage:
    """A pdfplumber page whose words drawn in TCVN3/VNI fonts are decoded to Unicode."""

    def __init__(self, page):
        self.page, self.width, self.height = page, page.width, page.height

    def extract_words(self, **kwargs) -> list[dict]:
        from kehoach.extractors.legacy_fonts import decode_legacy

        words = self.page.extract_words(**kwargs)
        return [{**w, "text": decode_legacy(w["text"], w.get("fontname"))} for w in words]


def with_legacy_fonts(page):
    """The page itself, or a view decoding legacy Vietnamese fonts when it uses any."""
    from kehoach.extractors.legacy_fonts import font_encoding

    fonts = {c.get("fontname") for c in page.chars}
    return _LegacyFontPage(page) if any(font_encoding(f) for f in fonts) else page


def check_bombs(data: bytes, *, max_stream_bytes: int = MAX_STREAM_BYTES) -> None:
    """Refuse a PDF with a Flate stream that inflates far beyond reason (a decompression bomb).

    :raises PdfReadError: naming the stream's offset and the limit
    """
    import zlib

    for match in _STREAM_RE.finditer(data):
        head = data[max(0, match.start() - 400):match.start()]
        dictionary = head[head.rfind(b"<<"):] if b"<<" in head else b""
        if b"FlateDecode" not in dictionary:
            continue
        start = match.end()
        end = data.find(b"endstream", start)
        raw = data[start:end if end > 0 else len(data)]
        inflater = zlib.decompressobj()
        total = 0
        chunk = raw
        try:
            while chunk:
                out = inflater.decompress(chunk, 1 << 20)
                total += len(out)
                if total > max_stream_bytes or (total > 16 << 20 and total > MAX_INFLATE_RATIO * len(raw)):
                    raise PdfReadError(
                        f"decompression bomb: a stream at byte {start} inflates past "
                        f"{total // (1 << 20)} MB from {max(1, len(raw) // 1024)} KB"
                    )
                chunk = inflater.unconsumed_tail
                if not out:
                    break
        except zlib.error:
            continue  # damaged or not really Flate: pdfminer reports it if it matters


def check_document(data: bytes, *, max_pages: int = MAX_PAGES, password: str | None = None) -> int:
    """Cheap checks before a full parse (pypdfium2): header, password, page count.

    :returns: the page count
    :raises PdfReadError: not a PDF, a password needed, no pages, too many pages
    """
    import pypdfium2 as pdfium

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise PdfReadError("not a PDF (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfReadError("encrypted PDF: a password is needed to open it") from None
        return -1  # let the full parser give its own account of the damage
    try:
        count = len(pdf)
    finally:
        pdf.close()
    if count == 0:
        raise PdfReadError("the PDF has no pages")
    if count > max_pages:
        raise PdfReadError(f"{count} pages is over the limit of {max_pages}")
    return count


# --- PDFium: the fast path for native text ------------------------------------

class _PdfiumPage:
    """A pypdfium2 page seen through ``extract_words`` (the interface ``_page_lines`` uses).

    PDFium groups a page's characters into text segments ("rects", runs of text
    on one line); each becomes a word dict with its font. Segments that touch
    are glued without a space, so a run split at a font change inside a word
    stays one word.
    """

    def __init__(self, page, textpage):
        self.page, self.textpage = page, textpage
        self.width, self.height = float(page.get_width()), float(page.get_height())

    def _font(self, left: float, bottom: float, right: float, top: float) -> tuple[str, float, float | None]:
        import ctypes

        import pypdfium2.raw as pdfium_c

        raw = self.textpage.raw
        middle = (bottom + top) / 2
        index = -1
        for x in (left + 1.0, left + 3.0, (left + right) / 2):
            index = pdfium_c.FPDFText_GetCharIndexAtPos(raw, x, middle, 2.0, 2.0)
            if index >= 0 and pdfium_c.FPDFText_GetUnicode(raw, index) > 32:
                break
        if index < 0:
            return "", top - bottom, None
        size = pdfium_c.FPDFText_GetFontSize(raw, index)
        x, y = ctypes.c_double(), ctypes.c_double()
        baseline = y.value if pdfium_c.FPDFText_GetCharOrigin(raw, index, ctypes.byref(x), ctypes.byref(y)) else None
        return self._fontname(index), size or (top - bottom), baseline

    def extract_words(self, **_kwargs) -> list[dict]:
        import ctypes

        import pypdfium2.raw as pdfium_c

        tp = self.textpage
        raw = tp.raw
        count = tp.count_chars()
        text = tp.get_text_range(0, count)
        if len(text) != count:  # surrogate pairs shift indexes: fall back to rect segments
            return self._rect_words()
        words: list[dict] = []
        x, y = ctypes.c_double(), ctypes.c_double()
        for match in _WORD_RE.finditer(text):
            first, end = match.start(), match.end()
            size = pdfium_c.FPDFText_GetFontSize(raw, first) or 10.0
            # A footnote mark set small after a word ("42/2024/QH15¹") is a word of its own.
            split = end
            while split - 1 > first and abs(pdfium_c.FPDFText_GetFontSize(raw, split - 1) - size) > 0.15 * size:
                split -= 1
            for start, stop in ((first, split), (split, end)):
                if start >= stop:
                    continue
                left, _, _, _ = tp.get_charbox(start)
                _, _, right, _ = tp.get_charbox(stop - 1)
                pdfium_c.FPDFText_GetCharOrigin(raw, first, ctypes.byref(x), ctypes.byref(y))
                # PDFium marks a hyphen that ends a line as U+0002 or U+FFFE; the word ends there.
                words.append({"text": text[start:stop].translate(_LINE_END_HYPHENS), "x0": left, "x1": max(right, left), "size": size,
                              # Rows are grouped on the baseline: a glyph box's top moves with its
                              # diacritics ("ỦY" stands taller than "BAN" on the same line).
                              "top": self.height - (y.value + size), "bottom": self.height - y.value,
                              "fontname": self._fontname(start)})
        return words

    def _fontname(self, index: int) -> str:
        import ctypes

        import pypdfium2.raw as pdfium_c

        raw = self.textpage.raw
        buffer = ctypes.create_string_buffer(128)
        flags = ctypes.c_int()
        pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), ctypes.byref(flags))
        name = buffer.value.decode("latin-1", "replace")
        if pdfium_c.FPDFText_GetFontWeight(raw, index) >= BOLD_WEIGHT and "bold" not in name.lower():
            name += ",Bold"
        return name

    def _rect_words(self) -> list[dict]:
        """Text segments as words (used only when character indexes cannot be trusted)."""
        tp = self.textpage
        words = []
        for i in range(tp.count_rects()):
            left, bottom, right, top = tp.get_rect(i)
            text = " ".join(tp.get_text_bounded(left, bottom, right, top).split())
            if text:
                fontname, size, baseline = self._font(left, bottom, right, top)
                line_top = self.height - (baseline + size) if baseline is not None else self.height - top
                words.append({"text": text, "x0": left, "x1": right, "top": line_top,
                              "bottom": self.height - bottom, "size": size, "fontname": fontname})
        return words


_WORD_RE = re.compile(r"[^\s\x00-\x1f\ufffe\uffff]+[\x02\ufffe]?")
_LINE_END_HYPHENS = str.maketrans({"\x02": "-", "\ufffe": "-"})
BOLD_WEIGHT = 600


def extract_lines_pdfium(data: bytes, *, max_pages: int = MAX_PAGES, password: str | None = None) -> tuple[list[Line], int]:
    """All lines of a PDF via PDFium (about 20x faster than pdfplumber), same layout logic."""
    import pypdfium2 as pdfium
    from kehoach.extractors.legacy_fonts import decode_legacy, font_encoding

    try:
        pdf = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfReadError("encrypted PDF: a password is needed to open it") from None
        # pdfminer is more forgiving of some damage and says more about the rest.
        return extract_lines_pdfplumber(data, max_pages=max_pages, password=password)
    try:
        count = len(pdf)
        if count == 0:
            raise PdfReadError("the PDF has no pages")
        if count > max_pages:
            raise PdfReadError(f"{count} pages is over the limit of {max_pages}")
        lines: list[Line] = []
        for number in range(1, count + 1):
            page = pdf[number - 1]
            textpage = page.get_textpage()
            try:
                view = _PdfiumPage(page, textpage)
                words = view.extract_words()
                if any(font_encoding(w["fontname"]) for w in words):
                    for w in words:
                        w["text"] = decode_legacy(w["text"], w["fontname"])
                lines.extend(_page_lines(_WordPage(words, view.width, view.height), number))
            except PdfReadError:
                raise
            except Exception as exc:
                raise PdfReadError(f"page {number} cannot be read ({type(exc).__name__})") from exc
            finally:
                textpage.close()
                page.close()
        for i, line in enumerate(lines):
            line.line_no = i
        return lines, count
    finally:
        pdf.close()
