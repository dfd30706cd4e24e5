"""The registry's query commands: cites, tasks, units, docs, search, implements.

Each is arguments → one ``pipeline.api`` call → ``render(rows, fmt)``. When a name
or a reference matches nothing, close matches are suggested on stderr (the result,
an empty list, stays on stdout). Added to the ``kehoach`` app by :func:`register`
(called at the end of ``pipeline/cli.py``).
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

CITES_COLUMNS = ("ref", "canonical_ref", "relation", "document_label", "document_date", "document_number",
                 "document_issuer", "document_id", "path", "node_id", "task", "sentence", "text", "unit", "deadline",
                 "corrected")
TASKS_COLUMNS = ("unit", "jurisdiction", "role", "deadline", "deadline_text", "document_label", "document_number",
                 "document_issuer", "document_date", "document_id", "node_id", "task", "text", "inherited",
                 "is_group", "unit_id", "corrected")
UNITS_COLUMNS = ("unit", "jurisdiction", "is_group", "tasks", "documents", "leads", "supports", "unit_id")
DOCS_COLUMNS = ("id", "label", "doc_type", "number", "issuer", "date", "title", "nodes", "tasks", "citations",
                "assignments", "corrections", "version", "current", "superseded_by", "same_as", "text_source", "warnings", "path",
                "ingested_at")
SEARCH_COLUMNS = ("document_label", "document_number", "document_issuer", "document_id", "node_id", "heading",
                  "snippet", "rank")
IMPLEMENTS_COLUMNS = ("ref", "document_label", "document_type", "document_number", "document_issuer",
                      "document_date", "document_title", "document_id", "nodes", "cited_document_id")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kehoach: {message}", err=True)
    raise typer.Exit(code)


# What fits a terminal; --format json/csv give every column of the *_COLUMNS above.
TABLE_COLUMNS = {
    CITES_COLUMNS: ("document_label", "document_date", "node_id", "relation", "sentence", "unit", "deadline"),
    TASKS_COLUMNS: ("unit", "jurisdiction", "role", "deadline", "document_label", "node_id", "text"),
    UNITS_COLUMNS: ("unit", "jurisdiction", "is_group", "tasks", "documents", "leads", "supports"),
    DOCS_COLUMNS: ("id", "label", "issuer", "date", "nodes", "tasks", "citations", "assignments", "warnings"),
    SEARCH_COLUMNS: ("document_label", "document_issuer", "node_id", "snippet"),
    IMPLEMENTS_COLUMNS: ("document_label", "document_issuer", "document_date", "document_title"),
}


def _run(query: Callable[[], list[dict]], fmt: OutputFormat | None, columns: tuple[str, ...], title: str,
         suggest: Callable[[], list[str]] | None = None, nothing: str = "", group_by: str | None = None) -> None:
    try:
        rows = query()
        close = suggest() if suggest is not None and not rows else []
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    render(rows, fmt, columns=columns, title=title, table_columns=TABLE_COLUMNS.get(columns), group_by=group_by)
    if not rows and nothing:
        typer.echo(f"kehoach: {nothing}" + (f"; close matches: {'; '.join(close)}" if close else ""), err=True)


def cites(
    ref: Annotated[str, typer.Argument(help='The cited document: "33/CT-TTg", "33/ct-ttg", "Chỉ thị 33/CT-TTg", '
                                            'a name ("Luật Đất đai") or a fragment ("33/CT").')],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = None,
) -> None:
    """Tasks (and other nodes) citing a document: the citing document and date, the sentence
    that cites, the relation, the lead unit and the deadline.

    A law cited by name and by number is one document when the text or the lexicon links them.
    When nothing matches, close names and numbers are suggested on stderr.

    Example: kehoach cites "Luật Tổ chức chính quyền địa phương" --db kehoach.db --format json
    """
    _run(lambda: api.query_cites(db, ref), fmt, CITES_COLUMNS, f"Citing {ref}",
         suggest=lambda: api.suggest_refs(db, ref), nothing=f"nothing cites {ref!r}")


UnitOption = Annotated[str | None, typer.Option("--unit", help="A unit name in any spelling, optionally with its "
                                               "jurisdiction (\"Sở Tài chính thành phố Hà Nội\"), or a unit_id.")]
JurisdictionOption = Annotated[str | None, typer.Option("--jurisdiction", help="Only units of this province, city "
                                                       "or commune (\"Hà Nội\"), or \"Trung ương\".")]


def tasks(
    db: DbOption = DEFAULT_DB,
    unit: UnitOption = None,
    jurisdiction: JurisdictionOption = None,
    doc: Annotated[str | None, typer.Option("--doc", help="A document number (45/KH-UBND), id, label or file "
                                                          "name.")] = None,
    due_before: Annotated[str | None, typer.Option("--due-before", help="Only deadlines before DATE "
                                                                         "(YYYY-MM-DD).")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only deadlines before today.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Tasks with their unit, jurisdiction, role and deadline: a unit's to-do list with --unit.

    "Sở Tài chính" of two provinces are two units: --unit "Sở Tài chính" lists both, grouped
    by jurisdiction; --unit "Sở Tài chính thành phố Hà Nội" (or --jurisdiction "Hà Nội") one.
    A unit heading's lead covers the items under it, except an item that names its own lead;
    a parent's deadline applies to its children.

    Example: kehoach tasks --unit "Sở Tài chính" --jurisdiction "Hà Nội" --due-before 2025-12-31
    """
    named = " ".join(p for p in (unit, jurisdiction and f"({jurisdiction})") if p)
    _run(lambda: api.query_tasks(db, unit=unit, jurisdiction=jurisdiction, doc=doc, due_before=due_before,
                                 overdue=overdue, today=dt.date.today()),
         fmt, TASKS_COLUMNS, f"Tasks of {named}" if named else "Tasks",
         suggest=(lambda: api.suggest_units(db, unit)) if unit else None,
         nothing=f"no tasks for {named}" if unit else "", group_by="jurisdiction" if unit else None)


