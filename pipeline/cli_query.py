"""The registry's query commands: cites, tasks, docs, search, implements.

Each is arguments → one ``pipeline.api`` call → ``render(rows, fmt)``. Added to
the ``kehoach`` app by :func:`register` (called at the end of ``pipeline/cli.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from kehoach.pipeline import api
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.render import OutputFormat, render

DEFAULT_DB = Path("kehoach.db")

DbOption = Annotated[Path, typer.Option("--db", help="The registry database file.")]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", help="table (default on a terminal), json (default in a pipe) or csv."),
]

CITES_COLUMNS = ("ref", "document_number", "document_issuer", "document_id", "node_id", "task", "text", "unit",
                 "deadline", "relation")
TASKS_COLUMNS = ("unit", "role", "deadline", "deadline_text", "document_number", "document_issuer", "document_id",
                 "node_id", "task", "text", "inherited", "unit_id")
DOCS_COLUMNS = ("id", "doc_type", "number", "issuer", "date", "title", "nodes", "tasks", "citations",
                "assignments", "version", "current", "superseded_by", "path", "ingested_at")
SEARCH_COLUMNS = ("document_number", "document_issuer", "document_id", "node_id", "heading", "snippet", "rank")
IMPLEMENTS_COLUMNS = ("ref", "document_type", "document_number", "document_issuer", "document_date",
                      "document_title", "document_id", "nodes", "cited_document_id")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kehoach: {message}", err=True)
    raise typer.Exit(code)


# What fits a terminal; --format json/csv give every column of the *_COLUMNS above.
TABLE_COLUMNS = {
    CITES_COLUMNS: ("document_number", "document_issuer", "node_id", "text", "unit", "deadline"),
    TASKS_COLUMNS: ("unit", "role", "deadline", "document_number", "node_id", "text"),
    DOCS_COLUMNS: ("id", "doc_type", "number", "issuer", "date", "nodes", "tasks", "citations", "assignments"),
    SEARCH_COLUMNS: ("document_number", "document_issuer", "node_id", "snippet"),
    IMPLEMENTS_COLUMNS: ("document_type", "document_number", "document_issuer", "document_date", "document_title"),
}


def _run(query: Callable[[], list[dict]], fmt: OutputFormat | None, columns: tuple[str, ...], title: str) -> None:
    try:
        rows = query()
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    render(rows, fmt, columns=columns, title=title, table_columns=TABLE_COLUMNS.get(columns))


def cites(
    ref: Annotated[str, typer.Argument(help='The cited document: "33/CT-TTg", "33/ct-ttg", "Chỉ thị 33/CT-TTg"…')],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = None,
) -> None:
    """Tasks (and other nodes) citing a document, with the citing document, unit and deadline.

    Example: kehoach cites 33/CT-TTg --db kehoach.db --format json
    """
    _run(lambda: api.query_cites(db, ref), fmt, CITES_COLUMNS, f"Citing {ref}")


def tasks(
    db: DbOption = DEFAULT_DB,
    unit: Annotated[str | None, typer.Option("--unit", help="A unit name in any spelling, or a unit_id.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="A document number (45/KH-UBND) or id.")] = None,
    due_before: Annotated[str | None, typer.Option("--due-before", help="Only deadlines before DATE "
                                                                         "(YYYY-MM-DD).")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only deadlines before today.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Tasks with their unit, role and deadline: a unit's to-do list with --unit.

    A unit heading's lead covers every item under it; a parent's deadline its children.

    Example: kehoach tasks --unit "Phòng Văn hóa - Xã hội" --due-before 2025-12-31
    """
    _run(lambda: api.query_tasks(db, unit=unit, doc=doc, due_before=due_before, overdue=overdue,
                                 today=dt.date.today()),
         fmt, TASKS_COLUMNS, f"Tasks of {unit}" if unit else "Tasks")


def docs(
    db: DbOption = DEFAULT_DB,
    all_versions: Annotated[bool, typer.Option("--all", help="Include superseded versions.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Ingested documents with node, task, citation and assignment counts.

    Example: kehoach docs --db kehoach.db --format csv
    """
    _run(lambda: api.query_docs(db, all_versions=all_versions), fmt, DOCS_COLUMNS, "Documents")


def search(
    query: Annotated[str, typer.Argument(help='Words ("dan van" finds "dân vận"), "a phrase", word*, OR, NOT.')],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many results.")] = 20,
    fmt: FormatOption = None,
) -> None:
    """Full-text search over node text, best match first, with a snippet.

    Example: kehoach search "dang uy" --limit 5
    """
    _run(lambda: api.query_search(db, query, limit=limit), fmt, SEARCH_COLUMNS, f"Search: {query}")


def implements(
    ref: Annotated[str, typer.Argument(help='The implemented document, e.g. "33/CT-TTg".')],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = None,
) -> None:
    """Ingested documents that implement a document (cite it with "Thực hiện …").

    cited_document_id is the registry's own copy of REF, when it holds one.

    Example: kehoach implements "Chỉ thị 33/CT-TTg" --format json
    """
    _run(lambda: api.query_implements(db, ref), fmt, IMPLEMENTS_COLUMNS, f"Implementing {ref}")


COMMANDS = {"cites": cites, "tasks": tasks, "docs": docs, "search": search, "implements": implements}


def register(app: typer.Typer) -> None:
    """Add the query commands to the ``kehoach`` app."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
