"""Where a unit belongs: the jurisdiction of a local body, "Trung ương" for a central one.

A local body belongs to the province, city or commune named with it ("Sở Tài chính thành phố Hà Nội"),
else to that of the document that names it (the issuer: "Ủy ban nhân dân tỉnh Đắk Lắk" → "tỉnh Đắk Lắk";
"Tỉnh ủy Lào Cai" → "tỉnh Lào Cai"). Central bodies (the ministries, Văn phòng Chính phủ, central Party
bodies of ``bodies.json``; a ministry's Cục and Vụ; anything "Trung ương") are "Trung ương". A local body
named in a central document without its place, or a unit the text does not place, has none (None).

- :func:`issuer_jurisdiction` — the jurisdiction of an issuing body;
- :func:`unit_jurisdiction` — a unit's, given the issuer's.
"""

from __future__ import annotations

import re
from functools import cache

from kehoach.extractors import lexicon
from kehoach.extractors.fold import compare_key
from kehoach.extractors.unit_keys import clean_unit, unit_id

CENTRAL = "Trung ương"

_NAME = r"[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ'-]*"
# A place named with a body: "tỉnh Đắk Lắk", "thành phố Hà Nội", "TP. Hồ Chí Minh", "phường Gia Viên".
_PLACE_RE = re.compile(
    rf"(?<!\w)(?P<level>tỉnh|[Tt]hành\s+phố|TP\.?|Tp\.?|xã|phường|đặc\s+khu|huyện|quận|thị\s+xã|thị\s+trấn)"
    rf"\s+(?P<name>{_NAME}(?:\s+{_NAME})*)")
# Party committees named for their place: "Tỉnh ủy Lào Cai", "Thành ủy Hà Nội".
_PARTY_PLACE_RE = re.compile(rf"(?P<level>Tỉnh|Thành)\s+[ủu][yỷ]\s+(?P<name>{_NAME}(?:\s+{_NAME})*)")
_LEVEL_WORDS = {"tp": "thành phố", "tp.": "thành phố", "tỉnh": "tỉnh", "thành": "thành phố"}
# Words of a local level: a body that carries one belongs to a province or commune.
_LOCAL_RE = re.compile(
    r"(?<!\w)(?:tỉnh|thành phố|xã|phường|đặc khu|huyện|quận|thị xã|thị trấn|thôn|ấp|tổ dân phố|địa phương|cấp tỉnh|cấp xã"
    r"|tỉnh ủy|thành ủy|huyện ủy|đảng ủy xã|đảng ủy phường)(?!\w)")
# Heads of central bodies by their kind: a ministry ("Bộ Y tế", "các bộ, ngành"), its Cục, Tổng cục and Vụ,
# and anything of the centre ("cơ quan Trung ương"). "Bộ Chỉ huy Quân sự tỉnh" and "Bộ đội" are local.
_CENTRAL_KIND_RE = re.compile(
    r"(?<!\w)(?:(?:các\s+)?bộ(?!\s+(?:chỉ\s+huy|đội|phận|máy))|bộ\s+trưởng|tổng\s+cục|cục(?!\s+thuế)|vụ(?=\s+\S)"
    r"|trung\s+ương|chính\s+phủ|quốc\s+hội)(?!\w)")


def _place(text: str) -> str | None:
    """The place a text names: "Ủy ban nhân dân tỉnh Đắk Lắk" → "tỉnh Đắk Lắk"."""
    match = _PLACE_RE.search(text) or _PARTY_PLACE_RE.search(text)
    if not match:
        return None
    level = " ".join(match.group("level").split())
    level = _LEVEL_WORDS.get(level.casefold(), level.casefold())
    return f"{level} {match.group('name')}"


@cache
def _central_keys() -> re.Pattern:
    keys = {unit_id(name) for body in lexicon.bodies() if body.is_central
            for name in (body.name, *body.aliases, *body.merged_from)}
    alternatives = sorted(map(re.escape, keys), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def _is_central(unit: str) -> bool:
    key = unit_id(unit)
    if _central_keys().search(key):
        return True
    return not _LOCAL_RE.search(key) and bool(_CENTRAL_KIND_RE.search(key))


# A body of one level without its name ("Ủy ban nhân dân tỉnh"): the header's place line names it.
_UNNAMED_LEVEL_RE = re.compile(r"(?<!\w)(tỉnh|thành phố|xã|phường|đặc khu)$")


def issuer_jurisdiction(issuer: str | None, parent_issuer: str | None = None, place: str | None = None) -> str | None:
    """The jurisdiction of an issuing body: its place, "Trung ương", or its parent's place ("Sở Y tế"
    under "Ủy ban nhân dân tỉnh Cao Bằng" → "tỉnh Cao Bằng"); an issuer that names its level but not its
    place ("Ủy ban nhân dân tỉnh") takes the header's ``place``; None when nothing tells."""
    for body in (issuer, parent_issuer):
        if not body:
            continue
        named = _place(body)
        if named:
            return named
        if _is_central(body) or compare_key(body).startswith("thủ tướng"):
            return CENTRAL
        level = _UNNAMED_LEVEL_RE.search(compare_key(body))
        if level and place:
            return f"{level.group(1)} {place}"
    return None


def unit_jurisdiction(unit: str, issuer_place: str | None) -> str | None:
    """The jurisdiction of a unit named in a document whose issuer belongs to ``issuer_place``."""
    unit = clean_unit(unit)
    place = _place(unit)
    if place:
        return place
    if _is_central(unit):
        return CENTRAL
    if issuer_place == CENTRAL:
        return None  # "Ủy ban nhân dân các tỉnh" in a ministry's letter: local, but of no one place
    return issuer_place
