"""Cited legal documents: find them in text, resolve them across a document.

:func:`find_citations` works on any string; :func:`extract_citations` runs it on every node of a
document and returns contract ``Citation`` objects with offsets into each node's ``text``.

The stages, one module each (as eyecite's find / resolve): ``citation_patterns`` (patterns only),
``citation_parts`` (symbol, date, issuer of one citation), ``citation_find`` (numbered citations in
one string), ``citation_laws`` (laws and codes by name, their boundaries from the law lexicon through
``law_lexicon``), ``citation_relations`` (what the citing text does with the cited document),
``citation_resolve`` (across the strings of a document, and the numbers of laws cited by name).
"""

from __future__ import annotations

import datetime as dt
import re

from kehoach.extractors.citation_find import scan
from kehoach.extractors.citation_models import FoundCitation, Scan
from kehoach.extractors.citation_parts import fold_key
from kehoach.extractors.citation_resolve import fill_canonical_refs, resolve
from kehoach.schemas.models import Citation, Node

__all__ = ["FoundCitation", "extract_citations", "find_citations"]

# An attachment's line naming the document it goes with: "(Ban hành kèm theo Quyết định số …", "(Kèm theo …".
_ATTACHED_TO_RE = re.compile(r"\(\s*(?:(?i:ban\s+hành)\s+)?(?i:kèm\s+theo)\s*$")
_ATTACHED_TO_REACH = 40


def find_citations(text: str, *, date: dt.date | None = None) -> list[FoundCitation]:
    """Every cited document in ``text``, in order, with offsets into ``text``.

    Args:
        text: any string (a line, a paragraph, a node's text, a whole document).
        date: the citing document's date: a law cited by name without a year is the version in
            force on it (``canonical_ref``).

    Returns:
        The citations found, with ``text[c.start:c.end] == c.text``; aliases and
        short references defined within ``text`` are resolved.
    """
    results = resolve([scan(text)])
    fill_canonical_refs(results, on=date)
    return results[0]


def _node_sources(node: Node) -> list[str]:
    """The strings of a node to read: its text, and its heading when the text does not
    carry it (a heading line kept apart from the body). Offsets index the string read."""
    sources = [node.text] if node.text else []
    heading = node.heading
    if heading and not (node.text and " ".join(heading.split()) in " ".join(node.text.split())):
        sources.insert(0, heading)
    return sources


def extract_citations(nodes: list[Node], *, own_number: str | None = None,
                      date: dt.date | None = None) -> list[Citation]:
    """Every citation in the nodes' text, with offsets into that text.

    Aliases, short references and law names are resolved across all nodes; the
    document's own number is dropped; a law cited by name gets the number of the version
    the lexicon knows for its year, or in force on ``date`` (the document's date). A node whose ``text`` does not contain its
    ``heading`` is also read in its heading; those citations have offsets into
    the heading (``node.heading[start:end] == text``).
    """
    owners: list[Node] = []
    scans: list[Scan] = []
    for node in nodes:
        for source in _node_sources(node):
            owners.append(node)
            scans.append(scan(source))
    results = resolve(scans)
    fill_canonical_refs(results, on=date)
    own = _own_citation(own_number)
    citations: list[Citation] = []
    for node, source, result in zip(owners, (s.text for s in scans), results):
        for c in result:
            if own is not None and _is_own(c, source, own):
                continue
            citations.append(Citation(
                node=node.id, text=c.text, start=c.start, end=c.end, doc_type=c.doc_type, ref=c.ref,
                number=c.number, year=c.year, symbol=c.symbol, date=c.date, issuer=c.issuer,
                term=c.term, title=c.title, relation=c.relation, canonical_ref=c.canonical_ref,
            ))
    return citations


def _own_citation(own_number: str | None) -> FoundCitation | None:
    """The document's own number read as a citation ("3210/QĐ - UBND" → 3210/QĐ-UBND), None when blank."""
    if not own_number or not any(ch.isdigit() for ch in own_number):
        return None
    found = scan(own_number).found
    return found[0] if found else FoundCitation(text=own_number, start=0, end=len(own_number), ref=own_number)


def _is_own(c: FoundCitation, source: str, own: FoundCitation) -> bool:
    """The document itself: its own number, or the number of the line that attaches an appendix to it written
    garbled: "(Ban hành kèm theo Quyết định số 10325/QĐ-UBND)" on the appendix of 103/2025/QĐ-UBND (the number
    and the year's last digits run together); same symbol, the own number first, the rest from its year; or its
    symbol garbled out of the citation ("Kèm theo Quyết định số 2665 QĐ/UBND" on 2665/QĐ-UBND)."""
    if fold_key(c.ref) == fold_key(own.ref):
        return True
    attached = _ATTACHED_TO_RE.search(source, max(0, c.start - _ATTACHED_TO_REACH), c.start)
    if c.symbol is None and attached and c.number and own.number and c.number.lstrip("0") == own.number.lstrip("0") \
            and c.doc_type in (own.doc_type, None):
        return True  # "(Kèm theo Quyết định số 2665 QĐ/UBND …)": its symbol garbled, the number is the document's
    if c.symbol is None or c.symbol != own.symbol or not own.number or not c.number or not attached:
        return False
    written = c.number + (str(c.year) if c.year else "")
    rest = written[len(own.number):] if written.startswith(own.number) else None
    return rest is not None and _is_subsequence(rest, str(own.year or ""))


def _is_subsequence(part: str, whole: str) -> bool:
    """Whether ``part``'s characters stand in ``whole`` in order ("25" in "2025")."""
    chars = iter(whole)
    return all(ch in chars for ch in part)
