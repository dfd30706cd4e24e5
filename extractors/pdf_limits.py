"""Checks a PDF passes before it is parsed: the header, a password, the page count, decompression bombs."""

from __future__ import annotations

import re

MAX_PAGES = 1000
HEADER_WINDOW = 1024  # bytes: viewers accept "%PDF-" anywhere this near the start (the PDF format allows it)
MAX_STREAM_BYTES = 256 * 1024 * 1024  # a compressed stream that inflates beyond this is a bomb
MAX_INFLATE_RATIO = 1000  # … or inflates over this ratio while past 16 MB
_STREAM_RE = re.compile(rb"stream\r?\n")


class PdfReadError(ValueError):
    """The bytes are not a readable PDF."""


def check_header(data: bytes) -> None:
    """Refuse bytes without a "%PDF" header within the first ``HEADER_WINDOW`` bytes. Viewers
    accept a header there (a mail gateway or a download script may put a few bytes before it),
    and both engines read such a file as it is.

    :raises PdfReadError: no header there
    """
    if data.find(b"%PDF", 0, HEADER_WINDOW) < 0:
        raise PdfReadError(f"not a PDF (no %PDF header in its first {HEADER_WINDOW} bytes)")


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

    check_header(data)
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
