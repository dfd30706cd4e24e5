"""Surfaces for people: serve (Datasette), review (an HTML page), export (a spreadsheet).

Each command is arguments → one call into ``pipeline/serve.py``,
``pipeline/review.py`` or ``pipeline/export.py``. Added to the ``kehoach`` app
by :func:`register` (called in ``pipeline/cli.py``). A user mistake (missing
registry, unknown format) is one line on stderr and exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.pipeline.errors import KehoachError

DEFAULT_DB = Path("kehoach.db")
DbOption = Annotated[Path, typer.Option("--db", help="The registry database file.")]


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kehoach: {message}", err=True)
    raise typer.Exit(code)


def serve(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535, help="Port on 127.0.0.1.")] = 8001,
) -> None:
    """Browse the registry in Datasette on http://127.0.0.1:PORT (read-only), until Ctrl-C.

    Canned queries: tasks citing a document, a unit's tasks, overdue tasks,
    documents implementing a document, most-cited documents. The search box on
    nodes takes words without diacritics ("dan van").

    Example: kehoach serve --db kehoach.db --port 8001
    """
    from kehoach.pipeline import serve as server

    try:
        server.check_registry(db)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    typer.echo(f"serving {db} on http://{server.HOST}:{port}/{server.database_name(db)} (Ctrl-C stops)", err=True)
    try:
        server.serve(db, port=port)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(f"cannot serve on {server.HOST}:{port} ({exc.strerror or exc})")


def review(
    file: Annotated[Path, typer.Argument(help="A .pdf, .docx or .txt document.")],
    out: Annotated[Path | None, typer.Option("--output", "-o", help="The HTML file to write "
                                                "(default: FILE's name with .html, here).")] = None,
) -> None:
    """Write a one-file HTML page to check an extraction: metadata, warnings, assignments,
    cited documents, and the node tree with citations and units highlighted.

    Example: kehoach review samples/pdf/gia-vien-ke-hoach-dan-van-2025.pdf -o report.html
    """
    from kehoach.pipeline import review as reviewer

    target = out if out is not None else Path(file.stem + ".html")
    try:
        plan = reviewer.write_report(file, target)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(f"{target}: cannot write ({exc.strerror or exc})")
    typer.echo(f"{target}: {len(plan.nodes)} nodes, {len(plan.citations)} citations, "
               f"{len(plan.assignments)} assignments", err=True)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or xlsx.")] = "csv",
    db: DbOption = DEFAULT_DB,
    unit: Annotated[str | None, typer.Option("--unit", help="Only this unit's tasks (any spelling).")] = None,
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="Only units of this province, city "
                                                     "or commune (\"Hà Nội\").")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document: number, id or file name.")] = None,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="The file to write (default: stdout; "
                                                "xlsx: kehoach-tasks.xlsx).")] = None,
) -> None:
    """Write the task table for spreadsheets: one row per (task, unit).

    Columns: document (label, number, issuer, date, title), node, task text, unit,
    jurisdiction, role, deadline, cited refs. The xlsx has a
    header row, frozen panes and column widths that fit Vietnamese text.

    Example: kehoach export --format xlsx --unit "Ban Công tác mặt trận thôn" -o tasks.xlsx
    """
    from kehoach.pipeline import export as exporter

    try:
        count, path = exporter.export(db, fmt, out, unit=unit, jurisdiction=jurisdiction, doc=doc)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    except BrokenPipeError:
        raise  # the reader went away (`| head`): cli.main ends quietly
    except OSError as exc:
        _fail(f"{out}: cannot write ({exc.strerror or exc})")
    if path is not None:
        typer.echo(f"{count} rows → {path}", err=True)


COMMANDS = {"serve": serve, "review": review, "export": export}


def register(app: typer.Typer) -> None:
    """Add serve, review and export to the ``kehoach`` app."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
