"""Clerks' corrections in the registry: recorded as data, their effects written beside the extracted rows.

With ``pipeline/registry.py``, the only module that writes the registry. A correction
is a row of ``corrections``, keyed by the document's identity (``chain_id``: every
version and copy of a document shares it) and a node id. Its effects on the current
version are written where the queries read them, the extracted values untouched:

- an assignment or citation it removes or replaces gets ``removed_by``; one it adds is
  a new row with ``correction_id``;
- a node it marks as task or not gets ``nodes.task_corrected``;
- a header field goes into ``documents.corrected`` (JSON, with the label made again);
- a status is a ``task_status`` row;
- what became of each correction is a ``correction_outcomes`` row.

:func:`reapply` rebuilds all of it for one document from its extracted rows and the
corrections of its chain (``corrections.apply``): after each new correction, and when
ingest loads a new version of a corrected document. Each write is one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

import sqlite_utils

from kehoach.extractors.keys import ref_key
from kehoach.pipeline import identity, queries
from kehoach.pipeline.correction_checks import prepare
from kehoach.pipeline.corrections import (
    NOT_APPLYING,
    Corrected,
    Correction,
    CorrectionError,
    Outcome,
    apply,
    describe,
)
from kehoach.pipeline.queries import document_ids
from kehoach.pipeline.readonly import marks, rows
from kehoach.schemas.models import Assignment, Citation, PlanDocument

DEFAULT_AUTHOR = "clerk"


@dataclass(frozen=True)
class Recorded:
    """A correction just stored, and what became of it."""

    correction_id: int
    document_id: int
    outcome: Outcome


def resolve_document(db: sqlite_utils.Database, doc: str | int) -> int:
    """The current document that ``doc`` (a number in any written form, or a registry id) names.

    An ``int`` is a registry id, exactly (the clerk's page knows it).

    :raises CorrectionError: no current document, or several: the message lists them
    """
    if isinstance(doc, int):
        row = db.execute("SELECT current, superseded_by FROM documents WHERE id = ?", [doc]).fetchone()
        if row is None:
            raise CorrectionError(f"#{doc}", "no such document")
        if not row[0]:
            raise CorrectionError(f"#{doc}", f"superseded by #{row[1]}: correct the current version")
        return doc
    ids = document_ids(db, str(doc))
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise CorrectionError(str(doc), "no current document with this number, id, label or file name")
    labels = db.execute(f"SELECT id, label FROM documents WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall()
    raise CorrectionError(str(doc), "names several documents (" + "; ".join(f"#{i} {lab}" for i, lab in labels)
                          + "): give the registry id")


# --- the extraction, read back from its rows ------------------------------------------

def stored_plan(db: sqlite_utils.Database, document_id: int) -> tuple[PlanDocument, tuple[list, list]]:
    """A document as extracted, in the JSON contract, with the row ids of its assignments and citations."""
    found = _dicts(db, "SELECT * FROM documents WHERE id = ?", [document_id])
    if not found:
        raise CorrectionError(None, f"no document #{document_id}")
    d = found[0]
    signer = {"name": d["signer_name"], "position": d["signer_position"], "authority": d["signer_authority"]}
    recipients = [r[0] for r in db.execute("SELECT recipient FROM recipients WHERE document_id = ? ORDER BY seq",
                                           [document_id])]
    nodes = _dicts(db, "SELECT node_id AS id, parent, marker, kind, heading, text, page, task, deadline, "
                       "deadline_text FROM nodes WHERE document_id = ? ORDER BY seq", [document_id])
    citations = _dicts(db, 'SELECT c.id AS row, c.node_id AS node, c.text, c.start, c."end", c.relation, l.doc_type, '
                           "l.ref, l.number, l.year, l.symbol, l.date, l.issuer, l.term, l.title, l.canonical_ref "
                           "FROM citations c JOIN legal_documents l ON l.id = c.legal_document_id "
                           "WHERE c.document_id = ? AND c.correction_id IS NULL ORDER BY c.id", [document_id])
    assignments = _dicts(db, "SELECT id AS row, node_id AS node, unit, unit_id, role, deadline, deadline_text, "
                             "jurisdiction, is_group FROM assignments WHERE document_id = ? AND correction_id IS NULL "
                             "ORDER BY id", [document_id])
    rows = ([a.pop("row") for a in assignments], [c.pop("row") for c in citations])
    plan = PlanDocument.model_validate({
        "schema_version": d["schema_version"] or "1",
        "source": {"path": d["path"], "sha256": d["sha256"], "format": d["format"], "pages": d["pages"],
                   "text_source": d["text_source"], "warnings": json.loads(d["warnings"] or "[]"),
                   "fingerprint": d["fingerprint"]},
        "metadata": {k: d[k] for k in ("doc_type", "number", "issuer", "parent_issuer", "place", "date", "title")}
        | {"signer": signer if any(signer.values()) else None, "signers": json.loads(d["signers"] or "[]"),
           "recipients": recipients},
        "nodes": [n | {"task": bool(n["task"])} for n in nodes],
        "citations": citations,
        "assignments": [a | {"is_group": bool(a["is_group"])} for a in assignments],
    })
    return plan, rows


def _dicts(db: sqlite_utils.Database, sql: str, params: list) -> list[dict]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _chain(db: sqlite_utils.Database, document_id: int) -> int:
    row = db.execute("SELECT coalesce(chain_id, id) FROM documents WHERE id = ?", [document_id]).fetchone()
    return row[0]


def chain_corrections(db: sqlite_utils.Database, document_id: int) -> list[Correction]:
    """Every correction of a document's chain (all its versions and copies), oldest first."""
    rows = _dicts(db, "SELECT id, action, node_id AS node, node_text, old_value, new_value, author, created_at, note "
                      "FROM corrections WHERE chain_id = ? ORDER BY id", [_chain(db, document_id)])
    return [Correction(**{k: v for k, v in r.items() if k not in ("old_value", "new_value")},
                       old=json.loads(r["old_value"]) if r["old_value"] else None,
                       new=json.loads(r["new_value"]) if r["new_value"] else None) for r in rows]


def corrected_state(db: sqlite_utils.Database, document_id: int) -> Corrected:
    """A document as extracted with its chain's corrections played (read-only)."""
    plan, rows = stored_plan(db, document_id)
    return apply(plan, chain_corrections(db, document_id), rows)


# --- writing ----------------------------------------------------------------------------

def record(db: sqlite_utils.Database, doc: str | int, action: str, node: str | None = None, *,
           author: str | None = None, note: str | None = None, today: dt.date | None = None, **given) -> Recorded:
    """Store one correction of a current document and apply it, in one transaction.

    :param doc: the document: a number in any written form, or its registry id
    :param action: one of ``corrections.ACTIONS``; ``given``: its values (``corrections.prepare``)
    :raises CorrectionError: no such document or node, a bad value, nothing to change; nothing is stored
    """
    document_id = resolve_document(db, doc)
    today = today or dt.date.today()
    with _transaction(db):
        correction = prepare(corrected_state(db, document_id), action, node, today=today, **given)
        cid = db.execute(
            "INSERT INTO corrections (chain_id, document_id, node_id, node_text, action, old_value, new_value, "
            "author, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [_chain(db, document_id), document_id, correction.node, correction.node_text, correction.action,
             _json(correction.old), _json(correction.new), (author or "").strip() or DEFAULT_AUTHOR,
             dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), (note or "").strip() or None]).lastrowid
        outcomes = {c.id: o for c, o in reapply(db, document_id)}
    return Recorded(cid, document_id, outcomes[cid])


