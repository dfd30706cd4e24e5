"""The registry: validated ``PlanDocument`` models in, SQLite rows out.

With ``pipeline/correction_store.py`` (clerks' corrections), the only module that
writes the database. It never parses text: every value it
stores comes from the model, every matching key from ``extractors.keys``, and
which existing row a document, cited document or unit is comes from
``pipeline/identity.py``. One transaction per document (``BEGIN IMMEDIATE``);
loading the same bytes twice does nothing; a new version of a current document
becomes current and the old one stays as history (``current = 0``,
``superseded_by``); a copy of one is recorded (``same_as``) and not loaded
again. A new version of a corrected document gets the corrections of the
document re-applied in the same transaction (``correction_store.reapply``); those
that no longer apply are named in the result. The schema is in
``pipeline/registry_schema.py`` and documented in ``schemas/REGISTRY.md``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

import sqlite_utils

from kehoach.extractors.keys import issuer_key, ref_key
from kehoach.pipeline import correction_store, identity
from kehoach.pipeline.errors import RegistryError
from kehoach.pipeline.registry_schema import (  # noqa: F401 -- the registry's public names
    BUSY_TIMEOUT_MS,
    REGISTRY_COLUMNS,
    SCHEMA_VERSION,
    TABLES,
    VIEWS,
    counts,
    ensure_schema,
    open_db,
    schema_version,
)
from kehoach.schemas.models import PlanDocument

BATCH_SIZE = 500


@dataclass(frozen=True)
class LoadResult:
    status: str  # "loaded" | "skipped" (same bytes) | "copy" (same document, other bytes: recorded only)
    document_id: int
    nodes: int = 0
    citations: int = 0
    assignments: int = 0
    supersedes: int | None = None  # the document id this version replaced
    version: int = 1
    same_as: int | None = None  # for a copy: the document it is a copy of
    label: str | None = None  # the stored document's label
    previous_label: str | None = None  # the label of the document replaced or copied
    previous_path: str | None = None
    corrections: int = 0  # clerks' corrections of the document carried over to this version
    not_applying: tuple[str, ...] = ()  # those that no longer apply, one line each with the reason

    @property
    def message(self) -> str:
        """What became of the file, in words: "version 2 of 7432/UBND-XD, replaces #3 (du-thao.docx)"."""
        if self.status == "copy":
            return f"same document as {self.previous_label} (#{self.same_as}, {self.previous_path})"
        if self.supersedes is not None:
            replaced = self.previous_path if self.previous_label == self.label else \
                f"{self.previous_label}, {self.previous_path}"
            kept = self.corrections - len(self.not_applying)
            carried = f"; {kept} of {self.corrections} corrections re-applied" if self.corrections else ""
            return f"version {self.version} of {self.label}, replaces #{self.supersedes} ({replaced}){carried}"
        return ""


def find_document(db: sqlite_utils.Database, sha256: str) -> int | None:
    """The id of the document with these bytes, if loaded."""
    row = db.execute("select id from documents where sha256 = ?", [sha256]).fetchone()
    return row[0] if row else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def load(db: sqlite_utils.Database, plan: PlanDocument) -> LoadResult:
    """Store one document and everything extracted from it, in one transaction.

    :param db: an open registry (see :func:`open_db`)
    :param plan: the validated extraction
    :returns: ``skipped`` when the same bytes are already stored; ``copy`` when the same
        document is (a row records the file, ``same_as`` names the document); ``loaded``
        otherwise, with ``supersedes`` set when it replaced an older version
    :raises RegistryError: the plan is inconsistent (a citation or assignment
        on a node that does not exist, a node id twice); nothing is stored
    """
    existing = find_document(db, plan.source.sha256)
    if existing is not None:
        return LoadResult("skipped", existing)
    _check_references(plan)
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        # Checked again inside the write lock: another process may have loaded it meanwhile.
        existing = find_document(db, plan.source.sha256)
        if existing is not None:
            conn.execute("ROLLBACK")
            return LoadResult("skipped", existing)
        result = _store(db, plan)
        conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise RegistryError(plan.source.path, f"cannot store the document ({exc})") from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result


def _store(db: sqlite_utils.Database, plan: PlanDocument) -> LoadResult:
    """The writes of :func:`load`, inside its transaction."""
    content = identity.content_hash(plan)
    place = identity.place_document(db, plan, content)
    label = identity.document_label(plan.metadata, plan.source.path)
    doc_id = _insert_document(db, plan, place, content, label)
    db.execute("UPDATE documents SET chain_id = ? WHERE id = ? AND chain_id IS NULL", [doc_id, doc_id])
    if place.copy:
        return LoadResult("copy", doc_id, version=place.previous_version, same_as=place.previous, label=label,
                          previous_label=place.previous_label, previous_path=place.previous_path)
    node_pks = _insert_nodes(db, plan, doc_id)
    _insert_ancestors(db, plan, node_pks)
    db.execute("INSERT INTO nodes_fts(rowid, heading, text, text_folded) "
               "SELECT id, heading, text, text_folded FROM nodes WHERE document_id = ?", [doc_id])
    _insert_citations(db, plan, doc_id)
    _insert_assignments(db, plan, doc_id)
    db["recipients"].insert_all(
        ({"document_id": doc_id, "seq": i, "recipient": r} for i, r in enumerate(plan.metadata.recipients)),
        batch_size=BATCH_SIZE,
    )
    carried: list = []
    if place.previous is not None:
        db.execute("UPDATE documents SET current = 0, superseded_by = ? WHERE id = ?", [doc_id, place.previous])
        carried = correction_store.reapply(db, doc_id)
    return LoadResult("loaded", doc_id, len(plan.nodes), len(plan.citations), len(plan.assignments),
                      place.previous, place.previous_version + 1, label=label,
                      previous_label=place.previous_label, previous_path=place.previous_path,
                      corrections=len(carried), not_applying=tuple(correction_store.not_applying(carried)))


def _check_references(plan: PlanDocument) -> None:
    ids = [n.id for n in plan.nodes]
    known = set(ids)
    if len(known) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise RegistryError(plan.source.path, f"node id given twice: {', '.join(twice)}")
    for kind, items in (("citation", plan.citations), ("assignment", plan.assignments)):
        for item in items:
            if item.node not in known:
                raise RegistryError(plan.source.path, f"{kind} on unknown node {item.node!r}")


def _insert_document(db: sqlite_utils.Database, plan: PlanDocument, place: identity.Placement,
                     content: str, label: str) -> int:
    source, meta = plan.source, plan.metadata
    signer = meta.signer
    return db["documents"].insert({
        "sha256": source.sha256, "path": source.path, "format": source.format, "pages": source.pages,
        "text_source": source.text_source, "warnings": json.dumps(source.warnings, ensure_ascii=False),
        "fingerprint": source.fingerprint,
        "doc_type": meta.doc_type, "number": meta.number, "symbol": meta.symbol, "issuer": meta.issuer,
        "parent_issuer": meta.parent_issuer, "place": meta.place, "date": _iso(meta.date),
        "date_text": meta.date_text,
        "title": meta.title, "signer_name": signer.name if signer else None,
        "signer_position": signer.position if signer else None,
        "signer_authority": signer.authority if signer else None,
        "signers": json.dumps([s.model_dump() for s in meta.signers], ensure_ascii=False),
        "schema_version": plan.schema_version, "label": label,
        "content_hash": content, "number_key": ref_key(meta.number), "issuer_key": issuer_key(meta.issuer),
        "year": meta.date.year if meta.date else None,
        # A copy keeps the version number of the document it copies and is never current.
        "version": place.previous_version if place.copy else place.previous_version + 1,
        "current": 0 if place.copy else 1, "same_as": place.previous if place.copy else None,
        "chain_id": _chain_id(db, place.previous),
        "ingested_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }).last_pk


def _chain_id(db: sqlite_utils.Database, previous: int | None) -> int | None:
    """The chain a version or copy joins: its predecessor's (a first version gets its own id, set after insert)."""
    if previous is None:
        return None
    return db.execute("SELECT coalesce(chain_id, id) FROM documents WHERE id = ?", [previous]).fetchone()[0]


