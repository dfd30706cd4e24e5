"""The header of a task table: its column titles and the role each column plays.

Titles map to roles by the words of ``data/table_columns.json`` (number, task, lead, support,
deadline, other). A header may take two rows: a title spanning two columns ("Cơ quan thực
hiện", "Thời gian") with its sub-titles in a second row ("Chủ trì | Phối hợp", "Bắt đầu |
Hoàn thành"). Readers give the cells row by row, so the second row's cells come last; they
take the place of the title they sit under.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from kehoach.extractors.fold import KEY_CACHE, compare_key
from kehoach.extractors.lexicon import ColumnTitle, column_titles, sub_column_titles
from kehoach.extractors.markers import GROUP_ROW_RE, ROW_MARKER_RE, next_letter

HEADER_CELL_MAX_CHARS = 60  # a header cell longer than this is text, not a column title
HEADER_MAX_LINES = 24
LONG_TRAILING_TITLE = 30  # a trailing "other" cell this long is the first row's text, not a title
DATA_MIN_COLUMNS = 2  # a table that assigns no work has at least this many columns after its number …
# … or one that names what it lists: "TT | Tên dịch vụ", "STT | Tên thủ tục hành chính"
_NAMES_LIST_RE = re.compile(r"^Tên\s+\w+")
# A column that names who chairs each row's work ("Chủ trì", "Cơ quan chủ trì"), unlike a procedure list's
# "Cơ quan thực hiện" (the body that handles a citizen's file).
_CHAIRS_RE = re.compile(r"(?<!\w)chủ trì(?!\w)")
# (1) (2) (3): the column-number row under a header.
_COLUMN_NUMBERS_RE = re.compile(r"^(?:\(\s*\d{1,2}\s*\)\s*)+$|^\d{1,2}$")
# One cell of the row that numbers a table's columns under its titles: "A", "B", "1", "4=3/2", "7=5-6", "(3)".
_COLUMN_NUMBER_RE = re.compile(r"^(?:(?P<letter>[A-ZĐ])|\(?(?P<number>\d{1,2})\)?(?:\s*=\s*[\d\s()+\-*/x:%]+)?)$")
MIN_COLUMN_NUMBERS = 3  # a row numbering the columns has at least this many cells


def _words_pattern(entry: ColumnTitle) -> re.Pattern:
    words = "|".join(r"\s+".join(re.escape(part) for part in compare_key(w).split()) for w in entry.words)
    if entry.position == "whole":
        return re.compile(rf"^(?:{words})\.?$")
    if entry.position == "start":
        return re.compile(rf"^\(?\s*(?:{words})(?!\w)")
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


@cache
def _compiled(sub: bool = False) -> tuple[tuple[ColumnTitle, re.Pattern, re.Pattern | None], ...]:
    entries = sub_column_titles() if sub else column_titles()
    return tuple((e, _words_pattern(e), _words_pattern(ColumnTitle(role=e.role, words=e.unless)) if e.unless
                  else None) for e in entries)


@lru_cache(maxsize=KEY_CACHE)  # every line of a document is asked whether it opens a header, some twice
def _matches(title: str, sub: bool = False) -> ColumnTitle | None:
    key = compare_key(title)
    for entry, pattern, unless in _compiled(sub):
        if pattern.search(key) and not (unless and unless.search(key)):
            return entry
    return None


def column_role(title: str) -> str:
    """A header cell's role: number, lead, support, deadline, task or other."""
    entry = _matches(title)
    return entry.role if entry else "other"


def names_lead_column(text: str) -> bool:
    """Whether ``text`` (a page's words, say) holds a lead column's title ("chủ trì", "Cơ quan thực hiện")."""
    key = compare_key(text)
    return any(pattern.search(key) for entry, pattern, _ in _compiled() if entry.role == "lead")


def sub_column(title: str) -> ColumnTitle | None:
    """The sub-title a second-row cell is ("Chủ trì" under a lead title), or None."""
    if len(title) > HEADER_CELL_MAX_CHARS:
        return None
    return _matches(title, sub=True)


def _opens_group_row(text: str) -> bool:
    """A group row with its numeral and title on one line ("A. THỦ TỤC HÀNH CHÍNH NỘI BỘ", "II. HOÀN THIỆN"):
    the first row, no column title."""
    match = GROUP_ROW_RE.match(text)
    return bool(match and match.group("punct"))


def _header_titles(texts: Sequence[str], i: int, hard: Sequence[bool]) -> tuple[list[str], int]:
    """The column titles from line ``i`` on (wrapped titles joined) and the index after them."""
    titles: list[str] = []
    j = i
    while j < len(texts) and j - i < HEADER_MAX_LINES:
        text = texts[j]
        if titles and (run_end := _column_numbers_end(texts, j)) > j:
            return titles, run_end  # the header ends on its column-number row
        if not text or j > i and (ROW_MARKER_RE.match(text) or _opens_group_row(text)):
            break
        if _COLUMN_NUMBERS_RE.match(text) and titles and j > i:
            j += 1
            continue
        if len(text) > HEADER_CELL_MAX_CHARS:
            break
        if titles and not hard[j] and (text[:1].islower() or text.startswith("(")
                                        or titles[-1].endswith((",", "/", "("))):
            titles[-1] += " " + text  # "Thời hạn hoàn" ⏎ "thành", "Chiều dài" ⏎ "(km)"
        else:
            titles.append(text)
        j += 1
    return titles, j


