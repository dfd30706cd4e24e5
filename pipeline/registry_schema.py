"""The registry's schema: tables, indexes and views, and opening a registry file.

DDL only, and the connection settings that let several ``kehoach ingest``
processes share one file. What the columns mean: ``schemas/REGISTRY.md``;
``schemas/registry.sql`` is a dump of what this module creates.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

import sqlite_utils

from kehoach.pipeline.errors import RegistryError

BUSY_TIMEOUT_MS = 30_000
SCHEMA_VERSION = 5  # PRAGMA user_version; 1 was the foundation's minimal registry, 2 had no node deadline_text,
# 3 no fingerprint, signers, canonical_ref, jurisdiction or is_group, 4 no unit jurisdiction, document label
# or legal document names

# Columns the registry adds to the model's fields (ids, keys, flags, derived
# values). tests/test_schema_sync.py checks every other column against the models.
REGISTRY_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "number_key", "issuer_key", "year", "version", "current", "superseded_by", "same_as",
                  "label", "content_hash", "ingested_at", "schema_version"),
    "nodes": ("id", "document_id", "node_id", "seq", "text_folded"),
    "node_ancestors": ("node", "ancestor", "depth"),
    "legal_documents": ("id", "ref_key", "issuer_key", "identity"),
    "legal_document_names": ("legal_document_id", "name", "name_key"),
    "citations": ("id", "document_id", "node_id", "legal_document_id"),
    "units": ("id", "unit_id", "unit_key", "jurisdiction", "jurisdiction_key", "identity", "name", "aliases",
              "is_group"),
    "unit_aliases": ("unit_key", "alias", "alias_key"),
    "assignments": ("id", "document_id", "node_id", "unit_pk"),
    "recipients": ("document_id", "seq", "recipient"),
}

TABLES_SQL = """
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT,
    pages INTEGER,
    text_source TEXT,
    warnings TEXT,                 -- JSON array
    fingerprint TEXT,              -- SimHash of the normalised text (16 hex digits)
    doc_type TEXT,
    number TEXT,
    issuer TEXT,
    parent_issuer TEXT,
    place TEXT,
    date TEXT,                     -- ISO date
    title TEXT,
    signer_name TEXT,
    signer_position TEXT,
    signer_authority TEXT,
    signers TEXT,                  -- JSON array of {name, position, authority}
    schema_version TEXT,
    label TEXT NOT NULL,           -- number, else type + title + date, else the file name
    content_hash TEXT,             -- SHA-256 of the extracted header and nodes: equal = the same document
    number_key TEXT,               -- keys.ref_key(number)
    issuer_key TEXT,               -- keys.issuer_key(issuer)
    year INTEGER,                  -- year of date
    version INTEGER NOT NULL DEFAULT 1,
    current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
    superseded_by INTEGER REFERENCES documents(id),
    same_as INTEGER REFERENCES documents(id),  -- a copy of that document: recorded, not loaded again
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    parent TEXT,
    marker TEXT,
    kind TEXT,
    heading TEXT,
    text TEXT,
    page INTEGER,
    task INTEGER NOT NULL DEFAULT 0 CHECK (task IN (0, 1)),
    deadline TEXT,                 -- as the model states it on this node; node_deadlines applies it below
    deadline_text TEXT,            -- that deadline as written
    text_folded TEXT GENERATED ALWAYS AS (replace(replace(text, 'đ', 'd'), 'Đ', 'D')) VIRTUAL,
    UNIQUE (document_id, node_id)
);
CREATE TABLE IF NOT EXISTS node_ancestors (
    ancestor INTEGER NOT NULL REFERENCES nodes(id),
    node INTEGER NOT NULL REFERENCES nodes(id),
    depth INTEGER NOT NULL,
    PRIMARY KEY (ancestor, node)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS legal_documents (
    id INTEGER PRIMARY KEY,
    ref TEXT NOT NULL,
    doc_type TEXT,
    number TEXT,
    year INTEGER,
    symbol TEXT,
    date TEXT,
    issuer TEXT,
    term TEXT,
    title TEXT,
    canonical_ref TEXT,            -- the number of a document cited by name, when known
    ref_key TEXT NOT NULL,         -- keys.ref_key(canonical_ref or ref)
    issuer_key TEXT,
    identity TEXT NOT NULL UNIQUE  -- ref_key|year|issuer_key
);
CREATE TABLE IF NOT EXISTS legal_document_names (
    legal_document_id INTEGER NOT NULL REFERENCES legal_documents(id),
    name TEXT NOT NULL,            -- a ref, number or name the document was cited by
    name_key TEXT NOT NULL,        -- keys.name_key(name)
    PRIMARY KEY (legal_document_id, name)
);
CREATE TABLE IF NOT EXISTS citations (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    legal_document_id INTEGER NOT NULL REFERENCES legal_documents(id),
    relation TEXT CHECK (relation IN ('implements', 'based_on', 'amends', 'replaces')),
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    unit_id TEXT NOT NULL,         -- the extractor's unit_id, as first seen
    unit_key TEXT NOT NULL,        -- keys.unit_key(unit_id)
    jurisdiction TEXT,             -- as first seen; null when unknown
    jurisdiction_key TEXT,         -- keys.jurisdiction_key(jurisdiction)
    identity TEXT NOT NULL UNIQUE, -- unit_key|jurisdiction_key
    name TEXT NOT NULL,            -- the first name seen
    aliases TEXT NOT NULL,         -- JSON array of every name seen
    is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1))
);
CREATE TABLE IF NOT EXISTS unit_aliases (
    unit_key TEXT NOT NULL,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,       -- keys.unit_key(alias)
    PRIMARY KEY (unit_key, alias)
);
CREATE TABLE IF NOT EXISTS assignments (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id),
    node_id TEXT NOT NULL,
    unit TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    unit_pk INTEGER NOT NULL REFERENCES units(id),
    role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    deadline TEXT,
    deadline_text TEXT,
    jurisdiction TEXT,             -- the province/city/commune of a local body; 'Trung ương' for central ones
    is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),  -- a catch-all, not one body
    FOREIGN KEY (document_id, node_id) REFERENCES nodes(document_id, node_id)
);
CREATE TABLE IF NOT EXISTS recipients (
    document_id INTEGER NOT NULL REFERENCES documents(id),
    seq INTEGER NOT NULL,
    recipient TEXT NOT NULL,
    PRIMARY KEY (document_id, seq)
);
CREATE VIRTUAL TABLE IF NOT EXISTS nodes_fts USING fts5(
    heading, text, text_folded,
    content='nodes', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
"""

# One index per query in pipeline/queries.py (and per foreign key).
INDEXES_SQL = """
CREATE INDEX IF NOT EXISTS documents_identity ON documents(number_key, issuer_key);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer_key) WHERE current = 1;
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_superseded_by ON documents(superseded_by);
CREATE INDEX IF NOT EXISTS nodes_deadline ON nodes(deadline);
CREATE INDEX IF NOT EXISTS nodes_task ON nodes(task) WHERE task = 1;
CREATE INDEX IF NOT EXISTS node_ancestors_node ON node_ancestors(node, depth);
CREATE INDEX IF NOT EXISTS legal_documents_ref_key ON legal_documents(ref_key);
CREATE INDEX IF NOT EXISTS legal_document_names_key ON legal_document_names(name_key);
CREATE INDEX IF NOT EXISTS citations_legal_document ON citations(legal_document_id, relation);
CREATE INDEX IF NOT EXISTS citations_node ON citations(document_id, node_id);
CREATE INDEX IF NOT EXISTS units_key ON units(unit_key, jurisdiction_key);
CREATE INDEX IF NOT EXISTS unit_aliases_key ON unit_aliases(alias_key);
CREATE INDEX IF NOT EXISTS assignments_unit ON assignments(unit_pk, role);
CREATE INDEX IF NOT EXISTS assignments_node ON assignments(document_id, node_id, role);
"""

VIEWS_SQL = """
-- Each node's deadline: the one stated on it, else its nearest ancestor's (a
-- parent's deadline applies to its children). The one place deadlines are inherited.
CREATE VIEW IF NOT EXISTS node_deadlines AS
SELECT
    n.id AS node_pk,
    (SELECT a.deadline FROM node_ancestors t JOIN nodes a ON a.id = t.ancestor
     WHERE t.node = n.id AND a.deadline_text IS NOT NULL ORDER BY t.depth LIMIT 1) AS deadline,
    (SELECT a.deadline_text FROM node_ancestors t JOIN nodes a ON a.id = t.ancestor
     WHERE t.node = n.id AND a.deadline_text IS NOT NULL ORDER BY t.depth LIMIT 1) AS deadline_text
FROM nodes n;

-- Every node citing a legal document, in current documents (name kept from the
-- issue; the `task` column says whether the node is a task).
CREATE VIEW IF NOT EXISTS tasks_citing AS
SELECT
    c.id AS citation_id,
    l.id AS legal_document_id,
    l.ref, l.ref_key, l.canonical_ref, l.doc_type AS cited_doc_type, l.issuer AS cited_issuer,
    l.date AS cited_date, c.relation, c.text AS citation_text, c.start AS citation_start,
    c."end" AS citation_end,
    d.id AS document_id, d.label AS document_label, d.doc_type AS document_type, d.number AS document_number,
    d.issuer AS document_issuer, d.date AS document_date, d.title AS document_title, d.path,
    n.id AS node_pk, n.node_id, n.heading, n.text, n.task, nd.deadline, nd.deadline_text
FROM citations c
JOIN legal_documents l ON l.id = c.legal_document_id
JOIN documents d ON d.id = c.document_id AND d.current = 1
JOIN nodes n ON n.document_id = c.document_id AND n.node_id = c.node_id
JOIN node_deadlines nd ON nd.node_pk = n.id;

-- A unit's work: each assignment expanded from its node to the node's subtree
-- (a unit heading leads the items under it), except below a node that names a
-- lead of its own: there the heading's units stop. `depth` 0 = stated on the node.
CREATE VIEW IF NOT EXISTS unit_tasks AS
SELECT
    u.id AS unit_pk, u.unit_id, u.name AS unit, a.unit AS unit_as_written, u.jurisdiction, u.is_group, a.role,
    d.id AS document_id, d.label AS document_label, d.doc_type AS document_type,
    d.number AS document_number, d.issuer AS document_issuer, d.date AS document_date,
    d.title AS document_title,
    n.id AS node_pk, n.node_id, n.heading, n.text, n.task, n.seq,
    -- On the assigned node the assignment's own deadline wins; below it, the node's
    -- (its own or an ancestor's, which may be the assigned node's).
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline, nd.deadline) ELSE coalesce(nd.deadline, a.deadline) END
        AS deadline,
    CASE WHEN t.depth = 0 THEN coalesce(a.deadline_text, nd.deadline_text)
         ELSE coalesce(nd.deadline_text, a.deadline_text) END AS deadline_text,
    a.node_id AS assigned_node, t.depth
