"""File → ``RawDocument``: picks the reader by extension, checked against the content."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kehoach.extractors import docx as docx_reader
from kehoach.extractors import pdf as pdf_reader
from kehoach.extractors import text_file
from kehoach.pipeline.errors import InputError, UnsupportedFormat
from kehoach.schemas.layout import RawDocument

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".txt": "txt"}
MAX_BYTES = 200 * 1024 * 1024


def detect_format(path: Path) -> str:
    fmt = SUFFIXES.get(path.suffix.lower())
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
        raise InputError(str(path), "empty file")
    return data


def read_document(path: str | Path) -> RawDocument:
    """Read a PDF, DOCX or TXT file into lines; raises ``InputError`` with the reason."""
    path = Path(path)
    data = read_bytes(path)
    fmt = detect_format(path)
    sha256 = hashlib.sha256(data).hexdigest()
    pages = None
    try:
        if fmt == "pdf":
            lines, pages = pdf_reader.extract_lines(data)
        elif fmt == "docx":
            lines = docx_reader.extract_lines(data)
        else:
            lines = text_file.extract_lines(data)
    except (pdf_reader.PdfReadError, docx_reader.DocxReadError, text_file.TextDecodeError) as exc:
        raise InputError(str(path), str(exc)) from None
    return RawDocument(path=str(path), sha256=sha256, format=fmt, lines=lines, pages=pages)


def read_text(text: str, *, path: str = "<text>") -> RawDocument:
    """Wrap a string (pasted text) as a TXT document."""
    data = text.encode("utf-8")
    lines = text_file.extract_lines(data)
    return RawDocument(path=path, sha256=hashlib.sha256(data).hexdigest(), format="txt", lines=lines)
