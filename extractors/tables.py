"""Appendix tables: task tables ("TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian") and
numbered tables that assign no work (lists, figures, scores, procedures: "STT | Xã, phường | Chiều dài (km)").

Plans often end with a table whose rows are tasks, each with its lead, its
supports and its deadline; decisions often carry a list whose numbered rows are
the appendix's items. The readers give such a table as lines:

- TXT (a clerk's copy): one cell per line, a long cell wrapped over several
  lines; empty cells are simply missing;
- DOCX: one cell per line (``hard_break``), a row's first cell after a blank;
- PDF: whatever the text layer gives (see ``extractors/pdf.py``).

:func:`find_tables` finds the header (``table_header.py``: its cells mapped to
roles by their words, a second header row spread under its spanning title; a data table's
number column and the titles after it), then reads
the rows: a row opens with its number alone on a line ("1", "2.", "I"); a Roman numeral
or capital letter opens a group row ("I | Công tác tuyên truyền", "II. HOÀN THIỆN …")
whose numbered rows follow. Numbering is read as written: rows number on across groups,
restart at 1, repeat after a row left out ("……") or once the row above has all its cells;
Roman groups may skip numbers. A data table's cells hold figures and grades, so its numbers must
run in sequence and its end is read from the text around it (``table_data.py``); its rows hold
every cell. The cells of each row are read by ``table_cells.py``.
:func:`table_assignments` turns the rows that became nodes into assignments.
Pure: lines in, plain objects out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from kehoach.extractors.deadlines import Deadline
from kehoach.extractors.markers import (
    GROUP_ROW_RE,
    LETTERS,
    ROMAN_VALID_RE,
    ROW_MARKER_RE,
    next_label,
    ocr_readings,
    roman_value,
    strip_zeros,
)
from kehoach.extractors.normalize import is_upper_line, join_wrapped
from kehoach.extractors.table_cells import assign_cells, parse_table_deadline, row_cells, split_units
from kehoach.extractors.table_data import (
    GROUP_TITLE_MAX_LINES,
    ends_data_table,
    heads_next_table,
    is_section_line,
)
from kehoach.extractors.table_header import column_role, read_data_header, read_header, starts_header
from kehoach.extractors.units import unit_id
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Assignment

# Where a TXT table ends: another appendix, the signature, the recipients.
TABLE_END_RE = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục\s+(?:[IVXLC]+|\d+)\b|Nơi\s+nhận|KT\.|TM\.|Q\.|TL\.|GHI\s+CHÚ\b)",
                          re.IGNORECASE)
# A row left out ("…………", ". . ."): the rows after it keep their own numbers ("2" after "8").
GAP_RE = re.compile(r"^[.…·\s]{3,}$")
MAX_GROUP_SKIP = 6  # Roman group rows may skip numbers ("II" … "VII" with rows left out), this many at most
MIN_NAME_LETTERS = 3  # a data row's naming cell has words, not only a code or a figure
MAX_ROW_SKIP = 12  # an excerpt of a list leaves rows out, this many at most between two it keeps
BLANK_CELL_RE = re.compile(r"[\s.…·_-]*")  # a form's cell left to fill in
_ROW_NUMBER_RE = re.compile(r"(\d{1,3})\.?")
_FIGURE_RE = re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?|-?\d+,\d+")  # "3.942.800", "103,3": never a row number
LOOKAHEAD_LINES = 60  # lines searched for the next row number of a table


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
    data: bool = False  # a row of a table that assigns no work (its text: every cell)
    name: str = ""  # the cell that names a data row ("Xã Hạ Hòa", a procedure's name)
    step: bool = False  # a procedure table's step ("Bước 1"): its performer's cell is its lead, and the bodies its
    # content sends files to are recipients, so the unit stage does not read its text

    @property
    def is_task(self) -> bool:
        """A row of work to do: a task table's numbered row, not a group row nor a data row."""
        return not self.is_group and not self.data

    @property
    def heading_text(self) -> str:
        return self.name or self.text

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
    data: bool = False  # numbered rows that assign no work (``table_header.read_data_header``)


# --- rows ------------------------------------------------------------------------

@dataclass
class _Numbering:
    """The row numbers read so far: last item, Roman group and letter part, a row left out since."""

    item: int = 0
    group: int = 0
    letter: int = ord("A") - 1
    gap: bool = False
    strict: bool = False  # a table that assigns no work, whose cells hold figures and Roman grades ("Cấp đê | IV"):
    # its numbers run in sequence, and a Roman numeral alone opens a group only before a title in capitals
    under_group: bool = False  # the last row read is a group (or part) row: its items may restart at 1
    row: str = ""  # the label of the last numbered row ("1.2"): lower-case letter rows ("a", "b") nest under it
    sub: str = ""  # the last lower-case letter row under it


