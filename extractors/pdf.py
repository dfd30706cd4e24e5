"""PDF reader: pages → ``Line`` records. The only module that imports pdfplumber or reads PDF text.

Two engines share one layout logic (``_page_lines``): PDFium (pypdfium2) gives
each word's text, box, size and font about ten times faster than pdfplumber and
is the default; pdfplumber is the reference the tests hold it to.

Lines are built from words grouped by baseline. Official documents put two
columns side by side in the header (issuer and number | national motto, place
and date) and at the end (Nơi nhận | signature). pdfplumber's default text
merges such columns line by line; here a run of lines split by a wide gap is
emitted as its left cell, then its right cell.

Ruled task tables ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian")
come out as DOCX gives them: one line per cell, row by row, each a ``hard_break``,
the first cell of a row after a ``blank_before``. Only pages that draw rules pay for
it: the rules become pdfplumber edges, pdfplumber's table finder turns them into
cells, and the page's words are put into those cells. A ruled table whose header
has no task and lead columns (a list of figures, a form) keeps the plain layout.
"""

from __future__ import annotations

import collections
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kehoach.extractors.normalize import parse_page_number
from kehoach.schemas.layout import Line

LINE_TOLERANCE = 3.0  # points: words whose tops differ by less share a line
COLUMN_GAP = 28.0  # points: a gap this wide between words splits a line into cells
HEADER_BAND = 0.40  # share of page 1's height in which a split band is the header
BAND_LINE_GAP = 2.0  # font sizes from one line's top to the next's, at most, inside a column of a band
MAX_PAGES = 1000
SUPERSCRIPT_RATIO = 0.8  # a digit set this much smaller than its line is a footnote reference
FOOTNOTE_RATIO = 0.9  # page-foot lines in type this much smaller than the page's text are footnotes
_FOOTNOTE_START_RE = re.compile(r"^(\d{1,3})\s+(?=\S)")
PAGE_MARGIN_BAND = 0.09  # share of the page height at top and bottom where page numbers sit


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
    return parse_page_number(text) is not None


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


def _mark_footnote_refs(row: list[dict]) -> list[dict]:
    """A footnote reference set small after a word ("…/QH15¹") becomes "[1]", the form
    plain-text copies use, so the footnote's text can find its node."""
    largest = max(float(w.get("size") or 0) for w in row)
    return [{**w, "text": f"[{w['text']}]"} if w["text"].isdigit() and len(w["text"]) <= 3 and k > 0
            and float(w.get("size") or largest) < SUPERSCRIPT_RATIO * largest else w
            for k, w in enumerate(row)]


def _row_cells(row: list[dict]) -> list[_Cell]:
    row = _mark_footnote_refs(row)
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
        # A line set apart by a wider gap (the type word under the date) is no such line.
        if kinds[k] == "full" and kinds[k - 1] in ("split", "right") and len(rows[k]) == 1 \
                and rows[k][0].x0 > width * 0.4 \
                and rows[k][0].top - max(c.top for c in rows[k - 1]) <= BAND_LINE_GAP * rows[k][0].size:
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
    reader = extract_lines_pdfium if engine == "pdfium" else extract_lines_pdfplumber
    return reader(data, max_pages=max_pages, password=password)


