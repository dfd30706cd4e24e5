"""OCR reader: PDF pages → images (pypdfium2) → Tesseract ``vie`` → ``Line`` records.

Used for pages whose text layer is missing (scans) or not Vietnamese (fonts
without a Unicode map). Tesseract runs as a subprocess per page with
``OMP_THREAD_LIMIT=1`` (its own threading is several times slower on small
machines); pages run in parallel as separate processes, ``jobs`` at a time.
Word boxes from Tesseract's TSV go through the PDF reader's line and column
logic, so an OCR'd header comes out as its left cell, then its right cell. A page
after the first that draws ruled tables is read around them, and each table's cells
column by column (``ocr_tables``), so a scanned task table comes out as a native one.
"""

from __future__ import annotations

import functools
import io
import os
import re
import shutil
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from PIL import Image

from kehoach.extractors.ocr_blanks import blank_unread, reread_slots
from kehoach.extractors.ocr_correct import correct_lines
from kehoach.extractors.ocr_glyphs import fix_ocr_text
from kehoach.extractors.ocr_layout import (
    Box,
    centre_inside,
    count_stems,
    drop_seals,
    has_upper_loop,
    header_columns,
    printed_only,
)
from kehoach.extractors.ocr_names import fix_family_name
from kehoach.extractors.ocr_signature import named_recipients, signature_box
from kehoach.extractors.ocr_tables import (
    CELL_PSM,
    ScannedTables,
    as_row_number,
    cell_groups,
    find_scanned_tables,
    group_image,
    is_narrow,
    outside_image,
    tight,
)
from kehoach.extractors.pdf import words_to_lines
from kehoach.extractors.pdf_tables import RuledTable, TableState, table_page_lines
from kehoach.extractors.quality import EDGE_PUNCT, is_syllable
from kehoach.schemas.layout import Line

OCR_DPI = 300
OCR_LANG = "vie"
NUMBER_LANG = "eng"  # a row number alone in its cell is ASCII, and the English model reads "5" where vie gives "b)"
MAX_PAGE_PIXELS = 60_000_000  # a page bigger than this at OCR_DPI is rendered at a lower resolution
MIN_DPI = 72
PAGE_TIMEOUT = 180.0  # seconds for one page in tesseract
TESSERACT_ENV = "KEHOACH_TESSERACT"  # path of the tesseract binary; empty: OCR disabled
REGION_PSM = 4  # Tesseract's page segmentation for a header column or a signature block: one column of lines
MIN_FRAGMENT_CONF = 50  # a region's word of no syllable read with less confidence is a speck or a stroke
MIN_LEGIBLE_CONF = 60  # words read with less confidence do not count when two readings of a region are compared
HANDWRITTEN_PIXELS = 400  # pixels of pen ink at OCR_DPI (a digit or two) that make a handwritten value
SCAN_COLUMN_MATCH = 8.0  # points: a scanned page's table goes on from the page before when its column widths match
# What OCR makes of "I.", "II.", "III." in bold serif, the full stop sometimes lost ("1." stays:
# Arabic headings exist).
_I_NUMERAL_RE = re.compile(r"^[IlL|H]{1,4}\.?$")


class OcrUnavailable(RuntimeError):
    """Tesseract or its Vietnamese model is not installed."""


class OcrError(RuntimeError):
    """Tesseract failed on a page."""


def find_tesseract() -> str | None:
    """The tesseract binary: $KEHOACH_TESSERACT if set (empty disables OCR), else PATH."""
    configured = os.environ.get(TESSERACT_ENV)
    if configured is not None:
        return configured if configured and os.access(configured, os.X_OK) else None
    return shutil.which("tesseract")


@functools.lru_cache(maxsize=4)
def _languages(binary: str) -> frozenset[str]:
    try:
        out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in (out.stdout + out.stderr).splitlines()[1:] if line.strip())