@dataclass(frozen=True, slots=True)
class _Mark:
    """Where a row starts: the line of its number, its label and kind, the title written beside it."""

    index: int
    label: str
    kind: str  # item | group | letter | sub (a lower-case letter row under the last item: "1.2.a")
    title: str = ""


@dataclass
class _RowScan:
    """What the scan of a table's body found: row starts, lines that are no cell, column changes."""

    marks: list[_Mark] = field(default_factory=list)
    skipped: set[int] = field(default_factory=set)  # gap lines and repeated headers
    columns_at: dict[int, list[str]] = field(default_factory=dict)  # line index → columns from there on
    end: int = 0
    warnings: list[str] = field(default_factory=list)


def _kind(label: str, numbering: _Numbering, title: str, row_is_full: Callable[[], bool], *, inline: bool = False,
          first_row_follows: Callable[[], bool] = lambda: False, numbered_on: Callable[[], bool] = lambda: False
          ) -> str | None:
    """"item" / "group" / "letter" when ``label`` numbers the next row, else None (a number in a cell).

    Roman groups may skip numbers when their title is upper case. ``inline``: the title is written on the
    numeral's line ("I. Lĩnh vực Lao động"); ``first_row_follows``: a row numbered 1 comes right under the
    title ("III" ⏎ "Lĩnh vực Người có công:" ⏎ "30 TTHC" ⏎ "1"); ``numbered_on``: the next number alone in
    the table continues this one ("128" … "129")."""
    if "." in label:
        return "item"  # "1.1" under group "I": its own chain
    if label.isdigit():
        n = int(label)
        if numbering.strict:
            return "item" if _strict_item(n, numbering, row_is_full, numbered_on) else None
        return "item" if _loose_item(n, numbering, title, row_is_full) else None
    value = roman_value(label)
    titled = (inline or _group_title(title) or first_row_follows() or _next_group(value, numbering, title)) \
        if numbering.strict else is_upper_line(title)
    if value is not None and value == numbering.group + 1 and (titled or not numbering.strict):
        return "group"
    if len(label) == 1 and label.isupper() and ord(label) == numbering.letter + 1:
        return "letter"
    if label in LETTERS and numbering.row and title[:1].isupper() \
            and label == (next_label("letter", numbering.sub) if numbering.sub else "a"):
        return "sub"  # "1.2" ⏎ "a" ⏎ "Chi đầu tư XDCB": the row's own lettered rows
    if value is not None and numbering.group + 1 < value <= numbering.group + MAX_GROUP_SKIP \
            and ROMAN_VALID_RE.match(label) and titled:
        return "group"
    return None


def _strict_item(n: int, numbering: _Numbering, row_is_full: Callable[[], bool], numbered_on: Callable[[], bool]
                 ) -> bool:
    """Whether ``n`` numbers the next row of a table that assigns no work, whose cells hold figures too ("99",
    "1", "100" %). Its rows number on; they restart at 1 only under a new group; an excerpt starts anywhere and
    leaves rows out ("128", "130", "132"), the next number continuing the one kept."""
    if n == numbering.item + 1 or numbering.gap:
        return True
    if n == 1:
        return numbering.under_group or numbering.item == 0
    if numbering.item == 0:
        return numbered_on()
    return numbering.item < n <= numbering.item + MAX_ROW_SKIP and row_is_full() and numbered_on()


def _loose_item(n: int, numbering: _Numbering, title: str, row_is_full: Callable[[], bool]) -> bool:
    """Numbering as written in a task table: items number on across groups ("4" under "II" after "3" under
    "I") or restart at 1; after a row left out, or once the current row has all its cells, any number opens a
    row ("2" again after "8")."""
    return n in (numbering.item + 1, 1) or numbering.gap or title[:1].isupper() and row_is_full()


def _next_group(value: int | None, numbering: _Numbering, title: str) -> bool:
    """Whether a Roman numeral continues the table's run of groups with a title in words ("V" … "VI" ⏎ "Thu xổ số
    kiến thiết"): a grade in a cell ("IV") never follows a group row of its own table."""
    return bool(value and numbering.group and value == numbering.group + 1 and title[:1].isupper()
                and sum(ch.isalpha() for ch in title) >= MIN_NAME_LETTERS and column_role(title) != "number")


def _group_title(title: str) -> bool:
    """A group row's title: words in capitals ("NHÓM XÃ, PHƯỜNG"), not a code ("K66+600- K70+000") nor the
    header repeated after a page break ("STT")."""
    return is_upper_line(title) and sum(ch.isalpha() for ch in title) >= MIN_NAME_LETTERS \
        and column_role(title) != "number"


