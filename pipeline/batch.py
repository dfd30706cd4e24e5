"""Folder ingest: many files, extraction in parallel processes, one writer to SQLite.

Files whose bytes are already in the registry are skipped before any
extraction (sha256). The rest go to a :class:`~kehoach.pipeline.worker.WorkerPool`;
each result is loaded by this process alone, one transaction per document, so
a failed document leaves the registry as it was.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import sqlite_utils

from kehoach.pipeline import registry
from kehoach.pipeline.errors import KehoachError
from kehoach.pipeline.files import find_files
from kehoach.pipeline.readers import DEFAULT_OPTIONS, ReadOptions, sha256_of
from kehoach.pipeline.worker import DEFAULT_TIMEOUT, Outcome, WorkerPool

if TYPE_CHECKING:
    from kehoach.pipeline.cluster import DaskCluster


@dataclass(slots=True)
class Entry:
    """One line of the final report."""

    path: str
    status: str  # "loaded" | "skipped" (already stored, or a copy of a stored document) | "failed" | "ignored"
    detail: str = ""
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    worker: str | None = None  # the Dask worker that read it (None on the local pool)


def _entries(status: str, doc: str) -> property:
    return property(lambda report: [e for e in report.entries if e.status == status], doc=doc)


@dataclass(slots=True)
class BatchReport:
    entries: list[Entry] = field(default_factory=list)
    seconds: float = 0.0

    loaded = _entries("loaded", "Files loaded into the registry.")
    skipped = _entries("skipped", "Files the registry already holds (the same bytes, or a copy it recorded).")
    failed = _entries("failed", "Files that could not be read or loaded, each with its reason.")
    ignored = _entries("ignored", "Files in a folder that are not read (a legacy .doc without LibreOffice, a "
                                  "spreadsheet …).")

    def per_worker(self) -> dict[str, int]:
        """Documents read by each Dask worker (empty on the local pool)."""
        return dict(Counter(e.worker for e in self.entries if e.worker))


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def ingest(
    db: sqlite_utils.Database,
    paths: list[Path],
    *,
    workers: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    options: ReadOptions = DEFAULT_OPTIONS,
    on_planned: Callable[[int], None] | None = None,
    on_entry: Callable[[Entry], None] | None = None,
    on_progress: Callable[[str, str], None] | None = None,
    cluster: DaskCluster | None = None,
) -> BatchReport:
    """Load files and folders into the registry.

    :param workers: extraction processes (default: CPUs); also the total OCR budget
    :param timeout: seconds per document before its worker is killed
    :param on_planned: called once with the number of files to extract
    :param on_entry: called for each file as soon as its fate is known
    :param on_progress: called with (path, what is happening) while a file is read (local pool)
    :param cluster: extract on this Dask cluster (see :func:`cluster.connect`) instead of
        local processes; loading stays here, unchanged
    """
    started = time.monotonic()
    report = BatchReport()

    def record(entry: Entry) -> None:
        report.entries.append(entry)
        if on_entry:
            on_entry(entry)

    found = find_files(paths)
    for problem in found.problems:
        path, _, reason = problem.partition(": ")
        record(Entry(path, "failed", reason))
    for file, reason in found.ignored:
        record(Entry(str(file), "ignored", reason))
    files = found.files
    todo: list[str] = []
    seen: dict[str, str] = {}
    for file in files:
        try:
            digest = sha256_of(file)
        except OSError as exc:
            record(Entry(str(file), "failed", f"cannot read ({exc.strerror or exc})"))
            continue
        if digest in seen:
            record(Entry(str(file), "skipped", f"same bytes as {seen[digest]}"))
        elif registry.find_document(db, digest) is not None:
            record(Entry(str(file), "skipped", "already in the registry"))
        else:
            seen[digest] = str(file)
            todo.append(str(file))
    if on_planned:
        on_planned(len(todo))
    if todo:
        with _outcomes(todo, workers, timeout, options, cluster, on_progress) as outcomes:
            for outcome in _once_per_path(outcomes):
                record(_load(db, outcome))
    report.seconds = time.monotonic() - started
    return report


@contextmanager
def _outcomes(todo: list[str], workers: int | None, timeout: float, options: ReadOptions,
              cluster: DaskCluster | None, on_progress: Callable[[str, str], None] | None,
              ) -> Iterator[Iterator[Outcome]]:
    """Extraction outcomes in completion order, from the local pool or the cluster."""
    if cluster is not None:
        # One OCR process per task: a Dask worker's threads are that machine's budget.
        yield cluster.map(todo, timeout=timeout, options=replace(options, ocr_jobs=options.ocr_jobs or 1))
        return
    size = max(1, workers or default_workers())
    active = min(size, len(todo))
    # The worker count is the whole process budget: OCR pages run in parallel only
    # when there are fewer documents than workers.
    options = replace(options, ocr_jobs=options.ocr_jobs or max(1, size // active))
    with WorkerPool(active, timeout=timeout, options=options) as pool:
        yield pool.map(todo, on_progress=on_progress)


def _once_per_path(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    # A retried cluster task must be counted once, even if a result ever arrived twice
    # (the registry would skip its bytes anyway, but the report would count it again).
    seen: set[str] = set()
    for outcome in outcomes:
        if outcome.path not in seen:
            seen.add(outcome.path)
            yield outcome


def _load(db: sqlite_utils.Database, outcome: Outcome) -> Entry:
    """Store one extracted document; its line of the report says what became of it."""
    worker = outcome.worker
    if not outcome.ok:
        return Entry(outcome.path, "failed", outcome.reason or "failed", outcome.seconds, worker=worker)
    plan = outcome.plan
    try:
        result = registry.load(db, plan)
    except KehoachError as exc:
        return Entry(outcome.path, "failed", exc.reason, outcome.seconds, worker=worker)
    warnings = [*plan.source.warnings, *result.not_applying]
    if result.status == "skipped":
        return Entry(outcome.path, "skipped", "already in the registry", outcome.seconds, worker=worker)
    if result.status == "copy":
        return Entry(outcome.path, "skipped", result.message, outcome.seconds, warnings, worker)
    detail = f"{result.nodes} nodes, {result.citations} citations, {result.assignments} assignments"
    if plan.source.text_source != "native":
        detail += f" ({plan.source.text_source} text)"
    if result.message:
        detail = f"{result.message}; {detail}"
    return Entry(outcome.path, "loaded", detail, outcome.seconds, warnings, worker)
