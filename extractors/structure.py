"""Document tree: numbered nodes and the pseudo-nodes title / preamble / closing.

Ids follow the corpus rules (``../shared/corpus/README.md``): the chain of
markers from the top down joined with "." ("II.3.a", "B.II.1", "Điều 1.2");
decimal markers carry their own chain ("3.2." under item 3 of section II →
"II.3.2"); a marker repeated as written gets "#2". Markers count only at the
start of a paragraph (the joiner in ``normalize.py`` decides where those are).

Nesting is read from the markers themselves, not from a fixed order: a style
already open (say "a)") closes everything below it and opens a sibling; a new
style opens a child. Sections (appendices, parts and "Phần", Roman numerals and chapters, "Mục",
articles) have fixed ranks so that they always close the items above them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from kehoach.extractors.closing import MAX_LETTER_REQUESTS, REQUEST_START_RE, starts_closing
from kehoach.extractors.footnotes import attach_footnotes
from kehoach.extractors.markers import (
    BULLET_RE,
    CHAIN_STYLES,
    RANKS,
    UPPER_CHARS,
    Marker,
    base_style,
    first_labels,
    next_label,
    next_letter,
    parse_marker,
)
from kehoach.extractors.normalize import is_upper_line
from kehoach.extractors.numbering import fits, ocr_warning, read_through_ocr
from kehoach.extractors.quotations import quoted_paragraphs
from kehoach.extractors.structure_steps import PerformerColumn, performer_offset, step_row
from kehoach.extractors.table_nodes import cut_tables
from kehoach.extractors.tables import TableRow, TaskTable, find_tables
from kehoach.schemas.layout import Paragraph
from kehoach.schemas.models import Node

HEADING_CHARS = 60  # the gold convention for a heading taken from running text
HEADING_MAX_CHARS = 160  # a marker line longer than this is running text, not a title
COLON_HEADING_MAX_CHARS = 200

_TRAILING_PUNCT_RE = re.compile(r"[\s:;.,]+$")


@dataclass
class _Open:
    node: Node
    style: str
    label: str
    paragraphs: list[Paragraph] = field(default_factory=list)


_RUN_IN_LABEL_RE = re.compile(r"^[^:]{1,40}:\s+\S")
# A numbered caption before the title: "Mục tiêu 1. Lĩnh vực chính trị", "Bước 2: Tổ chức thực hiện".
# Its "1." / "2:" is no sentence end and no run-in label.
_NUMBERED_CAPTION_RE = re.compile(rf"^[{UPPER_CHARS}][^\s\d.:;]*(?:\s+[^\s\d.:;]+){{0,2}}\s+\d{{1,2}}\s*[.:]\s+")


def _heading_and_text(marker: Marker, paragraphs: list[Paragraph], has_children: bool) -> tuple[str | None, str | None]:
    first = marker.rest
    more = [p.text for p in paragraphs[1:]]
    has_body = bool(more) or has_children
    head_para = paragraphs[0]
    is_heading = False
    if first and has_body:
        if is_upper_line(first) or head_para.bold or first.endswith(":") and len(first) <= COLON_HEADING_MAX_CHARS:
            is_heading = True
        elif _RUN_IN_LABEL_RE.match(bare := _NUMBERED_CAPTION_RE.sub("", first, count=1)):
            is_heading = False
        elif len(first) <= HEADING_MAX_CHARS and not re.search(r"[.;]\s+\S", bare):
            is_heading = True
    if is_heading:
        heading = _TRAILING_PUNCT_RE.sub("", " ".join(first.split()))
        text = "\n".join(more) or None
        return heading or None, text
    text = "\n".join([first, *more]).strip() or None
    return (short_heading(text) if text else None), text


def short_heading(text: str, limit: int = HEADING_CHARS) -> str:
    """The first ~``limit`` characters, cut at a word boundary, trailing punctuation dropped."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        cut = flat[: limit + 1]
        space = cut.rfind(" ")
        flat = cut[:space] if space > 0 else flat[:limit]
    return _TRAILING_PUNCT_RE.sub("", flat)


@dataclass
class DocumentTree:
    """What the structure stage hands on: the nodes, and the table row each row node was made from."""

    nodes: list[Node]
    table_rows: dict[str, TableRow] = field(default_factory=dict)  # node id → its row
    warnings: list[str] = field(default_factory=list)


