"""Comparison keys for the registry: pure functions, str in, key out.

The registry never parses text (STYLE, house rule 3), so every key it stores or
looks up comes from here. Keys are for matching only; stored values keep the
text as written.

- :func:`ref_key` — a cited or ingested document's number in any written form
  ("Chỉ thị số 33/CT-TTg", "33/ct-ttg", "25- NQ/TW") → "33/CT-TTG", "25-NQ/TW".
- :func:`issuer_key` — "UBND tỉnh Đắk Lắk" → "uy ban nhan dan tinh dak lak".
- :func:`unit_key` — "Phòng Văn hoá – Xã hội" → "phong-van-hoa-xa-hoi".
- :func:`jurisdiction_key` — "thành phố Hà Nội", "TP. Hà Nội", "Hà Nội" → "ha-noi".
- :func:`name_key` — a cited document's name or number for fragment search:
  "Luật Đất đai năm 2024" → "luat dat dai 2024".
- :func:`fts_query` — a user's search words → an FTS5 expression, with and
  without diacritics.
- :func:`key_version` — what the keys above are built with: the fold chain's version
  and the data files the folds read. The registry stores it; when it changes,
  ``kehoach rekey`` rebuilds the stored keys.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from kehoach.extractors import fold, lexicon
from kehoach.extractors.fold import ascii_key, compare_key, expand_abbreviations
from kehoach.extractors.units import unit_id

# The data files a key is folded with: a new abbreviation or body alias changes stored keys.
_KEY_DATA = ("abbreviations", "bodies")

# Dash look-alikes inside a number/symbol: "25‑NQ/TW", "33/CT–TTg".
_DASH_RE = re.compile(r"[‐‑‒–—―−]")

# A number/symbol on ASCII-folded text: digits first, then at least one "/" or
# "-" part. "33/ct-ttg", "178/2024/nd-cp", "25-nq/tw", "25- nq/tw".
REF_TOKEN_RE = re.compile(r"\d[0-9a-z]*(?:\s*[/-]\s*[0-9a-z]+)+")

_NON_ALNUM_RE = re.compile(r"[^0-9a-z]+")

# "… có liên quan" and "… liên quan" name one catch-all group.
_CO_LIEN_QUAN_RE = re.compile(r"(?<![a-z0-9])co-lien-quan(?![a-z0-9])")

# The administrative level before a place name, on a folded key: "tinh-dak-lak", "thanh-pho-ha-noi",
# "tp-ho-chi-minh", "thu-do-ha-noi", "xa-luong-minh", "dac-khu-phu-quoc".
_LEVEL_RE = re.compile(r"^(?:tinh|thanh-pho|tp|thu-do|thi-xa|tx|thi-tran|huyen|quan|xa|phuong|dac-khu)-(?=.)")
# Short forms of a place name, on a folded key.
_PLACE_ALIASES = {"hcm": "ho-chi-minh", "tphcm": "ho-chi-minh", "hn": "ha-noi", "tw": "trung-uong"}

# A name key keeps "/" and "-" (numbers: "33/ct-ttg"); other punctuation is a space.
_NAME_PUNCT_RE = re.compile(r"[^0-9a-z/\-]+")
_NAM_YEAR_RE = re.compile(r"\bnam (?=(?:19|20)\d\d\b)")  # "năm 2024" → "2024"

# Search syntax: "a phrase", a word (optionally word*), and the FTS5 operators.
_QUERY_TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')
_FTS_OPERATORS = {"AND", "OR", "NOT"}
_FTS_WORD_RE = re.compile(r"\w+", re.UNICODE)


def ref_key(ref: str | None) -> str | None:
    """The matching key of a document number in any written form.

    "33/CT-TTg", "33/CT-TTG", "33/ct-ttg", "Chỉ thị số 33/CT-TTg" → "33/CT-TTG";
    "3177/QĐ-UBND" → "3177/QD-UBND"; a name-only reference ("Luật Đất đai 2024")
    → its folded words, upper case ("LUAT DAT DAI 2024").
    """
    if ref is None or not ref.strip():
        return None
    folded = ascii_key(_DASH_RE.sub("-", ref))
    match = REF_TOKEN_RE.search(folded)
    if match:
        return "".join(match.group(0).split()).upper()
    return folded.upper()


def issuer_key(issuer: str | None) -> str | None:
    """The matching key of an issuing body: abbreviations expanded, ASCII-folded, lower case."""
    if issuer is None or not issuer.strip():
        return None
    return ascii_key(expand_abbreviations(compare_key(issuer)))


def unit_key(name: str | None) -> str | None:
    """The matching key of a unit name or unit_id: tone placement, dashes, case,
    diacritics and abbreviations (UBND, HĐND, MTTQ, VHXH …) unified; words joined by "-".

    "Phòng Văn hoá – Xã hội" and "Phòng Văn hóa - Xã hội" → "phong-van-hoa-xa-hoi".
    """
    if name is None or not name.strip():
        return None
    # Built on the extractor's own unit_id, so a lookup folds exactly as the stored ids
    # were made (every abbreviation the units stage knows: VHXH, ĐVSN, KT-HT-ĐT …).
    folded = ascii_key(unit_id(name))
    key = _NON_ALNUM_RE.sub("-", folded).strip("-")
    return _CO_LIEN_QUAN_RE.sub("lien-quan", key) or None


def jurisdiction_key(name: str | None) -> str | None:
    """The matching key of a jurisdiction: ASCII-folded, words joined by "-", the level word dropped.

    "thành phố Hà Nội", "TP. Hà Nội", "Hà Nội" → "ha-noi"; "tỉnh Đắk Lắk" → "dak-lak";
    "TP.HCM" → "ho-chi-minh"; "Trung ương" → "trung-uong". Idempotent, so a key is its own key.
    """
    if name is None or not name.strip():
        return None
    key = _NON_ALNUM_RE.sub("-", ascii_key(name)).strip("-")
    key = _LEVEL_RE.sub("", key)
    return _PLACE_ALIASES.get(key.replace("-", ""), key) or None


def name_key(name: str | None) -> str | None:
    """The matching key of a cited document's name or number, for lookups by name or fragment.

    ASCII-folded, lower case, "/" and "-" kept, other punctuation a space, "năm" before a
    year dropped: "Luật Đất đai năm 2024" → "luat dat dai 2024"; "33/CT‑TTg" → "33/ct-ttg".
    """
    if name is None or not name.strip():
        return None
    folded = ascii_key(_DASH_RE.sub("-", name))
    key = " ".join(_NAME_PUNCT_RE.sub(" ", folded).split())
    return _NAM_YEAR_RE.sub("", key) or None


def fts_query(query: str) -> tuple[str, str]:
    """A user's search → two FTS5 expressions: as typed, and ASCII-folded (đ → d).

    Words are quoted (so "33/CT-TTg" or "kinh tế - xã hội" cannot break the FTS5
    syntax), "quoted phrases" stay phrases, ``word*`` is a prefix query and
    upper-case AND/OR/NOT stay operators. Words are ANDed.

    :raises ValueError: nothing searchable in the query
    """
    plain: list[str] = []
    folded: list[str] = []
    for match in _QUERY_TOKEN_RE.finditer(query):
        phrase, word = match.groups()
        if word is not None and word in _FTS_OPERATORS:
            if plain and plain[-1] not in _FTS_OPERATORS:
                plain.append(word)
                folded.append(word)
            continue
        text = phrase if phrase is not None else word
        prefix = phrase is None and text.endswith("*")
        words = _FTS_WORD_RE.findall(text)
        if not words:
            continue
        star = "*" if prefix else ""
        plain.append('"' + " ".join(words) + '"' + star)
        folded.append('"' + ascii_key(" ".join(words)) + '"' + star)
    while plain and plain[-1] in _FTS_OPERATORS:
        plain.pop()
        folded.pop()
    if not plain:
        raise ValueError(f"nothing to search for in {query!r}")
    return " ".join(plain), " ".join(folded)


@cache
def key_version() -> str:
    """The version of every key here: ``fold.KEY_VERSION`` and a digest of the data the folds read
    ("2.3f9c01ab"). Equal versions build equal keys from equal text."""
    digest = hashlib.sha256()
    for name in _KEY_DATA:
        digest.update(repr(lexicon.load(name)).encode("utf-8"))
    return f"{fold.KEY_VERSION}.{digest.hexdigest()[:8]}"


def extracted_unit_id(name: str) -> str:
    """The unit_id the extractor gives a unit named ``name`` (the registry rebuilds its units with it)."""
    return unit_id(name)
