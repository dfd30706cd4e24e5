"""A signer's family name where OCR misread its marks: "Trân Ngọc Căng" → "Trần Ngọc Căng".

A seal or the signature's stroke over a scanned name often costs a tone or shape mark. The first
syllable of a name line is its family name, and the common family names (data/surnames.json) are
few: a first syllable with the letters of exactly one of them, read with marks that make none, is
read as that name. Given names are left as read: they are too many to tell a misreading from a name.
"""

from __future__ import annotations

import re
from functools import cache

from kehoach.extractors import lexicon
from kehoach.extractors.ocr_correct import skeleton

_NAME_LINE_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\s\d]*\s+){1,4}[A-ZĐÀ-Ỹ][^\s\d]*$")


@cache
def _by_letters() -> dict[str, str]:
    """Family names by their letters without marks, leaving out letters two names share."""
    names: dict[str, list[str]] = {}
    for name in lexicon.surnames():
        names.setdefault(skeleton(name), []).append(name)
    return {letters: found[0] for letters, found in names.items() if len(found) == 1}


def fix_family_name(text: str) -> str:
    """``text`` with its first syllable read as a family name, when the line is a name of 2–5
    capitalised syllables whose first is a misreading of exactly one common family name."""
    if not _NAME_LINE_RE.match(text) or any(ch.isupper() for word in text.split() for ch in word[1:]):
        return text
    first, rest = text.split(" ", 1)
    name = _by_letters().get(skeleton(first))
    if name is None or first == name or first in lexicon.surnames():
        return text
    return f"{name} {rest}"
