"""The task table for people who live in spreadsheets: CSV, JSON Lines or XLSX.

One row per (task, unit): every node a unit is assigned (a unit heading's
assignment covers each node under it, as in ``kehoach tasks``) and every task
nobody is assigned (``unit`` empty). Full node text, not shortened; the refs the
node cites. The rows are ``queries.task_rows``, those of ``kehoach tasks``; this
module only lays them out. Reads the registry only (``queries.open_readonly``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TextIO

import sqlite_utils

from kehoach.pipeline import queries
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.queries import open_readonly

COLUMNS = ("document_label", "document_number", "document_issuer", "document_date", "document_title", "document_id",
           "node_id", "heading", "text", "unit", "jurisdiction", "role", "deadline", "deadline_text", "cited_refs")

# Header cells of the spreadsheet: Vietnamese, with the field name the other formats use.
HEADERS = {
    "document_label": "Văn bản", "document_number": "Số hiệu văn bản", "document_issuer": "Cơ quan ban hành", "document_date": "Ngày ban hành",
    "document_title": "Trích yếu", "document_id": "Mã văn bản", "node_id": "Mục", "heading": "Tiêu đề mục",
    "text": "Nội dung nhiệm vụ", "unit": "Đơn vị", "jurisdiction": "Địa bàn", "role": "Vai trò", "deadline": "Thời hạn",
    "deadline_text": "Thời hạn (nguyên văn)", "cited_refs": "Văn bản trích dẫn",
}
ROLE_NAMES = {"lead": "chủ trì", "support": "phối hợp"}
DATE_COLUMNS = ("document_date", "deadline")
DATE_FORMAT = "dd/mm/yyyy"
MIN_WIDTH, MAX_WIDTH = 8, 70  # characters; longer cells wrap
WRAPPED = ("document_label", "document_title", "heading", "text", "cited_refs", "deadline_text")
DEFAULT_XLSX = Path("kehoach-tasks.xlsx")


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"


class ExportError(KehoachError):
    """The export cannot be written as asked."""


def task_rows(db: sqlite_utils.Database, *, unit: str | None = None, jurisdiction: str | None = None,
              doc: str | None = None) -> list[dict]:
    """The task table, one dict per (task, unit), keys :data:`COLUMNS`, in document order.

    :param unit: only this unit's tasks (any spelling of its name, or its unit_id)
    :param jurisdiction: only units of this jurisdiction ("Hà Nội")
    :param doc: only this document (number, id, label or file name)
    """
    rows = queries.task_rows(db, unit=unit, jurisdiction=jurisdiction, doc=doc, order=queries.BY_DOCUMENT)
    refs = queries.cited_refs(db, [r["node_pk"] for r in rows])
    return [{**{c: row.get(c) for c in COLUMNS}, "cited_refs": refs.get(row["node_pk"], [])} for row in rows]


def write_csv(rows: Sequence[dict], stream: TextIO) -> None:
    """A header line and one line per row; cited refs joined with "; "."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["; ".join(row[c]) if c == "cited_refs" else ("" if row[c] is None else row[c])
                         for c in COLUMNS])


def write_jsonl(rows: Sequence[dict], stream: TextIO) -> None:
    """One JSON object per line; cited refs a list; absent values null."""
    stream.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _cell_value(column: str, value):
    if value is None:
        return None
    if column in DATE_COLUMNS:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if column == "role":
        return ROLE_NAMES.get(value, value)
    if column == "cited_refs":
        return "; ".join(value) or None
    return value


def _width(values: list) -> int:
    """Column width in characters: the longest line of the longest value, with a margin, bounded."""
    longest = 0
    for value in values:
        if value is None:
            continue
        text = "00/00/0000" if isinstance(value, dt.date) else str(value)
        longest = max(longest, *(len(line) for line in text.splitlines() or [""]))
    return max(MIN_WIDTH, min(MAX_WIDTH, round(longest * 1.1) + 2))


def write_xlsx(rows: Sequence[dict], path: str | Path) -> None:
    """One sheet "Nhiệm vụ": a bold header row, panes frozen below it and after the node column,
    dates as dates (dd/mm/yyyy), widths that fit the text, long text wrapped, a filter on the header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhiệm vụ"
    ws.append([HEADERS[c] for c in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDE7F0")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    table = [[_cell_value(c, row[c]) for c in COLUMNS] for row in rows]
    for values in table:
        ws.append(values)
    for i, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(i)
        values = [HEADERS[column]] + [r[i - 1] for r in table]
        ws.column_dimensions[letter].width = _width(values)
        for cell in ws[letter][1:]:
            if column in DATE_COLUMNS:
                cell.number_format = DATE_FORMAT
            cell.alignment = Alignment(vertical="top", wrap_text=column in WRAPPED)
    ws.freeze_panes = "H2"  # header row and document/node columns stay in view
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def export(
    db: str | Path,
    fmt: ExportFormat | str,
    out: str | Path | None = None,
    *,
    unit: str | None = None,
    jurisdiction: str | None = None,
    doc: str | None = None,
    stream: TextIO | None = None,
) -> tuple[int, Path | None]:
    """Write the task table of a registry: the whole ``kehoach export`` in one call.

    :param db: the registry file (opened read-only)
    :param fmt: csv, jsonl or xlsx
    :param out: the output file (a CSV file starts with a UTF-8 byte-order mark, for Excel);
        csv and jsonl default to ``stream`` (stdout), xlsx to :data:`DEFAULT_XLSX`
    :returns: the number of rows and the file written (None for a stream)
    :raises RegistryError: no such registry
    :raises ExportError: an unknown format
    """
    try:
        fmt = ExportFormat(fmt)
    except ValueError:
        raise ExportError(None, f"unknown format {fmt!r} (csv, jsonl or xlsx)") from None
    database = open_readonly(db)
    try:
        rows = task_rows(database, unit=unit, jurisdiction=jurisdiction, doc=doc)
    finally:
        database.conn.close()
    if fmt is ExportFormat.xlsx:
        path = Path(out) if out is not None else DEFAULT_XLSX
        write_xlsx(rows, path)
        return len(rows), path
    writer = write_csv if fmt is ExportFormat.csv else write_jsonl
    if out is None:
        writer(rows, stream or sys.stdout)
        return len(rows), None
    buffer = io.StringIO()
    writer(rows, buffer)
    # A CSV file gets a byte-order mark, so Excel reads the Vietnamese as UTF-8.
    Path(out).write_text(buffer.getvalue(), encoding="utf-8-sig" if fmt is ExportFormat.csv else "utf-8")
    return len(rows), Path(out)