def ocr_unavailable_reason() -> str | None:
    """Why OCR cannot run here, or ``None`` when it can."""
    binary = find_tesseract()
    if binary is None:
        return "OCR unavailable: tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-vie)"
    if OCR_LANG not in _languages(binary):
        return "OCR unavailable: tesseract has no Vietnamese model (apt-get install tesseract-ocr-vie)"
    return None


# --- Tesseract TSV → words --------------------------------------------------


def parse_tsv(tsv: str, dpi: float, offset: tuple[int, int] = (0, 0)) -> list[dict]:
    """Tesseract TSV → pdfplumber-style word dicts in points; words share their line's top.

    :param offset: pixels (left, top) of the image's corner on the page, for a cropped region
    """
    scale = 72.0 / dpi
    rows = [r.split("\t") for r in tsv.splitlines()[1:]]
    lines: dict[tuple, list[list[str]]] = {}
    for row in rows:
        if len(row) < 12 or row[0] != "5" or not row[11].strip():
            continue
        lines.setdefault((row[2], row[3], row[4]), []).append(row)
    words = []
    for key, line_rows in lines.items():
        top = min(int(r[7]) for r in line_rows) + offset[1]
        bottom = max(int(r[7]) + int(r[9]) for r in line_rows) + offset[1]
        height = (bottom - top) * scale
        for r in line_rows:
            left, width = int(r[6]) + offset[0], int(r[8])
            words.append({
                "text": r[11].strip(), "x0": left * scale, "x1": (left + width) * scale,
                "top": top * scale, "bottom": bottom * scale,
                "size": round(height * 0.8, 1), "fontname": "OCR", "line": key, "conf": float(r[10]),
                "box": Box(left, int(r[7]) + offset[1], left + width, int(r[7]) + offset[1] + int(r[9])),
            })
    return words


