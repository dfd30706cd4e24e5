"""Which registry row a thing from a new plan is: documents, cited documents, units.

Called by ``pipeline/registry.py`` inside a document's transaction. Every
matching key comes from ``extractors.keys`` (the registry never parses text);
the content fingerprint is compared with ``extractors.fingerprint.distance``.

- A **document** is a new version of a current one with the same number and
  issuer, else of one of the same issuer whose text is near (SimHash), else
  (no number or no issuer) of one with the same path. When its extracted
  content is the one already stored — or it is an OCR reading of a document
  held as text — it is a copy: recorded, not loaded again.
- A **cited document** is one row per (number, year, issuer); a law cited by
  name whose number the extractor knows (``canonical_ref``) joins the row of
  that number. Every name and number it is cited by is kept for lookups.
- A **unit** is one row per (unit, jurisdiction): "Sở Tài chính" of Hà Nội and
  of Cần Thơ are two units; every spelling of a name is kept for lookups.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePath

import sqlite_utils

from kehoach.extractors.fingerprint import NEAR_TEXT_BITS, RELATED_TEXT_BITS, distance, near_text
from kehoach.extractors.keys import issuer_key, jurisdiction_key, name_key, ref_key, unit_key
from kehoach.schemas.models import Assignment, Citation, Metadata, PlanDocument

LABEL_TITLE_WIDTH = 60  # characters of the title in a label
SHARED_NODES = 0.5  # share of identical nodes that makes a related text an edited copy
_OCR_SOURCES = ("ocr", "mixed")


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a new file stands among the registry's documents."""

    previous: int | None = None  # the current document it is a version or copy of
    previous_version: int = 0
    previous_label: str | None = None
    previous_path: str | None = None
    copy: bool = False  # the same document as ``previous``: recorded, not loaded
    matched_by: str | None = None  # "number" | "fingerprint" | "path"


def shorten(text: str | None, width: int) -> str | None:
    """One line, at most ``width`` characters, cut at a word boundary with "…"."""
    if text is None:
        return None
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def document_label(meta: Metadata, path: str) -> str:
    """A document's human label: its number; else type, title and date; else its file name.

    "45/KH-UBND"; "Kế hoạch Triển khai công tác dân vận… (2025-03-10)"; "du-thao.docx".
    """
    if meta.number:
        return meta.number
    parts = [p for p in (meta.doc_type, shorten(meta.title, LABEL_TITLE_WIDTH)) if p]
    if parts:
        date = f" ({meta.date.isoformat()})" if meta.date else ""
        return " ".join(parts) + date
    return PurePath(path).name or path


def content_hash(plan: PlanDocument) -> str:
    """SHA-256 of what was extracted (header and every node's text), not of the bytes:
    two files with equal hashes hold the same document."""
    meta = plan.metadata
    content = [meta.doc_type, meta.number, meta.issuer, meta.date.isoformat() if meta.date else None, meta.title,
               [(n.id, n.heading, n.text) for n in plan.nodes]]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def place_document(db: sqlite_utils.Database, plan: PlanDocument, content: str) -> Placement:
    """The current document this plan is a version or a copy of, if any."""
    row, how = _by_number(db, plan), "number"
    if row is None:
        row, how = _by_fingerprint(db, plan), "fingerprint"
    if row is None:
        row, how = _by_path(db, plan), "path"
    if row is None:
        return Placement()
    prev_id, version, label, path, prev_hash, prev_fp, prev_source = row
    scan_of_text = (plan.source.text_source in _OCR_SOURCES and prev_source not in _OCR_SOURCES
                    and near_text(plan.source.fingerprint, prev_fp))
    return Placement(prev_id, version, label, path, copy=prev_hash == content or scan_of_text, matched_by=how)


_CANDIDATE = "SELECT id, version, label, path, content_hash, fingerprint, text_source FROM documents"


def _by_number(db: sqlite_utils.Database, plan: PlanDocument) -> tuple | None:
    """Same number and issuer (keys), year compatible where both know it."""
    number, issuer = ref_key(plan.metadata.number), issuer_key(plan.metadata.issuer)
    if not (number and issuer):
        return None
    year = plan.metadata.date.year if plan.metadata.date else None
    return db.execute(
        f"{_CANDIDATE} WHERE current = 1 AND number_key = ? AND issuer_key = ? "
        "AND (year IS NULL OR ? IS NULL OR year = ?) ORDER BY id DESC LIMIT 1",
        [number, issuer, year, year]).fetchone()


def _by_fingerprint(db: sqlite_utils.Database, plan: PlanDocument) -> tuple | None:
    """The nearest current document of the same issuer whose text is near, when the numbers
    do not contradict it (two numbered documents with different numbers are two).

    Near: fingerprints at most ``NEAR_TEXT_BITS`` apart, or at most ``RELATED_TEXT_BITS`` apart
    with most nodes word for word the same (one rewritten paragraph moves a one-page letter's
    fingerprint further than eight bits; see ``extractors/fingerprint.py``).
    """
    fingerprint = plan.source.fingerprint
    if fingerprint is None:
        return None
    number = ref_key(plan.metadata.number)
    rows = db.execute(
        f"{_CANDIDATE} WHERE current = 1 AND issuer_key IS ? AND fingerprint IS NOT NULL "
        "AND (number_key IS NULL OR ? IS NULL OR number_key = ?)",
        [issuer_key(plan.metadata.issuer), number, number]).fetchall()
    related = sorted(((distance(fingerprint, r[5]), -r[0], r) for r in rows), key=lambda x: x[:2])
    for bits, _, row in related:
        if bits > RELATED_TEXT_BITS:
            break
        if bits <= NEAR_TEXT_BITS or _shared_nodes(db, row[0], plan) >= SHARED_NODES:
            return row
    return None