FROM assignments a
JOIN documents d ON d.id = a.document_id AND d.current = 1
JOIN nodes an ON an.document_id = a.document_id AND an.node_id = a.node_id
JOIN node_ancestors t ON t.ancestor = an.id
JOIN nodes n ON n.id = t.node
JOIN node_deadlines nd ON nd.node_pk = n.id
JOIN units u ON u.id = a.unit_pk
WHERE t.depth = 0 OR NOT EXISTS (
    SELECT 1 FROM node_ancestors p
    JOIN nodes m ON m.id = p.ancestor
    JOIN assignments b ON b.document_id = m.document_id AND b.node_id = m.node_id AND b.role = 'lead'
    WHERE p.node = t.node AND p.depth < t.depth);

-- A cited document that is also an ingested (current) document: same number,
-- year where both know it, issuer where both know it (one may be a prefix of
-- the other: "Ban Chấp hành Trung ương" / "Ban Chấp hành Trung ương Đảng").
CREATE VIEW IF NOT EXISTS legal_document_links AS
SELECT l.id AS legal_document_id, d.id AS document_id
FROM legal_documents l
JOIN documents d ON d.number_key = l.ref_key AND d.current = 1
WHERE (l.year IS NULL OR d.year IS NULL OR l.year = d.year)
  AND (l.issuer_key IS NULL OR d.issuer_key IS NULL
       OR substr(d.issuer_key, 1, length(l.issuer_key)) = l.issuer_key
       OR substr(l.issuer_key, 1, length(d.issuer_key)) = d.issuer_key);
