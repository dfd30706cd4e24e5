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
    edit: Annotated[bool, typer.Option("--edit", help="Also serve the clerk's edit pages (/edit/): corrections "
                                       "and task status, with the access link printed at start.")] = False,
    host: Annotated[str, typer.Option("--host", help="With --edit: the address to listen on (a host other than "
                                      "loopback needs --password-file).")] = "127.0.0.1",
    password_file: Annotated[Path | None, typer.Option("--password-file", help="With --edit: a file whose first "
                                                       "line is the password every page then asks for.")] = None,
) -> None:
    """Browse the registry in Datasette on http://127.0.0.1:PORT (read-only), until Ctrl-C.

    Canned queries: tasks citing a document, a unit's tasks, overdue tasks,
    documents implementing a document, most-cited documents, task status by unit
    (with a chart), corrections. The search box on nodes takes words without
    diacritics ("dan van"). With --edit, /edit/ has a page per document to correct
    what was read and set task statuses: open the link with the token printed at start.

    Example: kehoach serve --db kehoach.db --port 8001 --edit
    """
    from kehoach.pipeline import serve as server

    try:
        server.check_registry(db)
        if edit:
            _serve_edit(db, port, host, password_file)
            return
        if host != server.HOST:
            _fail("--host is for --edit (with --password-file off loopback); plain serve stays on 127.0.0.1")
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    typer.echo(f"serving {db} on http://{server.HOST}:{port}/{server.database_name(db)} (Ctrl-C stops)", err=True)
    try:
        server.serve(db, port=port)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(f"cannot serve on {server.HOST}:{port} ({exc.strerror or exc})")


def _serve_edit(db: Path, port: int, host: str, password_file: Path | None) -> None:
    from kehoach.pipeline import serve_edit

    password = serve_edit.check_host(host, password_file)

    def ready(link: str) -> None:
        typer.echo(f"serving {db} on http://{host}:{port}/ (Ctrl-C stops)", err=True)
        typer.echo(f"edit pages: {link}", err=True)
        typer.echo("  (the token is asked once, then kept as a cookie; do not share the link)", err=True)

    try:
        serve_edit.serve(db, port=port, host=host, password=password, on_ready=ready)
    except OSError as exc:
        _fail(f"cannot serve on {host}:{port} ({exc.strerror or exc})")


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
