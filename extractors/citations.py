"""Cited legal documents: find them in text, resolve them across a document.

:func:`find_citations` works on any string; :func:`extract_citations` runs it on
every node of a document and returns contract ``Citation`` objects with offsets
into each node's ``text``. Patterns live in ``citation_patterns.py``.

Resolution across the document (eyecite's ``resolve.py`` in spirit):
- an alias the text defines ("(sau đây gọi tắt là Chỉ thị 11)") and short
  references ("Chỉ thị 11", "Nghị quyết số 25") become mentions of the full document;
- a law named with its number ("Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13")
  makes the bare name a mention of that number;
- date, issuer, term and title are shared by every mention of one ref.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.fold import compare_key
from kehoach.schemas.models import Citation, Node

__all__ = ["FoundCitation", "extract_citations", "find_citations"]

_ISSUER_ABBREVIATIONS = (
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
)
# An issuer starts with a body's head word; lower case only for these ("của chính phủ").
_ISSUER_LOWER_HEADS = ("chính phủ", "thủ tướng", "bộ ", "ủy ban", "ban ", "quốc hội")
_WS_RE = re.compile(r"\s+")
_CYRILLIC_TO_LATIN = str.maketrans(P.CYRILLIC_LOOKALIKES)
_SPACE_DASH_RE = re.compile(rf"\s*[{P.DASH}]\s*")
_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)$")
# "… ngày 02/3/2025 và số 1235/QĐ-UBND ngày 03/3/2025 của UBND tỉnh": a dated member takes the
# issuer of the next one across "và số" too (a date is not shared there: "Nghị định số 37/2019/NĐ-CP
# và số 22/2025/NĐ-CP ngày …" dates only the second).
_LIST_GAP_NUMBER_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+)số\s*:?\s*$")
_LIST_FORWARD_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s*)?$")
_MAX_ISSUER_WORDS = 14
_MAX_LAW_NAME_WORDS = 16
_LOOKBACK = 80  # characters before a number where its type word may stand
_LAW_LOOKBACK = 220  # a law's name may stand between "Luật" and "số"
_RELATION_LOOKBACK = 160
_ISSUER_LOOKBACK = 200
_LIST_LOOKBACK = 600  # a list under one type word ("các Nghị quyết của Quốc hội: số …; số …")


@dataclass(slots=True)
class FoundCitation:
    """One citation found in a string; offsets index that string."""

    text: str
    start: int
    end: int
    ref: str
    doc_type: str | None = None
    number: str | None = None
    year: int | None = None
    symbol: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    term: str | None = None
    title: str | None = None
    relation: str | None = None
    # Internal: where the trailing date/issuer/title clause ends (list sharing).
    tail_end: int = field(default=-1, repr=False, compare=False)
    # Internal: the issuer was named before the citation ("đề nghị của Sở X tại …"), so it
    # carries forward over a list.
    issuer_before: bool = field(default=False, repr=False, compare=False)


@dataclass(slots=True)
class _Short:
    """A type word with a bare number ("Chỉ thị 11"): a citation only once resolved."""

    start: int
    end: int
    doc_type: str
    number: str


@dataclass(slots=True)
class _Scan:
    text: str
    found: list[FoundCitation]
    shorts: list[_Short]
    aliases: list[tuple[str, int]]  # (alias text, position of the "(")
    law_names: dict[str, str]  # folded law name → ref of its numbered citation
    law_names_words: list[tuple[str, ...]] = field(default_factory=list)  # the same names, as folded words


# --- small converters ---------------------------------------------------------------


def _canonical_type(word: str) -> str:
    word = _WS_RE.sub(" ", word.strip())
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
_PART_SPLIT_RE = re.compile(rf"\s*[{P.DASH}/]\s*|[ ]")
# A normative type glued to its issuer ("01/2021/NĐCP"): the official form has a dash.
_GLUED_TYPE_RE = re.compile(r"^(NĐ|NQ|QĐ|TT|CT)(?!LT$)([A-ZĐ][A-ZĐa-z0-9]+)$")


def _parts(symbol: str) -> list[str]:
    return [_clean_part(_WS_RE.sub("", p)) for p in _PART_SPLIT_RE.split(symbol.strip())]


def _to_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _date_of(match: re.Match) -> dt.date | None:
    if match.group("day"):
        return _to_date(match.group("day"), match.group("month"), match.group("year_d"))
    return _to_date(match.group("day_w"), match.group("month_w"), match.group("year_w"))


def _fold_key(text: str) -> str:
    return compare_key(text).replace(" ", "")


def _clean_issuer(raw: str, *, bounded: bool = False) -> str | None:
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


def _symbol_of(match: re.Match) -> tuple[str, str, str | None, bool]:
    """(ref, symbol, type abbreviation, is_party) of a CITATION_RE match."""
    number = match.group("number")
    if match.group("year"):
        parts = _parts(match.group("symbol"))
        glued = _GLUED_TYPE_RE.match(parts[0]) if len(parts) == 1 else None
        if glued:
            parts = [glued.group(1), glued.group(2)]
        parts[0] = P.ASCII_TYPE_PARTS.get(parts[0], parts[0]) if len(parts) > 1 else parts[0]
        symbol = "-".join(parts)
        return f"{number}/{match.group('year')}/{symbol}", symbol, parts[0], False
    if match.group("party_symbol"):
        type_part, issuer = _WS_RE.sub("", match.group("party_symbol")).split("/", 1)
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


def _type_from_symbol(abbreviation: str | None, symbol: str, is_party: bool, has_year: bool) -> str | None:
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


def _relation(text: str, start: int) -> str | None:
    window_start = max(0, start - _RELATION_LOOKBACK)
    window = text[window_start:start]
    last_break = None
    for last_break in P.CLAUSE_BREAK_RE.finditer(window):
        pass
    if last_break is not None:
        window = window[last_break.end():]
    relation = None
    for match in P.RELATION_RE.finditer(window):
        relation = match.lastgroup
    return relation


def _read_tail(text: str, pos: int, found: FoundCitation) -> int:
    """Date, term, issuer, title after the symbol; returns where they end."""
    match = P.AFTER_DATE_RE.match(text, pos)
    if match:
        found.date = _date_of(match)
        pos = match.end()
    match = P.AFTER_TERM_RE.match(text, pos)
    if match:
        found.term = match.group("term")
        pos = match.end()
    match = P.AFTER_ISSUER_RE.match(text, pos)
    if match:
        issuer = _clean_issuer(match.group("issuer"))
        if issuer:
            found.issuer = issuer
            stop = P.ISSUER_STOP_RE.search(match.group("issuer"))
            pos = match.start("issuer") + (stop.start() if stop else len(match.group("issuer")))
            term = P.AFTER_TERM_RE.match(text, pos)
            if term:
                found.term = term.group("term")
                pos = term.end()
            if found.date is None:
                date = P.AFTER_DATE_RE.match(text, pos)
                if date:
                    found.date = _date_of(date)
                    pos = date.end()
    match = P.AFTER_TITLE_RE.match(text, pos)
    if match:
        title = match.group("title_q") or match.group("title")
        found.title = " ".join(title.split()) if title else None
    return pos


def _list_head(text: str, start: int) -> re.Match | None:
    """The head of a list the number stands in: "các Nghị quyết của Quốc hội: số …; số …"."""
    window_start = max(0, start - _LIST_LOOKBACK)
    head = None
    for head in P.LIST_HEAD_RE.finditer(text, window_start, start):
        pass
    if head is None or not P.LIST_MEMBER_GAP_RE.match(text[head.end():start]):
        return None
    return head


def _issuer_before(text: str, start: int) -> str | None:
    """The issuer named before the citation: "Xét đề nghị của Sở Xây dựng tại Công văn số …"."""
    match = P.ISSUER_BEFORE_RE.search(text, max(0, start - _ISSUER_LOOKBACK), start)
    if match is None:
        return None
    raw = match.group("issuer")
    if P.CITATION_RE.search(raw) or _starts_type_word(raw, 0):
        return None  # "được sửa đổi tại Nghị định số …": no body there
    return _clean_issuer(raw, bounded=True)


def _is_excluded(text: str, start: int) -> bool:
    window = text[max(0, start - 30):start]
    return bool(P.NOT_CITATION_BEFORE_RE.search(window))


def _scan_numbered(text: str, found: list[FoundCitation], law_names: dict[str, str],
                   names_words: list[tuple[str, ...]]) -> None:
    for match in P.CITATION_RE.finditer(text):
        start = match.start()
        if _is_excluded(text, start):
            continue
        ref, symbol, abbreviation, is_party = _symbol_of(match)
        has_year = bool(match.group("year"))
        doc_type = None
        window_start = max(0, start - _LOOKBACK)
        prefix = P.TYPE_PREFIX_RE.search(text, window_start, start)
        law = None
        if prefix is None or prefix.group("doc_type")[:1].islower() and _canonical_type(
                prefix.group("doc_type")) in ("Luật", "Bộ luật", "Pháp lệnh"):
            # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the "luật" before "số"
            # ends the name; the citation starts at the name's head.
            law = P.LAW_BEFORE_NUMBER_RE.search(text, max(0, start - _LAW_LOOKBACK), start)
        if prefix and law is None:
            doc_type = _canonical_type(prefix.group("doc_type"))
            if _WS_RE.sub(" ", prefix.group("doc_type")).casefold() in P.GENERIC_TYPES:
                # "văn bản số 308/BC-BXD": the symbol names the type.
                doc_type = _type_from_symbol(abbreviation, symbol, is_party, has_year) or doc_type
            start = prefix.start()
        else:
            if law and _inside_amending_title(text, law.start()):
                # "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B số 90/2025/QH15": the number is
                # the amending law's; A and B are read by name.
                law = None
                doc_type = "Luật"
            if law:
                doc_type = _canonical_type(law.group("doc_type"))
                name = " ".join(law.group("name").split())
                key = _fold_key(f"{doc_type} {name}")
                # A name stated with two numbers resolves to neither ("" marks it).
                law_names[key] = ref if law_names.get(key, ref) == ref else ""
                names_words.append(_name_words(name))
                start = law.start()
        head = _list_head(text, start) if doc_type is None else None
        if head is not None:
            doc_type = _canonical_type(head.group("doc_type"))
        if doc_type is None:
            doc_type = _type_from_symbol(abbreviation, symbol, is_party, has_year)
        if doc_type is None and not has_year:
            # A bare "123/ABC" with neither type word nor known abbreviation: not a citation.
            continue
        end = match.end()
        item = FoundCitation(
            text=text[start:end], start=start, end=end, ref=ref, doc_type=doc_type,
            number=match.group("number"), year=int(match.group("year")) if has_year else None,
            symbol=symbol, relation=_relation(text, start),
        )
        item.tail_end = _read_tail(text, end, item)
        if item.issuer is None and head is not None and head.group("issuer"):
            item.issuer = _clean_issuer(head.group("issuer"))
        if item.issuer is None:
            item.issuer = _issuer_before(text, start)
            item.issuer_before = item.issuer is not None
        found.append(item)


def _covered(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)


def _read_law_name(text: str, pos: int) -> tuple[list[str], int]:
    """Words of a law's name from ``pos``; returns (words, end offset)."""
    words: list[str] = []
    ends: list[int] = []  # where each word ends
    end = pos
    commas = 0
    tokens = list(P.WORD_RE.finditer(text, pos, min(len(text), pos + 400)))
    i = 0
    while i < len(tokens) and len(words) < _MAX_LAW_NAME_WORDS:
        token = tokens[i]
        word = token.group()
        lower = word.casefold()
        nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        gap = text[end:token.start()]
        if words and "\n" in gap and not word[:1].islower() and not _name_goes_on(text, gap, token.start(), word):
            break
        phrase = next((ph for ph in P.LAW_NAME_INNER_PHRASES if words and text.startswith(ph, token.start())), None)
        if phrase:
            words.extend(phrase.split())
            end = token.start() + len(phrase)
            ends.extend([end] * len(phrase.split()))
            while i < len(tokens) and tokens[i].start() < end:
                i += 1
            continue
        if word == ",":
            nxt_ok = nxt[:1].islower() or (nxt[:1].isupper() and i + 1 < len(tokens)
                                            and not _starts_type_word(text, tokens[i + 1].start())
                                            and nxt.casefold() not in P.LIST_ITEM_HEADS)
            if commas < 2 and nxt_ok and nxt.casefold() not in P.LAW_NAME_STOP_WORDS and nxt != "và":
                commas += 1
                words.append(",")
                end = token.end()
                ends.append(end)
                i += 1
                continue
            break
        if not word[:1].isalpha():
            break
        next_start = tokens[i + 1].start() if i + 1 < len(tokens) else end
        if words and lower == "và":
            # "và" joins two names ("… và Luật …") or ends one ("… và các …"), else it is inside one.
            if not nxt[:1].isalpha() or nxt.casefold() in P.LAW_NAME_STOP_WORDS or _starts_type_word(
                    text, next_start):
                break
        elif words and _ends_law_name(text, token.start(), word, nxt):
            break
        words.append(word)
        end = token.end()
        ends.append(end)
        i += 1
    while words and words[-1] in (",", "và"):
        # "Luật An toàn, vệ sinh lao động và quy định …": a joining word ends no name.
        words.pop()
        ends.pop()
        end = ends[-1] if ends else pos
    return words, end