def _advance(numbering: _Numbering, label: str, kind: str) -> str:
    """Move the numbering past a row; the label as an id component ("01" → "1")."""
    numbering.gap = False
    numbering.under_group = kind not in ("item", "sub")
    if kind == "item":
        if label.isdigit():
            numbering.item = int(label)
        numbering.row, numbering.sub = ".".join(strip_zeros(part) for part in label.split(".")), ""
        return numbering.row
    if kind == "sub":
        numbering.sub = label
        return f"{numbering.row}.{label}"
    numbering.row = numbering.sub = ""
    if kind == "group":
        numbering.group = roman_value(label) or 0
    else:
        numbering.letter = ord(label)
        numbering.group = 0
    return label


def _is_full(lines: Sequence[Line], body: range, skipped: Collection[int], cells_wanted: int) -> bool:
    """Whether a row's lines so far (the lines at ``body`` less the ``skipped`` ones) make all of its cells."""
    return len(row_cells([lines[n] for n in body if n not in skipped])) >= cells_wanted


def _row_start(text: str) -> tuple[str, str] | None:
    """(label, title beside it) when ``text`` may open a row: "3", "II.", "II. HOÀN THIỆN …"."""
    if m := ROW_MARKER_RE.match(text):
        return m.group("label"), ""
    m = GROUP_ROW_RE.match(text)
    if m and (m.group("punct") or is_upper_line(m.group("rest"))):
        return m.group("label"), m.group("rest")
    return None


def _scan_rows(lines: Sequence[Line], texts: Sequence[str], columns: list[str], start: int, *, data: bool = False
               ) -> _RowScan:
    scan = _RowScan(end=len(texts))
    numbering = _Numbering(strict=data)
    hard = [line.hard_break for line in lines]
    cells_wanted = sum(1 for c in columns if c != "number")
    j = start
    while j < len(texts):
        text = texts[j]
        if j > start and (TABLE_END_RE.match(text) or column_role(text) == "number"
                          or data and ends_data_table(lines, texts, j)):
            scan.end = j
            break
        if GAP_RE.match(text):
            numbering.gap = True
            scan.skipped.add(j)
            j += 1
            continue
        if not data and starts_header(texts, j) and (header := read_header(texts, j, hard)) is not None:
            scan.columns_at[j] = columns = header.columns  # a sub-table's own ("Nội dung | Đơn vị thực hiện …")
            cells_wanted = sum(1 for c in columns if c != "number")
            scan.skipped.update(range(j, header.end))
            j = header.end
            continue
        mark = _row_at(lines, texts, j, start, scan, numbering, cells_wanted)
        if data and j > start and (mark is None and is_section_line(text)
                                   or mark is not None and mark.kind != "item" and heads_next_table(texts, j)):
            scan.end = j
            break
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
    # the row's lines so far are gathered only when a numbering rule asks whether they fill the row
    is_full = partial(_is_full, lines, range(previous + 1, j), scan.skipped, cells_wanted)
    literal = _row_start(texts[j])
    readings = [texts[j]]
    if lines[j].ocr and not _group_goes_on(texts, j, literal):
        readings += ocr_readings(texts[j], alone=True)
    for k, text in enumerate(readings):
        if (start_of_row := _row_start(text)) is None:
            continue
        label, title = start_of_row
        kind = _kind(label, numbering, title or (texts[j + 1] if j + 1 < len(texts) else ""), is_full,
                     inline=bool(title), first_row_follows=partial(_first_row_follows, texts, j, numbering),
                     numbered_on=partial(_numbered_on, texts, j, label))
        if kind is None and j == start and label.isdigit():
            kind = "item"  # the line under the header is the first row, whatever its number
        if kind is not None:
            if k > 0:
                scan.warnings.append(f"OCR'd row number \"{texts[j].split()[0]}\" read as \"{label}\", the row the "
                                     "numbering expects")
            return _Mark(j, _advance(numbering, label, kind), kind, title)
    return None


def _first_row_follows(texts: Sequence[str], j: int, numbering: _Numbering) -> bool:
    """Whether a group's first row stands within its title's reach under line ``j``: numbered 1, or, before
    any row of the table, numbered as the excerpt it is numbers it ("128"). The group row's own figures
    ("3.942.800", "103,3") stand between them."""
    cells = [t for t in texts[j + 2:j + 2 + GROUP_TITLE_MAX_LINES + LOOKAHEAD_LINES] if not _FIGURE_RE.fullmatch(t)]
    return any((m := _ROW_NUMBER_RE.fullmatch(t)) and (int(m.group(1)) == 1 or numbering.item == 0)
               for t in cells[:GROUP_TITLE_MAX_LINES])


