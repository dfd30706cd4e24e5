"""OCR reader: PDF pages → images (pypdfium2) → Tesseract ``vie`` → ``Line`` records.

Used for pages whose text layer is missing (scans) or not Vietnamese (fonts
without a Unicode map). Tesseract runs as a subprocess per page with
``OMP_THREAD_LIMIT=1`` (its own threading is several times slower on small
machines); pages run in parallel as separate processes, ``jobs`` at a time.
Word boxes from Tesseract's TSV go through the PDF reader's line and column
logic, so an OCR'd header comes out as its left cell, then its right cell.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

from kehoach.extractors.pdf import words_to_lines
from kehoach.extractors.quality import is_syllable
from kehoach.schemas.layout import Line

OCR_DPI = 300
OCR_LANG = "vie"
MAX_PAGE_PIXELS = 60_000_000  # a page bigger than this at OCR_DPI is rendered at a lower resolution
MIN_DPI = 72
PAGE_TIMEOUT = 180.0  # seconds for one page in tesseract
TESSERACT_ENV = "KEHOACH_TESSERACT"  # path of the tesseract binary; empty: OCR disabled


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


# --- post-OCR fixes ---------------------------------------------------------

# Upper-case letters Tesseract reads without their circumflex/horn: QUYÉT, CHÁP, ĐÓC.
_UPPER_CONFUSIONS = {
    "É": "Ế", "È": "Ề", "Ẻ": "Ể", "Ẽ": "Ễ", "Ẹ": "Ệ",
    "Á": "Ấ", "À": "Ầ", "Ả": "Ẩ", "Ã": "Ẫ", "Ạ": "Ậ",
    "Ó": "Ố", "Ò": "Ồ", "Ỏ": "Ổ", "Õ": "Ỗ", "Ọ": "Ộ",
}
_ROMAN_HI_RE = re.compile(r"^(\s*)HI(?=\.\s)")  # "HI. NHIỆM VỤ" is "III."
_SYMBOL_QUOTE_RE = re.compile(r"(?<=[-/])['‘’`](?=[A-ZĐ])")  # "QĐ-'TTg" → "QĐ-TTg"
_UPPER_WORD_RE = re.compile(r"\b[A-ZĐÀ-Ỹ]{2,7}\b")


def _fix_upper_word(match: re.Match) -> str:
    word = match.group(0)
    if not word.isupper() or is_syllable(word):
        return word
    for i, ch in enumerate(word):
        better = _UPPER_CONFUSIONS.get(ch)
        if better:
            candidate = word[:i] + better + word[i + 1:]
            if is_syllable(candidate):
                return candidate
    return word


# Phrases of official documents where Tesseract drops or swaps a tone mark; the misread
# forms are not Vietnamese in these phrases ("đâu tư", "bố sung"). Collected from the
# corpus scans: a short list of whole-phrase fixes, never single syllables.
OCR_PHRASE_FIXES = {
    "đâu tư": "đầu tư", "Đâu tư": "Đầu tư", "đông thời": "đồng thời", "Đông thời": "Đồng thời",
    "bố sung": "bổ sung", "bỗ sung": "bổ sung", "quy định chỉ tiết": "quy định chi tiết",
    "thẩm quyên": "thẩm quyền", "chính quyên": "chính quyền", "liệu nỗ": "liệu nổ", "liệu nô ": "liệu nổ ",
    "thuốc nỗ": "thuốc nổ", "thuốc nồ": "thuốc nổ", "Tổ chúc": "Tổ chức",
}
_PHRASE_RE = re.compile("|".join(re.escape(k) for k in sorted(OCR_PHRASE_FIXES, key=len, reverse=True)))


def fix_ocr_text(text: str) -> str:
    """Known Tesseract confusions on Vietnamese official documents.

    >>> fix_ocr_text("HI. NHIỆM VỤ"), fix_ocr_text("QUYÉT ĐỊNH số 12/QĐ-'TTg"), fix_ocr_text("ÐẢNG")
    ('III. NHIỆM VỤ', 'QUYẾT ĐỊNH số 12/QĐ-TTg', 'ĐẢNG')
    """
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")  # Ð ð (Icelandic eth) → Đ đ
    text = _ROMAN_HI_RE.sub(r"\1III", text)
    text = _SYMBOL_QUOTE_RE.sub("", text)
    text = _PHRASE_RE.sub(lambda m: OCR_PHRASE_FIXES[m.group(0)], text)
    return _UPPER_WORD_RE.sub(_fix_upper_word, text)


# --- Tesseract TSV → words --------------------------------------------------


def parse_tsv(tsv: str, dpi: float) -> list[dict]:
    """Tesseract TSV → pdfplumber-style word dicts in points; words share their line's top."""
    scale = 72.0 / dpi
    rows = [r.split("\t") for r in tsv.splitlines()[1:]]
    lines: dict[tuple, list[list[str]]] = {}
    for row in rows:
        if len(row) < 12 or row[0] != "5" or not row[11].strip():
            continue
        lines.setdefault((row[2], row[3], row[4]), []).append(row)
    words = []
    for line_rows in lines.values():
        top = min(int(r[7]) for r in line_rows)
        bottom = max(int(r[7]) + int(r[9]) for r in line_rows)
        height = (bottom - top) * scale
        for r in line_rows:
            left, width = int(r[6]), int(r[8])
            words.append({
                "text": r[11].strip(), "x0": left * scale, "x1": (left + width) * scale,
                "top": top * scale, "bottom": bottom * scale,
                "size": round(height * 0.8, 1), "fontname": "OCR",
            })
    return words


