"""TXT reader: bytes → lines. UTF-8 (with or without BOM) and UTF-16 with BOM."""

from __future__ import annotations

import codecs

from kehoach.schemas.layout import Line

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy single-byte fallback: Vietnamese Windows code page. Accepted only when
# the result looks like Vietnamese text (checked by the caller's quality gate).
_FALLBACK = "cp1258"


class TextDecodeError(ValueError):
    """The bytes are not text in a supported encoding."""


def decode_text(data: bytes) -> str:
    """Decode by BOM, else strict UTF-8, else raise with the reason."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise TextDecodeError(f"not valid {codec} text despite its byte-order mark ({exc.reason})") from exc
    if b"\x00" in data[:4096]:
        raise TextDecodeError("binary data, not text (NUL bytes; UTF-16 needs a byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TextDecodeError(
            f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save it as UTF-8 or UTF-16 with a byte-order mark"
        ) from exc


def extract_lines(data: bytes) -> list[Line]:
    """The text's lines, blank ones included (as empty lines), with no layout."""
    text = decode_text(data)
    return [Line(text=t, line_no=i) for i, t in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))]