def _name_goes_on(text: str, gap: str, pos: int, word: str) -> bool:
    """A capitalised word after a wrapped line ("Luật Tổ chức⏎Chính phủ") goes on with the name;
    a blank line, a word in capitals, a clause opener or another document's type word ends it."""
    return (gap.count("\n") == 1 and word[:1].isupper() and not word.isupper()
            and word.casefold() not in P.LINE_START_WORDS and word.casefold() not in P.LIST_ITEM_HEADS
            and not _starts_type_word(text, pos))


def _ends_law_name(text: str, pos: int, word: str, nxt: str) -> bool:
    lower = word.casefold()
    if lower in P.LAW_NAME_STOP_WORDS or f"{lower} {nxt.casefold()}" in P.LAW_NAME_STOP_PAIRS:
        return True
    # Another cited document starts here ("Luật Đất đai Nghị định …").
    return word[:1].isupper() and _starts_type_word(text, pos)


_TYPE_WORD_START_RE = re.compile(rf"(?:{P._TYPE_WORDS_RE})\b")


def _starts_type_word(text: str, pos: int) -> bool:
    return bool(_TYPE_WORD_START_RE.match(text, pos))


def _scan_law_names(text: str, found: list[FoundCitation]) -> None:
    spans = [(c.start, c.end) for c in found]
    for head in P.LAW_HEAD_RE.finditer(text):
        if _covered(spans, head.start()):
            continue
        words, end = _read_law_name(text, head.end())
        if not words or words[0].casefold() in ("sửa", "số"):
            # "Luật Sửa đổi, bổ sung …" names other laws; they are read on their own.
            continue
        doc_type = _WS_RE.sub(" ", head.group("doc_type"))
        name = " ".join(words).replace(" ,", ",")
        if P.NUMBER_AFTER_LAW_RE.match(text, end) and not _inside_amending_title(text, head.start()):
            continue  # "Luật X số 85/2015/QH13": the numbered citation has it
        year = date = None
        tail_end = end
        match = P.LAW_DATE_RE.match(text, end)
        if _inside_amending_title(text, head.start()):
            # "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B ngày …": the date is the
            # amending law's; A and B are cited by name only.
            match = None
        elif match:
            date = _date_of(match)
            year = date.year if date else None
            tail_end = match.end()
        else:
            match = None if _inside_amending_title(text, head.start()) else P.LAW_YEAR_RE.match(text, end)
            if match:
                year = int(match.group("year"))
                tail_end = match.end()
        ref = f"{doc_type} {name}" + (f" {year}" if year else "")
        found.append(FoundCitation(
            text=text[head.start():tail_end], start=head.start(), end=tail_end, ref=ref,
            doc_type=_canonical_type(doc_type), year=year, date=date, title=name,
            relation=_relation(text, head.start()), tail_end=tail_end,
        ))


