"""The stages from lines to a ``PlanDocument``; each stage returns new objects.

file → RawDocument (lines + layout) → cleaned lines → header / signature / body
paragraphs → nodes → citations, assignments.
"""

from __future__ import annotations

from kehoach.extractors.citations import extract_citations
from kehoach.extractors.header import parse_header
from kehoach.extractors.normalize import clean_lines, drop_page_numbers, join_paragraphs
from kehoach.extractors.signature import parse_signature
from kehoach.extractors.structure import extract_nodes
from kehoach.extractors.units import extract_assignments, mark_tasks
from kehoach.schemas.layout import Line, Paragraph, RawDocument
from kehoach.schemas.models import Metadata, Node, PlanDocument, Source


def normalise(raw: RawDocument) -> list[Line]:
    """Cleaned lines: NFC, tone marks, Đ look-alikes, spaces; page numbers dropped."""
    return drop_page_numbers(clean_lines(raw.lines))


def paragraphs_of(lines: list[Line]) -> list[Paragraph]:
    return join_paragraphs(lines)


def parse(lines: list[Line]) -> tuple[Metadata, list[Node], list[str]]:
    """Header, body tree, signature and recipients from cleaned lines."""
    header = parse_header(lines)
    signature = parse_signature(lines)
    end = signature.start if signature.start is not None else len(lines)
    body_lines = [line for i, line in enumerate(lines[header.body_start:end], start=header.body_start)
                  if i not in signature.skip]
    title_lines = lines[header.title_start + 1: header.body_start] if header.title_start is not None else []
    del title_lines
    paragraphs = join_paragraphs(body_lines)
    nodes = extract_nodes(paragraphs)
    metadata = header.metadata.model_copy(update={
        "signer": signature.signer or header.metadata.signer,
        "recipients": signature.recipients or header.metadata.recipients,
    })
    return metadata, nodes, []


def build_document(raw: RawDocument) -> PlanDocument:
    """Run every parsing stage on a read document."""
    lines = normalise(raw)
    metadata, nodes, warnings = parse(lines)
    citations = extract_citations(nodes, own_number=metadata.number)
    assignments = extract_assignments(nodes)
    nodes = mark_tasks(nodes, assignments)
    source = Source(path=raw.path, sha256=raw.sha256, format=raw.format, pages=raw.pages,
                    text_source=raw.text_source, warnings=[*raw.warnings, *warnings])
    return PlanDocument(source=source, metadata=metadata, nodes=nodes, citations=citations,
                        assignments=assignments)
