"""Appendix task tables: "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian".

Plans often end with a table whose rows are tasks, each with its lead, its
supports and its deadline. The readers give such a table as lines:

- TXT (a clerk's copy): one cell per line, a long cell wrapped over several
  lines; empty cells are simply missing;
- DOCX: one cell per line (``hard_break``), a row's first cell after a blank;
- PDF: whatever the text layer gives (see ``extractors/pdf.py``).

:func:`find_task_tables` finds the header (``table_header.py``: its cells mapped to
roles by their words, a second header row spread under its spanning title), then reads
the rows: a row opens with its number alone on a line ("1", "2.", "I"); a Roman numeral
or capital letter opens a group row ("I | Công tác tuyên truyền", "II. HOÀN THIỆN …")
whose numbered rows follow. Numbering is read as written: rows number on across groups,
restart at 1, repeat after a row left out ("……") or once the row above has all its cells;
Roman groups may skip numbers. The cells of each row are read by ``table_cells.py``.
:func:`table_assignments` turns the rows that became nodes into assignments.
Pure: lines in, plain objects out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from kehoach.extractors.deadlines import Deadline
from kehoach.extractors.markers import (
    GROUP_ROW_RE,
    ROMAN_VALID_RE,
    ROW_MARKER_RE,
    ocr_readings,
    roman_value,
    strip_zeros,
)
from kehoach.extractors.normalize import is_upper_line, join_wrapped
from kehoach.extractors.table_cells import assign_cells, parse_table_deadline, row_cells, split_units
from kehoach.extractors.table_header import column_role, read_header, starts_header
from kehoach.extractors.units import unit_id
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Assignment

# Where a TXT table ends: another appendix, the signature, the recipients.
TABLE_END_RE = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục\s+(?:[IVXLC]+|\d+)\b|Nơi\s+nhận|KT\.|TM\.|Q\.|TL\.|GHI\s+CHÚ\b)",
                          re.IGNORECASE)
# A row left out ("…………", ". . ."): the rows after it keep their own numbers ("2" after "8").
GAP_RE = re.compile(r"^[.…·\s]{3,}$")
MAX_GROUP_SKIP = 6  # Roman group rows may skip numbers ("II" … "VII" with rows left out), this many at most


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row of a task table: its number, the task cell and the cells that assign it."""

    label: str  # "1", "I", "a" as an id component
    group: str | None = None  # path of the group row above ("I", "A.II"), None at the top
    text: str = ""
    leads: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    deadline_text: str | None = None
    is_group: bool = False
    cells: tuple[tuple[str, str], ...] = ()  # (column role, text) in column order, empty cells left out
    start: int = 0  # index of the row's number line in the lines given
    end: int = 0

    @property
    def path(self) -> str:
        """The id below the appendix: "1", "I", "I.1"."""
        return f"{self.group}.{self.label}" if self.group else self.label

    @property
    def deadline(self) -> Deadline | None:
        return parse_table_deadline(self.deadline_text) if self.deadline_text else None


@dataclass(slots=True)
class TaskTable:
    """A task table: the role of each column after the number, and its rows."""

    columns: list[str]  # roles per column: number, task, lead, support, deadline, other
    titles: list[str]  # the column titles as written, one per column
    start: int  # index of the first header line
    end: int  # index after the last line read
    rows: list[TableRow] = field(default_factory=list)
    lines: tuple[Line, ...] = ()  # the lines it was read from, header to last row: later stages find it by them
    warnings: list[str] = field(default_factory=list)  # OCR'd row numbers read as the numbering expects


# --- rows ------------------------------------------------------------------------

@dataclass
class _Numbering:
    """The row numbers read so far: last item, Roman group and letter part, a row left out since."""

    item: int = 0
    group: int = 0
    letter: int = ord("A") - 1
    gap: bool = False


@dataclass(frozen=True, slots=True)
class _Mark:
    """Where a row starts: the line of its number, its label and kind, the title written beside it."""

    index: int
    label: str
    kind: str  # item | group | letter
    title: str = ""


@dataclass
class _RowScan:
    """What the scan of a table's body found: row starts, lines that are no cell, column changes."""

    marks: list[_Mark] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # gap lines and repeated headers
    columns_at: dict[int, list[str]] = field(default_factory=dict)  # line index → columns from there on
    end: int = 0
    warnings: list[str] = field(default_factory=list)