def _run_tesseract(binary: str, grey: np.ndarray, timeout: float, psm: int | None = None,
                   lang: str = OCR_LANG) -> str:
    """Tesseract over a grey image (page or region); its TSV."""
    image = Image.fromarray(grey)
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = [binary, "stdin", "stdout", "-l", lang]  # no --dpi: measured to cost accuracy
    if psm is not None:
        command += ["--psm", str(psm)]
    try:
        out = subprocess.run([*command, "tsv"], input=buffer.getvalue(), capture_output=True, timeout=timeout,
                             env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took over {timeout:.0f} s") from exc
    if out.returncode != 0:
        message = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed ({message[-1] if message else out.returncode})")
    return out.stdout.decode("utf-8", "replace")


def _render(pdf, index: int, dpi: int) -> tuple[np.ndarray, int, list[Box]]:
    """One page as an RGB array, scaled down when it would be too many pixels; and the boxes, in
    pixels, of the text the page draws.

    Form fields are not drawn: on the e-signed scans seen (../shared/corpus/pdf/more) the signature
    layer draws only the signers' stamps ("Ký bởi: …", "TRUNG TÂM CÔNG BÁO VÀ TIN HỌC") above the
    header, which then read as the issuer; the number and date are in the scan itself."""
    import pypdfium2.raw as pdfium_c

    page = pdf[index]
    width, height = page.get_size()
    pixels = width * height * (dpi / 72.0) ** 2
    if pixels > MAX_PAGE_PIXELS:
        dpi = max(MIN_DPI, int(dpi * (MAX_PAGE_PIXELS / pixels) ** 0.5))
    scale = dpi / 72.0
    rgb = page.render(scale=scale, rev_byteorder=True).to_numpy()
    typed = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        typed.append(Box(int(left * scale), int((height - top) * scale), int(right * scale) + 1,
                         int((height - bottom) * scale) + 1))
    page.close()
    return rgb[..., :3], dpi, typed


def image_pages(data: bytes, password: str | None = None) -> set[int]:
    """1-based numbers of the pages that draw at least one image."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(data, password=password)
    try:
        found = set()
        for index in range(len(pdf)):
            page = pdf[index]
            if any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)):
                found.add(index + 1)
            page.close()
        return found
    finally:
        pdf.close()


# --- one page: the whole, then the header's columns and the signature block on their own ----


@dataclass
class _Page:
    """A rendered page being read: its images, its words so far, and what to warn about."""

    binary: str
    number: int
    rgb: np.ndarray
    grey: np.ndarray
    dpi: int
    width: float  # points
    height: float
    timeout: float
    typed: list[Box] = field(default_factory=list)  # where the page draws text (not an image): no handwriting
    warnings: list[str] = field(default_factory=list)
    pen_pixels: int = 0  # handwriting taken out of the regions read so far

    def read(self, box: Box | None = None, psm: int = REGION_PSM) -> list[dict]:
        """Words of the page, or of one region read on its own as a column of short lines (or,
        with ``psm``, as one word), seals and pen strokes taken out."""
        if box is None:
            return parse_tsv(_run_tesseract(self.binary, self.grey, self.timeout), self.dpi)
        grey, pen = printed_only(self.rgb[box.top:box.bottom, box.left:box.right])
        if psm == REGION_PSM:
            self.pen_pixels += pen
        tsv = _run_tesseract(self.binary, grey, self.timeout, psm=psm)
        return parse_tsv(tsv, self.dpi, offset=(box.left, box.top))


def _column_lines(words: list[dict], column: str, page: _Page) -> list[Line]:
    """A header column's words as its lines, top to bottom, each Tesseract line one ``Line``."""
    rows: dict[tuple, list[dict]] = {}
    for word in words:
        rows.setdefault(word["line"], []).append(word)
    ordered = sorted(rows.values(), key=lambda row: min(w["top"] for w in row))
    lines = []
    for k, row in enumerate(ordered):
        row.sort(key=lambda w: w["x0"])
        lines.append(Line(text=" ".join(w["text"] for w in row), page=page.number, x0=row[0]["x0"],
                          x1=row[-1]["x1"], top=min(w["top"] for w in row), size=max(w["size"] for w in row),
                          column=column, page_width=page.width, blank_before=k == 0))
    return lines


def _is_legible(word: dict) -> bool:
    core = word["text"].strip(EDGE_PUNCT)
    return bool(core) and (core.isdigit() or is_syllable(core))


def _legible(words: list[dict]) -> int:
    """Letters of the confidently read words that are syllables or numbers: how much of a reading is text."""
    return sum(len(w["text"].strip(EDGE_PUNCT)) for w in words if w["conf"] >= MIN_LEGIBLE_CONF and _is_legible(w))


def _read_region(page: _Page, words: list[dict], box: Box) -> list[dict]:
    """A region read on its own, unless that reads less text than the whole page's reading of it
    (a seal Tesseract cannot see through)."""
    alone = page.read(box)
    before = [w for w in words if centre_inside(w, box)]
    return alone if _legible(alone) >= _legible(before) else before


def _without_specks(words: list[dict]) -> list[dict]:
    """A header column's words less the specks read as a faint letter or two."""
    return [w for w in words if _is_legible(w) or w["conf"] >= MIN_FRAGMENT_CONF or len(w["text"]) > 2]


def _without_strokes(words: list[dict]) -> list[dict]:
    """A signature block's words less the strokes of the signature or the seal read as marks or
    numbers: kept are a confident reading (of a syllable, an abbreviation or a longer word) and a
    syllable of three letters or more, however faint."""
    def kept(word: dict) -> bool:
        text = word["text"]
        confident = word["conf"] >= MIN_FRAGMENT_CONF and (_is_legible(word) or len(text) > 2 or text.isupper() and len(text) > 1)
        return confident or _is_legible(word) and not text.isdigit() and len(text.strip(EDGE_PUNCT)) >= 3

    return [w for w in words if kept(w)]


def _check_markers(page: _Page, words: list[dict]) -> list[dict]:
    """Item markers at a line's start read again from their strokes, where bold serif type makes
    Tesseract misread them and shift every node id after: a Roman numeral of I's ("III." read as
    "II." or "IL.") recounted; a "9." without the loop of a 9 is a 5."""
    out = []
    for before, word, after in zip([None, *words], words, [*words[1:], None]):
        starts = before is None or before["line"] != word["line"]
        follows = after is not None and after["line"] == word["line"]
        heading = follows and after["text"].isupper() and len(after["text"]) > 1
        if heading and _I_NUMERAL_RE.match(word["text"]) and word["box"].left < page.grey.shape[1] * 0.3:
            stems = count_stems(page.grey, word["box"])
            if 1 <= stems <= 3:
                word = {**word, "text": "I" * stems + "."}
        elif starts and follows and word["text"] == "9." and not has_upper_loop(page.grey, word["box"]):
            word = {**word, "text": "5."}
        out.append(word)
    return out


def _read_page(page: _Page) -> list[Line]:
    """OCR one page: the page whole, then the header band's columns and the signature block
    each on its own (their lines never mix, the seal is gone), then the language's correction."""
    words = _check_markers(page, page.read())
    header: list[Line] = []
    columns = header_columns(page.grey) if page.number == 1 else None
    if columns:
        for box, column in zip(columns, ("left", "right")):
            column_words = reread_slots(page, _without_specks(_read_region(page, words, box)))
            header += _column_lines(column_words, column, page)
        band = Box(0, columns[0].top, columns[1].right, columns[0].bottom)
        words = [w for w in words if not centre_inside(w, band)]
        header = [line.with_text(blank_unread(fix_ocr_text(line.text), page)) for line in header]
        if page.pen_pixels > HANDWRITTEN_PIXELS * (page.dpi / OCR_DPI) ** 2:
            page.warnings.append(f"page {page.number}: handwriting in the header (a number or a date filled in "
                                 "by pen) not read; the printed part kept")
    closing: list[Line] = []
    signature = signature_box(page, words)
    if signature:
        # The closing band as two columns: the "Nơi nhận" list, then the signature block read on its own.
        recipients = [w for w in words if signature.top <= w["box"].top < signature.bottom
                      and w["box"].right <= signature.left]
        block = _without_strokes(_read_region(page, words, signature))
        words = [w for w in words if not centre_inside(w, signature) and w not in recipients]
        signed = [line.with_text(fix_family_name(line.text)) for line in _column_lines(block, "right", page)]
        closing = named_recipients(_column_lines(recipients, "left", page)) + signed
    lines = header + (words_to_lines(words, page.width, page.height, page.number) if words else []) + closing
    return _finish(lines, page)


def _finish(lines: list[Line], page: _Page) -> list[Line]:
    """A page's lines with the post-OCR fixes: glyphs, unread blanks, the language's correction."""
    lines = [line.with_text(fix_ocr_text(line.text)) for line in lines]
    lines = [line.with_text(blank_unread(line.text, page, header=False)) for line in lines]
    lines, changed = correct_lines(lines)
    if changed:
        page.warnings.append(f"page {page.number}: {changed} OCR words corrected")
    return lines


@dataclass
class _TablePage:
    """A page with ruled tables, read: its words (upright page, in points) waiting for the tables of
    the pages before it, since a task table goes on from page to page."""

    words: list[dict]
    tables: list[RuledTable]


def _read_table_page(page: _Page, scanned: ScannedTables) -> _TablePage:
    """The text around the tables read as a page, each table's cells column by column."""
    def read(grey: np.ndarray, offset: tuple[int, int], psm: int | None, lang: str = OCR_LANG) -> list[dict]:
        return parse_tsv(_run_tesseract(page.binary, grey, page.timeout, psm=psm, lang=lang), page.dpi, offset=offset)

    number_lang = NUMBER_LANG if NUMBER_LANG in _languages(page.binary) else OCR_LANG

    page.warnings.append(f"page {page.number}: ruled table read cell by cell (page turned {scanned.angle:+.2f}°)")
    words = read(outside_image(scanned, page.dpi), (0, 0), None)
    for table in scanned.tables:
        for group in cell_groups(table):
            # a narrow column ("TT": "I", "7") is read cell by cell: alone in a block, a short
            # number is read as a stroke ("|", "Z4")
            if not is_narrow(table, group):
                words += read(*group_image(scanned, table, group, page.dpi), CELL_PSM)
                continue
            for cell in group:
                image, (left, top) = group_image(scanned, table, [cell], page.dpi)
                image, (dx, dy) = tight(image)
                words += [{**w, "text": as_row_number(w["text"])}
                          for w in read(image, (left + dx, top + dy), CELL_PSM, number_lang)]
    return _TablePage(words, scanned.tables)


def _read(page: _Page) -> list[Line] | _TablePage:
    """A page after the title page that draws ruled tables is read around them; any other as a page."""
    scanned = find_scanned_tables(page.grey, page.dpi) if page.number > 1 else None
    return _read_table_page(page, scanned) if scanned else _read_page(page)


def _lay_out_tables(results: dict[int, list[Line] | _TablePage], pages: dict[int, _Page]) -> dict[int, list[Line]]:
    """Table pages made into lines in page order: a table without its header on a page goes on the
    task table of the page before when their columns match."""
    state = TableState(column_match=SCAN_COLUMN_MATCH)
    out: dict[int, list[Line]] = {}
    for number in sorted(results):
        read = results[number]
        if isinstance(read, _TablePage):
            page = pages[number]
            out[number] = _finish(table_page_lines(read.words, read.tables, page.width, page.height, number, state),
                                  page)
        else:
            state = TableState(column_match=SCAN_COLUMN_MATCH)
            out[number] = read
    return out


@dataclass
class OcrResult:
    """Lines per OCR'd page, and the warnings the reading gave (corrections, handwriting)."""

    pages: dict[int, list[Line]]
    warnings: list[str]


def ocr_pages(
    data: bytes, pages: list[int], *, jobs: int | None = None, dpi: int = OCR_DPI,
    password: str | None = None, page_timeout: float = PAGE_TIMEOUT,
) -> OcrResult:
    """OCR the given 1-based pages of a PDF; lines per page, post-OCR fixes applied.

    :param jobs: pages read at a time (default: the number of CPUs)
    :raises OcrUnavailable: tesseract or the ``vie`` model is missing
    :raises OcrError: tesseract failed or timed out on a page
    """
    import pypdfium2 as pdfium

    reason = ocr_unavailable_reason()
    if reason:
        raise OcrUnavailable(reason)
    binary = find_tesseract()
    assert binary is not None
    jobs = max(1, jobs or os.cpu_count() or 1)
    pdf = pdfium.PdfDocument(data, password=password)
    read: dict[int, _Page] = {}
    results: dict[int, list[Line]] = {}
    try:
        # Rendering stays in this thread (pdfium is not thread-safe); pages are read in parallel,
        # at most ``jobs`` rendered pages waiting at a time.
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            pending: list[tuple[int, Future]] = []
            for number in pages:
                width, height = pdf[number - 1].get_size()
                rgb, used_dpi, typed = _render(pdf, number - 1, dpi)
                page = _Page(binary, number, rgb, drop_seals(rgb), used_dpi, width, height, page_timeout, typed)
                read[number] = page
                pending.append((number, pool.submit(_read, page)))
                while len(pending) >= jobs:
                    done, future = pending.pop(0)
                    results[done] = future.result()
                    read[done].rgb = read[done].grey = np.empty(0)  # let the images go
            for done, future in pending:
                results[done] = future.result()
    finally:
        pdf.close()
    return OcrResult(_lay_out_tables(results, read), [w for n in sorted(read) for w in read[n].warnings])
