"""The performer of each numbered step of a procedure table ("Bước 1 | Đơn vị/người thực hiện | Nội dung công việc
| Thời gian thực hiện").

A decision approving an internal procedure attaches a table whose rows are steps. The readers give it as lines,
one cell after another: the header's titles, then each row from its "Bước N" on. The tree makes each step a node
(``markers.py``: "I.Bước 1"); this module reads which of the row's cells the header names as the one who carries
the step out, so the step's node hands it on as a :class:`~kehoach.extractors.tables.TableRow` whose ``leads``
hold that cell as written (one lead per cell: "Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị").

Cells are read back from wrapped lines by the clerk's layout: a line that starts in lower case or with a bracket, or
follows one ending in a comma, a slash or an opening bracket, goes on the cell above; a dash bullet goes on a cell that is
itself a bullet list or an introduction ending in ":".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from kehoach.extractors.fold import compare_key
from kehoach.extractors.lexicon import ColumnTitle, step_column_titles
from kehoach.extractors.markers import BULLET_RE, parse_marker
from kehoach.extractors.table_cells import is_time
from kehoach.extractors.tables import TableRow
from kehoach.schemas.layout import Paragraph

HEADER_LOOKBACK_LINES = 24  # the header of a procedure table stands this many lines above its first step at most
PERFORMER_MAX_CHARS = 160  # a longer cell is a step's content, not who carries it out
# A step's time cell: "04 giờ", "0,5 ngày làm việc", "Không tính thời gian".
_DURATION_RE = re.compile(r"^(?:\d{1,3}(?:[,.]\d{1,2})?\s*(?:giờ|ngày|phút|tuần|tháng)\b|Không\s+tính\s+thời\s+gian)",
                          re.IGNORECASE)
_TIME_TITLE_RE = re.compile(r"^(?:thời\s+gian|thời\s+hạn)\b")
_CELL_GOES_ON_RE = re.compile(r"(?:[,/(]|\bvà|\bhoặc|\btại|\bcủa|\bthuộc)$")  # a cell never ends on a link word
_TRAILING_RE = re.compile(r"[\s;,.:]+$")


@cache
def _patterns() -> tuple[tuple[ColumnTitle, re.Pattern], ...]:
    out = []
    for entry in step_column_titles():
        words = "|".join(r"\s+".join(re.escape(part) for part in compare_key(w).split()) for w in entry.words)
        start = r"^\(?\s*" if entry.position == "start" else r"(?<!\w)"
        out.append((entry, re.compile(rf"{start}(?:{words})(?!\w)")))
    return tuple(out)


def step_column_role(title: str) -> str | None:
    """The role of a procedure table's column title: "step", "performer", "other"; None for no title of one."""
    key = compare_key(title)
    return next((entry.role for entry, pattern in _patterns() if pattern.search(key)), None)


def join_cells(texts: Sequence[str]) -> list[str]:
    """The cells of wrapped lines, in order: "Công chức, viên chức tại Trung tâm Phục vụ hành chính" ⏎ "công tỉnh,
    cấp xã" → one cell; "- Nhận hồ sơ" ⏎ "- Dự thảo kết quả" → one cell (a bullet list)."""
    cells: list[str] = []
    for raw in texts:
        text = " ".join(raw.split())
        if not text:
            continue
        last = cells[-1] if cells else ""
        bullet_goes_on = BULLET_RE.match(text) and (BULLET_RE.match(last) or last.endswith(":"))
        if cells and (text[:1].islower() or text[:1] == "(" or _CELL_GOES_ON_RE.search(last) or bullet_goes_on):
            cells[-1] = f"{last} {text}"
        else:
            cells.append(text)
    return cells


@dataclass(frozen=True, slots=True)
class PerformerColumn:
    """Where a procedure table's performer cell stands in each step's row."""

    offset: int  # cells after the step's number
    before_time: bool  # the time column follows it: the performer is the cell before the row's time cell


def performer_offset(texts_above: Sequence[str]) -> PerformerColumn | None:
    """Where the performer's cell stands in a step's row, read from the header above the first step (its lines
    given up to that step); None when no step column with a performer column after it is there."""
    window = list(texts_above[-HEADER_LOOKBACK_LINES:])
    for k in range(len(window) - 1, -1, -1):
        if step_column_role(window[k]) != "step" or len(window[k]) > PERFORMER_MAX_CHARS:
            continue
        titles = join_cells(window[k + 1:])
        roles = [step_column_role(t) for t in titles]
        if None in roles or "performer" not in roles:
            return None  # a title the header does not know, or no performer column: no reading
        at = roles.index("performer")
        following = compare_key(titles[at + 1]) if at + 1 < len(titles) else ""
        return PerformerColumn(offset=at, before_time=bool(_TIME_TITLE_RE.match(following)))
    return None


def step_row(label: str, paragraphs: Sequence[Paragraph], column: PerformerColumn) -> TableRow | None:
    """The row of the step node made of ``paragraphs`` (the first opens with "Bước N"), its performer's cell where
    ``column`` says: the cell before the row's time cell when the time column follows the performer's (a content
    cell wrapped at a capital, "Xem xét hồ sơ, trình lãnh đạo" ⏎ "Sở phê duyệt", splits into two), else the
    ``offset``-th after the number; None when that cell is missing or reads as no performer."""
    lines = [line.text for para in paragraphs for line in para.lines]
    if not lines:
        return None
    first = parse_marker(lines[0])
    lines[0] = first.rest if first else lines[0]
    cells = join_cells(lines)
    at = column.offset
    first = at
    if column.before_time:
        timed = next((k for k, cell in enumerate(cells) if _DURATION_RE.match(cell)), None)
        at = first = timed - 1 if timed is not None and timed - 1 >= column.offset else at
        if first - 1 >= column.offset and cells[first - 1].endswith(";"):
            first -= 1  # "Bộ phận một cửa của Sở tại TTPVHCC tỉnh;" ⏎ "TTPVHCC các xã, phường": one cell of two bodies
    if at >= len(cells):
        return None
    performer = _TRAILING_RE.sub("", " ".join(cells[first:at + 1]))
    if not performer or len(performer) > PERFORMER_MAX_CHARS or BULLET_RE.match(performer) or is_time(performer):
        return None
    text = "\n".join(p.text for p in paragraphs)
    return TableRow(label=label, text=text, leads=(performer,), cells=(("lead", performer),), step=True)
