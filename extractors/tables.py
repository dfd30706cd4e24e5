"""Appendix task tables: "TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian".

Plans often end with a table whose rows are tasks, each with its lead, its
supports and its deadline. The readers give such a table as lines:

- TXT (a clerk's copy): one cell per line, a long cell wrapped over several
  lines; empty cells are simply missing;
- DOCX: one cell per line (``hard_break``), a row's first cell after a blank;
- PDF: whatever the text layer gives (see ``extractors/pdf.py``).

:func:`find_task_tables` finds the header (its cells mapped to roles by their
words), then reads the rows: a row opens with its number alone on a line ("1",
"2.", "I"); a Roman numeral or capital letter opens a group row ("I | Công tác
tuyên truyền") whose numbered rows follow. :func:`table_assignments` turns the
rows of tables whose row nodes the structure stage built into assignments.
Pure: lines in, plain objects out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from kehoach.extractors.deadlines import Deadline, parse_deadline
from kehoach.extractors.markers import ROW_MARKER_RE, roman_value
from kehoach.extractors.normalize import join_wrapped
from kehoach.extractors.units import clean_unit, find_units, unit_id
from kehoach.schemas.layout import Line
from kehoach.schemas.models import Assignment

WRAP_MIN_CHARS = 60  # a TXT line at least this long that does not end a sentence wrapped into the next
HEADER_CELL_MAX_CHARS = 60  # a header cell longer than this is text, not a column title
HEADER_MAX_LINES = 24

# Column titles → roles. Order matters: "Cơ quan chủ trì thực hiện" is lead, "Nội dung thực hiện" task.
NUMBER_COLUMN_RE = re.compile(r"^(?:S\.?\s?TT|TT|Số\s+(?:TT|thứ\s+tự))\.?$", re.IGNORECASE)
LEAD_COLUMN_RE = re.compile(r"chủ\s+trì|(?:cơ\s+quan|đơn\s+vị|bộ\s+phận)\s+(?:thực\s+hiện|chịu\s+trách\s+nhiệm)"
                            r"|trách\s+nhiệm\s+thực\s+hiện|phân\s+công", re.IGNORECASE)
SUPPORT_COLUMN_RE = re.compile(r"phối\s+hợp", re.IGNORECASE)
DEADLINE_COLUMN_RE = re.compile(r"^(?:\(?\s*)(?:thời\s+gian|thời\s+hạn|tiến\s+độ|thời\s+điểm|mốc\s+thời\s+gian)"
                                r"(?!.*giải\s+quyết)", re.IGNORECASE)
TASK_COLUMN_RE = re.compile(r"nhiệm\s+vụ|nội\s+dung|công\s+việc|hoạt\s+động|giải\s+pháp|chương\s+trình|đề\s+án",
                            re.IGNORECASE)
# "Văn bản giao nhiệm vụ", "Kết quả thực hiện", "Sản phẩm": not the task, whatever words follow.
OTHER_COLUMN_RE = re.compile(r"^\(?\s*(?:văn\s+bản|căn\s+cứ|kết\s+quả|sản\s+phẩm|ghi\s+chú|kinh\s+phí|nguồn|dự\s+toán"
                             r"|tình\s+hình|chỉ\s+tiêu|đơn\s+vị\s+tính)", re.IGNORECASE)
# (1) (2) (3): the column-number row under a header.
_COLUMN_NUMBERS_RE = re.compile(r"^(?:\(\s*\d{1,2}\s*\)\s*)+$|^\d{1,2}$")

# Where a TXT table ends: another appendix, the signature, the recipients.
TABLE_END_RE = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục\s+(?:[IVXLC]+|\d+)\b|Nơi\s+nhận|KT\.|TM\.|Q\.|TL\.|GHI\s+CHÚ\b)",
                          re.IGNORECASE)
# A cell that is a time: "Quý IV/2025", "Thường xuyên", "31/12/2025", "Tháng 11/2025", "Năm 2026".
TIME_CELL_RE = re.compile(
    r"^(?:(?:trước|trong|đến|từ|hoàn\s+thành|dự\s+kiến|chậm\s+nhất)\b.*)?"
    r"(?:quý\b|tháng\b|năm\b|ngày\b|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4}|(?:19|20)\d{2}\b|"
    r"thường\s+xuyên|hằng\s+|hàng\s+|định\s+kỳ|liên\s+tục|giai\s+đoạn)",
    re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.;:!?]$|\.\)$")
_OPEN_END_RE = re.compile(r"(?:\b(?:ngày|tháng|năm|và|của|các|số|tại|theo|với|trước|đến|từ)|[,(/&-])$", re.IGNORECASE)
_RANGE_SPLIT_RE = re.compile(r"\s*(?:[-–—]|\bđến\b)\s*")
_UNIT_SPLIT_RE = re.compile(r"\s*;\s*|\s*\n\s*")
_LIST_JOIN_RE = re.compile(r"(?:[,;]|\bvà)\s*$")
_TRAIL_RE = re.compile(r"[\s,;.]+$")


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
    start: int  # index of the first header line
    end: int  # index after the last line read
    rows: list[TableRow] = field(default_factory=list)
    lines: tuple[Line, ...] = ()  # the lines it was read from, header to last row: later stages find it by them


# --- cells -----------------------------------------------------------------------

def column_role(title: str) -> str:
    """A header cell's role: number, lead, support, deadline, task or other."""
    title = " ".join(title.split())
    if NUMBER_COLUMN_RE.match(title):
        return "number"
    if OTHER_COLUMN_RE.match(title):
        return "other"
    if SUPPORT_COLUMN_RE.search(title) and not re.search(r"chủ\s+trì", title, re.IGNORECASE):
        return "support"
    if LEAD_COLUMN_RE.search(title):
        return "lead"
    if DEADLINE_COLUMN_RE.match(title):
        return "deadline"
    if TASK_COLUMN_RE.search(title):
        return "task"
    return "other"


