"""The registry: validated ``PlanDocument`` models in, SQLite rows out.

The only module that writes the database. It never parses text: every value it
stores comes from the model. One transaction per document; loading the same
bytes twice does nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from kehoach.pipeline.errors import RegistryError
from kehoach.schemas.models import PlanDocument

BUSY_TIMEOUT_MS = 30_000


@dataclass(frozen=True)
class LoadResult:
    status: str  # "loaded" | "skipped"
    document_id: int
    nodes: int = 0
    citations: int = 0
    assignments: int = 0


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a registry database with the schema in place."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise RegistryError(str(path), f"not a usable registry database ({exc})") from None
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables and indexes that are missing."""
    with db.atomic():
        db["documents"].create(
            {
                "id": int, "sha256": str, "path": str, "format": str, "pages": int, "text_source": str,
                "doc_type": str, "number": str, "issuer": str, "parent_issuer": str, "place": str,
                "date": str, "title": str, "signer_name": str, "signer_position": str,
                "signer_authority": str, "warnings": str, "ingested_at": str,
            },
            pk="id", not_null={"sha256", "path"}, if_not_exists=True,
        )
        db["documents"].create_index(["sha256"], unique=True, if_not_exists=True)
        db["nodes"].create(
            {"document_id": int, "node_id": str, "parent": str, "marker": str, "kind": str, "heading": str,
             "text": str, "page": int, "task": int, "seq": int},
            pk=("document_id", "node_id"), foreign_keys=[("document_id", "documents", "id")], if_not_exists=True,
        )
        db["citations"].create(
            {"id": int, "document_id": int, "node_id": str, "text": str, "start": int, "end": int,
             "doc_type": str, "ref": str, "number": str, "year": int, "symbol": str, "date": str,
             "issuer": str, "term": str, "title": str, "relation": str},
            pk="id", foreign_keys=[("document_id", "documents", "id")], if_not_exists=True,
        )
        db["citations"].create_index(["ref"], if_not_exists=True)
        db["citations"].create_index(["document_id", "node_id"], if_not_exists=True)
        db["assignments"].create(
            {"id": int, "document_id": int, "node_id": str, "unit": str, "unit_id": str, "role": str,
             "deadline": str, "deadline_text": str},
            pk="id", foreign_keys=[("document_id", "documents", "id")], if_not_exists=True,
        )
        db["assignments"].create_index(["unit_id"], if_not_exists=True)
        db["assignments"].create_index(["document_id", "node_id"], if_not_exists=True)
        db["recipients"].create(
            {"document_id": int, "seq": int, "recipient": str},
            pk=("document_id", "seq"), foreign_keys=[("document_id", "documents", "id")], if_not_exists=True,
        )


def find_document(db: sqlite_utils.Database, sha256: str) -> int | None:
    row = db.execute("select id from documents where sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def load(db: sqlite_utils.Database, plan: PlanDocument) -> LoadResult:
    """Store one document and everything extracted from it, in one transaction.

    :param db: an open registry (see :func:`open_db`)
    :param plan: the validated extraction
    :returns: ``skipped`` when the same bytes are already stored
    """
    existing = find_document(db, plan.source.sha256)
    if existing is not None:
        return LoadResult("skipped", existing)
    meta = plan.metadata
    signer = meta.signer
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Checked again inside the write lock: another process may have loaded it meanwhile.
        existing = find_document(db, plan.source.sha256)
        if existing is not None:
            conn.execute("ROLLBACK")
            return LoadResult("skipped", existing)
        doc_id = db["documents"].insert({
            "sha256": plan.source.sha256, "path": plan.source.path, "format": plan.source.format,
            "pages": plan.source.pages, "text_source": plan.source.text_source,
            "doc_type": meta.doc_type, "number": meta.number, "issuer": meta.issuer,
            "parent_issuer": meta.parent_issuer, "place": meta.place, "date": _iso(meta.date),
            "title": meta.title, "signer_name": signer.name if signer else None,
            "signer_position": signer.position if signer else None,
            "signer_authority": signer.authority if signer else None,
            "warnings": json.dumps(plan.source.warnings, ensure_ascii=False),
            "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }).last_pk
        db["nodes"].insert_all(
            ({"document_id": doc_id, "node_id": n.id, "parent": n.parent, "marker": n.marker, "kind": n.kind,
              "heading": n.heading, "text": n.text, "page": n.page, "task": int(n.task), "seq": i}
             for i, n in enumerate(plan.nodes)),
            batch_size=500,
        )
        db["citations"].insert_all(
            ({"document_id": doc_id, "node_id": c.node, "text": c.text, "start": c.start, "end": c.end,
              "doc_type": c.doc_type, "ref": c.ref, "number": c.number, "year": c.year, "symbol": c.symbol,
              "date": _iso(c.date), "issuer": c.issuer, "term": c.term, "title": c.title, "relation": c.relation}
             for c in plan.citations),
            batch_size=500,
        )
        db["assignments"].insert_all(
            ({"document_id": doc_id, "node_id": a.node, "unit": a.unit, "unit_id": a.unit_id, "role": a.role,
              "deadline": _iso(a.deadline), "deadline_text": a.deadline_text}
             for a in plan.assignments),
            batch_size=500,
        )
        db["recipients"].insert_all(
            ({"document_id": doc_id, "seq": i, "recipient": r} for i, r in enumerate(meta.recipients)),
            batch_size=500,
        )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return LoadResult("loaded", doc_id, len(plan.nodes), len(plan.citations), len(plan.assignments))


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the main tables."""
    return {name: db[name].count for name in ("documents", "nodes", "citations", "assignments", "recipients")}
