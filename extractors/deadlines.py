"""Deadlines: "trước ngày 15/12/2025", "trong tháng 11/2025", "Quý IV/2025", "năm 2026".

``parse_deadline`` reads one phrase; ``find_deadline`` picks the deadline stated
in a node's text. The ISO date is the last day of the period the text names;
recurring or open-ended terms ("thường xuyên", "hằng năm") give no date but keep
their text. Pure functions: no clock, so a date without a year gives no ISO date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kehoach.schemas.models import Assignment, Node

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}

_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NAM = r"(?:\s*năm\s*|\s*[/.-]\s*)"  # "tháng 11 năm 2025" or "tháng 11/2025"

# Full dates: "15/12/2025", "15-12-2025", "ngày 30 tháng 7 năm 2024".
DAY_DATE_RE = re.compile(
    r"(?:ngày\s+)?(?P<day>\d{1,2})\s*(?:[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*|\s+tháng\s+(?P<month2>\d{1,2})\s+năm\s+)"
    + _YEAR, re.IGNORECASE)
# A month: "tháng 11/2025", "tháng 11 năm 2025".
MONTH_RE = re.compile(r"tháng\s+(?P<month>\d{1,2})" + _NAM + _YEAR, re.IGNORECASE)
# A quarter: "Quý IV/2025", "quý III năm 2024", "quý 4/2025".
QUARTER_RE = re.compile(r"quý\s+(?P<q>IV|III|II|I|[1-4])(?![\w])" + _NAM + _YEAR, re.IGNORECASE)
# Half years: "6 tháng cuối năm 2025", "6 tháng đầu năm 2026".
HALF_RE = re.compile(r"(?:6|sáu)\s+tháng\s+(?P<half>đầu|cuối)\s+năm\s+" + _YEAR, re.IGNORECASE)
# A year: "năm 2026", "trong năm 2025", "đến năm 2030".
YEAR_RE = re.compile(r"năm\s+" + _YEAR, re.IGNORECASE)
# Recurring or open terms: no date.
OPEN_RE = re.compile(r"(?:thường\s+xuyên|hằng\s+năm|hàng\s+năm|hằng\s+quý|hàng\s+quý|hằng\s+tháng|hàng\s+tháng"
                     r"|định\s+kỳ|liên\s+tục|khi\s+có\s+yêu\s+cầu)", re.IGNORECASE)

# Where a node states its deadline. Strong cues first: a cue word, then the period.
_PERIOD = (r"(?:(?:ngày\s+)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}"
           r"|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d{2}"
           r"|tháng\s+\d{1,2}(?:\s*năm\s*|\s*[/.-]\s*)(?:19|20)\d{2}"
           r"|quý\s+(?:IV|III|II|I|[1-4])(?:\s*năm\s*|\s*[/.-]\s*)(?:19|20)\d{2}"
           r"|(?:6|sáu)\s+tháng\s+(?:đầu|cuối)\s+năm\s+(?:19|20)\d{2}"
           r"|năm\s+(?:19|20)\d{2})")
DEADLINE_CUE_RE = re.compile(
    r"""(?P<text>
        (?:(?:hoàn\s+thành|hoàn\s+tất|xong|thực\s+hiện|trình|báo\s+cáo)\s+)?
        (?:trước\s+ngày|trước|chậm\s+nhất(?:\s+(?:là|vào))?(?:\s+ngày)?|trong|đến\s+hết|hết|đến|vào|kết\s+thúc\s+trong)\s+
        """ + _PERIOD + r"""
      | (?:hoàn\s+thành|hoàn\s+tất)\s+""" + _PERIOD + r"""
    )""",
    re.VERBOSE | re.IGNORECASE,
)
# "Thời gian hoàn tất: …", "Thời hạn: …", "Thời gian thực hiện: Thường xuyên".
DEADLINE_LABEL_RE = re.compile(
    r"(?:Thời\s+gian|Thời\s+hạn|Tiến\s+độ)(?:\s+(?:hoàn\s+thành|hoàn\s+tất|thực\s+hiện|báo\s+cáo))?\s*:\s*(?P<value>[^\n.;]+)",
    re.IGNORECASE,
)
_ANY_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
# Cue words that make "trong năm 2025" a deadline only when work is asked to end then.
_WEAK_CUE_RE = re.compile(r"^(?:trong|đến|vào)\s+(?:năm)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline as written and the last day of the period it names (None when open)."""

    text: str
    date: dt.date | None


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def parse_deadline(text: str) -> Deadline | None:
    """One deadline phrase → ``Deadline``; None when the phrase names no period.

    >>> parse_deadline("Quý IV/2025").date
    datetime.date(2025, 12, 31)
    """
    phrase = " ".join(text.split()).strip(" .;,")
    if not phrase:
        return None
    if m := DAY_DATE_RE.search(phrase):
        month = int(m.group("month") or m.group("month2"))
        try:
            return Deadline(phrase, dt.date(int(m.group("year")), month, int(m.group("day"))))
        except ValueError:
            return Deadline(phrase, None)
    if m := HALF_RE.search(phrase):
        year = int(m.group("year"))
        return Deadline(phrase, dt.date(year, 6, 30) if m.group("half").lower() == "đầu" else dt.date(year, 12, 31))
    if m := QUARTER_RE.search(phrase):
        q = m.group("q").upper()
        quarter = _ROMAN.get(q) or int(q)
        return Deadline(phrase, _last_day(int(m.group("year")), quarter * 3))
    if m := MONTH_RE.search(phrase):
        month = int(m.group("month"))
        if 1 <= month <= 12:
            return Deadline(phrase, _last_day(int(m.group("year")), month))
    if m := YEAR_RE.search(phrase):
        return Deadline(phrase, dt.date(int(m.group("year")), 12, 31))
    if m := re.fullmatch(_YEAR, phrase):
        return Deadline(phrase, dt.date(int(m.group("year")), 12, 31))
    if OPEN_RE.search(phrase):
        return Deadline(phrase, None)
    return None


