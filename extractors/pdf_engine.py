"""The two PDF engines: pages → word dicts → lines.

PDFium (pypdfium2) gives each word's text, box, size and font about ten times
faster than pdfplumber and is the default; pdfplumber is the reference the tests
hold it to. Both hand their words to the same layout (``pdf_layout``) and table
(``pdf_tables``) logic. PDFium also reads what an annotated page's signing layer
draws into the page's blanks (``pdf_layer``); pdfplumber, which cannot render that
layer, reads the page alone. These modules are the only ones that import pdfplumber
or pypdfium2 for reading text.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from kehoach.extractors.pdf_layer import fill_blanks, new_words
from kehoach.extractors.pdf_layout import WordPage, page_lines
from kehoach.extractors.pdf_limits import MAX_PAGES, PdfReadError, check_header
from kehoach.extractors.pdf_tables import (
    TableState,
    draws_paths,
    find_ruled_tables,
    pdfium_edges,
    plumber_edges,
    table_page_lines,
)
from kehoach.schemas.layout import Line


def extract_lines_pdfplumber(data: bytes, *, max_pages: int = MAX_PAGES,
                             password: str | None = None) -> tuple[list[Line], int]:
    """All lines of a PDF read with pdfplumber."""
    import pdfplumber  # imported here: only PDF input pays for it
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    check_header(data)
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
        state = TableState()
        for number, page in enumerate(pages, start=1):
            try:
                view = with_legacy_fonts(page)
                ruled = bool(page.objects.get("line") or page.objects.get("rect"))
                words = view.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False) if ruled else []
                tables = find_ruled_tables(plumber_edges(page)) if ruled and state.may_hold_table(words) else []
                if tables:
                    lines.extend(table_page_lines(words, tables, float(page.width), float(page.height),
                                                   number, state))
                else:
                    state.previous = None
                    lines.extend(page_lines(view, number))
            except Exception as exc:
                raise PdfReadError(f"page {number} cannot be read ({type(exc).__name__})") from exc
            page.flush_cache()
        for i, line in enumerate(lines):
            line.line_no = i
        return lines, len(pages)



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



# --- PDFium: the fast path for native text ------------------------------------

class _PdfiumPage:
    """A pypdfium2 page seen through ``extract_words`` (the interface ``page_lines`` uses).

    PDFium groups a page's characters into text segments ("rects", runs of text
    on one line); each becomes a word dict with its font. Segments that touch
    are glued without a space, so a run split at a font change inside a word
    stays one word.
    """

    def __init__(self, page, textpage):
        import ctypes

        self.page, self.textpage = page, textpage
        self.width, self.height = float(page.get_width()), float(page.get_height())
        # asked once per word: one buffer for the font name instead of one per call
        self._name_buffer, self._font_flags = ctypes.create_string_buffer(128), ctypes.c_int()

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
                part_size = size if start == first else (pdfium_c.FPDFText_GetFontSize(raw, start) or size)
                # PDFium marks a hyphen that ends a line as U+0002 or U+FFFE; the word ends there.
                words.append({"text": text[start:stop].translate(_LINE_END_HYPHENS), "x0": left,
                              "x1": max(right, left), "size": part_size,
                              # Rows are grouped on the baseline: a glyph box's top moves with its
                              # diacritics ("ỦY" stands taller than "BAN" on the same line).
                              "top": self.height - (y.value + size), "bottom": self.height - y.value,
                              "fontname": self._fontname(start)})
        return words

    def _fontname(self, index: int) -> str:
        import ctypes

        import pypdfium2.raw as pdfium_c

        raw = self.textpage.raw
        buffer = self._name_buffer
        # PDFium leaves the buffer as it was when it fails or the name is longer: then the name is unknown
        needed = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), ctypes.byref(self._font_flags))
        name = buffer.value.decode("latin-1", "replace") if 0 < needed <= len(buffer) else ""
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
        state = TableState()
        for number in range(1, count + 1):
            try:
                lines.extend(_pdfium_page_lines(pdf, number, state))
            except PdfReadError:
                raise
            except Exception as exc:
                raise PdfReadError(f"page {number} cannot be read ({type(exc).__name__})") from exc
        for i, line in enumerate(lines):
            line.line_no = i
        return lines, count
    finally:
        pdf.close()


@dataclass(slots=True)
class _PageRead:
    """What one opening of a PDFium page gives: its words, size, rules and whether it has annotations."""

    words: list[dict]
    width: float
    height: float
    edges: list[dict]
    annotated: bool


def _read_page(pdf, index: int, state: TableState) -> _PageRead:
    """A page's words (legacy fonts decoded), and its rules when a task table may be on it."""
    import pypdfium2.raw as pdfium_c

    from kehoach.extractors.legacy_fonts import decode_legacy, font_encoding

    page = pdf[index]
    textpage = page.get_textpage()
    try:
        view = _PdfiumPage(page, textpage)
        words = view.extract_words()
        if any(font_encoding(w["fontname"]) for w in words):
            for w in words:
                w["text"] = decode_legacy(w["text"], w["fontname"])
        ruled = draws_paths(page) and state.may_hold_table(words)
        return _PageRead(words=words, width=view.width, height=view.height,
                         edges=pdfium_edges(page, view.height) if ruled else [],
                         annotated=bool(pdfium_c.FPDFPage_GetAnnotCount(page.raw)))
    finally:
        textpage.close()
        page.close()


def _layer_words(pdf, index: int, printed: list[dict]) -> list[dict]:
    """The words the page's annotation and form layer draws (see ``pdf_layer``). Flattening
    changes the page in the open document, so it comes after every other reading of the page."""
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    try:
        flattened = pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS
    finally:
        page.close()
    if not flattened:
        return []
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        return new_words(printed, _PdfiumPage(page, textpage).extract_words())
    finally:
        textpage.close()
        page.close()


def _pdfium_page_lines(pdf, number: int, state: TableState) -> list[Line]:
    """One page's lines: its words with the blanks the signing layer fills, tables from its rules."""
    read = _read_page(pdf, number - 1, state)
    words = fill_blanks(read.words, _layer_words(pdf, number - 1, read.words)) if read.annotated else read.words
    tables = find_ruled_tables(read.edges) if read.edges else []
    if tables:
        return table_page_lines(words, tables, read.width, read.height, number, state)
    state.previous = None
    return list(page_lines(WordPage(words, read.width, read.height), number))