def move_footnotes(lines: list[Line]) -> list[Line]:
    """Footnotes at a page foot (small type, starting with their number) leave the running
    text, where they would split a paragraph across the page break, and follow the whole
    document as "[n] …" paragraphs, the way plain-text copies gather them."""
    body: list[Line] = []
    notes: list[Line] = []
    # The running text's size: the one most characters of the document are set in.
    weight: collections.Counter = collections.Counter()
    for line in lines:
        if line.size:
            weight[round(line.size, 1)] += len(line.text)
    if not weight:
        return list(lines)
    text_size = weight.most_common(1)[0][0]
    for _page, group in itertools.groupby(lines, key=lambda line: line.page):
        group = list(group)
        k = len(group)
        while k > 0 and group[k - 1].size and group[k - 1].size < FOOTNOTE_RATIO * text_size \
                and group[k - 1].column is None:
            k -= 1
        start = next((j for j in range(k, len(group)) if _FOOTNOTE_START_RE.match(group[j].text)), None)
        if start is None:
            body.extend(group)
            continue
        body.extend(group[:start])
        for line in group[start:]:
            number = _FOOTNOTE_START_RE.match(line.text)
            if number:
                line = line.with_text(f"[{number.group(1)}] {line.text[number.end():]}")
                line.hard_break = True
            notes.append(line)
    return body + notes


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
        state = _TableState()
        for number, page in enumerate(pages, start=1):
            try:
                view = with_legacy_fonts(page)
                ruled = bool(page.objects.get("line") or page.objects.get("rect"))
                words = view.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False) if ruled else []
                tables = find_ruled_tables(_plumber_edges(page)) if ruled and state.may_hold_table(words) else []
                if tables:
                    lines.extend(_table_page_lines(words, tables, float(page.width), float(page.height),
                                                   number, state))
                else:
                    state.previous = None
                    lines.extend(_page_lines(view, number))
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
        state = _TableState()
        for number in range(1, count + 1):
            page = pdf[number - 1]
            textpage = page.get_textpage()
            try:
                view = _PdfiumPage(page, textpage)
                words = view.extract_words()
                if any(font_encoding(w["fontname"]) for w in words):
                    for w in words:
                        w["text"] = decode_legacy(w["text"], w["fontname"])
                ruled = _draws_paths(page) and state.may_hold_table(words)
                tables = find_ruled_tables(_pdfium_edges(page, view.height)) if ruled else []
                if tables:
                    lines.extend(_table_page_lines(words, tables, view.width, view.height, number, state))
                else:
                    state.previous = None
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


# --- ruled tables: cells from the page's rules ----------------------------------

RULE_MIN_LENGTH = 3.0  # points: a shorter rule (a dot, a thin rectangle's end) is no table edge
RULE_TOLERANCE = 3.0  # points: rules this close snap, join and intersect (pdfplumber's defaults)
RULE_MAX_THICKNESS = 2.0  # points: a filled shape thicker than this both ways is shading, not a rule
RULE_SLANT = 0.5  # points: a segment further than this off the axis is no rule
MIN_TABLE_RULES = (3, 2)  # horizontal, vertical rules a page needs before cells are looked for
COLUMN_MATCH = 2.0  # points: a table on the next page continues one whose column bounds match this closely
ROW_TOLERANCE = 1.0  # points: cells whose tops differ by less share a row
MAX_FORM_DEPTH = 4  # nested form XObjects followed when collecting rules


@dataclass(slots=True)
class _RuledTable:
    """A table found from rules: its box and its cells (x0, top, x1, bottom) grouped into rows."""

    bbox: tuple[float, float, float, float]
    rows: list[list[tuple[float, float, float, float]]]

    @property
    def bounds(self) -> list[float]:
        """The x positions of its column rules, left to right."""
        xs: list[float] = []
        for x in sorted({x for row in self.rows for c in row for x in (c[0], c[2])}):
            if not xs or x - xs[-1] > COLUMN_MATCH:
                xs.append(x)
        return xs


@dataclass(slots=True)
class _TableState:
    """What a page's tables need from the previous page: the task table that may continue."""

    previous: _RuledTable | None = None
    header: list[str] | None = None

    def may_hold_table(self, words: list[dict]) -> bool:
        """Whether a page's rules are worth reading: a task table may go on from the previous
        page, or the page names a lead column ("chủ trì", "Cơ quan thực hiện"). Pages of
        highlighted or boxed text without such a header skip the table finder."""
        if self.previous is not None:
            return True
        from kehoach.extractors.table_header import names_lead_column

        return names_lead_column(" ".join(w["text"] for w in words))


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": orientation, "object_type": "line"}


def _segment_edge(ax: float, ay: float, bx: float, by: float, height: float) -> dict | None:
    """A straight segment in PDF space → a horizontal or vertical edge (top-left space), or None."""
    if abs(ay - by) <= RULE_SLANT and abs(ax - bx) >= RULE_MIN_LENGTH:
        top = height - (ay + by) / 2
        return _edge(min(ax, bx), top, max(ax, bx), top, "h")
    if abs(ax - bx) <= RULE_SLANT and abs(ay - by) >= RULE_MIN_LENGTH:
        x = (ax + bx) / 2
        return _edge(x, height - max(ay, by), x, height - min(ay, by), "v")
    return None


