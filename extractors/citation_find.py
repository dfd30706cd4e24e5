"""Numbered citations in one string: "Nghị định số 178/2024/NĐ-CP ngày …", lists under one type word,
short references ("Chỉ thị 11") kept for resolution, and the laws read by name (``citation_laws``).

:func:`scan` is the whole reading of one string; ``citation_resolve`` joins the strings of a document.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_laws import (
    amending_head_before,
    is_generic_constitution,
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
    read_date_before,
    read_tail,
    symbol_of,
    type_from_symbol,
)
from kehoach.extractors.citation_relations import assign_relations
from kehoach.extractors.law_lexicon import match_law
from kehoach.extractors.lexicon import Law

_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)$")
_LOOKBACK = 80  # characters before a number where its type word may stand
_LAW_LOOKBACK = 220  # a law's name may stand between "Luật" and "số"
_LIST_LOOKBACK = 600
# Numbered citations and short references ("Nghị quyết số 24") both hold a number: a text without a digit (a heading,
# many a paragraph) is not scanned for either.
_DIGIT_RE = re.compile(r"\d")


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


@dataclass(slots=True)
class _Before:
    """What stands before a number: where the citation starts and what it says of the type."""

    start: int
    doc_type: str | None = None
    law: Law | None = None  # the lexicon's law named before the number ("Luật Đất đai số …")
    amended_laws: tuple[Law, ...] | None = None  # an amending law's title before the number
    list_head: re.Match | None = None  # "các Nghị quyết của Quốc hội: số …"
    law_end: int = -1  # where the lexicon's name of ``law`` ends


# Between a law's name and its number: "Luật người cao tuổi số 39/2009/QH12".
_NUMBER_GAP_RE = re.compile(r"\s*,?\s*(?i:số)\s*[:.]?\s*")


def _law_before(text: str, start: int) -> _Before | None:
    """"Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15": the name between the head and "số";
    "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B số 90/2025/QH15": the amending law's title,
    A and B read by name."""
    window_start = max(0, start - _LAW_LOOKBACK)
    amending = amending_head_before(text, start)
    if amending is not None:
        names = [m for head in P.LAW_HEAD_RE.finditer(text, amending + 1, start)
                 if (m := match_law(text, head.end(), head.group("doc_type")))]
        return _Before(amending, "Luật", amended_laws=tuple(m.law for m in names))
    law = P.LAW_BEFORE_NUMBER_RE.search(text, window_start, start)
    if law is not None:
        head_start, doc_type = law.start(), law.group("doc_type")
        named = match_law(text, law.start("name"), doc_type)
    else:  # a name in lower case ("Luật người cao tuổi số 39/2009/QH12") only from the lexicon
        heads = list(P.LAW_HEAD_RE.finditer(text, window_start, start))
        if not heads:
            return None
        head_start, doc_type = heads[-1].start(), heads[-1].group("doc_type")
        named = match_law(text, heads[-1].end(), doc_type)
        if named is None or not _NUMBER_GAP_RE.fullmatch(text, named.end, start):
            return None
    return _Before(head_start, canonical_type(doc_type), law=named.law if named else None,
                   law_end=named.end if named else -1)


def _names_law(prefix: re.Match) -> bool:
    return canonical_type(prefix.group("doc_type")) in ("Luật", "Bộ luật", "Pháp lệnh")


def _type_before(text: str, start: int, symbol_type: str | None) -> _Before:
    """The type word, law name or list head before the number at ``start``."""
    prefix = P.TYPE_PREFIX_RE.search(text, max(0, start - _LOOKBACK), start)
    if prefix is None or prefix.group("doc_type")[:1].islower():
        # "Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15", "Luật Người lao động … theo hợp đồng
        # số 69/2020/QH14": a type word in lower case before "số" may end a law's name; the citation
        # starts at the name's head.
        law = _law_before(text, start)
        if law is not None and (prefix is None or _names_law(prefix) or law.law is not None and law.law_end >= prefix.end(
                "doc_type")):
            return law
    if prefix is not None:
        doc_type = canonical_type(prefix.group("doc_type"))
        if WS_RE.sub(" ", prefix.group("doc_type")).casefold() in P.GENERIC_TYPES:
            # "văn bản số 308/BC-BXD": the symbol names the type.
            doc_type = symbol_type or doc_type
        return _Before(prefix.start(), doc_type)
    head = _list_head(text, start)
    if head is not None:
        return _Before(start, canonical_type(head.group("doc_type")), list_head=head)
    return _Before(start, symbol_type)


# The same gap ending the text before a number: "Luật người cao tuổi số".
_NUMBER_GAP_END_RE = re.compile(r"\s*,?\s*(?i:số)\s*[:.]?\s*$")


def _remember_law_name(text: str, before: _Before, number_start: int, ref: str, law_names: dict[str, str],
                       names_words: list[tuple[str, ...]]) -> None:
    """A law named with its number: the bare name elsewhere is a mention of that number. An amending law's title
    too ("Luật sửa đổi, bổ sung một số điều của Luật A và Luật B số 60/2020/QH14", then the title alone inside a
    decree's title)."""
    if before.amended_laws is not None:
        head = P.LAW_HEAD_RE.match(text, before.start)
        title = _NUMBER_GAP_END_RE.sub("", text[head.end():number_start]) if head else ""
        name, words = (" ".join(title.split()), None) if title else (None, None)
    else:
        law = P.LAW_BEFORE_NUMBER_RE.match(text, before.start, number_start)
        name = " ".join(law.group("name").split()) if law else None
        words = name_words(name) if name else None
    if name is None:
        return
    key = fold_key(f"{before.doc_type} {name}")
    # A name stated with two numbers resolves to neither ("" marks it).
    law_names[key] = ref if law_names.get(key, ref) == ref else ""
    if words:
        names_words.append(words)


def _scan_numbered(text: str, found: list[FoundCitation], law_names: dict[str, str],
                   names_words: list[tuple[str, ...]]) -> None:
    for match in P.CITATION_RE.finditer(text):
        if _is_excluded(text, match.start()):
            continue
        ref, symbol, abbreviation, is_party = symbol_of(match)
        has_year = bool(match.group("year"))
        before = _type_before(text, match.start(), type_from_symbol(abbreviation, symbol, is_party, has_year))
        if before.doc_type is None and not has_year or match.group("old_symbol") and before.start == match.start():
            # A bare "123/ABC" with neither type word nor known abbreviation, an old "94-CP" without its
            # type word: not a citation.
            continue
        _remember_law_name(text, before, match.start(), ref, law_names, names_words)
        start, end = before.start, match.end()
        item = FoundCitation(
            text=text[start:end], start=start, end=end, ref=ref, doc_type=before.doc_type,
            number=match.group("number"), year=int(match.group("year")) if has_year else None,
            symbol=symbol, law=before.law, amended_laws=before.amended_laws,
        )
        item.tail_end = read_tail(text, end, item)
        head = before.list_head
        if item.issuer is None and head is not None and head.group("issuer"):
            item.issuer = clean_issuer(head.group("issuer"))
        if item.issuer is None:
            item.issuer = issuer_before(text, start)
            item.issuer_before = item.issuer is not None
        if item.date is None:
            read_date_before(text, start, match.start(), item)
        found.append(item)


def _scan_shorts(text: str, found: list[FoundCitation]) -> list[ShortRef]:
    spans = [(c.start, c.end) for c in found]
    shorts = []
    for match in P.SHORT_REF_RE.finditer(text):
        if covered(spans, match.start()) or _is_excluded(text, match.start("number")):
            continue
        shorts.append(ShortRef(match.start(), match.end(), canonical_type(match.group("doc_type")),
                             match.group("number"),
                             numbered=bool(match.group("so")) and match.group("doc_type")[:1].isupper()))
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
                term=target.term, tail_end=short.end,
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


# "… ngày 02/3/2025 và số 1235/QĐ-UBND ngày 03/3/2025 của UBND tỉnh": a dated member takes the
# issuer of the next one across "và số" too (a date is not shared there: "Nghị định số 37/2019/NĐ-CP
# và số 22/2025/NĐ-CP ngày …" dates only the second).
_LIST_GAP_NUMBER_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+)số\s*:?\s*$")
_LIST_FORWARD_GAP_RE = re.compile(r"^\s*(?:,\s*(?:và\s+)?|và\s+)(?:số\s*)?$")


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
    numbered = _DIGIT_RE.search(text) is not None
    if numbered:
        _scan_numbered(text, found, law_names, names_words)
    scan_law_names(text, found)
    scan_constitution(text, found)
    shorts = _scan_shorts(text, found) if numbered else []
    shorts = _expand_lists(text, found, shorts)
    _share_in_lists(text, found)
    assign_relations(text, found)
    found[:] = [c for c in found if not is_generic_constitution(c)]
    aliases = [(m.group("alias").strip(), m.start()) for m in P.ALIAS_RE.finditer(text)
               if any(ch.isdigit() for ch in m.group("alias"))]
    found.sort(key=lambda c: (c.start, c.end))
    return Scan(text, found, shorts, aliases, law_names, names_words)


# --- resolution across texts -----------------------------------------------------------
