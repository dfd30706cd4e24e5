"""The registry's schema: tables, indexes and views, and opening a registry file.

The DDL itself is ``schemas/registry.sql`` (what the columns mean: ``schemas/REGISTRY.md``); this module
runs it, brings older registries up to date and sets the connection up so that several ``kehoach ingest``
processes can share one file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from contextlib import closing
from importlib.resources import files
from pathlib import Path

import sqlite_utils

from kehoach.extractors.keys import key_version
from kehoach.pipeline.errors import RegistryError

BUSY_TIMEOUT_MS = 30_000
SCHEMA_VERSION = 9  # PRAGMA user_version; 1 was the foundation's minimal registry, 2 had no node deadline_text,
# 3 no fingerprint, signers, canonical_ref, jurisdiction or is_group, 4 no unit jurisdiction, document label
# or legal document names, 5 no document symbol or date_text, 6 no corrections or task statuses, 7 no record of the
# key version, 8 a node_deadlines view (deadlines are the extractor's now)

# Columns the registry adds to the model's fields (ids, keys, flags, derived
# values). tests/test_schema_sync.py checks every other column against the models.
REGISTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "registry_settings": ("name", "value"),
    "documents": ("id", "number_key", "issuer_key", "year", "version", "current", "superseded_by", "same_as",
                  "chain_id", "corrected", "label", "content_hash", "ingested_at", "schema_version"),
    "nodes": ("id", "document_id", "node_id", "seq", "text_folded", "task_corrected"),
    "node_ancestors": ("node", "ancestor", "depth"),
    "legal_documents": ("id", "ref_key", "issuer_key", "identity"),
    "legal_document_names": ("legal_document_id", "name", "name_key"),
    "citations": ("id", "document_id", "node_id", "legal_document_id", "correction_id", "removed_by"),
    "units": ("id", "unit_id", "unit_key", "jurisdiction", "jurisdiction_key", "identity", "name", "aliases",
              "is_group"),
    "unit_aliases": ("unit_key", "alias", "alias_key"),
    "assignments": ("id", "document_id", "node_id", "unit_pk", "correction_id", "removed_by"),
    "recipients": ("document_id", "seq", "recipient"),
    "corrections": ("id", "chain_id", "document_id", "node_id", "node_text", "action", "old_value", "new_value",
                    "author", "created_at", "note"),
    "correction_outcomes": ("correction_id", "document_id", "outcome", "reason"),
    "task_status": ("document_id", "node_id", "status", "done_date", "correction_id"),
}

SCHEMA_SQL = (files("kehoach.schemas") / "registry.sql").read_text(encoding="utf-8")

TABLES = ("registry_settings", "documents", "nodes", "node_ancestors", "legal_documents", "legal_document_names", "citations",
          "units", "unit_aliases", "assignments", "recipients", "corrections", "correction_outcomes", "task_status")
VIEWS = ("corrected_documents", "tasks_citing", "unit_tasks", "legal_document_links",
         "correction_log")

WAL_RETRIES = 100  # × 0.05 s


def open_db(path: str | Path, *, check_keys: bool = True) -> sqlite_utils.Database:
    """Open (creating if needed) a registry database with the schema in place.

    WAL mode and a busy timeout, so several ``kehoach ingest`` processes can
    write one registry: each waits for the others' transactions.

    :param check_keys: refuse a registry whose matching keys another kehoach built (``kehoach rekey``
        opens it without the check, to rebuild them)
    :raises RegistryError: the file is not a usable registry, or its keys are out of date
    """
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; a crash loses no committed row
        conn.execute("PRAGMA foreign_keys = ON")
        db = sqlite_utils.Database(conn)
        ensure_schema(db)
    except sqlite3.DatabaseError as exc:
        raise RegistryError(str(path), f"not a usable registry database ({exc})") from None
    if check_keys:
        from kehoach.pipeline.rekey import check_key_version

        check_key_version(db, str(path))
    return db


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs the file to itself and SQLite answers "locked" at once
    (no busy handler) while another process opens or converts the same new file: retry."""
    for _ in range(WAL_RETRIES):
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            time.sleep(0.05)
    conn.execute("PRAGMA journal_mode = WAL")  # last try: let its error speak


def schema_version(path: str | Path) -> int:
    """The schema version a registry file was written with (0: empty).

    :raises RegistryError: the file is not an SQLite database
    """
    try:
        with closing(sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True)) as conn:
            return conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise RegistryError(str(path), f"not a usable registry database ({exc})") from None


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, indexes and views that are missing (one write transaction).

    :raises RegistryError: the file holds an older, incompatible registry
    """
    conn = db.conn
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version in MIGRATIONS:
            MIGRATIONS[version](conn)
        elif version != SCHEMA_VERSION:
            if version != 0 or "documents" in db.table_names():
                raise RegistryError(None, f"registry schema version {version}, this kehoach needs "
                                          f"{SCHEMA_VERSION}: ingest again into a new registry file")
            for statement in _statements(SCHEMA_SQL):
                conn.execute(statement)
            conn.execute("INSERT INTO registry_settings (name, value) VALUES ('key_version', ?)", [key_version()])
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _from_8(conn: sqlite3.Connection) -> None:
    """Version 8 stored only the deadline a node states and applied its ancestors' in a view: store
    each node's effective deadline (its nearest ancestor's) as the extractor now does, and rebuild
    the views. Corrections and task statuses are untouched."""
    for name in ("node_deadlines", *VIEWS):
        conn.execute(f"DROP VIEW IF EXISTS [{name}]")
    conn.execute("""
        UPDATE nodes SET (deadline, deadline_text) = (
            SELECT a.deadline, a.deadline_text FROM node_ancestors na JOIN nodes a ON a.id = na.ancestor
            WHERE na.node = nodes.id AND a.deadline_text IS NOT NULL ORDER BY na.depth LIMIT 1)
        WHERE deadline_text IS NULL AND node_id NOT IN ('title', 'preamble', 'closing')""")
    for statement in _statements(SCHEMA_SQL):
        if statement.startswith("CREATE VIEW"):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


# An older registry this kehoach brings up to date in place, keeping the clerks' work: version → step.
MIGRATIONS = {8: _from_8}


def _statements(script: str) -> Iterable[str]:
    """Split a DDL script into statements, each without the comment lines before it
    (sqlite3.complete_statement decides where one ends)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the tables that hold documents and what was read from them (not the settings)."""
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in TABLES
            if name != "registry_settings"}
