"""The parts of a numbered citation: type word, number and symbol, date, issuer, term, title.

Converters from pattern matches (``citation_patterns.py``) to values: the symbol in its
official notation, the type a symbol's abbreviation names, the issuer's name cut at the
clause that follows it.
"""

from __future__ import annotations

import datetime as dt
import re

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_models import FoundCitation
from kehoach.extractors.fold import compare_key

_ISSUER_ABBREVIATIONS = (
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
)
# An issuer starts with a body's head word; lower case only for these ("của chính phủ").
_ISSUER_LOWER_HEADS = ("chính phủ", "thủ tướng", "bộ ", "ủy ban", "ban ", "quốc hội")
WS_RE = re.compile(r"\s+")
_CYRILLIC_TO_LATIN = str.maketrans(P.CYRILLIC_LOOKALIKES)
_MAX_ISSUER_WORDS = 14
_ISSUER_LOOKBACK = 200
_DATE_LOOKBACK = 240  # a date, a body's name and its verb before the number


def canonical_type(word: str) -> str:
    """The contract's type for a written type word ("Chương trình hành động" → "Chương trình")."""
    word = WS_RE.sub(" ", word.strip())
    folded = word.casefold()
    if folded in P.DOC_TYPE_CANONICAL:
        return P.DOC_TYPE_CANONICAL[folded]
    for doc_type in P.DOC_TYPES:
        if doc_type.casefold() == folded:
            return doc_type
    return word[:1].upper() + word[1:].lower()


def _clean_part(part: str) -> str:
    part = part.replace("Ð", "Đ").translate(_CYRILLIC_TO_LATIN)
    return P.MIXED_CASE_PARTS.get(part, part)


# Between the parts of a state symbol: a dash (spaces around it), the slash of a joint
# resolution ("NQLT/UBTVQH15"), or the one space left for a dash ("QĐ UBND").
_PART_SPLIT_RE = re.compile(rf"\s*[{P.DASH}/]\s*|(?<!&)[ ]")
# A normative type glued to its issuer ("01/2021/NĐCP"): the official form has a dash.
_GLUED_TYPE_RE = re.compile(r"^(NĐ|NQ|QĐ|TT|CT)(?!LT$)([A-ZĐ][A-ZĐa-z0-9]+)$")


def _parts(symbol: str) -> list[str]:
    return [_clean_part(WS_RE.sub("", p)) for p in _PART_SPLIT_RE.split(symbol.strip())]


def to_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def date_of(match: re.Match) -> dt.date | None:
    if match.group("day"):
        return to_date(match.group("day"), match.group("month"), match.group("year_d"))
    return to_date(match.group("day_w"), match.group("month_w"), match.group("year_w"))


def fold_key(text: str) -> str:
    return compare_key(text).replace(" ", "")


def clean_issuer(raw: str, *, bounded: bool = False) -> str | None:
    # A name bounded by the clause ("đề nghị của Sở Văn hóa, Thể thao và Du lịch tại") keeps its commas.
    stop = None if bounded else P.ISSUER_STOP_RE.search(raw)
    issuer = raw[: stop.start()] if stop else raw
    level = P.ISSUER_LEVEL_STOP_RE.search(issuer)
    if level:
        issuer = issuer[: level.end()]
    issuer = " ".join(issuer.split()[:_MAX_ISSUER_WORDS])
    if not issuer:
        return None
    for body in P.FIXED_ISSUERS:
        if compare_key(issuer).startswith(compare_key(body)):
            issuer = issuer[: len(body)] if len(issuer) >= len(body) else issuer
            break
    if not (issuer[0].isupper() or issuer.casefold().startswith(_ISSUER_LOWER_HEADS)):
        return None
    for pattern, full in _ISSUER_ABBREVIATIONS:
        issuer = pattern.sub(full, issuer)
    return issuer[0].upper() + issuer[1:]


# --- symbol → ref ----------------------------------------------------------------------