def _kind(label: str, numbering: _Numbering, title: str, row_is_full: Callable[[], bool]) -> str | None:
    """"item" / "group" / "letter" when ``label`` numbers the next row, else None (a number in a cell).

    Numbering as written: items number on across groups ("4" under "II" after "3" under "I") or
    restart at 1; after a row left out, or once the current row has all its cells, any number
    opens a row ("2" again after "8"); Roman groups may skip numbers when their title is upper case."""
    if "." in label:
        return "item"  # "1.1" under group "I": its own chain
    if label.isdigit():
        n = int(label)
        if n in (numbering.item + 1, 1) or numbering.gap:
            return "item"
        return "item" if title[:1].isupper() and row_is_full() else None
    value = roman_value(label)
    if value is not None and value == numbering.group + 1:
        return "group"
    if len(label) == 1 and label.isupper() and ord(label) == numbering.letter + 1:
        return "letter"
    if value is not None and numbering.group + 1 < value <= numbering.group + MAX_GROUP_SKIP \
            and ROMAN_VALID_RE.match(label) and is_upper_line(title):
        return "group"
    return None


def _advance(numbering: _Numbering, label: str, kind: str) -> str:
    """Move the numbering past a row; the label as an id component ("01" → "1")."""
    numbering.gap = False
    if kind == "item":
        if label.isdigit():
            numbering.item = int(label)
        return ".".join(strip_zeros(part) for part in label.split("."))
    if kind == "group":
        numbering.group = roman_value(label) or 0
    else:
        numbering.letter = ord(label)
        numbering.group = 0
    return label


def _is_full(body: Sequence[Line], cells_wanted: int) -> bool:
    """Whether a row's lines so far make all of its cells."""
    return len(row_cells(body)) >= cells_wanted


def _row_start(text: str) -> tuple[str, str] | None:
    """(label, title beside it) when ``text`` may open a row: "3", "II.", "II. HOÀN THIỆN …"."""
    if m := ROW_MARKER_RE.match(text):
        return m.group("label"), ""
    m = GROUP_ROW_RE.match(text)
    if m and (m.group("punct") or is_upper_line(m.group("rest"))):
        return m.group("label"), m.group("rest")
    return None


def _scan_rows(lines: Sequence[Line], texts: Sequence[str], columns: list[str], start: int) -> _RowScan:
    scan = _RowScan(end=len(texts))
    numbering = _Numbering()
    hard = [line.hard_break for line in lines]
    cells_wanted = sum(1 for c in columns if c != "number")
    j = start
    while j < len(texts):
        text = texts[j]
        if j > start and (TABLE_END_RE.match(text) or column_role(text) == "number"):
            scan.end = j
            break
        if GAP_RE.match(text):
            numbering.gap = True
            scan.skipped.add(j)
            j += 1
            continue
        if starts_header(texts, j) and (header := read_header(texts, j, hard)) is not None:
            scan.columns_at[j] = columns = header.columns  # a sub-table's own ("Nội dung | Đơn vị thực hiện …")
            cells_wanted = sum(1 for c in columns if c != "number")
            scan.skipped.update(range(j, header.end))
            j = header.end
            continue
        mark = _row_at(lines, texts, j, start, scan, numbering, cells_wanted)
        if mark is not None:
            scan.marks.append(mark)
        j += 1
    return scan


def _row_at(lines: Sequence[Line], texts: Sequence[str], j: int, start: int, scan: _RowScan, numbering: _Numbering,
            cells_wanted: int) -> _Mark | None:
    """The row that line ``j`` opens, or None. An OCR'd row number that breaks the numbering is
    read as the number a usual OCR confusion explains ("l." for "I.", "II" where "III" is due)."""
    if lines[j].hard_break and not lines[j].blank_before and j > start:
        return None  # a cell of the row, not its first
    previous = scan.marks[-1].index if scan.marks else start - 1
    is_full = partial(_is_full, [lines[n] for n in range(previous + 1, j) if n not in scan.skipped], cells_wanted)
    literal = _row_start(texts[j])
    readings = [texts[j]]
    if lines[j].ocr and not _group_goes_on(texts, j, literal):
        readings += ocr_readings(texts[j], alone=True)
    for k, text in enumerate(readings):
        if (start_of_row := _row_start(text)) is None:
            continue
        label, title = start_of_row
        kind = _kind(label, numbering, title or (texts[j + 1] if j + 1 < len(texts) else ""), is_full)
        if kind is None and j == start and label.isdigit():
            kind = "item"  # the line under the header is the first row, whatever its number
        if kind is not None:
            if k > 0:
                scan.warnings.append(f"OCR'd row number \"{texts[j].split()[0]}\" read as \"{label}\", the row the "
                                     "numbering expects")
            return _Mark(j, _advance(numbering, label, kind), kind, title)
    return None


