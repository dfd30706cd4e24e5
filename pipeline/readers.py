"""File → ``RawDocument``: picks the reader by extension, checked against the content.

PDF pages whose text layer is not Vietnamese (scans, fonts without a Unicode
map) are re-read by OCR when Tesseract is available; ``text_source`` says
native / ocr / mixed and ``warnings`` names the OCR'd pages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kehoach.extractors import docx as docx_reader
from kehoach.extractors import ocr, text_file
from kehoach.extractors import pdf as pdf_reader
from kehoach.extractors.quality import score_text
from kehoach.pipeline import legacy_word
from kehoach.pipeline.errors import InputError, UnsupportedFormat
from kehoach.schemas.layout import Line, RawDocument

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt"}
# Read by conversion, when a converter is installed (pipeline/legacy_word.py).
CONVERTED = {".doc": "doc"}
Progress = Callable[[str], None]
MAX_BYTES = 200 * 1024 * 1024
MAX_PAGES = pdf_reader.MAX_PAGES


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How to read a document."""

    ocr: bool = True  # re-read pages that fail the quality check with Tesseract, when installed
    ocr_jobs: int | None = None  # tesseract processes at a time (default: CPUs)
    max_pages: int = MAX_PAGES
    password: str | None = None


DEFAULT_OPTIONS = ReadOptions()


