"""The Python API: whatever the CLI does, one call here does."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kehoach.extractors.normalize import join_paragraphs
from kehoach.pipeline import readers, stages
from kehoach.pipeline.errors import InputError
from kehoach.schemas.models import PlanDocument


def extract(path: str | Path, options: readers.ReadOptions = readers.DEFAULT_OPTIONS,
            on_progress: Callable[[str], None] | None = None) -> PlanDocument:
    """Read and parse one file (PDF, DOCX or TXT) into the JSON contract.

    A document with no text at all (images only, OCR unavailable) is an error, not
    an empty result; ``source.warnings`` says what the header lacks (a number, a
    date) and whether no numbered section was found, so every listing can say so.

    :param path: the document's file path
    :param options: OCR on/off, password, page limit (see ``readers.ReadOptions``)
    :param on_progress: told what is happening on a long read ("OCR of 80 pages")
    :raises InputError: the file is missing, empty, of an unknown type or unreadable
    """
    raw = readers.read_document(path, options, on_progress=on_progress)
    if not any(line.text.strip() for line in raw.lines):
        raise InputError(str(path), "; ".join(raw.warnings) or "no text in the document")
    plan = stages.build_document(raw)
    missing = [warning for warning, absent in (
        ("no document number in the header", plan.metadata.number is None),
        ("no date in the header", plan.metadata.date is None),
        ("no numbered sections found", not any(n.kind != "pseudo" for n in plan.nodes))) if absent]
    if missing:
        warnings = [*plan.source.warnings, *missing]
        plan = plan.model_copy(update={"source": plan.source.model_copy(update={"warnings": warnings})})
    return plan


def extract_string(text: str, *, path: str = "<text>") -> PlanDocument:
    """Parse pasted text as if it were a TXT file."""
    return stages.build_document(readers.read_text(text, path=path))


def normalised_text(path: str | Path) -> str:
    """The document's text as written, one paragraph a line: NFC, spaces, hard wraps undone."""
    lines = stages.normalise(readers.read_document(path), as_written=True)
    return "\n".join(p.text for p in join_paragraphs(lines))


# --- the registry: loading (writes) and the questions (read-only), one call per CLI command ---

import datetime as _dt
from collections.abc import Callable as _Callable

import sqlite_utils as _sqlite_utils

from kehoach.pipeline import lookup as _lookup
from kehoach.pipeline import queries as _queries
from kehoach.pipeline import registry as _registry

Registry = _sqlite_utils.Database | str | Path
_T = TypeVar("_T")


def open_registry(path: str | Path) -> _sqlite_utils.Database:
    """Open (creating if needed) a registry for loading; see :func:`registry.open_db`."""
    return _registry.open_db(path)


def _writable(db: Registry) -> _sqlite_utils.Database:
    return db if isinstance(db, _sqlite_utils.Database) else _registry.open_db(db)


def _readable(db: Registry) -> _sqlite_utils.Database:
    return db if isinstance(db, _sqlite_utils.Database) else _queries.open_readonly(db)


def ingest(
    db: Registry,
    paths: list[str | Path],
    *,
    workers: int | None = None,
    timeout: float | None = None,
    options: readers.ReadOptions = readers.DEFAULT_OPTIONS,
    on_planned: _Callable[[int], None] | None = None,
    on_entry: _Callable | None = None,
    on_progress: _Callable | None = None,
    cluster=None,
):
    """Load files and folders into a registry (created if needed), one transaction per document.

    Files already stored (same bytes) are skipped before they are read; a copy of a stored
    document is recorded as such; each file's fate comes to ``on_entry`` as it is known.

    :param db: an open registry or the path of one
    :param on_progress: called with (path, what is happening) while a file is being read
    :param cluster: read the files on this Dask cluster (``cluster.connect(address)``) instead of local processes
    :returns: a ``batch.BatchReport`` (``loaded``, ``skipped``, ``failed`` entries)
    :raises RegistryError: the registry cannot be opened
    """
    from kehoach.pipeline import batch
    from kehoach.pipeline.worker import DEFAULT_TIMEOUT

    return batch.ingest(_writable(db), [Path(p) for p in paths], workers=workers,
                        timeout=DEFAULT_TIMEOUT if timeout is None else timeout, options=options,
                        on_planned=on_planned, on_entry=on_entry, on_progress=on_progress, cluster=cluster)


def load(db: Registry, plan: PlanDocument) -> _registry.LoadResult:
    """Store one extracted document; see :func:`registry.load`."""
    return _registry.load(_writable(db), plan)


def summary(db: Registry) -> dict[str, int]:
    """Row counts of the registry's tables."""
    return _registry.counts(_readable(db))


def rekey(path: str | Path):
    """Rebuild the registry's stored matching keys with this kehoach's keys (after an upgrade that
    folds names differently); rows that now share an identity become one.

    :returns: a ``rekey.RekeyResult`` (old and new key version, rows rebuilt and merged)
    :raises RegistryError: no such registry, or it cannot be written
    """
    from kehoach.pipeline import rekey as _rekey

    if not Path(path).is_file():
        raise _registry.RegistryError(str(path), "no such registry (run `kehoach ingest` first)")
    return _rekey.rekey(_registry.open_db(path, check_keys=False))