def _run_tesseract(binary: str, image: bytes, dpi: int, timeout: float) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        out = subprocess.run(
            [binary, "stdin", "stdout", "-l", OCR_LANG, "tsv"],  # no --dpi: measured to cost accuracy
            input=image, capture_output=True, timeout=timeout, env=env, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took over {timeout:.0f} s") from exc
    if out.returncode != 0:
        message = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed ({message[-1] if message else out.returncode})")
    return out.stdout.decode("utf-8", "replace")


def _render(pdf, index: int, dpi: int) -> tuple[bytes, int]:
    """One page as a grayscale PGM image, scaled down when it would be too many pixels."""
    import io

    page = pdf[index]
    width, height = page.get_size()
    pixels = width * height * (dpi / 72.0) ** 2
    if pixels > MAX_PAGE_PIXELS:
        dpi = max(MIN_DPI, int(dpi * (MAX_PAGE_PIXELS / pixels) ** 0.5))
    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
    image = bitmap.to_pil()
    buffer = io.BytesIO()
    image.save(buffer, format="PPM")
    page.close()
    return buffer.getvalue(), dpi


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


def ocr_pages(
    data: bytes, pages: list[int], *, jobs: int | None = None, dpi: int = OCR_DPI,
    password: str | None = None, page_timeout: float = PAGE_TIMEOUT,
) -> dict[int, list[Line]]:
    """OCR the given 1-based pages of a PDF; lines per page, post-OCR fixes applied.

    :param jobs: tesseract processes at a time (default: the number of CPUs)
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
    results: dict[int, list[Line]] = {}
    try:
        sizes = {n: pdf[n - 1].get_size() for n in pages}

        def one(number: int, image: bytes, used_dpi: int) -> tuple[int, str, int]:
            return number, _run_tesseract(binary, image, used_dpi, page_timeout), used_dpi

        # Rendering stays in this thread (pdfium is not thread-safe); tesseract runs in parallel.
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = []
            for number in pages:
                image, used_dpi = _render(pdf, number - 1, dpi)
                futures.append(pool.submit(one, number, image, used_dpi))
            for future in futures:
                number, tsv, used_dpi = future.result()
                width, height = sizes[number]
                words = parse_tsv(tsv, used_dpi)
                lines = words_to_lines(words, width, height, number) if words else []
                results[number] = [line.with_text(fix_ocr_text(line.text)) for line in lines]
    finally:
        pdf.close()
    return results
