"""Where a numbered table that assigns no work ends (a list, figures, scores, procedures: ``Header.data``).

A task table runs to the next appendix or the signature; a data table often stands inside running text (a
fee table inside a procedure's description, a list under "Phần I." with "Phần II." after it), so the text
around it must end it. Its cells rarely open with a marker, and a clerk's copy puts no blank line inside it:

- a division of the text ("Phần II.", "Chương", "Mục 2.", "Điều 5.", another "PHỤ LỤC" or "DANH MỤC") ends it;
- after a blank line, any marker line that is no row number ends it ("i) Tên mẫu đơn …", "PHẦN II. …");
- the summary under a list ("Tổng số TTHC công bố: …") ends it;
- a part or section heading the table's numbering takes as no group row ("B. QUY TRÌNH ĐIỆN TỬ …" under rows
  "1", "2"), and a group row whose title runs into a new header ("B. THỦ TỤC … SỬA ĐỔI ⏎ STT | …"), head what
  follows, not a group of this table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kehoach.extractors.footnotes import FOOTNOTE_LINE_RE
from kehoach.extractors.markers import (
    ATTACHMENT_TITLE_RE,
    BARE_WORD_NUMBER_RE,
    BARE_WORD_RE,
    RANKS,
    ROW_MARKER_RE,
    parse_marker,
)
from kehoach.extractors.normalize import is_upper_line
from kehoach.extractors.table_header import column_role
from kehoach.schemas.layout import Line

# Divisions of a text: none of them stands inside a table's cell.
_DIVISIONS = frozenset({"appendix", "book", "chapter", "division", "article"})
GROUP_TITLE_MAX_LINES = 4  # a group row's title wraps over this many lines at most
# The summary under a list: "Tổng số TTHC công bố: 10", "Tổng cộng: …" (a subtotal cell "Tổng" stays a cell).
_SUMMARY_RE = re.compile(r"^(?i:tổng\s+(?:số|cộng))\b")


def ends_data_table(lines: Sequence[Line], texts: Sequence[str], j: int) -> bool:
    """Whether line ``j`` (inside a data table's body) is the first line after the table."""
    text = texts[j]
    if ROW_MARKER_RE.match(text):
        return False
    if _division_word(texts, j) or _SUMMARY_RE.match(text) or FOOTNOTE_LINE_RE.match(text):
        return True  # "CHƯƠNG" ⏎ "1"; "Tổng số TTHC công bố:" ⏎ "02" (a count, no row); footnotes gathered after
    if ATTACHMENT_TITLE_RE.match(text):
        return not ROW_MARKER_RE.match(texts[j - 1])  # the next list, unless the title of a group ("I" ⏎ "DANH MỤC …")
    marker = parse_marker(text)
    if marker is None:
        return False
    return marker.style in _DIVISIONS or lines[j].blank_before


def _division_word(texts: Sequence[str], j: int) -> bool:
    """A division's word alone on line ``j``, its number on the next ("CHƯƠNG" ⏎ "1"); not a cell's first word
    wrapped ("Điều" ⏎ "tra, thống kê theo ngành xây dựng": the verb "điều tra")."""
    return bool(BARE_WORD_RE.match(texts[j])) and (j + 1 >= len(texts) or bool(BARE_WORD_NUMBER_RE.match(texts[j + 1])))


def is_section_line(text: str) -> bool:
    """A part or section heading with its title on the line ("B. QUY TRÌNH ĐIỆN TỬ …", "II. DANH MỤC …"): when
    the table's own numbering takes it as no group row, the table has ended."""
    marker = parse_marker(text)
    return marker is not None and marker.style in RANKS and bool(marker.rest)


def heads_next_table(texts: Sequence[str], j: int) -> bool:
    """Whether the group row at line ``j`` is the heading of a new table: its title (in capitals, wrapped)
    runs into a number column's title ("B. THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG" ⏎ "STT")."""
    for k in range(j + 1, min(len(texts), j + 1 + GROUP_TITLE_MAX_LINES)):
        if column_role(texts[k]) == "number":
            return True
        if not is_upper_line(texts[k]):
            return False
    return False
