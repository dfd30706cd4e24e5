"""Numbered citations in one string: "Nghị định số 178/2024/NĐ-CP ngày …", lists under one type word,
short references ("Chỉ thị 11") kept for resolution, and the laws read by name (``citation_laws``).

:func:`scan` is the whole reading of one string; ``citation_resolve`` joins the strings of a document.
"""

from __future__ import annotations

import itertools
import re

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_laws import (
    inside_amending_title,
    name_words,
    scan_constitution,
    scan_law_names,
)
from kehoach.extractors.citation_models import FoundCitation, Scan, ShortRef
from kehoach.extractors.citation_parts import (
    WS_RE,
    canonical_type,
    clean_issuer,
    covered,
    fold_key,
    issuer_before,
    read_tail,
    symbol_of,
    type_from_symbol,
)
from kehoach.extractors.citation_relations import relation

_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)$")
# "… ngày 02/3/2025 và số 1235/QĐ-UBND ngày 03/3/2025 của UBND tỉnh": a dated member takes the
# issuer of the next one across "và số" too (a date is not shared there: "Nghị định số 37/2019/NĐ-CP
# và số 22/2025/NĐ-CP ngày …" dates only the second).
_LIST_GAP_NUMBER_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+)số\s*:?\s*$")
_LIST_FORWARD_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s*)?$")
_LOOKBACK = 80  # characters before a number where its type word may stand
_LAW_LOOKBACK = 220  # a law's name may stand between "Luật" and "số"
_LIST_LOOKBACK = 600  # a list under one type word ("các Nghị quyết của Quốc hội: số …; số …")


def _list_head(text: str, start: int) -> re.Match | None:
    """The head of a list the number stands in: "các Nghị quyết của Quốc hội: số …; số …"."""
    window_start = max(0, start - _LIST_LOOKBACK)
    head = None
    for head in P.LIST_HEAD_RE.finditer(text, window_start, start):
        pass
    if head is None or not P.LIST_MEMBER_GAP_RE.match(text[head.end():start]):
        return None
    return head


def _is_excluded(text: str, start: int) -> bool:
    window = text[max(0, start - 30):start]
    return bool(P.NOT_CITATION_BEFORE_RE.search(window))


def _scan_numbered(text: str, found: list[FoundCitation], law_names: dict[str, str],
                   names_words: list[tuple[str, ...]]) -> None:
    for match in P.CITATION_RE.finditer(text):
        start = match.start()
        if _is_excluded(text, start):
            continue
        ref, symbol, abbreviation, is_party = symbol_of(match)
        has_year = bool(match.group("year"))
        doc_type = None
        window_start = max(0, start - _LOOKBACK)
        prefix = P.TYPE_PREFIX_RE.search(text, window_start, start)
        law = None
        if prefix is None or prefix.group("doc_type")[:1].islower() and canonical_type(
                prefix.group("doc_type")) in ("Luật", "Bộ luật", "Pháp lệnh"):
            # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the "luật" before "số"
            # ends the name; the citation starts at the name's head.
            law = P.LAW_BEFORE_NUMBER_RE.search(text, max(0, start - _LAW_LOOKBACK), start)
        if prefix and law is None:
            doc_type = canonical_type(prefix.group("doc_type"))
            if WS_RE.sub(" ", prefix.group("doc_type")).casefold() in P.GENERIC_TYPES:
                # "văn bản số 308/BC-BXD": the symbol names the type.
                doc_type = type_from_symbol(abbreviation, symbol, is_party, has_year) or doc_type
            start = prefix.start()
        else:
            if law and inside_amending_title(text, law.start()):
                # "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B số 90/2025/QH15": the number is
                # the amending law's; A and B are read by name.
                law = None
                doc_type = "Luật"
            if law:
                doc_type = canonical_type(law.group("doc_type"))
                name = " ".join(law.group("name").split())
                key = fold_key(f"{doc_type} {name}")
                # A name stated with two numbers resolves to neither ("" marks it).
                law_names[key] = ref if law_names.get(key, ref) == ref else ""
                names_words.append(name_words(name))
                start = law.start()
        head = _list_head(text, start) if doc_type is None else None
        if head is not None:
            doc_type = canonical_type(head.group("doc_type"))
        if doc_type is None:
            doc_type = type_from_symbol(abbreviation, symbol, is_party, has_year)
        if doc_type is None and not has_year:
            # A bare "123/ABC" with neither type word nor known abbreviation: not a citation.
            continue
        end = match.end()
        item = FoundCitation(
            text=text[start:end], start=start, end=end, ref=ref, doc_type=doc_type,
            number=match.group("number"), year=int(match.group("year")) if has_year else None,
            symbol=symbol, relation=relation(text, start),
        )
        item.tail_end = read_tail(text, end, item)
        if item.issuer is None and head is not None and head.group("issuer"):
            item.issuer = clean_issuer(head.group("issuer"))
        if item.issuer is None:
            item.issuer = issuer_before(text, start)
            item.issuer_before = item.issuer is not None
        found.append(item)



def _scan_shorts(text: str, found: list[FoundCitation]) -> list[ShortRef]:
    spans = [(c.start, c.end) for c in found]
    shorts = []
    for match in P.SHORT_REF_RE.finditer(text):
        if covered(spans, match.start()) or _is_excluded(text, match.start("number")):
            continue
        shorts.append(ShortRef(match.start(), match.end(), canonical_type(match.group("doc_type")),
                             match.group("number")))
    return shorts


def _expand_lists(text: str, found: list[FoundCitation], shorts: list[ShortRef]) -> list[ShortRef]:
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
                term=target.term, relation=relation(text, short.start), tail_end=short.end,
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


def scan(text: str) -> Scan:
    """Every citation of one string, with what resolution needs (short references, aliases, law names)."""
    found: list[FoundCitation] = []
    law_names: dict[str, str] = {}
    names_words: list[tuple[str, ...]] = []
    _scan_numbered(text, found, law_names, names_words)
    scan_law_names(text, found)
    scan_constitution(text, found)
    shorts = _scan_shorts(text, found)
    shorts = _expand_lists(text, found, shorts)
    _share_in_lists(text, found)
    aliases = [(m.group("alias").strip(), m.start()) for m in P.ALIAS_RE.finditer(text)
               if any(ch.isdigit() for ch in m.group("alias"))]
    found.sort(key=lambda c: (c.start, c.end))
    return Scan(text, found, shorts, aliases, law_names, names_words)


# --- resolution across texts -----------------------------------------------------------