def _column_numbers_end(texts: Sequence[str], j: int) -> int:
    """The line after the row that numbers the columns starting at ``j`` ("1 | 2 | … | 8", "A | B | 1 | 2 |
    4=3/2 | …"): letters in order, then numbers in order (from any, a merged column leaves one out: "A | B | 2 |
    3"); the row under it opens again at "1" or "A". ``j`` when no such row of :data:`MIN_COLUMN_NUMBERS` cells
    starts there."""
    expected_letter, expected_number = "A", 0
    k = j
    while k < len(texts) and (match := _COLUMN_NUMBER_RE.match(texts[k])):
        if match.group("letter"):
            if match.group("letter") != expected_letter or expected_number:
                break
            expected_letter = next_letter(expected_letter)
        elif expected_number in (0, int(match.group("number"))):
            expected_number = int(match.group("number")) + 1
        else:
            break
        k += 1
    return k if k - j >= MIN_COLUMN_NUMBERS else j


@dataclass(frozen=True, slots=True)
class Header:
    """A task table's header: the role and the title of each column, and the line after it."""

    columns: list[str]  # number, task, lead, support, deadline, other
    titles: list[str]  # as written; a spanning title's place taken by its sub-titles
    end: int
    data: bool = False  # a numbered table that assigns no work: a list, figures, scores, procedures


def _spread_second_row(titles: list[str], roles: list[str]) -> tuple[list[str], list[str]]:
    """(titles, roles) with each spanning title replaced by its sub-titles, the second row dropped.

    ["TT", "Nhiệm vụ", "Cơ quan thực hiện", "Thời gian", "Chủ trì", "Phối hợp"] →
    number, task, lead, support, deadline. They stay as they are unless every trailing
    sub-title finds its spanning title, two or more under each."""
    k = len(titles)
    while k > 0 and sub_column(titles[k - 1]) is not None:
        k -= 1
    subs = [(t, s) for t in titles[k:] if (s := sub_column(t)) is not None]
    if len(subs) < 2:
        return titles, roles
    out_titles: list[str] = []
    out_roles: list[str] = []
    used = 0
    for title, role in zip(titles[:k], roles[:k]):
        n = 0
        if sub_column(title) is None:  # a spanning title names none of its sub-titles' words
            while used + n < len(subs) and subs[used + n][1].under == role:
                n += 1
        if n >= 2:
            out_titles.extend(t for t, _ in subs[used:used + n])
            out_roles.extend(s.role for _, s in subs[used:used + n])
            used += n
        else:
            out_titles.append(title)
            out_roles.append(role)
    return (out_titles, out_roles) if used == len(subs) else (titles, roles)


def read_header(texts: Sequence[str], i: int, hard: Sequence[bool]) -> Header | None:
    """The header starting at line ``i``, or None when its titles name no task and lead column
    and neither a support nor a time column."""
    titles, j = _header_titles(texts, i, hard)
    roles = [column_role(t) for t in titles]
    # Trailing lines that are not column titles belong to the first row ("TT | … | I …").
    while roles and _deduplicated(roles)[-1] == "other" and len(titles[-1]) > LONG_TRAILING_TITLE:
        roles.pop()
        titles.pop()
    titles, roles = _spread_second_row(titles, roles)
    unique = _deduplicated(roles)
    if "lead" not in unique or "task" not in unique or not ({"support", "deadline"} & set(unique)):
        return None
    return Header(columns=unique, titles=titles, end=j)


def read_data_header(texts: Sequence[str], i: int, hard: Sequence[bool]) -> Header | None:
    """The header of a numbered table that assigns no work, starting at line ``i``: a number column first
    ("STT | Xã, phường | Tuyến đê | Chiều dài (km)", "STT | Mã số TTHC | Tên thủ tục hành chính | …"), at least
    :data:`DATA_MIN_COLUMNS` titles after it, and a row (its number, or a group's) right under it; None
    otherwise."""
    titles, j = _header_titles(texts, i, hard)
    numbered = j > 0 and _COLUMN_NUMBER_RE.match(texts[j - 1])  # the header closed by its column-number row
    wide_enough = len(titles) >= 1 + DATA_MIN_COLUMNS or (len(titles) == 2 and _NAMES_LIST_RE.match(titles[1]))
    if not wide_enough or column_role(titles[0]) != "number" or j >= len(texts) \
            or not (numbered or ROW_MARKER_RE.match(texts[j]) or _opens_group_row(texts[j])):
        return None
    roles = _deduplicated([column_role(t) for t in titles])
    if "lead" in roles and any(_CHAIRS_RE.search(compare_key(t)) for t in titles):
        # "TT | Chỉ tiêu | Chủ trì": targets shared out, a task table after all (its first other column the task)
        first = roles.index("other") if "task" not in roles and "other" in roles else None
        columns = [("task" if k == first else role) for k, role in enumerate(roles)]
        return Header(columns=columns, titles=titles, end=j)
    return Header(columns=["number"] + ["other"] * (len(titles) - 1), titles=titles, end=j, data=True)


def _deduplicated(roles: list[str]) -> list[str]:
    """A role taken twice is "other" the second time ("Thời hạn … Tiến độ")."""
    out: list[str] = []
    for role in roles:
        out.append("other" if role in out and role != "other" else role)
    return out


def starts_header(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` may open a header: "TT", or a short task title followed by another title
    (not by "TT": then "DANH MỤC NHIỆM VỤ" is the appendix's title above the header)."""
    text = texts[i]
    if len(text) > HEADER_CELL_MAX_CHARS:
        return False
    if column_role(text) == "number":
        return True
    return (column_role(text) == "task"
            and i + 1 < len(texts) and column_role(texts[i + 1]) not in ("other", "number"))
