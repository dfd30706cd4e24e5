"""TXT reader: bytes → lines. UTF-8 (with or without BOM) and UTF-16 with BOM."""

from __future__ import annotations

import codecs
import unicodedata

from kehoach.extractors.legacy_fonts import decode_tcvn3, decode_vni
from kehoach.extractors.quality import score_text
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


# Legacy 8-bit Vietnamese encodings tried on bytes that are not UTF-8, best score wins.
_LEGACY_DECODERS = (
    ("Windows-1258", lambda data: unicodedata.normalize("NFC", data.decode("cp1258", "strict"))),
    ("TCVN3", lambda data: decode_tcvn3(data.decode("latin-1"))),
    ("VNI", lambda data: decode_vni(data.decode("cp1252", "replace"))),
)


def guess_legacy_encoding(data: bytes) -> tuple[str, str] | None:
    """Decode non-UTF-8 bytes as a legacy Vietnamese encoding when one yields Vietnamese text."""
    best = None
    for name, decoder in _LEGACY_DECODERS:
        try:
            text = decoder(data)
        except UnicodeDecodeError:
            continue
        quality = score_text(text)
        if quality.is_vietnamese and (best is None or quality.syllable_share > best[0]):
            best = (quality.syllable_share, name, text)
    return (best[1], best[2]) if best else None


def decode_any(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: BOM / UTF-8 first, then legacy Vietnamese encodings.

    :raises TextDecodeError: binary data, or bytes no known encoding turns into Vietnamese text
    """
    try:
        return decode_text(data), "utf"
    except TextDecodeError as exc:
        if b"\x00" in data[:4096] or data.startswith(tuple(bom for bom, _ in _BOMS)):
            raise
        guessed = guess_legacy_encoding(data)
        if guessed is None:
            raise TextDecodeError(f"{exc}; not Windows-1258, TCVN3 or VNI either (unknown encoding)") from None
        return guessed[1], guessed[0]


def split_lines(text: str) -> list[Line]:
    return [Line(text=t, line_no=i) for i, t in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))]


def extract_lines(data: bytes) -> list[Line]:
    """The text's lines, blank ones included (as empty lines), with no layout."""
    return split_lines(decode_text(data))
