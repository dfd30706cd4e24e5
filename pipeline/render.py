"""Everything the terminal shows: query rows as a table, JSON or CSV, and ingest's progress.

``table`` is a rich table (this module is the only one that uses rich); ``json``
a JSON array of objects; ``csv`` a header line and one line per row. With no
format given, a terminal gets a table and a pipe gets JSON. Cell text is never
read as rich markup: "[phòng]" in a snippet stays "[phòng]".

:class:`IngestView` shows ``kehoach ingest``: on a terminal a progress bar naming
the files being read (and the pages being OCR'd), with one line per finished file
and its warnings above it; in a pipe, the same lines as plain text.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Self, TextIO


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
    group_by: str | None = None,
) -> None:
    """Write ``rows`` to ``stream`` (default stdout) in one format.

    :param rows: the query result, one dict per row
    :param fmt: table, json or csv; None picks :func:`default_format`
    :param columns: the columns to show, in order (default: every key, first seen first)
    :param title: a caption for the table format
    :param table_columns: a narrower set for the table format, which must fit a terminal
        (long text is shortened there; JSON and CSV keep every column and all the text)
    :param group_by: in the table format, a rule between rows whose value of this column differs
        (the rows come sorted by it)
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
        _table(rows, list(table_columns or cols), title, stream, group_by)


def _table(rows: Sequence[dict], cols: list[str], title: str | None, stream: TextIO, group_by: str | None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(title) if title else None, show_lines=False, expand=False)
    for c in cols:
        table.add_column(c.replace("_", " "), overflow="fold", min_width=TEXT_MIN_WIDTH if c in _TEXT_COLUMNS else None)
    for i, row in enumerate(rows):
        following = rows[i + 1] if i + 1 < len(rows) else None
        # Text, not str: a cell is never read as rich markup.
        table.add_row(*(Text(_shorten(_cell(row.get(c)))) for c in cols),
                      end_section=bool(group_by and following and following.get(group_by) != row.get(group_by)))
    console = Console(file=stream, soft_wrap=False)
    console.print(table)
    if not rows:
        console.print("(no rows)", markup=False)


STATUS_STYLES = {"loaded": "green", "skipped": "cyan", "failed": "red", "ignored": "yellow"}
DESCRIPTION_WIDTH = 60  # characters of the progress bar's "now reading" text


class IngestView:
    """What ``kehoach ingest`` shows while it runs, and its summary.

    One line per file ("loaded   PATH: details", then "warning: …" lines) on a terminal as
    in a pipe; on a terminal (``live``) a progress bar below them names the files being
    read and what the reader reports ("OCR of 80 of 80 pages"). Its methods are the
    callbacks of ``api.ingest``.

    :param live: draw the progress bar and the summary table (a terminal)
    :param console: where to draw (default: stdout); tests pass a recording console
    :param out: plain lines go here (default: stdout; failures to ``err``, default stderr)
    """

    def __init__(self, live: bool, *, console=None, out: TextIO | None = None, err: TextIO | None = None):
        self.live = live
        self._console = console
        self._out, self._err = out, err
        self._bar = None
        self._task = None
        self._reading: dict[str, str] = {}  # path → what is happening to it

    @property
    def console(self):
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False)
        return self._console

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def planned(self, count: int) -> None:
        """The number of files to read is known: start the bar."""
        if not self.live:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(TextColumn("{task.description}", markup=False), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), console=self.console, transient=False)
        self._task = self._bar.add_task("reading", total=count)
        self._bar.start()

    def progress(self, path: str, what: str) -> None:
        """A file is being read; ``what`` is the reader's news ("reading", "OCR of 12 of 80 pages")."""
        self._reading[path] = what
        self._describe()

    def _describe(self) -> None:
        if self._bar is None:
            return
        parts = [f"{Path(p).name}" + ("" if w == "reading" else f" ({w})") for p, w in self._reading.items()]
        text = ", ".join(parts) or "reading"
        if len(text) > DESCRIPTION_WIDTH:
            text = text[:DESCRIPTION_WIDTH - 1] + "…"
        self._bar.update(self._task, description=text)

    def entry(self, entry) -> None:
        """A file's fate is known: its line, and its warnings."""
        was_reading = self._reading.pop(entry.path, None) is not None
        # A file read on a Dask cluster sends no news while it is read: its result is the news.
        was_reading = was_reading or getattr(entry, "worker", None) is not None
        if self.live:
            from rich.text import Text

            line = Text(f"{entry.status:<8}", style=STATUS_STYLES.get(entry.status, ""))
            line.append(f" {entry.path}" + (f": {entry.detail}" if entry.detail else ""))
            for warning in entry.warnings:
                line.append(f"\n         warning: {warning}", style="yellow")
            self.console.print(line)
            if self._bar is not None and was_reading:
                self._bar.advance(self._task)
            self._describe()
            return
        stream = (self._err or sys.stderr) if entry.status == "failed" else (self._out or sys.stdout)
        stream.write(f"{entry.status:<8} {entry.path}" + (f": {entry.detail}" if entry.detail else "") + "\n")
        for warning in entry.warnings:
            stream.write(f"         warning: {warning}\n")
        stream.flush()

    def summary(self, report, db: str | Path) -> None:
        """The counts (and on a terminal a table of them), after the run."""
        if self.live:
            from rich.table import Table
            from rich.text import Text

            table = Table(title=Text(f"kehoach ingest → {db} ({report.seconds:.1f} s)"))
            for column in ("status", "files", "details"):
                table.add_column(column)
            table.add_row("loaded", str(len(report.loaded)), "")
            table.add_row("skipped", str(len(report.skipped)), "already in the registry, or a copy of a document in it")
            table.add_row("failed", str(len(report.failed)),
                          Text("\n".join(f"{Path(e.path).name}: {e.detail}" for e in report.failed[:20])))
            if report.ignored:
                table.add_row("ignored", str(len(report.ignored)), "not documents kehoach reads (see above)")
            self.console.print(table)
        self._per_worker(report)
        ignored = f", {len(report.ignored)} ignored" if report.ignored else ""
        line = (f"{len(report.loaded)} loaded, {len(report.skipped)} skipped, {len(report.failed)} failed{ignored} "
                f"in {report.seconds:.1f} s → {db}")
        if self.live:
            self.console.print(line, markup=False, highlight=False)
        else:
            (self._out or sys.stdout).write(line + "\n")

    def _per_worker(self, report) -> None:
        """Documents per Dask worker (nothing on the local pool)."""
        counts = report.per_worker()
        if not counts:
            return
        if not self.live:
            (self._out or sys.stdout).write(
                "per worker: " + ", ".join(f"{worker} {n}" for worker, n in sorted(counts.items())) + "\n")
            return
        from rich.table import Table

        table = Table(title="documents per Dask worker")
        table.add_column("worker")
        table.add_column("documents", justify="right")
        for worker, n in sorted(counts.items()):
            table.add_row(worker, str(n))
        self.console.print(table)
