"""Characters Tesseract confuses on any page of Vietnamese print, put right in its output.

These are glyph look-alikes and gaps, not words: Đ read as the Icelandic eth, slashes and quotes
that are other code points, a space read inside a symbol, "HI." for "III.". Words are corrected
from the language in ``ocr_correct``.
"""

from __future__ import annotations

import re

_ROMAN_HI_RE = re.compile(r"^(\s*)HI(?=\.\s)")  # "HI. NHIỆM VỤ" is "III.": "HI" is no Vietnamese word
_SYMBOL_QUOTE_RE = re.compile(r"(?<=[-/])['‘’`](?=[A-ZĐ])")  # "QĐ-'TTg" → "QĐ-TTg"
# A symbol's hyphen with a space or a second hyphen after it, read from a gap in the print: the
# official notation has no space inside a symbol ("202/BC- -BQL", "11654/ANKT- ANTCĐT").
_SYMBOL_GAP_RE = re.compile(r"(?<=\d/)(?P<head>[A-ZĐ][A-ZĐa-z&]*)-(?:\s+-?)+(?=[A-ZĐ][A-ZĐa-z&]*\b)")
# A slash look-alike inside a number's symbol: "1105⁄KH-ĐKT" (U+2044 fraction slash, U+2215 division slash).
_DOUBLE_D_RE = re.compile("\u0110\u00d0|\u00d0\u0110")
_SLASH_LOOKALIKE_RE = re.compile(r"(?<=\w)[\u2044\u2215](?=\w)")


def fix_ocr_text(text: str) -> str:
    """Tesseract's confusions of characters, whatever the page: Đ, slashes, quotes, spaces inside a
    symbol, "HI." for "III.".

    >>> fix_ocr_text("HI. NHIỆM VỤ"), fix_ocr_text("số 12/QĐ-'TTg"), fix_ocr_text("ÐẢNG"), fix_ocr_text("1105⁄KH")
    ('III. NHIỆM VỤ', 'số 12/QĐ-TTg', 'ĐẢNG', '1105/KH')
    >>> fix_ocr_text("Số: 1050 /QĐÐ-SCT"), fix_ocr_text("số 202/BC- -BQL ngày")
    ('Số: 1050 /QĐ-SCT', 'số 202/BC-BQL ngày')

    """
    text = _DOUBLE_D_RE.sub("\u0110", text)  # one Đ read twice, once as the eth: "QĐÐ-SCT"
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")  # Ð ð (Icelandic eth) → Đ đ
    text = _ROMAN_HI_RE.sub(r"\1III", text)
    text = _SLASH_LOOKALIKE_RE.sub("/", text)
    text = _SYMBOL_GAP_RE.sub(r"\g<head>-", text)
    return _SYMBOL_QUOTE_RE.sub("", text)
