"""The `kehoach` command line: arguments → one API call → output.

User mistakes (a missing file, a file that is not a document) become one line
on stderr and exit status 2; a batch with failures exits 1.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from kehoach import __version__
from kehoach.pipeline import api
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.worker import DEFAULT_TIMEOUT

app = typer.Typer(
    name="kehoach",
    help="Turn Vietnamese government plans, directives and decisions into a queryable task registry.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEFAULT_DB = Path("kehoach.db")


class ExtractFormat(str, Enum):
    json = "json"
    text = "text"


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"kehoach: {message}", err=True)
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kehoach {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn Vietnamese government plans, directives and decisions into a queryable task registry."""


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="A .pdf, .docx or .txt document.")],
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="json: the JSON contract; "
                                               "text: the normalised text.")] = ExtractFormat.json,
) -> None:
    """Extract one document and print it as JSON (or its normalised text).

    Example: kehoach extract samples/pdf/gia-vien-ke-hoach-dan-van-2025.pdf --format json
    """
    try:
        if fmt is ExtractFormat.text:
            typer.echo(api.normalised_text(file))
        else:
            plan = api.extract(file)
            typer.echo(json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2))
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (searched recursively for "
                                                     ".pdf, .docx and .txt).")],
    db: Annotated[Path, typer.Option("--db", help="The registry database file.")] = DEFAULT_DB,
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1,
                                                   help="Extraction processes (default: CPU cores); "
                                                        "with --scheduler the cluster's workers decide.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=1,
                                           help="Seconds per document before it is abandoned.")] = DEFAULT_TIMEOUT,
    ocr: Annotated[bool, typer.Option("--ocr/--no-ocr", help="Re-read scanned or garbled pages with "
                                      "Tesseract when it is installed.")] = True,
    progress: Annotated[bool | None, typer.Option("--progress/--no-progress", help="Progress bar "
                                                     "(default: on a terminal).")] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", envvar="KEHOACH_SCHEDULER", help="Read the files on the Dask cluster at this address "
        "instead of local processes; this process still writes the registry. Example: --scheduler "
        "tcp://127.0.0.1:8786 (start one with `make cluster`).")] = None,
    shared_fs: Annotated[bool, typer.Option("--shared-fs", help="With --scheduler: send paths, not bytes, "
                                            "when the workers see the same files at the same absolute "
                                            "paths. Example: --scheduler tcp://10.0.0.5:8786 --shared-fs")] = False,
) -> None:
    """Load documents into the registry, one transaction per document.

    Files already in the registry (same bytes) are skipped before they are read,
    so an interrupted run resumes where it stopped; a file holding a document the
    registry has (a re-saved or re-scanned copy) is recorded as "same document as
    …", and a changed one as "version 2 of …, replaces …". Files are read in
    parallel child processes; a file that cannot be read, or takes longer than
    --timeout, is reported and leaves the registry as it was; the others still
    load. Each file gets one line with its warnings; files in a folder that are
    not read (.doc without LibreOffice, spreadsheets, images) are listed as ignored.

    With --scheduler (or KEHOACH_SCHEDULER) the files are read on a Dask cluster
    instead: each file is one task, sent as bytes unless --shared-fs; timeouts and
    memory limits hold on the workers, and the results load here as they finish.

    Example: kehoach ingest ../shared/corpus/pdf --workers 2 --db kehoach.db

    Example: kehoach ingest ../shared/corpus/pdf --scheduler tcp://127.0.0.1:8786
    """
    from kehoach.pipeline.readers import ReadOptions
    from kehoach.pipeline.render import IngestView

    cluster = _connect_cluster(scheduler, shared_fs)  # first: an unreachable cluster leaves no registry behind
    view = IngestView(sys.stdout.isatty() if progress is None else progress)
    try:
        with view:
            report = api.ingest(db, paths, workers=workers, timeout=timeout, options=ReadOptions(ocr=ocr),
                                on_planned=view.planned, on_entry=view.entry, on_progress=view.progress,
                                cluster=cluster)
    except KehoachError as exc:  # the registry cannot be opened, or the cluster went away mid-run
        fail(str(exc), exc.exit_code)
    except KeyboardInterrupt:
        fail("interrupted; documents loaded so far stay in the registry", 130)
    finally:
        if cluster is not None:
            cluster.close()
    view.summary(report, db)
    if report.failed:
        raise typer.Exit(1)


def _connect_cluster(scheduler: str | None, shared_fs: bool):
    """The Dask cluster for --scheduler, announced with its dashboard; None without it."""
    if scheduler is None:
        if shared_fs:
            fail("--shared-fs goes with --scheduler (or KEHOACH_SCHEDULER): the local workers read paths anyway")
        return None
    import logging

    from kehoach.pipeline import cluster

    # Dask's client logs tracebacks when the scheduler goes away; we say it in one line.
    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    try:
        connected = cluster.connect(scheduler, shared_fs=shared_fs)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(connected.describe(), err=True)
    return connected


