"""Resolution across a document (eyecite's ``resolve.py``): what one string cannot settle alone.

- an alias the text defines ("(sau đây gọi tắt là Chỉ thị 11)") and short references ("Chỉ thị 11",
  "Nghị quyết số 25") become mentions of the full document;
- a law named with its number ("Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13") makes the bare name,
  a short name or an abbreviation of it ("Luật MTTQ Việt Nam") a mention of that number; a law the
  lexicon knows is matched by its entry, another by its folded name;
- a short reference with "số" that nothing resolves ("Thông tư số 59") is cited as written;
- date, issuer, term and title are shared by every mention of one ref;
- a law cited by name gets the number the lexicon knows for it (``fill_canonical_refs``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from kehoach.extractors import citation_patterns as P
from kehoach.extractors.citation_laws import name_words
from kehoach.extractors.citation_models import FoundCitation, Scan, ShortRef
from kehoach.extractors.citation_parts import WS_RE, fold_key, overlaps
from kehoach.extractors.citation_relations import relation_at
from kehoach.extractors.fold import ascii_key
from kehoach.extractors.law_lexicon import amending_number, law_number


def _alias_pattern(alias: str) -> re.Pattern:
    words = [re.escape(w) for w in alias.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + rf"(?![\w/{P.DASH}])", re.IGNORECASE)


def resolve(scans: list[Scan]) -> list[list[FoundCitation]]:
    """Per scan, its citations plus the resolved aliases, short references and law names."""
    results = [list(s.found) for s in scans]
    all_found = [c for r in results for c in r]
    by_ref: dict[str, FoundCitation] = {}
    for c in all_found:
        by_ref.setdefault(c.ref, c)
    _cut_law_names(scans, results)
    _resolve_known_laws(results)
    _resolve_numbered_names(scans, results, all_found, by_ref)
    _resolve_aliases_and_shorts(scans, results, all_found, by_ref)
    _one_spelling_per_name(results)
    _share_across_mentions(results)
    for result in results:
        result.sort(key=lambda c: (c.start, c.end))
    return results


def _resolve_numbered_names(scans: list[Scan], results: list[list[FoundCitation]], all_found: list[FoundCitation],
                            by_ref: dict[str, FoundCitation]) -> None:
    """A law the lexicon does not know, named with a number: the bare name elsewhere is a mention of that
    number; else of the only "<name> <year>" of the document."""
    law_names: dict[str, str] = {}
    for scan in scans:
        for name, ref in scan.law_names.items():
            # A name stated with two numbers ("Luật Bảo hiểm xã hội số 58/2014/QH13 … số 41/2024/QH15")
            # resolves to neither ("").
            law_names[name] = ref if law_names.get(name, ref) == ref else ""
    for result in results:
        for i, c in enumerate(result):
            if c.number is not None or c.year is not None or c.law is not None:
                continue
            key = fold_key(c.ref)
            target = law_names.get(key)
            if target is None:
                with_year = {o.ref for o in all_found if o.number is None and o.year is not None
                             and fold_key(o.ref).startswith(key) and fold_key(o.ref)[len(key):].isdigit()}
                target = with_year.pop() if len(with_year) == 1 else None
            if target is not None and target in by_ref:
                t = by_ref[target]
                result[i] = replace(c, ref=t.ref, number=t.number, year=t.year, symbol=t.symbol)


def _names_the_document(alias: str, target: FoundCitation) -> bool:
    """An alias names the document it follows when it carries the document's number ("Bộ chỉ số 766" after
    Quyết định 766/QĐ-TTg, "Chỉ thị 11"); "(viết tắt là Ban Chỉ đạo 138 tỉnh)" after a decision that set the
    committee up names the committee."""
    number = (target.number or "").lstrip("0")
    return bool(number) and number in {n.lstrip("0") for n in re.findall(r"\d+", alias)}


def _resolve_aliases_and_shorts(scans: list[Scan], results: list[list[FoundCitation]], all_found: list[FoundCitation],
                                by_ref: dict[str, FoundCitation]) -> None:
    """Aliases the text defines ("(sau đây gọi tắt là Chỉ thị 11)") and short references: an alias, or
    the only document of that type and number."""
    aliases: dict[str, FoundCitation] = {}
    for scan, result in zip(scans, results):
        for alias, pos in scan.aliases:
            if P.CITATION_RE.search(alias):
                continue  # "(gọi tắt là Nghị quyết số 57-NQ/TW)": already a full citation
            before = [c for c in result if c.end <= pos]
            target = max(before, key=lambda c: c.end) if before else None
            if target is not None and _names_the_document(alias, target):
                aliases[fold_key(alias)] = target
    alias_patterns = [(_alias_pattern(a), t) for a, t in _alias_texts(scans, aliases)]
    by_type_number: dict[tuple[str, str], set[str]] = {}
    for c in all_found:
        if c.number and c.doc_type:
            by_type_number.setdefault((c.doc_type, c.number.lstrip("0")), set()).add(c.ref)
    for scan, result in zip(scans, results):
        taken = [(c.start, c.end) for c in result]
        for pattern, target in alias_patterns:
            for m in pattern.finditer(scan.text):
                if overlaps(taken, m.start(), m.end()) or _inside_alias_declaration(scan, m.start()):
                    continue
                result.append(_mention_of(target, scan.text, m.start(), m.end(), result))
                taken.append((m.start(), m.end()))
        for short in scan.shorts:
            if overlaps(taken, short.start, short.end) or _inside_alias_declaration(scan, short.start):
                continue
            refs = by_type_number.get((short.doc_type, short.number.lstrip("0")), set())
            if len(refs) == 1:
                result.append(_mention_of(by_ref[next(iter(refs))], scan.text, short.start, short.end, result))
            elif short.numbered and not refs:
                result.append(_unresolved(short, scan.text, result))
            else:
                continue
            taken.append((short.start, short.end))


def _resolve_known_laws(results: list[list[FoundCitation]]) -> None:
    """A law the lexicon knows, cited by name, is a mention of the document's own citation of that law:
    the numbered one ("Luật MTTQ Việt Nam" after "Luật Mặt trận Tổ quốc Việt Nam số 75/2015/QH13"), else
    the first one written in full ("Luật Bảo vệ BMNN" after "Luật Bảo vệ bí mật nhà nước năm 2018",
    "Luật Bầu cử năm 2015" after the full name with its number)."""
    cited = [c for result in results for c in result if c.law is not None]
    for result in results:
        for i, c in enumerate(result):
            if c.law is None or c.number is not None:
                continue
            target = _law_target(c, [o for o in cited if o.law is c.law])
            if target is not None and target is not c:
                result[i] = replace(c, ref=target.ref, number=target.number, year=target.year, symbol=target.symbol)


def _law_target(c: FoundCitation, same_law: list[FoundCitation]) -> FoundCitation | None:
    numbered = {o.ref: o for o in same_law if o.number is not None and c.year in (None, o.year)}
    if numbered:
        return next(iter(numbered.values())) if len(numbered) == 1 else None
    named = [o for o in same_law if o.number is None]
    years = {o.year for o in named if o.year is not None}
    year = c.year if c.year is not None else (next(iter(years)) if len(years) == 1 else None)
    full = [o for o in named if o.year == year and not o.short_form and not o.text.isupper()]
    return full[0] if full else None


def _cut_law_names(scans: list[Scan], results: list[list[FoundCitation]]) -> None:
    """A law name read in running text ("Luật Bảo hiểm xã hội đóng …") is cut back to a
    name the document states with a year, date or number ("Luật Bảo hiểm xã hội năm 2014")."""
    known: set[tuple[str, ...]] = set()
    for scan, result in zip(scans, results):
        for c in result:
            if c.number is None and c.year is not None and c.title:
                known.add(name_words(c.title))
        for key_name in scan.law_names_words:
            known.add(key_name)
    if not known:
        return
    for scan, result in zip(scans, results):
        for i, c in enumerate(result):
            if c.number is not None or c.year is not None or not c.title or c.law is not None:
                continue
            words = name_words(c.title)
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
            doc_type = WS_RE.sub(" ", head.group("doc_type"))
            result[i] = replace(c, text=scan.text[c.start:m.end()], end=m.end(), ref=f"{doc_type} {name}",
                                title=name, tail_end=m.end())


def _lower_keep_offsets(text: str) -> str:
    """Case folding that keeps offsets (for matching names found by folded words)."""
    return text.lower() if len(text.lower()) == len(text) else text


def _alias_texts(scans: list[Scan], aliases: dict[str, FoundCitation]):
    for scan in scans:
        for alias, _pos in scan.aliases:
            target = aliases.get(fold_key(alias))
            if target is not None:
                yield alias, target


def _inside_alias_declaration(scan: Scan, pos: int) -> bool:
    for _alias, at in scan.aliases:
        close = scan.text.find(")", at)
        if at <= pos <= close:
            return True
    return False


def _mention_of(target: FoundCitation, text: str, start: int, end: int,
                others: list[FoundCitation]) -> FoundCitation:
    return FoundCitation(
        text=text[start:end], start=start, end=end, ref=target.ref, doc_type=target.doc_type,
        number=target.number, year=target.year, symbol=target.symbol, date=target.date,
        issuer=target.issuer, term=target.term, title=target.title, relation=relation_at(text, start, others),
        tail_end=end,
    )


def _unresolved(short: ShortRef, text: str, others: list[FoundCitation]) -> FoundCitation:
    """"Thông tư số 59" whose symbol the document never gives: cited by its type and number as written."""
    return FoundCitation(
        text=text[short.start:short.end], start=short.start, end=short.end, ref=f"{short.doc_type} số {short.number}",
        doc_type=short.doc_type, number=short.number, relation=relation_at(text, short.start, others),
        tail_end=short.end,
    )


def _one_spelling_per_name(results: list[list[FoundCitation]]) -> None:
    """A document cited by name twice, once with a mark lost ("Luật Tổ chức chinh quyền địa phương" under
    "… chính quyền …"), is one document: a name-only ref takes the spelling of the first ref with its letters."""
    first: dict[str, str] = {}
    for result in results:
        for i in sorted(range(len(result)), key=lambda k: result[k].start):
            c = result[i]
            if c.number is not None:
                continue
            ref = first.setdefault(ascii_key(c.ref), c.ref)
            if ref != c.ref:
                result[i] = replace(c, ref=ref)


def _share_across_mentions(results: list[list[FoundCitation]]) -> None:
    """Every mention of one ref carries the date, issuer, term and title some mention gives."""
    best: dict[str, dict[str, object]] = {}
    for result in results:
        for c in result:
            known = best.setdefault(fold_key(c.ref), {})
            for name in ("date", "issuer", "term", "title", "doc_type"):
                value = getattr(c, name)
                if value is not None and name not in known:
                    known[name] = value
    for result in results:
        for c in result:
            known = best[fold_key(c.ref)]
            for name, value in known.items():
                if getattr(c, name) is None:
                    setattr(c, name, value)


def fill_canonical_refs(results: list[list[FoundCitation]], *, on: dt.date | None) -> None:
    """A law cited by name gets the number the lexicon knows for it: of the year the citation gives, else
    of the version in force ``on`` the citing document's date; an amending law's title gets the number of
    the one law that amends all the laws it names."""
    for result in results:
        for c in result:
            if c.number is not None:
                continue
            if c.law is not None:
                c.canonical_ref = law_number(c.law, year=c.year, on=on)
            elif c.amended_laws:
                c.canonical_ref = amending_number(c.amended_laws, year=c.year)