"""

TABLES = ("documents", "nodes", "node_ancestors", "legal_documents", "legal_document_names", "citations",
          "units", "unit_aliases", "assignments", "recipients")
VIEWS = ("node_deadlines", "tasks_citing", "unit_tasks", "legal_document_links")

WAL_RETRIES = 100  # × 0.05 s


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) a registry database with the schema in place.

    WAL mode and a busy timeout, so several ``kehoach ingest`` processes can
    write one registry: each waits for the others' transactions.

    :raises RegistryError: the file is not a usable registry
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
        if version != SCHEMA_VERSION:
            if version != 0 or "documents" in db.table_names():
                raise RegistryError(None, f"registry schema version {version}, this kehoach needs "
                                          f"{SCHEMA_VERSION}: ingest again into a new registry file")
            for script in (TABLES_SQL, INDEXES_SQL, VIEWS_SQL):
                for statement in _statements(script):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> Iterable[str]:
    """Split a DDL script into statements (sqlite3.complete_statement decides where one ends)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""


def counts(db: sqlite_utils.Database) -> dict[str, int]:
    """Row counts of the tables."""
    return {name: db.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0] for name in TABLES}


def schema_sql(db: sqlite_utils.Database) -> str:
    """The registry's DDL as stored in sqlite_master (tables, indexes, views), for schemas/registry.sql."""
    rows = db.execute(
        "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'nodes_fts_%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid"
    ).fetchall()
    return ";\n\n".join(r[0] for r in rows) + ";\n"