def split_units(cell: str) -> list[str]:
    """The units a lead / support cell lists, as written.

    Splits at ";" and where ``units.find_units`` sees a new body after a comma or
    "và"; a fixed collective ("Các phòng, ban liên quan") stays whole, a piece no
    unit pattern knows ("Doanh nghiệp, nhà đầu tư") is kept as one unit.
    """
    out: list[str] = []
    for piece in _UNIT_SPLIT_RE.split(cell):
        piece = " ".join(piece.split())
        if not piece:
            continue
        cuts = [0]
        previous_end = None
        for span in find_units(piece):
            # A new body after a list separator, or straight after the previous one: cells
            # often lose their commas ("Sở Khoa học và Công nghệ Sở Công Thương").
            if span.start > 0 and (_LIST_JOIN_RE.search(piece[:span.start])
                                   or (previous_end is not None and not piece[previous_end:span.start].strip())):
                cuts.append(span.start)
            previous_end = span.end
        cuts.append(len(piece))
        for a, b in pairwise(cuts):
            name = clean_unit(re.sub(r"^(?:và\s+)", "", _TRAIL_RE.sub("", piece[a:b]).strip()))
            name = re.sub(r"\s+và$", "", name)
            if name and not re.fullmatch(r"[-–—x/.]+|không", name, re.IGNORECASE):
                out.append(name)
    return out


def parse_table_deadline(cell: str) -> Deadline | None:
    """A time cell → ``Deadline``: the whole cell as text, the date of the period's end.

    "Năm 2025 - 2026" and "Quý IV/2025- Quý II/2026" end with their last period.
    """
    text = " ".join(cell.split())
    found = parse_deadline(text)
    parts = _RANGE_SPLIT_RE.split(text)
    if found is None:
        last = parse_deadline(parts[-1]) if len(parts) > 1 else None  # "2026 - 2030"
        return Deadline(text, last.date) if last is not None else None
    if len(parts) > 1:
        last = parse_deadline(parts[-1])
        if last is not None and last.date is not None and (found.date is None or last.date > found.date):
            return Deadline(found.text, last.date)
    return found


def _is_time(cell: str) -> bool:
    return bool(TIME_CELL_RE.match(cell.strip())) and len(cell) <= 120