def _numbered_on(texts: Sequence[str], j: int, label: str) -> bool:
    """Whether the table numbers on after line ``j`` from ``label``: the next number alone on its line, a figure
    too large for a row's ("900") passed over, continues it ("128" then "129"), or a Roman group row comes first
    ("4" ⏎ "6" ⏎ … ⏎ "V": the group's last row)."""
    if not label.isdigit():
        return False
    n = int(label)
    for text in texts[j + 1:j + 1 + LOOKAHEAD_LINES]:
        if (m := _ROW_NUMBER_RE.fullmatch(text)) and int(m.group(1)) <= n + MAX_ROW_SKIP:
            return int(m.group(1)) == n + 1
        if (start := _row_start(text)) and roman_value(start[0]) and ROMAN_VALID_RE.match(start[0]):
            return True
    return False


def _group_goes_on(texts: Sequence[str], j: int, literal: tuple[str, str] | None) -> bool:
    """Whether the next Roman group row after line ``j`` continues the literal one ("II" then "III"):
    the literal was written so, a repeat kept as written."""
    value = roman_value(literal[0]) if literal else None
    if not value:
        return False
    later = next((r for t in texts[j + 1:] if (r := _row_start(t)) and roman_value(r[0])), None)
    return later is not None and roman_value(later[0]) == value + 1


def _read_rows(lines: Sequence[Line], texts: Sequence[str], columns: list[str], start: int, *, data: bool = False
               ) -> tuple[list[TableRow], _RowScan]:
    scan = _scan_rows(lines, texts, columns, start, data=data)
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
                part, group = mark.label, mark.label  # rows right under a part: "A.1"
            else:
                group = f"{part}.{mark.label}" if part else mark.label
            rows.append(TableRow(label=mark.label, group=parent, text=text, is_group=True, start=mark.index,
                                 end=row_end))
            continue
        if data:
            cells = [c for c in row_cells([lines[n] for n in body]) if not BLANK_CELL_RE.fullmatch(c)]
            if cells:  # a form's blank rows ("1 | …… | ……") are no items
                rows.append(_data_row(mark, group, cells, row_end))
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


def _data_row(mark: _Mark, group: str | None, cells: list[str], end: int) -> TableRow:
    """A row of a table that assigns no work: its text is every cell (a legal basis cell cites), its name the
    first cell in words (not a code such as "1.014390")."""
    name = next((c for c in cells if sum(ch.isalpha() for ch in c) >= MIN_NAME_LETTERS), "")
    return TableRow(label=mark.label, group=group, text="\n".join(cells), cells=tuple(("other", c) for c in cells),
                    start=mark.index, end=end, data=True, name=name)


def find_tables(lines: Sequence[Line]) -> list[TaskTable]:
    """Every numbered table in ``lines``, in order: task tables (a header with task and lead columns and a
    phối hợp or time column) and tables that assign no work (a number column and two more: lists, figures,
    scores, procedures; ``data``), each with its numbered rows.

    Args:
        lines: the lines of an appendix (or a whole document), one cell per line.
    Returns:
        ``TaskTable`` objects with line indexes into ``lines``; a "Nơi nhận" list or a
        numbered list in running text gives none.
    """
    texts = [" ".join(line.text.split()) for line in lines]
    hard = [line.hard_break for line in lines]
    tables: list[TaskTable] = []
    i = 0
    while i < len(texts):
        header = (read_header(texts, i, hard) or read_data_header(texts, i, hard)) if starts_header(texts, i) else None
        if header is None:
            i += 1
            continue
        rows, scan = _read_rows(lines, texts, header.columns, header.end, data=header.data)
        if not any(not r.is_group for r in rows):
            i += 1
            continue
        tables.append(TaskTable(columns=header.columns, titles=header.titles, start=i, end=scan.end, rows=rows,
                                lines=tuple(lines[i:scan.end]), warnings=scan.warnings, data=header.data))
        i = max(scan.end, i + 1)
    return tables


def find_task_tables(lines: Sequence[Line]) -> list[TaskTable]:
    """The task tables of :func:`find_tables`: a table of figures, a procedure list gives none."""
    return [table for table in find_tables(lines) if not table.data]


# --- assignments ------------------------------------------------------------------

def table_assignments(rows: Mapping[str, TableRow]) -> list[Assignment]:
    """Lead / support assignments of the table rows that became nodes.

    Args:
        rows: node id ("Phụ lục.1", "Phụ lục I.II.3") → the row the structure stage made it from.
    """
    return [a for node_id, row in rows.items() if row.is_task for a in _row_assignments(node_id, row)]


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
