"""Unit names: where a body's name begins and ends in running text, and its comparison key.

- :func:`scan_units` — the list of names that starts at an offset ("Sở Tài chính; Sở Nội vụ");
- :func:`find_units` — every name in a text, with offsets (for spaCy spans);

Keys and groups are in ``unit_keys``, jurisdictions in ``unit_places``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.extractors import unit_patterns as P
from kehoach.extractors.markers import UPPER_CHARS
from kehoach.extractors.unit_scan import scan_name

# A place's proper name: capitalised words ("Ninh Bình", "Bà Rịa - Vũng Tàu").
_PLACE_RE = re.compile(rf"[{UPPER_CHARS}][\w]*(?:(?:\s+|\s*-\s*)[{UPPER_CHARS}][\w]*)*")
# A place with its own level word, in a list under another level: "thị xã Đức Phổ", "thành phố Quảng Ngãi".
_OWN_LEVEL_PLACE_RE = re.compile(rf"(?:{P.LIST_LEVELS}|thành\s+phố)\s+{_PLACE_RE.pattern}")
_LIST_SEP_RE = re.compile(r"\s*(?:,\s*và|;\s*và|,|;|và)\s+")
_ITEM_SEP_RE = re.compile(r"\s*(?:,\s*và|,|và)\s+")  # between the items under one shared head: no ";"
_GROUP_START_RE = re.compile(r"(?:các|những)\s")


@dataclass(frozen=True, slots=True)
class UnitSpan:
    """One unit name found in a text: offsets and the name as written."""

    start: int
    end: int
    text: str


def _shared_list(text: str, pos: int, known: tuple[str, ...]) -> tuple[list[UnitSpan], int] | None:
    """A head shared by a list ("Các Bộ, cơ quan: Tài chính, Xây dựng, Tập đoàn Điện lực Việt Nam"):
    one unit per item, the head put before each item that is not a body of its own; None when not one."""
    shared = P.SHARED_LIST_RE.match(text, pos)
    if not shared:
        return None
    title = " ".join((shared.group("title") or "").split())
    head = " ".join(shared.group("head").split())
    generic = head in P.GENERIC_LIST_HEADS  # "các cơ quan: Sở Xây dựng, …": the items are the bodies
    out: list[UnitSpan] = []
    k = shared.end()
    while k < len(text) and (text[k].isupper() or (generic and text.startswith("các ", k))):
        own = scan_name(text, k, known)
        if own is not None:
            end = own  # an item that is a body by itself
            name = text[k:end]
        elif generic:
            break  # a generic head names no body: its items are bodies in full
        else:
            composed = f"{head} {text[k:]}"
            end = k + (scan_name(composed, 0, known) or len(head)) - len(head) - 1
            name = f"{head} {text[k:end]}"
        name = P.TRAILING_RE.sub("", name)
        if end <= k:
            break
        out.append(UnitSpan(pos if not out else k, end, f"{title} {name}".strip()))
        sep = _ITEM_SEP_RE.match(text, end)
        if not sep or not (text[sep.end():sep.end() + 1].isupper() or (generic and text.startswith("các ", sep.end()))):
            break
        k = sep.end()
    return (out, out[-1].end) if out else None


def _shared_level(text: str, pos: int) -> tuple[list[UnitSpan], int] | None:
    """A body of one level over a list of places ("Ủy ban nhân dân các tỉnh: Ninh Bình, Bắc Ninh và Phú Thọ"):
    one unit per place ("Ủy ban nhân dân tỉnh Ninh Bình", as in headings); None when not one."""
    shared = P.SHARED_LEVEL_START_RE.match(text, pos)
    if not shared or scan_name(shared.group("head"), 0) != len(shared.group("head")):
        return None  # the head is one body's name: not "Bộ Công Thương và Ủy ban nhân dân" (two)
    head, level = " ".join(shared.group("head").split()), " ".join(shared.group("level").split())
    out: list[UnitSpan] = []
    k = shared.end()
    while place := _PLACE_RE.match(text, k) or _OWN_LEVEL_PLACE_RE.match(text, k):
        # "…, Ba Tơ, thị xã Đức Phổ và thành phố Quảng Ngãi": a place of another level carries its own word
        item = place.group(0) if place.re is _OWN_LEVEL_PLACE_RE else f"{level} {place.group(0)}"
        out.append(UnitSpan(pos if not out else k, place.end(), f"{head} {' '.join(item.split())}"))
        sep = _ITEM_SEP_RE.match(text, place.end())
        if not sep:
            break
        k = sep.end()
    return (out, out[-1].end) if out else None


def scan_units(text: str, pos: int, known: tuple[str, ...] = ()) -> list[UnitSpan]:
    """A list of units from ``pos``: "Sở Tài chính; Sở Nội vụ", "X, Y và các đơn vị liên quan",
    "Các Bộ: Công Thương, Xây dựng" (a shared head)."""
    out: list[UnitSpan] = []
    while True:
        shared = _shared_list(text, pos, known) or _shared_level(text, pos)
        if shared:
            out.extend(shared[0])
            end = shared[1]
        else:
            end = scan_name(text, pos, known)
            if end is None:
                break
            name = P.TRAILING_RE.sub("", text[pos:end])
            if name:
                out.append(UnitSpan(pos, pos + len(name), name))
        sep = _LIST_SEP_RE.match(text, end)
        if not sep:
            break
        nxt = sep.end()
        if not P.UNIT_START_RE.match(text, nxt):
            break
        pos = nxt
    return _shared_title(text, out)


# A person's title over a group of bodies ("người đứng đầu các cơ quan chuyên môn"), and a group that takes no head:
# one with people or firms in it ("các cơ quan, tổ chức, cá nhân có liên quan").
_TITLE_OVER_GROUP_RE = re.compile(rf"(?P<title>{P.TITLE_HEAD})\s+(?:các|những)\s", re.VERBOSE)
_HEADLESS_RE = re.compile(r"(?<![\w])(?:cá\s+nhân|doanh\s+nghiệp|hộ\s+gia\s+đình|người\s+dân|nhà\s+đầu\s+tư)(?![\w])")


def _shared_title(text: str, spans: list[UnitSpan]) -> list[UnitSpan]:
    """A title over a list whose members repeat the determiner is each member's: "người đứng đầu các cơ quan chuyên
    môn, cơ quan hành chính khác, các đơn vị sự nghiệp công lập" → "người đứng đầu các đơn vị sự nghiệp công lập"
    (tests/gold NOTES-64-67 call 1); not over a member that has people or firms in it, nor after "và"."""
    out: list[UnitSpan] = []
    title = ""
    for span in spans:
        joined = text[out[-1].end:span.start] if out else ""
        if title and joined.strip() == "," and _GROUP_START_RE.match(span.text) and not _HEADLESS_RE.search(span.text):
            span = UnitSpan(span.start, span.end, f"{title} {span.text}")
        else:
            owner = _TITLE_OVER_GROUP_RE.match(span.text)
            title = " ".join(owner.group("title").split()) if owner else ""
        out.append(span)
    return out


_DETERMINER = "các "
_CATEGORY_STOP_RE = re.compile(r"[.;:\n]")


def scan_category(text: str, pos: int, known: tuple[str, ...] = ()) -> list[UnitSpan]:
    """A collective of bare category nouns at ``pos`` ("Cơ quan, tổ chức, đơn vị", "Đơn vị sự nghiệp công lập
    thuộc Ủy ban nhân dân tỉnh"): one unit, read as the scanner reads the same words after "các"; [] when none.
    Not a name by itself ("Tổ chức tập huấn" opens a task): the caller asks for an explicit marker after it."""
    if not P.CATEGORY_START_RE.match(text, pos):
        return []
    stop = _CATEGORY_STOP_RE.search(text, pos)
    words = text[pos:stop.start() if stop else len(text)]
    end = scan_name(_DETERMINER + words[:1].lower() + words[1:], 0, known)
    if end is None or end <= len(_DETERMINER):
        return []
    name = P.TRAILING_RE.sub("", words[:end - len(_DETERMINER)])
    return [UnitSpan(pos, pos + len(name), name)] if name else []


def find_units(text: str) -> list[UnitSpan]:
    """Every unit name in ``text`` (not only assigned ones), left to right, not overlapping."""
    out: list[UnitSpan] = []
    pos = 0
    while pos < len(text):
        m = P.UNIT_WORD_START_RE.search(text, pos)
        if not m:
            break
        end = scan_name(text, m.start())
        if end is None or end <= m.start():
            pos = m.end()
            continue
        name = P.TRAILING_RE.sub("", text[m.start():end])
        out.append(UnitSpan(m.start(), m.start() + len(name), name))
        pos = max(end, m.start() + 1)
    return out