def _inside_amending_title(text: str, pos: int) -> bool:
    """Whether the law name at ``pos`` is one of those an amending law's title lists."""
    window = text[max(0, pos - 400):pos]
    match = P.AMENDING_LAW_BEFORE_RE.search(window)
    return bool(match) and not re.search(r"\d{4}|\d/", match.group()[-200:])


def _scan_constitution(text: str, found: list[FoundCitation]) -> None:
    """"Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam": cited by name."""
    spans = [(c.start, c.end) for c in found]
    for match in P.CONSTITUTION_RE.finditer(text):
        if _covered(spans, match.start()):
            continue
        name = " ".join(match.group("name").split()) if match.group("name") else None
        year = int(match.group("year")) if match.group("year") else None
        ref = " ".join(part for part in ("Hiến pháp", name, str(year) if year else None) if part)
        found.append(FoundCitation(
            text=match.group(), start=match.start(), end=match.end(), ref=ref, doc_type="Hiến pháp",
            year=year, title=name, relation=_relation(text, match.start()), tail_end=match.end(),
        ))


def _scan_shorts(text: str, found: list[FoundCitation]) -> list[_Short]:
    spans = [(c.start, c.end) for c in found]
    shorts = []
    for match in P.SHORT_REF_RE.finditer(text):
        if _covered(spans, match.start()) or _is_excluded(text, match.start("number")):
            continue
        shorts.append(_Short(match.start(), match.end(), _canonical_type(match.group("doc_type")),
                             match.group("number")))
    return shorts


