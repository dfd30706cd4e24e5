"""The cells of a task table's row: which lines make one cell, which cell plays which role.

A clerk's TXT copy gives one cell per line but wraps a long cell over several lines and
drops empty cells; DOCX and ruled PDF tables give one cell per line (``hard_break``). The
unit cells split into units (``split_units``), the time cell becomes a deadline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import pairwise

from kehoach.extractors.deadlines import Deadline, parse_deadline
from kehoach.extractors.lexicon import collective_heads
from kehoach.extractors.normalize import join_wrapped
from kehoach.extractors.units import clean_unit, find_units
from kehoach.schemas.layout import Line

WRAP_MIN_CHARS = 60  # a TXT line at least this long that does not end a sentence wrapped into the next
TIME_CELL_MAX_CHARS = 120
UNIT_START_MAX = 4  # a unit cell names its first unit within this many characters
UNIT_LINE_TAIL_WORDS = 1  # words after the last unit name of a line that is a unit cell's start

_SENTENCE_END_RE = re.compile(r"[.;:!?]$|\.\)$")
_OPEN_END_RE = re.compile(r"(?:\b(?:ngày|tháng|năm|và|của|các|số|tại|theo|với|trước|đến|từ)|[,(/&-])$", re.IGNORECASE)
_LIST_JOIN_RE = re.compile(r"(?:[,;]|\bvà)\s*$")
_TRAIL_RE = re.compile(r"[\s,;.]+$")


_UNIT_SPLIT_RE = re.compile(r"\s*;\s*|\s*\n\s*")


def split_units(cell: str) -> list[str]:
    """The units a lead / support cell lists, as written.

    Splits at ";" and where ``units.find_units`` sees a new body after a comma or
    "và"; a fixed collective ("Các phòng, ban liên quan", "Cơ quan, địa phương liên
    quan") stays whole, a piece no unit pattern knows ("Hợp tác xã, tổ hợp tác") is
    kept as one unit.
    """
    out: list[str] = []
    for piece in _UNIT_SPLIT_RE.split(cell):
        piece = " ".join(piece.split())
        if not piece:
            continue
        cuts = _unit_cuts(piece)
        for a, b in pairwise([*cuts, len(piece)]):
            name = clean_unit(re.sub(r"^(?:và\s+)", "", _TRAIL_RE.sub("", piece[a:b]).strip()))
            name = re.sub(r"\s+và$", "", name)
            if name and not re.fullmatch(r"[-–—x/.]+|không", name, re.IGNORECASE):
                out.append(name)
    return out


def _unit_cuts(piece: str) -> list[int]:
    """Where the units of one ";"-piece of a cell start."""
    spans = find_units(piece)
    candidates: set[int] = set()
    previous_end = None
    for span in spans:
        # A new body after a list separator, or straight after the previous one: cells
        # often lose their commas ("Sở Khoa học và Công nghệ Sở Công Thương").
        if span.start > 0 and (_LIST_JOIN_RE.search(piece[:span.start])
                               or (previous_end is not None and not piece[previous_end:span.start].strip())):
            candidates.add(span.start)
        previous_end = span.end
    # "Sở Tài chính và cơ quan, địa phương liên quan": a collective after a named body.
    ends = {span.end for span in spans}
    candidates.update(m.end() for m in _collective_after_and_re().finditer(piece) if m.start() in ends)
    cuts = [0]
    for at in sorted(candidates):
        if not _collective_head_re().fullmatch(_TRAIL_RE.sub("", piece[cuts[-1]:at]).strip()):
            cuts.append(at)  # "Cơ quan, | địa phương liên quan" is one collective, no cut
    return cuts


@cache
def _collective_head_re() -> re.Pattern:
    """Generic heads alone, listed: "Cơ quan", "cơ quan, đơn vị" (the start of a collective)."""
    head = "|".join(r"\s+".join(w.split()) for w in collective_heads())
    return re.compile(rf"(?:(?:các|những)\s+)?(?:{head})(?:\s*,\s*(?:{head}))*", re.IGNORECASE)


@cache
def _collective_after_and_re() -> re.Pattern:
    head = "|".join(r"\s+".join(w.split()) for w in collective_heads())
    return re.compile(rf"\s+và\s+(?=(?:(?:các|những)\s+)?(?:{head})(?!\w))", re.IGNORECASE)


_RANGE_SPLIT_RE = re.compile(r"\s*(?:[-–—]|\bđến\b)\s*")


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


# A cell that is a time: "Quý IV/2025", "Thường xuyên", "31/12/2025", "Tháng 11/2025", "Năm 2026".
TIME_CELL_RE = re.compile(
    r"^(?:(?:trước|trong|đến|từ|hoàn\s+thành|dự\s+kiến|chậm\s+nhất)\b.*)?"
    r"(?:qu[ýí]\b|tháng\b|năm\b|ngày\b|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4}|(?:19|20)\d{2}\b|"
    r"thường\s+xuyên|hằng\s+|hàng\s+|định\s+kỳ|liên\s+tục|giai\s+đoạn)",
    re.IGNORECASE)


def is_time(cell: str) -> bool:
    """A time cell: "Quý IV/2025", "Thường xuyên", "Trước ngày 30/11/2025"."""
    return bool(TIME_CELL_RE.match(cell.strip())) and len(cell) <= TIME_CELL_MAX_CHARS


@lru_cache(maxsize=4096)  # the cell aligner asks of each cell once per column, the row reader of each line again
def is_units(cell: str) -> bool:
    """A cell that names units from its start: "Sở Tài chính; UBND các xã"."""
    spans = find_units(cell)
    return bool(spans) and spans[0].start <= UNIT_START_MAX and not is_time(cell)


# --- header ----------------------------------------------------------------------

def _names_units_only(text: str) -> bool:
    """A short line that is unit names and nothing more ("Sở Xây dựng", "Ban Chỉ huy Phòng thủ",
    "Sở Khoa học và"): a unit cell's first line, not the rest of a task's sentence."""
    spans = find_units(text)
    if len(text) >= WRAP_MIN_CHARS or not spans or spans[0].start > UNIT_START_MAX:
        return False
    return len(text[spans[-1].end:].split()) <= UNIT_LINE_TAIL_WORDS


def row_cells(lines: Sequence[Line]) -> list[str]:
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
            elif is_units(cells[-1][0]) and is_units(text):
                joins = bool(_LIST_JOIN_RE.search(prev))  # "…, Sở Khoa học và" ⏎ "Công nghệ, Sở Công Thương"
            elif len(prev) >= WRAP_MIN_CHARS and not _SENTENCE_END_RE.search(prev) and not is_time(text):
                # a full line runs on, unless the next line is a unit cell of its own ("Sở Xây dựng")
                joins = not _names_units_only(text)
            elif len(cells) == 1 and len(cells[0]) == 1 and not _SENTENCE_END_RE.search(prev) \
                    and not is_units(text) and not is_time(text) and len(prev) < WRAP_MIN_CHARS \
                    and k + 1 < len(lines) and len(line.text) >= WRAP_MIN_CHARS:
                # The first line of a wrapped task cell ends early in a clerk's copy:
                # "Phối hợp rà soát, sửa đổi Luật" ⏎ "Quy hoạch và xây dựng …" (a full line).
                joins = True
        if joins:
            cells[-1].append(text)
        else:
            cells.append([text])
    return [join_wrapped(cell) for cell in cells]


def assign_cells(columns: list[str], cells: list[str]) -> list[tuple[str, str]]:
    """Cells → (column role, text) in column order. All cells present: by position; some
    missing: in order, each cell to the column its content fits (a time cell to the time
    column, names to the unit columns), a task cell broken in two taking both pieces."""
    roles = [c for c in columns if c != "number"]
    if not cells:
        return []
    if len(cells) != len(roles):
        return [(role, join_wrapped(pieces)) for role, pieces in _align(roles, cells)]
    out = list(zip(roles, cells))
    # a long text under the time column is no time: a note or a product
    return [("other" if role == "deadline" and not is_time(cell) and len(cell) > LONG_UNIT_CELL else role, cell)
            for role, cell in out]


# Scores of the alignment of cells to columns (assign_cells): how well a cell's content fits a column.
_FITS, _MISFITS, _UNKNOWN_NAME, _LONG_NAME, _NO_TIME = 2.0, -4.0, 0.5, -2.0, -1.0
_SKIP_COLUMN, _DROP_CELL, _TASK_PIECE, _TASK_PIECE_UNLIKE = -0.3, -3.0, -0.5, -1.5
LONG_UNIT_CELL = 60  # a unit cell this long is more likely part of the task


def _fit(role: str, cell: str) -> float:
    units, time = is_units(cell), is_time(cell)
    if role in ("lead", "support"):
        return _FITS if units else _MISFITS if time else _LONG_NAME if len(cell) > LONG_UNIT_CELL else _UNKNOWN_NAME
    if role == "deadline":
        return _FITS if time else _MISFITS if units else _NO_TIME
    if role == "task":
        return _TASK_PIECE_UNLIKE if units or time else 0.0
    return _SKIP_COLUMN if units or time else 0.0  # "other": a product, a document


def _align(roles: list[str], cells: list[str]) -> list[tuple[str, list[str]]]:
    """The best ordered alignment of ``cells`` to ``roles`` (columns may stay empty; the task
    column may take several cells): [(role, cells)] in column order."""
    m, k = len(cells), len(roles)
    # best[(i, j)]: (score, back-pointer) with cells[:i] placed and roles[:j] passed
    best: dict[tuple[int, int], tuple[float, tuple | None]] = {(0, 0): (0.0, None)}
    for i in range(m + 1):
        for j in range(k + 1):
            if (i, j) not in best:
                continue
            score = best[(i, j)][0]
            moves = []
            if j < k and roles[j] != "task":  # an empty cell: rather a later column's (support) than the lead's
                moves.append(((i, j + 1), _SKIP_COLUMN * (1 + (k - j) / 100), None))
            if i < m and j < k:
                moves.append(((i + 1, j + 1), _fit(roles[j], cells[i]), roles[j]))
            if i < m and j > 0 and roles[j - 1] == "task" and best[(i, j)][1] and best[(i, j)][1][1] == "task":
                moves.append(((i + 1, j), _TASK_PIECE + _fit("task", cells[i]), "task"))
            if i < m:
                moves.append(((i + 1, j), _DROP_CELL, None))
            for state, gain, role in moves:
                if state not in best or best[state][0] < score + gain:
                    best[state] = (score + gain, ((i, j), role))
    state, out = (m, k), []
    while best[state][1] is not None:
        previous, role = best[state][1]
        if role is not None and previous[0] < state[0]:
            if out and out[-1][0] == role == "task":
                out[-1][1].insert(0, cells[previous[0]])
            else:
                out.append((role, [cells[previous[0]]]))
        state = previous
    return out[::-1]