def symbol_of(match: re.Match) -> tuple[str, str, str | None, bool]:
    """(ref, symbol, type abbreviation, is_party) of a CITATION_RE match."""
    number = match.group("number")
    if match.group("old_symbol"):
        symbol = match.group("old_symbol")
        return f"{number}-{symbol}", symbol, None, False
    if match.group("year"):
        parts = _parts(match.group("symbol"))
        glued = _GLUED_TYPE_RE.match(parts[0]) if len(parts) == 1 else None
        if glued:
            parts = [glued.group(1), glued.group(2)]
        parts[0] = P.ASCII_TYPE_PARTS.get(parts[0], parts[0]) if len(parts) > 1 else parts[0]
        symbol = "-".join(parts)
        return f"{number}/{match.group('year')}/{symbol}", symbol, parts[0], False
    if match.group("party_symbol"):
        type_part, issuer = WS_RE.sub("", match.group("party_symbol")).split("/", 1)
        type_part = _clean_part(type_part)
        issuer = "-".join(_clean_part(p) for p in re.split(rf"[{P.DASH}]", issuer))
        symbol = f"{type_part}/{issuer}"
        return f"{number}-{symbol}", symbol, type_part, True
    parts = _parts(match.group("state_symbol"))
    if len(parts) > 1:
        parts[0] = P.ASCII_TYPE_PARTS.get(parts[0], parts[0])
    # A Party symbol written in the state order ("183/KL-TW") goes back to the Party form.
    if len(parts) == 2 and parts[0] in P.PARTY_TYPES and (parts[1] in P.PARTY_ISSUERS or parts[1].endswith("TW")):
        symbol = f"{parts[0]}/{parts[1]}"
        return f"{number}-{symbol}", symbol, parts[0], True
    symbol = "-".join(parts)
    return f"{number}/{symbol}", symbol, parts[0], False


def type_from_symbol(abbreviation: str | None, symbol: str, is_party: bool, has_year: bool) -> str | None:
    if has_year and P.LEGISLATURE_RE.match(symbol):
        return "Luật"
    table = P.PARTY_TYPE_ABBREVIATIONS if is_party else P.TYPE_ABBREVIATIONS
    if abbreviation in table:
        return table[abbreviation]
    if not is_party and not has_year and "-" in symbol:
        # number/ISSUER-UNIT without a type abbreviation: a Công văn (NĐ 30/2020, Phụ lục III).
        return "Công văn"
    return None


# --- scanning one text -----------------------------------------------------------------

def _read_date(text: str, pos: int, found: FoundCitation) -> int:
    match = P.AFTER_DATE_RE.match(text, pos)
    if match is None:
        return pos
    found.date = date_of(match)
    return match.end()


def _read_term(text: str, pos: int, found: FoundCitation) -> int:
    match = P.AFTER_TERM_RE.match(text, pos)
    if match is None:
        return pos
    found.term = match.group("term")
    return match.end()


def read_tail(text: str, pos: int, found: FoundCitation) -> int:
    """Date, term, issuer, title after the symbol; returns where they end. The issuer may carry the
    term and the date after it: "Nghị quyết số 18-NQ/TW của Ban Chấp hành Trung ương khóa XII ngày …"."""
    pos = _read_term(text, _read_date(text, pos, found), found)
    match = P.AFTER_ISSUER_RE.match(text, pos)
    if match:
        issuer = clean_issuer(match.group("issuer"))
        if issuer:
            found.issuer = issuer
            stop = P.ISSUER_STOP_RE.search(match.group("issuer"))
            pos = _read_term(text, match.start("issuer") + (stop.start() if stop else len(match.group("issuer"))),
                             found)
            if found.date is None:
                pos = _read_date(text, pos, found)
    match = P.AFTER_TITLE_RE.match(text, pos)
    if match:
        title = match.group("title_q") or match.group("title")
        found.title = " ".join(title.split()) if title else None
    return pos


def issuer_before(text: str, start: int) -> str | None:
    """The issuer named before the citation: "Xét đề nghị của Sở Xây dựng tại Công văn số …"."""
    match = P.ISSUER_BEFORE_RE.search(text, max(0, start - _ISSUER_LOOKBACK), start)
    if match is None:
        return None
    raw = match.group("issuer")
    if P.CITATION_RE.search(raw) or starts_type_word(raw, 0):
        return None  # "được sửa đổi tại Nghị định số …": no body there
    return clean_issuer(raw, bounded=True)


def read_date_before(text: str, start: int, number_start: int, found: FoundCitation) -> None:
    """The date written before the number, when none follows it: "văn bản đề ngày 29 tháng 10 năm 2025 số …"; a
    sentence that opens with the day a body issued the document ("Ngày 28 tháng 10 năm 2025, Chủ tịch Ủy ban nhân
    dân Thành phố đã ban hành Công văn số …"), which names the issuer too."""
    window = max(0, start - _DATE_LOOKBACK)
    match = P.DATE_BEFORE_NUMBER_RE.search(text, window, number_start)
    if match is not None:
        found.date = date_of(match)
        return
    match = P.DATE_OPENS_SENTENCE_RE.search(text, window, start) or P.DATE_OPENS_SENTENCE_RE.search(
        text, window, number_start)
    if match is not None:
        found.date = date_of(match)
        if found.issuer is None:
            found.issuer = clean_issuer(match.group("issuer"), bounded=True)


_TYPE_WORD_START_RE = re.compile(rf"(?:{P._TYPE_WORDS_RE})\b")


def starts_type_word(text: str, pos: int) -> bool:
    """Whether a document type word ("Nghị định", "Luật") starts at ``pos``."""
    return bool(_TYPE_WORD_START_RE.match(text, pos))


def covered(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)