def _ancestry(node_id: str, parents: dict[str, str | None]) -> Iterable[tuple[str, int]]:
    """The node itself (depth 0), its parent (1) … up to the root; stops on a loop or unknown parent."""
    seen: set[str] = set()
    current: str | None = node_id
    depth = 0
    while current is not None and current in parents and current not in seen:
        seen.add(current)
        yield current, depth
        current = parents[current]
        depth += 1


def _insert_nodes(db: sqlite_utils.Database, plan: PlanDocument, doc_id: int) -> dict[str, int]:
    # Deadlines as the model states them: the extractor has applied a parent's to its children.
    db["nodes"].insert_all(
        ({"document_id": doc_id, "node_id": n.id, "seq": i, "parent": n.parent, "marker": n.marker,
          "kind": n.kind, "heading": n.heading, "text": n.text, "page": n.page, "task": int(n.task),
          "deadline": _iso(n.deadline), "deadline_text": n.deadline_text}
         for i, n in enumerate(plan.nodes)),
        batch_size=BATCH_SIZE,
    )
    return dict(db.execute("SELECT node_id, id FROM nodes WHERE document_id = ?", [doc_id]).fetchall())


def _insert_ancestors(db: sqlite_utils.Database, plan: PlanDocument, node_pks: dict[str, int]) -> None:
    parents = {n.id: n.parent for n in plan.nodes}
    db["node_ancestors"].insert_all(
        ({"ancestor": node_pks[ancestor], "node": node_pks[n.id], "depth": depth}
         for n in plan.nodes for ancestor, depth in _ancestry(n.id, parents)),
        batch_size=BATCH_SIZE,
    )


def _insert_citations(db: sqlite_utils.Database, plan: PlanDocument, doc_id: int) -> None:
    rows = []
    for c in plan.citations:
        rows.append({"document_id": doc_id, "node_id": c.node, "legal_document_id": identity.legal_document(db, c),
                     "relation": c.relation, "text": c.text, "start": c.start, "end": c.end})
    db["citations"].insert_all(rows, batch_size=BATCH_SIZE)


def _insert_assignments(db: sqlite_utils.Database, plan: PlanDocument, doc_id: int) -> None:
    units = [identity.unit(db, a) for a in plan.assignments]
    db["assignments"].insert_all(
        ({"document_id": doc_id, "node_id": a.node, "unit": a.unit, "unit_id": a.unit_id, "unit_pk": pk,
          "role": a.role, "deadline": _iso(a.deadline), "deadline_text": a.deadline_text,
          "jurisdiction": a.jurisdiction, "is_group": int(a.is_group)}
         for a, pk in zip(plan.assignments, units, strict=True)),
        batch_size=BATCH_SIZE,
    )