def _expand_lists(text: str, found: list[FoundCitation], shorts: list[_Short]) -> list[_Short]:
    """List shorthand "Nghị quyết số 24, 25-NQ/TW": a bare number takes the symbol after it."""
    by_start = sorted(found, key=lambda c: c.start)
    kept = []
    for short in shorts:
        target = next((c for c in by_start if c.start >= short.end), None)
        between = text[short.end:target.start] if target else ""
        if target and P.LIST_NUMBER_TAIL_RE.match(between) and target.number and target.symbol:
            sep = "-" if target.ref.startswith(f"{target.number}-") else "/"
            year = f"{target.year}/" if target.year else ""
            ref = f"{short.number}{sep}{year}{target.symbol}"
            found.append(FoundCitation(
                text=text[short.start:short.end], start=short.start, end=short.end, ref=ref,
                doc_type=short.doc_type if short.doc_type else target.doc_type, number=short.number,
                year=target.year, symbol=target.symbol, date=target.date, issuer=target.issuer,
                term=target.term, relation=_relation(text, short.start), tail_end=short.end,
            ))
            # Numbers between the first and the symbol ("24, 25, 26-NQ/TW").
            for extra in re.finditer(P.NUMBER_RE, between):
                s, e = short.end + extra.start(), short.end + extra.end()
                found.append(FoundCitation(
                    text=text[s:e], start=s, end=e, ref=f"{extra.group()}{sep}{year}{target.symbol}",
                    doc_type=target.doc_type, number=extra.group(), year=target.year, symbol=target.symbol,
                    date=target.date, issuer=target.issuer, term=target.term, relation=target.relation,
                    tail_end=e,
                ))
        else:
            kept.append(short)
    return kept


