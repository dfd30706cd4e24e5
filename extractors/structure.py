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
from collections.abc import Collection
from dataclasses import dataclass, field

from kehoach.extractors.markers import (
    BULLET_RE,
    CHAIN_STYLES,
    RANKS,
    UPPER_CHARS,
    Marker,
    base_style,
    next_letter,
    parse_marker,
)
from kehoach.extractors.normalize import is_upper_line, join_wrapped
from kehoach.extractors.tables import TaskTable, find_task_tables
from kehoach.schemas.layout import Paragraph
from kehoach.schemas.models import Node

HEADING_CHARS = 60  # the gold convention for a heading taken from running text
HEADING_MAX_CHARS = 160  # a marker line longer than this is running text, not a title
COLON_HEADING_MAX_CHARS = 200

_CLOSING_RE = re.compile(
    r"^(?:Trên\s+đây\b|(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Kế\s+hoạch|Thông\s+tư|Quy\s+định)\s+này\s+có\s+hiệu\s+lực)")
_RUN_IN_LABEL_RE = re.compile(r"^[^:]{1,40}:\s+\S")
# A numbered caption before the title: "Mục tiêu 1. Lĩnh vực chính trị", "Bước 2: Tổ chức thực hiện".
# Its "1." / "2:" is no sentence end and no run-in label.
_NUMBERED_CAPTION_RE = re.compile(rf"^[{UPPER_CHARS}][^\s\d.:;]*(?:\s+[^\s\d.:;]+){{0,2}}\s+\d{{1,2}}\s*[.:]\s+")
# The standard last sentence of a letter (Công văn): "Cục Thuế trả lời để Công ty biết./.",
# "Văn phòng Chính phủ xin thông báo để các cơ quan biết, thực hiện./.".
_LETTER_CLOSING_RE = re.compile(
    r"^[^.;:]{0,120}?\b(?:trả\s+lời|thông\s+báo|phúc\s+đáp|hướng\s+dẫn|có\s+ý\s+kiến)\s+(?:để|cho)\s+"
    r"[^.;]{0,200}?\bbiết\b")
# A request or a reporting route that speaks of the whole text, once the items are done:
# "Đề nghị Công ty nghiên cứu các văn bản dẫn trên …", "Yêu cầu Giám đốc các sở … thực hiện nghiêm
# túc Chỉ thị này./.", "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, …". It closes the text
# only when the run up to the next marker ends the text ("./.").
_REQUEST_CLOSING_RE = re.compile(
    r"^(?:[^.;:]{0,80}?\s)?(?:[Đđ]ề\s+nghị|[Yy]êu\s+cầu)\b.*?(?:\b(?:nêu|dẫn|kể)\s+trên|\btrên\s+đây"
    r"|\b(?:Chỉ\s+thị|Kế\s+hoạch|Công\s+văn|Thông\s+báo|Chương\s+trình|[Vv]ăn\s+bản)\s+này)"
    r"|^Trong\s+quá\s+trình\s+(?:triển\s+khai\s+)?(?:tổ\s+chức\s+)?thực\s+hiện\b.{0,120}?\bnếu\s+có\b",
    re.DOTALL)
_TEXT_END_RE = re.compile(r"\./\.\s*$")
_REQUEST_START_RE = re.compile(r"^(?:Kính\s+)?(?:Đề\s+nghị|Yêu\s+cầu|Giao)\s+\S")
MAX_LETTER_REQUESTS = 3  # request paragraphs a letter's closing may take back from its body
# Quotation marks: a quoted provision of another text ("quy định: “Điều 26. … 1. … a) …”") keeps its
# numbering to itself. A quote left open holds the paragraphs up to its closing mark.
_OPENS_QUOTE_RE = re.compile(r"^\s*[“”\"]")
_COLON_QUOTE_RE = re.compile(r":\s*[“\"]")
QUOTE_SPAN_MAX = 40  # paragraphs a quotation may run over; an opening mark never closed quotes nothing
_TRAILING_PUNCT_RE = re.compile(r"[\s:;.,]+$")


@dataclass
class _Open:
    node: Node
    style: str
    label: str
    paragraphs: list[Paragraph] = field(default_factory=list)


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


