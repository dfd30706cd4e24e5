"""The Python API: whatever the CLI does, one call here does."""

from __future__ import annotations

from pathlib import Path

from kehoach.extractors.normalize import join_paragraphs
from kehoach.pipeline import readers, stages
from kehoach.pipeline.errors import InputError
from kehoach.schemas.models import PlanDocument


def extract(path: str | Path, options: readers.ReadOptions = readers.DEFAULT_OPTIONS) -> PlanDocument:
    """Read and parse one file (PDF, DOCX or TXT) into the JSON contract.

    A document with no text at all (images only, OCR unavailable) is an error, not
    an empty result; one with neither a number nor a numbered section says so in
    ``source.warnings``.

    :param path: the document's file path
    :param options: OCR on/off, password, page limit (see ``readers.ReadOptions``)
    :raises InputError: the file is missing, empty, of an unknown type or unreadable
    """
    raw = readers.read_document(path, options)
    if not any(line.text.strip() for line in raw.lines):
        raise InputError(str(path), "; ".join(raw.warnings) or "no text in the document")
    plan = stages.build_document(raw)
    if plan.metadata.number is None and not any(n.kind != "pseudo" for n in plan.nodes):
        warnings = [*plan.source.warnings, "no document number and no numbered sections found"]
        plan = plan.model_copy(update={"source": plan.source.model_copy(update={"warnings": warnings})})
    return plan


def extract_string(text: str, *, path: str = "<text>") -> PlanDocument:
    """Parse pasted text as if it were a TXT file."""
    return stages.build_document(readers.read_text(text, path=path))


def normalised_text(path: str | Path) -> str:
    """The document's text as written, one paragraph a line: NFC, spaces, hard wraps undone."""
    lines = stages.normalise(readers.read_document(path), as_written=True)
    return "\n".join(p.text for p in join_paragraphs(lines))


# --- the registry's questions (issue 7): read-only, one call per CLI command ---

import datetime as _dt

import sqlite_utils as _sqlite_utils

from kehoach.pipeline import queries as _queries
from kehoach.pipeline import registry as _registry

Registry = _sqlite_utils.Database | str | Path


def open_registry(path: str | Path) -> _sqlite_utils.Database:
    """Open (creating if needed) a registry for loading; see :func:`registry.open_db`."""
    return _registry.open_db(path)


def _readable(db: Registry) -> _sqlite_utils.Database:
    return db if isinstance(db, _sqlite_utils.Database) else _queries.open_readonly(db)


def query_cites(db: Registry, ref: str) -> list[dict]:
    """Nodes citing ``ref`` ("33/CT-TTg" in any written form), with unit and deadline.

    :param db: an open registry or the path of one (opened read-only)
    """
    return _queries.cites(_readable(db), ref)


def query_tasks(
    db: Registry,
    *,
    unit: str | None = None,
    doc: str | None = None,
    due_before: str | _dt.date | None = None,
    overdue: bool = False,
    today: _dt.date | None = None,
) -> list[dict]:
    """A unit's (or everyone's) tasks; filters as in :func:`queries.tasks`."""
    return _queries.tasks(_readable(db), unit=unit, doc=doc, due_before=due_before, overdue=overdue,
                          today=today)


def query_docs(db: Registry, *, all_versions: bool = False) -> list[dict]:
    """Ingested documents with node, task, citation and assignment counts."""
    return _queries.docs(_readable(db), all_versions=all_versions)


def query_search(db: Registry, query: str, *, limit: int = 20) -> list[dict]:
    """Full-text search over node text ("dan van" finds "dân vận"), best first, with snippets."""
    return _queries.search(_readable(db), query, limit=limit)


def query_implements(db: Registry, ref: str) -> list[dict]:
    """Ingested documents that implement ``ref``."""
    return _queries.implements(_readable(db), ref)


def query_implemented_by(db: Registry, document_id: int) -> list[dict]:
    """What one ingested document implements, and which documents implement it."""
    return _queries.implemented_by(_readable(db), document_id)