def find_deadline(text: str) -> Deadline | None:
    """The deadline a node's text states, or None.

    A labelled value ("Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014") wins;
    then the first cue phrase ("hoàn thành trước ngày 31 tháng 10 năm 2024"). A
    bare year or "thường xuyên" in running prose is not a deadline.
    """
    for m in DEADLINE_LABEL_RE.finditer(text):
        value = m.group("value").lstrip("* ")  # "Thời gian thực hiện: *Thường xuyên" (a bold marker)
        cue = DEADLINE_CUE_RE.search(value)
        found = parse_deadline(cue.group("text")) if cue else parse_deadline(value)
        if found is not None:
            # Keep the value as written; "Dự kiến ngày 05/12/2025 (Chậm nhất ngày 10/12/2025)"
            # → the "chậm nhất" date is the deadline.
            late = re.search(r"chậm\s+nhất[^)]*", value, re.IGNORECASE)
            if late and (later := parse_deadline(late.group(0))) is not None and later.date:
                return later
            return found
    if not _ANY_YEAR_RE.search(text):  # every cue's period ends in a year: most texts are done here
        return None
    for m in DEADLINE_CUE_RE.finditer(text):
        phrase = m.group("text")
        if _WEAK_CUE_RE.match(phrase):
            # "trong năm 2025" in prose is usually a scope, not a due date.
            continue
        found = parse_deadline(phrase)
        if found is not None:
            return found
    return None


PSEUDO_NODES = frozenset({"title", "preamble", "closing"})


def mark_deadlines(nodes: Sequence[Node], assignments: Sequence[Assignment]) -> list[Node]:
    """Nodes with their deadline: the one a node states — the earliest on its own assignments, else the
    one its text states ("hoàn thành trong Quý III năm 2024" under a unit heading) — else its nearest
    ancestor's, which applies to the work under it. The one place deadlines are decided: the registry
    stores them as they are.

    :returns: new nodes; pseudo-nodes (title, preamble, closing) never get one
    """
    own: dict[str, Assignment] = {}
    for a in assignments:
        if a.deadline_text and (a.node not in own or _earlier(a, own[a.node])):
            own[a.node] = a
    effective: dict[str, Deadline] = {}
    out = []
    for node in nodes:  # document order: a parent comes before its children
        if node.id in PSEUDO_NODES:
            out.append(node)
            continue
        found = _stated(node, own.get(node.id)) or effective.get(node.parent or "")
        if found is None:
            out.append(node)
            continue
        effective[node.id] = found
        out.append(node.model_copy(update={"deadline": found.date, "deadline_text": found.text}))
    return out


def _stated(node: Node, assignment: Assignment | None) -> Deadline | None:
    """The deadline a node states itself: one it already carries, else its assignments', else its
    text's, else its heading's."""
    if node.deadline_text:
        return Deadline(node.deadline_text, node.deadline)
    if assignment is not None:
        return Deadline(assignment.deadline_text, assignment.deadline)
    found = find_deadline(node.text or "")
    if found is None and node.heading and node.heading != (node.text or "")[:len(node.heading)]:
        found = find_deadline(node.heading)
    return found


def _earlier(a: Assignment, b: Assignment) -> bool:
    if a.deadline is None:
        return False
    return b.deadline is None or a.deadline < b.deadline
