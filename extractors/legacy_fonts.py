"""Legacy Vietnamese font encodings → Unicode: TCVN3 (ABC) and VNI.

Before Unicode, Vietnamese documents were typed in 8-bit fonts that draw
Vietnamese letters in the slots of Latin-1 characters. A PDF made from such a
document extracts as "Céng hoµ x· héi chñ nghÜa" unless the text is decoded by
the font's name:

- TCVN3 (TCVN 5712:1993, "VN3"): fonts named ``.VnTime``, ``.VnArial`` … one
  byte per letter. The ``…H`` fonts (``.VnTimeH``, ``.VnArialH``) are the
  upper-case sets: the same bytes drawn as capitals, ASCII a-z included.
- VNI Windows: fonts named ``VNI-Times``, ``VNI-Helve`` … a base letter
  followed by a mark byte (``a`` + ``ù`` = á); ơ, ư, đ, and the i/ỵ forms are
  single bytes.

Tables written from the published code charts (TCVN 5712:1993 table VN3; the
VNI Windows chart). Pure functions: strings in, strings out.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 lower-case set (.VnTime): byte → letter. Columns: no tone, huyền, hỏi, ngã, sắc, nặng.
_TCVN3_LOWER = {
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ",
    0xA8: "ă", 0xBB: "ằ", 0xBC: "ẳ", 0xBD: "ẵ", 0xBE: "ắ", 0xC6: "ặ",
    0xA9: "â", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ",
    0xAE: "đ",
    0xCC: "è", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ",
    0xAA: "ê", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ", 0xD5: "ế", 0xD6: "ệ",
    0xD7: "ì", 0xD8: "ỉ", 0xDC: "ĩ", 0xDD: "í", 0xDE: "ị",
    0xDF: "ò", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xAB: "ô", 0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ",
    0xAC: "ơ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ", 0xED: "ớ", 0xEE: "ợ",
    0xEF: "ù", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xAD: "ư", 0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự",
    0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ", 0xFD: "ý", 0xFE: "ỵ",
}
# Capitals without a tone exist in both sets.
_TCVN3_CAPITALS = {0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ"}

TCVN3_TABLE: dict[str, str] = {chr(b): ch for b, ch in {**_TCVN3_LOWER, **_TCVN3_CAPITALS}.items()}
# The "H" fonts draw every letter slot as its capital.
TCVN3_UPPER_TABLE: dict[str, str] = {
    **{chr(b): ch.upper() for b, ch in _TCVN3_LOWER.items()},
    **{chr(b): ch for b, ch in _TCVN3_CAPITALS.items()},
    **{chr(c): chr(c).upper() for c in range(ord("a"), ord("z") + 1)},
}

# VNI Windows: single-byte letters.
_VNI_SINGLE = {
    "ñ": "đ", "Ñ": "Đ", "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư",
    "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
    "î": "ỵ", "Î": "Ỵ",
}
# VNI Windows: mark bytes after a base letter (lower-case marks; capitals use the upper-case byte).
# Combining: ø huyền, ù sắc, û hỏi, õ ngã, ï nặng; â circumflex (à ầ, á ấ, å ẩ, ã ẫ, ä ậ);
# ê breve (è ằ, é ắ, ú ẳ, ü ẵ, ë ặ).
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_HAT = {"â": "", "à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for lower in (True, False):
        def mark(m: str, lower: bool = lower) -> str:
            return m if lower else m.upper()

        for base in "aeiouy" + "ơư":
            src_base = {"ơ": "ô", "ư": "ö"}.get(base, base)
            b = base if lower else base.upper()
            sb = src_base if lower else src_base.upper()
            for key, tone in _VNI_TONES.items():
                pairs[sb + mark(key)] = unicodedata.normalize("NFC", b + tone)
            if base in "aeo":
                for key, tone in _VNI_HAT.items():
                    pairs[sb + mark(key)] = unicodedata.normalize("NFC", b + "\u0302" + tone)
            if base == "a":
                for key, tone in _VNI_BREVE.items():
                    pairs[sb + mark(key)] = unicodedata.normalize("NFC", b + "\u0306" + tone)
    # ỵ is the single byte î; "yï" does not occur; i takes single bytes only.
    for key in [k for k in pairs if k[0] in "iI"]:
        del pairs[key]
    return pairs


VNI_PAIRS: dict[str, str] = _vni_pairs()
VNI_TABLE: dict[str, str] = {**_VNI_SINGLE, **VNI_PAIRS}
# One pass, longest match first: "ôù" is ớ, a lone "ô" is ơ, and the ô made from "oâ" stays ô.
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_TABLE), key=len, reverse=True)))
_VNI_FONT_RE = re.compile(r"^(?:[A-Z]{6}\+)?VNI[-_ ]", re.IGNORECASE)


def font_encoding(fontname: str | None) -> str | None:
    """``"tcvn3"``, ``"tcvn3-upper"``, ``"vni"`` or ``None`` for a PDF font name.

    >>> font_encoding("ABCDEF+.VnTimeH"), font_encoding(".VnTime,Bold"), font_encoding("VNI-Times")
    ('tcvn3-upper', 'tcvn3', 'vni')
    """
    if not fontname:
        return None
    name = fontname.split("+", 1)[-1] if re.match(r"^[A-Z]{6}\+", fontname) else fontname
    if _VNI_FONT_RE.match(name):
        return "vni"
    if name.startswith(".Vn") or name.startswith("Vn") and not name.startswith("Vni"):
        family = re.split(r"[,-]", name.lstrip("."), maxsplit=1)[0]
        return "tcvn3-upper" if family.endswith("H") else "tcvn3"
    return None


def decode_tcvn3(text: str, *, upper: bool = False) -> str:
    """TCVN3 bytes (read as Latin-1 characters) → Unicode; ``upper`` for the …H fonts."""
    table = TCVN3_UPPER_TABLE if upper else TCVN3_TABLE
    return "".join(table.get(ch, ch) for ch in text)


def decode_vni(text: str) -> str:
    """VNI Windows bytes (read as Latin-1/cp1252 characters) → Unicode."""
    return _VNI_RE.sub(lambda m: VNI_TABLE[m.group(0)], text)


def decode_legacy(text: str, fontname: str | None) -> str:
    """Decode ``text`` drawn in ``fontname``; text in any other font comes back unchanged."""
    encoding = font_encoding(fontname)
    if encoding == "tcvn3":
        return decode_tcvn3(text)
    if encoding == "tcvn3-upper":
        return decode_tcvn3(text, upper=True)
    if encoding == "vni":
        return decode_vni(text)
    return text