def extract_nodes(paragraphs: list[Paragraph], *, title_count: int = 0,
                  title_indexes: Collection[int] = ()) -> list[Node]:
    """Nodes in document order.

    Args:
        paragraphs: the body paragraphs, title block(s) included.
        title_count: the first ``title_count`` paragraphs are the title block.
        title_indexes: further paragraphs that belong to a title block, such as the
            title of a plan attached after a decision's signature; each starts a new
            document, so the numbering above it closes.
    Returns:
        The pseudo-nodes "title", "preamble", "closing" (when present) and every
        numbered node, in document order.
    """
    titles = set(range(title_count)) | set(title_indexes)
    paragraphs, titles, tables = _cut_tables(paragraphs, titles)
    title_paras: list[Paragraph] = []
    preamble: list[Paragraph] = []
    closing: list[Paragraph] = []
    numbered: list[tuple[_Open, Marker | None]] = []
    stack: list[_Open] = []
    seen: dict[str, int] = {}
    in_closing = False
    last_part: str | None = None
    children: set[str] = set()
    quoted = _quoted(paragraphs)

    for index, para in enumerate(paragraphs):
        if index in titles:
            title_paras.append(para)
            stack.clear()
            in_closing = False
            continue
        if index in tables:
            in_closing = False
            _table_nodes(tables[index], para, stack, seen, children, numbered)
            continue
        if index in quoted:  # another text's provision, quoted: its markers are not ours
            (closing if in_closing else stack[-1].paragraphs if stack else preamble).append(para)
            continue
        marker = parse_marker(para.text)
        if marker and marker.style == "roman" and last_part and marker.label == next_letter(last_part):
            marker = Marker("part", marker.label, marker.marker, marker.rest)
        elif marker and marker.style == "part" and not (is_upper_line(marker.rest) or para.bold
                                                         or (last_part and marker.label == next_letter(last_part))):
            marker = None  # "A. Nguyễn …": an initial, not a part
        if marker is None:
            if in_closing:
                closing.append(para)
            # A letter with no numbered items still ends with its closing request
            # ("Đề nghị Thuế tỉnh … phối hợp thực hiện./."), after a body of at least one paragraph.
            elif (numbered or preamble) and _starts_closing(para, stack, paragraphs[index + 1:]):
                in_closing = True
                if not numbered:
                    # In a letter the request just before its last sentence is part of the
                    # closing: "Đề nghị Thuế tỉnh X phối hợp …" ⏎ "Cục Thuế trả lời để … biết./."
                    while len(preamble) > 1 and len(closing) < MAX_LETTER_REQUESTS \
                            and _REQUEST_START_RE.match(preamble[-1].text):
                        closing.insert(0, preamble.pop())
                closing.append(para)
            elif stack:
                stack[-1].paragraphs.append(para)
            else:
                preamble.append(para)
            continue
        in_closing = False
        if marker.style == "part":
            last_part = marker.label
        parent = _place(stack, marker)
        node_id = _make_id(stack, marker)
        if node_id in seen:
            seen[node_id] += 1
            node_id = f"{node_id}#{seen[node_id]}"
        else:
            seen[node_id] = 1
        parent_id = parent.node.id if parent else None
        if parent_id:
            children.add(parent_id)
        kind = "article" if marker.style == "article" else "section" if marker.style in RANKS else "item"
        node = Node(id=node_id, parent=parent_id, marker=marker.marker, kind=kind, page=para.page)
        entry = _Open(node=node, style=marker.style, label=marker.label, paragraphs=[para])
        stack.append(entry)
        numbered.append((entry, marker))

    nodes: list[Node] = []
    if title_paras:
        nodes.append(Node(id="title", kind="pseudo", text="\n".join(p.text for p in title_paras),
                          heading=short_heading(title_paras[0].text), page=title_paras[0].page))
    if preamble:
        nodes.append(Node(id="preamble", kind="pseudo", text="\n".join(p.text for p in preamble),
                          heading=short_heading(preamble[0].text), page=preamble[0].page))
    for entry, marker in numbered:
        if marker is None:  # a table row, built whole
            nodes.append(entry.node)
            continue
        heading, text = _heading_and_text(marker, entry.paragraphs, entry.node.id in children)
        nodes.append(entry.node.model_copy(update={"heading": heading, "text": text}))
    if closing:
        nodes.append(Node(id="closing", kind="pseudo", text="\n".join(p.text for p in closing),
                          heading=short_heading(closing[0].text), page=closing[0].page))
    return attach_footnotes(nodes)


