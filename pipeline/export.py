"""The task table for people who live in spreadsheets: CSV, JSON Lines or XLSX.

One row per (task, unit): every node a unit is assigned (a unit heading's
assignment covers each node under it, as in ``kehoach tasks``) and every task
nobody is assigned (``unit`` empty). Full node text, not shortened; the refs the
node cites. Reads the registry only (``queries.open_readonly``).
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

from kehoach.extractors.keys import ref_key
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.queries import open_readonly, unit_ids

COLUMNS = ("document_number", "document_issuer", "document_date", "document_title", "document_id", "node_id",
           "heading", "text", "unit", "role", "deadline", "deadline_text", "cited_refs")

# Header cells of the spreadsheet: Vietnamese, with the field name the other formats use.
HEADERS = {
    "document_number": "Số hiệu văn bản", "document_issuer": "Cơ quan ban hành", "document_date": "Ngày ban hành",
    "document_title": "Trích yếu", "document_id": "Mã văn bản", "node_id": "Mục", "heading": "Tiêu đề mục",
    "text": "Nội dung nhiệm vụ", "unit": "Đơn vị", "role": "Vai trò", "deadline": "Thời hạn",
    "deadline_text": "Thời hạn (nguyên văn)", "cited_refs": "Văn bản trích dẫn",
}
ROLE_NAMES = {"lead": "chủ trì", "support": "phối hợp"}
DATE_COLUMNS = ("document_date", "deadline")
DATE_FORMAT = "dd/mm/yyyy"
MIN_WIDTH, MAX_WIDTH = 8, 70  # characters; longer cells wrap
WRAPPED = ("document_title", "heading", "text", "cited_refs", "deadline_text")
DEFAULT_XLSX = Path("kehoach-tasks.xlsx")


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"


class ExportError(KehoachError):
    """The export cannot be written as asked."""


_ROWS_SQL = """
SELECT * FROM (
    SELECT ut.document_number, ut.document_issuer, ut.document_date, ut.document_title, ut.document_id,
           ut.node_id, ut.heading, ut.text, ut.unit, ut.role, ut.deadline, ut.deadline_text,
           ut.node_pk, ut.seq
    FROM unit_tasks ut
    WHERE {assigned}
    GROUP BY ut.document_id, ut.node_pk, ut.unit_id
    {unassigned}
) AS t
ORDER BY document_id, seq, role IS NULL, role, unit
"""

_UNASSIGNED_SQL = """
    UNION ALL
    SELECT d.number, d.issuer, d.date, d.title, d.id, n.node_id, n.heading, n.text, NULL, NULL, n.deadline,
           NULL, n.id, n.seq
    FROM nodes n JOIN documents d ON d.id = n.document_id AND d.current = 1
    WHERE n.task = 1 AND {documents}
      AND NOT EXISTS (SELECT 1 FROM node_ancestors a JOIN nodes an ON an.id = a.ancestor
                      JOIN assignments s ON s.document_id = an.document_id AND s.node_id = an.node_id
                      WHERE a.node = n.id)
"""


def document_ids(db: sqlite_utils.Database, doc: str) -> list[int]:
    """Current documents matching ``doc``: a number in any written form, an id, or a file name/path."""
    rows = db.execute(
        "SELECT id FROM documents WHERE current = 1 AND (number_key = ? OR CAST(id AS TEXT) = ? OR path = ? "
        "OR path LIKE '%/' || ?) ORDER BY id", [ref_key(doc), doc.strip(), doc, doc]).fetchall()
    return [r[0] for r in rows]


def task_rows(db: sqlite_utils.Database, *, unit: str | None = None, doc: str | None = None) -> list[dict]:
    """The task table, one dict per (task, unit), keys :data:`COLUMNS`.

    :param unit: only this unit's tasks (any spelling of its name, or its unit_id)
    :param doc: only this document (number, id or file name)
    """
    assigned, documents, params = ["1"], "1", []
    if unit is not None:
        ids = unit_ids(db, unit)
        if not ids:
            return []
        assigned.append(f"ut.unit_id IN ({', '.join('?' * len(ids))})")
        params += ids
    doc_params: list = []
    if doc is not None:
        docs = document_ids(db, doc)
        if not docs:
            return []
        marks = ", ".join("?" * len(docs))
        assigned.append(f"ut.document_id IN ({marks})")
        documents = f"d.id IN ({marks})"
        params += docs
        doc_params = docs
    unassigned = _UNASSIGNED_SQL.format(documents=documents) if unit is None else ""
    sql = _ROWS_SQL.format(assigned=" AND ".join(assigned), unassigned=unassigned)
    cursor = db.execute(sql, params + (doc_params if unit is None else []))
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    refs = _cited_refs(db, {r["node_pk"] for r in rows})
    out = []
    for row in rows:
        row["cited_refs"] = refs.get(row["node_pk"], [])
        out.append({c: row[c] for c in COLUMNS})
    return out


def _cited_refs(db: sqlite_utils.Database, node_pks: set[int]) -> dict[int, list[str]]:
    """The distinct refs each node cites, in the order first cited."""
    out: dict[int, list[str]] = {}
    if not node_pks:
        return out
    rows = db.execute("""
        SELECT n.id, l.ref FROM citations c
        JOIN nodes n ON n.document_id = c.document_id AND n.node_id = c.node_id
        JOIN legal_documents l ON l.id = c.legal_document_id
        ORDER BY n.id, c.start, c.id""").fetchall()
    for pk, ref in rows:
        if pk in node_pks and ref not in out.setdefault(pk, []):
            out[pk].append(ref)
    return out


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
    ws.freeze_panes = "G2"  # header row and document/node columns stay in view
    ws.auto_filter.ref = ws.dimensions
    wb.save(path)


def export(
    db: str | Path,
    fmt: ExportFormat | str,
    out: str | Path | None = None,
    *,
    unit: str | None = None,
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
        rows = task_rows(database, unit=unit, doc=doc)
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