def _is_units(cell: str) -> bool:
    spans = find_units(cell)
    return bool(spans) and spans[0].start <= 4 and not _is_time(cell)


# --- header ----------------------------------------------------------------------

def _read_header(texts: Sequence[str], i: int, hard: Sequence[bool]) -> tuple[list[str], int] | None:
    """Column roles of a header starting at ``i`` and the index after it, or None."""
    titles: list[str] = []
    j = i
    while j < len(texts) and j - i < HEADER_MAX_LINES:
        text = texts[j]
        if not text or j > i and ROW_MARKER_RE.match(text):
            break
        if _COLUMN_NUMBERS_RE.match(text) and titles and j > i:
            j += 1
            continue
        if len(text) > HEADER_CELL_MAX_CHARS:
            break
        if titles and not hard[j] and (text[:1].islower() or titles[-1].endswith((",", "/", "("))):
            titles[-1] += " " + text  # "Thời hạn hoàn" ⏎ "thành"
        else:
            titles.append(text)
        j += 1
    roles: list[str] = []
    for title in titles:
        role = column_role(title)
        roles.append("other" if role in roles and role != "other" else role)  # "Thời hạn … Tiến độ"
    if "lead" not in roles or "task" not in roles or not ({"support", "deadline"} & set(roles)):
        return None
    # Trailing lines that are not column titles belong to the first row ("TT | … | I …").
    while roles and roles[-1] == "other" and len(titles[-1]) > 30:
        roles.pop()
        titles.pop()
    return roles, j


# --- rows ------------------------------------------------------------------------

def _row_kind(label: str, state: dict) -> str | None:
    """"item" / "group" when ``label`` is the next row number, else None (a cell that is a number)."""
    if "." in label:
        return "item"  # "1.1" under group "I": its own chain
    if label.isdigit():
        n = int(label)
        return "item" if n == state["item"] + 1 or (n == 1 and state["item"] != 0) else None
    value = roman_value(label)
    if value is not None and value == state["group"] + 1:
        return "group"
    if len(label) == 1 and label.isupper() and ord(label) == state["letter"] + 1:
        return "letter"
    if len(label) == 1 and label.islower():
        return "sub"
    return None


def _cells(lines: Sequence[Line]) -> list[str]:
    """A row's lines → cells: one per DOCX line; TXT wrapped cells joined back."""
    cells: list[list[str]] = []
    for k, line in enumerate(lines):
        text = line.text.strip()
        if not text:
            continue
        if not cells:
            cells.append([text])
            continue
        prev = cells[-1][-1]
        joins = False
        if not line.hard_break:
            if text[:1].islower() or _OPEN_END_RE.search(prev):
                joins = True  # "Trước ngày" ⏎ "15/12/2025"
            elif _is_units(cells[-1][0]) and _is_units(text):
                joins = bool(_LIST_JOIN_RE.search(prev))  # "…, Sở Khoa học và" ⏎ "Công nghệ, Sở Công Thương"
            elif len(prev) >= WRAP_MIN_CHARS and not _SENTENCE_END_RE.search(prev) and not _is_time(text):
                joins = True
            elif len(cells) == 1 and len(cells[0]) == 1 and not _SENTENCE_END_RE.search(prev) \
                    and not _is_units(text) and not _is_time(text) and len(prev) < WRAP_MIN_CHARS \
                    and k + 1 < len(lines) and len(line.text) >= WRAP_MIN_CHARS:
                # The first line of a wrapped task cell ends early in a clerk's copy:
                # "Phối hợp rà soát, sửa đổi Luật" ⏎ "Quy hoạch và xây dựng …" (a full line).
                joins = True
        if joins:
            cells[-1].append(text)
        else:
            cells.append([text])
    return [join_wrapped(cell) for cell in cells]