def extract_tree(paragraphs: list[Paragraph], *, title_count: int = 0, title_indexes: Collection[int] = (),
                 tables: Sequence[TaskTable] | None = None) -> DocumentTree:
    """The document tree.

    Args:
        paragraphs: the body paragraphs, title block(s) included.
        title_count: the first ``title_count`` paragraphs are the title block.
        title_indexes: further paragraphs that belong to a title block, such as the
            title of a plan attached after a decision's signature; each starts a new
            document, so the numbering above it closes.
        tables: the numbered tables found on the paragraphs' lines (found here when None);
            those inside an appendix, or right under an attachment's title, become row nodes.
    Returns:
        The pseudo-nodes "title", "preamble", "closing" (when present) and every
        numbered node, in document order, with the table row behind each row node.
    """
    titles = set(range(title_count)) | set(title_indexes)
    if tables is None:
        tables = find_tables([line for para in paragraphs for line in para.lines])
    paragraphs, titles, placed = cut_tables(paragraphs, titles, tables)
    builder = _TreeBuilder(paragraphs)
    quoted = quoted_paragraphs(paragraphs)
    for index, para in enumerate(paragraphs):
        if index in titles:
            builder.add_title(para)
        elif index in placed:
            builder.add_table(placed[index], para)
        elif index in quoted:  # another text's provision, quoted: its markers are not ours
            builder.add_text(para)
        else:
            builder.add_paragraph(index, para)
    return builder.finish()


def extract_nodes(paragraphs: list[Paragraph], *, title_count: int = 0,
                  title_indexes: Collection[int] = ()) -> list[Node]:
    """The nodes of :func:`extract_tree`, in document order."""
    return extract_tree(paragraphs, title_count=title_count, title_indexes=title_indexes).nodes


def _form_label(paragraphs: Sequence[Paragraph], k: int) -> str | None:
    """The label of the form whose label line is paragraph ``k`` ("Mẫu 2"), or None."""
    marker = parse_marker(paragraphs[k].text) if 0 <= k < len(paragraphs) else None
    if marker is None or marker.style != "appendix" or marker.label.startswith("Phụ lục"):
        return None
    return marker.label


def _lists_forms(paragraphs: Sequence[Paragraph], index: int, marker: Marker) -> bool:
    """Whether the form label ``marker`` ("Mẫu số 01") is an entry of a list of forms ("Mẫu số 01 ⏎ Phiếu đăng ký ⏎
    Mẫu số 02 ⏎ Thông báo …", a contents table): the label of the form before or after it two paragraphs away,
    only a name between them, so this one has no body."""
    if marker.label.startswith("Phụ lục"):
        return False
    before, after = _form_label(paragraphs, index - 2), _form_label(paragraphs, index + 2)
    return (before is not None and next_label("appendix", before) == marker.label
            and parse_marker(paragraphs[index - 1].text) is None) \
        or (after is not None and next_label("appendix", marker.label) == after
            and parse_marker(paragraphs[index + 1].text) is None)