def _group_goes_on(texts: Sequence[str], j: int, literal: tuple[str, str] | None) -> bool:
    """Whether the next Roman group row after line ``j`` continues the literal one ("II" then "III"):
    the literal was written so, a repeat kept as written."""
    value = roman_value(literal[0]) if literal else None
    if not value:
        return False
    later = next((r for t in texts[j + 1:] if (r := _row_start(t)) and roman_value(r[0])), None)
    return later is not None and roman_value(later[0]) == value + 1


def _read_rows(lines: Sequence[Line], texts: Sequence[str], columns: list[str], start: int
               ) -> tuple[list[TableRow], _RowScan]:
    scan = _scan_rows(lines, texts, columns, start)
    rows: list[TableRow] = []
    part: str | None = None
    group: str | None = None
    for k, mark in enumerate(scan.marks):
        row_end = scan.marks[k + 1].index if k + 1 < len(scan.marks) else scan.end
        columns = next((c for at, c in sorted(scan.columns_at.items(), reverse=True) if at < mark.index), columns)
        body = [n for n in range(mark.index + 1, row_end) if n not in scan.skipped]
        if mark.kind in ("group", "letter"):
            text = join_wrapped(t for t in [mark.title, *(texts[n] for n in body)] if t)
            parent = None if mark.kind == "letter" else part
            if mark.kind == "letter":
                part, group = mark.label, None
            else:
                group = f"{part}.{mark.label}" if part else mark.label
            rows.append(TableRow(label=mark.label, group=parent, text=text, is_group=True, start=mark.index,
                                 end=row_end))
            continue
        cells = assign_cells(columns, row_cells([lines[n] for n in body]))
        by_role: dict[str, str] = {}
        for role, cell in cells:
            if role != "other":
                by_role.setdefault(role, cell)
        rows.append(TableRow(
            label=mark.label, group=group, text=by_role.get("task", ""), cells=tuple(cells),
            leads=tuple(split_units(by_role["lead"])) if "lead" in by_role else (),
            supports=tuple(split_units(by_role["support"])) if "support" in by_role else (),
            deadline_text=" ".join(by_role["deadline"].split()) if "deadline" in by_role else None,
            start=mark.index, end=row_end))
    return rows, scan


def find_task_tables(lines: Sequence[Line]) -> list[TaskTable]:
    """Every task table in ``lines`` (a header with task and lead columns and a
    phối hợp or time column, then numbered rows), in order.

    Args:
        lines: the lines of an appendix (or a whole document), one cell per line.
    Returns:
        ``TaskTable`` objects with line indexes into ``lines``; a table of figures,
        a "Nơi nhận" list or a procedure list gives none.
    """
    texts = [" ".join(line.text.split()) for line in lines]
    hard = [line.hard_break for line in lines]
    tables: list[TaskTable] = []
    i = 0
    while i < len(texts):
        header = read_header(texts, i, hard) if starts_header(texts, i) else None
        if header is None:
            i += 1
            continue
        rows, scan = _read_rows(lines, texts, header.columns, header.end)
        if not any(not r.is_group for r in rows):
            i += 1
            continue
        tables.append(TaskTable(columns=header.columns, titles=header.titles, start=i, end=scan.end, rows=rows,
                                lines=tuple(lines[i:scan.end]), warnings=scan.warnings))
        i = max(scan.end, i + 1)
    return tables


# --- assignments ------------------------------------------------------------------

def table_assignments(rows: Mapping[str, TableRow]) -> list[Assignment]:
    """Lead / support assignments of the table rows that became nodes.

    Args:
        rows: node id ("Phụ lục.1", "Phụ lục I.II.3") → the row the structure stage made it from.
    """
    return [a for node_id, row in rows.items() if not row.is_group for a in _row_assignments(node_id, row)]


def _row_assignments(node_id: str, row: TableRow) -> list[Assignment]:
    deadline = row.deadline
    out: list[Assignment] = []
    seen: set[tuple[str, str]] = set()
    for units, role in ((row.leads, "lead"), (row.supports, "support")):
        for unit in units:
            key = (unit_id(unit), role)
            if not key[0] or key in seen:
                continue
            seen.add(key)
            out.append(Assignment(node=node_id, unit=unit, unit_id=key[0], role=role,
                                  deadline=deadline.date if deadline else None,
                                  deadline_text=row.deadline_text))
    return out
