"""The stages from lines to a ``PlanDocument``; each stage returns new objects.

file → RawDocument (lines + layout) → cleaned lines → header / signature / body
paragraphs → nodes → citations, assignments.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kehoach.extractors.citations import extract_citations
from kehoach.extractors.deadlines import mark_deadlines
from kehoach.extractors.fidelity import SpellingMap, restore_spelling
from kehoach.extractors.fingerprint import fingerprint
from kehoach.extractors.header import (
    Header,
    attached_type_line,
    doc_type_of_line,
    find_issuer_in_text,
    parse_header,
    title_block_end,
)
from kehoach.extractors.markers import ATTACHMENT_TITLE_RE
from kehoach.extractors.normalize import (
    DEFAULT_STEPS,
    WRITTEN_STEPS,
    clean_lines,
    clean_text,
    drop_page_numbers,
    join_paragraphs,
)
from kehoach.extractors.signature import find_signature_blocks, read_sign_off
from kehoach.extractors.structure import DocumentTree, extract_tree
from kehoach.extractors.tables import TaskTable, find_tables, table_assignments
from kehoach.extractors.units import extract_assignments, mark_places, mark_tasks
from kehoach.schemas.layout import Line, Paragraph, RawDocument
from kehoach.schemas.models import Metadata, Node, PlanDocument, Source


@dataclass(slots=True)
class CleanText:
    """The text read once for every later stage: the cleaned lines and the numbered tables on them."""

    lines: list[Line]
    tables: list[TaskTable]


def clean(raw: RawDocument, *, as_written: bool = False) -> CleanText:
    """Cleaned lines and the numbered tables, found once: the match view the parsers read (tone
    marks and Đ look-alikes folded), or ``as_written``.

    Page numbers are dropped after the tables are found, so that the row numbers of a task
    table, which look just like them, stay."""
    read = raw.lines if raw.text_source != "ocr" else [replace(line, ocr=True) for line in raw.lines]
    lines = clean_lines(read, WRITTEN_STEPS if as_written else DEFAULT_STEPS)
    tables = find_tables(lines)
    table_lines = {n for table in tables for n in range(table.start, table.end)}
    return CleanText(lines=drop_page_numbers(lines, keep=table_lines), tables=tables)


def normalise(raw: RawDocument, *, as_written: bool = False) -> list[Line]:
    """The cleaned lines of :func:`clean`."""
    return clean(raw, as_written=as_written).lines


def parse(lines: list[Line], tables: list[TaskTable] | None = None) -> tuple[Metadata, list[Node], list[str]]:
    """Header, body nodes, signature and recipients from cleaned lines (see :func:`read_tree`)."""
    metadata, tree, warnings = read_tree(lines, tables)
    return metadata, tree.nodes, warnings


def read_tree(lines: list[Line], tables: list[TaskTable] | None = None) -> tuple[Metadata, DocumentTree, list[str]]:
    """Header, body tree, signature and recipients from cleaned lines.

    The body runs from the end of the header's title block to the end, minus
    every signature / Nơi nhận block; a type line right after a block starts an
    attached document whose title lines join the ``title`` pseudo-node, and so does the
    "DANH MỤC …" title of a list attached without an appendix marker.
    """
    header = parse_header(lines)
    blocks = find_signature_blocks(lines, header.body_start)
    title_lines: list[Line] = []
    if header.title_start is not None:
        title_lines = lines[header.title_start + 1: header.title_end]
    segments: list[tuple[list[Line], list[Line]]] = [(title_lines, [])]
    cursor = header.body_start
    for block in [*blocks, None]:
        stop = block.start if block else len(lines)
        segments[-1][1].extend(lines[cursor:stop])
        if block is None:
            break
        cursor = block.end
        if cursor < len(lines) and doc_type_of_line(lines[cursor].text):
            end = title_block_end(lines, cursor + 1)
            segments.append((lines[cursor + 1:end], []))
            cursor = end
        elif cursor < len(lines) and (type_line := attached_type_line(lines, cursor)) is not None:
            end = title_block_end(lines, type_line + 1)  # its band is not text; its title joins the title
            segments.append((lines[type_line + 1:end], []))
            cursor = end
        elif cursor < len(lines) and ATTACHMENT_TITLE_RE.match(lines[cursor].text):
            end = title_block_end(lines, cursor + 1)  # "DANH MỤC …": a list attached, its title kept whole
            segments.append((lines[cursor:end], []))
            cursor = end
    paragraphs: list[Paragraph] = []
    title_indexes: list[int] = []
    for k, (title, body) in enumerate(segments):
        for para in join_paragraphs(title) if title else _subject_title(header) if k == 0 else []:
            title_indexes.append(len(paragraphs))
            paragraphs.append(para)
        paragraphs.extend(join_paragraphs(body))
    tree = extract_tree(paragraphs, title_indexes=title_indexes, tables=tables)
    nodes = tree.nodes
    sign_off = read_sign_off(blocks)
    metadata = header.metadata
    update: dict = {"signer": sign_off.signer, "signers": sign_off.signers, "recipients": sign_off.recipients}
    if metadata.issuer is None:
        preamble = next((n.text for n in nodes if n.id == "preamble"), None)
        update["issuer"] = find_issuer_in_text(preamble or "")
    metadata = metadata.model_copy(update=update)
    warnings = [] if header.title_start is not None or metadata.doc_type else ["no type line found in the header"]
    return metadata, tree, [*header.warnings, *warnings, *tree.warnings]


def _subject_title(header: Header) -> list[Paragraph]:
    """A letter's subject ("V/v …", read in the header band) as its title block, when it has no type line."""
    if header.title_start is not None or not header.metadata.title:
        return []
    return [Paragraph(text=header.metadata.title, lines=[])]


def build_document(raw: RawDocument) -> PlanDocument:
    """Run every parsing stage on a read document."""
    text = clean(raw)
    metadata, tree, warnings = read_tree(text.lines, text.tables)
    nodes = tree.nodes
    citations = extract_citations(nodes, own_number=metadata.number, date=metadata.date)
    rows = table_assignments(tree.table_rows)
    listing = frozenset(node_id for node_id, row in tree.table_rows.items() if row.data or row.step)
    assignments = mark_places([*extract_assignments(nodes, listing), *rows], metadata)
    nodes = mark_deadlines(mark_tasks(nodes, assignments), assignments)
    # a task table's row is a task whatever its heading says; a group row heads rows, a data row lists, none is
    table_rows = tree.table_rows
    nodes = [n.model_copy(update={"task": table_rows[n.id].is_task}) if n.id in table_rows else n for n in nodes]
    source = Source(path=raw.path, sha256=raw.sha256, format=raw.format, pages=raw.pages,
                    text_source=raw.text_source, warnings=[*raw.warnings, *warnings],
                    fingerprint=fingerprint("\n".join(line.text for line in text.lines)))
    plan = PlanDocument(source=source, metadata=metadata, nodes=nodes, citations=citations, assignments=assignments)
    return restore_spelling(plan, spelling_map(raw))


def spelling_map(raw: RawDocument) -> SpellingMap:
    """The document's lines as written beside the match view the parsers read."""
    return SpellingMap.from_lines((clean_text(line.text, WRITTEN_STEPS), clean_text(line.text, DEFAULT_STEPS))
                                  for line in raw.lines)