class _TreeBuilder:
    """The tree read paragraph by paragraph: the open nodes (a stack), the pseudo-nodes' paragraphs."""

    def __init__(self, paragraphs: list[Paragraph]):
        self.paragraphs = paragraphs
        self.title: list[Paragraph] = []
        self.preamble: list[Paragraph] = []
        self.closing: list[Paragraph] = []
        self.numbered: list[tuple[_Open, Marker | None]] = []  # marker None: a table row, built whole
        self.stack: list[_Open] = []
        self.seen: dict[str, int] = {}
        self.children: set[str] = set()
        self.in_closing = False
        self.last_part: str | None = None
        self.table_rows: dict[str, TableRow] = {}
        self.warnings: list[str] = []
        self.last_seen: dict[str, str] = {}  # style → the label of its last marker (articles run on)
        self.performer_at: PerformerColumn | None = None  # the performer's cell of the open procedure table's steps
        self.steps: dict[str, PerformerColumn] = {}  # step node id → its performer's cell

    def add_title(self, para: Paragraph) -> None:
        self.title.append(para)
        self.stack.clear()
        self.in_closing = False

    def add_text(self, para: Paragraph) -> None:
        """A paragraph of the open node (or of the closing, or the preamble)."""
        (self.closing if self.in_closing else self.stack[-1].paragraphs if self.stack else self.preamble).append(para)

    def add_paragraph(self, index: int, para: Paragraph) -> None:
        marker = self._read_marker(index, para)
        if marker is None:
            self._add_unmarked(index, para)
            return
        self.in_closing = False
        if marker.style == "part":
            self.last_part = marker.label
        parent = _place(self.stack, marker)
        node_id = self._unique(_make_id(self.stack, marker))
        parent_id = parent.node.id if parent else None
        if parent_id:
            self.children.add(parent_id)
        kind = "article" if marker.style == "article" else "section" if marker.style in RANKS else "item"
        node = Node(id=node_id, parent=parent_id, marker=marker.marker, kind=kind, page=para.page)
        entry = _Open(node=node, style=marker.style, label=marker.label, paragraphs=[para])
        self.stack.append(entry)
        self.numbered.append((entry, marker))
        if marker.style == "step":
            self._note_step(index, node_id, marker)

    def _note_step(self, index: int, node_id: str, marker: Marker) -> None:
        """Remember where the performer's cell of a procedure table's step stands (its header read at step 1, or at
        the first step of an excerpt)."""
        if marker.label == "Bước 1" or self.performer_at is None:
            above = [line.text for para in self.paragraphs[max(0, index - 40):index] for line in para.lines]
            self.performer_at = performer_offset(above)
        if self.performer_at is not None:
            self.steps[node_id] = self.performer_at

    def add_table(self, table: TaskTable, para: Paragraph) -> None:
        """One node per row under the open appendix (or its open item): "Phụ lục.1", "Phụ lục I.II.3"."""
        self.in_closing = False
        self.warnings.extend(table.warnings)
        parent = self.stack[-1].node.id if self.stack else None
        ids: dict[str, str] = {}
        for row in table.rows:
            base = ids.get(row.group, parent) if row.group else parent
            node_id = self._unique(f"{base}.{row.label}" if base else row.label)
            if row.is_group:
                ids[row.path] = node_id
            if base:
                self.children.add(base)
            text = row.text or None
            node = Node(id=node_id, parent=base, marker=row.label, kind="item", page=para.page,
                        heading=short_heading(row.heading_text) if row.heading_text else None, text=text,
                        task=row.is_task)
            self.table_rows[node_id] = row
            self.numbered.append((_Open(node=node, style="table", label=row.label), None))

    def _unique(self, node_id: str) -> str:
        """Numbering as written: a repeated id gets "#2", "#3" …"""
        if node_id in self.seen:
            self.seen[node_id] += 1
            return f"{node_id}#{self.seen[node_id]}"
        self.seen[node_id] = 1
        return node_id

    def _read_marker(self, index: int, para: Paragraph) -> Marker | None:
        marker = self._as_written(index, para)
        if para.ocr and (marker is None or not fits(marker, self._open_runs(), self.last_seen)):
            expected = read_through_ocr(self.paragraphs, index, marker, self._open_runs(), self.last_seen)
            if expected is not None:
                self.warnings.append(ocr_warning(para, marker, expected))
                marker = expected
        if marker is not None:
            self.last_seen[base_style(marker.style)] = marker.label
        return marker

    def _as_written(self, index: int, para: Paragraph) -> Marker | None:
        marker = parse_marker(para.text)
        if marker and marker.style == "paren" and not self._numbers_main_points(index, marker):
            return None
        if marker and marker.style == "appendix" and _lists_forms(self.paragraphs, index, marker):
            return None
        last_part = self.last_part
        if marker and marker.style == "roman" and last_part and marker.label == next_letter(last_part):
            return Marker("part", marker.label, marker.marker, marker.rest)
        if marker and marker.style == "part" and not (is_upper_line(marker.rest) or para.bold
                                                      or (last_part and marker.label == next_letter(last_part))):
            return None  # "A. Nguyễn …": an initial, not a part
        return marker

    def _open_runs(self) -> list[tuple[str, str]]:
        return [(entry.style, entry.label) for entry in self.stack]

    def _numbers_main_points(self, index: int, marker: Marker) -> bool:
        """ "(1) … (2) …" number the main points of the open node: "(1)" right under a numbered node's
        first paragraph or an introduction ending in ":", its "(2)" to come, and no other kind of
        item under the same node (then those are its main points, and the "(1)" a list inside one
        of them); or the next number of the open run. An appendix's own lists (the cells of a
        procedures table, a form's fields) are not its points, nor a list a dash bullet introduces."""
        if not self.stack:
            return False
        open_run = next((e for e in reversed(self.stack) if e.style == "paren"), None)
        if open_run is not None:
            return int(marker.label) == int(open_run.label) + 1
        parent = self.stack[-1]
        introduction = parent.paragraphs[-1].text.strip()
        if marker.label != "1" or parent.style == "appendix" \
                or len(parent.paragraphs) > 1 and (not introduction.endswith(":") or BULLET_RE.match(introduction)):
            return False  # after a bullet's "… có 2 loại:" the list is that bullet's, not the node's points
        open_styles = {e.style for e in self.stack}
        second = False
        for later in self.paragraphs[index + 1:]:
            found = parse_marker(later.text)
            if found is None:
                continue
            if found.style == "paren":
                second = second or found.label == "2"
            elif found.style in RANKS or found.style in open_styles:
                break  # the node ends
            else:
                return False
        return second

    def _add_unmarked(self, index: int, para: Paragraph) -> None:
        if self.in_closing:
            self.closing.append(para)
            return
        previous = self.stack[-1].paragraphs[-1].text if self.stack else None
        # A letter with no numbered items still ends with its closing request
        # ("Đề nghị Thuế tỉnh … phối hợp thực hiện./."), after a body of at least one paragraph.
        in_article = any(entry.style == "article" for entry in self.stack)
        if (self.numbered or self.preamble) and starts_closing(para, previous, self.paragraphs[index + 1:],
                                                               in_article=in_article):
            self.in_closing = True
            if not self.numbered:
                # In a letter the request just before its last sentence is part of the
                # closing: "Đề nghị Thuế tỉnh X phối hợp …" ⏎ "Cục Thuế trả lời để … biết./."
                while len(self.preamble) > 1 and len(self.closing) < MAX_LETTER_REQUESTS \
                        and REQUEST_START_RE.match(self.preamble[-1].text):
                    self.closing.insert(0, self.preamble.pop())
            self.closing.append(para)
        elif self.stack:
            self.stack[-1].paragraphs.append(para)
        else:
            self.preamble.append(para)

    def finish(self) -> DocumentTree:
        nodes: list[Node] = []
        if self.title:
            nodes.append(_pseudo("title", self.title))
        if self.preamble:
            nodes.append(_pseudo("preamble", self.preamble))
        for entry, marker in self.numbered:
            if marker is None:
                nodes.append(entry.node)
                continue
            if entry.node.id in self.steps and (row := step_row(entry.label, entry.paragraphs,
                                                                 self.steps[entry.node.id])):
                self.table_rows[entry.node.id] = row
            heading, text = _heading_and_text(marker, entry.paragraphs, entry.node.id in self.children)
            nodes.append(entry.node.model_copy(update={"heading": heading, "text": text}))
        if self.closing:
            nodes.append(_pseudo("closing", self.closing))
        return DocumentTree(nodes=attach_footnotes(nodes), table_rows=self.table_rows, warnings=self.warnings)


