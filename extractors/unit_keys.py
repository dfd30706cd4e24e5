"""Unit keys: one body, one key, whatever the spelling; and which units are catch-all groups.

- :func:`clean_unit` — the unit as written minus honorifics, request verbs and trailing punctuation;
- :func:`unit_id` — the comparison key: the fold chain of ``fold.py`` (compare key, abbreviations of
  ``abbreviations.json`` and of ``bodies.json``), then the aliases of ``bodies.json`` ("Sở TN&MT",
  "Ngân hàng Nhà nước", "Cục Thuế tỉnh") folded to their body, and "có liên quan" read as "liên quan";
- :func:`is_group` — a catch-all ("các sở, ban, ngành", "cơ quan, đơn vị liên quan"), not one body.
"""

from __future__ import annotations

import re
from functools import cache

from kehoach.extractors import lexicon
from kehoach.extractors import unit_patterns as P
from kehoach.extractors.fold import compare_key, expand_abbreviations

_LIST_PUNCT_RE = re.compile(r"[,;]")
# "các cơ quan, đơn vị có liên quan" and "các cơ quan, đơn vị liên quan" name one group.
_RELATED_RE = re.compile(r"(?<!\w)có liên quan(?!\w)")


def clean_unit(unit: str) -> str:
    """The unit as written, minus honorifics, leading request verbs and trailing punctuation."""
    unit = " ".join(unit.split())
    unit = P.HONORIFIC_RE.sub("", unit)
    unit = P.LEADING_VERB_RE.sub("", unit)
    unit = P.HONORIFIC_RE.sub("", unit)
    return P.TRAILING_RE.sub("", unit)


def _base_key(unit: str) -> str:
    """Compare key with every abbreviation written out and list punctuation dropped."""
    key = expand_abbreviations(expand_abbreviations(compare_key(unit)), "bodies")
    return " ".join(_LIST_PUNCT_RE.sub(" ", key).split())


def _replacer(pairs: dict[str, str]) -> tuple[re.Pattern | None, dict[str, str]]:
    if not pairs:
        return None, pairs
    alternatives = sorted(map(re.escape, pairs), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"), pairs


def _apply(table: tuple[re.Pattern | None, dict[str, str]], key: str) -> str:
    pattern, pairs = table
    return pattern.sub(lambda m: pairs[m.group(0)], key) if pattern else key


def _contains(longer: str, shorter: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None


@cache
def _alias_tables() -> tuple[tuple[re.Pattern | None, dict[str, str]], tuple[re.Pattern | None, dict[str, str]]]:
    """Two passes over the aliases of ``bodies.json``: first the writings that contain one another
    ("Ngân hàng Nhà nước Việt Nam" / "Ngân hàng Nhà nước") fold to the shorter, then the others
    ("Ban Kinh tế Trung ương" → "Ban Chính sách, chiến lược Trung ương") fold to the body's name."""
    pairs = [(_base_key(alias), _base_key(body.name)) for body in lexicon.bodies() for alias in body.aliases]
    shorten: dict[str, str] = {}
    for alias, name in pairs:
        if alias != name and (_contains(alias, name) or _contains(name, alias)):
            longer, shorter = (alias, name) if len(alias) > len(name) else (name, alias)
            shorten[longer] = shorter
    first = _replacer(shorten)
    rename: dict[str, str] = {}
    for alias, name in pairs:
        alias, name = _apply(first, alias), _apply(first, name)
        if alias != name:
            rename[alias] = name
    return first, _replacer(rename)


def unit_id(unit: str) -> str:
    """Stable folded key: abbreviations expanded, aliases folded, tone placement, dashes, case and spaces unified.

    "Phòng Văn hoá - Xã hội", "Phòng Văn hóa – Xã hội" and "Phòng VHXH" give one id; so do "Sở TN&MT" and
    "Sở Tài nguyên và Môi trường", "các đơn vị có liên quan" and "các đơn vị liên quan".
    """
    key = _base_key(clean_unit(unit))
    first, rename = _alias_tables()
    key = _apply(rename, _apply(first, key))
    return _RELATED_RE.sub("liên quan", key)


@cache
def _group_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    nouns = "|".join(sorted((re.escape(compare_key(n)) for n in lexicon.body_words("groups", "nouns")), key=len,
                            reverse=True))
    determiners = "|".join(map(re.escape, lexicon.body_words("groups", "determiners")))
    closers = "|".join(sorted((re.escape(compare_key(c)) for c in lexicon.body_words("groups", "closers")),
                              key=len, reverse=True))
    plural = re.compile(rf"(?<!\w)(?:{determiners})\s+(?:{nouns})(?!\w)")
    generic = re.compile(rf"^(?:{nouns})(?!\w)")
    closing = re.compile(rf"(?<!\w)(?:{closers})$")
    return plural, generic, closing


def is_group(unit: str) -> bool:
    """A catch-all naming no one body: "các sở, ban, ngành", "Thủ trưởng các cơ quan, đơn vị",
    "cơ quan, đơn vị liên quan", "các tổ chức, cá nhân có liên quan"; not "Sở Tài chính" nor
    "Ủy ban nhân dân tỉnh"."""
    unit = clean_unit(unit)
    key = compare_key(unit)
    plural, generic, closing = _group_res()
    if plural.search(key) or closing.search(key):
        return True
    # A generic noun with no proper name after it ("Cơ quan, đơn vị", "lực lượng chức năng").
    return bool(generic.match(key)) and not any(word[:1].isupper() for word in unit.split()[1:])
