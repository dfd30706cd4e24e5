"""One renderer for every query command: rows (plain dicts) → table, JSON or CSV.

``table`` is a rich table (the only place rich is used for output); ``json`` a
JSON array of objects; ``csv`` a header line and one line per row. With no
format given, a terminal gets a table and a pipe gets JSON.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import TextIO


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def default_format(stream: TextIO | None = None) -> OutputFormat:
    """A table on a terminal, JSON otherwise."""
    stream = stream or sys.stdout
    return OutputFormat.table if stream.isatty() else OutputFormat.json


def _columns(rows: Sequence[dict], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


TABLE_TEXT_LIMIT = 90  # characters of a cell shown in the table format
TEXT_MIN_WIDTH = 30
_TEXT_COLUMNS = {"text", "snippet", "heading", "title", "document_title", "deadline_text"}


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TABLE_TEXT_LIMIT else text[:TABLE_TEXT_LIMIT - 1].rstrip() + "…"


def render(
    rows: Sequence[dict],
    fmt: OutputFormat | str | None = None,
    *,
    columns: Sequence[str] | None = None,
    title: str | None = None,
    stream: TextIO | None = None,
    table_columns: Sequence[str] | None = None,
) -> None:
    """Write ``rows`` to ``stream`` (default stdout) in one format.

    :param rows: the query result, one dict per row
    :param fmt: table, json or csv; None picks :func:`default_format`
    :param columns: the columns to show, in order (default: every key, first seen first)
    :param title: a caption for the table format
    :param table_columns: a narrower set for the table format, which must fit a terminal
        (long text is shortened there; JSON and CSV keep every column and all the text)
    """
    stream = stream or sys.stdout
    fmt = OutputFormat(fmt) if fmt is not None else default_format(stream)
    cols = _columns(rows, columns)
    if fmt is OutputFormat.json:
        data = [{c: row.get(c) for c in cols} for row in rows]
        stream.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    elif fmt is OutputFormat.csv:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(cols)
        for row in rows:
            writer.writerow([_cell(row.get(c)) if not isinstance(row.get(c), bool) else int(row[c])
                             for c in cols])
    else:
        from rich.console import Console
        from rich.table import Table

        cols = list(table_columns or cols)
        table = Table(title=title, show_lines=False, expand=False)
        for c in cols:
            table.add_column(c.replace("_", " "), overflow="fold",
                             min_width=TEXT_MIN_WIDTH if c in _TEXT_COLUMNS else None)
        for row in rows:
            table.add_row(*(_shorten(_cell(row.get(c))) for c in cols))
        console = Console(file=stream, soft_wrap=False)
        console.print(table)
        if not rows:
            console.print("(no rows)")