def _pseudo(node_id: str, paragraphs: list[Paragraph]) -> Node:
    return Node(id=node_id, kind="pseudo", text="\n".join(p.text for p in paragraphs),
                heading=short_heading(paragraphs[0].text), page=paragraphs[0].page)


def _place(stack: list[_Open], marker: Marker) -> _Open | None:
    """Close what the new marker ends; return its parent (the new top of the stack)."""
    style = marker.style
    if style in RANKS:
        rank = RANKS[style]
        while stack and (stack[-1].style not in RANKS or RANKS[stack[-1].style] >= rank):
            stack.pop()
    elif style in ("decimal", "decimal_letter"):
        parts = marker.label.split(".")
        while stack and stack[-1].style not in RANKS and not _is_chain_prefix(stack[-1], parts):
            stack.pop()
    elif any(entry.style == style for entry in stack) and not _opens_in_step(stack, marker):
        while stack[-1].style != style:
            stack.pop()
        stack.pop()
    return stack[-1] if stack else None


def _opens_in_step(stack: list[_Open], marker: Marker) -> bool:
    """Whether ``marker`` opens a list inside the open step: "Bước 1" ⏎ "1. Nộp hồ sơ" under item "1." of the
    procedure is the step's own first item, not the procedure's next."""
    if marker.style == "step":
        return False  # "Bước 1" after "Bước 12": the next procedure's steps, no step inside a step
    for entry in reversed(stack):
        if entry.style == "step":
            return marker.label in first_labels(marker.style)
        if entry.style == marker.style:
            return False
    return False


def _is_chain_prefix(entry: _Open, parts: list[str]) -> bool:
    if base_style(entry.style) not in CHAIN_STYLES:
        return False
    own = entry.label.split(".")
    return len(own) < len(parts) and parts[: len(own)] == own


def _make_id(stack: list[_Open], marker: Marker) -> str:
    """The id under the current stack (already closed down to the parent)."""
    if marker.style in ("decimal", "decimal_letter"):
        # "3.2." carries its own chain: hang it on the nearest node that is not a numbered item.
        base = next((e.node.id for e in reversed(stack) if base_style(e.style) not in CHAIN_STYLES), None)
        return f"{base}.{marker.label}" if base else marker.label
    if not stack:
        return marker.label
    return f"{stack[-1].node.id}.{marker.label}"