# "[1] Thông báo kết luận của …": a footnote's text, at a page foot or gathered after the signature.
_FOOTNOTE_TEXT_RE = re.compile(r"^\[(\d{1,3})\]\s*\S")
_FOOTNOTE_MARK = r"(?<!^)\[{}\]"


def attach_footnotes(nodes: list[Node]) -> list[Node]:
    """Move the text of footnote [n] into the node whose text carries the marker [n]
    (corpus README: its citations are mentions there). A footnote whose marker no node
    carries stays where it was."""
    notes: list[tuple[str, str, str]] = []  # (number, holder node id, paragraph)
    for node in nodes:
        for para in (node.text or "").split("\n"):
            match = _FOOTNOTE_TEXT_RE.match(para)
            if match:
                notes.append((match.group(1), node.id, para))
    if not notes:
        return nodes
    moves: dict[str, list[str]] = {}  # target node id → paragraphs to append
    taken: set[tuple[str, str]] = set()  # (holder, paragraph) moved away
    for number, holder, para in notes:
        mark = re.compile(_FOOTNOTE_MARK.format(number), re.MULTILINE)
        target = next((n.id for n in nodes if mark.search(n.text or "") or mark.search(n.heading or "")), None)
        if target is None or target == holder:
            continue
        moves.setdefault(target, []).append(para)
        taken.add((holder, para))
    out = []
    for node in nodes:
        paras = [p for p in (node.text or "").split("\n") if (node.id, p) not in taken]
        paras += moves.get(node.id, [])
        text = "\n".join(paras) or None
        out.append(node if text == node.text else node.model_copy(update={"text": text}))
    return out


def _starts_closing(para: Paragraph, stack: list[_Open], following: list[Paragraph] = ()) -> bool:
    text = para.text
    if _CLOSING_RE.match(text):
        return True
    if len(text) <= 400 and _LETTER_CLOSING_RE.match(text):
        return True
    if _REQUEST_CLOSING_RE.match(text):
        # it ends the text: no marker follows before the final "./."
        for later in [para, *following]:
            if later is not para and parse_marker(later.text):
                return False
            if _TEXT_END_RE.search(later.text) or later is not para and _LETTER_CLOSING_RE.match(later.text):
                return True
        return False
    # A plain paragraph ending the text ("…chỉ đạo./.") after a bullet list.
    if text.rstrip().endswith("./.") and not BULLET_RE.match(text) and stack:
        previous = stack[-1].paragraphs[-1].text
        return bool(BULLET_RE.match(previous))
    return False


def _quote_balance(text: str) -> tuple[int, bool]:
    """(curly opening minus closing marks, whether straight quotes are left unpaired).

    A closing mark opening a paragraph ("”5. Sửa đổi …") is a mistyped opening mark."""
    text = text.lstrip()
    if text.startswith("”"):
        text = "“" + text[1:]
    return text.count("“") - text.count("”"), text.count('"') % 2 == 1


def _quoted(paragraphs: list[Paragraph]) -> set[int]:
    """Indexes of paragraphs that begin inside a quotation opened by an earlier paragraph.

    A quotation opens where a paragraph leaves a quote mark open at its start or after a colon
    ("… quy định:" ⏎ "“Điều 26. …", "quy định: “1. …"), and closes at the paragraph holding a
    closing mark, within ``QUOTE_SPAN_MAX`` paragraphs (else it quotes nothing). The quoting text
    takes over again, a quote left unclosed, at a paragraph that introduces the next quotation
    ("3. Sửa đổi điểm a khoản 2 như sau:" ⏎ "“a) …") and at a section marker ("Điều 2.", "III.").
    """
    inside: set[int] = set()
    open_until = -1
    for index, para in enumerate(paragraphs):
        text = para.text
        curly, straight = _quote_balance(text)
        if index <= open_until:
            following = paragraphs[index + 1].text if index + 1 < len(paragraphs) else ""
            if not _OPENS_QUOTE_RE.match(text) and (
                    _OPENS_QUOTE_RE.match(following) and text.rstrip().endswith(":")
                    or _COLON_QUOTE_RE.search(text) and (curly > 0 or straight)):
                open_until = index - 1  # "… như sau:" of the quoting text, its quote follows
            else:
                inside.add(index)
                if index == open_until or not _OPENS_QUOTE_RE.match(text) or not (curly > 0 or straight):
                    continue
        opener = "“" if curly > 0 else '"' if straight else None
        if opener is None:
            continue
        at = max(text.rfind(opener), 0 if text.lstrip().startswith("”") else -1)
        if text[:at].strip() and not text[:at].rstrip().endswith(":"):
            continue
        for later in range(index + 1, min(index + 1 + QUOTE_SPAN_MAX, len(paragraphs))):
            if (m := parse_marker(paragraphs[later].text)) and m.style in RANKS:
                break  # "Điều 2." of the quoting text: the quote was never closed
            later_curly, later_straight = _quote_balance(paragraphs[later].text)
            if later_curly < 0 or later_straight:  # typed quotes are often mixed: "… ”
                open_until = later
                break
    return inside


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
    elif any(entry.style == style for entry in stack):
        while stack[-1].style != style:
            stack.pop()
        stack.pop()
    return stack[-1] if stack else None


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