def units(
    name: Annotated[str | None, typer.Argument(help="Only units of this name (any spelling, optionally with "
                                                    "a jurisdiction).")] = None,
    db: DbOption = DEFAULT_DB,
    jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="Only units of this province, "
                                                     "city or commune (\"Hà Nội\").")] = None,
    fmt: FormatOption = None,
) -> None:
    """Assigned units, one row per unit and jurisdiction, with their task counts; catch-all
    groups ("các sở, ban, ngành") come after the bodies.

    Example: kehoach units "Sở Tài chính" --db kehoach.db --format json
    """
    _run(lambda: api.query_units(db, name=name, jurisdiction=jurisdiction), fmt, UNITS_COLUMNS, "Units",
         suggest=(lambda: api.suggest_units(db, name)) if name else None,
         nothing=f"no unit {name!r}" if name else "")


def docs(
    db: DbOption = DEFAULT_DB,
    all_versions: Annotated[bool, typer.Option("--all", help="Include superseded versions.")] = False,
    fmt: FormatOption = None,
) -> None:
    """Ingested documents with their label (number, else type + title + date, else file name),
    warnings and node, task, citation and assignment counts; --all adds superseded versions and copies.

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
    _run(lambda: api.query_implements(db, ref), fmt, IMPLEMENTS_COLUMNS, f"Implementing {ref}",
         suggest=lambda: api.suggest_refs(db, ref), nothing=f"nothing implements {ref!r}")


COMMANDS = {"cites": cites, "tasks": tasks, "units": units, "docs": docs, "search": search,
            "implements": implements}


def register(app: typer.Typer) -> None:
    """Add the query commands to the ``kehoach`` app."""
    for name, command in COMMANDS.items():
        app.command(name)(command)