def detect_format(path: Path) -> str:
    fmt = SUFFIXES.get(path.suffix.lower()) or CONVERTED.get(path.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(str(path), f"unsupported file type '{path.suffix or '(none)'}' (expected .pdf, .docx or .txt)")
    return fmt


def read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(str(path), "no such file")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(str(path), f"file is {size // (1024 * 1024)} MB, over the {MAX_BYTES // (1024 * 1024)} MB limit")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(str(path), "permission denied") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(str(path), "empty file" if not data else "empty file (only whitespace)")
    return data


def sha256_of(path: str | Path) -> str:
    """The file's sha256, read in chunks (the registry's identity of a document)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _page_ranges(pages: list[int]) -> str:
    """[1, 2, 3, 5] → "pages 1-3, 5"."""
    runs: list[list[int]] = []
    for n in sorted(pages):
        if runs and runs[-1][1] == n - 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    label = "page" if len(pages) == 1 else "pages"
    return f"{label} " + ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)


def _unavailable(options: ReadOptions) -> str | None:
    """Why OCR will not run, as the end of a sentence; None when it will."""
    if not options.ocr:
        return "OCR is disabled (--no-ocr)"
    reason = ocr.ocr_unavailable_reason()
    return reason.replace("OCR unavailable: ", "OCR is unavailable: ", 1) if reason else None


def _read_pdf(data: bytes, options: ReadOptions, on_progress: Progress | None = None,
              ) -> tuple[list[Line], int, str, list[str]]:
    """Native text where it is Vietnamese, OCR elsewhere.

    :raises PdfReadError: no page has text and OCR cannot supply it (the reason says why)
    """
    pdf_reader.check_document(data, max_pages=options.max_pages, password=options.password)
    pdf_reader.check_bombs(data)
    lines, pages = pdf_reader.extract_lines(data, max_pages=options.max_pages, password=options.password)
    by_page: dict[int, list[Line]] = {n: [] for n in range(1, pages + 1)}
    for line in lines:
        by_page.setdefault(line.page or 1, []).append(line)
    failing = {}
    for number, page_lines in by_page.items():
        quality = score_text("\n".join(line.text for line in page_lines))
        if not quality.is_vietnamese:
            failing[number] = quality
    textless = [n for n, q in failing.items() if not q.enough_text]
    if textless:
        with_images = ocr.image_pages(data, password=options.password)
        for number in textless:
            if number not in with_images and failing[number].cid_runs == 0:
                del failing[number]  # a blank page or a short closing page: nothing to re-read
    ocr_done, warnings = _reread(data, pages, by_page, failing, options, on_progress) if failing else ([], [])
    merged = pdf_reader.move_footnotes([line for number in sorted(by_page) for line in by_page[number]])
    for i, line in enumerate(merged):
        line.line_no = i
    with_text = [n for n in by_page if by_page[n]]
    if not ocr_done:
        source = "native"
    elif set(with_text) <= set(ocr_done):
        source = "ocr"
    else:
        source = "mixed"
    return merged, pages, source, warnings


def _has_text(by_page: dict[int, list[Line]], skip: dict | list = ()) -> bool:
    return any(line.text.strip() for number, lines in by_page.items() if number not in skip for line in lines)


def _reread(data: bytes, pages: int, by_page: dict[int, list[Line]], failing: dict, options: ReadOptions,
            on_progress: Progress | None) -> tuple[list[int], list[str]]:
    """OCR the failing pages into ``by_page`` (or empty them when OCR cannot run).

    :returns: the pages read by OCR, and the warnings
    :raises PdfReadError: no page has text and OCR cannot supply it
    """
    why = "; ".join(sorted({q.category for q in failing.values()}))
    unavailable = _unavailable(options)
    if unavailable:
        if not _has_text(by_page, skip=failing):
            layer = "no text layer" if not any(q.enough_text for q in failing.values()) else \
                f"the text layer cannot be read ({why})"
            raise pdf_reader.PdfReadError(f"{layer}, and {unavailable}")
        for number in failing:
            by_page[number] = []
        return [], [f"{_page_ranges(list(failing))} not read ({why}); {unavailable}"]
    if on_progress:
        on_progress(f"OCR of {len(failing)} of {pages} pages")
    try:
        read = ocr.ocr_pages(data, sorted(failing), jobs=options.ocr_jobs, password=options.password)
    except ocr.OcrError as exc:
        raise pdf_reader.PdfReadError(f"OCR failed: {exc}") from None
    warnings = [f"{_page_ranges(sorted(read.pages))} read by OCR ({why})", *read.warnings]
    for number, page_lines in read.pages.items():
        by_page[number] = [replace(line, ocr=True) for line in page_lines]  # their markers may carry OCR slips
        quality = score_text("\n".join(line.text for line in page_lines))
        if quality.enough_text and not quality.is_vietnamese:
            warnings.append(f"page {number}: OCR text is still not Vietnamese ({quality.reason})")
    if not _has_text(by_page):
        raise pdf_reader.PdfReadError(f"no text layer, and OCR found no text on {_page_ranges(list(failing))}")
    return sorted(read.pages), warnings


def read_document(path: str | Path, options: ReadOptions = DEFAULT_OPTIONS,
                  on_progress: Progress | None = None) -> RawDocument:
    """Read a PDF, DOCX or TXT file (or a legacy .doc, through LibreOffice) into lines.

    :param on_progress: told what is happening on a long read ("OCR of 80 of 80 pages")
    :raises InputError: with the reason
    """
    path = Path(path)
    data = read_bytes(path)
    fmt = detect_format(path)
    if fmt == "doc":
        return legacy_word.read_doc(path, data, lambda docx: _lines_of_docx(path, docx))
    sha256 = hashlib.sha256(data).hexdigest()
    pages = None
    source = "native"
    warnings: list[str] = []
    try:
        if fmt == "pdf":
            lines, pages, source, warnings = _read_pdf(data, options, on_progress)
        elif fmt == "docx":
            lines = docx_reader.extract_lines(data)
        else:
            text, encoding = text_file.decode_any(data)
            lines = text_file.split_lines(text)
            if encoding != "utf":
                warnings.append(f"not UTF-8: decoded as {encoding}")
    except (pdf_reader.PdfReadError, docx_reader.DocxReadError, text_file.TextDecodeError) as exc:
        raise InputError(str(path), str(exc)) from None
    except MemoryError:
        raise InputError(str(path), "out of memory while reading (file too complex)") from None
    return RawDocument(path=str(path), sha256=sha256, format=fmt, lines=lines, pages=pages,
                       text_source=source, warnings=warnings)


def read_text(text: str, *, path: str = "<text>") -> RawDocument:
    """Wrap a string (pasted text) as a TXT document."""
    data = text.encode("utf-8")
    lines = text_file.extract_lines(data)
    return RawDocument(path=path, sha256=hashlib.sha256(data).hexdigest(), format="txt", lines=lines)


def _lines_of_docx(path: Path, data: bytes) -> list[Line]:
    try:
        return docx_reader.extract_lines(data)
    except docx_reader.DocxReadError as exc:
        raise InputError(str(path), str(exc)) from None