def _share_in_lists(text: str, found: list[FoundCitation]) -> None:
    """One date or issuer after a list belongs to every member ("217-QĐ/TW, … 218-QĐ/TW ngày … của …");
    an issuer named before a list belongs to every member too ("đề nghị của Sở X tại các Tờ trình:
    số 441/TTr-SXD … và số 464/TTr-SXD …")."""
    ordered = sorted(found, key=lambda c: c.start)
    for here, nxt in itertools.pairwise(ordered):
        if here.issuer_before and nxt.issuer is None and _LIST_FORWARD_GAP_RE.match(
                text[max(here.end, here.tail_end):nxt.start]):
            nxt.issuer, nxt.issuer_before = here.issuer, True
    for i in range(len(ordered) - 2, -1, -1):
        here, nxt = ordered[i], ordered[i + 1]
        if here.doc_type == "Luật" or nxt.doc_type == "Luật":
            continue
        gap = text[max(here.end, here.tail_end):nxt.start]
        if _LIST_GAP_NUMBER_RE.match(gap):
            if here.issuer is None and here.date is not None and nxt.issuer is not None and nxt.date is not None:
                here.issuer = nxt.issuer
            continue
        if not _LIST_GAP_RE.match(gap) or ";" in gap:
            continue
        if here.date is None and here.issuer is None:
            here.date, here.issuer, here.term = nxt.date, nxt.issuer, here.term or nxt.term
        elif here.date is None and here.issuer_before and nxt.date is not None:
            # "đề nghị của Chính phủ tại Tờ trình số 400/TTr-CP và Đề án số 401/ĐA-CP ngày …"
            here.date = nxt.date
        elif here.issuer is None and here.date is not None and nxt.issuer is not None and nxt.date is not None:
            here.issuer = nxt.issuer


