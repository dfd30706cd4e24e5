"""The `kehoach` command line: arguments → one API call → output.

User mistakes (a missing file, a file that is not a document) become one line
on stderr and exit status 2; a batch with failures exits 1.
"""

from __future__ import annotations

import functools
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from kehoach.pipeline import api, registry
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.worker import DEFAULT_TIMEOUT

from kehoach import __version__

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
    so an interrupted run resumes where it stopped. Files are read in parallel
    child processes; a file that cannot be read, or takes longer than --timeout,
    is reported and leaves the registry as it was; the others still load.

    With --scheduler (or KEHOACH_SCHEDULER) the files are read on a Dask cluster
    instead: each file is one task, sent as bytes unless --shared-fs; timeouts and
    memory limits hold on the workers, and the results load here as they finish.

    Example: kehoach ingest ../shared/corpus/pdf --workers 2 --db kehoach.db

    Example: kehoach ingest ../shared/corpus/pdf --scheduler tcp://127.0.0.1:8786
    """
    from kehoach.pipeline import batch
    from kehoach.pipeline.readers import ReadOptions

    cluster = _connect_cluster(scheduler, shared_fs)  # first: an unreachable cluster leaves no registry behind
    try:
        database = registry.open_db(db)
    except KehoachError as exc:
        if cluster is not None:
            cluster.close()
        fail(str(exc), exc.exit_code)
    show_bar = sys.stdout.isatty() if progress is None else progress

    def plain(entry: batch.Entry) -> None:
        if entry.status == "failed":
            typer.echo(f"failed   {entry.path}: {entry.detail}", err=True)
        else:
            typer.echo(f"{entry.status:<8} {entry.path}" + (f": {entry.detail}" if entry.detail else ""))
            for warning in entry.warnings:
                typer.echo(f"         warning: {warning}")

    options = ReadOptions(ocr=ocr)
    run = functools.partial(batch.ingest, database, paths, workers=workers, timeout=timeout, options=options,
                            cluster=cluster)
    try:
        if show_bar:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(stderr=False)
            with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                          MofNCompleteColumn(), TimeElapsedColumn(), console=console) as bar:
                task = bar.add_task(f"reading on {cluster.address}" if cluster else "reading", total=None)

                def planned(count: int) -> None:
                    bar.update(task, total=count)

                def entry_done(entry: batch.Entry) -> None:
                    if entry.status == "failed":
                        bar.console.print(f"[red]failed[/red]   {entry.path}: {entry.detail}", markup=True,
                                          highlight=False)
                    if entry.seconds or entry.status == "loaded":
                        bar.advance(task)
                    bar.update(task, description=f"{Path(entry.path).name[:40]}")

                report = run(on_planned=planned, on_entry=entry_done)
        else:
            report = run(on_entry=plain)
    except KeyboardInterrupt:
        fail("interrupted; documents loaded so far stay in the registry", 130)
    except KehoachError as exc:  # the cluster went away mid-run
        fail(str(exc), exc.exit_code)
    finally:
        if cluster is not None:
            cluster.close()
    if show_bar:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"kehoach ingest → {db} ({report.seconds:.1f} s)")
        for column in ("status", "files", "details"):
            table.add_column(column)
        table.add_row("loaded", str(len(report.loaded)), "")
        table.add_row("skipped", str(len(report.skipped)), "same bytes already in the registry")
        table.add_row("failed", str(len(report.failed)),
                      "\n".join(f"{Path(e.path).name}: {e.detail}" for e in report.failed[:20]))
        Console().print(table)
    _print_per_worker(report, table=show_bar)
    typer.echo(f"{len(report.loaded)} loaded, {len(report.skipped)} skipped, {len(report.failed)} failed "
               f"in {report.seconds:.1f} s → {db}")
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


def _print_per_worker(report, *, table: bool) -> None:
    """Documents per Dask worker, after the usual report (nothing on the local pool)."""
    counts = report.per_worker()
    if not counts:
        return
    if not table:
        typer.echo("per worker: " + ", ".join(f"{worker} {n}" for worker, n in sorted(counts.items())))
        return
    from rich.console import Console
    from rich.table import Table

    per_worker = Table(title="documents per Dask worker")
    per_worker.add_column("worker")
    per_worker.add_column("documents", justify="right")
    for worker, n in sorted(counts.items()):
        per_worker.add_row(worker, str(n))
    Console().print(per_worker)


@app.command()
def summary(
    db: Annotated[Path, typer.Option("--db", help="The registry database file.")] = DEFAULT_DB,
) -> None:
    """Print the registry's row counts.

    Example: kehoach summary --db kehoach.db
    """
    if not db.exists():
        fail(f"{db}: no such registry (run `kehoach ingest` first)")
    counts = registry.counts(registry.open_db(db))
    typer.echo(", ".join(f"{count} {name}" for name, count in counts.items()))


@app.command("eval")
def eval_command(
    corpus: Annotated[Path, typer.Argument(help="A folder with text/*.txt and gold/*.json.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")] = False,
    misses: Annotated[bool, typer.Option("--misses", help="Also list what each document got wrong.")] = False,
) -> None:
    """Score extraction against a gold corpus: P/R/F1 per document and in total.

    Always exits 0: it measures, it does not judge.

    Example: kehoach eval ../shared/corpus
    """
    from kehoach.pipeline.evaluate import evaluate

    if not (corpus / "gold").is_dir():
        fail(f"{corpus}: no gold/ folder (expected CORPUS/text/*.txt and CORPUS/gold/*.json)")
    result = evaluate(corpus)
    if as_json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    kinds = ("nodes", "citations", "mentions", "assignments")
    header = f"{'document':<44} " + " ".join(f"{k[:11]:>11}" for k in kinds) + f" {'dates':>6} {'meta':>6}"
    typer.echo(header)
    for doc in result["documents"]:
        row = f"{doc['doc'][:44]:<44} " + " ".join(f"{doc[k]['f1']:>11.3f}" for k in kinds)
        row += f" {doc['cite_dates']['accuracy']:>6.2f} {doc['metadata']['accuracy']:>6.2f}"
        if doc.get("error"):
            row += f"  ERROR {doc['error']}"
        typer.echo(row)
        if misses:
            for key, value in doc["misses"].items():
                if value:
                    typer.echo(f"    {key}: {value}")
    t = result["totals"]
    typer.echo(f"{'TOTAL F1':<44} " + " ".join(f"{t[k]['f1']:>11.3f}" for k in kinds)
               + f" {t['cite_dates']['accuracy']:>6.2f} {t['metadata']['accuracy']:>6.2f}")
    typer.echo("totals: " + "; ".join(
        f"{k} P={t[k]['precision']:.3f} R={t[k]['recall']:.3f} F1={t[k]['f1']:.3f}" for k in kinds)
        + f"; cite_dates={t['cite_dates']['accuracy']:.3f}; metadata={t['metadata']['accuracy']:.3f}")


# The registry's query commands: cites, tasks, docs, search, implements.
from kehoach.pipeline import cli_query

cli_query.register(app)
from kehoach.pipeline import cli_surfaces

cli_surfaces.register(app)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("kehoach: interrupted", err=True)
        sys.exit(130)
