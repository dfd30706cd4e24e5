"""The clerk's commands: correct, corrections (list, export) and status.

Each is arguments → one ``pipeline.api`` call → ``render``. A mistake (no such
document or node, a bad date, nothing to change) is one line on stderr and exit
status 2, and the registry is left as it was. Added to the ``kehoach`` app by
:func:`register` (called in ``pipeline/cli.py``).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kehoach.pipeline import api
from kehoach.pipeline.cli_query import DEFAULT_DB, DbOption, FormatOption, JurisdictionOption, UnitOption
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.render import OutputFormat, render

ByOption = Annotated[str | None, typer.Option("--by", help="Who makes the correction (default: $USER, else "
                                                            "\"clerk\").")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why, or what was checked.")]
NodeArg = Annotated[str, typer.Argument(help='The node id, as on the review page: "II.1", "III.2.a", "preamble".')]
UnitArg = Annotated[str, typer.Argument(help="The unit as written (any spelling of its name).")]
DeadlineOption = Annotated[str | None, typer.Option("--deadline", help="YYYY-MM-DD or DD/MM/YYYY; \"none\" clears "
                                                                       "it.")]


class Role(str, Enum):
    lead = "lead"
    support = "support"


class YesNo(str, Enum):
    yes = "yes"
    no = "no"


class CitationAction(str, Enum):
    add = "add"
    remove = "remove"
    fix = "fix"


class Status(str, Enum):
    not_started = "not-started"
    in_progress = "in-progress"
    done = "done"


RECORDED_COLUMNS = ("correction_id", "document_id", "change", "outcome", "reason")
CORRECTIONS_COLUMNS = ("correction_id", "document_label", "document_id", "node_id", "action", "change", "outcome",
                       "reason", "old_value", "new_value", "author", "created_at", "note", "made_on")
CORRECTIONS_TABLE = ("correction_id", "document_label", "change", "outcome", "reason", "author", "created_at")
STATUS_COLUMNS = ("unit", "jurisdiction", "tasks", "done_on_time", "done_late", "in_progress", "overdue",
                  "no_deadline", "as_of", "unit_id")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kehoach: {message}", err=True)
    raise typer.Exit(code)


def _author(by: str | None) -> str | None:
    import os

    return by or os.environ.get("USER") or None


def _record(ctx: typer.Context, action: str, node: str | None, db: Path, by: str | None, note: str | None,
            fmt: OutputFormat | None, **values) -> None:
    try:
        done = api.correct(db, ctx.obj, action, node, author=_author(by), note=note, **values)
        row = next(r for r in api.corrections(db, doc=str(done.document_id))
                   if r["correction_id"] == done.correction_id)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    render([row], fmt, columns=RECORDED_COLUMNS, title=f"Correction of {row['document_label']}")


correct_app = typer.Typer(no_args_is_help=True)


@correct_app.callback()
def correct(
    ctx: typer.Context,
    doc: Annotated[str, typer.Argument(metavar="DOC", help="The document: its number in any written form "
                                                           "(\"45/KH-UBND\") or its registry id (kehoach docs).")],
) -> None:
    """Correct what was misread in a document, or set a task's status: DOC ACTION …

    A correction is kept as data beside what was read (kehoach corrections list shows them)
    and is re-applied when a new version of the document is ingested, while its node's text
    still matches. Each prints the correction as JSON in a pipe.

    Example: kehoach correct 45/KH-UBND remove-assignment III.1 "Phòng Văn hóa - Xã hội" lead
    """
    ctx.obj = doc


@correct_app.command("add-assignment")
def add_assignment(ctx: typer.Context, node: NodeArg, unit: UnitArg, role: Role, deadline: DeadlineOption = None,
                   jurisdiction: Annotated[str | None, typer.Option("--jurisdiction", help="Where the unit "
                                           "belongs (default: as elsewhere in the document).")] = None,
                   db: DbOption = DEFAULT_DB, by: ByOption = None, note: NoteOption = None,
                   fmt: FormatOption = None) -> None:
    """Assign a unit to a node as lead (chủ trì) or support (phối hợp).

    Example: kehoach correct 45/KH-UBND add-assignment II.1 "Sở Y tế" lead --deadline 31/12/2025
    """
    _record(ctx, "add_assignment", node, db, by, note, fmt, unit=unit, role=role.value, deadline=deadline,
            jurisdiction=jurisdiction)


@correct_app.command("remove-assignment")
def remove_assignment(ctx: typer.Context, node: NodeArg, unit: UnitArg, role: Role, db: DbOption = DEFAULT_DB,
                      by: ByOption = None, note: NoteOption = None, fmt: FormatOption = None) -> None:
    """Remove a wrong assignment from a node.

    Example: kehoach correct 45/KH-UBND remove-assignment III.1 "Phòng Văn hóa - Xã hội" lead
    """
    _record(ctx, "remove_assignment", node, db, by, note, fmt, unit=unit, role=role.value)


@correct_app.command("change-assignment")
def change_assignment(ctx: typer.Context, node: NodeArg, unit: UnitArg, role: Role,
                      to_unit: Annotated[str | None, typer.Option("--to-unit", help="The right unit.")] = None,
                      to_role: Annotated[Role | None, typer.Option("--to-role", help="The right role.")] = None,
                      deadline: DeadlineOption = None, db: DbOption = DEFAULT_DB, by: ByOption = None,
                      note: NoteOption = None, fmt: FormatOption = None) -> None:
    """Change an assignment's unit, role or deadline (what is not given stays).

    Example: kehoach correct 45/KH-UBND change-assignment III.4 "Trung tâm sự nghiệp công" lead --deadline 2025-12-31
    """
    changes = {"to_unit": to_unit, "to_role": to_role.value if to_role else None}
    if deadline is not None:
        changes["deadline"] = deadline
    _record(ctx, "change_assignment", node, db, by, note, fmt, unit=unit, role=role.value, **changes)


@correct_app.command("task")
def task(ctx: typer.Context, node: NodeArg, value: Annotated[YesNo, typer.Argument(help="yes: a task; no: not "
                                                                                         "a task.")],
         db: DbOption = DEFAULT_DB, by: ByOption = None, note: NoteOption = None, fmt: FormatOption = None) -> None:
    """Mark a node as a task (nhiệm vụ) or not.

    Example: kehoach correct 45/KH-UBND task I.2 no --note "a purpose, not a task"
    """
    _record(ctx, "task", node, db, by, note, fmt, task=value is YesNo.yes)


@correct_app.command("citation")
def citation(ctx: typer.Context, node: NodeArg, what: Annotated[CitationAction, typer.Argument(help="add, remove "
                                                                                                   "or fix.")],
             ref: Annotated[str, typer.Argument(help="The cited document's number (or name) as read, or to add.")],
             to_ref: Annotated[str | None, typer.Option("--to-ref", help="fix: the right number.")] = None,
             doc_type: Annotated[str | None, typer.Option("--type", help="Its type (Chỉ thị, Nghị quyết …).")] = None,
             date: Annotated[str | None, typer.Option("--date", help="Its date of issue.")] = None,
             issuer: Annotated[str | None, typer.Option("--issuer", help="Its issuing body.")] = None,
             db: DbOption = DEFAULT_DB, by: ByOption = None, note: NoteOption = None,
             fmt: FormatOption = None) -> None:
    """Add, remove or fix a citation of a node (ref, type, date, issuer).

    Example: kehoach correct 45/KH-UBND citation preamble fix 33/CT-TTg --date 2021-11-26
    """
    given = {k: v for k, v in (("doc_type", doc_type), ("date", date), ("issuer", issuer)) if v is not None}
    if what is CitationAction.add:
        _record(ctx, "add_citation", node, db, by, note, fmt, ref=ref, **given)
    elif what is CitationAction.remove:
        _record(ctx, "remove_citation", node, db, by, note, fmt, ref=ref)
    else:
        _record(ctx, "fix_citation", node, db, by, note, fmt, ref=ref, to_ref=to_ref, **given)


@correct_app.command("metadata")
def metadata(ctx: typer.Context,
             field: Annotated[str, typer.Argument(help="doc_type, number, issuer, parent_issuer, place, date, title "
                                                       "or signer (the signer's name).")],
             value: Annotated[str, typer.Argument(help="The right value (\"\" clears it).")],
             db: DbOption = DEFAULT_DB, by: ByOption = None, note: NoteOption = None, fmt: FormatOption = None) -> None:
    """Fix a header field.

    Example: kehoach correct 12 metadata number 45/KH-UBND
    """
    _record(ctx, "metadata", None, db, by, note, fmt, field=field, value=value)


@correct_app.command("status")
def status_of(ctx: typer.Context, node: NodeArg, state: Status,
              date: Annotated[str | None, typer.Option("--date", help="The day it was done (done: default "
                                                                      "today).")] = None,
              db: DbOption = DEFAULT_DB, by: ByOption = None, note: NoteOption = None,
              fmt: FormatOption = None) -> None:
    """Set a task's status: not-started (chưa thực hiện), in-progress (đang thực hiện) or done (hoàn thành).

    Example: kehoach correct 45/KH-UBND status II.1 done --date 2025-11-30 --note "báo cáo số 12/BC-UBND"
    """
    _record(ctx, "status", node, db, by, note, fmt, status=state.value, date=date)


corrections_app = typer.Typer(no_args_is_help=True)


@corrections_app.callback()
def corrections() -> None:
    """Clerks' corrections: list them with what became of each, or export the corrected documents as gold.

    Example: kehoach corrections list --not-applying
    """


@corrections_app.command("list")
def list_corrections(
    db: DbOption = DEFAULT_DB,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document: number or registry id.")] = None,
    not_applying: Annotated[bool, typer.Option("--not-applying", help="Only those that no longer apply to the "
                                               "current version (its node changed or is gone).")] = False,
    fmt: FormatOption = None,
) -> None:
    """Corrections of current documents, oldest first, each with its outcome on the current version:
    applied; redundant (the document as read already says so); not_applying, with the reason.

    Example: kehoach corrections list --doc 45/KH-UBND --format json
    """
    try:
        rows = api.corrections(db, doc=doc, not_applying=not_applying)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    render(rows, fmt, columns=CORRECTIONS_COLUMNS, title="Corrections", table_columns=CORRECTIONS_TABLE)


@corrections_app.command("export")
def export_corrections(
    out: Annotated[Path, typer.Argument(help="The folder to write: OUT/text/*.txt and OUT/gold/*.json.")],
    db: DbOption = DEFAULT_DB,
    doc: Annotated[str | None, typer.Option("--doc", help="Only this document: number or registry id.")] = None,
) -> None:
    """Write each corrected document as text + gold JSON (the corpus format), so that
    `kehoach eval OUT` scores the extractor against the clerks' corrections.

    A document whose file is gone or changed since it was ingested is skipped with the
    reason (exit 1).

    Example: kehoach corrections export gold-ubnd && kehoach eval gold-ubnd --min assignments=0.9
    """
    try:
        report = api.export_corrections(db, out, doc=doc)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    for document_id, name in report.written:
        typer.echo(f"written  #{document_id} → {out / 'gold' / name}.json", err=True)
    for document_id, reason in report.skipped:
        typer.echo(f"skipped  #{document_id}: {reason}", err=True)
    typer.echo(f"{len(report.written)} documents written to {out}, {len(report.skipped)} skipped", err=True)
    if report.skipped:
        raise typer.Exit(1)


def status(
    db: DbOption = DEFAULT_DB,
    as_of: Annotated[str | None, typer.Option("--as-of", help="The date to judge deadlines on (YYYY-MM-DD; "
                                              "default today).")] = None,
    unit: UnitOption = None,
    jurisdiction: JurisdictionOption = None,
    chart: Annotated[Path | None, typer.Option("--chart", help="Also draw the table as a bar chart (PNG).")] = None,
    fmt: FormatOption = None,
) -> None:
    """Tasks per lead unit: done on time, done late, in progress within the deadline, overdue,
    and not done without a deadline (the Government's task-tracking categories).

    A task's deadline is its own or inherited (a unit heading's lead and a parent's deadline
    cover the items under them); statuses are set with `kehoach correct DOC status NODE …` or
    on the clerk's page (kehoach serve --edit). Tasks no unit leads are the last row.

    Example: kehoach status --jurisdiction "Hà Nội" --as-of 2025-12-31 --chart status.png
    """
    try:
        rows = api.status(db, unit=unit, jurisdiction=jurisdiction, as_of=as_of)
        if chart is not None:
            api.status_chart(rows, chart)
    except KehoachError as exc:
        _fail(str(exc), exc.exit_code)
    except OSError as exc:
        _fail(f"{chart}: cannot write ({exc.strerror or exc})")
    day = rows[0]["as_of"] if rows else as_of or "today"
    render(rows, fmt, columns=STATUS_COLUMNS, title=f"Task status as of {day}",
           table_columns=STATUS_COLUMNS[:-2])
    if chart is not None:
        typer.echo(f"chart → {chart}", err=True)


def register(app: typer.Typer) -> None:
    """Add correct, corrections and status to the ``kehoach`` app."""
    app.add_typer(correct_app, name="correct")
    app.add_typer(corrections_app, name="corrections")
    app.command("status")(status)