def upgrade(path: str | Path) -> tuple[int, int]:
    """Bring an older registry up to this kehoach's schema in place (corrections and statuses kept).

    :returns: the schema version before and after
    :raises RegistryError: no such registry, or a version too old to upgrade
    """
    if not Path(path).is_file():
        raise _registry.RegistryError(str(path), "no such registry (run `kehoach ingest` first)")
    before = _registry.schema_version(path)
    _registry.open_db(path, check_keys=False).conn.close()
    return before, _registry.SCHEMA_VERSION


def _reading(query: Callable[..., _T]) -> Callable[..., _T]:
    """A registry query as the API offers it: the same parameters and answer, ``db`` an open registry
    or the path of one (opened read-only)."""
    @functools.wraps(query)
    def read(db: Registry, *args, **kwargs) -> _T:
        return query(_readable(db), *args, **kwargs)
    signature = inspect.signature(query)
    first, *rest = signature.parameters.values()
    read.__signature__ = signature.replace(parameters=[first.replace(annotation="Registry"), *rest])
    return read


query_cites = _reading(_queries.cites)
query_tasks = _reading(_queries.tasks)
query_units = _reading(_queries.units)
query_docs = _reading(_queries.docs)
query_search = _reading(_queries.search)
query_implements = _reading(_queries.implements)
query_implemented_by = _reading(_queries.implemented_by)
suggest_refs = _reading(_lookup.suggest_refs)
suggest_units = _reading(_lookup.suggest_units)


# --- clerks' corrections and task status ---------------------------------------------


def _existing(db: Registry) -> _sqlite_utils.Database:
    """A registry that must already exist, opened for writing (a mistyped --db creates nothing)."""
    if not isinstance(db, _sqlite_utils.Database) and not Path(db).is_file():
        from kehoach.pipeline.errors import RegistryError

        raise RegistryError(str(db), "no such registry (run `kehoach ingest` first)")
    return _writable(db)


def correct(db: Registry, doc: str | int, action: str, node: str | None = None, *, author: str | None = None,
            note: str | None = None, today: _dt.date | None = None, **values):
    """Record one correction of a current document, and apply it (one transaction).

    ``correct(db, "45/KH-UBND", "remove_assignment", "III.1", unit="Phòng Văn hóa - Xã hội", role="lead")``;
    the actions and their values are those of ``correction_checks.prepare`` (add_assignment,
    remove_assignment, change_assignment, task, add_citation, remove_citation, fix_citation,
    metadata, status).

    :param doc: a document number in any written form, or its registry id
    :param author: who made it (default "clerk"); ``note``: why
    :returns: a ``correction_store.Recorded``: the correction's id, the document's id, its outcome
    :raises CorrectionError: no such document or node, a bad value, nothing to change (nothing stored)
    """
    from kehoach.pipeline import correction_store

    return correction_store.record(_existing(db), doc, action, node, author=author, note=note, today=today,
                                   **values)


def corrections(db: Registry, *, doc: str | None = None, not_applying: bool = False) -> list[dict]:
    """Clerks' corrections of current documents with their outcome on the current version
    (``applied``, ``redundant``, ``not_applying`` with the reason); ``not_applying`` lists only those."""
    from kehoach.pipeline import correction_store

    return correction_store.listing(_readable(db), doc=doc, only_not_applying=not_applying)


def corrected_document(db: Registry, doc: str | int):
    """A current document as extracted with its corrections played: a ``corrections.Corrected``
    (``.corrected_plan()`` is the document as corrected, ``.outcomes`` what became of each correction)."""
    from kehoach.pipeline import correction_store

    database = _readable(db)
    return correction_store.corrected_state(database, correction_store.resolve_document(database, doc))


def export_corrections(db: Registry, out_dir: str | Path, *, doc: str | None = None):
    """Write each corrected document as CORPUS/text/<name>.txt + CORPUS/gold/<name>.json (the corpus
    gold format), so ``kehoach eval OUT_DIR`` scores the extractor against the clerks' corrections.

    :returns: a ``gold_export.GoldReport`` (``written`` and ``skipped`` documents with the reason)
    """
    from kehoach.pipeline import gold_export

    return gold_export.export(_readable(db), Path(out_dir), doc=doc)


def status(db: Registry, *, unit: str | None = None, jurisdiction: str | None = None,
           as_of: str | _dt.date | None = None) -> list[dict]:
    """Per lead unit, tasks done on time, done late, in progress within the deadline, overdue and
    without a deadline, on ``as_of`` (default today); see ``pipeline/status.py``."""
    from kehoach.pipeline import status as _status

    return _status.report(_readable(db), unit=unit, jurisdiction=jurisdiction, as_of=as_of)


def status_chart(rows: list[dict], path: str | Path, *, title: str | None = None) -> Path:
    """Draw a status report (:func:`status`) as a PNG bar chart, one bar per unit."""
    from kehoach.pipeline import status as _status

    return _status.chart(rows, path, title=title)