@app.command()
def summary(
    db: Annotated[Path, typer.Option("--db", help="The registry database file.")] = DEFAULT_DB,
) -> None:
    """Print the registry's row counts.

    Example: kehoach summary --db kehoach.db
    """
    try:
        counts = api.summary(db)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(", ".join(f"{count} {name}" for name, count in counts.items()))


@app.command()
def rekey(
    db: Annotated[Path, typer.Option("--db", help="The registry database file.")] = DEFAULT_DB,
) -> None:
    """Rebuild the registry's matching keys after an upgrade of kehoach.

    Keys fold names and numbers so that spellings of one thing meet ("Sở TN&MT" and
    "Sở Tài nguyên và Môi trường"). When a new kehoach folds differently, every command
    refuses the registry until its keys are rebuilt: this does it, in one transaction,
    from the values stored; rows that now name the same thing become one.

    Example: kehoach rekey --db kehoach.db
    """
    try:
        result = api.rekey(db)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(f"keys {result.old_version or 'unrecorded'} → {result.new_version}: {result.documents} documents, "
               f"{result.legal_documents_merged} cited documents merged, units {result.units_before} → "
               f"{result.units} ({db})")


@app.command()
def upgrade(
    db: Annotated[Path, typer.Option("--db", help="The registry database file.")] = DEFAULT_DB,
) -> None:
    """Bring a registry written by an older kehoach up to this one's schema, in place.

    The clerks' corrections and task statuses are kept; a registry too old to upgrade
    is named as such (ingest again into a new file).

    Example: kehoach upgrade --db kehoach.db
    """
    try:
        before, after = api.upgrade(db)
    except KehoachError as exc:
        fail(str(exc), exc.exit_code)
    typer.echo(f"schema {before} → {after} ({db})" if before != after else f"schema {after}: up to date ({db})")


@app.command("eval")
def eval_command(
    corpus: Annotated[Path, typer.Argument(help="A folder with text/*.txt and gold/*.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="Also list what each document got wrong.")] = False,
    minimum: Annotated[list[str] | None, typer.Option(
        "--min", help="FIGURE=VALUE: exit 1 when a total is below it (nodes, citations, mentions, assignments: "
                      "F1; cite_dates, metadata: accuracy). Repeat for several.")] = None,
    originals: Annotated[Path | None, typer.Option(
        "--originals", help="A folder of original files (PDF scans): documents that CORPUS/SOURCES.tsv names "
                            "are read from there instead of their text/ transcript.")] = None,
) -> None:
    """Score extraction against a gold corpus: P/R/F1 per document and in total.

    Exits 0 unless a --min is given and a total falls below it (then 1, naming it on stderr).

    Example: kehoach eval ../shared/corpus --min nodes=0.98 --min assignments=0.9
    """
    from kehoach.pipeline.evaluate import below_minimum, evaluate, parse_minimums, report_lines

    if not (corpus / "gold").is_dir():
        fail(f"{corpus}: no gold/ folder (expected CORPUS/text/*.txt and CORPUS/gold/*.json)")
    try:
        floors = parse_minimums(minimum or [])
    except ValueError as exc:
        fail(f"--min: {exc}")
    if originals is not None and not originals.is_dir():
        fail(f"{originals}: not a folder (--originals takes the folder the SOURCES.tsv files are in)")
    result = evaluate(corpus, originals=originals)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for line in report_lines(result, misses=misses):
            typer.echo(line)
    failing = below_minimum(result, floors)
    for name, got, wanted in failing:
        typer.echo(f"kehoach: {name} {got:.4f} is below the minimum {wanted:g}", err=True)
    if failing:
        raise typer.Exit(1)


# The registry's query commands: cites, tasks, docs, search, implements.
from kehoach.pipeline import cli_query

cli_query.register(app)
from kehoach.pipeline import cli_surfaces

cli_surfaces.register(app)
from kehoach.pipeline import cli_workbench

cli_workbench.register(app)


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a command killed by it would report


def _quiet_broken_pipe() -> None:
    """The reader of our output went away (``kehoach export | head``): stop without a word.
    stdout is pointed at /dev/null so the interpreter's last flush cannot complain either."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    os._exit(EXIT_BROKEN_PIPE)


def main() -> None:
    try:
        app()
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_broken_pipe()
    except KeyboardInterrupt:
        typer.echo("kehoach: interrupted", err=True)
        sys.exit(130)
    except SystemExit:
        # click ends a command whose output pipe broke with exit 1 and a wrapped stdout; the
        # pending buffer still has to go nowhere quietly.
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_broken_pipe()
        raise