def _assign(columns: list[str], cells: list[str]) -> dict[str, str]:
    """Cells → roles. All cells present: by position; some missing: by what each cell holds."""
    roles = [c for c in columns if c != "number"]
    out: dict[str, str] = {}
    if not cells:
        return out
    task_at = roles.index("task") if "task" in roles else 0
    if len(cells) == len(roles):
        for role, cell in zip(roles, cells):
            if role != "other" and role not in out:
                out[role] = cell
        if "deadline" in out and not _is_time(out["deadline"]) and len(out["deadline"]) > 60:
            del out["deadline"]
        return out
    # Cells before the task column are rare ("Văn bản giao"); take the task cell by position.
    k = min(task_at, len(cells) - 1)
    after = roles[task_at + 1:]
    # A task cell broken at a short line: its pieces come before the first unit or time cell,
    # beyond the "other" columns ("Văn bản giao") that sit between the task and the lead.
    between = next((n for n, r in enumerate(after) if r in ("lead", "support", "deadline")), 0)
    first = next((n for n in range(k + 1, len(cells)) if _is_units(cells[n]) or _is_time(cells[n])), len(cells))
    extra = max(0, first - (k + 1) - between)
    out["task"] = join_wrapped(cells[k:k + 1 + extra])
    rest = cells[k + 1 + extra:]
    unit_roles = [r for r in after if r in ("lead", "support")]
    for cell in rest:
        if "deadline" in after and "deadline" not in out and _is_time(cell):
            out["deadline"] = cell
            continue
        if unit_roles and _is_units(cell) and "deadline" not in out:
            out[unit_roles.pop(0)] = cell
    return out


def _read_rows(lines: Sequence[Line], texts: Sequence[str], columns: list[str], start: int,
               stop: int) -> tuple[list[TableRow], int]:
    state = {"item": 0, "group": 0, "letter": ord("A") - 1}
    marks: list[tuple[int, str, str]] = []  # (index, label, kind)
    end = stop
    for j in range(start, stop):
        text = texts[j]
        if j > start and (TABLE_END_RE.match(text) or NUMBER_COLUMN_RE.match(text)):
            end = j
            break
        m = ROW_MARKER_RE.match(text)
        if not m or (lines[j].hard_break and not lines[j].blank_before and j > start):
            continue
        label = m.group("label")
        kind = _row_kind(label, state)
        if kind is None or kind == "sub":
            continue
        if kind == "item":
            if label.isdigit():
                state["item"] = int(label)
            label = ".".join(str(int(part)) for part in label.split("."))
        elif kind == "group":
            state["group"] = roman_value(label) or 0
            state["item"] = 0
        else:
            state["letter"] = ord(label)
            state["item"] = 0
            state["group"] = 0
        marks.append((j, label, kind))
    rows: list[TableRow] = []
    part: str | None = None
    group: str | None = None
    for k, (j, label, kind) in enumerate(marks):
        row_end = marks[k + 1][0] if k + 1 < len(marks) else end
        if kind in ("group", "letter"):
            text = join_wrapped(t for t in texts[j + 1:row_end] if t)
            if kind == "letter":
                part, group = label, None
                parent = None
            else:
                group = f"{part}.{label}" if part else label
                parent = part
            rows.append(TableRow(label=label, group=parent, text=text, is_group=True, start=j, end=row_end))
            continue
        cells = _cells(lines[j + 1:row_end])
        by_role = _assign(columns, cells)
        rows.append(TableRow(
            label=label, group=group, text=by_role.get("task", ""),
            leads=tuple(split_units(by_role["lead"])) if "lead" in by_role else (),
            supports=tuple(split_units(by_role["support"])) if "support" in by_role else (),
            deadline_text=" ".join(by_role["deadline"].split()) if "deadline" in by_role else None,
            start=j, end=row_end))
    return rows, end


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
        text = texts[i]
        if not (NUMBER_COLUMN_RE.match(text) or (len(text) <= HEADER_CELL_MAX_CHARS and column_role(text) == "task"
                                                 and i + 1 < len(texts) and column_role(texts[i + 1]) != "other")):
            i += 1
            continue
        header = _read_header(texts, i, hard)
        if header is None:
            i += 1
            continue
        columns, body = header
        rows, end = _read_rows(lines, texts, columns, body, len(texts))
        if not any(not r.is_group for r in rows):
            i += 1
            continue
        tables.append(TaskTable(columns=columns, start=i, end=end, rows=rows, lines=tuple(lines[i:end])))
        i = max(end, i + 1)
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