class _transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: each write is one transaction."""

    def __init__(self, db: sqlite_utils.Database):
        self.conn = db.conn

    def __enter__(self):
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, exc, tb):
        self.conn.execute("COMMIT" if kind is None else "ROLLBACK")


def _json(value: dict | None) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value is not None else None


def reapply(db: sqlite_utils.Database, document_id: int) -> list[tuple[Correction, Outcome]]:
    """Rebuild a document's corrected rows from its extraction and its chain's corrections.

    Runs inside the caller's transaction (a correction being recorded, a version being loaded).
    :returns: each correction of the chain with what became of it on this document
    """
    corrections = chain_corrections(db, document_id)
    if not corrections:
        return []
    _reset(db, document_id)
    plan, rows = stored_plan(db, document_id)
    state = apply(plan, corrections, rows)
    _write(db, document_id, state)
    db.execute("INSERT INTO correction_outcomes (correction_id, document_id, outcome, reason) VALUES "
               + ", ".join("(?, ?, ?, ?)" for _ in corrections),
               [v for c, o in zip(corrections, state.outcomes, strict=True)
                for v in (c.id, document_id, o.outcome, o.reason)])
    return list(zip(corrections, state.outcomes, strict=True))


def _reset(db: sqlite_utils.Database, document_id: int) -> None:
    for table in ("assignments", "citations"):
        db.execute(f"DELETE FROM {table} WHERE document_id = ? AND correction_id IS NOT NULL", [document_id])
        db.execute(f"UPDATE {table} SET removed_by = NULL WHERE document_id = ? AND removed_by IS NOT NULL",
                   [document_id])
    db.execute("UPDATE nodes SET task_corrected = NULL WHERE document_id = ? AND task_corrected IS NOT NULL",
               [document_id])
    db.execute("UPDATE documents SET corrected = NULL WHERE id = ?", [document_id])
    db.execute("DELETE FROM task_status WHERE document_id = ?", [document_id])
    db.execute("DELETE FROM correction_outcomes WHERE document_id = ?", [document_id])


def _write(db: sqlite_utils.Database, document_id: int, state: Corrected) -> None:
    for item, cid in state.removed:
        table = "assignments" if isinstance(item.value, Assignment) else "citations"
        db.execute(f"UPDATE {table} SET removed_by = ? WHERE id = ?", [cid, item.row])
    for item in state.assignments:
        if not item.extracted:
            _insert_assignment(db, document_id, item.value, item.added_by)
    for item in state.citations:
        if not item.extracted:
            _insert_citation(db, document_id, item.value, item.added_by)
    for node_id, (flag, _) in state.task.items():
        db.execute("UPDATE nodes SET task_corrected = ? WHERE document_id = ? AND node_id = ?",
                   [int(flag), document_id, node_id])
    for node_id, (value, cid) in state.status.items():
        db.execute("INSERT INTO task_status (document_id, node_id, status, done_date, correction_id) "
                   "VALUES (?, ?, ?, ?, ?)", [document_id, node_id, value["status"], value.get("date"), cid])
    if state.metadata:
        db.execute("UPDATE documents SET corrected = ? WHERE id = ?", [_json(_header(state)), document_id])


def _header(state: Corrected) -> dict:
    """The corrected header columns (``signer`` is ``signer_name``) and the label made from them."""
    columns = {("signer_name" if name == "signer" else name): value for name, (value, _) in state.metadata.items()}
    if "number" in columns:  # for finding the document by its corrected number (the stored key stays as read)
        columns["number_key"] = ref_key(columns["number"])
    plan = state.corrected_plan()
    return columns | {"label": identity.document_label(plan.metadata, plan.source.path)}


def _insert_assignment(db: sqlite_utils.Database, document_id: int, a: Assignment, cid: int) -> None:
    db["assignments"].insert({
        "document_id": document_id, "node_id": a.node, "unit": a.unit, "unit_id": a.unit_id,
        "unit_pk": identity.unit(db, a), "role": a.role, "deadline": a.deadline.isoformat() if a.deadline else None,
        "deadline_text": a.deadline_text, "jurisdiction": a.jurisdiction, "is_group": int(a.is_group),
        "correction_id": cid})


def _insert_citation(db: sqlite_utils.Database, document_id: int, c: Citation, cid: int) -> None:
    db["citations"].insert({
        "document_id": document_id, "node_id": c.node, "legal_document_id": identity.legal_document(db, c),
        "relation": c.relation, "text": c.text, "start": c.start, "end": c.end, "correction_id": cid})


def not_applying(results: list[tuple[Correction, Outcome]]) -> list[str]:
    """The corrections of a re-application that no longer apply, one line each, with the reason."""
    return [f"correction {describe(c)} no longer applies: {o.reason}" for c, o in results
            if o.outcome == NOT_APPLYING]


def listing(db: sqlite_utils.Database, *, doc: str | None = None,
            only_not_applying: bool = False) -> list[dict]:
    """Clerks' corrections of current documents, with what became of each on the current version
    (``applied``, ``redundant``: the document as read already says so, ``not_applying`` with the reason)."""
    where, params = ["1"], []
    if doc is not None:
        ids = document_ids(db, doc)
        if not ids:
            return []
        where.append(f"document_id IN ({marks(ids)})")
        params += ids
    if only_not_applying:
        where.append("outcome = 'not_applying'")
    found = rows(db, queries.CORRECTIONS_SQL.format(where=" AND ".join(where)), params)
    for row in found:
        for key in ("old_value", "new_value"):
            row[key] = json.loads(row[key]) if row[key] else None
        row["change"] = describe(Correction(row["action"], row["node_id"], row["old_value"], row["new_value"],
                                            id=row["correction_id"]))
    return found