def _scan(text: str) -> _Scan:
    found: list[FoundCitation] = []
    law_names: dict[str, str] = {}
    names_words: list[tuple[str, ...]] = []
    _scan_numbered(text, found, law_names, names_words)
    _scan_law_names(text, found)
    _scan_constitution(text, found)
    shorts = _scan_shorts(text, found)
    shorts = _expand_lists(text, found, shorts)
    _share_in_lists(text, found)
    aliases = [(m.group("alias").strip(), m.start()) for m in P.ALIAS_RE.finditer(text)
               if any(ch.isdigit() for ch in m.group("alias"))]
    found.sort(key=lambda c: (c.start, c.end))
    return _Scan(text, found, shorts, aliases, law_names, names_words)


# --- resolution across texts -----------------------------------------------------------


def _alias_pattern(alias: str) -> re.Pattern:
    words = [re.escape(w) for w in alias.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + rf"(?![\w/{P.DASH}])", re.IGNORECASE)


def _resolve(scans: list[_Scan]) -> list[list[FoundCitation]]:
    """Per scan, its citations plus the resolved aliases, short references and law names."""
    results = [list(s.found) for s in scans]
    all_found = [c for r in results for c in r]

    _cut_law_names(scans, results)

    # Laws named with a number: the bare name elsewhere is a mention of that number.
    law_names: dict[str, str] = {}
    for scan in scans:
        for name, ref in scan.law_names.items():
            # A name stated with two numbers ("Luật Bảo hiểm xã hội số 58/2014/QH13 … số 41/2024/QH15")
            # resolves to neither ("").
            law_names[name] = ref if law_names.get(name, ref) == ref else ""
    by_ref = {}
    for c in all_found:
        by_ref.setdefault(c.ref, c)
    for result in results:
        for i, c in enumerate(result):
            if c.number is None and c.year is None:
                key = _fold_key(c.ref)
                target = law_names.get(key)
                if target is None:
                    # "Luật X" → the only "Luật X <year>" of the document
                    with_year = {o.ref for o in all_found if o.number is None and o.year is not None
                                 and _fold_key(o.ref).startswith(key) and _fold_key(o.ref)[len(key):].isdigit()}
                    target = with_year.pop() if len(with_year) == 1 else None
                if target is not None and target in by_ref:
                    t = by_ref[target]
                    result[i] = replace(c, ref=t.ref, number=t.number, year=t.year, symbol=t.symbol)

    # Aliases the text defines: "(sau đây gọi tắt là Chỉ thị 11)".
    aliases: dict[str, FoundCitation] = {}
    for scan, result in zip(scans, results):
        for alias, pos in scan.aliases:
            if P.CITATION_RE.search(alias):
                continue  # "(gọi tắt là Nghị quyết số 57-NQ/TW)": already a full citation
            before = [c for c in result if c.end <= pos]
            if before:
                aliases[_fold_key(alias)] = max(before, key=lambda c: c.end)
    alias_patterns = [(_alias_pattern(a), t) for a, t in _alias_texts(scans, aliases)]

    # Short references: an alias, or the only document of that type and number.
    by_type_number: dict[tuple[str, str], set[str]] = {}
    for c in all_found:
        if c.number and c.doc_type:
            by_type_number.setdefault((c.doc_type, c.number.lstrip("0")), set()).add(c.ref)
    for scan, result in zip(scans, results):
        taken = [(c.start, c.end) for c in result]
        for pattern, target in alias_patterns:
            for m in pattern.finditer(scan.text):
                if _overlaps(taken, m.start(), m.end()) or _inside_alias_declaration(scan, m.start()):
                    continue
                result.append(_mention_of(target, scan.text, m.start(), m.end()))
                taken.append((m.start(), m.end()))
        for short in scan.shorts:
            if _overlaps(taken, short.start, short.end) or _inside_alias_declaration(scan, short.start):
                continue
            refs = by_type_number.get((short.doc_type, short.number.lstrip("0")), set())
            if len(refs) == 1:
                target = by_ref[next(iter(refs))]
                result.append(_mention_of(target, scan.text, short.start, short.end))
                taken.append((short.start, short.end))

    _share_across_mentions(results)
    for result in results:
        result.sort(key=lambda c: (c.start, c.end))
    return results