def _draws_paths(page) -> bool:
    """Whether a PDFium page has path (or form) objects at all: the cheap test before any rule is read."""
    import pypdfium2.raw as pdfium_c

    raw = page.raw
    wanted = (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM)
    return any(pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, k)) in wanted
               for k in range(pdfium_c.FPDFPage_CountObjects(raw)))


def _pdfium_edges(page, height: float) -> list[dict]:
    """The axis-parallel rules a PDFium page draws (lines and rectangle sides), as pdfplumber edges."""
    import pypdfium2.raw as pdfium_c

    raw = page.raw
    objects = [pdfium_c.FPDFPage_GetObject(raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw))]
    kinds = [pdfium_c.FPDFPageObj_GetType(o) for o in objects]
    edges: list[dict] = []
    _collect_edges(objects, kinds, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), height, edges, 0)
    return edges


def _collect_edges(objects, kinds, outer: tuple, height: float, edges: list[dict], depth: int) -> None:
    import ctypes

    import pypdfium2.raw as pdfium_c

    matrix = pdfium_c.FS_MATRIX()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj, kind in zip(objects, kinds):
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
            continue
        m = _compose((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < MAX_FORM_DEPTH:
                inner = [pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
                _collect_edges(inner, [pdfium_c.FPDFPageObj_GetType(o) for o in inner], m, height, edges, depth + 1)
            continue
        if _is_shading(obj):
            continue
        start = current = None
        for k in range(pdfium_c.FPDFPath_CountSegments(obj)):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            if not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
                continue
            point = (m[0] * x.value + m[2] * y.value + m[4], m[1] * x.value + m[3] * y.value + m[5])
            kind_of = pdfium_c.FPDFPathSegment_GetType(segment)
            if kind_of == pdfium_c.FPDF_SEGMENT_LINETO and current is not None:
                edge = _segment_edge(*current, *point, height)
                if edge:
                    edges.append(edge)
            if kind_of == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            current = point
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                edge = _segment_edge(*current, *start, height)
                if edge:
                    edges.append(edge)
                current = start


def _is_shading(obj) -> bool:
    """A filled, unstroked path thicker than a rule both ways: a highlight or a cell's shading."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)) or stroke.value \
            or not fill.value:
        return False
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return False
    return right.value - left.value > RULE_MAX_THICKNESS and top.value - bottom.value > RULE_MAX_THICKNESS


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying ``inner`` then ``outer`` (PDF's a b c d e f order)."""
    a, b, c, d, e, f = inner
    oa, ob, oc, od, oe, of = outer
    return (a * oa + b * oc, a * ob + b * od, c * oa + d * oc, c * ob + d * od,
            e * oa + f * oc + oe, e * ob + f * od + of)


def _plumber_edges(page) -> list[dict]:
    """A pdfplumber page's rules (lines and rectangle sides, shading left out) as edges."""
    from pdfplumber.utils import obj_to_edges

    shapes = list(page.lines) + [r for r in page.rects if r.get("stroke") or not r.get("fill")
                                 or min(r["width"], r["height"]) <= RULE_MAX_THICKNESS]
    return [_edge(e["x0"], e["top"], e["x1"], e["bottom"], e["orientation"]) for shape in shapes
            for e in obj_to_edges(shape) if e.get("orientation") in ("h", "v")]


def find_ruled_tables(edges: list[dict]) -> list[_RuledTable]:
    """Tables drawn with rules: pdfplumber's edge → intersection → cell → table steps.

    :param edges: pdfplumber-style edge dicts (``x0``, ``x1``, ``top``, ``bottom``, ``orientation``)
    """
    if sum(e["orientation"] == "h" for e in edges) < MIN_TABLE_RULES[0] \
            or sum(e["orientation"] == "v" for e in edges) < MIN_TABLE_RULES[1]:
        return []
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges
    from pdfplumber.utils import filter_edges

    merged = filter_edges(merge_edges(edges, RULE_TOLERANCE, RULE_TOLERANCE, RULE_TOLERANCE, RULE_TOLERANCE),
                          min_length=RULE_MIN_LENGTH)
    cells = intersections_to_cells(edges_to_intersections(merged, RULE_TOLERANCE, RULE_TOLERANCE))
    out = []
    for group in cells_to_tables(cells):
        rows: list[list[tuple]] = []
        for cell in sorted(group, key=lambda c: (c[1], c[0])):
            if rows and abs(rows[-1][0][1] - cell[1]) <= ROW_TOLERANCE:
                rows[-1].append(cell)
            else:
                rows.append([cell])
        bbox = (min(c[0] for c in group), min(c[1] for c in group), max(c[2] for c in group),
                max(c[3] for c in group))
        out.append(_RuledTable(bbox=bbox, rows=rows))
    return out


def _inside(box: tuple, x: float, y: float) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _is_task_header(texts: list[str]) -> bool:
    """Header cells naming a task column and a lead column (tables.py's column roles)."""
    from kehoach.extractors.table_header import column_role

    roles = {column_role(t) for t in texts}
    return "task" in roles and "lead" in roles and bool({"support", "deadline"} & roles)


def _continues(table: _RuledTable, previous: _RuledTable | None) -> bool:
    """A table at the top of a page whose columns are those of the previous page's task table."""
    if previous is None:
        return False
    ours, theirs = table.bounds, previous.bounds
    return len(ours) == len(theirs) and all(abs(a - b) <= COLUMN_MATCH for a, b in zip(ours, theirs))


def _cell_line(words: list[dict], box: tuple, page_no: int, width: float, first: bool) -> Line:
    from kehoach.extractors.normalize import join_wrapped

    rows = _group_rows(words)
    text = join_wrapped(" ".join(w["text"] for w in row) for row in rows)
    bold_chars = sum(len(w["text"]) for w in words if _is_bold(w.get("fontname", "")))
    return Line(text=text, page=page_no, x0=box[0], x1=box[2], top=box[1],
                size=max(float(w.get("size") or 0) for w in words), bold=bold_chars * 2 > len(text.replace(" ", "")),
                page_width=width, blank_before=first, hard_break=True)


def _table_page_lines(words: list[dict], tables: list[_RuledTable], width: float, height: float,
                      page_no: int, state: _TableState) -> list[Line]:
    """A page with ruled tables: each task table's cells as lines, the other words laid out as usual."""
    filled = [[[[] for _ in row] for row in table.rows] for table in tables]  # table → row → cell → words
    outside: list[dict] = []
    for word in words:
        x, y = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
        spot = next(((t, r, c) for t, table in enumerate(tables) if _inside(table.bbox, x, y)
                     for r, row in enumerate(table.rows) for c, box in enumerate(row) if _inside(box, x, y)), None)
        if spot is None:
            outside.append(word)
        else:
            filled[spot[0]][spot[1]][spot[2]].append(word)
    blocks: list[tuple[float, list[Line]]] = []
    for table, rows in zip(tables, filled):
        header = [" ".join(w["text"] for r in _group_rows(cell) for w in r) for cell in rows[0] if cell]
        start = 0
        if header == state.header and _continues(table, state.previous):
            start = 1  # the header repeated on the next page: the table reads on
        elif _is_task_header(header):
            state.header = header
        elif not _continues(table, state.previous):
            outside.extend(w for row in rows for cell in row for w in cell)  # not a task table: plain layout
            continue
        state.previous = table
        lines: list[Line] = []
        for r in range(start, len(rows)):
            first = True
            for box, cell in zip(table.rows[r], rows[r]):
                if cell:
                    lines.append(_cell_line(cell, box, page_no, width, first))
                    first = False
        blocks.append((table.bbox[1], lines))
    if not blocks:
        state.previous = None
    page = list(_page_lines(_WordPage(outside, width, height), page_no))
    out: list[Line] = []
    blocks.sort(key=lambda b: b[0])
    for line in page:
        while blocks and line.top is not None and line.top >= blocks[0][0] and line.column is None:
            out.extend(blocks.pop(0)[1])
        out.append(line)
    for _, lines in blocks:
        out.extend(lines)
    return out
