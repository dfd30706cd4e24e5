"""The performer of each numbered step of a procedure table ("Bước 1 | Đơn vị/người thực hiện | Nội dung công việc
| Thời gian thực hiện").

A decision approving an internal procedure attaches a table whose rows are steps. The readers give it as lines,
one cell after another: the header's titles, then each row from its "Bước N" on. The tree makes each step a node
(``markers.py``: "I.Bước 1"); this module reads which of the row's cells the header names as the one who carries
the step out, so the step's node hands it on as a :class:`~kehoach.extractors.tables.TableRow` whose ``leads``
hold that cell as written (one lead per cell: "Lãnh đạo phòng Phòng Kinh tế/Kinh tế, Hạ tầng và Đô thị").

Cells are read back from wrapped lines by the clerk's layout: a line that starts in lower case, or follows one
ending in a comma, a slash or an opening bracket, goes on the cell above; a dash bullet goes on a cell that is
itself a bullet list or an introduction ending in ":".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from kehoach.extractors.fold import compare_key
from kehoach.extractors.lexicon import ColumnTitle, step_column_titles
from kehoach.extractors.markers import BULLET_RE, parse_marker
from kehoach.extractors.table_cells import is_time
from kehoach.extractors.tables import TableRow
from kehoach.schemas.layout import Paragraph

HEADER_LOOKBACK_LINES = 24  # the header of a procedure table stands this many lines above its first step at most
PERFORMER_MAX_CHARS = 160  # a longer cell is a step's content, not who carries it out
_CELL_GOES_ON_RE = re.compile(r"(?:[,/(]|\bvà|\bhoặc)$")
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
        if cells and (text[:1].islower() or _CELL_GOES_ON_RE.search(last) or bullet_goes_on):
            cells[-1] = f"{last} {text}"
        else:
            cells.append(text)
    return cells


def performer_offset(texts_above: Sequence[str]) -> int | None:
    """How many cells after the step's number the performer's cell stands, read from the header above the first
    step (its lines given up to that step); None when no step column with a performer column after it is there."""
    window = list(texts_above[-HEADER_LOOKBACK_LINES:])
    for k in range(len(window) - 1, -1, -1):
        if step_column_role(window[k]) != "step" or len(window[k]) > PERFORMER_MAX_CHARS:
            continue
        titles = join_cells(window[k + 1:])
        roles = [step_column_role(t) for t in titles]
        if None in roles or "performer" not in roles:
            return None  # a title the header does not know, or no performer column: no reading
        return roles.index("performer")
    return None


def step_row(label: str, paragraphs: Sequence[Paragraph], offset: int) -> TableRow | None:
    """The row of the step node made of ``paragraphs`` (the first opens with "Bước N"), its performer's cell the
    ``offset``-th after the number; None when that cell is missing or reads as no performer."""
    lines = [line.text for para in paragraphs for line in para.lines]
    if not lines:
        return None
    first = parse_marker(lines[0])
    lines[0] = first.rest if first else lines[0]
    cells = join_cells(lines)
    if offset >= len(cells):
        return None
    performer = _TRAILING_RE.sub("", cells[offset])
    if not performer or len(performer) > PERFORMER_MAX_CHARS or BULLET_RE.match(performer) or is_time(performer):
        return None
    text = "\n".join(p.text for p in paragraphs)
    return TableRow(label=label, text=text, leads=(performer,), cells=(("lead", performer),), step=True)