def _name_words(name: str) -> tuple[str, ...]:
    return tuple(compare_key(name).replace(",", " ").split())


def _cut_law_names(scans: list[_Scan], results: list[list[FoundCitation]]) -> None:
    """A law name read in running text ("Luật Bảo hiểm xã hội đóng …") is cut back to a
    name the document states with a year, date or number ("Luật Bảo hiểm xã hội năm 2014")."""
    known: set[tuple[str, ...]] = set()
    for scan, result in zip(scans, results):
        for c in result:
            if c.number is None and c.year is not None and c.title:
                known.add(_name_words(c.title))
        for key_name in scan.law_names_words:
            known.add(key_name)
    if not known:
        return
    for scan, result in zip(scans, results):
        for i, c in enumerate(result):
            if c.number is not None or c.year is not None or not c.title:
                continue
            words = _name_words(c.title)
            best = max((k for k in known if len(k) < len(words) and words[: len(k)] == k), key=len, default=None)
            if best is None:
                continue
            head = P.LAW_HEAD_RE.match(scan.text, c.start)
            if head is None:
                continue
            pattern = re.compile(r"\s*,?\s+".join(re.escape(w) for w in best), re.IGNORECASE)
            m = pattern.match(_lower_keep_offsets(scan.text), head.end())
            if m is None:
                continue
            name = " ".join(scan.text[head.end():m.end()].split())
            doc_type = _WS_RE.sub(" ", head.group("doc_type"))
            result[i] = replace(c, text=scan.text[c.start:m.end()], end=m.end(), ref=f"{doc_type} {name}",
                                title=name, tail_end=m.end())