# --- appendix task tables ----------------------------------------------------------

def _cut_tables(paragraphs: list[Paragraph], titles: set[int]
                ) -> tuple[list[Paragraph], set[int], dict[int, TaskTable]]:
    """Paragraphs with each task table of an appendix cut out into one placeholder.

    The placeholder's index maps to its ``TaskTable``; a paragraph the joiner ran
    across the table's first or last line keeps its lines outside the table.
    """
    starts = [i for i, p in enumerate(paragraphs)
              if i not in titles and (m := parse_marker(p.text)) is not None and m.style == "appendix"]
    if not starts:
        return paragraphs, titles, {}
    cut: dict[int, tuple[list[Paragraph], TaskTable | None]] = {}
    stops = sorted({*starts, *titles, len(paragraphs)})
    for a in starts:
        end = next(s for s in stops if s > a)
        owners: list[int] = []
        lines = []
        for k in range(a, end):
            for line in paragraphs[k].lines:
                owners.append(k)
                lines.append(line)
        tables = find_task_tables(lines)
        if not tables:
            continue
        pieces: dict[int, list] = {k: [] for k in range(a, end)}
        inside = [None] * len(lines)
        for table in tables:
            for n in range(table.start, table.end):
                inside[n] = table
        for k in range(a, end):
            run: list = []
            current: object = None
            for n, line in enumerate(lines):
                if owners[n] != k:
                    continue
                if inside[n] is not current:
                    if run:
                        pieces[k].append((current, run))
                    run, current = [], inside[n]
                run.append(line)
            if run:
                pieces[k].append((current, run))
        for k, parts in pieces.items():
            cut[k] = parts
    out: list[Paragraph] = []
    new_titles: set[int] = set()
    placed: dict[int, TaskTable] = {}
    done: set[int] = set()
    for k, para in enumerate(paragraphs):
        if k not in cut:
            if k in titles:
                new_titles.add(len(out))
            out.append(para)
            continue
        for table, run in cut[k]:
            if table is None:
                out.append(para if len(run) == len(para.lines) else
                           Paragraph(text=join_wrapped(line.text for line in run), lines=run, page=run[0].page))
            elif id(table) not in done:
                done.add(id(table))
                placed[len(out)] = table
                out.append(Paragraph(text="", lines=run, page=run[0].page))
    return out, new_titles, placed


def _table_nodes(table: TaskTable, para: Paragraph, stack: list[_Open], seen: dict[str, int],
                 children: set[str], numbered: list) -> None:
    """One node per row under the open appendix (or its open item): "Phụ lục.1", "Phụ lục I.II.3"."""
    parent = stack[-1].node.id if stack else None
    ids: dict[str, str] = {}
    for row in table.rows:
        base = ids.get(row.group, parent) if row.group else parent
        node_id = f"{base}.{row.label}" if base else row.label
        if node_id in seen:
            seen[node_id] += 1
            node_id = f"{node_id}#{seen[node_id]}"
        else:
            seen[node_id] = 1
        if row.is_group:
            ids[row.path] = node_id
        if base:
            children.add(base)
        text = row.text or None
        node = Node(id=node_id, parent=base, marker=row.label, kind="item", page=para.page,
                    heading=short_heading(text) if text else None, text=text, task=not row.is_group)
        numbered.append((_Open(node=node, style="table", label=row.label), None))