def _shared_nodes(db: sqlite_utils.Database, document_id: int, plan: PlanDocument) -> float:
    """The share of nodes (id, heading and text) that a stored document and a plan have word for word."""
    stored = set(db.execute("SELECT node_id, heading, text FROM nodes WHERE document_id = ?", [document_id]))
    new = {(n.id, n.heading, n.text) for n in plan.nodes}
    return len(stored & new) / max(len(stored), len(new), 1)


def _by_path(db: sqlite_utils.Database, plan: PlanDocument) -> tuple | None:
    """A document without number or issuer is identified by its path."""
    if ref_key(plan.metadata.number) and issuer_key(plan.metadata.issuer):
        return None
    return db.execute(
        f"{_CANDIDATE} WHERE current = 1 AND path = ? AND (number_key IS NULL OR issuer_key IS NULL) "
        "ORDER BY id DESC LIMIT 1", [plan.source.path]).fetchone()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def legal_document(db: sqlite_utils.Database, c: Citation) -> int:
    """The legal_documents row of a cited document, created or completed.

    Identity is (number, year, issuer) by key, the number being ``canonical_ref``
    for a document cited by name. A mention that matches no row exactly joins the
    one existing row it is compatible with (same number; year and issuer equal or
    unknown on either side: "Luật … 2025" by name, then "Luật số 72/2025/QH15 … của
    Quốc hội"), which learns the year and issuer it lacked; otherwise it gets its own row.
    """
    key = ref_key(c.canonical_ref or c.ref)
    issuer = issuer_key(c.issuer)
    year = c.year if c.year is not None else (c.date.year if c.date else None)
    identity = f"{key}|{year if year is not None else ''}|{issuer or ''}"
    row = db.execute("SELECT id FROM legal_documents WHERE identity = ?", [identity]).fetchone()
    if row is None:
        candidates = db.execute(
            "SELECT id FROM legal_documents WHERE ref_key = ? AND (? IS NULL OR year IS NULL OR year = ?) "
            "AND (? IS NULL OR issuer_key IS NULL OR issuer_key = ?)",
            [key, year, year, issuer, issuer]).fetchall()
        if len(candidates) == 1:
            row = candidates[0]
    if row is None:
        pk = db["legal_documents"].insert({
            "ref": c.ref, "doc_type": c.doc_type, "number": c.number, "year": year, "symbol": c.symbol,
            "date": _iso(c.date), "issuer": c.issuer, "term": c.term, "title": c.title,
            "canonical_ref": c.canonical_ref, "ref_key": key, "issuer_key": issuer, "identity": identity,
        }).last_pk
    else:
        pk = row[0]
        # Later mentions complete what earlier ones left out; the identity string stays.
        db.execute(
            "UPDATE legal_documents SET doc_type = coalesce(doc_type, ?), number = coalesce(number, ?), "
            "year = coalesce(year, ?), symbol = coalesce(symbol, ?), date = coalesce(date, ?), "
            "issuer = coalesce(issuer, ?), issuer_key = coalesce(issuer_key, ?), term = coalesce(term, ?), "
            "title = coalesce(title, ?), canonical_ref = coalesce(canonical_ref, ?) WHERE id = ?",
            [c.doc_type, c.number, year, c.symbol, _iso(c.date), c.issuer, issuer, c.term, c.title,
             c.canonical_ref, pk])
    for name in {c.ref, c.canonical_ref}:
        if name_key(name):
            db.execute("INSERT OR IGNORE INTO legal_document_names (legal_document_id, name, name_key) "
                       "VALUES (?, ?, ?)", [pk, name, name_key(name)])
    return pk


def unit(db: sqlite_utils.Database, a: Assignment) -> int:
    """The units row (id) of an assignment's unit in its jurisdiction, created or completed;
    every name seen is an alias of the unit (across jurisdictions) for lookups."""
    key = unit_key(a.unit_id) or a.unit_id
    place = jurisdiction_key(a.jurisdiction)
    identity = f"{key}|{place or ''}"
    row = db.execute("SELECT id, aliases FROM units WHERE identity = ?", [identity]).fetchone()
    if row is None:
        pk = db["units"].insert({
            "unit_id": a.unit_id, "unit_key": key, "jurisdiction": a.jurisdiction, "jurisdiction_key": place,
            "identity": identity, "name": a.unit, "aliases": json.dumps([a.unit], ensure_ascii=False),
            "is_group": int(a.is_group),
        }).last_pk
    else:
        pk, aliases = row[0], json.loads(row[1])
        if a.unit not in aliases:
            db.execute("UPDATE units SET aliases = ? WHERE id = ?",
                       [json.dumps([*aliases, a.unit], ensure_ascii=False), pk])
        if a.is_group:
            db.execute("UPDATE units SET is_group = 1 WHERE id = ?", [pk])
    # The unit_id itself is a lookup key too, whatever form the extractor gives it.
    for alias in (a.unit_id, a.unit):
        db.execute("INSERT OR IGNORE INTO unit_aliases (unit_key, alias, alias_key) VALUES (?, ?, ?)",
                   [key, alias, unit_key(alias) or alias])
    return pk