def _lower_keep_offsets(text: str) -> str:
    """Case folding that keeps offsets (for matching names found by folded words)."""
    return text.lower() if len(text.lower()) == len(text) else text


def _alias_texts(scans: list[_Scan], aliases: dict[str, FoundCitation]):
    for scan in scans:
        for alias, _pos in scan.aliases:
            target = aliases.get(_fold_key(alias))
            if target is not None:
                yield alias, target


def _inside_alias_declaration(scan: _Scan, pos: int) -> bool:
    for _alias, at in scan.aliases:
        close = scan.text.find(")", at)
        if at <= pos <= close:
            return True
    return False


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _mention_of(target: FoundCitation, text: str, start: int, end: int) -> FoundCitation:
    return FoundCitation(
        text=text[start:end], start=start, end=end, ref=target.ref, doc_type=target.doc_type,
        number=target.number, year=target.year, symbol=target.symbol, date=target.date,
        issuer=target.issuer, term=target.term, title=target.title, relation=_relation(text, start),
        tail_end=end,
    )


def _share_across_mentions(results: list[list[FoundCitation]]) -> None:
    """Every mention of one ref carries the date, issuer, term and title some mention gives."""
    best: dict[str, dict[str, object]] = {}
    for result in results:
        for c in result:
            known = best.setdefault(_fold_key(c.ref), {})
            for name in ("date", "issuer", "term", "title", "doc_type"):
                value = getattr(c, name)
                if value is not None and name not in known:
                    known[name] = value
    for result in results:
        for c in result:
            known = best[_fold_key(c.ref)]
            for name, value in known.items():
                if getattr(c, name) is None:
                    setattr(c, name, value)


# --- public API ---------------------------------------------------------------------------


def find_citations(text: str) -> list[FoundCitation]:
    """Every cited document in ``text``, in order, with offsets into ``text``.

    Args:
        text: any string (a line, a paragraph, a node's text, a whole document).

    Returns:
        The citations found, with ``text[c.start:c.end] == c.text``; aliases and
        short references defined within ``text`` are resolved.
    """
    return _resolve([_scan(text)])[0]


def _node_sources(node: Node) -> list[str]:
    """The strings of a node to read: its text, and its heading when the text does not
    carry it (a heading line kept apart from the body). Offsets index the string read."""
    sources = [node.text] if node.text else []
    heading = node.heading
    if heading and not (node.text and " ".join(heading.split()) in " ".join(node.text.split())):
        sources.insert(0, heading)
    return sources


def extract_citations(nodes: list[Node], *, own_number: str | None = None) -> list[Citation]:
    """Every citation in the nodes' text, with offsets into that text.

    Aliases, short references and law names are resolved across all nodes; the
    document's own number is dropped. A node whose ``text`` does not contain its
    ``heading`` is also read in its heading; those citations have offsets into
    the heading (``node.heading[start:end] == text``).
    """
    owners: list[Node] = []
    scans: list[_Scan] = []
    for node in nodes:
        for source in _node_sources(node):
            owners.append(node)
            scans.append(_scan(source))
    results = _resolve(scans)
    own = _fold_key(own_number) if own_number and any(ch.isdigit() for ch in own_number) else None
    citations: list[Citation] = []
    for node, result in zip(owners, results):
        for c in result:
            if own is not None and _fold_key(c.ref) == own:
                continue
            citations.append(Citation(
                node=node.id, text=c.text, start=c.start, end=c.end, doc_type=c.doc_type, ref=c.ref,
                number=c.number, year=c.year, symbol=c.symbol, date=c.date, issuer=c.issuer,
                term=c.term, title=c.title, relation=c.relation,
            ))
    return citations
