"""The one fold chain: every comparison or search key of the project is built here.

Stored text keeps the document's words (NFC, whitespace, line joins only); these folds
make keys from it, so that spellings of one thing meet:

- :func:`display_key` — NFC, Đ look-alikes, spaces collapsed: two renderings of one name
  ("Sở  Y tế", "Sở Y tế") show as one; case and accents kept.
- :func:`compare_key` — the corpus scoring rules' fold: display key plus old tone placement
  ("hoà" → "hòa"), dashes as " - ", case folded. Diacritics kept.
- :func:`ascii_key` — search key: diacritics removed, đ → d, lower case ("Đảng ủy" → "dang uy").
- :func:`expand_abbreviations` — body abbreviations offices write (UBND, TN&MT …, from
  ``data/abbreviations.json``) spelled out, on a compare key.

``KEY_VERSION`` changes whenever any of them changes what it returns; the registry stores
it, so stored keys can be rebuilt (``kehoach rekey``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from kehoach.extractors import lexicon

KEY_VERSION = 2  # 1: folds inside normalize.py (no ministry abbreviations, "hoặc" → "họăc")

# Đ look-alikes: OCR and some fonts give the Icelandic eth or the African D.
_D_LOOKALIKES = str.maketrans({"\u00d0": "Đ", "\u0189": "Đ", "\u00f0": "đ", "\u0256": "đ"})
_D_LOOKALIKE_RE = re.compile("[\u00d0\u0189\u00f0\u0256]")
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
# Old-style tone placement on open "oa", "oe", "uy" (hoà, khoẻ, thuỷ) → the style of current administrative
# texts (hòa, khỏe, thủy). Matched on NFD text: base vowel, second vowel, tone mark, and then nothing of
# the same syllable: no other mark ("hoặc" is o + ặ, its breve follows the dot) and no final letter
# ("hoàn", "toàn" keep theirs); "quý" is q + uý.
_OLD_TONE_RE = re.compile(
    rf"(?<![qQ])([oO][aAeE]|[uU][yY])([{_TONE_MARKS}])(?![\u0300-\u036f])(?![^\W\d_])")
_DASHES_RE = re.compile(r"\s*[-‐‑‒–—―−]\s*")
# The NFC letters a, e, y carrying one tone mark and nothing else: a text with none of them after o or u
# has no old tone placement, and decomposing it (the costly part) is skipped.
_TONED_AEY = "".join(ch for ch in map(chr, range(0xC0, 0x1F00))
                     if len(d := unicodedata.normalize("NFD", ch)) == 2 and d[0] in "aAeEyY" and d[1] in _TONE_MARKS)
_OLD_TONE_HINT_RE = re.compile(rf"[oOuU][{_TONED_AEY}]")
KEY_CACHE = 1 << 16  # keys of recent strings kept: a document asks for the same names again and again


def nfc(text: str) -> str:
    """Unicode NFC: one code point per accented letter."""
    if unicodedata.is_normalized("NFC", text):  # the usual case, answered without building a copy
        return text
    return unicodedata.normalize("NFC", text)


def fix_d_lookalikes(text: str) -> str:
    """Ð (U+00D0), Ɖ (U+0189) → Đ (U+0110); ð, ɖ → đ."""
    return text.translate(_D_LOOKALIKES) if _D_LOOKALIKE_RE.search(text) else text


def fix_tone_placement(text: str) -> str:
    """Old tone placement on final oa/oe/uy → new: "hoà" → "hòa", "thuỷ" → "thủy"; "hoặc" stays."""
    if not _OLD_TONE_HINT_RE.search(nfc(text)):
        return text
    decomposed = unicodedata.normalize("NFD", text)
    moved = _OLD_TONE_RE.sub(lambda m: m.group(1)[0] + m.group(2) + m.group(1)[1], decomposed)
    return unicodedata.normalize("NFC", moved)


@lru_cache(maxsize=KEY_CACHE)
def display_key(text: str) -> str:
    """NFC, Đ look-alikes, whitespace collapsed; case and diacritics kept."""
    return " ".join(fix_d_lookalikes(nfc(text)).split())


@lru_cache(maxsize=KEY_CACHE)
def compare_key(text: str) -> str:
    """The scoring fold: display key, new tone placement, dashes → " - ", case folded."""
    text = _DASHES_RE.sub(" - ", fix_tone_placement(display_key(text)))
    return " ".join(text.split()).casefold()


def ascii_key(text: str) -> str:
    """Search key: diacritics removed, đ/Đ → d, lower case ("Đảng ủy" → "dang uy")."""
    text = display_key(text).replace("đ", "d").replace("Đ", "D")
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return stripped.lower()


@cache
def _abbreviation_table(data: str = "abbreviations") -> tuple[re.Pattern, dict[str, str]]:
    """One pattern over every abbreviation's compare key, parts joined by an optional '&' or '-'."""
    expansions: dict[str, str] = {}
    alternatives = []
    for entry in lexicon.load(data)["abbreviations"]:
        parts = [compare_key(p) for p in re.split(r"\s*[&-]\s*", entry["abbreviation"])]
        expansions["".join(parts)] = compare_key(entry["expansion"])
        alternatives.append(r"\s*[-&]?\s*".join(map(re.escape, parts)))
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"), expansions


def expand_abbreviations(folded: str, data: str = "abbreviations") -> str:
    """UBND, HĐND, MTTQ, ĐU and the ministry abbreviations (TN&MT, LĐ-TB&XH …) → their words, on a compare key.

    ``data`` names another file of the same shape: ``bodies`` adds the parts of body names that offices
    shorten (VHXH, CHQS, ĐVSN …), which only unit keys expand.
    """
    pattern, expansions = _abbreviation_table(data)
    return pattern.sub(lambda m: expansions[re.sub(r"[\s&-]", "", m.group(0))], folded)
